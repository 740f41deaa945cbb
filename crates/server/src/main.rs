//! `binhluan-server`: the reference backend of the Bình Luận comment API, and the commands
//! that manage its data (`import`, `moderators`, `backup`, `restore`).

use binhluan_api::Role;
use binhluan_server::config::LogFormat;
use binhluan_server::{Config, Server, backup, import, moderators};
use clap::{Parser, Subcommand};
use tracing_subscriber::EnvFilter;

/// mimalloc for every allocation of the process, SQLite's too (the crate's `override` feature):
/// with glibc's malloc, a thread read cost 589 µs of CPU, with mimalloc 398–417 µs (README, "Speed").
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The server (with no command), or one of its commands.
#[derive(Debug, Parser)]
#[command(
    name = "binhluan-server",
    version,
    about,
    long_about = None,
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    serve: Config,
}

/// The commands beside serving.
#[derive(Debug, Subcommand)]
enum Command {
    /// Registers or updates every item of the newsroom's RSS 2.0 or Atom feed as an article
    /// (slug from the link's last path segment, title, date, description as the lead). The
    /// whole feed is checked first: any bad item stops it with nothing changed. Idempotent.
    Import {
        /// The feed: a file, or an http(s) URL.
        feed: String,
        /// The database, as for the server.
        #[arg(
            long,
            env = "BINHLUAN_DATABASE_URL",
            default_value = "sqlite://binhluan.db"
        )]
        database_url: String,
    },
    /// Writes a consistent copy of a SQLite database to FILE while the server runs, and checks
    /// it (for PostgreSQL, use pg_dump).
    Backup {
        /// Where the copy goes (it must not exist).
        file: std::path::PathBuf,
        /// The database, as for the server.
        #[arg(
            long,
            env = "BINHLUAN_DATABASE_URL",
            default_value = "sqlite://binhluan.db"
        )]
        database_url: String,
    },
    /// Checks a backup and puts it in place of a stopped server's SQLite database (the one it
    /// replaces is kept as NAME.before-restore).
    Restore {
        /// The backup.
        file: std::path::PathBuf,
        /// The database to replace, as for the server.
        #[arg(
            long,
            env = "BINHLUAN_DATABASE_URL",
            default_value = "sqlite://binhluan.db"
        )]
        database_url: String,
    },
    /// Manages the moderation desk's accounts.
    Moderators {
        #[command(subcommand)]
        command: ModeratorsCommand,
        /// The database, as for the server.
        #[arg(
            long,
            global = true,
            env = "BINHLUAN_DATABASE_URL",
            default_value = "sqlite://binhluan.db"
        )]
        database_url: String,
    },
}

/// What `binhluan-server moderators` does.
#[derive(Debug, Subcommand)]
enum ModeratorsCommand {
    /// Adds an account and prints its generated password (shown once).
    Add {
        /// Its name: 2 to 50 of A-Z a-z 0-9 . _ -
        name: String,
        /// Makes it an admin (who also manages accounts and reads the audit log).
        #[arg(long)]
        admin: bool,
    },
    /// Gives an account a new generated password, prints it, and ends its sessions.
    Password {
        /// Its name.
        name: String,
    },
    /// Lists the accounts.
    List,
    /// Removes an account and ends its sessions.
    Remove {
        /// Its name.
        name: String,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("binhluan_server=info,tower_http=info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match cli.serve.log_format {
        LogFormat::Text => logs.init(),
        // One JSON object a line, with the request's span (and its id) on every line.
        LogFormat::Json => logs.json().with_current_span(true).init(),
    }
    match cli.command {
        Some(Command::Import { feed, database_url }) => {
            import::run(&feed, &database_url, &mut std::io::stdout()).await?;
        }
        Some(Command::Backup { file, database_url }) => {
            let snapshot = backup::backup(&database_url, &file).await?;
            println!(
                "backup: {} ({} bytes, {} comments) is intact",
                file.display(),
                snapshot.bytes,
                snapshot.comments
            );
        }
        Some(Command::Restore { file, database_url }) => {
            let snapshot = backup::restore(&database_url, &file).await?;
            println!(
                "restore: {} ({} comments) is in place of {database_url}",
                file.display(),
                snapshot.comments
            );
        }
        Some(Command::Moderators {
            command,
            database_url,
        }) => manage_moderators(command, &database_url).await?,
        None => serve(cli.serve).await?,
    }
    Ok(())
}

/// Runs a `moderators` command.
async fn manage_moderators(command: ModeratorsCommand, database_url: &str) -> anyhow::Result<()> {
    match command {
        ModeratorsCommand::Add { name, admin } => {
            let role = if admin { Role::Admin } else { Role::Moderator };
            let password = moderators::add(database_url, &name, role).await?;
            println!("{name} ({role:?}): password {password}");
        }
        ModeratorsCommand::Password { name } => {
            let password = moderators::reset_password(database_url, &name).await?;
            println!("{name}: new password {password}");
        }
        ModeratorsCommand::List => {
            for account in moderators::list(database_url).await? {
                let seen = if account.last_login_at.is_some() {
                    "has logged in"
                } else {
                    "never logged in"
                };
                println!("{}\t{:?}\t{seen}", account.name, account.role);
            }
        }
        ModeratorsCommand::Remove { name } => {
            if !moderators::remove(database_url, &name).await? {
                anyhow::bail!("there is no account named {name:?}");
            }
            println!("removed {name}");
        }
    }
    Ok(())
}

/// Serves the API and the app until Ctrl-C or SIGTERM.
async fn serve(config: Config) -> anyhow::Result<()> {
    let server = Server::bind(&config).await?;
    tracing::info!(addr = %server.local_addr()?, "binhluan-server listening");
    if let Some(link) = server.login_link() {
        // On standard output only, never in the log: whoever has it can moderate.
        println!("Kiểm duyệt / moderation desk, one-time login: {link}");
    }
    if let Some(addr) = server.metrics_addr() {
        tracing::info!(addr = %addr?, "metrics at /metrics");
    }
    server.run(shutdown_signal()).await?;
    tracing::info!("binhluan-server stopped");
    Ok(())
}

/// Completes on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if let Err(error) = tokio::signal::ctrl_c().await {
            tracing::error!(%error, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(error) => {
                tracing::error!(%error, "cannot listen for SIGTERM");
                std::future::pending::<()>().await;
            }
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}
