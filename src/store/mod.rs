//! The graph on disk: an Oxigraph store (RocksDB) holding one named graph per document version and a
//! default-graph view that aggregates them.
//!
//! Each document is written in one transaction that removes its previous version and inserts the new
//! one, so a crash leaves either the old or the new version, never half of one. An unchanged document
//! (same content hash, which is part of its graph's IRI) is skipped.

pub mod explain;
pub mod push;
pub mod query;
pub mod rdf;
pub mod view;
pub mod vocab;

use std::path::{Path, PathBuf};

use oxigraph::model::{GraphNameRef, LiteralRef, NamedOrBlankNode, QuadRef};
use oxigraph::store::{StorageError, Store};

use crate::pipeline::Extraction;
use vocab::Iris;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {}: {source} (if it is damaged, delete the directory and run `khabar build` again)", path.display())]
    Open { path: PathBuf, source: StorageError },
    #[error("no store at {} (run `khabar build` first, or pass --store DIR)", path.display())]
    Missing { path: PathBuf },
    #[error("store: {0}")]
    Storage(#[from] StorageError),
    #[error("SPARQL: {0}")]
    Query(String),
}

/// What ingesting a document did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ingest {
    Added,
    Replaced,
    Unchanged,
}

pub struct GraphStore {
    store: Store,
    iris: Iris,
}

impl GraphStore {
    /// Opens (or creates) the store for writing.
    pub fn open(path: &Path, iris: Iris) -> Result<GraphStore, StoreError> {
        let store = Store::open(path).map_err(|source| StoreError::Open { path: path.into(), source })?;
        Ok(GraphStore { store, iris })
    }

    /// Opens an existing store for reading only; other readers may have it open too.
    pub fn open_read_only(path: &Path, iris: Iris) -> Result<GraphStore, StoreError> {
        if !path.join("CURRENT").exists() {
            return Err(StoreError::Missing { path: path.into() });
        }
        let store = Store::open_read_only(path).map_err(|source| StoreError::Open { path: path.into(), source })?;
        Ok(GraphStore { store, iris })
    }

    /// An in-memory store (tests, one-off conversions).
    pub fn in_memory(iris: Iris) -> Result<GraphStore, StoreError> {
        Ok(GraphStore { store: Store::new()?, iris })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn iris(&self) -> &Iris {
        &self.iris
    }

    /// The named graphs of one document (normally one: its current version).
    fn graphs_of(&self, id: &str) -> Result<Vec<NamedOrBlankNode>, StoreError> {
        let prefix = self.iris.graph_prefix(id);
        let mut graphs = Vec::new();
        for g in self.store.named_graphs() {
            let g = g?;
            if let NamedOrBlankNode::NamedNode(n) = &g {
                let rest = n.as_str().strip_prefix(&prefix);
                if rest.is_some_and(|r| !r.contains('/')) {
                    graphs.push(g);
                }
            }
        }
        Ok(graphs)
    }

    /// Writes one document's graph, replacing its previous version, in one transaction.
    pub fn ingest(&self, x: &Extraction) -> Result<Ingest, StoreError> {
        let graph = self.iris.graph(&x.document.id, &x.document.hash);
        let old = self.graphs_of(&x.document.id)?;
        let same_text = old.len() == 1 && old[0] == NamedOrBlankNode::NamedNode(graph.clone());
        let same_extractor = self.store.contains(QuadRef::new(
            &self.iris.document(&x.document.id),
            &self.iris.term("extractedWith"),
            LiteralRef::new_simple_literal(&x.document.extractor),
            &graph,
        ))?;
        if same_text && same_extractor {
            return Ok(Ingest::Unchanged);
        }
        let quads = rdf::document_quads(&self.iris, x);
        let mut t = self.store.start_transaction()?;
        for g in &old {
            t.remove_named_graph(g)?;
        }
        t.insert_named_graph(&graph);
        t.extend(quads.iter());
        t.commit()?;
        Ok(if old.is_empty() { Ingest::Added } else { Ingest::Replaced })
    }

    /// Removes everything a document contributed; returns whether it was there.
    pub fn remove(&self, id: &str) -> Result<bool, StoreError> {
        let old = self.graphs_of(id)?;
        let mut t = self.store.start_transaction()?;
        for g in &old {
            t.remove_named_graph(g)?;
        }
        t.commit()?;
        Ok(!old.is_empty())
    }

    /// The documents in the store: (id, graph IRI), sorted by id.
    pub fn documents(&self) -> Result<Vec<(String, String)>, StoreError> {
        let prefix = format!("{}graph/", self.iris.base());
        let mut docs = Vec::new();
        for g in self.store.named_graphs() {
            if let NamedOrBlankNode::NamedNode(n) = g? {
                if let Some(rest) = n.as_str().strip_prefix(&prefix) {
                    if let Some((id, _hash)) = rest.rsplit_once('/') {
                        let id = self.iris.entity_id(&format!("{}entity/{id}", self.iris.base())).unwrap_or_else(|| id.to_string());
                        docs.push((id, n.as_str().to_string()));
                    }
                }
            }
        }
        docs.sort();
        Ok(docs)
    }

    /// Number of quads in the default graph (the view).
    pub fn view_len(&self) -> Result<usize, StoreError> {
        Ok(self.store.quads_for_pattern(None, None, None, Some(GraphNameRef::DefaultGraph)).count())
    }

    pub fn flush(&self) -> Result<(), StoreError> {
        self.store.flush()?;
        Ok(())
    }
}
