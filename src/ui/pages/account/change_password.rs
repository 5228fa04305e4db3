use super::{AccountState, HOME, signed_in};
use crate::api::account::{PasswordChange, change_password};
use crate::ui::components::{CurrentPasswordField, Page, PasswordField, SubmitButton};
use crate::ui::password_list::PasswordList;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/account/password`: the current password, then the new one.
#[component]
pub fn ChangePasswordPage() -> impl IntoView {
    signed_in(|me| {
        let state = AccountState::get();
        let errors = RwSignal::new(Vec::new());
        let pending = RwSignal::new(false);
        let current = RwSignal::new(String::new());
        let new = RwSignal::new(String::new());
        let username = RwSignal::new(me.username.clone());
        let names = Signal::stored(vec![me.first_name, me.middle_name, me.last_name]);
        let navigate = use_navigate();
        let on_submit = move |ev: SubmitEvent| {
            ev.prevent_default();
            let change = PasswordChange {
                current: current.get_untracked(),
                new: new.get_untracked(),
            };
            let name_list = names.get_untracked();
            let name_refs: Vec<&str> = name_list.iter().map(String::as_str).collect();
            let problems = PasswordList::get()
                .with(|common| change.problems(&username.get_untracked(), &name_refs, common));
            let done_navigate = navigate.clone();
            state.submit(
                navigate.clone(),
                errors,
                pending,
                problems,
                change_password(change),
                move |()| {
                    state.go_with_notice(&done_navigate, HOME, words::settings_password_changed())
                },
            );
        };
        view! {
            <Page heading=words::settings_password_heading() errors=errors back=HOME>
                <form novalidate on:submit=on_submit>
                    <CurrentPasswordField id="current" label=words::settings_password_current() value=current errors=errors />
                    <PasswordField
                        id="new"
                        label=words::settings_password_new()
                        value=new
                        errors=errors
                        username=username
                        names=names
                    />
                    <SubmitButton label=words::settings_password_button() pending=pending />
                </form>
            </Page>
        }
        .into_any()
    })
}
