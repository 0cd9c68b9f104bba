//! Categorising: each statement with a radio per group.

use super::{assign_list, shown};
use crate::course::COURSE;
use crate::engine::state::Action;
use crate::model::{Item, QuestionId};
use crate::ui::rich::rich;
use crate::ui::Ctx;
use yew::prelude::*;

/// The statements of a categorising question, each with its group radios.
pub fn categorise(ctx: &Ctx, qid: QuestionId, items: &[Item], groups: &[&str]) -> Html {
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    assign_list(items, groups, &shown(q, &a), locked, |i, item, value| {
        html! {
            <fieldset class="statement">
                <legend class="assign-label">{ rich(item.label) }</legend>
                { for groups.iter().enumerate().map(|(g, label)| {
                    let ctx = ctx.clone();
                    let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::Assign { question: qid, item: i, value: Some(g as u8) }));
                    let id = if g == 0 { format!("option-{i}") } else { format!("option-{i}-{g}") };
                    html! {
                        <span class="group-choice">
                            <input type="radio" name={format!("q-{}-{i}", q.id)} id={id.clone()}
                                checked={value == Some(g as u8)} disabled={locked} {onchange} />
                            <label for={id}>{ *label }</label>
                        </span>
                    }
                }) }
            </fieldset>
        }
    })
}
