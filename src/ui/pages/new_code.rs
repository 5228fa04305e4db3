//! `/signup/new-code`: a new access code for a lost, expired or missing one;
//! `/signup/new-code/sent`: what happens now. The answers and the outcome are
//! kept for the tab, so a reload loses neither and Back returns to the form.

use crate::api::new_code::{NewCodeAnswer, NewCodeRequest, request_new_code};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, redirect, submit_checked,
};
use crate::ui::dom;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const FORM: &str = "frontdesk.new-code";
const ANSWER: &str = "frontdesk.new-code.answer";
pub const SENT: &str = "/signup/new-code/sent";

#[component]
pub fn NewCodePage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let saved: NewCodeRequest = dom::load(FORM).unwrap_or_default();
    let first_name = RwSignal::new(saved.first_name);
    let last_name = RwSignal::new(saved.last_name);
    let dob = RwSignal::new(saved.dob);
    let contact = RwSignal::new(saved.contact);
    let request = move || NewCodeRequest {
        first_name: first_name.get(),
        last_name: last_name.get(),
        dob: dob.get(),
        contact: contact.get(),
    };
    Effect::new(move |_| dom::save(FORM, &request()));
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let request = untrack(request);
        let problems = request.problems(Date::today());
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            request_new_code(request),
            move |answer| {
                dom::save(ANSWER, &answer);
                navigate(SENT, Default::default());
            },
        );
    };
    view! {
        <Page heading="Get a new access code" errors=errors back="/signup/verify">
            <p class="body">
                "If your code is lost, expired or never arrived, we will send a new one to the email \
                 address on your medical record."
            </p>
            <form novalidate on:submit=on_submit>
                <TextField id="first_name" label="First name" value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
                <TextField id="last_name" label="Last name" value=last_name errors=errors autocomplete="family-name" width="input--width-20" />
                <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors />
                <TextField
                    id="contact"
                    label="Email address or mobile phone number on your record"
                    hint="We use it to find your record. The code goes only to the email address on your record."
                    value=contact
                    errors=errors
                    autocomplete="email"
                    width="input--width-30"
                    verbatim=true
                />
                <SubmitButton label="Send a new code" pending=pending />
            </form>
        </Page>
    }
}

/// What really happens: a code by email if the details matched, or the
/// help desk's letter (with a reference) for a record without an email.
#[component]
pub fn NewCodeSentPage() -> impl IntoView {
    let Some(answer) = dom::load::<NewCodeAnswer>(ANSWER) else {
        return redirect("/signup/new-code");
    };
    let promise_days = use_context::<crate::api::SiteSettings>()
        .unwrap_or_default()
        .promise_days;
    let call = view! {
        <p class="body">
            "If nothing arrives, call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."
        </p>
    };
    match answer {
        NewCodeAnswer::Emailed => view! {
            <Page heading="Check your email" title="Check your email – new access code">
                <p class="body">
                    "If the details match our records, we have sent a new access code to the email \
                     address on your medical record. It can take a few minutes to arrive."
                </p>
                <p class="body">
                    "A new code replaces the one you had, so use the code in the latest email. If you \
                     asked several times today, we may not have sent another: use the latest one you have."
                </p>
                {call}
                <p class="body">
                    <Link href="/signup/code">"Sign up with your access code"</Link>
                </p>
            </Page>
        }
        .into_any(),
        NewCodeAnswer::ByMail {
            reference,
            promised_by,
        } => view! {
            <Page heading="We will mail you a code" confirmation=true>
                <p class="body-l">"Your reference number is "<strong class="reference">{reference}</strong></p>
                <p class="body">
                    {format!(
                        "Your medical record has no email address, so the help desk will mail a new access \
                         code to the home address on your record by {promised_by} (within {promise_days} days)."
                    )}
                </p>
                <p class="body">
                    "Keep your reference number to "<Link href="/signup/status">"check on your request"</Link>
                    " or when you call the help desk."
                </p>
                {call}
            </Page>
        }
        .into_any(),
    }
}
