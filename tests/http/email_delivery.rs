//! Email delivery: SMTP, the outbox across a crash, two servers sharing it,
//! and the demo mailbox.

use crate::common::smtp::SmtpServer;
use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::Duration;

/// Details that match nobody: the request waits, and an email says so.
fn unverifiable(n: usize) -> Value {
    json!({ "details": {
        "first_name": "Pat", "middle_name": "", "last_name": "Nobody",
        "dob": { "month": "7", "day": "4", "year": "1976" },
        "legal_sex": "X", "street": "1 Elm St", "city": "Albany", "state": "NY", "zip": "12207",
        "mobile_phone": "(555) 555-0177", "email": format!("pat{n}@example.com"),
    } })
}

#[tokio::test]
async fn emails_go_out_over_smtp_as_text_and_html() {
    let smtp = SmtpServer::start(0).await;
    let server = TestServer::start_with(&[NOT_DEMO, "--smtp-url", &smtp.url()]).await;
    let (status, body) = server.call("signup/verify/details", unverifiable(1)).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let received = smtp.wait_for(1, 30).await;
    assert_eq!(received.len(), 1);
    let message = &received[0];
    assert!(
        message.to[0].contains("pat1@example.com"),
        "{:?}",
        message.to
    );
    assert!(
        message
            .data
            .contains("Subject: We are processing your patient portal request"),
        "{}",
        message.data
    );
    assert!(message.data.contains("Message-ID: <"), "{}", message.data);
    assert!(message.data.contains("multipart/alternative"));
    assert!(message.data.contains("text/plain") && message.data.contains("text/html"));
    // The outbox records the delivery.
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM outbox WHERE sent_via = 'smtp' AND sent_at IS NOT NULL")
            .await,
        1
    );
}

#[tokio::test]
async fn an_email_committed_before_a_crash_is_delivered_once_after_restart() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("frontdesk.db").display().to_string();
    // A production server without SMTP keeps messages in the outbox.
    let first = TestServer::start_on(&database, &shared_secret(), &[NOT_DEMO]).await;
    assert_eq!(
        first.call("signup/verify/details", unverifiable(2)).await.0,
        StatusCode::OK
    );
    assert_eq!(
        first
            .count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL")
            .await,
        1
    );
    drop(first); // killed (SIGKILL): no clean shutdown

    let smtp = SmtpServer::start(0).await;
    let second = TestServer::start_on(
        &database,
        &shared_secret(),
        &[NOT_DEMO, "--smtp-url", &smtp.url()],
    )
    .await;
    assert_eq!(smtp.wait_for(1, 30).await.len(), 1);
    // A later email makes the sender go over the outbox again: had the first
    // still been due, that pass would claim and send it again.
    assert_eq!(
        second
            .call("signup/verify/details", unverifiable(3))
            .await
            .0,
        StatusCode::OK
    );
    all_sent(&second, 2).await;
    let to: Vec<String> = smtp.messages().iter().map(|m| m.to.join(",")).collect();
    assert_eq!(to.len(), 2, "{to:?}");
    assert!(to[0].contains("pat2@") && to[1].contains("pat3@"), "{to:?}");
    // Claimed once each, across the restart and the later pass.
    assert_eq!(
        second
            .count("SELECT COUNT(*) FROM outbox WHERE attempts <> 1")
            .await,
        0
    );
}

/// Waits until the outbox holds `n` messages, all sent and none claimed by a
/// sender (so no sender is part-way through a batch).
async fn all_sent(server: &TestServer, n: i64) {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    loop {
        let sent = server
            .count("SELECT COUNT(*) FROM outbox WHERE sent_at IS NOT NULL AND locked_until IS NULL")
            .await;
        let all = server.count("SELECT COUNT(*) FROM outbox").await;
        if sent == n && all == n {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{sent} of {all} messages sent, {n} expected"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn two_servers_share_the_outbox_without_sending_twice() {
    let smtp = SmtpServer::start(0).await;
    let db = PgDatabase::create().await;
    let args = [NOT_DEMO, "--smtp-url", &smtp.url()];
    let a = TestServer::start_on(&db.url, &shared_secret(), &args).await;
    let b = TestServer::start_on(&db.url, &shared_secret(), &args).await;
    for n in 0..8 {
        let server = if n % 2 == 0 { &a } else { &b };
        assert_eq!(
            server
                .call("signup/verify/details", unverifiable(n))
                .await
                .0,
            StatusCode::OK
        );
    }
    assert_eq!(smtp.wait_for(8, 30).await.len(), 8);
    // One more email through each server makes its sender go over the outbox
    // again after the eight were delivered: any of them still due would be
    // claimed and sent again.
    for (server, n) in [(&a, 8), (&b, 9)] {
        assert_eq!(
            server
                .call("signup/verify/details", unverifiable(n))
                .await
                .0,
            StatusCode::OK
        );
        all_sent(server, i64::try_from(n).unwrap() + 1).await;
    }
    // Each message claimed once, by one server.
    assert_eq!(
        a.count("SELECT COUNT(*) FROM outbox WHERE attempts <> 1")
            .await,
        0
    );
    let messages = smtp.messages();
    let mut ids: Vec<String> = messages
        .iter()
        .map(|m| {
            m.data
                .lines()
                .find(|l| l.starts_with("Message-ID:"))
                .unwrap()
                .to_string()
        })
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!((messages.len(), ids.len()), (10, 10));
}

#[tokio::test]
async fn the_demo_mailbox_shows_sent_emails_only_in_demo_mode() {
    let demo = TestServer::start().await;
    let (_, body) = demo.call("signup/verify/details", unverifiable(3)).await;
    let reference = body["pending"]["reference"].as_str().unwrap().to_string();
    // Shown at once, waiting in the outbox: showing is not delivering, so
    // it keeps its body (see retention.rs for emails carrying a code).
    let page = demo.get("/dev/mailbox").await.text().await.unwrap();
    assert!(page.contains("<h1>Demo mailbox</h1>"), "{page}");
    assert!(page.contains("We are processing your patient portal request"));
    assert!(page.contains(&reference));
    assert!(page.contains("waiting"), "{page}");

    let production = TestServer::start_with(&[NOT_DEMO]).await;
    assert_eq!(
        production.get("/dev/mailbox").await.status(),
        StatusCode::NOT_FOUND
    );
}
