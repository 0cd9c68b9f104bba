//! A reflection prompt in a lesson, with the learner's answer, saved as they type.

use super::textarea_value;
use crate::course::COURSE;
use crate::engine::day;
use crate::engine::progress::REFLECTION_MAX;
use crate::engine::state::{Action, Storage};
use crate::model::ReflectionId;
use crate::ui::hooks::use_app;
use crate::ui::rich::rich;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReflectionProps {
    pub id: ReflectionId,
}

/// A reflection prompt in a lesson, with the learner's answer, saved as they type.
#[component]
pub fn ReflectionBox(props: &ReflectionProps) -> Html {
    let ctx = use_app();
    let id = props.id;
    let r = COURSE.reflection(id);
    let written = ctx.0.progress.reflection(id).cloned();
    let text = written.as_ref().map(|w| w.text.clone()).unwrap_or_default();
    let used: usize = text.encode_utf16().count();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| ctx.dispatch(Action::Reflect(id, textarea_value(&e))))
    };
    let field = format!("reflect-{}", r.id);
    let help = format!("{field}-help");
    let saved = match (&written, ctx.0.storage) {
        (None, _) => "Saved with your progress as you type.".to_string(),
        (Some(w), Storage::Saved) => format!("Saved in this browser ({}).", day::words(w.day)),
        (Some(_), Storage::Unavailable) => {
            "Kept until you close the page: this browser is not saving. Take a progress code to keep it."
                .to_string()
        }
    };
    html! {
        <div class="reflect" role="group" aria-labelledby={format!("{field}-label")}>
            <p class="reflect-kicker" aria-hidden="true">{"Reflect"}</p>
            <label id={format!("{field}-label")} for={field.clone()}>{ rich(r.prompt) }</label>
            <textarea id={field.clone()} rows="4" maxlength={REFLECTION_MAX.to_string()}
                aria-describedby={help.clone()} value={text} {oninput} />
            <p class="meta" id={help}>{ format!("{used} of {REFLECTION_MAX} characters. ") }{ saved }</p>
        </div>
    }
}
