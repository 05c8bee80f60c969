//! Phrases that point back at countries named earlier in the article: "البلدين", "دو کشور",
//! "both countries" (the last two), "الدول الثلاث" (the last three), "این کشور" (the last one); and
//! at people: "الوزيران", "the two ministers", "سه وزیر" (the last two or three people named); and
//! "بلاده", "کشورش", "his country": the state of the speaker or official named before it; and
//! "المملكة", "the Kingdom": the kingdom the article talks about most; "الوفد", "the delegation": the
//! person named as the delegation's head; "the two companies": the last two companies; and "the system", "هذه
//! المنظومة", "این پهپادها", and a pronoun after a verb of arms ("used them"): the weapon system named last.
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
    target: Target,
    /// The phrase names capitals ("the two capitals", "دو پایتخت"): only states named by their capital count.
    capitals: bool,
    /// The words of the phrase that refer (a pronoun: "used [them]", "[the two] are"), or the whole phrase.
    pronoun: Option<std::ops::Range<usize>>,
    /// The gazetteer id "our country" means where no speaker is named (`default` column).
    default: Option<String>,
}

/// What a back-reference stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The states (or people) named before it: "both countries", "the two ministers".
    Named,
    /// The state of the person or body named before it in the sentence: "بلاده", "his country".
    Speaker,
    /// The kingdom the article names most: "المملكة", "the Kingdom".
    Kingdom,
    /// "Our country": the speaker's state, else the language's default (Persian agencies' "کشورمان": Iran).
    Ours,
    /// The weapon system named last, in this or the two sentences before: "the system", "هذه المنظومة",
    /// "این پهپادها".
    Weapon,
    /// The armed group, party or movement named last, in this or the two sentences before: "الحزب", "the
    /// group", "این گروه".
    Group,
    /// The two companies named last, in this or the two sentences before: "the two companies", "الشركتان", "دو شرکت".
    Companies,
    /// The head of the delegation named last ("… وفد برئاسة خالد الفالح، واستقبل الشرع الوفد"): "الوفد",
    /// "the delegation".
    Delegation,
}

/// The word an English possessive is of: "island's" → "island".
fn possessive_of(key: &str) -> Option<&str> {
    key.strip_suffix("'s").or_else(|| key.strip_suffix("’s"))
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
    pub target: Target,
    /// The gazetteer id the phrase means where nothing in the text decides.
    pub default: Option<String>,
    /// Arabic proclitic letters on its first word ("ل" of "للمملكة").
    pub proclitic: String,
    /// It names capitals: "Dar thanked Ankara and Baku … during Pakistan's conflict with India, when both capitals …"
    /// means Ankara and Baku.
    pub capitals: bool,
}

/// Words that make a back-reference name capitals (folded).
const CAPITAL_WORDS: &[&str] = &["capitals", "العاصمتين", "العاصمتان", "العواصم", "پايتخت"];

impl CorefLexicon {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<CorefLexicon, DataError> {
        let mut lexicon = CorefLexicon::default();
        for (_, row) in lexicon_rows(lexicon_dir, "coreference.tsv", &["kind", "forms"], problems)? {
            let (count, people, target) = match row.get("kind") {
                "country" => (1, false, Target::Named),
                "pair" => (2, false, Target::Named),
                "triple" => (3, false, Target::Named),
                "own-country" => (1, false, Target::Speaker),
                "kingdom" => (1, false, Target::Kingdom),
                "our-country" => (1, false, Target::Ours),
                "weapon" | "weapon-pronoun" => (1, false, Target::Weapon),
                "delegation" => (1, true, Target::Delegation),
                "group" => (1, false, Target::Group),
                "person" => (1, true, Target::Named),
                "people-pair" => (2, true, Target::Named),
                "people-triple" => (3, true, Target::Named),
                "company-pair" => (2, false, Target::Companies),
                other => {
                    problems.push(row.problem(format!("unknown kind `{other}` (country, pair, triple, own-country, our-country, kingdom, weapon, weapon-pronoun, group, delegation, person, people-pair, people-triple, company-pair)")));
                    continue;
                }
            };
            for form in row.list("forms") {
                // "used [them]": only the bracketed pronoun refers, the verb stays a word the rules read
                let words: Vec<&str> = form.split_whitespace().collect();
                let pronoun = words.iter().position(|w| w.starts_with('[')).map(|s| s..s + 1 + words[s..].iter().position(|w| w.ends_with(']')).unwrap_or(words.len()));
                if row.get("kind") == "weapon-pronoun" && pronoun.is_none() {
                    problems.push(row.problem(format!("`{form}`: a weapon-pronoun form brackets its pronoun")));
                    continue;
                }
                let keys = name_keys(&form.replace(['[', ']'], ""));
                if pronoun.as_ref().is_some_and(|p| p.end > keys.len() || keys.len() != words.len()) {
                    problems.push(row.problem(format!("`{form}`: the bracketed pronoun must be one of its words")));
                    continue;
                }
                let default = Some(row.get("default")).filter(|d| !d.is_empty()).map(str::to_string);
                let capitals = keys.iter().any(|k| CAPITAL_WORDS.contains(&k.as_str()));
                lexicon.phrases.push(Phrase { keys, count, people, target, capitals, pronoun, default });
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
                    && p.keys[1..].iter().zip(&tokens[i + 1..end]).enumerate().all(|(n, (k, t))| *k == t.key || n + 2 == p.keys.len() && possessive_of(&t.key) == Some(k.as_str()))
            });
            match hit {
                Some(p) => {
                    let tokens = p.pronoun.as_ref().map_or(i..i + p.keys.len(), |k| i + k.start..i + k.end);
                    let proclitic = if p.pronoun.is_none() { variants.iter().find(|v| v.key == p.keys[0]).map(|v| v.proclitic.clone()).unwrap_or_default() } else { String::new() };
                    out.push(BackReference { tokens, count: p.count, people: p.people, target: p.target, default: p.default.clone(), proclitic, capitals: p.capitals });
                    i += p.keys.len();
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

    fn lexicon(rows: &str) -> (CorefLexicon, Vec<RowProblem>) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("en")).unwrap();
        std::fs::write(dir.path().join("en").join("coreference.tsv"), format!("kind\tforms\n{rows}")).unwrap();
        let mut problems = Vec::new();
        let lexicon = CorefLexicon::load(dir.path(), &mut problems).unwrap();
        (lexicon, problems)
    }

    #[test]
    fn bracketed_words_alone_refer() {
        let (lexicon, problems) = lexicon("pair\t[the two] are|both countries\nweapon-pronoun\tused [them]\n");
        assert!(problems.is_empty(), "{problems:?}");
        let tokens = tokenize("and the two are allies; Baku used them", 0);
        let found = lexicon.find(Lang::En, &tokens, 0..tokens.len());
        let spans: Vec<String> = found.iter().map(|r| tokens[r.tokens.clone()].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ")).collect();
        assert_eq!(spans, ["the two", "them"]);
        assert_eq!(found[0].count, 2);
    }

    #[test]
    fn a_bracket_must_hold_words_of_the_form() {
        let (_, problems) = lexicon("weapon-pronoun\tused them\n");
        assert_eq!(problems.len(), 1, "{problems:?}");
    }
}
