//! GEXF 1.3 with time: the per-relation multigraph (one edge per subject, relation, object, its
//! `kind` the relation, so parallel relations between one pair stay apart in Gephi), symmetric
//! relations as `mutual` edges (GEXF's reciprocal type, which Gephi and networkx read as both
//! directions of a directed graph; a graph mixing `undirected` into `directed` edges is refused by
//! networkx), and spells from the dates of each edge's mentions for Gephi's
//! timeline. Colours, sizes and positions in the viz namespace.

use std::io::Write;

use chrono::NaiveDate;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::graph::Graph;
use super::graphml::{quote, xml_id};
use super::layout::layout;
use super::style::{edge_colour, node_colour, node_size};

const NODE_ATTRIBUTES: &[(&str, &str)] = &[
    ("type", "string"),
    ("label_ar", "string"),
    ("label_fa", "string"),
    ("wikidata", "string"),
    ("latitude", "double"),
    ("longitude", "double"),
    ("degree", "integer"),
    ("mentions", "integer"),
];
const EDGE_ATTRIBUTES: &[(&str, &str)] = &[
    ("relation", "string"),
    ("mentions", "integer"),
    ("documents", "integer"),
    ("publishers", "integer"),
    ("first_date", "string"),
    ("last_date", "string"),
    ("confidence", "double"),
    ("cameo_root", "string"),
    ("goldstein", "double"),
    ("family", "string"),
    ("derived", "boolean"),
    ("evidence", "string"),
];

/// The days an ISO date at any precision covers: "2022" is the whole year, "2022-05" the month.
pub fn interval(date: &str) -> Option<(NaiveDate, NaiveDate)> {
    let parts: Vec<&str> = date.split('-').collect();
    let year: i32 = parts.first()?.parse().ok()?;
    match parts.len() {
        1 => Some((NaiveDate::from_ymd_opt(year, 1, 1)?, NaiveDate::from_ymd_opt(year, 12, 31)?)),
        2 => {
            let month: u32 = parts[1].parse().ok()?;
            let start = NaiveDate::from_ymd_opt(year, month, 1)?;
            let next = if month == 12 { NaiveDate::from_ymd_opt(year + 1, 1, 1)? } else { NaiveDate::from_ymd_opt(year, month + 1, 1)? };
            Some((start, next.pred_opt()?))
        }
        _ => {
            let day = NaiveDate::parse_from_str(date.get(..10)?, "%Y-%m-%d").ok()?;
            Some((day, day))
        }
    }
}

fn attvalue<W: Write>(w: &mut Writer<W>, key: &str, value: &str) -> std::io::Result<()> {
    w.create_element("attvalue").with_attribute(("for", key)).with_attribute(("value", value)).write_empty()?;
    Ok(())
}

fn declare<W: Write>(w: &mut Writer<W>, class: &str, attributes: &[(&str, &str)]) -> std::io::Result<()> {
    w.create_element("attributes").with_attribute(("class", class)).write_inner_content(|w| {
        for (id, kind) in attributes {
            w.create_element("attribute").with_attribute(("id", *id)).with_attribute(("title", *id)).with_attribute(("type", *kind)).write_empty()?;
        }
        Ok(())
    })?;
    Ok(())
}

pub fn write<W: Write>(graph: &Graph, out: W) -> std::io::Result<()> {
    let positions = layout(graph, 1000.0);
    let mut w = Writer::new_with_indent(out, b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    w.create_element("gexf")
        .with_attribute(("xmlns", "http://gexf.net/1.3"))
        .with_attribute(("xmlns:viz", "http://gexf.net/1.3/viz"))
        .with_attribute(("version", "1.3"))
        .write_inner_content(|w| {
            w.create_element("meta").write_inner_content(|w| {
                w.create_element("creator").write_text_content(BytesText::new("khabar"))?;
                w.create_element("description").write_text_content(BytesText::new(
                    "Relations between states in the news; one edge per (subject, relation, object), kind = relation, spells from the dates of its mentions.",
                ))?;
                Ok(())
            })?;
            w.create_element("graph")
                .with_attribute(("mode", "dynamic"))
                .with_attribute(("defaultedgetype", "directed"))
                .with_attribute(("timeformat", "date"))
                .write_inner_content(|w| {
                    declare(w, "node", NODE_ATTRIBUTES)?;
                    declare(w, "edge", EDGE_ATTRIBUTES)?;
                    w.create_element("nodes").write_inner_content(|w| {
                        for (n, (x, y)) in graph.nodes.iter().zip(&positions) {
                            let (r, g, b) = node_colour(&n.kind);
                            w.create_element("node").with_attribute(("id", xml_id(&n.id).as_str())).with_attribute(("label", n.label.as_str())).write_inner_content(|w| {
                                w.create_element("attvalues").write_inner_content(|w| {
                                    attvalue(w, "type", &n.kind)?;
                                    attvalue(w, "label_ar", &n.label_ar)?;
                                    attvalue(w, "label_fa", &n.label_fa)?;
                                    attvalue(w, "wikidata", &n.wikidata)?;
                                    if let (Some(lat), Some(lon)) = (n.lat, n.lon) {
                                        attvalue(w, "latitude", &lat.to_string())?;
                                        attvalue(w, "longitude", &lon.to_string())?;
                                    }
                                    attvalue(w, "degree", &n.degree.to_string())?;
                                    attvalue(w, "mentions", &n.mentions.to_string())
                                })?;
                                w.create_element("viz:color")
                                    .with_attribute(("r", r.to_string().as_str()))
                                    .with_attribute(("g", g.to_string().as_str()))
                                    .with_attribute(("b", b.to_string().as_str()))
                                    .write_empty()?;
                                w.create_element("viz:position")
                                    .with_attribute(("x", x.to_string().as_str()))
                                    .with_attribute(("y", y.to_string().as_str()))
                                    .with_attribute(("z", "0"))
                                    .write_empty()?;
                                w.create_element("viz:size").with_attribute(("value", format!("{:.1}", node_size(n)).as_str())).write_empty()?;
                                Ok(())
                            })?;
                        }
                        Ok(())
                    })?;
                    w.create_element("edges").write_inner_content(|w| {
                        for (i, e) in graph.edges.iter().enumerate() {
                            let info = e.relation.info();
                            let (r, g, b) = edge_colour(e.relation);
                            w.create_element("edge")
                                .with_attribute(("id", format!("e{i}").as_str()))
                                .with_attribute(("source", xml_id(&e.source).as_str()))
                                .with_attribute(("target", xml_id(&e.target).as_str()))
                                .with_attribute(("type", if e.relation.symmetric() { "mutual" } else { "directed" }))
                                .with_attribute(("kind", e.relation.name()))
                                .with_attribute(("label", e.relation.name()))
                                .with_attribute(("weight", (e.mentions.max(1) as f64).to_string().as_str()))
                                .write_inner_content(|w| {
                                    let spells: Vec<(NaiveDate, NaiveDate)> = e.dates.iter().filter_map(|d| interval(d)).collect();
                                    if !spells.is_empty() {
                                        w.create_element("spells").write_inner_content(|w| {
                                            for (start, end) in &spells {
                                                w.create_element("spell")
                                                    .with_attribute(("start", start.format("%Y-%m-%d").to_string().as_str()))
                                                    .with_attribute(("end", end.format("%Y-%m-%d").to_string().as_str()))
                                                    .write_empty()?;
                                            }
                                            Ok(())
                                        })?;
                                    }
                                    w.create_element("attvalues").write_inner_content(|w| {
                                        attvalue(w, "relation", e.relation.name())?;
                                        attvalue(w, "mentions", &e.mentions.to_string())?;
                                        attvalue(w, "documents", &e.documents.to_string())?;
                                        attvalue(w, "publishers", &e.publishers.to_string())?;
                                        attvalue(w, "first_date", e.first.as_deref().unwrap_or(""))?;
                                        attvalue(w, "last_date", e.last.as_deref().unwrap_or(""))?;
                                        attvalue(w, "confidence", &format!("{:.3}", e.confidence))?;
                                        attvalue(w, "cameo_root", info.cameo)?;
                                        attvalue(w, "goldstein", &info.goldstein.to_string())?;
                                        attvalue(w, "family", &format!("{:?}", e.relation.family()).to_lowercase())?;
                                        attvalue(w, "derived", &e.derived.to_string())?;
                                        attvalue(w, "evidence", &quote(&e.evidence, 240))
                                    })?;
                                    w.create_element("viz:color")
                                        .with_attribute(("r", r.to_string().as_str()))
                                        .with_attribute(("g", g.to_string().as_str()))
                                        .with_attribute(("b", b.to_string().as_str()))
                                        .write_empty()?;
                                    w.create_element("viz:thickness").with_attribute(("value", (1.0 + (e.mentions as f64).sqrt()).to_string().as_str())).write_empty()?;
                                    Ok(())
                                })?;
                        }
                        Ok(())
                    })?;
                    Ok(())
                })?;
            Ok(())
        })?;
    let mut out = w.into_inner();
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::interval;
    use chrono::NaiveDate;

    #[test]
    fn partial_dates_cover_their_period() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(interval("2022"), Some((d(2022, 1, 1), d(2022, 12, 31))));
        assert_eq!(interval("2024-02"), Some((d(2024, 2, 1), d(2024, 2, 29))));
        assert_eq!(interval("2022-10-08"), Some((d(2022, 10, 8), d(2022, 10, 8))));
        assert_eq!(interval("soon"), None);
    }
}
