//! Who the post rate limit counts against: the client's address, an IPv6 client by its /64.

use std::net::{IpAddr, Ipv6Addr, SocketAddr};

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
