use super::{AccountState, SIGN_IN};
use crate::ui::components::{Link, NoAccessCode, Page};
use leptos::prelude::*;

/// `/signin/old-portal` and `/recover/old-portal`: the username is one from
/// the old portal. The person's information moved here, their login did
/// not: the ways to a new account.
#[component]
pub fn OldPortalPage() -> impl IntoView {
    let portal = AccountState::get()
        .old_portal
        .get_untracked()
        .unwrap_or_else(|| "our old patient portal".into());
    view! {
        <Page heading="Your old login does not work here" back=SIGN_IN>
            <p class="body-l">{format!("That username is from {portal}.")}</p>
            <p class="body">
                {format!(
                    "Your medical information has moved from {portal} to this patient portal, but logins \
                     did not carry over. Create a new account to see your information. It takes about 5 minutes."
                )}
            </p>
            <Link href="/signup/code" class="button button--start" role="button">
                "Sign up with an access code"
            </Link>
            <NoAccessCode />
        </Page>
    }
}
