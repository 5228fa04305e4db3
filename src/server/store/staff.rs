use super::{AuditEvent, Store};
use sqlx::FromRow;

/// A staff member as sign-in and the console need them.
#[derive(Clone, Debug, FromRow)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    /// `agent`, `clinic` or `admin` (see `domain::staff::Role`).
    pub role: String,
    /// None until set up with the one-time code.
    pub password_hash: Option<String>,
    pub setup_code_hash: Option<String>,
    pub setup_expires_at: Option<i64>,
    pub failed_signins: i64,
    pub last_failed_signin_at: Option<i64>,
    pub locked_until: Option<i64>,
}

/// A new staff member: a username, a role, and either a one-time setup code
/// (its keyed hash) or, in demo mode, a password hash.
pub struct NewStaff<'a> {
    pub username: &'a str,
    pub username_key: &'a str,
    pub role: &'a str,
    pub password_hash: Option<&'a str>,
    pub setup_code_hash: Option<&'a str>,
    pub setup_expires_at: Option<i64>,
}

const STAFF_COLUMNS: &str = "id, username, role, password_hash, setup_code_hash, setup_expires_at, \
     failed_signins, last_failed_signin_at, locked_until";

impl Store {
    /// Adds a staff member; None when the username is taken.
    pub async fn add_staff(
        &self,
        new: &NewStaff<'_>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let id: Option<i64> = sqlx::query_scalar(
            "INSERT INTO staff (username, username_key, role, password_hash, setup_code_hash, \
                 setup_expires_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) \
             ON CONFLICT (username_key) DO NOTHING RETURNING id",
        )
        .bind(new.username)
        .bind(new.username_key)
        .bind(new.role)
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

    pub async fn staff_by_id(&self, id: i64) -> Result<Option<StaffMember>, sqlx::Error> {
        sqlx::query_as(&format!("SELECT {STAFF_COLUMNS} FROM staff WHERE id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await
    }

    /// Sets the password and uses up the setup code.
    pub async fn set_staff_password(
        &self,
        id: i64,
        password_hash: &str,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE staff SET password_hash = $1, setup_code_hash = NULL, setup_expires_at = NULL, \
                 failed_signins = 0, last_failed_signin_at = NULL, locked_until = NULL \
             WHERE id = $2",
        )
        .bind(password_hash)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    pub async fn count_staff(&self) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM staff")
            .fetch_one(&self.pool)
            .await
    }
}
