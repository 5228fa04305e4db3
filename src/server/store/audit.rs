//! The audit log: append-only (database triggers refuse changes) and
//! tamper-evident. Each entry's hash is an HMAC, under a key derived from
//! the server secret, over its fields and the previous entry's hash;
//! `audit_head` holds the newest link. Editing, removing or inserting an
//! entry breaks the chain at that entry, and without the secret nobody can
//! forge a chain that verifies.

use super::{PatientId, Store};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use sqlx::any::AnyArguments;
use sqlx::{Any, Arguments, Row, Transaction};

/// One security-relevant event. Never holds a secret.
#[derive(Clone, Debug)]
pub struct AuditEvent<'a> {
    /// Who acted: a username, `staff:<username>`, `cli`, `demo`, or `anonymous`.
    pub actor: &'a str,
    pub patient_id: Option<PatientId>,
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
    /// Entries of the chain not checked yet (a check with a budget that
    /// stopped before the head): the next check's work.
    pub unchecked: i64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenLink {
    /// The entry's id (`audit_log.id`).
    pub entry: i64,
    pub reason: String,
}

/// A link of the chain that verified: the entry, its place and its hash.
#[derive(Clone, Debug, Default)]
struct Link {
    entry: i64,
    seq: i64,
    hash: String,
}

/// Entries read at once while checking the chain.
const CHAIN_BATCH: i64 = 10_000;

impl Store {
    /// Appends one event to the audit log.
    pub async fn audit(&self, at: i64, event: &AuditEvent<'_>) -> Result<(), sqlx::Error> {
        self.audit_all(at, std::slice::from_ref(event)).await
    }

    /// Appends events in order, in one transaction (loading many at once).
    pub async fn audit_all(&self, at: i64, events: &[AuditEvent<'_>]) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        for event in events {
            self.audit_in(&mut tx, at, event).await?;
        }
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

    /// Walks the whole log in order and checks every link
    /// (`frontdesk verify-audit`).
    pub async fn verify_audit_chain(&self) -> Result<ChainReport, sqlx::Error> {
        self.walk_chain(Link::default(), None, None).await
    }

    /// Checks only the entries appended since the last verified checkpoint
    /// (at most `budget` of them, when given) and moves the checkpoint to
    /// the newest link that verifies, so the work stays as small as what is
    /// new: the console checks a bounded number, the servers' background
    /// job the rest. A change before the checkpoint is found by
    /// [`Store::verify_audit_chain`].
    pub async fn verify_audit_since_checkpoint(
        &self,
        budget: Option<i64>,
    ) -> Result<ChainReport, sqlx::Error> {
        let row =
            sqlx::query("SELECT seq, entry_id, hash, seal FROM audit_checkpoint WHERE id = 1")
                .fetch_optional(&self.pool)
                .await?;
        let stored = match row {
            Some(row) => Some((
                Link {
                    entry: row.try_get("entry_id")?,
                    seq: row.try_get("seq")?,
                    hash: row.try_get("hash")?,
                },
                row.try_get::<String, _>("seal")?,
            )),
            None => None,
        };
        // Only a server holding the secret can seal a checkpoint, so nobody
        // can move it past an entry they changed; a checkpoint that is
        // missing or does not verify means starting from the first entry.
        let (start, overwrite) = match stored {
            Some((link, seal)) if self.checkpoint_seal(&link) == seal => (link, false),
            _ => (Link::default(), true),
        };
        self.walk_chain(start, Some(overwrite), budget).await
    }

    /// Checks every link after `start` (a verified link, or the beginning)
    /// up to the head read first (or `budget` links), in batches; with
    /// `checkpoint`, saves the newest verified link after each batch
    /// (`Some(true)`: replacing a checkpoint whose seal did not verify).
    async fn walk_chain(
        &self,
        start: Link,
        checkpoint: Option<bool>,
        budget: Option<i64>,
    ) -> Result<ChainReport, sqlx::Error> {
        let head = sqlx::query("SELECT seq, hash FROM audit_head WHERE id = 1")
            .fetch_one(&self.pool)
            .await?;
        let (head_seq, head_hash): (i64, String) = (head.try_get("seq")?, head.try_get("hash")?);
        let mut report = ChainReport {
            chained: start.seq,
            before_chain: 0,
            broken: None,
            unchecked: 0,
        };
        let stop_at = budget.map_or(head_seq, |b| head_seq.min(start.seq + b.max(0)));
        let mut last = start;
        let mut cursor = last.entry;
        let mut overwrite = checkpoint == Some(true);
        'walk: loop {
            // No more rows than the budget needs (at least one, so a walk
            // that has reached it still sees whether the log goes on).
            let want = CHAIN_BATCH.min((stop_at - report.chained).max(1));
            let rows = sqlx::query(
                "SELECT id, at, actor, patient_id, action, outcome, client_addr, seq, hash \
                 FROM audit_log WHERE id > $1 ORDER BY id LIMIT $2",
            )
            .bind(cursor)
            .bind(want)
            .fetch_all(&self.pool)
            .await?;
            for row in &rows {
                let id: i64 = row.try_get("id")?;
                cursor = id;
                let seq: Option<i64> = row.try_get("seq")?;
                let stored: Option<String> = row.try_get("hash")?;
                let mut broken = |reason: &str| {
                    report.broken = Some(BrokenLink {
                        entry: id,
                        reason: reason.to_string(),
                    });
                };
                let (Some(seq), Some(stored)) = (seq, stored) else {
                    if report.chained > 0 {
                        broken("added outside the chain");
                        break 'walk;
                    }
                    report.before_chain += 1;
                    continue;
                };
                // Appended after the head was read, or past the budget: the
                // next check's work.
                if report.chained == stop_at {
                    break 'walk;
                }
                if seq != report.chained + 1 {
                    broken("an entry before it is missing or out of order");
                    break 'walk;
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
                if self.link_hash(&last.hash, seq, row.try_get("at")?, &event) != stored {
                    broken("its contents were changed");
                    break 'walk;
                }
                last = Link {
                    entry: id,
                    seq,
                    hash: stored,
                };
                report.chained += 1;
            }
            if checkpoint.is_some() {
                self.save_checkpoint(&last, overwrite).await?;
                overwrite = false;
            }
            if (rows.len() as i64) < want || report.chained == stop_at {
                break;
            }
        }
        if checkpoint.is_some() {
            self.save_checkpoint(&last, overwrite).await?;
        }
        if report.broken.is_none() && report.chained == stop_at && stop_at < head_seq {
            report.unchecked = head_seq - report.chained;
        } else if report.broken.is_none() && (head_seq != report.chained || head_hash != last.hash)
        {
            report.broken = Some(BrokenLink {
                entry: last.entry,
                reason: "entries after it were removed".into(),
            });
        }
        Ok(report)
    }

    /// Stores `link` as the checkpoint when it is newer than the stored one
    /// (or always, with `overwrite`). Every link saved verified, so servers
    /// saving at once leave one of theirs, never a mixture (one statement).
    async fn save_checkpoint(&self, link: &Link, overwrite: bool) -> Result<(), sqlx::Error> {
        if link.seq == 0 {
            return Ok(());
        }
        let newer = if overwrite {
            ""
        } else {
            " WHERE audit_checkpoint.seq < excluded.seq"
        };
        sqlx::query(&format!(
            "INSERT INTO audit_checkpoint (id, seq, entry_id, hash, seal) VALUES (1, $1, $2, $3, $4) \
             ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, entry_id = excluded.entry_id, \
             hash = excluded.hash, seal = excluded.seal{newer}"
        ))
        .bind(link.seq)
        .bind(link.entry)
        .bind(&link.hash)
        .bind(self.checkpoint_seal(link))
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// HMAC over a checkpoint, under the chain's key.
    fn checkpoint_seal(&self, link: &Link) -> String {
        let fields = serde_json::json!(["checkpoint", link.seq, link.entry, link.hash]);
        let mut mac =
            Hmac::<Sha256>::new_from_slice(&self.audit_key).expect("HMAC takes keys of any length");
        mac.update(fields.to_string().as_bytes());
        hex::encode(mac.finalize().into_bytes())
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

/// Which entries, in which order, and which page of them. Empty texts and
/// absent dates do not filter.
pub struct AuditQuery<'a> {
    pub mrn: &'a str,
    /// Part of the actor.
    pub actor: &'a str,
    /// The start of the action.
    pub action: &'a str,
    /// Unix seconds, `from` included, `until` excluded.
    pub from: Option<i64>,
    pub until: Option<i64>,
    /// A column of `AuditRow` (checked by the caller against a fixed list).
    pub order_by: &'static str,
    pub ascending: bool,
    pub limit: i64,
    /// Entries skipped in that order.
    pub offset: i64,
}

/// One page of entries and how many match in all.
#[derive(Clone, Debug)]
pub struct AuditPage {
    pub rows: Vec<AuditRow>,
    pub total: i64,
}

/// `text` for a LIKE pattern, its wildcards taken literally.
fn like_literal(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}

/// A value a filter binds.
enum Param {
    Text(String),
    Int(i64),
}

fn arguments(params: &[Param]) -> Result<AnyArguments<'_>, sqlx::Error> {
    let mut args = AnyArguments::default();
    for param in params {
        match param {
            Param::Text(text) => args.add(text.as_str()),
            Param::Int(n) => args.add(*n),
        }
        .map_err(sqlx::Error::Encode)?;
    }
    Ok(args)
}

impl AuditQuery<'_> {
    /// The WHERE clause of the filters in use, and its parameters. Only
    /// filters in use appear, so an unfiltered count or page reads an index
    /// and no more.
    /// The WHERE clause and its parameters. `for_count`: the count reads
    /// the action prefix index; the page does not (its ORDER BY index,
    /// filtered, finds a page of matches sooner than sorting them all), so
    /// there the column is hidden from the planner (`|| ''`).
    fn filters(&self, for_count: bool) -> (String, Vec<Param>) {
        let mut clauses = Vec::new();
        let mut params = Vec::new();
        let mut add = |clause: &str, param: Param| {
            params.push(param);
            clauses.push(clause.replace('?', &format!("${}", params.len())));
        };
        if !self.mrn.is_empty() {
            let mrn = Param::Text(self.mrn.to_string());
            add(
                "a.patient_id IN (SELECT id FROM patients WHERE mrn = ?)",
                mrn,
            );
        }
        if !self.actor.is_empty() {
            let actor = format!("%{}%", like_literal(&self.actor.to_lowercase()));
            add("lower(a.actor) LIKE ? ESCAPE '\\'", Param::Text(actor));
        }
        if !self.action.is_empty() {
            let action = format!("{}%", like_literal(self.action));
            let column = if for_count {
                "a.action"
            } else {
                "(a.action || '')"
            };
            add(&format!("{column} LIKE ? ESCAPE '\\'"), Param::Text(action));
        }
        if let Some(from) = self.from {
            add("a.at >= ?", Param::Int(from));
        }
        if let Some(until) = self.until {
            add("a.at < ?", Param::Int(until));
        }
        let clause = if clauses.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", clauses.join(" AND "))
        };
        (clause, params)
    }
}

impl Store {
    /// The page of entries `q` asks for, and how many match.
    pub async fn audit_page(&self, q: &AuditQuery<'_>) -> Result<AuditPage, sqlx::Error> {
        let (filters, params) = q.filters(true);
        let total: i64 = sqlx::query_scalar_with(
            &format!("SELECT COUNT(*) FROM audit_log a{filters}"),
            arguments(&params)?,
        )
        .fetch_one(&self.pool)
        .await?;
        let direction = if q.ascending { "ASC" } else { "DESC" };
        let (filters, mut params) = q.filters(false);
        params.extend([Param::Int(q.limit), Param::Int(q.offset)]);
        let rows = sqlx::query_as_with(
            &format!(
                "SELECT a.id, a.at, a.actor, p.mrn, a.action, a.outcome, a.client_addr \
                 FROM audit_log a LEFT JOIN patients p ON p.id = a.patient_id{filters} \
                 ORDER BY {} {direction}, a.id {direction} LIMIT ${} OFFSET ${}",
                q.order_by,
                params.len() - 1,
                params.len()
            ),
            arguments(&params)?,
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(AuditPage { rows, total })
    }
}
