//! `/signup/new-code`: a new access code for a lost, expired or missing one;
//! `/signup/new-code/sent`: what happens now. The answers and the outcome are
//! kept for the tab, so a reload loses neither and Back returns to the form.

use crate::api::new_code::{NewCodeAnswer, NewCodeRequest, request_new_code};
use crate::domain::date::Date;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, SubmitButton, TextField, redirect, submit_checked,
};
use crate::ui::dom;
use crate::words;
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
        <Page heading=words::new_code_heading() errors=errors back="/signup/verify">
            <p class="body">
                {words::new_code_intro()}
            </p>
            <form novalidate on:submit=on_submit>
                <TextField id="first_name" label=words::verify_first_name() value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
                <TextField id="last_name" label=words::verify_last_name() value=last_name errors=errors autocomplete="family-name" width="input--width-20" />
                <DateInput id="dob" legend=words::status_dob() hint=words::verify_dob_hint() value=dob errors=errors />
                <TextField
                    id="contact"
                    label=words::new_code_contact()
                    hint=words::new_code_contact_hint()
                    value=contact
                    errors=errors
                    autocomplete="email"
                    width="input--width-30"
                    verbatim=true
                />
                <SubmitButton label=words::new_code_submit() pending=pending />
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
            {words::new_code_call()}<HelpDeskLink />{words::new_code_call_hours()}
        </p>
    };
    match answer {
        NewCodeAnswer::Emailed => view! {
            <Page heading=words::new_code_emailed_heading() title=words::new_code_emailed_title()>
                <p class="body">
                    {words::new_code_emailed()}
                </p>
                <p class="body">
                    {words::new_code_emailed_latest()}
                </p>
                {call}
                <p class="body">
                    <Link href="/signup/code">{words::new_code_sign_up()}</Link>
                </p>
            </Page>
        }
        .into_any(),
        NewCodeAnswer::ByMail {
            reference,
            promised_by,
        } => view! {
            <Page heading=words::new_code_mail_heading() confirmation=true>
                <p class="body-l">{words::new_code_your_reference()}<strong class="reference">{reference}</strong></p>
                <p class="body">
                    {words::new_code_mail(&promised_by, &promise_days.to_string())}
                </p>
                <p class="body">
                    {words::new_code_keep_reference()}<Link href="/signup/status">{words::new_code_check_request()}</Link>
                    {words::new_code_keep_reference_after()}
                </p>
                {call}
            </Page>
        }
        .into_any(),
    }
}
