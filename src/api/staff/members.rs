//! Staff accounts, for administrators: the list with each member's status,
//! and resetting a password (a new one-time setup code), unlocking,
//! disabling and enabling a member. The same actions are on the command line
//! (`frontdesk staff …`).

use crate::shared::AppError;
pub use crate::shared::staff::members::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/members", input = Json)]
pub async fn staff_members() -> Result<Vec<StaffListing>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::members::list(&ctx).await)
}

/// Clears the member's password for a new setup code and ends their sessions.
#[server(prefix = "/api", endpoint = "staff/members/reset", input = Json)]
pub async fn reset_staff_password(username: String) -> Result<NewSetupCode, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::members::reset_password(&ctx, &username).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/members/unlock", input = Json)]
pub async fn unlock_staff(username: String) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::staff::members::{Action, change};
    let ctx = caller()?;
    answer(&ctx, change(&ctx, &username, Action::Unlock).await)
}

/// Ends the member's sessions; they cannot sign in or set up until enabled.
#[server(prefix = "/api", endpoint = "staff/members/disable", input = Json)]
pub async fn disable_staff(username: String) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::staff::members::{Action, change};
    let ctx = caller()?;
    answer(&ctx, change(&ctx, &username, Action::Disable).await)
}

#[server(prefix = "/api", endpoint = "staff/members/enable", input = Json)]
pub async fn enable_staff(username: String) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::staff::members::{Action, change};
    let ctx = caller()?;
    answer(&ctx, change(&ctx, &username, Action::Enable).await)
}
