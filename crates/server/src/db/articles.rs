//! Articles and their view counters.

use binhluan_api::Article;

use super::Db;

impl Db {
    /// Stores `article` unless one with its slug exists; tells whether it did.
    pub(super) async fn insert_article_if_missing(
        &self,
        article: &Article,
    ) -> Result<bool, sqlx::Error> {
        let document =
            serde_json::to_string(article).map_err(|error| sqlx::Error::Encode(error.into()))?;
        let result = sqlx::query(
            "INSERT INTO articles (slug, document, views) VALUES ($1, $2, $3) ON CONFLICT (slug) DO NOTHING",
        )
        .bind(&article.slug)
        .bind(document)
        .bind(to_i64(article.views))
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// The article with `slug`, its view counter up to date.
    pub async fn article(&self, slug: &str) -> Result<Option<Article>, sqlx::Error> {
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT document, views FROM articles WHERE slug = $1")
                .bind(slug)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(document, views)| {
            let mut article: Article = serde_json::from_str(&document)
                .map_err(|error| sqlx::Error::Decode(error.into()))?;
            article.views = to_u64(views);
            Ok(article)
        })
        .transpose()
    }

    /// Whether an article with `slug` exists.
    pub async fn article_exists(&self, slug: &str) -> Result<bool, sqlx::Error> {
        let count: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM articles WHERE slug = $1")
            .bind(slug)
            .fetch_one(&self.pool)
            .await?;
        Ok(count > 0)
    }

    /// Counts one more view of the article; its views after that, or `None` if there is none.
    pub async fn add_view(&self, slug: &str) -> Result<Option<u64>, sqlx::Error> {
        let _turn = self.write_turn().await;
        let views: Option<i64> = sqlx::query_scalar(
            "UPDATE articles SET views = views + 1 WHERE slug = $1 RETURNING views",
        )
        .bind(slug)
        .fetch_optional(&self.pool)
        .await?;
        Ok(views.map(to_u64))
    }
}

/// A database integer (never negative here) as a count.
pub(super) fn to_u64(value: i64) -> u64 {
    u64::try_from(value).unwrap_or(0)
}

/// A count as a database integer.
pub(super) fn to_i64(value: u64) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}
