//! `/signup/status`: where a request that could not be verified stands.

use crate::api::signup_status::{RequestStatus, SignupStatus, StatusLookup, look_up_request};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, submit_checked,
};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

#[component]
pub fn StatusPage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let reference = RwSignal::new(String::new());
    let dob = RwSignal::new(Default::default());
    let found = RwSignal::new(None::<RequestStatus>);
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let lookup = StatusLookup {
            reference: reference.get_untracked(),
            dob: dob.get_untracked(),
        };
        let problems = lookup.problems(Date::today());
        submit_checked(
            errors,
            pending,
            problems,
            look_up_request(lookup),
            move |status| {
                found.set(Some(status));
            },
        );
    };
    move || {
        match found.get() {
        Some(status) => view! { <StatusResult status=status found=found /> }.into_any(),
        None => view! {
            <Page heading="Check your request" errors=errors back="/signup/verify">
                <p class="body">
                    "If we could not verify your details when you signed up, we gave you a reference number \
                     and emailed it to you."
                </p>
                <form novalidate on:submit=on_submit>
                    <TextField
                        id="reference"
                        label="Reference number"
                        hint="For example, 7KDM-2Q9X"
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
        .into_any(),
    }
    }
}

#[component]
fn StatusResult(status: RequestStatus, found: RwSignal<Option<RequestStatus>>) -> impl IntoView {
    let state = match status.state {
        SignupStatus::Received => "Received: waiting for the help desk".to_string(),
        SignupStatus::UnderReview => "The help desk is checking your details".to_string(),
        SignupStatus::CodeSentByEmail => "We sent you an access code by email".to_string(),
        SignupStatus::CodeSentByMail => "We mailed you an access code".to_string(),
        SignupStatus::Closed if status.reason.is_empty() => "Closed".to_string(),
        SignupStatus::Closed => format!("Closed: {}", status.reason),
    };
    let next = match status.state {
        _ if status.overdue => view! {
            <div class="inset-text">
                {format!("This is taking longer than we promised (by {}). ", status.promised_by)}
                "We are sorry. Call the help desk at "<HelpDeskLink />" and give your reference number."
            </div>
        }
        .into_any(),
        SignupStatus::Received | SignupStatus::UnderReview => view! {
            <p class="body">{format!("We will send you an access code by email or by mail by {}.", status.promised_by)}</p>
        }
        .into_any(),
        SignupStatus::CodeSentByEmail | SignupStatus::CodeSentByMail => view! {
            <p class="body">
                "When you have it, "<Link href="/signup/code">"sign up with your access code"</Link>"."
            </p>
        }
        .into_any(),
        SignupStatus::Closed => view! {
            <p class="body">"If you have questions, call the help desk at "<HelpDeskLink />"."</p>
        }
        .into_any(),
    };
    view! {
        <Page heading="Your request">
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
                <a href="/signup/status" class="link" on:click=move |ev| { ev.prevent_default(); found.set(None); }>
                    "Check another request"
                </a>
            </p>
        </Page>
    }
}
