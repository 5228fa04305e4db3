use super::queue::comparison;
use super::{StaffState, console_page};
use crate::api::staff::queue::{
    Field, RecordsItem, RecordsStatus, Reference, records_queue, set_records_status,
};
use crate::api::{AppError, FieldError};
use crate::domain::staff::Permission;
use crate::ui::components::Page;
use leptos::prelude::*;

/// `/staff/records-requests`: open requests oldest first, then the latest
/// completed; mark them in progress and completed.
#[component]
pub fn RecordsPage() -> impl IntoView {
    console_page(Permission::WorkRecordsRequests, |_| {
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let list = RwSignal::new(None::<Result<Vec<RecordsItem>, AppError>>);
        let reload =
            move || leptos::task::spawn_local(async move { list.set(Some(records_queue().await)) });
        reload();
        let mark = move |reference: String, status: RecordsStatus| {
            state.submit(
                errors,
                pending,
                Vec::new(),
                set_records_status(Reference { reference }, status),
                move |()| reload(),
            );
        };
        view! {
            <Page heading="Medical records requests" errors=errors>
                {move || match list.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="body">{e.message(&crate::ui::components::help_desk_phone())}</p> }.into_any(),
                    Some(Ok(items)) if items.is_empty() => view! { <p class="body">"No records requests."</p> }.into_any(),
                    Some(Ok(items)) => table(items, mark).into_any(),
                }}
            </Page>
        }
        .into_any()
    })
}

fn table(
    items: Vec<RecordsItem>,
    mark: impl Fn(String, RecordsStatus) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let rows = items
        .into_iter()
        .map(|r| {
            let (start, finish) = (mark.clone(), mark.clone());
            let (a, b) = (r.reference.clone(), r.reference.clone());
            let tag = match r.state {
                RecordsStatus::Completed => "tag tag--green",
                RecordsStatus::InProgress => "tag",
                RecordsStatus::Received => "tag tag--grey",
            };
            view! {
                <tr>
                    <td><span class="reference">{r.reference.clone()}</span><br />{format!("Received {}", r.received_on)}</td>
                    <td>
                        {r.name.clone()}<br />{format!("Born {}", r.date_of_birth)}<br />{r.address.join(", ")}<br />{r.phone.clone()}
                        {(r.state != RecordsStatus::Completed).then(|| view! {
                            <details class="details">
                                <summary class="details__summary">"Compare with the closest records"</summary>
                                <div class="details__text">{comparison(submitted(&r), r.candidates.clone())}</div>
                            </details>
                        })}
                    </td>
                    <td>{r.records.clone()}<br />{r.dates.clone()}<br />{format!("Delivery: {}", r.delivery)}<br />{format!("Language: {}", r.language)}</td>
                    <td><strong class=tag>{r.status.clone()}</strong></td>
                    <td>
                        {(r.state == RecordsStatus::Received).then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| start(a.clone(), RecordsStatus::InProgress)>
                                "Mark in progress"<span class="visually-hidden">{format!(" {}", r.reference)}</span>
                            </button>
                        })}
                        {(r.state != RecordsStatus::Completed).then(|| view! {
                            <button type="button" class="button button--secondary" on:click=move |_| finish(b.clone(), RecordsStatus::Completed)>
                                "Mark completed"<span class="visually-hidden">{format!(" {}", r.reference)}</span>
                            </button>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Records requests, open ones oldest first"</caption>
                <thead><tr>
                    <th scope="col">"Request"</th><th scope="col">"Person"</th><th scope="col">"Records"</th>
                    <th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// The request's answers in the rows record matching compares (a records
/// request asks no legal sex or email).
fn submitted(r: &RecordsItem) -> Vec<Field> {
    let field = Field::submitted;
    vec![
        field("Name", r.name.clone()),
        field("Date of birth", r.date_of_birth.clone()),
        field("Legal sex", "Not asked".into()),
        field("Address", r.address.join(", ")),
        field("Mobile phone", r.phone.clone()),
        field("Email", "Not asked".into()),
    ]
}
