//! The course's binary form: how `build.rs` stores the compiled course in the app and how the
//! app reads it back.
//!
//! Two streams. The *shape* holds every number, tag and length as a LEB128 varint (signed numbers
//! zigzagged); the *text* holds every string's bytes, one after another, in the order the shape
//! reads them, so a string costs only its length in the shape. The strings' lengths are kept
//! apart from the rest of the shape, after it ([`Writer::packed`]): the rest is then a few
//! patterns repeated, which compress to about a third (the download is about 1 KB smaller).
//! Strings are sliced out of the one text, so reading copies no text. `build.rs` stores both in
//! the app as they are (the download is compressed as a whole: `src/dist/`), and `src/course.rs`
//! reads them on first use.
//!
//! Every struct of the model is written and read (in `types.rs`) through `wire_struct!`, which destructures without `..` and
//! builds with every field: a field added to the model and forgotten here fails to compile. The
//! round trip (compiled course → bytes → course, compared whole) is tested in `src/course.rs`.

use super::*;

/// The written course, before compression.
#[derive(Default)]
pub struct Writer {
    pub shape: Vec<u8>,
    /// The strings' lengths, in the order written.
    pub lengths: Vec<u8>,
    pub text: String,
}

/// Reads a course written by [`Writer`]; strings borrow from `text`.
///
/// Reading never stops half way with an error to pass up: the first problem is kept, every read
/// after it gives an empty or zero value, and [`read_course`] reports the problem at the end. That
/// keeps the reading code (which is in the wasm) small.
pub struct Reader<'a> {
    shape: &'a [u8],
    at: usize,
    lengths: &'a [u8],
    lengths_at: usize,
    text: &'static str,
    text_at: usize,
    error: Option<WireError>,
}

/// Where and why the stored course could not be read (only a build gone wrong can cause it).
#[derive(Debug, PartialEq, Eq)]
pub struct WireError {
    pub at: usize,
    pub what: &'static str,
}

impl std::fmt::Display for WireError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} at byte {} of the course's shape", self.what, self.at)
    }
}

type Result<T> = std::result::Result<T, WireError>;

/// `v` as a LEB128 varint onto `out`.
fn put_uint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// The LEB128 varint at `*at` in `bytes`, moving `*at` past it; or why there is none.
fn take_uint(bytes: &[u8], at: &mut usize) -> std::result::Result<u64, &'static str> {
    let mut v = 0u64;
    let mut shift = 0;
    loop {
        let &byte = bytes.get(*at).ok_or("the shape ends inside a number")?;
        *at += 1;
        if shift > 63 {
            return Err("a number is too long");
        }
        v |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(v);
        }
        shift += 7;
    }
}

impl Writer {
    pub fn uint(&mut self, v: u64) {
        put_uint(&mut self.shape, v);
    }

    /// The shape as stored: its length, the shape, then the strings' lengths.
    pub fn packed(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.shape.len() + self.lengths.len() + 4);
        put_uint(&mut out, self.shape.len() as u64);
        out.extend_from_slice(&self.shape);
        out.extend_from_slice(&self.lengths);
        out
    }

    pub fn int(&mut self, v: i64) {
        self.uint(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn str(&mut self, s: &str) {
        put_uint(&mut self.lengths, s.len() as u64);
        self.text.push_str(s);
    }
}

impl<'a> Reader<'a> {
    /// A reader of a shape as [`Writer::packed`] stores it, and of its text.
    pub fn new(packed: &'a [u8], text: &'static str) -> Self {
        let mut r = Reader {
            shape: packed,
            at: 0,
            lengths: &[],
            lengths_at: 0,
            text,
            text_at: 0,
            error: None,
        };
        let len: usize = r.small();
        let parts = packed
            .get(r.at..)
            .and_then(|rest| rest.split_at_checked(len));
        match parts {
            Some((shape, lengths)) => {
                (r.shape, r.at, r.lengths) = (shape, 0, lengths);
            }
            None => r.fail("the shape is cut short"),
        }
        r
    }

    /// Keeps the first problem (and where it was met) and stops reading the shape and the
    /// strings' lengths.
    pub fn fail(&mut self, what: &'static str) {
        if self.error.is_none() {
            self.error = Some(WireError { at: self.at, what });
        }
        self.at = self.shape.len();
        self.lengths_at = self.lengths.len();
    }

    /// The first problem met, if any.
    pub fn error(&self) -> Option<&WireError> {
        self.error.as_ref()
    }

    pub fn uint(&mut self) -> u64 {
        take_uint(self.shape, &mut self.at).unwrap_or_else(|what| {
            self.fail(what);
            0
        })
    }

    pub fn int(&mut self) -> i64 {
        let v = self.uint();
        ((v >> 1) as i64) ^ -((v & 1) as i64)
    }

    /// A number that must fit `T` (a length, an id, a percentage).
    pub fn small<T: TryFrom<u64> + Default>(&mut self) -> T {
        let v = self.uint();
        T::try_from(v).unwrap_or_else(|_| {
            self.fail("a number is out of range");
            T::default()
        })
    }

    /// The tag of an enum with `count` variants.
    pub fn tag(&mut self, count: u8, what: &'static str) -> u8 {
        let t: u8 = self.small();
        if t >= count {
            self.fail(what);
            return 0;
        }
        t
    }

    pub fn str(&mut self) -> &'static str {
        // After a problem both streams are at their ends, so this is an empty string.
        let len = match take_uint(self.lengths, &mut self.lengths_at) {
            Ok(len) => usize::try_from(len).unwrap_or(usize::MAX),
            Err(_) => {
                self.fail("the strings' lengths end early");
                0
            }
        };
        let end = self.text_at.saturating_add(len);
        let text = self.text;
        match text.get(self.text_at..end) {
            Some(s) => {
                self.text_at = end;
                s
            }
            None => {
                self.fail("a string runs past the text or splits a character");
                ""
            }
        }
    }

    /// Whether both streams were read to their ends without a problem.
    pub fn finished(&self) -> bool {
        self.error.is_none()
            && self.at == self.shape.len()
            && self.lengths_at == self.lengths.len()
            && self.text_at == self.text.len()
    }
}

/// A value of the course that can be written and read back.
pub trait Wire: Sized {
    fn put(&self, w: &mut Writer);
    fn take(r: &mut Reader) -> Self;
}

impl Wire for &'static str {
    fn put(&self, w: &mut Writer) {
        w.str(self);
    }
    fn take(r: &mut Reader) -> Self {
        r.str()
    }
}

impl Wire for bool {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self));
    }
    fn take(r: &mut Reader) -> Self {
        r.tag(2, "a yes/no is neither") == 1
    }
}

macro_rules! wire_unsigned {
    ($($t:ty),*) => {$(
        impl Wire for $t {
            fn put(&self, w: &mut Writer) {
                w.uint(u64::from(*self));
            }
            fn take(r: &mut Reader) -> Self {
                r.small()
            }
        }
    )*};
}
wire_unsigned!(u8, u16, u32);

impl Wire for i32 {
    fn put(&self, w: &mut Writer) {
        w.int(i64::from(*self));
    }
    fn take(r: &mut Reader) -> Self {
        let v = r.int();
        i32::try_from(v).unwrap_or_else(|_| {
            r.fail("a number is out of range");
            0
        })
    }
}

impl Wire for i64 {
    fn put(&self, w: &mut Writer) {
        w.int(*self);
    }
    fn take(r: &mut Reader) -> Self {
        r.int()
    }
}

/// A list: its length, then each element. Read lists are leaked: the course lives as long as
/// the app.
impl<T: Wire> Wire for &'static [T] {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for x in self.iter() {
            x.put(w);
        }
    }
    fn take(r: &mut Reader) -> Self {
        let len: usize = r.small();
        // Each element takes at least one byte of the shape or of the strings' lengths (a string
        // takes only the latter): a corrupt length cannot reserve more.
        let left =
            r.shape.len().saturating_sub(r.at) + r.lengths.len().saturating_sub(r.lengths_at);
        if len > left {
            r.fail("a list is longer than the rest of the data");
            return &[];
        }
        let v: Vec<T> = (0..len).map(|_| T::take(r)).collect();
        Box::leak(v.into_boxed_slice())
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(x) => {
                w.uint(1);
                x.put(w);
            }
        }
    }
    fn take(r: &mut Reader) -> Self {
        match r.tag(2, "an optional value has a wrong tag") {
            0 => None,
            _ => Some(T::take(r)),
        }
    }
}

mod types;

/// Writes the course: the shape and the text, ready to compress.
pub fn write_course(course: &Course) -> Writer {
    let mut w = Writer::default();
    course.put(&mut w);
    w
}

/// Reads a course written by [`write_course`]; both streams must be read to their ends.
pub fn read_course(shape: &[u8], text: &'static str) -> Result<Course> {
    let mut r = Reader::new(shape, text);
    let course = Course::take(&mut r);
    if !r.finished() {
        r.fail("the course ends before its data does");
    }
    match r.error {
        Some(e) => Err(e),
        None => Ok(course),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_at_their_edges() {
        let mut w = Writer::default();
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            w.uint(v);
        }
        for v in [
            0i64,
            -1,
            1,
            -64,
            64,
            i64::from(i32::MIN),
            i64::MAX,
            i64::MIN,
        ] {
            w.int(v);
        }
        let packed = w.packed();
        let mut r = Reader::new(&packed, "");
        for v in [0u64, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX] {
            assert_eq!(r.uint(), v);
        }
        for v in [
            0i64,
            -1,
            1,
            -64,
            64,
            i64::from(i32::MIN),
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(r.int(), v);
        }
        assert!(r.finished());
    }

    #[test]
    fn broken_data_is_an_error_not_a_panic() {
        // A number that never ends, a string past the text, a string splitting "é", a list
        // longer than the data, an unknown tag. Each shape is packed: its length, the shape, the
        // strings' lengths.
        let cases: [(&[u8], &'static str); 5] = [
            (&[2, 0x80, 0x80], ""),
            (&[0, 5], "abc"),
            (&[0, 1], "é"),
            (&[2, 200, 1], ""),
            (&[1, 9], ""),
        ];
        let mut r = Reader::new(cases[0].0, cases[0].1);
        r.uint();
        assert!(r.error().is_some());
        let mut r = Reader::new(cases[1].0, cases[1].1);
        assert_eq!(r.str(), "");
        assert!(r.error().is_some());
        let mut r = Reader::new(cases[2].0, cases[2].1);
        assert_eq!(r.str(), "");
        assert!(r.error().is_some());
        let mut r = Reader::new(cases[3].0, cases[3].1);
        assert!(<&'static [u8]>::take(&mut r).is_empty());
        assert!(r.error().is_some());
        let mut r = Reader::new(cases[4].0, cases[4].1);
        Inline::take(&mut r);
        assert!(r.error().is_some());
    }

    #[test]
    fn a_cut_course_is_refused() {
        assert!(read_course(&[1], "").is_err());
        assert!(read_course(&[0x80], "").is_err());
        // A string whose length is missing.
        let mut w = Writer::default();
        w.str("ab");
        let mut packed = w.packed();
        packed.pop();
        let mut r = Reader::new(&packed, "ab");
        assert_eq!(r.str(), "");
        assert_eq!(
            r.error().map(|e| e.what),
            Some("the strings' lengths end early")
        );
    }

    #[test]
    fn a_list_of_strings_may_outnumber_the_shape_left() {
        // Three strings after the list's count: no byte of the shape left, three lengths.
        let list: &'static [&'static str] = &["a", "bc", "d"];
        let mut w = Writer::default();
        list.put(&mut w);
        let packed = w.packed();
        let mut r = Reader::new(&packed, "abcd");
        assert_eq!(<&'static [&'static str]>::take(&mut r), list);
        assert!(r.finished());
        // One length too few is still refused.
        let mut r = Reader::new(&packed[..packed.len() - 1], "abcd");
        <&'static [&'static str]>::take(&mut r);
        assert!(r.error().is_some());
    }

    #[test]
    fn strings_lengths_are_kept_apart_from_the_shape() {
        let mut w = Writer::default();
        w.uint(7);
        w.str("abc");
        w.uint(8);
        w.str("de");
        assert_eq!(w.packed(), [2, 7, 8, 3, 2]);
        let packed = w.packed();
        let mut r = Reader::new(&packed, "abcde");
        assert_eq!((r.uint(), r.str(), r.uint(), r.str()), (7, "abc", 8, "de"));
        assert!(r.finished());
    }
}
