//! What a reader's browser spends, measured in headless Chromium (not a test: it asserts
//! nothing, it reports):
//!
//! - the time from an `input` event to the updated feedback, for a 2,000-character comment,
//!   by the page's own Performance API (p50, p95, max over many edits);
//! - the gzip bytes a reader downloads before the article and a working comment box appear;
//! - for the embed: the bytes a host page downloads before and after the widget scrolls into
//!   view, and the time from entering the viewport to a ready comment box;
//! - on the server-rendered article page, on a phone throttled as Lighthouse's mobile preset
//!   (slow 4G: 150 ms, 1.6 Mbit/s down, 750 kbit/s up; 4x slower CPU), with nothing cached:
//!   the time from the reader scrolling to the comments to a working comment box.
//!
//! `cargo bench --bench browser` (builds the release bundle with trunk first).

// The end-to-end tests' harness; a benchmark uses only part of it.
#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code)]
#[path = "../tests/e2e/support/mod.rs"]
mod support;

/// The benchmark drives a browser from outside: compiled for wasm32, it has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::Path;

    use serde_json::Value;

    use super::support::{self, Browser, HostSite, SEED_SLUG, ServerOptions, TestServer};

    /// Edits timed per run.
    const EDITS: usize = 300;

    #[tokio::main]
    pub async fn main() {
        let server = TestServer::start(ServerOptions::default()).await;
        let dist = support::bundle::dist();
        println!("Release bundle ({})", dist.display());
        let first_paint = first_paint_bytes(&server, dist).await;
        println!("  downloaded before the article and a working box appear: {first_paint} B gzip");
        input_latency(&server).await;
        rendered_page_comment_box(&server).await;
        drop(server);
        embed_costs(dist).await;
    }

    /// The gzip size of every file the app page fetched by the time the comment box works.
    async fn first_paint_bytes(server: &TestServer, dist: &Path) -> usize {
        let browser = Browser::phone().await;
        browser.goto(&server.url("/")).await;
        browser
            .find("section.comments form.comment-form textarea")
            .await;
        browser.find(".article-byline").await;
        let fetched = browser
        .eval("[location.pathname === '/' ? 'index.html' : '', ...performance.getEntriesByType('resource').map(e => new URL(e.name).pathname.slice(1))]")
        .await;
        browser.close().await;
        let mut total = 0;
        for name in fetched.as_array().unwrap().iter().filter_map(Value::as_str) {
            let path = dist.join(name);
            if name.is_empty() || !path.is_file() {
                continue; // API answers: a few hundred bytes of JSON, not part of the bundle.
            }
            let size = gzip_size(&path);
            println!("    {name}: {size} B gzip");
            total += size;
        }
        total
    }

    fn gzip_size(path: &Path) -> usize {
        let output = std::process::Command::new("gzip")
            .arg("-9c")
            .arg(path)
            .output()
            .expect("gzip runs");
        output.stdout.len()
    }

    /// Times `EDITS` edits of a 2,000-character comment, from the `input` event to the counter
    /// showing the new count.
    async fn input_latency(server: &TestServer) {
        let browser = Browser::phone().await;
        browser.goto(&server.url("/")).await;
        browser
            .find("section.comments form.comment-form textarea")
            .await;
        let result = browser
        .execute_async(&format!(
            "const done = arguments[arguments.length - 1];
            const box = document.querySelector('section.comments > form textarea');
            const counter = document.querySelector('section.comments > form .word-counter');
            const setValue = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set;
            const sentence = 'Anh em ai lên Sa Pa tuần này cho em xin kinh nghiệm thuê xe với, cảm ơn cả nhà nhiều nhé. ';
            let base = '';
            while (base.length < 1990) base += sentence;
            base = base.slice(0, 1990);
            const times = [];
            let words = 0;
            const run = async () => {{
                for (let i = 0; i < {EDITS}; i++) {{
                    // Each edit adds or removes a word, as typing does, so the count changes.
                    const text = base + (i % 2 ? ' vào' : '');
                    setValue.call(box, text);
                    const before = counter.textContent;
                    const start = performance.now();
                    box.dispatchEvent(new InputEvent('input', {{ bubbles: true, inputType: 'insertText', data: 'o' }}));
                    while (counter.textContent === before) await Promise.resolve();
                    times.push(performance.now() - start);
                    await new Promise(r => setTimeout(r, 5));
                }}
                times.sort((a, b) => a - b);
                const at = q => times[Math.min(times.length - 1, Math.floor(q * times.length))];
                done({{ chars: box.value.length, p50: at(0.5), p95: at(0.95), max: times[times.length - 1], counter: counter.textContent }});
            }};
            run();"
        ))
        .await;
        println!(
            "  input → feedback, 2,000-character comment, {EDITS} edits: p50 {:.2} ms, p95 {:.2} ms, max {:.2} ms ({} chars, counter {})",
            result["p50"].as_f64().unwrap(),
            result["p95"].as_f64().unwrap(),
            result["max"].as_f64().unwrap(),
            result["chars"],
            result["counter"]
        );
        browser.close().await;
    }

    /// On the server-rendered page of a throttled phone: the reader scrolls to the comments;
    /// how long until the box works (the widget has taken over and answers typing)?
    async fn rendered_page_comment_box(server: &TestServer) {
        println!("Server-rendered article page, phone throttled as Lighthouse's mobile preset");
        for run in 1..=3 {
            let browser = Browser::phone().await;
            browser.emulate_slow_4g().await;
            browser
                .cdp(
                    "Emulation.setCPUThrottlingRate",
                    serde_json::json!({ "rate": 4 }),
                )
                .await;
            browser
                .goto(&server.url(&format!("/bai-viet/{SEED_SLUG}")))
                .await;
            browser.find(".article-byline").await;
            let woken_early = browser
                .eval("performance.getEntriesByName('binhluan:visible').length > 0")
                .await;
            browser
                .eval(
                    "performance.mark('bench:scroll'), \
                     document.querySelector('[data-binhluan]').scrollIntoView()",
                )
                .await;
            browser.wait_for_widget().await;
            browser
                .wait_until(
                    "the widget",
                    "performance.getEntriesByName('binhluan:ready').length > 0",
                )
                .await;
            let ready = browser
                .eval(
                    "performance.getEntriesByName('binhluan:ready')[0].startTime \
                     - performance.getEntriesByName('bench:scroll')[0].startTime",
                )
                .await;
            // Working: typing a word updates the counter.
            let before = browser.text("[data-binhluan] .word-counter").await;
            browser
                .type_into("[data-binhluan] textarea[name=content]", "Sa Pa đẹp")
                .await;
            browser
                .wait_until(
                    "the counter answers",
                    &format!(
                        "document.querySelector('[data-binhluan] .word-counter').textContent !== {}",
                        Value::from(before)
                    ),
                )
                .await;
            println!(
                "  run {run}: scroll → working comment box: {:.0} ms (widget already woken before the scroll: {woken_early})",
                ready.as_f64().unwrap()
            );
            browser.close().await;
        }
    }

    /// What the embed costs a host page, before and after the widget scrolls into view.
    async fn embed_costs(dist: &Path) {
        let site = HostSite::bind().await;
        let server = TestServer::start(ServerOptions {
            allowed_origins: vec![site.origin()],
            ..Default::default()
        })
        .await;
        let page = format!(
            "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang</title></head><body>\
         <div style=\"height: 4000px\">Bài viết…</div>\
         <div data-binhluan data-api=\"http://127.0.0.1:3000\" data-article=\"{SEED_SLUG}\"></div>\
         <script type=\"module\" src=\"http://127.0.0.1:3000/embed.js\"></script></body></html>"
        );
        let host = site.serve(&server.origin(), &[("long.html", page)]);
        println!("Embed");
        let browser = Browser::desktop().await;
        for label in ["first visit (fresh browser)", "second visit (files cached)"] {
            browser.goto("about:blank").await;
            browser.goto(&format!("{host}/long.html")).await;
            browser
            .wait_until(
                "the placeholder",
                "!!document.querySelector('[data-binhluan]').shadowRoot?.querySelector('.bl-wait')",
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_millis(800)).await;
            let before = resources(&browser).await;
            browser
                .eval("document.querySelector('[data-binhluan]').scrollIntoView()")
                .await;
            browser
                .wait_until(
                    "the widget",
                    "performance.getEntriesByName('binhluan:ready').length > 0",
                )
                .await;
            let after = resources(&browser).await;
            let ready = browser
            .eval("performance.getEntriesByName('binhluan:ready')[0].startTime - performance.getEntriesByName('binhluan:visible')[0].startTime")
            .await;
            let bundle = |names: &[String]| -> usize {
                names
                    .iter()
                    .filter(|n| dist.join(n).is_file())
                    .map(|n| gzip_size(&dist.join(n)))
                    .sum()
            };
            let added: Vec<String> = after
                .iter()
                .filter(|n| !before.contains(n))
                .cloned()
                .collect();
            println!("  {label}:");
            println!(
                "    before scrolling: {} B gzip ({})",
                bundle(&before),
                before.join(", ")
            );
            println!(
                "    on scrolling into view: +{} B gzip ({})",
                bundle(&added),
                added.join(", ")
            );
            println!(
                "    entering the viewport → comment box ready: {:.0} ms",
                ready.as_f64().unwrap()
            );
        }
        browser.close().await;
        drop(server);
    }

    /// The files of the comment server the page has fetched (API answers excluded).
    async fn resources(browser: &Browser) -> Vec<String> {
        let names = browser
        .eval("performance.getEntriesByType('resource').map(e => new URL(e.name)).filter(u => !u.pathname.startsWith('/api/')).map(u => u.pathname.slice(1))")
        .await;
        names
            .as_array()
            .unwrap()
            .iter()
            .filter_map(Value::as_str)
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}
