//! The browser end-to-end harness shared by the browser test files: Debian's
//! chromium + chromedriver driven over WebDriver with fantoccini, against the
//! real server and the built app in `dist/`; axe-core (WCAG 2.2 A and AA) on
//! demand; waiting helpers that poll, never sleep.
//!
//! Each test starts its own server (temporary database) and its own
//! chromedriver + Chromium with [`start`].

use crate::common::*;
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";
/// How long to wait for something a person would see.
pub const WAIT: Duration = Duration::from_secs(15);

pub fn axe_path() -> PathBuf {
    repo_dir().join("tools/node_modules/axe-core/axe.min.js")
}

/// Fails (never skips) when something the tests need is missing.
pub fn preflight() {
    assert!(
        Path::new(CHROMEDRIVER).exists(),
        "{CHROMEDRIVER} is missing: install Debian's chromium-driver package \
         (apt-get install chromium chromium-driver); the browser tests cannot run without it"
    );
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} is missing: install Debian's chromium package"
    );
    assert!(
        dist_exists(),
        "{} is missing: build the browser app first \
         (PATH=tools/node_modules/.bin:$PATH trunk build --release --offline)",
        repo_dir().join("dist/index.html").display()
    );
    assert!(
        axe_path().exists(),
        "{} is missing: run `npm ci` in tools/",
        axe_path().display()
    );
}

/// A patient's date of birth as a person types it: "3", not "03".
pub struct Dob {
    pub month: String,
    pub day: String,
    pub year: String,
}

impl Dob {
    pub async fn of(server: &TestServer, mrn: &str) -> Dob {
        let dob = server.dob_of(mrn).await;
        let part = |k: &str| {
            let text = dob[k].as_str().expect("date part").trim_start_matches('0');
            text.to_string()
        };
        Dob {
            month: part("month"),
            day: part("day"),
            year: dob["year"].as_str().unwrap().to_string(),
        }
    }

    /// "March 27, 1984".
    pub fn written(&self) -> String {
        let m: usize = self.month.parse().unwrap();
        let date = frontdesk::domain::date::Date::new(
            self.year.parse().unwrap(),
            m as u32,
            self.day.parse().unwrap(),
        );
        date.expect("a real date").to_string()
    }
}

/// chromedriver (and the Chromium it starts), ended when dropped.
pub struct Driver {
    child: Child,
    profile: tempfile::TempDir,
    url: String,
}

impl Drop for Driver {
    fn drop(&mut self) {
        // If the session was not closed (a failed test), end Chromium by the
        // process id it wrote into its own profile folder.
        if let Ok(target) = std::fs::read_link(self.profile.path().join("SingletonLock")) {
            let target = target.to_string_lossy().to_string();
            if let Some(pid) = target
                .rsplit('-')
                .next()
                .and_then(|p| p.parse::<u32>().ok())
            {
                let _ = Command::new("kill").arg(pid.to_string()).status();
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub struct Browser {
    pub c: Client,
    pub base: String,
    pub driver: Driver,
}

/// A fresh server and a fresh browser pointed at it.
pub async fn start() -> (TestServer, Browser) {
    preflight();
    let server = TestServer::start().await;
    let browser = Browser::launch(&server.url).await;
    (server, browser)
}

/// The preferred languages of a Spanish speaker in Mexico, as Chromium
/// sends them: `Accept-Language: es-MX,es;q=0.9`.
pub const SPANISH: &str = "es-MX,es";
/// An American English browser's: `Accept-Language: en-US,en;q=0.9`.
pub const ENGLISH: &str = "en-US,en";

/// A fresh server and a fresh browser whose preferred languages are
/// `accept_languages` (such as [`SPANISH`]), with no cookie yet.
pub async fn start_in(accept_languages: &str) -> (TestServer, Browser) {
    preflight();
    let server = TestServer::start().await;
    let browser = Browser::launch_in(&server.url, accept_languages).await;
    (server, browser)
}

/// `text` as an XPath string literal (in double quotes when it holds an
/// apostrophe, as "I'm creating my own account" does).
fn xpath_literal(text: &str) -> String {
    if text.contains('\'') {
        format!("\"{text}\"")
    } else {
        format!("'{text}'")
    }
}

pub fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

impl Browser {
    /// The page shows an error state for `field`: the summary (focused,
    /// listing `message`), the title "Error: {page}…", and `message` inline.
    pub async fn expect_error(&self, page: &str, field: &str, message: &str) {
        let items = self.wait_summary(message).await;
        assert!(items.iter().any(|i| i == message), "summary {items:?}");
        self.wait_focus("error-summary").await;
        let title = self.title().await;
        assert!(
            title.starts_with(&format!("Error: {page}")),
            "title {title:?}"
        );
        let inline = self.inline_error(field).await.unwrap_or_default();
        assert!(inline.contains(message), "beside {field}: {inline:?}");
    }

    /// A fresh browser (Chromium's own preferred languages: `en-US,en`).
    pub async fn launch(base: &str) -> Browser {
        Browser::launch_with(base, None).await
    }

    /// A fresh browser whose preferred languages are `accept_languages`
    /// ("es-MX,es"): Chromium's `intl.accept_languages` preference, which
    /// headless Chromium honours both in the `Accept-Language` header of
    /// every request (the `q` values added: "es-MX,es;q=0.9") and in
    /// `navigator.languages`. (`--lang` is ignored by headless Chromium on
    /// Linux.)
    pub async fn launch_in(base: &str, accept_languages: &str) -> Browser {
        Browser::launch_with(base, Some(accept_languages)).await
    }

    async fn launch_with(base: &str, accept_languages: Option<&str>) -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let child = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {CHROMEDRIVER}: {e}"));
        let driver = Driver {
            child,
            profile: tempfile::tempdir().expect("profile folder"),
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(15);
        while tokio::net::TcpStream::connect(("127.0.0.1", port))
            .await
            .is_err()
        {
            assert!(
                Instant::now() < deadline,
                "chromedriver did not start listening on port {port}"
            );
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        let mut options = json!({
            "binary": CHROMIUM,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                format!("--user-data-dir={}", driver.profile.path().display()),
            ],
        });
        if let Some(languages) = accept_languages {
            options["prefs"] = json!({ "intl.accept_languages": languages });
        }
        let Value::Object(caps) = json!({
            "browserName": "chrome",
            "goog:chromeOptions": options,
        }) else {
            unreachable!()
        };
        let c = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&driver.url)
            .await
            .unwrap_or_else(|e| {
                panic!("cannot start a Chromium session through chromedriver: {e}")
            });
        Browser {
            c,
            base: base.to_string(),
            driver,
        }
    }

    /// Ends the session (and Chromium); chromedriver ends when dropped.
    pub async fn close(self) {
        let _ = self.c.clone().close().await;
    }

    pub async fn goto(&self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    pub async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.c
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns something truthy; returns it.
    pub async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) -> Value {
        let deadline = Instant::now() + WAIT;
        loop {
            let v = self.js(script, args.clone()).await;
            if truthy(&v) {
                return v;
            }
            if Instant::now() > deadline {
                panic!(
                    "timed out waiting for {what} (last value {v})\n{}",
                    self.describe().await
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Where the browser is, for failure messages.
    pub async fn describe(&self) -> String {
        let state = self
            .js(
                "return {url: location.href, title: document.title, \
                 h1: Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim()), \
                 summary: (document.getElementById('error-summary') || {}).innerText || null, \
                 active: document.activeElement && (document.activeElement.id || document.activeElement.tagName)}",
                vec![],
            )
            .await;
        format!("browser state: {state}")
    }

    /// Waits for the page whose `h1` is `heading`.
    pub async fn wait_h1(&self, heading: &str) {
        self.wait_js(
            &format!("the page headed {heading:?}"),
            "return Array.from(document.querySelectorAll('h1')).some(h => h.textContent.trim() === arguments[0])",
            vec![json!(heading)],
        )
        .await;
    }

    pub async fn el(&self, css: &str) -> Element {
        match self.c.find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("no element {css}: {e}\n{}", self.describe().await),
        }
    }

    pub async fn exists(&self, css: &str) -> bool {
        !self
            .c
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .is_empty()
    }

    /// Clicks into the field with `id` and types.
    pub async fn type_in(&self, id: &str, text: &str) {
        let e = self.el(&format!("#{id}")).await;
        e.click()
            .await
            .unwrap_or_else(|err| panic!("click #{id}: {err}"));
        e.send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("type into #{id}: {err}"));
    }

    /// Selects what is in the field, deletes it and types `text`.
    pub async fn retype(&self, id: &str, text: &str) {
        let e = self.el(&format!("#{id}")).await;
        e.click().await.expect("click");
        let select_all = format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace);
        e.send_keys(&select_all).await.expect("select and delete");
        assert_eq!(self.value(id).await, "", "#{id} was not emptied");
        if !text.is_empty() {
            e.send_keys(text).await.expect("type");
        }
    }

    pub async fn value(&self, id: &str) -> String {
        self.el(&format!("#{id}"))
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    pub async fn text(&self, css: &str) -> String {
        self.el(css).await.text().await.expect("text")
    }

    pub async fn described_by(&self, css: &str) -> String {
        let e = self.el(css).await;
        e.attr("aria-describedby")
            .await
            .expect("attribute")
            .unwrap_or_default()
    }

    pub async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()={}]", xpath_literal(label));
        let b = match self.c.find(Locator::XPath(&xpath)).await {
            Ok(b) => b,
            Err(e) => panic!("no button {label:?}: {e}\n{}", self.describe().await),
        };
        b.click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    pub async fn click_link(&self, label: &str) {
        let xpath = format!("//a[normalize-space()={}]", xpath_literal(label));
        let a = match self.c.find(Locator::XPath(&xpath)).await {
            Ok(a) => a,
            Err(e) => panic!("no link {label:?}: {e}\n{}", self.describe().await),
        };
        a.click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    pub async fn active_id(&self) -> String {
        self.js(
            "return document.activeElement ? document.activeElement.id : ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    pub async fn wait_focus(&self, id: &str) {
        self.wait_js(
            &format!("focus on #{id}"),
            "return document.activeElement && document.activeElement.id === arguments[0]",
            vec![json!(id)],
        )
        .await;
    }

    pub async fn title(&self) -> String {
        self.c.title().await.expect("title")
    }

    /// The error summary's items, after waiting for one that contains `expect`.
    pub async fn wait_summary(&self, expect: &str) -> Vec<String> {
        let v = self
            .wait_js(
                &format!("an error summary listing {expect:?}"),
                "const s = document.getElementById('error-summary'); \
                 if (!s) return null; \
                 const items = Array.from(s.querySelectorAll('li')).map(li => li.textContent.trim()); \
                 return items.some(t => t.includes(arguments[0])) ? items : null",
                vec![json!(expect)],
            )
            .await;
        serde_json::from_value(v).unwrap()
    }

    /// The inline message for a field (`{field}-error`), if shown.
    pub async fn inline_error(&self, field: &str) -> Option<String> {
        let css = format!("#{field}-error");
        if !self.exists(&css).await {
            return None;
        }
        Some(self.text(&css).await)
    }

    /// Requests the page has made to a server function so far (resource
    /// timing entries are written when a response has been read).
    pub async fn api_calls(&self, endpoint: &str) -> usize {
        let v = self
            .js(
                "return performance.getEntriesByType('resource') \
                 .filter(e => new URL(e.name).pathname === '/api/' + arguments[0]).length",
                vec![json!(endpoint)],
            )
            .await;
        v.as_u64().expect("count") as usize
    }

    /// Runs axe-core on the page as it is now; fails listing every violation.
    pub async fn axe(&self, state: &str) {
        // Every page checked here also had its words with its app: an area
        // fetched late means the route table's words column misses it.
        let late = self
            .js(
                "return document.documentElement.getAttribute('data-words-late')",
                vec![],
            )
            .await;
        assert_eq!(
            late,
            Value::Null,
            "{state}: words fetched after the app started (add the area to its app's words in src/routes.txt)"
        );
        let loaded = self
            .js("return typeof window.axe !== 'undefined'", vec![])
            .await;
        if loaded != Value::Bool(true) {
            let source = std::fs::read_to_string(axe_path()).expect("read axe.min.js");
            self.js(&source, vec![]).await;
        }
        let result = self
            .c
            .execute_async(
                "const done = arguments[arguments.length - 1]; \
                 axe.run(document, {runOnly: {type: 'tag', values: \
                   ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']}}) \
                 .then(r => done({passes: r.passes.length, violations: r.violations.map(v => ({ \
                    id: v.id, impact: v.impact, help: v.help, \
                    targets: v.nodes.map(n => n.target.join(' ') + '  ' + \
                      (n.html || '').slice(0, 160))}))})) \
                 .catch(e => done({error: String(e)}));",
                vec![],
            )
            .await
            .unwrap_or_else(|e| panic!("axe did not run on {state}: {e}"));
        assert!(
            result["error"].is_null(),
            "axe failed on {state}: {}",
            result["error"]
        );
        assert!(
            result["passes"].as_u64().unwrap_or(0) > 0,
            "axe checked nothing on {state}: {result}"
        );
        let violations = result["violations"].as_array().expect("violations");
        if !violations.is_empty() {
            let mut report = format!(
                "axe-core found {} violation(s) on {state} ({}):\n",
                violations.len(),
                self.c
                    .current_url()
                    .await
                    .map(|u| u.to_string())
                    .unwrap_or_default()
            );
            for v in violations {
                report += &format!(
                    "  [{}] {} ({})\n",
                    v["id"].as_str().unwrap_or("?"),
                    v["help"].as_str().unwrap_or(""),
                    v["impact"]
                );
                for t in v["targets"].as_array().into_iter().flatten() {
                    report += &format!("      at {}\n", t.as_str().unwrap_or(""));
                }
            }
            panic!("{report}");
        }
    }

    /// Posts `body` to chromedriver's `command` for this session (its
    /// Chromium extensions, which fantoccini does not wrap); the answer's value.
    async fn chromium(&self, command: &str, body: Value) -> Value {
        let session = self
            .c
            .session_id()
            .await
            .expect("session")
            .expect("session id");
        let response = reqwest::Client::new()
            .post(format!("{}/session/{session}/{command}", self.driver.url))
            .json(&body)
            .send()
            .await
            .expect("chromedriver answers");
        let status = response.status();
        let answer: Value = response.json().await.unwrap_or_default();
        assert!(status.is_success(), "{command} failed: {answer}");
        answer["value"].clone()
    }

    /// Adds latency to every request, as on a slow mobile connection.
    pub async fn slow_network(&self, latency_ms: u64) {
        self.chromium(
            "chromium/network_conditions",
            json!({"network_conditions": {
                "offline": false, "latency": latency_ms,
                "download_throughput": 10_000_000, "upload_throughput": 10_000_000,
            }}),
        )
        .await;
    }

    /// Lays the page out for print (`@media print`) or back for the screen.
    pub async fn print_media(&self, print: bool) {
        let media = if print { "print" } else { "" };
        self.chromium(
            "goog/cdp/execute",
            json!({"cmd": "Emulation.setEmulatedMedia", "params": {"media": media}}),
        )
        .await;
    }

    /// Prints the page as Chromium's print dialog does by default (the
    /// page's own `@page` size and margins); the pages' sizes in points.
    pub async fn printed_pages(&self) -> Vec<(f64, f64)> {
        use base64::Engine;
        let printed = self
            .chromium(
                "goog/cdp/execute",
                json!({"cmd": "Page.printToPDF", "params": {"preferCSSPageSize": true}}),
            )
            .await;
        let pdf = base64::engine::general_purpose::STANDARD
            .decode(printed["data"].as_str().expect("PDF data"))
            .expect("base64 PDF");
        let pdf = String::from_utf8_lossy(&pdf);
        // Each page object names its size: `/MediaBox [0 0 612 792]`.
        pdf.split("/MediaBox [")
            .skip(1)
            .map(|rest| {
                let numbers: Vec<f64> = rest
                    .split(']')
                    .next()
                    .unwrap_or_default()
                    .split_whitespace()
                    .filter_map(|n| n.parse().ok())
                    .collect();
                match numbers[..] {
                    [x0, y0, x1, y1] => (x1 - x0, y1 - y0),
                    _ => panic!("a MediaBox of four numbers: {rest:.40}"),
                }
            })
            .collect()
    }

    /// The value beside `key` on "Check your answers".
    pub async fn answer(&self, key: &str) -> String {
        let xpath = format!(
            "//dt[normalize-space()='{key}']/following-sibling::dd[contains(@class,'summary-list__value')]"
        );
        match self.c.find(Locator::XPath(&xpath)).await {
            Ok(e) => e.text().await.expect("text").trim().to_string(),
            Err(e) => panic!("no answer {key:?}: {e}"),
        }
    }

    /// Waits until the address bar shows `path`.
    pub async fn wait_path(&self, path: &str) {
        self.wait_js(
            &format!("the address {path}"),
            "return location.pathname === arguments[0]",
            vec![json!(path)],
        )
        .await;
    }

    /// Which app the page runs ("main", or the folder of another app such as
    /// "verify" or "account"), from the
    /// bundle its `index.html` preloads.
    pub async fn bundle(&self) -> String {
        let v = self
            .js(
                "const l = document.querySelector('link[rel=modulepreload]'); \
                 return l ? l.getAttribute('href') : ''",
                vec![],
            )
            .await;
        let href = v.as_str().unwrap_or_default();
        // The main app's files sit at the root; every other app's in its folder.
        match href.trim_start_matches('/').split_once('/') {
            Some((folder, _)) => folder.to_string(),
            None if href.starts_with("/frontdesk-web-") => "main".into(),
            None => format!("unknown ({href})"),
        }
    }

    /// Signs in as a patient with `GOOD_PASSWORD`, landing on the home page.
    pub async fn sign_in_as(&self, username: &str) {
        self.goto("/signin").await;
        self.wait_h1("Sign in to the patient portal").await;
        self.type_in("username", username).await;
        self.type_in("password", GOOD_PASSWORD).await;
        self.click_button("Sign in").await;
        self.wait_path("/home").await;
    }

    /// Chooses a radio button by clicking its label, as a person does.
    pub async fn choose(&self, label: &str) {
        let xpath = format!("//label[normalize-space()={}]", xpath_literal(label));
        let l = match self.c.find(Locator::XPath(&xpath)).await {
            Ok(l) => l,
            Err(e) => panic!("no label {label:?}: {e}\n{}", self.describe().await),
        };
        l.click()
            .await
            .unwrap_or_else(|e| panic!("click label {label:?}: {e}"));
    }

    /// Picks the option shown as `label` in the drop-down list with `id`.
    pub async fn select(&self, id: &str, label: &str) {
        self.el(&format!("#{id}"))
            .await
            .select_by_label(label)
            .await
            .unwrap_or_else(|e| panic!("select {label:?} in #{id}: {e}"));
    }

    /// Whether the radio button or checkbox with `id` is checked.
    pub async fn checked(&self, id: &str) -> bool {
        self.js(
            "const e = document.getElementById(arguments[0]); return !!(e && e.checked)",
            vec![json!(id)],
        )
        .await
            == Value::Bool(true)
    }

    /// The error summary's links: (text, the id of the element each leads to).
    pub async fn summary_links(&self) -> Vec<(String, String)> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll('#error-summary li a')) \
                 .map(a => [a.textContent.trim(), (a.getAttribute('href') || '').replace(/^#/, '')])",
                vec![],
            )
            .await;
        serde_json::from_value(v).unwrap()
    }

    /// Reads `/dev/mailbox` in a second tab, as a person checks their email
    /// beside the form (axe checks it too), and comes back to the form's
    /// tab. Waits, reloading the mailbox, for the newest email to `to` with
    /// `subject`.
    pub async fn read_mailbox(&self, to: &str, subject: &str) -> Mail {
        let form_tab = self.c.window().await.expect("this tab");
        let tab = self.c.new_window(true).await.expect("a new tab");
        self.c
            .switch_to_window(tab.handle)
            .await
            .expect("switch to the mailbox tab");
        self.goto("/dev/mailbox").await;
        let read = "return Array.from(document.querySelectorAll('article')).map(a => ({ \
                    subject: a.querySelector('h2').textContent.trim(), \
                    to: a.querySelector('p').textContent.replace(/^To: /, '').split(' · ')[0].trim(), \
                    body: a.querySelector('pre').textContent }))";
        let deadline = std::time::Instant::now() + WAIT;
        let found = loop {
            let mut all: Vec<Mail> = serde_json::from_value(self.js(read, vec![]).await).unwrap();
            if let Some(i) = all.iter().position(|m| m.to == to && m.subject == subject) {
                break all.swap_remove(i);
            }
            assert!(
                std::time::Instant::now() < deadline,
                "no email {subject:?} to {to} on /dev/mailbox; it shows {all:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            self.c.refresh().await.expect("reload the mailbox");
        };
        self.axe("the demo mailbox").await;
        self.c.close_window().await.expect("close the mailbox tab");
        self.c
            .switch_to_window(form_tab)
            .await
            .expect("back to the form's tab");
        found
    }

    /// Fills the access-code page and continues to "Create your login".
    pub async fn enter_code(&self, code: &str, dob: &Dob) {
        self.type_in("code", code).await;
        self.type_in("dob-month", &dob.month).await;
        self.type_in("dob-day", &dob.day).await;
        self.type_in("dob-year", &dob.year).await;
        self.click_button("Continue").await;
        self.wait_h1("Create your login").await;
    }

    /// Whether the page scrolls sideways.
    pub async fn horizontal_overflow(&self) -> (u64, u64) {
        let v = self
            .js(
                "return [document.documentElement.scrollWidth, window.innerWidth]",
                vec![],
            )
            .await;
        (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
    }
}

/// One email on the demo mailbox page.
#[derive(Debug, serde::Deserialize)]
pub struct Mail {
    pub subject: String,
    pub to: String,
    pub body: String,
}

/// English words no Spanish sentence of Front Desk uses (a test checks
/// that the Spanish catalogs have none of them, and that the English ones
/// use each): one of them on a Spanish page is English left behind.
/// Lower case; matched as whole words.
#[rustfmt::skip]
pub const ENGLISH_WORDS: &[&str] = &[
    // The small words of any English sentence.
    "the", "your", "you", "and", "with", "for", "from", "this", "that", "what", "when", "we",
    "our", "are", "have", "has", "will", "can", "not", "is", "it", "of", "to", "in", "on", "at",
    "or", "by", "if", "an", "be", "do", "there", "here", "who", "only",
    // The words of buttons, links and headings.
    "enter", "continue", "create", "sign", "back", "check", "change", "send", "start", "reset",
    "please", "yes", "show", "hide", "forgot", "ready", "hello", "loading",
    // The portal's own terms.
    "code", "password", "username", "email", "account", "help", "desk", "phone", "mobile",
    "date", "birth", "first", "last", "name", "request", "record", "records", "access",
    "patient", "parent", "new", "home", "page", "problem", "address", "number", "reference",
    "answers", "language", "female", "male", "other", "hours", "day", "days", "week", "call",
    "month", "year",
    // Dates written the English way.
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// The words of [`ENGLISH_WORDS`] in `text`, each with the line it is on,
/// once `aside` (names, usernames, addresses: what a person typed or a
/// record holds) is taken out; email addresses, web addresses and paths
/// (`/signup/code`), and the names of US states (the State list, an
/// address), are set aside too.
pub fn english_words_in(text: &str, aside: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    let states = frontdesk::domain::person::US_STATES.iter().map(|(_, n)| *n);
    let mut set_aside: Vec<&str> = aside.iter().copied().chain(states).collect();
    // Longest first, so "West Virginia" goes before "Virginia".
    set_aside.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for phrase in set_aside.into_iter().filter(|p| !p.is_empty()) {
        text = text.replace(phrase, " ");
    }
    let mut found = Vec::new();
    for line in text.lines() {
        // Access codes and reference numbers hold digits, and their letters
        // can spell "BE" or "WE": a token with a digit is no sentence's.
        let kept: Vec<&str> = line
            .split_whitespace()
            .filter(|t| !t.contains('@') && !t.contains('/'))
            .filter(|t| !t.chars().any(|c| c.is_ascii_digit()))
            .collect();
        for word in kept.join(" ").split(|c: char| !c.is_alphabetic()) {
            let lower = word.to_lowercase();
            // Nor is a word in capitals (an abbreviation, or a code's part).
            let capitals = word.chars().count() > 1 && word.chars().all(char::is_uppercase);
            if !capitals && ENGLISH_WORDS.contains(&lower.as_str()) {
                found.push(format!("{word:?} in {:?}", line.trim()));
            }
        }
    }
    found
}

impl Browser {
    /// The page's language (`<html lang>`) and everything it says: its
    /// title, the text of its body as drawn (screen-reader-only text too,
    /// not what is hidden), and the words in its attributes (`aria-label`,
    /// `placeholder`, `alt`, `title`, a button's `value`). The link to
    /// another language, written in that language, is left out.
    pub async fn page_words(&self) -> (String, String) {
        let v = self
            .js(
                "let text = document.body.innerText; \
                 for (const a of document.querySelectorAll('a[hreflang]')) { \
                   if (a.lang && a.lang !== document.documentElement.lang && a.innerText) \
                     text = text.replace(a.innerText, ' '); \
                 } \
                 const attributes = Array.from(document.body.querySelectorAll( \
                   '[aria-label], [placeholder], [alt], [title], input[type=submit], input[type=button]')) \
                   .flatMap(e => ['aria-label', 'placeholder', 'alt', 'title', 'value'] \
                     .filter(n => e.hasAttribute(n) && (n !== 'value' || e.tagName === 'INPUT' && \
                       (e.type === 'submit' || e.type === 'button'))) \
                     .map(n => e.getAttribute(n))); \
                 return [document.documentElement.lang, \
                   ['title: ' + document.title, text, ...attributes].join('\\n')]",
                vec![],
            )
            .await;
        let (lang, words): (String, String) = serde_json::from_value(v).expect("lang and words");
        (lang, words)
    }

    /// The page is in Spanish: `<html lang="es">` and no English word in
    /// anything it says, `aside` (names, usernames and the like) apart.
    pub async fn expect_no_english(&self, state: &str, aside: &[&str]) {
        let (lang, words) = self.page_words().await;
        assert_eq!(
            lang,
            "es",
            "<html lang> on {state}\n{}",
            self.describe().await
        );
        let english = english_words_in(&words, aside);
        assert!(
            english.is_empty(),
            "English on {state} ({}):\n  {}\n{}",
            self.c
                .current_url()
                .await
                .map(|u| u.to_string())
                .unwrap_or_default(),
            english.join("\n  "),
            self.describe().await
        );
    }

    /// A Spanish page or error state checked: `<html lang="es">`, no
    /// English, and axe-core's zero violations.
    pub async fn check_spanish(&self, state: &str, aside: &[&str]) {
        self.expect_no_english(state, aside).await;
        self.axe(state).await;
    }
}
