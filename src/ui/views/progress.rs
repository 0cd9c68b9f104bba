//! The learner's own pages: where progress is kept (code, file, reset), the learning record,
//! the read-only review of a quiz, "practise what I missed", and the reflection boxes in lessons.

use super::quiz::{use_answer_focus, QuestionCard};
use super::{unit_label, Crumbs};
use crate::course::COURSE;
use crate::engine::day;
use crate::engine::progress::REFLECTION_MAX;
use crate::engine::record::{self, Entry};
use crate::engine::route::Route;
use crate::engine::state::{practice_note, Action, Storage};
use crate::model::{QuizId, ReflectionId};
use crate::ui::rich::rich;
use crate::ui::{effects, Ctx};
use yew::prelude::*;

fn textarea_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct ReflectionProps {
    pub id: ReflectionId,
}

/// A reflection prompt in a lesson, with the learner's answer, saved as they type.
#[component]
pub fn ReflectionBox(props: &ReflectionProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let id = props.id;
    let r = COURSE.reflection(id);
    let written = ctx.0.progress.reflection(id).cloned();
    let text = written.as_ref().map(|w| w.text.clone()).unwrap_or_default();
    let used: usize = text.encode_utf16().count();
    let oninput = {
        let ctx = ctx.clone();
        Callback::from(move |e: InputEvent| ctx.dispatch(Action::Reflect(id, textarea_value(&e))))
    };
    let field = format!("reflect-{}", r.id);
    let help = format!("{field}-help");
    let saved = match (&written, ctx.0.storage) {
        (None, _) => "Saved with your progress as you type.".to_string(),
        (Some(w), Storage::Saved) => format!("Saved in this browser ({}).", day::words(w.day)),
        (Some(_), Storage::Unavailable) => {
            "Kept until you close the page: this browser is not saving. Take a progress code to keep it."
                .to_string()
        }
    };
    html! {
        <div class="reflect" role="group" aria-labelledby={format!("{field}-label")}>
            <p class="reflect-kicker" aria-hidden="true">{"Reflect"}</p>
            <label id={format!("{field}-label")} for={field.clone()}>{ rich(r.prompt) }</label>
            <textarea id={field.clone()} rows="4" maxlength={REFLECTION_MAX.to_string()}
                aria-describedby={help.clone()} value={text} {oninput} />
            <p class="meta" id={help}>{ format!("{used} of {REFLECTION_MAX} characters. ") }{ saved }</p>
        </div>
    }
}

/// "Your progress": where it is kept, the progress code and file, and reset.
#[component]
pub fn ProgressPage() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
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
    let read = COURSE.lesson_ids().filter(|l| p.is_read(*l)).count();
    let answered = COURSE
        .question_ids()
        .filter(|q| p.best(*q).is_some())
        .count();
    let endings: usize = COURSE.scenario_ids().map(|s| p.endings(s).len()).sum();
    let all_endings: usize = COURSE
        .scenarios
        .iter()
        .map(|s| s.nodes.iter().filter(|n| n.ending().is_some()).count())
        .sum();
    let reflections = p
        .reflections
        .iter()
        .flatten()
        .filter(|w| !w.text.trim().is_empty())
        .count();

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
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Import((*pasted).clone())))
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
                move |text| done.dispatch(Action::Import(effects::code_in_file(&text))),
                move || {
                    failed.dispatch(Action::Announce(
                        "That file could not be read. Choose the progress file again.".into(),
                    ))
                },
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
    html! {
        <>
            <Crumbs unit={None::<crate::model::UnitId>} here={AttrValue::from("Your progress")} />
            <h1 id="view-heading" tabindex="-1">{"Your progress"}</h1>
            if ctx.0.replaced.is_some() {
                <div class="notice" role="note" id="undo-notice">
                    <p>{"Your earlier progress was replaced. Changed your mind? You can put it back until you leave this page."}</p>
                    <button type="button" class="button secondary" onclick={undo}>{"Undo: put my earlier progress back"}</button>
                </div>
            }
            <section aria-labelledby="where-heading">
                <h2 id="where-heading">{"Where your progress is kept"}</h2>
                if ctx.0.storage == Storage::Saved {
                    <p id="storage-status"><strong>{"In this browser, on this device."}</strong>{" It is saved as you go, and nothing is sent anywhere. Another browser, another device or another page of your VLE will not see it: to move it there, take a progress code or file below."}</p>
                } else {
                    <p id="storage-status"><strong>{"Nowhere yet: this browser is not letting the module save here."}</strong>{" Your work lasts until you close the page. Take a progress code or file below before you leave, and load it next time."}</p>
                }
                <p>{ format!("So far: {read} of {} lessons read, {answered} of {} questions answered, {endings} of {all_endings} scenario endings reached, {} written.", COURSE.lessons.len(), COURSE.questions.len(), if reflections == 1 { "1 reflection".to_string() } else { format!("{reflections} reflections") }) }</p>
                <p><a href="#/record">{"See your learning record"}</a>{" (to print or download for a portfolio)."}</p>
            </section>
            <section aria-labelledby="code-heading">
                <h2 id="code-heading">{"Take your progress with you"}</h2>
                <p>{"This code holds everything you have done: answers, scenario routes, reflections and dates. Keep it, and load it in another browser or VLE page to carry on there. Codes from earlier versions of the module still load."}</p>
                <label for="progress-code">{"Your progress code"}</label>
                <textarea id="progress-code" readonly=true rows="4" value={code} />
                <div class="actions">
                    <button type="button" class="button" onclick={copy}>{"Copy the code"}</button>
                    <a class="button secondary" download={file_name} href={effects::data_url("text/plain", &file_text)}>{"Download as a file"}</a>
                </div>
            </section>
            <section aria-labelledby="load-heading">
                <h2 id="load-heading">{"Load progress"}</h2>
                <p>{"Loading replaces the progress held here now with the progress in the code."}</p>
                // No form: a sandboxed iframe without `allow-forms` would block its submission.
                <div class="load-code">
                    <label for="paste-code">{"Paste a progress code"}</label>
                    <textarea id="paste-code" rows="3" value={(*pasted).clone()} oninput={on_paste} />
                    <div class="actions">
                        <button type="button" class="button" onclick={load}>{"Load this code"}</button>
                    </div>
                </div>
                <p>
                    <label for="progress-file">{"Or choose a progress file"}</label>
                    <input id="progress-file" type="file" accept=".txt,text/plain" onchange={on_file} />
                </p>
            </section>
            <section aria-labelledby="reset-heading">
                <h2 id="reset-heading">{"Start again"}</h2>
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

/// Entries as a definition list per entry.
fn entries(list: &[Entry]) -> Html {
    html! {
        <>
            { for list.iter().map(|e| html! {
                <article class="record-entry">
                    <h3>{ e.title.clone() }</h3>
                    if e.day > 0 {
                        <p class="meta"><time datetime={day::iso(e.day)}>{ day::words(e.day) }</time></p>
                    }
                    if !e.lines.is_empty() {
                        <dl>
                            { for e.lines.iter().map(|l| html! {
                                <>
                                    <dt>{ l.label }</dt>
                                    <dd>{ l.text.clone() }</dd>
                                </>
                            }) }
                        </dl>
                    }
                </article>
            }) }
        </>
    }
}

/// The learning record: everything done, with dates; prints cleanly and downloads.
#[component]
pub fn RecordPage() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let sections = record::build(&COURSE, &ctx.0.progress);
    let today = ctx.0.today;
    let stamp = match day::iso(today).as_str() {
        "" => String::new(),
        d => format!("-{d}"),
    };
    let html_file = record::html(&COURSE, &sections, today);
    let md_file = record::markdown(&COURSE, &sections, today);
    html! {
        <>
            <Crumbs unit={None::<crate::model::UnitId>} here={AttrValue::from("Your learning record")} />
            <h1 id="view-heading" tabindex="-1">{"Your learning record"}</h1>
            <p>{ format!("Everything you have done in this module, unit by unit, with the dates of your device. Made on {}.", day::words(today)) }</p>
            <div class="actions no-print">
                <a class="button" download={format!("learning-record{stamp}.html")} href={effects::data_url("text/html", &html_file)}>{"Download as a web page (HTML)"}</a>
                <a class="button secondary" download={format!("learning-record{stamp}.md")} href={effects::data_url("text/markdown", &md_file)}>{"Download as Markdown"}</a>
            </div>
            <p class="meta no-print">{"To print it, use your browser's Print command: the page prints without the menus. Both files suit a portfolio, such as NMC revalidation or Social Work England CPD records."}</p>
            if sections.is_empty() {
                <p>{"Nothing recorded yet. Read a lesson, answer a question, write a reflection or play a scenario, and it will appear here."}</p>
            }
            { for sections.iter().map(|s| html! {
                <section class="record-section">
                    <h2>{ s.heading.clone() }</h2>
                    { entries(&s.entries) }
                </section>
            }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub quiz: QuizId,
}

/// A quiz's answers, read-only: each with its result and explanation.
#[component]
pub fn AnswersReview(props: &ReviewProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let quiz = COURSE.quiz(props.quiz);
    let list = record::quiz_entries(&COURSE, &ctx.0.progress, props.quiz);
    html! {
        <>
            <Crumbs unit={Some(quiz.unit)} here={AttrValue::from("Review")} />
            <h1 id="view-heading" tabindex="-1">{ format!("Review: {}", quiz.title) }</h1>
            <p>{ format!("Your answers to {} of the {} questions, as you left them, with the explanations. Nothing here can be changed: to answer again, go back to the quiz.", list.len(), quiz.questions.len()) }</p>
            if list.is_empty() {
                <p>{"You have not answered any question of this quiz yet."}</p>
            }
            { entries(&list) }
            <div class="actions">
                <a class="button" href={Route::Quiz(props.quiz).href(&COURSE)}>{"Back to the quiz"}</a>
                <a class="button secondary" href={Route::Unit(quiz.unit).href(&COURSE)}>{ format!("Back to {}", unit_label(quiz.unit)) }</a>
            </div>
        </>
    }
}

/// "Practise what I missed": questions answered wrongly come back, spaced by a Leitner schedule.
#[component]
pub fn PracticePage() -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let due = ctx.0.due(&COURSE);
    let p = &ctx.0.progress;
    let waiting: Vec<_> = COURSE
        .question_ids()
        .filter(|q| p.practice_box(*q) > 0 && !due.contains(q))
        .collect();
    let next_day = waiting.iter().filter_map(|q| p.due_on(*q)).min();
    let next = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::PracticeNext))
    };
    let how = "Questions you got wrong or only partly right come back here. Get one right and it waits a day before it comes back; right again, three days; right a third time and it leaves the list. Miss it and it starts again.";
    let current = ctx
        .0
        .practising
        .filter(|q| due.contains(q) || ctx.0.attempt(*q).graded.is_some());
    let shown = current.map(|q| ctx.0.attempt(q));
    use_answer_focus(
        current,
        shown.as_ref().is_some_and(|a| a.graded.is_some()),
        shown.as_ref().is_some_and(|a| a.revealed),
    );
    html! {
        <>
            <Crumbs unit={None::<crate::model::UnitId>} here={AttrValue::from("Practice")} />
            <h1 id="view-heading" tabindex="-1">{"Practise what you missed"}</h1>
            if let Some(q) = current {
                <p class="meta">{ format!("From {}. {} due now.", unit_label(COURSE.quiz(COURSE.question(q).quiz).unit), count(due.len(), "question")) }</p>
                <QuestionCard key={q.index()} question={q} />
                if ctx.0.attempt(q).graded.is_some() {
                    <p class="practice-note"><strong>{ practice_note(&ctx.0.progress, q, ctx.0.today) }</strong></p>
                }
                <div class="actions">
                    if ctx.0.attempt(q).graded.is_some() {
                        <button type="button" class="button" onclick={next.clone()}>{ if due.is_empty() { "Finish" } else { "Next question" } }</button>
                    }
                    <a class="button secondary" href="#/">{"Stop for now"}</a>
                </div>
            } else {
                <p>{ how }</p>
                if due.is_empty() {
                    <p><strong>{"Nothing is due now."}</strong>{" "}{ match next_day {
                        Some(d) => format!("{} waiting; the next comes back on {}.", count(waiting.len(), "question is"), day::words(d)),
                        None => "Questions you miss in a quiz will appear here.".to_string(),
                    } }</p>
                } else {
                    <p><strong>{ format!("{} due now.", count(due.len(), "question")) }</strong>
                    if !waiting.is_empty() { { format!(" {} waiting for a later day.", count(waiting.len(), "more")) } }</p>
                    <button type="button" class="button" onclick={next}>{"Start practising"}</button>
                }
            }
        </>
    }
}

fn count(n: usize, what: &str) -> String {
    match (n, what) {
        (1, _) => format!("1 {what}"),
        (_, "question is") => format!("{n} questions are"),
        (_, "more") => format!("{n} more"),
        _ => format!("{n} {what}s"),
    }
}
