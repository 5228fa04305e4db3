//! Account recovery: usernames by email, password resets by a one-time code
//! sent to the account's email. Answers never say whether an account exists;
//! limits per client answer "too many tries", limits per account only stop
//! the emails, so nobody can flood an inbox.

use super::caller::Caller;
use super::mail::templates::{self, To};
use super::security::new_token;
use super::signin::old_portal_name;
use super::state::Limit;
use super::store::{AuditEvent, CodeTable};
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::parse_date_of_birth;
use crate::domain::ids::AccountId;
use crate::domain::password::CommonPasswords;
use crate::domain::username::username_key;
use crate::shared::AppError;
use crate::shared::recovery::{
    NewPasswordWithCode, PasswordResetRequest, RESET_CODE_LENGTH, RecoveryOutcome, UsernameReminder,
};
use crate::shared::rules::within_bounds;
use crate::words;

/// Minutes a reset code works, and the wrong tries that end it.
pub const RESET_CODE_MINUTES: i64 = 15;
pub const RESET_CODE_TRIES: u32 = 5;

/// Recovery requests per client address.
const REQUESTS_PER_CLIENT: Limit = Limit {
    scope: "recover-client",
    per_network: true,
    max: 10,
    window: 15 * 60,
};
/// Emails per account asked for from one client address: more requests get
/// the same answer and send nothing. Counted per client first, so a
/// stranger asking again and again cannot use up the real person's share.
const EMAILS_PER_ACCOUNT_AND_CLIENT: Limit = Limit {
    scope: "recover-account-client",
    per_network: true,
    max: 3,
    window: 60 * 60,
};
/// Emails per account from every client together, so nobody can flood an
/// inbox from many addresses. Over it nothing new is sent or ended: the
/// newest code sent still works.
const EMAILS_PER_ACCOUNT: Limit = Limit {
    scope: "recover-account",
    per_network: false,
    max: 10,
    window: 60 * 60,
};
/// Wrong reset codes per client address.
const WRONG_CODES_PER_CLIENT: Limit = Limit {
    scope: "reset-wrong",
    per_network: true,
    max: 20,
    window: 15 * 60,
};

/// One answer for every code that cannot be used: wrong, ended after too
/// many wrong tries, or for a username that has no account, so the answer
/// tells nothing about which (only the right code learns more).
pub const CODE_NOT_RIGHT: &str = "The code is not right, or it no longer works. Check the code \
     in the email and try again. A code works for 15 minutes and 5 tries: after that, ask for a new code";

pub async fn forgot_username(ctx: &Caller, request: &UsernameReminder) -> Result<(), AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .take(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?
        .keep();
    let dob = parse_date_of_birth(&request.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let accounts = state
        .store
        .accounts_by_email_and_birth(&request.email, &dob.iso())
        .await?;
    let Some((account_id, patient_id, _, email)) = accounts.first().cloned() else {
        return Ok(());
    };
    if !within_account_limit(ctx, account_id, now).await? {
        return Ok(());
    }
    let usernames: Vec<String> = accounts
        .into_iter()
        .map(|(_, _, username, _)| username)
        .collect();
    let message = state.mailer.stamp(templates::username_reminder(
        &state.settings,
        To::asking(&email),
        &usernames,
    ));
    let event = AuditEvent {
        actor: "anonymous",
        patient_id: Some(patient_id),
        action: "recover.username",
        outcome: "username emailed",
        client_addr: Some(&ctx.client),
    };
    state.store.send_email(&message, &event, now).await?;
    state.mailer.wake();
    Ok(())
}

pub async fn forgot_password(
    ctx: &Caller,
    request: &PasswordResetRequest,
) -> Result<RecoveryOutcome, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .take(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?
        .keep();
    let key = username_key(&request.username);
    let Some(account) = state.store.account_by_username(&key).await? else {
        if let Some(portal_name) = old_portal_name(ctx, &key).await? {
            return Ok(RecoveryOutcome::OldPortalUsername { portal_name });
        }
        return Ok(RecoveryOutcome::EmailSent);
    };
    // A reset code goes only to a confirmed address: without one the answer
    // is the same (it says to call the help desk if no email comes).
    let Some(to) = account.mail_to(Some(words::language())) else {
        let event = AuditEvent {
            actor: &account.username,
            patient_id: Some(account.patient_id),
            action: "recover.password",
            outcome: "refused: no confirmed email; nothing sent",
            client_addr: Some(&ctx.client),
        };
        state.store.audit(now, &event).await?;
        return Ok(RecoveryOutcome::EmailSent);
    };
    if !within_account_limit(ctx, account.id, now).await? {
        return Ok(RecoveryOutcome::EmailSent);
    }
    let code = new_token(RESET_CODE_LENGTH);
    let shown = format!("{}-{}", &code[..4], &code[4..]);
    let expires_at = now + RESET_CODE_MINUTES * 60;
    let message = state.mailer.stamp(templates::reset_code(
        &state.settings,
        to,
        &shown,
        RESET_CODE_MINUTES,
        expires_at,
    ));
    let event = AuditEvent {
        actor: &account.username,
        patient_id: Some(account.patient_id),
        action: "recover.password",
        outcome: "reset code emailed",
        client_addr: Some(&ctx.client),
    };
    let hash = reset_code_hash(ctx, account.id, &code);
    state
        .store
        .add_reset_code(account.id, &hash, expires_at, &message, &event, now)
        .await?;
    state.mailer.wake();
    Ok(RecoveryOutcome::EmailSent)
}

pub async fn reset_password(ctx: &Caller, request: &NewPasswordWithCode) -> Result<(), AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems(CommonPasswords::bundled());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .check(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    let wrong = || async {
        state
            .count_failure(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
            .await?;
        Err::<(), AppError>(AppError::invalid("code", CODE_NOT_RIGHT))
    };
    let ask_again =
        |problem: &str| AppError::invalid("code", words::recover_ask_again_for_code(problem));
    let Some(account) = state
        .store
        .account_by_username(&username_key(&request.username))
        .await?
    else {
        return wrong().await;
    };
    let Some(sent) = state.store.latest_reset_code(account.id).await? else {
        return wrong().await;
    };
    // A used or ended code answers as a wrong one, whatever was typed.
    if sent.used_at.is_some() || sent.voided_at.is_some() {
        return wrong().await;
    }
    if sent.code_hash != reset_code_hash(ctx, account.id, &normalize_symbols(&request.code)) {
        state
            .store
            .record_code_try(CodeTable::ResetCodes, sent.id, RESET_CODE_TRIES, now)
            .await?;
        return wrong().await;
    }
    if sent.expires_at <= now {
        return Err(ask_again(words::code_expired_ask_again()));
    }
    let names = [
        account.first_name.as_str(),
        &account.middle_name,
        &account.last_name,
    ];
    if let Err(message) =
        CommonPasswords::bundled().problem(&request.password, &account.username, &names)
    {
        return Err(AppError::invalid("password", message));
    }
    let hash = state.hasher.hash(&request.password).await?;
    let message = account.mail_to(Some(words::language())).map(|to| {
        state
            .mailer
            .stamp(templates::password_changed(&state.settings, to))
    });
    let event = AuditEvent {
        actor: &account.username,
        patient_id: Some(account.patient_id),
        action: "recover.reset",
        outcome: "password reset; sessions ended; lock lifted",
        client_addr: Some(&ctx.client),
    };
    if !state
        .store
        .reset_password(account.id, sent.id, &hash, message.as_ref(), &event, now)
        .await?
    {
        return Err(ask_again(words::code_used_ask_again()));
    }
    state.mailer.wake();
    Ok(())
}

fn reset_code_hash(ctx: &Caller, account_id: AccountId, code: &str) -> String {
    ctx.state
        .secret
        .keyed_hash("reset-code", &format!("{account_id}:{code}"))
}

/// Counts one email for the account, from this client and in all; false
/// when either share is used up.
async fn within_account_limit(
    ctx: &Caller,
    account_id: AccountId,
    now: i64,
) -> Result<bool, AppError> {
    let state = &ctx.state;
    let from_here = format!("{account_id}@{}", ctx.limit_key);
    let Ok(here) = state
        .try_take(EMAILS_PER_ACCOUNT_AND_CLIENT, &from_here, now)
        .await?
    else {
        return Ok(false);
    };
    match state
        .try_take(EMAILS_PER_ACCOUNT, &account_id.to_string(), now)
        .await?
    {
        Ok(taken) => {
            taken.keep();
            here.keep();
            Ok(true)
        }
        // Nothing is sent, so this client's share is not used either.
        Err(_) => {
            here.refund(state).await?;
            Ok(false)
        }
    }
}
