//! What every request can reach: the store, the secret, the hasher and the limits.

use super::mail::Mailer;
use super::security::{PasswordHasher, ServerSecret};
use super::sessions::SessionPolicy;
use super::store::Store;
use crate::api::AppError;
use std::ops::Deref;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    pub store: Store,
    pub secret: ServerSecret,
    pub hasher: PasswordHasher,
    pub limits: Limits,
    pub settings: Settings,
    pub mailer: Mailer,
    pub sessions: SessionPolicy,
    pub signin: SigninPolicy,
    /// Teen and proxy rules by state (checked at start).
    pub policy: crate::domain::policy::PolicyTable,
}

/// How failed sign-ins slow an account down and then lock it.
#[derive(Clone, Debug)]
pub struct SigninPolicy {
    /// Straight failures after which each try waits, doubling from 2 s.
    pub slow_after: u32,
    /// Straight failures that lock the account (at most 100, per NIST).
    pub lock_after: u32,
    /// Seconds a lock lasts.
    pub lock_seconds: i64,
    /// Failed sign-ins per client address.
    pub per_client: Limit,
}

/// What the flows tell people, from configuration.
#[derive(Clone, Debug)]
pub struct Settings {
    /// The help desk's number, open 24 hours a day, 7 days a week.
    pub help_desk_phone: String,
    /// Days within which an unverified sign-up gets a code.
    pub promise_days: u32,
    /// Where people reach the portal, for links in emails (no trailing slash).
    pub public_url: String,
    /// What people called the previous portal, for the notice that its
    /// logins did not carry over.
    pub old_portal_name: String,
}

/// Failure limits; the counters live in the database so they hold across servers.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Wrong dates of birth that void one access code.
    pub max_code_tries: u32,
    /// Failed attempts allowed from one client address per window.
    pub client_failures: u32,
    /// The window, in seconds.
    pub client_window: i64,
}

impl Deref for AppState {
    type Target = Inner;
    fn deref(&self) -> &Inner {
        &self.0
    }
}

impl AppState {
    pub fn new(inner: Inner) -> Self {
        AppState(Arc::new(inner))
    }

    /// Refuses the request when `subject` already reached `limit` in the
    /// current window.
    pub async fn check_limit(&self, limit: Limit, subject: &str, now: i64) -> Result<(), AppError> {
        match self.minutes_until_allowed(limit, subject, now).await? {
            None => Ok(()),
            Some(retry_after_minutes) => Err(AppError::TooManyAttempts {
                retry_after_minutes,
            }),
        }
    }

    /// None while under the limit, else the minutes until the window ends.
    pub async fn minutes_until_allowed(
        &self,
        limit: Limit,
        subject: &str,
        now: i64,
    ) -> Result<Option<u32>, AppError> {
        let start = limit.window_start(now);
        let counted = self.store.failures(limit.scope, subject, start).await?;
        if counted < i64::from(limit.max) {
            return Ok(None);
        }
        let seconds_left = start + limit.window - now;
        Ok(Some((seconds_left.max(1) as u32).div_ceil(60)))
    }

    /// Counts one event against `limit` for `subject`.
    pub async fn count(&self, limit: Limit, subject: &str, now: i64) -> Result<(), AppError> {
        let start = limit.window_start(now);
        Ok(self
            .store
            .add_failure(limit.scope, subject, start, start + limit.window.max(1))
            .await?)
    }
}

/// At most `max` events per subject in each fixed window of `window`
/// seconds, counted in the database so it holds across servers.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub scope: &'static str,
    pub max: u32,
    pub window: i64,
}

impl Limit {
    fn window_start(self, now: i64) -> i64 {
        now - now.rem_euclid(self.window.max(1))
    }
}

impl Limits {
    /// Failed access-code attempts per client address (configurable).
    pub fn code_attempts_per_client(&self) -> Limit {
        Limit {
            scope: "access-code",
            max: self.client_failures,
            window: self.client_window,
        }
    }
}
