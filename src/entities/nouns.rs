//! Nouns that introduce a name the gazetteer may not know: weapon nouns ("PULS rocket artillery
//! systems", "منظومة سبايدر", "پهپاد «آکینجی»"; `data/lexicon/<lang>/weapon-nouns.tsv`) and company
//! nouns ("defence firm ASFAT", "شركة «ستار»", "شرکت صنایع هوایی"; `company-nouns.tsv`).

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use super::affixes::prefix_variants;
use super::index::name_keys;
use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::text::lang::Lang;
use crate::text::token::Token;

/// The most words a name introduced by a noun may have ("Spike NLOS", "JF-17C Block III").
pub const NAME_MAX_WORDS: usize = 4;

/// The introducing nouns of one kind of thing, per language.
#[derive(Debug, Default, Clone)]
pub struct KindNouns {
    /// Per language, the nouns' token keys, longest first.
    nouns: HashMap<Lang, Vec<Vec<String>>>,
}

impl KindNouns {
    /// Loads `<lang>/<file>` of every language (columns `kind`, `forms`).
    pub fn load(lexicon_dir: &Path, file: &str, problems: &mut Vec<RowProblem>) -> Result<KindNouns, DataError> {
        let mut w = KindNouns::default();
        for (lang, row) in lexicon_rows(lexicon_dir, file, &["kind", "forms"], problems)? {
            w.nouns.entry(lang).or_default().extend(row.list("forms").into_iter().map(name_keys).filter(|k| !k.is_empty()));
        }
        for list in w.nouns.values_mut() {
            list.sort_by(|a, b| b.len().cmp(&a.len()));
        }
        Ok(w)
    }

    /// The nouns in `tokens[range]`, longest at each position, not overlapping.
    pub fn find(&self, lang: Lang, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
        let Some(nouns) = self.nouns.get(&lang) else { return Vec::new() };
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let variants = prefix_variants(lang, &tokens[i].key);
            let hit = nouns.iter().find(|keys| {
                let end = i + keys.len();
                end <= range.end && variants.iter().any(|v| v.key == keys[0]) && keys[1..].iter().zip(&tokens[i + 1..end]).all(|(k, t)| *k == t.key)
            });
            match hit {
                Some(keys) => {
                    out.push(i..i + keys.len());
                    i += keys.len();
                }
                None => i += 1,
            }
        }
        out
    }
}
