//! Relationship reports: a country profile, a pair dossier and a corpus overview, in Markdown, a
//! self-contained HTML page, or JSON. Every claim carries its sources; pictures (SVG) are drawn by
//! khabar itself.
//!
//! [`model`] computes what a report says; this module lays it out as a list of [`Block`]s, which
//! [`markdown`] and [`html`] render.

pub mod chart;
pub mod html;
pub mod markdown;
pub mod model;

use std::path::{Path, PathBuf};

use crate::export::graph::Filter;
use crate::export::svg::{self, SvgOptions};
use model::{Corpus, Dossier, Overview, Profile, Statement, Tie};

/// A cell of a table; `quote` cells hold text in its original language and direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub text: String,
    pub quote: bool,
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell { text, quote: false }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell { text: text.to_string(), quote: false }
    }
}

fn quote(text: &str) -> Cell {
    Cell { text: text.to_string(), quote: true }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Title(String),
    Heading(String),
    Text(String),
    Table { headers: Vec<String>, rows: Vec<Vec<Cell>> },
    /// An SVG picture; `name` names its file when a renderer writes pictures beside the report.
    Figure { name: String, svg: String, caption: String },
}

/// A report ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// File stem for the standard set ("profile-azerbaijan").
    pub name: String,
    pub title: String,
    pub blocks: Vec<Block>,
}

fn period(first: &Option<String>, last: &Option<String>) -> String {
    match (first, last) {
        (Some(f), Some(l)) if f != l => format!("{f} – {l}"),
        (Some(f), _) => f.clone(),
        _ => "undated".into(),
    }
}

fn names(relations: &[crate::relations::Relation]) -> String {
    relations.iter().map(|r| r.name()).collect::<Vec<_>>().join(", ")
}

fn tie_table(ties: &[Tie], detail: &str) -> Block {
    let rows = ties
        .iter()
        .map(|t| {
            vec![
                Cell::from(t.label.as_str()),
                Cell::from(names(&t.relations)),
                Cell::from(t.mentions.to_string()),
                Cell::from(t.documents.to_string()),
                Cell::from(if t.publishers.is_empty() { "-".to_string() } else { t.publishers.join(", ") }),
                Cell::from(if t.details.is_empty() { "-".to_string() } else { t.details.join(", ") }),
                Cell::from(period(&t.first, &t.last)),
                quote(&t.quote),
            ]
        })
        .collect();
    Block::Table {
        headers: ["with", "relations", "mentions", "documents", "sources", detail, "period", "evidence"].iter().map(|s| s.to_string()).collect(),
        rows,
    }
}

fn network(corpus: &Corpus, centre: &[&str], title: &str, name: &str) -> Block {
    let filter = Filter { around: centre.iter().map(|s| s.to_string()).collect(), depth: 1, ..Filter::default() };
    let graph = corpus.graph.filtered(&filter);
    let mut svg_bytes = Vec::new();
    let options = SvgOptions { width: 720.0, height: 520.0, centre: centre.first().map(|s| s.to_string()), title: title.to_string() };
    svg::write(&graph, &options, &mut svg_bytes).expect("writing to memory");
    Block::Figure { name: name.to_string(), svg: String::from_utf8(svg_bytes).expect("UTF-8"), caption: title.to_string() }
}

pub fn profile_report(corpus: &Corpus, p: &Profile) -> Report {
    let label = &p.entity.label;
    let name = format!("profile-{}", p.entity.id);
    let mut blocks = vec![
        Block::Title(format!("{label} — country profile")),
        Block::Text(format!(
            "What {} news article(s) in the store say of {label}{}. Every row cites its sources; the evidence is quoted as published.",
            p.documents,
            [&p.entity.label_ar, &p.entity.label_fa].iter().filter(|l| !l.is_empty()).map(|l| format!(" ({l})")).collect::<String>()
        )),
        network(corpus, &[&p.entity.id], &format!("{label} and its ties"), &format!("{name}-network")),
        Block::Figure { name: format!("{name}-timeline"), svg: chart::timeline(&format!("Mentions per year: {label}"), &p.timeline), caption: "Mentions per year".into() },
    ];
    let balance: Vec<(String, f64, f64)> = p.balance.iter().map(|b| (b.period.clone(), b.cooperation, b.conflict)).collect();
    if !balance.is_empty() {
        blocks.push(Block::Figure {
            name: format!("{name}-balance"),
            svg: chart::balance(&format!("Cooperation and conflict: {label}"), &balance),
            caption: "Goldstein-weighted cooperation (up) and conflict (down) per year".into(),
        });
    }
    for section in &p.sections {
        blocks.push(Block::Heading(section.title.clone()));
        if section.ties.is_empty() {
            blocks.push(Block::Text("Nothing in the store.".into()));
        } else {
            let detail = match section.title.as_str() {
                "Arms suppliers" => "systems acquired",
                "Officials in the news" => "offices",
                "Visits to it" => "destination",
                "Visits by its officials" => "visitor",
                _ => "details",
            };
            blocks.push(tie_table(&section.ties, detail));
        }
    }
    Report { name, title: format!("{label} — country profile"), blocks }
}

fn statement_row(s: &Statement) -> Vec<Cell> {
    let how = match (s.modality.as_str(), s.derived) {
        (m, true) => format!("{m}, derived from offices"),
        (m, false) => m.to_string(),
    };
    vec![
        Cell::from(s.date.clone().unwrap_or_else(|| "undated".into())),
        Cell::from(s.gloss()),
        Cell::from(how),
        Cell::from(if s.publisher.is_empty() { "-".to_string() } else { s.publisher.clone() }),
        Cell::from(s.document.as_str()),
        quote(&s.sentence),
    ]
}

pub fn dossier_report(corpus: &Corpus, d: &Dossier) -> Report {
    let title = format!("{} – {}: pair dossier", d.a.label, d.b.label);
    let name = format!("pair-{}-{}", d.a.id, d.b.id);
    let mut blocks = vec![
        Block::Title(title.clone()),
        Block::Text(format!(
            "Every statement between {} and {} (and their officials), both directions, by date, quoted in its original language with an English gloss of the relation. Negated statements are listed as such.",
            d.a.label, d.b.label
        )),
        network(corpus, &[&d.a.id, &d.b.id], &format!("{} and {}", d.a.label, d.b.label), &format!("{name}-network")),
        Block::Figure { name: format!("{name}-timeline"), svg: chart::timeline(&format!("Mentions per year: {} – {}", d.a.label, d.b.label), &d.timeline), caption: "Mentions per year".into() },
        Block::Heading("Timeline".into()),
    ];
    if d.statements.is_empty() {
        blocks.push(Block::Text("No statement in the store relates them.".into()));
    } else {
        blocks.push(Block::Table {
            headers: ["date", "relation", "modality", "publisher", "document", "quote"].iter().map(|s| s.to_string()).collect(),
            rows: d.statements.iter().map(statement_row).collect(),
        });
    }
    Report { name, title, blocks }
}

pub fn overview_report(o: &Overview) -> Report {
    let count_table = |header: &str, counts: &std::collections::BTreeMap<String, usize>| Block::Table {
        headers: vec![header.to_string(), "documents".into()],
        rows: counts.iter().map(|(k, n)| vec![Cell::from(k.as_str()), Cell::from(n.to_string())]).collect(),
    };
    let mut blocks = vec![
        Block::Title("Corpus overview".into()),
        Block::Text(format!("{} documents in the store.", o.documents.len())),
        Block::Heading("Documents".into()),
        Block::Table {
            headers: ["document", "language", "publisher", "date", "headline"].iter().map(|s| s.to_string()).collect(),
            rows: o
                .documents
                .iter()
                .map(|d| vec![Cell::from(d.id.as_str()), Cell::from(d.lang.as_str()), Cell::from(if d.publisher.is_empty() { "-" } else { d.publisher.as_str() }), Cell::from(d.date.clone().unwrap_or_else(|| "-".into())), quote(&d.title)])
                .collect(),
        },
        Block::Heading("By language".into()),
        count_table("language", &o.by_language),
        Block::Heading("By publisher".into()),
        count_table("publisher", &o.by_publisher),
        Block::Heading("Top entities".into()),
        Block::Table {
            headers: vec!["entity".into(), "relation mentions".into()],
            rows: o.top_entities.iter().map(|(_, l, n)| vec![Cell::from(l.as_str()), Cell::from(n.to_string())]).collect(),
        },
        Block::Heading("Top relations".into()),
        Block::Table {
            headers: vec!["relation".into(), "stated mentions".into()],
            rows: o.top_relations.iter().map(|(r, n)| vec![Cell::from(r.name()), Cell::from(n.to_string())]).collect(),
        },
        Block::Heading("Strongest pairs".into()),
        Block::Table {
            headers: vec!["pair".into(), "stated mentions".into(), "relations".into()],
            rows: o.strongest_pairs.iter().map(|(a, b, n, r)| vec![Cell::from(format!("{a} – {b}")), Cell::from(n.to_string()), Cell::from(names(r))]).collect(),
        },
    ];
    if let Some(since) = &o.since {
        blocks.push(Block::Heading(format!("New since {since}")));
        if o.new.is_empty() {
            blocks.push(Block::Text("Nothing dated on or after that day.".into()));
        } else {
            blocks.push(Block::Table {
                headers: ["date", "relation", "modality", "publisher", "document", "quote"].iter().map(|s| s.to_string()).collect(),
                rows: o.new.iter().map(statement_row).collect(),
            });
        }
    }
    Report { name: "overview".into(), title: "Corpus overview".into(), blocks }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Json,
}

/// Writes a report to `path` (and, for Markdown, its pictures beside it as SVG files).
pub fn write(report: &Report, json: &serde_json::Value, format: Format, path: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut written = vec![path.to_path_buf()];
    match format {
        Format::Markdown => {
            let dir = path.parent().unwrap_or(Path::new("."));
            std::fs::write(path, markdown::render(report, true))?;
            for b in &report.blocks {
                if let Block::Figure { name, svg, .. } = b {
                    let p = dir.join(format!("{name}.svg"));
                    std::fs::write(&p, svg)?;
                    written.push(p);
                }
            }
        }
        Format::Html => std::fs::write(path, html::render(report))?,
        Format::Json => std::fs::write(path, serde_json::to_string_pretty(json)? + "\n")?,
    }
    Ok(written)
}

/// How many country profiles and pair dossiers `build` writes.
pub const STANDARD_SET: usize = 5;

/// Writes the standard set of reports into `dir`: the overview, the profiles of the most mentioned
/// countries and the dossiers of the strongest country pairs, each in Markdown and HTML.
pub fn write_standard_set(corpus: &Corpus, dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut reports: Vec<(Report, serde_json::Value)> = Vec::new();
    let o = model::overview(corpus, None);
    reports.push((overview_report(&o), serde_json::to_value(&o)?));
    let mut countries: Vec<&crate::export::graph::Node> = corpus.graph.nodes.iter().filter(|n| n.kind == "Country").collect();
    countries.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
    for c in countries.iter().take(STANDARD_SET) {
        if let Some(p) = model::profile(corpus, &c.id) {
            reports.push((profile_report(corpus, &p), serde_json::to_value(&p)?));
        }
    }
    let country = |label: &str| corpus.graph.nodes.iter().find(|n| n.label == label && n.kind == "Country").map(|n| n.id.clone());
    let pairs: Vec<(String, String)> = o.strongest_pairs.iter().filter_map(|(a, b, _, _)| Some((country(a)?, country(b)?))).take(STANDARD_SET).collect();
    for (a, b) in pairs {
        if let Some(d) = model::dossier(corpus, &a, &b) {
            reports.push((dossier_report(corpus, &d), serde_json::to_value(&d)?));
        }
    }
    let mut written = Vec::new();
    for (report, json) in &reports {
        written.extend(write(report, json, Format::Markdown, &dir.join(format!("{}.md", report.name)))?);
        written.extend(write(report, json, Format::Html, &dir.join(format!("{}.html", report.name)))?);
    }
    Ok(written)
}
