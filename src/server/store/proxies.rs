//! Proxy access requests and grants.

use super::{AuditEvent, NewEmail, Store};
use sqlx::FromRow;

pub struct NewProxyRequest<'a> {
    pub reference: &'a str,
    pub requester_account_id: i64,
    pub patient_id: Option<i64>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub date_of_birth: &'a str,
    pub relationship: &'a str,
    pub document_reference: &'a str,
    pub details: &'a str,
    pub status: &'a str,
    pub reason: &'a str,
    pub rule: &'a str,
    pub client_addr: &'a str,
}

/// A grant to store with its request.
pub struct NewGrant<'a> {
    pub patient_id: i64,
    pub scope: &'a str,
    pub by_law: bool,
    pub ends_at: i64,
}

/// An active grant, with the patient it opens.
#[derive(Clone, Debug, FromRow)]
pub struct GrantRow {
    pub id: i64,
    pub patient_id: i64,
    pub grantee_account_id: i64,
    pub relationship: String,
    pub scope: String,
    pub by_law: i64,
    pub starts_at: i64,
    pub ends_at: i64,
    pub first_name: String,
    pub last_name: String,
}

const GRANT_COLUMNS: &str = "g.id, g.patient_id, g.grantee_account_id, g.relationship, g.scope, \
     g.by_law, g.starts_at, g.ends_at, p.first_name, p.last_name";

impl Store {
    /// Stores a request, and the grant it makes at once (if any), the email
    /// it causes and its audit entry, in one transaction.
    pub async fn add_proxy_request(
        &self,
        r: &NewProxyRequest<'_>,
        grant: Option<&NewGrant<'_>>,
        email: Option<&NewEmail>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let request_id: i64 = sqlx::query_scalar(
            "INSERT INTO proxy_requests (reference, requester_account_id, patient_id, first_name, \
                 last_name, date_of_birth, relationship, document_reference, details, status, \
                 reason, rule, created_at, updated_at, client_addr) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14) RETURNING id",
        )
        .bind(r.reference)
        .bind(r.requester_account_id)
        .bind(r.patient_id)
        .bind(r.first_name)
        .bind(r.last_name)
        .bind(r.date_of_birth)
        .bind(r.relationship)
        .bind(r.document_reference)
        .bind(r.details)
        .bind(r.status)
        .bind(r.reason)
        .bind(r.rule)
        .bind(now)
        .bind(r.client_addr)
        .fetch_one(&mut *tx)
        .await?;
        if let Some(g) = grant {
            sqlx::query(
                "INSERT INTO proxy_grants (patient_id, grantee_account_id, relationship, scope, \
                     by_law, rule, request_id, starts_at, ends_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(g.patient_id)
            .bind(r.requester_account_id)
            .bind(r.relationship)
            .bind(g.scope)
            .bind(i64::from(g.by_law))
            .bind(r.rule)
            .bind(request_id)
            .bind(now)
            .bind(g.ends_at)
            .execute(&mut *tx)
            .await?;
        }
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    /// The grants an account holds that are in force at `now`.
    pub async fn grants_held_by(
        &self,
        account_id: i64,
        now: i64,
    ) -> Result<Vec<GrantRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {GRANT_COLUMNS} FROM proxy_grants g JOIN patients p ON p.id = g.patient_id \
             WHERE g.grantee_account_id = $1 AND g.ended_at IS NULL AND g.ends_at > $2 \
             ORDER BY g.id"
        ))
        .bind(account_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await
    }

    /// Whether the account already holds a grant in force for the patient.
    pub async fn holds_grant(
        &self,
        account_id: i64,
        patient_id: i64,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM proxy_grants WHERE grantee_account_id = $1 AND patient_id = $2 \
             AND ended_at IS NULL AND ends_at > $3",
        )
        .bind(account_id)
        .bind(patient_id)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Ends every grant whose end has come; returns how many (the
    /// background job; checks at use never rely on it).
    pub async fn end_expired_grants(&self, now: i64) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query(
            "UPDATE proxy_grants SET ended_at = $1, end_reason = 'reached its end date' \
             WHERE ended_at IS NULL AND ends_at <= $1",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if ended > 0 {
            let outcome = format!("{ended} grant(s) ended at their end date");
            let event = AuditEvent {
                actor: "system",
                patient_id: None,
                action: "proxy.expire",
                outcome: &outcome,
                client_addr: None,
            };
            self.audit_in(&mut tx, now, &event).await?;
        }
        tx.commit().await?;
        Ok(ended)
    }
}
