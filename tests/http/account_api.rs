//! Account settings over HTTP: a new password and a new email address, each
//! announced by email; signed-out calls refused.

on_both_databases!(
    an_email_typed_at_sign_up_is_confirmed_before_it_is_trusted,
    an_email_a_sign_up_code_went_to_is_confirmed_already,
    a_signed_in_person_changes_their_password,
    a_new_email_address_is_confirmed_by_a_code_sent_to_it,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const NEW_PASSWORD: &str = "a brand new lantern by the sea";
const OLD_EMAIL: &str = "maria.g@example.com";

async fn signed_in(server: &TestServer) -> String {
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let body = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", body, None).await;
    cookie.unwrap().split(';').next().unwrap().to_string()
}

fn cookie_of(set_cookie: Option<String>) -> String {
    set_cookie
        .expect("a new session cookie")
        .split(';')
        .next()
        .unwrap()
        .to_string()
}

async fn a_signed_in_person_changes_their_password(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let cookie = signed_in(&server).await;
    let body = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let other_device = cookie_of(server.call_with_cookie("signin", body, None).await.2);
    let change = |current: &str, new: &str| json!({ "change": { "current": current, "new": new } });

    let (status, body, _) = server
        .call_with_cookie(
            "account/password",
            change("wrong current password", NEW_PASSWORD),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({ "field": "current", "message": "Your current password is not right" })
    );
    let (_, body, _) = server
        .call_with_cookie(
            "account/password",
            change(GOOD_PASSWORD, "Maria Garcia loves the sea"),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "Password must not contain your name"
    );

    let (status, _, renewed) = server
        .call_with_cookie(
            "account/password",
            change(GOOD_PASSWORD, NEW_PASSWORD),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let renewed = cookie_of(renewed);
    // This device stays signed in with a new session; the other is signed out.
    assert_ne!(
        server
            .call_with_cookie("home", json!({}), Some(&renewed))
            .await
            .1,
        Value::Null
    );
    assert_eq!(
        server
            .call_with_cookie("home", json!({}), Some(&other_device))
            .await
            .1,
        Value::Null
    );
    assert_eq!(
        server
            .call_with_cookie("home", json!({}), Some(&cookie))
            .await
            .1,
        Value::Null
    );
    let (subject, _) = server.last_email_to(OLD_EMAIL).await.unwrap();
    assert_eq!(subject, "Your patient portal password was changed");
    let body = json!({ "credentials": { "username": "maria.g", "password": NEW_PASSWORD } });
    assert_eq!(server.call("signin", body).await.0, StatusCode::OK);
}

async fn a_new_email_address_is_confirmed_by_a_code_sent_to_it(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let cookie = signed_in(&server).await;
    // Whoever finds a signed-in browser cannot move where resets go: the
    // current password is asked for, and a wrong one sends nothing.
    for (current, message) in [
        ("", "Enter your current password"),
        (
            "not my password at all",
            "Your current password is not right",
        ),
    ] {
        let (status, body, _) = server
            .call_with_cookie(
                "account/email",
                json!({ "request": { "email": "thief@example.net", "current": current } }),
                Some(&cookie),
            )
            .await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{current:?}");
        assert_eq!(body["invalid"]["errors"][0]["field"], "current");
        assert_eq!(body["invalid"]["errors"][0]["message"], message);
    }
    assert!(server.last_email_to("thief@example.net").await.is_none());
    let (status, masked, _) = server
        .call_with_cookie(
            "account/email",
            json!({ "request": { "email": "Maria.New@Example.org", "current": GOOD_PASSWORD } }),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        (status, masked),
        (StatusCode::OK, json!("M•••@example.org"))
    );
    // The code goes to the new address, never the old one.
    let (subject, text) = server
        .last_email_to("Maria.New@example.org")
        .await
        .expect("a code to the new address");
    assert_eq!(subject, "Confirm your new patient portal email address");
    let to_old = format!("SELECT COUNT(*) FROM outbox WHERE to_addr = '{OLD_EMAIL}'");
    assert_eq!(
        server.count(&to_old).await,
        1,
        "only its own confirmation, at sign-up"
    );
    let start = text.find("this email address is ").unwrap() + "this email address is ".len();
    let code = &text[start..start + 6];
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": wrong }),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "The code is not right. Check the email and try again"
    );
    let (status, body, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": code }),
            Some(&cookie),
        )
        .await;
    assert_eq!(
        (status, body),
        (StatusCode::OK, json!("Maria.New@example.org"))
    );
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(home["email"], "Maria.New@example.org");
    // The old address is told.
    let (subject, text) = server.last_email_to(OLD_EMAIL).await.unwrap();
    assert_eq!(subject, "Your patient portal email address was changed");
    assert!(text.contains("M•••@example.org"));
}

#[tokio::test]
async fn settings_need_a_session() {
    let server = TestServer::start().await;
    for (endpoint, body) in [
        (
            "account/password",
            json!({ "change": { "current": "x", "new": NEW_PASSWORD } }),
        ),
        (
            "account/email",
            json!({ "request": { "email": "a@example.com" } }),
        ),
        ("account/email/confirm", json!({ "code": "123456" })),
    ] {
        let (status, body) = server.call(endpoint, body).await;
        assert_eq!(
            (status, body),
            (StatusCode::UNAUTHORIZED, json!("signed_out")),
            "{endpoint}"
        );
    }
}

#[tokio::test]
async fn https_servers_send_hsts() {
    let server = TestServer::start_with(&["--https"]).await;
    let response = server.get("/healthz").await;
    assert_eq!(
        response.headers()["strict-transport-security"],
        "max-age=31536000; includeSubDomains"
    );
    let plain = TestServer::start().await;
    assert!(
        plain
            .get("/healthz")
            .await
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
}

/// A paper code proves nothing about an email address: the one typed waits
/// for its own code, and until then no reset code goes to it.
async fn an_email_typed_at_sign_up_is_confirmed_before_it_is_trusted(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account_unconfirmed(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let reset_codes = "SELECT COUNT(*) FROM reset_codes";
    let (status, _) = server
        .call(
            "recover/password",
            json!({ "request": { "username": "maria.g" } }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "the same answer as ever");
    assert_eq!(
        server.count(reset_codes).await,
        0,
        "no code to an unconfirmed address"
    );
    let cookie = signed_in_as(&server, "maria.g").await;
    let (_, me, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(me["email"], Value::Null);
    assert_eq!(me["email_to_confirm"], "m•••@example.com");
    let code = server.email_confirmation_code(OLD_EMAIL).await;
    let (status, _, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": code }),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let (_, me, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(me["email"], OLD_EMAIL);
    assert_eq!(me["email_to_confirm"], Value::Null);
    server
        .call(
            "recover/password",
            json!({ "request": { "username": "maria.g" } }),
        )
        .await;
    assert_eq!(
        server.count(reset_codes).await,
        1,
        "confirmed, it gets codes"
    );
}

/// The address a code was emailed to is confirmed by that code.
async fn an_email_a_sign_up_code_went_to_is_confirmed_already(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let record_email: String = server
        .query_one("SELECT email FROM patients WHERE mrn = $1", ADULT_MRN)
        .await;
    // The help desk emails a code to the record's address.
    let agent = server.staff_session("dana.help", "agent").await;
    let id: i64 = server
        .query_one("SELECT id FROM patients WHERE mrn = $1", ADULT_MRN)
        .await;
    let body = json!({ "patient_id": id, "channel": "email" });
    let (status, answer, _) = server
        .call_with_cookie("staff/codes/issue", body, Some(&agent))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, text) = server.last_email_to(&record_email).await.expect("the code");
    let code: String = text
        .split_whitespace()
        .find(|w| w.len() >= 17 && w.matches('-').count() == 2)
        .expect("an access code")
        .trim_end_matches('.')
        .to_string();
    let dob = server.dob_of(ADULT_MRN).await;
    let body = json!({ "code": code_entry(&code, &dob), "login": login("maria.g", GOOD_PASSWORD, &record_email) });
    let (status, created) = server.call("signup/code/create-account", body).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["email_to_confirm"], false);
    let cookie = signed_in_as(&server, "maria.g").await;
    let (_, me, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(me["email"], record_email.as_str());
}

async fn signed_in_as(server: &TestServer, username: &str) -> String {
    let body = json!({ "credentials": { "username": username, "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", body, None).await;
    cookie.unwrap().split(';').next().unwrap().to_string()
}
