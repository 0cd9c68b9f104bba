//! Builds one question: its type, its keys (with a pointer when a key belongs to another type
//! of question), prompt and citations, then its body by type: options ([`choices`]), items to
//! order, match or sort ([`items`]), or a typed answer ([`answers`]).

mod answers;
mod choices;
mod items;

use super::super::records::Entry;
use super::super::resolve::{leak_str, Resolver};
use super::super::schema::{
    question_fields, suggest, type_kind, Field, QUESTION_KEYS, QUESTION_TYPES,
};
use crate::model::*;

/// Builds the question declared by `q` in quiz file `f`.
pub fn build(cx: &mut Resolver, f: &str, q: &Entry, quiz: QuizId) -> Question {
    let what = format!("question \"{}\"", q.value);
    let kind = match q.text("type") {
        t if QUESTION_TYPES.contains(&t) => type_kind(t),
        other => {
            if let Some(t) = q.child("type") {
                let hint = suggest(other, QUESTION_TYPES.iter().copied())
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                cx.err(
                    f,
                    t.line,
                    format!(
                        "unknown question type \"{other}\"; {hint}the types are {}",
                        QUESTION_TYPES.join(", ")
                    ),
                );
            }
            QuestionKind::Single
        }
    };
    let mut fields: Vec<Field> = QUESTION_KEYS
        .iter()
        .chain(question_fields(kind))
        .copied()
        .collect();
    // A key that belongs to another kind of question gets a pointer, not a guess.
    let own = fields.clone();
    for c in &q.children {
        if own.iter().any(|f| f.key == c.key) {
            continue;
        }
        if let Some(other) = QUESTION_TYPES
            .iter()
            .find(|t| question_fields(type_kind(t)).iter().any(|f| f.key == c.key))
        {
            let this = q.text("type");
            let keys: Vec<&str> = question_fields(kind).iter().map(|f| f.key).collect();
            let article = if this.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            cx.err(f, c.line, format!("`{}` belongs to {other} questions, not {this} ones; {article} {this} question takes {}", c.key, keys.join(", ")));
            fields.push(Field {
                key: leak_str(c.key.clone()),
                required: false,
                many: true,
            });
        }
    }
    cx.check_keys(f, q, &what, &fields);
    let prompt = cx.rich_of(f, q.child("prompt"));
    let cites = cx.citations(f, q);
    let body = match kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::TrueFalse => {
            Body::Choices(choices::build(cx, f, q, &what, kind))
        }
        QuestionKind::Ordering => items::ordering(cx, f, q, &what),
        QuestionKind::Matching => items::matching(cx, f, q, &what),
        QuestionKind::Categorise => items::categorise(cx, f, q, &what),
        QuestionKind::Numeric => answers::numeric(cx, f, q),
        QuestionKind::ShortText => answers::short_text(cx, f, q, &what),
    };
    Question {
        id: leak_str(q.value.clone()),
        quiz,
        kind,
        prompt,
        cites,
        body,
    }
}
