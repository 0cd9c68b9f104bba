//! The learning record (everything done, with dates; printable and downloadable) and the
//! read-only review of one quiz's answers, both rendered from the engine's record entries.

use crate::course::COURSE;
use crate::engine::day;
use crate::engine::record::{self, Entry};
use crate::engine::route::Route;
use crate::model::QuizId;
use crate::ui::effects;
use crate::ui::views::{crumbs, unit_label};
use crate::ui::Ctx;
use yew::prelude::*;

/// Entries as a definition list per entry.
fn entries(list: &[Entry]) -> Html {
    html! {
        <>
            { for list.iter().map(|e| html! {
                <article class="record-entry">
                    <h3>{ e.title.clone() }</h3>
                    if e.day > 0 {
                        <p class="meta"><time datetime={day::iso(e.day)}>{ day::words(e.day) }</time></p>
                    }
                    if !e.lines.is_empty() {
                        <dl>
                            { for e.lines.iter().map(|l| html! {
                                <>
                                    <dt>{ l.label }</dt>
                                    <dd>{ l.text.clone() }</dd>
                                </>
                            }) }
                        </dl>
                    }
                </article>
            }) }
        </>
    }
}

/// The learning record: everything done, with dates; prints cleanly and downloads.
pub fn record_page(ctx: &Ctx) -> Html {
    let sections = record::build(&COURSE, &ctx.0.progress);
    let today = ctx.0.today;
    let stamp = match day::iso(today).as_str() {
        "" => String::new(),
        d => format!("-{d}"),
    };
    let html_file = record::html(&COURSE, &sections, today);
    let md_file = record::markdown(&COURSE, &sections, today);
    html! {
        <>
            { crumbs(None, "Your learning record") }
            <h1 id="view-heading" tabindex="-1">{"Your learning record"}</h1>
            <p>{ format!("Everything you have done in this module, unit by unit, with the dates of your device. Made on {}.", day::words(today)) }</p>
            <div class="actions no-print">
                <a class="button" download={format!("learning-record{stamp}.html")} href={effects::data_url("text/html", &html_file)}>{"Download as a web page (HTML)"}</a>
                <a class="button secondary" download={format!("learning-record{stamp}.md")} href={effects::data_url("text/markdown", &md_file)}>{"Download as Markdown"}</a>
            </div>
            <p class="meta no-print">{"To print it, use your browser's Print command: the page prints without the menus. Both files suit a portfolio, such as NMC revalidation or Social Work England CPD records."}</p>
            if sections.is_empty() {
                <p>{"Nothing recorded yet. Read a lesson, answer a question, write a reflection or play a scenario, and it will appear here."}</p>
            }
            { for sections.iter().map(|s| html! {
                <section class="record-section">
                    <h2>{ s.heading.clone() }</h2>
                    { entries(&s.entries) }
                </section>
            }) }
        </>
    }
}

/// A quiz's answers, read-only: each with its result and explanation.
pub fn answers_review(ctx: &Ctx, id: QuizId) -> Html {
    let quiz = COURSE.quiz(id);
    let list = record::quiz_entries(&COURSE, &ctx.0.progress, id);
    html! {
        <>
            { crumbs(Some(quiz.unit), "Review") }
            <h1 id="view-heading" tabindex="-1">{ format!("Review: {}", quiz.title) }</h1>
            <p>{ format!("Your answers to {} of the {} questions, as you left them, with the explanations. Nothing here can be changed: to answer again, go back to the quiz.", list.len(), quiz.questions.len()) }</p>
            if list.is_empty() {
                <p>{"You have not answered any question of this quiz yet."}</p>
            }
            { entries(&list) }
            <div class="actions">
                <a class="button" href={Route::Quiz(id).href(&COURSE)}>{"Back to the quiz"}</a>
                <a class="button secondary" href={Route::Unit(quiz.unit).href(&COURSE)}>{ format!("Back to {}", unit_label(quiz.unit)) }</a>
            </div>
        </>
    }
}
