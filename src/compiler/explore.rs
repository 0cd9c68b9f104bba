//! Build-time exploration of a scenario's state space: every situation a learner can be in
//! (node, variable values, and which of the nodes named in `visited` conditions they have seen),
//! found by breadth-first search from the start with the engine's own rules (conditions, effects
//! with clamping, first matching route). It is exact where reasoning about ranges would be loose:
//! a choice is reported as never offered only if no reachable situation offers it.

use std::collections::HashMap;

use crate::model::{Node, NodeId, Score, Test, Variable};

/// More situations than this and the scenario is rejected as too big to check.
pub const CAP: usize = 100_000;

/// Where the parts of one choice are in the file, for the diagnostics.
#[derive(Debug, Default)]
pub struct ChoiceLines {
    pub line: u32,
    /// `if:` line and its text.
    pub when: Option<(u32, String)>,
    /// Each `goto:` line and its text.
    pub gotos: Vec<(u32, String)>,
    /// Each `effect:` line and its text.
    pub effects: Vec<(u32, String)>,
}

#[derive(Debug, Default)]
pub struct NodeLines {
    pub line: u32,
    pub choices: Vec<ChoiceLines>,
}

#[derive(Debug, Default)]
pub struct Outcome {
    /// The search stopped at [`CAP`] situations; nothing else was checked.
    pub capped: bool,
    /// (line, message), in no particular order.
    pub problems: Vec<(u32, String)>,
    /// Lowest and highest score over every reachable ending.
    pub score_range: Option<(i32, i32)>,
}

type State = (u16, Vec<i32>, Vec<bool>);
/// Per node, per choice, per effect: the first (value before, value after) leaving the range.
type Overflows = Vec<Vec<Vec<Option<(i32, i32)>>>>;

fn describe(vars: &[Variable], values: &[i32]) -> String {
    let parts: Vec<String> = vars
        .iter()
        .zip(values)
        .map(|(v, x)| format!("{} is {x}", v.id))
        .collect();
    match parts.split_last() {
        None => "at the start".to_string(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Explores the scenario; `lines` runs parallel to `nodes` (and their choices, effects, routes).
pub fn explore(
    vars: &[Variable],
    nodes: &[Node],
    start: NodeId,
    lines: &[NodeLines],
    score: Option<&Score>,
) -> Outcome {
    // The nodes that conditions ask about, and their place in a state's visited list.
    let mut tracked: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut n_tracked = 0;
    for n in nodes {
        for c in n.choices() {
            let conds = std::iter::once(&c.when).chain(c.goto.iter().map(|g| &g.when));
            for cond in conds {
                for t in cond.any.iter().flat_map(|g| g.iter()) {
                    if let Test::Visited(x) | Test::NotVisited(x) = t {
                        if let Some(slot @ None) = tracked.get_mut(x.index()) {
                            *slot = Some(n_tracked);
                            n_tracked += 1;
                        }
                    }
                }
            }
        }
    }
    let mark = |seen: &mut Vec<bool>, n: NodeId| {
        if let Some(Some(i)) = tracked.get(n.index()) {
            seen[*i] = true;
        }
    };

    let mut out = Outcome::default();
    let mut index: HashMap<State, usize> = HashMap::new();
    let mut states: Vec<State> = Vec::new();
    let mut edges: Vec<Vec<usize>> = Vec::new();
    let mut node_seen = vec![false; nodes.len()];
    let mut offered: Vec<Vec<bool>> = nodes
        .iter()
        .map(|n| vec![false; n.choices().len()])
        .collect();
    let mut taken: Vec<Vec<Vec<bool>>> = nodes
        .iter()
        .map(|n| {
            n.choices()
                .iter()
                .map(|c| vec![false; c.goto.len()])
                .collect()
        })
        .collect();
    // First example of each effect leaving its range: (value before, value after).
    let mut overflow: Overflows = nodes
        .iter()
        .map(|n| {
            n.choices()
                .iter()
                .map(|c| vec![None; c.effects.len()])
                .collect()
        })
        .collect();
    let mut dead: Vec<bool> = Vec::new();

    let mut first_seen = vec![false; n_tracked];
    mark(&mut first_seen, start);
    let first: State = (start.0, vars.iter().map(|v| v.start).collect(), first_seen);
    index.insert(first.clone(), 0);
    states.push(first);
    edges.push(Vec::new());
    dead.push(false);

    let mut i = 0;
    while i < states.len() {
        let (at, values, seen) = states[i].clone();
        let node = NodeId(at);
        let Some(n) = nodes.get(node.index()) else {
            i += 1;
            continue;
        };
        node_seen[node.index()] = true;
        let visited = |x: NodeId| match tracked.get(x.index()) {
            Some(Some(t)) => seen[*t],
            _ => false,
        };
        let mut any = false;
        for (ci, c) in n.choices().iter().enumerate() {
            if !c.when.holds(&values, &visited) {
                continue;
            }
            any = true;
            offered[node.index()][ci] = true;
            let mut next = values.clone();
            for (ei, e) in c.effects.iter().enumerate() {
                let (Some(slot), Some(v)) = (next.get_mut(e.var.index()), vars.get(e.var.index()))
                else {
                    continue;
                };
                let raw = slot.saturating_add(e.delta);
                if !(v.min..=v.max).contains(&raw) {
                    overflow[node.index()][ci][ei].get_or_insert((*slot, raw));
                }
                *slot = raw.max(v.min).min(v.max);
            }
            let Some(gi) = c.goto.iter().position(|g| g.when.holds(&next, &visited)) else {
                continue;
            };
            taken[node.index()][ci][gi] = true;
            let to = c.goto[gi].to;
            let mut next_seen = seen.clone();
            mark(&mut next_seen, to);
            let state: State = (to.0, next, next_seen);
            let j = match index.get(&state) {
                Some(&j) => j,
                None => {
                    if states.len() >= CAP {
                        out.capped = true;
                        return out;
                    }
                    let j = states.len();
                    index.insert(state.clone(), j);
                    states.push(state);
                    edges.push(Vec::new());
                    dead.push(false);
                    j
                }
            };
            edges[i].push(j);
        }
        if !any && n.ending().is_none() {
            dead[i] = true;
        }
        i += 1;
    }

    // Which situations can still reach an ending, and which can reach a dead end.
    let mut back: Vec<Vec<usize>> = vec![Vec::new(); states.len()];
    for (from, tos) in edges.iter().enumerate() {
        for &to in tos {
            back[to].push(from);
        }
    }
    let spread = |seeds: Vec<usize>| -> Vec<bool> {
        let mut hit = vec![false; states.len()];
        let mut stack = seeds;
        while let Some(k) = stack.pop() {
            if std::mem::replace(&mut hit[k], true) {
                continue;
            }
            stack.extend(back[k].iter().copied());
        }
        hit
    };
    let is_ending = |k: usize| {
        nodes
            .get(usize::from(states[k].0))
            .is_some_and(|n| n.ending().is_some())
    };
    let can_end = spread((0..states.len()).filter(|&k| is_ending(k)).collect());
    let can_stick = spread((0..states.len()).filter(|&k| dead[k]).collect());

    if let Some(sc) = score {
        out.score_range = (0..states.len())
            .filter(|&k| is_ending(k))
            .map(|k| sc.value(&states[k].1))
            .fold(None, |r, x| match r {
                None => Some((x, x)),
                Some((lo, hi)) => Some((lo.min(x), hi.max(x))),
            });
    }

    let mut stuck_example: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut loop_example: Vec<Option<usize>> = vec![None; nodes.len()];
    let mut ends_sometimes = vec![false; nodes.len()];
    for k in 0..states.len() {
        let n = usize::from(states[k].0);
        if n >= nodes.len() {
            continue;
        }
        if can_end[k] {
            ends_sometimes[n] = true;
        }
        if dead[k] {
            stuck_example[n].get_or_insert(k);
        } else if !can_end[k] && !can_stick[k] {
            loop_example[n].get_or_insert(k);
        }
    }

    for (ni, (n, nl)) in nodes.iter().zip(lines).enumerate() {
        let kind = if n.ending().is_some() {
            "ending"
        } else {
            "node"
        };
        if !node_seen[ni] {
            out.problems.push((
                nl.line,
                format!(
                    "{kind} \"{}\" can never be reached: no choice or route leading to it ever applies; check the `if` conditions on the way to it",
                    n.id
                ),
            ));
            continue;
        }
        if let Some(k) = stuck_example[ni] {
            out.problems.push((
                nl.line,
                format!(
                    "no choice of node \"{}\" is offered when {}; add a choice without `if:`, or change the conditions",
                    n.id,
                    describe(vars, &states[k].1)
                ),
            ));
        }
        if let Some(k) = loop_example[ni] {
            let when = if ends_sometimes[ni] {
                format!(" when {}", describe(vars, &states[k].1))
            } else {
                String::new()
            };
            out.problems.push((
                nl.line,
                format!(
                    "no ending can be reached from node \"{}\"{when}: its choices lead round in a loop; add a choice or route that leads towards an ending",
                    n.id
                ),
            ));
        }
        for (ci, (c, cl)) in n.choices().iter().zip(&nl.choices).enumerate() {
            if !offered[ni][ci] {
                let (line, text) = cl.when.clone().unwrap_or((cl.line, String::new()));
                out.problems.push((
                    line,
                    format!(
                        "this choice is never offered: `if: {text}` does not hold whenever a learner is at node \"{}\"; change the condition, or delete the choice",
                        n.id
                    ),
                ));
                continue;
            }
            for (gi, g) in c.goto.iter().enumerate() {
                if !taken[ni][ci][gi] && !g.when.is_always() {
                    if let Some((line, text)) = cl.gotos.get(gi) {
                        out.problems.push((
                            *line,
                            format!(
                                "`goto: {text}` is never taken: its condition does not hold whenever this choice is made; change the condition, or delete the line"
                            ),
                        ));
                    }
                }
            }
            for (ei, e) in c.effects.iter().enumerate() {
                let (Some((before, after)), Some((line, text)), Some(v)) = (
                    overflow[ni][ci][ei],
                    cl.effects.get(ei),
                    vars.get(e.var.index()),
                ) else {
                    continue;
                };
                let (side, key, bound) = if after > v.max {
                    ("above its maximum", "max", v.max)
                } else {
                    ("below its minimum", "min", v.min)
                };
                out.problems.push((
                    *line,
                    format!(
                        "effect `{text}` can take \"{}\" from {before} to {after}, {side} {bound}; make the effect smaller, or widen the range with `{key}:`",
                        v.id
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_for(nodes: &[Node]) -> Vec<NodeLines> {
        nodes
            .iter()
            .enumerate()
            .map(|(i, n)| NodeLines {
                line: i as u32 + 1,
                choices: n
                    .choices()
                    .iter()
                    .map(|c| ChoiceLines {
                        line: 100,
                        when: None,
                        gotos: c.goto.iter().map(|_| (200, String::new())).collect(),
                        effects: c.effects.iter().map(|_| (300, String::new())).collect(),
                    })
                    .collect(),
            })
            .collect()
    }

    /// The exploration agrees with the engine's walks over its test scenario, with two effects
    /// made big enough for the runtime to clamp: the score range at the endings is the one the
    /// compiler wrote into the fixture, and the only problems are those two effects ("Talk",
    /// trust +3 from 9; "Meet", trust +1 from 10).
    #[test]
    fn explores_the_engine_fixture() {
        let s = crate::engine::fixture::clamping_scenario();
        let found = explore(
            s.vars,
            s.nodes,
            s.start,
            &lines_for(s.nodes),
            s.score.as_ref(),
        );
        assert!(!found.capped);
        let problems: Vec<String> = found.problems.iter().map(|(_, m)| m.clone()).collect();
        assert_eq!(
            problems,
            [
                "effect `` can take \"trust\" from 9 to 12, above its maximum 10; make the effect smaller, or widen the range with `max:`",
                "effect `` can take \"trust\" from 10 to 11, above its maximum 10; make the effect smaller, or widen the range with `max:`",
            ]
        );
        let sc = s.score.as_ref().map(|x| (x.min, x.max));
        assert_eq!(found.score_range, sc);
        assert_eq!(found.score_range, Some((11, 24)));
    }

    #[test]
    fn describes_variable_values() {
        let v = |id| Variable {
            id,
            label: "",
            start: 0,
            min: 0,
            max: 1,
        };
        assert_eq!(describe(&[v("a")], &[1]), "a is 1");
        assert_eq!(
            describe(&[v("a"), v("b"), v("c")], &[1, 2, 3]),
            "a is 1, b is 2 and c is 3"
        );
    }
}
