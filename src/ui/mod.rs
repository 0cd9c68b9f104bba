//! Yew components and hooks. State lives in one reducer ([`crate::engine::state::AppState`]);
//! components read it from context ([`hooks::use_app`]) and send [`Action`]s. Browser effects go
//! through [`effects`]; the app's own effects are named hooks in [`hooks`].

pub mod effects;
pub mod hooks;
mod layout;
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

    hooks::use_hash_routing(&state);
    hooks::use_title_and_focus(&state);
    hooks::use_announcements(&state);
    hooks::use_storage_sync(&state);

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            <layout::Layout />
        </ContextProvider<Ctx>>
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
