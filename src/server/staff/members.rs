//! Administrators manage staff accounts, in the console or on the command
//! line: reset a password (a new one-time setup code; their sessions end),
//! unlock, disable (their sessions end; they are then answered like an
//! unknown username) and enable. Every action, done or refused, is audited
//! as `staff.admin.…` with the member's name, never the code.

use super::patients::written_time;
use super::{SETUP_HOURS, new_setup_code, require};
use crate::domain::staff::Permission;
use crate::domain::username::username_key;
use crate::server::caller::Caller;
use crate::server::security::ServerSecret;
use crate::server::store::{AuditEvent, StaffChange, StaffId, StaffMember, Store};
use crate::shared::AppError;
use crate::shared::staff::members::{NewSetupCode, StaffListing, StaffStatus};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    Unlock,
    Disable,
    Enable,
}

/// Who acts: an administrator in the console, or the command line (`cli`).
pub struct Admin<'a> {
    pub actor: &'a str,
    /// The administrator's staff id; None for the command line.
    pub id: Option<StaffId>,
    pub client_addr: Option<&'a str>,
}

#[derive(Debug)]
pub enum MemberError {
    /// Why the action was refused, to show the administrator.
    Refused(String),
    Store(sqlx::Error),
}

impl From<sqlx::Error> for MemberError {
    fn from(err: sqlx::Error) -> Self {
        MemberError::Store(err)
    }
}

impl From<MemberError> for AppError {
    fn from(err: MemberError) -> Self {
        match err {
            MemberError::Refused(message) => AppError::BadRequest { message },
            MemberError::Store(err) => err.into(),
        }
    }
}

impl std::fmt::Display for MemberError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            MemberError::Refused(message) => f.write_str(message),
            MemberError::Store(err) => write!(f, "{err}"),
        }
    }
}

pub async fn list(ctx: &Caller) -> Result<Vec<StaffListing>, AppError> {
    let admin = require(ctx, Permission::ManageStaff).await?;
    Ok(listing(&ctx.state.store, Some(admin.id), ctx.now).await?)
}

pub async fn reset_password(ctx: &Caller, username: &str) -> Result<NewSetupCode, AppError> {
    let admin = require(ctx, Permission::ManageStaff).await?;
    let by = Admin {
        actor: &admin.actor,
        id: Some(admin.id),
        client_addr: Some(&ctx.client),
    };
    Ok(reset_password_by(&ctx.state.store, &ctx.state.secret, &by, username, ctx.now).await?)
}

pub async fn change(ctx: &Caller, username: &str, action: Action) -> Result<(), AppError> {
    let admin = require(ctx, Permission::ManageStaff).await?;
    let by = Admin {
        actor: &admin.actor,
        id: Some(admin.id),
        client_addr: Some(&ctx.client),
    };
    change_by(&ctx.state.store, &by, username, action, ctx.now).await?;
    Ok(())
}

/// Every member with their status; `you` marks the one looking.
pub async fn listing(
    store: &Store,
    you: Option<StaffId>,
    now: i64,
) -> Result<Vec<StaffListing>, sqlx::Error> {
    Ok(store
        .list_staff()
        .await?
        .into_iter()
        .map(|m| StaffListing {
            role: m.role,
            status: status(&m, now),
            you: you == Some(m.id),
            username: m.username,
        })
        .collect())
}

fn status(m: &StaffMember, now: i64) -> StaffStatus {
    if m.disabled_at.is_some() {
        StaffStatus::Disabled
    } else if m.password_hash.is_none() {
        let code_works =
            m.setup_code_hash.is_some() && m.setup_expires_at.is_some_and(|until| until > now);
        StaffStatus::WaitingForSetup {
            code_expired: !code_works,
        }
    } else if let Some(until) = m.locked_until.filter(|until| *until > now) {
        StaffStatus::Locked {
            until: written_time(until),
        }
    } else {
        StaffStatus::Active
    }
}

/// Clears the member's password (and any lock) for a new one-time setup
/// code, valid as long as `staff add`'s, and ends their sessions.
pub async fn reset_password_by(
    store: &Store,
    secret: &ServerSecret,
    by: &Admin<'_>,
    username: &str,
    now: i64,
) -> Result<NewSetupCode, MemberError> {
    let (code, hash) = new_setup_code(secret);
    let expires_at = now + SETUP_HOURS * 3600;
    let change = StaffChange::Reset {
        setup_code_hash: &hash,
        setup_expires_at: expires_at,
    };
    let done = "password cleared for a new setup code; sessions ended";
    let member = apply(store, by, username, "staff.admin.reset", change, done, now).await?;
    Ok(NewSetupCode {
        username: member.username,
        code,
        expires: written_time(expires_at),
    })
}

/// The member's username, once changed.
pub async fn change_by(
    store: &Store,
    by: &Admin<'_>,
    username: &str,
    action: Action,
    now: i64,
) -> Result<String, MemberError> {
    let (name, change, done) = match action {
        Action::Unlock => (
            "staff.admin.unlock",
            StaffChange::Unlock,
            "sign-in lock lifted",
        ),
        Action::Disable => (
            "staff.admin.disable",
            StaffChange::Disable,
            "disabled; sessions ended",
        ),
        Action::Enable => ("staff.admin.enable", StaffChange::Enable, "enabled"),
    };
    Ok(apply(store, by, username, name, change, done, now)
        .await?
        .username)
}

/// Makes the change to the member named `username`, or says (and audits) why not.
async fn apply(
    store: &Store,
    by: &Admin<'_>,
    username: &str,
    action: &str,
    change: StaffChange<'_>,
    done: &str,
    now: i64,
) -> Result<StaffMember, MemberError> {
    let Some(member) = store.staff_by_username(&username_key(username)).await? else {
        let why = "There is no staff member with that username.";
        return refuse(store, by, action, why.into(), now).await;
    };
    let name = &member.username;
    if matches!(change, StaffChange::Disable) && by.id == Some(member.id) {
        let why = "You cannot disable your own account: another administrator can.";
        return refuse(store, by, action, why.into(), now).await;
    }
    let event = AuditEvent {
        actor: by.actor,
        patient_id: None,
        action,
        outcome: &format!("{name}: {done}"),
        client_addr: by.client_addr,
    };
    if store.change_staff(member.id, change, &event, now).await? {
        return Ok(member);
    }
    // The change's condition did not hold, as the member was read just now.
    let why = match change {
        StaffChange::Reset { .. } => {
            format!("{name}'s account is disabled: enable it before resetting its password.")
        }
        StaffChange::Disable if member.disabled_at.is_some() => {
            format!("{name}'s account is disabled already.")
        }
        StaffChange::Disable => {
            format!("{name} is the last enabled administrator: add or enable another one first.")
        }
        StaffChange::Enable => format!("{name}'s account is not disabled."),
        StaffChange::Unlock => "There is no staff member with that username.".into(),
    };
    refuse(store, by, action, why, now).await
}

async fn refuse<T>(
    store: &Store,
    by: &Admin<'_>,
    action: &str,
    why: String,
    now: i64,
) -> Result<T, MemberError> {
    let event = AuditEvent {
        actor: by.actor,
        patient_id: None,
        action,
        outcome: &format!("refused: {why}"),
        client_addr: by.client_addr,
    };
    store.audit(now, &event).await?;
    Err(MemberError::Refused(why))
}
