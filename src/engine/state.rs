//! The app's state and the pure reducer that every user action goes through.

use super::day::Day;
use super::grade::{grade, Answer, Grade, Outcome, Selection};
pub use super::progress::Attempt;
use super::progress::{clip, Progress, Written, REFLECTION_MAX, TYPED_NUMERIC_MAX, TYPED_TEXT_MAX};
use super::quiz::{answer_words, feedback_text, incomplete_message, mix, permutation, Confidence};
use super::route::Route;
use super::scenario::Run;
use super::text::plain;
use crate::model::{
    Body, Course, LessonId, QuestionId, QuestionKind, QuizId, QuizMode, ReflectionId, ScenarioId,
};

/// Where progress is kept, as far as the app can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Saved in this browser.
    Saved,
    /// This browser will not let the module keep progress (blocked or failing storage).
    Unavailable,
}

/// A message for the persistent live region. `serial` changes with every announcement so that
/// the same words said twice are still read out.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Announcement {
    pub text: String,
    pub serial: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppState {
    pub route: Route,
    /// Everything kept between visits (answers, runs, reflections, practice boxes).
    pub progress: Progress,
    pub announcement: Announcement,
    pub storage: Storage,
    /// Progress found in storage could not be read: it was set aside under a backup key.
    pub recovered: bool,
    /// Today, in the learner's calendar (for dates in the record and the practice schedule).
    pub today: Day,
    /// The question being practised ("practise what I missed").
    pub practising: Option<QuestionId>,
    /// The progress held before the last import or reset, so it can be undone (until the page
    /// is left: it is not stored).
    pub replaced: Option<Progress>,
    /// Per quiz, a mode the lecturer's link asked for (`?mode=deferred`).
    pub modes: Vec<Option<QuizMode>>,
    /// Bumped when a view changes in place (a quiz submitted) so focus goes to its new heading.
    pub focus_request: u32,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Navigate(Route),
    /// Choose an option: replaces the choice for single/true-false, toggles it for multiple.
    Pick {
        question: QuestionId,
        option: usize,
    },
    /// Ordering: move the item at `position` one place up (towards the start) or down.
    Move {
        question: QuestionId,
        position: usize,
        up: bool,
    },
    /// Matching or categorising: give item `item` a target or group (or none).
    Assign {
        question: QuestionId,
        item: usize,
        value: Option<u8>,
    },
    /// Numeric or short text: what is typed so far.
    Type {
        question: QuestionId,
        text: String,
    },
    Check(QuestionId),
    TryAgain(QuestionId),
    /// How sure the learner is of an answer.
    SetConfidence {
        question: QuestionId,
        level: Confidence,
    },
    /// A deferred quiz: grade every answer at once.
    Submit(QuizId),
    /// Follow a lecturer's link that sets the quiz mode.
    SetMode(QuizId, QuizMode),
    ShowAnswer(QuestionId),
    RestartQuiz(QuizId),
    StartScenario(ScenarioId),
    Choose {
        scenario: ScenarioId,
        choice: usize,
    },
    RestartScenario(ScenarioId),
    /// Undo the last decision of a scenario run: node, variables and visited nodes go back.
    BackScenario(ScenarioId),
    MarkRead(LessonId, bool),
    /// The learner's words for a reflection prompt (empty clears it).
    Reflect(ReflectionId, String),
    /// Load a progress code (pasted or from a file), replacing the progress held now.
    Import(String),
    /// Another tab of the module saved progress: take it, so the tabs never overwrite each other's
    /// work. Ignored if it cannot be read.
    Adopt(String),
    /// Delete all progress (after the learner has confirmed).
    Reset,
    /// Put back the progress held before the last import or reset.
    UndoReplace,
    /// "Practise what I missed": go on to the next question that is due.
    PracticeNext,
    /// The date has changed (the page was open past midnight).
    SetToday(Day),
    /// Say something in the live region (the result of an effect, such as copying).
    Announce(String),
    StorageFailed,
}

impl AppState {
    pub fn new(course: &Course, route: Route, progress: Progress, storage: Storage) -> AppState {
        AppState {
            route,
            progress,
            announcement: Announcement::default(),
            storage,
            recovered: false,
            today: 0,
            practising: None,
            replaced: None,
            modes: vec![None; course.quizzes.len()],
            focus_request: 0,
        }
    }

    pub fn attempt(&self, q: QuestionId) -> Attempt {
        self.progress.attempt(q).cloned().unwrap_or(Attempt {
            answer: Answer::Choices(Selection::default()),
            graded: None,
            tries: 0,
            revealed: false,
            confidence: None,
            touched: false,
        })
    }

    /// Questions due for practice today, in course order.
    pub fn due(&self, course: &Course) -> Vec<QuestionId> {
        course
            .question_ids()
            .filter(|q| self.progress.is_due(*q, self.today))
            .collect()
    }

    /// Whether answers are being checked one by one: an immediate quiz, or practice.
    fn checks_now(&self, course: &Course, q: QuestionId) -> bool {
        self.route == Route::Practice
            || self.mode(course, course.question(q).quiz) == QuizMode::Immediate
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

    /// The attempt to change, if it can still be changed (not checked, answer not shown).
    fn editable(&mut self, q: QuestionId) -> Option<&mut Attempt> {
        self.progress
            .attempts
            .get_mut(q.index())
            .filter(|a| a.graded.is_none() && !a.revealed)
    }

    pub fn run(&self, s: ScenarioId) -> Option<&Run> {
        self.progress.run(s)
    }

    fn announce(&mut self, text: String) {
        self.announcement = Announcement {
            text,
            serial: self.announcement.serial.wrapping_add(1),
        };
    }

    /// The score of the current attempts at a quiz: (credit in percent of the whole quiz, answered count).
    pub fn quiz_score(&self, course: &Course, quiz: QuizId) -> (u32, usize) {
        let qs = course.quiz(quiz).questions;
        let total: u32 = qs
            .iter()
            .filter_map(|q| self.attempt(*q).graded)
            .map(|g| u32::from(g.credit))
            .sum();
        let answered = qs
            .iter()
            .filter(|q| self.attempt(**q).graded.is_some())
            .count();
        (total / (qs.len().max(1) as u32), answered)
    }

    /// Applies one action. Pure: the same state and action always give the same result.
    pub fn reduce(&mut self, course: &Course, action: Action) {
        match action {
            Action::Navigate(route) => self.route = route,
            Action::Pick { question, option } => {
                let q = course.question(question);
                let n = q.options().len();
                if let Some(a) = self.editable(question) {
                    if let Answer::Choices(sel) = &mut a.answer {
                        a.touched = true;
                        if option < n {
                            *sel = match q.kind {
                                QuestionKind::Multiple => sel.toggled(option),
                                _ => Selection::only(option),
                            };
                        }
                    }
                }
            }
            Action::Move {
                question,
                position,
                up,
            } => {
                let q = course.question(question);
                let Some(a) = self.editable(question) else {
                    return;
                };
                let Answer::Order(order) = &mut a.answer else {
                    return;
                };
                let other = if up {
                    position.checked_sub(1)
                } else {
                    Some(position + 1)
                };
                let Some(other) = other.filter(|o| *o < order.len() && position < order.len())
                else {
                    return;
                };
                order.swap(position, other);
                a.touched = true;
                let item = order[other];
                let label = q
                    .items()
                    .get(usize::from(item))
                    .map(|i| plain(course, i.label))
                    .unwrap_or_default();
                let text = format!("{label}: now {} of {}.", other + 1, order.len());
                self.announce(text);
            }
            Action::Assign {
                question,
                item,
                value,
            } => {
                let q = course.question(question);
                let limit = match q.body {
                    Body::Matching { targets, .. } => targets.len(),
                    Body::Categorise { groups, .. } => groups.len(),
                    _ => 0,
                };
                let Some(a) = self.editable(question) else {
                    return;
                };
                if let Answer::Assign(given) = &mut a.answer {
                    if let Some(slot) = given.get_mut(item) {
                        if value.is_none_or(|v| usize::from(v) < limit) {
                            *slot = value;
                            a.touched = true;
                        }
                    }
                }
            }
            Action::Type { question, text } => {
                let max = match course.question(question).body {
                    Body::Numeric(_) => TYPED_NUMERIC_MAX,
                    _ => TYPED_TEXT_MAX,
                };
                if let Some(a) = self.editable(question) {
                    if let Answer::Typed(t) = &mut a.answer {
                        // Bounded, as the input is: a pasted essay cannot outgrow stored progress.
                        *t = clip(&text, max);
                        a.touched = true;
                    }
                }
            }
            Action::Check(q) => {
                let question = course.question(q);
                let quiz = course.quiz(question.quiz);
                let practising = self.route == Route::Practice;
                if !self.checks_now(course, q) {
                    self.announce(
                        "In this quiz, answers are checked together when you submit.".into(),
                    );
                    return;
                }
                let Some(a) = self.editable(q) else { return };
                let Some(g) = grade(question, &a.answer) else {
                    let msg = incomplete_message(question);
                    self.announce(msg.into());
                    return;
                };
                if quiz.confidence && a.confidence.is_none() {
                    self.announce("Say how sure you are of this answer before checking it.".into());
                    return;
                }
                a.graded = Some(g);
                a.tries += 1;
                let mut text = feedback_text(course, question, &a.answer, g);
                // Out of tries: the answer is shown.
                if g.outcome != Outcome::Correct
                    && quiz.tries > 0
                    && a.tries >= u16::from(quiz.tries)
                {
                    a.revealed = true;
                    text.push_str(&format!(
                        " No tries left. The answer: {}.",
                        answer_words(course, question)
                    ));
                }
                self.progress.record(q, g.outcome);
                self.progress.schedule(q, g.outcome, practising, self.today);
                if practising {
                    text.push(' ');
                    text.push_str(&practice_note(&self.progress, q, self.today));
                }
                self.announce(text);
            }
            Action::SetConfidence { question, level } => {
                if let Some(a) = self.editable(question) {
                    a.confidence = Some(level);
                }
            }
            Action::SetMode(quiz, mode) => {
                if let Some(slot) = self.modes.get_mut(quiz.index()) {
                    *slot = Some(mode);
                }
            }
            Action::Submit(quiz) => {
                if self.mode(course, quiz) != QuizMode::Deferred || self.is_submitted(quiz) {
                    return;
                }
                let qz = course.quiz(quiz);
                let order = self.quiz_order(course, quiz);
                if qz.confidence {
                    let missing: Vec<String> = order
                        .iter()
                        .enumerate()
                        .filter(|(_, q)| {
                            let a = self.attempt(**q);
                            a.is_answered(course, **q) && a.confidence.is_none()
                        })
                        .map(|(i, _)| (i + 1).to_string())
                        .collect();
                    if !missing.is_empty() {
                        self.announce(format!(
                            "Say how sure you are for question {} before submitting.",
                            missing.join(", ")
                        ));
                        return;
                    }
                }
                for &q in qz.questions {
                    let question = course.question(q);
                    let Some(a) = self.progress.attempts.get_mut(q.index()) else {
                        continue;
                    };
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
                    a.graded = Some(g);
                    a.tries = 1;
                    a.confidence.get_or_insert(Confidence::Low);
                    self.progress.record(q, g.outcome);
                    self.progress.schedule(q, g.outcome, false, self.today);
                }
                if let Some(s) = self.progress.submitted.get_mut(quiz.index()) {
                    *s = true;
                }
                let (score, _) = self.quiz_score(course, quiz);
                self.focus_request = self.focus_request.wrapping_add(1);
                self.announce(format!("Answers submitted. Your score: {score} per cent."));
            }
            Action::TryAgain(q) => {
                let is_choice = matches!(course.question(q).body, Body::Choices(_));
                if let Some(a) = self.progress.attempts.get_mut(q.index()) {
                    if a.revealed {
                        return;
                    }
                    a.graded = None;
                    // Choices start again from nothing; other kinds keep the learner's work to mend.
                    if is_choice {
                        a.answer = Answer::Choices(Selection::default());
                    }
                }
                self.announce(
                    if is_choice {
                        "Answer cleared. Choose again."
                    } else {
                        "Change your answer, then check it again."
                    }
                    .into(),
                );
            }
            Action::ShowAnswer(q) => {
                let question = course.question(q);
                if let Some(a) = self.progress.attempts.get_mut(q.index()) {
                    if a.tries == 0 || a.revealed {
                        return;
                    }
                    // The learner keeps the grade they earned; giving up after "try again" earns nothing.
                    a.revealed = true;
                    a.graded.get_or_insert(Grade {
                        outcome: Outcome::Incorrect,
                        credit: 0,
                    });
                }
                self.announce(format!("The answer: {}.", answer_words(course, question)));
            }
            Action::RestartQuiz(quiz) => {
                for &q in course.quiz(quiz).questions {
                    if let Some(a) = self.progress.attempts.get_mut(q.index()) {
                        *a = Attempt::fresh(course, q);
                    }
                }
                if let Some(s) = self.progress.submitted.get_mut(quiz.index()) {
                    *s = false;
                }
                self.announce("Quiz restarted: your answers are cleared.".into());
            }
            Action::StartScenario(s) | Action::RestartScenario(s) => {
                let sc = course.scenario(s);
                if let Some(slot) = self.progress.runs.get_mut(s.index()) {
                    *slot = Some(Run::start(s, sc));
                }
                self.announce(format!("Scenario started: {}.", sc.title));
            }
            Action::Choose { scenario, choice } => {
                let sc = course.scenario(scenario);
                let Some(next) = self.run(scenario).and_then(|r| r.choose(sc, choice)) else {
                    return;
                };
                let consequence = next
                    .last_choice(sc)
                    .map(|c| plain(course, c.consequence))
                    .unwrap_or_default();
                let node = next.node;
                if let Some(slot) = self.progress.runs.get_mut(scenario.index()) {
                    *slot = Some(next);
                }
                if let Some(d) = self.progress.played_on.get_mut(scenario.index()) {
                    *d = self.today;
                }
                let text = match sc.node(node).ending() {
                    Some(e) => {
                        self.progress.reach(scenario, node);
                        format!("{consequence} Ending reached: {}.", e.title)
                    }
                    None => consequence,
                };
                self.announce(text);
            }
            Action::BackScenario(scenario) => {
                let sc = course.scenario(scenario);
                let Some(prev) = self.run(scenario).and_then(|r| r.back(sc)) else {
                    return;
                };
                let step = prev.path.len() + 1;
                if let Some(slot) = self.progress.runs.get_mut(scenario.index()) {
                    *slot = Some(prev);
                }
                self.announce(format!(
                    "Went back one step. Your last choice is undone. Decision {step}."
                ));
            }
            Action::MarkRead(l, read) => {
                self.progress.set_read(l, read, self.today);
                self.announce(
                    if read {
                        "Lesson marked as read."
                    } else {
                        "Lesson marked as not read."
                    }
                    .into(),
                );
            }
            Action::Reflect(r, text) => {
                let text = clip(&text.replace("\r\n", "\n"), REFLECTION_MAX);
                if let Some(slot) = self.progress.reflections.get_mut(r.index()) {
                    // Kept as typed (spaces too, so the box does not fight the typing); an empty
                    // box is no reflection.
                    *slot = (!text.is_empty()).then_some(Written {
                        text,
                        day: self.today,
                    });
                }
            }
            Action::Import(code) => match Progress::decode(course, &code) {
                Ok(mut p) => {
                    if p.seed == 0 {
                        p.seed = self.progress.seed;
                    }
                    self.replaced = Some(std::mem::replace(&mut self.progress, p));
                    self.practising = None;
                    self.announce(
                        "Progress loaded from the code. Everything in it is back. To go back to what you had, use Undo on this page.".into(),
                    );
                }
                Err(e) => self.announce(format!("Nothing was changed. {}", e.words())),
            },
            Action::Adopt(code) => {
                // Not while this tab cannot save: its work lives only in memory, and must not be
                // replaced by what another tab managed to store.
                if self.storage == Storage::Unavailable {
                    return;
                }
                if let Ok(p) = Progress::decode(course, &code) {
                    if p != self.progress {
                        self.progress = p;
                        if self
                            .practising
                            .is_some_and(|q| !self.progress.is_due(q, self.today))
                        {
                            self.practising = None;
                        }
                    }
                }
            }
            Action::Reset => {
                let seed = self.progress.seed;
                let mut fresh = Progress::new(course);
                fresh.seed = seed;
                self.replaced = Some(std::mem::replace(&mut self.progress, fresh));
                self.practising = None;
                self.announce(
                    "Your progress has been deleted. You are starting afresh. Until you leave this page, Undo puts it back.".into(),
                );
            }
            Action::UndoReplace => {
                if let Some(p) = self.replaced.take() {
                    self.progress = p;
                    self.practising = None;
                    self.announce("Undone: your progress is as it was before.".into());
                }
            }
            Action::PracticeNext => {
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
                    if let Some(a) = self.progress.attempts.get_mut(q.index()) {
                        *a = Attempt::fresh(course, q);
                    }
                }
                self.focus_request = self.focus_request.wrapping_add(1);
            }
            Action::SetToday(d) => self.today = d,
            Action::Announce(text) => self.announce(text),
            Action::StorageFailed => self.storage = Storage::Unavailable,
        }
    }
}

/// What practice does next with a question, said after its feedback (and shown with it).
pub fn practice_note(p: &Progress, q: QuestionId, today: Day) -> String {
    match p.due_on(q) {
        None => "Learned: it leaves your practice list.".into(),
        Some(d) if d <= today => "It stays in your practice list for another go.".into(),
        Some(d) if d == today + 1 => "It comes back for practice tomorrow.".into(),
        Some(d) => format!("It comes back for practice in {} days.", d - today),
    }
}

#[cfg(test)]
mod tests;
