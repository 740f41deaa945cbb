//! Articles: the news the comments are about.

use serde::{Deserialize, Serialize};

/// A news article, as `GET /api/articles/{slug}` returns it and as the sample articles in
/// `content/articles/` store it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The article's address: `/bai-viet/{slug}`.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The article's own page on the newsroom's site (its canonical URL), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published, RFC 3339 with the newsroom's offset, e.g. `2020-05-17T15:40:00+07:00`.
    pub published_at: String,
    /// How many times it has been read.
    pub views: u64,
    /// The source shown before the lead, e.g. `Laocaitv.vn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The lead (sapo), set apart above the body.
    #[serde(default)]
    pub lead: String,
    /// The body, as typed blocks: never HTML.
    #[serde(default)]
    pub body: Vec<Block>,
    /// The authors, e.g. `Lê Hưng - Hồng Hải`.
    #[serde(default)]
    pub byline: String,
    /// Whether readers may comment now: `closed` when the newsroom closed the thread or the
    /// policy's `auto_close_after_days` have passed. Closed threads still show their comments.
    #[serde(default)]
    pub comments: Commenting,
}

/// Whether an article's thread takes new comments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Commenting {
    /// Readers may comment.
    #[default]
    Open,
    /// The thread is closed: its comments are shown, new ones are refused.
    Closed,
}

/// The body of `PUT /api/articles/{slug}`: what the newsroom's CMS says of one article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleInput {
    /// The headline (1 to 300 characters).
    pub title: String,
    /// The article's page on the newsroom's site: an absolute `http(s)` URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published, RFC 3339 (e.g. `2026-12-03T08:00:00+07:00`); the time of the
    /// first `PUT` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_at: Option<String>,
    /// The lead (sapo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The body's typed blocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Vec<Block>>,
    /// The authors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The source shown before the lead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Whether readers may comment.
    pub comments: Commenting,
    /// Hidden articles are not shown to readers (`404`), and their comments are kept.
    #[serde(default)]
    pub hidden: bool,
}

/// Where an article came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArticleOrigin {
    /// A sample article loaded from the server's content folder.
    Content,
    /// Registered first through `PUT /api/articles/{slug}`.
    Cms,
    /// Registered by `binhluan-server import` from the newsroom's feed.
    Feed,
    /// Created when a widget on an allowed origin first asked for it (`--threads auto`).
    Embed,
}

/// One article in the newsroom's list (`GET /api/articles`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleSummary {
    /// The article's slug.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The article's page on the newsroom's site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// When it was published, RFC 3339.
    pub published_at: String,
    /// Whether readers may comment now (the article's setting and the policy's auto-closing).
    pub comments: Commenting,
    /// Whether the newsroom closed the thread itself (`comments: closed` in its last `PUT`).
    pub closed_by_newsroom: bool,
    /// Whether readers cannot see the article.
    pub hidden: bool,
    /// Where the article came from.
    pub origin: ArticleOrigin,
    /// How many times it has been read.
    pub views: u64,
    /// Comments waiting for a moderator, replies included.
    pub pending: u64,
    /// Published comments, replies included.
    pub published: u64,
}

/// A page of the newsroom's articles, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleList {
    /// The articles on this page.
    pub articles: Vec<ArticleSummary>,
    /// Pass as `cursor` to get the next page; `None` on the last page.
    pub next_cursor: Option<String>,
}

/// The body of `POST /api/threads`: a widget asks for the thread of the page it is embedded
/// in, which the server creates if it has none (`--threads auto`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThreadRequest {
    /// The article's slug (the element's `data-article`).
    pub slug: String,
    /// The page's headline (`data-title`, or else the page's `<title>`); the server trims it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The page's address (`data-url`, or else its `<link rel=canonical>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One block of an article's body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    /// A paragraph of plain text.
    Paragraph {
        /// The paragraph.
        text: String,
    },
    /// A picture with its caption.
    Figure {
        /// The picture's address; `None` when it was lost, and a placeholder is shown.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        image_url: Option<String>,
        /// A description of the picture for readers who cannot see it.
        alt: String,
        /// The caption printed under the picture.
        caption: String,
    },
    /// A quoted paragraph, set apart from the body.
    Quote {
        /// The quoted text.
        text: String,
    },
}

/// The view counter after `POST /api/articles/{slug}/views`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewCount {
    /// The article's views, this one included.
    pub views: u64,
}
