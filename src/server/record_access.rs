//! Opening records: the person's own, or another patient's under a proxy
//! grant, showing only what the grant's scope covers. Every record-scoped
//! function checks the grant at use, so an ended grant never opens a record.

use super::http::RequestContext;
use super::mail::templates;
use super::state::AppState;
use super::store::{Account, AuditEvent, GrantRow, Patient, ProxyStep};
use crate::api::AppError;
use crate::api::proxy::{AccessHolder, ApprovalAsked, Contact, RecordSummary};
use crate::domain::date::Date;
use crate::domain::proxy::Relationship;
use crate::server::now;

/// Days before a grant ends that both sides are warned (home page and email).
pub const WARN_DAYS: i64 = 30;

/// The last day a grant opens the record.
pub fn last_day(ends_at: i64) -> Date {
    Date::from_unix_seconds(ends_at - 1)
}

/// Whether a grant in force is close enough to its end to warn about.
pub fn ends_soon(ends_at: i64, now: i64) -> bool {
    ends_at - now <= WARN_DAYS * 86_400
}

/// Warns both sides of each grant ending within `WARN_DAYS` by email, once
/// per grant (the background job; the home pages warn on their own).
pub async fn warn_ending_grants(state: &AppState, now: i64) -> Result<usize, sqlx::Error> {
    let ending = state
        .store
        .grants_to_warn(now, now + WARN_DAYS * 86_400)
        .await?;
    let mut warned = 0;
    for g in &ending {
        let on = last_day(g.ends_at);
        let patient = format!("{} {}", g.patient_first_name, g.patient_last_name);
        let holder = format!("{} {}", g.holder_first_name, g.holder_last_name);
        let mut emails = vec![state.mailer.stamp(templates::access_ending_for_holder(
            &state.settings,
            &g.holder_email,
            &patient,
            on,
            g.by_law != 0,
        ))];
        if let Some(to) = g.patient_email.as_deref() {
            emails.push(state.mailer.stamp(templates::access_ending_for_patient(
                &state.settings,
                to,
                &holder,
                on,
            )));
        }
        if state.store.mark_grant_warned(g.id, &emails, now).await? {
            warned += 1;
        }
    }
    if warned > 0 {
        state.mailer.wake();
    }
    Ok(warned)
}

async fn signed_in(ctx: &RequestContext) -> Result<Account, AppError> {
    let session = ctx.session().await?.ok_or(AppError::SignedOut)?;
    ctx.state
        .store
        .account_by_id(session.owner_id)
        .await?
        .ok_or(AppError::SignedOut)
}

/// The person's own record (`None`), or one a grant in force covers. An id
/// that is no patient's and a record without a grant in force are refused
/// alike, so the answer never tells which ids exist.
pub async fn open_record(
    ctx: &RequestContext,
    patient_id: Option<i64>,
) -> Result<RecordSummary, AppError> {
    let me = signed_in(ctx).await?;
    let store = &ctx.state.store;
    let now = now();
    let own = patient_id.is_none_or(|id| id == me.patient_id);
    let target = patient_id.unwrap_or(me.patient_id);
    // The audit log's key names only patients that exist.
    let Some(patient) = store.patient_by_id(target).await? else {
        let outcome = format!("refused: no patient has id {target}");
        audit_open(ctx, &me, None, &outcome, now).await?;
        return Err(AppError::Forbidden);
    };
    let grant = if own {
        None
    } else {
        // No grant, an ended one, or someone else's: refused alike.
        let Some(grant) = store.grant_for(me.id, target, now).await? else {
            let outcome = "refused: no grant in force";
            audit_open(ctx, &me, Some(target), outcome, now).await?;
            return Err(AppError::Forbidden);
        };
        Some(grant)
    };
    let full = grant.as_ref().is_none_or(|g| g.scope == "full");
    let outcome = match &grant {
        None => "own record".to_string(),
        Some(g) => format!("as {} ({} scope)", g.relationship, g.scope),
    };
    audit_open(ctx, &me, Some(target), &outcome, now).await?;
    let access = if full {
        Some(holders(ctx, target, own, now).await?)
    } else {
        None
    };
    Ok(summary(&patient, grant.as_ref(), full, access))
}

async fn audit_open(
    ctx: &RequestContext,
    me: &Account,
    patient_id: Option<i64>,
    outcome: &str,
    now: i64,
) -> Result<(), AppError> {
    let event = AuditEvent {
        actor: &me.username,
        patient_id,
        action: "record.open",
        outcome,
        client_addr: Some(&ctx.client),
    };
    Ok(ctx.state.store.audit(now, &event).await?)
}

fn summary(
    p: &Patient,
    grant: Option<&GrantRow>,
    full: bool,
    access: Option<Vec<AccessHolder>>,
) -> RecordSummary {
    let r = &p.record;
    RecordSummary {
        name: [r.first_name.as_str(), &r.middle_name, &r.last_name]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
        date_of_birth: Date::parse_iso(&r.date_of_birth)
            .map_or_else(|| r.date_of_birth.clone(), |d| d.to_string()),
        mrn: r.mrn.clone(),
        opened_as: match grant {
            None => "Your own record".into(),
            Some(g) => format!(
                "{}, {} access until {}",
                relationship_title(&g.relationship),
                g.scope,
                last_day(g.ends_at)
            ),
        },
        contact: full.then(|| Contact {
            address: vec![
                r.street.clone(),
                format!("{}, {} {}", r.city, r.state, r.zip),
            ],
            phone: r.mobile_phone.clone().filter(|p| !p.is_empty()),
            email: r.email.clone().filter(|e| !e.is_empty()),
        }),
        access,
    }
}

fn relationship_title(stored: &str) -> &'static str {
    Relationship::parse(stored).map_or("Proxy", Relationship::title)
}

/// Who can open the record; the patient may end grants that are not access by law.
async fn holders(
    ctx: &RequestContext,
    patient_id: i64,
    own: bool,
    now: i64,
) -> Result<Vec<AccessHolder>, AppError> {
    Ok(ctx
        .state
        .store
        .grants_to(patient_id, now)
        .await?
        .into_iter()
        .map(|g| AccessHolder {
            grant_id: g.id,
            name: format!("{} {}", g.first_name, g.last_name),
            relationship: relationship_title(&g.relationship).into(),
            since: Date::from_unix_seconds(g.starts_at).to_string(),
            until: last_day(g.ends_at).to_string(),
            scope: g.scope,
            can_end: own && g.by_law == 0,
        })
        .collect())
}

pub async fn end_access(ctx: &RequestContext, grant_id: i64) -> Result<(), AppError> {
    let me = signed_in(ctx).await?;
    let event = AuditEvent {
        actor: &me.username,
        patient_id: Some(me.patient_id),
        action: "proxy.end",
        outcome: "ended by the patient",
        client_addr: Some(&ctx.client),
    };
    let ended = ctx
        .state
        .store
        .end_grant(
            grant_id,
            me.patient_id,
            "ended by the patient",
            &event,
            now(),
        )
        .await?;
    if ended {
        Ok(())
    } else {
        Err(AppError::BadRequest {
            message: "That access cannot be ended here. A parent's access to a child's record \
                      ends by law; call the help desk with questions."
                .into(),
        })
    }
}

pub async fn requests_for_me(ctx: &RequestContext) -> Result<Vec<ApprovalAsked>, AppError> {
    let me = signed_in(ctx).await?;
    Ok(ctx
        .state
        .store
        .proxy_requests_about(me.patient_id, "patient")
        .await?
        .into_iter()
        .map(|r| ApprovalAsked {
            reference: r.reference,
            requester: r.requester_name,
            relationship: relationship_title(&r.relationship).into(),
            asked_on: Date::from_unix_seconds(r.created_at).to_string(),
        })
        .collect())
}

/// The adult patient's answer: approval sends the request on to the help
/// desk; refusal ends it, and the requester is told.
pub async fn answer_request(
    ctx: &RequestContext,
    reference: &str,
    approve: bool,
) -> Result<(), AppError> {
    let me = signed_in(ctx).await?;
    let state = &ctx.state;
    let waiting = state
        .store
        .proxy_requests_about(me.patient_id, "patient")
        .await?;
    let Some(request) = waiting.into_iter().find(|r| r.reference == reference) else {
        return Err(AppError::BadRequest {
            message: "There is no request waiting for your answer with that reference.".into(),
        });
    };
    let (to, outcome, email) = if approve {
        (
            "review",
            "approved by the patient; on to help desk review",
            None,
        )
    } else {
        let email = state.mailer.stamp(templates::proxy_decided(
            &state.settings,
            &request.requester_email,
            &format!("{} {}", me.first_name, me.last_name),
            false,
            "The patient did not approve the request.",
        ));
        ("denied", "refused by the patient", Some(email))
    };
    let event = AuditEvent {
        actor: &me.username,
        patient_id: Some(me.patient_id),
        action: "proxy.answer",
        outcome,
        client_addr: Some(&ctx.client),
    };
    let reason = if approve {
        ""
    } else {
        "The patient did not approve the request."
    };
    let step = ProxyStep {
        from: &["patient"],
        to,
        reason,
        grant: None,
        email: email.as_ref(),
        event: &event,
    };
    state
        .store
        .move_proxy_request(reference, &step, now())
        .await?;
    state.mailer.wake();
    Ok(())
}
