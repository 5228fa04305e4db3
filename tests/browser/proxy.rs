//! Browser end-to-end tests of proxy access: a listed parent gets access by
//! law and opens their child's record from their home page; a patient sees
//! who can see their record and answers a request. axe-core checks every
//! page visited.

use crate::common::*;
use crate::driver::*;
use serde_json::json;

async fn session_of(server: &TestServer, username: &str) -> String {
    let creds = json!({ "credentials": { "username": username, "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", creds, None).await;
    cookie_pair(&cookie.expect("a session"))
}

async fn ask(
    server: &TestServer,
    cookie: &str,
    mrn: &str,
    relationship: &str,
) -> serde_json::Value {
    use sqlx::Row;
    let pool = server.db().await;
    let row = sqlx::query("SELECT first_name, last_name FROM patients WHERE mrn = $1")
        .bind(mrn)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let form = json!({
        "first_name": row.get::<String, _>("first_name"), "last_name": row.get::<String, _>("last_name"),
        "dob": server.dob_of(mrn).await, "relationship": relationship,
    });
    let (_, answer, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(cookie))
        .await;
    answer
}

#[tokio::test]
async fn a_parent_gets_access_by_law_and_opens_their_childs_record() {
    let (server, b) = start().await;
    server.add_parent_mei().await;
    let lily = Dob::of(&server, CHILD_MRN).await;

    b.sign_in_as("mei.chen").await;
    b.wait_h1("Hello, Mei Chen").await;
    b.click_link("Ask for access to someone else's record")
        .await;
    b.wait_h1("Ask for access to someone else's record").await;
    assert_eq!(b.bundle().await, "proxy");
    b.axe("the proxy start page").await;
    b.click_link("Start").await;
    b.wait_h1("Whose record do you want to see?").await;
    b.click_button("Continue").await;
    b.expect_error(
        "Whose record do you want to see?",
        "first_name",
        "Enter their first name",
    )
    .await;
    b.axe("whose record, with errors").await;
    b.type_in("first_name", "Lily").await;
    b.type_in("last_name", "Chen").await;
    b.type_in("dob-month", &lily.month).await;
    b.type_in("dob-day", &lily.day).await;
    b.type_in("dob-year", &lily.year).await;
    b.click_button("Continue").await;
    b.wait_h1("How are you related to them?").await;
    b.axe("the relationship page").await;
    b.click_button("Continue").await;
    b.expect_error(
        "How are you related to them?",
        "relationship",
        "Choose how you are related to them",
    )
    .await;
    b.choose("Parent").await;
    b.click_button("Continue").await;
    b.wait_h1("Tell us more").await;
    assert!(
        !b.exists("#document_reference").await,
        "a parent needs no court order"
    );
    b.axe("the details page").await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    let answers = b.text("main").await;
    assert!(
        answers.contains("Lily Chen") && answers.contains("Parent"),
        "{answers}"
    );
    b.axe("the proxy check page").await;
    b.click_button("Send request").await;
    b.wait_h1("You can now see Lily Chen's record").await;
    let main = b.text("main").await;
    assert!(
        main.contains("You are listed on Lily's record as their parent"),
        "{main}"
    );
    b.axe("access granted by law").await;
    b.click_link("Go to your home page").await;
    b.wait_h1("Hello, Mei Chen").await;
    b.sign_in_as("mei.chen").await;
    b.wait_h1("Hello, Mei Chen").await;
    b.click_link("Lily Chen").await;
    b.wait_h1("Lily Chen's record").await;
    assert_eq!(b.bundle().await, "records");
    let main = b.text("main").await;
    assert!(
        main.contains("You are looking at Lily Chen's record, not your own."),
        "{main}"
    );
    assert!(main.contains("Parent, full access until"), "{main}");
    b.axe("a child's record opened by a parent").await;

    // Another child's record stays closed.
    let robert: i64 = server
        .query_one("SELECT id FROM patients WHERE mrn = $1", OLDER_ADULT_MRN)
        .await;
    b.goto(&format!("/records/{robert}")).await;
    b.wait_h1("This record cannot be opened").await;
    b.axe("a record without access").await;
    b.close().await;
}

#[tokio::test]
async fn a_patient_answers_a_request_and_sees_who_has_access() {
    let (server, b) = start().await;
    server.add_parent_mei().await;
    server
        .create_account(OLDER_ADULT_MRN, "robert.j", GOOD_PASSWORD)
        .await;
    let mei = session_of(&server, "mei.chen").await;
    let answer = ask(&server, &mei, OLDER_ADULT_MRN, "caregiver").await;
    assert!(answer["review"].is_object(), "{answer}");

    let robert = session_of(&server, "robert.j").await;
    let (_, waiting, _) = server
        .call_with_cookie("records/requests", json!({}), Some(&robert))
        .await;
    assert_eq!(waiting[0]["requester"], "Mei Chen", "{waiting}");
    b.sign_in_as("robert.j").await;
    b.wait_h1("Hello, Robert Johnson").await;
    assert!(
        b.text("main")
            .await
            .contains("Someone asked for access to your record and is waiting for your answer."),
        "{}",
        b.text("main").await
    );
    b.click_link("Robert Johnson").await;
    b.wait_h1("Your record").await;
    b.wait_js(
        "the request waiting",
        "return document.body.textContent.includes('Mei Chen asked on')",
        vec![],
    )
    .await;
    assert!(b.text("main").await.contains("Nobody else can see it."));
    b.axe("your record with a request waiting").await;
    b.click_button("Approve Mei Chen").await;
    // Asked first; nothing changes until "Yes".
    b.wait_js(
        "the confirmation",
        "return document.body.textContent.includes(\"Approve Mei Chen's request to see your record?\")",
        vec![],
    )
    .await;
    b.wait_focus("confirm").await;
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_requests WHERE status = 'review'")
            .await,
        0
    );
    b.axe("your record asking to confirm an approval").await;
    b.click_button("Yes, approve").await;
    b.wait_js(
        "what happened",
        "return document.body.textContent.includes('You approved Mei Chen')",
        vec![],
    )
    .await;
    b.wait_js(
        "the request answered",
        "return !document.body.textContent.includes('asked on')",
        vec![],
    )
    .await;
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM proxy_requests WHERE status = 'review'")
            .await,
        1,
        "on to the help desk"
    );
    b.axe("your record after answering").await;
    b.close().await;
}

/// Signed out, a record's address asks to sign in, says why, and brings
/// the person back to that record.
#[tokio::test]
async fn signing_in_returns_to_the_record_that_asked() {
    let (server, b) = start().await;
    server.add_parent_mei().await;
    let mei = session_of(&server, "mei.chen").await;
    let answer = ask(&server, &mei, CHILD_MRN, "parent").await;
    assert!(answer["granted"].is_object(), "{answer}");
    let lily: i64 = server
        .query_one("SELECT id FROM patients WHERE mrn = $1", CHILD_MRN)
        .await;
    b.goto(&format!("/records/{lily}")).await;
    b.wait_h1("Sign in to the patient portal").await;
    assert!(
        b.text("main")
            .await
            .contains("Sign in to open this record."),
        "{}",
        b.text("main").await
    );
    b.axe("sign in, sent from a record").await;
    b.type_in("username", "mei.chen").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Sign in").await;
    b.wait_h1("Lily Chen's record").await;
    b.wait_path(&format!("/records/{lily}")).await;
    b.close().await;
}
