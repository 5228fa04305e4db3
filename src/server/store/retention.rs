//! Retention: what nothing needs any more is deleted. Every statement is an
//! idempotent `DELETE`/`UPDATE … WHERE` on what is dead at `now`, so any
//! number of servers can run it at once. Each commits on its own: it holds
//! its locks on dead rows only while it runs, so a request's transaction
//! never ends up waiting on it in a cycle.

use super::outbox::REMOVE_BODY;
use super::{AuditEvent, Store};

/// What one run removed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Removed {
    /// Patients' and staff members' sessions past their end or idle limit.
    pub sessions: u64,
    /// Emailed codes (sign-up email codes, reset codes, email changes) past
    /// their expiry, and staff setup codes past theirs.
    pub codes: u64,
    /// Limit counters whose window has ended.
    pub counters: u64,
    /// Undelivered emails whose code expired.
    pub emails: u64,
    /// Bodies of delivered emails (left by a server from before migration
    /// 0009; delivery removes the body itself).
    pub bodies: u64,
}

impl Removed {
    fn total(self) -> u64 {
        self.sessions + self.codes + self.counters + self.emails + self.bodies
    }
}

impl Store {
    /// Deletes what is dead at `now`: sessions ended by `expires_at` or by
    /// `idle` seconds without a request, emailed codes past their expiry,
    /// expired staff setup codes, limit counters whose window ended, and
    /// undelivered emails whose code expired; removes any delivered email's
    /// body. Access codes stay: each row holds only a keyed hash, and the
    /// code flow and the console name what became of a code (expired, used,
    /// ended), which they could not once it was gone. Audited when anything
    /// went.
    pub async fn remove_dead(&self, now: i64, idle: i64) -> Result<Removed, sqlx::Error> {
        let mut removed = Removed::default();
        for sessions in ["sessions", "staff_sessions"] {
            removed.sessions += sqlx::query(&format!(
                "DELETE FROM {sessions} WHERE expires_at <= $1 OR last_seen_at <= $2"
            ))
            .bind(now)
            .bind(now - idle)
            .execute(&self.pool)
            .await?
            .rows_affected();
        }
        for codes in ["email_codes", "reset_codes", "email_changes"] {
            removed.codes += sqlx::query(&format!("DELETE FROM {codes} WHERE expires_at <= $1"))
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected();
        }
        removed.codes += sqlx::query(
            "UPDATE staff SET setup_code_hash = NULL \
             WHERE setup_code_hash IS NOT NULL AND setup_expires_at <= $1",
        )
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        // Counters from before migration 0009 have no end: kept a day, as
        // the clean-up they were written under did.
        removed.counters = sqlx::query(
            "DELETE FROM failure_counters WHERE COALESCE(window_ends_at, window_start + 86400) <= $1",
        )
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        removed.emails =
            sqlx::query("DELETE FROM outbox WHERE sent_at IS NULL AND expires_at <= $1")
                .bind(now)
                .execute(&self.pool)
                .await?
                .rows_affected();
        removed.bodies = sqlx::query(&format!(
            "UPDATE outbox SET {REMOVE_BODY} WHERE body_removed_at IS NULL AND sent_at IS NOT NULL"
        ))
        .bind(now)
        .execute(&self.pool)
        .await?
        .rows_affected();
        if removed.total() > 0 {
            let outcome = format!(
                "removed {} ended sessions, {} dead codes, {} ended limit counters, \
                 {} undelivered emails with an expired code, {} bodies of delivered emails",
                removed.sessions, removed.codes, removed.counters, removed.emails, removed.bodies
            );
            let event = AuditEvent {
                actor: "retention",
                patient_id: None,
                action: "retention.run",
                outcome: &outcome,
                client_addr: None,
            };
            self.audit(now, &event).await?;
        }
        Ok(removed)
    }
}
