//! The help desk console's server functions. Every one checks, on the
//! server, that a staff session with a role allowed to use it made the
//! call (`server::staff::require`); patients' sessions count for nothing here.

pub mod audit;

pub mod members;

pub mod patients;

pub mod proxies;

pub mod queue;

use crate::shared::AppError;
use crate::shared::signin::Credentials;
pub use crate::shared::staff::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/signin", input = Json)]
pub async fn staff_sign_in(credentials: Credentials) -> Result<StaffMe, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::staff::sign_in(&ctx, &credentials)).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/setup", input = Json)]
pub async fn staff_set_up(setup: StaffSetup) -> Result<StaffMe, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::staff::set_up(&ctx, &setup)).await,
    )
}

/// The signed-in staff member, or None.
#[server(prefix = "/api", endpoint = "staff/me", input = Json)]
pub async fn current_staff() -> Result<Option<StaffMe>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::me(&ctx).await)
}

#[server(prefix = "/api", endpoint = "staff/signout", input = Json)]
pub async fn staff_sign_out() -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::sign_out(&ctx).await)
}
