//! Staff accounts, for administrators: the list with each member's status,
//! and resetting a password (a new one-time setup code), unlocking,
//! disabling and enabling a member. The same actions are on the command line
//! (`frontdesk staff …`).

use crate::domain::staff::Role;

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffListing {
    pub username: String,
    pub role: Role,
    pub status: StaffStatus,
    /// The administrator looking at the list.
    pub you: bool,
}

/// Where a staff member stands, most telling first: disabled, waiting for
/// setup, locked, or active.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffStatus {
    Active,
    /// Until "3:40 PM UTC on March 27, 2026".
    Locked {
        until: String,
    },
    Disabled,
    /// No password yet (new, or reset); their setup code may have expired.
    WaitingForSetup {
        code_expired: bool,
    },
}

impl StaffStatus {
    /// As the console and the command line write it.
    pub fn text(&self) -> String {
        match self {
            StaffStatus::Active => "Active".into(),
            StaffStatus::Locked { until } => format!("Locked until {until}"),
            StaffStatus::Disabled => "Disabled".into(),
            StaffStatus::WaitingForSetup {
                code_expired: false,
            } => "Waiting for setup".into(),
            StaffStatus::WaitingForSetup { code_expired: true } => {
                "Waiting for setup (code expired)".into()
            }
        }
    }
}

/// A new one-time setup code, shown once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewSetupCode {
    pub username: String,
    /// `XXXX-XXXX-XXXX`.
    pub code: String,
    /// "3:40 PM UTC on March 30, 2026".
    pub expires: String,
}
