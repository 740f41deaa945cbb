//! Articles: the news the comments are about.

use serde::{Deserialize, Serialize};

/// A news article, as `GET /api/articles/{slug}` returns it and as the fixtures in
/// `content/articles/` store it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// The article's address: `/bai-viet/{slug}`.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// When it was published, RFC 3339 with the newsroom's offset, e.g. `2020-05-17T15:40:00+07:00`.
    pub published_at: String,
    /// How many times it has been read.
    pub views: u64,
    /// The source shown before the lead, e.g. `Laocaitv.vn`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The lead (sapo), set apart above the body.
    pub lead: String,
    /// The body, as typed blocks: never HTML.
    pub body: Vec<Block>,
    /// The authors, e.g. `Lê Hưng - Hồng Hải`.
    pub byline: String,
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
