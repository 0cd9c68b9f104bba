//! "How sure are you?": three radios, then the certainty-based mark once graded.

use super::QuestionProps;
use crate::engine::quiz::{cbm_mark, Confidence};
use crate::engine::state::{Action, Missing, RefusedAt};
use crate::ui::hooks::use_app;
use crate::ui::views::error_message;
use yew::prelude::*;

#[component]
pub fn Sureness(props: &QuestionProps) -> Html {
    let ctx = use_app();
    let qid = props.question;
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
