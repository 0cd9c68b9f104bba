//! Rich text: inline runs (text, emphasis, citations, glossary links, links), paragraphs and
//! the blocks of a lesson body.

use super::{ReflectionId, SourceId, TermId};

/// A citation of a source, with an optional locator (section, paragraph).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Citation {
    pub source: SourceId,
    pub locator: &'static str,
}

/// Inline text: what a paragraph, an option label or a feedback is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(&'static str),
    Emphasis(&'static [Inline]),
    Strong(&'static [Inline]),
    Cite(Citation),
    /// A glossary link with the words shown.
    Term(TermId, &'static str),
    /// An external link: words and an `https://` address.
    Link(&'static str, &'static str),
}

/// One paragraph (or one line) of inline content.
pub type Rich = &'static [Inline];
/// Several paragraphs.
pub type Paras = &'static [Rich];

/// A block of a lesson body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 2 or 3 heading.
    Heading(u8, Rich),
    Paragraph(Rich),
    Bullets(&'static [Rich]),
    Numbered(&'static [Rich]),
    Quote(Rich),
    KeyPoints(&'static [Rich]),
    /// A reflection prompt: the learner writes a short answer, kept with their progress.
    Reflect(ReflectionId),
}
