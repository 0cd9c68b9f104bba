//! Grading of choice questions.

use crate::model::{Question, QuestionKind};

/// How an answer fared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Incorrect,
    Partial,
    Correct,
}

/// The grade of one answer: its outcome and the credit earned, in percent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Grade {
    pub outcome: Outcome,
    pub credit: u8,
}

/// A set of chosen options, one bit per option (the compiler allows at most 12).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Selection(pub u32);

impl Selection {
    pub fn has(self, option: usize) -> bool {
        option < 32 && self.0 & (1 << option) != 0
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub fn toggled(self, option: usize) -> Self {
        if option < 32 {
            Selection(self.0 ^ (1 << option))
        } else {
            self
        }
    }
    pub fn only(option: usize) -> Self {
        Selection(if option < 32 { 1 << option } else { 0 })
    }
    pub fn count(self) -> u32 {
        self.0.count_ones()
    }
}

/// Grades a selection; `None` when nothing is chosen (there is nothing to check).
///
/// Single choice and true/false: right only when exactly the correct option is chosen.
/// Multiple response: +1 per correct option chosen, -1 per wrong option chosen, floored at 0,
/// divided by the number of correct options.
pub fn grade(q: &Question, sel: Selection) -> Option<Grade> {
    if sel.is_empty() {
        return None;
    }
    let correct = q.options.iter().filter(|o| o.correct).count() as i32;
    let mut points = 0i32;
    for (i, o) in q.options.iter().enumerate() {
        if sel.has(i) {
            points += if o.correct { 1 } else { -1 };
        }
    }
    let credit = match q.kind {
        QuestionKind::Single | QuestionKind::TrueFalse => {
            if sel.count() == 1 && points == 1 {
                100
            } else {
                0
            }
        }
        QuestionKind::Multiple => (points.max(0) * 100 / correct.max(1)) as u8,
    };
    let outcome = match credit {
        100 => Outcome::Correct,
        0 => Outcome::Incorrect,
        _ => Outcome::Partial,
    };
    Some(Grade { outcome, credit })
}

/// The selection that earns full credit.
pub fn answer_key(q: &Question) -> Selection {
    let mut s = Selection::default();
    for (i, o) in q.options.iter().enumerate() {
        if o.correct {
            s = s.toggled(i);
        }
    }
    s
}
