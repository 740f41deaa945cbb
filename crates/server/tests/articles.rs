//! Articles as data, over real HTTP against SQLite and PostgreSQL alike: the CMS's article
//! API, threads opened by embedded pages, closing threads, and importing the newsroom's feed.

mod common;

use binhluan_api::{Article, ArticleList, CommentPage, Commenting};
use binhluan_server::config::ThreadMode;
use binhluan_server::import;
use common::{
    ARTICLE, Backend, TestDatabase, TestServer, assert_error, comment_body, config, query_number,
    unique_key,
};
use reqwest::Method;
use serde_json::{Value, json};

suite! {
    the_cms_creates_updates_and_closes_an_article,
    bad_articles_are_refused_and_change_nothing,
    the_article_api_is_for_the_newsroom_only,
    the_newsrooms_list_is_newest_first_with_counts,
    hidden_articles_are_not_shown_to_readers,
    embedded_pages_open_their_threads,
    only_registered_articles_have_threads_when_asked,
    threads_close_after_the_policys_days,
    the_feed_import_registers_its_articles_once,
    a_bad_feed_changes_nothing,
    the_article_page_is_rendered_from_the_database,
}

const HOST_ORIGIN: &str = "https://bao.example.vn";

/// `PUT /api/articles/{slug}` with `body`, as the CMS (with the token) or as anyone.
async fn put_article(server: &TestServer, slug: &str, body: &Value) -> reqwest::Response {
    server
        .moderator(Method::PUT, &format!("/api/articles/{slug}"))
        .json(body)
        .send()
        .await
        .expect("PUT article")
}

/// Asserts an error answer's status and code, with messages in both languages.
async fn reader_article(server: &TestServer, slug: &str) -> Article {
    serde_json::from_value(server.get_json(&format!("/api/articles/{slug}")).await).unwrap()
}

async fn comment_page(server: &TestServer, slug: &str) -> CommentPage {
    serde_json::from_value(
        server
            .get_json(&format!("/api/articles/{slug}/comments"))
            .await,
    )
    .unwrap()
}

/// Posts a valid comment on `slug`.
async fn post_on(server: &TestServer, slug: &str, n: usize) -> reqwest::Response {
    server
        .comment_post(slug, &unique_key())
        .json(&comment_body(n))
        .send()
        .await
        .expect("POST comment")
}

async fn the_cms_creates_updates_and_closes_an_article(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let slug = "tin-moi-cua-toa-soan-2026";
    assert_eq!(
        server.get(&format!("/api/articles/{slug}")).await.status(),
        404
    );

    let created = put_article(
        &server,
        slug,
        &json!({
            "title": "  Tin mới   của tòa soạn ",
            "url": "https://bao.example.vn/thoi-su/tin-moi-cua-toa-soan-2026",
            "published_at": "2026-12-03T08:00:00+07:00",
            "lead": "Sapo của bài.",
            "body": [{"type": "paragraph", "text": "Đoạn đầu."}],
            "byline": "Phóng viên",
            "comments": "open"
        }),
    )
    .await;
    assert_eq!(created.status(), 201);
    let created: Article = created.json().await.unwrap();
    assert_eq!(created.title, "Tin mới của tòa soạn");
    assert_eq!(reader_article(&server, slug).await, created);
    assert!(!comment_page(&server, slug).await.closed);

    let published = post_on(&server, slug, 1).await;
    assert_eq!(published.status(), 201);
    let id = published.json::<Value>().await.unwrap()["id"]
        .as_i64()
        .unwrap();
    server.approve(id).await;
    server.post(&format!("/api/articles/{slug}/views")).await;

    let closed = put_article(
        &server,
        slug,
        &json!({"title": "Tin mới (cập nhật)", "comments": "closed"}),
    )
    .await;
    assert_eq!(closed.status(), 200, "an update is 200");
    let article = reader_article(&server, slug).await;
    assert_eq!(article.title, "Tin mới (cập nhật)");
    assert_eq!(article.comments, Commenting::Closed);
    assert_eq!(
        article.published_at, "2026-12-03T08:00:00+07:00",
        "an undated update keeps the date"
    );
    assert_eq!(article.views, 1, "an update keeps the views");
    assert_eq!(article.lead, "", "a PUT replaces the article");

    let page = comment_page(&server, slug).await;
    assert!(page.closed);
    assert_eq!(
        page.comments.iter().map(|c| c.id).collect::<Vec<_>>(),
        [id],
        "a closed thread still shows its comments"
    );
    let refused = assert_error(post_on(&server, slug, 2).await, 403, "comments_closed").await;
    assert_eq!(refused["message"], "Bình luận đã đóng.");
    assert_eq!(refused["message_en"], "Comments are closed.");

    let reopened = put_article(
        &server,
        slug,
        &json!({"title": "Tin mới", "comments": "open"}),
    )
    .await;
    assert_eq!(reopened.status(), 200);
    assert_eq!(post_on(&server, slug, 3).await.status(), 201);
    let stored = query_number(
        &database.url,
        "SELECT COUNT(*) FROM comments WHERE article_slug = 'tin-moi-cua-toa-soan-2026'",
    )
    .await;
    assert_eq!(stored, 2, "changing the article never touched its comments");
}

async fn bad_articles_are_refused_and_change_nothing(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let before = reader_article(&server, ARTICLE).await;
    let valid = json!({"title": "Tiêu đề", "comments": "open"});
    let with = |field: &str, value: Value| {
        let mut body = valid.clone();
        body[field] = value;
        body
    };
    let cases = [
        (ARTICLE.to_owned(), json!({"comments": "open"}), None),
        (ARTICLE.to_owned(), json!({"title": "T"}), None),
        (
            ARTICLE.to_owned(),
            with("title", json!("   ")),
            Some("title"),
        ),
        (
            ARTICLE.to_owned(),
            with("title", json!("ấ".repeat(301))),
            Some("title"),
        ),
        (ARTICLE.to_owned(), with("tags", json!(["x"])), None),
        (ARTICLE.to_owned(), with("comments", json!("maybe")), None),
        (
            ARTICLE.to_owned(),
            with("published_at", json!("03/12/2026 08:00")),
            Some("published_at"),
        ),
        (
            ARTICLE.to_owned(),
            with("published_at", json!("2026-12-03")),
            Some("published_at"),
        ),
        (
            ARTICLE.to_owned(),
            with("url", json!("javascript:alert(1)")),
            Some("url"),
        ),
        (
            ARTICLE.to_owned(),
            with("body", json!([{"type": "paragraph", "text": ""}])),
            Some("body"),
        ),
        (
            ARTICLE.to_owned(),
            with("body", json!([{"type": "html", "text": "<b>"}])),
            None,
        ),
        ("a".repeat(201), valid.clone(), Some("slug")),
        (".hidden".to_owned(), valid.clone(), Some("slug")),
    ];
    for (slug, body, field) in cases {
        let answer = assert_error(
            put_article(&server, &slug, &body).await,
            400,
            "invalid_input",
        )
        .await;
        if let Some(field) = field {
            assert_eq!(answer["field"], field, "{body}");
        }
    }
    let not_json = server
        .moderator(Method::PUT, &format!("/api/articles/{ARTICLE}"))
        .header("content-type", "text/plain")
        .body("title=x")
        .send()
        .await
        .unwrap();
    assert_error(not_json, 415, "unsupported_media_type").await;
    assert_eq!(
        reader_article(&server, ARTICLE).await,
        before,
        "nothing changed"
    );
    assert_eq!(
        query_number(&database.url, "SELECT COUNT(*) FROM articles").await,
        2,
        "no article was created"
    );
}

async fn the_article_api_is_for_the_newsroom_only(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let anonymous = server
        .client
        .put(server.url("/api/articles/tin-1"))
        .json(&json!({"title": "T", "comments": "open"}))
        .send()
        .await
        .unwrap();
    assert_error(anonymous, 401, "unauthorized").await;
    assert_error(server.get("/api/articles").await, 401, "unauthorized").await;
    let wrong = server
        .client
        .get(server.url("/api/articles"))
        .bearer_auth("not-the-token")
        .send()
        .await
        .unwrap();
    assert_error(wrong, 401, "unauthorized").await;
    assert_eq!(server.get("/api/articles/tin-1").await.status(), 404);
}

async fn the_newsrooms_list_is_newest_first_with_counts(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    for (slug, day, hidden) in [
        ("tin-a", "01", false),
        ("tin-b", "03", true),
        ("tin-c", "02", false),
    ] {
        let body = json!({
            "title": slug,
            "published_at": format!("2026-12-{day}T08:00:00+07:00"),
            "comments": "open",
            "hidden": hidden
        });
        assert_eq!(put_article(&server, slug, &body).await.status(), 201);
    }
    let published = post_on(&server, "tin-c", 1)
        .await
        .json::<Value>()
        .await
        .unwrap();
    server.approve(published["id"].as_i64().unwrap()).await;
    post_on(&server, "tin-c", 2).await;
    post_on(&server, "tin-c", 3).await;

    let mut slugs = Vec::new();
    let mut path = "/api/articles?limit=2".to_owned();
    let mut pages = 0;
    loop {
        let page: ArticleList = server.moderator_json(Method::GET, &path).await;
        pages += 1;
        for article in &page.articles {
            slugs.push(article.slug.clone());
            if article.slug == "tin-c" {
                assert_eq!((article.pending, article.published), (2, 1));
            }
            if article.slug == "tin-b" {
                assert!(
                    article.hidden,
                    "hidden articles are listed for the newsroom"
                );
            }
        }
        match page.next_cursor {
            Some(cursor) => path = format!("/api/articles?limit=2&cursor={cursor}"),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    assert_eq!(
        slugs,
        [
            "tin-b",
            "tin-c",
            "tin-a",
            "mua-lua-chin-tren-ruong-bac-thang-sa-pa",
            ARTICLE
        ]
    );
    let bad_cursor = server
        .moderator(Method::GET, "/api/articles?cursor=bm90LWEtY3Vyc29y")
        .send()
        .await
        .unwrap();
    assert_error(bad_cursor, 400, "invalid_input").await;
}

async fn hidden_articles_are_not_shown_to_readers(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let slug = "tin-se-an";
    put_article(&server, slug, &json!({"title": "Tin", "comments": "open"})).await;
    assert_eq!(post_on(&server, slug, 1).await.status(), 201);
    let hidden = put_article(
        &server,
        slug,
        &json!({"title": "Tin", "comments": "open", "hidden": true}),
    )
    .await;
    assert_eq!(hidden.status(), 200);
    for path in [
        format!("/api/articles/{slug}"),
        format!("/api/articles/{slug}/comments"),
        format!("/api/articles/{slug}/comments/count"),
    ] {
        assert_error(server.get(&path).await, 404, "not_found").await;
    }
    assert_error(
        server.post(&format!("/api/articles/{slug}/views")).await,
        404,
        "not_found",
    )
    .await;
    assert_error(post_on(&server, slug, 2).await, 404, "not_found").await;
    let thread = server
        .client
        .post(server.url("/api/threads"))
        .header("Origin", HOST_ORIGIN)
        .json(&json!({"slug": slug}))
        .send()
        .await
        .unwrap();
    assert_error(thread, 404, "not_found").await;
    put_article(&server, slug, &json!({"title": "Tin", "comments": "open"})).await;
    assert_eq!(
        query_number(
            &database.url,
            "SELECT COUNT(*) FROM comments WHERE article_slug = 'tin-se-an'"
        )
        .await,
        1,
        "hiding kept the comment"
    );
}

/// `POST /api/threads` as a widget on `origin` (none: as curl) would send it.
async fn open_thread(server: &TestServer, origin: Option<&str>, body: &Value) -> reqwest::Response {
    let mut request = server.client.post(server.url("/api/threads")).json(body);
    if let Some(origin) = origin {
        request = request.header("Origin", origin);
    }
    request.send().await.expect("POST thread")
}

/// The value of counter `name` for embedding origin `origin` (0 when not counted yet).
async fn metric(server: &TestServer, name: &str, origin: &str) -> u64 {
    let url = server.metrics.as_ref().expect("metrics are served");
    let text = server
        .client
        .get(url)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let series = format!("{name}{{origin=\"{origin}\"}}");
    text.lines()
        .find_map(|line| line.strip_prefix(&series)?.trim().parse().ok())
        .unwrap_or(0)
}

async fn embedded_pages_open_their_threads(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    // Metrics are the process's: each backend's test counts under an origin of its own.
    let host = format!("https://{backend:?}.example.vn").to_lowercase();
    let server = TestServer::start(binhluan_server::Config {
        thread_limit: 2,
        metrics_addr: Some("127.0.0.1:0".parse().unwrap()),
        allowed_origins: vec![host.parse().unwrap()],
        ..config(&database.url)
    })
    .await;
    let opened = || metric(&server, "binhluan_threads_opened_total", &host);
    let refused = || metric(&server, "binhluan_threads_refused_total", &host);
    let (opened_before, refused_before) = (opened().await, refused().await);
    let slug = "tin-moi-cua-toa-soan-2026";
    assert_error(
        server.get(&format!("/api/articles/{slug}/comments")).await,
        404,
        "not_found",
    )
    .await;

    let page = json!({
        "slug": slug,
        "title": "  Tin mới\u{0}   của tòa soạn - Báo Mẫu ",
        "url": "https://bao.example.vn/thoi-su/tin-moi-cua-toa-soan-2026"
    });
    let created = open_thread(&server, Some(&host), &page).await;
    assert_eq!(created.status(), 201);
    let created: Article = created.json().await.unwrap();
    assert_eq!(created.title, "Tin mới của tòa soạn - Báo Mẫu");
    assert_eq!(
        created.url.as_deref(),
        Some("https://bao.example.vn/thoi-su/tin-moi-cua-toa-soan-2026")
    );
    assert_eq!(reader_article(&server, slug).await, created);
    assert_eq!(comment_page(&server, slug).await.total, 0);
    assert_eq!(
        post_on(&server, slug, 1).await.status(),
        201,
        "readers can comment there"
    );

    let again = open_thread(
        &server,
        Some(&host),
        &json!({"slug": slug, "title": "Khác"}),
    )
    .await;
    assert_eq!(again.status(), 200, "an existing thread is left as it is");
    assert_eq!(again.json::<Article>().await.unwrap().title, created.title);

    assert_error(
        open_thread(&server, None, &json!({"slug": "tin-2"})).await,
        403,
        "forbidden_origin",
    )
    .await;
    assert_error(
        open_thread(
            &server,
            Some("https://evil.example"),
            &json!({"slug": "tin-2"}),
        )
        .await,
        403,
        "forbidden_origin",
    )
    .await;
    assert_error(
        open_thread(&server, Some(&host), &json!({"slug": "a/b"})).await,
        400,
        "invalid_input",
    )
    .await;
    assert_error(
        open_thread(&server, Some(&host), &json!({"slug": "x", "extra": 1})).await,
        400,
        "invalid_input",
    )
    .await;

    // No title and a URL that is not a web address: the slug, and no URL.
    let bare = open_thread(
        &server,
        Some(&host),
        &json!({"slug": "tin-2", "url": "javascript:x"}),
    )
    .await;
    assert_eq!(bare.status(), 201);
    let bare: Article = bare.json().await.unwrap();
    assert_eq!((bare.title.as_str(), bare.url), ("tin-2", None));

    // The client's third new thread this hour is refused; existing ones still answer.
    let limited = assert_error(
        open_thread(&server, Some(&host), &json!({"slug": "tin-3"})).await,
        429,
        "rate_limited",
    )
    .await;
    assert!(
        limited["retry_after"]
            .as_u64()
            .is_some_and(|s| (1..=3600).contains(&s))
    );
    assert_eq!(
        open_thread(&server, Some(&host), &json!({"slug": slug}))
            .await
            .status(),
        200
    );
    assert_eq!(server.get("/api/articles/tin-3").await.status(), 404);
    assert_eq!(
        query_number(
            &database.url,
            "SELECT COUNT(*) FROM articles WHERE origin = 'embed'"
        )
        .await,
        2
    );
    assert_eq!(opened().await, opened_before + 2);
    assert_eq!(refused().await, refused_before + 1);
}

async fn only_registered_articles_have_threads_when_asked(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(binhluan_server::Config {
        threads: ThreadMode::Registered,
        ..config(&database.url)
    })
    .await;
    let slug = "tin-chua-dang-ky";
    let refused = assert_error(
        open_thread(
            &server,
            Some(HOST_ORIGIN),
            &json!({"slug": slug, "title": "Tin"}),
        )
        .await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(refused["message"], "Bài viết này chưa mở phần bình luận.");
    let list = assert_error(
        server.get(&format!("/api/articles/{slug}/comments")).await,
        404,
        "not_found",
    )
    .await;
    assert_eq!(
        list["message_en"],
        "Comments are not open for this article."
    );
    assert_eq!(
        open_thread(&server, Some(HOST_ORIGIN), &json!({"slug": ARTICLE}))
            .await
            .status(),
        200,
        "registered articles answer"
    );
}

async fn threads_close_after_the_policys_days(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let policy = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(policy.path(), r#"{"auto_close_after_days": 7}"#).unwrap();
    let server = TestServer::start(binhluan_server::Config {
        policy: Some(policy.path().to_owned()),
        ..config(&database.url)
    })
    .await;
    let days_ago = |days: i64| {
        let moment = time::OffsetDateTime::now_utc() - time::Duration::days(days);
        moment
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap()
    };
    for (slug, age) in [("tin-cu", 8), ("tin-moi", 6)] {
        let body = json!({"title": slug, "published_at": days_ago(age), "comments": "open"});
        put_article(&server, slug, &body).await;
    }
    assert_eq!(
        reader_article(&server, "tin-cu").await.comments,
        Commenting::Closed
    );
    assert!(comment_page(&server, "tin-cu").await.closed);
    assert_error(post_on(&server, "tin-cu", 1).await, 403, "comments_closed").await;
    assert_eq!(
        reader_article(&server, "tin-moi").await.comments,
        Commenting::Open
    );
    assert_eq!(post_on(&server, "tin-moi", 2).await.status(), 201);
    let list: ArticleList = server.moderator_json(Method::GET, "/api/articles").await;
    let closed: Vec<(&str, Commenting, bool)> = list
        .articles
        .iter()
        .filter(|a| a.slug.starts_with("tin-"))
        .map(|a| (a.slug.as_str(), a.comments, a.closed_by_newsroom))
        .collect();
    assert_eq!(
        closed,
        [
            ("tin-moi", Commenting::Open, false),
            ("tin-cu", Commenting::Closed, false)
        ]
    );
    let policy: Value = server.get_json("/api/policy").await;
    assert_eq!(policy["auto_close_after_days"], 7);
}

fn feed(name: &str) -> String {
    format!("{}/tests/feeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

async fn the_feed_import_registers_its_articles_once(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    // The CMS registered one of the feed's articles first, closed, with a body.
    let cms_slug = "nong-dan-bat-xat-thu-hoach-4822.html";
    let body = json!({
        "title": "Tiêu đề cũ",
        "body": [{"type": "paragraph", "text": "Thân bài của CMS."}],
        "comments": "closed"
    });
    put_article(&server, cms_slug, &body).await;

    let mut output = Vec::new();
    let report = import::run(&feed("bao-mau.rss"), &database.url, &mut output)
        .await
        .unwrap();
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (2, 1, 0)
    );
    let printed = String::from_utf8(output).unwrap();
    assert!(
        printed.contains("3 items") && printed.contains("registered 2, updated 1, unchanged 0"),
        "{printed}"
    );

    let bus = reader_article(&server, "lao-cai-mo-them-tuyen-xe-buyt-len-sa-pa-4821.html").await;
    assert_eq!(bus.title, "Lào Cai mở thêm tuyến xe buýt lên Sa Pa");
    assert_eq!(bus.published_at, "2026-12-03T01:00:00Z");
    assert_eq!(
        bus.lead,
        "Từ ngày 15/12, tuyến xe buýt số 2 sẽ chạy thêm 10 chuyến mỗi ngày giữa thành phố Lào Cai và thị xã Sa Pa."
    );
    assert_eq!(
        bus.url.as_deref(),
        Some(
            "https://bao-mau.example.vn/thoi-su/lao-cai-mo-them-tuyen-xe-buyt-len-sa-pa-4821.html"
        )
    );
    let updated = reader_article(&server, cms_slug).await;
    assert_eq!(updated.title, "Nông dân Bát Xát thu hoạch lúa & ngô vụ mùa");
    assert_eq!(updated.body.len(), 1, "the CMS's body is kept");
    assert_eq!(
        updated.comments,
        Commenting::Closed,
        "the CMS's closing is kept"
    );
    assert_eq!(
        comment_page(&server, "hoi-cho-hang-viet-tai-kim-thanh")
            .await
            .total,
        0
    );

    let mut again = Vec::new();
    let second = import::run(&feed("bao-mau.rss"), &database.url, &mut again)
        .await
        .unwrap();
    assert_eq!(
        (second.created, second.updated, second.unchanged),
        (0, 0, 3),
        "a second import changes nothing"
    );

    // Atom, fetched over HTTP.
    let feeds = serve_feeds().await;
    let atom = import::run(
        &format!("{feeds}/bao-mau.atom"),
        &database.url,
        &mut Vec::new(),
    )
    .await
    .unwrap();
    assert_eq!((atom.created, atom.updated, atom.unchanged), (2, 0, 0));
    let festival = reader_article(&server, "le-hoi-gau-tao-4830.html").await;
    assert_eq!(
        festival.published_at, "2026-12-01T00:00:00Z",
        "published, not updated"
    );
    assert_eq!(
        festival.lead,
        "Lễ hội cầu may đầu năm của người Mông ở Bắc Hà."
    );
    let missing = import::run(
        &format!("{feeds}/none.atom"),
        &database.url,
        &mut Vec::new(),
    )
    .await;
    assert!(format!("{:#}", missing.unwrap_err()).contains("404"));
}

/// Serves `tests/feeds/` on loopback; its base URL.
async fn serve_feeds() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let router =
        axum::Router::new().fallback_service(tower_http::services::ServeDir::new(feed("")));
    tokio::spawn(async move { axum::serve(listener, router).await });
    format!("http://{addr}")
}

async fn a_bad_feed_changes_nothing(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let server = TestServer::start(config(&database.url)).await;
    let articles = || query_number(&database.url, "SELECT COUNT(*) FROM articles");
    let before = articles().await;

    let not_xml = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(not_xml.path(), "tiêu đề,ngày\nTin,03/12/2026\n").unwrap();
    let error = import::run(
        not_xml.path().to_str().unwrap(),
        &database.url,
        &mut Vec::new(),
    )
    .await
    .unwrap_err();
    assert!(
        format!("{error:#}").contains("not an RSS or Atom feed"),
        "{error:#}"
    );

    let error = import::run(&feed("odd-dates.rss"), &database.url, &mut Vec::new())
        .await
        .unwrap_err();
    let message = format!("{error:#}");
    assert!(
        message.contains("\"03/12/2026 08:00\"") && message.contains("nothing was imported"),
        "{message}"
    );

    let missing = import::run(&feed("missing.rss"), &database.url, &mut Vec::new()).await;
    assert!(missing.is_err());
    assert_eq!(articles().await, before, "no article was registered");
    assert_eq!(
        server
            .get("/api/articles/tin-co-ngay-la.html")
            .await
            .status(),
        404
    );
}

/// The command itself: what it prints and its exit status.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_import_command_says_what_it_did() {
    let database = TestDatabase::new(Backend::Sqlite).await;
    let run = |feed_name: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_binhluan-server"))
            .args(["import", &feed(feed_name), "--database-url", &database.url])
            .output()
            .expect("the command runs")
    };
    let first = run("bao-mau.atom");
    assert!(first.status.success());
    let printed = String::from_utf8_lossy(&first.stdout);
    assert!(
        printed.contains("2 items") && printed.contains("registered 2, updated 0, unchanged 0"),
        "{printed}"
    );
    let bad = run("odd-dates.rss");
    assert!(!bad.status.success());
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("03/12/2026 08:00"), "{said}");
}

async fn page(server: &TestServer, slug: &str) -> (u16, String) {
    let response = server.get(&format!("/bai-viet/{slug}")).await;
    let status = response.status().as_u16();
    (status, response.text().await.expect("a page"))
}

async fn views(server: &TestServer, slug: &str) -> u64 {
    reader_article(server, slug).await.views
}

async fn the_article_page_is_rendered_from_the_database(backend: Backend) {
    let database = TestDatabase::new(backend).await;
    let mut settings = config(&database.url);
    settings.public_url = Some("https://binhluan.example.vn".parse().expect("an origin"));
    let server = TestServer::start(settings).await;
    let slug = "trang-do-may-chu-ve";
    let article = json!({
        "title": "Đường lên Sa Pa <mùa> hoa",
        "lead": "Du khách kéo về thị xã từ đầu tuần.",
        "body": [{"type": "paragraph", "text": "Các khách sạn đã kín phòng."}],
        "byline": "Hồng Hải",
        "comments": "open",
    });
    put_article(&server, slug, &article).await;
    let approved: Value = post_on(&server, slug, 1).await.json().await.unwrap();
    server.approve(approved["id"].as_i64().unwrap()).await;
    assert_eq!(post_on(&server, slug, 2).await.status(), 201);

    let (status, html) = page(&server, slug).await;
    assert_eq!(status, 200);
    for expected in [
        "<title>Đường lên Sa Pa &lt;mùa&gt; hoa</title>",
        "Du khách kéo về thị xã từ đầu tuần.",
        "Các khách sạn đã kín phòng.",
        "Hồng Hải",
        approved["content"].as_str().unwrap(),
        "1 bình luận",
        "<link rel=\"canonical\" href=\"https://binhluan.example.vn/bai-viet/trang-do-may-chu-ve\">",
    ] {
        assert!(html.contains(expected), "{expected:?} is not in {html}");
    }
    let pending: String = comment_body(2)["content"]
        .as_str()
        .unwrap()
        .chars()
        .take(30)
        .collect();
    assert!(!html.contains(&pending), "a pending comment is not shown");
    assert!(html.contains("class=\"comments\""), "open");

    // Rendering counts no view; the picture readers without scripts load counts one, and is
    // never cached.
    let before = views(&server, slug).await;
    page(&server, slug).await;
    assert_eq!(views(&server, slug).await, before);
    let pixel = server.get(&format!("/api/articles/{slug}/view.gif")).await;
    assert_eq!(pixel.status(), 200);
    assert_eq!(pixel.headers()["content-type"], "image/gif");
    assert_eq!(pixel.headers()["cache-control"], "no-store");
    assert!(pixel.bytes().await.unwrap().starts_with(b"GIF89a"));
    assert_eq!(views(&server, slug).await, before + 1);

    // The newsroom's own page is the canonical one; a closed thread says so.
    let mut moved = article.clone();
    moved["url"] = json!("https://bao.example.vn/du-lich/duong-len-sa-pa.html");
    moved["comments"] = json!("closed");
    put_article(&server, slug, &moved).await;
    let (_, html) = page(&server, slug).await;
    assert!(html.contains(
        "<link rel=\"canonical\" href=\"https://bao.example.vn/du-lich/duong-len-sa-pa.html\">"
    ));
    assert!(html.contains("class=\"comments is-closed\""), "closed");

    // Hidden, it is not found, and counts nothing.
    moved["hidden"] = json!(true);
    put_article(&server, slug, &moved).await;
    let (status, html) = page(&server, slug).await;
    assert_eq!(status, 404);
    assert!(html.contains("Không tìm thấy bài viết"));
    assert!(!html.contains("Đường lên Sa Pa"));
    let pixel = server.get(&format!("/api/articles/{slug}/view.gif")).await;
    assert_eq!(pixel.status(), 404);
}
