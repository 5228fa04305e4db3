//! Account settings for the signed-in person: change password, change email.

use crate::api::rules::Problems;
use crate::api::{AppError, FieldError};
use crate::domain::email::email_problem;
use crate::domain::password::CommonPasswords;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use validator::Validate;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct PasswordChange {
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub current: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub new: String,
}

impl PasswordChange {
    /// The shared checks (the server also checks against the person's names).
    pub fn problems(
        &self,
        username: &str,
        names: &[&str],
        common: CommonPasswords,
    ) -> Vec<FieldError> {
        let current = if self.current.is_empty() {
            Err("Enter your current password")
        } else {
            Ok(())
        };
        let new = common.problem(&self.new, username, names).and_then(|()| {
            if self.new == self.current {
                Err("Your new password must be different from your current one")
            } else {
                Ok(())
            }
        });
        Problems::default()
            .check("current", current)
            .check("new", new)
            .into_vec()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct EmailChangeRequest {
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub email: String,
    /// The current password: a new email address is where resets go.
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub current: String,
}

impl EmailChangeRequest {
    pub fn problems(&self) -> Vec<FieldError> {
        let current = if self.current.is_empty() {
            Err("Enter your current password")
        } else {
            Ok(())
        };
        Problems::default()
            .check("email", email_problem(&self.email))
            .check("current", current)
            .into_vec()
    }
}

/// Changes the password; every other device is signed out.
#[server(prefix = "/api", endpoint = "account/password", input = Json)]
pub async fn change_password(change: PasswordChange) -> Result<(), AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::account::change_password(&ctx, &change).await)
}

/// Sends a 6-digit code to the new address; returns it masked.
#[server(prefix = "/api", endpoint = "account/email", input = Json)]
pub async fn start_email_change(request: EmailChangeRequest) -> Result<String, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::account::start_email_change(&ctx, &request).await)
}

/// Confirms the new address with its code; the old address is told.
#[server(prefix = "/api", endpoint = "account/email/confirm", input = Json)]
pub async fn confirm_email_change(code: String) -> Result<String, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::account::confirm_email_change(&ctx, &code).await)
}
