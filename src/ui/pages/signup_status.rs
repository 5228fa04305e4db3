//! `/signup/status`: where a request stands, by its reference number: a
//! sign-up the help desk checks, or a request for medical records. The
//! answers and the last result (`/signup/status/result`) are kept for the
//! tab, so a reload loses neither and Back returns to the form.

use crate::api::signup_status::{
    RecordsStatus, RequestState, RequestStatus, SignupStatus, StatusLookup, look_up_request,
};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, redirect, submit_checked,
};
use crate::ui::dom;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const FORM: &str = "frontdesk.status";
const RESULT: &str = "frontdesk.status.result";
pub const RESULT_PATH: &str = "/signup/status/result";

#[component]
pub fn StatusPage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let saved: StatusLookup = dom::load(FORM).unwrap_or_default();
    let reference = RwSignal::new(saved.reference);
    let dob = RwSignal::new(saved.dob);
    let lookup = move || StatusLookup {
        reference: reference.get(),
        dob: dob.get(),
    };
    Effect::new(move |_| dom::save(FORM, &lookup()));
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lookup = untrack(lookup);
        let problems = lookup.problems(Date::today());
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            look_up_request(lookup),
            move |status| {
                dom::save(RESULT, &status);
                navigate(RESULT_PATH, Default::default());
            },
        );
    };
    view! {
        <Page heading="Check your request" errors=errors back="/signup/verify">
            <p class="body">
                "Enter the reference number we gave you when you signed up or asked for your medical \
                 records. It is also in the email we sent you."
            </p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="reference"
                    label="Reference number"
                    hint="For example, 7KDM‑2Q9X" // a non-breaking hyphen
                    value=reference
                    errors=errors
                    autocomplete="off"
                    width="input--width-10"
                    verbatim=true
                />
                <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors />
                <SubmitButton label="Check request" pending=pending />
            </form>
        </Page>
    }
}

/// The result of the last look-up.
#[component]
pub fn StatusResultPage() -> impl IntoView {
    let Some(status) = dom::load::<RequestStatus>(RESULT) else {
        return redirect("/signup/status");
    };
    let state = match status.state {
        RequestState::Signup(SignupStatus::Received) => {
            "Received: waiting for the help desk".into()
        }
        RequestState::Signup(SignupStatus::UnderReview) => {
            "The help desk is checking your details".into()
        }
        RequestState::Signup(SignupStatus::CodeSentByEmail) => {
            "We sent you an access code by email".into()
        }
        RequestState::Signup(SignupStatus::CodeSentByMail) => "We mailed you an access code".into(),
        RequestState::Signup(SignupStatus::Closed) if status.reason.is_empty() => {
            "Closed".to_string()
        }
        RequestState::Signup(SignupStatus::Closed) => format!("Closed: {}", status.reason),
        RequestState::Records(RecordsStatus::Received) => {
            "Received: waiting for the medical records team".into()
        }
        RequestState::Records(RecordsStatus::InProgress) => {
            "The medical records team is preparing your records".into()
        }
        RequestState::Records(RecordsStatus::Completed) => "Done: your records were sent".into(),
    };
    let next = match status.state {
        _ if status.overdue => view! {
            <div class="inset-text">
                {format!("This is taking longer than we promised (by {}). ", status.promised_by)}
                "We are sorry. Call the help desk at "<HelpDeskLink />" and give your reference number."
            </div>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::Received | SignupStatus::UnderReview) => view! {
            <p class="body">{format!("We will send you an access code by email or by mail by {}.", status.promised_by)}</p>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::CodeSentByEmail | SignupStatus::CodeSentByMail) => view! {
            <p class="body">
                "When you have it, "<Link href="/signup/code">"sign up with your access code"</Link>"."
            </p>
        }
        .into_any(),
        RequestState::Records(RecordsStatus::Received | RecordsStatus::InProgress) => view! {
            <p class="body">"The team will contact you by phone if they need anything."</p>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::Closed) | RequestState::Records(RecordsStatus::Completed) => view! {
            <p class="body">"If you have questions, call the help desk at "<HelpDeskLink />"."</p>
        }
        .into_any(),
    };
    view! {
        <Page heading="Your request" back="/signup/status">
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Reference number"</dt>
                    <dd class="summary-list__value reference">{status.reference}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Received"</dt>
                    <dd class="summary-list__value">{status.received_on}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Status"</dt>
                    <dd class="summary-list__value">{state}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">"Last updated"</dt>
                    <dd class="summary-list__value">{status.updated_on}</dd>
                </div>
            </dl>
            {next}
            <p class="body">
                <a
                    href="/signup/status"
                    class="link"
                    on:click=|_| dom::save(FORM, &StatusLookup::default())
                >
                    "Check another request"
                </a>
            </p>
        </Page>
    }
    .into_any()
}
