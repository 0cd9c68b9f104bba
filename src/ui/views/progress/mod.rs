//! The learner's own pages: where progress is kept (code, file, reset), the learning record,
//! the read-only review of a quiz, "practise what I missed", and the reflection boxes in lessons.

mod keep;
mod practice;
mod record;
mod reflection;

pub use keep::ProgressPage;
pub use practice::PracticePage;
pub use record::{answers_review, record_page};
pub use reflection::ReflectionBox;

use yew::prelude::*;

/// The text of the text area an input event came from ("" if it came from something else).
fn textarea_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlTextAreaElement>()
        .map(|t| t.value())
        .unwrap_or_default()
}
