//! The server as a web server: health, the built app, client routes, missing
//! files, caching, compression and the security headers.

use crate::common::*;
use base64::Engine;
use reqwest::StatusCode;
use sha2::{Digest, Sha256};

fn require_dist() {
    assert!(
        dist_exists(),
        "dist/index.html is missing: run scripts/build.sh --web (scripts/test.sh does)"
    );
}

#[tokio::test]
async fn health_check_answers() {
    let server = TestServer::start().await;
    let response = server.get("/healthz").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.text().await.unwrap(), "ok\n");
}

#[tokio::test]
async fn client_routes_get_the_app_and_its_strict_policy() {
    require_dist();
    let server = TestServer::start().await;
    for path in ["/", "/signup/code", "/signup/code/login", "/no/such/page"] {
        let response = server.get(path).await;
        let found = if path == "/no/such/page" {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(response.status(), found, "{path}");
        let headers = response.headers().clone();
        assert_eq!(headers["content-type"], "text/html; charset=utf-8");
        assert_eq!(headers["cache-control"], "no-cache");
        assert_eq!(headers["referrer-policy"], "no-referrer");
        assert_eq!(headers["x-content-type-options"], "nosniff");
        let csp = headers["content-security-policy"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(
            csp.contains("frame-ancestors 'none'") && csp.contains("'wasm-unsafe-eval'"),
            "{csp}"
        );
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        // Exactly the inline loader script is allowed, by hash.
        let html = response.text().await.unwrap();
        let start = html.find("<script type=module>").expect("Trunk's loader")
            + "<script type=module>".len();
        let end = start + html[start..].find("</script>").unwrap();
        let hash = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(&html.as_bytes()[start..end]));
        assert!(csp.contains(&format!("'sha256-{hash}'")), "{csp}");
    }
}

#[tokio::test]
async fn built_files_are_cached_compressed_and_missing_ones_are_404() {
    require_dist();
    let server = TestServer::start().await;
    let wasm = std::fs::read_dir(repo_dir().join("dist"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|n| n.ends_with("_bg.wasm"))
        .expect("a wasm file in dist");
    let response = server
        .http
        .get(format!("{}/{wasm}", server.url))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()["cache-control"],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.headers()["content-type"], "application/wasm");
    assert_eq!(response.headers()["content-encoding"], "br");

    let response = server.get("/favicon.svg").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-cache");

    for missing in [
        "/missing.js",
        "/frontdesk-web-0000000000000000_bg.wasm",
        "/signup/code/x.png",
    ] {
        let response = server.get(missing).await;
        assert_eq!(response.status(), StatusCode::NOT_FOUND, "{missing}");
        assert!(response.text().await.unwrap().contains("Page not found"));
    }
}

#[tokio::test]
async fn the_common_password_list_is_served_compressed() {
    let server = TestServer::start().await;
    let response = server
        .http
        .get(format!("{}/common-passwords.txt", server.url))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let plain = server
        .get("/common-passwords.txt")
        .await
        .text()
        .await
        .unwrap();
    assert!(plain.lines().count() > 5_000);
    assert!(plain.lines().any(|l| l == "passwordpassword"));
}

#[tokio::test]
async fn api_answers_are_never_cached() {
    let server = TestServer::start().await;
    let (status, _) = server
        .call("signup/code/verify", serde_json::json!({ "input": {} }))
        .await;
    assert!(status.is_client_error());
    let response = server
        .http
        .post(format!("{}/api/signup/code/verify", server.url))
        .json(&serde_json::json!({ "input": { "code": "", "dob": {} } }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.headers()["cache-control"], "no-store");
}

#[tokio::test]
async fn each_app_serves_its_own_routes_and_the_policy_allows_every_loader() {
    require_dist();
    let server = TestServer::start().await;
    let cases = [
        ("/", "/frontdesk-web-"),
        ("/signup/code/login", "/frontdesk-web-"),
        ("/signup/verify", "/verify/frontdesk-web-verify-"),
        ("/signup/verify/check", "/verify/frontdesk-web-verify-"),
        ("/signup/status", "/help/frontdesk-web-help-"),
        ("/signup/new-code", "/help/frontdesk-web-help-"),
        (
            "/records-request",
            "/records-request/frontdesk-web-records-request-",
        ),
        (
            "/records-request/sent",
            "/records-request/frontdesk-web-records-request-",
        ),
        ("/signup/new-code/sent", "/help/frontdesk-web-help-"),
        ("/teen", "/help/frontdesk-web-help-"),
        ("/records/3", "/records/frontdesk-web-records-"),
        ("/proxy/check", "/proxy/frontdesk-web-proxy-"),
        // Not an app's route prefix, only a similar name: the main app's
        // page-not-found page, with the status 404.
        ("/signup/verifyx", "/frontdesk-web-"),
    ]
    .map(|(path, loader)| (path.to_owned(), loader.to_owned()));
    // And every route prefix of the table gets the page of its app, built
    // from the binary the table names.
    let from_table = frontdesk::routes::APPS.iter().flat_map(|app| {
        let loader = match app.folder {
            "" => format!("/{}-", app.binary),
            folder => format!("/{folder}/{}-", app.binary),
        };
        app.routes
            .iter()
            .map(move |route| (route.to_string(), loader.clone()))
    });
    let csp = server.get("/").await.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_string();
    for (path, loader) in cases.into_iter().chain(from_table) {
        let response = server.get(&path).await;
        let expected = if path == "/signup/verifyx" {
            StatusCode::NOT_FOUND
        } else {
            StatusCode::OK
        };
        assert_eq!(response.status(), expected, "{path}");
        let html = response.text().await.unwrap();
        assert!(
            html.contains(&format!("from '{loader}")),
            "{path} should load {loader}"
        );
        // The site settings are written into every page.
        assert!(html.contains("name=\"frontdesk-settings\""), "{path}");
        assert!(html.contains("855-667-9704"), "{path}");
        let start = html.find("<script type=module>").unwrap() + "<script type=module>".len();
        let end = start + html[start..].find("</script>").unwrap();
        let hash = base64::engine::general_purpose::STANDARD
            .encode(Sha256::digest(&html.as_bytes()[start..end]));
        assert!(
            csp.contains(&hash),
            "{path}: the policy must allow its loader"
        );
    }
}

#[tokio::test]
async fn the_help_desk_number_is_configuration() {
    require_dist();
    let server = TestServer::start_with(&["--help-desk-phone", "800-555-0199"]).await;
    let html = server.get("/signup/status").await.text().await.unwrap();
    assert!(html.contains("800-555-0199"));
    assert!(!html.contains("855-667-9704"));
}

#[tokio::test]
async fn every_page_shows_a_loading_line_and_without_javascript_the_number_to_call() {
    require_dist();
    let server = TestServer::start().await;
    for app in frontdesk::routes::APPS {
        let html = server.get(app.routes[0]).await.text().await.unwrap();
        let route = app.routes[0];
        assert!(html.contains("Loading the patient portal"), "{route}");
        let noscript = &html[html.find("<noscript>").expect("a noscript")..];
        let noscript = &noscript[..noscript.find("</noscript>").unwrap()];
        assert!(
            noscript.contains("Turn on JavaScript"),
            "{route}: {noscript}"
        );
        assert!(
            noscript.contains("href=\"tel:+18556679704\""),
            "{route}: the help desk's number dials: {noscript}"
        );
    }
}

#[tokio::test]
async fn a_bad_state_policy_table_stops_the_server_at_start() {
    let dir = tempfile::tempdir().unwrap();
    let table = dir.path().join("policy.csv");
    std::fs::write(
        &table,
        "state,age_of_majority,teen_from,teen_to,parent_teen_scope,renewal_days,utc_offset,dst\n\
         *,18,14,17,limited,365,-5,yes\nAL,19,14,19,limited,365,-6,yes\n",
    )
    .unwrap();
    let output = std::process::Command::new(SERVER)
        .args(["--database", dir.path().join("db.sqlite").to_str().unwrap()])
        .args([
            "--listen",
            "127.0.0.1:0",
            "--state-policy",
            table.to_str().unwrap(),
        ])
        .env("RUST_LOG", "warn")
        .output()
        .expect("runs");
    assert!(!output.status.success());
    let said = String::from_utf8_lossy(&output.stderr);
    assert!(
        said.contains("state policy table: line 3: the teen band"),
        "{said}"
    );
}
