//! One answered question as a SCORM interaction: id, type, the learner's response and the
//! correct pattern in each version's syntax, result, weighting, time and (2004) description.
//!
//! Identifiers inside responses are the content's own order, not the order a learner saw:
//! options `a`, `b`, `c`… (true/false: `t`/`f`, `true`/`false`), ordering items `a`, `b`… in
//! their correct order, matching and categorising as item `1`…`9` to target or group `a`, `b`…

use super::super::grade::{read_number, Answer, Grade, Reading};
use super::super::package::ScormVersion;
use super::super::progress::Attempt;
use super::super::text::plain;
use super::format::Stamp;
use crate::model::{format_decimal, Body, Course, QuestionId, QuestionKind};

/// The most options, items or targets a question may have for its identifiers to stay single
/// characters, as SCORM 1.2 asks (`tests/corpus.rs` checks the course keeps to them).
pub const MAX_LETTERS: usize = 26;
pub const MAX_ITEMS: usize = 9;

/// A question's interaction id: its content id with `-` as `_`, so it matches `^\w{1,255}$`.
pub fn interaction_id(course: &Course, q: QuestionId) -> String {
    course.question(q).id.replace('-', "_")
}

/// The SCORM interaction type of a question.
pub fn interaction_type(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single | QuestionKind::Multiple => "choice",
        QuestionKind::TrueFalse => "true-false",
        QuestionKind::Ordering => "sequencing",
        QuestionKind::Matching | QuestionKind::Categorise => "matching",
        QuestionKind::Numeric => "numeric",
        QuestionKind::ShortText => "fill-in",
    }
}

fn letter(i: usize) -> char {
    char::from(b'a' + (i % MAX_LETTERS) as u8)
}

fn digit(i: usize) -> char {
    char::from(b'1' + (i % MAX_ITEMS) as u8)
}

/// The separators of a list and of a pair, per version.
fn separators(v: ScormVersion) -> (&'static str, &'static str) {
    match v {
        ScormVersion::V12 => (",", "."),
        ScormVersion::V2004 => ("[,]", "[.]"),
    }
}

fn true_false(v: ScormVersion, is_true: bool) -> &'static str {
    match (v, is_true) {
        (ScormVersion::V12, true) => "t",
        (ScormVersion::V12, false) => "f",
        (ScormVersion::V2004, true) => "true",
        (ScormVersion::V2004, false) => "false",
    }
}

/// The learner's response, or `None` when they gave none (a deferred quiz submitted with the
/// question blank) or it cannot be written in the type's syntax.
pub fn response(
    course: &Course,
    v: ScormVersion,
    q: QuestionId,
    answer: &Answer,
) -> Option<String> {
    let question = course.question(q);
    let (list, pair) = separators(v);
    match (&question.body, answer) {
        (Body::Choices(options), Answer::Choices(sel)) => {
            let chosen: Vec<usize> = (0..options.len()).filter(|i| sel.has(*i)).collect();
            if chosen.is_empty() {
                return None;
            }
            if question.kind == QuestionKind::TrueFalse {
                return Some(true_false(v, chosen == [0]).to_string());
            }
            Some(join(chosen.iter().map(|&i| letter(i).to_string()), list))
        }
        (Body::Ordering(_), Answer::Order(order)) => Some(join(
            order.iter().map(|&i| letter(usize::from(i)).to_string()),
            list,
        )),
        (Body::Matching { .. } | Body::Categorise { .. }, Answer::Assign(given)) => {
            let pairs: Vec<String> = given
                .iter()
                .enumerate()
                .filter_map(|(i, g)| {
                    g.map(|t| format!("{}{pair}{}", digit(i), letter(usize::from(t))))
                })
                .collect();
            (!pairs.is_empty()).then(|| pairs.join(list))
        }
        (Body::Numeric(n), Answer::Typed(t)) => match read_number(t, n.units)? {
            Reading::Number(x) | Reading::WrongUnit(x) => Some(format_decimal(x)),
        },
        (Body::ShortText { .. }, Answer::Typed(t)) => {
            let t = t.trim();
            (!t.is_empty()).then(|| clip_chars(t, 250))
        }
        _ => None,
    }
}

/// The correct patterns (fill-in questions may have several accepted answers).
pub fn correct_patterns(course: &Course, v: ScormVersion, q: QuestionId) -> Vec<String> {
    let question = course.question(q);
    let (list, pair) = separators(v);
    match &question.body {
        Body::Choices(options) => {
            if question.kind == QuestionKind::TrueFalse {
                let is_true = options.first().is_some_and(|o| o.correct);
                return vec![true_false(v, is_true).to_string()];
            }
            vec![join(
                options
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| o.correct)
                    .map(|(i, _)| letter(i).to_string()),
                list,
            )]
        }
        Body::Ordering(items) => vec![join((0..items.len()).map(|i| letter(i).to_string()), list)],
        Body::Matching { items, .. } | Body::Categorise { items, .. } => vec![join(
            items
                .iter()
                .enumerate()
                .map(|(i, item)| format!("{}{pair}{}", digit(i), letter(usize::from(item.key)))),
            list,
        )],
        Body::Numeric(n) => vec![match v {
            ScormVersion::V12 => format_decimal(n.answer),
            ScormVersion::V2004 => format!(
                "{}[:]{}",
                format_decimal(n.answer - n.tolerance),
                format_decimal(n.answer + n.tolerance)
            ),
        }],
        Body::ShortText { accepts, .. } => accepts
            .iter()
            .take(10)
            .map(|a| match v {
                ScormVersion::V12 => clip_chars(a.text, 255),
                ScormVersion::V2004 => format!("{{case_matters=false}}{}", clip_chars(a.text, 250)),
            })
            .collect(),
    }
}

/// The result: correct, wrong (2004: incorrect), or the share of credit as a decimal.
pub fn result(v: ScormVersion, g: Grade) -> String {
    match g.credit {
        100 => "correct".into(),
        0 => match v {
            ScormVersion::V12 => "wrong".into(),
            ScormVersion::V2004 => "incorrect".into(),
        },
        c => format!("0.{c:02}").trim_end_matches('0').to_string(),
    }
}

/// Every element of interaction `n` for question `q`, in the order the LMS needs them (id first,
/// type before responses). `responded` is false for a question left blank and marked by a submit:
/// it has a result but no response.
#[allow(clippy::too_many_arguments)] // each is one part of the interaction; a struct would only rename them
pub fn values(
    course: &Course,
    v: ScormVersion,
    n: u32,
    q: QuestionId,
    attempt: &Attempt,
    responded: bool,
    grade: Grade,
    now: Stamp,
) -> Vec<(String, String)> {
    let el = |name: &str| format!("cmi.interactions.{n}.{name}");
    let question = course.question(q);
    let mut out = vec![
        (el("id"), interaction_id(course, q)),
        (el("type"), interaction_type(question.kind).to_string()),
    ];
    match v {
        ScormVersion::V12 => out.push((el("time"), now.format(v))),
        ScormVersion::V2004 => {
            out.push((el("timestamp"), now.format(v)));
            out.push((
                el("description"),
                clip_chars(&plain(course, question.prompt), 250),
            ));
        }
    }
    out.push((el("weighting"), "1".into()));
    for (i, pattern) in correct_patterns(course, v, q).into_iter().enumerate() {
        out.push((el(&format!("correct_responses.{i}.pattern")), pattern));
    }
    if let Some(r) = response(course, v, q, &attempt.answer).filter(|_| responded) {
        let name = match v {
            ScormVersion::V12 => "student_response",
            ScormVersion::V2004 => "learner_response",
        };
        out.push((el(name), r));
    }
    out.push((el("result"), result(v, grade)));
    out
}

fn join(parts: impl Iterator<Item = String>, sep: &str) -> String {
    parts.collect::<Vec<_>>().join(sep)
}

/// At most `max` characters, cut with an ellipsis.
fn clip_chars(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max - 1).collect();
    out.push('…');
    out
}
