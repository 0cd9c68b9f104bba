//! Certainty-based marking over a quiz: the total, the best possible, and where the learner was
//! sure of a wrong answer (shown on the results page).

use super::grade::Outcome;
use super::progress::Progress;
use super::quiz::{cbm_mark, Confidence};
use crate::model::QuestionId;

/// A quiz's certainty-based marks, over the questions that are marked and carry a confidence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CbmSummary {
    /// Questions counted: marked (checked or submitted) with a confidence given.
    pub counted: usize,
    /// The sum of their marks ([`cbm_mark`]: right 1, 2 or 3; wrong 0, -2 or -6).
    pub total: i32,
    /// Question numbers (from 1, in the order the learner sees the quiz) where the learner said
    /// "fairly" or "very" sure and the answer was not fully correct.
    pub sure_but_wrong: Vec<usize>,
}

impl CbmSummary {
    /// The summary of the questions in `order` (the quiz as this learner sees it).
    pub fn new(progress: &Progress, order: &[QuestionId]) -> CbmSummary {
        let mut s = CbmSummary::default();
        for (i, q) in order.iter().enumerate() {
            let Some(a) = progress.attempt(*q) else {
                continue;
            };
            let (Some(g), Some(c)) = (a.graded, a.confidence) else {
                continue;
            };
            s.counted += 1;
            s.total += cbm_mark(g.outcome, c);
            if g.outcome != Outcome::Correct && c != Confidence::Low {
                s.sure_but_wrong.push(i + 1);
            }
        }
        s
    }

    /// The best possible total: 3 per question counted.
    pub fn possible(&self) -> usize {
        3 * self.counted
    }

    /// The average mark per question counted, in tenths, rounded towards zero (0 if none).
    pub fn average_tenths(&self) -> i32 {
        match i32::try_from(self.counted) {
            Ok(n) if n > 0 => self.total * 10 / n,
            _ => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;
    use crate::engine::grade::{answer_key, Answer};
    use crate::engine::route::Route;
    use crate::engine::state::{Action, AppState, Storage};
    use crate::model::{Body, QuizMode};

    /// A learner on the real course's first quiz that asks for confidence, answering its first
    /// three choice questions (in the learner's order): right and very sure, wrong and fairly
    /// sure, wrong and not sure; the rest are left alone.
    #[test]
    fn marks_sum_and_sure_mistakes_are_listed_in_the_learners_order() {
        let quiz = COURSE
            .quiz_ids()
            .find(|q| COURSE.quiz(*q).confidence)
            .expect("a quiz with confidence");
        let mut s = AppState::new(
            &COURSE,
            Route::Quiz(quiz),
            Progress::new(&COURSE),
            Storage::Saved,
        );
        s.progress_mut().seed = 7;
        s.reduce(&COURSE, Action::SetMode(quiz, QuizMode::Immediate));
        let order = s.quiz_order(&COURSE, quiz);
        assert_eq!(CbmSummary::new(&s.progress, &order), CbmSummary::default());

        let choices: Vec<(usize, QuestionId)> = order
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, q)| matches!(COURSE.question(*q).body, Body::Choices(_)))
            .take(3)
            .collect();
        assert_eq!(choices.len(), 3, "the quiz has three choice questions");
        let plan = [
            (true, Confidence::High),
            (false, Confidence::Medium),
            (false, Confidence::Low),
        ];
        for (&(_, q), &(right, level)) in choices.iter().zip(&plan) {
            let Answer::Choices(key) = answer_key(COURSE.question(q)) else {
                unreachable!("a choice question");
            };
            // Right: the key's options. Wrong: every other option (no credit, even if multiple).
            for option in (0..COURSE.question(q).options().len()).filter(|i| key.has(*i) == right) {
                s.reduce(
                    &COURSE,
                    Action::Pick {
                        question: q,
                        option,
                    },
                );
            }
            s.reduce(&COURSE, Action::SetConfidence { question: q, level });
            s.reduce(&COURSE, Action::Check(q));
            let outcome = s.attempt(q).graded.map(|g| g.outcome);
            let expected = if right {
                Outcome::Correct
            } else {
                Outcome::Incorrect
            };
            assert_eq!(outcome, Some(expected), "{}", COURSE.question(q).id);
        }
        let cbm = CbmSummary::new(&s.progress, &order);
        assert_eq!(cbm.counted, 3);
        assert_eq!(cbm.total, 3 - 2);
        assert_eq!(cbm.possible(), 9);
        assert_eq!(cbm.sure_but_wrong, vec![choices[1].0 + 1]);
        assert_eq!(cbm.average_tenths(), 3);
    }

    #[test]
    fn an_average_below_zero_rounds_towards_zero() {
        let cbm = CbmSummary {
            counted: 3,
            total: -2,
            sure_but_wrong: vec![1],
        };
        assert_eq!(cbm.average_tenths(), -6);
        assert_eq!(CbmSummary::default().average_tenths(), 0);
    }
}
