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
