//! Every sentence the rules say to a reader, in Vietnamese and in English.
//!
//! Short, kind and specific: each says what is wrong and, where it can, quotes the words.

use crate::diacritics::Cause;
use crate::verdict::{HintCode, Rule};

/// A message in Vietnamese and in English.
pub(crate) struct Message {
    /// In Vietnamese.
    pub(crate) vi: String,
    /// In English.
    pub(crate) en: String,
}

/// What ends a quotation of the reader's text that was cut short.
pub(crate) const CUT: char = '…';

fn message(vi: String, en: String) -> Message {
    Message { vi, en }
}

/// Too few words.
pub(crate) fn min_words(min: usize, written: usize, with_marks: bool) -> Message {
    let kind_vi = if with_marks {
        "chữ Tiếng Việt có dấu"
    } else {
        "chữ Tiếng Việt"
    };
    message(
        format!("Bình luận cần tối thiểu {min} {kind_vi}; bạn mới viết {written} chữ."),
        format!("Your comment needs at least {min} Vietnamese words; you have written {written}."),
    )
}

/// Not written in Vietnamese with its marks; `example` quotes one of the words at fault.
pub(crate) fn diacritics(cause: Cause, example: Option<&str>) -> Message {
    let Some(example) = example else {
        return message(
            "Bình luận cần viết Tiếng Việt có dấu; các chữ đang thiếu dấu.".to_owned(),
            "Please write in Vietnamese with diacritics; your words are missing their marks."
                .to_owned(),
        );
    };
    match cause {
        Cause::NoDiacritics => message(
            format!(
                "Bình luận cần viết Tiếng Việt có dấu; những chữ như “{example}” đang thiếu dấu."
            ),
            format!(
                "Please write in Vietnamese with diacritics; words such as “{example}” are missing their marks."
            ),
        ),
        Cause::KeyboardOff => message(
            format!("Bình luận còn sót phím gõ Telex/VNI như “{example}”, nên chữ chưa có dấu."),
            format!(
                "Your comment has Telex/VNI keystrokes such as “{example}” left in it, so its words have no marks."
            ),
        ),
        Cause::LegacyEncoding => message(
            format!(
                "Bình luận có chữ bị lỗi bảng mã cũ (TCVN3, VNI) hoặc gõ kiểu VIQR, như “{example}”."
            ),
            format!(
                "Some words are garbled by an old encoding (TCVN3, VNI) or typed in VIQR, such as “{example}”."
            ),
        ),
        Cause::NotVietnamese => message(
            "Bình luận cần viết bằng Tiếng Việt có dấu.".to_owned(),
            "Please write your comment in Vietnamese, with diacritics.".to_owned(),
        ),
    }
}

/// Contains links; `example` quotes the first, `count` says how many.
pub(crate) fn no_links(example: &str, count: usize) -> Message {
    refuse(("liên kết", "liên kết", "links"), example, count)
}

/// Contains contact details; `example` quotes the first, `count` says how many.
pub(crate) fn no_contacts(example: &str, count: usize) -> Message {
    refuse(
        (
            "số điện thoại, Zalo hay e-mail",
            "thông tin liên hệ",
            "phone numbers, Zalo handles or e-mail addresses",
        ),
        example,
        count,
    )
}

/// Comments may not contain `what` (in Vietnamese, what one more of them is called, and in
/// English); `example` quotes the first, `count` says how many.
fn refuse((what, one, what_en): (&str, &str, &str), example: &str, count: usize) -> Message {
    let (more, more_en) = match count - 1 {
        0 => (String::new(), String::new()),
        more => (
            format!(" và {more} {one} khác"),
            format!(" and {more} more"),
        ),
    };
    message(
        format!("Bình luận không được chứa {what}; hãy bỏ “{example}”{more}."),
        format!("Comments may not contain {what_en}; please remove “{example}”{more_en}."),
    )
}

/// Too long.
pub(crate) fn max_length(max: usize, written: usize) -> Message {
    message(
        format!("Bình luận dài tối đa {max} ký tự; bạn đã viết {written} ký tự."),
        format!("Comments may be at most {max} characters long; yours has {written}."),
    )
}

/// Contains a banned word; `example` quotes it.
pub(crate) fn banned_word(example: &str) -> Message {
    message(
        format!("Bình luận có từ không được phép dùng: “{example}”."),
        format!("Your comment contains a word that is not allowed: “{example}”."),
    )
}

/// The advice that goes with a hint code.
pub(crate) fn hint(code: HintCode) -> Message {
    let (vi, en) = match code {
        HintCode::KeyboardOff => (
            "Hãy bật chế độ gõ Tiếng Việt của bàn phím (Telex/VNI).",
            "Turn on your keyboard's Vietnamese input mode (Telex/VNI).",
        ),
        HintCode::LegacyEncoding => (
            "Hãy chọn bảng mã Unicode trong bộ gõ (Unikey, EVKey) rồi gõ lại.",
            "Choose the Unicode character set in your input method (Unikey, EVKey) and type it again.",
        ),
        HintCode::NoDiacritics => (
            "Hãy gõ có dấu, ví dụ “Bài viết rất hay” thay vì “Bai viet rat hay”.",
            "Type the marks, e.g. “Bài viết rất hay” rather than “Bai viet rat hay”.",
        ),
        HintCode::NotVietnamese => (
            "Trang này nhận bình luận bằng Tiếng Việt có dấu.",
            "This site takes comments in Vietnamese, written with diacritics.",
        ),
        HintCode::HeldForReview => return held(&[Rule::NoLinks]),
    };
    message(vi.to_owned(), en.to_owned())
}

/// The advice of [`HintCode::HeldForReview`], for a comment held for what `held_for` lists:
/// its links, its contact details, words the newsroom asks a moderator to look at (which are
/// not named to the reader), or several.
pub(crate) fn held(held_for: &[Rule]) -> Message {
    let links = held_for.contains(&Rule::NoLinks);
    let contacts = held_for.contains(&Rule::NoContacts);
    let (vi, en) = match (links, contacts) {
        (true, false) => ("liên kết", "a link"),
        (false, true) => (
            "số điện thoại hoặc thông tin liên hệ",
            "a phone number or other contact details",
        ),
        (true, true) => (
            "liên kết và thông tin liên hệ",
            "a link and contact details",
        ),
        (false, false) => {
            return message(
                "Bình luận sẽ chờ biên tập viên duyệt trước khi hiện.".to_owned(),
                "Your comment will wait for a moderator before it appears.".to_owned(),
            );
        }
    };
    message(
        format!("Bình luận có {vi} nên sẽ chờ biên tập viên duyệt trước khi hiện."),
        format!("Your comment has {en}, so it will wait for a moderator before it appears."),
    )
}
