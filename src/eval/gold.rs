//! Scoring extracted triples (and entities) against gold annotations: `khabar eval --gold PREFIX`.
//!
//! The rules are those of the project's `tools/score.py`, so both give the same numbers: labels
//! compared case-, accent- and punctuation-insensitively; gold aliases map to their entity; an unknown
//! label matches a gold entity of the same document whose consonant skeleton is within two edits;
//! symmetric relations are order-free; a gold row's `alt` pair also counts for it; derived rows are
//! not scored. khabar adds a breakdown per relation type and the sentences behind every error.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::data::{DataError, Row, parse_table};
use crate::entities::fuzzy::edit_distance;
use crate::relations::Relation;

/// One system triple, as `extract` gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct SystemTriple {
    pub document: String,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub derived: bool,
    pub evidence: String,
}

/// An entity found in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SystemEntity {
    pub document: String,
    pub label: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub correct: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        if self.system == 0 { 0.0 } else { self.correct as f64 / self.system as f64 }
    }
    pub fn recall(&self) -> f64 {
        if self.gold == 0 { 0.0 } else { self.correct as f64 / self.gold as f64 }
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Score {
    pub overall: Counts,
    /// Explicit (level E) gold rows only: `gold` and `correct` count those rows.
    pub explicit: Counts,
    pub per_relation: BTreeMap<String, Counts>,
    /// (document, subject, relation, object, level, gloss)
    pub missed: Vec<(String, String, String, String, String, String)>,
    /// (document, subject, relation, object, evidence)
    pub wrong: Vec<(String, String, String, String, String)>,
    pub furniture_violations: Vec<(String, String, String, String)>,
    /// (required recall, precision) when entities were scored.
    pub entities: Option<(f64, f64)>,
    pub entities_missed: Vec<(String, String)>,
    pub entities_unexpected: Vec<(String, String)>,
}

/// score.py's label key: NFKD without marks, dotless ı as i, lowercase, runs of other characters as
/// one space.
/// Consonant skeleton of a key exactly as score.py computes it: vowels and spaces dropped, q→k, j→c, w→v.
fn skeleton(key: &str) -> String {
    key.chars().filter(|c| !"aeiouy ".contains(*c)).map(|c| match c {
        'q' => 'k',
        'j' => 'c',
        'w' => 'v',
        c => c,
    }).collect()
}

pub fn key(label: &str) -> String {
    let s: String = label.nfkd().filter(|c| !is_combining_mark(*c)).collect::<String>().replace('ı', "i").to_lowercase();
    let mut out = String::new();
    let mut space = false;
    for c in s.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(c);
        } else {
            space = true;
        }
    }
    out
}

/// The gold annotations: `PREFIX-triples.tsv`, `PREFIX-entities.tsv`, `PREFIX-documents.tsv`, or a
/// directory of such files.
#[derive(Debug, Default)]
pub struct Gold {
    canon: HashMap<String, String>,
    /// document → entity key → required there
    entities: HashMap<String, HashMap<String, bool>>,
    /// (document, triple, level, alt, gloss), deduplicated per document
    rows: Vec<(String, (String, String, String), String, Option<(String, String, String)>, String)>,
    documents: HashSet<String>,
    furniture: HashMap<String, HashSet<String>>,
    doc_entities: HashMap<String, HashSet<String>>,
}

fn read_rows(path: &Path) -> Result<Vec<Row>, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io { path: path.into(), source })?;
    Ok(parse_table(path, &text, &[])?.rows)
}

fn files(gold: &Path) -> (Vec<PathBuf>, Vec<PathBuf>, Vec<PathBuf>) {
    if gold.is_dir() {
        let mut names: Vec<PathBuf> = std::fs::read_dir(gold).into_iter().flatten().flatten().map(|e| e.path()).collect();
        names.sort();
        let pick = |suffix: &str| names.iter().filter(|p| p.to_string_lossy().ends_with(suffix)).cloned().collect::<Vec<_>>();
        return (pick("-triples.tsv"), pick("-entities.tsv"), pick("-documents.tsv"));
    }
    let with = |suffix: &str| PathBuf::from(format!("{}{suffix}", gold.display()));
    let existing = |p: PathBuf| if p.exists() { vec![p] } else { Vec::new() };
    (vec![with("-triples.tsv")], existing(with("-entities.tsv")), existing(with("-documents.tsv")))
}

fn symmetric(p: &str) -> bool {
    Relation::parse(p).is_some_and(Relation::symmetric)
}

fn norm(s: String, p: String, o: String) -> (String, String, String) {
    if symmetric(&p) && s > o { (o, p, s) } else { (s, p, o) }
}

impl Gold {
    pub fn load(prefix: &Path) -> Result<Gold, DataError> {
        let (triple_files, entity_files, document_files) = files(prefix);
        let mut g = Gold::default();
        for path in &entity_files {
            for r in read_rows(path)? {
                let c = key(r.get("label"));
                g.canon.insert(c.clone(), c.clone());
                for a in r.get("aliases").split('|').filter(|a| !a.trim().is_empty()) {
                    g.canon.insert(key(a), c.clone());
                }
                for d in r.get("documents").split(',').map(str::trim) {
                    let optional_here = d.ends_with('?');
                    let d = d.trim_end_matches('?');
                    if !d.is_empty() && d != "-" {
                        let required = (r.get("required").is_empty() || r.get("required") == "yes") && !optional_here;
                        g.entities.entry(d.to_string()).or_default().insert(c.clone(), required);
                    }
                }
            }
        }
        let mut raw = Vec::new();
        for path in &triple_files {
            for r in read_rows(path)? {
                let d = r.get("document").to_string();
                g.documents.insert(d.clone());
                let t = norm(g.ent(r.get("subject")), r.get("predicate").to_string(), g.ent(r.get("object")));
                let alt = Some(r.get("alt")).filter(|a| !a.is_empty()).map(|a| {
                    let (a_s, a_o) = match a.rsplit_once('>') {
                        Some((s, o)) => (s, o),
                        None => ("", a),
                    };
                    let subject = if a_s.is_empty() { r.get("subject") } else { a_s };
                    norm(g.ent(subject), r.get("predicate").to_string(), g.ent(a_o))
                });
                let level = if r.get("level").is_empty() { "E".to_string() } else { r.get("level").to_string() };
                let gloss = r.get("evidence (English gloss)").to_string();
                raw.push((d, t, level, alt, gloss));
            }
        }
        // short document ids ("000") name the long ones ("000_ab0c…")
        let full: HashMap<String, String> = g.documents.iter().map(|d| (d.split('_').next().unwrap_or(d).to_string(), d.clone())).collect();
        g.entities = std::mem::take(&mut g.entities).into_iter().map(|(d, v)| (full.get(&d).cloned().unwrap_or(d), v)).collect();
        for path in &document_files {
            for r in read_rows(path)? {
                let d = r.get("document").to_string();
                g.documents.insert(d.clone());
                let f = r.get("furniture");
                if !f.is_empty() && f != "-" {
                    g.furniture.insert(d, f.split('|').map(key).collect());
                }
            }
        }
        let mut seen = HashSet::new();
        for (d, t, level, alt, gloss) in raw {
            let e = g.doc_entities.entry(d.clone()).or_default();
            e.insert(t.0.clone());
            e.insert(t.2.clone());
            if let Some(a) = &alt {
                e.insert(a.0.clone());
                e.insert(a.2.clone());
            }
            if seen.insert((d.clone(), t.clone())) {
                g.rows.push((d, t, level, alt, gloss));
            }
        }
        for (d, es) in &g.entities {
            g.doc_entities.entry(d.clone()).or_default().extend(es.keys().cloned());
        }
        Ok(g)
    }

    fn ent(&self, label: &str) -> String {
        let k = key(label);
        self.canon.get(&k).cloned().unwrap_or(k)
    }

    /// A system label as a gold entity of the document, fuzzily (transliterations vary), by score.py's
    /// skeleton (not the recognizer's, which also folds f/v and p/b).
    fn fuzzy(&self, label: &str, document: &str) -> String {
        let k = self.ent(label);
        let Some(candidates) = self.doc_entities.get(document).filter(|c| !c.is_empty()) else { return k };
        if candidates.contains(&k) {
            return k;
        }
        let sk = skeleton(&k);
        let mut sorted: Vec<&String> = candidates.iter().collect();
        sorted.sort();
        let best = sorted.into_iter().min_by_key(|c| edit_distance(&sk, &skeleton(c))).expect("candidates");
        let d = edit_distance(&sk, &skeleton(best));
        if d <= 2 && d <= skeleton(best).chars().count() / 4 { best.clone() } else { k }
    }

    pub fn score(&self, triples: &[SystemTriple], entities: Option<&[SystemEntity]>) -> Score {
        let mut system: BTreeMap<(String, (String, String, String)), String> = BTreeMap::new();
        let stem = |d: &str| Path::new(d).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        for t in triples {
            let document = stem(&t.document);
            if !self.documents.contains(&document) || t.derived {
                continue;
            }
            let tr = norm(self.fuzzy(&t.subject, &document), local(&t.predicate), self.fuzzy(&t.object, &document));
            system.entry((document, tr)).or_insert_with(|| t.evidence.clone());
        }
        let mut score = Score::default();
        let mut matched = HashSet::new();
        for (d, t, level, alt, gloss) in &self.rows {
            let per = score.per_relation.entry(t.1.clone()).or_default();
            per.gold += 1;
            score.overall.gold += 1;
            if level == "E" {
                score.explicit.gold += 1;
            }
            let hit = [Some(t), alt.as_ref()].into_iter().flatten().map(|t| (d.clone(), t.clone())).find(|k| system.contains_key(k));
            match hit {
                Some(k) => {
                    per.correct += 1;
                    score.overall.correct += 1;
                    if level == "E" {
                        score.explicit.correct += 1;
                    }
                    matched.insert(k);
                }
                None => score.missed.push((d.clone(), t.0.clone(), t.1.clone(), t.2.clone(), level.clone(), gloss.clone())),
            }
        }
        for ((d, t), evidence) in &system {
            score.overall.system += 1;
            score.per_relation.entry(t.1.clone()).or_default().system += 1;
            if !matched.contains(&(d.clone(), t.clone())) {
                score.wrong.push((d.clone(), t.0.clone(), t.1.clone(), t.2.clone(), evidence.clone()));
            }
            if self.furniture.get(d).is_some_and(|f| f.contains(&t.0) || f.contains(&t.2)) {
                score.furniture_violations.push((d.clone(), t.0.clone(), t.1.clone(), t.2.clone()));
            }
        }
        score.explicit.system = score.overall.system;
        if let (Some(found), false) = (entities, self.entities.is_empty()) {
            let mut by_doc: HashMap<&str, BTreeSet<String>> = HashMap::new();
            for e in found.iter().filter(|e| self.documents.contains(&e.document)) {
                by_doc.entry(&e.document).or_default().insert(self.fuzzy(&e.label, &e.document));
            }
            let mut required = 0;
            let mut hit = 0;
            for (d, es) in &self.entities {
                for (e, must) in es {
                    if *must {
                        required += 1;
                        if by_doc.get(d.as_str()).is_some_and(|f| f.contains(e)) {
                            hit += 1;
                        } else {
                            score.entities_missed.push((d.clone(), e.clone()));
                        }
                    }
                }
            }
            let mut total = 0;
            let mut allowed = 0;
            for (d, es) in &by_doc {
                for e in es {
                    total += 1;
                    if self.entities.get(*d).is_some_and(|g| g.contains_key(e)) {
                        allowed += 1;
                    } else {
                        score.entities_unexpected.push((d.to_string(), e.clone()));
                    }
                }
            }
            score.entities_missed.sort();
            score.entities_unexpected.sort();
            let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
            score.entities = Some((ratio(hit, required), ratio(allowed, total)));
        }
        score
    }
}

/// A predicate's local name (a full IRI is cut after its last `#`, `/` or `:`).
fn local(p: &str) -> String {
    let p = p.trim().trim_matches(|c| c == '<' || c == '>');
    p.rsplit(['#', '/', ':']).next().unwrap_or(p).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_skeletons_as_score_py() {
        assert_eq!(key("İsmail Günaydın"), "ismail gunaydin");
        assert_eq!(key("Nagorno-Karabakh"), "nagorno karabakh");
        assert_eq!(local("https://w3id.org/khabar/ontology#visits"), "visits");
    }
}
