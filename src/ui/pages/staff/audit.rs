use super::{StaffState, console_page};
use crate::api::FieldError;
use crate::api::staff::audit::{
    AuditColumn, AuditEntry, AuditFilter, AuditPage as Found, PAGE_SIZE, read_audit_log,
};
use crate::domain::staff::Permission;
use crate::ui::components::{Page, SubmitButton, TextField};
use crate::ui::dom;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

/// `/staff/audit`: the audit log, filtered and sorted, a page at a time,
/// whether its chain verifies, and the page shown as CSV.
#[component]
pub fn AuditPage() -> impl IntoView {
    console_page(Permission::ReadAuditLog, |_| {
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let patient = RwSignal::new(String::new());
        let actor = RwSignal::new(String::new());
        let action = RwSignal::new(String::new());
        let from = RwSignal::new(String::new());
        let to = RwSignal::new(String::new());
        let sort = RwSignal::new((AuditColumn::Time, false));
        let offset = RwSignal::new(0u32);
        let found = RwSignal::new(None::<Found>);
        // `focus_range`: after turning a page, focus goes to the line saying
        // which entries are shown, as the button pressed may be gone.
        let load = move |focus_range: bool| {
            let (column, ascending) = sort.get_untracked();
            let filter = AuditFilter {
                patient: patient.get_untracked(),
                actor: actor.get_untracked(),
                action: action.get_untracked(),
                from: from.get_untracked(),
                to: to.get_untracked(),
                sort: column,
                ascending,
                offset: offset.get_untracked(),
            };
            state.submit(
                errors,
                pending,
                Vec::new(),
                read_audit_log(filter),
                move |page| {
                    found.set(Some(page));
                    if focus_range {
                        dom::focus_id("audit-range");
                    }
                },
            );
        };
        load(false);
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            offset.set(0);
            load(false);
        };
        // Another page keeps the filters and the order.
        let turn = move |to: u32| {
            offset.set(to);
            load(true);
        };
        let sort_by = move |column: AuditColumn| {
            sort.update(|(current, ascending)| {
                if *current == column {
                    *ascending = !*ascending;
                } else {
                    *current = column;
                    *ascending = column != AuditColumn::Time;
                }
            });
            offset.set(0);
            load(false);
        };
        view! {
            <Page heading="Audit log" errors=errors>
                <form novalidate on:submit=on_submit>
                    <div class="filters">
                        <TextField id="patient" label="Patient MRN" value=patient errors=errors width="input--width-10" verbatim=true />
                        <TextField id="actor" label="Actor" value=actor errors=errors width="input--width-20" verbatim=true />
                        <TextField id="action" label="Action" hint="For example, code or signin" value=action errors=errors width="input--width-20" verbatim=true />
                        <TextField id="from" label="From" value=from errors=errors input_type="date" />
                        <TextField id="to" label="To" value=to errors=errors input_type="date" />
                    </div>
                    <SubmitButton label="Show entries" pending=pending />
                </form>
                {move || found.get().map(|page| results(page, sort.get(), sort_by, turn))}
            </Page>
        }
        .into_any()
    })
}

fn results(
    page: Found,
    (column, ascending): (AuditColumn, bool),
    sort_by: impl Fn(AuditColumn) + Copy + Send + Sync + 'static,
    turn: impl Fn(u32) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let headers = AuditColumn::ALL
        .into_iter()
        .map(|c| {
            let state = match (c == column, ascending) {
                (false, _) => "none",
                (true, true) => "ascending",
                (true, false) => "descending",
            };
            view! {
                <th scope="col" aria-sort=state>
                    <button type="button" class="sort" on:click=move |_| sort_by(c)>{c.title()}</button>
                </th>
            }
        })
        .collect_view();
    let csv = to_csv(&page.entries);
    let href = format!(
        "data:text/csv;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(&csv))
    );
    let (first, last) = (
        u64::from(page.offset) + 1,
        u64::from(page.offset) + page.entries.len() as u64,
    );
    let shown = if page.entries.is_empty() {
        "No entries match.".to_string()
    } else {
        format!(
            "Entries {}–{} of {}.",
            grouped(first),
            grouped(last),
            grouped(page.total)
        )
    };
    let previous = (page.offset > 0).then(|| {
        let to = page.offset.saturating_sub(PAGE_SIZE);
        view! {
            <button type="button" class="button button--secondary" on:click=move |_| turn(to)>
                {format!("Previous {PAGE_SIZE} entries")}
            </button>
        }
    });
    let next = (last < page.total).then(|| {
        let to = page.offset.saturating_add(PAGE_SIZE);
        view! {
            <button type="button" class="button button--secondary" on:click=move |_| turn(to)>
                {format!("Next {PAGE_SIZE} entries")}
            </button>
        }
    });
    let download = (!page.entries.is_empty()).then(|| {
        view! {
            " "
            <a href=href download="audit-log.csv" class="link">
                {format!("Download entries {}–{} as CSV", grouped(first), grouped(last))}
            </a>
        }
    });
    let rows = page
        .entries
        .into_iter()
        .map(|e| {
            view! {
                <tr>
                    <td>{e.time}</td><td>{e.actor}</td><td>{e.patient}</td>
                    <td>{e.action}</td><td>{e.outcome}</td><td>{e.client}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <p class=if page.chain_verifies { "chain" } else { "chain chain--broken" } role="status" id="chain-status">
            {page.chain}
        </p>
        <p class="body" id="audit-range" tabindex="-1" aria-live="polite">{shown}{download}</p>
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Audit log entries"</caption>
                <thead><tr>{headers}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <nav class="button-row" aria-label="Audit log pages">{previous}{next}</nav>
    }
}

/// 1234567 as "1,234,567".
fn grouped(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// RFC 4180: every field quoted, quotes doubled; a leading = + - @ is
/// prefixed with ' so a spreadsheet never runs it as a formula.
fn to_csv(entries: &[AuditEntry]) -> String {
    let field = |text: &str| {
        let safe = if text.starts_with(['=', '+', '-', '@']) {
            format!("'{text}")
        } else {
            text.to_string()
        };
        format!("\"{}\"", safe.replace('"', "\"\""))
    };
    let mut out = AuditColumn::ALL
        .iter()
        .map(|c| field(c.title()))
        .collect::<Vec<_>>()
        .join(",");
    out.push_str("\r\n");
    for e in entries {
        let cells = [
            &e.time, &e.actor, &e.patient, &e.action, &e.outcome, &e.client,
        ];
        out.push_str(&cells.map(|c| field(c)).join(","));
        out.push_str("\r\n");
    }
    out
}
