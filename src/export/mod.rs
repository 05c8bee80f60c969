//! Exports of the graph: GraphML, GEXF, CSV and RDF dumps of the store, and the per-document triples
//! of `khabar extract`. Each format is a writer over the same [`graph::Graph`].

pub mod csv;
pub mod gexf;
pub mod graph;
pub mod graphml;
pub mod layout;
pub mod rdf;
pub mod style;
pub mod svg;
pub mod triples;
