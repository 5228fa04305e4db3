use super::{PROXIES, StaffState, console_page};
use crate::api::staff::proxies::{ProxyDecision, ProxyQueueItem, decide_proxy, proxy_queue};
use crate::api::staff::queue::Reference;
use crate::api::{AppError, FieldError};
use crate::domain::staff::Permission;
use crate::domain::states::Scope;
use crate::ui::components::{Page, Select, SubmitButton, SummaryRow, TextArea, TextField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

const SCOPES: &[(&str, &str)] = &[
    (
        Scope::Limited.as_stored(),
        "Limited: name, date of birth and MRN",
    ),
    (
        Scope::Full.as_stored(),
        "Full: also contact details and who has access",
    ),
];

fn request_path(reference: &str) -> String {
    format!("/staff/proxies/{reference}")
}

/// `/staff/proxies`: proxy requests the rules left for a person to decide,
/// oldest first.
#[component]
pub fn ProxiesPage() -> impl IntoView {
    console_page(Permission::WorkProxyRequests, |_| {
        let list = RwSignal::new(None::<Result<Vec<ProxyQueueItem>, AppError>>);
        leptos::task::spawn_local(async move { list.set(Some(proxy_queue().await)) });
        view! {
            <Page heading="Proxy access requests">
                <super::ConsoleNotice />
                <p class="body">
                    "Requests the rules could not grant by law: parents or guardians not listed on the \
                     record, and adult relationships. An adult patient with an account approves first."
                </p>
                {move || match list.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="body">{e.message(&crate::ui::components::help_desk_phone())}</p> }.into_any(),
                    Some(Ok(items)) if items.is_empty() => view! { <p class="body">"No proxy requests are waiting."</p> }.into_any(),
                    Some(Ok(items)) => table(&items).into_any(),
                }}
            </Page>
        }
        .into_any()
    })
}

fn table(items: &[ProxyQueueItem]) -> impl IntoView {
    let rows = items
        .iter()
        .map(|r| {
            view! {
                <tr>
                    <td><a href=request_path(&r.reference) class="link">{format!("{} for {}", r.requester, r.for_name)}</a></td>
                    <td>{r.relationship.clone()}</td>
                    <td>{r.received_on.clone()}</td>
                    <td>{if r.waiting_for_patient { "Waiting for the patient" } else { "Ready to decide" }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Proxy requests, oldest first"</caption>
                <thead><tr>
                    <th scope="col">"Request"</th><th scope="col">"Relationship"</th>
                    <th scope="col">"Received"</th><th scope="col">"Status"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// `/staff/proxies/:reference`: one request, approved with a scope and an
/// end date, or denied with a reason the requester reads.
#[component]
pub fn ProxyRequestPage() -> impl IntoView {
    console_page(Permission::WorkProxyRequests, |_| {
        let reference = use_params_map()
            .with_untracked(|p| p.get("reference"))
            .unwrap_or_default();
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let found = RwSignal::new(None::<Option<ProxyQueueItem>>);
        {
            let reference = reference.clone();
            leptos::task::spawn_local(async move {
                let item = proxy_queue()
                    .await
                    .ok()
                    .and_then(|items| items.into_iter().find(|i| i.reference == reference));
                found.set(Some(item));
            });
        }
        let scope = RwSignal::new(Scope::Limited.as_stored().to_string());
        let until = RwSignal::new(String::new());
        let reason = RwSignal::new(String::new());
        let navigate = use_navigate();
        let decide = move |decision: ProxyDecision, done: String| {
            let navigate = navigate.clone();
            let request = Reference {
                reference: reference.clone(),
            };
            state.submit(
                errors,
                pending,
                Vec::new(),
                decide_proxy(request, decision),
                move |()| {
                    state.notice.set(Some(done));
                    navigate(PROXIES, Default::default());
                },
            );
        };
        (move || match found.get() {
            None => ().into_any(),
            Some(None) => view! {
                <Page heading="Request not waiting" back=PROXIES>
                    <p class="body">"This proxy request was decided already, or the reference is wrong."</p>
                </Page>
            }
            .into_any(),
            Some(Some(item)) => {
                // The policy's renewal date, which the agent may shorten.
                if until.with_untracked(String::is_empty) {
                    until.set(item.renewal_until.clone());
                }
                let (approve, deny) = (decide.clone(), decide.clone());
                let (approve_ref, deny_ref) = (item.reference.clone(), item.reference.clone());
                let on_approve = move |ev: SubmitEvent| {
                    ev.prevent_default();
                    approve(
                        ProxyDecision::Approve { scope: Scope::from_stored(&scope.get_untracked()).unwrap_or(Scope::Limited), until: until.get_untracked() },
                        format!("Request {approve_ref} was approved; the requester was emailed."),
                    );
                };
                let on_deny = move |ev: SubmitEvent| {
                    ev.prevent_default();
                    deny(
                        ProxyDecision::Deny { reason: reason.get_untracked() },
                        format!("Request {deny_ref} was denied; the requester was emailed the reason."),
                    );
                };
                view! {
                    <Page heading=format!("{} for {}", item.requester, item.for_name) errors=errors back=PROXIES>
                        <dl class="summary-list">
                            <SummaryRow key="Reference" value=item.reference.clone() />
                            <SummaryRow key="Relationship" value=item.relationship.clone() />
                            <SummaryRow key="Date of birth given" value=item.for_date_of_birth.clone() />
                            <SummaryRow
                                key="Record"
                                value=match (&item.matched_mrn, item.matched_age) {
                                    (Some(mrn), Some(age)) => format!("MRN {mrn}, age {age}"),
                                    (Some(mrn), None) => format!("MRN {mrn}"),
                                    _ => "No single record matched".to_string(),
                                }
                            />
                            <SummaryRow key="Why it needs review" value=item.why_review.clone() />
                            <SummaryRow key="Document" value=if item.document_reference.is_empty() { "None given".to_string() } else { item.document_reference.clone() } />
                            <SummaryRow key="Details" value=if item.details.is_empty() { "None".to_string() } else { item.details.clone() } />
                            <SummaryRow key="Received" value=item.received_on.clone() />
                        </dl>
                        {if item.waiting_for_patient {
                            view! { <p class="body"><strong class="tag">"Waiting for the patient's own approval"</strong></p> }.into_any()
                        } else {
                            view! {
                                <h2 class="heading-m">"Approve"</h2>
                                <form novalidate on:submit=on_approve>
                                    <Select id="scope" label="Access" options=SCOPES placeholder="Choose" value=scope errors=errors />
                                    <TextField
                                        id="until"
                                        label="Until"
                                        hint="Suggested: the latest allowed, the end of the renewal period for the patient's state or, for a parent or guardian of a minor, the day before they come of age."
                                        value=until
                                        errors=errors
                                        input_type="date"
                                    />
                                    <SubmitButton label="Approve" pending=pending />
                                </form>
                            }
                            .into_any()
                        }}
                        <h2 class="heading-m">"Deny"</h2>
                        <form novalidate on:submit=on_deny>
                            <TextArea id="reason" label="Reason" hint="The requester reads this in an email." value=reason errors=errors />
                            <SubmitButton label="Deny" pending=pending />
                        </form>
                    </Page>
                }
                .into_any()
            }
        })
        .into_any()
    })
}
