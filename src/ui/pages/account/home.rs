use super::{AccountState, CHANGE_EMAIL, CHANGE_PASSWORD, Notice, signed_in};
use crate::api::signin::{HomeData, sign_out, sign_out_everywhere};
use crate::api::{AppError, FieldError};
use crate::ui::components::{Page, SubmitButton, SummaryRow, submit_checked};
use crate::words;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use std::future::Future;
use std::pin::Pin;

/// `/home`: whose records the person can open, their account settings, and
/// signing out (here, or on every device).
#[component]
pub fn HomePage() -> impl IntoView {
    signed_in(|me| {
        // A failed sign-out shows in the page's error summary.
        let errors = RwSignal::new(Vec::new());
        view! {
            <Page heading=words::home_heading(&me.first_name, &me.last_name) errors=errors>
                <Notice />
                {me.email_to_confirm.clone().map(|masked| view! {
                    <div class="notice" role="status">
                        <h2 class="heading-m">{words::home_confirm_email_heading()}</h2>
                        <p class="body">
                            {words::home_confirm_email(&masked)}
                            <a href=CHANGE_EMAIL class="link" rel=crate::ui::layout::rel_for(CHANGE_EMAIL)>{words::home_confirm_email_link()}</a>
                        </p>
                    </div>
                })}
                {(me.waiting_for_you > 0).then(|| view! {
                    <div class="notice">
                        <p class="body">
                            {match me.waiting_for_you {
                                1 => words::home_waiting_one().to_string(),
                                n => words::home_waiting_many(&n.to_string()),
                            }}
                            <a href="/records" class="link" rel=crate::ui::layout::rel_for("/records")>{words::home_waiting_link()}</a>
                        </p>
                    </div>
                })}
                {(!me.warnings.is_empty()).then(|| view! {
                    <div class="notice">
                        {me.warnings.iter().map(|w| view! { <p class="body">{w.clone()}</p> }).collect_view()}
                    </div>
                })}
                <h2 class="heading-m">{words::home_records_heading()}</h2>
                <ul class="list list--bullet">
                    {me.records.iter().map(|record| view! {
                        <li>
                            <a href=record.href.clone() class="link" rel=crate::ui::layout::rel_for(&record.href)>{record.name.clone()}</a>
                            " – "{record.relationship.clone()}
                            {record.renew.map(|grant| {
                                let href = format!("/proxy/renew/{grant}");
                                let rel = crate::ui::layout::rel_for(&href);
                                view! { " " <a href=href class="link" rel=rel>{words::home_renew()}</a> }
                            })}
                        </li>
                    }).collect_view()}
                </ul>
                <p class="body">
                    <a href="/proxy" class="link" rel=crate::ui::layout::rel_for("/proxy")>{words::home_ask_access_link()}</a>
                    {words::home_ask_access_after()}
                </p>
                {(me.requests_made > 0).then(|| view! {
                    <p class="body">
                        <a href="/records" class="link" rel=crate::ui::layout::rel_for("/records")>{words::home_requests_link()}</a>
                        {words::home_requests_after()}
                    </p>
                })}
                <AccountSettings me=me.clone() />
                <h2 class="heading-m">{words::home_sign_out_heading()}</h2>
                <SignOutForm
                    explanation=words::home_sign_out_explanation()
                    label=words::home_sign_out_button()
                    notice=words::home_signed_out()
                    errors=errors
                    call=|| Box::pin(sign_out())
                />
                <SignOutForm
                    explanation=words::home_everywhere_explanation()
                    label=words::home_everywhere_button()
                    notice=words::home_signed_out_everywhere()
                    class="secondary-action"
                    errors=errors
                    call=|| Box::pin(sign_out_everywhere())
                />
            </Page>
        }
        .into_any()
    })
}

#[component]
fn AccountSettings(me: HomeData) -> impl IntoView {
    view! {
        <h2 class="heading-m">{words::home_settings_heading()}</h2>
        <dl class="summary-list">
            <SummaryRow key=words::home_username() value=me.username />
            <SummaryRow
                key=words::home_email()
                value=me.email.unwrap_or_else(|| words::home_email_not_confirmed().into())
                change=Some(CHANGE_EMAIL)
                what=words::home_email_what()
            />
            <SummaryRow
                key=words::home_password()
                value=words::home_password_hidden()
                change=Some(CHANGE_PASSWORD)
                what=words::home_password_what()
            />
        </dl>
    }
}

type Call = Pin<Box<dyn Future<Output = Result<(), AppError>>>>;

/// One way of signing out: what it does, and its button. Either way the
/// person lands on the sign-in page, told what happened.
#[component]
fn SignOutForm(
    explanation: &'static str,
    label: &'static str,
    notice: &'static str,
    call: fn() -> Call,
    #[prop(optional)] class: &'static str,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let state = AccountState::get();
    let pending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let navigate = navigate.clone();
        submit_checked(errors, pending, Vec::new(), call(), move |()| {
            state.signed_out(&navigate, notice)
        });
    };
    view! {
        <form novalidate on:submit=on_submit class=class>
            <p class="body">{explanation}</p>
            <SubmitButton label=label pending=pending />
        </form>
    }
}
