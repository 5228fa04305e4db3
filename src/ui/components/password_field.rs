use super::{InlineError, described_by, error_for, has_error};
use crate::api::FieldError;
use crate::domain::password::{MAX_CHARS, MIN_CHARS};
use crate::ui::password_list::PasswordList;
use crate::words;
use leptos::prelude::*;

/// A new-password input with a Show/Hide button and a live checklist of the
/// requirements, computed by the same rule the server applies.
#[component]
pub fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
    /// The username typed on the same page.
    username: RwSignal<String>,
    /// The person's names, which a password must not contain.
    names: Signal<Vec<String>>,
) -> impl IntoView {
    let error = error_for(errors, id);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let checklist_id = format!("{id}-checklist");
    let described_by = described_by(
        vec![hint_id.clone(), checklist_id.clone()],
        error_id.clone(),
        error,
    );
    let list = PasswordList::get();
    let check = Memo::new(move |_| {
        let names = names.get();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        list.with(|common| value.with(|p| username.with(|u| common.check(p, u.trim(), &names))))
    });
    let length = move || value.with(|p| p.chars().count());
    let typed = move || length() > 0;
    let item = move |text: Signal<String>, met: Signal<bool>| {
        view! {
            <li class="checklist__item" class:checklist__item--met=move || met.get()>
                <span class="visually-hidden">{move || if met.get() { words::done_prefix() } else { words::not_yet_prefix() }}</span>
                {text}
            </li>
        }
    };
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <label class="label" for=id>{label}</label>
            <div class="hint" id=hint_id.clone()>{words::password_hint()}</div>
            <InlineError error=error id=error_id.clone() />
            <PasswordInput id=id autocomplete="new-password" value=value error=error described_by=described_by />
            <ul class="checklist" id=checklist_id.clone()>
                {item(
                    Signal::derive(move || match length() {
                        n if n > MAX_CHARS => {
                            words::password_too_long(&MAX_CHARS.to_string(), &n.to_string())
                        }
                        0 => words::password_long_enough(&MIN_CHARS.to_string()),
                        n => words::password_long_enough_count(&MIN_CHARS.to_string(), &n.to_string()),
                    }),
                    Signal::derive(move || check.with(|c| c.long_enough && c.not_too_long)),
                )}
                {item(
                    Signal::stored(words::password_not_common().into()),
                    // Unknown until the list arrives; the server checks regardless.
                    Signal::derive(move || typed() && list.loaded() && check.get().not_common),
                )}
                {item(
                    Signal::stored(words::password_no_username().into()),
                    Signal::derive(move || typed() && check.get().no_username),
                )}
                {item(
                    Signal::stored(words::password_no_name().into()),
                    Signal::derive(move || typed() && check.get().no_name),
                )}
            </ul>
        </div>
    }
}

/// A current-password input (to sign in, or to confirm a change), with the
/// same Show/Hide button.
#[component]
pub fn CurrentPasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let error = error_for(errors, id);
    let error_id = format!("{id}-error");
    let described_by = described_by(Vec::new(), error_id.clone(), error);
    view! {
        <div class="form-group" class:form-group--error=has_error(error)>
            <label class="label" for=id>{label}</label>
            <InlineError error=error id=error_id.clone() />
            <PasswordInput id=id autocomplete="current-password" value=value error=error described_by=described_by />
        </div>
    }
}

/// The input and its Show/Hide button (which never submits the form).
#[component]
fn PasswordInput(
    id: &'static str,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: Memo<Option<FieldError>>,
    described_by: impl Fn() -> Option<String> + Send + Sync + 'static,
) -> impl IntoView {
    let visible = RwSignal::new(false);
    view! {
            <div class="password-input">
                <input
                    class="input password-input__input input--width-30"
                    class:input--error=has_error(error)
                    id=id
                    name=id
                    type=move || if visible.get() { "text" } else { "password" }
                    autocomplete=autocomplete
                    spellcheck="false"
                    autocapitalize="none"
                    aria-describedby=described_by
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
                <button
                    type="button"
                    class="button button--secondary password-input__toggle"
                    aria-controls=id
                    on:click=move |_| visible.update(|v| *v = !*v)
                >
                    {move || if visible.get() { words::hide_password() } else { words::show_password() }}
                </button>
            </div>
    }
}
