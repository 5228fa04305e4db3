//! The help desk console's server functions. Every one checks, on the
//! server, that a staff session with a role allowed to use it made the
//! call (`server::staff::require`); patients' sessions count for nothing here.

pub mod audit;
pub mod members;
pub mod patients;
pub mod proxies;
pub mod queue;

use crate::api::signin::Credentials;
use crate::api::{AppError, FieldError};
use crate::domain::staff::Role;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use validator::Validate;

/// The signed-in staff member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    pub username: String,
    pub role: Role,
}

/// First sign-in: the one-time setup code `frontdesk staff add` printed,
/// and a password of the member's choosing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct StaffSetup {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub code: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub password: String,
}

impl StaffSetup {
    pub fn problems(&self, common: crate::domain::password::CommonPasswords) -> Vec<FieldError> {
        let filled = |text: &str, message| {
            if text.trim().is_empty() {
                Err(message)
            } else {
                Ok(())
            }
        };
        crate::api::rules::Problems::default()
            .check("username", filled(&self.username, "Enter your username"))
            .check("code", filled(&self.code, "Enter your setup code"))
            .check(
                "password",
                common.problem(&self.password, self.username.trim(), &[]),
            )
            .into_vec()
    }
}

#[server(prefix = "/api", endpoint = "staff/signin", input = Json)]
pub async fn staff_sign_in(credentials: Credentials) -> Result<StaffMe, AppError> {
    use crate::server::http::{RequestContext, steadily};
    let ctx = RequestContext::current()?;
    ctx.answer(steadily(crate::server::staff::sign_in(&ctx, &credentials)).await)
}

#[server(prefix = "/api", endpoint = "staff/setup", input = Json)]
pub async fn staff_set_up(setup: StaffSetup) -> Result<StaffMe, AppError> {
    use crate::server::http::{RequestContext, steadily};
    let ctx = RequestContext::current()?;
    ctx.answer(steadily(crate::server::staff::set_up(&ctx, &setup)).await)
}

/// The signed-in staff member, or None.
#[server(prefix = "/api", endpoint = "staff/me", input = Json)]
pub async fn current_staff() -> Result<Option<StaffMe>, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::staff::me(&ctx).await)
}

#[server(prefix = "/api", endpoint = "staff/signout", input = Json)]
pub async fn staff_sign_out() -> Result<(), AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::staff::sign_out(&ctx).await)
}
