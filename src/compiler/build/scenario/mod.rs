//! Builds scenarios, in steps: [`variables`] → [`nodes`] (ids, and the names conditions and
//! routes use) → [`choices`] (each node's text, choices, routes and effects, or its ending) →
//! [`reachability`] (every node reachable from the start) → [`exploration`] (the score formula,
//! then every situation a learner can be in, when the scenario is otherwise sound).

mod choices;
mod exploration;
mod nodes;
mod reachability;
mod variables;

use std::collections::HashMap;

use super::super::kind::Kind;
use super::super::load::Rec;
use super::super::records::Entry;
use super::super::resolve::{leak, leak_str, Resolver};
use super::super::schema::SCENARIO_KEYS;
use super::{owner, Owners};
use crate::model::*;

/// The names one scenario declares, which its conditions, routes, effects and score refer to.
pub struct Scope<'e> {
    /// The scenario's file, shown in diagnostics.
    pub file: &'e str,
    /// `scenario "ID"`, for diagnostics.
    pub what: String,
    /// Variable id → index.
    pub var_ids: HashMap<String, u16>,
    /// Node id → index, steps and endings alike.
    pub node_ids: HashMap<String, u16>,
    /// The nodes with valid, distinct ids, in index order: (is an ending, its entry).
    pub nodes: Vec<(bool, &'e Entry)>,
}

pub fn build_all(cx: &mut Resolver, owners: &Owners) -> &'static [Scenario] {
    let mut out = Vec::new();
    for (si, r) in cx.valid(Kind::Scenario).into_iter().enumerate() {
        let unit = owner(cx, owners, Kind::Scenario, si, r);
        out.push(build(cx, r, unit));
    }
    leak(out)
}

fn build(cx: &mut Resolver, r: &Rec, unit: UnitId) -> Scenario {
    let (f, e) = (r.file.as_str(), &r.entry);
    let what = format!("scenario \"{}\"", e.value);
    let diags_before = cx.diags.len();
    cx.check_keys(f, e, &what, SCENARIO_KEYS);

    let (vars, var_ids) = variables::build(cx, f, e, &what);
    let scope = nodes::declare(cx, f, e, what, var_ids);
    let resolved_start = e
        .child("start")
        .and_then(|s| scope.node(cx, &s.value, s.line));
    let start = resolved_start.unwrap_or(0);
    let built = choices::build(cx, &scope);
    // Reachability only means something from a start that exists.
    if resolved_start.is_some() {
        reachability::check(cx, &scope, start, &built.edges);
    }
    let mut score = exploration::score(cx, &scope, e);
    // Only on a scenario that is otherwise sound, so that its findings are not echoes of
    // problems already reported.
    if cx.diags.len() == diags_before && resolved_start.is_some() {
        exploration::explore(cx, &scope, e, &vars, &built, NodeId(start), score.as_mut());
    }

    let summary = cx.rich_of(f, e.child("summary"));
    let intro = cx.paras(f, e.child("intro"));
    Scenario {
        id: leak_str(e.value.clone()),
        unit,
        title: leak_str(e.text("title")),
        summary,
        intro,
        vars: leak(vars),
        start: NodeId(start),
        nodes: leak(built.nodes),
        score,
    }
}
