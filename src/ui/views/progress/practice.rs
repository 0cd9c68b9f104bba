//! "Practise what I missed": the question due now, with its practice note, or what is waiting.

use crate::course::COURSE;
use crate::engine::day;
use crate::engine::practice::PracticeQueue;
use crate::engine::state::{practice_note, Action};
use crate::ui::hooks::use_app;
use crate::ui::views::quiz::{use_answer_focus, QuestionCard};
use crate::ui::views::{crumbs, unit_label};
use yew::prelude::*;

/// "Practise what I missed": questions answered wrongly come back, spaced by a Leitner schedule.
#[component]
pub fn PracticePage() -> Html {
    let ctx = use_app();
    let queue = PracticeQueue::new(&COURSE, &ctx.0.progress, ctx.0.today);
    let (due, waiting, next_day) = (&queue.due, &queue.waiting, queue.next_day);
    let next = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::PracticeNext))
    };
    let how = "Questions you got wrong or only partly right come back here. Get one right and it waits a day before it comes back; right again, three days; right a third time and it leaves the list. Miss it and it starts again.";
    let current = queue.current(&ctx.0.progress, ctx.0.practising);
    let shown = current.map(|q| ctx.0.attempt(q));
    use_answer_focus(
        current,
        shown.as_ref().is_some_and(|a| a.graded.is_some()),
        shown.as_ref().is_some_and(|a| a.revealed),
    );
    html! {
        <>
            { crumbs(None, "Practice") }
            <h1 id="view-heading" tabindex="-1">{"Practise what you missed"}</h1>
            if let Some(q) = current {
                <p class="meta">{ format!("From {}. {} due now.", unit_label(COURSE.quiz(COURSE.question(q).quiz).unit), count(due.len(), "question")) }</p>
                <QuestionCard key={q.index()} question={q} />
                if ctx.0.attempt(q).graded.is_some() {
                    <p class="practice-note"><strong>{ practice_note(&ctx.0.progress, q, ctx.0.today) }</strong></p>
                }
                <div class="actions">
                    if ctx.0.attempt(q).graded.is_some() {
                        <button type="button" class="button" onclick={next.clone()}>{ if due.is_empty() { "Finish" } else { "Next question" } }</button>
                    }
                    <a class="button secondary" href="#/">{"Stop for now"}</a>
                </div>
            } else {
                <p>{ how }</p>
                if due.is_empty() {
                    <p><strong>{"Nothing is due now."}</strong>{" "}{ match next_day {
                        Some(d) => format!("{} waiting; the next comes back on {}.", count(waiting.len(), "question is"), day::words(d)),
                        None => "Questions you miss in a quiz will appear here.".to_string(),
                    } }</p>
                } else {
                    <p><strong>{ format!("{} due now.", count(due.len(), "question")) }</strong>
                    if !waiting.is_empty() { { format!(" {} waiting for a later day.", count(waiting.len(), "more")) } }</p>
                    <button type="button" class="button" onclick={next}>{"Start practising"}</button>
                }
            }
        </>
    }
}

/// "1 question", "3 questions", "2 questions are", "4 more".
fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "question is") => format!("{n} questions are"),
        (_, "more") => format!("{n} more"),
        _ => format!("{n} {what}s"),
    }
}
