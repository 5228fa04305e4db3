//! Test harness: a real server process on a random port with a temporary
//! database, and helpers to call it the way the browser does.
#![allow(dead_code)] // Each test file uses a different part of the harness.

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

pub fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct TestServer {
    pub url: String,
    pub dir: tempfile::TempDir,
    child: Child,
    pub http: reqwest::Client,
}

impl TestServer {
    pub async fn start() -> TestServer {
        TestServer::start_with(&[]).await
    }

    /// Starts a server with extra flags, on a fresh database seeded with the
    /// demo patients, serving the built app from `dist/`.
    pub async fn start_with(args: &[&str]) -> TestServer {
        let dir = tempfile::tempdir().expect("temporary folder");
        let database = dir.path().join("frontdesk.db");
        let mut child = Command::new(SERVER)
            .arg("--database")
            .arg(&database)
            .args(["--listen", "127.0.0.1:0", "--dist"])
            .arg(repo_dir().join("dist"))
            .args(args)
            .env("RUST_LOG", "warn")
            .env_remove("FRONTDESK_SECRET")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("server starts");
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
        }
    }

    pub fn database(&self) -> PathBuf {
        self.dir.path().join("frontdesk.db")
    }

    /// Runs the server binary's subcommand against this server's database.
    pub fn admin(&self, args: &[&str]) -> std::process::Output {
        Command::new(SERVER)
            .arg("--database")
            .arg(self.database())
            .args(args)
            .env("RUST_LOG", "warn")
            .env_remove("FRONTDESK_SECRET")
            .output()
            .expect("admin command runs")
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

    pub async fn db(&self) -> sqlx::SqlitePool {
        sqlx::SqlitePool::connect(&format!("sqlite://{}", self.database().display()))
            .await
            .expect("open test database")
    }

    pub async fn query_one<T>(&self, sql: &str, arg: &str) -> T
    where
        T: for<'r> sqlx::Decode<'r, sqlx::Sqlite> + sqlx::Type<sqlx::Sqlite> + Send + Unpin,
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

    pub async fn execute(&self, sql: &str) {
        let pool = self.db().await;
        sqlx::query(sql).execute(&pool).await.expect("statement");
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

pub fn login(username: &str, password: &str, email: &str) -> Value {
    json!({ "username": username, "password": password, "email": email })
}

pub const GOOD_PASSWORD: &str = "violet tractor sings at dawn";

pub fn dist_exists() -> bool {
    Path::new(&repo_dir().join("dist/index.html")).exists()
}
