use super::SIGN_IN;
use crate::api::signup_code::AccountCreated;
use crate::ui::components::{Link, Page};
use crate::ui::dom;
use crate::ui::pages::signup_code::ACCOUNT_CREATED_KEY;
use leptos::prelude::*;

/// `/signin/welcome`: "Your account is ready", after either sign-up (in the
/// sign-in app, so its "Sign in" link loads nothing more).
#[component]
pub fn AccountReadyPage() -> impl IntoView {
    let Some(created) = dom::load::<AccountCreated>(ACCOUNT_CREATED_KEY) else {
        return crate::ui::components::redirect(SIGN_IN);
    };
    view! {
        <Page heading="Your account is ready" confirmation=true>
            <p class="body-l">"Your username is "<strong class="username">{created.username}</strong></p>
            <h2 class="heading-m">"What happens next"</h2>
            <p class="body">"You can now "<Link href=SIGN_IN>"sign in"</Link>" with your username and password."</p>
            {if created.email_to_confirm {
                view! {
                    <p class="body">
                        {format!("We sent a 6-digit code to {}. Sign in and enter it to confirm the address: \
                                  until then we cannot email you password reset codes.", created.email)}
                    </p>
                }.into_any()
            } else {
                view! { <p class="body">{format!("We will send messages about your account to {}.", created.email)}</p> }.into_any()
            }}
            <p class="body">"Keep your password private. The help desk will never ask you for it."</p>
            {created.parents_see.map(|parents_see| view! {
                <h2 class="heading-m">"Your account is yours"</h2>
                <p class="body">{parents_see}</p>
            })}
        </Page>
    }
    .into_any()
}
