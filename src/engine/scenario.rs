//! Stepping through a branching scenario.

use crate::model::{NodeId, Scenario, ScenarioChoice, ScenarioId};

/// One decision taken: at which node, which choice (its index among all the node's choices).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub at: NodeId,
    pub choice: u8,
}

/// A learner's way through a scenario so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub scenario: ScenarioId,
    pub node: NodeId,
    pub vars: Vec<i32>,
    pub path: Vec<Step>,
}

impl Run {
    pub fn start(id: ScenarioId, s: &Scenario) -> Run {
        Run {
            scenario: id,
            node: s.start,
            vars: s.vars.iter().map(|v| v.start).collect(),
            path: Vec::new(),
        }
    }

    /// Whether the learner has been at `node` in this run (the current node included).
    pub fn visited(&self, node: NodeId) -> bool {
        self.node == node || self.path.iter().any(|s| s.at == node)
    }

    /// Whether choice `choice` of the current node is offered now (its `if:` holds).
    pub fn is_offered(&self, s: &Scenario, choice: usize) -> bool {
        s.node(self.node)
            .choices()
            .get(choice)
            .is_some_and(|c| c.when.holds(&self.vars, &|n| self.visited(n)))
    }

    /// The indices of the current node's choices that are offered now, in order.
    pub fn offered(&self, s: &Scenario) -> Vec<usize> {
        (0..s.node(self.node).choices().len())
            .filter(|&i| self.is_offered(s, i))
            .collect()
    }

    /// Takes choice `choice` at the current node. `None` when there is no such choice (at an
    /// ending, or an index the node does not have) or it is not offered now.
    pub fn choose(&self, s: &Scenario, choice: usize) -> Option<Run> {
        if !self.is_offered(s, choice) {
            return None;
        }
        let c = s.node(self.node).choices().get(choice)?;
        let mut next = self.clone();
        c.apply(&mut next.vars, s.vars);
        let to = c.target(&next.vars, &|n| self.visited(n))?;
        next.path.push(Step {
            at: self.node,
            choice: u8::try_from(choice).ok()?,
        });
        next.node = to;
        Some(next)
    }

    /// Replays a list of choices from the start; `None` if one is not available.
    pub fn replay(id: ScenarioId, s: &Scenario, choices: &[usize]) -> Option<Run> {
        choices
            .iter()
            .try_fold(Run::start(id, s), |run, &c| run.choose(s, c))
    }

    /// The run one decision earlier: node, variables and visited nodes as they were before the
    /// last choice. `None` at the start.
    pub fn back(&self, s: &Scenario) -> Option<Run> {
        let (_, earlier) = self.path.split_last()?;
        let choices: Vec<usize> = earlier.iter().map(|st| usize::from(st.choice)).collect();
        Run::replay(self.scenario, s, &choices)
    }

    /// The run as it stood before each decision taken so far, in order (one per step of `path`).
    pub fn history(&self, s: &Scenario) -> Vec<Run> {
        let mut out = Vec::with_capacity(self.path.len());
        let mut run = Run::start(self.scenario, s);
        for st in &self.path {
            let Some(next) = run.choose(s, usize::from(st.choice)) else {
                break;
            };
            out.push(std::mem::replace(&mut run, next));
        }
        out
    }

    pub fn at_ending(&self, s: &Scenario) -> bool {
        s.node(self.node).ending().is_some()
    }

    /// The scenario's score for the current variables, if it is scored.
    pub fn score(&self, s: &Scenario) -> Option<i32> {
        s.score.as_ref().map(|sc| sc.value(&self.vars))
    }

    /// The choice that led here, with the node it was taken at.
    pub fn last_choice<'a>(&self, s: &'a Scenario) -> Option<&'a ScenarioChoice> {
        let step = self.path.last()?;
        s.node(step.at).choices().get(usize::from(step.choice))
    }
}
