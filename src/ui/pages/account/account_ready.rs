use super::SIGN_IN;
use crate::api::signup_code::AccountCreated;
use crate::ui::components::{Link, Page};
use crate::ui::dom;
use crate::ui::pages::signup_code::ACCOUNT_CREATED_KEY;
use crate::words;
use leptos::prelude::*;

/// `/signin/welcome`: "Your account is ready", after either sign-up (in the
/// sign-in app, so its "Sign in" link loads nothing more).
#[component]
pub fn AccountReadyPage() -> impl IntoView {
    let Some(created) = dom::load::<AccountCreated>(ACCOUNT_CREATED_KEY) else {
        return crate::ui::components::redirect(SIGN_IN);
    };
    view! {
        <Page heading=words::signin_ready_heading() confirmation=true>
            <p class="body-l">{words::signin_ready_username()}<strong class="username">{created.username}</strong></p>
            <h2 class="heading-m">{words::signin_ready_next()}</h2>
            <p class="body">{words::signin_ready_sign_in_before()}<Link href=SIGN_IN>{words::signin_ready_sign_in_link()}</Link>{words::signin_ready_sign_in_after()}</p>
            {if created.email_to_confirm {
                view! {
                    <p class="body">
                        {words::signin_ready_confirm_email(&created.email)}
                    </p>
                }.into_any()
            } else {
                view! { <p class="body">{words::signin_ready_email(&created.email)}</p> }.into_any()
            }}
            <p class="body">{words::signin_ready_private()}</p>
            {created.parents_see.map(|parents_see| view! {
                <h2 class="heading-m">{words::signin_ready_yours()}</h2>
                <p class="body">{parents_see}</p>
            })}
        </Page>
    }
    .into_any()
}
