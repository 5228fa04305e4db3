use super::{
    AccessCodeId, AccountId, AuditEvent, PatientId, PendingEmail, Store, is_unique_violation,
};
use crate::server::mail::templates::To;
use crate::words::Language;

/// What is needed to redeem a code into an account.
pub struct NewAccount<'a> {
    pub code_id: AccessCodeId,
    pub patient_id: PatientId,
    pub username: &'a str,
    pub username_key: &'a str,
    pub password_hash: &'a str,
    /// A confirmed address: one a code for this sign-up was sent to.
    pub email: Option<&'a str>,
    /// An address typed that no code went to: it waits for its own code.
    pub to_confirm: Option<PendingEmail<'a>>,
    pub client_addr: &'a str,
    /// The language they signed up in: their language from then on.
    pub language: Language,
}

/// Why a redemption did not happen; nothing was written.
#[derive(Debug, PartialEq, Eq)]
pub enum RedeemConflict {
    /// Used, voided or expired since it was checked.
    CodeNoLongerValid,
    UsernameTaken,
    AccountExists,
}

impl Store {
    pub async fn username_taken(&self, username_key: &str) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE username_key = $1")
            .bind(username_key)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }

    /// Marks the code used and creates the account in one transaction: of
    /// any number of concurrent redemptions of one code, exactly one commits.
    pub async fn redeem_code(
        &self,
        new: &NewAccount<'_>,
        now: i64,
    ) -> Result<Result<AccountId, RedeemConflict>, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        // Claiming the code first takes the write lock (SQLite) or the row
        // lock (PostgreSQL); a concurrent claim then finds it used.
        let claimed = sqlx::query(
            "UPDATE access_codes SET used_at = $1 \
             WHERE id = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(new.code_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if claimed != 1 {
            tx.rollback().await?;
            return Ok(Err(RedeemConflict::CodeNoLongerValid));
        }
        let inserted = sqlx::query_scalar::<_, AccountId>(
            "INSERT INTO accounts (patient_id, username, username_key, password_hash, email, created_at, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id",
        )
        .bind(new.patient_id)
        .bind(new.username)
        .bind(new.username_key)
        .bind(new.password_hash)
        .bind(new.email.unwrap_or_default())
        .bind(now)
        .bind(new.language.code())
        .fetch_one(&mut *tx)
        .await;
        let account_id = match inserted {
            Ok(id) => id,
            Err(e) if is_unique_violation(&e) => {
                tx.rollback().await?;
                return Ok(Err(if self.username_taken(new.username_key).await? {
                    RedeemConflict::UsernameTaken
                } else {
                    RedeemConflict::AccountExists
                }));
            }
            Err(e) => return Err(e),
        };
        sqlx::query("UPDATE access_codes SET account_id = $1 WHERE id = $2")
            .bind(account_id)
            .bind(new.code_id)
            .execute(&mut *tx)
            .await?;
        if let Some(change) = &new.to_confirm {
            Self::add_email_change_in(&mut tx, account_id, change, now).await?;
        }
        // The person's requests to the help desk are answered now.
        let closed =
            Self::close_signup_requests_in(&mut tx, new.patient_id, "account created", now).await?;
        let outcome = match closed {
            0 => "account created".to_string(),
            n => format!("account created; {n} sign-up request(s) closed"),
        };
        let event = AuditEvent {
            actor: new.username,
            patient_id: Some(new.patient_id),
            action: "signup.code",
            outcome: &outcome,
            client_addr: Some(new.client_addr),
        };
        self.audit_in(&mut tx, now, &event).await?;
        tx.commit().await?;
        Ok(Ok(account_id))
    }
}

impl Store {
    /// The confirmed email of the patient's account, if they have both.
    /// The account of a patient's own record, if they have one.
    pub async fn account_by_patient(
        &self,
        patient_id: PatientId,
    ) -> Result<Option<Account>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.patient_id = $1"
        ))
        .bind(patient_id)
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn patient_has_account(&self, patient_id: PatientId) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM accounts WHERE patient_id = $1")
            .bind(patient_id)
            .fetch_one(&self.pool)
            .await?;
        Ok(n > 0)
    }
}

/// An account as sign-in and its settings need it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct Account {
    pub id: AccountId,
    pub patient_id: PatientId,
    pub username: String,
    pub password_hash: String,
    /// The confirmed address; None while the account has none.
    pub email: Option<String>,
    pub failed_signins: i64,
    pub last_failed_signin_at: Option<i64>,
    pub locked_until: Option<i64>,
    pub first_name: String,
    pub middle_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    /// The language its holder chose, if they have.
    pub language: Option<String>,
    /// The preferred language of their record, if it names one.
    pub record_language: Option<String>,
}

impl Account {
    /// The language its holder chose, if they have.
    pub fn chosen_language(&self) -> Option<Language> {
        self.language.as_deref().and_then(Language::from_code)
    }

    /// Where to write to its holder: their confirmed address (none until
    /// one is confirmed), in their own language — the one they chose, else
    /// that of the request they are making (`asking`: None for an email
    /// the help desk or a job sends), else their record's.
    pub fn mail_to(&self, asking: Option<Language>) -> Option<To<'_>> {
        let address = self.email.as_deref().filter(|e| !e.is_empty())?;
        let record = self
            .record_language
            .as_deref()
            .and_then(Language::from_code);
        Some(To::new(address, [self.chosen_language(), asking, record]))
    }
}

const ACCOUNT_COLUMNS: &str = "a.id, a.patient_id, a.username, a.password_hash, NULLIF(a.email, '') AS email, a.failed_signins, \
     a.last_failed_signin_at, a.locked_until, p.first_name, p.middle_name, p.last_name, p.date_of_birth, \
     a.language, p.language AS record_language";

impl Store {
    pub async fn account_by_username(
        &self,
        username_key: &str,
    ) -> Result<Option<Account>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.username_key = $1"
        ))
        .bind(username_key)
        .fetch_optional(&self.pool)
        .await
    }

    /// Saves the language an account's holder chose.
    pub async fn set_account_language(
        &self,
        id: AccountId,
        language: crate::words::Language,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE accounts SET language = $1 WHERE id = $2")
            .bind(language.code())
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    pub async fn account_by_id(&self, id: AccountId) -> Result<Option<Account>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM accounts a JOIN patients p ON p.id = a.patient_id WHERE a.id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await
    }
}

impl Store {
    /// Whether `username_key` was a username of the previous portal.
    pub async fn old_portal_user(&self, username_key: &str) -> Result<bool, sqlx::Error> {
        let n: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM old_portal_users WHERE username_key = $1")
                .bind(username_key)
                .fetch_one(&self.pool)
                .await?;
        Ok(n > 0)
    }
}
