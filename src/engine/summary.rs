//! How far a learner has got: per quiz, per unit and for the course. The numbers the home, unit,
//! scenario, results and progress pages show, and the score, completion and success that a
//! learning platform is told, all come from here, so they are worked out once.
//!
//! Definitions:
//! - a quiz's **score** is the credit of its answers as they stand now (checked, shown or
//!   submitted), in per cent of the whole quiz, rounded down; a question not marked counts 0;
//!   restarting the quiz clears it;
//! - a quiz is **passed** when its score reaches its pass mark;
//! - a question is **answered** once it has any result (the best result is kept across restarts)
//!   and **correct** when its best result is fully correct;
//! - a unit's **steps** are its lesson (done when marked read), each question of its quiz (done
//!   when answered) and each of its scenarios (done when an ending has been reached); the unit,
//!   or the course, is **complete** when every step is done;
//! - the course's **score** is the mean of its quizzes' scores, each quiz counting the same,
//!   rounded down; the course is **passed** when every quiz is.

use super::grade::Outcome;
use super::progress::Progress;
use super::route::Route;
use crate::model::{Course, QuizId, ScenarioId, UnitId};

/// One quiz as its answers stand now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuizResult {
    pub quiz: QuizId,
    pub questions: usize,
    /// Questions marked now (checked, answer shown, or submitted).
    pub marked: usize,
    /// Credit in per cent of the whole quiz, rounded down (see the module's definitions).
    pub score: u32,
    /// The pass mark, in per cent.
    pub pass: u8,
    /// A deferred quiz has been submitted (always false for a quiz checked as it goes).
    pub submitted: bool,
}

impl QuizResult {
    pub fn new(course: &Course, p: &Progress, quiz: QuizId) -> QuizResult {
        let qs = course.quiz(quiz).questions;
        let grades = || {
            qs.iter()
                .filter_map(|q| p.attempt(*q).and_then(|a| a.graded))
        };
        let credit: u32 = grades().map(|g| u32::from(g.credit)).sum();
        QuizResult {
            quiz,
            questions: qs.len(),
            marked: grades().count(),
            score: credit / (qs.len().max(1) as u32),
            pass: course.quiz(quiz).pass,
            submitted: p.is_submitted(quiz),
        }
    }

    /// The score reaches the pass mark.
    pub fn passed(&self) -> bool {
        self.score >= u32::from(self.pass)
    }
}

/// One scenario: its endings, and how many the learner has reached.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioResult {
    pub scenario: ScenarioId,
    pub endings: usize,
    pub reached: usize,
}

impl ScenarioResult {
    pub fn new(course: &Course, p: &Progress, s: ScenarioId) -> ScenarioResult {
        ScenarioResult {
            scenario: s,
            endings: course
                .scenario(s)
                .nodes
                .iter()
                .filter(|n| n.ending().is_some())
                .count(),
            reached: p.endings(s).len(),
        }
    }
}

/// One unit: its lesson, its quiz and its scenarios.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitSummary {
    pub unit: UnitId,
    pub lesson_read: bool,
    pub quiz: QuizResult,
    /// Questions of the quiz with any result so far.
    pub answered: usize,
    /// Questions of the quiz whose best result is fully correct.
    pub correct: usize,
    pub scenarios: Vec<ScenarioResult>,
}

impl UnitSummary {
    pub fn new(course: &Course, p: &Progress, u: UnitId) -> UnitSummary {
        let unit = course.unit(u);
        let best = || course.quiz(unit.quiz).questions.iter().map(|q| p.best(*q));
        UnitSummary {
            unit: u,
            lesson_read: p.is_read(unit.lesson),
            quiz: QuizResult::new(course, p, unit.quiz),
            answered: best().filter(Option::is_some).count(),
            correct: best().filter(|b| *b == Some(Outcome::Correct)).count(),
            scenarios: unit
                .scenarios
                .iter()
                .map(|s| ScenarioResult::new(course, p, *s))
                .collect(),
        }
    }

    /// Steps done and steps in all (see the module's definitions).
    pub fn steps(&self) -> (usize, usize) {
        let done = usize::from(self.lesson_read)
            + self.answered
            + self.scenarios.iter().filter(|s| s.reached > 0).count();
        (done, 1 + self.quiz.questions + self.scenarios.len())
    }

    pub fn is_complete(&self) -> bool {
        let (done, all) = self.steps();
        done == all
    }

    /// The unit's score: its quiz's.
    pub fn score(&self) -> u32 {
        self.quiz.score
    }

    pub fn passed(&self) -> bool {
        self.quiz.passed()
    }
}

/// Reading speed for study, words a minute, for [`unit_minutes`].
pub const STUDY_WORDS_PER_MINUTE: u32 = 180;
/// Minutes for a question, read, answered and its feedback read.
pub const MINUTES_PER_QUESTION: u32 = 1;
/// Minutes for one play of a scenario to an ending, debrief included.
pub const MINUTES_PER_SCENARIO: u32 = 10;

/// The module's own estimate of the time a unit takes, in minutes, rounded up to five: its lesson
/// read for study, each question once, each scenario played once.
pub fn unit_minutes(course: &Course, u: UnitId) -> u32 {
    let unit = course.unit(u);
    let reading = course
        .lesson(unit.lesson)
        .words
        .div_ceil(STUDY_WORDS_PER_MINUTE);
    let questions = course.quiz(unit.quiz).questions.len() as u32 * MINUTES_PER_QUESTION;
    let scenarios = unit.scenarios.len() as u32 * MINUTES_PER_SCENARIO;
    (reading + questions + scenarios).div_ceil(5) * 5
}

/// Where to carry on: the first unit shown that is not complete, at its first step not done (the
/// lesson, then the quiz, then a scenario not yet played to an ending). `None` when all is done.
pub fn next_step(course: &Course, p: &Progress, shows: impl Fn(UnitId) -> bool) -> Option<Route> {
    course.unit_ids().filter(|u| shows(*u)).find_map(|u| {
        let sum = UnitSummary::new(course, p, u);
        let unit = course.unit(u);
        if !sum.lesson_read {
            Some(Route::Lesson(unit.lesson))
        } else if sum.answered < sum.quiz.questions {
            Some(Route::Quiz(unit.quiz))
        } else {
            sum.scenarios
                .iter()
                .find(|s| s.reached == 0)
                .map(|s| Route::Scenario(s.scenario))
        }
    })
}

/// The whole course.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CourseSummary {
    pub units: Vec<UnitSummary>,
    pub lessons: usize,
    pub lessons_read: usize,
    pub questions: usize,
    /// Questions with any result so far.
    pub answered: usize,
    /// Questions whose best result is fully correct.
    pub correct: usize,
    /// Endings across every scenario.
    pub endings: usize,
    pub endings_reached: usize,
    /// Reflections with some words in them (spaces alone do not count).
    pub reflections_written: usize,
}

impl CourseSummary {
    pub fn new(course: &Course, p: &Progress) -> CourseSummary {
        let scenarios: Vec<ScenarioResult> = course
            .scenario_ids()
            .map(|s| ScenarioResult::new(course, p, s))
            .collect();
        CourseSummary {
            units: course
                .unit_ids()
                .map(|u| UnitSummary::new(course, p, u))
                .collect(),
            lessons: course.lessons.len(),
            lessons_read: course.lesson_ids().filter(|l| p.is_read(*l)).count(),
            questions: course.questions.len(),
            answered: course
                .question_ids()
                .filter(|q| p.best(*q).is_some())
                .count(),
            correct: course
                .question_ids()
                .filter(|q| p.best(*q) == Some(Outcome::Correct))
                .count(),
            endings: scenarios.iter().map(|s| s.endings).sum(),
            endings_reached: scenarios.iter().map(|s| s.reached).sum(),
            reflections_written: course
                .reflection_ids()
                .filter_map(|r| p.reflection(r))
                .filter(|w| !w.text.trim().is_empty())
                .count(),
        }
    }

    /// Steps done and steps in all, over every unit.
    pub fn steps(&self) -> (usize, usize) {
        self.units
            .iter()
            .map(UnitSummary::steps)
            .fold((0, 0), |(d, a), (ud, ua)| (d + ud, a + ua))
    }

    /// Steps done in per cent of all steps, rounded down (100 for a course with no steps).
    pub fn completion(&self) -> u32 {
        let (done, all) = self.steps();
        (done * 100).checked_div(all).map_or(100, |c| c as u32)
    }

    pub fn is_complete(&self) -> bool {
        self.units.iter().all(UnitSummary::is_complete)
    }

    /// The mean of the quizzes' scores, rounded down (0 for a course with no quiz).
    pub fn score(&self) -> u32 {
        let sum: u32 = self.units.iter().map(UnitSummary::score).sum();
        sum / (self.units.len().max(1) as u32)
    }

    /// Every quiz is passed.
    pub fn passed(&self) -> bool {
        self.units.iter().all(UnitSummary::passed)
    }

    pub fn quizzes_passed(&self) -> usize {
        self.units.iter().filter(|u| u.passed()).count()
    }

    pub fn quizzes_submitted(&self) -> usize {
        self.units.iter().filter(|u| u.quiz.submitted).count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::grade::{answer_key, Answer};
    use crate::engine::quiz::Confidence;
    use crate::engine::state::{Action, AppState, Storage};
    use crate::model::QuizMode;
    use std::path::Path;

    fn fixture() -> Course {
        crate::compiler::compile(Path::new("tests/fixtures/migration/after"))
            .unwrap_or_else(|d| panic!("the fixture must compile: {d:?}"))
    }

    fn learner(course: &Course) -> AppState {
        AppState::new(course, Route::Home, Progress::new(course), Storage::Saved)
    }

    #[test]
    fn a_fresh_learner_has_done_nothing() {
        let course = fixture();
        let s = CourseSummary::new(&course, &Progress::new(&course));
        assert_eq!(s.units.len(), 1);
        let u = &s.units[0];
        assert!(!u.lesson_read && u.answered == 0 && u.correct == 0);
        assert_eq!(u.quiz.marked, 0);
        assert_eq!(u.score(), 0);
        assert!(!u.passed() && !u.is_complete());
        assert_eq!(u.steps(), (0, 1 + u.quiz.questions + u.scenarios.len()));
        assert!(u
            .scenarios
            .iter()
            .all(|sc| sc.endings > 0 && sc.reached == 0));
        assert_eq!((s.lessons_read, s.answered, s.endings_reached), (0, 0, 0));
        assert_eq!(s.reflections_written, 0);
        assert_eq!((s.completion(), s.score()), (0, 0));
        assert_eq!((s.quizzes_passed(), s.quizzes_submitted()), (0, 0));
        assert!(!s.passed() && !s.is_complete());
    }

    /// Every step of the fixture done, the quiz submitted with one question wrong: the numbers
    /// follow the definitions, and the quiz score is the one the reducer announces.
    #[test]
    fn every_step_done_gives_complete_and_the_quiz_score() {
        let course = fixture();
        let mut s = learner(&course);
        let quiz = course.find_quiz("basics-quiz").expect("the quiz");
        let unit = course.unit_ids().next().expect("a unit");
        s.reduce(&course, Action::MarkRead(course.unit(unit).lesson, true));
        for &q in course.quiz(quiz).questions {
            let question = course.question(q);
            // Every question answered with its key, except the choice question: left blank.
            match answer_key(question) {
                Answer::Typed(text) => {
                    s.reduce(&course, Action::Type { question: q, text });
                }
                Answer::Assign(g) => {
                    for (item, value) in g.into_iter().enumerate() {
                        s.reduce(
                            &course,
                            Action::Assign {
                                question: q,
                                item,
                                value,
                            },
                        );
                    }
                }
                Answer::Order(_) | Answer::Choices(_) => {}
            }
            s.reduce(
                &course,
                Action::SetConfidence {
                    question: q,
                    level: Confidence::Low,
                },
            );
        }
        s.reduce(&course, Action::Submit(quiz));
        assert!(s.is_submitted(quiz));
        for sc in course.scenario_ids() {
            let scenario = course.scenario(sc);
            for n in scenario.node_ids() {
                if scenario.node(n).ending().is_some() {
                    s.progress_mut().reach(sc, n);
                }
            }
        }
        let sum = CourseSummary::new(&course, &s.progress);
        let u = &sum.units[0];
        let (score, marked) = s.quiz_score(&course, quiz);
        assert_eq!((u.quiz.score, u.quiz.marked), (score, marked));
        assert_eq!(
            u.quiz.marked, u.quiz.questions,
            "a submit marks every question"
        );
        assert!(u.quiz.submitted);
        assert_eq!(u.answered, u.quiz.questions);
        assert!(
            u.correct < u.quiz.questions,
            "the blank question is not correct"
        );
        assert!(u.is_complete() && sum.is_complete());
        assert_eq!(sum.completion(), 100);
        assert_eq!(sum.score(), u.quiz.score);
        assert_eq!(
            sum.passed(),
            u.quiz.score >= u32::from(course.quiz(quiz).pass)
        );
        assert_eq!(sum.quizzes_submitted(), 1);
        assert_eq!(sum.endings, sum.endings_reached);
        assert_eq!(sum.lessons_read, sum.lessons);
    }

    /// On the real course: a quiz checked as it goes, one question right, scores by the whole
    /// quiz; restarting the quiz clears the score but keeps the question answered.
    #[test]
    fn restarting_clears_the_score_but_not_what_was_answered() {
        use crate::course::COURSE;
        let mut s = learner(&COURSE);
        let unit = COURSE.unit_ids().next().expect("a unit");
        let quiz = COURSE.unit(unit).quiz;
        s.reduce(&COURSE, Action::SetMode(quiz, QuizMode::Immediate));
        let q = *COURSE
            .quiz(quiz)
            .questions
            .iter()
            .find(|q| matches!(answer_key(COURSE.question(**q)), Answer::Choices(_)))
            .expect("a choice question");
        let Answer::Choices(key) = answer_key(COURSE.question(q)) else {
            unreachable!("a choice question");
        };
        for option in (0..COURSE.question(q).options().len()).filter(|i| key.has(*i)) {
            s.reduce(
                &COURSE,
                Action::Pick {
                    question: q,
                    option,
                },
            );
        }
        if COURSE.quiz(quiz).confidence {
            s.reduce(
                &COURSE,
                Action::SetConfidence {
                    question: q,
                    level: Confidence::High,
                },
            );
        }
        s.reduce(&COURSE, Action::Check(q));
        let n = COURSE.quiz(quiz).questions.len();
        let u = UnitSummary::new(&COURSE, &s.progress, unit);
        assert_eq!((u.quiz.marked, u.answered, u.correct), (1, 1, 1));
        assert_eq!(u.quiz.score, 100 / n as u32);
        assert_eq!(u.steps().0, 1);
        let course = CourseSummary::new(&COURSE, &s.progress);
        assert_eq!((course.answered, course.correct), (1, 1));
        assert_eq!(course.score(), 100 / n as u32 / COURSE.units.len() as u32);

        s.reduce(&COURSE, Action::RestartQuiz(quiz));
        let u = UnitSummary::new(&COURSE, &s.progress, unit);
        assert_eq!((u.quiz.marked, u.quiz.score), (0, 0));
        assert_eq!((u.answered, u.correct), (1, 1), "the best result is kept");
    }

    #[test]
    fn only_reflections_with_words_count() {
        use crate::course::COURSE;
        let mut s = learner(&COURSE);
        let ids: Vec<_> = COURSE.reflection_ids().take(2).collect();
        assert_eq!(ids.len(), 2, "the course has two reflection prompts");
        s.reduce(&COURSE, Action::Reflect(ids[0], "Something learned".into()));
        s.reduce(&COURSE, Action::Reflect(ids[1], "   ".into()));
        let sum = CourseSummary::new(&COURSE, &s.progress);
        assert_eq!(sum.reflections_written, 1);
    }

    #[test]
    fn the_next_step_is_the_first_thing_not_done_in_the_first_unit_not_complete() {
        let course = fixture();
        let u = UnitId(0);
        let unit = course.unit(u);
        let mut s = learner(&course);
        assert_eq!(
            next_step(&course, &s.progress, |_| true),
            Some(Route::Lesson(unit.lesson))
        );
        assert_eq!(next_step(&course, &s.progress, |_| false), None);
        s.reduce(&course, Action::MarkRead(unit.lesson, true));
        assert_eq!(
            next_step(&course, &s.progress, |_| true),
            Some(Route::Quiz(unit.quiz))
        );
        // The fixture's quiz is answered all together: submitted, every question has a result.
        s.reduce(&course, Action::Submit(unit.quiz));
        let next = next_step(&course, &s.progress, |_| true);
        match unit.scenarios.first() {
            Some(&sc) => assert_eq!(next, Some(Route::Scenario(sc))),
            None => assert_eq!(next, None),
        }
    }

    #[test]
    fn a_units_minutes_add_reading_questions_and_scenarios_rounded_up_to_five() {
        let course = fixture();
        let unit = course.unit(UnitId(0));
        let raw = course
            .lesson(unit.lesson)
            .words
            .div_ceil(STUDY_WORDS_PER_MINUTE)
            + course.quiz(unit.quiz).questions.len() as u32
            + 10 * unit.scenarios.len() as u32;
        let m = unit_minutes(&course, UnitId(0));
        assert_eq!(m % 5, 0);
        assert!(m >= raw && m < raw + 5, "{m} for {raw}");
    }
}
