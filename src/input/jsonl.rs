//! JSONL input: one article per line, `{"id": …, "text": …}` with optional `url`, `title`,
//! `published` and `source` (the publisher).

use std::path::Path;

use serde::Deserialize;

use super::{Article, FileRead, InputError};

#[derive(Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    source: Option<String>,
}

pub(super) fn read(path: &Path, content: &str, out: &mut FileRead) {
    for (n, line) in content.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let problem = |message: String| InputError::Record { path: path.into(), line: line_no, message };
        let record: Record = match serde_json::from_str(line) {
            Ok(record) => record,
            Err(e) => {
                out.problems.push(problem(format!("not a JSON article record ({e}); needs at least `id` and `text`")));
                continue;
            }
        };
        let id = match record.id {
            serde_json::Value::String(s) if !s.trim().is_empty() => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => {
                out.problems.push(problem("`id` must be a non-empty string or a number".into()));
                continue;
            }
        };
        if !record.text.chars().any(char::is_alphabetic) {
            out.problems.push(problem(format!("record `{id}` has no text")));
            continue;
        }
        // the headline is part of what the article says: put it first, as on the page
        let text = match record.title {
            Some(title) if !title.trim().is_empty() && !record.text.trim_start().starts_with(title.trim()) => {
                format!("{}\n\n{}", title.trim(), record.text)
            }
            _ => record.text,
        };
        out.articles.push(Article {
            id,
            path: path.into(),
            text,
            url: record.url,
            published: record.published,
            publisher: record.source,
        });
    }
}
