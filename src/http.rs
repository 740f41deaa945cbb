//! The one place the app talks HTTP: a thin wrapper over the browser's `fetch` (gloo-net, as
//! the desk uses, measured 2.4 to 4.5 KB gzip more: see ARCHITECTURE.md's bytes).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, Headers, Request, RequestCache, RequestInit, Response};

/// How long a request may take before it counts as lost, so that a hung server cannot leave
/// the reader waiting on "Đang gửi…" for ever.
const TIMEOUT_MS: u32 = 20_000;

/// An HTTP answer, whatever its status.
pub struct HttpResponse {
    /// The status code.
    pub status: u16,
    /// The body, as text.
    pub body: String,
}

/// Sends one request. `Err` means no answer arrived: offline, server down or too slow, refused
/// by CORS.
pub async fn send(
    method: &str,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<&str>,
) -> Result<HttpResponse, JsValue> {
    let init = RequestInit::new();
    init.set_method(method);
    let header_map = Headers::new()?;
    // An empty value is a header the app does not have (a reader not yet given an id).
    for (name, value) in headers.iter().filter(|(_, value)| !value.is_empty()) {
        header_map.set(name, value)?;
    }
    if let Some(body) = body {
        header_map.set("Content-Type", "application/json")?;
        init.set_body(&JsValue::from_str(body));
    }
    init.set_headers(&header_map);
    // The app shows what is current: a public page the browser keeps (a thread's comments are
    // cacheable for 5 s) is revalidated with its ETag, a `304` when unchanged, and never shown
    // stale, so a reader who reloads sees the comment they just posted.
    init.set_cache(RequestCache::NoCache);
    init.set_signal(Some(&AbortSignal::timeout_with_u32(TIMEOUT_MS)));
    let request = Request::new_with_str_and_init(url, &init)?;
    let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
    let response: Response = JsFuture::from(window.fetch_with_request(&request))
        .await?
        .dyn_into()?;
    let text = JsFuture::from(response.text()?).await?;
    Ok(HttpResponse {
        status: response.status(),
        body: text.as_string().unwrap_or_default(),
    })
}
