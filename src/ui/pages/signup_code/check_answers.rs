use super::{ACCOUNT_READY, CREATE_LOGIN, CodeSignup, ENTER_CODE};
use crate::api::signup_code::create_account_with_code;
use crate::domain::access_code;
use crate::domain::date::{Date, parse_date_of_birth};
use crate::ui::components::{Page, SubmitButton, SummaryRow, redirect, submit_once};
use crate::ui::dom;
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// `/signup/code/check`: every answer, each with a Change link, then create.
#[component]
pub fn CheckAnswersPage() -> impl IntoView {
    let signup = CodeSignup::get();
    if signup.holder.with_untracked(Option::is_none) {
        return redirect(ENTER_CODE);
    }
    if signup.password.with_untracked(String::is_empty) {
        return redirect(CREATE_LOGIN);
    }
    let errors = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let code = untrack(|| signup.entry());
        let login = signup.login();
        let navigate = navigate.clone();
        submit_once(pending, async move {
            match create_account_with_code(code, login).await {
                Ok(created) => {
                    signup.finish(created);
                    dom::go_to(ACCOUNT_READY);
                }
                Err(error) => signup.show_error(error, errors, &navigate),
            }
        });
    };
    let entry = untrack(|| signup.entry());
    let code =
        access_code::parse(&entry.code).map_or_else(|_| entry.code.clone(), |c| c.to_string());
    let born = parse_date_of_birth(&entry.dob, Date::today())
        .map_or_else(|_| String::new(), |d| d.to_string());
    // Answers from the no-code flow cannot change here: their code was made for them.
    let fixed = signup.verified_by_email.get_untracked();
    // A teen's confirmation that the account is their own is an answer too.
    let own_account = signup.holder.with_untracked(|h| {
        h.as_ref()
            .filter(|h| h.teen)
            .map(|h| words::signup_check_own_account_yes(&h.first_name))
    });
    view! {
        <Page
            heading=words::signup_check_heading()
            title=words::signup_check_title()
            errors=errors
            back=CREATE_LOGIN
        >
            <dl class="summary-list">
                {(!fixed).then(|| view! {
                    <SummaryRow
                        key=words::signup_check_code()
                        value=code
                        change=Some(ENTER_CODE)
                        what=words::signup_check_change_code()
                    />
                })}
                <SummaryRow
                    key=words::signup_check_dob()
                    value=born
                    change=(!fixed).then_some(ENTER_CODE)
                    what=words::signup_check_change_dob()
                />
                <SummaryRow
                    key=words::signup_check_username()
                    value=signup.username.get_untracked()
                    change=Some(CREATE_LOGIN)
                    what=words::signup_check_change_username()
                />
                <SummaryRow
                    key=words::signup_check_password()
                    value=words::signup_check_password_hidden()
                    change=Some(CREATE_LOGIN)
                    what=words::signup_check_change_password()
                />
                <SummaryRow
                    key=words::signup_check_email()
                    value=signup.email.get_untracked()
                    change=Some(CREATE_LOGIN)
                    what=words::signup_check_change_email()
                />
                {own_account.map(|confirmed| view! {
                    <SummaryRow
                        key=words::signup_check_own_account()
                        value=confirmed
                        change=Some(CREATE_LOGIN)
                        what=words::signup_check_change_own_account()
                    />
                })}
            </dl>
            <h2 class="heading-m">{words::signup_check_create_heading()}</h2>
            {(!fixed).then(|| view! {
                <p class="body">{words::signup_check_used_up()}</p>
            })}
            <form novalidate on:submit=on_submit>
                <SubmitButton label=words::signup_check_create() pending=pending />
            </form>
        </Page>
    }
    .into_any()
}
