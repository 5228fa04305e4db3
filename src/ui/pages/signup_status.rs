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
use crate::words;
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
        <Page heading=words::status_heading() errors=errors back="/signup/verify">
            <p class="body">
                {words::status_intro()}
            </p>
            <form novalidate on:submit=on_submit>
                <TextField
                    id="reference"
                    label=words::status_reference()
                    hint=words::status_reference_hint()
                    value=reference
                    errors=errors
                    autocomplete="off"
                    width="input--width-10"
                    verbatim=true
                />
                <DateInput id="dob" legend=words::status_dob() hint=words::verify_dob_hint() value=dob errors=errors />
                <SubmitButton label=words::status_submit() pending=pending />
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
        RequestState::Signup(SignupStatus::Received) => words::status_signup_received().into(),
        RequestState::Signup(SignupStatus::UnderReview) => {
            words::status_signup_under_review().into()
        }
        RequestState::Signup(SignupStatus::CodeSentByEmail) => {
            words::status_signup_code_emailed().into()
        }
        RequestState::Signup(SignupStatus::CodeSentByMail) => {
            words::status_signup_code_mailed().into()
        }
        RequestState::Signup(SignupStatus::Closed) if status.reason.is_empty() => {
            words::status_closed().to_string()
        }
        RequestState::Signup(SignupStatus::Closed) => words::status_closed_because(&status.reason),
        RequestState::Records(RecordsStatus::Received) => words::status_records_received().into(),
        RequestState::Records(RecordsStatus::InProgress) => {
            words::status_records_in_progress().into()
        }
        RequestState::Records(RecordsStatus::Completed) => words::status_records_done().into(),
    };
    let next = match status.state {
        _ if status.overdue => view! {
            <div class="inset-text">
                {words::status_overdue(&status.promised_by)}
                {words::status_overdue_call()}<HelpDeskLink />{words::status_overdue_call_after()}
            </div>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::Received | SignupStatus::UnderReview) => view! {
            <p class="body">{words::status_code_promised(&status.promised_by)}</p>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::CodeSentByEmail | SignupStatus::CodeSentByMail) => view! {
            <p class="body">
                {words::status_when_you_have_it()}<Link href="/signup/code">{words::status_sign_up_with_code()}</Link>
                {words::status_sign_up_after()}
            </p>
        }
        .into_any(),
        RequestState::Records(RecordsStatus::Received | RecordsStatus::InProgress) => view! {
            <p class="body">{words::status_records_contact()}</p>
        }
        .into_any(),
        RequestState::Signup(SignupStatus::Closed) | RequestState::Records(RecordsStatus::Completed) => view! {
            <p class="body">{words::status_questions_call()}<HelpDeskLink />{words::status_questions_call_after()}</p>
        }
        .into_any(),
    };
    view! {
        <Page heading=words::status_result_heading() back="/signup/status">
            <dl class="summary-list">
                <div class="summary-list__row">
                    <dt class="summary-list__key">{words::status_reference()}</dt>
                    <dd class="summary-list__value reference">{status.reference}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{words::status_received()}</dt>
                    <dd class="summary-list__value">{status.received_on}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{words::status_status()}</dt>
                    <dd class="summary-list__value">{state}</dd>
                </div>
                <div class="summary-list__row">
                    <dt class="summary-list__key">{words::status_last_updated()}</dt>
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
                    {words::status_check_another()}
                </a>
            </p>
        </Page>
    }
    .into_any()
}
