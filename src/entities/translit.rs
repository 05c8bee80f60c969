//! English labels for people the gazetteer does not know, by the table in
//! `data/lexicon/translit.tsv` ("کریم ولی اف" → "Karim Valiyev"). Such a label is a stand-in until
//! someone adds the person to the gazetteer; the original spelling is kept as the entity's name.
//!
//! The table's kinds (see its header): `word` (a whole word), `suffix` (a name ending; `_` stands for
//! the space before a separate last word: "ولی اف"), `prefix`, `initial` and `final` (letters at a
//! word's edges), `digraph`, `letter`. Short vowels are not written in Arabic script, so "a" is put
//! between consonants that come before a word's first vowel (حسن → hsn → Hasan).

use std::path::Path;

use crate::data::{DataError, RowProblem, read_table};
use crate::text::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Suffix,
    Prefix,
    Initial,
    Final,
    Digraph,
    Letter,
}

#[derive(Debug, Clone)]
struct Rule {
    lang: Lang,
    kind: Kind,
    from: Vec<char>,
    /// Empty when the letter is dropped (written `-` in the table).
    to: String,
}

#[derive(Debug, Default, Clone)]
pub struct Transliterator {
    /// Longest `from` first within each kind.
    rules: Vec<Rule>,
}

impl Transliterator {
    pub fn load(path: &Path, problems: &mut Vec<RowProblem>) -> Result<Transliterator, DataError> {
        let mut t = Transliterator::default();
        if !path.exists() {
            return Ok(t);
        }
        let table = read_table(path, &["script", "kind", "from"])?;
        problems.extend(table.problems);
        for row in table.rows {
            let Some(lang) = Lang::from_code(row.get("script")).filter(|l| *l != Lang::En) else {
                problems.push(row.problem(format!("unknown script `{}` (ar, fa)", row.get("script"))));
                continue;
            };
            let kind = match row.get("kind") {
                "word" => Kind::Word,
                "suffix" => Kind::Suffix,
                "prefix" => Kind::Prefix,
                "initial" => Kind::Initial,
                "final" => Kind::Final,
                "digraph" => Kind::Digraph,
                "letter" => Kind::Letter,
                other => {
                    problems.push(row.problem(format!("unknown kind `{other}`")));
                    continue;
                }
            };
            let to = match row.get("to") {
                "-" => String::new(),
                to => to.to_string(),
            };
            t.rules.push(Rule { lang, kind, from: row.get("from").chars().collect(), to });
        }
        t.rules.sort_by(|a, b| b.from.len().cmp(&a.from.len()));
        Ok(t)
    }

    fn rules(&self, lang: Lang, kind: Kind) -> impl Iterator<Item = &Rule> {
        self.rules.iter().filter(move |r| r.lang == lang && r.kind == kind)
    }

    /// A Latin rendering of `name`, each word capitalised.
    pub fn to_latin(&self, lang: Lang, name: &str) -> String {
        let cleaned: String = name
            .chars()
            .filter(|c| !unicode_normalization::char::is_combining_mark(*c) && *c != '\u{0640}' && !crate::text::normalize::is_quote(*c))
            .map(|c| if c == '\u{200C}' { ' ' } else { c })
            .collect();
        let words: Vec<Vec<char>> = cleaned.split_whitespace().map(|w| w.chars().collect()).collect();
        let mut out: Vec<String> = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let word = &words[i];
            // a word with no Arabic letters is already Latin ("Selçuk Bayraktaroğlu" keeps its letters)
            if !word.iter().any(|&c| crate::text::normalize::is_arabic_script(c)) {
                out.push(word.iter().collect());
                i += 1;
                continue;
            }
            // an ending written as a word of its own: "ولی اف" → "Vali" + "yev"
            let joined = words.get(i + 1).and_then(|next| {
                self.rules(lang, Kind::Suffix).find_map(|r| {
                    let split = r.from.iter().position(|&c| c == '_')?;
                    let (end_of_word, next_word) = (&r.from[..split], &r.from[split + 1..]);
                    (next == next_word && word.len() > end_of_word.len() && word.ends_with(end_of_word))
                        .then(|| format!("{}{}", self.stem(lang, &word[..word.len() - end_of_word.len()]), r.to))
                })
            });
            match joined {
                Some(w) => {
                    out.push(w);
                    i += 2;
                }
                None => {
                    out.push(self.word(lang, word));
                    i += 1;
                }
            }
        }
        out.iter().filter(|w| !w.is_empty()).map(|w| capitalise(w)).collect::<Vec<_>>().join(" ")
    }

    fn word(&self, lang: Lang, word: &[char]) -> String {
        if let Some(r) = self.rules(lang, Kind::Word).find(|r| r.from == word) {
            return r.to.clone();
        }
        if let Some(r) = self.rules(lang, Kind::Suffix).find(|r| !r.from.contains(&'_') && word.len() > r.from.len() + 1 && word.ends_with(&r.from)) {
            return format!("{}{}", self.word_without_suffix(lang, &word[..word.len() - r.from.len()]), r.to);
        }
        self.word_without_suffix(lang, word)
    }

    fn word_without_suffix(&self, lang: Lang, word: &[char]) -> String {
        match self.rules(lang, Kind::Prefix).find(|r| word.len() > r.from.len() + 1 && word.starts_with(&r.from)) {
            Some(r) => format!("{}{}", r.to, self.stem(lang, &word[r.from.len()..])),
            None => self.stem(lang, word),
        }
    }

    /// Letters to Latin units, then "a" between the consonants before the first vowel.
    fn stem(&self, lang: Lang, chars: &[char]) -> String {
        let mut units: Vec<String> = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let rest = &chars[i..];
            let rule = if i == 0 { self.rules(lang, Kind::Initial).find(|r| rest.starts_with(&r.from)) } else { None }
                .or_else(|| self.rules(lang, Kind::Final).find(|r| rest == r.from.as_slice()))
                .or_else(|| self.rules(lang, Kind::Digraph).find(|r| rest.starts_with(&r.from)))
                .or_else(|| self.rules(lang, Kind::Letter).find(|r| rest.starts_with(&r.from)));
            match rule {
                Some(r) => {
                    if !r.to.is_empty() {
                        units.push(r.to.to_lowercase());
                    }
                    i += r.from.len();
                }
                None => {
                    // (digits and hyphens stay: "مهاجر-۲" is "Mahajr-2")
                    let c = chars[i];
                    if c.is_ascii_alphanumeric() || c == '-' {
                        units.push(c.to_ascii_lowercase().to_string());
                    } else if let Some(d) = crate::text::normalize::digit_value(c) {
                        units.push(d.to_string());
                    }
                    i += 1;
                }
            }
        }
        let has_vowel = |u: &str| u.chars().any(|c| "aeiou".contains(c));
        let first_vowel = units.iter().position(|u| has_vowel(u)).unwrap_or(units.len());
        let mut out = String::new();
        for (k, u) in units.iter().enumerate() {
            if k > 0 && k <= first_vowel && k < units.len() && !has_vowel(&units[k - 1]) && !has_vowel(u) {
                out.push('a');
            }
            out.push_str(u);
        }
        out
    }
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> Transliterator {
        let repo_table = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/lexicon/translit.tsv");
        let mut problems = Vec::new();
        let t = Transliterator::load(&repo_table, &mut problems).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        t
    }

    #[test]
    fn press_style_names_from_persian_and_arabic() {
        let t = table();
        assert_eq!(t.to_latin(Lang::Fa, "کریم ولی اف"), "Karim Valiyev");
        assert_eq!(t.to_latin(Lang::Ar, "إلهام علييف"), "Ilham Aliyev");
        assert_eq!(t.to_latin(Lang::Ar, "حسنوف"), "Hasanov");
        // a doubled vav is a vowel and a consonant ("نوویو" Novillo), after alef the other way round
        assert_eq!(t.to_latin(Lang::Fa, "ادموندو نوویو"), "Edmundu Novyu");
        assert_eq!(t.to_latin(Lang::Fa, "داوود"), "Davud");
        // (a system's number stays)
        assert_eq!(t.to_latin(Lang::Fa, "مهاجر-۲"), "Mahajr-2");
    }

    #[test]
    fn guillemets_and_latin_words_pass() {
        let t = table();
        assert_eq!(t.to_latin(Lang::Fa, "«کریم ولی اف»"), "Karim Valiyev");
        assert_eq!(t.to_latin(Lang::Fa, "Modern.az"), "Modern.az");
    }
}
