//! Account settings for the signed-in person: change password, change email.

use crate::shared::rules::Problems;

use crate::shared::FieldError;

use crate::domain::email::email_problem;

use crate::domain::password::CommonPasswords;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct PasswordChange {
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub current: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub new: String,
}

impl PasswordChange {
    /// The shared checks (the server also checks against the person's names).
    pub fn problems(
        &self,
        username: &str,
        names: &[&str],
        common: CommonPasswords,
    ) -> Vec<FieldError> {
        let current = if self.current.is_empty() {
            Err(crate::words::settings_enter_current_password())
        } else {
            Ok(())
        };
        let new = common.problem(&self.new, username, names).and_then(|()| {
            if self.new == self.current {
                Err(crate::words::settings_password_not_different())
            } else {
                Ok(())
            }
        });
        Problems::default()
            .check("current", current)
            .check("new", new)
            .into_vec()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct EmailChangeRequest {
    #[cfg_attr(feature = "ssr", validate(length(max = 512)))]
    pub email: String,
    /// The current password: a new email address is where resets go.
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub current: String,
}

impl EmailChangeRequest {
    pub fn problems(&self) -> Vec<FieldError> {
        let current = if self.current.is_empty() {
            Err(crate::words::settings_enter_current_password())
        } else {
            Ok(())
        };
        Problems::default()
            .check("email", email_problem(&self.email))
            .check("current", current)
            .into_vec()
    }
}
