//! GraphML for Gephi, yEd, networkx, igraph and Cytoscape.
//!
//! GraphML has no notion of parallel edges that Gephi keeps apart (it merges them by default), so
//! khabar writes ONE edge per related pair carrying every relation between them: `relations` lists
//! them all, `relation` names the one with most mentions, `label` shows them. Every edge is directed
//! (networkx and igraph refuse GraphML that mixes directed and undirected edges): it runs from
//! subject to object, and a symmetric relation runs between its pair in id order, flagged by
//! `symmetric = true`. The per-relation multigraph, with truly undirected symmetric edges, is in the
//! GEXF export.
//!
//! Key ids are descriptive (never `d0, d1…`); the ids and names Gephi reads specially (`label`,
//! `weight`, `x`, `y`, `size`, `r`, `g`, `b`) are used only for exactly what Gephi expects of them.
//! Edge keys have their own ids (`edge_label`, `edge_r`…) with the attribute names Gephi looks for,
//! since igraph ignores keys declared `for="all"`.

use std::collections::BTreeMap;
use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::graph::{Edge, Graph};
use super::layout::layout;
use super::style::{edge_colour, node_colour, node_size};

/// A GraphML `key` declaration: id, domain, attribute name, type.
const KEYS: &[(&str, &str, &str, &str)] = &[
    ("label", "node", "label", "string"),
    ("edge_label", "edge", "label", "string"),
    ("type", "node", "type", "string"),
    ("label_en", "node", "label_en", "string"),
    ("label_ar", "node", "label_ar", "string"),
    ("label_fa", "node", "label_fa", "string"),
    ("wikidata", "node", "wikidata", "string"),
    ("latitude", "node", "latitude", "double"),
    ("longitude", "node", "longitude", "double"),
    ("degree", "node", "degree", "int"),
    ("mentions", "node", "mentions", "int"),
    ("size", "node", "size", "double"),
    ("x", "node", "x", "double"),
    ("y", "node", "y", "double"),
    ("r", "node", "r", "int"),
    ("g", "node", "g", "int"),
    ("b", "node", "b", "int"),
    ("edge_r", "edge", "r", "int"),
    ("edge_g", "edge", "g", "int"),
    ("edge_b", "edge", "b", "int"),
    ("relation", "edge", "relation", "string"),
    ("relations", "edge", "relations", "string"),
    ("weight", "edge", "weight", "double"),
    ("edge_mentions", "edge", "mentions", "int"),
    ("documents", "edge", "documents", "int"),
    ("publishers", "edge", "publishers", "int"),
    ("first_date", "edge", "first_date", "string"),
    ("last_date", "edge", "last_date", "string"),
    ("confidence", "edge", "confidence", "double"),
    ("cameo_root", "edge", "cameo_root", "string"),
    ("goldstein", "edge", "goldstein", "double"),
    ("family", "edge", "family", "string"),
    ("derived", "edge", "derived", "boolean"),
    ("symmetric", "edge", "symmetric", "boolean"),
    ("evidence", "edge", "evidence", "string"),
];

/// An XML NMTOKEN made of an entity id (GraphML node ids may not hold spaces).
pub fn xml_id(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':') { c } else { '_' }).collect()
}

/// A short quote: evidence sentences can be long.
pub fn quote(s: &str, max_chars: usize) -> String {
    if s.chars().count() <= max_chars {
        return s.to_string();
    }
    let cut: String = s.chars().take(max_chars).collect();
    format!("{}…", cut.trim_end())
}

fn data<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("data").with_attribute(("key", key)).write_text_content(BytesText::new(value))?;
    Ok(())
}

/// Edges grouped per pair: ((source, target), edges, whether any of them is directed).
pub fn pairs(graph: &Graph) -> Vec<((String, String), Vec<&Edge>, bool)> {
    let mut groups: BTreeMap<(String, String), Vec<&Edge>> = BTreeMap::new();
    for e in &graph.edges {
        groups.entry((e.source.clone(), e.target.clone())).or_default().push(e);
    }
    groups
        .into_iter()
        .map(|(k, mut edges)| {
            edges.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.relation.name().cmp(b.relation.name())));
            let directed = edges.iter().any(|e| !e.relation.symmetric());
            (k, edges, directed)
        })
        .collect()
}

pub fn write<W: Write>(graph: &Graph, out: W) -> std::io::Result<()> {
    let positions = layout(graph, 1000.0);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("graphml")
        .with_attribute(("xmlns", "http://graphml.graphdrawing.org/xmlns"))
        .with_attribute(("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"))
        .with_attribute(("xsi:schemaLocation", "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd"))
        .write_inner_content(|w| {
            for (id, domain, name, kind) in KEYS {
                w.create_element("key")
                    .with_attribute(("id", *id))
                    .with_attribute(("for", *domain))
                    .with_attribute(("attr.name", *name))
                    .with_attribute(("attr.type", *kind))
                    .write_empty()?;
            }
            w.create_element("graph").with_attribute(("id", "khabar")).with_attribute(("edgedefault", "directed")).write_inner_content(|w| {
                for (n, (x, y)) in graph.nodes.iter().zip(&positions) {
                    let (r, g, b) = node_colour(&n.kind);
                    w.create_element("node").with_attribute(("id", xml_id(&n.id).as_str())).write_inner_content(|w| {
                        data(w, "label", &n.label)?;
                        data(w, "type", &n.kind)?;
                        data(w, "label_en", &n.label)?;
                        data(w, "label_ar", &n.label_ar)?;
                        data(w, "label_fa", &n.label_fa)?;
                        data(w, "wikidata", &n.wikidata)?;
                        if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
                            data(w, "latitude", &lat.to_string())?;
                            data(w, "longitude", &lon.to_string())?;
                        }
                        data(w, "degree", &n.degree.to_string())?;
                        data(w, "mentions", &n.mentions.to_string())?;
                        data(w, "size", &format!("{:.1}", node_size(n)))?;
                        data(w, "x", &x.to_string())?;
                        data(w, "y", &y.to_string())?;
                        data(w, "r", &r.to_string())?;
                        data(w, "g", &g.to_string())?;
                        data(w, "b", &b.to_string())?;
                        Ok(())
                    })?;
                }
                for (i, ((source, target), edges, directed)) in pairs(graph).into_iter().enumerate() {
                    let main = edges[0];
                    let names: Vec<&str> = edges.iter().map(|e| e.relation.name()).collect();
                    let mentions: usize = edges.iter().map(|e| e.mentions).sum();
                    let (r, g, b) = edge_colour(main.relation);
                    let info = main.relation.info();
                    let first = edges.iter().filter_map(|e| e.first.clone()).min().unwrap_or_default();
                    let last = edges.iter().filter_map(|e| e.last.clone()).max().unwrap_or_default();
                    w.create_element("edge")
                        .with_attribute(("id", format!("e{i}").as_str()))
                        .with_attribute(("source", xml_id(&source).as_str()))
                        .with_attribute(("target", xml_id(&target).as_str()))
                        .write_inner_content(|w| {
                            data(w, "edge_label", &names.join(", "))?;
                            data(w, "relation", main.relation.name())?;
                            data(w, "relations", &names.join(";"))?;
                            data(w, "weight", &(mentions.max(1) as f64).to_string())?;
                            data(w, "edge_mentions", &mentions.to_string())?;
                            data(w, "documents", &edges.iter().map(|e| e.documents).max().unwrap_or(0).to_string())?;
                            data(w, "publishers", &edges.iter().map(|e| e.publishers).max().unwrap_or(0).to_string())?;
                            data(w, "first_date", &first)?;
                            data(w, "last_date", &last)?;
                            data(w, "confidence", &format!("{:.3}", edges.iter().map(|e| e.confidence).fold(0.0, f64::max)))?;
                            data(w, "cameo_root", info.cameo)?;
                            data(w, "goldstein", &info.goldstein.to_string())?;
                            data(w, "family", &format!("{:?}", main.relation.family()).to_lowercase())?;
                            data(w, "derived", if edges.iter().all(|e| e.derived) { "true" } else { "false" })?;
                            data(w, "symmetric", if directed { "false" } else { "true" })?;
                            data(w, "evidence", &quote(&main.evidence, 240))?;
                            data(w, "edge_r", &r.to_string())?;
                            data(w, "edge_g", &g.to_string())?;
                            data(w, "edge_b", &b.to_string())?;
                            Ok(())
                        })?;
                }
                Ok(())
            })?;
            Ok(())
        })?;
    let mut out = w.into_inner();
    writeln!(out)?;
    Ok(())
}
