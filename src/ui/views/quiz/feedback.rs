//! The feedback on a marked answer: the verdict in words and a symbol, the explanations that
//! apply (all of them once right or shown), and the question's sources.

use crate::course::COURSE;
use crate::engine::grade::{matched_accept, read_number, Answer, Grade, Outcome, Reading};
use crate::engine::outcome;
use crate::engine::quiz::answer_words;
use crate::engine::route::Route;
use crate::engine::state::tries_used;
use crate::engine::state::AppState;
use crate::model::{Body, QuestionId};
use crate::ui::rich::rich;
use yew::prelude::*;

/// What the feedback is on: a marked answer, its grade, and whether the answer is shown.
pub struct FeedbackOn {
    pub question: QuestionId,
    pub grade: Grade,
    pub revealed: bool,
}

/// The feedback on a marked answer: the verdict, the explanations that apply, and the sources.
/// A function of the question card, not a component of its own (each component costs the wasm
/// about 1 KB compressed of Yew's code).
pub fn feedback(state: &AppState, props: FeedbackOn) -> Html {
    let q = COURSE.question(props.question);
    let a = state.attempt(props.question);
    let heading = if props.revealed {
        "The answer".to_string()
    } else {
        outcome::grade_words(props.grade)
    };
    let symbol = if props.revealed {
        "→"
    } else {
        outcome::symbol(Some(props.grade.outcome))
    };
    // Once right or revealed, every explanation is worth reading; before that, only those that apply.
    let all = props.revealed || props.grade.outcome == Outcome::Correct;
    let body = match &q.body {
        Body::Choices(options) => {
            let sel = a.selected();
            html! {
                <>
                    <ul class="feedback-list">
                        // In the order the learner sees the options (shuffled or not).
                        { for state.option_order(&COURSE, props.question).into_iter().filter_map(|i| options.get(i).map(|o| (i, o))).filter(|(i, _)| all || sel.has(*i)).map(|(i, o)| html! {
                            <li>
                                <p class="feedback-option">
                                    <strong>{ if o.correct { "Right answer: " } else { "Wrong answer: " } }</strong>
                                    { rich(o.label) }
                                    if sel.has(i) { <em>{" (your choice)"}</em> }
                                </p>
                                <p>{ rich(o.feedback) }</p>
                            </li>
                        }) }
                    </ul>
                    if !all {
                        <p class="meta">{"Try again to see the explanation for the other options, or show the answer."}</p>
                    }
                </>
            }
        }
        Body::Ordering(items) => html! {
            <>
                <p>{"The right order:"}</p>
                <ol class="feedback-list">
                    { for items.iter().map(|i| html! { <li><p class="feedback-option"><strong>{ rich(i.label) }</strong></p><p>{ rich(i.feedback) }</p></li> }) }
                </ol>
            </>
        },
        Body::Matching { items, targets }
        | Body::Categorise {
            items,
            groups: targets,
        } => html! {
            <ul class="feedback-list">
                { for items.iter().map(|i| html! {
                    <li>
                        <p class="feedback-option"><strong>{ rich(i.label) }</strong>{" → "}{ targets.get(usize::from(i.key)).copied().unwrap_or("") }</p>
                        <p>{ rich(i.feedback) }</p>
                    </li>
                }) }
            </ul>
        },
        Body::Numeric(n) => {
            let typed = match &a.answer {
                Answer::Typed(t) => t.clone(),
                _ => String::new(),
            };
            let wrong_unit = matches!(read_number(&typed, n.units), Some(Reading::WrongUnit(_)));
            html! {
                <>
                    if !typed.is_empty() { <p>{"You wrote: "}<strong>{ typed }</strong></p> }
                    if wrong_unit { <p>{ format!("That unit is not one this question takes; answer in {}.", n.units.join(" or ")) }</p> }
                    if all { <p>{"The answer: "}<strong>{ answer_words(&COURSE, q) }</strong></p> }
                    <p>{ rich(if props.grade.outcome == Outcome::Correct { n.feedback } else { n.otherwise }) }</p>
                    if props.revealed && props.grade.outcome != Outcome::Correct { <p>{ rich(n.feedback) }</p> }
                </>
            }
        }
        Body::ShortText { accepts, otherwise } => {
            let typed = match &a.answer {
                Answer::Typed(t) => t.clone(),
                _ => String::new(),
            };
            let matched = matched_accept(q, &typed).and_then(|i| accepts.get(i));
            html! {
                <>
                    if !typed.is_empty() { <p>{"You wrote: "}<strong>{ typed }</strong></p> }
                    if all { <p>{"Accepted answers: "}<strong>{ answer_words(&COURSE, q) }</strong></p> }
                    <p>{ rich(matched.map_or(*otherwise, |m| m.feedback)) }</p>
                    if props.revealed && matched.is_none() {
                        if let Some(first) = accepts.first() { <p>{ rich(first.feedback) }</p> }
                    }
                </>
            }
        }
    };
    html! {
        <section class={classes!("feedback", outcome_class(props.grade.outcome))} aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" tabindex="-1"><span aria-hidden="true">{ symbol }{" "}</span>{ heading }</h2>
            if state.out_of_tries(&COURSE, props.question) {
                <p id="tries-used"><strong>{ tries_used(COURSE.quiz(q.quiz).tries) }</strong></p>
            }
            { body }
            <p class="meta">{"Source: "}{ for q.cites.iter().enumerate().map(|(i, c)| html! {
                <>
                    if i > 0 { {"; "} }
                    <a href={Route::Source(c.source).href(&COURSE)}>{ crate::engine::text::cite_text(&COURSE, c) }</a>
                </>
            }) }</p>
        </section>
    }
}

/// The feedback's CSS class by outcome (style.css colours the border; the heading says it in words).
fn outcome_class(o: Outcome) -> &'static str {
    match o {
        Outcome::Correct => "feedback-correct",
        Outcome::Partial => "feedback-partial",
        Outcome::Incorrect => "feedback-incorrect",
    }
}
