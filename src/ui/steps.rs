//! A long page's parts, shown a step at a time (see `engine::steps`): the first parts with the
//! page, the rest in the frames after it, each step after the previous one has been painted.

use crate::engine::steps::{first_end, step_end, STEP};
use crate::ui::effects;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::VList;

/// One part of a page and the length of its markup.
pub struct Part {
    pub html: Html,
    pub weight: usize,
}

impl Part {
    /// Markup the module wrote itself (see `ui::rich::raw`), weighed by its length.
    pub fn markup(m: String) -> Part {
        Part {
            weight: m.len(),
            html: crate::ui::rich::raw(m),
        }
    }
}

/// A page's parts. Two lists are the same only when they are one list: each render of the page
/// builds a new one, whose parts Yew then compares one by one.
#[derive(Clone)]
pub struct Parts(pub Rc<[Part]>);

impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl From<Vec<Part>> for Parts {
    fn from(v: Vec<Part>) -> Parts {
        Parts(v.into())
    }
}

/// Shows `parts` a step at a time: the first step (about `first` of markup, and through part
/// `through`, which a link leads to) as part of the page itself, so that the page's focus can move
/// into it, and the rest in the frames after. Another `key` (another lesson) starts from the first
/// step again.
pub fn stepped(parts: Parts, first: usize, through: Option<usize>, key: usize) -> Html {
    let weights: Vec<usize> = parts.0.iter().map(|p| p.weight).collect();
    let start = first_end(&weights, first, through);
    html! {
        <>
            { keyed(&parts, 0..start) }
            <Steps {key} {parts} {start} />
        </>
    }
}

/// The parts in `range`, each keyed by its place. Yew matches the children of an unkeyed list
/// from its end, so a list that grows at its end would have every part written again.
fn keyed(parts: &Parts, range: std::ops::Range<usize>) -> Html {
    range
        .filter_map(|i| {
            let part = parts.0.get(i)?;
            Some(Html::from(VList::with_children(
                vec![part.html.clone()],
                Some(i.into()),
            )))
        })
        .collect()
}

#[derive(Properties, PartialEq)]
struct StepsProps {
    parts: Parts,
    /// The parts shown before these, by the page.
    start: usize,
}

/// The parts after `start`, a step more after each painted frame. Shown parts stay: a later
/// render of the page (a filter, an answer elsewhere) shows as many parts as were shown. Rendered
/// on a server (the tests, the prerendered home) it shows them all at once, as there are no later
/// frames there.
#[component]
fn Steps(props: &StepsProps) -> Html {
    let weights: Vec<usize> = props.parts.0.iter().map(|p| p.weight).collect();
    let end = use_state(|| props.start);
    let len = weights.len();
    let start = props.start.min(len);
    let shown = if cfg!(target_arch = "wasm32") {
        (*end).clamp(start, len)
    } else {
        len
    };
    // Marks the page (`<html data-filling>`) while parts are to come, for the tests: before the
    // browser paints, like the view's focus (see `hooks::use_title_and_focus`). Written only when
    // it changes: a change on the root element makes the browser restyle the page.
    let marked = use_mut_ref(|| None);
    let alive = use_mut_ref(|| true);
    let filling = shown < len;
    if marked.borrow_mut().replace(filling) != Some(filling) {
        let alive = alive.clone();
        effects::after_render(move || {
            if *alive.borrow() {
                effects::set_root_attributes(
                    &[("data-filling", if filling { "true" } else { "false" })],
                    None,
                );
            }
        });
    }
    {
        let end = end.clone();
        use_effect_with((shown, len), move |&(shown, len)| {
            if shown < len {
                effects::after_paint(move || end.set(step_end(&weights, shown, STEP)));
            }
        });
        use_effect_with((), move |_| {
            move || {
                *alive.borrow_mut() = false;
                effects::set_root_attributes(&[("data-filling", "false")], None);
            }
        });
    }
    keyed(&props.parts, start..shown)
}
