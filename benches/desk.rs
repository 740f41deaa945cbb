//! How fast the moderation desk moves on, measured in headless Chromium (not a test: it
//! asserts nothing, it reports): with 10,000 comments pending on the real server, a moderator
//! presses `a` on the focused comment, and the page's own clock times the key press until the
//! approved comment is gone and the next one is focused (`shown`), then the next frame
//! (`frame`), over 50 approvals; p50, p95 and max.
//!
//! `cargo bench --bench desk` (builds the release bundles with trunk first).

// The end-to-end tests' harness; a benchmark uses only part of it.
#[cfg(not(target_arch = "wasm32"))]
#[allow(dead_code, unused_imports)]
#[path = "../tests/e2e/support/mod.rs"]
mod support;

/// The benchmark drives a browser from outside: compiled for wasm32, it has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use binhluan_api::Role;

    use super::support::desk::{add_moderator, focused_id, log_in, press, wait_for_count};
    use super::support::{Browser, SEED_SLUG, ServerOptions, TestServer};

    /// Comments waiting.
    const PENDING: u64 = 10_000;
    /// Approvals timed.
    const APPROVALS: usize = 50;

    /// Records, for the next key press, when the key went down (`t0`), when the decided
    /// comment was gone with the next one focused (`shown`), and the animation frame after
    /// (`frame`).
    const MEASURE: &str = r#"(() => {
      const old = document.querySelector('article.item[aria-current=true]');
      const next = old.closest('li').nextElementSibling.querySelector('article.item');
      const m = window.__kd = { old: old.id, next: next.id };
      document.addEventListener('keydown', () => { if (!m.t0) m.t0 = performance.now(); }, { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (m.shown || !m.t0) return;
        const current = document.querySelector('article.item[aria-current=true]');
        if (!document.getElementById(m.old) && current?.id === m.next && document.activeElement === current) {
          m.shown = performance.now();
          observer.disconnect();
          requestAnimationFrame(() => { m.frame = performance.now(); });
        }
      });
      observer.observe(document.querySelector('ul.items'), { childList: true, subtree: true, attributes: true });
      return true;
    })()"#;

    #[tokio::main]
    pub async fn main() {
        let server = TestServer::start(ServerOptions::default()).await;
        seed(server.database_url()).await;
        let password = add_moderator(&server, "bench", Role::Moderator).await;
        let browser = Browser::desktop().await;
        log_in(&browser, &server, "bench", &password).await;
        wait_for_count(&browser, "pending", PENDING).await;
        let mut shown = Vec::with_capacity(APPROVALS);
        let mut frame = Vec::with_capacity(APPROVALS);
        for _ in 0..APPROVALS {
            // The next comment must be on the page: load the next page when the end is near.
            let left = browser
                .eval("document.querySelectorAll('article.item').length")
                .await
                .as_u64()
                .unwrap_or_default();
            if left < 3 {
                browser.click("button.more:not([disabled])").await;
                browser
                    .wait_until(
                        "another page is shown",
                        &format!("document.querySelectorAll('article.item').length > {left}"),
                    )
                    .await;
            }
            let before = focused_id(&browser).await;
            browser.eval(MEASURE).await;
            press(&browser, "a").await;
            browser
                .wait_until("the measure is taken", "window.__kd?.frame > 0")
                .await;
            let taken = browser.eval("window.__kd").await;
            let since_key = |field: &str| {
                taken[field].as_f64().unwrap_or(f64::NAN) - taken["t0"].as_f64().unwrap_or(0.0)
            };
            shown.push(since_key("shown"));
            frame.push(since_key("frame"));
            assert_ne!(focused_id(&browser).await, before, "the desk moved on");
        }
        browser.close().await;
        println!(
            "Moderation desk, {PENDING} pending, {APPROVALS} approvals with the keyboard (p50 / p95 / max):"
        );
        report("key → next comment focused", &mut shown);
        report("key → the next frame", &mut frame);
    }

    /// Inserts the pending comments, each different, in one statement.
    async fn seed(url: &str) {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(url).await.expect("the database");
        sqlx::query(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {PENDING}) \
             INSERT INTO comments (article_slug, author_name, author_email, content, status, created_at, search_text) \
             SELECT '{SEED_SLUG}', 'Bạn đọc ' || i, 'ban-doc-' || i || '@example.vn', \
             'Bình luận số ' || i || ': bài viết rất hay, cảm ơn tòa soạn đã đưa tin, tôi có vài suy nghĩ.', \
             'pending', 1764000000000000 + i * 1000000, 'bạn đọc ' || i FROM n"
        ))
        .execute(&pool)
        .await
        .expect("the comments are inserted");
        pool.close().await;
    }

    fn report(name: &str, times: &mut [f64]) {
        times.sort_by(f64::total_cmp);
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "  {name:<28} {:>7.1} ms {:>7.1} ms {:>7.1} ms",
            at(0.5),
            at(0.95),
            at(1.0)
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}
