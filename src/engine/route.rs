//! Hash routes (`#/unit/meaning`): parsed from the address bar, written into links.
//!
//! Routes hold typed ids; the only string lookups happen here, on text that came from a URL.

use crate::model::{Course, LessonId, QuizId, ScenarioId, SourceId, TermId, UnitId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Home,
    Unit(UnitId),
    Lesson(LessonId),
    /// A quiz's overview.
    Quiz(QuizId),
    /// One question of a quiz, by position (0-based; shown 1-based).
    Question(QuizId, u16),
    Results(QuizId),
    /// A finished quiz, read-only: every answer with its feedback.
    Review(QuizId),
    Scenario(ScenarioId),
    /// Where progress is kept: the progress code, file, and reset.
    Progress,
    /// The learner's record: everything done, with dates, to print or download.
    Record,
    /// "Practise what I missed".
    Practice,
    Glossary,
    Term(TermId),
    Timeline,
    Sources,
    Source(SourceId),
    /// For lecturers: embedding, downloads, and each unit's outcomes, prompts and answers.
    Lecturers,
    /// Text size, spacing, font and theme.
    Display,
    /// Search across lessons, glossary, timeline and questions.
    Search,
    NotFound,
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(course: &Course, hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let path = path.split(['?', '#']).next().unwrap_or("");
        let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
        let r = match parts.as_slice() {
            [] => Some(Route::Home),
            ["unit", id] => course.find_unit(id).map(Route::Unit),
            ["lesson", id] => course.find_lesson(id).map(Route::Lesson),
            ["quiz", id] => course.find_quiz(id).map(Route::Quiz),
            ["quiz", id, "results"] => course.find_quiz(id).map(Route::Results),
            ["quiz", id, "review"] => course.find_quiz(id).map(Route::Review),
            ["progress"] => Some(Route::Progress),
            ["record"] => Some(Route::Record),
            ["practice"] => Some(Route::Practice),
            ["quiz", id, n] => course.find_quiz(id).and_then(|q| {
                let n: u16 = n.parse().ok()?;
                let len = course.quiz(q).questions.len() as u16;
                (1..=len).contains(&n).then(|| Route::Question(q, n - 1))
            }),
            ["scenario", id] => course.find_scenario(id).map(Route::Scenario),
            ["glossary"] => Some(Route::Glossary),
            ["timeline"] => Some(Route::Timeline),
            ["glossary", id] => course.find_term(id).map(Route::Term),
            ["sources"] => Some(Route::Sources),
            ["sources", id] => course.find_source(id).map(Route::Source),
            ["lecturers"] => Some(Route::Lecturers),
            ["display"] => Some(Route::Display),
            ["search"] => Some(Route::Search),
            _ => None,
        };
        r.unwrap_or(Route::NotFound)
    }

    /// A lecturer's mode override in a quiz link: `#/quiz/ID?mode=deferred` (or `immediate`).
    pub fn mode_param(course: &Course, hash: &str) -> Option<(QuizId, crate::model::QuizMode)> {
        let quiz = match Route::parse(course, hash) {
            Route::Quiz(q) | Route::Question(q, _) | Route::Results(q) => q,
            _ => return None,
        };
        let query = hash.split_once('?')?.1;
        let mode = query.split('&').find_map(|kv| match kv {
            "mode=immediate" => Some(crate::model::QuizMode::Immediate),
            "mode=deferred" => Some(crate::model::QuizMode::Deferred),
            _ => None,
        })?;
        Some((quiz, mode))
    }

    /// The `#/…` address of the route.
    pub fn href(self, course: &Course) -> String {
        match self {
            Route::Home => "#/".into(),
            Route::Unit(u) => format!("#/unit/{}", course.unit(u).id),
            Route::Lesson(l) => format!("#/lesson/{}", course.lesson(l).id),
            Route::Quiz(q) => format!("#/quiz/{}", course.quiz(q).id),
            Route::Question(q, n) => format!("#/quiz/{}/{}", course.quiz(q).id, n + 1),
            Route::Results(q) => format!("#/quiz/{}/results", course.quiz(q).id),
            Route::Review(q) => format!("#/quiz/{}/review", course.quiz(q).id),
            Route::Progress => "#/progress".into(),
            Route::Record => "#/record".into(),
            Route::Practice => "#/practice".into(),
            Route::Scenario(s) => format!("#/scenario/{}", course.scenario(s).id),
            Route::Glossary => "#/glossary".into(),
            Route::Timeline => "#/timeline".into(),
            Route::Term(t) => format!("#/glossary/{}", course.term(t).id),
            Route::Sources => "#/sources".into(),
            Route::Source(s) => format!("#/sources/{}", course.source(s).id),
            Route::Lecturers => "#/lecturers".into(),
            Route::Display => "#/display".into(),
            Route::Search => "#/search".into(),
            Route::NotFound => "#/".into(),
        }
    }

    /// The view's title, used for the main heading's context and the document title.
    pub fn title(self, course: &Course) -> String {
        match self {
            Route::Home => "Course home".into(),
            // Numbered, and the lesson said to be one: a lesson is often titled as its unit is,
            // and every page needs a title of its own (WCAG 2.4.2).
            Route::Unit(u) => format!("Unit {}: {}", u.index() + 1, course.unit(u).title),
            Route::Lesson(l) => {
                let lesson = course.lesson(l);
                format!("Lesson {}: {}", lesson.unit.index() + 1, lesson.title)
            }
            Route::Quiz(q) => course.quiz(q).title.into(),
            Route::Question(q, n) => {
                format!(
                    "Question {} of {}: {}",
                    n + 1,
                    course.quiz(q).questions.len(),
                    course.quiz(q).title
                )
            }
            Route::Results(q) => format!("Results: {}", course.quiz(q).title),
            Route::Review(q) => format!("Review: {}", course.quiz(q).title),
            Route::Progress => "Your progress".into(),
            Route::Record => "Your learning record".into(),
            Route::Practice => "Practise what you missed".into(),
            Route::Scenario(s) => course.scenario(s).title.into(),
            Route::Glossary => "Glossary".into(),
            Route::Timeline => "Timeline".into(),
            Route::Term(t) => format!("{} (glossary)", course.term(t).name),
            Route::Sources => "Sources".into(),
            Route::Source(s) => format!("{} (sources)", course.source(s).short),
            Route::Lecturers => "For lecturers".into(),
            Route::Display => "Display settings".into(),
            Route::Search => "Search the course".into(),
            Route::NotFound => "Page not found".into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use crate::engine::fixture::course;
    use crate::model::*;

    #[test]
    fn routes_parse_and_print() {
        let cases = [
            ("", Route::Home),
            ("#/", Route::Home),
            ("#/unit/unit", Route::Unit(UnitId(0))),
            ("#/lesson/lesson", Route::Lesson(LessonId(0))),
            ("#/quiz/quiz", Route::Quiz(QuizId(0))),
            ("#/quiz/quiz/3", Route::Question(QuizId(0), 2)),
            ("#/quiz/quiz/results", Route::Results(QuizId(0))),
            ("#/scenario/scen", Route::Scenario(ScenarioId(0))),
            ("#/glossary", Route::Glossary),
            ("#/glossary/term", Route::Term(TermId(0))),
            ("#/sources", Route::Sources),
            ("#/sources/src", Route::Source(SourceId(0))),
            ("#/lecturers", Route::Lecturers),
            ("#/display", Route::Display),
            ("#/search", Route::Search),
        ];
        for (hash, route) in cases {
            assert_eq!(Route::parse(course(), hash), route, "{hash}");
            if !hash.is_empty() && hash != "#/" {
                assert_eq!(route.href(course()), hash);
            }
        }
        for bad in [
            "#/unit/nope",
            "#/quiz/quiz/0",
            "#/quiz/quiz/4",
            "#/quiz/quiz/x",
            "#/what",
            "#/unit/unit/extra",
        ] {
            assert_eq!(Route::parse(course(), bad), Route::NotFound, "{bad}");
        }
    }
}
