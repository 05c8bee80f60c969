//! Finding gazetteer names in text.
//!
//! Names are matched as sequences of token keys, never as substrings, so "Oman" is not found in
//! "Romania" nor "Mali" in "Somalia". The first token of a name may carry Arabic proclitics, the last
//! one Persian or English suffixes (see [`super::affixes`]). Of the names starting at one token the
//! longest wins, then the one matched without stripping, then a name over an adjective.

use std::collections::HashMap;
use std::ops::Range;

use super::affixes::{Variant, arabic_nisba_forms, prefix_variants, suffix_variants};
use super::gazetteer::Gazetteer;
use super::{EntityType, Form};
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind, tokenize};

#[derive(Debug, Clone)]
struct Entry {
    keys: Vec<String>,
    entity: usize,
    form: Form,
    /// A Latin name written with a capital: it only matches capitalised text ("Turkey", not "turkey").
    capitalised: bool,
    /// A Latin acronym ("US", "UN"): it only matches the same capitals ("us" is a pronoun).
    acronym: bool,
    /// The language whose text the name is matched in; `None` (a Latin name) matches in any text, as
    /// "Modern.az" does in a Persian article. A Persian name is not looked for in Arabic text, where
    /// its folded form may be a common word (Persian «کان», KAAN, is Arabic «كان», "was").
    lang: Option<Lang>,
    /// Names of places can be turned into adjectives by a suffix ("ترکیه‌ای"); others cannot.
    place: bool,
    /// Also a common word ("مالي", financial): it names the entity only where the document names it
    /// otherwise too.
    ambiguous: bool,
}

/// Names of entities indexed by the key of their first token.
#[derive(Debug, Default, Clone)]
pub struct NameIndex {
    by_first: HashMap<String, Vec<Entry>>,
    /// The keys of every name (no adjective) → the first entity that bears it, for exact look-ups.
    by_name: HashMap<Vec<String>, usize>,
}

/// A name found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    pub entity: usize,
    pub tokens: Range<usize>,
    pub form: Form,
    /// Proclitic letters on the first token ("و", "ل", "وب").
    pub proclitic: String,
    /// Matched by a name that is also a common word (see [`NameIndex::add_ambiguous`]).
    pub ambiguous: bool,
}

/// The keys of a name: its word and number tokens (hyphens and dots are ignored: "Arrow-3" is
/// "Arrow 3").
pub fn name_keys(name: &str) -> Vec<String> {
    tokenize(name, 0).into_iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.key).collect()
}

impl NameIndex {
    pub fn build(gazetteer: &Gazetteer) -> NameIndex {
        let mut index = NameIndex::default();
        for (i, entity) in gazetteer.entities.iter().enumerate() {
            index.add_entity(i, entity);
        }
        index
    }

    pub fn add_entity(&mut self, i: usize, entity: &super::Entity) {
        let place = matches!(entity.kind, EntityType::Country | EntityType::City | EntityType::Region);
        for lang in Lang::ALL {
            for name in entity.names.get(&lang).into_iter().flatten() {
                self.by_name.entry(name_keys(name)).or_insert(i);
                self.add(i, Form::Name, name, lang, place);
            }
            for adjective in entity.adjectives.get(&lang).into_iter().flatten() {
                if lang == Lang::Ar {
                    let keys = name_keys(adjective);
                    if let Some((last, head)) = keys.split_last() {
                        // (the indefinite accusative, "وفداً عسكرياً بنغلاديشياً", unless it is the state's own name:
                        // "تركيا", "روسيا")
                        let names: Vec<Vec<String>> = entity.names.get(&lang).into_iter().flatten().map(|n| name_keys(n)).collect();
                        let accusative = last.ends_with('ي').then(|| format!("{last}ا"));
                        for form in arabic_nisba_forms(last).into_iter().chain(accusative) {
                            if form.ends_with("يا") && names.iter().any(|n| n.len() == 1 && n[0] == form) {
                                continue;
                            }
                            let mut k = head.to_vec();
                            k.push(form);
                            self.add_keys(Entry { keys: k, entity: i, form: Form::Adjective, capitalised: false, acronym: false, lang: Some(lang), place, ambiguous: false });
                        }
                    }
                } else {
                    self.add(i, Form::Adjective, adjective, lang, place);
                }
            }
        }
    }

    /// A name of `entity` that is also a common word of `lang` ("مالي", financial; "چاد"): found like
    /// any name, but marked, for the caller to keep only where the document names the entity otherwise.
    pub fn add_ambiguous(&mut self, entity: usize, name: &str, lang: Lang, place: bool) {
        self.add_entry(entity, Form::Name, name, lang, place, true);
    }

    fn add(&mut self, entity: usize, form: Form, name: &str, lang: Lang, place: bool) {
        self.add_entry(entity, form, name, lang, place, false);
    }

    fn add_entry(&mut self, entity: usize, form: Form, name: &str, lang: Lang, place: bool, ambiguous: bool) {
        let latin = name.chars().any(|c| c.is_ascii_alphabetic()) && !name.chars().any(crate::text::normalize::is_arabic_script);
        let capitalised = latin && name.chars().next().is_some_and(char::is_uppercase);
        let acronym = latin && name.chars().count() <= 5 && name.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        let lang = (!latin).then_some(lang);
        let keys = name_keys(name);
        if keys.len() > 1 && !latin {
            // Persian and Arabic compounds are written joined, with ZWNJ, or apart: "قره‌باغ", "قره باغ"
            self.add_keys(Entry { keys: vec![keys.concat()], entity, form, capitalised: false, acronym: false, lang, place, ambiguous });
            // …and so is a model's letter after its number: "اچ‌کیو-9 بی" is also "اچ‌کیو-۹بی"
            if let [head @ .., number, letter] = &keys[..] {
                if number.chars().all(|c| c.is_ascii_digit()) && letter.chars().count() <= 3 && letter.chars().all(crate::text::normalize::is_arabic_script) {
                    let mut glued = head.to_vec();
                    glued.push(format!("{number}{letter}"));
                    self.add_keys(Entry { keys: glued, entity, form, capitalised: false, acronym: false, lang, place, ambiguous });
                }
            }
        }
        self.add_keys(Entry { keys, entity, form, capitalised, acronym, lang, place, ambiguous });
    }

    fn add_keys(&mut self, entry: Entry) {
        let Some(first) = entry.keys.first() else { return };
        let entries = self.by_first.entry(first.clone()).or_default();
        if !entries.iter().any(|e| e.keys == entry.keys && e.entity == entry.entity && e.form == entry.form && e.lang == entry.lang) {
            entries.push(entry);
        }
    }

    /// The entity one of whose names is exactly `name` (compared by keys: "Arrow-3" is "Arrow 3"), the first
    /// one where several bear it.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.by_name.get(&name_keys(name)).copied()
    }

    /// The names in `tokens[range]`, left to right, not overlapping.
    pub fn find(&self, text: &str, lang: Lang, tokens: &[Token], range: Range<usize>) -> Vec<NameMatch> {
        let mut out = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match self.best_at(text, lang, tokens, i, range.end) {
                Some(mut m) => {
                    // a name of the same thing that starts inside this one and goes on in capitalised words
                    // continues it: "President Hassan Sheikh" + "Hassan Sheikh Mohamud" is one mention (but
                    // "AH-64 Apache" + "Apache attack helicopters" leaves the cue words alone)
                    // (a number is part of a name too: "طائرات بيرقدار" + "بيرقدار تي بي 2", not "تي" and "بي 2", the B-2)
                    let name_word = |t: &Token| !t.key.is_ascii() || t.kind == TokenKind::Number || text[t.start..].chars().next().is_some_and(char::is_uppercase);
                    let inner: Vec<NameMatch> = (m.tokens.start + 1..m.tokens.end).filter_map(|j| self.best_at(text, lang, tokens, j, range.end)).filter(|n| n.tokens.end > m.tokens.end).collect();
                    // …and a longer name of another thing that starts inside this one wins over it: in "منظومة
                    // إتش كيو-9 بي" the system's noun opened the shorter "منظومة إتش كيو-9"
                    let longer = inner.iter().filter(|n| n.entity == m.entity && tokens[m.tokens.end..n.tokens.end].iter().all(name_word)).map(|n| n.tokens.end).max();
                    if let Some(end) = longer {
                        m.tokens.end = end;
                    }
                    if let Some(n) = inner.iter().find(|n| n.entity != m.entity && n.tokens.end > m.tokens.end) {
                        i = n.tokens.start;
                        continue;
                    }
                    i = m.tokens.end;
                    out.push(m);
                }
                None => i += 1,
            }
        }
        out
    }

    fn best_at(&self, text: &str, lang: Lang, tokens: &[Token], i: usize, end: usize) -> Option<NameMatch> {
        if !tokens[i].is_word() && tokens[i].kind != TokenKind::Number {
            return None;
        }
        // (tokens taken, stripped, adjective) ranks candidates: longest, then unstripped, then names
        let mut best: Option<(NameMatch, usize, bool)> = None;
        let mut consider = |m: NameMatch, stripped: bool| {
            let len = m.tokens.len();
            let better = match &best {
                None => true,
                Some((b, blen, bstripped)) => {
                    len > *blen
                        || (len == *blen && !stripped && *bstripped)
                        || (len == *blen && stripped == *bstripped && m.form == Form::Name && b.form != Form::Name)
                }
            };
            if better {
                best = Some((m, len, stripped));
            }
        };
        let first_keys: Vec<(Variant, usize)> = {
            let mut v: Vec<(Variant, usize)> = prefix_variants(lang, &tokens[i].key).into_iter().map(|p| (p, 1)).collect();
            // a compound written apart in the text but joined in the gazetteer: "قره باغ" (but "آنکا
            // را" is "Anka" and the object marker, not "آنکارا")
            // (nor is "ساخت" before a maker's noun: "اف-۳۵ رژیم صهیونیستی ساخت شرکت آمریکایی …" is made by the company)
            let made_by = i + 2 < end && tokens[i + 1].key == "ساخت" && MAKER_NOUNS.contains(&tokens[i + 2].key.as_str());
            if i + 1 < end && tokens[i + 1].is_word() && !tokens[i].key.is_ascii() && !SEPARATE_WORDS.contains(&tokens[i + 1].key.as_str()) && !made_by {
                let joined = format!("{}{}", tokens[i].key, tokens[i + 1].key);
                v.push((Variant { key: joined, stripped: false, adjectival: false, proclitic: String::new() }, 2));
            }
            v
        };
        let starts_upper = text[tokens[i].start..].chars().next().is_some_and(char::is_uppercase);
        // (an acronym's possessive is still the acronym: "IAI's Barak MX")
        let word = &text[tokens[i].start..tokens[i].end];
        let word = word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word);
        let all_upper = word.chars().all(|c| !c.is_alphabetic() || c.is_uppercase());
        for (prefix, taken) in &first_keys {
            // single-token names: the prefix-stripped word may also carry a suffix
            for v in suffix_variants(lang, &prefix.key) {
                for e in self.by_first.get(&v.key).into_iter().flatten().filter(|e| e.keys.len() == 1 && e.lang.is_none_or(|l| l == lang)) {
                    if e.capitalised && !starts_upper || e.acronym && !all_upper {
                        continue;
                    }
                    if v.adjectival && (!e.place || v.key.is_ascii() && e.form != Form::Adjective) {
                        continue; // "Israelis" is the people, but "Georgias" is no name, "فارسی" is not Fars
                    }
                    let form = if v.adjectival { Form::Adjective } else { e.form };
                    consider(NameMatch { entity: e.entity, tokens: i..i + taken, form, proclitic: prefix.proclitic.clone(), ambiguous: e.ambiguous }, prefix.stripped || v.stripped);
                }
            }
            // multi-token names
            for e in self.by_first.get(&prefix.key).into_iter().flatten().filter(|e| e.keys.len() > 1 && e.lang.is_none_or(|l| l == lang)) {
                if e.capitalised && !starts_upper {
                    continue;
                }
                if let Some((next, stripped, adjectival)) = match_rest(lang, tokens, i + taken, end, &e.keys[1..]).filter(|r| !r.2 || e.place) {
                    let form = if adjectival { Form::Adjective } else { e.form };
                    consider(NameMatch { entity: e.entity, tokens: i..next, form, proclitic: prefix.proclitic.clone(), ambiguous: e.ambiguous }, prefix.stripped || stripped);
                }
            }
        }
        best.map(|(m, _, _)| m)
    }
}

/// Persian nouns of a maker (folded) after "ساخت", which then means "made by".
const MAKER_NOUNS: &[&str] = &["شركت", "شركتهاي", "كارخانه", "صنايع", "كمپاني", "گروه"];
/// Persian and Arabic words that stand apart after a name and never end a compound (folded).
const SEPARATE_WORDS: &[&str] = &["را", "و", "که", "با", "در", "به", "از", "ها", "هاي", "اي", "في", "من", "مع", "الي", "علي"];

/// Matches the remaining keys of a name from token `j`, skipping hyphens (glued or apart) and glued
/// dots between its parts;
/// the last key may carry a suffix. Returns the index after the name, whether a suffix was stripped,
/// and whether that suffix made it an adjective.
fn match_rest(lang: Lang, tokens: &[Token], mut j: usize, end: usize, keys: &[String]) -> Option<(usize, bool, bool)> {
    let mut stripped = false;
    let mut adjectival = false;
    for (n, key) in keys.iter().enumerate() {
        // a hyphen may also stand apart: "جيه إف - 17"; so may a slash: "إف/إيه-18", "F/A-18"
        while j < end && tokens[j].kind == TokenKind::Punct && (matches!(tokens[j].key.as_str(), "-" | "." | "‐" | "–") && tokens[j].glued || matches!(tokens[j].key.as_str(), "-" | "‐" | "–" | "/")) {
            j += 1;
        }
        if j >= end {
            return None;
        }
        let t = &tokens[j].key;
        if t == key {
            j += 1;
            continue;
        }
        let is_last = n + 1 == keys.len();
        let v = is_last.then(|| suffix_variants(lang, t).into_iter().find(|v| &v.key == key)).flatten()?;
        stripped = true;
        adjectival = v.adjectival;
        j += 1;
    }
    Some((j, stripped, adjectival))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{Entity, EntityType};
    use crate::text::token::Analyzer;
    use crate::text::filters::PersianAffixJoin;

    fn entity(id: &str, kind: EntityType, en: &[&str], ar: &[&str], fa: &[&str], adj: &[(Lang, &str)]) -> Entity {
        let mut names = HashMap::new();
        names.insert(Lang::En, en.iter().map(|s| s.to_string()).collect());
        names.insert(Lang::Ar, ar.iter().map(|s| s.to_string()).collect());
        names.insert(Lang::Fa, fa.iter().map(|s| s.to_string()).collect());
        let mut adjectives: HashMap<Lang, Vec<String>> = HashMap::new();
        for (l, a) in adj {
            adjectives.entry(*l).or_default().push(a.to_string());
        }
        Entity { adjectives, ..Entity::named(id.into(), kind, en[0].into(), names) }
    }

    fn index() -> (Gazetteer, NameIndex) {
        let entities = vec![
            entity("azerbaijan", EntityType::Country, &["Azerbaijan"], &["أذربيجان", "جمهورية أذربيجان"], &["آذربایجان", "جمهوری آذربایجان"],
                &[(Lang::Ar, "أذربيجاني"), (Lang::Ar, "أذري"), (Lang::Fa, "آذربایجانی"), (Lang::En, "Azerbaijani")]),
            entity("israel", EntityType::Country, &["Israel"], &["إسرائيل", "الكيان الإسرائيلي"], &["اسرائیل", "رژیم صهیونیستی"],
                &[(Lang::Ar, "إسرائيلي"), (Lang::En, "Israeli"), (Lang::Fa, "اسرائیلی")]),
            entity("turkey", EntityType::Country, &["Turkey"], &["تركيا"], &["ترکیه"], &[(Lang::Ar, "تركي"), (Lang::Ar, "أتراك")]),
            entity("oman", EntityType::Country, &["Oman"], &["سلطنة عمان"], &[], &[]),
            entity("romania", EntityType::Country, &["Romania"], &["رومانيا"], &[], &[]),
            entity("washington", EntityType::City, &["Washington"], &["واشنطن"], &[], &[]),
            entity("karabakh", EntityType::Region, &["Nagorno-Karabakh", "Karabakh"], &["قره باغ"], &["قره‌باغ", "قره‌باغ کوهستانی"], &[]),
            entity("arrow-3", EntityType::WeaponSystem, &["Arrow 3", "Arrow-3"], &["حيتس-3"], &[], &[]),
        ];
        let mut g = Gazetteer::default();
        g.entities = entities;
        let idx = NameIndex::build(&g);
        (g, idx)
    }

    fn found(lang: Lang, text: &str) -> Vec<(String, String, Form)> {
        let (g, idx) = index();
        let analyzer = match lang {
            Lang::Fa => Analyzer::builder().filter(PersianAffixJoin).build(),
            _ => Analyzer::builder().build(),
        };
        let tokens = analyzer.tokens(text, 0, text.len());
        idx.find(text, lang, &tokens, 0..tokens.len())
            .into_iter()
            .map(|m| {
                let surface = text[tokens[m.tokens.start].start..tokens[m.tokens.end - 1].end].to_string();
                (g.entities[m.entity].id.clone(), surface, m.form)
            })
            .collect()
    }

    #[test]
    fn arabic_clitics_and_nisba_forms() {
        let f = found(Lang::Ar, "وبأذربيجان وللكيان الإسرائيلي والأسلحة الإسرائيلية والأتراك");
        assert_eq!(f, [
            ("azerbaijan".into(), "وبأذربيجان".into(), Form::Name),
            ("israel".into(), "وللكيان الإسرائيلي".into(), Form::Name),
            ("israel".into(), "الإسرائيلية".into(), Form::Adjective),
            ("turkey".into(), "والأتراك".into(), Form::Adjective),
        ]);
    }

    #[test]
    fn names_beginning_with_clitic_letters_stay_whole() {
        assert_eq!(found(Lang::Ar, "واشنطن"), [("washington".into(), "واشنطن".into(), Form::Name)]);
    }

    #[test]
    fn longest_match_wins_and_no_half_words() {
        assert_eq!(found(Lang::Ar, "جمهورية أذربيجان"), [("azerbaijan".into(), "جمهورية أذربيجان".into(), Form::Name)]);
        assert_eq!(found(Lang::En, "Romania and Oman"), [
            ("romania".into(), "Romania".into(), Form::Name),
            ("oman".into(), "Oman".into(), Form::Name),
        ]);
        assert!(found(Lang::Ar, "أرمينيا").is_empty());
    }

    #[test]
    fn persian_suffixes_and_compounds() {
        assert_eq!(found(Lang::Fa, "آذربایجانی‌ها و ترکیه‌ای"), [
            ("azerbaijan".into(), "آذربایجانی‌ها".into(), Form::Adjective),
            ("turkey".into(), "ترکیه‌ای".into(), Form::Adjective),
        ]);
        assert_eq!(found(Lang::Fa, "قرهباغ و قره باغ کوهستانی"), [
            ("karabakh".into(), "قرهباغ".into(), Form::Name),
            ("karabakh".into(), "قره باغ کوهستانی".into(), Form::Name),
        ]);
        assert_eq!(found(Lang::Fa, "وزیر دفاع رژیم صهیونیستی"), [("israel".into(), "رژیم صهیونیستی".into(), Form::Name)]);
    }

    #[test]
    fn english_case_possessive_plural_and_hyphen() {
        assert_eq!(found(Lang::En, "Israel's drones, Israelis and Israeli-made Arrow-3"), [
            ("israel".into(), "Israel's".into(), Form::Name),
            ("israel".into(), "Israelis".into(), Form::Adjective),
            ("israel".into(), "Israeli".into(), Form::Adjective),
            ("arrow-3".into(), "Arrow-3".into(), Form::Name),
        ]);
        assert!(found(Lang::En, "roast turkey").is_empty());
        assert_eq!(found(Lang::Ar, "نظام حيتس-3"), [("arrow-3".into(), "حيتس-3".into(), Form::Name)]);
    }
}
