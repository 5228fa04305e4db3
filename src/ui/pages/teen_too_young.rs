//! `/teen/too-young`: children below the teen band get no account of their
//! own; a parent or guardian asks for proxy access from theirs. The no-code
//! sign-up sends them here right after the date of birth (leaving it in
//! session storage: the server records that a child was told, by its rule).

use crate::api::signup_verify::{TOO_YOUNG_DOB, check_age};
use crate::domain::date::DateParts;
use crate::ui::components::{HelpDeskLink, Link, Page};
use crate::ui::dom;
use leptos::prelude::*;

const DATE_OF_BIRTH: &str = "/signup/verify/date-of-birth";

#[component]
pub fn TooYoungPage() -> impl IntoView {
    if let Some(dob) = dom::load::<DateParts>(TOO_YOUNG_DOB) {
        dom::forget(TOO_YOUNG_DOB);
        leptos::task::spawn_local(async move {
            // Only for the audit log: the page says the same either way.
            let _ = check_age(dob).await;
        });
    }
    view! {
        <Page heading="A parent or guardian can get access for you" back=DATE_OF_BIRTH>
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
                <Link href=DATE_OF_BIRTH>"change it"</Link>"."
            </p>
            <p class="body">"Questions? Call the help desk at "<HelpDeskLink />", 24 hours a day, 7 days a week."</p>
        </Page>
    }
}
