//! Reading comments: an article's published page, the moderation queue, single comments;
//! and a moderator's decision.

use std::collections::HashMap;

use binhluan_api::{Comment, CommentPage, CommentStatus, SortOrder};

use super::Db;
use super::articles::to_u64;
use super::decisions::MAX_FEATURED;
use crate::clock::rfc3339;
use crate::cursor::{Cursor, CursorOrder};

/// The columns [`CommentRow`] reads, in a `SELECT`.
pub(super) const COMMENT_COLUMNS: &str = "id, parent_id, author_name, author_email, content, status, \
     rejection_reason, like_count, created_at, featured, article_slug, reader_id, client_key, held_for, \
     decided_by, decided_at";

/// A `comments` row.
#[derive(Debug, sqlx::FromRow)]
pub(super) struct CommentRow {
    pub(super) id: i64,
    pub(super) parent_id: Option<i64>,
    author_name: String,
    author_email: Option<String>,
    content: String,
    status: String,
    rejection_reason: Option<String>,
    like_count: i64,
    pub(super) created_at: i64,
    featured: i64,
    pub(super) article_slug: String,
    pub(super) reader_id: Option<String>,
    pub(super) client_key: Option<String>,
    pub(super) held_for: Option<String>,
    pub(super) decided_by: Option<String>,
    pub(super) decided_at: Option<i64>,
}

impl CommentRow {
    /// The comment as a reader sees it: no e-mail, no rejection reason.
    fn into_public(self) -> Comment {
        Comment {
            author_email: None,
            rejection_reason: None,
            ..self.into_moderation()
        }
    }

    /// Where a page of a list in `order` that ends with this comment ends.
    pub(super) fn cursor(&self, order: CursorOrder) -> Cursor {
        let key = match order {
            CursorOrder::Newest | CursorOrder::Oldest => self.created_at,
            CursorOrder::Top => self.like_count,
        };
        Cursor {
            order,
            key,
            id: self.id,
        }
    }

    /// Whether a moderator chose it.
    pub(super) fn is_featured(&self) -> bool {
        self.featured != 0
    }

    /// The status as stored.
    pub(super) fn status_text(&self) -> &str {
        &self.status
    }

    /// The comment as a moderator sees it, e-mail included.
    pub(super) fn into_moderation(self) -> Comment {
        Comment {
            id: self.id,
            parent_id: self.parent_id,
            author_name: self.author_name,
            content: self.content,
            created_at: rfc3339(self.created_at),
            status: status_from_column(&self.status),
            likes: to_u64(self.like_count),
            liked: false,
            featured: self.featured != 0,
            replies: Vec::new(),
            reply_count: 0,
            replies_cursor: None,
            author_email: self.author_email,
            rejection_reason: self.rejection_reason,
        }
    }
}

/// A status as the `status` column stores it.
pub(super) fn status_column(status: CommentStatus) -> &'static str {
    match status {
        CommentStatus::Pending => "pending",
        CommentStatus::Published => "published",
        CommentStatus::Rejected => "rejected",
    }
}

pub(super) fn status_from_column(column: &str) -> CommentStatus {
    match column {
        "published" => CommentStatus::Published,
        "rejected" => CommentStatus::Rejected,
        _ => CommentStatus::Pending,
    }
}

/// The keyset condition (on parameters `$2` and `$3`) and the `ORDER BY` of a list in `order`.
pub(super) fn keyset_and_order(order: CursorOrder) -> (&'static str, &'static str) {
    match order {
        CursorOrder::Newest => ("(created_at, id) < ($2, $3)", "created_at DESC, id DESC"),
        CursorOrder::Top => ("(like_count, id) < ($2, $3)", "like_count DESC, id DESC"),
        CursorOrder::Oldest => ("(created_at, id) > ($2, $3)", "created_at, id"),
    }
}

/// `$first, $first+1, …` for `count` parameters.
pub(super) fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One page of a list of comments.
#[derive(Debug)]
pub struct CommentListing {
    /// The comments on this page.
    pub comments: Vec<Comment>,
    /// Where the next page starts; `None` on the last page.
    pub next: Option<Cursor>,
    /// How many comments the whole list has.
    pub total: u64,
}

impl CommentListing {
    /// The page as the API answers it, the cursor encoded (an open thread's).
    pub fn into_page(self) -> CommentPage {
        CommentPage {
            comments: self.comments,
            next_cursor: self.next.map(Cursor::encode),
            total: self.total,
            closed: false,
        }
    }
}

/// The replies shown under each comment of a page of comments; the others come a page of
/// replies at a time (`GET /api/comments/{id}/replies`).
pub const REPLIES_IN_PAGE: u32 = 3;

/// A reply among the first of its comment's, and how many published replies that comment has.
#[derive(Debug, sqlx::FromRow)]
struct FirstReply {
    #[sqlx(flatten)]
    row: CommentRow,
    reply_total: i64,
}

/// Why a comment cannot answer another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParentProblem {
    /// There is no such published comment (none, or one still pending, or rejected).
    NotFound,
    /// It is itself a reply: replies go one level deep.
    IsReply,
    /// It belongs to another article.
    OtherArticle,
}

impl Db {
    /// A page of `slug`'s published top-level comments in `sort` order, each with its published
    /// replies (oldest first), the same for every reader. The first page starts with the
    /// comments moderators chose (at most 10 an article, newest first), which the pages then
    /// leave out.
    pub async fn published_page(
        &self,
        slug: &str,
        sort: SortOrder,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<CommentListing, sqlx::Error> {
        let mut rows = if after.is_none() {
            self.page_rows(
                "article_slug = $1 AND status = 'published' AND parent_id IS NULL AND featured = 1",
                slug.to_owned(),
                CursorOrder::Newest,
                None,
                MAX_FEATURED,
            )
            .await?
            .0
        } else {
            Vec::new()
        };
        let (page, next) = self
            .page_rows(
                "article_slug = $1 AND status = 'published' AND parent_id IS NULL AND featured = 0",
                slug.to_owned(),
                sort.into(),
                after,
                limit,
            )
            .await?;
        rows.extend(page);

        let (replies, reply_totals) = self.first_replies(&rows).await?;
        let mut comments: Vec<Comment> = rows.into_iter().map(CommentRow::into_public).collect();
        for reply in replies {
            if let Some(parent) = comments
                .iter_mut()
                .find(|comment| Some(comment.id) == reply.parent_id)
            {
                parent.replies_cursor = Some(reply.cursor(CursorOrder::Oldest).encode());
                parent.replies.push(reply.into_public());
            }
        }
        for comment in &mut comments {
            comment.reply_count = reply_totals.get(&comment.id).copied().unwrap_or(0);
            if comment.reply_count <= comment.replies.len() as u64 {
                comment.replies_cursor = None;
            }
        }
        Ok(CommentListing {
            comments,
            next,
            total: self.published_count(slug).await?,
        })
    }

    /// The first [`REPLIES_IN_PAGE`] published replies to each of `parents`, oldest first, and
    /// how many published replies each parent has (parents without any are left out).
    async fn first_replies(
        &self,
        parents: &[CommentRow],
    ) -> Result<(Vec<CommentRow>, HashMap<i64, u64>), sqlx::Error> {
        if parents.is_empty() {
            return Ok((Vec::new(), HashMap::new()));
        }
        let sql = format!(
            "SELECT {COMMENT_COLUMNS}, reply_total FROM (SELECT {COMMENT_COLUMNS}, \
             ROW_NUMBER() OVER (PARTITION BY parent_id ORDER BY created_at, id) AS reply_rank, \
             COUNT(*) OVER (PARTITION BY parent_id) AS reply_total FROM comments \
             WHERE status = 'published' AND parent_id IN ({})) ranked \
             WHERE reply_rank <= $1 ORDER BY created_at, id",
            placeholders(2, parents.len())
        );
        let mut query = sqlx::query_as::<_, FirstReply>(&sql).bind(i64::from(REPLIES_IN_PAGE));
        for parent in parents {
            query = query.bind(parent.id);
        }
        let mut totals = HashMap::new();
        let replies = query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|reply| {
                if let Some(parent) = reply.row.parent_id {
                    totals.insert(parent, to_u64(reply.reply_total));
                }
                reply.row
            })
            .collect();
        Ok((replies, totals))
    }

    /// A page of the published replies to comment `parent` (a published top-level comment of
    /// an article, returned with them), oldest first, the same for every reader. `None` when
    /// there is no such comment.
    pub async fn published_replies(
        &self,
        parent: i64,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<Option<(String, CommentListing)>, sqlx::Error> {
        let slug: Option<String> = sqlx::query_scalar(
            "SELECT article_slug FROM comments \
             WHERE id = $1 AND status = 'published' AND parent_id IS NULL",
        )
        .bind(parent)
        .fetch_optional(&self.pool)
        .await?;
        let Some(slug) = slug else {
            return Ok(None);
        };
        let (rows, next) = self
            .page_rows(
                "parent_id = $1 AND status = 'published'",
                parent,
                CursorOrder::Oldest,
                after,
                limit,
            )
            .await?;
        let comments = rows.into_iter().map(CommentRow::into_public).collect();
        let total: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM comments WHERE parent_id = $1 AND status = 'published'",
        )
        .bind(parent)
        .fetch_one(&self.pool)
        .await?;
        let listing = CommentListing {
            comments,
            next,
            total: to_u64(total),
        };
        Ok(Some((slug, listing)))
    }

    /// The published comments and replies of `slug` that `reader` likes, by id.
    pub async fn liked_on(&self, slug: &str, reader: &str) -> Result<Vec<i64>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT likes.comment_id FROM likes JOIN comments ON comments.id = likes.comment_id \
             WHERE likes.reader_id = $1 AND comments.article_slug = $2 \
             AND comments.status = 'published' ORDER BY likes.comment_id",
        )
        .bind(reader)
        .bind(slug)
        .fetch_all(&self.pool)
        .await
    }

    /// Up to `limit` of `reader`'s comments and replies on `slug` still waiting for a
    /// moderator, newest first, as readers see comments (no e-mail).
    pub async fn pending_of(
        &self,
        slug: &str,
        reader: &str,
        limit: u32,
    ) -> Result<Vec<Comment>, sqlx::Error> {
        let rows: Vec<CommentRow> = sqlx::query_as(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE reader_id = $1 AND article_slug = $2 \
             AND status = 'pending' ORDER BY created_at DESC, id DESC LIMIT $3"
        ))
        .bind(reader)
        .bind(slug)
        .bind(i64::from(limit))
        .fetch_all(&self.pool)
        .await?;
        Ok(rows.into_iter().map(CommentRow::into_public).collect())
    }

    /// How many published comments `slug` has that readers can see: the top-level ones and
    /// the replies under a published one (a reply whose comment was rejected later is shown
    /// nowhere, so it is not counted).
    pub async fn published_count(&self, slug: &str) -> Result<u64, sqlx::Error> {
        let count: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM comments c WHERE c.article_slug = $1 AND c.status = 'published' \
             AND (c.parent_id IS NULL OR EXISTS (SELECT 1 FROM comments p \
             WHERE p.id = c.parent_id AND p.status = 'published'))",
        )
        .bind(slug)
        .fetch_one(&self.pool)
        .await?;
        Ok(to_u64(count))
    }

    /// Up to `limit` comments matching `filter` (a condition on `$1`, bound to `scope`: owned,
    /// as the query's SQL is made here) in
    /// `order`, after the `after` cursor if there is one; and where the next page starts, if
    /// there are more.
    pub(super) async fn page_rows<S>(
        &self,
        filter: &str,
        scope: S,
        order: CursorOrder,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<(Vec<CommentRow>, Option<Cursor>), sqlx::Error>
    where
        S: for<'q> sqlx::Encode<'q, sqlx::Any> + sqlx::Type<sqlx::Any> + Send,
    {
        let (keyset, order_by) = keyset_and_order(order);
        let (keyset, limit_parameter) = match after {
            Some(_) => (format!("AND {keyset}"), 4),
            None => (String::new(), 2),
        };
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE {filter} {keyset} \
             ORDER BY {order_by} LIMIT ${limit_parameter}"
        );
        let mut query = sqlx::query_as::<_, CommentRow>(&sql).bind(scope);
        if let Some(cursor) = after {
            query = query.bind(cursor.key).bind(cursor.id);
        }
        let mut rows = query
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last().map(|last| last.cursor(order))
        } else {
            None
        };
        Ok((rows, next))
    }
}
