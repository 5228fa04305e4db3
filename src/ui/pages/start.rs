use crate::ui::components::{HelpDeskLink, Page};
use leptos::prelude::*;

/// `/`: why people need a new account, and the ways in.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <Page heading="Get your new patient portal account">
            <p class="body-l">
                "Our patient portal has moved. Your medical information is already in the new portal, \
                 but logins from the old portal do not carry over, so everyone needs a new account."
            </p>
            <p class="body">"It takes about 5 minutes. You will need:"</p>
            <ul class="list list--bullet">
                <li>"the access code from your clinic or the help desk"</li>
                <li>"your date of birth"</li>
                <li>"an email address"</li>
            </ul>
            <a href="/signup/code" class="button button--start" role="button" draggable="false">
                "Sign up with an access code"
            </a>
            <h2 class="heading-m">"No access code, or it expired?"</h2>
            <p class="body">
                "Call the help desk at "
                <HelpDeskLink />
                ", open 24 hours a day, 7 days a week. They can send you a new code by email or mail, \
                 or read it to you over the phone."
            </p>
        </Page>
    }
}
