//! The comment section embedded in a newsroom's own pages.
//!
//! `embed.js` (built from `src/embed.js`) finds `<div data-binhluan …>` elements, gives each a
//! shadow root, and, once the element comes near the viewport, loads this wasm and calls
//! [`mount_embed`] with the element's validated attributes. Each call mounts an independent
//! widget: its own API, article, language, theme and state. Nothing is attached to the host's
//! `window` or `document`: events are bound to the widget's own elements.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::HtmlElement;

use binhluan_api::is_slug;

use crate::api::ApiBase;
use crate::comments::CommentSection;
use crate::i18n::{Lang, provide_lang};
use crate::routes::article_page::ArticlePage;
use crate::{Host, Theme};

/// What the widget shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// Only the comment section: the host page already shows the article (the default).
    Comments,
    /// The article too.
    Full,
}

/// The attributes of one embed element, as `embed.js` validated them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EmbedOptions {
    /// The comment server, e.g. `https://comments.example.vn`.
    pub api: String,
    /// The article's slug.
    pub article: String,
    /// The language.
    pub lang: Lang,
    /// The colour theme.
    pub theme: Theme,
    /// What to show.
    pub mode: Mode,
}

impl EmbedOptions {
    /// Reads `{api, article, lang, theme, mode}`; an error names the attribute at fault.
    pub fn from_js(options: &JsValue) -> Result<EmbedOptions, String> {
        let text = |name: &str| {
            js_sys::Reflect::get(options, &JsValue::from_str(name))
                .ok()
                .and_then(|value| value.as_string())
        };
        let api = text("api").ok_or("data-api")?;
        let article = text("article")
            .filter(|a| is_slug(a))
            .ok_or("data-article")?;
        let lang = match text("lang") {
            None => Lang::Vi,
            Some(tag) => Lang::from_tag(&tag).ok_or("data-lang")?,
        };
        let theme = match text("theme").as_deref() {
            None | Some("auto") => Theme::Auto,
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            Some(_) => return Err("data-theme".to_owned()),
        };
        let mode = match text("mode").as_deref() {
            None | Some("comments") => Mode::Comments,
            Some("full") => Mode::Full,
            Some(_) => return Err("data-mode".to_owned()),
        };
        Ok(EmbedOptions {
            api,
            article,
            lang,
            theme,
            mode,
        })
    }
}

/// Mounts one widget into `container` (inside the element's shadow root) with `options`
/// (`{api, article, lang?, theme?, mode?}`). Called by `embed.js`.
#[wasm_bindgen]
pub fn mount_embed(container: HtmlElement, options: JsValue) -> Result<(), JsError> {
    let options = EmbedOptions::from_js(&options)
        .map_err(|attribute| JsError::new(&format!("binhluan: invalid {attribute}")))?;
    leptos::mount::mount_to(container, move || view! { <Embed options/> }).forget();
    Ok(())
}

/// One embedded widget.
#[component]
pub fn Embed(
    /// The element's attributes.
    options: EmbedOptions,
) -> impl IntoView {
    let EmbedOptions {
        api,
        article,
        lang,
        theme,
        mode,
    } = options;
    provide_lang(RwSignal::new(lang));
    provide_context(ApiBase(api));
    provide_context(Host::Embed);
    let content = match mode {
        Mode::Comments => view! { <CommentSection slug=article/> }.into_any(),
        Mode::Full => view! { <ArticlePage slug=article/> }.into_any(),
    };
    view! {
        <div class=format!("bl-root {}", theme.class()) lang=lang.tag()>
            {content}
        </div>
    }
}
