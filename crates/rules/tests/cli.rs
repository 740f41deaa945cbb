//! `binhluan-check` as a real process: JSON Lines in, verdicts out, in order.

#![cfg(not(target_arch = "wasm32"))]

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn run(args: &[&str], input: &[u8]) -> Output {
    run_on_threads(args, input, None)
}

/// [`run`] on `threads` threads (rayon's own setting), or as many as the machine has.
fn run_on_threads(args: &[&str], input: &[u8], threads: Option<usize>) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_binhluan-check"));
    if let Some(threads) = threads {
        command.env("RAYON_NUM_THREADS", threads.to_string());
    }
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the checker starts");
    let mut stdin = child.stdin.take().expect("stdin");
    // Written while the answers are read: a large input would otherwise fill both pipes.
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || stdin.write_all(input));
        let output = child.wait_with_output().expect("the checker ends");
        let written = writer.join().expect("the writer ends");
        // A checker that refuses its arguments exits without reading its input.
        assert!(
            written.is_ok() || written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
        );
        output
    })
}

fn lines(output: &Output) -> Vec<serde_json::Value> {
    String::from_utf8(output.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|line| serde_json::from_str(line).expect("each output line is JSON"))
        .collect()
}

const GOOD: &str =
    r#"{"id": 7, "text": "Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với."}"#;
const LINK: &str = r#"{"text": "Bài viết rất hay, cảm ơn tác giả đã chia sẻ, xem thêm ở abc.com"}"#;

#[test]
fn one_verdict_per_line_in_order() {
    let output = run(&[], format!("{GOOD}\n{LINK}\n").as_bytes());
    assert!(output.status.success(), "{output:?}");
    let verdicts = lines(&output);
    assert_eq!(verdicts.len(), 2);
    assert_eq!(verdicts[0]["ok"], true);
    assert_eq!(verdicts[0]["words"], 16);
    assert_eq!(verdicts[1]["ok"], false);
    assert_eq!(verdicts[1]["violations"][0]["rule"], "no_links");
    assert_eq!(
        verdicts[1]["violations"][0]["spans"][0],
        serde_json::json!([56, 63])
    );
}

#[test]
fn each_answer_carries_its_inputs_id() {
    let input = [
        r#"{"id": 7, "text": "Hay quá"}"#,
        r#"{"id": "c-2026-0042", "text": "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin."}"#,
        r#"{"id": {"article": "sa-pa", "n": 3}, "text": 5}"#,
        r#"{"text": "Không có mã"}"#,
    ]
    .join("\n");
    let output = run(&[], input.as_bytes());
    let answers = lines(&output);
    assert_eq!(answers.len(), 4);
    assert_eq!(answers[0]["id"], 7);
    assert_eq!(answers[0]["violations"][0]["rule"], "min_words");
    assert_eq!(answers[1]["id"], "c-2026-0042");
    assert_eq!(answers[1]["ok"], true);
    assert_eq!(
        answers[2]["id"],
        serde_json::json!({"article": "sa-pa", "n": 3})
    );
    assert!(
        answers[2]["error"].is_string(),
        "an unreadable line keeps its id"
    );
    assert_eq!(answers[3].get("id"), None);
    assert_eq!(answers[3]["ok"], false);
}

/// Thousands of lines, checked on several threads a batch at a time, come back in their own
/// order, each with the verdict a run of that line alone gives: blank and unreadable lines
/// between them, a batch's last line unterminated, and texts of different lengths (so the
/// threads finish out of turn) change nothing.
#[test]
fn many_lines_on_many_threads_keep_their_order_and_verdicts() {
    let texts = [
        "Hay quá",
        "Bài viết rất hay, cảm ơn tác giả đã chia sẻ, xem thêm ở abc.com",
        "Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với.",
        "Bai viet rat hay, cam on tac gia da chia se thong tin huu ich nay.",
    ];
    let mut input = String::new();
    let mut expected = Vec::new();
    for n in 0..3_000 {
        match n % 97 {
            13 => input.push_str("   \n"),
            41 => {
                input.push_str(&format!("{{\"id\": {n}, \"text\": false}}\n"));
                expected.push(n);
            }
            _ => {
                // Of 1 to 25 sentences, all within the 2,000 characters allowed.
                let text = texts[n % texts.len()].repeat(1 + n % 7 * 4);
                input.push_str(&serde_json::json!({ "id": n, "text": text }).to_string());
                input.push('\n');
                expected.push(n);
            }
        }
    }
    let output = run_on_threads(&[], input.as_bytes(), Some(4));
    assert_eq!(output.status.code(), Some(1), "some lines are unreadable");
    let answers = lines(&output);
    let ids: Vec<usize> = answers
        .iter()
        .map(|a| usize::try_from(a["id"].as_u64().unwrap()).unwrap())
        .collect();
    assert_eq!(
        ids, expected,
        "one answer per line that is not blank, in order"
    );
    let alone = lines(&run_on_threads(&[], input.as_bytes(), Some(1)));
    assert_eq!(answers, alone, "the same verdicts as on one thread");
    for (answer, id) in answers.iter().zip(&expected) {
        if id % 97 == 41 {
            assert!(answer["error"].is_string(), "{answer}");
        } else {
            assert_eq!(answer["ok"], *id % 4 == 2, "{answer}");
        }
    }
}

#[test]
fn unreadable_lines_get_an_error_and_the_rest_goes_on() {
    let mut input = Vec::new();
    input.extend_from_slice(b"not json\n");
    input.extend_from_slice(b"{\"text\": 5}\n");
    input.extend_from_slice(b"{\"text\": \"caf\xff\"}\n");
    input.extend_from_slice(b"\n   \n");
    input.extend_from_slice(GOOD.as_bytes());
    let output = run(&[], &input);
    assert_eq!(
        output.status.code(),
        Some(1),
        "an unreadable line makes the exit status 1"
    );
    let answers = lines(&output);
    assert_eq!(answers.len(), 4, "blank lines are skipped: {answers:?}");
    for error in &answers[..3] {
        assert!(error["error"].is_string(), "{error}");
    }
    assert_eq!(
        answers[3]["ok"], true,
        "the last line, without a final newline, is checked"
    );
}

#[test]
fn a_policy_file_is_applied() {
    let dir = std::env::temp_dir().join(format!("binhluan-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"min_words": 20, "links": "hold"}"#).expect("policy written");
    let output = run(
        &["--policy", policy.to_str().expect("UTF-8 path")],
        format!("{LINK}\n").as_bytes(),
    );
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success());
    let verdict = &lines(&output)[0];
    assert_eq!(verdict["hold"], true);
    assert_eq!(verdict["violations"][0]["rule"], "min_words");
    assert_eq!(verdict["violations"].as_array().map(Vec::len), Some(1));
}

const CONTACT: &str =
    r#"{"text": "Bài viết rất hay, cảm ơn tác giả đã chia sẻ, cần mua thì LH 0912 345 678"}"#;

/// The verdicts on `input` under the policy file `json`.
fn with_policy(name: &str, json: &str, input: &str) -> Vec<serde_json::Value> {
    let dir = std::env::temp_dir().join(format!("binhluan-check-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let policy = dir.join("policy.json");
    std::fs::write(&policy, json).expect("policy written");
    let output = run(
        &["--policy", policy.to_str().expect("UTF-8 path")],
        input.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).ok();
    assert!(output.status.success(), "{json}: {output:?}");
    lines(&output)
}

#[test]
fn the_contacts_policy_is_read_from_the_file() {
    let input = format!("{CONTACT}\n");
    let held = &with_policy("hold", r#"{"contacts": "hold"}"#, &input)[0];
    assert_eq!(held["ok"], true, "{held}");
    assert_eq!(held["hold"], true, "{held}");
    assert_eq!(held["hints"][0]["code"], "held_for_review", "{held}");
    let allowed = &with_policy("allow", r#"{"contacts": "allow"}"#, &input)[0];
    assert_eq!(allowed["ok"], true, "{allowed}");
    assert_eq!(allowed["hold"], false, "{allowed}");
    for json in [r#"{"contacts": "reject"}"#, r#"{"links": "allow"}"#] {
        let refused = &with_policy("reject", json, &input)[0];
        assert_eq!(
            refused["violations"][0]["rule"], "no_contacts",
            "{json}: {refused}"
        );
        assert_eq!(
            refused["violations"][0]["spans"][0],
            serde_json::json!([60, 72]),
            "{refused}"
        );
    }
    let output = run(&[], input.as_bytes());
    assert_eq!(lines(&output)[0]["violations"][0]["rule"], "no_contacts");
}

#[test]
fn a_bad_policy_is_refused() {
    let dir = std::env::temp_dir().join(format!("binhluan-check-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let policy = dir.join("policy.json");
    std::fs::write(&policy, r#"{"min_word": 20}"#).expect("policy written");
    let output = run(
        &["--policy", policy.to_str().expect("UTF-8 path")],
        GOOD.as_bytes(),
    );
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("invalid policy"));
}
