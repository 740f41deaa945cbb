//! A newsroom embeds the comments in its own pages, on another origin.

use std::time::Duration;

use binhluan_api::{Article, CommentStatus, Commenting, NewComment};

use crate::support::{Browser, HostSite, SECOND_SLUG, SEED_SLUG, ServerOptions, TestServer};

const WIDGET: &str = "[data-binhluan]";

/// The article of `examples/embed/new-article.html`, which the server does not know at first.
const NEW_SLUG: &str = "tin-moi-cua-toa-soan-2026";

/// A comment server and a host site on two origins; `pages` are extra host pages.
async fn sites(options: ServerOptions, pages: &[(&str, String)]) -> (TestServer, String) {
    let site = HostSite::bind().await;
    let options = ServerOptions {
        allowed_origins: vec![site.origin()],
        ..options
    };
    let server = TestServer::start(options).await;
    let host = site.serve(&server.origin(), pages);
    (server, host)
}

/// The example page `name` with its embed script taken out: the host page alone.
fn without_embed_script(name: &str) -> String {
    let path = format!("{}/examples/embed/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(path).expect("the example page");
    let script = "<script type=\"module\" src=\"http://127.0.0.1:3000/embed.js\"></script>";
    assert!(html.contains(script), "{name} includes the embed script");
    html.replace(script, "")
}

/// The example page `name` with, before anything else runs, a `fetch` that logs every request
/// (`window.requests`: "start GET /path?query", "end …") and holds the answer to
/// `POST /api/threads` until the test calls `releaseThread()`.
fn with_held_thread(name: &str) -> String {
    let path = format!("{}/examples/embed/{name}", env!("CARGO_MANIFEST_DIR"));
    let html = std::fs::read_to_string(path).expect("the example page");
    let script = "<script>
      window.requests = [];
      let release;
      const released = new Promise((resolve) => { release = resolve; });
      window.releaseThread = () => release();
      const realFetch = window.fetch;
      window.fetch = async (input, init) => {
        const request = new Request(input, init);
        const url = new URL(request.url);
        const what = `${request.method} ${url.pathname}${url.search}`;
        requests.push(`start ${what}`);
        const response = await realFetch(request);
        if (what === 'POST /api/threads') await released;
        requests.push(`end ${what}`);
        return response;
      };
    </script>";
    assert!(html.contains("<head>"), "{name} has a head");
    html.replacen("<head>", &format!("<head>{script}"), 1)
}

/// A host page holding `body`, with the embed script.
fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Trang chủ</title></head>\
         <body>{body}<script type=\"module\" src=\"http://127.0.0.1:3000/embed.js\"></script></body></html>"
    )
}

fn embed(article: &str, extra: &str) -> String {
    format!(
        "<div data-binhluan data-api=\"http://127.0.0.1:3000\" data-article=\"{article}\" {extra}></div>"
    )
}

/// Whether the page has fetched any wasm.
const WASM_FETCHED: &str =
    "performance.getEntriesByType('resource').some(e => e.name.endsWith('.wasm'))";

fn in_shadow(host: &str, expression: &str) -> String {
    format!(
        "(() => {{ const root = document.querySelector('{host}').shadowRoot; return {expression}; }})()"
    )
}

async fn wait_until_ready(browser: &Browser, host: &str) {
    browser
        .wait_until(
            "the widget is ready",
            &in_shadow(host, "!!root && !!root.querySelector('form.comment-form')"),
        )
        .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_widget_mounts_in_the_plain_example_and_leaves_the_host_alone() {
    let bare = without_embed_script("plain.html");
    let (server, host) = sites(ServerOptions::default(), &[("bare.html", bare)]).await;
    let browser = Browser::phone().await;

    // The same page without the embed: what the host's window holds of its own.
    browser.goto(&format!("{host}/bare.html")).await;
    // chromedriver's own scripts leave a global behind from the second script on: run one first.
    browser.eval("1").await;
    let own_globals = browser.eval("Object.keys(window).sort()").await;

    browser.goto(&format!("{host}/plain.html")).await;
    browser
        .wait_until(
            "the placeholder shows the count",
            &in_shadow(
                WIDGET,
                "root?.querySelector('h2')?.textContent === 'Bình luận (0)'",
            ),
        )
        .await;
    browser
        .eval(&format!(
            "document.querySelector('{WIDGET}').scrollIntoView()"
        ))
        .await;
    wait_until_ready(&browser, WIDGET).await;
    assert_eq!(
        browser
            .eval(&in_shadow(WIDGET, "root.querySelector('h2').textContent"))
            .await,
        "Bình luận"
    );
    assert_eq!(
        browser
            .eval(&in_shadow(
                WIDGET,
                "[...root.querySelectorAll('.comment-rules li')].map(l => l.textContent)"
            ))
            .await,
        serde_json::json!(["Tối thiểu 10 chữ Tiếng việt có dấu", "Không chứa liên kết"])
    );
    // The host's theming reaches inside.
    assert_eq!(
        browser
            .eval(&in_shadow(
                WIDGET,
                "getComputedStyle(root.querySelector('button[type=submit]')).backgroundColor"
            ))
            .await,
        "rgb(0, 90, 156)"
    );

    // One global, documented.
    let globals = browser.eval("Object.keys(window).sort()").await;
    let added: Vec<&serde_json::Value> = globals
        .as_array()
        .unwrap()
        .iter()
        .filter(|g| !own_globals.as_array().unwrap().contains(g))
        .collect();
    assert_eq!(added, vec!["BinhLuan"]);
    assert_eq!(
        browser.eval("document.title").await,
        "Báo mẫu: Lan tỏa việc học và làm theo Bác ở Đảng bộ thị xã Sa Pa"
    );
    assert_eq!(browser.eval("document.documentElement.lang").await, "vi");

    // The host's links work as before: in the page, and to another page.
    browser.click("#host-link").await;
    browser
        .wait_until("the anchor is followed", "location.hash === '#tin-khac'")
        .await;
    browser.click("#host-page-link").await;
    browser
        .wait_until(
            "the link is followed",
            "location.pathname === '/aggressive.html'",
        )
        .await;
    drop(server);
    browser.close().await;
}

/// The computed styles of the widget's key elements, to compare across host pages.
const WIDGET_STYLES: &str = "(() => {
    const root = document.querySelector('[data-binhluan]').shadowRoot;
    const pick = (css, props) => { const s = getComputedStyle(root.querySelector(css)); return props.map(p => css + ' ' + p + ': ' + s[p]); };
    return [
        ...pick('.bl-root', ['display', 'fontFamily', 'fontSize', 'lineHeight', 'color', 'backgroundColor']),
        ...pick('.comments', ['display', 'marginTop']),
        ...pick('h2', ['fontSize', 'fontWeight']),
        ...pick('form.comment-form', ['display', 'gap']),
        ...pick('textarea', ['fontSize', 'borderTopWidth', 'borderTopStyle', 'paddingLeft', 'lineHeight']),
        ...pick('button[type=submit]', ['color', 'backgroundColor', 'minHeight']),
        ...pick('label', ['display', 'fontWeight']),
    ];
})()";

/// The computed styles of the host's own elements.
const HOST_STYLES: &str = "['body', 'h1', 'p.comment', '#host-button', '#host-mark'].flatMap(css => {
    const s = getComputedStyle(document.querySelector(css));
    return ['display', 'fontFamily', 'fontSize', 'color', 'backgroundColor', 'margin', 'padding', 'lineHeight']
        .map(p => css + ' ' + p + ': ' + s[p]);
})";

#[tokio::test(flavor = "multi_thread")]
async fn host_styles_and_widget_styles_stay_apart() {
    let bare = without_embed_script("aggressive.html");
    let neutral = page(&embed(SEED_SLUG, "data-theme=\"light\""));
    let (server, host) = sites(
        ServerOptions::default(),
        &[("bare.html", bare), ("neutral.html", neutral)],
    )
    .await;
    let browser = Browser::desktop().await;

    browser.goto(&format!("{host}/neutral.html")).await;
    wait_until_ready(&browser, WIDGET).await;
    let expected = browser.eval(WIDGET_STYLES).await;
    // The reference itself is the widget's own light theme.
    let expected_list: Vec<&str> = expected
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert!(
        expected_list.contains(&"button[type=submit] backgroundColor: rgb(179, 19, 27)"),
        "{expected_list:?}"
    );
    assert!(
        expected_list.contains(&".bl-root fontSize: 16px"),
        "{expected_list:?}"
    );

    // The host page still lays out its element, and can hide it (this page's CSS does not
    // override `hidden` itself, as the aggressive one does).
    assert_eq!(
        browser
            .eval(&format!("(e => (e.hidden = true, getComputedStyle(e).display))(document.querySelector('{WIDGET}'))"))
            .await,
        "none"
    );

    browser.goto(&format!("{host}/bare.html")).await;
    let host_alone = browser.eval(HOST_STYLES).await;

    browser.goto(&format!("{host}/aggressive.html")).await;
    browser
        .eval(&format!(
            "document.querySelector('{WIDGET}').scrollIntoView()"
        ))
        .await;
    wait_until_ready(&browser, WIDGET).await;
    assert_eq!(
        browser.eval(WIDGET_STYLES).await,
        expected,
        "the host's CSS reached the widget"
    );
    assert_eq!(
        browser.eval(HOST_STYLES).await,
        host_alone,
        "the widget's CSS reached the host"
    );
    drop(server);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_widgets_for_two_articles_are_independent() {
    let body = format!(
        "{}{}",
        embed(SEED_SLUG, "id=\"first\""),
        embed(SECOND_SLUG, "id=\"second\"")
    );
    let (server, host) = sites(
        ServerOptions {
            auto_publish: true,
            ..Default::default()
        },
        &[("two.html", page(&body))],
    )
    .await;
    let comment = NewComment {
        author_name: "Trần Minh".to_owned(),
        author_email: None,
        content: "Mùa lúa chín ở Mường Hoa năm nay đẹp quá, cuối tuần này tôi sẽ lên đó chụp ảnh."
            .to_owned(),
        parent_id: None,
    };
    assert_eq!(
        server
            .post_to(SECOND_SLUG, &comment, "second-1")
            .await
            .status(),
        201
    );

    let browser = Browser::desktop().await;
    browser.goto(&format!("{host}/two.html")).await;
    wait_until_ready(&browser, "#first").await;
    wait_until_ready(&browser, "#second").await;
    browser
        .wait_until(
            "the second article's comment is listed",
            &in_shadow(
                "#second",
                &format!(
                    "root.querySelector('.comment-content')?.textContent === '{}'",
                    comment.content
                ),
            ),
        )
        .await;
    browser
        .wait_until(
            "the first article has none",
            &in_shadow("#first", "!!root.querySelector('.comments-empty')"),
        )
        .await;

    // Each has its own draft.
    let first_box = browser.find_in_shadow("#first", "textarea").await;
    first_box.send_keys("Bài viết của trang đầu").await.unwrap();
    assert_eq!(
        browser
            .eval(&in_shadow(
                "#second",
                "root.querySelector('textarea').value"
            ))
            .await,
        ""
    );
    assert_eq!(
        browser
            .eval(&in_shadow(
                "#second",
                "root.querySelector('.word-counter').textContent"
            ))
            .await,
        "0/10 chữ"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reader_posts_a_comment_from_the_embed() {
    let (server, host) = sites(
        ServerOptions::default(),
        &[("one.html", page(&embed(SEED_SLUG, "")))],
    )
    .await;
    let browser = Browser::phone().await;
    browser.goto(&format!("{host}/one.html")).await;
    wait_until_ready(&browser, WIDGET).await;
    let text = "Bài viết rất hay và bổ ích, cảm ơn tác giả đã chia sẻ thông tin này với bạn đọc.";
    browser
        .find_in_shadow(WIDGET, "input[name=author_name]")
        .await
        .send_keys("Lê Hoa")
        .await
        .unwrap();
    browser
        .find_in_shadow(WIDGET, "textarea")
        .await
        .send_keys(text)
        .await
        .unwrap();
    browser
        .find_in_shadow(WIDGET, "button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("the comment is accepted", &in_shadow(WIDGET, "root.querySelector('.form-notice.is-ok')?.textContent === 'Bình luận của bạn đang chờ duyệt.'"))
        .await;
    let pending = server.moderation_list(CommentStatus::Pending).await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].content, text);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn wrong_attributes_are_explained_in_the_element_and_the_page_goes_on() {
    let body = format!(
        "<p id=\"before\">Đầu trang</p><div id=\"missing\" data-binhluan data-api=\"http://127.0.0.1:3000\"></div>\
         {}<button id=\"host-button\" onclick=\"this.textContent = 'đã bấm'\">bấm</button>",
        embed(SEED_SLUG, "id=\"bad-theme\" data-theme=\"tim\"")
    ) + "<div id=\"markup\" data-binhluan data-article=\"&lt;img src=x onerror=alert(1)&gt;\"></div>";
    let (_server, host) = sites(ServerOptions::default(), &[("wrong.html", page(&body))]).await;
    let browser = Browser::phone().await;
    browser.goto(&format!("{host}/wrong.html")).await;
    browser
        .wait_until(
            "the error is shown",
            &in_shadow("#missing", "!!root?.querySelector('[role=alert]')"),
        )
        .await;
    let missing = browser
        .eval(&in_shadow(
            "#missing",
            "root.querySelector('[role=alert]').textContent",
        ))
        .await;
    assert!(
        missing
            .as_str()
            .unwrap()
            .contains("thiếu thuộc tính data-article"),
        "{missing}"
    );
    assert!(
        missing.as_str().unwrap().contains("data-article attribute"),
        "{missing}"
    );
    let theme = browser
        .eval(&in_shadow(
            "#bad-theme",
            "root.querySelector('[role=alert]').textContent",
        ))
        .await;
    assert!(
        theme.as_str().unwrap().contains("data-theme=\"tim\""),
        "{theme}"
    );
    // An attribute holding markup is quoted as text, never parsed.
    let markup = browser
        .eval(&in_shadow(
            "#markup",
            "[root.querySelector('[role=alert]').textContent, root.querySelectorAll('img').length]",
        ))
        .await;
    assert!(
        markup[0]
            .as_str()
            .unwrap()
            .contains("data-article=\"<img src=x onerror=alert(1)>\""),
        "{markup}"
    );
    assert_eq!(markup[1], 0);
    // The rest of the page works.
    browser.click("#host-button").await;
    assert_eq!(browser.text("#host-button").await, "đã bấm");
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wasm_loads_only_when_the_element_comes_into_view() {
    let body = format!(
        "<div id=\"spacer\" style=\"height: 5000px\">Bài viết dài…</div>{}",
        embed(SEED_SLUG, "")
    );
    let (_server, host) = sites(ServerOptions::default(), &[("long.html", page(&body))]).await;
    let browser = Browser::desktop().await;
    browser.goto(&format!("{host}/long.html")).await;
    browser
        .wait_until(
            "the placeholder is drawn",
            &in_shadow(WIDGET, "!!root?.querySelector('.bl-wait')"),
        )
        .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(
        browser.eval(WASM_FETCHED).await,
        false,
        "wasm was fetched before the element was near"
    );
    let reserved = browser
        .eval(&format!(
            "document.querySelector('{WIDGET}').getBoundingClientRect().height"
        ))
        .await;
    assert!(
        reserved.as_f64().unwrap() >= 400.0,
        "the placeholder reserves space: {reserved}"
    );

    browser
        .eval(&format!(
            "document.querySelector('{WIDGET}').scrollIntoView()"
        ))
        .await;
    wait_until_ready(&browser, WIDGET).await;
    assert_eq!(browser.eval(WASM_FETCHED).await, true);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn elements_added_later_mount_with_one_call() {
    let (_server, host) = sites(
        ServerOptions::default(),
        &[("later.html", page("<p>Trang</p>"))],
    )
    .await;
    let browser = Browser::desktop().await;
    browser.goto(&format!("{host}/later.html")).await;
    browser
        .wait_until(
            "the loader ran",
            "typeof window.BinhLuan?.mount === 'function'",
        )
        .await;
    let mounted = browser
        .eval(&format!(
            "(() => {{ const d = document.createElement('div'); d.id = 'late'; document.body.append(d); \
               d.outerHTML = '{}'; return BinhLuan.mount(); }})()",
            embed(SEED_SLUG, "id=\"late\"").replace('\'', "\\'")
        ))
        .await;
    assert_eq!(mounted, 1);
    wait_until_ready(&browser, "#late").await;
    // Mounting again takes nothing twice.
    assert_eq!(browser.eval("BinhLuan.mount()").await, 0);
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_page_the_server_does_not_know_gets_its_thread_and_takes_comments() {
    let (server, host) = sites(
        ServerOptions::default(),
        &[("held.html", with_held_thread("new-article.html"))],
    )
    .await;
    assert_eq!(server.article(NEW_SLUG).await.status(), 404);
    let browser = Browser::phone().await;
    browser.goto(&format!("{host}/held.html")).await;

    // The placeholder's count answers 404, so the loader opens the thread; while that answer
    // is held, the app arrives but no widget asks for the comments.
    browser
        .wait_until(
            "the thread is asked for",
            "requests.includes('start POST /api/threads')",
        )
        .await;
    browser.wait_until("the app is fetched", WASM_FETCHED).await;
    let asked = browser.eval("requests").await;
    assert!(
        !asked.to_string().contains("/comments?sort="),
        "the widget asked for the comments of a thread not open yet: {asked}"
    );
    assert!(
        asked.to_string().contains("/comments/count"),
        "the count first: {asked}"
    );
    browser.eval("releaseThread()").await;
    wait_until_ready(&browser, WIDGET).await;
    let order = browser
        .eval(
            "[requests.indexOf('end POST /api/threads'),
              requests.findIndex(r => r.startsWith('start GET /api/articles/tin-moi-cua-toa-soan-2026/comments?sort='))]",
        )
        .await;
    let (opened, listed) = (order[0].as_i64().unwrap(), order[1].as_i64().unwrap());
    assert!(
        0 <= opened && opened < listed,
        "the thread is open before the widget lists it: {}",
        browser.eval("requests").await
    );
    // The placeholder counted 0.
    assert_eq!(
        browser
            .eval(&format!(
                "localStorage.getItem('binhluan:count:{}:{NEW_SLUG}')",
                server.origin()
            ))
            .await,
        "0"
    );

    // The thread has the page's headline (its <title>: the element has no data-title) and
    // canonical address.
    let response = server.article(NEW_SLUG).await;
    assert_eq!(response.status(), 200);
    let article: Article = response.json().await.expect("an article");
    assert_eq!(
        article.title,
        "Tòa soạn ra mắt chuyên mục đời sống vùng cao"
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://toasoan.example.vn/doi-song/tin-moi-cua-toa-soan-2026.html")
    );
    assert_eq!(article.comments, Commenting::Open);

    let text = "Chuyên mục mới rất bổ ích, mong tòa soạn có thêm nhiều bài về đời sống vùng cao.";
    browser
        .find_in_shadow(WIDGET, "input[name=author_name]")
        .await
        .send_keys("Hà Thu")
        .await
        .unwrap();
    browser
        .find_in_shadow(WIDGET, "textarea")
        .await
        .send_keys(text)
        .await
        .unwrap();
    browser
        .find_in_shadow(WIDGET, "button[type=submit]")
        .await
        .click()
        .await
        .unwrap();
    browser
        .wait_until("the comment is accepted", &in_shadow(WIDGET, "root.querySelector('.form-notice.is-ok')?.textContent === 'Bình luận của bạn đang chờ duyệt.'"))
        .await;
    let pending = server.moderation_list(CommentStatus::Pending).await;
    assert_eq!(pending.len(), 1);
    assert_eq!(pending[0].content, text);
    server.approve(pending[0].id).await;

    browser.reload().await;
    browser
        .wait_until(
            "the approved comment is listed",
            &in_shadow(
                WIDGET,
                &format!("root?.querySelector('.comment-content')?.textContent === '{text}'"),
            ),
        )
        .await;
    assert!(
        !browser
            .eval("requests")
            .await
            .to_string()
            .contains("/api/threads"),
        "a thread that exists is not asked for again"
    );
    browser.close().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn with_registered_threads_a_page_the_server_does_not_know_says_comments_are_not_open() {
    let (server, host) = sites(
        ServerOptions {
            threads_registered: true,
            ..Default::default()
        },
        &[],
    )
    .await;
    let browser = Browser::phone().await;
    browser.goto(&format!("{host}/new-article.html")).await;
    browser
        .wait_until(
            "the widget says so",
            &in_shadow(
                WIDGET,
                "root?.querySelector('.comments-not-open')?.textContent === 'Bài viết này chưa mở phần bình luận.'",
            ),
        )
        .await;
    assert_eq!(
        browser
            .eval(&in_shadow(
                WIDGET,
                "[...root.querySelectorAll('form, .comment-rules, .load-error, button')].filter(e => e.checkVisibility()).length"
            ))
            .await,
        0,
        "no form, no rules, no error, nothing to press"
    );
    assert_eq!(server.article(NEW_SLUG).await.status(), 404, "no thread");
    browser.close().await;
}
