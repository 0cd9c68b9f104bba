//! Reading progress saved by versions 1 and 2 of the module (lessons read, best results and
//! endings only), so that old progress and progress codes still load.

use super::{tag, DecodeError, Progress};
use crate::engine::grade::Outcome;
use crate::model::Course;

impl Progress {
    /// Version 2: four-character tags, best results only.
    pub(super) fn decode_v2(course: &Course, s: &str) -> Result<Progress, DecodeError> {
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
    pub(super) fn decode_v1(course: &Course, s: &str) -> Result<Progress, DecodeError> {
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
