//! The help desk's queues: unverified sign-ups and medical records requests.

use super::patients::PATIENT_COLUMNS;
use super::{AuditEvent, NewEmail, Patient, PatientId, Store};
use crate::domain::states::{RecordsStatus, SignupStatus};
use crate::words::Language;
use sqlx::FromRow;

/// An unverified sign-up, everything the person submitted.
#[derive(Clone, Debug, FromRow)]
pub struct SubmittedSignup {
    pub reference: String,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    pub legal_sex: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub mobile_phone: String,
    pub email: String,
    #[sqlx(try_from = "String")]
    pub status: SignupStatus,
    pub status_reason: String,
    pub patient_id: Option<PatientId>,
    pub created_at: i64,
    pub promised_by: i64,
    /// The language it was made in: what the help desk writes back in.
    #[sqlx(try_from = "String")]
    pub language: Language,
}

/// A medical records request as the queue shows it.
#[derive(Clone, Debug, FromRow)]
pub struct RecordsRequestRow {
    pub reference: String,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    pub street: String,
    pub city: String,
    pub state: String,
    pub zip: String,
    pub phone: String,
    pub records_wanted: String,
    pub dates_from: String,
    pub dates_to: String,
    pub delivery: String,
    #[sqlx(try_from = "String")]
    pub status: RecordsStatus,
    pub created_at: i64,
    #[sqlx(try_from = "String")]
    pub language: Language,
}

/// A change of a request's status, with the email and audit entry it causes.
pub struct StatusChange<'a> {
    pub status: SignupStatus,
    pub reason: &'a str,
    pub patient_id: Option<PatientId>,
    pub email: Option<&'a NewEmail>,
    pub event: &'a AuditEvent<'a>,
}

const SIGNUP_COLUMNS: &str = "reference, first_name, middle_name, last_name, date_of_birth, legal_sex, \
     street, city, state, zip, mobile_phone, email, status, status_reason, patient_id, created_at, \
     promised_by, language";

impl Store {
    /// Open sign-ups (received or under review), oldest first.
    pub async fn open_signup_requests(&self) -> Result<Vec<SubmittedSignup>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {SIGNUP_COLUMNS} FROM signup_requests \
             WHERE status IN ($1, $2) ORDER BY created_at, id"
        ))
        .bind(SignupStatus::OPEN[0].as_stored())
        .bind(SignupStatus::OPEN[1].as_stored())
        .fetch_all(&self.pool)
        .await
    }

    pub async fn signup_request(
        &self,
        reference: &str,
    ) -> Result<Option<SubmittedSignup>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {SIGNUP_COLUMNS} FROM signup_requests WHERE reference = $1"
        ))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
    }

    /// Records that might be the person's: same date of birth, same last
    /// name, or same email.
    pub async fn candidate_patients(
        &self,
        date_of_birth: &str,
        last_name: &str,
        email: &str,
    ) -> Result<Vec<Patient>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {PATIENT_COLUMNS} FROM patients \
             WHERE date_of_birth = $1 OR lower(last_name) = lower($2) \
                OR (email <> '' AND lower(email) = lower($3)) \
             ORDER BY id LIMIT 200"
        ))
        .bind(date_of_birth)
        .bind(last_name.trim())
        .bind(email.trim())
        .fetch_all(&self.pool)
        .await
    }

    /// Moves a sign-up request on (only while it is open); false when it
    /// was no longer open.
    pub async fn change_signup_request(
        &self,
        reference: &str,
        change: &StatusChange<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE signup_requests SET status = $1, status_reason = $2, \
                 patient_id = COALESCE($3, patient_id), updated_at = $4 \
             WHERE reference = $5 AND status IN ($6, $7)",
        )
        .bind(change.status.as_stored())
        .bind(change.reason)
        .bind(change.patient_id)
        .bind(now)
        .bind(reference)
        .bind(SignupStatus::OPEN[0].as_stored())
        .bind(SignupStatus::OPEN[1].as_stored())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if changed {
            if let Some(email) = change.email {
                Self::enqueue_in(&mut tx, email, now).await?;
            }
            self.audit_in(&mut tx, now, change.event).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }

    /// Records requests not yet completed, oldest first, then the 50 most
    /// recently completed.
    pub async fn records_requests_queue(&self) -> Result<Vec<RecordsRequestRow>, sqlx::Error> {
        let columns = "reference, first_name, middle_name, last_name, date_of_birth, street, city, \
             state, zip, phone, records_wanted, dates_from, dates_to, delivery, status, created_at, language";
        let mut open: Vec<RecordsRequestRow> = sqlx::query_as(&format!(
            "SELECT {columns} FROM records_requests WHERE status <> $1 ORDER BY created_at, id"
        ))
        .bind(RecordsStatus::Completed.as_stored())
        .fetch_all(&self.pool)
        .await?;
        let done: Vec<RecordsRequestRow> = sqlx::query_as(&format!(
            "SELECT {columns} FROM records_requests WHERE status = $1 \
             ORDER BY updated_at DESC, id DESC LIMIT 50"
        ))
        .bind(RecordsStatus::Completed.as_stored())
        .fetch_all(&self.pool)
        .await?;
        open.extend(done);
        Ok(open)
    }

    /// Sets a records request's status; false when there is no such request.
    pub async fn set_records_request_status(
        &self,
        reference: &str,
        status: RecordsStatus,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let changed = sqlx::query(
            "UPDATE records_requests SET status = $1, updated_at = $2 WHERE reference = $3",
        )
        .bind(status.as_stored())
        .bind(now)
        .bind(reference)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if changed {
            self.audit_in(&mut tx, now, event).await?;
        }
        tx.commit().await?;
        Ok(changed)
    }
}
