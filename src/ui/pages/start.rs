use crate::ui::components::{Link, NoAccessCode, Page};
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
            <Link href="/signup/code" class="button button--start" role="button">
                "Sign up with an access code"
            </Link>
            <p class="body">"Already have a new account? "<Link href="/signin">"Sign in"</Link></p>
            <p class="body">"Aged 14 to 17? "<Link href="/teen">"Create your own account"</Link></p>
            <NoAccessCode />
            <h2 class="heading-m">"No email address?"</h2>
            <p class="body">
                "A portal account needs one. You can still "
                <Link href="/records-request">"request copies of your medical records"</Link>"."
            </p>
        </Page>
    }
}
