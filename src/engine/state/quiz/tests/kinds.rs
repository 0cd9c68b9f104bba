//! Tests of answering each kind of question other than choices: moving, assigning, typing.

use crate::engine::fixture::course;
use crate::engine::grade::{Answer, Outcome};
use crate::engine::progress::Progress;
use crate::engine::quiz::{fresh_answer, seed};
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Storage};
use crate::model::*;

fn id(name: &str) -> QuestionId {
    course().find_question(name).expect("fixture question")
}

/// The second fixture quiz, run in immediate mode (it is deferred in the content).
fn state() -> AppState {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.reduce(
        course(),
        Action::SetMode(QuizId(1), crate::model::QuizMode::Immediate),
    );
    s
}

/// Checks an answer after saying how sure (the quiz asks for it).
fn check(s: &mut AppState, q: QuestionId) {
    s.reduce(
        course(),
        Action::SetConfidence {
            question: q,
            level: crate::engine::quiz::Confidence::High,
        },
    );
    s.reduce(course(), Action::Check(q));
}

#[test]
fn ordering_moves_items_with_buttons_and_announces_the_new_place() {
    let q = id("order");
    let mut s = state();
    let Answer::Order(start) = s.attempt(q).answer else {
        panic!("ordering answer")
    };
    assert_eq!(Answer::Order(start.clone()), fresh_answer(course(), q));
    assert_ne!(
        start,
        vec![0, 1, 2, 3],
        "never starts in order (seed {})",
        seed(course().question(q))
    );
    // Bubble the items into order with "move up" only, as a keyboard user would.
    for _ in 0..8 {
        let Answer::Order(cur) = s.attempt(q).answer else {
            unreachable!()
        };
        if let Some(pos) = (1..cur.len()).find(|&p| cur[p] < cur[p - 1]) {
            s.reduce(
                course(),
                Action::Move {
                    question: q,
                    position: pos,
                    up: true,
                },
            );
            assert!(
                s.announcement.text.ends_with(&format!("now {} of 4.", pos)),
                "{}",
                s.announcement.text
            );
        }
    }
    assert_eq!(s.attempt(q).answer, Answer::Order(vec![0, 1, 2, 3]));
    // Moving past either end changes nothing.
    s.reduce(
        course(),
        Action::Move {
            question: q,
            position: 0,
            up: true,
        },
    );
    s.reduce(
        course(),
        Action::Move {
            question: q,
            position: 3,
            up: false,
        },
    );
    s.reduce(
        course(),
        Action::Move {
            question: q,
            position: 9,
            up: true,
        },
    );
    assert_eq!(s.attempt(q).answer, Answer::Order(vec![0, 1, 2, 3]));
    check(&mut s, q);
    assert_eq!(s.progress.best(q), Some(Outcome::Correct));
    assert_eq!(
        s.announcement.text,
        "Correct. 4 of 4 items are in the right place."
    );
}

#[test]
fn assigning_checks_and_keeps_work_on_try_again() {
    let q = id("match");
    let mut s = state();
    s.reduce(
        course(),
        Action::Assign {
            question: q,
            item: 0,
            value: Some(1),
        },
    );
    check(&mut s, q);
    assert_eq!(s.announcement.text, "Match every item before checking.");
    s.reduce(
        course(),
        Action::Assign {
            question: q,
            item: 1,
            value: Some(7),
        },
    );
    assert_eq!(
        s.attempt(q).answer,
        Answer::Assign(vec![Some(1), None]),
        "an unknown target is ignored"
    );
    s.reduce(
        course(),
        Action::Assign {
            question: q,
            item: 1,
            value: Some(1),
        },
    );
    check(&mut s, q);
    assert_eq!(s.attempt(q).graded.map(|g| g.credit), Some(50));
    s.reduce(course(), Action::TryAgain(q));
    assert_eq!(
        s.attempt(q).answer,
        Answer::Assign(vec![Some(1), Some(1)]),
        "the learner's work is kept"
    );
    assert_eq!(
        s.announcement.text,
        "Change your answer, then check it again."
    );
    s.reduce(
        course(),
        Action::Assign {
            question: q,
            item: 1,
            value: Some(0),
        },
    );
    check(&mut s, q);
    assert_eq!(s.progress.best(q), Some(Outcome::Correct));
}

#[test]
fn typing_is_bounded_and_locked_after_a_check() {
    let q = id("text");
    let mut s = state();
    s.reduce(
        course(),
        Action::Type {
            question: q,
            text: "x".repeat(5000),
        },
    );
    let max = crate::engine::progress::TYPED_TEXT_MAX;
    assert_eq!(s.attempt(q).answer, Answer::Typed("x".repeat(max)));
    s.reduce(
        course(),
        Action::Type {
            question: q,
            text: "Walter Leutz".into(),
        },
    );
    check(&mut s, q);
    s.reduce(
        course(),
        Action::Type {
            question: q,
            text: "changed".into(),
        },
    );
    assert_eq!(s.attempt(q).answer, Answer::Typed("Walter Leutz".into()));
    // A typed-answer action on a choice question changes nothing.
    let single = id("single");
    s.reduce(
        course(),
        Action::Type {
            question: single,
            text: "3".into(),
        },
    );
    assert_eq!(s.attempt(single).answer, fresh_answer(course(), single));
}

#[test]
fn show_answer_words_every_kind() {
    let mut s = state();
    let q = id("number");
    s.reduce(
        course(),
        Action::Type {
            question: q,
            text: "4".into(),
        },
    );
    check(&mut s, q);
    s.reduce(course(), Action::ShowAnswer(q));
    assert_eq!(
        s.announcement.text,
        "The answer: 3.8 billion (answers within 0.05 are accepted)."
    );
    assert_eq!(s.attempt(q).graded.map(|g| g.credit), Some(0));
}
