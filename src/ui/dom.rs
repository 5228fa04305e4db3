//! The few browser calls pages need, in one place.

use serde::{Serialize, de::DeserializeOwned};
use wasm_bindgen::JsCast;

/// "Enter your access code – Patient Portal", with "Error: " first while
/// the page shows errors.
pub fn set_title(page: &str, has_errors: bool) {
    use crate::words;
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        let prefix = if has_errors { words::title_error() } else { "" };
        doc.set_title(&format!("{prefix}{page} – {}", words::service_name()));
    }
}

/// Moves keyboard focus to the element with `id`, after the browser has drawn it.
pub fn focus_id(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    });
}

fn request_animation_frame(f: impl FnOnce() + 'static) {
    leptos::prelude::request_animation_frame(f);
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok()?
}

/// Reads a value kept for this tab; anything unreadable counts as absent.
pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = session_storage()?.get_item(key).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (session_storage(), serde_json::to_string(value)) {
        let _ = storage.set_item(key, &text);
    }
}

pub fn forget(key: &str) {
    if let Some(storage) = session_storage() {
        let _ = storage.remove_item(key);
    }
}

/// The site settings the server wrote into the page (see `api::SiteSettings`).
pub fn site_settings() -> crate::api::SiteSettings {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector("meta[name=frontdesk-settings]")
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default()
}

/// A full page load of `path`: for moving to another of the apps.
pub fn go_to(path: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().assign(path);
    }
}

/// Opens the browser's print dialog.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// The line the sign-in page (or the next account page) shows first.
pub const NOTICE_KEY: &str = "frontdesk.account.notice";
/// The page someone was sent to sign in from.
const AFTER_SIGN_IN_KEY: &str = "frontdesk.after-sign-in";

/// Sends a signed-out person to sign in, saying `why`; signing in brings
/// them back to this page.
pub fn sign_in_first(why: &str) {
    come_back_here_after_sign_in();
    save(NOTICE_KEY, &why);
    go_to("/signin");
}

/// Signing in next brings the person back to this page.
pub fn come_back_here_after_sign_in() {
    if let Some(location) = web_sys::window().map(|w| w.location()) {
        let path = location.pathname().unwrap_or_default();
        let query = location.search().unwrap_or_default();
        save(AFTER_SIGN_IN_KEY, &format!("{path}{query}"));
    }
}

/// Where signing in leads: the page that sent the person (once), when it
/// is one of ours.
pub fn take_after_sign_in() -> Option<String> {
    let path = load::<String>(AFTER_SIGN_IN_KEY);
    forget(AFTER_SIGN_IN_KEY);
    path.filter(|p| crate::routes::is_local_page(p))
}

/// Removes the element with `id`, if there is one.
pub fn remove_by_id(id: &str) {
    if let Some(el) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    {
        el.remove();
    }
}
