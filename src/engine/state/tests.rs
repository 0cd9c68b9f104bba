//! Tests of what the reducer reports: a no-op changes nothing and says so, and every change is
//! reported. (Each group's actions are tested beside its file.)

use std::rc::Rc;

use crate::engine::fixture::{busy_progress, course, q};
use crate::engine::progress::Progress;
use crate::engine::quiz::Confidence;
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Changed, CodeFrom, Storage};
use crate::model::*;

/// Reduces one action and checks its report: `Yes` exactly when the state is no longer equal to
/// what it was, and the progress shared (not copied) whenever the progress did not change.
fn reduce(s: &mut AppState, action: Action) -> Changed {
    let before = s.clone();
    let changed = s.reduce(course(), action.clone());
    assert_eq!(changed == Changed::Yes, *s != before, "{action:?}");
    if *s.progress == *before.progress {
        assert!(
            Rc::ptr_eq(&s.progress, &before.progress),
            "{action:?} copied the progress without changing it"
        );
    }
    changed
}

/// A learner part-way through everything, on the first quiz's page.
fn busy() -> AppState {
    let mut s = AppState::new(
        course(),
        Route::Quiz(QuizId(0)),
        busy_progress(),
        Storage::Saved,
    );
    s.today = 20_010;
    s
}

#[test]
fn actions_that_change_nothing_say_so_and_leave_the_state_as_it_was() {
    let mut s = busy();
    let code = s.progress.encode(course());
    // q(0) was checked and its answer shown; the scenario has a run one choice in.
    assert!(s.attempt(q(0)).revealed);
    let no_ops = [
        Action::Navigate(Route::Quiz(QuizId(0))),
        Action::Pick {
            question: q(0),
            option: 0,
        },
        Action::Move {
            question: q(0),
            position: 0,
            up: false,
        },
        Action::Assign {
            question: q(4),
            item: 9,
            value: Some(0),
        },
        Action::Type {
            question: q(0),
            text: "3".into(),
        },
        Action::SetConfidence {
            question: q(0),
            level: Confidence::Low,
        },
        Action::Check(q(0)),
        Action::TryAgain(q(0)),
        Action::ShowAnswer(q(0)),
        Action::Submit(QuizId(0)),
        Action::Choose {
            scenario: ScenarioId(0),
            choice: 9,
        },
        Action::UndoReplace,
        Action::Adopt(code.clone()),
        Action::Adopt("garbage".into()),
        Action::SetToday(20_010),
    ];
    for action in no_ops {
        assert_eq!(reduce(&mut s, action.clone()), Changed::No, "{action:?}");
    }
    assert_eq!(*s.progress, busy_progress());

    // Setting what is already set.
    for action in [
        Action::SetMode(QuizId(1), QuizMode::Immediate),
        Action::Type {
            question: q(6),
            text: "3.8".into(),
        },
        Action::SetConfidence {
            question: q(6),
            level: Confidence::High,
        },
        Action::Assign {
            question: q(4),
            item: 0,
            value: None,
        },
        Action::Reflect(ReflectionId(0), "Again.".into()),
        Action::Reflect(ReflectionId(0), String::new()),
        Action::StorageFailed,
    ] {
        assert_eq!(reduce(&mut s, action.clone()), Changed::Yes, "{action:?}");
        assert_eq!(
            reduce(&mut s, action.clone()),
            Changed::No,
            "{action:?} again"
        );
    }
    // Going back at the start of a run, and without a run.
    reduce(&mut s, Action::RestartScenario(ScenarioId(0)));
    assert_eq!(
        reduce(&mut s, Action::BackScenario(ScenarioId(0))),
        Changed::No
    );
    let mut fresh = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    assert_eq!(
        reduce(&mut fresh, Action::BackScenario(ScenarioId(0))),
        Changed::No
    );
    // A tab that cannot save takes nothing from another.
    assert_eq!(reduce(&mut s, Action::Adopt(code)), Changed::No);
}

#[test]
fn every_action_reports_exactly_whether_it_changed_the_state() {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 300;
    let other = busy_progress().encode(course());
    let pick = |question, option| Action::Pick { question, option };
    let id = ScenarioId(0);
    let script = vec![
        Action::Navigate(Route::Quiz(QuizId(0))),
        Action::Navigate(Route::Quiz(QuizId(0))),
        Action::Check(q(0)),
        pick(q(0), 1),
        pick(q(0), 1),
        pick(q(0), 9),
        Action::Check(q(0)),
        Action::Check(q(0)),
        Action::TryAgain(q(0)),
        Action::TryAgain(q(0)),
        pick(q(0), 0),
        Action::Check(q(0)),
        Action::ShowAnswer(q(0)),
        Action::ShowAnswer(q(0)),
        pick(q(1), 0),
        pick(q(1), 1),
        pick(q(1), 1),
        Action::Check(q(1)),
        Action::RestartQuiz(QuizId(0)),
        Action::SetMode(QuizId(1), QuizMode::Immediate),
        Action::SetMode(QuizId(1), QuizMode::Immediate),
        Action::Move {
            question: q(3),
            position: 1,
            up: true,
        },
        Action::Move {
            question: q(3),
            position: 0,
            up: true,
        },
        Action::Assign {
            question: q(4),
            item: 0,
            value: Some(1),
        },
        Action::Assign {
            question: q(4),
            item: 0,
            value: Some(1),
        },
        Action::Assign {
            question: q(4),
            item: 1,
            value: Some(7),
        },
        Action::Type {
            question: q(6),
            text: "4".into(),
        },
        Action::Type {
            question: q(6),
            text: "4".into(),
        },
        Action::Check(q(6)),
        Action::SetConfidence {
            question: q(6),
            level: Confidence::Medium,
        },
        Action::SetConfidence {
            question: q(6),
            level: Confidence::Medium,
        },
        Action::Check(q(6)),
        Action::TryAgain(q(6)),
        Action::Check(q(6)),
        Action::TryAgain(q(6)),
        Action::SetMode(QuizId(1), QuizMode::Deferred),
        Action::Type {
            question: q(7),
            text: "Leutz".into(),
        },
        Action::Submit(QuizId(1)),
        Action::SetConfidence {
            question: q(7),
            level: Confidence::Low,
        },
        // The moved ordering question is answered too.
        Action::Submit(QuizId(1)),
        Action::SetConfidence {
            question: q(3),
            level: Confidence::High,
        },
        Action::Submit(QuizId(1)),
        Action::Submit(QuizId(1)),
        Action::RestartQuiz(QuizId(1)),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
        Action::StartScenario(id),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
        Action::Choose {
            scenario: id,
            choice: 9,
        },
        Action::BackScenario(id),
        Action::BackScenario(id),
        Action::Choose {
            scenario: id,
            choice: 1,
        },
        Action::RestartScenario(id),
        Action::MarkRead(LessonId(0), true),
        Action::MarkRead(LessonId(0), true),
        Action::Reflect(ReflectionId(0), "A thought.".into()),
        Action::Reflect(ReflectionId(0), "A thought.".into()),
        Action::Reflect(ReflectionId(0), String::new()),
        Action::Navigate(Route::Practice),
        Action::PracticeNext,
        pick(q(0), 0),
        Action::Check(q(0)),
        Action::PracticeNext,
        Action::SetToday(300),
        Action::SetToday(301),
        Action::Import("garbage".into(), CodeFrom::Pasted),
        Action::Import(other.clone(), CodeFrom::Pasted),
        Action::UndoReplace,
        Action::UndoReplace,
        Action::Reset,
        Action::UndoReplace,
        Action::Adopt("garbage".into()),
        Action::Adopt(other.clone()),
        Action::Adopt(other.clone()),
        Action::Announce("Copied.".into()),
        Action::Announce("Copied.".into()),
        Action::StorageFailed,
        Action::StorageFailed,
        Action::Adopt(Progress::new(course()).encode(course())),
    ];
    let mut reported = [0, 0];
    for action in script {
        match reduce(&mut s, action) {
            Changed::No => reported[0] += 1,
            Changed::Yes => reported[1] += 1,
        }
    }
    assert_eq!(reported, [23, 55], "no-ops and changes");
}

#[test]
fn a_refused_check_stands_by_its_control_until_it_is_answered_or_left() {
    use crate::engine::state::{Missing, RefusedAt};
    let mut s = AppState::new(
        course(),
        Route::Quiz(QuizId(0)),
        Progress::new(course()),
        Storage::Saved,
    );
    reduce(&mut s, Action::Check(q(0)));
    let r = s
        .refusal
        .clone()
        .expect("a check with no answer is refused");
    assert_eq!(r.at, RefusedAt::Check(q(0), Missing::Answer));
    assert_eq!(s.announcement.text, r.text, "said as well as shown");
    reduce(
        &mut s,
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    assert_eq!(s.refusal, None, "answered: the message goes");
    reduce(&mut s, Action::Check(q(1)));
    assert_eq!(
        s.refusal.as_ref().map(|r| r.at),
        Some(RefusedAt::Check(q(1), Missing::Answer))
    );
    reduce(
        &mut s,
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    assert!(s.refusal.is_some(), "another question's answer leaves it");
    reduce(&mut s, Action::Navigate(Route::Home));
    assert_eq!(s.refusal, None, "left: the message goes");
}
