//! One question as a card: its prompt and hint, its answer controls, the sureness question, the
//! check / try again / show answer buttons, and the feedback once marked.

use super::controls::{categorise, choices, matching, ordering, typed, use_focus_after_move};
use super::feedback::{feedback, FeedbackOn};
use super::sureness::sureness;
use super::QuestionProps;
use crate::course::COURSE;
use crate::engine::grade::Outcome;
use crate::engine::phase::QuizPhase;
use crate::engine::state::{Action, Missing, RefusedAt};
use crate::model::{Body, Question, QuestionId, QuestionKind};
use crate::ui::effects;
use crate::ui::hooks::use_app;
use crate::ui::rich::rich;
use crate::ui::views::error_message;
use yew::prelude::*;

/// Focus follows the answer: to the feedback once checked or shown, back to the options on
/// "try again". ("Show the answer" after a wrong answer removes the focused button while the
/// question stays checked, so the reveal is tracked too, or focus would fall to the page.)
#[hook]
pub fn use_answer_focus(qid: Option<QuestionId>, checked: bool, revealed: bool) {
    let prev = use_mut_ref(|| None::<(Option<QuestionId>, bool, bool)>);
    use_effect_with((qid, checked, revealed), move |&(q, checked, revealed)| {
        let before = prev.borrow_mut().replace((q, checked, revealed));
        if let Some((pq, was, was_revealed)) = before {
            if pq == q && (was != checked || was_revealed != revealed) {
                if checked {
                    effects::focus("feedback-heading");
                } else {
                    effects::focus_first_control("answer");
                }
            }
        }
    });
}

/// What to do with this kind of question, under its prompt.
fn hint(q: &Question) -> String {
    match &q.body {
        Body::Choices(_) => match q.kind {
            QuestionKind::Multiple => "Choose all the answers that apply, then check.".into(),
            QuestionKind::TrueFalse => {
                "Is this statement true or false? Choose one, then check.".into()
            }
            _ => "Choose one answer, then check.".into(),
        },
        Body::Ordering(_) => {
            "Put the items in order with the Move up and Move down buttons, then check.".into()
        }
        Body::Matching { .. } => "Choose a match for each item, then check.".into(),
        Body::Categorise { .. } => "Put each statement in a group, then check.".into(),
        Body::Numeric(n) => match n.units.first() {
            Some(u) => format!("Type a number (in {u}), then check."),
            None => "Type a number, then check.".into(),
        },
        Body::ShortText { .. } => {
            "Type a short answer (capitals and punctuation do not matter), then check.".into()
        }
    }
}

/// One question: its answer controls, the check / try again / show answer buttons, and the feedback.
#[component]
pub fn QuestionCard(props: &QuestionProps) -> Html {
    let ctx = use_app();
    let qid = props.question;
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    let quiz = COURSE.quiz(q.quiz);
    let deferred = QuizPhase::of(&COURSE, &ctx.0, q.quiz).is_collecting();
    let pending_focus = use_focus_after_move(&a.answer);
    // "Check answer" is a plain button, and Enter in a field checks without submitting the form:
    // a VLE that embeds the module in a sandboxed iframe without `allow-forms` blocks every form
    // submission, and the submit event with it.
    let check = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Check(qid)))
    };
    let onkeydown = {
        let ctx = ctx.clone();
        Callback::from(move |e: KeyboardEvent| {
            let in_field = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some();
            if e.key() == "Enter" && in_field {
                e.prevent_default();
                // In a deferred quiz nothing is checked until the whole quiz is submitted.
                if !deferred {
                    ctx.dispatch(Action::Check(qid));
                }
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let try_again = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::TryAgain(qid)))
    };
    let show = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::ShowAnswer(qid)))
    };
    let controls = match &q.body {
        Body::Choices(options) => choices(&ctx, qid, options),
        Body::Ordering(items) => ordering(&ctx, qid, items, &pending_focus),
        Body::Matching { items, targets } => matching(&ctx, qid, items, targets),
        Body::Categorise { items, groups } => categorise(&ctx, qid, items, groups),
        Body::Numeric(_) | Body::ShortText { .. } => typed(&ctx, qid),
    };
    let refused = ctx.0.refused(RefusedAt::Check(qid, Missing::Answer));
    html! {
        <form class="question" {onsubmit} {onkeydown}>
            <fieldset id="answer" class={classes!(refused.is_some().then_some("has-error"))}
                aria-describedby={refused.map(|_| "question-hint answer-error")}
                aria-invalid={refused.map(|_| "true")}>
                <legend class="prompt">{ rich(q.prompt) }</legend>
                <p class="hint" id="question-hint">{ hint(q) }</p>
                { error_message("answer-error", refused) }
                { controls }
            </fieldset>
            if quiz.confidence {
                { sureness(&ctx, qid) }
            }
            if deferred {
                <p class="meta">{"Your answer is kept as you go. You can change it until you submit the quiz."}</p>
            } else if !locked {
                <div class="actions">
                    <button type="button" class="button" onclick={check}>{"Check answer"}</button>
                    if a.tries > 0 && !a.revealed {
                        <button type="button" class="button secondary" onclick={show.clone()}>{"Show the answer"}</button>
                    }
                </div>
            }
            if let Some(g) = a.graded {
                { feedback(&ctx.0, FeedbackOn { question: qid, grade: g, revealed: a.revealed }) }
                <div class="actions">
                    if g.outcome != Outcome::Correct && !a.revealed {
                        <button type="button" class="button" onclick={try_again}>{"Try again"}</button>
                        <button type="button" class="button secondary" onclick={show}>{"Show the answer"}</button>
                    }
                </div>
            }
        </form>
    }
}
