//! `khabar push`: sends the graph to an external SPARQL 1.1 store, document graphs intact, so a team
//! that outgrows one machine can move to a clustered triplestore.
//!
//! With a Graph Store HTTP Protocol URL, each named graph is PUT to `URL?graph=IRI` and the view to
//! `URL?default` (N-Triples), replacing what the target held under those names. With only a SPARQL
//! Update endpoint, each graph is sent as `DROP SILENT GRAPH` + `INSERT DATA`.

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, NamedOrBlankNode, Quad};

use super::{GraphStore, StoreError};

#[derive(Debug, thiserror::Error)]
pub enum PushError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("{url}: {message}")]
    Http { url: String, message: String },
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PushSummary {
    pub graphs: usize,
    pub triples: usize,
}

pub enum Target<'a> {
    GraphStore(&'a str),
    Update(&'a str),
}

fn ntriples(quads: &[Quad]) -> Vec<u8> {
    let mut w = RdfSerializer::from_format(RdfFormat::NTriples).for_writer(Vec::new());
    for q in quads {
        w.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object)).expect("writing to memory");
    }
    w.finish().expect("writing to memory")
}

fn http_error(url: &str, e: ureq::Error) -> PushError {
    PushError::Http { url: url.to_string(), message: e.to_string() }
}

/// Sends every graph of the store to the target.
pub fn push(store: &GraphStore, target: Target) -> Result<PushSummary, PushError> {
    let mut graphs: Vec<GraphName> = vec![GraphName::DefaultGraph];
    for g in store.store().named_graphs() {
        if let NamedOrBlankNode::NamedNode(n) = g.map_err(StoreError::from)? {
            graphs.push(GraphName::NamedNode(n));
        }
    }
    let mut summary = PushSummary::default();
    for graph in graphs {
        let quads: Vec<Quad> = store
            .store()
            .quads_for_pattern(None, None, None, Some(graph.as_ref()))
            .collect::<Result<_, _>>()
            .map_err(StoreError::from)?;
        let body = ntriples(&quads);
        match &target {
            Target::GraphStore(base) => {
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = match &graph {
                    GraphName::NamedNode(n) => format!("{base}{sep}graph={}", form_urlencoded::byte_serialize(n.as_str().as_bytes()).collect::<String>()),
                    _ => format!("{base}{sep}default"),
                };
                ureq::put(&url).header("Content-Type", "application/n-triples").send(&body[..]).map_err(|e| http_error(&url, e))?;
            }
            Target::Update(url) => {
                let data = String::from_utf8_lossy(&body);
                let update = match &graph {
                    GraphName::NamedNode(n) => format!("DROP SILENT GRAPH <{}> ; INSERT DATA {{ GRAPH <{}> {{ {data} }} }}", n.as_str(), n.as_str()),
                    _ => format!("DROP SILENT DEFAULT ; INSERT DATA {{ {data} }}"),
                };
                ureq::post(*url).send_form([("update", update.as_str())]).map_err(|e| http_error(url, e))?;
            }
        }
        summary.graphs += usize::from(graph != GraphName::DefaultGraph || !quads.is_empty());
        summary.triples += quads.len();
    }
    Ok(summary)
}
