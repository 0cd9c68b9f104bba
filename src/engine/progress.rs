//! What the learner has done, kept between visits, and its compact text encoding.
//!
//! In memory, progress is indexed by typed ids. Stored, it is keyed by the content's stable
//! string ids, so that adding or reordering content keeps what still applies; ids the course no
//! longer has are dropped on load.
//!
//! Encoding, version 2 (written): `hsc2` then `;`-separated sections, each a run of fixed-width
//! tokens. A content id is written as its [`tag`]: four base-36 characters of a hash of the id, so
//! the whole course fits SCORM 1.2's 4,096-character `suspend_data` (a corpus test checks both the
//! worst case and that no two ids of a kind share a tag).
//! `s=N` the shuffle seed; `l=TTTT…` lessons read; `q=TTTTo…` best outcome per question
//! (`o` is `c`, `p` or `w`); `e=SSSSNNNN…` endings reached (scenario tag, ending tag).
//!
//! Version 1 (still read, so older saved progress loads): `hsc1`, then `l=LESSON,…`,
//! `q=QUESTION:c|p|w,…`, `e=SCENARIO/ENDING,…` and `s=N`, with the ids written out in full.

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
        let mut out = String::from("hsc2");
        if self.seed != 0 {
            out.push_str(&format!(";s={}", self.seed));
        }
        let lessons: String = course
            .lesson_ids()
            .filter(|l| self.is_read(*l))
            .map(|l| tag(course.lesson(l).id))
            .collect();
        if !lessons.is_empty() {
            out.push_str(";l=");
            out.push_str(&lessons);
        }
        let qs: String = course
            .question_ids()
            .filter_map(|q| {
                let o = match self.best(q)? {
                    Outcome::Correct => 'c',
                    Outcome::Partial => 'p',
                    Outcome::Incorrect => 'w',
                };
                Some(format!("{}{o}", tag(course.question(q).id)))
            })
            .collect();
        if !qs.is_empty() {
            out.push_str(";q=");
            out.push_str(&qs);
        }
        let es: String = course
            .scenario_ids()
            .flat_map(|s| {
                let sc = course.scenario(s);
                self.endings(s)
                    .iter()
                    .map(move |n| format!("{}{}", tag(sc.id), tag(sc.node(*n).id)))
            })
            .collect();
        if !es.is_empty() {
            out.push_str(";e=");
            out.push_str(&es);
        }
        out
    }

    /// Reads encoded progress. Entries naming content the course no longer has are skipped.
    pub fn decode(course: &Course, s: &str) -> Result<Progress, DecodeError> {
        let s = s.trim();
        if s.split(';').next() == Some("hsc2") {
            return Self::decode_v2(course, s);
        }
        let mut sections = s.split(';');
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

impl Progress {
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
                            p.set_read(l, true);
                        }
                    }
                }
                "q" => {
                    for t in tokens(5)? {
                        let o = match &t[4..] {
                            "c" => Outcome::Correct,
                            "p" => Outcome::Partial,
                            "w" => Outcome::Incorrect,
                            _ => return Err(malformed(sec)),
                        };
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
}

/// A content id's short tag in stored progress: FNV-1a of the id, as four base-36 characters.
pub fn tag(id: &str) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let h = id.bytes().fold(0x811c_9dc5u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let mut n = h % (36 * 36 * 36 * 36);
    let mut out = [b'0'; 4];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(n % 36) as usize];
        n /= 36;
    }
    out.iter().map(|&b| char::from(b)).collect()
}
