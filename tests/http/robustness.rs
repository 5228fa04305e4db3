//! Nothing a client sends may produce a 5xx or stop the server: random,
//! malformed, wrongly-typed and oversized bodies to every server function.

use crate::common::*;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use reqwest::StatusCode;
use serde_json::{Value, json};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// The sign-up flows' functions, which the fixed hostile bodies below are
/// written for.
const FLOW_ENDPOINTS: &[&str] = &[
    "signup/code/verify",
    "signup/code/check-login",
    "signup/code/create-account",
    "signup/verify/details",
    "signup/verify/email-code",
    "signup/status",
    "signup/new-code",
    "records-request",
];

/// Every server function the server registers, read from the registry the
/// server itself answers from, so a new function cannot be missed.
fn every_endpoint() -> Vec<String> {
    frontdesk::api::register_server_functions();
    let mut endpoints: Vec<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            assert_eq!(method.as_str(), "POST", "{path}");
            path.strip_prefix("/api/")
                .unwrap_or_else(|| panic!("{path} is not under /api"))
                .to_string()
        })
        .collect();
    endpoints.sort();
    endpoints.dedup();
    assert!(
        endpoints.len() >= 41,
        "only {} server functions registered: {endpoints:?}",
        endpoints.len()
    );
    for known in FLOW_ENDPOINTS.iter().chain(&[
        "signin",
        "home",
        "recover/reset",
        "staff/audit",
        "records/open",
    ]) {
        assert!(
            endpoints.iter().any(|e| e == known),
            "{known} missing from {endpoints:?}"
        );
    }
    endpoints
}

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
    for endpoint in FLOW_ENDPOINTS {
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

/// Bodies each server function gets in `every_function_survives_random_bodies`.
const BODIES_PER_FUNCTION: usize = 500;
/// Requests in flight at once: enough to overlap, few enough for two cores.
const IN_FLIGHT: usize = 6;
/// Sign-outs would end the sessions the other requests share, so they are
/// sent without one.
const ENDS_THE_SESSION: &[&str] = &["signout", "signout-everywhere", "staff/signout"];
/// The functions' argument names.
const ARGUMENTS: &[&str] = &[
    "input",
    "code",
    "login",
    "details",
    "request",
    "lookup",
    "change",
    "credentials",
    "setup",
    "query",
    "filter",
    "decision",
    "status",
    "channel",
    "patient_id",
    "code_id",
    "grant_id",
    "reference",
    "approve",
];
/// The names the functions' arguments and their fields use, so that random
/// bodies get past the first level of decoding.
const KEYS: &[&str] = &[
    "input",
    "code",
    "login",
    "details",
    "request",
    "lookup",
    "change",
    "credentials",
    "setup",
    "query",
    "filter",
    "decision",
    "status",
    "channel",
    "patient_id",
    "code_id",
    "grant_id",
    "reference",
    "approve",
    "username",
    "password",
    "email",
    "current",
    "new",
    "dob",
    "month",
    "day",
    "year",
    "first_name",
    "middle_name",
    "last_name",
    "legal_sex",
    "street",
    "city",
    "state",
    "zip",
    "mobile_phone",
    "phone",
    "own_account",
    "relationship",
    "scope",
    "ends_on",
    "reason",
    "sort",
    "descending",
    "actor",
    "action",
    "from",
    "to",
    "x",
];
const CONTENT_TYPES: &[&str] = &[
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "application/cbor",
    "application/octet-stream",
    "application/json; charset=utf-16",
    "",
];

fn random_text(rng: &mut StdRng) -> String {
    let len = match rng.gen_range(0..10) {
        0 => rng.gen_range(1_000..20_000),
        _ => rng.gen_range(0..40),
    };
    let pieces = [
        "a",
        "Z",
        "0",
        "-",
        "@",
        "é",
        "ß",
        "𝔘",
        "👩‍⚕️",
        "\u{202e}",
        "\u{0}",
        "\n",
        "'",
        "\"",
        "%",
        "<b>",
    ];
    (0..len)
        .map(|_| match rng.gen_range(0..3) {
            0 => rng.r#gen::<char>().to_string(),
            _ => pieces[rng.gen_range(0..pieces.len())].to_string(),
        })
        .collect()
}

fn random_value(rng: &mut StdRng, depth: u32) -> Value {
    match rng.gen_range(0..if depth > 4 { 6 } else { 9 }) {
        0 => Value::Null,
        1 => json!(rng.r#gen::<bool>()),
        // Ids near the ones that exist, and the extremes.
        2 => match rng.gen_range(0..3) {
            0 => json!([i64::MIN, i64::MAX, 0, -1, 100_001][rng.gen_range(0..5)]),
            _ => json!(rng.gen_range(-2..200)),
        },
        3 => json!(rng.r#gen::<i64>()),
        4 => json!([u64::MAX, 1 << 53][rng.gen_range(0..2)]),
        5 => json!([1e308, -0.0, 5e-324, 0.5, rng.r#gen::<f64>()][rng.gen_range(0..5)]),
        6 => json!(random_text(rng)),
        7 => Value::Array(
            (0..rng.gen_range(0..5))
                .map(|_| random_value(rng, depth + 1))
                .collect(),
        ),
        _ => random_object(rng, depth + 1),
    }
}

fn random_object(rng: &mut StdRng, depth: u32) -> Value {
    let mut map = serde_json::Map::new();
    for _ in 0..rng.gen_range(0..6) {
        let key = match rng.gen_range(0..8) {
            0 => random_text(rng),
            _ => KEYS[rng.gen_range(0..KEYS.len())].to_string(),
        };
        map.insert(key, random_value(rng, depth));
    }
    Value::Object(map)
}

/// One hostile request: its content type and body, drawn from `rng`.
fn hostile_body(rng: &mut StdRng) -> (&'static str, Vec<u8>) {
    let json = "application/json";
    match rng.gen_range(0..16) {
        // Objects naming real arguments, with values of every type.
        0..=4 => (json, random_object(rng, 0).to_string().into_bytes()),
        14 | 15 => {
            let mut body = serde_json::Map::new();
            for _ in 0..rng.gen_range(1..3) {
                let argument = ARGUMENTS[rng.gen_range(0..ARGUMENTS.len())];
                body.insert(argument.to_string(), random_value(rng, 1));
            }
            (json, Value::Object(body).to_string().into_bytes())
        }
        5 => (json, random_value(rng, 0).to_string().into_bytes()),
        // Malformed JSON: cut short, or with a stray byte.
        6 => {
            let mut text = random_object(rng, 0).to_string().into_bytes();
            let at = rng.gen_range(0..=text.len());
            if rng.r#gen::<bool>() {
                text.truncate(at);
            } else {
                text.insert(at, rng.r#gen::<u8>());
            }
            (json, text)
        }
        7 => (
            json,
            (0..rng.gen_range(0..300))
                .map(|_| rng.r#gen::<u8>())
                .collect(),
        ),
        // Deep nesting.
        8 => {
            let open = ["[", "{\"input\":"][rng.gen_range(0..2)];
            (json, open.repeat(rng.gen_range(100..20_000)).into_bytes())
        }
        9 => {
            let form: Vec<String> = (0..rng.gen_range(0..6))
                .map(|_| {
                    format!(
                        "{}={}",
                        KEYS[rng.gen_range(0..KEYS.len())],
                        rng.r#gen::<u32>()
                    )
                })
                .collect();
            (
                "application/x-www-form-urlencoded",
                form.join("&").into_bytes(),
            )
        }
        10 => {
            let body = match rng.gen_range(0..3) {
                0 => Vec::new(),
                1 => random_object(rng, 0).to_string().into_bytes(),
                _ => random_text(rng).into_bytes(),
            };
            (CONTENT_TYPES[rng.gen_range(0..CONTENT_TYPES.len())], body)
        }
        // Numbers no integer type holds, written out.
        11 => {
            let key = KEYS[rng.gen_range(0..KEYS.len())];
            let number = [
                "1e400",
                "-1e400",
                "123456789012345678901234567890",
                "-0",
                "1.5e-400",
            ][rng.gen_range(0..5)];
            (json, format!("{{\"{key}\": {number}}}").into_bytes())
        }
        // Just under and just over the 64 KiB limit.
        _ => {
            let total = (64 * 1024 + rng.gen_range(-64_i64..64)) as usize;
            let key = KEYS[rng.gen_range(0..KEYS.len())];
            let mut body = format!("{{\"{key}\": \"").into_bytes();
            body.resize(total - 2, b'x');
            body.extend_from_slice(b"\"}");
            (json, body)
        }
    }
}

#[tokio::test]
async fn every_function_survives_random_bodies() {
    let endpoints = every_endpoint();
    let seed: u64 = std::env::var("FRONTDESK_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(rand::random);
    println!("seed {seed}: FRONTDESK_FUZZ_SEED={seed} repeats this run");
    let server = TestServer::start().await;
    // Signed in as a patient and as an administrator, so functions behind a
    // session decode and run what they are sent too.
    server
        .create_account(ADULT_MRN, "maria.g", GOOD_PASSWORD)
        .await;
    let signin = json!({ "credentials": { "username": "maria.g", "password": GOOD_PASSWORD } });
    let (_, _, patient) = server.call_with_cookie("signin", signin, None).await;
    let patient = cookie_pair(&patient.expect("a patient session"));
    let staff = server.staff_session("fuzz.admin", "admin").await;
    let sessions = [None, Some(patient), Some(staff)];

    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    // Interleaved, so every function is busy throughout.
    let jobs: Vec<(usize, usize)> = (0..BODIES_PER_FUNCTION)
        .flat_map(|n| (0..endpoints.len()).map(move |e| (e, n)))
        .collect();
    let next = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let failures = Arc::new(Mutex::new(Vec::<String>::new()));
    let workers = (0..IN_FLIGHT).map(|_| {
        let (client, next, failures) = (client.clone(), next.clone(), failures.clone());
        let (jobs, endpoints, sessions) = (&jobs, &endpoints, &sessions);
        let url = &server.url;
        async move {
            loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(&(e, n)) = jobs.get(i) else { break };
                let endpoint = &endpoints[e];
                let mut rng = StdRng::seed_from_u64(seed ^ ((e as u64) << 32 | n as u64));
                let (content_type, body) = hostile_body(&mut rng);
                let session = if ENDS_THE_SESSION.contains(&endpoint.as_str()) {
                    &None
                } else {
                    &sessions[rng.gen_range(0..sessions.len())]
                };
                let mut request = client.post(format!("{url}/api/{endpoint}"));
                if !content_type.is_empty() {
                    request = request.header("content-type", content_type);
                }
                if let Some(cookie) = session {
                    request = request.header("cookie", cookie);
                }
                let size = body.len();
                let shown = String::from_utf8_lossy(&body[..size.min(120)]).into_owned();
                let problem = match request.body(body).send().await {
                    Err(error) => Some(format!("no answer ({error})")),
                    Ok(answer) => {
                        let status = answer.status();
                        // The one 5xx allowed: "busy, try again", sent on purpose.
                        let busy = status == StatusCode::SERVICE_UNAVAILABLE
                            && answer.headers().contains_key("retry-after");
                        if status.is_server_error() && !busy {
                            Some(format!("{status}"))
                        } else if size > 64 * 1024 && status != StatusCode::PAYLOAD_TOO_LARGE {
                            Some(format!("{status} for {size} bytes, not 413"))
                        } else {
                            None
                        }
                    }
                };
                if let Some(problem) = problem {
                    failures.lock().unwrap().push(format!(
                        "{endpoint} (body {n}, {content_type:?}, {size} bytes, signed in: {}): \
                         {problem}; body starts {shown:?}",
                        session.is_some()
                    ));
                }
            }
        }
    });
    join_all(workers).await;
    let failures = std::mem::take(&mut *failures.lock().unwrap());
    assert!(
        failures.is_empty(),
        "seed {seed}: {} of {} requests failed, first ones:\n{}",
        failures.len(),
        jobs.len(),
        failures[..failures.len().min(20)].join("\n")
    );
    assert!(
        server.healthy().await,
        "seed {seed}: the server stopped answering"
    );
    // Still signed in: the requests with a session had one throughout.
    let (_, home, _) = server
        .call_with_cookie("home", json!({}), sessions[1].as_deref())
        .await;
    assert!(home.is_object(), "seed {seed}: the patient was signed out");
    let (_, me, _) = server
        .call_with_cookie("staff/me", json!({}), sessions[2].as_deref())
        .await;
    assert!(
        me.is_object(),
        "seed {seed}: the administrator was signed out"
    );
}

#[tokio::test]
async fn bodies_over_64_kib_are_refused_with_413() {
    let server = TestServer::start().await;
    let big = json!({ "input": { "code": "x".repeat(70 * 1024), "dob": {} } })
        .to_string()
        .into_bytes();
    // Read to the end, then refused: the client always gets the 413, and
    // the connection stays usable (several rounds on pooled connections).
    let endpoints = every_endpoint();
    for _ in 0..3 {
        for endpoint in &endpoints {
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
    for endpoint in every_endpoint() {
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
