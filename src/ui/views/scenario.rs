//! A scenario: its introduction, each decision with its consequences and the variables it
//! moves, the ending with its score and debrief, and the route the learner took.

use super::crumbs;
use super::route_map::{route_map, Column};
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::scenario::Run;
use crate::engine::state::Action;
use crate::engine::summary::ScenarioResult;
use crate::model::{Scenario, ScenarioId, Score};
use crate::ui::effects;
use crate::ui::hooks::use_app;
use crate::ui::rich::{paras, rich};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ScenarioProps {
    pub scenario: ScenarioId,
}

fn variables(sc: &Scenario, run: Option<&Run>) -> Html {
    if sc.vars.is_empty() {
        return Html::default();
    }
    html! {
        <section class="vars" aria-labelledby="vars-heading">
            <h2 id="vars-heading">{ if run.is_some() { "Where things stand" } else { "What is tracked" } }</h2>
            <dl>
                { for sc.vars.iter().enumerate().map(|(i, v)| {
                    let value = run.and_then(|r| r.vars.get(i).copied()).unwrap_or(v.start);
                    html! {
                        <div class="var">
                            <dt>{ v.label }</dt>
                            <dd>
                                <meter min={v.min.to_string()} max={v.max.to_string()} value={value.to_string()} aria-hidden="true"></meter>
                                { format!(" {value} (scale {} to {})", v.min, v.max) }
                            </dd>
                        </div>
                    }
                }) }
            </dl>
        </section>
    }
}

/// "2 × Wellbeing + Trust − Delay", in the variables' own labels.
fn formula(sc: &Scenario, score: &Score) -> String {
    let mut out = String::new();
    for (i, w) in score.terms.iter().enumerate() {
        let sign = match (i, w.times < 0) {
            (0, false) => "",
            (0, true) => "− ",
            (_, false) => " + ",
            (_, true) => " − ",
        };
        let times = w.times.unsigned_abs();
        let label = sc.vars.get(w.var.index()).map_or("", |v| v.label);
        out.push_str(sign);
        if times != 1 {
            out.push_str(&format!("{times} × "));
        }
        out.push_str(label);
    }
    out
}

fn score_explained(sc: &Scenario) -> Html {
    let Some(score) = &sc.score else {
        return Html::default();
    };
    html! {
        <p class="score-formula">{ format!("Each ending is scored. {} = {}.", score.label, formula(sc, score)) }</p>
    }
}

/// The learner's route: each decision with the options offered then, the chosen one marked in words.
fn path_map(sc: &Scenario, run: &Run) -> Html {
    let history = run.history(sc);
    let columns: Vec<Column> = history
        .iter()
        .zip(&run.path)
        .map(|(before, step)| {
            let offered = before.offered(sc);
            Column {
                offered: offered.len(),
                taken: offered
                    .iter()
                    .position(|&i| i == usize::from(step.choice))
                    .unwrap_or(0),
            }
        })
        .collect();
    let ending = sc.node(run.node).ending().is_some();
    html! {
        <section class="path-map" aria-labelledby="route-heading">
            <h2 id="route-heading">{"Your route through the scenario"}</h2>
            <p>{"Each decision you made, with the options you had at that point: first as a diagram, then in words."}</p>
            { route_map(&columns, ending) }
            <ol class="route">
                { for history.iter().zip(&run.path).enumerate().map(|(n, (before, step))| {
                    let choices = sc.node(step.at).choices();
                    html! {
                        <li class="decision">
                            <h3>{ format!("Decision {}", n + 1) }</h3>
                            <ul class="offered">
                                { for before.offered(sc).into_iter().filter_map(|i| choices.get(i).map(|c| (i, c))).map(|(i, c)| {
                                    if i == usize::from(step.choice) {
                                        html! { <li class="chosen"><strong>{"✓ Your choice: "}</strong>{ rich(c.label) }</li> }
                                    } else {
                                        html! { <li class="not-chosen">{"Not chosen: "}{ rich(c.label) }</li> }
                                    }
                                }) }
                            </ul>
                        </li>
                    }
                }) }
            </ol>
            if let Some(e) = sc.node(run.node).ending() {
                <p class="route-end">{ format!("Where it led: {}.", e.title) }</p>
            }
        </section>
    }
}

#[component]
pub fn ScenarioPage(props: &ScenarioProps) -> Html {
    let ctx = use_app();
    let id = props.scenario;
    let sc = COURSE.scenario(id);
    let run = ctx.0.run(id).cloned();

    // After each decision the page changes in place: focus goes to what happened.
    {
        let prev = use_mut_ref(|| None::<(ScenarioId, usize)>);
        let steps = run.as_ref().map_or(usize::MAX, |r| r.path.len());
        use_effect_with((id, steps), move |&(s, steps)| {
            let before = prev.borrow_mut().replace((s, steps));
            if let Some((ps, pn)) = before {
                // Forward: to what happened. Back, or a fresh start: to the decision to take again.
                if ps == s && pn != steps {
                    effects::focus(if steps == 0 || steps < pn {
                        "scenario-step"
                    } else {
                        "scenario-happened"
                    });
                }
            }
        });
    }

    let start = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::StartScenario(id)))
    };
    let ScenarioResult {
        endings: endings_total,
        reached,
        ..
    } = ScenarioResult::new(&COURSE, &ctx.0.progress, id);

    let body = match &run {
        None => html! {
            <>
                { paras(sc.intro) }
                { variables(sc, None) }
                { score_explained(sc) }
                <p>{ format!("There are {endings_total} possible endings. You have reached {reached} of them so far.") }</p>
                <div class="actions">
                    <button type="button" class="button" onclick={start}>{"Start the scenario"}</button>
                </div>
            </>
        },
        Some(run) => {
            let node = sc.node(run.node);
            let back = (!run.path.is_empty()).then(|| {
                let ctx = ctx.clone();
                let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::BackScenario(id)));
                html! {
                    <button type="button" class="button secondary back" {onclick}>{"Back one step"}</button>
                }
            });
            let happened = run.last_choice(sc).map(|c| html! {
                <section class="happened" aria-labelledby="scenario-happened">
                    <h2 id="scenario-happened" tabindex="-1">{"What happened"}</h2>
                    <p class="you-chose">{"You chose: "}{ rich(c.label) }</p>
                    <p>{ rich(c.consequence) }</p>
                    if !c.effects.is_empty() {
                        <ul class="effects">
                            { for c.effects.iter().map(|e| {
                                let v = sc.var(e.var);
                                let dir = if e.delta > 0 { "up" } else { "down" };
                                html! { <li>{ format!("{}: {dir} by {}", v.label, e.delta.abs()) }</li> }
                            }) }
                        </ul>
                    }
                </section>
            });
            match node.ending() {
                None => {
                    let step = run.path.len() + 1;
                    html! {
                        <>
                            { happened.unwrap_or_default() }
                            { variables(sc, Some(run)) }
                            <section aria-labelledby="scenario-step">
                                <h2 id="scenario-step" tabindex="-1">{ format!("Decision {step}") }</h2>
                                <p class="meta">{ match step - 1 {
                                    0 => "Your first decision. Your route is shown at the ending.".to_string(),
                                    1 => "You have made 1 decision so far.".to_string(),
                                    n => format!("You have made {n} decisions so far."),
                                } }</p>
                                { paras(node.text) }
                                <h3 id="choices-heading">{"What do you do?"}</h3>
                                <ul class="choices" aria-labelledby="choices-heading">
                                    { for run.offered(sc).into_iter().filter_map(|i| node.choices().get(i).map(|c| (i, c))).map(|(i, c)| {
                                        let ctx = ctx.clone();
                                        let onclick = Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Choose { scenario: id, choice: i }));
                                        html! { <li><button type="button" class="button choice" {onclick}>{ rich(c.label) }</button></li> }
                                    }) }
                                </ul>
                                if let Some(back) = back {
                                    <div class="actions">{ back }</div>
                                }
                            </section>
                        </>
                    }
                }
                Some(ending) => {
                    let restart = {
                        let ctx = ctx.clone();
                        Callback::from(move |_: MouseEvent| {
                            ctx.dispatch(Action::RestartScenario(id))
                        })
                    };
                    html! {
                        <>
                            { happened.unwrap_or_default() }
                            <section class="ending" aria-labelledby="ending-heading">
                                <h2 id="ending-heading">{"Ending: "}{ ending.title }</h2>
                                { paras(node.text) }
                            </section>
                            { variables(sc, Some(run)) }
                            if let (Some(score), Some(value)) = (&sc.score, run.score(sc)) {
                                <section class="score" aria-labelledby="score-heading">
                                    <h2 id="score-heading">{ format!("{}: {value}", score.label) }</h2>
                                    <p>{ format!("Worked out as {}.", formula(sc, score)) }</p>
                                    <p>{ format!("Across every way through this scenario, scores at the endings range from {} to {}.", score.min, score.max) }</p>
                                </section>
                            }
                            <section aria-labelledby="debrief-heading">
                                <h2 id="debrief-heading">{"Debrief"}</h2>
                                { paras(ending.debrief) }
                                if !ending.see.is_empty() {
                                    <p>{"Read again: "}{ for ending.see.iter().map(|l| html! {
                                        <a href={Route::Lesson(*l).href(&COURSE)}>{ COURSE.lesson(*l).title }</a>
                                    }) }</p>
                                }
                            </section>
                            { path_map(sc, run) }
                            <p>{ format!("You have reached {reached} of the {endings_total} endings. Play again to see where other decisions lead.") }</p>
                            <div class="actions">
                                { back.unwrap_or_default() }
                                <button type="button" class="button" onclick={restart}>{"Play again from the start"}</button>
                                <a class="button secondary" href={Route::Unit(sc.unit).href(&COURSE)}>{"Back to the unit"}</a>
                            </div>
                        </>
                    }
                }
            }
        }
    };

    html! {
        <>
            { crumbs(Some(sc.unit), "Scenario") }
            <h1 id="view-heading" tabindex="-1">{ sc.title }</h1>
            <p class="lead">{ rich(sc.summary) }</p>
            { body }
        </>
    }
}
