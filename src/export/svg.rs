//! The graph as an SVG picture, drawn from khabar's own layout: nodes coloured by type and sized by
//! mentions, edges coloured by cooperation or conflict, labels beside the nodes. Used for the
//! README's picture (`khabar export --format svg`) and the ego networks of reports.

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::BytesText;

use super::graph::Graph;
use super::graphml::pairs;
use super::layout::layout;
use super::style::{edge_colour, hex, node_colour};

/// Width kept free right of the rightmost node for its label.
const LABEL_ROOM: f64 = 170.0;

pub struct SvgOptions {
    pub width: f64,
    pub height: f64,
    /// The entity to draw larger and in bold (an ego network's centre).
    pub centre: Option<String>,
    pub title: String,
}

/// One legend entry per entity type in the graph.
fn legend_types(graph: &Graph) -> Vec<String> {
    let mut kinds: Vec<String> = graph.nodes.iter().map(|n| n.kind.clone()).collect();
    kinds.sort();
    kinds.dedup();
    kinds
}

pub fn write<W: Write>(graph: &Graph, options: &SvgOptions, out: W) -> std::io::Result<()> {
    let margin = 70.0;
    let (w, h) = (options.width, options.height);
    let positions = layout(graph, 1.0);
    let place = |i: usize| {
        let (x, y) = positions[i];
        // labels run to the right of their node: keep room for them there
        (margin / 2.0 + (x + 1.0) / 2.0 * (w - margin / 2.0 - LABEL_ROOM), 40.0 + margin / 2.0 + (y + 1.0) / 2.0 * (h - 2.0 * margin - 40.0))
    };
    let index = |id: &str| graph.nodes.iter().position(|n| n.id == id);
    let mut xml = Writer::new_with_indent(out, b' ', 1);
    xml.create_element("svg")
        .with_attribute(("xmlns", "http://www.w3.org/2000/svg"))
        .with_attribute(("viewBox", format!("0 0 {w} {h}").as_str()))
        .with_attribute(("width", w.to_string().as_str()))
        .with_attribute(("height", h.to_string().as_str()))
        .with_attribute(("font-family", "sans-serif"))
        .with_attribute(("role", "img"))
        .write_inner_content(|x| {
            x.create_element("title").write_text_content(BytesText::new(&options.title))?;
            x.create_element("rect").with_attribute(("width", "100%")).with_attribute(("height", "100%")).with_attribute(("fill", "#ffffff")).write_empty()?;
            x.create_element("text")
                .with_attribute(("x", "12"))
                .with_attribute(("y", "24"))
                .with_attribute(("font-size", "16"))
                .with_attribute(("font-weight", "bold"))
                .write_text_content(BytesText::new(&options.title))?;
            for ((source, target), edges, _) in pairs(graph) {
                let (Some(a), Some(b)) = (index(&source), index(&target)) else { continue };
                let ((x1, y1), (x2, y2)) = (place(a), place(b));
                let mentions: usize = edges.iter().map(|e| e.mentions).sum();
                let names: Vec<&str> = edges.iter().map(|e| e.relation.name()).collect();
                x.create_element("line")
                    .with_attribute(("x1", format!("{x1:.1}").as_str()))
                    .with_attribute(("y1", format!("{y1:.1}").as_str()))
                    .with_attribute(("x2", format!("{x2:.1}").as_str()))
                    .with_attribute(("y2", format!("{y2:.1}").as_str()))
                    .with_attribute(("stroke", hex(edge_colour(edges[0].relation)).as_str()))
                    .with_attribute(("stroke-width", format!("{:.1}", 1.0 + (mentions as f64).sqrt()).as_str()))
                    .with_attribute(("stroke-opacity", "0.6"))
                    .write_inner_content(|x| {
                        x.create_element("title").write_text_content(BytesText::new(&format!("{} – {}: {}", source, target, names.join(", "))))?;
                        Ok(())
                    })?;
            }
            for (i, n) in graph.nodes.iter().enumerate() {
                let (cx, cy) = place(i);
                let centre = options.centre.as_deref() == Some(n.id.as_str());
                let r = if centre { 12.0 } else { 4.0 + 1.5 * (n.mentions as f64).sqrt().min(6.0) };
                x.create_element("circle")
                    .with_attribute(("cx", format!("{cx:.1}").as_str()))
                    .with_attribute(("cy", format!("{cy:.1}").as_str()))
                    .with_attribute(("r", format!("{r:.1}").as_str()))
                    .with_attribute(("fill", hex(node_colour(&n.kind)).as_str()))
                    .with_attribute(("stroke", "#333333"))
                    .with_attribute(("stroke-width", "0.5"))
                    .write_inner_content(|x| {
                        x.create_element("title").write_text_content(BytesText::new(&format!("{} ({}), {} mentions", n.label, n.kind, n.mentions)))?;
                        Ok(())
                    })?;
                x.create_element("text")
                    .with_attribute(("x", format!("{:.1}", cx + r + 2.0).as_str()))
                    .with_attribute(("y", format!("{:.1}", cy + 4.0).as_str()))
                    .with_attribute(("font-size", if centre { "14" } else { "11" }))
                    .with_attribute(("font-weight", if centre { "bold" } else { "normal" }))
                    .write_text_content(BytesText::new(&n.label))?;
            }
            let mut y = h - 12.0;
            for (label, colour) in [("cooperation", hex(edge_colour(crate::relations::Relation::CooperatesWith))), ("conflict", hex(edge_colour(crate::relations::Relation::InConflictWith)))] {
                x.create_element("text")
                    .with_attribute(("x", (w - 110.0).to_string().as_str()))
                    .with_attribute(("y", y.to_string().as_str()))
                    .with_attribute(("font-size", "11"))
                    .with_attribute(("fill", colour.as_str()))
                    .write_text_content(BytesText::new(&format!("— {label}")))?;
                y -= 14.0;
            }
            for (k, kind) in legend_types(graph).iter().enumerate() {
                let lx = 12.0 + k as f64 * 100.0;
                x.create_element("circle")
                    .with_attribute(("cx", format!("{:.1}", lx + 5.0).as_str()))
                    .with_attribute(("cy", format!("{:.1}", h - 16.0).as_str()))
                    .with_attribute(("r", "5"))
                    .with_attribute(("fill", hex(node_colour(kind)).as_str()))
                    .write_empty()?;
                x.create_element("text")
                    .with_attribute(("x", format!("{:.1}", lx + 14.0).as_str()))
                    .with_attribute(("y", format!("{:.1}", h - 12.0).as_str()))
                    .with_attribute(("font-size", "11"))
                    .write_text_content(BytesText::new(kind))?;
            }
            Ok(())
        })?;
    Ok(())
}
