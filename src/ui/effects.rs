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

/// Where the display settings are noted as the app last set them on the page's root, as
/// `name=value` pairs separated by spaces: the loader (`static/start.js`) puts them on the root
/// before the first paint, long before the app (which reads them from the progress) has started.
pub fn display_key(course_id: &str) -> String {
    format!("hsc:{course_id}:display")
}

/// Where unreadable data found under [`storage_key`] is set aside, rather than lost.
/// Where a SCORM package keeps its copy of the progress while reporting to an LMS: apart from
/// the plain page's, so an LMS attempt never overwrites (or is overwritten by) other work.
pub fn package_storage_key(course_id: &str, version_suffix: &str, units: &str) -> String {
    format!("hsc:{course_id}:{version_suffix}:{units}:progress")
}

pub fn backup_key(course_id: &str) -> String {
    format!("hsc:{course_id}:progress:backup")
}

/// A `data:` address holding a text file, for a download link (no Blob, no object URL to revoke).
pub fn data_url(mime: &str, text: &str) -> String {
    format!("data:{mime};charset=utf-8,{}", encode_uri(text))
}

/// The progress code inside a progress file: from its first line that starts like one to the end
/// (a reflection written over several lines carries its line breaks inside the code).
pub fn code_in_file(text: &str) -> String {
    let text = text.replace("\r\n", "\n");
    let start = text
        .match_indices("hsc")
        .map(|(i, _)| i)
        .find(|&i| i == 0 || text[..i].ends_with('\n'));
    match start {
        Some(i) => text[i..].trim().to_string(),
        None => text.trim().to_string(),
    }
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

    /// This page's address without its query or hash: where the module lives.
    pub fn base_address() -> String {
        web_sys::window()
            .map(|w| w.location())
            .map(|l| {
                format!(
                    "{}{}",
                    l.origin().unwrap_or_default(),
                    l.pathname().unwrap_or_default()
                )
            })
            .unwrap_or_default()
    }

    /// This page's address without `embed` in its query: the module on its own, in a new tab.
    pub fn address_without_embed() -> String {
        let Some(l) = web_sys::window().map(|w| w.location()) else {
            return String::new();
        };
        let base = format!(
            "{}{}",
            l.origin().unwrap_or_default(),
            l.pathname().unwrap_or_default()
        );
        let search = l.search().unwrap_or_default();
        let kept: Vec<&str> = search
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty() && *p != "embed" && !p.starts_with("embed="))
            .collect();
        let query = if kept.is_empty() {
            String::new()
        } else {
            format!("?{}", kept.join("&"))
        };
        format!("{base}{query}{}", l.hash().unwrap_or_default())
    }

    /// The address's query, `?…` (or nothing).
    pub fn current_search() -> String {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
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

    /// Today in the learner's own calendar.
    pub fn today() -> crate::engine::day::Day {
        let d = js_sys::Date::new_0();
        crate::engine::day::from_civil(d.get_full_year() as i32, d.get_month() + 1, d.get_date())
    }

    pub fn encode_uri(text: &str) -> String {
        js_sys::encode_uri_component(text).into()
    }

    /// Selects the text of a text area and asks the browser to copy it. `false` if it would not
    /// (the text stays selected, so the learner can copy it with the keyboard).
    pub fn copy_text_of(id: &str) -> bool {
        let Some(doc) = document() else { return false };
        let Some(area) = doc
            .get_element_by_id(id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok())
        else {
            return false;
        };
        let _ = area.focus();
        area.select();
        doc.dyn_into::<web_sys::HtmlDocument>()
            .ok()
            .and_then(|d| d.exec_command("copy").ok())
            .unwrap_or(false)
    }

    /// Reads the first file chosen in a file input as text, then calls `done` (not at all if the
    /// browser cannot read it; `failed` is called instead).
    pub fn read_file(
        input: &web_sys::HtmlInputElement,
        done: impl FnOnce(String) + 'static,
        failed: impl FnOnce() + 'static,
    ) {
        use std::cell::RefCell;
        use std::rc::Rc;
        use wasm_bindgen::closure::Closure;
        use wasm_bindgen::JsValue;
        type Handlers = (Closure<dyn FnMut(JsValue)>, Closure<dyn FnMut(JsValue)>);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        // The two handlers must live until the promise settles, and no longer. They are kept in a
        // cell that each of them also holds: whichever runs empties it, which drops both (the
        // running one once it returns; wasm-bindgen defers that), and with them the cell.
        // A promise always settles, so nothing outlives the read.
        let keep: Rc<RefCell<Option<Handlers>>> = Rc::default();
        let (on_ok, on_err) = (keep.clone(), keep.clone());
        let ok = Closure::once(move |v: JsValue| {
            let settled = on_ok.borrow_mut().take();
            done(v.as_string().unwrap_or_default());
            drop(settled);
        });
        let err = Closure::once(move |_: JsValue| {
            let settled = on_err.borrow_mut().take();
            failed();
            drop(settled);
        });
        let _ = file.text().then2(&ok, &err);
        *keep.borrow_mut() = Some((ok, err));
    }

    /// Calls `f` when the page is being hidden or left (`pagehide`, or `visibilitychange` to
    /// hidden), and `shown` when it becomes visible again.
    pub fn on_hide(
        f: impl Fn() + 'static,
        shown: impl Fn() + 'static,
    ) -> Option<(gloo::events::EventListener, gloo::events::EventListener)> {
        let w = web_sys::window()?;
        let d = w.document()?;
        let f = std::rc::Rc::new(f);
        let g = f.clone();
        let hide = gloo::events::EventListener::new(&w, "pagehide", move |_| f());
        let doc = d.clone();
        let vis = gloo::events::EventListener::new(&d, "visibilitychange", move |_| {
            if doc.visibility_state() == web_sys::VisibilityState::Hidden {
                g()
            } else {
                shown()
            }
        });
        Some((hide, vis))
    }

    /// Calls `f` when the page is being left (`pagehide`).
    pub fn on_leave(f: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
        let w = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &w,
            "pagehide",
            move |_| f(),
        ))
    }

    /// Calls `f` with the new value when another tab of this site changes `key` in storage.
    pub fn on_storage_change(
        key: String,
        f: impl Fn(String) + 'static,
    ) -> Option<gloo::events::EventListener> {
        let w = web_sys::window()?;
        Some(gloo::events::EventListener::new(&w, "storage", move |e| {
            let Some(e) = e.dyn_ref::<web_sys::StorageEvent>() else {
                return;
            };
            if e.key().as_deref() == Some(key.as_str()) {
                if let Some(v) = e.new_value() {
                    f(v);
                }
            }
        }))
    }

    /// A line in the browser's console, for whoever looks into a problem.
    pub fn warn(text: &str) {
        web_sys::console::warn_1(&text.into());
    }

    /// The `content` of `<meta name="…">` in the page, if there is one.
    pub fn meta_content(name: &str) -> Option<String> {
        let selector = format!("meta[name=\"{name}\"]");
        document()?
            .query_selector(&selector)
            .ok()
            .flatten()?
            .get_attribute("content")
    }

    pub fn set_title(title: &str) {
        if let Some(d) = document() {
            d.set_title(title);
        }
    }

    /// Sets attributes on the root element (`<html>`), where the style sheet reads the display
    /// settings. An attribute, not a `style=`, so the strict Content-Security-Policy allows it.
    /// With `note`, also saves them there as `name=value` pairs (see `display_key`). The pairs are
    /// written out on every call, noted or not: a few bytes of string, where telling the two cases
    /// apart made the first load 59 bytes larger (gzip).
    pub fn set_root_attributes(attributes: &[(&str, &str)], note: Option<&str>) {
        let mut noted = String::new();
        if let Some(root) = document().and_then(|d| d.document_element()) {
            for (name, value) in attributes {
                if root.get_attribute(name).as_deref() != Some(*value) {
                    let _ = root.set_attribute(name, value);
                }
                noted.push_str(name);
                noted.push('=');
                noted.push_str(value);
                noted.push(' ');
            }
        }
        if let Some(key) = note {
            save(key, &noted);
        }
    }

    /// Marks the app's root (`data-started`): the app has replaced the page's static copy of the
    /// home and its links respond. The loader, the tests and the benchmark read it. Just before,
    /// it does the costly first layouts out of sight (below); in a function of their own, finding
    /// the root twice, they made the first load 42 bytes larger (gzip).
    pub fn mark_started() {
        let Some(d) = document() else { return };
        let Some(root) = d.get_element_by_id("app") else {
            return;
        };
        // Before the mark: lays out once, out of sight, and takes out of the page again within
        // this task, the kinds of content whose first layout in a page costs most, so that no
        // view change pays for it later. At CPU x4, added to a page, a first file input took 11 ms
        // to lay out and a second 2.6; a first text area in a monospace font 15 ms, a plain one
        // after it 2.1 (the progress page has both); a text input and italic text 4 to 7 ms more
        // than the next of their kind.
        if let Ok(el) = d.create_element("div") {
            el.set_inner_html("<div class=visually-hidden><input type=file><textarea class=code></textarea><input><em>a</em></div>");
            if root.insert_before(&el, None).is_ok() {
                el.get_bounding_client_rect();
                let _ = root.remove_child(&el);
            }
        }
        let _ = root.set_attribute("data-started", "");
    }

    /// Runs `f` as soon as the work that called it is done, before the browser paints: in a
    /// microtask. Called while a component renders, it runs once Yew's scheduler has finished or
    /// paused, so after that component's render is in the page (a pause comes after about 16 ms of
    /// work, and leaves the `rendered` effects to a later task, a frame late; it may also come
    /// before a child's update: call this from the component that renders what `f` needs).
    pub fn after_render(f: impl FnOnce() + 'static) {
        queue_microtask(Box::new(f));
    }

    /// One copy of the binding's code for every caller of [`after_render`].
    fn queue_microtask(f: Box<dyn FnOnce()>) {
        use wasm_bindgen::closure::Closure;
        if let Some(w) = web_sys::window() {
            w.queue_microtask(Closure::once_into_js(f).unchecked_ref());
        }
    }

    /// Runs `f` once the browser has painted its next frame: in a task queued from that frame's
    /// animation callbacks, which run before its paint.
    pub fn after_paint(f: impl FnOnce() + 'static) {
        use wasm_bindgen::closure::Closure;
        if let Some(w) = web_sys::window() {
            let frame =
                Closure::once_into_js(move || gloo::timers::callback::Timeout::new(0, f).forget());
            let _ = w.request_animation_frame(frame.unchecked_ref());
        }
    }

    /// The browser's print dialogue (the lesson handout).
    pub fn print() {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
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

    /// Calls `f` with the address's hash whenever it changes. The event listened to is `popstate`,
    /// which browsers fire as soon as a link or a script changes the hash (and on Back and Forward),
    /// not `hashchange`, which they queue: Chromium delivers it only after painting another frame,
    /// 4 to 48 ms later at CPU x4 (measured), and every view change waited for it.
    pub fn on_address_change(f: impl Fn(String) + 'static) -> Option<gloo::events::EventListener> {
        let w = web_sys::window()?;
        Some(gloo::events::EventListener::new(
            &w,
            "popstate",
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
    pub fn current_search() -> String {
        String::new()
    }
    pub fn address_without_embed() -> String {
        String::new()
    }
    /// Natively (server-side rendering), a placeholder the tests can see.
    pub fn base_address() -> String {
        "https://example.org/module/".into()
    }
    pub fn load(_: &str) -> Result<Option<String>, super::StorageBlocked> {
        Ok(None)
    }
    pub fn save(_: &str, _: &str) -> bool {
        true
    }
    pub fn set_title(_: &str) {}
    pub fn meta_content(_: &str) -> Option<String> {
        None
    }
    pub fn warn(_: &str) {}
    pub fn today() -> crate::engine::day::Day {
        0
    }
    /// Natively (tests), the text is left as it is.
    pub fn encode_uri(text: &str) -> String {
        text.to_string()
    }
    pub fn copy_text_of(_: &str) -> bool {
        false
    }
    pub fn read_file(
        _: &web_sys::HtmlInputElement,
        _: impl FnOnce(String) + 'static,
        _: impl FnOnce() + 'static,
    ) {
    }
    pub fn on_hide(_: impl Fn() + 'static, _: impl Fn() + 'static) -> Option<()> {
        None
    }
    pub fn on_leave(_: impl Fn() + 'static) -> Option<()> {
        None
    }
    pub fn on_storage_change(_: String, _: impl Fn(String) + 'static) -> Option<()> {
        None
    }
    pub fn random_seed() -> u32 {
        1
    }
    pub fn focus(_: &str) {}
    pub fn print() {}
    pub fn after_paint(_: impl FnOnce() + 'static) {}
    pub fn after_render(_: impl FnOnce() + 'static) {}
    pub fn mark_started() {}
    pub fn set_root_attributes(_: &[(&str, &str)], _: Option<&str>) {}
    pub fn focus_first_control(_: &str) {}
    pub fn announce(_: &str) {}
    pub fn on_address_change(_: impl Fn(String) + 'static) -> Option<()> {
        None
    }
}

pub use imp::*;
