//! The sign-in service: one answer for every failure, equal time for
//! unknown usernames, progressive slow-down and locks counted in the
//! database, and the home page's data.

use super::caller::Caller;
use super::record_access::{MY_REQUESTS_DAYS, ends_soon, in_force, last_day};
use super::state::{SigninPolicy, Taken};
use super::store::{AuditEvent, PatientId, Realm, SigninCounter, SignsIn};
use crate::domain::states::ProxyStatus;
use crate::domain::username::username_key;
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::signin::{Credentials, HomeData, RecordAccess, SignInOutcome, signin_failed};

pub async fn sign_in(ctx: &Caller, credentials: &Credentials) -> Result<SignInOutcome, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    let per_client = admit(ctx, credentials, now).await?;
    let key = username_key(&credentials.username);
    let account = state.store.account_by_username(&key).await?;
    let try_counted = match &account {
        Some(a) => count_try(ctx, a.id, now).await?,
        None => Err("unknown username"),
    };
    let hash = match (&account, &try_counted) {
        (Some(a), Ok(_)) => Some(a.password_hash.as_str()),
        _ => None,
    };
    let matches = check_password(ctx, &credentials.password, hash).await?;
    let Some(mut account) = account else {
        if let Some(portal_name) = old_portal_name(ctx, &key).await? {
            per_client.refund(state).await?;
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
        actor: &account.username,
        patient_id: Some(account.patient_id),
    };
    conclude(
        ctx,
        account.id,
        &signer,
        try_counted,
        matches,
        per_client,
        now,
    )
    .await?;
    ctx.keep_chosen_language(&mut account).await?;
    Ok(SignInOutcome::SignedIn {
        language: account.chosen_language(),
    })
}

/// Before any lookup: the form's checks, then one try counted against the
/// client's failure limit (given back if the sign-in succeeds).
pub(super) async fn admit(
    ctx: &Caller,
    credentials: &Credentials,
    now: i64,
) -> Result<Taken, AppError> {
    within_bounds(credentials)?;
    let errors = credentials.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    let state = &ctx.state;
    state
        .take(state.signin.per_client, &ctx.limit_key, now)
        .await
}

/// Someone signing in, patient or staff, as the audit log names them.
pub(super) struct Signer<'a> {
    /// The audit log's actor.
    pub actor: &'a str,
    pub patient_id: Option<PatientId>,
}

/// How many times a try is re-read when parallel tries keep changing the
/// counter under it; each round at least one of them gets through.
const COUNT_ROUNDS: usize = 200;

/// Counts this try as a failure before the password is checked (a success
/// clears it), in one atomic step with the checks that may refuse it: a
/// locked account, or a try too soon after the last failures. So a burst of
/// parallel guesses is counted, slowed and locked exactly as the same guesses
/// one after another would be. The counter after this try, or why it is refused.
pub(super) async fn count_try(
    ctx: &Caller,
    id: impl SignsIn,
    now: i64,
) -> Result<Result<SigninCounter, &'static str>, AppError> {
    let policy = &ctx.state.signin;
    for _ in 0..COUNT_ROUNDS {
        let Some(seen) = ctx.state.store.signin_counter(id).await? else {
            return Ok(Err("unknown username"));
        };
        let current = seen.at(now);
        if current.locked_until.is_some() {
            return Ok(Err("refused: account locked"));
        }
        if next_try_at(policy, &current).is_some_and(|ready_at| ready_at > now) {
            return Ok(Err("refused: too soon after failures"));
        }
        let failed_signins = current.failed_signins + 1;
        let next = SigninCounter {
            failed_signins,
            last_failed_signin_at: Some(now),
            locked_until: (failed_signins >= i64::from(policy.lock_after))
                .then_some(now + policy.lock_seconds),
        };
        if ctx
            .state
            .store
            .swap_signin_counter(id, &seen, &next)
            .await?
        {
            return Ok(Ok(next));
        }
    }
    Ok(Err("refused: too many tries at once"))
}

/// The one password check every sign-in makes, against a stand-in hash
/// when there is no account or the try was refused, so that every answer
/// takes the time of a real check.
pub(super) async fn check_password(
    ctx: &Caller,
    password: &str,
    hash: Option<&str>,
) -> Result<bool, AppError> {
    ctx.state.hasher.verify(password, hash).await
}

/// After the one password check (`matches`) of a counted try: a wrong
/// password stays counted (locking at the limit); a right one clears the
/// failures and starts a session.
pub(super) async fn conclude<O: SignsIn>(
    ctx: &Caller,
    id: O,
    signer: &Signer<'_>,
    try_counted: Result<SigninCounter, &'static str>,
    matches: bool,
    per_client: Taken,
    now: i64,
) -> Result<(), AppError> {
    let realm = O::REALM;
    let counter = match try_counted {
        Err(refusal) => return failed(ctx, realm, Some(signer), refusal, now).await,
        Ok(counter) => counter,
    };
    if !matches {
        let outcome = if counter.locked_until.is_some() {
            "wrong password; account locked"
        } else {
            "wrong password"
        };
        return failed(ctx, realm, Some(signer), outcome, now).await;
    }
    let state = &ctx.state;
    per_client.refund(state).await?;
    state.store.clear_signin_failures(id).await?;
    ctx.start_session(id).await?;
    audit(ctx, realm, Some(signer), "signin", "signed in", now).await
}

/// After `slow_after` straight failures each try waits: 2 s, doubling, at most a minute.
fn next_try_at(policy: &SigninPolicy, counter: &SigninCounter) -> Option<i64> {
    let over = counter.failed_signins - i64::from(policy.slow_after);
    let last = counter.last_failed_signin_at?;
    (over >= 0).then(|| last + (2_i64 << over.min(5)).min(60))
}

/// The one answer to every failed sign-in, audited. The try stays counted
/// against the client's limit.
pub(super) async fn failed<T>(
    ctx: &Caller,
    realm: Realm,
    signer: Option<&Signer<'_>>,
    outcome: &str,
    now: i64,
) -> Result<T, AppError> {
    audit(ctx, realm, signer, "signin.failed", outcome, now).await?;
    Err(AppError::invalid("username", signin_failed()))
}

/// Staff events are named `staff.…`.
pub(super) async fn audit(
    ctx: &Caller,
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
pub async fn old_portal_name(ctx: &Caller, username_key: &str) -> Result<Option<String>, AppError> {
    let known = ctx.state.store.old_portal_user(username_key).await?;
    Ok(known.then(|| ctx.state.settings.old_portal_name.clone()))
}

pub async fn home(ctx: &Caller) -> Result<Option<HomeData>, AppError> {
    let Some((_, account)) = ctx.account().await? else {
        return Ok(None);
    };
    let name = [account.first_name.as_str(), &account.last_name].join(" ");
    let mut records = vec![RecordAccess {
        name,
        relationship: crate::words::home_own_record().into(),
        href: "/records".into(),
        renew: None,
    }];
    let now = ctx.now;
    let mut warnings = Vec::new();
    // Grants are checked here, at use, for what they give today: an ended
    // one never shows, and a parent's shows the scope the child's age allows.
    let policy = &ctx.state.policy;
    let held = ctx.state.store.grants_held_by(account.id, now).await?;
    for g in in_force(policy, held, now) {
        if ends_soon(g.ends_at, now) {
            let name = format!("{} {}", g.grant.first_name, g.grant.last_name);
            let until = last_day(g.ends_at).to_string();
            let text = if crate::server::proxy::renewable(&g, now) {
                crate::words::home_your_access_ends_renew(&name, &until)
            } else {
                crate::words::home_your_access_ends_at_majority(&name, &until)
            };
            warnings.push(text);
        }
        records.push(RecordAccess {
            href: format!("/records/{}", g.grant.patient_id),
            name: format!("{} {}", g.grant.first_name, g.grant.last_name),
            relationship: g.opened_as(),
            renew: crate::server::proxy::renewable(&g, now).then_some(g.grant.id),
        });
    }
    // And the other side: access to this person's own record.
    let given = ctx.state.store.grants_to(account.patient_id, now).await?;
    for g in in_force(policy, given, now) {
        if ends_soon(g.ends_at, now) {
            let name = format!("{} {}", g.grant.first_name, g.grant.last_name);
            let text =
                crate::words::home_their_access_ends(&name, &last_day(g.ends_at).to_string());
            warnings.push(text);
        }
    }
    let store = &ctx.state.store;
    let waiting_for_you = store
        .proxy_requests_about(account.patient_id, ProxyStatus::WaitingForPatient)
        .await?
        .len() as u32;
    let requests_made = store
        .proxy_requests_by(account.id, now - MY_REQUESTS_DAYS * 86_400)
        .await?
        .len() as u32;
    let email_to_confirm = ctx
        .state
        .store
        .latest_email_change(account.id)
        .await?
        .filter(|c| c.used_at.is_none() && c.voided_at.is_none() && c.expires_at > now)
        .map(|c| crate::domain::person::mask_email(&c.new_email));
    Ok(Some(HomeData {
        email_to_confirm,
        first_name: account.first_name,
        middle_name: account.middle_name,
        last_name: account.last_name,
        username: account.username,
        email: account.email,
        records,
        warnings,
        waiting_for_you,
        requests_made,
    }))
}

pub async fn sign_out(ctx: &Caller, everywhere: bool) -> Result<(), AppError> {
    let Some(session) = ctx.session().await? else {
        ctx.forget_session(Realm::Patient);
        return Ok(());
    };
    let account = ctx.state.store.account_by_id(session.owner).await?;
    let actor = account.as_ref().map_or("unknown", |a| a.username.as_str());
    if everywhere {
        ctx.end_all_sessions(session.owner, actor, "signout.everywhere")
            .await?;
        ctx.forget_session(Realm::Patient);
    } else {
        ctx.end_session(&session).await?;
        let event = AuditEvent {
            actor,
            patient_id: account.as_ref().map(|a| a.patient_id),
            action: "signout",
            outcome: "signed out",
            client_addr: Some(&ctx.client),
        };
        ctx.state.store.audit(ctx.now, &event).await?;
    }
    Ok(())
}
