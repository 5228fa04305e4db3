//! Proxy access requests over HTTP against real servers on both databases:
//! access by law for a listed parent (with the scope the state gives for the
//! child's age), refusal for an emancipated minor, review for everything
//! else (reading the same whether or not a record matched), the adult
//! patient asked to approve, and grants that end at the age of majority
//! (both sides warned a month before).

on_both_databases!(
    a_listed_parent_gets_access_by_law,
    a_namesake_with_an_unconfirmed_email_is_not_the_parent,
    a_listed_parent_of_an_emancipated_minor_is_refused,
    unlisted_parents_and_unknown_people_go_to_review_alike,
    the_wizard_answers_an_unlisted_requester_alike_whoever_exists,
    an_adult_patient_is_asked_to_approve,
    the_approval_email_follows_the_patients_changed_email,
    requests_are_checked,
    access_ends_at_the_age_of_majority,
    both_sides_are_warned_a_month_before_access_ends,
    the_help_desk_approves_and_denies_reviews,
    an_adult_patient_approves_or_refuses_first,
    a_proxy_opens_only_granted_records_for_their_scope,
    an_approved_parent_grant_ends_when_the_teens_emancipation_is_recorded,
    an_approved_parent_grant_ends_at_majority_whatever_its_end_date,
    a_parents_full_grant_narrows_once_the_child_is_a_teen,
    the_console_approves_no_wider_and_no_later_than_a_minors_rule,
    unknown_record_ids_are_refused_like_records_without_a_grant,
    access_ending_soon_is_renewed_from_the_home_page,
    the_console_lists_guardians_and_grants_and_an_agent_ends_one,
    an_administrator_undoes_a_mistaken_emancipation,
);

use crate::common::*;
use frontdesk::domain::access_code::ALPHABET;
use frontdesk::domain::date::Date;
use reqwest::StatusCode;
use serde_json::{Value, json};

/// Where the portal writes to Mei: her account's address.
const MEI_ACCOUNT_EMAIL: &str = "mei.chen@example.com";
const LILY_MRN: &str = CHILD_MRN; // Lily Chen, 9: her mother Mei Chen is on her record
const JORDAN_MRN: &str = "100005"; // Jordan Taylor, 17, emancipated

/// Adds Mei Chen as a patient with the contact her daughter's record lists,
/// gives her an account, and signs her in: the session cookie.
async fn mei_signed_in(server: &TestServer) -> String {
    server.add_parent_mei().await;
    signed_in(server, "mei.chen").await
}

async fn signed_in(server: &TestServer, username: &str) -> String {
    let creds = json!({ "credentials": { "username": username, "password": GOOD_PASSWORD } });
    let (status, body, cookie) = server.call_with_cookie("signin", creds, None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    cookie_pair(&cookie.expect("a session"))
}

/// The wizard's answers for the patient `mrn`, by name and date of birth.
async fn form_for(server: &TestServer, mrn: &str, relationship: &str) -> Value {
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query("SELECT first_name, last_name FROM patients WHERE mrn = $1")
        .bind(mrn)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    json!({
        "first_name": row.get::<String, _>("first_name"),
        "last_name": row.get::<String, _>("last_name"),
        "dob": server.dob_of(mrn).await,
        "relationship": relationship,
        "document_reference": "Case 2024-FC-118",
    })
}

async fn ask(
    server: &TestServer,
    cookie: &str,
    mrn: &str,
    relationship: &str,
) -> (StatusCode, Value) {
    let form = form_for(server, mrn, relationship).await;
    let (status, body, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(cookie))
        .await;
    (status, body)
}

/// Calls `endpoint` as the browser does: the status, the body's exact
/// bytes, and how long the answer took.
async fn raw_call(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    body: Value,
) -> (StatusCode, String, std::time::Duration) {
    let started = std::time::Instant::now();
    let response = server
        .http
        .post(format!("{}/api/{endpoint}", server.url))
        .header("cookie", cookie)
        .json(&body)
        .send()
        .await
        .unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    (status, text, started.elapsed())
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
             SELECT id, 'Mei Chen', 'mother', NULL, 'mei.chen@example.com' FROM patients WHERE mrn = '{TEEN_MRN}'"
        ))
        .await;
    let (_, answer) = ask(&server, &mei, TEEN_MRN, "parent").await;
    assert_eq!(answer["granted"]["scope"], "limited", "{answer}");
}

/// Lists Mei Chen on `mrn`'s record as their mother, with the email her
/// own record has.
async fn list_mei_on(server: &TestServer, mrn: &str) {
    server
        .execute(&format!(
            "INSERT INTO patient_guardians (patient_id, full_name, relationship, phone, email) \
             SELECT id, 'Mei Chen', 'mother', NULL, 'mei.chen@example.com' FROM patients \
             WHERE mrn = '{mrn}'"
        ))
        .await;
}

async fn a_listed_parent_of_an_emancipated_minor_is_refused(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    list_mei_on(&server, JORDAN_MRN).await;
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

/// Someone the record does not list learns nothing from the wizard: an
/// emancipated minor, a child with other parents and nobody at all get the
/// same status and bytes (the reference aside, which reads alike), in no
/// less than the steady time.
async fn the_wizard_answers_an_unlisted_requester_alike_whoever_exists(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    // Jordan Taylor is an emancipated minor, Ethan Okafor has his father on
    // his record, and nobody is called Pat Nobody; Mei is on none of them.
    let ethan: String = server
        .query_one("SELECT mrn FROM patients WHERE first_name = $1", "Ethan")
        .await;
    for relationship in ["parent", "guardian_of_minor"] {
        let nobody = json!({
            "first_name": "Pat", "last_name": "Nobody",
            "dob": { "month": "2", "day": "3", "year": "2009" },
            "relationship": relationship, "document_reference": "Case 2024-FC-118",
        });
        let forms = [
            form_for(&server, JORDAN_MRN, relationship).await,
            form_for(&server, &ethan, relationship).await,
            nobody,
        ];
        let mut answers = Vec::new();
        for form in forms {
            let request = json!({ "request": form });
            let (status, body, took) = raw_call(&server, &mei, "proxy/request", request).await;
            assert!(
                took >= std::time::Duration::from_millis(100),
                "{relationship}: answered in {took:?}, under the steady time"
            );
            let answer: Value = serde_json::from_str(&body).unwrap();
            let reference = answer["review"]["reference"]
                .as_str()
                .unwrap_or_else(|| panic!("{relationship}: a review, not {body}"))
                .to_string();
            // References read alike too: two groups of four random symbols.
            let symbols = reference.replace('-', "");
            assert!(
                reference.len() == 9
                    && reference.as_bytes()[4] == b'-'
                    && symbols.bytes().all(|b| ALPHABET.contains(&b)),
                "{reference}"
            );
            answers.push((status, body.replace(&reference, "REFERENCE")));
        }
        assert_eq!(answers[2].0, StatusCode::OK, "{relationship}");
        assert_eq!(
            answers[0], answers[2],
            "{relationship}: emancipated and nobody"
        );
        assert_eq!(
            answers[1], answers[2],
            "{relationship}: unlisted and nobody"
        );
    }
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_requests WHERE status = 'review'")
            .await,
        6
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM proxy_grants").await, 0);
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
    // To the account's confirmed address, not the record's.
    let record_email: String = server
        .query_one("SELECT email FROM patients WHERE mrn = $1", OLDER_ADULT_MRN)
        .await;
    assert!(server.last_email_to(&record_email).await.is_none());
    let (subject, text) = server
        .last_email_to("robert.j@example.com")
        .await
        .expect("an email");
    assert_eq!(
        subject,
        "Someone asked for access to your patient portal record"
    );
    assert!(text.contains("Mei Chen asked for proxy access"), "{text}");
}

/// Robert changes his email in his settings; the email asking him to
/// approve a request goes to the address he confirmed there, not to the
/// one he had before nor to the record's.
async fn the_approval_email_follows_the_patients_changed_email(db: Db) {
    const ASKED: &str = "Someone asked for access to your patient portal record";
    const NEW_EMAIL: &str = "bob.johnson@example.net";
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let robert = signed_in(&server, "robert.j").await;
    let (status, body, _) = server
        .call_with_cookie(
            "account/email",
            json!({ "request": { "email": NEW_EMAIL, "current": GOOD_PASSWORD } }),
            Some(&robert),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let code = server.email_confirmation_code(NEW_EMAIL).await;
    let (status, body, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": code }),
            Some(&robert),
        )
        .await;
    assert_eq!((status, body), (StatusCode::OK, json!(NEW_EMAIL)));
    let record_email: String = server
        .query_one("SELECT email FROM patients WHERE mrn = $1", OLDER_ADULT_MRN)
        .await;
    assert_ne!(record_email, "robert.j@example.com", "three addresses");

    let mei = mei_signed_in(&server).await;
    let (status, answer) = ask(&server, &mei, OLDER_ADULT_MRN, "caregiver").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer["review"]["reference"].is_string(), "{answer}");
    let (subject, text) = server
        .last_email_to(NEW_EMAIL)
        .await
        .expect("an email to the new address");
    assert_eq!(subject, ASKED);
    assert!(text.contains("Mei Chen asked for proxy access"), "{text}");
    // That one email and no other: not the old address, not the record's.
    let pool = server.db().await;
    let sent_to: Vec<String> = sqlx::query_scalar("SELECT to_addr FROM outbox WHERE subject = $1")
        .bind(ASKED)
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(sent_to, [NEW_EMAIL]);
    let (subject, _) = server
        .last_email_to("robert.j@example.com")
        .await
        .expect("the notice of the change");
    assert_eq!(subject, "Your patient portal email address was changed");
    assert!(server.last_email_to(&record_email).await.is_none());
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
    let (status, _) = ask(&server, &mei, PARENT_MRN, "other").await;
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

const LINH_MRN: &str = "100010"; // Linh Nguyen, Aiden's mother, on his record

/// Polls (the upkeep job runs every second here) until `to` has an email
/// whose subject starts with `subject`; how many such emails there are.
async fn emails_starting(server: &TestServer, to: &str, subject: &str) -> i64 {
    for _ in 0..100 {
        let sql = format!("SELECT COUNT(*) FROM outbox WHERE to_addr = '{to}' AND subject LIKE $1");
        let n: i64 = server.query_one(&sql, &format!("{subject}%")).await;
        if n > 0 {
            return n;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    0
}

/// Returns once a whole run of the grant upkeep job has begun and ended
/// after the call: a copy of a grant, already past its end, goes in, and
/// once the job has ended it, a second; the job ending the second shows the
/// run that ended the first (which began after the call) went all the way
/// through, warnings included. The copies are removed again.
async fn a_whole_upkeep_run(server: &TestServer) {
    let pool = server.db().await;
    for _ in 0..2 {
        let canary: i64 = sqlx::query_scalar(
            "INSERT INTO proxy_grants (patient_id, grantee_account_id, relationship, scope, \
             by_law, rule, starts_at, ends_at, warned_at) \
             SELECT patient_id, grantee_account_id, relationship, scope, by_law, 'test canary', \
             starts_at, starts_at, starts_at FROM proxy_grants WHERE ended_at IS NULL \
             ORDER BY id LIMIT 1 RETURNING id",
        )
        .fetch_one(&pool)
        .await
        .expect("a grant to copy");
        let mut ended = false;
        for _ in 0..200 {
            let at: Option<i64> =
                sqlx::query_scalar("SELECT ended_at FROM proxy_grants WHERE id = $1")
                    .bind(canary)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
            ended = at.is_some();
            if ended {
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        assert!(ended, "the grant upkeep job runs");
    }
    sqlx::query("DELETE FROM proxy_grants WHERE rule = 'test canary'")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}

async fn both_sides_are_warned_a_month_before_access_ends(db: Db) {
    let server = TestServer::start_on_new(db, &["--grant-upkeep-seconds", "1"]).await;
    server
        .create_account(LINH_MRN, "linh.nguyen", GOOD_PASSWORD)
        .await;
    server
        .create_account(TEEN_MRN, "aiden.n", GOOD_PASSWORD)
        .await;
    let linh = signed_in(&server, "linh.nguyen").await;
    let (_, answer) = ask(&server, &linh, TEEN_MRN, "parent").await;
    assert_eq!(answer["granted"]["scope"], "limited", "{answer}");
    let home_warnings = |cookie: String| {
        let server = &server;
        async move { home(server, &cookie).await["warnings"].clone() }
    };
    assert_eq!(home_warnings(linh.clone()).await, json!([]));

    // Twenty days before Aiden comes of age.
    let ends_at: i64 = server
        .query_one(
            "SELECT ends_at FROM proxy_grants WHERE relationship = $1",
            "parent",
        )
        .await;
    server.advance_clock(ends_at - 20 * 86_400 - server.clock_now());
    let linh = signed_in(&server, "linh.nguyen").await;
    let aiden = signed_in(&server, "aiden.n").await;
    let warnings = home_warnings(linh).await;
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with("Your access to Aiden Nguyen's record ends on "),
        "{warnings}"
    );
    let warnings = home_warnings(aiden).await;
    assert!(
        warnings[0]
            .as_str()
            .unwrap()
            .starts_with("Linh Nguyen's access to your record ends on "),
        "{warnings}"
    );
    let to_linh = "Your access to Aiden Nguyen's record ends on";
    let to_aiden = "Linh Nguyen's access to your record ends on";
    assert_eq!(
        emails_starting(&server, "linh.nguyen@example.com", to_linh).await,
        1
    );
    assert_eq!(
        emails_starting(&server, "aiden.n@example.com", to_aiden).await,
        1
    );
    // Once only, however often the job runs.
    a_whole_upkeep_run(&server).await;
    assert_eq!(
        emails_starting(&server, "linh.nguyen@example.com", to_linh).await,
        1
    );
    assert_eq!(
        emails_starting(&server, "aiden.n@example.com", to_aiden).await,
        1
    );

    // Past the end: the job ends the grant (and its checks at use refuse it).
    server.advance_clock(21 * 86_400);
    let mut ended = 0;
    for _ in 0..50 {
        ended = server
            .count("SELECT COUNT(*) FROM proxy_grants WHERE ended_at IS NOT NULL")
            .await;
        if ended > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(ended, 1, "the job ended the grant");
}

async fn patient_id(server: &TestServer, mrn: &str) -> i64 {
    server
        .query_one("SELECT id FROM patients WHERE mrn = $1", mrn)
        .await
}

async fn call(
    server: &TestServer,
    cookie: &str,
    endpoint: &str,
    body: Value,
) -> (StatusCode, Value) {
    let (status, answer, _) = server.call_with_cookie(endpoint, body, Some(cookie)).await;
    (status, answer)
}

async fn open(server: &TestServer, cookie: &str, patient: Option<i64>) -> (StatusCode, Value) {
    call(
        server,
        cookie,
        "records/open",
        json!({ "patient_id": patient }),
    )
    .await
}

const HAROLD_MRN: &str = "100006"; // Harold Brooks, 83, no email, no account

async fn the_help_desk_approves_and_denies_reviews(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let (_, harold) = ask(&server, &mei, HAROLD_MRN, "caregiver").await;
    let harold_ref = harold["review"]["reference"].as_str().unwrap().to_string();
    let ethan: String = server
        .query_one("SELECT mrn FROM patients WHERE first_name = $1", "Ethan")
        .await;
    let (_, ethan_answer) = ask(&server, &mei, &ethan, "parent").await;
    let ethan_ref = ethan_answer["review"]["reference"]
        .as_str()
        .unwrap()
        .to_string();

    let (status, queue) = call(&server, &agent, "staff/proxies", json!({})).await;
    assert_eq!(status, StatusCode::OK, "{queue}");
    let refs: Vec<&str> = queue
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["reference"].as_str().unwrap())
        .collect();
    assert_eq!(
        refs,
        [harold_ref.as_str(), ethan_ref.as_str()],
        "oldest first"
    );
    assert_eq!(queue[0]["requester"], "Mei Chen");
    assert_eq!(queue[0]["relationship"], "Adult child or caregiver");

    // Reviewed grants last at most the state's renewal period (a year here).
    let too_late = json!({ "request": { "reference": harold_ref }, "decision": { "approve": { "scope": "full", "until": "2099-01-31" } } });
    let (status, body) = call(&server, &agent, "staff/proxies/decide", too_late).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let until = queue[0]["renewal_until"].as_str().unwrap().to_string();
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        format!(
            "Grants other than a parent's by law are renewed: choose an end date on or before {until}"
        )
    );
    let a_year = Date::parse_iso(&until).unwrap().to_days() - server.clock_now() / 86_400;
    assert!((364..=366).contains(&a_year), "{until}");
    let approve = json!({ "request": { "reference": harold_ref }, "decision": { "approve": { "scope": "full", "until": until } } });
    assert_eq!(
        call(&server, &agent, "staff/proxies/decide", approve.clone())
            .await
            .0,
        StatusCode::OK
    );
    assert_eq!(
        call(&server, &agent, "staff/proxies/decide", approve)
            .await
            .0,
        StatusCode::BAD_REQUEST,
        "once"
    );
    let (subject, _) = server.last_email_to(MEI_ACCOUNT_EMAIL).await.unwrap();
    assert_eq!(subject, "Your proxy access request was approved");
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(
        records[1]["relationship"],
        format!(
            "Adult child or caregiver, full access until {}",
            Date::parse_iso(&until).unwrap()
        )
    );
    let (status, record) = open(&server, &mei, Some(patient_id(&server, HAROLD_MRN).await)).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert!(
        record["contact"].is_object(),
        "full scope shows contact details"
    );

    let deny = json!({ "request": { "reference": ethan_ref }, "decision": { "deny": { "reason": "You are not listed as Ethan's parent. Bring a birth certificate to the clinic." } } });
    assert_eq!(
        call(&server, &agent, "staff/proxies/decide", deny).await.0,
        StatusCode::OK
    );
    let (subject, text) = server.last_email_to(MEI_ACCOUNT_EMAIL).await.unwrap();
    assert_eq!(subject, "Your proxy access request was not approved");
    assert!(text.contains("birth certificate"));
    assert_eq!(
        call(&server, &agent, "staff/proxies", json!({})).await.1,
        json!([])
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'proxy.decide'")
            .await,
        2
    );
}

async fn an_adult_patient_approves_or_refuses_first(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let mei = mei_signed_in(&server).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let robert = signed_in(&server, "robert.j").await;

    let (_, first) = ask(&server, &mei, OLDER_ADULT_MRN, "caregiver").await;
    let first_ref = first["review"]["reference"].as_str().unwrap().to_string();
    let approve = json!({ "request": { "reference": first_ref }, "decision": { "approve": { "scope": "limited", "until": "2099-01-31" } } });
    let (status, body) = call(&server, &agent, "staff/proxies/decide", approve).await;
    assert_eq!(
        status,
        StatusCode::UNPROCESSABLE_ENTITY,
        "the patient first: {body}"
    );

    let (_, asked) = call(&server, &robert, "records/requests", json!({})).await;
    assert_eq!(asked[0]["requester"], "Mei Chen", "{asked}");
    // Each side sees it on their home page.
    assert_eq!(home(&server, &robert).await["waiting_for_you"], 1);
    assert_eq!(home(&server, &mei).await["requests_made"], 1);
    let (_, mine) = call(&server, &mei, "records/my-requests", json!({})).await;
    assert_eq!(mine[0]["reference"], first_ref, "{mine}");
    assert_eq!(mine[0]["status"], "Waiting for Robert Johnson to approve");
    let refuse = json!({ "reference": first_ref, "approve": false });
    assert_eq!(
        call(&server, &robert, "records/requests/answer", refuse)
            .await
            .0,
        StatusCode::OK
    );
    let (subject, _) = server.last_email_to(MEI_ACCOUNT_EMAIL).await.unwrap();
    assert_eq!(subject, "Your proxy access request was not approved");
    assert_eq!(home(&server, &robert).await["waiting_for_you"], 0);
    let (_, mine) = call(&server, &mei, "records/my-requests", json!({})).await;
    assert!(
        mine[0]["status"]
            .as_str()
            .unwrap()
            .starts_with("Not approved"),
        "{mine}"
    );

    let (_, second) = ask(&server, &mei, OLDER_ADULT_MRN, "caregiver").await;
    let second_ref = second["review"]["reference"].as_str().unwrap().to_string();
    let yes = json!({ "reference": second_ref, "approve": true });
    assert_eq!(
        call(&server, &robert, "records/requests/answer", yes)
            .await
            .0,
        StatusCode::OK
    );
    let (_, queue) = call(&server, &agent, "staff/proxies", json!({})).await;
    let until = queue[0]["renewal_until"].clone();
    // The review shows the record that matched and why it needs a person.
    assert_eq!(queue[0]["matched_mrn"], OLDER_ADULT_MRN, "{queue}");
    assert_eq!(queue[0]["matched_age"], 71, "{queue}");
    assert!(
        queue[0]["why_review"]
            .as_str()
            .unwrap()
            .starts_with("Adult child or caregiver of an adult: help desk review"),
        "{queue}"
    );
    let approve = json!({ "request": { "reference": second_ref }, "decision": { "approve": { "scope": "limited", "until": until } } });
    assert_eq!(
        call(&server, &agent, "staff/proxies/decide", approve)
            .await
            .0,
        StatusCode::OK
    );

    // A limited grant shows less: no contact details, no access list.
    let (status, record) = open(
        &server,
        &mei,
        Some(patient_id(&server, OLDER_ADULT_MRN).await),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(record["name"], "Robert Johnson");
    assert_eq!(
        (record["contact"].clone(), record["access"].clone()),
        (Value::Null, Value::Null)
    );

    // Robert sees who has access to his record and ends it.
    let (_, own) = open(&server, &robert, None).await;
    assert_eq!(own["opened_as"], "Your own record");
    let holder = &own["access"][0];
    assert_eq!(
        (holder["name"].as_str(), holder["can_end"].as_bool()),
        (Some("Mei Chen"), Some(true))
    );
    let end = json!({ "grant_id": holder["grant_id"] });
    assert_eq!(
        call(&server, &robert, "records/access/end", end).await.0,
        StatusCode::OK
    );
    // Mei hears it from us.
    let (subject, text) = server.last_email_to(MEI_ACCOUNT_EMAIL).await.unwrap();
    assert_eq!(subject, "Your access to Robert Johnson's record has ended");
    assert!(text.contains("was ended by Robert Johnson"), "{text}");
    let (status, _) = open(
        &server,
        &mei,
        Some(patient_id(&server, OLDER_ADULT_MRN).await),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
}

async fn a_proxy_opens_only_granted_records_for_their_scope(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    ask(&server, &mei, LILY_MRN, "parent").await;
    let lily = patient_id(&server, LILY_MRN).await;
    let (status, record) = open(&server, &mei, Some(lily)).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert!(
        record["opened_as"]
            .as_str()
            .unwrap()
            .starts_with("Parent, full access until ")
    );
    assert!(record["contact"].is_object());
    // Any other record is refused, signed out is signed out.
    for other in [ADULT_MRN, OLDER_ADULT_MRN, TEEN_MRN] {
        let (status, _) = open(&server, &mei, Some(patient_id(&server, other).await)).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{other}");
    }
    let (status, _) = server
        .call("records/open", json!({ "patient_id": lily }))
        .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    // A parent's access by law cannot be ended from the child's side of the
    // page, but an emancipation the help desk records ends it.
    let agent = server.staff_session("dana.help", "agent").await;
    let (status, _) = call(
        &server,
        &agent,
        "staff/patients/emancipated",
        json!({ "patient_id": lily }),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = open(&server, &mei, Some(lily)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        home(&server, &mei).await["records"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'record.open'")
            .await
            >= 5
    );
}

/// The help desk approves request `reference` with `scope` until `until`
/// (None: the latest the queue suggests).
async fn approve(
    server: &TestServer,
    agent: &str,
    reference: &str,
    scope: &str,
    until: Option<&str>,
) -> (StatusCode, Value) {
    let until = match until {
        Some(until) => until.to_string(),
        None => suggested_until(server, agent, reference).await,
    };
    let body = json!({
        "request": { "reference": reference },
        "decision": { "approve": { "scope": scope, "until": until } },
    });
    call(server, agent, "staff/proxies/decide", body).await
}

/// The end date the queue suggests for `reference`: the latest allowed.
async fn suggested_until(server: &TestServer, agent: &str, reference: &str) -> String {
    let (_, queue) = call(server, agent, "staff/proxies", json!({})).await;
    queue
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["reference"] == reference)
        .and_then(|q| q["renewal_until"].as_str())
        .unwrap_or_else(|| panic!("{reference} in {queue}"))
        .to_string()
}

/// Mei, not on Aiden's record, asks to be his parent's proxy: the reference.
async fn mei_asks_for_aiden(server: &TestServer, mei: &str) -> String {
    let (status, answer) = ask(server, mei, TEEN_MRN, "parent").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    answer["review"]["reference"]
        .as_str()
        .unwrap_or_else(|| panic!("a review: {answer}"))
        .to_string()
}

/// Makes Aiden's 18th birthday fall `days` from today, in `state`; the birthday.
async fn aiden_comes_of_age_in(server: &TestServer, days: i64, state: &str) -> Date {
    let soon = Date::from_unix_seconds(server.clock_now()).add_days(days);
    let birthday = Date::new(soon.year(), soon.month(), soon.day().min(28)).unwrap();
    let born = Date::new(birthday.year() - 18, birthday.month(), birthday.day()).unwrap();
    server
        .execute(&format!(
            "UPDATE patients SET date_of_birth = '{}', state = '{state}' WHERE mrn = '{TEEN_MRN}'",
            born.iso()
        ))
        .await;
    birthday
}

/// Polls (the upkeep job runs every second here) for the end reason the job
/// gives the grant a relationship names.
async fn end_reason(server: &TestServer, relationship: &str) -> Option<String> {
    for _ in 0..100 {
        let reason: Option<String> = server
            .query_one(
                "SELECT end_reason FROM proxy_grants WHERE relationship = $1",
                relationship,
            )
            .await;
        if reason.is_some() {
            return reason;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    None
}

async fn an_approved_parent_grant_ends_when_the_teens_emancipation_is_recorded(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let reference = mei_asks_for_aiden(&server, &mei).await;
    let (status, body) = approve(&server, &agent, &reference, "limited", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let aiden = patient_id(&server, TEEN_MRN).await;
    assert_eq!(open(&server, &mei, Some(aiden)).await.0, StatusCode::OK);

    let emancipated = json!({ "patient_id": aiden });
    let (status, body) = call(&server, &agent, "staff/patients/emancipated", emancipated).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = open(&server, &mei, Some(aiden)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "approved access ends too");
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(records.as_array().unwrap().len(), 1, "{records}");
    let reason: Option<String> = server
        .query_one(
            "SELECT end_reason FROM proxy_grants WHERE relationship = $1",
            "parent",
        )
        .await;
    assert_eq!(reason.as_deref(), Some("the patient is emancipated"));
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "patient.emancipated",
        )
        .await;
    assert_eq!(outcome, "recorded; 1 parent's or guardian's grant(s) ended");
}

async fn an_approved_parent_grant_ends_at_majority_whatever_its_end_date(db: Db) {
    let server = TestServer::start_on_new(db, &["--grant-upkeep-seconds", "1"]).await;
    // Aiden turns 18 in 90 days, in Alabama, where the majority is 19: the
    // help desk may approve a year.
    let birthday = aiden_comes_of_age_in(&server, 90, "AL").await;
    let mei = mei_signed_in(&server).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let reference = mei_asks_for_aiden(&server, &mei).await;
    let until = suggested_until(&server, &agent, &reference).await;
    assert!(Date::parse_iso(&until).unwrap() > birthday, "{until}");
    let (status, body) = approve(&server, &agent, &reference, "limited", Some(&until)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    // He moves to New York, where the majority is 18: the grant ends then.
    server
        .execute(&format!(
            "UPDATE patients SET state = 'NY' WHERE mrn = '{TEEN_MRN}'"
        ))
        .await;
    let aiden = patient_id(&server, TEEN_MRN).await;
    let (status, record) = open(&server, &mei, Some(aiden)).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert_eq!(
        record["opened_as"],
        format!("Parent, limited access until {birthday}"),
        "until the birthday, not the end date given"
    );

    server.advance_clock(100 * 86_400);
    let mei = signed_in(&server, "mei.chen").await;
    let (status, _) = open(&server, &mei, Some(aiden)).await;
    assert_eq!(status, StatusCode::FORBIDDEN, "Aiden is an adult");
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(records.as_array().unwrap().len(), 1, "{records}");
    assert_eq!(
        end_reason(&server, "parent").await.as_deref(),
        Some("the patient came of age"),
        "the job ends it"
    );
}

async fn a_parents_full_grant_narrows_once_the_child_is_a_teen(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let (_, answer) = ask(&server, &mei, LILY_MRN, "parent").await;
    assert_eq!(answer["granted"]["scope"], "full", "{answer}");
    let lily = patient_id(&server, LILY_MRN).await;
    let born: String = server
        .query_one(
            "SELECT date_of_birth FROM patients WHERE mrn = $1",
            LILY_MRN,
        )
        .await;
    let born = Date::parse_iso(&born).unwrap();
    let fourteenth = Date::new(born.year() + 14, born.month(), born.day()).unwrap();
    // Two days before her 14th birthday (noon UTC): full; two days after: limited.
    let now = server.clock_now();
    let noon = |d: Date| d.to_days() * 86_400 + 12 * 3600;
    server.advance_clock(noon(fourteenth.add_days(-2)) - now);
    let mei = signed_in(&server, "mei.chen").await;
    let (_, record) = open(&server, &mei, Some(lily)).await;
    assert!(
        record["opened_as"]
            .as_str()
            .unwrap()
            .starts_with("Parent, full access until "),
        "{record}"
    );
    assert!(record["contact"].is_object(), "{record}");

    server.advance_clock(4 * 86_400);
    let mei = signed_in(&server, "mei.chen").await;
    let (status, record) = open(&server, &mei, Some(lily)).await;
    assert_eq!(status, StatusCode::OK, "{record}");
    assert!(
        record["opened_as"]
            .as_str()
            .unwrap()
            .starts_with("Parent, limited access until "),
        "{record}"
    );
    assert_eq!(
        (record["contact"].clone(), record["access"].clone()),
        (Value::Null, Value::Null),
        "the teen view: no contact details, no access list"
    );
    let records = home(&server, &mei).await["records"].clone();
    assert!(
        records[1]["relationship"]
            .as_str()
            .unwrap()
            .starts_with("Parent, limited access until "),
        "{records}"
    );
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1 ORDER BY id DESC LIMIT 1",
            "record.open",
        )
        .await;
    assert_eq!(outcome, "as parent (limited scope)");
}

async fn the_console_approves_no_wider_and_no_later_than_a_minors_rule(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let birthday = aiden_comes_of_age_in(&server, 60, "NY").await;
    let mei = mei_signed_in(&server).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let reference = mei_asks_for_aiden(&server, &mei).await;
    let day_before = birthday.add_days(-1).iso();
    assert_eq!(
        suggested_until(&server, &agent, &reference).await,
        day_before,
        "the console suggests the day before he comes of age"
    );

    // A teen's parent: limited in New York.
    let (status, body) = approve(&server, &agent, &reference, "full", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let error = &body["invalid"]["errors"][0];
    assert_eq!(error["field"], "scope", "{body}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .starts_with("Choose limited access: the state's rule limits"),
        "{body}"
    );
    // Within the renewal period, but past his majority.
    let in_300_days = Date::from_unix_seconds(server.clock_now())
        .add_days(300)
        .iso();
    let (status, body) = approve(&server, &agent, &reference, "limited", Some(&in_300_days)).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({
            "field": "until",
            "message": format!(
                "A parent's or guardian's access ends when Aiden comes of age: choose an end \
                 date on or before {day_before}"
            ),
        })
    );
    let (status, body) = approve(&server, &agent, &reference, "limited", Some(&day_before)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let records = home(&server, &mei).await["records"].clone();
    assert_eq!(
        records[1]["relationship"],
        format!(
            "Parent, limited access until {}",
            Date::parse_iso(&day_before).unwrap()
        ),
        "{records}"
    );

    // An emancipated minor's record opens to no parent, whoever approves.
    let (_, answer) = ask(&server, &mei, JORDAN_MRN, "parent").await;
    let jordan_ref = answer["review"]["reference"].as_str().unwrap().to_string();
    let (status, body) = approve(&server, &agent, &jordan_ref, "limited", None).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let error = &body["invalid"]["errors"][0];
    assert_eq!(error["field"], "decision", "{body}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("the patient is emancipated"),
        "{body}"
    );
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_grants WHERE ended_at IS NULL")
            .await,
        1
    );
}

async fn unknown_record_ids_are_refused_like_records_without_a_grant(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let maria = patient_id(&server, ADULT_MRN).await;
    let (status, refused, _) = raw_call(
        &server,
        &mei,
        "records/open",
        json!({ "patient_id": maria }),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "{refused}");
    let unknown = [999, i64::MAX, -1, i64::MIN, 0];
    for id in unknown {
        let (status, body, _) =
            raw_call(&server, &mei, "records/open", json!({ "patient_id": id })).await;
        assert_eq!(
            (status, &body),
            (StatusCode::FORBIDDEN, &refused),
            "id {id}"
        );
    }
    // Each refusal is audited: the id asked for, and a patient only when one exists.
    assert_eq!(
        server
            .count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'record.open' \
                 AND patient_id IS NULL AND outcome LIKE 'refused: no patient has id %'"
            )
            .await,
        unknown.len() as i64
    );
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = 'record.open' AND outcome LIKE $1",
            "%999",
        )
        .await;
    assert_eq!(outcome, "refused: no patient has id 999");
    assert_eq!(
        server
            .count(&format!(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'record.open' \
                 AND patient_id = {maria} AND outcome = 'refused: no grant in force'"
            ))
            .await,
        1
    );
}

/// Another patient who shares the parent's name types the parent's email at
/// sign-up: an address nobody confirmed is no proof, so the request goes to
/// the help desk instead of opening the child's record at once.
async fn a_namesake_with_an_unconfirmed_email_is_not_the_parent(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .execute(
            "INSERT INTO patients (mrn, first_name, last_name, date_of_birth, legal_sex, street, \
             city, state, zip, mobile_phone, email, created_at) VALUES ('200077', 'Mei', 'Chen', \
             '1979-03-03', 'F', '9 Elm St', 'Worcester', 'MA', '01602', NULL, \
             'another.mei@example.net', 0)",
        )
        .await;
    // Her username makes the typed address mei.chen@example.com, the
    // mother's on Lily's record; no code ever went there.
    server
        .create_account_unconfirmed("200077", "mei.chen", GOOD_PASSWORD)
        .await;
    let namesake = signed_in(&server, "mei.chen").await;
    let (status, answer) = ask(&server, &namesake, CHILD_MRN, "parent").await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer["review"]["reference"].is_string(), "{answer}");
    assert!(answer.get("granted").is_none(), "{answer}");
    assert_eq!(server.count("SELECT COUNT(*) FROM proxy_grants").await, 0);
    // Once she confirms it (she cannot: the code goes to that address) it
    // would count; confirmed, the real mother's does.
}

/// Mei, Robert's caregiver, approved by him and the help desk until `until`.
async fn mei_cares_for_robert(server: &TestServer, mei: &str, robert: &str, agent: &str) {
    let (_, asked) = ask(server, mei, OLDER_ADULT_MRN, "caregiver").await;
    let reference = asked["review"]["reference"].as_str().unwrap().to_string();
    let yes = json!({ "reference": reference, "approve": true });
    assert_eq!(
        call(server, robert, "records/requests/answer", yes).await.0,
        StatusCode::OK
    );
    let (status, body) = approve(server, agent, &reference, "limited", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
}

async fn access_ending_soon_is_renewed_from_the_home_page(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let mei = mei_signed_in(&server).await;
    let robert = signed_in(&server, "robert.j").await;
    let agent = server.staff_session("dana.help", "agent").await;
    mei_cares_for_robert(&server, &mei, &robert, &agent).await;
    let grant: i64 = server
        .query_one(
            "SELECT id FROM proxy_grants WHERE relationship = $1",
            "caregiver",
        )
        .await;
    // Not yet within its month: no renewing, and asking again is refused.
    let renew = json!({ "grant_id": grant });
    let (status, _) = call(&server, &mei, "proxy/renew", renew.clone()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let ends_at: i64 = server
        .query_one(
            "SELECT ends_at FROM proxy_grants WHERE relationship = $1",
            "caregiver",
        )
        .await;
    server.advance_clock(ends_at - 20 * 86_400 - server.clock_now());
    // Months later: everyone signs in again.
    let mei = signed_in(&server, "mei.chen").await;
    let robert = signed_in(&server, "robert.j").await;
    let agent = server.staff_session("sam.help", "agent").await;
    let seen = home(&server, &mei).await;
    assert_eq!(seen["records"][1]["renew"], grant, "{seen}");
    assert!(
        seen["warnings"][0]
            .as_str()
            .unwrap()
            .ends_with("To keep it, renew it before then."),
        "{seen}"
    );
    // Renewing is a new request Robert approves first; asking twice is one request.
    let (status, answer) = call(&server, &mei, "proxy/renew", renew.clone()).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let reference = answer["review"]["reference"].as_str().unwrap().to_string();
    assert_eq!(call(&server, &mei, "proxy/renew", renew).await.1, answer);
    assert_eq!(home(&server, &robert).await["waiting_for_you"], 1);
    let yes = json!({ "reference": reference, "approve": true });
    assert_eq!(
        call(&server, &robert, "records/requests/answer", yes)
            .await
            .0,
        StatusCode::OK
    );
    let (status, body) = approve(&server, &agent, &reference, "limited", None).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let grants = server
        .count("SELECT COUNT(*) FROM proxy_grants WHERE relationship = 'caregiver' AND ended_at IS NULL")
        .await;
    assert_eq!(grants, 2, "the renewal, and the old grant until its date");
}

async fn the_console_lists_guardians_and_grants_and_an_agent_ends_one(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let mei = mei_signed_in(&server).await;
    let (_, answer) = ask(&server, &mei, LILY_MRN, "parent").await;
    assert!(answer["granted"].is_object(), "{answer}");
    let agent = server.staff_session("dana.help", "agent").await;
    let lily = patient_id(&server, LILY_MRN).await;
    let (status, seen) = call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": lily }),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{seen}");
    assert_eq!(seen["guardians"][0]["name"], "Mei Chen", "{seen}");
    let grant = &seen["grants"][0];
    assert_eq!(
        (
            grant["holder"].as_str(),
            grant["relationship"].as_str(),
            grant["scope"].as_str(),
            grant["basis"].as_str()
        ),
        (
            Some("Mei Chen"),
            Some("Parent"),
            Some("Full"),
            Some("By law")
        ),
        "{seen}"
    );
    // A reason is required; then it ends, by law or not, audited, and Mei is told.
    let end =
        |reason: &str| json!({ "patient_id": lily, "grant_id": grant["id"], "reason": reason });
    let (status, body) = call(&server, &agent, "staff/grants/end", end(" ")).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let clinic = server.staff_session("lee.clinic", "clinic").await;
    let (status, _) = call(&server, &clinic, "staff/grants/end", end("court order")).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (status, body) = call(
        &server,
        &agent,
        "staff/grants/end",
        end("court order 24-117"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (status, _) = open(&server, &mei, Some(lily)).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    let (subject, _) = server.last_email_to(MEI_ACCOUNT_EMAIL).await.unwrap();
    assert_eq!(subject, "Your access to Lily Chen's record has ended");
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "proxy.end",
        )
        .await;
    assert_eq!(
        outcome,
        "Mei Chen's access ended by the help desk: court order 24-117"
    );
    let (_, seen) = call(
        &server,
        &agent,
        "staff/patients/status",
        json!({ "patient_id": lily }),
    )
    .await;
    assert_eq!(seen["grants"], json!([]));
    let (status, _) = call(&server, &agent, "staff/grants/end", end("again")).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

async fn an_administrator_undoes_a_mistaken_emancipation(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let agent = server.staff_session("dana.help", "agent").await;
    let admin = server.staff_session("ada.admin", "admin").await;
    let aiden = json!({ "patient_id": patient_id(&server, TEEN_MRN).await });
    let (status, _) = call(&server, &agent, "staff/patients/emancipated", aiden.clone()).await;
    assert_eq!(status, StatusCode::OK);
    let (status, _) = call(
        &server,
        &agent,
        "staff/patients/emancipated/undo",
        aiden.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN, "administrators only");
    let (status, body) = call(
        &server,
        &admin,
        "staff/patients/emancipated/undo",
        aiden.clone(),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let (_, seen) = call(&server, &admin, "staff/patients/status", aiden.clone()).await;
    assert_eq!(seen["emancipated"], false);
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.emancipation-undone'")
            .await,
        1
    );
    let (status, _) = call(&server, &admin, "staff/patients/emancipated/undo", aiden).await;
    assert_eq!(status, StatusCode::BAD_REQUEST, "nothing to undo");
}
