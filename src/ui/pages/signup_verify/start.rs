use super::step_path;
use crate::api::signup_verify::DetailsStep;
use crate::ui::components::{HelpDeskLink, Link, Page};
use leptos::prelude::*;

/// `/signup/verify`: what this way in asks for and why.
#[component]
pub fn StartVerifyPage() -> impl IntoView {
    view! {
        <Page heading="Sign up without an access code" back="/">
            <p class="body">
                "We will match what you tell us with your medical record. Answer as it appears on your \
                 record, for example the name and address you gave your clinic."
            </p>
            <p class="body">"You will need:"</p>
            <ul class="list list--bullet">
                <li>"your legal name and date of birth"</li>
                <li>"your home address and mobile phone number"</li>
                <li>"an email address"</li>
            </ul>
            <p class="body">
                "If we can match you, we will send a code to the email address on your record. If we \
                 cannot, the help desk will check your details and send you an access code."
            </p>
            <Link href=step_path(DetailsStep::Name) class="button button--start" role="button">
                "Start now"
            </Link>
            <h2 class="heading-m">"Other ways to get help"</h2>
            <ul class="list list--bullet">
                <li><Link href="/signup/new-code">"Get a new access code"</Link>" if yours is lost or expired"</li>
                <li><Link href="/signup/status">"Check a request you already made"</Link></li>
                <li>"Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week"</li>
            </ul>
        </Page>
    }
}
