//! Access codes: 15 Crockford base32 symbols shown as `XXXXX-XXXXX-XXXXX`.
//!
//! The first 14 symbols are random (70 bits from the server's CSPRNG); the last
//! is a check symbol. Symbols are read as elements of GF(32) (the field with 32
//! elements, built on the primitive polynomial x^5 + x^2 + 1) and a code is
//! valid when the weighted sum `Σ αⁱ·sᵢ` over all 15 positions is zero, where
//! position i (counted from the right, the check symbol being position 0)
//! has weight αⁱ. Because every weight is a distinct non-zero field element:
//!
//! - **every single wrong symbol** is caught (the sum changes by `αⁱ·(a−b) ≠ 0`);
//! - **every swap of two different symbols**, neighbours or not, is caught
//!   (the sum changes by `(αⁱ − αʲ)·(a−b) ≠ 0`);
//! - **every "twin" error** such as `33` typed for `88` is caught, for the same reason.
//!
//! Two or more independent wrong symbols can cancel out (1 in 32 chance); the
//! server then answers as for any unknown code.
//!
//! Input is forgiving: any case, spaces and hyphens anywhere, and the look-alike
//! letters O (read as 0) and I, L (read as 1). The letter U is not used.

use std::fmt;

/// The 32 symbols, in value order.
pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Symbols in a code, check symbol included.
pub const LENGTH: usize = 15;
/// Random symbols in a code.
pub const PAYLOAD_LENGTH: usize = LENGTH - 1;

/// A well-formed access code whose check symbol is right.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessCode([u8; LENGTH]);

/// Why typed text is not an access code. `message` is what the person sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AccessCodeError {
    Empty,
    NotASymbol(char),
    WrongLength(usize),
    Mistyped,
}

impl AccessCodeError {
    pub fn message(&self) -> String {
        use crate::words;
        match self {
            Self::Empty => words::access_code_missing().into(),
            Self::NotASymbol('U') | Self::NotASymbol('u') => words::access_code_letter_u().into(),
            Self::NotASymbol(_) => words::access_code_symbols().into(),
            Self::WrongLength(n) => words::access_code_length(&n.to_string()),
            Self::Mistyped => words::access_code_mistyped().into(),
        }
    }
}

impl AccessCode {
    /// Builds a code from 14 random values (each taken modulo 32) and appends
    /// the check symbol.
    pub fn from_payload(payload: [u8; PAYLOAD_LENGTH]) -> Self {
        let mut symbols = [0u8; LENGTH];
        for (slot, value) in symbols.iter_mut().zip(payload) {
            *slot = value & 31;
        }
        // With the check symbol still zero the sum is the check symbol's value.
        symbols[LENGTH - 1] = weighted_sum(&symbols);
        Self(symbols)
    }

    /// The 15 symbols without hyphens: the form that is hashed and stored.
    pub fn canonical(&self) -> String {
        self.0
            .iter()
            .map(|&v| ALPHABET[v as usize] as char)
            .collect()
    }
}

/// Shows the code in three groups of five, as printed on letters.
impl fmt::Display for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.canonical();
        write!(f, "{}-{}-{}", &text[0..5], &text[5..10], &text[10..15])
    }
}

/// Debug output never shows a code: codes are secrets.
impl fmt::Debug for AccessCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessCode(…)")
    }
}

/// Crockford symbols as stored, from what a person typed: upper case, the
/// look-alikes O read as 0 and I, L as 1, everything but letters and digits
/// dropped (for references and reset codes).
pub fn normalize_symbols(text: &str) -> String {
    text.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        })
        .collect()
}

/// Reads what a person typed.
pub fn parse(input: &str) -> Result<AccessCode, AccessCodeError> {
    let mut symbols = Vec::with_capacity(LENGTH);
    for c in input.chars() {
        if c.is_whitespace() || is_dash(c) {
            continue;
        }
        symbols.push(symbol_value(c).ok_or(AccessCodeError::NotASymbol(c))?);
    }
    if symbols.is_empty() {
        return Err(AccessCodeError::Empty);
    }
    let symbols: [u8; LENGTH] = symbols
        .as_slice()
        .try_into()
        .map_err(|_| AccessCodeError::WrongLength(symbols.len()))?;
    if weighted_sum(&symbols) != 0 {
        return Err(AccessCodeError::Mistyped);
    }
    Ok(AccessCode(symbols))
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑' | '‒' | '–' | '—' | '−')
}

fn symbol_value(c: char) -> Option<u8> {
    let c = match c.to_ascii_uppercase() {
        'O' => '0',
        'I' | 'L' => '1',
        c => c,
    };
    if !c.is_ascii() {
        return None;
    }
    ALPHABET.iter().position(|&s| s == c as u8).map(|p| p as u8)
}

/// `Σ αⁱ·sᵢ` with i counted from the right-most symbol.
fn weighted_sum(symbols: &[u8; LENGTH]) -> u8 {
    // Horner's rule: ((s₁₄·α + s₁₃)·α + …)·α + s₀.
    symbols.iter().fold(0, |acc, &s| gf32_times_alpha(acc) ^ s)
}

/// Multiplies by α (that is, x) in GF(32) = GF(2)[x] / (x⁵ + x² + 1).
fn gf32_times_alpha(v: u8) -> u8 {
    let shifted = v << 1;
    if shifted & 0b10_0000 != 0 {
        (shifted ^ 0b10_0101) & 31
    } else {
        shifted
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn code(payload: [u8; PAYLOAD_LENGTH]) -> AccessCode {
        AccessCode::from_payload(payload)
    }

    #[test]
    fn alpha_has_order_31_so_all_weights_differ() {
        let mut v = 1u8;
        let mut seen = std::collections::HashSet::new();
        for _ in 0..31 {
            assert!(seen.insert(v), "weight repeated");
            v = gf32_times_alpha(v);
        }
        assert_eq!(v, 1);
    }

    #[test]
    fn display_groups_in_fives() {
        let c = code([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
        let shown = c.to_string();
        assert_eq!(shown.len(), 17);
        assert_eq!(&shown[..12], "01234-56789-");
        assert_eq!(parse(&shown).unwrap(), c);
    }

    #[test]
    fn friendly_messages() {
        assert_eq!(parse("").unwrap_err(), AccessCodeError::Empty);
        assert_eq!(parse(" - ").unwrap_err(), AccessCodeError::Empty);
        assert_eq!(
            parse("ABCDE-FGHJK").unwrap_err(),
            AccessCodeError::WrongLength(10)
        );
        assert_eq!(
            parse("ABCDE-FGHJK-MNPQU").unwrap_err(),
            AccessCodeError::NotASymbol('U')
        );
        assert_eq!(
            parse("ABCDE*FGHJK").unwrap_err(),
            AccessCodeError::NotASymbol('*')
        );
        assert_eq!(
            AccessCodeError::Mistyped.message(),
            "Check your access code – it looks mistyped"
        );
    }

    #[test]
    fn every_single_substitution_is_caught_exhaustively_for_sample_codes() {
        for seed in 0..32u8 {
            let c = code(std::array::from_fn(|i| {
                seed.wrapping_mul(7).wrapping_add(i as u8 * 13)
            }));
            for pos in 0..LENGTH {
                for v in 0..32u8 {
                    let mut s = c.0;
                    if s[pos] == v {
                        continue;
                    }
                    s[pos] = v;
                    assert_ne!(weighted_sum(&s), 0);
                }
            }
        }
    }

    fn typed(symbols: &[u8; LENGTH]) -> String {
        symbols
            .iter()
            .map(|&v| ALPHABET[v as usize] as char)
            .collect()
    }

    proptest! {
        #[test]
        fn generated_codes_round_trip(payload in prop::array::uniform14(0u8..=255)) {
            let c = code(payload);
            prop_assert_eq!(parse(&c.to_string()).unwrap(), c.clone());
            prop_assert_eq!(parse(&c.canonical()).unwrap(), c.clone());
            // Lower case, spaces instead of hyphens, look-alike letters.
            let loose = c.to_string().to_lowercase().replace('-', " ")
                .replace('0', "o").replace('1', "l");
            prop_assert_eq!(parse(&loose).unwrap(), c);
        }

        #[test]
        fn any_single_wrong_symbol_is_caught(
            payload in prop::array::uniform14(0u8..32), pos in 0..LENGTH, delta in 1u8..32,
        ) {
            let mut s = code(payload).0;
            s[pos] ^= delta;
            prop_assert_eq!(parse(&typed(&s)), Err(AccessCodeError::Mistyped));
        }

        #[test]
        fn any_swap_of_two_different_symbols_is_caught(
            payload in prop::array::uniform14(0u8..32), i in 0..LENGTH, j in 0..LENGTH,
        ) {
            let mut s = code(payload).0;
            prop_assume!(s[i] != s[j]);
            s.swap(i, j);
            prop_assert_eq!(parse(&typed(&s)), Err(AccessCodeError::Mistyped));
        }

        #[test]
        fn any_neighbour_swap_is_caught(payload in prop::array::uniform14(0u8..32), i in 0..LENGTH - 1) {
            let mut s = code(payload).0;
            prop_assume!(s[i] != s[i + 1]);
            s.swap(i, i + 1);
            prop_assert_eq!(parse(&typed(&s)), Err(AccessCodeError::Mistyped));
        }

        #[test]
        fn parse_never_panics(input in ".{0,40}") {
            let _ = parse(&input);
        }
    }
}
