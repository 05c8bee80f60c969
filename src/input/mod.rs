//! Reading articles: `.txt`, `.html`/`.htm`, `.jsonl`, and directories of them (recursively).
//!
//! Each problem names the file (and the line of a JSONL record) and affects only that input: the
//! caller reports it and goes on with the others. Invalid UTF-8 is decoded lossily (U+FFFD) with a
//! warning giving the byte offset of the first bad sequence, so one broken byte does not lose a page.

mod html;
mod jsonl;

use std::path::{Path, PathBuf};

/// One article, whatever file it came from.
#[derive(Debug, Clone, Default)]
pub struct Article {
    /// The document id: the file name without extension, or a JSONL record's `id`.
    pub id: String,
    /// The file it was read from.
    pub path: PathBuf,
    /// The text khabar analyses; every offset khabar reports points into it. For a `.txt` file it is
    /// the file's content (without a BOM, CRLF kept); for HTML the extracted headline and body.
    pub text: String,
    pub url: Option<String>,
    /// Publication date given by the input's metadata (HTML meta, JSONL `published`), as written.
    pub published: Option<String>,
    /// Publisher given by the input's metadata (JSONL `source`, HTML `og:site_name`).
    pub publisher: Option<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{}: no such file or directory", path.display())]
    Missing { path: PathBuf },
    #[error("{}: cannot read: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: skipped: unknown extension (khabar reads .txt, .html, .htm, .jsonl)", path.display())]
    UnknownExtension { path: PathBuf },
    #[error("{}: skipped: binary file (NUL byte at offset {offset})", path.display())]
    Binary { path: PathBuf, offset: usize },
    #[error("{}:{line}: skipped: {message}", path.display())]
    Record { path: PathBuf, line: usize, message: String },
    #[error("{}: skipped: no article text found", path.display())]
    Empty { path: PathBuf },
}

/// A problem that does not stop reading (the article is still read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputWarning(pub String);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Jsonl,
}

impl Format {
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" => Some(Format::Html),
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            _ => None,
        }
    }
}

/// The article files under `paths` (files as given, directories recursively), sorted, plus the
/// problems met (missing paths, unknown extensions).
pub fn discover(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputError>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        if !path.exists() {
            problems.push(InputError::Missing { path: path.clone() });
        } else if path.is_dir() {
            walk(path, &mut files, &mut problems);
        } else if Format::of(path).is_some() {
            files.push(path.clone());
        } else {
            problems.push(InputError::UnknownExtension { path: path.clone() });
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<InputError>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => return problems.push(InputError::Io { path: dir.into(), source }),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let hidden = path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        } else if path.is_dir() {
            walk(&path, files, problems);
        } else if Format::of(&path).is_some() {
            files.push(path);
        } else {
            problems.push(InputError::UnknownExtension { path });
        }
    }
}

/// What reading one file gave: its articles (a JSONL file holds many), per-record problems and
/// warnings.
#[derive(Debug, Default)]
pub struct FileRead {
    pub articles: Vec<Article>,
    pub problems: Vec<InputError>,
    pub warnings: Vec<InputWarning>,
}

/// Reads one article file.
pub fn read(path: &Path) -> FileRead {
    let mut out = FileRead::default();
    let Some(format) = Format::of(path) else {
        out.problems.push(InputError::UnknownExtension { path: path.into() });
        return out;
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(source) => {
            out.problems.push(InputError::Io { path: path.into(), source });
            return out;
        }
    };
    if let Some(offset) = bytes.iter().take(8192).position(|&b| b == 0) {
        out.problems.push(InputError::Binary { path: path.into(), offset });
        return out;
    }
    let text = decode(path, &bytes, &mut out.warnings);
    let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or("document").to_string();
    match format {
        Format::Text => out.articles.push(Article { id, path: path.into(), text, ..Article::default() }),
        Format::Html => out.articles.push(html::read(id, path, &text)),
        Format::Jsonl => jsonl::read(path, &text, &mut out),
    }
    let before = out.articles.len();
    out.articles.retain(|a| a.text.chars().any(char::is_alphabetic));
    if out.articles.len() < before && format != Format::Jsonl {
        out.problems.push(InputError::Empty { path: path.into() });
    }
    out
}

/// UTF-8 text without a BOM; invalid sequences are replaced, with a warning naming the first offset.
fn decode(path: &Path, bytes: &[u8], warnings: &mut Vec<InputWarning>) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(e) => {
            warnings.push(InputWarning(format!(
                "{}: invalid UTF-8 at byte {}: decoded with replacement characters",
                path.display(),
                e.valid_up_to()
            )));
            String::from_utf8_lossy(bytes).into_owned()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_is_dropped_and_crlf_kept() {
        let mut w = Vec::new();
        assert_eq!(decode(Path::new("a.txt"), b"\xEF\xBB\xBFab\r\nc", &mut w), "ab\r\nc");
        assert!(w.is_empty());
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_its_offset() {
        let mut w = Vec::new();
        let text = decode(Path::new("a.txt"), b"ab\xFFcd", &mut w);
        assert_eq!(text, "ab\u{FFFD}cd");
        assert_eq!(w, [InputWarning("a.txt: invalid UTF-8 at byte 2: decoded with replacement characters".into())]);
    }
}
