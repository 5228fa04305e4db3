//! `/signup/status/pending`: a no-code sign-up we could not verify; the help
//! desk will. The same page whether no record matched or several did. With
//! the status pages (the help app); the request comes in session storage.

use crate::api::signup_verify::{DetailsStep, PENDING_KEY, PendingRequest};
use crate::ui::components::{HelpDeskLink, Link, Page, redirect};
use crate::ui::dom;
use crate::ui::pages::signup_verify::step_path;
use leptos::prelude::*;

#[component]
pub fn PendingPage() -> impl IntoView {
    let Some(request) = dom::load::<PendingRequest>(PENDING_KEY) else {
        return redirect("/signup/status");
    };
    view! {
        <Page heading="Your request is being processed">
            <p class="body">
                "We could not verify your information against our records, so the help desk will check it."
            </p>
            <div class="inset-text">
                "Your reference number is "<strong class="reference">{request.reference}</strong>
                ". Keep it to check on your request or when you call the help desk."
            </div>
            <h2 class="heading-m">"What happens next"</h2>
            <p class="body">
                {format!(
                    "We will send you an access code by email or by mail by {}. We have sent you an email \
                     saying the same.",
                    request.promised_by
                )}
            </p>
            <h2 class="heading-m">"You do not have to wait"</h2>
            <p class="body">
                "If something you told us may differ from your medical record, try again: your new \
                 answers replace this request."
            </p>
            <ul class="list list--bullet">
                <li>
                    <Link href=step_path(DetailsStep::Name)>
                        "Try again with your legal name as your clinic has it"
                    </Link>
                    " (for example, as on your insurance card, or a name you used before)"
                </li>
                <li>
                    <Link href=step_path(DetailsStep::Phone)>
                        "Try again with the mobile phone number or email address on your medical record"
                    </Link>
                </li>
                <li>"Call the help desk at "<HelpDeskLink />", open 24 hours a day, 7 days a week, for a code"</li>
                <li><Link href="/signup/status">"Check where your request stands"</Link></li>
            </ul>
        </Page>
    }
    .into_any()
}
