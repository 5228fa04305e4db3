//! Proxy access requests over HTTP against real servers on both databases:
//! access by law for a listed parent (with the scope the state gives for the
//! child's age), refusal for an emancipated minor, review for everything
//! else (reading the same whether or not a record matched), the adult
//! patient asked to approve, and grants that end at the age of majority.
#![cfg(feature = "ssr")]

mod common;

on_both_databases!(
    a_listed_parent_gets_access_by_law,
    a_parent_of_an_emancipated_minor_is_refused,
    unlisted_parents_and_unknown_people_go_to_review_alike,
    an_adult_patient_is_asked_to_approve,
    requests_are_checked,
    access_ends_at_the_age_of_majority,
);

use common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const LILY_MRN: &str = CHILD_MRN; // Lily Chen, 9: her mother Mei Chen is on her record
const JORDAN_MRN: &str = "100005"; // Jordan Taylor, 17, emancipated

/// Adds Mei Chen as a patient with the contact her daughter's record lists,
/// gives her an account, and signs her in: the session cookie.
async fn mei_signed_in(server: &TestServer) -> String {
    server
        .execute(
            "INSERT INTO patients (mrn, first_name, middle_name, last_name, date_of_birth, legal_sex, \
             street, city, state, zip, mobile_phone, email, emancipated, created_at) \
             VALUES ('200001', 'Mei', '', 'Chen', '1988-05-14', 'F', '5 Lake Rd', 'Albany', 'NY', \
             '12207', '(555) 555-0300', 'mei.chen@example.net', 0, 0)",
        )
        .await;
    server
        .create_account("200001", "mei.chen", GOOD_PASSWORD)
        .await;
    signed_in(server, "mei.chen").await
}

async fn signed_in(server: &TestServer, username: &str) -> String {
    let creds = json!({ "credentials": { "username": username, "password": GOOD_PASSWORD } });
    let (status, body, cookie) = server.call_with_cookie("signin", creds, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    cookie_pair(&cookie.expect("a session"))
}

async fn ask(
    server: &TestServer,
    cookie: &str,
    mrn: &str,
    relationship: &str,
) -> (StatusCode, Value) {
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query("SELECT first_name, last_name FROM patients WHERE mrn = $1")
        .bind(mrn)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let form = json!({
        "first_name": row.get::<String, _>("first_name"),
        "last_name": row.get::<String, _>("last_name"),
        "dob": server.dob_of(mrn).await,
        "relationship": relationship,
        "document_reference": "Case 2024-FC-118",
    });
    let (status, body, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(cookie))
        .await;
    (status, body)
}

async fn home(server: &TestServer, cookie: &str) -> Value {
    let (_, body, _) = server
        .call_with_cookie("home", json!({}), Some(cookie))
        .await;
    body
}

async fn a_listed_parent_gets_access_by_law(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let (status, answer) = ask(&server, &mei, LILY_MRN, "parent").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let granted = &answer["granted"];
    assert_eq!(granted["name"], "Lily Chen");
    assert_eq!(
        granted["scope"], "full",
        "a child under the teen band: full"
    );
    assert!(
        granted["because"]
            .as_str()
            .unwrap()
            .contains("access by law")
    );
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(records[1]["name"], "Lily Chen", "{records}");
    assert!(
        records[1]["relationship"]
            .as_str()
            .unwrap()
            .starts_with("Parent, full access until ")
    );
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "proxy.request",
        )
        .await;
    assert!(
        outcome.starts_with(
            "granted: listed parent of a minor, access by law, full scope (age 9 in the "
        ),
        "{outcome}"
    );
    // Asking again says access is there already.
    let (status, _) = ask(&server, &mei, LILY_MRN, "parent").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);

    // A teen's parent gets the state's teen scope (limited by default).
    server
        .execute(&format!(
            "INSERT INTO patient_guardians (patient_id, full_name, relationship, phone, email) \
             SELECT id, 'Mei Chen', 'mother', NULL, 'mei.chen@example.net' FROM patients WHERE mrn = '{TEEN_MRN}'"
        ))
        .await;
    let (_, answer) = ask(&server, &mei, TEEN_MRN, "parent").await;
    assert_eq!(answer["granted"]["scope"], "limited", "{answer}");
}

async fn a_parent_of_an_emancipated_minor_is_refused(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let (status, answer) = ask(&server, &mei, JORDAN_MRN, "parent").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(
        answer["refused"]["reason"]
            .as_str()
            .unwrap()
            .contains("emancipated minor"),
        "{answer}"
    );
    assert_eq!(
        home(&server, &mei).await["records"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

async fn unlisted_parents_and_unknown_people_go_to_review_alike(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    // Mei is not on Ethan Okafor's record; nobody is called Pat Nobody.
    let ethan: String = server
        .query_one("SELECT mrn FROM patients WHERE first_name = $1", "Ethan")
        .await;
    let (status, listed_not) = ask(&server, &mei, &ethan, "parent").await;
    assert_eq!(status, StatusCode::OK, "{listed_not}");
    let form = json!({
        "first_name": "Pat", "last_name": "Nobody", "dob": { "month": "2", "day": "3", "year": "2015" },
        "relationship": "parent",
    });
    let (status, unknown, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(&mei))
        .await;
    assert_eq!(status, StatusCode::OK, "{unknown}");
    let shape = |v: &Value| {
        (
            v["review"]["within_days"].clone(),
            v["review"]["reference"].as_str().map(str::len),
        )
    };
    assert_eq!(shape(&listed_not), shape(&unknown));
    assert_eq!(shape(&unknown), (json!(7), Some(9)));
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_requests WHERE status = 'review'")
            .await,
        2
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM proxy_grants").await, 0);
}

async fn an_adult_patient_is_asked_to_approve(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let mei = mei_signed_in(&server).await;
    let (status, answer) = ask(&server, &mei, OLDER_ADULT_MRN, "caregiver").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer["review"]["reference"].is_string(), "{answer}");
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_requests WHERE status = 'patient'")
            .await,
        1
    );
    let robert_email: String = server
        .query_one("SELECT email FROM patients WHERE mrn = $1", OLDER_ADULT_MRN)
        .await;
    let (subject, text) = server.last_email_to(&robert_email).await.expect("an email");
    assert_eq!(
        subject,
        "Someone asked for access to your patient portal record"
    );
    assert!(text.contains("Mei Chen asked for proxy access"), "{text}");
}

async fn requests_are_checked(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let (status, _) = server.call("proxy/request", json!({ "request": {} })).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED, "signed in only");
    let mei = mei_signed_in(&server).await;
    let (status, body, _) = server
        .call_with_cookie(
            "proxy/request",
            json!({ "request": { "relationship": "power_of_attorney" } }),
            Some(&mei),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = body["invalid"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["first_name", "last_name", "dob", "document_reference"]
    );
    let (status, _) = ask(&server, &mei, "200001", "other").await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "their own record");
    let form = json!({ "first_name": "A", "last_name": "B", "dob": { "month": "1", "day": "1", "year": "2000" }, "relationship": "cousin" });
    let (_, body, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(&mei))
        .await;
    assert_eq!(body["invalid"]["errors"][0]["field"], "relationship");
}

async fn access_ends_at_the_age_of_majority(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let (_, answer) = ask(&server, &mei, LILY_MRN, "parent").await;
    assert!(answer["granted"].is_object(), "{answer}");
    // Nine years and a day on, Lily is 18: the grant no longer opens her record.
    server.advance_clock(9 * 366 * 86_400);
    let mei = signed_in(&server, "mei.chen").await;
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(records.as_array().unwrap().len(), 1, "{records}");
}
