//! Quiz logic around grading: fresh answers, what is announced after a check, and the answer
//! put into words.

use super::grade::{
    format_number, grade, matched_accept, read_number, scrambled, Answer, Grade, Outcome, Reading,
};
use super::text::plain;
use crate::model::{Body, Course, Question, QuestionId};

/// A stable seed per question, so the starting order of an ordering question is the same on
/// every visit.
pub fn seed(q: &Question) -> u64 {
    // FNV-1a over the question's content id (a learner seed of 0 leaves the basis as it is).
    mix(0, q.id)
}

/// The answer a learner starts from.
pub fn fresh_answer(course: &Course, id: QuestionId) -> Answer {
    let q = course.question(id);
    Answer::blank(q, scrambled(q.items().len(), seed(q)))
}

/// What the live region says when a question cannot be checked yet.
pub fn incomplete_message(q: &Question) -> &'static str {
    match q.body {
        Body::Choices(_) => "Choose an answer before checking it.",
        Body::Ordering(_) => "Put the items in order before checking.",
        Body::Matching { .. } => "Match every item before checking.",
        Body::Categorise { .. } => "Put every statement in a group before checking.",
        Body::Numeric(_) => "Type a number before checking.",
        Body::ShortText { .. } => "Type an answer before checking.",
    }
}

/// The verdict and the feedback that applies to this answer, as plain text.
pub fn feedback_text(course: &Course, q: &Question, a: &Answer, g: Grade) -> String {
    let mut text = match g.outcome {
        Outcome::Correct => "Correct.".to_string(),
        Outcome::Partial => format!("Partly correct: {} per cent.", g.credit),
        Outcome::Incorrect => "Not correct.".to_string(),
    };
    let mut push = |s: String| {
        text.push(' ');
        text.push_str(&s);
    };
    match (&q.body, a) {
        (Body::Choices(options), Answer::Choices(sel)) => {
            for (i, o) in options.iter().enumerate() {
                if sel.has(i) {
                    push(plain(course, o.feedback));
                }
            }
        }
        (Body::Ordering(items), Answer::Order(order)) => {
            let right = order
                .iter()
                .enumerate()
                .filter(|(p, i)| usize::from(**i) == *p)
                .count();
            push(format!(
                "{right} of {} items are in the right place.",
                items.len()
            ));
        }
        (Body::Matching { items, .. } | Body::Categorise { items, .. }, Answer::Assign(given)) => {
            let right = items
                .iter()
                .zip(given)
                .filter(|(it, g)| **g == Some(it.key))
                .count();
            push(format!("{right} of {} are right.", items.len()));
        }
        (Body::Numeric(n), Answer::Typed(t)) => {
            if let Some(Reading::WrongUnit(_)) = read_number(t, n.units) {
                push(format!(
                    "That unit is not one this question takes; answer in {}.",
                    n.units.join(" or ")
                ));
            }
            push(plain(
                course,
                if g.outcome == Outcome::Correct {
                    n.feedback
                } else {
                    n.otherwise
                },
            ));
        }
        (Body::ShortText { accepts, otherwise }, Answer::Typed(t)) => {
            match matched_accept(q, t).and_then(|i| accepts.get(i)) {
                Some(acc) => push(plain(course, acc.feedback)),
                None => push(plain(course, otherwise)),
            }
        }
        _ => {}
    }
    text
}

/// The right answer in words, for "show the answer".
pub fn answer_words(course: &Course, q: &Question) -> String {
    match &q.body {
        Body::Numeric(n) => {
            let base = format_number(n.answer, n.units.first().copied());
            if n.tolerance > 0 {
                format!(
                    "{base} (answers within {} are accepted)",
                    format_number(n.tolerance, None)
                )
            } else {
                base
            }
        }
        Body::ShortText { accepts, .. } => accepts
            .iter()
            .map(|a| a.text)
            .collect::<Vec<_>>()
            .join(" or "),
        // Choices, orders and assignments read like the learner's own answer would.
        _ => answer_summary(course, q, &super::grade::answer_key(q)),
    }
}

/// How sure a learner says they are of an answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confidence {
    Low,
    Medium,
    High,
}

impl Confidence {
    pub const ALL: [Confidence; 3] = [Confidence::Low, Confidence::Medium, Confidence::High];

    pub fn words(self) -> &'static str {
        match self {
            Confidence::Low => "Not sure",
            Confidence::Medium => "Fairly sure",
            Confidence::High => "Very sure",
        }
    }
}

/// Certainty-based marking as Moodle does it: a right answer earns 1, 2 or 3 by confidence; a
/// wrong one 0, -2 or -6. Only a fully correct answer counts as right.
pub fn cbm_mark(outcome: Outcome, c: Confidence) -> i32 {
    match (outcome == Outcome::Correct, c) {
        (true, Confidence::Low) => 1,
        (true, Confidence::Medium) => 2,
        (true, Confidence::High) => 3,
        (false, Confidence::Low) => 0,
        (false, Confidence::Medium) => -2,
        (false, Confidence::High) => -6,
    }
}

/// A permutation of `0..len` from `seed` (Fisher-Yates driven by splitmix64).
pub fn permutation(len: usize, seed: u64) -> Vec<u8> {
    let mut v: Vec<u8> = (0..len as u8).collect();
    let mut state = seed;
    for i in (1..len).rev() {
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        let j = (z % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

/// FNV-1a of a content id mixed with the learner's seed.
pub fn mix(seed: u32, id: &str) -> u64 {
    id.bytes()
        .fold(0xcbf2_9ce4_8422_2325 ^ u64::from(seed), |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
}

/// The overall feedback for a score.
pub fn band_for(quiz: &crate::model::Quiz, score: u32) -> Option<&'static crate::model::Band> {
    quiz.bands.iter().rev().find(|b| u32::from(b.min) <= score)
}

/// A learner's answer in a few words, for the review before a deferred quiz is submitted.
pub fn answer_summary(course: &Course, q: &Question, a: &Answer) -> String {
    if grade(q, a).is_none() {
        return "Not answered yet".into();
    }
    match (&q.body, a) {
        (Body::Choices(options), Answer::Choices(sel)) => options
            .iter()
            .enumerate()
            .filter(|(i, _)| sel.has(*i))
            .map(|(_, o)| plain(course, o.label))
            .collect::<Vec<_>>()
            .join("; "),
        (Body::Ordering(items), Answer::Order(order)) => order
            .iter()
            .filter_map(|i| items.get(usize::from(*i)))
            .map(|i| plain(course, i.label))
            .collect::<Vec<_>>()
            .join(", then "),
        (
            Body::Matching {
                items,
                targets: names,
            }
            | Body::Categorise {
                items,
                groups: names,
            },
            Answer::Assign(given),
        ) => items
            .iter()
            .zip(given)
            .map(|(i, g)| {
                let name = g
                    .and_then(|g| names.get(usize::from(g)).copied())
                    .unwrap_or("none");
                format!("{}: {name}", plain(course, i.label))
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Answer::Typed(t)) => t.clone(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{band_for, cbm_mark, Confidence};
    use crate::engine::fixture::course;
    use crate::engine::grade::Outcome;
    use crate::model::*;

    const Q2: QuizId = QuizId(1);

    #[test]
    fn certainty_based_marks_follow_moodle() {
        let marks: Vec<i32> = Confidence::ALL
            .iter()
            .flat_map(|&c| {
                [
                    cbm_mark(Outcome::Correct, c),
                    cbm_mark(Outcome::Incorrect, c),
                    cbm_mark(Outcome::Partial, c),
                ]
            })
            .collect();
        assert_eq!(marks, vec![1, 0, 0, 2, -2, -2, 3, -6, -6]);
    }

    #[test]
    fn score_bands_pick_the_highest_reached() {
        let quiz = course().quiz(Q2);
        let words = |score| band_for(quiz, score).map(|b| b.text);
        assert_eq!(words(0), Some(&[Inline::Text("Keep going.")][..]));
        assert_eq!(words(79), Some(&[Inline::Text("Nearly.")][..]));
        assert_eq!(words(100), Some(&[Inline::Text("Well done.")][..]));
        assert_eq!(band_for(course().quiz(QuizId(0)), 50).map(|b| b.min), None);
    }
}
