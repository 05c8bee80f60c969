//! Reports as Markdown (for a repository or a wiki). Pictures are linked as SVG files written beside
//! the report; on standard output they are left out.

use super::{Block, Cell, Report};

fn escape(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}

fn cell(c: &Cell) -> String {
    if c.quote && !c.text.is_empty() {
        // an isolate keeps right-to-left quotes from reordering the table around them
        format!("\u{2068}{}\u{2069}", escape(&c.text))
    } else {
        escape(&c.text)
    }
}

pub fn render(report: &Report, with_pictures: bool) -> String {
    let mut out = String::new();
    for block in &report.blocks {
        match block {
            Block::Title(t) => out.push_str(&format!("# {t}\n\n")),
            Block::Heading(t) => out.push_str(&format!("## {t}\n\n")),
            Block::Text(t) => out.push_str(&format!("{t}\n\n")),
            Block::Table { headers, rows } => {
                out.push_str(&format!("| {} |\n", headers.iter().map(|h| escape(h)).collect::<Vec<_>>().join(" | ")));
                out.push_str(&format!("|{}\n", "---|".repeat(headers.len())));
                for r in rows {
                    out.push_str(&format!("| {} |\n", r.iter().map(cell).collect::<Vec<_>>().join(" | ")));
                }
                out.push('\n');
            }
            Block::Figure { name, caption, .. } if with_pictures => out.push_str(&format!("![{caption}]({name}.svg)\n\n")),
            Block::Figure { .. } => {}
        }
    }
    out
}
