//! Reducing what the browser reports: storage failing, another tab saving progress, a new day.

use std::rc::Rc;

use super::{AppState, Changed, Lms, Storage};
use crate::engine::day::Day;
use crate::engine::progress::Progress;
use crate::model::Course;

impl AppState {
    pub(super) fn adopt(&mut self, course: &Course, code: &str) -> Changed {
        // Not while this tab cannot save: its work lives only in memory, and must not be
        // replaced by what another tab managed to store.
        if self.storage == Storage::Unavailable {
            return Changed::No;
        }
        match Progress::decode(course, code) {
            Ok(p) if p != *self.progress => {
                self.progress = Rc::new(p);
                if self
                    .practising
                    .is_some_and(|q| !self.progress.is_due(q, self.today))
                {
                    self.practising = None;
                }
                Changed::Yes
            }
            _ => Changed::No,
        }
    }

    pub(super) fn set_today(&mut self, d: Day) -> Changed {
        let changed = self.today != d;
        self.today = d;
        changed.into()
    }

    /// An LMS call failed: the notice says so (once per different message); a module running
    /// standalone has no LMS to fail.
    pub(super) fn lms_trouble(&mut self, text: String) -> Changed {
        match &mut self.lms {
            Lms::Connected { trouble } if trouble.as_deref() != Some(text.as_str()) => {
                *trouble = Some(text);
                Changed::Yes
            }
            _ => Changed::No,
        }
    }

    /// Saving failed: the notice at the top of the page appears, and (WCAG 4.1.3) is said too,
    /// since it can appear at any moment, far from where the learner is.
    pub(super) fn storage_failed(&mut self) -> Changed {
        if self.storage == Storage::Unavailable {
            return Changed::No;
        }
        self.storage = Storage::Unavailable;
        self.announce(STORAGE_FAILED.into())
    }
}

/// Said when saving fails during a visit.
pub const STORAGE_FAILED: &str = "Your progress can no longer be kept in this browser: saving has been blocked or storage is full. To keep your work, take a progress code from the \u{201c}Your progress\u{201d} page before you leave.";

#[cfg(test)]
mod tests {
    use crate::engine::fixture::{busy_progress, course};
    use crate::engine::progress::Progress;
    use crate::engine::route::Route;
    use crate::engine::state::{Action, AppState, Storage};
    use crate::model::*;

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
    fn lms_trouble_is_noted_once_per_message_and_only_when_reporting() {
        use crate::engine::state::{Changed, Lms};
        let mut s = AppState::new(
            course(),
            Route::Home,
            Progress::new(course()),
            Storage::Saved,
        );
        let trouble = |t: &str| Action::LmsTrouble(t.to_string());
        assert_eq!(
            s.reduce(course(), trouble("351")),
            Changed::No,
            "no LMS, no trouble"
        );
        s.lms = Lms::Connected { trouble: None };
        assert_eq!(s.reduce(course(), trouble("351")), Changed::Yes);
        assert_eq!(s.reduce(course(), trouble("351")), Changed::No);
        assert_eq!(s.reduce(course(), trouble("101")), Changed::Yes);
        assert_eq!(
            s.lms,
            Lms::Connected {
                trouble: Some("101".into())
            }
        );
    }
}
