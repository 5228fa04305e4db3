use super::{AccountState, HOME, signed_in};
use crate::api::FieldError;
use crate::api::account::{EmailChangeRequest, confirm_email_change, start_email_change};
use crate::ui::components::{
    CurrentPasswordField, EmailCodeField, EmailField, HelpDeskLink, Page, SubmitButton,
};
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/account/email`: the new address, then the 6-digit code sent to it. The
/// address changes only once the code shows the person can read it.
#[component]
pub fn ChangeEmailPage() -> impl IntoView {
    signed_in(|me| {
        let state = AccountState::get();
        let errors = RwSignal::new(Vec::new());
        let pending = RwSignal::new(false);
        let email = RwSignal::new(String::new());
        let current_password = RwSignal::new(String::new());
        let code = RwSignal::new(String::new());
        // Where the code went (masked), once it has been sent: at sign-up
        // too, so a person coming to confirm it lands on the code.
        let sent_to = RwSignal::new(me.email_to_confirm.clone());
        let navigate = use_navigate();
        let on_send = {
            let navigate = navigate.clone();
            move |ev: SubmitEvent| {
                ev.prevent_default();
                let request = EmailChangeRequest {
                    email: email.get_untracked(),
                    current: current_password.get_untracked(),
                };
                let problems = request.problems();
                state.submit(
                    navigate.clone(),
                    errors,
                    pending,
                    problems,
                    start_email_change(request),
                    move |masked| {
                        code.set(String::new());
                        current_password.set(String::new());
                        sent_to.set(Some(masked));
                    },
                );
            }
        };
        let had_email = me.email.is_some();
        let on_confirm = move |ev: SubmitEvent| {
            ev.prevent_default();
            let typed = code.get_untracked();
            let problems = if typed.trim().is_empty() {
                vec![FieldError::new("code", words::settings_email_enter_code())]
            } else {
                Vec::new()
            };
            let done_navigate = navigate.clone();
            state.submit(
                navigate.clone(),
                errors,
                pending,
                problems,
                confirm_email_change(typed),
                move |new_email| {
                    state.me.update(|me| {
                        if let Some(me) = me {
                            me.email = Some(new_email.clone());
                            me.email_to_confirm = None;
                        }
                    });
                    state.go_with_notice(
                        &done_navigate,
                        HOME,
                        if had_email {
                            words::settings_email_now_told(&new_email)
                        } else {
                            words::settings_email_now(&new_email)
                        },
                    );
                },
            );
        };
        let current = match &me.email {
            Some(email) => words::settings_email_current(email),
            None => words::settings_email_none().to_string(),
        };
        (move || match sent_to.get() {
            None => {
                let (current, on_send) = (current.clone(), on_send.clone());
                view! {
                <Page heading=words::settings_email_heading() errors=errors back=HOME>
                    <p class="body">{current}</p>
                    <form novalidate on:submit=on_send>
                        <EmailField
                            label=words::settings_email_new()
                            hint=words::settings_email_new_hint()
                            value=email
                            errors=errors
                        />
                        <CurrentPasswordField
                            id="current"
                            label=words::settings_email_current_password()
                            value=current_password
                            errors=errors
                        />
                        <SubmitButton label=words::settings_email_send() pending=pending />
                    </form>
                </Page>
            }
            .into_any()
            }
            Some(masked) => {
                let on_confirm = on_confirm.clone();
                view! {
                <Page heading=words::settings_email_check_heading() title=words::settings_email_check_title() errors=errors>
                    <p class="body">
                        {words::settings_email_sent(&masked)}
                        {words::settings_email_changes()}
                    </p>
                    <form novalidate on:submit=on_confirm>
                        <EmailCodeField value=code errors=errors />
                        <SubmitButton label=words::settings_email_confirm_button() pending=pending />
                    </form>
                    <details class="details">
                        <summary class="details__summary">{words::settings_email_not_got()}</summary>
                        <div class="details__text">
                            <p class="body">
                                {words::settings_email_not_got_help()}<HelpDeskLink />"."
                            </p>
                            <button
                                type="button"
                                class="button button--secondary"
                                on:click=move |_| {
                                    errors.set(Vec::new());
                                    sent_to.set(None);
                                }
                            >
                                {words::settings_email_start_again()}
                            </button>
                        </div>
                    </details>
                </Page>
            }
            .into_any()
            }
        })
        .into_any()
    })
}
