//! Account recovery: usernames by email, password resets by a one-time code
//! sent to the account's email. Answers never say whether an account exists;
//! limits per client answer "too many tries", limits per account only stop
//! the emails, so nobody can flood an inbox.

use super::http::RequestContext;
use super::mail::templates;
use super::security::new_token;
use super::signin::old_portal_name;
use super::state::Limit;
use super::store::{AuditEvent, CodeTable};
use crate::api::AppError;
use crate::api::recovery::{
    NewPasswordWithCode, PasswordResetRequest, RESET_CODE_LENGTH, RecoveryOutcome, UsernameReminder,
};
use crate::api::rules::within_bounds;
use crate::domain::access_code::normalize_symbols;
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::password::CommonPasswords;
use crate::domain::username::username_key;
use crate::server::now;

/// Minutes a reset code works, and the wrong tries that end it.
pub const RESET_CODE_MINUTES: i64 = 15;
pub const RESET_CODE_TRIES: u32 = 5;

/// Recovery requests per client address.
const REQUESTS_PER_CLIENT: Limit = Limit {
    scope: "recover-client",
    max: 10,
    window: 15 * 60,
};
/// Emails per account: more requests get the same answer and send nothing.
const EMAILS_PER_ACCOUNT: Limit = Limit {
    scope: "recover-account",
    max: 3,
    window: 60 * 60,
};
/// Wrong reset codes per client address.
const WRONG_CODES_PER_CLIENT: Limit = Limit {
    scope: "reset-wrong",
    max: 20,
    window: 15 * 60,
};

pub const CODE_NOT_RIGHT: &str = "The code is not right. Check the email and try again";

pub async fn forgot_username(
    ctx: &RequestContext,
    request: &UsernameReminder,
) -> Result<(), AppError> {
    let state = &ctx.state;
    let now = now();
    state
        .check_limit(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    within_bounds(request)?;
    let errors = request.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .count(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    let dob = parse_date_of_birth(&request.dob, Date::today())
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
        &email,
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
    ctx: &RequestContext,
    request: &PasswordResetRequest,
) -> Result<RecoveryOutcome, AppError> {
    let state = &ctx.state;
    let now = now();
    state
        .check_limit(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    within_bounds(request)?;
    let errors = request.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    state
        .count(REQUESTS_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    let key = username_key(&request.username);
    let Some(account) = state.store.account_by_username(&key).await? else {
        if let Some(portal_name) = old_portal_name(ctx, &key).await? {
            return Ok(RecoveryOutcome::OldPortalUsername { portal_name });
        }
        return Ok(RecoveryOutcome::EmailSent);
    };
    if !within_account_limit(ctx, account.id, now).await? {
        return Ok(RecoveryOutcome::EmailSent);
    }
    let code = new_token(RESET_CODE_LENGTH);
    let shown = format!("{}-{}", &code[..4], &code[4..]);
    let message = state.mailer.stamp(templates::reset_code(
        &state.settings,
        &account.email,
        &shown,
        RESET_CODE_MINUTES,
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
        .add_reset_code(
            account.id,
            &hash,
            now + RESET_CODE_MINUTES * 60,
            &message,
            &event,
            now,
        )
        .await?;
    state.mailer.wake();
    Ok(RecoveryOutcome::EmailSent)
}

pub async fn reset_password(
    ctx: &RequestContext,
    request: &NewPasswordWithCode,
) -> Result<(), AppError> {
    let state = &ctx.state;
    let now = now();
    state
        .check_limit(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
        .await?;
    within_bounds(request)?;
    let errors = request.problems(CommonPasswords::bundled());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    let wrong = || async {
        state
            .count(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
            .await?;
        Err::<(), AppError>(AppError::invalid("code", CODE_NOT_RIGHT))
    };
    let ask_again =
        |message: &str| AppError::invalid("code", format!("{message}. Ask for a new code"));
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
    if sent.code_hash != reset_code_hash(ctx, account.id, &normalize_symbols(&request.code)) {
        let tries = state
            .store
            .record_code_try(CodeTable::ResetCodes, sent.id, RESET_CODE_TRIES, now)
            .await?;
        if tries.is_some_and(|t| t >= i64::from(RESET_CODE_TRIES)) {
            state
                .count(WRONG_CODES_PER_CLIENT, &ctx.limit_key, now)
                .await?;
            return Err(ask_again("You entered a wrong code too many times"));
        }
        return wrong().await;
    }
    if sent.used_at.is_some() || sent.voided_at.is_some() || sent.expires_at <= now {
        return Err(ask_again("This code has expired or was already used"));
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
    let message = state
        .mailer
        .stamp(templates::password_changed(&state.settings, &account.email));
    let event = AuditEvent {
        actor: &account.username,
        patient_id: Some(account.patient_id),
        action: "recover.reset",
        outcome: "password reset; sessions ended; lock lifted",
        client_addr: Some(&ctx.client),
    };
    if !state
        .store
        .reset_password(account.id, sent.id, &hash, &message, &event, now)
        .await?
    {
        return Err(ask_again("This code has expired or was already used"));
    }
    state.mailer.wake();
    Ok(())
}

fn reset_code_hash(ctx: &RequestContext, account_id: i64, code: &str) -> String {
    ctx.state
        .secret
        .keyed_hash("reset-code", &format!("{account_id}:{code}"))
}

/// Counts one email for the account; false when it already had its share.
async fn within_account_limit(
    ctx: &RequestContext,
    account_id: i64,
    now: i64,
) -> Result<bool, AppError> {
    let subject = account_id.to_string();
    if ctx
        .state
        .minutes_until_allowed(EMAILS_PER_ACCOUNT, &subject, now)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    ctx.state.count(EMAILS_PER_ACCOUNT, &subject, now).await?;
    Ok(true)
}
