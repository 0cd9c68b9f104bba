//! The engine's test course: the seed text in `tests/fixtures/engine`, compiled once by the
//! content compiler itself, so that the tests run against content that passes every check.

use std::path::Path;
use std::sync::OnceLock;

use crate::model::{Course, Effect, Ending, Node, NodeKind, Scenario, ScenarioChoice, Score};

/// The compiled test course (see `tests/fixtures/engine/README.md` for what it holds).
pub(crate) fn course() -> &'static Course {
    static COURSE: OnceLock<Course> = OnceLock::new();
    COURSE.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/engine");
        crate::compiler::compile(&dir).unwrap_or_else(|diags| {
            let lines: Vec<String> = diags.iter().map(ToString::to_string).collect();
            panic!(
                "the engine's test course in {} must compile:\n{}",
                dir.display(),
                lines.join("\n")
            )
        })
    })
}

fn leak<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// The fixture's scenario with two effects the compiler rejects because they can take "trust"
/// above its maximum 10: "Talk" gives trust +3 (from 9) instead of +1, and "Meet" trust +1 (at
/// 10) instead of +0. For the tests of what the app does with such content (it clamps the value)
/// and of the compiler's exploration, which must find both.
pub(crate) fn clamping_scenario() -> &'static Scenario {
    static SCENARIO: OnceLock<Scenario> = OnceLock::new();
    SCENARIO.get_or_init(|| {
        let s = &course().scenarios[0];
        let nodes: Vec<Node> = s
            .nodes
            .iter()
            .map(|n| Node {
                id: n.id,
                text: n.text,
                kind: match &n.kind {
                    NodeKind::Ending(e) => NodeKind::Ending(Ending {
                        title: e.title,
                        debrief: e.debrief,
                        see: e.see,
                    }),
                    NodeKind::Step { choices } => NodeKind::Step {
                        choices: leak(
                            choices
                                .iter()
                                .enumerate()
                                .map(|(i, c)| {
                                    // Both choices have one effect, on trust.
                                    let trust = |delta| {
                                        leak(vec![Effect {
                                            var: c.effects[0].var,
                                            delta,
                                        }])
                                    };
                                    ScenarioChoice {
                                        label: c.label,
                                        when: c.when,
                                        goto: c.goto,
                                        consequence: c.consequence,
                                        effects: match (n.id, i) {
                                            ("start", 0) => trust(3),
                                            ("family", 0) => trust(1),
                                            _ => c.effects,
                                        },
                                    }
                                })
                                .collect(),
                        ),
                    },
                },
            })
            .collect();
        Scenario {
            id: s.id,
            unit: s.unit,
            title: s.title,
            summary: s.summary,
            intro: s.intro,
            vars: s.vars,
            start: s.start,
            nodes: leak(nodes),
            score: s.score.as_ref().map(|sc| Score {
                label: sc.label,
                terms: sc.terms,
                min: sc.min,
                max: sc.max,
            }),
        }
    })
}
