//! Signing in and out, sessions, slow-down and locks, and the old-portal
//! notice, over HTTP against real servers (with a test clock, not sleeps).

on_both_databases!(
    a_person_signs_in_and_out,
    every_failure_looks_the_same,
    failures_slow_down_then_lock_the_account,
    sessions_end_when_idle_and_at_their_limit,
    signing_out_everywhere_ends_every_session,
    old_portal_usernames_get_the_notice,
    a_burst_of_guesses_counts_like_guesses_one_after_another,
    a_staff_burst_counts_like_guesses_one_after_another,
    counting_starts_again_when_a_lock_ends,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = GOOD_PASSWORD;

fn creds(username: &str, password: &str) -> Value {
    json!({ "credentials": { "username": username, "password": password } })
}

/// Signs in; returns the cookie to send back (name=value).
async fn sign_in(server: &TestServer, username: &str, password: &str) -> String {
    let (status, body, cookie) = server
        .call_with_cookie("signin", creds(username, password), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.get("signed_in").is_some(), "{body}");
    let cookie = cookie.expect("a session cookie");
    cookie.split(';').next().unwrap().to_string()
}

async fn home(server: &TestServer, cookie: &str) -> Value {
    let (status, body, _) = server
        .call_with_cookie("home", json!({}), Some(cookie))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn a_person_signs_in_and_out(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let (status, _, set_cookie) = server
        .call_with_cookie("signin", creds("Maria.G", PASSWORD), None)
        .await;
    assert_eq!(status, StatusCode::OK);
    let set_cookie = set_cookie.unwrap();
    for attribute in ["HttpOnly", "SameSite=Lax", "Path=/", "Max-Age=43200"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains("Secure"), "plain HTTP: {set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_string();
    let id = cookie.split('=').nth(1).unwrap();
    assert_eq!(id.len(), 64, "256 random bits");
    // Only a keyed hash of the id is stored.
    assert_eq!(
        server
            .count(&format!(
                "SELECT COUNT(*) FROM sessions WHERE id_hash = '{id}'"
            ))
            .await,
        0
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 1);

    let me = home(&server, &cookie).await;
    assert_eq!(me["first_name"], "Maria");
    assert_eq!(me["username"], "maria.g");
    assert_eq!(
        me["records"],
        json!([{ "name": "Maria Garcia", "relationship": "Your own record", "href": "/records" }])
    );
    assert_eq!(
        home(&server, "frontdesk_session=nonsense").await,
        Value::Null
    );

    // A new sign-in gets a new id; the old one stops working.
    let (_, _, renewed) = server
        .call_with_cookie("signin", creds("maria.g", PASSWORD), Some(&cookie))
        .await;
    let renewed = renewed.unwrap().split(';').next().unwrap().to_string();
    assert_ne!(renewed, cookie);
    assert_eq!(home(&server, &cookie).await, Value::Null);

    let (status, _, cleared) = server
        .call_with_cookie("signout", json!({}), Some(&renewed))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(cleared.unwrap().contains("Max-Age=0"));
    assert_eq!(home(&server, &renewed).await, Value::Null);
    let signed_in: i64 = server
        .query_one("SELECT COUNT(*) FROM audit_log WHERE action = $1", "signin")
        .await;
    assert_eq!(signed_in, 3, "with the one that confirmed the email");
}

async fn every_failure_looks_the_same(db: Db) {
    let server = TestServer::start_on_new(db, &["--signin-lock-after", "1"]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", PASSWORD)
        .await;
    let unknown = server.call("signin", creds("nobody.here", PASSWORD)).await;
    let wrong = server
        .call("signin", creds("maria.g", "not the right password at all"))
        .await;
    // maria.g is now locked (one failure locks here): the right password reads the same.
    let locked = server.call("signin", creds("maria.g", PASSWORD)).await;
    assert_eq!(unknown.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(unknown, wrong);
    assert_eq!(wrong, locked);
    assert_eq!(
        unknown.1["invalid"]["errors"][0]["message"],
        "Enter a correct username and password. After too many wrong tries, sign-in pauses for a while; you can reset your password at any time"
    );
    // Another account is not affected.
    sign_in(&server, "robert.j", PASSWORD).await;
}

async fn failures_slow_down_then_lock_the_account(db: Db) {
    let args = [
        "--signin-slow-after",
        "2",
        "--signin-lock-after",
        "4",
        "--signin-lock-minutes",
        "15",
    ];
    let server = TestServer::start_on_new(db, &args).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let wrong = || server.call("signin", creds("maria.g", "a wrong password, honestly"));
    let right = || server.call("signin", creds("maria.g", PASSWORD));
    for _ in 0..2 {
        assert_eq!(wrong().await.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
    // Two failures: the next try waits 2 s, even with the right password.
    assert_eq!(right().await.0, StatusCode::UNPROCESSABLE_ENTITY);
    server.advance_clock(2);
    assert_eq!(right().await.0, StatusCode::OK, "the wait is over");
    // Success cleared the count. Four failures (waiting each time) lock it.
    for wait in [0, 0, 2, 4] {
        server.advance_clock(wait);
        assert_eq!(wrong().await.0, StatusCode::UNPROCESSABLE_ENTITY);
    }
    server.advance_clock(60);
    assert_eq!(right().await.0, StatusCode::UNPROCESSABLE_ENTITY, "locked");
    let locked: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE outcome = $1",
            "wrong password; account locked",
        )
        .await;
    assert_eq!(locked, 1);
    server.advance_clock(15 * 60);
    assert_eq!(right().await.0, StatusCode::OK, "the lock expired");
}

async fn sessions_end_when_idle_and_at_their_limit(db: Db) {
    let args = ["--session-idle-minutes", "30", "--session-max-hours", "1"];
    let server = TestServer::start_on_new(db, &args).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let cookie = sign_in(&server, "maria.g", PASSWORD).await;
    server.advance_clock(29 * 60);
    assert_ne!(
        home(&server, &cookie).await,
        Value::Null,
        "active within 30 minutes"
    );
    server.advance_clock(31 * 60);
    assert_eq!(
        home(&server, &cookie).await,
        Value::Null,
        "idle for 31 minutes"
    );

    let cookie = sign_in(&server, "maria.g", PASSWORD).await;
    for _ in 0..2 {
        server.advance_clock(25 * 60);
        assert_ne!(home(&server, &cookie).await, Value::Null);
    }
    server.advance_clock(11 * 60);
    assert_eq!(
        home(&server, &cookie).await,
        Value::Null,
        "an hour after sign-in, however active"
    );
}

async fn signing_out_everywhere_ends_every_session(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let phone = sign_in(&server, "maria.g", PASSWORD).await;
    let laptop = sign_in(&server, "maria.g", PASSWORD).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 2);
    let (status, _, _) = server
        .call_with_cookie("signout-everywhere", json!({}), Some(&phone))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(home(&server, &laptop).await, Value::Null);
    assert_eq!(home(&server, &phone).await, Value::Null);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);
}

async fn old_portal_usernames_get_the_notice(db: Db) {
    let server = TestServer::start_on_new(db, &["--old-portal-name", "MyHealth Online"]).await;
    server
        .execute(
            "INSERT INTO old_portal_users (username_key, username, mrn, imported_at) \
             VALUES ('mgarcia84', 'MGarcia84', '100001', 0), ('robert.j', 'robert.j', '100002', 0)",
        )
        .await;
    let (status, body) = server
        .call("signin", creds("mgarcia84", "whatever it was before"))
        .await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({ "old_portal_username": { "portal_name": "MyHealth Online" } })
        )
    );
    // A new account with the same username gets no notice.
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", PASSWORD)
        .await;
    assert_eq!(
        server
            .call("signin", creds("robert.j", "wrong wrong wrong wrong"))
            .await
            .0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    sign_in(&server, "robert.j", PASSWORD).await;
}

#[tokio::test]
async fn secure_cookies_over_https() {
    let server = TestServer::start_with(&["--https"]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let (_, _, set_cookie) = server
        .call_with_cookie("signin", creds("maria.g", PASSWORD), None)
        .await;
    let set_cookie = set_cookie.unwrap();
    assert!(
        set_cookie.starts_with("__Host-frontdesk_session="),
        "{set_cookie}"
    );
    assert!(
        set_cookie.contains("; Secure")
            && set_cookie.contains("Path=/")
            && !set_cookie.contains("Domain")
    );
}

#[tokio::test]
async fn other_sites_cannot_sign_people_out() {
    let server = TestServer::start().await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let cookie = sign_in(&server, "maria.g", PASSWORD).await;
    let response = server
        .http
        .post(format!("{}/api/signout", server.url))
        .header("cookie", &cookie)
        .header("origin", "https://evil.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_ne!(home(&server, &cookie).await, Value::Null);
}

#[tokio::test]
async fn unknown_and_known_usernames_take_the_same_time() {
    let server = TestServer::start_with(&["--signin-client-failure-limit", "1000"]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let mut known = Vec::new();
    let mut unknown = Vec::new();
    for i in 0..50 {
        for (name, times) in [("maria.g", &mut known), ("nobody.here", &mut unknown)] {
            let started = std::time::Instant::now();
            let (status, body) = server
                .call("signin", creds(name, &format!("wrong password number {i}")))
                .await;
            times.push(started.elapsed());
            assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        }
        // Keep the real account below its slow-down.
        server
            .execute("UPDATE accounts SET failed_signins = 0, last_failed_signin_at = NULL")
            .await;
    }
    let median = |v: &mut Vec<std::time::Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let (k, u) = (median(&mut known), median(&mut unknown));
    let gap = k.abs_diff(u);
    assert!(
        gap < std::time::Duration::from_millis(10),
        "known {k:?} unknown {u:?}"
    );
}

/// `n` sign-ins at once at `endpoint`, the right password at `right_at`.
async fn burst(
    server: &TestServer,
    endpoint: &str,
    username: &str,
    n: usize,
    right_at: Option<usize>,
) -> Vec<(StatusCode, Value)> {
    let calls = (0..n).map(|i| {
        let password = if Some(i) == right_at {
            PASSWORD
        } else {
            "a wrong password, honestly"
        };
        server.call(endpoint, creds(username, password))
    });
    join_all(calls).await
}

/// Burst tests count against the lock (which lasts minutes), not the
/// slow-down (seconds of the real clock, which a loaded machine can pass).
const BURST_ARGS: [&str; 8] = [
    "--signin-slow-after",
    "100",
    "--signin-lock-after",
    "10",
    "--hash-queue",
    "64",
    "--signin-client-failure-limit",
    "1000",
];

/// Thirty guesses at once are counted and locked exactly as thirty guesses
/// one after another: the old code checked a stale copy of the account, so
/// every guess ran, all thirty were counted, and the right password inside
/// a burst signed in after the lock should have held.
async fn a_burst_of_guesses_counts_like_guesses_one_after_another(db: Db) {
    let server = TestServer::start_on_new(db, &BURST_ARGS).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    burst_counts_like_a_sequence(&server, "signin", "accounts", "maria.g").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);
}

async fn a_staff_burst_counts_like_guesses_one_after_another(db: Db) {
    let server = TestServer::start_on_new(db, &BURST_ARGS).await;
    let code = server.add_staff("dana.help", "agent");
    let setup = json!({ "setup": { "username": "dana.help", "code": code, "password": PASSWORD } });
    assert_eq!(server.call("staff/setup", setup).await.0, StatusCode::OK);
    burst_counts_like_a_sequence(&server, "staff/signin", "staff", "dana.help").await;
    let sessions = server.count("SELECT COUNT(*) FROM staff_sessions").await;
    assert_eq!(sessions, 1, "only the one set-up made");
}

async fn burst_counts_like_a_sequence(
    server: &TestServer,
    endpoint: &str,
    table: &str,
    username: &str,
) {
    let sql = format!("SELECT failed_signins FROM {table} WHERE username_key = $1");
    let failures = || server.query_one::<i64>(&sql, username);
    let answers = burst(server, endpoint, username, 30, None).await;
    assert!(
        answers
            .iter()
            .all(|a| a.0 == StatusCode::UNPROCESSABLE_ENTITY),
        "{answers:?}"
    );
    assert_eq!(failures().await, 10, "one after another, the tenth locks");
    let locks: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE outcome = $1",
            "wrong password; account locked",
        )
        .await;
    assert_eq!(locks, 1);
    // The right password inside the next burst does not sign in.
    let answers = burst(server, endpoint, username, 30, Some(15)).await;
    assert!(
        answers
            .iter()
            .all(|a| a.0 == StatusCode::UNPROCESSABLE_ENTITY),
        "{answers:?}"
    );
    assert_eq!(failures().await, 10);
}

/// When a lock ends, counting starts again: one wrong try now and then
/// cannot keep the real person locked out.
async fn counting_starts_again_when_a_lock_ends(db: Db) {
    let args = ["--signin-slow-after", "100", "--signin-lock-after", "3"];
    let server = TestServer::start_on_new(db, &args).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let wrong = || server.call("signin", creds("maria.g", "a wrong password, honestly"));
    for _ in 0..3 {
        wrong().await;
    }
    // A stranger tries once every 15 minutes, just after each lock ends.
    for _ in 0..4 {
        server.advance_clock(15 * 60 + 1);
        assert_eq!(wrong().await.0, StatusCode::UNPROCESSABLE_ENTITY);
        let (status, _) = server.call("signin", creds("maria.g", PASSWORD)).await;
        assert_eq!(status, StatusCode::OK, "one wrong try does not lock again");
        for _ in 0..3 {
            wrong().await;
        }
    }
}

/// More hashes than may wait are refused at once with "busy, try again",
/// never queued without bound.
#[tokio::test]
async fn a_flood_of_sign_ins_is_told_to_come_back() {
    let server = TestServer::start_with(&[
        "--hash-concurrency",
        "1",
        "--hash-queue",
        "2",
        "--signin-client-failure-limit",
        "1000",
    ])
    .await;
    let calls = (0..40).map(|i| {
        server
            .http
            .post(format!("{}/api/signin", server.url))
            .json(&creds(&format!("someone{i}"), "a wrong password, honestly"))
            .send()
    });
    let responses = join_all(calls).await;
    let mut busy = 0;
    for response in responses {
        let response = response.expect("an answer");
        match response.status() {
            StatusCode::UNPROCESSABLE_ENTITY => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(response.headers()["retry-after"], "2");
                let body: Value = response.json().await.unwrap();
                assert_eq!(body, json!({ "busy": { "retry_after_seconds": 2 } }));
                busy += 1;
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert!(busy > 0, "a queue of two cannot hold forty hashes");
    assert!(server.healthy().await);
}

/// A client's failure limit holds in a burst: the check and the count are
/// one step, so 40 guesses at once against a limit of 30 get 30 answers and
/// ten refusals, as 40 one after another would.
#[tokio::test]
async fn a_clients_limit_holds_in_a_burst() {
    let server = TestServer::start_with(&["--hash-queue", "64"]).await;
    server.align_clock(15 * 60);
    let calls = (0..40).map(|i| {
        server.call(
            "signin",
            creds(&format!("someone{i}"), "a wrong password, honestly"),
        )
    });
    let answers = join_all(calls).await;
    let refused = answers
        .iter()
        .filter(|a| a.0 == StatusCode::TOO_MANY_REQUESTS)
        .count();
    let answered = answers
        .iter()
        .filter(|a| a.0 == StatusCode::UNPROCESSABLE_ENTITY)
        .count();
    assert_eq!((answered, refused), (30, 10));
    let counted: i64 = server
        .query_one(
            "SELECT failures FROM failure_counters WHERE scope = $1",
            "signin-client",
        )
        .await;
    assert_eq!(counted, 30);
}
