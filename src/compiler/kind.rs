//! The kinds of record that have course-wide ids, and a table with one slot per kind, so that a
//! lookup names a kind the compiler knows or does not compile.

use std::fmt;
use std::ops::{Index, IndexMut};

/// A kind of record with a course-wide id. Scenario variables and nodes have ids local to their
/// scenario (see `build::scenario`), reflections are checked where lessons are built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    Source,
    Term,
    Unit,
    Lesson,
    Quiz,
    Scenario,
    Event,
    /// Declared inside quizzes (`question: ID`), not at the top level of a file.
    Question,
}

impl Kind {
    pub const COUNT: usize = 8;

    /// The kinds a record file holds at its top level, as `kind: ID`, in the order their ids are declared.
    pub const TOP_LEVEL: [Kind; 7] = [
        Kind::Source,
        Kind::Term,
        Kind::Unit,
        Kind::Lesson,
        Kind::Quiz,
        Kind::Scenario,
        Kind::Event,
    ];

    /// The word for the kind, as written in the seeds (`lesson: ID`) and in diagnostics.
    pub fn word(self) -> &'static str {
        match self {
            Kind::Source => "source",
            Kind::Term => "term",
            Kind::Unit => "unit",
            Kind::Lesson => "lesson",
            Kind::Quiz => "quiz",
            Kind::Scenario => "scenario",
            Kind::Event => "event",
            Kind::Question => "question",
        }
    }

    /// The top-level kind a record key names, if any.
    pub fn top_level(key: &str) -> Option<Kind> {
        Kind::TOP_LEVEL.into_iter().find(|k| k.word() == key)
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One `T` for every [`Kind`].
#[derive(Debug, Clone)]
pub struct PerKind<T>([T; Kind::COUNT]);

impl<T: Default> Default for PerKind<T> {
    fn default() -> Self {
        PerKind(std::array::from_fn(|_| T::default()))
    }
}

impl<T> Index<Kind> for PerKind<T> {
    type Output = T;
    fn index(&self, kind: Kind) -> &T {
        &self.0[kind as usize]
    }
}

impl<T> IndexMut<Kind> for PerKind<T> {
    fn index_mut(&mut self, kind: Kind) -> &mut T {
        &mut self.0[kind as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_slot_and_word() {
        let all = [Kind::TOP_LEVEL.as_slice(), &[Kind::Question]].concat();
        assert_eq!(all.len(), Kind::COUNT);
        let mut table: PerKind<Vec<Kind>> = PerKind::default();
        for k in &all {
            table[*k].push(*k);
        }
        for k in &all {
            assert_eq!(table[*k], [*k]);
        }
        for k in Kind::TOP_LEVEL {
            assert_eq!(Kind::top_level(k.word()), Some(k));
        }
        assert_eq!(Kind::top_level("question"), None);
        assert_eq!(Kind::top_level("include"), None);
    }
}
