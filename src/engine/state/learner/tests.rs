//! Tests of the learner's own pages: practice, reflections, progress codes, reset and undo.

use crate::engine::fixture::{busy_progress, course, q};
use crate::engine::grade::Outcome;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, CodeFrom, RefusedAt, Storage};
use crate::model::*;

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
    s.reduce(
        course(),
        Action::Import("not a code".into(), CodeFrom::Pasted),
    );
    assert!(s.announcement.text.starts_with("Nothing was changed"));
    assert!(s.progress.is_blank(course()));
    s.reduce(
        course(),
        Action::Import(code[..code.len() - 3].to_string(), CodeFrom::Pasted),
    );
    assert!(
        s.announcement.text.contains("incomplete"),
        "{}",
        s.announcement.text
    );
    assert_eq!(
        s.refused(RefusedAt::Load(CodeFrom::Pasted)),
        Some(s.announcement.text.as_str()),
        "shown beside the pasted code as well as said"
    );
    assert_eq!(s.refused(RefusedAt::Load(CodeFrom::File)), None);
    s.reduce(course(), Action::UnreadableFile);
    assert!(s
        .refused(RefusedAt::Load(CodeFrom::File))
        .is_some_and(|t| t.contains("could not be read")));
    assert_eq!(
        s.refused(RefusedAt::Load(CodeFrom::Pasted)),
        None,
        "one at a time"
    );
    s.reduce(course(), Action::Import(code, CodeFrom::Pasted));
    assert_eq!(*s.progress, busy);
    assert_eq!(s.refusal, None, "loaded: the message goes");
    s.reduce(course(), Action::Reset);
    assert!(s.progress.is_blank(course()));
    assert_eq!(
        s.progress.seed, busy.seed,
        "the shuffle stays the learner's own"
    );
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
    s.reduce(
        course(),
        Action::Import(other.encode(course()), CodeFrom::Pasted),
    );
    assert_eq!(*s.progress, other);
    s.reduce(course(), Action::UndoReplace);
    assert_eq!(*s.progress, busy);
}

#[test]
fn display_settings_are_kept_through_reset_and_a_code_without_them() {
    use crate::engine::display::{Display, TextSize, Theme};
    let mut s = AppState::new(
        course(),
        Route::Display,
        Progress::new(course()),
        Storage::Saved,
    );
    let chosen = Display {
        text: TextSize::Large,
        theme: Theme::Dark,
        ..Display::default()
    };
    s.reduce(course(), Action::SetDisplay(chosen));
    assert_eq!(s.progress.display, chosen);
    assert!(s.announcement.text.starts_with("Display settings changed"));
    // Choosing the same again changes nothing and says nothing new.
    let said = s.announcement.clone();
    s.reduce(course(), Action::SetDisplay(chosen));
    assert_eq!(s.announcement, said);
    // Deleting progress keeps how the course looks.
    s.reduce(course(), Action::Reset);
    assert_eq!(s.progress.display, chosen);
    // A code taken before any setting was chosen keeps the learner's own settings.
    let other = busy_progress();
    assert_eq!(other.display, Display::default());
    s.reduce(
        course(),
        Action::Import(other.encode(course()), CodeFrom::Pasted),
    );
    assert_eq!(s.progress.display, chosen);
    // A code that carries settings brings them.
    let mut carried = busy_progress();
    carried.display.text = TextSize::Larger;
    s.reduce(
        course(),
        Action::Import(carried.encode(course()), CodeFrom::Pasted),
    );
    assert_eq!(s.progress.display.text, TextSize::Larger);
}
