//! Closed vocabularies (event kinds, body kinds, ...) spelled as lower_snake_case words.
//!
//! Every file format spells these the same way, so the words live with the model and each
//! reader reports an unknown word the same way.

use std::fmt;

/// A closed vocabulary whose values are written as words in files and on the command line.
pub trait Word: Sized + Copy + 'static {
    /// What the vocabulary is called in messages ("event", "body kind", ...).
    const WHAT: &'static str;
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// The canonical word for this value.
    fn word(self) -> &'static str;
    /// Other spellings accepted when reading (never written).
    fn aliases(self) -> &'static [&'static str] {
        &[]
    }
    /// A short human label for the UI and reports.
    fn label(self) -> &'static str;

    /// Parses a word: case-insensitive, `-` and spaces count as `_`.
    fn parse_word(text: &str) -> Result<Self, UnknownWord> {
        let wanted = text.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Self::ALL
            .iter()
            .copied()
            .find(|value| value.word() == wanted || value.aliases().contains(&wanted.as_str()))
            .ok_or_else(|| UnknownWord {
                what: Self::WHAT,
                word: text.to_owned(),
                expected: Self::ALL.iter().map(|value| value.word()).collect(),
            })
    }
}

/// A word that is not in a vocabulary.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct UnknownWord {
    /// What the vocabulary is called.
    pub what: &'static str,
    /// The word as it was written.
    pub word: String,
    /// The accepted words.
    pub expected: Vec<&'static str>,
}

impl fmt::Display for UnknownWord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} \"{}\" (expected one of: {})",
            self.what,
            self.word,
            self.expected.join(", ")
        )
    }
}

/// Defines a vocabulary enum: `variant => "word", "Label", [aliases]`.
macro_rules! word_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $word:literal, $label:literal $(, [$($alias:literal),*])? ; )*
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )*
        }

        impl $crate::model::Word for $name {
            const WHAT: &'static str = $what;
            const ALL: &'static [Self] = &[ $( Self::$variant, )* ];
            fn word(self) -> &'static str {
                match self { $( Self::$variant => $word, )* }
            }
            fn aliases(self) -> &'static [&'static str] {
                match self { $( Self::$variant => &[ $( $($alias),* )? ], )* }
            }
            fn label(self) -> &'static str {
                match self { $( Self::$variant => $label, )* }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::Word::word(*self))
            }
        }

        impl std::str::FromStr for $name {
            type Err = $crate::model::UnknownWord;
            fn from_str(text: &str) -> Result<Self, Self::Err> {
                <Self as $crate::model::Word>::parse_word(text)
            }
        }
    };
}
pub(crate) use word_enum;
