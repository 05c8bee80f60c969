//! The per-document triples of `khabar extract`: one row per (document, subject, predicate, object),
//! the mentions behind it folded in. Symmetric relations are one row per pair.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::pipeline::{Extraction, RelationRecord};
use crate::relations::{Modality, Relation};

/// One triple of one document with its best evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct TripleRow {
    pub document: String,
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub confidence: f64,
    pub evidence: String,
    pub derived: bool,
    pub modality: String,
    pub rule: String,
    pub mentions: usize,
    pub subject_id: String,
    pub object_id: String,
    pub role: String,
    pub date: String,
}

/// Noisy-or of independent pieces of evidence: two 0.8 mentions make 0.96.
pub fn combine(confidences: impl IntoIterator<Item = f64>) -> f64 {
    let miss: f64 = confidences.into_iter().map(|c| 1.0 - c.clamp(0.0, 1.0)).product();
    ((1.0 - miss).min(0.99) * 1000.0).round() / 1000.0
}

/// The rows of one document. Negated statements are evidence, not edges: they are left out unless
/// `include_negated`.
pub fn rows(extraction: &Extraction, include_negated: bool) -> Vec<TripleRow> {
    let mut groups: BTreeMap<(String, String, String), Vec<&RelationRecord>> = BTreeMap::new();
    for r in &extraction.relations {
        let symmetric = Relation::parse(&r.relation).is_some_and(Relation::symmetric);
        let (s, o) = if symmetric && r.subject > r.object { (&r.object, &r.subject) } else { (&r.subject, &r.object) };
        groups.entry((r.relation.clone(), s.clone(), o.clone())).or_default().push(r);
    }
    let mut out = Vec::new();
    for ((predicate, _, _), mentions) in groups {
        let asserted: Vec<&&RelationRecord> = mentions.iter().filter(|m| m.modality != Modality::Negated.name()).collect();
        if asserted.is_empty() && !include_negated {
            continue;
        }
        let pool: Vec<&RelationRecord> = if asserted.is_empty() { mentions.clone() } else { asserted.into_iter().copied().collect() };
        // stated mentions speak for the row; roll-ups only where nothing states it
        let stated: Vec<&RelationRecord> = pool.iter().copied().filter(|m| !m.derived).collect();
        let pool = if stated.is_empty() { pool } else { stated };
        let best = pool.iter().copied().max_by(|a, b| a.confidence.total_cmp(&b.confidence)).expect("a group has mentions");
        if predicate == Relation::Visits.name() && visits_a_city_of(extraction, &best.subject, &best.object) {
            continue; // "visits Baku" already says "visits Azerbaijan"
        }
        out.push(TripleRow {
            document: extraction.document.id.clone(),
            subject: best.subject_label.clone(),
            predicate,
            object: best.object_label.clone(),
            confidence: combine(pool.iter().map(|m| m.confidence)),
            evidence: best.sentence_text.clone(),
            derived: best.derived,
            modality: best.modality.clone(),
            rule: best.rule.clone(),
            mentions: pool.len(),
            subject_id: best.subject.clone(),
            object_id: best.object.clone(),
            role: best.role.clone().unwrap_or_default(),
            date: best.date.clone().unwrap_or_default(),
        });
    }
    out
}

const HEADER: &str = "document\tsubject\tpredicate\tobject\tconfidence\tevidence\tderived\tmodality\trule\tmentions\tsubject_id\tobject_id\trole\tdate";

/// Whether the document has `person` visit a city or region of `country` (the more specific place).
fn visits_a_city_of(extraction: &Extraction, person: &str, country: &str) -> bool {
    extraction.relations.iter().any(|r| {
        r.relation == Relation::Visits.name()
            && r.subject == person
            && r.modality != Modality::Negated.name()
            && extraction.entities.iter().any(|e| e.id == r.object && e.kind != "Country" && e.country.as_deref() == Some(country))
    })
}

/// Writes rows as TSV (with header) or JSON lines.
pub struct TripleSink<W: Write> {
    out: W,
    tsv: bool,
    header_written: bool,
}

impl<W: Write> TripleSink<W> {
    pub fn tsv(out: W) -> Self {
        TripleSink { out, tsv: true, header_written: false }
    }

    pub fn jsonl(out: W) -> Self {
        TripleSink { out, tsv: false, header_written: false }
    }

    pub fn write(&mut self, row: &TripleRow) -> std::io::Result<()> {
        if !self.tsv {
            serde_json::to_writer(&mut self.out, row)?;
            return writeln!(self.out);
        }
        if !self.header_written {
            writeln!(self.out, "{HEADER}")?;
            self.header_written = true;
        }
        let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
        writeln!(
            self.out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            clean(&row.document),
            clean(&row.subject),
            row.predicate,
            clean(&row.object),
            row.confidence,
            clean(&row.evidence),
            row.derived,
            row.modality,
            row.rule,
            row.mentions,
            row.subject_id,
            row.object_id,
            clean(&row.role),
            row.date
        )
    }

    /// Writes the header even when there were no rows.
    pub fn finish(mut self) -> std::io::Result<W> {
        if self.tsv && !self.header_written {
            writeln!(self.out, "{HEADER}")?;
        }
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::combine;

    #[test]
    fn noisy_or() {
        assert_eq!(combine([0.8, 0.8]), 0.96);
        assert_eq!(combine([0.5]), 0.5);
        assert_eq!(combine([0.99, 0.99, 0.99]), 0.99);
    }
}
