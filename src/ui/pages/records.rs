//! `/records`: the person's own record, who can see it (ending what they
//! gave), requests waiting for their answer (each action confirmed first,
//! then said), and their own requests for someone's record. `/records/:id`: a record
//! proxy access opens, showing only what the grant covers.

use crate::api::proxy::{
    AccessHolder, ApprovalAsked, MyRequest, RecordSummary, answer_request, end_access, my_requests,
    open_record, requests_for_me,
};
use crate::api::{AppError, FieldError};
use crate::domain::ids::{GrantId, PatientId};
use crate::domain::states::Scope;
use crate::ui::components::{Page, SummaryRow, help_desk_phone, show_error, submit_checked};
use crate::ui::dom;
use crate::words;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Loads the record; signed out goes to sign in.
fn load(patient_id: Option<PatientId>, into: RwSignal<Option<Result<RecordSummary, AppError>>>) {
    leptos::task::spawn_local(async move {
        match open_record(patient_id).await {
            Err(AppError::SignedOut) => dom::sign_in_first(words::records_sign_in()),
            answer => into.set(Some(answer)),
        }
    });
}

#[component]
pub fn OwnRecordPage() -> impl IntoView {
    let record = RwSignal::new(None::<Result<RecordSummary, AppError>>);
    let asked = RwSignal::new(Vec::<ApprovalAsked>::new());
    let mine = RwSignal::new(Vec::<MyRequest>::new());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let pending = RwSignal::new(false);
    // The action waiting for "Yes", and what the last one did.
    let confirm = RwSignal::new(None::<Confirm>);
    let done = RwSignal::new(None::<String>);
    let reload = move || {
        load(None, record);
        leptos::task::spawn_local(async move {
            match requests_for_me().await {
                Ok(list) => asked.set(list),
                Err(error) => show_error(errors, error),
            }
            if let Ok(list) = my_requests().await {
                mine.set(list);
            }
        });
    };
    reload();
    let act = move |action: Confirm| {
        let said = action.done.clone();
        let after = move |()| {
            confirm.set(None);
            done.set(Some(said));
            dom::focus_id("main-content");
            reload();
        };
        match action.act {
            Act::End(grant_id) => {
                submit_checked(errors, pending, Vec::new(), end_access(grant_id), after)
            }
            Act::Answer(reference, approve) => submit_checked(
                errors,
                pending,
                Vec::new(),
                answer_request(reference, approve),
                after,
            ),
        }
    };
    let end = move |grant_id: GrantId, name: String| {
        confirm.set(Some(Confirm {
            question: words::records_end_question(&name),
            yes: words::records_end_yes(),
            done: words::records_end_done(&name),
            act: Act::End(grant_id),
        }));
        dom::focus_id("confirm");
    };
    let answer = move |reference: String, approve: bool, name: String| {
        confirm.set(Some(if approve {
            Confirm {
                question: words::records_approve_question(&name),
                yes: words::records_approve_yes(),
                done: words::records_approve_done(&name),
                act: Act::Answer(reference, true),
            }
        } else {
            Confirm {
                question: words::records_refuse_question(&name),
                yes: words::records_refuse_yes(),
                done: words::records_refuse_done(&name),
                act: Act::Answer(reference, false),
            }
        }));
        dom::focus_id("confirm");
    };
    move || {
        match record.get() {
        None => ().into_any(),
        Some(Err(e)) => failed(e),
        Some(Ok(r)) => view! {
            <Page heading=words::records_own_heading() errors=errors back="/home">
                {move || done.get().map(|said| view! {
                    <div class="notice" role="status"><p class="body">{said}</p></div>
                })}
                {move || confirm.get().map(|c| view! {
                    <div class="notice" id="confirm" tabindex="-1" role="group" aria-labelledby="confirm-question">
                        <p class="body" id="confirm-question"><strong>{c.question.clone()}</strong></p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| act(c.clone())>{c.yes}</button>
                            <button type="button" class="button button--secondary" on:click=move |_| confirm.set(None)>
                                {words::records_cancel()}
                            </button>
                        </div>
                    </div>
                })}
                {details(&r)}
                {move || waiting(asked.get(), answer)}
                <h2 class="heading-m">{words::records_who_can_see()}</h2>
                {holders(r.access.clone().unwrap_or_default(), Some(end))}
                {move || mine_list(mine.get())}
            </Page>
        }
        .into_any(),
    }
    }
}

#[component]
pub fn OpenedRecordPage() -> impl IntoView {
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse::<PatientId>().ok()));
    let record = RwSignal::new(None::<Result<RecordSummary, AppError>>);
    // An address that is not a number asks for id 0, which no record has.
    load(Some(id.unwrap_or(PatientId(0))), record);
    move || match record.get() {
        None => ().into_any(),
        Some(Err(e)) => failed(e),
        Some(Ok(r)) => view! {
            <Page heading=words::records_other_heading(&r.name) back="/home">
                <div class="notice" role="status">
                    <p class="body">{words::records_other_notice(&r.name, &r.opened_as)}</p>
                </div>
                {details(&r)}
                {r.access.clone().map(|list| view! {
                    <h2 class="heading-m">{words::records_who_can_see_this()}</h2>
                    {holders(list, None::<fn(GrantId, String)>)}
                })}
            </Page>
        }
        .into_any(),
    }
}

fn failed(error: AppError) -> AnyView {
    let message = if error == AppError::Forbidden {
        words::records_forbidden().to_string()
    } else {
        error.message(&help_desk_phone())
    };
    view! {
        <Page heading=words::records_cannot_open() back="/home">
            <p class="body">{message}</p>
        </Page>
    }
    .into_any()
}

fn details(r: &RecordSummary) -> impl IntoView {
    let contact = r.contact.clone();
    view! {
        <dl class="summary-list">
            <SummaryRow key=words::records_name() value=r.name.clone() />
            <SummaryRow key=words::records_dob() value=r.date_of_birth.clone() />
            <SummaryRow key=words::records_mrn() value=r.mrn.clone() />
            {contact.map(|c| view! {
                <SummaryRow key=words::records_address() value=c.address.join(", ") />
                <SummaryRow key=words::records_mobile() value=c.phone.unwrap_or_else(|| words::records_none().into()) />
                <SummaryRow key=words::records_email() value=c.email.unwrap_or_else(|| words::records_none().into()) />
            })}
        </dl>
    }
}

/// What a confirmed action does.
#[derive(Clone)]
enum Act {
    End(GrantId),
    Answer(String, bool),
}

/// An action asking "Are you sure?" first, and what to say once done.
#[derive(Clone)]
struct Confirm {
    question: String,
    yes: &'static str,
    done: String,
    act: Act,
}

/// The person's own requests for access to someone's record.
fn mine_list(list: Vec<MyRequest>) -> impl IntoView {
    (!list.is_empty()).then(|| {
        view! {
            <h2 class="heading-m">{words::records_my_requests()}</h2>
            <ul class="list list--bullet">
                {list
                    .into_iter()
                    .map(|r| view! {
                        <li>
                            <strong>{r.name}</strong>
                            {words::records_my_request(&r.status, &r.updated_on)}
                            <span class="reference">{r.reference}</span>
                        </li>
                    })
                    .collect_view()}
            </ul>
        }
    })
}

fn holders(
    list: Vec<AccessHolder>,
    end: Option<impl Fn(GrantId, String) + Copy + Send + Sync + 'static>,
) -> AnyView {
    if list.is_empty() {
        return view! { <p class="body">{words::records_nobody()}</p> }.into_any();
    }
    let rows = list
        .into_iter()
        .map(|h| {
            let id = h.grant_id;
            let name = h.name.clone();
            let action = match end {
                Some(end) if h.can_end => view! {
                    <button type="button" class="button button--secondary" on:click=move |_| end(id, name.clone())>
                        {words::records_end_access()}<span class="visually-hidden">{words::records_end_for(&h.name)}</span>
                    </button>
                }
                .into_any(),
                Some(_) => view! { <span>{words::records_by_law()}</span> }.into_any(),
                None => ().into_any(),
            };
            view! {
                <li>
                    <strong>{h.name.clone()}</strong>
                    {if h.scope == Scope::Full {
                        words::records_holder_full(&h.relationship, &h.since, &h.until)
                    } else {
                        words::records_holder_limited(&h.relationship, &h.since, &h.until)
                    }}
                    {action}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="list list--bullet">{rows}</ul> }.into_any()
}

fn waiting(
    asked: Vec<ApprovalAsked>,
    answer: impl Fn(String, bool, String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    (!asked.is_empty()).then(|| {
        let items = asked
            .into_iter()
            .map(|a| {
                let (yes, no) = (a.reference.clone(), a.reference.clone());
                let (who_yes, who_no) = (a.requester.clone(), a.requester.clone());
                view! {
                    <li>
                        <p class="body">{words::records_asked(&a.requester, &a.asked_on, &a.relationship.to_lowercase())}</p>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| answer(yes.clone(), true, who_yes.clone())>
                                {words::records_approve()}<span class="visually-hidden">{format!(" {}", a.requester)}</span>
                            </button>
                            <button type="button" class="button button--secondary" on:click=move |_| answer(no.clone(), false, who_no.clone())>
                                {words::records_refuse()}<span class="visually-hidden">{format!(" {}", a.requester)}</span>
                            </button>
                        </div>
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">{words::records_asked_heading()}</h2>
            <p class="body">{words::records_asked_reviewed()}</p>
            <ul class="list">{items}</ul>
        }
    })
}
