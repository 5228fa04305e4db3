//! Nothing a client sends may produce a 5xx or stop the server: random,
//! malformed, wrongly-typed and oversized bodies to every server function.
#![cfg(feature = "ssr")]

mod common;

use common::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use serde_json::{Value, json};

const ENDPOINTS: &[&str] = &[
    "signup/code/verify",
    "signup/code/check-login",
    "signup/code/create-account",
    "signup/verify/details",
    "signup/verify/email-code",
    "signup/status",
    "signup/new-code",
    "records-request",
];

async fn post_raw(
    server: &TestServer,
    endpoint: &str,
    content_type: &str,
    body: Vec<u8>,
) -> StatusCode {
    server
        .http
        .post(format!("{}/api/{endpoint}", server.url))
        .header("content-type", content_type)
        .body(body)
        .send()
        .await
        .expect("the server answers")
        .status()
}

fn random_json(rng: &mut StdRng, depth: u32) -> Value {
    match rng.gen_range(0..if depth > 3 { 5 } else { 8 }) {
        0 => Value::Null,
        1 => json!(rng.r#gen::<bool>()),
        2 => json!(rng.r#gen::<i64>()),
        3 => json!(rng.r#gen::<f64>()),
        4 => {
            let len = rng.gen_range(0..40);
            json!((0..len).map(|_| rng.r#gen::<char>()).collect::<String>())
        }
        5 => Value::Array(
            (0..rng.gen_range(0..4))
                .map(|_| random_json(rng, depth + 1))
                .collect(),
        ),
        _ => {
            let keys = [
                "input", "code", "login", "dob", "month", "day", "year", "username", "password",
                "email", "x",
            ];
            let mut map = serde_json::Map::new();
            for _ in 0..rng.gen_range(0..5) {
                map.insert(
                    keys[rng.gen_range(0..keys.len())].to_string(),
                    random_json(rng, depth + 1),
                );
            }
            Value::Object(map)
        }
    }
}

#[tokio::test]
async fn hostile_bodies_never_cause_a_server_error() {
    let server = TestServer::start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    let mut rng = StdRng::seed_from_u64(20261130);
    let fixed: Vec<(&str, Vec<u8>)> = vec![
        ("application/json", b"".to_vec()),
        ("application/json", b"{".to_vec()),
        ("application/json", b"null".to_vec()),
        ("application/json", b"[]".to_vec()),
        ("application/json", b"{\"input\": 42}".to_vec()),
        ("application/json", b"{\"code\": [], \"login\": {}}".to_vec()),
        ("application/json", "[".repeat(10_000).into_bytes()),
        ("application/json", vec![0xff, 0xfe, 0x00, 0x01]),
        ("application/x-www-form-urlencoded", b"input=1&code=2".to_vec()),
        ("text/plain", b"hello".to_vec()),
        ("application/json", json!({ "input": { "code": code, "dob": { "month": 3 } } }).to_string().into_bytes()),
        ("application/json", json!({ "input": { "code": "x".repeat(60_000), "dob": dob } }).to_string().into_bytes()),
        (
            "application/json",
            json!({ "code": { "code": code, "dob": dob }, "login": { "username": "u".repeat(20_000), "password": "p".repeat(30_000), "email": "e" } })
                .to_string()
                .into_bytes(),
        ),
    ];
    for endpoint in ENDPOINTS {
        for (content_type, body) in &fixed {
            let status = post_raw(&server, endpoint, content_type, body.clone()).await;
            assert!(
                status.is_client_error(),
                "{endpoint} {content_type} {:?}: {status}",
                String::from_utf8_lossy(&body[..body.len().min(80)])
            );
        }
        for _ in 0..150 {
            let body = match rng.gen_range(0..3) {
                0 => (0..rng.gen_range(0..200))
                    .map(|_| rng.r#gen::<u8>())
                    .collect(),
                _ => random_json(&mut rng, 0).to_string().into_bytes(),
            };
            let status = post_raw(&server, endpoint, "application/json", body.clone()).await;
            assert!(
                status.as_u16() < 500,
                "{endpoint} {:?}: {status}",
                String::from_utf8_lossy(&body)
            );
        }
    }
    assert!(server.healthy().await);
    // Oversized fields are refused before any rule runs, naming the field.
    let (status, body) = server
        .call(
            "signup/code/verify",
            json!({ "input": { "code": "x".repeat(60_000), "dob": dob } }),
        )
        .await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        body["invalid"]["errors"][0],
        json!({ "field": "code", "message": "This answer is too long" })
    );
    // And the real flow still works afterwards.
    let (status, _) = server
        .call(
            "signup/code/verify",
            json!({ "input": code_entry(&code, &dob) }),
        )
        .await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn bodies_over_64_kib_are_refused_with_413() {
    let server = TestServer::start().await;
    let big = json!({ "input": { "code": "x".repeat(70 * 1024), "dob": {} } })
        .to_string()
        .into_bytes();
    // Read to the end, then refused: the client always gets the 413, and
    // the connection stays usable (several rounds on pooled connections).
    for _ in 0..3 {
        for endpoint in ENDPOINTS {
            assert_eq!(
                post_raw(&server, endpoint, "application/json", big.clone()).await,
                StatusCode::PAYLOAD_TOO_LARGE
            );
        }
    }
    // Without a Content-Length (chunked), the limit holds too.
    assert_eq!(
        post_chunked(&server, "/api/signup/code/verify", &big).await,
        413
    );
    assert!(server.healthy().await);
}

/// Sends `body` with chunked transfer encoding over a raw connection and
/// returns the response's status code.
async fn post_chunked(server: &TestServer, path: &str, body: &[u8]) -> u16 {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let host = server.url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(host).await.expect("connect");
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
         Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    for chunk in body.chunks(8192) {
        // The server may answer and close before the whole body is sent.
        if stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .await
            .is_err()
            || stream.write_all(chunk).await.is_err()
            || stream.write_all(b"\r\n").await.is_err()
        {
            break;
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n").await;
    let mut response = Vec::new();
    let _ = stream.read_to_end(&mut response).await;
    let text = String::from_utf8_lossy(&response);
    text.split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status line")
}

#[tokio::test]
async fn wrong_methods_and_unknown_functions_are_client_errors() {
    let server = TestServer::start().await;
    for endpoint in ENDPOINTS {
        let status = server.get(&format!("/api/{endpoint}")).await.status();
        assert!(status.is_client_error(), "GET {endpoint}: {status}");
    }
    let status = post_raw(
        &server,
        "no/such/function",
        "application/json",
        b"{}".to_vec(),
    )
    .await;
    assert!(status.is_client_error(), "{status}");
}

#[tokio::test]
async fn other_sites_cannot_call_server_functions() {
    let server = TestServer::start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = server.dob_of(ADULT_MRN).await;
    let body = json!({ "input": code_entry(&code, &dob) });
    let send = |origin: Option<&'static str>, site: Option<&'static str>| {
        let mut request = server
            .http
            .post(format!("{}/api/signup/code/verify", server.url))
            .json(&body);
        if let Some(origin) = origin {
            request = request.header("origin", origin);
        }
        if let Some(site) = site {
            request = request.header("sec-fetch-site", site);
        }
        request.send()
    };
    assert_eq!(
        send(Some("https://evil.example"), None)
            .await
            .unwrap()
            .status(),
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        send(None, Some("cross-site")).await.unwrap().status(),
        StatusCode::FORBIDDEN
    );
    let own: &'static str = Box::leak(server.url.clone().into_boxed_str());
    assert_eq!(
        send(Some(own), Some("same-origin")).await.unwrap().status(),
        StatusCode::OK
    );
}
