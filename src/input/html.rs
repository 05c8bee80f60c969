//! HTML input: the article's headline and body as text, without scripts, styles, menus, headers,
//! footers, forms and comments. Block elements become line breaks, so paragraphs survive.

use std::path::Path;

use scraper::{ElementRef, Html, Node, Selector};

use super::Article;

/// Elements that never hold article text.
const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form", "iframe", "svg",
    "button", "select", "input", "textarea", "figure",
];
/// Elements that start a new line.
const BLOCKS: &[&str] = &[
    "p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br",
    "tr", "table", "blockquote", "pre", "dd", "dt", "hr",
];
/// Where a page keeps its article body, most specific first.
const BODY_SELECTORS: &[&str] = &[
    "[itemprop=articleBody]",
    "article",
    ".entry-content",
    ".article-body",
    ".post-content",
    ".article-content",
    "main",
    "body",
];

fn select_first<'a>(doc: &'a Html, css: &str) -> Option<ElementRef<'a>> {
    Selector::parse(css).ok().and_then(|s| doc.select(&s).next())
}

fn meta(doc: &Html, css: &str) -> Option<String> {
    select_first(doc, css).and_then(|e| e.value().attr("content").map(|s| s.trim().to_string())).filter(|s| !s.is_empty())
}

pub(super) fn read(id: String, path: &Path, html: &str) -> Article {
    let doc = Html::parse_document(html);
    let title = meta(&doc, "meta[property='og:title']")
        .or_else(|| select_first(&doc, "h1").map(|h| collapse(&h.text().collect::<String>())))
        .or_else(|| select_first(&doc, "title").map(|t| collapse(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let body = BODY_SELECTORS.iter().find_map(|css| select_first(&doc, css));
    let mut text = String::new();
    if let Some(body) = body {
        write_text(body, &mut text);
    }
    let mut lines: Vec<String> = text.lines().map(collapse).filter(|l| !l.is_empty()).collect();
    if let Some(title) = &title {
        if lines.first() != Some(title) {
            lines.retain(|l| l != title);
            lines.insert(0, title.clone());
        }
    }
    Article {
        id,
        path: path.into(),
        text: lines.join("\n\n"),
        url: meta(&doc, "meta[property='og:url']")
            .or_else(|| select_first(&doc, "link[rel=canonical]").and_then(|l| l.value().attr("href").map(String::from))),
        published: meta(&doc, "meta[property='article:published_time']")
            .or_else(|| meta(&doc, "meta[name=date]"))
            .or_else(|| select_first(&doc, "time[datetime]").and_then(|t| t.value().attr("datetime").map(String::from))),
        publisher: meta(&doc, "meta[property='og:site_name']"),
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn write_text(element: ElementRef, out: &mut String) {
    for child in element.children() {
        match child.value() {
            Node::Text(t) => out.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if let Some(child) = ElementRef::wrap(child) {
                    write_text(child, out);
                }
                if block {
                    out.push('\n');
                }
            }
            _ => {} // comments, doctype
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_paragraphs_without_scripts_menus_and_comments() {
        let html = r#"<html><head><title>Site | X</title><meta property="og:title" content="Gantz visits Baku">
            <meta property="article:published_time" content="2022-10-08T10:00:00Z"><script>var a=1;</script></head>
            <body><nav>Home | World</nav><article><h1>Gantz visits Baku</h1><!-- ad -->
            <p>Israeli defence minister <b>Benny Gantz</b> arrived in Baku.</p><div class="share"><button>Share</button></div>
            <p>He met Aliyev.</p></article><footer>All rights reserved</footer></body></html>"#;
        let a = read("x".into(), Path::new("x.html"), html);
        assert_eq!(a.text, "Gantz visits Baku\n\nIsraeli defence minister Benny Gantz arrived in Baku.\n\nHe met Aliyev.");
        assert_eq!(a.published.as_deref(), Some("2022-10-08T10:00:00Z"));
    }
}
