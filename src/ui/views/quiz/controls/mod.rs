//! The answer controls, one file per kind of answer: choices (radios or checkboxes), ordering
//! (move buttons), matching (selects), categorising (radio groups) and typed answers. Each takes
//! the app's state and the question's id. They are render functions called by the question card,
//! not components: a Yew component costs about 1.8 KB of wasm in generic code, and five of them
//! made the release wasm larger (measured); the card keys them by question already.

mod categorise;
mod choices;
mod matching;
mod ordering;
mod typed;

pub use categorise::categorise;
pub use choices::choices;
pub use matching::matching;
pub use ordering::{ordering, use_focus_after_move};
pub use typed::typed;

use crate::engine::grade::{answer_key, Answer};
use crate::engine::state::Attempt;
use crate::model::{Item, Question};
use yew::prelude::*;

/// What the controls show: the learner's answer, or the answer key once the answer is shown.
fn shown(q: &Question, a: &Attempt) -> Answer {
    if a.revealed {
        answer_key(q)
    } else {
        a.answer.clone()
    }
}

/// A right/wrong mark in a symbol and words, never colour alone.
fn mark(right: bool, words: String) -> Html {
    let (cls, sym) = if right {
        ("mark-right", "✓")
    } else {
        ("mark-wrong", "✗")
    };
    html! { <span class={classes!("mark", cls)}><span aria-hidden="true">{ sym }{" "}</span><span class="mark-words">{ words }</span></span> }
}

/// The list of items to match or sort, each with its control (`control(index, item, value)`)
/// and, once checked, whether it went to the right target or group.
fn assign_list(
    items: &[Item],
    targets: &[&str],
    shown: &Answer,
    locked: bool,
    control: impl Fn(usize, &Item, Option<u8>) -> Html,
) -> Html {
    let given: Vec<Option<u8>> = match shown {
        Answer::Assign(g) => g.clone(),
        _ => Vec::new(),
    };
    html! {
        <ul class="assign">
            { for items.iter().enumerate().map(|(i, item)| {
                let value = given.get(i).copied().flatten();
                let m = if locked {
                    let right = value == Some(item.key);
                    let should = targets.get(usize::from(item.key)).copied().unwrap_or("");
                    Some(mark(right, if right { "Right.".into() } else { format!("Should be: {should}.") }))
                } else { None };
                html! { <li class="assign-item">{ control(i, item, value) }{ m.unwrap_or_default() }</li> }
            }) }
        </ul>
    }
}
