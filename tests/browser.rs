#![cfg(feature = "ssr")]
//! Browser end-to-end tests: a person signing up with an access code in
//! headless Chromium (Debian's chromium + chromedriver, driven over WebDriver
//! with fantoccini), against the real server and the built app in `dist/`.
//! axe-core checks every page and error state a test visits.
//!
//! Run with `cargo test --features ssr --test browser`. Each test starts its
//! own server (temporary database) and its own chromedriver + Chromium.

mod common;

use common::*;
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";
/// How long to wait for something a person would see.
const WAIT: Duration = Duration::from_secs(15);

const NOT_ACCEPTED: &str =
    "We could not match that access code and date of birth. Check both and try again";
const MISTYPED: &str = "Check your access code – it looks mistyped";
const PASSWORD_TOO_SHORT: &str = "Password must be 15 characters or more";
const EMAIL_FORMAT: &str = "Enter an email address in the correct format, like name@example.com";
const USERNAME_TAKEN: &str = "That username is taken. Choose a different username";
const MARIA_EMAIL: &str = "maria.garcia@example.com";
/// The focus colour (GOV.UK yellow, `--focus` in style/main.css).
const FOCUS_YELLOW: &str = "rgb(255, 221, 0)";

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn axe_path() -> PathBuf {
    repo_dir().join("tools/node_modules/axe-core/axe.min.js")
}

/// Fails (never skips) when something the tests need is missing.
fn preflight() {
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
struct Dob {
    month: String,
    day: String,
    year: String,
}

impl Dob {
    async fn of(server: &TestServer, mrn: &str) -> Dob {
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
    fn written(&self) -> String {
        let m: usize = self.month.parse().unwrap();
        format!("{} {}, {}", MONTHS[m - 1], self.day, self.year)
    }
}

/// chromedriver (and the Chromium it starts), ended when dropped.
struct Driver {
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

struct Browser {
    c: Client,
    base: String,
    driver: Driver,
}

/// A fresh server and a fresh browser pointed at it.
async fn start() -> (TestServer, Browser) {
    preflight();
    let server = TestServer::start().await;
    let browser = Browser::launch(&server.url).await;
    (server, browser)
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64() != Some(0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(_) | Value::Object(_) => true,
    }
}

impl Browser {
    async fn launch(base: &str) -> Browser {
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
        let Value::Object(caps) = json!({
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": CHROMIUM,
                "args": [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                    "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                    format!("--user-data-dir={}", driver.profile.path().display()),
                ],
            },
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
    async fn close(self) {
        let _ = self.c.clone().close().await;
    }

    async fn goto(&self, path: &str) {
        self.c
            .goto(&format!("{}{path}", self.base))
            .await
            .unwrap_or_else(|e| panic!("open {path}: {e}"));
    }

    async fn js(&self, script: &str, args: Vec<Value>) -> Value {
        self.c
            .execute(script, args)
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
    }

    /// Polls `script` until it returns something truthy; returns it.
    async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) -> Value {
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
    async fn describe(&self) -> String {
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
    async fn wait_h1(&self, heading: &str) {
        self.wait_js(
            &format!("the page headed {heading:?}"),
            "return Array.from(document.querySelectorAll('h1')).some(h => h.textContent.trim() === arguments[0])",
            vec![json!(heading)],
        )
        .await;
    }

    async fn el(&self, css: &str) -> Element {
        match self.c.find(Locator::Css(css)).await {
            Ok(e) => e,
            Err(e) => panic!("no element {css}: {e}\n{}", self.describe().await),
        }
    }

    async fn exists(&self, css: &str) -> bool {
        !self
            .c
            .find_all(Locator::Css(css))
            .await
            .expect("find")
            .is_empty()
    }

    /// Clicks into the field with `id` and types.
    async fn type_in(&self, id: &str, text: &str) {
        let e = self.el(&format!("#{id}")).await;
        e.click()
            .await
            .unwrap_or_else(|err| panic!("click #{id}: {err}"));
        e.send_keys(text)
            .await
            .unwrap_or_else(|err| panic!("type into #{id}: {err}"));
    }

    /// Selects what is in the field, deletes it and types `text`.
    async fn retype(&self, id: &str, text: &str) {
        let e = self.el(&format!("#{id}")).await;
        e.click().await.expect("click");
        let select_all = format!("{}a{}{}", Key::Control, Key::Null, Key::Backspace);
        e.send_keys(&select_all).await.expect("select and delete");
        assert_eq!(self.value(id).await, "", "#{id} was not emptied");
        if !text.is_empty() {
            e.send_keys(text).await.expect("type");
        }
    }

    async fn value(&self, id: &str) -> String {
        self.el(&format!("#{id}"))
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default()
    }

    async fn text(&self, css: &str) -> String {
        self.el(css).await.text().await.expect("text")
    }

    async fn described_by(&self, css: &str) -> String {
        let e = self.el(css).await;
        e.attr("aria-describedby")
            .await
            .expect("attribute")
            .unwrap_or_default()
    }

    async fn click_button(&self, label: &str) {
        let xpath = format!("//button[normalize-space()='{label}']");
        let b = match self.c.find(Locator::XPath(&xpath)).await {
            Ok(b) => b,
            Err(e) => panic!("no button {label:?}: {e}\n{}", self.describe().await),
        };
        b.click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    async fn click_link(&self, label: &str) {
        let xpath = format!("//a[normalize-space()='{label}']");
        let a = match self.c.find(Locator::XPath(&xpath)).await {
            Ok(a) => a,
            Err(e) => panic!("no link {label:?}: {e}\n{}", self.describe().await),
        };
        a.click()
            .await
            .unwrap_or_else(|e| panic!("click {label:?}: {e}"));
    }

    async fn active_id(&self) -> String {
        self.js(
            "return document.activeElement ? document.activeElement.id : ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }

    async fn wait_focus(&self, id: &str) {
        self.wait_js(
            &format!("focus on #{id}"),
            "return document.activeElement && document.activeElement.id === arguments[0]",
            vec![json!(id)],
        )
        .await;
    }

    async fn title(&self) -> String {
        self.c.title().await.expect("title")
    }

    /// The error summary's items, after waiting for one that contains `expect`.
    async fn wait_summary(&self, expect: &str) -> Vec<String> {
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
    async fn inline_error(&self, field: &str) -> Option<String> {
        let css = format!("#{field}-error");
        if !self.exists(&css).await {
            return None;
        }
        Some(self.text(&css).await)
    }

    /// Requests the page has made to a server function so far (resource
    /// timing entries are written when a response has been read).
    async fn api_calls(&self, endpoint: &str) -> usize {
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
    async fn axe(&self, state: &str) {
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

    /// Adds latency to every request, as on a slow mobile connection.
    async fn slow_network(&self, latency_ms: u64) {
        let session = self
            .c
            .session_id()
            .await
            .expect("session")
            .expect("session id");
        let response = reqwest::Client::new()
            .post(format!(
                "{}/session/{session}/chromium/network_conditions",
                self.driver.url
            ))
            .json(&json!({"network_conditions": {
                "offline": false, "latency": latency_ms,
                "download_throughput": 10_000_000, "upload_throughput": 10_000_000,
            }}))
            .send()
            .await
            .expect("chromedriver answers");
        assert!(
            response.status().is_success(),
            "could not set network conditions: {}",
            response.text().await.unwrap_or_default()
        );
    }

    /// Fills the access-code page and continues to "Create your login".
    async fn enter_code(&self, code: &str, dob: &Dob) {
        self.type_in("code", code).await;
        self.type_in("dob-month", &dob.month).await;
        self.type_in("dob-day", &dob.day).await;
        self.type_in("dob-year", &dob.year).await;
        self.click_button("Continue").await;
        self.wait_h1("Create your login").await;
    }

    /// The value beside `key` on "Check your answers".
    async fn answer(&self, key: &str) -> String {
        let xpath = format!(
            "//dt[normalize-space()='{key}']/following-sibling::dd[contains(@class,'summary-list__value')]"
        );
        match self.c.find(Locator::XPath(&xpath)).await {
            Ok(e) => e.text().await.expect("text").trim().to_string(),
            Err(e) => panic!("no answer {key:?}: {e}"),
        }
    }

    /// Whether the page scrolls sideways.
    async fn horizontal_overflow(&self) -> (u64, u64) {
        let v = self
            .js(
                "return [document.documentElement.scrollWidth, window.innerWidth]",
                vec![],
            )
            .await;
        (v[0].as_u64().unwrap(), v[1].as_u64().unwrap())
    }
}

/// The number of rows `sql` counts.
async fn count(server: &TestServer, sql: &str, arg: &str) -> i64 {
    server.query_one::<i64>(sql, arg).await
}

/// Failed code attempts counted against this client address.
async fn failed_code_tries(server: &TestServer) -> i64 {
    count(
        server,
        "SELECT COALESCE(SUM(failures), 0) FROM failure_counters WHERE scope = $1",
        "access-code",
    )
    .await
}

/// The latest code row of a patient.
fn latest_code_of(mrn: &str) -> String {
    format!(
        "(SELECT MAX(id) FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = '{mrn}'))"
    )
}

/// A code with one symbol changed: the check symbol catches it.
fn mistype(code: &str) -> String {
    let first = code.chars().next().unwrap();
    let other = if first == '7' { '8' } else { '7' };
    format!("{other}{}", &code[1..])
}

async fn checklist_met(b: &Browser) -> Vec<bool> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('#password-checklist .checklist__item')) \
             .map(li => li.classList.contains('checklist__item--met'))",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

// ---------------------------------------------------------------------------

/// 1. The whole path a person takes, with axe on every page.
#[tokio::test]
async fn a_person_signs_up_with_an_access_code() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.axe("the start page").await;

    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    assert_eq!(b.c.current_url().await.unwrap().path(), "/signup/code");
    assert!(
        b.title().await.starts_with("Enter your access code"),
        "title {:?}",
        b.title().await
    );
    b.axe("the access code page").await;

    // Lower case, spaces for hyphens; "3" rather than "03".
    let typed = code.to_lowercase().replace('-', " ");
    b.enter_code(&typed, &dob).await;
    assert_eq!(
        b.c.current_url().await.unwrap().path(),
        "/signup/code/login"
    );
    b.axe("the create-login page").await;
    assert_eq!(
        b.value("email").await,
        MARIA_EMAIL,
        "email prefilled from the record"
    );
    assert!(
        b.text("main").await.contains("Hello Maria."),
        "the page greets the person by name"
    );

    // The live checklist: nothing met before typing, everything met after.
    assert_eq!(
        checklist_met(&b).await,
        vec![false; 4],
        "checklist before typing"
    );
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.wait_js(
        "all four password checklist items met",
        "const items = document.querySelectorAll('#password-checklist .checklist__item'); \
         return items.length === 4 && Array.from(items).every(li => li.classList.contains('checklist__item--met'))",
        vec![],
    )
    .await;
    assert!(
        b.text("#password-checklist")
            .await
            .contains(&format!("(you have {})", GOOD_PASSWORD.chars().count())),
        "the checklist counts the characters"
    );
    b.axe("the create-login page, filled in").await;

    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.axe("the check-answers page").await;
    assert_eq!(
        b.answer("Access code").await,
        code,
        "code shown as XXXXX-XXXXX-XXXXX"
    );
    assert_eq!(b.answer("Date of birth").await, dob.written());
    assert_eq!(b.answer("Username").await, "maria.g");
    assert_eq!(b.answer("Email address").await, MARIA_EMAIL);
    assert!(
        !b.text("main").await.contains(GOOD_PASSWORD),
        "the password is never shown"
    );

    b.click_button("Create account").await;
    b.wait_h1("Your account is ready").await;
    b.axe("the account-ready page").await;
    assert_eq!(b.text(".username").await, "maria.g");
    assert!(b.text("main").await.contains(MARIA_EMAIL));

    // The account exists, for this patient.
    let mrn: String = server
        .query_one(
            "SELECT p.mrn FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(mrn, ADULT_MRN);
    let email: String = server
        .query_one(
            "SELECT email FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(email, MARIA_EMAIL);

    // Once used, neither the code nor the password stays in the tab.
    let stored = b
        .js(
            "return JSON.stringify(Object.assign({}, sessionStorage))",
            vec![],
        )
        .await;
    let stored = stored.as_str().unwrap().to_lowercase();
    let canonical = code.replace('-', "").to_lowercase();
    assert!(
        !stored.contains(&typed)
            && !stored.contains(&canonical)
            && !stored.contains(&code.to_lowercase()),
        "session storage still holds the used code: {stored}"
    );
    assert!(
        !stored.contains(GOOD_PASSWORD),
        "session storage holds the password"
    );
    b.close().await;
}

/// 2a. Errors on the access-code page: empty, mistyped, wrong date of birth.
#[tokio::test]
async fn the_code_page_explains_each_error() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.axe("the access code page").await;
    assert!(!b.title().await.starts_with("Error: "));
    let form = b.el("main form").await;
    assert!(
        form.attr("novalidate").await.unwrap().is_some(),
        "the form lets the browser validate"
    );
    for part in ["month", "day", "year"] {
        let input = b.el(&format!("#dob-{part}")).await;
        assert_eq!(
            input.attr("inputmode").await.unwrap().as_deref(),
            Some("numeric"),
            "#dob-{part}"
        );
        let autocomplete = format!("bday-{part}");
        assert_eq!(
            input.attr("autocomplete").await.unwrap(),
            Some(autocomplete),
            "#dob-{part}"
        );
    }

    // Nothing typed.
    b.click_button("Continue").await;
    let items = b.wait_summary("Enter your access code").await;
    assert_eq!(
        items,
        ["Enter your access code", "Enter your date of birth"]
    );
    assert_eq!(b.text("#error-summary h2").await, "There is a problem");
    b.wait_focus("error-summary").await;
    let title = b.title().await;
    assert!(title.starts_with("Error: "), "title {title:?}");
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains("Enter your access code"),
        "inline error beside the code"
    );
    assert!(
        b.inline_error("dob")
            .await
            .unwrap_or_default()
            .contains("Enter your date of birth"),
        "inline error beside the date of birth"
    );
    for id in ["code", "dob-month", "dob-day", "dob-year"] {
        let class = b
            .el(&format!("#{id}"))
            .await
            .attr("class")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            class.contains("input--error"),
            "#{id} is not marked as in error: {class}"
        );
    }
    assert!(
        b.described_by("#code").await.contains("code-error"),
        "the code box is not described by its error"
    );
    assert!(
        b.described_by("fieldset").await.contains("dob-error"),
        "the date of birth fieldset is not described by its error"
    );
    b.axe("the access code page with nothing entered").await;

    // Each summary link takes the person to the field.
    b.click_link("Enter your date of birth").await;
    b.wait_focus("dob-month").await;
    b.click_link("Enter your access code").await;
    b.wait_focus("code").await;

    // One symbol changed: caught in the browser, no request sent.
    let mistyped = mistype(&code);
    b.type_in("code", &mistyped).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(MISTYPED).await;
    assert_eq!(items, [MISTYPED], "only the code is wrong now");
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains(MISTYPED)
    );
    assert_eq!(
        b.inline_error("dob").await,
        None,
        "the date of birth is fine"
    );
    assert_eq!(
        b.api_calls("signup/code/verify").await,
        0,
        "a mistyped code was sent to the server"
    );
    let verifies = count(
        &server,
        "SELECT COUNT(*) FROM audit_log WHERE action = $1",
        "code.verify",
    )
    .await;
    assert_eq!(verifies, 0, "the server saw a code attempt");
    assert_eq!(
        failed_code_tries(&server).await,
        0,
        "a failure was counted for a mistyped code"
    );
    assert_eq!(b.value("code").await, mistyped, "the typed code is kept");
    assert_eq!(
        (
            b.value("dob-month").await,
            b.value("dob-day").await,
            b.value("dob-year").await
        ),
        (dob.month.clone(), dob.day.clone(), dob.year.clone()),
        "the typed date is kept"
    );
    assert!(b.title().await.starts_with("Error: "));
    b.axe("the access code page with a mistyped code").await;

    // The real code with the wrong date of birth: the server's generic answer.
    let wrong_year = (dob.year.parse::<i32>().unwrap() - 1).to_string();
    b.retype("code", &code).await;
    b.retype("dob-year", &wrong_year).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(NOT_ACCEPTED).await;
    assert_eq!(items, [NOT_ACCEPTED]);
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains(NOT_ACCEPTED)
    );
    assert!(b.title().await.starts_with("Error: "));
    // This one did reach the server (so the "no request" check above can see requests).
    assert_eq!(b.api_calls("signup/code/verify").await, 1);
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "code.verify",
        )
        .await;
    assert_eq!(outcome, "wrong date of birth");
    assert_eq!(failed_code_tries(&server).await, 1);
    assert_eq!(b.value("code").await, code);
    assert_eq!(b.value("dob-year").await, wrong_year);
    assert_eq!(b.value("dob-month").await, dob.month);
    b.axe("the access code page with a wrong date of birth")
        .await;
    b.close().await;
}

/// 2b. Errors on the create-login page, from the browser's check and the server's.
#[tokio::test]
async fn the_login_page_explains_each_error() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    // Someone else already has the username "taken.name".
    server
        .execute(
            "INSERT INTO accounts (patient_id, username, username_key, password_hash, email, created_at) \
             VALUES ((SELECT id FROM patients WHERE mrn = '100002'), 'taken.name', 'taken.name', 'x', \
             'robert@example.com', 0)",
        )
        .await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&code, &dob).await;

    b.type_in("username", "maria.g").await;
    b.type_in("password", "short pass").await;
    b.retype("email", "maria.garcia@").await;
    b.click_button("Continue").await;
    let items = b.wait_summary(PASSWORD_TOO_SHORT).await;
    assert_eq!(items, [PASSWORD_TOO_SHORT, EMAIL_FORMAT]);
    assert_eq!(b.text("#error-summary h2").await, "There is a problem");
    b.wait_focus("error-summary").await;
    assert!(
        b.title().await.starts_with("Error: Create your login"),
        "title {:?}",
        b.title().await
    );
    assert!(
        b.inline_error("password")
            .await
            .unwrap_or_default()
            .contains(PASSWORD_TOO_SHORT)
    );
    assert!(
        b.inline_error("email")
            .await
            .unwrap_or_default()
            .contains(EMAIL_FORMAT)
    );
    assert_eq!(b.inline_error("username").await, None);
    assert_eq!(b.value("username").await, "maria.g");
    assert_eq!(b.value("password").await, "short pass");
    assert_eq!(b.value("email").await, "maria.garcia@");
    assert_eq!(
        b.api_calls("signup/code/check-login").await,
        0,
        "checked in the browser first"
    );
    b.axe("the create-login page with a short password and a bad email")
        .await;

    b.click_link(EMAIL_FORMAT).await;
    b.wait_focus("email").await;

    // A username someone has: only the server knows.
    b.retype("username", "taken.name").await;
    b.retype("password", GOOD_PASSWORD).await;
    b.retype("email", MARIA_EMAIL).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(USERNAME_TAKEN).await;
    assert_eq!(items, [USERNAME_TAKEN]);
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("username")
            .await
            .unwrap_or_default()
            .contains(USERNAME_TAKEN)
    );
    assert_eq!(b.inline_error("password").await, None);
    assert_eq!(b.value("username").await, "taken.name");
    assert_eq!(
        b.value("password").await,
        GOOD_PASSWORD,
        "the password is kept on the page"
    );
    assert!(b.title().await.starts_with("Error: "));
    b.axe("the create-login page with a taken username").await;

    b.retype("username", "maria.g").await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    assert!(!b.title().await.starts_with("Error: "));
    b.axe("the check-answers page").await;
    b.close().await;
}

/// 3. Codes that cannot be used lead to pages that say why.
#[tokio::test]
async fn expired_and_used_codes_lead_to_their_pages() {
    let (server, b) = start().await;
    let expired = server.issue_code(ADULT_MRN);
    let used = server.issue_code(OLDER_ADULT_MRN);
    // 1_700_000_000 is November 14, 2023 (UTC).
    server
        .execute(&format!(
            "UPDATE access_codes SET expires_at = 1700000000 WHERE id = {}",
            latest_code_of(ADULT_MRN)
        ))
        .await;
    server
        .execute(&format!(
            "UPDATE access_codes SET used_at = 1700000000 WHERE id = {}",
            latest_code_of(OLDER_ADULT_MRN)
        ))
        .await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    let dob = Dob::of(&server, ADULT_MRN).await;
    b.type_in("code", &expired).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("Your access code has expired").await;
    let text = b.text("main").await;
    assert!(
        text.contains("expired on November 14, 2023"),
        "the page gives the date: {text}"
    );
    assert!(text.contains("Get a new access code"));
    b.axe("the code-expired page").await;

    b.click_link("Enter a different access code").await;
    b.wait_h1("Enter your access code").await;
    let dob = Dob::of(&server, OLDER_ADULT_MRN).await;
    b.retype("code", &used).await;
    b.retype("dob-month", &dob.month).await;
    b.retype("dob-day", &dob.day).await;
    b.retype("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("This access code has already been used").await;
    assert!(b.text("main").await.contains("Each code works once"));
    b.axe("the code-used page").await;
    b.close().await;
}

/// 4. A reload keeps what was typed (never the password); Back works.
#[tokio::test]
async fn a_reload_keeps_the_answers_but_not_the_password() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    let typed = code.to_lowercase().replace('-', " ");

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&typed, &dob).await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    assert!(
        !b.exists(".inset-text").await,
        "the reload notice shows before any reload"
    );

    b.c.refresh().await.expect("reload");
    b.wait_h1("Create your login").await;
    assert_eq!(
        b.value("username").await,
        "maria.g",
        "username kept across the reload"
    );
    assert_eq!(b.value("email").await, MARIA_EMAIL);
    assert_eq!(
        b.value("password").await,
        "",
        "password must not survive a reload"
    );
    let notice = b.text("main").await;
    assert!(
        notice.contains("For your security, we do not keep your password when the page reloads"),
        "the page says why the password is empty: {notice}"
    );
    let stored = b
        .js(
            "return JSON.stringify(Object.assign({}, sessionStorage))",
            vec![],
        )
        .await;
    assert!(
        !stored.as_str().unwrap().contains(GOOD_PASSWORD),
        "the password is in session storage"
    );
    b.axe("the create-login page after a reload").await;

    b.c.back().await.expect("back");
    b.wait_h1("Enter your access code").await;
    assert_eq!(b.c.current_url().await.unwrap().path(), "/signup/code");
    assert_eq!(b.value("code").await, typed, "code kept after Back");
    assert_eq!(b.value("dob-month").await, dob.month);
    assert_eq!(b.value("dob-day").await, dob.day);
    assert_eq!(b.value("dob-year").await, dob.year);
    b.axe("the access code page after Back").await;
    b.close().await;
}

/// 5. The first page can be done with the keyboard alone, with visible focus.
#[tokio::test]
async fn the_first_page_works_with_the_keyboard_alone() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.axe("the start page").await;

    let press = |keys: String| {
        let c = b.c.clone();
        async move {
            c.active_element()
                .await
                .expect("active element")
                .send_keys(&keys)
                .await
                .expect("keys");
        }
    };
    let active_text = || async {
        b.js(
            "const a = document.activeElement; return a ? a.textContent.trim() : ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    let focus_style = || async {
        b.js(
            "const s = getComputedStyle(document.activeElement); \
             return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, \
                     background: s.backgroundColor}",
            vec![],
        )
        .await
    };

    // Tab to the start button and press Enter.
    let mut tabs = 0;
    while active_text().await != "Sign up with an access code" {
        tabs += 1;
        assert!(tabs <= 10, "Tab never reached the start button");
        press(Key::Tab.to_string()).await;
    }
    let style = focus_style().await;
    assert_eq!(
        style["background"], FOCUS_YELLOW,
        "the focused start button shows no focus style: {style}"
    );
    press(Key::Enter.to_string()).await;
    b.wait_h1("Enter your access code").await;
    b.axe("the access code page").await;

    // Tab to the code box; type; Tab through Month, Day, Year; Enter.
    let mut tabs = 0;
    while b.active_id().await != "code" {
        tabs += 1;
        assert!(tabs <= 10, "Tab never reached the access code box");
        press(Key::Tab.to_string()).await;
    }
    let style = focus_style().await;
    assert!(
        style["outline"]
            .as_str()
            .unwrap_or_default()
            .starts_with("solid 3px")
            && style["outline"]
                .as_str()
                .unwrap_or_default()
                .ends_with(FOCUS_YELLOW),
        "the focused code box shows no focus outline: {style}"
    );
    press(code.clone()).await;
    for (id, text) in [
        ("dob-month", &dob.month),
        ("dob-day", &dob.day),
        ("dob-year", &dob.year),
    ] {
        press(Key::Tab.to_string()).await;
        assert_eq!(b.active_id().await, id, "Tab order: expected #{id} next");
        press(text.clone()).await;
    }
    press(Key::Enter.to_string()).await;
    b.wait_h1("Create your login").await;
    assert_eq!(b.value("email").await, MARIA_EMAIL);
    b.axe("the create-login page").await;
    b.close().await;
}

/// 6. Clicking twice quickly sends one request: one failed try, one account.
#[tokio::test]
async fn a_double_click_submits_once() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    // A slow connection, so the second click lands while the first is pending.
    b.slow_network(600).await;

    // Records each click on the form's button and what the button said then.
    let watch_clicks = "window.__clicks = []; \
        const button = document.querySelector('main form button[type=submit]'); \
        button.addEventListener('click', () => window.__clicks.push(button.textContent.trim())); \
        return true";
    let double_click = |label: &'static str| {
        let b = &b;
        async move {
            let xpath = format!("//button[normalize-space()='{label}']");
            let button = b.c.find(Locator::XPath(&xpath)).await.expect("button");
            let mouse = MouseActions::new("mouse".into())
                .then(PointerAction::MoveToElement {
                    element: button,
                    duration: None,
                    x: 0,
                    y: 0,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                });
            b.c.perform_actions(mouse).await.expect("double click");
            b.c.release_actions().await.expect("release");
        }
    };
    let clicks = || async {
        let v = b.js("return window.__clicks", vec![]).await;
        serde_json::from_value::<Vec<String>>(v).unwrap()
    };
    // Waits long enough for a second request, if one was sent, to come back.
    let settle = || tokio::time::sleep(Duration::from_millis(1500));

    // On the code page, with a wrong date of birth (each try counts against the code).
    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.type_in("code", &code).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in(
        "dob-year",
        &(dob.year.parse::<i32>().unwrap() + 1).to_string(),
    )
    .await;
    b.js(watch_clicks, vec![]).await;
    double_click("Continue").await;
    assert_eq!(
        clicks().await,
        ["Continue", "Please wait…"],
        "the second click should land while the button says it is working"
    );
    b.wait_summary(NOT_ACCEPTED).await;
    settle().await;
    assert_eq!(
        b.api_calls("signup/code/verify").await,
        1,
        "requests sent for a double click"
    );
    let tries = count(
        &server,
        "SELECT failed_tries FROM access_codes WHERE id = \
         (SELECT MAX(id) FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = $1))",
        ADULT_MRN,
    )
    .await;
    assert_eq!(tries, 1, "a double click counted as two wrong tries");
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "code.verify"
        )
        .await,
        1
    );
    b.axe("the access code page with a wrong date of birth")
        .await;

    // Through to "Check your answers", then double-click "Create account".
    b.retype("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("Create your login").await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.js(watch_clicks, vec![]).await;
    double_click("Create account").await;
    assert_eq!(clicks().await, ["Create account", "Please wait…"]);
    b.wait_h1("Your account is ready").await;
    settle().await;
    b.wait_h1("Your account is ready").await; // and still there: no "already used" page
    assert_eq!(
        b.api_calls("signup/code/create-account").await,
        1,
        "requests sent for a double click"
    );
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM accounts WHERE username_key = $1",
            "maria.g"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "signup.code"
        )
        .await,
        1,
        "one sign-up in the audit log"
    );
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "code.verify"
        )
        .await,
        1,
        "the second click made the server refuse the used code"
    );
    b.axe("the account-ready page").await;
    b.close().await;
}

/// 7. Nothing scrolls sideways at 320 px wide.
#[tokio::test]
async fn pages_fit_a_320_pixel_screen() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.c.set_window_size(320, 700).await.expect("resize");
    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        inner <= 320,
        "the window did not narrow to 320 px (innerWidth {inner})"
    );
    assert!(
        scroll <= inner,
        "the start page scrolls sideways at 320 px: scrollWidth {scroll} > {inner}"
    );
    b.axe("the start page at 320 px").await;

    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        scroll <= inner,
        "the access code page scrolls sideways at 320 px: {scroll} > {inner}"
    );
    b.axe("the access code page at 320 px").await;
    b.enter_code(&code, &dob).await;
    b.type_in("password", "a b").await; // the checklist shows counts
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        scroll <= inner,
        "the create-login page scrolls sideways at 320 px: {scroll} > {inner}"
    );
    b.axe("the create-login page at 320 px").await;
    b.close().await;
}
