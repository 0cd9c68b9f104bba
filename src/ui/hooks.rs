//! The app's hooks, in one place: the context every component reads ([`use_app`]), and the browser
//! effects the app runs (hash routing, title and focus, announcements, storage sync, the LMS).

use std::rc::Rc;

use super::{effects, frame, lms, Ctx};
use crate::course::COURSE;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::state::{Action, Storage};
use yew::prelude::*;

/// The app's state and the way to change it, for any component inside [`super::App`].
///
/// Every view is rendered by `App`, inside its context provider, so the context is always there.
/// A component rendered anywhere else is a mistake in our code, not something a learner can cause:
/// it stops with a message naming the mistake, rather than render an empty page that looks like a
/// content fault. The server-side rendering tests render every view through `App`.
#[hook]
pub fn use_app() -> Ctx {
    match use_context::<Ctx>() {
        Some(ctx) => ctx,
        None => panic!("a view rendered outside <App>, which provides its state"),
    }
}

/// Follows the address bar: a new hash is a new route (and maybe a quiz mode from a lecturer's link).
///
/// The listener is made with the app's first render, not in an effect, so that a link followed as
/// soon as the first view is in the page is seen (effects may run a frame later).
#[hook]
pub fn use_hash_routing(state: &Ctx) {
    let state = state.clone();
    let _listener = use_state(move || {
        effects::on_address_change(move |hash| {
            if let Some((quiz, mode)) = Route::mode_param(&COURSE, &hash) {
                state.dispatch(Action::SetMode(quiz, mode));
            }
            state.dispatch(Action::Navigate(Route::parse(&COURSE, &hash)));
        })
    });
}

/// The display settings (text size, spacing, font, theme) onto the page's root element, whenever
/// they change: on start, from the settings page, from a loaded code or another tab. Set before
/// the browser paints, so that no frame shows the page without them.
#[hook]
pub fn use_display(state: &Ctx) {
    let shown = use_mut_ref(|| None);
    let display = state.0.progress.display;
    if shown.borrow_mut().replace(display) != Some(display) {
        effects::after_render(move || {
            let key = effects::display_key(COURSE.id);
            effects::set_root_attributes(&display.attributes(), Some(&key));
        });
    }
}

/// On every view change: the document title, and focus to the new view's main heading (not on the
/// first view, where focus stays at the top of the page). A view that changed in place (a quiz
/// submitted) asks for focus on its new heading through `focus_request`.
///
/// Both happen as soon as the new view is in the page, before the browser paints it, so that the
/// first frame of a view already has its heading focused (and a screen reader hears it at once).
/// A `use_effect` would run them a frame later whenever the view took Yew more than about 16 ms.
/// Called by the component that renders the page (`views::View`): the microtask queued during its
/// render runs once that render is done, even if Yew pauses after it (it may pause between an
/// update of `App` and the render of `View`, so called from `App` it could find the old heading).
#[hook]
pub fn use_title_and_focus(state: &Ctx) {
    // What the page showed when last rendered: its route and its focus request (none at first).
    let shown = use_mut_ref(|| None::<(Route, u32)>);
    let now = (state.0.route, state.0.focus_request);
    let before = shown.borrow_mut().replace(now);
    if before == Some(now) {
        return;
    }
    effects::after_render(move || {
        let (route, request) = now;
        if before.map(|(r, _)| r) != Some(route) {
            effects::set_title(&format!("{} – {}", route.title(&COURSE), COURSE.title));
        }
        let moved = before.is_some_and(|(r, _)| r != route);
        let asked = before.is_some_and(|(_, n)| n != request) && request > 0;
        if moved || asked {
            effects::focus("view-heading");
        }
    });
}

/// Feedback to the live region, each time there is a new announcement.
#[hook]
pub fn use_announcements(state: &Ctx) {
    use_effect_with(state.0.announcement.clone(), |a| {
        if a.serial > 0 {
            effects::announce(&a.text);
        }
    });
}

/// Keeps progress in storage: saved whenever it changes (every answer, choice and keystroke of a
/// reflection), and again whenever the page is hidden or left, never only on unload; taken from
/// another tab that saved, so two tabs never overwrite each other's work; and today's date
/// refreshed when the page is shown again.
#[hook]
pub fn use_storage_sync(state: &Ctx) {
    let latest = use_mut_ref(String::new);
    let key = super::progress_key(state.0.package.as_ref());
    {
        let key = key.clone();
        let dispatcher = state.dispatcher();
        let storage = state.0.storage;
        let latest = latest.clone();
        use_effect_with(state.0.progress.clone(), move |p| {
            let encoded = p.encode(&COURSE);
            if storage == Storage::Saved && !effects::save(&key, &encoded) {
                dispatcher.dispatch(Action::StorageFailed);
            }
            *latest.borrow_mut() = encoded;
        });
    }
    {
        let dispatcher = state.dispatcher();
        let key = key.clone();
        use_effect_with((), move |_| {
            let listener =
                effects::on_storage_change(key, move |v| dispatcher.dispatch(Action::Adopt(v)));
            move || {
                let _keep_until_unmount = listener;
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        use_effect_with(state.0.storage, move |storage| {
            let storage = *storage;
            let listeners = effects::on_hide(
                move || {
                    let text = latest.borrow();
                    if storage == Storage::Saved && !text.is_empty() {
                        effects::save(&key, &text);
                    }
                },
                move || dispatcher.dispatch(Action::SetToday(effects::today())),
            );
            move || {
                let _keep_until_unmount = listeners;
            }
        });
    }
}

/// Reports to the LMS, inside a SCORM package that found one (see [`lms`]): the first report at
/// launch, then every change of progress and of view; a commit when the page is hidden; the last
/// report and finish when it is left. A failed call becomes a notice, and nothing else changes.
#[hook]
pub fn use_lms(state: &Ctx) {
    let reporting = state.0.package.is_some();
    let latest = use_mut_ref(|| state.0.progress.clone());
    let report = {
        let dispatcher = state.dispatcher();
        move |result: Result<(), String>| {
            if let Err(e) = result {
                dispatcher.dispatch(Action::LmsTrouble(e));
            }
        }
    };
    {
        let latest = latest.clone();
        let report = report.clone();
        let version = state.0.package.as_ref().map(|p| p.version);
        use_effect_with(state.0.progress.clone(), move |p: &Rc<Progress>| {
            if reporting {
                let old = std::mem::replace(&mut *latest.borrow_mut(), p.clone());
                let result = if Rc::ptr_eq(&old, p) {
                    lms::begin(p)
                } else {
                    lms::progress_changed(&old, p)
                };
                report(result.map_err(|e| lms_words(version, &e)));
            }
        });
    }
    {
        let report = report.clone();
        let version = state.0.package.as_ref().map(|p| p.version);
        use_effect_with(state.0.route, move |route| {
            if reporting {
                report(lms::location(&route.href(&COURSE)).map_err(|e| lms_words(version, &e)));
            }
        });
    }
    {
        let version = state.0.package.as_ref().map(|p| p.version);
        use_effect_with((), move |_| {
            let listeners = reporting.then(|| {
                let on_hidden = report.clone();
                let on_leave = report;
                (
                    effects::on_hide(
                        move || on_hidden(lms::hidden().map_err(|e| lms_words(version, &e))),
                        || {},
                    ),
                    effects::on_leave(move || {
                        let p = latest.borrow().clone();
                        on_leave(lms::leave(&p).map_err(|e| lms_words(version, &e)));
                    }),
                )
            });
            move || {
                let _keep_until_unmount = listeners;
            }
        });
    }
}

fn lms_words(version: Option<crate::engine::package::ScormVersion>, error: &str) -> String {
    match version {
        Some(v) => lms::trouble_words(v, error),
        None => error.to_string(),
    }
}

/// Once the app's first view is in the page (its effects run after every component in it has
/// rendered): the root is marked as started, for the loader, the tests and the benchmark.
#[hook]
pub fn use_started() {
    use_effect_with((), |_| effects::mark_started());
}

/// Inside another page's frame (not an LMS's: its player sizes the frame): tells the page the
/// module's height as it changes, and notes whether the page listens (see [`frame`]).
#[hook]
pub fn use_frame(state: &Ctx) {
    let in_lms = state.0.package.is_some();
    let dispatcher = state.dispatcher();
    use_effect_with((), move |_| {
        let listeners = (!in_lms && frame::in_frame())
            .then(|| frame::start(move |h| dispatcher.dispatch(Action::Host(h))))
            .flatten();
        move || {
            let _keep_until_unmount = listeners;
        }
    });
}
