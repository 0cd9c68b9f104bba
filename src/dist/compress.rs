//! The build's compressors: gzip and brotli copies of each file for servers that send
//! precompressed files, and LZMA for the wasm the page carries.

use super::literals;
use crate::packager::crc32::crc32;

/// `data` as a gzip file (RFC 1952): header, deflate, CRC-32 and length.
pub fn gzip(data: &[u8]) -> Vec<u8> {
    gzip_with_plain_run(data, None)
}

/// `data` as a gzip file, the bytes in `run` (the wasm's compressed copy in the page) coded as one
/// block of literals ([`literals`]): looking for repeats there, deflate finds short chance ones,
/// which cost more than they save.
pub fn gzip_with_plain_run(data: &[u8], run: Option<std::ops::Range<usize>>) -> Vec<u8> {
    use miniz_oxide::deflate::core::{
        compress_to_output, create_comp_flags_from_zip_params, CompressorOxide, TDEFLFlush,
    };
    let mut out = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 255];
    let flags = create_comp_flags_from_zip_params(10, -15, 0);
    let deflate = |part: &[u8], flush: TDEFLFlush, out: &mut Vec<u8>| {
        compress_to_output(&mut CompressorOxide::new(flags), part, flush, |b| {
            out.extend_from_slice(b);
            true
        });
    };
    match run.filter(|r| r.start <= r.end && r.end <= data.len()) {
        // One stream after another, each but the last ending at a byte boundary and not as
        // the final block: together they are one stream.
        Some(r) => {
            deflate(&data[..r.start], TDEFLFlush::Sync, &mut out);
            out.extend(literals::block(&data[r.clone()]));
            deflate(&data[r.end..], TDEFLFlush::Finish, &mut out);
        }
        None => deflate(data, TDEFLFlush::Finish, &mut out),
    }
    out.extend(crc32(data).to_le_bytes());
    out.extend((data.len() as u32).to_le_bytes());
    out
}

/// `data` in the .lzma format (its header giving the size), as small as LZMA packs it: the
/// wasm's copy that the loader expands (`static/lzma.js`). liblzma writes the size as unknown and
/// ends the stream with a marker; the header here gives the size, and the decoder stops there.
pub fn lzma(data: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    use xz2::stream::{LzmaOptions, MatchFinder, Stream};
    const EXTREME: u32 = 0x8000_0000; // liblzma's LZMA_PRESET_EXTREME
    let mut best: Option<Vec<u8>> = None;
    // The smallest of a few searches for matches: which is best differs from build to build by a
    // few dozen bytes.
    for nice in [64, 128, 273] {
        for finder in [MatchFinder::BinaryTree3, MatchFinder::BinaryTree4] {
            let mut options = LzmaOptions::new_preset(9 | EXTREME).map_err(|e| e.to_string())?;
            // No position bits, and four bits of the previous byte as the context of a literal:
            // best measured on this wasm (code, then the course's text).
            options
                .literal_context_bits(4)
                .literal_position_bits(0)
                .position_bits(0)
                .dict_size((data.len() as u32).next_power_of_two().max(1 << 16))
                .nice_len(nice)
                .match_finder(finder);
            let stream = Stream::new_lzma_encoder(&options).map_err(|e| e.to_string())?;
            let mut encoder = xz2::write::XzEncoder::new_stream(Vec::new(), stream);
            encoder.write_all(data).map_err(|e| e.to_string())?;
            let mut packed = encoder.finish().map_err(|e| e.to_string())?;
            if packed.len() < 13 {
                return Err("liblzma wrote no .lzma header".into());
            }
            packed[5..13].copy_from_slice(&(data.len() as u64).to_le_bytes());
            if best.as_ref().is_none_or(|b| packed.len() < b.len()) {
                best = Some(packed);
            }
        }
    }
    best.ok_or_else(|| "no LZMA encoding".into())
}

/// `data` as brotli, at the best quality.
pub fn brotli(data: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dist::copy::{copy_span, in_windows_1252, with_wasm_copy};

    #[test]
    fn the_copy_in_a_page_gzips_to_about_its_own_size() {
        // LZMA's output, as in the page: text of words in no order, compressed.
        let words = [
            "care ",
            "health ",
            "social ",
            "integration ",
            "the ",
            "of ",
            "and ",
        ];
        let text: String = literals::noise(100_000)
            .iter()
            .map(|&b| words[usize::from(b % 7)])
            .collect();
        let packed = lzma(text.as_bytes()).unwrap();
        let home = format!(
            "<meta charset=\"utf-8\"><body>{}\n</body>",
            "<p>A home page.</p>".repeat(50)
        );
        let page = with_wasm_copy(&in_windows_1252(&home).unwrap(), &packed).unwrap();
        let span = copy_span(&page[..]).unwrap();
        let rest = [&page[..span.start], &page[span.end..]].concat();
        let mixed = gzip_with_plain_run(&page[..], Some(span));
        // The pieces' bytes, their tags and the block's code table, with the rest of the page
        // compressed on its own. (On the course's page, on 2026-12-04, miniz alone made the
        // page's gzip 997 bytes larger: 275,695 against 274,698.)
        assert!(
            mixed.len() < packed.len() + 6 * 20 + 200 + gzip(&rest).len(),
            "{} for {} bytes in the run",
            mixed.len(),
            packed.len()
        );
        for gz in [mixed, gzip(&page[..])] {
            let body = miniz_oxide::inflate::decompress_to_vec(&gz[10..gz.len() - 8]).unwrap();
            assert_eq!(body, &page[..]);
            assert_eq!(
                gz[gz.len() - 8..gz.len() - 4],
                crc32(&page[..]).to_le_bytes()
            );
        }
        assert_eq!(copy_span(b"<body></body>"), None);
    }

    #[test]
    fn precompressed_copies_decompress_to_the_original() {
        let data = "Integration is a means, not an end. ".repeat(100);
        let gz = gzip(data.as_bytes());
        assert_eq!(&gz[..3], &[0x1f, 0x8b, 8]);
        let body = miniz_oxide::inflate::decompress_to_vec(&gz[10..gz.len() - 8]).unwrap();
        assert_eq!(body, data.as_bytes());
        let br = brotli(data.as_bytes()).unwrap();
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, data.as_bytes());
        assert!(br.len() < data.len() / 10);
        let z = lzma(data.as_bytes()).unwrap();
        assert_eq!(
            z[5..13],
            (data.len() as u64).to_le_bytes(),
            "the header gives the size"
        );
        // liblzma's own decoder, which reads the size from the header and stops there.
        let mut back = Vec::new();
        let stream = xz2::stream::Stream::new_lzma_decoder(u64::MAX).unwrap();
        std::io::Read::read_to_end(
            &mut xz2::read::XzDecoder::new_stream(&z[..], stream),
            &mut back,
        )
        .unwrap();
        assert_eq!(back, data.as_bytes());
        // On text with some order in it, LZMA packs tighter than gzip.
        let text: String = (0..20_000).map(|i| format!("{} ", i * 7 % 1_000)).collect();
        assert!(lzma(text.as_bytes()).unwrap().len() < gzip(text.as_bytes()).len());
    }
}
