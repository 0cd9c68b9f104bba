use super::{unit_label, Crumbs};
use crate::course::COURSE;
use crate::engine::grade::{
    answer_key, matched_accept, read_number, Answer, Grade, Outcome, Reading,
};
use crate::engine::progress::{TYPED_NUMERIC_MAX, TYPED_TEXT_MAX};
use crate::engine::quiz::{answer_summary, answer_words, band_for, cbm_mark, Confidence};
use crate::engine::route::Route;
use crate::engine::state::{Action, Attempt};
use crate::model::{Body, Question, QuestionId, QuestionKind, Quiz, QuizId, QuizMode};
use crate::ui::effects;
use crate::ui::rich::rich;
use crate::ui::Ctx;
use yew::prelude::*;

fn outcome_words(o: Option<Outcome>) -> &'static str {
    match o {
        None => "Not answered yet",
        Some(Outcome::Correct) => "Correct",
        Some(Outcome::Partial) => "Partly correct",
        Some(Outcome::Incorrect) => "Not correct",
    }
}

fn outcome_symbol(o: Option<Outcome>) -> &'static str {
    match o {
        None => "○",
        Some(Outcome::Correct) => "✓",
        Some(Outcome::Partial) => "◐",
        Some(Outcome::Incorrect) => "✗",
    }
}

/// A question's state in words, with a symbol; never colour alone.
fn attempt_status(a: Attempt) -> Html {
    let o = a.graded.map(|g| g.outcome);
    let (symbol, words) = if a.revealed {
        (
            "→",
            format!(
                "Answer shown (your answer: {})",
                outcome_words(o).to_lowercase()
            ),
        )
    } else {
        (outcome_symbol(o), outcome_words(o).to_string())
    };
    html! { <span class="status"><span aria-hidden="true">{ symbol }{" "}</span>{ words }</span> }
}

#[derive(Properties, PartialEq)]
pub struct QuizProps {
    pub quiz: QuizId,
}

#[component]
pub fn QuizPage(props: &QuizProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let id = props.quiz;
    let quiz = COURSE.quiz(id);
    let (_, answered) = ctx.0.quiz_score(&COURSE, id);
    let restart = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::RestartQuiz(id)))
    };
    let order = ctx.0.quiz_order(&COURSE, id);
    let deferred = ctx.0.mode(&COURSE, id) == QuizMode::Deferred && !ctx.0.is_submitted(id);
    let is_answered = |q: QuestionId| ctx.0.attempt(q).is_answered(&COURSE, q);
    let next = order
        .iter()
        .position(|q| {
            if deferred {
                !is_answered(*q)
            } else {
                ctx.0.attempt(*q).graded.is_none()
            }
        })
        .unwrap_or(0) as u16;
    let started = order
        .iter()
        .any(|q| is_answered(*q) || ctx.0.attempt(*q).graded.is_some());
    html! {
        <>
            <Crumbs unit={Some(quiz.unit)} here={AttrValue::from("Quiz")} />
            <h1 id="view-heading" tabindex="-1">{ quiz.title }</h1>
            <p class="lead">{ rich(quiz.intro) }</p>
            <p>{ format!("{} questions. Pass mark: {} per cent. ", quiz.questions.len(), quiz.pass) }{ how_it_works(ctx.0.mode(&COURSE, id), quiz) }</p>
            <h2>{"Questions"}</h2>
            <ol class="question-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let a = ctx.0.attempt(*q);
                    let status = if deferred {
                        if is_answered(*q) {
                            html! { <span class="status"><span aria-hidden="true">{"● "}</span>{"Answered"}</span> }
                        } else {
                            attempt_status(a)
                        }
                    } else {
                        attempt_status(a)
                    };
                    html! {
                        <li>
                            <a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Question {}", i + 1) }</a>
                            {" "}{ status }
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                if answered == quiz.questions.len() && !deferred {
                    <a class="button" href={Route::Results(id).href(&COURSE)}>{"See your results"}</a>
                } else if deferred && order.iter().all(|q| is_answered(*q)) {
                    <a class="button" href={Route::Results(id).href(&COURSE)}>{"Review and submit"}</a>
                } else {
                    <a class="button" href={Route::Question(id, next).href(&COURSE)}>
                        { if !started { "Start the quiz".to_string() } else { format!("Continue with question {}", next + 1) } }
                    </a>
                }
                if started {
                    <button type="button" class="button secondary" onclick={restart}>{"Clear my answers and restart"}</button>
                }
            </div>
        </>
    }
}

/// How a quiz runs, in a sentence or two.
fn how_it_works(mode: QuizMode, quiz: &Quiz) -> String {
    let mut s = match mode {
        QuizMode::Immediate if quiz.tries > 0 => format!(
            "Check each answer to see why it is right or wrong. You have {} {} per question; then the answer is shown.",
            quiz.tries,
            if quiz.tries == 1 { "try" } else { "tries" }
        ),
        QuizMode::Immediate => "Check each answer to see why it is right or wrong; you can try again as often as you like.".to_string(),
        QuizMode::Deferred => "Answer every question, review your answers and change any you like, then submit them all to see your score and every explanation.".to_string(),
    };
    if quiz.confidence {
        s.push_str(" With each answer, say how sure you are: the marking rewards knowing what you know (right: 1, 2 or 3 marks; wrong: 0, minus 2 or minus 6).");
    }
    s
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub quiz: QuizId,
    pub index: u16,
}

/// Focus follows the answer: to the feedback once checked or shown, back to the options on
/// "try again". ("Show the answer" after a wrong answer removes the focused button while the
/// question stays checked, so the reveal is tracked too, or focus would fall to the page.)
#[hook]
pub fn use_answer_focus(qid: Option<QuestionId>, checked: bool, revealed: bool) {
    let prev = use_mut_ref(|| None::<(Option<QuestionId>, bool, bool)>);
    use_effect_with((qid, checked, revealed), move |&(q, checked, revealed)| {
        let before = prev.borrow_mut().replace((q, checked, revealed));
        if let Some((pq, was, was_revealed)) = before {
            if pq == q && (was != checked || was_revealed != revealed) {
                if checked {
                    effects::focus("feedback-heading");
                } else {
                    effects::focus_first_control("answer");
                }
            }
        }
    });
}

#[component]
pub fn QuestionPage(props: &QuestionProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let quiz = COURSE.quiz(props.quiz);
    let i = usize::from(props.index);
    let order = ctx.0.quiz_order(&COURSE, props.quiz);
    let Some(&qid) = order.get(i) else {
        return Html::default();
    };
    let deferred =
        ctx.0.mode(&COURSE, props.quiz) == QuizMode::Deferred && !ctx.0.is_submitted(props.quiz);
    let total = quiz.questions.len();
    let attempt = ctx.0.attempt(qid);

    use_answer_focus(Some(qid), attempt.graded.is_some(), attempt.revealed);

    let next_href = if i + 1 < total {
        Route::Question(props.quiz, (i + 1) as u16).href(&COURSE)
    } else {
        Route::Results(props.quiz).href(&COURSE)
    };
    html! {
        <>
            <Crumbs unit={Some(quiz.unit)} here={AttrValue::from(format!("Question {} of {total}", i + 1))} />
            <p class="kicker"><a href={Route::Quiz(props.quiz).href(&COURSE)}>{ quiz.title }</a></p>
            <h1 id="view-heading" tabindex="-1">{ format!("Question {} of {total}", i + 1) }</h1>
            // Keyed by question: Yew must not reuse one question's radios for the next (a reused
            // group could end up with nothing checked).
            <QuestionCard key={qid.index()} question={qid} />
            <nav class="actions pager" aria-label="Questions">
                if i > 0 {
                    <a class="button secondary" href={Route::Question(props.quiz, (i - 1) as u16).href(&COURSE)}>{"Previous question"}</a>
                }
                if deferred {
                    <a class="button" href={next_href}>{ if i + 1 < total { "Next question" } else { "Review and submit" } }</a>
                } else if attempt.graded.is_some() {
                    <a class="button" href={next_href}>{ if i + 1 < total { "Next question" } else { "See your results" } }</a>
                } else {
                    <a class="button secondary" href={next_href}>{ if i + 1 < total { "Skip to the next question" } else { "Skip to the results" } }</a>
                }
            </nav>
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub question: QuestionId,
}

fn hint(q: &Question) -> String {
    match &q.body {
        Body::Choices(_) => match q.kind {
            QuestionKind::Multiple => "Choose all the answers that apply, then check.".into(),
            QuestionKind::TrueFalse => {
                "Is this statement true or false? Choose one, then check.".into()
            }
            _ => "Choose one answer, then check.".into(),
        },
        Body::Ordering(_) => {
            "Put the items in order with the Move up and Move down buttons, then check.".into()
        }
        Body::Matching { .. } => "Choose a match for each item, then check.".into(),
        Body::Categorise { .. } => "Put each statement in a group, then check.".into(),
        Body::Numeric(n) => match n.units.first() {
            Some(u) => format!("Type a number (in {u}), then check."),
            None => "Type a number, then check.".into(),
        },
        Body::ShortText { .. } => {
            "Type a short answer (capitals and punctuation do not matter), then check.".into()
        }
    }
}

/// A right/wrong mark in a symbol and words, never colour alone.
fn mark(right: bool, words: String) -> Html {
    let (cls, sym) = if right {
        ("mark-right", "✓")
    } else {
        ("mark-wrong", "✗")
    };
    html! { <span class={classes!("mark", cls)}><span aria-hidden="true">{ sym }{" "}</span><span class="mark-words">{ words }</span></span> }
}

/// One question: its answer controls, the check / try again / show answer buttons, and the feedback.
#[component]
pub fn QuestionCard(props: &CardProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let qid = props.question;
    let q = COURSE.question(qid);
    let a: Attempt = ctx.0.attempt(qid);
    let locked = a.graded.is_some();
    let quiz_id = q.quiz;
    let quiz = COURSE.quiz(quiz_id);
    // Practice checks each answer at once, whatever the quiz's mode.
    let deferred = ctx.0.mode(&COURSE, quiz_id) == QuizMode::Deferred
        && !ctx.0.is_submitted(quiz_id)
        && ctx.0.route != Route::Practice;
    // Once the answer is shown, the controls show the answer key.
    // After an ordering move, focus follows the moved item (set by the move buttons).
    let pending_focus = use_mut_ref(|| None::<String>);
    {
        let pending = pending_focus.clone();
        use_effect_with(a.answer.clone(), move |_| {
            if let Some(id) = pending.borrow_mut().take() {
                effects::focus(&id);
            }
        });
    }
    let shown = if a.revealed {
        answer_key(q)
    } else {
        a.answer.clone()
    };
    // "Check answer" is a plain button, and Enter in a field checks without submitting the form:
    // a VLE that embeds the module in a sandboxed iframe without `allow-forms` blocks every form
    // submission, and the submit event with it.
    let check = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Check(qid)))
    };
    let onkeydown = {
        let ctx = ctx.clone();
        Callback::from(move |e: KeyboardEvent| {
            let in_field = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some();
            if e.key() == "Enter" && in_field {
                e.prevent_default();
                // In a deferred quiz nothing is checked until the whole quiz is submitted.
                if !deferred {
                    ctx.dispatch(Action::Check(qid));
                }
            }
        })
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let try_again = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::TryAgain(qid)))
    };
    let show = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::ShowAnswer(qid)))
    };
    let controls = match &q.body {
        Body::Choices(options) => {
            let multiple = q.kind == QuestionKind::Multiple;
            let sel = shown.selection();
            let order = ctx.0.option_order(&COURSE, qid);
            html! {
                <ul class="options">
                    { for order.iter().enumerate().filter_map(|(shown_at, &i)| options.get(i).map(|o| (shown_at, i, o))).map(|(shown_at, i, o)| {
                        let ctx = ctx.clone();
                        let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::Pick { question: qid, option: i }));
                        let id = format!("option-{shown_at}");
                        let chosen = sel.has(i);
                        let m = match (a.revealed, locked, chosen, o.correct) {
                            (true, _, _, true) => Some(mark(true, "Correct answer.".into())),
                            (false, true, true, right) => Some(mark(right, if right { "Your choice: correct." } else { "Your choice: not correct." }.into())),
                            _ => None,
                        };
                        html! {
                            <li class={classes!("option", chosen.then_some("chosen"))}>
                                <input type={if multiple { "checkbox" } else { "radio" }} name={format!("q-{}", q.id)}
                                    id={id.clone()} checked={chosen} disabled={locked} {onchange}
                                    aria-describedby="question-hint" />
                                <label for={id}>{ rich(o.label) }</label>
                                { m.unwrap_or_default() }
                            </li>
                        }
                    }) }
                </ul>
            }
        }
        Body::Ordering(items) => {
            let order: Vec<u8> = match &shown {
                Answer::Order(o) => o.clone(),
                _ => Vec::new(),
            };
            let n = order.len();
            html! {
                <ol class="order">
                    { for order.iter().enumerate().map(|(pos, &item)| {
                        let label = items.get(usize::from(item)).map(|i| i.label).unwrap_or(&[]);
                        let words = crate::engine::text::plain(&COURSE, label);
                        let mv = |up: bool| {
                            let ctx = ctx.clone();
                            let pending = pending_focus.clone();
                            Callback::from(move |_: MouseEvent| {
                                // Focus stays with the item that moved: the same button, or its
                                // other one when it has reached the top or the bottom.
                                let to = if up { pos.saturating_sub(1) } else { pos + 1 };
                                let dir = match (up, to == 0, to + 1 == n) {
                                    (true, true, _) => "down",
                                    (false, _, true) => "up",
                                    (true, _, _) => "up",
                                    (false, _, _) => "down",
                                };
                                *pending.borrow_mut() = Some(format!("move-{dir}-{item}"));
                                ctx.dispatch(Action::Move { question: qid, position: pos, up });
                            })
                        };
                        let m = if locked {
                            let right = usize::from(item) == pos;
                            Some(mark(right, if right { "In the right place.".into() } else { format!("Belongs in place {}.", item + 1) }))
                        } else { None };
                        html! {
                            <li class="order-item" key={item.to_string()}>
                                <span class="order-label">{ rich(label) }</span>
                                { m.unwrap_or_default() }
                                if !locked {
                                    <span class="order-moves">
                                        <button type="button" class="button secondary small" disabled={pos == 0} id={format!("move-up-{item}")}
                                            aria-label={format!("Move up: {words}")} onclick={mv(true)}>{"Move up"}</button>
                                        <button type="button" class="button secondary small" disabled={pos + 1 == n} id={format!("move-down-{item}")}
                                            aria-label={format!("Move down: {words}")} onclick={mv(false)}>{"Move down"}</button>
                                    </span>
                                }
                            </li>
                        }
                    }) }
                </ol>
            }
        }
        Body::Matching { items, targets }
        | Body::Categorise {
            items,
            groups: targets,
        } => {
            let given: Vec<Option<u8>> = match &shown {
                Answer::Assign(g) => g.clone(),
                _ => Vec::new(),
            };
            let matching = matches!(q.body, Body::Matching { .. });
            html! {
                <ul class="assign">
                    { for items.iter().enumerate().map(|(i, item)| {
                        let value = given.get(i).copied().flatten();
                        let m = if locked {
                            let right = value == Some(item.key);
                            let should = targets.get(usize::from(item.key)).copied().unwrap_or("");
                            Some(mark(right, if right { "Right.".into() } else { format!("Should be: {should}.") }))
                        } else { None };
                        let control = if matching {
                            let ctx = ctx.clone();
                            let onchange = Callback::from(move |e: Event| {
                                let v = super::select_value(&e);
                                ctx.dispatch(Action::Assign { question: qid, item: i, value: v.parse::<u8>().ok() });
                            });
                            let id = format!("option-{i}");
                            html! {
                                <>
                                    <label for={id.clone()} class="assign-label">{ rich(item.label) }</label>
                                    <select id={id} disabled={locked} {onchange}>
                                        <option value="" selected={value.is_none()}>{"Choose a match…"}</option>
                                        { for targets.iter().enumerate().map(|(t, label)| html! {
                                            <option value={t.to_string()} selected={value == Some(t as u8)}>{ *label }</option>
                                        }) }
                                    </select>
                                </>
                            }
                        } else {
                            html! {
                                <fieldset class="statement">
                                    <legend class="assign-label">{ rich(item.label) }</legend>
                                    { for targets.iter().enumerate().map(|(g, label)| {
                                        let ctx = ctx.clone();
                                        let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::Assign { question: qid, item: i, value: Some(g as u8) }));
                                        let id = if g == 0 { format!("option-{i}") } else { format!("option-{i}-{g}") };
                                        html! {
                                            <span class="group-choice">
                                                <input type="radio" name={format!("q-{}-{i}", q.id)} id={id.clone()}
                                                    checked={value == Some(g as u8)} disabled={locked} {onchange} />
                                                <label for={id}>{ *label }</label>
                                            </span>
                                        }
                                    }) }
                                </fieldset>
                            }
                        };
                        html! { <li class="assign-item">{ control }{ m.unwrap_or_default() }</li> }
                    }) }
                </ul>
            }
        }
        Body::Numeric(_) | Body::ShortText { .. } => {
            let text = match &shown {
                Answer::Typed(t) => t.clone(),
                _ => String::new(),
            };
            let numeric = matches!(q.body, Body::Numeric(_));
            let oninput = {
                let ctx = ctx.clone();
                Callback::from(move |e: InputEvent| {
                    let v = e
                        .target_dyn_into::<web_sys::HtmlInputElement>()
                        .map(|i| i.value())
                        .unwrap_or_default();
                    ctx.dispatch(Action::Type {
                        question: qid,
                        text: v,
                    });
                })
            };
            let unit = match &q.body {
                Body::Numeric(n) => n.units.first().copied(),
                _ => None,
            };
            html! {
                <p class="typed">
                    <label for="option-0">{ "Your answer" }
                        if let Some(u) = unit { { format!(" (in {u})") } }
                    </label>
                    <input type="text" id="option-0" value={text} {oninput} disabled={locked}
                        maxlength={if numeric { TYPED_NUMERIC_MAX } else { TYPED_TEXT_MAX }.to_string()}
                        inputmode={if numeric { "decimal" } else { "text" }} autocomplete="off" spellcheck="false"
                        aria-describedby="question-hint" />
                </p>
            }
        }
    };
    html! {
        <form class="question" {onsubmit} {onkeydown}>
            <fieldset id="answer">
                <legend class="prompt">{ rich(q.prompt) }</legend>
                <p class="hint" id="question-hint">{ hint(q) }</p>
                { controls }
            </fieldset>
            if quiz.confidence {
                <Sureness question={qid} />
            }
            if deferred {
                <p class="meta">{"Your answer is kept as you go. You can change it until you submit the quiz."}</p>
            } else if !locked {
                <div class="actions">
                    <button type="button" class="button" onclick={check}>{"Check answer"}</button>
                    if a.tries > 0 && !a.revealed {
                        <button type="button" class="button secondary" onclick={show.clone()}>{"Show the answer"}</button>
                    }
                </div>
            }
            if let Some(g) = a.graded {
                <Feedback question={qid} grade={g} revealed={a.revealed} />
                <div class="actions">
                    if g.outcome != Outcome::Correct && !a.revealed {
                        <button type="button" class="button" onclick={try_again}>{"Try again"}</button>
                        <button type="button" class="button secondary" onclick={show}>{"Show the answer"}</button>
                    }
                </div>
            }
        </form>
    }
}

/// "How sure are you?": three radios, then the certainty-based mark once graded.
#[component]
fn Sureness(props: &CardProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let qid = props.question;
    let a = ctx.0.attempt(qid);
    if let (Some(g), Some(c)) = (a.graded, a.confidence) {
        let mark = cbm_mark(g.outcome, c);
        return html! {
            <p class="sureness-result">{ format!("You said: {}. Certainty-based mark: {}{mark}.", c.words(), if mark > 0 { "+" } else { "" }) }</p>
        };
    }
    html! {
        <fieldset class="sureness">
            <legend>{"How sure are you of this answer?"}</legend>
            { for Confidence::ALL.iter().enumerate().map(|(i, &level)| {
                let ctx = ctx.clone();
                let onchange = Callback::from(move |_: Event| ctx.dispatch(Action::SetConfidence { question: qid, level }));
                let id = format!("sure-{i}");
                html! {
                    <span class="group-choice">
                        <input type="radio" name="sureness" id={id.clone()} checked={a.confidence == Some(level)} {onchange} />
                        <label for={id}>{ level.words() }</label>
                    </span>
                }
            }) }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
pub struct FeedbackProps {
    pub question: QuestionId,
    pub grade: Grade,
    pub revealed: bool,
}

#[component]
fn Feedback(props: &FeedbackProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let q = COURSE.question(props.question);
    let a = ctx.0.attempt(props.question);
    let heading = if props.revealed {
        "The answer".to_string()
    } else {
        match props.grade.outcome {
            Outcome::Correct => "Correct".to_string(),
            Outcome::Partial => format!("Partly correct ({} per cent)", props.grade.credit),
            Outcome::Incorrect => "Not correct".to_string(),
        }
    };
    let symbol = if props.revealed {
        "→"
    } else {
        outcome_symbol(Some(props.grade.outcome))
    };
    // Once right or revealed, every explanation is worth reading; before that, only those that apply.
    let all = props.revealed || props.grade.outcome == Outcome::Correct;
    let body = match &q.body {
        Body::Choices(options) => {
            let sel = a.selected();
            html! {
                <>
                    <ul class="feedback-list">
                        // In the order the learner sees the options (shuffled or not).
                        { for ctx.0.option_order(&COURSE, props.question).into_iter().filter_map(|i| options.get(i).map(|o| (i, o))).filter(|(i, _)| all || sel.has(*i)).map(|(i, o)| html! {
                            <li>
                                <p class="feedback-option">
                                    <strong>{ if o.correct { "Right answer: " } else { "Wrong answer: " } }</strong>
                                    { rich(o.label) }
                                    if sel.has(i) { <em>{" (your choice)"}</em> }
                                </p>
                                <p>{ rich(o.feedback) }</p>
                            </li>
                        }) }
                    </ul>
                    if !all {
                        <p class="meta">{"Try again to see the explanation for the other options, or show the answer."}</p>
                    }
                </>
            }
        }
        Body::Ordering(items) => html! {
            <>
                <p>{"The right order:"}</p>
                <ol class="feedback-list">
                    { for items.iter().map(|i| html! { <li><p class="feedback-option"><strong>{ rich(i.label) }</strong></p><p>{ rich(i.feedback) }</p></li> }) }
                </ol>
            </>
        },
        Body::Matching { items, targets }
        | Body::Categorise {
            items,
            groups: targets,
        } => html! {
            <ul class="feedback-list">
                { for items.iter().map(|i| html! {
                    <li>
                        <p class="feedback-option"><strong>{ rich(i.label) }</strong>{" → "}{ targets.get(usize::from(i.key)).copied().unwrap_or("") }</p>
                        <p>{ rich(i.feedback) }</p>
                    </li>
                }) }
            </ul>
        },
        Body::Numeric(n) => {
            let typed = match &a.answer {
                Answer::Typed(t) => t.clone(),
                _ => String::new(),
            };
            let wrong_unit = matches!(read_number(&typed, n.units), Some(Reading::WrongUnit(_)));
            html! {
                <>
                    if !typed.is_empty() { <p>{"You wrote: "}<strong>{ typed }</strong></p> }
                    if wrong_unit { <p>{ format!("That unit is not one this question takes; answer in {}.", n.units.join(" or ")) }</p> }
                    if all { <p>{"The answer: "}<strong>{ answer_words(&COURSE, q) }</strong></p> }
                    <p>{ rich(if props.grade.outcome == Outcome::Correct { n.feedback } else { n.otherwise }) }</p>
                    if props.revealed && props.grade.outcome != Outcome::Correct { <p>{ rich(n.feedback) }</p> }
                </>
            }
        }
        Body::ShortText { accepts, otherwise } => {
            let typed = match &a.answer {
                Answer::Typed(t) => t.clone(),
                _ => String::new(),
            };
            let matched = matched_accept(q, &typed).and_then(|i| accepts.get(i));
            html! {
                <>
                    if !typed.is_empty() { <p>{"You wrote: "}<strong>{ typed }</strong></p> }
                    if all { <p>{"Accepted answers: "}<strong>{ answer_words(&COURSE, q) }</strong></p> }
                    <p>{ rich(matched.map_or(*otherwise, |m| m.feedback)) }</p>
                    if props.revealed && matched.is_none() {
                        if let Some(first) = accepts.first() { <p>{ rich(first.feedback) }</p> }
                    }
                </>
            }
        }
    };
    html! {
        <section class={classes!("feedback", format!("feedback-{:?}", props.grade.outcome).to_lowercase())} aria-labelledby="feedback-heading">
            <h2 id="feedback-heading" tabindex="-1"><span aria-hidden="true">{ symbol }{" "}</span>{ heading }</h2>
            { body }
            <p class="meta">{"Source: "}{ for q.cites.iter().enumerate().map(|(i, c)| html! {
                <>
                    if i > 0 { {"; "} }
                    <a href={Route::Source(c.source).href(&COURSE)}>{ crate::engine::text::cite_text(&COURSE, c) }</a>
                </>
            }) }</p>
        </section>
    }
}

#[component]
pub fn ResultsPage(props: &QuizProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let id = props.quiz;
    if ctx.0.mode(&COURSE, id) == QuizMode::Deferred && !ctx.0.is_submitted(id) {
        return html! { <ReviewPage quiz={id} /> };
    }
    let quiz = COURSE.quiz(id);
    let order = ctx.0.quiz_order(&COURSE, id);
    let (score, answered) = ctx.0.quiz_score(&COURSE, id);
    let total = quiz.questions.len();
    let passed = score >= u32::from(quiz.pass);
    let restart = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| {
            ctx.dispatch(Action::RestartQuiz(id));
            effects::set_hash(&Route::Question(id, 0).href(&COURSE));
        })
    };
    // Certainty-based marking: the total, and where the learner was sure but wrong.
    let cbm: Vec<(usize, i32, bool)> = order
        .iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let a = ctx.0.attempt(*q);
            let (g, c) = (a.graded?, a.confidence?);
            let sure_wrong = g.outcome != Outcome::Correct && c != Confidence::Low;
            Some((i + 1, cbm_mark(g.outcome, c), sure_wrong))
        })
        .collect();
    let cbm_total: i32 = cbm.iter().map(|c| c.1).sum();
    let sure_wrong: Vec<String> = cbm
        .iter()
        .filter(|c| c.2)
        .map(|c| c.0.to_string())
        .collect();
    html! {
        <>
            <Crumbs unit={Some(quiz.unit)} here={AttrValue::from("Results")} />
            <h1 id="view-heading" tabindex="-1">{ format!("Results: {}", quiz.title) }</h1>
            <p class="score">
                <strong>{ format!("Your score: {score} per cent") }</strong>
                { format!(" ({answered} of {total} questions answered; pass mark {} per cent). ", quiz.pass) }
                { if answered < total { "Unanswered questions count as zero." } else if passed { "You passed." } else { "Not yet a pass." } }
            </p>
            if let Some(band) = band_for(quiz, score) {
                <p class="band">{ rich(band.text) }</p>
            } else {
                <p>{ if passed {
                    "Well done. Read the explanations for any question you found hard, and try the unit's scenario to apply what you know."
                } else {
                    "Go back over the questions you missed: each explanation says why, and points to its source. Re-read the lesson sections they cite, then try again."
                } }</p>
            }
            if quiz.confidence && !cbm.is_empty() {
                <section aria-labelledby="cbm-heading">
                    <h2 id="cbm-heading">{"How well you knew what you knew"}</h2>
                    <p>{ format!("Certainty-based mark: {cbm_total} out of a possible {} (average {} per question).", 3 * cbm.len(), tenths(cbm_total * 10 / cbm.len() as i32)) }</p>
                    if sure_wrong.is_empty() {
                        <p>{"You were never sure of a wrong answer: your confidence matched your knowledge."}</p>
                    } else {
                        <p>{ format!("You were fairly or very sure, but wrong, on question {}. Those are the ideas to revisit first: confident mistakes are the ones that carry into practice.", sure_wrong.join(", ")) }</p>
                    }
                </section>
            }
            <h2>{"Question by question"}</h2>
            <ol class="question-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let a = ctx.0.attempt(*q);
                    html! {
                        <li>
                            <a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Question {}", i + 1) }</a>
                            {" "}{ attempt_status(a) }
                        </li>
                    }
                }) }
            </ol>
            <div class="actions">
                <a class="button secondary" href={Route::Review(id).href(&COURSE)}>{"Review your answers"}</a>
                <button type="button" class="button secondary" onclick={restart}>{"Restart the quiz"}</button>
                <a class="button" href={Route::Unit(quiz.unit).href(&COURSE)}>{ format!("Back to {}", unit_label(quiz.unit)) }</a>
            </div>
        </>
    }
}

/// "1.5", "-0.7" from tenths, without floating point.
fn tenths(t: i32) -> String {
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// A deferred quiz before it is submitted: every answer, a way to change each, and Submit.
#[component]
fn ReviewPage(props: &QuizProps) -> Html {
    let Some(ctx) = use_context::<Ctx>() else {
        return Html::default();
    };
    let id = props.quiz;
    let quiz = COURSE.quiz(id);
    let order = ctx.0.quiz_order(&COURSE, id);
    let submit = {
        let ctx = ctx.clone();
        Callback::from(move |_: MouseEvent| ctx.dispatch(Action::Submit(id)))
    };
    let unanswered = order
        .iter()
        .filter(|q| !ctx.0.attempt(**q).is_answered(&COURSE, **q))
        .count();
    html! {
        <>
            <Crumbs unit={Some(quiz.unit)} here={AttrValue::from("Review")} />
            <h1 id="view-heading" tabindex="-1">{ format!("Review your answers: {}", quiz.title) }</h1>
            <p>{"Check your answers below and change any of them. Nothing is marked until you submit."}</p>
            <ol class="review-list">
                { for order.iter().enumerate().map(|(i, q)| {
                    let question = COURSE.question(*q);
                    let a = ctx.0.attempt(*q);
                    html! {
                        <li>
                            <p class="feedback-option"><strong>{ format!("Question {}: ", i + 1) }</strong>{ rich(question.prompt) }</p>
                            <p>{"Your answer: "}{ if a.is_answered(&COURSE, *q) { answer_summary(&COURSE, question, &a.answer) } else { "Not answered yet".to_string() } }
                                if let Some(c) = a.confidence { { format!(" ({})", c.words().to_lowercase()) } }
                            </p>
                            <p><a href={Route::Question(id, i as u16).href(&COURSE)}>{ format!("Change your answer to question {}", i + 1) }</a></p>
                        </li>
                    }
                }) }
            </ol>
            if unanswered > 0 {
                <p class="notice">{ format!("{unanswered} {} not answered yet and will count as zero.", if unanswered == 1 { "question is" } else { "questions are" }) }</p>
            }
            <div class="actions">
                <button type="button" class="button" onclick={submit}>{"Submit all answers"}</button>
            </div>
        </>
    }
}
