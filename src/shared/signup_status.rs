//! "Check your request": where a self-signup that could not be verified stands.

pub use crate::domain::states::{RecordsStatus, SignupStatus};
use crate::shared::FieldError;

use crate::shared::rules::Problems;

use crate::domain::access_code::normalize_symbols;

use crate::domain::date::{Date, DateParts, parse_date_of_birth};

use crate::words;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct StatusLookup {
    #[cfg_attr(feature = "ssr", validate(length(max = 32)))]
    pub reference: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
}

impl StatusLookup {
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        let reference = self.reference.trim();
        let shape = if reference.is_empty() {
            Err(words::status_reference_missing())
        } else if normalize_symbols(reference).len() != 8 {
            Err(words::status_reference_shape())
        } else {
            Ok(())
        };
        Problems::default()
            .check("reference", shape)
            .check_date("dob", parse_date_of_birth(&self.dob, today))
            .into_vec()
    }
}

/// Which kind of request a reference names, and where it stands: the
/// status page takes the references of both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestState {
    /// A sign-up the help desk checks (or a code it mails).
    Signup(SignupStatus),
    /// A request for copies of medical records.
    Records(RecordsStatus),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequestStatus {
    pub reference: String,
    pub state: RequestState,
    /// For a closed request: why.
    pub reason: String,
    pub received_on: String,
    pub updated_on: String,
    /// A sign-up's promised date ("" for a records request, which promises none).
    pub promised_by: String,
    /// Open and past the promised date.
    pub overdue: bool,
}
