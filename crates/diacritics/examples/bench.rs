//! Times the restoration of a 500-character comment (eight comments' sentences, repeated) typed without marks (the model decoded
//! beforehand, as the server does at start), and prints p50 and p95 over many runs.
//!
//! `cargo run --release -p binhluan-diacritics --example bench [-- RUNS]`

use std::time::Instant;

use binhluan_diacritics::{Model, restore};

/// Comments as readers write them without their Vietnamese keyboard.
const SENTENCES: [&str; 8] = [
    "Anh em ai len Sa Pa tuan nay cho em xin kinh nghiem thue xe voi.",
    "Bai viet rat hay, cam on tac gia da chia se thong tin bo ich nay!",
    "Toi o TP.HCM, luong 15.500.000d ma gia nha thi cao qua, v.v. 😀",
    "Can bo lam guong thi dan moi tin, chuyen nay ai cung hieu ma.",
    "Dak Lak mua nay ca phe no hoa trang doi, ai len Buon Ma Thuot chua?",
    "Minh dung iPhone 15 thay on, xem them tai abc.com nhe cac ban.",
    "Mong chinh quyen quan tam hon nua toi ba con vung cao cac xa.",
    "Hay qua. Nhung cho hoi anh Hung o Q.1 co phai la nguoi Hue khong?",
];

fn main() {
    let runs: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(2000);
    let mut comment = String::new();
    for sentence in SENTENCES.iter().cycle() {
        if comment.chars().count() + sentence.chars().count() + 1 > 500 {
            break;
        }
        comment.push_str(sentence);
        comment.push(' ');
    }
    // Topped up to exactly 500 characters with one more sentence, cut.
    let comment: String = comment
        .chars()
        .chain(SENTENCES[0].chars())
        .take(500)
        .collect();
    let load = Instant::now();
    Model::embedded();
    println!(
        "model decoded in {:.1} ms",
        load.elapsed().as_secs_f64() * 1e3
    );
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(restore(std::hint::black_box(&comment)));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    times.sort_by(f64::total_cmp);
    let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
    println!(
        "{} characters, {runs} runs: p50 {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        comment.chars().count(),
        at(0.5),
        at(0.95),
        at(1.0)
    );
}
