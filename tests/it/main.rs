//! khabar's integration tests: the real binary on the sample corpus and on fixtures, in one test
//! binary (as ripgrep does). Helpers live here; each area has its module.

mod data;
mod end_to_end;
mod exports;
mod extract;
mod inputs;
mod patterns;
mod rdf;
mod reports;
mod store;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared` beside the repository (the gold annotations and schemas), when present.
pub fn shared() -> Option<PathBuf> {
    let p = repo().join("..").join("shared");
    p.join("gold").exists().then_some(p)
}

/// Runs khabar with the repository's data directory.
pub fn khabar(args: &[&str]) -> Output {
    khabar_in(&repo(), args)
}

pub fn khabar_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_khabar"))
        .current_dir(dir)
        .env("KHABAR_DATA", repo().join("data"))
        .env_remove("KHABAR_STORE")
        .args(args)
        .output()
        .expect("khabar runs")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Asserts success and returns stdout, showing stderr on failure.
pub fn ok(o: Output) -> String {
    assert!(o.status.success(), "khabar failed ({:?}):\n{}\n{}", o.status.code(), stderr(&o), stdout(&o));
    stdout(&o)
}

/// Runs a Python test script of tests/python/ and returns its stdout.
pub fn python(script: &str, args: &[&str]) -> String {
    let o = Command::new("python3").arg(repo().join("tests/python").join(script)).args(args).output().expect("python3 runs");
    assert!(o.status.success(), "{script} failed:\n{}\n{}", String::from_utf8_lossy(&o.stdout), String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Builds the sample corpus into a fresh store and exports directory; returns (tempdir, store, exports).
pub fn built_sample() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let exports = dir.path().join("exports");
    let articles = repo().join("data/articles");
    ok(khabar(&["build", articles.to_str().unwrap(), "--store", store.to_str().unwrap(), "--exports", exports.to_str().unwrap()]));
    (dir, store, exports)
}

/// Parses a TSV with a header into rows of (column → value).
pub fn tsv_rows(text: &str) -> Vec<std::collections::HashMap<String, String>> {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    lines
        .filter(|l| !l.is_empty())
        .map(|l| header.iter().map(|h| h.to_string()).zip(l.split('\t').map(String::from)).collect())
        .collect()
}
