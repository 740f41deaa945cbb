//! PostgreSQL for the tests: `BINHLUAN_TEST_POSTGRES_URL` if set, otherwise a throwaway
//! cluster that this test process starts once (initdb into a temporary directory, `pg_ctl
//! start` on a free loopback port, trust authentication) and that is stopped and deleted when
//! the process exits, even if it panics or is killed. Each test gets a fresh database.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use sqlx::{Connection, Executor, PgConnection};

/// The environment variable naming an existing server to test against instead.
const EXTERNAL_URL_VARIABLE: &str = "BINHLUAN_TEST_POSTGRES_URL";
/// The environment variable naming the directory of `initdb` and `pg_ctl`.
const BINDIR_VARIABLE: &str = "BINHLUAN_TEST_POSTGRES_BINDIR";

/// A running PostgreSQL server: its admin URL (ending in a database name).
struct Cluster {
    admin_url: String,
    /// The guardian waits on the pipe to its stdin, which this process holds open; it stops
    /// the cluster when the pipe closes (when this process exits).
    _guardian: Option<Mutex<Child>>,
}

static CLUSTER: OnceLock<Cluster> = OnceLock::new();
static DATABASES: AtomicUsize = AtomicUsize::new(0);

/// The URL of a new, empty database.
pub async fn fresh_database() -> String {
    let cluster = CLUSTER.get_or_init(|| match std::env::var(EXTERNAL_URL_VARIABLE) {
        Ok(url) if !url.is_empty() => Cluster {
            admin_url: url,
            _guardian: None,
        },
        _ => start_cluster(),
    });
    let name = format!(
        "binhluan_test_{}_{}",
        std::process::id(),
        DATABASES.fetch_add(1, Ordering::Relaxed)
    );
    let mut admin = PgConnection::connect(&cluster.admin_url)
        .await
        .unwrap_or_else(|error| {
            panic!(
                "cannot connect to PostgreSQL at {}: {error}",
                cluster.admin_url
            )
        });
    admin
        .execute(format!("CREATE DATABASE {name}").as_str())
        .await
        .expect("CREATE DATABASE");
    admin.close().await.ok();
    let (base, _) = cluster
        .admin_url
        .rsplit_once('/')
        .expect("the admin URL names a database");
    format!("{base}/{name}")
}

/// The URL of the cluster's administrative database (after [`fresh_database`] started it).
pub fn admin_url() -> String {
    CLUSTER
        .get()
        .expect("a database was made on the cluster")
        .admin_url
        .clone()
}

/// The directory holding `initdb` and `pg_ctl`; panics with what to do when there is none.
pub fn bindir() -> PathBuf {
    if let Some(dir) = std::env::var_os(BINDIR_VARIABLE) {
        let dir = PathBuf::from(dir);
        if dir.join("initdb").is_file() {
            return dir;
        }
        not_found(&format!(
            "{BINDIR_VARIABLE}={} has no initdb",
            dir.display()
        ));
    }
    if let Ok(output) = Command::new("pg_config").arg("--bindir").output()
        && output.status.success()
    {
        let dir = PathBuf::from(String::from_utf8_lossy(&output.stdout).trim());
        if dir.join("initdb").is_file() {
            return dir;
        }
    }
    let mut versions: Vec<PathBuf> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| entry.path().join("bin"))
        .filter(|dir| dir.join("initdb").is_file())
        .collect();
    versions.sort_by_key(|dir| {
        dir.parent()
            .and_then(Path::file_name)
            .and_then(|v| v.to_str()?.parse::<u32>().ok())
    });
    if let Some(dir) = versions.pop() {
        return dir;
    }
    if let Some(dir) = std::env::var_os("PATH")
        .and_then(|path| std::env::split_paths(&path).find(|dir| dir.join("initdb").is_file()))
    {
        return dir;
    }
    not_found("no initdb in pg_config --bindir, /usr/lib/postgresql/*/bin or PATH")
}

/// Fails the test with what to do when the PostgreSQL binaries are missing.
fn not_found(why: &str) -> ! {
    panic!(
        "PostgreSQL server binaries (initdb, pg_ctl) not found ({why}), so the PostgreSQL tests cannot run. \
         Install PostgreSQL (e.g. `apt-get install postgresql`), or set {BINDIR_VARIABLE} to their \
         directory, or set {EXTERNAL_URL_VARIABLE} to a server's URL (e.g. postgres://user@host/postgres) \
         whose user may CREATE DATABASE."
    )
}

/// Runs `program` from `bindir` as the `postgres` user when this process is root (initdb
/// refuses root), as ourselves otherwise.
pub fn postgres_command(bindir: &Path, program: &str, as_root: bool) -> Command {
    let program = bindir.join(program);
    if as_root {
        let mut command = Command::new("runuser");
        command.args(["-u", "postgres", "--"]).arg(program);
        command
    } else {
        Command::new(program)
    }
}

pub fn run(mut command: Command, what: &str) {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("cannot run {what}: {error}"));
    assert!(
        output.status.success(),
        "{what} failed: {}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

pub fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.trim_ascii() == b"0")
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port()
}

/// Starts a throwaway cluster; the commands are the ones documented in the server's README
/// section of the report (initdb, pg_ctl start, and pg_ctl stop when the process exits).
fn start_cluster() -> Cluster {
    let bindir = bindir();
    let as_root = is_root();
    let dir = tempfile::Builder::new()
        .prefix("binhluan-pg-")
        .tempdir()
        .expect("a temporary directory")
        .keep();
    if as_root {
        run(
            {
                let mut command = Command::new("chown");
                command.arg("postgres:postgres").arg(&dir);
                command
            },
            "chown postgres: of the cluster directory",
        );
    }
    let data = dir.join("data");
    let mut initdb = postgres_command(&bindir, "initdb", as_root);
    initdb.arg("-D").arg(&data).args([
        "-A",
        "trust",
        "-U",
        "postgres",
        "-E",
        "UTF8",
        "--locale=C",
        "--no-sync",
    ]);
    run(initdb, "initdb");
    let port = free_port();
    let options = format!(
        "-p {port} -k {} -c listen_addresses=127.0.0.1 -c max_connections=300 -F \
         -c synchronous_commit=off -c full_page_writes=off",
        dir.display()
    );
    let mut start = postgres_command(&bindir, "pg_ctl", as_root);
    start
        .arg("-D")
        .arg(&data)
        .arg("-l")
        .arg(dir.join("log"))
        .args(["-w", "-o", &options, "start"]);
    run(start, "pg_ctl start");

    // The guardian waits for our end of its stdin to close, then stops and deletes the cluster.
    let stop = format!(
        "cat >/dev/null; {runuser}{pg_ctl} -D {data} -m immediate stop >/dev/null 2>&1; rm -rf {dir}",
        runuser = if as_root {
            "runuser -u postgres -- "
        } else {
            ""
        },
        pg_ctl = bindir.join("pg_ctl").display(),
        data = data.display(),
        dir = dir.display(),
    );
    let guardian = Command::new("sh")
        .args(["-c", &stop])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the cluster's guardian starts");
    Cluster {
        admin_url: format!("postgres://postgres@127.0.0.1:{port}/postgres"),
        _guardian: Some(Mutex::new(guardian)),
    }
}
