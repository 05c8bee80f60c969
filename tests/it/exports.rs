//! The Gephi-ready exports: readers from another ecosystem, the schemas, determinism, filters.

use std::process::Command;

use crate::{built_sample, khabar, ok, python, repo, shared};

#[test]
fn exports_load_in_networkx_and_igraph_with_consistent_counts() {
    let (_dir, _store, exports) = built_sample();
    let out = python("check_exports.py", &[exports.to_str().unwrap()]);
    assert!(out.starts_with("ok"), "{out}");
}

#[test]
fn graphml_and_gexf_validate_against_their_schemas() {
    let Some(shared) = shared() else { return };
    let (_dir, _store, exports) = built_sample();
    let xmllint = |args: &[&str]| {
        let o = Command::new("xmllint").args(args).output().expect("xmllint (libxml2-utils) is installed");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    };
    let graphml_xsd = shared.join("schemas/graphml/graphml.xsd");
    xmllint(&["--noout", "--schema", graphml_xsd.to_str().unwrap(), exports.join("graph.graphml").to_str().unwrap()]);
    let gexf_rng = shared.join("schemas/gexf-1.3/gexf.rng");
    xmllint(&["--noout", "--relaxng", gexf_rng.to_str().unwrap(), exports.join("graph.gexf").to_str().unwrap()]);
}

#[test]
fn two_builds_write_byte_identical_exports() {
    let (_a, _sa, first) = built_sample();
    let (_b, _sb, second) = built_sample();
    for file in ["graph.graphml", "graph.gexf", "nodes.csv", "edges.csv", "graph.nq"] {
        let (x, y) = (std::fs::read(first.join(file)).unwrap(), std::fs::read(second.join(file)).unwrap());
        assert!(x == y, "{file} differs between two builds");
    }
}

#[test]
fn filters_give_the_views_users_ask_for() {
    let (_dir, store, _exports) = built_sample();
    let s = store.to_str().unwrap();
    let arms = ok(khabar(&["export", "--store", s, "--format", "gexf", "--relation", "buysWeaponsFrom"]));
    assert!(arms.contains("kind=\"buysWeaponsFrom\""), "{arms}");
    assert!(!arms.contains("kind=\"officialOf\""), "only arms transfers");
    let ego = ok(khabar(&["export", "--store", s, "--format", "graphml", "--around", "Israel", "--depth", "1", "--relation", "buysWeaponsFrom,manufactures"]));
    assert!(ego.contains(">Azerbaijan<") && ego.contains(">Israel<"), "{ego}");
    assert!(!ego.contains(">Kazakhstan<"), "Kazakhstan is not next to Israel");
    let recent = ok(khabar(&["export", "--store", s, "--format", "gexf", "--since", "2100"]));
    assert!(!recent.contains("<edge "), "nothing was said after 2100");
    let csv_dir = tempfile::tempdir().unwrap();
    ok(khabar(&["export", "--store", s, "--format", "csv", "--output", csv_dir.path().to_str().unwrap(), "--min-mentions", "2"]));
    let edges = std::fs::read_to_string(csv_dir.path().join("edges.csv")).unwrap();
    assert!(edges.lines().skip(1).all(|l| l.split(',').nth(6).and_then(|m| m.parse::<usize>().ok()).is_some_and(|m| m >= 2)), "{edges}");
    let _ = repo();
}
