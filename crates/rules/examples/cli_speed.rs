//! How fast the `binhluan-check` process checks real comments, end to end (reading JSON
//! Lines, checking, writing verdicts): 1,000 different 2,000-character comments of
//! UD_Vietnamese-VTB sentences (`tools/real_comments.rs`), fed to the given binary 15 times.
//! Prints the median and the fastest run, in µs per comment (a process start, about a
//! millisecond, is spread over the thousand).
//!
//! ```sh
//! cargo build --release -p binhluan-rules --bin binhluan-check
//! cargo run --release -p binhluan-rules --example cli_speed -- "$CARGO_TARGET_DIR/release/binhluan-check"
//! ```
//!
//! `--jsonl` writes the comments as JSON Lines to standard output instead, to profile the
//! binary with them (`perf record`, `valgrind`).

#[path = "../tools/real_comments.rs"]
mod real_comments;

use std::io::Write;
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// How many comments each run checks.
const COMMENTS: usize = 1_000;
/// How many times the binary runs.
const RUNS: usize = 15;

fn main() -> ExitCode {
    let Some(comments) = real_comments::comments(COMMENTS) else {
        eprintln!("cli_speed: the corpus is not in the shared data folder: set BINHLUAN_DATA");
        return ExitCode::FAILURE;
    };
    let mut input = String::new();
    for text in &comments {
        input.push_str(&serde_json::json!({ "text": text }).to_string());
        input.push('\n');
    }
    match std::env::args().nth(1).as_deref() {
        Some("--jsonl") => match std::io::stdout().lock().write_all(input.as_bytes()) {
            // A reader that takes only the first lines (`| head -200`) closes the pipe early.
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                eprintln!("cli_speed: {e}");
                ExitCode::FAILURE
            }
            _ => ExitCode::SUCCESS,
        },
        Some(binary) => match time_runs(binary, input.as_bytes()) {
            Ok(mut runs) => {
                runs.sort();
                let per_comment = |run: Duration| run.as_secs_f64() * 1e6 / COMMENTS as f64;
                println!(
                    "{binary}: {:.1} µs per {}-character comment (median of {RUNS} runs of \
                     {COMMENTS}; fastest {:.1} µs)",
                    per_comment(runs[RUNS / 2]),
                    real_comments::CHARS,
                    per_comment(runs[0]),
                );
                ExitCode::SUCCESS
            }
            Err(problem) => {
                eprintln!("cli_speed: {problem}");
                ExitCode::FAILURE
            }
        },
        None => {
            eprintln!("usage: cli_speed PATH/TO/binhluan-check | cli_speed --jsonl");
            ExitCode::from(2)
        }
    }
}

/// How long `binary` takes to check `input`, from its start to its end, [`RUNS`] times.
fn time_runs(binary: &str, input: &[u8]) -> Result<Vec<Duration>, String> {
    (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            let mut child = Command::new(binary)
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .spawn()
                .map_err(|e| format!("cannot run {binary}: {e}"))?;
            // Written, then closed at the end of the statement: the binary sees the input end.
            child
                .stdin
                .take()
                .expect("a piped standard input")
                .write_all(input)
                .map_err(|e| e.to_string())?;
            let status = child.wait().map_err(|e| e.to_string())?;
            let took = started.elapsed();
            if !status.success() {
                return Err(format!("{binary} ended with {status}"));
            }
            Ok(took)
        })
        .collect()
}
