use super::{AuditEvent, Store};
use crate::domain::states::RecordsStatus;

/// A request for copies of medical records.
#[derive(Clone, Debug, Default)]
pub struct NewRecordsRequest {
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
    pub signature: String,
    pub signed_on: String,
    pub client_addr: String,
    /// The language it was made in: what the records team writes back in.
    pub language: crate::words::Language,
}

/// Where a records request stands, for its status page.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct RecordsRequestStatus {
    pub reference: String,
    pub date_of_birth: String,
    #[sqlx(try_from = "String")]
    pub status: RecordsStatus,
    pub created_at: i64,
    pub updated_at: i64,
}

impl Store {
    pub async fn records_request_by_reference(
        &self,
        reference: &str,
    ) -> Result<Option<RecordsRequestStatus>, sqlx::Error> {
        sqlx::query_as(
            "SELECT reference, date_of_birth, status, created_at, updated_at \
             FROM records_requests WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn add_records_request(
        &self,
        r: &NewRecordsRequest,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO records_requests (reference, first_name, middle_name, last_name, date_of_birth, \
             street, city, state, zip, phone, records_wanted, dates_from, dates_to, delivery, signature, \
             signed_on, status, created_at, updated_at, client_addr, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $19, $17, $17, $18, $20)",
        )
        .bind(&r.reference)
        .bind(&r.first_name)
        .bind(&r.middle_name)
        .bind(&r.last_name)
        .bind(&r.date_of_birth)
        .bind(&r.street)
        .bind(&r.city)
        .bind(&r.state)
        .bind(&r.zip)
        .bind(&r.phone)
        .bind(&r.records_wanted)
        .bind(&r.dates_from)
        .bind(&r.dates_to)
        .bind(&r.delivery)
        .bind(&r.signature)
        .bind(&r.signed_on)
        .bind(now)
        .bind(&r.client_addr)
        .bind(RecordsStatus::Received.as_stored())
        .bind(r.language.code())
        .execute(&mut *tx)
        .await?;
        let event = AuditEvent {
            actor: "anonymous",
            patient_id: None,
            action: "records.request",
            outcome: RecordsStatus::Received.as_stored(),
            client_addr: Some(&r.client_addr),
        };
        self.audit_in(&mut tx, now, &event).await?;
        tx.commit().await
    }
}
