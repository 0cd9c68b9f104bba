//! Course types: what the content compiler produces and the app reads.
//!
//! Everything is `'static`: the compiler emits the course as Rust data (`course::COURSE`), so the
//! app starts with no parsing at all. References between items are typed indices ([`UnitId`],
//! [`SourceId`], ...) that only the compiler creates, so every lookup by id is infallible.
//! This module has no dependencies and is compiled into both the build script and the app.

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

/// A citation of a source, with an optional locator (section, paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub source: SourceId,
    pub locator: &'static str,
}

/// Inline text: what a paragraph, an option label or a feedback is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Emphasis(&'static [Inline]),
    Strong(&'static [Inline]),
    Cite(Citation),
    /// A glossary link with the words shown.
    Term(TermId, &'static str),
    /// An external link: words and an `https://` address.
    Link(&'static str, &'static str),
}

/// One paragraph (or one line) of inline content.
pub type Rich = &'static [Inline];
/// Several paragraphs.
pub type Paras = &'static [Rich];

/// A block of a lesson body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 2 or 3 heading.
    Heading(u8, Rich),
    Paragraph(Rich),
    Bullets(&'static [Rich]),
    Numbered(&'static [Rich]),
    Quote(Rich),
    KeyPoints(&'static [Rich]),
    /// A reflection prompt: the learner writes a short answer, kept with their progress.
    Reflect(ReflectionId),
}

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
pub struct Quiz {
    pub id: &'static str,
    pub unit: UnitId,
    pub title: &'static str,
    pub intro: Rich,
    /// Pass mark in percent.
    pub pass: u8,
    pub questions: &'static [QuestionId],
    /// How answers are checked, unless the lecturer's link says otherwise (`?mode=`).
    pub mode: QuizMode,
    /// Checks allowed per question in immediate mode before the answer is shown; 0: no limit.
    pub tries: u8,
    /// Ask how sure the learner is of each answer, and score it by certainty-based marking.
    pub confidence: bool,
    /// Present the questions, and each question's options, in an order shuffled per learner.
    pub shuffle: bool,
    /// Overall feedback by score: each band applies from its `min` percent up to the next band's.
    pub bands: &'static [Band],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizMode {
    /// Check each question, see its feedback, try again.
    Immediate,
    /// Answer everything, review and change, then submit and see it all.
    Deferred,
}

#[derive(Debug)]
pub struct Band {
    pub min: u8,
    pub text: Rich,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    /// Exactly one option is correct.
    Single,
    /// One or more options are correct; partial credit.
    Multiple,
    /// Two options, True and False, one correct.
    TrueFalse,
    /// Put 3-8 items in order.
    Ordering,
    /// Pair each item with one of a list of targets.
    Matching,
    /// Sort statements into 2-4 groups.
    Categorise,
    /// A number, within a tolerance, with accepted units.
    Numeric,
    /// A short text, matched against accepted answers ignoring case and punctuation.
    ShortText,
}

#[derive(Debug)]
pub struct Question {
    pub id: &'static str,
    pub quiz: QuizId,
    pub kind: QuestionKind,
    pub prompt: Rich,
    pub cites: &'static [Citation],
    pub body: Body,
}

/// What a question asks for, by kind.
#[derive(Debug)]
pub enum Body {
    /// Single choice, multiple response, true/false.
    Choices(&'static [Choice]),
    /// Items in their correct order.
    Ordering(&'static [Item]),
    /// Items, each with the index of its target in `targets`.
    Matching {
        items: &'static [Item],
        targets: &'static [&'static str],
    },
    /// Statements, each with the index of its group in `groups`.
    Categorise {
        items: &'static [Item],
        groups: &'static [&'static str],
    },
    Numeric(Numeric),
    ShortText {
        accepts: &'static [Accept],
        otherwise: Rich,
    },
}

/// An item to order, match or sort. `key` is its target or group (0 for ordering).
#[derive(Debug)]
pub struct Item {
    pub label: Rich,
    pub key: u8,
    pub feedback: Rich,
}

/// Numbers in numeric questions are fixed-point: ten-thousandths, so `3.8` is `38_000`.
/// (No floating point: exact comparisons, and no float parsing or printing code in the wasm.)
pub const DECIMAL_SCALE: i64 = 10_000;

#[derive(Debug)]
pub struct Numeric {
    /// In ten-thousandths ([`DECIMAL_SCALE`]).
    pub answer: i64,
    /// In ten-thousandths; 0 for an exact answer.
    pub tolerance: i64,
    /// Accepted unit words; the first is the one shown. Empty: a bare number.
    pub units: &'static [&'static str],
    pub feedback: Rich,
    pub otherwise: Rich,
}

/// An accepted short-text answer with its feedback.
#[derive(Debug)]
pub struct Accept {
    pub text: &'static str,
    pub feedback: Rich,
}

impl Question {
    /// The options of a choice question; empty for other kinds.
    pub fn options(&self) -> &'static [Choice] {
        match self.body {
            Body::Choices(o) => o,
            _ => &[],
        }
    }

    /// The items of an ordering, matching or categorising question; empty for other kinds.
    pub fn items(&self) -> &'static [Item] {
        match self.body {
            Body::Ordering(i)
            | Body::Matching { items: i, .. }
            | Body::Categorise { items: i, .. } => i,
            _ => &[],
        }
    }
}

/// An option of a choice question.
#[derive(Debug)]
pub struct Choice {
    pub label: Rich,
    pub correct: bool,
    pub feedback: Rich,
}

#[derive(Debug)]
pub struct Scenario {
    pub id: &'static str,
    pub unit: UnitId,
    pub title: &'static str,
    pub summary: Rich,
    pub intro: Paras,
    pub vars: &'static [Variable],
    pub start: NodeId,
    pub nodes: &'static [Node],
    /// How an ending is scored from the variables, if the scenario is scored.
    pub score: Option<Score>,
}

/// A scenario's score: a weighted sum of its variables, with the lowest and highest values
/// that can actually be reached at an ending (worked out by the compiler).
#[derive(Debug)]
pub struct Score {
    pub label: &'static str,
    pub terms: &'static [Weight],
    pub min: i32,
    pub max: i32,
}

/// One term of a score: `times × var`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weight {
    pub var: VarId,
    pub times: i32,
}

impl Score {
    /// The score of these variable values (missing values count as 0).
    pub fn value(&self, vars: &[i32]) -> i32 {
        self.terms
            .iter()
            .map(|w| {
                vars.get(w.var.index())
                    .copied()
                    .unwrap_or(0)
                    .saturating_mul(w.times)
            })
            .fold(0i32, i32::saturating_add)
    }
}

/// A comparison in a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
    Ne,
}

impl Cmp {
    pub fn holds(self, a: i32, b: i32) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Gt => a > b,
            Cmp::Ge => a >= b,
            Cmp::Eq => a == b,
            Cmp::Ne => a != b,
        }
    }
    /// As written in the seeds.
    pub fn symbol(self) -> &'static str {
        match self {
            Cmp::Lt => "<",
            Cmp::Le => "<=",
            Cmp::Gt => ">",
            Cmp::Ge => ">=",
            Cmp::Eq => "=",
            Cmp::Ne => "!=",
        }
    }
}

/// One test of a condition.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Test {
    /// `VAR OP N`
    Compare(VarId, Cmp, i32),
    /// `visited NODE`: the learner has been at that node in this run (the current node included).
    Visited(NodeId),
    /// `not visited NODE`
    NotVisited(NodeId),
}

/// A condition: it holds when every test of at least one group holds (`or` between groups,
/// `and` within a group). [`Condition::ALWAYS`] is one empty group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Condition {
    pub any: &'static [&'static [Test]],
}

impl Condition {
    pub const ALWAYS: Condition = Condition { any: &[&[]] };

    pub fn is_always(&self) -> bool {
        self.any.iter().any(|g| g.is_empty())
    }

    /// Whether the condition holds for these variable values and visited nodes. A variable
    /// missing from `vars` fails its test.
    pub fn holds(&self, vars: &[i32], visited: &dyn Fn(NodeId) -> bool) -> bool {
        self.any.iter().any(|group| {
            group.iter().all(|t| match *t {
                Test::Compare(v, op, n) => vars.get(v.index()).is_some_and(|&x| op.holds(x, n)),
                Test::Visited(node) => visited(node),
                Test::NotVisited(node) => !visited(node),
            })
        })
    }
}

#[derive(Debug)]
pub struct Variable {
    pub id: &'static str,
    pub label: &'static str,
    pub start: i32,
    pub min: i32,
    pub max: i32,
}

#[derive(Debug)]
pub struct Node {
    pub id: &'static str,
    pub text: Paras,
    pub kind: NodeKind,
}

#[derive(Debug)]
pub enum NodeKind {
    Step { choices: &'static [ScenarioChoice] },
    Ending(Ending),
}

#[derive(Debug)]
pub struct Ending {
    pub title: &'static str,
    pub debrief: Paras,
    pub see: &'static [LessonId],
}

#[derive(Debug)]
pub struct ScenarioChoice {
    pub label: Rich,
    /// When the choice is offered (`if:`).
    pub when: Condition,
    /// Where it leads: the first route whose condition holds, checked after the effects are
    /// applied. The compiler makes the last one unconditional.
    pub goto: &'static [Goto],
    pub consequence: Rich,
    pub effects: &'static [Effect],
}

/// One `goto: NODE [if CONDITION]` of a choice.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Goto {
    pub to: NodeId,
    pub when: Condition,
}

impl ScenarioChoice {
    /// Where the choice leads from these (already updated) variables and visited nodes.
    pub fn target(&self, vars: &[i32], visited: &dyn Fn(NodeId) -> bool) -> Option<NodeId> {
        self.goto
            .iter()
            .find(|g| g.when.holds(vars, visited))
            .map(|g| g.to)
    }

    /// Applies the effects to `vars`, clamping each variable to its range.
    pub fn apply(&self, vars: &mut [i32], decl: &[Variable]) {
        for e in self.effects {
            if let (Some(slot), Some(v)) = (vars.get_mut(e.var.index()), decl.get(e.var.index())) {
                // Not `clamp`, which panics on a bad range: the compiler rejects those, but stay total.
                *slot = slot.saturating_add(e.delta).max(v.min).min(v.max);
            }
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Effect {
    pub var: VarId,
    pub delta: i32,
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

/// How short-text answers are compared, at build time and in the app: lower case, punctuation
/// dropped, spaces collapsed ("  The Care  Act, 2014." → "the care act 2014").
pub fn normalise_answer(s: &str) -> String {
    let cleaned: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    cleaned.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A name as it reads inside a sentence: its first word in lower case, unless that word is an
/// acronym or a name with capitals inside it ("Integrated care system" → "integrated care
/// system", "NHS England" stays as it is).
pub fn lowercase_first(s: &str) -> String {
    let mut words = s.split(' ');
    let first = words.next().unwrap_or("");
    let keep = first.chars().skip(1).any(|c| c.is_uppercase());
    let mut out = if keep {
        first.to_string()
    } else {
        first.to_lowercase()
    };
    for w in words {
        out.push(' ');
        out.push_str(w);
    }
    out
}

/// Reads a decimal such as "3.8", "-12", "3,800" or "0.05" into ten-thousandths. Digits after
/// the fourth decimal place are rounded. `None` when it is not such a number.
pub fn parse_decimal(s: &str) -> Option<i64> {
    let s = s.trim();
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int: String = int.chars().filter(|c| *c != ',').collect();
    if (int.is_empty() && frac.is_empty())
        || !int.chars().all(|c| c.is_ascii_digit())
        || !frac.chars().all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let mut value: i64 = 0;
    for c in int.chars() {
        value = value
            .checked_mul(10)?
            .checked_add(i64::from(c as u8 - b'0'))?;
    }
    value = value.checked_mul(DECIMAL_SCALE)?;
    let mut place = DECIMAL_SCALE / 10;
    for (i, c) in frac.chars().enumerate() {
        let d = i64::from(c as u8 - b'0');
        if i < 4 {
            value = value.checked_add(d * place)?;
            place /= 10;
        } else {
            if i == 4 && d >= 5 {
                value = value.checked_add(1)?;
            }
            break;
        }
    }
    Some(if neg { -value } else { value })
}

/// Writes ten-thousandths as a plain decimal: 38_000 → "3.8", 120_000 → "12", 500 → "0.05".
pub fn format_decimal(v: i64) -> String {
    let sign = if v < 0 { "-" } else { "" };
    let v = v.unsigned_abs();
    let scale = DECIMAL_SCALE as u64;
    let (int, frac) = (v / scale, v % scale);
    if frac == 0 {
        return format!("{sign}{int}");
    }
    let digits = format!("{:04}", frac);
    format!("{sign}{int}.{}", digits.trim_end_matches('0'))
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

impl Scenario {
    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }
    pub fn var(&self, id: VarId) -> &Variable {
        &self.vars[id.index()]
    }
    pub fn node_ids(&self) -> impl Iterator<Item = NodeId> + '_ {
        (0..self.nodes.len()).map(|i| NodeId(i as u16))
    }
    pub fn find_node(&self, id: &str) -> Option<NodeId> {
        self.nodes
            .iter()
            .position(|x| x.id == id)
            .map(|i| NodeId(i as u16))
    }
}

impl Node {
    pub fn choices(&self) -> &'static [ScenarioChoice] {
        match self.kind {
            NodeKind::Step { choices } => choices,
            NodeKind::Ending(_) => &[],
        }
    }
    pub fn ending(&self) -> Option<&Ending> {
        match &self.kind {
            NodeKind::Ending(e) => Some(e),
            NodeKind::Step { .. } => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_first_keeps_acronyms() {
        assert_eq!(
            lowercase_first("Integrated care system"),
            "integrated care system"
        );
        assert_eq!(lowercase_first("NHS England"), "NHS England");
        assert_eq!(lowercase_first("Care Act"), "care Act");
        assert_eq!(lowercase_first(""), "");
    }
}
