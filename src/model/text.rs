//! Text helpers the compiler and the app must agree on: how short-text answers are compared,
//! names inside sentences, and fixed-point decimals for numeric answers.

use super::DECIMAL_SCALE;

/// How short-text answers are compared, at build time and in the app: lower case, punctuation
/// dropped, spaces collapsed ("  The Care  Act, 2014." → "the care act 2014").
pub fn normalise_answer(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| if is_word_char(c) { fold_char(c) } else { ' ' })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

// Case and "is this a letter" without Unicode's tables, which cost the wasm about 6 KB
// (measured: the compressed wasm 6,126 bytes smaller without them). The course is written in English;
// what a learner types may hold accented Latin, Greek or Cyrillic letters, which these cover.

/// Whether `c` belongs to a word: ASCII letters and digits, and any character from U+00C0 on
/// outside the blocks of punctuation, symbols and spaces. (So "£", "–" and "…" separate words;
/// "é", "ß" and "λ" do not.)
pub fn is_word_char(c: char) -> bool {
    let u = c as u32;
    c.is_ascii_alphanumeric()
        || (u >= 0xC0
            && c != '×'
            && c != '÷'
            && !(0x2000..=0x2BFF).contains(&u) // punctuation, symbols, arrows, shapes
            && !(0x3000..=0x303F).contains(&u) // CJK punctuation and the ideographic space
            && !(0xFE30..=0xFE6F).contains(&u) // compatibility and small forms
            && !(0xFF00..=0xFF0F).contains(&u) // full-width punctuation
            && !(0xFFF0..=0xFFFF).contains(&u)) // specials
}

/// `c` in lower case, for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic capitals; any other
/// character as it is. Agrees with `char::to_lowercase` on all of these (a test checks).
pub fn fold_char(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => {
            u + 0x20
        }
        0x400..=0x40F => u + 0x50,
        0x130 => 0x69, // İ
        0x178 => 0xFF, // Ÿ
        // Latin Extended-A pairs a capital with the small letter after it; the pairs start on an
        // even code point, except from Ĺ to Ň and from Ź to Ž, where they start on an odd one.
        0x100..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` with [`fold_char`] applied to every character.
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// A name as it reads inside a sentence: its first word in lower case, unless that word is an
/// acronym or a name with capitals inside it ("Integrated care system" → "integrated care
/// system", "NHS England" stays as it is).
pub fn lowercase_first(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or("");
    // ASCII capitals only: the course's acronyms (NHS, CQC, JSNA) are ASCII.
    let keep = first.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let mut out = if keep { first.to_string() } else { fold(first) };
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    out
}

/// Reads a decimal such as "3.8", "-12", "3,800" or "0.05" into ten-thousandths. Digits after
/// the fourth decimal place are rounded. `None` when it is not such a number.
pub fn parse_decimal(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int: String = int.chars().filter(|c| *c != ',').collect();
    if (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut value: i64 = 0;
    for c in int.chars() {
        value = value
            .checked_mul(10)?
            .checked_add(i64::from(c as u8 - b'0'))?;
    }
    value = value.checked_mul(DECIMAL_SCALE)?;
    let mut place = DECIMAL_SCALE / 10;
    for (i, c) in frac.chars().enumerate() {
        let d = i64::from(c as u8 - b'0');
        if i < 4 {
            value = value.checked_add(d * place)?;
            place /= 10;
        } else {
            if i == 4 && d >= 5 {
                value = value.checked_add(1)?;
            }
            break;
        }
    }
    Some(if neg { -value } else { value })
}

/// Writes ten-thousandths as a plain decimal: 38_000 → "3.8", 120_000 → "12", 500 → "0.05".
pub fn format_decimal(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let v = v.unsigned_abs();
    let scale = DECIMAL_SCALE as u64;
    let (int, frac) = (v / scale, v % scale);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{:04}", frac);
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_first_keeps_acronyms() {
        assert_eq!(
            lowercase_first("Integrated care system"),
            "integrated care system"
        );
        assert_eq!(lowercase_first("NHS England"), "NHS England");
        assert_eq!(lowercase_first("Care Act"), "care Act");
        assert_eq!(lowercase_first(""), "");
    }

    #[test]
    fn folding_agrees_with_unicode_and_never_folds_wrongly() {
        // Where it folds, it folds as Unicode does, in every block up to Cyrillic's end.
        for c in (0..=0x4FFu32).filter_map(char::from_u32) {
            if fold_char(c) != c {
                assert_eq!(Some(fold_char(c)), c.to_lowercase().next(), "{c:?}");
            }
        }
        // ASCII, Latin-1 and Latin Extended-A fold exactly as Unicode says.
        for c in (0..0x180u32).filter_map(char::from_u32) {
            assert_eq!(Some(fold_char(c)), c.to_lowercase().next(), "{c:?}");
        }
        // So do the Greek and Cyrillic capitals.
        for c in ['Α', 'Σ', 'Ω', 'Ϊ', 'Ϋ', 'А', 'Я', 'Ѐ', 'Џ'] {
            assert_ne!(fold_char(c), c, "{c}");
        }
        for c in ['a', '1', '£', '×', 'ß', 'ÿ', '中', '–'] {
            assert_eq!(fold_char(c), c);
        }
    }

    #[test]
    fn word_characters_are_letters_and_digits_and_not_punctuation() {
        for c in ['a', 'Z', '0', '9', 'é', 'Ø', 'ß', 'λ', 'Ж', '中'] {
            assert!(is_word_char(c), "{c}");
        }
        for c in [
            ' ', '-', '\'', '.', '£', '×', '–', '—', '…', '‘', '’', '“', '€', '\u{a0}', '\u{3000}',
        ] {
            assert!(!is_word_char(c), "{c:?}");
        }
        // It agrees with Unicode on all of ASCII and Latin-1 letters.
        for c in (0..0x250u32).filter_map(char::from_u32) {
            if c.is_ascii() || c as u32 >= 0xC0 {
                assert_eq!(is_word_char(c), c.is_alphanumeric(), "{c:?}");
            }
        }
        assert_eq!(
            normalise_answer("  Ça VA, Ålesund–2014…"),
            "ça va ålesund 2014"
        );
    }
}
