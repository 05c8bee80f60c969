//! Dumps of the whole dataset (document graphs and the view) as N-Quads, TriG, or — for the view
//! alone, since these formats have no named graphs — Turtle and JSON-LD.

use std::io::Write;

use oxigraph::io::RdfFormat;
use oxigraph::model::GraphNameRef;

use crate::store::GraphStore;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DumpFormat {
    NQuads,
    TriG,
    /// The default-graph view only.
    Turtle,
    /// The default-graph view only.
    JsonLd,
}

impl DumpFormat {
    pub fn extension(self) -> &'static str {
        match self {
            DumpFormat::NQuads => "nq",
            DumpFormat::TriG => "trig",
            DumpFormat::Turtle => "ttl",
            DumpFormat::JsonLd => "jsonld",
        }
    }
}

pub fn dump<W: Write>(store: &GraphStore, format: DumpFormat, out: W) -> std::io::Result<()> {
    let io = |e: oxigraph::store::SerializerError| std::io::Error::other(e.to_string());
    match format {
        DumpFormat::NQuads => store.store().dump_to_writer(RdfFormat::NQuads, out).map(drop).map_err(io),
        DumpFormat::TriG => store.store().dump_to_writer(RdfFormat::TriG, out).map(drop).map_err(io),
        DumpFormat::Turtle => store.store().dump_graph_to_writer(GraphNameRef::DefaultGraph, RdfFormat::Turtle, out).map(drop).map_err(io),
        DumpFormat::JsonLd => store
            .store()
            .dump_graph_to_writer(GraphNameRef::DefaultGraph, RdfFormat::JsonLd { profile: Default::default() }, out)
            .map(drop)
            .map_err(io),
    }
}
