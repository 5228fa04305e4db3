//! Pure rules shared by the browser and the server. Nothing here does I/O; the
//! browser calls these for a courtesy check and the server calls the same
//! functions again before it acts.

pub mod access_code;
pub mod date;
pub mod email;
pub mod ids;
#[cfg(feature = "ssr")]
pub mod matching;
pub mod password;
pub mod person;
#[cfg(feature = "ssr")]
pub mod policy;
#[cfg(feature = "ssr")]
pub mod proxy;
pub mod relationship;
pub mod staff;
pub mod states;
pub mod text;
pub mod username;

/// The help desk, open 24 hours a day, 7 days a week.
pub const HELP_DESK_PHONE: &str = "855-667-9704";
