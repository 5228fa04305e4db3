//! "Sign up with an access code" over HTTP, against a real server.

on_both_databases!(
    a_person_signs_up_with_their_code,
    codes_are_stored_only_as_keyed_hashes,
    unknown_code_and_wrong_birth_date_look_the_same,
    the_fifth_wrong_try_voids_the_code,
    a_dead_code_answers_alike_for_any_date_of_birth,
    a_newer_code_ends_the_older_one,
    children_under_14_get_no_code_of_their_own,
    input_is_checked_again_on_the_server,
    usernames_are_unique_ignoring_case,
    fifty_concurrent_redemptions_make_exactly_one_account,
    failures_from_one_address_are_limited,
    login_checks_are_limited_per_client,
    login_checks_are_limited_per_code,
);

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const NOT_ACCEPTED: &str =
    "We could not match that access code and date of birth. Check both and try again";

async fn verify(server: &TestServer, code: &str, dob: &Value) -> (StatusCode, Value) {
    server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(code, dob) }),
        )
        .await
}

async fn create(server: &TestServer, code: &str, dob: &Value, login: Value) -> (StatusCode, Value) {
    server
        .call(
            "signup/code/create-account",
            json!({ "code": code_entry(code, dob), "login": login }),
        )
        .await
}

fn wrong_dob() -> Value {
    json!({ "month": "1", "day": "1", "year": "1970" })
}

async fn a_person_signs_up_with_their_code(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;

    let (status, holder) = verify(&server, &code, &dob).await;
    assert_eq!(status, StatusCode::OK, "{holder}");
    assert_eq!(holder["first_name"], "Maria");
    assert_eq!(holder["last_name"], "Garcia");
    assert_eq!(holder["record_email"], "maria.garcia@example.com");

    // Forgiving input: lower case, spaces, no hyphens.
    let loose = code.to_lowercase().replace('-', " ");
    let (status, _) = verify(&server, &loose, &dob).await;
    assert_eq!(status, StatusCode::OK);

    let new_login = login("maria.g", GOOD_PASSWORD, "maria.garcia@example.com");
    let (status, body) = server
        .call(
            "signup/code/check-login",
            json!({ "code": code_entry(&code, &dob), "login": new_login }),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{body}");

    let (status, created) = create(&server, &code, &dob, new_login.clone()).await;
    assert_eq!(status, StatusCode::OK, "{created}");
    assert_eq!(
        created,
        json!({ "username": "maria.g", "email": "maria.garcia@example.com", "email_to_confirm": true, "parents_see": null })
    );

    // The account exists, linked to the patient, with an argon2id hash.
    let hash: String = server
        .query_one(
            "SELECT password_hash FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert!(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"));
    let mrn: String = server
        .query_one(
            "SELECT p.mrn FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username = $1",
            "maria.g",
        )
        .await;
    assert_eq!(mrn, ADULT_MRN);

    // The code worked once.
    let (status, body) = verify(&server, &code, &dob).await;
    assert_eq!((status, body), (StatusCode::CONFLICT, json!("code_used")));
    let (status, body) = create(
        &server,
        &code,
        &dob,
        login("maria.g2", GOOD_PASSWORD, "m@example.com"),
    )
    .await;
    assert_eq!((status, body), (StatusCode::CONFLICT, json!("code_used")));

    // A later code for the same patient says they already have an account.
    let second = server.issue_code(ADULT_MRN);
    let (status, body) = verify(&server, &second, &dob).await;
    assert_eq!(
        (status, body),
        (StatusCode::CONFLICT, json!("account_exists"))
    );

    // The audit log has the sign-up, with the client address and no secret.
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "signup.code",
        )
        .await;
    assert_eq!(outcome, "account created");
    let addr: String = server
        .query_one(
            "SELECT client_addr FROM audit_log WHERE action = $1",
            "signup.code",
        )
        .await;
    assert_eq!(addr, "127.0.0.1");
}

async fn codes_are_stored_only_as_keyed_hashes(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let canonical = code.replace('-', "");
    match db {
        // Every byte on disk: the database and its write-ahead log.
        Db::Sqlite => {
            server.execute("PRAGMA wal_checkpoint(TRUNCATE)").await;
            for path in [
                server.database_file(),
                server.database_file().with_extension("db-wal"),
            ] {
                if let Ok(bytes) = std::fs::read(&path) {
                    let text = String::from_utf8_lossy(&bytes);
                    assert!(
                        !text.contains(&canonical) && !text.contains(&code),
                        "{} holds the code",
                        path.display()
                    );
                }
            }
        }
        // Every row of every table, as text.
        Db::Postgres => {
            let pool = server.db().await;
            let tables: Vec<String> = sqlx::query_scalar(
                "SELECT tablename::text FROM pg_tables WHERE schemaname = 'public'",
            )
            .fetch_all(&pool)
            .await
            .unwrap();
            assert!(tables.len() >= 6, "{tables:?}");
            for table in tables {
                let sql = format!(
                    "SELECT COUNT(*) FROM {table} t WHERE upper(row_to_json(t)::text) LIKE '%' || $1 || '%'"
                );
                let n: i64 = sqlx::query_scalar(&sql)
                    .bind(&canonical)
                    .fetch_one(&pool)
                    .await
                    .unwrap();
                assert_eq!(n, 0, "{table} holds the code");
            }
            pool.close().await;
        }
    }
    let n: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM access_codes WHERE length(code_hash) = 64 AND code_hash <> $1",
            &canonical,
        )
        .await;
    assert!(n > 0);
}

async fn unknown_code_and_wrong_birth_date_look_the_same(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let unknown = server.issue_code(OLDER_ADULT_MRN);
    // Make `unknown` unknown: forget its row.
    server.execute("DELETE FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = '100002')").await;

    let wrong_birth = verify(&server, &code, &wrong_dob()).await;
    let unknown_code = verify(&server, &unknown, &server.dob_of(OLDER_ADULT_MRN).await).await;
    assert_eq!(wrong_birth.0, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(wrong_birth, unknown_code);
    assert_eq!(
        wrong_birth.1["invalid"]["errors"][0]["message"],
        NOT_ACCEPTED
    );
}

async fn the_fifth_wrong_try_voids_the_code(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    for _ in 0..4 {
        assert_eq!(
            verify(&server, &code, &wrong_dob()).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // Four wrong tries leave the code working.
    assert_eq!(verify(&server, &code, &dob).await.0, StatusCode::OK);
    assert_eq!(
        verify(&server, &code, &wrong_dob()).await.0,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // The fifth voided it: even the right date of birth no longer works.
    let (status, body) = verify(&server, &code, &dob).await;
    assert_eq!((status, body), (StatusCode::GONE, json!("code_voided")));
    let (status, _) = create(
        &server,
        &code,
        &dob,
        login("maria.g", GOOD_PASSWORD, "m@example.com"),
    )
    .await;
    assert_eq!(status, StatusCode::GONE);
    let voided: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM audit_log WHERE outcome = $1",
            "wrong date of birth; code voided",
        )
        .await;
    assert_eq!(voided, 1);
}

async fn a_dead_code_answers_alike_for_any_date_of_birth(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    // 2026-11-01T12:00:00Z
    server.execute("UPDATE access_codes SET expires_at = 1793534400 WHERE used_at IS NULL AND voided_at IS NULL").await;

    let (status, body) = verify(&server, &code, &dob).await;
    assert_eq!(status, StatusCode::GONE);
    assert_eq!(
        body,
        json!({ "code_expired": { "expired_on": "2026-11-01" } })
    );
    // The same answer for a wrong date of birth: a right one answered
    // differently would let whoever finds the letter find the date of birth.
    assert_eq!(
        verify(&server, &code, &wrong_dob()).await,
        (status, body.clone())
    );
    // So too for a used code, and for one ended by a newer one.
    let used = server.issue_code(ADULT_MRN);
    let ended = server.issue_code(OLDER_ADULT_MRN);
    server.issue_code(OLDER_ADULT_MRN);
    let older_dob = server.dob_of(OLDER_ADULT_MRN).await;
    let (status, _) = create(
        &server,
        &used,
        &dob,
        login("maria.g", GOOD_PASSWORD, "m@example.com"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    for (code, dob, answer) in [
        (&used, &dob, json!("code_used")),
        (&ended, &older_dob, json!("code_voided")),
    ] {
        let right = verify(&server, code, dob).await;
        assert_eq!(right.1, answer);
        assert_eq!(verify(&server, code, &wrong_dob()).await, right);
    }
}

async fn a_newer_code_ends_the_older_one(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let first = server.issue_code(ADULT_MRN);
    let second = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    assert_eq!(verify(&server, &first, &dob).await.1, json!("code_voided"));
    assert_eq!(verify(&server, &second, &dob).await.0, StatusCode::OK);
}

async fn children_under_14_get_no_code_of_their_own(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let out = server.admin(&["issue-code", "--mrn", CHILD_MRN]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("proxy access"));
    // A teen does.
    let code = server.issue_code(TEEN_MRN);
    assert_eq!(
        verify(&server, &code, &server.dob_of(TEEN_MRN).await)
            .await
            .0,
        StatusCode::OK
    );
}

async fn input_is_checked_again_on_the_server(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;

    // Every field wrong at once: one error per field, in page order.
    let (status, body) = verify(&server, "", &json!({ "month": "", "day": "", "year": "" })).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"],
        json!([
            { "field": "code", "message": "Enter your access code" },
            { "field": "dob", "message": "Enter your date of birth", "parts": ["month", "day", "year"] },
        ])
    );
    // One wrong symbol is caught by the check symbol.
    let mut typo: Vec<char> = code.chars().collect();
    typo[0] = if typo[0] == 'A' { 'B' } else { 'A' };
    let typo: String = typo.into_iter().collect();
    let (_, body) = verify(&server, &typo, &dob).await;
    assert_eq!(
        body["invalid"]["errors"][0]["message"],
        "Check your access code – it looks mistyped"
    );
    let (_, body) = verify(
        &server,
        &code,
        &json!({ "month": "2", "day": "30", "year": "1990" }),
    )
    .await;
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({ "field": "dob", "message": "Date of birth must be a real date", "parts": ["day"] })
    );

    let cases = [
        (
            login("", GOOD_PASSWORD, "a@example.com"),
            "username",
            "Enter a username",
        ),
        (
            login("mg", GOOD_PASSWORD, "a@example.com"),
            "username",
            "Username must be 6 characters or more",
        ),
        (
            login("maria g", GOOD_PASSWORD, "a@example.com"),
            "username",
            "Username must only include letters, numbers, periods (.), hyphens (-) and underscores (_)",
        ),
        (
            login("maria.g", "", "a@example.com"),
            "password",
            "Enter a password",
        ),
        (
            login("maria.g", "short one", "a@example.com"),
            "password",
            "Password must be 15 characters or more",
        ),
        (
            login("maria.g", "passwordpassword", "a@example.com"),
            "password",
            "This password is too common. Choose one that would be hard to guess",
        ),
        (
            login("maria.g", "maria.g is the best user", "a@example.com"),
            "password",
            "Password must not contain your username",
        ),
        (
            login("mg2026", "I am Garcia and I like tea", "a@example.com"),
            "password",
            "Password must not contain your name",
        ),
        (
            login("maria.g", GOOD_PASSWORD, ""),
            "email",
            "Enter your email address",
        ),
        (
            login("maria.g", GOOD_PASSWORD, "maria@example"),
            "email",
            "Enter an email address in the correct format, like name@example.com",
        ),
    ];
    for (new_login, field, message) in cases {
        let (status, body) = create(&server, &code, &dob, new_login.clone()).await;
        assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{new_login}");
        assert_eq!(
            body["invalid"]["errors"][0],
            json!({ "field": field, "message": message }),
            "{new_login}"
        );
    }
    // Nothing was created and the code still works.
    assert_eq!(verify(&server, &code, &dob).await.0, StatusCode::OK);
}

async fn usernames_are_unique_ignoring_case(db: Db) {
    let server = TestServer::start_on_new(db, &[]).await;
    let (code_a, dob_a) = (server.issue_code(ADULT_MRN), server.dob_of(ADULT_MRN).await);
    let (code_b, dob_b) = (
        server.issue_code(OLDER_ADULT_MRN),
        server.dob_of(OLDER_ADULT_MRN).await,
    );
    assert_eq!(
        create(
            &server,
            &code_a,
            &dob_a,
            login("SameName", GOOD_PASSWORD, "a@example.com")
        )
        .await
        .0,
        StatusCode::OK
    );

    let taken = json!([{ "field": "username", "message": "That username is taken. Choose a different username" }]);
    let (status, body) = server
        .call(
            "signup/code/check-login",
            json!({ "code": code_entry(&code_b, &dob_b), "login": login("samename", GOOD_PASSWORD, "b@example.com") }),
        )
        .await;
    assert_eq!(
        (status, &body["invalid"]["errors"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &taken)
    );
    let (status, body) = create(
        &server,
        &code_b,
        &dob_b,
        login("SAMENAME", GOOD_PASSWORD, "b@example.com"),
    )
    .await;
    assert_eq!(
        (status, &body["invalid"]["errors"]),
        (StatusCode::UNPROCESSABLE_ENTITY, &taken)
    );
    // The failed attempt did not use the code up.
    assert_eq!(
        create(
            &server,
            &code_b,
            &dob_b,
            login("robert.j", GOOD_PASSWORD, "b@example.com")
        )
        .await
        .0,
        StatusCode::OK
    );
}

async fn fifty_concurrent_redemptions_make_exactly_one_account(db: Db) {
    // Room for every hash to wait, and for every attempt in flight at once
    // to count against the client's limit (each is given back when it is
    // not a failure): this is about the one redemption.
    let args = ["--hash-queue", "64", "--client-failure-limit", "100"];
    let server = TestServer::start_on_new(db, &args).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    let attempts = (0..50).map(|i| {
        let body = json!({
            "code": code_entry(&code, &dob),
            "login": login(&format!("racer{i:02}"), GOOD_PASSWORD, "m@example.com"),
        });
        let server = &server;
        async move { server.call("signup/code/create-account", body).await }
    });
    let results = join_all(attempts).await;
    let successes = results.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let conflicts = results
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && b == &json!("code_used"))
        .count();
    assert_eq!(successes, 1, "{results:?}");
    assert_eq!(conflicts, 49, "{results:?}");
    let accounts: i64 = server
        .query_one(
            "SELECT COUNT(*) FROM accounts WHERE username_key LIKE $1",
            "racer%",
        )
        .await;
    assert_eq!(accounts, 1);
}

async fn failures_from_one_address_are_limited(db: Db) {
    let server = TestServer::start_on_new(db, &["--client-failure-limit", "3"]).await;
    server.align_clock(15 * 60);
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    let other = server.issue_code(OLDER_ADULT_MRN);
    for _ in 0..3 {
        assert_eq!(
            verify(&server, &other, &wrong_dob()).await.0,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // Now even a right answer from this address waits.
    let response = server
        .http
        .post(format!("{}/api/signup/code/verify", server.url))
        .json(&json!({ "input": code_entry(&code, &dob) }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
    let retry: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((60..=15 * 60).contains(&retry), "{retry}");
    let body: Value = response.json().await.unwrap();
    assert!(
        body["too_many_attempts"]["retry_after_minutes"]
            .as_u64()
            .is_some_and(|m| m >= 1),
        "{body}"
    );
    // The counters are in the database.
    let n: i64 = server
        .query_one(
            "SELECT failures FROM failure_counters WHERE scope = $1",
            "access-code",
        )
        .await;
    assert_eq!(n, 3);
}

/// Harold Brooks, an adult with no email on his record.
const HAROLD_MRN: &str = "100006";

/// A server behind a trusted proxy, at the start of an hour: the login
/// checks' limits (60 per client, 30 per code) are counted per hour.
async fn login_checks_behind_a_proxy(db: Db) -> TestServer {
    let server = TestServer::start_on_new(db, &["--trust-proxy"]).await;
    server.align_clock(60 * 60);
    server
}

/// "Is this username free?" for the code `code` of the patient `mrn`, from
/// the client `addr` (the address our proxy appended).
async fn check_login_from(
    server: &TestServer,
    addr: &str,
    code: &str,
    dob: &Value,
) -> (StatusCode, Value) {
    let response = server
        .http
        .post(format!("{}/api/signup/code/check-login", server.url))
        .header("x-forwarded-for", addr)
        .json(&json!({
            "code": code_entry(code, dob),
            "login": login("free.name", GOOD_PASSWORD, "free.name@example.com"),
        }))
        .send()
        .await
        .expect("request");
    let status = response.status();
    let text = response.text().await.expect("body");
    (
        status,
        serde_json::from_str(&text).unwrap_or(Value::String(text)),
    )
}

/// Each check says whether a username is taken: one client address gets
/// 60 an hour whichever codes it sends, then the network's limit answers;
/// another address is not held back by it.
async fn login_checks_are_limited_per_client(db: Db) {
    let server = login_checks_behind_a_proxy(db).await;
    let mut codes = Vec::new();
    for mrn in [ADULT_MRN, OLDER_ADULT_MRN, PARENT_MRN, HAROLD_MRN] {
        codes.push((server.issue_code(mrn), server.dob_of(mrn).await));
    }
    // Three codes, 20 checks each: no code's own limit is reached.
    for (code, dob) in &codes[..3] {
        for i in 0..20 {
            let (status, body) = check_login_from(&server, "203.0.113.9", code, dob).await;
            assert_eq!(status, StatusCode::OK, "check {i}: {body}");
        }
    }
    // The 61st from that address, even with a code never checked before.
    let (fresh_code, fresh_dob) = &codes[3];
    let (status, body) = check_login_from(&server, "203.0.113.9", fresh_code, fresh_dob).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["too_many_attempts"]["from_network"], true, "{body}");
    assert!(
        body["too_many_attempts"]["retry_after_minutes"]
            .as_u64()
            .is_some_and(|m| (1..=60).contains(&m)),
        "{body}"
    );
    // Another address is not held back, with any of those codes.
    for (code, dob) in &codes {
        let (status, body) = check_login_from(&server, "198.51.100.30", code, dob).await;
        assert_eq!(status, StatusCode::OK, "{body}");
    }
    let counted: String = server
        .query_one(
            "SELECT subject FROM failure_counters WHERE scope = $1 AND failures = 60",
            "login-check-client",
        )
        .await;
    assert_eq!(counted, "203.0.113.9");
}

/// One code gets 30 checks an hour from every address together, so the
/// per-client limit cannot be walked around from many addresses; another
/// code from the same addresses still works.
async fn login_checks_are_limited_per_code(db: Db) {
    let server = login_checks_behind_a_proxy(db).await;
    let (code, dob) = (server.issue_code(ADULT_MRN), server.dob_of(ADULT_MRN).await);
    for i in 0..30 {
        let (status, body) = check_login_from(&server, &format!("192.0.2.{i}"), &code, &dob).await;
        assert_eq!(status, StatusCode::OK, "check {i}: {body}");
    }
    // The 31st, from an address that has never asked: the code's limit,
    // which is not the network's.
    let (status, body) = check_login_from(&server, "198.51.100.31", &code, &dob).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS, "{body}");
    assert_eq!(body["too_many_attempts"]["from_network"], false, "{body}");
    let (status, _) = check_login_from(&server, "192.0.2.0", &code, &dob).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    // Another code, from those same addresses, is checked.
    let (other, other_dob) = (
        server.issue_code(OLDER_ADULT_MRN),
        server.dob_of(OLDER_ADULT_MRN).await,
    );
    for addr in ["198.51.100.31", "192.0.2.0"] {
        let (status, body) = check_login_from(&server, addr, &other, &other_dob).await;
        assert_eq!(status, StatusCode::OK, "{addr}: {body}");
    }
    // Refused checks are not the code's ruin: it still signs up.
    let (status, created) = create(
        &server,
        &code,
        &dob,
        login("maria.g", GOOD_PASSWORD, "maria.garcia@example.com"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{created}");
}
