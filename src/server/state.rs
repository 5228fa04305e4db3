//! What every request can reach: the store, the secret, the hasher and the limits.

use super::mail::Mailer;
use super::security::{PasswordHasher, ServerSecret};
use super::sessions::SessionPolicy;
use super::store::Store;
use crate::shared::AppError;
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
    /// The lowest age any state's teen band starts at: younger is a child
    /// wherever they live (the no-code sign-up says so after the date of birth).
    pub youngest_teen: u32,
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
    /// Sign-ups without a code allowed from one network per hour.
    pub signup_per_network: u32,
    /// Failed request-status look-ups allowed from one network per hour.
    pub status_per_network: u32,
    /// New-code requests allowed from one network per hour.
    pub new_code_per_network: u32,
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

    /// Counts one attempt against `limit` for `subject`, in one atomic step
    /// with the check, so a burst of parallel requests counts like the same
    /// requests one after another. Refused (429) once the limit is reached.
    /// For limits on failures, give the attempt back with
    /// [`Taken::refund`] when it succeeds.
    pub async fn take(&self, limit: Limit, subject: &str, now: i64) -> Result<Taken, AppError> {
        match self.try_take(limit, subject, now).await? {
            Ok(taken) => Ok(taken),
            Err(retry_after_minutes) => Err(AppError::TooManyAttempts {
                retry_after_minutes,
                from_network: limit.per_network,
            }),
        }
    }

    /// Like [`AppState::take`], for limits that are kept silently: the
    /// minutes until the window ends when the limit is reached.
    pub async fn try_take(
        &self,
        limit: Limit,
        subject: &str,
        now: i64,
    ) -> Result<Result<Taken, u32>, AppError> {
        let window_start = limit.window_start(now);
        let taken = limit.max > 0
            && self
                .store
                .take_one(
                    limit.scope,
                    subject,
                    window_start,
                    window_start + limit.window.max(1),
                    limit.max,
                )
                .await?;
        if taken {
            return Ok(Ok(Taken {
                scope: limit.scope,
                subject: subject.to_string(),
                window_start,
            }));
        }
        let seconds_left = window_start + limit.window - now;
        Ok(Err((seconds_left.max(1) as u32).div_ceil(60)))
    }
}

/// One attempt counted against a limit.
#[must_use = "an attempt that succeeded should be refunded when the limit counts failures"]
pub struct Taken {
    scope: &'static str,
    subject: String,
    window_start: i64,
}

impl Taken {
    /// The attempt succeeded: it no longer counts as a failure.
    pub async fn refund(self, state: &AppState) -> Result<(), AppError> {
        Ok(state
            .store
            .give_back_one(self.scope, &self.subject, self.window_start)
            .await?)
    }

    /// The attempt counts for good (a request budget, or a failure).
    pub fn keep(self) {}
}

/// At most `max` events per subject in each fixed window of `window`
/// seconds, counted in the database so it holds across servers.
#[derive(Clone, Copy, Debug)]
pub struct Limit {
    pub scope: &'static str,
    /// Counted per client address (a network, which many people may share),
    /// not per person, account or code: the refusal says so.
    pub per_network: bool,
    pub max: u32,
    pub window: i64,
}

impl Limit {
    fn window_start(self, now: i64) -> i64 {
        now - now.rem_euclid(self.window.max(1))
    }
}

impl Limits {
    /// Sign-ups without a code per network (configurable).
    pub fn signups_per_network(&self) -> Limit {
        Limit {
            scope: "self-signup",
            per_network: true,
            max: self.signup_per_network,
            window: 60 * 60,
        }
    }

    /// Failed status look-ups per network (configurable).
    pub fn failed_lookups_per_network(&self) -> Limit {
        Limit {
            scope: "status-lookup",
            per_network: true,
            max: self.status_per_network,
            window: 60 * 60,
        }
    }

    /// New-code requests per network (configurable).
    pub fn new_codes_per_network(&self) -> Limit {
        Limit {
            scope: "new-code-client",
            per_network: true,
            max: self.new_code_per_network,
            window: 60 * 60,
        }
    }

    /// Failed access-code attempts per client address (configurable).
    pub fn code_attempts_per_client(&self) -> Limit {
        Limit {
            scope: "access-code",
            per_network: true,
            max: self.client_failures,
            window: self.client_window,
        }
    }
}
