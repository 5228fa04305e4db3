//! Issuing access codes (by the command line and demo seeding today; by the
//! help desk console later).

use super::mail::Mailer;
use super::mail::templates::{self, To};
use super::security::{ServerSecret, new_access_code};
use super::state::Settings;
use super::store::{IssueCode, Patient, Store};
use crate::domain::access_code::AccessCode;
use crate::domain::date::Date;
use crate::domain::policy::{AgeGroup, PolicyTable};

pub const DEFAULT_DAYS: u32 = 14;

#[derive(Debug)]
pub struct IssuedCode {
    pub code: AccessCode,
    pub expires_on: Date,
}

#[derive(Debug)]
pub enum IssueError {
    /// Younger than their state's teen band: a parent's or guardian's proxy
    /// access reaches them instead. The rule that says so.
    TooYoung(String),
    Store(sqlx::Error),
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IssueError::TooYoung(rule) => write!(
                f,
                "This patient is too young for their own account ({rule}). A parent or \
                 guardian asks for proxy access instead."
            ),
            IssueError::Store(e) => write!(f, "database error: {e}"),
        }
    }
}

/// How a code is issued.
pub struct Issue<'a> {
    /// Seconds the code works.
    pub valid_for: i64,
    pub issued_by: &'a str,
    /// End the patient's older unused codes.
    pub replace_older: bool,
    /// How it reaches the person, for the audit log.
    pub how: &'a str,
    /// Email the code to the address on the record, in the same transaction.
    pub email_to: Option<(&'a Mailer, &'a Settings, To<'a>)>,
    /// For a code made after a verified sign-up: where the sign-up code
    /// went. With `email_to`, it is the address that can count as confirmed
    /// when the person types it for their account.
    pub proven_email: Option<&'a str>,
    pub client_addr: Option<&'a str>,
}

impl Issue<'_> {
    /// A code from the help desk or the command line: `days` days, replacing older ones.
    pub fn by_staff(issued_by: &str, days: u32) -> Issue<'_> {
        Issue {
            valid_for: i64::from(days) * 86_400,
            issued_by,
            replace_older: true,
            how: "shown once",
            email_to: None,
            proven_email: None,
            client_addr: None,
        }
    }
}

/// Creates a new code for `patient`.
pub async fn issue_code(
    store: &Store,
    secret: &ServerSecret,
    policy: &PolicyTable,
    patient: &Patient,
    issue: &Issue<'_>,
    now: i64,
) -> Result<IssuedCode, IssueError> {
    let Some(born) = Date::parse_iso(&patient.record.date_of_birth) else {
        return Err(IssueError::TooYoung(
            "no date of birth on the record".into(),
        ));
    };
    let group = policy.age_group(born, &patient.record.state, now);
    if group.value == AgeGroup::Child {
        return Err(IssueError::TooYoung(group.rule));
    }
    let code = new_access_code();
    let expires_at = now + issue.valid_for;
    let email = issue.email_to.map(|(mailer, settings, to)| {
        mailer.stamp(templates::new_access_code(
            settings,
            to,
            &code.to_string(),
            expires_at,
        ))
    });
    let record = IssueCode {
        patient_id: patient.id,
        code_hash: &secret.access_code_hash(&code),
        issued_by: issue.issued_by,
        expires_at,
        replace_older: issue.replace_older,
        how: issue.how,
        email: email.as_ref(),
        sent_to: issue
            .email_to
            .map(|(_, _, to)| to.address)
            .or(issue.proven_email),
        client_addr: issue.client_addr,
    };
    store
        .issue_code(&record, now)
        .await
        .map_err(IssueError::Store)?;
    if let Some((mailer, _, _)) = issue.email_to {
        mailer.wake();
    }
    Ok(IssuedCode {
        code,
        expires_on: Date::from_unix_seconds(expires_at),
    })
}
