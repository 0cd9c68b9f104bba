//! "How sure are you?": three radios, then the certainty-based mark once graded.

use crate::engine::quiz::{cbm_mark, Confidence};
use crate::engine::state::{Action, Missing, RefusedAt};
use crate::model::QuestionId;
use crate::ui::views::error_message;
use crate::ui::Ctx;
use yew::prelude::*;

/// A function of the question card, not a component of its own (each component costs the wasm
/// about 1 KB compressed of Yew's code).
pub fn sureness(ctx: &Ctx, qid: QuestionId) -> Html {
    let a = ctx.0.attempt(qid);
    if let (Some(g), Some(c)) = (a.graded, a.confidence) {
        let mark = cbm_mark(g.outcome, c);
        return html! {
            <p class="sureness-result">{ format!("You said: {}. Certainty-based mark: {}{mark}.", c.words(), if mark > 0 { "+" } else { "" }) }</p>
        };
    }
    let refused = ctx.0.refused(RefusedAt::Check(qid, Missing::Sureness));
    html! {
        <fieldset class={classes!("sureness", refused.is_some().then_some("has-error"))}
            aria-describedby={refused.map(|_| "sureness-error")}
            aria-invalid={refused.map(|_| "true")}>
            <legend>{"How sure are you of this answer?"}</legend>
            { error_message("sureness-error", refused) }
            { for Confidence::ALL.iter().enumerate().map(|(i, &level)| {
                let ctx = ctx.clone();
                let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::SetConfidence { question: qid, level }));
                let id = format!("sure-{i}");
                html! {
                    <span class="group-choice">
                        <input type="radio" name="sureness" id={id.clone()} checked={a.confidence == Some(level)} {onchange} />
                        <label for={id}>{ level.words() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}
