//! `/records-request`: copies of medical records for people without an
//! email address (who cannot have a portal account); `/records-request/sent`:
//! the confirmation with its reference, kept for the tab and printable.

use crate::api::records_request::{
    DELIVERIES, RecordsRequest, RecordsRequestReceived, submit_records_request,
};
use crate::domain::date::Date;
use crate::domain::person::US_STATES;
use crate::ui::components::{
    DateInput, HelpDeskLink, Link, Page, Radios, Select, SubmitButton, TextArea, TextField,
    redirect, submit_checked,
};
use crate::ui::dom;
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
        <Page heading="Request your medical records" errors=errors back="/">
            <p class="body">
                "You can get copies of your medical records without a portal account. Tell us who you \
                 are, which records you need and how to get them to you."
            </p>
            <form novalidate on:submit=on_submit>
                <h2 class="heading-m">"About you"</h2>
                <TextField id="first_name" label="First name" value=first_name errors=errors autocomplete="given-name" width="input--width-20" />
                <TextField id="middle_name" label="Middle name (optional)" value=middle_name errors=errors autocomplete="additional-name" width="input--width-20" />
                <TextField id="last_name" label="Last name" value=last_name errors=errors autocomplete="family-name" width="input--width-20" />
                <DateInput id="dob" legend="Date of birth" hint="For example, 3 27 1984" value=dob errors=errors />
                <TextField id="street" label="Street address" value=street errors=errors autocomplete="street-address" width="input--width-30" />
                <TextField id="city" label="Town or city" value=city errors=errors autocomplete="address-level2" width="input--width-20" />
                <Select id="state" label="State" options=US_STATES placeholder="Select a state" value=state errors=errors autocomplete="address-level1" />
                <TextField id="zip" label="ZIP code" value=zip errors=errors autocomplete="postal-code" inputmode="numeric" width="input--width-10" />
                <TextField
                    id="phone"
                    label="Phone number"
                    hint="We call you if we need anything"
                    value=phone
                    errors=errors
                    input_type="tel"
                    autocomplete="tel-national"
                    width="input--width-20"
                />
                <h2 class="heading-m">"Your records"</h2>
                <TextArea
                    id="records_wanted"
                    label="Which records do you need?"
                    hint="For example, lab results, visit notes, imaging reports, or all records"
                    value=records_wanted
                    errors=errors
                />
                <DateInput id="from" legend="From (optional)" hint="Leave both dates empty for records from any date" value=from errors=errors birthday=false />
                <DateInput id="to" legend="To (optional)" hint="For example, 12 31 2025" value=to errors=errors birthday=false />
                <Radios id="delivery" legend="How do you want to get them?" options=DELIVERIES.to_vec() value=delivery errors=errors />
                <h2 class="heading-m">"Sign your request"</h2>
                <TextField
                    id="signature"
                    label="Type your full name"
                    value=signature
                    errors=errors
                    autocomplete="name"
                    width="input--width-30"
                />
                <p class="body">{format!("Typing your name is your signature. Today's date is {today}.")}</p>
                <SubmitButton label="Send request" pending=pending />
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
        <Page heading="We have your request" confirmation=true>
            <p class="body-l">"Your reference number is "<strong class="reference">{done.reference}</strong></p>
            <p class="body">{format!("You signed it on {}.", done.signed_on)}</p>
            <h2 class="heading-m">"What happens next"</h2>
            <p class="body">
                "The medical records team will prepare your records and contact you by phone if they \
                 need anything. Keep your reference number: you can "
                <Link href="/signup/status">"check where your request stands"</Link>
                " with it and your date of birth, or give it when you call."
            </p>
            <p class="body">"Questions? Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."</p>
            <p class="body no-print">
                <button type="button" class="button button--secondary" on:click=|_| dom::print()>
                    "Print this page"
                </button>
            </p>
        </Page>
    }
    .into_any()
}
