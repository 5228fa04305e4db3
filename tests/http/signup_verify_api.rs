//! Sign-up without an access code, request status, new codes and the
//! records request form, over HTTP against real servers.

on_both_databases!(
    a_matched_person_proves_their_email_and_creates_an_account,
    the_code_goes_only_to_the_email_on_the_record,
    wrong_email_codes_end_the_code_at_the_fifth,
    no_match_and_several_matches_look_the_same,
    status_lookup_shows_each_state,
    a_new_code_goes_to_the_record_and_the_answer_never_changes,
    new_codes_are_limited_per_patient_and_per_client,
    records_requests_are_checked_and_stored,
    over_the_email_limit_the_answer_says_no_new_code_went,
    an_existing_account_is_named_right_after_the_emailed_code,
    a_child_is_told_after_the_date_of_birth_and_nothing_is_kept,
    trying_again_replaces_the_open_request,
    creating_the_account_closes_the_persons_requests,
    an_email_typed_at_the_login_step_is_confirmed_before_it_is_trusted,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// A patient's details as they would type them, from the record.
async fn details_of(server: &TestServer, mrn: &str) -> Value {
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query(
        "SELECT first_name, middle_name, last_name, legal_sex, street, city, state, zip, mobile_phone, email \
         FROM patients WHERE mrn = $1",
    )
    .bind(mrn)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let text = |column: &str| row.get::<Option<String>, _>(column).unwrap_or_default();
    json!({
        "first_name": text("first_name"), "middle_name": text("middle_name"), "last_name": text("last_name"),
        "dob": server.dob_of(mrn).await,
        "legal_sex": text("legal_sex"), "street": text("street"), "city": text("city"),
        "state": text("state"), "zip": text("zip"),
        "mobile_phone": text("mobile_phone"), "email": text("email"),
    })
}

fn stranger() -> Value {
    json!({
        "first_name": "Pat", "middle_name": "", "last_name": "Nobody",
        "dob": { "month": "7", "day": "4", "year": "1976" },
        "legal_sex": "X", "street": "1 Elm St", "city": "Albany", "state": "NY", "zip": "12207",
        "mobile_phone": "(555) 555-0177", "email": "pat.nobody@example.com",
    })
}

async fn submit(server: &TestServer, details: &Value) -> (StatusCode, Value) {
    server
        .call("signup/verify/details", json!({ "details": details }))
        .await
}

async fn check_code(server: &TestServer, details: &Value, code: &str) -> (StatusCode, Value) {
    server
        .call(
            "signup/verify/email-code",
            json!({ "details": details, "code": code }),
        )
        .await
}

/// The six digits in the newest verification email to `to`.
async fn emailed_code(server: &TestServer, to: &str) -> String {
    let (subject, text) = server.last_email_to(to).await.expect("an email");
    assert_eq!(subject, "Your patient portal verification code");
    let start = text.find("Your verification code is ").expect("the code")
        + "Your verification code is ".len();
    text[start..start + 6].to_string()
}

async fn a_matched_person_proves_their_email_and_creates_an_account(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mut details = details_of(&server, ADULT_MRN).await;
    // Typed a little differently from the record.
    details["first_name"] = json!("maria");
    details["last_name"] = json!("GARCIA");
    details["email"] = json!("Maria.Garcia@Example.com");
    let (status, body) = submit(&server, &details).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        body,
        json!({ "email_code_sent": { "masked_email": "m•••@example.com", "wait_minutes": null } })
    );
    let code = emailed_code(&server, "maria.garcia@example.com").await;

    let wrong = if code == "000000" { "111111" } else { "000000" };
    let (status, body) = check_code(&server, &details, wrong).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "The code is not right. Check the email and try again"
    );
    let (status, body) = check_code(&server, &details, "12 34").await;
    assert_eq!(
        (status, &body["invalid"]["errors"][0]["message"]),
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            &json!("The code must be 6 numbers, like 123456")
        )
    );

    let (status, verified) = check_code(&server, &details, &format!(" {code} ")).await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    assert_eq!(verified["holder"]["first_name"], "Maria");
    let access_code = verified["access_code"].as_str().unwrap().to_string();
    assert_eq!(access_code.len(), 17);
    // The emailed code worked once.
    assert_eq!(
        check_code(&server, &details, &code).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );

    // The shared "Create your login" step takes it from here.
    let body = json!({
        "code": code_entry(&access_code, &details["dob"]),
        "login": login("maria.g", GOOD_PASSWORD, "maria.garcia@example.com"),
    });
    let (status, created) = server.call("signup/code/create-account", body).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    let mrn: String = server
        .query_one("SELECT p.mrn FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username = $1", "maria.g")
        .await;
    assert_eq!(mrn, ADULT_MRN);
}

async fn the_code_goes_only_to_the_email_on_the_record(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mut details = details_of(&server, ADULT_MRN).await;
    // Someone who knows Maria's phone number types their own email.
    details["email"] = json!("someone.else@example.com");
    let (status, body) = submit(&server, &details).await;
    assert_eq!(
        (status, body),
        (
            StatusCode::OK,
            json!({ "email_code_sent": { "masked_email": "m•••@example.com", "wait_minutes": null } })
        )
    );
    assert!(
        server
            .last_email_to("someone.else@example.com")
            .await
            .is_none()
    );
    assert!(
        server
            .last_email_to("maria.garcia@example.com")
            .await
            .is_some()
    );
}

async fn wrong_email_codes_end_the_code_at_the_fifth(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let details = details_of(&server, ADULT_MRN).await;
    submit(&server, &details).await;
    let code = emailed_code(&server, "maria.garcia@example.com").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for _ in 0..4 {
        assert_eq!(
            check_code(&server, &details, wrong).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    let (_, body) = check_code(&server, &details, wrong).await;
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "You entered a wrong code too many times. Go back and ask for a new code"
    );
    let (status, body) = check_code(&server, &details, &code).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        body["invalid"]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("ask for a new code")
    );
    // Asking again sends a new code that works.
    submit(&server, &details).await;
    let fresh = emailed_code(&server, "maria.garcia@example.com").await;
    assert_eq!(
        check_code(&server, &details, &fresh).await.0,
        StatusCode::OK
    );
}

async fn no_match_and_several_matches_look_the_same(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    // Twins sharing a birthday, surname and email; what is typed is one
    // typo from each of their names, so neither is certain.
    server
        .execute(
            "INSERT INTO patients (mrn, first_name, last_name, date_of_birth, legal_sex, street, city, state, zip, email, created_at) \
             VALUES ('T1', 'Jon', 'Reyes', '2001-01-01', 'M', '1 Oak St', 'Austin', 'TX', '78701', 'reyes@example.com', 0), \
                    ('T2', 'Jan', 'Reyes', '2001-01-01', 'F', '1 Oak St', 'Austin', 'TX', '78701', 'reyes@example.com', 0)",
        )
        .await;
    let twin = json!({
        "first_name": "Jen", "middle_name": "", "last_name": "Reyes",
        "dob": { "month": "1", "day": "1", "year": "2001" },
        "legal_sex": "M", "street": "1 Oak St", "city": "Austin", "state": "TX", "zip": "78701",
        "mobile_phone": "(555) 555-0101", "email": "reyes@example.com",
    });
    let (status_a, several) = submit(&server, &twin).await;
    let (status_b, none) = submit(&server, &stranger()).await;
    assert_eq!((status_a, status_b), (StatusCode::OK, StatusCode::OK));
    let shape = |v: &Value| {
        let p = &v["pending"];
        (
            p["promised_by"].clone(),
            p["reference"].as_str().unwrap().len(),
        )
    };
    assert_eq!(shape(&several), shape(&none));
    assert_eq!(shape(&none).1, 9, "XXXX-XXXX");
    // Each gets the same email, at the address they typed.
    let (subject_a, text_a) = server.last_email_to("reyes@example.com").await.unwrap();
    let (subject_b, text_b) = server
        .last_email_to("pat.nobody@example.com")
        .await
        .unwrap();
    assert_eq!(subject_a, subject_b);
    assert_eq!(subject_b, "We are processing your patient portal request");
    assert!(text_b.contains(none["pending"]["reference"].as_str().unwrap()));
    assert_eq!(
        text_a.replace(several["pending"]["reference"].as_str().unwrap(), "REF"),
        text_b.replace(none["pending"]["reference"].as_str().unwrap(), "REF")
    );
    let open = server
        .count("SELECT COUNT(*) FROM signup_requests WHERE status = 'received'")
        .await;
    assert_eq!(open, 2);
}

async fn status_lookup_shows_each_state(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let (_, pending) = submit(&server, &stranger()).await;
    let reference = pending["pending"]["reference"]
        .as_str()
        .unwrap()
        .to_string();
    let dob = stranger()["dob"].clone();
    let look = |reference: String, dob: Value| {
        let server = &server;
        async move {
            server
                .call(
                    "signup/status",
                    json!({ "lookup": { "reference": reference, "dob": dob } }),
                )
                .await
        }
    };
    let (status, body) = look(reference.clone(), dob.clone()).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["state"]["signup"], "received");
    assert_eq!(body["overdue"], false);
    assert_eq!(body["promised_by"], pending["pending"]["promised_by"]);
    // Forgiving about case and the hyphen.
    assert_eq!(
        look(reference.replace('-', " ").to_lowercase(), dob.clone())
            .await
            .0,
        StatusCode::OK
    );
    // A wrong date of birth and an unknown reference say the same.
    let wrong_dob = look(
        reference.clone(),
        json!({ "month": "7", "day": "5", "year": "1976" }),
    )
    .await;
    let unknown = look("ZZZZ-ZZZZ".into(), dob.clone()).await;
    assert_eq!(wrong_dob, unknown);
    assert_eq!(wrong_dob.1["invalid"]["errors"][0]["field"], "reference");

    for (stored, shown) in [
        ("under_review", "under_review"),
        ("code_sent_email", "code_sent_by_email"),
        ("code_sent_mail", "code_sent_by_mail"),
    ] {
        server
            .execute(&format!("UPDATE signup_requests SET status = '{stored}'"))
            .await;
        assert_eq!(
            look(reference.clone(), dob.clone()).await.1["state"]["signup"],
            shown
        );
    }
    server
        .execute("UPDATE signup_requests SET status = 'received', promised_by = 1000")
        .await;
    assert_eq!(
        look(reference.clone(), dob.clone()).await.1["overdue"],
        true
    );
    server.execute("UPDATE signup_requests SET status = 'closed', status_reason = 'Duplicate of an earlier request'").await;
    let (_, closed) = look(reference.clone(), dob.clone()).await;
    assert_eq!(
        (
            closed["state"]["signup"].clone(),
            closed["reason"].clone(),
            closed["overdue"].clone()
        ),
        (
            json!("closed"),
            json!("Duplicate of an earlier request"),
            json!(false)
        )
    );
}

fn new_code_request(first: &str, last: &str, dob: &Value, contact: &str) -> Value {
    json!({ "request": { "first_name": first, "last_name": last, "dob": dob, "contact": contact } })
}

async fn a_new_code_goes_to_the_record_and_the_answer_never_changes(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let old = server.issue_code(ADULT_MRN);
    let details = details_of(&server, ADULT_MRN).await;
    let dob = details["dob"].clone();
    // By phone: the code still goes to the email on the record.
    let phone = details["mobile_phone"]
        .as_str()
        .unwrap()
        .replace(['(', ')', ' ', '-'], "");
    // Both answers take at least the steady time, whatever was found.
    let started = std::time::Instant::now();
    let matched = server
        .call(
            "signup/new-code",
            new_code_request("Maria", "Garcia", &dob, &phone),
        )
        .await;
    let matched_took = started.elapsed();
    let started = std::time::Instant::now();
    let unmatched = server
        .call(
            "signup/new-code",
            new_code_request("Maria", "Garcia", &dob, "555-555-0000"),
        )
        .await;
    let unmatched_took = started.elapsed();
    let steady = std::time::Duration::from_millis(100);
    assert!(
        matched_took >= steady && unmatched_took >= steady,
        "{matched_took:?} {unmatched_took:?}"
    );
    assert_eq!(matched, (StatusCode::OK, json!("emailed")));
    assert_eq!(unmatched, matched);
    let (subject, text) = server
        .last_email_to("maria.garcia@example.com")
        .await
        .unwrap();
    assert_eq!(subject, "Your new patient portal access code");
    let start = text.find("Your new access code is ").unwrap() + "Your new access code is ".len();
    let new = &text[start..start + 17];
    // The old code stopped working; the new one works.
    let verify = |code: String| {
        let (server, dob) = (&server, dob.clone());
        async move {
            server
                .call(
                    "signup/code/verify",
                    json!({ "input": code_entry(&code, &dob) }),
                )
                .await
        }
    };
    assert_eq!(verify(old).await.1, json!("code_voided"));
    assert_eq!(verify(new.to_string()).await.0, StatusCode::OK);
    assert_eq!(server.count("SELECT COUNT(*) FROM outbox").await, 1);

    // No email on the record: the help desk mails one, and the answer says
    // so with the request's reference; asking again gives the same one.
    let harold = details_of(&server, "100006").await;
    let phone = harold["mobile_phone"].as_str().unwrap().to_string();
    let ask = || {
        server.call(
            "signup/new-code",
            new_code_request("Harold", "Brooks", &harold["dob"], &phone),
        )
    };
    let (status, answer) = ask().await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let reference = answer["by_mail"]["reference"].as_str().unwrap().to_string();
    assert_eq!(reference.len(), 9, "{answer}");
    assert!(
        answer["by_mail"]["promised_by"]
            .as_str()
            .unwrap()
            .contains(", 20")
    );
    assert_eq!(ask().await.1, answer);
    let queued: String = server
        .query_one(
            "SELECT status_reason FROM signup_requests WHERE reference = $1",
            &reference,
        )
        .await;
    assert!(queued.contains("send it by mail"), "{queued}");
    assert_eq!(
        server.count("SELECT COUNT(*) FROM signup_requests").await,
        1
    );
}

async fn new_codes_are_limited_per_patient_and_per_client(db: Db) {
    let server = TestServer::start_on_new(db, &["--new-code-network-limit", "10"]).await;
    // Per patient a day, per client an hour: start at the top of a day.
    server.align_clock(24 * 3600);
    let dob = server.dob_of(ADULT_MRN).await;
    let request = new_code_request("Maria", "Garcia", &dob, "maria.garcia@example.com");
    for _ in 0..4 {
        assert_eq!(
            server.call("signup/new-code", request.clone()).await.0,
            StatusCode::OK
        );
    }
    // The fourth request got the same answer but sent nothing.
    assert_eq!(server.count("SELECT COUNT(*) FROM outbox").await, 3);
    for _ in 0..6 {
        assert_eq!(
            server.call("signup/new-code", request.clone()).await.0,
            StatusCode::OK
        );
    }
    // The eleventh from this network in the hour (the setting) is refused,
    // saying it is the network's limit.
    let (status, body) = server.call("signup/new-code", request.clone()).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["too_many_attempts"]["from_network"], true, "{body}");
}

async fn records_requests_are_checked_and_stored(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let (status, body) = server
        .call("records-request", json!({ "request": {} }))
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let fields: Vec<&str> = body["invalid"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "first_name",
            "last_name",
            "dob",
            "street",
            "city",
            "state",
            "zip",
            "phone",
            "records_wanted",
            "delivery",
            "signature"
        ]
    );
    let mut request = json!({
        "first_name": "Harold", "middle_name": "", "last_name": "Brooks",
        "dob": { "month": "3", "day": "9", "year": "1943" },
        "street": "12 Park Pl", "city": "Albany", "state": "NY", "zip": "12207-1234", "phone": "555 555 0123",
        "records_wanted": "Lab results and discharge notes",
        "from": { "month": "1", "day": "1", "year": "2025" }, "to": { "month": "12", "day": "31", "year": "2024" },
        "delivery": "mail", "signature": "Harold Brooks",
    });
    let (_, body) = server
        .call("records-request", json!({ "request": request }))
        .await;
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({ "field": "to", "message": "The last date must be the same as or after the first date" })
    );
    request["to"] = json!({ "month": "", "day": "", "year": "" });
    request["from"] = json!({ "month": "", "day": "", "year": "" });
    let (status, received) = server
        .call("records-request", json!({ "request": request }))
        .await;
    assert_eq!(status, StatusCode::OK, "{received}");
    let reference = received["reference"].as_str().unwrap();
    let stored: String = server
        .query_one(
            "SELECT records_wanted FROM records_requests WHERE reference = $1",
            reference,
        )
        .await;
    assert_eq!(stored, "Lab results and discharge notes");
    // The status page takes its reference too, with the date of birth.
    let lookup = |dob: Value| {
        server.call(
            "signup/status",
            json!({ "lookup": { "reference": reference.to_lowercase(), "dob": dob } }),
        )
    };
    let (status, found) = lookup(request["dob"].clone()).await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found["state"], json!({ "records": "received" }));
    assert_eq!(found["reference"], reference);
    let (status, _) = lookup(json!({ "month": "3", "day": "10", "year": "1943" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
}

async fn over_the_email_limit_the_answer_says_no_new_code_went(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server.align_clock(3600);
    let details = details_of(&server, ADULT_MRN).await;
    for _ in 0..5 {
        let (_, body) = submit(&server, &details).await;
        assert_eq!(
            body["email_code_sent"]["wait_minutes"],
            Value::Null,
            "{body}"
        );
    }
    server.advance_clock(10 * 60);
    let (status, body) = submit(&server, &details).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // Five went out this hour: none now, and a new one in 50 minutes.
    assert_eq!(body["email_code_sent"]["wait_minutes"], 50, "{body}");
    assert_eq!(server.count("SELECT COUNT(*) FROM email_codes").await, 5);
}

async fn an_existing_account_is_named_right_after_the_emailed_code(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let details = details_of(&server, ADULT_MRN).await;
    submit(&server, &details).await;
    let code = emailed_code(&server, "maria.garcia@example.com").await;
    // Before any username or password: sign in, or recover.
    let (status, body) = check_code(&server, &details, &code).await;
    assert_eq!(
        (status, body),
        (StatusCode::CONFLICT, json!("account_exists"))
    );
    // A wrong code still says only that it is wrong.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    assert_eq!(
        check_code(&server, &details, wrong).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
}

async fn a_child_is_told_after_the_date_of_birth_and_nothing_is_kept(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let age = |dob: Value| server.call("signup/verify/age", json!({ "dob": dob }));
    let lily = details_of(&server, CHILD_MRN).await;
    assert_eq!(
        age(lily["dob"].clone()).await,
        (StatusCode::OK, json!(true))
    );
    let aiden = details_of(&server, TEEN_MRN).await;
    assert_eq!(
        age(aiden["dob"].clone()).await,
        (StatusCode::OK, json!(false))
    );
    let (status, body) = age(json!({ "month": "13", "day": "1", "year": "2020" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    // Sent anyway, matched or not, a child gets no code and no request
    // (no promise of a code).
    let mut lily = lily;
    lily["email"] = json!("lily.chen@example.com");
    let mut unmatched = lily.clone();
    unmatched["first_name"] = json!("Lilian");
    for details in [&lily, &unmatched] {
        let (status, body) = submit(&server, details).await;
        assert_eq!((status, body), (StatusCode::OK, json!("too_young")));
    }
    assert_eq!(
        server.count("SELECT COUNT(*) FROM signup_requests").await,
        0
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM email_codes").await, 0);
    let audited = server
        .count("SELECT COUNT(*) FROM audit_log WHERE action = 'signup.too-young'")
        .await;
    assert_eq!(audited, 3);
}

async fn trying_again_replaces_the_open_request(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let dob = stranger()["dob"].clone();
    let reference_of = |body: &Value| body["pending"]["reference"].as_str().unwrap().to_string();
    let (_, first) = submit(&server, &stranger()).await;
    // Corrected details, same email: the first request is replaced.
    let mut corrected = stranger();
    corrected["street"] = json!("11 Elm St");
    let (_, second) = submit(&server, &corrected).await;
    let (first, second) = (reference_of(&first), reference_of(&second));
    assert_ne!(first, second);
    let look = |reference: String| {
        server.call(
            "signup/status",
            json!({ "lookup": { "reference": reference, "dob": dob.clone() } }),
        )
    };
    let (_, status) = look(first.clone()).await;
    assert_eq!(status["state"], json!({ "signup": "closed" }));
    assert_eq!(status["reason"], format!("superseded by {second}"));
    // A new email, but the reference this browser was given: replaced too.
    corrected["email"] = json!("pat.n@example.net");
    let (_, third) = server
        .call(
            "signup/verify/details",
            json!({ "details": corrected, "earlier_reference": second }),
        )
        .await;
    let third = reference_of(&third);
    assert_eq!(look(second).await.1["state"], json!({ "signup": "closed" }));
    // Someone else typing that email (another date of birth) closes nothing.
    let mut other = stranger();
    other["email"] = json!("pat.n@example.net");
    other["dob"] = json!({ "month": "8", "day": "9", "year": "1980" });
    let (_, fourth) = submit(&server, &other).await;
    assert!(fourth["pending"].is_object(), "{fourth}");
    assert_eq!(
        look(third).await.1["state"],
        json!({ "signup": "received" })
    );
    let open = server
        .count("SELECT COUNT(*) FROM signup_requests WHERE status = 'received'")
        .await;
    assert_eq!(open, 2, "the third and the other person's");
}

async fn creating_the_account_closes_the_persons_requests(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    // Harold has no email: his new-code request waits for the help desk.
    let harold = details_of(&server, "100006").await;
    let phone = harold["mobile_phone"].as_str().unwrap().to_string();
    let (_, answer) = server
        .call(
            "signup/new-code",
            new_code_request("Harold", "Brooks", &harold["dob"], &phone),
        )
        .await;
    let reference = answer["by_mail"]["reference"].as_str().unwrap().to_string();
    // He signs up with a code from the clinic meanwhile.
    server
        .create_account_unconfirmed("100006", "harold.b", GOOD_PASSWORD)
        .await;
    let (_, status) = server
        .call(
            "signup/status",
            json!({ "lookup": { "reference": reference, "dob": harold["dob"] } }),
        )
        .await;
    assert_eq!(
        (status["state"].clone(), status["reason"].clone()),
        (json!({ "signup": "closed" }), json!("account created"))
    );
}

/// The emailed code proved Maria reads the record's address, nothing about
/// another one she types when she creates her login: that one gets a code of
/// its own, and until it is entered no reset code goes anywhere.
async fn an_email_typed_at_the_login_step_is_confirmed_before_it_is_trusted(db: Db) {
    const TYPED: &str = "maria.personal@example.net";
    const RECORD: &str = "maria.garcia@example.com";
    let server = TestServer::start_on_new(db, &[]).await;
    let details = details_of(&server, ADULT_MRN).await;
    let (status, body) = submit(&server, &details).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = emailed_code(&server, RECORD).await;
    let (status, verified) = check_code(&server, &details, &code).await;
    assert_eq!(status, StatusCode::OK, "{verified}");
    let access_code = verified["access_code"].as_str().unwrap().to_string();

    let body = json!({
        "code": code_entry(&access_code, &details["dob"]),
        "login": login("maria.g", GOOD_PASSWORD, TYPED),
    });
    let (status, created) = server.call("signup/code/create-account", body).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(created["email"], TYPED, "{created}");
    assert_eq!(created["email_to_confirm"], true, "{created}");
    let confirm_code = server.email_confirmation_code(TYPED).await;
    let stored: Option<String> = server
        .query_one(
            "SELECT NULLIF(email, '') FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(stored, None, "no confirmed email yet");

    // A reset asked for now answers as ever and sends nothing, to either.
    let outbox = "SELECT COUNT(*) FROM outbox";
    let before = server.count(outbox).await;
    let reset = json!({ "request": { "username": "maria.g" } });
    let (status, answer) = server.call("recover/password", reset.clone()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (_, unknown) = server
        .call(
            "recover/password",
            json!({ "request": { "username": "nobody.here" } }),
        )
        .await;
    assert_eq!(answer, unknown, "the same answer as for no account");
    assert_eq!(server.count("SELECT COUNT(*) FROM reset_codes").await, 0);
    assert_eq!(server.count(outbox).await, before, "no email at all");

    // Confirmed with its code, the address gets reset codes.
    let creds = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (status, body, cookie) = server.call_with_cookie("signin", creds, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = cookie_pair(&cookie.expect("a session"));
    let (status, body, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": confirm_code }),
            Some(&cookie),
        )
        .await;
    assert_eq!((status, body), (StatusCode::OK, json!(TYPED)));
    let (status, _) = server.call("recover/password", reset).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(server.count("SELECT COUNT(*) FROM reset_codes").await, 1);
    let (subject, _) = server.last_email_to(TYPED).await.expect("a reset code");
    assert_eq!(subject, "Your patient portal password reset code");
}
