//! Account settings for the signed-in person: change password, change email.

use crate::shared::AppError;
pub use crate::shared::account::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// Changes the password; every other device is signed out.
#[server(prefix = "/api", endpoint = "account/password", input = Json)]
pub async fn change_password(change: PasswordChange) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::account::change_password(&ctx, &change).await,
    )
}

/// Sends a 6-digit code to the new address; returns it masked.
#[server(prefix = "/api", endpoint = "account/email", input = Json)]
pub async fn start_email_change(request: EmailChangeRequest) -> Result<String, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::account::start_email_change(&ctx, &request).await,
    )
}

/// Confirms the new address with its code; the old address is told.
#[server(prefix = "/api", endpoint = "account/email/confirm", input = Json)]
pub async fn confirm_email_change(code: String) -> Result<String, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::account::confirm_email_change(&ctx, &code).await,
    )
}
