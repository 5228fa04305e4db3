//! Browser end-to-end tests of the ways in without an access code: sign-up
//! by matching the record (and proving its email), the request the help desk
//! takes over when nothing matches and its status page, a new access code,
//! and the medical records request for people without an email address. A
//! person in headless Chromium types and clicks through the real server and
//! the built apps in `dist/` (three bundles, each a full page load); axe-core
//! (WCAG 2.2 A and AA) checks every page and error state visited. Emails are
//! read where a demo user reads them: `/dev/mailbox`, in a second tab.

use crate::common::*;
use crate::driver::*;
use serde_json::json;

const MARIA_EMAIL: &str = "maria.garcia@example.com";
const WRONG_EMAIL_CODE: &str = "The code is not right. Check the email and try again";
const STATUS_NOT_FOUND: &str = "We could not find a request with that reference number and date of birth. Check both and try again";

const LEGAL_NAME: &str = "What is your legal name?";
const DATE_OF_BIRTH: &str = "What is your date of birth?";
const LEGAL_SEX: &str = "What is your legal sex on your medical record?";
const ADDRESS: &str = "What is your home address?";
const PHONE: &str = "What is your mobile phone number?";
const EMAIL: &str = "What is your email address?";

/// The six question pages, their headings and (on "Check your answers")
/// the row each answer shows in.
const QUESTIONS: [(&str, &str, &str); 6] = [
    ("/signup/verify/name", LEGAL_NAME, "Legal name"),
    (
        "/signup/verify/date-of-birth",
        DATE_OF_BIRTH,
        "Date of birth",
    ),
    ("/signup/verify/legal-sex", LEGAL_SEX, "Legal sex"),
    ("/signup/verify/address", ADDRESS, "Home address"),
    ("/signup/verify/phone", PHONE, "Mobile phone"),
    ("/signup/verify/email", EMAIL, "Email address"),
];

/// A person's details as they would type them.
struct Person {
    first: String,
    middle: String,
    last: String,
    dob: Dob,
    /// The label of the legal sex radio button: "Female", "Male" or "X".
    sex: String,
    street: String,
    city: String,
    /// Two letters, and the name the State list shows.
    state: (String, String),
    zip: String,
    phone: String,
    email: String,
}

impl Person {
    /// A patient's details, from their record.
    async fn of(server: &TestServer, mrn: &str) -> Person {
        use sqlx::Row;
        let pool = server.db().await;
        let row = sqlx::query(
            "SELECT first_name, middle_name, last_name, legal_sex, street, city, state, zip, \
             mobile_phone, email FROM patients WHERE mrn = $1",
        )
        .bind(mrn)
        .fetch_one(&pool)
        .await
        .expect("the patient");
        pool.close().await;
        let text = |column: &str| row.get::<Option<String>, _>(column).unwrap_or_default();
        let sex = match text("legal_sex").as_str() {
            "F" => "Female",
            "M" => "Male",
            _ => "X",
        };
        Person {
            first: text("first_name"),
            middle: text("middle_name"),
            last: text("last_name"),
            dob: Dob::of(server, mrn).await,
            sex: sex.into(),
            street: text("street"),
            city: text("city"),
            state: state_named(&text("state")),
            zip: text("zip"),
            phone: text("mobile_phone"),
            email: text("email"),
        }
    }

    /// Somebody the records do not know.
    fn stranger() -> Person {
        Person {
            first: "Pat".into(),
            middle: String::new(),
            last: "Nobody".into(),
            dob: Dob {
                month: "7".into(),
                day: "4".into(),
                year: "1976".into(),
            },
            sex: "X".into(),
            street: "1 Elm St".into(),
            city: "Albany".into(),
            state: state_named("NY"),
            zip: "12207".into(),
            phone: "(555) 555-0177".into(),
            email: "pat.nobody@example.com".into(),
        }
    }

    fn full_name(&self) -> String {
        [&self.first, &self.middle, &self.last]
            .into_iter()
            .filter(|p| !p.is_empty())
            .cloned()
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// A state's code and the name a person picks from the list.
fn state_named(code: &str) -> (String, String) {
    let name = frontdesk::domain::person::US_STATES
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name)
        .unwrap_or_else(|| panic!("unknown state {code}"));
    (code.to_string(), name.to_string())
}

/// "March 27, 1984" from "MM DD YYYY".
fn written(mm_dd_yyyy: &str) -> String {
    let parts: Vec<u32> = mm_dd_yyyy.split(' ').map(|p| p.parse().unwrap()).collect();
    let date = frontdesk::domain::date::Date::new(parts[2] as i32, parts[0], parts[1]);
    date.expect("a real date").to_string()
}

/// A unix time (a column of the server's SQLite database) written out,
/// computed by SQLite rather than by the app.
async fn written_date(server: &TestServer, sql_unix_seconds: &str, reference: &str) -> String {
    let sql = format!(
        "SELECT strftime('%m %d %Y', ({sql_unix_seconds}), 'unixepoch') FROM signup_requests WHERE reference = $1"
    );
    let date: String = server.query_one(&sql, reference).await;
    written(&date)
}

/// A reference number as the service writes it: XXXX-XXXX in Crockford
/// base32 (no I, L, O or U).
fn is_reference(text: &str) -> bool {
    let symbol = |c: char| c.is_ascii_digit() || (c.is_ascii_uppercase() && !"ILOU".contains(c));
    text.len() == 9
        && text
            .char_indices()
            .all(|(i, c)| if i == 4 { c == '-' } else { symbol(c) })
}

/// Steps of the no-code flows.
impl Browser {
    /// Answers the question page on screen for `p` and continues.
    async fn answer_question(&self, heading: &str, p: &Person) {
        self.wait_h1(heading).await;
        self.axe(&format!("the question page {heading:?}")).await;
        if matches!(heading, DATE_OF_BIRTH | LEGAL_SEX) {
            // One question: it is the fieldset's legend and the only heading.
            let legend = self
                .js(
                    "return Array.from(document.querySelectorAll('h1')).map(h => h.closest('legend') ? 'legend: ' + h.textContent : h.textContent)",
                    vec![],
                )
                .await;
            assert_eq!(legend, json!([format!("legend: {heading}")]));
        }
        match heading {
            LEGAL_NAME => {
                self.type_in("first_name", &p.first).await;
                if !p.middle.is_empty() {
                    self.type_in("middle_name", &p.middle).await;
                }
                self.type_in("last_name", &p.last).await;
            }
            DATE_OF_BIRTH => {
                self.type_in("dob-month", &p.dob.month).await;
                self.type_in("dob-day", &p.dob.day).await;
                self.type_in("dob-year", &p.dob.year).await;
            }
            LEGAL_SEX => self.choose(&p.sex).await,
            ADDRESS => {
                self.type_in("street", &p.street).await;
                self.type_in("city", &p.city).await;
                self.select("state", &p.state.1).await;
                assert_eq!(self.value("state").await, p.state.0, "the State list");
                self.type_in("zip", &p.zip).await;
            }
            PHONE => self.type_in("mobile_phone", &p.phone).await,
            EMAIL => self.type_in("email", &p.email).await,
            other => panic!("no question {other:?}"),
        }
        self.click_button("Continue").await;
    }

    /// From the first question to "Check your answers", answering each page.
    async fn answer_all_questions(&self, p: &Person) {
        for (path, heading, _) in QUESTIONS {
            self.wait_h1(heading).await;
            assert_eq!(
                self.c.current_url().await.unwrap().path(),
                path,
                "the page asking {heading:?}"
            );
            self.answer_question(heading, p).await;
        }
        self.wait_h1("Check your answers").await;
        self.wait_path("/signup/verify/check").await;
    }

    /// The rows of a "Check your answers" page: (key, value, Change link's
    /// href or "", Change link's text or "").
    async fn summary_rows(&self) -> Vec<(String, String, String, String)> {
        let v = self
            .js(
                "return Array.from(document.querySelectorAll('.summary-list__row')).map(r => { \
                   const a = r.querySelector('.summary-list__actions a'); \
                   return [r.querySelector('dt').textContent.trim(), \
                           r.querySelector('.summary-list__value').textContent.trim(), \
                           a ? a.getAttribute('href') : '', \
                           a ? a.textContent.replace(/\\s+/g, ' ').trim() : '']; })",
                vec![],
            )
            .await;
        serde_json::from_value(v).unwrap()
    }

    /// After clicking a link to `path`: waits until the address is `path`
    /// and the page there is headed `expected` (or "Page not found"), and
    /// says where the browser landed: (h1, path, app).
    async fn landing(&self, path: &str, expected: &str) -> (String, String, String) {
        self.wait_js(
            &format!("{path} headed {expected:?} or \"Page not found\""),
            "const h = Array.from(document.querySelectorAll('h1')).map(h => h.textContent.trim()); \
             return location.pathname === arguments[0] && \
               (h.includes(arguments[1]) || h.includes('Page not found'))",
            vec![json!(path), json!(expected)],
        )
        .await;
        let h1 = self
            .js(
                "return document.querySelector('h1').textContent.trim()",
                vec![],
            )
            .await;
        (
            h1.as_str().unwrap_or_default().to_string(),
            self.c.current_url().await.unwrap().path().to_string(),
            self.bundle().await,
        )
    }

    async fn session_storage(&self) -> String {
        self.js(
            "return JSON.stringify(Object.assign({}, sessionStorage))",
            vec![],
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
    }
}

/// The six digits in a verification email.
fn six_digit_code(body: &str) -> String {
    let at = body
        .find("Your verification code is ")
        .unwrap_or_else(|| panic!("no code in the email: {body}"))
        + "Your verification code is ".len();
    let code: String = body[at..].chars().take(6).collect();
    assert!(
        code.chars().all(|c| c.is_ascii_digit()) && code.len() == 6,
        "not a 6-digit code: {code:?} in {body}"
    );
    code
}

// ---------------------------------------------------------------------------

/// 1. A person on the record signs up without an access code: six questions,
/// a change on "Check your answers", the code from their email (a wrong one
/// first), then their login in the sign-up app.
#[tokio::test]
async fn a_person_on_the_record_signs_up_without_an_access_code() {
    let (server, b) = start().await;
    let maria = Person::of(&server, ADULT_MRN).await;
    assert_eq!(
        (maria.full_name().as_str(), maria.email.as_str()),
        ("Maria Elena Garcia", MARIA_EMAIL)
    );
    // She first types her phone number wrong, and fixes it on "Check your answers".
    let wrong_phone = if maria.phone == "(555) 555-0199" {
        "(555) 555-0198"
    } else {
        "(555) 555-0199"
    };
    let typo = Person {
        phone: wrong_phone.into(),
        ..Person::of(&server, ADULT_MRN).await
    };

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    b.axe("the start page").await;
    b.click_link("Sign up without an access code").await;
    b.wait_h1("Sign up without an access code").await;
    b.wait_path("/signup/verify").await;
    assert_eq!(b.bundle().await, "verify", "a full load of the verify app");
    assert!(
        b.title()
            .await
            .starts_with("Sign up without an access code"),
        "title {:?}",
        b.title().await
    );
    b.axe("the no-code start page").await;

    b.click_link("Start now").await;
    b.answer_all_questions(&typo).await;
    b.axe("the check-your-answers page").await;
    let born = maria.dob.written();
    let address = format!(
        "{}, {}, {} {}",
        maria.street, maria.city, maria.state.1, maria.zip
    );
    let rows = b.summary_rows().await;
    let expected: Vec<(String, String, String, String)> = [
        (maria.full_name(), "legal name"),
        (born.clone(), "date of birth"),
        (maria.sex.clone(), "legal sex"),
        (address.clone(), "home address"),
        (wrong_phone.to_string(), "mobile phone number"),
        (MARIA_EMAIL.to_string(), "email address"),
    ]
    .into_iter()
    .zip(QUESTIONS)
    .map(|((value, what), (path, _, key))| {
        (
            key.to_string(),
            value,
            path.to_string(),
            format!("Change {what}"),
        )
    })
    .collect();
    assert_eq!(rows, expected, "each answer with its Change link");

    // Change the phone number: back on its page with the answer kept, then
    // straight back to "Check your answers".
    b.click_link("Change mobile phone number").await;
    b.wait_h1(PHONE).await;
    b.wait_path("/signup/verify/phone").await;
    assert_eq!(b.value("mobile_phone").await, wrong_phone);
    b.axe("the phone question, changing the answer").await;
    b.retype("mobile_phone", &maria.phone).await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.wait_path("/signup/verify/check").await;
    assert_eq!(
        b.answer("Mobile phone").await,
        maria.phone,
        "the changed answer"
    );
    assert_eq!(
        b.answer("Home address").await,
        address,
        "other answers kept"
    );
    b.axe("the check-your-answers page after a change").await;

    b.click_button("Continue").await;
    b.wait_h1("Check your email").await;
    b.wait_path("/signup/verify/code").await;
    let text = b.text("main").await;
    assert!(
        text.contains("We sent a 6-digit code to m•••@example.com"),
        "the page names the masked address: {text}"
    );
    assert!(
        !text.contains(MARIA_EMAIL),
        "the page shows the whole address: {text}"
    );
    b.axe("the check-your-email page").await;

    let mail = b
        .read_mailbox(MARIA_EMAIL, "Your patient portal verification code")
        .await;
    let code = six_digit_code(&mail.body);
    assert_eq!(
        server.last_email_to(MARIA_EMAIL).await.map(|m| m.1),
        Some(mail.body.clone()),
        "the mailbox shows the outbox's newest email to Maria"
    );
    b.wait_h1("Check your email").await;

    // A wrong code first.
    let wrong = if code == "000000" { "111111" } else { "000000" };
    b.type_in("code", wrong).await;
    b.click_button("Continue").await;
    b.expect_error("Check your email", "code", WRONG_EMAIL_CODE)
        .await;
    assert_eq!(b.value("code").await, wrong, "what was typed is kept");
    assert_eq!(
        b.summary_links().await,
        [(WRONG_EMAIL_CODE.to_string(), "code".to_string())]
    );
    b.axe("the check-your-email page with a wrong code").await;

    // The code from the email: on to "Create your login" in the sign-up app.
    b.retype("code", &code).await;
    b.click_button("Continue").await;
    b.wait_h1("Create your login").await;
    b.wait_path("/signup/code/login").await;
    assert_eq!(b.bundle().await, "main", "the sign-up app's own page");
    assert_eq!(
        b.value("email").await,
        MARIA_EMAIL,
        "email prefilled from the record"
    );
    assert!(b.text("main").await.contains("Hello Maria."));
    let back = b.el("a.back-link").await;
    assert_eq!(
        back.attr("href").await.unwrap().as_deref(),
        Some("/signup/verify/check"),
        "Back returns to the no-code flow"
    );
    b.axe("the create-login page after the no-code flow").await;

    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    b.wait_path("/signup/code/check").await;
    let keys: Vec<String> = b.summary_rows().await.into_iter().map(|r| r.0).collect();
    assert_eq!(
        keys,
        ["Date of birth", "Username", "Password", "Email address"],
        "no access code row: the code was made for her behind the scenes"
    );
    assert_eq!(b.answer("Date of birth").await, born);
    assert_eq!(b.answer("Username").await, "maria.g");
    assert_eq!(b.answer("Email address").await, MARIA_EMAIL);
    assert!(!b.text("main").await.contains("Access code"));
    b.axe("the login's check-your-answers page").await;

    b.click_button("Create account").await;
    b.wait_h1("Your account is ready").await;
    assert_eq!(b.text(".username").await, "maria.g");
    assert!(b.text("main").await.contains(MARIA_EMAIL));
    b.axe("the account-ready page").await;

    let mrn: String = server
        .query_one(
            "SELECT p.mrn FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(mrn, ADULT_MRN, "the account belongs to Maria's record");
    let email: String = server
        .query_one(
            "SELECT email FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(email, MARIA_EMAIL);
    assert!(
        !b.session_storage().await.contains(GOOD_PASSWORD),
        "the password is in session storage"
    );
    b.close().await;
}

/// 2. The question pages: errors on an empty page, answers kept across a
/// reload, and a missing State.
#[tokio::test]
async fn the_question_pages_explain_errors_and_keep_answers_across_a_reload() {
    let (server, b) = start().await;
    let maria = Person::of(&server, ADULT_MRN).await;

    b.goto("/signup/verify/name").await;
    b.wait_h1(LEGAL_NAME).await;
    b.axe("the name question").await;
    assert!(!b.title().await.starts_with("Error: "));
    assert!(
        b.el("main form")
            .await
            .attr("novalidate")
            .await
            .unwrap()
            .is_some(),
        "the form lets the browser validate"
    );

    b.click_button("Continue").await;
    let items = b.wait_summary("Enter your first name").await;
    assert_eq!(items, ["Enter your first name", "Enter your last name"]);
    assert_eq!(b.text("#error-summary h2").await, "There is a problem");
    b.wait_focus("error-summary").await;
    let title = b.title().await;
    assert!(
        title.starts_with(&format!("Error: {LEGAL_NAME}")),
        "title {title:?}"
    );
    assert_eq!(
        b.summary_links().await,
        [
            (
                "Enter your first name".to_string(),
                "first_name".to_string()
            ),
            ("Enter your last name".to_string(), "last_name".to_string()),
        ],
        "each error links to its field"
    );
    for (field, message) in [
        ("first_name", "Enter your first name"),
        ("last_name", "Enter your last name"),
    ] {
        assert!(
            b.inline_error(field)
                .await
                .unwrap_or_default()
                .contains(message),
            "inline error beside #{field}"
        );
        assert!(
            b.described_by(&format!("#{field}"))
                .await
                .contains(&format!("{field}-error")),
            "#{field} is not described by its error"
        );
    }
    assert_eq!(
        b.inline_error("middle_name").await,
        None,
        "the middle name is optional"
    );
    assert_eq!(
        b.c.current_url().await.unwrap().path(),
        "/signup/verify/name"
    );
    b.axe("the name question with nothing entered").await;

    b.click_link("Enter your last name").await;
    b.wait_focus("last_name").await;
    b.click_link("Enter your first name").await;
    b.wait_focus("first_name").await;

    // Typed, then reloaded: still there.
    b.type_in("first_name", &maria.first).await;
    b.type_in("middle_name", &maria.middle).await;
    b.type_in("last_name", &maria.last).await;
    b.c.refresh().await.expect("reload");
    b.wait_h1(LEGAL_NAME).await;
    assert_eq!(
        (
            b.value("first_name").await,
            b.value("middle_name").await,
            b.value("last_name").await
        ),
        (
            maria.first.clone(),
            maria.middle.clone(),
            maria.last.clone()
        ),
        "the name survives a reload"
    );
    b.axe("the name question after a reload").await;
    b.click_button("Continue").await;

    b.answer_question(DATE_OF_BIRTH, &maria).await;
    b.answer_question(LEGAL_SEX, &maria).await;

    // The address without a State: the list is named in the summary.
    b.wait_h1(ADDRESS).await;
    b.type_in("street", &maria.street).await;
    b.type_in("city", &maria.city).await;
    b.type_in("zip", &maria.zip).await;
    b.click_button("Continue").await;
    let items = b.wait_summary("Select your state").await;
    assert_eq!(items, ["Select your state"]);
    b.wait_focus("error-summary").await;
    assert_eq!(
        b.summary_links().await,
        [("Select your state".to_string(), "state".to_string())]
    );
    assert!(b.title().await.starts_with(&format!("Error: {ADDRESS}")));
    assert!(
        b.inline_error("state")
            .await
            .unwrap_or_default()
            .contains("Select your state")
    );
    b.axe("the address question without a state").await;
    b.click_link("Select your state").await;
    b.wait_focus("state").await;
    b.select("state", &maria.state.1).await;

    // A reload on the address page keeps every box and the State.
    b.c.refresh().await.expect("reload");
    b.wait_h1(ADDRESS).await;
    assert_eq!(
        (
            b.value("street").await,
            b.value("city").await,
            b.value("state").await,
            b.value("zip").await
        ),
        (
            maria.street.clone(),
            maria.city.clone(),
            maria.state.0.clone(),
            maria.zip.clone()
        ),
        "the address survives a reload"
    );
    b.axe("the address question after a reload").await;

    // Back (the page's link) to the legal sex question: the choice is kept.
    b.click_link("Back").await;
    b.wait_h1(LEGAL_SEX).await;
    let chosen = match maria.sex.as_str() {
        "Female" => "legal_sex",
        "Male" => "legal_sex-2",
        _ => "legal_sex-3",
    };
    assert!(b.checked(chosen).await, "the legal sex answer was lost");
    b.click_link("Back").await;
    b.wait_h1(DATE_OF_BIRTH).await;
    assert_eq!(
        (
            b.value("dob-month").await,
            b.value("dob-day").await,
            b.value("dob-year").await
        ),
        (
            maria.dob.month.clone(),
            maria.dob.day.clone(),
            maria.dob.year.clone()
        )
    );
    b.close().await;
}

/// 3. Nobody on the record matches: the help desk takes the request, with a
/// reference number the person can check.
#[tokio::test]
async fn a_person_not_on_the_record_gets_a_reference_to_check() {
    let (server, b) = start().await;
    let pat = Person::stranger();

    b.goto("/signup/verify").await;
    b.wait_h1("Sign up without an access code").await;
    b.axe("the no-code start page").await;
    b.click_link("Start now").await;
    b.answer_all_questions(&pat).await;
    b.axe("the check-your-answers page").await;
    b.click_button("Continue").await;

    b.wait_h1("Your request is being processed").await;
    b.wait_path("/signup/status/pending").await;
    let reference = b.text(".reference").await;
    assert!(is_reference(&reference), "reference {reference:?}");
    let promised = written_date(&server, "promised_by", &reference).await;
    let text = b.text("main").await;
    assert!(
        text.contains(&format!("Your reference number is {reference}")),
        "{text}"
    );
    assert!(
        text.contains(&format!("by {promised}.")),
        "the page gives the date ({promised}): {text}"
    );
    b.axe("the request-being-processed page").await;

    let mail = b
        .read_mailbox(&pat.email, "We are processing your patient portal request")
        .await;
    assert!(
        mail.body
            .contains(&format!("Your reference number is {reference}.")),
        "{}",
        mail.body
    );
    assert!(mail.body.contains(&promised), "{}", mail.body);

    // The email gives the address of the status page.
    assert!(mail.body.contains("/signup/status"), "{}", mail.body);
    b.goto("/signup/status").await;
    b.wait_h1("Check your request").await;
    assert_eq!(b.bundle().await, "help", "a full load of the help app");
    b.axe("the check-your-request page").await;

    // A wrong date of birth: the same words as an unknown reference.
    b.type_in("reference", &reference).await;
    b.type_in("dob-month", &pat.dob.month).await;
    b.type_in(
        "dob-day",
        &(pat.dob.day.parse::<u32>().unwrap() + 1).to_string(),
    )
    .await;
    b.type_in("dob-year", &pat.dob.year).await;
    b.click_button("Check request").await;
    let items = b.wait_summary(STATUS_NOT_FOUND).await;
    assert_eq!(items, [STATUS_NOT_FOUND]);
    b.wait_focus("error-summary").await;
    assert!(b.title().await.starts_with("Error: Check your request"));
    assert!(
        b.inline_error("reference")
            .await
            .unwrap_or_default()
            .contains(STATUS_NOT_FOUND)
    );
    assert_eq!(
        b.value("reference").await,
        reference,
        "the reference is kept"
    );
    b.axe("the check-your-request page with a wrong date of birth")
        .await;

    b.retype("dob-day", &pat.dob.day).await;
    b.click_button("Check request").await;
    b.wait_h1("Your request").await;
    assert_eq!(b.answer("Reference number").await, reference);
    assert_eq!(
        b.answer("Status").await,
        "Received: waiting for the help desk"
    );
    let received = written_date(&server, "created_at", &reference).await;
    assert_eq!(b.answer("Received").await, received);
    assert!(
        b.text("main").await.contains(&format!("by {promised}.")),
        "the status page repeats the promised date"
    );
    assert!(!b.title().await.starts_with("Error: "));
    b.axe("the request status page").await;

    // The pending page (still in this tab) links to the status page too.
    b.goto("/signup/status/pending").await;
    b.wait_h1("Your request is being processed").await;
    assert_eq!(b.text(".reference").await, reference);
    b.click_link("Check where your request stands").await;
    let landed = b.landing("/signup/status", "Check your request").await;
    assert_eq!(
        landed,
        (
            "Check your request".to_string(),
            "/signup/status".to_string(),
            "help".to_string()
        ),
        "the link \"Check where your request stands\" on /signup/status/pending"
    );
    b.close().await;
}

/// 4. A new access code: the same page whether or not the details match,
/// and the code goes only to the email on the record.
#[tokio::test]
async fn a_new_access_code_request_always_says_check_your_email() {
    let (server, b) = start().await;
    let maria = Person::of(&server, ADULT_MRN).await;
    let pat = Person::stranger();

    let ask = |p: &'static str, person: &Person| {
        let (b, first, last, dob, email) = (
            &b,
            person.first.clone(),
            person.last.clone(),
            (
                person.dob.month.clone(),
                person.dob.day.clone(),
                person.dob.year.clone(),
            ),
            person.email.clone(),
        );
        async move {
            b.goto("/signup/new-code").await;
            b.wait_h1("Get a new access code").await;
            assert_eq!(b.bundle().await, "help");
            b.axe(&format!("the new-code page ({p})")).await;
            // The form keeps what was typed last time: type each afresh.
            b.retype("first_name", &first).await;
            b.retype("last_name", &last).await;
            b.retype("dob-month", &dob.0).await;
            b.retype("dob-day", &dob.1).await;
            b.retype("dob-year", &dob.2).await;
            b.retype("contact", &email).await;
            b.click_button("Send a new code").await;
            b.wait_h1("Check your email").await;
            assert_eq!(
                b.c.current_url().await.unwrap().path(),
                "/signup/new-code/sent"
            );
            b.axe(&format!("the new-code sent page ({p})")).await;
            b.text("main").await
        }
    };

    let matched = ask("Maria", &maria).await;
    assert!(
        matched
            .contains("we have sent a new access code to the email address on your medical record"),
        "{matched}"
    );
    let mail = b
        .read_mailbox(MARIA_EMAIL, "Your new patient portal access code")
        .await;
    let at = mail
        .body
        .find("Your new access code is ")
        .unwrap_or_else(|| panic!("no code in {}", mail.body))
        + "Your new access code is ".len();
    let code: String = mail.body[at..].chars().take(17).collect();
    assert!(
        code.len() == 17 && code.chars().filter(|c| *c == '-').count() == 2,
        "an access code XXXXX-XXXXX-XXXXX: {code:?}"
    );
    let sent = server.count("SELECT COUNT(*) FROM outbox").await;
    assert_eq!(sent, 1);

    let unmatched = ask("nobody", &pat).await;
    assert_eq!(
        unmatched, matched,
        "the page gives away whether a record matched"
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM outbox").await,
        sent,
        "an email went out for details that match nobody"
    );
    assert!(server.last_email_to(&pat.email).await.is_none());
    b.close().await;
}

/// 5. Without an email address: from the email question to the records
/// request, its errors, and a request sent.
#[tokio::test]
async fn a_person_without_email_requests_their_records() {
    let (server, b) = start().await;
    let harold = Person {
        first: "Harold".into(),
        middle: String::new(),
        last: "Brooks".into(),
        dob: Dob {
            month: "3".into(),
            day: "9".into(),
            year: "1943".into(),
        },
        sex: "Male".into(),
        street: "12 Park Pl".into(),
        city: "Denver".into(),
        state: state_named("CO"),
        zip: "80202".into(),
        phone: "(555) 555-0123".into(),
        email: String::new(),
    };

    // The email question says what to do without one.
    b.goto("/signup/verify/email").await;
    b.wait_h1(EMAIL).await;
    let disclosure = b.el("main details").await;
    assert_eq!(
        disclosure.attr("open").await.unwrap(),
        None,
        "the disclosure starts closed"
    );
    let link = b.el("main details a[href='/records-request']").await;
    assert!(
        !link.is_displayed().await.expect("displayed"),
        "the link shows before the disclosure opens"
    );
    b.axe("the email question").await;
    b.el("main details summary")
        .await
        .click()
        .await
        .expect("open the disclosure");
    b.wait_js(
        "the disclosure to open",
        "return document.querySelector('main details').open",
        vec![],
    )
    .await;
    assert!(
        link.is_displayed().await.expect("displayed"),
        "the link to the records request is hidden after the disclosure opened"
    );
    assert_eq!(link.text().await.unwrap(), "request your medical records");
    assert!(
        b.text("main details")
            .await
            .contains("A portal account needs an email address")
    );
    b.axe("the email question with its disclosure open").await;
    b.click_link("request your medical records").await;

    b.wait_h1("Request your medical records").await;
    b.wait_path("/records-request").await;
    assert_eq!(
        b.bundle().await,
        "records-request",
        "a full load of the records-request app"
    );
    b.axe("the records request page").await;

    // Sent empty: every required field says what it needs.
    b.click_button("Send request").await;
    let expected = [
        ("Enter your first name", "first_name"),
        ("Enter your last name", "last_name"),
        ("Enter your date of birth", "dob-month"),
        ("Enter your street address", "street"),
        ("Enter your town or city", "city"),
        ("Select your state", "state"),
        ("Enter your ZIP code", "zip"),
        ("Enter your phone number", "phone"),
        ("Tell us which records you need", "records_wanted"),
        ("Select how you want to get your records", "delivery"),
        ("Type your full name to sign the request", "signature"),
    ];
    let items = b.wait_summary("Enter your first name").await;
    assert_eq!(
        items,
        expected
            .iter()
            .map(|(m, _)| m.to_string())
            .collect::<Vec<_>>()
    );
    b.wait_focus("error-summary").await;
    assert!(
        b.title()
            .await
            .starts_with("Error: Request your medical records"),
        "title {:?}",
        b.title().await
    );
    assert_eq!(
        b.summary_links().await,
        expected
            .iter()
            .map(|(m, id)| (m.to_string(), id.to_string()))
            .collect::<Vec<_>>(),
        "each error links to its field"
    );
    for (message, target) in expected {
        let field = target.trim_end_matches("-month");
        assert!(
            b.inline_error(field)
                .await
                .unwrap_or_default()
                .contains(message),
            "no inline error {message:?} beside {field}"
        );
        assert!(
            b.exists(&format!("#{target}")).await,
            "the summary links to #{target}, which is not on the page"
        );
    }
    assert_eq!(b.inline_error("middle_name").await, None);
    assert_eq!(b.inline_error("from").await, None, "dates are optional");
    b.axe("the records request page with nothing entered").await;
    b.click_link("Select how you want to get your records")
        .await;
    b.wait_focus("delivery").await;
    b.click_link("Enter your date of birth").await;
    b.wait_focus("dob-month").await;

    // Filled in.
    b.type_in("first_name", &harold.first).await;
    b.type_in("last_name", &harold.last).await;
    b.type_in("dob-month", &harold.dob.month).await;
    b.type_in("dob-day", &harold.dob.day).await;
    b.type_in("dob-year", &harold.dob.year).await;
    b.type_in("street", &harold.street).await;
    b.type_in("city", &harold.city).await;
    b.select("state", &harold.state.1).await;
    assert_eq!(b.value("state").await, "CO");
    b.type_in("zip", &harold.zip).await;
    b.type_in("phone", &harold.phone).await;
    b.type_in("records_wanted", "Lab results and discharge notes")
        .await;
    b.choose("By mail to my home address").await;
    assert!(b.checked("delivery").await, "the mail radio is not checked");
    b.type_in("signature", "Harold Brooks").await;
    b.click_button("Send request").await;

    b.wait_h1("We have your request").await;
    b.wait_path("/records-request/sent").await;
    let reference = b.text(".reference").await;
    assert!(is_reference(&reference), "reference {reference:?}");
    assert!(!b.title().await.starts_with("Error: "));
    b.axe("the records request confirmation").await;
    // A reload keeps the reference; the page can be printed.
    b.c.refresh().await.expect("reload");
    b.wait_h1("We have your request").await;
    assert_eq!(
        b.text(".reference").await,
        reference,
        "the reference survives a reload"
    );
    assert!(b.exists(".no-print button").await, "a print button");
    // Printed: the page's words and the reference, none of the site around them.
    b.print_media(true).await;
    let printed = b
        .js(
            "const shown = e => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0; \
             return { reference: shown(document.querySelector('.reference')), header: shown(document.querySelector('.header')), \
                      footer: shown(document.querySelector('.footer')), \
                      buttons: Array.from(document.querySelectorAll('button')).filter(shown).map(e => e.textContent) }",
            vec![],
        )
        .await;
    assert_eq!(
        printed,
        json!({ "reference": true, "header": false, "footer": false, "buttons": [] })
    );
    b.print_media(false).await;
    assert_eq!(b.printed_pages().await.len(), 1, "one page");
    // The status page takes the reference, with the date of birth.
    b.click_link("check where your request stands").await;
    b.wait_h1("Check your request").await;
    b.type_in("reference", &reference).await;
    b.type_in("dob-month", &harold.dob.month).await;
    b.type_in("dob-day", &harold.dob.day).await;
    b.type_in("dob-year", &harold.dob.year).await;
    b.click_button("Check request").await;
    b.wait_h1("Your request").await;
    assert_eq!(
        b.answer("Status").await,
        "Received: waiting for the medical records team"
    );
    b.axe("the status of a records request").await;

    let stored: String = server
        .query_one(
            "SELECT first_name || '|' || last_name || '|' || date_of_birth || '|' || street || '|' || \
             city || '|' || state || '|' || zip || '|' || phone || '|' || records_wanted || '|' || \
             delivery || '|' || signature || '|' || status FROM records_requests WHERE reference = $1",
            &reference,
        )
        .await;
    assert_eq!(
        stored,
        "Harold|Brooks|1943-03-09|12 Park Pl|Denver|CO|80202|(555) 555-0123|\
         Lab results and discharge notes|mail|Harold Brooks|received"
    );
    assert_eq!(
        server.count("SELECT COUNT(*) FROM records_requests").await,
        1,
        "one request stored"
    );
    b.close().await;
}

/// 6. Links from the no-code and help pages to another app (a full page
/// load each) lead to their pages, not to "Page not found".
#[tokio::test]
async fn links_to_the_other_apps_open_their_pages() {
    let (_server, b) = start().await;
    // (page, its heading, link, where it leads, that page's heading, its app)
    let links = [
        // The header's link, which does load the other app.
        (
            "/signup/verify/name",
            LEGAL_NAME,
            "Patient Portal",
            "/",
            "Get your new patient portal account",
            "main",
        ),
        (
            "/signup/verify",
            "Sign up without an access code",
            "Back",
            "/",
            "Get your new patient portal account",
            "main",
        ),
        (
            "/signup/verify",
            "Sign up without an access code",
            "Get a new access code",
            "/signup/new-code",
            "Get a new access code",
            "help",
        ),
        (
            "/signup/verify",
            "Sign up without an access code",
            "Check a request you already made",
            "/signup/status",
            "Check your request",
            "help",
        ),
        (
            "/signup/status",
            "Check your request",
            "Back",
            "/signup/verify",
            "Sign up without an access code",
            "verify",
        ),
        (
            "/signup/new-code",
            "Get a new access code",
            "Back",
            "/signup/verify",
            "Sign up without an access code",
            "verify",
        ),
        (
            "/records-request",
            "Request your medical records",
            "Back",
            "/",
            "Get your new patient portal account",
            "main",
        ),
        // From the start page into the access-code sign-up (one app), and the teen page.
        (
            "/",
            "Get your new patient portal account",
            "Sign up with an access code",
            "/signup/code",
            "Enter your access code",
            "main",
        ),
        (
            "/teen",
            "Create your own account if you are 14 to 17",
            "Sign up with an access code",
            "/signup/code",
            "Enter your access code",
            "main",
        ),
        // An unknown address in each app: its "Page not found" leads to the start page.
        (
            "/signup/verify/no-such-page",
            "Page not found",
            "Go to the start page",
            "/",
            "Get your new patient portal account",
            "main",
        ),
        (
            "/signup/status/no-such-page",
            "Page not found",
            "Go to the start page",
            "/",
            "Get your new patient portal account",
            "main",
        ),
    ];
    let mut broken = Vec::new();
    for (from, heading, link, to, expected, app) in links {
        b.goto(from).await;
        b.wait_h1(heading).await;
        if heading == "Page not found" {
            b.axe(&format!("the page-not-found page at {from}")).await;
        }
        let href = b
            .js(
                "const a = Array.from(document.querySelectorAll('a')) \
                 .find(a => a.textContent.trim() === arguments[0]); \
                 return a ? a.getAttribute('href') : null",
                vec![json!(link)],
            )
            .await;
        assert_eq!(href.as_str(), Some(to), "the link {link:?} on {from}");
        b.click_link(link).await;
        let landed = b.landing(to, expected).await;
        let want = (expected.to_string(), to.to_string(), app.to_string());
        if landed == want {
            b.axe(&format!("{to}, reached from {from}")).await;
        } else {
            broken.push(format!(
                "{from}: the link {link:?} (href {to:?}) shows {:?} at {} in the {} app; \
                 expected {expected:?} in the {app} app",
                landed.0, landed.1, landed.2
            ));
        }
    }
    assert!(
        broken.is_empty(),
        "links to another app that do not load it:\n  {}",
        broken.join("\n  ")
    );
    b.close().await;
}

/// 7. A child learns right after the date of birth that a parent or
/// guardian asks for access: no more questions, no promise of a code.
#[tokio::test]
async fn a_child_learns_after_the_date_of_birth_that_a_parent_asks() {
    let (server, b) = start().await;
    let lily = Person::of(&server, CHILD_MRN).await;
    b.goto("/signup/verify/name").await;
    b.answer_question(LEGAL_NAME, &lily).await;
    b.answer_question(DATE_OF_BIRTH, &lily).await;
    b.wait_h1("A parent or guardian can get access for you")
        .await;
    b.wait_path("/teen/too-young").await;
    assert_eq!(b.bundle().await, "help", "with the other pages for teens");
    assert!(
        b.text("main")
            .await
            .contains("ask for access to your record"),
        "{}",
        b.text("main").await
    );
    b.axe("the too-young page").await;
    // The server recorded that a child was told (once).
    let mut audited = 0;
    for _ in 0..50 {
        audited = server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'signup.too-young'")
            .await;
        if audited > 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(audited, 1);
    // "Change it" returns to the date of birth, which kept its answer.
    b.click_link("change it").await;
    b.wait_h1(DATE_OF_BIRTH).await;
    assert_eq!(b.value("dob-year").await, lily.dob.year);
    b.close().await;
}

/// 8. The new-code form keeps its answers across a reload and after a
/// result (Back returns to it); a record without email is told the truth:
/// the help desk mails a code, with the reference.
#[tokio::test]
async fn a_new_code_form_keeps_its_answers_and_says_what_really_happens() {
    let (server, b) = start().await;
    let harold = Person::of(&server, "100006").await;
    b.goto("/signup/new-code").await;
    b.wait_h1("Get a new access code").await;
    b.type_in("first_name", &harold.first).await;
    b.type_in("last_name", &harold.last).await;
    b.type_in("dob-month", &harold.dob.month).await;
    b.type_in("dob-day", &harold.dob.day).await;
    b.type_in("dob-year", &harold.dob.year).await;
    b.type_in("contact", &harold.phone).await;
    b.c.refresh().await.expect("reload");
    b.wait_h1("Get a new access code").await;
    assert_eq!(
        b.value("first_name").await,
        harold.first,
        "kept across a reload"
    );
    assert_eq!(b.value("contact").await, harold.phone);
    b.click_button("Send a new code").await;
    b.wait_h1("We will mail you a code").await;
    b.wait_path("/signup/new-code/sent").await;
    let reference = b.text(".reference").await;
    assert!(is_reference(&reference), "reference {reference:?}");
    let text = b.text("main").await;
    assert!(
        text.contains("Your medical record has no email address"),
        "{text}"
    );
    assert!(!text.contains("Check your email"), "{text}");
    b.axe("the new-code page for a record without email").await;
    b.c.back().await.expect("back");
    b.wait_h1("Get a new access code").await;
    assert_eq!(
        b.value("last_name").await,
        harold.last,
        "Back returns to the form"
    );
    b.close().await;
}

/// 9. Radios and checkboxes show where focus is: a thick dark ring.
#[tokio::test]
async fn focus_on_a_radio_shows_a_dark_ring() {
    let (_server, b) = start().await;
    b.goto("/signup/verify/legal-sex").await;
    b.wait_h1(LEGAL_SEX).await;
    let ring = b
        .js(
            "const r = document.querySelector('input[type=radio]'); r.focus(); \
             const s = getComputedStyle(r); \
             return [s.outlineStyle, s.outlineWidth, s.outlineColor]",
            vec![],
        )
        .await;
    assert_eq!(ring, json!(["solid", "4px", "rgb(11, 12, 12)"]));
    b.close().await;
}
