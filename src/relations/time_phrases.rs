//! Time phrases the matcher reads past: "on Tuesday", "last month", "in recent years", "في عام 2020",
//! "يوم الاثنين", "خلال الأشهر المقبلة", "در سال‌های اخیر", "روز دوشنبه". A rule then needs no slot for
//! them between a subject and its verb ("Azerbaijan has in recent years bought …", "أعلنت أذربيجان يوم
//! الاثنين أنها اشترت …"). Loaded from `data/lexicon/<lang>/time-phrases.tsv`; in a form, `#` stands
//! for any number ("in #", "عام #").

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::entities::affixes::prefix_variants;
use crate::entities::index::name_keys;
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind};

/// The form token that stands for any number.
const NUMBER: &str = "#";

#[derive(Debug, Default, Clone)]
pub struct TimePhrases {
    /// Per language, the phrases' token keys, longest first.
    phrases: HashMap<Lang, Vec<Vec<String>>>,
}

impl TimePhrases {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<TimePhrases, DataError> {
        let mut t = TimePhrases::default();
        for (lang, row) in lexicon_rows(lexicon_dir, "time-phrases.tsv", &["kind", "forms"], problems)? {
            // (`#` is read as a number, then stands for any)
            let forms = row.list("forms").into_iter().map(|f| name_keys(&f.replace(NUMBER, " 0 ")).into_iter().map(|k| if k == "0" { NUMBER.to_string() } else { k }).collect::<Vec<String>>());
            t.phrases.entry(lang).or_default().extend(forms.filter(|k| !k.is_empty()));
        }
        for list in t.phrases.values_mut() {
            list.sort_by(|a, b| b.len().cmp(&a.len()));
        }
        Ok(t)
    }

    /// The time phrases in `tokens[range]`, longest at each position, not overlapping; a phrase set
    /// off by commas on both sides takes them along ("اشترت أذربيجان، الثلاثاء، طائرات").
    pub fn find(&self, lang: Lang, tokens: &[Token], range: Range<usize>) -> Vec<Range<usize>> {
        let Some(phrases) = self.phrases.get(&lang) else { return Vec::new() };
        let fits = |key: &str, t: &Token| if key == NUMBER { t.kind == TokenKind::Number } else { key == t.key };
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            let variants = prefix_variants(lang, &tokens[i].key);
            let hit = phrases.iter().find(|keys| {
                let end = i + keys.len();
                let first = |t: &Token| if keys[0] == NUMBER { t.kind == TokenKind::Number } else { variants.iter().any(|v| v.key == keys[0]) };
                end <= range.end && first(&tokens[i]) && keys[1..].iter().zip(&tokens[i + 1..end]).all(|(k, t)| fits(k, t))
            });
            match hit {
                Some(keys) => {
                    let mut found = i..i + keys.len();
                    let comma = |t: Option<&Token>| t.is_some_and(|t| t.key == "," || t.key == "،");
                    if found.start > range.start && comma(tokens.get(found.start - 1)) && found.end < range.end && comma(tokens.get(found.end)) {
                        found = found.start - 1..found.end + 1;
                    }
                    i = found.end;
                    out.push(found);
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

    fn phrases() -> TimePhrases {
        let mut problems = Vec::new();
        TimePhrases::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon"), &mut problems).unwrap()
    }

    fn found(lang: Lang, text: &str) -> Vec<String> {
        let tokens = tokenize(text, 0);
        phrases().find(lang, &tokens, 0..tokens.len()).into_iter().map(|r| text[tokens[r.start].start..tokens[r.end - 1].end].to_string()).collect()
    }

    #[test]
    fn time_phrases_with_numbers_and_commas() {
        assert_eq!(found(Lang::En, "Azerbaijan has in recent years bought drones in 2020."), ["in recent years", "in 2020"]);
        assert_eq!(found(Lang::Ar, "اشترت أذربيجان، الثلاثاء، طائرات مسيرة في عام 2020."), ["، الثلاثاء،", "في عام 2020"]);
        assert_eq!(found(Lang::Fa, "آذربایجان در سال‌های اخیر پهپاد خریده است."), ["در سال‌های اخیر"]);
        assert!(found(Lang::En, "Azerbaijan bought drones from Turkey.").is_empty());
    }
}
