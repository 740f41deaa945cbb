//! The article page's HTML, drawn by `binhluan-view`'s components (the ones the app mounts in
//! the browser) and rendered to a string: one definition of the article's markup.

use binhluan_api::{Article, Block, Comment, CommentPage, Commenting, Policy};
use binhluan_view::i18n::{Lang, Texts, provide_lang, use_texts};
use binhluan_view::{ArticleView, CommentCard, LikeLabel, NotFoundView, RulesList, SiteHeader};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

/// What a page is made of besides its content: the app's stylesheet and the embed loader.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assets {
    /// The address of the app's stylesheet (`/main-HASH.css`), when the app is built.
    pub stylesheet: Option<String>,
}

/// One article page: the article, the first page of its published comments, and where it lives.
#[derive(Clone, Debug)]
pub struct ArticlePage {
    /// The article as readers get it.
    pub article: Article,
    /// Its first page of published comments.
    pub comments: CommentPage,
    /// The rules the comment box states.
    pub policy: Policy,
    /// The page's language.
    pub lang: Lang,
    /// Its canonical address: the newsroom's own page if it has one, else this page.
    pub canonical: String,
}

/// Hides, when scripts are off, what needs them: the dormant form, the sort and more buttons.
const NO_SCRIPT_STYLE: &str = "<style>.comment-form[data-dormant],.sort-switch,.load-more,\
.like-button{display:none}</style>";

/// The whole document of an article page.
pub fn article_document(page: ArticlePage, assets: &Assets) -> String {
    let ArticlePage {
        article,
        comments,
        policy,
        lang,
        canonical,
    } = page;
    let title = article.title.clone();
    let description = article.lead.clone();
    let image = first_image(&article.body);
    let json_ld = news_article_json_ld(&article, &canonical, image.as_deref(), comments.total);
    let slug = article.slug.clone();
    let open = article.comments == Commenting::Open;
    let views = article.views;
    let switch_slug = slug.clone();
    let pixel_slug = slug.clone();
    render(lang, move || {
        view! {
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <title>{title.clone()}</title>
                <meta name="description" content=description.clone()/>
                <link rel="canonical" href=canonical.clone()/>
                <link rel="icon" href="data:,"/>
                {open_graph("og:type", "article")}
                {open_graph("og:title", article.title.clone())}
                {open_graph("og:description", description)}
                {open_graph("og:url", canonical)}
                {open_graph("og:locale", og_locale(lang))}
                {image.map(|image| open_graph("og:image", image))}
                {open_graph("article:published_time", article.published_at.clone())}
                {assets.stylesheet.clone().map(|href| view! { <link rel="stylesheet" href=href/> })}
                <script type="module" src="/embed.js"></script>
                <script type="application/ld+json" inner_html=json_ld></script>
                <noscript inner_html=NO_SCRIPT_STYLE></noscript>
            </head>
            <body>
                <div class="bl-root is-page is-auto">
                    <SiteHeader>
                        <LanguageLink lang slug=switch_slug/>
                    </SiteHeader>
                    <main id="main" class="page" tabindex="-1">
                        <ArticleView article views=Signal::stored(views)/>
                        <div
                            data-binhluan
                            data-article=slug
                            data-lang=lang.tag()
                            data-rendered
                            data-views
                        >
                            <RenderedComments page=comments policy open/>
                        </div>
                        // Readers without scripts count here; `embed.js` counts the others.
                        <noscript>
                            <img src=format!("/api/articles/{pixel_slug}/view.gif") alt="" width="1" height="1"/>
                        </noscript>
                    </main>
                </div>
            </body>
        }
    })
}

/// The document of an address with no article: "Không tìm thấy bài viết".
pub fn not_found_document(lang: Lang, assets: &Assets) -> String {
    render(lang, move || {
        let texts = use_texts();
        view! {
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light dark"/>
                <meta name="robots" content="noindex"/>
                <title>{format!("{} - Bình Luận", texts().not_found_title)}</title>
                <link rel="icon" href="data:,"/>
                {assets.stylesheet.clone().map(|href| view! { <link rel="stylesheet" href=href/> })}
            </head>
            <body>
                <div class="bl-root is-page is-auto">
                    <SiteHeader>""</SiteHeader>
                    <main id="main" class="page" tabindex="-1">
                        <NotFoundView home_link=true/>
                    </main>
                </div>
            </body>
        }
    })
}

/// Renders `body` (a `<head>` and a `<body>`) as a document in `lang`.
fn render<V: IntoView + 'static>(lang: Lang, body: impl FnOnce() -> V) -> String {
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_lang(RwSignal::new(lang));
        body().into_view().to_html()
    });
    format!("<!DOCTYPE html><html lang=\"{}\">{html}</html>", lang.tag())
}

/// "English" on the Vietnamese page, "Tiếng Việt" on the English one: a link, since the page
/// is the server's.
#[component]
fn LanguageLink(lang: Lang, slug: String) -> impl IntoView {
    let texts = use_texts();
    let other = lang.other();
    let href = match other {
        Lang::Vi => format!("/bai-viet/{slug}"),
        Lang::En => format!("/bai-viet/{slug}?lang=en"),
    };
    view! {
        <a
            class="lang-switch"
            href=href
            hreflang=other.tag()
            lang=other.tag()
            aria-label=move || texts().switch_language_label
        >
            {move || texts().switch_language}
        </a>
    }
}

/// The comment section as the widget first shows it: the rules, a box that wakes the widget
/// when focused (hidden without scripts, which get a sentence instead), and the first page of
/// comments. The widget takes its place once it has loaded.
#[component]
fn RenderedComments(page: CommentPage, policy: Policy, open: bool) -> impl IntoView {
    let texts = use_texts();
    let more = page.next_cursor.is_some();
    let list = if page.comments.is_empty() {
        view! { <p class="comments-empty">{move || texts().no_comments}</p> }.into_any()
    } else {
        page.comments
            .into_iter()
            .map(|comment| view! { <RenderedComment comment/> })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="comments" class:is-closed=!open aria-labelledby="comments-heading">
            <h2 id="comments-heading">{move || texts().comments_heading}</h2>
            <RulesList policy=Signal::stored(policy)/>
            <p class="comments-closed" role="status">{move || texts().comments_closed}</p>
            <DormantForm/>
            <noscript>
                <p class="comments-need-javascript">{move || texts().comments_need_javascript}</p>
            </noscript>
            <div class="comment-list-header">
                <p class="comment-count">{move || (texts().comment_count)(page.total)}</p>
                <div class="sort-switch" role="group" aria-label=move || texts().sort_label>
                    <button type="button" class="sort-button" aria-pressed="true">
                        {move || texts().sort_newest}
                    </button>
                    <button type="button" class="sort-button" aria-pressed="false">
                        {move || texts().sort_top}
                    </button>
                </div>
            </div>
            <div class="comment-list">{list}</div>
            {more.then(|| view! {
                <button type="button" class="button load-more">{move || texts().load_more}</button>
            })}
        </section>
    }
}

/// The form as the widget draws it, without its behaviour: what the reader types in it before
/// the widget wakes is handed over to the widget.
#[component]
fn DormantForm() -> impl IntoView {
    let texts = use_texts();
    let field = |name: &'static str,
                 kind: &'static str,
                 autocomplete: &'static str,
                 label: fn(&'static Texts) -> &'static str| {
        let id = format!("bl-page-{name}");
        view! {
            <div class="form-field">
                <label for=id.clone()>{move || label(texts())}</label>
                <input id=id name=name type=kind autocomplete=autocomplete/>
            </div>
        }
    };
    view! {
        <form class="comment-form" novalidate data-dormant aria-label=move || texts().form_label>
            <div class="form-row">
                {field("author_name", "text", "name", |t| t.name_label)}
                {field("author_email", "email", "email", |t| t.email_label)}
            </div>
            <div class="form-field">
                <label for="bl-page-content">{move || texts().content_label}</label>
                <div class="comment-editor">
                    <textarea
                        id="bl-page-content"
                        name="content"
                        rows="5"
                        lang="vi"
                        spellcheck="false"
                        placeholder=move || texts().content_placeholder
                    ></textarea>
                </div>
            </div>
            <div class="form-actions">
                <button type="submit" class="button">{move || texts().submit}</button>
            </div>
        </form>
    }
}

/// One published comment and its replies, with its time as the newsroom prints it.
#[component]
fn RenderedComment(mut comment: Comment) -> impl IntoView {
    let texts = use_texts();
    let replies = std::mem::take(&mut comment.replies);
    let likes = comment.likes;
    let time = view! {
        <time class="comment-time" datetime=comment.created_at.clone()>
            {vietnam_time(&comment.created_at)}
        </time>
    }
    .into_any();
    view! {
        <CommentCard comment time>
            <div class="comment-actions">
                <button
                    type="button"
                    class="like-button"
                    aria-pressed="false"
                    aria-label=move || (texts().like_label)(likes)
                >
                    <LikeLabel likes=Signal::stored(likes)/>
                </button>
            </div>
            {(!replies.is_empty()).then(|| view! {
                <div class="comment-replies">
                    {replies
                        .into_iter()
                        .map(|reply| view! { <RenderedComment comment=reply/> }.into_any())
                        .collect_view()}
                </div>
            })}
        </CommentCard>
    }
}

/// Vietnam's offset from UTC: readers of a Vietnamese newsroom read its times.
const VIETNAM: UtcOffset = match UtcOffset::from_hms(7, 0, 0) {
    Ok(offset) => offset,
    Err(_) => UtcOffset::UTC,
};

/// `HH:MM DD-MM-YYYY` in Vietnam's time, as the newsroom prints times; the text itself if it
/// is not RFC 3339.
fn vietnam_time(rfc3339: &str) -> String {
    match OffsetDateTime::parse(rfc3339, &Rfc3339) {
        Ok(at) => {
            let at = at.to_offset(VIETNAM);
            format!(
                "{:02}:{:02} {:02}-{:02}-{}",
                at.hour(),
                at.minute(),
                at.day(),
                u8::from(at.month()),
                at.year()
            )
        }
        Err(_) => rfc3339.to_owned(),
    }
}

/// An Open Graph `<meta property content>` (not an attribute the view macro knows).
fn open_graph(property: &'static str, content: impl Into<String>) -> impl IntoView {
    leptos::html::meta()
        .attr("property", property)
        .content(content.into())
}

fn og_locale(lang: Lang) -> &'static str {
    match lang {
        Lang::Vi => "vi_VN",
        Lang::En => "en_US",
    }
}

/// The first picture of the article, for link previews and search results.
fn first_image(body: &[Block]) -> Option<String> {
    body.iter().find_map(|block| match block {
        Block::Figure { image_url, .. } => image_url.clone(),
        _ => None,
    })
}

/// schema.org `NewsArticle` as JSON-LD, safe inside `<script>`: every `<` is escaped, so no
/// text can close the element.
fn news_article_json_ld(
    article: &Article,
    canonical: &str,
    image: Option<&str>,
    comments: u64,
) -> String {
    let mut json = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "description": article.lead,
        "datePublished": article.published_at,
        "mainEntityOfPage": canonical,
        "commentCount": comments,
        "inLanguage": "vi",
    });
    if !article.byline.trim().is_empty() {
        json["author"] = serde_json::json!({ "@type": "Person", "name": article.byline });
    }
    if let Some(source) = &article.source {
        json["publisher"] = serde_json::json!({ "@type": "Organization", "name": source });
    }
    if let Some(image) = image {
        json["image"] = serde_json::json!([image]);
    }
    json.to_string().replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        Article {
            slug: "bai-mau".to_owned(),
            title: "Tiêu đề <b>thật</b>".to_owned(),
            url: None,
            published_at: "2020-05-17T15:40:00+07:00".to_owned(),
            views: 41,
            source: Some("(Báo Lào Cai)".to_owned()),
            lead: "Đoạn mở đầu của bài.".to_owned(),
            body: vec![
                Block::Paragraph {
                    text: "Đoạn thứ nhất </script><script>alert(1)</script>".to_owned(),
                },
                Block::Figure {
                    image_url: Some("https://anh.example.vn/1.jpg".to_owned()),
                    alt: "Ảnh".to_owned(),
                    caption: "Chú thích ảnh".to_owned(),
                },
                Block::Quote {
                    text: "Một câu trích dẫn".to_owned(),
                },
            ],
            byline: "Nguyễn Văn A".to_owned(),
            comments: Commenting::Open,
        }
    }

    fn comment(id: i64, text: &str, replies: Vec<Comment>) -> Comment {
        Comment {
            id,
            parent_id: None,
            author_name: "Bạn đọc <i>".to_owned(),
            content: text.to_owned(),
            created_at: "2026-12-04T01:02:03Z".to_owned(),
            status: binhluan_api::CommentStatus::Published,
            likes: 3,
            liked: false,
            featured: false,
            replies,
            reply_count: 0,
            replies_cursor: None,
            author_email: None,
            rejection_reason: None,
        }
    }

    fn page(lang: Lang) -> ArticlePage {
        ArticlePage {
            article: article(),
            comments: CommentPage {
                comments: vec![comment(
                    7,
                    "Bình luận đã duyệt <img src=x>",
                    vec![comment(8, "Một câu trả lời", Vec::new())],
                )],
                next_cursor: Some("abc".to_owned()),
                total: 2,
                closed: false,
            },
            policy: Policy::default(),
            lang,
            canonical: "https://bao.example.vn/bai-viet/bai-mau".to_owned(),
        }
    }

    fn assets() -> Assets {
        Assets {
            stylesheet: Some("/main-0123456789abcdef.css".to_owned()),
        }
    }

    #[test]
    fn the_article_and_its_comments_are_in_the_html_as_text() {
        let html = article_document(page(Lang::Vi), &assets());
        assert!(
            html.starts_with("<!DOCTYPE html><html lang=\"vi\"><head>"),
            "{html}"
        );
        for expected in [
            "Tiêu đề &lt;b&gt;thật&lt;/b&gt;",
            "Đoạn mở đầu của bài.",
            "Đoạn thứ nhất &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
            "Chú thích ảnh",
            "Một câu trích dẫn",
            "Nguyễn Văn A",
            "41 lượt xem",
            "15:40 17-05-2020",
            "Bình luận đã duyệt &lt;img src=x&gt;",
            "Bạn đọc &lt;i&gt;",
            "Một câu trả lời",
            "08:02 04-12-2026",
            "2 bình luận",
            "Tối thiểu 10 chữ Tiếng việt có dấu",
            "itemtype=\"https://schema.org/Comment\"",
            "<link rel=\"canonical\" href=\"https://bao.example.vn/bai-viet/bai-mau\"",
            "<meta property=\"og:image\" content=\"https://anh.example.vn/1.jpg\"",
            "<link rel=\"stylesheet\" href=\"/main-0123456789abcdef.css\"",
            "<script type=\"module\" src=\"/embed.js\"></script>",
            "data-article=\"bai-mau\"",
            "<noscript><img src=\"/api/articles/bai-mau/view.gif\"",
            "Bạn cần bật JavaScript để viết bình luận",
        ] {
            assert!(html.contains(expected), "{expected:?} missing from {html}");
        }
        assert!(!html.contains("<b>thật"), "{html}");
        assert!(!html.contains("<img src=x"), "{html}");
    }

    #[test]
    fn json_ld_is_a_news_article_that_cannot_close_its_script() {
        let html = article_document(page(Lang::Vi), &assets());
        let start = html.find("<script type=\"application/ld+json\">").unwrap();
        let rest = &html[start..];
        let json = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
        assert!(!json.contains('<'), "{json}");
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["@type"], "NewsArticle");
        assert_eq!(value["headline"], "Tiêu đề <b>thật</b>");
        assert_eq!(value["author"]["name"], "Nguyễn Văn A");
        assert_eq!(value["commentCount"], 2);
        assert_eq!(value["image"][0], "https://anh.example.vn/1.jpg");
    }

    #[test]
    fn english_pages_are_in_english_and_link_back() {
        let html = article_document(page(Lang::En), &assets());
        assert!(
            html.starts_with("<!DOCTYPE html><html lang=\"en\">"),
            "{html}"
        );
        assert!(html.contains("41 views"), "{html}");
        assert!(html.contains("href=\"/bai-viet/bai-mau\""), "{html}");
        assert!(html.contains("data-lang=\"en\""), "{html}");
        let vietnamese = article_document(page(Lang::Vi), &assets());
        assert!(vietnamese.contains("href=\"/bai-viet/bai-mau?lang=en\""));
    }

    #[test]
    fn a_closed_thread_says_so() {
        let mut closed = page(Lang::Vi);
        closed.article.comments = Commenting::Closed;
        let html = article_document(closed, &assets());
        assert!(html.contains("class=\"comments is-closed\""), "{html}");
        let open = article_document(page(Lang::Vi), &assets());
        assert!(open.contains("class=\"comments\""), "{open}");
    }

    #[test]
    fn the_not_found_page_is_not_indexed() {
        let html = not_found_document(Lang::Vi, &Assets::default());
        assert!(html.contains("Không tìm thấy"), "{html}");
        assert!(html.contains("noindex"), "{html}");
        assert!(!html.contains("stylesheet"), "{html}");
    }

    #[test]
    fn times_are_printed_in_vietnam() {
        assert_eq!(vietnam_time("2026-12-31T20:30:00Z"), "03:30 01-01-2027");
        assert_eq!(
            vietnam_time("2020-05-17T15:40:00+07:00"),
            "15:40 17-05-2020"
        );
        assert_eq!(vietnam_time("không phải giờ"), "không phải giờ");
    }
}
