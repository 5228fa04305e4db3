//! Every word a patient reads comes from the catalogs in `locales/` (see
//! `build/words.rs`): one function per message (`words::start_heading()`,
//! `words::code_expired_on(date)`), so a key no catalog has, or a missing
//! placeable, does not compile. The words themselves are data: the browser
//! fetches its language's catalog before the app starts; the server holds
//! every catalog and answers each request in the language the request
//! asks for ([`scope`]), and each email in its recipient's ([`in_language`]).

use serde::{Deserialize, Serialize};

#[allow(clippy::all)]
mod catalog {
    include!(concat!(env!("OUT_DIR"), "/words.rs"));
}
pub use catalog::*;

/// U+001A and an argument's number: a placeable in a catalog's message.
const PLACEABLE: char = '\u{1a}';
/// U+001E: between two messages of a catalog file.
const SEPARATOR: char = '\u{1e}';

/// A language Front Desk speaks; `LANGUAGES` (from the catalogs) in order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Es,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Es];

    /// The BCP 47 code (`lang` attributes, the cookie, the database).
    pub fn code(self) -> &'static str {
        LANGUAGES[self as usize].0
    }

    /// Its name in itself: "English", "Español".
    pub fn name(self) -> &'static str {
        LANGUAGES[self as usize].1
    }

    /// Its name in English, for the help desk console (which is English).
    pub fn english_name(self) -> &'static str {
        match self {
            Language::En => "English",
            Language::Es => "Spanish",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        let primary = code.split(['-', '_']).next().unwrap_or_default();
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(primary))
    }

    /// The first language of an `Accept-Language` header that Front Desk
    /// speaks ("es-MX, en;q=0.5" → Spanish).
    #[cfg(feature = "ssr")]
    pub fn preferred(accept_language: &str) -> Option<Language> {
        accept_language::parse(accept_language)
            .iter()
            .find_map(|tag| Language::from_code(tag))
    }

    /// The address of its browser catalog (cached for good: the address
    /// changes with the words).
    pub fn catalog_path(self) -> String {
        format!("/words/{}-{CATALOG_HASH}.txt", self.code())
    }
}

/// Reading a stored language: one this build does not speak is a
/// decoding error.
impl TryFrom<String> for Language {
    type Error = String;

    fn try_from(code: String) -> Result<Language, String> {
        Language::from_code(&code).ok_or_else(|| format!("unknown language {code:?}"))
    }
}

/// A message with its placeables filled in, in the English order.
pub fn format(id: usize, args: &[&str]) -> String {
    let text = text(id);
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(at) = rest.find(PLACEABLE) {
        out.push_str(&rest[..at]);
        let after = &rest[at + PLACEABLE.len_utf8()..];
        let mut chars = after.chars();
        if let Some(n) = chars.next().and_then(|c| c.to_digit(10)) {
            out.push_str(args.get(n as usize).copied().unwrap_or_default());
        }
        rest = chars.as_str();
    }
    out.push_str(rest);
    out
}

/// Splits a catalog file into its messages.
fn messages(file: &'static str) -> Vec<&'static str> {
    file.split(SEPARATOR).collect()
}

#[cfg(feature = "ssr")]
mod current {
    use super::{CATALOG_FILES, Language, messages};
    use std::sync::LazyLock;

    static CATALOGS: LazyLock<Vec<Vec<&'static str>>> =
        LazyLock::new(|| CATALOG_FILES.iter().map(|f| messages(f)).collect());

    tokio::task_local! {
        static LANGUAGE: Language;
    }

    /// The language of the request (or email) being answered: English
    /// outside any.
    pub fn language() -> Language {
        LANGUAGE.try_with(|l| *l).unwrap_or_default()
    }

    pub fn text(id: usize) -> &'static str {
        CATALOGS[language() as usize][id]
    }

    /// Runs a request's work in `language`.
    pub async fn scope<F: std::future::Future>(language: Language, work: F) -> F::Output {
        LANGUAGE.scope(language, work).await
    }

    /// Words made in `language`: an email, a letter.
    pub fn in_language<T>(language: Language, make: impl FnOnce() -> T) -> T {
        LANGUAGE.sync_scope(language, make)
    }

    /// The browser's catalog of `language`: the messages it uses.
    pub fn browser_catalog(language: Language) -> String {
        CATALOGS[language as usize][..super::BROWSER_COUNT].join(&super::SEPARATOR.to_string())
    }
}

#[cfg(not(feature = "ssr"))]
mod current {
    use super::{Language, messages};
    use std::cell::Cell;

    thread_local! {
        static CATALOG: Cell<(Language, &'static [&'static str])> = const { Cell::new((Language::En, &[])) };
    }

    pub fn language() -> Language {
        CATALOG.with(|c| c.get().0)
    }

    /// An empty string before [`install`]: nothing shows before the words.
    pub fn text(id: usize) -> &'static str {
        CATALOG.with(|c| c.get().1.get(id).copied().unwrap_or_default())
    }

    /// Makes `file` (a fetched catalog) the words of the page. It lives as
    /// long as the page: a page installs one per language it switches to.
    pub fn install(language: Language, file: String) {
        let file: &'static str = Box::leak(file.into_boxed_str());
        let list: &'static [&'static str] = Box::leak(messages(file).into_boxed_slice());
        CATALOG.with(|c| c.set((language, list)));
    }
}

pub use current::*;

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    #[test]
    fn placeables_go_where_each_language_puts_them() {
        assert_eq!(date_long("December", "1", "2026"), "December 1, 2026");
        let spanish = in_language(Language::Es, || date_long(month_12(), "1", "2026"));
        assert_eq!(spanish, "1 de diciembre de 2026");
        assert_eq!(
            in_language(Language::Es, || crate::domain::date::Date::new(2026, 12, 1)
                .map(|d| d.to_string())),
            Some("1 de diciembre de 2026".to_string())
        );
    }

    #[test]
    fn outside_any_request_the_words_are_english() {
        assert_eq!(language(), Language::En);
        assert_eq!(service_name(), "Patient Portal");
        assert_eq!(
            in_language(Language::Es, service_name),
            "Portal del Paciente"
        );
    }

    #[test]
    fn the_browsers_preferred_languages_choose() {
        assert_eq!(Language::preferred("es-MX, en;q=0.5"), Some(Language::Es));
        assert_eq!(Language::preferred("en-US,es;q=0.9"), Some(Language::En));
        assert_eq!(Language::preferred("fr-CA, es;q=0.4"), Some(Language::Es));
        assert_eq!(Language::preferred("fr, de"), None);
        assert_eq!(Language::preferred(""), None);
        assert_eq!(Language::from_code("ES"), Some(Language::Es));
        assert_eq!(Language::from_code("es_US"), Some(Language::Es));
        assert_eq!(Language::from_code("xx"), None);
    }

    #[test]
    fn every_language_has_its_own_name_and_code() {
        for (i, language) in Language::ALL.into_iter().enumerate() {
            assert_eq!(language as usize, i, "Language::ALL follows LANGUAGES");
            assert_eq!(Language::from_code(language.code()), Some(language));
            assert_eq!(in_language(language, language_name), language.name());
        }
        assert_eq!(Language::ALL.len(), LANGUAGES.len());
    }

    #[test]
    fn the_browser_catalog_is_the_first_messages_and_has_no_servers_own() {
        for language in Language::ALL {
            let file = browser_catalog(language);
            assert_eq!(file.split(SEPARATOR).count(), BROWSER_COUNT);
        }
        assert_eq!(
            Language::Es.catalog_path(),
            format!("/words/es-{CATALOG_HASH}.txt")
        );
    }

    /// Lower case without accents, for comparing terms.
    fn folded(text: &str) -> String {
        text.nfd()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
            .collect::<String>()
            .to_lowercase()
    }

    #[test]
    fn every_message_uses_the_glossary_terms() {
        let glossary = include_str!("../../locales/glossary.tsv");
        let mut problems = Vec::new();
        for (number, line) in glossary.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let Some((english, spanish)) = line.split_once('\t') else {
                panic!(
                    "locales/glossary.tsv:{}: English, a tab, Spanish",
                    number + 1
                );
            };
            let english: Vec<String> = english.split('|').map(folded).collect();
            let spanish: Vec<String> = spanish.split('|').map(folded).collect();
            for (id, index) in IDS.iter().zip(0..) {
                let en = folded(in_language(Language::En, || text(index)));
                let es = folded(in_language(Language::Es, || text(index)));
                if english.iter().any(|term| en.contains(term.as_str()))
                    && !spanish.iter().any(|term| es.contains(term.as_str()))
                {
                    problems.push(format!(
                        "{id}: says {:?}, the Spanish not {:?}",
                        english[0], spanish[0]
                    ));
                }
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
