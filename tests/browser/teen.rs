//! Browser end-to-end tests of teen enrollment: a teen finds the teen page,
//! signs up with their own access code, confirms the account is their own
//! and reads what a parent can see; a teen typing a parent's email is
//! stopped with the reason. axe-core checks every page visited.

use crate::common::*;
use crate::driver::*;

/// Aiden's mother, on his record.
const GUARDIAN_EMAIL: &str = "linh.nguyen@example.com";

#[tokio::test]
async fn a_teen_enrolls_their_own_account() {
    let (server, b) = start().await;
    let code = server.issue_code(TEEN_MRN);
    let dob = Dob::of(&server, TEEN_MRN).await;

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.click_link("Create your own account").await;
    b.wait_h1("Create your own account if you are 14 to 17")
        .await;
    assert_eq!(b.bundle().await, "help");
    b.axe("the teen page").await;
    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&code, &dob).await;
    assert!(b.text("main").await.contains("Hello Aiden."));
    b.axe("the create-login page for a teen").await;

    b.type_in("username", "aiden.n").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.retype("email", "aiden.own@example.com").await;
    b.click_button("Continue").await;
    b.expect_error(
        "Create your login",
        "own_account",
        "Confirm that you are Aiden and you are creating your own account. A parent or \
         guardian cannot create a teen's account for them",
    )
    .await;
    assert_eq!(
        b.value("username").await,
        "aiden.n",
        "nothing typed is lost"
    );
    b.axe("the teen's confirmation missing").await;

    b.choose("I am Aiden and I'm creating my own account").await;
    assert!(b.checked("own_account").await);
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.click_button("Create account").await;
    b.wait_h1("Your account is ready").await;
    let main = b.text("main").await;
    assert!(main.contains("Your account is yours"), "{main}");
    assert!(
        main.contains("sees only your name, date of birth and medical record number"),
        "{main}"
    );
    b.axe("a teen's account is ready").await;
    b.close().await;
}

#[tokio::test]
async fn a_teen_using_a_parents_email_is_stopped() {
    let (server, b) = start().await;
    let code = server.issue_code(TEEN_MRN);
    let dob = Dob::of(&server, TEEN_MRN).await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&code, &dob).await;
    b.type_in("username", "aiden.n").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.retype("email", GUARDIAN_EMAIL).await;
    b.choose("I am Aiden and I'm creating my own account").await;
    b.click_button("Continue").await;
    b.expect_error(
        "Create your login",
        "email",
        "Use your own email address. Teens create their own account with their own email, \
         not a parent's or guardian's",
    )
    .await;
    assert_eq!(b.value("email").await, GUARDIAN_EMAIL, "kept to correct");
    b.axe("a teen using a parent's email").await;
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'teen.refused'")
            .await,
        1,
        "the attempt is logged"
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM accounts").await,
        0,
        "no account"
    );
    b.close().await;
}
