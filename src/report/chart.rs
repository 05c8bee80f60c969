//! Charts for reports, as SVG: mentions per year stacked by relation family, and the
//! cooperation/conflict balance (Goldstein-weighted) per year.

use std::collections::BTreeMap;

use quick_xml::Writer;
use quick_xml::events::BytesText;

use crate::export::style::{edge_colour, hex};
use crate::relations::Relation;
use crate::relations::ontology::Family;

const W: f64 = 640.0;
const H: f64 = 260.0;
const LEFT: f64 = 48.0;
const BOTTOM: f64 = 36.0;
const TOP: f64 = 36.0;

fn colour(family: Family) -> String {
    hex(edge_colour(match family {
        Family::Cooperation => Relation::CooperatesWith,
        Family::Conflict => Relation::InConflictWith,
        Family::Neutral => Relation::OfficialOf,
    }))
}

/// Bars per period, each split into (family, value) segments; negative values go below the axis.
fn bars(title: &str, periods: &[(String, Vec<(Family, f64)>)], legend: &[(Family, &str)]) -> String {
    let max_up = periods.iter().map(|(_, s)| s.iter().map(|(_, v)| v.max(0.0)).sum::<f64>()).fold(1.0, f64::max);
    let max_down = periods.iter().map(|(_, s)| s.iter().map(|(_, v)| (-v).max(0.0)).sum::<f64>()).fold(0.0, f64::max);
    let plot_h = H - TOP - BOTTOM;
    let scale = plot_h / (max_up + max_down);
    let zero = TOP + max_up * scale;
    let slot = (W - LEFT - 10.0) / periods.len().max(1) as f64;
    let mut w = Writer::new(Vec::new());
    let result: std::io::Result<()> = (|| {
        w.create_element("svg")
            .with_attribute(("xmlns", "http://www.w3.org/2000/svg"))
            .with_attribute(("viewBox", format!("0 0 {W} {H}").as_str()))
            .with_attribute(("width", W.to_string().as_str()))
            .with_attribute(("height", H.to_string().as_str()))
            .with_attribute(("font-family", "sans-serif"))
            .with_attribute(("role", "img"))
            .write_inner_content(|x| {
                x.create_element("title").write_text_content(BytesText::new(title))?;
                x.create_element("text").with_attribute(("x", "8")).with_attribute(("y", "18")).with_attribute(("font-size", "13")).with_attribute(("font-weight", "bold")).write_text_content(BytesText::new(title))?;
                x.create_element("line")
                    .with_attribute(("x1", LEFT.to_string().as_str()))
                    .with_attribute(("x2", (W - 6.0).to_string().as_str()))
                    .with_attribute(("y1", format!("{zero:.1}").as_str()))
                    .with_attribute(("y2", format!("{zero:.1}").as_str()))
                    .with_attribute(("stroke", "#888888"))
                    .write_empty()?;
                for (i, (period, segments)) in periods.iter().enumerate() {
                    let bx = LEFT + i as f64 * slot + slot * 0.15;
                    let bw = slot * 0.7;
                    let (mut up, mut down) = (zero, zero);
                    for (family, v) in segments {
                        let hgt = v.abs() * scale;
                        let y = if *v >= 0.0 {
                            up -= hgt;
                            up
                        } else {
                            down += hgt;
                            down - hgt
                        };
                        x.create_element("rect")
                            .with_attribute(("x", format!("{bx:.1}").as_str()))
                            .with_attribute(("y", format!("{y:.1}").as_str()))
                            .with_attribute(("width", format!("{bw:.1}").as_str()))
                            .with_attribute(("height", format!("{hgt:.1}").as_str()))
                            .with_attribute(("fill", colour(*family).as_str()))
                            .write_inner_content(|x| {
                                x.create_element("title").write_text_content(BytesText::new(&format!("{period}: {v:.1}")))?;
                                Ok(())
                            })?;
                    }
                    x.create_element("text")
                        .with_attribute(("x", format!("{:.1}", bx + bw / 2.0).as_str()))
                        .with_attribute(("y", format!("{:.1}", H - BOTTOM + 16.0).as_str()))
                        .with_attribute(("font-size", "11"))
                        .with_attribute(("text-anchor", "middle"))
                        .write_text_content(BytesText::new(period))?;
                }
                for (k, (family, label)) in legend.iter().enumerate() {
                    let lx = LEFT + k as f64 * 130.0;
                    x.create_element("rect")
                        .with_attribute(("x", lx.to_string().as_str()))
                        .with_attribute(("y", (H - 12.0).to_string().as_str()))
                        .with_attribute(("width", "10"))
                        .with_attribute(("height", "10"))
                        .with_attribute(("fill", colour(*family).as_str()))
                        .write_empty()?;
                    x.create_element("text")
                        .with_attribute(("x", (lx + 14.0).to_string().as_str()))
                        .with_attribute(("y", (H - 3.0).to_string().as_str()))
                        .with_attribute(("font-size", "11"))
                        .write_text_content(BytesText::new(label))?;
                }
                Ok(())
            })?;
        Ok(())
    })();
    result.expect("writing to memory");
    String::from_utf8(w.into_inner()).expect("UTF-8")
}

/// Mentions per year, stacked by relation family.
pub fn timeline(title: &str, timeline: &BTreeMap<String, BTreeMap<Relation, usize>>) -> String {
    let periods: Vec<(String, Vec<(Family, f64)>)> = timeline
        .iter()
        .map(|(year, relations)| {
            let mut by_family: BTreeMap<u8, (Family, f64)> = BTreeMap::new();
            for (r, n) in relations {
                let f = r.family();
                by_family.entry(f as u8).or_insert((f, 0.0)).1 += *n as f64;
            }
            (year.clone(), by_family.into_values().collect())
        })
        .collect();
    bars(title, &periods, &[(Family::Cooperation, "cooperation"), (Family::Conflict, "conflict"), (Family::Neutral, "offices, other")])
}

/// Goldstein-weighted cooperation (up) and conflict (down) per period.
pub fn balance(title: &str, balance: &[(String, f64, f64)]) -> String {
    let periods: Vec<(String, Vec<(Family, f64)>)> = balance.iter().map(|(p, coop, conflict)| (p.clone(), vec![(Family::Cooperation, *coop), (Family::Conflict, *conflict)])).collect();
    bars(title, &periods, &[(Family::Cooperation, "cooperation (Goldstein)"), (Family::Conflict, "conflict (Goldstein)")])
}
