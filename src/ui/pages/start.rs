use crate::ui::components::{Link, NoAccessCode, Page};
use crate::words;
use leptos::prelude::*;

/// `/`: why people need a new account, and the ways in.
#[component]
pub fn StartPage() -> impl IntoView {
    view! {
        <Page heading=words::start_heading()>
            <p class="body-l">{words::start_intro()}</p>
            <p class="body">{words::start_need()}</p>
            <ul class="list list--bullet">
                <li>{words::start_need_code()}</li>
                <li>{words::start_need_dob()}</li>
                <li>{words::start_need_email()}</li>
            </ul>
            <Link href="/signup/code" class="button button--start" role="button">
                {words::start_button()}
            </Link>
            <p class="body">{words::start_sign_in()}<Link href="/signin">{words::start_sign_in_link()}</Link></p>
            <p class="body">{words::start_teen()}<Link href="/teen">{words::start_teen_link()}</Link></p>
            <NoAccessCode />
            <h2 class="heading-m">{words::start_no_email_heading()}</h2>
            <p class="body">
                {words::start_no_email()}
                <Link href="/records-request">{words::start_no_email_link()}</Link>
                {words::start_no_email_after()}
            </p>
        </Page>
    }
}
