//! Running SPARQL on the store and writing the results: a readable table, CSV, TSV, SPARQL JSON or
//! XML for SELECT/ASK; Turtle or N-Triples for CONSTRUCT/DESCRIBE. A timeout and a row limit protect
//! a shared endpoint. Named queries live in `data/queries/*.rq`.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{Literal, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{CancellationToken, QueryResults, QuerySolution, SparqlEvaluator};

use super::{GraphStore, StoreError};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    NTriples,
}

impl ResultFormat {
    pub fn media_type(self) -> &'static str {
        match self {
            ResultFormat::Table => "text/plain; charset=utf-8",
            ResultFormat::Csv => "text/csv; charset=utf-8",
            ResultFormat::Tsv => "text/tab-separated-values; charset=utf-8",
            ResultFormat::Json => "application/sparql-results+json",
            ResultFormat::Xml => "application/sparql-results+xml",
            ResultFormat::Turtle => "text/turtle",
            ResultFormat::NTriples => "application/n-triples",
        }
    }

    fn results_format(self) -> Option<QueryResultsFormat> {
        match self {
            ResultFormat::Csv => Some(QueryResultsFormat::Csv),
            ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
            ResultFormat::Json => Some(QueryResultsFormat::Json),
            ResultFormat::Xml => Some(QueryResultsFormat::Xml),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct QueryOptions {
    /// Stop evaluation after this long.
    pub timeout: Option<Duration>,
    /// Return at most this many rows or triples.
    pub limit: Option<usize>,
    /// Values for `?name` variables, as plain strings ("entity=Azerbaijan").
    pub params: Vec<(String, String)>,
}

/// What a query returned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryOutcome {
    pub rows: usize,
    /// The row limit cut the results.
    pub truncated: bool,
    /// The format written: the one asked for, unless it does not fit the results (a graph asked
    /// for as CSV is Turtle, solutions asked for as Turtle are SPARQL JSON).
    pub format: ResultFormat,
}

fn query_error(e: impl std::fmt::Display) -> StoreError {
    StoreError::Query(e.to_string())
}

/// Runs `sparql` and writes its results in `format` (see [`QueryOutcome::format`]).
pub fn run(store: &GraphStore, sparql: &str, options: &QueryOptions, format: ResultFormat, out: &mut dyn Write) -> Result<QueryOutcome, StoreError> {
    let token = CancellationToken::new();
    let sparql = with_params(sparql, &options.params)?;
    let prepared = SparqlEvaluator::new()
        .with_cancellation_token(token.clone())
        .parse_query(&sparql)
        .map_err(query_error)?;
    let timer = options.timeout.map(|timeout| {
        let token = token.clone();
        let (done, wait) = std::sync::mpsc::channel::<()>();
        std::thread::spawn(move || {
            if let Err(std::sync::mpsc::RecvTimeoutError::Timeout) = wait.recv_timeout(timeout) {
                token.cancel();
            }
        });
        done
    });
    let results = prepared.on_store(store.store()).execute().map_err(query_error)?;
    let limit = options.limit.unwrap_or(usize::MAX);
    let outcome = write_results(results, limit, format, out);
    drop(timer); // stops the timer thread
    outcome
}

/// Puts each parameter's value, as a string literal, where its variable (`?name` or `$name`) stands.
/// The value is escaped, so it cannot change the query's structure.
pub fn with_params(sparql: &str, params: &[(String, String)]) -> Result<String, StoreError> {
    let mut out = sparql.to_string();
    for (name, value) in params {
        Variable::new(name).map_err(|e| StoreError::Query(format!("parameter `{name}`: {e}")))?;
        let literal = Literal::new_simple_literal(value).to_string();
        let mut replaced = String::with_capacity(out.len());
        let chars: Vec<char> = out.chars().collect();
        let name_chars: Vec<char> = name.chars().collect();
        let mut found = false;
        let mut i = 0;
        while i < chars.len() {
            let is_var = matches!(chars[i], '?' | '$')
                && chars[i + 1..].starts_with(&name_chars)
                && chars.get(i + 1 + name_chars.len()).is_none_or(|c| !(c.is_alphanumeric() || *c == '_'));
            if is_var {
                replaced.push_str(&literal);
                i += 1 + name_chars.len();
                found = true;
            } else {
                replaced.push(chars[i]);
                i += 1;
            }
        }
        if !found {
            return Err(StoreError::Query(format!("the query has no parameter ?{name}")));
        }
        out = replaced;
    }
    Ok(out)
}

fn write_results(results: QueryResults, limit: usize, format: ResultFormat, out: &mut dyn Write) -> Result<QueryOutcome, StoreError> {
    match results {
        QueryResults::Boolean(b) => {
            let format = solutions_format(format);
            match format.results_format() {
                Some(f) => QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, b).map(|_| ()).map_err(query_error)?,
                None => writeln!(out, "{b}").map_err(query_error)?,
            }
            Ok(QueryOutcome { rows: 1, truncated: false, format })
        }
        QueryResults::Solutions(solutions) => {
            let format = solutions_format(format);
            let variables: Vec<Variable> = solutions.variables().to_vec();
            let mut rows: Vec<QuerySolution> = Vec::new();
            let mut truncated = false;
            for s in solutions {
                if rows.len() == limit {
                    truncated = true;
                    break;
                }
                rows.push(s.map_err(query_error)?);
            }
            match format.results_format() {
                Some(f) => {
                    let mut w = QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables).map_err(query_error)?;
                    for r in &rows {
                        w.serialize(r).map_err(query_error)?;
                    }
                    w.finish().map_err(query_error)?;
                }
                None => write_table(&variables, &rows, out).map_err(query_error)?,
            }
            Ok(QueryOutcome { rows: rows.len(), truncated, format })
        }
        QueryResults::Graph(triples) => {
            let format = if format == ResultFormat::NTriples { ResultFormat::NTriples } else { ResultFormat::Turtle };
            let rdf_format = if format == ResultFormat::NTriples { RdfFormat::NTriples } else { RdfFormat::Turtle };
            let mut w = RdfSerializer::from_format(rdf_format).for_writer(&mut *out);
            let mut n = 0;
            let mut truncated = false;
            for t in triples {
                if n == limit {
                    truncated = true;
                    break;
                }
                w.serialize_triple(&t.map_err(query_error)?).map_err(query_error)?;
                n += 1;
            }
            w.finish().map_err(query_error)?;
            Ok(QueryOutcome { rows: n, truncated, format })
        }
    }
}

fn solutions_format(asked: ResultFormat) -> ResultFormat {
    match asked {
        ResultFormat::Turtle | ResultFormat::NTriples => ResultFormat::Json,
        other => other,
    }
}

/// Runs a SELECT query and collects its solutions (for khabar's own queries over the store).
pub fn solutions(store: &GraphStore, sparql: &str) -> Result<Vec<QuerySolution>, StoreError> {
    let results = SparqlEvaluator::new().parse_query(sparql).map_err(query_error)?.on_store(store.store()).execute().map_err(query_error)?;
    match results {
        QueryResults::Solutions(s) => s.collect::<Result<Vec<_>, _>>().map_err(query_error),
        _ => Err(StoreError::Query("expected a SELECT query".into())),
    }
}

/// A bound term's lexical value (an IRI or a literal's value); empty when unbound.
pub fn value(term: Option<&Term>) -> String {
    match term {
        Some(Term::NamedNode(n)) => n.as_str().to_string(),
        Some(Term::Literal(l)) => l.value().to_string(),
        _ => String::new(),
    }
}

/// A term as a person reads it: a literal's value, an IRI's last segment for khabar's own IRIs.
pub fn display(term: &Term) -> String {
    match term {
        Term::Literal(l) => l.value().to_string(),
        Term::NamedNode(n) => n.as_str().to_string(),
        other => other.to_string(),
    }
}

fn write_table(variables: &[Variable], rows: &[QuerySolution], out: &mut dyn Write) -> std::io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| variables.iter().map(|v| r.get(v).map(display).unwrap_or_default().replace(['\n', '\t'], " ")).collect())
        .collect();
    let width = |i: usize| {
        let header = variables[i].as_str().chars().count();
        cells.iter().map(|c| c[i].chars().count()).max().unwrap_or(0).max(header).min(80)
    };
    let widths: Vec<usize> = (0..variables.len()).map(width).collect();
    let line = |out: &mut dyn Write, values: Vec<&str>| -> std::io::Result<()> {
        let padded: Vec<String> = values
            .iter()
            .zip(&widths)
            .map(|(v, w)| {
                let v: String = v.chars().take(*w).collect();
                let pad = w.saturating_sub(v.chars().count());
                format!("{v}{}", " ".repeat(pad))
            })
            .collect();
        writeln!(out, "{}", padded.join(" | ").trim_end())
    };
    line(out, variables.iter().map(|v| v.as_str()).collect())?;
    writeln!(out, "{}", widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>().join("-+-"))?;
    for c in &cells {
        line(out, c.iter().map(String::as_str).collect())?;
    }
    writeln!(out, "({} rows)", rows.len())
}

/// A named query of `data/queries/NAME.rq`, with its description (the leading `#` lines).
pub struct NamedQuery {
    pub name: String,
    pub description: String,
    pub sparql: String,
}

pub fn named_queries(dir: &Path) -> std::io::Result<Vec<NamedQuery>> {
    let mut out = Vec::new();
    if !dir.exists() {
        return Ok(out);
    }
    let mut paths: Vec<_> = std::fs::read_dir(dir)?.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|e| e == "rq")).collect();
    paths.sort();
    for path in paths {
        let sparql = std::fs::read_to_string(&path)?;
        let description = sparql.lines().take_while(|l| l.starts_with('#')).map(|l| l.trim_start_matches('#').trim()).collect::<Vec<_>>().join("\n");
        let name = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        out.push(NamedQuery { name, description, sparql });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::with_params;

    #[test]
    fn parameters_become_escaped_literals() {
        let q = with_params("SELECT ?x WHERE { ?x ?p ?entity . FILTER(?entityLabel = $entity) }", &[("entity".into(), "Az\"} DROP ALL".into())]).unwrap();
        assert_eq!(q, "SELECT ?x WHERE { ?x ?p \"Az\\\"} DROP ALL\" . FILTER(?entityLabel = \"Az\\\"} DROP ALL\") }");
        assert!(with_params("SELECT * {}", &[("missing".into(), "x".into())]).is_err());
    }
}
