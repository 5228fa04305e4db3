//! Signing in and out, and the signed-in home page's data.

use crate::shared::rules::Problems;

use crate::shared::FieldError;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// One message for every failed sign-in: an unknown username, a wrong
/// password and a locked account all read the same.
pub fn signin_failed() -> &'static str {
    crate::words::signin_failed()
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct Credentials {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub password: String,
}

impl Credentials {
    pub fn problems(&self) -> Vec<FieldError> {
        let username = if self.username.trim().is_empty() {
            Err(crate::words::signin_enter_username())
        } else {
            Ok(())
        };
        let password = if self.password.is_empty() {
            Err(crate::words::signin_enter_password())
        } else {
            Ok(())
        };
        Problems::default()
            .check("username", username)
            .check("password", password)
            .into_vec()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignInOutcome {
    /// Signed in; the language their account keeps, if they chose one (the
    /// page switches to it).
    SignedIn {
        language: Option<crate::words::Language>,
    },
    /// A username from the old portal, which did not carry over.
    OldPortalUsername { portal_name: String },
}

/// Whose records the person can open.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordAccess {
    pub name: String,
    /// "Your own record", or the proxy access that opens it.
    pub relationship: String,
    /// Where it opens: `/records` (one's own) or `/records/{patient id}`.
    pub href: String,
    /// Access ending within a month that can be renewed: its grant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renew: Option<crate::domain::ids::GrantId>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HomeData {
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub username: String,
    /// The confirmed email address; None until one is confirmed.
    pub email: Option<String>,
    /// An address waiting for its code (masked), typed at sign-up or in
    /// settings: the home page asks for the code.
    #[serde(default)]
    pub email_to_confirm: Option<String>,
    pub records: Vec<RecordAccess>,
    /// Proxy access (held, or to their record) ending within a month.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Requests for access to their record waiting for their answer.
    #[serde(default)]
    pub waiting_for_you: u32,
    /// Their own requests for access to someone's record, waiting or
    /// decided lately (listed on their record page).
    #[serde(default)]
    pub requests_made: u32,
}
