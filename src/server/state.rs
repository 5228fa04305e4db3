//! What every request can reach: the store, the secret, the hasher and the limits.

use super::security::{PasswordHasher, ServerSecret};
use super::mail::Mailer;
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

    fn window_start(&self, now: i64) -> i64 {
        now - now.rem_euclid(self.limits.client_window)
    }

    /// Refuses the request when this client already failed too often in
    /// `scope` during the current window.
    pub async fn check_client_limit(
        &self,
        scope: &str,
        client: &str,
        now: i64,
    ) -> Result<(), AppError> {
        let start = self.window_start(now);
        let failures = self.store.failures(scope, client, start).await?;
        if failures >= i64::from(self.limits.client_failures) {
            let seconds_left = start + self.limits.client_window - now;
            return Err(AppError::TooManyAttempts {
                retry_after_minutes: (seconds_left.max(1) as u32).div_ceil(60),
            });
        }
        Ok(())
    }

    pub async fn count_client_failure(
        &self,
        scope: &str,
        client: &str,
        now: i64,
    ) -> Result<(), AppError> {
        Ok(self
            .store
            .add_failure(scope, client, self.window_start(now))
            .await?)
    }
}
