//! Reducing the quiz actions: answering each kind of question, checking, trying again, showing
//! the answer, submitting a deferred quiz and restarting; and what the views read about quizzes.

use super::{AppState, Attempt, Changed, Missing, RefusedAt};
use crate::engine::grade::{grade, Answer, Grade, Outcome, Selection};
use crate::engine::phase::QuizPhase;
use crate::engine::progress::{clip, TYPED_NUMERIC_MAX, TYPED_TEXT_MAX};
use crate::engine::quiz::{
    answer_words, feedback_text, incomplete_message, mix, permutation, Confidence,
};
use crate::engine::route::Route;
use crate::engine::summary::QuizResult;
use crate::engine::text::plain;
use crate::model::{Body, Course, QuestionId, QuestionKind, QuizId, QuizMode};

impl AppState {
    /// Whether answers are being checked one by one: an immediate quiz, or practice.
    fn checks_now(&self, course: &Course, q: QuestionId) -> bool {
        QuizPhase::of(course, self, course.question(q).quiz).checks_now()
    }

    /// The mode a quiz runs in: the lecturer's link, else the content's.
    pub fn mode(&self, course: &Course, quiz: QuizId) -> QuizMode {
        self.modes
            .get(quiz.index())
            .copied()
            .flatten()
            .unwrap_or(course.quiz(quiz).mode)
    }

    pub fn is_submitted(&self, quiz: QuizId) -> bool {
        self.progress.is_submitted(quiz)
    }

    /// The questions of a quiz in the order this learner sees them.
    pub fn quiz_order(&self, course: &Course, quiz: QuizId) -> Vec<QuestionId> {
        let q = course.quiz(quiz);
        if !q.shuffle {
            return q.questions.to_vec();
        }
        let perm = permutation(q.questions.len(), mix(self.progress.seed, q.id));
        perm.iter()
            .filter_map(|&i| q.questions.get(usize::from(i)).copied())
            .collect()
    }

    /// The options of a choice question in the order this learner sees them (true/false stays put).
    pub fn option_order(&self, course: &Course, id: QuestionId) -> Vec<usize> {
        let q = course.question(id);
        let n = q.options().len();
        if !course.quiz(q.quiz).shuffle || q.kind == QuestionKind::TrueFalse {
            return (0..n).collect();
        }
        permutation(n, mix(self.progress.seed, q.id))
            .into_iter()
            .map(usize::from)
            .collect()
    }

    /// The quiz's pass mark on this page: the one the lecturer set in the address or package,
    /// else the quiz's own.
    pub fn pass_mark(&self, course: &Course, quiz: QuizId) -> u8 {
        self.settings.pass.unwrap_or(course.quiz(quiz).pass)
    }

    /// The quiz as its answers stand, judged against this page's pass mark.
    pub fn quiz_result(&self, course: &Course, quiz: QuizId) -> QuizResult {
        let mut result = QuizResult::new(course, &self.progress, quiz);
        result.pass = self.pass_mark(course, quiz);
        result
    }

    /// The score of the current attempts at a quiz: (credit in percent of the whole quiz, answered count).
    pub fn quiz_score(&self, course: &Course, quiz: QuizId) -> (u32, usize) {
        let result = QuizResult::new(course, &self.progress, quiz);
        (result.score, result.marked)
    }

    /// The attempt as it stands, if it can still be changed (not checked, answer not shown).
    fn editable(&self, q: QuestionId) -> Option<&Attempt> {
        self.progress
            .attempt(q)
            .filter(|a| a.graded.is_none() && !a.revealed)
    }

    /// Gives an editable attempt a new answer, which the learner has now made their own.
    fn answer(&mut self, q: QuestionId, answer: Answer) -> Changed {
        let Some(a) = self.editable(q) else {
            return Changed::No;
        };
        if a.touched && a.answer == answer {
            return Changed::No;
        }
        if let Some(a) = self.progress_mut().attempt_mut(q) {
            a.answer = answer;
            a.touched = true;
        }
        self.clear_refusal(q, Missing::Answer);
        Changed::Yes
    }

    /// The refusal for `q`'s `missing` control is answered: it goes.
    fn clear_refusal(&mut self, q: QuestionId, missing: Missing) {
        if self.refused(RefusedAt::Check(q, missing)).is_some() {
            self.refusal = None;
        }
    }

    pub(super) fn pick(&mut self, course: &Course, question: QuestionId, option: usize) -> Changed {
        let q = course.question(question);
        let Some(Answer::Choices(sel)) = self.editable(question).map(|a| &a.answer) else {
            return Changed::No;
        };
        let sel = if option < q.options().len() {
            match q.kind {
                QuestionKind::Multiple => sel.toggled(option),
                _ => Selection::only(option),
            }
        } else {
            *sel
        };
        self.answer(question, Answer::Choices(sel))
    }

    pub(super) fn move_item(
        &mut self,
        course: &Course,
        question: QuestionId,
        position: usize,
        up: bool,
    ) -> Changed {
        let Some(Answer::Order(order)) = self.editable(question).map(|a| &a.answer) else {
            return Changed::No;
        };
        let other = if up {
            position.checked_sub(1)
        } else {
            Some(position + 1)
        };
        let Some(other) = other.filter(|o| *o < order.len() && position < order.len()) else {
            return Changed::No;
        };
        let mut order = order.clone();
        order.swap(position, other);
        let label = course
            .question(question)
            .items()
            .get(usize::from(order[other]))
            .map(|i| plain(course, i.label))
            .unwrap_or_default();
        let text = format!("{label}: now {} of {}.", other + 1, order.len());
        let _ = self.answer(question, Answer::Order(order));
        self.announce(text)
    }

    pub(super) fn assign(
        &mut self,
        course: &Course,
        question: QuestionId,
        item: usize,
        value: Option<u8>,
    ) -> Changed {
        let limit = match course.question(question).body {
            Body::Matching { targets, .. } => targets.len(),
            Body::Categorise { groups, .. } => groups.len(),
            _ => 0,
        };
        let Some(Answer::Assign(given)) = self.editable(question).map(|a| &a.answer) else {
            return Changed::No;
        };
        if item >= given.len() || value.is_some_and(|v| usize::from(v) >= limit) {
            return Changed::No;
        }
        let mut given = given.clone();
        given[item] = value;
        self.answer(question, Answer::Assign(given))
    }

    pub(super) fn type_text(
        &mut self,
        course: &Course,
        question: QuestionId,
        text: &str,
    ) -> Changed {
        let max = match course.question(question).body {
            Body::Numeric(_) => TYPED_NUMERIC_MAX,
            _ => TYPED_TEXT_MAX,
        };
        let Some(Answer::Typed(_)) = self.editable(question).map(|a| &a.answer) else {
            return Changed::No;
        };
        // Bounded, as the input is: a pasted essay cannot outgrow stored progress.
        self.answer(question, Answer::Typed(clip(text, max)))
    }

    /// The places (from 0, in this learner's order) of a quiz's answers that still want a
    /// sureness before the quiz can be submitted: answered, with none said, where the quiz asks.
    pub fn wanting_sureness(&self, course: &Course, quiz: QuizId) -> Vec<usize> {
        if !course.quiz(quiz).confidence {
            return Vec::new();
        }
        self.quiz_order(course, quiz)
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                let a = self.attempt(**q);
                a.is_answered(course, **q) && a.confidence.is_none()
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// The answer is shown because the learner used every try the quiz allows (not because they
    /// asked for it).
    pub fn out_of_tries(&self, course: &Course, q: QuestionId) -> bool {
        let tries = course.quiz(course.question(q).quiz).tries;
        let a = self.attempt(q);
        a.revealed
            && tries_spent(tries, a.tries)
            && a.graded.is_some_and(|g| g.outcome != Outcome::Correct)
    }

    pub(super) fn check(&mut self, course: &Course, q: QuestionId) -> Changed {
        let question = course.question(q);
        let quiz = course.quiz(question.quiz);
        let practising = self.route == Route::Practice;
        if !self.checks_now(course, q) {
            return self
                .announce("In this quiz, answers are checked together when you submit.".into());
        }
        let Some(a) = self.editable(q) else {
            return Changed::No;
        };
        let Some(g) = grade(question, &a.answer) else {
            return self.refuse(
                RefusedAt::Check(q, Missing::Answer),
                incomplete_message(question).into(),
            );
        };
        if quiz.confidence && a.confidence.is_none() {
            return self.refuse(
                RefusedAt::Check(q, Missing::Sureness),
                "Say how sure you are of this answer before checking it.".into(),
            );
        }
        self.refusal = None;
        let today = self.today;
        let Some(record) = self.progress_mut().question_mut(q) else {
            return Changed::No;
        };
        record.check(g, practising, today);
        let a = record.attempt_mut();
        a.tries += 1;
        let mut text = feedback_text(course, question, &a.answer, g);
        // Out of tries: the answer is shown.
        if g.outcome != Outcome::Correct && tries_spent(quiz.tries, a.tries) {
            a.revealed = true;
            text.push_str(&format!(
                " {} The answer: {}.",
                tries_used(quiz.tries),
                answer_words(course, question)
            ));
        }
        if practising {
            text.push(' ');
            text.push_str(&super::practice_note(&self.progress, q, self.today));
        }
        self.announce(text)
    }

    pub(super) fn set_confidence(&mut self, question: QuestionId, level: Confidence) -> Changed {
        match self.editable(question) {
            Some(a) if a.confidence != Some(level) => {}
            _ => return Changed::No,
        }
        if let Some(a) = self.progress_mut().attempt_mut(question) {
            a.confidence = Some(level);
        }
        self.clear_refusal(question, Missing::Sureness);
        Changed::Yes
    }

    pub(super) fn set_mode(&mut self, quiz: QuizId, mode: QuizMode) -> Changed {
        match self.modes.get_mut(quiz.index()) {
            Some(slot) if *slot != Some(mode) => {
                *slot = Some(mode);
                Changed::Yes
            }
            _ => Changed::No,
        }
    }

    pub(super) fn submit(&mut self, course: &Course, quiz: QuizId) -> Changed {
        if self.mode(course, quiz) != QuizMode::Deferred || self.is_submitted(quiz) {
            return Changed::No;
        }
        let qz = course.quiz(quiz);
        {
            let missing: Vec<String> = self
                .wanting_sureness(course, quiz)
                .iter()
                .map(|i| (i + 1).to_string())
                .collect();
            if !missing.is_empty() {
                let (which, them) = match missing.len() {
                    1 => ("question", "it"),
                    _ => ("questions", "each"),
                };
                return self.refuse(
                    RefusedAt::Submit(quiz),
                    format!(
                        "Nothing was submitted. Say how sure you are of your answer to {which} {}: open {them} with the link in the list, choose how sure you are, then submit.",
                        missing.join(", ")
                    ),
                );
            }
        }
        self.refusal = None;
        let today = self.today;
        let progress = self.progress_mut();
        for &q in qz.questions {
            let question = course.question(q);
            let Some(record) = progress.question_mut(q) else {
                continue;
            };
            let a = record.attempt();
            // An unanswered question counts as not correct.
            let g = if a.touched {
                grade(question, &a.answer)
            } else {
                None
            }
            .unwrap_or(Grade {
                outcome: Outcome::Incorrect,
                credit: 0,
            });
            record.check(g, false, today);
            let a = record.attempt_mut();
            a.tries = 1;
            a.confidence.get_or_insert(Confidence::Low);
        }
        if let Some(s) = progress.submitted.get_mut(quiz.index()) {
            *s = true;
        }
        let (score, _) = self.quiz_score(course, quiz);
        self.focus_request = self.focus_request.wrapping_add(1);
        self.announce(format!("Answers submitted. Your score: {score} per cent."))
    }

    pub(super) fn try_again(&mut self, course: &Course, q: QuestionId) -> Changed {
        let is_choice = matches!(course.question(q).body, Body::Choices(_));
        if let Some(a) = self.progress.attempt(q) {
            if a.revealed {
                return Changed::No;
            }
            let cleared = Answer::Choices(Selection::default());
            if a.graded.is_some() || (is_choice && a.answer != cleared) {
                if let Some(a) = self.progress_mut().attempt_mut(q) {
                    a.graded = None;
                    // Choices start again from nothing; other kinds keep the learner's work to mend.
                    if is_choice {
                        a.answer = cleared;
                    }
                }
            }
        }
        self.announce(
            if is_choice {
                "Answer cleared. Choose again."
            } else {
                "Change your answer, then check it again."
            }
            .into(),
        )
    }

    pub(super) fn show_answer(&mut self, course: &Course, q: QuestionId) -> Changed {
        if self
            .progress
            .attempt(q)
            .is_some_and(|a| a.tries == 0 || a.revealed)
        {
            return Changed::No;
        }
        if let Some(a) = self.progress_mut().attempt_mut(q) {
            // The learner keeps the grade they earned; giving up after "try again" earns nothing.
            a.revealed = true;
            a.graded.get_or_insert(Grade {
                outcome: Outcome::Incorrect,
                credit: 0,
            });
        }
        self.announce(format!(
            "The answer: {}.",
            answer_words(course, course.question(q))
        ))
    }

    pub(super) fn restart_quiz(&mut self, course: &Course, quiz: QuizId) -> Changed {
        let progress = self.progress_mut();
        for &q in course.quiz(quiz).questions {
            if let Some(a) = progress.attempt_mut(q) {
                *a = Attempt::fresh(course, q);
            }
        }
        if let Some(s) = progress.submitted.get_mut(quiz.index()) {
            *s = false;
        }
        self.announce("Quiz restarted: your answers are cleared.".into())
    }
}

#[cfg(test)]
mod tests;

/// Whether `used` checks spend a quiz's `allowed` tries (0: no limit).
fn tries_spent(allowed: u8, used: u16) -> bool {
    allowed > 0 && used >= u16::from(allowed)
}

/// Said and shown when a question's tries are used up.
pub fn tries_used(tries: u8) -> String {
    match tries {
        1 => "No tries left: this quiz allows one try per question, so the answer is shown.".into(),
        n => format!(
            "No tries left: you have used all {n} tries this quiz allows, so the answer is shown."
        ),
    }
}
