//! The access-code sign-up service. Every step re-checks the code and date of
//! birth, so the server holds no half-finished sign-up.

use super::account::Confirmation;
use super::caller::Caller;
use super::state::Limit;
use super::store::{CodeRecord, CodeTable, NewAccount, RedeemConflict};
use super::teen;
use crate::domain::access_code;
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::email::normalize_email;
use crate::domain::password::CommonPasswords;
use crate::domain::policy::AgeGroup;
use crate::domain::username::username_key;
use crate::server::store::AuditEvent;
use crate::shared::rules::within_bounds;
use crate::shared::signup_code::{AccountCreated, CodeAndBirthDate, CodeHolder, NewLogin};
use crate::shared::{AppError, FieldError};
use crate::words;

/// Checks the code and date of birth; the answer the first page acts on.
pub async fn verify(ctx: &Caller, input: &CodeAndBirthDate) -> Result<CodeHolder, AppError> {
    let record = usable_code(ctx, input).await?;
    Ok(CodeHolder {
        teen: teen::teen_rule(ctx, &record.date_of_birth, &record.state).is_some(),
        first_name: record.first_name,
        middle_name: record.middle_name,
        last_name: record.last_name,
        record_email: record.email,
    })
}

/// Login checks (each says whether a username is taken) per client
/// address and per code, so neither can be used to list usernames.
const LOGIN_CHECKS_PER_CLIENT: Limit = Limit {
    scope: "login-check-client",
    per_network: true,
    max: 60,
    window: 60 * 60,
};
const LOGIN_CHECKS_PER_CODE: Limit = Limit {
    scope: "login-check-code",
    per_network: false,
    max: 30,
    window: 60 * 60,
};

/// Checks the chosen login, and that the username is free.
pub async fn check_login(
    ctx: &Caller,
    code: &CodeAndBirthDate,
    login: &NewLogin,
) -> Result<(), AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    state
        .take(LOGIN_CHECKS_PER_CLIENT, &ctx.limit_key, now)
        .await?
        .keep();
    let record = usable_code(ctx, code).await?;
    state
        .take(LOGIN_CHECKS_PER_CODE, &record.id.to_string(), now)
        .await?
        .keep();
    check_new_login(ctx, &record, login).await
}

/// Minutes the code confirming an address typed at sign-up works: time to
/// sign in and enter it.
const SIGNUP_CONFIRMATION_MINUTES: i64 = 60;

/// Redeems the code and creates the account.
pub async fn create_account(
    ctx: &Caller,
    code: &CodeAndBirthDate,
    login: &NewLogin,
) -> Result<AccountCreated, AppError> {
    let record = usable_code(ctx, code).await?;
    check_new_login(ctx, &record, login).await?;
    let password_hash = ctx.state.hasher.hash(&login.password).await?;
    let username = login.username.trim();
    let email = normalize_email(&login.email);
    let now = ctx.now;
    // The address counts as confirmed only when a code for this sign-up
    // went to it; any other waits for a code of its own.
    let confirmed = record
        .sent_to
        .as_deref()
        .is_some_and(|sent_to| sent_to.eq_ignore_ascii_case(&email));
    let confirmation = (!confirmed)
        .then(|| Confirmation::new(ctx, username, &email, SIGNUP_CONFIRMATION_MINUTES, now));
    let new = NewAccount {
        code_id: record.id,
        patient_id: record.patient_id,
        username,
        username_key: &username_key(username),
        password_hash: &password_hash,
        email: confirmed.then_some(email.as_str()),
        to_confirm: confirmation.as_ref().map(|c| c.pending(&email)),
        client_addr: &ctx.client,
        language: crate::words::language(),
    };
    match ctx.state.store.redeem_code(&new, now).await? {
        Ok(_) => {
            if confirmation.is_some() {
                ctx.state.mailer.wake();
            }
            Ok(AccountCreated {
                username: username.to_string(),
                email_to_confirm: !confirmed,
                email,
                // An emancipated teen's record has no parent's access.
                parents_see: teen::teen_rule(ctx, &record.date_of_birth, &record.state)
                    .filter(|_| !record.emancipated)
                    .map(|_| teen::parents_see(ctx, &record.state)),
            })
        }
        Err(RedeemConflict::UsernameTaken) => Err(username_taken()),
        Err(RedeemConflict::AccountExists) => Err(AppError::AccountExists),
        // Another request redeemed or voided it a moment ago: say what it is now.
        Err(RedeemConflict::CodeNoLongerValid) => match usable_code(ctx, code).await {
            Err(e) => Err(e),
            Ok(_) => Err(AppError::CodeUsed),
        },
    }
}

fn username_taken() -> AppError {
    AppError::invalid("username", words::signup_code_username_taken())
}

async fn check_new_login(
    ctx: &Caller,
    record: &CodeRecord,
    login: &NewLogin,
) -> Result<(), AppError> {
    let names = [
        record.first_name.as_str(),
        &record.middle_name,
        &record.last_name,
    ];
    within_bounds(login)?;
    let mut errors: Vec<FieldError> = login.problems(&names, CommonPasswords::bundled());
    let teen_rule = teen::teen_rule(ctx, &record.date_of_birth, &record.state);
    if teen_rule.is_some() && !login.own_account {
        errors.push(teen::own_account_problem(&record.first_name));
    }
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    if let Some(rule) = &teen_rule {
        let signup = teen::TeenSignup {
            patient_id: record.patient_id,
            rule,
            email: Some(&login.email),
            phone: None,
        };
        teen::check(ctx, &signup).await?;
    }
    if ctx
        .state
        .store
        .username_taken(&username_key(&login.username))
        .await?
    {
        return Err(username_taken());
    }
    Ok(())
}

/// One message for an unknown code and a wrong date of birth, so a guesser
/// learns nothing about which was wrong.
fn not_accepted() -> AppError {
    AppError::invalid("code", words::signup_code_not_accepted())
}

/// The code behind `input` when it may be redeemed now, or the outcome to show.
async fn usable_code(ctx: &Caller, input: &CodeAndBirthDate) -> Result<CodeRecord, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(input)?;
    let errors = input.problems(ctx.today());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    let code =
        access_code::parse(&input.code).map_err(|e| AppError::invalid("code", e.message()))?;
    let dob = parse_date_of_birth(&input.dob, ctx.today())
        .map_err(|e| AppError::invalid("dob", e.message))?;
    let per_client = state.limits.code_attempts_per_client();
    state.check(per_client, &ctx.limit_key, now).await?;

    let found = state
        .store
        .code_by_hash(&state.secret.access_code_hash(&code))
        .await?;
    let audit = |patient_id, outcome| AuditEvent {
        actor: "anonymous",
        patient_id,
        action: "code.verify",
        outcome,
        client_addr: Some(&ctx.client),
    };
    let Some(record) = found else {
        state.count_failure(per_client, &ctx.limit_key, now).await?;
        state.store.audit(now, &audit(None, "unknown code")).await?;
        return Err(not_accepted());
    };
    // A code that cannot be used says why whatever date of birth was typed:
    // answering the right one differently would let whoever finds a used or
    // expired letter find the date of birth by trying.
    let refusal = if record.used_at.is_some() {
        Some((AppError::CodeUsed, "already used"))
    } else if record.accounts > 0 {
        Some((AppError::AccountExists, "patient has an account"))
    } else if record.voided_at.is_some() {
        Some((AppError::CodeVoided, "voided"))
    } else if record.expires_at <= now {
        let expired_on = Date::from_unix_seconds(record.expires_at).iso();
        Some((AppError::CodeExpired { expired_on }, "expired"))
    } else {
        None
    };
    if let Some((error, outcome)) = refusal {
        state
            .store
            .audit(now, &audit(Some(record.patient_id), outcome))
            .await?;
        return Err(error);
    }
    if Date::parse_iso(&record.date_of_birth) != Some(dob) {
        state.count_failure(per_client, &ctx.limit_key, now).await?;
        let max_tries = state.limits.max_code_tries;
        let tries = state
            .store
            .record_code_try(CodeTable::AccessCodes, record.id.0, max_tries, now)
            .await?;
        let outcome = match tries {
            Some(n) if n >= i64::from(max_tries) => "wrong date of birth; code voided",
            Some(_) => "wrong date of birth",
            None => "wrong date of birth; code ended a moment ago",
        };
        state
            .store
            .audit(now, &audit(Some(record.patient_id), outcome))
            .await?;
        return Err(not_accepted());
    }
    let group = teen::age_group(ctx, dob, &record.state);
    if group.value == AgeGroup::Child {
        let from = state.policy.row(&record.state).teen_from;
        let message = words::signup_code_child(&from.to_string());
        let outcome = format!("child ({})", group.rule);
        state
            .store
            .audit(now, &audit(Some(record.patient_id), &outcome))
            .await?;
        return Err(AppError::invalid("code", message));
    }
    Ok(record)
}
