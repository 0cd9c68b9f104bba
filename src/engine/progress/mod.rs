//! Everything the module keeps for a learner, and its compact text encoding.
//!
//! In memory, progress is indexed by typed ids. Stored, it is keyed by the content's stable string
//! ids, so that adding, removing or reordering content keeps everything that still applies: an
//! entry for content the course no longer has is dropped, and an answer that no longer fits its
//! question (options or items changed) is dropped while the question's best result is kept.
//!
//! # Encoding, version 3 (written)
//! `hsc3`, then `;`-separated sections, then `;k=` and a four-character checksum of everything
//! before it (so a truncated or altered code is refused, never half-read). A content id is written
//! as its [`tag`], four base-36 characters of a hash of the id; numbers are in base 64
//! (`0-9A-Za-z-_`, most significant first). Days are offsets from a base day (`b=`), 2 characters,
//! where 0 means "not known". Text is written as its length then its characters, so it needs no
//! escaping.
//!
//! - `s=SSSSSS` the shuffle seed; `b=BBB` the base day;
//! - `l=` lessons read: `TTTT DD` each;
//! - `q=` questions: `TTTT A B DD N payload`. `A` is the best result (0 none, 1 wrong, 2 partly,
//!   3 right), plus 4 × the state (0 untouched, 1 being answered, 2 checked, 3 answer shown, 4 gave
//!   up), plus 20 if the learner changed the answer. `B` is the confidence (0 none, 1-3), plus 4 ×
//!   the practice box (0-3), plus 16 × the tries (0-3, saturating). `DD` is the day last checked
//!   and `N` the payload's length. The payload is the answer: chosen options as a bit set, an
//!   order as item numbers, assignments as numbers (`.` for none), each after a two-character
//!   fingerprint of the options or items it points at (an answer saved against other options is
//!   dropped); or the typed text;
//! - `z=` quizzes submitted (deferred mode): `TTTT` each;
//! - `e=` scenarios: `TTTT DD N` then N ending tags, then `R` (0 for no run, else one more than
//!   the number of choices), the current run's choices and the tag of the nodes it passed through
//!   (a route that no longer goes the same way is dropped);
//! - `r=` reflections: `TTTT DD NN text`;
//! - `d=X` the display settings (text size, spacing, font, theme) as one digit, written only when
//!   they are not the defaults (see `engine::display`).
//!
//! The worst case over the whole course fits SCORM 1.2's 4,096-character `suspend_data`; a corpus
//! test builds it and checks, and checks that no two ids of a kind share a tag.
//!
//! Versions 1 and 2 (lessons read, best results and endings only) are still read, so progress and
//! progress codes saved by earlier versions of the module load.
//!
//! The code: this file holds what is kept ([`Progress`], one [`QuestionRecord`] per question);
//! `encode.rs` writes it, `decode.rs` reads it, `legacy.rs` reads versions 1 and 2.

mod decode;
mod encode;
mod legacy;

use super::day::Day;
use super::display::Display;
use super::grade::{grade, Answer, Grade, Outcome, Selection};
use super::quiz::{fresh_answer, Confidence};
use super::scenario::Run;
use crate::model::{Course, LessonId, NodeId, QuestionId, QuizId, ReflectionId, ScenarioId};

/// Longest typed answer kept for a numeric question (characters, as a browser counts them).
pub const TYPED_NUMERIC_MAX: usize = 16;
/// Longest typed answer kept for a short-text question.
pub const TYPED_TEXT_MAX: usize = 44;
/// Longest reflection kept (characters, as a browser counts them: UTF-16 units).
pub const REFLECTION_MAX: usize = 170;

/// The current attempt at one question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub answer: Answer,
    /// Set once the learner checks the answer; cleared by "try again".
    pub graded: Option<Grade>,
    pub tries: u16,
    /// The correct answer is shown; `graded` stays the learner's own grade.
    pub revealed: bool,
    /// How sure the learner said they were (quizzes with confidence).
    pub confidence: Option<Confidence>,
    /// The learner has changed the answer (an ordering starts complete, but is not yet theirs).
    pub touched: bool,
}

impl Attempt {
    pub fn fresh(course: &Course, q: QuestionId) -> Attempt {
        Attempt {
            answer: fresh_answer(course, q),
            graded: None,
            tries: 0,
            revealed: false,
            confidence: None,
            touched: false,
        }
    }

    /// The learner has given an answer that could be marked.
    pub fn is_answered(&self, course: &Course, q: QuestionId) -> bool {
        self.touched && grade(course.question(q), &self.answer).is_some()
    }

    /// The chosen options (choice questions).
    pub fn selected(&self) -> Selection {
        self.answer.selection()
    }
}

/// Everything kept about one question: the attempt as it stands, the best result so far and the
/// question's place in the practice schedule. One record, changed through its methods, so that a
/// checked answer updates all of them together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuestionRecord {
    attempt: Attempt,
    best: Option<Outcome>,
    /// The Leitner box for "practise what I missed": 0 not in practice, 1-3.
    practice_box: u8,
    /// The day the answer was last checked (0: not known).
    checked_on: Day,
}

impl QuestionRecord {
    /// Nothing done yet.
    pub fn fresh(course: &Course, q: QuestionId) -> QuestionRecord {
        QuestionRecord::stored(Attempt::fresh(course, q), None, 0, 0)
    }

    /// A record as it was stored (for decoding, and for tests that build progress directly).
    pub fn stored(
        attempt: Attempt,
        best: Option<Outcome>,
        practice_box: u8,
        checked_on: Day,
    ) -> QuestionRecord {
        QuestionRecord {
            attempt,
            best,
            practice_box,
            checked_on,
        }
    }

    pub fn attempt(&self) -> &Attempt {
        &self.attempt
    }

    /// The attempt, to change the answer, start afresh or show the answer (a check goes
    /// through [`QuestionRecord::check`]).
    pub fn attempt_mut(&mut self) -> &mut Attempt {
        &mut self.attempt
    }

    /// The best result so far.
    pub fn best(&self) -> Option<Outcome> {
        self.best
    }

    /// The Leitner box: 0 not in practice, 1-3.
    pub fn practice_box(&self) -> u8 {
        self.practice_box
    }

    /// The day the answer was last checked (0: not known).
    pub fn checked_on(&self) -> Day {
        self.checked_on
    }

    /// The day the question is next due for practice, if it is in practice.
    pub fn due_on(&self) -> Option<Day> {
        let b = self.practice_box;
        (b > 0).then(|| self.checked_on + BOX_WAIT[usize::from(b.min(3))])
    }

    /// Records an outcome as the best result, if it is better than the best so far.
    pub fn record(&mut self, o: Outcome) {
        self.best = Some(self.best.map_or(o, |b| b.max(o)));
    }

    /// The answer as it stands was checked and earned `g`: the attempt keeps the grade, the best
    /// result and the practice schedule follow. A miss puts the question in box 1 (asked again at
    /// once); a right answer in practice moves it up a box, and out of practice after box 3.
    /// `practising` is false for an ordinary quiz, where a right answer leaves the box as it was.
    pub fn check(&mut self, g: Grade, practising: bool, today: Day) {
        self.attempt.graded = Some(g);
        self.record(g.outcome);
        self.checked_on = today;
        let b = self.practice_box;
        self.practice_box = match (g.outcome, practising) {
            (Outcome::Correct, true) if b >= 3 => 0,
            (Outcome::Correct, true) => b + 1,
            (Outcome::Correct, false) => b,
            _ => 1,
        };
    }
}

/// A reflection the learner wrote, and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub day: Day,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    /// The learner's shuffle seed: the same orders on every visit. 0 until one is chosen.
    pub seed: u32,
    /// Per lesson, the day it was marked read.
    pub lessons: Vec<Option<Day>>,
    /// Per question, everything kept about it.
    questions: Vec<QuestionRecord>,
    /// Per quiz, whether a deferred quiz has been submitted.
    pub submitted: Vec<bool>,
    /// Per scenario, the endings reached (node ids, sorted, without repeats).
    pub endings: Vec<Vec<NodeId>>,
    /// Per scenario, the run in progress or the last one finished.
    pub runs: Vec<Option<Run>>,
    /// Per scenario, the day of the last decision.
    pub played_on: Vec<Day>,
    /// Per reflection prompt, what the learner wrote.
    pub reflections: Vec<Option<Written>>,
    /// How the learner wants the course shown.
    pub display: Display,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not progress of this module (no `hsc…` header).
    NotProgress,
    /// Cut short or altered: the checksum does not match.
    Damaged,
    /// A section or entry that does not parse.
    Malformed(String),
}

impl DecodeError {
    /// What went wrong, for the learner.
    pub fn words(&self) -> &'static str {
        match self {
            DecodeError::NotProgress => "That is not a progress code from this module.",
            DecodeError::Damaged | DecodeError::Malformed(_) => {
                "That progress code is incomplete or has been changed. Copy the whole code again."
            }
        }
    }
}

/// Days a question waits in each practice box before it is asked again.
const BOX_WAIT: [Day; 4] = [0, 0, 1, 3];

impl Progress {
    pub fn new(course: &Course) -> Progress {
        Progress {
            seed: 0,
            lessons: vec![None; course.lessons.len()],
            questions: course
                .question_ids()
                .map(|q| QuestionRecord::fresh(course, q))
                .collect(),
            submitted: vec![false; course.quizzes.len()],
            endings: vec![Vec::new(); course.scenarios.len()],
            runs: vec![None; course.scenarios.len()],
            played_on: vec![0; course.scenarios.len()],
            reflections: vec![None; course.reflections.len()],
            display: Display::default(),
        }
    }

    /// Nothing done yet (the seed and the display settings aside).
    pub fn is_blank(&self, course: &Course) -> bool {
        let mut fresh = Progress::new(course);
        fresh.seed = self.seed;
        fresh.display = self.display;
        *self == fresh
    }

    pub fn is_read(&self, l: LessonId) -> bool {
        self.read_on(l).is_some()
    }

    pub fn read_on(&self, l: LessonId) -> Option<Day> {
        self.lessons.get(l.index()).copied().flatten()
    }

    pub fn set_read(&mut self, l: LessonId, read: bool, today: Day) {
        if let Some(slot) = self.lessons.get_mut(l.index()) {
            *slot = read.then_some(today);
        }
    }

    /// Everything kept about a question.
    pub fn question(&self, q: QuestionId) -> Option<&QuestionRecord> {
        self.questions.get(q.index())
    }

    pub fn question_mut(&mut self, q: QuestionId) -> Option<&mut QuestionRecord> {
        self.questions.get_mut(q.index())
    }

    /// Every question's record, in course order.
    pub fn questions(&self) -> &[QuestionRecord] {
        &self.questions
    }

    pub fn best(&self, q: QuestionId) -> Option<Outcome> {
        self.question(q).and_then(QuestionRecord::best)
    }

    /// Records an answer's outcome, keeping the best so far.
    pub fn record(&mut self, q: QuestionId, o: Outcome) {
        if let Some(r) = self.question_mut(q) {
            r.record(o);
        }
    }

    pub fn attempt(&self, q: QuestionId) -> Option<&Attempt> {
        self.question(q).map(QuestionRecord::attempt)
    }

    pub fn attempt_mut(&mut self, q: QuestionId) -> Option<&mut Attempt> {
        self.question_mut(q).map(QuestionRecord::attempt_mut)
    }

    pub fn checked_on(&self, q: QuestionId) -> Day {
        self.question(q).map_or(0, QuestionRecord::checked_on)
    }

    pub fn practice_box(&self, q: QuestionId) -> u8 {
        self.question(q).map_or(0, QuestionRecord::practice_box)
    }

    /// The day a question in practice is next due, if it is in practice.
    pub fn due_on(&self, q: QuestionId) -> Option<Day> {
        self.question(q).and_then(QuestionRecord::due_on)
    }

    pub fn is_due(&self, q: QuestionId, today: Day) -> bool {
        self.due_on(q).is_some_and(|d| d <= today)
    }

    pub fn endings(&self, s: ScenarioId) -> &[NodeId] {
        self.endings.get(s.index()).map_or(&[], Vec::as_slice)
    }

    pub fn reach(&mut self, s: ScenarioId, ending: NodeId) {
        if let Some(v) = self.endings.get_mut(s.index()) {
            if let Err(pos) = v.binary_search(&ending) {
                v.insert(pos, ending);
            }
        }
    }

    pub fn run(&self, s: ScenarioId) -> Option<&Run> {
        self.runs.get(s.index()).and_then(Option::as_ref)
    }

    pub fn is_submitted(&self, quiz: QuizId) -> bool {
        self.submitted.get(quiz.index()).copied().unwrap_or(false)
    }

    pub fn reflection(&self, r: ReflectionId) -> Option<&Written> {
        self.reflections.get(r.index()).and_then(Option::as_ref)
    }
}

/// Keeps at most `max` UTF-16 units of `s` (what a browser's `maxlength` and `length` count).
pub fn clip(s: &str, max: usize) -> String {
    let mut used = 0;
    s.chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= max
        })
        .collect()
}

/// FNV-1a, 32 bits: the hash behind tags, fingerprints and the checksum.
fn fnv32(s: &str) -> u32 {
    s.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// A content id's short tag in stored progress: FNV-1a of the id, as four base-36 characters.
pub fn tag(id: &str) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut n = fnv32(id) % (36 * 36 * 36 * 36);
    let mut out = [b'0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    out.iter().map(|&b| char::from(b)).collect()
}

#[cfg(test)]
mod tests;
