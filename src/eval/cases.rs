//! Pattern test cases: small texts with the triples they must and must not give. They live in
//! `tests/fixtures/relations/<lang>.tsv` and run with `khabar test-patterns FILE…`, so whoever adds a
//! phrasing to a pattern file can prove it (and its direction and negation) without compiling.
//!
//! Format: TAB-separated with a header `lang	text	expect	note`. `expect` is a `|`-separated list
//! of `Subject relation Object` (English labels), each prefixed with `!` when the text must NOT give
//! it as an asserted triple (a direction trap, a negation), and with `~` when it is a derived row (a state-level
//! meeting rolled up from people's: "~Iran meetsWith Oman"). `text` may hold `\n` for a line break.

use std::path::Path;

use crate::data::{DataError, read_table};
use crate::export::triples;
use crate::input::Article;
use crate::pipeline::{Knowledge, process};
use crate::relations::Relation;
use crate::text::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectation {
    pub subject: String,
    pub relation: Relation,
    pub object: String,
    pub present: bool,
    /// A derived row ("~"), not a stated one.
    pub derived: bool,
}

/// A case that did not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub location: String,
    pub text: String,
    pub message: String,
}

pub fn parse_expectation(item: &str) -> Option<Expectation> {
    let (present, item) = match item.trim().strip_prefix('!') {
        Some(rest) => (false, rest.trim()),
        None => (true, item.trim()),
    };
    let (derived, item) = match item.strip_prefix('~') {
        Some(rest) => (true, rest.trim()),
        None => (false, item),
    };
    let words: Vec<&str> = item.split_whitespace().collect();
    let at = words.iter().position(|w| Relation::parse(w).is_some())?;
    let relation = Relation::parse(words[at])?;
    let subject = words[..at].join(" ");
    let object = words[at + 1..].join(" ");
    (!subject.is_empty() && !object.is_empty()).then_some(Expectation { subject, relation, object, present, derived })
}

fn same(a: &str, b: &str) -> bool {
    crate::text::normalize::fold(a) == crate::text::normalize::fold(b)
}

/// Runs the cases of one file; returns (cases run, failures).
pub fn run_file(k: &Knowledge, path: &Path) -> Result<(usize, Vec<Failure>), DataError> {
    let table = read_table(path, &["lang", "text", "expect"])?;
    let mut failures: Vec<Failure> = table
        .problems
        .iter()
        .map(|p| Failure { location: format!("{}:{}", p.path.display(), p.line), text: String::new(), message: p.message.clone() })
        .collect();
    for row in &table.rows {
        let location = format!("{}:{}", path.display(), row.line);
        let text = row.get("text").replace("\\n", "\n");
        let fail = |message: String| Failure { location: location.clone(), text: text.clone(), message };
        let article = Article { id: format!("line-{}", row.line), text: text.clone(), ..Article::default() };
        let extraction = process(k, &article);
        if let Some(lang) = Lang::from_code(row.get("lang")) {
            if extraction.document.lang != Some(lang) {
                failures.push(fail(format!("language {:?}, expected {lang}", extraction.document.lang)));
                continue;
            }
        }
        let all_rows = triples::rows(&extraction, false);
        let rows: Vec<&triples::TripleRow> = all_rows.iter().filter(|r| !r.derived).collect();
        let found = |e: &Expectation| {
            all_rows.iter().any(|r| {
                r.derived == e.derived
                    && r.predicate == e.relation.name()
                    && ((same(&r.subject, &e.subject) && same(&r.object, &e.object))
                        || (e.relation.symmetric() && same(&r.subject, &e.object) && same(&r.object, &e.subject)))
            })
        };
        // a trap about a label khabar does not know can never fail: say so
        let known = |label: &str| extraction.entities.iter().any(|e| same(&e.label, label)) || k.entities.gazetteer.entities.iter().any(|e| same(&e.label, label));
        for item in row.list("expect") {
            match parse_expectation(item) {
                None => failures.push(fail(format!("cannot read expectation `{item}` (Subject relation Object)"))),
                Some(e) if !e.present && !(known(&e.subject) && known(&e.object)) => {
                    let unknown = if known(&e.subject) { &e.object } else { &e.subject };
                    failures.push(fail(format!("`{unknown}` is no entity of the gazetteer or the sentence: the trap `!{} {} {}` cannot fail", e.subject, e.relation, e.object)));
                }
                Some(e) if found(&e) != e.present => {
                    let got: Vec<String> = rows.iter().map(|r| format!("{} {} {}", r.subject, r.predicate, r.object)).collect();
                    let verb = if e.present { "missing" } else { "unwanted" };
                    failures.push(fail(format!("{verb}: {} {} {}; extracted: [{}]", e.subject, e.relation, e.object, got.join("; "))));
                }
                Some(_) => {}
            }
        }
    }
    Ok((table.rows.len(), failures))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expectations_read_multiword_labels_and_negation() {
        let e = parse_expectation("Bayraktar TB2 usesWeapon Nagorno-Karabakh").unwrap();
        assert_eq!((e.subject.as_str(), e.relation, e.object.as_str(), e.present), ("Bayraktar TB2", Relation::UsesWeapon, "Nagorno-Karabakh", true));
        let e = parse_expectation(" !Israel buysWeaponsFrom Azerbaijan").unwrap();
        assert!(!e.present);
        assert!(parse_expectation("Israel likes Azerbaijan").is_none());
        // "~" asks for a derived row; "!~" says there is none
        let e = parse_expectation("~Iran meetsWith Oman").unwrap();
        assert!(e.present && e.derived && e.subject == "Iran");
        let e = parse_expectation("!~Iran meetsWith Oman").unwrap();
        assert!(!e.present && e.derived);
    }
}
