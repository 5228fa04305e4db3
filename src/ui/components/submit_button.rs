use super::help_desk_phone;
use crate::api::{AppError, FieldError};
use crate::words;
use leptos::prelude::*;
use std::future::Future;

/// The form's submit button. While `pending` it says so, to screen readers
/// too (it is its own polite live region), and the form ignores further
/// submits (it stays focusable, so keyboard users keep their place). Inside
/// `.secondary-action` it looks secondary: one green button per page.
#[component]
pub fn SubmitButton(label: &'static str, pending: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="button"
            class:button--pending=move || pending.get()
            aria-disabled=move || pending.get().then_some("true")
            aria-live="polite"
        >
            {move || if pending.get() { words::please_wait() } else { label }}
        </button>
    }
}

/// Runs one server call at a time: a second submit while `pending` is ignored.
pub fn submit_once(pending: RwSignal<bool>, call: impl Future<Output = ()> + 'static) {
    if pending.get_untracked() {
        return;
    }
    pending.set(true);
    leptos::task::spawn_local(async move {
        call.await;
        pending.set(false);
    });
}

/// Shows a server's answer in a page's error summary: its field errors, or
/// its message (naming the help desk) when it is not about a field.
pub fn show_error(errors: RwSignal<Vec<FieldError>>, error: AppError) {
    match error {
        AppError::Invalid { errors: found } => errors.set(found),
        other => errors.set(vec![FieldError::new("", other.message(&help_desk_phone()))]),
    }
}

/// A form's submit: shows `problems` (the browser's check) if any; else
/// sends `call` once and passes its answer to `done`, or shows its error.
pub fn submit_checked<T: 'static>(
    errors: RwSignal<Vec<FieldError>>,
    pending: RwSignal<bool>,
    problems: Vec<FieldError>,
    call: impl Future<Output = Result<T, AppError>> + 'static,
    done: impl FnOnce(T) + 'static,
) {
    submit_checked_or(errors, pending, problems, call, done, move |error| {
        show_error(errors, error)
    });
}

/// `submit_checked` with the page's own handling of the server's errors.
pub fn submit_checked_or<T: 'static>(
    errors: RwSignal<Vec<FieldError>>,
    pending: RwSignal<bool>,
    problems: Vec<FieldError>,
    call: impl Future<Output = Result<T, AppError>> + 'static,
    done: impl FnOnce(T) + 'static,
    failed: impl FnOnce(AppError) + 'static,
) {
    if !problems.is_empty() {
        errors.set(problems);
        return;
    }
    submit_once(pending, async move {
        match call.await {
            Ok(answer) => {
                errors.set(Vec::new());
                done(answer);
            }
            Err(error) => failed(error),
        }
    });
}
