//! The adapter to a parent page that embeds the module in an iframe: tells it the module's height
//! as it changes, in the two protocols VLE pages already listen for, and finds out whether anyone
//! listens.
//!
//! - H5P's resizer (`h5p-resizer.js`, on Moodle pages with H5P, WordPress, Drupal): objects
//!   `{context: "h5p", action: "hello"}`, then `{context: "h5p", action: "resize", height}`; the
//!   host answers `hello`, and asks for a new height with `resize` or `resizePrepared`.
//! - Canvas's LTI messages: the JSON text `{"subject": "lti.frameResize", "height": N}`; asking
//!   `lti.fetchWindowSize` is answered by `lti.fetchWindowSize.response`, which says Canvas is there.
//!
//! Only heights are sent. A message is taken only from the parent window and only in one of
//! these shapes; anything else changes nothing.

pub use crate::engine::state::Host;

/// How long to wait for a parent's answer before saying nobody listens.
pub const WAIT_MS: u32 = 1500;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::{Host, WAIT_MS};
    use js_sys::{Object, Reflect};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};

    fn parent() -> Option<web_sys::Window> {
        let w = web_sys::window()?;
        let p = w.parent().ok().flatten()?;
        (!Object::is(&p, &w)).then_some(p)
    }

    /// The module is inside a frame.
    pub fn in_frame() -> bool {
        parent().is_some()
    }

    fn post(message: &JsValue) {
        if let Some(p) = parent() {
            // The parent's origin is not known (any VLE may embed the module); only heights and
            // greetings are ever sent.
            let _ = p.post_message(message, "*");
        }
    }

    fn h5p(action: &str, height: Option<u32>) -> JsValue {
        let o = Object::new();
        let _ = Reflect::set(&o, &"context".into(), &"h5p".into());
        let _ = Reflect::set(&o, &"action".into(), &action.into());
        if let Some(h) = height {
            let _ = Reflect::set(&o, &"height".into(), &JsValue::from(h));
            let _ = Reflect::set(&o, &"scrollHeight".into(), &JsValue::from(h));
        }
        o.into()
    }

    /// The height of the page's content (not of the frame).
    fn content_height() -> u32 {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
            .map(|e| e.get_bounding_client_rect().height().ceil().max(0.0) as u32)
            .unwrap_or(0)
    }

    fn send_height() {
        let h = content_height();
        if h == 0 {
            return;
        }
        post(&h5p("resize", Some(h)));
        post(&JsValue::from_str(&format!(
            "{{\"subject\":\"lti.frameResize\",\"height\":{h}}}"
        )));
    }

    fn text(o: &JsValue, key: &str) -> Option<String> {
        Reflect::get(o, &key.into()).ok()?.as_string()
    }

    /// What a message from the parent means: `Some(true)` a protocol's answer, `Some(false)` a
    /// request for the height, `None` anything else.
    fn meaning(data: &JsValue) -> Option<bool> {
        let data = match data.as_string() {
            // Canvas sends JSON text; JSON.parse is the browser's own.
            Some(s) => js_sys::JSON::parse(&s).ok()?,
            None => data.clone(),
        };
        if !data.is_object() {
            return None;
        }
        match (
            text(&data, "context").as_deref(),
            text(&data, "action").as_deref(),
        ) {
            (Some("h5p"), Some("hello")) => return Some(true),
            (Some("h5p"), Some("resize" | "resizePrepared")) => return Some(false),
            _ => {}
        }
        match text(&data, "subject").as_deref() {
            Some("lti.fetchWindowSize.response") => Some(true),
            _ => None,
        }
    }

    /// What keeps the listeners alive; dropping it removes them.
    pub struct Listeners {
        _message: gloo::events::EventListener,
        _observer: Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)>,
        _timer: gloo::timers::callback::Timeout,
    }

    /// Greets the parent in both protocols, sends the height whenever the content's size changes,
    /// answers the parent's requests for it, and calls `host` once: Listening when the parent
    /// answers, or Silent after [`WAIT_MS`].
    pub fn start(host: impl Fn(Host) + 'static) -> Option<Listeners> {
        let w = web_sys::window()?;
        let parent = parent()?;
        let host = Rc::new(host);
        let told = Rc::new(Cell::new(false));
        let message = {
            let (host, told) = (host.clone(), told.clone());
            gloo::events::EventListener::new(&w, "message", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::MessageEvent>() else {
                    return;
                };
                let from_parent = e.source().is_some_and(|s| Object::is(&s, &parent));
                if !from_parent {
                    return;
                }
                match meaning(&e.data()) {
                    Some(true) => {
                        if !told.replace(true) {
                            host(Host::Listening);
                        }
                        send_height();
                    }
                    Some(false) => send_height(),
                    None => {}
                }
            })
        };
        let on_resize = Closure::<dyn FnMut()>::new(send_height);
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref())
            .ok()
            .and_then(|o| {
                let root = w.document()?.document_element()?;
                o.observe(&root);
                Some((o, on_resize))
            });
        post(&h5p("hello", None));
        post(&JsValue::from_str("{\"subject\":\"lti.fetchWindowSize\"}"));
        send_height();
        let timer = gloo::timers::callback::Timeout::new(WAIT_MS, move || {
            if !told.replace(true) {
                host(Host::Silent);
            }
        });
        Some(Listeners {
            _message: message,
            _observer: observer,
            _timer: timer,
        })
    }
}

/// Natively (tests and server-side rendering) there is no parent page.
#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Host;

    pub fn in_frame() -> bool {
        false
    }

    pub fn start(_: impl Fn(Host) + 'static) -> Option<()> {
        None
    }
}

pub use imp::*;
