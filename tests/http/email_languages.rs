//! Each email is written in its recipient's language: an account's (the one
//! its holder chose, last), else the request's, else the record's — never
//! just the language of whoever's request sent it.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::json;

const SPANISH: &str = "frontdesk_lang=es";
const ENGLISH: &str = "frontdesk_lang=en";

async fn ask_for_reset(server: &TestServer, username: &str, cookie: Option<&str>) {
    let body = json!({ "request": { "username": username } });
    let (status, answer, _) = server
        .call_with_cookie("recover/password", body, cookie)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

/// Maria signs up with a paper code on a Spanish page, typing
/// `maria.g@example.com`, which waits for its own code.
async fn maria_signs_up_in_spanish(server: &TestServer) {
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    let body = json!({
        "code": code_entry(&code, &dob),
        "login": login("maria.g", GOOD_PASSWORD, "maria.g@example.com"),
    });
    let (status, answer, _) = server
        .call_with_cookie("signup/code/create-account", body, Some(SPANISH))
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
}

#[tokio::test]
async fn an_account_keeps_the_language_its_holder_chose() {
    let server = TestServer::start().await;
    // Maria signs up reading Spanish, typing an address no code went to.
    maria_signs_up_in_spanish(&server).await;
    let (subject, _) = server.last_email_to("maria.g@example.com").await.unwrap();
    assert_eq!(
        subject,
        "Confirme su nuevo correo electrónico del portal del paciente"
    );

    // Signing in on a page with no choice made: the account's language
    // comes back for the page to switch to.
    let credentials =
        json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (status, answer, cookie) = server
        .call_with_cookie("signin", credentials.clone(), None)
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    assert_eq!(answer, json!({ "signed_in": { "language": "es" } }));
    let session = cookie_pair(&cookie.unwrap());
    let code = server
        .query_one::<String>(
            "SELECT text_body FROM outbox WHERE to_addr = $1 ORDER BY id DESC LIMIT 1",
            "maria.g@example.com",
        )
        .await;
    let code: String = code
        .split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 6)
        .expect("a 6-digit code")
        .into();
    let (status, answer, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": code }),
            Some(&session),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");

    // A reset asked from an English page still writes in her language.
    ask_for_reset(&server, "maria.g", None).await;
    let (subject, text) = server.last_email_to("maria.g@example.com").await.unwrap();
    assert_eq!(
        subject,
        "Su código para restablecer la contraseña del portal del paciente"
    );
    assert!(text.contains("servicio de ayuda"), "{text}");

    // She switches to English while signed in: from then on, English.
    let (status, _, _) = server
        .call_with_cookie("home", json!({}), Some(&format!("{session}; {ENGLISH}")))
        .await;
    assert_eq!(status, StatusCode::OK);
    ask_for_reset(&server, "maria.g", Some(SPANISH)).await;
    let (subject, _) = server.last_email_to("maria.g@example.com").await.unwrap();
    assert_eq!(subject, "Your patient portal password reset code");

    // And a sign-in from a page in Spanish makes Spanish hers again.
    let (_, answer, _) = server
        .call_with_cookie("signin", credentials, Some(SPANISH))
        .await;
    assert_eq!(answer, json!({ "signed_in": { "language": "es" } }));
}

#[tokio::test]
async fn the_help_desk_answers_a_request_in_the_language_it_was_made_in() {
    let server = TestServer::start().await;
    let dob = server.dob_of(ADULT_MRN).await;
    let details = json!({
        "first_name": "Maria", "middle_name": "", "last_name": "Garza",
        "dob": dob, "legal_sex": "F", "street": "9 Birch Rd", "city": "Albany", "state": "NY",
        "zip": "12207", "mobile_phone": "(555) 555-0199", "email": "garza@example.com",
    });
    let (status, answer, _) = server
        .call_with_cookie(
            "signup/verify/details",
            json!({ "details": details }),
            Some(SPANISH),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let reference = answer["pending"]["reference"].as_str().unwrap().to_string();
    let (subject, text) = server.last_email_to("garza@example.com").await.unwrap();
    assert_eq!(
        subject,
        "Estamos procesando su solicitud del portal del paciente"
    );
    assert!(text.contains(&reference), "{text}");

    // The agent's console is English; the email it sends is not.
    let agent = server.staff_session("agent.es", "agent").await;
    let reject = json!({
        "request": { "reference": reference },
        "action": { "reject": { "reason": "No encontramos su expediente." } },
    });
    let (status, answer, _) = server
        .call_with_cookie(
            "staff/queue/act",
            reject,
            Some(&format!("{agent}; {ENGLISH}")),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    let (subject, text) = server.last_email_to("garza@example.com").await.unwrap();
    assert_eq!(subject, "Sobre su solicitud del portal del paciente");
    assert!(
        text.contains("El motivo: No encontramos su expediente."),
        "{text}"
    );
}

/// A header's value with its RFC 2047 encoded words (`=?utf-8?b?…?=`, as
/// non-ASCII subjects go out) decoded.
fn header(data: &str, name: &str) -> String {
    use base64::Engine;
    let start = data
        .find(&format!("\n{name}: "))
        .map(|i| i + name.len() + 3)
        .unwrap_or_else(|| panic!("no {name} header in {data}"));
    // The value and its folded lines.
    let mut value = String::new();
    for (n, line) in data[start..].lines().enumerate() {
        if n > 0 && !line.starts_with([' ', '\t']) {
            break;
        }
        // Unfolding keeps the space; between two encoded words it goes.
        if n > 0 && !(value.ends_with("?=") && line.trim_start().starts_with("=?")) {
            value.push(' ');
        }
        value.push_str(line.trim());
    }
    let mut out = String::new();
    let mut rest = value.as_str();
    while let Some(at) = rest.find("=?") {
        out.push_str(&rest[..at]);
        let word = &rest[at + 2..];
        let end = word.find("?=").expect("an encoded word ends");
        let parts: Vec<&str> = word[..end].splitn(3, '?').collect();
        assert!(parts[1].eq_ignore_ascii_case("b"), "{value}");
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(parts[2])
            .expect("base64");
        out.push_str(&String::from_utf8(bytes).expect("UTF-8"));
        rest = &word[end + 2..];
    }
    out.push_str(rest);
    out
}

#[tokio::test]
async fn a_spanish_readers_emails_go_out_over_smtp_in_spanish() {
    let smtp = crate::common::smtp::SmtpServer::start(0).await;
    let server = TestServer::start_with(&["--smtp-url", &smtp.url()]).await;
    // A pending request made in Spanish.
    let details = json!({
        "first_name": "Pat", "middle_name": "", "last_name": "Nobody",
        "dob": { "month": "7", "day": "4", "year": "1976" },
        "legal_sex": "X", "street": "1 Elm St", "city": "Albany", "state": "NY", "zip": "12207",
        "mobile_phone": "(555) 555-0177", "email": "pat.nobody@example.com",
    });
    let (status, answer, _) = server
        .call_with_cookie(
            "signup/verify/details",
            json!({ "details": details }),
            Some(SPANISH),
        )
        .await;
    assert_eq!(status, StatusCode::OK, "{answer}");
    // An account made in Spanish: its address is confirmed in Spanish.
    maria_signs_up_in_spanish(&server).await;
    let received = smtp.wait_for(2, 30).await;
    let subjects: Vec<(String, String)> = received
        .iter()
        .map(|m| (m.to[0].clone(), header(&m.data, "Subject")))
        .collect();
    assert!(
        subjects
            .iter()
            .any(|(to, s)| to.contains("pat.nobody@example.com")
                && s == "Estamos procesando su solicitud del portal del paciente"),
        "{subjects:?}"
    );
    assert!(
        subjects
            .iter()
            .any(|(to, s)| to.contains("maria.g@example.com")
                && s == "Confirme su nuevo correo electrónico del portal del paciente"),
        "{subjects:?}"
    );
}
