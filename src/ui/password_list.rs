//! The common-password list, fetched from the server the first time a page
//! needs it (it is the largest piece of data the checklist uses, so it stays
//! out of the first load). The server checks every password with the same
//! list whatever the browser has.

use crate::domain::password::{CommonPasswords, SERVED_AT};
use leptos::prelude::*;

#[derive(Clone, Copy)]
pub struct PasswordList {
    text: RwSignal<Option<String>>,
    loading: StoredValue<bool>,
}

impl PasswordList {
    pub fn provide() {
        provide_context(PasswordList {
            text: RwSignal::new(None),
            loading: StoredValue::new(false),
        });
    }

    /// The list, starting its download if no one has yet.
    pub fn get() -> Self {
        let list: PasswordList = expect_context();
        list.ensure_loaded();
        list
    }

    fn ensure_loaded(self) {
        if self.loading.get_value() || self.text.with_untracked(Option::is_some) {
            return;
        }
        self.loading.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(response) = gloo_net::http::Request::get(SERVED_AT).send().await
                && response.ok()
                && let Ok(text) = response.text().await
            {
                self.text.set(Some(text));
            }
            // After a failure the next page that asks tries again.
            self.loading.set_value(false);
        });
    }

    pub fn loaded(self) -> bool {
        self.text.with(Option::is_some)
    }

    /// Runs `f` with the list as far as it is known (reactive).
    pub fn with<R>(self, f: impl FnOnce(CommonPasswords) -> R) -> R {
        self.text.with(|text| match text {
            Some(text) => f(CommonPasswords::from_text(text)),
            None => f(CommonPasswords::not_loaded()),
        })
    }
}
