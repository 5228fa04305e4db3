use super::{AuditEvent, StaffId, Store};
use crate::domain::staff::Role;
use sqlx::FromRow;

/// A staff member as sign-in and the console need them.
#[derive(Clone, Debug, FromRow)]
pub struct StaffMember {
    pub id: StaffId,
    pub username: String,
    #[sqlx(try_from = "String")]
    pub role: Role,
    /// None until set up with the one-time code.
    pub password_hash: Option<String>,
    pub setup_code_hash: Option<String>,
    pub setup_expires_at: Option<i64>,
    pub failed_signins: i64,
    pub last_failed_signin_at: Option<i64>,
    pub locked_until: Option<i64>,
    /// Set while an administrator has disabled them.
    pub disabled_at: Option<i64>,
}

/// A new staff member: a username, a role, and either a one-time setup code
/// (its keyed hash) or, in demo mode, a password hash.
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub username_key: &'a str,
    pub role: Role,
    pub password_hash: Option<&'a str>,
    pub setup_code_hash: Option<&'a str>,
    pub setup_expires_at: Option<i64>,
}

const STAFF_COLUMNS: &str = "id, username, role, password_hash, setup_code_hash, setup_expires_at, \
     failed_signins, last_failed_signin_at, locked_until, disabled_at";

/// What an administrator does to a staff member (`Store::change_staff`).
#[derive(Clone, Copy, Debug)]
pub enum StaffChange<'a> {
    /// Clears the password (and any lock) for a new one-time setup code;
    /// ends their sessions. Not while disabled.
    Reset {
        setup_code_hash: &'a str,
        setup_expires_at: i64,
    },
    /// Clears the failed sign-ins and any lock.
    Unlock,
    /// Not themselves' to undo: ends their sessions; never the last enabled
    /// administrator.
    Disable,
    Enable,
}

impl Store {
    /// Adds a staff member; None when the username is taken.
    pub async fn add_staff(
        &self,
        new: &NewStaff<'_>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<Option<StaffId>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let id: Option<StaffId> = sqlx::query_scalar(
            "INSERT INTO staff (username, username_key, role, password_hash, setup_code_hash, \
                 setup_expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (username_key) DO NOTHING RETURNING id",
        )
        .bind(new.username)
        .bind(new.username_key)
        .bind(new.role.as_str())
        .bind(new.password_hash)
        .bind(new.setup_code_hash)
        .bind(new.setup_expires_at)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if id.is_some() {
            self.audit_in(&mut tx, now, event).await?;
        }
        tx.commit().await?;
        Ok(id)
    }

    pub async fn staff_by_username(
        &self,
        username_key: &str,
    ) -> Result<Option<StaffMember>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {STAFF_COLUMNS} FROM staff WHERE username_key = $1"
        ))
        .bind(username_key)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn staff_by_id(&self, id: StaffId) -> Result<Option<StaffMember>, sqlx::Error> {
        sqlx::query_as(&format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Sets the password and uses up the setup code whose keyed hash is
    /// `setup_code_hash`, if it is still theirs and they are not disabled;
    /// false otherwise.
    pub async fn set_staff_password(
        &self,
        id: StaffId,
        setup_code_hash: &str,
        password_hash: &str,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let set = sqlx::query(
            "UPDATE staff SET password_hash = $1, setup_code_hash = NULL, setup_expires_at = NULL, \
                 failed_signins = 0, last_failed_signin_at = NULL, locked_until = NULL \
             WHERE id = $2 AND setup_code_hash = $3 AND disabled_at IS NULL",
        )
        .bind(password_hash)
        .bind(id)
        .bind(setup_code_hash)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !set {
            return Ok(false);
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// Every staff member, by username.
    pub async fn list_staff(&self) -> Result<Vec<StaffMember>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {STAFF_COLUMNS} FROM staff ORDER BY username_key"
        ))
        .fetch_all(&self.pool)
        .await
    }

    /// Makes `change` to staff member `id` with its audit entry, unless its
    /// condition no longer holds (then nothing changes and false is
    /// returned): a disabled member gets no reset, the last enabled
    /// administrator is not disabled, and only a disabled member is enabled.
    /// The entry is written first: taking the chain's head serializes this
    /// with every audited change, so two administrators disabling each other
    /// at once cannot both succeed and leave none.
    pub async fn change_staff(
        &self,
        id: StaffId,
        change: StaffChange<'_>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        self.audit_in(&mut tx, now, event).await?;
        let (update, ends_sessions) = match change {
            StaffChange::Reset {
                setup_code_hash,
                setup_expires_at,
            } => (
                sqlx::query(
                    "UPDATE staff SET password_hash = NULL, setup_code_hash = $2, \
                         setup_expires_at = $3, failed_signins = 0, \
                         last_failed_signin_at = NULL, locked_until = NULL \
                     WHERE id = $1 AND disabled_at IS NULL",
                )
                .bind(id)
                .bind(setup_code_hash)
                .bind(setup_expires_at),
                true,
            ),
            StaffChange::Unlock => (
                sqlx::query(
                    "UPDATE staff SET failed_signins = 0, last_failed_signin_at = NULL, \
                         locked_until = NULL \
                     WHERE id = $1",
                )
                .bind(id),
                false,
            ),
            StaffChange::Disable => (
                sqlx::query(
                    "UPDATE staff SET disabled_at = $2 \
                     WHERE id = $1 AND disabled_at IS NULL \
                       AND (role <> $3 OR EXISTS (SELECT 1 FROM staff other \
                            WHERE other.role = $3 AND other.disabled_at IS NULL \
                              AND other.id <> $1))",
                )
                .bind(id)
                .bind(now)
                .bind(Role::Admin.as_str()),
                true,
            ),
            StaffChange::Enable => (
                sqlx::query(
                    "UPDATE staff SET disabled_at = NULL WHERE id = $1 AND disabled_at IS NOT NULL",
                )
                .bind(id),
                false,
            ),
        };
        if update.execute(&mut *tx).await?.rows_affected() != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        if ends_sessions {
            sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    pub async fn count_staff(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM staff")
            .fetch_one(&self.pool)
            .await
    }
}
