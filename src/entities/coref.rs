//! Phrases that point back at countries named earlier in the article: "البلدين", "دو کشور",
//! "both countries" (the last two), "الدول الثلاث" (the last three), "این کشور" (the last one); and
//! at people: "الوزيران", "the two ministers", "سه وزیر" (the last two or three people named); and
//! "بلاده", "کشورش", "his country": the state of the speaker or official named before it.
//! Loaded from `data/lexicon/<lang>/coreference.tsv`.

use std::path::Path;

use super::affixes::prefix_variants;
use super::index::name_keys;
use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::text::lang::Lang;
use crate::text::token::Token;

#[derive(Debug, Clone)]
struct Phrase {
    keys: Vec<String>,
    /// How many countries (or people) the phrase stands for.
    count: usize,
    people: bool,
    own: bool,
}

#[derive(Debug, Default, Clone)]
pub struct CorefLexicon {
    phrases: Vec<Phrase>,
}

/// A back-reference found in the text: tokens and the number of countries it names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackReference {
    pub tokens: std::ops::Range<usize>,
    pub count: usize,
    /// The phrase names people ("the two ministers"), not countries.
    pub people: bool,
    /// The state of the person (or body) named before it in the sentence: "بلاده", "his country".
    pub own: bool,
}

impl CorefLexicon {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<CorefLexicon, DataError> {
        let mut lexicon = CorefLexicon::default();
        for (_, row) in lexicon_rows(lexicon_dir, "coreference.tsv", &["kind", "forms"], problems)? {
            let (count, people, own) = match row.get("kind") {
                "country" => (1, false, false),
                "pair" => (2, false, false),
                "triple" => (3, false, false),
                "own-country" => (1, false, true),
                "person" => (1, true, false),
                "people-pair" => (2, true, false),
                "people-triple" => (3, true, false),
                other => {
                    problems.push(row.problem(format!("unknown kind `{other}` (country, pair, triple, own-country, person, people-pair, people-triple)")));
                    continue;
                }
            };
            for form in row.list("forms") {
                lexicon.phrases.push(Phrase { keys: name_keys(form), count, people, own });
            }
        }
        lexicon.phrases.retain(|p| !p.keys.is_empty());
        lexicon.phrases.sort_by(|a, b| b.keys.len().cmp(&a.keys.len()));
        Ok(lexicon)
    }

    /// Back-references in `tokens[range]`, longest first at each position.
    pub fn find(&self, lang: Lang, tokens: &[Token], range: std::ops::Range<usize>) -> Vec<BackReference> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let variants = prefix_variants(lang, &tokens[i].key);
            let hit = self.phrases.iter().find(|p| {
                let end = i + p.keys.len();
                end <= range.end
                    && variants.iter().any(|v| v.key == p.keys[0])
                    && p.keys[1..].iter().zip(&tokens[i + 1..end]).all(|(k, t)| *k == t.key)
            });
            match hit {
                Some(p) => {
                    out.push(BackReference { tokens: i..i + p.keys.len(), count: p.count, people: p.people, own: p.own });
                    i += p.keys.len();
                }
                None => i += 1,
            }
        }
        out
    }
}
