//! Finding a patient and acting on their portal status: codes by screen,
//! email or mail letter, revoking codes, unlocking accounts.

use crate::domain::date::DateParts;
use crate::domain::ids::{AccessCodeId, PatientId};

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// A medical record number, or a last name and date of birth (first name
/// optional, to narrow).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct PatientQuery {
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub mrn: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 100)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientSummary {
    pub id: PatientId,
    pub mrn: String,
    pub name: String,
    /// "March 27, 1984".
    pub date_of_birth: String,
    pub has_account: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PatientStatus {
    pub id: PatientId,
    pub mrn: String,
    pub name: String,
    pub date_of_birth: String,
    pub age: u32,
    pub emancipated: bool,
    /// The language the record prefers, in English ("Spanish"), or "Not
    /// given": the language of the letters and emails it gets.
    #[serde(default)]
    pub language: String,
    /// The lines of the address on the record.
    pub address: Vec<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub account: Option<AccountStatus>,
    /// Newest first. Never a code's value: only its status and expiry.
    pub codes: Vec<CodeStatus>,
    /// Sign-up requests linked to this patient.
    pub requests: Vec<RequestSummary>,
    /// Parents and guardians the record lists.
    #[serde(default)]
    pub guardians: Vec<GuardianListing>,
    /// Proxy access to this record in force now, as it stands today.
    #[serde(default)]
    pub grants: Vec<GrantListing>,
    /// Why no code can be issued, if so (an account exists; under 14).
    pub no_code_because: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountStatus {
    pub username: String,
    pub created_on: String,
    /// "Locked until 3:40 PM UTC", or None.
    pub locked: Option<String>,
    pub failed_signins: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeStatus {
    pub id: AccessCodeId,
    pub issued_on: String,
    pub issued_by: String,
    pub expires_on: String,
    /// "Active", "Used", "Expired", "Replaced", "Revoked", "Ended after wrong tries"…
    pub status: String,
    pub active: bool,
}

/// A parent or guardian listed on the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GuardianListing {
    pub name: String,
    /// "Mother", "Legal guardian", as the record has it.
    pub relationship: String,
    pub email: Option<String>,
    pub phone: Option<String>,
}

/// Someone's proxy access to the record, in force now.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct GrantListing {
    pub id: crate::domain::ids::GrantId,
    pub holder: String,
    /// "Parent", "Adult child or caregiver", …
    pub relationship: String,
    /// "Limited" or "Full", as it stands today.
    pub scope: String,
    pub since: String,
    pub until: String,
    /// "By law" or "Approved after review".
    pub basis: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestSummary {
    pub reference: String,
    pub status: String,
    pub received_on: String,
}

/// How a new code reaches the patient.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Shown once on screen, to read out over the phone.
    #[default]
    Screen,
    /// Emailed to the address on the record.
    Email,
    /// A print-ready letter to the address on the record.
    Letter,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IssuedCode {
    /// Shown once (screen and letter); None when emailed.
    pub code: Option<String>,
    pub expires_on: String,
    /// The address it was emailed to.
    pub emailed_to: Option<String>,
    pub letter: Option<Letter>,
}

/// What the mail letter prints, its words already in the patient's
/// language (the console itself stays English).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Letter {
    /// The letter's language (a BCP 47 code), for its `lang` attribute.
    pub language: String,
    pub name: String,
    pub address: Vec<String>,
    /// The date, the greeting and the introduction.
    pub before_code: Vec<String>,
    pub code: String,
    /// How long the code works.
    pub after_code: String,
    /// How to use it, in order.
    pub steps: Vec<String>,
    /// Whom to call.
    pub closing: String,
}
