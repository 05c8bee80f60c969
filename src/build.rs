//! `khabar build`: articles → store → exports, with a summary of what happened.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::corpus::{self, Notice};
use crate::export::graph::Graph;
use crate::export::{csv, gexf, graphml, rdf, svg};
use crate::pipeline::Knowledge;
use crate::store::vocab::Iris;
use crate::store::{GraphStore, Ingest, StoreError, view};

#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: std::io::Error },
}

pub struct BuildOptions {
    pub inputs: Vec<PathBuf>,
    pub store: PathBuf,
    /// Where the exports go; `None` skips them.
    pub exports: Option<PathBuf>,
    pub iris: Iris,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct BuildSummary {
    pub documents: usize,
    pub added: usize,
    pub replaced: usize,
    pub unchanged: usize,
    /// Inputs (or records) skipped with an error.
    pub skipped: usize,
    pub furniture: usize,
    pub relation_mentions: usize,
    pub entities: usize,
    pub edges: usize,
    pub elapsed: Duration,
    pub written: Vec<PathBuf>,
}

/// Runs the build. Problems with single inputs go to `notice`; the rest goes on. The store is
/// written one document per transaction.
pub fn build(k: &Knowledge, options: &BuildOptions, mut notice: impl FnMut(Notice), mut progress: impl FnMut(usize)) -> Result<BuildSummary, BuildError> {
    let started = Instant::now();
    let store = GraphStore::open(&options.store, options.iris.clone())?;
    let mut summary = BuildSummary::default();
    let mut store_error = None;
    corpus::run(
        k,
        &options.inputs,
        |x| {
            if store_error.is_some() {
                return;
            }
            summary.documents += 1;
            summary.furniture += x.document.furniture;
            summary.relation_mentions += x.relations.len();
            match store.ingest(&x) {
                Ok(Ingest::Added) => summary.added += 1,
                Ok(Ingest::Replaced) => summary.replaced += 1,
                Ok(Ingest::Unchanged) => summary.unchanged += 1,
                Err(e) => store_error = Some(e),
            }
            progress(summary.documents);
        },
        |n| {
            if matches!(n, Notice::Skipped(_)) {
                summary.skipped += 1;
            }
            notice(n);
        },
    );
    if let Some(e) = store_error {
        return Err(e.into());
    }
    let stats = view::refresh(&store)?;
    summary.entities = stats.entities;
    summary.edges = stats.edges;
    if let Some(dir) = &options.exports {
        summary.written = write_exports(&store, dir)?;
    }
    store.flush()?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Writes one export file; the file is written in full or the error names it.
pub fn write_file(path: PathBuf, write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>) -> Result<PathBuf, BuildError> {
    let result = File::create(&path).map(BufWriter::new).and_then(|mut out| {
        write(&mut out)?;
        out.flush()
    });
    match result {
        Ok(()) => Ok(path),
        Err(source) => Err(BuildError::Write { path, source }),
    }
}

/// Writes the standard exports of the whole graph into `dir`; returns the files written.
pub fn write_exports(store: &GraphStore, dir: &Path) -> Result<Vec<PathBuf>, BuildError> {
    std::fs::create_dir_all(dir).map_err(|source| BuildError::Write { path: dir.into(), source })?;
    let graph = Graph::from_store(store)?;
    let csv_io = |e: ::csv::Error| std::io::Error::other(e);
    let picture = svg::SvgOptions { width: 960.0, height: 720.0, centre: None, title: "khabar: the graph".into() };
    let corpus = crate::report::model::Corpus::load(store)?;
    let reports_dir = dir.join("reports");
    let reports = crate::report::write_standard_set(&corpus, &reports_dir).map_err(|source| BuildError::Write { path: reports_dir, source })?;
    Ok(vec![
        write_file(dir.join("graph.graphml"), |out| graphml::write(&graph, out))?,
        write_file(dir.join("graph.gexf"), |out| gexf::write(&graph, out))?,
        write_file(dir.join("nodes.csv"), |out| csv::write_nodes(&graph, out).map_err(csv_io))?,
        write_file(dir.join("edges.csv"), |out| csv::write_edges(&graph, out).map_err(csv_io))?,
        write_file(dir.join("graph.nq"), |out| rdf::dump(store, rdf::DumpFormat::NQuads, out))?,
        write_file(dir.join("graph.svg"), |out| svg::write(&graph, &picture, out))?,
    ]
    .into_iter()
    .chain(reports)
    .collect())
}
