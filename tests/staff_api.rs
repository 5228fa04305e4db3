//! Staff accounts over HTTP against real servers: the one-time setup code,
//! staff sign-in with its own sessions, and the wall between staff and
//! patient sessions.
#![cfg(feature = "ssr")]

mod common;

on_both_databases!(
    a_setup_code_works_once_and_expires,
    staff_sign_in_and_out_with_their_own_sessions,
);

use common::*;
use frontdesk::api::signin::SIGNIN_FAILED;
use reqwest::StatusCode;
use serde_json::{Value, json};

fn setup(username: &str, code: &str, password: &str) -> Value {
    json!({ "setup": { "username": username, "code": code, "password": password } })
}

fn creds(username: &str, password: &str) -> Value {
    json!({ "credentials": { "username": username, "password": password } })
}

async fn me(server: &TestServer, cookie: &str) -> Value {
    let (status, body, _) = server
        .call_with_cookie("staff/me", json!({}), Some(cookie))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn a_setup_code_works_once_and_expires(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.add_staff("dana.help", "agent");
    assert_eq!(code.len(), 14, "XXXX-XXXX-XXXX: {code}");

    // A wrong code, or the right code for another name, is refused alike.
    let wrong = server
        .call(
            "staff/setup",
            setup("dana.help", "AAAA-AAAA-AAAA", STAFF_PASSWORD),
        )
        .await;
    let other = server
        .call("staff/setup", setup("nobody.here", &code, STAFF_PASSWORD))
        .await;
    assert_eq!(wrong.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong, other);
    // The password policy is the patients' one.
    let (status, body) = server
        .call("staff/setup", setup("dana.help", &code, "password"))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["invalid"]["errors"][0]["field"], "password", "{body}");

    // Lower case and no hyphens are fine; it signs the member in.
    let typed = code.to_lowercase().replace('-', "");
    let (status, body, cookie) = server
        .call_with_cookie(
            "staff/setup",
            setup("Dana.Help", &typed, STAFF_PASSWORD),
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body, json!({ "username": "dana.help", "role": "agent" }));
    let cookie = cookie_pair(&cookie.expect("a cookie"));
    assert!(cookie.starts_with("frontdesk_staff="), "{cookie}");
    assert_eq!(me(&server, &cookie).await["role"], "agent");

    // Once used, the code is gone.
    let again = server
        .call("staff/setup", setup("dana.help", &code, STAFF_PASSWORD))
        .await;
    assert_eq!(again, wrong);

    // A code not used within 72 hours expires.
    let late = server.add_staff("lee.clinic", "clinic");
    server.advance_clock(72 * 3600 + 1);
    let expired = server
        .call("staff/setup", setup("lee.clinic", &late, STAFF_PASSWORD))
        .await;
    assert_eq!(expired, wrong);
    assert!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.setup'")
            .await
            >= 5
    );
}

async fn staff_sign_in_and_out_with_their_own_sessions(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.staff_session("dana.help", "agent").await;

    let wrong = server
        .call(
            "staff/signin",
            creds("dana.help", "not the password at all"),
        )
        .await;
    let unknown = server
        .call("staff/signin", creds("nobody.here", STAFF_PASSWORD))
        .await;
    assert_eq!(wrong.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong, unknown);
    assert_eq!(wrong.1["invalid"]["errors"][0]["message"], SIGNIN_FAILED);

    let (status, body, cookie) = server
        .call_with_cookie("staff/signin", creds("dana.help", STAFF_PASSWORD), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let staff = cookie_pair(&cookie.expect("a cookie"));
    assert_eq!(me(&server, &staff).await["username"], "dana.help");

    // A staff session is no patient session, and a patient's is no staff one.
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let (_, _, patient) = server
        .call_with_cookie("signin", creds("maria.g", GOOD_PASSWORD), None)
        .await;
    let patient = cookie_pair(&patient.expect("a patient cookie"));
    assert_eq!(me(&server, &patient).await, Value::Null);
    let (status, home, _) = server
        .call_with_cookie("home", json!({}), Some(&staff))
        .await;
    assert_eq!((status, home), (StatusCode::OK, Value::Null));
    let (status, _, _) = server
        .call_with_cookie(
            "account/password",
            json!({ "change": { "current": STAFF_PASSWORD, "new": "a new and long password here" } }),
            Some(&staff),
        )
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);

    let (status, _, _) = server
        .call_with_cookie("staff/signout", json!({}), Some(&staff))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(me(&server, &staff).await, Value::Null);
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.signin'")
            .await,
        1
    );
}
