//! Lists of lexicon phrases, matched as token sequences (proclitics such as Arabic و ب ل on the first
//! word are read past): nouns that introduce a name (`weapon-nouns.tsv`, `company-nouns.tsv`), ruling
//! bodies (`ruling-bodies.tsv`), and what the relation matcher reads past — time phrases
//! (`time-phrases.tsv`: "on Tuesday", "يوم الاثنين", "در سال‌های اخیر") and the heads of asides
//! (`asides.tsv`: "according to", "بحسب", "التي"). In a form, `#` stands for any number ("in #").

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::data::{DataError, RowProblem, lexicon_rows};
use super::affixes::prefix_variants;
use super::index::name_keys;
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind};

/// The form token that stands for any number.
const NUMBER: &str = "#";

/// The phrases of one lexicon file, per language.
#[derive(Debug, Default, Clone)]
pub struct PhraseList {
    /// Per language, the phrases' token keys with their row's kind, longest first.
    phrases: HashMap<Lang, Vec<(Vec<String>, String)>>,
}

impl PhraseList {
    /// Loads `<lang>/<file>` of every language (columns `kind`, `forms`).
    pub fn load(lexicon_dir: &Path, file: &str, problems: &mut Vec<RowProblem>) -> Result<PhraseList, DataError> {
        Self::load_kind(lexicon_dir, file, None, problems)
    }

    /// Loads the rows of `<lang>/<file>` of one kind, or of any kind.
    pub fn load_kind(lexicon_dir: &Path, file: &str, kind: Option<&str>, problems: &mut Vec<RowProblem>) -> Result<PhraseList, DataError> {
        let mut t = PhraseList::default();
        for (lang, row) in lexicon_rows(lexicon_dir, file, &["kind", "forms"], problems)?.into_iter().filter(|(_, row)| kind.is_none_or(|k| row.get("kind") == k)) {
            // (`#` is read as a number, then stands for any)
            let forms = row.list("forms").into_iter().map(|f| name_keys(&f.replace(NUMBER, " 0 ")).into_iter().map(|k| if k == "0" { NUMBER.to_string() } else { k }).collect::<Vec<String>>());
            let kind = row.get("kind").to_string();
            t.phrases.entry(lang).or_default().extend(forms.filter(|k| !k.is_empty()).map(|k| (k, kind.clone())));
        }
        for list in t.phrases.values_mut() {
            list.sort_by(|a, b| b.0.len().cmp(&a.0.len()));
        }
        Ok(t)
    }

    /// The end of the longest phrase that starts at `tokens[at]` and ends by `end`. A dot, hyphen or slash
    /// glued to a word or number of the text is read past ("في حزيران/يونيو 2023", "in 2017-2021").
    pub fn at(&self, lang: Lang, tokens: &[Token], at: usize, end: usize) -> Option<usize> {
        self.kind_at(lang, tokens, at, end).map(|(end, _)| end)
    }

    /// The end and the row's kind of the longest phrase that starts at `tokens[at]` and ends by `end`.
    pub fn kind_at(&self, lang: Lang, tokens: &[Token], at: usize, end: usize) -> Option<(usize, &str)> {
        let phrases = self.phrases.get(&lang).filter(|_| at < end.min(tokens.len()))?;
        let fits = |key: &str, t: &Token| if key == NUMBER { t.kind == TokenKind::Number } else { key == t.key };
        let variants = prefix_variants(lang, &tokens[at].key);
        // (a number may carry a proclitic: "و14")
        let number = tokens[at].kind == TokenKind::Number || variants.iter().any(|v| !v.key.is_empty() && v.key.chars().all(|c| c.is_ascii_digit()));
        let first = |keys: &[String]| if keys[0] == NUMBER { number } else { variants.iter().any(|v| v.key == keys[0]) };
        // the keys have no punctuation: "on Jan. 1" is "on Jan #", "anti-tank missiles" is "anti tank missiles"
        let read_past = |j: usize| matches!(tokens[j].key.as_str(), "." | "-" | "‐" | "–" | "/") && tokens[j].glued && j + 1 < end && matches!(tokens[j - 1].kind, TokenKind::Word | TokenKind::Number);
        // (an Arabic "و" glued to a number stands for "و #": "بين عامي 1998 و2000")
        let and_number = |t: &Token| t.key.strip_prefix('و').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()));
        let rest = |keys: &[String]| {
            let mut j = at + 1;
            let mut k = 0;
            while k < keys.len() {
                if j < end && read_past(j) {
                    j += 1;
                }
                if j < end && keys[k] == "و" && keys.get(k + 1).is_some_and(|n| n == NUMBER) && and_number(&tokens[j]) {
                    j += 1;
                    k += 2;
                    continue;
                }
                if j >= end || !fits(&keys[k], &tokens[j]) {
                    return None;
                }
                j += 1;
                k += 1;
            }
            Some(j)
        };
        phrases.iter().filter(|(keys, _)| first(keys)).find_map(|(keys, kind)| rest(&keys[1..]).map(|end| (end, kind.as_str())))
    }

    /// The kind of the first phrase in `tokens[range]` ("هذه المسيرات" is a drone's noun).
    pub fn kind_in(&self, lang: Lang, tokens: &[Token], range: Range<usize>) -> Option<&str> {
        range.clone().find_map(|i| self.kind_at(lang, tokens, i, range.end).map(|(_, kind)| kind))
    }

    /// The phrases in `tokens[range]`, longest at each position, not overlapping.
    pub fn find(&self, lang: Lang, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match self.at(lang, tokens, i, range.end) {
                Some(end) => {
                    out.push(i..end);
                    i = end;
                }
                None => i += 1,
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn phrases() -> PhraseList {
        let mut problems = Vec::new();
        PhraseList::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon"), "time-phrases.tsv", &mut problems).unwrap()
    }

    fn found(lang: Lang, text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0);
        phrases().find(lang, &tokens, 0..tokens.len()).into_iter().map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn time_phrases_with_numbers_and_clitics() {
        assert_eq!(found(Lang::En, "Azerbaijan has in recent years bought drones in 2020."), ["in recent years", "in 2020"]);
        assert_eq!(found(Lang::Ar, "اشترت أذربيجان، الثلاثاء، طائرات مسيرة وفي عام 2020 صواريخ."), ["الثلاثاء", "وفي عام 2020"]);
        assert_eq!(found(Lang::Fa, "آذربایجان در سال‌های اخیر پهپاد خریده است."), ["در سال‌های اخیر"]);
        assert!(found(Lang::En, "Azerbaijan bought drones from Turkey.").is_empty());
        assert_eq!(found(Lang::En, "Ethiopia signed it on Jan. 1 with Somaliland."), ["on Jan. 1"]);
    }

    #[test]
    fn ranges_of_years() {
        assert_eq!(found(Lang::En, "India bought 36% of its arms in 2020-2024 from Russia."), ["in 2020-2024"]);
        assert_eq!(found(Lang::Ar, "واشترت أذربيجان خلال الفترة 2017-2021 أسلحة."), ["خلال الفترة 2017-2021"]);
        assert_eq!(found(Lang::Fa, "باکو در سال‌های ۲۰۱۷ تا ۲۰۲۱ سلاح خرید."), ["در سال‌های ۲۰۱۷ تا ۲۰۲۱"]);
        assert_eq!(found(Lang::Ar, "وخاض البلدان بين عامي 1998 و2000 حربا."), ["بين عامي 1998 و2000"]);
    }
}
