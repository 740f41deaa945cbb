//! Opaque keyset-pagination cursors: where the previous page of a list ended.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use binhluan_api::SortOrder;

/// The order a cursor belongs to; a cursor is only valid for the list order that made it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CursorOrder {
    /// Newest first: the key is the creation time.
    Newest,
    /// Most liked first: the key is the like count (and in the desk's reported queue, most
    /// reported first: the key is the open reports).
    Top,
    /// Oldest first (moderation queue): the key is the creation time.
    Oldest,
}

impl From<SortOrder> for CursorOrder {
    fn from(sort: SortOrder) -> Self {
        match sort {
            SortOrder::Newest => Self::Newest,
            SortOrder::Top => Self::Top,
        }
    }
}

impl CursorOrder {
    fn tag(self) -> &'static str {
        match self {
            Self::Newest => "n",
            Self::Top => "t",
            Self::Oldest => "o",
        }
    }
}

/// The last item of a page: its sort key and id (the tie-breaker).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cursor {
    /// The order of the list.
    pub order: CursorOrder,
    /// The sort key of the last item (creation time or like count).
    pub key: i64,
    /// The id of the last item.
    pub id: i64,
}

impl Cursor {
    /// The cursor as the opaque string clients pass back.
    pub fn encode(self) -> String {
        URL_SAFE_NO_PAD.encode(format!("{}:{}:{}", self.order.tag(), self.key, self.id))
    }

    /// Reads a cursor made by [`Cursor::encode`] for a list in `order`; `None` if it is not one.
    pub fn decode(text: &str, order: CursorOrder) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let mut parts = text.split(':');
        let (tag, key, id) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || tag != order.tag() {
            return None;
        }
        Some(Self {
            order,
            key: key.parse().ok()?,
            id: id.parse().ok()?,
        })
    }
}

/// Where a page of the newsroom's article list (newest first) ended: the last article's
/// publication time and slug (the tie-breaker).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleCursor {
    /// The last article's publication time, in microseconds since the epoch.
    pub published_at: i64,
    /// The last article's slug.
    pub slug: String,
}

impl ArticleCursor {
    /// The cursor as the opaque string clients pass back.
    pub fn encode(&self) -> String {
        URL_SAFE_NO_PAD.encode(format!("a:{}:{}", self.published_at, self.slug))
    }

    /// Reads a cursor made by [`ArticleCursor::encode`]; `None` if it is not one.
    pub fn decode(text: &str) -> Option<Self> {
        let bytes = URL_SAFE_NO_PAD.decode(text).ok()?;
        let text = String::from_utf8(bytes).ok()?;
        let rest = text.strip_prefix("a:")?;
        let (published_at, slug) = rest.split_once(':')?;
        if !binhluan_api::is_slug(slug) {
            return None;
        }
        Some(Self {
            published_at: published_at.parse().ok()?,
            slug: slug.to_owned(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_cursors_round_trip_and_refuse_comment_cursors() {
        let cursor = ArticleCursor {
            published_at: -5,
            slug: "bai-1.html".to_owned(),
        };
        assert_eq!(ArticleCursor::decode(&cursor.encode()), Some(cursor));
        let comments = Cursor {
            order: CursorOrder::Newest,
            key: 7,
            id: 42,
        };
        assert_eq!(ArticleCursor::decode(&comments.encode()), None);
        assert_eq!(
            ArticleCursor::decode(&URL_SAFE_NO_PAD.encode("a:1:a/b")),
            None
        );
    }

    #[test]
    fn round_trips_and_refuses_other_orders_and_garbage() {
        let cursor = Cursor {
            order: CursorOrder::Top,
            key: 7,
            id: 42,
        };
        assert_eq!(
            Cursor::decode(&cursor.encode(), CursorOrder::Top),
            Some(cursor)
        );
        assert_eq!(Cursor::decode(&cursor.encode(), CursorOrder::Newest), None);
        assert_eq!(Cursor::decode("not a cursor!", CursorOrder::Top), None);
        assert_eq!(
            Cursor::decode(&URL_SAFE_NO_PAD.encode("t:7:42:1"), CursorOrder::Top),
            None
        );
    }
}
