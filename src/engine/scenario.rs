//! Stepping through a branching scenario.

use crate::model::{NodeId, Scenario, ScenarioId};

/// One decision taken: at which node, which choice.
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

    /// Takes choice `choice` at the current node. `None` when there is no such choice
    /// (at an ending, or an index the node does not have).
    pub fn choose(&self, s: &Scenario, choice: usize) -> Option<Run> {
        let c = s.node(self.node).choices().get(choice)?;
        let mut next = self.clone();
        for e in c.effects {
            let v = s.var(e.var);
            let slot = next.vars.get_mut(e.var.index())?;
            *slot = (*slot + e.delta).clamp(v.min, v.max);
        }
        next.path.push(Step {
            at: self.node,
            choice: choice as u8,
        });
        next.node = c.goto;
        Some(next)
    }

    /// Replays a list of choices from the start; `None` if one is not available.
    pub fn replay(id: ScenarioId, s: &Scenario, choices: &[usize]) -> Option<Run> {
        choices
            .iter()
            .try_fold(Run::start(id, s), |run, &c| run.choose(s, c))
    }

    pub fn at_ending(&self, s: &Scenario) -> bool {
        s.node(self.node).ending().is_some()
    }

    /// The choice that led here, with the node it was taken at.
    pub fn last_choice<'a>(&self, s: &'a Scenario) -> Option<&'a crate::model::ScenarioChoice> {
        let step = self.path.last()?;
        s.node(step.at).choices().get(usize::from(step.choice))
    }
}
