//! Modality of a relation mention: asserted, reported ("reports emerged that"), planned ("من المقرر"),
//! considered ("considered buying"), negated ("did not", "نفى", "تکذیب"). Cues come from
//! `data/lexicon/<lang>/modality.tsv`.
//!
//! Negation particles ("لم", "not", "نه") must stand just before the relation's cue; longer cues
//! (verbs of denial, "reports emerged") count anywhere in the clause before it. Phrases listed as
//! `asserted` ("ولا سيما", "not only") contain a negation word without negating and mask it.

use std::path::Path;

use serde::Serialize;

use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::entities::affixes::prefix_variants;
use crate::entities::index::name_keys;
use crate::text::lang::Lang;
use crate::text::token::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Reported,
    Planned,
    Considered,
    Negated,
}

impl Modality {
    pub fn name(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Planned => "planned",
            Modality::Considered => "considered",
            Modality::Negated => "negated",
        }
    }

    pub fn parse(s: &str) -> Option<Modality> {
        [Modality::Asserted, Modality::Reported, Modality::Planned, Modality::Considered, Modality::Negated]
            .into_iter()
            .find(|m| m.name() == s)
    }

    /// How much the modality weakens a mention's confidence.
    pub fn weight(self) -> f64 {
        match self {
            Modality::Asserted => 1.0,
            Modality::Reported => 0.85,
            Modality::Planned => 0.9,
            Modality::Considered => 0.7,
            Modality::Negated => 0.5,
        }
    }

    /// Which modality wins when several cues apply: negation over doubt over plans over hearsay.
    fn strength(self) -> u8 {
        match self {
            Modality::Asserted => 0,
            Modality::Reported => 1,
            Modality::Planned => 2,
            Modality::Considered => 3,
            Modality::Negated => 4,
        }
    }
}

#[derive(Debug, Clone)]
struct Cue {
    keys: Vec<String>,
    modality: Modality,
    /// The language whose text the cue is looked for in (Arabic «نفت», "denied", is Persian «نفت», oil).
    lang: Option<Lang>,
    /// How far the cue reaches.
    kind: CueKind,
}

/// How far a cue reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CueKind {
    /// Over the relation's clause.
    Clause,
    /// A negated verb that negates only a cue it closely follows (`negated-verb` rows).
    Verb,
    /// A word that severs what stands right after it (`severing` rows: "قطع [روابط دیپلماتیک] مراکش با ایران",
    /// "severed [diplomatic relations]"): it negates a relation whose cue follows at once, and nothing else (a
    /// rule may have it as its own cue: "… روابط خود با ایران را قطع کرد" is a tension).
    Severing,
}

/// How many words may stand between a relation's cue and a negated verb after it ("رزمایش مشترک
/// برگزار نکرد"), with no "و", comma or "که" between.
const VERB_REACH: usize = 3;
const VERB_JOINERS: &[&str] = &["و", ",", "كه"];

/// How close (in tokens) a negation particle must stand before the relation's cue.
const PARTICLE_REACH: usize = 2;
/// …and how far when "any" stands between them.
const POLARITY_REACH: usize = 5;
const NEGATIVE_POLARITY: &[&str] = &["any", "اي", "ايه"];
/// Words that make a negated predicate a limitation, which asserts it: "Israel is not Azerbaijan's only
/// arms supplier", "ليست روسيا المورد الوحيد".
const ONLY: &[&str] = &["only", "sole", "just", "merely", "الوحيد", "الوحيده", "فقط", "تنها"];
/// How far before the cue "any" may open its phrase ("any [defence] agreement"; a cue that is no noun of
/// that phrase, as in "did not meet any officials during his trip", is still read as negated).
const POLARITY_PHRASE: usize = 2;
/// Negation particles (folded), which negate only the word right after them; other negated cues
/// ("نفى", "denied", "تکذیب") negate the clause.
const PARTICLES: &[&str] = &["لم", "لن", "لا", "ما", "ليس", "ليست", "ليستا", "ليسوا", "غير", "عدم", "not", "no", "never", "n't", "without", "نه", "بدون", "هيچ"];

#[derive(Debug, Default, Clone)]
pub struct ModalityLexicon {
    cues: Vec<Cue>,
    /// Words that end a clause for modality ("but", "اما", "بينما"): a cue beyond them is about
    /// another statement (`boundary` rows of the lexicon).
    boundaries: Vec<(Lang, Vec<String>)>,
    /// Finite verbs that end a clause when "و" follows them (`clause-end` rows): a cue after "… برگزار
    /// کرده بودند و" belongs to the next clause ("و مسکو … خواستار لغو تحریم‌ها شده‌اند" cancels no meeting).
    clause_ends: Vec<(Lang, String)>,
}

/// Words that open a relative clause (folded): "which", "who", "التي", "که"; and a clause of time or place set
/// off by commas (", when Kathmandu objected to …,").
const RELATIVE_HEADS: &[&str] = &["which", "who", "whose", "when", "where", "التي", "الذي", "الذين", "اللتين", "اللذين", "كه"];
/// Relative pronouns that open a clause with no comma before them (never a complementizer, as "that" and "که" may be).
const BARE_RELATIVE_HEADS: &[&str] = &["which", "التي", "الذي", "الذين", "اللتين", "اللذين"];
/// How far before the cue such a pronoun may stand ("التي كانت تنتجها", "which Rafael builds").
const BARE_RELATIVE_REACH: usize = 3;

impl ModalityLexicon {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<ModalityLexicon, DataError> {
        let mut lexicon = ModalityLexicon::default();
        for (lang, row) in lexicon_rows(lexicon_dir, "modality.tsv", &["modality", "forms"], problems)? {
            if row.get("modality") == "boundary" {
                lexicon.boundaries.extend(row.list("forms").into_iter().map(name_keys).filter(|k| !k.is_empty()).map(|k| (lang, k)));
                continue;
            }
            if row.get("modality") == "clause-end" {
                lexicon.clause_ends.extend(row.list("forms").into_iter().map(name_keys).filter(|k| k.len() == 1).map(|mut k| (lang, k.remove(0))));
                continue;
            }
            let kind = match row.get("modality") {
                "negated-verb" => CueKind::Verb,
                "severing" => CueKind::Severing,
                _ => CueKind::Clause,
            };
            let Some(modality) = (if kind == CueKind::Clause { Modality::parse(row.get("modality")) } else { Some(Modality::Negated) }) else {
                problems.push(row.problem(format!("unknown modality `{}`", row.get("modality"))));
                continue;
            };
            for form in row.list("forms") {
                lexicon.add_in(Some(lang), form, modality, kind);
            }
        }
        // longest first, so "ولا سيما" masks "لا"
        lexicon.cues.sort_by(|a, b| b.keys.len().cmp(&a.keys.len()));
        Ok(lexicon)
    }

    /// Adds a cue for every language.
    pub fn add(&mut self, form: &str, modality: Modality) {
        self.add_in(None, form, modality, CueKind::Clause);
    }

    fn add_in(&mut self, lang: Option<Lang>, form: &str, modality: Modality, kind: CueKind) {
        let keys = name_keys(form);
        if !keys.is_empty() {
            self.cues.push(Cue { keys, modality, lang, kind });
            self.cues.sort_by(|a, b| b.keys.len().cmp(&a.keys.len()));
        }
    }

    /// Whether a word (folded) is a finite verb that may end a clause (`clause-end` rows: "کرد", "است").
    pub fn is_clause_end(&self, lang: Lang, key: &str) -> bool {
        self.clause_ends.iter().any(|(l, v)| *l == lang && v == key)
    }

    /// Whether a clause boundary ("but", "اما", "بينما") starts at `tokens[i]`.
    pub fn is_boundary(&self, lang: Lang, tokens: &[Token], i: usize) -> bool {
        self.boundaries.iter().any(|(l, b)| *l == lang && tokens.get(i..i + b.len()).is_some_and(|ts| ts.iter().zip(b).all(|(t, k)| t.key == *k)))
    }

    /// The modality of a relation whose cue spans `cue` inside the clause `tokens[clause]`, and whose rule
    /// read further cues up to `cues_end` (a particle between them negates: "Israeli strikes did not
    /// target …", where "strikes" is the cue). `negative_prefix` is set when the cue word itself carries a
    /// Persian negative prefix (ن, نمی).
    pub fn detect(&self, lang: Lang, tokens: &[Token], clause: std::ops::Range<usize>, cue: std::ops::Range<usize>, cues_end: usize, negative_prefix: bool) -> Modality {
        let mut best = if negative_prefix { Modality::Negated } else { Modality::Asserted };
        // only the cue's own clause counts: "؛" or ";" starts another statement
        let is_break = |i: usize| {
            let t = &tokens[i];
            let punct = t.kind == crate::text::token::TokenKind::Punct && matches!(t.key.as_str(), ";" | ":");
            punct || self.is_boundary(lang, tokens, i)
        };
        let ends_clause = |k: usize| self.is_clause_end(lang, &tokens[k].key) && tokens.get(k + 1).is_some_and(|t| t.key == "و");
        let start = (clause.start..cue.start).rev().find(|&i| is_break(i)).map_or(clause.start, |i| i + 1);
        // (…and after a finite verb and "و" before the cue: "… لغو تحریم را تهدید دانسته و واشنگتن را … متهم کرده بود" is
        // no cancelled accusation)
        let start = (start..cue.start).rev().find(|&k| ends_clause(k)).map_or(start, |k| k + 2);
        // cues after the relation's cue count too ("a meeting … is expected next month"); negation
        // only in Persian, which puts the verb last ("… خرید تسلیحات از اسرائیل را تکذیب کرد"),
        // elsewhere a later denial is usually someone else's
        let end = (cue.end..clause.end).find(|&i| is_break(i)).unwrap_or(clause.end);
        // …up to a finite verb and "و" at or after the rule's last cue: the next clause is another statement
        let end = (cue.end.max(cues_end.saturating_sub(1))..end).find(|&k| ends_clause(k)).map_or(end, |k| k + 1);
        // a relative clause between commas is its own statement: "Turkey and Armenia, which have no
        // diplomatic relations, agreed to normalise ties" is no denial of the agreement
        let comma = |i: usize| matches!(tokens[i].key.as_str(), "," | "،");
        // (Persian opens one with "که" and no comma: "ایران که همواره با … مخالفت کرده است، …")
        let mut relative_clauses: Vec<std::ops::Range<usize>> = (start..end)
            .filter(|&i| comma(i) && tokens.get(i + 1).is_some_and(|t| RELATIVE_HEADS.contains(&t.key.as_str())) || lang == Lang::Fa && RELATIVE_HEADS.contains(&tokens[i].key.as_str()))
            // (…or, opened by a comma, by the clause's end: "… asked about the F-110, which Navantia is building for the Spanish Navy.")
            .filter_map(|i| (i + 2..end.min(i + 18)).find(|&j| comma(j)).map(|j| i..j + 1).or((comma(i) && end <= i + 18).then_some(i..end)))
            .collect();
        // …and a cue inside one is that statement's alone: "ایران که از حوثی‌ها حمایت می‌کند، این ادعا را رد
        // کرد" denies the claim, not the support
        // (…as is one with no comma whose verb is the cue: "نفى أن تكون المباحثات تطرقت إلى شراء مقاتلات غريبن
        // التي تنتجها شركة ساب" denies no making)
        let bare_relative = (cue.start.saturating_sub(BARE_RELATIVE_REACH).max(start)..cue.start)
            .find(|&h| BARE_RELATIVE_HEADS.contains(&tokens[h].key.as_str()) && !(h..cue.start).any(comma))
            .map(|h| h..(cue.end..end).find(|&j| comma(j)).map_or(end, |j| j + 1));
        let (start, end) = match relative_clauses.iter().find(|r| r.start <= cue.start && cue.end <= r.end).or(bare_relative.as_ref()) {
            Some(own) => (own.start, own.end),
            None => (start, end),
        };
        relative_clauses.retain(|r| !(r.start <= cue.start && cue.end <= r.end));
        let mut i = start;
        let mut particle_end: Option<usize> = None;
        while i < end {
            if i >= cue.start && i < cue.end || relative_clauses.iter().any(|r| r.contains(&i)) {
                i += 1;
                continue;
            }
            let variants = prefix_variants(lang, &tokens[i].key);
            let hit = self.cues.iter().filter(|c| c.lang.is_none_or(|l| l == lang)).find(|c| {
                let end = i + c.keys.len();
                end <= clause.end
                    && variants.iter().any(|v| v.key == c.keys[0])
                    && c.keys[1..].iter().zip(&tokens[i + 1..end]).all(|(k, t)| *k == t.key)
            });
            match hit {
                Some(c) => {
                    let end = i + c.keys.len();
                    let particle = c.modality == Modality::Negated && c.keys.len() == 1 && PARTICLES.contains(&c.keys[0].as_str());
                    if c.kind == CueKind::Severing {
                        if end == cue.start && Modality::Negated.strength() > best.strength() {
                            best = Modality::Negated;
                        }
                        i = end;
                        continue;
                    }
                    // a particle right before a plan or a consideration negates it: "was not in talks
                    // to buy", "لا تخطط لشراء"
                    let negated_plan = matches!(c.modality, Modality::Planned | Modality::Considered) && particle_end.is_some_and(|e| e == i);
                    if particle {
                        particle_end = Some(end);
                    }
                    if negated_plan && Modality::Negated.strength() > best.strength() {
                        best = Modality::Negated;
                        i = end;
                        continue;
                    }
                    let before = end <= cue.start;
                    let close_verb = !before && i - cue.end <= VERB_REACH && !tokens[cue.end..i].iter().any(|t| VERB_JOINERS.contains(&t.key.as_str()));
                    // ("any" opening the cue's phrase carries the negation further: "has not signed any defence
                    // agreement", "لم توقع أي اتفاقية دفاعية"; not "did not meet any officials during his trip")
                    let any = |from: usize| (from..cue.start).any(|p| NEGATIVE_POLARITY.contains(&tokens[p].key.as_str()) && cue.start - p <= POLARITY_PHRASE);
                    let applies = if c.kind == CueKind::Verb { close_verb } else { match (particle, before) {
                        (true, true) if tokens[end..cue.start].iter().any(|t| ONLY.contains(&t.key.as_str())) => false,
                        // (…or "any" among the rule's own cues: "لم تتطرق إلى توقيع أي صفقات", "did not sign any deals")
                        (true, true) => cue.start - end <= PARTICLE_REACH || cue.start - end <= POLARITY_REACH && (any(end) || (cue.start..cues_end.min(tokens.len())).any(|p| NEGATIVE_POLARITY.contains(&tokens[p].key.as_str()))),
                        (true, false) => end < cues_end,
                        (false, true) => true,
                        (false, false) => c.modality != Modality::Negated || lang == Lang::Fa,
                    } };
                    if applies && c.modality.strength() > best.strength() {
                        best = c.modality;
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn lexicon() -> ModalityLexicon {
        let mut l = ModalityLexicon::default();
        l.add("لم", Modality::Negated);
        l.add("نفى", Modality::Negated);
        l.add("not", Modality::Negated);
        l.add("ولا سيما", Modality::Asserted);
        l.add("ورد أن", Modality::Reported);
        l.add("فكرت في", Modality::Considered);
        l.add("من المقرر", Modality::Planned);
        l
    }

    fn modality(lang: Lang, text: &str, cue_word: &str) -> Modality {
        let tokens = tokenize(text, 0);
        let cue = tokens.iter().position(|t| t.key == crate::text::normalize::fold(cue_word)).unwrap();
        lexicon().detect(lang, &tokens, 0..tokens.len(), cue..cue + 1, cue + 1, false)
    }

    #[test]
    fn negation_particles_must_be_close() {
        assert_eq!(modality(Lang::Ar, "لم تشتر أذربيجان الأسلحة", "تشتر"), Modality::Negated);
        assert_eq!(modality(Lang::Ar, "لم يعلق أحد على الخبر بينما تشتري أذربيجان", "تشتري"), Modality::Asserted);
        assert_eq!(modality(Lang::En, "Azerbaijan did not buy drones", "buy"), Modality::Negated);
        // "any" opening the cue's phrase carries the particle's reach
        assert_eq!(modality(Lang::En, "Armenia has not signed any defence agreement", "agreement"), Modality::Negated);
        assert_eq!(modality(Lang::En, "Netanyahu did not meet any Azerbaijani officials during his trip", "during"), Modality::Asserted);
        assert_eq!(modality(Lang::Ar, "ونفى الوزير أن تكون بلاده قد اشترت الطائرات", "اشترت"), Modality::Negated);
    }

    #[test]
    fn a_severing_word_negates_only_the_cue_right_after_it() {
        let mut l = lexicon();
        l.add_in(None, "severed", Modality::Negated, CueKind::Severing);
        let detect = |text: &str, cue_word: &str, cues_end_word: &str| {
            let tokens = tokenize(text, 0);
            let cue = tokens.iter().position(|t| t.key == cue_word).unwrap();
            let end = tokens.iter().position(|t| t.key == cues_end_word).unwrap() + 1;
            l.detect(Lang::En, &tokens, 0..tokens.len(), cue..cue + 1, end, false)
        };
        assert_eq!(detect("Morocco severed relations with Iran", "relations", "relations"), Modality::Negated);
        // (not a cue further on, nor a rule whose own cue it is)
        assert_eq!(detect("after the severed ties the two reopened embassies", "embassies", "embassies"), Modality::Asserted);
        assert_eq!(detect("Bahrain's relations with Iran were severed", "relations", "severed"), Modality::Asserted);
    }

    #[test]
    fn reported_planned_considered() {
        assert_eq!(modality(Lang::Ar, "ورد أن أذربيجان فكرت في شراء نظام", "شراء"), Modality::Considered);
        assert_eq!(modality(Lang::Ar, "ورد أن أذربيجان اشترت نظام", "اشترت"), Modality::Reported);
        assert_eq!(modality(Lang::Ar, "من المقرر أن يتوجه الوزير إلى باكو", "يتوجه"), Modality::Planned);
    }

    #[test]
    fn a_boundary_ends_the_clause_of_a_negation() {
        let mut l = lexicon();
        l.boundaries.push((Lang::En, vec!["citing".into()]));
        let tokens = tokenize("Israel did not sell arms to Kyiv, citing military cooperation with Russia", 0);
        let cue = tokens.iter().position(|t| t.key == "cooperation").unwrap();
        assert_eq!(l.detect(Lang::En, &tokens, 0..tokens.len(), cue..cue + 1, cue + 1, false), Modality::Asserted);
        let sell = tokens.iter().position(|t| t.key == "sell").unwrap();
        assert_eq!(l.detect(Lang::En, &tokens, 0..tokens.len(), sell..sell + 1, sell + 1, false), Modality::Negated);
    }

    #[test]
    fn a_particle_negates_a_plan_or_a_consideration() {
        let mut l = lexicon();
        l.add("in talks to", Modality::Considered);
        let tokens = tokenize("Kazakhstan was not in talks to buy the Akinci", 0);
        let buy = tokens.iter().position(|t| t.key == "buy").unwrap();
        assert_eq!(l.detect(Lang::En, &tokens, 0..tokens.len(), buy..buy + 1, buy + 1, false), Modality::Negated);
        let tokens = tokenize("Kazakhstan is in talks to buy the Akinci", 0);
        let buy = tokens.iter().position(|t| t.key == "buy").unwrap();
        assert_eq!(l.detect(Lang::En, &tokens, 0..tokens.len(), buy..buy + 1, buy + 1, false), Modality::Considered);
    }

    #[test]
    fn a_finite_verb_and_waw_end_the_clause_of_a_later_negation() {
        let mut l = lexicon();
        l.add("لغو", Modality::Negated);
        l.clause_ends.push((Lang::Fa, "كردند".into()));
        let tokens = tokenize("ایران و چین نشستی برگزار کردند و مسکو خواستار لغو تحریم‌ها شد", 0);
        let held = tokens.iter().position(|t| t.key == "كردند").unwrap();
        assert_eq!(l.detect(Lang::Fa, &tokens, 0..tokens.len(), 3..4, held + 1, false), Modality::Asserted);
        // (a denial in the verb's own clause still negates)
        let tokens = tokenize("ایران خرید پهپاد از روسیه و چین را لغو کردند", 0);
        assert_eq!(l.detect(Lang::Fa, &tokens, 0..tokens.len(), 1..2, 2, false), Modality::Negated);
    }

    #[test]
    fn any_among_the_rule_s_cues_carries_a_particle() {
        let tokens = tokenize("ولم تتطرق البيانات إلى توقيع أي صفقات بين البلدين", 0);
        let sign = tokens.iter().position(|t| t.key == "توقيع").unwrap();
        assert_eq!(lexicon().detect(Lang::Ar, &tokens, 0..tokens.len(), sign..sign + 1, sign + 3, false), Modality::Negated);
        assert_eq!(lexicon().detect(Lang::Ar, &tokens, 0..tokens.len(), sign..sign + 1, sign + 1, false), Modality::Asserted);
    }

    #[test]
    fn a_relative_clause_without_a_comma_is_its_own_statement() {
        assert_eq!(modality(Lang::Ar, "نفى المصدر شراء مقاتلات غريبن التي تنتجها شركة ساب", "تنتجها"), Modality::Asserted);
        assert_eq!(modality(Lang::Ar, "نفى المصدر شراء مقاتلات غريبن التي تنتجها شركة ساب", "شراء"), Modality::Negated);
        assert_eq!(modality(Lang::Ar, "الطائرات التي لم تشترها مصر", "تشترها"), Modality::Negated);
    }

    #[test]
    fn asserted_phrases_mask_negation_words() {
        assert_eq!(modality(Lang::Ar, "في مجالات عدة ولا سيما التعاون", "التعاون"), Modality::Asserted);
    }
}
