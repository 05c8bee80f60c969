//! Command definitions (clap) and their thin implementations over the library.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

use khabar::corpus::{self, Notice};
use khabar::entities::EntityType;
use khabar::export::triples::{self, TripleSink};
use khabar::pipeline::Knowledge;
use khabar::text::lang::Lang;

#[derive(Parser)]
#[command(
    name = "khabar",
    version,
    about = "Turns news articles in Arabic, Persian and English about relations between states into an explainable knowledge graph.",
    long_about = "Turns news articles in Arabic, Persian and English about relations between states into an explainable \
knowledge graph.\n\nTypical use:\n  khabar build                      # data/articles → data/store → exports/\n  \
khabar query --name arms-suppliers --param entity=Azerbaijan\n  khabar explain Azerbaijan buysWeaponsFrom Israel\n  \
khabar extract article.txt        # what one article says, without a store"
)]
pub struct Cli {
    /// Directory of khabar's knowledge: gazetteer, lexicons, patterns, queries.
    #[arg(long, global = true, default_value = "data", env = "KHABAR_DATA")]
    data: PathBuf,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the relations found in articles (no store involved).
    Extract {
        /// Article files (.txt, .html, .jsonl) or directories of them.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        #[arg(long, value_enum, default_value_t = RowFormat::Tsv)]
        format: RowFormat,
        /// Print one row per entity found per document instead of relations.
        #[arg(long)]
        entities: bool,
        /// Also print relations that the text states only as negated ("did not buy").
        #[arg(long)]
        negated: bool,
    },
    /// Run pattern test cases (tests/fixtures/relations/*.tsv): texts with the triples they must and
    /// must not give. Exits non-zero when a case fails.
    TestPatterns {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List what the gazetteer knows, in every language.
    Entities {
        /// Only entities of this type (Country, Person, Organization, WeaponSystem, City, Region, Event).
        #[arg(long = "type")]
        kind: Option<String>,
        /// Only entities with a name or alias containing this text (any language, any spelling).
        #[arg(long)]
        search: Option<String>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum RowFormat {
    Tsv,
    Jsonl,
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Extract { paths, format, entities, negated } => extract(&cli.data, &paths, format, entities, negated),
        Command::Entities { kind, search } => list_entities(&cli.data, kind.as_deref(), search.as_deref()),
        Command::TestPatterns { files } => test_patterns(&cli.data, &files),
    }
}

/// Loads the knowledge and reports malformed data rows on stderr.
fn knowledge(data: &Path) -> Result<Knowledge> {
    let k = Knowledge::load(data).with_context(|| format!("cannot load khabar's data from {}", data.display()))?;
    for p in &k.problems {
        eprintln!("warning: {p}");
    }
    Ok(k)
}

fn report_notice(n: Notice) -> bool {
    match n {
        Notice::Skipped(m) => {
            eprintln!("error: {m}");
            true
        }
        Notice::Warning(m) => {
            eprintln!("warning: {m}");
            false
        }
    }
}

fn extract(data: &Path, paths: &[PathBuf], format: RowFormat, entities: bool, negated: bool) -> Result<ExitCode> {
    let k = knowledge(data)?;
    let stdout = std::io::stdout().lock();
    let mut out = BufWriter::new(stdout);
    let mut failed = false;
    let mut io_error = None;
    if entities {
        writeln!(out, "document\tlabel\ttype\tid\tmentions\twikidata")?;
    }
    let mut sink = match format {
        RowFormat::Tsv => TripleSink::tsv(Vec::new()),
        RowFormat::Jsonl => TripleSink::jsonl(Vec::new()),
    };
    corpus::run(
        &k,
        paths,
        |e| {
            let result = if entities {
                entity_rows(&e, &mut out)
            } else {
                triples::rows(&e, negated).iter().try_for_each(|r| sink.write(r))
            };
            if let Err(err) = result {
                io_error.get_or_insert(err);
            }
        },
        |n| failed |= report_notice(n),
    );
    if let Some(err) = io_error {
        return Err(err.into());
    }
    if !entities {
        out.write_all(&sink.finish()?)?;
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn entity_rows(e: &khabar::pipeline::Extraction, out: &mut impl Write) -> std::io::Result<()> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for m in e.mentions.iter().filter(|m| !m.furniture) {
        match counts.iter_mut().find(|(id, _)| *id == m.entity) {
            Some((_, n)) => *n += 1,
            None => counts.push((&m.entity, 1)),
        }
    }
    for (id, n) in counts {
        if let Some(r) = e.entities.iter().find(|r| r.id == id) {
            writeln!(out, "{}\t{}\t{}\t{}\t{}\t{}", e.document.id, r.label, r.kind, r.id, n, r.wikidata.as_deref().unwrap_or(""))?;
        }
    }
    Ok(())
}

fn list_entities(data: &Path, kind: Option<&str>, search: Option<&str>) -> Result<ExitCode> {
    let k = knowledge(data)?;
    let kind = kind.map(|t| EntityType::parse(t).with_context(|| format!("unknown type `{t}`"))).transpose()?;
    let needle = search.map(khabar::text::normalize::fold);
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(out, "id\ttype\tlabel\tar\tfa\taliases\twikidata")?;
    for e in &k.entities.gazetteer.entities {
        if kind.is_some_and(|t| t != e.kind) {
            continue;
        }
        let all_names: Vec<&String> = e.names.values().chain(e.adjectives.values()).flatten().collect();
        if let Some(n) = &needle {
            if !all_names.iter().any(|name| khabar::text::normalize::fold(name).contains(n.as_str())) {
                continue;
            }
        }
        let aliases: Vec<String> = e.aliases().map(|(_, a)| a.to_string()).collect();
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            e.id,
            e.kind,
            e.label,
            e.label_in(Lang::Ar).unwrap_or(""),
            e.label_in(Lang::Fa).unwrap_or(""),
            aliases.join("|"),
            e.wikidata.as_deref().unwrap_or("")
        )?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn test_patterns(data: &Path, files: &[PathBuf]) -> Result<ExitCode> {
    let k = knowledge(data)?;
    let mut total = 0;
    let mut failed = 0;
    for file in files {
        let (n, failures) = khabar::eval::cases::run_file(&k, file).with_context(|| format!("cannot read {}", file.display()))?;
        total += n;
        failed += failures.len();
        for f in failures {
            println!("FAIL {}: {}\n     {}", f.location, f.message, f.text.replace('\n', " / "));
        }
    }
    println!("{} cases, {} failures", total, failed);
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::FAILURE })
}
