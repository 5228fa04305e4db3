use super::{AccessCodeId, AuditEvent, NewEmail, PatientId, Store, StoredBool};
use sqlx::FromRow;

/// A code to store: its hash, who issued it, and the email carrying it.
#[derive(Clone, Debug)]
pub struct IssueCode<'a> {
    pub patient_id: PatientId,
    pub code_hash: &'a str,
    pub issued_by: &'a str,
    pub expires_at: i64,
    /// End the patient's older unused codes (a new code replaces the old).
    pub replace_older: bool,
    /// How the code reaches the person, for the audit log: "shown once",
    /// "emailed", "mail letter"…
    pub how: &'a str,
    pub email: Option<&'a NewEmail>,
    /// The address the code (or the sign-up code before it) was emailed to.
    pub sent_to: Option<&'a str>,
    pub client_addr: Option<&'a str>,
}

/// An access code found by its hash, with what the flow needs to decide.
#[derive(Clone, Debug, FromRow)]
pub struct CodeRecord {
    pub id: AccessCodeId,
    pub patient_id: PatientId,
    pub expires_at: i64,
    pub failed_tries: i64,
    pub used_at: Option<i64>,
    pub voided_at: Option<i64>,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    pub email: Option<String>,
    /// Where the code was emailed: an address typed at sign-up counts as
    /// confirmed only when it is this one.
    pub sent_to: Option<String>,
    /// The state of the patient's address, for the state policy table.
    pub state: String,
    /// An emancipated minor: no parent's access to describe.
    #[sqlx(try_from = "StoredBool")]
    pub emancipated: bool,
    pub accounts: i64,
}

impl Store {
    /// Stores a new code's hash (ending the patient's older unused codes
    /// when asked) and the email that carries it, in one transaction.
    pub async fn issue_code(&self, code: &IssueCode<'_>, now: i64) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        if code.replace_older {
            sqlx::query(
                "UPDATE access_codes SET voided_at = $1, void_reason = 'replaced' \
                 WHERE patient_id = $2 AND used_at IS NULL AND voided_at IS NULL",
            )
            .bind(now)
            .bind(code.patient_id)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query(
            "INSERT INTO access_codes (patient_id, code_hash, issued_at, issued_by, expires_at, sent_to) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(code.patient_id)
        .bind(code.code_hash)
        .bind(now)
        .bind(code.issued_by)
        .bind(code.expires_at)
        .bind(code.sent_to)
        .execute(&mut *tx)
        .await?;
        if let Some(email) = code.email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        let event = AuditEvent {
            actor: code.issued_by,
            patient_id: Some(code.patient_id),
            action: "code.issue",
            outcome: &format!("issued; {}", code.how),
            client_addr: code.client_addr,
        };
        self.audit_in(&mut tx, now, &event).await?;
        tx.commit().await
    }

    pub async fn code_by_hash(&self, code_hash: &str) -> Result<Option<CodeRecord>, sqlx::Error> {
        sqlx::query_as(
            "SELECT c.id, c.patient_id, c.expires_at, c.failed_tries, c.used_at, c.voided_at, \
                    p.first_name, p.middle_name, p.last_name, p.date_of_birth, p.email, p.state, p.emancipated, c.sent_to, \
                    (SELECT COUNT(*) FROM accounts a WHERE a.patient_id = p.id) AS accounts \
             FROM access_codes c JOIN patients p ON p.id = c.patient_id \
             WHERE c.code_hash = $1",
        )
        .bind(code_hash)
        .fetch_optional(&self.pool)
        .await
    }
}
