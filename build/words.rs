//! Words: compiles the catalogs in `locales/` into `$OUT_DIR/words.rs` (a
//! function per message, for `src/words/mod.rs` to include) and
//! `$OUT_DIR/words-<language>.txt` (each language's messages, as data).
//!
//! `locales/<language>/*.ftl` are Fluent files. English (`en`) is the
//! reference: its messages are the keys, in its order, and the first use of
//! each `{ $placeable }` fixes that placeable's place in the function's
//! arguments. Every other language has exactly the same messages with the
//! same placeables (in any order); anything else fails the build, naming
//! the file and message. Files under `server/` (emails, the letter) are for
//! the server only: the browser's catalog leaves them out.
//!
//! Only plain text and `{ $variable }` placeables are allowed (no selectors,
//! terms or functions): the browser formats messages with a few lines of
//! code rather than a Fluent runtime. The code chooses between messages
//! where English and Spanish need different words (`wait-one-minute`,
//! `wait-minutes`).
//!
//! A catalog file is the messages joined by U+001E (record separator), each
//! placeable written as U+001A and its argument's number (0–9). The browser's
//! messages are the first `BROWSER_COUNT`, in areas (`AREAS`, one per file
//! outside `server/`): a page fetches the areas its app uses, each at an
//! address carrying a hash of every language's browser messages, so it can
//! be cached for good.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::{env, fs};

const LOCALES: &str = "locales";
const REFERENCE: &str = "en";
pub const SEPARATOR: char = '\u{1e}';
pub const PLACEABLE: char = '\u{1a}';
/// Names a message's function cannot have: Rust's keywords and the names
/// `src/words/mod.rs` defines beside the messages.
const RESERVED: &[&str] = &[
    "as",
    "break",
    "const",
    "continue",
    "crate",
    "else",
    "enum",
    "extern",
    "false",
    "fn",
    "for",
    "if",
    "impl",
    "in",
    "let",
    "loop",
    "match",
    "mod",
    "move",
    "mut",
    "pub",
    "ref",
    "return",
    "self",
    "static",
    "struct",
    "super",
    "trait",
    "true",
    "type",
    "unsafe",
    "use",
    "where",
    "while",
    "async",
    "await",
    "dyn",
    "abstract",
    "become",
    "box",
    "do",
    "final",
    "macro",
    "override",
    "priv",
    "typeof",
    "unsized",
    "virtual",
    "yield",
    "try",
    "gen",
    "text",
    "format",
    "language",
    "scope",
    "in_language",
    "install",
    "browser_catalog",
    "messages",
    "current",
    "catalog",
];

#[derive(Clone, Debug)]
enum Part {
    Text(String),
    Arg(String),
}

#[derive(Debug)]
struct Message {
    id: String,
    /// Where it is written, for messages about it.
    file: String,
    server_only: bool,
    parts: Vec<Part>,
}

impl Message {
    /// Its placeables, in order of first use.
    fn args(&self) -> Vec<String> {
        let mut args: Vec<String> = Vec::new();
        for part in &self.parts {
            if let Part::Arg(name) = part
                && !args.contains(name)
            {
                args.push(name.clone());
            }
        }
        args
    }
}

pub fn words() {
    println!("cargo:rerun-if-changed={LOCALES}");
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("set by cargo")).join(LOCALES);
    let mut languages: Vec<String> = fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("reading {LOCALES}: {e}"))
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    languages.sort();
    assert!(
        languages.iter().any(|l| l == REFERENCE),
        "{LOCALES}/{REFERENCE}: the reference catalog is missing"
    );
    // English first: its order is the messages' order.
    languages.sort_by_key(|l| l != REFERENCE);
    let catalogs: Vec<(String, Vec<Message>)> = languages
        .iter()
        .map(|l| (l.clone(), read_catalog(&root.join(l), l)))
        .collect();

    let reference = &catalogs[0].1;
    // Browser messages first, then the server's own.
    let mut order: Vec<&Message> = reference.iter().filter(|m| !m.server_only).collect();
    let browser_count = order.len();
    order.extend(reference.iter().filter(|m| m.server_only));

    let out_dir = PathBuf::from(env::var("OUT_DIR").expect("set by cargo"));
    let mut hash = Fnv::default();
    for (language, messages) in &catalogs {
        let by_id: BTreeMap<&str, &Message> = messages.iter().map(|m| (m.id.as_str(), m)).collect();
        for m in messages {
            if !reference.iter().any(|r| r.id == m.id) {
                panic!("{}: {} is not in the English catalog", m.file, m.id);
            }
        }
        let mut texts = Vec::with_capacity(order.len());
        for (index, english) in order.iter().enumerate() {
            let Some(m) = by_id.get(english.id.as_str()) else {
                panic!(
                    "{LOCALES}/{language}: {} (from {}) is missing",
                    english.id, english.file
                );
            };
            if m.server_only != english.server_only {
                panic!(
                    "{}: {} is for the server in one language and not the other",
                    m.file, m.id
                );
            }
            let expected: BTreeSet<String> = english.args().into_iter().collect();
            let found: BTreeSet<String> = m.args().into_iter().collect();
            if expected != found {
                panic!(
                    "{}: {} has placeables {found:?}; the English message has {expected:?}",
                    m.file, m.id
                );
            }
            let text = encode(m, &english.args());
            if index < browser_count {
                hash.write(language.as_bytes());
                hash.write(text.as_bytes());
            }
            texts.push(text);
        }
        let file = out_dir.join(format!("words-{language}.txt"));
        fs::write(&file, texts.join(&SEPARATOR.to_string()))
            .unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
    }

    // The browser's messages come in areas, one per file (`common`,
    // `signup-code` …), each a contiguous run of ids: an app fetches the
    // areas it uses.
    let mut areas: Vec<(String, usize)> = Vec::new();
    for (index, m) in order[..browser_count].iter().enumerate() {
        let area = Path::new(&m.file)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        match areas.last() {
            Some((last, _)) if *last == area => {}
            _ => areas.push((area, index)),
        }
    }

    let mut code = String::new();
    let area_list: Vec<String> = areas
        .iter()
        .map(|(name, start)| format!("({name:?}, {start})"))
        .collect();
    // The browser keeps which areas it has as bits of a u32.
    assert!(areas.len() <= 32, "{LOCALES}: more than 32 browser files");
    code.push_str(&format!(
        "/// The browser's areas: each one's name (its file) and first message,\n\
         /// in id order; an area ends where the next begins.\n\
         pub const AREAS: &[(&str, usize); {}] = &[{}];\n",
        areas.len(),
        area_list.join(", ")
    ));
    code.push_str(&format!(
        "/// How many messages the browser's catalog holds (the first ones).\n\
         pub const BROWSER_COUNT: usize = {browser_count};\n\
         /// A hash of every language's browser messages: their catalogs' address.\n\
         pub const CATALOG_HASH: &str = \"{:016x}\";\n",
        hash.0
    ));
    let names: Vec<String> = catalogs
        .iter()
        .map(|(language, messages)| {
            let name = messages
                .iter()
                .find(|m| m.id == "language-name")
                .map(plain_text)
                .unwrap_or_else(|| panic!("{LOCALES}/{language}: language-name is missing"));
            format!("({language:?}, {name:?})")
        })
        .collect();
    code.push_str(&format!(
        "/// Each language's code and its name in itself, the reference first.\n\
         pub const LANGUAGES: &[(&str, &str)] = &[{}];\n",
        names.join(", ")
    ));
    code.push_str(
        "/// Each language's catalog, in the order of `LANGUAGES` (the server's copy).\n",
    );
    code.push_str("#[cfg(feature = \"ssr\")]\npub const CATALOG_FILES: &[&str] = &[\n");
    for (language, _) in &catalogs {
        code.push_str(&format!(
            "    include_str!(concat!(env!(\"OUT_DIR\"), \"/words-{language}.txt\")),\n"
        ));
    }
    code.push_str("];\n");
    let ids: Vec<String> = order.iter().map(|m| format!("{:?}", m.id)).collect();
    code.push_str(&format!(
        "/// Each message's id, in catalog order (for the catalog checks).\n\
         #[cfg(feature = \"ssr\")]\npub const IDS: &[&str] = &[{}];\n\n",
        ids.join(", ")
    ));
    for (index, m) in order.iter().enumerate() {
        let english: String = m
            .parts
            .iter()
            .map(|p| match p {
                Part::Text(t) => t.clone(),
                Part::Arg(a) => format!("{{{a}}}"),
            })
            .collect();
        for line in english.lines() {
            code.push_str(&format!("/// {}\n", line.replace('`', "'")));
        }
        if m.server_only {
            code.push_str("#[cfg(feature = \"ssr\")]\n");
        }
        let name = m.id.replace('-', "_");
        let args = m.args();
        if args.is_empty() {
            code.push_str(&format!(
                "pub fn {name}() -> &'static str {{ super::text({index}) }}\n"
            ));
        } else {
            let params: Vec<String> = args
                .iter()
                .map(|a| format!("{}: &str", a.replace('-', "_")))
                .collect();
            let values: Vec<String> = args.iter().map(|a| a.replace('-', "_")).collect();
            code.push_str(&format!(
                "pub fn {name}({}) -> String {{ super::format({index}, &[{}]) }}\n",
                params.join(", "),
                values.join(", ")
            ));
        }
    }
    let file = out_dir.join("words.rs");
    fs::write(&file, code).unwrap_or_else(|e| panic!("writing {}: {e}", file.display()));
}

/// A message's text without placeables (a language's own name).
fn plain_text(m: &Message) -> String {
    m.parts
        .iter()
        .map(|p| match p {
            Part::Text(t) => t.clone(),
            Part::Arg(_) => String::new(),
        })
        .collect()
}

/// The message as the catalog file holds it: placeables numbered by
/// `args`, the English order.
fn encode(m: &Message, args: &[String]) -> String {
    let mut out = String::new();
    for part in &m.parts {
        match part {
            Part::Text(t) => {
                if t.contains([SEPARATOR, PLACEABLE]) {
                    panic!("{}: {} holds a control character", m.file, m.id);
                }
                out.push_str(t);
            }
            Part::Arg(name) => {
                let n = args
                    .iter()
                    .position(|a| a == name)
                    .expect("an English placeable");
                assert!(n < 10, "{}: {} has more than ten placeables", m.file, m.id);
                out.push(PLACEABLE);
                out.push(char::from(b'0' + n as u8));
            }
        }
    }
    out
}

/// Every message of one language's `.ftl` files (sorted by path, `server/`
/// last), checked.
fn read_catalog(dir: &Path, language: &str) -> Vec<Message> {
    let mut files = Vec::new();
    collect_ftl(dir, &mut files);
    files.sort_by_key(|f| (f.parent() != Some(dir), f.clone()));
    let mut messages: Vec<Message> = Vec::new();
    for path in files {
        let shown = format!(
            "{LOCALES}/{language}/{}",
            path.strip_prefix(dir).unwrap_or(&path).display()
        );
        let server_only = path.parent() != Some(dir);
        if server_only
            && path
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|n| n != "server")
        {
            panic!("{shown}: only the server/ folder may hold catalog files below a language");
        }
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("reading {shown}: {e}"));
        let resource = match fluent_syntax::parser::parse(source.as_str()) {
            Ok(resource) => resource,
            Err((_, errors)) => {
                let first = &errors[0];
                let line = source[..first.pos.start.min(source.len())]
                    .lines()
                    .count()
                    .max(1);
                panic!("{shown}:{line}: {:?}", first.kind);
            }
        };
        for entry in resource.body {
            use fluent_syntax::ast::Entry;
            match entry {
                Entry::Message(message) => {
                    let id = message.id.name.to_string();
                    if RESERVED.contains(&id.replace('-', "_").as_str()) {
                        panic!(
                            "{shown}: {id} is a Rust keyword or a name src/words/ uses: choose another"
                        );
                    }
                    if messages.iter().any(|m| m.id == id) {
                        panic!("{shown}: {id} is defined twice");
                    }
                    if !message.attributes.is_empty() {
                        panic!("{shown}: {id}: attributes are not supported");
                    }
                    let Some(pattern) = message.value else {
                        panic!("{shown}: {id} has no text");
                    };
                    let parts = pattern
                        .elements
                        .into_iter()
                        .map(|element| {
                            part(element).unwrap_or_else(|why| panic!("{shown}: {id}: {why}"))
                        })
                        .collect();
                    messages.push(Message {
                        id,
                        file: shown.clone(),
                        server_only,
                        parts,
                    });
                }
                Entry::Term(term) => panic!("{shown}: -{}: terms are not supported", term.id.name),
                Entry::Junk { content } => panic!("{shown}: cannot read {content:?}"),
                Entry::Comment(_) | Entry::GroupComment(_) | Entry::ResourceComment(_) => {}
            }
        }
    }
    messages
}

fn part(element: fluent_syntax::ast::PatternElement<&str>) -> Result<Part, String> {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    match element {
        PatternElement::TextElement { value } => Ok(Part::Text(value.to_string())),
        PatternElement::Placeable { expression } => match expression {
            Expression::Inline(InlineExpression::VariableReference { id }) => {
                Ok(Part::Arg(id.name.to_string()))
            }
            // `{ "{" }`: a literal brace.
            Expression::Inline(InlineExpression::StringLiteral { value }) => {
                Ok(Part::Text(value.to_string()))
            }
            other => Err(format!(
                "only text and {{ $variable }} placeables are supported, not {other:?}"
            )),
        },
    }
}

fn collect_ftl(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display())) {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            collect_ftl(&path, into);
        } else if path.extension().is_some_and(|e| e == "ftl") {
            into.push(path);
        }
    }
}

/// FNV-1a (64 bits): stable across builds and compilers, unlike std's hasher.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}
