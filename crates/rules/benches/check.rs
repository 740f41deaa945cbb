//! How long `check` takes: a 2,000-character comment (target ≤ 20 µs), the same with banned
//! words, 2,000 characters of distinct comments (no sentence repeats), 2,000-character
//! comments of real news text, each different (`tools/real_comments.rs`), and 1 KB, 10 KB and
//! 100 KB of text, ordinary and adversarial (target ≤ 5 ms for 100 KB; the time per character
//! should stay flat), and the storage normalization of the adversarial text (≤ 10 ms for
//! 100 KB).
//!
//! `cargo bench -p binhluan-rules --bench check` (`[profile.bench]` inherits `[profile.release]`:
//! opt-level 3, as the server; `CARGO_PROFILE_BENCH_OPT_LEVEL=z` for the wasm's size-first level).

#[cfg(not(target_arch = "wasm32"))]
#[path = "../tools/real_comments.rs"]
mod real_comments;

#[cfg(not(target_arch = "wasm32"))]
mod bench {
    use crate::real_comments;
    use binhluan_rules::{Policy, check};
    use divan::Bencher;
    use divan::counter::CharsCount;

    /// Sentences of the kind readers write, with marks, links, numbers and a few slips.
    const SENTENCES: [&str; 8] = [
        "Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với.",
        "Bài viết rất hay, cảm ơn tác giả đã chia sẻ thông tin bổ ích này!",
        "Tôi ở TP.HCM, lương 15.500.000đ mà giá nhà thì cao quá, v.v. 😀",
        "Cán bộ làm gương thì dân mới tin, chuyện này ai cũng hiểu mà.",
        "Đắk Lắk mùa này cà phê nở hoa trắng đồi, ai lên Buôn Ma Thuột chưa?",
        "Mình dùng iPhone 15 thấy ổn, xem thêm tại abc.com nhé các bạn.",
        "Mong chính quyền quan tâm hơn nữa tới bà con vùng cao các xã.",
        "Hay quá.Nhưng cho hỏi Mr.Hùng ở Q.1 có phải là người Huế không?",
    ];

    /// At least `chars` characters of comment text (cut at a sentence boundary or below).
    fn comment(chars: usize) -> String {
        let mut text = String::new();
        for sentence in SENTENCES.iter().cycle() {
            if text.chars().count() + sentence.chars().count() + 1 > chars {
                break;
            }
            text.push_str(sentence);
            text.push(' ');
        }
        let missing = chars - text.chars().count();
        text.extend("hay ".chars().cycle().take(missing));
        text
    }

    #[divan::bench]
    fn comment_of_2000_chars(bencher: Bencher) {
        let text = comment(2_000);
        let policy = Policy::default();
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| check(divan::black_box(&text), &policy));
    }

    #[divan::bench(args = [1_000, 10_000, 100_000])]
    fn text_of_length(bencher: Bencher, chars: usize) {
        let text = comment(chars);
        let policy = Policy {
            max_chars: usize::MAX,
            ..Policy::default()
        };
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| check(divan::black_box(&text), &policy));
    }

    /// At most `chars` characters of the evaluation comments (`tests/eval/comments.txt`), each
    /// written once: a comment whose words repeat as little as real ones do.
    fn distinct_comments(chars: usize) -> String {
        let lines = include_str!("../tests/eval/comments.txt")
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty());
        let mut text = String::new();
        for line in lines {
            if text.chars().count() + line.chars().count() + 1 > chars {
                break;
            }
            text.push_str(line);
            text.push(' ');
        }
        text
    }

    #[divan::bench]
    fn comment_of_2000_distinct_chars(bencher: Bencher) {
        let text = distinct_comments(2_000);
        let policy = Policy::default();
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| check(divan::black_box(&text), &policy));
    }

    /// One comment after another of 1,000 different 2,000-character comments of UD-VTB train
    /// sentences: what the server and `binhluan-check` meet, where a comment's words are not
    /// the last comment's. Not run when the corpus is absent.
    #[divan::bench]
    fn real_comments_of_2000_chars(bencher: Bencher) {
        let Some(comments) = real_comments::comments(1_000) else {
            eprintln!("the UD-VTB corpus is not in the shared data folder: set BINHLUAN_DATA");
            return;
        };
        let policy = Policy::default();
        let mut next = comments.iter().cycle();
        bencher
            .with_inputs(|| next.next().expect("a comment").as_str())
            .input_counter(|text: &&str| CharsCount::of_str(*text))
            .bench_local_values(|text| check(text, &policy));
    }

    /// Text made to trip careless detectors (link starts, domain chains, spelled-out letters,
    /// mojibake, VIQR, combining marks, "Zalgo" stacks of them, emoji sequences), in equal
    /// parts, `chars` characters.
    fn adversarial(chars: usize) -> String {
        const SHAPES: [&str; 13] = [
            "a\u{301}\u{316}\u{35C}\u{489}\u{301}\u{316}\u{35C}\u{489}",
            "ab.com.",
            "http://",
            "](",
            "<a href=",
            "w w ",
            "n g u ",
            "vie65t ",
            "Tie^'ng ",
            "c¸c TiÕng ",
            "e\u{301}\u{302}",
            "😀\u{200D}",
            " chấm ",
        ];
        let mut text = String::new();
        'fill: for shape in SHAPES.iter().cycle() {
            for _ in 0..10 {
                if text.chars().count() + shape.chars().count() > chars {
                    break 'fill;
                }
                text.push_str(shape);
            }
        }
        text
    }

    #[divan::bench(args = [1_000, 10_000, 100_000])]
    fn adversarial_text_of_length(bencher: Bencher, chars: usize) {
        let text = adversarial(chars);
        let policy = Policy {
            max_chars: usize::MAX,
            banned_words: vec!["ngu".into()],
            ..Policy::default()
        };
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| check(divan::black_box(&text), &policy));
    }

    /// What the server stores of the same text (`normalize_for_storage`).
    #[divan::bench(args = [1_000, 10_000, 100_000])]
    fn storage_of_adversarial_text_of_length(bencher: Bencher, chars: usize) {
        let text = adversarial(chars);
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| binhluan_rules::normalize_for_storage(divan::black_box(&text)));
    }

    #[divan::bench]
    fn comment_of_2000_chars_with_banned_words(bencher: Bencher) {
        let text = comment(2_000);
        let policy = Policy {
            banned_words: vec!["ngu".into(), "lừa đảo".into(), "spam".into()],
            ..Policy::default()
        };
        bencher
            .counter(CharsCount::of_str(&text))
            .bench(|| check(divan::black_box(&text), &policy));
    }

    pub fn main() {
        divan::main();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    bench::main();
}

#[cfg(target_arch = "wasm32")]
fn main() {}
