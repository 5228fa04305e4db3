use super::{AccountId, AuditEvent, StaffId, Store};
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

/// The id of someone who signs in, which says their realm: a patient's
/// account or a staff member. Sessions and sign-in counters take one, so
/// an account's id never reaches a staff table.
pub trait SignsIn:
    Copy
    + Send
    + Sync
    + Unpin
    + 'static
    + sqlx::Type<sqlx::Any>
    + for<'q> sqlx::Encode<'q, sqlx::Any>
    + for<'r> sqlx::Decode<'r, sqlx::Any>
{
    const REALM: Realm;
}

impl SignsIn for AccountId {
    const REALM: Realm = Realm::Patient;
}

impl SignsIn for StaffId {
    const REALM: Realm = Realm::Staff;
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
pub struct SessionRecord<O> {
    /// The account's or the staff member's id.
    pub owner: O,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

impl Store {
    pub async fn create_session<O: SignsIn>(
        &self,
        id_hash: &str,
        owner: O,
        expires_at: i64,
        client_addr: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "INSERT INTO {} (id_hash, {}, created_at, last_seen_at, expires_at, client_addr) \
             VALUES ($1, $2, $3, $3, $4, $5)",
            O::REALM.sessions(),
            O::REALM.owner()
        ))
        .bind(id_hash)
        .bind(owner)
        .bind(now)
        .bind(expires_at)
        .bind(client_addr)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session<O: SignsIn>(
        &self,
        id_hash: &str,
    ) -> Result<Option<SessionRecord<O>>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {} AS owner, created_at, last_seen_at, expires_at FROM {} WHERE id_hash = $1",
            O::REALM.owner(),
            O::REALM.sessions()
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
    pub async fn end_sessions_of<O: SignsIn>(
        &self,
        owner: O,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query(&format!(
            "DELETE FROM {} WHERE {} = $1",
            O::REALM.sessions(),
            O::REALM.owner()
        ))
        .bind(owner)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// How many sessions an account or staff member has.
    pub async fn session_count<O: SignsIn>(&self, owner: O) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar(&format!(
            "SELECT COUNT(*) FROM {} WHERE {} = $1",
            O::REALM.sessions(),
            O::REALM.owner()
        ))
        .bind(owner)
        .fetch_one(&self.pool)
        .await
    }

    /// The person's sign-in failure counter; None when there is no such person.
    pub async fn signin_counter<O: SignsIn>(
        &self,
        id: O,
    ) -> Result<Option<SigninCounter>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT failed_signins, last_failed_signin_at, locked_until FROM {} WHERE id = $1",
            O::REALM.people()
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Replaces the counter with `next` only if it is still `seen`; false
    /// when another request changed it first (read it again and retry).
    pub async fn swap_signin_counter<O: SignsIn>(
        &self,
        id: O,
        seen: &SigninCounter,
        next: &SigninCounter,
    ) -> Result<bool, sqlx::Error> {
        // -1 stands for "none" on both sides, since no time is negative.
        let result = sqlx::query(&format!(
            "UPDATE {} SET failed_signins = $2, last_failed_signin_at = $3, locked_until = $4 \
             WHERE id = $1 AND failed_signins = $5 AND COALESCE(last_failed_signin_at, -1) = $6 \
               AND COALESCE(locked_until, -1) = $7",
            O::REALM.people()
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
    pub async fn clear_signin_failures<O: SignsIn>(&self, id: O) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "UPDATE {} SET failed_signins = 0, last_failed_signin_at = NULL, locked_until = NULL \
             WHERE id = $1",
            O::REALM.people()
        ))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
