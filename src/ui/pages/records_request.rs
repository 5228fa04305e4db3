//! `/records-request`: copies of medical records for people without an
//! email address (who cannot have a portal account); `/records-request/sent`:
//! the confirmation with its reference, kept for the tab and printable.

use crate::api::records_request::{
    RecordsRequest, RecordsRequestReceived, deliveries, submit_records_request,
};
use crate::domain::date::Date;
use crate::domain::person::US_STATES;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, Radios, Select, SubmitButton, TextArea, TextField,
    redirect, submit_checked,
};
use crate::ui::dom;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

const STORAGE_KEY: &str = "frontdesk.records-request";
const SENT_KEY: &str = "frontdesk.records-request.sent";
pub const SENT: &str = "/records-request/sent";

#[component]
pub fn RecordsRequestPage() -> impl IntoView {
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let saved: RecordsRequest = dom::load(STORAGE_KEY).unwrap_or_default();
    let first_name = RwSignal::new(saved.first_name);
    let middle_name = RwSignal::new(saved.middle_name);
    let last_name = RwSignal::new(saved.last_name);
    let dob = RwSignal::new(saved.dob);
    let street = RwSignal::new(saved.street);
    let city = RwSignal::new(saved.city);
    let state = RwSignal::new(saved.state);
    let zip = RwSignal::new(saved.zip);
    let phone = RwSignal::new(saved.phone);
    let records_wanted = RwSignal::new(saved.records_wanted);
    let from = RwSignal::new(saved.from);
    let to = RwSignal::new(saved.to);
    let delivery = RwSignal::new(saved.delivery);
    let signature = RwSignal::new(saved.signature);
    let request = move || RecordsRequest {
        first_name: first_name.get(),
        middle_name: middle_name.get(),
        last_name: last_name.get(),
        dob: dob.get(),
        street: street.get(),
        city: city.get(),
        state: state.get(),
        zip: zip.get(),
        phone: phone.get(),
        records_wanted: records_wanted.get(),
        from: from.get(),
        to: to.get(),
        delivery: delivery.get(),
        signature: signature.get(),
    };
    // Kept across a reload until the request is sent.
    Effect::new(move |_| {
        let form = request();
        if !sent.get_untracked() {
            dom::save(STORAGE_KEY, &form);
        }
    });
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let form = untrack(request);
        let problems = form.problems(Date::today());
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            submit_records_request(form),
            move |done| {
                // Sent once: the form starts empty again, the confirmation
                // survives a reload.
                sent.set(true);
                dom::forget(STORAGE_KEY);
                dom::save(SENT_KEY, &done);
                navigate(SENT, Default::default());
            },
        );
    };
    let today = Date::today().to_string();
    view! {
        <Page heading=words::records_request_heading() errors=errors back="/">
            <p class="body">
                {words::records_request_intro()}
            </p>
            <form novalidate on:submit=on_submit>
                <h2 class="heading-m">{words::records_request_about_you()}</h2>
                <TextField id="first_name" label=words::verify_first_name() value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
                <TextField id="middle_name" label=words::verify_middle_name() value=middle_name errors=errors autocomplete="additional-name" width="input--width-20" />
                <TextField id="last_name" label=words::verify_last_name() value=last_name errors=errors autocomplete="family-name" width="input--width-20" />
                <DateInput id="dob" legend=words::status_dob() hint=words::verify_dob_hint() value=dob errors=errors />
                <TextField id="street" label=words::verify_street() value=street errors=errors autocomplete="street-address" width="input--width-30" />
                <TextField id="city" label=words::verify_city() value=city errors=errors autocomplete="address-level2" width="input--width-20" />
                <Select id="state" label=words::verify_state() options=US_STATES placeholder=words::verify_state_placeholder() value=state errors=errors autocomplete="address-level1" />
                <TextField id="zip" label=words::verify_zip() value=zip errors=errors autocomplete="postal-code" inputmode="numeric" width="input--width-10" />
                <TextField
                    id="phone"
                    label=words::records_request_phone()
                    hint=words::records_request_phone_hint()
                    value=phone
                    errors=errors
                    input_type="tel"
                    autocomplete="tel-national"
                    width="input--width-20"
                />
                <h2 class="heading-m">{words::records_request_your_records()}</h2>
                <TextArea
                    id="records_wanted"
                    label=words::records_request_which()
                    hint=words::records_request_which_hint()
                    value=records_wanted
                    errors=errors
                />
                <DateInput id="from" legend=words::records_request_from() hint=words::records_request_from_hint() value=from errors=errors birthday=false />
                <DateInput id="to" legend=words::records_request_to() hint=words::records_request_to_hint() value=to errors=errors birthday=false />
                <Radios id="delivery" legend=words::records_request_delivery() options=deliveries() value=delivery errors=errors />
                <h2 class="heading-m">{words::records_request_sign_heading()}</h2>
                <TextField
                    id="signature"
                    label=words::records_request_signature()
                    value=signature
                    errors=errors
                    autocomplete="name"
                    width="input--width-30"
                />
                <p class="body">{words::records_request_signature_note(&today)}</p>
                <SubmitButton label=words::records_request_submit() pending=pending />
            </form>
        </Page>
    }
}

/// The confirmation: the reference (which the status page takes), kept
/// across a reload, and a printed copy to keep.
#[component]
pub fn RecordsRequestSentPage() -> impl IntoView {
    let Some(done) = dom::load::<RecordsRequestReceived>(SENT_KEY) else {
        return redirect("/records-request");
    };
    view! {
        <Page heading=words::records_request_sent_heading() confirmation=true>
            <p class="body-l">{words::records_request_your_reference()}<strong class="reference">{done.reference}</strong></p>
            <p class="body">{words::records_request_signed_on(&done.signed_on)}</p>
            <h2 class="heading-m">{words::records_request_next_heading()}</h2>
            <p class="body">
                {words::records_request_next()}
                <Link href="/signup/status">{words::records_request_check_status()}</Link>
                {words::records_request_next_after()}
            </p>
            <p class="body">{words::records_request_questions()}<HelpDeskLink />{words::records_request_questions_hours()}</p>
            <p class="body no-print">
                <button type="button" class="button button--secondary" on:click=|_| dom::print()>
                    {words::records_request_print()}
                </button>
            </p>
        </Page>
    }
    .into_any()
}
