//! A deferred quiz before it is submitted: every answer, a way to change each, and Submit.

use crate::course::COURSE;
use crate::engine::outcome;
use crate::engine::quiz::answer_summary;
use crate::engine::route::Route;
use crate::engine::state::{Action, RefusedAt};
use crate::model::QuizId;
use crate::ui::rich::rich;
use crate::ui::views::crumbs;
use crate::ui::views::error_message;
use crate::ui::Ctx;
use yew::prelude::*;

/// A deferred quiz before it is submitted: every answer, a way to change each, and Submit. A
/// function of the results page, which shows it until the quiz is submitted.
pub fn review_page(ctx: &Ctx, id: QuizId) -> Html {
    let quiz = COURSE.quiz(id);
    let order = ctx.0.quiz_order(&COURSE, id);
    let submit = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Submit(id)))
    };
    let unanswered = order
        .iter()
        .filter(|q| !ctx.0.attempt(**q).is_answered(&COURSE, **q))
        .count();
    let refused = ctx.0.refused(RefusedAt::Submit(id));
    // Answers still wanting a sureness, marked in the list while the refusal stands.
    let unsure = if refused.is_some() {
        ctx.0.wanting_sureness(&COURSE, id)
    } else {
        Vec::new()
    };
    html! {
        <>
            { crumbs(Some(quiz.unit), "Review") }
            <h1 id="view-heading" tabindex="-1">{ format!("Review your answers: {}", quiz.title) }</h1>
            <p>{"Check your answers below and change any of them. Nothing is marked until you submit."}</p>
            <ol class="review-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let question = COURSE.question(*q);
                    let a = ctx.0.attempt(*q);
                    html! {
                        <li>
                            <p class="feedback-option"><strong>{ format!("Question {}: ", i + 1) }</strong>{ rich(question.prompt) }</p>
                            <p>{"Your answer: "}{ if a.is_answered(&COURSE, *q) { answer_summary(&COURSE, question, &a.answer) } else { outcome::words(None).to_string() } }
                                if let Some(c) = a.confidence { { format!(" ({})", c.words().to_ascii_lowercase()) } }
                            </p>
                            if unsure.contains(&i) {
                                <p class="error-message" id={format!("unsure-{}", i + 1)}><span class="visually-hidden">{"Error: "}</span>{"How sure you are is not given yet."}</p>
                            }
                            <p><a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Change your answer to question {}", i + 1) }</a></p>
                        </li>
                    }
                }) }
            </ol>
            if unanswered > 0 {
                <p class="notice">{ format!("{unanswered} {} not answered yet and will count as zero.", if unanswered == 1 { "question is" } else { "questions are" }) }</p>
            }
            <div class={classes!("actions", "submit-row", refused.is_some().then_some("has-error"))}>
                { error_message("submit-error", refused) }
                <button type="button" id="submit-button" class="button" onclick={submit}
                    aria-describedby={refused.map(|_| "submit-error")}>{"Submit all answers"}</button>
            </div>
        </>
    }
}
