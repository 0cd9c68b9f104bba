//! Matching: a select per item, listing every target.

use super::{assign_list, shown};
use crate::course::COURSE;
use crate::engine::state::Action;
use crate::model::{Item, QuestionId};
use crate::ui::rich::rich;
use crate::ui::views::select_value;
use crate::ui::Ctx;
use yew::prelude::*;

/// The items of a matching question, each with its select.
pub fn matching(ctx: &Ctx, qid: QuestionId, items: &[Item], targets: &[&str]) -> Html {
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    assign_list(items, targets, &shown(q, &a), locked, |i, item, value| {
        let ctx = ctx.clone();
        let onchange = Callback::from(move |e: Event| {
            let v = select_value(&e);
            ctx.dispatch(Action::Assign {
                question: qid,
                item: i,
                value: v.parse::<u8>().ok(),
            });
        });
        let id = format!("option-{i}");
        html! {
            <>
                <label for={id.clone()} class="assign-label">{ rich(item.label) }</label>
                <select id={id} disabled={locked} {onchange}>
                    <option value="" selected={value.is_none()}>{"Choose a match…"}</option>
                    { for targets.iter().enumerate().map(|(t, label)| html! {
                        <option value={t.to_string()} selected={value == Some(t as u8)}>{ *label }</option>
                    }) }
                </select>
            </>
        }
    })
}
