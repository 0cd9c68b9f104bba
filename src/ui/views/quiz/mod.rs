//! The quiz: its overview, one page per question (a card of answer controls, the sureness
//! question and the feedback), the review before a deferred quiz is submitted, and the results.

mod card;
mod controls;
mod feedback;
mod overview;
mod question;
mod results;
mod review;
mod sureness;

pub use card::{use_answer_focus, QuestionCard};
pub use overview::quiz_page;
pub use question::QuestionPage;
pub use results::results_page;

use crate::engine::outcome;
use crate::engine::state::Attempt;
use crate::model::QuestionId;
use yew::prelude::*;

/// Props of a part of one question (its card, controls, sureness).
#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub question: QuestionId,
}

/// A question's state in words, with a symbol; never colour alone.
fn attempt_status(a: &Attempt) -> Html {
    let o = a.graded.map(|g| g.outcome);
    let (symbol, words) = if a.revealed {
        (
            "→",
            format!(
                "Answer shown (your answer: {})",
                outcome::words(o).to_ascii_lowercase()
            ),
        )
    } else {
        (outcome::symbol(o), outcome::words(o).to_string())
    };
    html! { <span class="status"><span aria-hidden="true">{ symbol }{" "}</span>{ words }</span> }
}
