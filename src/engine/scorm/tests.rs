//! The SCORM reports on the real course: every question's key in each version's syntax, interactions
//! appended one per answer, the score never lowered, status, exit and session time at the end.

use super::interaction::{correct_patterns, interaction_id, response, MAX_ITEMS, MAX_LETTERS};
use super::*;
use crate::course::COURSE;
use crate::engine::grade::{answer_key, Answer};
use crate::engine::quiz::Confidence;
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Storage};
use crate::model::{Body, QuestionKind, QuizMode, UnitId};
use std::collections::HashSet;
use ScormVersion::{V12, V2004};

const NOW: Stamp = Stamp {
    year: 2026,
    month: 12,
    day: 3,
    hour: 10,
    minute: 4,
    second: 5,
};

fn learner() -> AppState {
    AppState::new(&COURSE, Route::Home, Progress::new(&COURSE), Storage::Saved)
}

fn first_unit() -> (UnitId, Package) {
    let unit = COURSE.unit_ids().next().expect("a unit");
    (unit, Package::new(&COURSE, V12, &[unit]))
}

/// Gives question `q` its key (or, with `right` false, a wrong choice), says how sure, checks.
fn answer(s: &mut AppState, q: QuestionId, right: bool) {
    let question = COURSE.question(q);
    let quiz = question.quiz;
    s.reduce(&COURSE, Action::SetMode(quiz, QuizMode::Immediate));
    match answer_key(question) {
        Answer::Choices(key) => {
            let n = question.options().len();
            let pick: Vec<usize> = if right {
                (0..n).filter(|i| key.has(*i)).collect()
            } else {
                (0..n).filter(|i| !key.has(*i)).take(1).collect()
            };
            for option in pick {
                s.reduce(
                    &COURSE,
                    Action::Pick {
                        question: q,
                        option,
                    },
                );
            }
        }
        Answer::Assign(given) => {
            for (item, value) in given.into_iter().enumerate() {
                s.reduce(
                    &COURSE,
                    Action::Assign {
                        question: q,
                        item,
                        value,
                    },
                );
            }
        }
        Answer::Typed(text) => {
            s.reduce(&COURSE, Action::Type { question: q, text });
        }
        Answer::Order(_) => {
            // Move every item up from the end until the order is the key's.
            for _ in 0..question.items().len() * question.items().len() {
                let Some(Answer::Order(order)) = s.progress.attempt(q).map(|a| a.answer.clone())
                else {
                    break;
                };
                let Some(pos) = order
                    .iter()
                    .enumerate()
                    .position(|(i, x)| usize::from(*x) != i)
                else {
                    break;
                };
                let want = order
                    .iter()
                    .position(|x| usize::from(*x) == pos)
                    .unwrap_or(pos);
                s.reduce(
                    &COURSE,
                    Action::Move {
                        question: q,
                        position: want,
                        up: true,
                    },
                );
            }
        }
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
}

fn sets(calls: &[Call]) -> Vec<(&str, &str)> {
    calls
        .iter()
        .filter_map(|c| match c {
            Call::Set(e, v) => Some((e.as_str(), v.as_str())),
            Call::Commit => None,
        })
        .collect()
}

fn value<'a>(calls: &'a [Call], el: &str) -> Option<&'a str> {
    sets(calls)
        .into_iter()
        .rev()
        .find(|(e, _)| *e == el)
        .map(|(_, v)| v)
}

#[test]
fn interaction_ids_are_unique_words_and_identifiers_fit_in_one_character() {
    let mut seen = HashSet::new();
    for q in COURSE.question_ids() {
        let id = interaction_id(&COURSE, q);
        assert!(
            !id.is_empty()
                && id.len() <= 255
                && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
            "{id} is not ^\\w{{1,255}}$"
        );
        assert!(seen.insert(id.clone()), "{id} twice");
        let question = COURSE.question(q);
        assert!(question.options().len() <= MAX_LETTERS, "{id}: options");
        assert!(question.items().len() <= MAX_ITEMS, "{id}: items");
        if let Body::Ordering(items) = question.body {
            assert!(items.len() <= MAX_LETTERS, "{id}: ordering");
        }
    }
}

fn list(text: &str, sep: &str, part: impl Fn(&str) -> bool) -> bool {
    !text.is_empty() && text.split(sep).all(part)
}

fn is_letter(s: &str) -> bool {
    s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase())
}

fn is_decimal(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (i, f) = s.split_once('.').unwrap_or((s, "0"));
    !i.is_empty()
        && i.bytes().all(|b| b.is_ascii_digit())
        && !f.is_empty()
        && f.bytes().all(|b| b.is_ascii_digit())
}

/// Each version's syntax, checked by hand for every question of the course: the key as a
/// response is well formed and is what the correct pattern says.
#[test]
fn every_question_writes_its_key_in_each_versions_syntax() {
    let mut kinds = HashSet::new();
    for q in COURSE.question_ids() {
        let question = COURSE.question(q);
        kinds.insert(interaction::interaction_type(question.kind));
        let key = answer_key(question);
        for v in [V12, V2004] {
            let (sep, pair) = match v {
                V12 => (",", "."),
                V2004 => ("[,]", "[.]"),
            };
            let got = response(&COURSE, v, q, &key).expect("a response");
            let patterns = correct_patterns(&COURSE, v, q);
            assert!(!patterns.is_empty());
            let ok = match question.kind {
                QuestionKind::TrueFalse => match v {
                    V12 => got == "t" || got == "f",
                    V2004 => got == "true" || got == "false",
                },
                QuestionKind::Single => is_letter(&got),
                QuestionKind::Multiple | QuestionKind::Ordering => list(&got, sep, is_letter),
                QuestionKind::Matching | QuestionKind::Categorise => list(&got, sep, |p| {
                    p.split_once(pair).is_some_and(|(a, b)| {
                        a.len() == 1
                            && a.bytes().all(|c| (b'1'..=b'9').contains(&c))
                            && is_letter(b)
                    })
                }),
                QuestionKind::Numeric => is_decimal(&got),
                QuestionKind::ShortText => got.chars().count() <= 250,
            };
            assert!(ok, "{}: {got:?} ({v:?})", question.id);
            match (question.kind, v) {
                (QuestionKind::Numeric, V2004) => {
                    let (lo, hi) = patterns[0].split_once("[:]").expect("min[:]max");
                    assert!(is_decimal(lo) && is_decimal(hi), "{}", patterns[0]);
                }
                (QuestionKind::ShortText, V2004) => {
                    let p = patterns[0]
                        .strip_prefix("{case_matters=false}")
                        .expect("case");
                    assert_eq!(p, got);
                }
                _ => assert_eq!(patterns[0], got, "{}", question.id),
            }
        }
    }
    assert_eq!(
        kinds.len(),
        6,
        "every SCORM type the course needs: {kinds:?}"
    );
}

#[test]
fn results_in_each_vocabulary() {
    use crate::engine::grade::{Grade, Outcome};
    let g = |credit, outcome| Grade { outcome, credit };
    assert_eq!(
        interaction::result(V12, g(100, Outcome::Correct)),
        "correct"
    );
    assert_eq!(interaction::result(V12, g(0, Outcome::Incorrect)), "wrong");
    assert_eq!(
        interaction::result(V2004, g(0, Outcome::Incorrect)),
        "incorrect"
    );
    assert_eq!(interaction::result(V2004, g(50, Outcome::Partial)), "0.5");
    assert_eq!(interaction::result(V12, g(33, Outcome::Partial)), "0.33");
}

#[test]
fn a_first_launch_is_incomplete_with_no_score() {
    let (_, package) = first_unit();
    for v in [V12, V2004] {
        let mut p = package.clone();
        p.version = v;
        let mut r = Reporter::new(p, Start::default());
        let calls = r.begin(&COURSE, &Progress::new(&COURSE));
        assert_eq!(calls.last(), Some(&Call::Commit));
        let status = Element::Status.name(v);
        assert_eq!(value(&calls, status), Some("incomplete"));
        assert_eq!(
            value(&calls, Element::Score.name(v)),
            None,
            "no score before an answer"
        );
        assert!(value(&calls, "cmi.suspend_data").is_some_and(|d| !d.is_empty()));
        if v == V2004 {
            assert_eq!(value(&calls, "cmi.success_status"), Some("unknown"));
            assert_eq!(value(&calls, "cmi.progress_measure"), Some("0"));
        }
    }
}

#[test]
fn each_answer_appends_one_interaction_and_commits_but_typing_does_not() {
    let (unit, package) = first_unit();
    let quiz = COURSE.unit(unit).quiz;
    let questions = COURSE.quiz(quiz).questions;
    let n = questions.len() as u32;
    let mut r = Reporter::new(
        package,
        Start {
            interactions: 4,
            ..Start::default()
        },
    );
    let mut s = learner();
    r.begin(&COURSE, &s.progress);

    let q = questions[0];
    let before = s.progress.clone();
    answer(&mut s, q, true);
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    assert_eq!(calls.last(), Some(&Call::Commit));
    assert_eq!(
        value(&calls, "cmi.interactions.4.id"),
        Some(interaction_id(&COURSE, q).as_str())
    );
    assert_eq!(value(&calls, "cmi.interactions.4.result"), Some("correct"));
    assert_eq!(value(&calls, "cmi.interactions.4.time"), Some("10:04:05"));
    assert_eq!(value(&calls, "cmi.interactions.4.weighting"), Some("1"));
    let raw = value(&calls, "cmi.core.score.raw").expect("a score");
    assert_eq!(format::read_percent(raw), Some(10_000 / n));
    let order: Vec<&str> = sets(&calls).iter().map(|(e, _)| *e).collect();
    assert_eq!(order[0], "cmi.interactions.4.id", "the id comes first");

    // A keystroke in a typed answer: the progress travels, uncommitted, and no interaction.
    let typed = questions
        .iter()
        .copied()
        .find(|q| {
            matches!(
                COURSE.question(*q).body,
                Body::ShortText { .. } | Body::Numeric(_)
            )
        })
        .expect("a typed question");
    let before = s.progress.clone();
    s.reduce(
        &COURSE,
        Action::Type {
            question: typed,
            text: "4".into(),
        },
    );
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    assert_eq!(
        sets(&calls).iter().map(|(e, _)| *e).collect::<Vec<_>>(),
        ["cmi.suspend_data"]
    );
    assert!(!calls.contains(&Call::Commit));

    // The next answer is interaction 5, even when wrong; checking again after "try again" is 6.
    let q2 = *questions[1..]
        .iter()
        .find(|q| COURSE.question(**q).kind == QuestionKind::Single)
        .expect("a single-choice question");
    let before = s.progress.clone();
    answer(&mut s, q2, false);
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    assert_eq!(value(&calls, "cmi.interactions.5.result"), Some("wrong"));
    let before = s.progress.clone();
    s.reduce(&COURSE, Action::TryAgain(q2));
    answer(&mut s, q2, true);
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    assert_eq!(value(&calls, "cmi.interactions.6.result"), Some("correct"));
    assert_eq!(
        value(&calls, "cmi.interactions.6.student_response"),
        value(&calls, "cmi.interactions.6.correct_responses.0.pattern")
    );
}

#[test]
fn showing_the_answer_is_not_an_answer() {
    let (unit, package) = first_unit();
    let q = COURSE.quiz(COURSE.unit(unit).quiz).questions[0];
    let mut s = learner();
    answer(&mut s, q, false);
    s.reduce(&COURSE, Action::TryAgain(q));
    let before = s.progress.clone();
    s.reduce(&COURSE, Action::ShowAnswer(q));
    assert!(s.progress.attempt(q).is_some_and(|a| a.revealed));
    assert!(answered(&COURSE, &package, &before, &s.progress).is_empty());
}

#[test]
fn restarting_a_quiz_never_lowers_the_score_sent() {
    let (unit, package) = first_unit();
    let quiz = COURSE.unit(unit).quiz;
    let mut r = Reporter::new(package, Start::default());
    let mut s = learner();
    r.begin(&COURSE, &s.progress);
    let before = s.progress.clone();
    for &q in &COURSE.quiz(quiz).questions[..3] {
        answer(&mut s, q, true);
    }
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    let raw = value(&calls, "cmi.core.score.raw")
        .expect("a score")
        .to_string();
    let before = s.progress.clone();
    s.reduce(&COURSE, Action::RestartQuiz(quiz));
    let calls = r.progress(&COURSE, &before, &s.progress, NOW);
    assert_eq!(
        value(&calls, "cmi.core.score.raw"),
        None,
        "the score stays: {calls:?}"
    );
    // And the same after a relaunch, from the score the LMS holds.
    let kept = format::read_percent(&raw);
    let standing = Standing::new(
        &COURSE,
        &r.package,
        &s.progress,
        &Start {
            score: kept,
            ..Start::default()
        },
    );
    assert_eq!(standing.score, kept);
}

/// Every step of the unit done with every answer right: passed, complete, exit normal; with one
/// step left: incomplete and suspend; with no pass mark, completed.
#[test]
fn a_finished_package_is_passed_and_exits_normally() {
    let (unit, package) = first_unit();
    let u = COURSE.unit(unit);
    let mut s = learner();
    for &q in COURSE.quiz(u.quiz).questions {
        answer(&mut s, q, true);
    }
    s.reduce(&COURSE, Action::MarkRead(u.lesson, true));
    let mut r = Reporter::new(package.clone(), Start::default());
    let calls = r.end(&COURSE, &s.progress, 1_000);
    assert_eq!(
        value(&calls, "cmi.core.exit"),
        Some("suspend"),
        "the scenario is not played"
    );
    assert_eq!(value(&calls, "cmi.core.lesson_status"), Some("incomplete"));
    assert_eq!(value(&calls, "cmi.core.score.raw"), Some("100"));
    assert_eq!(
        value(&calls, "cmi.core.session_time"),
        Some("0000:00:01.00")
    );

    for &sc in u.scenarios {
        let scenario = COURSE.scenario(sc);
        let ending = scenario
            .node_ids()
            .find(|n| scenario.node(*n).ending().is_some())
            .expect("an ending");
        s.progress_mut().reach(sc, ending);
    }
    let calls = r.end(&COURSE, &s.progress, 1_000);
    assert_eq!(value(&calls, "cmi.core.exit"), Some(""));
    assert_eq!(value(&calls, "cmi.core.lesson_status"), Some("passed"));

    let mut p2004 = package.clone();
    p2004.version = V2004;
    let calls = Reporter::new(p2004, Start::default()).end(&COURSE, &s.progress, 61_500);
    assert_eq!(value(&calls, "cmi.exit"), Some("normal"));
    assert_eq!(value(&calls, "cmi.completion_status"), Some("completed"));
    assert_eq!(value(&calls, "cmi.success_status"), Some("passed"));
    assert_eq!(value(&calls, "cmi.score.scaled"), Some("1"));
    assert_eq!(value(&calls, "cmi.progress_measure"), Some("1"));
    assert_eq!(value(&calls, "cmi.session_time"), Some("PT1M1.5S"));

    let mut none = package;
    none.pass = None;
    let calls = Reporter::new(none, Start::default()).end(&COURSE, &s.progress, 0);
    assert_eq!(value(&calls, "cmi.core.lesson_status"), Some("completed"));
}

#[test]
fn all_marked_below_the_pass_mark_is_failed() {
    let (unit, mut package) = first_unit();
    package.version = V2004;
    let mut s = learner();
    for &q in COURSE.quiz(COURSE.unit(unit).quiz).questions {
        let choice = matches!(COURSE.question(q).body, Body::Choices(_));
        answer(&mut s, q, !choice);
    }
    let standing = Standing::new(&COURSE, &package, &s.progress, &Start::default());
    let pass = u32::from(package.pass.expect("a pass mark")) * 100;
    let score = standing.score.expect("a score");
    assert!(score < pass, "the fixture answers enough wrong: {score}");
    assert_eq!(standing.success, Success::Failed);
    assert!(!standing.complete);
    let values = standing.values(V2004);
    assert!(
        values.iter().any(|(e, _)| *e == "cmi.score.scaled"),
        "settled: scaled sent"
    );

    // Half way through: raw, but no scaled score for the LMS to judge by.
    let mut half = learner();
    let q = COURSE.quiz(COURSE.unit(unit).quiz).questions[0];
    answer(&mut half, q, true);
    let standing = Standing::new(&COURSE, &package, &half.progress, &Start::default());
    assert_eq!(standing.success, Success::Unknown);
    let values = standing.values(V2004);
    assert!(values.iter().any(|(e, _)| *e == "cmi.score.raw"));
    assert!(!values.iter().any(|(e, _)| *e == "cmi.score.scaled"));
    package.pass = None;
    let standing = Standing::new(&COURSE, &package, &half.progress, &Start::default());
    assert!(
        standing
            .values(V2004)
            .iter()
            .any(|(e, _)| *e == "cmi.score.scaled"),
        "no pass mark: nothing to judge"
    );
}

#[test]
fn the_route_is_sent_once_per_change() {
    let (_, package) = first_unit();
    let mut r = Reporter::new(package, Start::default());
    assert_eq!(
        r.location("#/quiz/meaning-quiz"),
        [Call::Set(
            "cmi.core.lesson_location".into(),
            "#/quiz/meaning-quiz".into()
        )]
    );
    assert!(r.location("#/quiz/meaning-quiz").is_empty());
}
