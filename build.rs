//! Build script: derives the compiled-in common-password data.
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
//! Runs on the host for every target (including wasm32-unknown-unknown); std only.

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

fn main() {
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
