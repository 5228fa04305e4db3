//! Browser end-to-end tests: a person signing up with an access code in
//! headless Chromium (Debian's chromium + chromedriver, driven over WebDriver
//! with fantoccini), against the real server and the built app in `dist/`.
//! axe-core checks every page and error state a test visits.

use crate::common::*;
use crate::driver::*;
use fantoccini::Locator;
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::key::Key;
use std::time::Duration;

const NOT_ACCEPTED: &str =
    "We could not match that access code and date of birth. Check both and try again";
const MISTYPED: &str = "Check your access code – it looks mistyped";
const PASSWORD_TOO_SHORT: &str = "Password must be 15 characters or more";
const EMAIL_FORMAT: &str = "Enter an email address in the correct format, like name@example.com";
const USERNAME_TAKEN: &str = "That username is taken. Choose a different username";
const MARIA_EMAIL: &str = "maria.garcia@example.com";
/// The focus colour (GOV.UK yellow, `--focus` in style/main.css).
const FOCUS_YELLOW: &str = "rgb(255, 221, 0)";

/// The number of rows `sql` counts.
async fn count(server: &TestServer, sql: &str, arg: &str) -> i64 {
    server.query_one::<i64>(sql, arg).await
}

/// Failed code attempts counted against this client address.
async fn failed_code_tries(server: &TestServer) -> i64 {
    count(
        server,
        "SELECT COALESCE(SUM(failures), 0) FROM failure_counters WHERE scope = $1",
        "access-code",
    )
    .await
}

/// The latest code row of a patient.
fn latest_code_of(mrn: &str) -> String {
    format!(
        "(SELECT MAX(id) FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = '{mrn}'))"
    )
}

/// A code with one symbol changed: the check symbol catches it.
fn mistype(code: &str) -> String {
    let first = code.chars().next().unwrap();
    let other = if first == '7' { '8' } else { '7' };
    format!("{other}{}", &code[1..])
}

async fn checklist_met(b: &Browser) -> Vec<bool> {
    let v = b
        .js(
            "return Array.from(document.querySelectorAll('#password-checklist .checklist__item')) \
             .map(li => li.classList.contains('checklist__item--met'))",
            vec![],
        )
        .await;
    serde_json::from_value(v).unwrap()
}

// ---------------------------------------------------------------------------

/// 1. The whole path a person takes, with axe on every page.
#[tokio::test]
async fn a_person_signs_up_with_an_access_code() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.axe("the start page").await;

    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    assert_eq!(b.c.current_url().await.unwrap().path(), "/signup/code");
    assert!(
        b.title().await.starts_with("Enter your access code"),
        "title {:?}",
        b.title().await
    );
    b.axe("the access code page").await;

    // Lower case, spaces for hyphens; "3" rather than "03".
    let typed = code.to_lowercase().replace('-', " ");
    b.enter_code(&typed, &dob).await;
    assert_eq!(
        b.c.current_url().await.unwrap().path(),
        "/signup/code/login"
    );
    b.axe("the create-login page").await;
    assert_eq!(
        b.value("email").await,
        MARIA_EMAIL,
        "email prefilled from the record"
    );
    assert!(
        b.text("main").await.contains("Hello Maria."),
        "the page greets the person by name"
    );

    // The live checklist: nothing met before typing, everything met after.
    assert_eq!(
        checklist_met(&b).await,
        vec![false; 4],
        "checklist before typing"
    );
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.wait_js(
        "all four password checklist items met",
        "const items = document.querySelectorAll('#password-checklist .checklist__item'); \
         return items.length === 4 && Array.from(items).every(li => li.classList.contains('checklist__item--met'))",
        vec![],
    )
    .await;
    assert!(
        b.text("#password-checklist")
            .await
            .contains(&format!("(you have {})", GOOD_PASSWORD.chars().count())),
        "the checklist counts the characters"
    );
    b.axe("the create-login page, filled in").await;

    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.axe("the check-answers page").await;
    assert_eq!(
        b.answer("Access code").await,
        code,
        "code shown as XXXXX-XXXXX-XXXXX"
    );
    assert_eq!(b.answer("Date of birth").await, dob.written());
    assert_eq!(b.answer("Username").await, "maria.g");
    assert_eq!(b.answer("Email address").await, MARIA_EMAIL);
    assert!(
        !b.text("main").await.contains(GOOD_PASSWORD),
        "the password is never shown"
    );

    b.click_button("Create account").await;
    b.wait_h1("Your account is ready").await;
    b.axe("the account-ready page").await;
    assert_eq!(b.text(".username").await, "maria.g");
    assert!(b.text("main").await.contains(MARIA_EMAIL));

    // The account exists, for this patient.
    let mrn: String = server
        .query_one(
            "SELECT p.mrn FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(mrn, ADULT_MRN);
    // A code on paper proves nothing about an email address: the one typed
    // waits for its own code, which the ready page tells of.
    let email: String = server
        .query_one(
            "SELECT email FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(email, "", "not confirmed yet");
    assert!(b.text("main").await.contains("We sent a 6-digit code to"));
    let (subject, _) = server.last_email_to(MARIA_EMAIL).await.expect("a code");
    assert_eq!(subject, "Confirm your new patient portal email address");

    // Once used, neither the code nor the password stays in the tab.
    let stored = b
        .js(
            "return JSON.stringify(Object.assign({}, sessionStorage))",
            vec![],
        )
        .await;
    let stored = stored.as_str().unwrap().to_lowercase();
    let canonical = code.replace('-', "").to_lowercase();
    assert!(
        !stored.contains(&typed)
            && !stored.contains(&canonical)
            && !stored.contains(&code.to_lowercase()),
        "session storage still holds the used code: {stored}"
    );
    assert!(
        !stored.contains(GOOD_PASSWORD),
        "session storage holds the password"
    );
    b.close().await;
}

/// 2a. Errors on the access-code page: empty, mistyped, wrong date of birth.
#[tokio::test]
async fn the_code_page_explains_each_error() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.axe("the access code page").await;
    assert!(!b.title().await.starts_with("Error: "));
    let form = b.el("main form").await;
    assert!(
        form.attr("novalidate").await.unwrap().is_some(),
        "the form lets the browser validate"
    );
    for part in ["month", "day", "year"] {
        let input = b.el(&format!("#dob-{part}")).await;
        assert_eq!(
            input.attr("inputmode").await.unwrap().as_deref(),
            Some("numeric"),
            "#dob-{part}"
        );
        let autocomplete = format!("bday-{part}");
        assert_eq!(
            input.attr("autocomplete").await.unwrap(),
            Some(autocomplete),
            "#dob-{part}"
        );
    }

    // Nothing typed.
    b.click_button("Continue").await;
    let items = b.wait_summary("Enter your access code").await;
    assert_eq!(
        items,
        ["Enter your access code", "Enter your date of birth"]
    );
    assert_eq!(b.text("#error-summary h2").await, "There is a problem");
    b.wait_focus("error-summary").await;
    let title = b.title().await;
    assert!(title.starts_with("Error: "), "title {title:?}");
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains("Enter your access code"),
        "inline error beside the code"
    );
    assert!(
        b.inline_error("dob")
            .await
            .unwrap_or_default()
            .contains("Enter your date of birth"),
        "inline error beside the date of birth"
    );
    for id in ["code", "dob-month", "dob-day", "dob-year"] {
        let class = b
            .el(&format!("#{id}"))
            .await
            .attr("class")
            .await
            .unwrap()
            .unwrap_or_default();
        assert!(
            class.contains("input--error"),
            "#{id} is not marked as in error: {class}"
        );
    }
    assert!(
        b.described_by("#code").await.contains("code-error"),
        "the code box is not described by its error"
    );
    assert!(
        b.described_by("fieldset").await.contains("dob-error"),
        "the date of birth fieldset is not described by its error"
    );
    b.axe("the access code page with nothing entered").await;

    // Each summary link takes the person to the field.
    b.click_link("Enter your date of birth").await;
    b.wait_focus("dob-month").await;
    b.click_link("Enter your access code").await;
    b.wait_focus("code").await;

    // One symbol changed: caught in the browser, no request sent.
    let mistyped = mistype(&code);
    b.type_in("code", &mistyped).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(MISTYPED).await;
    assert_eq!(items, [MISTYPED], "only the code is wrong now");
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains(MISTYPED)
    );
    assert_eq!(
        b.inline_error("dob").await,
        None,
        "the date of birth is fine"
    );
    assert_eq!(
        b.api_calls("signup/code/verify").await,
        0,
        "a mistyped code was sent to the server"
    );
    let verifies = count(
        &server,
        "SELECT COUNT(*) FROM audit_log WHERE action = $1",
        "code.verify",
    )
    .await;
    assert_eq!(verifies, 0, "the server saw a code attempt");
    assert_eq!(
        failed_code_tries(&server).await,
        0,
        "a failure was counted for a mistyped code"
    );
    assert_eq!(b.value("code").await, mistyped, "the typed code is kept");
    assert_eq!(
        (
            b.value("dob-month").await,
            b.value("dob-day").await,
            b.value("dob-year").await
        ),
        (dob.month.clone(), dob.day.clone(), dob.year.clone()),
        "the typed date is kept"
    );
    assert!(b.title().await.starts_with("Error: "));
    b.axe("the access code page with a mistyped code").await;

    // The real code with the wrong date of birth: the server's generic answer.
    let wrong_year = (dob.year.parse::<i32>().unwrap() - 1).to_string();
    b.retype("code", &code).await;
    b.retype("dob-year", &wrong_year).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(NOT_ACCEPTED).await;
    assert_eq!(items, [NOT_ACCEPTED]);
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("code")
            .await
            .unwrap_or_default()
            .contains(NOT_ACCEPTED)
    );
    assert!(b.title().await.starts_with("Error: "));
    // This one did reach the server (so the "no request" check above can see requests).
    assert_eq!(b.api_calls("signup/code/verify").await, 1);
    let outcome: String = server
        .query_one(
            "SELECT outcome FROM audit_log WHERE action = $1",
            "code.verify",
        )
        .await;
    assert_eq!(outcome, "wrong date of birth");
    assert_eq!(failed_code_tries(&server).await, 1);
    assert_eq!(b.value("code").await, code);
    assert_eq!(b.value("dob-year").await, wrong_year);
    assert_eq!(b.value("dob-month").await, dob.month);
    b.axe("the access code page with a wrong date of birth")
        .await;
    b.close().await;
}

/// 2b. Errors on the create-login page, from the browser's check and the server's.
#[tokio::test]
async fn the_login_page_explains_each_error() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    // Someone else already has the username "taken.name".
    server
        .execute(
            "INSERT INTO accounts (patient_id, username, username_key, password_hash, email, created_at) \
             VALUES ((SELECT id FROM patients WHERE mrn = '100002'), 'taken.name', 'taken.name', 'x', \
             'robert@example.com', 0)",
        )
        .await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&code, &dob).await;

    b.type_in("username", "maria.g").await;
    b.type_in("password", "short pass").await;
    b.retype("email", "maria.garcia@").await;
    b.click_button("Continue").await;
    let items = b.wait_summary(PASSWORD_TOO_SHORT).await;
    assert_eq!(items, [PASSWORD_TOO_SHORT, EMAIL_FORMAT]);
    assert_eq!(b.text("#error-summary h2").await, "There is a problem");
    b.expect_error("Create your login", "password", PASSWORD_TOO_SHORT)
        .await;
    assert!(
        b.inline_error("email")
            .await
            .unwrap_or_default()
            .contains(EMAIL_FORMAT)
    );
    assert_eq!(b.inline_error("username").await, None);
    assert_eq!(b.value("username").await, "maria.g");
    assert_eq!(b.value("password").await, "short pass");
    assert_eq!(b.value("email").await, "maria.garcia@");
    assert_eq!(
        b.api_calls("signup/code/check-login").await,
        0,
        "checked in the browser first"
    );
    b.axe("the create-login page with a short password and a bad email")
        .await;

    b.click_link(EMAIL_FORMAT).await;
    b.wait_focus("email").await;

    // A username someone has: only the server knows.
    b.retype("username", "taken.name").await;
    b.retype("password", GOOD_PASSWORD).await;
    b.retype("email", MARIA_EMAIL).await;
    b.click_button("Continue").await;
    let items = b.wait_summary(USERNAME_TAKEN).await;
    assert_eq!(items, [USERNAME_TAKEN]);
    b.wait_focus("error-summary").await;
    assert!(
        b.inline_error("username")
            .await
            .unwrap_or_default()
            .contains(USERNAME_TAKEN)
    );
    assert_eq!(b.inline_error("password").await, None);
    assert_eq!(b.value("username").await, "taken.name");
    assert_eq!(
        b.value("password").await,
        GOOD_PASSWORD,
        "the password is kept on the page"
    );
    assert!(b.title().await.starts_with("Error: "));
    b.axe("the create-login page with a taken username").await;

    b.retype("username", "maria.g").await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    assert!(!b.title().await.starts_with("Error: "));
    b.axe("the check-answers page").await;
    b.close().await;
}

/// 3. Codes that cannot be used lead to pages that say why.
#[tokio::test]
async fn expired_and_used_codes_lead_to_their_pages() {
    let (server, b) = start().await;
    let expired = server.issue_code(ADULT_MRN);
    let used = server.issue_code(OLDER_ADULT_MRN);
    // 1_700_000_000 is November 14, 2023 (UTC).
    server
        .execute(&format!(
            "UPDATE access_codes SET expires_at = 1700000000 WHERE id = {}",
            latest_code_of(ADULT_MRN)
        ))
        .await;
    server
        .execute(&format!(
            "UPDATE access_codes SET used_at = 1700000000 WHERE id = {}",
            latest_code_of(OLDER_ADULT_MRN)
        ))
        .await;

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    let dob = Dob::of(&server, ADULT_MRN).await;
    b.type_in("code", &expired).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("Your access code has expired").await;
    let text = b.text("main").await;
    assert!(
        text.contains("expired on November 14, 2023"),
        "the page gives the date: {text}"
    );
    assert!(text.contains("Get a new access code"));
    b.axe("the code-expired page").await;

    b.click_link("Enter a different access code").await;
    b.wait_h1("Enter your access code").await;
    let dob = Dob::of(&server, OLDER_ADULT_MRN).await;
    b.retype("code", &used).await;
    b.retype("dob-month", &dob.month).await;
    b.retype("dob-day", &dob.day).await;
    b.retype("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("This access code has already been used").await;
    assert!(b.text("main").await.contains("Each code works once"));
    b.axe("the code-used page").await;
    b.close().await;
}

/// 4. A reload keeps what was typed (never the password); Back works.
#[tokio::test]
async fn a_reload_keeps_the_answers_but_not_the_password() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    let typed = code.to_lowercase().replace('-', " ");

    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.enter_code(&typed, &dob).await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    assert!(
        !b.exists(".inset-text").await,
        "the reload notice shows before any reload"
    );

    b.c.refresh().await.expect("reload");
    b.wait_h1("Create your login").await;
    assert_eq!(
        b.value("username").await,
        "maria.g",
        "username kept across the reload"
    );
    assert_eq!(b.value("email").await, MARIA_EMAIL);
    assert_eq!(
        b.value("password").await,
        "",
        "password must not survive a reload"
    );
    let notice = b.text("main").await;
    assert!(
        notice.contains("For your security, we do not keep your password when the page reloads"),
        "the page says why the password is empty: {notice}"
    );
    let stored = b
        .js(
            "return JSON.stringify(Object.assign({}, sessionStorage))",
            vec![],
        )
        .await;
    assert!(
        !stored.as_str().unwrap().contains(GOOD_PASSWORD),
        "the password is in session storage"
    );
    b.axe("the create-login page after a reload").await;

    b.c.back().await.expect("back");
    b.wait_h1("Enter your access code").await;
    assert_eq!(b.c.current_url().await.unwrap().path(), "/signup/code");
    assert_eq!(b.value("code").await, typed, "code kept after Back");
    assert_eq!(b.value("dob-month").await, dob.month);
    assert_eq!(b.value("dob-day").await, dob.day);
    assert_eq!(b.value("dob-year").await, dob.year);
    b.axe("the access code page after Back").await;
    b.close().await;
}

/// 5. The first page can be done with the keyboard alone, with visible focus.
#[tokio::test]
async fn the_first_page_works_with_the_keyboard_alone() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.axe("the start page").await;

    let press = |keys: String| {
        let c = b.c.clone();
        async move {
            c.active_element()
                .await
                .expect("active element")
                .send_keys(&keys)
                .await
                .expect("keys");
        }
    };
    let active_text = || async {
        b.js(
            "const a = document.activeElement; return a ? a.textContent.trim() : ''",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    };
    let focus_style = || async {
        b.js(
            "const s = getComputedStyle(document.activeElement); \
             return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, \
                     background: s.backgroundColor}",
            vec![],
        )
        .await
    };

    // Tab to the start button and press Enter.
    let mut tabs = 0;
    while active_text().await != "Sign up with an access code" {
        tabs += 1;
        assert!(tabs <= 10, "Tab never reached the start button");
        press(Key::Tab.to_string()).await;
    }
    let style = focus_style().await;
    assert_eq!(
        style["background"], FOCUS_YELLOW,
        "the focused start button shows no focus style: {style}"
    );
    press(Key::Enter.to_string()).await;
    b.wait_h1("Enter your access code").await;
    b.axe("the access code page").await;

    // Tab to the code box; type; Tab through Month, Day, Year; Enter.
    let mut tabs = 0;
    while b.active_id().await != "code" {
        tabs += 1;
        assert!(tabs <= 10, "Tab never reached the access code box");
        press(Key::Tab.to_string()).await;
    }
    let style = focus_style().await;
    assert!(
        style["outline"]
            .as_str()
            .unwrap_or_default()
            .starts_with("solid 3px")
            && style["outline"]
                .as_str()
                .unwrap_or_default()
                .ends_with(FOCUS_YELLOW),
        "the focused code box shows no focus outline: {style}"
    );
    press(code.clone()).await;
    for (id, text) in [
        ("dob-month", &dob.month),
        ("dob-day", &dob.day),
        ("dob-year", &dob.year),
    ] {
        press(Key::Tab.to_string()).await;
        assert_eq!(b.active_id().await, id, "Tab order: expected #{id} next");
        press(text.clone()).await;
    }
    press(Key::Enter.to_string()).await;
    b.wait_h1("Create your login").await;
    assert_eq!(b.value("email").await, MARIA_EMAIL);
    b.axe("the create-login page").await;
    b.close().await;
}

/// 6. Clicking twice quickly sends one request: one failed try, one account.
#[tokio::test]
async fn a_double_click_submits_once() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    // A slow connection, so the second click lands while the first is pending.
    b.slow_network(600).await;

    // Records each click on the form's button and what the button said then.
    let watch_clicks = "window.__clicks = []; \
        const button = document.querySelector('main form button[type=submit]'); \
        button.addEventListener('click', () => window.__clicks.push(button.textContent.trim())); \
        return true";
    let double_click = |label: &'static str| {
        let b = &b;
        async move {
            let xpath = format!("//button[normalize-space()='{label}']");
            let button = b.c.find(Locator::XPath(&xpath)).await.expect("button");
            let mouse = MouseActions::new("mouse".into())
                .then(PointerAction::MoveToElement {
                    element: button,
                    duration: None,
                    x: 0,
                    y: 0,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Down {
                    button: MOUSE_BUTTON_LEFT,
                })
                .then(PointerAction::Up {
                    button: MOUSE_BUTTON_LEFT,
                });
            b.c.perform_actions(mouse).await.expect("double click");
            b.c.release_actions().await.expect("release");
        }
    };
    let clicks = || async {
        let v = b.js("return window.__clicks", vec![]).await;
        serde_json::from_value::<Vec<String>>(v).unwrap()
    };
    // Waits long enough for a second request, if one was sent, to come back.
    let settle = || tokio::time::sleep(Duration::from_millis(1500));

    // On the code page, with a wrong date of birth (each try counts against the code).
    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    b.type_in("code", &code).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in(
        "dob-year",
        &(dob.year.parse::<i32>().unwrap() + 1).to_string(),
    )
    .await;
    b.js(watch_clicks, vec![]).await;
    double_click("Continue").await;
    assert_eq!(
        clicks().await,
        ["Continue", "Please wait…"],
        "the second click should land while the button says it is working"
    );
    b.wait_summary(NOT_ACCEPTED).await;
    settle().await;
    assert_eq!(
        b.api_calls("signup/code/verify").await,
        1,
        "requests sent for a double click"
    );
    let tries = count(
        &server,
        "SELECT failed_tries FROM access_codes WHERE id = \
         (SELECT MAX(id) FROM access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = $1))",
        ADULT_MRN,
    )
    .await;
    assert_eq!(tries, 1, "a double click counted as two wrong tries");
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "code.verify"
        )
        .await,
        1
    );
    b.axe("the access code page with a wrong date of birth")
        .await;

    // Through to "Check your answers", then double-click "Create account".
    b.retype("dob-year", &dob.year).await;
    b.click_button("Continue").await;
    b.wait_h1("Create your login").await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.js(watch_clicks, vec![]).await;
    double_click("Create account").await;
    assert_eq!(clicks().await, ["Create account", "Please wait…"]);
    b.wait_h1("Your account is ready").await;
    settle().await;
    b.wait_h1("Your account is ready").await; // and still there: no "already used" page
    assert_eq!(b.bundle().await, "account", "beside the sign-in page");
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM accounts WHERE username_key = $1",
            "maria.g"
        )
        .await,
        1
    );
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "signup.code"
        )
        .await,
        1,
        "one sign-up in the audit log"
    );
    assert_eq!(
        count(
            &server,
            "SELECT COUNT(*) FROM audit_log WHERE action = $1",
            "code.verify"
        )
        .await,
        1,
        "the second click made the server refuse the used code"
    );
    b.axe("the account-ready page").await;
    b.close().await;
}

/// 7. Nothing scrolls sideways at 320 px wide.
#[tokio::test]
async fn pages_fit_a_320_pixel_screen() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;

    b.c.set_window_size(320, 700).await.expect("resize");
    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        inner <= 320,
        "the window did not narrow to 320 px (innerWidth {inner})"
    );
    assert!(
        scroll <= inner,
        "the start page scrolls sideways at 320 px: scrollWidth {scroll} > {inner}"
    );
    b.axe("the start page at 320 px").await;

    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        scroll <= inner,
        "the access code page scrolls sideways at 320 px: {scroll} > {inner}"
    );
    b.axe("the access code page at 320 px").await;
    b.enter_code(&code, &dob).await;
    b.type_in("password", "a b").await; // the checklist shows counts
    let (scroll, inner) = b.horizontal_overflow().await;
    assert!(
        scroll <= inner,
        "the create-login page scrolls sideways at 320 px: {scroll} > {inner}"
    );
    b.axe("the create-login page at 320 px").await;
    b.close().await;
}
