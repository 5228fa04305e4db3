//! Staff accounts: added with a one-time setup code (never a default
//! password), signed in with their own sessions and the same failure
//! counting as patients, and `require`, the role check every staff server
//! function makes first.

use super::caller::Caller;
use super::security::{ServerSecret, new_token};
use super::signin::{Signer, admit, check_password, conclude, count_try, failed};
use super::state::Taken;
use super::store::{AuditEvent, NewStaff, Realm, Store};
use crate::domain::access_code::normalize_symbols;
use crate::domain::ids::StaffId;
use crate::domain::password::CommonPasswords;
use crate::domain::staff::{Permission, Role};
use crate::domain::username::{username_key, username_problem};
use crate::shared::rules::within_bounds;
use crate::shared::signin::Credentials;
use crate::shared::staff::{StaffMe, StaffSetup};
use crate::shared::{AppError, FieldError};

pub mod audit;
pub mod members;
pub mod patients;
pub mod proxies;
pub mod queue;

/// How long a setup code works.
pub const SETUP_HOURS: i64 = 72;
const SETUP_CODE_LENGTH: usize = 12;

const SETUP_FAILED: &str = "The username or setup code is not right, or the code has expired. \
     Check them, or ask an administrator for a new code";

/// A signed-in staff member allowed to do what was asked.
pub struct Staff {
    pub id: StaffId,
    pub username: String,
    pub role: Role,
    /// How the audit log names them: `staff:<username>`.
    pub actor: String,
}

/// The staff member of this request, if their role may do `permission`.
/// No staff session: SignedOut. A role without the permission: Forbidden
/// (and an audit entry).
pub async fn require(ctx: &Caller, permission: Permission) -> Result<Staff, AppError> {
    let staff = signed_in(ctx).await?.ok_or(AppError::SignedOut)?;
    if !staff.role.may(permission) {
        let event = AuditEvent {
            actor: &staff.actor,
            patient_id: None,
            action: "staff.denied",
            outcome: &format!("{permission:?} is not for the {} role", staff.role.as_str()),
            client_addr: Some(&ctx.client),
        };
        ctx.state.store.audit(ctx.now, &event).await?;
        return Err(AppError::Forbidden);
    }
    Ok(staff)
}

async fn signed_in(ctx: &Caller) -> Result<Option<Staff>, AppError> {
    let Some(session) = ctx.session_in::<StaffId>().await? else {
        return Ok(None);
    };
    let Some(member) = ctx.state.store.staff_by_id(session.owner).await? else {
        return Ok(None);
    };
    // Disabling ends every session; this also refuses one that a sign-in
    // racing the disable may have started.
    if member.disabled_at.is_some() {
        return Ok(None);
    }
    Ok(Some(Staff {
        id: member.id,
        actor: format!("staff:{}", member.username),
        username: member.username,
        role: member.role,
    }))
}

pub async fn me(ctx: &Caller) -> Result<Option<StaffMe>, AppError> {
    Ok(signed_in(ctx).await?.map(|s| StaffMe {
        username: s.username,
        role: s.role,
    }))
}

pub async fn sign_in(ctx: &Caller, credentials: &Credentials) -> Result<StaffMe, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    let per_client = admit(ctx, credentials, now).await?;
    let member = state
        .store
        .staff_by_username(&username_key(&credentials.username))
        .await?;
    // A member who has not set up yet has no password to guess; a disabled
    // one is answered, in the same time, like an unknown username.
    let try_counted = match &member {
        Some(m) if m.disabled_at.is_some() => Err("refused: account disabled"),
        Some(m) if m.password_hash.is_some() => count_try(ctx, m.id, now).await?,
        _ => Err("unknown username"),
    };
    let hash = match (&member, &try_counted) {
        (Some(m), Ok(_)) => m.password_hash.as_deref(),
        _ => None,
    };
    // One password check whether or not the member exists (or has set up).
    let matches = check_password(ctx, &credentials.password, hash).await?;
    let Some(member) = member.as_ref() else {
        return failed(ctx, Realm::Staff, None, "unknown username", now).await;
    };
    let actor = format!("staff:{}", member.username);
    let signer = Signer {
        actor: &actor,
        patient_id: None,
    };
    conclude(
        ctx,
        member.id,
        &signer,
        try_counted,
        matches,
        per_client,
        now,
    )
    .await?;
    Ok(StaffMe {
        username: member.username.clone(),
        role: member.role,
    })
}

/// First sign-in with the setup code: sets the password, uses up the code,
/// and signs the member in.
pub async fn set_up(ctx: &Caller, setup: &StaffSetup) -> Result<StaffMe, AppError> {
    let state = &ctx.state;
    let now = ctx.now;
    within_bounds(setup)?;
    let errors = setup.problems(CommonPasswords::bundled());
    if !errors.is_empty() {
        return Err(AppError::Invalid { errors });
    }
    // Counted as a failure first (one atomic step with the check) and given
    // back once the password is set: a burst counts like a sequence.
    let failure = state
        .take(state.signin.per_client, &ctx.limit_key, now)
        .await?;
    let member = state
        .store
        .staff_by_username(&username_key(&setup.username))
        .await?;
    let code_hash = setup_code_hash(&state.secret, &setup.code);
    let code_works = member.as_ref().is_some_and(|m| {
        m.setup_code_hash.as_deref() == Some(code_hash.as_str())
            && m.setup_expires_at.is_some_and(|until| until > now)
    });
    let member = match member {
        Some(m) if code_works && m.disabled_at.is_none() => m,
        // A disabled member's right code gets the same answer.
        Some(_) if code_works => {
            return setup_refused(ctx, failure, "refused: account disabled", now).await;
        }
        _ => return setup_refused(ctx, failure, "refused: wrong or expired setup code", now).await,
    };
    let role = member.role;
    let hash = state.hasher.hash(&setup.password).await?;
    let actor = format!("staff:{}", member.username);
    let event = AuditEvent {
        actor: &actor,
        patient_id: None,
        action: "staff.setup",
        outcome: "password set",
        client_addr: Some(&ctx.client),
    };
    // The code may have been used, replaced or disabled while hashing.
    let set = state
        .store
        .set_staff_password(member.id, &code_hash, &hash, &event, now)
        .await?;
    if !set {
        return setup_refused(ctx, failure, "refused: setup code no longer valid", now).await;
    }
    failure.refund(state).await?;
    ctx.start_session(member.id).await?;
    Ok(StaffMe {
        username: member.username,
        role,
    })
}

/// The one answer to every setup that cannot go ahead, audited and counted
/// against the client (`failure`, kept).
async fn setup_refused<T>(
    ctx: &Caller,
    failure: Taken,
    outcome: &str,
    now: i64,
) -> Result<T, AppError> {
    let state = &ctx.state;
    failure.keep();
    let event = AuditEvent {
        actor: "anonymous",
        patient_id: None,
        action: "staff.setup",
        outcome,
        client_addr: Some(&ctx.client),
    };
    state.store.audit(now, &event).await?;
    Err(AppError::Invalid {
        errors: vec![FieldError::new("code", SETUP_FAILED)],
    })
}

pub async fn sign_out(ctx: &Caller) -> Result<(), AppError> {
    if let Some(session) = ctx.session_in::<StaffId>().await? {
        let member = ctx.state.store.staff_by_id(session.owner).await?;
        ctx.end_session(&session).await?;
        let actor = member.map_or("staff:unknown".into(), |m| format!("staff:{}", m.username));
        let event = AuditEvent {
            actor: &actor,
            patient_id: None,
            action: "staff.signout",
            outcome: "signed out",
            client_addr: Some(&ctx.client),
        };
        ctx.state.store.audit(ctx.now, &event).await?;
    } else {
        ctx.forget_session(Realm::Staff);
    }
    Ok(())
}

fn setup_code_hash(secret: &ServerSecret, code: &str) -> String {
    secret.keyed_hash("staff-setup", &normalize_symbols(code))
}

/// A new one-time setup code, written `XXXX-XXXX-XXXX`, and its keyed hash.
fn new_setup_code(secret: &ServerSecret) -> (String, String) {
    let code = new_token(SETUP_CODE_LENGTH);
    let hash = setup_code_hash(secret, &code);
    let written = format!("{}-{}-{}", &code[..4], &code[4..8], &code[8..]);
    (written, hash)
}

/// `frontdesk staff add`: a new member and their one-time setup code.
pub async fn add(
    store: &Store,
    secret: &ServerSecret,
    username: &str,
    role: Role,
    now: i64,
) -> Result<String, String> {
    username_problem(username).map_err(|e| format!("--username: {e}"))?;
    let (code, hash) = new_setup_code(secret);
    let new = NewStaff {
        username: username.trim(),
        username_key: &username_key(username),
        role,
        password_hash: None,
        setup_code_hash: Some(&hash),
        setup_expires_at: Some(now + SETUP_HOURS * 3600),
    };
    let event = AuditEvent {
        actor: "cli",
        patient_id: None,
        action: "staff.add",
        outcome: &format!("{} added as {}", username.trim(), role.as_str()),
        client_addr: None,
    };
    match store.add_staff(&new, &event, now).await {
        Ok(Some(_)) => Ok(code),
        Ok(None) => Err(format!(
            "a staff member named {} exists already",
            username.trim()
        )),
        Err(e) => Err(e.to_string()),
    }
}
