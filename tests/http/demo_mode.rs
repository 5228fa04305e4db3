//! Safe by default: demo data, demo staff, the mailbox and the test clock
//! only when the server is asked for the demo (`--demo` or FRONTDESK_DEMO);
//! switches read from the environment as 1/0, true/false, yes/no, on/off;
//! a `sqlite://` URL creates its file.

use crate::common::*;
use reqwest::StatusCode;
use std::time::{Duration, Instant};

async fn patients(server: &TestServer) -> i64 {
    server.count("SELECT COUNT(*) FROM patients").await
}

async fn codes(server: &TestServer) -> i64 {
    server.count("SELECT COUNT(*) FROM access_codes").await
}

async fn staff(server: &TestServer) -> i64 {
    server.count("SELECT COUNT(*) FROM staff").await
}

#[tokio::test]
async fn without_the_demo_an_empty_database_stays_empty() {
    let server = TestServer::start_with(&[NOT_DEMO]).await;
    assert_eq!((patients(&server).await, staff(&server).await), (0, 0));
    let out = server.admin(&["issue-code", "--mrn", ADULT_MRN]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no patient has MRN 100001"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        server.get("/dev/mailbox").await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn frontdesk_demo_from_the_environment_reads_like_a_switch() {
    for on in ["1", "true", "yes", "on"] {
        let server = TestServer::start_with_env(&[("FRONTDESK_DEMO", on)], &[]).await;
        assert_eq!(patients(&server).await, 50, "FRONTDESK_DEMO={on}");
        assert_eq!(staff(&server).await, 3, "FRONTDESK_DEMO={on}");
        assert_eq!(server.get("/dev/mailbox").await.status(), StatusCode::OK);
    }
    for off in ["0", "false", "no", "off"] {
        let server = TestServer::start_with_env(&[("FRONTDESK_DEMO", off)], &[]).await;
        assert_eq!(patients(&server).await, 0, "FRONTDESK_DEMO={off}");
        assert_eq!(staff(&server).await, 0, "FRONTDESK_DEMO={off}");
        assert_eq!(
            server.get("/dev/mailbox").await.status(),
            StatusCode::NOT_FOUND
        );
    }
    // The other switches read alike (a bad value is refused, not taken as on).
    let server = TestServer::start_with_env(
        &[("FRONTDESK_HTTPS", "1"), ("FRONTDESK_TRUST_PROXY", "0")],
        &[],
    )
    .await;
    let hsts = server.get("/healthz").await;
    assert!(hsts.headers().contains_key("strict-transport-security"));
    let refused = std::process::Command::new(SERVER)
        .arg("--database")
        .arg(server.dir.path().join("other.db"))
        .args(["--listen", "127.0.0.1:0"])
        .env("FRONTDESK_HTTPS", "maybe")
        .output()
        .expect("runs");
    assert!(!refused.status.success());
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("maybe"),
        "{}",
        String::from_utf8_lossy(&refused.stderr)
    );
}

#[tokio::test]
async fn the_demo_on_a_database_with_patients_issues_fresh_codes() {
    let dir = tempfile::tempdir().unwrap();
    let database = dir.path().join("frontdesk.db").display().to_string();
    let first = TestServer::start_on(&database, &shared_secret(), &[]).await;
    let issued = codes(&first).await;
    assert!(issued > 30, "{issued}");
    drop(first);
    let again = TestServer::start_on(&database, &shared_secret(), &["--demo"]).await;
    assert_eq!(patients(&again).await, 50, "nobody twice");
    assert_eq!(staff(&again).await, 3, "staff only into an empty table");
    assert_eq!(codes(&again).await, 2 * issued, "a fresh code each");
    drop(again);
    let production = TestServer::start_on(&database, &shared_secret(), &[NOT_DEMO]).await;
    assert_eq!(codes(&production).await, 2 * issued);
}

#[tokio::test]
async fn the_test_clock_is_refused_outside_the_demo() {
    let dir = tempfile::tempdir().unwrap();
    let mut child = std::process::Command::new(SERVER)
        .arg("--database")
        .arg(dir.path().join("frontdesk.db"))
        .args(["--listen", "127.0.0.1:0"])
        .env("FRONTDESK_TEST_CLOCK", dir.path().join("clock"))
        .env_remove("FRONTDESK_DEMO")
        .env("RUST_LOG", "warn")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(30) {
            let _ = child.kill();
            panic!("a server without --demo ran with the test clock");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(!status.success());
    let mut said = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut said).unwrap();
    assert!(said.contains("FRONTDESK_TEST_CLOCK"), "{said}");
}

#[tokio::test]
async fn a_sqlite_url_to_a_missing_file_creates_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("not/yet/frontdesk.db");
    let url = format!("sqlite://{}", file.display());
    let server = TestServer::start_on(&url, &shared_secret(), &[]).await;
    assert!(server.healthy().await);
    assert!(file.is_file());
    assert_eq!(patients(&server).await, 50);
}
