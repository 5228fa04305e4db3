use super::{AuditEvent, Store};
use sqlx::FromRow;

/// Whose sign-ins and sessions: patients' accounts, or staff members'. The
/// two never mix: each has its own tables and its own cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Realm {
    Patient,
    Staff,
}

impl Realm {
    /// The table of people who sign in (with their failure counters).
    fn people(self) -> &'static str {
        match self {
            Realm::Patient => "accounts",
            Realm::Staff => "staff",
        }
    }

    fn sessions(self) -> &'static str {
        match self {
            Realm::Patient => "sessions",
            Realm::Staff => "staff_sessions",
        }
    }

    /// The sessions table's column naming whose session it is.
    fn owner(self) -> &'static str {
        match self {
            Realm::Patient => "account_id",
            Realm::Staff => "staff_id",
        }
    }
}

/// Straight failed sign-ins since the last success, and the lock they led to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, FromRow)]
pub struct SigninCounter {
    pub failed_signins: i64,
    pub last_failed_signin_at: Option<i64>,
    pub locked_until: Option<i64>,
}

impl SigninCounter {
    /// The counter as it stands at `now`: once a lock has ended, counting
    /// starts again, so a try now and then cannot keep someone locked out.
    pub fn at(self, now: i64) -> SigninCounter {
        match self.locked_until {
            Some(until) if until <= now => SigninCounter::default(),
            _ => self,
        }
    }
}

/// A signed-in session, found by its id's keyed hash.
#[derive(Clone, Debug, FromRow)]
pub struct SessionRecord {
    /// The account's or the staff member's id.
    pub owner_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

impl Store {
    pub async fn create_session(
        &self,
        realm: Realm,
        id_hash: &str,
        owner_id: i64,
        expires_at: i64,
        client_addr: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "INSERT INTO {} (id_hash, {}, created_at, last_seen_at, expires_at, client_addr) \
             VALUES ($1, $2, $3, $3, $4, $5)",
            realm.sessions(),
            realm.owner()
        ))
        .bind(id_hash)
        .bind(owner_id)
        .bind(now)
        .bind(expires_at)
        .bind(client_addr)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(
        &self,
        realm: Realm,
        id_hash: &str,
    ) -> Result<Option<SessionRecord>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {} AS owner_id, created_at, last_seen_at, expires_at FROM {} WHERE id_hash = $1",
            realm.owner(),
            realm.sessions()
        ))
        .bind(id_hash)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn touch_session(
        &self,
        realm: Realm,
        id_hash: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "UPDATE {} SET last_seen_at = $1 WHERE id_hash = $2",
            realm.sessions()
        ))
        .bind(now)
        .bind(id_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn end_session(&self, realm: Realm, id_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "DELETE FROM {} WHERE id_hash = $1",
            realm.sessions()
        ))
        .bind(id_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Ends every session of an account or staff member; returns how many
    /// there were.
    pub async fn end_sessions_of(
        &self,
        realm: Realm,
        owner_id: i64,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query(&format!(
            "DELETE FROM {} WHERE {} = $1",
            realm.sessions(),
            realm.owner()
        ))
        .bind(owner_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// How many sessions an account or staff member has.
    pub async fn session_count(&self, realm: Realm, owner_id: i64) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {} WHERE {} = $1",
            realm.sessions(),
            realm.owner()
        ))
        .bind(owner_id)
        .fetch_one(&self.pool)
        .await
    }

    /// Counts a failed sign-in; at `lock_after` straight failures the
    /// account locks until `lock_until`. Returns the failures counted so far.
    /// The person's sign-in failure counter; None when there is no such person.
    pub async fn signin_counter(
        &self,
        realm: Realm,
        id: i64,
    ) -> Result<Option<SigninCounter>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT failed_signins, last_failed_signin_at, locked_until FROM {} WHERE id = $1",
            realm.people()
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Replaces the counter with `next` only if it is still `seen`; false
    /// when another request changed it first (read it again and retry).
    pub async fn swap_signin_counter(
        &self,
        realm: Realm,
        id: i64,
        seen: &SigninCounter,
        next: &SigninCounter,
    ) -> Result<bool, sqlx::Error> {
        // -1 stands for "none" on both sides, since no time is negative.
        let result = sqlx::query(&format!(
            "UPDATE {} SET failed_signins = $2, last_failed_signin_at = $3, locked_until = $4 \
             WHERE id = $1 AND failed_signins = $5 AND COALESCE(last_failed_signin_at, -1) = $6 \
               AND COALESCE(locked_until, -1) = $7",
            realm.people()
        ))
        .bind(id)
        .bind(next.failed_signins)
        .bind(next.last_failed_signin_at)
        .bind(next.locked_until)
        .bind(seen.failed_signins)
        .bind(seen.last_failed_signin_at.unwrap_or(-1))
        .bind(seen.locked_until.unwrap_or(-1))
        .execute(&self.pool)
        .await?;
        Ok(result.rows_affected() == 1)
    }

    /// A successful sign-in (or an unlock) clears the failures and any lock.
    pub async fn clear_signin_failures(&self, realm: Realm, id: i64) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "UPDATE {} SET failed_signins = 0, last_failed_signin_at = NULL, locked_until = NULL \
             WHERE id = $1",
            realm.people()
        ))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
