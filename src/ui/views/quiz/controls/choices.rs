//! Single choice, multiple response and true/false: a radio or checkbox per option, in the order
//! this learner sees them, each marked once checked.

use super::{mark, shown};
use crate::course::COURSE;
use crate::engine::state::Action;
use crate::model::{Choice, QuestionId, QuestionKind};
use crate::ui::rich::rich;
use crate::ui::Ctx;
use yew::prelude::*;

/// The options of a choice question, in the order this learner sees them.
pub fn choices(ctx: &Ctx, qid: QuestionId, options: &[Choice]) -> Html {
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    let multiple = q.kind == QuestionKind::Multiple;
    let sel = shown(q, &a).selection();
    let order = ctx.0.option_order(&COURSE, qid);
    html! {
        <ul class="options">
            { for order.iter().enumerate().filter_map(|(shown_at, &i)| options.get(i).map(|o| (shown_at, i, o))).map(|(shown_at, i, o)| {
                let ctx = ctx.clone();
                let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::Pick { question: qid, option: i }));
                let id = format!("option-{shown_at}");
                let chosen = sel.has(i);
                let m = match (a.revealed, locked, chosen, o.correct) {
                    (true, _, _, true) => Some(mark(true, "Correct answer.".into())),
                    (false, true, true, right) => Some(mark(right, if right { "Your choice: correct." } else { "Your choice: not correct." }.into())),
                    _ => None,
                };
                html! {
                    <li class={classes!("option", chosen.then_some("chosen"))}>
                        <input type={if multiple { "checkbox" } else { "radio" }} name={format!("q-{}", q.id)}
                            id={id.clone()} checked={chosen} disabled={locked} {onchange}
                            aria-describedby="question-hint" />
                        <label for={id}>{ rich(o.label) }</label>
                        { m.unwrap_or_default() }
                    </li>
                }
            }) }
        </ul>
    }
}
