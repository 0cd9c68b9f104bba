//! The app's state and the pure reducer that every user action goes through.
//!
//! [`AppState::reduce`] dispatches each [`Action`] to its group, reduced in its own file:
//! `quiz.rs` (answering, checking, submitting), `scenario.rs` (stepping through a scenario),
//! `learner.rs` (the learner's own pages: lessons read, reflections, progress codes, reset and
//! undo, practice) and `storage.rs` (storage, other tabs, the date, announcements). It reports
//! whether anything changed, so that a no-op leaves the app as it is: the progress is shared
//! between a state and the next one ([`Rc`]) and copied only when an action changes it.

mod learner;
mod quiz;
mod scenario;
mod storage;

use std::rc::Rc;

use super::day::Day;
use super::display::Display;
use super::grade::{Answer, Selection};
use super::package::Package;
pub use super::progress::Attempt;
use super::progress::Progress;
use super::quiz::Confidence;
use super::route::Route;
use super::settings::Settings;
use crate::model::{Course, LessonId, QuestionId, QuizId, QuizMode, ReflectionId, ScenarioId};
pub use learner::practice_note;
pub use quiz::tries_used;

/// Where progress is kept, as far as the app can tell.
/// The learning platform (LMS) the module reports to, when it runs inside a SCORM package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Lms {
    /// No LMS: a plain web page (or a package opened outside an LMS).
    Standalone,
    /// Reporting to an LMS; `trouble` holds what went wrong with the last call that failed.
    Connected { trouble: Option<String> },
}

/// What is known of a page that embeds the module in a frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Host {
    /// Not in a frame, or no answer yet.
    #[default]
    Unknown,
    /// It answered a resizing protocol: it sizes the frame to the module.
    Listening,
    /// No answer: the frame keeps the height the page gave it, so the learner is offered a new tab.
    Silent,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Storage {
    /// Saved in this browser.
    Saved,
    /// This browser will not let the module keep progress (blocked or failing storage).
    Unavailable,
}

/// An action refused, with its reason: shown next to the control that refused it until the
/// learner changes that control, tries again or leaves, and said in the live region as well
/// (WCAG 3.3.1 and 3.3.3: the error is shown, not only spoken).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    pub at: RefusedAt,
    pub text: String,
}

/// The control a refusal is shown beside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RefusedAt {
    /// A question's "Check answer", for want of its answer or of how sure the learner is.
    Check(QuestionId, Missing),
    /// A deferred quiz's "Submit all answers", for want of how sure the learner is of some answers.
    Submit(QuizId),
    /// Loading progress from a pasted code or a chosen file that could not be read.
    Load(CodeFrom),
}

/// What a refused check was missing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    /// The answer itself (no option chosen, an item unmatched, nothing typed).
    Answer,
    /// How sure the learner is.
    Sureness,
}

/// Where a progress code being loaded came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeFrom {
    Pasted,
    File,
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
    /// Everything kept between visits (answers, runs, reflections, practice boxes). Shared with
    /// the state before an action until the action changes it: change it through
    /// [`AppState::progress_mut`].
    pub progress: Rc<Progress>,
    pub announcement: Announcement,
    /// The last action refused (a check, a submission, a code to load), while it stands.
    pub refusal: Option<Refusal>,
    pub storage: Storage,
    /// Progress found in storage could not be read: it was set aside under a backup key.
    pub recovered: bool,
    /// Today, in the learner's calendar (for dates in the record and the practice schedule).
    pub today: Day,
    /// The question being practised ("practise what I missed").
    pub practising: Option<QuestionId>,
    /// The progress held before the last import or reset, so it can be undone (until the page
    /// is left: it is not stored).
    pub replaced: Option<Rc<Progress>>,
    /// Per quiz, a mode the lecturer's link asked for (`?mode=deferred`).
    pub modes: Vec<Option<QuizMode>>,
    /// Bumped when a view changes in place (a quiz submitted) so focus goes to its new heading.
    pub focus_request: u32,
    /// The SCORM package's settings while reporting to an LMS; `None` otherwise.
    pub package: Option<Package>,
    /// How the page shows the course (embedded, which units, one pass mark), from its address
    /// or its package.
    pub settings: Settings,
    pub host: Host,
    pub lms: Lms,
}

/// Everything a learner (or the browser) can do. The groups are reduced in their own files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Navigate(Route),

    // Quiz (`quiz.rs`).
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

    // Scenario (`scenario.rs`).
    StartScenario(ScenarioId),
    Choose {
        scenario: ScenarioId,
        choice: usize,
    },
    RestartScenario(ScenarioId),
    /// Undo the last decision of a scenario run: node, variables and visited nodes go back.
    BackScenario(ScenarioId),

    // The learner's own pages (`learner.rs`).
    MarkRead(LessonId, bool),
    /// The learner's words for a reflection prompt (empty clears it).
    Reflect(ReflectionId, String),
    /// Load a progress code (pasted or from a file), replacing the progress held now.
    Import(String, CodeFrom),
    /// The progress file chosen could not be read at all.
    UnreadableFile,
    /// Delete all progress (after the learner has confirmed).
    Reset,
    /// Put back the progress held before the last import or reset.
    UndoReplace,
    /// "Practise what I missed": go on to the next question that is due.
    PracticeNext,
    /// Text size, spacing, font or theme changed on the display settings page.
    SetDisplay(Display),

    // Storage, other tabs and the page (`storage.rs`).
    /// Another tab of the module saved progress: take it, so the tabs never overwrite each other's
    /// work. Ignored if it cannot be read.
    Adopt(String),
    /// The date has changed (the page was open past midnight).
    SetToday(Day),
    /// Say something in the live region (the result of an effect, such as copying).
    Announce(String),
    StorageFailed,
    /// A call to the LMS failed: what the LMS said, for the notice.
    LmsTrouble(String),
    /// What the embedding page turned out to be.
    Host(Host),
}

/// Whether an action changed the state. When it did not, the app keeps the state it has and
/// renders nothing again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Changed {
    No,
    Yes,
}

impl From<bool> for Changed {
    fn from(changed: bool) -> Changed {
        if changed {
            Changed::Yes
        } else {
            Changed::No
        }
    }
}

impl AppState {
    pub fn new(course: &Course, route: Route, progress: Progress, storage: Storage) -> AppState {
        AppState {
            route,
            progress: Rc::new(progress),
            announcement: Announcement::default(),
            refusal: None,
            storage,
            recovered: false,
            today: 0,
            practising: None,
            replaced: None,
            modes: vec![None; course.quizzes.len()],
            focus_request: 0,
            package: None,
            settings: Settings::default(),
            host: Host::Unknown,
            lms: Lms::Standalone,
        }
    }

    /// The progress, to change it: copied first if the state before this one still shares it,
    /// so call it only once it is sure that something changes.
    pub fn progress_mut(&mut self) -> &mut Progress {
        Rc::make_mut(&mut self.progress)
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

    /// The reason shown beside `at`, while a refusal there stands.
    pub fn refused(&self, at: RefusedAt) -> Option<&str> {
        self.refusal
            .as_ref()
            .filter(|r| r.at == at)
            .map(|r| r.text.as_str())
    }

    /// Refuses an action: the reason is shown by its control and said in the live region.
    fn refuse(&mut self, at: RefusedAt, text: String) -> Changed {
        self.refusal = Some(Refusal {
            at,
            text: text.clone(),
        });
        self.announce(text)
    }

    fn announce(&mut self, text: String) -> Changed {
        self.announcement = Announcement {
            text,
            serial: self.announcement.serial.wrapping_add(1),
        };
        Changed::Yes
    }

    /// Applies one action, and says whether it changed anything. Pure: the same state and action
    /// always give the same result.
    pub fn reduce(&mut self, course: &Course, action: Action) -> Changed {
        match action {
            Action::Navigate(route) => {
                let changed = self.route != route;
                if changed {
                    self.refusal = None;
                }
                self.route = route;
                changed.into()
            }
            Action::Pick { question, option } => self.pick(course, question, option),
            Action::Move {
                question,
                position,
                up,
            } => self.move_item(course, question, position, up),
            Action::Assign {
                question,
                item,
                value,
            } => self.assign(course, question, item, value),
            Action::Type { question, text } => self.type_text(course, question, &text),
            Action::Check(q) => self.check(course, q),
            Action::TryAgain(q) => self.try_again(course, q),
            Action::SetConfidence { question, level } => self.set_confidence(question, level),
            Action::Submit(quiz) => self.submit(course, quiz),
            Action::SetMode(quiz, mode) => self.set_mode(quiz, mode),
            Action::ShowAnswer(q) => self.show_answer(course, q),
            Action::RestartQuiz(quiz) => self.restart_quiz(course, quiz),
            Action::StartScenario(s) | Action::RestartScenario(s) => self.start_scenario(course, s),
            Action::Choose { scenario, choice } => self.choose(course, scenario, choice),
            Action::BackScenario(s) => self.back_scenario(course, s),
            Action::MarkRead(l, read) => self.mark_read(l, read),
            Action::Reflect(r, text) => self.reflect(r, &text),
            Action::Import(code, from) => self.import(course, &code, from),
            Action::UnreadableFile => self.refuse(
                RefusedAt::Load(CodeFrom::File),
                "That file could not be read. Choose the progress file again.".into(),
            ),
            Action::Reset => self.reset(course),
            Action::UndoReplace => self.undo_replace(),
            Action::PracticeNext => self.practice_next(course),
            Action::SetDisplay(d) => self.set_display(d),
            Action::Adopt(code) => self.adopt(course, &code),
            Action::SetToday(d) => self.set_today(d),
            Action::Announce(text) => self.announce(text),
            Action::StorageFailed => self.storage_failed(),
            Action::LmsTrouble(text) => self.lms_trouble(text),
            Action::Host(host) => {
                let changed = self.host != host;
                self.host = host;
                changed.into()
            }
        }
    }
}

#[cfg(test)]
mod tests;
