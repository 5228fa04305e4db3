//! The sign-in service: one answer for every failure, equal time for
//! unknown usernames, progressive slow-down and locks counted in the
//! database, and the home page's data.

use super::http::RequestContext;
use super::store::{Account, AuditEvent};
use crate::api::AppError;
use crate::api::rules::within_bounds;
use crate::api::signin::{Credentials, HomeData, RecordAccess, SIGNIN_FAILED, SignInOutcome};
use crate::domain::username::username_key;
use crate::server::now;

pub async fn sign_in(
    ctx: &RequestContext,
    credentials: &Credentials,
) -> Result<SignInOutcome, AppError> {
    let state = &ctx.state;
    let now = now();
    state
        .check_limit(state.signin.per_client, &ctx.client, now)
        .await?;
    within_bounds(credentials)?;
    let errors = credentials.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
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
            audit(ctx, None, "signin", "old-portal username", now).await?;
            return Ok(SignInOutcome::OldPortalUsername { portal_name });
        }
        return failed(ctx, None, "unknown username", now).await;
    };
    if account.locked_until.is_some_and(|until| until > now) {
        return failed(ctx, Some(&account), "refused: account locked", now).await;
    }
    if next_try_at(ctx, &account).is_some_and(|ready_at| ready_at > now) {
        return failed(ctx, Some(&account), "refused: too soon after failures", now).await;
    }
    if !matches {
        let policy = &state.signin;
        let failures = state
            .store
            .record_signin_failure(
                account.id,
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
        return failed(ctx, Some(&account), outcome, now).await;
    }
    state.store.clear_signin_failures(account.id).await?;
    ctx.start_session(account.id).await?;
    audit(ctx, Some(&account), "signin", "signed in", now).await?;
    Ok(SignInOutcome::SignedIn)
}

/// After `slow_after` straight failures each try waits: 2 s, doubling, at most a minute.
fn next_try_at(ctx: &RequestContext, account: &Account) -> Option<i64> {
    let over = account.failed_signins - i64::from(ctx.state.signin.slow_after);
    let last = account.last_failed_signin_at?;
    (over >= 0).then(|| last + (2_i64 << over.min(5)).min(60))
}

async fn failed<T>(
    ctx: &RequestContext,
    account: Option<&Account>,
    outcome: &str,
    now: i64,
) -> Result<T, AppError> {
    ctx.state
        .count(ctx.state.signin.per_client, &ctx.client, now)
        .await?;
    audit(ctx, account, "signin.failed", outcome, now).await?;
    Err(AppError::invalid("username", SIGNIN_FAILED))
}

async fn audit(
    ctx: &RequestContext,
    account: Option<&Account>,
    action: &str,
    outcome: &str,
    now: i64,
) -> Result<(), AppError> {
    let event = AuditEvent {
        actor: account.map_or("anonymous", |a| a.username.as_str()),
        patient_id: account.map(|a| a.patient_id),
        action,
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
    let Some(account) = ctx.state.store.account_by_id(session.account_id).await? else {
        return Ok(None);
    };
    let name = [account.first_name.as_str(), &account.last_name].join(" ");
    Ok(Some(HomeData {
        first_name: account.first_name,
        middle_name: account.middle_name,
        last_name: account.last_name,
        username: account.username,
        email: account.email,
        records: vec![RecordAccess {
            name,
            relationship: "Your own record".into(),
        }],
    }))
}

pub async fn sign_out(ctx: &RequestContext, everywhere: bool) -> Result<(), AppError> {
    let Some(session) = ctx.session().await? else {
        ctx.clear_session_cookie();
        return Ok(());
    };
    let account = ctx.state.store.account_by_id(session.account_id).await?;
    let actor = account.as_ref().map_or("unknown", |a| a.username.as_str());
    if everywhere {
        ctx.end_all_sessions(session.account_id, actor, "signout.everywhere")
            .await?;
        ctx.clear_session_cookie();
    } else {
        ctx.end_session(&session).await?;
        audit(ctx, account.as_ref(), "signout", "signed out", now()).await?;
    }
    Ok(())
}
