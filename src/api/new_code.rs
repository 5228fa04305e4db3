//! "Get a new access code": for a lost, expired or missing code.

use crate::shared::AppError;
pub use crate::shared::new_code::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// The same answer whatever was found, but for a record without an email
/// address (the help desk mails a code): a code goes to the email on the
/// record only when the details match exactly one patient.
#[server(prefix = "/api", endpoint = "signup/new-code", input = Json)]
pub async fn request_new_code(request: NewCodeRequest) -> Result<NewCodeAnswer, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::new_code;
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(new_code::request_new_code(&ctx, &request)).await,
    )
}
