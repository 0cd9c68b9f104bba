//! A quiz's results: the score, the overall feedback, certainty-based marking, each question's
//! state, and the ways on. A deferred quiz not yet submitted shows its review instead.

use super::attempt_status;
use super::review::review_page;
use crate::course::COURSE;
use crate::engine::cbm::CbmSummary;
use crate::engine::phase::QuizPhase;
use crate::engine::quiz::band_for;
use crate::engine::route::Route;
use crate::engine::state::Action;
use crate::model::QuizId;
use crate::ui::effects;
use crate::ui::rich::rich;
use crate::ui::views::{crumbs, unit_label};
use crate::ui::Ctx;
use yew::prelude::*;

/// The results of a quiz (or, before a deferred quiz is submitted, its review).
pub fn results_page(ctx: &Ctx, id: QuizId) -> Html {
    if QuizPhase::of(&COURSE, &ctx.0, id).is_collecting() {
        return review_page(ctx, id);
    }
    let quiz = COURSE.quiz(id);
    let order = ctx.0.quiz_order(&COURSE, id);
    let result = ctx.0.quiz_result(&COURSE, id);
    let (score, answered, total) = (result.score, result.marked, result.questions);
    let passed = result.passed();
    let restart = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::RestartQuiz(id));
            effects::set_hash(&Route::Question(id, 0).href(&COURSE));
        })
    };
    // Certainty-based marking: the total, and where the learner was sure but wrong.
    let cbm = CbmSummary::new(&ctx.0.progress, &order);
    let sure_wrong: Vec<String> = cbm.sure_but_wrong.iter().map(usize::to_string).collect();
    html! {
        <>
            { crumbs(Some(quiz.unit), "Results") }
            <h1 id="view-heading" tabindex="-1">{ format!("Results: {}", quiz.title) }</h1>
            <p class="score">
                <strong>{ format!("Your score: {score} per cent") }</strong>
                { format!(" ({answered} of {total} questions answered; pass mark {} per cent). ", result.pass) }
                { if answered < total { "Unanswered questions count as zero." } else if passed { "You passed." } else { "Not yet a pass." } }
            </p>
            if let Some(band) = band_for(quiz, score) {
                <p class="band">{ rich(band.text) }</p>
            } else {
                <p>{ if passed {
                    "Well done. Read the explanations for any question you found hard, and try the unit's scenario to apply what you know."
                } else {
                    "Go back over the questions you missed: each explanation says why, and points to its source. Re-read the lesson sections they cite, then try again."
                } }</p>
            }
            if quiz.confidence && cbm.counted > 0 {
                <section aria-labelledby="cbm-heading">
                    <h2 id="cbm-heading">{"How well you knew what you knew"}</h2>
                    <p>{ format!("Certainty-based mark: {} out of a possible {} (average {} per question).", cbm.total, cbm.possible(), tenths(cbm.average_tenths())) }</p>
                    if sure_wrong.is_empty() {
                        <p>{"You were never sure of a wrong answer: your confidence matched your knowledge."}</p>
                    } else {
                        <p>{ format!("You were fairly or very sure, but wrong, on question {}. Those are the ideas to revisit first: confident mistakes are the ones that carry into practice.", sure_wrong.join(", ")) }</p>
                    }
                </section>
            }
            <h2>{"Question by question"}</h2>
            <ol class="question-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let a = ctx.0.attempt(*q);
                    html! {
                        <li>
                            <a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Question {}", i + 1) }</a>
                            {" "}{ attempt_status(&a) }
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                <a class="button secondary" href={Route::Review(id).href(&COURSE)}>{"Review your answers"}</a>
                <button type="button" class="button secondary" onclick={restart}>{"Restart the quiz"}</button>
                <a class="button" href={Route::Unit(quiz.unit).href(&COURSE)}>{ format!("Back to {}", unit_label(quiz.unit)) }</a>
            </div>
        </>
    }
}

/// "1.5", "-0.7" from tenths, without floating point.
fn tenths(t: i32) -> String {
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}
