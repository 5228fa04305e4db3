//! The help desk console's server functions. Every one checks, on the
//! server, that a staff session with a role allowed to use it made the
//! call (`server::staff::require`); patients' sessions count for nothing here.

pub mod audit;

pub mod members;

pub mod patients;

pub mod proxies;

pub mod queue;

use crate::shared::FieldError;

use crate::domain::staff::Role;

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
use validator::Validate;

/// The signed-in staff member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    pub username: String,
    pub role: Role,
}

/// First sign-in: the one-time setup code `frontdesk staff add` printed,
/// and a password of the member's choosing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(Validate))]
#[serde(default)]
pub struct StaffSetup {
    #[cfg_attr(feature = "ssr", validate(length(max = 256)))]
    pub username: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 64)))]
    pub code: String,
    #[cfg_attr(feature = "ssr", validate(length(max = 1024)))]
    pub password: String,
}

impl StaffSetup {
    pub fn problems(&self, common: crate::domain::password::CommonPasswords) -> Vec<FieldError> {
        let filled = |text: &str, message| {
            if text.trim().is_empty() {
                Err(message)
            } else {
                Ok(())
            }
        };
        crate::shared::rules::Problems::default()
            .check("username", filled(&self.username, "Enter your username"))
            .check("code", filled(&self.code, "Enter your setup code"))
            .check(
                "password",
                common.problem(&self.password, self.username.trim(), &[]),
            )
            .into_vec()
    }
}
