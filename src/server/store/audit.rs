use super::Store;
use sqlx::{Any, Transaction};

/// One security-relevant event. Never holds a secret.
#[derive(Clone, Debug)]
pub struct AuditEvent<'a> {
    /// Who acted: a username, `cli`, `demo`, or `anonymous`.
    pub actor: &'a str,
    pub patient_id: Option<i64>,
    /// Dotted name, such as `code.issue` or `signup.code`.
    pub action: &'a str,
    pub outcome: &'a str,
    pub client_addr: Option<&'a str>,
}

impl Store {
    /// Appends one event to the audit log.
    pub async fn audit(&self, at: i64, event: &AuditEvent<'_>) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        Self::audit_in(&mut tx, at, event).await?;
        tx.commit().await
    }

    /// The same, inside a caller's transaction, so the event commits with the change.
    pub(super) async fn audit_in(
        tx: &mut Transaction<'_, Any>,
        at: i64,
        event: &AuditEvent<'_>,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO audit_log (at, actor, patient_id, action, outcome, client_addr) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(at)
        .bind(event.actor)
        .bind(event.patient_id)
        .bind(event.action)
        .bind(event.outcome)
        .bind(event.client_addr)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }
}
