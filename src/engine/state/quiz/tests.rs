//! Tests of the quiz actions: checking, trying again, showing the answer, scores, modes,
//! shuffling and submitting.

mod kinds;

use crate::engine::fixture::{course, q, sel, state};
use crate::engine::grade::{Outcome, Selection};
use crate::engine::progress::{Attempt, Progress, QuestionRecord};
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Storage};
use crate::model::*;

#[test]
fn practice_checks_at_once_even_in_a_deferred_quiz() {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    let quiz = course().question(q(0)).quiz;
    s.reduce(course(), Action::SetMode(quiz, QuizMode::Deferred));
    if let Some(r) = s.progress_mut().question_mut(q(0)) {
        *r = QuestionRecord::stored(Attempt::fresh(course(), q(0)), None, 1, 0);
    }
    s.reduce(course(), Action::Navigate(Route::Practice));
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert!(s.attempt(q(0)).graded.is_some());
    // Outside practice, the deferred quiz still waits for submission.
    s.reduce(course(), Action::Navigate(Route::Home));
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    assert!(s.attempt(q(1)).graded.is_none());
}

#[test]
fn checking_an_answer_grades_records_and_announces() {
    let mut s = state();
    s.reduce(course(), Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).graded, None);
    assert_eq!(s.announcement.text, "Choose an answer before checking it.");

    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 3,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    let a = s.attempt(q(1));
    assert_eq!(a.graded.map(|g| g.outcome), Some(Outcome::Incorrect));
    assert_eq!(a.tries, 1);
    assert_eq!(s.progress.best(q(1)), Some(Outcome::Incorrect));
    assert_eq!(
        s.announcement.text,
        "Not correct. A is right. D is wrong (Author 2020, p. 2)"
    );

    // Locked once checked: picking changes nothing until "try again".
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    assert_eq!(s.attempt(q(1)).selected(), sel(&[0, 3]));
    s.reduce(course(), Action::TryAgain(q(1)));
    assert_eq!(s.attempt(q(1)).selected(), Selection::default());
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).tries, 2);
    assert_eq!(s.progress.best(q(1)), Some(Outcome::Correct));
    assert!(s.announcement.text.starts_with("Correct."));
}

#[test]
fn single_choice_pick_replaces_and_show_answer_needs_an_attempt() {
    let mut s = state();
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    assert_eq!(s.attempt(q(0)).selected(), sel(&[0]));
    s.reduce(course(), Action::ShowAnswer(q(2)));
    assert!(
        !s.attempt(q(2)).revealed,
        "no answer shown before an attempt"
    );
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    s.reduce(course(), Action::ShowAnswer(q(2)));
    let a = s.attempt(q(2));
    assert!(a.revealed);
    // The learner's choice and grade stay theirs: showing the answer earns nothing.
    assert_eq!(a.selected(), sel(&[0]));
    assert_eq!(a.graded.map(|g| g.credit), Some(0));
    assert_eq!(s.quiz_score(course(), QuizId(0)), (0, 1));
    assert_eq!(s.announcement.text, "The answer: False.");
    // Giving up after "try again" (nothing chosen) counts as not correct.
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    s.reduce(course(), Action::TryAgain(q(1)));
    s.reduce(course(), Action::ShowAnswer(q(1)));
    assert_eq!(
        s.attempt(q(1)).graded.map(|g| (g.outcome, g.credit)),
        Some((Outcome::Incorrect, 0))
    );
    assert_eq!(
        s.progress.best(q(1)),
        Some(Outcome::Partial),
        "the record keeps the best real answer"
    );
    // Showing the answer does not improve the recorded result.
    assert_eq!(s.progress.best(q(2)), Some(Outcome::Incorrect));
    // An option index the question does not have is ignored.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 9,
        },
    );
    assert_eq!(s.attempt(q(0)).selected(), sel(&[0]));
}

#[test]
fn quiz_score_and_restart() {
    let mut s = state();
    for (question, option) in [(0, 0), (1, 0), (2, 0)] {
        s.reduce(
            course(),
            Action::Pick {
                question: q(question),
                option,
            },
        );
        s.reduce(course(), Action::Check(q(question)));
    }
    // 100 + 50 + 0 over three questions.
    assert_eq!(s.quiz_score(course(), QuizId(0)), (50, 3));
    s.reduce(course(), Action::RestartQuiz(QuizId(0)));
    assert_eq!(s.quiz_score(course(), QuizId(0)), (0, 0));
    assert_eq!(
        s.progress.best(q(0)),
        Some(Outcome::Correct),
        "restarting keeps the record"
    );
}

#[test]
fn announcements_change_serial_even_when_words_repeat() {
    let mut s = state();
    s.reduce(course(), Action::Check(q(0)));
    let first = s.announcement.clone();
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(first.text, s.announcement.text);
    assert_ne!(first.serial, s.announcement.serial);
}

/// The quiz's own rules: marks, modes, submission, tries and shuffling.
mod quiz_behaviour {
    use crate::engine::fixture::course;
    use crate::engine::grade::{Answer, Outcome};
    use crate::engine::progress::Progress;
    use crate::engine::quiz::{permutation, Confidence};
    use crate::engine::route::Route;
    use crate::engine::state::{Action, AppState, RefusedAt, Storage};
    use crate::model::*;

    fn id(name: &str) -> QuestionId {
        course().find_question(name).expect("fixture question")
    }

    fn state(seed: u32) -> AppState {
        let mut p = Progress::new(course());
        p.seed = seed;
        AppState::new(course(), Route::Home, p, Storage::Saved)
    }

    const Q2: QuizId = QuizId(1);

    #[test]
    fn the_lecturers_link_overrides_the_content_mode() {
        let mut s = state(7);
        assert_eq!(s.mode(course(), QuizId(0)), QuizMode::Immediate);
        assert_eq!(
            Route::mode_param(course(), "#/quiz/quiz/2?mode=deferred"),
            Some((QuizId(0), QuizMode::Deferred))
        );
        assert_eq!(
            Route::mode_param(course(), "#/quiz/quiz?mode=sideways"),
            None
        );
        assert_eq!(
            Route::mode_param(course(), "#/glossary?mode=deferred"),
            None
        );
        assert_eq!(
            Route::parse(course(), "#/quiz/quiz/2?mode=deferred"),
            Route::Question(QuizId(0), 1)
        );
        s.reduce(course(), Action::SetMode(QuizId(0), QuizMode::Deferred));
        assert_eq!(s.mode(course(), QuizId(0)), QuizMode::Deferred);
        s.reduce(
            course(),
            Action::Pick {
                question: id("single"),
                option: 0,
            },
        );
        s.reduce(course(), Action::Check(id("single")));
        assert_eq!(
            s.attempt(id("single")).graded,
            None,
            "no checking one by one in deferred mode"
        );
    }

    #[test]
    fn deferred_quizzes_grade_everything_on_submit_and_need_sureness() {
        let mut s = state(7);
        s.reduce(
            course(),
            Action::Type {
                question: id("number"),
                text: "3.8bn".into(),
            },
        );
        s.reduce(
            course(),
            Action::Type {
                question: id("text"),
                text: "Glasby".into(),
            },
        );
        s.reduce(course(), Action::Submit(Q2));
        assert!(
            !s.is_submitted(Q2),
            "answered questions need a sureness first"
        );
        assert!(
            s.announcement.text.starts_with("Nothing was submitted")
                && s.announcement.text.contains("questions 2, 5:"),
            "{}",
            s.announcement.text
        );
        assert_eq!(
            s.refused(RefusedAt::Submit(Q2)),
            Some(s.announcement.text.as_str()),
            "shown beside Submit as well as said"
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: id("number"),
                level: Confidence::High,
            },
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: id("text"),
                level: Confidence::High,
            },
        );
        s.reduce(course(), Action::Submit(Q2));
        assert!(s.is_submitted(Q2));
        assert_eq!(s.refusal, None, "submitted: the message goes");
        assert_eq!(s.focus_request, 1);
        assert_eq!(
            s.attempt(id("number")).graded.map(|g| g.outcome),
            Some(Outcome::Correct)
        );
        assert_eq!(
            s.attempt(id("text")).graded.map(|g| g.outcome),
            Some(Outcome::Incorrect)
        );
        // Unanswered questions count as wrong, at the lowest sureness.
        assert_eq!(s.attempt(id("match")).graded.map(|g| g.credit), Some(0));
        assert_eq!(s.attempt(id("match")).confidence, Some(Confidence::Low));
        assert_eq!(s.quiz_score(course(), Q2), (20, 5));
        assert_eq!(
            s.announcement.text,
            "Answers submitted. Your score: 20 per cent."
        );
        // Submitted: answers are locked; restarting opens the quiz again.
        s.reduce(
            course(),
            Action::Type {
                question: id("text"),
                text: "Leutz".into(),
            },
        );
        assert_eq!(s.attempt(id("text")).answer, Answer::Typed("Glasby".into()));
        s.reduce(course(), Action::RestartQuiz(Q2));
        assert!(!s.is_submitted(Q2));
    }

    #[test]
    fn immediate_mode_shows_the_answer_when_the_tries_run_out() {
        let mut s = state(7);
        s.reduce(course(), Action::SetMode(Q2, QuizMode::Immediate));
        let q = id("number");
        s.reduce(
            course(),
            Action::Type {
                question: q,
                text: "4".into(),
            },
        );
        s.reduce(course(), Action::Check(q));
        assert_eq!(s.attempt(q).graded, None, "sureness first");
        assert_eq!(
            s.announcement.text,
            "Say how sure you are of this answer before checking it."
        );
        s.reduce(
            course(),
            Action::SetConfidence {
                question: q,
                level: Confidence::Medium,
            },
        );
        s.reduce(course(), Action::Check(q));
        assert!(!s.attempt(q).revealed, "one try of two used");
        assert!(!s.out_of_tries(course(), q));
        s.reduce(course(), Action::TryAgain(q));
        s.reduce(course(), Action::Check(q));
        let a = s.attempt(q);
        assert!(a.revealed, "the second wrong try shows the answer");
        assert_eq!(a.tries, 2);
        assert!(s.out_of_tries(course(), q));
        assert!(s.announcement.text.ends_with(
            "No tries left: you have used all 2 tries this quiz allows, so the answer is shown. The answer: 3.8 billion (answers within 0.05 are accepted)."
        ));
        s.reduce(course(), Action::TryAgain(q));
        assert!(
            s.attempt(q).graded.is_some(),
            "no more tries once the answer is shown"
        );
    }

    #[test]
    fn shuffled_orders_are_stable_per_learner_and_differ_between_learners() {
        let a = state(11);
        let again = state(11);
        assert_eq!(a.quiz_order(course(), Q2), again.quiz_order(course(), Q2));
        let mut sorted = a.quiz_order(course(), Q2);
        sorted.sort();
        assert_eq!(sorted, course().quiz(Q2).questions.to_vec());
        let distinct: std::collections::BTreeSet<Vec<QuestionId>> = (1..40)
            .map(|seed| state(seed).quiz_order(course(), Q2))
            .collect();
        assert!(distinct.len() > 5, "seeds give different orders");
        // Unshuffled quizzes and true/false options keep their order.
        assert_eq!(
            a.quiz_order(course(), QuizId(0)),
            course().quiz(QuizId(0)).questions.to_vec()
        );
        assert_eq!(a.option_order(course(), id("tf")), vec![0, 1]);
        for n in 0..10 {
            let mut p = permutation(n, 99);
            p.sort_unstable();
            assert_eq!(p, (0..n as u8).collect::<Vec<_>>());
        }
    }
}
