//! Reading stored progress: any version, never a panic, and nothing half-read.

use super::encode::{route_tag, shape, STATE_DRAFT, STATE_GAVE_UP, STATE_NONE, STATE_SHOWN};
use super::{clip, tag, Attempt, DecodeError, Progress, QuestionRecord, Written, REFLECTION_MAX};
use crate::engine::day::Day;
use crate::engine::display::Display;
use crate::engine::grade::{grade, Answer, Grade, Outcome, Selection};
use crate::engine::quiz::Confidence;
use crate::engine::scenario::Run;
use crate::model::{Body, Course, QuestionId};

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
            // A permutation of the items: each position once.
            let mut seen = vec![false; items.len()];
            (order.len() == items.len()
                && order.iter().all(|&v| {
                    seen.get_mut(usize::from(v))
                        .is_some_and(|s| !std::mem::replace(s, true))
                }))
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

impl Progress {
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
                "d" => p.display = Display::from_digit(r.num(1)?).ok_or_else(|| r.malformed())?,
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
                        let best = match best {
                            1 => Some(Outcome::Incorrect),
                            2 => Some(Outcome::Partial),
                            3 => Some(Outcome::Correct),
                            _ => None,
                        };
                        let practice_box = ((b / 4) % 4) as u8;
                        // An answer that no longer fits the question is dropped.
                        let answer = if state == STATE_NONE {
                            None
                        } else {
                            read_payload(course, q, &text)
                        };
                        let attempt = answer.map(|answer| {
                            let own = if touched {
                                grade(course.question(q), &answer)
                            } else {
                                None
                            };
                            let zero = Grade {
                                outcome: Outcome::Incorrect,
                                credit: 0,
                            };
                            Attempt {
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
                            }
                        });
                        if let Some(rec) = p.question_mut(q) {
                            // Without an answer that fits, the attempt is left as it was.
                            let attempt = attempt.unwrap_or_else(|| rec.attempt().clone());
                            *rec = QuestionRecord::stored(attempt, best, practice_box, d);
                        }
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
