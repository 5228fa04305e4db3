//! A benchmark, not a test (ignored; `scripts/bench-audit.sh` runs it in a
//! release build): the console's audit page on a log of a million entries,
//! beside the same page on an empty log. Fills the log as servers write it
//! (the same chain, many entries per transaction), opens the page at once
//! (it checks a bounded number of new entries; the server's background job
//! checks the rest and sets the checkpoint), waits for that check, then
//! times the page call over HTTP as a staff member.

use crate::common::*;
use frontdesk::server::security::ServerSecret;
use frontdesk::server::store::{AuditEvent, DatabaseOptions, Store};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::time::{Duration, Instant};

/// Entries per transaction while filling.
const BATCH: usize = 20_000;

#[tokio::test]
#[ignore = "a benchmark: scripts/bench-audit.sh"]
async fn the_console_reads_a_large_audit_log() {
    let entries: usize = std::env::var("BENCH_AUDIT_ENTRIES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000_000);
    let on_postgres = std::env::var("BENCH_AUDIT_DATABASE").as_deref() == Ok("postgres");
    let dir = tempfile::tempdir().unwrap();
    let postgres = if on_postgres {
        Some(PgDatabase::create().await)
    } else {
        None
    };
    let database = postgres.as_ref().map_or_else(
        || dir.path().join("frontdesk.db").display().to_string(),
        |db| db.url.clone(),
    );
    let secret = shared_secret();
    let key = ServerSecret::from_hex(&secret)
        .unwrap()
        .keyed_hash("audit-chain", "");
    let store = Store::open(&DatabaseOptions::new(&database))
        .await
        .expect("store opens")
        .with_audit_key(key.as_bytes());

    // The same page on an empty log, for comparison.
    let empty = {
        let dir = tempfile::tempdir().unwrap();
        let database = dir.path().join("empty.db").display().to_string();
        let server = TestServer::start_on(&database, &secret, &[]).await;
        let agent = server.staff_session("bench.agent", "agent").await;
        median_of_21(&server, &agent, json!({})).await
    };

    let filling = Instant::now();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let actions = [
        "code.verify",
        "signin",
        "patient.search",
        "code.issue",
        "records.request",
    ];
    for start in (0..entries).step_by(BATCH) {
        let end = (start + BATCH).min(entries);
        let outcomes: Vec<String> = (start..end)
            .map(|i| format!("outcome {}", i % 97))
            .collect();
        let actors: Vec<String> = (start..end)
            .map(|i| format!("staff:agent{}", i % 40))
            .collect();
        let clients: Vec<String> = (start..end)
            .map(|i| format!("198.51.{}.{}", i / 256 % 256, i % 256))
            .collect();
        let events: Vec<AuditEvent> = (start..end)
            .map(|i| {
                let k = i - start;
                AuditEvent {
                    actor: if i % 3 == 0 { "anonymous" } else { &actors[k] },
                    patient_id: None,
                    action: actions[i % actions.len()],
                    outcome: &outcomes[k],
                    client_addr: Some(&clients[k]),
                }
            })
            .collect();
        // Spread over the last year, oldest first.
        let at = now - 365 * 86_400 * (entries - start) as i64 / entries as i64;
        store.audit_all(at, &events).await.expect("appended");
    }
    store.close().await;
    let filled = filling.elapsed();

    let server = TestServer::start_on(&database, &secret, &[]).await;
    let agent = server.staff_session("bench.agent", "agent").await;
    let page = |filter: Value| {
        let (server, agent) = (&server, &agent);
        async move {
            let started = Instant::now();
            let (status, body, _) = server
                .call_with_cookie("staff/audit", json!({ "filter": filter }), Some(agent))
                .await;
            let took = started.elapsed();
            assert_eq!(status, StatusCode::OK, "{body}");
            assert_eq!(body["chain_verifies"], true, "{}", body["chain"]);
            (took, body)
        }
    };
    let (first_open, first) = page(json!({})).await;
    assert!(first["total"].as_u64().unwrap() >= entries as u64);
    assert_eq!(first["entries"].as_array().unwrap().len(), 100);
    // The background check (every server runs it at start) catches up.
    let checking = Instant::now();
    while page(json!({})).await.1["chain"]
        .as_str()
        .unwrap()
        .contains("being checked")
    {
        tokio::time::sleep(Duration::from_millis(500)).await;
    }
    let caught_up = checking.elapsed();

    let times = |filter: Value| median_of_21(&server, &agent, filter);
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let newest = times(json!({})).await;
    let second_page = times(json!({ "offset": 100 })).await;
    let by_actor = times(json!({ "sort": "actor", "ascending": true })).await;
    let filtered = times(json!({ "action": "signin" })).await;
    let database_kind = if on_postgres { "PostgreSQL" } else { "SQLite" };
    println!("audit log benchmark on {database_kind}, {entries} entries");
    println!("  filled in {:.1} s", filled.as_secs_f64());
    println!(
        "  first open (checks at most 5,000 new entries): {:.0} ms",
        ms(first_open)
    );
    println!(
        "  the background check of the whole chain caught up {:.1} s later",
        caught_up.as_secs_f64()
    );
    for (what, (median, max)) in [
        ("empty log, newest first", empty),
        ("newest first (the default page)", newest),
        ("second page", second_page),
        ("sorted by actor", by_actor),
        ("filtered by action (counts every match)", filtered),
    ] {
        println!(
            "  {what}: median {:.1} ms, slowest {:.1} ms of 21",
            ms(median),
            ms(max)
        );
    }
}

/// The page's median and slowest time of 21 calls with `filter`.
async fn median_of_21(server: &TestServer, agent: &str, filter: Value) -> (Duration, Duration) {
    let mut took = Vec::new();
    for _ in 0..21 {
        let started = Instant::now();
        let (status, body, _) = server
            .call_with_cookie(
                "staff/audit",
                json!({ "filter": filter.clone() }),
                Some(agent),
            )
            .await;
        took.push(started.elapsed());
        assert_eq!(status, StatusCode::OK, "{body}");
        assert_eq!(body["chain_verifies"], true, "{}", body["chain"]);
    }
    took.sort();
    (took[took.len() / 2], took[took.len() - 1])
}
