//! The audit log: append-only (database triggers refuse changes) and
//! tamper-evident. Each entry's hash is an HMAC, under a key derived from
//! the server secret, over its fields and the previous entry's hash;
//! `audit_head` holds the newest link. Editing, removing or inserting an
//! entry breaks the chain at that entry, and without the secret nobody can
//! forge a chain that verifies.

use super::Store;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::{Any, Row, Transaction};

/// One security-relevant event. Never holds a secret.
#[derive(Clone, Debug)]
pub struct AuditEvent<'a> {
    /// Who acted: a username, `staff:<username>`, `cli`, `demo`, or `anonymous`.
    pub actor: &'a str,
    pub patient_id: Option<i64>,
    /// Dotted name, such as `code.issue` or `signup.code`.
    pub action: &'a str,
    pub outcome: &'a str,
    pub client_addr: Option<&'a str>,
}

/// What verifying the chain found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChainReport {
    /// Entries in the chain.
    pub chained: i64,
    /// Entries written before the chain began (before the migration).
    pub before_chain: i64,
    /// The first entry that does not verify, and why.
    pub broken: Option<BrokenLink>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    /// The entry's id (`audit_log.id`).
    pub entry: i64,
    pub reason: String,
}

impl Store {
    /// Appends one event to the audit log.
    pub async fn audit(&self, at: i64, event: &AuditEvent<'_>) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        self.audit_in(&mut tx, at, event).await?;
        tx.commit().await
    }

    /// The same, inside a caller's transaction, so the event commits with
    /// the change. Callers make it their last write: taking the chain's head
    /// row serializes audited transactions until they commit.
    pub(super) async fn audit_in(
        &self,
        tx: &mut Transaction<'_, Any>,
        at: i64,
        event: &AuditEvent<'_>,
    ) -> Result<(), sqlx::Error> {
        let head =
            sqlx::query("UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash")
                .fetch_one(&mut **tx)
                .await?;
        let seq: i64 = head.try_get("seq")?;
        let previous: String = head.try_get("hash")?;
        let hash = self.link_hash(&previous, seq, at, event);
        sqlx::query(
            "INSERT INTO audit_log (at, actor, patient_id, action, outcome, client_addr, seq, hash) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(at)
        .bind(event.actor)
        .bind(event.patient_id)
        .bind(event.action)
        .bind(event.outcome)
        .bind(event.client_addr)
        .bind(seq)
        .bind(&hash)
        .execute(&mut **tx)
        .await?;
        sqlx::query("UPDATE audit_head SET hash = $1 WHERE id = 1")
            .bind(&hash)
            .execute(&mut **tx)
            .await?;
        Ok(())
    }

    /// HMAC over the previous link and every field, length-delimited (JSON)
    /// so no two entries serialize alike.
    fn link_hash(&self, previous: &str, seq: i64, at: i64, event: &AuditEvent<'_>) -> String {
        let fields = serde_json::json!([
            previous,
            seq,
            at,
            event.actor,
            event.patient_id,
            event.action,
            event.outcome,
            event.client_addr,
        ]);
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.audit_key).expect("HMAC takes keys of any length");
        mac.update(fields.to_string().as_bytes());
        hex::encode(mac.finalize().into_bytes())
    }

    /// Walks the whole log in order and checks every link.
    pub async fn verify_audit_chain(&self) -> Result<ChainReport, sqlx::Error> {
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        let (head_seq, head_hash): (i64, String) = (head.try_get("seq")?, head.try_get("hash")?);
        let rows = sqlx::query(
            "SELECT id, at, actor, patient_id, action, outcome, client_addr, seq, hash \
             FROM audit_log ORDER BY id",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut report = ChainReport {
            chained: 0,
            before_chain: 0,
            broken: None,
        };
        let mut previous = String::new();
        let mut last_id = 0;
        for row in &rows {
            let id: i64 = row.try_get("id")?;
            let seq: Option<i64> = row.try_get("seq")?;
            let stored: Option<String> = row.try_get("hash")?;
            let broken = |reason: &str| BrokenLink {
                entry: id,
                reason: reason.to_string(),
            };
            let (Some(seq), Some(stored)) = (seq, stored) else {
                if report.chained > 0 {
                    report.broken = Some(broken("added outside the chain"));
                    return Ok(report);
                }
                report.before_chain += 1;
                continue;
            };
            if seq != report.chained + 1 {
                report.broken = Some(broken("an entry before it is missing or out of order"));
                return Ok(report);
            }
            let actor: String = row.try_get("actor")?;
            let action: String = row.try_get("action")?;
            let outcome: String = row.try_get("outcome")?;
            let client_addr: Option<String> = row.try_get("client_addr")?;
            let event = AuditEvent {
                actor: &actor,
                patient_id: row.try_get("patient_id")?,
                action: &action,
                outcome: &outcome,
                client_addr: client_addr.as_deref(),
            };
            if self.link_hash(&previous, seq, row.try_get("at")?, &event) != stored {
                report.broken = Some(broken("its contents were changed"));
                return Ok(report);
            }
            previous = stored;
            report.chained += 1;
            last_id = id;
        }
        if head_seq != report.chained || head_hash != previous {
            report.broken = Some(BrokenLink {
                entry: last_id,
                reason: "entries after it were removed".into(),
            });
        }
        Ok(report)
    }
}

/// One audit entry as the console lists it.
#[derive(Clone, Debug, sqlx::FromRow)]
pub struct AuditRow {
    pub id: i64,
    pub at: i64,
    pub actor: String,
    pub mrn: Option<String>,
    pub action: String,
    pub outcome: String,
    pub client_addr: Option<String>,
}

/// Which entries, in which order. Empty texts do not filter.
pub struct AuditQuery<'a> {
    pub mrn: &'a str,
    /// Part of the actor.
    pub actor: &'a str,
    /// The start of the action.
    pub action: &'a str,
    /// Unix seconds, `from` included, `until` excluded.
    pub from: i64,
    pub until: i64,
    /// A column of `AuditRow` (checked by the caller against a fixed list).
    pub order_by: &'static str,
    pub ascending: bool,
    pub limit: i64,
}

/// `text` for a LIKE pattern, its wildcards taken literally.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

impl Store {
    pub async fn audit_entries(&self, q: &AuditQuery<'_>) -> Result<Vec<AuditRow>, sqlx::Error> {
        let direction = if q.ascending { "ASC" } else { "DESC" };
        sqlx::query_as(&format!(
            "SELECT a.id, a.at, a.actor, p.mrn, a.action, a.outcome, a.client_addr \
             FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id \
             WHERE ($1 = '' OR p.mrn = $1) \
               AND lower(a.actor) LIKE $2 ESCAPE '\\' \
               AND a.action LIKE $3 ESCAPE '\\' \
               AND a.at >= $4 AND a.at < $5 \
             ORDER BY {} {direction}, a.id {direction} LIMIT $6",
            q.order_by
        ))
        .bind(q.mrn)
        .bind(format!("%{}%", like_literal(&q.actor.to_lowercase())))
        .bind(format!("{}%", like_literal(q.action)))
        .bind(q.from)
        .bind(q.until)
        .bind(q.limit)
        .fetch_all(&self.pool)
        .await
    }
}
