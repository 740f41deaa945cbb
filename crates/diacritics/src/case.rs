//! Case kept letter by letter between what was typed and the form put in its place.

/// `form` (lowercase) with the case of `typed`, letter by letter: `HOC` + `học` → `HỌC`,
/// `Ha` + `hà` → `Hà`.
pub(crate) fn with_case_of(typed: &[char], form: &str) -> String {
    let mut out = String::with_capacity(form.len());
    let mut typed = typed.iter();
    for c in form.chars() {
        if typed.next().is_some_and(|t| t.is_uppercase()) {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_follows_each_typed_letter() {
        let chars = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(with_case_of(&chars("HOC"), "học"), "HỌC");
        assert_eq!(with_case_of(&chars("Duong"), "đường"), "Đường");
        assert_eq!(with_case_of(&chars("toI"), "tôi"), "tôI");
    }
}
