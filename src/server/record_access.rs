//! Opening records: the person's own, or another patient's under a proxy
//! grant, showing only what the grant's scope covers. Every record-scoped
//! function checks the grant at use, so an ended grant never opens a record.

use super::caller::Caller;
use super::mail::templates::{self, AccessEnded, ProxyDecided, To};
use super::state::AppState;
use super::store::{Account, AuditEvent, GrantEnded, GrantEnding, GrantRow, Patient, ProxyStep};
use crate::domain::date::Date;
use crate::domain::ids::{GrantId, PatientId};
use crate::domain::policy::{Decision, PolicyTable, Scope};
use crate::domain::proxy::{GrantTerms, PatientTerms, Standing, standing};
use crate::domain::states::ProxyStatus;
use crate::shared::AppError;
use crate::shared::proxy::{AccessHolder, ApprovalAsked, Contact, MyRequest, RecordSummary};
use crate::words;

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

/// What a grant gives at `now`, from its terms and its patient's record as
/// it is today (`domain::proxy::standing`): every place that opens, lists
/// or tends a grant asks this, never the stored scope and end alone.
pub fn standing_of(policy: &PolicyTable, g: &GrantRow, now: i64) -> Decision<Standing> {
    let grant = GrantTerms {
        relationship: g.relationship,
        scope: g.scope,
        starts_at: g.starts_at,
        ends_at: g.ends_at,
    };
    let patient = patient_terms(&g.patient_born, &g.patient_state, g.patient_emancipated);
    standing(policy, &grant, &patient, now)
}

/// A patient's record as `standing` reads it (stored date of birth, state
/// and emancipation flag).
pub fn patient_terms<'a>(born: &str, state: &'a str, emancipated: bool) -> PatientTerms<'a> {
    PatientTerms {
        born: Date::parse_iso(born),
        state,
        emancipated,
    }
}

/// A grant in force, with what it gives now.
pub struct InForce {
    pub grant: GrantRow,
    pub scope: Scope,
    pub ends_at: i64,
    /// It ends at the patient's majority.
    pub at_majority: bool,
}

impl InForce {
    /// "Parent, limited access until May 3, 2031".
    pub fn opened_as(&self) -> String {
        let until = last_day(self.ends_at).to_string();
        let relationship = self.grant.relationship.label();
        if self.scope == Scope::Full {
            crate::words::records_opened_as_full(relationship, &until)
        } else {
            crate::words::records_opened_as_limited(relationship, &until)
        }
    }
}

/// The grants of `rows` in force at `now`.
pub fn in_force(policy: &PolicyTable, rows: Vec<GrantRow>, now: i64) -> Vec<InForce> {
    rows.into_iter()
        .filter_map(|grant| match standing_of(policy, &grant, now).value {
            Standing::InForce {
                scope,
                ends_at,
                at_majority,
            } => Some(InForce {
                grant,
                scope,
                ends_at,
                at_majority,
            }),
            Standing::Ended(_) => None,
        })
        .collect()
}

/// Ends every open grant whose standing has ended (its end date, the
/// patient's majority, an emancipation), each audited with its reason:
/// the upkeep job. Checks at use never rely on it.
pub async fn end_lapsed_grants(state: &AppState, now: i64) -> Result<u64, sqlx::Error> {
    let open = state.store.open_grants().await?;
    let ending: Vec<GrantEnded> = open
        .iter()
        .filter_map(|o| match standing_of(&state.policy, &o.grant, now).value {
            Standing::Ended(end) => Some(GrantEnded {
                grant_id: o.grant.id,
                patient_id: o.grant.patient_id,
                reason: end.as_str(),
            }),
            Standing::InForce { .. } => None,
        })
        .collect();
    if ending.is_empty() {
        return Ok(0);
    }
    state.store.end_grants(&ending, now).await
}

/// Warns both sides of each grant ending within `WARN_DAYS` (by its
/// standing: a parent's grant ends at majority whatever its end date) by
/// email, once per grant (the background job; the home pages warn on their own).
pub async fn warn_ending_grants(state: &AppState, now: i64) -> Result<usize, sqlx::Error> {
    let mut warned = 0;
    for o in state.store.open_grants().await? {
        let Standing::InForce {
            ends_at,
            at_majority,
            ..
        } = standing_of(&state.policy, &o.grant, now).value
        else {
            continue;
        };
        if o.warned_at.is_some() || !ends_soon(ends_at, now) {
            continue;
        }
        let on = last_day(ends_at);
        let patient = format!("{} {}", o.grant.first_name, o.grant.last_name);
        let holder = format!("{} {}", o.holder_first_name, o.holder_last_name);
        // Emails about an account holder go to their confirmed address only.
        let mut emails: Vec<_> = o
            .holder_email
            .as_deref()
            .map(|to| {
                state.mailer.stamp(templates::access_ending_for_holder(
                    &state.settings,
                    To::stored(to, o.holder_language.as_deref()),
                    &patient,
                    on,
                    at_majority,
                ))
            })
            .into_iter()
            .collect();
        if let Some(to) = o.patient_email.as_deref() {
            emails.push(state.mailer.stamp(templates::access_ending_for_patient(
                &state.settings,
                To::stored(to, o.patient_language.as_deref()),
                &holder,
                on,
            )));
        }
        if state
            .store
            .mark_grant_warned(o.grant.id, &emails, now)
            .await?
        {
            warned += 1;
        }
    }
    if warned > 0 {
        state.mailer.wake();
    }
    Ok(warned)
}

async fn signed_in(ctx: &Caller) -> Result<Account, AppError> {
    Ok(ctx.signed_in().await?.1)
}

/// The person's own record (`None`), or one a grant in force covers. An id
/// that is no patient's and a record without a grant in force are refused
/// alike, so the answer never tells which ids exist.
pub async fn open_record(
    ctx: &Caller,
    patient_id: Option<PatientId>,
) -> Result<RecordSummary, AppError> {
    let me = signed_in(ctx).await?;
    let store = &ctx.state.store;
    let now = ctx.now;
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
        let grants = store.grants_for(me.id, target, now).await?;
        let Some(grant) = in_force(&ctx.state.policy, grants, now).into_iter().next() else {
            // None, ended (its date, majority, emancipation) or someone else's: alike.
            let outcome = "refused: no grant in force";
            audit_open(ctx, &me, Some(target), outcome, now).await?;
            return Err(AppError::Forbidden);
        };
        Some(grant)
    };
    let full = grant.as_ref().is_none_or(|g| g.scope == Scope::Full);
    let outcome = match &grant {
        None => "own record".to_string(),
        Some(g) => format!(
            "as {} ({} scope)",
            g.grant.relationship.title().to_lowercase(),
            g.scope.as_stored()
        ),
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
    ctx: &Caller,
    me: &Account,
    patient_id: Option<PatientId>,
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
    grant: Option<&InForce>,
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
        opened_as: grant.map_or_else(
            || crate::words::home_own_record().into(),
            InForce::opened_as,
        ),
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

/// Who can open the record; the patient may end grants that are not access by law.
async fn holders(
    ctx: &Caller,
    patient_id: PatientId,
    own: bool,
    now: i64,
) -> Result<Vec<AccessHolder>, AppError> {
    let grants = ctx.state.store.grants_to(patient_id, now).await?;
    Ok(in_force(&ctx.state.policy, grants, now)
        .into_iter()
        .map(
            |InForce {
                 grant: g,
                 scope,
                 ends_at,
                 ..
             }| AccessHolder {
                grant_id: g.id,
                name: format!("{} {}", g.first_name, g.last_name),
                relationship: g.relationship.label().into(),
                since: Date::from_unix_seconds(g.starts_at).to_string(),
                until: last_day(ends_at).to_string(),
                scope,
                can_end: own && !g.by_law,
            },
        )
        .collect())
}

pub async fn end_access(ctx: &Caller, grant_id: GrantId) -> Result<(), AppError> {
    let me = signed_in(ctx).await?;
    let store = &ctx.state.store;
    // The holder hears it from us, not by finding the record closed.
    let holder = store
        .grants_to(me.patient_id, ctx.now)
        .await?
        .into_iter()
        .find(|g| g.id == grant_id);
    let holder = match &holder {
        Some(g) => store.account_by_id(g.grantee_account_id).await?,
        None => None,
    };
    let patient = format!("{} {}", me.first_name, me.last_name);
    let email = holder.as_ref().and_then(|a| a.mail_to(None)).map(|to| {
        ctx.state.mailer.stamp(templates::access_ended(
            &ctx.state.settings,
            to,
            AccessEnded::ByPatient { patient: &patient },
        ))
    });
    let event = AuditEvent {
        actor: &me.username,
        patient_id: Some(me.patient_id),
        action: "proxy.end",
        outcome: "ended by the patient",
        client_addr: Some(&ctx.client),
    };
    let ending = GrantEnding {
        grant_id,
        patient_id: me.patient_id,
        reason: "ended by the patient",
        even_by_law: false,
    };
    if store
        .end_grant(&ending, email.as_slice(), &event, ctx.now)
        .await?
    {
        ctx.state.mailer.wake();
        Ok(())
    } else {
        Err(AppError::BadRequest {
            message: "That access cannot be ended here. A parent's access to a child's record \
                      ends by law; call the help desk with questions."
                .into(),
        })
    }
}

/// A requester's requests stay listed this long after they are decided.
pub const MY_REQUESTS_DAYS: i64 = 90;

/// The reason stored (for the help desk) when the adult patient refuses;
/// the requester reads it in their own language.
const REFUSED_BY_PATIENT: &str = "The patient did not approve the request.";

/// The signed-in person's own requests for access to someone's record:
/// waiting, or decided in the last 90 days, newest first.
pub async fn my_requests(ctx: &Caller) -> Result<Vec<MyRequest>, AppError> {
    let me = signed_in(ctx).await?;
    let since = ctx.now - MY_REQUESTS_DAYS * 86_400;
    Ok(ctx
        .state
        .store
        .proxy_requests_by(me.id, since)
        .await?
        .into_iter()
        .map(|r| MyRequest {
            status: match r.status {
                ProxyStatus::WaitingForPatient => words::my_request_waiting_for_patient(&format!(
                    "{} {}",
                    r.first_name, r.last_name
                )),
                ProxyStatus::Review => words::my_request_waiting_for_help_desk().into(),
                ProxyStatus::Granted => words::my_request_granted_by_law().into(),
                ProxyStatus::Approved => words::my_request_approved().into(),
                ProxyStatus::Refused | ProxyStatus::Denied if r.reason.is_empty() => {
                    words::my_request_not_approved().into()
                }
                ProxyStatus::Denied if r.reason == REFUSED_BY_PATIENT => {
                    words::my_request_not_approved_by_patient(&format!(
                        "{} {}",
                        r.first_name, r.last_name
                    ))
                }
                ProxyStatus::Refused | ProxyStatus::Denied => {
                    words::my_request_not_approved_because(&r.reason)
                }
            },
            reference: r.reference,
            name: format!("{} {}", r.first_name, r.last_name),
            updated_on: Date::from_unix_seconds(r.updated_at).to_string(),
        })
        .collect())
}

pub async fn requests_for_me(ctx: &Caller) -> Result<Vec<ApprovalAsked>, AppError> {
    let me = signed_in(ctx).await?;
    Ok(ctx
        .state
        .store
        .proxy_requests_about(me.patient_id, ProxyStatus::WaitingForPatient)
        .await?
        .into_iter()
        .map(|r| ApprovalAsked {
            reference: r.reference,
            requester: r.requester_name,
            relationship: r.relationship.label().into(),
            asked_on: Date::from_unix_seconds(r.created_at).to_string(),
        })
        .collect())
}

/// The adult patient's answer: approval sends the request on to the help
/// desk; refusal ends it, and the requester is told.
pub async fn answer_request(ctx: &Caller, reference: &str, approve: bool) -> Result<(), AppError> {
    let me = signed_in(ctx).await?;
    let state = &ctx.state;
    let waiting = state
        .store
        .proxy_requests_about(me.patient_id, ProxyStatus::WaitingForPatient)
        .await?;
    let Some(request) = waiting.into_iter().find(|r| r.reference == reference) else {
        return Err(AppError::BadRequest {
            message: words::answer_no_such_request().into(),
        });
    };
    let (to, outcome, email) = if approve {
        (
            ProxyStatus::Review,
            "approved by the patient; on to help desk review",
            None,
        )
    } else {
        let email = request.requester_email.as_deref().map(|to| {
            state.mailer.stamp(templates::proxy_decided(
                &state.settings,
                To::stored(to, Some(&request.requester_language)),
                &format!("{} {}", me.first_name, me.last_name),
                ProxyDecided::RefusedByPatient,
            ))
        });
        (ProxyStatus::Denied, "refused by the patient", email)
    };
    let event = AuditEvent {
        actor: &me.username,
        patient_id: Some(me.patient_id),
        action: "proxy.answer",
        outcome,
        client_addr: Some(&ctx.client),
    };
    let reason = if approve { "" } else { REFUSED_BY_PATIENT };
    let step = ProxyStep {
        from: &[ProxyStatus::WaitingForPatient],
        to,
        reason,
        grant: None,
        email: email.as_ref(),
        event: &event,
    };
    state
        .store
        .move_proxy_request(reference, &step, ctx.now)
        .await?;
    state.mailer.wake();
    Ok(())
}
