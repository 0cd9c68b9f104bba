//! The wasm carried in `index.html`: LZMA-compressed, as raw bytes, in `<script type=x>` data
//! blocks after the course home, which the loader (`static/start.js`) expands as the page arrives.
//!
//! The bytes go in as they are, one character each, which is why the page is windows-1252: in that
//! encoding every byte is a character of its own, so the browser's text of a piece gives the bytes
//! back (base64, which the page carried until 2026-12-04, is a third larger). Three things the HTML
//! parser does to the text of a `<script>` are undone or avoided:
//!
//! - a NUL becomes U+FFFD, which no other byte becomes: the loader turns it back;
//! - a CR, or a CR and the LF after it, becomes an LF: the first piece's `data-cr` says, for each
//!   LF the loader reads, whether it was a CR (one bit each, base64), and `data-crlf` which of
//!   those CRs had an LF after them;
//! - `</script` or `<!--` would end or change the piece: the build cuts a piece between the `<`
//!   and the rest (in random bytes, about once in four thousand million bytes).
//!
//! A server that labels the page as UTF-8 in its `Content-Type` header outranks the page's own
//! `<meta charset>`, and the bytes are read wrongly: the loader then reads the page's bytes
//! itself (`fetch` of its own address, from the browser's cache where it can). So that the course
//! home reads the same either way, everything before the pieces is ASCII ([`in_windows_1252`]).

use std::fmt::Write as _;

/// The id of the first of the `<script type=x>`s that carry the compressed wasm in the page. A
/// `<script>` of a type that is not JavaScript is a data block: never run, never shown or read
/// out, and no Content-Security-Policy applies to it.
pub const COPY_ID: &str = "wasm-lzma";

/// The start tag of every piece but the first.
const OPEN: &str = "<script type=x>";

/// The end tag of every piece.
const CLOSE: &str = "</script>";

/// The page's own declaration of its encoding, which the copy needs.
const META: &str = "<meta charset=\"windows-1252\">";

/// The sizes of the pieces the compressed wasm is cut into, first to last, for `total` bytes. The
/// loader expands a piece once the browser has read it whole (and the next tag has begun), so
/// the pieces at the end are small: what is left to expand when the page has arrived is the last
/// piece. Before them, pieces of 64 KB (few: each tag between pieces adds to the download, with
/// no repeats around it to compress it into); the first takes what is left over, with a 64 KB
/// piece if that is under 32 KB. The build may cut a piece further ([`cuts`]).
pub fn piece_sizes(total: usize) -> Vec<usize> {
    let mut sizes = Vec::new();
    let mut left = total;
    for size in [1 << 13, 1 << 14, 1 << 15] {
        if left == 0 {
            break;
        }
        sizes.push(left.min(size));
        left -= left.min(size);
    }
    while left > 0 {
        let size = left.min(1 << 16);
        sizes.push(size);
        left -= size;
    }
    // A small remainder joins the 64 KB piece after it: one tag fewer.
    if sizes.len() > 4 && sizes[sizes.len() - 1] < 1 << 15 {
        if let Some(small) = sizes.pop() {
            if let Some(last) = sizes.last_mut() {
                *last += small;
            }
        }
    }
    sizes.reverse();
    sizes
}

/// Where a piece must be cut, besides its planned ends: between a `<` and what follows it, where
/// they begin `</script` (in any case) or `<!--`, which would end the data block or change how the
/// parser reads the rest of it.
pub fn cuts(bytes: &[u8]) -> Vec<usize> {
    (0..bytes.len())
        .filter(|&i| {
            let rest = &bytes[i..];
            rest.starts_with(b"<!--")
                || (rest.len() >= 8 && rest[..8].eq_ignore_ascii_case(b"</script"))
        })
        .map(|i| i + 1)
        .collect()
}

/// `bytes` in base64 (RFC 4648, with padding).
fn base64(bytes: &[u8]) -> String {
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

/// What the parser leaves of the line ends in `pieces` (the bytes of each data block): for each LF
/// the loader will read, whether it was a CR (one bit each, the first the most significant), and
/// the numbers (counted from 0, among those CRs) of the CRs that had an LF after them in the same
/// piece. A CR at the end of a piece stands alone: the tags come between it and the next piece.
pub fn line_ends(pieces: &[&[u8]]) -> (Vec<u8>, Vec<usize>) {
    let mut was_cr = Vec::new();
    let mut crlf = Vec::new();
    let mut crs = 0;
    for piece in pieces {
        let mut i = 0;
        while i < piece.len() {
            match piece[i] {
                b'\r' => {
                    if piece.get(i + 1) == Some(&b'\n') {
                        crlf.push(crs);
                        i += 1;
                    }
                    was_cr.push(true);
                    crs += 1;
                }
                b'\n' => was_cr.push(false),
                _ => {}
            }
            i += 1;
        }
    }
    let flags = was_cr
        .chunks(8)
        .map(|bits| {
            bits.iter()
                .enumerate()
                .fold(0u8, |byte, (i, &cr)| byte | u8::from(cr) << (7 - i))
        })
        .collect();
    (flags, crlf)
}

/// `html` as the page that carries the copy declares itself: windows-1252, with every character
/// outside ASCII written as a character reference, so that the page reads the same whatever a
/// server says its encoding is. Fails if `html` does not declare UTF-8 as it should, or has a
/// `<script>` or `<style>` with text in it (where a reference would not be read as one).
pub fn in_windows_1252(html: &str) -> Result<String, String> {
    let utf8 = "<meta charset=\"utf-8\">";
    if !html.contains(utf8) {
        return Err(format!("index.html has no {utf8} to change"));
    }
    if html.contains("<style") || html.contains("<script>") {
        return Err("index.html has an inline <script> or <style>: move it to a file".into());
    }
    Ok(with_references(&html.replacen(utf8, META, 1)))
}

/// `text` with every character outside ASCII written as a numeric character reference (for HTML
/// text and attribute values, not inside `<script>` or `<style>`).
pub fn with_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            let _ = write!(out, "&#{};", u32::from(c));
        }
    }
    out
}

/// `html` (from [`in_windows_1252`]) with the compressed wasm `packed` carried at the end of its
/// body, as raw bytes, in data blocks of the sizes [`piece_sizes`] gives, cut further where
/// [`cuts`] says. The first has the id [`COPY_ID`] and the line ends' record ([`line_ends`]).
pub fn with_wasm_copy(html: &str, packed: &[u8]) -> Result<Vec<u8>, String> {
    if !html.contains(META) {
        return Err(format!("index.html has no {META}: the copy needs it"));
    }
    let end = html
        .rfind("</body>")
        .ok_or("index.html has no </body> to put the wasm before")?;
    let mut ends: Vec<usize> = piece_sizes(packed.len())
        .into_iter()
        .scan(0, |at, size| {
            *at += size;
            Some(*at)
        })
        .chain(cuts(packed))
        .collect();
    ends.sort_unstable();
    ends.dedup();
    let mut pieces = Vec::with_capacity(ends.len());
    let mut at = 0;
    for end in ends {
        pieces.push(&packed[at..end]);
        at = end;
    }
    let (flags, crlf) = line_ends(&pieces);
    let crlf: Vec<String> = crlf.iter().map(usize::to_string).collect();
    let mut page =
        Vec::with_capacity(html.len() + packed.len() + 64 * pieces.len() + flags.len() * 2);
    page.extend_from_slice(&html.as_bytes()[..end]);
    for (i, piece) in pieces.iter().enumerate() {
        if i == 0 {
            let crlf = if crlf.is_empty() {
                String::new()
            } else {
                format!(" data-crlf=\"{}\"", crlf.join(" "))
            };
            let first = format!(
                "<script type=x id={COPY_ID} data-cr=\"{}\"{crlf}>",
                base64(&flags)
            );
            page.extend_from_slice(first.as_bytes());
        } else {
            page.extend_from_slice(OPEN.as_bytes());
        }
        page.extend_from_slice(piece);
        page.extend_from_slice(CLOSE.as_bytes());
    }
    page.push(b'\n');
    page.extend_from_slice(&html.as_bytes()[end..]);
    Ok(page)
}

/// Where the page's pieces lie, from the first piece's bytes to the last one's end.
pub(super) fn copy_span(html: &[u8]) -> Option<std::ops::Range<usize>> {
    let find = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).position(|w| w == needle);
    let open = format!("<script type=x id={COPY_ID} ");
    let tag = find(html, open.as_bytes())?;
    let start = tag + find(&html[tag..], b">")? + 1;
    let last = html
        .windows(CLOSE.len())
        .rposition(|w| w == CLOSE.as_bytes())?;
    (last >= start).then_some(start..last)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A piece's text as the HTML parser leaves it in a windows-1252 page, as the numbers of the
    /// bytes that windows-1252 maps each character to (U+FFFD as 0xFFFD): a CR and an LF after it
    /// become an LF, a lone CR an LF, a NUL U+FFFD.
    fn as_parsed(piece: &[u8]) -> Vec<u32> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < piece.len() {
            match piece[i] {
                0 => out.push(0xfffd),
                b'\r' => {
                    out.push(u32::from(b'\n'));
                    if piece.get(i + 1) == Some(&b'\n') {
                        i += 1;
                    }
                }
                b => out.push(u32::from(b)),
            }
            i += 1;
        }
        out
    }

    /// What the loader does with the parsed pieces and the line ends' record.
    fn as_read(parsed: &[Vec<u32>], flags: &[u8], crlf: &[usize]) -> Vec<u8> {
        let (mut lf, mut cr) = (0, 0);
        let mut out = Vec::new();
        for piece in parsed {
            for &c in piece {
                if c == 0xfffd {
                    out.push(0);
                } else if c == u32::from(b'\n') {
                    if flags[lf / 8] & (0x80 >> (lf % 8)) != 0 {
                        out.push(b'\r');
                        if crlf.contains(&cr) {
                            out.push(b'\n');
                        }
                        cr += 1;
                    } else {
                        out.push(b'\n');
                    }
                    lf += 1;
                } else {
                    out.push(c as u8);
                }
            }
        }
        out
    }

    /// The pieces of a page from [`with_wasm_copy`], and its line ends' record.
    fn pieces_of(page: &[u8]) -> (Vec<Vec<u8>>, Vec<u8>, Vec<usize>) {
        let text = String::from_utf8_lossy(page);
        let attr = |name: &str| {
            let start = text.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
            text[start..start + text[start..].find('"').unwrap()].to_string()
        };
        let flags: Vec<u8> = {
            let coded = attr("data-cr");
            let digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
            let values: Vec<u32> = coded
                .trim_end_matches('=')
                .chars()
                .map(|c| digits.find(c).unwrap() as u32)
                .collect();
            let mut bytes = Vec::new();
            for group in values.chunks(4) {
                let n = group
                    .iter()
                    .enumerate()
                    .fold(0, |n, (i, v)| n | v << (18 - 6 * i));
                for i in 0..group.len() - 1 {
                    bytes.push((n >> (16 - 8 * i)) as u8);
                }
            }
            bytes
        };
        let crlf = attr("data-crlf")
            .split_whitespace()
            .map(|n| n.parse().unwrap())
            .collect();
        let span = copy_span(page).unwrap();
        let mut pieces = Vec::new();
        let mut rest = &page[span.start..span.end + CLOSE.len()];
        while !rest.is_empty() {
            let end = rest
                .windows(CLOSE.len())
                .position(|w| w == CLOSE.as_bytes())
                .unwrap();
            pieces.push(rest[..end].to_vec());
            rest = &rest[end + CLOSE.len()..];
            rest = rest.strip_prefix(OPEN.as_bytes()).unwrap_or(rest);
        }
        (pieces, flags, crlf)
    }

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
    fn the_pieces_are_small_at_the_end_and_at_most_64_kb_but_the_first() {
        for total in [0, 1, 8_192, 8_193, 57_344, 57_345, 270_619, 1_000_000] {
            let sizes = piece_sizes(total);
            assert_eq!(sizes.iter().sum::<usize>(), total, "{total}: {sizes:?}");
            assert!(sizes.iter().all(|&s| s > 0 && s < 98_304), "{sizes:?}");
            assert!(sizes.iter().skip(1).all(|&s| s <= 65_536), "{sizes:?}");
            let n = sizes.len();
            if total > 57_344 {
                assert_eq!(sizes[n - 3..], [32_768, 16_384, 8_192], "{sizes:?}");
            }
        }
        assert_eq!(
            piece_sizes(270_619),
            [82_203, 65_536, 65_536, 32_768, 16_384, 8_192]
        );
        assert_eq!(piece_sizes(10_000), [1_808, 8_192]);
        assert_eq!(
            piece_sizes(300_000),
            [46_048, 65_536, 65_536, 65_536, 32_768, 16_384, 8_192]
        );
    }

    #[test]
    fn pieces_are_cut_where_the_parser_would_end_or_change_them() {
        assert_eq!(cuts(b"a</script>b<!--c</SCRIPT"), [2, 12, 17]);
        assert_eq!(cuts(b"<<!--"), [2]);
        assert!(cuts(b"</scrip <!- </p> <!x <script").is_empty());
    }

    #[test]
    fn the_line_ends_record_says_which_lfs_were_crs_and_which_crs_had_an_lf_after_them() {
        let (flags, crlf) = line_ends(&[b"a\rb\nc\r\n", b"\n\r", b"\nd\r\r\n"]);
        // The LFs read: CR, LF, CR+LF; LF, CR; LF, CR, CR+LF.
        assert_eq!(flags, [0b1010_1011]);
        assert_eq!(crlf, [1, 4]);
        assert_eq!(line_ends(&[b"abc"]), (vec![], vec![]));
    }

    #[test]
    fn a_page_in_windows_1252_reads_the_same_whatever_its_label() {
        let html = "<head>\n<meta charset=\"utf-8\">\n<title>Care \u{2019}n\u{2019} health \u{25cb}</title></head>";
        let page = in_windows_1252(html).unwrap();
        assert!(page.is_ascii());
        assert_eq!(
            page,
            "<head>\n<meta charset=\"windows-1252\">\n<title>Care &#8217;n&#8217; health &#9675;</title></head>"
        );
        assert!(in_windows_1252("<head><title>t</title></head>").is_err());
        assert!(in_windows_1252("<meta charset=\"utf-8\"><style>p{}</style>").is_err());
        assert!(in_windows_1252("<meta charset=\"utf-8\"><script>go()</script>").is_err());
    }

    #[test]
    fn the_wasm_goes_into_the_page_in_data_blocks_that_give_its_bytes_back() {
        let mut packed = super::super::literals::noise(100_001);
        // Every line end the parser changes, and both of what a piece must be cut at.
        packed[10..29].copy_from_slice(b"\r\n\r\r\n\n\0<!--</ScRiPt");
        // A CR at the end of the first piece (42,657 bytes), and an LF at the start of the next.
        packed[42_656] = b'\r';
        packed[42_657] = b'\n';
        let html = in_windows_1252(
            "<meta charset=\"utf-8\"><body><div id=\"app\"></div>\n</body>\n</html>",
        )
        .unwrap();
        let page = with_wasm_copy(&html, &packed).unwrap();
        assert!(page.starts_with(b"<meta charset=\"windows-1252\"><body><div id=\"app\"></div>\n<script type=x id=wasm-lzma data-cr=\""));
        assert!(page.ends_with(b"</script>\n</body>\n</html>"));
        let (pieces, flags, crlf) = pieces_of(&page);
        let planned = piece_sizes(packed.len()).len();
        assert_eq!(pieces.len(), planned + cuts(&packed).len());
        assert!(cuts(&packed).len() >= 2);
        assert_eq!(
            pieces.concat(),
            packed,
            "the pieces hold the bytes as they are"
        );
        assert!(
            pieces.iter().all(|p| cuts(p).is_empty()),
            "no piece has what the parser would end it at"
        );
        assert!(!crlf.is_empty());
        let parsed: Vec<Vec<u32>> = pieces.iter().map(|p| as_parsed(p)).collect();
        assert_eq!(
            as_read(&parsed, &flags, &crlf),
            packed,
            "read as a browser reads them, they give the bytes back"
        );
        assert!(with_wasm_copy("<p>no meta</p></body>", &packed).is_err());
        assert!(with_wasm_copy(
            &in_windows_1252("<meta charset=\"utf-8\"><p>no body</p>").unwrap(),
            &packed
        )
        .is_err());
    }
}
