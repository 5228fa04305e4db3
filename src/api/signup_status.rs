//! "Check your request": where a self-signup that could not be verified stands.

use crate::shared::AppError;
pub use crate::shared::signup_status::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "signup/status", input = Json)]
pub async fn look_up_request(lookup: StatusLookup) -> Result<RequestStatus, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::signup_status;
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::steadily(signup_status::look_up_request(&ctx, &lookup)).await,
    )
}
