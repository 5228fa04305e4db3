//! Browser end-to-end tests of the help desk console: an agent sets up
//! their account, finds a patient, reads a code out on screen, and the
//! patient (in a second browser) signs up with it; an agent works an
//! unverified sign-up through to a code by email, which the person uses;
//! the other console pages; an administrator disables, enables and resets
//! a staff member. axe-core (WCAG 2.2 A and AA) checks every
//! console page and error state visited.

use crate::common::*;
use crate::driver::*;
use serde_json::json;

const MARIA_EMAIL: &str = "maria.garcia@example.com";
const ROBERT: &str = "Robert Johnson";

impl Browser {
    /// Waits for a button whose words start with `label` (its hidden words
    /// name what it acts on), then clicks it.
    async fn click_button_starting(&self, label: &str) {
        self.wait_js(
            &format!("a button {label:?}"),
            "return Array.from(document.querySelectorAll('button')).some(b => b.textContent.trim().startsWith(arguments[0]))",
            vec![json!(label)],
        )
        .await;
        self.js(
            "Array.from(document.querySelectorAll('button')).find(b => b.textContent.trim().startsWith(arguments[0])).click()",
            vec![json!(label)],
        )
        .await;
    }

    /// Waits for the search results, then opens `name`.
    async fn open_result(&self, name: &str) {
        self.wait_js(
            &format!("a result {name:?}"),
            "return Array.from(document.querySelectorAll('main td a')).some(a => a.textContent.trim() === arguments[0])",
            vec![json!(name)],
        )
        .await;
        self.click_link(name).await;
        self.wait_h1(name).await;
    }

    /// Sets up a new staff member's account on `/staff/setup` (which signs
    /// them in), checking the page and its error state with axe.
    async fn set_up_staff(&self, server: &TestServer, username: &str, role: &str) {
        let code = server.add_staff(username, role);
        self.goto("/staff/signin").await;
        self.wait_h1("Sign in to the help desk console").await;
        assert_eq!(self.bundle().await, "staff");
        self.axe("the staff sign-in page").await;
        self.click_link("Set up your account with your setup code")
            .await;
        self.wait_h1("Set up your console account").await;
        self.axe("the staff setup page").await;
        self.type_in("username", username).await;
        self.type_in("code", "AAAA-AAAA-AAAA").await;
        self.type_in("password", STAFF_PASSWORD).await;
        self.click_button("Set up and sign in").await;
        self.wait_summary("setup code is not right").await;
        self.axe("the staff setup page with a wrong code").await;
        self.retype("code", &code).await;
        if self.value("password").await.is_empty() {
            self.type_in("password", STAFF_PASSWORD).await;
        }
        self.click_button("Set up and sign in").await;
        self.wait_h1("Find a patient").await;
        self.wait_path("/staff").await;
    }

    /// A patient signs up with an access code, in this browser.
    async fn sign_up_with(&self, code: &str, dob: &Dob, username: &str) {
        self.goto("/signup/code").await;
        self.wait_h1("Enter your access code").await;
        self.enter_code(code, dob).await;
        self.type_in("username", username).await;
        self.type_in("password", GOOD_PASSWORD).await;
        self.click_button("Continue").await;
        self.wait_h1("Check your answers").await;
        self.click_button("Create account").await;
        self.wait_h1("Your account is ready").await;
    }
}

#[tokio::test]
async fn an_agent_reads_out_a_code_and_the_patient_signs_up_with_it() {
    let (server, agent) = start().await;
    agent.set_up_staff(&server, "dana.help", "agent").await;
    agent.axe("the find-a-patient page").await;

    // Nothing typed: the page says what to enter.
    agent.click_button("Search").await;
    agent
        .expect_error(
            "Find a patient",
            "last_name",
            "Enter a last name and date of birth, or an MRN",
        )
        .await;
    agent.axe("the find-a-patient page with errors").await;

    let dob = Dob::of(&server, ADULT_MRN).await;
    agent.type_in("last_name", "garcia").await;
    agent.type_in("dob-month", &dob.month).await;
    agent.type_in("dob-day", &dob.day).await;
    agent.type_in("dob-year", &dob.year).await;
    agent.click_button("Search").await;
    agent.open_result("Maria Elena Garcia").await;
    assert_eq!(agent.answer("MRN").await, ADULT_MRN);
    agent.axe("the patient page").await;

    agent.click_button("Show a code to read out").await;
    let code = agent
        .wait_js(
            "the code shown once",
            "const c = document.getElementById('issued-code'); return c ? c.textContent.trim() : null",
            vec![],
        )
        .await
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(code.len(), 17, "{code}");
    agent.axe("the patient page showing a code").await;
    assert!(
        agent
            .text("main")
            .await
            .contains("Replaced by a newer code")
    );

    // The patient, in their own browser, signs up with it.
    let patient = Browser::launch(&server.url).await;
    patient.sign_up_with(&code, &dob, "maria.g").await;
    patient.close().await;

    // The agent sees the account now.
    agent.c.refresh().await.expect("reload");
    agent.wait_h1("Maria Elena Garcia").await;
    assert_eq!(agent.answer("Username").await, "maria.g");
    assert!(
        !agent.exists("#issued-code").await,
        "a code is shown only once"
    );
    agent.axe("the patient page with an account").await;

    // A letter for another patient: the print page.
    agent.click_link("Find a patient").await;
    agent.wait_h1("Find a patient").await;
    agent.type_in("mrn", OLDER_ADULT_MRN).await;
    agent.click_button("Search").await;
    agent.open_result(ROBERT).await;
    agent.click_button("Print a letter").await;
    agent.wait_h1("Print the letter").await;
    let letter = agent.text(".letter").await;
    let street: String = server
        .query_one(
            "SELECT street FROM patients WHERE mrn = $1",
            OLDER_ADULT_MRN,
        )
        .await;
    assert!(letter.contains(&street), "{letter}");
    assert!(letter.contains("/signup/code"), "{letter}");
    agent.axe("the letter page").await;

    // Printed: one US Letter page (8.5 × 11 in), nothing of the console on
    // it, the address where a #10 window envelope shows it (2 in down, 1 in
    // in, folded in three).
    assert_eq!(agent.printed_pages().await, vec![(612.0, 792.0)]);
    agent.print_media(true).await;
    let laid_out = agent
        .js(
            "const shown = e => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0; \
             const a = document.querySelector('.letter__address').getBoundingClientRect(); \
             const l = document.querySelector('.letter').getBoundingClientRect(); \
             return { heading: shown(Array.from(document.querySelectorAll('h1')).find(h => h.textContent === 'Print the letter')), \
                      header: shown(document.querySelector('.header')), nav: shown(document.querySelector('.console-nav')), \
                      buttons: Array.from(document.querySelectorAll('button, a')).filter(shown).map(e => e.textContent), \
                      top_mm: (a.top - l.top) * 25.4 / 96, left_mm: (a.left - l.left) * 25.4 / 96, width_mm: a.width * 25.4 / 96 }",
            vec![],
        )
        .await;
    assert_eq!(laid_out["heading"], json!(false), "{laid_out}");
    assert_eq!(laid_out["header"], json!(false), "{laid_out}");
    assert_eq!(laid_out["nav"], json!(false), "{laid_out}");
    assert_eq!(laid_out["buttons"], json!([]), "{laid_out}");
    let mm = |key: &str| laid_out[key].as_f64().unwrap_or(f64::NAN);
    assert!((mm("top_mm") - 50.0).abs() < 1.0, "{laid_out}");
    assert!((mm("left_mm") - 25.0).abs() < 1.0, "{laid_out}");
    assert!(mm("width_mm") <= 96.0, "{laid_out}");
    agent.print_media(false).await;
    agent.close().await;
}

#[tokio::test]
async fn an_agent_works_an_unverified_signup_to_a_code_by_email() {
    let (server, agent) = start().await;
    let reference = server.unverified_signup("m.garza@example.com").await;
    agent.set_up_staff(&server, "dana.help", "agent").await;

    agent.click_link("Unverified sign-ups").await;
    agent.wait_h1("Unverified sign-ups").await;
    agent.axe("the unverified sign-ups queue").await;
    agent.click_link("Maria Garza").await;
    agent.wait_h1(&format!("Sign-up request {reference}")).await;
    assert!(agent.exists("td.differs").await, "differences stand out");
    // Maria Garcia shares the birthday and first name, nothing else: the
    // grade says so, and why it is not certain.
    let heading = agent.text("thead th .grade").await;
    assert_eq!(heading, "possible match");
    assert!(
        agent
            .text("thead th .grade-why")
            .await
            .contains("the last name differs")
    );
    agent.axe("the review page").await;

    // A rejection needs a reason.
    agent.click_button("Reject and email the reason").await;
    agent
        .expect_error(
            &format!("Sign-up request {reference}"),
            "reason",
            "Enter the reason, as the person will read it",
        )
        .await;
    agent.axe("the review page with errors").await;

    agent
        .click_button(&format!("Link to MRN {ADULT_MRN} and email a code"))
        .await;
    agent.wait_h1("Unverified sign-ups").await;
    assert!(agent.text("main").await.contains("The queue is empty."));

    // The code reached the record's email; the person signs up with it.
    let mail = agent
        .read_mailbox(MARIA_EMAIL, "Your new patient portal access code")
        .await;
    let code = mail
        .body
        .split("Your new access code is ")
        .nth(1)
        .and_then(|rest| rest.split('.').next())
        .expect("a code in the email")
        .to_string();
    let person = Browser::launch(&server.url).await;
    person
        .sign_up_with(&code, &Dob::of(&server, ADULT_MRN).await, "maria.g")
        .await;
    person.close().await;
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM signup_requests WHERE status = 'code_sent_email'")
            .await,
        1
    );
    agent.close().await;
}

#[tokio::test]
async fn records_requests_and_the_audit_log() {
    let (server, agent) = start().await;
    let harold = Dob::of(&server, "100006").await;
    let on_record = |column: &'static str| {
        let server = &server;
        async move {
            server
                .query_one::<String>(
                    &format!("SELECT {column} FROM patients WHERE mrn = $1"),
                    "100006",
                )
                .await
        }
    };
    let request = json!({
        "first_name": "Harold", "middle_name": "", "last_name": "Brooks",
        "dob": { "month": harold.month, "day": harold.day, "year": harold.year },
        "street": on_record("street").await, "city": on_record("city").await,
        "state": on_record("state").await, "zip": on_record("zip").await, "phone": "555 555 0123",
        "records_wanted": "Lab results", "delivery": "mail", "signature": "Harold Brooks",
    });
    server
        .call("records-request", json!({ "request": request }))
        .await;
    agent.set_up_staff(&server, "sam.admin", "admin").await;

    agent.click_link("Records requests").await;
    agent.wait_h1("Medical records requests").await;
    agent.axe("the records requests page").await;
    // The request beside the closest records: Harold's own, a certain match.
    agent
        .js(
            "document.querySelector('main details summary').click()",
            vec![],
        )
        .await;
    let comparison = agent.text("main details table").await;
    assert!(comparison.contains("MRN 100006"), "{comparison}");
    assert!(comparison.contains("certain match"), "{comparison}");
    agent
        .axe("a records request beside the closest records")
        .await;
    agent.click_button_starting("Mark in progress").await;
    agent
        .wait_js(
            "the request in progress",
            "return document.querySelector('main .tag').textContent.trim() === 'Being prepared'",
            vec![],
        )
        .await;
    agent.click_button_starting("Mark completed").await;
    agent
        .wait_js(
            "the request completed",
            "return document.querySelector('main .tag').textContent.trim() === 'Sent'",
            vec![],
        )
        .await;

    agent.click_link("Audit log").await;
    agent.wait_h1("Audit log").await;
    let chain = agent
        .wait_js(
            "the chain status",
            "const c = document.getElementById('chain-status'); return c ? c.textContent : null",
            vec![],
        )
        .await;
    assert!(chain.as_str().unwrap().contains("verifies"), "{chain}");
    agent.axe("the audit log").await;
    agent.type_in("action", "records").await;
    agent.click_button("Show entries").await;
    agent
        .wait_js(
            "the three records entries (received, in progress, completed)",
            "const rows = document.querySelectorAll('main tbody tr'); \
             return rows.length === 3 && Array.from(rows).every(r => r.cells[3].textContent === 'records.request')",
            vec![],
        )
        .await;
    let range = agent.text("#audit-range").await;
    assert!(
        range.starts_with("Entries 1–3 of 3."),
        "which entries the page shows: {range}"
    );
    let csv = agent
        .js(
            "return decodeURIComponent(document.querySelector('a[download]').getAttribute('href').split(',')[1])",
            vec![],
        )
        .await;
    let csv = csv.as_str().unwrap();
    assert!(csv.starts_with("\"Time (UTC)\",\"Actor\""), "{csv}");
    assert_eq!(
        csv.lines().count(),
        4,
        "a header and the three rows shown: {csv}"
    );
    agent.click_button("Actor").await;
    agent
        .wait_js(
            "sorted by actor",
            "return document.querySelector('th[aria-sort=ascending]')?.textContent === 'Actor'",
            vec![],
        )
        .await;
    agent.axe("the audit log, filtered and sorted").await;
    agent.close().await;
}

#[tokio::test]
async fn clinic_staff_see_only_what_their_role_allows() {
    let (server, clinic) = start().await;
    clinic.set_up_staff(&server, "lee.clinic", "clinic").await;
    let nav = clinic.text("nav").await;
    assert!(nav.contains("Find a patient"), "{nav}");
    for hidden in [
        "Unverified sign-ups",
        "Records requests",
        "Audit log",
        "Staff accounts",
    ] {
        assert!(!nav.contains(hidden), "{hidden} in {nav}");
    }
    clinic.goto("/staff/audit").await;
    clinic.wait_h1("This page is not for your role").await;
    clinic.axe("a page not for the role").await;
    clinic.goto("/staff/members").await;
    clinic.wait_h1("This page is not for your role").await;
    clinic.goto("/staff/letter").await;
    clinic.wait_h1("No letter to print").await;
    clinic.axe("the letter page without a letter").await;
    clinic.goto("/staff/patients/999999").await;
    clinic.wait_h1("Patient not found").await;
    clinic.axe("an unknown patient").await;

    clinic.click_button("Sign out").await;
    clinic.wait_h1("Sign in to the help desk console").await;
    assert!(clinic.text("main").await.contains("You have signed out."));
    // Signed out, the console's pages lead to sign-in.
    clinic.goto("/staff").await;
    clinic.wait_h1("Sign in to the help desk console").await;
    clinic.type_in("username", "lee.clinic").await;
    clinic.type_in("password", "not the password at all").await;
    clinic.click_button("Sign in").await;
    clinic
        .expect_error(
            "Sign in to the help desk console",
            "username",
            frontdesk::api::signin::signin_failed(),
        )
        .await;
    clinic
        .axe("the staff sign-in page after a wrong password")
        .await;
    clinic.type_in("password", STAFF_PASSWORD).await;
    clinic.click_button("Sign in").await;
    clinic.wait_h1("Find a patient").await;
    clinic.close().await;
}

#[tokio::test]
async fn an_agent_approves_a_proxy_request() {
    let (server, agent) = start().await;
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let creds = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", creds, None).await;
    let maria = cookie_pair(&cookie.expect("a session"));
    // Maria asks, through the wizard, for access to Harold's record.
    let harold = Dob::of(&server, "100006").await;
    let patient = Browser::launch(&server.url).await;
    patient.sign_in_as("maria.g").await;
    patient.goto("/proxy").await;
    patient
        .wait_h1("Ask for access to someone else's record")
        .await;
    patient.click_link("Start").await;
    patient.wait_h1("Whose record do you want to see?").await;
    patient.type_in("first_name", "Harold").await;
    patient.type_in("last_name", "Brooks").await;
    patient.type_in("dob-month", &harold.month).await;
    patient.type_in("dob-day", &harold.day).await;
    patient.type_in("dob-year", &harold.year).await;
    patient.click_button("Continue").await;
    patient.wait_h1("How are you related to them?").await;
    patient.choose("Health care power of attorney").await;
    patient.click_button("Continue").await;
    patient.wait_h1("Tell us more").await;
    patient.click_button("Continue").await;
    patient
        .expect_error(
            "Tell us more",
            "document_reference",
            "Enter the court order or document reference",
        )
        .await;
    patient.axe("the details page with errors").await;
    // Not a power of attorney after all: a caregiver needs no document.
    patient.click_link("Back").await;
    patient.wait_h1("How are you related to them?").await;
    patient.choose("Adult child or caregiver").await;
    patient.click_button("Continue").await;
    patient.wait_h1("Tell us more").await;
    patient
        .type_in("details", "I drive him to his appointments.")
        .await;
    patient.click_button("Continue").await;
    patient.wait_h1("Check your answers").await;
    patient.click_button("Send request").await;
    patient.wait_h1("Your request is being reviewed").await;
    patient.axe("a proxy request under review").await;
    patient.close().await;

    agent.set_up_staff(&server, "dana.help", "agent").await;
    agent.click_link("Proxy requests").await;
    agent.wait_h1("Proxy access requests").await;
    agent.axe("the proxy requests queue").await;
    agent
        .wait_js(
            "the request listed",
            "return !!Array.from(document.querySelectorAll('main td a')).find(a => a.textContent.includes('Harold Brooks'))",
            vec![],
        )
        .await;
    agent.click_link("Maria Garcia for Harold Brooks").await;
    agent.wait_h1("Maria Garcia for Harold Brooks").await;
    agent.axe("a proxy request").await;
    // The record the request matched, the person's age, and why it waits.
    let record = agent.answer("Record").await;
    assert!(record.starts_with("MRN 100006, age "), "{record}");
    let age: u32 = record["MRN 100006, age ".len()..].parse().expect("an age");
    assert!(age >= 18, "Harold is an adult: {record}");
    let rule: String = server
        .query_one(
            "SELECT rule FROM proxy_requests WHERE first_name = $1",
            "Harold",
        )
        .await;
    let why = agent.answer("Why it needs review").await;
    assert!(!rule.is_empty());
    assert_eq!(why.to_lowercase(), rule.to_lowercase(), "{why}");
    agent
        .select("scope", "Full: also contact details and who has access")
        .await;
    // The end of the state's renewal period is suggested; later is refused.
    let suggested = agent.value("until").await;
    assert_eq!(suggested.len(), 10, "a date: {suggested:?}");
    // A date input takes its value the way a date picker sets it.
    let set_until = "const e = document.getElementById('until'); e.value = arguments[0]; \
                     e.dispatchEvent(new Event('input', { bubbles: true }))";
    agent.js(set_until, vec![json!("2099-01-31")]).await;
    agent.click_button("Approve").await;
    agent.wait_summary("choose an end date on or before").await;
    agent.axe("a proxy request with errors").await;
    agent.js(set_until, vec![json!(suggested)]).await;
    agent.click_button("Approve").await;
    agent.wait_h1("Proxy access requests").await;
    assert!(agent.text("main").await.contains("was approved"));
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), Some(&maria))
        .await;
    assert_eq!(home["records"][1]["name"], "Harold Brooks", "{home}");
    agent.close().await;
}

impl Browser {
    /// Waits until `username`'s row on the staff accounts page shows `status`.
    async fn wait_staff_status(&self, username: &str, status: &str) {
        self.wait_js(
            &format!("{username} {status}"),
            "return Array.from(document.querySelectorAll('main tbody tr')).some(r => \
                 r.cells[0].textContent === arguments[0] && r.cells[2].textContent === arguments[1])",
            vec![json!(username), json!(status)],
        )
        .await;
    }
}

#[tokio::test]
async fn an_administrator_manages_staff_accounts() {
    let (server, admin) = start().await;
    server.staff_session("dana.help", "agent").await;
    admin.set_up_staff(&server, "sam.admin", "admin").await;
    admin.click_link("Staff accounts").await;
    admin.wait_h1("Staff accounts").await;
    admin.wait_staff_status("dana.help", "Active").await;
    admin.axe("the staff accounts page").await;
    // Their own row offers nothing that would sign them out.
    let own = admin
        .js(
            "return Array.from(document.querySelectorAll('main tbody tr')) \
                 .find(r => r.cells[0].textContent.startsWith('sam.admin')).querySelectorAll('button').length",
            vec![],
        )
        .await;
    assert_eq!(own, json!(0));

    // Disabling asks first.
    admin.click_button_starting("Disable dana.help").await;
    admin.wait_focus("confirm-heading").await;
    assert_eq!(admin.text("#confirm-heading").await, "Disable dana.help?");
    admin.axe("the disable confirmation").await;
    admin.click_button_starting("Yes, disable dana.help").await;
    admin.wait_staff_status("dana.help", "Disabled").await;
    assert!(
        admin
            .text("main")
            .await
            .contains("dana.help is disabled and signed out.")
    );
    let credentials =
        json!({ "credentials": { "username": "dana.help", "password": STAFF_PASSWORD } });
    let (status, _) = server.call("staff/signin", credentials.clone()).await;
    assert_eq!(status, reqwest::StatusCode::UNPROCESSABLE_ENTITY);
    admin.click_button_starting("Enable dana.help").await;
    admin.wait_staff_status("dana.help", "Active").await;
    let (status, _) = server.call("staff/signin", credentials).await;
    assert_eq!(status, reqwest::StatusCode::OK);

    // A reset shows the new setup code once; it works.
    admin
        .click_button_starting("Reset password dana.help")
        .await;
    admin.wait_focus("confirm-heading").await;
    admin
        .click_button_starting("Yes, reset dana.help's password")
        .await;
    admin.wait_focus("setup-code").await;
    admin
        .wait_staff_status("dana.help", "Waiting for setup")
        .await;
    let code = admin.text(".code-once").await;
    admin.axe("the new setup code").await;
    let setup = json!({ "setup": { "username": "dana.help", "code": code.trim(), "password": "lanterns over the quiet river" } });
    let (status, body) = server.call("staff/setup", setup).await;
    assert_eq!(status, reqwest::StatusCode::OK, "{body}");
    admin.close().await;
}

/// A patient's page lists the guardians the record names and the access in
/// force; an agent ends one with a reason, and recording an emancipation
/// asks first.
#[tokio::test]
async fn an_agent_sees_and_ends_proxy_access_and_is_asked_before_an_emancipation() {
    let (server, agent) = start().await;
    server.add_parent_mei().await;
    let creds = json!({ "credentials": { "username": "mei.chen", "password": GOOD_PASSWORD } });
    let (_, _, cookie) = server.call_with_cookie("signin", creds, None).await;
    let mei = cookie_pair(&cookie.expect("a session"));
    let lily_dob = server.dob_of(CHILD_MRN).await;
    let form = json!({ "first_name": "Lily", "last_name": "Chen", "dob": lily_dob, "relationship": "parent" });
    let (_, answer, _) = server
        .call_with_cookie("proxy/request", json!({ "request": form }), Some(&mei))
        .await;
    assert!(answer["granted"].is_object(), "{answer}");
    let lily: i64 = server
        .query_one("SELECT id FROM patients WHERE mrn = $1", CHILD_MRN)
        .await;

    agent.set_up_staff(&server, "dana.help", "agent").await;
    agent.goto(&format!("/staff/patients/{lily}")).await;
    agent.wait_h1("Lily Chen").await;
    agent
        .wait_js(
            "the access in force",
            "return document.body.textContent.includes('By law')",
            vec![],
        )
        .await;
    let main = agent.text("main").await;
    assert!(
        main.contains("Parents and guardians on the record"),
        "{main}"
    );
    assert!(main.contains("Mei Chen"), "{main}");
    agent
        .axe("a patient's page with proxy access in force")
        .await;

    // Recording an emancipation asks first; Cancel changes nothing.
    agent.click_button("Record emancipation").await;
    agent
        .wait_js(
            "the question",
            "return document.body.textContent.includes('Record that a court has emancipated')",
            vec![],
        )
        .await;
    agent.axe("asked before recording an emancipation").await;
    agent.click_button("Cancel").await;
    let emancipated: i64 = server
        .query_one("SELECT emancipated FROM patients WHERE mrn = $1", CHILD_MRN)
        .await;
    assert_eq!(emancipated, 0);

    // Ending access: a reason, then Yes.
    agent.click_button_starting("End access").await;
    agent
        .wait_js(
            "the reason field",
            "return !!document.getElementById('reason')",
            vec![],
        )
        .await;
    agent.axe("ending proxy access, with its reason").await;
    agent.type_in("reason", "Court order 24-117").await;
    agent.click_button("Yes, end access").await;
    agent
        .wait_js(
            "access ended",
            "return document.body.textContent.includes('Nobody has proxy access to this record.')",
            vec![],
        )
        .await;
    assert!(
        agent.text("main").await.contains("The access has ended."),
        "{}",
        agent.text("main").await
    );
    agent.close().await;
}

/// An emancipation recorded by mistake: only an administrator may undo it,
/// is asked first, and the record is a minor's again (audited).
#[tokio::test]
async fn an_administrator_undoes_an_emancipation_recorded_by_mistake() {
    let (server, admin) = start().await;
    let lily: i64 = server
        .query_one("SELECT id FROM patients WHERE mrn = $1", CHILD_MRN)
        .await;
    admin.set_up_staff(&server, "sam.admin", "admin").await;
    admin.goto(&format!("/staff/patients/{lily}")).await;
    admin.wait_h1("Lily Chen").await;
    admin.click_button("Record emancipation").await;
    admin
        .click_button_starting("Yes, record emancipation")
        .await;
    admin
        .wait_js(
            "the emancipation recorded",
            "return document.body.textContent.includes('The emancipation is recorded')",
            vec![],
        )
        .await;
    assert_eq!(admin.answer("Emancipated minor").await, "Yes");

    admin
        .click_button_starting("Undo emancipation recorded by mistake")
        .await;
    admin
        .wait_js(
            "the question",
            "return document.body.textContent.includes('Undo this emancipation?')",
            vec![],
        )
        .await;
    admin.axe("asked before undoing an emancipation").await;
    admin.click_button_starting("Yes, undo it").await;
    admin
        .wait_js(
            "the emancipation undone",
            "return document.body.textContent.includes('The emancipation is undone.')",
            vec![],
        )
        .await;
    assert!(
        !admin.text("main").await.contains("Emancipated minor"),
        "{}",
        admin.text("main").await
    );
    // A minor again, so the console offers to record one once more.
    assert!(admin.text("main").await.contains("Record emancipation"));
    let emancipated: i64 = server
        .query_one("SELECT emancipated FROM patients WHERE mrn = $1", CHILD_MRN)
        .await;
    assert_eq!(emancipated, 0);
    assert_eq!(
        server
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'patient.emancipation-undone'")
            .await,
        1
    );
    admin
        .axe("a patient's page after an undone emancipation")
        .await;
    admin.close().await;
}
