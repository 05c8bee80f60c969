//! `khabar bench`: throughput of each stage of the pipeline on a corpus, measured in one run so the
//! ratios hold on a shared, noisy machine (absolute times do not).

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::input::{self, Article};
use crate::pipeline::{Knowledge, process};
use crate::relations::{derive, matcher};

#[derive(Debug, Clone, Default)]
pub struct BenchReport {
    pub documents: usize,
    pub words: usize,
    pub repeat: usize,
    pub load: Duration,
    /// Sequential time per stage, summed over the repeats.
    pub text: Duration,
    pub entities: Duration,
    pub relations: Duration,
    /// The whole pipeline on all cores.
    pub parallel: Duration,
}

impl BenchReport {
    pub fn words_per_second(&self, d: Duration) -> f64 {
        (self.words * self.repeat) as f64 / d.as_secs_f64().max(1e-9)
    }
}

/// Reads the articles under `paths` into memory (reading is not measured).
pub fn articles(paths: &[std::path::PathBuf]) -> Vec<Article> {
    let (files, _) = input::discover(paths);
    files.iter().flat_map(|f| input::read(f).articles).collect()
}

pub fn run(data_dir: &std::path::Path, articles: &[Article], repeat: usize) -> Result<BenchReport, crate::data::DataError> {
    let started = Instant::now();
    let k = Knowledge::load(data_dir)?;
    let mut report = BenchReport { documents: articles.len(), repeat: repeat.max(1), load: started.elapsed(), ..Default::default() };
    report.words = articles.iter().map(|a| a.text.split_whitespace().count()).sum();
    for _ in 0..report.repeat {
        for a in articles {
            let t = Instant::now();
            let doc = k.text.analyze(a.text.clone());
            report.text += t.elapsed();
            let t = Instant::now();
            let entities = k.entities.recognize(&doc);
            report.entities += t.elapsed();
            let t = Instant::now();
            let mut mentions = derive::offices(&entities);
            mentions.extend(matcher::extract(&doc, &entities, &k.entities, &k.relations));
            derive::roll_ups(&k.entities, &entities, &mut mentions);
            std::hint::black_box(&mentions);
            report.relations += t.elapsed();
        }
        let t = Instant::now();
        std::hint::black_box(articles.par_iter().map(|a| process(&k, a)).collect::<Vec<_>>());
        report.parallel += t.elapsed();
    }
    Ok(report)
}
