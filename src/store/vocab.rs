//! khabar's RDF vocabulary: IRIs of classes, properties, entities, documents and graphs under one
//! configurable base, and the OWL description of the vocabulary itself (`khabar vocab`).
//!
//! Layout under the base IRI (default `https://w3id.org/khabar/`):
//! - `ontology#Country`, `ontology#buysWeaponsFrom`, … — classes and properties;
//! - `entity/<id>` — an entity (`entity/azerbaijan`);
//! - `document/<id>` — an article; `graph/<id>/<sha256>` — the named graph of one version of it;
//! - `<graph>#m<n>` — a relation mention in that graph; `edge/<hash>` — an aggregated edge of the view.

use oxigraph::model::vocab::{rdf, rdfs, xsd};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, NamedOrBlankNode, Term};

use crate::entities::EntityType;
use crate::relations::ontology::RELATIONS;

pub const DEFAULT_BASE: &str = "https://w3id.org/khabar/";
pub const OWL: &str = "http://www.w3.org/2002/07/owl#";
pub const SKOS: &str = "http://www.w3.org/2004/02/skos/core#";
pub const GEO: &str = "http://www.w3.org/2003/01/geo/wgs84_pos#";
pub const DCTERMS: &str = "http://purl.org/dc/terms/";
pub const PROV: &str = "http://www.w3.org/ns/prov#";
pub const WIKIDATA: &str = "http://www.wikidata.org/entity/";

/// The IRIs of one khabar graph, under its base.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Iris {
    base: String,
}

impl Default for Iris {
    fn default() -> Self {
        Iris::new(DEFAULT_BASE)
    }
}

/// Keeps IRI-safe characters, percent-encodes the rest (document ids are file names).
pub fn encode_segment(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

pub fn iri(s: impl Into<String>) -> NamedNode {
    NamedNode::new_unchecked(s.into())
}

impl Iris {
    pub fn new(base: &str) -> Iris {
        let base = if base.ends_with('/') || base.ends_with('#') { base.to_string() } else { format!("{base}/") };
        Iris { base }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn ontology(&self) -> String {
        format!("{}ontology#", self.base)
    }

    pub fn term(&self, local: &str) -> NamedNode {
        iri(format!("{}ontology#{local}", self.base))
    }

    pub fn entity(&self, id: &str) -> NamedNode {
        iri(format!("{}entity/{}", self.base, encode_segment(id)))
    }

    pub fn document(&self, id: &str) -> NamedNode {
        iri(format!("{}document/{}", self.base, encode_segment(id)))
    }

    /// The prefix of every graph of a document, whatever its version.
    pub fn graph_prefix(&self, id: &str) -> String {
        format!("{}graph/{}/", self.base, encode_segment(id))
    }

    pub fn graph(&self, id: &str, hash: &str) -> NamedNode {
        iri(format!("{}{}", self.graph_prefix(id), hash))
    }

    pub fn is_document_graph(&self, graph: &str) -> bool {
        graph.starts_with(&format!("{}graph/", self.base))
    }

    pub fn edge(&self, key: &str) -> NamedNode {
        iri(format!("{}edge/{key}", self.base))
    }

    pub fn class(&self, kind: EntityType) -> NamedNode {
        self.term(kind.name())
    }

    /// The local name of an IRI in the ontology, if it is one.
    pub fn local_name<'a>(&self, iri: &'a str) -> Option<&'a str> {
        iri.strip_prefix(&self.ontology())
    }

    /// The entity id of an entity IRI.
    pub fn entity_id(&self, iri: &str) -> Option<String> {
        iri.strip_prefix(&format!("{}entity/", self.base)).map(decode_segment)
    }
}

fn decode_segment(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            if let Ok(b) = u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or(""), 16) {
                out.push(b);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn quad(s: impl Into<NamedOrBlankNode>, p: impl Into<NamedNode>, o: impl Into<Term>) -> Quad {
    Quad::new(s, p, o, GraphName::DefaultGraph)
}

/// The OWL description of khabar's classes and properties.
pub fn vocabulary(iris: &Iris) -> Vec<Quad> {
    let owl = |local: &str| iri(format!("{OWL}{local}"));
    let ontology = iri(iris.ontology().trim_end_matches('#').to_string());
    let mut q = vec![
        quad(ontology.clone(), rdf::TYPE, owl("Ontology")),
        quad(ontology.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked("khabar: relations between states in the news", "en")),
        quad(ontology, rdfs::COMMENT, Literal::new_simple_literal("Entity types and the 23 relation types of spec/ONTOLOGY.md, with CAMEO root codes and Goldstein weights.")),
    ];
    let entity_class = iris.term("Entity");
    q.push(quad(entity_class.clone(), rdf::TYPE, owl("Class")));
    for kind in EntityType::ALL {
        let c = iris.class(kind);
        q.push(quad(c.clone(), rdf::TYPE, owl("Class")));
        q.push(quad(c.clone(), rdfs::SUB_CLASS_OF, entity_class.clone()));
        q.push(quad(c, rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(kind.name(), "en")));
    }
    for class in ["Document", "Mention", "Edge"] {
        q.push(quad(iris.term(class), rdf::TYPE, owl("Class")));
    }
    q.push(quad(iris.term("Mention"), rdfs::SUB_CLASS_OF, rdf::STATEMENT.into_owned()));
    for r in &RELATIONS {
        let p = iris.term(r.name);
        q.push(quad(p.clone(), rdf::TYPE, owl("ObjectProperty")));
        if r.symmetric {
            q.push(quad(p.clone(), rdf::TYPE, owl("SymmetricProperty")));
        }
        for (label, lang) in [(r.label_en, "en"), (r.label_ar, "ar"), (r.label_fa, "fa")] {
            q.push(quad(p.clone(), rdfs::LABEL, Literal::new_language_tagged_literal_unchecked(label, lang)));
        }
        q.push(quad(p.clone(), rdfs::COMMENT, Literal::new_language_tagged_literal_unchecked(r.definition, "en")));
        if !r.cameo.is_empty() {
            q.push(quad(p.clone(), iris.term("cameoRoot"), Literal::new_simple_literal(r.cameo)));
        }
        q.push(quad(p.clone(), iris.term("goldstein"), Literal::new_typed_literal(format!("{:.1}", r.goldstein), xsd::DECIMAL)));
        let domain = if r.subjects.len() == 1 { iris.class(r.subjects[0]) } else { entity_class.clone() };
        let range = if r.objects.len() == 1 { iris.class(r.objects[0]) } else { entity_class.clone() };
        q.push(quad(p.clone(), rdfs::DOMAIN, domain));
        q.push(quad(p, rdfs::RANGE, range));
    }
    // links between entities that the gazetteer knows (not relations stated by a text)
    for (name, comment) in [
        ("country", "the state an entity belongs to: a city's, a person's, an organisation's home state, a weapon system's maker state"),
        ("maker", "the organisation that makes a weapon system"),
        ("variantOf", "the family of a weapon system's variant (F-16 Block 70 → F-16)"),
    ] {
        q.push(quad(iris.term(name), rdf::TYPE, owl("ObjectProperty")));
        q.push(quad(iris.term(name), rdfs::COMMENT, Literal::new_language_tagged_literal_unchecked(comment, "en")));
    }
    for (name, comment) in [
        ("cameoRoot", "CAMEO root event code of the relation"),
        ("goldstein", "Goldstein (1992) weight of the relation's CAMEO root, -10 to +10"),
        ("confidence", "confidence in [0, 1] of a mention, or of an edge from all its mentions"),
        ("modality", "asserted, reported, planned, considered or negated"),
        ("rule", "the extraction rule that produced a mention (pattern file:line, office, derived:…)"),
        ("derived", "true for relations rolled up from what officials did, not stated by the text"),
        ("mentionCount", "number of mentions behind an edge"),
        ("documentCount", "number of documents stating an edge"),
        ("publisherCount", "number of distinct publishers stating an edge"),
    ] {
        q.push(quad(iris.term(name), rdf::TYPE, owl("DatatypeProperty")));
        q.push(quad(iris.term(name), rdfs::COMMENT, Literal::new_language_tagged_literal_unchecked(comment, "en")));
    }
    q
}

/// Writes the vocabulary with the usual prefixes.
pub fn write_vocabulary(iris: &Iris, format: oxigraph::io::RdfFormat, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let mut serializer = oxigraph::io::RdfSerializer::from_format(format);
    for (prefix, ns) in [
        ("kh", iris.ontology()),
        ("owl", OWL.to_string()),
        ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#".to_string()),
        ("rdfs", "http://www.w3.org/2000/01/rdf-schema#".to_string()),
        ("xsd", "http://www.w3.org/2001/XMLSchema#".to_string()),
    ] {
        serializer = serializer.with_prefix(prefix, ns).map_err(std::io::Error::other)?;
    }
    let mut w = serializer.for_writer(out);
    for q in vocabulary(iris) {
        w.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object))?;
    }
    w.finish()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iris_round_trip_and_encode() {
        let iris = Iris::new("http://example.org/kh");
        assert_eq!(iris.entity("azerbaijan").as_str(), "http://example.org/kh/entity/azerbaijan");
        assert_eq!(iris.entity_id("http://example.org/kh/entity/person-kar%C3%AFm"), Some("person-karïm".to_string()));
        assert_eq!(iris.document("a b/c").as_str(), "http://example.org/kh/document/a%20b%2Fc");
        assert_eq!(iris.local_name("http://example.org/kh/ontology#visits"), Some("visits"));
    }

    #[test]
    fn vocabulary_declares_every_relation() {
        let q = vocabulary(&Iris::default());
        let symmetric = q.iter().filter(|q| q.object.to_string() == format!("<{OWL}SymmetricProperty>")).count();
        assert_eq!(symmetric, 12);
        let properties = q.iter().filter(|q| q.object.to_string() == format!("<{OWL}ObjectProperty>")).count();
        assert_eq!(properties, 23 + 3, "the 23 relations, country, maker and variantOf");
    }
}
