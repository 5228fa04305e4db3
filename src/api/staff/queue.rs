//! The help desk's queues: sign-ups the system could not verify, and
//! medical records requests.

use crate::shared::AppError;
pub use crate::shared::staff::queue::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/queue", input = Json)]
pub async fn signup_queue() -> Result<Vec<QueueItem>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::queue::list(&ctx).await)
}

/// Opens a request (marking it under review).
#[server(prefix = "/api", endpoint = "staff/queue/review", input = Json)]
pub async fn review_signup(request: Reference) -> Result<SignupReview, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::queue::review(&ctx, &request).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/queue/act", input = Json)]
pub async fn act_on_signup(
    request: Reference,
    action: QueueAction,
) -> Result<ActionDone, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::queue::act(&ctx, &request, &action).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/records-requests", input = Json)]
pub async fn records_queue() -> Result<Vec<RecordsItem>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::queue::records(&ctx).await)
}

#[server(prefix = "/api", endpoint = "staff/records-requests/status", input = Json)]
pub async fn set_records_status(request: Reference, status: RecordsStatus) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::queue::set_records(&ctx, &request, status).await,
    )
}
