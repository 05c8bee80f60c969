//! The README's main path: sample articles → store → exports, queried and loaded by other tools.

use crate::{built_sample, khabar, ok, python, repo};

const KH: &str = "PREFIX kh: <https://w3id.org/khabar/ontology#> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>";

#[test]
fn build_twice_changes_nothing_and_the_store_answers_with_evidence() {
    let (_dir, store, exports) = built_sample();
    let store_arg = store.to_str().unwrap();
    let articles = repo().join("data/articles");
    let exports_arg = exports.to_str().unwrap();
    let graphml_before = std::fs::read(exports.join("graph.graphml")).unwrap();
    let second = ok(khabar(&["build", articles.to_str().unwrap(), "--store", store_arg, "--exports", exports_arg]));
    assert!(second.contains("5 documents (0 added, 0 replaced, 5 unchanged)"), "{second}");
    assert_eq!(graphml_before, std::fs::read(exports.join("graph.graphml")).unwrap(), "exports must be byte-identical");

    let sparql = format!(
        "{KH} SELECT ?sentence WHERE {{ GRAPH ?g {{ ?m a kh:Mention ; rdf:subject ?s ; rdf:predicate kh:buysWeaponsFrom ; rdf:object ?o ; kh:sentence ?sentence .
           ?s rdfs:label \"Azerbaijan\"@en . ?o rdfs:label \"Israel\"@en }} }}"
    );
    let out = ok(khabar(&["query", &sparql, "--store", store_arg, "--format", "tsv"]));
    let sentences: Vec<&str> = out.lines().skip(1).collect();
    assert!(!sentences.is_empty(), "no evidence for Azerbaijan buysWeaponsFrom Israel:\n{out}");
    assert!(sentences.iter().any(|s| s.contains("أذربيجان") && (s.contains("إسرائيل") || s.contains("الإسرائيلية"))), "{out}");

    // the view holds one aggregated edge for it
    let view = format!("{KH} SELECT ?n WHERE {{ ?e a kh:Edge ; rdf:subject <https://w3id.org/khabar/entity/azerbaijan> ; rdf:predicate kh:buysWeaponsFrom ; rdf:object <https://w3id.org/khabar/entity/israel> ; kh:mentionCount ?n }}");
    let out = ok(khabar(&["query", &view, "--store", store_arg, "--format", "csv"]));
    let count: usize = out.lines().nth(1).unwrap_or("0").trim().parse().unwrap_or(0);
    assert!(count >= 2, "expected several mentions behind the edge:\n{out}");
}

#[test]
fn graphml_loads_in_networkx_with_labels() {
    let (_dir, _store, exports) = built_sample();
    let graphml = exports.join("graph.graphml");
    let out = python("check_graphml.py", &[graphml.to_str().unwrap(), "Azerbaijan", "Israel", "Turkey"]);
    assert!(out.contains("ok"), "{out}");
}

#[test]
fn csv_exports_have_gephi_columns() {
    let (_dir, _store, exports) = built_sample();
    let nodes = std::fs::read_to_string(exports.join("nodes.csv")).unwrap();
    let edges = std::fs::read_to_string(exports.join("edges.csv")).unwrap();
    assert!(nodes.starts_with("Id,Label,Type,"), "{nodes}");
    assert!(edges.starts_with("Source,Target,Type,Weight,"), "{edges}");
    assert!(edges.contains("azerbaijan,israel,Directed,") && edges.contains(",buysWeaponsFrom,"), "{edges}");
}

#[test]
fn one_node_per_real_thing() {
    let (_dir, _store, exports) = built_sample();
    let nodes = std::fs::read_to_string(exports.join("nodes.csv")).unwrap();
    let mut reader = csv::Reader::from_reader(nodes.as_bytes());
    let mut labels = std::collections::HashSet::new();
    let mut wikidata = std::collections::HashSet::new();
    for row in reader.records() {
        let row = row.unwrap();
        assert!(labels.insert(row[1].to_string()), "two nodes are labelled {}", &row[1]);
        if !row[5].is_empty() {
            assert!(wikidata.insert(row[5].to_string()), "two nodes have Wikidata id {}", &row[5]);
        }
    }
    assert!(labels.len() > 10);
}

#[test]
fn entities_command_lists_the_gazetteer_in_every_language() {
    let out = ok(khabar(&["entities", "--type", "Country", "--search", "آذربایجان"]));
    let rows = crate::tsv_rows(&out);
    assert!(rows.iter().any(|r| r["id"] == "azerbaijan" && r["ar"] == "أذربيجان" && r["wikidata"] == "Q227"), "{out}");
    let drones = ok(khabar(&["entities", "--search", "bayraktar"]));
    assert!(drones.contains("Bayraktar TB2") && drones.contains("بيرقدار"), "{drones}");
    let all = ok(khabar(&["entities"]));
    assert!(all.lines().count() > 900, "every state, capital, organisation, outlet, weapon and office-holder");
}
