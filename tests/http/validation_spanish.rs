//! The shared rules' messages in Spanish: a caller who chose Spanish
//! (`frontdesk_lang=es`) hears what is wrong with each answer in Spanish,
//! from the same checks that answer in English otherwise.

use crate::common::*;
use reqwest::StatusCode;
use serde_json::{Value, json};

const SPANISH: Option<&str> = Some("frontdesk_lang=es");

/// Each field error as (field, message).
fn errors(body: &Value) -> Vec<(String, String)> {
    body["invalid"]["errors"]
        .as_array()
        .unwrap_or_else(|| panic!("field errors: {body}"))
        .iter()
        .map(|e| {
            (
                e["field"].as_str().unwrap().to_string(),
                e["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    expected
        .iter()
        .map(|(f, m)| (f.to_string(), m.to_string()))
        .collect()
}

#[tokio::test]
async fn the_no_code_sign_ups_details_are_checked_in_spanish() {
    let server = TestServer::start().await;
    let details = json!({
        "first_name": "R2D2", "middle_name": "", "last_name": "",
        "dob": { "month": "4", "day": "", "year": "" },
        "legal_sex": "", "street": "", "city": "Albany", "state": "XX", "zip": "1220",
        "mobile_phone": "555-0100", "email": "pat@example",
    });
    let body = json!({ "details": details });
    let (status, spanish, _) = server
        .call_with_cookie("signup/verify/details", body.clone(), SPANISH)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{spanish}");
    assert_eq!(
        errors(&spanish),
        pairs(&[
            (
                "first_name",
                "El nombre solo puede incluir letras, espacios, guiones, apóstrofos y puntos"
            ),
            ("last_name", "Escriba su apellido"),
            ("dob", "La fecha de nacimiento debe incluir el día y el año"),
            (
                "legal_sex",
                "Seleccione su sexo legal tal como aparece en su expediente médico"
            ),
            ("street", "Escriba su dirección"),
            ("state", "Seleccione su estado"),
            (
                "zip",
                "Escriba un código postal de 5 dígitos, por ejemplo, 12207, o un código ZIP+4, por ejemplo, 12207-1234"
            ),
            (
                "mobile_phone",
                "Escriba un número de teléfono de EE. UU. de 10 dígitos, por ejemplo, (555) 555-0100"
            ),
            (
                "email",
                "Escriba un correo electrónico con el formato correcto, por ejemplo, nombre@example.com"
            ),
        ])
    );
    assert_eq!(
        spanish["invalid"]["errors"][2]["parts"],
        json!(["day", "year"])
    );

    // The same answers from an English reader: the same checks, in English.
    let (_, english, _) = server
        .call_with_cookie("signup/verify/details", body, None)
        .await;
    let english = errors(&english);
    assert_eq!(english.len(), 9, "{english:?}");
    assert_eq!(english[1].1, "Enter your last name");
    assert_eq!(english[2].1, "Date of birth must include a day and a year");
    assert_eq!(english[5].1, "Select your state");
}

#[tokio::test]
async fn a_records_request_is_checked_in_spanish() {
    let server = TestServer::start().await;
    let (status, body, _) = server
        .call_with_cookie("records-request", json!({ "request": {} }), SPANISH)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    let found = errors(&body);
    assert_eq!(found[0], pairs(&[("first_name", "Escriba su nombre")])[0]);
    assert_eq!(
        found[2],
        pairs(&[("dob", "Escriba su fecha de nacimiento")])[0]
    );
    assert_eq!(
        found[4],
        pairs(&[("city", "Escriba su ciudad o pueblo")])[0]
    );
    assert_eq!(found[6], pairs(&[("zip", "Escriba su código postal")])[0]);

    let request = json!({
        "first_name": "Harold", "middle_name": "J4", "last_name": "Brooks",
        "dob": { "month": "3", "day": "9", "year": "1843" },
        "street": "12 Park Pl", "city": "Albany", "state": "NY", "zip": "12207-12", "phone": "555 555 0123",
        "records_wanted": "Lab results",
        "from": { "month": "2", "day": "30", "year": "2025" }, "to": { "month": "12", "day": "", "year": "2025" },
        "delivery": "mail", "signature": "Harold Brooks",
    });
    let (status, body, _) = server
        .call_with_cookie("records-request", json!({ "request": request }), SPANISH)
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        pairs(&[
            (
                "middle_name",
                "El segundo nombre solo puede incluir letras, espacios, guiones, apóstrofos y puntos"
            ),
            (
                "dob",
                "La fecha de nacimiento debe ser el 1 de enero de 1900 o posterior"
            ),
            (
                "zip",
                "Escriba un código postal de 5 dígitos, por ejemplo, 12207, o un código ZIP+4, por ejemplo, 12207-1234"
            ),
            ("from", "La primera fecha debe ser una fecha válida"),
            ("to", "La última fecha debe incluir el día"),
        ])
    );

    // Far longer than any rule accepts: refused before the rules run.
    let (status, body, _) = server
        .call_with_cookie(
            "records-request",
            json!({ "request": { "first_name": "a".repeat(300) } }),
            SPANISH,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        pairs(&[("first_name", "Esta respuesta es demasiado larga")])
    );
}

#[tokio::test]
async fn access_codes_and_new_logins_are_checked_in_spanish() {
    let server = TestServer::start().await;
    let dob = server.dob_of(ADULT_MRN).await;
    let (status, body, _) = server
        .call_with_cookie(
            "signup/code/verify",
            json!({ "input": code_entry("ABCDE-FGHJK", &json!({})) }),
            SPANISH,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        pairs(&[
            (
                "code",
                "El código de acceso debe tener 15 letras y números. Usted escribió 10"
            ),
            ("dob", "Escriba su fecha de nacimiento"),
        ])
    );

    let code = server.issue_code(ADULT_MRN);
    let (status, body, _) = server
        .call_with_cookie(
            "signup/code/check-login",
            json!({
                "code": code_entry(&code, &dob),
                "login": login("m g!", "garcia river stones", "maria@@example.com"),
            }),
            SPANISH,
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
    assert_eq!(
        errors(&body),
        pairs(&[
            (
                "username",
                "El nombre de usuario solo puede incluir letras, números, puntos (.), guiones (-) y guiones bajos (_)"
            ),
            ("password", "La contraseña no debe contener su nombre"),
            (
                "email",
                "Escriba un correo electrónico con el formato correcto, por ejemplo, nombre@example.com"
            ),
        ])
    );
}
