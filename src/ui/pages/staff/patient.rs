use super::{HOME, LETTER, StaffState, console_page};
use crate::api::staff::patients::{
    Channel, IssuedCode, PatientStatus, issue_code, look_up_patient, revoke_code, unlock_account,
};
use crate::api::staff::proxies::{end_grant, record_emancipation, undo_emancipation};
use crate::api::{AppError, FieldError};
use crate::domain::ids::GrantId;
use crate::domain::ids::{AccessCodeId, PatientId};
use crate::domain::staff::Permission;
use crate::ui::components::{Page, SummaryRow};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};

/// `/staff/patients/:id`: the patient's portal status and what staff can do.
#[component]
pub fn PatientPage() -> impl IntoView {
    console_page(Permission::FindPatients, |_| {
        let id = use_params_map()
            .with_untracked(|p| p.get("id").and_then(|id| id.parse::<PatientId>().ok()))
            // Not a number: id 0, which no patient has ("not found").
            .unwrap_or(PatientId(0));
        let state = StaffState::get();
        let errors = RwSignal::new(Vec::<FieldError>::new());
        let pending = RwSignal::new(false);
        let status = RwSignal::new(None::<Result<PatientStatus, AppError>>);
        // The code just issued on screen: shown once, gone on reload.
        let shown = RwSignal::new(None::<IssuedCode>);
        let reload = move || {
            leptos::task::spawn_local(async move {
                status.set(Some(look_up_patient(id).await));
            })
        };
        reload();
        let navigate = use_navigate();
        let issue = move |channel: Channel| {
            let navigate = navigate.clone();
            state.submit(
                errors,
                pending,
                Vec::new(),
                issue_code(id, channel),
                move |issued| {
                    if let Some(letter) = issued.letter.clone() {
                        state.letter.set(Some(letter));
                        navigate(LETTER, Default::default());
                        return;
                    }
                    shown.set(Some(issued));
                    reload();
                },
            );
        };
        let revoke = move |code_id: AccessCodeId| {
            state.submit(
                errors,
                pending,
                Vec::new(),
                revoke_code(id, code_id),
                move |()| {
                    state.notice.set(Some("The code was revoked.".into()));
                    shown.set(None);
                    reload();
                },
            );
        };
        // The action waiting for "Yes": emancipation and its undoing.
        let confirming = RwSignal::new(false);
        let emancipate = move || {
            state.submit(
                errors,
                pending,
                Vec::new(),
                record_emancipation(id),
                move |()| {
                    confirming.set(false);
                    state.notice.set(Some(
                        "The emancipation is recorded; parents' and guardians' access has ended."
                            .into(),
                    ));
                    reload();
                },
            );
        };
        let undo = move || {
            state.submit(
                errors,
                pending,
                Vec::new(),
                undo_emancipation(id),
                move |()| {
                    confirming.set(false);
                    state.notice.set(Some(
                        "The emancipation is undone. Access it ended stays ended: a parent listed \
                         on the record asks again."
                            .into(),
                    ));
                    reload();
                },
            );
        };
        // The grant being ended, and why.
        let ending = RwSignal::new(None::<GrantId>);
        let reason = RwSignal::new(String::new());
        let end = move |grant: GrantId| {
            state.submit(
                errors,
                pending,
                Vec::new(),
                end_grant(id, grant, reason.get_untracked()),
                move |()| {
                    ending.set(None);
                    reason.set(String::new());
                    state.notice.set(Some(
                        "The access has ended. We have emailed both the patient and the person who had it."
                            .into(),
                    ));
                    reload();
                },
            );
        };
        let unlock = move || {
            state.submit(errors, pending, Vec::new(), unlock_account(id), move |()| {
                state.notice.set(Some("The account is unlocked.".into()));
                reload();
            });
        };
        (move || match status.get() {
            None => ().into_any(),
            Some(Err(error)) => view! {
                <Page heading="Patient not found" back=HOME>
                    <p class="body">{error.message(&crate::ui::components::help_desk_phone())}</p>
                </Page>
            }
            .into_any(),
            Some(Ok(p)) => {
                let issue = issue.clone();
                view! {
                    <Page heading=p.name.clone() errors=errors back=HOME>
                        <super::ConsoleNotice />
                        {move || shown.get().map(code_once)}
                        {details(&p)}
                        {account(&p, state.may(Permission::UnlockAccounts), unlock)}
                        {codes(&p, state.may(Permission::IssueCodes), issue, revoke)}
                        {requests(&p)}
                        {proxies(&p, state.may(Permission::WorkProxyRequests), ending, reason, end)}
                        {(!p.emancipated && p.age < 21 && state.may(Permission::WorkProxyRequests)).then(|| {
                            let name = p.name.clone();
                            view! {
                                <h2 class="heading-m">"Emancipation"</h2>
                                <p class="body">"If a court has emancipated this minor, record it: their parents' and guardians' access ends."</p>
                                {ask_first(
                                    confirming,
                                    "Record emancipation",
                                    format!("Record that a court has emancipated {name}?"),
                                    " Every parent's and guardian's access to the record ends now.",
                                    "Yes, record emancipation",
                                    emancipate,
                                )}
                            }
                        })}
                        {(p.emancipated && state.may(Permission::UndoEmancipation)).then(|| view! {
                            <h2 class="heading-m">"Emancipation"</h2>
                            {ask_first(
                                confirming,
                                "Undo emancipation recorded by mistake",
                                "Undo this emancipation?".to_string(),
                                " Only if it was recorded by mistake. Access it ended stays ended.",
                                "Yes, undo it",
                                undo,
                            )}
                        })}
                    </Page>
                }
                .into_any()
            }
        })
        .into_any()
    })
}

/// The code as issued, to read out: shown this once.
fn code_once(issued: IssuedCode) -> impl IntoView {
    let body = match (&issued.code, &issued.emailed_to) {
        (Some(code), _) => view! {
            <h2 class="heading-m">"Read this code to the patient"</h2>
            <p class="code-once" id="issued-code">{code.clone()}</p>
            <p class="body">
                {format!("It works once, until {}. It is shown only now: if the patient loses it, issue a new one.", issued.expires_on)}
            </p>
        }
        .into_any(),
        (None, Some(to)) => view! {
            <h2 class="heading-m">"Code emailed"</h2>
            <p class="body">{format!("A new code was emailed to {to}. It works until {}.", issued.expires_on)}</p>
        }
        .into_any(),
        (None, None) => ().into_any(),
    };
    view! { <div class="notice" role="status">{body}</div> }
}

fn details(p: &PatientStatus) -> impl IntoView {
    let address = p.address.join(", ");
    view! {
        <dl class="summary-list">
            <SummaryRow key="MRN" value=p.mrn.clone() />
            <SummaryRow key="Date of birth" value=format!("{} (age {})", p.date_of_birth, p.age) />
            <SummaryRow key="Address on record" value=address />
            <SummaryRow key="Email on record" value=p.email.clone().unwrap_or_else(|| "None".into()) />
            <SummaryRow key="Mobile phone" value=p.phone.clone().unwrap_or_else(|| "None".into()) />
            <SummaryRow key="Preferred language" value=p.language.clone() />
            {p.emancipated.then(|| view! { <SummaryRow key="Emancipated minor" value="Yes" /> })}
        </dl>
    }
}

fn account(
    p: &PatientStatus,
    may_unlock: bool,
    unlock: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let Some(a) = p.account.clone() else {
        return view! {
            <h2 class="heading-m">"Portal account"</h2>
            <p class="body">"No portal account yet."</p>
        }
        .into_any();
    };
    let locked = a.locked.clone();
    view! {
        <h2 class="heading-m">"Portal account"</h2>
        <dl class="summary-list">
            <SummaryRow key="Username" value=a.username.clone() />
            <SummaryRow key="Created" value=a.created_on.clone() />
            <SummaryRow key="Sign-in" value=locked.clone().unwrap_or_else(|| format!("Not locked ({} recent failed tries)", a.failed_signins)) />
        </dl>
        {(locked.is_some() && may_unlock).then(|| view! {
            <button type="button" class="button" on:click=move |_| unlock()>"Unlock the account"</button>
        })}
    }
    .into_any()
}

fn codes(
    p: &PatientStatus,
    may_issue: bool,
    issue: impl Fn(Channel) + Clone + Send + Sync + 'static,
    revoke: impl Fn(AccessCodeId) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let rows = p
        .codes
        .iter()
        .map(|c| {
            let revoke = revoke.clone();
            let id = c.id;
            view! {
                <tr>
                    <td>{c.issued_on.clone()}</td>
                    <td>{c.issued_by.clone()}</td>
                    <td>{c.expires_on.clone()}</td>
                    <td><strong class=if c.active { "tag tag--green" } else { "tag tag--grey" }>{c.status.clone()}</strong></td>
                    <td>{(c.active && may_issue).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| revoke(id)>
                            "Revoke"<span class="visually-hidden">{format!(" the code issued {}", c.issued_on)}</span>
                        </button>
                    })}</td>
                </tr>
            }
        })
        .collect_view();
    let actions = match (&p.no_code_because, may_issue) {
        (Some(reason), _) => view! { <p class="body">{reason.clone()}</p> }.into_any(),
        (None, false) => ().into_any(),
        (None, true) => {
            let (screen, email, letter) = (issue.clone(), issue.clone(), issue);
            let email_label = match &p.email {
                Some(address) => format!("Email a code to {address}"),
                None => String::new(),
            };
            view! {
                <p class="body">"A new code ends the patient's older unused codes."</p>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| screen(Channel::Screen)>"Show a code to read out"</button>
                    {(!email_label.is_empty()).then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| email(Channel::Email)>{email_label}</button>
                    })}
                    <button type="button" class="button button--secondary" on:click=move |_| letter(Channel::Letter)>"Print a letter"</button>
                </div>
            }
            .into_any()
        }
    };
    view! {
        <h2 class="heading-m">"Access codes"</h2>
        {actions}
        {(!p.codes.is_empty()).then(|| view! {
            <div class="table-wrap">
                <table class="table">
                    <caption class="visually-hidden">"Access codes, newest first"</caption>
                    <thead><tr>
                        <th scope="col">"Issued"</th><th scope="col">"By"</th><th scope="col">"Expires"</th>
                        <th scope="col">"Status"</th><th scope="col"><span class="visually-hidden">"Actions"</span></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })}
    }
}

fn requests(p: &PatientStatus) -> impl IntoView {
    (!p.requests.is_empty()).then(|| {
        let items = p
            .requests
            .iter()
            .map(|r| {
                view! {
                    <li>{format!("{}: {}, received {}", r.reference, r.status, r.received_on)}</li>
                }
            })
            .collect_view();
        view! {
            <h2 class="heading-m">"Sign-up requests"</h2>
            <ul class="list list--bullet">{items}</ul>
        }
    })
}

/// The parents and guardians the record lists, and the access in force now,
/// each of which an agent may end (with a reason; both sides are emailed).
fn proxies(
    p: &PatientStatus,
    may_end: bool,
    ending: RwSignal<Option<GrantId>>,
    reason: RwSignal<String>,
    end: impl Fn(GrantId) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let guardians = p
        .guardians
        .iter()
        .map(|g| {
            let contact = [g.email.clone(), g.phone.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            view! { <li><strong>{g.name.clone()}</strong>{format!(" – {}. {}", g.relationship, contact)}</li> }
        })
        .collect_view();
    let grants = p
        .grants
        .iter()
        .map(|g| {
            let id = g.id;
            let holder = g.holder.clone();
            view! {
                <tr>
                    <td>{g.holder.clone()}</td>
                    <td>{g.relationship.clone()}</td>
                    <td>{g.scope.clone()}</td>
                    <td>{format!("{} to {}", g.since, g.until)}</td>
                    <td>{g.basis.clone()}</td>
                    <td>{may_end.then(|| view! {
                        <button type="button" class="button button--secondary" on:click=move |_| ending.set(Some(id))>
                            "End access"<span class="visually-hidden">{format!(" for {holder}")}</span>
                        </button>
                    })}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <h2 class="heading-m">"Parents and guardians on the record"</h2>
        {if p.guardians.is_empty() {
            view! { <p class="body">"None listed."</p> }.into_any()
        } else {
            view! { <ul class="list list--bullet">{guardians}</ul> }.into_any()
        }}
        <h2 class="heading-m">"Proxy access in force"</h2>
        {if p.grants.is_empty() {
            view! { <p class="body">"Nobody has proxy access to this record."</p> }.into_any()
        } else {
            view! {
                <div class="table-wrap">
                    <table class="table">
                        <caption class="visually-hidden">"Proxy access in force"</caption>
                        <thead><tr>
                            <th scope="col">"Who"</th><th scope="col">"Relationship"</th><th scope="col">"Scope"</th>
                            <th scope="col">"Since and until"</th><th scope="col">"Basis"</th>
                            <th scope="col"><span class="visually-hidden">"Actions"</span></th>
                        </tr></thead>
                        <tbody>{grants}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
        {move || ending.get().map(|grant| view! {
            <div class="confirm" id="confirm" tabindex="-1">
                <div class="form-group">
                    <label class="label" for="reason">"Why is this access ending?"</label>
                    <p class="hint">"For the audit log, for example the court order's number. Both sides are emailed that it ended."</p>
                    <textarea class="textarea" id="reason" prop:value=move || reason.get()
                        on:input=move |ev| reason.set(event_target_value(&ev))></textarea>
                </div>
                <div class="button-row">
                    <button type="button" class="button" on:click=move |_| end(grant)>"Yes, end access"</button>
                    <button type="button" class="button button--secondary" on:click=move |_| ending.set(None)>"Cancel"</button>
                </div>
            </div>
        })}
    }
}

/// An action asked first: its button, then the question with Yes and Cancel.
fn ask_first(
    asking: RwSignal<bool>,
    label: &'static str,
    question: String,
    detail: &'static str,
    yes: &'static str,
    on_yes: impl Fn() + Copy + Send + Sync + 'static,
) -> impl IntoView {
    move || {
        if asking.get() {
            view! {
                <div class="confirm" id="confirm" tabindex="-1">
                    <p class="body"><strong>{question.clone()}</strong>{detail}</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| on_yes()>{yes}</button>
                        <button type="button" class="button button--secondary" on:click=move |_| asking.set(false)>"Cancel"</button>
                    </div>
                </div>
            }
            .into_any()
        } else {
            view! {
                <button type="button" class="button button--secondary" on:click=move |_| asking.set(true)>{label}</button>
            }
            .into_any()
        }
    }
}
