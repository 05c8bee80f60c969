//! khabar: news articles in Arabic, Persian and English about relations between states, turned into
//! an explainable knowledge graph.
//!
//! The pipeline, in the order data flows:
//! - [`input`]: articles from `.txt`, `.html`, `.jsonl` files and directories;
//! - [`text`]: language, paragraphs, sentences, tokens with offsets into the original, furniture, dates;
//! - [`entities`]: the gazetteer and the recognition of its names, offices and people, coreference;
//! - [`relations`]: the ontology's relation types, the pattern language and its matcher, modality;
//! - [`pipeline`]: one article through all layers into an [`pipeline::Extraction`];
//! - [`store`]: the Oxigraph store on disk, one named graph per document;
//! - [`export`]: GraphML, GEXF, CSV and RDF dumps; [`report`]: Markdown/HTML/JSON reports.

pub mod bench;
pub mod build;
pub mod corpus;
pub mod data;
pub mod entities;
pub mod eval;
pub mod export;
pub mod input;
pub mod metadata;
pub mod pipeline;
pub mod relations;
pub mod report;
pub mod server;
pub mod store;
pub mod text;
