//! Web origins as `--allowed-origins` takes them and browsers send them: `scheme://host[:port]`.

use std::fmt;
use std::net::Ipv6Addr;
use std::str::FromStr;

/// A web origin, `http` or `https`, normalized as a browser writes it in an `Origin` header:
/// lower case, without the scheme's default port and without a trailing slash
/// (`HTTPS://Bao.vn:443/` is `https://bao.vn`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin(String);

impl Origin {
    /// The origin as text, e.g. `https://bao.vn:8443`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The host and port (when not the default), as a `Host` header has them.
    pub fn host(&self) -> &str {
        self.0.split_once("://").map_or("", |(_, host)| host)
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(&self.0)
    }
}

/// Why a value is not an origin; says what an origin looks like.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvalidOrigin {
    value: String,
    reason: &'static str,
}

impl fmt::Display for InvalidOrigin {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            formatter,
            "{:?} is not an origin ({}): write scheme://host or scheme://host:port, with \
             http or https, e.g. https://bao.example.vn",
            self.value, self.reason
        )
    }
}

impl std::error::Error for InvalidOrigin {}

impl FromStr for Origin {
    type Err = InvalidOrigin;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        let invalid = |reason| InvalidOrigin {
            value: value.to_owned(),
            reason,
        };
        if value.trim().is_empty() {
            return Err(invalid("it is empty"));
        }
        let (scheme, rest) = value
            .trim()
            .split_once("://")
            .ok_or(invalid("no scheme://"))?;
        let scheme = scheme.to_ascii_lowercase();
        let default_port = match scheme.as_str() {
            "https" => 443,
            "http" => 80,
            _ => return Err(invalid("the scheme must be http or https")),
        };
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#']) {
            return Err(invalid("an origin has no path, query or fragment"));
        }
        if authority.contains('@') {
            return Err(invalid("an origin has no user name or password"));
        }
        let (host, port) = split_port(authority).ok_or(invalid("the port must be 1 to 65535"))?;
        let host = normalize_host(host).ok_or(invalid(
            "the host must be a domain name (punycode for non-ASCII names), an IPv4 address \
             or an IPv6 address in brackets",
        ))?;
        Ok(Self(match port {
            Some(port) if port != default_port => format!("{scheme}://{host}:{port}"),
            _ => format!("{scheme}://{host}"),
        }))
    }
}

/// `host[:port]` as the host and the port, if one is given; `None` for a bad port.
fn split_port(authority: &str) -> Option<(&str, Option<u16>)> {
    let port_start = match authority.rfind(']') {
        Some(bracket) => authority[bracket..].find(':').map(|at| bracket + at),
        None => authority.rfind(':'),
    };
    let Some(colon) = port_start else {
        return Some((authority, None));
    };
    let digits = &authority[colon + 1..];
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return None;
    }
    let port = digits.parse::<u16>().ok().filter(|port| *port != 0)?;
    Some((&authority[..colon], Some(port)))
}

/// The host in lower case, if it is a domain name of ASCII labels, an IPv4 address or a
/// bracketed IPv6 address.
fn normalize_host(host: &str) -> Option<String> {
    if let Some(inside) = host.strip_prefix('[') {
        let address: Ipv6Addr = inside.strip_suffix(']')?.parse().ok()?;
        return Some(format!("[{address}]"));
    }
    let valid_label = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label
                .bytes()
                .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
    };
    (host.len() <= 253 && host.split('.').all(valid_label)).then(|| host.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn origin(value: &str) -> Result<String, InvalidOrigin> {
        value.parse::<Origin>().map(|origin| origin.0)
    }

    #[test]
    fn origins_are_normalized_as_browsers_send_them() {
        for (value, normalized) in [
            ("https://bao.example.vn", "https://bao.example.vn"),
            ("HTTPS://Bao.Example.VN/", "https://bao.example.vn"),
            (" https://bao.example.vn:443 ", "https://bao.example.vn"),
            ("http://bao.example.vn:80", "http://bao.example.vn"),
            ("http://bao.example.vn:443", "http://bao.example.vn:443"),
            (
                "https://bao.example.vn:8443/",
                "https://bao.example.vn:8443",
            ),
            ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
            ("http://localhost:3000", "http://localhost:3000"),
            ("https://[2001:DB8::1]:443", "https://[2001:db8::1]"),
            ("http://[::1]:8080", "http://[::1]:8080"),
            ("https://xn--bo-hia.vn", "https://xn--bo-hia.vn"),
        ] {
            assert_eq!(origin(value).as_deref(), Ok(normalized), "{value}");
        }
    }

    #[test]
    fn values_that_are_not_origins_are_refused() {
        for value in [
            "",
            "bao.example.vn",
            "*",
            "null",
            "ftp://bao.example.vn",
            "https://",
            "https:///",
            "https://bao.example.vn/binh-luan",
            "https://bao.example.vn//",
            "https://bao.example.vn?x=1",
            "https://bao.example.vn#top",
            "https://an@bao.example.vn",
            "https://bao.example.vn:",
            "https://bao.example.vn:0",
            "https://bao.example.vn:65536",
            "https://bao.example.vn:https",
            "https://báo.vn",
            "https://bao..vn",
            "https://-bao.vn",
            "https://bao example.vn",
            "https://2001:db8::1",
            "https://[2001:db8::1",
            "https://[bao.vn]",
        ] {
            assert!(origin(value).is_err(), "{value:?} was accepted");
        }
    }

    #[test]
    fn the_error_says_what_an_origin_is() {
        let error = origin("https://bao.example.vn/binh-luan").unwrap_err();
        assert_eq!(
            error.to_string(),
            "\"https://bao.example.vn/binh-luan\" is not an origin (an origin has no path, query \
             or fragment): write scheme://host or scheme://host:port, with http or https, e.g. \
             https://bao.example.vn"
        );
    }

    #[test]
    fn an_empty_entry_is_called_empty() {
        assert_eq!(origin(" ").unwrap_err().reason, "it is empty");
    }

    #[test]
    fn the_host_is_what_a_host_header_holds() {
        let host = |value: &str| value.parse::<Origin>().unwrap().host().to_owned();
        assert_eq!(host("https://bao.vn:443"), "bao.vn");
        assert_eq!(host("http://127.0.0.1:3000"), "127.0.0.1:3000");
    }
}
