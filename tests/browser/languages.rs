//! Choosing a language: the link in every patient page's header switches
//! the page at once, keeps what was typed, and is remembered across a
//! reload; `<html lang>` follows; the language-help page is a footer link
//! away.

use crate::driver::*;
use serde_json::json;

impl Browser {
    async fn page_language(&self) -> String {
        self.js("return document.documentElement.lang", vec![])
            .await
            .as_str()
            .unwrap_or_default()
            .to_string()
    }

    /// Waits until the page is drawn in `code` (its header names the service).
    async fn wait_language(&self, code: &str, service: &str) {
        self.wait_js(
            &format!("the page in {code}"),
            "return document.documentElement.lang === arguments[0] && \
             document.querySelector('.header__service')?.textContent === arguments[1]",
            vec![json!(code), json!(service)],
        )
        .await;
    }
}

#[tokio::test]
async fn switching_language_keeps_what_was_typed_and_is_remembered() {
    let (_server, b) = start().await;
    b.goto("/signup/code").await;
    b.wait_h1("Enter your access code").await;
    assert_eq!(b.page_language().await, "en");
    b.type_in("code", "ABCD-EFGH-JKLM").await;
    b.type_in("dob-month", "3").await;
    b.type_in("dob-day", "27").await;

    b.click_link("Español").await;
    b.wait_language("es", "Portal del Paciente").await;
    assert_eq!(b.value("code").await, "ABCD-EFGH-JKLM");
    assert_eq!(b.value("dob-month").await, "3");
    assert_eq!(b.value("dob-day").await, "27");
    let labels = b
        .js(
            "return Array.from(document.querySelectorAll('.date-input__label')).map(l => l.textContent)",
            vec![],
        )
        .await;
    assert_eq!(labels, json!(["Mes", "Día", "Año"]));
    assert!(b.text("footer").await.contains("¿Necesita ayuda?"));
    // Focus stays on the language link (now "English"), for keyboard users.
    b.wait_focus("language-link").await;
    b.axe("a page switched to Spanish").await;

    // What was typed after the switch is kept too, and the choice outlives
    // a reload.
    b.type_in("dob-year", "1984").await;
    b.c.refresh().await.expect("reload");
    b.wait_language("es", "Portal del Paciente").await;
    assert_eq!(b.value("dob-year").await, "1984");
    assert_eq!(b.value("code").await, "ABCD-EFGH-JKLM");

    b.click_link("English").await;
    b.wait_language("en", "Patient Portal").await;
    assert_eq!(b.value("dob-year").await, "1984");
    b.close().await;
}

#[tokio::test]
async fn the_footer_leads_to_language_help() {
    let (_server, b) = start().await;
    b.goto("/").await;
    // The app, not only the page the server writes before it starts.
    b.wait_h1("Get your new patient portal account").await;
    b.wait_language("en", "Patient Portal").await;
    b.click_link("Language help").await;
    b.wait_h1("Language help").await;
    let sentences = b
        .js(
            "return Array.from(document.querySelectorAll('.language-help__item')).map(i => i.lang)",
            vec![],
        )
        .await;
    assert_eq!(sentences.as_array().map(Vec::len), Some(15), "{sentences}");
    b.axe("the language-help page").await;
    b.close().await;
}
