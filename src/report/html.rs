//! Reports as one self-contained HTML page: inline CSS and SVG, no script, no network needed to
//! open it; quotes keep their own direction (`dir="auto"`), and the page prints cleanly.

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};

use super::{Block, Report};

const CSS: &str = "body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}\
h1{font-size:1.7em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}\
table{border-collapse:collapse;width:100%;font-size:.9em}th,td{border:1px solid #ddd;padding:.3em .5em;vertical-align:top;text-align:start}\
th{background:#f4f4f4}td.quote{font-size:1.05em;unicode-bidi:plaintext}figure{margin:1em 0}figcaption{color:#666;font-size:.85em}\
svg{max-width:100%;height:auto}@media print{body{margin:0}figure,table{break-inside:avoid}}";

pub fn render(report: &Report) -> Vec<u8> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 1);
    let result: std::io::Result<()> = (|| {
        w.write_event(Event::DocType(BytesText::from_escaped("html")))?;
        w.create_element("html").with_attribute(("lang", "en")).write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("meta").with_attribute(("charset", "utf-8")).write_empty()?;
                w.create_element("meta").with_attribute(("name", "viewport")).with_attribute(("content", "width=device-width, initial-scale=1")).write_empty()?;
                w.create_element("title").write_text_content(BytesText::new(&report.title))?;
                w.create_element("style").write_text_content(BytesText::from_escaped(CSS))?;
                Ok(())
            })?;
            w.create_element("body").write_inner_content(|w| {
                for block in &report.blocks {
                    match block {
                        Block::Title(t) => {
                            w.create_element("h1").write_text_content(BytesText::new(t))?;
                        }
                        Block::Heading(t) => {
                            w.create_element("h2").write_text_content(BytesText::new(t))?;
                        }
                        Block::Text(t) => {
                            w.create_element("p").write_text_content(BytesText::new(t))?;
                        }
                        Block::Table { headers, rows } => {
                            w.create_element("table").write_inner_content(|w| {
                                w.create_element("thead").write_inner_content(|w| {
                                    w.create_element("tr").write_inner_content(|w| {
                                        for h in headers {
                                            w.create_element("th").write_text_content(BytesText::new(h))?;
                                        }
                                        Ok(())
                                    })?;
                                    Ok(())
                                })?;
                                w.create_element("tbody").write_inner_content(|w| {
                                    for r in rows {
                                        w.create_element("tr").write_inner_content(|w| {
                                            for c in r {
                                                let td = w.create_element("td");
                                                let td = if c.quote { td.with_attribute(("class", "quote")).with_attribute(("dir", "auto")) } else { td };
                                                td.write_text_content(BytesText::new(&c.text))?;
                                            }
                                            Ok(())
                                        })?;
                                    }
                                    Ok(())
                                })?;
                                Ok(())
                            })?;
                        }
                        Block::Figure { svg, caption, .. } => {
                            w.create_element("figure").write_inner_content(|w| {
                                // the SVG is khabar's own XML, written by the same library
                                w.write_event(Event::Text(BytesText::from_escaped(svg.as_str())))?;
                                w.create_element("figcaption").write_text_content(BytesText::new(caption))?;
                                Ok(())
                            })?;
                        }
                    }
                }
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    })();
    result.expect("writing to memory");
    let mut out = w.into_inner();
    out.push(b'\n');
    out
}
