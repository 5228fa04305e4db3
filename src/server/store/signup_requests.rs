use super::{AuditEvent, NewEmail, PatientId, SignupRequestId, Store};
use crate::domain::states::SignupStatus;
use sqlx::FromRow;

/// A self-signup kept for the help desk, or a code request to send by mail.
#[derive(Clone, Debug, Default)]
pub struct NewSignupRequest {
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
    pub status_reason: String,
    pub patient_id: Option<PatientId>,
    pub promised_by: i64,
    pub client_addr: String,
    /// The person's earlier request this one replaces (the reference their
    /// browser was given): closed as superseded, like any open request
    /// with the same email address.
    pub earlier_reference: Option<String>,
    /// The language it was made in: the emails about it are written in it.
    pub language: crate::words::Language,
}

#[derive(Clone, Debug, FromRow)]
pub struct SignupRequest {
    pub id: SignupRequestId,
    pub reference: String,
    pub date_of_birth: String,
    #[sqlx(try_from = "String")]
    pub status: SignupStatus,
    pub status_reason: String,
    pub created_at: i64,
    pub promised_by: i64,
    pub updated_at: i64,
}

impl Store {
    /// Stores the request as received, with the email that tells the person
    /// (if any), in one transaction.
    pub async fn add_signup_request(
        &self,
        request: &NewSignupRequest,
        email: Option<&NewEmail>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let r = request;
        // Trying again with corrected details replaces the person's open
        // request: the help desk sees one request per person. The same
        // person: the reference their browser was given, or their email
        // with their date of birth (an email alone is anyone's to type, and
        // must not close someone else's request).
        let superseded = format!("superseded by {}", r.reference);
        let earlier = r.earlier_reference.as_deref().unwrap_or_default();
        let closed: Vec<(Option<PatientId>,)> = sqlx::query_as(
            "UPDATE signup_requests SET status = $1, status_reason = $2, updated_at = $3 \
             WHERE status IN ($4, $5) \
               AND ((email <> '' AND lower(email) = lower($6) AND date_of_birth = $8) \
                    OR reference = $7) \
             RETURNING patient_id",
        )
        .bind(SignupStatus::Closed.as_stored())
        .bind(&superseded)
        .bind(now)
        .bind(SignupStatus::OPEN[0].as_stored())
        .bind(SignupStatus::OPEN[1].as_stored())
        .bind(&r.email)
        .bind(earlier)
        .bind(&r.date_of_birth)
        .fetch_all(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO signup_requests (reference, first_name, middle_name, last_name, date_of_birth, \
             legal_sex, street, city, state, zip, mobile_phone, email, status, status_reason, patient_id, \
             created_at, promised_by, updated_at, client_addr, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $18, $13, $14, $15, $16, $15, $17, $19)",
        )
        .bind(&r.reference)
        .bind(&r.first_name)
        .bind(&r.middle_name)
        .bind(&r.last_name)
        .bind(&r.date_of_birth)
        .bind(&r.legal_sex)
        .bind(&r.street)
        .bind(&r.city)
        .bind(&r.state)
        .bind(&r.zip)
        .bind(&r.mobile_phone)
        .bind(&r.email)
        .bind(&r.status_reason)
        .bind(r.patient_id)
        .bind(now)
        .bind(r.promised_by)
        .bind(&r.client_addr)
        .bind(SignupStatus::Received.as_stored())
        .bind(r.language.code())
        .execute(&mut *tx)
        .await?;
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        let event = AuditEvent {
            actor: "anonymous",
            patient_id: r.patient_id,
            action: "signup.request",
            outcome: SignupStatus::Received.as_stored(),
            client_addr: Some(&r.client_addr),
        };
        for (patient_id,) in closed {
            let event = AuditEvent {
                patient_id,
                action: "signup.close",
                outcome: &superseded,
                ..event
            };
            self.audit_in(&mut tx, now, &event).await?;
        }
        self.audit_in(&mut tx, now, &event).await?;
        tx.commit().await
    }

    /// Closes the patient's open requests, inside the caller's transaction
    /// (their account was just created, say): how many it closed.
    pub(super) async fn close_signup_requests_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        patient_id: PatientId,
        reason: &str,
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        Ok(sqlx::query(
            "UPDATE signup_requests SET status = $1, status_reason = $2, updated_at = $3 \
             WHERE patient_id = $4 AND status IN ($5, $6)",
        )
        .bind(SignupStatus::Closed.as_stored())
        .bind(reason)
        .bind(now)
        .bind(patient_id)
        .bind(SignupStatus::OPEN[0].as_stored())
        .bind(SignupStatus::OPEN[1].as_stored())
        .execute(&mut **tx)
        .await?
        .rows_affected())
    }

    /// The patient's newest open request, if any.
    pub async fn open_signup_request_of(
        &self,
        patient_id: PatientId,
    ) -> Result<Option<SignupRequest>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, reference, date_of_birth, status, status_reason, created_at, promised_by, updated_at \
             FROM signup_requests WHERE patient_id = $1 AND status IN ($2, $3) \
             ORDER BY created_at DESC, id DESC LIMIT 1",
        )
        .bind(patient_id)
        .bind(SignupStatus::OPEN[0].as_stored())
        .bind(SignupStatus::OPEN[1].as_stored())
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn signup_request_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<SignupRequest>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, reference, date_of_birth, status, status_reason, created_at, promised_by, updated_at \
             FROM signup_requests WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
    }
}
