//! "Practise what I missed": which questions are due today, which wait for a later day, and which
//! question the practice page shows.

use super::day::Day;
use super::progress::Progress;
use crate::model::{Course, QuestionId};

/// The practice list on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PracticeQueue {
    /// Questions due now, in course order.
    pub due: Vec<QuestionId>,
    /// Questions in practice but due on a later day, in course order.
    pub waiting: Vec<QuestionId>,
    /// The earliest day a waiting question comes back (none if nothing waits).
    pub next_day: Option<Day>,
}

impl PracticeQueue {
    pub fn new(course: &Course, p: &Progress, today: Day) -> PracticeQueue {
        let (due, waiting): (Vec<QuestionId>, Vec<QuestionId>) = course
            .question_ids()
            .filter(|q| p.practice_box(*q) > 0)
            .partition(|q| p.is_due(*q, today));
        let next_day = waiting.iter().filter_map(|q| p.due_on(*q)).min();
        PracticeQueue {
            due,
            waiting,
            next_day,
        }
    }

    /// The question the practice page shows: the one being practised, while it is still due or
    /// has just been checked (its feedback stays until the learner goes on).
    pub fn current(&self, p: &Progress, practising: Option<QuestionId>) -> Option<QuestionId> {
        practising
            .filter(|q| self.due.contains(q) || p.attempt(*q).is_some_and(|a| a.graded.is_some()))
    }
}

#[cfg(test)]
mod tests {

    /// The question was checked on `day` with this outcome (in practice or not): its box moves.
    fn check(p: &mut Progress, q: QuestionId, outcome: Outcome, practising: bool, day: Day) {
        let credit = if outcome == Outcome::Correct { 100 } else { 0 };
        if let Some(r) = p.question_mut(q) {
            r.check(
                crate::engine::grade::Grade { outcome, credit },
                practising,
                day,
            );
        }
    }
    use super::*;
    use crate::course::COURSE;
    use crate::engine::grade::Outcome;

    #[test]
    fn nothing_in_practice_means_an_empty_queue() {
        let q = PracticeQueue::new(&COURSE, &Progress::new(&COURSE), 100);
        assert!(q.due.is_empty() && q.waiting.is_empty());
        assert_eq!(q.next_day, None);
        assert_eq!(q.current(&Progress::new(&COURSE), None), None);
    }

    /// Three questions missed on day 100, then two got right in practice (one twice): the missed
    /// one is due, the others wait one and three days, and the queue agrees with the state's list.
    #[test]
    fn due_and_waiting_follow_the_boxes() {
        let mut p = Progress::new(&COURSE);
        let ids: Vec<QuestionId> = COURSE.question_ids().take(3).collect();
        assert_eq!(ids.len(), 3, "the course has three questions");
        for q in &ids {
            check(&mut p, *q, Outcome::Incorrect, false, 100);
        }
        check(&mut p, ids[1], Outcome::Correct, true, 100);
        check(&mut p, ids[2], Outcome::Correct, true, 100);
        check(&mut p, ids[2], Outcome::Correct, true, 100);

        let queue = PracticeQueue::new(&COURSE, &p, 100);
        assert_eq!(queue.due, vec![ids[0]]);
        assert_eq!(queue.waiting, vec![ids[1], ids[2]]);
        assert_eq!(queue.next_day, Some(101));

        let later = PracticeQueue::new(&COURSE, &p, 101);
        assert_eq!(later.due, vec![ids[0], ids[1]]);
        assert_eq!(later.next_day, Some(103));

        let mut s = crate::engine::state::AppState::new(
            &COURSE,
            crate::engine::route::Route::Practice,
            p.clone(),
            crate::engine::state::Storage::Saved,
        );
        s.today = 101;
        assert_eq!(s.due(&COURSE), later.due);
    }

    #[test]
    fn the_current_question_stays_while_due_or_just_checked() {
        let mut p = Progress::new(&COURSE);
        let ids: Vec<QuestionId> = COURSE.question_ids().take(2).collect();
        check(&mut p, ids[0], Outcome::Incorrect, false, 100);
        let queue = PracticeQueue::new(&COURSE, &p, 100);
        assert_eq!(queue.current(&p, Some(ids[0])), Some(ids[0]));
        // Not due and not checked: not shown.
        assert_eq!(queue.current(&p, Some(ids[1])), None);
        assert_eq!(queue.current(&p, None), None);
    }

    /// Practised and answered right, a question is no longer due but stays on the page with its
    /// feedback until the learner goes on.
    #[test]
    fn a_question_just_got_right_stays_until_the_learner_goes_on() {
        use crate::engine::grade::{answer_key, Answer};
        use crate::engine::quiz::Confidence;
        use crate::engine::route::Route;
        use crate::engine::state::{Action, AppState, Storage};
        let (q, key) = COURSE
            .question_ids()
            .find_map(|q| match answer_key(COURSE.question(q)) {
                Answer::Choices(key) => Some((q, key)),
                _ => None,
            })
            .expect("the course has a choice question");
        let mut s = AppState::new(
            &COURSE,
            Route::Practice,
            Progress::new(&COURSE),
            Storage::Saved,
        );
        s.today = 100;
        check(s.progress_mut(), q, Outcome::Incorrect, false, 100);
        s.reduce(&COURSE, Action::PracticeNext);
        assert_eq!(s.practising, Some(q));
        for option in (0..COURSE.question(q).options().len()).filter(|i| key.has(*i)) {
            s.reduce(
                &COURSE,
                Action::Pick {
                    question: q,
                    option,
                },
            );
        }
        s.reduce(
            &COURSE,
            Action::SetConfidence {
                question: q,
                level: Confidence::High,
            },
        );
        s.reduce(&COURSE, Action::Check(q));
        let queue = PracticeQueue::new(&COURSE, &s.progress, s.today);
        assert!(queue.due.is_empty(), "got right: it waits a day");
        assert_eq!(queue.waiting, vec![q]);
        assert_eq!(queue.current(&s.progress, s.practising), Some(q));
        s.reduce(&COURSE, Action::PracticeNext);
        let queue = PracticeQueue::new(&COURSE, &s.progress, s.today);
        assert_eq!(queue.current(&s.progress, s.practising), None);
    }
}
