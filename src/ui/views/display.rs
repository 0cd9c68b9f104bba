//! "Display settings": text size, spacing, font and theme, each a group of radios. A choice takes
//! effect at once, is announced, and is kept with the progress (so also in the progress code).

use crate::engine::display::{Choice, Display, FONTS, SPACINGS, TEXT_SIZES, THEMES};
use crate::engine::state::Action;
use crate::ui::views::crumbs;
use crate::ui::Ctx;
use yew::prelude::*;

/// One setting's words: the radios' name, the group's legend and its hint.
struct Words {
    name: &'static str,
    legend: &'static str,
    hint: &'static str,
}

/// One radio: its attribute value, its words, whether it is chosen, and the settings it makes.
type Item = (&'static str, &'static str, bool, Display);

/// The radios of one setting, from its choices: `set` makes the new settings from the current
/// ones and the value chosen. (Only this small part is generic, so the markup is built once.)
fn items<T: Copy + PartialEq>(
    choices: &'static [Choice<T>],
    current: T,
    settings: Display,
    set: fn(Display, T) -> Display,
) -> Vec<Item> {
    choices
        .iter()
        .map(|c| (c.key, c.words, c.value == current, set(settings, c.value)))
        .collect()
}

/// One setting's radios in a fieldset with its legend and hint.
fn group(
    Words { name, legend, hint }: Words,
    items: Vec<Item>,
    dispatch: &Callback<Action>,
) -> Html {
    let hint_id = format!("{name}-hint");
    html! {
        <fieldset class="setting" aria-describedby={hint_id.clone()}>
            <legend>{ legend }</legend>
            <p class="hint" id={hint_id}>{ hint }</p>
            <ul class="options">
                { for items.into_iter().map(|(key, words, chosen, next)| {
                    let id = format!("{name}-{key}");
                    let dispatch = dispatch.clone();
                    let onchange = Callback::from(move |_: Event| dispatch.emit(Action::SetDisplay(next)));
                    html! {
                        <li class={classes!("option", chosen.then_some("chosen"))}>
                            <input type="radio" {name} id={id.clone()} checked={chosen} {onchange} />
                            <label for={id}>{ words }</label>
                        </li>
                    }
                }) }
            </ul>
        </fieldset>
    }
}

pub fn display_page(ctx: &Ctx) -> Html {
    let d = ctx.0.progress.display;
    let dispatch = {
        let ctx = ctx.clone();
        Callback::from(move |a: Action| ctx.dispatch(a))
    };
    html! {
        <>
            { crumbs(None, "Display settings") }
            <h1 id="view-heading" tabindex="-1">{"Display settings"}</h1>
            <p class="lead">{"Choose how the course looks. Each choice takes effect at once and is kept with your progress, so it is also in your progress code and comes back when you load it elsewhere."}</p>
            <form class="settings" onsubmit={Callback::from(|e: SubmitEvent| e.prevent_default())}>
                { group(Words { name: "text", legend: "Text size", hint: "Everything on the page grows with the text, and nothing needs scrolling sideways." },
                    items(&TEXT_SIZES, d.text, d, |d, v| Display { text: v, ..d }), &dispatch) }
                { group(Words { name: "spacing", legend: "Spacing", hint: "More room between lines, words, letters and paragraphs can make long lessons easier to follow." },
                    items(&SPACINGS, d.spacing, d, |d, v| Display { spacing: v, ..d }), &dispatch) }
                { group(Words { name: "font", legend: "Font", hint: "Atkinson Hyperlegible was designed by the Braille Institute for readers with low vision. It comes with the course and is loaded only if you choose it." },
                    items(&FONTS, d.font, d, |d, v| Display { font: v, ..d }), &dispatch) }
                { group(Words { name: "theme", legend: "Colours", hint: "Dark shows light text on a dark background. \"As my device is set\" follows the light or dark setting of your device." },
                    items(&THEMES, d.theme, d, |d, v| Display { theme: v, ..d }), &dispatch) }
            </form>
            <p>{"Your browser's own zoom (Control and + or Command and +) works alongside these settings. "}
            <a href="#/">{"Back to the course home"}</a></p>
        </>
    }
}
