//! The course home (its units, each with the learner's progress) and each unit's own page.

use super::{crumbs, status, unit_label};
use crate::course::COURSE;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::summary::{next_step, unit_minutes, UnitSummary};
use crate::model::UnitId;
use crate::ui::rich::rich;
use crate::ui::Ctx;
use yew::prelude::*;

/// How far the learner got in a unit, in words.
fn unit_progress(p: &Progress, u: UnitId) -> Html {
    let sum = UnitSummary::new(&COURSE, p, u);
    let (right, total) = (sum.correct, sum.quiz.questions);
    html! {
        <ul class="progress-list">
            <li>{"Lesson: "}{ status(sum.lesson_read, "read", "not read yet") }</li>
            <li>{"Quiz: "}{ status(right == total, &format!("all {total} answered correctly"), &format!("{right} of {total} answered correctly")) }</li>
            { for sum.scenarios.iter().map(|s| {
                let sc = COURSE.scenario(s.scenario);
                let (reached, endings) = (s.reached, s.endings);
                html! {
                    <li>{"Scenario “"}{sc.title}{"”: "}
                        { status(reached > 0, &format!("{reached} of {endings} endings reached"), "not played yet") }
                    </li>
                }
            }) }
        </ul>
    }
}

pub fn home(ctx: &Ctx) -> Html {
    let p = &ctx.0.progress;
    let due = ctx.0.due(&COURSE).len();
    let next = next_step(&COURSE, p, |u| ctx.0.settings.shows(u));
    html! {
        <>
            <h1 id="view-heading" tabindex="-1">{ COURSE.title }</h1>
            <p class="lead">{"An interactive module for students of social work, nursing and health policy. Each unit has a lesson, a quiz that explains every answer, and a scenario in which your decisions have consequences. Every fact is cited to its source."}</p>
            if !p.is_blank(&COURSE) {
                <ul class="shortcuts">
                    if let Some(route) = next {
                        <li><a href={route.href(&COURSE)}>{ format!("Continue where you left off: {}", route.title(&COURSE)) }</a></li>
                    }
                    if due > 0 {
                        <li><a href="#/practice">{ format!("Practise what you missed ({due} due)") }</a></li>
                    }
                    <li><a href="#/record">{"Your learning record"}</a></li>
                    <li><a href="#/progress">{"Your progress code"}</a></li>
                </ul>
            }
            <h2>{"Units"}</h2>
            <ol class="cards">
                { for COURSE.unit_ids().filter(|u| ctx.0.settings.shows(*u)).map(|u| {
                    let unit = COURSE.unit(u);
                    html! {
                        <li class="card">
                            <h3><a href={Route::Unit(u).href(&COURSE)}>{ unit_label(u) }</a></h3>
                            <p>{ rich(unit.summary) }</p>
                            <p class="meta">{ format!("About {} minutes: the lesson, the quiz and the scenario{}.", unit_minutes(&COURSE, u), if unit.scenarios.len() == 1 { "" } else { "s" }) }</p>
                            <h4 class="visually-hidden">{"Your progress"}</h4>
                            { unit_progress(p, u) }
                        </li>
                    }
                }) }
            </ol>
        </>
    }
}

pub fn unit_page(ctx: &Ctx, u: UnitId) -> Html {
    let unit = COURSE.unit(u);
    let lesson = COURSE.lesson(unit.lesson);
    let quiz = COURSE.quiz(unit.quiz);
    let minutes = lesson.words.div_ceil(200).max(1);
    html! {
        <>
            { crumbs(None, &unit_label(u)) }
            <h1 id="view-heading" tabindex="-1">{ unit_label(u) }</h1>
            <p class="lead">{ rich(unit.summary) }</p>
            <h2>{"What you will be able to do"}</h2>
            <ul>{ for unit.outcomes.iter().map(|o| html! { <li>{ rich(o) }</li> }) }</ul>
            <h2>{"In this unit"}</h2>
            <ol class="steps">
                <li>
                    <a href={Route::Lesson(unit.lesson).href(&COURSE)}>{"Lesson: "}{ lesson.title }</a>
                    <span class="meta">{ format!(" (about {minutes} minutes' reading)") }</span>
                </li>
                <li>
                    <a href={Route::Quiz(unit.quiz).href(&COURSE)}>{"Quiz: "}{ quiz.title }</a>
                    <span class="meta">{ format!(" ({} questions)", quiz.questions.len()) }</span>
                </li>
                { for unit.scenarios.iter().map(|s| html! {
                    <li><a href={Route::Scenario(*s).href(&COURSE)}>{"Scenario: "}{ COURSE.scenario(*s).title }</a></li>
                }) }
            </ol>
            <h2>{"Your progress"}</h2>
            { unit_progress(&ctx.0.progress, u) }
            if !unit.discuss.is_empty() {
                <details class="lecturer">
                    <summary>{"For lecturers: seminar prompts"}</summary>
                    <ol>{ for unit.discuss.iter().map(|d| html! { <li>{ rich(d) }</li> }) }</ol>
                </details>
            }
        </>
    }
}
