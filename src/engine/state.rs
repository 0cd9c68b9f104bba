//! The app's state and the pure reducer that every user action goes through.

use super::grade::{grade, Grade, Outcome, Selection};
use super::progress::Progress;
use super::route::Route;
use super::scenario::Run;
use super::text::plain;
use crate::model::{Course, LessonId, QuestionId, QuestionKind, QuizId, ScenarioId};

/// Where progress is kept, as far as the app can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Saved in this browser.
    Saved,
    /// This browser will not let the module keep progress (blocked or failing storage).
    Unavailable,
}

/// The current attempt at one question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Attempt {
    pub selected: Selection,
    /// Set once the learner checks the answer; cleared by "try again".
    pub graded: Option<Grade>,
    pub tries: u16,
    /// The correct answer is shown; `graded` stays the learner's own grade.
    pub revealed: bool,
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
    pub progress: Progress,
    pub attempts: Vec<Attempt>,
    pub runs: Vec<Option<Run>>,
    pub announcement: Announcement,
    pub storage: Storage,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Navigate(Route),
    /// Choose an option: replaces the choice for single/true-false, toggles it for multiple.
    Pick {
        question: QuestionId,
        option: usize,
    },
    Check(QuestionId),
    TryAgain(QuestionId),
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
    StorageFailed,
}

impl AppState {
    pub fn new(course: &Course, route: Route, progress: Progress, storage: Storage) -> AppState {
        AppState {
            route,
            progress,
            attempts: vec![Attempt::default(); course.questions.len()],
            runs: vec![None; course.scenarios.len()],
            announcement: Announcement::default(),
            storage,
        }
    }

    pub fn attempt(&self, q: QuestionId) -> Attempt {
        self.attempts.get(q.index()).copied().unwrap_or_default()
    }

    pub fn run(&self, s: ScenarioId) -> Option<&Run> {
        self.runs.get(s.index()).and_then(Option::as_ref)
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
                let kind = course.question(question).kind;
                let n = course.question(question).options.len();
                if let Some(a) = self.attempts.get_mut(question.index()) {
                    if a.graded.is_some() || a.revealed || option >= n {
                        return;
                    }
                    a.selected = match kind {
                        QuestionKind::Multiple => a.selected.toggled(option),
                        QuestionKind::Single | QuestionKind::TrueFalse => Selection::only(option),
                    };
                }
            }
            Action::Check(q) => {
                let question = course.question(q);
                let Some(a) = self.attempts.get_mut(q.index()) else {
                    return;
                };
                if a.graded.is_some() || a.revealed {
                    return;
                }
                let Some(g) = grade(question, a.selected) else {
                    self.announce("Choose an answer before checking it.".into());
                    return;
                };
                a.graded = Some(g);
                a.tries += 1;
                let selected = a.selected;
                self.progress.record(q, g.outcome);
                let verdict = match g.outcome {
                    Outcome::Correct => "Correct.".to_string(),
                    Outcome::Partial => format!("Partly correct: {} per cent.", g.credit),
                    Outcome::Incorrect => "Not correct.".to_string(),
                };
                let mut text = verdict;
                for (i, o) in question.options.iter().enumerate() {
                    if selected.has(i) {
                        text.push(' ');
                        text.push_str(&plain(course, o.feedback));
                    }
                }
                self.announce(text);
            }
            Action::TryAgain(q) => {
                if let Some(a) = self.attempts.get_mut(q.index()) {
                    if a.revealed {
                        return;
                    }
                    a.graded = None;
                    a.selected = Selection::default();
                }
                self.announce("Answer cleared. Choose again.".into());
            }
            Action::ShowAnswer(q) => {
                let question = course.question(q);
                if let Some(a) = self.attempts.get_mut(q.index()) {
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
                let right: Vec<String> = question
                    .options
                    .iter()
                    .filter(|o| o.correct)
                    .map(|o| plain(course, o.label))
                    .collect();
                self.announce(format!("The answer: {}.", right.join("; ")));
            }
            Action::RestartQuiz(quiz) => {
                for q in course.quiz(quiz).questions {
                    if let Some(a) = self.attempts.get_mut(q.index()) {
                        *a = Attempt::default();
                    }
                }
                self.announce("Quiz restarted: your answers are cleared.".into());
            }
            Action::StartScenario(s) | Action::RestartScenario(s) => {
                let sc = course.scenario(s);
                if let Some(slot) = self.runs.get_mut(s.index()) {
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
                if let Some(slot) = self.runs.get_mut(scenario.index()) {
                    *slot = Some(next);
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
                if let Some(slot) = self.runs.get_mut(scenario.index()) {
                    *slot = Some(prev);
                }
                self.announce(format!(
                    "Went back one step. Your last choice is undone. Decision {step}."
                ));
            }
            Action::MarkRead(l, read) => {
                self.progress.set_read(l, read);
                self.announce(
                    if read {
                        "Lesson marked as read."
                    } else {
                        "Lesson marked as not read."
                    }
                    .into(),
                );
            }
            Action::StorageFailed => self.storage = Storage::Unavailable,
        }
    }
}
