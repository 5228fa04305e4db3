//! The help desk's proxy work: the queue of proxy requests to decide, and
//! recording an emancipation.

use crate::domain::ids::PatientId;
use crate::domain::states::Scope;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProxyQueueItem {
    pub reference: String,
    pub requester: String,
    pub relationship: String,
    /// Whose record, as the requester gave it.
    pub for_name: String,
    pub for_date_of_birth: String,
    /// The one record that matched, if one did.
    pub matched_patient: Option<PatientId>,
    /// Its MRN and the patient's age today.
    #[serde(default)]
    pub matched_mrn: Option<String>,
    #[serde(default)]
    pub matched_age: Option<u32>,
    /// Why the rules left it for review, in words.
    #[serde(default)]
    pub why_review: String,
    pub document_reference: String,
    pub details: String,
    pub received_on: String,
    /// Also waiting for the adult patient's own approval.
    pub waiting_for_patient: bool,
    /// The latest end date approval may give (YYYY-MM-DD): the renewal
    /// period of the patient's state from today or, for a parent or
    /// guardian of a minor, the day before majority if sooner. The console
    /// suggests it.
    pub renewal_until: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProxyDecision {
    /// Grant `scope` ("full" or "limited") until `until` (YYYY-MM-DD).
    Approve { scope: Scope, until: String },
    /// Deny; the requester is told the reason by email.
    Deny { reason: String },
}
