//! Branching scenarios: variables, nodes, choices with conditions, effects and routes, endings
//! and the score. The small pure methods here (`Condition::holds`, `ScenarioChoice::apply`,
//! `target`, `Score::value`) are shared by the compiler's exploration and the app.

use super::{LessonId, NodeId, Paras, Rich, UnitId, VarId};

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
