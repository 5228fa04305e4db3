//! The sign-in service: one answer for every failure, equal time for
//! unknown usernames, progressive slow-down and locks counted in the
//! database, and the home page's data.

use super::http::RequestContext;
use super::record_access::{ends_soon, last_day};
use super::store::{AuditEvent, Realm};
use crate::api::AppError;
use crate::api::rules::within_bounds;
use crate::api::signin::{Credentials, HomeData, RecordAccess, SIGNIN_FAILED, SignInOutcome};
use crate::domain::proxy::Relationship;
use crate::domain::username::username_key;
use crate::server::now;

pub async fn sign_in(
    ctx: &RequestContext,
    credentials: &Credentials,
) -> Result<SignInOutcome, AppError> {
    let state = &ctx.state;
    let now = now();
    admit(ctx, credentials, now).await?;
    let key = username_key(&credentials.username);
    let account = state.store.account_by_username(&key).await?;
    // Always one password check, against a stand-in hash when there is no
    // account, so an unknown username costs the same time.
    let matches = state
        .hasher
        .verify(
            &credentials.password,
            account.as_ref().map(|a| a.password_hash.as_str()),
        )
        .await?;
    let Some(account) = account else {
        if let Some(portal_name) = old_portal_name(ctx, &key).await? {
            audit(
                ctx,
                Realm::Patient,
                None,
                "signin",
                "old-portal username",
                now,
            )
            .await?;
            return Ok(SignInOutcome::OldPortalUsername { portal_name });
        }
        return failed(ctx, Realm::Patient, None, "unknown username", now).await;
    };
    let signer = Signer {
        id: account.id,
        actor: &account.username,
        patient_id: Some(account.patient_id),
        failed_signins: account.failed_signins,
        last_failed_signin_at: account.last_failed_signin_at,
        locked_until: account.locked_until,
    };
    conclude(ctx, Realm::Patient, &signer, matches, now).await?;
    Ok(SignInOutcome::SignedIn)
}

/// Before any lookup: the client's failure limit, then the form's checks.
pub(super) async fn admit(
    ctx: &RequestContext,
    credentials: &Credentials,
    now: i64,
) -> Result<(), AppError> {
    let state = &ctx.state;
    state
        .check_limit(state.signin.per_client, &ctx.limit_key, now)
        .await?;
    within_bounds(credentials)?;
    let errors = credentials.problems();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Invalid { errors })
    }
}

/// Someone signing in, patient or staff: what counting failures needs.
pub(super) struct Signer<'a> {
    pub id: i64,
    /// The audit log's actor.
    pub actor: &'a str,
    pub patient_id: Option<i64>,
    pub failed_signins: i64,
    pub last_failed_signin_at: Option<i64>,
    pub locked_until: Option<i64>,
}

/// After the one password check (`matches`): refuses a locked or too-soon
/// signer with the one message, counts a wrong password (locking at the
/// limit); on success clears the failures and starts a session.
pub(super) async fn conclude(
    ctx: &RequestContext,
    realm: Realm,
    signer: &Signer<'_>,
    matches: bool,
    now: i64,
) -> Result<(), AppError> {
    if signer.locked_until.is_some_and(|until| until > now) {
        return failed(ctx, realm, Some(signer), "refused: account locked", now).await;
    }
    if next_try_at(ctx, signer).is_some_and(|ready_at| ready_at > now) {
        return failed(
            ctx,
            realm,
            Some(signer),
            "refused: too soon after failures",
            now,
        )
        .await;
    }
    let state = &ctx.state;
    if !matches {
        let policy = &state.signin;
        let failures = state
            .store
            .record_signin_failure(
                realm,
                signer.id,
                policy.lock_after,
                now + policy.lock_seconds,
                now,
            )
            .await?;
        let outcome = if failures >= i64::from(policy.lock_after) {
            "wrong password; account locked"
        } else {
            "wrong password"
        };
        return failed(ctx, realm, Some(signer), outcome, now).await;
    }
    state.store.clear_signin_failures(realm, signer.id).await?;
    ctx.start_session(realm, signer.id).await?;
    audit(ctx, realm, Some(signer), "signin", "signed in", now).await
}

/// After `slow_after` straight failures each try waits: 2 s, doubling, at most a minute.
fn next_try_at(ctx: &RequestContext, signer: &Signer) -> Option<i64> {
    let over = signer.failed_signins - i64::from(ctx.state.signin.slow_after);
    let last = signer.last_failed_signin_at?;
    (over >= 0).then(|| last + (2_i64 << over.min(5)).min(60))
}

/// The one answer to every failed sign-in, counted and audited.
pub(super) async fn failed<T>(
    ctx: &RequestContext,
    realm: Realm,
    signer: Option<&Signer<'_>>,
    outcome: &str,
    now: i64,
) -> Result<T, AppError> {
    ctx.state
        .count(ctx.state.signin.per_client, &ctx.limit_key, now)
        .await?;
    audit(ctx, realm, signer, "signin.failed", outcome, now).await?;
    Err(AppError::invalid("username", SIGNIN_FAILED))
}

/// Staff events are named `staff.…`.
pub(super) async fn audit(
    ctx: &RequestContext,
    realm: Realm,
    signer: Option<&Signer<'_>>,
    action: &str,
    outcome: &str,
    now: i64,
) -> Result<(), AppError> {
    let action = match realm {
        Realm::Patient => action.to_string(),
        Realm::Staff => format!("staff.{action}"),
    };
    let event = AuditEvent {
        actor: signer.map_or("anonymous", |s| s.actor),
        patient_id: signer.and_then(|s| s.patient_id),
        action: &action,
        outcome,
        client_addr: Some(&ctx.client),
    };
    Ok(ctx.state.store.audit(now, &event).await?)
}

/// The old portal's name when `username_key` was one of its usernames.
pub async fn old_portal_name(
    ctx: &RequestContext,
    username_key: &str,
) -> Result<Option<String>, AppError> {
    let known = ctx.state.store.old_portal_user(username_key).await?;
    Ok(known.then(|| ctx.state.settings.old_portal_name.clone()))
}

pub async fn home(ctx: &RequestContext) -> Result<Option<HomeData>, AppError> {
    let Some(session) = ctx.session().await? else {
        return Ok(None);
    };
    let Some(account) = ctx.state.store.account_by_id(session.owner_id).await? else {
        return Ok(None);
    };
    let name = [account.first_name.as_str(), &account.last_name].join(" ");
    let mut records = vec![RecordAccess {
        name,
        relationship: "Your own record".into(),
        href: "/records".into(),
    }];
    let now = now();
    let mut warnings = Vec::new();
    // Grants are checked here, at use: an ended one never shows.
    for g in ctx.state.store.grants_held_by(account.id, now).await? {
        if ends_soon(g.ends_at, now) {
            warnings.push(format!(
                "Your access to {} {}'s record ends on {}.{}",
                g.first_name,
                g.last_name,
                last_day(g.ends_at),
                if g.by_law != 0 {
                    " It is access by law, which ends when they become an adult."
                } else {
                    " To keep it, ask again before then."
                }
            ));
        }
        let relationship = Relationship::parse(&g.relationship).map_or("Proxy", |r| r.title());
        records.push(RecordAccess {
            href: format!("/records/{}", g.patient_id),
            name: format!("{} {}", g.first_name, g.last_name),
            relationship: format!(
                "{relationship}, {} access until {}",
                g.scope,
                last_day(g.ends_at)
            ),
        });
    }
    // And the other side: access to this person's own record.
    for g in ctx.state.store.grants_to(account.patient_id, now).await? {
        if ends_soon(g.ends_at, now) {
            warnings.push(format!(
                "{} {}'s access to your record ends on {}.",
                g.first_name,
                g.last_name,
                last_day(g.ends_at)
            ));
        }
    }
    Ok(Some(HomeData {
        first_name: account.first_name,
        middle_name: account.middle_name,
        last_name: account.last_name,
        username: account.username,
        email: account.email,
        records,
        warnings,
    }))
}

pub async fn sign_out(ctx: &RequestContext, everywhere: bool) -> Result<(), AppError> {
    let Some(session) = ctx.session().await? else {
        ctx.clear_session_cookie(Realm::Patient);
        return Ok(());
    };
    let account = ctx.state.store.account_by_id(session.owner_id).await?;
    let actor = account.as_ref().map_or("unknown", |a| a.username.as_str());
    if everywhere {
        ctx.end_all_sessions(
            Realm::Patient,
            session.owner_id,
            actor,
            "signout.everywhere",
        )
        .await?;
        ctx.clear_session_cookie(Realm::Patient);
    } else {
        ctx.end_session(&session).await?;
        let event = AuditEvent {
            actor,
            patient_id: account.as_ref().map(|a| a.patient_id),
            action: "signout",
            outcome: "signed out",
            client_addr: Some(&ctx.client),
        };
        ctx.state.store.audit(now(), &event).await?;
    }
    Ok(())
}
