//! Ordering: the items as a list with Move up and Move down buttons; focus follows the item that
//! moved. Once checked, each item says whether it is in its right place.

use super::{mark, shown};
use crate::course::COURSE;
use crate::engine::grade::Answer;
use crate::engine::state::Action;
use crate::model::{Item, QuestionId};
use crate::ui::effects;
use crate::ui::rich::rich;
use crate::ui::Ctx;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The id of the move button to focus once the move has been made (set by the move buttons).
pub type PendingFocus = Rc<RefCell<Option<String>>>;

/// After an ordering move, focus follows the moved item: the card calls this for every question
/// (hooks run on every render) and hands the result to [`ordering`].
#[hook]
pub fn use_focus_after_move(answer: &Answer) -> PendingFocus {
    let pending_focus = use_mut_ref(|| None::<String>);
    {
        let pending = pending_focus.clone();
        use_effect_with(answer.clone(), move |_| {
            if let Some(id) = pending.borrow_mut().take() {
                effects::focus(&id);
            }
        });
    }
    pending_focus
}

/// The items of an ordering question in the learner's order, with their move buttons.
pub fn ordering(ctx: &Ctx, qid: QuestionId, items: &[Item], pending_focus: &PendingFocus) -> Html {
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    let order: Vec<u8> = match shown(q, &a) {
        Answer::Order(o) => o,
        _ => Vec::new(),
    };
    let n = order.len();
    html! {
        <ol class="order">
            { for order.iter().enumerate().map(|(pos, &item)| {
                let label = items.get(usize::from(item)).map(|i| i.label).unwrap_or(&[]);
                let words = crate::engine::text::plain(&COURSE, label);
                let mv = |up: bool| {
                    let ctx = ctx.clone();
                    let pending = pending_focus.clone();
                    Callback::from(move |_: MouseEvent| {
                        // Focus stays with the item that moved: the same button, or its
                        // other one when it has reached the top or the bottom.
                        let to = if up { pos.saturating_sub(1) } else { pos + 1 };
                        let dir = match (up, to == 0, to + 1 == n) {
                            (true, true, _) => "down",
                            (false, _, true) => "up",
                            (true, _, _) => "up",
                            (false, _, _) => "down",
                        };
                        *pending.borrow_mut() = Some(format!("move-{dir}-{item}"));
                        ctx.dispatch(Action::Move { question: qid, position: pos, up });
                    })
                };
                let m = if locked {
                    let right = usize::from(item) == pos;
                    Some(mark(right, if right { "In the right place.".into() } else { format!("Belongs in place {}.", item + 1) }))
                } else { None };
                html! {
                    <li class="order-item" key={item.to_string()}>
                        <span class="order-label">{ rich(label) }</span>
                        { m.unwrap_or_default() }
                        if !locked {
                            <span class="order-moves">
                                <button type="button" class="button secondary small" disabled={pos == 0} id={format!("move-up-{item}")}
                                    aria-label={format!("Move up: {words}")} onclick={mv(true)}>{"Move up"}</button>
                                <button type="button" class="button secondary small" disabled={pos + 1 == n} id={format!("move-down-{item}")}
                                    aria-label={format!("Move down: {words}")} onclick={mv(false)}>{"Move down"}</button>
                            </span>
                        }
                    </li>
                }
            }) }
        </ol>
    }
}
