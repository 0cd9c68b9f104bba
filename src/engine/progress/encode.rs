//! Writing progress in its compact text encoding (version 3; the format is described in the
//! module's documentation), and the pieces of the format that reading it shares.

use super::{
    clip, fnv32, tag, Attempt, Progress, REFLECTION_MAX, TYPED_NUMERIC_MAX, TYPED_TEXT_MAX,
};
use crate::engine::day::Day;
use crate::engine::display::Display;
use crate::engine::grade::{grade, Answer, Outcome};
use crate::engine::quiz::Confidence;
use crate::engine::scenario::Run;
use crate::engine::text::plain;
use crate::model::{Body, Course, QuestionId};

const B64: &[u8; 64] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";

fn push_num(out: &mut String, n: u32, width: usize) {
    for i in (0..width).rev() {
        let digit = (n >> (6 * i)) & 63;
        out.push(char::from(B64[digit as usize]));
    }
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
pub(super) fn shape(course: &Course, q: QuestionId) -> Option<u32> {
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

pub(super) const STATE_NONE: u32 = 0;
pub(super) const STATE_DRAFT: u32 = 1;
pub(super) const STATE_CHECKED: u32 = 2;
pub(super) const STATE_SHOWN: u32 = 3;
pub(super) const STATE_GAVE_UP: u32 = 4;

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
            .chain(self.questions.iter().map(|r| &r.checked_on))
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
        if self.display != Display::default() {
            out.push_str(";d=");
            push_num(&mut out, self.display.digit(), 1);
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
}

/// The tag of the nodes a run has passed through, in order, and where it is now: a stored route
/// is only replayed if it still goes the same way.
pub(super) fn route_tag(sc: &crate::model::Scenario, run: &Run) -> String {
    let mut ids: Vec<&str> = run.path.iter().map(|st| sc.node(st.at).id).collect();
    ids.push(sc.node(run.node).id);
    tag(&ids.join("/"))
}
