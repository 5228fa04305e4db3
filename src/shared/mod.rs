//! The types the browser and the server exchange, the one error type a
//! person may see, and the checking helpers both sides run: one layer below
//! the apps (`ui`), the server functions (`api`) and the services
//! (`server`), importing only `domain`.

pub mod account;
pub mod error;
pub mod new_code;
pub mod proxy;
pub mod records_request;
pub mod recovery;
pub mod rules;
pub mod signin;
pub mod signup_code;
pub mod signup_status;
pub mod signup_verify;
pub mod staff;

pub use error::{AppError, FieldError};

/// The "field" of an error about the browser's session rather than what was
/// typed (it is signed in to another account): its summary offers to sign out.
pub const SIGNED_IN_ELSEWHERE: &str = "session";

use serde::{Deserialize, Serialize};

/// Configuration the pages show: the server writes it into `index.html`
/// (a `frontdesk-settings` meta tag) so the app needs no request for it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub help_desk_phone: String,
    /// Days within which an unverified sign-up gets an access code.
    pub promise_days: u32,
    /// Younger than this is a child in every state.
    #[serde(default)]
    pub youngest_teen: u32,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            help_desk_phone: crate::domain::HELP_DESK_PHONE.into(),
            promise_days: 7,
            youngest_teen: 14,
        }
    }
}
