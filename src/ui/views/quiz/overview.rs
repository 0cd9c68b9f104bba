//! A quiz's overview page: what it asks and how it runs, its questions with their state, and
//! where to start or carry on.

use super::attempt_status;
use crate::course::COURSE;
use crate::engine::phase::QuizPhase;
use crate::engine::route::Route;
use crate::engine::state::Action;
use crate::engine::summary::QuizResult;
use crate::model::{QuestionId, Quiz, QuizId, QuizMode};
use crate::ui::rich::rich;
use crate::ui::views::crumbs;
use crate::ui::Ctx;
use yew::prelude::*;

pub fn quiz_page(ctx: &Ctx, id: QuizId) -> Html {
    let quiz = COURSE.quiz(id);
    let answered = QuizResult::new(&COURSE, &ctx.0.progress, id).marked;
    let restart = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::RestartQuiz(id)))
    };
    let order = ctx.0.quiz_order(&COURSE, id);
    let deferred = QuizPhase::of(&COURSE, &ctx.0, id).is_collecting();
    let is_answered = |q: QuestionId| ctx.0.attempt(q).is_answered(&COURSE, q);
    let next = order
        .iter()
        .position(|q| {
            if deferred {
                !is_answered(*q)
            } else {
                ctx.0.attempt(*q).graded.is_none()
            }
        })
        .unwrap_or(0) as u16;
    let started = order
        .iter()
        .any(|q| is_answered(*q) || ctx.0.attempt(*q).graded.is_some());
    html! {
        <>
            { crumbs(Some(quiz.unit), "Quiz") }
            <h1 id="view-heading" tabindex="-1">{ quiz.title }</h1>
            <p class="lead">{ rich(quiz.intro) }</p>
            <p>{ format!("{} questions. Pass mark: {} per cent. ", quiz.questions.len(), ctx.0.pass_mark(&COURSE, id)) }{ how_it_works(ctx.0.mode(&COURSE, id), quiz) }</p>
            <h2>{"Questions"}</h2>
            <ol class="question-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let a = ctx.0.attempt(*q);
                    let status = if deferred && is_answered(*q) {
                        html! { <span class="status"><span aria-hidden="true">{"● "}</span>{"Answered"}</span> }
                    } else {
                        attempt_status(&a)
                    };
                    html! {
                        <li>
                            <a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Question {}", i + 1) }</a>
                            {" "}{ status }
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                if answered == quiz.questions.len() && !deferred {
                    <a class="button" href={Route::Results(id).href(&COURSE)}>{"See your results"}</a>
                } else if deferred && order.iter().all(|q| is_answered(*q)) {
                    <a class="button" href={Route::Results(id).href(&COURSE)}>{"Review and submit"}</a>
                } else {
                    <a class="button" href={Route::Question(id, next).href(&COURSE)}>
                        { if !started { "Start the quiz".to_string() } else { format!("Continue with question {}", next + 1) } }
                    </a>
                }
                if started {
                    <button type="button" class="button secondary" onclick={restart}>{"Clear my answers and restart"}</button>
                }
            </div>
        </>
    }
}

/// How a quiz runs, in a sentence or two.
fn how_it_works(mode: QuizMode, quiz: &Quiz) -> String {
    let mut s = match mode {
        QuizMode::Immediate if quiz.tries > 0 => format!(
            "Check each answer to see why it is right or wrong. You have {} {} per question; then the answer is shown.",
            quiz.tries,
            if quiz.tries == 1 { "try" } else { "tries" }
        ),
        QuizMode::Immediate => "Check each answer to see why it is right or wrong; you can try again as often as you like.".to_string(),
        QuizMode::Deferred => "Answer every question, review your answers and change any you like, then submit them all to see your score and every explanation.".to_string(),
    };
    if quiz.confidence {
        s.push_str(" With each answer, say how sure you are: the marking rewards knowing what you know (right: 1, 2 or 3 marks; wrong: 0, minus 2 or minus 6).");
    }
    s
}
