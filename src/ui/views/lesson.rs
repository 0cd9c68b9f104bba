//! A lesson: its text (with any reflection boxes), its sources, "mark as read", and a button to
//! print it as a handout (the print style sheet hides the rest of the page, and each glossary
//! term's first use carries its definition).

use super::{crumbs, unit_label};
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::state::Action;
use crate::engine::steps::FIRST;
use crate::engine::text::lesson_sources;
use crate::model::LessonId;
use crate::ui::effects;
use crate::ui::rich::blocks;
use crate::ui::steps::stepped;
use crate::ui::Ctx;
use yew::prelude::*;

pub fn lesson_page(ctx: &Ctx, id: LessonId) -> Html {
    let lesson = COURSE.lesson(id);
    let unit = COURSE.unit(lesson.unit);
    let read = ctx.0.progress.is_read(id);
    let toggle = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::MarkRead(id, !read)))
    };
    let minutes = lesson.words.div_ceil(200).max(1);
    let sources = lesson_sources(&COURSE, id);
    let print = Callback::from(|_: MouseEvent| effects::print());
    html! {
        <article class="lesson">
            { crumbs(Some(lesson.unit), "Lesson") }
            <p class="print-only handout-head">{ format!("{} \u{2013} {}", COURSE.title, unit_label(lesson.unit)) }</p>
            <h1 id="view-heading" tabindex="-1">{ lesson.title }</h1>
            <p class="meta">{ format!("About {minutes} minutes' reading ({} words).", lesson.words) }</p>
            <p class="no-print"><button type="button" class="button secondary" onclick={print}>{"Print this lesson as a handout"}</button></p>
            { stepped(blocks(lesson.body), FIRST, None, id.index()) }
            if !sources.is_empty() {
                <section aria-labelledby="lesson-sources">
                    <h2 id="lesson-sources">{"Sources for this lesson"}</h2>
                    <p class="meta">{"The main sources first, then any other the text cites."}</p>
                    <ul class="lesson-sources">
                        { for sources.iter().map(|&s| {
                            let src = COURSE.source(s);
                            html! {
                                <li><a href={Route::Source(s).href(&COURSE)}>{ src.short }</a>{": "}
                                    { src.authors }{ format!(" ({}). ", src.year) }<cite>{ src.title }</cite>{". "}{ src.venue }{"."}
                                    if !src.doi.is_empty() { { format!(" doi:{}", src.doi) } }</li>
                            }
                        }) }
                    </ul>
                </section>
            }
            <div class="actions">
                <button type="button" class="button secondary" aria-pressed={if read { "true" } else { "false" }} onclick={toggle}>
                    if read { <span aria-hidden="true">{"✓ "}</span>{"Marked as read"} } else { {"Mark this lesson as read"} }
                </button>
                <a class="button" href={Route::Quiz(unit.quiz).href(&COURSE)}>{"Go to the quiz"}</a>
            </div>
        </article>
    }
}
