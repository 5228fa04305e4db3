//! Signing in and out, and the signed-in home page's data.

use crate::shared::AppError;
pub use crate::shared::signin::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "signin", input = Json)]
pub async fn sign_in(credentials: Credentials) -> Result<SignInOutcome, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::signin::sign_in(&ctx, &credentials)).await,
    )
}

/// The signed-in person's home, or None when not signed in.
#[server(prefix = "/api", endpoint = "home", input = Json)]
pub async fn home() -> Result<Option<HomeData>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::signin::home(&ctx).await)
}

#[server(prefix = "/api", endpoint = "signout", input = Json)]
pub async fn sign_out() -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::signin::sign_out(&ctx, false).await)
}

/// Ends every session of the account, on every device.
#[server(prefix = "/api", endpoint = "signout-everywhere", input = Json)]
pub async fn sign_out_everywhere() -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::signin::sign_out(&ctx, true).await)
}
