//! How long `check` takes: a 2,000-character comment (target ≤ 20 µs), and 1 KB, 10 KB and
//! 100 KB of text (target ≤ 5 ms for 100 KB; the time per character should stay flat).
//!
//! `cargo bench -p binhluan-rules --bench check`

#[cfg(not(target_arch = "wasm32"))]
mod bench {
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
