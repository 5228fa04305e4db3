use super::{HOME, StaffState, console_page};
use crate::domain::staff::Permission;
use crate::ui::components::Page;
use leptos::prelude::*;

/// `/staff/letter`: the mail letter just made, ready to print. The code is
/// in memory only: a reload shows how to make another.
#[component]
pub fn LetterPage() -> impl IntoView {
    console_page(Permission::IssueCodes, |_| {
        let Some(l) = StaffState::get().letter.get_untracked() else {
            return view! {
                <Page heading="No letter to print" back=HOME>
                    <p class="body">
                        "A letter can be printed only right after its code is issued, because codes are \
                         never stored. Find the patient and print a new letter (it ends the older code)."
                    </p>
                </Page>
            }
            .into_any();
        };
        let address = std::iter::once(l.name.clone())
            .chain(l.address.iter().cloned())
            .collect::<Vec<_>>()
            .join("\n");
        view! {
            <Page heading="Print the letter" back=HOME>
                <p class="body no-print">
                    "Print this page and mail it in a windowed envelope. The code is shown only now."
                </p>
                <button type="button" class="button no-print" on:click=|_| {
                    if let Some(window) = web_sys::window() {
                        let _ = window.print();
                    }
                }>"Print"</button>
                <article class="letter" aria-label="Letter" lang=l.language.clone()>
                    <p class="letter__address">{address}</p>
                    <div class="letter__body">
                        {l.before_code.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                        <p class="letter__code">{l.code.clone()}</p>
                        <p>{l.after_code.clone()}</p>
                        <ol>{l.steps.iter().map(|s| view! { <li>{s.clone()}</li> }).collect_view()}</ol>
                        <p>{l.closing.clone()}</p>
                    </div>
                </article>
            </Page>
        }
        .into_any()
    })
}
