//! Diagnostics: one content problem at a file and line (`seeds/FILE:LINE: what is wrong; how to
//! fix it`), and the collector every stage reports into.

use std::fmt;

/// One content problem, at a file and line.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// Path shown to the author, starting `seeds/`.
    pub file: String,
    pub line: u32,
    /// What is wrong, then `; ` and how to fix it.
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: &str, line: u32, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Every problem found so far, by every stage: the compiler reports them all, not just the first.
#[derive(Debug, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, file: &str, line: u32, message: impl Into<String>) {
        self.0.push(Diagnostic::new(file, line, message));
    }

    /// How many problems have been reported; a stage compares counts to tell whether a part of
    /// the content it just checked was sound.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The course when nothing was reported, otherwise every problem sorted by file and line.
    pub fn finish<T>(self, built: Option<T>) -> Result<T, Vec<Diagnostic>> {
        if self.0.is_empty() {
            if let Some(built) = built {
                return Ok(built);
            }
        }
        let mut diags = self.0;
        diags.sort();
        diags.dedup();
        Err(diags)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_come_sorted_and_once() {
        let mut d = Diagnostics::default();
        d.push("seeds/b.txt", 1, "b; fix b");
        d.push("seeds/a.txt", 9, "a9; fix a9");
        d.push("seeds/a.txt", 2, "a2; fix a2");
        d.push("seeds/a.txt", 2, "a2; fix a2");
        assert_eq!(d.len(), 4);
        let shown: Vec<String> = d
            .finish(Some(()))
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "seeds/a.txt:2: a2; fix a2",
                "seeds/a.txt:9: a9; fix a9",
                "seeds/b.txt:1: b; fix b"
            ]
        );
    }

    #[test]
    fn nothing_reported_gives_the_course() {
        assert_eq!(Diagnostics::default().finish(Some(7)), Ok(7));
        assert_eq!(Diagnostics::default().finish::<u8>(None), Err(Vec::new()));
    }
}
