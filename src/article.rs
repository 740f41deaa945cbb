//! An article, drawn from its typed blocks. Text is always inserted as text, never as HTML.

use binhluan_api::{Article, Block};
use leptos::prelude::*;

use crate::i18n::use_texts;
use crate::time::newsroom_time;

/// The article: headline, time and views, lead, body blocks and byline.
#[component]
pub fn ArticleView(
    /// The article to show.
    article: Article,
    /// Its view counter, which the page bumps after loading.
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
            {body.into_iter().map(block_view).collect_view()}
            <p class="article-byline">{byline}</p>
        </article>
    }
}

fn block_view(block: Block) -> AnyView {
    match block {
        Block::Paragraph { text } => view! { <p class="article-paragraph">{text}</p> }.into_any(),
        Block::Figure {
            image_url,
            alt,
            caption,
        } => view! { <Figure image_url alt caption/> }.into_any(),
        Block::Quote { text } => view! {
            <blockquote class="article-quote">
                <p>{text}</p>
            </blockquote>
        }
        .into_any(),
    }
}

/// A picture with its caption; a described placeholder when the picture was lost.
#[component]
fn Figure(image_url: Option<String>, alt: String, caption: String) -> impl IntoView {
    let texts = use_texts();
    let picture = match image_url {
        Some(url) => view! {
            <img class="article-image" src=url alt=alt loading="lazy" decoding="async"/>
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
