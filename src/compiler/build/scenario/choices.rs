//! Scenario step 3, the nodes themselves: each step's text and choices (their conditions,
//! routes and effects), each ending's title, debrief and lessons to revisit. It also records
//! where each part is in the file, for the exploration's diagnostics.

use super::super::super::explore::{ChoiceLines, NodeLines};
use super::super::super::kind::Kind;
use super::super::super::records::Entry;
use super::super::super::resolve::{leak, leak_str, Resolver};
use super::super::super::schema::{CHOICE_KEYS, ENDING_KEYS, NODE_KEYS};
use super::Scope;
use crate::model::*;

/// The built nodes, with what the later steps need.
pub struct Built {
    pub nodes: Vec<Node>,
    /// Per node, the nodes its routes lead to.
    pub edges: Vec<Vec<u16>>,
    /// Per node, where its choices, routes and effects are in the file.
    pub lines: Vec<NodeLines>,
}

/// Builds every node of the scope, in index order.
pub fn build(cx: &mut Resolver, scope: &Scope) -> Built {
    let f = scope.file;
    let mut built = Built {
        nodes: Vec::new(),
        edges: Vec::new(),
        lines: Vec::new(),
    };
    for &(is_end, n) in &scope.nodes {
        let mut out_edges = Vec::new();
        let mut nl = NodeLines {
            line: n.line,
            choices: Vec::new(),
        };
        let kind = if is_end {
            ending(cx, f, n)
        } else {
            step(cx, scope, n, &mut out_edges, &mut nl)
        };
        built.edges.push(out_edges);
        built.lines.push(nl);
        let text = cx.paras(f, n.child("text"));
        built.nodes.push(Node {
            id: leak_str(n.value.clone()),
            text,
            kind,
        });
    }
    built
}

fn ending(cx: &mut Resolver, f: &str, n: &Entry) -> NodeKind {
    cx.check_keys(f, n, &format!("ending \"{}\"", n.value), ENDING_KEYS);
    let debrief = cx.paras(f, n.child("debrief"));
    let see: Vec<LessonId> = n
        .all("see")
        .filter_map(|s| {
            cx.lookup(Kind::Lesson, &s.value, f, s.line, "lesson")
                .map(LessonId)
        })
        .collect();
    NodeKind::Ending(Ending {
        title: leak_str(n.text("title")),
        debrief,
        see: leak(see),
    })
}

/// A step: its choices; the nodes they lead to go to `out_edges`, their lines to `nl`.
fn step(
    cx: &mut Resolver,
    scope: &Scope,
    n: &Entry,
    out_edges: &mut Vec<u16>,
    nl: &mut NodeLines,
) -> NodeKind {
    let f = scope.file;
    cx.check_keys(f, n, &format!("node \"{}\"", n.value), NODE_KEYS);
    let mut choices = Vec::new();
    for c in n.all("choice") {
        cx.check_keys(
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
                scope
                    .condition(cx, &w.value, w.line)
                    .unwrap_or(Condition::ALWAYS)
            }
            _ => Condition::ALWAYS,
        };
        let gotos = routes(cx, scope, c, out_edges, &mut cl);
        let effects = effects(cx, scope, c, &mut cl);
        if c.value.is_empty() {
            cx.err(
                f,
                c.line,
                "a choice has no label; write `choice: WHAT THE LEARNER DOES`",
            );
        }
        let label = cx.rich_line(f, c.line, &c.value);
        let consequence = cx.rich_of(f, c.child("consequence"));
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
        cx.err(f, n.line, format!("node \"{}\" has no choices and is not an ending; add a `choice:` or declare it as `ending: {}`", n.value, n.value));
    }
    NodeKind::Step {
        choices: leak(choices),
    }
}

/// A choice's `goto:` routes, the first whose condition holds being taken.
fn routes(
    cx: &mut Resolver,
    scope: &Scope,
    c: &Entry,
    out_edges: &mut Vec<u16>,
    cl: &mut ChoiceLines,
) -> Vec<Goto> {
    let f = scope.file;
    let mut gotos = Vec::new();
    let mut unconditional: Option<u32> = None;
    let all_gotos: Vec<&Entry> = c.all("goto").collect();
    for g in &all_gotos {
        cl.gotos.push((g.line, g.value.clone()));
        if let Some(first) = unconditional {
            cx.err(f, g.line, format!("this `goto:` is never used: the `goto:` at line {first} has no condition and always applies first; put the routes with `if` first and one without `if` last"));
        }
        let (target, cond) = match g.value.split_once(" if ") {
            Some((t, cond)) => (t.trim(), Some(cond.trim())),
            None => (g.value.trim(), None),
        };
        let to = scope.node(cx, target, g.line);
        if let Some(t) = to {
            out_edges.push(t);
        }
        let when = match cond {
            Some(cond) => scope.condition(cx, cond, g.line),
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
            cx.err(f, last.line, "the last `goto:` of this choice has a condition; add a final `goto: NODE` without `if`, for when no condition holds");
        }
    }
    gotos
}

/// A choice's `effect:` lines.
fn effects(cx: &mut Resolver, scope: &Scope, c: &Entry, cl: &mut ChoiceLines) -> Vec<Effect> {
    let mut effects = Vec::new();
    for ef in c.all("effect") {
        cl.effects.push((ef.line, ef.value.clone()));
        match parse_effect(&ef.value) {
            Some((name, delta)) => {
                if let Some(v) = scope.var(cx, ef.line, name) {
                    effects.push(Effect {
                        var: VarId(v),
                        delta,
                    });
                }
            }
            None => cx.err(
                scope.file,
                ef.line,
                format!(
                    "effect \"{}\" is not `VARIABLE +N` or `VARIABLE -N`; write the variable, a space and a signed whole number, e.g. `effect: trust +1`",
                    ef.value
                ),
            ),
        }
    }
    effects
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
}
