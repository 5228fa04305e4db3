use super::{AuditEvent, NewEmail, PatientId, Store};
use sqlx::FromRow;

/// A six-digit code emailed to the address on a patient's record.
#[derive(Clone, Debug, FromRow)]
pub struct EmailCode {
    pub id: i64,
    pub code_hash: String,
    pub expires_at: i64,
    pub failed_tries: i64,
    pub used_at: Option<i64>,
    pub voided_at: Option<i64>,
}

/// The tables of one-time codes, which count wrong tries alike (reset
/// codes count theirs for the whole account: `record_reset_try`).
#[derive(Clone, Copy, Debug)]
pub enum CodeTable {
    /// Access codes, tried with a date of birth.
    AccessCodes,
    /// Proving a self-signup reads the record's email.
    EmailCodes,
    /// Confirming a new email address.
    EmailChanges,
}

impl CodeTable {
    fn name(self) -> &'static str {
        match self {
            CodeTable::AccessCodes => "access_codes",
            CodeTable::EmailCodes => "email_codes",
            CodeTable::EmailChanges => "email_changes",
        }
    }
}

impl Store {
    /// Stores a new code for the patient (ending their older ones) and the
    /// email that carries it, in one transaction.
    pub async fn add_email_code(
        &self,
        patient_id: PatientId,
        code_hash: &str,
        expires_at: i64,
        email: &NewEmail,
        client_addr: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE email_codes SET voided_at = $1 WHERE patient_id = $2 AND used_at IS NULL AND voided_at IS NULL")
            .bind(now)
            .bind(patient_id)
            .execute(&mut *tx)
            .await?;
        sqlx::query("INSERT INTO email_codes (patient_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(patient_id)
            .bind(code_hash)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        Self::enqueue_in(&mut tx, email, now).await?;
        let event = AuditEvent {
            actor: "anonymous",
            patient_id: Some(patient_id),
            action: "signup.verify",
            outcome: "email code sent",
            client_addr: Some(client_addr),
        };
        self.audit_in(&mut tx, now, &event).await?;
        tx.commit().await
    }

    /// The patient's newest email code.
    pub async fn latest_email_code(
        &self,
        patient_id: PatientId,
    ) -> Result<Option<EmailCode>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, code_hash, expires_at, failed_tries, used_at, voided_at FROM email_codes \
             WHERE patient_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Counts a wrong try at a code, voiding it at `max_tries`; None when
    /// the code was already used or voided. The count and the check that
    /// the code is still alive are one statement, so parallel wrong tries
    /// are each counted once and the code ends at exactly the last allowed.
    pub async fn record_code_try(
        &self,
        table: CodeTable,
        id: i64,
        max_tries: u32,
        now: i64,
    ) -> Result<Option<i64>, sqlx::Error> {
        let reason = match table {
            CodeTable::AccessCodes => {
                ", void_reason = CASE WHEN failed_tries + 1 >= $2 THEN 'too many tries' ELSE void_reason END"
            }
            _ => "",
        };
        sqlx::query_scalar(&format!(
            "UPDATE {} SET failed_tries = failed_tries + 1, \
                 voided_at = CASE WHEN failed_tries + 1 >= $2 THEN $3 ELSE voided_at END{reason} \
             WHERE id = $1 AND used_at IS NULL AND voided_at IS NULL RETURNING failed_tries",
            table.name()
        ))
        .bind(id)
        .bind(i64::from(max_tries))
        .bind(now)
        .fetch_optional(&self.pool)
        .await
    }

    /// Uses the code up; false when it was used, voided or expired meanwhile.
    pub async fn use_email_code(&self, id: i64, now: i64) -> Result<bool, sqlx::Error> {
        let done = sqlx::query(
            "UPDATE email_codes SET used_at = $1 \
             WHERE id = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
