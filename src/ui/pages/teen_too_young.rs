//! `/teen/too-young`: children below the teen band get no account of their
//! own; a parent or guardian asks for proxy access from theirs. The no-code
//! sign-up sends them here right after the date of birth (leaving it in
//! session storage: the server records that a child was told, by its rule).

use crate::api::signup_verify::{TOO_YOUNG_DOB, check_age};
use crate::domain::date::DateParts;
use crate::ui::components::{HelpDeskLink, Link, Page};
use crate::ui::dom;
use crate::words;
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
        <Page heading=words::too_young_heading() back=DATE_OF_BIRTH>
            <p class="body">{words::too_young_intro()}</p>
            <p class="body">
                {words::too_young_later()}
                <Link href="/teen">{words::too_young_teen_link()}</Link>
            </p>
            <p class="body">
                {words::too_young_wrong_dob()}
                <Link href=DATE_OF_BIRTH>{words::too_young_change_link()}</Link>
                {words::too_young_change_after()}
            </p>
            <p class="body">{words::too_young_questions()}<HelpDeskLink />{words::too_young_hours()}</p>
        </Page>
    }
}
