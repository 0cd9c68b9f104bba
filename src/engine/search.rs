//! Search across the lessons, the glossary, the timeline and the questions' prompts.
//!
//! [`Index::new`] flattens the course to plain text once; [`Index::find`] then scans it for each
//! query: every word of the query (two letters or more, case ignored) must appear in an entry's
//! title or text. Results come grouped by unit in course order, then the glossary, with an entry's
//! title matches first, and each with a snippet around its first match. When there are more than
//! [`SHOWN`], those whose titles match are the ones kept. Only ASCII letters are
//! folded to lower case, so positions in the folded text are positions in the original.

use super::order::sort_by;
use super::text::{each_lesson_run, plain};
use crate::model::is_word_char;
use crate::model::{Course, EventId, LessonId, QuestionId, Rich, TermId, UnitId};

/// Where a result leads. A question is found by id; the page it is on depends on the learner's
/// question order, which the view knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Lesson(LessonId),
    Term(TermId),
    Event(EventId),
    Question(QuestionId),
}

struct Entry {
    place: Place,
    /// `None` for the glossary, which belongs to no unit.
    unit: Option<UnitId>,
    title: String,
    title_lc: String,
    text: String,
    text_lc: String,
}

/// The course's searchable text, built once.
pub struct Index {
    entries: Vec<Entry>,
}

/// One result: where it leads, its title, and the text around the first match, split so that a
/// view can mark the match.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub place: Place,
    pub title: String,
    pub before: String,
    pub matched: String,
    pub after: String,
}

/// Results under one heading: a unit's, or the glossary's (`unit: None`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub unit: Option<UnitId>,
    pub hits: Vec<Hit>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Results {
    pub groups: Vec<Group>,
    /// Every matching entry, including any beyond [`SHOWN`].
    pub total: usize,
    /// The words searched for, as understood (folded, two letters or more).
    pub words: Vec<String>,
}

/// At most this many results are listed (a longer list costs more to lay out at each keystroke than
/// the 50 ms a keystroke may take on a slow phone); the count says how many there are in all.
pub const SHOWN: usize = 20;

/// Characters of context before and after a match in a snippet (about).
const BEFORE: usize = 50;
const AFTER: usize = 110;

/// The words of a query: split at anything but letters and digits, folded, two characters or more.
pub fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = query
        .split(|c: char| !is_word_char(c))
        .filter(|w| w.chars().count() >= 2)
        .map(|w| w.to_ascii_lowercase())
        .collect();
    out.dedup();
    out
}

fn push_rich(course: &Course, r: Rich, out: &mut String) {
    if !out.is_empty() {
        out.push(' ');
    }
    out.push_str(&plain(course, r));
}

fn lesson_text(course: &Course, id: LessonId) -> String {
    let mut out = String::new();
    each_lesson_run(course, id, |r| push_rich(course, r, &mut out));
    out
}

/// The largest char boundary at or below `i`, and the smallest at or above it.
fn floor(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}
fn ceil(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Index {
    pub fn new(course: &Course) -> Index {
        let mut entries = Vec::new();
        let mut add = |place, unit, title: String, text: String| {
            entries.push(Entry {
                place,
                unit,
                // A question's title only says which quiz it is in: its prompt is what is searched.
                title_lc: match place {
                    Place::Question(_) => String::new(),
                    _ => title.to_ascii_lowercase(),
                },
                title,
                text_lc: text.to_ascii_lowercase(),
                text,
            })
        };
        for l in course.lesson_ids() {
            let lesson = course.lesson(l);
            add(
                Place::Lesson(l),
                Some(lesson.unit),
                format!("Lesson: {}", lesson.title),
                lesson_text(course, l),
            );
        }
        for e in course.event_ids() {
            let event = course.event(e);
            add(
                Place::Event(e),
                Some(event.unit),
                format!("Timeline, {}: {}", event.date_words(), event.title),
                plain(course, event.text),
            );
        }
        for q in course.quiz_ids() {
            let quiz = course.quiz(q);
            for &id in quiz.questions {
                add(
                    Place::Question(id),
                    Some(quiz.unit),
                    format!("Question in \u{201c}{}\u{201d}", quiz.title),
                    plain(course, course.question(id).prompt),
                );
            }
        }
        for t in course.term_ids() {
            let term = course.term(t);
            add(
                Place::Term(t),
                None,
                term.name.to_string(),
                plain(course, term.definition),
            );
        }
        Index { entries }
    }

    /// The entries that hold every word of `query`, grouped and ordered (see the module's doc).
    pub fn find(&self, course: &Course, query: &str) -> Results {
        let words = words(query);
        if words.is_empty() {
            return Results::default();
        }
        // (group key, title matches, entry): units in order, then the glossary.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (i, e) in self.entries.iter().enumerate() {
            let mut in_title = 0;
            let all = words.iter().all(|w| {
                if e.title_lc.contains(w.as_str()) {
                    in_title += 1;
                    true
                } else {
                    e.text_lc.contains(w.as_str())
                }
            });
            if all {
                let group = e.unit.map_or(course.units.len(), |u| u.index());
                found.push((group, usize::MAX - in_title, i));
            }
        }
        // Those listed: title matches first (a term's own entry before every use of it), then
        // grouped in course order.
        // Among title matches, the shorter title is the more exact one (a term named by the words).
        let rank = |&(group, title, i): &(usize, usize, usize)| {
            let exact = if title < usize::MAX {
                self.entries[i].title.len()
            } else {
                0
            };
            (title, exact, group, i)
        };
        sort_by(&mut found, |a, b| rank(a) < rank(b));
        let total = found.len();
        found.truncate(SHOWN);
        sort_by(&mut found, |a, b| a < b);
        let mut groups: Vec<Group> = Vec::new();
        for &(_, _, i) in &found {
            let e = &self.entries[i];
            let hit = self.hit(e, &words);
            match groups.last_mut() {
                Some(g) if g.unit == e.unit => g.hits.push(hit),
                _ => groups.push(Group {
                    unit: e.unit,
                    hits: vec![hit],
                }),
            }
        }
        Results {
            groups,
            total,
            words,
        }
    }

    /// The snippet: the text around the first word found in the text (or the text's start when
    /// only the title matched).
    fn hit(&self, e: &Entry, words: &[String]) -> Hit {
        let first = words
            .iter()
            .filter_map(|w| e.text_lc.find(w.as_str()).map(|at| (at, w.len())))
            .min();
        let t = &e.text;
        let (before, matched, after) = match first {
            Some((at, len)) => {
                let start = floor(t, at.saturating_sub(BEFORE));
                // Start at a word's beginning.
                let start = if start == 0 {
                    0
                } else {
                    t[start..at].find(' ').map_or(start, |s| start + s + 1)
                };
                let end = ceil(t, at + len);
                let stop = ceil(t, end + AFTER);
                let stop = if stop >= t.len() {
                    t.len()
                } else {
                    t[end..stop].rfind(' ').map_or(stop, |s| end + s)
                };
                let lead = if start > 0 { "\u{2026}" } else { "" };
                let tail = if stop < t.len() { "\u{2026}" } else { "" };
                (
                    format!("{lead}{}", &t[start..at]),
                    t[at..end].to_string(),
                    format!("{}{tail}", &t[end..stop]),
                )
            }
            None => {
                let stop = ceil(t, BEFORE + AFTER);
                let stop = if stop >= t.len() {
                    t.len()
                } else {
                    t[..stop].rfind(' ').unwrap_or(stop)
                };
                let tail = if stop < t.len() { "\u{2026}" } else { "" };
                (
                    String::new(),
                    String::new(),
                    format!("{}{tail}", &t[..stop]),
                )
            }
        };
        Hit {
            place: e.place,
            title: e.title.clone(),
            before,
            matched,
            after,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::course;

    #[test]
    fn query_words_are_folded_and_short_ones_dropped() {
        assert_eq!(
            words("  The NHS, a Care-Act!"),
            ["the", "nhs", "care", "act"]
        );
        assert!(words("a . ?").is_empty());
    }

    #[test]
    fn every_word_must_appear_and_results_keep_unit_order() {
        let c = course();
        let index = Index::new(c);
        assert_eq!(index.find(c, "").total, 0);
        assert_eq!(index.find(c, "zzqxj").total, 0);
        // Any word of the first term's name finds that term, in the glossary's group, last.
        let term = c.term(TermId(0));
        let word = words(term.name)
            .into_iter()
            .max_by_key(|w| w.len())
            .unwrap();
        let r = index.find(c, &word);
        assert!(r.total >= 1);
        let glossary = r.groups.last().unwrap();
        assert_eq!(glossary.unit, None);
        assert!(glossary
            .hits
            .iter()
            .any(|h| h.place == Place::Term(TermId(0))));
        let units: Vec<usize> = r
            .groups
            .iter()
            .filter_map(|g| g.unit.map(|u| u.index()))
            .collect();
        assert!(units.windows(2).all(|w| w[0] < w[1]), "{units:?}");
        // A word the text has plus one it lacks: nothing.
        assert_eq!(index.find(c, &format!("{word} zzqxj")).total, 0);
    }

    #[test]
    fn a_snippet_holds_the_match_in_its_own_case() {
        // The real course: the test course's lessons are too short to need a snippet.
        let c: &Course = &crate::course::COURSE;
        let index = Index::new(c);
        let lesson = c.lesson(LessonId(0));
        let text = lesson_text(c, LessonId(0));
        // The last long word of the lesson's text, searched in capitals.
        let word = text
            .split(' ')
            .map(|w| w.trim_matches(|ch: char| !ch.is_alphanumeric()))
            .rfind(|w| w.len() >= 4 && w.is_ascii())
            .unwrap();
        let r = index.find(c, &word.to_ascii_uppercase());
        let hit = r
            .groups
            .iter()
            .flat_map(|g| &g.hits)
            .find(|h| h.place == Place::Lesson(LessonId(0)))
            .unwrap();
        assert_eq!(hit.title, format!("Lesson: {}", lesson.title));
        assert_eq!(hit.matched.to_ascii_lowercase(), word.to_ascii_lowercase());
        assert!(hit.before.starts_with('\u{2026}') || text.starts_with(&hit.before));
        let snippet = format!("{}{}{}", hit.before, hit.matched, hit.after);
        assert!(snippet.trim_matches('\u{2026}').len() <= BEFORE + AFTER + word.len() + 2);
        assert!(text.contains(snippet.trim_matches('\u{2026}')), "{snippet}");
    }

    #[test]
    fn a_capped_list_keeps_the_title_matches() {
        let c: &Course = &crate::course::COURSE;
        let index = Index::new(c);
        // "care" is in nearly everything; the terms named with it must still be listed.
        let r = index.find(c, "care");
        assert!(r.total > SHOWN, "{}", r.total);
        let listed: usize = r.groups.iter().map(|g| g.hits.len()).sum();
        assert_eq!(listed, SHOWN);
        let named = c
            .term_ids()
            .filter(|&t| c.term(t).name.to_ascii_lowercase().contains("care"))
            .count();
        assert!(named > 0);
        let glossary = r
            .groups
            .iter()
            .find(|g| g.unit.is_none())
            .map_or(0, |g| g.hits.len());
        assert!(glossary >= named.min(SHOWN), "{glossary} of {named}");
    }

    #[test]
    fn title_matches_come_first_within_a_group() {
        let c = course();
        let index = Index::new(c);
        let r = index.find(c, "lesson");
        for g in &r.groups {
            let lc: Vec<bool> = g
                .hits
                .iter()
                .map(|h| h.title.to_ascii_lowercase().contains("lesson"))
                .collect();
            assert!(lc.windows(2).all(|w| w[0] >= w[1]), "{lc:?}");
        }
    }
}
