//! One question of a quiz as a page: where it sits in the quiz, its card, and the way on.

use super::card::{use_answer_focus, QuestionCard};
use crate::course::COURSE;
use crate::engine::phase::QuizPhase;
use crate::engine::route::Route;
use crate::model::QuizId;
use crate::ui::hooks::use_app;
use crate::ui::views::crumbs;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct QuestionPageProps {
    pub quiz: QuizId,
    /// The question's place in the quiz as this learner sees it, from 0.
    pub index: u16,
}

#[component]
pub fn QuestionPage(props: &QuestionPageProps) -> Html {
    let ctx = use_app();
    let quiz = COURSE.quiz(props.quiz);
    let i = usize::from(props.index);
    let order = ctx.0.quiz_order(&COURSE, props.quiz);
    let qid = order.get(i).copied();
    let attempt = qid.map(|q| ctx.0.attempt(q));
    // Hooks run on every render, whatever the index says.
    use_answer_focus(
        qid,
        attempt.as_ref().is_some_and(|a| a.graded.is_some()),
        attempt.as_ref().is_some_and(|a| a.revealed),
    );
    let (Some(qid), Some(attempt)) = (qid, attempt) else {
        return Html::default();
    };
    let deferred = QuizPhase::of(&COURSE, &ctx.0, props.quiz).is_collecting();
    let total = quiz.questions.len();

    let next_href = if i + 1 < total {
        Route::Question(props.quiz, (i + 1) as u16).href(&COURSE)
    } else {
        Route::Results(props.quiz).href(&COURSE)
    };
    html! {
        <>
            { crumbs(Some(quiz.unit), &format!("Question {} of {total}", i + 1)) }
            <p class="kicker"><a href={Route::Quiz(props.quiz).href(&COURSE)}>{ quiz.title }</a></p>
            <h1 id="view-heading" tabindex="-1">{ format!("Question {} of {total}", i + 1) }</h1>
            // Keyed by question: Yew must not reuse one question's radios for the next (a reused
            // group could end up with nothing checked).
            <QuestionCard key={qid.index()} question={qid} />
            <nav class="actions pager" aria-label="Questions">
                if i > 0 {
                    <a class="button secondary" href={Route::Question(props.quiz, (i - 1) as u16).href(&COURSE)}>{"Previous question"}</a>
                }
                if deferred {
                    <a class="button" href={next_href}>{ if i + 1 < total { "Next question" } else { "Review and submit" } }</a>
                } else if attempt.graded.is_some() {
                    <a class="button" href={next_href}>{ if i + 1 < total { "Next question" } else { "See your results" } }</a>
                } else {
                    <a class="button secondary" href={next_href}>{ if i + 1 < total { "Skip to the next question" } else { "Skip to the results" } }</a>
                }
            </nav>
        </>
    }
}
