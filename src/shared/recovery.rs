//! "Forgot login information": a username reminder, and a password reset by
//! an emailed one-time code. Every answer is the same whether anything
//! matched, so the page reveals nobody's account.

use crate::shared::rules::Problems;

use crate::shared::FieldError;

use crate::domain::access_code::normalize_symbols;

use crate::domain::date::{Date, DateParts, parse_date_of_birth};

use crate::domain::email::email_problem;

use crate::domain::password::CommonPasswords;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// Symbols in a reset code (Crockford base32, 40 bits).
pub const RESET_CODE_LENGTH: usize = 8;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct UsernameReminder {
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub email: String,
    #[cfg_attr(feature = "ssr", validate(nested))]
    pub dob: DateParts,
}

impl UsernameReminder {
    pub fn problems(&self, today: Date) -> Vec<FieldError> {
        Problems::default()
            .check("email", email_problem(&self.email))
            .check_date("dob", parse_date_of_birth(&self.dob, today))
            .into_vec()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct PasswordResetRequest {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
}

impl PasswordResetRequest {
    pub fn problems(&self) -> Vec<FieldError> {
        let username = if self.username.trim().is_empty() {
            Err(crate::words::signin_enter_username())
        } else {
            Ok(())
        };
        Problems::default().check("username", username).into_vec()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct NewPasswordWithCode {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub code: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub password: String,
}

impl NewPasswordWithCode {
    /// The shared checks; the server also checks the password against the
    /// person's names, which only it knows.
    pub fn problems(&self, common: CommonPasswords) -> Vec<FieldError> {
        let code = match normalize_symbols(&self.code).len() {
            0 => Err(crate::words::recover_enter_code()),
            RESET_CODE_LENGTH => Ok(()),
            _ => Err(crate::words::recover_code_format()),
        };
        let username = if self.username.trim().is_empty() {
            Err(crate::words::signin_enter_username())
        } else {
            Ok(())
        };
        Problems::default()
            .check("username", username)
            .check("code", code)
            .check(
                "password",
                common.problem(&self.password, self.username.trim(), &[]),
            )
            .into_vec()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecoveryOutcome {
    /// "If the details match an account, we have sent an email."
    EmailSent,
    /// A username from the old portal, which did not carry over.
    OldPortalUsername { portal_name: String },
}
