//! Which browser app (bundle) owns which client routes. The server serves
//! each app's page for its routes; the apps follow a link into another app
//! with a full page load. One table for the build, the server and the apps:
//! `src/routes.txt`, which `build.rs` compiles into the constants below (plain
//! data, as if written here, so the wasm pays nothing for reading it) and
//! `scripts/build.sh` reads to build each app.

/// An app of the table.
#[derive(Clone, Copy, Debug)]
pub struct App {
    /// Its folder in `dist/` ("" for the main app).
    pub folder: &'static str,
    /// The Rust binary Trunk builds for it (`src/web*.rs`).
    pub binary: &'static str,
    /// The areas of the catalog its pages use (`locales/<language>/*.ftl`),
    /// which its page has the browser fetch.
    pub words: &'static [&'static str],
    /// The route prefixes it owns.
    pub routes: &'static [&'static str],
}

/// Every app, the main one (`dist/index.html`) first: it owns every route no
/// other app owns, and its `routes` are where its own pages are.
pub const APPS: &[App] = include!(concat!(env!("OUT_DIR"), "/route_apps.rs"));

/// The apps besides the main one: their folder in `dist/` and the route
/// prefixes they own (what `bundle_of` searches).
pub const BUNDLES: &[(&str, &[&str])] = include!(concat!(env!("OUT_DIR"), "/route_bundles.rs"));

/// The folder of the app that owns `path` ("" for the main app).
/// Pages the server writes itself (no app's route): a link to one is always
/// a full page load.
pub const SERVER_PAGES: &[&str] = &[LANGUAGE_HELP];

/// Free language help, in fifteen languages (linked from every footer).
pub const LANGUAGE_HELP: &str = "/language-help";

/// Whether `path` is one of [`SERVER_PAGES`].
pub fn is_server_page(path: &str) -> bool {
    SERVER_PAGES.contains(&without_query(path))
}

pub fn bundle_of(path: &str) -> &'static str {
    let path = without_query(path);
    BUNDLES
        .iter()
        .find(|(_, routes)| routes.iter().any(|prefix| owns(prefix, path)))
        .map_or("", |(folder, _)| folder)
}

/// Whether some app has pages at `path`; any other address is unknown (the
/// server answers 404 with the main app's page-not-found page).
pub fn is_known(path: &str) -> bool {
    let path = without_query(path);
    // The main app's prefixes, then the others' (the apps' links read only
    // these, not the whole table).
    MAIN_ROUTES.iter().any(|prefix| owns(prefix, path)) || !bundle_of(path).is_empty()
}

/// The main app's own route prefixes.
const MAIN_ROUTES: &[&str] = APPS[0].routes;

/// A path of one of our pages, safe to send someone to: starts with one
/// `/` (never `//host` or a backslash), and some app has pages there.
pub fn is_local_page(path: &str) -> bool {
    path.starts_with('/') && !path.starts_with("//") && !path.contains('\\') && is_known(path)
}

fn without_query(path: &str) -> &str {
    path.split(['?', '#']).next().unwrap_or(path)
}

/// Whether the route prefix `prefix` owns `path`: itself and the paths below it.
fn owns(prefix: &str, path: &str) -> bool {
    path == prefix
        || path
            .strip_prefix(prefix)
            .is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::{APPS, BUNDLES, bundle_of, is_known, is_local_page, owns};
    use std::path::{Path, PathBuf};

    fn ui_dir() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui")
    }

    /// What follows each `start` in `text`, up to the next `"`.
    fn quoted_after<'a>(text: &'a str, start: &str) -> Vec<&'a str> {
        text.match_indices(start)
            .map(|(at, _)| {
                let rest = &text[at + start.len()..];
                &rest[..rest.find('"').expect("a closing quote")]
            })
            .collect()
    }

    #[test]
    fn the_table_gives_every_prefix_to_its_own_app() {
        assert_eq!(APPS[0].folder, "", "the main app comes first");
        let others: Vec<_> = APPS[1..].iter().map(|a| (a.folder, a.routes)).collect();
        assert_eq!(others, BUNDLES, "BUNDLES is APPS without the main app");
        let cargo =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml"))
                .expect("Cargo.toml");
        for app in APPS {
            assert!(
                cargo.contains(&format!("name = \"{}\"", app.binary)),
                "{} is not a binary of Cargo.toml",
                app.binary
            );
            for prefix in app.routes {
                assert_eq!(bundle_of(prefix), app.folder, "{prefix}");
            }
        }
        for (a, b) in BUNDLES
            .iter()
            .flat_map(|a| BUNDLES.iter().map(move |b| (a, b)))
        {
            for (p, q) in a.1.iter().flat_map(|p| b.1.iter().map(move |q| (p, q))) {
                assert!(
                    a.0 == b.0 || !owns(p, q),
                    "{p} ({}) and {q} ({}) overlap: only the main app's prefixes may hold others'",
                    a.0,
                    b.0
                );
            }
        }
    }

    /// Reads the routers (`src/ui/*app.rs`): every `<Route path=path!("…")>`
    /// must be a page the table gives the app whose router it is in.
    #[test]
    fn every_app_routes_only_pages_the_table_gives_it() {
        let mut files: Vec<PathBuf> = std::fs::read_dir(ui_dir())
            .expect("src/ui")
            .map(|entry| entry.expect("an entry of src/ui").path())
            .filter(|path| path.to_string_lossy().ends_with("app.rs"))
            .collect();
        files.sort();
        let mut routers = Vec::new();
        for file in &files {
            let name = file.file_name().unwrap().to_string_lossy();
            let source = std::fs::read_to_string(file).expect("a router's source");
            let [folder] = quoted_after(&source, "provide_shared_context(\"")[..] else {
                panic!("{name}: provide_shared_context(\"<folder>\") once, with the app's folder");
            };
            let app = APPS
                .iter()
                .find(|app| app.folder == folder)
                .unwrap_or_else(|| panic!("{name}: app {folder:?} is not in src/routes.txt"));
            assert!(
                !source.contains("<ParentRoute"),
                "{name}: nested routes: teach this test to join their paths"
            );
            let paths = quoted_after(&source, "path!(\"");
            let routes = source.matches("<Route\n").count() + source.matches("<Route ").count();
            assert!(!paths.is_empty(), "{name}: no routes found");
            assert_eq!(
                paths.len(),
                routes,
                "{name}: every <Route> has a path!(\"…\")"
            );
            for path in paths {
                let owner = bundle_of(path);
                assert_eq!(
                    owner, folder,
                    "{name} routes {path}, which src/routes.txt gives to app {owner:?}, not {folder:?}"
                );
                assert!(
                    app.routes.iter().any(|prefix| owns(prefix, path)),
                    "{name} routes {path}, under none of its prefixes in src/routes.txt"
                );
            }
            routers.push(app.folder);
        }
        let mut tabled: Vec<_> = APPS.iter().map(|app| app.folder).collect();
        tabled.sort();
        routers.sort();
        assert_eq!(
            routers, tabled,
            "one router (src/ui/*app.rs) for each app of the table"
        );
    }

    /// Links into another app are full page loads (`rel="external"`), decided
    /// from the table by `layout::rel_for`, never written by hand.
    #[test]
    fn no_link_says_by_hand_that_it_leaves_the_app() {
        fn visit(dir: &Path, found: &mut Vec<String>) {
            for entry in std::fs::read_dir(dir).expect("a folder of src/ui") {
                let path = entry.expect("an entry").path();
                if path.is_dir() {
                    visit(&path, found);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let source = std::fs::read_to_string(&path).expect("a source file");
                    for (n, line) in source.lines().enumerate() {
                        let code = !line.trim_start().starts_with("//");
                        if code && line.contains("rel=\"external\"") {
                            found.push(format!("{}:{}", path.display(), n + 1));
                        }
                    }
                }
            }
        }
        let mut found = Vec::new();
        visit(&ui_dir(), &mut found);
        assert!(
            found.is_empty(),
            "use Link or rel=rel_for(href) instead: {found:#?}"
        );
    }

    #[test]
    fn routes_belong_to_one_app() {
        assert_eq!(bundle_of("/"), "");
        assert_eq!(bundle_of("/?from=letter"), "");
        assert_eq!(bundle_of("/nowhere"), "");
        assert_eq!(bundle_of("/signup/code/login"), "");
        assert_eq!(bundle_of("/signup/code/expired?on=2026-05-01"), "help");
        assert_eq!(bundle_of("/signup/verify"), "verify");
        assert_eq!(bundle_of("/signup/verify/check?x=1"), "verify");
        assert_eq!(bundle_of("/signup/verifyx"), "");
        assert_eq!(bundle_of("/signup/status"), "help");
        assert_eq!(bundle_of("/records-request#form"), "records-request");
        assert_eq!(bundle_of("/signin"), "account");
        assert_eq!(bundle_of("/home/anything"), "account");
        assert_eq!(bundle_of("/account/password"), "settings");
        assert_eq!(bundle_of("/recover/reset"), "recover");
        assert_eq!(bundle_of("/staff/patients/7"), "staff");
        assert_eq!(bundle_of("/records/12"), "records");
        for known in [
            "/",
            "/?from=letter",
            "/signup/code",
            "/signup/code/login",
            "/records/12",
        ] {
            assert!(is_known(known), "{known}");
        }
        for unknown in [
            "/nowhere",
            "/signup/verifyx",
            "/signup",
            "/homepage",
            "/records-x",
        ] {
            assert!(!is_known(unknown), "{unknown}");
        }
        assert!(is_local_page("/records/4?from=home"));
        for elsewhere in [
            "//evil.example/records",
            "/\\evil.example",
            "https://evil.example/",
            "records/4",
            "/nowhere",
        ] {
            assert!(!is_local_page(elsewhere), "{elsewhere}");
        }
        assert_eq!(bundle_of("/teen"), "help");
        assert_eq!(bundle_of("/proxy/relationship"), "proxy");
        assert_eq!(bundle_of("/staffing"), "");
    }
}
