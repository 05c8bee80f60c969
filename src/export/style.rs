//! Colours and sizes shared by every visual export (GraphML, GEXF, SVG pictures): nodes coloured by
//! entity type, edges by cooperation (green), conflict (red) or neither (grey).

use super::graph::Node;
use crate::relations::Relation;
use crate::relations::ontology::Family;

pub fn node_colour(kind: &str) -> (u8, u8, u8) {
    match kind {
        "Country" => (31, 119, 180),
        "Person" => (255, 127, 14),
        "Organization" => (148, 103, 189),
        "WeaponSystem" => (214, 39, 40),
        "City" => (44, 160, 44),
        "Region" => (140, 86, 75),
        "Event" => (227, 119, 194),
        _ => (127, 127, 127),
    }
}

pub fn edge_colour(relation: Relation) -> (u8, u8, u8) {
    match relation.family() {
        Family::Cooperation => (44, 160, 44),
        Family::Conflict => (214, 39, 40),
        Family::Neutral => (150, 150, 150),
    }
}

pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Node size grows with the square root of its mentions, from 10.
pub fn node_size(n: &Node) -> f64 {
    10.0 + 4.0 * (n.mentions as f64).sqrt()
}
