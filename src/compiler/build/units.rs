//! Builds units, records which unit owns each lesson, quiz and scenario, and checks the
//! course's `units:` list against the units there are.

use std::collections::{BTreeSet, HashMap};

use super::super::kind::Kind;
use super::super::records::Entry;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::UNIT_KEYS;
use crate::model::*;

/// Which unit owns each lesson, quiz and scenario: (kind, index) → unit index.
pub type Owners = HashMap<(Kind, u16), u16>;

pub fn build(cx: &mut Resolver) -> (&'static [Unit], Owners) {
    let mut out = Vec::new();
    let mut owners = Owners::new();
    for (ui, r) in cx.valid(Kind::Unit).into_iter().enumerate() {
        let (f, e) = (&r.file, &r.entry);
        let what = format!("unit \"{}\"", e.value);
        cx.check_keys(f, e, &what, UNIT_KEYS);
        let ui = ui as u16;
        let mut own = |cx: &mut Resolver, kind: Kind, k: &Entry| -> Option<u16> {
            let i = cx.lookup(kind, &k.value, f, k.line, kind.word())?;
            if let Some(prev) = owners.insert((kind, i), ui) {
                if prev != ui {
                    cx.err(f, k.line, format!("{kind} \"{}\" already belongs to another unit; each {kind} belongs to one unit", k.value));
                }
            }
            Some(i)
        };
        let lesson = e
            .child("lesson")
            .and_then(|k| own(cx, Kind::Lesson, k))
            .unwrap_or(0);
        let quiz = e
            .child("quiz")
            .and_then(|k| own(cx, Kind::Quiz, k))
            .unwrap_or(0);
        let scenarios: Vec<ScenarioId> = e
            .all("scenario")
            .filter_map(|k| own(cx, Kind::Scenario, k).map(ScenarioId))
            .collect();
        let summary = cx.rich_of(f, e.child("summary"));
        let outcomes: Vec<Rich> = e.all("outcome").map(|o| cx.rich_of(f, Some(o))).collect();
        let discuss: Vec<Rich> = e.all("discuss").map(|o| cx.rich_of(f, Some(o))).collect();
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

/// The course's `units:` list names every unit once, and only units that exist.
pub fn check_order(cx: &mut Resolver, file: &str, e: &Entry) {
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
            cx.err(
                file,
                order.line,
                format!("unit \"{id}\" is listed twice in `units:`; list each unit once"),
            );
            continue;
        }
        cx.lookup(Kind::Unit, id, file, order.line, "unit");
    }
    for r in cx.valid(Kind::Unit) {
        if !seen.contains(&r.entry.value) {
            cx.err(&r.file, r.entry.line, format!("unit \"{}\" is not in the course's `units:` list in course.txt; add it there or delete the unit", r.entry.value));
        }
    }
}
