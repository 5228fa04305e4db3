//! The help desk's queues: sign-ups the system could not verify, and
//! medical records requests.

use super::patients::{Channel, Letter};
use crate::domain::ids::PatientId;
pub use crate::domain::states::{RecordsStatus, SignupStatus};

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// One open sign-up, as the queue lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueItem {
    pub reference: String,
    pub name: String,
    pub date_of_birth: String,
    pub received_on: String,
    /// Whole days since it arrived.
    pub waited_days: i64,
    pub promised_by: String,
    /// Past the one-week promise.
    pub overdue: bool,
    /// "received" or "under review".
    pub status: String,
    pub state: SignupStatus,
    /// The language it was made in, in English ("Spanish"): what the
    /// person reads the help desk's emails in.
    pub language: String,
}

/// A labelled value of a record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Field {
    pub label: String,
    pub value: String,
    /// Candidates only: whether it agrees with what the person submitted
    /// (the same after normalisation, or close: a nickname, an initial).
    pub same: bool,
    /// Candidates only: how parts of it agree when not all the same
    /// ("first name similar, last name close").
    pub note: String,
}

impl Field {
    /// What the person submitted: no agreement to mark.
    pub fn submitted(label: &str, value: String) -> Field {
        Field {
            label: label.into(),
            value,
            same: false,
            note: String::new(),
        }
    }
}

/// A patient record that might be the person's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Candidate {
    pub patient_id: PatientId,
    pub mrn: String,
    pub fields: Vec<Field>,
    pub has_account: bool,
    pub has_email: bool,
    /// How record matching graded it (`certain`, `probable`, `possible`),
    /// or None when it is not a match at all (another date of birth).
    pub grade: Option<String>,
    /// The record matching proposed when the request was made.
    pub proposed: bool,
    /// Why the grade is not certain.
    pub limits: Vec<String>,
}

/// What the person submitted, beside the closest records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignupReview {
    pub item: QueueItem,
    pub submitted: Vec<Field>,
    /// The proposed record first, then closest first.
    pub candidates: Vec<Candidate>,
    /// Still open (received or under review).
    pub open: bool,
    /// For a closed request, why.
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QueueAction {
    /// Link to the patient and send a code by email (to the record's
    /// address) or letter.
    SendCode {
        patient_id: PatientId,
        channel: Channel,
    },
    /// Close it; the person is told the reason by email.
    Reject { reason: String },
    /// Close it as a repeat of another request.
    Duplicate,
}

/// What an action produced: a letter to print, or where the code went.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionDone {
    pub emailed_to: Option<String>,
    pub letter: Option<Letter>,
}

/// A medical records request in the queue.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordsItem {
    pub reference: String,
    pub name: String,
    pub date_of_birth: String,
    pub address: Vec<String>,
    pub phone: String,
    pub records: String,
    pub dates: String,
    pub delivery: String,
    /// The language it was made in, in English: what to write back in.
    pub language: String,
    pub received_on: String,
    /// "received", "in progress" or "completed".
    pub status: String,
    pub state: RecordsStatus,
    /// For an open request: the closest records, each field beside the
    /// request's, as the sign-up queue shows them.
    #[serde(default)]
    pub candidates: Vec<Candidate>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct Reference {
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub reference: String,
}
