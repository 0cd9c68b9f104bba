//! Reducing the scenario actions: starting (or restarting) a run, making a choice, going back.

use super::{AppState, Changed};
use crate::engine::scenario::Run;
use crate::engine::text::plain;
use crate::model::{Course, ScenarioId};

impl AppState {
    pub fn run(&self, s: ScenarioId) -> Option<&Run> {
        self.progress.run(s)
    }

    pub(super) fn start_scenario(&mut self, course: &Course, s: ScenarioId) -> Changed {
        let sc = course.scenario(s);
        if let Some(slot) = self.progress_mut().runs.get_mut(s.index()) {
            *slot = Some(Run::start(s, sc));
        }
        self.announce(format!("Scenario started: {}.", sc.title))
    }

    pub(super) fn choose(
        &mut self,
        course: &Course,
        scenario: ScenarioId,
        choice: usize,
    ) -> Changed {
        let sc = course.scenario(scenario);
        let Some(next) = self.run(scenario).and_then(|r| r.choose(sc, choice)) else {
            return Changed::No;
        };
        let consequence = next
            .last_choice(sc)
            .map(|c| plain(course, c.consequence))
            .unwrap_or_default();
        let node = next.node;
        let today = self.today;
        let progress = self.progress_mut();
        if let Some(slot) = progress.runs.get_mut(scenario.index()) {
            *slot = Some(next);
        }
        if let Some(d) = progress.played_on.get_mut(scenario.index()) {
            *d = today;
        }
        let text = match sc.node(node).ending() {
            Some(e) => {
                progress.reach(scenario, node);
                format!("{consequence} Ending reached: {}.", e.title)
            }
            None => consequence,
        };
        self.announce(text)
    }

    pub(super) fn back_scenario(&mut self, course: &Course, scenario: ScenarioId) -> Changed {
        let sc = course.scenario(scenario);
        let Some(prev) = self.run(scenario).and_then(|r| r.back(sc)) else {
            return Changed::No;
        };
        let step = prev.path.len() + 1;
        if let Some(slot) = self.progress_mut().runs.get_mut(scenario.index()) {
            *slot = Some(prev);
        }
        self.announce(format!(
            "Went back one step. Your last choice is undone. Decision {step}."
        ))
    }
}

#[cfg(test)]
mod tests {
    use crate::engine::fixture::{course, state, walk};
    use crate::engine::state::Action;
    use crate::model::*;

    #[test]
    fn scenario_actions_record_endings() {
        let mut s = state();
        let id = ScenarioId(0);
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: 0,
            },
        );
        assert!(s.run(id).is_none(), "no choice before the scenario starts");
        s.reduce(course(), Action::StartScenario(id));
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: 1,
            },
        );
        assert_eq!(s.announcement.text, "You wait. Ending reached: Bad ending.");
        assert_eq!(s.progress.endings(id), &[NodeId(3)]);
        s.reduce(course(), Action::RestartScenario(id));
        assert_eq!(s.run(id).map(|r| r.path.len()), Some(0));
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: 0,
            },
        );
        assert_eq!(s.announcement.text, "You talk.");
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: 0,
            },
        );
        assert_eq!(s.progress.endings(id), &[NodeId(2), NodeId(3)]);
    }

    #[test]
    fn back_in_the_reducer_restores_and_announces() {
        let mut s = state();
        let id = ScenarioId(0);
        let before = s.announcement.clone();
        s.reduce(course(), Action::BackScenario(id));
        assert_eq!(s.announcement, before, "no run: nothing happens");
        s.reduce(course(), Action::StartScenario(id));
        let started = s.announcement.clone();
        s.reduce(course(), Action::BackScenario(id));
        assert_eq!(s.announcement, started, "at the start: nothing to undo");
        for c in [0, 0] {
            s.reduce(
                course(),
                Action::Choose {
                    scenario: id,
                    choice: c,
                },
            );
        }
        assert_eq!(s.progress.endings(id), &[NodeId(2)]);
        s.reduce(course(), Action::BackScenario(id));
        assert_eq!(
            s.announcement.text,
            "Went back one step. Your last choice is undone. Decision 2."
        );
        assert_eq!(s.run(id), Some(&walk(&[0])));
        assert_eq!(
            s.progress.endings(id),
            &[NodeId(2)],
            "an ending reached stays reached"
        );
        // A choice that is not offered does nothing.
        let announced = s.announcement.clone();
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: 2,
            },
        );
        assert_eq!(s.run(id), Some(&walk(&[0])));
        assert_eq!(s.announcement, announced);
    }
}
