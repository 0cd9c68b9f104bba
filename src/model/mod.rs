//! Course types: what the content compiler produces and the app reads.
//!
//! Everything is `'static`: the compiler emits the course as Rust data (`course::COURSE`), so the
//! app starts with no parsing at all. References between items are typed indices ([`UnitId`],
//! [`SourceId`], ...) that only the compiler creates, so every lookup by id is infallible.
//! This module has no dependencies and is compiled into both the build script and the app.
//!
//! The types are split by subject: [`rich`] text and citations, [`question`] (quizzes and their
//! questions), [`scenario`] (branching scenarios and their conditions) and [`text`] (the string
//! and fixed-point helpers the compiler and the app must agree on). All are re-exported here.

mod question;
mod rich;
mod scenario;
mod text;
pub mod wire;

pub use question::*;
pub use rich::*;
pub use scenario::*;
pub use text::*;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(pub(crate) u16);

        impl $name {
            /// Position of the item in its course table.
            pub fn index(self) -> usize {
                usize::from(self.0)
            }
        }
    };
}

id_type!(
    /// A unit of the course, in teaching order.
    UnitId
);
id_type!(
    /// A lesson.
    LessonId
);
id_type!(
    /// A quiz.
    QuizId
);
id_type!(
    /// A question (course-wide index; every question belongs to one quiz).
    QuestionId
);
id_type!(
    /// A scenario.
    ScenarioId
);
id_type!(
    /// A node of one scenario (index into that scenario's nodes).
    NodeId
);
id_type!(
    /// A variable of one scenario (index into that scenario's variables).
    VarId
);
id_type!(
    /// A source text in the bibliography.
    SourceId
);
id_type!(
    /// A glossary term.
    TermId
);
id_type!(
    /// A dated event on the course timeline (in date order).
    EventId
);
id_type!(
    /// A reflection prompt placed in a lesson (the learner's answer is kept with their progress).
    ReflectionId
);

/// The seed schema version the compiler accepts and the app was built from.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug)]
pub struct Course {
    pub schema: u32,
    pub id: &'static str,
    pub title: &'static str,
    pub units: &'static [Unit],
    pub lessons: &'static [Lesson],
    pub quizzes: &'static [Quiz],
    pub questions: &'static [Question],
    pub scenarios: &'static [Scenario],
    pub sources: &'static [Source],
    pub terms: &'static [Term],
    /// The timeline, in date order.
    pub events: &'static [Event],
    /// Reflection prompts, in course order (lesson by lesson).
    pub reflections: &'static [Reflection],
}

/// A reflection prompt in a lesson.
#[derive(Debug)]
pub struct Reflection {
    pub id: &'static str,
    pub lesson: LessonId,
    pub prompt: Rich,
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A dated event, as precise as its source: a year, a month or a day.
#[derive(Debug)]
pub struct Event {
    pub id: &'static str,
    pub year: u16,
    /// 1-12, or 0 when only the year is known.
    pub month: u8,
    /// 1-31, or 0 when only the month or year is known.
    pub day: u8,
    pub title: &'static str,
    pub text: Rich,
    pub cites: &'static [Citation],
    pub unit: UnitId,
}

impl Event {
    /// "1999", "April 1974", "13 September 2019".
    pub fn date_words(&self) -> String {
        let month = usize::from(self.month)
            .checked_sub(1)
            .and_then(|m| MONTHS.get(m));
        match (self.day, month) {
            (0, None) | (_, None) => self.year.to_string(),
            (0, Some(m)) => format!("{m} {}", self.year),
            (d, Some(m)) => format!("{d} {m} {}", self.year),
        }
    }

    /// The machine-readable date for `<time datetime>`: "1999", "1974-04", "2019-09-13".
    pub fn date_iso(&self) -> String {
        match (self.month, self.day) {
            (0, _) => format!("{:04}", self.year),
            (m, 0) => format!("{:04}-{m:02}", self.year),
            (m, d) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }
}

#[derive(Debug)]
pub struct Unit {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: Rich,
    pub outcomes: &'static [Rich],
    pub lesson: LessonId,
    pub quiz: QuizId,
    pub scenarios: &'static [ScenarioId],
    pub discuss: &'static [Rich],
}

#[derive(Debug)]
pub struct Lesson {
    pub id: &'static str,
    pub unit: UnitId,
    pub title: &'static str,
    pub cites: &'static [Citation],
    pub body: &'static [Block],
    pub words: u32,
}

#[derive(Debug)]
pub struct Source {
    pub id: &'static str,
    /// The label used in citations, e.g. "Glasby 2017".
    pub short: &'static str,
    pub authors: &'static str,
    pub title: &'static str,
    pub venue: &'static str,
    pub year: &'static str,
    pub doi: &'static str,
    pub url: &'static str,
    pub licence: &'static str,
    pub note: &'static str,
}

#[derive(Debug)]
pub struct Term {
    pub id: &'static str,
    pub name: &'static str,
    pub definition: Rich,
    pub cites: &'static [Citation],
    pub see: &'static [TermId],
}

impl Course {
    pub fn unit(&self, id: UnitId) -> &Unit {
        &self.units[id.index()]
    }
    pub fn lesson(&self, id: LessonId) -> &Lesson {
        &self.lessons[id.index()]
    }
    pub fn quiz(&self, id: QuizId) -> &Quiz {
        &self.quizzes[id.index()]
    }
    pub fn question(&self, id: QuestionId) -> &Question {
        &self.questions[id.index()]
    }
    pub fn scenario(&self, id: ScenarioId) -> &Scenario {
        &self.scenarios[id.index()]
    }
    pub fn source(&self, id: SourceId) -> &Source {
        &self.sources[id.index()]
    }
    pub fn term(&self, id: TermId) -> &Term {
        &self.terms[id.index()]
    }

    pub fn unit_ids(&self) -> impl Iterator<Item = UnitId> + '_ {
        (0..self.units.len()).map(|i| UnitId(i as u16))
    }
    pub fn lesson_ids(&self) -> impl Iterator<Item = LessonId> + '_ {
        (0..self.lessons.len()).map(|i| LessonId(i as u16))
    }
    pub fn quiz_ids(&self) -> impl Iterator<Item = QuizId> + '_ {
        (0..self.quizzes.len()).map(|i| QuizId(i as u16))
    }
    pub fn question_ids(&self) -> impl Iterator<Item = QuestionId> + '_ {
        (0..self.questions.len()).map(|i| QuestionId(i as u16))
    }
    pub fn scenario_ids(&self) -> impl Iterator<Item = ScenarioId> + '_ {
        (0..self.scenarios.len()).map(|i| ScenarioId(i as u16))
    }
    pub fn source_ids(&self) -> impl Iterator<Item = SourceId> + '_ {
        (0..self.sources.len()).map(|i| SourceId(i as u16))
    }
    pub fn event(&self, id: EventId) -> &Event {
        &self.events[id.index()]
    }
    pub fn event_ids(&self) -> impl Iterator<Item = EventId> + '_ {
        (0..self.events.len()).map(|i| EventId(i as u16))
    }

    pub fn reflection(&self, id: ReflectionId) -> &Reflection {
        &self.reflections[id.index()]
    }
    pub fn reflection_ids(&self) -> impl Iterator<Item = ReflectionId> + '_ {
        (0..self.reflections.len()).map(|i| ReflectionId(i as u16))
    }

    pub fn term_ids(&self) -> impl Iterator<Item = TermId> + '_ {
        (0..self.terms.len()).map(|i| TermId(i as u16))
    }

    /// Finds a unit by its content id: only for ids that come from outside (a URL, stored progress).
    pub fn find_unit(&self, id: &str) -> Option<UnitId> {
        self.units
            .iter()
            .position(|u| u.id == id)
            .map(|i| UnitId(i as u16))
    }
    pub fn find_lesson(&self, id: &str) -> Option<LessonId> {
        self.lessons
            .iter()
            .position(|x| x.id == id)
            .map(|i| LessonId(i as u16))
    }
    pub fn find_quiz(&self, id: &str) -> Option<QuizId> {
        self.quizzes
            .iter()
            .position(|x| x.id == id)
            .map(|i| QuizId(i as u16))
    }
    pub fn find_question(&self, id: &str) -> Option<QuestionId> {
        self.questions
            .iter()
            .position(|x| x.id == id)
            .map(|i| QuestionId(i as u16))
    }
    pub fn find_scenario(&self, id: &str) -> Option<ScenarioId> {
        self.scenarios
            .iter()
            .position(|x| x.id == id)
            .map(|i| ScenarioId(i as u16))
    }
    pub fn find_source(&self, id: &str) -> Option<SourceId> {
        self.sources
            .iter()
            .position(|x| x.id == id)
            .map(|i| SourceId(i as u16))
    }
    pub fn find_term(&self, id: &str) -> Option<TermId> {
        self.terms
            .iter()
            .position(|x| x.id == id)
            .map(|i| TermId(i as u16))
    }
}
