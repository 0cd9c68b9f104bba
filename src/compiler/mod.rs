//! The content compiler: reads `seeds/`, checks it strictly, and produces the course as
//! [`crate::model`] data, which [`codegen`] writes out as Rust for the app to embed.
//!
//! It runs at build time only (from `build.rs`, and natively in tests): none of it is in the wasm.
//! Every problem is collected, not just the first, as `seeds/FILE:LINE: what is wrong; how to fix it`.

pub mod codegen;
pub mod conditions;
pub mod explore;
pub mod json;
pub mod markup;
pub mod records;

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::fmt;
use std::path::{Path, PathBuf};

use crate::model::*;
use conditions::RawTest;
use explore::{ChoiceLines, NodeLines};
use markup::{Para, RawBlock, RawInline};
use records::Entry;

/// One content problem, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path shown to the author, starting `seeds/`.
    pub file: String,
    pub line: u32,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Compiles the corpus in `seeds` (a folder holding `course.txt`). Diagnostics come sorted by file and line.
pub fn compile(seeds: &Path) -> Result<Course, Vec<Diagnostic>> {
    let mut c = Compiler {
        root: seeds.to_path_buf(),
        diags: Vec::new(),
        ..Default::default()
    };
    let course = c.run();
    if c.diags.is_empty() {
        if let Some(course) = course {
            return Ok(course);
        }
    }
    let mut diags = c.diags;
    diags.sort();
    diags.dedup();
    Err(diags)
}

// ---------------------------------------------------------------------------------------------
// Schema: the keys each record takes.

#[derive(Clone, Copy)]
struct Field {
    key: &'static str,
    required: bool,
    many: bool,
}

const fn one(key: &'static str) -> Field {
    Field {
        key,
        required: true,
        many: false,
    }
}
const fn opt(key: &'static str) -> Field {
    Field {
        key,
        required: false,
        many: false,
    }
}
const fn many(key: &'static str) -> Field {
    Field {
        key,
        required: false,
        many: true,
    }
}
const fn some(key: &'static str) -> Field {
    Field {
        key,
        required: true,
        many: true,
    }
}

const COURSE_KEYS: &[Field] = &[one("title"), one("units")];
const SOURCE_KEYS: &[Field] = &[
    one("short"),
    one("authors"),
    one("title"),
    one("venue"),
    one("year"),
    one("licence"),
    opt("doi"),
    opt("url"),
    opt("note"),
];
const TERM_KEYS: &[Field] = &[one("name"), one("definition"), many("cite"), many("see")];
const UNIT_KEYS: &[Field] = &[
    one("title"),
    one("summary"),
    some("outcome"),
    one("lesson"),
    one("quiz"),
    many("scenario"),
    many("discuss"),
];
const LESSON_KEYS: &[Field] = &[one("title"), one("file"), many("cite")];
const QUIZ_KEYS: &[Field] = &[
    one("title"),
    one("intro"),
    one("pass"),
    opt("mode"),
    opt("tries"),
    opt("confidence"),
    opt("shuffle"),
    many("band"),
    some("question"),
];
const BAND_KEYS: &[Field] = &[one("text")];
/// Keys every question takes; [`question_fields`] adds those of its kind.
const QUESTION_KEYS: &[Field] = &[one("type"), one("prompt"), some("cite")];
const QUESTION_TYPES: &[&str] = &[
    "single",
    "multiple",
    "truefalse",
    "ordering",
    "matching",
    "categorise",
    "numeric",
    "text",
];
const OPTION_KEYS: &[Field] = &[opt("correct"), one("feedback")];
const ITEM_KEYS: &[Field] = &[one("feedback")];
const PAIR_KEYS: &[Field] = &[one("match"), one("feedback")];
const STATEMENT_KEYS: &[Field] = &[one("group"), one("feedback")];
const ACCEPT_KEYS: &[Field] = &[one("feedback")];

const CHOICE_QUESTION: &[Field] = &[some("option")];
const ORDERING_QUESTION: &[Field] = &[some("item")];
const MATCHING_QUESTION: &[Field] = &[some("target"), some("pair")];
const CATEGORISE_QUESTION: &[Field] = &[some("group"), some("statement")];
const NUMERIC_QUESTION: &[Field] = &[
    one("answer"),
    one("tolerance"),
    many("unit"),
    one("feedback"),
    one("otherwise"),
];
const TEXT_QUESTION: &[Field] = &[some("accept"), one("otherwise")];

fn type_kind(t: &str) -> QuestionKind {
    match t {
        "multiple" => QuestionKind::Multiple,
        "truefalse" => QuestionKind::TrueFalse,
        "ordering" => QuestionKind::Ordering,
        "matching" => QuestionKind::Matching,
        "categorise" => QuestionKind::Categorise,
        "numeric" => QuestionKind::Numeric,
        "text" => QuestionKind::ShortText,
        _ => QuestionKind::Single,
    }
}

fn question_fields(kind: QuestionKind) -> &'static [Field] {
    match kind {
        QuestionKind::Single | QuestionKind::Multiple | QuestionKind::TrueFalse => CHOICE_QUESTION,
        QuestionKind::Ordering => ORDERING_QUESTION,
        QuestionKind::Matching => MATCHING_QUESTION,
        QuestionKind::Categorise => CATEGORISE_QUESTION,
        QuestionKind::Numeric => NUMERIC_QUESTION,
        QuestionKind::ShortText => TEXT_QUESTION,
    }
}

const SCENARIO_KEYS: &[Field] = &[
    one("title"),
    one("summary"),
    one("intro"),
    one("start"),
    many("var"),
    opt("score"),
    many("node"),
    some("ending"),
];
const SCORE_KEYS: &[Field] = &[one("label")];
const VAR_KEYS: &[Field] = &[one("label"), one("start"), one("min"), one("max")];
const NODE_KEYS: &[Field] = &[one("text"), many("choice")];
const ENDING_KEYS: &[Field] = &[one("title"), one("text"), one("debrief"), many("see")];
const CHOICE_KEYS: &[Field] = &[opt("if"), some("goto"), one("consequence"), some("effect")];

/// Keys whose own value is an id or label and whose children are the record's fields.
const CONTAINERS: &[&str] = &[
    "band",
    "question",
    "option",
    "item",
    "pair",
    "statement",
    "accept",
    "var",
    "node",
    "ending",
    "choice",
    "score",
];

const TOP_LEVEL: &[&str] = &[
    "include", "source", "term", "unit", "lesson", "quiz", "scenario", "event",
];
const EVENT_KEYS: &[Field] = &[
    one("date"),
    one("title"),
    opt("text"),
    some("cite"),
    one("unit"),
];

/// The closest allowed word, for "did you mean" hints.
fn suggest<'a>(word: &str, allowed: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    allowed
        .into_iter()
        .map(|a| (edit_distance(word, a), a))
        .filter(|(d, a)| *d <= 2.max(a.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, a)| a)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != *cb);
            cur.push(sub.min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn leak_str(s: impl Into<String>) -> &'static str {
    Box::leak(s.into().into_boxed_str())
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

// ---------------------------------------------------------------------------------------------

/// A record with the file it came from.
#[derive(Clone)]
struct Rec {
    file: String,
    entry: Entry,
}

#[derive(Default)]
struct Compiler {
    root: PathBuf,
    diags: Vec<Diagnostic>,
    /// Files read, by path relative to the root.
    read: BTreeSet<String>,
    course: Option<Rec>,
    schema: Option<(String, u32, u32)>,
    records: BTreeMap<&'static str, Vec<Rec>>,
    /// Lesson bodies: lesson id → (file shown, text).
    lesson_files: HashMap<String, (String, String)>,
    /// Declared ids per kind: id → (index, file, line).
    ids: HashMap<&'static str, HashMap<String, (u16, String, u32)>>,
    /// Reflection prompts found in lessons, and where each id was first seen.
    reflections: Vec<Reflection>,
    reflection_at: HashMap<String, (String, u32)>,
}

fn shown(rel: &str) -> String {
    format!("seeds/{rel}")
}

impl Compiler {
    fn err(&mut self, file: &str, line: u32, msg: impl Into<String>) {
        self.diags.push(Diagnostic::new(file, line, msg));
    }

    fn run(&mut self) -> Option<Course> {
        self.load_all();
        self.check_unreached();
        self.check_schema_version();
        self.declare_ids();
        self.build()
    }

    // --- loading ---------------------------------------------------------------------------

    fn load_all(&mut self) {
        let mut queue = VecDeque::from([("course.txt".to_string(), None::<(String, u32)>)]);
        while let Some((rel, from)) = queue.pop_front() {
            if self.read.contains(&rel) {
                if let Some((f, l)) = from {
                    self.err(
                        &f,
                        l,
                        format!("\"{rel}\" is already included; remove this duplicate include"),
                    );
                }
                continue;
            }
            let text = match std::fs::read_to_string(self.root.join(&rel)) {
                Ok(t) => t,
                Err(e) => {
                    match from {
                        Some((f, l)) => self.err(
                            &f,
                            l,
                            format!("cannot read \"{rel}\" ({e}); check the path, which is relative to this file"),
                        ),
                        None => self.err(
                            &shown(&rel),
                            1,
                            format!("cannot read the course manifest ({e}); create seeds/course.txt starting with `schema: 1`"),
                        ),
                    }
                    continue;
                }
            };
            self.read.insert(rel.clone());
            let file = shown(&rel);
            let entries = records::parse(&file, &text, &mut self.diags);
            let is_manifest = rel == "course.txt";
            for (i, e) in entries.into_iter().enumerate() {
                match e.key.as_str() {
                    "schema" if is_manifest => {
                        let v = e.value.parse::<u32>().unwrap_or(0);
                        if i != 0 {
                            self.err(&file, e.line, "`schema:` must be the first line of course.txt; move it to the top");
                        }
                        self.schema = Some((file.clone(), e.line, v));
                    }
                    "course" if is_manifest => {
                        self.course = Some(Rec {
                            file: file.clone(),
                            entry: e,
                        });
                    }
                    "schema" | "course" => self.err(
                        &file,
                        e.line,
                        format!(
                            "`{}:` belongs in seeds/course.txt only; move or delete it",
                            e.key
                        ),
                    ),
                    "include" => {
                        let target = join_rel(&rel, &e.value);
                        if !e.value.ends_with(".txt") {
                            self.err(&file, e.line, format!("include \"{}\" is not a .txt record file; lessons (.md) are named by a lesson's `file:` key", e.value));
                        } else if let Some(t) = target {
                            queue.push_back((t, Some((file.clone(), e.line))));
                        } else {
                            self.err(&file, e.line, format!("include \"{}\" leaves the seeds folder; name a file inside seeds/", e.value));
                        }
                    }
                    k if TOP_LEVEL.contains(&k) => {
                        let kind = TOP_LEVEL
                            .iter()
                            .find(|t| **t == k)
                            .copied()
                            .unwrap_or("include");
                        if kind == "lesson" {
                            self.load_lesson_file(&rel, &file, &e);
                        }
                        self.records.entry(kind).or_default().push(Rec {
                            file: file.clone(),
                            entry: e,
                        });
                    }
                    k => {
                        let hint = match suggest(k, TOP_LEVEL.iter().copied()) {
                            Some(s) => format!("did you mean `{s}`?"),
                            None => format!("a file holds these records: {}", TOP_LEVEL.join(", ")),
                        };
                        self.err(
                            &file,
                            e.line,
                            format!("unknown record `{k}:` at the top level; {hint}"),
                        );
                    }
                }
            }
        }
    }

    fn load_lesson_file(&mut self, rel: &str, file: &str, e: &Entry) {
        let Some(f) = e.child("file") else { return };
        if !f.value.ends_with(".md") {
            self.err(
                file,
                f.line,
                format!("lesson file \"{}\" must be a .md file", f.value),
            );
            return;
        }
        let Some(target) = join_rel(rel, &f.value) else {
            self.err(
                file,
                f.line,
                format!("lesson file \"{}\" leaves the seeds folder", f.value),
            );
            return;
        };
        match std::fs::read_to_string(self.root.join(&target)) {
            Ok(text) => {
                if !self.read.insert(target.clone()) {
                    self.err(file, f.line, format!("\"{}\" is already used by another lesson; give each lesson its own file", f.value));
                }
                self.lesson_files.insert(e.value.clone(), (shown(&target), text));
            }
            Err(err) => self.err(
                file,
                f.line,
                format!("cannot read lesson file \"{}\" ({err}); check the path, which is relative to this file", f.value),
            ),
        }
    }

    fn check_unreached(&mut self) {
        let mut all = Vec::new();
        walk(&self.root, "", &mut all);
        // A folder holding a file named DRAFT is work in progress: not reported until it is removed.
        let drafts: Vec<String> = all
            .iter()
            .filter_map(|rel| {
                rel.strip_suffix("DRAFT")
                    .filter(|dir| dir.is_empty() || dir.ends_with('/'))
            })
            .map(str::to_string)
            .collect();
        for rel in all {
            if rel == "README.md" || self.read.contains(&rel) {
                continue;
            }
            if drafts.iter().any(|d| rel.starts_with(d.as_str())) && !self.read.contains(&rel) {
                continue;
            }
            self.err(
                &shown(&rel),
                1,
                "this file is not reached from course.txt; include it (`include: PATH` for .txt, a lesson's `file:` for .md) or delete it",
            );
        }
    }

    fn check_schema_version(&mut self) {
        match self.schema.clone() {
            Some((file, line, v)) if v != SCHEMA_VERSION => self.err(
                &file,
                line,
                format!("unsupported schema version; this compiler reads `schema: {SCHEMA_VERSION}`"),
            ),
            Some(_) => {}
            None if self.read.contains("course.txt") => {
                self.err("seeds/course.txt", 1, format!("course.txt does not declare its schema; add `schema: {SCHEMA_VERSION}` as its first line"))
            }
            None => {}
        }
        if self.course.is_none() && self.read.contains("course.txt") {
            self.err(
                "seeds/course.txt",
                1,
                "course.txt has no `course: ID` record with a title and the unit order; add one",
            );
        }
    }

    // --- ids -------------------------------------------------------------------------------

    fn declare_ids(&mut self) {
        // Units take the order of the course's `units:` list (unlisted ones go last and are reported).
        if let Some(order) = self
            .course
            .as_ref()
            .and_then(|c| c.entry.child("units"))
            .map(|u| u.value.clone())
        {
            let pos = |id: &str| {
                order
                    .split(',')
                    .map(str::trim)
                    .position(|x| x == id)
                    .unwrap_or(usize::MAX)
            };
            if let Some(units) = self.records.get_mut("unit") {
                units.sort_by_key(|r| pos(&r.entry.value));
            }
        }
        for kind in [
            "source", "term", "unit", "lesson", "quiz", "scenario", "event",
        ] {
            let recs = self.records.get(kind).cloned().unwrap_or_default();
            let mut table: HashMap<String, (u16, String, u32)> = HashMap::new();
            let mut next = 0u16;
            for r in &recs {
                let id = r.entry.value.clone();
                if !is_id(&id) {
                    self.err(&r.file, r.entry.line, format!("\"{id}\" is not a valid {kind} id; use lower-case letters, digits and hyphens"));
                    continue;
                }
                if let Some((_, f, l)) = table.get(&id) {
                    let (f, l) = (f.clone(), *l);
                    self.err(&r.file, r.entry.line, format!("duplicate {kind} id \"{id}\" (first defined at {f}:{l}); rename one of them"));
                    continue;
                }
                table.insert(id, (next, r.file.clone(), r.entry.line));
                next += 1;
            }
            self.ids.insert(kind, table);
        }
        // Questions: course-wide ids, in quiz order.
        let mut table: HashMap<String, (u16, String, u32)> = HashMap::new();
        let mut next = 0u16;
        for r in self.valid_records("quiz") {
            for q in r.entry.all("question") {
                if !is_id(&q.value) {
                    self.diags.push(Diagnostic::new(&r.file, q.line, format!("\"{}\" is not a valid question id; use lower-case letters, digits and hyphens", q.value)));
                    continue;
                }
                if let Some((_, f, l)) = table.get(&q.value) {
                    let msg = format!("duplicate question id \"{}\" (first defined at {f}:{l}); rename one of them", q.value);
                    self.diags.push(Diagnostic::new(&r.file, q.line, msg));
                    continue;
                }
                table.insert(q.value.clone(), (next, r.file.clone(), q.line));
                next += 1;
            }
        }
        self.ids.insert("question", table);
    }

    /// Records of a kind whose id was declared (first of duplicates), in declaration order.
    fn valid_records(&self, kind: &'static str) -> Vec<Rec> {
        let Some(table) = self.ids.get(kind) else {
            return Vec::new();
        };
        let mut out: Vec<Rec> = self
            .records
            .get(kind)
            .map(|v| {
                v.iter()
                    .filter(|r| {
                        table
                            .get(&r.entry.value)
                            .is_some_and(|(_, f, l)| *f == r.file && *l == r.entry.line)
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by_key(|r| table.get(&r.entry.value).map(|t| t.0));
        out
    }

    fn lookup(
        &mut self,
        kind: &'static str,
        id: &str,
        file: &str,
        line: u32,
        what: &str,
    ) -> Option<u16> {
        let table = self.ids.get(kind)?;
        if let Some((i, _, _)) = table.get(id) {
            return Some(*i);
        }
        let hint = match suggest(id, table.keys().map(String::as_str)) {
            Some(s) => format!("did you mean \"{s}\"?"),
            None => format!("define `{kind}: {id}` or correct the id"),
        };
        self.err(
            file,
            line,
            format!("{what} \"{id}\" does not exist; {hint}"),
        );
        None
    }

    // --- schema checks ---------------------------------------------------------------------

    /// Checks a record's keys against its schema: unknown, repeated, missing and empty keys.
    fn check_keys(&mut self, file: &str, e: &Entry, what: &str, fields: &[Field]) {
        let mut seen: HashMap<&str, u32> = HashMap::new();
        for c in &e.children {
            let Some(field) = fields.iter().find(|f| f.key == c.key) else {
                let hint = match suggest(&c.key, fields.iter().map(|f| f.key)) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!(
                        "the keys allowed here are: {}",
                        fields.iter().map(|f| f.key).collect::<Vec<_>>().join(", ")
                    ),
                };
                self.err(
                    file,
                    c.line,
                    format!("unknown key `{}` in {what}; {hint}", c.key),
                );
                continue;
            };
            if !field.many {
                if let Some(first) = seen.get(field.key) {
                    self.err(
                        file,
                        c.line,
                        format!(
                            "`{}` appears twice in {what} (first at line {first}); keep one",
                            c.key
                        ),
                    );
                }
            }
            seen.entry(field.key).or_insert(c.line);
            let container_with_fields =
                CONTAINERS.contains(&c.key.as_str()) && !c.children.is_empty();
            if !c.has_value() && !container_with_fields {
                self.err(
                    file,
                    c.line,
                    format!(
                        "`{}` has no value; write `{}: …` or remove the line",
                        c.key, c.key
                    ),
                );
            }
            if !CONTAINERS.contains(&c.key.as_str()) {
                for g in &c.children {
                    self.err(
                        file,
                        g.line,
                        format!(
                            "`{}` cannot have indented keys under it; move `{}` one level left",
                            c.key, g.key
                        ),
                    );
                }
            }
        }
        for f in fields.iter().filter(|f| f.required) {
            if !seen.contains_key(f.key) {
                self.err(
                    file,
                    e.line,
                    format!("{what} has no `{}`; add `{}: …` under it", f.key, f.key),
                );
            }
        }
    }

    // --- inline text -----------------------------------------------------------------------

    fn rich(&mut self, file: &str, para: &Para) -> Rich {
        match markup::parse_inline(&para.text) {
            Ok(raw) => self.resolve_inline(file, para, raw),
            Err((at, msg)) => {
                self.err(file, para.line_at(at), msg);
                &[]
            }
        }
    }

    /// A one-line text (an option or choice label) as rich text.
    fn rich_line(&mut self, file: &str, line: u32, text: &str) -> Rich {
        self.rich(file, &Para::new(line, text))
    }

    fn resolve_inline(&mut self, file: &str, para: &Para, raw: Vec<RawInline>) -> Rich {
        let mut out = Vec::new();
        for r in raw {
            match r {
                RawInline::Text(t) => out.push(Inline::Text(leak_str(t))),
                RawInline::Emphasis(v) => {
                    out.push(Inline::Emphasis(self.resolve_inline(file, para, v)))
                }
                RawInline::Strong(v) => {
                    out.push(Inline::Strong(self.resolve_inline(file, para, v)))
                }
                RawInline::Cite {
                    source,
                    locator,
                    at,
                } => {
                    let line = para.line_at(at);
                    if let Some(i) = self.lookup("source", &source, file, line, "cited source") {
                        out.push(Inline::Cite(Citation {
                            source: SourceId(i),
                            locator: leak_str(locator),
                        }));
                    }
                }
                RawInline::Term { id, shown, at } => {
                    let line = para.line_at(at);
                    if let Some(i) = self.lookup("term", &id, file, line, "glossary term") {
                        let words = if shown.is_empty() {
                            self.term_name(&id).unwrap_or_default()
                        } else {
                            shown
                        };
                        out.push(Inline::Term(TermId(i), leak_str(words)));
                    }
                }
                RawInline::Link { text, href } => {
                    out.push(Inline::Link(leak_str(text), leak_str(href)))
                }
            }
        }
        leak(out)
    }

    fn term_name(&self, id: &str) -> Option<String> {
        let recs = self.records.get("term")?;
        let r = recs.iter().find(|r| r.entry.value == id)?;
        let name = r.entry.text("name");
        Some(if name.is_empty() {
            id.to_string()
        } else {
            name.to_lowercase_first()
        })
    }

    fn paras(&mut self, file: &str, e: Option<&Entry>) -> Paras {
        let Some(e) = e else { return &[] };
        let v: Vec<Rich> = e.paragraphs().iter().map(|p| self.rich(file, p)).collect();
        leak(v)
    }

    fn rich_of(&mut self, file: &str, e: Option<&Entry>) -> Rich {
        let Some(e) = e else { return &[] };
        let mut ps = e.paragraphs().into_iter();
        let Some(mut joined) = ps.next() else {
            return &[];
        };
        let mut several = false;
        for p in ps {
            several = true;
            // Keep checking every paragraph's references, at their own lines.
            for (k, (off, line)) in p.lines.iter().enumerate() {
                let end = p
                    .lines
                    .get(k + 1)
                    .map_or(p.text.chars().count(), |n| n.0 - 1);
                let text: String = p
                    .text
                    .chars()
                    .skip(*off)
                    .take(end.saturating_sub(*off))
                    .collect();
                joined.push_line(*line, &text);
            }
        }
        if several {
            self.err(
                file,
                e.line,
                format!(
                    "`{}` takes one paragraph; join the paragraphs or shorten it",
                    e.key
                ),
            );
        }
        self.rich(file, &joined)
    }

    fn citation(&mut self, file: &str, e: &Entry) -> Option<Citation> {
        let (id, loc) = match e.value.split_once(',') {
            Some((a, b)) => (a.trim(), b.trim()),
            None => (e.value.trim(), ""),
        };
        let i = self.lookup("source", id, file, e.line, "cited source")?;
        Some(Citation {
            source: SourceId(i),
            locator: leak_str(loc),
        })
    }

    fn citations(&mut self, file: &str, e: &Entry) -> &'static [Citation] {
        let v: Vec<Citation> = e
            .all("cite")
            .filter_map(|c| self.citation(file, c))
            .collect();
        leak(v)
    }

    // --- building --------------------------------------------------------------------------

    fn build(&mut self) -> Option<Course> {
        let sources = self.build_sources();
        let terms = self.build_terms();
        let (units, owners) = self.build_units();
        let lessons = self.build_lessons(&owners);
        let (quizzes, questions) = self.build_quizzes(&owners);
        let scenarios = self.build_scenarios(&owners);
        let events = self.build_events();
        let course = self.course.clone()?;
        let (file, e) = (&course.file, &course.entry);
        self.check_keys(file, e, "the course", COURSE_KEYS);
        if !is_id(&e.value) {
            self.err(
                file,
                e.line,
                format!(
                    "\"{}\" is not a valid course id; use lower-case letters, digits and hyphens",
                    e.value
                ),
            );
        }
        self.check_unit_order(file, e);
        Some(Course {
            schema: SCHEMA_VERSION,
            id: leak_str(e.value.clone()),
            title: leak_str(e.text("title")),
            units,
            lessons,
            quizzes,
            questions,
            scenarios,
            sources,
            terms,
            events,
            reflections: leak(std::mem::take(&mut self.reflections)),
        })
    }

    fn check_unit_order(&mut self, file: &str, e: &Entry) {
        let Some(order) = e.child("units") else {
            return;
        };
        let listed: Vec<String> = order
            .value
            .split(',')
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect();
        let mut seen = BTreeSet::new();
        for id in &listed {
            if !seen.insert(id.clone()) {
                self.err(
                    file,
                    order.line,
                    format!("unit \"{id}\" is listed twice in `units:`; list each unit once"),
                );
                continue;
            }
            self.lookup("unit", id, file, order.line, "unit");
        }
        for r in self.valid_records("unit") {
            if !seen.contains(&r.entry.value) {
                self.err(&r.file, r.entry.line, format!("unit \"{}\" is not in the course's `units:` list in course.txt; add it there or delete the unit", r.entry.value));
            }
        }
    }

    /// The timeline, sorted by date (then by id, so the order never depends on file order).
    fn build_events(&mut self) -> &'static [Event] {
        let mut out = Vec::new();
        for r in self.valid_records("event") {
            let (f, e) = (&r.file, &r.entry);
            self.check_keys(f, e, &format!("event \"{}\"", e.value), EVENT_KEYS);
            let (year, month, day) = match e.child("date") {
                Some(d) => parse_date(&d.value).unwrap_or_else(|| {
                    self.diags.push(Diagnostic::new(f, d.line, format!("date \"{}\" is not YYYY, YYYY-MM or YYYY-MM-DD (a real date from 1900 to 2100)", d.value)));
                    (1900, 0, 0)
                }),
                None => (1900, 0, 0),
            };
            let unit = e
                .child("unit")
                .and_then(|u| self.lookup("unit", &u.value.clone(), f, u.line, "unit"))
                .map_or(UnitId(0), UnitId);
            let text = self.rich_of(f, e.child("text"));
            let cites = self.citations(f, e);
            out.push(Event {
                id: leak_str(e.value.clone()),
                year,
                month,
                day,
                title: leak_str(e.text("title")),
                text,
                cites,
                unit,
            });
        }
        out.sort_by(|a, b| (a.year, a.month, a.day, a.id).cmp(&(b.year, b.month, b.day, b.id)));
        leak(out)
    }

    fn build_sources(&mut self) -> &'static [Source] {
        let mut out = Vec::new();
        for r in self.valid_records("source") {
            let (f, e) = (&r.file, &r.entry);
            self.check_keys(f, e, &format!("source \"{}\"", e.value), SOURCE_KEYS);
            let (doi, url) = (e.text("doi"), e.text("url"));
            if doi.is_empty() && url.is_empty() && e.text("note").is_empty() {
                self.err(f, e.line, format!("source \"{}\" has neither `doi` nor `url`; add one so learners can find it, or, if it has none, say so in `note:`", e.value));
            }
            if !url.is_empty() && !url.starts_with("https://") {
                self.err(
                    f,
                    e.child("url").map_or(e.line, |c| c.line),
                    "the url must start with https://",
                );
            }
            if !doi.is_empty() && !doi.starts_with("10.") {
                self.err(
                    f,
                    e.child("doi").map_or(e.line, |c| c.line),
                    "a DOI starts with \"10.\"; write it without https://doi.org/",
                );
            }
            let year = e.text("year");
            if !year.is_empty()
                && !year
                    .as_bytes()
                    .windows(4)
                    .any(|w| w.iter().all(u8::is_ascii_digit))
            {
                self.err(
                    f,
                    e.child("year").map_or(e.line, |c| c.line),
                    format!(
                        "year \"{year}\" has no four-digit year; write e.g. `2017` or `c. 2015`"
                    ),
                );
            }
            out.push(Source {
                id: leak_str(e.value.clone()),
                short: leak_str(e.text("short")),
                authors: leak_str(e.text("authors")),
                title: leak_str(e.text("title")),
                venue: leak_str(e.text("venue")),
                year: leak_str(year),
                doi: leak_str(doi),
                url: leak_str(url),
                licence: leak_str(e.text("licence")),
                note: leak_str(e.text("note")),
            });
        }
        leak(out)
    }

    fn build_terms(&mut self) -> &'static [Term] {
        let mut out = Vec::new();
        for r in self.valid_records("term") {
            let (f, e) = (&r.file, &r.entry);
            self.check_keys(f, e, &format!("term \"{}\"", e.value), TERM_KEYS);
            let definition = self.rich_of(f, e.child("definition"));
            let cites = self.citations(f, e);
            let see: Vec<TermId> = e
                .all("see")
                .filter_map(|s| {
                    self.lookup("term", &s.value, f, s.line, "related term")
                        .map(TermId)
                })
                .collect();
            out.push(Term {
                id: leak_str(e.value.clone()),
                name: leak_str(e.text("name")),
                definition,
                cites,
                see: leak(see),
            });
        }
        leak(out)
    }

    /// Units, and which unit owns each lesson, quiz and scenario (kind, id) → unit index.
    fn build_units(&mut self) -> (&'static [Unit], HashMap<(&'static str, u16), u16>) {
        let mut out = Vec::new();
        let mut owners: HashMap<(&'static str, u16), u16> = HashMap::new();
        for (ui, r) in self.valid_records("unit").into_iter().enumerate() {
            let (f, e) = (&r.file, &r.entry);
            let what = format!("unit \"{}\"", e.value);
            self.check_keys(f, e, &what, UNIT_KEYS);
            let ui = ui as u16;
            let mut own = |c: &mut Self, kind: &'static str, k: &Entry| -> Option<u16> {
                let i = c.lookup(kind, &k.value, f, k.line, kind)?;
                if let Some(prev) = owners.insert((kind, i), ui) {
                    if prev != ui {
                        c.err(f, k.line, format!("{kind} \"{}\" already belongs to another unit; each {kind} belongs to one unit", k.value));
                    }
                }
                Some(i)
            };
            let lesson = e
                .child("lesson")
                .and_then(|k| own(self, "lesson", k))
                .unwrap_or(0);
            let quiz = e
                .child("quiz")
                .and_then(|k| own(self, "quiz", k))
                .unwrap_or(0);
            let scen: Vec<Entry> = e.all("scenario").cloned().collect();
            let scenarios: Vec<ScenarioId> = scen
                .iter()
                .filter_map(|k| own(self, "scenario", k).map(ScenarioId))
                .collect();
            let summary = self.rich_of(f, e.child("summary"));
            let outcomes: Vec<Entry> = e.all("outcome").cloned().collect();
            let outcomes: Vec<Rich> = outcomes.iter().map(|o| self.rich_of(f, Some(o))).collect();
            let discuss: Vec<Entry> = e.all("discuss").cloned().collect();
            let discuss: Vec<Rich> = discuss.iter().map(|o| self.rich_of(f, Some(o))).collect();
            out.push(Unit {
                id: leak_str(e.value.clone()),
                title: leak_str(e.text("title")),
                summary,
                outcomes: leak(outcomes),
                lesson: LessonId(lesson),
                quiz: QuizId(quiz),
                scenarios: leak(scenarios),
                discuss: leak(discuss),
            });
        }
        (leak(out), owners)
    }

    fn owner(
        &mut self,
        owners: &HashMap<(&'static str, u16), u16>,
        kind: &'static str,
        i: usize,
        r: &Rec,
    ) -> UnitId {
        match owners.get(&(kind, i as u16)) {
            Some(u) => UnitId(*u),
            None => {
                self.err(&r.file, r.entry.line, format!("{kind} \"{}\" is not part of any unit; name it with `{kind}: {}` in a unit, or delete it", r.entry.value, r.entry.value));
                UnitId(0)
            }
        }
    }

    fn build_lessons(&mut self, owners: &HashMap<(&'static str, u16), u16>) -> &'static [Lesson] {
        let mut out = Vec::new();
        for (i, r) in self.valid_records("lesson").into_iter().enumerate() {
            let (f, e) = (&r.file, &r.entry);
            self.check_keys(f, e, &format!("lesson \"{}\"", e.value), LESSON_KEYS);
            let unit = self.owner(owners, "lesson", i, &r);
            let cites = self.citations(f, e);
            let (body, words) = match self.lesson_files.get(&e.value).cloned() {
                Some((md_file, text)) => self.lesson_body(&md_file, &text, LessonId(i as u16)),
                None => (&[][..], 0),
            };
            out.push(Lesson {
                id: leak_str(e.value.clone()),
                unit,
                title: leak_str(e.text("title")),
                cites,
                body,
                words,
            });
        }
        leak(out)
    }

    fn lesson_body(&mut self, file: &str, text: &str, lesson: LessonId) -> (&'static [Block], u32) {
        let (raw, errors) = markup::parse_lesson(text);
        for (l, m) in errors {
            self.err(file, l, m);
        }

        let mut blocks = Vec::new();
        let items = |c: &mut Self, v: Vec<Para>| -> &'static [Rich] {
            let v: Vec<Rich> = v.iter().map(|p| c.rich(file, p)).collect();
            leak(v)
        };
        for b in raw {
            blocks.push(match b {
                RawBlock::Heading(level, p) => Block::Heading(level, self.rich(file, &p)),
                RawBlock::Paragraph(p) => Block::Paragraph(self.rich(file, &p)),
                RawBlock::Quote(p) => Block::Quote(self.rich(file, &p)),
                RawBlock::Bullets(v) => Block::Bullets(items(self, v)),
                RawBlock::Numbered(v) => Block::Numbered(items(self, v)),
                RawBlock::KeyPoints(_, v) => Block::KeyPoints(items(self, v)),
                RawBlock::Reflect(line, id, p) => {
                    let prompt = self.rich(file, &p);
                    if id.is_empty() {
                        // Reported by the markup parser.
                    } else if !is_id(&id) {
                        self.err(file, line, format!("\"{id}\" is not a valid reflection id; use lower-case letters, digits and hyphens"));
                    } else if let Some((f0, l0)) = self.reflection_at.get(&id) {
                        let msg = format!("reflection \"{id}\" is already used at {f0}:{l0}; give each reflection prompt its own id");
                        self.err(file, line, msg);
                    }
                    self.reflection_at
                        .entry(id.clone())
                        .or_insert((file.to_string(), line));
                    let rid = ReflectionId(self.reflections.len() as u16);
                    self.reflections.push(Reflection {
                        id: leak_str(id),
                        lesson,
                        prompt,
                    });
                    Block::Reflect(rid)
                }
            });
        }
        if blocks.is_empty() {
            self.err(file, 1, "this lesson file is empty; write the lesson");
        }
        // The words a reader reads: citations are not counted.
        let mut prose = String::new();
        for b in &blocks {
            match b {
                Block::Heading(_, r) | Block::Paragraph(r) | Block::Quote(r) => {
                    reading_text(r, &mut prose)
                }
                Block::Bullets(v) | Block::Numbered(v) | Block::KeyPoints(v) => {
                    v.iter().for_each(|r| reading_text(r, &mut prose))
                }
                // A question to the reader, not reading.
                Block::Reflect(_) => {}
            }
        }
        (leak(blocks), markup::word_count(&prose))
    }

    fn build_quizzes(
        &mut self,
        owners: &HashMap<(&'static str, u16), u16>,
    ) -> (&'static [Quiz], &'static [Question]) {
        let mut quizzes = Vec::new();
        let mut questions = Vec::new();
        let qtable = self.ids.get("question").cloned().unwrap_or_default();
        for (qi, r) in self.valid_records("quiz").into_iter().enumerate() {
            let (f, e) = (&r.file, &r.entry);
            self.check_keys(f, e, &format!("quiz \"{}\"", e.value), QUIZ_KEYS);
            let unit = self.owner(owners, "quiz", qi, &r);
            let pass = match e.text("pass").trim_end_matches('%').parse::<u8>() {
                Ok(p) if (1..=100).contains(&p) => p,
                _ => {
                    if let Some(p) = e.child("pass") {
                        self.err(f, p.line, format!("pass mark \"{}\" is not a whole percentage from 1 to 100; write e.g. `pass: 70`", p.value));
                    }
                    0
                }
            };
            let mut ids = Vec::new();
            for q in e.all("question") {
                // Only the first declaration of a question id is built.
                let Some((idx, qf, ql)) = qtable.get(&q.value) else {
                    continue;
                };
                if qf != f || *ql != q.line {
                    continue;
                }
                let question = self.build_question(f, q, QuizId(qi as u16));
                questions.push((*idx, question));
                ids.push(QuestionId(*idx));
            }
            let intro = self.rich_of(f, e.child("intro"));
            let mode = match e.child("mode").map(|m| (m.line, m.value.as_str())) {
                None | Some((_, "immediate")) => QuizMode::Immediate,
                Some((_, "deferred")) => QuizMode::Deferred,
                Some((line, v)) => {
                    self.err(
                        f,
                        line,
                        format!("quiz mode \"{v}\" is not `immediate` or `deferred`"),
                    );
                    QuizMode::Immediate
                }
            };
            let tries = match e.child("tries") {
                None => 0,
                Some(t) => match t.value.parse::<u8>() {
                    Ok(n @ 1..=3) => n,
                    Ok(_) => {
                        // Stored progress counts tries up to 3.
                        self.diags.push(Diagnostic::new(f, t.line, format!("`tries: {}` is out of range; allow 1, 2 or 3 tries, or leave `tries` out for no limit", t.value)));
                        0
                    }
                    Err(_) => {
                        self.diags.push(Diagnostic::new(f, t.line, format!("`tries: {}` is not a whole number; write e.g. `tries: 2`, or leave it out for no limit", t.value)));
                        0
                    }
                },
            };
            let confidence = self.yes_no(f, e, "confidence");
            let shuffle = self.yes_no(f, e, "shuffle");
            let mut bands = Vec::new();
            let mut last: Option<u8> = None;
            for b in e.all("band") {
                self.check_keys(f, b, &format!("a band of quiz \"{}\"", e.value), BAND_KEYS);
                let min = match b.value.trim_end_matches('%').parse::<u8>() {
                    Ok(m) if m <= 100 => m,
                    _ => {
                        self.err(f, b.line, format!("band \"{}\" is not a percentage from 0 to 100; write e.g. `band: 70`", b.value));
                        continue;
                    }
                };
                if last.is_none() && min != 0 {
                    self.err(f, b.line, "the first band must start at 0 so every score has feedback; write `band: 0`");
                }
                if last.is_some_and(|l| min <= l) {
                    self.err(
                        f,
                        b.line,
                        "bands must go up: each `band:` starts above the one before it",
                    );
                }
                last = Some(min);
                let text = self.rich_of(f, b.child("text"));
                bands.push(Band { min, text });
            }
            quizzes.push(Quiz {
                id: leak_str(e.value.clone()),
                unit,
                title: leak_str(e.text("title")),
                intro,
                pass,
                questions: leak(ids),
                mode,
                tries,
                confidence,
                shuffle,
                bands: leak(bands),
            });
        }
        questions.sort_by_key(|(i, _)| *i);
        (
            leak(quizzes),
            leak(questions.into_iter().map(|(_, q)| q).collect()),
        )
    }

    fn build_question(&mut self, f: &str, q: &Entry, quiz: QuizId) -> Question {
        let what = format!("question \"{}\"", q.value);
        let kind = match q.text("type") {
            t if QUESTION_TYPES.contains(&t) => type_kind(t),
            other => {
                if let Some(t) = q.child("type") {
                    let hint = suggest(other, QUESTION_TYPES.iter().copied())
                        .map(|s| format!("did you mean `{s}`? "))
                        .unwrap_or_default();
                    self.err(
                        f,
                        t.line,
                        format!(
                            "unknown question type \"{other}\"; {hint}the types are {}",
                            QUESTION_TYPES.join(", ")
                        ),
                    );
                }
                QuestionKind::Single
            }
        };
        let mut fields: Vec<Field> = QUESTION_KEYS
            .iter()
            .chain(question_fields(kind))
            .copied()
            .collect();
        // A key that belongs to another kind of question gets a pointer, not a guess.
        let own = fields.clone();
        for c in &q.children {
            if own.iter().any(|f| f.key == c.key) {
                continue;
            }
            if let Some(other) = QUESTION_TYPES
                .iter()
                .find(|t| question_fields(type_kind(t)).iter().any(|f| f.key == c.key))
            {
                let this = q.text("type");
                let keys: Vec<&str> = question_fields(kind).iter().map(|f| f.key).collect();
                let article = if this.starts_with(['a', 'e', 'i', 'o', 'u']) {
                    "an"
                } else {
                    "a"
                };
                self.err(f, c.line, format!("`{}` belongs to {other} questions, not {this} ones; {article} {this} question takes {}", c.key, keys.join(", ")));
                fields.push(Field {
                    key: leak_str(c.key.clone()),
                    required: false,
                    many: true,
                });
            }
        }
        self.check_keys(f, q, &what, &fields);
        let prompt = self.rich_of(f, q.child("prompt"));
        let cites = self.citations(f, q);
        let body = match kind {
            QuestionKind::Single | QuestionKind::Multiple | QuestionKind::TrueFalse => {
                Body::Choices(self.build_choices(f, q, &what, kind))
            }
            QuestionKind::Ordering => {
                let items = self.build_items(f, q, &what, "item", ITEM_KEYS, |_, _| Some(0));
                if !(3..=8).contains(&items.len()) {
                    self.err(
                        f,
                        q.line,
                        format!(
                            "{what} has {} items to order; an ordering question takes 3 to 8",
                            items.len()
                        ),
                    );
                }
                Body::Ordering(items)
            }
            QuestionKind::Matching => {
                let targets = self.labels(f, q, &what, "target");
                let before = self.diags.len();
                let items = self.build_items(f, q, &what, "pair", PAIR_KEYS, |c, e| {
                    c.pick(f, e, "match", &targets, "target")
                });
                if self.diags.len() == before {
                    self.check_all_used(
                        f,
                        &what,
                        "target",
                        &targets,
                        items,
                        "is matched by no pair; add a pair that matches it, or remove it",
                    );
                }
                if items.len() < 2 {
                    self.err(
                        f,
                        q.line,
                        format!("{what} needs at least two `pair:` items to match"),
                    );
                }
                Body::Matching {
                    items,
                    targets: leak(targets.into_iter().map(|(_, t)| leak_str(t)).collect()),
                }
            }
            QuestionKind::Categorise => {
                let groups = self.labels(f, q, &what, "group");
                if !(2..=4).contains(&groups.len()) && !groups.is_empty() {
                    self.err(
                        f,
                        q.line,
                        format!(
                            "{what} has {} groups; a categorising question takes 2 to 4",
                            groups.len()
                        ),
                    );
                }
                let before = self.diags.len();
                let items = self.build_items(f, q, &what, "statement", STATEMENT_KEYS, |c, e| {
                    c.pick(f, e, "group", &groups, "group")
                });
                if self.diags.len() == before {
                    self.check_all_used(
                        f,
                        &what,
                        "group",
                        &groups,
                        items,
                        "has no statement in it; add one or remove the group",
                    );
                }
                if items.len() < 2 {
                    self.err(
                        f,
                        q.line,
                        format!("{what} needs at least two `statement:` items to sort"),
                    );
                }
                Body::Categorise {
                    items,
                    groups: leak(groups.into_iter().map(|(_, t)| leak_str(t)).collect()),
                }
            }
            QuestionKind::Numeric => {
                let num = |c: &mut Self, key: &str| -> i64 {
                    let Some(e) = q.child(key) else { return 0 };
                    let places = e.value.split_once('.').map_or(0, |(_, d)| d.len());
                    match parse_decimal(&e.value) {
                        Some(x) if places <= 4 => x,
                        Some(_) => {
                            c.err(
                                f,
                                e.line,
                                format!(
                                    "`{key}: {}` has more than four decimal places; round it",
                                    e.value
                                ),
                            );
                            0
                        }
                        None => {
                            c.err(
                                f,
                                e.line,
                                format!(
                                    "`{key}: {}` is not a number; write digits such as `3.8`",
                                    e.value
                                ),
                            );
                            0
                        }
                    }
                };
                let answer = num(self, "answer");
                let tolerance = num(self, "tolerance");
                if tolerance < 0 {
                    let line = q.child("tolerance").map_or(q.line, |e| e.line);
                    self.err(
                        f,
                        line,
                        "a tolerance cannot be negative; write `tolerance: 0` for an exact answer",
                    );
                }
                let units: Vec<&'static str> =
                    q.all("unit").map(|u| leak_str(u.value.clone())).collect();
                let feedback = self.rich_of(f, q.child("feedback"));
                let otherwise = self.rich_of(f, q.child("otherwise"));
                Body::Numeric(Numeric {
                    answer,
                    tolerance,
                    units: leak(units),
                    feedback,
                    otherwise,
                })
            }
            QuestionKind::ShortText => {
                let mut accepts = Vec::new();
                let mut seen: HashMap<String, u32> = HashMap::new();
                for a in q.all("accept") {
                    self.check_keys(f, a, &format!("an accepted answer of {what}"), ACCEPT_KEYS);
                    let norm = normalise_answer(&a.value);
                    if norm.is_empty() {
                        self.err(f, a.line, "an accepted answer needs letters or digits; write `accept: THE ANSWER`");
                    } else if let Some(first) = seen.insert(norm, a.line) {
                        self.err(f, a.line, format!("accepted answer \"{}\" is the same as the one at line {first} once case and punctuation are ignored; remove one", a.value));
                    }
                    let feedback = self.rich_of(f, a.child("feedback"));
                    accepts.push(Accept {
                        text: leak_str(a.value.clone()),
                        feedback,
                    });
                }
                let otherwise = self.rich_of(f, q.child("otherwise"));
                Body::ShortText {
                    accepts: leak(accepts),
                    otherwise,
                }
            }
        };
        Question {
            id: leak_str(q.value.clone()),
            quiz,
            kind,
            prompt,
            cites,
            body,
        }
    }

    /// An optional `key: yes|no`.
    fn yes_no(&mut self, f: &str, e: &Entry, key: &str) -> bool {
        match e.child(key).map(|c| (c.line, c.value.as_str())) {
            None | Some((_, "no")) => false,
            Some((_, "yes")) => true,
            Some((line, v)) => {
                self.err(
                    f,
                    line,
                    format!("`{key}: {v}` must be `{key}: yes` or `{key}: no`"),
                );
                false
            }
        }
    }

    fn build_choices(
        &mut self,
        f: &str,
        q: &Entry,
        what: &str,
        kind: QuestionKind,
    ) -> &'static [Choice] {
        let mut options = Vec::new();
        let opts: Vec<Entry> = q.all("option").cloned().collect();
        for o in &opts {
            self.check_keys(f, o, &format!("an option of {what}"), OPTION_KEYS);
            let correct = match o.child("correct").map(|c| c.value.as_str()) {
                None | Some("no") => false,
                Some("yes") => true,
                Some(v) => {
                    let line = o.child("correct").map_or(o.line, |c| c.line);
                    self.err(f, line, format!("`correct: {v}` must be `correct: yes` (or leave the key out for a wrong option)"));
                    false
                }
            };
            if o.value.is_empty() {
                self.err(
                    f,
                    o.line,
                    "an option has no label; write `option: THE ANSWER TEXT`",
                );
            }
            let label = self.rich_line(f, o.line, &o.value);
            let feedback = self.rich_of(f, o.child("feedback"));
            options.push(Choice {
                label,
                correct,
                feedback,
            });
        }
        let n_correct = options.iter().filter(|o| o.correct).count();
        if opts.len() == 1 {
            self.err(
                f,
                q.line,
                format!("{what} has only one option; add at least one more"),
            );
        }
        if opts.len() > 12 {
            self.err(
                f,
                q.line,
                format!("{what} has {} options; keep it to 12 or fewer", opts.len()),
            );
        }
        if !opts.is_empty() && n_correct == 0 {
            self.err(
                f,
                q.line,
                format!("{what} has no correct answer; mark the right option with `correct: yes`"),
            );
        }
        match kind {
            QuestionKind::Single if n_correct > 1 => self.err(
                f,
                q.line,
                format!("{what} is single choice but has {n_correct} correct options; keep one `correct: yes` or make it `type: multiple`"),
            ),
            QuestionKind::TrueFalse => {
                if n_correct > 1 {
                    self.err(f, q.line, format!("{what} is true/false but both options are marked correct; keep `correct: yes` on one"));
                }
                let labels: Vec<&str> = opts.iter().map(|o| o.value.as_str()).collect();
                if labels != ["True", "False"] {
                    self.err(f, q.line, format!("{what} is true/false, so its options must be exactly `option: True` then `option: False`"));
                }
            }
            _ => {}
        }
        leak(options)
    }

    /// Distinct plain labels under `key` (targets, groups), with their lines.
    fn labels(&mut self, f: &str, q: &Entry, what: &str, key: &str) -> Vec<(u32, String)> {
        let mut out: Vec<(u32, String)> = Vec::new();
        for e in q.all(key) {
            if let Some((line, _)) = out.iter().find(|(_, t)| *t == e.value) {
                self.err(
                    f,
                    e.line,
                    format!(
                        "{key} \"{}\" appears twice in {what} (first at line {line}); remove one",
                        e.value
                    ),
                );
                continue;
            }
            out.push((e.line, e.value.clone()));
        }
        out
    }

    /// Items under `key` (ordering items, matching pairs, statements); `key_of` finds each one's
    /// target or group. Duplicated labels are rejected.
    fn build_items(
        &mut self,
        f: &str,
        q: &Entry,
        what: &str,
        key: &str,
        fields: &[Field],
        key_of: impl Fn(&mut Self, &Entry) -> Option<u8>,
    ) -> &'static [Item] {
        let mut out = Vec::new();
        let mut seen: HashMap<String, u32> = HashMap::new();
        let entries: Vec<Entry> = q.all(key).cloned().collect();
        if entries.len() > 12 {
            self.err(
                f,
                q.line,
                format!(
                    "{what} has {} `{key}:` entries; keep it to 12 or fewer",
                    entries.len()
                ),
            );
        }
        for e in &entries {
            let article = if key.starts_with(['a', 'e', 'i', 'o', 'u']) {
                "an"
            } else {
                "a"
            };
            self.check_keys(f, e, &format!("{article} {key} of {what}"), fields);
            if e.value.is_empty() {
                self.err(
                    f,
                    e.line,
                    format!("a {key} has no label; write `{key}: ITS TEXT`"),
                );
            } else if let Some(first) = seen.insert(e.value.to_lowercase(), e.line) {
                self.err(f, e.line, format!("{key} \"{}\" appears twice in {what} (first at line {first}); every {key} must be different", e.value));
            }
            let k = key_of(self, e).unwrap_or(0);
            let label = self.rich_line(f, e.line, &e.value);
            let feedback = self.rich_of(f, e.child("feedback"));
            out.push(Item {
                label,
                key: k,
                feedback,
            });
        }
        leak(out)
    }

    /// The index of the label named by `e`'s `key` child among `labels`.
    fn pick(
        &mut self,
        f: &str,
        e: &Entry,
        key: &str,
        labels: &[(u32, String)],
        what: &str,
    ) -> Option<u8> {
        let c = e.child(key)?;
        match labels.iter().position(|(_, t)| *t == c.value) {
            Some(i) => Some(i as u8),
            None => {
                let hint = suggest(&c.value, labels.iter().map(|(_, t)| t.as_str()))
                    .map(|s| format!("did you mean \"{s}\"?"))
                    .unwrap_or_else(|| {
                        format!("write one of the question's `{what}:` lines exactly")
                    });
                self.err(
                    f,
                    c.line,
                    format!("no {what} is called \"{}\"; {hint}", c.value),
                );
                None
            }
        }
    }

    fn check_all_used(
        &mut self,
        f: &str,
        what: &str,
        kind: &str,
        labels: &[(u32, String)],
        items: &[Item],
        problem: &str,
    ) {
        for (i, (line, label)) in labels.iter().enumerate() {
            if !items.iter().any(|it| usize::from(it.key) == i) {
                self.err(f, *line, format!("{kind} \"{label}\" of {what} {problem}"));
            }
        }
    }

    fn build_scenarios(
        &mut self,
        owners: &HashMap<(&'static str, u16), u16>,
    ) -> &'static [Scenario] {
        let mut out = Vec::new();
        for (si, r) in self.valid_records("scenario").into_iter().enumerate() {
            let unit = self.owner(owners, "scenario", si, &r);
            out.push(self.build_scenario(&r, unit));
        }
        leak(out)
    }

    fn build_scenario(&mut self, r: &Rec, unit: UnitId) -> Scenario {
        let (f, e) = (r.file.as_str(), &r.entry);
        let what = format!("scenario \"{}\"", e.value);
        let diags_before = self.diags.len();
        self.check_keys(f, e, &what, SCENARIO_KEYS);

        // Variables.
        let mut vars = Vec::new();
        let mut var_ids: HashMap<String, u16> = HashMap::new();
        for v in e.all("var") {
            self.check_keys(f, v, &format!("variable \"{}\"", v.value), VAR_KEYS);
            if !is_id(&v.value) {
                self.err(f, v.line, format!("\"{}\" is not a valid variable id; use lower-case letters, digits and hyphens", v.value));
            }
            if var_ids.contains_key(&v.value) {
                self.err(
                    f,
                    v.line,
                    format!("duplicate variable \"{}\" in {what}; rename one", v.value),
                );
                continue;
            }
            let mut num = |key: &str| -> i32 {
                let Some(c) = v.child(key) else { return 0 };
                c.value.parse::<i32>().unwrap_or_else(|_| {
                    self.diags.push(Diagnostic::new(
                        f,
                        c.line,
                        format!("`{key}: {}` is not a whole number", c.value),
                    ));
                    0
                })
            };
            let (start, min, max) = (num("start"), num("min"), num("max"));
            if min >= max {
                self.err(
                    f,
                    v.line,
                    format!(
                        "variable \"{}\" has min {min} and max {max}; min must be below max",
                        v.value
                    ),
                );
            } else if !(min..=max).contains(&start) {
                let line = v.child("start").map_or(v.line, |c| c.line);
                self.err(f, line, format!("variable \"{}\" starts at {start}, outside its range {min}..{max}; change `start`", v.value));
            }
            var_ids.insert(v.value.clone(), vars.len() as u16);
            vars.push(Variable {
                id: leak_str(v.value.clone()),
                label: leak_str(v.text("label")),
                start,
                min,
                max,
            });
        }

        // Node ids: steps then endings, in file order.
        let node_entries: Vec<(bool, Entry)> = e
            .children
            .iter()
            .filter(|c| c.key == "node" || c.key == "ending")
            .map(|c| (c.key == "ending", c.clone()))
            .collect();
        let mut node_ids: HashMap<String, u16> = HashMap::new();
        let mut kept = Vec::new();
        for (is_end, n) in node_entries {
            if !is_id(&n.value) {
                self.err(
                    f,
                    n.line,
                    format!(
                        "\"{}\" is not a valid node id; use lower-case letters, digits and hyphens",
                        n.value
                    ),
                );
                continue;
            }
            if node_ids.contains_key(&n.value) {
                self.err(
                    f,
                    n.line,
                    format!("duplicate node id \"{}\" in {what}; rename one", n.value),
                );
                continue;
            }
            node_ids.insert(n.value.clone(), kept.len() as u16);
            kept.push((is_end, n));
        }
        let resolve_node = |c: &mut Self, id: &str, line: u32| -> Option<u16> {
            let got = node_ids.get(id).copied();
            if got.is_none() {
                let hint = suggest(id, node_ids.keys().map(String::as_str))
                    .map(|s| format!("did you mean \"{s}\"?"))
                    .unwrap_or_else(|| {
                        "add `node:` or `ending:` with that id, or correct it".into()
                    });
                c.err(
                    f,
                    line,
                    format!("node \"{id}\" does not exist in {what}; {hint}"),
                );
            }
            got
        };

        // Names in a condition to typed tests; `None` after reporting any problem at `line`.
        let resolve_cond = |c: &mut Self, text: &str, line: u32| -> Option<Condition> {
            let raw = match conditions::parse_condition(text) {
                Ok(raw) => raw,
                Err(msg) => {
                    c.err(f, line, msg);
                    return None;
                }
            };
            let mut ok = true;
            let mut groups: Vec<&'static [Test]> = Vec::new();
            for g in raw {
                let mut tests = Vec::new();
                for t in g {
                    let negated = matches!(t, RawTest::NotVisited(_));
                    match t {
                        RawTest::Compare(name, op, n) => match var_ids.get(&name) {
                            Some(v) => tests.push(Test::Compare(VarId(*v), op, n)),
                            None => {
                                c.unknown_var(f, line, &name, &what, &var_ids);
                                ok = false;
                            }
                        },
                        RawTest::Visited(n) | RawTest::NotVisited(n) => {
                            match resolve_node(c, &n, line) {
                                Some(i) if negated => tests.push(Test::NotVisited(NodeId(i))),
                                Some(i) => tests.push(Test::Visited(NodeId(i))),
                                None => ok = false,
                            }
                        }
                    }
                }
                groups.push(leak(tests));
            }
            ok.then(|| Condition { any: leak(groups) })
        };

        let resolved_start = e
            .child("start")
            .and_then(|s| resolve_node(self, &s.value.clone(), s.line));
        let start = resolved_start.unwrap_or(0);

        let mut nodes = Vec::new();
        let mut edges: Vec<Vec<u16>> = Vec::new();
        let mut lines: Vec<NodeLines> = Vec::new();
        for (is_end, n) in &kept {
            let mut out_edges = Vec::new();
            let mut nl = NodeLines {
                line: n.line,
                choices: Vec::new(),
            };
            let kind = if *is_end {
                self.check_keys(f, n, &format!("ending \"{}\"", n.value), ENDING_KEYS);
                let debrief = self.paras(f, n.child("debrief"));
                let see: Vec<LessonId> = n
                    .all("see")
                    .filter_map(|s| {
                        self.lookup("lesson", &s.value, f, s.line, "lesson")
                            .map(LessonId)
                    })
                    .collect();
                NodeKind::Ending(Ending {
                    title: leak_str(n.text("title")),
                    debrief,
                    see: leak(see),
                })
            } else {
                self.check_keys(f, n, &format!("node \"{}\"", n.value), NODE_KEYS);
                let mut choices = Vec::new();
                for c in n.all("choice") {
                    self.check_keys(
                        f,
                        c,
                        &format!("a choice of node \"{}\"", n.value),
                        CHOICE_KEYS,
                    );
                    let mut cl = ChoiceLines {
                        line: c.line,
                        ..Default::default()
                    };
                    let when = match c.child("if") {
                        Some(w) if w.has_value() => {
                            cl.when = Some((w.line, w.value.clone()));
                            resolve_cond(self, &w.value, w.line).unwrap_or(Condition::ALWAYS)
                        }
                        _ => Condition::ALWAYS,
                    };
                    let mut gotos = Vec::new();
                    let mut unconditional: Option<u32> = None;
                    let all_gotos: Vec<&Entry> = c.all("goto").collect();
                    for g in &all_gotos {
                        cl.gotos.push((g.line, g.value.clone()));
                        if let Some(first) = unconditional {
                            self.err(f, g.line, format!("this `goto:` is never used: the `goto:` at line {first} has no condition and always applies first; put the routes with `if` first and one without `if` last"));
                        }
                        let (target, cond) = match g.value.split_once(" if ") {
                            Some((t, cond)) => (t.trim(), Some(cond.trim())),
                            None => (g.value.trim(), None),
                        };
                        let to = resolve_node(self, target, g.line);
                        if let Some(t) = to {
                            out_edges.push(t);
                        }
                        let when = match cond {
                            Some(cond) => resolve_cond(self, cond, g.line),
                            None => {
                                unconditional.get_or_insert(g.line);
                                Some(Condition::ALWAYS)
                            }
                        };
                        if let (Some(to), Some(when)) = (to, when) {
                            gotos.push(Goto {
                                to: NodeId(to),
                                when,
                            });
                        }
                    }
                    if let Some(last) = all_gotos.last() {
                        if last.value.contains(" if ") {
                            self.err(f, last.line, "the last `goto:` of this choice has a condition; add a final `goto: NODE` without `if`, for when no condition holds");
                        }
                    }
                    let mut effects = Vec::new();
                    for ef in c.all("effect") {
                        cl.effects.push((ef.line, ef.value.clone()));
                        match parse_effect(&ef.value) {
                            Some((name, delta)) => match var_ids.get(name) {
                                Some(v) => effects.push(Effect {
                                    var: VarId(*v),
                                    delta,
                                }),
                                None => self.unknown_var(f, ef.line, name, &what, &var_ids),
                            },
                            None => self.err(
                                f,
                                ef.line,
                                format!(
                                    "effect \"{}\" is not `VARIABLE +N` or `VARIABLE -N`",
                                    ef.value
                                ),
                            ),
                        }
                    }
                    if c.value.is_empty() {
                        self.err(
                            f,
                            c.line,
                            "a choice has no label; write `choice: WHAT THE LEARNER DOES`",
                        );
                    }
                    let label = self.rich_line(f, c.line, &c.value);
                    let consequence = self.rich_of(f, c.child("consequence"));
                    choices.push(ScenarioChoice {
                        label,
                        when,
                        goto: leak(gotos),
                        consequence,
                        effects: leak(effects),
                    });
                    nl.choices.push(cl);
                }
                if choices.is_empty() {
                    self.err(f, n.line, format!("node \"{}\" has no choices and is not an ending; add a `choice:` or declare it as `ending: {}`", n.value, n.value));
                }
                NodeKind::Step {
                    choices: leak(choices),
                }
            };
            edges.push(out_edges);
            lines.push(nl);
            let text = self.paras(f, n.child("text"));
            nodes.push(Node {
                id: leak_str(n.value.clone()),
                text,
                kind,
            });
        }

        // Every node reachable from the start.
        // Reachability only means something from a start that exists.
        if !kept.is_empty() && resolved_start.is_some() {
            let mut seen = vec![false; kept.len()];
            let mut queue = VecDeque::from([usize::from(start)]);
            while let Some(i) = queue.pop_front() {
                if i >= seen.len() || std::mem::replace(&mut seen[i], true) {
                    continue;
                }
                queue.extend(edges[i].iter().map(|&g| usize::from(g)));
            }
            for (i, (is_end, n)) in kept.iter().enumerate() {
                if !seen[i] {
                    let kind = if *is_end { "ending" } else { "node" };
                    self.err(f, n.line, format!("{kind} \"{}\" cannot be reached from the start node; add a choice that leads to it, or delete it", n.value));
                }
            }
        }

        // The score formula.
        let mut score = e.child("score").and_then(|sc| {
            self.check_keys(f, sc, &format!("the score of {what}"), SCORE_KEYS);
            let parsed = match conditions::parse_score(&sc.value) {
                Ok(p) => p,
                Err(msg) => {
                    self.err(f, sc.line, msg);
                    return None;
                }
            };
            let mut terms = Vec::new();
            for (name, times) in parsed {
                match var_ids.get(&name) {
                    Some(v) => terms.push(Weight {
                        var: VarId(*v),
                        times,
                    }),
                    None => self.unknown_var(f, sc.line, &name, &what, &var_ids),
                }
            }
            Some(Score {
                label: leak_str(sc.text("label")),
                terms: leak(terms),
                min: 0,
                max: 0,
            })
        });

        // What only exploring every situation shows: choices never offered, routes never taken,
        // effects leaving a range, dead ends and endless loops. Only on a scenario that is
        // otherwise sound, so that its findings are not echoes of problems already reported.
        if self.diags.len() == diags_before && resolved_start.is_some() {
            let found = explore::explore(&vars, &nodes, NodeId(start), &lines, score.as_ref());
            if found.capped {
                self.err(f, e.line, format!("{what} has more than {} situations to check (node, variable values, nodes visited); narrow the variables' ranges, or use fewer `visited` conditions", explore::CAP));
            }
            for (line, msg) in found.problems {
                self.err(f, line, msg);
            }
            if let (Some(sc), Some((lo, hi))) = (score.as_mut(), found.score_range) {
                sc.min = lo;
                sc.max = hi;
            }
        }

        let summary = self.rich_of(f, e.child("summary"));
        let intro = self.paras(f, e.child("intro"));
        Scenario {
            id: leak_str(e.value.clone()),
            unit,
            title: leak_str(e.text("title")),
            summary,
            intro,
            vars: leak(vars),
            start: NodeId(start),
            nodes: leak(nodes),
            score,
        }
    }

    fn unknown_var(
        &mut self,
        f: &str,
        line: u32,
        name: &str,
        what: &str,
        var_ids: &HashMap<String, u16>,
    ) {
        let hint = suggest(name, var_ids.keys().map(String::as_str))
            .map(|s| format!("did you mean \"{s}\"?"))
            .unwrap_or_else(|| format!("declare it with `var: {name}` in the scenario"));
        self.err(
            f,
            line,
            format!("unknown variable \"{name}\" in {what}; {hint}"),
        );
    }
}

/// Appends the words of rich text that a reader reads (not the citations).
fn reading_text(r: Rich, out: &mut String) {
    for i in r {
        match i {
            Inline::Text(t) | Inline::Term(_, t) | Inline::Link(t, _) => out.push_str(t),
            Inline::Emphasis(v) | Inline::Strong(v) => reading_text(v, out),
            Inline::Cite(_) => {}
        }
    }
    out.push(' ');
}

/// "1999" → (1999, 0, 0); "1974-04" → (1974, 4, 0); "2019-09-13" → (2019, 9, 13).
fn parse_date(s: &str) -> Option<(u16, u8, u8)> {
    let mut parts = s.trim().split('-');
    let year: u16 = parts.next().filter(|y| y.len() == 4)?.parse().ok()?;
    let month: u8 = match parts.next() {
        Some(m) if m.len() == 2 => m.parse().ok().filter(|m| (1..=12).contains(m))?,
        Some(_) => return None,
        None => 0,
    };
    let day: u8 = match parts.next() {
        Some(d) if d.len() == 2 && month > 0 => {
            let days = match month {
                2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d.parse().ok().filter(|d| (1..=days).contains(d))?
        }
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() || !(1900..=2100).contains(&year) {
        return None;
    }
    Some((year, month, day))
}

/// `wellbeing +2` → ("wellbeing", 2).
fn parse_effect(s: &str) -> Option<(&str, i32)> {
    let (name, delta) = s.trim().split_once(' ')?;
    let delta = delta.trim();
    if !(delta.starts_with('+') || delta.starts_with('-')) {
        return None;
    }
    let n: i32 = delta.parse().ok()?;
    Some((name, n))
}

/// Joins an include path to the including file's folder; `None` if it escapes the root.
fn join_rel(from: &str, target: &str) -> Option<String> {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    Some(parts.join("/"))
}

fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = rd.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for ent in entries {
        let name = ent.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let rel = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix}/{name}")
        };
        if ent.file_type().is_ok_and(|t| t.is_dir()) {
            walk(&ent.path(), &rel, out);
        } else {
            out.push(rel);
        }
    }
}

trait LowerFirst {
    fn to_lowercase_first(&self) -> String;
}

impl LowerFirst for str {
    /// "Integrated care system" → "integrated care system", but keeps acronyms ("NHS England").
    fn to_lowercase_first(&self) -> String {
        let mut words = self.split(' ');
        let first = words.next().unwrap_or("");
        let keep = first.chars().skip(1).any(|c| c.is_uppercase());
        let mut s = if keep {
            first.to_string()
        } else {
            first.to_lowercase()
        };
        for w in words {
            s.push(' ');
            s.push_str(w);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn effects_parse() {
        assert_eq!(parse_effect("wellbeing +2"), Some(("wellbeing", 2)));
        assert_eq!(parse_effect("trust -1"), Some(("trust", -1)));
        assert_eq!(parse_effect("trust 1"), None);
        assert_eq!(parse_effect("trust"), None);
    }

    #[test]
    fn dates_parse() {
        assert_eq!(parse_date("1999"), Some((1999, 0, 0)));
        assert_eq!(parse_date("1974-04"), Some((1974, 4, 0)));
        assert_eq!(parse_date("2019-09-13"), Some((2019, 9, 13)));
        assert_eq!(parse_date("2020-02-29"), Some((2020, 2, 29)));
        for bad in [
            "99",
            "2019-13",
            "2019-02-30",
            "2021-02-29",
            "2019-9",
            "2019-09-13-1",
            "c. 2015",
            "1800",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn paths_join() {
        assert_eq!(
            join_rel("units/a/unit.txt", "quiz.txt").as_deref(),
            Some("units/a/quiz.txt")
        );
        assert_eq!(
            join_rel("course.txt", "units/x.txt").as_deref(),
            Some("units/x.txt")
        );
        assert_eq!(
            join_rel("units/a.txt", "../b.txt").as_deref(),
            Some("b.txt")
        );
        assert_eq!(join_rel("a.txt", "../b.txt"), None);
    }

    #[test]
    fn suggestions() {
        assert_eq!(suggest("titel", ["title", "summary"]), Some("title"));
        assert_eq!(suggest("zzzzzz", ["title", "summary"]), None);
    }
}
