use leptos::prelude::*;
use std::future::Future;

/// The form's submit button. While `pending` it says so and the form ignores
/// further submits (it stays focusable, so keyboard users keep their place).
#[component]
pub fn SubmitButton(label: &'static str, pending: RwSignal<bool>) -> impl IntoView {
    view! {
        <button
            type="submit"
            class="button"
            class:button--pending=move || pending.get()
            aria-disabled=move || pending.get().then_some("true")
        >
            {move || if pending.get() { "Please wait…" } else { label }}
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
