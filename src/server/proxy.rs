//! Proxy access requests: find the record, decide by the rule table
//! (`domain::proxy::decide`), grant at once when the law gives access, and
//! otherwise leave the request for the help desk (and the adult patient).

use super::caller::Caller;
use super::mail::templates;
use super::record_access::{InForce, ends_soon, in_force, last_day};
use super::security::new_reference;
use super::signup_verify::format_reference;
use super::state::Limit;
use super::store::{AuditEvent, GrantId, NewGrant, NewProxyRequest, Patient};
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::matching::{normalize_name, same_email, same_phone};
use crate::domain::policy::AgeGroup;
use crate::domain::proxy::{ProxyOutcome, RecordFacts, Relationship, decide};
use crate::domain::states::ProxyStatus;
use crate::shared::AppError;
use crate::shared::proxy::{ProxyAnswer, ProxyRequestForm};
use crate::shared::rules::within_bounds;

/// Requests an account may make in a day.
const REQUESTS_PER_ACCOUNT: Limit = Limit {
    scope: "proxy-requests",
    per_network: false,
    max: 10,
    window: 86_400,
};

pub async fn request(ctx: &Caller, form: &ProxyRequestForm) -> Result<ProxyAnswer, AppError> {
    file(ctx, form, None).await
}

/// Asks to keep access that ends within its warning month (not access by
/// law, which ends at majority): a new request for the same record and
/// relationship, decided as any other (an adult patient approves first).
/// Asking again gives the open request's reference.
pub async fn renew(ctx: &Caller, grant_id: GrantId) -> Result<ProxyAnswer, AppError> {
    let state = &ctx.state;
    let session = ctx.session().await?.ok_or(AppError::SignedOut)?;
    let held = state.store.grants_held_by(session.owner, ctx.now).await?;
    let renewable = in_force(&state.policy, held, ctx.now)
        .into_iter()
        .find(|g| g.grant.id == grant_id && renewable(g, ctx.now));
    let Some(g) = renewable else {
        return Err(AppError::BadRequest {
            message: "This access cannot be renewed: it is not ending within a month, or it is \
                      a parent's or guardian's access, which ends when the child becomes an adult."
                .into(),
        });
    };
    if let Some(open) = state
        .store
        .open_proxy_request_of(session.owner, g.grant.patient_id)
        .await?
    {
        return Ok(ProxyAnswer::Review {
            reference: open,
            within_days: state.settings.promise_days,
        });
    }
    let patient = state
        .store
        .patient_by_id(g.grant.patient_id)
        .await?
        .ok_or(AppError::Forbidden)?;
    let born = Date::parse_iso(&patient.record.date_of_birth).ok_or(AppError::Forbidden)?;
    let relationship = g.grant.relationship;
    let until = last_day(g.ends_at);
    let form = ProxyRequestForm {
        first_name: patient.record.first_name.clone(),
        last_name: patient.record.last_name.clone(),
        dob: born.parts(),
        relationship: relationship.as_str().into(),
        document_reference: if relationship.needs_document() {
            format!("as for the access ending on {until}")
        } else {
            String::new()
        },
        details: format!("Renewal of access that ends on {until}."),
    };
    file(ctx, &form, Some(g.grant.id)).await
}

/// Whether a grant in force may be renewed now.
pub fn renewable(g: &InForce, now: i64) -> bool {
    !g.grant.by_law && !g.at_majority && ends_soon(g.ends_at, now)
}

/// Files a request (`renewing` the grant it would replace, if any).
async fn file(
    ctx: &Caller,
    form: &ProxyRequestForm,
    renewing: Option<GrantId>,
) -> Result<ProxyAnswer, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    let (_, requester) = ctx.signed_in().await?;
    within_bounds(form)?;
    let today = Date::from_unix_seconds(now);
    let errors = form.problems(today);
    let (Ok(born), Some(relationship), true) = (
        parse_date_of_birth(&form.dob, today),
        Relationship::parse(&form.relationship),
        errors.is_empty(),
    ) else {
        return Err(AppError::Invalid { errors });
    };
    let account = requester.id.to_string();
    state
        .take(REQUESTS_PER_ACCOUNT, &account, now)
        .await?
        .keep();

    let record = the_record(ctx, form, born).await?;
    if let Some(p) = &record {
        if p.id == requester.patient_id {
            return Err(AppError::invalid(
                "first_name",
                crate::words::proxy_own_record(),
            ));
        }
        if renewing.is_none() && state.store.holds_grant(requester.id, p.id, now).await? {
            return Err(AppError::invalid(
                "first_name",
                crate::words::proxy_have_access_already(),
            ));
        }
    }
    let facts = match &record {
        Some(p) => Some(facts_of(ctx, p, &requester_contact(ctx, &requester).await?).await?),
        None => None,
    };
    let decision = decide(relationship, facts.as_ref());
    let reference = format_reference(&new_reference());
    let (status, reason, grant, answer) = match &decision.value {
        ProxyOutcome::Granted { scope } => {
            let p = record.as_ref().ok_or(AppError::Forbidden)?;
            let until = state.policy.majority_on(born, &p.record.state);
            let row = state.policy.row(&p.record.state);
            let ends_at = until.value.to_days() * 86_400 - i64::from(row.utc_offset) * 3600;
            let answer = ProxyAnswer::Granted {
                name: format!("{} {}", p.record.first_name, p.record.last_name),
                scope: *scope,
                until: until.value.to_string(),
                because: {
                    let because = if relationship == Relationship::Parent {
                        crate::words::proxy_granted_because_parent
                    } else {
                        crate::words::proxy_granted_because_guardian
                    };
                    because(
                        &p.record.first_name,
                        &row.age_of_majority.to_string(),
                        &p.record.state,
                        &until.value.to_string(),
                    )
                },
            };
            let grant = NewGrant {
                patient_id: p.id,
                scope: *scope,
                by_law: true,
                ends_at,
            };
            (ProxyStatus::Granted, String::new(), Some(grant), answer)
        }
        ProxyOutcome::Refused { reason } => (
            ProxyStatus::Refused,
            reason.clone(),
            None,
            ProxyAnswer::Refused {
                reason: reason.clone(),
            },
        ),
        ProxyOutcome::Review { ask_patient } => (
            if *ask_patient {
                ProxyStatus::WaitingForPatient
            } else {
                ProxyStatus::Review
            },
            String::new(),
            None,
            ProxyAnswer::Review {
                reference: reference.clone(),
                within_days: state.settings.promise_days,
            },
        ),
    };
    // An adult patient with an account is asked to approve in their own home.
    let email = match (&decision.value, &record) {
        (ProxyOutcome::Review { ask_patient: true }, Some(p)) => {
            // To the account's confirmed address, not the record's: the
            // patient may have changed theirs since.
            let patient = state.store.account_by_patient(p.id).await?;
            patient.as_ref().and_then(|a| a.mail_to(None)).map(|to| {
                state.mailer.stamp(templates::proxy_approval_asked(
                    &state.settings,
                    to,
                    &format!("{} {}", requester.first_name, requester.last_name),
                    relationship,
                ))
            })
        }
        _ => None,
    };
    let new = NewProxyRequest {
        reference: &reference,
        requester_account_id: requester.id,
        patient_id: record.as_ref().map(|p| p.id),
        first_name: form.first_name.trim(),
        last_name: form.last_name.trim(),
        date_of_birth: &born.iso(),
        relationship,
        document_reference: form.document_reference.trim(),
        details: form.details.trim(),
        status,
        reason: &reason,
        rule: &decision.rule,
        client_addr: &ctx.client,
        language: crate::words::language(),
    };
    let event = AuditEvent {
        actor: &requester.username,
        patient_id: record.as_ref().map(|p| p.id),
        action: "proxy.request",
        outcome: &format!("{status}: {}", decision.rule),
        client_addr: Some(&ctx.client),
    };
    state
        .store
        .add_proxy_request(&new, grant.as_ref(), email.as_ref(), &event, now)
        .await?;
    if email.is_some() {
        state.mailer.wake();
    }
    Ok(answer)
}

/// The one record with this name and date of birth, if exactly one.
async fn the_record(
    ctx: &Caller,
    form: &ProxyRequestForm,
    born: Date,
) -> Result<Option<Patient>, AppError> {
    let (first, last) = (
        normalize_name(&form.first_name),
        normalize_name(&form.last_name),
    );
    let mut found = ctx.state.store.patients_born_on(&born.iso()).await?;
    found.retain(|p| {
        normalize_name(&p.record.first_name) == first && normalize_name(&p.record.last_name) == last
    });
    Ok(if found.len() == 1 { found.pop() } else { None })
}

/// Who the requester is, to compare with the record's parents and guardians.
struct Contact {
    name: String,
    emails: Vec<String>,
    phone: Option<String>,
}

async fn requester_contact(
    ctx: &Caller,
    requester: &crate::server::store::Account,
) -> Result<Contact, AppError> {
    let own = ctx.state.store.patient_by_id(requester.patient_id).await?;
    // Only a confirmed address counts, never one merely typed at sign-up.
    let mut emails: Vec<String> = requester.email.iter().cloned().collect();
    emails.extend(own.as_ref().and_then(|p| p.record.email.clone()));
    Ok(Contact {
        name: normalize_name(&format!("{}{}", requester.first_name, requester.last_name)),
        emails,
        phone: own.and_then(|p| p.record.mobile_phone),
    })
}

async fn facts_of(ctx: &Caller, p: &Patient, requester: &Contact) -> Result<RecordFacts, AppError> {
    let state = &ctx.state;
    let born = Date::parse_iso(&p.record.date_of_birth).ok_or(AppError::Forbidden)?;
    // Listed: the same name as a parent or guardian on the record, and one
    // of their contacts.
    let requester_listed = state.store.guardian_contacts(p.id).await?.iter().any(|g| {
        normalize_name(&g.full_name) == requester.name
            && (requester
                .emails
                .iter()
                .any(|e| same_email(Some(e), g.email.as_deref()))
                || same_phone(requester.phone.as_deref(), g.phone.as_deref()))
    });
    let age_group = state.policy.age_group(born, &p.record.state, ctx.now);
    Ok(RecordFacts {
        emancipated: p.record.emancipated && age_group.value != AgeGroup::Adult,
        age_group,
        requester_listed,
        has_account: state.store.account_of(p.id).await?.is_some(),
        teen_scope: state.policy.row(&p.record.state).parent_teen_scope,
    })
}
