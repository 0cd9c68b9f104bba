//! The adapter to a learning platform's SCORM API: finds it, initialises once, carries the calls
//! that [`crate::engine::scorm::Reporter`] decides, and finishes once. Every call's result is
//! checked with `GetLastError`; a failure is logged and given back as a message for the notice,
//! and nothing else changes (progress is still saved in the browser and in the progress code).
//!
//! The session is one per page, held here: the LMS is an outside system with one connection.

use std::cell::RefCell;

use crate::course::COURSE;
use crate::engine::package::{Package, ScormVersion};
use crate::engine::progress::Progress;
use crate::engine::scorm::{format, Call, Element, Reporter, Start};

/// What the LMS held at launch, for the app's first state.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Opening {
    /// `entry` was `ab-initio`: a new attempt, which starts afresh.
    pub fresh_attempt: bool,
    pub suspend_data: String,
    pub location: String,
}

/// How connecting went.
pub enum Connection {
    /// No API in any parent or opener window: run standalone, silently.
    NoApi,
    /// Initialised; the package as the LMS sets it (its pass mark may be the LMS's).
    Connected(Package, Opening),
    /// An API was found but would not initialise: standalone, with a notice.
    Failed(String),
}

struct Session {
    api: imp::Api,
    reporter: Reporter,
    started: f64,
    finished: bool,
}

thread_local! {
    static SESSION: RefCell<Option<Session>> = const { RefCell::new(None) };
}

fn version_label(v: ScormVersion) -> &'static str {
    match v {
        ScormVersion::V12 => "SCORM 1.2",
        ScormVersion::V2004 => "SCORM 2004",
    }
}

/// Finds the API for the package's version and initialises it, once per page; reads what the
/// LMS holds for this attempt.
pub fn connect(package: &Package) -> Connection {
    if SESSION.with(|s| s.borrow().is_some()) {
        return Connection::Failed("the LMS connection was opened twice".into());
    }
    let v = package.version;
    let Some(api) = imp::Api::find(v) else {
        return Connection::NoApi;
    };
    if let Err(e) = api.initialize() {
        return Connection::Failed(e);
    }
    let get = |el: Element| api.get(el.name(v)).unwrap_or_default();
    let entry = get(Element::Entry);
    let opening = Opening {
        fresh_attempt: entry == "ab-initio",
        suspend_data: get(Element::SuspendData),
        location: get(Element::Location),
    };
    let resuming =
        entry == "resume" || (!opening.fresh_attempt && !opening.suspend_data.is_empty());
    // What this attempt has reported already: read only when resuming, as a first launch has
    // nothing to read (and 2004 LMSs answer "not initialised" for values never set).
    let start = Start {
        interactions: get(Element::InteractionCount).trim().parse().unwrap_or(0),
        score: resuming
            .then(|| format::read_percent(&get(Element::Score)))
            .flatten(),
        complete: resuming
            && matches!(
                get(Element::Status).as_str(),
                "completed" | "passed" | "failed"
            ),
    };
    let mut package = package.clone();
    if let Some(pass) = format::read_pass_mark(v, &get(Element::PassMark)) {
        package.pass = Some(pass);
    }
    SESSION.with(|s| {
        *s.borrow_mut() = Some(Session {
            api,
            reporter: Reporter::new(package.clone(), start),
            started: imp::now(),
            finished: false,
        })
    });
    Connection::Connected(package, opening)
}

/// Runs `f` on the session, if there is one still open, and carries out the calls it gives.
fn with_session(f: impl FnOnce(&mut Reporter) -> Vec<Call>) -> Result<(), String> {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let Some(session) = s.as_mut().filter(|s| !s.finished) else {
            return Ok(());
        };
        let calls = f(&mut session.reporter);
        run(&session.api, calls)
    })
}

/// Carries out every call, even after one fails (each value stands alone), and gives back the
/// first failure.
fn run(api: &imp::Api, calls: Vec<Call>) -> Result<(), String> {
    let mut first = Ok(());
    for call in calls {
        let result = match call {
            Call::Set(el, value) => api.set(&el, &value),
            Call::Commit => api.commit(),
        };
        if let (Err(e), Ok(())) = (result, &first) {
            first = Err(e);
        }
    }
    first
}

/// The first report of the launch.
pub fn begin(p: &Progress) -> Result<(), String> {
    with_session(|r| r.begin(&COURSE, p))
}

/// After each change of progress.
pub fn progress_changed(old: &Progress, new: &Progress) -> Result<(), String> {
    with_session(|r| r.progress(&COURSE, old, new, imp::stamp()))
}

/// After each change of view.
pub fn location(href: &str) -> Result<(), String> {
    with_session(|r| r.location(href))
}

/// The page is hidden: what the LMS holds is committed.
pub fn hidden() -> Result<(), String> {
    with_session(|_| vec![Call::Commit])
}

/// The page is being left: the last report, then `LMSFinish` / `Terminate`, exactly once.
pub fn leave(p: &Progress) -> Result<(), String> {
    SESSION.with(|s| {
        let mut s = s.borrow_mut();
        let Some(session) = s.as_mut().filter(|s| !s.finished) else {
            return Ok(());
        };
        session.finished = true;
        let millis = (imp::now() - session.started).max(0.0) as u64;
        let calls = session.reporter.end(&COURSE, p, millis);
        let reported = run(&session.api, calls);
        let finished = session.api.finish();
        reported.and(finished)
    })
}

/// The notice's words for a failed call.
pub fn trouble_words(version: ScormVersion, error: &str) -> String {
    format!(
        "The learning platform ({}) did not accept an update: {error}.",
        version_label(version)
    )
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::version_label;
    use crate::engine::package::ScormVersion;
    use crate::engine::scorm::Stamp;
    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    /// How many windows up each chain (parents, then the opener's) to look; SCORM's own
    /// algorithm stops at 7 and real LMS frame sets are shallower.
    const MAX_HOPS: usize = 10;

    pub struct Api {
        object: Object,
        version: ScormVersion,
    }

    /// The API object on `w`, if `w` is readable (a cross-origin window throws) and has one.
    fn api_on(w: &web_sys::Window, name: &str) -> Option<Object> {
        let value = Reflect::get(w, &JsValue::from_str(name)).ok()?;
        value.is_object().then(|| value.unchecked_into())
    }

    /// Looks in `w` and its parents up to the top.
    fn walk_up(mut w: web_sys::Window, name: &str) -> Option<Object> {
        for _ in 0..MAX_HOPS {
            if let Some(api) = api_on(&w, name) {
                return Some(api);
            }
            let parent = w.parent().ok().flatten()?;
            if Object::is(&parent, &w) {
                return None;
            }
            w = parent;
        }
        None
    }

    impl Api {
        pub fn find(version: ScormVersion) -> Option<Api> {
            let name = match version {
                ScormVersion::V12 => "API",
                ScormVersion::V2004 => "API_1484_11",
            };
            let w = web_sys::window()?;
            let object = walk_up(w.clone(), name).or_else(|| {
                let opener = w.opener().ok().filter(|o| o.is_object())?;
                walk_up(opener.unchecked_into(), name)
            })?;
            Some(Api { object, version })
        }

        fn name(&self, call: &str) -> &'static str {
            let v12 = self.version == ScormVersion::V12;
            match call {
                "init" if v12 => "LMSInitialize",
                "init" => "Initialize",
                "finish" if v12 => "LMSFinish",
                "finish" => "Terminate",
                "get" if v12 => "LMSGetValue",
                "get" => "GetValue",
                "set" if v12 => "LMSSetValue",
                "set" => "SetValue",
                "commit" if v12 => "LMSCommit",
                "commit" => "Commit",
                "error" if v12 => "LMSGetLastError",
                "error" => "GetLastError",
                _ if v12 => "LMSGetErrorString",
                _ => "GetErrorString",
            }
        }

        /// Calls a method of the API; a missing method or one that throws gives `None`.
        fn raw(&self, method: &str, args: &[&str]) -> Option<JsValue> {
            let f: Function = Reflect::get(&self.object, &JsValue::from_str(method))
                .ok()?
                .dyn_into()
                .ok()?;
            let list: Array = args.iter().map(|a| JsValue::from_str(a)).collect();
            f.apply(&self.object, &list).ok()
        }

        fn text(value: Option<JsValue>) -> String {
            match value {
                // An API that answers with a boolean or a whole number rather than a string (no
                // float formatting: it would cost the wasm more than the rest of this adapter).
                Some(v) => v
                    .as_string()
                    .unwrap_or_else(|| match (v.as_bool(), v.as_f64()) {
                        (Some(b), _) => b.to_string(),
                        (_, Some(n)) => (n as i64).to_string(),
                        _ => String::new(),
                    }),
                None => String::new(),
            }
        }

        /// The LMS's last error, as "what it says (error N)"; `None` when it is "0" or none.
        fn last_error(&self) -> Option<(String, String)> {
            let code = Self::text(self.raw(self.name("error"), &[]));
            let code = code.trim().to_string();
            if code.is_empty() || code == "0" {
                return None;
            }
            let words = Self::text(self.raw(self.name("words"), &[&code]));
            Some((code, words))
        }

        /// A call that answers "true" on success.
        fn act(&self, call: &str, what: &str, args: &[&str]) -> Result<(), String> {
            let method = self.name(call);
            let result = Self::text(self.raw(method, args));
            let error = self.last_error();
            if result == "true" && error.is_none() {
                return Ok(());
            }
            let message = match error {
                Some((code, words)) if words.is_empty() => format!("{method}{what}: error {code}"),
                Some((code, words)) => format!("{method}{what}: {words} (error {code})"),
                None => format!("{method}{what} answered \"{result}\""),
            };
            web_sys::console::warn_1(&JsValue::from_str(&format!(
                "{}: {message}",
                version_label(self.version)
            )));
            Err(message)
        }

        pub fn initialize(&self) -> Result<(), String> {
            self.act("init", "", &[""])
        }

        pub fn finish(&self) -> Result<(), String> {
            self.act("finish", "", &[""])
        }

        pub fn commit(&self) -> Result<(), String> {
            self.act("commit", "", &[""])
        }

        pub fn set(&self, el: &str, value: &str) -> Result<(), String> {
            self.act("set", &format!("({el})"), &[el, value])
        }

        /// A value the LMS holds. An element with no value yet (2004's error 403) is empty, not
        /// an error; any other error is logged and read as empty.
        pub fn get(&self, el: &str) -> Result<String, String> {
            let method = self.name("get");
            let value = Self::text(self.raw(method, &[el]));
            match self.last_error() {
                None => Ok(value),
                Some((code, _)) if code == "403" => Ok(String::new()),
                Some((code, words)) => {
                    let message = format!("{method}({el}): {words} (error {code})");
                    web_sys::console::warn_1(&JsValue::from_str(&message));
                    Err(message)
                }
            }
        }
    }

    pub fn now() -> f64 {
        js_sys::Date::now()
    }

    pub fn stamp() -> Stamp {
        let d = js_sys::Date::new_0();
        Stamp {
            year: d.get_full_year() as u16,
            month: (d.get_month() + 1) as u8,
            day: d.get_date() as u8,
            hour: d.get_hours() as u8,
            minute: d.get_minutes() as u8,
            second: d.get_seconds() as u8,
        }
    }
}

/// Natively (tests and server-side rendering) there is never an LMS.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use crate::engine::package::ScormVersion;
    use crate::engine::scorm::Stamp;

    pub struct Api;

    impl Api {
        pub fn find(_: ScormVersion) -> Option<Api> {
            None
        }
        pub fn initialize(&self) -> Result<(), String> {
            Ok(())
        }
        pub fn finish(&self) -> Result<(), String> {
            Ok(())
        }
        pub fn commit(&self) -> Result<(), String> {
            Ok(())
        }
        pub fn set(&self, _: &str, _: &str) -> Result<(), String> {
            Ok(())
        }
        pub fn get(&self, _: &str) -> Result<String, String> {
            Ok(String::new())
        }
    }

    pub fn now() -> f64 {
        0.0
    }

    pub fn stamp() -> Stamp {
        Stamp {
            year: 1970,
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }
}
