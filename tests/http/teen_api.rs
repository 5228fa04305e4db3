//! Teens enroll their own account: the checks the sign-up flows make once a
//! patient is in their state's teen band (the state policy table), over
//! HTTP against real servers on both databases.

on_both_databases!(
    a_teen_signs_up_with_their_own_email_not_a_guardians,
    a_browser_signed_in_to_another_account_cannot_create_a_teen_account,
    the_teen_band_follows_the_patients_state,
    a_teen_self_signup_with_a_guardians_contact_is_refused,
    a_teen_confirms_the_account_is_their_own,
    a_teen_may_not_use_the_email_of_someone_with_proxy_access,
    a_child_below_the_band_is_pointed_to_proxy_access,
    an_emancipated_teen_is_told_nothing_about_parents,
);

use crate::common::*;
use frontdesk::domain::date::Date;
use reqwest::StatusCode;
use serde_json::{Value, json};

const GUARDIAN_EMAIL: &str = "linh.nguyen@example.com"; // Aiden's mother, on his record

async fn create(
    server: &TestServer,
    code: &str,
    dob: &Value,
    login: Value,
    cookie: Option<&str>,
) -> (StatusCode, Value) {
    let body = json!({ "code": code_entry(code, dob), "login": login });
    let (status, answer, _) = server
        .call_with_cookie("signup/code/create-account", body, cookie)
        .await;
    (status, answer)
}

fn first_error(body: &Value) -> (String, String) {
    let e = &body["invalid"]["errors"][0];
    (
        e["field"].as_str().unwrap_or_default().to_string(),
        e["message"].as_str().unwrap_or_default().to_string(),
    )
}

async fn refusals(server: &TestServer) -> i64 {
    server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'teen.refused'")
        .await
}

async fn a_teen_signs_up_with_their_own_email_not_a_guardians(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;

    let (status, body) = create(
        &server,
        &code,
        &dob,
        login("aiden.n", GOOD_PASSWORD, "Linh.Nguyen@Example.com"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "email");
    assert!(
        message.starts_with("Use your own email address."),
        "{message}"
    );
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "teen.refused",
        )
        .await;
    assert!(
        outcome.starts_with("a guardian's email (age 16 in the "),
        "the rule is named: {outcome}"
    );

    let (status, body) = create(
        &server,
        &code,
        &dob,
        login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(refusals(&server).await, 1);
}

async fn a_browser_signed_in_to_another_account_cannot_create_a_teen_account(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(ADULT_MRN, "parent.p", GOOD_PASSWORD)
        .await;
    let creds = json!({ "credentials": { "username": "parent.p", "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", creds, None).await;
    let parent = cookie_pair(&cookie.expect("a session"));

    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let teen_login = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    let (status, body) = create(&server, &code, &dob, teen_login.clone(), Some(&parent)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "session", "the summary offers to sign out");
    assert!(message.starts_with("This browser is signed in to another portal account."));
    // The check before "Check your answers" says the same.
    let (status, _, _) = server
        .call_with_cookie(
            "signup/code/check-login",
            json!({ "code": code_entry(&code, &dob), "login": teen_login.clone() }),
            Some(&parent),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refusals(&server).await, 2);

    // An adult's sign-up is not a teen's: no such check.
    let adult = server.issue_code(OLDER_ADULT_MRN);
    let adult_dob = server.dob_of(OLDER_ADULT_MRN).await;
    let (status, _) = create(
        &server,
        &adult,
        &adult_dob,
        login("robert.j", GOOD_PASSWORD, "robert@example.com"),
        Some(&parent),
    )
    .await;
    assert_eq!(status, StatusCode::OK);

    // Signed out (or on their own device), the teen goes ahead.
    let (status, body) = create(&server, &code, &dob, teen_login, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

/// Moves Aiden to `state` and makes him `years` old (plus a month).
async fn make_aiden(server: &TestServer, state: &str, years: i32) {
    let today = Date::today();
    let born = Date::new(today.year() - years, today.month(), 1)
        .expect("a date")
        .add_days(-31);
    server
        .execute(&format!(
            "UPDATE patients SET state = '{state}', date_of_birth = '{}' WHERE mrn = '{TEEN_MRN}'",
            born.iso()
        ))
        .await;
}

async fn the_teen_band_follows_the_patients_state(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let guardian_login = || login("aiden.n", GOOD_PASSWORD, GUARDIAN_EMAIL);

    // 18 in Alabama (majority 19): still a teen, so a parent's email is refused.
    make_aiden(&server, "AL", 18).await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let (status, body) = create(&server, &code, &dob, guardian_login(), None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "teen.refused",
        )
        .await;
    assert!(
        outcome.contains("age 18 in the AL row: teen band 14–18"),
        "{outcome}"
    );

    // The same 18-year-old in New York is an adult: the ordinary sign-up.
    make_aiden(&server, "NY", 18).await;
    let (status, body) = create(
        &server,
        &code,
        &server.dob_of(TEEN_MRN).await,
        guardian_login(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn a_teen_self_signup_with_a_guardians_contact_is_refused(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let details = |email: &str, phone: &str| {
        let server = &server;
        let (email, phone) = (email.to_string(), phone.to_string());
        async move {
            use sqlx::Row;
            let pool = server.db().await;
            let row = sqlx::query(
                "SELECT first_name, middle_name, last_name, legal_sex, street, city, state, zip \
                 FROM patients WHERE mrn = $1",
            )
            .bind(TEEN_MRN)
            .fetch_one(&pool)
            .await
            .unwrap();
            pool.close().await;
            let text = |c: &str| row.get::<String, _>(c);
            json!({
                "first_name": text("first_name"), "middle_name": text("middle_name"),
                "last_name": text("last_name"), "dob": server.dob_of(TEEN_MRN).await,
                "legal_sex": text("legal_sex"), "street": text("street"), "city": text("city"),
                "state": text("state"), "zip": text("zip"),
                "mobile_phone": phone, "email": email,
            })
        }
    };
    let guardian_phone: String = server
        .query_one(
            "SELECT g.phone FROM patient_guardians g JOIN patients p ON p.id = g.patient_id WHERE p.mrn = $1",
            TEEN_MRN,
        )
        .await;
    let submit = |body: Value| {
        let server = &server;
        async move {
            server
                .call("signup/verify/details", json!({ "details": body }))
                .await
        }
    };
    // The record matches on the teen's own phone or email; the other is a parent's.
    let record_phone: String = server
        .query_one("SELECT mobile_phone FROM patients WHERE mrn = $1", TEEN_MRN)
        .await;
    let record_email: String = server
        .query_one("SELECT email FROM patients WHERE mrn = $1", TEEN_MRN)
        .await;
    let (status, body) = submit(details(GUARDIAN_EMAIL, &record_phone).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(first_error(&body).0, "email");
    // A +tag on the parent's address still reaches the parent's mailbox.
    let tagged = GUARDIAN_EMAIL.replace('@', "+aiden@").to_uppercase();
    let (status, body) = submit(details(&tagged, &record_phone).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(first_error(&body).0, "email");
    let (status, body) = submit(details(&record_email, &guardian_phone).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(first_error(&body).0, "mobile_phone");
    assert_eq!(refusals(&server).await, 3);

    // A record whose email is a parent's: the code would reach the parent,
    // so the help desk takes the request instead.
    server
        .execute(&format!(
            "UPDATE patients SET email = '{GUARDIAN_EMAIL}' WHERE mrn = '{TEEN_MRN}'"
        ))
        .await;
    let (status, body) = submit(details("aiden.own@example.com", &record_phone).await).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body["pending"]["reference"].is_string(), "{body}");
    assert!(
        server.last_email_to(GUARDIAN_EMAIL).await.is_none(),
        "nothing to the parent"
    );
}

async fn a_teen_confirms_the_account_is_their_own(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let (status, holder) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{holder}");
    assert_eq!(holder["teen"], true, "the page asks for the confirmation");

    let mut unconfirmed = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    unconfirmed["own_account"] = json!(false);
    for step in ["signup/code/check-login", "signup/code/create-account"] {
        let body = json!({ "code": code_entry(&code, &dob), "login": unconfirmed.clone() });
        let (status, answer) = server.call(step, body).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{step}: {answer}");
        let (field, message) = first_error(&answer);
        assert_eq!(field, "own_account");
        assert!(
            message.starts_with("Confirm that you are Aiden and you are creating your own account"),
            "{message}"
        );
    }

    let confirmed = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    let (status, created) = create(&server, &code, &dob, confirmed, None).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let parents_see = created["parents_see"]
        .as_str()
        .expect("explained to a teen");
    assert!(
        parents_see.contains("sees only your name, date of birth and medical record number"),
        "the bundled table gives parents of teens limited access: {parents_see}"
    );

    // An adult is not asked, and is told nothing about parents.
    let adult = server.issue_code(ADULT_MRN);
    let adult_dob = server.dob_of(ADULT_MRN).await;
    let (_, holder) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&adult, &adult_dob) }),
        )
        .await;
    assert_eq!(holder["teen"], false);
    let mut adult_login = login("maria.g", GOOD_PASSWORD, "maria@example.com");
    adult_login["own_account"] = json!(false);
    let (status, created) = create(&server, &adult, &adult_dob, adult_login, None).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert!(created["parents_see"].is_null());
}

async fn a_teen_may_not_use_the_email_of_someone_with_proxy_access(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    // Maria, not on Aiden's record, holds reviewed proxy access to it.
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    server
        .execute(&format!(
            "INSERT INTO proxy_grants (patient_id, grantee_account_id, relationship, scope, \
                 by_law, rule, starts_at, ends_at) \
             SELECT p.id, a.id, 'caregiver', 'limited', 0, 'help desk review', 0, 4102444800 \
             FROM patients p, accounts a WHERE p.mrn = '{TEEN_MRN}' AND a.username = 'maria.g'"
        ))
        .await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let (status, body) = create(
        &server,
        &code,
        &dob,
        login("aiden.n", GOOD_PASSWORD, "Maria.G@example.com"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(first_error(&body).0, "email");
    assert_eq!(refusals(&server).await, 1);

    // An ended grant no longer counts (checked at use, like every grant).
    server
        .execute("UPDATE proxy_grants SET ended_at = 1, end_reason = 'ended by the patient'")
        .await;
    let (status, body) = create(
        &server,
        &code,
        &dob,
        login("aiden.n", GOOD_PASSWORD, "Maria.G@example.com"),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn a_child_below_the_band_is_pointed_to_proxy_access(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    // A code made while the record said 16; a correction makes Aiden 12.
    let code = server.issue_code(TEEN_MRN);
    make_aiden(&server, "NY", 12).await;
    let dob = server.dob_of(TEEN_MRN).await;
    let (status, body) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (field, message) = first_error(&body);
    assert_eq!(field, "code");
    assert_eq!(
        message,
        "This access code is for a child under 14. Children under 14 do not have their own \
         account; a parent or guardian can ask for proxy access instead"
    );
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
            "code.verify",
        )
        .await;
    assert!(
        outcome.starts_with("child (age 12 in the NY row: below the teen band 14–17)"),
        "the rule is named: {outcome}"
    );
    // And no new code is made for a child.
    let out = server.admin(&["issue-code", "--mrn", TEEN_MRN]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("below the teen band 14–17"));
}

async fn an_emancipated_teen_is_told_nothing_about_parents(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .execute(&format!(
            "UPDATE patients SET emancipated = 1 WHERE mrn = '{TEEN_MRN}'"
        ))
        .await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let confirmed = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    let (status, created) = create(&server, &code, &dob, confirmed, None).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    // No parent has access to an emancipated minor's record: nothing to describe.
    assert!(created["parents_see"].is_null(), "{created}");
}
