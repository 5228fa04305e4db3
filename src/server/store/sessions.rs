use super::{AuditEvent, Store};
use sqlx::FromRow;

/// A signed-in session, found by its id's keyed hash.
#[derive(Clone, Debug, FromRow)]
pub struct SessionRecord {
    pub account_id: i64,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub expires_at: i64,
}

impl Store {
    pub async fn create_session(
        &self,
        id_hash: &str,
        account_id: i64,
        expires_at: i64,
        client_addr: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO sessions (id_hash, account_id, created_at, last_seen_at, expires_at, client_addr) \
             VALUES ($1, $2, $3, $3, $4, $5)",
        )
        .bind(id_hash)
        .bind(account_id)
        .bind(now)
        .bind(expires_at)
        .bind(client_addr)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    pub async fn session(&self, id_hash: &str) -> Result<Option<SessionRecord>, sqlx::Error> {
        sqlx::query_as("SELECT account_id, created_at, last_seen_at, expires_at FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .fetch_optional(&self.pool)
            .await
    }

    pub async fn touch_session(&self, id_hash: &str, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE id_hash = $2")
            .bind(now)
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn end_session(&self, id_hash: &str) -> Result<(), sqlx::Error> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Ends every session of an account; returns how many there were.
    pub async fn end_sessions_of(
        &self,
        account_id: i64,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(ended)
    }

    /// How many sessions an account has (tests, the home page).
    pub async fn session_count(&self, account_id: i64) -> Result<i64, sqlx::Error> {
        sqlx::query_scalar("SELECT COUNT(*) FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .fetch_one(&self.pool)
            .await
    }
}
