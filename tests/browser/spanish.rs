//! Browser end-to-end tests in Spanish: a person whose browser prefers
//! Spanish (`Accept-Language: es-MX,es;q=0.9`, and no language cookie yet)
//! goes through each flow by typing and clicking. Every page and error
//! state visited says `<html lang="es">`, holds none of the English words
//! of [`ENGLISH_WORDS`] (names, usernames and addresses aside), and passes
//! axe-core; the emails they cause are in Spanish too. Last, a Spanish
//! account signing in from an English browser gets its pages in Spanish.
//!
//! The texts expected are the Spanish catalogs' (`locales/es/`), written
//! out here so that a changed word fails a test.

use crate::common::*;
use crate::driver::*;
use frontdesk::domain::date::Date;
use frontdesk::words::{Language, in_language};
use serde_json::json;

const CONTINUE: &str = "Continuar";
const THERE_IS_A_PROBLEM: &str = "Hay un problema";
const START: &str = "Cree su nueva cuenta del portal del paciente";
const SIGN_UP_WITH_CODE: &str = "Regístrese con un código de acceso";
const CODE_PAGE: &str = "Escriba su código de acceso";
const LOGIN_PAGE: &str = "Cree su nombre de usuario y contraseña";
const CHECK_ANSWERS: &str = "Revise sus respuestas";
const CREATE_ACCOUNT: &str = "Crear la cuenta";
const READY: &str = "Su cuenta está lista";
const SIGN_IN: &str = "Inicie sesión en el portal del paciente";
const SIGN_IN_BUTTON: &str = "Iniciar sesión";

const ENTER_CODE: &str = "Escriba su código de acceso";
const ENTER_DOB: &str = "Escriba su fecha de nacimiento";
const MISTYPED: &str = "Revise su código de acceso: parece que tiene un error";
const NOT_ACCEPTED: &str = "El código de acceso y la fecha de nacimiento no coinciden con \
     nuestros registros. Revise los dos datos e inténtelo de nuevo";
const PASSWORD_TOO_SHORT: &str = "La contraseña debe tener 15 caracteres o más";
const EMAIL_FORMAT: &str =
    "Escriba un correo electrónico con el formato correcto, por ejemplo, nombre@example.com";
const USERNAME_TAKEN: &str = "Ese nombre de usuario ya está en uso. Elija otro nombre de usuario";
const ENTER_USERNAME: &str = "Escriba su nombre de usuario";
const ENTER_PASSWORD: &str = "Escriba su contraseña";
const CONFIRM_EMAIL_SUBJECT: &str = "Confirme su nuevo correo electrónico del portal del paciente";

const MARIA_EMAIL: &str = "maria.garcia@example.com";
const MARIA_HOME: &str = "Hola, Maria Garcia";
/// What Maria's pages may say that is hers, not the portal's.
const MARIA: &[&str] = &["Maria", "Elena", "Garcia", "maria.g"];

/// A date as the Spanish pages write it: "19 de octubre de 1984".
fn spanish(date: Date) -> String {
    in_language(Language::Es, || date.to_string())
}

fn spanish_dob(dob: &Dob) -> String {
    let date = Date::new(
        dob.year.parse().unwrap(),
        dob.month.parse().unwrap(),
        dob.day.parse().unwrap(),
    );
    spanish(date.expect("a real date"))
}

/// A code with one symbol changed: the check symbol catches it.
fn mistype(code: &str) -> String {
    let first = code.chars().next().unwrap();
    let other = if first == '7' { '8' } else { '7' };
    format!("{other}{}", &code[1..])
}

/// The email has none of the English words, `aside` apart.
fn expect_spanish_email(mail: &Mail, aside: &[&str]) {
    let text = format!("{}\n{}", mail.subject, mail.body);
    let english = english_words_in(&text, aside);
    assert!(
        english.is_empty(),
        "English in the email {:?}:\n  {}\n{}",
        mail.subject,
        english.join("\n  "),
        mail.body
    );
}

/// The newest email to `to` in the outbox (what the demo mailbox shows).
async fn last_mail_to(server: &TestServer, to: &str) -> Mail {
    let (subject, body) = server
        .last_email_to(to)
        .await
        .unwrap_or_else(|| panic!("no email to {to}"));
    Mail {
        subject,
        to: to.into(),
        body,
    }
}

/// An account for `mrn` made in Spanish (the language cookie says `es`)
/// through the access-code sign-up, with the email
/// `{username}@example.com` confirmed by the code the Spanish email gives.
async fn spanish_account(server: &TestServer, mrn: &str, username: &str) {
    const ES: &str = "frontdesk_lang=es";
    let code = server.issue_code(mrn);
    let dob = server.dob_of(mrn).await;
    let email = format!("{username}@example.com");
    let body =
        json!({ "code": code_entry(&code, &dob), "login": login(username, GOOD_PASSWORD, &email) });
    let (status, answer, _) = server
        .call_with_cookie("signup/code/create-account", body, Some(ES))
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{answer}");
    let credentials = json!({ "credentials": { "username": username, "password": GOOD_PASSWORD } });
    let (status, answer, cookie) = server
        .call_with_cookie("signin", credentials, Some(ES))
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{answer}");
    let cookie = format!("{ES}; {}", cookie_pair(&cookie.expect("a session")));
    let mail = last_mail_to(server, &email).await;
    assert_eq!(mail.subject, CONFIRM_EMAIL_SUBJECT);
    let at = "Su código para confirmar este correo electrónico es ";
    let start = mail.body.find(at).expect("the code") + at.len();
    let confirm = &mail.body[start..start + 6];
    let (status, answer, _) = server
        .call_with_cookie(
            "account/email/confirm",
            json!({ "code": confirm }),
            Some(&cookie),
        )
        .await;
    assert_eq!(status, reqwest::StatusCode::OK, "{answer}");
    let (status, _, _) = server
        .call_with_cookie("signout", json!({}), Some(&cookie))
        .await;
    assert_eq!(status, reqwest::StatusCode::OK);
}

impl Browser {
    /// Fills the access-code page and continues to the create-login page.
    async fn enter_code_es(&self, code: &str, dob: &Dob) {
        self.type_in("code", code).await;
        self.type_in("dob-month", &dob.month).await;
        self.type_in("dob-day", &dob.day).await;
        self.type_in("dob-year", &dob.year).await;
        self.click_button(CONTINUE).await;
        self.wait_h1(LOGIN_PAGE).await;
    }

    /// Signs in on the sign-in page on screen, landing on the home page
    /// headed `hello`.
    async fn sign_in_es(&self, username: &str, password: &str, hello: &str) {
        self.wait_h1(SIGN_IN).await;
        self.retype("username", username).await;
        self.type_in("password", password).await;
        self.click_button(SIGN_IN_BUTTON).await;
        self.wait_h1(hello).await;
        self.wait_path("/home").await;
    }

    /// The value of the cookie `name` the page can read.
    async fn cookie(&self, name: &str) -> Option<String> {
        let v = self
            .js(
                "const c = document.cookie.split('; ').find(c => c.startsWith(arguments[0] + '=')); \
                 return c ? c.slice(arguments[0].length + 1) : null",
                vec![json!(name)],
            )
            .await;
        v.as_str().map(String::from)
    }
}

// ---------------------------------------------------------------------------

/// The harness's Spanish browser really asks for Spanish first: a bare
/// listener reads the `Accept-Language` header of its first request.
#[tokio::test]
async fn the_spanish_browser_asks_for_spanish_first() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    preflight();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let base = format!("http://{}", listener.local_addr().unwrap());
    let first_request = tokio::spawn(async move {
        let (mut socket, _) = listener.accept().await.expect("a request");
        let mut request = Vec::new();
        let mut buffer = [0u8; 4096];
        while !request.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = socket.read(&mut buffer).await.expect("read");
            assert!(n > 0, "the request ended early");
            request.extend_from_slice(&buffer[..n]);
        }
        let page = "<!doctype html><title>t</title><p>hola</p>";
        let answer = format!(
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\
             Connection: close\r\n\r\n{page}",
            page.len()
        );
        socket.write_all(answer.as_bytes()).await.expect("answer");
        String::from_utf8_lossy(&request).to_string()
    });
    let b = Browser::launch_in(&base, SPANISH).await;
    b.goto("/").await;
    let request = first_request.await.expect("the listener");
    let accept = request
        .lines()
        .find_map(|l| {
            let (name, value) = l.split_once(':')?;
            name.eq_ignore_ascii_case("accept-language")
                .then(|| value.trim().to_string())
        })
        .unwrap_or_else(|| panic!("no Accept-Language in {request}"));
    assert_eq!(accept, "es-MX,es;q=0.9", "{request}");
    let languages = b.js("return navigator.languages", vec![]).await;
    assert_eq!(languages, json!(["es-MX", "es"]));
    b.close().await;
}

/// The English words the check looks for are never Spanish: none is in a
/// Spanish catalog, and each is in an English one.
#[test]
fn the_english_words_are_in_no_spanish_catalog() {
    fn values(language: &str) -> String {
        let mut files = Vec::new();
        let root = repo_dir().join("locales").join(language);
        for dir in [root.clone(), root.join("server")] {
            for entry in std::fs::read_dir(&dir).expect("the catalogs") {
                let path = entry.unwrap().path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    files.push(path);
                }
            }
        }
        assert!(files.len() >= 10, "catalogs of {language}: {files:?}");
        let mut text = String::new();
        for file in files {
            for line in std::fs::read_to_string(&file).unwrap().lines() {
                if line.trim_start().starts_with('#') {
                    continue;
                }
                // A message's value, or a line that continues one.
                let value = match line.split_once(" = ") {
                    Some((_, value)) if !line.starts_with(' ') => value,
                    _ if line.starts_with(' ') => line,
                    _ => continue,
                };
                // Placeables name arguments (`{ $name }`), never words.
                let mut plain = String::new();
                let mut depth = 0;
                for c in value.chars() {
                    match c {
                        '{' => depth += 1,
                        '}' => depth -= 1,
                        c if depth == 0 => plain.push(c),
                        _ => {}
                    }
                }
                text.push_str(&plain);
                text.push('\n');
            }
        }
        text
    }
    let spanish = values("es");
    let found = english_words_in(&spanish, &[]);
    assert!(found.is_empty(), "in the Spanish catalogs: {found:#?}");
    let english = values("en");
    for word in ENGLISH_WORDS {
        let used = english
            .split(|c: char| !c.is_alphabetic())
            .any(|w| w.eq_ignore_ascii_case(word));
        assert!(used, "{word:?} is in no English catalog");
    }
    // The check catches English.
    assert_eq!(
        english_words_in("Revise sus respuestas\nCheck your answers", &[]).len(),
        3
    );
    assert!(english_words_in("Hola, Maria. KT1FA-RBX53 BE", &["Maria"]).is_empty());
}

/// a. The access-code sign-up in Spanish, every error state, to the account
/// and the home page.
#[tokio::test]
async fn a_spanish_speaker_signs_up_with_an_access_code() {
    let (server, b) = start_in(SPANISH).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    // Someone else has the username "taken.name".
    server
        .execute(
            "INSERT INTO accounts (patient_id, username, username_key, password_hash, email, created_at) \
             VALUES ((SELECT id FROM patients WHERE mrn = '100002'), 'taken.name', 'taken.name', 'x', \
             'robert@example.com', 0)",
        )
        .await;

    b.goto("/").await;
    b.wait_h1(START).await;
    b.check_spanish("the start page", &[]).await;

    b.click_link(SIGN_UP_WITH_CODE).await;
    b.wait_h1(CODE_PAGE).await;
    b.wait_path("/signup/code").await;
    assert!(
        b.title().await.starts_with(CODE_PAGE),
        "{}",
        b.title().await
    );
    let labels = b
        .js(
            "return Array.from(document.querySelectorAll('.date-input__label')).map(l => l.textContent)",
            vec![],
        )
        .await;
    assert_eq!(labels, json!(["Mes", "Día", "Año"]));
    b.check_spanish("the access code page", &[]).await;

    // Nothing typed.
    b.click_button(CONTINUE).await;
    let items = b.wait_summary(ENTER_CODE).await;
    assert_eq!(items, [ENTER_CODE, ENTER_DOB]);
    assert_eq!(b.text("#error-summary h2").await, THERE_IS_A_PROBLEM);
    b.wait_focus("error-summary").await;
    assert!(
        b.title().await.starts_with("Error: "),
        "{}",
        b.title().await
    );
    assert!(
        b.inline_error("dob")
            .await
            .unwrap_or_default()
            .contains(ENTER_DOB)
    );
    b.check_spanish("the access code page with nothing entered", &[])
        .await;

    // One symbol changed: the browser catches it.
    b.type_in("code", &mistype(&code)).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button(CONTINUE).await;
    assert_eq!(b.wait_summary(MISTYPED).await, [MISTYPED]);
    b.expect_error(CODE_PAGE, "code", MISTYPED).await;
    b.check_spanish("the access code page with a mistyped code", &[])
        .await;

    // The real code with the wrong year: the server's answer, in Spanish.
    let wrong_year = (dob.year.parse::<i32>().unwrap() - 1).to_string();
    b.retype("code", &code).await;
    b.retype("dob-year", &wrong_year).await;
    b.click_button(CONTINUE).await;
    assert_eq!(b.wait_summary(NOT_ACCEPTED).await, [NOT_ACCEPTED]);
    b.expect_error(CODE_PAGE, "code", NOT_ACCEPTED).await;
    b.check_spanish("the access code page with a wrong date of birth", &[])
        .await;

    b.retype("dob-year", &dob.year).await;
    b.click_button(CONTINUE).await;
    b.wait_h1(LOGIN_PAGE).await;
    b.wait_path("/signup/code/login").await;
    assert!(b.text("main").await.contains("Hola, Maria."));
    assert_eq!(b.value("email").await, MARIA_EMAIL);
    b.check_spanish("the create-login page", MARIA).await;

    // The browser's checks.
    b.type_in("username", "maria.g").await;
    b.type_in("password", "short pass").await;
    b.retype("email", "maria.garcia@").await;
    b.click_button(CONTINUE).await;
    let items = b.wait_summary(PASSWORD_TOO_SHORT).await;
    assert_eq!(items, [PASSWORD_TOO_SHORT, EMAIL_FORMAT]);
    b.expect_error(LOGIN_PAGE, "password", PASSWORD_TOO_SHORT)
        .await;
    assert!(
        b.inline_error("email")
            .await
            .unwrap_or_default()
            .contains(EMAIL_FORMAT)
    );
    assert!(
        b.text("#password-checklist").await.contains("(tiene 10)"),
        "{}",
        b.text("#password-checklist").await
    );
    b.check_spanish(
        "the create-login page with a short password and a bad email",
        MARIA,
    )
    .await;

    // The server's: a username someone has.
    b.retype("username", "taken.name").await;
    b.retype("password", GOOD_PASSWORD).await;
    b.retype("email", MARIA_EMAIL).await;
    b.click_button(CONTINUE).await;
    assert_eq!(b.wait_summary(USERNAME_TAKEN).await, [USERNAME_TAKEN]);
    b.expect_error(LOGIN_PAGE, "username", USERNAME_TAKEN).await;
    b.check_spanish("the create-login page with a taken username", MARIA)
        .await;

    b.retype("username", "maria.g").await;
    b.click_button(CONTINUE).await;
    b.wait_h1(CHECK_ANSWERS).await;
    assert_eq!(b.answer("Código de acceso").await, code);
    assert_eq!(b.answer("Fecha de nacimiento").await, spanish_dob(&dob));
    assert_eq!(b.answer("Nombre de usuario").await, "maria.g");
    assert_eq!(
        b.answer("Contraseña").await,
        "Elegida (oculta por su seguridad)"
    );
    assert_eq!(b.answer("Correo electrónico").await, MARIA_EMAIL);
    b.check_spanish("the check-answers page", MARIA).await;

    b.click_button(CREATE_ACCOUNT).await;
    b.wait_h1(READY).await;
    assert_eq!(b.text(".username").await, "maria.g");
    let main = b.text("main").await;
    assert!(
        main.contains(&format!("Enviamos un código de 6 dígitos a {MARIA_EMAIL}.")),
        "{main}"
    );
    b.check_spanish("the account-ready page", MARIA).await;
    let language: String = server
        .query_one(
            "SELECT language FROM accounts WHERE username_key = $1",
            "maria.g",
        )
        .await;
    assert_eq!(
        language, "es",
        "the account keeps the language it was made in"
    );
    let mail = last_mail_to(&server, MARIA_EMAIL).await;
    assert_eq!(mail.subject, CONFIRM_EMAIL_SUBJECT);
    expect_spanish_email(&mail, MARIA);

    // Then signing in, to the home page.
    b.click_link("iniciar sesión").await;
    b.wait_h1(SIGN_IN).await;
    b.wait_path("/signin").await;
    b.check_spanish("the sign-in page", &[]).await;
    b.click_button(SIGN_IN_BUTTON).await;
    b.expect_error(SIGN_IN, "username", ENTER_USERNAME).await;
    assert!(
        b.inline_error("password")
            .await
            .unwrap_or_default()
            .contains(ENTER_PASSWORD)
    );
    b.check_spanish("the sign-in page with empty fields", &[])
        .await;
    b.sign_in_es("maria.g", GOOD_PASSWORD, MARIA_HOME).await;
    let main = b.text("main").await;
    assert!(main.contains("Su propio expediente"), "{main}");
    assert!(main.contains("Confirme su correo electrónico"), "{main}");
    assert_eq!(b.answer("Nombre de usuario").await, "maria.g");
    b.check_spanish("the home page", MARIA).await;
    b.close().await;
}

/// a. A code that cannot be used: its page says why, with the date in
/// Spanish.
#[tokio::test]
async fn an_expired_code_says_so_in_spanish() {
    let (server, b) = start_in(SPANISH).await;
    let expired = server.issue_code(ADULT_MRN);
    // 1_700_000_000 is November 14, 2023 (UTC).
    server
        .execute(
            "UPDATE access_codes SET expires_at = 1700000000 WHERE id = (SELECT MAX(id) FROM \
             access_codes WHERE patient_id = (SELECT id FROM patients WHERE mrn = '100001'))",
        )
        .await;
    let dob = Dob::of(&server, ADULT_MRN).await;
    b.goto("/signup/code").await;
    b.wait_h1(CODE_PAGE).await;
    b.type_in("code", &expired).await;
    b.type_in("dob-month", &dob.month).await;
    b.type_in("dob-day", &dob.day).await;
    b.type_in("dob-year", &dob.year).await;
    b.click_button(CONTINUE).await;
    b.wait_h1("Su código de acceso ya venció").await;
    let main = b.text("main").await;
    assert!(
        main.contains("El código de acceso que escribió venció el 14 de noviembre de 2023."),
        "{main}"
    );
    b.check_spanish("the code-expired page", &[]).await;
    b.click_link("Escriba otro código de acceso").await;
    b.wait_h1(CODE_PAGE).await;
    b.check_spanish("the access code page again", &[]).await;
    b.close().await;
}

/// A person's details as they would type them for the no-code sign-up.
struct Person {
    first: &'static str,
    last: &'static str,
    dob: Dob,
    street: &'static str,
    city: &'static str,
    state: &'static str,
    zip: &'static str,
    phone: &'static str,
    email: &'static str,
}

/// b. The no-code sign-up of somebody the records do not know, to the
/// pending page, its email and the request's status, all in Spanish.
#[tokio::test]
async fn a_spanish_speaker_without_a_code_gets_a_pending_request() {
    let (server, b) = start_in(SPANISH).await;
    let pat = Person {
        first: "Pat",
        last: "Nobody",
        dob: Dob {
            month: "7".into(),
            day: "4".into(),
            year: "1976".into(),
        },
        street: "1 Elm St",
        city: "Albany",
        state: "New York",
        zip: "12207",
        phone: "(555) 555-0177",
        email: "pat.nobody@example.com",
    };
    let aside = &["Pat", "Nobody", "1 Elm St", "Albany"];

    b.goto("/").await;
    b.wait_h1(START).await;
    b.click_link("Regístrese sin un código de acceso").await;
    b.wait_h1("Registrarse sin código de acceso").await;
    b.wait_path("/signup/verify").await;
    b.check_spanish("the no-code start page", &[]).await;
    b.click_link("Comenzar").await;

    let name = "¿Cuál es su nombre legal?";
    b.wait_h1(name).await;
    b.check_spanish("the name question", &[]).await;
    b.click_button(CONTINUE).await;
    let items = b.wait_summary("Escriba su nombre").await;
    assert_eq!(items, ["Escriba su nombre", "Escriba su apellido"]);
    b.expect_error(name, "first_name", "Escriba su nombre")
        .await;
    b.check_spanish("the name question with nothing entered", &[])
        .await;
    b.type_in("first_name", pat.first).await;
    b.type_in("last_name", pat.last).await;
    b.click_button(CONTINUE).await;

    let birth = "¿Cuál es su fecha de nacimiento?";
    b.wait_h1(birth).await;
    b.check_spanish("the date-of-birth question", aside).await;
    b.type_in("dob-month", "13").await;
    b.type_in("dob-day", &pat.dob.day).await;
    b.type_in("dob-year", &pat.dob.year).await;
    b.click_button(CONTINUE).await;
    let not_a_date = "La fecha de nacimiento debe ser una fecha válida";
    assert_eq!(b.wait_summary(not_a_date).await, [not_a_date]);
    b.check_spanish("the date-of-birth question with no such date", aside)
        .await;
    b.retype("dob-month", &pat.dob.month).await;
    b.click_button(CONTINUE).await;

    b.wait_h1("¿Cuál es su sexo legal en su expediente médico?")
        .await;
    b.check_spanish("the legal-sex question", aside).await;
    b.click_button(CONTINUE).await;
    let choose_sex = "Seleccione su sexo legal tal como aparece en su expediente médico";
    assert_eq!(b.wait_summary(choose_sex).await, [choose_sex]);
    b.check_spanish("the legal-sex question with nothing chosen", aside)
        .await;
    b.choose("X").await;
    b.click_button(CONTINUE).await;

    b.wait_h1("¿Cuál es la dirección de su casa?").await;
    b.check_spanish("the address question", aside).await;
    b.type_in("street", pat.street).await;
    b.type_in("city", pat.city).await;
    b.select("state", pat.state).await;
    b.type_in("zip", "122").await;
    b.click_button(CONTINUE).await;
    let zip_format = "Escriba un código postal de 5 dígitos, por ejemplo, 12207, o un código \
                      ZIP+4, por ejemplo, 12207-1234";
    assert_eq!(b.wait_summary(zip_format).await, [zip_format]);
    b.check_spanish("the address question with a short ZIP code", aside)
        .await;
    b.retype("zip", pat.zip).await;
    b.click_button(CONTINUE).await;

    b.wait_h1("¿Cuál es su número de celular?").await;
    b.check_spanish("the phone question", aside).await;
    b.type_in("mobile_phone", pat.phone).await;
    b.click_button(CONTINUE).await;

    b.wait_h1("¿Cuál es su correo electrónico?").await;
    b.check_spanish("the email question", aside).await;
    b.type_in("email", pat.email).await;
    b.click_button(CONTINUE).await;

    b.wait_h1(CHECK_ANSWERS).await;
    b.wait_path("/signup/verify/check").await;
    assert_eq!(b.answer("Nombre legal").await, "Pat Nobody");
    assert_eq!(b.answer("Fecha de nacimiento").await, "4 de julio de 1976");
    assert_eq!(
        b.answer("Dirección de su casa").await,
        "1 Elm St, Albany, New York 12207"
    );
    b.check_spanish("the check-your-answers page", aside).await;
    b.click_button(CONTINUE).await;

    b.wait_h1("Estamos procesando su solicitud").await;
    b.wait_path("/signup/status/pending").await;
    let reference = b.text(".reference").await;
    assert_eq!(reference.len(), 9, "reference {reference:?}");
    let promised_by: i64 = server
        .query_one(
            "SELECT promised_by FROM signup_requests WHERE reference = $1",
            &reference,
        )
        .await;
    let promised = spanish(Date::from_unix_seconds(promised_by));
    let main = b.text("main").await;
    assert!(
        main.contains(&format!("Su número de referencia es {reference}.")),
        "{main}"
    );
    assert!(
        main.contains(&format!("a más tardar el {promised}.")),
        "{promised}: {main}"
    );
    b.check_spanish("the request-being-processed page", aside)
        .await;

    let mail = b
        .read_mailbox(
            pat.email,
            "Estamos procesando su solicitud del portal del paciente",
        )
        .await;
    assert!(
        mail.body
            .contains(&format!("Su número de referencia es {reference}.")),
        "{}",
        mail.body
    );
    assert!(mail.body.contains(&promised), "{}", mail.body);
    expect_spanish_email(&mail, aside);
    let language: String = server
        .query_one(
            "SELECT language FROM signup_requests WHERE reference = $1",
            &reference,
        )
        .await;
    assert_eq!(language, "es", "the request keeps its language");

    // The request's status, from the pending page's link.
    b.click_link("Consultar el estado de su solicitud").await;
    b.wait_h1("Consulte su solicitud").await;
    b.wait_path("/signup/status").await;
    b.check_spanish("the check-your-request page", &[]).await;
    b.type_in("reference", &reference).await;
    b.type_in("dob-month", &pat.dob.month).await;
    b.type_in("dob-day", "5").await;
    b.type_in("dob-year", &pat.dob.year).await;
    b.click_button("Consultar solicitud").await;
    let not_found = "No encontramos ninguna solicitud con ese número de referencia y esa fecha \
                     de nacimiento. Revise los dos datos e inténtelo de nuevo";
    assert_eq!(b.wait_summary(not_found).await, [not_found]);
    b.check_spanish(
        "the check-your-request page with a wrong date of birth",
        &[],
    )
    .await;
    b.retype("dob-day", &pat.dob.day).await;
    b.click_button("Consultar solicitud").await;
    b.wait_h1("Su solicitud").await;
    assert_eq!(
        b.answer("Estado").await,
        "Recibida: en espera del servicio de ayuda"
    );
    b.check_spanish("the request status page", &[]).await;
    b.close().await;
}

/// c. A forgotten password: the reset code comes in a Spanish email, and
/// the new password signs in.
#[tokio::test]
async fn a_spanish_speaker_resets_a_forgotten_password() {
    let (server, b) = start_in(SPANISH).await;
    spanish_account(&server, ADULT_MRN, "maria.g").await;
    let email = "maria.g@example.com";
    let new_password = "copper kettle hums at noon";

    b.goto("/signin").await;
    b.wait_h1(SIGN_IN).await;
    b.click_link("¿Olvidó su nombre de usuario o contraseña?")
        .await;
    b.wait_h1("¿Olvidó su nombre de usuario o contraseña?")
        .await;
    b.wait_path("/recover").await;
    b.check_spanish("the recovery page", &[]).await;

    b.click_link("Olvidé mi contraseña").await;
    let reset = "Restablezca su contraseña";
    b.wait_h1(reset).await;
    b.check_spanish("the reset-password page", &[]).await;
    b.click_button("Enviar un código").await;
    b.expect_error(reset, "username", ENTER_USERNAME).await;
    b.check_spanish("the reset-password page with no username", &[])
        .await;
    b.type_in("username", "maria.g").await;
    b.click_button("Enviar un código").await;

    let check_email = "Revise su correo";
    b.wait_h1(check_email).await;
    b.wait_path("/recover/reset").await;
    b.check_spanish("the enter-code page", MARIA).await;
    let mail = b
        .read_mailbox(
            email,
            "Su código para restablecer la contraseña del portal del paciente",
        )
        .await;
    expect_spanish_email(&mail, MARIA);
    let at = "Su código para restablecer su contraseña es ";
    let code: String = mail.body[mail.body.find(at).expect("the code") + at.len()..]
        .chars()
        .take(9)
        .collect();

    // A code of the wrong shape, then a wrong one.
    b.type_in("code", "12").await;
    b.type_in("password", new_password).await;
    b.click_button("Restablecer contraseña").await;
    let shape = "El código tiene 8 letras y números, como 7KDM-2Q9X";
    b.expect_error(check_email, "code", shape).await;
    b.check_spanish("the enter-code page with a short code", MARIA)
        .await;
    let wrong = if code.starts_with('2') {
        "3333-3333"
    } else {
        "2222-2222"
    };
    b.retype("code", wrong).await;
    if b.value("password").await.is_empty() {
        b.type_in("password", new_password).await;
    }
    b.click_button("Restablecer contraseña").await;
    let not_right = "El código no es correcto o ya no funciona. Revise el código del correo \
                     electrónico e inténtelo de nuevo. Un código sirve durante 15 minutos y 5 \
                     intentos: después, pida un código nuevo";
    b.expect_error(check_email, "code", not_right).await;
    b.check_spanish("the enter-code page with a wrong code", MARIA)
        .await;

    b.retype("code", &code).await;
    if b.value("password").await.is_empty() {
        b.type_in("password", new_password).await;
    }
    b.click_button("Restablecer contraseña").await;
    b.wait_h1(SIGN_IN).await;
    b.wait_path("/signin").await;
    let notice = b.text(".notice").await;
    assert!(
        notice.starts_with("Su contraseña se restableció"),
        "{notice}"
    );
    assert_eq!(b.value("username").await, "maria.g");
    b.check_spanish("the sign-in page after a reset", MARIA)
        .await;
    let changed = last_mail_to(&server, email).await;
    assert_eq!(
        changed.subject,
        "Se cambió su contraseña del portal del paciente"
    );
    expect_spanish_email(&changed, MARIA);

    b.sign_in_es("maria.g", new_password, MARIA_HOME).await;
    b.check_spanish("the home page after a reset", MARIA).await;
    b.close().await;
}

/// d. The teen page, and a teen's access-code sign-up: the confirmation
/// that the account is their own, a parent's email refused, and what a
/// parent can see.
#[tokio::test]
async fn a_spanish_speaking_teen_creates_their_own_account() {
    let (server, b) = start_in(SPANISH).await;
    let code = server.issue_code(TEEN_MRN);
    let dob = Dob::of(&server, TEEN_MRN).await;
    let aiden = &["Aiden", "Nguyen", "aiden.n"];
    let confirm_label = "Soy Aiden y estoy creando mi propia cuenta";

    b.goto("/").await;
    b.wait_h1(START).await;
    b.click_link("Cree su propia cuenta").await;
    b.wait_h1("Cree su propia cuenta si tiene entre 14 y 17 años")
        .await;
    b.wait_path("/teen").await;
    b.check_spanish("the teen page", &[]).await;
    b.click_link(SIGN_UP_WITH_CODE).await;
    b.wait_h1(CODE_PAGE).await;
    b.enter_code_es(&code, &dob).await;
    assert!(b.text("main").await.contains("Hola, Aiden."));
    b.check_spanish("the create-login page for a teen", aiden)
        .await;

    b.type_in("username", "aiden.n").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.retype("email", "aiden.own@example.com").await;
    b.click_button(CONTINUE).await;
    let confirm = "Confirme que usted es Aiden y que está creando su propia cuenta. Un padre, \
                   madre o tutor no puede crear la cuenta de un adolescente en su lugar";
    b.expect_error(LOGIN_PAGE, "own_account", confirm).await;
    assert_eq!(b.value("username").await, "aiden.n");
    b.check_spanish("the teen's confirmation missing", aiden)
        .await;

    b.choose(confirm_label).await;
    assert!(b.checked("own_account").await);
    b.retype("email", "linh.nguyen@example.com").await;
    b.click_button(CONTINUE).await;
    let parents_email = "Use su propio correo electrónico. Los adolescentes crean su propia \
                         cuenta con su propio correo electrónico, no con el de su padre, madre o \
                         tutor";
    b.expect_error(LOGIN_PAGE, "email", parents_email).await;
    b.check_spanish(
        "a teen using a parent's email",
        &["Aiden", "Nguyen", "aiden.n", "Linh"],
    )
    .await;

    b.retype("email", "aiden.own@example.com").await;
    if b.value("password").await.is_empty() {
        b.type_in("password", GOOD_PASSWORD).await;
    }
    if !b.checked("own_account").await {
        b.choose(confirm_label).await;
    }
    b.click_button(CONTINUE).await;
    b.wait_h1(CHECK_ANSWERS).await;
    assert_eq!(
        b.answer("Su propia cuenta").await,
        "Sí, soy Aiden y estoy creando mi propia cuenta"
    );
    b.check_spanish("a teen's check-answers page", aiden).await;
    b.click_button(CREATE_ACCOUNT).await;
    b.wait_h1(READY).await;
    let main = b.text("main").await;
    assert!(main.contains("Su cuenta es solo suya"), "{main}");
    assert!(
        main.contains("solo ve su nombre, su fecha de nacimiento y su número de expediente médico"),
        "{main}"
    );
    b.check_spanish("a teen's account is ready", aiden).await;
    b.close().await;
}

/// e. The proxy wizard: a mother asks for her daughter's record, with an
/// error on each question page, gets access by law and opens the record.
#[tokio::test]
async fn a_spanish_speaking_parent_gets_access_to_her_childs_record() {
    let (server, b) = start_in(SPANISH).await;
    spanish_account(&server, PARENT_MRN, "mei.chen").await;
    let lily = Dob::of(&server, CHILD_MRN).await;
    let aside = &["Mei", "Lily", "Chen", "mei.chen"];
    let hello = "Hola, Mei Chen";

    b.goto("/signin").await;
    b.sign_in_es("mei.chen", GOOD_PASSWORD, hello).await;
    b.check_spanish("Mei's home page", aside).await;
    b.click_link("Pedir acceso al expediente de otra persona")
        .await;
    b.wait_h1("Pida acceso al expediente de otra persona").await;
    b.wait_path("/proxy").await;
    b.check_spanish("the proxy start page", aside).await;
    b.click_link("Empezar").await;

    let person = "¿De quién es el expediente que quiere ver?";
    b.wait_h1(person).await;
    b.check_spanish("the whose-record page", aside).await;
    b.click_button(CONTINUE).await;
    b.expect_error(person, "first_name", "Escriba su nombre")
        .await;
    let items = b.wait_summary("Escriba su apellido").await;
    assert!(items.iter().any(|i| i == ENTER_DOB), "{items:?}");
    b.check_spanish("the whose-record page with nothing entered", aside)
        .await;
    b.type_in("first_name", "Lily").await;
    b.type_in("last_name", "Chen").await;
    b.type_in("dob-month", &lily.month).await;
    b.type_in("dob-day", &lily.day).await;
    b.type_in("dob-year", &lily.year).await;
    b.click_button(CONTINUE).await;

    let relationship = "¿Qué relación tiene con esa persona?";
    b.wait_h1(relationship).await;
    b.check_spanish("the relationship page", aside).await;
    b.click_button(CONTINUE).await;
    b.expect_error(
        relationship,
        "relationship",
        "Elija qué relación tiene con esa persona",
    )
    .await;
    b.check_spanish("the relationship page with nothing chosen", aside)
        .await;
    b.choose("Padre o madre").await;
    b.click_button(CONTINUE).await;

    b.wait_h1("Cuéntenos más").await;
    assert!(!b.exists("#document_reference").await);
    b.check_spanish("the details page", aside).await;
    b.click_button(CONTINUE).await;

    b.wait_h1(CHECK_ANSWERS).await;
    assert_eq!(b.answer("Nombre").await, "Lily Chen");
    assert_eq!(b.answer("Fecha de nacimiento").await, spanish_dob(&lily));
    assert_eq!(b.answer("Su relación").await, "Padre o madre");
    b.check_spanish("the proxy check page", aside).await;
    b.click_button("Enviar solicitud").await;

    b.wait_h1("Ahora puede ver el expediente de Lily Chen")
        .await;
    let main = b.text("main").await;
    assert!(
        main.contains("Usted figura en el expediente de Lily como su padre o madre"),
        "{main}"
    );
    b.check_spanish("access granted by law", aside).await;
    let language: String = server
        .query_one(
            "SELECT language FROM proxy_requests WHERE relationship = $1",
            "parent",
        )
        .await;
    assert_eq!(language, "es", "the request keeps its language");

    b.click_link("Vaya a su página de inicio").await;
    b.wait_h1(hello).await;
    b.click_link("Lily Chen").await;
    b.wait_h1("Expediente de Lily Chen").await;
    let main = b.text("main").await;
    assert!(
        main.contains("Está viendo el expediente de Lily Chen, no el suyo."),
        "{main}"
    );
    assert!(
        main.contains("Padre o madre, acceso completo hasta el"),
        "{main}"
    );
    b.check_spanish("a child's record opened by a parent", aside)
        .await;
    b.close().await;
}

/// f. The choice survives sign-in: an account made in Spanish, signed in
/// from a fresh English browser, gets its pages in Spanish (the server
/// hands the page the account's language and the page loads again in it),
/// and the browser keeps the choice in the language cookie.
#[tokio::test]
async fn an_account_made_in_spanish_signs_in_to_spanish_from_an_english_browser() {
    let (server, b) = start_in(SPANISH).await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    b.goto("/signup/code").await;
    b.wait_h1(CODE_PAGE).await;
    b.check_spanish("the access code page", &[]).await;
    b.enter_code_es(&code, &dob).await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button(CONTINUE).await;
    b.wait_h1(CHECK_ANSWERS).await;
    b.click_button(CREATE_ACCOUNT).await;
    b.wait_h1(READY).await;
    b.check_spanish("the account-ready page", MARIA).await;
    assert_eq!(b.cookie("frontdesk_lang").await, None, "nobody chose yet");
    b.close().await;

    let b = Browser::launch_in(&server.url, ENGLISH).await;
    b.goto("/signin").await;
    b.wait_h1("Sign in to the patient portal").await;
    let (lang, words) = b.page_words().await;
    assert_eq!(lang, "en", "an English browser's page");
    assert!(
        !english_words_in(&words, &[]).is_empty(),
        "the check finds the English of an English page: {words}"
    );
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Sign in").await;
    b.wait_h1(MARIA_HOME).await;
    b.wait_path("/home").await;
    b.check_spanish(
        "the home page after signing in from an English browser",
        MARIA,
    )
    .await;
    assert_eq!(b.cookie("frontdesk_lang").await.as_deref(), Some("es"));

    // A reload and another page stay in Spanish.
    b.c.refresh().await.expect("reload");
    b.wait_h1(MARIA_HOME).await;
    b.expect_no_english("the home page reloaded", MARIA).await;
    b.goto("/").await;
    b.wait_h1(START).await;
    b.expect_no_english("the start page, later", &[]).await;
    b.close().await;
}
