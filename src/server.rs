//! `khabar serve`: a read-only SPARQL 1.1 Protocol endpoint over the store.
//!
//! - `GET /query?query=…` and `POST /query` (body `application/sparql-query`, or a form
//!   `application/x-www-form-urlencoded` with `query=…`);
//! - results by content negotiation (`Accept`) or `?format=json|xml|csv|tsv|turtle|ntriples`: SPARQL
//!   JSON by default for SELECT/ASK, Turtle for CONSTRUCT/DESCRIBE;
//! - updates are refused (403): the graph changes only through `khabar build`;
//! - every query has a time limit and a row limit;
//! - `GET /` is a small HTML page to type a query and see the table (no JavaScript).

use std::io::{Cursor, Read};
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use quick_xml::Writer;
use quick_xml::events::{BytesText, Event};
use tiny_http::{Header, Method, Request, Response, Server};

use crate::store::GraphStore;
use crate::store::query::{self, QueryOptions, ResultFormat};

#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub timeout: Duration,
    pub limit: usize,
    pub threads: usize,
}

impl Default for ServeOptions {
    fn default() -> Self {
        ServeOptions { timeout: Duration::from_secs(30), limit: 10_000, threads: 4 }
    }
}

const EXAMPLE: &str = "PREFIX kh: <https://w3id.org/khabar/ontology#>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\nSELECT ?buyer ?seller WHERE {\n  ?b kh:buysWeaponsFrom ?s .\n  ?b rdfs:label ?buyer . ?s rdfs:label ?seller .\n  FILTER(LANG(?buyer) = \"en\" && LANG(?seller) = \"en\")\n}";

/// Starts the server; returns the address it listens on and a handle that serves until the
/// process ends.
pub fn start(store: GraphStore, bind: &str, options: ServeOptions) -> std::io::Result<(SocketAddr, Vec<std::thread::JoinHandle<()>>)> {
    let server = Server::http(bind).map_err(|e| std::io::Error::other(format!("cannot listen on {bind}: {e}")))?;
    let addr = server.server_addr().to_ip().ok_or_else(|| std::io::Error::other("not an IP address"))?;
    let server = Arc::new(server);
    let store = Arc::new(store);
    let workers = (0..options.threads.max(1))
        .map(|_| {
            let (server, store, options) = (server.clone(), store.clone(), options.clone());
            std::thread::spawn(move || {
                for request in server.incoming_requests() {
                    handle(&store, &options, request);
                }
            })
        })
        .collect();
    Ok((addr, workers))
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("a valid header")
}

fn text(status: u16, message: impl Into<String>) -> Response<Cursor<Vec<u8>>> {
    Response::from_string(message.into()).with_status_code(status).with_header(header("Content-Type", "text/plain; charset=utf-8"))
}

fn format_by_name(name: &str) -> Option<ResultFormat> {
    Some(match name {
        "json" => ResultFormat::Json,
        "xml" => ResultFormat::Xml,
        "csv" => ResultFormat::Csv,
        "tsv" => ResultFormat::Tsv,
        "turtle" | "ttl" => ResultFormat::Turtle,
        "ntriples" | "nt" => ResultFormat::NTriples,
        "table" | "text" => ResultFormat::Table,
        _ => return None,
    })
}

/// The results format the client prefers among those khabar writes.
fn negotiate(accept: &str) -> ResultFormat {
    let mut best = (0.0f32, ResultFormat::Json);
    for part in accept.split(',') {
        let mut pieces = part.split(';');
        let media = pieces.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = pieces.find_map(|p| p.trim().strip_prefix("q=").and_then(|q| q.parse().ok())).unwrap_or(1.0);
        let format = match media.as_str() {
            "application/sparql-results+json" | "application/json" => ResultFormat::Json,
            "application/sparql-results+xml" | "application/xml" | "text/xml" => ResultFormat::Xml,
            "text/csv" => ResultFormat::Csv,
            "text/tab-separated-values" => ResultFormat::Tsv,
            "text/turtle" => ResultFormat::Turtle,
            "application/n-triples" => ResultFormat::NTriples,
            "text/plain" => ResultFormat::Table,
            _ => continue,
        };
        if q > best.0 {
            best = (q, format);
        }
    }
    best.1
}

fn handle(store: &GraphStore, options: &ServeOptions, mut request: Request) {
    let url = request.url().to_string();
    let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
    let mut params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes()).into_owned().collect();
    let content_type = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Content-Type"))
        .map(|h| h.value.as_str().to_ascii_lowercase())
        .unwrap_or_default();
    let accept = request.headers().iter().find(|h| h.field.equiv("Accept")).map(|h| h.value.as_str().to_string()).unwrap_or_default();
    let method = request.method().clone();
    let mut body = String::new();
    if method == Method::Post {
        if request.as_reader().take(10 << 20).read_to_string(&mut body).is_err() {
            let _ = request.respond(text(400, "the request body is not UTF-8"));
            return;
        }
    }
    let mut sparql = params.iter().find(|(k, _)| k == "query").map(|(_, v)| v.clone());
    if method == Method::Post {
        if content_type.starts_with("application/sparql-query") {
            sparql = Some(body.clone());
        } else if content_type.starts_with("application/x-www-form-urlencoded") {
            let form: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes()).into_owned().collect();
            if form.iter().any(|(k, _)| k == "update") {
                let _ = request.respond(text(403, "this endpoint is read-only: the graph changes only through `khabar build`"));
                return;
            }
            sparql = form.iter().find(|(k, _)| k == "query").map(|(_, v)| v.clone()).or(sparql);
            params.extend(form);
        } else if content_type.starts_with("application/sparql-update") {
            let _ = request.respond(text(403, "this endpoint is read-only: the graph changes only through `khabar build`"));
            return;
        }
    }
    let response = match (path, &method) {
        ("/", Method::Get) => {
            let result = sparql.as_deref().map(|q| run_to_string(store, options, q, ResultFormat::Table));
            Response::from_data(page(sparql.as_deref().unwrap_or(EXAMPLE), result)).with_header(header("Content-Type", "text/html; charset=utf-8"))
        }
        ("/query", Method::Get | Method::Post) => match sparql {
            None => text(400, "missing `query` (GET ?query=… or POST application/sparql-query)"),
            Some(q) => {
                let format = params.iter().find(|(k, _)| k == "format").and_then(|(_, v)| format_by_name(v)).unwrap_or_else(|| negotiate(&accept));
                match run_to_string(store, options, &q, format) {
                    Ok((bytes, media)) => Response::from_data(bytes).with_header(header("Content-Type", media)),
                    Err(e) => text(400, e),
                }
            }
        },
        (_, Method::Get | Method::Post) => text(404, "not found: the SPARQL endpoint is /query, the query page /"),
        _ => text(405, "only GET and POST"),
    };
    let _ = request.respond(response);
}

/// Runs a query into memory; returns the bytes and their media type.
fn run_to_string(store: &GraphStore, options: &ServeOptions, sparql: &str, format: ResultFormat) -> Result<(Vec<u8>, &'static str), String> {
    let query_options = QueryOptions { timeout: Some(options.timeout), limit: Some(options.limit), params: Vec::new() };
    let mut out = Vec::new();
    let outcome = query::run(store, sparql, &query_options, format, &mut out).map_err(|e| e.to_string())?;
    Ok((out, outcome.format.media_type()))
}

/// The query page: a form, and the result table of the last query.
fn page(sparql: &str, result: Option<Result<(Vec<u8>, &'static str), String>>) -> Vec<u8> {
    let mut w = Writer::new(Vec::new());
    let build = |w: &mut Writer<Vec<u8>>| -> std::io::Result<()> {
        w.write_event(Event::DocType(BytesText::from_escaped("html")))?;
        w.create_element("html").with_attribute(("lang", "en")).write_inner_content(|w| {
            w.create_element("head").write_inner_content(|w| {
                w.create_element("meta").with_attribute(("charset", "utf-8")).write_empty()?;
                w.create_element("title").write_text_content(BytesText::new("khabar SPARQL"))?;
                w.create_element("style").write_text_content(BytesText::new(
                    "body{font-family:sans-serif;margin:2em}textarea{width:100%;font-family:monospace}pre{white-space:pre-wrap;unicode-bidi:plaintext;background:#f6f6f6;padding:1em}",
                ))?;
                Ok(())
            })?;
            w.create_element("body").write_inner_content(|w| {
                w.create_element("h1").write_text_content(BytesText::new("khabar — SPARQL"))?;
                w.create_element("p").write_text_content(BytesText::new("Read-only endpoint at /query (SPARQL 1.1 Protocol). Type a query:"))?;
                w.create_element("form").with_attribute(("method", "get")).with_attribute(("action", "/")).write_inner_content(|w| {
                    w.create_element("textarea").with_attribute(("name", "query")).with_attribute(("rows", "12")).write_text_content(BytesText::new(sparql))?;
                    w.create_element("button").with_attribute(("type", "submit")).write_text_content(BytesText::new("Run"))?;
                    Ok(())
                })?;
                match &result {
                    Some(Ok((bytes, _))) => {
                        w.create_element("pre").with_attribute(("dir", "auto")).write_text_content(BytesText::new(&String::from_utf8_lossy(bytes)))?;
                    }
                    Some(Err(e)) => {
                        w.create_element("pre").with_attribute(("class", "error")).write_text_content(BytesText::new(e))?;
                    }
                    None => {}
                }
                Ok(())
            })?;
            Ok(())
        })?;
        Ok(())
    };
    build(&mut w).expect("writing to memory");
    w.into_inner()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_negotiation_prefers_the_highest_quality() {
        assert_eq!(negotiate("text/csv;q=0.5, application/sparql-results+xml"), ResultFormat::Xml);
        assert_eq!(negotiate("*/*"), ResultFormat::Json);
        assert_eq!(negotiate("text/tab-separated-values"), ResultFormat::Tsv);
    }

    #[test]
    fn the_page_escapes_the_query() {
        let html = String::from_utf8(page("SELECT * WHERE { ?s ?p \"<b>\" }", None)).unwrap();
        assert!(html.contains("&lt;b&gt;") && !html.contains("\"<b>\""), "{html}");
    }
}
