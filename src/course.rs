//! The course, compiled from `seeds/` by `build.rs`, stored in the app in its binary form
//! (`model::wire`), and read into the model's types the first time it is used.
//!
//! The binary form is about a third of the course as Rust statics (no pointers in the data). Its
//! text is stored plain, and the course's strings borrow from it where it lies: reading copies no
//! text. (The download is smaller than that: the build's last step word-codes this text in the
//! compressed copy of the wasm, and the loader expands it as it streams in; see `src/dist/`.)
//! Reading takes no parser of the seeds. The stored bytes come from our build, not from a
//! learner or a browser; if they could not be read the build would be broken, so the app stops
//! with a message (and `static/start.js` shows the learner what to do).

use crate::model::wire::{read_course, WireError};
use crate::model::*;
use std::sync::LazyLock;

static STORED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/course.bin"));

/// The whole course, read on first use, then kept for the app's life.
/// Used as `COURSE.units` or `&COURSE` wherever a `&Course` is wanted.
pub static COURSE: LazyLock<Course> = LazyLock::new(|| match unpack(STORED) {
    Ok(course) => course,
    Err(e) => panic!("the built-in course could not be read: {e}"),
});

/// Why the stored course could not be read.
#[derive(Debug)]
pub enum UnpackError {
    Cut,
    Text,
    Wire(WireError),
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnpackError::Cut => f.write_str("it is cut short"),
            UnpackError::Text => f.write_str("its text is not UTF-8"),
            UnpackError::Wire(e) => e.fmt(f),
        }
    }
}

/// The stored course's two parts (as `build.rs` writes it: `[shape length][shape][text]`).
fn parts(stored: &[u8]) -> Result<(&[u8], &[u8]), UnpackError> {
    let mut len = 0usize;
    let mut at = 0;
    loop {
        let byte = *stored.get(at).ok_or(UnpackError::Cut)?;
        len |= usize::from(byte & 0x7f) << (7 * at);
        at += 1;
        if byte & 0x80 == 0 || at > 4 {
            break;
        }
    }
    let rest = &stored[at..];
    let shape = rest.get(..len).ok_or(UnpackError::Cut)?;
    Ok((shape, &rest[len..]))
}

/// The course's text as the app holds it (for the build's last step, which finds it in the wasm).
pub fn stored_text() -> &'static [u8] {
    parts(STORED).map_or(&[], |(_, text)| text)
}

/// Reads a stored course. Its strings borrow from the stored text.
pub fn unpack(stored: &'static [u8]) -> Result<Course, UnpackError> {
    let (shape, text) = parts(stored)?;
    let text = std::str::from_utf8(text).map_err(|_| UnpackError::Text)?;
    read_course(shape, text).map_err(UnpackError::Wire)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cut_store_is_an_error() {
        assert!(unpack(&STORED[..STORED.len() / 2]).is_err());
        assert!(unpack(&[]).is_err());
        assert!(unpack(&STORED[..3]).is_err());
    }
}
