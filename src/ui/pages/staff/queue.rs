use super::{LETTER, QUEUE, StaffState, console_page, review_path};
use crate::api::staff::patients::Channel;
use crate::api::staff::queue::{
    Candidate, Field, QueueAction, QueueItem, Reference, SignupReview, act_on_signup,
    review_signup, signup_queue,
};
use crate::api::{AppError, FieldError};
use crate::domain::staff::Permission;
use crate::ui::components::{Page, SubmitButton, TextArea};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// `/staff/queue`: sign-ups the system could not verify, oldest first,
/// against the one-week promise.
#[component]
pub fn QueuePage() -> impl IntoView {
    console_page(Permission::WorkSignupQueue, |_| {
        let list = RwSignal::new(None::<Result<Vec<QueueItem>, AppError>>);
        leptos::task::spawn_local(async move { list.set(Some(signup_queue().await)) });
        view! {
            <Page heading="Unverified sign-ups">
                <super::ConsoleNotice />
                <p class="body">"People whose details did not match one record. Each was promised a code within a week."</p>
                {move || match list.get() {
                    None => ().into_any(),
                    Some(Err(e)) => view! { <p class="body">{e.message(&crate::ui::components::help_desk_phone())}</p> }.into_any(),
                    Some(Ok(items)) if items.is_empty() => view! { <p class="body">"The queue is empty."</p> }.into_any(),
                    Some(Ok(items)) => queue_table(&items).into_any(),
                }}
            </Page>
        }
        .into_any()
    })
}

fn queue_table(items: &[QueueItem]) -> impl IntoView {
    let rows = items
        .iter()
        .map(|q| {
            let waited = match q.waited_days {
                1 => "1 day".to_string(),
                n => format!("{n} days"),
            };
            view! {
                <tr>
                    <td><a href=review_path(&q.reference) class="link">{q.name.clone()}</a><br /><span class="reference">{q.reference.clone()}</span></td>
                    <td>{q.date_of_birth.clone()}</td>
                    <td>{q.received_on.clone()}</td>
                    <td>
                        {waited}" "
                        {if q.overdue {
                            view! { <strong class="tag tag--red">{format!("Overdue: promised by {}", q.promised_by)}</strong> }.into_any()
                        } else {
                            view! { <span>{format!("(promised by {})", q.promised_by)}</span> }.into_any()
                        }}
                    </td>
                    <td>{q.status.clone()}</td>
                    <td>{q.language.clone()}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="table">
                <caption class="visually-hidden">"Unverified sign-ups, oldest first"</caption>
                <thead><tr>
                    <th scope="col">"Person"</th><th scope="col">"Date of birth"</th><th scope="col">"Received"</th>
                    <th scope="col">"Waiting"</th><th scope="col">"Status"</th><th scope="col">"Language"</th>
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

/// `/staff/queue/:reference`: what the person submitted beside the closest
/// records, and the actions.
#[component]
pub fn ReviewPage() -> impl IntoView {
    console_page(Permission::WorkSignupQueue, |_| {
        let reference = use_params_map()
            .with_untracked(|p| p.get("reference"))
            .unwrap_or_default();
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let reason = RwSignal::new(String::new());
        let review = RwSignal::new(None::<Result<SignupReview, AppError>>);
        {
            let reference = reference.clone();
            leptos::task::spawn_local(async move {
                review.set(Some(review_signup(Reference { reference }).await));
            });
        }
        let navigate = use_navigate();
        let act = move |action: QueueAction, done_message: String| {
            let navigate = navigate.clone();
            let request = Reference {
                reference: reference.clone(),
            };
            state.submit(
                errors,
                pending,
                Vec::new(),
                act_on_signup(request, action),
                move |done| {
                    if let Some(letter) = done.letter {
                        state.letter.set(Some(letter));
                        navigate(LETTER, Default::default());
                    } else {
                        state.notice.set(Some(done_message));
                        navigate(QUEUE, Default::default());
                    }
                },
            );
        };
        (move || match review.get() {
            None => ().into_any(),
            Some(Err(e)) => view! {
                <Page heading="Request not found" back=QUEUE>
                    <p class="body">{e.message(&crate::ui::components::help_desk_phone())}</p>
                </Page>
            }
            .into_any(),
            Some(Ok(r)) => {
                let act = act.clone();
                let reject_act = act.clone();
                let reference = r.item.reference.clone();
                let on_reject = move |ev: SubmitEvent| {
                    ev.prevent_default();
                    reject_act(
                        QueueAction::Reject { reason: reason.get_untracked() },
                        format!("Request {reference} was closed, and the person was emailed the reason."),
                    );
                };
                let duplicate = {
                    let act = act.clone();
                    let reference = r.item.reference.clone();
                    move |_| act(QueueAction::Duplicate, format!("Request {reference} was marked a duplicate."))
                };
                view! {
                    <Page heading=format!("Sign-up request {}", r.item.reference) errors=errors back=QUEUE>
                        <p class="body">
                            {format!("Received {}, waiting {} days, written in {}. ", r.item.received_on, r.item.waited_days, r.item.language)}
                            {if r.item.overdue {
                                view! { <strong class="tag tag--red">{format!("Overdue: promised by {}", r.item.promised_by)}</strong> }.into_any()
                            } else {
                                view! { <span>{format!("Promised by {}.", r.item.promised_by)}</span> }.into_any()
                            }}
                        </p>
                        {comparison(r.submitted.clone(), r.candidates.clone())}
                        {r.open.then(|| {
                            let candidates = r.candidates.clone();
                            let item = r.item.clone();
                            view! {
                                <h2 class="heading-m">"Send a code"</h2>
                                <p class="body">"Link the request to the patient it belongs to. The code goes to the record's own email address or home address, never to one typed in the request."</p>
                                {candidates.into_iter().filter(|c| !c.has_account).map(|c| send_buttons(c, item.reference.clone(), act.clone())).collect_view()}
                                <h2 class="heading-m">"Close without a code"</h2>
                                <form novalidate on:submit=on_reject>
                                    <TextArea id="reason" label="Reason" hint="The person reads this in an email: write it in the language the request was made in (above)." value=reason errors=errors />
                                    <SubmitButton label="Reject and email the reason" pending=pending />
                                </form>
                                <button type="button" class="button button--secondary" on:click=duplicate>"Mark as a duplicate"</button>
                            }
                        })}
                        {(!r.open).then(|| view! {
                            <p class="body">{format!("This request is closed: {}", if r.reason.is_empty() { r.item.status.clone() } else { r.reason.clone() })}</p>
                        })}
                    </Page>
                }
                .into_any()
            }
        })
        .into_any()
    })
}

fn send_buttons(
    c: Candidate,
    reference: String,
    act: impl Fn(QueueAction, String) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let (by_email, by_letter) = (act.clone(), act);
    let (id, mrn) = (c.patient_id, c.mrn.clone());
    let emailed = format!(
        "Request {reference} was linked to MRN {mrn}; a code was emailed to the record's address."
    );
    view! {
        <div class="button-row">
            {c.has_email.then(|| view! {
                <button type="button" class="button" on:click=move |_| by_email(QueueAction::SendCode { patient_id: id, channel: Channel::Email }, emailed.clone())>
                    {format!("Link to MRN {mrn} and email a code")}
                </button>
            })}
            <button type="button" class="button button--secondary" on:click=move |_| by_letter(QueueAction::SendCode { patient_id: id, channel: Channel::Letter }, String::new())>
                {format!("Link to MRN {} and print a letter", c.mrn)}
            </button>
        </div>
    }
}

/// The submission and each candidate side by side; differing fields stand
/// out. The sign-up queue's review, and each open records request.
pub(super) fn comparison(submitted: Vec<Field>, candidates: Vec<Candidate>) -> impl IntoView {
    let header = candidates
        .iter()
        .map(|c| {
            let account = if c.has_account {
                " (has an account)"
            } else {
                ""
            };
            let grade = match &c.grade {
                Some(grade) if c.proposed => format!("{grade} match, proposed"),
                Some(grade) => format!("{grade} match"),
                None => "not a match".into(),
            };
            let limits = c.limits.join("; ");
            view! {
                <th scope="col">
                    {format!("MRN {}{account}", c.mrn)}
                    <span class="grade">{grade}</span>
                    {(!limits.is_empty()).then(|| view! { <span class="grade-why">{limits}</span> })}
                </th>
            }
        })
        .collect_view();
    let rows = submitted
        .iter()
        .enumerate()
        .map(|(i, field)| {
            let cells = candidates
                .iter()
                .map(|c| {
                    let f = &c.fields[i.min(c.fields.len().saturating_sub(1))];
                    let note = (!f.note.is_empty()).then(|| format!(" ({})", f.note));
                    view! { <td class:differs=!f.same>{f.value.clone()}<span class="note">{note}</span></td> }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{field.label.clone()}</th>
                    <td>{field.value.clone()}</td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        {candidates.is_empty().then(|| view! { <p class="body">"No record shares this date of birth, last name or email."</p> })}
        <div class="table-wrap">
            <table class="table">
                <caption>"What the person submitted, beside the closest records"</caption>
                <thead><tr><td></td><th scope="col">"Submitted"</th>{header}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
