use super::{AccountState, SIGN_IN};
use crate::ui::components::{Link, NoAccessCode, Page};
use crate::words;
use leptos::prelude::*;

/// `/signin/old-portal` and `/recover/old-portal`: the username is one from
/// the old portal. The person's information moved here, their login did
/// not: the ways to a new account.
#[component]
pub fn OldPortalPage() -> impl IntoView {
    let portal = AccountState::get()
        .old_portal
        .get_untracked()
        .unwrap_or_else(|| words::signin_old_portal_default().into());
    view! {
        <Page heading=words::signin_old_portal_heading() back=SIGN_IN>
            <p class="body-l">{words::signin_old_portal_from(&portal)}</p>
            <p class="body">
                {words::signin_old_portal_moved(&portal)}
            </p>
            <Link href="/signup/code" class="button button--start" role="button">
                {words::signin_old_portal_start()}
            </Link>
            <NoAccessCode />
        </Page>
    }
}
