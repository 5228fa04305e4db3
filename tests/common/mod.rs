//! Test harness: a real server process on a random port with a temporary
//! database, and helpers to call it the way the browser does.
#![allow(dead_code)] // Each test file uses a different part of the harness.

pub mod smtp;

use reqwest::StatusCode;
use serde_json::{Value, json};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const SERVER: &str = env!("CARGO_BIN_EXE_frontdesk");

/// Demo patients the tests rely on (see src/server/demo.rs).
pub const ADULT_MRN: &str = "100001"; // Maria Garcia, 42
pub const OLDER_ADULT_MRN: &str = "100002"; // Robert Johnson, 71
pub const TEEN_MRN: &str = "100003"; // Aiden Nguyen, 16
pub const CHILD_MRN: &str = "100004"; // Lily Chen, 9
pub const PARENT_MRN: &str = "100009"; // Mei Chen, 38, Lily's mother

pub fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct TestServer {
    pub url: String,
    pub dir: tempfile::TempDir,
    child: Child,
    pub http: reqwest::Client,
    /// The `--database` the server was started with.
    pub database: String,
    /// FRONTDESK_SECRET, when the test gives one (PostgreSQL).
    secret: Option<String>,
    /// Started in demo mode by the harness, so the server and the admin
    /// commands share the test clock.
    test_clock: bool,
    /// A PostgreSQL database made for this server alone, dropped after it.
    _postgres: Option<PgDatabase>,
}

/// The databases a flow test runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Db {
    Sqlite,
    Postgres,
}

/// Runs each listed `async fn name(db: Db)` as two tests, `sqlite::name`
/// and `postgres::name`.
#[macro_export]
macro_rules! on_both_databases {
    ($($name:ident),* $(,)?) => {
        mod sqlite { $( #[tokio::test] async fn $name() { super::$name($crate::common::Db::Sqlite).await } )* }
        mod postgres { $( #[tokio::test] async fn $name() { super::$name($crate::common::Db::Postgres).await } )* }
    };
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(&[]).await
    }

    /// Starts a server with extra flags, on a fresh SQLite database seeded
    /// with the demo patients, serving the built app from `dist/`.
    pub async fn start_with(args: &[&str]) -> TestServer {
        TestServer::start_with_env(&[], args).await
    }

    /// The same with environment variables set for the server.
    pub async fn start_with_env(env: &[(&str, &str)], args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temporary folder");
        let database = dir.path().join("frontdesk.db").display().to_string();
        TestServer::launch(dir, database, None, args, env).await
    }

    /// Starts a server with extra flags on a fresh database of the given kind,
    /// seeded with the demo patients.
    pub async fn start_on_new(db: Db, args: &[&str]) -> TestServer {
        match db {
            Db::Sqlite => TestServer::start_with(args).await,
            Db::Postgres => {
                let postgres = PgDatabase::create().await;
                let mut server = TestServer::start_on(&postgres.url, &shared_secret(), args).await;
                server._postgres = Some(postgres);
                server
            }
        }
    }

    /// Starts a server on a given database (a PostgreSQL URL) with a secret.
    pub async fn start_on(database: &str, secret: &str, args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temporary folder");
        TestServer::launch(
            dir,
            database.to_string(),
            Some(secret.to_string()),
            args,
            &[],
        )
        .await
    }

    /// Servers run in demo mode with the test clock (time moves only when a
    /// test says so, see `advance_clock`), unless the test chooses the mode
    /// itself: `NOT_DEMO`, another `--demo=…`, or FRONTDESK_DEMO.
    async fn launch(
        dir: tempfile::TempDir,
        database: String,
        secret: Option<String>,
        args: &[&str],
        env: &[(&str, &str)],
    ) -> TestServer {
        let mut command = server_command(&database, secret.as_deref());
        let test_clock = !args.iter().any(|a| a.starts_with("--demo"))
            && !env.iter().any(|(name, _)| *name == "FRONTDESK_DEMO");
        if test_clock {
            command
                .arg("--demo")
                .env("FRONTDESK_TEST_CLOCK", dir.path().join("clock"));
        }
        command
            .envs(env.iter().copied())
            .args(["--listen", "127.0.0.1:0", "--dist"])
            .arg(repo_dir().join("dist"))
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        let mut child = command.spawn().expect("server starts");
        let stdout = child.stdout.take().expect("stdout");
        let url = tokio::task::spawn_blocking(move || {
            let mut lines = BufReader::new(stdout).lines();
            for line in lines.by_ref() {
                let line = line.expect("server output");
                if let Some(url) = line.strip_prefix("Front Desk is listening on ") {
                    // Keep draining so the server never blocks on a full pipe.
                    std::thread::spawn(move || for _ in lines {});
                    return url.to_string();
                }
            }
            panic!("the server exited before listening");
        })
        .await
        .expect("server start");
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(60))
            .build()
            .expect("client");
        TestServer {
            url,
            dir,
            child,
            http,
            database,
            secret,
            test_clock,
            _postgres: None,
        }
    }

    /// The server's time now: the real clock plus the test offset.
    pub fn clock_now(&self) -> i64 {
        let offset: i64 = std::fs::read_to_string(self.dir.path().join("clock"))
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        let real = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        real + offset
    }

    /// Moves the server's clock `seconds` further forward.
    pub fn advance_clock(&self, seconds: i64) {
        let file = self.dir.path().join("clock");
        let now: i64 = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        std::fs::write(&file, (now + seconds).to_string()).expect("clock file");
    }

    /// Moves the server's clock to just after the start of a `window`-second
    /// period, so a test counting against a limit never straddles two of
    /// the fixed windows limits are counted in.
    pub fn align_clock(&self, window: i64) {
        let file = self.dir.path().join("clock");
        let offset: i64 = std::fs::read_to_string(&file)
            .ok()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0);
        let real = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let now = real + offset;
        self.advance_clock(window - now.rem_euclid(window) + 1);
    }

    /// Calls a server function as a browser with cookie `cookie` would;
    /// returns status, JSON, and the session cookie the answer sets (name=value).
    pub async fn call_with_cookie(
        &self,
        endpoint: &str,
        body: Value,
        cookie: Option<&str>,
    ) -> (StatusCode, Value, Option<String>) {
        let mut request = self
            .http
            .post(format!("{}/api/{endpoint}", self.url))
            .json(&body);
        if let Some(cookie) = cookie {
            request = request.header("cookie", cookie);
        }
        let response = request.send().await.expect("request");
        let status = response.status();
        let set = response
            .headers()
            .get_all("set-cookie")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .find(|v| v.contains("frontdesk_session=") || v.contains("frontdesk_staff="))
            .map(String::from);
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
            set,
        )
    }

    /// Creates an account for `mrn` through the access-code flow, with the
    /// email `{username}@example.com` confirmed by its code (signed in for
    /// that, then out again).
    pub async fn create_account(&self, mrn: &str, username: &str, password: &str) {
        self.create_account_unconfirmed(mrn, username, password)
            .await;
        let email = format!("{username}@example.com");
        let body = json!({ "credentials": { "username": username, "password": password } });
        let (status, answer, cookie) = self.call_with_cookie("signin", body, None).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let cookie = cookie_pair(&cookie.expect("a session cookie"));
        let code = self.email_confirmation_code(&email).await;
        let (status, answer, _) = self
            .call_with_cookie(
                "account/email/confirm",
                json!({ "code": code }),
                Some(&cookie),
            )
            .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        let (status, _, _) = self
            .call_with_cookie("signout", json!({}), Some(&cookie))
            .await;
        assert_eq!(status, StatusCode::OK);
    }

    /// Creates an account for `mrn` with a paper code and the email
    /// `{username}@example.com`, which no code went to: it waits for its own.
    pub async fn create_account_unconfirmed(&self, mrn: &str, username: &str, password: &str) {
        let code = self.issue_code(mrn);
        let dob = self.dob_of(mrn).await;
        let body = json!({ "code": code_entry(&code, &dob), "login": login(username, password, &format!("{username}@example.com")) });
        let (status, answer) = self.call("signup/code/create-account", body).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        assert_eq!(answer["email_to_confirm"], true, "{answer}");
    }

    /// The 6-digit code in the newest "confirm this address" email to `to`.
    pub async fn email_confirmation_code(&self, to: &str) -> String {
        let (subject, text) = self.last_email_to(to).await.expect("a confirmation email");
        assert_eq!(subject, "Confirm your new patient portal email address");
        let start =
            text.find("this email address is ").expect("the code") + "this email address is ".len();
        text[start..start + 6].to_string()
    }

    /// Adds a staff member with `staff add`; returns the setup code printed.
    pub fn add_staff(&self, username: &str, role: &str) -> String {
        let out = self.admin(&["staff", "add", "--username", username, "--role", role]);
        assert!(
            out.status.success(),
            "staff add failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout)
            .expect("utf-8")
            .lines()
            .find_map(|l| l.strip_prefix("Setup code: "))
            .expect("the setup code is printed")
            .to_string()
    }

    /// A staff member with `role`, set up with `STAFF_PASSWORD` and signed
    /// in: the session cookie to send (name=value).
    pub async fn staff_session(&self, username: &str, role: &str) -> String {
        let code = self.add_staff(username, role);
        let body =
            json!({ "setup": { "username": username, "code": code, "password": STAFF_PASSWORD } });
        let (status, answer, cookie) = self.call_with_cookie("staff/setup", body, None).await;
        assert_eq!(status, StatusCode::OK, "{answer}");
        cookie_pair(&cookie.expect("a staff session cookie"))
    }

    /// A sign-up the system cannot verify (Maria's birthday and first name
    /// with another surname), from `email`: its reference.
    pub async fn unverified_signup(&self, email: &str) -> String {
        let dob = self.dob_of(ADULT_MRN).await;
        let details = json!({
            "first_name": "Maria", "middle_name": "", "last_name": "Garza",
            "dob": dob, "legal_sex": "F", "street": "9 Birch Rd", "city": "Albany", "state": "NY",
            "zip": "12207", "mobile_phone": "(555) 555-0199", "email": email,
        });
        let (status, body) = self
            .call("signup/verify/details", json!({ "details": details }))
            .await;
        assert_eq!(status, StatusCode::OK, "{body}");
        body["pending"]["reference"]
            .as_str()
            .expect("pending")
            .to_string()
    }

    /// Gives Mei Chen, the mother Lily Chen's record lists (same name and
    /// email), an account `mei.chen`.
    pub async fn add_parent_mei(&self) {
        self.create_account(PARENT_MRN, "mei.chen", GOOD_PASSWORD)
            .await;
    }

    /// Runs the server binary's subcommand against this server's database.
    pub fn admin(&self, args: &[&str]) -> std::process::Output {
        let mut command = server_command(&self.database, self.secret.as_deref());
        // The same clock as a demo server's, so codes it makes expire alike.
        if self.test_clock {
            command
                .env("FRONTDESK_DEMO", "true")
                .env("FRONTDESK_TEST_CLOCK", self.dir.path().join("clock"));
        }
        command.args(args).output().expect("admin command runs")
    }

    /// Issues a fresh code for `mrn` with the command line tool.
    pub fn issue_code(&self, mrn: &str) -> String {
        let out = self.admin(&["issue-code", "--mrn", mrn]);
        assert!(
            out.status.success(),
            "issue-code failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let text = String::from_utf8(out.stdout).expect("utf-8");
        text.lines()
            .find_map(|l| l.strip_prefix("Access code: "))
            .expect("the code is printed")
            .to_string()
    }

    /// A patient's date of birth as the three boxes a person types.
    pub async fn dob_of(&self, mrn: &str) -> Value {
        let iso: String = self
            .query_one("SELECT date_of_birth FROM patients WHERE mrn = $1", mrn)
            .await;
        let mut parts = iso.split('-');
        let (y, m, d) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        json!({ "month": m, "day": d, "year": y })
    }

    /// The server's database file (SQLite servers only).
    pub fn database_file(&self) -> PathBuf {
        PathBuf::from(&self.database)
    }

    /// A connection to the server's database, SQLite or PostgreSQL.
    pub async fn db(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        let url = if self.database.contains("://") {
            self.database.clone()
        } else {
            format!("sqlite://{}", self.database)
        };
        sqlx::AnyPool::connect(&url)
            .await
            .expect("open test database")
    }

    pub async fn query_one<T>(&self, sql: &str, arg: &str) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any> + Send + Unpin,
    {
        let pool = self.db().await;
        let value = sqlx::query_scalar(sql)
            .bind(arg)
            .fetch_one(&pool)
            .await
            .expect("query");
        pool.close().await;
        value
    }

    /// A `SELECT COUNT(*)` (or other single integer) without parameters.
    pub async fn count(&self, sql: &str) -> i64 {
        let pool = self.db().await;
        let value = sqlx::query_scalar(sql)
            .fetch_one(&pool)
            .await
            .expect("query");
        pool.close().await;
        value
    }

    /// The newest email sent to `to`: (subject, text body).
    pub async fn last_email_to(&self, to: &str) -> Option<(String, String)> {
        let pool = self.db().await;
        let row = sqlx::query_as(
            "SELECT subject, text_body FROM outbox WHERE to_addr = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(to)
        .fetch_optional(&pool)
        .await
        .expect("outbox");
        pool.close().await;
        row
    }

    pub async fn execute(&self, sql: &str) {
        let pool = self.db().await;
        sqlx::raw_sql(sql).execute(&pool).await.expect("statement");
        pool.close().await;
    }

    /// Calls a server function with a JSON body; returns status and JSON.
    pub async fn call(&self, endpoint: &str, body: Value) -> (StatusCode, Value) {
        let response = self
            .http
            .post(format!("{}/api/{endpoint}", self.url))
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = response.status();
        let text = response.text().await.expect("body");
        (
            status,
            serde_json::from_str(&text).unwrap_or(Value::String(text)),
        )
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.http
            .get(format!("{}{path}", self.url))
            .send()
            .await
            .expect("request")
    }

    pub async fn healthy(&self) -> bool {
        self.get("/healthz").await.status() == StatusCode::OK
    }
}

/// The server binary with a database and (optionally) a secret.
fn server_command(database: &str, secret: Option<&str>) -> Command {
    let mut command = Command::new(SERVER);
    command
        .arg("--database")
        .arg(database)
        .env(
            "RUST_LOG",
            std::env::var("FRONTDESK_TEST_LOG").unwrap_or_else(|_| "warn".into()),
        )
        .env_remove("FRONTDESK_SECRET")
        .env_remove("FRONTDESK_DEMO")
        .env_remove("FRONTDESK_TEST_CLOCK")
        .env_remove("DATABASE_URL");
    if let Some(secret) = secret {
        command.env("FRONTDESK_SECRET", secret);
    }
    command
}

impl Drop for TestServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The body of the first step.
pub fn code_entry(code: &str, dob: &Value) -> Value {
    json!({ "code": code, "dob": dob })
}

/// A new login; `own_account` is ticked (only a teen's sign-up asks for it).
pub fn login(username: &str, password: &str, email: &str) -> Value {
    json!({ "username": username, "password": password, "email": email, "own_account": true })
}

/// The flag that starts a test server outside demo mode: nothing seeded, no
/// mailbox, the real clock (a production server).
pub const NOT_DEMO: &str = "--demo=false";

/// The password `staff_session` sets.
pub const STAFF_PASSWORD: &str = "amber harbor lights the fog";

/// `name=value` of a `Set-Cookie` header.
pub fn cookie_pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap_or_default().to_string()
}

pub const GOOD_PASSWORD: &str = "violet tractor sings at dawn";

pub fn dist_exists() -> bool {
    Path::new(&repo_dir().join("dist/index.html")).exists()
}

/// The PostgreSQL server tests create their databases on:
/// FRONTDESK_TEST_POSTGRES, or the one this machine kind runs.
pub fn postgres_admin_url() -> String {
    std::env::var("FRONTDESK_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A fresh PostgreSQL database for one test, dropped with it.
pub struct PgDatabase {
    pub url: String,
    name: String,
}

impl PgDatabase {
    pub async fn create() -> PgDatabase {
        use std::sync::atomic::{AtomicU32, Ordering};
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let name = format!(
            "frontdesk_test_{}_{}_{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        let admin_url = postgres_admin_url();
        let admin = sqlx::PgPool::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!("PostgreSQL at {admin_url} is needed for these tests (set FRONTDESK_TEST_POSTGRES): {e}")
        });
        sqlx::raw_sql(&format!("CREATE DATABASE {name}"))
            .execute(&admin)
            .await
            .expect("create test database");
        admin.close().await;
        let base = admin_url
            .rsplit_once('/')
            .map_or(admin_url.as_str(), |(b, _)| b);
        PgDatabase {
            url: format!("{base}/{name}"),
            name,
        }
    }
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let name = self.name.clone();
        // Drop runs outside async; a small runtime of its own does the work.
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap();
            runtime.block_on(async {
                if let Ok(admin) = sqlx::PgPool::connect(&postgres_admin_url()).await {
                    let _ = sqlx::raw_sql(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                        .execute(&admin)
                        .await;
                    admin.close().await;
                }
            });
        })
        .join();
    }
}

/// A server secret for servers that must share one.
pub fn shared_secret() -> String {
    "5e".repeat(32)
}

/// Runs futures concurrently on the current task and collects their outputs
/// in order (no extra crate needed).
pub async fn join_all<F: std::future::Future>(
    futures: impl IntoIterator<Item = F>,
) -> Vec<F::Output> {
    let mut futures: Vec<_> = futures.into_iter().map(Box::pin).collect();
    let mut outputs: Vec<Option<F::Output>> = futures.iter().map(|_| None).collect();
    std::future::poll_fn(|cx| {
        let mut pending = false;
        for (f, out) in futures.iter_mut().zip(outputs.iter_mut()) {
            if out.is_none() {
                match f.as_mut().poll(cx) {
                    std::task::Poll::Ready(v) => *out = Some(v),
                    std::task::Poll::Pending => pending = true,
                }
            }
        }
        if pending {
            std::task::Poll::Pending
        } else {
            std::task::Poll::Ready(())
        }
    })
    .await;
    outputs.into_iter().map(|o| o.expect("finished")).collect()
}
