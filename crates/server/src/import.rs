//! `binhluan-server import FEED`: registers or updates every item of the newsroom's RSS 2.0
//! or Atom feed (a file, or an `http(s)` URL) as an article, parsed by `feed-rs`.
//!
//! An item gives the slug (its link's last path segment), the title, the date (published, or
//! else updated) and the lead (its description, as plain text); an article the newsroom
//! registered already keeps everything else (body, byline, closed or hidden state, comments,
//! views). The whole feed is checked before anything is written: one bad item (no title, a
//! link whose last segment is not a slug, a date in an odd format) stops the import with every
//! problem listed, and nothing changes. Importing the same feed again changes nothing.

use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::{Context, bail};
use binhluan_api::{Article, ArticleOrigin, Commenting};
use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Text};

use crate::article_fields::{self, MAX_TITLE_CHARS, embed_article};
use crate::clock::now_micros;
use crate::db::{ArticleRecord, Db, Saved};

/// The longest lead kept from an item's description, in characters (a longer one is cut at a
/// word).
const MAX_FEED_LEAD_CHARS: usize = 2_000;
/// A progress line every this many items.
const PROGRESS_EVERY: usize = 100;
/// The largest feed read, in bytes.
const MAX_FEED_BYTES: usize = 64 * 1024 * 1024;
/// How long fetching a feed may take.
const FETCH_TIMEOUT: Duration = Duration::from_secs(60);

/// One item of a feed, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedItem {
    /// The article's slug: the last path segment of the item's link.
    pub slug: String,
    /// The headline.
    pub title: String,
    /// The item's link.
    pub url: String,
    /// When it was published (RFC 3339 in UTC, and microseconds), if the item says.
    pub published_at: Option<(String, i64)>,
    /// Its description as plain text.
    pub lead: String,
}

/// What an import did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Articles registered.
    pub created: usize,
    /// Articles whose title, link, date or lead changed.
    pub updated: usize,
    /// Articles already as the feed says.
    pub unchanged: usize,
}

/// Reads `source` (a file, or an `http(s)` URL), checks every item and registers or updates
/// them in `database_url`, writing progress and the outcome to `out`.
pub async fn run(
    source: &str,
    database_url: &str,
    out: &mut impl Write,
) -> anyhow::Result<ImportReport> {
    let bytes = read_source(source).await?;
    let items = parse_feed(&bytes).with_context(|| format!("cannot import {source}"))?;
    writeln!(out, "{source}: {} items", items.len())?;
    let db = Db::open(database_url, 2).await?;
    let imported = import(&db, &items, out).await;
    db.close().await;
    let report = imported?;
    writeln!(
        out,
        "registered {}, updated {}, unchanged {}",
        report.created, report.updated, report.unchanged
    )?;
    Ok(report)
}

/// The feed's bytes, from a file or over `http(s)`.
async fn read_source(source: &str) -> anyhow::Result<Vec<u8>> {
    if source.starts_with("http://") || source.starts_with("https://") {
        let client = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .build()
            .context("cannot make an HTTP client")?;
        let response = client
            .get(source)
            .send()
            .await
            .with_context(|| format!("cannot fetch {source}"))?;
        let status = response.status();
        if !status.is_success() {
            bail!("{source} answered {status}");
        }
        let too_large = || anyhow::anyhow!("{source} is larger than {MAX_FEED_BYTES} bytes");
        if response
            .content_length()
            .is_some_and(|length| length > MAX_FEED_BYTES as u64)
        {
            return Err(too_large());
        }
        let mut response = response;
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .with_context(|| format!("cannot read {source}"))?
        {
            if bytes.len() + chunk.len() > MAX_FEED_BYTES {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    } else {
        tokio::fs::read(source)
            .await
            .with_context(|| format!("cannot read {source}"))
    }
}

/// Every item of the feed in `bytes`, checked; an error lists every problem found.
pub fn parse_feed(bytes: &[u8]) -> anyhow::Result<Vec<FeedItem>> {
    let odd_dates = Arc::new(Mutex::new(Vec::new()));
    let seen = Arc::clone(&odd_dates);
    let parser = feed_rs::parser::Builder::new()
        .timestamp_parser(move |text| {
            let parsed = strict_timestamp(text);
            if parsed.is_none()
                && let Ok(mut odd) = seen.lock()
            {
                odd.push(text.trim().to_owned());
            }
            parsed
        })
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|error| anyhow::anyhow!("not an RSS or Atom feed: {error}"))?;
    let mut problems: Vec<String> = odd_dates
        .lock()
        .map(|odd| {
            odd.iter()
                .map(|date| {
                    format!(
                        "the date {date:?} is neither RFC 2822 (Thu, 03 Dec 2026 08:00:00 +0700) nor RFC 3339 (2026-12-03T08:00:00+07:00)"
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let mut items = Vec::with_capacity(feed.entries.len());
    let mut first_item_of: HashMap<String, usize> = HashMap::new();
    for (index, entry) in feed.entries.iter().enumerate() {
        let number = index + 1;
        match feed_item(entry) {
            Ok(item) => {
                if let Some(first) = first_item_of.insert(item.slug.clone(), number) {
                    problems.push(format!(
                        "items {first} and {number} have the same slug {:?}",
                        item.slug
                    ));
                }
                items.push(item);
            }
            Err(problem) => problems.push(format!("item {number}: {problem}")),
        }
    }
    if !problems.is_empty() {
        bail!(
            "{} problem(s), nothing was imported:\n  {}",
            problems.len(),
            problems.join("\n  ")
        );
    }
    Ok(items)
}

/// An RFC 3339 or RFC 2822 time; `None` for anything else.
fn strict_timestamp(text: &str) -> Option<DateTime<Utc>> {
    let text = text.trim();
    DateTime::parse_from_rfc3339(text)
        .or_else(|_| DateTime::parse_from_rfc2822(text))
        .ok()
        .map(|moment| moment.with_timezone(&Utc))
}

/// One entry as an item, or what is wrong with it.
fn feed_item(entry: &Entry) -> Result<FeedItem, String> {
    let title = entry.title.as_ref().map(plain_text).unwrap_or_default();
    if title.is_empty() {
        return Err("it has no title".to_owned());
    }
    let title = article_fields::title(&title).map_err(|problem| {
        if title.chars().count() > MAX_TITLE_CHARS {
            format!("its title is longer than {MAX_TITLE_CHARS} characters")
        } else {
            problem.message_en
        }
    })?;
    let link = entry
        .links
        .first()
        .map(|link| link.href.as_str())
        .ok_or("it has no link")?;
    let url = article_fields::url(Some(link))
        .ok()
        .flatten()
        .ok_or_else(|| format!("its link {link:?} is not an http(s) URL"))?;
    let slug = last_segment(&url)
        .filter(|segment| binhluan_api::is_slug(segment))
        .ok_or_else(|| {
            format!(
                "the last segment of its link {url:?} is not a slug (1 to 200 of A-Z a-z 0-9 - _ .)"
            )
        })?;
    let published_at = entry.published.or(entry.updated).map(|moment| {
        let micros = moment.timestamp_micros();
        (
            moment.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            micros,
        )
    });
    let lead = entry.summary.as_ref().map(plain_text).unwrap_or_default();
    Ok(FeedItem {
        slug,
        title,
        url,
        published_at,
        lead: cut_at_word(&lead, MAX_FEED_LEAD_CHARS),
    })
}

/// The last non-empty segment of `url`'s path.
fn last_segment(url: &str) -> Option<String> {
    let parsed = url::Url::parse(url).ok()?;
    parsed
        .path_segments()?
        .rev()
        .find(|segment| !segment.is_empty())
        .map(str::to_owned)
}

/// A feed text as plain text: HTML (as RSS descriptions often are) rendered to text by
/// `html2text`, white space folded.
fn plain_text(text: &Text) -> String {
    let rendered = if text.content_type.subty() == "html" || text.content.contains('<') {
        html2text::config::plain_no_decorate()
            .string_from_read(text.content.as_bytes(), 10_000)
            .unwrap_or_else(|_| text.content.clone())
    } else {
        text.content.clone()
    };
    rendered.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` cut to at most `max` characters at a word, with an ellipsis when cut.
fn cut_at_word(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max - 1).collect();
    let ends_a_word = text.chars().nth(max - 1).is_some_and(char::is_whitespace);
    let at_word = match cut.rsplit_once(' ') {
        Some((head, _)) if !ends_a_word => head,
        _ => cut.as_str(),
    };
    format!("{}…", at_word.trim_end())
}

/// Registers or updates `items` in `db`, writing a progress line every 100 to `out`.
pub async fn import(
    db: &Db,
    items: &[FeedItem],
    out: &mut impl Write,
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    for (done, item) in items.iter().enumerate() {
        match save_item(db, item).await? {
            Saved::Created => report.created += 1,
            Saved::Updated => report.updated += 1,
            Saved::Unchanged => report.unchanged += 1,
        }
        if (done + 1) % PROGRESS_EVERY == 0 && done + 1 < items.len() {
            writeln!(out, "  {}/{}", done + 1, items.len())?;
        }
    }
    Ok(report)
}

/// Registers `item`, or updates the article with its slug: the feed's title, link, date
/// (when it gives one) and lead; everything else as the article had it.
async fn save_item(db: &Db, item: &FeedItem) -> anyhow::Result<Saved> {
    let existing = db.article(&item.slug).await?;
    let (base, comments, hidden) = match existing {
        Some(stored) => (
            stored.article,
            if stored.thread.closed_by_newsroom {
                Commenting::Closed
            } else {
                Commenting::Open
            },
            stored.thread.hidden,
        ),
        None => (
            embed_article(&item.slug, String::new(), None, now_micros()),
            Commenting::Open,
            false,
        ),
    };
    let base_published_at =
        crate::clock::parse_rfc3339(&base.published_at).unwrap_or_else(now_micros);
    let (published_at_text, published_at) = item
        .published_at
        .clone()
        .unwrap_or((base.published_at.clone(), base_published_at));
    let article = Article {
        title: item.title.clone(),
        url: Some(item.url.clone()),
        published_at: published_at_text,
        lead: item.lead.clone(),
        ..base
    };
    let record = ArticleRecord {
        article: &article,
        published_at,
        comments,
        hidden,
        origin: ArticleOrigin::Feed,
    };
    Ok(db.save_article(&record).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rss(items: &str) -> Vec<u8> {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo</title><link>https://bao.example.vn/</link><description>Tin</description>{items}</channel></rss>"#
        )
        .into_bytes()
    }

    #[test]
    fn an_rss_item_gives_slug_title_date_and_a_plain_lead() {
        let items = parse_feed(&rss(
            r#"<item><title>Tin &amp; ảnh</title><link>https://bao.example.vn/thoi-su/tin-moi-123.html?utm=x</link>
               <pubDate>Thu, 03 Dec 2026 08:00:00 +0700</pubDate>
               <description><![CDATA[<p>Sa Pa <b>đón</b> khách &amp; mưa.</p><img src="x.jpg">]]></description></item>"#,
        ))
        .expect("a valid feed");
        assert_eq!(
            items,
            [FeedItem {
                slug: "tin-moi-123.html".to_owned(),
                title: "Tin & ảnh".to_owned(),
                url: "https://bao.example.vn/thoi-su/tin-moi-123.html?utm=x".to_owned(),
                published_at: Some(("2026-12-03T01:00:00Z".to_owned(), 1_796_259_600_000_000)),
                lead: "Sa Pa đón khách & mưa.".to_owned(),
            }]
        );
    }

    #[test]
    fn every_bad_item_is_listed_and_nothing_is_taken() {
        let error = parse_feed(&rss(
            r#"<item><link>https://bao.example.vn/a</link></item>
               <item><title>B</title><link>https://bao.example.vn/tin/bài-viết</link></item>
               <item><title>C</title><link>https://bao.example.vn/c</link><pubDate>03/12/2026 8h</pubDate></item>
               <item><title>D</title><link>https://bao.example.vn/x/d</link></item>
               <item><title>E</title><link>https://bao.example.vn/y/d/</link></item>"#,
        ))
        .expect_err("bad items");
        let message = format!("{error:#}");
        assert!(message.contains("item 1: it has no title"), "{message}");
        assert!(message.contains("item 2: the last segment"), "{message}");
        assert!(message.contains("\"03/12/2026 8h\""), "{message}");
        assert!(
            message.contains("items 4 and 5 have the same slug \"d\""),
            "{message}"
        );
    }

    #[test]
    fn what_is_not_a_feed_is_refused() {
        for bad in [
            &b"not xml at all"[..],
            b"<html><body>Trang</body></html>",
            b"",
        ] {
            assert!(parse_feed(bad).is_err());
        }
    }

    #[test]
    fn long_leads_are_cut_at_a_word() {
        assert_eq!(cut_at_word("một hai ba", 8), "một hai…");
        assert_eq!(cut_at_word("một hai", 8), "một hai");
        assert_eq!(cut_at_word("một haiba", 8), "một…");
    }
}
