//! Teens enroll their own account: the checks every sign-up makes once the
//! patient is known to be in their state's teen band. Refusals explain what
//! to do, and are audited with the rule that made them.

use super::caller::Caller;
use super::store::AuditEvent;
use crate::domain::date::Date;
use crate::domain::ids::PatientId;
use crate::domain::matching::{same_mailbox, same_phone};
use crate::domain::policy::{AgeGroup, Decision, Scope};
use crate::shared::{AppError, FieldError};
use crate::words;

/// The patient's age group under their state's rules.
pub fn age_group(ctx: &Caller, born: Date, state: &str) -> Decision<AgeGroup> {
    ctx.state.policy.age_group(born, state, ctx.now)
}

/// The rule that makes the patient a teen today, if they are one.
pub fn teen_rule(ctx: &Caller, date_of_birth: &str, state: &str) -> Option<String> {
    let group = age_group(ctx, Date::parse_iso(date_of_birth)?, state);
    (group.value == AgeGroup::Teen).then_some(group.rule)
}

/// What a teen's account is for and what a parent or guardian with proxy
/// access sees of their record in their state, for the confirmation page
/// (sent as text, so the sign-up app carries none of it).
pub fn parents_see(ctx: &Caller, state: &str) -> String {
    match ctx.state.policy.row(state).parent_teen_scope {
        Scope::Limited => words::teen_parents_see_limited(),
        Scope::Full => words::teen_parents_see_full(),
    }
    .to_string()
}

/// A teen must confirm the account is their own.
pub fn own_account_problem(first_name: &str) -> FieldError {
    FieldError::new("own_account", words::teen_refused_own_account(first_name))
}

/// What a teen typed, checked against their record's parents and guardians
/// and against the browser's own session.
pub struct TeenSignup<'a> {
    pub patient_id: PatientId,
    /// The age-group decision that made them a teen (for the audit log).
    pub rule: &'a str,
    pub email: Option<&'a str>,
    pub phone: Option<&'a str>,
}

pub async fn check(ctx: &Caller, teen: &TeenSignup<'_>) -> Result<(), AppError> {
    let refusal = if ctx.session().await?.is_some() {
        Some((
            AppError::invalid(
                crate::shared::SIGNED_IN_ELSEWHERE,
                words::teen_refused_signed_in(),
            ),
            "browser signed in to another account",
        ))
    } else {
        // Parents and guardians on the record, and anyone holding proxy
        // access to it: none of their contacts is the teen's own.
        let store = &ctx.state.store;
        let mut contacts = store.guardian_contacts(teen.patient_id).await?;
        contacts.extend(
            store
                .proxy_holder_contacts(teen.patient_id, ctx.now)
                .await?,
        );
        let email = teen.email.filter(|typed| {
            contacts
                .iter()
                .any(|g| same_mailbox(Some(typed), g.email.as_deref()))
        });
        let phone = teen.phone.filter(|typed| {
            contacts
                .iter()
                .any(|g| same_phone(Some(typed), g.phone.as_deref()))
        });
        match (email, phone) {
            (Some(_), _) => Some((
                AppError::invalid("email", words::teen_refused_guardian_email()),
                "a guardian's email",
            )),
            (None, Some(_)) => Some((
                AppError::invalid("mobile_phone", words::teen_refused_guardian_phone()),
                "a guardian's mobile phone",
            )),
            (None, None) => None,
        }
    };
    let Some((error, why)) = refusal else {
        return Ok(());
    };
    let event = AuditEvent {
        actor: "anonymous",
        patient_id: Some(teen.patient_id),
        action: "teen.refused",
        outcome: &format!("{why} ({})", teen.rule),
        client_addr: Some(&ctx.client),
    };
    ctx.state.store.audit(ctx.now, &event).await?;
    Err(error)
}
