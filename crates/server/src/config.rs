//! The server's settings: command-line flags, each with an environment-variable twin.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Parser, ValueEnum};
use ipnet::IpNet;

use crate::origin::Origin;

/// Settings of one `binhluan-server` process. Several processes may share one PostgreSQL
/// database behind a load balancer: nothing here has to be shared between them.
#[derive(Clone, Debug, Parser)]
#[command(name = "binhluan-server", version, about, long_about = None)]
pub struct Config {
    /// The address to listen on.
    #[arg(long, env = "BINHLUAN_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Where comments are kept: `sqlite://FILE` (created if missing) or `postgres://…`.
    #[arg(
        long,
        env = "BINHLUAN_DATABASE_URL",
        default_value = "sqlite://binhluan.db"
    )]
    pub database_url: String,

    /// The most database connections this process opens.
    #[arg(long, env = "BINHLUAN_DATABASE_MAX_CONNECTIONS", default_value_t = 8)]
    pub database_max_connections: u32,

    /// The app's built files (trunk's output) to serve next to the API. Without it: the
    /// bundle built into the binary (feature `embedded-bundle`), or else `dist`.
    #[arg(long, env = "BINHLUAN_DIST")]
    pub dist: Option<PathBuf>,

    /// The address readers reach this server at (`https://binhluan.example.vn`), for the
    /// canonical links of its article pages; without it, the request's `Host` over http.
    #[arg(long, env = "BINHLUAN_PUBLIC_URL")]
    pub public_url: Option<Origin>,

    /// The bearer token automation sends (the CMS, scripts), at least 32 characters; prefer
    /// `--moderation-token-file`, since a flag shows in the process list. Without either,
    /// only desk sessions moderate.
    #[arg(long, env = "BINHLUAN_MODERATION_TOKEN", hide_env_values = true)]
    pub moderation_token: Option<String>,

    /// A file holding the bearer token (its first line; e.g. a container secret).
    #[arg(
        long,
        env = "BINHLUAN_MODERATION_TOKEN_FILE",
        conflicts_with = "moderation_token"
    )]
    pub moderation_token_file: Option<PathBuf>,

    /// The key reader ids are signed with, at least 32 characters (prefer
    /// `--reader-secret-file`). Without either, the server makes one and keeps it in the
    /// database, which every process on that database shares. Changing it makes every reader
    /// get a new id (their earlier likes stay counted).
    #[arg(long, env = "BINHLUAN_READER_SECRET", hide_env_values = true)]
    pub reader_secret: Option<String>,

    /// A file holding the reader-id key (its first line).
    #[arg(
        long,
        env = "BINHLUAN_READER_SECRET_FILE",
        conflicts_with = "reader_secret"
    )]
    pub reader_secret_file: Option<PathBuf>,

    /// Comment posts allowed per client per minute (an IPv4 address, or an IPv6 /64 prefix);
    /// 0 turns the limit off.
    #[arg(long, env = "BINHLUAN_POST_RATE_LIMIT", default_value_t = 5)]
    pub post_rate_limit: u32,

    /// Origins of the sites that embed the comments, comma-separated (e.g.
    /// `https://news.example.vn,https://m.example.vn:8443`): CORS is granted to them and
    /// their posts are accepted. Each must be `scheme://host[:port]` with http or https (a
    /// default port is dropped); anything else stops the server with an error.
    #[arg(long, env = "BINHLUAN_ALLOWED_ORIGINS", value_delimiter = ',')]
    pub allowed_origins: Vec<Origin>,

    /// A rules policy as JSON (binhluan_rules::Policy; missing fields take their defaults).
    /// Without it the rules crate's default policy is enforced.
    #[arg(long, env = "BINHLUAN_POLICY")]
    pub policy: Option<PathBuf>,

    /// Publish new comments at once instead of holding them for a moderator. Comments the
    /// rules hold (e.g. links under `"links": "hold"`) wait for a moderator regardless.
    #[arg(long, env = "BINHLUAN_AUTO_PUBLISH")]
    pub auto_publish: bool,

    /// The proxies in front of this server (load balancers, a CDN), as addresses or CIDR
    /// ranges, comma-separated (`10.0.0.0/8,2001:db8:ffff::/48`): a request from one of them
    /// is from the client its `X-Forwarded-For` names, read from the right through the
    /// trusted hops. Without any, `X-Forwarded-For` is ignored.
    #[arg(long, env = "BINHLUAN_TRUSTED_PROXIES", value_delimiter = ',', value_parser = parse_proxy)]
    pub trusted_proxies: Vec<IpNet>,

    /// Comment posts the rules refuse allowed per client per minute (counted apart from
    /// `--post-rate-limit`, which counts accepted ones; a script that keeps trying gets `429`);
    /// 0 turns the limit off.
    #[arg(long, env = "BINHLUAN_REFUSED_POST_RATE_LIMIT", default_value_t = 30)]
    pub refused_post_rate_limit: u32,

    /// Which articles have a comment thread: `auto` also opens one the first time a widget on
    /// an allowed origin asks for an unknown slug; `registered` only those the CMS, an import
    /// or the content folder registered (other slugs are `404`).
    #[arg(long, env = "BINHLUAN_THREADS", value_enum, default_value_t = ThreadMode::Auto)]
    pub threads: ThreadMode,

    /// Threads one client (an IPv4 address, or an IPv6 /64 prefix) may open per hour with
    /// `--threads auto`; 0 turns the bound off.
    #[arg(long, env = "BINHLUAN_THREAD_LIMIT", default_value_t = 30)]
    pub thread_limit: u32,

    /// A folder of sample articles (`*.json`, as `GET /api/articles/{slug}` returns them)
    /// registered at start when the database lacks them; an empty value loads none.
    #[arg(long, env = "BINHLUAN_CONTENT", default_value = "content/articles")]
    pub content: PathBuf,

    /// Seconds a client may take to send a request's headers, on a new connection or an idle
    /// kept-alive one; then the connection is closed (slow clients cannot hold sockets).
    #[arg(long, env = "BINHLUAN_HEADER_READ_TIMEOUT", default_value_t = 10)]
    pub header_read_timeout: u64,

    /// Seconds a request may take before it is answered `408 request_timeout`.
    #[arg(long, env = "BINHLUAN_REQUEST_TIMEOUT", default_value_t = 30)]
    pub request_timeout: u64,

    /// Requests handled at once by this process; more are answered `503 overloaded` at once.
    #[arg(long, env = "BINHLUAN_MAX_CONCURRENT_REQUESTS", default_value_t = 1024)]
    pub max_concurrent_requests: usize,

    /// Where to serve Prometheus metrics (`GET /metrics`), e.g. `127.0.0.1:9100`; off when not
    /// given. Keep it off the public port: it is a separate listener.
    #[arg(long, env = "BINHLUAN_METRICS_ADDR")]
    pub metrics_addr: Option<SocketAddr>,

    /// How log lines are written to stderr: `text` for people, `json` (one object a line,
    /// with the request's id) for log collectors.
    #[arg(long, env = "BINHLUAN_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    pub log_format: LogFormat,
}

/// A proxy's address (a /32 or /128) or range.
fn parse_proxy(text: &str) -> Result<IpNet, String> {
    let text = text.trim();
    text.parse::<IpNet>()
        .or_else(|_| text.parse::<std::net::IpAddr>().map(IpNet::from))
        .map(|net| net.trunc())
        .map_err(|_| format!("{text:?} is not an address or a CIDR range"))
}

/// The fewest characters a moderation token may have: 32, as `openssl rand -hex 16` gives.
pub const MIN_TOKEN_CHARS: usize = 32;

impl Config {
    /// The moderation token, from `--moderation-token` or the first line of
    /// `--moderation-token-file`: an error that says what to do when the file cannot be read
    /// or the token is shorter than [`MIN_TOKEN_CHARS`].
    pub fn resolved_moderation_token(&self) -> anyhow::Result<Option<String>> {
        secret(
            "moderation token",
            self.moderation_token.as_deref(),
            self.moderation_token_file.as_deref(),
        )
    }

    /// The reader-id key, from `--reader-secret` or the first line of `--reader-secret-file`,
    /// checked as [`Config::resolved_moderation_token`] is; `None`: the database's own.
    pub fn resolved_reader_secret(&self) -> anyhow::Result<Option<String>> {
        secret(
            "reader secret",
            self.reader_secret.as_deref(),
            self.reader_secret_file.as_deref(),
        )
    }
}

/// A secret (`what`) given as a flag or as the first line of a file; at least
/// [`MIN_TOKEN_CHARS`] characters.
fn secret(
    what: &str,
    flag: Option<&str>,
    file: Option<&std::path::Path>,
) -> anyhow::Result<Option<String>> {
    let token = match (flag, file) {
        (Some(token), _) => token.trim().to_owned(),
        (None, Some(path)) => std::fs::read_to_string(path)
            .map_err(|error| {
                anyhow::anyhow!("cannot read the {what} file {}: {error}", path.display())
            })?
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_owned(),
        (None, None) => return Ok(None),
    };
    let chars = token.chars().count();
    if chars < MIN_TOKEN_CHARS {
        anyhow::bail!(
            "the {what} has {chars} characters: it needs at least {MIN_TOKEN_CHARS} \
             (make one with `openssl rand -hex 32`)"
        );
    }
    Ok(Some(token))
}

/// How log lines are written (`--log-format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Lines for people.
    Text,
    /// One JSON object a line.
    Json,
}

/// Which articles have a comment thread (`--threads`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThreadMode {
    /// Registered articles, and a new thread for any slug a widget on an allowed origin asks for.
    Auto,
    /// Only registered articles.
    Registered,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn allowed_origins(value: &str) -> Result<Vec<String>, clap::Error> {
        Config::try_parse_from(["binhluan-server", "--allowed-origins", value]).map(|config| {
            config
                .allowed_origins
                .iter()
                .map(|origin| origin.as_str().to_owned())
                .collect()
        })
    }

    #[test]
    fn allowed_origins_are_normalized_or_refused_at_startup() {
        assert_eq!(
            allowed_origins("HTTPS://Bao.Example.VN:443/,http://127.0.0.1:8000").unwrap(),
            ["https://bao.example.vn", "http://127.0.0.1:8000"]
        );
        for bad in [
            "https://bao.example.vn/binh-luan",
            "bao.example.vn",
            "https://bao.example.vn,ftp://m.example.vn",
            "https://bao.example.vn,",
        ] {
            let error = allowed_origins(bad).expect_err(bad);
            assert_eq!(error.kind(), clap::error::ErrorKind::ValueValidation);
            assert!(error.to_string().contains("is not an origin"), "{error}");
        }
    }
}
