//! Persian writes verb prefixes and plural/ezafe suffixes joined by ZWNJ, by a space, or not at all:
//! "می‌کند", "می کند", "میکند"; "نشست‌ها", "نشست ها". This filter joins the space-separated forms into
//! one token, so that all three spellings give one key. The joined token spans the original
//! characters of both parts.

use crate::text::token::{Token, TokenFilter, TokenKind};

/// Keys (folded) of verb prefixes written as separate words.
const PREFIXES: &[&str] = &["مي", "نمي"];
/// Keys (folded) of suffixes written as separate words.
const SUFFIXES: &[&str] = &["ها", "هاي", "هايي", "اي", "تر", "ترين", "اند", "ايم", "ايد", "ام", "اش", "شان", "مان", "تان"];

pub struct PersianAffixJoin;

impl TokenFilter for PersianAffixJoin {
    fn apply(&self, _text: &str, tokens: &mut Vec<Token>) {
        let mut out: Vec<Token> = Vec::with_capacity(tokens.len());
        for token in tokens.drain(..) {
            let joins_previous = token.kind == TokenKind::Word
                && out.last().is_some_and(|prev: &Token| {
                    prev.kind == TokenKind::Word
                        && (PREFIXES.contains(&prev.key.as_str()) || SUFFIXES.contains(&token.key.as_str()))
                });
            match out.last_mut() {
                Some(prev) if joins_previous => {
                    prev.key.push_str(&token.key);
                    prev.end = token.end;
                }
                _ => out.push(token),
            }
        }
        *tokens = out;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::Analyzer;

    fn keys(text: &str) -> Vec<String> {
        let analyzer = Analyzer::builder().filter(PersianAffixJoin).build();
        analyzer.tokens(text, 0, text.len()).into_iter().map(|t| t.key).collect()
    }

    #[test]
    fn three_spellings_of_a_verb_give_one_key() {
        assert_eq!(keys("می‌کند"), keys("می کند"));
        assert_eq!(keys("میکند"), keys("می کند"));
        assert_eq!(keys("نمی شود"), ["نميشود"]);
    }

    #[test]
    fn plural_suffix_after_space_joins() {
        assert_eq!(keys("نشست ها"), keys("نشست‌ها"));
        assert_eq!(keys("آذربایجانی ها"), ["اذربايجانيها"]);
    }

    #[test]
    fn joined_token_spans_both_parts() {
        let text = "او می کند";
        let analyzer = Analyzer::builder().filter(PersianAffixJoin).build();
        let t = analyzer.tokens(text, 0, text.len());
        assert_eq!(&text[t[1].start..t[1].end], "می کند");
    }
}
