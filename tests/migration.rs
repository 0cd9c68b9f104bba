//! Progress survives a change of content: saved against `tests/fixtures/migration/before`, loaded
//! against `after` (see that folder's README for what changed between them).

use std::path::Path;

use hsc_course::compiler::compile;
use hsc_course::engine::grade::{answer_key, Answer, Outcome, Selection};
use hsc_course::engine::progress::Progress;
use hsc_course::engine::route::Route;
use hsc_course::engine::scenario::Run;
use hsc_course::engine::state::{Action, AppState, Storage};
use hsc_course::model::{Body, Course};

fn corpus(name: &str) -> Course {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/migration")
        .join(name);
    compile(&dir).unwrap_or_else(|d| panic!("the {name} corpus must compile: {d:?}"))
}

/// A learner's progress on the `before` course: every question answered (one wrong), both
/// endings reached, a run under way, the lesson read and a reflection written.
fn learner(before: &Course) -> AppState {
    let mut s = AppState::new(before, Route::Home, Progress::new(before), Storage::Saved);
    s.today = 20_000;
    let quiz = before.find_quiz("basics-quiz").expect("the quiz");
    s.reduce(
        before,
        Action::SetMode(quiz, hsc_course::model::QuizMode::Immediate),
    );
    for q in before.question_ids() {
        let question = before.question(q);
        let wrong = question.id == "who-does-what";
        match answer_key(question) {
            Answer::Choices(sel) => {
                for i in 0..question.options().len() {
                    if sel.has(i) {
                        s.reduce(
                            before,
                            Action::Pick {
                                question: q,
                                option: i,
                            },
                        );
                    }
                }
            }
            Answer::Order(order) => {
                // Bubble the shuffled items into the key's order with the move buttons.
                for _ in 0..order.len() {
                    for pos in 0..order.len() - 1 {
                        let now = match s.attempt(q).answer {
                            Answer::Order(o) => o,
                            _ => unreachable!("an ordering answer"),
                        };
                        if now[pos] > now[pos + 1] {
                            s.reduce(
                                before,
                                Action::Move {
                                    question: q,
                                    position: pos,
                                    up: false,
                                },
                            );
                        }
                    }
                }
            }
            Answer::Assign(given) => {
                for (item, v) in given.iter().enumerate() {
                    let value = if wrong { v.map(|v| (v + 1) % 2) } else { *v };
                    s.reduce(
                        before,
                        Action::Assign {
                            question: q,
                            item,
                            value,
                        },
                    );
                }
            }
            Answer::Typed(t) => {
                s.reduce(
                    before,
                    Action::Type {
                        question: q,
                        text: t,
                    },
                );
            }
        }
        s.reduce(
            before,
            Action::SetConfidence {
                question: q,
                level: hsc_course::engine::quiz::Confidence::Medium,
            },
        );
        s.reduce(before, Action::Check(q));
    }
    let sc_id = before.find_scenario("discharge").expect("the scenario");
    let sc = before.scenario(sc_id);
    // Both endings: "ask, then meet" goes home; "book a bed" goes to the care home.
    for route in [[0usize, 0].as_slice(), &[1]] {
        s.reduce(before, Action::StartScenario(sc_id));
        for &c in route {
            s.reduce(
                before,
                Action::Choose {
                    scenario: sc_id,
                    choice: c,
                },
            );
        }
    }
    s.reduce(before, Action::RestartScenario(sc_id));
    s.reduce(
        before,
        Action::Choose {
            scenario: sc_id,
            choice: 0,
        },
    );
    assert_eq!(s.progress.endings(sc_id).len(), 2, "{}", sc.id);
    let lesson = before.find_lesson("basics-lesson").expect("the lesson");
    s.reduce(before, Action::MarkRead(lesson, true));
    let r = before.reflection_ids().next().expect("a reflection");
    s.reduce(
        before,
        Action::Reflect(r, "Mostly merging organisations.".into()),
    );
    s
}

#[test]
fn progress_saved_before_a_content_change_keeps_what_still_applies() {
    let before = corpus("before");
    let after = corpus("after");
    let s = learner(&before);
    let code = s.progress.encode(&before);
    let p = Progress::decode(&after, &code).expect("old progress loads against new content");

    let q = |id: &str| after.find_question(id).expect(id);
    // Moved to another place in the quiz: the answer is kept whole, and still right.
    let who = q("who-runs-care");
    assert_eq!(p.best(who), Some(Outcome::Correct));
    let a = p.attempt(who).expect("an attempt");
    assert_eq!(a.answer, Answer::Choices(Selection(1)));
    assert!(a.graded.is_some() && a.touched);
    assert_eq!(
        a.confidence,
        Some(hsc_course::engine::quiz::Confidence::Medium)
    );
    // Options reordered: the saved answer would point at other options, so it is dropped; the
    // result earned is kept.
    let divides = q("what-divides");
    assert_eq!(p.best(divides), Some(Outcome::Correct));
    let a = p.attempt(divides).expect("an attempt");
    assert!(a.graded.is_none() && !a.touched, "{a:?}");
    assert_eq!(a.answer, Answer::Choices(Selection(0)));
    // Unchanged questions keep everything, including a wrong answer and its practice box.
    let was = s
        .progress
        .best(before.find_question("who-does-what").expect("it"));
    assert!(
        matches!(was, Some(Outcome::Incorrect | Outcome::Partial)),
        "{was:?}"
    );
    assert_eq!(p.best(q("who-does-what")), was);
    assert_eq!(p.practice_box(q("who-does-what")), 1);
    assert_eq!(p.checked_on(q("who-does-what")), 20_000);
    for id in ["sort-services", "fund-size", "who-wrote-laws"] {
        assert_eq!(p.best(q(id)), Some(Outcome::Correct), "{id}");
        assert_eq!(
            p.attempt(q(id)),
            s.progress.attempt(before.find_question(id).expect(id)),
            "{id}"
        );
    }
    // An ordering that gained an item: the old order no longer fits, so it is dropped; the
    // result earned is kept.
    let order = q("put-in-order");
    assert_eq!(p.best(order), Some(Outcome::Correct));
    let a = p.attempt(order).expect("an attempt");
    assert!(a.graded.is_none() && !a.touched);
    assert!(matches!(&a.answer, Answer::Order(o) if o.len() == 4));
    // The new question starts blank; the removed one is simply gone.
    assert_eq!(p.best(q("new-question")), None);
    assert!(after.find_question("one-definition").is_none());
    assert_eq!(after.questions.len(), before.questions.len());

    // Scenario: the renamed ending is dropped, the other kept, and the run under way replays.
    let sc_id = after.find_scenario("discharge").expect("the scenario");
    let sc = after.scenario(sc_id);
    let ends: Vec<&str> = p.endings(sc_id).iter().map(|n| sc.node(*n).id).collect();
    assert_eq!(ends, ["home"]);
    let run = p.run(sc_id).expect("the run under way");
    assert_eq!(run, &Run::replay(sc_id, sc, &[0]).expect("a route"));

    // The lesson read and the reflection (its prompt reworded, its id kept) are kept, with dates.
    let lesson = after.find_lesson("basics-lesson").expect("the lesson");
    assert_eq!(p.read_on(lesson), Some(20_000));
    let r = after.reflection_ids().next().expect("a reflection");
    let w = p.reflection(r).expect("the reflection");
    assert_eq!(
        (w.text.as_str(), w.day),
        ("Mostly merging organisations.", 20_000)
    );

    // Saved again against the new content, it round-trips.
    assert_eq!(Progress::decode(&after, &p.encode(&after)), Ok(p));
}

#[test]
fn a_scenario_run_that_no_longer_goes_the_same_way_is_dropped() {
    let before = corpus("before");
    let after = corpus("after");
    let mut s = learner(&before);
    let sc_id = before.find_scenario("discharge").expect("the scenario");
    // The last run ends at the care home, an ending renamed in `after`.
    s.reduce(&before, Action::RestartScenario(sc_id));
    s.reduce(
        &before,
        Action::Choose {
            scenario: sc_id,
            choice: 1,
        },
    );
    let sc = before.scenario(sc_id);
    assert_eq!(
        s.progress.run(sc_id).map(|r| sc.node(r.node).id),
        Some("care-home")
    );
    let p = Progress::decode(&after, &s.progress.encode(&before)).expect("it loads");
    let after_id = after.find_scenario("discharge").expect("the scenario");
    // Replayed, choice 1 still leads to an ending, but not through the same nodes: dropped.
    assert!(Run::replay(after_id, after.scenario(after_id), &[1]).is_some());
    assert_eq!(p.run(after_id), None);
    assert_eq!(
        p.endings(after_id).len(),
        1,
        "the ending that still exists is kept"
    );
}

#[test]
fn the_fixtures_differ_as_their_readme_says() {
    let before = corpus("before");
    let after = corpus("after");
    let items = |c: &Course, id: &str| match c.question(c.find_question(id).expect(id)).body {
        Body::Ordering(items) => items.len(),
        _ => 0,
    };
    assert_eq!(
        (
            items(&before, "put-in-order"),
            items(&after, "put-in-order")
        ),
        (3, 4)
    );
    assert!(before.find_question("one-definition").is_some());
    assert!(before.find_question("new-question").is_none());
    assert_eq!(
        before.reflections.first().map(|r| r.id),
        after.reflections.first().map(|r| r.id)
    );
}
