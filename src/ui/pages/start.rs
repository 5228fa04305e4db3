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
            <h2 class="heading-m">"No access code?"</h2>
            <ul class="list list--bullet">
                <li>
                    <a href="/signup/verify" class="link" rel="external">"Sign up without an access code"</a>
                    " by telling us a few more details about you"
                </li>
                <li>
                    <a href="/signup/new-code" class="link" rel="external">"Get a new access code"</a>
                    " if yours is lost or expired"
                </li>
                <li><a href="/signup/status" class="link" rel="external">"Check a request you made"</a></li>
                <li>"Call the help desk at "<HelpDeskLink />", open 24 hours a day, 7 days a week"</li>
            </ul>
            <h2 class="heading-m">"No email address?"</h2>
            <p class="body">
                "A portal account needs one. You can still "
                <a href="/records-request" class="link" rel="external">"request copies of your medical records"</a>"."
            </p>
        </Page>
    }
}
