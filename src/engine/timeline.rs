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
            // No words asked for: nothing to search (the text is not even built).
            in_unit
                && in_decade
                && (wanted.is_empty() || {
                    let hay = normalise_answer(&format!(
                        "{} {} {}",
                        e.title,
                        plain(course, e.text),
                        e.year
                    ));
                    wanted
                        .iter()
                        .all(|w| hay.split(' ').any(|h| h.starts_with(w.as_str())))
                })
        })
        .collect()
}

/// The decades the timeline covers, earliest first.
pub fn decades(course: &Course) -> Vec<u16> {
    let mut d: Vec<u16> = course.events.iter().map(|e| e.year / 10 * 10).collect();
    d.dedup();
    d
}

#[cfg(test)]
mod tests {
    use super::{decades, filter, Filter};
    use crate::engine::fixture::course;

    fn ids(f: &Filter) -> Vec<&'static str> {
        filter(course(), f)
            .into_iter()
            .map(|e| course().event(e).id)
            .collect()
    }

    #[test]
    fn filters_by_unit_decade_and_words() {
        assert_eq!(ids(&Filter::default()), vec!["duty", "pools", "talk"]);
        assert_eq!(
            ids(&Filter {
                decade: Some(1990),
                ..Filter::default()
            }),
            vec!["pools"]
        );
        assert_eq!(
            ids(&Filter {
                words: "POOL".into(),
                ..Filter::default()
            }),
            vec!["pools"],
            "word starts, any case"
        );
        assert_eq!(
            ids(&Filter {
                words: "health work".into(),
                ..Filter::default()
            }),
            vec!["duty"],
            "all words, title or text"
        );
        assert_eq!(
            ids(&Filter {
                words: "2019".into(),
                ..Filter::default()
            }),
            vec!["talk"],
            "the year is searchable"
        );
        assert_eq!(
            ids(&Filter {
                words: "ool".into(),
                ..Filter::default()
            }),
            Vec::<&str>::new(),
            "not mid-word"
        );
        assert_eq!(
            ids(&Filter {
                unit: Some(course().unit_ids().next().expect("unit")),
                decade: Some(2010),
                words: String::new()
            }),
            vec!["talk"]
        );
        assert_eq!(decades(course()), vec![1970, 1990, 2010]);
    }

    #[test]
    fn dates_read_as_words_and_as_iso() {
        let d: Vec<(String, String)> = course()
            .events
            .iter()
            .map(|e| (e.date_words(), e.date_iso()))
            .collect();
        assert_eq!(
            d,
            vec![
                ("April 1974".to_string(), "1974-04".to_string()),
                ("1999".to_string(), "1999".to_string()),
                ("13 September 2019".to_string(), "2019-09-13".to_string()),
            ]
        );
    }
}
