//! Browser end-to-end tests of getting in: signing in and out (here and on
//! every device), a forgotten password reset by the emailed code and then
//! used to sign in, a forgotten username, the old-portal notice, and the
//! account settings (password and email). A person in headless Chromium
//! types and clicks through the real server and the built apps in `dist/`
//! (the account app and the recovery app); axe-core (WCAG 2.2 A and AA)
//! checks every page and error state visited. Emails are read where a demo
//! user reads them: `/dev/mailbox`, in a second tab.

use crate::common::*;
use crate::driver::*;
use frontdesk::api::signin::signin_failed;
use serde_json::{Value, json};

const USERNAME: &str = "maria.g";
const EMAIL: &str = "maria.g@example.com";
const SIGN_IN: &str = "Sign in to the patient portal";
const HELLO: &str = "Hello, Maria Garcia";
const NEW_PASSWORD: &str = "copper kettle hums at noon";
const CODE_NOT_RIGHT: &str = "The code is not right. Check the email and try again";
const RESET_CODE_NOT_RIGHT: &str = "The code is not right, or it no longer works. Check the code \
     in the email and try again. A code works for 15 minutes and 5 tries: after that, ask for a new code";

/// The code in an email that reads "… is {code}.".
fn code_in(mail: &Mail) -> String {
    mail.body
        .split(" is ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .unwrap_or_else(|| panic!("no code in {mail:?}"))
        .trim()
        .to_string()
}

/// A fresh server where Maria has an account, and a browser.
async fn start_with_an_account() -> (TestServer, Browser) {
    let (server, b) = start().await;
    server
        .create_account(ADULT_MRN, USERNAME, GOOD_PASSWORD)
        .await;
    (server, b)
}

/// A session of the same account on another device: its cookie.
async fn other_device(server: &TestServer) -> String {
    let body = json!({ "credentials": { "username": USERNAME, "password": GOOD_PASSWORD } });
    let (status, answer, cookie) = server.call_with_cookie("signin", body, None).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{answer}");
    let cookie = cookie.expect("a session cookie");
    cookie.split(';').next().unwrap().to_string()
}

/// Whether the session with `cookie` is still signed in.
async fn signed_in(server: &TestServer, cookie: &str) -> bool {
    let (_, body, _) = server
        .call_with_cookie("home", json!({}), Some(cookie))
        .await;
    body != Value::Null
}

impl Browser {
    /// Signs in on `/signin` and waits for the home page.
    async fn sign_in(&self, username: &str, password: &str) {
        self.wait_h1(SIGN_IN).await;
        self.retype("username", username).await;
        self.type_in("password", password).await;
        self.click_button("Sign in").await;
        self.wait_h1(HELLO).await;
        self.wait_path("/home").await;
    }

    /// The one-time notice at the top of the page.
    async fn notice(&self) -> String {
        self.wait_js(
            "a notice",
            "const n = document.querySelector('.notice'); return n ? n.textContent.trim() : null",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }
}

#[tokio::test]
async fn a_person_signs_in_and_out() {
    let (server, b) = start_with_an_account().await;

    // From the start page (another app) to signing in.
    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.click_link("Sign in").await;
    b.wait_h1(SIGN_IN).await;
    b.wait_path("/signin").await;
    assert_eq!(b.bundle().await, "account");
    b.axe("the sign-in page").await;

    b.click_button("Sign in").await;
    b.expect_error(SIGN_IN, "username", "Enter your username")
        .await;
    let beside_password = b.inline_error("password").await.unwrap_or_default();
    assert!(
        beside_password.contains("Enter your password"),
        "{beside_password:?}"
    );
    b.axe("the sign-in page with empty fields").await;

    // A wrong password reads like an unknown username; the username stays.
    b.type_in("username", USERNAME).await;
    b.type_in("password", "not the password at all").await;
    b.click_button("Sign in").await;
    b.expect_error(SIGN_IN, "username", signin_failed()).await;
    assert_eq!(b.value("username").await, USERNAME);
    assert_eq!(
        b.value("password").await,
        "",
        "the wrong password is cleared"
    );
    b.axe("the sign-in page after a wrong password").await;

    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Sign in").await;
    b.wait_h1(HELLO).await;
    b.wait_path("/home").await;
    b.axe("the home page").await;
    let main = b.text("main").await;
    assert!(main.contains("Maria"), "whose records: {main}");
    assert!(main.contains("Your own record"), "{main}");
    assert_eq!(b.answer("Username").await, USERNAME);
    assert_eq!(b.answer("Email address").await, EMAIL);

    // A reload keeps the person signed in (the session is a cookie).
    b.c.refresh().await.expect("reload");
    b.wait_h1(HELLO).await;

    b.click_button("Sign out").await;
    b.wait_h1(SIGN_IN).await;
    b.wait_path("/signin").await;
    assert_eq!(b.notice().await, "You have signed out.");
    b.axe("the sign-in page after signing out").await;

    // Signed out means signed out on the server too.
    b.goto("/home").await;
    b.wait_h1(SIGN_IN).await;
    assert_eq!(b.notice().await, "Sign in to see your account.");

    // Signing out everywhere ends the other devices' sessions too.
    let phone = other_device(&server).await;
    assert!(signed_in(&server, &phone).await);
    b.sign_in(USERNAME, GOOD_PASSWORD).await;
    b.click_button("Sign out everywhere").await;
    b.wait_h1(SIGN_IN).await;
    assert_eq!(b.notice().await, "You have signed out on every device.");
    assert!(!signed_in(&server, &phone).await, "the phone is signed out");
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);
    b.close().await;
}

#[tokio::test]
async fn a_forgotten_password_is_reset_with_the_emailed_code() {
    let (server, b) = start_with_an_account().await;
    let phone = other_device(&server).await;

    b.goto("/signin").await;
    b.wait_h1(SIGN_IN).await;
    b.click_link("Forgot your username or password?").await;
    b.wait_h1("Forgot your username or password?").await;
    b.wait_path("/recover").await;
    assert_eq!(b.bundle().await, "recover");
    b.axe("the recovery page").await;
    let main = b.text("main").await;
    assert!(main.contains("Start with your username"), "{main}");
    assert!(main.contains("call the help desk"), "{main}");

    b.click_link("I forgot my password").await;
    b.wait_h1("Reset your password").await;
    b.axe("the reset-password page").await;
    b.click_button("Send a code").await;
    b.expect_error("Reset your password", "username", "Enter your username")
        .await;
    b.axe("the reset-password page with no username").await;

    b.type_in("username", USERNAME).await;
    b.click_button("Send a code").await;
    b.wait_h1("Check your email").await;
    b.wait_path("/recover/reset").await;
    assert_eq!(
        b.value("username").await,
        USERNAME,
        "the username carries over"
    );
    b.axe("the enter-code page").await;

    let mail = b
        .read_mailbox(EMAIL, "Your patient portal password reset code")
        .await;
    let code = code_in(&mail);

    // A wrong code is one of five tries.
    let wrong = if code.starts_with('2') {
        "3333-3333"
    } else {
        "2222-2222"
    };
    b.type_in("code", wrong).await;
    b.type_in("password", NEW_PASSWORD).await;
    b.click_button("Reset password").await;
    b.expect_error("Check your email", "code", RESET_CODE_NOT_RIGHT)
        .await;
    assert_eq!(b.value("code").await, wrong, "what was typed stays");
    b.axe("the enter-code page with a wrong code").await;

    b.retype("code", &code).await;
    if b.value("password").await.is_empty() {
        b.type_in("password", NEW_PASSWORD).await;
    }
    b.click_button("Reset password").await;
    // Back in the account app, with the username filled in.
    b.wait_h1(SIGN_IN).await;
    b.wait_path("/signin").await;
    assert!(
        b.notice()
            .await
            .starts_with("Your password has been reset, and you have been signed out everywhere."),
    );
    assert_eq!(b.value("username").await, USERNAME);
    b.axe("the sign-in page after a reset").await;
    assert!(!signed_in(&server, &phone).await, "other sessions end");
    let (subject, _) = server.last_email_to(EMAIL).await.expect("an email");
    assert_eq!(subject, "Your patient portal password was changed");

    // The old password no longer works; the new one does.
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Sign in").await;
    b.expect_error(SIGN_IN, "username", signin_failed()).await;
    b.sign_in(USERNAME, NEW_PASSWORD).await;
    b.close().await;
}

#[tokio::test]
async fn a_forgotten_username_is_emailed() {
    let (server, b) = start_with_an_account().await;
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/recover").await;
    b.wait_h1("Forgot your username or password?").await;
    b.click_link("I forgot my username").await;
    b.wait_h1("Get your username").await;
    b.wait_path("/recover/username").await;
    b.axe("the get-your-username page").await;

    b.click_button("Send my username").await;
    b.expect_error("Get your username", "email", "Enter your email address")
        .await;
    b.wait_summary("Enter your date of birth").await;
    b.axe("the get-your-username page with empty fields").await;

    b.type_in("email", EMAIL).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button("Send my username").await;
    b.wait_h1("Check your email").await;
    let answer = b.text("main").await;
    assert!(
        answer.contains("If the details match an account, we have sent an email"),
        "{answer}"
    );
    b.axe("the username-sent page").await;

    let mail = b.read_mailbox(EMAIL, "Your patient portal username").await;
    assert!(
        mail.body.contains(&format!("It is: {USERNAME}")),
        "{}",
        mail.body
    );

    // From the email to signing in.
    b.click_link("Sign in").await;
    b.sign_in(USERNAME, GOOD_PASSWORD).await;
    b.close().await;
}

#[tokio::test]
async fn an_old_portal_username_leads_to_a_new_account() {
    preflight();
    let server = TestServer::start_with(&["--old-portal-name", "MyHealth Online"]).await;
    let csv = tempfile::NamedTempFile::new().expect("a temporary file");
    std::fs::write(csv.path(), "username,mrn\nMGarcia84,100001\n").expect("write the CSV");
    let out = server.admin(&["import-old-portal", "--file", csv.path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "import-old-portal failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let b = Browser::launch(&server.url).await;

    b.goto("/signin").await;
    b.wait_h1(SIGN_IN).await;
    b.type_in("username", "mgarcia84").await;
    b.type_in("password", "my old password").await;
    b.click_button("Sign in").await;
    b.wait_h1("Your old login does not work here").await;
    b.wait_path("/signin/old-portal").await;
    let main = b.text("main").await;
    assert!(
        main.contains("That username is from MyHealth Online."),
        "{main}"
    );
    assert!(main.contains("logins did not carry over"), "{main}");
    b.axe("the old-portal page").await;
    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    b.wait_path("/signup/code").await;

    // Asking to reset the old login's password says the same.
    b.goto("/recover/password").await;
    b.wait_h1("Reset your password").await;
    b.type_in("username", "MGarcia84").await;
    b.click_button("Send a code").await;
    b.wait_h1("Your old login does not work here").await;
    b.wait_path("/recover/old-portal").await;
    assert!(b.text("main").await.contains("MyHealth Online"));
    b.axe("the old-portal page, from recovery").await;
    b.click_link("Sign up without an access code").await;
    b.wait_path("/signup/verify").await;
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM outbox WHERE subject LIKE '%reset code%'")
            .await,
        0,
        "no code for an old login"
    );
    b.close().await;
}

#[tokio::test]
async fn a_person_changes_their_password_and_email() {
    let (server, b) = start_with_an_account().await;
    let phone = other_device(&server).await;
    b.goto("/signin").await;
    b.sign_in(USERNAME, GOOD_PASSWORD).await;

    // Password: the current one first.
    b.click_link("Change password").await;
    b.wait_h1("Change your password").await;
    b.wait_path("/account/password").await;
    b.axe("the change-password page").await;
    b.click_button("Change password").await;
    b.expect_error(
        "Change your password",
        "current",
        "Enter your current password",
    )
    .await;
    b.axe("the change-password page with empty fields").await;
    b.type_in("current", "not my password at all").await;
    b.type_in("new", NEW_PASSWORD).await;
    b.click_button("Change password").await;
    b.expect_error(
        "Change your password",
        "current",
        "Your current password is not right",
    )
    .await;
    b.axe("the change-password page with a wrong password")
        .await;
    b.retype("current", GOOD_PASSWORD).await;
    if b.value("new").await.is_empty() {
        b.type_in("new", NEW_PASSWORD).await;
    }
    b.click_button("Change password").await;
    b.wait_h1(HELLO).await;
    assert!(
        b.notice()
            .await
            .starts_with("Your password has been changed."),
    );
    b.axe("the home page after a password change").await;
    assert!(
        !signed_in(&server, &phone).await,
        "other devices signed out"
    );
    let mail = b
        .read_mailbox(EMAIL, "Your patient portal password was changed")
        .await;
    assert!(mail.body.contains("If you did not change it"));

    // Email: a code to the new address, a word to the old one.
    let new_email = "maria.new@example.com";
    b.click_link("Change email address").await;
    b.wait_h1("Change your email address").await;
    b.wait_path("/account/email").await;
    b.axe("the change-email page").await;
    b.type_in("email", "maria.new@").await;
    b.type_in("current", NEW_PASSWORD).await;
    b.click_button("Send code").await;
    b.expect_error(
        "Change your email address",
        "email",
        "Enter an email address in the correct format, like name@example.com",
    )
    .await;
    b.axe("the change-email page with a wrong address").await;
    b.retype("email", new_email).await;
    b.click_button("Send code").await;
    b.wait_h1("Check your email").await;
    assert!(b.text("main").await.contains("We sent a 6-digit code to"));
    b.axe("the confirm-email page").await;
    let mail = b
        .read_mailbox(new_email, "Confirm your new patient portal email address")
        .await;
    let code = code_in(&mail);
    let wrong = if code == "000000" { "111111" } else { "000000" };
    b.type_in("code", wrong).await;
    b.click_button("Confirm email address").await;
    b.expect_error("Check your email", "code", CODE_NOT_RIGHT)
        .await;
    b.axe("the confirm-email page with a wrong code").await;
    b.retype("code", &code).await;
    b.click_button("Confirm email address").await;
    b.wait_h1(HELLO).await;
    assert!(
        b.notice()
            .await
            .starts_with(&format!("Your email address is now {new_email}")),
    );
    assert_eq!(b.answer("Email address").await, new_email);
    let (subject, body) = server.last_email_to(EMAIL).await.expect("an email");
    assert_eq!(subject, "Your patient portal email address was changed");
    assert!(!body.contains(new_email), "the old address sees it masked");
    b.close().await;
}
