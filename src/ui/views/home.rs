//! The course home (its units, each with the learner's progress) and each unit's own page.

use super::{crumbs, unit_label};
use crate::course::COURSE;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::summary::{next_step, unit_minutes, UnitSummary};
use crate::engine::text::escape_html_into as esc;
use crate::model::UnitId;
use crate::ui::rich::{link_into, raw, rich, wrapped_into};
use crate::ui::Ctx;
use yew::prelude::*;

/// How far the learner got in a unit, in words, as markup (see `ui::rich`).
fn unit_progress_into(out: &mut String, p: &Progress, u: UnitId) {
    let sum = UnitSummary::new(&COURSE, p, u);
    let (right, total) = (sum.correct, sum.quiz.questions);
    out.push_str("<ul class=\"progress-list\"><li>Lesson: ");
    status_into(out, sum.lesson_read, "read", "not read yet");
    out.push_str("</li><li>Quiz: ");
    status_into(
        out,
        right == total,
        &format!("all {total} answered correctly"),
        &format!("{right} of {total} answered correctly"),
    );
    out.push_str("</li>");
    for s in &sum.scenarios {
        let (reached, endings) = (s.reached, s.endings);
        out.push_str("<li>Scenario \u{201c}");
        esc(out, COURSE.scenario(s.scenario).title);
        out.push_str("\u{201d}: ");
        status_into(
            out,
            reached > 0,
            &format!("{reached} of {endings} endings reached"),
            "not played yet",
        );
        out.push_str("</li>");
    }
    out.push_str("</ul>");
}

/// A status in words and a symbol, never by colour alone.
fn status_into(out: &mut String, done: bool, yes: &str, no: &str) {
    out.push_str(if done {
        "<span class=\"status status-done\"><span aria-hidden=\"true\">\u{2713} </span>"
    } else {
        "<span class=\"status status-todo\"><span aria-hidden=\"true\">\u{25cb} </span>"
    });
    esc(out, if done { yes } else { no });
    out.push_str("</span>");
}

/// The units' cards, as markup: nothing in them listens to events.
fn cards(ctx: &Ctx) -> String {
    let mut out = String::new();
    for u in COURSE.unit_ids().filter(|u| ctx.0.settings.shows(*u)) {
        let unit = COURSE.unit(u);
        out.push_str("<li class=\"card\"><h3>");
        link_into(&mut out, &Route::Unit(u).href(&COURSE), &unit_label(u));
        out.push_str("</h3>");
        wrapped_into(&mut out, "p", unit.summary);
        let minutes = unit_minutes(&COURSE, u);
        let plural = if unit.scenarios.len() == 1 { "" } else { "s" };
        out.push_str(&format!("<p class=\"meta\">About {minutes} minutes: the lesson, the quiz and the scenario{plural}.</p>"));
        out.push_str("<h4 class=\"visually-hidden\">Your progress</h4>");
        unit_progress_into(&mut out, &ctx.0.progress, u);
        out.push_str("</li>");
    }
    out
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
            <ol class="cards">{ raw(cards(ctx)) }</ol>
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
            { raw({ let mut out = String::new(); unit_progress_into(&mut out, &ctx.0.progress, u); out }) }
            if !unit.discuss.is_empty() {
                <details class="lecturer">
                    <summary>{"For lecturers: seminar prompts"}</summary>
                    <ol>{ for unit.discuss.iter().map(|d| html! { <li>{ rich(d) }</li> }) }</ol>
                </details>
            }
        </>
    }
}
