//! Deciding proxy requests the rules left for review (no later than a
//! minor's majority, no wider than the state's rule for their age), and
//! recording emancipations (which end every parent's and guardian's access).

use super::patients::{find_patient, written_date};
use super::require;
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::Date;
use crate::domain::ids::{GrantId, PatientId};
use crate::domain::policy::Scope;
use crate::domain::proxy::{GrantEnd, GrantTerms, Relationship, Standing, standing};
use crate::domain::staff::Permission;
use crate::domain::states::ProxyStatus;
use crate::server::caller::Caller;
use crate::server::mail::templates::{self, AccessEnded, ProxyDecided, To};
use crate::server::record_access::{patient_terms, standing_of};
use crate::server::signup_verify::format_reference;
use crate::server::store::{
    AuditEvent, GrantEnded, GrantEnding, GrantRow, NewGrant, Patient, ProxyStep,
};
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::staff::proxies::{ProxyDecision, ProxyQueueItem};
use crate::shared::staff::queue::Reference;

const MAX_REASON: usize = 500;

/// What approving a request may give: what its grant would give if it
/// began now with full scope and no end date (`domain::proxy::standing`).
struct Bounds {
    /// Full, unless it is a parent's or guardian's grant to a teen whose
    /// state limits it.
    widest: Scope,
    /// The latest end date: the renewal period of the patient's state (the
    /// default row's when no single record matched) from today there, or,
    /// for a parent or guardian of a minor, the day before majority if sooner.
    latest: Date,
    by_majority: bool,
    /// The rule that decided, for the error the agent reads.
    rule: String,
    /// Why no such grant could open the record at all (an emancipated minor).
    ended: Option<GrantEnd>,
}

fn bounds(ctx: &Caller, relationship: Relationship, patient: Option<&Patient>, now: i64) -> Bounds {
    let policy = &ctx.state.policy;
    let state = patient.map_or("", |p| p.record.state.as_str());
    let days = i64::from(policy.row(state).renewal_days);
    let renewal = policy.today_in(state, now).add_days(days);
    let mut bounds = Bounds {
        widest: Scope::Full,
        latest: renewal,
        by_majority: false,
        rule: String::new(),
        ended: None,
    };
    let Some(p) = patient else {
        return bounds;
    };
    let grant = GrantTerms {
        relationship,
        scope: Scope::Full,
        starts_at: now,
        ends_at: i64::MAX,
    };
    let r = &p.record;
    let patient = patient_terms(&r.date_of_birth, &r.state, r.emancipated);
    let decision = standing(policy, &grant, &patient, now);
    bounds.rule = decision.rule;
    match decision.value {
        Standing::Ended(end) => bounds.ended = Some(end),
        Standing::InForce {
            scope,
            ends_at,
            at_majority,
        } => {
            bounds.widest = scope;
            let before_majority = policy.today_in(state, ends_at - 1);
            if at_majority && before_majority < renewal {
                bounds.latest = before_majority;
                bounds.by_majority = true;
            }
        }
    }
    bounds
}

/// The record a request matched, if one did.
async fn matched(ctx: &Caller, patient_id: Option<PatientId>) -> Result<Option<Patient>, AppError> {
    Ok(match patient_id {
        Some(id) => ctx.state.store.patient_by_id(id).await?,
        None => None,
    })
}

pub async fn queue(ctx: &Caller) -> Result<Vec<ProxyQueueItem>, AppError> {
    require(ctx, Permission::WorkProxyRequests).await?;
    let now = ctx.now;
    let mut items = Vec::new();
    for r in ctx.state.store.proxy_review_queue().await? {
        let patient = matched(ctx, r.patient_id).await?;
        let today = Date::from_unix_seconds(now);
        let matched_age = patient
            .as_ref()
            .and_then(|p| Date::parse_iso(&p.record.date_of_birth))
            .map(|born| born.age_on(today));
        items.push(ProxyQueueItem {
            matched_mrn: patient.as_ref().map(|p| p.record.mrn.clone()),
            matched_age,
            why_review: crate::domain::text::capitalize(&r.rule),
            renewal_until: bounds(ctx, r.relationship, patient.as_ref(), now)
                .latest
                .iso(),
            reference: r.reference,
            requester: r.requester_name,
            relationship: r.relationship.title().into(),
            for_name: format!("{} {}", r.first_name, r.last_name),
            for_date_of_birth: written_date(&r.date_of_birth),
            matched_patient: r.patient_id,
            document_reference: r.document_reference,
            details: r.details,
            received_on: Date::from_unix_seconds(r.created_at).to_string(),
            waiting_for_patient: r.status == ProxyStatus::WaitingForPatient,
        });
    }
    Ok(items)
}

pub async fn decide(
    ctx: &Caller,
    request: &Reference,
    decision: &ProxyDecision,
) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkProxyRequests).await?;
    within_bounds(request)?;
    let state = &ctx.state;
    let now = ctx.now;
    let reference = format_reference(&normalize_symbols(&request.reference));
    let row = state
        .store
        .proxy_request(&reference)
        .await?
        .filter(|r| r.status.is_open())
        .ok_or_else(|| AppError::BadRequest {
            message: "There is no proxy request waiting with that reference.".into(),
        })?;
    let for_name = format!("{} {}", row.first_name, row.last_name);
    let (to, reason, grant, outcome) = match decision {
        ProxyDecision::Approve { scope, until } => {
            if row.status == ProxyStatus::WaitingForPatient {
                return Err(AppError::invalid(
                    "decision",
                    "The patient has not approved yet: an adult's record needs their approval too",
                ));
            }
            let patient_id = row.patient_id.ok_or_else(|| {
                AppError::invalid(
                    "decision",
                    "No single record matched this request: find the patient and ask the \
                     requester to send a new request with the name and date of birth on the record",
                )
            })?;
            let patient = find_patient(ctx, patient_id).await?;
            let wanted = *scope;
            let bounds = bounds(ctx, row.relationship, Some(&patient), now);
            if let Some(end) = bounds.ended {
                return Err(AppError::invalid(
                    "decision",
                    format!(
                        "A parent or guardian cannot be given access to this record: {} ({}). \
                         Deny the request with the reason.",
                        end.as_str(),
                        bounds.rule
                    ),
                ));
            }
            if wanted == Scope::Full && bounds.widest == Scope::Limited {
                return Err(AppError::invalid(
                    "scope",
                    format!(
                        "Choose limited access: the state's rule limits a parent's or guardian's \
                         access to {}'s record at their age ({})",
                        patient.record.first_name, bounds.rule
                    ),
                ));
            }
            let latest = bounds.latest;
            let until = Date::parse_iso(until.trim())
                .filter(|d| d.to_days() * 86_400 > now)
                .ok_or_else(|| {
                    AppError::invalid(
                        "until",
                        format!("Enter a future end date, like {}", latest.iso()),
                    )
                })?;
            if until > latest {
                let why = if bounds.by_majority {
                    format!(
                        "A parent's or guardian's access ends when {} comes of age",
                        patient.record.first_name
                    )
                } else {
                    "Grants other than a parent's by law are renewed".to_string()
                };
                return Err(AppError::invalid(
                    "until",
                    format!("{why}: choose an end date on or before {}", latest.iso()),
                ));
            }
            let grant = NewGrant {
                patient_id,
                scope: wanted,
                by_law: false,
                ends_at: until.add_days(1).to_days() * 86_400,
            };
            let outcome = format!("approved: {scope} access until {until} (help desk review)");
            (ProxyStatus::Approved, String::new(), Some(grant), outcome)
        }
        ProxyDecision::Deny { reason } => {
            let reason = reason.trim();
            if reason.is_empty() || reason.chars().count() > MAX_REASON {
                return Err(AppError::invalid(
                    "reason",
                    format!(
                        "Enter the reason the requester will read (up to {MAX_REASON} characters)"
                    ),
                ));
            }
            (
                ProxyStatus::Denied,
                reason.to_string(),
                None,
                "denied by the help desk".to_string(),
            )
        }
    };
    let decided = if to == ProxyStatus::Approved {
        ProxyDecided::Approved
    } else {
        ProxyDecided::Denied { reason: &reason }
    };
    let email = row.requester_email.as_deref().map(|to| {
        state.mailer.stamp(templates::proxy_decided(
            &state.settings,
            To::stored(to, Some(&row.requester_language)),
            &for_name,
            decided,
        ))
    });
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: row.patient_id,
        action: "proxy.decide",
        outcome: &outcome,
        client_addr: Some(&ctx.client),
    };
    let step = ProxyStep {
        from: &[ProxyStatus::Review],
        to,
        reason: &reason,
        grant: grant.as_ref(),
        email: email.as_ref(),
        event: &event,
    };
    let from: &[ProxyStatus] = if to == ProxyStatus::Denied {
        &ProxyStatus::OPEN
    } else {
        &[ProxyStatus::Review]
    };
    let step = ProxyStep { from, ..step };
    if !state
        .store
        .move_proxy_request(&reference, &step, now)
        .await?
    {
        return Err(AppError::BadRequest {
            message: "This request was decided already.".into(),
        });
    }
    state.mailer.wake();
    Ok(())
}

pub async fn emancipate(ctx: &Caller, patient_id: PatientId) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkProxyRequests).await?;
    find_patient(ctx, patient_id).await?;
    let now = ctx.now;
    let store = &ctx.state.store;
    // Each grant as it stands once the record says emancipated: every
    // parent's and guardian's grant to the minor ends, by law or approved.
    let grants = store.grants_to(patient_id, now).await?;
    let ending: Vec<GrantEnded> = grants
        .into_iter()
        .filter_map(|g| {
            let emancipated = GrantRow {
                patient_emancipated: true,
                ..g
            };
            match standing_of(&ctx.state.policy, &emancipated, now).value {
                Standing::Ended(end) => Some(GrantEnded {
                    grant_id: emancipated.id,
                    patient_id,
                    reason: end.as_str(),
                }),
                Standing::InForce { .. } => None,
            }
        })
        .collect();
    let outcome = format!(
        "recorded; {} parent's or guardian's grant(s) ended",
        ending.len()
    );
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: Some(patient_id),
        action: "patient.emancipated",
        outcome: &outcome,
        client_addr: Some(&ctx.client),
    };
    store
        .record_emancipation(patient_id, &ending, &event, now)
        .await?;
    Ok(())
}

/// Ends someone's access to the patient's record before its date, by law
/// too (a court order, say), with the reason for the audit log; both sides
/// are emailed.
pub async fn end_grant(
    ctx: &Caller,
    patient_id: PatientId,
    grant_id: GrantId,
    reason: &str,
) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkProxyRequests).await?;
    let patient = find_patient(ctx, patient_id).await?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(AppError::invalid(
            "reason",
            "Enter why this access is ending",
        ));
    }
    if reason.chars().count() > MAX_REASON {
        return Err(AppError::invalid(
            "reason",
            format!("The reason must be {MAX_REASON} characters or fewer"),
        ));
    }
    let store = &ctx.state.store;
    let now = ctx.now;
    let Some(grant) = store
        .grants_to(patient_id, now)
        .await?
        .into_iter()
        .find(|g| g.id == grant_id)
    else {
        return Err(AppError::BadRequest {
            message: "That access has ended already.".into(),
        });
    };
    let holder_name = format!("{} {}", grant.first_name, grant.last_name);
    let patient_name = format!("{} {}", patient.record.first_name, patient.record.last_name);
    // Both sides are told, each at their account's confirmed address.
    let holder = store.account_by_id(grant.grantee_account_id).await?;
    let own = store.account_by_patient(patient_id).await?;
    let told = [
        (
            holder,
            AccessEnded::ByHelpDeskToHolder {
                patient: &patient_name,
            },
        ),
        (
            own,
            AccessEnded::ByHelpDeskToPatient {
                holder: &holder_name,
            },
        ),
    ];
    let emails: Vec<_> = told
        .iter()
        .filter_map(|(account, ended)| {
            let to = account.as_ref()?.mail_to(None)?;
            let email = templates::access_ended(&ctx.state.settings, to, *ended);
            Some(ctx.state.mailer.stamp(email))
        })
        .collect();
    let outcome = format!("{holder_name}'s access ended by the help desk: {reason}");
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: Some(patient_id),
        action: "proxy.end",
        outcome: &outcome,
        client_addr: Some(&ctx.client),
    };
    let ending = GrantEnding {
        grant_id,
        patient_id,
        reason: "ended by the help desk",
        even_by_law: true,
    };
    if !store.end_grant(&ending, &emails, &event, now).await? {
        return Err(AppError::BadRequest {
            message: "That access has ended already.".into(),
        });
    }
    ctx.state.mailer.wake();
    Ok(())
}

/// An administrator clears an emancipation recorded by mistake. The access
/// it ended stays ended: a parent listed on the record asks again.
pub async fn undo_emancipation(ctx: &Caller, patient_id: PatientId) -> Result<(), AppError> {
    let staff = require(ctx, Permission::UndoEmancipation).await?;
    find_patient(ctx, patient_id).await?;
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: Some(patient_id),
        action: "patient.emancipation-undone",
        outcome: "recorded by mistake; cleared",
        client_addr: Some(&ctx.client),
    };
    if ctx
        .state
        .store
        .undo_emancipation(patient_id, &event, ctx.now)
        .await?
    {
        Ok(())
    } else {
        Err(AppError::BadRequest {
            message: "This patient's record does not say emancipated.".into(),
        })
    }
}
