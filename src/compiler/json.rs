//! The compiled course as JSON, for tools outside the app: `check-seeds --json FILE` writes it and
//! the browser tests read it, so they follow the compiler's reading of `seeds/` instead of parsing it
//! again. Native only (like the rest of the compiler), so none of it reaches the wasm.
//!
//! Every record keeps its seed id, and records refer to each other by those ids. The shape:
//!
//! - course: `schema`, `id`, `title`, `units`, `lessons`, `quizzes`, `scenarios`, `sources`,
//!   `terms`, `events` (in date order), `reflections`.
//! - unit: `id`, `title`, `summary`, `outcomes`, `lesson`, `quiz`, `scenarios`, `discuss`.
//! - lesson: `id`, `unit`, `title`, `words`, `cites`, `body` (blocks, each with a `kind`).
//! - quiz: `id`, `unit`, `title`, `intro`, `pass`, `mode` (`immediate` or `deferred`), `tries`,
//!   `confidence`, `shuffle`, `bands` (`min`, `text`), `questions` (the question records, in seed
//!   order).
//! - question: `id`, `kind` (the seed's `type`), `prompt`, `cites`, then by kind: `options`
//!   (`label`, `correct`, `feedback`); `items` (`label`, `feedback`, in the right order);
//!   `targets` and `pairs` (`label`, `match`: index into `targets`, `feedback`); `groups` and
//!   `statements` (`label`, `group`: index into `groups`, `feedback`); `answer`, `tolerance`
//!   (numbers), `units`, `feedback`, `otherwise`; `accepts` (`text`, `feedback`), `otherwise`.
//! - scenario: `id`, `unit`, `title`, `summary`, `intro`, `start`, `variables` (`id`, `label`,
//!   `start`, `min`, `max`), `score` (null, or `label`, `terms` of `var` and `times`, `min`,
//!   `max`), `nodes`: `id`, `text`, and `choices` (`label`, `if`, `goto`: routes of `to` and `if`,
//!   `consequence`, `effects` of `var` and `delta`) or, at an ending, `ending` (`title`,
//!   `debrief`, `see`).
//! - a condition (`if`): an array of alternatives (or), each an array of tests that must all hold
//!   (and): `{"var", "op", "value"}`, `{"visited": NODE}` or `{"not_visited": NODE}`. `[[]]` always
//!   holds.
//! - source: `id`, `short`, `authors`, `title`, `venue`, `year`, `doi`, `url`, `licence`, `note`.
//! - term: `id`, `name`, `definition`, `cites`, `see`. event: `id`, `date` (ISO: `1999`,
//!   `1974-04`, `2019-09-13`), `title`, `text`, `unit`, `cites`. reflection: `id`, `lesson`,
//!   `prompt`.
//! - rich text (prompts, labels, feedback...) is an array of runs: a string is words as shown
//!   (emphasis, glossary terms and links give their words), and `{"cite": SOURCE, "locator"}` is a
//!   citation, which the app shows as "(Short, locator)". Several paragraphs are an array of those.

use crate::model::{format_decimal, Course, DECIMAL_SCALE};

mod course;
#[cfg(test)]
mod tests;

pub use course::course_value;

/// A JSON value, built from the course and then written out by [`Json::write`].
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Int(i64),
    /// A number with a fractional part, already spelt as JSON (see [`decimal`]).
    Decimal(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

/// The course as JSON text, indented, ending with a newline.
pub fn course_json(course: &Course) -> String {
    let mut out = String::new();
    course_value(course).write(0, &mut out);
    out.push('\n');
    out
}

impl Json {
    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Arr(v) if !v.is_empty())
            && !matches!(self, Json::Obj(v) if !v.is_empty())
    }

    /// Writes the value at this indent: containers of scalars on one line, others one element a line.
    pub fn write(&self, indent: usize, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Int(n) => out.push_str(&n.to_string()),
            Json::Decimal(d) => out.push_str(d),
            Json::Str(s) => write_str(s, out),
            Json::Arr(v) => {
                let flat = v.iter().all(Json::is_scalar);
                write_list(out, indent, flat, ('[', ']'), v, |x, at, out| {
                    x.write(at, out)
                });
            }
            Json::Obj(v) => {
                let flat = v.iter().all(|(_, x)| x.is_scalar());
                write_list(out, indent, flat, ('{', '}'), v, |(k, x), at, out| {
                    write_str(k, out);
                    out.push_str(": ");
                    x.write(at, out);
                });
            }
        }
    }
}

fn write_list<T>(
    out: &mut String,
    indent: usize,
    flat: bool,
    (open, close): (char, char),
    items: &[T],
    mut each: impl FnMut(&T, usize, &mut String),
) {
    out.push(open);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if flat {
            if i > 0 {
                out.push(' ');
            }
        } else {
            newline(out, indent + 1);
        }
        each(item, indent + 1, out);
    }
    if !flat {
        newline(out, indent);
    }
    out.push(close);
}

fn newline(out: &mut String, indent: usize) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', indent * 2));
}

/// A JSON string: quotes, backslashes and control characters escaped, and U+2028/U+2029 too (old
/// JavaScript parsers took them for line ends); everything else as UTF-8.
pub fn write_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

pub(super) fn obj<const N: usize>(fields: [(&str, Json); N]) -> Json {
    Json::Obj(
        fields
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect(),
    )
}

pub(super) fn s(text: &str) -> Json {
    Json::Str(text.to_string())
}

pub(super) fn int(n: impl Into<i64>) -> Json {
    Json::Int(n.into())
}

/// A fixed-point number ([`DECIMAL_SCALE`]) as a JSON number: `12`, `3.8`, `-0.05`.
pub(super) fn decimal(v: i64) -> Json {
    if v % DECIMAL_SCALE == 0 {
        Json::Int(v / DECIMAL_SCALE)
    } else {
        Json::Decimal(format_decimal(v))
    }
}

pub(super) fn list<T>(items: impl IntoIterator<Item = T>, f: impl FnMut(T) -> Json) -> Json {
    Json::Arr(items.into_iter().map(f).collect())
}
