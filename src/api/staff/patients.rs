//! Finding a patient and acting on their portal status: codes by screen,
//! email or mail letter, revoking codes, unlocking accounts.

use crate::domain::ids::{AccessCodeId, PatientId};
use crate::shared::AppError;
pub use crate::shared::staff::patients::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/patients/find", input = Json)]
pub async fn find_patients(query: PatientQuery) -> Result<Vec<PatientSummary>, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::patients::find(&ctx, &query).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/patients/status", input = Json)]
pub async fn look_up_patient(patient_id: PatientId) -> Result<PatientStatus, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::patients::status(&ctx, patient_id).await,
    )
}

/// Issues a new code (ending the patient's older unused ones).
#[server(prefix = "/api", endpoint = "staff/codes/issue", input = Json)]
pub async fn issue_code(patient_id: PatientId, channel: Channel) -> Result<IssuedCode, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::patients::issue(&ctx, patient_id, channel).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/codes/revoke", input = Json)]
pub async fn revoke_code(patient_id: PatientId, code_id: AccessCodeId) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::patients::revoke(&ctx, patient_id, code_id).await,
    )
}

#[server(prefix = "/api", endpoint = "staff/accounts/unlock", input = Json)]
pub async fn unlock_account(patient_id: PatientId) -> Result<(), AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(
        &ctx,
        crate::server::staff::patients::unlock(&ctx, patient_id).await,
    )
}
