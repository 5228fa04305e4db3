//! Deciding proxy requests the rules left for review, and recording
//! emancipations (which end parents' access by law).

use super::patients::{find_patient, written_date};
use super::require;
use crate::api::AppError;
use crate::api::rules::within_bounds;
use crate::api::staff::proxies::{ProxyDecision, ProxyQueueItem};
use crate::api::staff::queue::Reference;
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::Date;
use crate::domain::proxy::Relationship;
use crate::domain::staff::Permission;
use crate::server::http::RequestContext;
use crate::server::mail::templates;
use crate::server::now;
use crate::server::signup_verify::format_reference;
use crate::server::store::{AuditEvent, NewGrant, ProxyStep};

const MAX_REASON: usize = 500;

/// The latest end date a reviewed grant may have: the renewal period of the
/// patient's state (the default row's when no single record matched) from
/// today there.
async fn renewal_until(
    ctx: &RequestContext,
    patient_id: Option<i64>,
    now: i64,
) -> Result<Date, AppError> {
    let state = match patient_id {
        Some(id) => ctx
            .state
            .store
            .patient_by_id(id)
            .await?
            .map(|p| p.record.state),
        None => None,
    }
    .unwrap_or_default();
    let policy = &ctx.state.policy;
    let days = i64::from(policy.row(&state).renewal_days);
    Ok(policy.today_in(&state, now).add_days(days))
}

pub async fn queue(ctx: &RequestContext) -> Result<Vec<ProxyQueueItem>, AppError> {
    require(ctx, Permission::WorkProxyRequests).await?;
    let now = now();
    let mut items = Vec::new();
    for r in ctx.state.store.proxy_review_queue().await? {
        items.push(ProxyQueueItem {
            renewal_until: renewal_until(ctx, r.patient_id, now).await?.iso(),
            reference: r.reference,
            requester: r.requester_name,
            relationship: Relationship::parse(&r.relationship)
                .map_or("Other", Relationship::title)
                .into(),
            for_name: format!("{} {}", r.first_name, r.last_name),
            for_date_of_birth: written_date(&r.date_of_birth),
            matched_patient: r.patient_id,
            document_reference: r.document_reference,
            details: r.details,
            received_on: Date::from_unix_seconds(r.created_at).to_string(),
            waiting_for_patient: r.status == "patient",
        });
    }
    Ok(items)
}

pub async fn decide(
    ctx: &RequestContext,
    request: &Reference,
    decision: &ProxyDecision,
) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkProxyRequests).await?;
    within_bounds(request)?;
    let state = &ctx.state;
    let now = now();
    let reference = format_reference(&normalize_symbols(&request.reference));
    let row = state
        .store
        .proxy_request(&reference)
        .await?
        .filter(|r| r.status == "review" || r.status == "patient")
        .ok_or_else(|| AppError::BadRequest {
            message: "There is no proxy request waiting with that reference.".into(),
        })?;
    let for_name = format!("{} {}", row.first_name, row.last_name);
    let (to, reason, grant, outcome) = match decision {
        ProxyDecision::Approve { scope, until } => {
            if row.status == "patient" {
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
            find_patient(ctx, patient_id).await?;
            if scope != "full" && scope != "limited" {
                return Err(AppError::invalid("scope", "Choose full or limited access"));
            }
            let latest = renewal_until(ctx, Some(patient_id), now).await?;
            let until = Date::parse_iso(until.trim())
                .filter(|d| d.to_days() * 86_400 > now)
                .ok_or_else(|| {
                    AppError::invalid(
                        "until",
                        format!("Enter a future end date, like {}", latest.iso()),
                    )
                })?;
            if until > latest {
                return Err(AppError::invalid(
                    "until",
                    format!(
                        "Grants other than a parent's by law are renewed: choose an end date on \
                         or before {}",
                        latest.iso()
                    ),
                ));
            }
            let grant = NewGrant {
                patient_id,
                scope,
                by_law: false,
                ends_at: until.add_days(1).to_days() * 86_400,
            };
            let outcome = format!("approved: {scope} access until {until} (help desk review)");
            ("approved", String::new(), Some(grant), outcome)
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
                "denied",
                reason.to_string(),
                None,
                "denied by the help desk".to_string(),
            )
        }
    };
    let email = state.mailer.stamp(templates::proxy_decided(
        &state.settings,
        &row.requester_email,
        &for_name,
        to == "approved",
        &reason,
    ));
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: row.patient_id,
        action: "proxy.decide",
        outcome: &outcome,
        client_addr: Some(&ctx.client),
    };
    let step = ProxyStep {
        from: &["review"],
        to,
        reason: &reason,
        grant: grant.as_ref(),
        email: Some(&email),
        event: &event,
    };
    let from: &[&str] = if to == "denied" {
        &["review", "patient"]
    } else {
        &["review"]
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

pub async fn emancipate(ctx: &RequestContext, patient_id: i64) -> Result<(), AppError> {
    let staff = require(ctx, Permission::WorkProxyRequests).await?;
    find_patient(ctx, patient_id).await?;
    let event = AuditEvent {
        actor: &staff.actor,
        patient_id: Some(patient_id),
        action: "patient.emancipated",
        outcome: "recorded; parents' access by law ended",
        client_addr: Some(&ctx.client),
    };
    ctx.state
        .store
        .record_emancipation(patient_id, &event, now())
        .await?;
    Ok(())
}
