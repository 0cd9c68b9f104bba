//! The course's text word-coded in the compressed copy of the wasm (in `index.html`): LZMA packs
//! the text with its commonest words as one- or two-byte codes better than the words themselves
//! (the download is about 7.5 KB smaller on this course, with 1,561 words). The wasm holds the text
//! plain, so the app reads it where it lies; the build codes it in the copy ([`code_in_wasm`]),
//! and the loader (`static/words.js`) expands it as the copy streams in, so the app does no
//! decoding when it starts. [`expand`] is the loader's reference, for the tests.
//!
//! The text is UTF-8 and holds no control characters, so bytes below `0x20` are free for codes:
//! `0x00..=0x18` are the 25 commonest words, `0x19..=0x1E` followed by any byte are 1,536 more,
//! and `0x1F` followed by a byte is that byte as it is (a control character, should the text
//! ever hold one). A word is a run of ASCII letters, with the space before it if there is one.

/// Codes of one byte.
const SINGLE: usize = 25;
/// First byte of a two-byte code.
const PAIR: u8 = SINGLE as u8;
/// A byte taken as it is.
const ESCAPE: u8 = 0x1F;
/// Words in the dictionary at most.
pub const MAX_WORDS: usize = SINGLE + (ESCAPE - PAIR) as usize * 256;

/// The next token of `text` from `at`: a word (letters, maybe after one space), or one byte.
fn token(text: &[u8], at: usize) -> &[u8] {
    let letters = |from: usize| {
        from + text[from..]
            .iter()
            .take_while(|b| b.is_ascii_alphabetic())
            .count()
    };
    let start = if text[at] == b' ' { at + 1 } else { at };
    let end = letters(start);
    if end > start {
        &text[at..end]
    } else {
        &text[at..at + 1]
    }
}

/// The words worth a code in `text`, most useful first: each saves about its length times its
/// uses. Ties are broken by the word, so that a build is reproducible.
pub fn choose_words(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut counts: std::collections::HashMap<&[u8], usize> = std::collections::HashMap::new();
    let mut at = 0;
    while at < bytes.len() {
        let t = token(bytes, at);
        if t.len() >= 2 && t.iter().any(u8::is_ascii_alphabetic) {
            *counts.entry(t).or_default() += 1;
        }
        at += t.len();
    }
    let mut words: Vec<(&[u8], usize)> = counts.into_iter().collect();
    // Twice the saving, in bytes: a word of n bytes used c times saves about (n - 1.5) c.
    let saving = |(w, c): &(&[u8], usize)| (2 * w.len()).saturating_sub(3) * c;
    words.sort_by(|a, b| saving(b).cmp(&saving(a)).then(a.0.cmp(b.0)));
    words.truncate(MAX_WORDS);
    // The one-byte codes go to those that save most with them; the rest in alphabetical order,
    // which packs the dictionary better.
    words.sort_by(|a, b| {
        let one = |(w, c): &(&[u8], usize)| (w.len() - 1) * c;
        one(b).cmp(&one(a)).then(a.0.cmp(b.0))
    });
    let rest = words.len().min(SINGLE);
    words[rest..].sort_by(|a, b| a.0.cmp(b.0));
    words
        .into_iter()
        .map(|(w, _)| String::from_utf8_lossy(w).into_owned())
        .collect()
}

/// `text` with each of `words` (at most [`MAX_WORDS`]) replaced by its code.
pub fn encode(text: &str, words: &[String]) -> Vec<u8> {
    let codes: std::collections::HashMap<&[u8], usize> = words
        .iter()
        .take(MAX_WORDS)
        .enumerate()
        .map(|(i, w)| (w.as_bytes(), i))
        .collect();
    let put = |out: &mut Vec<u8>, i: usize| {
        if i < SINGLE {
            out.push(i as u8);
        } else {
            let i = i - SINGLE;
            out.push(PAIR + (i / 256) as u8);
            out.push((i % 256) as u8);
        }
    };
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while at < bytes.len() {
        let t = token(bytes, at);
        if let Some(&i) = codes.get(t) {
            put(&mut out, i);
        } else if let Some(&i) = t.strip_prefix(b" ").and_then(|w| codes.get(w)) {
            out.push(b' ');
            put(&mut out, i);
        } else {
            for &b in t {
                if b < 0x20 {
                    out.push(ESCAPE);
                }
                out.push(b);
            }
        }
        at += t.len();
    }
    out
}

/// The dictionary as stored: the words, each followed by a zero byte.
pub fn pack_words(words: &[String]) -> Vec<u8> {
    let mut out = Vec::new();
    for w in words.iter().take(MAX_WORDS) {
        out.extend_from_slice(w.as_bytes());
        out.push(0);
    }
    out
}

/// The text back from its codes and the stored dictionary; `None` if they do not fit together.
pub fn decode(coded: &[u8], dictionary: &[u8]) -> Option<String> {
    let mut words: Vec<&[u8]> = dictionary.split(|b| *b == 0).collect();
    // The last word's zero leaves an empty piece after it.
    if words.pop() != Some(&[]) {
        return None;
    }
    // The text is about 2.2 times its coded length (measured on this course).
    let mut out = Vec::with_capacity(coded.len() * 9 / 4);
    let mut at = 0;
    while at < coded.len() {
        // A run of plain bytes is copied in one go: the text is mostly that.
        let run = coded[at..].iter().take_while(|b| **b >= 0x20).count();
        out.extend_from_slice(&coded[at..at + run]);
        at += run;
        let Some(&b) = coded.get(at) else { break };
        at += 1;
        if b == ESCAPE {
            out.push(*coded.get(at)?);
            at += 1;
        } else {
            let i = if b < PAIR {
                usize::from(b)
            } else {
                at += 1;
                SINGLE + usize::from(b - PAIR) * 256 + usize::from(*coded.get(at - 1)?)
            };
            out.extend_from_slice(words.get(i)?);
        }
    }
    String::from_utf8(out).ok()
}

/// Bytes of the header before the dictionary: four little-endian `u32`s.
const HEADER: usize = 16;

/// `wasm` with the one copy of `text` in it word-coded, as the loader expands it: a header of
/// four little-endian `u32`s (where the text starts, its coded length, its plain length, the
/// dictionary's length), then the wasm up to the text, the dictionary, the coded text, and the
/// rest of the wasm. (The dictionary next to the text packs about 400 bytes smaller than at the
/// start.)
pub fn code_in_wasm(wasm: &[u8], text: &[u8]) -> Result<Vec<u8>, String> {
    let s = std::str::from_utf8(text).map_err(|_| "the course's text is not UTF-8".to_string())?;
    let found = |from: usize| {
        (!text.is_empty())
            .then(|| {
                wasm.get(from..)?
                    .windows(text.len())
                    .position(|w| w == text)
            })
            .flatten()
            .map(|at| at + from)
    };
    let at = found(0).ok_or("the course's text is not in the wasm")?;
    if found(at + 1).is_some() {
        return Err("the course's text is in the wasm twice".into());
    }
    let chosen = choose_words(s);
    let dictionary = pack_words(&chosen);
    let coded = encode(s, &chosen);
    let mut out = Vec::with_capacity(HEADER + dictionary.len() + wasm.len());
    for n in [at, coded.len(), text.len(), dictionary.len()] {
        let n = u32::try_from(n).map_err(|_| "the wasm is too large".to_string())?;
        out.extend_from_slice(&n.to_le_bytes());
    }
    out.extend_from_slice(&wasm[..at]);
    out.extend_from_slice(&dictionary);
    out.extend_from_slice(&coded);
    out.extend_from_slice(&wasm[at + text.len()..]);
    Ok(out)
}

/// The wasm back from [`code_in_wasm`]'s output (what `static/words.js` does as it streams);
/// `None` if the parts do not fit together.
pub fn expand(packed: &[u8]) -> Option<Vec<u8>> {
    let n = |i: usize| -> Option<usize> {
        let b = packed.get(4 * i..4 * i + 4)?;
        usize::try_from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])).ok()
    };
    let (at, coded, text, dict) = (n(0)?, n(1)?, n(2)?, n(3)?);
    let body = packed.get(HEADER..)?;
    let dictionary = body.get(at..at + dict)?;
    let expanded = decode(body.get(at + dict..at + dict + coded)?, dictionary)?;
    if expanded.len() != text {
        return None;
    }
    let mut out = body[..at].to_vec();
    out.extend_from_slice(expanded.as_bytes());
    out.extend_from_slice(&body[at + dict + coded..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str =
        "The care act and the care plan: care, then more care. A £2,000 cap\u{2013}or not? \
                        Care\tcared careful the the the";

    #[test]
    fn the_text_comes_back_whole_and_shorter() {
        let words = choose_words(TEXT);
        assert!(words.iter().any(|w| w == " care"), "{words:?}");
        let coded = encode(TEXT, &words);
        assert!(coded.len() < TEXT.len());
        assert_eq!(decode(&coded, &pack_words(&words)).as_deref(), Some(TEXT));
    }

    #[test]
    fn two_byte_codes_and_escapes_round_trip() {
        // More words than one-byte codes, so that some take two bytes.
        let letter = |n: usize| char::from(b'a' + (n % 26) as u8);
        let text: String = (0..600)
            .map(|i| format!(" q{}{}{}", letter(i / 676), letter(i / 26), letter(i)))
            .collect::<String>()
            + "\u{1}\n end";
        let words = choose_words(&text);
        assert!(words.len() > SINGLE + 256, "{}", words.len());
        let coded = encode(&text, &words);
        assert!(coded.iter().any(|b| (PAIR + 1..ESCAPE).contains(b)));
        assert_eq!(
            decode(&coded, &pack_words(&words)).as_deref(),
            Some(text.as_str())
        );
    }

    #[test]
    fn the_wasm_comes_back_whole_with_its_text_coded() {
        let wasm = [b"\0asm before ".as_slice(), TEXT.as_bytes(), b" after"].concat();
        let packed = code_in_wasm(&wasm, TEXT.as_bytes()).unwrap();
        assert!(packed.len() < wasm.len() + HEADER + 40, "{}", packed.len());
        assert_eq!(expand(&packed), Some(wasm.clone()));
        // A text missing from the wasm, or in it twice, is an error of the build.
        assert!(code_in_wasm(b"\0asm", TEXT.as_bytes()).is_err());
        let twice = [wasm.as_slice(), TEXT.as_bytes()].concat();
        assert!(code_in_wasm(&twice, TEXT.as_bytes()).is_err());
        // A damaged header is refused.
        let mut bad = packed.clone();
        bad[8] ^= 1;
        assert_eq!(expand(&bad), None);
        assert_eq!(expand(&packed[..HEADER + 3]), None);
    }

    #[test]
    fn the_course_text_is_found_in_a_built_wasm_shape() {
        // The app's own text, as the build finds it: plain, UTF-8, and worth coding.
        let text = crate::course::stored_text();
        assert!(std::str::from_utf8(text).is_ok());
        let wasm = [b"\0asm".as_slice(), text, b"\0\0"].concat();
        let packed = code_in_wasm(&wasm, text).unwrap();
        assert!(
            packed.len() < wasm.len() * 3 / 5,
            "{} of {}",
            packed.len(),
            wasm.len()
        );
        assert_eq!(expand(&packed), Some(wasm));
    }

    #[test]
    fn codes_that_do_not_fit_the_dictionary_are_refused() {
        let words = vec!["care".to_string()];
        let dict = pack_words(&words);
        assert_eq!(decode(&[0], &dict).as_deref(), Some("care"));
        assert_eq!(decode(&[1], &dict), None, "no second word");
        assert_eq!(decode(&[PAIR], &dict), None, "a two-byte code cut short");
        assert_eq!(decode(&[ESCAPE], &dict), None, "an escape cut short");
        assert_eq!(decode(&[0], b"care"), None, "a dictionary cut short");
        assert_eq!(decode(&[0xff], &dict), None, "not UTF-8");
    }
}
