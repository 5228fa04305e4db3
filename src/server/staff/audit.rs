//! Reading the audit log in the console: filters, sort, a page with the
//! total, and the chain check from the last verified checkpoint.

use super::require;
use crate::domain::date::Date;
use crate::domain::staff::Permission;
use crate::server::caller::Caller;
use crate::server::store::AuditQuery;
use crate::shared::AppError;
use crate::shared::rules::within_bounds;
use crate::shared::staff::audit::{AuditColumn, AuditEntry, AuditFilter, AuditPage, PAGE_SIZE};

pub async fn read(ctx: &Caller, filter: &AuditFilter) -> Result<AuditPage, AppError> {
    require(ctx, Permission::ReadAuditLog).await?;
    within_bounds(filter)?;
    let day = |text: &str, field: &str| -> Result<Option<i64>, AppError> {
        if text.trim().is_empty() {
            return Ok(None);
        }
        Date::parse_iso(text.trim())
            .map(|d| Some(d.to_days() * 86_400))
            .ok_or_else(|| AppError::invalid(field, "Enter a date like 2026-11-30"))
    };
    let from = day(&filter.from, "from")?;
    let until = day(&filter.to, "to")?.map(|start| start + 86_400);
    if let (Some(from), Some(until)) = (from, until)
        && from >= until
    {
        return Err(AppError::invalid(
            "to",
            "The To date must be the same as or after the From date",
        ));
    }
    let query = AuditQuery {
        mrn: filter.patient.trim(),
        actor: filter.actor.trim(),
        action: filter.action.trim(),
        from,
        until,
        order_by: match filter.sort {
            AuditColumn::Time => "a.at",
            AuditColumn::Actor => "a.actor",
            AuditColumn::Patient => "p.mrn",
            AuditColumn::Action => "a.action",
            AuditColumn::Outcome => "a.outcome",
            AuditColumn::Client => "a.client_addr",
        },
        ascending: filter.ascending,
        limit: i64::from(PAGE_SIZE),
        offset: i64::from(filter.offset),
    };
    let store = &ctx.state.store;
    let page = store.audit_page(&query).await?;
    let report = store
        .verify_audit_since_checkpoint(Some(CHECKS_PER_PAGE))
        .await?;
    let chain = match &report.broken {
        None if report.unchecked > 0 => format!(
            "The audit log's hash chain verifies as far as it has been checked: {} entries. \
             The {} newest are being checked in the background.",
            report.chained, report.unchecked
        ),
        None => format!(
            "The audit log's hash chain verifies: {} entries, each checked as it arrived \
             (`frontdesk verify-audit` checks them all again).",
            report.chained
        ),
        Some(link) => format!(
            "The audit log's hash chain does not verify at entry {}: {}.",
            link.entry, link.reason
        ),
    };
    Ok(AuditPage {
        entries: page
            .rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                time: written_time(r.at),
                actor: r.actor,
                patient: r.mrn.unwrap_or_default(),
                action: r.action,
                outcome: r.outcome,
                client: r.client_addr.unwrap_or_default(),
            })
            .collect(),
        offset: filter.offset,
        total: u64::try_from(page.total).unwrap_or(0),
        chain_verifies: report.broken.is_none(),
        chain,
    })
}

/// At most this many new entries are checked while the page waits (about
/// 0.1 s); every server's background job checks the rest.
const CHECKS_PER_PAGE: i64 = 5_000;

/// "2026-11-30 14:03:09" (UTC).
fn written_time(unix: i64) -> String {
    let seconds = unix.rem_euclid(86_400);
    format!(
        "{} {:02}:{:02}:{:02}",
        Date::from_unix_seconds(unix).iso(),
        seconds / 3600,
        seconds / 60 % 60,
        seconds % 60
    )
}
