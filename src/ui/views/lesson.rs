//! A lesson: its text (with any reflection boxes), its main sources, and "mark as read".

use super::Crumbs;
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::state::Action;
use crate::engine::text::cite_text;
use crate::model::LessonId;
use crate::ui::hooks::use_app;
use crate::ui::rich::blocks;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LessonProps {
    pub lesson: LessonId,
}

#[component]
pub fn LessonPage(props: &LessonProps) -> Html {
    let ctx = use_app();
    let id = props.lesson;
    let lesson = COURSE.lesson(id);
    let unit = COURSE.unit(lesson.unit);
    let read = ctx.0.progress.is_read(id);
    let toggle = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::MarkRead(id, !read)))
    };
    let minutes = lesson.words.div_ceil(200).max(1);
    html! {
        <article class="lesson">
            <Crumbs unit={Some(lesson.unit)} here={AttrValue::from("Lesson")} />
            <h1 id="view-heading" tabindex="-1">{ lesson.title }</h1>
            <p class="meta">{ format!("About {minutes} minutes' reading ({} words).", lesson.words) }</p>
            { blocks(lesson.body) }
            if !lesson.cites.is_empty() {
                <section aria-labelledby="lesson-sources">
                    <h2 id="lesson-sources">{"Main sources for this lesson"}</h2>
                    <ul>
                        { for lesson.cites.iter().map(|c| html! {
                            <li><a href={Route::Source(c.source).href(&COURSE)}>{ cite_text(&COURSE, c) }</a>
                                {": "}{ COURSE.source(c.source).title }</li>
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
