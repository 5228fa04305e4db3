//! Proxy access: asking to act for another patient (a child, or an adult
//! who needs help), and what the answer is.

use crate::domain::ids::{GrantId, PatientId};
use crate::shared::AppError;
pub use crate::shared::proxy::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// In steady time: to a requester the record does not list, neither the
/// answer nor its timing tells whether the person exists.
#[server(prefix = "/api", endpoint = "proxy/request", input = Json)]
pub async fn request_proxy_access(request: ProxyRequestForm) -> Result<ProxyAnswer, AppError> {
    use crate::api::http::{answer, caller};
    use crate::server::steadily;
    let ctx = caller()?;
    answer(
        &ctx,
        steadily(crate::server::proxy::request(&ctx, &request)).await,
    )
}

/// Asks to keep access that ends within a month (see `server::proxy::renew`).
#[server(prefix = "/api", endpoint = "proxy/renew", input = Json)]
pub async fn renew_access(grant_id: GrantId) -> Result<ProxyAnswer, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::proxy::renew(&ctx, grant_id).await)
}

/// Opens a record: the person's own (`patient_id` None) or one a grant
/// covers, showing only what the grant's scope allows.
#[server(prefix = "/api", endpoint = "records/open", input = Json)]
pub async fn open_record(patient_id: Option<PatientId>) -> Result<RecordSummary, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::record_access::open_record(&ctx, patient_id).await,
    )
}

/// Ends a grant the signed-in patient gave.
#[server(prefix = "/api", endpoint = "records/access/end", input = Json)]
pub async fn end_access(grant_id: GrantId) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::record_access::end_access(&ctx, grant_id).await,
    )
}

/// The signed-in person's own requests for access, and where they stand.
#[server(prefix = "/api", endpoint = "records/my-requests", input = Json)]
pub async fn my_requests() -> Result<Vec<MyRequest>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::record_access::my_requests(&ctx).await)
}

#[server(prefix = "/api", endpoint = "records/requests", input = Json)]
pub async fn requests_for_me() -> Result<Vec<ApprovalAsked>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::record_access::requests_for_me(&ctx).await,
    )
}

/// The patient approves (on to the help desk) or refuses (it ends).
#[server(prefix = "/api", endpoint = "records/requests/answer", input = Json)]
pub async fn answer_request(reference: String, approve: bool) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::record_access::answer_request(&ctx, &reference, approve).await,
    )
}
