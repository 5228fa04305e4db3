//! Sign-up without a code against families as they really are: twins
//! sharing every contact, nicknames across sexes, names written without
//! their accents, maiden names. Only a certain match gets a code; a
//! probable one waits for the help desk with the record proposed.

on_both_databases!(
    a_twin_without_a_record_reaches_review_not_his_brothers_code,
    each_twin_with_a_record_gets_his_own,
    sam_who_is_male_does_not_match_samantha,
    names_as_people_write_them_match,
    a_probable_match_waits_in_the_queue_with_its_record_proposed,
    a_new_code_goes_only_to_a_certain_match,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const TWINS_BORN: &str = "2008-05-14";
const FAMILY_EMAIL: &str = "park.family@example.com";

/// Adds a patient born on `TWINS_BORN` at the Parks' address, sharing their
/// email and phone; returns the patient id.
async fn add_patient(server: &TestServer, mrn: &str, first: &str, last: &str, sex: &str) -> i64 {
    server
        .execute(&format!(
            "INSERT INTO patients (mrn, first_name, last_name, date_of_birth, legal_sex, street, city, \
             state, zip, mobile_phone, email, created_at) \
             VALUES ('{mrn}', '{first}', '{last}', '{TWINS_BORN}', '{sex}', '12 Oak Rd Apt 3', \
             'Cambridge', 'MA', '02139', '(617) 555-0101', '{FAMILY_EMAIL}', 0)"
        ))
        .await;
    server
        .query_one("SELECT id FROM patients WHERE mrn = $1", mrn)
        .await
}

/// Details as a member of the family types them: the shared contacts, the
/// street written out in full.
fn typed(first: &str, last: &str, sex: &str) -> Value {
    json!({
        "first_name": first, "middle_name": "", "last_name": last,
        "dob": { "month": "5", "day": "14", "year": "2008" },
        "legal_sex": sex, "street": "12 Oak Road, #3", "city": "Cambridge", "state": "MA",
        "zip": "02139-1234", "mobile_phone": "617.555.0101", "email": FAMILY_EMAIL,
    })
}

async fn submit(server: &TestServer, details: &Value) -> Value {
    let (status, body) = server
        .call("signup/verify/details", json!({ "details": details }))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// Whether the answer is the emailed code (a certain match), not the
/// pending request.
fn code_sent(answer: &Value) -> bool {
    match (
        answer.get("email_code_sent").is_some(),
        answer.get("pending").is_some(),
    ) {
        (true, false) => true,
        (false, true) => false,
        _ => panic!("unexpected answer {answer}"),
    }
}

async fn verification_emails(server: &TestServer) -> i64 {
    server
        .count(&format!(
            "SELECT COUNT(*) FROM outbox WHERE to_addr = '{FAMILY_EMAIL}' \
             AND subject = 'Your patient portal verification code'"
        ))
        .await
}

async fn a_twin_without_a_record_reaches_review_not_his_brothers_code(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let jason = add_patient(&server, "P-JASON", "Jason", "Park", "M").await;
    let answer = submit(&server, &typed("Mason", "Park", "M")).await;
    assert!(!code_sent(&answer), "{answer}");
    assert_eq!(
        verification_emails(&server).await,
        0,
        "no code to Jason's email"
    );
    let reference = answer["pending"]["reference"].as_str().unwrap().to_string();
    let pool = server.db().await;
    let (proposed, reason): (Option<i64>, String) = sqlx::query_as(
        "SELECT patient_id, status_reason FROM signup_requests WHERE reference = $1",
    )
    .bind(&reference)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(
        proposed,
        Some(jason),
        "Jason's record is proposed to the help desk"
    );
    assert_eq!(
        reason,
        "probable match: the first name is one typo from the record's"
    );
}

async fn each_twin_with_a_record_gets_his_own(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    add_patient(&server, "P-JASON", "Jason", "Park", "M").await;
    add_patient(&server, "P-MASON", "Mason", "Park", "M").await;
    let mason = typed("Mason", "Park", "M");
    assert!(code_sent(&submit(&server, &mason).await));
    // The code that arrives opens Mason's record, not Jason's.
    let (_, text) = server.last_email_to(FAMILY_EMAIL).await.unwrap();
    let start = text.find("Your verification code is ").unwrap() + 26;
    let code = &text[start..start + 6];
    let (status, verified) = server
        .call(
            "signup/verify/email-code",
            json!({ "details": mason, "code": code }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    assert_eq!(verified["holder"]["first_name"], "Mason");
}

async fn sam_who_is_male_does_not_match_samantha(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    add_patient(&server, "P-SAM", "Samantha", "Reed", "F").await;
    assert!(!code_sent(
        &submit(&server, &typed("Sam", "Reed", "M")).await
    ));
    assert_eq!(verification_emails(&server).await, 0);
    // Samantha herself, by her nickname, is matched.
    assert!(code_sent(
        &submit(&server, &typed("Sam", "Reed", "F")).await
    ));
    assert_eq!(verification_emails(&server).await, 1);
}

async fn names_as_people_write_them_match(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    for (mrn, record_first, record_last, typed_first, typed_last) in [
        ("P-MARY", "Mary Ann", "Quinn", "Mary", "Quinn"),
        ("P-DANG", "Linh", "Đặng", "Linh", "Dang"),
        ("P-WALESA", "Lech", "Wałęsa", "Lech", "Walesa"),
        ("P-MUELLER", "Jonas", "Müller", "Jonas", "Mueller"),
        ("P-STRAUSS", "Anna", "Strauß", "Anna", "Strauss"),
    ] {
        add_patient(&server, mrn, record_first, record_last, "F").await;
        let answer = submit(&server, &typed(typed_first, typed_last, "F")).await;
        assert!(code_sent(&answer), "{typed_first} {typed_last}: {answer}");
    }
    // A maiden name on the record matches too.
    let ana = add_patient(&server, "P-ANA", "Ana", "Silva", "F").await;
    server
        .execute(&format!(
            "INSERT INTO patient_other_names (patient_id, kind, first_name, last_name) \
             VALUES ({ana}, 'maiden', '', 'Costa')"
        ))
        .await;
    assert!(code_sent(
        &submit(&server, &typed("Ana", "Costa", "F")).await
    ));
}

async fn a_probable_match_waits_in_the_queue_with_its_record_proposed(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let jason = add_patient(&server, "P-JASON", "Jason", "Park", "M").await;
    let answer = submit(&server, &typed("Mason", "Park", "M")).await;
    let reference = answer["pending"]["reference"].as_str().unwrap();
    let agent = server.staff_session("dana.help", "agent").await;
    let review = json!({ "request": { "reference": reference } });
    let (status, seen, _) = server
        .call_with_cookie("staff/queue/review", review, Some(&agent))
        .await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    let proposed = &seen["candidates"][0];
    assert_eq!(proposed["patient_id"], jason);
    assert_eq!(proposed["proposed"], true);
    assert_eq!(proposed["grade"], "probable");
    assert_eq!(
        proposed["limits"],
        json!(["the first name is one typo from the record's"])
    );
    let fields: Vec<(String, bool, String)> = proposed["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["label"].as_str().unwrap().into(),
                f["same"].as_bool().unwrap(),
                f["note"].as_str().unwrap().into(),
            )
        })
        .collect();
    let field = |label: &str| fields.iter().find(|f| f.0 == label).unwrap().clone();
    assert_eq!(
        field("Name"),
        ("Name".into(), false, "first name similar".into())
    );
    // Road and Rd, #3 and Apt 3, ZIP+4: the same address.
    for label in [
        "Date of birth",
        "Legal sex",
        "Address",
        "Mobile phone",
        "Email",
    ] {
        assert_eq!(field(label), (label.into(), true, String::new()), "{label}");
    }
}

async fn a_new_code_goes_only_to_a_certain_match(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    add_patient(&server, "P-JASON", "Jason", "Park", "M").await;
    let ask = |first: &str| {
        json!({ "request": {
            "first_name": first, "last_name": "Park",
            "dob": { "month": "5", "day": "14", "year": "2008" },
            "contact": FAMILY_EMAIL,
        }})
    };
    let (status, _) = server.call("signup/new-code", ask("Mason")).await;
    assert_eq!(status, StatusCode::OK);
    let sent = format!("SELECT COUNT(*) FROM outbox WHERE to_addr = '{FAMILY_EMAIL}'");
    let codes = || server.count(&sent);
    assert_eq!(codes().await, 0, "Mason is not sent Jason's code");
    let (status, _) = server.call("signup/new-code", ask("Jason")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(codes().await, 1);
}
