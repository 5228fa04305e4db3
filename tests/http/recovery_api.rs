//! Forgot username, forgot password and reset, and the old-portal import,
//! over HTTP against real servers (with a test clock, not sleeps).

on_both_databases!(
    a_forgotten_password_is_reset_with_the_emailed_code,
    reset_codes_expire_work_once_and_end_at_the_fifth_wrong_try,
    a_reset_lifts_a_lock_and_ends_every_session,
    a_stranger_cannot_stop_a_reset,
    a_held_reset_code_outlasts_a_strangers_requests,
    a_forgotten_username_is_emailed,
    old_portal_usernames_are_imported_and_noticed,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const PASSWORD: &str = GOOD_PASSWORD;
const NEW_PASSWORD: &str = "a brand new lantern by the sea";
const MARIA_EMAIL: &str = "maria.g@example.com";
/// The one answer to every reset code that cannot be used.
const CODE_NOT_RIGHT: &str = "The code is not right, or it no longer works. Check the code in \
     the email and try again. A code works for 15 minutes and 5 tries: after that, ask for a new code";

async fn send_reset_code(server: &TestServer, username: &str) -> (StatusCode, Value) {
    server
        .call(
            "recover/password",
            json!({ "request": { "username": username } }),
        )
        .await
}

async fn reset(
    server: &TestServer,
    username: &str,
    code: &str,
    password: &str,
) -> (StatusCode, Value) {
    let body = json!({ "request": { "username": username, "code": code, "password": password } });
    server.call("recover/reset", body).await
}

/// The code in the newest reset email.
async fn emailed_reset_code(server: &TestServer) -> String {
    let (subject, text) = server.last_email_to(MARIA_EMAIL).await.expect("an email");
    assert_eq!(subject, "Your patient portal password reset code");
    let start = text.find("reset your password is ").unwrap() + "reset your password is ".len();
    text[start..start + 9].to_string()
}

async fn signs_in(server: &TestServer, password: &str) -> bool {
    let body = json!({ "credentials": { "username": "maria.g", "password": password } });
    server.call("signin", body).await.0 == StatusCode::OK
}

async fn a_forgotten_password_is_reset_with_the_emailed_code(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let known = send_reset_code(&server, "Maria.G").await;
    let unknown = send_reset_code(&server, "nobody.here").await;
    assert_eq!(known, (StatusCode::OK, json!("email_sent")));
    assert_eq!(
        unknown, known,
        "the same answer whether or not the account exists"
    );
    let code = emailed_reset_code(&server).await;
    assert_eq!(code.len(), 9, "XXXX-XXXX");

    // The password policy applies, names included, without using the code up.
    let (status, body) = reset(&server, "maria.g", &code, "garcia garcia garcia garcia").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "Password must not contain your name"
    );

    let (status, _, set_cookie) = server
        .call_with_cookie(
            "recover/reset",
            json!({ "request": { "username": "maria.g", "code": code.to_lowercase().replace('-', " "), "password": NEW_PASSWORD } }),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(set_cookie.is_none(), "no automatic sign-in");
    let (subject, _) = server.last_email_to(MARIA_EMAIL).await.unwrap();
    assert_eq!(subject, "Your patient portal password was changed");
    assert!(signs_in(&server, NEW_PASSWORD).await);
    assert!(!signs_in(&server, PASSWORD).await);
}

async fn reset_codes_expire_work_once_and_end_at_the_fifth_wrong_try(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    // Expiry: 15 minutes.
    send_reset_code(&server, "maria.g").await;
    let code = emailed_reset_code(&server).await;
    server.advance_clock(15 * 60 + 1);
    let (_, body) = reset(&server, "maria.g", &code, NEW_PASSWORD).await;
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "This code has expired. Ask for a new code"
    );

    // A newer code leaves the older one working (whoever asked for it);
    // a code works once, and using one ends the others.
    send_reset_code(&server, "maria.g").await;
    let older = emailed_reset_code(&server).await;
    send_reset_code(&server, "maria.g").await;
    let newer = emailed_reset_code(&server).await;
    assert_ne!(older, newer);
    assert_eq!(
        reset(&server, "maria.g", &older, NEW_PASSWORD).await.0,
        StatusCode::OK
    );
    for used in [&older, &newer] {
        let (_, body) = reset(&server, "maria.g", used, "yet another lantern by the sea").await;
        assert_eq!(body["invalid"]["errors"][0]["message"], CODE_NOT_RIGHT);
    }

    // Five wrong tries end it (a new hour: the account's email allowance is back).
    server.advance_clock(3600);
    send_reset_code(&server, "maria.g").await;
    let code = emailed_reset_code(&server).await;
    // Every wrong try, the fifth included, answers as a username without an
    // account does, so the answers tell nobody which usernames are real.
    for n in 1..=6 {
        let real = reset(&server, "maria.g", "ZZZZ-ZZZZ", NEW_PASSWORD).await;
        let nobody = reset(&server, "nobody.here", "ZZZZ-ZZZZ", NEW_PASSWORD).await;
        assert_eq!(real.0, StatusCode::UNPROCESSABLE_ENTITY, "try {n}");
        assert_eq!(real.1["invalid"]["errors"][0]["message"], CODE_NOT_RIGHT);
        assert_eq!(real, nobody, "try {n}");
    }
    // The code ended at the fifth: the right one no longer works either.
    let last_try = "one more lantern across the bay";
    let (status, body) = reset(&server, "maria.g", &code, last_try).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["invalid"]["errors"][0]["message"], CODE_NOT_RIGHT);
    assert!(!signs_in(&server, last_try).await);
}

/// Calls a server function as a client at `addr` behind the trusted proxy.
async fn call_from(server: &TestServer, addr: &str, endpoint: &str, body: Value) -> StatusCode {
    server
        .http
        .post(format!("{}/api/{endpoint}", server.url))
        .header("x-forwarded-for", addr)
        .json(&body)
        .send()
        .await
        .expect("request")
        .status()
}

/// A stranger asking for resets again and again uses up their own share of
/// emails, not the real person's: the real person still gets a code and
/// resets with it.
async fn a_stranger_cannot_stop_a_reset(db: Db) {
    let server = TestServer::start_on_new(db, &["--trust-proxy"]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let ask = json!({ "request": { "username": "maria.g" } });
    for _ in 0..6 {
        let status = call_from(&server, "203.0.113.66", "recover/password", ask.clone()).await;
        assert_eq!(status, StatusCode::OK);
    }
    let sent = || server.count("SELECT COUNT(*) FROM reset_codes");
    assert_eq!(
        sent().await,
        3,
        "the stranger's share: three emails an hour"
    );
    let status = call_from(&server, "198.51.100.20", "recover/password", ask).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        sent().await,
        4,
        "the real person's request still sends a code"
    );
    let code = emailed_reset_code(&server).await;
    let body =
        json!({ "request": { "username": "maria.g", "code": code, "password": NEW_PASSWORD } });
    let status = call_from(&server, "198.51.100.20", "recover/reset", body).await;
    assert_eq!(status, StatusCode::OK);
    assert!(signs_in(&server, NEW_PASSWORD).await);
}

/// The code the real person holds keeps working however many codes a
/// stranger has sent since, up to the account's cap.
async fn a_held_reset_code_outlasts_a_strangers_requests(db: Db) {
    let server = TestServer::start_on_new(db, &["--trust-proxy"]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let ask = json!({ "request": { "username": "maria.g" } });
    let status = call_from(&server, "198.51.100.20", "recover/password", ask.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let held = emailed_reset_code(&server).await;
    // Strangers from many addresses, past the account's cap of ten an hour.
    for n in 0..12 {
        let from = format!("203.0.113.{}", 10 + n);
        let status = call_from(&server, &from, "recover/password", ask.clone()).await;
        assert_eq!(status, StatusCode::OK);
    }
    let sent = server.count("SELECT COUNT(*) FROM reset_codes").await;
    assert_eq!(sent, 10, "the account's cap, Maria's code among them");
    let body =
        json!({ "request": { "username": "maria.g", "code": held, "password": NEW_PASSWORD } });
    let status = call_from(&server, "198.51.100.20", "recover/reset", body).await;
    assert_eq!(status, StatusCode::OK, "her code still works");
    assert!(signs_in(&server, NEW_PASSWORD).await);
    let live = server
        .count("SELECT COUNT(*) FROM reset_codes WHERE used_at IS NULL AND voided_at IS NULL")
        .await;
    assert_eq!(live, 0, "using one code ends the others");
}

async fn a_reset_lifts_a_lock_and_ends_every_session(db: Db) {
    let server = TestServer::start_on_new(
        db,
        &["--signin-lock-after", "2", "--signin-slow-after", "5"],
    )
    .await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let (_, _, cookie) = server
        .call_with_cookie(
            "signin",
            json!({ "credentials": { "username": "maria.g", "password": PASSWORD } }),
            None,
        )
        .await;
    let cookie = cookie.unwrap().split(';').next().unwrap().to_string();
    for _ in 0..2 {
        assert!(!signs_in(&server, "wrong wrong wrong wrong").await);
    }
    assert!(!signs_in(&server, PASSWORD).await, "locked");
    // A lock never blocks recovery.
    assert_eq!(send_reset_code(&server, "maria.g").await.0, StatusCode::OK);
    let code = emailed_reset_code(&server).await;
    assert_eq!(
        reset(&server, "maria.g", &code, NEW_PASSWORD).await.0,
        StatusCode::OK
    );
    assert!(
        signs_in(&server, NEW_PASSWORD).await,
        "the reset lifted the lock"
    );
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(home, Value::Null, "the session from before the reset ended");
}

async fn a_forgotten_username_is_emailed(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let dob = server.dob_of(ADULT_MRN).await;
    let ask = |email: &str, dob: Value| {
        let (server, body) = (
            &server,
            json!({ "request": { "email": email, "dob": dob } }),
        );
        async move { server.call("recover/username", body).await }
    };
    let wrong_dob = ask(
        MARIA_EMAIL,
        json!({ "month": "1", "day": "1", "year": "1950" }),
    )
    .await;
    let unknown = ask("nobody@example.com", dob.clone()).await;
    let reminded = || async {
        server
            .last_email_to(MARIA_EMAIL)
            .await
            .is_some_and(|(subject, _)| subject == "Your patient portal username")
    };
    assert!(!reminded().await);
    let known = ask("Maria.G@Example.com", dob).await;
    assert_eq!(known, (StatusCode::OK, Value::Null));
    assert_eq!(unknown, known);
    assert_eq!(wrong_dob, known);
    let (subject, text) = server.last_email_to(MARIA_EMAIL).await.unwrap();
    assert_eq!(subject, "Your patient portal username");
    assert!(text.contains("It is: maria.g"), "{text}");
}

async fn old_portal_usernames_are_imported_and_noticed(db: Db) {
    let server = TestServer::start_on_new(db, &["--old-portal-name", "MyHealth Online"]).await;
    let csv = server.dir.path().join("old.csv");
    std::fs::write(&csv, "username,mrn\nMGarcia84,100001\nrjohnson,100002\n").unwrap();
    let out = server.admin(&["import-old-portal", "--file", csv.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        "Imported 2 usernames from the old portal."
    );
    let notice = json!({ "old_portal_username": { "portal_name": "MyHealth Online" } });
    assert_eq!(
        send_reset_code(&server, "mgarcia84").await,
        (StatusCode::OK, notice.clone())
    );
    let (_, body) = server
        .call(
            "signin",
            json!({ "credentials": { "username": "MGARCIA84", "password": "x" } }),
        )
        .await;
    assert_eq!(body, notice);
}

/// Existing and unknown identities: the same bytes and status, and response
/// times whose medians differ by less than 10 ms.
#[tokio::test]
async fn recovery_answers_reveal_nothing_in_words_or_timing() {
    let server = TestServer::start().await;
    server.create_account(ADULT_MRN, "maria.g", PASSWORD).await;
    let dob = server.dob_of(ADULT_MRN).await;
    let requests = [
        (
            "recover/password",
            json!({ "request": { "username": "maria.g" } }),
            json!({ "request": { "username": "nobody.here" } }),
        ),
        (
            "recover/username",
            json!({ "request": { "email": MARIA_EMAIL, "dob": dob } }),
            json!({ "request": { "email": "nobody@example.com", "dob": dob } }),
        ),
    ];
    for (endpoint, existing, missing) in requests {
        let (mut known, mut unknown) = (Vec::new(), Vec::new());
        for i in 0..50 {
            if i % 4 == 0 {
                // Past the per-client window, so no answer is "too many tries".
                server.advance_clock(15 * 60);
            }
            let mut answers = Vec::new();
            for (body, times) in [(&existing, &mut known), (&missing, &mut unknown)] {
                let started = std::time::Instant::now();
                let response = server
                    .http
                    .post(format!("{}/api/{endpoint}", server.url))
                    .json(body)
                    .send()
                    .await
                    .unwrap();
                let status = response.status();
                let bytes = response.bytes().await.unwrap();
                times.push(started.elapsed());
                answers.push((status, bytes));
            }
            assert_eq!(answers[0].0, StatusCode::OK, "{endpoint}");
            assert_eq!(answers[0], answers[1], "{endpoint}: byte-identical answers");
        }
        known.sort();
        unknown.sort();
        let (k, u) = (known[25], unknown[25]);
        assert!(
            k.abs_diff(u) < std::time::Duration::from_millis(10),
            "{endpoint}: known {k:?} unknown {u:?}"
        );
    }
}
