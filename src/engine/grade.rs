//! Answers and their grading, for every question kind.
//!
//! Credit rules (also in seeds/README.md):
//! - single choice, true/false, numeric, short text: all or nothing;
//! - multiple response: +1 per correct option chosen, -1 per wrong option chosen, floored at 0,
//!   divided by the number of correct options;
//! - ordering: the share of items in their correct position;
//! - matching and categorising: the share of items given their right target or group.

use crate::model::{format_decimal, parse_decimal, Body, Question};

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

impl Grade {
    fn from_credit(credit: u8) -> Grade {
        let outcome = match credit {
            100 => Outcome::Correct,
            0 => Outcome::Incorrect,
            _ => Outcome::Partial,
        };
        Grade { outcome, credit }
    }

    fn share(right: usize, of: usize) -> Grade {
        Grade::from_credit((right * 100 / of.max(1)) as u8)
    }
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

/// A learner's answer, shaped by the question's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Choices(Selection),
    /// Item indices in the order the learner has put them.
    Order(Vec<u8>),
    /// For each item, the target or group chosen, if any.
    Assign(Vec<Option<u8>>),
    /// What the learner typed (numeric and short text).
    Typed(String),
}

impl Answer {
    /// An empty answer for a question. Ordering starts from `order`, a shuffled arrangement.
    pub fn blank(q: &Question, order: Vec<u8>) -> Answer {
        match q.body {
            Body::Choices(_) => Answer::Choices(Selection::default()),
            Body::Ordering(_) => Answer::Order(order),
            Body::Matching { items, .. } | Body::Categorise { items, .. } => {
                Answer::Assign(vec![None; items.len()])
            }
            Body::Numeric(_) | Body::ShortText { .. } => Answer::Typed(String::new()),
        }
    }

    pub fn selection(&self) -> Selection {
        match self {
            Answer::Choices(s) => *s,
            _ => Selection::default(),
        }
    }
}

/// Grades an answer; `None` when it is not complete enough to check (nothing chosen, an item
/// left unassigned, nothing typed, or a shape that does not fit the question).
pub fn grade(q: &Question, a: &Answer) -> Option<Grade> {
    match (&q.body, a) {
        (Body::Choices(options), Answer::Choices(sel)) => {
            if sel.is_empty() {
                return None;
            }
            let correct = options.iter().filter(|o| o.correct).count() as i32;
            let points: i32 = options
                .iter()
                .enumerate()
                .filter(|(i, _)| sel.has(*i))
                .map(|(_, o)| if o.correct { 1 } else { -1 })
                .sum();
            let credit = match q.body {
                Body::Choices(_) if matches!(q.kind, crate::model::QuestionKind::Multiple) => {
                    (points.max(0) * 100 / correct.max(1)) as u8
                }
                _ if sel.count() == 1 && points == 1 => 100,
                _ => 0,
            };
            Some(Grade::from_credit(credit))
        }
        (Body::Ordering(items), Answer::Order(order)) => {
            if order.len() != items.len() {
                return None;
            }
            let right = order
                .iter()
                .enumerate()
                .filter(|(pos, item)| usize::from(**item) == *pos)
                .count();
            Some(Grade::share(right, items.len()))
        }
        (Body::Matching { items, .. } | Body::Categorise { items, .. }, Answer::Assign(given)) => {
            if given.len() != items.len() || given.iter().any(Option::is_none) {
                return None;
            }
            let right = items
                .iter()
                .zip(given)
                .filter(|(item, g)| **g == Some(item.key))
                .count();
            Some(Grade::share(right, items.len()))
        }
        (Body::Numeric(n), Answer::Typed(t)) => {
            let reading = read_number(t, n.units)?;
            let ok = matches!(reading, Reading::Number(x) if x.abs_diff(n.answer) <= n.tolerance.unsigned_abs());
            Some(Grade::from_credit(if ok { 100 } else { 0 }))
        }
        (Body::ShortText { .. }, Answer::Typed(t)) => {
            if normalise(t).is_empty() {
                return None;
            }
            Some(Grade::from_credit(if matched_accept(q, t).is_some() {
                100
            } else {
                0
            }))
        }
        _ => None,
    }
}

/// The answer that earns full credit.
pub fn answer_key(q: &Question) -> Answer {
    match q.body {
        Body::Choices(options) => Answer::Choices(
            options
                .iter()
                .enumerate()
                .filter(|(_, o)| o.correct)
                .fold(Selection::default(), |s, (i, _)| s.toggled(i)),
        ),
        Body::Ordering(items) => Answer::Order((0..items.len() as u8).collect()),
        Body::Matching { items, .. } | Body::Categorise { items, .. } => {
            Answer::Assign(items.iter().map(|i| Some(i.key)).collect())
        }
        Body::Numeric(ref n) => Answer::Typed(format_number(n.answer, n.units.first().copied())),
        Body::ShortText { accepts, .. } => Answer::Typed(
            accepts
                .first()
                .map_or(String::new(), |a| a.text.to_string()),
        ),
    }
}

pub use crate::model::normalise_answer as normalise;

/// Which accepted answer a typed text matches, if any.
pub fn matched_accept(q: &Question, typed: &str) -> Option<usize> {
    let Body::ShortText { accepts, .. } = q.body else {
        return None;
    };
    let t = normalise(typed);
    accepts.iter().position(|a| normalise(a.text) == t)
}

/// What a typed numeric answer says (numbers in ten-thousandths).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    Number(i64),
    /// A number with a unit the question does not accept.
    WrongUnit(i64),
}

/// Reads "3.8", "£3.8 billion", "3,800" or "3.8bn": the number, then a unit that must be one of
/// `units` (or none). `None` when there is no number at all.
pub fn read_number(text: &str, units: &[&str]) -> Option<Reading> {
    let t = text.trim();
    let t = t.strip_prefix('£').unwrap_or(t).trim_start();
    let split = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+')))
        .map_or(t.len(), |(i, _)| i);
    let (num, unit) = t.split_at(split);
    let x = parse_decimal(num)?;
    let unit = normalise(unit);
    if unit.is_empty() || units.iter().any(|u| normalise(u) == unit) {
        Some(Reading::Number(x))
    } else {
        Some(Reading::WrongUnit(x))
    }
}

/// "3.8 billion", "12", "0.5 per cent" (from ten-thousandths).
pub fn format_number(x: i64, unit: Option<&str>) -> String {
    let n = format_decimal(x);
    match unit {
        Some(u) => format!("{n} {u}"),
        None => n,
    }
}

/// A starting order for an ordering question that is never already correct: a rotation of the
/// items chosen from `seed`, reversed when the rotation would be the identity.
pub fn scrambled(len: usize, seed: u64) -> Vec<u8> {
    if len < 2 {
        return (0..len as u8).collect();
    }
    let shift = 1 + (seed % (len as u64 - 1)) as usize;
    let mut v: Vec<u8> = (0..len).map(|i| ((i + shift) % len) as u8).collect();
    if seed % 2 == 1 {
        v.swap(0, len - 1);
    }
    if v.iter().enumerate().all(|(i, x)| usize::from(*x) == i) {
        v.reverse();
    }
    v
}

#[cfg(test)]
mod tests;
