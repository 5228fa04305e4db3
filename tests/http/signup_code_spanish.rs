//! "Sign up with an access code" for a Spanish reader (the `frontdesk_lang`
//! cookie): the server's answers come in Spanish, the same answers as in
//! English (`signup_code_api`, `teen_api`) in other words.

on_both_databases!(
    a_code_that_does_not_match_is_refused_in_spanish,
    a_taken_username_is_refused_in_spanish,
    a_teen_is_answered_in_spanish,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const SPANISH: Option<&str> = Some("frontdesk_lang=es");
const NOT_ACCEPTED: &str = "El código de acceso y la fecha de nacimiento no coinciden con \
     nuestros registros. Revise los dos datos e inténtelo de nuevo";
const USERNAME_TAKEN: &str = "Ese nombre de usuario ya está en uso. Elija otro nombre de usuario";

/// Calls `endpoint` as a Spanish reader does.
async fn call(server: &TestServer, endpoint: &str, body: Value) -> (StatusCode, Value) {
    let (status, answer, _) = server.call_with_cookie(endpoint, body, SPANISH).await;
    (status, answer)
}

async fn verify(server: &TestServer, code: &str, dob: &Value) -> (StatusCode, Value) {
    call(
        server,
        "signup/code/verify",
        json!({ "input": code_entry(code, dob) }),
    )
    .await
}

/// The field and message of the answer's only error.
fn only_error(body: &Value) -> (String, String) {
    let errors = body["invalid"]["errors"].as_array().expect("field errors");
    assert_eq!(errors.len(), 1, "{body}");
    (
        errors[0]["field"].as_str().unwrap_or_default().to_string(),
        errors[0]["message"]
            .as_str()
            .unwrap_or_default()
            .to_string(),
    )
}

async fn a_code_that_does_not_match_is_refused_in_spanish(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let unknown = server.issue_code(OLDER_ADULT_MRN);
    server
        .execute("DELETE FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = '100002')")
        .await;

    // A wrong date of birth and an unknown code: one Spanish answer.
    let wrong_dob = json!({ "month": "1", "day": "1", "year": "1970" });
    let (status, body) = verify(&server, &code, &wrong_dob).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        only_error(&body),
        ("code".to_string(), NOT_ACCEPTED.to_string())
    );
    let older_dob = server.dob_of(OLDER_ADULT_MRN).await;
    assert_eq!(
        verify(&server, &unknown, &older_dob).await,
        (status, body),
        "an unknown code answers as a wrong date of birth does"
    );

    // Without the cookie the same call answers in English.
    let (_, english) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &wrong_dob) }),
        )
        .await;
    assert_eq!(
        english["invalid"]["errors"][0]["message"],
        "We could not match that access code and date of birth. Check both and try again"
    );
}

async fn a_taken_username_is_refused_in_spanish(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let (code_a, dob_a) = (server.issue_code(ADULT_MRN), server.dob_of(ADULT_MRN).await);
    let (code_b, dob_b) = (
        server.issue_code(OLDER_ADULT_MRN),
        server.dob_of(OLDER_ADULT_MRN).await,
    );
    let first = json!({
        "code": code_entry(&code_a, &dob_a),
        "login": login("SameName", GOOD_PASSWORD, "a@example.com"),
    });
    let (status, created) = call(&server, "signup/code/create-account", first).await;
    assert_eq!(status, StatusCode::OK, "{created}");

    for step in ["signup/code/check-login", "signup/code/create-account"] {
        let second = json!({
            "code": code_entry(&code_b, &dob_b),
            "login": login("samename", GOOD_PASSWORD, "b@example.com"),
        });
        let (status, body) = call(&server, step, second).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{step}: {body}");
        assert_eq!(
            only_error(&body),
            ("username".to_string(), USERNAME_TAKEN.to_string()),
            "{step}"
        );
    }
}

async fn a_teen_is_answered_in_spanish(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(TEEN_MRN);
    let dob = server.dob_of(TEEN_MRN).await;
    let attempt = |login: Value| json!({ "code": code_entry(&code, &dob), "login": login });

    // A guardian's email address: the teen is asked for their own.
    let guardians = login("aiden.n", GOOD_PASSWORD, "linh.nguyen@example.com");
    let (status, body) = call(&server, "signup/code/check-login", attempt(guardians)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (field, message) = only_error(&body);
    assert_eq!(field, "email");
    assert!(
        message.starts_with("Use su propio correo electrónico."),
        "{message}"
    );

    // The account is their own: confirmed by name.
    let mut unconfirmed = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    unconfirmed["own_account"] = json!(false);
    let (status, body) = call(&server, "signup/code/check-login", attempt(unconfirmed)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let (field, message) = only_error(&body);
    assert_eq!(field, "own_account");
    assert!(
        message.starts_with("Confirme que usted es Aiden y que está creando su propia cuenta."),
        "{message}"
    );

    // What parents see, said in Spanish on the confirmation.
    let own = login("aiden.n", GOOD_PASSWORD, "aiden.own@example.com");
    let (status, created) = call(&server, "signup/code/create-account", attempt(own)).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let parents_see = created["parents_see"]
        .as_str()
        .expect("explained to a teen");
    assert!(
        parents_see
            .contains("solo ve su nombre, su fecha de nacimiento y su número de expediente médico"),
        "{parents_see}"
    );
}
