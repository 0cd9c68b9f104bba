//! The course, compiled from `seeds/` by `build.rs`, stored in the app in its binary form
//! (`model::wire`), and read into the model's types the first time it is used.
//!
//! The binary form is about a third of the course as Rust statics (no pointers in the data). Its
//! text is stored with its commonest words coded (`model::wire::words`), decoded once at start
//! into memory the app keeps, from which the course's strings borrow. Reading it takes no parser
//! of the seeds. The stored bytes come from our build, not from a
//! learner or a browser; if they could not be read the build would be broken, so the app stops
//! with a message (and `static/start.js` shows the learner what to do).

use crate::model::wire::{read_course, words, WireError};
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
    Words,
    Wire(WireError),
}

impl std::fmt::Display for UnpackError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnpackError::Cut => f.write_str("it is cut short"),
            UnpackError::Words => f.write_str("its text does not fit its dictionary"),
            UnpackError::Wire(e) => e.fmt(f),
        }
    }
}

/// A LEB128 length at the start of `bytes`, and what follows it.
fn length(bytes: &[u8]) -> Result<(usize, &[u8]), UnpackError> {
    let mut len = 0usize;
    let mut at = 0;
    loop {
        let byte = *bytes.get(at).ok_or(UnpackError::Cut)?;
        len |= usize::from(byte & 0x7f) << (7 * at);
        at += 1;
        if byte & 0x80 == 0 || at > 4 {
            break;
        }
    }
    Ok((len, &bytes[at..]))
}

/// Reads a stored course (as `build.rs` writes it: `[shape length][shape][dictionary length]
/// [dictionary][text]`). The text is decoded once into memory kept for the app's life, and the
/// course's strings borrow from it.
pub fn unpack(stored: &'static [u8]) -> Result<Course, UnpackError> {
    let (len, rest) = length(stored)?;
    let shape = rest.get(..len).ok_or(UnpackError::Cut)?;
    let (len, rest) = length(&rest[len..])?;
    let dictionary = rest.get(..len).ok_or(UnpackError::Cut)?;
    let text = words::decode(&rest[len..], dictionary).ok_or(UnpackError::Words)?;
    let text: &'static str = Box::leak(text.into_boxed_str());
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
