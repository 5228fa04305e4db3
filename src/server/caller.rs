//! Who calls a service, and when. The HTTP layer (`crate::api`) builds one
//! from a request and applies what the service changed; an admin command or
//! a test builds one directly. Services never see HTTP.

use super::state::AppState;
use super::store::Realm;
use crate::domain::date::Date;
use std::sync::Mutex;

/// The caller of a service: the client, the sessions it presents, the time.
pub struct Caller {
    pub state: AppState,
    /// The client's full address, for the audit log and records.
    pub client: String,
    /// The subject every per-client limit counts (an IPv4 address, or an
    /// IPv6 address's /64).
    pub limit_key: String,
    /// The session tokens the caller presents.
    pub presented: Presented,
    /// The time of the call, in seconds since the Unix epoch: every rule the
    /// service applies reads it.
    pub now: i64,
    changes: Mutex<Vec<SessionChange>>,
}

/// The session tokens a caller presents, one per realm.
#[derive(Clone, Debug, Default)]
pub struct Presented {
    pub patient: Option<String>,
    pub staff: Option<String>,
    /// The language the caller chose (the language cookie), if any.
    pub language: Option<crate::words::Language>,
}

impl Presented {
    pub fn of(&self, realm: Realm) -> Option<&str> {
        match realm {
            Realm::Patient => self.patient.as_deref(),
            Realm::Staff => self.staff.as_deref(),
        }
    }
}

/// A change to the caller's sessions for the HTTP layer to carry out (as a
/// cookie).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SessionChange {
    /// A new session: the caller presents `token` from now on, for at most
    /// `max_age` seconds.
    Started {
        realm: Realm,
        token: String,
        max_age: i64,
    },
    /// The caller's session in `realm` ended: forget its token.
    Ended { realm: Realm },
}

impl Caller {
    pub fn new(
        state: AppState,
        client: impl Into<String>,
        limit_key: impl Into<String>,
        presented: Presented,
        now: i64,
    ) -> Caller {
        Caller {
            state,
            client: client.into(),
            limit_key: limit_key.into(),
            presented,
            now,
            changes: Mutex::new(Vec::new()),
        }
    }

    /// The date of the call (UTC), for the checks that need today.
    pub fn today(&self) -> Date {
        Date::from_unix_seconds(self.now)
    }

    /// Records a change to the caller's sessions.
    pub fn change_session(&self, change: SessionChange) {
        self.changes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .push(change);
    }

    /// The session changes the service made, in order.
    pub fn session_changes(&self) -> Vec<SessionChange> {
        self.changes
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }
}
