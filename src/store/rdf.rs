//! An [`Extraction`] as RDF quads in its document's named graph: the document's metadata (Dublin
//! Core, PROV-O), the entities it names, the edges it states, and one mention node per statement
//! (an `rdf:Statement` with the sentence, offsets, rule, modality and confidence).

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, NamedOrBlankNode, Term};

use super::vocab::{DCTERMS, GEO, Iris, PROV, SKOS, WIKIDATA, iri};
use crate::entities::EntityType;
use crate::pipeline::{EntityRecord, Extraction};
use crate::relations::{Modality, Quantity};

struct GraphWriter {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl GraphWriter {
    fn add(&mut self, s: impl Into<NamedOrBlankNode>, p: impl Into<NamedNode>, o: impl Into<Term>) {
        self.quads.push(Quad::new(s, p, o, self.graph.clone()));
    }
}

fn string(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

fn lang_string(s: &str, lang: &str) -> Literal {
    Literal::new_language_tagged_literal_unchecked(s, lang)
}

fn typed(value: impl ToString, datatype: oxigraph::model::NamedNodeRef) -> Literal {
    Literal::new_typed_literal(value.to_string(), datatype)
}

/// An ISO date at day, month or year precision as the right XSD literal.
pub fn date_literal(date: &str) -> Literal {
    match date.len() {
        10 => typed(date, xsd::DATE),
        7 => typed(date, xsd::G_YEAR_MONTH),
        _ => typed(date, xsd::G_YEAR),
    }
}

/// The quads describing an entity (type, labels per language, aliases, Wikidata, coordinates).
pub fn entity_quads(iris: &Iris, e: &EntityRecord, graph: GraphName) -> Vec<Quad> {
    let mut w = GraphWriter { graph, quads: Vec::new() };
    let node = iris.entity(&e.id);
    let kind = EntityType::parse(&e.kind).unwrap_or(EntityType::Organization);
    w.add(node.clone(), rdf::TYPE, iris.class(kind));
    w.add(node.clone(), rdfs::LABEL, lang_string(&e.label, "en"));
    for (lang, label) in e.labels.iter().filter(|(l, _)| l.as_str() != "en") {
        w.add(node.clone(), rdfs::LABEL, lang_string(label, lang));
    }
    for (lang, alias) in &e.aliases {
        w.add(node.clone(), iri(format!("{SKOS}altLabel")), lang_string(alias, lang));
    }
    if let Some(q) = &e.wikidata {
        w.add(node.clone(), iri("http://www.w3.org/2002/07/owl#sameAs"), iri(format!("{WIKIDATA}{q}")));
    }
    if let (Some(lat), Some(lon)) = (e.lat, e.lon) {
        w.add(node.clone(), iri(format!("{GEO}lat")), typed(lat, xsd::DECIMAL));
        w.add(node.clone(), iri(format!("{GEO}long")), typed(lon, xsd::DECIMAL));
    }
    if let Some(c) = &e.country {
        w.add(node.clone(), iris.term("country"), iris.entity(c));
    }
    if let Some(m) = &e.maker {
        w.add(node.clone(), iris.term("maker"), iris.entity(m));
    }
    if let Some(f) = &e.variant_of {
        w.add(node.clone(), iris.term("variantOf"), iris.entity(f));
    }
    if let Some(r) = &e.role {
        w.add(node.clone(), iris.term("role"), string(r));
    }
    if e.discovered {
        w.add(node, iris.term("discovered"), typed(true, xsd::BOOLEAN));
    }
    w.quads
}

/// Every quad of the document's named graph.
pub fn document_quads(iris: &Iris, x: &Extraction) -> Vec<Quad> {
    let d = &x.document;
    let graph_node = iris.graph(&d.id, &d.hash);
    let mut w = GraphWriter { graph: GraphName::NamedNode(graph_node.clone()), quads: Vec::new() };
    let doc = iris.document(&d.id);
    let dc = |local: &str| iri(format!("{DCTERMS}{local}"));
    w.add(doc.clone(), rdf::TYPE, iris.term("Document"));
    w.add(doc.clone(), rdf::TYPE, iri(format!("{PROV}Entity")));
    w.add(doc.clone(), dc("identifier"), string(&d.id));
    w.add(doc.clone(), iris.term("contentHash"), string(&d.hash));
    w.add(doc.clone(), iris.term("extractedWith"), string(&d.extractor));
    w.add(doc.clone(), dc("source"), string(&d.path));
    if let Some(url) = &d.url {
        w.add(doc.clone(), iri(format!("{PROV}hadPrimarySource")), string(url));
    }
    if let Some(lang) = d.lang {
        w.add(doc.clone(), dc("language"), string(lang.code()));
    }
    if let Some(t) = &d.title {
        w.add(doc.clone(), dc("title"), string(t));
    }
    if let Some(date) = &d.date {
        w.add(doc.clone(), dc("date"), date_literal(date));
    }
    match (&d.publisher_id, &d.publisher) {
        (Some(id), _) => w.add(doc.clone(), dc("publisher"), iris.entity(id)),
        (None, Some(name)) => w.add(doc.clone(), dc("publisher"), string(name)),
        _ => {}
    }
    for c in &d.cites {
        w.add(doc.clone(), iris.term("cites"), iris.entity(c));
        w.add(doc.clone(), iri(format!("{PROV}wasDerivedFrom")), iris.entity(c));
    }
    w.add(doc.clone(), iris.term("furnitureParagraphs"), typed(d.furniture, xsd::INTEGER));
    w.add(graph_node.clone(), iri(format!("{PROV}wasDerivedFrom")), doc.clone());
    for e in &x.entities {
        w.quads.extend(entity_quads(iris, e, w.graph.clone()));
    }
    let mut mentioned: Vec<&str> = x.mentions.iter().filter(|m| !m.furniture).map(|m| m.entity.as_str()).collect();
    mentioned.sort_unstable();
    mentioned.dedup();
    for e in mentioned {
        w.add(doc.clone(), iris.term("mentions"), iris.entity(e));
    }
    for (n, r) in x.relations.iter().enumerate() {
        let (s, p, o) = (iris.entity(&r.subject), iris.term(&r.relation), iris.entity(&r.object));
        // the graph states what the text asserts; negations and roll-ups stay mentions only
        if r.modality != Modality::Negated.name() && !r.derived {
            w.add(s.clone(), p.clone(), o.clone());
        }
        let m = iri(format!("{}#m{n}", graph_node.as_str()));
        w.add(m.clone(), rdf::TYPE, iris.term("Mention"));
        w.add(m.clone(), rdf::SUBJECT, s);
        w.add(m.clone(), rdf::PREDICATE, p);
        w.add(m.clone(), rdf::OBJECT, o);
        w.add(m.clone(), iri(format!("{PROV}wasDerivedFrom")), doc.clone());
        w.add(m.clone(), iris.term("sentence"), string(&r.sentence_text));
        for (name, value) in [
            ("sentenceStart", r.sentence_start),
            ("sentenceEnd", r.sentence_end),
            ("subjectStart", r.subject_start),
            ("subjectEnd", r.subject_end),
            ("objectStart", r.object_start),
            ("objectEnd", r.object_end),
            ("cueStart", r.cue_start),
            ("cueEnd", r.cue_end),
        ] {
            w.add(m.clone(), iris.term(name), typed(value, xsd::INTEGER));
        }
        w.add(m.clone(), iris.term("cue"), string(&r.cue));
        w.add(m.clone(), iris.term("rule"), string(&r.rule));
        w.add(m.clone(), iris.term("modality"), string(&r.modality));
        w.add(m.clone(), iris.term("confidence"), typed(format!("{:.3}", r.confidence), xsd::DECIMAL));
        w.add(m.clone(), iris.term("derived"), typed(r.derived, xsd::BOOLEAN));
        if let Some(lang) = r.lang {
            w.add(m.clone(), dc("language"), string(lang.code()));
        }
        if let Some(role) = &r.role {
            w.add(m.clone(), iris.term("role"), string(role));
        }
        if let Some(date) = &r.date {
            w.add(m.clone(), dc("date"), date_literal(date));
        }
        if let Some(stated) = &r.date_text {
            w.add(m.clone(), iris.term("dateText"), string(stated));
        }
        for q in &r.quantities {
            match q {
                Quantity::Share { percent, text } => {
                    w.add(m.clone(), iris.term("sharePercent"), typed(percent, xsd::DECIMAL));
                    w.add(m.clone(), iris.term("quantityText"), string(text));
                }
                Quantity::Amount { value, currency, text } => {
                    w.add(m.clone(), iris.term("amount"), typed(value, xsd::DOUBLE));
                    w.add(m.clone(), iris.term("currency"), string(currency));
                    w.add(m.clone(), iris.term("quantityText"), string(text));
                }
                Quantity::Period { from, to, text } => {
                    w.add(m.clone(), iris.term("periodStart"), typed(from, xsd::G_YEAR));
                    w.add(m.clone(), iris.term("periodEnd"), typed(to, xsd::G_YEAR));
                    w.add(m.clone(), iris.term("quantityText"), string(text));
                }
            }
        }
    }
    w.quads
}
