//! When a quiz's answers are checked: one at a time as they are given, or all together when the
//! learner submits. The one place this rule is worked out, for the reducer and every quiz view.

use super::route::Route;
use super::state::AppState;
use crate::model::{Course, QuizId, QuizMode};

/// Where a quiz stands with respect to checking answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuizPhase {
    /// Each answer is checked as soon as the learner asks ("Check answer"), with its feedback:
    /// a quiz in immediate mode, or any question while practising.
    CheckEach,
    /// A deferred quiz not yet submitted: answers are kept and can be changed freely; nothing is
    /// marked until the whole quiz is submitted.
    Collecting,
    /// A deferred quiz that has been submitted: every answer is marked, and stays so until the
    /// quiz is restarted.
    Submitted,
}

impl QuizPhase {
    /// The phase from its three inputs: the mode the quiz runs in (the lecturer's link, else the
    /// content's), whether it has been submitted, and whether the learner is practising (practice
    /// checks each answer at once, whatever the quiz's mode).
    pub fn new(mode: QuizMode, submitted: bool, practising: bool) -> QuizPhase {
        match (practising, mode, submitted) {
            (true, _, _) | (false, QuizMode::Immediate, _) => QuizPhase::CheckEach,
            (false, QuizMode::Deferred, false) => QuizPhase::Collecting,
            (false, QuizMode::Deferred, true) => QuizPhase::Submitted,
        }
    }

    /// The phase of `quiz` for this learner now: practising when the route is the practice page.
    pub fn of(course: &Course, state: &AppState, quiz: QuizId) -> QuizPhase {
        QuizPhase::new(
            state.mode(course, quiz),
            state.is_submitted(quiz),
            state.route == Route::Practice,
        )
    }

    /// "Check answer" marks the answer now (otherwise the reducer says answers wait for submit).
    pub fn checks_now(self) -> bool {
        self == QuizPhase::CheckEach
    }

    /// Answers are being collected for a later submit: no per-question checking or feedback.
    pub fn is_collecting(self) -> bool {
        self == QuizPhase::Collecting
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::progress::Progress;
    use crate::engine::state::{Action, Storage};
    use std::path::Path;

    #[test]
    fn practice_checks_now_whatever_the_mode() {
        for mode in [QuizMode::Immediate, QuizMode::Deferred] {
            for submitted in [false, true] {
                assert_eq!(QuizPhase::new(mode, submitted, true), QuizPhase::CheckEach);
            }
        }
    }

    #[test]
    fn a_deferred_quiz_collects_until_submitted() {
        use QuizPhase::*;
        assert_eq!(QuizPhase::new(QuizMode::Immediate, false, false), CheckEach);
        assert_eq!(QuizPhase::new(QuizMode::Immediate, true, false), CheckEach);
        assert_eq!(QuizPhase::new(QuizMode::Deferred, false, false), Collecting);
        assert_eq!(QuizPhase::new(QuizMode::Deferred, true, false), Submitted);
        assert!(CheckEach.checks_now() && !Collecting.checks_now() && !Submitted.checks_now());
        assert!(Collecting.is_collecting() && !CheckEach.is_collecting());
        assert!(!Submitted.is_collecting());
    }

    /// The compiled fixture's quiz is deferred; a lecturer's link, a submit and the practice page
    /// each move it to the phase the rule says.
    #[test]
    fn the_phase_follows_the_state() {
        let course = crate::compiler::compile(Path::new("tests/fixtures/migration/after"))
            .unwrap_or_else(|d| panic!("the fixture must compile: {d:?}"));
        let quiz = course.find_quiz("basics-quiz").expect("the fixture's quiz");
        assert_eq!(course.quiz(quiz).mode, QuizMode::Deferred);
        let mut s = AppState::new(&course, Route::Home, Progress::new(&course), Storage::Saved);
        assert_eq!(QuizPhase::of(&course, &s, quiz), QuizPhase::Collecting);

        s.reduce(&course, Action::Navigate(Route::Practice));
        assert_eq!(QuizPhase::of(&course, &s, quiz), QuizPhase::CheckEach);

        s.reduce(&course, Action::Navigate(Route::Results(quiz)));
        // Confidence is asked for in this quiz: an unanswered question is submitted without it.
        s.reduce(&course, Action::Submit(quiz));
        assert!(s.is_submitted(quiz));
        assert_eq!(QuizPhase::of(&course, &s, quiz), QuizPhase::Submitted);

        s.reduce(&course, Action::SetMode(quiz, QuizMode::Immediate));
        assert_eq!(QuizPhase::of(&course, &s, quiz), QuizPhase::CheckEach);
    }
}
