//! The audit log's hash chain through the admin command, on a real server's
//! database: `frontdesk verify-audit` passes on an honest log and names the
//! first entry someone changed.

use crate::common::*;

#[tokio::test]
async fn verify_audit_names_the_first_changed_entry() {
    let server = TestServer::start().await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let out = server.admin(&["verify-audit"]);
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{said}");
    assert!(said.starts_with("The audit log verifies: "), "{said}");

    let entry: i64 = server
        .query_one("SELECT id FROM audit_log WHERE action = $1", "signup.code")
        .await;
    server.execute("DROP TRIGGER audit_log_no_update").await;
    server
        .execute(&format!(
            "UPDATE audit_log SET actor = 'someone else' WHERE id = {entry}"
        ))
        .await;
    let out = server.admin(&["verify-audit"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(
        said.contains(&format!("entry {entry} (its contents were changed)")),
        "{said}"
    );
}
