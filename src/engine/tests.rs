//! Unit tests of the engine against the hand-built course in `fixture`.

use super::fixture::COURSE;
use super::grade::{answer_key, grade, Outcome, Selection};
use super::progress::{DecodeError, Progress};
use super::route::Route;
use super::scenario::Run;
use super::state::{Action, AppState, Storage};
use crate::model::*;

fn q(i: u16) -> QuestionId {
    QuestionId(i)
}

fn sel(options: &[usize]) -> Selection {
    options
        .iter()
        .fold(Selection::default(), |s, &o| s.toggled(o))
}

#[test]
fn single_choice_is_all_or_nothing() {
    let single = COURSE.question(q(0));
    assert_eq!(grade(single, Selection::default()), None);
    let right = grade(single, sel(&[0])).unwrap();
    assert_eq!((right.outcome, right.credit), (Outcome::Correct, 100));
    let wrong = grade(single, sel(&[1])).unwrap();
    assert_eq!((wrong.outcome, wrong.credit), (Outcome::Incorrect, 0));
    // Both chosen (impossible with radios, but a corrupt selection must not score).
    assert_eq!(
        grade(single, sel(&[0, 1])).unwrap().outcome,
        Outcome::Incorrect
    );
}

#[test]
fn multiple_response_partial_credit() {
    let multi = COURSE.question(q(1));
    let g = |o: &[usize]| grade(multi, sel(o)).map(|g| (g.outcome, g.credit));
    assert_eq!(g(&[0, 1]), Some((Outcome::Correct, 100)));
    assert_eq!(g(&[0]), Some((Outcome::Partial, 50)));
    assert_eq!(g(&[0, 1, 2]), Some((Outcome::Partial, 50)));
    assert_eq!(g(&[0, 2]), Some((Outcome::Incorrect, 0)));
    assert_eq!(
        g(&[2, 3]),
        Some((Outcome::Incorrect, 0)),
        "negative totals floor at zero"
    );
    assert_eq!(g(&[0, 1, 2, 3]), Some((Outcome::Incorrect, 0)));
    assert_eq!(answer_key(multi), sel(&[0, 1]));
}

#[test]
fn true_false() {
    let tf = COURSE.question(q(2));
    assert_eq!(grade(tf, sel(&[1])).unwrap().outcome, Outcome::Correct);
    assert_eq!(grade(tf, sel(&[0])).unwrap().outcome, Outcome::Incorrect);
}

#[test]
fn scenario_walks_reach_expected_endings_and_values() {
    let s = COURSE.scenario(ScenarioId(0));
    let good = Run::replay(ScenarioId(0), s, &[0, 0]).unwrap();
    assert_eq!(s.node(good.node).id, "good");
    assert!(good.at_ending(s));
    // trust 9 + 3 clamps to its maximum 10; wellbeing 5 + 2.
    assert_eq!(good.vars, vec![7, 10]);
    assert_eq!(good.path.len(), 2);

    let bad = Run::replay(ScenarioId(0), s, &[1]).unwrap();
    assert_eq!(s.node(bad.node).id, "bad");
    assert_eq!(bad.vars, vec![1, 9]);
    assert_eq!(
        bad.last_choice(s).map(|c| c.consequence),
        Some(&[Inline::Text("You wait.")][..])
    );

    // No choice 5 at the start, and nothing to choose at an ending.
    assert!(Run::replay(ScenarioId(0), s, &[5]).is_none());
    assert!(Run::replay(ScenarioId(0), s, &[1, 0]).is_none());
}

#[test]
fn progress_round_trips_by_content_id() {
    let mut p = Progress::new(&COURSE);
    p.set_read(LessonId(0), true);
    p.record(q(0), Outcome::Incorrect);
    p.record(q(0), Outcome::Correct);
    p.record(q(0), Outcome::Incorrect); // the best outcome is kept
    p.record(q(1), Outcome::Partial);
    p.reach(ScenarioId(0), NodeId(3));
    p.reach(ScenarioId(0), NodeId(2));
    p.reach(ScenarioId(0), NodeId(3));
    let s = p.encode(&COURSE);
    assert_eq!(s, "hsc1;l=lesson;q=single:c,multi:p;e=scen/good,scen/bad");
    assert_eq!(Progress::decode(&COURSE, &s), Ok(p));
}

#[test]
fn progress_decoding_drops_unknown_content_and_rejects_garbage() {
    let p = Progress::decode(
        &COURSE,
        "hsc1;l=gone,lesson;q=gone:c,tf:w;e=scen/middle,nope/good,scen/good",
    )
    .unwrap();
    assert!(p.is_read(LessonId(0)));
    assert_eq!(p.best(q(2)), Some(Outcome::Incorrect));
    // "middle" is not an ending, so it is not recorded as one.
    assert_eq!(p.endings(ScenarioId(0)), &[NodeId(2)]);
    assert_eq!(
        Progress::decode(&COURSE, "{\"json\":1}"),
        Err(DecodeError::NotProgress)
    );
    assert!(matches!(
        Progress::decode(&COURSE, "hsc1;q=single:x"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        Progress::decode(&COURSE, "hsc1;z=1"),
        Err(DecodeError::Malformed(_))
    ));
    assert!(matches!(
        Progress::decode(&COURSE, "hsc1;l"),
        Err(DecodeError::Malformed(_))
    ));
    assert_eq!(
        Progress::decode(&COURSE, "hsc1"),
        Ok(Progress::new(&COURSE))
    );
}

#[test]
fn routes_parse_and_print() {
    let cases = [
        ("", Route::Home),
        ("#/", Route::Home),
        ("#/unit/unit", Route::Unit(UnitId(0))),
        ("#/lesson/lesson", Route::Lesson(LessonId(0))),
        ("#/quiz/quiz", Route::Quiz(QuizId(0))),
        ("#/quiz/quiz/3", Route::Question(QuizId(0), 2)),
        ("#/quiz/quiz/results", Route::Results(QuizId(0))),
        ("#/scenario/scen", Route::Scenario(ScenarioId(0))),
        ("#/glossary", Route::Glossary),
        ("#/glossary/term", Route::Term(TermId(0))),
        ("#/sources", Route::Sources),
        ("#/sources/src", Route::Source(SourceId(0))),
    ];
    for (hash, route) in cases {
        assert_eq!(Route::parse(&COURSE, hash), route, "{hash}");
        if !hash.is_empty() && hash != "#/" {
            assert_eq!(route.href(&COURSE), hash);
        }
    }
    for bad in [
        "#/unit/nope",
        "#/quiz/quiz/0",
        "#/quiz/quiz/4",
        "#/quiz/quiz/x",
        "#/what",
        "#/unit/unit/extra",
    ] {
        assert_eq!(Route::parse(&COURSE, bad), Route::NotFound, "{bad}");
    }
}

fn state() -> AppState {
    AppState::new(&COURSE, Route::Home, Progress::new(&COURSE), Storage::Saved)
}

#[test]
fn checking_an_answer_grades_records_and_announces() {
    let mut s = state();
    s.reduce(&COURSE, Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).graded, None);
    assert_eq!(s.announcement.text, "Choose an answer before checking it.");

    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 3,
        },
    );
    s.reduce(&COURSE, Action::Check(q(1)));
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
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    assert_eq!(s.attempt(q(1)).selected, sel(&[0, 3]));
    s.reduce(&COURSE, Action::TryAgain(q(1)));
    assert_eq!(s.attempt(q(1)).selected, Selection::default());
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 1,
        },
    );
    s.reduce(&COURSE, Action::Check(q(1)));
    assert_eq!(s.attempt(q(1)).tries, 2);
    assert_eq!(s.progress.best(q(1)), Some(Outcome::Correct));
    assert!(s.announcement.text.starts_with("Correct."));
}

#[test]
fn single_choice_pick_replaces_and_show_answer_needs_an_attempt() {
    let mut s = state();
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    assert_eq!(s.attempt(q(0)).selected, sel(&[0]));
    s.reduce(&COURSE, Action::ShowAnswer(q(2)));
    assert!(
        !s.attempt(q(2)).revealed,
        "no answer shown before an attempt"
    );
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(2),
            option: 0,
        },
    );
    s.reduce(&COURSE, Action::Check(q(2)));
    s.reduce(&COURSE, Action::ShowAnswer(q(2)));
    let a = s.attempt(q(2));
    assert!(a.revealed);
    // The learner's choice and grade stay theirs: showing the answer earns nothing.
    assert_eq!(a.selected, sel(&[0]));
    assert_eq!(a.graded.map(|g| g.credit), Some(0));
    assert_eq!(s.quiz_score(&COURSE, QuizId(0)), (0, 1));
    assert_eq!(s.announcement.text, "The answer: False.");
    // Giving up after "try again" (nothing chosen) counts as not correct.
    s.reduce(
        &COURSE,
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(&COURSE, Action::Check(q(1)));
    s.reduce(&COURSE, Action::TryAgain(q(1)));
    s.reduce(&COURSE, Action::ShowAnswer(q(1)));
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
        &COURSE,
        Action::Pick {
            question: q(0),
            option: 9,
        },
    );
    assert_eq!(s.attempt(q(0)).selected, sel(&[0]));
}

#[test]
fn quiz_score_and_restart() {
    let mut s = state();
    for (question, option) in [(0, 0), (1, 0), (2, 0)] {
        s.reduce(
            &COURSE,
            Action::Pick {
                question: q(question),
                option,
            },
        );
        s.reduce(&COURSE, Action::Check(q(question)));
    }
    // 100 + 50 + 0 over three questions.
    assert_eq!(s.quiz_score(&COURSE, QuizId(0)), (50, 3));
    s.reduce(&COURSE, Action::RestartQuiz(QuizId(0)));
    assert_eq!(s.quiz_score(&COURSE, QuizId(0)), (0, 0));
    assert_eq!(
        s.progress.best(q(0)),
        Some(Outcome::Correct),
        "restarting keeps the record"
    );
}

#[test]
fn scenario_actions_record_endings() {
    let mut s = state();
    let id = ScenarioId(0);
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert!(s.run(id).is_none(), "no choice before the scenario starts");
    s.reduce(&COURSE, Action::StartScenario(id));
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: id,
            choice: 1,
        },
    );
    assert_eq!(s.announcement.text, "You wait. Ending reached: Bad ending.");
    assert_eq!(s.progress.endings(id), &[NodeId(3)]);
    s.reduce(&COURSE, Action::RestartScenario(id));
    assert_eq!(s.run(id).map(|r| r.path.len()), Some(0));
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert_eq!(s.announcement.text, "You talk.");
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert_eq!(s.progress.endings(id), &[NodeId(2), NodeId(3)]);
}

#[test]
fn announcements_change_serial_even_when_words_repeat() {
    let mut s = state();
    s.reduce(&COURSE, Action::Check(q(0)));
    let first = s.announcement.clone();
    s.reduce(&COURSE, Action::Check(q(0)));
    assert_eq!(first.text, s.announcement.text);
    assert_ne!(first.serial, s.announcement.serial);
}
