//! What the help desk console reads and changes about one patient: their
//! codes (never a code's value: only hashes are stored), account and
//! requests.

use super::patients::PATIENT_COLUMNS;
use super::{AccessCodeId, AccountId, AuditEvent, Patient, PatientId, Store};
use sqlx::FromRow;

/// An access code as the console lists it.
#[derive(Clone, Debug, FromRow)]
pub struct CodeListing {
    pub id: AccessCodeId,
    pub issued_at: i64,
    pub issued_by: String,
    pub expires_at: i64,
    pub used_at: Option<i64>,
    pub voided_at: Option<i64>,
    pub void_reason: Option<String>,
}

/// A patient's portal account as the console shows it.
#[derive(Clone, Debug, FromRow)]
pub struct AccountListing {
    pub id: AccountId,
    pub username: String,
    pub failed_signins: i64,
    pub locked_until: Option<i64>,
    pub created_at: i64,
}

/// A sign-up request linked to a patient.
#[derive(Clone, Debug, FromRow)]
pub struct RequestListing {
    pub reference: String,
    pub status: String,
    pub created_at: i64,
    pub promised_by: i64,
}

impl Store {
    pub async fn patient_by_id(&self, id: PatientId) -> Result<Option<Patient>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patients WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Newest first.
    pub async fn codes_of(&self, patient_id: PatientId) -> Result<Vec<CodeListing>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, issued_at, issued_by, expires_at, used_at, voided_at, void_reason \
             FROM access_codes WHERE patient_id = $1 ORDER BY id DESC",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await
    }

    pub async fn account_of(
        &self,
        patient_id: PatientId,
    ) -> Result<Option<AccountListing>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, username, failed_signins, locked_until, created_at FROM accounts \
             WHERE patient_id = $1",
        )
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn requests_of(
        &self,
        patient_id: PatientId,
    ) -> Result<Vec<RequestListing>, sqlx::Error> {
        sqlx::query_as(
            "SELECT reference, status, created_at, promised_by FROM signup_requests \
             WHERE patient_id = $1 ORDER BY id DESC",
        )
        .bind(patient_id)
        .fetch_all(&self.pool)
        .await
    }

    /// Ends an unused, unended code of the patient; false when there was none.
    pub async fn revoke_code(
        &self,
        patient_id: PatientId,
        code_id: AccessCodeId,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let revoked = sqlx::query(
            "UPDATE access_codes SET voided_at = $1, void_reason = 'revoked' \
             WHERE id = $2 AND patient_id = $3 AND used_at IS NULL AND voided_at IS NULL",
        )
        .bind(now)
        .bind(code_id)
        .bind(patient_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if revoked {
            self.audit_in(&mut tx, now, event).await?;
        }
        tx.commit().await?;
        Ok(revoked)
    }

    /// Lifts an account's sign-in lock and clears its failures.
    pub async fn unlock_account(
        &self,
        account_id: AccountId,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        self.clear_signin_failures(account_id).await?;
        self.audit(now, event).await
    }
}
