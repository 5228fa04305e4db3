//! "Sign up with an access code": check the code and date of birth, check the
//! new login, then redeem the code and create the account in one step.

use crate::shared::rules::Problems;

use crate::shared::FieldError;

use crate::domain::access_code;

use crate::domain::date::{Date, DateParts, parse_date_of_birth};

use crate::domain::email::email_problem;

use crate::domain::password::CommonPasswords;

use crate::domain::username::username_problem;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// The first page's answers. Sent again with every later step: the server
/// keeps no half-finished sign-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct CodeAndBirthDate {
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub code: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
}

impl CodeAndBirthDate {
    pub const FIELDS: &[&str] = &["code", "dob"];

    /// The shared checks, as field errors in page order.
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        Problems::default()
            .check(
                "code",
                access_code::parse(&self.code).map_err(|e| e.message()),
            )
            .check_date("dob", parse_date_of_birth(&self.dob, today))
            .into_vec()
    }
}

/// Whose code it is, so the next page can greet them, check the password
/// against their name and offer the email on their record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeHolder {
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub record_email: Option<String>,
    /// In their state's teen band: they confirm the account is their own.
    #[serde(default)]
    pub teen: bool,
}

impl CodeHolder {
    pub fn names(&self) -> [&str; 3] {
        [&self.first_name, &self.middle_name, &self.last_name]
    }
}

/// The login the person chooses.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct NewLogin {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub password: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub email: String,
    /// A teen's "I am {first name} and I'm creating my own account".
    pub own_account: bool,
}

impl NewLogin {
    pub const FIELDS: &[&str] = &["username", "password", "email", "own_account"];

    /// The shared checks. `common` is the common-password list: the full one
    /// on the server; in the browser, whatever has been fetched so far.
    pub fn problems(&self, names: &[&str], common: CommonPasswords) -> Vec<FieldError> {
        let password = common.problem(&self.password, self.username.trim(), names);
        Problems::default()
            .check("username", username_problem(&self.username))
            .check("password", password)
            .check("email", email_problem(&self.email))
            .into_vec()
    }
}

/// What the last page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountCreated {
    pub username: String,
    pub email: String,
    /// No code for this sign-up went to `email`: one went now, to enter
    /// once signed in, before the address is used for anything.
    #[serde(default)]
    pub email_to_confirm: bool,
    /// For a teen: what a parent or guardian with proxy access can see.
    #[serde(default)]
    pub parents_see: Option<String>,
}
