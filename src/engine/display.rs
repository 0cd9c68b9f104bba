//! The learner's display settings: text size, line spacing, font and theme. They are kept with
//! the progress (and so in the progress code and an LMS's suspend data) as one base-64 digit, and
//! the page carries them as `data-…` attributes on its root element, which the style sheet reads.

/// How the learner wants the course shown. The default is what the page shows with no choice made.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Display {
    pub text: TextSize,
    pub spacing: Spacing,
    pub font: Font,
    pub theme: Theme,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Standard,
    Large,
    Larger,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Spacing {
    #[default]
    Standard,
    Wide,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Font {
    #[default]
    Standard,
    /// Atkinson Hyperlegible, bundled; the browser fetches it only once it is chosen.
    Legible,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light or dark as the device is set.
    #[default]
    System,
    Light,
    Dark,
}

/// One choice of one setting, as the settings page offers it: a value, its attribute value and
/// its words.
pub struct Choice<T> {
    pub value: T,
    pub key: &'static str,
    pub words: &'static str,
}

pub const TEXT_SIZES: [Choice<TextSize>; 3] = [
    Choice {
        value: TextSize::Standard,
        key: "standard",
        words: "Standard",
    },
    Choice {
        value: TextSize::Large,
        key: "large",
        words: "Large (125%)",
    },
    Choice {
        value: TextSize::Larger,
        key: "larger",
        words: "Larger (150%)",
    },
];

pub const SPACINGS: [Choice<Spacing>; 2] = [
    Choice {
        value: Spacing::Standard,
        key: "standard",
        words: "Standard",
    },
    Choice {
        value: Spacing::Wide,
        key: "wide",
        words: "Wide (more space between lines, words and paragraphs)",
    },
];

pub const FONTS: [Choice<Font>; 2] = [
    Choice {
        value: Font::Standard,
        key: "standard",
        words: "Standard (your device's sans-serif)",
    },
    Choice {
        value: Font::Legible,
        key: "legible",
        words: "Atkinson Hyperlegible (letters designed to be told apart)",
    },
];

pub const THEMES: [Choice<Theme>; 3] = [
    Choice {
        value: Theme::System,
        key: "system",
        words: "As my device is set",
    },
    Choice {
        value: Theme::Light,
        key: "light",
        words: "Light",
    },
    Choice {
        value: Theme::Dark,
        key: "dark",
        words: "Dark",
    },
];

fn place<T: PartialEq>(choices: &[Choice<T>], v: &T) -> u32 {
    choices.iter().position(|c| c.value == *v).unwrap_or(0) as u32
}

fn key<T: PartialEq>(choices: &'static [Choice<T>], v: &T) -> &'static str {
    choices
        .iter()
        .find(|c| c.value == *v)
        .map_or("standard", |c| c.key)
}

impl Display {
    /// The settings as one number below 64 (text + 3 × spacing + 6 × font + 12 × theme).
    pub fn digit(self) -> u32 {
        place(&TEXT_SIZES, &self.text)
            + 3 * place(&SPACINGS, &self.spacing)
            + 6 * place(&FONTS, &self.font)
            + 12 * place(&THEMES, &self.theme)
    }

    /// Reads [`Display::digit`]; `None` for a number it never writes.
    pub fn from_digit(d: u32) -> Option<Display> {
        let get = |n: u32, len: usize| (n < len as u32).then_some(n as usize);
        Some(Display {
            text: TEXT_SIZES[get(d % 3, TEXT_SIZES.len())?].value,
            spacing: SPACINGS[get(d / 3 % 2, SPACINGS.len())?].value,
            font: FONTS[get(d / 6 % 2, FONTS.len())?].value,
            theme: THEMES[get(d / 12, THEMES.len())?].value,
        })
    }

    /// The root element's attributes that carry the settings to the style sheet.
    pub fn attributes(self) -> [(&'static str, &'static str); 4] {
        [
            ("data-text", key(&TEXT_SIZES, &self.text)),
            ("data-spacing", key(&SPACINGS, &self.spacing)),
            ("data-font", key(&FONTS, &self.font)),
            ("data-theme", key(&THEMES, &self.theme)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every() -> Vec<Display> {
        let mut all = Vec::new();
        for t in &TEXT_SIZES {
            for s in &SPACINGS {
                for f in &FONTS {
                    for th in &THEMES {
                        all.push(Display {
                            text: t.value,
                            spacing: s.value,
                            font: f.value,
                            theme: th.value,
                        });
                    }
                }
            }
        }
        all
    }

    #[test]
    fn every_setting_round_trips_through_one_digit() {
        let all = every();
        assert_eq!(all.len(), 36);
        let mut digits: Vec<u32> = all.iter().map(|d| d.digit()).collect();
        for (d, n) in all.iter().zip(&digits) {
            assert!(*n < 64);
            assert_eq!(Display::from_digit(*n), Some(*d));
        }
        digits.sort_unstable();
        digits.dedup();
        assert_eq!(digits.len(), 36, "two settings share a digit");
        assert_eq!(Display::default().digit(), 0);
    }

    #[test]
    fn digits_never_written_are_refused() {
        for n in 36..64 {
            assert_eq!(Display::from_digit(n), None, "{n}");
        }
    }

    #[test]
    fn attributes_name_each_choice() {
        let d = Display {
            text: TextSize::Larger,
            spacing: Spacing::Wide,
            font: Font::Legible,
            theme: Theme::Dark,
        };
        assert_eq!(
            d.attributes(),
            [
                ("data-text", "larger"),
                ("data-spacing", "wide"),
                ("data-font", "legible"),
                ("data-theme", "dark")
            ]
        );
        assert_eq!(
            Display::default().attributes().map(|a| a.1),
            ["standard", "standard", "standard", "system"]
        );
    }
}
