//! Issuing access codes (by the command line and demo seeding today; by the
//! help desk console later).

use super::security::{ServerSecret, new_access_code};
use super::store::{Patient, Store};
use crate::domain::MIN_OWN_ACCOUNT_AGE;
use crate::domain::access_code::AccessCode;
use crate::domain::date::Date;

pub const DEFAULT_DAYS: u32 = 14;

#[derive(Debug)]
pub struct IssuedCode {
    pub code: AccessCode,
    pub expires_on: Date,
}

#[derive(Debug)]
pub enum IssueError {
    /// Children under 14 get access through a parent's or guardian's proxy.
    TooYoung,
    Store(sqlx::Error),
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IssueError::TooYoung => write!(
                f,
                "patients under {MIN_OWN_ACCOUNT_AGE} do not get their own account; a parent or \
                 guardian asks for proxy access instead"
            ),
            IssueError::Store(e) => write!(f, "database error: {e}"),
        }
    }
}

/// Creates a new code for `patient`, valid `days` days, and ends the older ones.
pub async fn issue_code(
    store: &Store,
    secret: &ServerSecret,
    patient: &Patient,
    days: u32,
    issued_by: &str,
    now: i64,
) -> Result<IssuedCode, IssueError> {
    let born = Date::parse_iso(&patient.record.date_of_birth);
    if born.is_none_or(|b| b.age_on(Date::from_unix_seconds(now)) < MIN_OWN_ACCOUNT_AGE) {
        return Err(IssueError::TooYoung);
    }
    let code = new_access_code();
    let expires_at = now + i64::from(days) * 86_400;
    store
        .issue_code(
            patient.id,
            &secret.access_code_hash(&code),
            issued_by,
            now,
            expires_at,
        )
        .await
        .map_err(IssueError::Store)?;
    Ok(IssuedCode {
        code,
        expires_on: Date::from_unix_seconds(expires_at),
    })
}
