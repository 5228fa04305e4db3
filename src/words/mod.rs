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
/// U+001D: between two areas of a file the browser fetches.
const AREA_SEPARATOR: char = '\u{1d}';

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

    /// The address of some areas of its browser catalog, fetched in one
    /// file (cached for good: the address changes with the words). The
    /// areas in id order ("common+validation").
    pub fn areas_path(self, areas: &[Area]) -> String {
        let names: Vec<&str> = areas.iter().map(|a| a.name()).collect();
        format!(
            "/words/{}-{}-{CATALOG_HASH}.txt",
            self.code(),
            names.join("+")
        )
    }

    /// The areas an address of [`Language::areas_path`] names, if it is
    /// one of this build's (the areas in id order, each once).
    pub fn areas_of_path(self, path: &str) -> Option<Vec<Area>> {
        let names = path
            .strip_prefix("/words/")?
            .strip_prefix(self.code())?
            .strip_prefix('-')?
            .strip_suffix(".txt")?
            .strip_suffix(CATALOG_HASH)?
            .strip_suffix('-')?;
        let areas: Vec<Area> = names.split('+').map(Area::named).collect::<Option<_>>()?;
        areas.windows(2).all(|w| w[0] < w[1]).then_some(areas)
    }
}

/// One area of the browser's catalog (a file of `locales/<language>/`:
/// `common`, `signup-code` …), which pages fetch whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Area(pub usize);

impl Area {
    pub fn named(name: &str) -> Option<Area> {
        AREAS.iter().position(|(n, _)| *n == name).map(Area)
    }

    pub fn name(self) -> &'static str {
        AREAS[self.0].0
    }

    /// Every area, in id order.
    pub fn all() -> impl Iterator<Item = Area> {
        (0..AREAS.len()).map(Area)
    }

    /// The area message `id` belongs to (a browser message's).
    pub fn of(id: usize) -> Area {
        Area(
            AREAS
                .partition_point(|(_, start)| *start <= id)
                .saturating_sub(1),
        )
    }

    /// Its messages' ids.
    pub fn ids(self) -> std::ops::Range<usize> {
        let end = AREAS.get(self.0 + 1).map_or(BROWSER_COUNT, |(_, s)| *s);
        AREAS[self.0].1..end
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

    /// Areas of the browser's catalog of `language`, as the browser
    /// fetches them: each area's messages, the areas apart.
    pub fn browser_catalog(language: Language, areas: &[super::Area]) -> String {
        let separator = super::SEPARATOR.to_string();
        let texts: Vec<String> = areas
            .iter()
            .map(|area| CATALOGS[language as usize][area.ids()].join(&separator))
            .collect();
        texts.join(&super::AREA_SEPARATOR.to_string())
    }
}

#[cfg(not(feature = "ssr"))]
mod current {
    use super::{Area, Language, messages};
    use std::cell::{Cell, RefCell};

    type Messages = Option<&'static [&'static str]>;

    thread_local! {
        static LANGUAGE: Cell<Language> = const { Cell::new(Language::En) };
        /// Each area's messages, once fetched.
        static AREAS: RefCell<[Messages; super::AREAS.len()]> =
            const { RefCell::new([None; super::AREAS.len()]) };
        /// Areas a page asked words of before they were fetched (bits).
        static MISSING: Cell<u32> = const { Cell::new(0) };
        static ON_MISSING: Cell<Option<fn()>> = const { Cell::new(None) };
    }

    pub fn language() -> Language {
        LANGUAGE.with(Cell::get)
    }

    /// An empty string while the message's area has not arrived: nothing
    /// shows before the words, and the page is told to fetch them. Never
    /// inlined: every message's function calls it, and one copy is what the
    /// download should carry.
    #[inline(never)]
    pub fn text(id: usize) -> &'static str {
        let area = Area::of(id);
        if let Some(list) = AREAS.with(|a| a.borrow()[area.0]) {
            return list.get(id - area.ids().start).copied().unwrap_or_default();
        }
        let bit = 1 << area.0;
        let before = MISSING.with(|m| m.replace(m.get() | bit));
        if before & bit == 0
            && let Some(hook) = ON_MISSING.with(Cell::get)
        {
            hook();
        }
        ""
    }

    /// Makes `file` (`areas` of `language`'s catalog, as fetched) words of
    /// the page. It lives as long as the page: a page installs each area
    /// once per language it switches to. False when the file does not hold
    /// those areas whole.
    pub fn install(language: Language, areas: &[Area], file: String) -> bool {
        let file: &'static str = Box::leak(file.into_boxed_str());
        let parts: Vec<&'static str> = file.split(super::AREA_SEPARATOR).collect();
        let whole = parts.len() == areas.len()
            && areas
                .iter()
                .zip(&parts)
                .all(|(area, part)| part.split(super::SEPARATOR).count() == area.ids().len());
        if !whole {
            return false;
        }
        LANGUAGE.with(|l| l.set(language));
        for (area, part) in areas.iter().zip(parts) {
            let list: &'static [&'static str] = Box::leak(messages(part).into_boxed_slice());
            AREAS.with(|a| a.borrow_mut()[area.0] = Some(list));
            MISSING.with(|m| m.set(m.get() & !(1 << area.0)));
        }
        true
    }

    /// The areas the page has, and those it asked for and has not.
    pub fn wanted() -> Vec<Area> {
        let missing = MISSING.with(Cell::get);
        AREAS.with(|a| {
            let a = a.borrow();
            Area::all()
                .filter(|area| a[area.0].is_some() || missing & (1 << area.0) != 0)
                .collect()
        })
    }

    /// `hook` runs when a page first asks words of an area not installed.
    pub fn on_missing(hook: fn()) {
        ON_MISSING.with(|h| h.set(Some(hook)));
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
    fn the_browser_catalog_is_the_first_messages_in_areas_one_per_file() {
        for language in Language::ALL {
            let all: Vec<Area> = Area::all().collect();
            let file = browser_catalog(language, &all);
            assert_eq!(file.split(AREA_SEPARATOR).count(), all.len());
            let count = file.split([AREA_SEPARATOR, SEPARATOR]).count();
            assert_eq!(count, BROWSER_COUNT, "every browser message, once");
        }
        let names: Vec<&str> = Area::all().map(Area::name).collect();
        assert!(names.contains(&"common") && names.contains(&"validation"));
        assert!(
            !names.iter().any(|n| n.contains('/')),
            "no server file: {names:?}"
        );
        // Each message belongs to the area whose ids hold it.
        for area in Area::all() {
            for id in area.ids() {
                assert_eq!(Area::of(id), area);
            }
        }
        let common = Area::named("common").unwrap();
        let validation = Area::named("validation").unwrap();
        let path = Language::Es.areas_path(&[common, validation]);
        assert_eq!(
            path,
            format!("/words/es-common+validation-{CATALOG_HASH}.txt")
        );
        assert_eq!(
            Language::Es.areas_of_path(&path),
            Some(vec![common, validation])
        );
        // Another order, a repeat, another language or build: not an address.
        let twice = format!("/words/es-common+common-{CATALOG_HASH}.txt");
        let backwards = format!("/words/es-validation+common-{CATALOG_HASH}.txt");
        for wrong in [
            twice,
            backwards,
            path.replace("es-", "en-"),
            path.replace("-c", "-x"),
        ] {
            assert_eq!(Language::Es.areas_of_path(&wrong), None, "{wrong}");
        }
        // The page-not-found page, in every app, needs only the common area.
        assert_eq!(Area::of(not_found_heading_id()), common);
    }

    /// The id of `not-found-heading`.
    fn not_found_heading_id() -> usize {
        IDS.iter()
            .position(|id| *id == "not-found-heading")
            .unwrap()
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
