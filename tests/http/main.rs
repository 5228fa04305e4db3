//! HTTP tests: each starts a real server process (random port, temporary
//! database, `tests/common`) and calls it the way the browser does. They
//! cover what needs HTTP — status codes, cookies, headers, the cross-site
//! guard, email delivery, crash and restart, the admin commands on a
//! server's database — and each flow end to end over the wire. Most run on
//! SQLite and on PostgreSQL (`on_both_databases!`).
//!
//! One file a flow: `scripts/test.sh --test http signin_api::` runs one.
#![cfg(feature = "ssr")]

#[macro_use]
#[path = "../common/mod.rs"]
mod common;

mod account_api;
mod audit_log;
mod bench_audit;
mod client_address;
mod demo_mode;
mod email_delivery;
mod email_languages;
mod http_server;
mod languages;
mod proxy_api;
mod record_matching_api;
mod recovery_api;
mod retention;
mod robustness;
mod signin_api;
mod signup_code_api;
mod signup_code_spanish;
mod signup_verify_api;
mod staff_api;
mod teen_api;
mod validation_spanish;
