//! No code at rest in plain text, and nothing dead kept: a delivered email
//! keeps no body, an undelivered one carrying a code goes when the code
//! expires (while the demo mailbox shows it until then), and the retention
//! job deletes ended sessions, dead codes and ended limit counters — on
//! SQLite and PostgreSQL, over HTTP against real servers, with a test clock.

on_both_databases!(
    a_delivered_email_keeps_no_body,
    an_undelivered_email_with_a_code_goes_when_the_code_expires,
    ended_sessions_dead_codes_and_ended_counters_are_deleted,
);

use crate::common::smtp::SmtpServer;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

const MARIA_EMAIL: &str = "maria.g@example.com";

/// A demo server (demo patients, test clock) whose retention job runs every
/// second, sending email over `smtp` when given.
async fn server(db: Db, smtp: Option<&SmtpServer>) -> TestServer {
    let url = smtp.map(SmtpServer::url);
    let mut args = vec!["--retention-seconds", "1"];
    if let Some(url) = &url {
        args.extend(["--smtp-url", url.as_str()]);
    }
    TestServer::start_on_new(db, &args).await
}

/// Waits up to 20 s for `sql` (a count) to give `expected`; returns what it gave.
async fn settles(server: &TestServer, sql: &str, expected: i64) -> i64 {
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    loop {
        let n = server.count(sql).await;
        if n == expected || std::time::Instant::now() > deadline {
            return n;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Returns once a whole run of the retention job has begun and ended after
/// the call: a limit counter already past its end goes in, and once the job
/// has removed it, a second; the job removing the second shows the run that
/// removed the first (which began after the call) went all the way through.
/// Without this, a test would have to sleep "long enough" and hope.
async fn a_whole_retention_run(server: &TestServer) {
    for canary in ["first", "second"] {
        server
            .execute(&format!(
                "INSERT INTO failure_counters (scope, subject, window_start, window_ends_at, failures) \
                 VALUES ('test.canary', '{canary}', 0, 1, 1)"
            ))
            .await;
        let sql = format!(
            "SELECT COUNT(*) FROM failure_counters WHERE scope = 'test.canary' AND subject = '{canary}'"
        );
        assert_eq!(settles(server, &sql, 0).await, 0, "the retention job runs");
    }
}

/// A patient's details as they would type them, from the record: the
/// sign-up without a code then emails a code to the record's address.
async fn details_of(server: &TestServer, mrn: &str) -> Value {
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query(
        "SELECT first_name, middle_name, last_name, legal_sex, street, city, state, zip, \
         mobile_phone, email FROM patients WHERE mrn = $1",
    )
    .bind(mrn)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let text = |column: &str| row.get::<Option<String>, _>(column).unwrap_or_default();
    json!({
        "first_name": text("first_name"), "middle_name": text("middle_name"),
        "last_name": text("last_name"), "dob": server.dob_of(mrn).await,
        "legal_sex": text("legal_sex"), "street": text("street"), "city": text("city"),
        "state": text("state"), "zip": text("zip"),
        "mobile_phone": text("mobile_phone"), "email": text("email"),
    })
}

async fn send_reset_code(server: &TestServer) {
    let body = json!({ "request": { "username": "maria.g" } });
    let (status, answer) = server.call("recover/password", body).await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

async fn a_delivered_email_keeps_no_body(db: Db) {
    let smtp = SmtpServer::start(0).await;
    let server = server(db, Some(&smtp)).await;
    // An account whose address counts as confirmed (its confirmation code
    // would be delivered, and its body gone, before a test could read it).
    server
        .create_account_unconfirmed(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    smtp.wait_for(1, 30).await;
    server
        .execute("UPDATE accounts SET email = 'maria.g@example.com'; DELETE FROM outbox")
        .await;
    send_reset_code(&server).await;
    let received = smtp.wait_for(2, 30).await;
    assert_eq!(received.len(), 2, "the reset code was delivered");
    let received = &received[1..];
    let message_id = received[0]
        .data
        .lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .expect("a Message-ID")
        .trim()
        .to_string();
    assert_eq!(
        settles(
            &server,
            "SELECT COUNT(*) FROM outbox WHERE body_removed_at IS NOT NULL",
            1
        )
        .await,
        1
    );
    // Someone reading the database finds who was written to, about what and
    // when, but not the code.
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query(
        "SELECT to_addr, subject, template, message_id, text_body, html_body, sent_at, sent_via \
         FROM outbox",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(row.get::<String, _>("to_addr"), MARIA_EMAIL);
    assert_eq!(
        row.get::<String, _>("subject"),
        "Your patient portal password reset code"
    );
    assert_eq!(row.get::<String, _>("template"), "reset_code");
    assert_eq!(row.get::<String, _>("message_id"), message_id);
    assert_eq!(row.get::<String, _>("text_body"), "");
    assert_eq!(row.get::<String, _>("html_body"), "");
    assert!(row.get::<Option<i64>, _>("sent_at").is_some());
    assert_eq!(
        row.get::<Option<String>, _>("sent_via").as_deref(),
        Some("smtp")
    );
}

async fn an_undelivered_email_with_a_code_goes_when_the_code_expires(db: Db) {
    // Without SMTP nothing is delivered: the email waits, and the demo
    // mailbox shows it.
    let server = server(db, None).await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    send_reset_code(&server).await;
    let (_, text) = server.last_email_to(MARIA_EMAIL).await.expect("an email");
    let at = text.find("reset your password is ").expect("a code") + 23;
    let code = text[at..at + 9].to_string();
    // An email without a code waits as long as it takes.
    let reference = server.unverified_signup("pat.nobody@example.com").await;

    // While the code works (the job runs on), the mailbox shows it.
    a_whole_retention_run(&server).await;
    let page = server.get("/dev/mailbox").await.text().await.unwrap();
    assert!(page.contains(&code), "{page}");
    assert!(page.contains("Your patient portal password reset code"));

    // Fifteen minutes later the code has expired, and its email is gone.
    server.advance_clock(15 * 60 + 1);
    assert_eq!(
        settles(
            &server,
            "SELECT COUNT(*) FROM outbox WHERE template = 'reset_code'",
            0
        )
        .await,
        0
    );
    let page = server.get("/dev/mailbox").await.text().await.unwrap();
    assert!(!page.contains(&code), "{page}");
    assert!(page.contains(&reference), "{page}");
    assert!(
        server
            .last_email_to("pat.nobody@example.com")
            .await
            .expect("still waiting")
            .1
            .contains(&reference)
    );
    assert!(
        server
            .count(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run' \
                 AND outcome LIKE '%1 undelivered emails with an expired code%'"
            )
            .await
            >= 1
    );
}

async fn ended_sessions_dead_codes_and_ended_counters_are_deleted(db: Db) {
    let server = server(db, None).await;
    // Just after the hour: 15-minute limit windows end before the first
    // step below, hour-long ones after it.
    server.align_clock(3600);
    let t0 = server.clock_now();
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let signin = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server
        .call_with_cookie("signin", signin.clone(), None)
        .await;
    let cookie = cookie_pair(&cookie.expect("a session"));
    let staff = server.staff_session("dana.help", "agent").await;
    server.add_staff("new.hire", "clinic");
    send_reset_code(&server).await;
    let (status, _, _) = server
        .call_with_cookie(
            "account/email",
            json!({ "request": { "email": "maria.new@example.org", "current": GOOD_PASSWORD } }),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    let details = details_of(&server, OLDER_ADULT_MRN).await;
    let (status, answer) = server
        .call("signup/verify/details", json!({ "details": details }))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert!(answer.get("email_code_sent").is_some(), "{answer}");
    let access_codes = server.count("SELECT COUNT(*) FROM access_codes").await;
    let live = |table: &str| format!("SELECT COUNT(*) FROM {table}");
    for table in [
        "sessions",
        "staff_sessions",
        "reset_codes",
        "email_changes",
        "email_codes",
    ] {
        // create_account's own address confirmation (used, an hour long) too.
        let expected = if table == "email_changes" { 2 } else { 1 };
        assert_eq!(server.count(&live(table)).await, expected, "{table}");
    }
    let ending_soon = format!(
        "SELECT COUNT(*) FROM failure_counters WHERE window_ends_at <= {}",
        t0 + 15 * 60
    );
    let ending_later = format!(
        "SELECT COUNT(*) FROM failure_counters WHERE window_ends_at > {}",
        t0 + 25 * 60
    );
    let later = server.count(&ending_later).await;
    assert!(server.count(&ending_soon).await >= 1 && later >= 1);

    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert!(home.is_object(), "signed in: {home}");

    // Twenty minutes on: the codes (10 and 15 minutes) and the 15-minute
    // counters are dead and go; the sessions (30 minutes idle), the setup
    // code (72 hours), the sign-up confirmation (an hour) and the hour-long
    // counters stay.
    server.advance_clock(20 * 60);
    assert_eq!(
        settles(
            &server,
            "SELECT (SELECT COUNT(*) FROM reset_codes) + (SELECT COUNT(*) FROM email_changes) \
             + (SELECT COUNT(*) FROM email_codes)",
            1
        )
        .await,
        1
    );
    assert_eq!(settles(&server, &ending_soon, 0).await, 0);
    assert_eq!(server.count(&ending_later).await, later);
    assert_eq!(server.count(&live("sessions")).await, 1);
    assert_eq!(server.count(&live("staff_sessions")).await, 1);
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM staff WHERE setup_code_hash IS NOT NULL")
            .await,
        1
    );
    // The emails that carried those codes went with them (the sign-up
    // confirmation's, an hour long, stays for now).
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM outbox WHERE expires_at IS NOT NULL")
            .await,
        1
    );

    // Three days on, everything above is dead and gone; access codes stay
    // (a keyed hash each, and the console names what became of them).
    server.advance_clock(73 * 3600);
    for table in ["sessions", "staff_sessions", "failure_counters"] {
        assert_eq!(settles(&server, &live(table), 0).await, 0, "{table}");
    }
    assert_eq!(
        settles(
            &server,
            "SELECT COUNT(*) FROM staff WHERE setup_code_hash IS NOT NULL",
            0
        )
        .await,
        0
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM access_codes").await,
        access_codes
    );
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&cookie))
        .await;
    assert_eq!(home, Value::Null, "signed out");
    let (_, me, _) = server
        .call_with_cookie("staff/me", json!({}), Some(&staff))
        .await;
    assert_eq!(me, Value::Null, "signed out");
    // Each run that removed something is in the audit log.
    assert!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'retention.run'")
            .await
            >= 2
    );
    // A session begun now lives through the job's runs.
    let (status, _, _) = server.call_with_cookie("signin", signin, None).await;
    assert_eq!(status, StatusCode::OK);
    a_whole_retention_run(&server).await;
    assert_eq!(server.count(&live("sessions")).await, 1);
}
