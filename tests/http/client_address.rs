//! Behind a trusted proxy the client is the address the proxy appended: the
//! right-most of every X-Forwarded-For line (or of Forwarded), else the
//! peer. Limits count IPv6 clients by their /64; the audit log keeps the
//! whole address.

on_both_databases!(
    the_right_most_forwarded_address_is_the_client,
    ipv6_clients_in_one_64_share_a_limit,
);

use crate::common::*;
use reqwest::StatusCode;
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use serde_json::json;

/// A server behind a trusted proxy, allowing two failed code checks per
/// client in the window a test starts in. The code itself may be tried
/// more often than a real one, so only the per-client limit answers here.
async fn behind_a_proxy(db: Db) -> TestServer {
    let server = TestServer::start_on_new(
        db,
        &[
            "--trust-proxy",
            "--client-failure-limit",
            "2",
            "--max-code-tries",
            "20",
        ],
    )
    .await;
    server.align_clock(15 * 60);
    server
}

/// A wrong date of birth for a real code, sent with `headers`.
async fn wrong_try(server: &TestServer, code: &str, headers: &[(&str, &str)]) -> StatusCode {
    let mut map = HeaderMap::new();
    for (name, value) in headers {
        map.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    let wrong = json!({ "month": "1", "day": "1", "year": "1970" });
    server
        .http
        .post(format!("{}/api/signup/code/verify", server.url))
        .headers(map)
        .json(&json!({ "input": code_entry(code, &wrong) }))
        .send()
        .await
        .expect("request")
        .status()
}

/// The client address of every code check the audit log holds, oldest first.
async fn audited_clients(server: &TestServer) -> Vec<String> {
    let pool = server.db().await;
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT client_addr FROM audit_log WHERE action = 'code.verify' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .expect("audit log");
    pool.close().await;
    rows
}

async fn the_right_most_forwarded_address_is_the_client(db: Db) {
    let server = behind_a_proxy(db).await;
    let code = server.issue_code(ADULT_MRN);
    // The client wrote the first line and the start of the second; our
    // proxy appended 192.0.2.44.
    let lines = [
        ("x-forwarded-for", "198.51.100.7"),
        ("x-forwarded-for", "203.0.113.5, 192.0.2.44"),
    ];
    for _ in 0..2 {
        assert_eq!(
            wrong_try(&server, &code, &lines).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_eq!(audited_clients(&server).await, ["192.0.2.44", "192.0.2.44"]);
    // The limit is 192.0.2.44's, whatever else a request claims.
    let claims_more = [("x-forwarded-for", "198.51.100.7, 192.0.2.44:5123")];
    assert_eq!(
        wrong_try(&server, &code, &claims_more).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    for others in ["198.51.100.7", "203.0.113.5"] {
        let other = [("x-forwarded-for", others)];
        assert_eq!(
            wrong_try(&server, &code, &other).await,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{others}"
        );
    }
    // What is not an address counts as the peer (this test, on loopback);
    // Forwarded is read when there is no X-Forwarded-For.
    let garbage = [("x-forwarded-for", "192.0.2.44, <script>")];
    assert_eq!(
        wrong_try(&server, &code, &garbage).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let forwarded = [(
        "forwarded",
        "for=192.0.2.44, for=\"[2001:db8:cafe::17]:4711\";proto=https",
    )];
    assert_eq!(
        wrong_try(&server, &code, &forwarded).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let clients = audited_clients(&server).await;
    assert_eq!(clients[4..], ["127.0.0.1", "2001:db8:cafe::17"]);
}

async fn ipv6_clients_in_one_64_share_a_limit(db: Db) {
    let server = behind_a_proxy(db).await;
    let code = server.issue_code(ADULT_MRN);
    let from = |address: &'static str| [("x-forwarded-for", address)];
    for address in ["2001:db8:1:2::a", "2001:db8:1:2:ffff:0:0:b"] {
        assert_eq!(
            wrong_try(&server, &code, &from(address)).await,
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    // A third address in the same /64 is the same subscriber.
    assert_eq!(
        wrong_try(&server, &code, &from("2001:db8:1:2::c")).await,
        StatusCode::TOO_MANY_REQUESTS
    );
    // The next /64 is someone else.
    assert_eq!(
        wrong_try(&server, &code, &from("2001:db8:1:3::a")).await,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    // Counted under the /64; audited with the whole address.
    let subject: String = server
        .query_one(
            "SELECT subject FROM failure_counters WHERE scope = $1 AND failures = 2",
            "access-code",
        )
        .await;
    assert_eq!(subject, "2001:db8:1:2::/64");
    let clients = audited_clients(&server).await;
    assert_eq!(clients[..2], ["2001:db8:1:2::a", "2001:db8:1:2:ffff::b"]);
}
