//! Browser end-to-end tests: a person in headless Chromium (Debian's
//! chromium + chromedriver, driven over WebDriver with fantoccini) types and
//! clicks through the real server and the built apps in `dist/`
//! (`scripts/build.sh --web`); axe-core checks every page and error state a
//! test visits. Each test starts its own server (temporary database) and its
//! own chromedriver + Chromium; `driver.rs` holds the harness (Browser, axe,
//! waiting helpers).
//!
//! One file a flow: `scripts/test.sh --test browser proxy::` runs one.
#![cfg(feature = "ssr")]

#[macro_use]
#[path = "../common/mod.rs"]
mod common;
mod driver;

mod account;
mod journey;
mod languages;
mod no_code;
mod proxy;
mod signup_with_code;
mod spanish;
mod staff;
mod teen;
