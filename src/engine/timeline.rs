//! Filtering the course timeline: by unit, by decade and by words.

use super::text::plain;
use crate::model::{normalise_answer, Course, EventId, UnitId};

/// What a learner has asked the timeline to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub unit: Option<UnitId>,
    /// The first year of a decade, e.g. 1990.
    pub decade: Option<u16>,
    /// Words that must all appear (ignoring case and punctuation) in the title or text.
    pub words: String,
}

/// The events the filter lets through, in date order.
pub fn filter(course: &Course, f: &Filter) -> Vec<EventId> {
    let wanted: Vec<String> = normalise_answer(&f.words)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect();
    course
        .event_ids()
        .filter(|&id| {
            let e = course.event(id);
            let in_unit = f.unit.is_none_or(|u| e.unit == u);
            let in_decade = f.decade.is_none_or(|d| e.year / 10 * 10 == d);
            in_unit && in_decade && {
                let hay =
                    normalise_answer(&format!("{} {} {}", e.title, plain(course, e.text), e.year));
                wanted
                    .iter()
                    .all(|w| hay.split(' ').any(|h| h.starts_with(w.as_str())))
            }
        })
        .collect()
}

/// The decades the timeline covers, earliest first.
pub fn decades(course: &Course) -> Vec<u16> {
    let mut d: Vec<u16> = course.events.iter().map(|e| e.year / 10 * 10).collect();
    d.dedup();
    d
}
