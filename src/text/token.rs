//! Tokens: words, numbers and punctuation, each pointing at its characters in the original text.

use super::normalize::{ZWJ, ZWNJ, TATWEEL, digit_value, fold, is_quote};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Byte offsets of the token in the original text.
    pub start: usize,
    pub end: usize,
    /// The folded matching key (see [`super::normalize::fold`]).
    pub key: String,
    pub kind: TokenKind,
    /// True when no whitespace separates this token from the previous one.
    pub glued: bool,
}

impl Token {
    pub fn is_word(&self) -> bool {
        self.kind == TokenKind::Word
    }

    /// A quotation mark («, ", “ …): it sets off a name ("سامانه «حصار»").
    pub fn is_quote(&self) -> bool {
        self.kind == TokenKind::Punct && is_quote(self.key.chars().next().unwrap_or(' '))
    }

    /// Punctuation that ends a clause inside a sentence (used to bound gaps and lists).
    pub fn is_clause_break(&self) -> bool {
        self.kind == TokenKind::Punct && matches!(self.key.as_str(), ";" | ":" | "(" | ")" | "[" | "]")
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) || c == ZWNJ || c == ZWJ || c == TATWEEL
}

/// Splits `text[range]` into tokens. A word is a run of letters, digits, marks and ZWNJ; an apostrophe
/// between two Latin letters stays inside the word ("Israel's"); a dot, comma or Arabic decimal
/// separator between two digits stays inside the number ("4.5", "٤٫٥"). Any other non-space
/// character is a punctuation token of its own. Quotation marks are punctuation too.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut glued = false;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() || c == '\u{200F}' || c == '\u{200E}' || c == '\u{FEFF}' {
            glued = false;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        if is_word_char(c) && !is_quote(c) {
            while j < chars.len() {
                let cj = chars[j].1;
                let joins_inside = |pred: fn(char) -> bool| {
                    j + 1 < chars.len() && pred(chars[j - 1].1) && pred(chars[j + 1].1)
                };
                if is_word_char(cj) {
                    j += 1;
                } else if matches!(cj, '\'' | '’') && joins_inside(|c| c.is_ascii_alphabetic()) {
                    j += 1;
                } else if matches!(cj, '.' | ',' | '٫' | '٬') && joins_inside(|c| digit_value(c).is_some()) {
                    j += 1;
                } else {
                    break;
                }
            }
        }
        let end = if j < chars.len() { chars[j].0 } else { text.len() };
        let surface = &text[start..end];
        let key = fold(surface);
        let kind = if !is_word_char(c) || is_quote(c) {
            TokenKind::Punct
        } else if key.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',') {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // a run of only ZWNJ/tatweel folds to nothing: it is not a token
        if !key.is_empty() {
            tokens.push(Token { start: base + start, end: base + end, key, kind, glued });
        }
        glued = true;
        i = j;
    }
    tokens
}

/// A step of the analysis chain that rewrites the token stream (joins, splits) without touching
/// the original text: offsets always point into it.
pub trait TokenFilter: Send + Sync {
    fn apply(&self, text: &str, tokens: &mut Vec<Token>);
}

/// Tokenizer followed by filters, in the manner of tantivy's `TextAnalyzer`.
pub struct Analyzer {
    filters: Vec<Box<dyn TokenFilter>>,
}

impl Analyzer {
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder { filters: Vec::new() }
    }

    /// Tokens of `text[range]`, offsets relative to `text`.
    pub fn tokens(&self, text: &str, start: usize, end: usize) -> Vec<Token> {
        let mut tokens = tokenize(&text[start..end], start);
        for filter in &self.filters {
            filter.apply(text, &mut tokens);
        }
        tokens
    }
}

pub struct AnalyzerBuilder {
    filters: Vec<Box<dyn TokenFilter>>,
}

impl AnalyzerBuilder {
    pub fn filter(mut self, filter: impl TokenFilter + 'static) -> Self {
        self.filters.push(Box::new(filter));
        self
    }

    pub fn build(self) -> Analyzer {
        Analyzer { filters: self.filters }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(text: &str) -> Vec<String> {
        tokenize(text, 0).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn offsets_point_at_original_characters() {
        let text = "سفر «بیرقدار» به باکو";
        for t in tokenize(text, 0) {
            assert_eq!(fold(&text[t.start..t.end]), t.key);
        }
        assert_eq!(keys(text), ["سفر", "«", "بيرقدار", "»", "به", "باكو"]);
    }

    #[test]
    fn numbers_keep_decimal_points_and_split_ranges() {
        assert_eq!(keys("٤.٥ مليار"), ["4.5", "مليار"]);
        assert_eq!(keys("2015-2019"), ["2015", "-", "2019"]);
        assert_eq!(keys("60٪"), ["60", "%"]);
    }

    #[test]
    fn zwnj_stays_inside_a_persian_word() {
        assert_eq!(keys("می‌کند"), ["ميكند"]);
        assert_eq!(keys("می کند"), ["مي", "كند"]);
    }

    #[test]
    fn english_possessive_and_hyphen() {
        assert_eq!(keys("Israel's Turkish-made drones"), ["israel's", "turkish", "-", "made", "drones"]);
    }

    #[test]
    fn glued_marks_tokens_without_space_before() {
        let t = tokenize("باكو، أنقرة", 0);
        assert!(!t[0].glued);
        assert!(t[1].glued);
        assert!(!t[2].glued);
    }
}
