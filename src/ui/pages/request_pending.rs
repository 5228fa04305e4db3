//! `/signup/status/pending`: a no-code sign-up we could not verify; the help
//! desk will. The same page whether no record matched or several did. With
//! the status pages (the help app); the request comes in session storage.

use crate::api::signup_verify::{DetailsStep, PENDING_KEY, PendingRequest};
use crate::ui::components::{HelpDeskLink, Link, Page, redirect};
use crate::ui::dom;
use crate::ui::pages::signup_verify::step_path;
use crate::words;
use leptos::prelude::*;

#[component]
pub fn PendingPage() -> impl IntoView {
    let Some(request) = dom::load::<PendingRequest>(PENDING_KEY) else {
        return redirect("/signup/status");
    };
    view! {
        <Page heading=words::pending_heading()>
            <p class="body">
                {words::pending_intro()}
            </p>
            <div class="inset-text">
                {words::pending_your_reference()}<strong class="reference">{request.reference}</strong>
                {words::pending_keep_reference()}
            </div>
            <h2 class="heading-m">{words::pending_next_heading()}</h2>
            <p class="body">
                {words::pending_next(&request.promised_by)}
            </p>
            <h2 class="heading-m">{words::pending_no_wait_heading()}</h2>
            <p class="body">
                {words::pending_no_wait()}
            </p>
            <ul class="list list--bullet">
                <li>
                    <Link href=step_path(DetailsStep::Name)>
                        {words::pending_try_name()}
                    </Link>
                    {words::pending_try_name_after()}
                </li>
                <li>
                    <Link href=step_path(DetailsStep::Phone)>
                        {words::pending_try_contact()}
                    </Link>
                </li>
                <li>{words::pending_call()}<HelpDeskLink />{words::pending_call_after()}</li>
                <li><Link href="/signup/status">{words::pending_check_status()}</Link></li>
            </ul>
        </Page>
    }
    .into_any()
}
