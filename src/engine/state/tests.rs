//! Tests of the reducer: every action, against the engine's test course.

use crate::engine::fixture::{busy_progress, course, q, sel, walk};
use crate::engine::grade::{Outcome, Selection};
use crate::engine::progress::{Attempt, Progress, QuestionRecord};
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Storage};
use crate::model::*;

fn state() -> AppState {
    AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    )
}

#[test]
fn practice_follows_a_leitner_schedule() {
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 100;
    // Missed in the quiz: into box 1, due at once.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    // Right first time: not in practice.
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    assert_eq!(s.progress.best(q(2)), Some(Outcome::Correct));
    assert_eq!(s.due(course()), vec![q(0)]);
    // Practise: right, so box 2, back tomorrow.
    s.reduce(course(), Action::Navigate(Route::Practice));
    s.reduce(course(), Action::PracticeNext);
    assert_eq!(s.practising, Some(q(0)));
    assert_eq!(s.attempt(q(0)).graded, None, "practice asks afresh");
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert!(
        s.announcement
            .text
            .contains("comes back for practice tomorrow"),
        "{}",
        s.announcement.text
    );
    assert_eq!(s.progress.practice_box(q(0)), 2);
    assert!(s.due(course()).is_empty());
    s.reduce(course(), Action::PracticeNext);
    assert_eq!(s.practising, None);
    // Tomorrow: due; right again, box 3, three days.
    s.reduce(course(), Action::SetToday(101));
    assert_eq!(s.due(course()), vec![q(0)]);
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(
        (s.progress.practice_box(q(0)), s.progress.due_on(q(0))),
        (3, Some(104))
    );
    // A miss sends it back to box 1, due again at once.
    s.reduce(course(), Action::SetToday(104));
    s.reduce(course(), Action::PracticeNext);
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(
        (s.progress.practice_box(q(0)), s.progress.due_on(q(0))),
        (1, Some(104))
    );
    // Three rights in a row, and it leaves the list.
    for day in [104, 105, 108] {
        s.reduce(course(), Action::SetToday(day));
        s.reduce(course(), Action::PracticeNext);
        assert_eq!(s.practising, Some(q(0)), "day {day}");
        s.reduce(
            course(),
            Action::Pick {
                question: q(0),
                option: 0,
            },
        );
        s.reduce(course(), Action::Check(q(0)));
    }
    assert_eq!(s.progress.practice_box(q(0)), 0);
    assert!(
        s.announcement.text.contains("Learned"),
        "{}",
        s.announcement.text
    );
    // The schedule survives encoding.
    let back = Progress::decode(course(), &s.progress.encode(course())).unwrap();
    assert_eq!(back, *s.progress);
}

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
fn reflections_are_clipped_kept_and_cleared() {
    use crate::engine::progress::REFLECTION_MAX;
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 9;
    let r = ReflectionId(0);
    s.reduce(course(), Action::Reflect(r, "a\r\nb".into()));
    assert_eq!(
        s.progress.reflection(r).map(|w| (w.text.as_str(), w.day)),
        Some(("a\nb", 9))
    );
    s.reduce(
        course(),
        Action::Reflect(r, "é".repeat(REFLECTION_MAX + 50)),
    );
    assert_eq!(
        s.progress.reflection(r).map(|w| w.text.chars().count()),
        Some(REFLECTION_MAX)
    );
    // An emoji is two units in a browser: the limit counts them so.
    s.reduce(course(), Action::Reflect(r, "👂".repeat(REFLECTION_MAX)));
    assert_eq!(
        s.progress
            .reflection(r)
            .map(|w| w.text.encode_utf16().count()),
        Some(REFLECTION_MAX)
    );
    // Spaces are kept while typing (the box must not fight the learner), but are no reflection.
    s.reduce(course(), Action::Reflect(r, "  ".into()));
    assert_eq!(
        s.progress.reflection(r).map(|w| w.text.as_str()),
        Some("  ")
    );
    assert!(crate::engine::record::build(course(), &s.progress)
        .iter()
        .all(|sec| sec
            .entries
            .iter()
            .all(|e| !e.title.starts_with("Reflection"))));
    s.reduce(course(), Action::Reflect(r, String::new()));
    assert_eq!(s.progress.reflection(r), None);
}

#[test]
fn import_replaces_progress_and_refuses_bad_codes_without_change() {
    let busy = busy_progress();
    let code = busy.encode(course());
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.progress_mut().seed = 5;
    s.reduce(course(), Action::Import("not a code".into()));
    assert!(s.announcement.text.starts_with("Nothing was changed"));
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::Import(code[..code.len() - 3].to_string()));
    assert!(
        s.announcement.text.contains("incomplete"),
        "{}",
        s.announcement.text
    );
    s.reduce(course(), Action::Import(code));
    assert_eq!(*s.progress, busy);
    s.reduce(course(), Action::Reset);
    assert!(s.progress.is_blank(course()));
    assert_eq!(
        s.progress.seed, busy.seed,
        "the shuffle stays the learner's own"
    );
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
fn scenario_actions_record_endings() {
    let mut s = state();
    let id = ScenarioId(0);
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert!(s.run(id).is_none(), "no choice before the scenario starts");
    s.reduce(course(), Action::StartScenario(id));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 1,
        },
    );
    assert_eq!(s.announcement.text, "You wait. Ending reached: Bad ending.");
    assert_eq!(s.progress.endings(id), &[NodeId(3)]);
    s.reduce(course(), Action::RestartScenario(id));
    assert_eq!(s.run(id).map(|r| r.path.len()), Some(0));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    assert_eq!(s.announcement.text, "You talk.");
    s.reduce(
        course(),
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
    s.reduce(course(), Action::BackScenario(id));
    assert_eq!(s.announcement, before, "no run: nothing happens");
    s.reduce(course(), Action::StartScenario(id));
    let started = s.announcement.clone();
    s.reduce(course(), Action::BackScenario(id));
    assert_eq!(s.announcement, started, "at the start: nothing to undo");
    for c in [0, 0] {
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: c,
            },
        );
    }
    assert_eq!(s.progress.endings(id), &[NodeId(2)]);
    s.reduce(course(), Action::BackScenario(id));
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
        course(),
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
    s.reduce(course(), Action::Check(q(0)));
    let first = s.announcement.clone();
    s.reduce(course(), Action::Check(q(0)));
    assert_eq!(first.text, s.announcement.text);
    assert_ne!(first.serial, s.announcement.serial);
}

#[test]
fn progress_saved_by_another_tab_is_taken_quietly_and_garbage_ignored() {
    let busy = busy_progress();
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    let said = s.announcement.clone();
    s.reduce(course(), Action::Adopt("garbage".into()));
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::Adopt(busy.encode(course())));
    assert_eq!(*s.progress, busy);
    assert_eq!(s.announcement, said, "nothing is announced");
    // A tab that cannot save keeps its own work: it exists nowhere else.
    let mut unsaved = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Unavailable,
    );
    unsaved.reduce(course(), Action::MarkRead(LessonId(0), true));
    let own = unsaved.progress.clone();
    unsaved.reduce(course(), Action::Adopt(busy.encode(course())));
    assert_eq!(unsaved.progress, own);
}

#[test]
fn an_import_or_a_reset_can_be_undone_once() {
    let busy = busy_progress();
    let mut s = AppState::new(course(), Route::Home, busy.clone(), Storage::Saved);
    s.reduce(course(), Action::Reset);
    assert!(s.progress.is_blank(course()));
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(*s.progress, busy);
    assert!(s.announcement.text.starts_with("Undone"));
    // Nothing more to undo.
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(*s.progress, busy);
    let mut other = Progress::new(course());
    other.seed = 3;
    s.reduce(course(), Action::Import(other.encode(course())));
    assert_eq!(*s.progress, other);
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(*s.progress, busy);
}

mod kind_actions {
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
}

mod quiz_behaviour {
    use crate::engine::fixture::course;
    use crate::engine::grade::{Answer, Outcome};
    use crate::engine::progress::Progress;
    use crate::engine::quiz::{permutation, Confidence};
    use crate::engine::route::Route;
    use crate::engine::state::{Action, AppState, Storage};
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
            s.announcement
                .text
                .starts_with("Say how sure you are for question"),
            "{}",
            s.announcement.text
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
        s.reduce(course(), Action::TryAgain(q));
        s.reduce(course(), Action::Check(q));
        let a = s.attempt(q);
        assert!(a.revealed, "the second wrong try shows the answer");
        assert_eq!(a.tries, 2);
        assert!(s.announcement.text.ends_with(
            "No tries left. The answer: 3.8 billion (answers within 0.05 are accepted)."
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
