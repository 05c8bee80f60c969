//! Running the pipeline over many files: in parallel on all cores, results streamed to the caller in
//! input order, problems reported per file without stopping the rest.

use std::path::PathBuf;

use std::panic::AssertUnwindSafe;

use rayon::prelude::*;

use crate::input::{self, InputError};
use crate::pipeline::{Extraction, Knowledge, process};

/// Files are read and analysed this many at a time, so memory stays bounded on large corpora.
const BATCH: usize = 64;

/// Something worth telling the user about one input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// The input (or a record of it) was skipped.
    Skipped(String),
    /// The input was read, with a caveat.
    Warning(String),
}

/// Extracts every article under `paths`. `sink` receives each extraction in input order; `notice`
/// receives the problems. Returns the number of articles processed.
pub fn run(knowledge: &Knowledge, paths: &[PathBuf], mut sink: impl FnMut(Extraction), mut notice: impl FnMut(Notice)) -> usize {
    let (files, problems) = input::discover(paths);
    for p in problems {
        notice(Notice::Skipped(p.to_string()));
    }
    let mut count = 0;
    for batch in files.chunks(BATCH) {
        let results: Vec<(Vec<Extraction>, Vec<InputError>, Vec<input::InputWarning>, Vec<String>)> = batch
            .par_iter()
            .map(|path| {
                let read = input::read(path);
                // a bug met by one article must not take the others down
                let outcomes: Vec<Result<Extraction, String>> = read
                    .articles
                    .par_iter()
                    .map(|a| {
                        std::panic::catch_unwind(AssertUnwindSafe(|| process(knowledge, a)))
                            .map_err(|_| format!("{}: skipped: internal error while extracting `{}` (please report it with this file)", a.path.display(), a.id))
                    })
                    .collect();
                let (ok, failed): (Vec<_>, Vec<_>) = outcomes.into_iter().partition(Result::is_ok);
                (ok.into_iter().flatten().collect(), read.problems, read.warnings, failed.into_iter().filter_map(Result::err).collect())
            })
            .collect();
        for (extractions, problems, warnings, failures) in results {
            for p in problems {
                notice(Notice::Skipped(p.to_string()));
            }
            for f in failures {
                notice(Notice::Skipped(f));
            }
            for w in warnings {
                notice(Notice::Warning(w.0));
            }
            for e in extractions {
                if let Some(note) = &e.document.lang_note {
                    notice(Notice::Warning(format!("{}: {note}; nothing extracted", e.document.path)));
                }
                count += 1;
                sink(e);
            }
        }
    }
    count
}
