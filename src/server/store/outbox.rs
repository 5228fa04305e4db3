use super::Store;
use sqlx::{Any, FromRow, Transaction};

/// A message waiting in (or delivered from) the outbox.
#[derive(Clone, Debug, FromRow)]
pub struct OutboxMessage {
    pub id: i64,
    pub message_id: String,
    pub to_addr: String,
    pub subject: String,
    pub text_body: String,
    pub html_body: String,
    pub created_at: i64,
    pub attempts: i64,
    pub sent_at: Option<i64>,
    pub sent_via: Option<String>,
    pub last_error: Option<String>,
    /// When the body was removed (once delivered); the texts are empty then.
    pub body_removed_at: Option<i64>,
}

/// An email to send: what the outbox stores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewEmail {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// The RFC 5322 Message-ID, set by `Mailer::stamp`, kept on every try.
    pub message_id: String,
    /// Which template wrote it (kept when the body goes).
    pub template: &'static str,
    /// When the code it carries stops working: undelivered, it is dropped then.
    pub expires_at: Option<i64>,
}

const COLUMNS: &str = "id, message_id, to_addr, subject, text_body, html_body, created_at, attempts, \
                       sent_at, sent_via, last_error, body_removed_at";

/// What removing a message's body sets (`$1` is the time): recipient,
/// subject, template, times and Message-ID stay.
pub(super) const REMOVE_BODY: &str = "text_body = '', html_body = '', body_removed_at = $1";

impl Store {
    /// Adds an email to the outbox inside the caller's transaction, so it is
    /// sent if and only if the change that caused it commits.
    pub(super) async fn enqueue_in(
        tx: &mut Transaction<'_, Any>,
        email: &NewEmail,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO outbox (message_id, to_addr, subject, text_body, html_body, created_at, \
             next_attempt_at, template, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $8)",
        )
        .bind(&email.message_id)
        .bind(&email.to)
        .bind(&email.subject)
        .bind(&email.text)
        .bind(&email.html)
        .bind(now)
        .bind(email.template)
        .bind(email.expires_at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// Claims up to `limit` messages that are due, for `lease` seconds: no
    /// other sender (on any server) takes them meanwhile. Each claim counts
    /// as an attempt. A message whose code has expired is not sent.
    pub async fn claim_due_emails(
        &self,
        now: i64,
        lease: i64,
        limit: i64,
    ) -> Result<Vec<OutboxMessage>, sqlx::Error> {
        // The outer conditions repeat the inner ones: PostgreSQL re-checks
        // them on rows another sender claimed meanwhile.
        sqlx::query_as(&format!(
            "UPDATE outbox SET locked_until = $1, attempts = attempts + 1 \
             WHERE id IN (SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $2 \
                          AND (locked_until IS NULL OR locked_until < $2) \
                          AND (expires_at IS NULL OR expires_at > $2) ORDER BY id LIMIT $3) \
               AND sent_at IS NULL AND (locked_until IS NULL OR locked_until < $2) \
             RETURNING {COLUMNS}"
        ))
        .bind(now + lease)
        .bind(now)
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }

    /// Records a delivery and removes the body in the same write: nothing
    /// it carried stays at rest.
    pub async fn mark_email_sent(&self, id: i64, via: &str, now: i64) -> Result<(), sqlx::Error> {
        sqlx::query(&format!(
            "UPDATE outbox SET sent_at = $1, sent_via = $2, locked_until = NULL, last_error = NULL, \
             {REMOVE_BODY} WHERE id = $3"
        ))
            .bind(now)
            .bind(via)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Records a failed try and when to try again.
    pub async fn mark_email_failed(
        &self,
        id: i64,
        error: &str,
        retry_at: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE outbox SET last_error = $1, next_attempt_at = $2, locked_until = NULL WHERE id = $3")
            .bind(error)
            .bind(retry_at)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// The newest messages first (the demo mailbox; tests).
    pub async fn recent_emails(&self, limit: i64) -> Result<Vec<OutboxMessage>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {COLUMNS} FROM outbox ORDER BY id DESC LIMIT $1"
        ))
        .bind(limit)
        .fetch_all(&self.pool)
        .await
    }
}
