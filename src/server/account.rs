//! Account settings: a new password (asking for the current one) and a new
//! email address (confirmed by a code sent to it; the old address is told).
//! Both are announced by email.

use super::caller::Caller;
use super::mail::templates::{self, To};

use super::state::Limit;
use super::store::{Account, AuditEvent, CodeTable, NewEmail, PendingEmail};
use crate::domain::email::normalize_email;
use crate::domain::password::CommonPasswords;
use crate::domain::person::mask_email;
use crate::domain::username::username_key;
use crate::shared::AppError;
use crate::shared::account::{EmailChangeRequest, PasswordChange};
use crate::shared::rules::within_bounds;
use crate::words;
use rand::Rng;

/// Minutes an email-change code works, and the wrong tries that end it.
const CODE_MINUTES: i64 = 10;
const CODE_TRIES: u32 = 5;
/// Email-change codes sent per account.
const CODES_PER_ACCOUNT: Limit = Limit {
    scope: "email-change",
    per_network: false,
    max: 5,
    window: 60 * 60,
};
/// Wrong current passwords per account before a pause.
const WRONG_CURRENT_PER_ACCOUNT: Limit = Limit {
    scope: "wrong-current-password",
    per_network: false,
    max: 5,
    window: 15 * 60,
};

fn event<'a>(
    ctx: &'a Caller,
    account: &'a Account,
    action: &'a str,
    outcome: &'a str,
) -> AuditEvent<'a> {
    AuditEvent {
        actor: &account.username,
        patient_id: Some(account.patient_id),
        action,
        outcome,
        client_addr: Some(&ctx.client),
    }
}

pub async fn change_password(ctx: &Caller, change: &PasswordChange) -> Result<(), AppError> {
    let (_, account) = ctx.signed_in().await?;
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(change)?;
    let names = [
        account.first_name.as_str(),
        &account.middle_name,
        &account.last_name,
    ];
    let errors = change.problems(&account.username, &names, CommonPasswords::bundled());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    check_current_password(ctx, &account, &change.current, now).await?;
    let hash = state.hasher.hash(&change.new).await?;
    let notice = account.mail_to(Some(words::language())).map(|to| {
        state
            .mailer
            .stamp(templates::password_changed(&state.settings, to))
    });
    let record = event(
        ctx,
        &account,
        "account.password",
        "password changed; other sessions ended",
    );
    // Every session ends with the change; this device gets a fresh one.
    state
        .store
        .change_password(account.id, &hash, notice.as_ref(), &record, now)
        .await?;
    ctx.start_session(account.id).await?;
    state.mailer.wake();
    Ok(())
}

/// A sensitive change asks for the current password again, with wrong
/// tries limited per account (counted before the check runs).
async fn check_current_password(
    ctx: &Caller,
    account: &Account,
    typed: &str,
    now: i64,
) -> Result<(), AppError> {
    let state = &ctx.state;
    let attempt = state
        .take(WRONG_CURRENT_PER_ACCOUNT, &account.id.to_string(), now)
        .await?;
    if !state
        .hasher
        .verify(typed, Some(&account.password_hash))
        .await?
    {
        return Err(AppError::invalid(
            "current",
            crate::words::settings_current_password_wrong(),
        ));
    }
    attempt.refund(state).await
}

pub async fn start_email_change(
    ctx: &Caller,
    request: &EmailChangeRequest,
) -> Result<String, AppError> {
    let (_, account) = ctx.signed_in().await?;
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(request)?;
    let errors = request.problems();
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    let new_email = normalize_email(&request.email);
    if account
        .email
        .as_deref()
        .is_some_and(|current| new_email.eq_ignore_ascii_case(current))
    {
        return Err(AppError::invalid(
            "email",
            crate::words::settings_already_your_email(),
        ));
    }
    check_current_password(ctx, &account, &request.current, now).await?;
    state
        .take(CODES_PER_ACCOUNT, &account.id.to_string(), now)
        .await?
        .keep();
    let confirmation = Confirmation::new(ctx, &account.username, &new_email, CODE_MINUTES, now);
    let record = event(
        ctx,
        &account,
        "account.email",
        "confirmation code sent to the new address",
    );
    state
        .store
        .add_email_change(
            account.id,
            &new_email,
            &confirmation.code_hash,
            confirmation.expires_at,
            &confirmation.email,
            &record,
            now,
        )
        .await?;
    state.mailer.wake();
    Ok(mask_email(&new_email))
}

pub async fn confirm_email_change(ctx: &Caller, typed: &str) -> Result<String, AppError> {
    let (_, account) = ctx.signed_in().await?;
    let state = &ctx.state;
    let now = ctx.now;
    let code: String = typed.chars().filter(|c| !c.is_whitespace()).collect();
    if code.is_empty() {
        return Err(AppError::invalid(
            "code",
            crate::words::settings_email_enter_code(),
        ));
    }
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::invalid(
            "code",
            crate::words::settings_code_six_numbers(),
        ));
    }
    let ask_again =
        |problem: &str| AppError::invalid("code", words::settings_ask_again_for_code(problem));
    let Some(change) = state.store.latest_email_change(account.id).await? else {
        return Err(ask_again(words::code_expired_ask_again()));
    };
    if change.used_at.is_some() || change.voided_at.is_some() || change.expires_at <= now {
        return Err(ask_again(words::code_used_ask_again()));
    }
    if change.code_hash != change_code_hash(ctx, &account.username, &code) {
        let tries = state
            .store
            .record_code_try(CodeTable::EmailChanges, change.id, CODE_TRIES, now)
            .await?;
        if tries.is_none_or(|t| t >= i64::from(CODE_TRIES)) {
            return Err(ask_again(words::code_too_many_tries()));
        }
        return Err(AppError::invalid(
            "code",
            crate::words::settings_code_not_right(),
        ));
    }
    // The previous confirmed address, if any, is told.
    let notice = account.mail_to(Some(words::language())).map(|old| {
        state.mailer.stamp(templates::email_changed(
            &state.settings,
            old,
            &mask_email(&change.new_email),
        ))
    });
    let record = event(
        ctx,
        &account,
        "account.email",
        "email address changed; old address told",
    );
    if !state
        .store
        .confirm_email_change(account.id, &change, notice.as_ref(), &record, now)
        .await?
    {
        return Err(ask_again(words::code_expired_ask_again()));
    }
    state.mailer.wake();
    Ok(change.new_email)
}

/// A 6-digit code confirming `new_email` for the account `username`: its
/// keyed hash, when it ends, and the email carrying it. Made for a new
/// address in settings and for an address typed at sign-up that no code
/// was sent to: one mechanism for both.
pub struct Confirmation {
    pub code_hash: String,
    pub expires_at: i64,
    pub email: NewEmail,
}

impl Confirmation {
    pub fn new(
        ctx: &Caller,
        username: &str,
        new_email: &str,
        minutes: i64,
        now: i64,
    ) -> Confirmation {
        let state = &ctx.state;
        let code = format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000));
        let expires_at = now + minutes * 60;
        Confirmation {
            code_hash: change_code_hash(ctx, username, &code),
            expires_at,
            email: state.mailer.stamp(templates::email_change_code(
                &state.settings,
                To::asking(new_email),
                &code,
                minutes,
                expires_at,
            )),
        }
    }

    pub fn pending<'a>(&'a self, new_email: &'a str) -> PendingEmail<'a> {
        PendingEmail {
            new_email,
            code_hash: &self.code_hash,
            expires_at: self.expires_at,
            email: &self.email,
        }
    }
}

/// Keyed by the username, which is known before the account exists (at
/// sign-up) and never changes.
fn change_code_hash(ctx: &Caller, username: &str, code: &str) -> String {
    ctx.state.secret.keyed_hash(
        "email-change",
        &format!("{}:{code}", username_key(username)),
    )
}
