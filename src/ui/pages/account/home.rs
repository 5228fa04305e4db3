use super::{AccountState, CHANGE_EMAIL, CHANGE_PASSWORD, Notice, signed_in};
use crate::api::signin::{HomeData, sign_out, sign_out_everywhere};
use crate::api::{AppError, FieldError};
use crate::ui::components::{Page, SubmitButton, SummaryRow, submit_checked};
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
            <Page heading=format!("Hello, {} {}", me.first_name, me.last_name) errors=errors>
                <Notice />
                {me.email_to_confirm.clone().map(|masked| view! {
                    <div class="notice" role="status">
                        <h2 class="heading-m">"Confirm your email address"</h2>
                        <p class="body">
                            {format!("We sent a 6-digit code to {masked}. Until you enter it, we cannot \
                                      email you password reset codes or other messages about your account. ")}
                            <a href=CHANGE_EMAIL class="link" rel=crate::ui::layout::rel_for(CHANGE_EMAIL)>"Enter the code"</a>
                        </p>
                    </div>
                })}
                {(me.waiting_for_you > 0).then(|| view! {
                    <div class="notice">
                        <p class="body">
                            {match me.waiting_for_you {
                                1 => "Someone asked for access to your record and is waiting for your answer. ".to_string(),
                                n => format!("{n} people asked for access to your record and are waiting for your answer. "),
                            }}
                            <a href="/records" class="link" rel=crate::ui::layout::rel_for("/records")>"Answer on your record page"</a>
                        </p>
                    </div>
                })}
                {(!me.warnings.is_empty()).then(|| view! {
                    <div class="notice">
                        {me.warnings.iter().map(|w| view! { <p class="body">{w.clone()}</p> }).collect_view()}
                    </div>
                })}
                <h2 class="heading-m">"Records you can open"</h2>
                <ul class="list list--bullet">
                    {me.records.iter().map(|record| view! {
                        <li>
                            <a href=record.href.clone() class="link" rel=crate::ui::layout::rel_for(&record.href)>{record.name.clone()}</a>
                            " – "{record.relationship.clone()}
                            {record.renew.map(|grant| {
                                let href = format!("/proxy/renew/{grant}");
                                let rel = crate::ui::layout::rel_for(&href);
                                view! { " " <a href=href class="link" rel=rel>"Renew access"</a> }
                            })}
                        </li>
                    }).collect_view()}
                </ul>
                <p class="body">
                    <a href="/proxy" class="link" rel=crate::ui::layout::rel_for("/proxy")>"Ask for access to someone else's record"</a>
                    " – for a parent, guardian, power of attorney or caregiver."
                </p>
                {(me.requests_made > 0).then(|| view! {
                    <p class="body">
                        <a href="/records" class="link" rel=crate::ui::layout::rel_for("/records")>"See where your requests for access stand"</a>
                        " on your record page."
                    </p>
                })}
                <AccountSettings me=me.clone() />
                <h2 class="heading-m">"Sign out"</h2>
                <SignOutForm
                    explanation="Sign out when you finish, especially on a shared computer."
                    label="Sign out"
                    notice="You have signed out."
                    errors=errors
                    call=|| Box::pin(sign_out())
                />
                <SignOutForm
                    explanation="If you think someone else has used your account, sign out on every \
                                 phone, tablet and computer, then change your password."
                    label="Sign out everywhere"
                    notice="You have signed out on every device."
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
        <h2 class="heading-m">"Account settings"</h2>
        <dl class="summary-list">
            <SummaryRow key="Username" value=me.username />
            <SummaryRow
                key="Email address"
                value=me.email.unwrap_or_else(|| "Not confirmed yet".into())
                change=Some(CHANGE_EMAIL)
                what="email address"
            />
            <SummaryRow key="Password" value="Hidden for your security" change=Some(CHANGE_PASSWORD) what="password" />
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
