//! Checks of what the newsroom (its CMS, its feed) or an embedded page says of an article,
//! and the article that makes. Every text is trimmed; nothing is ever taken as HTML.

use binhluan_api::{Article, ArticleInput, Block, Commenting};

use crate::clock::{parse_rfc3339, rfc3339_seconds};
use crate::error::ApiFailure;

/// The longest headline, in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// The longest URL, in bytes.
const MAX_URL_BYTES: usize = 2000;
/// The longest lead, in characters.
const MAX_LEAD_CHARS: usize = 5_000;
/// The longest byline or source, in characters.
const MAX_LINE_CHARS: usize = 300;
/// The most blocks in a body.
const MAX_BLOCKS: usize = 1_000;
/// The longest paragraph or quote, in characters.
const MAX_BLOCK_CHARS: usize = 20_000;
/// The longest caption or picture description, in characters.
const MAX_CAPTION_CHARS: usize = 1_000;

/// What is wrong with one field, in Vietnamese and in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldProblem {
    /// The field at fault, e.g. `title` or `body`.
    pub field: &'static str,
    /// What is wrong, in Vietnamese.
    pub message: String,
    /// What is wrong, in English.
    pub message_en: String,
}

impl FieldProblem {
    fn new(field: &'static str, message: impl Into<String>, message_en: impl Into<String>) -> Self {
        Self {
            field,
            message: message.into(),
            message_en: message_en.into(),
        }
    }
}

impl std::fmt::Display for FieldProblem {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(formatter, "{} ({})", self.message, self.message_en)
    }
}

impl From<FieldProblem> for ApiFailure {
    fn from(problem: FieldProblem) -> Self {
        ApiFailure::invalid(problem.field, problem.message, problem.message_en)
    }
}

/// An article's slug: 1 to 200 of `A-Z a-z 0-9 - _ .`, not starting with a dot (the embed's
/// `data-article` rule).
pub fn slug(raw: &str) -> Result<&str, FieldProblem> {
    if binhluan_api::is_slug(raw) {
        Ok(raw)
    } else {
        Err(FieldProblem::new(
            "slug",
            "Mã bài viết (slug) phải có từ 1 đến 200 ký tự: chữ không dấu, số, - _ . (không bắt đầu bằng dấu chấm).",
            "The slug must be 1 to 200 characters of A-Z a-z 0-9 - _ . (not starting with a dot).",
        ))
    }
}

/// The newsroom's headline: runs of white space made one space, trimmed, 1 to 300
/// characters, no control characters.
pub fn title(raw: &str) -> Result<String, FieldProblem> {
    let title = one_line(raw);
    if has_control(&title) {
        return Err(FieldProblem::new(
            "title",
            "Tiêu đề không được chứa ký tự điều khiển.",
            "The title must not contain control characters.",
        ));
    }
    let chars = title.chars().count();
    if chars == 0 || chars > MAX_TITLE_CHARS {
        return Err(FieldProblem::new(
            "title",
            format!("Tiêu đề cần từ 1 đến {MAX_TITLE_CHARS} ký tự."),
            format!("The title must be 1 to {MAX_TITLE_CHARS} characters long."),
        ));
    }
    Ok(title)
}

/// The headline an embedded page gives (`data-title` or its `<title>`), made fit rather
/// than refused, since no one can fix it in time for the reader: control characters
/// dropped, white space folded, cut to 300 characters; the slug when nothing is left.
pub fn embed_title(raw: Option<&str>, slug: &str) -> String {
    let cleaned: String = raw
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let title: String = one_line(&cleaned).chars().take(MAX_TITLE_CHARS).collect();
    let title = title.trim_end();
    if title.is_empty() {
        slug.to_owned()
    } else {
        title.to_owned()
    }
}

/// An article's address: an absolute `http` or `https` URL without credentials, at most
/// 2,000 bytes; blank counts as not given.
pub fn url(raw: Option<&str>) -> Result<Option<String>, FieldProblem> {
    let Some(raw) = raw.map(str::trim).filter(|raw| !raw.is_empty()) else {
        return Ok(None);
    };
    let problem = || {
        FieldProblem::new(
            "url",
            format!(
                "Địa chỉ bài viết phải là một URL http(s) đầy đủ, tối đa {MAX_URL_BYTES} byte."
            ),
            format!(
                "The article's url must be an absolute http(s) URL of at most {MAX_URL_BYTES} bytes."
            ),
        )
    };
    if raw.len() > MAX_URL_BYTES {
        return Err(problem());
    }
    let parsed = url::Url::parse(raw).map_err(|_| problem())?;
    let web = matches!(parsed.scheme(), "http" | "https")
        && parsed.host_str().is_some_and(|host| !host.is_empty())
        && parsed.username().is_empty()
        && parsed.password().is_none();
    if web {
        Ok(Some(parsed.to_string()))
    } else {
        Err(problem())
    }
}

/// When an article was published: an RFC 3339 time such as `2026-12-03T08:00:00+07:00`, as
/// the text given (trimmed) and in microseconds since the epoch.
pub fn published_at(raw: &str) -> Result<(String, i64), FieldProblem> {
    let raw = raw.trim();
    parse_rfc3339(raw)
        .map(|micros| (raw.to_owned(), micros))
        .ok_or_else(|| {
            FieldProblem::new(
                "published_at",
                format!("Thời điểm đăng {raw:?} không đúng dạng RFC 3339, ví dụ 2026-12-03T08:00:00+07:00."),
                format!("published_at {raw:?} is not an RFC 3339 time such as 2026-12-03T08:00:00+07:00."),
            )
        })
}

/// A plain text field: trimmed, at most `max` characters, no control characters but line
/// breaks and tabs.
fn text(field: &'static str, raw: &str, max: usize) -> Result<String, FieldProblem> {
    let text = raw.trim();
    if text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\t' | '\r'))
    {
        return Err(FieldProblem::new(
            field,
            format!("Trường {field} không được chứa ký tự điều khiển."),
            format!("{field} must not contain control characters."),
        ));
    }
    if text.chars().count() > max {
        return Err(FieldProblem::new(
            field,
            format!("Trường {field} dài quá {max} ký tự."),
            format!("{field} is longer than {max} characters."),
        ));
    }
    Ok(text.to_owned())
}

/// A picture's address: absolute `http(s)`, or a path on the server (`/…`).
fn image_url(raw: &str) -> Result<String, FieldProblem> {
    let raw = raw.trim();
    if raw.starts_with('/') && !raw.starts_with("//") && raw.len() <= MAX_URL_BYTES {
        return Ok(raw.to_owned());
    }
    url(Some(raw)).ok().flatten().ok_or_else(|| {
        FieldProblem::new(
            "body",
            "Ảnh phải có địa chỉ http(s) đầy đủ hoặc bắt đầu bằng /.",
            "A figure's image_url must be an absolute http(s) URL or a path starting with /.",
        )
    })
}

/// The body's blocks, each checked and trimmed: at most 1,000, paragraphs and quotes not
/// empty.
fn body(blocks: Vec<Block>) -> Result<Vec<Block>, FieldProblem> {
    if blocks.len() > MAX_BLOCKS {
        return Err(FieldProblem::new(
            "body",
            format!("Thân bài có quá {MAX_BLOCKS} khối."),
            format!("The body has more than {MAX_BLOCKS} blocks."),
        ));
    }
    blocks
        .into_iter()
        .enumerate()
        .map(|(index, block)| {
            let at = |problem: FieldProblem| FieldProblem {
                message: format!("Khối {} của thân bài: {}", index + 1, problem.message),
                message_en: format!("Body block {}: {}", index + 1, problem.message_en),
                field: "body",
            };
            let paragraph = |raw: &str| {
                let text = text("body", raw, MAX_BLOCK_CHARS)?;
                if text.is_empty() {
                    return Err(FieldProblem::new(
                        "body",
                        "đoạn văn trống.",
                        "the paragraph is empty.",
                    ));
                }
                Ok(text)
            };
            match block {
                Block::Paragraph { text } => paragraph(&text).map(|text| Block::Paragraph { text }),
                Block::Quote { text } => paragraph(&text).map(|text| Block::Quote { text }),
                Block::Figure {
                    image_url: picture,
                    alt,
                    caption,
                } => Ok(Block::Figure {
                    image_url: picture.as_deref().map(image_url).transpose()?,
                    alt: text("body", &alt, MAX_CAPTION_CHARS)?,
                    caption: text("body", &caption, MAX_CAPTION_CHARS)?,
                }),
            }
            .map_err(at)
        })
        .collect()
}

/// An article the newsroom describes, checked, and when it was published (microseconds).
#[derive(Debug)]
pub struct CheckedArticle {
    /// The article as it will be stored and shown.
    pub article: Article,
    /// When it was published, in microseconds since the epoch.
    pub published_at: i64,
    /// Whether readers may comment.
    pub comments: Commenting,
    /// Whether readers cannot see it.
    pub hidden: bool,
}

/// The article `slug` that the CMS's `input` describes; an undated one takes
/// `undated_published_at` (its existing date, or now), as RFC 3339 and microseconds.
pub fn article_from_input(
    slug: &str,
    input: ArticleInput,
    undated_published_at: (String, i64),
) -> Result<CheckedArticle, FieldProblem> {
    let slug = self::slug(slug)?;
    let title = title(&input.title)?;
    let url = url(input.url.as_deref())?;
    let (published_at_text, published_at) = match input.published_at.as_deref() {
        Some(raw) => published_at(raw)?,
        None => undated_published_at,
    };
    let lead = text(
        "lead",
        input.lead.as_deref().unwrap_or_default(),
        MAX_LEAD_CHARS,
    )?;
    let byline = text(
        "byline",
        input.byline.as_deref().unwrap_or_default(),
        MAX_LINE_CHARS,
    )?;
    let source = input
        .source
        .as_deref()
        .map(|source| text("source", source, MAX_LINE_CHARS))
        .transpose()?
        .filter(|source| !source.is_empty());
    let body = body(input.body.unwrap_or_default())?;
    Ok(CheckedArticle {
        article: Article {
            slug: slug.to_owned(),
            title,
            url,
            published_at: published_at_text,
            views: 0,
            source,
            lead,
            body,
            byline,
            comments: input.comments,
        },
        published_at,
        comments: input.comments,
        hidden: input.hidden,
    })
}

/// The thread of an embedded page the server knows only by its slug, title and address,
/// dated `now` (microseconds).
pub fn embed_article(slug: &str, title: String, url: Option<String>, now: i64) -> Article {
    Article {
        slug: slug.to_owned(),
        title,
        url,
        published_at: rfc3339_seconds(now),
        views: 0,
        source: None,
        lead: String::new(),
        body: Vec::new(),
        byline: String::new(),
        comments: Commenting::Open,
    }
}

/// `raw` with every run of white space made one space, trimmed.
fn one_line(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn has_control(text: &str) -> bool {
    text.chars().any(char::is_control)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str) -> ArticleInput {
        ArticleInput {
            title: title.to_owned(),
            url: None,
            published_at: None,
            lead: None,
            body: None,
            byline: None,
            source: None,
            comments: Commenting::Open,
            hidden: false,
        }
    }

    fn now() -> (String, i64) {
        ("2026-12-03T00:00:00Z".to_owned(), 1_796_256_000_000_000)
    }

    #[test]
    fn titles_are_folded_trimmed_and_bounded() {
        assert_eq!(
            title("  Tin   mới\n của tòa soạn ").unwrap(),
            "Tin mới của tòa soạn"
        );
        assert_eq!(title("   ").unwrap_err().field, "title");
        assert!(title(&"ấ".repeat(300)).is_ok());
        assert!(title(&"ấ".repeat(301)).is_err());
        assert!(title("Tin\u{7}mới").is_err());
    }

    #[test]
    fn embed_titles_are_made_fit_instead_of_refused() {
        assert_eq!(embed_title(Some(" Tin\u{0}  mới "), "s"), "Tin mới");
        assert_eq!(embed_title(Some("  "), "bai-1"), "bai-1");
        assert_eq!(embed_title(None, "bai-1"), "bai-1");
        assert_eq!(embed_title(Some(&"a".repeat(400)), "s").len(), 300);
    }

    #[test]
    fn urls_are_absolute_web_addresses() {
        assert_eq!(
            url(Some(" https://Bao.example.vn/tin/a.html ")).unwrap(),
            Some("https://bao.example.vn/tin/a.html".to_owned())
        );
        assert_eq!(url(Some("")).unwrap(), None);
        assert_eq!(url(None).unwrap(), None);
        for bad in [
            "javascript:alert(1)",
            "/tin/a.html",
            "ftp://bao.example.vn/a",
            "https://user:pw@bao.example.vn/",
            "tin mới",
        ] {
            assert_eq!(url(Some(bad)).unwrap_err().field, "url", "{bad}");
        }
        assert!(url(Some(&format!("https://a.vn/{}", "a".repeat(2000)))).is_err());
    }

    #[test]
    fn an_article_is_checked_field_by_field() {
        let mut cms = input("Tin mới");
        cms.published_at = Some("2026-12-03T08:00:00+07:00".to_owned());
        cms.body = Some(vec![
            Block::Paragraph {
                text: " Đoạn một. ".to_owned(),
            },
            Block::Figure {
                image_url: Some("/anh/1.jpg".to_owned()),
                alt: "Ảnh".to_owned(),
                caption: "Chú thích".to_owned(),
            },
        ]);
        let checked = article_from_input("tin-moi", cms.clone(), now()).unwrap();
        assert_eq!(checked.published_at, 1_796_259_600_000_000);
        assert_eq!(checked.article.published_at, "2026-12-03T08:00:00+07:00");
        assert_eq!(
            checked.article.body[0],
            Block::Paragraph {
                text: "Đoạn một.".to_owned()
            }
        );

        let undated = article_from_input("tin-moi", input("Tin mới"), now()).unwrap();
        assert_eq!(undated.article.published_at, "2026-12-03T00:00:00Z");

        let field = |slug: &str, input: ArticleInput| {
            article_from_input(slug, input, now()).unwrap_err().field
        };
        assert_eq!(field(&"a".repeat(201), input("Tin")), "slug");
        assert_eq!(field("x", input("")), "title");
        let mut odd_date = input("Tin");
        odd_date.published_at = Some("03/12/2026 08:00".to_owned());
        assert_eq!(field("x", odd_date), "published_at");
        let mut empty_paragraph = input("Tin");
        empty_paragraph.body = Some(vec![Block::Paragraph { text: " ".into() }]);
        assert_eq!(field("x", empty_paragraph), "body");
        let mut script_picture = input("Tin");
        script_picture.body = Some(vec![Block::Figure {
            image_url: Some("javascript:alert(1)".into()),
            alt: String::new(),
            caption: String::new(),
        }]);
        assert_eq!(field("x", script_picture), "body");
    }
}
