//! GIFT, Moodle's plain-text question format: `$CATEGORY:` per unit, `::id::` titles, options
//! with their feedback, `####` general feedback with the citations. GIFT has no ordering type, so
//! ordering questions are left out and listed in the header; categorising becomes matching.
//! The characters GIFT gives a meaning (`~ = # { } :` and the backslash) are escaped in every text.

use super::{line, share, sources};
use crate::model::{format_decimal, Body, Course, QuestionId, QuestionKind};

/// A text with GIFT's special characters escaped, on one line.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The questions GIFT cannot express, with why.
pub fn left_out(course: &Course) -> Vec<(QuestionId, &'static str)> {
    course
        .question_ids()
        .filter_map(|q| match course.question(q).kind {
            QuestionKind::Ordering => Some((q, "GIFT has no ordering question")),
            _ => None,
        })
        .collect()
}

/// The whole bank.
pub fn gift(course: &Course) -> String {
    let skipped = left_out(course);
    let mut out = format!(
        "// {}: the question bank in GIFT, {} of {} questions, a category per unit.\n",
        course.title,
        course.questions.len() - skipped.len(),
        course.questions.len()
    );
    out.push_str("// Left out (import the Moodle XML file for these):\n");
    for (q, why) in &skipped {
        out.push_str(&format!("//   {}: {why}\n", course.question(*q).id));
    }
    out.push('\n');
    for u in course.unit_ids() {
        let unit = course.unit(u);
        out.push_str(&format!(
            "$CATEGORY: $course$/top/{}/Unit {}: {}\n\n",
            course.title.replace('/', "-"),
            u.index() + 1,
            unit.title.replace('/', "-")
        ));
        for &q in course.quiz(unit.quiz).questions {
            if skipped.iter().any(|(s, _)| *s == q) {
                continue;
            }
            out.push_str(&question(course, q));
            out.push_str("\n\n");
        }
    }
    out
}

fn question(course: &Course, id: QuestionId) -> String {
    let q = course.question(id);
    let fb = |r| esc(&line(course, r));
    let mut general = sources(course, q);
    let answers = match &q.body {
        Body::Choices(options) if q.kind == QuestionKind::TrueFalse => {
            let true_right = options.first().is_some_and(|o| o.correct);
            // {T#feedback if answered wrongly#feedback if answered rightly}
            let right = options
                .iter()
                .find(|o| o.correct)
                .map(|o| fb(o.feedback))
                .unwrap_or_default();
            let wrong = options
                .iter()
                .find(|o| !o.correct)
                .map(|o| fb(o.feedback))
                .unwrap_or_default();
            format!(
                "{}#{wrong}#{right}",
                if true_right { "TRUE" } else { "FALSE" }
            )
        }
        Body::Choices(options) if q.kind == QuestionKind::Single => options
            .iter()
            .map(|o| {
                format!(
                    "\n\t{}{}#{}",
                    if o.correct { "=" } else { "~" },
                    esc(&line(course, o.label)),
                    fb(o.feedback)
                )
            })
            .collect(),
        Body::Choices(options) => {
            let k = share(options.iter().filter(|o| o.correct).count());
            options
                .iter()
                .map(|o| {
                    let pct = if o.correct {
                        k.to_string()
                    } else {
                        format!("-{k}")
                    };
                    format!(
                        "\n\t~%{pct}%{}#{}",
                        esc(&line(course, o.label)),
                        fb(o.feedback)
                    )
                })
                .collect()
        }
        Body::Matching { items, targets }
        | Body::Categorise {
            items,
            groups: targets,
        } => {
            let notes: Vec<String> = items
                .iter()
                .map(|i| format!("{}: {}", line(course, i.label), line(course, i.feedback)))
                .collect();
            general = format!("{} {general}", notes.join(" ")).trim().to_string();
            items
                .iter()
                .map(|i| {
                    let target = targets.get(usize::from(i.key)).copied().unwrap_or_default();
                    format!("\n\t={} -> {}", esc(&line(course, i.label)), esc(target))
                })
                .collect()
        }
        Body::Numeric(n) => {
            // GIFT has no "any other number" answer: that feedback joins the general feedback.
            general = format!(
                "If your answer was not accepted: {} {general}",
                line(course, n.otherwise)
            )
            .trim()
            .to_string();
            format!(
                "#\n\t={}:{}#{}",
                format_decimal(n.answer),
                format_decimal(n.tolerance),
                fb(n.feedback)
            )
        }
        Body::ShortText { accepts, otherwise } => {
            let mut s: String = accepts
                .iter()
                .map(|a| format!("\n\t={}#{}", esc(a.text), fb(a.feedback)))
                .collect();
            s.push_str(&format!("\n\t=%0%*#{}", fb(*otherwise)));
            s
        }
        Body::Ordering(_) => String::new(),
    };
    let general = if general.is_empty() {
        String::new()
    } else {
        format!("\n\t####{}", esc(&general))
    };
    format!(
        "::{}::{} {{{answers}{general}\n}}",
        esc(q.id),
        esc(&line(course, q.prompt))
    )
}
