//! The shipped knowledge files pass their own checkers (column counts, ids, scripts of names).

use std::process::Command;

use crate::{repo, stderr, stdout};

#[test]
fn the_gazetteer_passes_its_checker() {
    let o = Command::new("python3").arg(repo().join("data/gazetteer/scripts/check_entities.py")).arg(repo().join("data/gazetteer")).output().unwrap();
    assert!(o.status.success(), "{}{}", stdout(&o), stderr(&o));
}
