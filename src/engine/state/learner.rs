//! Reducing the actions of the learner's own pages: lessons marked read, reflections, loading a
//! progress code, resetting and undoing either, and "practise what I missed".

use std::rc::Rc;

use super::{AppState, Attempt, Changed, CodeFrom, RefusedAt};
use crate::engine::day::Day;
use crate::engine::display::Display;
use crate::engine::practice::PracticeQueue;
use crate::engine::progress::{clip, Progress, Written, REFLECTION_MAX};
use crate::model::{Course, LessonId, QuestionId, ReflectionId};

/// What practice does next with a question, said after its feedback (and shown with it).
pub fn practice_note(p: &Progress, q: QuestionId, today: Day) -> String {
    match p.due_on(q) {
        None => "Learned: it leaves your practice list.".into(),
        Some(d) if d <= today => "It stays in your practice list for another go.".into(),
        Some(d) if d == today + 1 => "It comes back for practice tomorrow.".into(),
        Some(d) => format!("It comes back for practice in {} days.", d - today),
    }
}

impl AppState {
    /// Questions due for practice today, in course order.
    pub fn due(&self, course: &Course) -> Vec<QuestionId> {
        PracticeQueue::new(course, &self.progress, self.today).due
    }

    pub(super) fn mark_read(&mut self, l: LessonId, read: bool) -> Changed {
        let today = self.today;
        if self.progress.read_on(l) != read.then_some(today) {
            self.progress_mut().set_read(l, read, today);
        }
        self.announce(
            if read {
                "Lesson marked as read."
            } else {
                "Lesson marked as not read."
            }
            .into(),
        )
    }

    pub(super) fn reflect(&mut self, r: ReflectionId, text: &str) -> Changed {
        let text = clip(&text.replace("\r\n", "\n"), REFLECTION_MAX);
        // Kept as typed (spaces too, so the box does not fight the typing); an empty box is no
        // reflection.
        let written = (!text.is_empty()).then_some(Written {
            text,
            day: self.today,
        });
        match self.progress.reflections.get(r.index()) {
            Some(slot) if *slot != written => {}
            _ => return Changed::No,
        }
        if let Some(slot) = self.progress_mut().reflections.get_mut(r.index()) {
            *slot = written;
        }
        Changed::Yes
    }

    /// Puts other progress in place of the learner's, keeping what it replaced for Undo.
    fn replace_progress(&mut self, p: Progress) {
        self.replaced = Some(std::mem::replace(&mut self.progress, Rc::new(p)));
        self.practising = None;
    }

    pub(super) fn import(&mut self, course: &Course, code: &str, from: CodeFrom) -> Changed {
        match Progress::decode(course, code) {
            Ok(mut p) => {
                if p.seed == 0 {
                    p.seed = self.progress.seed;
                }
                // A code taken before any setting was chosen keeps the learner's own.
                if p.display == Display::default() {
                    p.display = self.progress.display;
                }
                self.replace_progress(p);
                self.refusal = None;
                self.announce(
                    "Progress loaded from the code. Everything in it is back. To go back to what you had, use Undo on this page.".into(),
                )
            }
            Err(e) => self.refuse(
                RefusedAt::Load(from),
                format!("Nothing was changed. {}", e.words()),
            ),
        }
    }

    pub(super) fn reset(&mut self, course: &Course) -> Changed {
        let mut fresh = Progress::new(course);
        fresh.seed = self.progress.seed;
        // How the course looks is not progress: a fresh start keeps it.
        fresh.display = self.progress.display;
        self.replace_progress(fresh);
        self.refusal = None;
        self.announce(
            "Your progress has been deleted. You are starting afresh. Until you leave this page, Undo puts it back.".into(),
        )
    }

    pub(super) fn undo_replace(&mut self) -> Changed {
        let Some(p) = self.replaced.take() else {
            return Changed::No;
        };
        self.progress = p;
        self.practising = None;
        self.announce("Undone: your progress is as it was before.".into())
    }

    pub(super) fn set_display(&mut self, d: Display) -> Changed {
        if self.progress.display == d {
            return Changed::No;
        }
        self.progress_mut().display = d;
        self.announce("Display settings changed and kept with your progress.".into())
    }

    pub(super) fn practice_next(&mut self, course: &Course) -> Changed {
        let due = self.due(course);
        // The next due question after the one just practised, round to the start.
        let next = match self.practising {
            Some(cur) => due
                .iter()
                .find(|q| **q > cur)
                .or_else(|| due.iter().find(|q| **q != cur))
                .or(due.first())
                .copied(),
            None => due.first().copied(),
        };
        self.practising = next;
        if let Some(q) = next {
            let fresh = Attempt::fresh(course, q);
            if self.progress.attempt(q).is_some_and(|a| *a != fresh) {
                if let Some(a) = self.progress_mut().attempt_mut(q) {
                    *a = fresh;
                }
            }
        }
        self.focus_request = self.focus_request.wrapping_add(1);
        Changed::Yes
    }
}

#[cfg(test)]
mod tests;
