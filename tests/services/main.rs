//! Service tests: the rules (limits, codes, record matching, requests
//! for the help desk) run in-process against a fresh database, with the caller's clock
//! set by the test. No server process, no HTTP: what needs HTTP (statuses,
//! cookies, headers) is tested against a real server in the other suites.
#![cfg(feature = "ssr")]

mod harness;
mod limits_and_codes;
mod matching_outcomes;
mod requests;
mod sessions;
