//! The medical records request form, for people without an email address.

use crate::shared::AppError;
pub use crate::shared::records_request::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "records-request", input = Json)]
pub async fn submit_records_request(
    request: RecordsRequest,
) -> Result<RecordsRequestReceived, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::records_request;
    let ctx = caller()?;
    answer(&ctx, records_request::submit(&ctx, &request).await)
}
