//! Key schemas: the keys each kind of record takes (required or optional, once or repeated),
//! the check of a record's keys against its schema, and "did you mean" suggestions.

use std::collections::HashMap;

use super::diagnostic::Diagnostics;
use super::records::Entry;
use crate::model::QuestionKind;

/// One key a record takes.
#[derive(Clone, Copy)]
pub struct Field {
    pub key: &'static str,
    pub required: bool,
    pub many: bool,
}

pub const fn one(key: &'static str) -> Field {
    Field {
        key,
        required: true,
        many: false,
    }
}
pub const fn opt(key: &'static str) -> Field {
    Field {
        key,
        required: false,
        many: false,
    }
}
pub const fn many(key: &'static str) -> Field {
    Field {
        key,
        required: false,
        many: true,
    }
}
pub const fn some(key: &'static str) -> Field {
    Field {
        key,
        required: true,
        many: true,
    }
}

pub const COURSE_KEYS: &[Field] = &[one("title"), one("units")];
pub const SOURCE_KEYS: &[Field] = &[
    one("short"),
    one("authors"),
    one("title"),
    one("venue"),
    one("year"),
    one("licence"),
    opt("doi"),
    opt("url"),
    opt("note"),
];
pub const TERM_KEYS: &[Field] = &[one("name"), one("definition"), many("cite"), many("see")];
pub const UNIT_KEYS: &[Field] = &[
    one("title"),
    one("summary"),
    some("outcome"),
    one("lesson"),
    one("quiz"),
    many("scenario"),
    many("discuss"),
];
pub const LESSON_KEYS: &[Field] = &[one("title"), one("file"), many("cite")];
pub const QUIZ_KEYS: &[Field] = &[
    one("title"),
    one("intro"),
    one("pass"),
    opt("mode"),
    opt("tries"),
    opt("confidence"),
    opt("shuffle"),
    many("band"),
    some("question"),
];
pub const BAND_KEYS: &[Field] = &[one("text")];
/// Keys every question takes; [`question_fields`] adds those of its kind.
pub const QUESTION_KEYS: &[Field] = &[one("type"), one("prompt"), some("cite")];
pub const QUESTION_TYPES: &[&str] = &[
    "single",
    "multiple",
    "truefalse",
    "ordering",
    "matching",
    "categorise",
    "numeric",
    "text",
];
pub const OPTION_KEYS: &[Field] = &[opt("correct"), one("feedback")];
pub const ITEM_KEYS: &[Field] = &[one("feedback")];
pub const PAIR_KEYS: &[Field] = &[one("match"), one("feedback")];
pub const STATEMENT_KEYS: &[Field] = &[one("group"), one("feedback")];
pub const ACCEPT_KEYS: &[Field] = &[one("feedback")];

const CHOICE_QUESTION: &[Field] = &[some("option")];
const ORDERING_QUESTION: &[Field] = &[some("item")];
const MATCHING_QUESTION: &[Field] = &[some("target"), some("pair")];
const CATEGORISE_QUESTION: &[Field] = &[some("group"), some("statement")];
const NUMERIC_QUESTION: &[Field] = &[
    one("answer"),
    one("tolerance"),
    many("unit"),
    one("feedback"),
    one("otherwise"),
];
const TEXT_QUESTION: &[Field] = &[some("accept"), one("otherwise")];

pub fn type_kind(t: &str) -> QuestionKind {
    match t {
        "multiple" => QuestionKind::Multiple,
        "truefalse" => QuestionKind::TrueFalse,
        "ordering" => QuestionKind::Ordering,
        "matching" => QuestionKind::Matching,
        "categorise" => QuestionKind::Categorise,
        "numeric" => QuestionKind::Numeric,
        "text" => QuestionKind::ShortText,
        _ => QuestionKind::Single,
    }
}

pub fn question_fields(kind: QuestionKind) -> &'static [Field] {
    match kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::TrueFalse => CHOICE_QUESTION,
        QuestionKind::Ordering => ORDERING_QUESTION,
        QuestionKind::Matching => MATCHING_QUESTION,
        QuestionKind::Categorise => CATEGORISE_QUESTION,
        QuestionKind::Numeric => NUMERIC_QUESTION,
        QuestionKind::ShortText => TEXT_QUESTION,
    }
}

pub const SCENARIO_KEYS: &[Field] = &[
    one("title"),
    one("summary"),
    one("intro"),
    one("start"),
    many("var"),
    opt("score"),
    many("node"),
    some("ending"),
];
pub const SCORE_KEYS: &[Field] = &[one("label")];
pub const VAR_KEYS: &[Field] = &[one("label"), one("start"), one("min"), one("max")];
pub const NODE_KEYS: &[Field] = &[one("text"), many("choice")];
pub const ENDING_KEYS: &[Field] = &[one("title"), one("text"), one("debrief"), many("see")];
pub const CHOICE_KEYS: &[Field] = &[opt("if"), some("goto"), one("consequence"), some("effect")];

/// Keys whose own value is an id or label and whose children are the record's fields.
pub const CONTAINERS: &[&str] = &[
    "band",
    "question",
    "option",
    "item",
    "pair",
    "statement",
    "accept",
    "var",
    "node",
    "ending",
    "choice",
    "score",
];

/// The records a file holds at its top level (`course:` and `schema:` only in course.txt).
pub const TOP_LEVEL: &[&str] = &[
    "include", "source", "term", "unit", "lesson", "quiz", "scenario", "event",
];
pub const EVENT_KEYS: &[Field] = &[
    one("date"),
    one("title"),
    opt("text"),
    some("cite"),
    one("unit"),
];

/// The closest allowed word, for "did you mean" hints.
pub fn suggest<'a>(word: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    allowed
        .into_iter()
        .map(|a| (edit_distance(word, a), a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// An id is lower-case letters, digits and inner hyphens: `care-act-2014`.
pub fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// Checks a record's keys against its schema: unknown, repeated, missing and empty keys.
pub fn check_keys(diags: &mut Diagnostics, file: &str, e: &Entry, what: &str, fields: &[Field]) {
    let mut seen: HashMap<&str, u32> = HashMap::new();
    for c in &e.children {
        let Some(field) = fields.iter().find(|f| f.key == c.key) else {
            let hint = match suggest(&c.key, fields.iter().map(|f| f.key)) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!(
                    "the keys allowed here are: {}",
                    fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
                ),
            };
            diags.push(
                file,
                c.line,
                format!("unknown key `{}` in {what}; {hint}", c.key),
            );
            continue;
        };
        if !field.many {
            if let Some(first) = seen.get(field.key) {
                diags.push(
                    file,
                    c.line,
                    format!(
                        "`{}` appears twice in {what} (first at line {first}); keep one",
                        c.key
                    ),
                );
            }
        }
        seen.entry(field.key).or_insert(c.line);
        let container_with_fields = CONTAINERS.contains(&c.key.as_str()) && !c.children.is_empty();
        if !c.has_value() && !container_with_fields {
            diags.push(
                file,
                c.line,
                format!(
                    "`{}` has no value; write `{}: …` or remove the line",
                    c.key, c.key
                ),
            );
        }
        if !CONTAINERS.contains(&c.key.as_str()) {
            for g in &c.children {
                diags.push(
                    file,
                    g.line,
                    format!(
                        "`{}` cannot have indented keys under it; move `{}` one level left",
                        c.key, g.key
                    ),
                );
            }
        }
    }
    for f in fields.iter().filter(|f| f.required) {
        if !seen.contains_key(f.key) {
            diags.push(
                file,
                e.line,
                format!("{what} has no `{}`; add `{}: …` under it", f.key, f.key),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        assert_eq!(suggest("titel", ["title", "summary"]), Some("title"));
        assert_eq!(suggest("zzzzzz", ["title", "summary"]), None);
    }
}
