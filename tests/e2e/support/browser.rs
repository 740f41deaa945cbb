//! Headless Chromium over WebDriver: a fresh profile and a private chromedriver per browser.

use std::net::TcpListener;
use std::process::Stdio;
use std::time::Duration;

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::process::{Child, Command};

use super::{PATIENCE, eventually};

/// The screens the tests read on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Viewport {
    Phone,
    DarkPhone,
    PhoneWithoutScripts,
    Desktop,
}

/// A browser window of a given size.
pub struct Browser {
    client: Client,
    driver: Child,
    _profile: TempDir,
}

impl Browser {
    /// A phone: a 360 px wide touch screen at 3x (headless windows cannot be that narrow, so
    /// Chromium emulates the device).
    pub async fn phone() -> Browser {
        Browser::open(Viewport::Phone).await
    }

    /// The phone, set to prefer a dark colour scheme.
    pub async fn dark_phone() -> Browser {
        Browser::open(Viewport::DarkPhone).await
    }

    /// The phone with JavaScript turned off.
    pub async fn phone_without_scripts() -> Browser {
        Browser::open(Viewport::PhoneWithoutScripts).await
    }

    /// A desktop's 1280 × 900 window.
    pub async fn desktop() -> Browser {
        Browser::open(Viewport::Desktop).await
    }

    /// A fresh headless Chromium with a new profile.
    async fn open(viewport: Viewport) -> Browser {
        // Already installed by an earlier browser of this run: that is fine.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let port = free_port();
        let mut driver = Command::new(
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "chromedriver".to_owned()),
        )
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("chromedriver runs (scripts/setup installs it)");
        let profile = TempDir::new().expect("a temporary profile directory");
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".to_owned()),
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--hide-scrollbars",
                    "--window-size=1280,900",
                    format!("--user-data-dir={}", profile.path().display()),
                ]
            }
        });
        let mut capabilities = capabilities;
        if viewport == Viewport::DarkPhone {
            let args = capabilities["goog:chromeOptions"]["args"]
                .as_array_mut()
                .expect("args");
            args.push(json!("--force-dark-mode"));
        }
        if viewport == Viewport::PhoneWithoutScripts {
            capabilities["goog:chromeOptions"]["prefs"] =
                json!({ "profile.managed_default_content_settings.javascript": 2 });
        }
        if matches!(
            viewport,
            Viewport::Phone | Viewport::DarkPhone | Viewport::PhoneWithoutScripts
        ) {
            capabilities["goog:chromeOptions"]["mobileEmulation"] = json!({
                "deviceMetrics": { "width": 360, "height": 780, "pixelRatio": 3.0, "touch": true, "mobile": true }
            });
        }
        let Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object")
        };
        let url = format!("http://127.0.0.1:{port}");
        let mut last_error = None;
        for _ in 0..100 {
            match ClientBuilder::rustls()
                .expect("rustls")
                .capabilities(capabilities.clone())
                .connect(&url)
                .await
            {
                Ok(client) => {
                    return Browser {
                        client,
                        driver,
                        _profile: profile,
                    };
                }
                Err(error) => {
                    last_error = Some(error);
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
            }
        }
        let _ = driver.kill().await;
        panic!("chromedriver did not start: {last_error:?}");
    }

    /// Opens `url`.
    pub async fn goto(&self, url: &str) {
        self.client.goto(url).await.expect("the page opens");
    }

    /// Reloads the page.
    pub async fn reload(&self) {
        self.client.refresh().await.expect("the page reloads");
    }

    /// The first element matching `css`, once it exists.
    pub async fn find(&self, css: &str) -> Element {
        self.client
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|error| panic!("no element matches {css}: {error}"))
    }

    /// The first element matching `css` inside the shadow root of the element matching `host`,
    /// once it exists.
    pub async fn find_in_shadow(&self, host: &str, css: &str) -> Element {
        let what = format!("{css} in the shadow root of {host}");
        eventually(&what, || async {
            let root = self.find(host).await.shadow_root().await?;
            root.find(Locator::Css(css)).await
        })
        .await
    }

    /// Types `text` into the first element matching `css`, as a reader would.
    pub async fn type_into(&self, css: &str, text: &str) {
        self.find(css)
            .await
            .send_keys(text)
            .await
            .expect("typing works");
    }

    /// Types `text` on the keyboard into whatever has the focus, key by key, as a reader would
    /// (the element may change under the keys: no element is named).
    pub async fn type_keys(&self, text: &str) {
        let mut keys = KeyActions::new("keyboard".to_owned());
        for value in text.chars() {
            keys = keys
                .then(KeyAction::Down { value })
                .then(KeyAction::Up { value });
        }
        self.client
            .perform_actions(keys)
            .await
            .expect("typing works");
    }

    /// Clicks the first element matching `css`, as a reader would.
    pub async fn click(&self, css: &str) {
        self.find(css).await.click().await.expect("clicking works");
    }

    /// Waits until the comment widget has taken over a server-rendered article page: the
    /// rendered form is gone and the widget's list has loaded.
    pub async fn wait_for_widget(&self) {
        self.wait_until(
            "the comment widget takes over the rendered comments",
            "!document.querySelector('form[data-dormant]') \
             && !!document.querySelector('[data-binhluan] .comment-list[aria-busy=false]')",
        )
        .await;
    }

    /// Every element matching `css` now.
    pub async fn find_all(&self, css: &str) -> Vec<Element> {
        self.client
            .find_all(Locator::Css(css))
            .await
            .expect("find_all")
    }

    /// The text of the first element matching `css`, once it exists.
    pub async fn text(&self, css: &str) -> String {
        self.find(css).await.text().await.expect("text")
    }

    /// Waits until the first element matching `css` says `expected`.
    pub async fn wait_for_text(&self, css: &str, expected: &str) {
        let script = format!(
            "document.querySelector({})?.textContent === {}",
            Value::from(css),
            Value::from(expected)
        );
        self.wait_until(&format!("{css} says {expected:?}"), &script)
            .await;
    }

    /// The text of the first element matching `css`, once it has one.
    pub async fn non_empty_text(&self, css: &str) -> String {
        let script = format!(
            "!!document.querySelector({})?.textContent",
            Value::from(css)
        );
        self.wait_until(&format!("{css} has a text"), &script).await;
        self.text(css).await
    }

    /// The texts of every element matching `css` now.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut texts = Vec::new();
        for element in self.find_all(css).await {
            texts.push(element.text().await.expect("text"));
        }
        texts
    }

    /// Waits until `script` (a JavaScript expression) is truthy; panics with `what` if never.
    pub async fn wait_until(&self, what: &str, script: &str) {
        eventually(&format!("{what} ({script})"), || async {
            match self.eval(script).await {
                Value::Bool(true) => Ok(()),
                value => Err(value),
            }
        })
        .await;
    }

    /// The value of the JavaScript expression `script`.
    pub async fn eval(&self, script: &str) -> Value {
        self.client
            .execute(&format!("return ({script});"), Vec::new())
            .await
            .unwrap_or_else(|error| panic!("{script} failed: {error}"))
    }

    /// Runs `script`, which ends by calling its last argument with its result.
    pub async fn execute_async(&self, script: &str) -> Value {
        self.client
            .execute_async(script, Vec::new())
            .await
            .unwrap_or_else(|error| panic!("the script failed: {error}"))
    }

    /// Sends the Chrome DevTools Protocol command `cmd` with `params` (through chromedriver's
    /// `goog/cdp/execute`), e.g. to throttle the network and the CPU as a phone would be.
    pub async fn cdp(&self, cmd: &str, params: Value) -> Value {
        self.client
            .issue_cmd(Cdp {
                cmd: cmd.to_owned(),
                params,
            })
            .await
            .unwrap_or_else(|error| panic!("{cmd} failed: {error}"))
    }

    /// Slows the network down to Lighthouse's mobile preset, "slow 4G": 150 ms of latency,
    /// 1.6 Mbit/s down, 750 kbit/s up.
    pub async fn emulate_slow_4g(&self) {
        self.cdp("Network.enable", json!({})).await;
        self.cdp(
            "Network.emulateNetworkConditions",
            json!({
                "offline": false,
                "latency": 150,
                "downloadThroughput": 1_638_400 / 8,
                "uploadThroughput": 750 * 1024 / 8,
            }),
        )
        .await;
    }

    /// Runs axe-core (from node_modules) on the page and fails with what it finds.
    pub async fn assert_accessible(&self) {
        let violations = self.axe_violations().await;
        assert!(
            violations.is_empty(),
            "axe-core violations: {}",
            serde_json::to_string_pretty(&violations).unwrap_or_default()
        );
    }

    async fn axe_violations(&self) -> Vec<Value> {
        let axe = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/node_modules/axe-core/axe.min.js"
        ))
        .expect("axe-core is installed (scripts/setup runs npm ci)");
        self.client
            .execute(&axe, Vec::new())
            .await
            .expect("axe-core loads");
        let result = self
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] }).then(r => done(r.violations), e => done(String(e)));",
            )
            .await;
        match result {
            Value::Array(violations) => violations,
            other => panic!("axe-core failed: {other}"),
        }
    }

    /// Closes the browser.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        let _ = self.driver.kill().await;
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free port")
}

/// A Chrome DevTools Protocol command, sent through chromedriver.
#[derive(Debug)]
struct Cdp {
    cmd: String,
    params: Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
