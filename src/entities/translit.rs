//! English labels for people the gazetteer does not know, by a letter table
//! (`data/lexicon/translit.tsv`): "یوآف جالانت" → "Yoav Jalant". Such a label is a stand-in until
//! someone adds the person to the gazetteer; the original spelling is kept as the entity's name.

use std::path::Path;

use crate::data::{DataError, RowProblem, read_table};
use crate::text::lang::Lang;

#[derive(Debug, Clone)]
struct Rule {
    from: Vec<char>,
    to: String,
}

#[derive(Debug, Default, Clone)]
pub struct Transliterator {
    /// Letter rules per script (ar, fa), longest `from` first.
    letters: Vec<(Lang, Rule)>,
    /// Word-ending rules ("اف" → "ov"), longest first.
    suffixes: Vec<(Lang, Rule)>,
}

impl Transliterator {
    pub fn load(path: &Path, problems: &mut Vec<RowProblem>) -> Result<Transliterator, DataError> {
        let mut t = Transliterator::default();
        if !path.exists() {
            return Ok(t);
        }
        let table = read_table(path, &["script", "from"])?;
        problems.extend(table.problems);
        for row in table.rows {
            let Some(lang) = Lang::from_code(row.get("script")).filter(|l| *l != Lang::En) else {
                problems.push(row.problem(format!("unknown script `{}` (ar, fa)", row.get("script"))));
                continue;
            };
            let rule = Rule { from: row.get("from").chars().collect(), to: row.get("to").to_string() };
            match row.get("kind") {
                "suffix" => t.suffixes.push((lang, rule)),
                "" | "letter" | "digraph" => t.letters.push((lang, rule)),
                other => problems.push(row.problem(format!("unknown kind `{other}` (letter, suffix)"))),
            }
        }
        t.letters.sort_by(|a, b| b.1.from.len().cmp(&a.1.from.len()));
        t.suffixes.sort_by(|a, b| b.1.from.len().cmp(&a.1.from.len()));
        Ok(t)
    }

    /// A Latin rendering of `name`, each word capitalised.
    pub fn to_latin(&self, lang: Lang, name: &str) -> String {
        let words: Vec<String> = name
            .split(|c: char| c.is_whitespace() || c == '\u{200C}')
            .filter(|w| !w.is_empty())
            .map(|w| capitalise(&self.word(lang, w)))
            .filter(|w| !w.is_empty())
            .collect();
        words.join(" ")
    }

    fn word(&self, lang: Lang, word: &str) -> String {
        if word.is_ascii() {
            return word.to_string();
        }
        let chars: Vec<char> = word.chars().filter(|c| !crate::text::normalize::is_quote(*c)).collect();
        let suffix = self.suffixes.iter().filter(|(l, _)| *l == lang).find(|(_, r)| chars.len() > r.from.len() + 1 && chars.ends_with(&r.from));
        let (stem, ending) = match suffix {
            Some((_, r)) => (&chars[..chars.len() - r.from.len()], r.to.as_str()),
            None => (&chars[..], ""),
        };
        let mut out = String::new();
        let mut i = 0;
        while i < stem.len() {
            let at_start = i == 0;
            let rule = self.letters.iter().filter(|(l, _)| *l == lang).find(|(_, r)| {
                let initial = r.from.first() == Some(&'^');
                let from = if initial { &r.from[1..] } else { &r.from[..] };
                (!initial || at_start) && !from.is_empty() && stem[i..].starts_with(from)
            });
            match rule {
                Some((_, r)) => {
                    out.push_str(&r.to);
                    i += r.from.len() - usize::from(r.from.first() == Some(&'^'));
                }
                None => {
                    if stem[i].is_ascii_alphanumeric() {
                        out.push(stem[i]);
                    }
                    i += 1;
                }
            }
        }
        out.push_str(ending);
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
        let text = "script\tfrom\tto\tkind\nar\tي\ty\tletter\nar\tو\tv\tletter\nar\tآ\ta\tletter\nar\tف\tf\tletter\nar\tج\tj\tletter\nar\tا\ta\tletter\nar\tل\tl\tletter\nar\tن\tn\tletter\nar\tت\tt\tletter\nar\tوف\tov\tsuffix\nar\tح\th\tletter\nar\tس\ts\tletter\n";
        let table = crate::data::parse_table(Path::new("t.tsv"), text, &["script", "from"]).unwrap();
        let mut problems = Vec::new();
        let dir = std::env::temp_dir().join(format!("khabar-translit-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("translit.tsv");
        std::fs::write(&path, text).unwrap();
        let t = Transliterator::load(&path, &mut problems).unwrap();
        assert!(problems.is_empty() && table.problems.is_empty());
        t
    }

    #[test]
    fn letters_and_name_endings() {
        let t = table();
        assert_eq!(t.to_latin(Lang::Ar, "يوآف جالانت"), "Yvaf Jalant");
        assert_eq!(t.to_latin(Lang::Ar, "حسنوف"), "Hsnov");
    }
}
