use super::{AccountState, HOME, Notice, OLD_PORTAL, RECOVER, UsernameField};
use crate::api::signin::{Credentials, SignInOutcome, sign_in};
use crate::ui::components::{CurrentPasswordField, Link, Page, SubmitButton, submit_checked};
use crate::ui::layout::rel_for;
use crate::ui::{dom, language};
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/signin`: username and password. Every failure reads the same.
#[component]
pub fn SignInPage() -> impl IntoView {
    let state = AccountState::get();
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let username = state.username;
    let password = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let credentials = Credentials {
            username: username.get_untracked(),
            password: password.get_untracked(),
        };
        let problems = credentials.problems();
        let navigate = navigate.clone();
        submit_checked(
            errors,
            pending,
            problems,
            // Whatever the answer, the password is typed afresh.
            async move {
                let answer = sign_in(credentials).await;
                password.set(String::new());
                answer
            },
            move |outcome| match outcome {
                // Back to the page that sent them here, if one did.
                SignInOutcome::SignedIn { language } => {
                    let page = dom::take_after_sign_in().unwrap_or_else(|| HOME.into());
                    // The account's language from now on; another language
                    // than this page's loads the next page afresh in it.
                    if let Some(language) = language {
                        language::remember(language);
                    }
                    let elsewhere = language.is_some_and(|l| l != words::language());
                    if elsewhere || rel_for(&page).is_some() {
                        dom::go_to(&page)
                    } else {
                        navigate(&page, Default::default())
                    }
                }
                SignInOutcome::OldPortalUsername { portal_name } => {
                    state.old_portal.set(Some(portal_name));
                    navigate(OLD_PORTAL, Default::default());
                }
            },
        );
    };
    view! {
        <Page heading=words::signin_heading() errors=errors>
            <Notice />
            <form novalidate on:submit=on_submit>
                <UsernameField value=username errors=errors />
                <CurrentPasswordField id="password" label=words::signin_password() value=password errors=errors />
                <SubmitButton label=words::signin_button() pending=pending />
            </form>
            <p class="body"><Link href=RECOVER>{words::signin_forgot()}</Link></p>
            <h2 class="heading-m">{words::signin_new_heading()}</h2>
            <p class="body">
                {words::signin_new_before()}
                <Link href="/">{words::signin_new_link()}</Link>{words::signin_new_after()}
            </p>
        </Page>
    }
}
