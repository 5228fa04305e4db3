use super::{ConsoleNotice, HOME, SETUP, SIGN_IN, StaffState};
use crate::api::signin::Credentials;
use crate::api::staff::{StaffSetup, staff_set_up, staff_sign_in};
use crate::ui::components::{CurrentPasswordField, Page, PasswordField, SubmitButton, TextField};
use crate::ui::password_list::PasswordList;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/staff/signin`: staff sign in with their own username and password.
#[component]
pub fn SignInPage() -> impl IntoView {
    let state = StaffState::get();
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let username = RwSignal::new(String::new());
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
        state.submit(
            errors,
            pending,
            problems,
            async move {
                let answer = staff_sign_in(credentials).await;
                password.set(String::new());
                answer
            },
            move |me| {
                state.me.set(Some(me));
                navigate(HOME, Default::default());
            },
        );
    };
    view! {
        <Page heading="Sign in to the help desk console" errors=errors>
            <ConsoleNotice />
            <form novalidate on:submit=on_submit>
                <TextField id="username" label="Username" value=username errors=errors autocomplete="username" width="input--width-20" verbatim=true />
                <CurrentPasswordField id="password" label="Password" value=password errors=errors />
                <SubmitButton label="Sign in" pending=pending />
            </form>
            <p class="body">
                "New staff member? "<a href=SETUP class="link">"Set up your account with your setup code"</a>"."
            </p>
        </Page>
    }
}

/// `/staff/setup`: the one-time setup code and a new password.
#[component]
pub fn SetupPage() -> impl IntoView {
    let state = StaffState::get();
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let username = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let setup = StaffSetup {
            username: username.get_untracked(),
            code: code.get_untracked(),
            password: password.get_untracked(),
        };
        let problems = PasswordList::get().with(|common| setup.problems(common));
        let navigate = navigate.clone();
        state.submit(errors, pending, problems, staff_set_up(setup), move |me| {
            password.set(String::new());
            state.me.set(Some(me));
            state.notice.set(Some(
                "Your account is set up, and you are signed in.".into(),
            ));
            navigate(HOME, Default::default());
        });
    };
    view! {
        <Page heading="Set up your console account" errors=errors back=SIGN_IN>
            <p class="body">"Use the setup code an administrator gave you. It works once, within 72 hours."</p>
            <form novalidate on:submit=on_submit>
                <TextField id="username" label="Username" value=username errors=errors autocomplete="username" width="input--width-20" verbatim=true />
                <TextField
                    id="code"
                    label="Setup code"
                    hint="12 letters and numbers, for example 7KDM-2Q9X-4RT6"
                    value=code
                    errors=errors
                    autocomplete="one-time-code"
                    width="input--width-20"
                    verbatim=true
                />
                <PasswordField
                    id="password"
                    label="Choose a password"
                    value=password
                    errors=errors
                    username=username
                    names=Signal::stored(Vec::new())
                />
                <SubmitButton label="Set up and sign in" pending=pending />
            </form>
        </Page>
    }
}
