//! Weapon systems the gazetteer does not know, recognised by the noun that introduces them:
//! "PULS rocket artillery systems", "SPYDER air defense system", "منظومة سبايدر", "سامانه آکاش",
//! "پهپاد «آکینجی»". The nouns are in `data/lexicon/<lang>/weapon-nouns.tsv`. English puts the name
//! before the noun, Arabic and Persian after it.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use super::affixes::prefix_variants;
use super::index::name_keys;
use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::text::lang::Lang;
use crate::text::token::Token;

/// The most words a discovered weapon name may have ("Spike NLOS", "JF-17C Block III").
pub const NAME_MAX_WORDS: usize = 4;

#[derive(Debug, Default, Clone)]
pub struct WeaponNouns {
    /// Per language, the nouns' token keys, longest first.
    nouns: HashMap<Lang, Vec<Vec<String>>>,
}

impl WeaponNouns {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<WeaponNouns, DataError> {
        let mut w = WeaponNouns::default();
        for (lang, row) in lexicon_rows(lexicon_dir, "weapon-nouns.tsv", &["kind", "forms"], problems)? {
            w.nouns.entry(lang).or_default().extend(row.list("forms").into_iter().map(name_keys).filter(|k| !k.is_empty()));
        }
        for list in w.nouns.values_mut() {
            list.sort_by(|a, b| b.len().cmp(&a.len()));
        }
        Ok(w)
    }

    /// The weapon nouns in `tokens[range]`, longest at each position, not overlapping.
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
