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

/// `data` in the .lzma format (header with the size, no end marker), as small as LZMA packs it:
/// the wasm's copy that the loader expands (`static/lzma.js`).
pub fn lzma(data: &[u8]) -> Result<Vec<u8>, String> {
    use std::io::Write as _;
    let mut options = lzma_rust2::LzmaOptions::with_preset(9);
    // No position bits, and four bits of the previous byte as the context of a literal: best
    // measured on this wasm (code, then the course's text).
    options.pb = 0;
    options.lc = 4;
    options.dict_size = (data.len() as u32).next_power_of_two().max(1 << 16);
    options.nice_len = 273;
    let mut writer =
        lzma_rust2::LzmaWriter::new_use_header(Vec::new(), &options, Some(data.len() as u64))
            .map_err(|e| e.to_string())?;
    writer.write_all(data).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())
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
        let mut back = Vec::new();
        std::io::Read::read_to_end(
            &mut lzma_rust2::LzmaReader::new_mem_limit(&z[..], u32::MAX, None).unwrap(),
            &mut back,
        )
        .unwrap();
        assert_eq!(back, data.as_bytes());
        assert!(z.len() <= gz.len());
    }
}
