//! Service tests: the rules (limits, codes, record matching, grants, the
//! help desk's queue, sessions) run in-process against a fresh database,
//! with the caller's clock set by the test and staff or patient callers
//! built directly. No server process, no HTTP: what needs HTTP (statuses,
//! cookies, headers) is tested against a real server in `tests/http`.
#![cfg(feature = "ssr")]

mod grants;
mod harness;
mod limits_and_codes;
mod matching_outcomes;
mod queue_actions;
mod requests;
mod sessions;
