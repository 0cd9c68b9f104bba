//! The engine's test course: the seed text in `tests/fixtures/engine`, compiled once by the
//! content compiler itself, so that the tests run against content that passes every check.

use std::path::Path;
use std::sync::OnceLock;

use super::grade::Selection;
use super::progress::Progress;
use super::route::Route;
use super::scenario::Run;
use super::state::{Action, AppState, Storage};
use crate::model::{
    Course, Effect, Ending, LessonId, Node, NodeKind, QuestionId, Scenario, ScenarioChoice,
    ScenarioId, Score,
};

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

/// A question of the test course by its index.
pub(crate) fn q(i: u16) -> QuestionId {
    QuestionId(i)
}

/// The selection of these options.
pub(crate) fn sel(options: &[usize]) -> Selection {
    options
        .iter()
        .fold(Selection::default(), |s, &o| s.toggled(o))
}

/// A walk: the choices (indices among all of a node's choices), the ending and the variables.
pub(crate) fn walk(choices: &[usize]) -> Run {
    let s = course().scenario(ScenarioId(0));
    Run::replay(ScenarioId(0), s, choices)
        .unwrap_or_else(|| panic!("walk {choices:?} is not possible"))
}

/// Progress with something of every kind: every question kind in every state, a run under way,
/// endings, reflections, dates and practice boxes.
pub(crate) fn busy_progress() -> Progress {
    use crate::engine::progress::Written;
    use crate::engine::quiz::Confidence;
    let mut s = AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    );
    s.today = 20_000;
    s.progress_mut().seed = 4_000_000_000;
    s.reduce(course(), Action::MarkRead(LessonId(0), true));
    s.today = 20_005;
    // single: checked, wrong, with confidence, then shown.
    s.reduce(
        course(),
        Action::Pick {
            question: q(0),
            option: 1,
        },
    );
    s.reduce(course(), Action::Check(q(0)));
    s.reduce(course(), Action::ShowAnswer(q(0)));
    // multi: partly right, checked.
    s.reduce(
        course(),
        Action::Pick {
            question: q(1),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(1)));
    // tf: right, then being answered again would need a restart; leave it checked.
    s.reduce(
        course(),
        Action::Pick {
            question: q(2),
            option: 0,
        },
    );
    s.reduce(course(), Action::Check(q(2)));
    // order: moved but not checked (a draft).
    s.reduce(
        course(),
        Action::Move {
            question: q(3),
            position: 1,
            up: true,
        },
    );
    // match: wrong, try again, then gave up.
    for item in 0..course().question(q(4)).items().len() {
        s.reduce(
            course(),
            Action::Assign {
                question: q(4),
                item,
                value: Some(0),
            },
        );
    }
    s.reduce(course(), Action::Check(q(4)));
    s.reduce(course(), Action::TryAgain(q(4)));
    s.reduce(course(), Action::ShowAnswer(q(4)));
    // sort: one item left unassigned (a draft with a gap).
    s.reduce(
        course(),
        Action::Assign {
            question: q(5),
            item: 0,
            value: Some(1),
        },
    );
    // number and text: typed; text checked.
    s.reduce(
        course(),
        Action::Type {
            question: q(6),
            text: "12.5".into(),
        },
    );
    s.reduce(
        course(),
        Action::Type {
            question: q(7),
            text: "héllo; k=zz".into(),
        },
    );
    s.reduce(course(), Action::Check(q(7)));
    if let Some(a) = s.progress_mut().attempt_mut(q(0)) {
        a.confidence = Some(Confidence::High);
    }
    // A scenario: one ending reached, a second run under way.
    let id = ScenarioId(0);
    s.reduce(course(), Action::StartScenario(id));
    for c in walk_to_ending(&s, id) {
        s.reduce(
            course(),
            Action::Choose {
                scenario: id,
                choice: c,
            },
        );
    }
    s.reduce(course(), Action::RestartScenario(id));
    s.reduce(
        course(),
        Action::Choose {
            scenario: id,
            choice: 0,
        },
    );
    s.progress_mut().reflections[0] = Some(Written {
        text: "Ask first; act second.\nThen: écouter 👂 ;k=".into(),
        day: 20_006,
    });
    s.progress_mut().submitted[1] = true;
    (*s.progress).clone()
}

/// The choices of the first route to an ending, taking choice 0 where it is offered.
fn walk_to_ending(s: &AppState, id: ScenarioId) -> Vec<usize> {
    let sc = course().scenario(id);
    let mut run = s.run(id).cloned().unwrap_or_else(|| Run::start(id, sc));
    let mut out = Vec::new();
    while !run.at_ending(sc) {
        let c = run.offered(sc)[0];
        run = run.choose(sc, c).expect("an offered choice");
        out.push(c);
    }
    out
}

/// A fresh state on the home page, with progress that can be saved.
pub(crate) fn state() -> AppState {
    AppState::new(
        course(),
        Route::Home,
        Progress::new(course()),
        Storage::Saved,
    )
}
