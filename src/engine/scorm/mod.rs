//! What a SCORM package tells the LMS, worked out purely from the course, the package and the
//! learner's progress. The browser adapter (`ui::lms`) only carries these calls to the LMS's API.
//!
//! Definitions (the README's "The score a VLE receives" says them for lecturers):
//! - the package's **score** is the credit of every question in the package's quizzes, each
//!   question counting the same, as the answers stand now (checked, shown or submitted), in per
//!   cent with two decimals (rounded down); within one LMS attempt the LMS is never sent a lower
//!   score than it already holds, so restarting a quiz to practise cannot lower a grade;
//! - the package is **complete** when every step of each of its units is done (its lesson read,
//!   every question answered, every scenario played to an ending, as in [`super::summary`]);
//! - it is **passed** once the score reaches the pass mark, and **failed** when every question is
//!   marked and the score is below it; with no pass mark it is neither.
//! - SCORM 2004's `score.scaled` is sent once success is settled (or when there is no pass mark),
//!   because an LMS judges success from it against the pass mark, whatever the content says;
//! - SCORM 1.2's `lesson_status` is `incomplete` until the package is complete, then `passed` or
//!   `failed` (or `completed` with no pass mark, or while a restarted quiz leaves it open).

pub mod format;
pub mod interaction;

use super::package::{Package, ScormVersion};
use super::progress::Progress;
use super::summary::UnitSummary;
use crate::model::{Course, QuestionId};
pub use format::Stamp;

/// What the LMS holds when the module starts, read once at initialisation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Start {
    /// `cmi.interactions._count`: interactions are appended after these.
    pub interactions: u32,
    /// A score already reported in this attempt, in hundredths of a per cent.
    pub score: Option<u32>,
    /// The LMS already records the attempt as completed.
    pub complete: bool,
}

/// Pass or fail, once it is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Success {
    Unknown,
    Passed,
    Failed,
}

/// Where the learner stands in the package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Standing {
    /// Hundredths of a per cent, 0 to 10,000; `None` while no question is marked.
    pub score: Option<u32>,
    pub complete: bool,
    pub success: Success,
    /// Steps done and steps in all.
    pub steps: (usize, usize),
    /// The package has a pass mark.
    pub has_pass: bool,
}

impl Standing {
    pub fn new(course: &Course, package: &Package, p: &Progress, start: &Start) -> Standing {
        let questions: Vec<QuestionId> = package
            .quizzes(course)
            .flat_map(|quiz| course.quiz(quiz).questions.iter().copied())
            .collect();
        let grades = questions
            .iter()
            .filter_map(|&q| p.attempt(q).and_then(|a| a.graded));
        let (marked, credit) =
            grades.fold((0usize, 0u64), |(n, c), g| (n + 1, c + u64::from(g.credit)));
        // credit is in per cent per question; hundredths of a per cent of the whole package.
        let now = (credit * 100)
            .checked_div(questions.len() as u64)
            .map_or(0, |s| s as u32);
        let score = match (marked > 0, start.score) {
            (true, Some(kept)) => Some(now.max(kept)),
            (true, None) => Some(now),
            (false, kept) => kept,
        };
        let units: Vec<UnitSummary> = package
            .units
            .iter()
            .map(|&u| UnitSummary::new(course, p, u))
            .collect();
        let steps = units
            .iter()
            .map(UnitSummary::steps)
            .fold((0, 0), |(d, a), (ud, ua)| (d + ud, a + ua));
        let complete = start.complete || units.iter().all(UnitSummary::is_complete);
        let success = match package.pass {
            None => Success::Unknown,
            Some(pass) if score.is_some_and(|s| s >= u32::from(pass) * 100) => Success::Passed,
            Some(_) if marked == questions.len() => Success::Failed,
            Some(_) => Success::Unknown,
        };
        Standing {
            score,
            complete,
            success,
            steps,
            has_pass: package.pass.is_some(),
        }
    }

    /// The learner has finished: the LMS can close the attempt (`exit` normal rather than
    /// suspend).
    pub fn is_finished(&self) -> bool {
        self.complete
    }

    /// The status elements and their values, in each version's vocabulary.
    pub fn values(&self, version: ScormVersion) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        match version {
            ScormVersion::V12 => {
                let status = match (self.complete, self.success) {
                    (false, _) => "incomplete",
                    (true, Success::Passed) => "passed",
                    (true, Success::Failed) => "failed",
                    (true, Success::Unknown) => "completed",
                };
                out.push(("cmi.core.lesson_status", status.to_string()));
                if let Some(s) = self.score {
                    out.push(("cmi.core.score.min", "0".into()));
                    out.push(("cmi.core.score.max", "100".into()));
                    out.push(("cmi.core.score.raw", format::percent(s)));
                }
            }
            ScormVersion::V2004 => {
                let completion = if self.complete {
                    "completed"
                } else {
                    "incomplete"
                };
                out.push(("cmi.completion_status", completion.to_string()));
                let success = match self.success {
                    Success::Unknown => "unknown",
                    Success::Passed => "passed",
                    Success::Failed => "failed",
                };
                out.push(("cmi.success_status", success.to_string()));
                let (done, all) = self.steps;
                let measure = if self.complete || all == 0 {
                    10_000
                } else {
                    (done * 10_000 / all) as u32
                };
                out.push(("cmi.progress_measure", format::scaled(measure)));
                if let Some(s) = self.score {
                    out.push(("cmi.score.min", "0".into()));
                    out.push(("cmi.score.max", "100".into()));
                    out.push(("cmi.score.raw", format::percent(s)));
                    // An LMS that knows the pass mark judges success from `score.scaled` itself
                    // (RTE 4.2.21), and would call a learner half way through "failed": the
                    // scaled score goes once the result is settled.
                    if self.success != Success::Unknown || !self.has_pass {
                        out.push(("cmi.score.scaled", format::scaled(s)));
                    }
                }
            }
        }
        out
    }
}

/// The data-model elements the module reads and writes, per version.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Element {
    Entry,
    SuspendData,
    Location,
    Status,
    Score,
    InteractionCount,
    PassMark,
    SessionTime,
    Exit,
}

impl Element {
    pub fn name(self, v: ScormVersion) -> &'static str {
        use ScormVersion::{V12, V2004};
        match (self, v) {
            (Element::Entry, V12) => "cmi.core.entry",
            (Element::Entry, V2004) => "cmi.entry",
            (Element::SuspendData, _) => "cmi.suspend_data",
            (Element::Location, V12) => "cmi.core.lesson_location",
            (Element::Location, V2004) => "cmi.location",
            (Element::Status, V12) => "cmi.core.lesson_status",
            (Element::Status, V2004) => "cmi.completion_status",
            (Element::Score, V12) => "cmi.core.score.raw",
            (Element::Score, V2004) => "cmi.score.raw",
            (Element::InteractionCount, _) => "cmi.interactions._count",
            (Element::PassMark, V12) => "cmi.student_data.mastery_score",
            (Element::PassMark, V2004) => "cmi.scaled_passing_score",
            (Element::SessionTime, V12) => "cmi.core.session_time",
            (Element::SessionTime, V2004) => "cmi.session_time",
            (Element::Exit, V12) => "cmi.core.exit",
            (Element::Exit, V2004) => "cmi.exit",
        }
    }
}

/// One call for the adapter to make.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Call {
    Set(String, String),
    Commit,
}

/// Decides, change by change, which values to send: it remembers what the LMS was last sent,
/// so only changes travel, and appends one interaction per answer.
#[derive(Clone, Debug)]
pub struct Reporter {
    pub package: Package,
    start: Start,
    next_interaction: u32,
    sent: Vec<(&'static str, String)>,
    suspend: String,
    location: String,
}

impl Reporter {
    pub fn new(package: Package, start: Start) -> Reporter {
        Reporter {
            next_interaction: start.interactions,
            package,
            start,
            sent: Vec::new(),
            suspend: String::new(),
            location: String::new(),
        }
    }

    pub fn version(&self) -> ScormVersion {
        self.package.version
    }

    pub fn standing(&self, course: &Course, p: &Progress) -> Standing {
        Standing::new(course, &self.package, p, &self.start)
    }

    /// The first report of a launch: the status (`incomplete` on a first launch), any score,
    /// the progress, committed.
    pub fn begin(&mut self, course: &Course, p: &Progress) -> Vec<Call> {
        let mut calls = self.status_calls(course, p);
        calls.extend(self.suspend_call(course, p));
        calls.push(Call::Commit);
        calls
    }

    /// After the progress changed from `old` to `new`: the progress itself, an interaction for
    /// each question answered, the status if it changed, and a commit after every answer,
    /// scenario choice or change of status.
    pub fn progress(
        &mut self,
        course: &Course,
        old: &Progress,
        new: &Progress,
        now: Stamp,
    ) -> Vec<Call> {
        let mut calls = Vec::new();
        let answered = answered(course, &self.package, old, new);
        for &q in &answered {
            let (Some(attempt), Some(grade)) =
                (new.attempt(q), new.attempt(q).and_then(|a| a.graded))
            else {
                continue;
            };
            let n = self.next_interaction;
            self.next_interaction += 1;
            let quiz = course.question(q).quiz;
            let by_submit = !old.is_submitted(quiz) && new.is_submitted(quiz);
            let responded = attempt.touched || !by_submit;
            for (el, value) in
                interaction::values(course, self.version(), n, q, attempt, responded, grade, now)
            {
                calls.push(Call::Set(el, value));
            }
        }
        let status = self.status_calls(course, new);
        let meaningful = !answered.is_empty()
            || !status.is_empty()
            || old.runs != new.runs
            || old.endings != new.endings
            || old.lessons != new.lessons
            || old.submitted != new.submitted;
        calls.extend(status);
        calls.extend(self.suspend_call(course, new));
        if meaningful {
            calls.push(Call::Commit);
        }
        calls
    }

    /// The route to come back to (`lesson_location` / `location`); not committed by itself.
    pub fn location(&mut self, href: &str) -> Vec<Call> {
        if self.location == href {
            return Vec::new();
        }
        self.location = href.to_string();
        vec![Call::Set(
            Element::Location.name(self.version()).into(),
            clip_ascii(href, 255),
        )]
    }

    /// The last report before finishing: session time and exit, then a commit. (The adapter
    /// then calls `LMSFinish` / `Terminate`, once.)
    pub fn end(&mut self, course: &Course, p: &Progress, millis: u64) -> Vec<Call> {
        let v = self.version();
        let mut calls = self.status_calls(course, p);
        calls.extend(self.suspend_call(course, p));
        let finished = self.standing(course, p).is_finished();
        let exit = match (finished, v) {
            (false, _) => "suspend",
            (true, ScormVersion::V12) => "",
            (true, ScormVersion::V2004) => "normal",
        };
        calls.push(Call::Set(Element::Exit.name(v).into(), exit.into()));
        calls.push(Call::Set(
            Element::SessionTime.name(v).into(),
            format::session_time(v, millis),
        ));
        calls.push(Call::Commit);
        calls
    }

    fn status_calls(&mut self, course: &Course, p: &Progress) -> Vec<Call> {
        let standing = self.standing(course, p);
        // The LMS is never sent a lower score than it was sent before in this attempt.
        self.start.score = standing.score;
        let values = standing.values(self.version());
        let mut calls = Vec::new();
        for (el, value) in values {
            match self.sent.iter_mut().find(|(e, _)| *e == el) {
                Some((_, old)) if *old == value => {}
                Some((_, old)) => {
                    old.clone_from(&value);
                    calls.push(Call::Set(el.into(), value));
                }
                None => {
                    self.sent.push((el, value.clone()));
                    calls.push(Call::Set(el.into(), value));
                }
            }
        }
        calls
    }

    fn suspend_call(&mut self, course: &Course, p: &Progress) -> Option<Call> {
        let code = p.encode(course);
        if code == self.suspend {
            return None;
        }
        self.suspend.clone_from(&code);
        Some(Call::Set(
            Element::SuspendData.name(self.version()).into(),
            code,
        ))
    }
}

/// The package's questions answered between `old` and `new`: checked (again), or marked by a
/// submit. An answer shown without checking is not an answer.
pub fn answered(
    course: &Course,
    package: &Package,
    old: &Progress,
    new: &Progress,
) -> Vec<QuestionId> {
    package
        .quizzes(course)
        .flat_map(|quiz| course.quiz(quiz).questions.iter().copied())
        .filter(|&q| {
            let (Some(after), before) = (new.attempt(q), old.attempt(q)) else {
                return false;
            };
            if after.graded.is_none() {
                return false;
            }
            let tries_before = before.map_or(0, |b| b.tries);
            let graded_before = before.is_some_and(|b| b.graded.is_some());
            let revealed_now = after.revealed && !before.is_some_and(|b| b.revealed);
            after.tries > tries_before || (!graded_before && !revealed_now)
        })
        .collect()
}

/// At most `max` bytes of ASCII (a route is ASCII; anything else is dropped).
fn clip_ascii(s: &str, max: usize) -> String {
    s.chars().filter(char::is_ascii).take(max).collect()
}

#[cfg(test)]
mod tests;
