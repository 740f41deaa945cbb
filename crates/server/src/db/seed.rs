//! The sample articles shipped in `content/articles/`, embedded at compile time.

use anyhow::Context;
use binhluan_api::Article;

use super::Db;

include!(concat!(env!("OUT_DIR"), "/sample_articles.rs"));

/// The embedded sample articles, parsed.
pub fn sample_articles() -> anyhow::Result<Vec<Article>> {
    SAMPLE_ARTICLES
        .iter()
        .map(|json| serde_json::from_str(json).context("a sample article is not a valid Article"))
        .collect()
}

impl Db {
    /// Stores the sample articles the database does not have yet; existing ones (and their view
    /// counters) are left alone, so a restart never duplicates or resets anything.
    pub(super) async fn seed_articles(&self) -> anyhow::Result<()> {
        for article in sample_articles()? {
            let inserted = self.insert_article_if_missing(&article).await?;
            if inserted {
                tracing::info!(slug = %article.slug, "loaded sample article");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_article_parses() {
        let articles = sample_articles().expect("sample articles parse");
        assert!(
            !articles.is_empty(),
            "content/articles/ has at least one article"
        );
        assert!(articles.iter().all(|article| !article.slug.is_empty()));
    }
}
