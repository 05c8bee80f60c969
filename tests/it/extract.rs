//! `khabar extract`: the TSV contract, the score on the sample corpus, and errors per input.

use std::process::Command;

use crate::{khabar, ok, repo, shared, stderr, stdout, tsv_rows};

#[test]
fn tsv_has_the_contract_columns_and_one_row_per_triple() {
    let out = ok(khabar(&["extract", repo().join("data/articles").to_str().unwrap(), "--format", "tsv"]));
    let header: Vec<&str> = out.lines().next().unwrap().split('\t').collect();
    for column in ["document", "subject", "predicate", "object", "confidence", "evidence", "derived"] {
        assert!(header.contains(&column), "missing column {column} in {header:?}");
    }
    let rows = tsv_rows(&out);
    let mut keys: Vec<(String, String, String, String)> =
        rows.iter().map(|r| (r["document"].clone(), r["subject"].clone(), r["predicate"].clone(), r["object"].clone())).collect();
    let n = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(n, keys.len(), "duplicate (document, subject, predicate, object) rows");
    assert!(rows.iter().all(|r| r["confidence"].parse::<f64>().is_ok_and(|c| (0.0..=1.0).contains(&c))));
    assert!(rows.iter().any(|r| r["document"] == "002_748b30b6e760c374" && r["subject"] == "Azerbaijan" && r["predicate"] == "buysWeaponsFrom" && r["object"] == "Israel"));
}

#[test]
fn entities_option_lists_entities_per_document() {
    let out = ok(khabar(&["extract", repo().join("data/articles").to_str().unwrap(), "--entities"]));
    let rows = tsv_rows(&out);
    assert!(rows.iter().any(|r| r["document"] == "000_ab0cd647e8adc387" && r["label"] == "Azerbaijan" && r["type"] == "Country"));
    assert!(rows.iter().any(|r| r["document"] == "002_748b30b6e760c374" && r["label"] == "Benny Gantz" && r["type"] == "Person"));
}

/// The score of tools/score.py on the sample corpus, as (triple F1, explicit recall, furniture
/// violations, entity recall, entity precision).
fn score() -> Option<(f64, f64, usize, f64, f64)> {
    let shared = shared()?;
    let dir = tempfile::tempdir().unwrap();
    let triples = dir.path().join("triples.tsv");
    let entities = dir.path().join("entities.tsv");
    let articles = repo().join("data/articles");
    std::fs::write(&triples, ok(khabar(&["extract", articles.to_str().unwrap()]))).unwrap();
    std::fs::write(&entities, ok(khabar(&["extract", articles.to_str().unwrap(), "--entities"]))).unwrap();
    let o = Command::new("python3")
        .arg(shared.join("tools/score.py"))
        .arg(shared.join("gold/seeds"))
        .arg(&triples)
        .arg("--entities")
        .arg(&entities)
        .arg("--json")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = |a: &str, b: &str| v[a][b].as_f64().unwrap();
    Some((f("triples", "f1"), f("triples", "explicit_recall"), v["furniture_violations"].as_u64().unwrap() as usize, f("entities", "recall_required"), f("entities", "precision")))
}

#[test]
fn sample_corpus_scores_above_the_bar() {
    let Some((f1, explicit, furniture, entity_recall, entity_precision)) = score() else {
        eprintln!("../shared not found: score test skipped");
        return;
    };
    eprintln!("sample corpus: F1 {f1}, explicit recall {explicit}, furniture {furniture}, entity recall {entity_recall}, entity precision {entity_precision}");
    assert_eq!(furniture, 0, "furniture entities in triples");
    assert!(f1 >= 0.9, "triple F1 {f1} < 0.9");
    assert!(explicit >= 0.95, "explicit recall {explicit} < 0.95");
    assert!(entity_recall >= 0.95, "required-entity recall {entity_recall} < 0.95");
}

/// The blind sets were annotated by people who had not seen the rules (tests/blind*/README.md). Floors a
/// little under today's scores catch a rule change that costs unseen text; the gold files are checked too.
#[test]
fn blind_sets_keep_their_scores() {
    // blind3 is held out: its furniture violation is known and left undiagnosed (README "Measuring")
    // (set, F1 floor, precision floor, furniture violations allowed); blind3, blind5, blind7, blind9, blind11, blind13, blind14, blind15, blind16, blind19, blind20, blind21, blind23, blind25, blind27, blind29, blind31, blind33, blind35, blind37, blind39, blind41, blind43, blind45, blind47 and blind49 are held out; blind12 is a development set from the seventh session, blind17 and blind18 from the eighth, blind22, blind24 and blind26 from the eleventh, blind28, blind30 and blind32 from the twelfth, blind34 from the thirteenth, blind36 from the fourteenth, blind38 and blind40 from the fifteenth, blind42 and blind44 from the sixteenth, blind46 and blind48 from the seventeenth
    for (set, f1_floor, precision_floor, furniture) in [("blind", 0.93, 0.97, 0), ("blind2", 0.92, 0.95, 0), ("blind3", 0.70, 0.82, 1), ("blind4", 0.86, 0.97, 0), ("blind5", 0.73, 0.95, 0), ("blind6", 0.86, 0.97, 0), ("blind7", 0.78, 0.93, 0), ("blind8", 0.88, 0.96, 0), ("blind9", 0.74, 0.93, 0), ("blind10", 0.85, 0.94, 0), ("blind11", 0.72, 0.93, 0), ("blind12", 0.85, 0.93, 0), ("blind13", 0.73, 0.92, 0), ("blind14", 0.75, 0.93, 0), ("blind15", 0.70, 0.90, 0), ("blind16", 0.73, 0.90, 0), ("blind17", 0.83, 0.94, 0), ("blind18", 0.86, 0.94, 0), ("blind19", 0.69, 0.94, 0), ("blind20", 0.69, 0.79, 0), ("blind21", 0.66, 0.87, 0), ("blind22", 0.86, 0.93, 1), ("blind23", 0.67, 0.88, 1), ("blind24", 0.79, 0.94, 0), ("blind25", 0.65, 0.87, 1), ("blind26", 0.74, 0.90, 0), ("blind27", 0.71, 0.93, 0), ("blind28", 0.78, 0.93, 0), ("blind29", 0.73, 0.89, 0), ("blind30", 0.76, 0.92, 0), ("blind31", 0.69, 0.86, 0), ("blind32", 0.73, 0.93, 0), ("blind33", 0.72, 0.91, 0), ("blind34", 0.78, 0.90, 0), ("blind35", 0.67, 0.86, 0), ("blind36", 0.80, 0.93, 0), ("blind37", 0.64, 0.89, 0), ("blind38", 0.77, 0.92, 0), ("blind39", 0.73, 0.93, 0), ("blind40", 0.70, 0.86, 0), ("blind41", 0.68, 0.84, 4), ("blind42", 0.76, 0.89, 0), ("blind43", 0.72, 0.92, 0), ("blind44", 0.78, 0.89, 0), ("blind45", 0.70, 0.91, 0), ("blind46", 0.74, 0.87, 0), ("blind47", 0.70, 0.90, 0), ("blind48", 0.79, 0.91, 0), ("blind49", 0.70, 0.88, 1)] {
        let dir = repo().join("tests").join(set);
        // tests/blind has checks of its own; the later sets share tests/gold_sets.py
        let own = dir.join("check_gold.py");
        let check = if own.exists() {
            Command::new("python3").arg(own).current_dir(&dir).output().unwrap()
        } else {
            Command::new("python3").arg(repo().join("tests/gold_sets.py")).arg("check").arg(&dir).output().unwrap()
        };
        assert!(check.status.success(), "{set}: gold files\n{}{}", stdout(&check), stderr(&check));
        let gold = dir.join(set);
        let v: serde_json::Value = serde_json::from_str(&ok(khabar(&["eval", "--gold", gold.to_str().unwrap(), dir.join("articles").to_str().unwrap(), "--json"]))).unwrap();
        let (f1, precision) = (v["triples"]["f1"].as_f64().unwrap(), v["triples"]["precision"].as_f64().unwrap());
        eprintln!("{set}: F1 {f1}, precision {precision}");
        assert!(f1 >= f1_floor, "{set}: triple F1 {f1} < {f1_floor}");
        assert!(precision >= precision_floor, "{set}: precision {precision} < {precision_floor}");
        assert!(v["furniture_violations"].as_u64().unwrap() <= furniture, "{set}: furniture violations {}", v["furniture_violations"]);
    }
}

#[test]
fn bad_inputs_are_reported_by_name_and_the_rest_is_processed() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("good.txt");
    std::fs::write(&good, "Azerbaijan bought drones from Turkey in 2020, the defence ministry in Baku said on Monday.").unwrap();
    std::fs::write(dir.path().join("notes.docx"), "x").unwrap();
    std::fs::write(dir.path().join("blob.txt"), b"\x00\x01\x02binary").unwrap();
    std::fs::write(dir.path().join("feed.jsonl"), "{\"id\": \"a1\", \"text\": \"Israel and Azerbaijan held talks in Baku about defence cooperation and trade.\"}\nnot json\n").unwrap();
    let missing = dir.path().join("missing.txt");
    let o = khabar(&["extract", dir.path().to_str().unwrap(), missing.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(err.contains("notes.docx: skipped: unknown extension"), "{err}");
    assert!(err.contains("blob.txt: skipped: binary file"), "{err}");
    assert!(err.contains("feed.jsonl:2: skipped:"), "{err}");
    assert!(err.contains("missing.txt: no such file or directory"), "{err}");
    let out = stdout(&o);
    assert!(out.contains("good\tAzerbaijan\tbuysWeaponsFrom\tTurkey"), "{out}");
    assert!(out.contains("a1\t"), "the JSONL record that parses is processed:\n{out}");
}

#[test]
fn eval_agrees_with_score_py() {
    let Some(shared) = shared() else { return };
    let gold = shared.join("gold/seeds");
    let articles = repo().join("data/articles");
    let ours: serde_json::Value = serde_json::from_str(&ok(khabar(&["eval", "--gold", gold.to_str().unwrap(), articles.to_str().unwrap(), "--entities", "--json"]))).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let triples = dir.path().join("t.tsv");
    let entities = dir.path().join("e.tsv");
    std::fs::write(&triples, ok(khabar(&["extract", articles.to_str().unwrap()]))).unwrap();
    std::fs::write(&entities, ok(khabar(&["extract", articles.to_str().unwrap(), "--entities"]))).unwrap();
    let o = Command::new("python3").arg(shared.join("tools/score.py")).arg(&gold).arg(&triples).arg("--entities").arg(&entities).arg("--json").output().unwrap();
    let theirs: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    for field in ["precision", "recall", "f1", "explicit_recall"] {
        let (a, b) = (ours["triples"][field].as_f64().unwrap(), theirs["triples"][field].as_f64().unwrap());
        assert!((a - b).abs() < 1e-3, "{field}: khabar eval {a}, score.py {b}");
    }
    for field in ["system", "gold", "true_positives"] {
        assert_eq!(ours["triples"][field], theirs["triples"][field], "{field}");
    }
    for field in ["recall_required", "precision"] {
        let (a, b) = (ours["entities"][field].as_f64().unwrap(), theirs["entities"][field].as_f64().unwrap());
        assert!((a - b).abs() < 1e-3, "entities {field}: khabar eval {a}, score.py {b}");
    }
    assert_eq!(ours["furniture_violations"], theirs["furniture_violations"]);
    // the breakdown per relation adds up to the whole
    let per = ours["per_relation"].as_object().unwrap();
    let gold_rows: u64 = per.values().map(|v| v["gold"].as_u64().unwrap()).sum();
    assert_eq!(serde_json::json!(gold_rows), ours["triples"]["gold"]);
}

#[test]
fn a_malformed_data_row_is_reported_with_file_and_line_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let copy = Command::new("cp").arg("-r").arg(repo().join("data")).arg(&data).status().unwrap();
    assert!(copy.success());
    let _ = std::fs::remove_dir_all(data.join("store"));
    let people = data.join("gazetteer/people.tsv");
    let mut text = std::fs::read_to_string(&people).unwrap();
    let lines = text.lines().count();
    text.push_str("broken-row\tPerson\n\tPerson\tNo Id\n");
    std::fs::write(&people, text).unwrap();
    let article = dir.path().join("a.txt");
    std::fs::write(&article, "Azerbaijan bought drones from Turkey in 2020, the defence ministry in Baku said on Monday.").unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_khabar")).arg("--data").arg(&data).args(["extract", article.to_str().unwrap()]).output().unwrap();
    let err = crate::stderr(&o);
    assert!(err.contains(&format!("people.tsv:{}: empty required field `label`", lines + 1)), "{err}");
    assert!(err.contains(&format!("people.tsv:{}: empty required field `id`", lines + 2)), "{err}");
    assert!(o.status.success() && crate::stdout(&o).contains("Azerbaijan\tbuysWeaponsFrom\tTurkey"), "the rest of the knowledge loads");
}
