//! The pattern test cases of every language (tests/fixtures/relations/*.tsv): each relation type
//! with positive phrasings, a direction trap and a negation; engine.tsv holds the cases of the
//! matcher's own rules (lists, offices, officials standing for states) in all three languages.

use crate::{khabar, repo, stderr, stdout};

fn run(lang: &str) {
    let file = repo().join(format!("tests/fixtures/relations/{lang}.tsv"));
    assert!(file.exists(), "{} is missing", file.display());
    let o = khabar(&["test-patterns", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
    // a rule or row khabar cannot read is skipped with a warning: the shipped data must have none
    let err = stderr(&o);
    assert!(!err.lines().any(|l| l.contains("warning")), "data problems:\n{err}");
}

#[test]
fn arabic_cases() {
    run("ar");
}

#[test]
fn persian_cases() {
    run("fa");
}

#[test]
fn english_cases() {
    run("en");
}

#[test]
fn engine_cases() {
    run("engine");
}
