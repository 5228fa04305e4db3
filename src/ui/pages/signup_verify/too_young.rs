use super::step_path;
use crate::api::signup_verify::DetailsStep;
use crate::ui::components::{HelpDeskLink, Link, Page};
use leptos::prelude::*;

/// `/signup/verify/too-young`: children below the teen band get no account
/// of their own; a parent or guardian asks for proxy access from theirs.
#[component]
pub fn TooYoungPage() -> impl IntoView {
    view! {
        <Page heading="A parent or guardian can get access for you" back=step_path(DetailsStep::DateOfBirth)>
            <p class="body">
                "Children this young do not have their own portal account yet. A parent or guardian \
                 can see your record with proxy access: they sign in to their own portal account (or \
                 create one for themselves) and ask for access to your record."
            </p>
            <p class="body">
                "When you are older, you can create your own account. "
                <Link href="/teen">"How teens get their own account"</Link>
            </p>
            <p class="body">
                "If you typed your date of birth wrongly, "
                <Link href=step_path(DetailsStep::DateOfBirth)>"change it"</Link>"."
            </p>
            <p class="body">"Questions? Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."</p>
        </Page>
    }
}
