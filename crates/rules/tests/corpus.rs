//! The contact and link rules on genuine Vietnamese news text (UD_Vietnamese-VTB, read from the
//! project's shared data folder, `../shared/data`, or `BINHLUAN_DATA`): its sentences hold
//! years, dates, times, money, scores, decree numbers and statistics, and no spam.
//!
//! No dev sentence may be flagged by `no_contacts`. The train split holds one newspaper's own
//! telephone and fax numbers (`Điện thoại : ( 84 . 4 ) 5727780`), which the rule rightly
//! flags: exactly those, and nothing else, may be. Links: the corpus names two web sites
//! (`bktt.vn`, `www.anangquangnamfund.org`); exactly those sentences may be flagged. Without the corpus (a bare clone) the tests say so and pass.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../tools/odds.rs"]
mod odds;

use binhluan_rules::{ContactPolicy, LinkPolicy, Policy, Rule, check};
use std::path::Path;

/// The sentences of one corpus file, or `None` when the data folder does not hold it.
fn sentences(file: &str) -> Option<Vec<String>> {
    let dir = odds::data_dir(Path::new(env!("CARGO_MANIFEST_DIR")));
    let Ok(text) = std::fs::read_to_string(dir.join(file)) else {
        eprintln!("{file} is not in {}: nothing to check", dir.display());
        return None;
    };
    Some(
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(str::to_owned)
            .collect(),
    )
}

/// Only the contact and link rules, both refusing.
fn policy() -> Policy {
    Policy {
        min_words: 0,
        require_diacritics: false,
        links: LinkPolicy::Reject,
        contacts: ContactPolicy::Reject,
        max_chars: usize::MAX,
        ..Policy::default()
    }
}

/// The sentences that break `rule`, each with what the rule quotes.
fn flagged(sentences: &[String], rule: Rule) -> Vec<String> {
    let policy = policy();
    sentences
        .iter()
        .filter_map(|sentence| {
            let verdict = check(sentence, &policy);
            let violation = verdict.violations.iter().find(|v| v.rule == rule)?;
            let quoted: Vec<String> = violation
                .spans
                .iter()
                .map(|s| sentence.chars().skip(s.0).take(s.1 - s.0).collect())
                .collect();
            Some(format!("{quoted:?} in {sentence}"))
        })
        .collect()
}

#[test]
fn no_dev_sentence_holds_a_contact() {
    let Some(dev) = sentences("ud-vtb/vi_vtb-ud-dev.txt") else {
        return;
    };
    assert!(dev.len() > 1_000, "{} sentences", dev.len());
    let found = flagged(&dev, Rule::NoContacts);
    assert!(
        found.is_empty(),
        "{} of {}:\n{}",
        found.len(),
        dev.len(),
        found.join("\n")
    );
}

#[test]
fn train_sentences_hold_only_the_real_contacts() {
    let Some(train) = sentences("ud-vtb/vi_vtb-ud-train.txt") else {
        return;
    };
    let found = flagged(&train, Rule::NoContacts);
    eprintln!(
        "no_contacts flags {} of {} train sentences:",
        found.len(),
        train.len()
    );
    for line in &found {
        eprintln!("  {line}");
    }
    let expected = [
        r#"["( 84 . 4 ) 8529126"] in Fax : ( 84 . 4 ) 8529126 ."#,
        r#"["( 84 . 4 ) 5727780", "( 84 . 4 ) 8529126"] in Điện thoại : ( 84 . 4 ) 5727780 - ( 84 . 4 ) 8529126 ."#,
    ];
    assert_eq!(found, expected);
}

#[test]
fn links_in_the_corpus_are_the_known_ones() {
    let (Some(dev), Some(train)) = (
        sentences("ud-vtb/vi_vtb-ud-dev.txt"),
        sentences("ud-vtb/vi_vtb-ud-train.txt"),
    ) else {
        return;
    };
    let found: Vec<String> = [dev, train]
        .iter()
        .flat_map(|split| flagged(split, Rule::NoLinks))
        .collect();
    eprintln!("no_links flags {} sentences:", found.len());
    for line in &found {
        eprintln!("  {line}");
    }
    let expected = [
        r#"["bktt.vn"] in Khoảng 60.000 mục từ của bộ Bách khoa toàn thư đã được đưa lên mạng bktt.vn để cộng đồng khoa học tham gia biên soạn ."#,
        r#"["www.anangquangnamfund.org"] in Ông kêu gọi gia đình các nạn nhân gửi thư tới văn phòng đại diện của chương trình SUNY Brockport Vietnam ở 88 nguyễn văn linh ( Đà Nẵng ) hay gửi thư điện tử qua www.anangquangnamfund.org ."#,
    ];
    assert_eq!(found, expected);
}
