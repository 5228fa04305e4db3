//! Proxy access: asking to act for another patient (a child, or an adult
//! who needs help), and what the answer is.

use crate::api::AppError;
use crate::domain::date::DateParts;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;
use serde::{Deserialize, Serialize};
#[cfg(feature = "ssr")]
use validator::Validate;

/// Whose record, the relationship, and what supports it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct ProxyRequestForm {
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
    /// `parent`, `guardian_of_minor`, `guardian_of_adult`, `power_of_attorney`,
    /// `spouse_or_partner`, `caregiver` or `other`.
    #[cfg_attr(feature = "ssr", validate(length(max = 40)))]
    pub relationship: String,
    /// The court order or document reference (guardianship, power of attorney).
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub document_reference: String,
    /// Anything the help desk should know.
    #[cfg_attr(feature = "ssr", validate(length(max = 2000)))]
    pub details: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyAnswer {
    /// Access by law, now.
    Granted {
        name: String,
        /// "full" or "limited".
        scope: String,
        /// The date it ends (the age of majority).
        until: String,
        /// The rule, in plain words.
        because: String,
    },
    /// Refused, and why.
    Refused { reason: String },
    /// Waiting for the help desk (and, for an adult, their own approval).
    Review { reference: String, within_days: u32 },
}

#[server(prefix = "/api", endpoint = "proxy/request", input = Json)]
pub async fn request_proxy_access(request: ProxyRequestForm) -> Result<ProxyAnswer, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::proxy::request(&ctx, &request).await)
}

/// What Front Desk holds about a patient, as much as the viewer may see.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordSummary {
    pub name: String,
    pub date_of_birth: String,
    pub mrn: String,
    /// "Your own record", or the grant it is opened under.
    pub opened_as: String,
    /// Contact details: a full view only.
    pub contact: Option<Contact>,
    /// Who has access: the patient's own view and full grants only.
    pub access: Option<Vec<AccessHolder>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub address: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// One person who can open a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccessHolder {
    pub grant_id: i64,
    pub name: String,
    pub relationship: String,
    pub since: String,
    pub until: String,
    pub scope: String,
    /// The patient may end it (not a parent's access by law).
    pub can_end: bool,
}

/// Opens a record: the person's own (`patient_id` None) or one a grant
/// covers, showing only what the grant's scope allows.
#[server(prefix = "/api", endpoint = "records/open", input = Json)]
pub async fn open_record(patient_id: Option<i64>) -> Result<RecordSummary, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::record_access::open_record(&ctx, patient_id).await)
}

/// Ends a grant the signed-in patient gave.
#[server(prefix = "/api", endpoint = "records/access/end", input = Json)]
pub async fn end_access(grant_id: i64) -> Result<(), AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::record_access::end_access(&ctx, grant_id).await)
}

/// A request for access to the signed-in patient's record, waiting for them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApprovalAsked {
    pub reference: String,
    pub requester: String,
    pub relationship: String,
    pub asked_on: String,
}

#[server(prefix = "/api", endpoint = "records/requests", input = Json)]
pub async fn requests_for_me() -> Result<Vec<ApprovalAsked>, AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::record_access::requests_for_me(&ctx).await)
}

/// The patient approves (on to the help desk) or refuses (it ends).
#[server(prefix = "/api", endpoint = "records/requests/answer", input = Json)]
pub async fn answer_request(reference: String, approve: bool) -> Result<(), AppError> {
    use crate::server::http::RequestContext;
    let ctx = RequestContext::current()?;
    ctx.answer(crate::server::record_access::answer_request(&ctx, &reference, approve).await)
}
