//! Stage 2, ids: declares every course-wide id (one table per [`Kind`]), reporting invalid and
//! duplicate ids. A declared id's index is its position among the valid records of its kind;
//! units take the order of the course's `units:` list, questions the order of their quizzes.

use std::collections::HashMap;

use super::diagnostic::Diagnostics;
use super::kind::{Kind, PerKind};
use super::load::{Loaded, Rec};
use super::schema::is_id;

/// Where an id was declared, and its index among the records of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declared {
    pub index: u16,
    pub file: String,
    pub line: u32,
}

impl Declared {
    /// Whether this is the declaration at `file`:`line` (not a later duplicate of the id).
    pub fn is_at(&self, file: &str, line: u32) -> bool {
        self.file == file && self.line == line
    }
}

/// The declared ids of every kind: id → where it was declared.
#[derive(Debug, Default)]
pub struct Ids(PerKind<HashMap<String, Declared>>);

impl Ids {
    /// The ids of one kind.
    pub fn of(&self, kind: Kind) -> &HashMap<String, Declared> {
        &self.0[kind]
    }

    /// Records of a top-level kind whose id was declared (first of duplicates), in index order.
    pub fn valid<'a>(&self, loaded: &'a Loaded, kind: Kind) -> Vec<&'a Rec> {
        let table = self.of(kind);
        let mut out: Vec<&Rec> = loaded.records[kind]
            .iter()
            .filter(|r| {
                table
                    .get(&r.entry.value)
                    .is_some_and(|d| d.is_at(&r.file, r.entry.line))
            })
            .collect();
        out.sort_by_key(|r| table.get(&r.entry.value).map(|d| d.index));
        out
    }
}

/// Declares the ids of every kind; sorts the units into the course's order first.
pub fn declare(loaded: &mut Loaded, diags: &mut Diagnostics) -> Ids {
    sort_units(loaded);
    let mut ids = Ids::default();
    for kind in Kind::TOP_LEVEL {
        let mut table: HashMap<String, Declared> = HashMap::new();
        for r in &loaded.records[kind] {
            declare_one(
                &mut table,
                kind,
                &r.entry.value,
                &r.file,
                r.entry.line,
                diags,
            );
        }
        ids.0[kind] = table;
    }
    // Questions: course-wide ids, in quiz order.
    let mut table: HashMap<String, Declared> = HashMap::new();
    for r in ids.valid(loaded, Kind::Quiz) {
        for q in r.entry.all("question") {
            declare_one(&mut table, Kind::Question, &q.value, &r.file, q.line, diags);
        }
    }
    ids.0[Kind::Question] = table;
    ids
}

/// Units take the order of the course's `units:` list (unlisted ones go last and are reported
/// when the course is built).
fn sort_units(loaded: &mut Loaded) {
    let Some(order) = loaded
        .course
        .as_ref()
        .and_then(|c| c.entry.child("units"))
        .map(|u| u.value.clone())
    else {
        return;
    };
    let pos = |id: &str| {
        order
            .split(',')
            .map(str::trim)
            .position(|x| x == id)
            .unwrap_or(usize::MAX)
    };
    loaded.records[Kind::Unit].sort_by_key(|r| pos(&r.entry.value));
}

/// Adds `id` to its kind's table, or reports why it cannot be.
fn declare_one(
    table: &mut HashMap<String, Declared>,
    kind: Kind,
    id: &str,
    file: &str,
    line: u32,
    diags: &mut Diagnostics,
) {
    if !is_id(id) {
        diags.push(
            file,
            line,
            format!(
                "\"{id}\" is not a valid {kind} id; use lower-case letters, digits and hyphens"
            ),
        );
        return;
    }
    if let Some(first) = table.get(id) {
        let msg = format!(
            "duplicate {kind} id \"{id}\" (first defined at {}:{}); rename one of them",
            first.file, first.line
        );
        diags.push(file, line, msg);
        return;
    }
    let index = table.len() as u16;
    table.insert(
        id.to_string(),
        Declared {
            index,
            file: file.to_string(),
            line,
        },
    );
}
