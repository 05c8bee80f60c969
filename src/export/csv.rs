//! `nodes.csv` and `edges.csv` in the columns Gephi's spreadsheet import expects (`Id,Label,…` and
//! `Source,Target,Type,Weight,…`), one edge row per relation. A cell that a spreadsheet would run as a
//! formula (starting with `= + - @`, tab or carriage return) is prefixed with `'`.

use std::io::Write;

use super::graph::Graph;

/// Neutralises spreadsheet formulas ("CSV injection").
pub fn safe_cell(s: &str) -> String {
    match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    }
}

pub fn write_nodes<W: Write>(graph: &Graph, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(["Id", "Label", "Type", "label_ar", "label_fa", "wikidata", "latitude", "longitude", "degree", "mentions"])?;
    for n in &graph.nodes {
        let opt = |v: Option<f64>| v.map(|v| v.to_string()).unwrap_or_default();
        w.write_record([
            safe_cell(&n.id),
            safe_cell(&n.label),
            n.kind.clone(),
            safe_cell(&n.label_ar),
            safe_cell(&n.label_fa),
            n.wikidata.clone(),
            opt(n.lat),
            opt(n.lon),
            n.degree.to_string(),
            n.mentions.to_string(),
        ])?;
    }
    w.flush()?;
    Ok(())
}

pub fn write_edges<W: Write>(graph: &Graph, out: W) -> csv::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record([
        "Source", "Target", "Type", "Weight", "Label", "relation", "mentions", "documents", "publishers", "first_date", "last_date",
        "confidence", "cameo_root", "goldstein", "derived", "evidence",
    ])?;
    for e in &graph.edges {
        let info = e.relation.info();
        w.write_record([
            safe_cell(&e.source),
            safe_cell(&e.target),
            (if e.relation.symmetric() { "Undirected" } else { "Directed" }).to_string(),
            e.mentions.max(1).to_string(),
            e.relation.name().to_string(),
            e.relation.name().to_string(),
            e.mentions.to_string(),
            e.documents.to_string(),
            e.publishers.to_string(),
            e.first.clone().unwrap_or_default(),
            e.last.clone().unwrap_or_default(),
            format!("{:.3}", e.confidence),
            info.cameo.to_string(),
            info.goldstein.to_string(),
            e.derived.to_string(),
            safe_cell(&e.evidence),
        ])?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_cell;

    #[test]
    fn formulas_are_neutralised() {
        assert_eq!(safe_cell("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(safe_cell("-1"), "'-1");
        assert_eq!(safe_cell("Azerbaijan"), "Azerbaijan");
    }
}
