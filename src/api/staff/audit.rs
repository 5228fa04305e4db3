//! The audit log as the console reads it: filtered, sorted, a page at a
//! time, and whether its hash chain verifies.

use crate::shared::AppError;
pub use crate::shared::staff::audit::*;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

#[server(prefix = "/api", endpoint = "staff/audit", input = Json)]
pub async fn read_audit_log(filter: AuditFilter) -> Result<AuditPage, AppError> {
    use crate::api::http::{answer, caller};
    let ctx = caller()?;
    answer(&ctx, crate::server::staff::audit::read(&ctx, &filter).await)
}
