//! "For lecturers": the embed code built from the lecturer's choices with a live preview, how to
//! get the SCORM packages, and per unit the outcomes, seminar prompts, questions with their
//! answers and the scenarios' endings.

use super::{crumbs, select_value, unit_label};
use crate::course::COURSE;
use crate::engine::embed;
use crate::engine::quiz::answer_words;
use crate::engine::settings::Settings;
use crate::engine::state::Action;
use crate::engine::text::escape_html_into as esc;
use crate::model::{QuizMode, UnitId};
use crate::ui::effects;
use crate::ui::hooks::use_app;
use crate::ui::rich::{raw, rich, wrapped_into};
use crate::ui::steps::{stepped, Part};
use yew::prelude::*;

/// The pass marks offered, besides each quiz's own.
const PASS_MARKS: [u8; 6] = [40, 50, 60, 70, 80, 90];

#[component]
pub fn LecturersPage() -> Html {
    let ctx = use_app();
    let choice = use_state(Settings::default);
    let base = effects::base_address();
    let code = embed::iframe(&COURSE, &base, &choice);
    let mut preview_settings = (*choice).clone();
    preview_settings.embed = true;
    let preview_src = format!("{base}{}#/", preview_settings.to_query(&COURSE));

    let previewing = use_state(|| false);
    let toggle_preview = {
        let previewing = previewing.clone();
        Callback::from(move |_: MouseEvent| previewing.set(!*previewing))
    };
    let toggle_unit = |u: UnitId| {
        let choice = choice.clone();
        Callback::from(move |_: Event| {
            let mut s = (*choice).clone();
            let mut units: Vec<UnitId> = COURSE.unit_ids().filter(|x| s.shows(*x)).collect();
            if units.contains(&u) {
                units.retain(|x| *x != u);
            } else {
                units.push(u);
            }
            // At least one unit; all of them is the same as no choice.
            if units.is_empty() {
                return;
            }
            s.units = (units.len() < COURSE.units.len())
                .then(|| COURSE.unit_ids().filter(|x| units.contains(x)).collect());
            choice.set(s);
        })
    };
    let on_mode = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut s = (*choice).clone();
            s.mode = match select_value(&e).as_str() {
                "immediate" => Some(QuizMode::Immediate),
                "deferred" => Some(QuizMode::Deferred),
                _ => None,
            };
            choice.set(s);
        })
    };
    let on_pass = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let mut s = (*choice).clone();
            s.pass = select_value(&e).parse().ok();
            choice.set(s);
        })
    };
    let copy = |id: &'static str| {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            let msg = if effects::copy_text_of(id) {
                "Copied. Paste it into the HTML view of your VLE page."
            } else {
                "The code is selected: press Control and C (or Command and C) to copy it."
            };
            ctx.dispatch(Action::Announce(msg.into()));
        })
    };
    let mode_value = match choice.mode {
        Some(QuizMode::Immediate) => "immediate",
        Some(QuizMode::Deferred) => "deferred",
        None => "own",
    };
    let pass_value = choice.pass.map(|p| p.to_string()).unwrap_or_default();

    // Below the embed code, the page is shown a step at a time (see `ui::steps`).
    let preview = html! {
        <>
            <p><label for="host-code">{"Script to paste"}</label></p>
            <textarea id="host-code" class="code" readonly=true rows="8" value={embed::HOST_SCRIPT} />
            <p><button type="button" class="button" onclick={copy("host-code")}>{"Copy the script"}</button></p>
            <h3>{"Preview"}</h3>
            // The preview is a second copy of the module (a second download of it), so it is made
            // only when asked for; and leaving the page then has no frame to take down.
            <p>
                <button type="button" class="button" aria-expanded={if *previewing { "true" } else { "false" }} aria-controls="embed-preview" onclick={toggle_preview}>
                    { if *previewing { "Hide the preview" } else { "Show the preview" } }
                </button>
            </p>
            <div id="embed-preview">
                if *previewing {
                    <iframe class="preview" src={preview_src} title="Preview of the embedded module" height="500" />
                }
            </div>
        </>
    };
    let mut later = vec![
        Part::markup(CODE_EXPLAINED.to_string()),
        Part {
            html: preview,
            weight: embed::HOST_SCRIPT.len(),
        },
        Part::markup(BANK_AND_SCORM.replace("QUESTIONS", &COURSE.questions.len().to_string())),
    ];
    later.extend(COURSE.unit_ids().map(unit_section));
    html! {
        <>
            { crumbs(None, "For lecturers") }
            <h1 id="view-heading" tabindex="-1">{"For lecturers"}</h1>
            <p class="lead">{"How to put the module in your VLE, and what each unit covers and asks."}</p>
            { raw(INTRO.to_string()) }
            <fieldset class="choices-box">
                <legend>{"Units shown"}</legend>
                <ul class="plain">
                    { for COURSE.unit_ids().map(|u| {
                        let id = format!("embed-unit-{}", u.index());
                        html! {
                            <li>
                                <input type="checkbox" id={id.clone()} checked={choice.shows(u)} onchange={toggle_unit(u)} />
                                <label for={id}>{ unit_label(u) }</label>
                            </li>
                        }
                    }) }
                </ul>
            </fieldset>
            <p>
                <label for="embed-mode">{"Quiz mode"}</label><br />
                <select id="embed-mode" onchange={on_mode}>
                    <option value="own" selected={mode_value == "own"}>{"Each quiz's own setting"}</option>
                    <option value="immediate" selected={mode_value == "immediate"}>{"Checked question by question"}</option>
                    <option value="deferred" selected={mode_value == "deferred"}>{"Answered, then submitted together"}</option>
                </select>
            </p>
            <p>
                <label for="embed-pass">{"Pass mark"}</label><br />
                <select id="embed-pass" onchange={on_pass}>
                    <option value="" selected={pass_value.is_empty()}>{"Each quiz's own (70 per cent)"}</option>
                    { for PASS_MARKS.iter().map(|p| html! {
                        <option value={p.to_string()} selected={pass_value == p.to_string()}>{ format!("{p} per cent") }</option>
                    }) }
                </select>
            </p>
            <p><label for="embed-code">{"Code to paste"}</label></p>
            <textarea id="embed-code" class="code" readonly=true rows="5" value={code.clone()} />
            <p><button type="button" class="button" onclick={copy("embed-code")}>{"Copy the embed code"}</button></p>
            // What is above fills a screen: one part in the first frame.
            { stepped(later.into(), 0, None, 0) }
        </>
    }
}

/// One unit for lecturers: outcomes, seminar prompts, questions with answers, scenario endings.
/// The static parts are markup (see `ui::rich`); the answers are a component, built when opened.
/// Each unit is a part of the page, shown a step at a time (see `ui::steps`).
fn unit_section(u: UnitId) -> Part {
    let unit = COURSE.unit(u);
    let heading = format!("lecturer-unit-{}", u.index());
    let mut before = String::new();
    before.push_str("<h3 id=\"");
    before.push_str(&heading);
    before.push_str("\">");
    esc(&mut before, &unit_label(u));
    before.push_str("</h3><h4>Learning outcomes</h4><ul>");
    for o in unit.outcomes {
        wrapped_into(&mut before, "li", o);
    }
    before.push_str("</ul>");
    if !unit.discuss.is_empty() {
        before.push_str("<h4>Seminar prompts</h4><ol>");
        for d in unit.discuss {
            wrapped_into(&mut before, "li", d);
        }
        before.push_str("</ol>");
    }
    let mut after = String::new();
    for &s in unit.scenarios {
        let scenario = COURSE.scenario(s);
        after.push_str("<h4>Scenario \u{201c}");
        esc(&mut after, scenario.title);
        after.push_str("\u{201d}: its endings</h4><ul>");
        for e in scenario.nodes.iter().filter_map(|n| n.ending()) {
            after.push_str("<li>");
            esc(&mut after, e.title);
            after.push_str("</li>");
        }
        after.push_str("</ul>");
    }
    // The closed answers add their summary's few words.
    let weight = before.len() + after.len();
    let html = html! {
        <section class="lecturer-unit" aria-labelledby={heading}>
            { raw(before) }
            <UnitAnswers unit={u} />
            { raw(after) }
        </section>
    };
    Part { html, weight }
}

/// The page's fixed prose, as markup.
const INTRO: &str = "<div class=\"notice\" role=\"note\"><p><strong>Everything in the module is visible to anyone who opens it, answers included: </strong>they are listed on this page, and the browser holds them. Use the module for learning and practice. For graded assessment, import the question bank into your VLE&#39;s own quiz, or use a SCORM package and treat its score as a record of practice.</p></div>\
<h2 id=\"embed-heading\">Embed the module in a VLE page</h2>\
<p>Choose what the learners see, then paste the code into the HTML view of a page in Moodle, Canvas, Blackboard or Brightspace. The frame grows and shrinks with the module on pages that listen for H5P&#39;s or Canvas&#39;s resizing messages (Moodle pages with H5P, Canvas pages); elsewhere add the small script further down.</p>";

const CODE_EXPLAINED: &str = "<h3>What the code says</h3><ul>\
<li><code>title</code>: names the frame for screen reader users; keep it.</li>\
<li><code>sandbox=&quot;allow-scripts allow-same-origin&quot;</code>: lets the module run and keep each learner&#39;s progress in their browser. Without <code>allow-same-origin</code> it still works, but says that progress will not be kept.</li>\
<li><code>allow-popups allow-popups-to-escape-sandbox</code>: lets a learner open the module in a new tab when the page gives it too little room.</li>\
<li><code>allow=&quot;&quot;</code>: grants no device permission (camera, microphone, location): the module needs none.</li>\
<li>The address&#39;s <code>embed</code> keeps a compact header and drops the footer; <code>units</code>, <code>mode</code> and <code>pass</code> carry your choices. To open at a unit, lesson, quiz or scenario, replace <code>#/</code> at the end with its address, such as <code>#/unit/meaning</code>.</li>\
</ul>\
<h3>For a page that listens for neither protocol</h3>\
<p>Paste this script after the iframe, so that the page sizes the frame to the module. It reads only the height from the module&#39;s messages.</p>";

/// `QUESTIONS` stands for the number of questions.
const BANK_AND_SCORM: &str = "<h2>The question bank in your VLE&#39;s quiz</h2>\
<p>For graded assessment, import the questions into your VLE&#39;s own question bank, where learners cannot see the answers. Each file holds a category per unit; the citations come as general feedback.</p>\
<ul>\
<li><a href=\"question-bank-moodle.xml\" download=\"question-bank-moodle.xml\">Moodle XML</a>: all QUESTIONS questions, every type (ordering needs Moodle 4.4 or later, or the Ordering plugin; sorting questions come as matching). In Moodle: Question bank, Import, Moodle XML format.</li>\
<li><a href=\"question-bank.gift\" download=\"question-bank.gift\">GIFT</a>: the same without the ordering questions, which GIFT cannot express (the file&#39;s first lines list them). Moodle and some other VLEs import it.</li>\
</ul>\
<h2>SCORM packages for the gradebook</h2>\
<p>For a graded activity with completion, build the packages with <code>bash .ci/package</code> from the module&#39;s source (the README&#39;s lecturer section gives the steps for each VLE): SCORM 1.2 for Moodle, SCORM 2004 for Canvas, Blackboard and Brightspace.</p>\
<h2>Each unit</h2>";

#[derive(Properties, PartialEq)]
pub struct UnitAnswersProps {
    pub unit: UnitId,
    /// Open from the start (the server-side rendering tests read the answers this way).
    #[prop_or_default]
    pub open: bool,
}

/// A unit's questions with their answers, behind a disclosure; built only once it is opened, so
/// the page opens quickly (132 questions in all).
#[component]
pub fn UnitAnswers(props: &UnitAnswersProps) -> Html {
    let quiz = COURSE.quiz(COURSE.unit(props.unit).quiz);
    let open = use_state(|| props.open);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    html! {
        <details {ontoggle} open={*open}>
            <summary>{ format!("Questions and answers ({})", quiz.questions.len()) }</summary>
            if *open {
                <ol>
                    { for quiz.questions.iter().map(|&q| {
                        let question = COURSE.question(q);
                        html! {
                            <li>
                                <p>{ rich(question.prompt) }</p>
                                <p><strong>{"Answer: "}</strong>{ answer_words(&COURSE, question) }</p>
                            </li>
                        }
                    }) }
                </ol>
            }
        </details>
    }
}
