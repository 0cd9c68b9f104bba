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

/// A walk: the choices (indices among all of a node's choices), the ending and the variables.
fn walk(choices: &[usize]) -> Run {
    let s = COURSE.scenario(ScenarioId(0));
    Run::replay(ScenarioId(0), s, choices)
        .unwrap_or_else(|| panic!("walk {choices:?} is not possible"))
}

fn node_of(run: &Run) -> &'static str {
    COURSE.scenario(ScenarioId(0)).node(run.node).id
}

#[test]
fn conditions_decide_which_choices_are_offered() {
    let s = COURSE.scenario(ScenarioId(0));
    let start = Run::start(ScenarioId(0), s);
    // "Call the family" needs trust >= 9: trust starts at 9.
    assert_eq!(start.offered(s), vec![0, 1, 2]);
    // After "Talk" (trust 10) the middle node offers "Ask the family again" (family not visited).
    let middle = walk(&[0]);
    assert_eq!(node_of(&middle), "middle");
    assert_eq!(middle.offered(s), vec![0, 1]);
    // At the family node, "Meet" needs middle visited (or wellbeing above 9).
    let family_first = walk(&[2]);
    assert_eq!(node_of(&family_first), "family");
    assert_eq!(family_first.vars, vec![6, 7]);
    assert!(family_first.visited(NodeId(4)) && !family_first.visited(NodeId(1)));
    assert_eq!(family_first.offered(s), vec![1], "Meet is not offered yet");
    assert!(
        family_first.choose(s, 0).is_none(),
        "a choice not offered cannot be taken"
    );
    let family_later = walk(&[0, 1]);
    assert_eq!(family_later.offered(s), vec![0, 1]);
    // Back at the middle after visiting the family, "Ask the family again" is gone.
    let again = walk(&[0, 1, 0]);
    assert_eq!(node_of(&again), "middle");
    assert_eq!(again.offered(s), vec![0]);
    assert!(Run::replay(ScenarioId(0), s, &[0, 1, 0, 1]).is_none());
}

#[test]
fn routes_follow_the_first_condition_that_holds_after_the_effects() {
    // Plan: wellbeing +2, then "good if wellbeing >= 7", else "bad".
    let good = walk(&[0, 0]);
    assert_eq!((node_of(&good), good.vars.clone()), ("good", vec![7, 10]));
    // Talk, ask again (wellbeing 3), meet (trust stays at its maximum 10), plan: 5 < 7.
    let bad = walk(&[0, 1, 0, 0]);
    assert_eq!((node_of(&bad), bad.vars.clone()), ("bad", vec![5, 10]));
    assert_eq!(bad.path.len(), 4);
    let gave_up = walk(&[2, 1]);
    assert_eq!(
        (node_of(&gave_up), gave_up.vars.clone()),
        ("bad", vec![5, 7])
    );
}

#[test]
fn scores_are_the_weighted_sum_of_the_variables() {
    let s = COURSE.scenario(ScenarioId(0));
    // score: 2*wellbeing + trust
    assert_eq!(walk(&[0, 0]).score(s), Some(2 * 7 + 10));
    assert_eq!(walk(&[1]).score(s), Some(2 + 9));
    assert_eq!(walk(&[0, 1, 0, 0]).score(s), Some(2 * 5 + 10));
    let sc = s.score.as_ref().expect("scored");
    assert_eq!(sc.value(&[]), 0, "missing values count as 0");
    assert_eq!(sc.value(&[i32::MAX, 1]), i32::MAX, "no overflow");
}

#[test]
fn back_undoes_one_decision_with_its_variables_and_visits() {
    let s = COURSE.scenario(ScenarioId(0));
    let run = walk(&[0, 1]);
    assert_eq!((node_of(&run), run.vars.clone()), ("family", vec![3, 10]));
    let one = run.back(s).expect("one step back");
    assert_eq!(one, walk(&[0]));
    assert!(!one.visited(NodeId(4)), "the family is no longer visited");
    assert_eq!(
        one.offered(s),
        vec![0, 1],
        "so asking again is offered again"
    );
    let two = one.back(s).expect("two steps back");
    assert_eq!(two, Run::start(ScenarioId(0), s));
    assert!(two.back(s).is_none(), "nothing to undo at the start");
    // Back from an ending, then a different way on.
    let ended = walk(&[0, 0]);
    let undone = ended.back(s).expect("back from an ending");
    assert_eq!(node_of(&undone), "middle");
    assert_eq!(undone.choose(s, 1).map(|r| r.vars), Some(vec![3, 10]));
}

#[test]
fn history_gives_the_run_before_each_decision() {
    let s = COURSE.scenario(ScenarioId(0));
    let run = walk(&[0, 1, 0, 0]);
    let h = run.history(s);
    let at: Vec<&str> = h.iter().map(node_of).collect();
    assert_eq!(at, ["start", "middle", "family", "middle"]);
    // What was offered at each decision, for the path map.
    let offered: Vec<Vec<usize>> = h.iter().map(|r| r.offered(s)).collect();
    assert_eq!(
        offered,
        vec![vec![0, 1, 2], vec![0, 1], vec![0, 1], vec![0]]
    );
    assert_eq!(h[2].vars, vec![3, 10]);
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
fn back_in_the_reducer_restores_and_announces() {
    let mut s = state();
    let id = ScenarioId(0);
    let before = s.announcement.clone();
    s.reduce(&COURSE, Action::BackScenario(id));
    assert_eq!(s.announcement, before, "no run: nothing happens");
    s.reduce(&COURSE, Action::StartScenario(id));
    let started = s.announcement.clone();
    s.reduce(&COURSE, Action::BackScenario(id));
    assert_eq!(s.announcement, started, "at the start: nothing to undo");
    for c in [0, 0] {
        s.reduce(
            &COURSE,
            Action::Choose {
                scenario: id,
                choice: c,
            },
        );
    }
    assert_eq!(s.progress.endings(id), &[NodeId(2)]);
    s.reduce(&COURSE, Action::BackScenario(id));
    assert_eq!(
        s.announcement.text,
        "Went back one step. Your last choice is undone. Decision 2."
    );
    assert_eq!(s.run(id), Some(&walk(&[0])));
    assert_eq!(
        s.progress.endings(id),
        &[NodeId(2)],
        "an ending reached stays reached"
    );
    // A choice that is not offered does nothing.
    let announced = s.announcement.clone();
    s.reduce(
        &COURSE,
        Action::Choose {
            scenario: id,
            choice: 2,
        },
    );
    assert_eq!(s.run(id), Some(&walk(&[0])));
    assert_eq!(s.announcement, announced);
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
