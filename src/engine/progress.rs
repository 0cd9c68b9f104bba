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
//! - `r=` reflections: `TTTT DD NN text`.
//!
//! The worst case over the whole course fits SCORM 1.2's 4,096-character `suspend_data`; a corpus
//! test builds it and checks, and checks that no two ids of a kind share a tag.
//!
//! Versions 1 and 2 (lessons read, best results and endings only) are still read, so progress and
//! progress codes saved by earlier versions of the module load.

use super::day::Day;
use super::grade::{grade, Answer, Grade, Outcome, Selection};
use super::quiz::{fresh_answer, Confidence};
use super::scenario::Run;
use super::text::plain;
use crate::model::{Body, Course, LessonId, NodeId, QuestionId, QuizId, ReflectionId, ScenarioId};

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
    /// Per question, the best result so far.
    pub best: Vec<Option<Outcome>>,
    /// Per question, the attempt as it stands.
    pub attempts: Vec<Attempt>,
    /// Per question, its Leitner box for "practise what I missed": 0 not in practice, 1-3.
    pub boxes: Vec<u8>,
    /// Per question, the day it was last checked.
    pub checked_on: Vec<Day>,
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
            best: vec![None; course.questions.len()],
            attempts: course
                .question_ids()
                .map(|q| Attempt::fresh(course, q))
                .collect(),
            boxes: vec![0; course.questions.len()],
            checked_on: vec![0; course.questions.len()],
            submitted: vec![false; course.quizzes.len()],
            endings: vec![Vec::new(); course.scenarios.len()],
            runs: vec![None; course.scenarios.len()],
            played_on: vec![0; course.scenarios.len()],
            reflections: vec![None; course.reflections.len()],
        }
    }

    /// Nothing done yet (the seed aside).
    pub fn is_blank(&self, course: &Course) -> bool {
        let mut fresh = Progress::new(course);
        fresh.seed = self.seed;
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

    pub fn best(&self, q: QuestionId) -> Option<Outcome> {
        self.best.get(q.index()).copied().flatten()
    }

    /// Records an answer's outcome, keeping the best so far.
    pub fn record(&mut self, q: QuestionId, o: Outcome) {
        if let Some(slot) = self.best.get_mut(q.index()) {
            *slot = Some(slot.map_or(o, |b| b.max(o)));
        }
    }

    pub fn attempt(&self, q: QuestionId) -> Option<&Attempt> {
        self.attempts.get(q.index())
    }

    pub fn checked_on(&self, q: QuestionId) -> Day {
        self.checked_on.get(q.index()).copied().unwrap_or(0)
    }

    pub fn practice_box(&self, q: QuestionId) -> u8 {
        self.boxes.get(q.index()).copied().unwrap_or(0)
    }

    /// The day a question in practice is next due, if it is in practice.
    pub fn due_on(&self, q: QuestionId) -> Option<Day> {
        let b = self.practice_box(q);
        (b > 0).then(|| self.checked_on(q) + BOX_WAIT[usize::from(b.min(3))])
    }

    pub fn is_due(&self, q: QuestionId, today: Day) -> bool {
        self.due_on(q).is_some_and(|d| d <= today)
    }

    /// After a check: a miss puts the question in box 1 (asked again at once); a right answer in
    /// practice moves it up a box, and out of practice after box 3. `practising` is false for
    /// an ordinary quiz, where a right answer leaves the box as it was.
    pub fn schedule(&mut self, q: QuestionId, outcome: Outcome, practising: bool, today: Day) {
        if let Some(day) = self.checked_on.get_mut(q.index()) {
            *day = today;
        }
        if let Some(b) = self.boxes.get_mut(q.index()) {
            *b = match (outcome, practising) {
                (Outcome::Correct, true) if *b >= 3 => 0,
                (Outcome::Correct, true) => *b + 1,
                (Outcome::Correct, false) => *b,
                _ => 1,
            };
        }
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

// --- encoding ----------------------------------------------------------------------------------

const B64: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

fn push_num(out: &mut String, n: u32, width: usize) {
    for i in (0..width).rev() {
        let digit = (n >> (6 * i)) & 63;
        out.push(char::from(B64[digit as usize]));
    }
}

fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        'A'..='Z' => Some(c as u32 - 'A' as u32 + 10),
        'a'..='z' => Some(c as u32 - 'a' as u32 + 36),
        '-' => Some(62),
        '_' => Some(63),
        _ => None,
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

/// The days in progress are written relative to the earliest of them.
struct Days {
    base: Day,
}

impl Days {
    const SPAN: Day = 64 * 64 - 2;
    fn offset(&self, d: Day) -> u32 {
        if d == 0 || d < self.base {
            0
        } else {
            (d - self.base).min(Self::SPAN) + 1
        }
    }
}

/// A 12-bit fingerprint of what a stored answer's positions point at: the question's options, or
/// its items with their targets or groups, in order. `None` for typed answers, which stand alone.
/// An answer saved against other options (reordered, inserted, reworded) is dropped on load rather
/// than pinned to the wrong ones.
fn shape(course: &Course, q: QuestionId) -> Option<u32> {
    let question = course.question(q);
    let mut parts: Vec<String> = Vec::new();
    match question.body {
        Body::Choices(options) => parts.extend(options.iter().map(|o| plain(course, o.label))),
        Body::Ordering(items) => parts.extend(items.iter().map(|i| plain(course, i.label))),
        Body::Matching {
            items,
            targets: names,
            ..
        }
        | Body::Categorise {
            items,
            groups: names,
        } => {
            parts.extend(items.iter().map(|i| plain(course, i.label)));
            parts.extend(names.iter().map(|n| n.to_string()));
        }
        Body::Numeric(_) | Body::ShortText { .. } => return None,
    }
    let h = fnv32(&parts.join("\u{1f}"));
    Some((h ^ (h >> 12) ^ (h >> 24)) & 4095)
}

fn payload(course: &Course, q: QuestionId, a: &Answer) -> String {
    let mut out = String::new();
    if let Some(fp) = shape(course, q) {
        push_num(&mut out, fp, 2);
    }
    match (&course.question(q).body, a) {
        (Body::Choices(_), Answer::Choices(sel)) => {
            let mut bits = sel.0;
            loop {
                push_num(&mut out, bits & 63, 1);
                bits >>= 6;
                if bits == 0 {
                    break;
                }
            }
        }
        (_, Answer::Order(order)) => order
            .iter()
            .for_each(|i| push_num(&mut out, u32::from(*i), 1)),
        (_, Answer::Assign(given)) => given.iter().for_each(|g| match g {
            Some(v) => push_num(&mut out, u32::from(*v), 1),
            None => out.push('.'),
        }),
        (Body::Numeric(_), Answer::Typed(t)) => out = clip(t, TYPED_NUMERIC_MAX),
        (_, Answer::Typed(t)) => out = clip(t, TYPED_TEXT_MAX),
        _ => {}
    }
    out
}

/// The answer a payload stands for, if it still fits the question.
fn read_payload(course: &Course, q: QuestionId, text: &str) -> Option<Answer> {
    let question = course.question(q);
    let text = match shape(course, q) {
        Some(fp) => {
            let mut chars = text.chars();
            let stored = (0..2).try_fold(0u32, |n, _| Some(n * 64 + digit(chars.next()?)?))?;
            if stored != fp {
                return None;
            }
            chars.as_str()
        }
        None => text,
    };
    match question.body {
        Body::Choices(options) => {
            let mut bits = 0u32;
            for (i, c) in text.chars().enumerate() {
                bits |= digit(c)?.checked_shl(6 * i as u32)?;
            }
            (bits.checked_shr(options.len() as u32).unwrap_or(0) == 0)
                .then_some(Answer::Choices(Selection(bits)))
        }
        Body::Ordering(items) => {
            let order: Vec<u8> = text
                .chars()
                .map(|c| digit(c).map(|d| d as u8))
                .collect::<Option<_>>()?;
            let mut seen = order.clone();
            seen.sort_unstable();
            (seen.len() == items.len()
                && seen.iter().enumerate().all(|(i, v)| usize::from(*v) == i))
            .then_some(Answer::Order(order))
        }
        Body::Matching {
            items,
            targets: names,
            ..
        }
        | Body::Categorise {
            items,
            groups: names,
        } => {
            let given: Vec<Option<u8>> = text
                .chars()
                .map(|c| match c {
                    '.' => Some(None),
                    c => digit(c)
                        .filter(|d| (*d as usize) < names.len())
                        .map(|d| Some(d as u8)),
                })
                .collect::<Option<_>>()?;
            (given.len() == items.len()).then_some(Answer::Assign(given))
        }
        Body::Numeric(_) | Body::ShortText { .. } => Some(Answer::Typed(text.to_string())),
    }
}

const STATE_NONE: u32 = 0;
const STATE_DRAFT: u32 = 1;
const STATE_CHECKED: u32 = 2;
const STATE_SHOWN: u32 = 3;
const STATE_GAVE_UP: u32 = 4;

fn outcome_digit(o: Option<Outcome>) -> u32 {
    match o {
        None => 0,
        Some(Outcome::Incorrect) => 1,
        Some(Outcome::Partial) => 2,
        Some(Outcome::Correct) => 3,
    }
}

fn confidence_digit(c: Option<Confidence>) -> u32 {
    match c {
        None => 0,
        Some(Confidence::Low) => 1,
        Some(Confidence::Medium) => 2,
        Some(Confidence::High) => 3,
    }
}

fn state_of(course: &Course, q: QuestionId, a: &Attempt) -> u32 {
    let own = if a.touched {
        grade(course.question(q), &a.answer)
    } else {
        None
    };
    match (a.graded, a.revealed) {
        (None, _) if a.touched => STATE_DRAFT,
        (None, _) => STATE_NONE,
        (Some(_), false) => STATE_CHECKED,
        (Some(g), true) if Some(g) == own || (own.is_none() && g.credit == 0) => STATE_SHOWN,
        (Some(_), true) => STATE_GAVE_UP,
    }
}

impl Progress {
    /// The encoded progress (version 3).
    pub fn encode(&self, course: &Course) -> String {
        let known = self
            .lessons
            .iter()
            .flatten()
            .chain(&self.checked_on)
            .chain(&self.played_on)
            .chain(self.reflections.iter().flatten().map(|w| &w.day))
            .copied()
            .filter(|d| *d > 0);
        let days = Days {
            base: known.min().unwrap_or(0),
        };
        let mut out = String::from("hsc3;s=");
        push_num(&mut out, self.seed, 6);
        if days.base > 0 {
            out.push_str(";b=");
            push_num(&mut out, days.base, 3);
        }
        let section = |out: &mut String, key: &str, body: String| {
            if !body.is_empty() {
                out.push(';');
                out.push_str(key);
                out.push('=');
                out.push_str(&body);
            }
        };

        let mut lessons = String::new();
        for l in course.lesson_ids() {
            if let Some(d) = self.read_on(l) {
                lessons.push_str(&tag(course.lesson(l).id));
                push_num(&mut lessons, days.offset(d), 2);
            }
        }
        section(&mut out, "l", lessons);

        let mut qs = String::new();
        for q in course.question_ids() {
            let Some(a) = self.attempt(q) else { continue };
            let state = state_of(course, q, a);
            let best = self.best(q);
            let boxed = self.practice_box(q).min(3);
            if best.is_none() && state == STATE_NONE && boxed == 0 {
                continue;
            }
            qs.push_str(&tag(course.question(q).id));
            let changed = if a.touched { 20 } else { 0 };
            push_num(&mut qs, outcome_digit(best) + 4 * state + changed, 1);
            let conf = if state == STATE_NONE {
                0
            } else {
                confidence_digit(a.confidence)
            };
            let tries = u32::from(a.tries.min(3));
            push_num(&mut qs, conf + 4 * u32::from(boxed) + 16 * tries, 1);
            push_num(&mut qs, days.offset(self.checked_on(q)), 2);
            let body = if state == STATE_NONE {
                String::new()
            } else {
                payload(course, q, &a.answer)
            };
            push_num(&mut qs, body.chars().count().min(63) as u32, 1);
            qs.extend(body.chars().take(63));
        }
        section(&mut out, "q", qs);

        let quizzes: String = course
            .quiz_ids()
            .filter(|z| self.is_submitted(*z))
            .map(|z| tag(course.quiz(z).id))
            .collect();
        section(&mut out, "z", quizzes);

        let mut es = String::new();
        for s in course.scenario_ids() {
            let sc = course.scenario(s);
            let ends = self.endings(s);
            let run = self.run(s);
            let day = self.played_on.get(s.index()).copied().unwrap_or(0);
            if ends.is_empty() && run.is_none() && day == 0 {
                continue;
            }
            es.push_str(&tag(sc.id));
            push_num(&mut es, days.offset(day), 2);
            push_num(&mut es, ends.len().min(63) as u32, 1);
            for n in ends.iter().take(63) {
                es.push_str(&tag(sc.node(*n).id));
            }
            match run {
                Some(r) if r.path.len() < 63 => {
                    push_num(&mut es, r.path.len() as u32 + 1, 1);
                    for st in &r.path {
                        push_num(&mut es, u32::from(st.choice), 1);
                    }
                    es.push_str(&route_tag(sc, r));
                }
                _ => push_num(&mut es, 0, 1),
            }
        }
        section(&mut out, "e", es);

        let mut rs = String::new();
        for r in course.reflection_ids() {
            if let Some(w) = self.reflection(r) {
                let text = clip(&w.text, REFLECTION_MAX);
                rs.push_str(&tag(course.reflection(r).id));
                push_num(&mut rs, days.offset(w.day), 2);
                push_num(&mut rs, text.chars().count() as u32, 2);
                rs.push_str(&text);
            }
        }
        section(&mut out, "r", rs);

        let sum = tag(&out);
        out.push_str(";k=");
        out.push_str(&sum);
        out
    }

    /// Reads encoded progress of any version. Entries naming content the course no longer has are
    /// skipped; anything cut short, altered or unreadable is an error, never a panic.
    pub fn decode(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let s = s.trim();
        match s.split(';').next() {
            Some("hsc3") => Self::decode_v3(course, s),
            Some("hsc2") => Self::decode_v2(course, s),
            Some("hsc1") => Self::decode_v1(course, s),
            _ => Err(DecodeError::NotProgress),
        }
    }

    fn decode_v3(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let (body, sum) = s.rsplit_once(";k=").ok_or(DecodeError::Damaged)?;
        if sum != tag(body) {
            return Err(DecodeError::Damaged);
        }
        let mut r = Reader {
            chars: body.chars().collect(),
            at: 4,
        };
        let mut p = Progress::new(course);
        let mut base: Day = 0;
        let day = |base: Day, off: u32| if off == 0 { 0 } else { base + off - 1 };
        while r.at < r.chars.len() {
            r.expect(';')?;
            let key = r.take(1)?;
            r.expect('=')?;
            match key.as_str() {
                "s" => p.seed = r.num(6)?,
                "b" => base = r.num(3)?,
                "l" => {
                    while r.more() {
                        let t = r.take(4)?;
                        let d = day(base, r.num(2)?);
                        if let Some(l) =
                            course.lesson_ids().find(|l| tag(course.lesson(*l).id) == t)
                        {
                            if let Some(slot) = p.lessons.get_mut(l.index()) {
                                *slot = Some(d);
                            }
                        }
                    }
                }
                "q" => {
                    while r.more() {
                        let t = r.take(4)?;
                        let a = r.num(1)?;
                        let b = r.num(1)?;
                        let d = day(base, r.num(2)?);
                        let len = r.num(1)? as usize;
                        let text = r.take(len)?;
                        let (best, state, touched) = (a % 4, (a % 20) / 4, a >= 20);
                        if a >= 40 || state > STATE_GAVE_UP {
                            return Err(r.malformed());
                        }
                        let Some(q) = course
                            .question_ids()
                            .find(|q| tag(course.question(*q).id) == t)
                        else {
                            continue;
                        };
                        p.best[q.index()] = match best {
                            1 => Some(Outcome::Incorrect),
                            2 => Some(Outcome::Partial),
                            3 => Some(Outcome::Correct),
                            _ => None,
                        };
                        p.boxes[q.index()] = ((b / 4) % 4) as u8;
                        p.checked_on[q.index()] = d;
                        if state == STATE_NONE {
                            continue;
                        }
                        // An answer that no longer fits the question is dropped.
                        let Some(answer) = read_payload(course, q, &text) else {
                            continue;
                        };
                        let own = if touched {
                            grade(course.question(q), &answer)
                        } else {
                            None
                        };
                        let zero = Grade {
                            outcome: Outcome::Incorrect,
                            credit: 0,
                        };
                        p.attempts[q.index()] = Attempt {
                            graded: match state {
                                STATE_DRAFT => None,
                                STATE_GAVE_UP => Some(zero),
                                _ => Some(own.unwrap_or(zero)),
                            },
                            answer,
                            tries: (b / 16) as u16,
                            revealed: state >= STATE_SHOWN,
                            confidence: match b % 4 {
                                1 => Some(Confidence::Low),
                                2 => Some(Confidence::Medium),
                                3 => Some(Confidence::High),
                                _ => None,
                            },
                            touched,
                        };
                    }
                }
                "z" => {
                    while r.more() {
                        let t = r.take(4)?;
                        if let Some(z) = course.quiz_ids().find(|z| tag(course.quiz(*z).id) == t) {
                            p.submitted[z.index()] = true;
                        }
                    }
                }
                "e" => {
                    while r.more() {
                        let t = r.take(4)?;
                        let d = day(base, r.num(2)?);
                        let n = r.num(1)? as usize;
                        let mut ends = Vec::with_capacity(n);
                        for _ in 0..n {
                            ends.push(r.take(4)?);
                        }
                        let len = r.num(1)? as usize;
                        let mut route = Vec::new();
                        for _ in 0..len.saturating_sub(1) {
                            route.push(r.num(1)? as usize);
                        }
                        let check = if len > 0 { r.take(4)? } else { String::new() };
                        let Some(s) = course
                            .scenario_ids()
                            .find(|s| tag(course.scenario(*s).id) == t)
                        else {
                            continue;
                        };
                        let sc = course.scenario(s);
                        p.played_on[s.index()] = d;
                        for e in ends {
                            let ending = sc.node_ids().find(|n| {
                                sc.node(*n).ending().is_some() && tag(sc.node(*n).id) == e
                            });
                            if let Some(n) = ending {
                                p.reach(s, n);
                            }
                        }
                        if len > 0 {
                            // A route that no longer fits the scenario, or that now passes through
                            // other nodes (choices reordered, say), is dropped.
                            p.runs[s.index()] = Run::replay(s, sc, &route)
                                .filter(|run| route_tag(sc, run) == check);
                        }
                    }
                }
                "r" => {
                    while r.more() {
                        let t = r.take(4)?;
                        let d = day(base, r.num(2)?);
                        let len = r.num(2)? as usize;
                        let text = r.take(len)?;
                        if let Some(id) = course
                            .reflection_ids()
                            .find(|x| tag(course.reflection(*x).id) == t)
                        {
                            p.reflections[id.index()] = Some(Written {
                                text: clip(&text, REFLECTION_MAX),
                                day: d,
                            });
                        }
                    }
                }
                _ => return Err(r.malformed()),
            }
        }
        Ok(p)
    }

    /// Version 2: four-character tags, best results only.
    fn decode_v2(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let mut p = Progress::new(course);
        let malformed = |sec: &str| DecodeError::Malformed(sec.chars().take(40).collect());
        for sec in s.split(';').skip(1) {
            let (key, body) = sec.split_once('=').ok_or_else(|| malformed(sec))?;
            if !body.is_ascii() {
                return Err(malformed(sec));
            }
            let tokens = |width: usize| -> Result<Vec<&str>, DecodeError> {
                if body.len() % width != 0 {
                    return Err(malformed(sec));
                }
                Ok((0..body.len() / width)
                    .map(|i| &body[i * width..(i + 1) * width])
                    .collect())
            };
            match key {
                "s" => p.seed = body.parse().map_err(|_| malformed(sec))?,
                "l" => {
                    for t in tokens(4)? {
                        if let Some(l) =
                            course.lesson_ids().find(|l| tag(course.lesson(*l).id) == t)
                        {
                            p.set_read(l, true, 0);
                        }
                    }
                }
                "q" => {
                    for t in tokens(5)? {
                        let o = legacy_outcome(&t[4..]).ok_or_else(|| malformed(sec))?;
                        if let Some(q) = course
                            .question_ids()
                            .find(|q| tag(course.question(*q).id) == t[..4])
                        {
                            p.record(q, o);
                        }
                    }
                }
                "e" => {
                    for t in tokens(8)? {
                        let Some(s) = course
                            .scenario_ids()
                            .find(|s| tag(course.scenario(*s).id) == t[..4])
                        else {
                            continue;
                        };
                        let sc = course.scenario(s);
                        let ending = sc.node_ids().find(|n| {
                            sc.node(*n).ending().is_some() && tag(sc.node(*n).id) == t[4..]
                        });
                        if let Some(n) = ending {
                            p.reach(s, n);
                        }
                    }
                }
                _ => return Err(malformed(sec)),
            }
        }
        Ok(p)
    }

    /// Version 1: ids written in full, best results only.
    fn decode_v1(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let mut p = Progress::new(course);
        let malformed = |x: &str| DecodeError::Malformed(x.chars().take(40).collect());
        for sec in s.split(';').skip(1) {
            let (key, body) = sec.split_once('=').ok_or_else(|| malformed(sec))?;
            let items = body.split(',').filter(|x| !x.is_empty());
            match key {
                "l" => {
                    for id in items {
                        if let Some(l) = course.find_lesson(id) {
                            p.set_read(l, true, 0);
                        }
                    }
                }
                "q" => {
                    for item in items {
                        let (id, o) = item.split_once(':').ok_or_else(|| malformed(item))?;
                        let o = legacy_outcome(o).ok_or_else(|| malformed(item))?;
                        if let Some(q) = course.find_question(id) {
                            p.record(q, o);
                        }
                    }
                }
                "e" => {
                    for item in items {
                        let (sid, nid) = item.split_once('/').ok_or_else(|| malformed(item))?;
                        let Some(s) = course.find_scenario(sid) else {
                            continue;
                        };
                        let sc = course.scenario(s);
                        if let Some(n) =
                            sc.find_node(nid).filter(|n| sc.node(*n).ending().is_some())
                        {
                            p.reach(s, n);
                        }
                    }
                }
                "s" => p.seed = body.parse().map_err(|_| malformed(sec))?,
                _ => return Err(malformed(sec)),
            }
        }
        Ok(p)
    }
}

fn legacy_outcome(s: &str) -> Option<Outcome> {
    match s {
        "c" => Some(Outcome::Correct),
        "p" => Some(Outcome::Partial),
        "w" => Some(Outcome::Incorrect),
        _ => None,
    }
}

/// Reads version-3 progress a character at a time.
struct Reader {
    chars: Vec<char>,
    at: usize,
}

impl Reader {
    fn malformed(&self) -> DecodeError {
        DecodeError::Malformed(format!("at character {}", self.at))
    }

    /// Another entry follows in this section.
    fn more(&self) -> bool {
        self.chars.get(self.at).is_some_and(|c| *c != ';')
    }

    fn expect(&mut self, c: char) -> Result<(), DecodeError> {
        if self.chars.get(self.at) == Some(&c) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.malformed())
        }
    }

    fn take(&mut self, n: usize) -> Result<String, DecodeError> {
        let end = self.at.checked_add(n).filter(|e| *e <= self.chars.len());
        let Some(end) = end else {
            return Err(self.malformed());
        };
        let s = self.chars[self.at..end].iter().collect();
        self.at = end;
        Ok(s)
    }

    fn num(&mut self, width: usize) -> Result<u32, DecodeError> {
        let mut n = 0u32;
        for _ in 0..width {
            let d = self
                .chars
                .get(self.at)
                .copied()
                .and_then(digit)
                .ok_or_else(|| self.malformed())?;
            n = n.checked_mul(64).ok_or_else(|| self.malformed())? + d;
            self.at += 1;
        }
        Ok(n)
    }
}

/// The tag of the nodes a run has passed through, in order, and where it is now: a stored route
/// is only replayed if it still goes the same way.
fn route_tag(sc: &crate::model::Scenario, run: &Run) -> String {
    let mut ids: Vec<&str> = run.path.iter().map(|st| sc.node(st.at).id).collect();
    ids.push(sc.node(run.node).id);
    tag(&ids.join("/"))
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
