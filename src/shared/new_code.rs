//! "Get a new access code": for a lost, expired or missing code.

use crate::shared::FieldError;

use crate::shared::rules::Problems;

use crate::domain::date::{Date, DateParts, parse_date_of_birth};

use crate::domain::email::email_problem;

use crate::domain::person::{NameField, name_problem, phone_problem};

use crate::words;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct NewCodeRequest {
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub first_name: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 200)))]
    pub last_name: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
    /// The email address or mobile phone number on the record.
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub contact: String,
}

impl NewCodeRequest {
    /// True when the contact is an email address (else a phone number).
    pub fn contact_is_email(&self) -> bool {
        self.contact.contains('@')
    }

    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        let contact = if self.contact.trim().is_empty() {
            Err(words::new_code_contact_missing())
        } else if self.contact_is_email() {
            email_problem(&self.contact)
        } else {
            phone_problem(&self.contact)
        };
        Problems::default()
            .check(
                "first_name",
                name_problem(&self.first_name, NameField::First),
            )
            .check("last_name", name_problem(&self.last_name, NameField::Last))
            .check_date("dob", parse_date_of_birth(&self.dob, today))
            .check("contact", contact)
            .into_vec()
    }
}

/// What the page can truly say after a request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NewCodeAnswer {
    /// If the details matched a record with an email address, a new code
    /// went there (the answer never says whether they did).
    Emailed,
    /// They matched a record without one: the help desk mails a code to
    /// the home address on it, by `promised_by`.
    ByMail {
        reference: String,
        promised_by: String,
    },
}
