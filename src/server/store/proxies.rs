//! Proxy access requests and grants.

use super::{
    AccountId, AuditEvent, GrantId, GuardianContact, NewEmail, PatientId, ProxyRequestId, Store,
    StoredBool,
};
use crate::domain::relationship::Relationship;
use crate::domain::states::{ProxyStatus, Scope};
use sqlx::FromRow;

pub struct NewProxyRequest<'a> {
    pub reference: &'a str,
    pub requester_account_id: AccountId,
    pub patient_id: Option<PatientId>,
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub date_of_birth: &'a str,
    pub relationship: Relationship,
    pub document_reference: &'a str,
    pub details: &'a str,
    pub status: ProxyStatus,
    pub reason: &'a str,
    pub rule: &'a str,
    pub client_addr: &'a str,
    /// The language it was made in.
    pub language: crate::words::Language,
}

/// A grant to store with its request.
pub struct NewGrant {
    pub patient_id: PatientId,
    pub scope: Scope,
    pub by_law: bool,
    pub ends_at: i64,
}

/// A grant not yet ended, with what its standing depends on: the record
/// of the patient it opens (`p`) as it is now.
#[derive(Clone, Debug, FromRow)]
pub struct GrantRow {
    pub id: GrantId,
    pub patient_id: PatientId,
    pub grantee_account_id: AccountId,
    #[sqlx(try_from = "String")]
    pub relationship: Relationship,
    #[sqlx(try_from = "String")]
    pub scope: Scope,
    #[sqlx(try_from = "StoredBool")]
    pub by_law: bool,
    pub starts_at: i64,
    pub ends_at: i64,
    /// The patient's, or (`grants_to`) the holder's.
    pub first_name: String,
    pub last_name: String,
    pub patient_born: String,
    pub patient_state: String,
    #[sqlx(try_from = "StoredBool")]
    pub patient_emancipated: bool,
}

/// A grant not yet ended, for the upkeep job: both sides' names and
/// account emails, and whether they were warned.
#[derive(Clone, Debug, FromRow)]
pub struct OpenGrant {
    #[sqlx(flatten)]
    pub grant: GrantRow,
    pub warned_at: Option<i64>,
    /// The holder's confirmed address; None while they have none.
    pub holder_email: Option<String>,
    /// The holder's language (chosen, else their record's), if known.
    pub holder_language: Option<String>,
    pub holder_first_name: String,
    pub holder_last_name: String,
    pub patient_email: Option<String>,
    pub patient_language: Option<String>,
}

/// A grant someone ends before its date.
pub struct GrantEnding<'a> {
    pub grant_id: GrantId,
    pub patient_id: PatientId,
    pub reason: &'a str,
    /// Access by law too (the help desk, after checking a court order, say).
    pub even_by_law: bool,
}

/// A grant to end, and why (for its `end_reason` and the audit log).
pub struct GrantEnded<'a> {
    pub grant_id: GrantId,
    pub patient_id: PatientId,
    pub reason: &'a str,
}

const GRANT_COLUMNS: &str = "g.id, g.patient_id, g.grantee_account_id, g.relationship, g.scope, \
     g.by_law, g.starts_at, g.ends_at, p.first_name, p.last_name, \
     p.date_of_birth AS patient_born, p.state AS patient_state, \
     p.emancipated AS patient_emancipated";

/// GRANT_COLUMNS with the holder's names instead of the patient's.
const GRANT_COLUMNS_WITH_HOLDER: &str = "g.id, g.patient_id, g.grantee_account_id, \
     g.relationship, g.scope, g.by_law, g.starts_at, g.ends_at, hp.first_name, hp.last_name, \
     p.date_of_birth AS patient_born, p.state AS patient_state, \
     p.emancipated AS patient_emancipated";

impl Store {
    /// Stores a request, and the grant it makes at once (if any), the email
    /// it causes and its audit entry, in one transaction.
    pub async fn add_proxy_request(
        &self,
        r: &NewProxyRequest<'_>,
        grant: Option<&NewGrant>,
        email: Option<&NewEmail>,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let request_id: ProxyRequestId = sqlx::query_scalar(
            "INSERT INTO proxy_requests (reference, requester_account_id, patient_id, first_name, \
                 last_name, date_of_birth, relationship, document_reference, details, status, \
                 reason, rule, created_at, updated_at, client_addr, language) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14, $15) RETURNING id",
        )
        .bind(r.reference)
        .bind(r.requester_account_id)
        .bind(r.patient_id)
        .bind(r.first_name)
        .bind(r.last_name)
        .bind(r.date_of_birth)
        .bind(r.relationship.as_str())
        .bind(r.document_reference)
        .bind(r.details)
        .bind(r.status.as_stored())
        .bind(r.reason)
        .bind(r.rule)
        .bind(now)
        .bind(r.client_addr)
        .bind(r.language.code())
        .fetch_one(&mut *tx)
        .await?;
        if let Some(g) = grant {
            let request = (
                request_id,
                r.requester_account_id,
                r.relationship.as_str(),
                r.rule,
            );
            Self::insert_grant_in(&mut tx, g, request, now).await?;
        }
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }

    /// A grant from a request: (request id, grantee account, relationship, rule).
    async fn insert_grant_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        g: &NewGrant,
        (request_id, grantee, relationship, rule): (ProxyRequestId, AccountId, &str, &str),
        now: i64,
    ) -> Result<(), sqlx::Error> {
        sqlx::query(
            "INSERT INTO proxy_grants (patient_id, grantee_account_id, relationship, scope, \
                 by_law, rule, request_id, starts_at, ends_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(g.patient_id)
        .bind(grantee)
        .bind(relationship)
        .bind(g.scope.as_stored())
        .bind(i64::from(g.by_law))
        .bind(rule)
        .bind(request_id)
        .bind(now)
        .bind(g.ends_at)
        .execute(&mut **tx)
        .await?;
        Ok(())
    }

    /// The grants an account holds that are in force at `now`.
    pub async fn grants_held_by(
        &self,
        account_id: AccountId,
        now: i64,
    ) -> Result<Vec<GrantRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {GRANT_COLUMNS} FROM proxy_grants g JOIN patients p ON p.id = g.patient_id \
             WHERE g.grantee_account_id = $1 AND g.ended_at IS NULL AND g.ends_at > $2 \
             ORDER BY g.id"
        ))
        .bind(account_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await
    }

    /// The contacts of everyone holding a grant in force to the patient's
    /// record: their account's email, and their own record's email and
    /// mobile phone (a teen's sign-up may use none of them).
    pub async fn proxy_holder_contacts(
        &self,
        patient_id: PatientId,
        now: i64,
    ) -> Result<Vec<GuardianContact>, sqlx::Error> {
        sqlx::query_as(
            "SELECT hp.first_name || ' ' || hp.last_name AS full_name, g.relationship, \
                    NULLIF(a.email, '') AS email, hp.mobile_phone AS phone \
             FROM proxy_grants g JOIN accounts a ON a.id = g.grantee_account_id \
             JOIN patients hp ON hp.id = a.patient_id \
             WHERE g.patient_id = $1 AND g.ended_at IS NULL AND g.ends_at > $2 \
             UNION ALL \
             SELECT hp.first_name || ' ' || hp.last_name, g.relationship, hp.email, NULL \
             FROM proxy_grants g JOIN accounts a ON a.id = g.grantee_account_id \
             JOIN patients hp ON hp.id = a.patient_id \
             WHERE g.patient_id = $1 AND g.ended_at IS NULL AND g.ends_at > $2",
        )
        .bind(patient_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await
    }

    /// Whether the account already holds a grant in force for the patient.
    pub async fn holds_grant(
        &self,
        account_id: AccountId,
        patient_id: PatientId,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM proxy_grants WHERE grantee_account_id = $1 AND patient_id = $2 \
             AND ended_at IS NULL AND ends_at > $3",
        )
        .bind(account_id)
        .bind(patient_id)
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Ends the grants given, each with its reason and an audit entry, in
    /// one transaction (the upkeep job; checks at use never rely on it).
    /// Returns how many were still open.
    pub async fn end_grants(
        &self,
        ending: &[GrantEnded<'_>],
        now: i64,
    ) -> Result<u64, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let mut ended = 0;
        for e in ending {
            if Self::end_grant_in(&mut tx, e, now).await? {
                let outcome = format!("grant {} ended: {}", e.grant_id, e.reason);
                let event = AuditEvent {
                    actor: "system",
                    patient_id: Some(e.patient_id),
                    action: "proxy.expire",
                    outcome: &outcome,
                    client_addr: None,
                };
                self.audit_in(&mut tx, now, &event).await?;
                ended += 1;
            }
        }
        tx.commit().await?;
        Ok(ended)
    }

    async fn end_grant_in(
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        e: &GrantEnded<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        Ok(sqlx::query(
            "UPDATE proxy_grants SET ended_at = $1, end_reason = $2 \
             WHERE id = $3 AND patient_id = $4 AND ended_at IS NULL",
        )
        .bind(now)
        .bind(e.reason)
        .bind(e.grant_id)
        .bind(e.patient_id)
        .execute(&mut **tx)
        .await?
        .rows_affected()
            == 1)
    }

    /// Every grant not yet ended, with both sides' names and account
    /// emails, oldest first: what the upkeep job ends and warns about.
    pub async fn open_grants(&self) -> Result<Vec<OpenGrant>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {GRANT_COLUMNS}, g.warned_at, NULLIF(ga.email, '') AS holder_email, \
                    COALESCE(ga.language, hp.language) AS holder_language, \
                    hp.first_name AS holder_first_name, hp.last_name AS holder_last_name, \
                    NULLIF(pa.email, '') AS patient_email, \
                    COALESCE(pa.language, p.language) AS patient_language \
             FROM proxy_grants g JOIN accounts ga ON ga.id = g.grantee_account_id \
             JOIN patients hp ON hp.id = ga.patient_id JOIN patients p ON p.id = g.patient_id \
             LEFT JOIN accounts pa ON pa.patient_id = p.id \
             WHERE g.ended_at IS NULL ORDER BY g.id"
        ))
        .fetch_all(&self.pool)
        .await
    }

    /// Records that a grant's people were warned and queues the emails, once:
    /// false when another server did it first.
    pub async fn mark_grant_warned(
        &self,
        grant_id: GrantId,
        emails: &[NewEmail],
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let marked = sqlx::query(
            "UPDATE proxy_grants SET warned_at = $1 WHERE id = $2 AND warned_at IS NULL",
        )
        .bind(now)
        .bind(grant_id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if marked {
            for email in emails {
                Self::enqueue_in(&mut tx, email, now).await?;
            }
        }
        tx.commit().await?;
        Ok(marked)
    }

    /// The grants `account_id` holds to `patient_id`'s record that are not
    /// ended and not past their end date, newest first.
    pub async fn grants_for(
        &self,
        account_id: AccountId,
        patient_id: PatientId,
        now: i64,
    ) -> Result<Vec<GrantRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {GRANT_COLUMNS} FROM proxy_grants g JOIN patients p ON p.id = g.patient_id \
             WHERE g.grantee_account_id = $1 AND g.patient_id = $2 AND g.ended_at IS NULL \
               AND g.ends_at > $3 ORDER BY g.id DESC"
        ))
        .bind(account_id)
        .bind(patient_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await
    }

    /// The grants to a patient's record that are not ended and not past
    /// their end date, with the holders' names (`first_name`, `last_name`
    /// are the holder's here).
    pub async fn grants_to(
        &self,
        patient_id: PatientId,
        now: i64,
    ) -> Result<Vec<GrantRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {GRANT_COLUMNS_WITH_HOLDER} \
             FROM proxy_grants g JOIN accounts a ON a.id = g.grantee_account_id \
             JOIN patients hp ON hp.id = a.patient_id JOIN patients p ON p.id = g.patient_id \
             WHERE g.patient_id = $1 AND g.ended_at IS NULL AND g.ends_at > $2 ORDER BY g.id"
        ))
        .bind(patient_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await
    }

    /// Ends a grant to `patient_id`'s record (access by law only when
    /// `even_by_law`: the help desk, never the patient), with the emails
    /// telling the other side; false when there is no such grant in force.
    pub async fn end_grant(
        &self,
        ending: &GrantEnding<'_>,
        emails: &[NewEmail],
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let ended = sqlx::query(
            "UPDATE proxy_grants SET ended_at = $1, end_reason = $2 \
             WHERE id = $3 AND patient_id = $4 AND (by_law = 0 OR $5 = 1) AND ended_at IS NULL",
        )
        .bind(now)
        .bind(ending.reason)
        .bind(ending.grant_id)
        .bind(ending.patient_id)
        .bind(i64::from(ending.even_by_law))
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if ended {
            for email in emails {
                Self::enqueue_in(&mut tx, email, now).await?;
            }
            self.audit_in(&mut tx, now, event).await?;
        }
        tx.commit().await?;
        Ok(ended)
    }

    /// Requests about `patient_id` in `status`, with the requesters' names.
    pub async fn proxy_requests_about(
        &self,
        patient_id: PatientId,
        status: ProxyStatus,
    ) -> Result<Vec<ProxyRequestRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} FROM proxy_requests r \
             JOIN accounts a ON a.id = r.requester_account_id JOIN patients rp ON rp.id = a.patient_id \
             WHERE r.patient_id = $1 AND r.status = $2 ORDER BY r.id"
        ))
        .bind(patient_id)
        .bind(status.as_stored())
        .fetch_all(&self.pool)
        .await
    }

    /// Moves a request from `from` to `to` (with a grant, email and audit
    /// entry when given), in one transaction; false when it was not in `from`.
    pub async fn move_proxy_request(
        &self,
        reference: &str,
        step: &ProxyStep<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let ProxyStep {
            from,
            to,
            reason,
            grant,
            email,
            event,
        } = step;
        let mut tx = self.pool.begin().await?;
        let row: Option<(ProxyRequestId, AccountId, String, String)> = sqlx::query_as(
            "SELECT id, requester_account_id, relationship, status FROM proxy_requests \
             WHERE reference = $1",
        )
        .bind(reference)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((id, requester, relationship, status)) = row else {
            return Ok(false);
        };
        if !ProxyStatus::from_stored(&status).is_some_and(|s| from.contains(&s)) {
            return Ok(false);
        }
        let moved = sqlx::query(
            "UPDATE proxy_requests SET status = $1, reason = $2, updated_at = $3 \
             WHERE id = $4 AND status = $5",
        )
        .bind(to.as_stored())
        .bind(reason)
        .bind(now)
        .bind(id)
        .bind(&status)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !moved {
            return Ok(false);
        }
        if let Some(g) = grant {
            let request = (id, requester, relationship.as_str(), event.outcome);
            Self::insert_grant_in(&mut tx, g, request, now).await?;
        }
        if let Some(email) = email {
            Self::enqueue_in(&mut tx, email, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await?;
        Ok(true)
    }
}

impl Store {
    /// Requests for the help desk (reviews, and those also waiting for the
    /// adult patient), oldest first.
    /// `requester`'s requests, open or changed since `since`, newest first.
    pub async fn proxy_requests_by(
        &self,
        requester: AccountId,
        since: i64,
    ) -> Result<Vec<OwnProxyRequest>, sqlx::Error> {
        sqlx::query_as(
            "SELECT reference, first_name, last_name, status, reason, updated_at \
             FROM proxy_requests \
             WHERE requester_account_id = $1 AND (status IN ($2, $3) OR updated_at >= $4) \
             ORDER BY updated_at DESC, id DESC LIMIT 20",
        )
        .bind(requester)
        .bind(ProxyStatus::OPEN[0].as_stored())
        .bind(ProxyStatus::OPEN[1].as_stored())
        .bind(since)
        .fetch_all(&self.pool)
        .await
    }

    /// The reference of `requester`'s open request about `patient_id`, if any.
    pub async fn open_proxy_request_of(
        &self,
        requester: AccountId,
        patient_id: PatientId,
    ) -> Result<Option<String>, sqlx::Error> {
        sqlx::query_scalar(
            "SELECT reference FROM proxy_requests \
             WHERE requester_account_id = $1 AND patient_id = $2 AND status IN ($3, $4) \
             ORDER BY id DESC LIMIT 1",
        )
        .bind(requester)
        .bind(patient_id)
        .bind(ProxyStatus::OPEN[0].as_stored())
        .bind(ProxyStatus::OPEN[1].as_stored())
        .fetch_optional(&self.pool)
        .await
    }

    pub async fn proxy_review_queue(&self) -> Result<Vec<ProxyRequestRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} FROM proxy_requests r \
             JOIN accounts a ON a.id = r.requester_account_id JOIN patients rp ON rp.id = a.patient_id \
             WHERE r.status IN ($1, $2) ORDER BY r.created_at, r.id"
        ))
        .bind(ProxyStatus::OPEN[0].as_stored())
        .bind(ProxyStatus::OPEN[1].as_stored())
        .fetch_all(&self.pool)
        .await
    }

    pub async fn proxy_request(
        &self,
        reference: &str,
    ) -> Result<Option<ProxyRequestRow>, sqlx::Error> {
        sqlx::query_as(&format!(
            "SELECT {REQUEST_COLUMNS} FROM proxy_requests r \
             JOIN accounts a ON a.id = r.requester_account_id JOIN patients rp ON rp.id = a.patient_id \
             WHERE r.reference = $1"
        ))
        .bind(reference)
        .fetch_optional(&self.pool)
        .await
    }

    /// Records that a minor is emancipated and ends the grants that
    /// emancipation ends (`ending`, all to this patient), in one transaction.
    /// Clears a mistaken emancipation (grants it ended stay ended: a
    /// parent listed on the record asks again and gets access by law).
    pub async fn undo_emancipation(
        &self,
        patient_id: PatientId,
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<bool, sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        let undone =
            sqlx::query("UPDATE patients SET emancipated = 0 WHERE id = $1 AND emancipated = 1")
                .bind(patient_id)
                .execute(&mut *tx)
                .await?
                .rows_affected()
                == 1;
        if undone {
            self.audit_in(&mut tx, now, event).await?;
        }
        tx.commit().await?;
        Ok(undone)
    }

    pub async fn record_emancipation(
        &self,
        patient_id: PatientId,
        ending: &[GrantEnded<'_>],
        event: &AuditEvent<'_>,
        now: i64,
    ) -> Result<(), sqlx::Error> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE patients SET emancipated = 1 WHERE id = $1")
            .bind(patient_id)
            .execute(&mut *tx)
            .await?;
        for e in ending.iter().filter(|e| e.patient_id == patient_id) {
            Self::end_grant_in(&mut tx, e, now).await?;
        }
        self.audit_in(&mut tx, now, event).await?;
        tx.commit().await
    }
}

/// A request's next step: from which statuses, to which, and what it causes.
pub struct ProxyStep<'a> {
    pub from: &'a [ProxyStatus],
    pub to: ProxyStatus,
    pub reason: &'a str,
    pub grant: Option<&'a NewGrant>,
    pub email: Option<&'a NewEmail>,
    pub event: &'a AuditEvent<'a>,
}

/// A request as its requester sees it (names as they typed them).
#[derive(Clone, Debug, FromRow)]
pub struct OwnProxyRequest {
    pub reference: String,
    pub first_name: String,
    pub last_name: String,
    #[sqlx(try_from = "String")]
    pub status: ProxyStatus,
    pub reason: String,
    pub updated_at: i64,
}

/// A proxy request with its requester's name.
#[derive(Clone, Debug, FromRow)]
pub struct ProxyRequestRow {
    pub reference: String,
    pub patient_id: Option<PatientId>,
    pub first_name: String,
    pub last_name: String,
    pub date_of_birth: String,
    #[sqlx(try_from = "String")]
    pub relationship: Relationship,
    pub document_reference: String,
    pub details: String,
    #[sqlx(try_from = "String")]
    pub status: ProxyStatus,
    pub created_at: i64,
    /// Why the rules decided as they did ("… help desk review (age 16 …)").
    pub rule: String,
    pub requester_name: String,
    /// The requester's confirmed address; None while they have none.
    pub requester_email: Option<String>,
    /// The requester's language: chosen, else the request's.
    pub requester_language: String,
}

const REQUEST_COLUMNS: &str = "r.reference, r.patient_id, r.first_name, r.last_name, \
     r.date_of_birth, r.relationship, r.document_reference, r.details, r.status, r.created_at, r.rule, \
     rp.first_name || ' ' || rp.last_name AS requester_name, NULLIF(a.email, '') AS requester_email, \
     COALESCE(a.language, r.language) AS requester_language";
