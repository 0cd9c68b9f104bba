//! What the learner has done, kept between visits, and its compact text encoding.
//!
//! In memory, progress is indexed by typed ids. Stored, it is keyed by the content's stable
//! string ids, so that adding or reordering content keeps what still applies; ids the course no
//! longer has are dropped on load.
//!
//! Encoding (version 1): `hsc1` then `;`-separated sections:
//! `l=LESSON,LESSON` lessons read; `q=QUESTION:c|p|w,…` best outcome per question;
//! `e=SCENARIO/ENDING,…` endings reached; `s=N` the shuffle seed. Ids never contain `;`, `=`, `,`, `:` or `/`.

use super::grade::Outcome;
use crate::model::{Course, LessonId, NodeId, QuestionId, ScenarioId};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Progress {
    pub lessons_read: Vec<bool>,
    pub best: Vec<Option<Outcome>>,
    /// Per scenario, the endings reached (node ids, sorted, without repeats).
    pub endings: Vec<Vec<NodeId>>,
    /// The learner's shuffle seed: the same orders on every visit. 0 until one is chosen.
    pub seed: u32,
}

#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not progress of this module (no `hsc1` header).
    NotProgress,
    /// A section or entry that does not parse.
    Malformed(String),
}

const HEADER: &str = "hsc1";

impl Progress {
    pub fn new(course: &Course) -> Progress {
        Progress {
            lessons_read: vec![false; course.lessons.len()],
            best: vec![None; course.questions.len()],
            endings: vec![Vec::new(); course.scenarios.len()],
            seed: 0,
        }
    }

    pub fn is_read(&self, l: LessonId) -> bool {
        self.lessons_read.get(l.index()).copied().unwrap_or(false)
    }

    pub fn set_read(&mut self, l: LessonId, read: bool) {
        if let Some(slot) = self.lessons_read.get_mut(l.index()) {
            *slot = read;
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

    pub fn encode(&self, course: &Course) -> String {
        let mut out = String::from(HEADER);
        if self.seed != 0 {
            out.push_str(&format!(";s={}", self.seed));
        }
        let lessons: Vec<&str> = course
            .lesson_ids()
            .filter(|l| self.is_read(*l))
            .map(|l| course.lesson(l).id)
            .collect();
        if !lessons.is_empty() {
            out.push_str(";l=");
            out.push_str(&lessons.join(","));
        }
        let qs: Vec<String> = course
            .question_ids()
            .filter_map(|q| {
                let o = self.best(q)?;
                let c = match o {
                    Outcome::Correct => 'c',
                    Outcome::Partial => 'p',
                    Outcome::Incorrect => 'w',
                };
                Some(format!("{}:{c}", course.question(q).id))
            })
            .collect();
        if !qs.is_empty() {
            out.push_str(";q=");
            out.push_str(&qs.join(","));
        }
        let es: Vec<String> = course
            .scenario_ids()
            .flat_map(|s| {
                let sc = course.scenario(s);
                self.endings(s)
                    .iter()
                    .map(move |n| format!("{}/{}", sc.id, sc.node(*n).id))
            })
            .collect();
        if !es.is_empty() {
            out.push_str(";e=");
            out.push_str(&es.join(","));
        }
        out
    }

    /// Reads encoded progress. Entries naming content the course no longer has are skipped.
    pub fn decode(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let mut sections = s.trim().split(';');
        if sections.next() != Some(HEADER) {
            return Err(DecodeError::NotProgress);
        }
        let mut p = Progress::new(course);
        for sec in sections {
            let (key, body) = sec
                .split_once('=')
                .ok_or_else(|| DecodeError::Malformed(sec.into()))?;
            let items = body.split(',').filter(|x| !x.is_empty());
            match key {
                "l" => {
                    for id in items {
                        if let Some(l) = course.find_lesson(id) {
                            p.set_read(l, true);
                        }
                    }
                }
                "q" => {
                    for item in items {
                        let (id, o) = item
                            .split_once(':')
                            .ok_or_else(|| DecodeError::Malformed(item.into()))?;
                        let o = match o {
                            "c" => Outcome::Correct,
                            "p" => Outcome::Partial,
                            "w" => Outcome::Incorrect,
                            _ => return Err(DecodeError::Malformed(item.into())),
                        };
                        if let Some(q) = course.find_question(id) {
                            p.record(q, o);
                        }
                    }
                }
                "e" => {
                    for item in items {
                        let (sid, nid) = item
                            .split_once('/')
                            .ok_or_else(|| DecodeError::Malformed(item.into()))?;
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
                "s" => {
                    p.seed = body
                        .parse()
                        .map_err(|_| DecodeError::Malformed(sec.into()))?
                }
                _ => return Err(DecodeError::Malformed(sec.into())),
            }
        }
        Ok(p)
    }
}
