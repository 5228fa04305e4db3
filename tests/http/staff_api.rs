//! Staff accounts over HTTP against real servers: the one-time setup code,
//! staff sign-in with its own sessions, the wall between staff and
//! patient sessions, and administrators managing staff accounts (console
//! and command line).

on_both_databases!(
    a_setup_code_works_once_and_expires,
    staff_sign_in_and_out_with_their_own_sessions,
    an_agent_finds_a_patient_and_issues_codes_by_each_channel,
    an_agent_unlocks_a_patient_account,
    every_staff_function_checks_the_role,
    an_agent_works_the_unverified_signups,
    an_agent_works_the_records_requests,
    the_audit_log_is_filtered_sorted_and_verified,
    the_audit_log_is_read_a_page_at_a_time_with_its_total,
    an_admin_resets_a_staff_password,
    an_admin_unlocks_a_staff_member,
    a_disabled_member_is_answered_like_an_unknown_username,
    staff_accounts_are_managed_on_the_command_line,
    two_administrators_cannot_disable_each_other_at_once,
);

use crate::common::*;
use frontdesk::api::signin::signin_failed;
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
    assert_eq!(wrong.1["invalid"]["errors"][0]["message"], signin_failed());

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

/// Calls a staff function as the staff member with `cookie`.
async fn staff_call(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    body: Value,
) -> (StatusCode, Value) {
    let (status, body, _) = server.call_with_cookie(endpoint, body, Some(cookie)).await;
    (status, body)
}

/// Issues a code for `patient` by `channel` as the staff member with `cookie`.
async fn issue(
    server: &TestServer,
    cookie: &str,
    patient: i64,
    channel: &str,
) -> (StatusCode, Value) {
    let body = json!({ "patient_id": patient, "channel": channel });
    staff_call(server, cookie, "staff/codes/issue", body).await
}

async fn patient_id(server: &TestServer, mrn: &str) -> i64 {
    server
        .query_one("SELECT id FROM patients WHERE mrn = $1", mrn)
        .await
}

async fn an_agent_finds_a_patient_and_issues_codes_by_each_channel(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let maria = patient_id(&server, ADULT_MRN).await;

    // By MRN, or by last name and date of birth.
    let (status, found) = staff_call(
        &server,
        &agent,
        "staff/patients/find",
        json!({ "query": { "mrn": ADULT_MRN } }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{found}");
    assert_eq!(found[0]["name"], "Maria Elena Garcia");
    assert_eq!(found[0]["has_account"], false);
    let dob = server.dob_of(ADULT_MRN).await;
    let (_, by_name) = staff_call(
        &server,
        &agent,
        "staff/patients/find",
        json!({ "query": { "last_name": "GARCÍA", "dob": dob } }),
    )
    .await;
    assert!(
        by_name.as_array().unwrap().iter().any(|p| p["id"] == maria),
        "{by_name}"
    );
    let (status, neither) = staff_call(
        &server,
        &agent,
        "staff/patients/find",
        json!({ "query": {} }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    let fields: Vec<&str> = neither["invalid"]["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["last_name", "dob"]);

    // Read out on screen: the code works for signing up.
    let (status, issued) = issue(&server, &agent, maria, "screen").await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let screen_code = issued["code"].as_str().expect("the code, once").to_string();
    assert_eq!(screen_code.len(), 17, "{screen_code}");
    let (status, verified) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&screen_code, &dob) }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{verified}");

    // Emailed to the record's address; the screen code ends.
    let (status, emailed) = issue(&server, &agent, maria, "email").await;
    assert_eq!(status, StatusCode::OK, "{emailed}");
    assert_eq!(emailed["code"], Value::Null, "an emailed code is not shown");
    assert_eq!(emailed["emailed_to"], "maria.garcia@example.com");
    let (subject, body) = server
        .last_email_to("maria.garcia@example.com")
        .await
        .expect("the email");
    assert_eq!(subject, "Your new patient portal access code");
    assert!(!body.contains(&screen_code));
    let (status, _) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&screen_code, &dob) }),
        )
        .await;
    assert_ne!(status, StatusCode::OK, "the older code ended");

    // A letter: the code, its expiry and the address, ready to print.
    let (status, letter) = issue(&server, &agent, maria, "letter").await;
    assert_eq!(status, StatusCode::OK, "{letter}");
    let printed = &letter["letter"];
    assert_eq!(printed["code"], letter["code"]);
    assert_eq!(printed["name"], "Maria Elena Garcia");
    let street: String = server
        .query_one("SELECT street FROM patients WHERE mrn = $1", ADULT_MRN)
        .await;
    assert_eq!(printed["address"][0], street.as_str());
    assert_eq!(printed["language"], "en");
    assert_eq!(printed["before_code"][1], "Dear Maria Elena Garcia,");
    assert!(
        printed["steps"][0]
            .as_str()
            .unwrap()
            .ends_with("/signup/code"),
        "{printed}"
    );

    // The status lists codes newest first, never their values.
    let (status, seen) = staff_call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    // The record's preferred language, which its letters and emails use.
    assert_eq!(seen["language"], "Not given (English)", "{seen}");
    let ana: i64 = server
        .query_one("SELECT id FROM patients WHERE first_name = $1", "Ana")
        .await;
    let (_, ana) = staff_call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": ana }),
    )
    .await;
    assert_eq!(ana["language"], "Spanish", "{ana}");
    let statuses: Vec<&str> = seen["codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        &statuses[..3],
        [
            "Active",
            "Replaced by a newer code",
            "Replaced by a newer code"
        ]
    );
    assert!(!seen.to_string().contains(letter["code"].as_str().unwrap()));
    assert_eq!(seen["no_code_because"], Value::Null);

    // Revoke the letter's code: it ends, once.
    let code_id = seen["codes"][0]["id"].clone();
    let revoke = json!({ "patient_id": maria, "code_id": code_id });
    assert_eq!(
        staff_call(&server, &agent, "staff/codes/revoke", revoke.clone())
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        staff_call(&server, &agent, "staff/codes/revoke", revoke)
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
    let (_, seen) = staff_call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(seen["codes"][0]["status"], "Revoked");

    // Children get no code of their own; nor do patients with an account.
    let lily = patient_id(&server, CHILD_MRN).await;
    let (status, _) = issue(&server, &agent, lily, "screen").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let robert = patient_id(&server, OLDER_ADULT_MRN).await;
    let (status, _) = issue(&server, &agent, robert, "screen").await;
    assert_eq!(status, StatusCode::CONFLICT);

    for outcome in [
        "issued; shown on screen",
        "issued; emailed",
        "issued; mail letter",
    ] {
        let n: i64 = server
            .query_one(
                "SELECT COUNT(*) FROM audit_log WHERE outcome = $1 AND actor = 'staff:dana.help'",
                outcome,
            )
            .await;
        assert_eq!(n, 1, "{outcome}");
    }
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'code.revoke'")
            .await,
        1
    );
    // Her letter is in Spanish, her own language; the console stays English.
    let ana_id: i64 = server
        .query_one("SELECT id FROM patients WHERE first_name = $1", "Ana")
        .await;
    let (status, issued) = issue(&server, &agent, ana_id, "letter").await;
    assert_eq!(status, StatusCode::OK, "{issued}");
    let spanish = &issued["letter"];
    assert_eq!(spanish["language"], "es");
    assert_eq!(
        spanish["before_code"][1], "Estimado/a Ana Lucía Silva:",
        "{spanish}"
    );
    assert!(
        spanish["after_code"]
            .as_str()
            .unwrap()
            .starts_with("Se puede usar una sola vez, hasta el "),
        "{spanish}"
    );
    assert!(
        spanish["before_code"][0].as_str().unwrap().contains(" de "),
        "{spanish}"
    );
}

async fn an_agent_unlocks_a_patient_account(db: Db) {
    let server = TestServer::start_on_new(
        db,
        &["--signin-lock-after", "2", "--signin-slow-after", "5"],
    )
    .await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    for _ in 0..2 {
        server
            .call("signin", creds("maria.g", "not the password at all"))
            .await;
    }
    assert_eq!(
        server
            .call("signin", creds("maria.g", GOOD_PASSWORD))
            .await
            .0,
        StatusCode::UNPROCESSABLE_ENTITY,
        "locked"
    );

    let agent = server.staff_session("dana.help", "agent").await;
    let maria = patient_id(&server, ADULT_MRN).await;
    let (_, seen) = staff_call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(seen["account"]["username"], "maria.g");
    assert!(
        seen["account"]["locked"]
            .as_str()
            .unwrap()
            .starts_with("Locked until "),
        "{seen}"
    );
    assert_eq!(
        seen["no_code_because"],
        "This patient already has a portal account."
    );

    let (status, _) = staff_call(
        &server,
        &agent,
        "staff/accounts/unlock",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (_, seen) = staff_call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(seen["account"]["locked"], Value::Null);
    assert_eq!(
        server
            .call("signin", creds("maria.g", GOOD_PASSWORD))
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'account.unlock'")
            .await,
        1
    );
}

/// Every staff function, with a body it accepts, and whether clinic staff
/// may use it. Each new staff function is added here.
fn staff_functions(patient: i64) -> Vec<(&'static str, Value, bool)> {
    vec![
        (
            "staff/patients/find",
            json!({ "query": { "mrn": ADULT_MRN } }),
            true,
        ),
        (
            "staff/patients/status",
            json!({ "patient_id": patient }),
            true,
        ),
        (
            "staff/codes/issue",
            json!({ "patient_id": patient, "channel": "screen" }),
            true,
        ),
        (
            "staff/codes/revoke",
            json!({ "patient_id": patient, "code_id": 0 }),
            true,
        ),
        (
            "staff/accounts/unlock",
            json!({ "patient_id": patient }),
            false,
        ),
        ("staff/queue", json!({}), false),
        (
            "staff/queue/review",
            json!({ "request": { "reference": "0000-0000" } }),
            false,
        ),
        (
            "staff/queue/act",
            json!({ "request": { "reference": "0000-0000" }, "action": "duplicate" }),
            false,
        ),
        ("staff/records-requests", json!({}), false),
        (
            "staff/records-requests/status",
            json!({ "request": { "reference": "0000-0000" }, "status": "completed" }),
            false,
        ),
        ("staff/audit", json!({ "filter": {} }), false),
        ("staff/proxies", json!({}), false),
        (
            "staff/proxies/decide",
            json!({ "request": { "reference": "0000-0000" }, "decision": { "deny": { "reason": "x" } } }),
            false,
        ),
        (
            "staff/patients/emancipated",
            json!({ "patient_id": patient }),
            false,
        ),
    ]
}

/// The functions only administrators may use, each with a body.
fn admin_functions() -> Vec<(&'static str, Value)> {
    let nobody = json!({ "username": "nobody.here" });
    vec![
        ("staff/members", json!({})),
        ("staff/members/reset", nobody.clone()),
        ("staff/members/unlock", nobody.clone()),
        ("staff/members/disable", nobody.clone()),
        ("staff/members/enable", nobody),
    ]
}

async fn every_staff_function_checks_the_role(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let (_, _, patient) = server
        .call_with_cookie("signin", creds("maria.g", GOOD_PASSWORD), None)
        .await;
    let patient = cookie_pair(&patient.expect("a patient cookie"));
    let clinic = server.staff_session("lee.clinic", "clinic").await;
    let agent = server.staff_session("dana.help", "agent").await;
    let admin = server.staff_session("sam.admin", "admin").await;
    let robert = patient_id(&server, OLDER_ADULT_MRN).await;
    for (endpoint, body, clinic_may) in staff_functions(robert) {
        let anonymous = server.call(endpoint, body.clone()).await.0;
        assert_eq!(
            anonymous,
            StatusCode::UNAUTHORIZED,
            "{endpoint} without a session"
        );
        let as_patient = staff_call(&server, &patient, endpoint, body.clone())
            .await
            .0;
        assert_eq!(
            as_patient,
            StatusCode::UNAUTHORIZED,
            "{endpoint} as a patient"
        );
        let as_clinic = staff_call(&server, &clinic, endpoint, body.clone()).await.0;
        if clinic_may {
            assert!(
                ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&as_clinic),
                "{endpoint} as clinic staff: {as_clinic}"
            );
        } else {
            assert_eq!(
                as_clinic,
                StatusCode::FORBIDDEN,
                "{endpoint} as clinic staff"
            );
        }
        for (role, cookie) in [("agent", &agent), ("admin", &admin)] {
            let status = staff_call(&server, cookie, endpoint, body.clone()).await.0;
            assert!(
                ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
                "{endpoint} as {role}: {status}"
            );
        }
    }
    // Managing staff accounts is for administrators alone.
    for (endpoint, body) in admin_functions() {
        for (who, cookie) in [
            ("without a session", None),
            ("as a patient", Some(&patient)),
        ] {
            let (status, _, _) = server
                .call_with_cookie(endpoint, body.clone(), cookie.map(String::as_str))
                .await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{endpoint} {who}");
        }
        for (role, cookie) in [("clinic", &clinic), ("agent", &agent)] {
            let status = staff_call(&server, cookie, endpoint, body.clone()).await.0;
            assert_eq!(status, StatusCode::FORBIDDEN, "{endpoint} as {role}");
        }
        let status = staff_call(&server, &admin, endpoint, body.clone()).await.0;
        assert!(
            ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
            "{endpoint} as admin: {status}"
        );
    }
    assert!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'staff.denied'")
            .await
            >= 1
    );

    // A staff session is nobody to the patients' functions.
    for (endpoint, body) in [
        (
            "account/password",
            json!({ "change": { "current": STAFF_PASSWORD, "new": "an entirely new passphrase" } }),
        ),
        (
            "account/email",
            json!({ "request": { "email": "staff@example.com" } }),
        ),
        ("account/email/confirm", json!({ "code": "123456" })),
    ] {
        let status = staff_call(&server, &agent, endpoint, body).await.0;
        assert_eq!(
            status,
            StatusCode::UNAUTHORIZED,
            "{endpoint} with a staff session"
        );
    }
    assert_eq!(
        staff_call(&server, &agent, "home", json!({})).await,
        (StatusCode::OK, Value::Null)
    );
    for endpoint in ["signout", "signout-everywhere"] {
        assert_eq!(
            staff_call(&server, &agent, endpoint, json!({})).await.0,
            StatusCode::OK
        );
    }
    // Those ended neither the staff session nor the patient's.
    assert_eq!(me(&server, &agent).await["username"], "dana.help");
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&patient))
        .await;
    assert_eq!(home["username"], "maria.g");
}

async fn request_state(server: &TestServer, reference: &str) -> Value {
    let dob = server.dob_of(ADULT_MRN).await;
    let (status, body) = server
        .call(
            "signup/status",
            json!({ "lookup": { "reference": reference, "dob": dob } }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

async fn an_agent_works_the_unverified_signups(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let first = server.unverified_signup("m.garza@example.com").await;
    server.advance_clock(8 * 86_400);
    let agent = server.staff_session("dana.help", "agent").await;
    let second = server.unverified_signup("maria.g2@example.com").await;
    let third = server.unverified_signup("maria.g3@example.com").await;

    // Oldest first; the first is past the one-week promise.
    let (status, queue) = staff_call(&server, &agent, "staff/queue", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    let references: Vec<&str> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        references,
        [first.as_str(), second.as_str(), third.as_str()]
    );
    assert_eq!(
        (queue[0]["overdue"].clone(), queue[0]["waited_days"].clone()),
        (json!(true), json!(8))
    );
    assert_eq!(queue[1]["overdue"], false);

    // Opening it shows it beside Maria's record, differences marked; the
    // person's status page says it is under review.
    let review = json!({ "request": { "reference": first.to_lowercase() } });
    let (status, seen) = staff_call(&server, &agent, "staff/queue/review", review).await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["submitted"][0]["value"], "Maria Garza");
    let maria = patient_id(&server, ADULT_MRN).await;
    let closest = &seen["candidates"][0];
    assert_eq!(closest["patient_id"], maria);
    let same: Vec<(&str, bool)> = closest["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["label"].as_str().unwrap(), f["same"].as_bool().unwrap()))
        .collect();
    assert_eq!(same[0], ("Name", false));
    assert_eq!(same[1], ("Date of birth", true));
    assert_eq!(
        request_state(&server, &first).await["state"]["signup"],
        "under_review"
    );

    // Link and send a code by email: to the record's address, never the typed one.
    let act = json!({ "request": { "reference": first }, "action": { "send_code": { "patient_id": maria, "channel": "email" } } });
    let (status, done) = staff_call(&server, &agent, "staff/queue/act", act.clone()).await;
    assert_eq!(status, StatusCode::OK, "{done}");
    assert_eq!(done["emailed_to"], "maria.garcia@example.com");
    let (subject, _) = server
        .last_email_to("maria.garcia@example.com")
        .await
        .unwrap();
    assert_eq!(subject, "Your new patient portal access code");
    let (subject, _) = server.last_email_to("m.garza@example.com").await.unwrap();
    assert_eq!(subject, "We sent your patient portal access code");
    assert_eq!(
        request_state(&server, &first).await["state"]["signup"],
        "code_sent_by_email"
    );
    assert_eq!(
        staff_call(&server, &agent, "staff/queue/act", act).await.0,
        StatusCode::BAD_REQUEST,
        "closed"
    );

    // A letter instead.
    let act = json!({ "request": { "reference": second }, "action": { "send_code": { "patient_id": maria, "channel": "letter" } } });
    let (_, done) = staff_call(&server, &agent, "staff/queue/act", act).await;
    assert!(done["letter"]["code"].as_str().is_some(), "{done}");
    assert_eq!(
        request_state(&server, &second).await["state"]["signup"],
        "code_sent_by_mail"
    );

    // Reject with a reason the person reads; a reason is required.
    let reject = |reason: &str| json!({ "request": { "reference": third }, "action": { "reject": { "reason": reason } } });
    let (status, body) = staff_call(&server, &agent, "staff/queue/act", reject(" ")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["invalid"]["errors"][0]["field"], "reason");
    let reason = "We could not find a record with these details. Please call us.";
    assert_eq!(
        staff_call(&server, &agent, "staff/queue/act", reject(reason))
            .await
            .0,
        StatusCode::OK
    );
    let (subject, text) = server.last_email_to("maria.g3@example.com").await.unwrap();
    assert_eq!(subject, "About your patient portal request");
    assert!(text.contains(reason));
    let state = request_state(&server, &third).await;
    assert_eq!(
        (state["state"]["signup"].as_str(), state["reason"].as_str()),
        (Some("closed"), Some(reason))
    );

    // A duplicate closes quietly.
    let fourth = server.unverified_signup("maria.g4@example.com").await;
    let duplicate = json!({ "request": { "reference": fourth }, "action": "duplicate" });
    assert_eq!(
        staff_call(&server, &agent, "staff/queue/act", duplicate)
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        request_state(&server, &fourth).await["state"]["signup"],
        "closed"
    );
    let (_, queue) = staff_call(&server, &agent, "staff/queue", json!({})).await;
    assert_eq!(queue, json!([]));
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'signup.queue'")
            .await,
        4
    );
}

async fn an_agent_works_the_records_requests(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let request = json!({
        "first_name": "Harold", "middle_name": "", "last_name": "Brooks",
        "dob": { "month": "3", "day": "9", "year": "1943" },
        "street": "12 Park Pl", "city": "Albany", "state": "NY", "zip": "12207", "phone": "555 555 0123",
        "records_wanted": "Lab results", "delivery": "mail", "signature": "Harold Brooks",
    });
    let (status, received) = server
        .call("records-request", json!({ "request": request }))
        .await;
    assert_eq!(status, StatusCode::OK, "{received}");
    let reference = received["reference"].as_str().unwrap();
    let (_, queue) = staff_call(&server, &agent, "staff/records-requests", json!({})).await;
    assert_eq!(queue[0]["reference"], reference);
    assert_eq!(queue[0]["status"], "Received");
    assert_eq!(queue[0]["name"], "Harold Brooks");
    // Beside it, the closest record, field by field (this one was typed
    // with another birth date and address than Harold's record has).
    let closest = &queue[0]["candidates"][0];
    assert_eq!(closest["mrn"], "100006", "{queue}");
    let field = |label: &str| {
        closest["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["label"] == label)
            .map(|f| (f["same"].clone(), f["note"].clone()))
    };
    assert_eq!(field("Name"), Some((json!(true), json!(""))), "{closest}");
    assert_eq!(
        field("Date of birth"),
        Some((json!(false), json!("differs")))
    );
    for (status, shown) in [("in_progress", "Being prepared"), ("completed", "Sent")] {
        let body = json!({ "request": { "reference": reference }, "status": status });
        assert_eq!(
            staff_call(&server, &agent, "staff/records-requests/status", body)
                .await
                .0,
            StatusCode::OK
        );
        let (_, queue) = staff_call(&server, &agent, "staff/records-requests", json!({})).await;
        assert_eq!(queue[0]["status"], shown);
    }
    let unknown = json!({ "request": { "reference": "0000-0000" }, "status": "completed" });
    assert_eq!(
        staff_call(&server, &agent, "staff/records-requests/status", unknown)
            .await
            .0,
        StatusCode::BAD_REQUEST
    );
}

async fn the_audit_log_is_filtered_sorted_and_verified(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let maria = patient_id(&server, ADULT_MRN).await;
    issue(&server, &agent, maria, "screen").await;
    let read = |filter: Value| {
        let (server, agent) = (&server, &agent);
        async move {
            let (status, page) =
                staff_call(server, agent, "staff/audit", json!({ "filter": filter })).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            page
        }
    };
    let everything = read(json!({})).await;
    assert_eq!(
        everything["chain_verifies"], true,
        "{}",
        everything["chain"]
    );
    let entries = everything["entries"].as_array().unwrap();
    assert!(entries.len() > 40, "the demo's codes and more");
    // Newest first by default; no secrets.
    assert_eq!(entries[0]["action"], "code.issue");
    assert!(!everything.to_string().contains(STAFF_PASSWORD));

    let by_patient = read(json!({ "patient": ADULT_MRN, "action": "code" })).await;
    let rows = by_patient["entries"].as_array().unwrap();
    assert!(rows.len() >= 2, "the demo's code and the agent's");
    assert!(
        rows.iter().all(
            |e| e["patient"] == ADULT_MRN && e["action"].as_str().unwrap().starts_with("code.")
        )
    );
    let by_actor = read(json!({ "actor": "DANA" })).await;
    assert!(
        by_actor["entries"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["actor"] == "staff:dana.help")
    );
    let sorted = read(json!({ "sort": "actor", "ascending": true })).await;
    let actors: Vec<&str> = sorted["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["actor"].as_str().unwrap())
        .collect();
    assert!(actors.windows(2).all(|w| w[0] <= w[1]), "{actors:?}");
    let future = read(json!({ "from": "2099-01-01" })).await;
    assert_eq!(future["entries"], json!([]));
    let (status, _) = staff_call(
        &server,
        &agent,
        "staff/audit",
        json!({ "filter": { "from": "yesterday" } }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    // From after To says so; the same day is one day.
    let (status, body) = staff_call(
        &server,
        &agent,
        "staff/audit",
        json!({ "filter": { "from": "2026-11-30", "to": "2026-11-01" } }),
    )
    .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({ "field": "to", "message": "The To date must be the same as or after the From date" })
    );
    read(json!({ "from": "2026-11-30", "to": "2026-11-30" })).await;

    // The console checks what was written since its last check: tampering
    // with a new entry shows there, at that entry.
    issue(&server, &agent, maria, "screen").await;
    let entry = server.count("SELECT MAX(id) FROM audit_log").await;
    let drop = if db == Db::Sqlite {
        "DROP TRIGGER audit_log_no_update"
    } else {
        "DROP TRIGGER audit_log_no_change ON audit_log"
    };
    server.execute(drop).await;
    server
        .execute(&format!(
            "UPDATE audit_log SET outcome = 'nothing' WHERE id = {entry}"
        ))
        .await;
    let broken = read(json!({})).await;
    assert_eq!(broken["chain_verifies"], false);
    assert!(
        broken["chain"]
            .as_str()
            .unwrap()
            .contains(&format!("at entry {entry}")),
        "{}",
        broken["chain"]
    );
    // An entry the console checked before is left to the full check, which
    // finds the first change.
    let older = entries[3]["id"].as_i64().unwrap();
    server
        .execute(&format!(
            "UPDATE audit_log SET outcome = 'nothing' WHERE id = {older}"
        ))
        .await;
    let out = server.admin(&["verify-audit"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains(&format!("entry {older} (its contents were changed)")),
        "{said}"
    );
}

async fn the_audit_log_is_read_a_page_at_a_time_with_its_total(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let agent = server.staff_session("dana.help", "agent").await;
    // 130 searches: two pages of them, and more than a page of the log.
    for _ in 0..130 {
        let find = json!({ "query": { "mrn": ADULT_MRN } });
        let (status, body) = staff_call(&server, &agent, "staff/patients/find", find).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let read = |filter: Value| {
        let (server, agent) = (&server, &agent);
        async move {
            let (status, page) =
                staff_call(server, agent, "staff/audit", json!({ "filter": filter })).await;
            assert_eq!(status, StatusCode::OK, "{page}");
            page
        }
    };
    let ids = |page: &Value| -> Vec<i64> {
        page["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    };
    let all = server.count("SELECT COUNT(*) FROM audit_log").await;
    assert!((101..200).contains(&all), "{all}");
    let first = read(json!({})).await;
    assert_eq!(first["total"], all);
    assert_eq!(first["offset"], 0);
    let first_ids = ids(&first);
    assert_eq!(first_ids.len(), 100);
    assert_eq!(
        first_ids[0],
        server.count("SELECT MAX(id) FROM audit_log").await
    );
    // The last page goes on where the first ended, newest first.
    let second = read(json!({ "offset": 100 })).await;
    assert_eq!(
        (second["total"].clone(), second["offset"].clone()),
        (json!(all), json!(100))
    );
    let second_ids = ids(&second);
    assert_eq!(second_ids.len() as i64, all - 100);
    assert!(second_ids[0] < first_ids[99], "{second_ids:?}");
    assert_eq!(
        *second_ids.last().unwrap(),
        server.count("SELECT MIN(id) FROM audit_log").await
    );
    // Filtered, the total counts what matches: 130 searches, 30 on page two.
    let searches = read(json!({ "action": "patient.search", "offset": 100 })).await;
    assert_eq!(searches["total"], 130);
    let rows = searches["entries"].as_array().unwrap();
    assert_eq!(rows.len(), 30);
    assert!(rows.iter().all(|e| e["action"] == "patient.search"));
    let beyond = read(json!({ "action": "patient.search", "offset": 200 })).await;
    assert_eq!(
        (beyond["total"].clone(), beyond["entries"].clone()),
        (json!(130), json!([]))
    );
    // In the other order the first page starts with the oldest entry.
    let oldest = read(json!({ "ascending": true })).await;
    assert_eq!(
        ids(&oldest)[0],
        server.count("SELECT MIN(id) FROM audit_log").await
    );
    let by_actor = read(json!({ "actor": "dana", "sort": "actor", "offset": 100 })).await;
    assert_eq!(
        by_actor["total"],
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE actor = 'staff:dana.help'")
            .await
    );
}

/// `username`'s row in the administrators' staff list.
async fn listed(server: &TestServer, admin: &str, username: &str) -> Value {
    let (status, list) = staff_call(server, admin, "staff/members", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{list}");
    list.as_array()
        .unwrap()
        .iter()
        .find(|m| m["username"] == username)
        .unwrap_or_else(|| panic!("{username} is not listed: {list}"))
        .clone()
}

/// Signs `username` in with `password`: the answer and the session cookie.
async fn staff_sign_in(
    server: &TestServer,
    username: &str,
    password: &str,
) -> ((StatusCode, Value), Option<String>) {
    let (status, body, cookie) = server
        .call_with_cookie("staff/signin", creds(username, password), None)
        .await;
    ((status, body), cookie.as_deref().map(cookie_pair))
}

async fn an_admin_resets_a_staff_password(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let admin = server.staff_session("sam.admin", "admin").await;
    let first = server.staff_session("dana.help", "agent").await;
    let (_, second) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    let second = second.expect("a second session");
    assert_eq!(
        listed(&server, &admin, "dana.help").await["status"],
        "active"
    );

    let (status, reset) = staff_call(
        &server,
        &admin,
        "staff/members/reset",
        json!({ "username": "Dana.Help" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{reset}");
    assert_eq!(reset["username"], "dana.help");
    let code = reset["code"].as_str().expect("the new code").to_string();
    assert_eq!(code.len(), 14, "XXXX-XXXX-XXXX: {code}");
    assert!(
        reset["expires"].as_str().unwrap().contains(" UTC on "),
        "{reset}"
    );

    // Every session of theirs ended; the old password is answered like an
    // unknown username.
    assert_eq!(me(&server, &first).await, Value::Null);
    assert_eq!(me(&server, &second).await, Value::Null);
    let (old, cookie) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    let (unknown, _) = staff_sign_in(&server, "nobody.here", STAFF_PASSWORD).await;
    assert_eq!(old.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((old, cookie), (unknown, None));
    assert_eq!(
        listed(&server, &admin, "dana.help").await["status"],
        json!({ "waiting_for_setup": { "code_expired": false } })
    );

    // The new code sets a new password, once, and signs them in.
    let new_password = "lanterns over the quiet river";
    let (status, body, cookie) = server
        .call_with_cookie("staff/setup", setup("dana.help", &code, new_password), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let cookie = cookie_pair(&cookie.expect("a session"));
    assert_eq!(me(&server, &cookie).await["username"], "dana.help");
    let again = server
        .call("staff/setup", setup("dana.help", &code, new_password))
        .await;
    assert_eq!(again.0, StatusCode::UNPROCESSABLE_ENTITY);
    let ((status, _), _) = staff_sign_in(&server, "dana.help", new_password).await;
    assert_eq!(status, StatusCode::OK);

    // Audited as the administrator's act, never with the code.
    let n: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.admin.reset' \
             AND actor = 'staff:sam.admin' AND outcome LIKE $1",
            "dana.help: %",
        )
        .await;
    assert_eq!(n, 1);
    for written in [code.clone(), code.replace('-', "")] {
        let n: i64 = server
            .query_one(
                "SELECT COUNT(*) FROM audit_log WHERE outcome LIKE $1",
                &format!("%{written}%"),
            )
            .await;
        assert_eq!(n, 0, "the code is in the audit log");
    }
}

async fn an_admin_unlocks_a_staff_member(db: Db) {
    let server = TestServer::start_on_new(
        db,
        &["--signin-lock-after", "2", "--signin-slow-after", "5"],
    )
    .await;
    let admin = server.staff_session("sam.admin", "admin").await;
    server.staff_session("dana.help", "agent").await;
    for _ in 0..2 {
        staff_sign_in(&server, "dana.help", "not the password at all").await;
    }
    let (locked, _) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    assert_eq!(locked.0, StatusCode::UNPROCESSABLE_ENTITY, "locked");
    let status = listed(&server, &admin, "dana.help").await["status"].clone();
    assert!(
        status["locked"]["until"]
            .as_str()
            .is_some_and(|until| until.contains(" UTC on ")),
        "{status}"
    );

    let (status, body) = staff_call(
        &server,
        &admin,
        "staff/members/unlock",
        json!({ "username": "dana.help" }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        listed(&server, &admin, "dana.help").await["status"],
        "active"
    );
    let ((status, body), cookie) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(me(&server, &cookie.unwrap()).await["username"], "dana.help");
    let n: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.admin.unlock' \
             AND actor = 'staff:sam.admin' AND outcome = $1",
            "dana.help: sign-in lock lifted",
        )
        .await;
    assert_eq!(n, 1);
}

async fn a_disabled_member_is_answered_like_an_unknown_username(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let admin = server.staff_session("sam.admin", "admin").await;
    let dana = server.staff_session("dana.help", "agent").await;
    let lee_code = server.add_staff("lee.clinic", "clinic");
    let act = |endpoint: &'static str, username: &'static str| {
        let (server, admin) = (&server, &admin);
        async move {
            let body = json!({ "username": username });
            staff_call(server, admin, &format!("staff/members/{endpoint}"), body).await
        }
    };

    assert_eq!(act("disable", "dana.help").await.0, StatusCode::OK);
    assert_eq!(me(&server, &dana).await, Value::Null, "the session ended");
    let (disabled, cookie) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    let (unknown, _) = staff_sign_in(&server, "nobody.here", STAFF_PASSWORD).await;
    assert_eq!(disabled.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!((disabled, cookie), (unknown, None));
    // Nor can a disabled member use their setup code.
    assert_eq!(act("disable", "lee.clinic").await.0, StatusCode::OK);
    let refused = server
        .call(
            "staff/setup",
            setup("lee.clinic", &lee_code, STAFF_PASSWORD),
        )
        .await;
    let wrong = server
        .call(
            "staff/setup",
            setup("lee.clinic", "AAAA-AAAA-AAAA", STAFF_PASSWORD),
        )
        .await;
    assert_eq!(refused.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused, wrong);
    assert_eq!(
        listed(&server, &admin, "lee.clinic").await["status"],
        "disabled"
    );

    // What cannot be done is refused with the reason.
    let refusals = [
        (act("disable", "dana.help").await, "disabled already"),
        (act("reset", "dana.help").await, "enable it"),
        (act("disable", "sam.admin").await, "your own account"),
        (act("enable", "sam.admin").await, "not disabled"),
        (act("disable", "nobody.here").await, "no staff member"),
    ];
    for ((status, body), reason) in refusals {
        assert_eq!(status, StatusCode::BAD_REQUEST, "{body}");
        assert!(body.to_string().contains(reason), "{reason}: {body}");
    }
    assert_eq!(me(&server, &admin).await["username"], "sam.admin");

    // Other administrators can be disabled (the demo's too), but never the
    // last one.
    let kim = server.staff_session("kim.admin", "admin").await;
    assert_eq!(act("disable", "kim.admin").await.0, StatusCode::OK);
    assert_eq!(me(&server, &kim).await, Value::Null);
    assert_eq!(act("disable", "admin.demo").await.0, StatusCode::OK);
    let out = server.admin(&["staff", "disable", "--username", "sam.admin"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("last enabled administrator"), "{said}");
    assert_eq!(me(&server, &admin).await["username"], "sam.admin");

    // Enabled again, they sign in as before.
    assert_eq!(act("enable", "dana.help").await.0, StatusCode::OK);
    let ((status, body), _) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(
        listed(&server, &admin, "dana.help").await["status"],
        "active"
    );

    for (sql, expected) in [
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.admin.disable' \
             AND actor = 'staff:sam.admin' AND outcome LIKE '%: disabled; sessions ended'",
            4,
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.admin.enable' \
             AND outcome = 'dana.help: enabled'",
            1,
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action LIKE 'staff.admin.%' \
             AND outcome LIKE 'refused: %'",
            6,
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.signin.failed' \
             AND actor = 'staff:dana.help' AND outcome = 'refused: account disabled'",
            1,
        ),
        (
            "SELECT COUNT(*) FROM audit_log WHERE action = 'staff.setup' \
             AND outcome = 'refused: account disabled'",
            1,
        ),
    ] {
        assert_eq!(server.count(sql).await, expected, "{sql}");
    }
}

/// Runs `frontdesk staff …`; its standard output, or a failure.
fn staff_command(server: &TestServer, args: &[&str]) -> Result<String, String> {
    let out = server.admin(&[&["staff"], args].concat());
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).expect("utf-8");
    if out.status.success() {
        Ok(text(out.stdout))
    } else {
        Err(text(out.stderr))
    }
}

async fn staff_accounts_are_managed_on_the_command_line(db: Db) {
    let server = TestServer::start_on_new(
        db,
        &["--signin-lock-after", "2", "--signin-slow-after", "5"],
    )
    .await;
    let dana = server.staff_session("dana.help", "agent").await;
    let waiting = server.add_staff("lee.clinic", "clinic");
    assert!(!waiting.is_empty());
    let list = staff_command(&server, &["list"]).unwrap();
    assert!(list.contains("dana.help\tagent\tActive\n"), "{list}");
    assert!(
        list.contains("lee.clinic\tclinic\tWaiting for setup\n"),
        "{list}"
    );

    // Unlock.
    for _ in 0..2 {
        staff_sign_in(&server, "dana.help", "not the password at all").await;
    }
    let list = staff_command(&server, &["list"]).unwrap();
    assert!(list.contains("dana.help\tagent\tLocked until "), "{list}");
    staff_command(&server, &["unlock", "--username", "dana.help"]).unwrap();
    let ((status, _), _) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);

    // Disable and enable.
    staff_command(&server, &["disable", "--username", "dana.help"]).unwrap();
    assert_eq!(me(&server, &dana).await, Value::Null);
    let (disabled, _) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    let (unknown, _) = staff_sign_in(&server, "nobody.here", STAFF_PASSWORD).await;
    assert_eq!(disabled, unknown);
    staff_command(&server, &["enable", "--username", "dana.help"]).unwrap();
    let ((status, _), cookie) = staff_sign_in(&server, "dana.help", STAFF_PASSWORD).await;
    assert_eq!(status, StatusCode::OK);

    // Reset: a new setup code is printed; the session ends.
    let said = staff_command(&server, &["reset-password", "--username", "dana.help"]).unwrap();
    let code = said
        .lines()
        .find_map(|l| l.strip_prefix("Setup code: "))
        .unwrap_or_else(|| panic!("no setup code in {said}"));
    assert_eq!(me(&server, &cookie.unwrap()).await, Value::Null);
    let new_password = "lanterns over the quiet river";
    let (status, body) = server
        .call("staff/setup", setup("dana.help", code, new_password))
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let said = staff_command(&server, &["unlock", "--username", "nobody.here"]).unwrap_err();
    assert!(said.contains("no staff member"), "{said}");
    let n: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE actor = 'cli' AND action LIKE $1",
            "staff.admin.%",
        )
        .await;
    assert_eq!(n, 5, "unlock, disable, enable, reset, and the refusal");
}

async fn two_administrators_cannot_disable_each_other_at_once(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mut sam = server.staff_session("sam.admin", "admin").await;
    let mut kim = server.staff_session("kim.admin", "admin").await;
    let disable = |cookie: String, username: &'static str| {
        let server = &server;
        async move {
            let body = json!({ "username": username });
            staff_call(server, &cookie, "staff/members/disable", body).await
        }
    };
    assert_eq!(disable(sam.clone(), "admin.demo").await.0, StatusCode::OK);
    for _ in 0..5 {
        let (a, b) = tokio::join!(
            disable(sam.clone(), "kim.admin"),
            disable(kim.clone(), "sam.admin")
        );
        let done = [&a, &b]
            .iter()
            .filter(|(status, _)| *status == StatusCode::OK)
            .count();
        assert_eq!(done, 1, "exactly one goes through: {a:?} {b:?}");
        let enabled = server
            .count("SELECT COUNT(*) FROM staff WHERE role = 'admin' AND disabled_at IS NULL")
            .await;
        assert_eq!(enabled, 1);
        // Both enabled and signed in again for the next round.
        server
            .execute("UPDATE staff SET disabled_at = NULL WHERE username <> 'admin.demo'")
            .await;
        for (username, cookie) in [("sam.admin", &mut sam), ("kim.admin", &mut kim)] {
            if me(&server, cookie).await.is_null() {
                let ((status, _), new) = staff_sign_in(&server, username, STAFF_PASSWORD).await;
                assert_eq!(status, StatusCode::OK);
                *cookie = new.expect("a session");
            }
        }
    }
}
