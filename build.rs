//! Build script: derives the compiled-in common-password data, and compiles
//! the route table (`src/routes.txt`) into Rust for `src/routes.rs`.
//!
//! ## Common passwords
//!
//! Reads `src/domain/common_passwords.txt` (the full bundled list, most common
//! first) and writes `$OUT_DIR/common_passwords.txt`: the sorted, deduplicated,
//! newline-separated strings that `src/domain/password.rs` binary-searches.
//! Only strings that can decide the outcome for a password of 15+ characters are
//! kept (see the module doc of `password.rs` for the rule):
//!
//! * the stripped core (leading/trailing ASCII digits, ASCII punctuation and spaces
//!   removed) of each of the first `TOP_N` entries, whatever its length, because
//!   any core can be padded up to 15 characters;
//! * the stripped core of every other entry when that core has 15+ characters;
//! * every entry of 15+ characters whose core is not already kept (for example
//!   all-digit entries such as "123456789123456789", whose core is empty).
//!
//! ## Routes
//!
//! Reads `src/routes.txt` (its header says the format), checks it, and writes
//! `$OUT_DIR/route_apps.rs` (every app: folder, binary, route prefixes; the
//! main app first, folder "") and `$OUT_DIR/route_bundles.rs` (the other apps'
//! folders and prefixes, the list `bundle_of` searches): Rust expressions
//! that `src/routes.rs` includes as constants, so the wasm holds the same
//! plain table it would hold if it were written in Rust.
//!
//! ## Words
//!
//! Compiles the catalogs in `locales/` (see `build/words.rs`).
//!
//! Runs on the host for every target (including wasm32-unknown-unknown); std
//! and, for the catalogs, `fluent-syntax`.

use std::collections::BTreeSet;
use std::path::Path;
use std::{env, fs};

const LIST: &str = "src/domain/common_passwords.txt";
/// Keep in step with `MIN_CHARS` in src/domain/password.rs.
const MIN_CHARS: usize = 15;
/// Keep in step with `TOP_N` in the tests of src/domain/password.rs.
const TOP_N: usize = 10_000;

/// Keep in step with `is_affix` in src/domain/password.rs.
fn is_affix(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_punctuation() || c == ' '
}

#[path = "build/words.rs"]
mod words;

fn main() {
    common_passwords();
    routes();
    words::words();
}

fn common_passwords() {
    println!("cargo:rerun-if-changed={LIST}");
    // `sqlx::migrate!` embeds the migrations and notices a changed file, but
    // not a new one: a new migration reruns this script, which rebuilds the
    // crate with it.
    println!("cargo:rerun-if-changed=src/server/migrations");

    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by cargo");
    let list = Path::new(&manifest_dir).join(LIST);
    let text =
        fs::read_to_string(&list).unwrap_or_else(|e| panic!("reading {}: {e}", list.display()));
    let entries: Vec<String> = text
        .lines()
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(str::to_lowercase)
        .collect();

    let mut cores = BTreeSet::new();
    for (rank, entry) in entries.iter().enumerate() {
        let core = entry.trim_matches(is_affix);
        if !core.is_empty() && (rank < TOP_N || core.chars().count() >= MIN_CHARS) {
            cores.insert(core.to_owned());
        }
    }
    let mut keep = cores.clone();
    for entry in &entries {
        if entry.chars().count() >= MIN_CHARS && !cores.contains(entry.trim_matches(is_affix)) {
            keep.insert(entry.clone());
        }
    }

    // BTreeSet<String> iterates in byte order, which is what the binary search expects.
    let data = keep.into_iter().collect::<Vec<_>>().join("\n");
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR is set by cargo"))
        .join("common_passwords.txt");
    fs::write(&out, data).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}

const ROUTES: &str = "src/routes.txt";

/// One line of the route table (with its indented lines).
struct App {
    folder: String,
    binary: String,
    words: Vec<String>,
    routes: Vec<String>,
}

fn routes() {
    println!("cargo:rerun-if-changed={ROUTES}");
    let manifest_dir = env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR is set by cargo");
    let path = Path::new(&manifest_dir).join(ROUTES);
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let apps = parse_routes(&text);

    let list = |routes: &[String]| {
        let quoted: Vec<String> = routes.iter().map(|r| format!("{r:?}")).collect();
        format!("&[{}]", quoted.join(", "))
    };
    let all: Vec<String> = apps
        .iter()
        .map(|app| {
            format!(
                "App {{ folder: {:?}, binary: {:?}, words: {}, routes: {} }}",
                app.folder,
                app.binary,
                list(&app.words),
                list(&app.routes)
            )
        })
        .collect();
    let others: Vec<String> = apps[1..]
        .iter()
        .map(|app| format!("({:?}, {})", app.folder, list(&app.routes)))
        .collect();
    let out_dir = env::var("OUT_DIR").expect("OUT_DIR is set by cargo");
    for (file, items) in [("route_apps.rs", all), ("route_bundles.rs", others)] {
        let out = Path::new(&out_dir).join(file);
        let code = format!("&[\n    {},\n]\n", items.join(",\n    "));
        fs::write(&out, code).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
    }
}

/// The apps of the route table, in its order; panics, naming the line, on
/// anything the build script or the server could misread.
fn parse_routes(text: &str) -> Vec<App> {
    let mut apps: Vec<App> = Vec::new();
    for (number, raw) in text.lines().enumerate() {
        let fail = |why: &str| -> ! { panic!("{ROUTES}:{}: {why}: {raw:?}", number + 1) };
        let line = raw.split('#').next().unwrap_or_default();
        let mut words = line.split_whitespace().peekable();
        if words.peek().is_none() {
            continue;
        }
        if !line.starts_with([' ', '\t']) {
            let (Some(folder), Some(binary), Some(_stylesheets), Some(areas)) =
                (words.next(), words.next(), words.next(), words.next())
            else {
                fail("an app needs its folder, binary, stylesheets, words and route prefixes");
            };
            let areas: Vec<String> = areas.split(',').map(str::to_owned).collect();
            for area in &areas {
                let file = Path::new("locales/en").join(format!("{area}.ftl"));
                if !Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo"))
                    .join(&file)
                    .is_file()
                {
                    fail(&format!("words: {} is no catalog file", file.display()));
                }
            }
            let folder = match (apps.is_empty(), folder) {
                (true, ".") => String::new(),
                (true, _) => fail("the main app (folder \".\") comes first"),
                (false, ".") => fail("only one app is the main app"),
                (false, name) if !name.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') => {
                    fail("a folder is lowercase letters and hyphens")
                }
                (false, name) => name.to_owned(),
            };
            if apps.iter().any(|app| app.folder == folder) {
                fail("two apps in one folder");
            }
            apps.push(App {
                folder,
                binary: binary.to_owned(),
                words: areas,
                routes: Vec::new(),
            });
        }
        let Some(app) = apps.last_mut() else {
            fail("route prefixes before any app");
        };
        for route in words {
            let plain = route.starts_with('/')
                && (route == "/" || !route.ends_with('/'))
                && !route.contains("//")
                && !route.contains(['?', ':', '*']);
            if !plain {
                fail("a route prefix is a plain path: \"/\" then segments, no trailing \"/\"");
            }
            app.routes.push(route.to_owned());
        }
    }
    if apps.is_empty() {
        panic!("{ROUTES}: no apps");
    }
    if let Some(app) = apps.iter().find(|app| app.routes.is_empty()) {
        panic!("{ROUTES}: the app in {:?} owns no route prefix", app.folder);
    }
    apps
}
