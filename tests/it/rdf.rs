//! The store as RDF: the SPARQL endpoint (with an HTTP client and SPARQLWrapper), named queries,
//! `explain`, the vocabulary, round trips of the dumps, and `push` to a real Oxigraph server.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::{built_sample, khabar, ok, python, repo};

/// A khabar or oxigraph server that is stopped when dropped.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

fn serve(store: &str) -> (Server, String) {
    let mut server = Server(
        Command::new(env!("CARGO_BIN_EXE_khabar"))
            .args(["serve", "--store", store, "--bind", "127.0.0.1:0", "--timeout", "10", "--limit", "1000"])
            .env("KHABAR_DATA", repo().join("data"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let mut line = String::new();
    BufReader::new(server.0.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let url = line
        .split_whitespace()
        .map(|w| w.trim_end_matches(','))
        .find(|w| w.starts_with("http://") && w.ends_with("/query"))
        .unwrap_or_else(|| panic!("no endpoint URL in {line:?}"))
        .to_string();
    (server, url)
}

#[test]
fn sparql_endpoint_answers_http_clients_and_sparqlwrapper() {
    let (_dir, store, _exports) = built_sample();
    let (_server, url) = serve(store.to_str().unwrap());
    let query = "PREFIX kh: <https://w3id.org/khabar/ontology#> SELECT ?s WHERE { ?s kh:buysWeaponsFrom <https://w3id.org/khabar/entity/israel> }";
    // GET with content negotiation
    let mut r = ureq::get(&url).query("query", query).header("Accept", "text/csv").call().unwrap();
    assert_eq!(r.headers().get("content-type").unwrap().to_str().unwrap(), "text/csv; charset=utf-8");
    let csv = r.body_mut().read_to_string().unwrap();
    assert!(csv.contains("https://w3id.org/khabar/entity/azerbaijan"), "{csv}");
    // POST application/sparql-query, JSON by default
    let mut r = ureq::post(&url).header("Content-Type", "application/sparql-query").send(query).unwrap();
    let json: serde_json::Value = serde_json::from_str(&r.body_mut().read_to_string().unwrap()).unwrap();
    assert!(json["results"]["bindings"].as_array().unwrap().iter().any(|b| b["s"]["value"] == "https://w3id.org/khabar/entity/azerbaijan"));
    // read-only
    let refused = ureq::post(&url).send_form([("update", "DROP ALL")]);
    assert!(matches!(refused, Err(ureq::Error::StatusCode(403))), "{refused:?}");
    // the query page
    let mut page = ureq::get(url.trim_end_matches("query")).query("query", "ASK {}").call().unwrap();
    let html = page.body_mut().read_to_string().unwrap();
    assert!(html.contains("<textarea") && html.contains("true"), "{html}");
    // a SPARQL client of another ecosystem
    let out = python("check_endpoint.py", &[&url]);
    assert!(out.starts_with("ok"), "{out}");
}

#[test]
fn named_queries_answer_on_the_sample() {
    let (_dir, store, _exports) = built_sample();
    let s = store.to_str().unwrap();
    let list = ok(khabar(&["query", "--list"]));
    for name in ["arms-suppliers", "relations-between", "partners-by-year", "people-who-met", "officials", "weapons", "documents"] {
        assert!(list.contains(name), "{name} missing from:\n{list}");
    }
    let suppliers = ok(khabar(&["query", "--store", s, "--name", "arms-suppliers", "--param", "entity=Azerbaijan", "--format", "csv"]));
    let names: Vec<&str> = suppliers.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert!(names.contains(&"Israel") && names.contains(&"Turkey"), "{suppliers}");
    let between = ok(khabar(&["query", "--store", s, "--name", "relations-between", "--param", "a=Azerbaijan", "--param", "b=Israel", "--format", "tsv"]));
    assert!(between.contains("\"buysWeaponsFrom\"") && between.contains("\"hasDiplomaticRelationsWith\""), "{between}");
    let met = ok(khabar(&["query", "--store", s, "--name", "people-who-met", "--param", "entity=Azerbaijan", "--format", "csv"]));
    assert!(met.contains("Benny Gantz,meetsWith,Ilham Aliyev") && met.contains("Yoav Gallant,visits"), "{met}");
    let officials = ok(khabar(&["query", "--store", s, "--name", "officials", "--param", "entity=Israel", "--format", "csv"]));
    assert!(officials.contains("Benny Gantz,Defence Minister,") && officials.contains("Yoav Gallant,Defence Minister,1"), "{officials}");
    let weapons = ok(khabar(&["query", "--store", s, "--name", "weapons", "--param", "entity=Azerbaijan", "--format", "csv"]));
    assert!(weapons.contains("Iron Dome,acquiresWeapon,Israel") && weapons.contains("Bayraktar TB2"), "{weapons}");
    let partners = ok(khabar(&["query", "--store", s, "--name", "partners-by-year", "--param", "entity=Turkey", "--format", "csv"]));
    assert!(partners.lines().any(|l| l.starts_with("2024,Azerbaijan,")), "{partners}");
}

#[test]
fn explain_prints_every_mention_with_its_evidence() {
    let (_dir, store, _exports) = built_sample();
    let out = ok(khabar(&["explain", "Azerbaijan", "buysWeaponsFrom", "Israel", "--store", store.to_str().unwrap()]));
    for needle in ["002_748b30b6e760c374", "003_43607c7ccd4a2f17", "sentence", "offsets", "rule", "modality", "confidence"] {
        assert!(out.contains(needle), "{needle} missing:\n{out}");
    }
}

#[test]
fn dumps_load_back_with_the_same_quad_count() {
    let (_dir, store, _exports) = built_sample();
    let s = store.to_str().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    for (format, ext) in [("nquads", "nq"), ("trig", "trig"), ("turtle", "ttl"), ("jsonld", "jsonld")] {
        let path = dir.path().join(format!("dump.{ext}"));
        ok(khabar(&["export", "--store", s, "--format", format, "--output", path.to_str().unwrap()]));
        files.push(path);
    }
    let view = ok(khabar(&["query", "--store", s, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "--format", "csv"]));
    let all = ok(khabar(&["query", "--store", s, "SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }", "--format", "csv"]));
    let count = |s: &str| s.lines().nth(1).unwrap().trim().to_string();
    let args: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    let out = python("check_roundtrip.py", &[&count(&all), &count(&view), &args[0], &args[1], &args[2], &args[3]]);
    assert!(out.starts_with("ok"), "{out}");
}

#[test]
fn push_sends_document_graphs_to_an_oxigraph_server() {
    let (_dir, store, _exports) = built_sample();
    let target = tempfile::tempdir().unwrap();
    let port = free_port();
    let oxigraph = Command::new("oxigraph")
        .args(["serve", "--location", target.path().to_str().unwrap(), "--bind", &format!("127.0.0.1:{port}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the oxigraph server (pip install oxigraph) is installed by scripts/setup.sh");
    let _server = Server(oxigraph);
    let base = format!("http://127.0.0.1:{port}");
    for _ in 0..100 {
        if ureq::get(&format!("{base}/query")).query("query", "ASK {}").call().is_ok() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let s = store.to_str().unwrap();
    let out = ok(khabar(&["push", "--store", s, "--graph-store", &format!("{base}/store")]));
    assert!(out.contains("graphs"), "{out}");
    let graphs_query = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let ours = ok(khabar(&["query", "--store", s, graphs_query, "--format", "csv"]));
    let mut r = ureq::get(&format!("{base}/query")).query("query", graphs_query).header("Accept", "text/csv").call().unwrap();
    let theirs = r.body_mut().read_to_string().unwrap();
    assert_eq!(ours.lines().nth(1).unwrap().trim(), theirs.lines().nth(1).unwrap().trim(), "same number of document graphs");
    // pushing again replaces rather than duplicates
    ok(khabar(&["push", "--store", s, "--graph-store", &format!("{base}/store")]));
    let count_all = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";
    let mut r = ureq::get(&format!("{base}/query")).query("query", count_all).header("Accept", "text/csv").call().unwrap();
    let theirs = r.body_mut().read_to_string().unwrap();
    let ours = ok(khabar(&["query", "--store", s, count_all, "--format", "csv"]));
    assert_eq!(ours.lines().nth(1).unwrap().trim(), theirs.lines().nth(1).unwrap().trim());
}

#[test]
fn vocabulary_declares_relations_with_labels_in_three_languages() {
    let ttl = ok(khabar(&["vocab", "--format", "turtle"]));
    assert!(ttl.contains("kh:buysWeaponsFrom") && ttl.contains("owl:SymmetricProperty"), "{ttl}");
    assert!(ttl.contains("@ar") && ttl.contains("@fa") && ttl.contains("kh:cameoRoot"));
    let shipped = std::fs::read_to_string(repo().join("data/vocab/khabar.ttl")).expect("data/vocab/khabar.ttl is shipped");
    assert_eq!(shipped, ttl, "data/vocab/khabar.ttl is out of date: regenerate it with `khabar vocab > data/vocab/khabar.ttl`");
}
