//! A benchmark, not a test (ignored; `scripts/journey-size.sh` runs it):
//! what a person's browser downloads on the way from the start page through
//! the access-code sign-up to their home page — start, code, login, check,
//! ready, sign in, home — as Chromium counts it (the bytes on the wire,
//! brotli as served, cache hits free), page by page.

use crate::common::*;
use crate::driver::*;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Every download of the page so far, by document and address: its size
/// on the wire (headers included; 0 when it came from the cache).
const DOWNLOADS: &str = "return performance.getEntriesByType('navigation') \
     .concat(performance.getEntriesByType('resource')) \
     .map(e => [performance.timeOrigin + ' ' + e.name, e.transferSize])";

struct Tally {
    /// (document, address) → bytes.
    seen: BTreeMap<String, u64>,
    /// Each step and the bytes it added.
    steps: Vec<(String, u64)>,
}

impl Tally {
    async fn step(&mut self, b: &Browser, name: &str) {
        let list = b.js(DOWNLOADS, vec![]).await;
        let mut added = 0;
        for entry in list.as_array().into_iter().flatten() {
            let (Some(key), Some(bytes)) = (entry[0].as_str(), entry[1].as_u64()) else {
                continue;
            };
            if self.seen.insert(key.to_string(), bytes).is_none() {
                added += bytes;
            }
        }
        self.steps.push((name.to_string(), added));
    }
}

#[tokio::test]
#[ignore = "a benchmark: scripts/journey-size.sh"]
async fn the_journey_from_the_start_page_to_home() {
    let (server, b) = start().await;
    let code = server.issue_code(ADULT_MRN);
    let dob = Dob::of(&server, ADULT_MRN).await;
    let mut tally = Tally {
        seen: BTreeMap::new(),
        steps: Vec::new(),
    };

    b.goto("/").await;
    b.wait_h1("Get your new patient portal account").await;
    tally.step(&b, "start page").await;
    b.click_link("Sign up with an access code").await;
    b.wait_h1("Enter your access code").await;
    tally.step(&b, "access code").await;
    b.enter_code(&code, &dob).await;
    b.wait_path("/signup/code/login").await;
    tally.step(&b, "create your login").await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Continue").await;
    b.wait_h1("Check your answers").await;
    tally.step(&b, "check your answers").await;
    b.click_button("Create account").await;
    b.wait_h1("Your account is ready").await;
    tally.step(&b, "account ready").await;
    b.click_link("sign in").await;
    b.wait_h1("Sign in to the patient portal").await;
    tally.step(&b, "sign in").await;
    b.type_in("username", "maria.g").await;
    b.type_in("password", GOOD_PASSWORD).await;
    b.click_button("Sign in").await;
    b.wait_h1("Hello, Maria Garcia").await;
    tally.step(&b, "home").await;

    let total: u64 = tally.steps.iter().map(|(_, n)| n).sum();
    println!("the journey from the start page to home, bytes on the wire:");
    for (name, bytes) in &tally.steps {
        println!("  {name:<22} {bytes:>9}");
    }
    println!("  {:<22} {total:>9} (budget 350,000)", "in all");
    let largest: Vec<Value> = {
        let mut all: Vec<(&String, &u64)> = tally.seen.iter().collect();
        all.sort_by(|a, b| b.1.cmp(a.1));
        all.into_iter()
            .take(8)
            .map(|(k, v)| json!([k.split_once(' ').map_or(k.as_str(), |(_, u)| u), v]))
            .collect()
    };
    println!("  largest downloads: {}", Value::Array(largest));
    b.close().await;
}
