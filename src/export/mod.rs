//! Exports of the graph and of extractions: per-document triples (TSV/JSONL), and (elsewhere in this
//! folder) GraphML, GEXF, CSV and RDF dumps.

pub mod triples;
