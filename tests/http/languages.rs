//! Languages over HTTP: each page comes in the reader's language (their
//! choice, else their browser's preference), its catalog is served for
//! good, the console stays in English, and server functions answer in the
//! caller's language.

use crate::common::*;
use reqwest::StatusCode;

fn require_dist() {
    assert!(
        dist_exists(),
        "dist/index.html is missing: run scripts/build.sh --web (scripts/test.sh does)"
    );
}

/// `GET path` with extra request headers.
async fn page(server: &TestServer, path: &str, headers: &[(&str, &str)]) -> reqwest::Response {
    let mut request = server.http.get(format!("{}{path}", server.url));
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    request.send().await.expect("the server answers")
}

/// The address of the catalog a page has the browser fetch.
fn catalog_address(html: &str) -> String {
    let start = html.find("href=\"/words/").expect("a catalog link") + "href=\"".len();
    let end = start + html[start..].find('"').unwrap();
    html[start..end].to_string()
}

#[tokio::test]
async fn a_browser_preferring_spanish_gets_spanish_pages() {
    require_dist();
    let server = TestServer::start().await;
    let response = page(
        &server,
        "/signup/code",
        &[("accept-language", "es-MX,es;q=0.9,en;q=0.5")],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let vary = response.headers()["vary"].to_str().unwrap().to_lowercase();
    assert!(
        vary.contains("cookie") && vary.contains("accept-language"),
        "{vary}"
    );
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"es\">"), "{html:.300}");
    assert!(html.contains("Cargando el portal del paciente"), "{html}");
    assert!(html.contains("Active JavaScript"), "{html}");
    assert!(!html.contains("Loading the patient portal"), "{html}");
    assert!(catalog_address(&html).starts_with("/words/es-"), "{html}");

    // No preference Front Desk speaks: English.
    let html = page(
        &server,
        "/signup/code",
        &[("accept-language", "fr-CA, de;q=0.5")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Loading the patient portal"));
    assert_eq!(
        html.matches("id=\"app-loading\"").count(),
        1,
        "one shell: {html}"
    );
}

#[tokio::test]
async fn a_choice_outweighs_the_browser_and_is_remembered() {
    require_dist();
    let server = TestServer::start().await;
    // A chosen English beats a Spanish browser.
    let html = page(
        &server,
        "/",
        &[("accept-language", "es"), ("cookie", "frontdesk_lang=en")],
    )
    .await
    .text()
    .await
    .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    // The language link without the app: `?lang=es` answers in Spanish and
    // remembers it for a year.
    let response = page(&server, "/signin?lang=es", &[]).await;
    let cookie = response.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(cookie.starts_with("frontdesk_lang=es;"), "{cookie}");
    assert!(
        cookie.contains("Max-Age=31536000") && cookie.contains("Path=/"),
        "{cookie}"
    );
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("<html lang=\"es\">")
    );
    // An unknown language is no choice.
    let response = page(&server, "/signin?lang=xx", &[]).await;
    assert!(response.headers().get("set-cookie").is_none());
}

#[tokio::test]
async fn the_console_stays_in_english() {
    require_dist();
    let server = TestServer::start().await;
    let html = page(&server, "/staff", &[("cookie", "frontdesk_lang=es")])
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(catalog_address(&html).starts_with("/words/en-"));
}

#[tokio::test]
async fn catalogs_are_served_for_good_and_only_this_builds() {
    require_dist();
    let server = TestServer::start().await;
    let html = page(&server, "/", &[("accept-language", "es")])
        .await
        .text()
        .await
        .unwrap();
    let address = catalog_address(&html);
    let response = page(&server, &address, &[("accept-encoding", "br")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(
        response.headers()["content-type"],
        "text/plain; charset=utf-8"
    );
    assert_eq!(response.headers()["content-encoding"], "br");
    let compressed = response.bytes().await.unwrap();
    let catalog = page(&server, &address, &[]).await.text().await.unwrap();
    // The words themselves, at brotli's best quality, as the apps' files
    // are (on-the-fly compression's default left a seventh more).
    let mut unpacked = Vec::new();
    brotli::BrotliDecompress(&mut compressed.as_ref(), &mut unpacked).unwrap();
    assert_eq!(String::from_utf8(unpacked).unwrap(), catalog);
    let mut best = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut catalog.as_bytes(), &mut best, &params).unwrap();
    assert_eq!(compressed.len(), best.len());
    let refused = page(&server, &address, &[("accept-encoding", "br;q=0, gzip")]).await;
    assert!(refused.headers().get("content-encoding").is_none());
    assert!(catalog.contains("Portal del Paciente"), "{catalog:.200}");
    assert!(!catalog.contains("Patient Portal"));
    // Another build's words (another hash) are not here.
    let other = address.replace("/words/es-", "/words/es-0");
    assert_eq!(
        page(&server, &other, &[]).await.status(),
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        page(&server, "/words/fr-0.txt", &[]).await.status(),
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn server_functions_answer_in_the_callers_language() {
    let server = TestServer::start().await;
    for (headers, expected) in [
        (
            vec![("accept-language", "es-US")],
            "No se pudo leer la solicitud.",
        ),
        (
            vec![("cookie", "frontdesk_lang=es")],
            "No se pudo leer la solicitud.",
        ),
        (vec![], "The request could not be read."),
    ] {
        let mut request = server
            .http
            .post(format!("{}/api/signup/code/verify", server.url))
            .header("content-type", "application/json")
            .body("{\"input\": 7}");
        for (name, value) in &headers {
            request = request.header(*name, *value);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(
            body["bad_request"]["message"], expected,
            "{headers:?}: {body}"
        );
    }
}

#[tokio::test]
async fn language_help_is_offered_in_fifteen_languages() {
    require_dist();
    let server = TestServer::start().await;
    let response = page(&server, "/language-help", &[("accept-language", "es")]).await;
    assert_eq!(response.status(), StatusCode::OK);
    let html = response.text().await.unwrap();
    assert!(html.contains("<html lang=\"es\">"), "{html:.200}");
    assert!(
        html.contains("<h1 class=\"heading-l\">Ayuda con el idioma</h1>"),
        "{html}"
    );
    let items: Vec<&str> = html
        .split("<li class=\"language-help__item\"")
        .skip(1)
        .collect();
    assert_eq!(items.len(), 15, "{html}");
    for code in [
        "es", "zh-Hant", "vi", "tl", "ko", "ru", "ar", "ht", "fr", "pt", "pl", "ja", "it", "de",
        "fa",
    ] {
        let item = items
            .iter()
            .find(|i| i.starts_with(&format!(" lang=\"{code}\"")))
            .unwrap_or_else(|| panic!("no sentence in {code}"));
        assert!(item.contains("href=\"tel:+18556679704\""), "{code}: {item}");
        let rtl = code == "ar" || code == "fa";
        assert_eq!(item.contains("dir=\"rtl\""), rtl, "{code}: {item}");
    }
    // It carries the site's stylesheet and no script.
    assert!(html.contains("rel=stylesheet") || html.contains("rel=\"stylesheet\""));
    assert!(!html.contains("<script"));
}
