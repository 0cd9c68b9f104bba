//! Numeric and short-text answers: one text field, bounded as stored progress is.

use super::shown;
use crate::course::COURSE;
use crate::engine::grade::Answer;
use crate::engine::progress::{TYPED_NUMERIC_MAX, TYPED_TEXT_MAX};
use crate::engine::state::Action;
use crate::model::{Body, QuestionId};
use crate::ui::Ctx;
use yew::prelude::*;

/// The text field of a numeric or short-text question.
pub fn typed(ctx: &Ctx, qid: QuestionId) -> Html {
    let q = COURSE.question(qid);
    let a = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    let text = match shown(q, &a) {
        Answer::Typed(t) => t,
        _ => String::new(),
    };
    let numeric = matches!(q.body, Body::Numeric(_));
    let ctx = ctx.clone();
    let oninput = Callback::from(move |e: InputEvent| {
        let v = e
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|i| i.value())
            .unwrap_or_default();
        ctx.dispatch(Action::Type {
            question: qid,
            text: v,
        });
    });
    let unit = match &q.body {
        Body::Numeric(n) => n.units.first().copied(),
        _ => None,
    };
    html! {
        <p class="typed">
            <label for="option-0">{ "Your answer" }
                if let Some(u) = unit { { format!(" (in {u})") } }
            </label>
            <input type="text" id="option-0" value={text} {oninput} disabled={locked}
                maxlength={if numeric { TYPED_NUMERIC_MAX } else { TYPED_TEXT_MAX }.to_string()}
                inputmode={if numeric { "decimal" } else { "text" }} autocomplete="off" spellcheck="false"
                aria-describedby="question-hint" />
        </p>
    }
}
