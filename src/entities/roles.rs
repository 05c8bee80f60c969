//! Offices that introduce people in news style ("وزير الدفاع الإسرائيلي يوآف جالانت", "Israeli defence
//! minister Yoav Gallant", "«کریم ولی اف» معاون اول وزیر دفاع"), loaded from
//! `data/lexicon/<lang>/roles.tsv`, and the function words that end a name
//! (`data/lexicon/<lang>/stopwords.txt`).

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::Path;

use super::affixes::prefix_variants;
use super::index::name_keys;
use crate::data::{DataError, RowProblem, read_table};
use crate::text::lang::Lang;
use crate::text::normalize::fold;
use crate::text::token::{Token, TokenKind};

#[derive(Debug, Clone)]
struct RoleForm {
    keys: Vec<String>,
    role: String,
    org: Option<String>,
    office: OfficeKind,
}

/// Whether a role makes its holder an official (the `office` column of roles.tsv).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OfficeKind {
    /// An office: `officialOf` the state named, or the one the gazetteer knows for the person.
    Office,
    /// A military rank: `officialOf` only when the text names the state.
    Stated,
    /// A bare head ("chief", "رئيس"): like `Stated`, an office only with the body it heads named ("MIT chief …",
    /// "رئيس المجلس الأوروبي …"); an intelligence agency's head is the agency's official, not his state's.
    HeadOfBody,
    /// Not an office (an analyst): it only introduces the person.
    None,
}

/// Arabic possessive pronoun suffixes, longest first.
const ARABIC_POSSESSIVES: &[&str] = &["هما", "ها", "هم", "ه"];

/// An office named in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleMatch {
    pub tokens: Range<usize>,
    pub role: String,
    /// The gazetteer id of the body the office belongs to, when the lexicon says.
    pub org: Option<String>,
    /// Proclitic letters on the first word ("و" of "ووزير").
    pub proclitic: String,
    pub office: OfficeKind,
}

#[derive(Debug, Default, Clone)]
pub struct RoleLexicon {
    by_first: HashMap<String, Vec<RoleForm>>,
    stopwords: HashMap<Lang, HashSet<String>>,
    /// Every word of every office phrase ("ستاد", "کل", "الدفاع").
    vocabulary: HashSet<String>,
    /// Frequent words of each language (`common-words.txt`): a name needs a word that is not one.
    common: HashMap<Lang, HashSet<String>>,
    /// Frequent given names (given-names.txt): a name that starts with one is a name even when
    /// its words are common ones ("محمد زكي").
    given: HashMap<Lang, HashSet<String>>,
    /// The roles (English names, lower case) of the professions: office kind `no`.
    professions: HashSet<String>,
    /// Family names written before the given name (`family-first.txt`: Chinese, Korean): "Zhang" alone
    /// later is "Zhang Baoqun".
    family_first: HashMap<Lang, HashSet<String>>,
    /// Words after which capitalised names are people (`name-cues.txt`): "arrested Olimpi Toirovich, …".
    name_cues: HashMap<Lang, HashSet<String>>,
}

/// Words that link an office to its state: "minister of defence of Azerbaijan", "و", "a senior official at
/// Israel's National Security Council".
const OFFICE_LINKS: &[&str] = &["و", "and", "of", "the", "at"];

fn read_words(path: &Path) -> Result<Vec<String>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io { path: path.into(), source })?;
    Ok(text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(fold).collect())
}

/// The words of a language's word list, where the language has one, added to its set.
fn add_words(path: &Path, lang: Lang, sets: &mut HashMap<Lang, HashSet<String>>) -> Result<(), DataError> {
    if path.exists() {
        sets.entry(lang).or_default().extend(read_words(path)?);
    }
    Ok(())
}

impl RoleLexicon {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<RoleLexicon, DataError> {
        let mut lexicon = RoleLexicon::default();
        for lang in Lang::ALL {
            let dir = lexicon_dir.join(lang.code());
            let roles = dir.join("roles.tsv");
            if roles.exists() {
                let table = read_table(&roles, &["role", "forms"])?;
                problems.extend(table.problems);
                for row in table.rows {
                    let org = Some(row.get("org").to_string()).filter(|s| !s.is_empty());
                    let office = match row.get("office") {
                        "no" => OfficeKind::None,
                        "stated" => OfficeKind::Stated,
                        "head" => OfficeKind::HeadOfBody,
                        "" | "yes" => OfficeKind::Office,
                        // words that may stand inside an office phrase without being an office
                        // ("وزیر دفاع دولت انتقالی سوریه", "the interim government's defence minister")
                        "filler" => {
                            lexicon.vocabulary.extend(row.list("forms").into_iter().flat_map(name_keys));
                            continue;
                        }
                        other => {
                            problems.push(row.problem(format!("unknown office kind `{other}` (empty, stated, no, filler)")));
                            continue;
                        }
                    };
                    if office == OfficeKind::None && !row.list("forms").is_empty() {
                        lexicon.professions.insert(row.get("role").to_lowercase());
                    }
                    for form in row.list("forms") {
                        lexicon.add_role(form, row.get("role"), org.clone(), office);
                    }
                }
            }
            add_words(&dir.join("stopwords.txt"), lang, &mut lexicon.stopwords)?;
            add_words(&dir.join("common-words.txt"), lang, &mut lexicon.common)?;
            add_words(&dir.join("name-cues.txt"), lang, &mut lexicon.name_cues)?;
            add_words(&dir.join("family-first.txt"), lang, &mut lexicon.family_first)?;
            let given = dir.join("given-names.txt");
            if given.exists() {
                lexicon.given.entry(lang).or_default().extend(read_words(&given)?.into_iter().flat_map(|w| name_keys(&w)));
            }
        }
        Ok(lexicon)
    }

    pub fn add(&mut self, form: &str, role: &str, org: Option<String>) {
        self.add_role(form, role, org, OfficeKind::Office);
    }

    fn add_role(&mut self, form: &str, role: &str, org: Option<String>, office: OfficeKind) {
        let keys = name_keys(form);
        self.vocabulary.extend(keys.iter().cloned());
        if let Some(first) = keys.first() {
            self.by_first.entry(first.clone()).or_default().push(RoleForm { keys, role: role.to_string(), org, office });
        }
    }

    pub fn add_stopword(&mut self, lang: Lang, word: &str) {
        self.stopwords.entry(lang).or_default().insert(fold(word));
    }

    /// Whether a token key is a function word of `lang` (with Arabic proclitics stripped).
    pub fn is_stopword(&self, lang: Lang, key: &str) -> bool {
        let Some(words) = self.stopwords.get(&lang) else { return false };
        // (an Arabic verb in the future, "سيزور", is the verb "يزور")
        let future = (lang == Lang::Ar).then(|| key.strip_prefix('س')).flatten().filter(|r| r.chars().count() >= 3 && r.starts_with(['ي', 'ت', 'ن', 'ا']));
        prefix_variants(lang, key).iter().any(|v| words.contains(&v.key)) || future.is_some_and(|r| words.contains(r)) || self.role_word(key)
    }

    /// Whether a word may stand between an office and the state it belongs to: a function word or
    /// a word of some office title ("وزیر دفاع ملی ترکیه", "رئیس ستاد کل ارتش جمهوری آذربایجان").
    pub fn is_office_filler(&self, lang: Lang, key: &str) -> bool {
        OFFICE_LINKS.contains(&key) || prefix_variants(lang, key).iter().any(|v| self.vocabulary.contains(&v.key))
    }

    /// Whether a role (English name, as in the gazetteer's `role` column) is a profession, not an
    /// office: "Military Analyst", "Journalist".
    pub fn is_profession(&self, role: &str) -> bool {
        self.professions.contains(&role.to_lowercase())
    }

    /// The lexicon's office for a gazetteer role written in English ("Minister of Foreign Affairs" →
    /// "Foreign Minister"), when one English form spans all of it.
    pub fn canonical(&self, role: &str) -> Option<String> {
        let tokens = crate::text::token::tokenize(role, 0);
        self.find(Lang::En, &tokens, 0..tokens.len()).into_iter().find(|r| r.tokens == (0..tokens.len())).map(|r| r.role)
    }

    /// Whether a word is a frequent given name of the language (for Persian, also an Arabic one: the Persian press
    /// names Arab officials, "اسعد حسن الشیبانی").
    pub fn is_given_name(&self, lang: Lang, key: &str) -> bool {
        let of = |l: Lang| self.given.get(&l).is_some_and(|names| prefix_variants(lang, key).iter().any(|v| names.contains(&v.key)));
        of(lang) || lang == Lang::Fa && of(Lang::Ar)
    }

    /// Whether a word is followed by the names of people (`name-cues.txt`: "arrested", "detained").
    pub fn is_name_cue(&self, lang: Lang, key: &str) -> bool {
        self.name_cues.get(&lang).is_some_and(|words| words.contains(key))
    }

    /// Whether a name's first word is a family name that comes first (`family-first.txt`).
    pub fn is_family_first(&self, lang: Lang, word: &str) -> bool {
        self.family_first.get(&lang).is_some_and(|names| names.contains(&fold(word)))
    }

    /// Whether a word is among the language's frequent words (Arabic proclitics stripped).
    pub fn is_common(&self, lang: Lang, key: &str) -> bool {
        let known = |key: &str| self.common.get(&lang).is_some_and(|words| prefix_variants(lang, key).iter().any(|v| words.contains(&v.key)));
        // (an Arabic word with a possessive pronoun is as common as the word: "اعتماده", "قواتها")
        // (ة before the suffix is written ت: "موثوقيتها" is "موثوقية" with "ها")
        let stem = (lang == Lang::Ar).then(|| ARABIC_POSSESSIVES.iter().find_map(|p| key.strip_suffix(p)).filter(|s| s.chars().count() >= 4)).flatten();
        let marbuta = stem.and_then(|s| s.strip_suffix('ت')).map(|s| format!("{s}ه"));
        // (…and a past verb of two or more as its singular: "اتفقا", "بحثوا")
        let dual_or_plural = (lang == Lang::Ar).then(|| key.strip_suffix("وا").or_else(|| key.strip_suffix('ا'))).flatten().filter(|s| s.chars().count() >= 3);
        known(key) || stem.is_some_and(known) || marbuta.is_some_and(|s| known(&s)) || dual_or_plural.is_some_and(known)
    }

    /// Whether a word starts some office ("وزير", "رئيس"): such a word does not belong to a name.
    fn role_word(&self, key: &str) -> bool {
        self.by_first.contains_key(key)
    }

    /// Where the words `keys` end when they follow from `tokens[j]`; a hyphen between them is
    /// skipped, since office forms are stored without punctuation ("director-general").
    fn match_rest(keys: &[String], tokens: &[Token], mut j: usize, end: usize) -> Option<usize> {
        // the full stop of an abbreviated rank is read past: "Brig. Gen. Mahmoud Rahimi"
        let abbreviation_stop = |j: usize| j < end && tokens[j].key == "." && tokens[j].glued;
        for k in keys {
            if j + 1 < end && (tokens[j].key == "-" && tokens[j].kind == TokenKind::Punct || abbreviation_stop(j)) {
                j += 1;
            }
            if j >= end || tokens[j].key != *k {
                return None;
            }
            j += 1;
        }
        if abbreviation_stop(j) && j + 1 < end {
            j += 1;
        }
        Some(j)
    }

    /// The offices named in `tokens[range]`, longest first at each position, not overlapping.
    pub fn find(&self, lang: Lang, tokens: &[Token], range: Range<usize>) -> Vec<RoleMatch> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            // (with the length of the word's part the form matched: of two forms as long, the one that keeps more of
            // the word wins, "والرئيس" is "و" + President, not "وال" + the bare head of a body)
            let mut best: Option<(RoleMatch, usize)> = None;
            for v in prefix_variants(lang, &tokens[i].key) {
                let kept = v.key.len();
                for form in self.by_first.get(&v.key).into_iter().flatten() {
                    let Some(end) = Self::match_rest(&form.keys[1..], tokens, i + 1, range.end) else { continue };
                    if best.as_ref().is_none_or(|(b, b_kept)| b.tokens.len() < end - i || b.tokens.len() == end - i && kept > *b_kept) {
                        best = Some((RoleMatch { tokens: i..end, role: form.role.clone(), org: form.org.clone(), proclitic: v.proclitic.clone(), office: form.office }, kept));
                    }
                }
            }
            match best.map(|(m, _)| m) {
                Some(m) => {
                    i = m.tokens.end;
                    out.push(m);
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

    #[test]
    fn longest_office_with_clitics() {
        let mut lex = RoleLexicon::default();
        lex.add("وزير الدفاع", "Defence Minister", None);
        lex.add("وزير", "Minister", None);
        lex.add("الرئيس", "President", None);
        let text = "ووزير الدفاع حسنوف وبالرئيس الأذري";
        let tokens = tokenize(text, 0);
        let found: Vec<(String, Range<usize>)> = lex.find(Lang::Ar, &tokens, 0..tokens.len()).into_iter().map(|m| (m.role, m.tokens)).collect();
        assert_eq!(found, [("Defence Minister".to_string(), 0..2), ("President".to_string(), 3..4)]);
    }

    #[test]
    fn stopwords_with_clitics() {
        let mut lex = RoleLexicon::default();
        lex.add_stopword(Lang::Ar, "إلى");
        assert!(lex.is_stopword(Lang::Ar, &fold("إلى")));
        assert!(lex.is_stopword(Lang::Ar, &fold("وإلى")));
        assert!(!lex.is_stopword(Lang::Ar, &fold("جالانت")));
    }
}
