use super::step_path;
use crate::api::signup_verify::DetailsStep;
use crate::ui::components::{HelpDeskLink, Link, Page};
use crate::words;
use leptos::prelude::*;

/// `/signup/verify`: what this way in asks for and why.
#[component]
pub fn StartVerifyPage() -> impl IntoView {
    view! {
        <Page heading=words::verify_start_heading() back="/">
            <p class="body">
                {words::verify_start_intro()}
            </p>
            <p class="body">{words::verify_start_need()}</p>
            <ul class="list list--bullet">
                <li>{words::verify_start_need_name()}</li>
                <li>{words::verify_start_need_address()}</li>
                <li>{words::verify_start_need_email()}</li>
            </ul>
            <p class="body">
                {words::verify_start_match()}
            </p>
            <Link href=step_path(DetailsStep::Name) class="button button--start" role="button">
                {words::verify_start_now()}
            </Link>
            <h2 class="heading-m">{words::verify_start_other_heading()}</h2>
            <ul class="list list--bullet">
                <li><Link href="/signup/new-code">{words::verify_start_new_code()}</Link>{words::verify_start_new_code_why()}</li>
                <li><Link href="/signup/status">{words::verify_start_status()}</Link></li>
                <li>{words::verify_start_call()}<HelpDeskLink />{words::verify_start_call_hours()}</li>
            </ul>
        </Page>
    }
}
