//! The default-graph view: one edge per (subject, relation, object) over all document graphs, with
//! its aggregate counts (mentions, documents, publishers, first and last date, confidence), and the
//! descriptions of every entity the documents name. Rebuilt in one transaction after each build.

use std::collections::{BTreeMap, BTreeSet};

use oxigraph::model::vocab::{rdf, xsd};
use oxigraph::model::{GraphName, Literal, Quad, Term};
use oxigraph::sparql::{QueryResults, SparqlEvaluator};
use sha2::{Digest, Sha256};

use super::vocab::{DCTERMS, PROV};
use super::{GraphStore, StoreError};
use crate::export::triples::combine;
use crate::relations::{Modality, Relation};

/// One edge of the view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EdgeAggregate {
    pub subject: String,
    pub predicate: String,
    pub object: String,
    pub mentions: usize,
    pub documents: BTreeSet<String>,
    pub publishers: BTreeSet<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    pub confidences: Vec<f64>,
    /// Every mention is a roll-up (derived from offices), none states it.
    pub derived: bool,
    /// The most confident sentence.
    pub evidence: String,
    best: f64,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ViewStats {
    pub edges: usize,
    pub mentions: usize,
    pub entities: usize,
    pub documents: usize,
}

/// Reads all mentions of all document graphs and aggregates them into edges (negated mentions do
/// not make edges). Symmetric relations get one edge per pair, in IRI order.
pub fn aggregate(store: &GraphStore) -> Result<Vec<EdgeAggregate>, StoreError> {
    let kh = store.iris().ontology();
    let sparql = format!(
        "PREFIX kh: <{kh}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX dct: <{DCTERMS}> PREFIX prov: <{PROV}>
         SELECT ?s ?p ?o ?conf ?derived ?modality ?date ?doc ?publisher ?sentence WHERE {{
           GRAPH ?g {{
             ?m a kh:Mention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kh:confidence ?conf ;
                kh:derived ?derived ; kh:modality ?modality ; prov:wasDerivedFrom ?doc ; kh:sentence ?sentence .
             OPTIONAL {{ ?m dct:date ?date }}
             OPTIONAL {{ ?doc dct:publisher ?publisher }}
           }}
         }}"
    );
    let mut edges: BTreeMap<(String, String, String), EdgeAggregate> = BTreeMap::new();
    for row in super::query::solutions(store, &sparql)? {
        let get = |v: &str| Some(super::query::value(row.get(v))).filter(|s| !s.is_empty());
        let (Some(mut s), Some(p), Some(mut o)) = (get("s"), get("p"), get("o")) else { continue };
        if get("modality").as_deref() == Some(Modality::Negated.name()) {
            continue;
        }
        let symmetric = store.iris().local_name(&p).and_then(Relation::parse).is_some_and(Relation::symmetric);
        if symmetric && s > o {
            std::mem::swap(&mut s, &mut o);
        }
        let e = edges.entry((s.clone(), p.clone(), o.clone())).or_insert_with(|| EdgeAggregate {
            subject: s,
            predicate: p,
            object: o,
            derived: true,
            best: -1.0,
            ..EdgeAggregate::default()
        });
        let confidence: f64 = get("conf").and_then(|c| c.parse().ok()).unwrap_or(0.5);
        let derived = get("derived").as_deref() == Some("true");
        e.mentions += 1;
        e.confidences.push(confidence);
        e.derived &= derived;
        if let Some(d) = get("doc") {
            e.documents.insert(d);
        }
        if let Some(p) = get("publisher") {
            e.publishers.insert(p);
        }
        if let Some(d) = get("date") {
            if e.first.as_ref().is_none_or(|f| d < *f) {
                e.first = Some(d.clone());
            }
            if e.last.as_ref().is_none_or(|l| d > *l) {
                e.last = Some(d);
            }
        }
        // stated evidence beats roll-ups, then confidence
        let score = confidence + if derived { 0.0 } else { 1.0 };
        if score > e.best {
            e.best = score;
            e.evidence = get("sentence").unwrap_or_default();
        }
    }
    Ok(edges.into_values().collect())
}

fn edge_key(e: &EdgeAggregate) -> String {
    let digest = Sha256::digest(format!("{}\n{}\n{}", e.subject, e.predicate, e.object).as_bytes());
    digest.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

/// Rebuilds the default graph from the document graphs, in one transaction.
pub fn refresh(store: &GraphStore) -> Result<ViewStats, StoreError> {
    let iris = store.iris();
    let edges = aggregate(store)?;
    let dg = GraphName::DefaultGraph;
    let mut quads = Vec::new();
    let node = |iri: &str| oxigraph::model::NamedNode::new_unchecked(iri);
    let int = |n: usize| Literal::new_typed_literal(n.to_string(), xsd::INTEGER);
    for e in &edges {
        let (s, p, o) = (node(&e.subject), node(&e.predicate), node(&e.object));
        quads.push(Quad::new(s.clone(), p.clone(), o.clone(), dg.clone()));
        let edge = iris.edge(&edge_key(e));
        let mut add = |pred: oxigraph::model::NamedNode, obj: Term| quads.push(Quad::new(edge.clone(), pred, obj, dg.clone()));
        add(rdf::TYPE.into_owned(), iris.term("Edge").into());
        add(rdf::SUBJECT.into_owned(), s.into());
        add(rdf::PREDICATE.into_owned(), p.into());
        add(rdf::OBJECT.into_owned(), o.into());
        add(iris.term("mentionCount"), int(e.mentions).into());
        add(iris.term("documentCount"), int(e.documents.len()).into());
        add(iris.term("publisherCount"), int(e.publishers.len()).into());
        add(iris.term("confidence"), Literal::new_typed_literal(format!("{:.3}", combine(e.confidences.iter().copied())), xsd::DECIMAL).into());
        add(iris.term("derived"), Literal::new_typed_literal(e.derived.to_string(), xsd::BOOLEAN).into());
        add(iris.term("evidence"), Literal::new_simple_literal(&e.evidence).into());
        if let Some(f) = &e.first {
            add(iris.term("firstDate"), super::rdf::date_literal(f).into());
        }
        if let Some(l) = &e.last {
            add(iris.term("lastDate"), super::rdf::date_literal(l).into());
        }
    }
    // entity descriptions, gathered from the document graphs that name them
    let kh = iris.ontology();
    let construct = format!(
        "PREFIX kh: <{kh}> CONSTRUCT {{ ?e ?p ?v }} WHERE {{ GRAPH ?g {{ ?e a ?type . ?e ?p ?v . FILTER(STRSTARTS(STR(?e), \"{}entity/\")) }} }}",
        iris.base()
    );
    let results = SparqlEvaluator::new()
        .parse_query(&construct)
        .map_err(|e| StoreError::Query(e.to_string()))?
        .on_store(store.store())
        .execute()
        .map_err(|e| StoreError::Query(e.to_string()))?;
    let mut entities = BTreeSet::new();
    if let QueryResults::Graph(triples) = results {
        for t in triples {
            let t = t.map_err(|e| StoreError::Query(e.to_string()))?;
            entities.insert(t.subject.to_string());
            quads.push(t.in_graph(dg.clone()));
        }
    }
    // the vocabulary, so queries can use labels, CAMEO codes and Goldstein weights of relations
    quads.extend(super::vocab::vocabulary(iris));
    let documents = store.documents()?.len();
    let mut t = store.store().start_transaction()?;
    t.clear_graph(oxigraph::model::GraphNameRef::DefaultGraph)?;
    t.extend(quads.iter());
    t.commit()?;
    Ok(ViewStats { edges: edges.len(), mentions: edges.iter().map(|e| e.mentions).sum(), entities: entities.len(), documents })
}
