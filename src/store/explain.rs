//! The mentions behind an edge, read back from the document graphs (`khabar explain`).

use oxigraph::model::Term;
use oxigraph::sparql::{QueryResults, SparqlEvaluator};

use super::vocab::{DCTERMS, PROV};
use super::{GraphStore, StoreError};
use crate::relations::Relation;

#[derive(Debug, Clone, PartialEq)]
pub struct MentionRow {
    pub document: String,
    pub subject: String,
    pub object: String,
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub subject_start: usize,
    pub subject_end: usize,
    pub object_start: usize,
    pub object_end: usize,
    pub cue_start: usize,
    pub cue_end: usize,
    pub cue: String,
    pub rule: String,
    pub modality: String,
    pub confidence: String,
    pub derived: bool,
    pub date: Option<String>,
    pub role: Option<String>,
}

/// Every mention of `subject relation object` (labels in any language, or ids; either order for a
/// symmetric relation), ordered by document and position.
pub fn mentions(store: &GraphStore, subject: &str, relation: Relation, object: &str) -> Result<Vec<MentionRow>, StoreError> {
    let iris = store.iris();
    let kh = iris.ontology();
    let lit = |s: &str| oxigraph::model::Literal::new_simple_literal(s).to_string();
    let order = if relation.symmetric() { "((?s = ?x && ?o = ?y) || (?s = ?y && ?o = ?x))" } else { "(?s = ?x && ?o = ?y)" };
    let sparql = format!(
        "PREFIX kh: <{kh}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dct: <{DCTERMS}> PREFIX prov: <{PROV}>
         SELECT ?document ?sl ?ol ?sentence ?ss ?se ?subs ?sube ?objs ?obje ?cs ?ce ?cue ?rule ?modality ?confidence ?derived ?date ?role WHERE {{
           {{ SELECT DISTINCT ?x WHERE {{ ?x rdfs:label ?xl . FILTER(LCASE(STR(?xl)) = LCASE({s}) || STRENDS(STR(?x), CONCAT(\"/entity/\", {s}))) }} }}
           {{ SELECT DISTINCT ?y WHERE {{ ?y rdfs:label ?yl . FILTER(LCASE(STR(?yl)) = LCASE({o}) || STRENDS(STR(?y), CONCAT(\"/entity/\", {o}))) }} }}
           GRAPH ?g {{
             ?m a kh:Mention ; rdf:subject ?s ; rdf:predicate kh:{p} ; rdf:object ?o ; kh:sentence ?sentence ;
                kh:sentenceStart ?ss ; kh:sentenceEnd ?se ; kh:subjectStart ?subs ; kh:subjectEnd ?sube ; kh:objectStart ?objs ; kh:objectEnd ?obje ;
                kh:cueStart ?cs ; kh:cueEnd ?ce ; kh:cue ?cue ; kh:rule ?rule ; kh:modality ?modality ; kh:confidence ?confidence ; kh:derived ?derived ;
                prov:wasDerivedFrom ?doc .
             ?doc dct:identifier ?document .
             OPTIONAL {{ ?m dct:date ?date }} OPTIONAL {{ ?m kh:role ?role }}
           }}
           FILTER{order}
           ?s rdfs:label ?sl . FILTER(LANG(?sl) = \"en\") ?o rdfs:label ?ol . FILTER(LANG(?ol) = \"en\")
         }} ORDER BY ?document ?ss ?cs",
        s = lit(subject),
        o = lit(object),
        p = relation.name()
    );
    let results = SparqlEvaluator::new()
        .parse_query(&sparql)
        .map_err(|e| StoreError::Query(e.to_string()))?
        .on_store(store.store())
        .execute()
        .map_err(|e| StoreError::Query(e.to_string()))?;
    let QueryResults::Solutions(solutions) = results else { return Ok(Vec::new()) };
    let mut out = Vec::new();
    for s in solutions {
        let s = s.map_err(|e| StoreError::Query(e.to_string()))?;
        let text = |v: &str| match s.get(v) {
            Some(Term::Literal(l)) => l.value().to_string(),
            Some(t) => t.to_string(),
            None => String::new(),
        };
        let num = |v: &str| text(v).parse().unwrap_or(0);
        out.push(MentionRow {
            document: text("document"),
            subject: text("sl"),
            object: text("ol"),
            sentence: text("sentence"),
            sentence_start: num("ss"),
            sentence_end: num("se"),
            subject_start: num("subs"),
            subject_end: num("sube"),
            object_start: num("objs"),
            object_end: num("obje"),
            cue_start: num("cs"),
            cue_end: num("ce"),
            cue: text("cue"),
            rule: text("rule"),
            modality: text("modality"),
            confidence: text("confidence"),
            derived: text("derived") == "true",
            date: Some(text("date")).filter(|d| !d.is_empty()),
            role: Some(text("role")).filter(|r| !r.is_empty()),
        });
    }
    Ok(out)
}
