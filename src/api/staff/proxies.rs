//! The help desk's proxy work: the queue of proxy requests to decide, and
//! recording an emancipation.

use crate::domain::ids::PatientId;
use crate::shared::AppError;
pub use crate::shared::staff::proxies::*;
use crate::shared::staff::queue::Reference;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/proxies", input = Json)]
pub async fn proxy_queue() -> Result<Vec<ProxyQueueItem>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::proxies::queue(&ctx).await)
}

#[server(prefix = "/api", endpoint = "staff/proxies/decide", input = Json)]
pub async fn decide_proxy(request: Reference, decision: ProxyDecision) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::proxies::decide(&ctx, &request, &decision).await,
    )
}

/// Ends someone's access to the patient's record (by law too: after a
/// court order, say), with the reason; both sides are emailed.
#[server(prefix = "/api", endpoint = "staff/grants/end", input = Json)]
pub async fn end_grant(
    patient_id: PatientId,
    grant_id: crate::domain::ids::GrantId,
    reason: String,
) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::proxies::end_grant(&ctx, patient_id, grant_id, &reason).await,
    )
}

/// An administrator undoes an emancipation recorded by mistake.
#[server(prefix = "/api", endpoint = "staff/patients/emancipated/undo", input = Json)]
pub async fn undo_emancipation(patient_id: PatientId) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::proxies::undo_emancipation(&ctx, patient_id).await,
    )
}

/// Records that a patient (a minor) is emancipated; parents' access ends.
#[server(prefix = "/api", endpoint = "staff/patients/emancipated", input = Json)]
pub async fn record_emancipation(patient_id: PatientId) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::proxies::emancipate(&ctx, patient_id).await,
    )
}
