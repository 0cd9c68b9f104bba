//! Quizzes and their questions: kinds, bodies (options, items, numeric and short-text answers),
//! score bands and quiz modes.

use super::{Citation, QuestionId, QuizId, Rich, UnitId};

#[derive(Debug)]
pub struct Quiz {
    pub id: &'static str,
    pub unit: UnitId,
    pub title: &'static str,
    pub intro: Rich,
    /// Pass mark in percent.
    pub pass: u8,
    pub questions: &'static [QuestionId],
    /// How answers are checked, unless the lecturer's link says otherwise (`?mode=`).
    pub mode: QuizMode,
    /// Checks allowed per question in immediate mode before the answer is shown; 0: no limit.
    pub tries: u8,
    /// Ask how sure the learner is of each answer, and score it by certainty-based marking.
    pub confidence: bool,
    /// Present the questions, and each question's options, in an order shuffled per learner.
    pub shuffle: bool,
    /// Overall feedback by score: each band applies from its `min` percent up to the next band's.
    pub bands: &'static [Band],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizMode {
    /// Check each question, see its feedback, try again.
    Immediate,
    /// Answer everything, review and change, then submit and see it all.
    Deferred,
}

#[derive(Debug)]
pub struct Band {
    pub min: u8,
    pub text: Rich,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one option is correct.
    Single,
    /// One or more options are correct; partial credit.
    Multiple,
    /// Two options, True and False, one correct.
    TrueFalse,
    /// Put 3-8 items in order.
    Ordering,
    /// Pair each item with one of a list of targets.
    Matching,
    /// Sort statements into 2-4 groups.
    Categorise,
    /// A number, within a tolerance, with accepted units.
    Numeric,
    /// A short text, matched against accepted answers ignoring case and punctuation.
    ShortText,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub quiz: QuizId,
    pub kind: QuestionKind,
    pub prompt: Rich,
    pub cites: &'static [Citation],
    pub body: Body,
}

/// What a question asks for, by kind.
#[derive(Debug)]
pub enum Body {
    /// Single choice, multiple response, true/false.
    Choices(&'static [Choice]),
    /// Items in their correct order.
    Ordering(&'static [Item]),
    /// Items, each with the index of its target in `targets`.
    Matching {
        items: &'static [Item],
        targets: &'static [&'static str],
    },
    /// Statements, each with the index of its group in `groups`.
    Categorise {
        items: &'static [Item],
        groups: &'static [&'static str],
    },
    Numeric(Numeric),
    ShortText {
        accepts: &'static [Accept],
        otherwise: Rich,
    },
}

/// An item to order, match or sort. `key` is its target or group (0 for ordering).
#[derive(Debug)]
pub struct Item {
    pub label: Rich,
    pub key: u8,
    pub feedback: Rich,
}

/// Numbers in numeric questions are fixed-point: ten-thousandths, so `3.8` is `38_000`.
/// (No floating point: exact comparisons, and no float parsing or printing code in the wasm.)
pub const DECIMAL_SCALE: i64 = 10_000;

#[derive(Debug)]
pub struct Numeric {
    /// In ten-thousandths ([`DECIMAL_SCALE`]).
    pub answer: i64,
    /// In ten-thousandths; 0 for an exact answer.
    pub tolerance: i64,
    /// Accepted unit words; the first is the one shown. Empty: a bare number.
    pub units: &'static [&'static str],
    pub feedback: Rich,
    pub otherwise: Rich,
}

/// An accepted short-text answer with its feedback.
#[derive(Debug)]
pub struct Accept {
    pub text: &'static str,
    pub feedback: Rich,
}

impl Question {
    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &'static [Choice] {
        match self.body {
            Body::Choices(o) => o,
            _ => &[],
        }
    }

    /// The items of an ordering, matching or categorising question; empty for other kinds.
    pub fn items(&self) -> &'static [Item] {
        match self.body {
            Body::Ordering(i)
            | Body::Matching { items: i, .. }
            | Body::Categorise { items: i, .. } => i,
            _ => &[],
        }
    }
}

/// An option of a choice question.
#[derive(Debug)]
pub struct Choice {
    pub label: Rich,
    pub correct: bool,
    pub feedback: Rich,
}
