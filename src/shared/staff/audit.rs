//! The audit log as the console reads it: filtered, sorted, a page at a
//! time, and whether its hash chain verifies.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// Entries per page.
pub const PAGE_SIZE: u32 = 100;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditColumn {
    #[default]
    Time,
    Actor,
    Patient,
    Action,
    Outcome,
    Client,
}

impl AuditColumn {
    pub const ALL: [AuditColumn; 6] = [
        AuditColumn::Time,
        AuditColumn::Actor,
        AuditColumn::Patient,
        AuditColumn::Action,
        AuditColumn::Outcome,
        AuditColumn::Client,
    ];

    pub fn title(self) -> &'static str {
        match self {
            AuditColumn::Time => "Time (UTC)",
            AuditColumn::Actor => "Actor",
            AuditColumn::Patient => "Patient (MRN)",
            AuditColumn::Action => "Action",
            AuditColumn::Outcome => "Outcome",
            AuditColumn::Client => "Client address",
        }
    }
}

/// Empty fields do not filter. Dates are `YYYY-MM-DD`, both days included.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct AuditFilter {
    /// The patient's MRN.
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub patient: String,
    /// Part of the actor's name.
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub actor: String,
    /// The start of an action's name: "code" finds "code.issue" and "code.revoke".
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub action: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 10)))]
    pub from: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 10)))]
    pub to: String,
    pub sort: AuditColumn,
    pub ascending: bool,
    /// Entries skipped in this order: the page starts after them.
    pub offset: u32,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: i64,
    /// "2026-11-30 14:03:09".
    pub time: String,
    pub actor: String,
    pub patient: String,
    pub action: String,
    pub outcome: String,
    pub client: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    /// At most `PAGE_SIZE`, from `offset` on.
    pub entries: Vec<AuditEntry>,
    pub offset: u32,
    /// Entries matching the filters, on every page.
    pub total: u64,
    /// Whether the log's hash chain verifies, in words.
    pub chain_verifies: bool,
    pub chain: String,
}
