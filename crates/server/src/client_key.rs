//! The client key the rate limits count against: the client's address (read through the trusted
//! proxies' `X-Forwarded-For`), an IPv6 client by its /64, and by its /56 and /48 as well.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

use ipnet::IpNet;

/// The client's address: the socket `peer`, unless the peer is one of the `trusted` proxies;
/// then the `X-Forwarded-For` entries (every header's, in order) are read from the right,
/// through the trusted hops, and the first address that is not one of them is the client.
/// An entry that is no address stops the walk: the hop that passed it on is the client. When
/// every hop is trusted, the leftmost is.
pub fn client_address<'a>(
    peer: IpAddr,
    forwarded_for: impl DoubleEndedIterator<Item = &'a str>,
    trusted: &[IpNet],
) -> IpAddr {
    let is_trusted = |address: IpAddr| {
        let address = address.to_canonical();
        trusted.iter().any(|proxy| proxy.contains(&address))
    };
    let mut client = peer;
    if !is_trusted(peer) {
        return client;
    }
    for entry in forwarded_for.rev() {
        let Some(address) = forwarded_address(entry) else {
            return client;
        };
        client = address;
        if !is_trusted(address) {
            return client;
        }
    }
    client
}

/// How much more an IPv6 /56 and /48 may post than one /64: a household or an office gets a
/// /56 or a /48 and may use its /64s in turn, but not past these.
pub const WIDER_PREFIXES: [(u8, u32); 2] = [(56, 4), (48, 16)];

/// The wider keys an IPv6 client (keyed `PREFIX/64`) also counts against, each with how many
/// times the limit it has; none for an IPv4 client.
pub fn wider_keys(key: &str) -> Vec<(String, u32)> {
    let Some(prefix) = key
        .strip_suffix("/64")
        .and_then(|prefix| prefix.parse::<Ipv6Addr>().ok())
    else {
        return Vec::new();
    };
    WIDER_PREFIXES
        .iter()
        .map(|&(length, factor)| {
            let bits = u128::from(prefix) & (u128::MAX << (128 - u32::from(length)));
            (format!("{}/{length}", Ipv6Addr::from(bits)), factor)
        })
        .collect()
}

/// The rate-limit key of a client `address`: an IPv4 address as it is (an IPv4-mapped IPv6
/// address too), an IPv6 address by its /64 prefix, e.g. `2001:db8:1:2::/64`. A subscriber
/// or server usually gets a whole /64 and can pick any address in it, so counting full IPv6
/// addresses would let one client rotate past the limit.
pub fn rate_limit_key(address: IpAddr) -> String {
    match address.to_canonical() {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => {
            let [a, b, c, d, ..] = v6.segments();
            format!("{}/64", Ipv6Addr::new(a, b, c, d, 0, 0, 0, 0))
        }
    }
}

/// An `X-Forwarded-For` entry as an address: `203.0.113.7`, `203.0.113.7:4711`,
/// `2001:db8::1`, `[2001:db8::1]` or `[2001:db8::1]:4711`; `None` for anything else
/// (`unknown`, a host name, garbage).
pub fn forwarded_address(entry: &str) -> Option<IpAddr> {
    let entry = entry.trim();
    entry
        .parse::<IpAddr>()
        .ok()
        .or_else(|| entry.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| {
            let bracketed = entry.strip_prefix('[')?.strip_suffix(']')?;
            bracketed.parse::<Ipv6Addr>().ok().map(IpAddr::V6)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(text: &str) -> IpAddr {
        text.parse().expect("an address")
    }

    #[test]
    fn the_client_is_the_first_untrusted_hop_from_the_right() {
        let trusted: Vec<IpNet> = vec![
            "10.0.0.0/8".parse().unwrap(),
            "2001:db8:ffff::/48".parse().unwrap(),
        ];
        let client = |peer: &str, headers: &[&str]| {
            let entries: Vec<&str> = headers.iter().flat_map(|h| h.split(',')).collect();
            client_address(address(peer), entries.into_iter(), &trusted)
        };
        // An untrusted peer is the client, whatever it says.
        assert_eq!(
            client("203.0.113.7", &["198.51.100.1"]),
            address("203.0.113.7")
        );
        // One trusted hop.
        assert_eq!(
            client("10.0.0.2", &["198.51.100.1"]),
            address("198.51.100.1")
        );
        // Two trusted hops (a CDN, then the load balancer), over two headers: the entries
        // left of the client (spoofed by it) are never read.
        assert_eq!(
            client("10.0.0.2", &["6.6.6.6, 198.51.100.1", "10.1.1.1"]),
            address("198.51.100.1")
        );
        assert_eq!(
            client(
                "::ffff:10.0.0.2",
                &["[2001:db8:ffff::5]:443", "203.0.113.9"]
            ),
            address("203.0.113.9")
        );
        assert_eq!(
            client("2001:db8:ffff::1", &["203.0.113.9, 2001:db8:ffff::5"]),
            address("203.0.113.9")
        );
        // Garbage: the hop that passed it on.
        assert_eq!(client("10.0.0.2", &["unknown"]), address("10.0.0.2"));
        assert_eq!(
            client("10.0.0.2", &["1.2.3.4, x, 10.0.0.7"]),
            address("10.0.0.7")
        );
        // Every hop trusted, or no header: the leftmost, or the peer.
        assert_eq!(
            client("10.0.0.2", &["10.0.0.9, 10.0.0.8"]),
            address("10.0.0.9")
        );
        assert_eq!(client("10.0.0.2", &[]), address("10.0.0.2"));
        // No trusted proxies: the peer, always.
        assert_eq!(
            client_address(address("10.0.0.2"), ["198.51.100.1"].into_iter(), &[]),
            address("10.0.0.2")
        );
    }

    #[test]
    fn an_ipv6_client_also_counts_against_its_56_and_48() {
        assert_eq!(
            wider_keys("2001:db8:1:2ff::/64"),
            [
                ("2001:db8:1:200::/56".to_owned(), 4),
                ("2001:db8:1::/48".to_owned(), 16)
            ]
        );
        assert!(wider_keys("203.0.113.7").is_empty());
    }

    fn key(address: &str) -> String {
        rate_limit_key(address.parse().expect("an address"))
    }

    #[test]
    fn ipv4_clients_are_keyed_by_address_and_ipv6_clients_by_their_64() {
        assert_eq!(key("203.0.113.7"), "203.0.113.7");
        assert_eq!(key("::ffff:203.0.113.7"), "203.0.113.7");
        assert_eq!(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:db8:1:2:ffff:ffff:ffff:ffff"), "2001:db8:1:2::/64");
        assert_eq!(key("2001:DB8:1:3::1"), "2001:db8:1:3::/64");
        assert_eq!(key("::1"), "::/64");
    }

    #[test]
    fn forwarded_entries_are_read_as_addresses_without_ports_or_brackets() {
        let v4: IpAddr = "203.0.113.7".parse().unwrap();
        let v6: IpAddr = "2001:db8::1".parse().unwrap();
        for (entry, address) in [
            ("203.0.113.7", Some(v4)),
            (" 203.0.113.7 ", Some(v4)),
            ("203.0.113.7:4711", Some(v4)),
            ("2001:db8::1", Some(v6)),
            ("[2001:db8::1]", Some(v6)),
            ("[2001:db8::1]:4711", Some(v6)),
            ("", None),
            ("unknown", None),
            ("proxy.example.vn", None),
            ("203.0.113", None),
            ("203.0.113.7:port", None),
            ("[203.0.113.7]", None),
            ("2001:db8::1:4711:", None),
            ("[2001:db8::1", None),
        ] {
            assert_eq!(forwarded_address(entry), address, "{entry:?}");
        }
    }
}
