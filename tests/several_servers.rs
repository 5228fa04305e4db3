//! Several servers behind one PostgreSQL database: shared limits, one
//! redemption per code across servers, concurrent start-up, and what happens
//! when the database goes away and comes back.
#![cfg(feature = "ssr")]

mod common;

use common::*;
use frontdesk::domain::date::Date;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// A fresh database and two servers on it (the first seeds the demo patients).
async fn two_servers(args: &[&str]) -> (TestServer, TestServer, PgDatabase) {
    let db = PgDatabase::create().await;
    let a = TestServer::start_on(&db.url, &shared_secret(), args).await;
    let b = TestServer::start_on(&db.url, &shared_secret(), args).await;
    (a, b, db)
}

fn create_body(code: &str, dob: &Value, username: &str) -> Value {
    json!({ "code": code_entry(code, dob), "login": login(username, GOOD_PASSWORD, "p@example.com") })
}

#[tokio::test]
async fn fifty_redemptions_across_two_servers_make_one_account() {
    // Room for every attempt in flight at once to count against the
    // client's limit (each is given back when it is not a failure): this is
    // about the one redemption.
    let (a, b, _db) = two_servers(&["--client-failure-limit", "100"]).await;
    let code = a.issue_code(ADULT_MRN);
    let dob = a.dob_of(ADULT_MRN).await;
    let servers = [&a, &b];
    let attempts: Vec<_> = (0..50)
        .map(|i| {
            let server = servers[i % 2];
            let body = create_body(&code, &dob, &format!("racer{i:02}"));
            tokio::spawn({
                let (http, url) = (server.http.clone(), server.url.clone());
                async move {
                    let response = http
                        .post(format!("{url}/api/signup/code/create-account"))
                        .json(&body)
                        .send()
                        .await;
                    let response = response.expect("answer");
                    (
                        response.status(),
                        response.json::<Value>().await.expect("json"),
                    )
                }
            })
        })
        .collect();
    let mut results = Vec::new();
    for attempt in attempts {
        results.push(attempt.await.unwrap());
    }
    let ok = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let used = results
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && *b == json!("code_used"))
        .count();
    assert_eq!((ok, used), (1, 49), "{results:?}");
    let accounts: i64 = a
        .query_one(
            "SELECT COUNT(*) FROM accounts WHERE username_key LIKE $1",
            "racer%",
        )
        .await;
    assert_eq!(accounts, 1);
}

#[tokio::test]
async fn wrong_tries_on_either_server_void_the_code_at_the_fifth() {
    let (a, b, _db) = two_servers(&[]).await;
    let code = a.issue_code(ADULT_MRN);
    let dob = a.dob_of(ADULT_MRN).await;
    let wrong = json!({ "month": "1", "day": "1", "year": "1970" });
    for i in 0..4 {
        let server = if i % 2 == 0 { &a } else { &b };
        let (status, _) = server
            .call(
                "signup/code/verify",
                json!({ "input": code_entry(&code, &wrong) }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    assert_eq!(
        a.call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) })
        )
        .await
        .0,
        StatusCode::OK
    );
    assert_eq!(
        b.call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &wrong) })
        )
        .await
        .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let (status, body) = a
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) }),
        )
        .await;
    assert_eq!((status, body), (StatusCode::GONE, json!("code_voided")));
}

#[tokio::test]
async fn client_limits_hold_across_servers() {
    let (a, b, _db) = two_servers(&["--client-failure-limit", "3"]).await;
    // Both servers read the clock file of their own folder: align both.
    a.align_clock(15 * 60);
    b.align_clock(15 * 60);
    let code = a.issue_code(ADULT_MRN);
    let dob = a.dob_of(ADULT_MRN).await;
    let wrong = json!({ "month": "1", "day": "1", "year": "1970" });
    for server in [&a, &b, &a] {
        let (status, _) = server
            .call(
                "signup/code/verify",
                json!({ "input": code_entry(&code, &wrong) }),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    }
    let (status, _) = b
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) }),
        )
        .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn servers_starting_together_migrate_once() {
    let db = PgDatabase::create().await;
    let starts = (0..3).map(|_| {
        let url = db.url.clone();
        tokio::spawn(async move { TestServer::start_on(&url, &shared_secret(), &[NOT_DEMO]).await })
    });
    let mut servers = Vec::new();
    for start in starts.collect::<Vec<_>>() {
        servers.push(start.await.expect("every server starts"));
    }
    for server in &servers {
        assert!(server.healthy().await);
    }
    let applied = servers[0]
        .count("SELECT COUNT(*) FROM _sqlx_migrations WHERE success")
        .await;
    let files = std::fs::read_dir(repo_dir().join("src/server/migrations/postgres"))
        .unwrap()
        .count();
    assert_eq!(applied as usize, files);
    // Outside demo mode nothing is seeded.
    let patients = servers[0].count("SELECT COUNT(*) FROM patients").await;
    assert_eq!(patients, 0);
}

#[tokio::test]
async fn an_unreachable_database_is_named_without_its_password_and_retried() {
    let started = Instant::now();
    let output = std::process::Command::new(SERVER)
        .args([
            "--database",
            "postgres://fd:hunter2@127.0.0.1:1/fd",
            "--db-startup-timeout",
            "2",
        ])
        .args(["--listen", "127.0.0.1:0"])
        .env("FRONTDESK_SECRET", shared_secret())
        .env("RUST_LOG", "warn")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(started.elapsed() < Duration::from_secs(20));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("postgres://fd:***@127.0.0.1:1/fd"),
        "{stderr}"
    );
    assert!(stderr.contains("retrying"), "{stderr}");
    assert!(!stderr.contains("hunter2"), "{stderr}");
}

#[tokio::test]
async fn postgres_needs_a_secret_shared_by_every_server() {
    let db = PgDatabase::create().await;
    let output = std::process::Command::new(SERVER)
        .args(["--database", &db.url, "--listen", "127.0.0.1:0"])
        .env_remove("FRONTDESK_SECRET")
        .env("RUST_LOG", "warn")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("FRONTDESK_SECRET"));
}

/// The database drops every connection while sign-ups are inside their
/// transactions: each one fails cleanly with "try again" (503), nothing is
/// half-written, and the same sign-ups succeed afterwards without a restart.
#[tokio::test]
async fn lost_database_connections_fail_cleanly_and_the_server_recovers() {
    let db = PgDatabase::create().await;
    let server = TestServer::start_on(&db.url, &shared_secret(), &[]).await;
    // Eight patients old enough for their own account, each with a code.
    let today = Date::today();
    let pool = server.db().await;
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT mrn, date_of_birth FROM patients ORDER BY mrn")
            .fetch_all(&pool)
            .await
            .unwrap();
    let mut signups = Vec::new();
    for (mrn, born) in rows {
        if Date::parse_iso(&born).unwrap().age_on(today) >= 14 && signups.len() < 8 {
            let code = server.issue_code(&mrn);
            let dob = server.dob_of(&mrn).await;
            signups.push(create_body(&code, &dob, &format!("user{mrn}")));
        }
    }
    assert_eq!(signups.len(), 8);

    // Hold back every account insert, so each sign-up waits inside its transaction.
    let mut blocker = pool.begin().await.unwrap();
    sqlx::query("LOCK TABLE accounts IN SHARE ROW EXCLUSIVE MODE")
        .execute(&mut *blocker)
        .await
        .unwrap();
    let burst: Vec<_> = signups
        .iter()
        .map(|body| {
            let (http, url, body) = (server.http.clone(), server.url.clone(), body.clone());
            tokio::spawn(async move {
                let response = http
                    .post(format!("{url}/api/signup/code/create-account"))
                    .json(&body)
                    .send()
                    .await
                    .expect("answer");
                (
                    response.status(),
                    response.json::<Value>().await.expect("json"),
                )
            })
        })
        .collect();
    // Statistics are read from another connection: inside a transaction
    // PostgreSQL keeps showing the snapshot it took first.
    let blocker_pid: i32 = sqlx::query_scalar("SELECT pg_backend_pid()")
        .fetch_one(&mut *blocker)
        .await
        .unwrap();
    let waiting = "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'";
    let deadline = Instant::now() + Duration::from_secs(20);
    while sqlx::query_scalar::<_, i64>(waiting)
        .fetch_one(&pool)
        .await
        .unwrap()
        < 8
    {
        assert!(
            Instant::now() < deadline,
            "the sign-ups never reached the database"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    // The database loses every connection but the test's own two.
    sqlx::query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity \
         WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> $1",
    )
    .bind(blocker_pid)
    .execute(&pool)
    .await
    .unwrap();
    blocker.rollback().await.unwrap();

    for attempt in burst {
        let (status, body) = attempt.await.unwrap();
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE, "{body}");
        let reference = body["unavailable"]["reference"]
            .as_str()
            .expect("a reference");
        assert_eq!(reference.len(), 8);
    }
    // Nothing half-written: no code used without its account, no account without its code.
    let consistent = "SELECT COUNT(*) FROM access_codes c LEFT JOIN accounts a ON a.id = c.account_id \
                      WHERE (c.used_at IS NULL) <> (a.id IS NULL)";
    assert_eq!(
        sqlx::query_scalar::<_, i64>(consistent)
            .fetch_one(&pool)
            .await
            .unwrap(),
        0
    );
    let accounts: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(accounts, 0);

    // The same server, not restarted, serves again: every sign-up now succeeds.
    assert!(server.healthy().await);
    for body in &signups {
        let (status, answer) = server
            .call("signup/code/create-account", body.clone())
            .await;
        assert_eq!(status, StatusCode::OK, "{answer}");
    }
    assert_eq!(
        sqlx::query_scalar::<_, i64>(consistent)
            .fetch_one(&pool)
            .await
            .unwrap(),
        0
    );
    pool.close().await;
}
