//! Yew components and hooks. State lives in one reducer ([`crate::engine::state::AppState`]);
//! components read it from context and send [`Action`]s. Browser effects go through [`effects`].

pub mod effects;
pub mod rich;
pub mod views;

use std::rc::Rc;

use crate::course::COURSE;
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::state::{Action, AppState, Changed, Storage};
use yew::prelude::*;

/// The reducer as Yew sees it: a thin wrapper over the pure [`AppState::reduce`].
#[derive(Clone, Debug, PartialEq)]
pub struct Model(pub AppState);

impl Reducible for Model {
    type Action = Action;
    /// Reduces a copy of the state, which shares the progress until the action changes it (so
    /// the copy costs a few small fields). An action that changes nothing gives back the same
    /// `Rc`, and Yew renders nothing again.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        match next.reduce(&COURSE, action) {
            Changed::Yes => Rc::new(Model(next)),
            Changed::No => self,
        }
    }
}

/// What every component gets from context: the state and the way to change it.
pub type Ctx = UseReducerHandle<Model>;

/// The state a browser starts with: the route in the address bar and any saved progress.
pub fn initial_state() -> AppState {
    let route = Route::parse(&COURSE, &effects::current_hash());
    let key = effects::storage_key(COURSE.id);
    let mut recovered = false;
    let (progress, storage) = match effects::load(&key) {
        Ok(Some(saved)) => match Progress::decode(&COURSE, &saved) {
            Ok(p) => (p, Storage::Saved),
            // Unreadable data: keep a copy under a backup key, then start fresh rather than fail.
            Err(_) => {
                recovered = true;
                let kept = effects::save(&effects::backup_key(COURSE.id), &saved);
                let storage = if kept {
                    Storage::Saved
                } else {
                    Storage::Unavailable
                };
                (Progress::new(&COURSE), storage)
            }
        },
        Ok(None) => (Progress::new(&COURSE), Storage::Saved),
        Err(effects::StorageBlocked) => (Progress::new(&COURSE), Storage::Unavailable),
    };
    let mut progress = progress;
    if progress.seed == 0 {
        progress.seed = effects::random_seed();
    }
    let hash = effects::current_hash();
    let mut state = AppState::new(&COURSE, route, progress, storage);
    state.recovered = recovered;
    state.today = effects::today();
    if let Some((quiz, mode)) = Route::mode_param(&COURSE, &hash) {
        state.reduce(&COURSE, Action::SetMode(quiz, mode));
    }
    state
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// A given starting state (server-side rendering in tests); the browser reads its own.
    #[prop_or_default]
    pub initial: Option<AppState>,
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let given = props.initial.clone();
    let state = use_reducer(move || Model(given.unwrap_or_else(initial_state)));

    // Follow the address bar.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = effects::on_hashchange(move |hash| {
                if let Some((quiz, mode)) = Route::mode_param(&COURSE, &hash) {
                    state.dispatch(Action::SetMode(quiz, mode));
                }
                state.dispatch(Action::Navigate(Route::parse(&COURSE, &hash)));
            });
            move || {
                let _keep_until_unmount = listener;
            }
        });
    }

    // On every view change: the document title, and focus to the new view's main heading.
    {
        let first = use_mut_ref(|| true);
        use_effect_with(state.0.route, move |route| {
            effects::set_title(&format!("{} – {}", route.title(&COURSE), COURSE.title));
            if !std::mem::replace(&mut *first.borrow_mut(), false) {
                effects::focus("view-heading");
            }
        });
    }

    // A view that changed in place asks for focus on its new heading.
    use_effect_with(state.0.focus_request, |n| {
        if *n > 0 {
            effects::focus("view-heading");
        }
    });

    // Feedback to the live region.
    use_effect_with(state.0.announcement.clone(), |a| {
        if a.serial > 0 {
            effects::announce(&a.text);
        }
    });

    // Save progress whenever it changes (every answer, choice and keystroke of a reflection),
    // and again whenever the page is hidden or left, never only on unload.
    let latest = use_mut_ref(String::new);
    {
        let dispatcher = state.dispatcher();
        let storage = state.0.storage;
        let latest = latest.clone();
        use_effect_with(state.0.progress.clone(), move |p| {
            let encoded = p.encode(&COURSE);
            if storage == Storage::Saved
                && !effects::save(&effects::storage_key(COURSE.id), &encoded)
            {
                dispatcher.dispatch(Action::StorageFailed);
            }
            *latest.borrow_mut() = encoded;
        });
    }
    // Another tab saved: take its progress, so two tabs never overwrite each other's work.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = effects::on_storage_change(effects::storage_key(COURSE.id), move |v| {
                dispatcher.dispatch(Action::Adopt(v))
            });
            move || {
                let _keep_until_unmount = listener;
            }
        });
    }
    {
        let dispatcher = state.dispatcher();
        let storage = state.0.storage;
        use_effect_with(storage, move |storage| {
            let storage = *storage;
            let listeners = effects::on_hide(
                move || {
                    let text = latest.borrow();
                    if storage == Storage::Saved && !text.is_empty() {
                        effects::save(&effects::storage_key(COURSE.id), &text);
                    }
                },
                move || dispatcher.dispatch(Action::SetToday(effects::today())),
            );
            move || {
                let _keep_until_unmount = listeners;
            }
        });
    }

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <Layout />
        </ContextProvider<Ctx>>
    }
}

#[component]
fn Layout() -> Html {
    let ctx = use_context::<Ctx>();
    let Some(ctx) = ctx else {
        return Html::default();
    };
    let route = ctx.0.route;
    let skip = Callback::from(|e: MouseEvent| {
        // A hash link would be read as a route: move focus without touching the address.
        e.prevent_default();
        effects::focus("main");
    });
    let current = |r: Route| if route == r { Some("page") } else { None };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip}>{"Skip to content"}</a>
            <header class="site-header">
                <div class="wrap">
                    <a class="site-title" href="#/">{ COURSE.title }</a>
                    <nav aria-label="Main">
                        <ul class="nav">
                            <li><a href="#/" aria-current={current(Route::Home)}>{"Home"}</a></li>
                            if !COURSE.events.is_empty() {
                                <li><a href="#/timeline" aria-current={current(Route::Timeline)}>{"Timeline"}</a></li>
                            }
                            <li><a href="#/glossary" aria-current={current(Route::Glossary)}>{"Glossary"}</a></li>
                            <li><a href="#/sources" aria-current={current(Route::Sources)}>{"Sources"}</a></li>
                            <li><a href="#/progress" aria-current={current(Route::Progress)}>{"Your progress"}</a></li>
                        </ul>
                    </nav>
                </div>
            </header>
            if ctx.0.storage == Storage::Unavailable {
                <div class="notice wrap" role="note" id="storage-notice">
                    <p><strong>{"Your progress will not be kept here. "}</strong>
                    {"This browser is not letting the module save anything on this page (storage is blocked or full), so what you do lasts until you close it. Everything else works as usual. To keep your work, take a "}
                    <a href="#/progress">{"progress code"}</a>{" before you leave, and load it next time."}</p>
                </div>
            }
            if ctx.0.recovered {
                <div class="notice wrap" role="note" id="recovered-notice">
                    <p><strong>{"Saved progress here could not be read, so you are starting afresh. "}</strong>
                    {"It may have been damaged or written by something else. Nothing was deleted: the unreadable data is kept in this browser under a backup key. If you have a "}
                    <a href="#/progress">{"progress code"}</a>{", you can load it."}</p>
                </div>
            }
            <main id="main" tabindex="-1" class="wrap">
                <views::View />
            </main>
            <footer class="site-footer">
                <div class="wrap">
                    <p>{"An open teaching module. It sends nothing anywhere: your progress stays in this browser, and goes elsewhere only if you take a "}<a href="#/progress">{"progress code"}</a>{"."}</p>
                </div>
            </footer>
        </>
    }
}

/// Mounts the app (browser only).
#[cfg(target_arch = "wasm32")]
pub fn start() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An action that changes nothing gives back the same state, so Yew renders nothing again;
    /// a change gives a new one.
    #[test]
    fn the_reducer_keeps_its_state_when_nothing_changes() {
        let state = Rc::new(Model(AppState::new(
            &COURSE,
            Route::Home,
            Progress::new(&COURSE),
            Storage::Saved,
        )));
        let same = state.clone().reduce(Action::Navigate(Route::Home));
        assert!(Rc::ptr_eq(&state, &same));
        let moved = state.clone().reduce(Action::Navigate(Route::Glossary));
        assert!(!Rc::ptr_eq(&state, &moved));
        assert_eq!(moved.0.route, Route::Glossary);
        assert_eq!(state.0.route, Route::Home, "the state before is untouched");
    }
}
