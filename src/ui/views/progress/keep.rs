//! "Your progress": where it is kept, the progress code and file to take it elsewhere, loading
//! one, and starting again (with undo).

use super::textarea_value;
use crate::course::COURSE;
use crate::engine::day;
use crate::engine::state::{Action, CodeFrom, RefusedAt, Storage};
use crate::engine::summary::CourseSummary;
use crate::ui::effects;
use crate::ui::hooks::use_app;
use crate::ui::rich::{markup, raw};
use crate::ui::views::crumbs;
use crate::ui::views::error_message;
use yew::prelude::*;

/// "Your progress": where it is kept, the progress code and file, and reset.
#[component]
pub fn ProgressPage() -> Html {
    let ctx = use_app();
    let pasted = use_state(String::new);
    let confirming = use_state(|| false);
    let p = &ctx.0.progress;
    let code = p.encode(&COURSE);
    let today = ctx.0.today;
    let file_text = format!(
        "Progress code for the module \u{201c}{}\u{201d}, saved on {}.\nTo load it, open the module's \u{201c}Your progress\u{201d} page and choose this file (or paste the line below).\n\n{code}\n",
        COURSE.title,
        day::words(today)
    );
    let file_name = match day::iso(today).as_str() {
        "" => "hsc-progress.txt".to_string(),
        d => format!("hsc-progress-{d}.txt"),
    };
    let sum = CourseSummary::new(&COURSE, p);
    let (read, answered, endings, all_endings, reflections) = (
        sum.lessons_read,
        sum.answered,
        sum.endings_reached,
        sum.endings,
        sum.reflections_written,
    );

    let copy = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let msg = if effects::copy_text_of("progress-code") {
                "Progress code copied. Paste it somewhere safe, such as a note or an email to yourself."
            } else {
                "The code is selected: press Control and C (or Command and C) to copy it."
            };
            ctx.dispatch(Action::Announce(msg.into()));
        })
    };
    let on_paste = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(textarea_value(&e)))
    };
    let load = {
        let ctx = ctx.clone();
        let pasted = pasted.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::Import((*pasted).clone(), CodeFrom::Pasted))
        })
    };
    let on_file = {
        let ctx = ctx.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let done = ctx.clone();
            let failed = ctx.clone();
            effects::read_file(
                &input,
                move |text| {
                    done.dispatch(Action::Import(effects::code_in_file(&text), CodeFrom::File))
                },
                move || failed.dispatch(Action::UnreadableFile),
            );
            input.set_value("");
        })
    };
    let ask_reset = {
        let confirming = confirming.clone();
        Callback::from(move |_: MouseEvent| confirming.set(true))
    };
    let cancel_reset = {
        let confirming = confirming.clone();
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            ctx.dispatch(Action::Announce("Nothing was deleted.".into()));
        })
    };
    let do_reset = {
        let confirming = confirming.clone();
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            confirming.set(false);
            ctx.dispatch(Action::Reset);
        })
    };
    {
        // The confirmation takes focus when it appears, so a keyboard user lands on the question;
        // when it goes (either answer), focus returns to the button that opened it.
        let shown_before = use_mut_ref(|| false);
        use_effect_with(*confirming, move |on| {
            let was = std::mem::replace(&mut *shown_before.borrow_mut(), *on);
            if *on {
                effects::focus("reset-question");
            } else if was {
                effects::focus("reset-button");
            }
        });
    }
    let undo = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::UndoReplace))
    };
    let paste_error = ctx.0.refused(RefusedAt::Load(CodeFrom::Pasted));
    let file_error = ctx.0.refused(RefusedAt::Load(CodeFrom::File));
    html! {
        <>
            { crumbs(None, "Your progress") }
            <h1 id="view-heading" tabindex="-1">{"Your progress"}</h1>
            if ctx.0.replaced.is_some() {
                <div class="notice" role="note" id="undo-notice">
                    <p>{"Your earlier progress was replaced. Changed your mind? You can put it back until you leave this page."}</p>
                    <button type="button" class="button secondary" onclick={undo}>{"Undo: put my earlier progress back"}</button>
                </div>
            }
            <section aria-labelledby="where-heading">
                { markup(if ctx.0.storage == Storage::Saved { WHERE_SAVED } else { WHERE_NOT_SAVED }) }
                { raw(format!(
                    "<dl class=\"summary-list\"><div><dt>Lessons read</dt><dd>{read} of {}</dd></div><div><dt>Questions answered</dt><dd>{answered} of {}</dd></div><div><dt>Scenario endings reached</dt><dd>{endings} of {all_endings}</dd></div><div><dt>Reflections written</dt><dd>{reflections}</dd></div></dl>",
                    sum.lessons, sum.questions
                )) }
                { markup(TO_RECORD) }
            </section>
            <section aria-labelledby="code-heading">
                { markup(CODE_INTRO) }
                <textarea id="progress-code" readonly=true rows="4" value={code} />
                <div class="actions">
                    <button type="button" class="button" onclick={copy}>{"Copy the code"}</button>
                    <a class="button secondary" download={file_name} href={effects::data_url("text/plain", &file_text)}>{"Download as a file"}</a>
                </div>
            </section>
            <section aria-labelledby="load-heading">
                { markup(LOAD_INTRO) }
                // No form: a sandboxed iframe without `allow-forms` would block its submission.
                <div class={classes!("load-code", paste_error.is_some().then_some("has-error"))}>
                    <label for="paste-code">{"Paste a progress code"}</label>
                    { error_message("paste-error", paste_error) }
                    <textarea id="paste-code" rows="3" value={(*pasted).clone()} oninput={on_paste}
                        aria-describedby={paste_error.map(|_| "paste-error")}
                        aria-invalid={paste_error.map(|_| "true")} />
                    <div class="actions">
                        <button type="button" class="button" onclick={load}>{"Load this code"}</button>
                    </div>
                </div>
                <div class={classes!("load-file", file_error.is_some().then_some("has-error"))}>
                    <label for="progress-file">{"Or choose a progress file"}</label>
                    { error_message("file-error", file_error) }
                    <input id="progress-file" type="file" accept=".txt,text/plain" onchange={on_file}
                        aria-describedby={file_error.map(|_| "file-error")}
                        aria-invalid={file_error.map(|_| "true")} />
                </div>
            </section>
            <section aria-labelledby="reset-heading">
                { markup("<h2 id=\"reset-heading\">Start again</h2>") }
                if *confirming {
                    <div class="confirm" role="group" aria-labelledby="reset-question">
                        <p id="reset-question" tabindex="-1"><strong>{"Delete all your progress in this module?"}</strong>{" Answers, scenario routes, reflections and practice will be gone from this browser. You can undo it only until you leave this page; after that, only a progress code brings it back."}</p>
                        <div class="actions">
                            <button type="button" class="button danger" onclick={do_reset}>{"Yes, delete my progress"}</button>
                            <button type="button" class="button secondary" onclick={cancel_reset}>{"No, keep it"}</button>
                        </div>
                    </div>
                } else {
                    <p>{"Deleting your progress clears every answer, route, reflection and date held here."}</p>
                    <button type="button" id="reset-button" class="button secondary" onclick={ask_reset}>{"Reset my progress…"}</button>
                }
            </section>
        </>
    }
}

// The page's fixed text, as markup (see `ui::rich::markup`).
const WHERE_SAVED: &str = "<h2 id=\"where-heading\">Where your progress is kept</h2><p id=\"storage-status\"><strong>In this browser, on this device.</strong> It is saved as you go, and nothing is sent anywhere. Another browser, another device or another page of your VLE will not see it: to move it there, take a progress code or file below.</p>";
const WHERE_NOT_SAVED: &str = "<h2 id=\"where-heading\">Where your progress is kept</h2><p id=\"storage-status\"><strong>Nowhere yet: this browser is not letting the module save here.</strong> Your work lasts until you close the page. Take a progress code or file below before you leave, and load it next time.</p>";
const TO_RECORD: &str = "<p><a href=\"#/record\">See your learning record</a> (to print or download for a portfolio).</p>";
const CODE_INTRO: &str = "<h2 id=\"code-heading\">Take your progress with you</h2><p>This code holds everything you have done: answers, scenario routes, reflections and dates. Keep it, and load it in another browser or VLE page to carry on there. Codes from earlier versions of the module still load.</p><label for=\"progress-code\">Your progress code</label>";
const LOAD_INTRO: &str = "<h2 id=\"load-heading\">Load progress</h2><p>Loading replaces the progress held here now with the progress in the code.</p>";
