//! The sample articles of the content folder (`--content`, by default `content/articles/`),
//! registered at start when the database lacks them.

use std::path::Path;

use anyhow::Context;
use binhluan_api::{Article, ArticleOrigin};

use super::Db;
use super::articles::ArticleRecord;
use crate::clock::parse_rfc3339;

/// The articles of `folder` (every `*.json` file in it, in name order).
pub async fn content_articles(folder: &Path) -> anyhow::Result<Vec<Article>> {
    let mut entries = tokio::fs::read_dir(folder)
        .await
        .with_context(|| format!("cannot read the content folder {}", folder.display()))?;
    let mut files = Vec::new();
    while let Some(entry) = entries.next_entry().await? {
        let path = entry.path();
        if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            files.push(path);
        }
    }
    files.sort();
    let mut articles = Vec::with_capacity(files.len());
    for path in files {
        let json = tokio::fs::read_to_string(&path)
            .await
            .with_context(|| format!("cannot read {}", path.display()))?;
        let article: Article = serde_json::from_str(&json)
            .with_context(|| format!("{} is not an article", path.display()))?;
        anyhow::ensure!(
            binhluan_api::is_slug(&article.slug),
            "{}: {:?} is not a valid slug",
            path.display(),
            article.slug
        );
        articles.push(article);
    }
    Ok(articles)
}

impl Db {
    /// Registers the articles of `folder` that the database does not have; existing ones
    /// (their view counters, their state, or the newsroom's changes) are left alone, so a
    /// restart never duplicates or resets anything. A folder that does not exist holds none.
    pub async fn load_content(&self, folder: &Path) -> anyhow::Result<()> {
        if folder.as_os_str().is_empty() {
            return Ok(());
        }
        if !folder.is_dir() {
            tracing::info!(folder = %folder.display(), "no content folder: no sample articles");
            return Ok(());
        }
        for article in content_articles(folder).await? {
            let published_at = parse_rfc3339(&article.published_at).with_context(|| {
                format!(
                    "{}: published_at {:?} is not an RFC 3339 time",
                    article.slug, article.published_at
                )
            })?;
            let record = ArticleRecord {
                article: &article,
                published_at,
                comments: article.comments,
                hidden: false,
                origin: ArticleOrigin::Content,
            };
            if self.insert_article_if_missing(&record).await? {
                tracing::info!(slug = %article.slug, "loaded sample article");
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use binhluan_api::Commenting;

    use super::*;

    #[tokio::test]
    async fn every_sample_article_parses_and_is_dated() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content/articles");
        let articles = content_articles(&folder)
            .await
            .expect("sample articles parse");
        assert!(
            !articles.is_empty(),
            "content/articles/ has at least one article"
        );
        for article in articles {
            assert!(parse_rfc3339(&article.published_at).is_some());
            assert_eq!(article.comments, Commenting::Open);
        }
    }
}
