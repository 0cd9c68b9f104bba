//! The one adapter between the app and the browser: storage, address, title, focus, live region.
//!
//! Every call is guarded: a browser that blocks storage or lacks an element never panics the app.
//! Natively (SSR tests) these do nothing, since there is no browser.

/// Storage cannot be used at all here (blocked, sandboxed, or missing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageBlocked;

/// Where progress is kept in `localStorage`.
pub fn storage_key(course_id: &str) -> String {
    format!("hsc:{course_id}:progress")
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::JsCast;

    fn document() -> Option<web_sys::Document> {
        web_sys::window()?.document()
    }

    fn storage() -> Option<web_sys::Storage> {
        // `local_storage()` is an Err when merely reading it throws (blocked third-party storage).
        web_sys::window()?.local_storage().ok().flatten()
    }

    pub fn current_hash() -> String {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    }

    pub fn set_hash(hash: &str) {
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(hash);
        }
    }

    /// `Err` when storage cannot be used at all; `Ok(None)` when nothing is stored yet.
    pub fn load(key: &str) -> Result<Option<String>, super::StorageBlocked> {
        let s = storage().ok_or(super::StorageBlocked)?;
        s.get_item(key).map_err(|_| super::StorageBlocked)
    }

    /// `false` when the write failed (blocked, quota exceeded).
    pub fn save(key: &str, value: &str) -> bool {
        storage().is_some_and(|s| s.set_item(key, value).is_ok())
    }

    /// A non-zero random number for the learner's shuffle seed.
    pub fn random_seed() -> u32 {
        let r = (js_sys::Math::random() * f64::from(u32::MAX)) as u32;
        r.max(1)
    }

    pub fn set_title(title: &str) {
        if let Some(d) = document() {
            d.set_title(title);
        }
    }

    pub fn focus(id: &str) {
        if let Some(el) = document().and_then(|d| d.get_element_by_id(id)) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Focuses the first enabled control inside the element with this id.
    pub fn focus_first_control(id: &str) {
        let selector = format!("#{id} input:not([disabled]), #{id} select:not([disabled]), #{id} button:not([disabled])");
        if let Some(el) = document().and_then(|d| d.query_selector(&selector).ok().flatten()) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                let _ = el.focus();
            }
        }
    }

    /// Writes into the live region that index.html puts in the page before the app loads.
    pub fn announce(text: &str) {
        if let Some(el) = document().and_then(|d| d.get_element_by_id("announcer")) {
            // Clearing first makes a repeated message be read again.
            el.set_text_content(None);
            el.set_text_content(Some(text));
        }
    }

    pub fn on_hashchange(f: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
        let w = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &w,
            "hashchange",
            move |_| f(current_hash()),
        ))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn current_hash() -> String {
        String::new()
    }
    pub fn set_hash(_: &str) {}
    pub fn load(_: &str) -> Result<Option<String>, super::StorageBlocked> {
        Ok(None)
    }
    pub fn save(_: &str, _: &str) -> bool {
        true
    }
    pub fn set_title(_: &str) {}
    pub fn random_seed() -> u32 {
        1
    }
    pub fn focus(_: &str) {}
    pub fn focus_first_control(_: &str) {}
    pub fn announce(_: &str) {}
    pub fn on_hashchange(_: impl Fn(String) + 'static) -> Option<()> {
        None
    }
}

pub use imp::*;
