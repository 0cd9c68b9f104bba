//! Stage 4, building: one builder per kind of record turns the loaded records into the typed
//! [`Course`], checking each record's keys and content as it goes. Sources and terms first
//! (everything cites them), then units (which own lessons, quizzes and scenarios), lessons,
//! quizzes with their questions, scenarios and events, and last the course record itself.

mod events;
mod lessons;
mod questions;
mod quizzes;
mod scenario;
mod sources;
mod terms;
mod units;

use super::kind::Kind;
use super::load::Rec;
use super::resolve::{leak, leak_str, Resolver};
use super::schema::{is_id, COURSE_KEYS};
use crate::model::*;
use units::Owners;

/// Builds the course; `None` when course.txt has no `course:` record (already reported).
pub fn course(cx: &mut Resolver) -> Option<Course> {
    let sources = sources::build(cx);
    let terms = terms::build(cx);
    let (units, owners) = units::build(cx);
    let (lessons, reflections) = lessons::build(cx, &owners);
    let (quizzes, questions) = quizzes::build(cx, &owners);
    let scenarios = scenario::build_all(cx, &owners);
    let events = events::build(cx);
    let course = cx.loaded.course.as_ref()?;
    let (file, e) = (&course.file, &course.entry);
    cx.check_keys(file, e, "the course", COURSE_KEYS);
    if !is_id(&e.value) {
        cx.err(
            file,
            e.line,
            format!(
                "\"{}\" is not a valid course id; use lower-case letters, digits and hyphens",
                e.value
            ),
        );
    }
    units::check_order(cx, file, e);
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
        reflections: leak(reflections),
    })
}

/// The unit that owns the `i`th record `r` of `kind`; a record no unit names is reported.
fn owner(cx: &mut Resolver, owners: &Owners, kind: Kind, i: usize, r: &Rec) -> UnitId {
    match owners.get(&(kind, i as u16)) {
        Some(u) => UnitId(*u),
        None => {
            cx.err(&r.file, r.entry.line, format!("{kind} \"{}\" is not part of any unit; name it with `{kind}: {}` in a unit, or delete it", r.entry.value, r.entry.value));
            UnitId(0)
        }
    }
}
