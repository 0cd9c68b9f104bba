//! The body of a choice question (`single`, `multiple`, `truefalse`): its options, which of them
//! are correct, and the checks on their number for each type.

use super::super::super::records::Entry;
use super::super::super::resolve::{leak, Resolver};
use super::super::super::schema::OPTION_KEYS;
use crate::model::*;

/// The options of a choice question.
pub fn build(
    cx: &mut Resolver,
    f: &str,
    q: &Entry,
    what: &str,
    kind: QuestionKind,
) -> &'static [Choice] {
    let mut options = Vec::new();
    let opts: Vec<Entry> = q.all("option").cloned().collect();
    for o in &opts {
        cx.check_keys(f, o, &format!("an option of {what}"), OPTION_KEYS);
        let correct = match o.child("correct").map(|c| c.value.as_str()) {
            None | Some("no") => false,
            Some("yes") => true,
            Some(v) => {
                let line = o.child("correct").map_or(o.line, |c| c.line);
                cx.err(f, line, format!("`correct: {v}` must be `correct: yes`; write `correct: yes` on a right option, and leave the key out on a wrong one"));
                false
            }
        };
        if o.value.is_empty() {
            cx.err(
                f,
                o.line,
                "an option has no label; write `option: THE ANSWER TEXT`",
            );
        }
        let label = cx.rich_line(f, o.line, &o.value);
        let feedback = cx.rich_of(f, o.child("feedback"));
        options.push(Choice {
            label,
            correct,
            feedback,
        });
    }
    let n_correct = options.iter().filter(|o| o.correct).count();
    if opts.len() == 1 {
        cx.err(
            f,
            q.line,
            format!("{what} has only one option; add at least one more"),
        );
    }
    if opts.len() > 12 {
        cx.err(
            f,
            q.line,
            format!("{what} has {} options; keep it to 12 or fewer", opts.len()),
        );
    }
    if !opts.is_empty() && n_correct == 0 {
        cx.err(
            f,
            q.line,
            format!("{what} has no correct answer; mark the right option with `correct: yes`"),
        );
    }
    match kind {
        QuestionKind::Single if n_correct > 1 => cx.err(
            f,
            q.line,
            format!("{what} is single choice but has {n_correct} correct options; keep one `correct: yes` or make it `type: multiple`"),
        ),
        QuestionKind::TrueFalse => {
            if n_correct > 1 {
                cx.err(f, q.line, format!("{what} is true/false but both options are marked correct; keep `correct: yes` on one"));
            }
            let labels: Vec<&str> = opts.iter().map(|o| o.value.as_str()).collect();
            if labels != ["True", "False"] {
                cx.err(f, q.line, format!("{what} is true/false, so its options must be exactly `option: True` then `option: False`; write those two options, in that order"));
            }
        }
        _ => {}
    }
    leak(options)
}
