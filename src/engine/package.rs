//! A SCORM package's settings: which SCORM version the package is for, which units it holds, its
//! pass mark and quiz mode.
//!
//! The packager writes them into the package's `index.html` as
//! `<meta name="hsc-package" content="scorm=1.2; units=all; pass=70; mode=deferred">`, and the
//! module reads them back at start with [`Package::parse`]. Without that tag the module is a plain
//! web page and never looks for an LMS. Both sides use this one type, so what the packager writes
//! is what the module understands (`writes_what_it_reads` below).

use crate::model::{Course, QuizId, QuizMode, UnitId};

/// The name of the `<meta>` tag that carries a package's settings.
pub const META_NAME: &str = "hsc-package";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScormVersion {
    /// SCORM 1.2: the `API` object, `cmi.core.*`. Moodle plays only this one.
    V12,
    /// SCORM 2004 4th edition: the `API_1484_11` object, `cmi.*`.
    V2004,
}

impl ScormVersion {
    pub fn label(self) -> &'static str {
        match self {
            ScormVersion::V12 => "1.2",
            ScormVersion::V2004 => "2004",
        }
    }
    /// The suffix of the package's file name: `scorm12` or `scorm2004`.
    pub fn file_suffix(self) -> &'static str {
        match self {
            ScormVersion::V12 => "scorm12",
            ScormVersion::V2004 => "scorm2004",
        }
    }
}

/// What a SCORM package holds and how it is marked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    pub version: ScormVersion,
    /// The units in the package, in course order; never empty.
    pub units: Vec<UnitId>,
    /// The pass mark in percent, or `None` for a package that is completed but not passed or
    /// failed.
    pub pass: Option<u8>,
    /// The quiz mode for every quiz in the package, or `None` for each quiz's own.
    pub mode: Option<QuizMode>,
}

impl Package {
    /// A package of `units` (course order is restored, duplicates dropped) with the default pass
    /// mark: the highest of the included quizzes' own pass marks.
    pub fn new(course: &Course, version: ScormVersion, units: &[UnitId]) -> Package {
        let units: Vec<UnitId> = course.unit_ids().filter(|u| units.contains(u)).collect();
        let pass = units
            .iter()
            .map(|&u| course.quiz(course.unit(u).quiz).pass)
            .max();
        Package {
            version,
            units,
            pass,
            mode: None,
        }
    }

    /// Whether the package holds every unit of the course.
    pub fn is_whole_course(&self, course: &Course) -> bool {
        self.units.len() == course.units.len()
    }

    pub fn has_unit(&self, unit: UnitId) -> bool {
        self.units.contains(&unit)
    }

    /// The package's quizzes, in course order.
    pub fn quizzes<'a>(&'a self, course: &'a Course) -> impl Iterator<Item = QuizId> + 'a {
        self.units.iter().map(move |&u| course.unit(u).quiz)
    }

    /// A short name for the package's units, for file names and storage keys: `all`, or the unit
    /// ids joined by `+`.
    pub fn units_label(&self, course: &Course) -> String {
        if self.is_whole_course(course) {
            "all".to_string()
        } else {
            let ids: Vec<&str> = self.units.iter().map(|&u| course.unit(u).id).collect();
            ids.join("+")
        }
    }

    /// The settings as the packager writes them into the `<meta>` tag.
    pub fn to_meta_content(&self, course: &Course) -> String {
        let units = if self.is_whole_course(course) {
            "all".to_string()
        } else {
            let ids: Vec<&str> = self.units.iter().map(|&u| course.unit(u).id).collect();
            ids.join(",")
        };
        let pass = match self.pass {
            Some(p) => p.to_string(),
            None => "none".to_string(),
        };
        let mut text = format!("scorm={}; units={units}; pass={pass}", self.version.label());
        if let Some(mode) = self.mode {
            text.push_str("; mode=");
            text.push_str(mode_name(mode));
        }
        text
    }

    /// Reads the `<meta>` tag's content. Every setting is checked; an unknown one, a unit the
    /// course does not have or a pass mark over 100 is an error that says what is wrong.
    pub fn parse(course: &Course, text: &str) -> Result<Package, String> {
        let mut version = None;
        let mut units: Option<Vec<UnitId>> = None;
        let mut pass: Option<Option<u8>> = None;
        let mut mode = None;
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((key, value)) = part.split_once('=') else {
                return Err(format!("\"{part}\" is not a setting (expected name=value)"));
            };
            let value = value.trim();
            match key.trim() {
                "scorm" => {
                    version = Some(match value {
                        "1.2" => ScormVersion::V12,
                        "2004" => ScormVersion::V2004,
                        _ => {
                            return Err(format!("unknown SCORM version \"{value}\" (1.2 or 2004)"))
                        }
                    })
                }
                "units" => {
                    if value == "all" {
                        units = Some(course.unit_ids().collect());
                    } else {
                        let mut list = Vec::new();
                        for id in value.split(',').map(str::trim) {
                            match course.find_unit(id) {
                                Some(u) => list.push(u),
                                None => return Err(format!("the course has no unit \"{id}\"")),
                            }
                        }
                        units = Some(list);
                    }
                }
                "pass" => {
                    pass = Some(match value {
                        "none" => None,
                        _ => match value.parse::<u8>() {
                            Ok(p) if p <= 100 => Some(p),
                            _ => {
                                return Err(format!(
                                "pass mark \"{value}\" is not a whole number from 0 to 100 or none"
                            ))
                            }
                        },
                    })
                }
                "mode" => {
                    mode = Some(match value {
                        "immediate" => QuizMode::Immediate,
                        "deferred" => QuizMode::Deferred,
                        _ => {
                            return Err(format!(
                                "unknown quiz mode \"{value}\" (immediate or deferred)"
                            ))
                        }
                    })
                }
                other => return Err(format!("unknown setting \"{other}\"")),
            }
        }
        let version = version.ok_or("no SCORM version (scorm=1.2 or scorm=2004)")?;
        let units = units.ok_or("no units (units=all or unit ids)")?;
        if units.is_empty() {
            return Err("no units".into());
        }
        let mut package = Package::new(course, version, &units);
        if let Some(pass) = pass {
            package.pass = pass;
        }
        package.mode = mode;
        Ok(package)
    }
}

fn mode_name(mode: QuizMode) -> &'static str {
    match mode {
        QuizMode::Immediate => "immediate",
        QuizMode::Deferred => "deferred",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::course::COURSE;

    #[test]
    fn writes_what_it_reads() {
        let all: Vec<UnitId> = COURSE.unit_ids().collect();
        let mut whole = Package::new(&COURSE, ScormVersion::V12, &all);
        assert_eq!(whole.units_label(&COURSE), "all");
        whole.mode = Some(QuizMode::Deferred);
        let text = whole.to_meta_content(&COURSE);
        assert_eq!(Package::parse(&COURSE, &text), Ok(whole));

        let mut one = Package::new(&COURSE, ScormVersion::V2004, &all[1..3]);
        one.pass = None;
        let text = one.to_meta_content(&COURSE);
        assert_eq!(Package::parse(&COURSE, &text), Ok(one));
    }

    #[test]
    fn reads_settings_in_any_order_and_restores_course_order() {
        let p = Package::parse(&COURSE, " pass=55 ;units=history, meaning; scorm=2004").unwrap();
        assert_eq!(p.version, ScormVersion::V2004);
        assert_eq!(p.pass, Some(55));
        assert_eq!(p.mode, None);
        let ids: Vec<&str> = p.units.iter().map(|&u| COURSE.unit(u).id).collect();
        assert_eq!(ids, ["meaning", "history"]);
        assert_eq!(p.units_label(&COURSE), "meaning+history");
    }

    #[test]
    fn the_default_pass_mark_is_the_highest_of_the_quizzes() {
        let p = Package::parse(&COURSE, "scorm=1.2; units=all").unwrap();
        let highest = COURSE.quizzes.iter().map(|q| q.pass).max();
        assert_eq!(p.pass, highest);
    }

    #[test]
    fn says_what_is_wrong() {
        for (text, needle) in [
            ("units=all", "no SCORM version"),
            ("scorm=1.3; units=all", "1.3"),
            ("scorm=1.2", "no units"),
            ("scorm=1.2; units=nowhere", "nowhere"),
            ("scorm=1.2; units=all; pass=101", "101"),
            ("scorm=1.2; units=all; pass=-1", "-1"),
            ("scorm=1.2; units=all; mode=later", "later"),
            ("scorm=1.2; units=all; colour=red", "colour"),
            ("scorm=1.2; units", "not a setting"),
        ] {
            let err = Package::parse(&COURSE, text).unwrap_err();
            assert!(err.contains(needle), "{text}: {err}");
        }
    }
}
