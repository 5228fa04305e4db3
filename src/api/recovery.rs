//! "Forgot login information": a username reminder, and a password reset by
//! an emailed one-time code. Every answer is the same whether anything
//! matched, so the page reveals nobody's account.

use crate::shared::AppError;
pub use crate::shared::recovery::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "recover/username", input = Json)]
pub async fn remind_username(request: UsernameReminder) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::recovery::forgot_username(&ctx, &request)).await,
    )
}

#[server(prefix = "/api", endpoint = "recover/password", input = Json)]
pub async fn send_reset_code(request: PasswordResetRequest) -> Result<RecoveryOutcome, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::recovery::forgot_password(&ctx, &request)).await,
    )
}

#[server(prefix = "/api", endpoint = "recover/reset", input = Json)]
pub async fn reset_password(request: NewPasswordWithCode) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::recovery::reset_password(&ctx, &request)).await,
    )
}
