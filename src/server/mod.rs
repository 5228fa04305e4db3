//! The server: configuration, state, storage, security, services per flow
//! and HTTP. Compiled only into the server binary (feature `ssr`).

pub mod account;
pub mod caller;
pub mod cli;
pub mod codes;
pub mod config;
pub mod demo;

pub mod mail;
pub mod new_code;
pub mod proxy;
pub mod record_access;
pub mod record_match;
pub mod records_request;
pub mod recovery;
pub mod security;
pub mod sessions;
pub mod signin;
pub mod signup_code;
pub mod signup_status;
pub mod signup_verify;
pub mod staff;
pub mod state;
pub mod store;
pub mod teen;

use crate::shared::AppError;

/// Logs an internal failure under a short reference and returns the error the
/// person sees: "try again", with the reference to quote to the help desk.
pub fn internal_error(err: &dyn std::fmt::Display) -> AppError {
    let reference = security::new_reference();
    tracing::error!(%reference, error = %err, "internal error");
    AppError::Unavailable { reference }
}

impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        internal_error(&err)
    }
}

/// Seconds since the Unix epoch: every stored time is UTC in this form.
pub fn now() -> i64 {
    let system = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    system + test_clock_offset()
}

/// A file holding seconds to add to the clock, so tests move time forward
/// (expiry, locks, idle sessions) without sleeping. Set only outside
/// production, from FRONTDESK_TEST_CLOCK.
static TEST_CLOCK: std::sync::OnceLock<std::path::PathBuf> = std::sync::OnceLock::new();

pub fn use_test_clock(file: std::path::PathBuf) {
    let _ = TEST_CLOCK.set(file);
}

fn test_clock_offset() -> i64 {
    TEST_CLOCK
        .get()
        .and_then(|file| std::fs::read_to_string(file).ok())
        .and_then(|text| text.trim().parse().ok())
        .unwrap_or(0)
}

/// How long an answer that could reveal whether a person or code exists
/// takes at least, whatever was found, so its timing says nothing.
pub const STEADY_ANSWER: std::time::Duration = std::time::Duration::from_millis(100);

/// Runs `work` and answers no sooner than [`STEADY_ANSWER`] after it began.
pub async fn steadily<T>(work: impl std::future::Future<Output = T>) -> T {
    let started = tokio::time::Instant::now();
    let answer = work.await;
    tokio::time::sleep_until(started + STEADY_ANSWER).await;
    answer
}
