//! Scenario step 5, the score formula and the exploration: every situation a learner can be in
//! is explored (see [`crate::compiler::explore`]), which shows what reading the file cannot:
//! choices never offered, routes never taken, effects leaving a range, dead ends, endless loops,
//! and the range the score can take at the endings.

use super::super::super::conditions;
use super::super::super::explore;
use super::super::super::records::Entry;
use super::super::super::resolve::{leak, leak_str, Resolver};
use super::super::super::schema::SCORE_KEYS;
use super::choices::Built;
use super::Scope;
use crate::model::*;

/// The scenario's `score:` formula, if it has one; its range is filled in by [`explore`].
pub fn score(cx: &mut Resolver, scope: &Scope, e: &Entry) -> Option<Score> {
    let f = scope.file;
    let sc = e.child("score")?;
    cx.check_keys(f, sc, &format!("the score of {}", scope.what), SCORE_KEYS);
    let parsed = match conditions::parse_score(&sc.value) {
        Ok(p) => p,
        Err(msg) => {
            cx.err(f, sc.line, msg);
            return None;
        }
    };
    let mut terms = Vec::new();
    for (name, times) in parsed {
        if let Some(v) = scope.var(cx, sc.line, &name) {
            terms.push(Weight {
                var: VarId(v),
                times,
            });
        }
    }
    Some(Score {
        label: leak_str(sc.text("label")),
        terms: leak(terms),
        min: 0,
        max: 0,
    })
}

/// Explores the scenario from `start`, reports what it finds, and sets the score's range.
pub fn explore(
    cx: &mut Resolver,
    scope: &Scope,
    e: &Entry,
    vars: &[Variable],
    built: &Built,
    start: NodeId,
    score: Option<&mut Score>,
) {
    let f = scope.file;
    let found = explore::explore(vars, &built.nodes, start, &built.lines, score.as_deref());
    if found.capped {
        cx.err(f, e.line, format!("{} has more than {} situations to check (node, variable values, nodes visited); narrow the variables' ranges, or use fewer `visited` conditions", scope.what, explore::CAP));
    }
    for (line, msg) in found.problems {
        cx.err(f, line, msg);
    }
    if let (Some(sc), Some((lo, hi))) = (score, found.score_range) {
        sc.min = lo;
        sc.max = hi;
    }
}
