use super::CodeSignup;
use crate::ui::components::{Link, Page, redirect};
use leptos::prelude::*;

/// `/signup/code/done`: the confirmation.
#[component]
pub fn AccountReadyPage() -> impl IntoView {
    let signup = CodeSignup::get();
    let Some(created) = signup.created.get_untracked() else {
        // The start page is in another app: the first step is the nearest.
        return redirect(super::ENTER_CODE);
    };
    view! {
        <Page heading="Your account is ready" confirmation=true>
            <p class="body-l">"Your username is "<strong class="username">{created.username}</strong></p>
            <h2 class="heading-m">"What happens next"</h2>
            <p class="body">"You can now "<Link href="/signin">"sign in"</Link>" with your username and password."</p>
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
