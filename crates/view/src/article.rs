//! An article, drawn from its typed blocks. Text is always inserted as text, never as HTML.

use binhluan_api::{Article, Block};
use leptos::prelude::*;

use crate::i18n::use_texts;

/// The article: headline, time and views, lead, body blocks and byline.
#[component]
pub fn ArticleView(
    /// The article to show.
    article: Article,
    /// Its view counter: the app bumps it once the reading is counted.
    #[prop(into)]
    views: Signal<u64>,
) -> impl IntoView {
    let texts = use_texts();
    let Article {
        title,
        published_at,
        source,
        lead,
        body,
        byline,
        ..
    } = article;
    let printed_time = newsroom_time(&published_at).unwrap_or_else(|| published_at.clone());
    view! {
        <article class="article" aria-labelledby="article-title">
            <header class="article-header">
                <h1 id="article-title" class="article-title">{title}</h1>
                <p class="article-meta">
                    <span>
                        <span class="visually-hidden">{move || texts().published_at} " "</span>
                        <time datetime=published_at>{printed_time}</time>
                    </span>
                    <span class="article-views">{move || (texts().views)(views.get())}</span>
                </p>
            </header>
            <p class="article-lead">
                {source.map(|source| view! { <span class="article-source">{source} " - "</span> })}
                {lead}
            </p>
            {body
                .into_iter()
                .scan(false, |seen_figure, block| {
                    // The first picture is often the largest thing on the first screen: it
                    // is fetched at once, the others as they come near.
                    let first_figure = matches!(block, Block::Figure { .. }) && !*seen_figure;
                    *seen_figure |= first_figure;
                    Some(block_view(block, first_figure))
                })
                .collect_view()}
            <p class="article-byline">{byline}</p>
        </article>
    }
}

fn block_view(block: Block, first_figure: bool) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p class="article-paragraph">{text}</p> }.into_any(),
        Block::Figure {
            image_url,
            alt,
            caption,
        } => view! { <Figure image_url alt caption eager=first_figure/> }.into_any(),
        Block::Quote { text } => view! {
            <blockquote class="article-quote">
                <p>{text}</p>
            </blockquote>
        }
        .into_any(),
    }
}

/// A picture with its caption; a described placeholder when the picture was lost. An `eager`
/// picture is fetched at once and first; the others only as they come near the viewport.
#[component]
fn Figure(image_url: Option<String>, alt: String, caption: String, eager: bool) -> impl IntoView {
    let texts = use_texts();
    let picture = match image_url {
        Some(url) => view! {
            <img
                class="article-image"
                src=url
                alt=alt
                loading=if eager { "eager" } else { "lazy" }
                fetchpriority=if eager { "high" } else { "auto" }
                decoding="async"
            />
        }
        .into_any(),
        None => view! {
            <div class="article-image-placeholder" role="img" aria-label=alt>
                <span aria-hidden="true">{move || texts().image_missing}</span>
            </div>
        }
        .into_any(),
    };
    view! {
        <figure class="article-figure">
            {picture}
            <figcaption>{caption}</figcaption>
        </figure>
    }
}

/// Formats an RFC 3339 time as the newsroom wrote it, `HH:MM DD-MM-YYYY`, in the offset it
/// carries (`2020-05-17T15:40:00+07:00` → `15:40 17-05-2020`). `None` if it is not RFC 3339.
pub fn newsroom_time(rfc3339: &str) -> Option<String> {
    let date = rfc3339.get(..10)?;
    let time = rfc3339.get(11..16)?;
    let mut parts = date.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (hour, minute) = time.split_once(':')?;
    let valid = digits(year, 4)
        && digits(month, 2)
        && digits(day, 2)
        && digits(hour, 2)
        && digits(minute, 2)
        && matches!(rfc3339.as_bytes().get(10), Some(b'T' | b't' | b' '));
    valid.then(|| format!("{hour}:{minute} {day}-{month}-{year}"))
}

#[cfg(test)]
mod tests {
    use super::newsroom_time;

    #[test]
    fn prints_the_newsrooms_local_time() {
        assert_eq!(
            newsroom_time("2020-05-17T15:40:00+07:00").as_deref(),
            Some("15:40 17-05-2020")
        );
        assert_eq!(
            newsroom_time("2024-01-02T03:04:05Z").as_deref(),
            Some("03:04 02-01-2024")
        );
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        assert_eq!(newsroom_time(""), None);
        assert_eq!(newsroom_time("17-05-2020 15:40"), None);
        assert_eq!(newsroom_time("2020-05-17X15:40:00"), None);
    }
}
