//! The course, compiled from `seeds/` by `build.rs`, stored in the app compressed, and expanded
//! into the model's types the first time it is used.
//!
//! Stored as LZMA (`course.lzma` in `OUT_DIR`), it is about a fifth of the course as Rust statics,
//! and the app's download with it. Reading it takes no parser of the seeds: the wire format
//! (`model::wire`) is the compiled course's own shape. The stored bytes come from our build, not
//! from a learner or a browser; if they could not be read the build would be broken, so the app
//! stops with a message (and `static/start.js` shows the learner what to do).

use crate::model::wire::{read_course, WireError};
use crate::model::*;
use std::sync::LazyLock;

static PACKED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.lzma"));

/// The whole course, expanded on first use (a few milliseconds), then kept for the app's life.
/// Used as `COURSE.units` or `&COURSE` wherever a `&Course` is wanted.
pub static COURSE: LazyLock<Course> = LazyLock::new(|| match unpack(PACKED) {
    Ok(course) => course,
    Err(e) => panic!("the built-in course could not be read: {e}"),
});

/// Why the stored course could not be expanded.
#[derive(Debug)]
pub enum UnpackError {
    Lzma,
    Utf8,
    Wire(WireError),
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnpackError::Lzma => f.write_str("the LZMA stream is damaged"),
            UnpackError::Utf8 => f.write_str("its text is not UTF-8"),
            UnpackError::Wire(e) => e.fmt(f),
        }
    }
}

/// Expands a stored course (as `build.rs` writes it: `[shape length][shape][text]`, LZMA).
pub fn unpack(packed: &[u8]) -> Result<Course, UnpackError> {
    // The .lzma header gives the expanded size (bytes 5 to 13): one allocation, no regrowth.
    let size = packed
        .get(5..13)
        .and_then(|b| <[u8; 8]>::try_from(b).ok())
        .map(u64::from_le_bytes)
        .and_then(|n| usize::try_from(n).ok())
        .filter(|&n| n <= packed.len().saturating_mul(64))
        .ok_or(UnpackError::Lzma)?;
    let mut plain = Vec::with_capacity(size);
    lzma_rs::lzma_decompress(&mut &packed[..], &mut plain).map_err(|_| UnpackError::Lzma)?;
    let mut len = 0usize;
    let mut at = 0;
    loop {
        let byte = *plain.get(at).ok_or(UnpackError::Lzma)?;
        len |= usize::from(byte & 0x7f) << (7 * at);
        at += 1;
        if byte & 0x80 == 0 || at > 4 {
            break;
        }
    }
    let text_at = at.checked_add(len).ok_or(UnpackError::Lzma)?;
    let shape = plain.get(at..text_at).ok_or(UnpackError::Lzma)?.to_vec();
    // The text moves to the front of the same buffer, which becomes the course's text.
    plain.drain(..text_at);
    let text = String::from_utf8(plain).map_err(|_| UnpackError::Utf8)?;
    let text: &'static str = Box::leak(text.into_boxed_str());
    read_course(&shape, text).map_err(UnpackError::Wire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_store_is_an_error() {
        assert!(unpack(&PACKED[..PACKED.len() / 2]).is_err());
        assert!(unpack(&[]).is_err());
    }
}
