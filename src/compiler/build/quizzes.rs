//! Builds quizzes: pass mark, mode, tries, confidence, shuffling and feedback bands; each
//! quiz's questions are built by [`super::questions`].

use super::super::kind::Kind;
use super::super::records::Entry;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::{BAND_KEYS, QUIZ_KEYS};
use super::{owner, questions, Owners};
use crate::model::*;

/// The quizzes, and every question of every quiz in question-id order.
pub fn build(cx: &mut Resolver, owners: &Owners) -> (&'static [Quiz], &'static [Question]) {
    let mut quizzes = Vec::new();
    let mut built = Vec::new();
    let declared_ids = cx.ids;
    let qtable = declared_ids.of(Kind::Question);
    for (qi, r) in cx.valid(Kind::Quiz).into_iter().enumerate() {
        let (f, e) = (&r.file, &r.entry);
        cx.check_keys(f, e, &format!("quiz \"{}\"", e.value), QUIZ_KEYS);
        let unit = owner(cx, owners, Kind::Quiz, qi, r);
        let pass = match e.text("pass").trim_end_matches('%').parse::<u8>() {
            Ok(p) if (1..=100).contains(&p) => p,
            _ => {
                if let Some(p) = e.child("pass") {
                    cx.err(f, p.line, format!("pass mark \"{}\" is not a whole percentage from 1 to 100; write e.g. `pass: 70`", p.value));
                }
                0
            }
        };
        let mut ids = Vec::new();
        for q in e.all("question") {
            // Only the first declaration of a question id is built.
            let Some(declared) = qtable.get(&q.value) else {
                continue;
            };
            if !declared.is_at(f, q.line) {
                continue;
            }
            let question = questions::build(cx, f, q, QuizId(qi as u16));
            built.push((declared.index, question));
            ids.push(QuestionId(declared.index));
        }
        let intro = cx.rich_of(f, e.child("intro"));
        let mode = match e.child("mode").map(|m| (m.line, m.value.as_str())) {
            None | Some((_, "immediate")) => QuizMode::Immediate,
            Some((_, "deferred")) => QuizMode::Deferred,
            Some((line, v)) => {
                cx.err(
                    f,
                    line,
                    format!("quiz mode \"{v}\" is not `immediate` or `deferred`; write `mode: immediate` to check each answer at once, or `mode: deferred` to check them all on submitting"),
                );
                QuizMode::Immediate
            }
        };
        let tries = match e.child("tries") {
            None => 0,
            Some(t) => match t.value.parse::<u8>() {
                Ok(n @ 1..=3) => n,
                Ok(_) => {
                    // Stored progress counts tries up to 3.
                    cx.err(f, t.line, format!("`tries: {}` is out of range; allow 1, 2 or 3 tries, or leave `tries` out for no limit", t.value));
                    0
                }
                Err(_) => {
                    cx.err(f, t.line, format!("`tries: {}` is not a whole number; write e.g. `tries: 2`, or leave it out for no limit", t.value));
                    0
                }
            },
        };
        let confidence = yes_no(cx, f, e, "confidence");
        let shuffle = yes_no(cx, f, e, "shuffle");
        let mut bands = Vec::new();
        let mut last: Option<u8> = None;
        for b in e.all("band") {
            cx.check_keys(f, b, &format!("a band of quiz \"{}\"", e.value), BAND_KEYS);
            let min = match b.value.trim_end_matches('%').parse::<u8>() {
                Ok(m) if m <= 100 => m,
                _ => {
                    cx.err(
                        f,
                        b.line,
                        format!(
                            "band \"{}\" is not a percentage from 0 to 100; write e.g. `band: 70`",
                            b.value
                        ),
                    );
                    continue;
                }
            };
            if last.is_none() && min != 0 {
                cx.err(
                    f,
                    b.line,
                    "the first band must start at 0 so every score has feedback; write `band: 0`",
                );
            }
            if last.is_some_and(|l| min <= l) {
                cx.err(
                    f,
                    b.line,
                    "bands must go up: each `band:` starts above the one before it; put the bands in rising order, each percentage higher than the last",
                );
            }
            last = Some(min);
            let text = cx.rich_of(f, b.child("text"));
            bands.push(Band { min, text });
        }
        quizzes.push(Quiz {
            id: leak_str(e.value.clone()),
            unit,
            title: leak_str(e.text("title")),
            intro,
            pass,
            questions: leak(ids),
            mode,
            tries,
            confidence,
            shuffle,
            bands: leak(bands),
        });
    }
    built.sort_by_key(|(i, _)| *i);
    (
        leak(quizzes),
        leak(built.into_iter().map(|(_, q)| q).collect()),
    )
}

/// An optional `key: yes|no`.
fn yes_no(cx: &mut Resolver, f: &str, e: &Entry, key: &str) -> bool {
    match e.child(key).map(|c| (c.line, c.value.as_str())) {
        None | Some((_, "no")) => false,
        Some((_, "yes")) => true,
        Some((line, v)) => {
            cx.err(
                f,
                line,
                format!("`{key}: {v}` must be `{key}: yes` or `{key}: no`; write one of them, or leave `{key}` out for no"),
            );
            false
        }
    }
}
