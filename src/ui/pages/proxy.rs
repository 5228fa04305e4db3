//! "Ask for access to someone's record" (`/proxy`, signed in): whose record,
//! the relationship, the details that support it, check your answers, then
//! the outcome — access by law at once, a refusal with its reason, or a
//! request the help desk reviews. Answers live in session storage so a
//! reload keeps them.

use crate::api::proxy::{
    ProxyAnswer, ProxyRequestForm, ProxyStep, renew_access, request_proxy_access,
};
use crate::api::signin::home;
use crate::api::{AppError, FieldError};
use crate::domain::date::{Date, parse_date_of_birth};
use crate::domain::relationship::Relationship;
use crate::domain::states::Scope;
use crate::ui::components::{
    DateInput, Link, Page, Radios, SubmitButton, SummaryRow, TextArea, TextField, help_desk_phone,
    redirect, show_error, submit_checked_or,
};
use crate::ui::dom;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "frontdesk.proxy";
const START: &str = "/proxy";
const CHECK: &str = "/proxy/check";
const OUTCOME: &str = "/proxy/outcome";

/// The page of each step.
pub fn step_path(step: ProxyStep) -> &'static str {
    match step {
        ProxyStep::Person => "/proxy/person",
        ProxyStep::Relationship => "/proxy/relationship",
        ProxyStep::Details => "/proxy/details",
    }
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
struct Answers {
    form: ProxyRequestForm,
    /// Every page answered once: "Continue" returns to the check page.
    reached_check: bool,
    answer: Option<ProxyAnswer>,
}

/// The wizard's state, shared by its pages and kept in session storage.
#[derive(Clone, Copy)]
pub struct ProxyWizard {
    answers: RwSignal<Answers>,
    /// Errors the server found, for the page that asks for the field.
    errors: RwSignal<Vec<FieldError>>,
}

impl ProxyWizard {
    pub fn provide() {
        let answers = RwSignal::new(dom::load::<Answers>(STORAGE_KEY).unwrap_or_default());
        Effect::new(move |_| answers.with(|a| dom::save(STORAGE_KEY, a)));
        provide_context(ProxyWizard {
            answers,
            errors: RwSignal::new(Vec::new()),
        });
    }

    fn get() -> Self {
        expect_context()
    }

    fn next_after(&self, step: ProxyStep) -> &'static str {
        let all = ProxyStep::ALL;
        let at = all.iter().position(|s| *s == step).unwrap_or(0);
        match all.get(at + 1) {
            Some(next) if !self.answers.with_untracked(|a| a.reached_check) => step_path(*next),
            _ => CHECK,
        }
    }
}

/// Sends a signed-out visitor to sign in before they type anything.
fn require_signed_in() {
    leptos::task::spawn_local(async {
        if matches!(home().await, Ok(None) | Err(AppError::SignedOut)) {
            dom::sign_in_first(words::proxy_sign_in_first());
        }
    });
}

/// `/proxy`: who can ask, and what happens.
#[component]
pub fn ProxyStartPage() -> impl IntoView {
    require_signed_in();
    let wizard = ProxyWizard::get();
    // A new request starts empty.
    let start = move |_| wizard.answers.set(Answers::default());
    view! {
        <Page heading=words::proxy_start_heading() back="/home">
            <p class="body-l">
                {words::proxy_start_intro()}
            </p>
            <ul class="list list--bullet">
                <li>
                    {words::proxy_start_parents()}
                </li>
                <li>{words::proxy_start_emancipated()}</li>
                <li>
                    {words::proxy_start_others()}
                </li>
            </ul>
            <p class="body">
                {words::proxy_start_need()}
            </p>
            <a href=step_path(ProxyStep::Person) class="button button--start" role="button" on:click=start>
                {words::proxy_start_button()}
            </a>
            <p class="body">
                {words::proxy_start_teens()}<Link href="/teen">{words::proxy_start_teens_link()}</Link>{words::proxy_start_teens_after()}
            </p>
        </Page>
    }
}

/// One page of the wizard (`/proxy/person`, …).
#[component]
pub fn ProxyQuestionPage(step: ProxyStep) -> impl IntoView {
    require_signed_in();
    let wizard = ProxyWizard::get();
    let errors = wizard.errors;
    // Only this page's problems: the server's answer may name several pages.
    errors.update(|e| e.retain(|x| ProxyRequestForm::step_of(&x.field) == step));
    let pending = RwSignal::new(false);
    let f = wizard.answers.with_untracked(|a| a.form.clone());
    let first_name = RwSignal::new(f.first_name);
    let last_name = RwSignal::new(f.last_name);
    let dob = RwSignal::new(f.dob);
    let relationship = RwSignal::new(f.relationship);
    let document_reference = RwSignal::new(f.document_reference);
    let details = RwSignal::new(f.details);
    // Every keystroke is kept, so a reload loses nothing.
    Effect::new(move |_| {
        let form = ProxyRequestForm {
            first_name: first_name.get(),
            last_name: last_name.get(),
            dob: dob.get(),
            relationship: relationship.get(),
            document_reference: document_reference.get(),
            details: details.get(),
        };
        wizard.answers.update(|a| a.form = form);
    });
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let problems = wizard
            .answers
            .with_untracked(|a| a.form.step_problems(step, Date::today()));
        if problems.is_empty() {
            errors.set(Vec::new());
            navigate(wizard.next_after(step), Default::default());
        } else {
            errors.set(problems);
        }
    };
    let back = match step {
        ProxyStep::Person => START,
        ProxyStep::Relationship => step_path(ProxyStep::Person),
        ProxyStep::Details => step_path(ProxyStep::Relationship),
    };
    let (heading, fields) = match step {
        ProxyStep::Person => (
            words::proxy_person_heading(),
            view! {
                <p class="body">{words::proxy_person_intro()}</p>
                <TextField id="first_name" label=words::proxy_first_name() value=first_name errors=errors width="input--width-20" />
                <TextField id="last_name" label=words::proxy_last_name() value=last_name errors=errors width="input--width-20" />
                <DateInput id="dob" legend=words::proxy_dob() hint=words::proxy_dob_hint() value=dob errors=errors birthday=false />
            }
            .into_any(),
        ),
        ProxyStep::Relationship => (
            words::proxy_relationship_heading(),
            view! {
                <Radios id="relationship" legend=words::proxy_relationship_legend() options=Relationship::choices() value=relationship errors=errors />
            }
            .into_any(),
        ),
        ProxyStep::Details => (
            words::proxy_details_heading(),
            view! {
                {move || relationship.with(|r| Relationship::parse(r).is_some_and(Relationship::needs_document)).then(|| view! {
                    <TextField
                        id="document_reference"
                        label=words::proxy_document()
                        hint=words::proxy_document_hint()
                        value=document_reference
                        errors=errors
                        width="input--width-20"
                    />
                })}
                <TextArea
                    id="details"
                    label=words::proxy_details()
                    hint=words::proxy_details_hint()
                    value=details
                    errors=errors
                />
            }
            .into_any(),
        ),
    };
    view! {
        <Page heading=heading errors=errors back=back>
            <form novalidate on:submit=on_submit>
                {fields}
                <SubmitButton label=words::continue_button() pending=pending />
            </form>
        </Page>
    }
}

/// `/proxy/check`: every answer with a Change link, then send.
#[component]
pub fn ProxyCheckPage() -> impl IntoView {
    require_signed_in();
    let wizard = ProxyWizard::get();
    let form = wizard.answers.with_untracked(|a| a.form.clone());
    if let Some(step) = ProxyStep::ALL
        .into_iter()
        .find(|s| !form.step_problems(*s, Date::today()).is_empty())
    {
        return redirect(step_path(step));
    }
    wizard.answers.update(|a| a.reached_check = true);
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = {
        let form = form.clone();
        move |ev: SubmitEvent| {
            ev.prevent_default();
            let (navigate, to_step) = (navigate.clone(), navigate.clone());
            submit_checked_or(
                errors,
                pending,
                Vec::new(),
                request_proxy_access(form.clone()),
                move |answer| {
                    wizard.answers.set(Answers {
                        answer: Some(answer),
                        ..Default::default()
                    });
                    navigate(OUTCOME, Default::default());
                },
                move |error| match error {
                    AppError::SignedOut => dom::sign_in_first(words::proxy_session_ended()),
                    // A field's problem: back to the page that asks for it.
                    AppError::Invalid { errors: found } if !found.is_empty() => {
                        let step = ProxyRequestForm::step_of(&found[0].field);
                        wizard.errors.set(found);
                        to_step(step_path(step), Default::default());
                    }
                    other => show_error(errors, other),
                },
            );
        }
    };
    let born = parse_date_of_birth(&form.dob, Date::today())
        .map_or_else(|_| String::new(), |d| d.to_string());
    let relationship = Relationship::parse(&form.relationship).map_or("", Relationship::label);
    let needs_document =
        Relationship::parse(&form.relationship).is_some_and(Relationship::needs_document);
    let details = step_path(ProxyStep::Details);
    view! {
        <Page heading=words::proxy_check_heading() title=words::proxy_check_title() errors=errors back=details>
            <dl class="summary-list">
                <SummaryRow
                    key=words::proxy_check_name()
                    value=format!("{} {}", form.first_name.trim(), form.last_name.trim())
                    change=Some(step_path(ProxyStep::Person))
                    what=words::proxy_check_name_what()
                />
                <SummaryRow
                    key=words::proxy_check_dob()
                    value=born
                    change=Some(step_path(ProxyStep::Person))
                    what=words::proxy_check_dob_what()
                />
                <SummaryRow
                    key=words::proxy_check_relationship()
                    value=relationship
                    change=Some(step_path(ProxyStep::Relationship))
                    what=words::proxy_check_relationship_what()
                />
                {needs_document.then(|| view! {
                    <SummaryRow
                        key=words::proxy_check_document()
                        value=form.document_reference.trim().to_string()
                        change=Some(details)
                        what=words::proxy_check_document_what()
                    />
                })}
                <SummaryRow
                    key=words::proxy_check_details()
                    value=if form.details.trim().is_empty() { words::proxy_check_details_none().to_string() } else { form.details.trim().to_string() }
                    change=Some(details)
                    what=words::proxy_check_details_what()
                />
            </dl>
            <form novalidate on:submit=on_submit>
                <p class="body">
                    {words::proxy_check_confirm()}
                </p>
                <SubmitButton label=words::proxy_check_send() pending=pending />
            </form>
        </Page>
    }
    .into_any()
}

/// `/proxy/outcome`: what the request led to.
#[component]
pub fn ProxyOutcomePage() -> impl IntoView {
    let wizard = ProxyWizard::get();
    let Some(answer) = wizard.answers.with_untracked(|a| a.answer.clone()) else {
        return redirect(START);
    };
    match answer {
        ProxyAnswer::Granted {
            name,
            scope,
            until,
            because,
        } => view! {
            <Page heading=words::proxy_granted_heading(&name) confirmation=true>
                <p class="body">{because}</p>
                <p class="body">
                    {if scope == Scope::Full {
                        words::proxy_granted_full()
                    } else {
                        words::proxy_granted_limited()
                    }}
                </p>
                <p class="body">{words::proxy_granted_ends(&until)}</p>
                <p class="body"><a href="/home" class="link" rel=crate::ui::layout::rel_for("/home")>{words::proxy_home_link()}</a>{words::proxy_granted_open()}</p>
            </Page>
        }
        .into_any(),
        ProxyAnswer::Refused { reason } => view! {
            <Page heading=words::proxy_refused_heading() back="/home">
                <p class="body">{reason}</p>
                <p class="body">{words::proxy_refused_call(&help_desk_phone())}</p>
            </Page>
        }
        .into_any(),
        ProxyAnswer::Review {
            reference,
            within_days,
        } => view! {
            <Page heading=words::proxy_review_heading() confirmation=true>
                <p class="body-l">{words::proxy_review_reference()}<strong class="reference">{reference}</strong></p>
                <p class="body">
                    {words::proxy_review_within(&within_days.to_string())}
                </p>
                <p class="body"><a href="/home" class="link" rel=crate::ui::layout::rel_for("/home")>{words::proxy_home_link()}</a></p>
            </Page>
        }
        .into_any(),
    }
}

/// `/proxy/renew/:grant`: "Renew access" from the home page. Asks at once
/// (a new request for the same record, answered like any other) and shows
/// the outcome like the wizard's.
#[component]
pub fn ProxyRenewPage() -> impl IntoView {
    let wizard = ProxyWizard::get();
    let failed = RwSignal::new(None::<String>);
    let navigate = use_navigate();
    let grant = use_params_map().with_untracked(|p| p.get("grant").and_then(|g| g.parse().ok()));
    leptos::task::spawn_local(async move {
        let Some(grant) = grant else {
            failed.set(Some(words::proxy_renew_cannot().into()));
            return;
        };
        match renew_access(grant).await {
            Ok(answer) => {
                wizard.answers.set(Answers {
                    answer: Some(answer),
                    ..Default::default()
                });
                let replace = leptos_router::NavigateOptions {
                    replace: true,
                    ..Default::default()
                };
                navigate(OUTCOME, replace);
            }
            Err(AppError::SignedOut) => dom::sign_in_first(words::proxy_renew_sign_in()),
            Err(error) => failed.set(Some(error.message(&help_desk_phone()))),
        }
    });
    move || {
        failed.get().map(|message| {
            view! {
                <Page heading=words::proxy_renew_failed_heading() back="/home">
                    <p class="body">{message}</p>
                </Page>
            }
        })
    }
}
