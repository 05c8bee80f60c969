//! The store across runs: replacing a changed article, removing one, refusing a damaged store.

use crate::{khabar, ok, stderr};

const COUNT_GRAPHS: &str = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }";

fn count(store: &str) -> usize {
    let out = ok(khabar(&["query", COUNT_GRAPHS, "--store", store, "--format", "csv"]));
    out.lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn changed_articles_replace_their_graph_and_removed_ones_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let a = articles.join("a.txt");
    std::fs::write(&a, "Azerbaijan bought drones from Turkey in 2020, the ministry in Baku said on Monday.").unwrap();
    std::fs::write(articles.join("b.txt"), "Israel and Azerbaijan signed a defence agreement in Baku on Tuesday, officials said.").unwrap();
    let store = dir.path().join("store");
    let exports = dir.path().join("exports");
    let (s, e, arts) = (store.to_str().unwrap(), exports.to_str().unwrap(), articles.to_str().unwrap());
    ok(khabar(&["build", arts, "--store", s, "--exports", e]));
    assert_eq!(count(s), 2);

    std::fs::write(&a, "Azerbaijan bought drones from Israel in 2021, the ministry in Baku said on Monday.").unwrap();
    let out = ok(khabar(&["build", arts, "--store", s, "--exports", e]));
    assert!(out.contains("(0 added, 1 replaced, 1 unchanged)"), "{out}");
    assert_eq!(count(s), 2, "the old version of a.txt is gone");
    let turkey = "ASK { ?s <https://w3id.org/khabar/ontology#buysWeaponsFrom> <https://w3id.org/khabar/entity/turkey> }";
    assert!(ok(khabar(&["query", turkey, "--store", s])).contains("false"));

    ok(khabar(&["remove", "a", "--store", s, "--exports", e]));
    assert_eq!(count(s), 1);
    let any_a = "ASK { GRAPH ?g { <https://w3id.org/khabar/document/a> ?p ?o } }";
    assert!(ok(khabar(&["query", any_a, "--store", s])).contains("false"));
    let view_israel = "ASK { ?s <https://w3id.org/khabar/ontology#buysWeaponsFrom> ?o }";
    assert!(ok(khabar(&["query", view_israel, "--store", s])).contains("false"), "the view forgets what a.txt said");
}

#[test]
fn a_damaged_or_missing_store_is_one_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nowhere");
    let o = khabar(&["query", "ASK {}", "--store", missing.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no store at"), "{}", stderr(&o));

    let damaged = dir.path().join("damaged");
    std::fs::create_dir(&damaged).unwrap();
    std::fs::write(damaged.join("CURRENT"), "MANIFEST-999999\n").unwrap();
    let o = khabar(&["query", "ASK {}", "--store", damaged.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("cannot open the store at") && err.lines().count() == 1, "{err}");
}

#[test]
fn a_build_killed_midway_leaves_a_consistent_store_that_the_next_build_completes() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    let samples: Vec<String> = std::fs::read_dir(crate::repo().join("data/articles")).unwrap().map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    let n = 200;
    for i in 0..n {
        std::fs::write(articles.join(format!("a{i:03}.txt")), format!("{}\n\n{i}", samples[i % samples.len()])).unwrap();
    }
    let store = dir.path().join("store");
    let (s, arts) = (store.to_str().unwrap(), articles.to_str().unwrap());
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_khabar"))
        .args(["build", arts, "--store", s, "--no-exports"])
        .env("KHABAR_DATA", crate::repo().join("data"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    // kill it once it has started writing (loading the data takes longer on a loaded machine)
    let started = std::time::Instant::now();
    while !store.exists() && started.elapsed() < std::time::Duration::from_secs(60) && child.try_wait().unwrap().is_none() {
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    std::thread::sleep(std::time::Duration::from_millis(1200));
    let _ = child.kill(); // SIGKILL: no chance to clean up
    let _ = child.wait();
    // every document graph in the store is whole: its document node, its extractor, its mentions
    let incomplete = "PREFIX kh: <https://w3id.org/khabar/ontology#> SELECT (COUNT(?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER NOT EXISTS { GRAPH ?g { ?d a kh:Document ; kh:extractedWith ?x } } }";
    let out = ok(khabar(&["query", incomplete, "--store", s, "--format", "csv"]));
    assert_eq!(out.lines().nth(1).unwrap().trim(), "0", "a half-written document graph");
    let written = count(s);
    eprintln!("the killed build had written {written} of {n} documents");
    assert!(written <= n, "{written}");
    let out = ok(khabar(&["build", arts, "--store", s, "--no-exports"]));
    assert!(out.contains(&format!("{n} documents")), "{out}");
    assert_eq!(count(s), n);
}
