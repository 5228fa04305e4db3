use super::{AccountId, AuditEvent, EmailCode, NewEmail, PatientId, Store};

impl Store {
    /// Stores a new reset code for the account (ending its older ones) and
    /// the email that carries it, in one transaction.
    pub async fn add_reset_code(
        &self,
        account_id: AccountId,
        code_hash: &str,
        expires_at: i64,
        email: &NewEmail,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        // Older codes stay usable: someone else asking again must not take
        // away the code the account's holder is about to type.
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO reset_codes (account_id, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(account_id)
            .bind(code_hash)
            .bind(now)
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        Self::enqueue_in(&mut tx, email, now).await?;
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    /// The account's reset codes not used or voided, newest first.
    pub async fn live_reset_codes(
        &self,
        account_id: AccountId,
    ) -> Result<Vec<EmailCode>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, code_hash, expires_at, failed_tries, used_at, voided_at FROM reset_codes \
             WHERE account_id = $1 AND used_at IS NULL AND voided_at IS NULL ORDER BY id DESC",
        )
        .bind(account_id)
        .fetch_all(&self.pool)
        .await
    }

    /// A wrong reset code for the account: one try counted against each of
    /// its live codes (so several codes give no more guesses than one),
    /// each voided at `max_tries`.
    pub async fn record_reset_try(
        &self,
        account_id: AccountId,
        max_tries: u32,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE reset_codes SET failed_tries = failed_tries + 1, \
                 voided_at = CASE WHEN failed_tries + 1 >= $2 THEN $3 ELSE voided_at END \
             WHERE account_id = $1 AND used_at IS NULL AND voided_at IS NULL",
        )
        .bind(account_id)
        .bind(i64::from(max_tries))
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Sets a new password with its reset code, in one transaction: the code
    /// is used up (false when it was used, voided or expired meanwhile, and
    /// nothing changes), failures and locks are cleared, every session ends,
    /// and the confirming email is queued.
    pub async fn reset_password(
        &self,
        account_id: AccountId,
        code_id: i64,
        password_hash: &str,
        email: Option<&NewEmail>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let used = sqlx::query(
            "UPDATE reset_codes SET used_at = $1 \
             WHERE id = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(code_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if used != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        Self::set_password_in(&mut tx, account_id, password_hash, now).await?;
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(true)
    }

    /// A new password chosen while signed in: the same changes but no code.
    pub async fn change_password(
        &self,
        account_id: AccountId,
        password_hash: &str,
        email: Option<&NewEmail>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        Self::set_password_in(&mut tx, account_id, password_hash, now).await?;
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    async fn set_password_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        account_id: AccountId,
        password_hash: &str,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "UPDATE accounts SET password_hash = $1, failed_signins = 0, last_failed_signin_at = NULL, \
             locked_until = NULL WHERE id = $2",
        )
        .bind(password_hash)
        .bind(account_id)
        .execute(&mut **tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(account_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query("UPDATE reset_codes SET voided_at = $1 WHERE account_id = $2 AND used_at IS NULL AND voided_at IS NULL")
            .bind(now)
            .bind(account_id)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// Accounts with this email address (ignoring case) whose patient was
    /// born on `date_of_birth`: for "forgot username".
    pub async fn accounts_by_email_and_birth(
        &self,
        email: &str,
        date_of_birth: &str,
    ) -> Result<Vec<(AccountId, PatientId, String, String)>, sqlx::Error> {
        sqlx::query_as(
            "SELECT a.id, a.patient_id, a.username, a.email FROM accounts a JOIN patients p ON p.id = a.patient_id \
             WHERE LOWER(a.email) = LOWER($1) AND p.date_of_birth = $2 ORDER BY a.id",
        )
        .bind(email.trim())
        .bind(date_of_birth)
        .fetch_all(&self.pool)
        .await
    }

    /// Queues an email with its audit event (no other change).
    pub async fn send_email(
        &self,
        email: &NewEmail,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        Self::enqueue_in(&mut tx, email, now).await?;
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    /// Loads the previous portal's usernames (replacing earlier loads of the
    /// same names); returns how many were stored.
    pub async fn import_old_portal_users(
        &self,
        users: &[(String, String)],
        now: i64,
    ) -> Result<usize, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        for (username, mrn) in users {
            sqlx::query(
                "INSERT INTO old_portal_users (username_key, username, mrn, imported_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (username_key) DO UPDATE SET username = $2, mrn = $3, imported_at = $4",
            )
            .bind(crate::domain::username::username_key(username))
            .bind(username)
            .bind(mrn)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(users.len())
    }
}

/// A new address to confirm: its code's keyed hash and the email carrying it.
pub struct PendingEmail<'a> {
    pub new_email: &'a str,
    pub code_hash: &'a str,
    pub expires_at: i64,
    pub email: &'a NewEmail,
}

/// A new email address waiting for its code.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct EmailChange {
    pub id: i64,
    pub new_email: String,
    pub code_hash: String,
    pub expires_at: i64,
    pub failed_tries: i64,
    pub used_at: Option<i64>,
    pub voided_at: Option<i64>,
}

impl Store {
    /// Stores a pending email change (ending older ones) and the email with
    /// its code to the new address, in one transaction.
    #[allow(clippy::too_many_arguments)]
    pub async fn add_email_change(
        &self,
        account_id: AccountId,
        new_email: &str,
        code_hash: &str,
        expires_at: i64,
        email: &NewEmail,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let change = PendingEmail {
            new_email,
            code_hash,
            expires_at,
            email,
        };
        Self::add_email_change_in(&mut tx, account_id, &change, now).await?;
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    /// A new address waiting for its code (ending older ones), and the email
    /// carrying the code, inside the caller's transaction.
    pub(super) async fn add_email_change_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        account_id: AccountId,
        change: &PendingEmail<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query("UPDATE email_changes SET voided_at = $1 WHERE account_id = $2 AND used_at IS NULL AND voided_at IS NULL")
            .bind(now)
            .bind(account_id)
            .execute(&mut **tx)
            .await?;
        sqlx::query(
            "INSERT INTO email_changes (account_id, new_email, code_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(account_id)
        .bind(change.new_email)
        .bind(change.code_hash)
        .bind(now)
        .bind(change.expires_at)
        .execute(&mut **tx)
        .await?;
        Self::enqueue_in(tx, change.email, now).await
    }

    pub async fn latest_email_change(
        &self,
        account_id: AccountId,
    ) -> Result<Option<EmailChange>, sqlx::Error> {
        sqlx::query_as(
            "SELECT id, new_email, code_hash, expires_at, failed_tries, used_at, voided_at FROM email_changes \
             WHERE account_id = $1 ORDER BY id DESC LIMIT 1",
        )
        .bind(account_id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Makes the confirmed address the account's, telling the old address,
    /// in one transaction; false when the change was used, voided or expired.
    pub async fn confirm_email_change(
        &self,
        account_id: AccountId,
        change: &EmailChange,
        notice: Option<&NewEmail>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let used = sqlx::query(
            "UPDATE email_changes SET used_at = $1 \
             WHERE id = $2 AND used_at IS NULL AND voided_at IS NULL AND expires_at > $1",
        )
        .bind(now)
        .bind(change.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if used != 1 {
            tx.rollback().await?;
            return Ok(false);
        }
        sqlx::query("UPDATE accounts SET email = $1 WHERE id = $2")
            .bind(&change.new_email)
            .bind(account_id)
            .execute(&mut *tx)
            .await?;
        if let Some(notice) = notice {
            Self::enqueue_in(&mut tx, notice, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(true)
    }
}
