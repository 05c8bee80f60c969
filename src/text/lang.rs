//! Language identification: Persian, Arabic, English, or a clear "unsupported".
//!
//! Persian and Arabic share a script, so letter statistics decide between them: پ چ ژ گ and the
//! Persian forms of kaf and yeh (ک ی) are Persian; ة and the Arabic kaf and yeh (ك ي) are Arabic.
//! These signals hold even for a headline, where general detectors (whatlang) often answer Urdu.
//! Latin-script text is handed to whatlang to tell English from other languages.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Ar,
    Fa,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Ar, Lang::Fa, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn is_rtl(self) -> bool {
        self != Lang::En
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What the identifier concluded about a stretch of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    Supported(Lang),
    /// A language khabar has no rules for; the string names it for the user ("Urdu", "Russian").
    Unsupported(String),
    /// Too little text to tell (numbers, punctuation).
    Unknown,
}

#[derive(Default)]
struct LetterCounts {
    arabic_script: usize,
    persian_only: usize,
    arabic_only: usize,
    urdu_only: usize,
    latin: usize,
    other: usize,
}

fn count_letters(text: &str) -> LetterCounts {
    let mut n = LetterCounts::default();
    for c in text.chars() {
        match c {
            'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' | 'ۀ' => {
                n.arabic_script += 1;
                n.persian_only += 1;
            }
            'ة' | 'ك' | 'ي' | 'ى' => {
                n.arabic_script += 1;
                n.arabic_only += 1;
            }
            'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ے' | 'ھ' | 'ہ' => {
                n.arabic_script += 1;
                n.urdu_only += 1;
            }
            c if super::normalize::is_arabic_script(c) && c.is_alphabetic() => n.arabic_script += 1,
            c if c.is_ascii_alphabetic() || matches!(c, '\u{00C0}'..='\u{024F}') => n.latin += 1,
            c if c.is_alphabetic() => n.other += 1,
            _ => {}
        }
    }
    n
}

/// The most frequent English words; other Latin-script languages use few of them.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "was", "for", "on", "with", "said", "by", "at", "from", "that", "its", "it", "as", "has", "have",
    "be", "were", "are", "will", "an", "this", "which", "after", "its", "their", "his", "her",
];

/// Identifies the language of `text` (a document body or a paragraph).
pub fn detect(text: &str) -> Detected {
    let n = count_letters(text);
    let total = n.arabic_script + n.latin + n.other;
    if total < 3 {
        return Detected::Unknown;
    }
    if n.arabic_script >= n.latin && n.arabic_script >= n.other {
        // Urdu letters are all but absent from Persian and Arabic prose
        if n.urdu_only >= 2 && n.urdu_only * 6 >= n.persian_only + n.arabic_only {
            return Detected::Unsupported("Urdu".into());
        }
        // a single Persian letter among many Arabic ones is a loanword; the majority decides
        return Detected::Supported(if n.persian_only > n.arabic_only { Lang::Fa } else { Lang::Ar });
    }
    if n.latin >= n.other {
        // English function words settle it; news English is full of names that mislead whatlang
        // ("Israel sold Barak 8 systems to Azerbaijan" reads as Afrikaans to it)
        let words: Vec<String> = text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
        let function = words.iter().filter(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_str())).count();
        if !words.is_empty() && function * 100 >= words.len() * 8 {
            return Detected::Supported(Lang::En);
        }
        return match whatlang::detect(text) {
            Some(info) if info.lang() == whatlang::Lang::Eng => Detected::Supported(Lang::En),
            // short Latin strings (names, headlines) are too short for whatlang: take them as English
            Some(info) if !info.is_reliable() || total < 40 => Detected::Supported(Lang::En),
            Some(info) => Detected::Unsupported(info.lang().eng_name().to_string()),
            None => Detected::Supported(Lang::En),
        };
    }
    match whatlang::detect(text) {
        Some(info) => Detected::Unsupported(info.lang().eng_name().to_string()),
        None => Detected::Unsupported("unknown script".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn persian_and_arabic_headlines() {
        assert_eq!(detect("آذربایجان روابط نظامی خود را با ترکیه و اسرائیل تقویت می کند"), Detected::Supported(Lang::Fa));
        assert_eq!(detect("لماذا تعزز تل ابيب علاقاتها الأمنية مع أذربيجان؟"), Detected::Supported(Lang::Ar));
    }

    #[test]
    fn short_texts_still_separate_persian_from_arabic() {
        assert_eq!(detect("سفر گانتس به باکو"), Detected::Supported(Lang::Fa));
        assert_eq!(detect("زيارة غانتس إلى باكو"), Detected::Supported(Lang::Ar));
        assert_eq!(detect("ترکیه"), Detected::Supported(Lang::Fa));
    }

    #[test]
    fn english_and_unsupported() {
        assert_eq!(
            detect("Azerbaijan equips its army with Israeli-made equipment, officials said on Monday."),
            Detected::Supported(Lang::En)
        );
        assert!(matches!(
            detect("Azerbaycan ordusunu İsrail yapımı teçhizatla donatıyor ve savunma işbirliğini güçlendiriyor."),
            Detected::Unsupported(_)
        ));
        assert!(matches!(detect("Азербайджан укрепляет военное сотрудничество с Израилем"), Detected::Unsupported(_)));
        assert!(matches!(detect("پاکستان کی فوج نے ترکی سے ڈرون خریدے ہیں اور یہ بہت اہم ہے"), Detected::Unsupported(_)));
        assert_eq!(detect("213"), Detected::Unknown);
        assert_eq!(detect("Israel sold Barak 8 air defense systems to Azerbaijan in 2012, according to officials in Baku."), Detected::Supported(Lang::En));
        assert!(matches!(detect("Le ministre de la défense a rencontré son homologue turc à Bakou pour discuter de la coopération militaire."), Detected::Unsupported(_)));
    }
}
