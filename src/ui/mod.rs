//! Yew components and hooks. State lives in one reducer ([`crate::engine::state::AppState`]);
//! components read it from context ([`hooks::use_app`]) and send [`Action`]s. Browser effects go
//! through [`effects`]; the app's own effects are named hooks in [`hooks`].

pub mod effects;
pub mod frame;
pub mod hooks;
mod layout;
pub mod lms;
pub mod rich;
pub mod steps;
pub mod views;

use std::rc::Rc;

use crate::course::COURSE;
use crate::engine::package::{Package, META_NAME};
use crate::engine::progress::Progress;
use crate::engine::route::Route;
use crate::engine::settings::Settings;
use crate::engine::state::{Action, AppState, Changed, Lms, Storage};
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

/// Where the progress is kept in this browser: the plain page's key, or, while reporting to an
/// LMS, the package's own.
pub fn progress_key(package: Option<&Package>) -> String {
    match package {
        Some(p) => effects::package_storage_key(
            COURSE.id,
            p.version.file_suffix(),
            &p.units_label(&COURSE),
        ),
        None => effects::storage_key(COURSE.id),
    }
}

/// Progress from stored text: decoded, or, when it cannot be read, set aside under the backup key
/// (so nothing is lost) and replaced by a fresh start. Gives the progress, whether it was
/// recovered that way, and whether the backup could be written.
fn decode_or_set_aside(text: &str) -> (Progress, bool, bool) {
    match Progress::decode(&COURSE, text) {
        Ok(p) => (p, false, true),
        Err(_) => {
            let kept = effects::save(&effects::backup_key(COURSE.id), text);
            (Progress::new(&COURSE), true, kept)
        }
    }
}

/// The state a browser starts with: the route in the address bar and any saved progress; inside
/// a SCORM package, the LMS's connection first, and progress from `cmi.suspend_data` before the
/// browser's storage.
pub fn initial_state() -> AppState {
    let hash = effects::current_hash();
    let mut route = Route::parse(&COURSE, &hash);
    let package = effects::meta_content(META_NAME).and_then(|text| {
        Package::parse(&COURSE, &text)
            .map_err(|e| effects::warn(&format!("The package settings were ignored: {e}.")))
            .ok()
    });
    let (package, opening, lms) = match package.as_ref().map(lms::connect) {
        Some(lms::Connection::Connected(p, opening)) => {
            (Some(p), Some(opening), Lms::Connected { trouble: None })
        }
        Some(lms::Connection::Failed(e)) => {
            let words = package
                .as_ref()
                .map_or(e.clone(), |p| lms::trouble_words(p.version, &e));
            (
                None,
                None,
                Lms::Connected {
                    trouble: Some(words),
                },
            )
        }
        Some(lms::Connection::NoApi) | None => (None, None, Lms::Standalone),
    };
    let key = progress_key(package.as_ref());
    let stored = effects::load(&key);
    let from_lms = opening
        .as_ref()
        .map(|o| o.suspend_data.trim())
        .filter(|d| !d.is_empty());
    let fresh_attempt = opening.as_ref().is_some_and(|o| o.fresh_attempt);
    let (progress, recovered, storage) = match (from_lms, stored) {
        // The LMS's copy of this attempt comes first.
        (Some(data), stored) => {
            // A different copy in this browser (an update the LMS refused) is set aside, not
            // overwritten by the first save.
            if let Ok(Some(local)) = &stored {
                if local.trim() != data {
                    effects::save(&effects::backup_key(COURSE.id), local);
                }
            }
            let (p, recovered, kept) = decode_or_set_aside(data);
            let storage = match stored {
                Err(effects::StorageBlocked) => Storage::Unavailable,
                Ok(_) if kept => Storage::Saved,
                Ok(_) => Storage::Unavailable,
            };
            (p, recovered, storage)
        }
        (None, Err(effects::StorageBlocked)) => {
            (Progress::new(&COURSE), false, Storage::Unavailable)
        }
        // A new LMS attempt starts afresh; the last attempt's copy in this browser is set aside
        // under the backup key rather than overwritten.
        (None, Ok(stored)) if fresh_attempt => {
            if let Some(last) = stored.filter(|s| !s.trim().is_empty()) {
                effects::save(&effects::backup_key(COURSE.id), &last);
            }
            (Progress::new(&COURSE), false, Storage::Saved)
        }
        (None, Ok(Some(saved))) => {
            let (p, recovered, kept) = decode_or_set_aside(&saved);
            let storage = if kept {
                Storage::Saved
            } else {
                Storage::Unavailable
            };
            (p, recovered, storage)
        }
        (None, Ok(None)) => (Progress::new(&COURSE), false, Storage::Saved),
    };
    let mut progress = progress;
    if progress.seed == 0 {
        progress.seed = effects::random_seed();
    }
    // Back where the learner was, unless the address names a place.
    if let Some(o) = &opening {
        let kept = Route::parse(&COURSE, &o.location);
        if route == Route::Home && kept != Route::Home {
            route = kept;
            effects::set_hash(&kept.href(&COURSE));
        }
    }
    let mut state = AppState::new(&COURSE, route, progress, storage);
    state.recovered = recovered;
    state.today = effects::today();
    state.lms = lms;
    let mut settings = Settings::from_query(&COURSE, &effects::current_search());
    for problem in &settings.problems {
        effects::warn(&format!("The address's setting was ignored: {problem}."));
    }
    if let Some(p) = &package {
        settings = settings.with_package(p);
    }
    if let Some(mode) = settings.mode {
        for quiz in settings.quizzes(&COURSE).collect::<Vec<_>>() {
            state.reduce(&COURSE, Action::SetMode(quiz, mode));
        }
    }
    state.settings = settings;
    state.package = package;
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
    hooks::use_display(&state);
    hooks::use_announcements(&state);
    hooks::use_storage_sync(&state);
    hooks::use_lms(&state);
    hooks::use_frame(&state);
    hooks::use_started();

    html! {
        <ContextProvider<Ctx> context={state.clone()}>
            { layout::layout(&state) }
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
            // The page's static copy of the home (or the loading message) gives way to the app,
            // which marks the root as started once its first view is in (`hooks::use_started`).
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
