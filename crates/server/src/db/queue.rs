//! The moderation queues: every article's comments in one status, filtered by article or by
//! a search of the text and the author, with what a moderator needs to decide; their counts;
//! and an author's history.

use std::collections::HashMap;

use binhluan_api::{
    ArticleRef, AuthorHistory, Comment, CommentStatus, ModerationItem, ModerationPage, ParentRef,
    QueueCounts,
};

use super::Db;
use super::articles::to_u64;
use super::comments::{COMMENT_COLUMNS, CommentRow, keyset_and_order, placeholders, status_column};
use super::moderators::secret_digest;
use crate::clock::rfc3339;
use crate::cursor::{Cursor, CursorOrder};

/// Which comments a queue page holds.
#[derive(Debug)]
pub struct QueueFilter<'a> {
    /// Their status.
    pub status: CommentStatus,
    /// Only this article's.
    pub article: Option<&'a str>,
    /// Only those whose text or author contains this (ignoring case, in every script).
    pub search: Option<&'a str>,
}

/// The order of a queue: pending oldest first (first come, first decided), the others newest
/// first.
pub fn queue_order(status: CommentStatus) -> CursorOrder {
    match status {
        CommentStatus::Pending => CursorOrder::Oldest,
        CommentStatus::Published | CommentStatus::Rejected => CursorOrder::Newest,
    }
}

/// The longest excerpt of a parent shown with a reply.
const EXCERPT_CHARS: usize = 200;
/// How many of an author's last comments their history shows.
const HISTORY_RECENT: i64 = 5;

/// A short, stable, one-way name for an identifier a moderator should be able to compare but
/// not read (a reader id, an address), keyed by the database's secret so that it cannot be
/// reversed by hashing every address.
pub(super) fn pseudonym(key: &str, value: &str) -> String {
    secret_digest(&format!("{key}\u{0}{value}"))[..12].to_owned()
}

/// `%text%` for `LIKE … ESCAPE '\'`, lower-cased, with `%`, `_` and `\` taken literally.
fn like_pattern(text: &str) -> String {
    let mut pattern = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

impl Db {
    /// A page of the queue `filter` selects, after `after`; `limit` at most.
    pub async fn moderation_queue(
        &self,
        filter: &QueueFilter<'_>,
        after: Option<Cursor>,
        limit: u32,
    ) -> Result<ModerationPage, sqlx::Error> {
        let order = queue_order(filter.status);
        // $1 status, $2 and $3 the cursor (always bound, used only with one), then the filters.
        let mut conditions = vec!["status = $1".to_owned()];
        let mut texts: Vec<String> = Vec::new();
        if let Some(article) = filter.article {
            texts.push(article.to_owned());
            conditions.push(format!("article_slug = ${}", 3 + texts.len()));
        }
        if let Some(search) = filter.search.map(str::trim).filter(|s| !s.is_empty()) {
            texts.push(like_pattern(search));
            let n = 3 + texts.len();
            conditions.push(format!("search_text LIKE ${n} ESCAPE '\\'"));
        }
        let filtered = conditions.join(" AND ");
        let (keyset, order_by) = keyset_and_order(order);
        let keyset = if after.is_some() {
            format!(" AND {keyset}")
        } else {
            " AND $2 = $2 AND $3 = $3".to_owned()
        };
        let limit_parameter = 4 + texts.len();
        let sql = format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE {filtered}{keyset} ORDER BY {order_by} LIMIT ${limit_parameter}"
        );
        let cursor = after.unwrap_or(Cursor {
            order,
            key: 0,
            id: 0,
        });
        let mut query = sqlx::query_as::<_, CommentRow>(&sql)
            .bind(status_column(filter.status))
            .bind(cursor.key)
            .bind(cursor.id);
        for text in &texts {
            query = query.bind(text.clone());
        }
        let mut rows = query
            .bind(i64::from(limit) + 1)
            .fetch_all(&self.pool)
            .await?;
        let next = if rows.len() > limit as usize {
            rows.truncate(limit as usize);
            rows.last()
                .map(|last| last.cursor(order))
                .map(Cursor::encode)
        } else {
            None
        };
        let count_sql =
            format!("SELECT COUNT(*) FROM comments WHERE {filtered} AND $2 = $2 AND $3 = $3");
        let mut count = sqlx::query_scalar::<_, i64>(&count_sql)
            .bind(status_column(filter.status))
            .bind(0_i64)
            .bind(0_i64);
        for text in &texts {
            count = count.bind(text.clone());
        }
        let total = to_u64(count.fetch_one(&self.pool).await?);
        Ok(ModerationPage {
            comments: self.moderation_items(rows).await?,
            next_cursor: next,
            total,
        })
    }

    /// One comment as the desk shows it.
    pub async fn moderation_item(&self, id: i64) -> Result<Option<ModerationItem>, sqlx::Error> {
        let sql = format!("SELECT {COMMENT_COLUMNS} FROM comments WHERE id = $1");
        let row: Option<CommentRow> = sqlx::query_as(&sql)
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        match row {
            Some(row) => Ok(self.moderation_items(vec![row]).await?.pop()),
            None => Ok(None),
        }
    }

    /// `rows` with their articles and parents.
    pub(super) async fn moderation_items(
        &self,
        rows: Vec<CommentRow>,
    ) -> Result<Vec<ModerationItem>, sqlx::Error> {
        let mut slugs: Vec<&str> = rows.iter().map(|row| row.article_slug.as_str()).collect();
        slugs.sort_unstable();
        slugs.dedup();
        let articles = self.article_refs(&slugs).await?;
        let parent_ids: Vec<i64> = rows.iter().filter_map(|row| row.parent_id).collect();
        let parents = self.parent_refs(&parent_ids).await?;
        Ok(rows
            .into_iter()
            .map(|row| {
                let article =
                    articles
                        .get(&row.article_slug)
                        .cloned()
                        .unwrap_or_else(|| ArticleRef {
                            slug: row.article_slug.clone(),
                            title: row.article_slug.clone(),
                            url: None,
                        });
                let parent = row.parent_id.and_then(|id| parents.get(&id).cloned());
                let reader = row
                    .reader_id
                    .as_deref()
                    .map(|id| pseudonym(&self.pseudonym_key, id));
                let client = row
                    .client_key
                    .as_deref()
                    .map(|key| pseudonym(&self.pseudonym_key, key));
                let held_for = row
                    .held_for
                    .as_deref()
                    .map(|causes| causes.split(',').map(str::to_owned).collect())
                    .unwrap_or_default();
                let decided_by = row.decided_by.clone();
                let decided_at = row.decided_at.map(rfc3339);
                ModerationItem {
                    comment: row.into_moderation(),
                    article,
                    parent,
                    reader,
                    client,
                    held_for,
                    decided_by,
                    decided_at,
                }
            })
            .collect())
    }

    /// The title and address of each of `slugs`.
    async fn article_refs(
        &self,
        slugs: &[&str],
    ) -> Result<HashMap<String, ArticleRef>, sqlx::Error> {
        if slugs.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT slug, document FROM articles WHERE slug IN ({})",
            placeholders(1, slugs.len())
        );
        let mut query = sqlx::query_as::<_, (String, String)>(&sql);
        for slug in slugs {
            query = query.bind(*slug);
        }
        let mut refs = HashMap::new();
        for (slug, document) in query.fetch_all(&self.pool).await? {
            let article: binhluan_api::Article = serde_json::from_str(&document)
                .map_err(|error| sqlx::Error::Decode(error.into()))?;
            refs.insert(
                slug.clone(),
                ArticleRef {
                    slug,
                    title: article.title,
                    url: article.url,
                },
            );
        }
        Ok(refs)
    }

    /// The author and an excerpt of each of `ids`.
    async fn parent_refs(&self, ids: &[i64]) -> Result<HashMap<i64, ParentRef>, sqlx::Error> {
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        let sql = format!(
            "SELECT id, author_name, content FROM comments WHERE id IN ({})",
            placeholders(1, ids.len())
        );
        let mut query = sqlx::query_as::<_, (i64, String, String)>(&sql);
        for id in ids {
            query = query.bind(*id);
        }
        Ok(query
            .fetch_all(&self.pool)
            .await?
            .into_iter()
            .map(|(id, author_name, content)| {
                let excerpt = content.chars().take(EXCERPT_CHARS).collect();
                (
                    id,
                    ParentRef {
                        id,
                        author_name,
                        excerpt,
                    },
                )
            })
            .collect())
    }

    /// How many comments each queue holds.
    pub async fn queue_counts(&self) -> Result<QueueCounts, sqlx::Error> {
        let rows: Vec<(String, i64)> =
            sqlx::query_as("SELECT status, COUNT(*) FROM comments GROUP BY status")
                .fetch_all(&self.pool)
                .await?;
        let mut counts = QueueCounts {
            reported: self.reported_count().await?,
            ..QueueCounts::default()
        };
        for (status, count) in rows {
            let count = to_u64(count);
            match status.as_str() {
                "pending" => counts.pending = count,
                "published" => counts.published = count,
                _ => counts.rejected = count,
            }
        }
        Ok(counts)
    }

    /// What the author of comment `id` did before: matched by e-mail, else by reader id, else
    /// by client; `None` if there is no such comment.
    pub async fn author_history(&self, id: i64) -> Result<Option<AuthorHistory>, sqlx::Error> {
        let who: Option<(Option<String>, Option<String>, Option<String>)> = sqlx::query_as(
            "SELECT author_email, reader_id, client_key FROM comments WHERE id = $1",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        let Some((email, reader, client)) = who else {
            return Ok(None);
        };
        let (column, value) = match (email, reader, client) {
            (Some(email), _, _) => ("author_email", email),
            (None, Some(reader), _) => ("reader_id", reader),
            (None, None, Some(client)) => ("client_key", client),
            (None, None, None) => {
                return Ok(Some(AuthorHistory {
                    approved: 0,
                    rejected: 0,
                    recent: Vec::new(),
                }));
            }
        };
        let counts: Vec<(String, i64)> = sqlx::query_as(&format!(
            "SELECT status, COUNT(*) FROM comments WHERE {column} = $1 AND id <> $2 GROUP BY status"
        ))
        .bind(&value)
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        let count_of = |status: CommentStatus| {
            counts
                .iter()
                .find(|(column, _)| column == status_column(status))
                .map_or(0, |(_, count)| to_u64(*count))
        };
        let recent: Vec<CommentRow> = sqlx::query_as(&format!(
            "SELECT {COMMENT_COLUMNS} FROM comments WHERE {column} = $1 AND id <> $2 \
             ORDER BY created_at DESC, id DESC LIMIT $3"
        ))
        .bind(&value)
        .bind(id)
        .bind(HISTORY_RECENT)
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(AuthorHistory {
            approved: count_of(CommentStatus::Published),
            rejected: count_of(CommentStatus::Rejected),
            recent: recent
                .into_iter()
                .map(CommentRow::into_moderation)
                .collect::<Vec<Comment>>(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_patterns_take_wildcards_literally() {
        assert_eq!(like_pattern("Sa Pa"), "%sa pa%");
        assert_eq!(like_pattern("50%_off\\"), "%50\\%\\_off\\\\%");
        assert_eq!(like_pattern("ĐẸP"), "%đẹp%");
    }

    #[test]
    fn pseudonyms_are_short_and_stable() {
        assert_eq!(pseudonym("k", "203.0.113.7"), pseudonym("k", "203.0.113.7"));
        assert_ne!(pseudonym("k", "203.0.113.7"), pseudonym("k", "203.0.113.8"));
        assert_ne!(
            pseudonym("k", "203.0.113.7"),
            pseudonym("other", "203.0.113.7")
        );
        assert_eq!(pseudonym("k", "x").len(), 12);
    }
}
