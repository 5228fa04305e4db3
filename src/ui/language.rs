//! The page's language. An app starts once its language's catalog has
//! arrived (the server names the language in `<html lang>` and has the
//! browser fetch the catalog while the app loads); switching language
//! fetches the other catalog and draws the app again in it, keeping every
//! answer typed on the page.

use crate::words::{self, Area, Language};
use leptos::prelude::*;
use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// Mounts the app and gives back its mounted view (dropping it unmounts).
/// A closure over the app's own view type: erasing the type (`AnyView`)
/// would keep code to redraw the whole app in place, which nothing uses.
type Mount = Rc<dyn Fn() -> Box<dyn Any>>;

thread_local! {
    /// How to mount the app on the page, and its mounted view.
    static MOUNTED: RefCell<Option<(Mount, Box<dyn Any>)>> = const { RefCell::new(None) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The language the server wrote into `<html lang>`.
fn page_language() -> Language {
    document()
        .and_then(|d| d.document_element())
        .and_then(|e| e.get_attribute("lang"))
        .and_then(|code| Language::from_code(&code))
        .unwrap_or_default()
}

/// Fetches `areas` of `language`'s catalog (one file) and makes them the
/// page's words; false (nothing changed) unless they all arrive.
async fn install_areas(language: Language, areas: Vec<Area>) -> bool {
    let Ok(response) = gloo_net::http::Request::get(&language.areas_path(&areas))
        .send()
        .await
    else {
        return false;
    };
    match response.text().await {
        Ok(file) if response.ok() => words::install(language, &areas, file),
        _ => false,
    }
}

/// The areas of the catalog this app uses: the server names them in the
/// page (`<link data-words="common+validation">`, fetched while the app
/// loads).
fn app_areas() -> Vec<Area> {
    document()
        .and_then(|d| d.query_selector("link[data-words]").ok().flatten())
        .and_then(|link| link.get_attribute("data-words"))
        .map(|names| names.split('+').filter_map(Area::named).collect())
        .unwrap_or_default()
}

/// Starts `app` in the page's language, once its words have arrived. If
/// they cannot be fetched, the page (still the server's) says so in its
/// language.
pub fn start<N: IntoView + 'static>(app: fn() -> N) {
    let mount: Mount = Rc::new(move || {
        let body = document()
            .and_then(|d| d.body())
            .expect("a page has a body");
        Box::new(leptos::mount::mount_to(body, app))
    });
    // Before the app mounts, Leptos's task executor is not started yet.
    wasm_bindgen_futures::spawn_local(async move {
        if install_areas(page_language(), app_areas()).await {
            words::on_missing(fetch_missing);
            show(mount);
        } else if let Some(d) = document() {
            if let Some(status) = d.get_element_by_id("app-status") {
                status.remove();
            }
            if let Some(failed) = d.get_element_by_id("app-failed") {
                let _ = failed.remove_attribute("hidden");
                let _ = failed.set_attribute("role", "alert");
            }
        }
    });
}

fn show(mount: Mount) {
    let view = mount();
    MOUNTED.with(|m| *m.borrow_mut() = Some((mount, view)));
}

/// Draws the app again (in the words installed now), keeping every answer
/// typed on the page.
fn redraw() {
    let typed = typed_answers();
    let app = MOUNTED.with(|m| m.borrow_mut().take());
    if let Some((mount, view)) = app {
        drop(view);
        show(mount);
    }
    put_back(&typed);
}

/// A page asked words of an area its app does not list (the route table's
/// words column should): fetch it and draw the page again with them.
fn fetch_missing() {
    // Said on the page, for the browser tests to catch the table's gap.
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-words-late", "");
    }
    wasm_bindgen_futures::spawn_local(async {
        draw_in(words::language()).await;
    });
}

/// Fetches every area the page has or asked for in `language`, installs
/// them and draws the app again, keeping what was typed. False when the
/// words could not be fetched: the page is left as it was.
async fn draw_in(language: Language) -> bool {
    if !install_areas(language, words::wanted()).await {
        return false;
    }
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", language.code());
    }
    redraw();
    true
}

/// Switches the page to `language` at once and remembers the choice (the
/// cookie the server reads too). False when the words could not be
/// fetched: the page is left as it was.
pub async fn switch_to(language: Language) -> bool {
    if !draw_in(language).await {
        return false;
    }
    remember(language);
    super::dom::focus_id(LANGUAGE_LINK);
    true
}

/// Keeps `language` as the reader's choice for a year (the cookie the
/// server reads).
pub fn remember(language: Language) {
    if let Some(html) = document().and_then(|d| d.dyn_into::<web_sys::HtmlDocument>().ok()) {
        let _ = html.set_cookie(&format!(
            "frontdesk_lang={}; Path=/; SameSite=Lax; Max-Age=31536000",
            language.code()
        ));
    }
}

/// The id of the language link, where focus returns after a switch.
pub const LANGUAGE_LINK: &str = "language-link";

/// What a field holds: its id, and its text or whether it is ticked.
enum Answer {
    Text(String, String),
    Ticked(String, bool),
}

fn fields() -> Vec<web_sys::Element> {
    let Some(list) = document().and_then(|d| d.query_selector_all("input, select, textarea").ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|e| !e.id().is_empty())
        .collect()
}

/// Every answer on the page, before it is drawn again (in memory only).
fn typed_answers() -> Vec<Answer> {
    fields()
        .into_iter()
        .filter_map(|e| {
            if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
                let kind = input.type_();
                if kind == "radio" || kind == "checkbox" {
                    return Some(Answer::Ticked(e.id(), input.checked()));
                }
                return Some(Answer::Text(e.id(), input.value()));
            }
            if let Some(select) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
                return Some(Answer::Text(e.id(), select.value()));
            }
            e.dyn_ref::<web_sys::HtmlTextAreaElement>()
                .map(|area| Answer::Text(e.id(), area.value()))
        })
        .collect()
}

/// Puts the answers back into the page drawn again, telling the app as if
/// they were typed (so its state and saved answers follow).
fn put_back(answers: &[Answer]) {
    let Some(d) = document() else { return };
    for answer in answers {
        let (id, event) = match answer {
            Answer::Text(id, value) => {
                let Some(e) = d.get_element_by_id(id) else {
                    continue;
                };
                if let Some(input) = e.dyn_ref::<web_sys::HtmlInputElement>() {
                    if input.value() == *value {
                        continue;
                    }
                    input.set_value(value);
                } else if let Some(select) = e.dyn_ref::<web_sys::HtmlSelectElement>() {
                    if select.value() == *value {
                        continue;
                    }
                    select.set_value(value);
                } else if let Some(area) = e.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    if area.value() == *value {
                        continue;
                    }
                    area.set_value(value);
                }
                (
                    id,
                    if e.tag_name() == "SELECT" {
                        "change"
                    } else {
                        "input"
                    },
                )
            }
            Answer::Ticked(id, ticked) => {
                let Some(input) = d
                    .get_element_by_id(id)
                    .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
                else {
                    continue;
                };
                if input.checked() == *ticked {
                    continue;
                }
                input.set_checked(*ticked);
                (id, "change")
            }
        };
        // Bubbling, as a typed one does (the app listens at the document).
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let (Some(e), Ok(event)) = (
            d.get_element_by_id(id),
            web_sys::Event::new_with_event_init_dict(event, &init),
        ) {
            let _ = e.dispatch_event(&event);
        }
    }
}

/// The links to the other languages, each named in its own language.
#[component]
pub fn LanguageLinks() -> impl IntoView {
    let here = words::language();
    Language::ALL
        .into_iter()
        .filter(move |l| *l != here)
        .map(|language| {
            let href = format!("?lang={}", language.code());
            view! {
                <a
                    class="header__language"
                    id=LANGUAGE_LINK
                    href=href.clone()
                    lang=language.code()
                    hreflang=language.code()
                    on:click=move |ev| {
                        ev.prevent_default();
                        let href = href.clone();
                        leptos::task::spawn_local(async move {
                            // Without the catalog, a full load in the language.
                            if !switch_to(language).await
                                && let Some(w) = web_sys::window()
                            {
                                let _ = w.location().set_search(&href);
                            }
                        });
                    }
                >
                    {language.name()}
                </a>
            }
        })
        .collect_view()
}
