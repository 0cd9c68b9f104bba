//! The page around every view: the skip link, the site header and navigation, the notices about
//! storage and the LMS, the main region and the footer.

use super::{effects, views, Ctx};
use crate::course::COURSE;
use crate::engine::route::Route;
use crate::engine::state::{Host, Lms, Storage};
use yew::prelude::*;

/// The page around every view: skip link, header and navigation, notices, main, footer. A
/// function of the app, not a component (each component costs the wasm Yew's lifecycle code).
pub fn layout(ctx: &Ctx) -> Html {
    let route = ctx.0.route;
    let skip = Callback::from(|e: MouseEvent| {
        // A hash link would be read as a route: move focus without touching the address.
        e.prevent_default();
        effects::focus("main");
    });
    let current = |r: Route| if route == r { Some("page") } else { None };
    let embed = ctx.0.settings.embed;
    let header_class = if embed {
        "site-header compact"
    } else {
        "site-header"
    };
    html! {
        <>
            <a class="skip-link" href="#main" onclick={skip}>{"Skip to content"}</a>
            <header class={header_class}>
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
                            <li><a href="#/search" aria-current={current(Route::Search)}>{"Search"}</a></li>
                            <li><a href="#/display" aria-current={current(Route::Display)}>{"Display"}</a></li>
                        </ul>
                    </nav>
                </div>
            </header>
            if ctx.0.host == Host::Silent {
                <div class="notice wrap" role="note" id="new-tab-notice">
                    <p>{"This page shows the module in a fixed space. For more room, "}
                    <a href={effects::address_without_embed()} target="_blank" rel="noopener">{"open the module in a new tab"}</a>{"."}</p>
                </div>
            }
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
            if let Lms::Connected { trouble } = &ctx.0.lms {
                // Always in the page while an LMS is in use, so that a notice added to it is read
                // out politely, without taking the live region's feedback away.
                <div class="wrap" role="status" id="lms-notice">
                    if let Some(words) = trouble {
                        <div class="notice">
                            <p><strong>{ words.clone() }</strong>
                            {" Your work is not lost: it is kept in this browser, and in your "}
                            <a href="#/progress">{"progress code"}</a>
                            {". Carry on; if this notice stays, tell your lecturer what it says."}</p>
                        </div>
                    }
                </div>
            }
            <main id="main" tabindex="-1" class="wrap">
                <views::View />
            </main>
            if !embed {
            <footer class="site-footer">
                <div class="wrap">
                    <p>{"An open teaching module. It sends nothing anywhere: your progress stays in this browser, and goes elsewhere only if you take a "}<a href="#/progress">{"progress code"}</a>{"."}</p>
                    <p><a href="#/lecturers">{"For lecturers: embedding, SCORM, outcomes and answers"}</a></p>
                </div>
            </footer>
            }
        </>
    }
}
