//! `binhluan-check`: checks comments given as JSON Lines.
//!
//! Reads JSON Lines on standard input, one object per line with a `"text"` string and an
//! optional `"id"` (any JSON value; other fields are ignored), and writes one line per input
//! line, in the same order: the serialized [`Verdict`], or `{"error": "..."}` for a line it
//! cannot read (invalid UTF-8, invalid JSON, no `"text"` string), each with the input's `"id"`
//! first when it had one, so stored comments are matched by id, not by line order. Blank
//! lines (empty or only spaces) are skipped: they carry no comment, and JSON Lines tools
//! commonly end files with one. Exits with status 1 if any line was unreadable, 0 otherwise.
//!
//! Lines are checked [`BATCH_LINES`] at a time on every core (rayon's pool: set
//! `RAYON_NUM_THREADS` to use fewer), and their answers written in the input's order.
//!
//! `--policy FILE` reads the newsroom's [`Policy`] from a JSON file (fields not given keep
//! their defaults); without it the default policy applies.

use binhluan_rules::{Policy, Verdict, check};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let policy = match policy_from_args(std::env::args().skip(1)) {
        Ok(policy) => policy,
        Err(problem) => {
            eprintln!("binhluan-check: {problem}");
            eprintln!("usage: binhluan-check [--policy FILE] < comments.jsonl");
            return ExitCode::from(2);
        }
    };
    match run(
        &policy,
        io::stdin().lock(),
        BufWriter::new(io::stdout().lock()),
    ) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(problem) => {
            eprintln!("binhluan-check: {problem}");
            ExitCode::from(2)
        }
    }
}

fn policy_from_args(mut args: impl Iterator<Item = String>) -> Result<Policy, String> {
    match (args.next().as_deref(), args.next(), args.next()) {
        (None, _, _) => Ok(Policy::default()),
        (Some("--policy"), Some(file), None) => {
            let json =
                std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
            serde_json::from_str(&json).map_err(|e| format!("invalid policy in {file}: {e}"))
        }
        _ => Err("unexpected arguments".to_owned()),
    }
}

/// Lines read before they are checked together, on every core, and their answers written in
/// order: enough that the cores seldom wait for one another at the end of a batch, few enough
/// that answers come out steadily and memory stays small.
const BATCH_LINES: usize = 256;

/// Checks every line of `input`, writing to `output`. `Ok(true)` when every line was readable.
fn run(policy: &Policy, mut input: impl BufRead, mut output: impl Write) -> io::Result<bool> {
    let mut all_readable = true;
    let mut lines = Vec::new();
    loop {
        let read = read_batch(&mut input, &mut lines)?;
        for answer in answers(&lines[..read], policy)?.into_iter().flatten() {
            all_readable &= answer.readable;
            output.write_all(&answer.line)?;
        }
        if read < BATCH_LINES {
            break;
        }
    }
    output.flush()?;
    Ok(all_readable)
}

/// The answers to `lines`, in their order, checked on every core.
#[cfg(not(target_arch = "wasm32"))]
fn answers(lines: &[Vec<u8>], policy: &Policy) -> io::Result<Vec<Option<Answer>>> {
    use rayon::prelude::*;
    lines
        .par_iter()
        .map(|line| answer_for(line, policy))
        .collect()
}

/// The answers to `lines`, in their order: the wasm has no threads to check them on (the
/// binary is built for it only by `--all-targets` lints).
#[cfg(target_arch = "wasm32")]
fn answers(lines: &[Vec<u8>], policy: &Policy) -> io::Result<Vec<Option<Answer>>> {
    lines.iter().map(|line| answer_for(line, policy)).collect()
}

/// Reads up to [`BATCH_LINES`] lines into `lines`, reusing their buffers; returns how many
/// (fewer only at the end of the input).
fn read_batch(input: &mut impl BufRead, lines: &mut Vec<Vec<u8>>) -> io::Result<usize> {
    lines.resize_with(BATCH_LINES, Vec::new);
    for (read, line) in lines.iter_mut().enumerate() {
        line.clear();
        if input.read_until(b'\n', line)? == 0 {
            return Ok(read);
        }
    }
    Ok(BATCH_LINES)
}

/// What is written for one input line.
struct Answer {
    /// The output line, its newline included.
    line: Vec<u8>,
    /// Whether the input line could be read (else `line` carries the error).
    readable: bool,
}

/// The answer to input line `raw`; `None` for a blank line, which gets none.
fn answer_for(raw: &[u8], policy: &Policy) -> io::Result<Option<Answer>> {
    let Some((id, judged)) = verdict_for(raw, policy) else {
        return Ok(None);
    };
    let mut answer = Vec::new();
    let readable = judged.is_ok();
    match judged {
        Ok(verdict) => serde_json::to_writer(&mut answer, &verdict),
        Err(problem) => {
            serde_json::to_writer(&mut answer, &serde_json::json!({ "error": problem }))
        }
    }
    .map_err(io::Error::other)?;
    if let Some(id) = id {
        // The answer is an object: the id goes first, before its other members.
        answer.splice(..1, format!("{{\"id\":{id},").into_bytes());
    }
    answer.push(b'\n');
    Ok(Some(Answer {
        line: answer,
        readable,
    }))
}

/// A line as most lines are: an object with a `"text"` string, read without copying the text
/// when it has no escapes, and perhaps an `"id"`. A line it does not fit (other types, keys
/// twice, not an object, not JSON) is read again as any JSON value, which says what is wrong.
#[derive(Deserialize)]
struct Line<'a> {
    #[serde(borrow)]
    text: Cow<'a, str>,
    #[serde(default, deserialize_with = "present")]
    id: Option<serde_json::Value>,
}

/// An `"id"` that is there, `null` too.
fn present<'de, D: Deserializer<'de>>(value: D) -> Result<Option<serde_json::Value>, D::Error> {
    serde_json::Value::deserialize(value).map(Some)
}

/// The line's `id` (as JSON text), if it had one, and its verdict; `None` for a blank line.
fn verdict_for(raw: &[u8], policy: &Policy) -> Option<(Option<String>, Result<Verdict, String>)> {
    let Ok(line) = simdutf8::basic::from_utf8(raw) else {
        return Some((None, Err("line is not valid UTF-8".to_owned())));
    };
    if line.trim().is_empty() {
        return None;
    }
    if let Ok(Line { text, id }) = serde_json::from_str::<Line>(line) {
        let id = id.as_ref().map(serde_json::Value::to_string);
        return Some((id, Ok(check(&text, policy))));
    }
    let value: serde_json::Value = match serde_json::from_str(line) {
        Ok(value) => value,
        Err(e) => return Some((None, Err(format!("invalid JSON: {e}")))),
    };
    let id = value.get("id").map(serde_json::Value::to_string);
    let judged = match value.get("text").and_then(serde_json::Value::as_str) {
        Some(text) => Ok(check(text, policy)),
        None => Err("no \"text\" string in this object".to_owned()),
    };
    Some((id, judged))
}
