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

#[cfg(test)]
mod tests {
    use super::Run;
    use crate::engine::fixture::{course, walk};
    use crate::model::*;

    fn node_of(run: &Run) -> &'static str {
        course().scenario(ScenarioId(0)).node(run.node).id
    }

    #[test]
    fn scenario_walks_reach_expected_endings_and_values() {
        let s = course().scenario(ScenarioId(0));
        let good = Run::replay(ScenarioId(0), s, &[0, 0]).unwrap();
        assert_eq!(s.node(good.node).id, "good");
        assert!(good.at_ending(s));
        // trust 9 + 1 reaches its maximum 10; wellbeing 5 + 2.
        assert_eq!(good.vars, vec![7, 10]);
        // Content whose "Talk" gives trust +3 (which the compiler rejects) is clamped at the maximum.
        let clamping = crate::engine::fixture::clamping_scenario();
        let clamped = Run::replay(ScenarioId(0), clamping, &[0, 0]).unwrap();
        assert_eq!(clamping.node(clamped.node).id, "good");
        assert_eq!(clamped.vars, vec![7, 10]);
        // And "Meet" (trust +1 at 10) leaves it there.
        let met = Run::replay(ScenarioId(0), clamping, &[0, 1, 0, 0]).unwrap();
        assert_eq!((clamping.node(met.node).id, met.vars), ("bad", vec![5, 10]));
        assert_eq!(good.path.len(), 2);

        let bad = Run::replay(ScenarioId(0), s, &[1]).unwrap();
        assert_eq!(s.node(bad.node).id, "bad");
        assert_eq!(bad.vars, vec![1, 9]);
        assert_eq!(
            bad.last_choice(s).map(|c| c.consequence),
            Some(&[Inline::Text("You wait.")][..])
        );

        // No choice 5 at the start, and nothing to choose at an ending.
        assert!(Run::replay(ScenarioId(0), s, &[5]).is_none());
        assert!(Run::replay(ScenarioId(0), s, &[1, 0]).is_none());
    }

    #[test]
    fn conditions_decide_which_choices_are_offered() {
        let s = course().scenario(ScenarioId(0));
        let start = Run::start(ScenarioId(0), s);
        // "Call the family" needs trust >= 9: trust starts at 9.
        assert_eq!(start.offered(s), vec![0, 1, 2]);
        // After "Talk" (trust 10) the middle node offers "Ask the family again" (family not visited).
        let middle = walk(&[0]);
        assert_eq!(node_of(&middle), "middle");
        assert_eq!(middle.offered(s), vec![0, 1]);
        // At the family node, "Meet" needs middle visited (or wellbeing above 9).
        let family_first = walk(&[2]);
        assert_eq!(node_of(&family_first), "family");
        assert_eq!(family_first.vars, vec![6, 7]);
        assert!(family_first.visited(NodeId(4)) && !family_first.visited(NodeId(1)));
        assert_eq!(family_first.offered(s), vec![1], "Meet is not offered yet");
        assert!(
            family_first.choose(s, 0).is_none(),
            "a choice not offered cannot be taken"
        );
        let family_later = walk(&[0, 1]);
        assert_eq!(family_later.offered(s), vec![0, 1]);
        // Back at the middle after visiting the family, "Ask the family again" is gone.
        let again = walk(&[0, 1, 0]);
        assert_eq!(node_of(&again), "middle");
        assert_eq!(again.offered(s), vec![0]);
        assert!(Run::replay(ScenarioId(0), s, &[0, 1, 0, 1]).is_none());
    }

    #[test]
    fn routes_follow_the_first_condition_that_holds_after_the_effects() {
        // Plan: wellbeing +2, then "good if wellbeing >= 7", else "bad".
        let good = walk(&[0, 0]);
        assert_eq!((node_of(&good), good.vars.clone()), ("good", vec![7, 10]));
        // Talk, ask again (wellbeing 3), meet (trust +0: it stays at its maximum 10), plan: 5 < 7.
        let bad = walk(&[0, 1, 0, 0]);
        assert_eq!((node_of(&bad), bad.vars.clone()), ("bad", vec![5, 10]));
        assert_eq!(bad.path.len(), 4);
        let gave_up = walk(&[2, 1]);
        assert_eq!(
            (node_of(&gave_up), gave_up.vars.clone()),
            ("bad", vec![5, 7])
        );
    }

    #[test]
    fn scores_are_the_weighted_sum_of_the_variables() {
        let s = course().scenario(ScenarioId(0));
        // score: 2*wellbeing + trust
        assert_eq!(walk(&[0, 0]).score(s), Some(2 * 7 + 10));
        assert_eq!(walk(&[1]).score(s), Some(2 + 9));
        assert_eq!(walk(&[0, 1, 0, 0]).score(s), Some(2 * 5 + 10));
        let sc = s.score.as_ref().expect("scored");
        assert_eq!(sc.value(&[]), 0, "missing values count as 0");
        assert_eq!(sc.value(&[i32::MAX, 1]), i32::MAX, "no overflow");
    }

    #[test]
    fn back_undoes_one_decision_with_its_variables_and_visits() {
        let s = course().scenario(ScenarioId(0));
        let run = walk(&[0, 1]);
        assert_eq!((node_of(&run), run.vars.clone()), ("family", vec![3, 10]));
        let one = run.back(s).expect("one step back");
        assert_eq!(one, walk(&[0]));
        assert!(!one.visited(NodeId(4)), "the family is no longer visited");
        assert_eq!(
            one.offered(s),
            vec![0, 1],
            "so asking again is offered again"
        );
        let two = one.back(s).expect("two steps back");
        assert_eq!(two, Run::start(ScenarioId(0), s));
        assert!(two.back(s).is_none(), "nothing to undo at the start");
        // Back from an ending, then a different way on.
        let ended = walk(&[0, 0]);
        let undone = ended.back(s).expect("back from an ending");
        assert_eq!(node_of(&undone), "middle");
        assert_eq!(undone.choose(s, 1).map(|r| r.vars), Some(vec![3, 10]));
    }

    #[test]
    fn history_gives_the_run_before_each_decision() {
        let s = course().scenario(ScenarioId(0));
        let run = walk(&[0, 1, 0, 0]);
        let h = run.history(s);
        let at: Vec<&str> = h.iter().map(node_of).collect();
        assert_eq!(at, ["start", "middle", "family", "middle"]);
        // What was offered at each decision, for the path map.
        let offered: Vec<Vec<usize>> = h.iter().map(|r| r.offered(s)).collect();
        assert_eq!(
            offered,
            vec![vec![0, 1, 2], vec![0, 1], vec![0, 1], vec![0]]
        );
        assert_eq!(h[2].vars, vec![3, 10]);
    }
}
