//! How a page shows the course, from its address's query (`?embed&units=meaning,history&mode=deferred&pass=60`)
//! or from a SCORM package: embedded (compact header, no footer), which units, one quiz mode, one
//! pass mark. A lecturer writes these into an iframe's address; a wrong value is ignored and
//! named in `problems`, so the module still opens.

use super::package::Package;
use crate::model::{Course, QuizId, QuizMode, UnitId};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    /// Shown inside another page: a compact header and no footer.
    pub embed: bool,
    /// The units shown on the home page, in course order; `None` for all.
    pub units: Option<Vec<UnitId>>,
    /// One mode for every quiz shown, or `None` for each quiz's own.
    pub mode: Option<QuizMode>,
    /// One pass mark for every quiz, or `None` for each quiz's own.
    pub pass: Option<u8>,
    /// Settings in the address that were not understood, in words.
    pub problems: Vec<String>,
}

impl Settings {
    /// Reads the query part of an address (with or without its `?`).
    pub fn from_query(course: &Course, query: &str) -> Settings {
        let mut s = Settings::default();
        let query = query.strip_prefix('?').unwrap_or(query);
        for part in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part.split_once('=').unwrap_or((part, ""));
            match key {
                "embed" => s.embed = !matches!(value, "0" | "false" | "no"),
                "units" => {
                    let mut units = Vec::new();
                    for id in value.split(',').filter(|id| !id.is_empty()) {
                        match course.find_unit(id) {
                            Some(u) => units.push(u),
                            None => s.problems.push(format!("no unit \"{id}\"")),
                        }
                    }
                    if !units.is_empty() {
                        s.units = Some(course.unit_ids().filter(|u| units.contains(u)).collect());
                    }
                }
                "mode" => match value {
                    "immediate" => s.mode = Some(QuizMode::Immediate),
                    "deferred" => s.mode = Some(QuizMode::Deferred),
                    _ => s.problems.push(format!("no quiz mode \"{value}\"")),
                },
                "pass" => match value.parse::<u8>() {
                    Ok(p) if p <= 100 => s.pass = Some(p),
                    _ => s
                        .problems
                        .push(format!("pass mark \"{value}\" is not 0 to 100")),
                },
                // Other parameters belong to whoever wrote the address (a VLE's own, say).
                _ => {}
            }
        }
        s
    }

    /// A SCORM package's settings: its units, mode and pass mark, over the address's.
    pub fn with_package(mut self, package: &Package) -> Settings {
        self.units = Some(package.units.clone());
        self.mode = package.mode.or(self.mode);
        if let Some(p) = package.pass {
            self.pass = Some(p);
        }
        self
    }

    pub fn shows(&self, unit: UnitId) -> bool {
        self.units.as_ref().is_none_or(|u| u.contains(&unit))
    }

    /// The quizzes whose mode the settings set.
    pub fn quizzes<'a>(&'a self, course: &'a Course) -> impl Iterator<Item = QuizId> + 'a {
        course
            .unit_ids()
            .filter(|u| self.shows(*u))
            .map(|u| course.unit(u).quiz)
    }

    /// The address's query for these settings (the lecturers' page builds links with it).
    pub fn to_query(&self, course: &Course) -> String {
        let mut parts = Vec::new();
        if self.embed {
            parts.push("embed".to_string());
        }
        if let Some(units) = &self.units {
            let ids: Vec<&str> = units.iter().map(|&u| course.unit(u).id).collect();
            parts.push(format!("units={}", ids.join(",")));
        }
        match self.mode {
            Some(QuizMode::Immediate) => parts.push("mode=immediate".into()),
            Some(QuizMode::Deferred) => parts.push("mode=deferred".into()),
            None => {}
        }
        if let Some(p) = self.pass {
            parts.push(format!("pass={p}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;

    #[test]
    fn reads_an_embed_address_and_writes_it_back() {
        let s = Settings::from_query(
            &COURSE,
            "?embed&units=history,meaning&mode=deferred&pass=60&lang=en",
        );
        assert!(s.embed);
        let ids: Vec<&str> = s
            .units
            .iter()
            .flatten()
            .map(|&u| COURSE.unit(u).id)
            .collect();
        assert_eq!(ids, ["meaning", "history"], "course order");
        assert_eq!((s.mode, s.pass), (Some(QuizMode::Deferred), Some(60)));
        assert!(s.problems.is_empty());
        assert_eq!(
            s.to_query(&COURSE),
            "?embed&units=meaning,history&mode=deferred&pass=60"
        );
        assert_eq!(Settings::from_query(&COURSE, &s.to_query(&COURSE)), s);
        assert_eq!(s.quizzes(&COURSE).count(), 2);
    }

    #[test]
    fn nothing_set_shows_everything() {
        let s = Settings::from_query(&COURSE, "");
        assert_eq!(s, Settings::default());
        assert!(COURSE.unit_ids().all(|u| s.shows(u)));
        assert_eq!(s.to_query(&COURSE), "");
        assert!(!Settings::from_query(&COURSE, "embed=0").embed);
    }

    #[test]
    fn wrong_values_are_ignored_and_named() {
        let s = Settings::from_query(&COURSE, "units=nowhere&mode=later&pass=101");
        assert_eq!((s.units.clone(), s.mode, s.pass), (None, None, None));
        assert_eq!(s.problems.len(), 3, "{:?}", s.problems);
    }
}
