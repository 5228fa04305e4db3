//! The building blocks of every page, following the GOV.UK Design System
//! patterns: one error summary, labelled fields with hints and inline errors,
//! three-box dates, a password field with a live checklist, and a submit
//! button that cannot fire twice.

mod choices;
mod date_input;
mod error_summary;
pub mod page;
mod password_field;
mod submit_button;
mod summary_list;
mod text_field;

pub use choices::{Checkbox, Radios, Select, TextArea};
pub use date_input::DateInput;
pub use error_summary::ErrorSummary;
pub use page::Page;
pub use password_field::{CurrentPasswordField, PasswordField};
pub use submit_button::{SubmitButton, show_error, submit_checked, submit_checked_or, submit_once};
pub use summary_list::SummaryRow;
pub use text_field::{EmailCodeField, EmailField, TextField};

use crate::api::FieldError;
use crate::words;
use leptos::prelude::*;

/// The first error for `field`, as a reactive value.
pub fn error_for(
    errors: RwSignal<Vec<FieldError>>,
    field: &'static str,
) -> Memo<Option<FieldError>> {
    Memo::new(move |_| errors.with(|list| list.iter().find(|e| e.field == field).cloned()))
}

/// A field's `aria-describedby`: the ids of what always describes it (hint,
/// checklist), then its inline error while one is shown.
pub fn described_by(
    always: Vec<String>,
    error_id: String,
    error: Memo<Option<FieldError>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let mut ids = always.clone();
        if error.with(Option::is_some) {
            ids.push(error_id.clone());
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The inline error, worded as in the summary.
#[component]
pub fn ErrorMessage(id: String, message: String) -> impl IntoView {
    view! {
        <p class="error-message" id=id>
            <span class="visually-hidden">{words::error_prefix()}</span>
            {message}
        </p>
    }
}

/// A field's inline error while it has one. Every field uses this one
/// component (and `has_error`), so the browser build carries their reactive
/// rendering once rather than once per kind of field.
#[component]
pub fn InlineError(error: Memo<Option<FieldError>>, id: String) -> impl IntoView {
    move || {
        error
            .get()
            .map(|e| view! { <ErrorMessage id=id.clone() message=e.message /> })
    }
}

/// A fieldset's legend. On a page that asks one question the question is the
/// legend, as the page's heading (not a second heading above it).
#[component]
pub fn Legend(text: &'static str, page_heading: bool) -> impl IntoView {
    view! {
        <legend class="fieldset__legend">
            {if page_heading {
                view! { <h1 class="heading-l fieldset__heading">{text}</h1> }.into_any()
            } else {
                text.into_any()
            }}
        </legend>
    }
}

/// For `class:…--error`: whether the field has an error now.
pub fn has_error(error: Memo<Option<FieldError>>) -> impl Fn() -> bool + Copy + Send + Sync {
    move || error.with(Option::is_some)
}

/// The help desk's number (from the site settings) as a link that dials it.
#[component]
pub fn HelpDeskLink() -> impl IntoView {
    let phone = help_desk_phone();
    let href = crate::domain::person::tel_href(&phone);
    view! { <a href=href class="link">{phone}</a> }
}

/// The configured help-desk number.
pub fn help_desk_phone() -> String {
    use_context::<crate::api::SiteSettings>()
        .unwrap_or_default()
        .help_desk_phone
}

/// Sends the person to `path`, replacing this page in the history (so Back
/// does not return here), and shows nothing meanwhile. For pages reached
/// without the answers they need.
pub fn redirect(path: &'static str) -> AnyView {
    let navigate = leptos_router::hooks::use_navigate();
    request_animation_frame(move || {
        let options = leptos_router::NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(path, options);
    });
    ().into_any()
}

/// The ways in for someone without an access code.
#[component]
pub fn NoAccessCode() -> impl IntoView {
    view! {
        <h2 class="heading-m">{words::no_code_heading()}</h2>
        <ul class="list list--bullet">
            <li>
                <Link href="/signup/verify">{words::no_code_verify()}</Link>
                {words::no_code_verify_why()}
            </li>
            <li>
                <Link href="/signup/new-code">{words::no_code_new()}</Link>
                {words::no_code_new_why()}
            </li>
            <li><Link href="/signup/status">{words::no_code_status()}</Link></li>
            <li>{words::no_code_call()}<HelpDeskLink />{words::no_code_call_hours()}</li>
        </ul>
    }
}

/// "I do not have an email address": why an account needs one, and the way
/// to get records without one.
#[component]
pub fn NoEmail() -> impl IntoView {
    view! {
        <details class="details">
            <summary class="details__summary">{words::no_email_summary()}</summary>
            <div class="details__text">
                <p class="body">{words::no_email_why()}</p>
                <p class="body">
                    {words::no_email_records()}
                    <Link href="/records-request">{words::no_email_records_link()}</Link>"."
                </p>
            </div>
        </details>
    }
}

/// A link to a page of any of the apps: the router follows it when the page
/// is in this app, the browser (a full load) when it is in another.
#[component]
pub fn Link(
    href: &'static str,
    #[prop(default = "link")] class: &'static str,
    /// For links styled as start buttons.
    #[prop(optional)]
    role: Option<&'static str>,
    children: Children,
) -> impl IntoView {
    view! { <a href=href class=class role=role rel=crate::ui::layout::rel_for(href)>{children()}</a> }
}
