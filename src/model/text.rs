//! Text helpers the compiler and the app must agree on: how short-text answers are compared,
//! names inside sentences, and fixed-point decimals for numeric answers.

use super::DECIMAL_SCALE;

/// How short-text answers are compared, at build time and in the app: lower case, punctuation
/// dropped, spaces collapsed ("  The Care  Act, 2014." → "the care act 2014").
pub fn normalise_answer(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as it reads inside a sentence: its first word in lower case, unless that word is an
/// acronym or a name with capitals inside it ("Integrated care system" → "integrated care
/// system", "NHS England" stays as it is).
pub fn lowercase_first(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or("");
    // ASCII capitals only: the Unicode case tables would cost the wasm about a kilobyte, and the
    // course's acronyms (NHS, CQC, JSNA) are ASCII.
    let keep = first.chars().skip(1).any(|c| c.is_ascii_uppercase());
    let mut out = if keep {
        first.to_string()
    } else {
        first.to_lowercase()
    };
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
}
