//! Reading khabar's data files (`data/`): TAB-separated tables with a header row and `#` comments.
//!
//! A malformed row never stops a load: it is reported as `FILE:LINE: problem` and skipped, so one
//! user's typo does not take the whole gazetteer down.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

use crate::text::lang::Lang;

#[derive(Debug, thiserror::Error)]
pub enum DataError {
    #[error("{}: cannot read: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: no header row", path.display())]
    NoHeader { path: PathBuf },
    #[error("{}: missing column `{column}` in the header", path.display())]
    MissingColumn { path: PathBuf, column: String },
}

/// A problem with one row, reported and skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    pub path: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for RowProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path.display(), self.line, self.message)
    }
}

/// One data row, its fields named by the header.
#[derive(Debug, Clone)]
pub struct Row {
    pub path: PathBuf,
    pub line: usize,
    fields: HashMap<String, String>,
}

impl Row {
    /// The field, trimmed; empty when the column is absent.
    pub fn get(&self, column: &str) -> &str {
        self.fields.get(column).map(|s| s.trim()).unwrap_or("")
    }

    /// The `|`-separated values of the field, trimmed, without empty items.
    pub fn list(&self, column: &str) -> Vec<&str> {
        self.get(column).split('|').map(str::trim).filter(|s| !s.is_empty()).collect()
    }

    pub fn problem(&self, message: impl Into<String>) -> RowProblem {
        RowProblem { path: self.path.clone(), line: self.line, message: message.into() }
    }
}

/// A table read from one file, with the rows that could not be read.
#[derive(Debug, Default)]
pub struct Table {
    pub rows: Vec<Row>,
    pub problems: Vec<RowProblem>,
}

/// Reads a TSV data file. `required` columns must be in the header and non-empty in every row.
pub fn read_table(path: &Path, required: &[&str]) -> Result<Table, DataError> {
    let text = std::fs::read_to_string(path).map_err(|source| DataError::Io { path: path.into(), source })?;
    parse_table(path, &text, required)
}

pub fn parse_table(path: &Path, text: &str, required: &[&str]) -> Result<Table, DataError> {
    let mut lines = text
        .lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'));
    let (_, header) = lines.next().ok_or_else(|| DataError::NoHeader { path: path.into() })?;
    let columns: Vec<String> = header.trim_start_matches('\u{FEFF}').split('\t').map(|c| c.trim().to_string()).collect();
    for column in required {
        if !columns.iter().any(|c| c == column) {
            return Err(DataError::MissingColumn { path: path.into(), column: column.to_string() });
        }
    }
    let mut table = Table::default();
    for (line, l) in lines {
        let values: Vec<&str> = l.split('\t').collect();
        if values.len() > columns.len() {
            table.problems.push(RowProblem {
                path: path.into(),
                line,
                message: format!("{} fields, but the header names {} columns", values.len(), columns.len()),
            });
            continue;
        }
        let fields = columns.iter().cloned().zip(values.iter().map(|v| v.to_string())).collect();
        let row = Row { path: path.into(), line, fields };
        if let Some(missing) = required.iter().find(|c| row.get(c).is_empty()) {
            table.problems.push(row.problem(format!("empty required field `{missing}`")));
            continue;
        }
        table.rows.push(row);
    }
    Ok(table)
}

/// The rows of one lexicon table in every language that has it (`LEXICON/<lang>/FILE`), with their
/// language, in the order ar, fa, en. Problems with single rows go to `problems`.
pub fn lexicon_rows(lexicon_dir: &Path, file: &str, required: &[&str], problems: &mut Vec<RowProblem>) -> Result<Vec<(Lang, Row)>, DataError> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let path = lexicon_dir.join(lang.code()).join(file);
        if path.exists() {
            let table = read_table(&path, required)?;
            problems.extend(table.problems);
            out.extend(table.rows.into_iter().map(|r| (lang, r)));
        }
    }
    Ok(out)
}

/// The `.tsv` files of a directory, sorted by name (so loads are deterministic).
pub fn tsv_files(dir: &Path) -> Result<Vec<PathBuf>, DataError> {
    let entries = std::fs::read_dir(dir).map_err(|source| DataError::Io { path: dir.into(), source })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_header_and_lists() {
        let t = parse_table(Path::new("x.tsv"), "# note\nid\tnames\n\na\tx| y |\n", &["id"]).unwrap();
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].list("names"), ["x", "y"]);
        assert_eq!(t.rows[0].line, 4);
        assert_eq!(t.rows[0].get("absent"), "");
    }

    #[test]
    fn malformed_rows_are_reported_with_file_and_line() {
        let t = parse_table(Path::new("g.tsv"), "id\tname\na\tb\tc\n\tz\nok\tfine\n", &["id"]).unwrap();
        assert_eq!(t.rows.len(), 1);
        let problems: Vec<String> = t.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(problems, ["g.tsv:2: 3 fields, but the header names 2 columns", "g.tsv:3: empty required field `id`"]);
    }

    #[test]
    fn missing_required_column_is_an_error() {
        let err = parse_table(Path::new("g.tsv"), "name\nx\n", &["id"]).unwrap_err();
        assert_eq!(err.to_string(), "g.tsv: missing column `id` in the header");
    }
}
