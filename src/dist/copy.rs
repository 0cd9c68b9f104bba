//! The wasm carried in `index.html`: LZMA-compressed, in base64, in `<template>`s after the course
//! home, which the loader (`static/start.js`) expands as the page arrives.

use std::fmt::Write as _;

/// The id of the first of the `<template>`s that carry the compressed wasm in the page, in base64.
/// A template is inert: never shown, never read out, its contents not even part of the document,
/// and no Content-Security-Policy applies to it. Its tags are short, which matters between
/// pieces: base64 has no repeats to compress them into.
pub const COPY_ID: &str = "wasm-lzma";

/// The sizes of the pieces the compressed wasm is cut into, first to last, for `total` bytes. The
/// loader expands a piece once the browser has read it whole (and the next tag has begun), so
/// the pieces at the end are small: what is left to expand when the page has arrived is the last
/// piece. Before them, pieces of 64 KB (few: each tag between pieces adds to the download, with
/// no repeats around it to compress it into); the first takes what is left over. Each piece is
/// base64 of its own.
pub fn piece_sizes(total: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = total;
    for size in [3 * 2_730, 3 * 5_461, 3 * 10_922] {
        if left == 0 {
            break;
        }
        sizes.push(left.min(size));
        left -= left.min(size);
    }
    while left > 0 {
        let size = left.min(3 * 21_845);
        sizes.push(size);
        left -= size;
    }
    sizes.reverse();
    sizes
}

/// `bytes` in base64 (RFC 4648, with padding).
pub fn base64(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            out.push(if i <= group.len() {
                char::from(DIGITS[(n >> (18 - 6 * i) & 63) as usize])
            } else {
                '='
            });
        }
    }
    out
}

/// `html` with the compressed wasm `packed` carried at the end of its body, in base64, in
/// `<template>`s of the sizes [`piece_sizes`] gives (the first with the id [`COPY_ID`]).
pub fn with_wasm_copy(html: &str, packed: &[u8]) -> Result<String, String> {
    let end = html
        .rfind("</body>")
        .ok_or("index.html has no </body> to put the wasm before")?;
    let mut blocks = String::with_capacity(packed.len() / 3 * 4 + 256);
    let mut at = 0;
    for (i, size) in piece_sizes(packed.len()).into_iter().enumerate() {
        let id = if i == 0 {
            format!(" id=\"{COPY_ID}\"")
        } else {
            String::new()
        };
        let piece = &packed[at..at + size];
        at += size;
        let _ = write!(blocks, "<template{id}>{}</template>", base64(piece));
    }
    Ok(format!("{}{blocks}\n{}", &html[..end], &html[end..]))
}

/// Where the page's pieces of base64 lie, from the first piece's text to the last one's end.
pub(super) fn copy_span(html: &[u8]) -> Option<std::ops::Range<usize>> {
    let open = format!("<template id=\"{COPY_ID}\">");
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let start = find(html, open.as_bytes())? + open.len();
    let close = b"</template>";
    let last = html.windows(close.len()).rposition(|w| w == close)?;
    (last >= start).then_some(start..last)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_rfc_4648s() {
        // The test vectors of RFC 4648, section 10.
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(base64(plain.as_bytes()), coded);
        }
        assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
    }

    #[test]
    fn the_pieces_are_small_at_the_end_and_at_most_64_kb() {
        for total in [0, 1, 8_190, 8_191, 57_339, 57_340, 270_772, 1_000_000] {
            let sizes = piece_sizes(total);
            assert_eq!(sizes.iter().sum::<usize>(), total, "{total}: {sizes:?}");
            assert!(sizes.iter().all(|&s| s > 0 && s <= 65_535), "{sizes:?}");
            let n = sizes.len();
            if total > 57_339 {
                assert_eq!(sizes[n - 3..], [32_766, 16_383, 8_190], "{sizes:?}");
            }
        }
        assert_eq!(
            piece_sizes(270_772),
            [16_828, 65_535, 65_535, 65_535, 32_766, 16_383, 8_190]
        );
        assert_eq!(piece_sizes(10_000), [1_810, 8_190]);
    }

    #[test]
    fn the_wasm_goes_into_the_page_in_templates_before_the_end_of_the_body() {
        let packed: Vec<u8> = (0..100_001).map(|i| (i * 7 % 256) as u8).collect();
        let html =
            with_wasm_copy("<body><div id=\"app\"></div>\n</body>\n</html>", &packed).unwrap();
        let sizes = piece_sizes(packed.len());
        assert_eq!(html.matches("<template").count(), sizes.len());
        assert_eq!(
            html.matches(&format!("id=\"{COPY_ID}\"")).count(),
            1,
            "one id"
        );
        assert!(html.starts_with(&format!(
            "<body><div id=\"app\"></div>\n<template id=\"{COPY_ID}\">"
        )));
        assert!(html.ends_with("</template>\n</body>\n</html>"));
        // Together the pieces give the bytes back.
        let span = copy_span(html.as_bytes()).unwrap();
        let pieces: Vec<&str> = html[span].split("</template><template>").collect();
        assert_eq!(pieces.len(), sizes.len());
        let mut at = 0;
        for (i, (piece, size)) in pieces.iter().zip(&sizes).enumerate() {
            assert_eq!(*piece, base64(&packed[at..at + size]));
            assert_eq!(piece.contains('='), size % 3 != 0, "piece {i}");
            at += size;
        }
        assert!(with_wasm_copy("<p>no body</p>", &packed).is_err());
    }
}
