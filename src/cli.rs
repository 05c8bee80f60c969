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
    /// The Oxigraph store (a directory, created by `build`).
    #[arg(long, global = true, default_value = "data/store", env = "KHABAR_STORE")]
    store: PathBuf,
    /// Base IRI of khabar's entities, documents and vocabulary in the store.
    #[arg(long, global = true, default_value = khabar::store::vocab::DEFAULT_BASE, env = "KHABAR_BASE_IRI")]
    base_iri: String,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles, store the graph on disk and write the exports (the main command).
    ///
    /// Each article is one transaction in the store: a changed article replaces its previous
    /// version, an unchanged one is skipped, so running build twice changes nothing.
    Build {
        /// Article files (.txt, .html, .jsonl) or directories of them.
        #[arg(default_value = "data/articles")]
        paths: Vec<PathBuf>,
        /// Where the exports (GraphML, CSV, N-Quads) go.
        #[arg(long, default_value = "exports")]
        exports: PathBuf,
        /// Do not write exports.
        #[arg(long)]
        no_exports: bool,
    },
    /// Run a SPARQL query on the store: inline, from a file, or a named query of data/queries/.
    Query {
        /// The query text.
        sparql: Option<String>,
        /// Read the query from this file.
        #[arg(long, conflicts_with = "sparql")]
        file: Option<PathBuf>,
        /// Run the named query data/queries/NAME.rq (see --list).
        #[arg(long, conflicts_with_all = ["sparql", "file"])]
        name: Option<String>,
        /// Value of a query parameter, e.g. --param entity=Azerbaijan.
        #[arg(long = "param", value_name = "NAME=VALUE")]
        params: Vec<String>,
        /// List the named queries.
        #[arg(long)]
        list: bool,
        #[arg(long, value_enum, default_value_t = QueryFormat::Table)]
        format: QueryFormat,
        /// At most this many rows.
        #[arg(long)]
        limit: Option<usize>,
        /// Give up after this many seconds.
        #[arg(long)]
        timeout: Option<f64>,
    },
    /// Remove documents (by id: the file name without extension) and everything they contributed.
    Remove {
        #[arg(required = true)]
        documents: Vec<String>,
        /// Where to rewrite the exports afterwards.
        #[arg(long, default_value = "exports")]
        exports: PathBuf,
    },
    /// Export the graph, or the part of it you ask for, from the store.
    ///
    /// Examples: only arms transfers since 2020:
    ///   khabar export --format gexf --relation buysWeaponsFrom --since 2020
    /// the ego network of Azerbaijan:
    ///   khabar export --format graphml --around Azerbaijan --depth 1
    Export {
        #[arg(long, value_enum, default_value_t = ExportFormat::Graphml)]
        format: ExportFormat,
        /// Output file (for csv: a directory, receiving nodes.csv and edges.csv); default standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Keep only these relations (repeat or comma-separate).
        #[arg(long = "relation", value_delimiter = ',')]
        relations: Vec<String>,
        /// Keep only edges between entities of these types.
        #[arg(long = "type", value_delimiter = ',')]
        types: Vec<String>,
        /// Keep edges mentioned on or after this date (YYYY, YYYY-MM or YYYY-MM-DD).
        #[arg(long)]
        since: Option<String>,
        /// Keep edges first mentioned on or before this date.
        #[arg(long)]
        until: Option<String>,
        #[arg(long)]
        min_confidence: Option<f64>,
        #[arg(long)]
        min_mentions: Option<usize>,
        /// Keep the neighbourhood of this entity (id or label in any language).
        #[arg(long)]
        around: Vec<String>,
        /// How many steps from --around.
        #[arg(long, default_value_t = 1)]
        depth: usize,
        /// Leave out state-level roll-ups derived from officials' offices.
        #[arg(long)]
        no_derived: bool,
    },
    /// Serve the store as a read-only SPARQL 1.1 endpoint (GET/POST /query) with a query page at /.
    Serve {
        /// Address to listen on (port 0 picks a free port).
        #[arg(long, default_value = "127.0.0.1:7878")]
        bind: String,
        /// Give up on a query after this many seconds.
        #[arg(long, default_value_t = 30.0)]
        timeout: f64,
        /// At most this many result rows per query.
        #[arg(long, default_value_t = 10_000)]
        limit: usize,
    },
    /// Send the graph (document graphs intact, and the view) to an external SPARQL 1.1 store.
    Push {
        /// The store's SPARQL Update endpoint (used when no --graph-store is given).
        #[arg(long, required_unless_present = "graph_store")]
        endpoint: Option<String>,
        /// The store's Graph Store HTTP Protocol URL (e.g. http://host:7878/store).
        #[arg(long)]
        graph_store: Option<String>,
    },
    /// Write a report: a country profile (--entity), a pair dossier (--pair) or, by default, an
    /// overview of the corpus.
    Report {
        /// A country profile: suppliers, partners, agreements, conflicts, officials, visits, balance.
        #[arg(long, conflicts_with = "pair")]
        entity: Option<String>,
        /// A pair dossier: every relation between the two, as a dated timeline with quotes.
        #[arg(long, num_args = 2, value_names = ["A", "B"])]
        pair: Option<Vec<String>>,
        /// For the overview: list what is new since this date (YYYY[-MM[-DD]]).
        #[arg(long)]
        since: Option<String>,
        #[arg(long, value_enum, default_value_t = ReportFormat::Md)]
        format: ReportFormat,
        /// Write to this file (Markdown pictures go beside it as SVG files); default standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Measure the throughput of each pipeline stage on a corpus (ratios matter, not absolute times).
    Bench {
        #[arg(default_value = "data/articles")]
        paths: Vec<PathBuf>,
        /// Run the corpus this many times.
        #[arg(long, default_value_t = 5)]
        repeat: usize,
    },
    /// Print khabar's RDF vocabulary (OWL classes and properties).
    Vocab {
        #[arg(long, value_enum, default_value_t = VocabFormat::Turtle)]
        format: VocabFormat,
    },
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
    /// Print what khabar reads of each article: language, headline, publisher, cited outlets,
    /// publication date, paragraphs and page furniture.
    Documents {
        #[arg(required = true)]
        paths: Vec<PathBuf>,
    },
    /// Score the extraction of articles against gold annotations: precision, recall and F1 per
    /// relation type and overall, and every miss and false positive with its sentence.
    Eval {
        /// Gold annotations: PREFIX-triples.tsv (and -entities.tsv, -documents.tsv), or a directory.
        #[arg(long)]
        gold: PathBuf,
        /// The articles (default data/articles).
        #[arg(default_value = "data/articles")]
        paths: Vec<PathBuf>,
        /// Also score the entities found in each document.
        #[arg(long)]
        entities: bool,
        /// Print the scores as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every mention behind an edge: document, sentence, offsets, rule, modality, confidence.
    Explain {
        /// Subject (English label or id).
        subject: String,
        /// Relation (e.g. buysWeaponsFrom).
        relation: String,
        /// Object (English label or id).
        object: String,
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
enum QueryFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Ntriples,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    Graphml,
    Gexf,
    Csv,
    /// A picture of the graph, laid out by khabar.
    Svg,
    /// The whole dataset: document graphs and the view.
    Nquads,
    Trig,
    /// The view (default graph) only.
    Turtle,
    /// The view (default graph) only.
    Jsonld,
}

#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    Md,
    Html,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum VocabFormat {
    Turtle,
    Ntriples,
}

#[derive(Clone, Copy, ValueEnum)]
enum RowFormat {
    Tsv,
    Jsonl,
}

pub fn run(cli: Cli) -> Result<ExitCode> {
    let iris = khabar::store::vocab::Iris::new(&cli.base_iri);
    match cli.command {
        Command::Build { paths, exports, no_exports } => build(&cli.data, &cli.store, iris, paths, (!no_exports).then_some(exports)),
        Command::Query { sparql, file, name, params, list, format, limit, timeout } => {
            query(&cli.data, &cli.store, iris, QueryArgs { sparql, file, name, params, list, format, limit, timeout })
        }
        Command::Remove { documents, exports } => remove(&cli.store, iris, &documents, &exports),
        Command::Vocab { format } => vocab(iris, format),
        Command::Bench { paths, repeat } => {
            let articles = khabar::bench::articles(&paths);
            anyhow::ensure!(!articles.is_empty(), "no articles under {paths:?}");
            let r = khabar::bench::run(&cli.data, &articles, repeat)?;
            let sequential = r.text + r.entities + r.relations;
            println!("khabar bench: {} documents, {} words, {} runs; knowledge loaded in {:.0} ms", r.documents, r.words, r.repeat, r.load.as_secs_f64() * 1e3);
            for (stage, d) in [("text layer", r.text), ("entities", r.entities), ("relations", r.relations)] {
                println!("  {stage:<12} {:>10.0} words/s  {:>5.1}% of the sequential time", r.words_per_second(d), 100.0 * d.as_secs_f64() / sequential.as_secs_f64().max(1e-9));
            }
            println!("  all stages   {:>10.0} words/s on one core", r.words_per_second(sequential));
            println!("  all cores    {:>10.0} words/s ({:.2}x one core)", r.words_per_second(r.parallel), sequential.as_secs_f64() / r.parallel.as_secs_f64().max(1e-9));
            Ok(ExitCode::SUCCESS)
        }
        Command::Report { entity, pair, since, format, output } => report(&cli.store, iris, entity, pair, since, format, output),
        Command::Serve { bind, timeout, limit } => {
            let store = khabar::store::GraphStore::open_read_only(&cli.store, iris)?;
            let options = khabar::server::ServeOptions { timeout: std::time::Duration::from_secs_f64(timeout), limit, ..Default::default() };
            let (addr, workers) = khabar::server::start(store, &bind, options)?;
            println!("khabar: SPARQL endpoint at http://{addr}/query, query page at http://{addr}/ (read-only)");
            std::io::stdout().flush()?;
            for w in workers {
                let _ = w.join();
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Push { endpoint, graph_store } => {
            use khabar::store::push::{Target, push};
            let store = khabar::store::GraphStore::open_read_only(&cli.store, iris)?;
            let target = match (&graph_store, &endpoint) {
                (Some(g), _) => Target::GraphStore(g),
                (None, Some(e)) => Target::Update(e),
                (None, None) => unreachable!("clap requires one"),
            };
            let summary = push(&store, target)?;
            println!("khabar push: {} graphs, {} triples sent", summary.graphs, summary.triples);
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { format, output, relations, types, since, until, min_confidence, min_mentions, around, depth, no_derived } => {
            let mut filter = khabar::export::graph::Filter { types, since, until, min_confidence, min_mentions, around, depth, exclude_derived: no_derived, ..Default::default() };
            for r in relations {
                filter.relations.push(khabar::relations::Relation::parse(&r).with_context(|| format!("unknown relation `{r}`"))?);
            }
            export(&cli.store, iris, format, output, &filter)
        }
        Command::Extract { paths, format, entities, negated } => extract(&cli.data, &paths, format, entities, negated),
        Command::Entities { kind, search } => list_entities(&cli.data, kind.as_deref(), search.as_deref()),
        Command::TestPatterns { files } => test_patterns(&cli.data, &files),
        Command::Documents { paths } => documents(&cli.data, &paths),
        Command::Eval { gold, paths, entities, json } => eval(&cli.data, &gold, &paths, entities, json),
        Command::Explain { subject, relation, object } => explain(&cli.store, iris, &subject, &relation, &object),
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

fn build(data: &Path, store: &Path, iris: khabar::store::vocab::Iris, inputs: Vec<PathBuf>, exports: Option<PathBuf>) -> Result<ExitCode> {
    let k = knowledge(data)?;
    let bar = indicatif::ProgressBar::new_spinner();
    bar.set_draw_target(indicatif::ProgressDrawTarget::stderr_with_hz(4));
    let options = khabar::build::BuildOptions { inputs, store: store.to_path_buf(), exports, iris };
    let mut failed = false;
    let summary = khabar::build::build(
        &k,
        &options,
        |n| {
            bar.suspend(|| failed |= report_notice(n));
        },
        |done| {
            if done % 50 == 0 {
                bar.set_message(format!("{done} documents"));
                bar.tick();
            }
        },
    )?;
    bar.finish_and_clear();
    println!(
        "khabar build: {} documents ({} added, {} replaced, {} unchanged), {} inputs skipped",
        summary.documents, summary.added, summary.replaced, summary.unchanged, summary.skipped
    );
    println!("  page furniture: {} paragraphs dropped", summary.furniture);
    println!("  graph: {} entities, {} edges, {} relation mentions in this run", summary.entities, summary.edges, summary.relation_mentions);
    println!("  store: {}", store.display());
    if let Some(first) = summary.written.first() {
        let dir = first.parent().map(|p| p.display().to_string()).unwrap_or_default();
        let reports = summary.written.iter().filter(|p| p.extension().is_some_and(|e| e == "html") && p.parent().is_some_and(|d| d.ends_with("reports"))).count();
        let names: Vec<String> = summary.written.iter().filter(|p| p.parent() == first.parent()).filter_map(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())).collect();
        println!("  exports: {dir}/{{{}}}", names.join(","));
        println!("  reports: {reports} in {dir}/reports/ (Markdown and HTML)");
    }
    println!("  took {:.2} s", summary.elapsed.as_secs_f64());
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

struct QueryArgs {
    sparql: Option<String>,
    file: Option<PathBuf>,
    name: Option<String>,
    params: Vec<String>,
    list: bool,
    format: QueryFormat,
    limit: Option<usize>,
    timeout: Option<f64>,
}

fn query(data: &Path, store: &Path, iris: khabar::store::vocab::Iris, a: QueryArgs) -> Result<ExitCode> {
    use khabar::store::query::{self, QueryOptions, ResultFormat};
    let named = query::named_queries(&data.join("queries")).context("cannot read the named queries")?;
    if a.list {
        for q in &named {
            println!("{}\n    {}", q.name, q.description.replace('\n', "\n    "));
        }
        return Ok(ExitCode::SUCCESS);
    }
    let sparql = match (a.sparql, a.file, a.name) {
        (Some(s), _, _) => s,
        (_, Some(f), _) => std::fs::read_to_string(&f).with_context(|| format!("cannot read {}", f.display()))?,
        (_, _, Some(n)) => match named.into_iter().find(|q| q.name == n) {
            Some(q) => q.sparql,
            None => anyhow::bail!("no named query `{n}` in {} (see khabar query --list)", data.join("queries").display()),
        },
        _ => anyhow::bail!("give a query, --file FILE or --name NAME (see khabar query --help)"),
    };
    let mut params = Vec::new();
    for p in &a.params {
        let (k, v) = p.split_once('=').with_context(|| format!("--param `{p}` is not NAME=VALUE"))?;
        params.push((k.trim_start_matches('?').to_string(), v.to_string()));
    }
    let format = match a.format {
        QueryFormat::Table => ResultFormat::Table,
        QueryFormat::Csv => ResultFormat::Csv,
        QueryFormat::Tsv => ResultFormat::Tsv,
        QueryFormat::Json => ResultFormat::Json,
        QueryFormat::Xml => ResultFormat::Xml,
        QueryFormat::Turtle => ResultFormat::Turtle,
        QueryFormat::Ntriples => ResultFormat::NTriples,
    };
    let graph = khabar::store::GraphStore::open_read_only(store, iris)?;
    let options = QueryOptions { timeout: a.timeout.map(std::time::Duration::from_secs_f64), limit: a.limit, params };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let outcome = query::run(&graph, &sparql, &options, format, &mut out)?;
    out.flush()?;
    if outcome.truncated {
        eprintln!("note: results cut at {} rows (--limit)", outcome.rows);
    }
    Ok(ExitCode::SUCCESS)
}

fn remove(store: &Path, iris: khabar::store::vocab::Iris, documents: &[String], exports: &Path) -> Result<ExitCode> {
    let graph = khabar::store::GraphStore::open(store, iris)?;
    let mut missing = false;
    for d in documents {
        if graph.remove(d)? {
            println!("removed {d}");
        } else {
            eprintln!("error: no document `{d}` in {}", store.display());
            missing = true;
        }
    }
    khabar::store::view::refresh(&graph)?;
    khabar::build::write_exports(&graph, exports)?;
    graph.flush()?;
    Ok(if missing { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn vocab(iris: khabar::store::vocab::Iris, format: VocabFormat) -> Result<ExitCode> {
    let rdf_format = match format {
        VocabFormat::Turtle => oxigraph::io::RdfFormat::Turtle,
        VocabFormat::Ntriples => oxigraph::io::RdfFormat::NTriples,
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    khabar::store::vocab::write_vocabulary(&iris, rdf_format, &mut out)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn documents(data: &Path, paths: &[PathBuf]) -> Result<ExitCode> {
    let k = knowledge(data)?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(out, "document\tlanguage\tpublisher\tcites\tdate\ttitle\tparagraphs\tfurniture\tsentences\tnote")?;
    let mut failed = false;
    let mut io_error = None;
    corpus::run(
        &k,
        paths,
        |x| {
            let d = &x.document;
            let label = |id: &String| x.entities.iter().find(|e| &e.id == id).map_or(id.clone(), |e| e.label.clone());
            let dash = |s: String| if s.is_empty() { "-".to_string() } else { s.replace(['\t', '\n'], " ") };
            let line = format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                d.id,
                dash(d.lang.map(|l| l.code().to_string()).unwrap_or_default()),
                dash(d.publisher_id.as_ref().map(label).or(d.publisher.clone()).unwrap_or_default()),
                dash(d.cites.iter().map(label).collect::<Vec<_>>().join("|")),
                dash(d.date.clone().unwrap_or_default()),
                dash(d.title.clone().unwrap_or_default()),
                d.paragraphs,
                d.furniture,
                d.sentences,
                dash(d.lang_note.clone().unwrap_or_default()),
            );
            if let Err(e) = writeln!(out, "{line}") {
                io_error.get_or_insert(e);
            }
        },
        |n| failed |= report_notice(n),
    );
    if let Some(e) = io_error {
        return Err(e.into());
    }
    out.flush()?;
    Ok(if failed { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

fn export(store: &Path, iris: khabar::store::vocab::Iris, format: ExportFormat, output: Option<PathBuf>, filter: &khabar::export::graph::Filter) -> Result<ExitCode> {
    use khabar::export::{csv, gexf, graph::Graph, graphml, rdf};
    let graph_store = khabar::store::GraphStore::open_read_only(store, iris)?;
    let dump = match format {
        ExportFormat::Nquads => Some(rdf::DumpFormat::NQuads),
        ExportFormat::Trig => Some(rdf::DumpFormat::TriG),
        ExportFormat::Turtle => Some(rdf::DumpFormat::Turtle),
        ExportFormat::Jsonld => Some(rdf::DumpFormat::JsonLd),
        _ => None,
    };
    let write = |out: &mut dyn Write| -> std::io::Result<()> {
        if let Some(d) = dump {
            return rdf::dump(&graph_store, d, out);
        }
        let graph = Graph::from_store(&graph_store).map_err(std::io::Error::other)?.filtered(filter);
        match format {
            ExportFormat::Graphml => graphml::write(&graph, out),
            ExportFormat::Gexf => gexf::write(&graph, out),
            ExportFormat::Svg => {
                let title = match filter.around.first() {
                    Some(c) => format!("khabar: around {c}"),
                    None => "khabar: the graph".to_string(),
                };
                let options = khabar::export::svg::SvgOptions { width: 960.0, height: 720.0, centre: filter.around.first().cloned(), title };
                khabar::export::svg::write(&graph, &options, out)
            }
            _ => unreachable!("csv is written as two files"),
        }
    };
    match (format, output) {
        (ExportFormat::Csv, output) => {
            let dir = output.unwrap_or_else(|| PathBuf::from("exports"));
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            let graph = Graph::from_store(&graph_store)?.filtered(filter);
            let csv_io = |e: ::csv::Error| std::io::Error::other(e);
            for path in [
                khabar::build::write_file(dir.join("nodes.csv"), |out| csv::write_nodes(&graph, out).map_err(csv_io))?,
                khabar::build::write_file(dir.join("edges.csv"), |out| csv::write_edges(&graph, out).map_err(csv_io))?,
            ] {
                eprintln!("wrote {}", path.display());
            }
        }
        (_, Some(path)) => {
            khabar::build::write_file(path.clone(), |out| write(out))?;
            eprintln!("wrote {}", path.display());
        }
        (_, None) => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            write(&mut out)?;
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn eval(data: &Path, gold: &Path, paths: &[PathBuf], with_entities: bool, json: bool) -> Result<ExitCode> {
    use khabar::eval::gold::{Gold, SystemEntity, SystemTriple};
    let gold = Gold::load(gold).with_context(|| format!("cannot read the gold annotations {}", gold.display()))?;
    let k = knowledge(data)?;
    let mut triples = Vec::new();
    let mut entities = Vec::new();
    corpus::run(
        &k,
        paths,
        |x| {
            for r in triples::rows(&x, false) {
                triples.push(SystemTriple { document: r.document, subject: r.subject, predicate: r.predicate, object: r.object, derived: r.derived, evidence: r.evidence });
            }
            let mut seen = std::collections::HashSet::new();
            for m in x.mentions.iter().filter(|m| !m.furniture) {
                if let Some(e) = x.entities.iter().find(|e| e.id == m.entity).filter(|e| seen.insert(e.id.clone())) {
                    entities.push(SystemEntity { document: x.document.id.clone(), label: e.label.clone() });
                }
            }
        },
        |n| {
            report_notice(n);
        },
    );
    let score = gold.score(&triples, with_entities.then_some(entities.as_slice()));
    let mut out = BufWriter::new(std::io::stdout().lock());
    if json {
        let per: serde_json::Map<String, serde_json::Value> = score
            .per_relation
            .iter()
            .map(|(r, c)| (r.clone(), serde_json::json!({"gold": c.gold, "system": c.system, "correct": c.correct, "precision": c.precision(), "recall": c.recall(), "f1": c.f1()})))
            .collect();
        let mut v = serde_json::json!({
            "triples": {"precision": score.overall.precision(), "recall": score.overall.recall(), "f1": score.overall.f1(),
                        "explicit_recall": score.explicit.recall(), "system": score.overall.system, "gold": score.overall.gold, "true_positives": score.overall.correct},
            "per_relation": per,
            "furniture_violations": score.furniture_violations.len(),
            "missed": score.missed.iter().map(|m| format!("{}\t{}\t{}\t{}\t{}", m.0, m.1, m.2, m.3, m.4)).collect::<Vec<_>>(),
            "false_positives": score.wrong.iter().map(|w| format!("{}\t{}\t{}\t{}", w.0, w.1, w.2, w.3)).collect::<Vec<_>>(),
        });
        if let Some((recall, precision)) = score.entities {
            v["entities"] = serde_json::json!({"recall_required": recall, "precision": precision});
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
    } else {
        writeln!(out, "{:<28} {:>5} {:>6} {:>7} {:>9} {:>7} {:>6}", "relation", "gold", "found", "correct", "precision", "recall", "F1")?;
        for (r, c) in &score.per_relation {
            writeln!(out, "{:<28} {:>5} {:>6} {:>7} {:>9.3} {:>7.3} {:>6.3}", r, c.gold, c.system, c.correct, c.precision(), c.recall(), c.f1())?;
        }
        let o = score.overall;
        writeln!(out, "{:<28} {:>5} {:>6} {:>7} {:>9.3} {:>7.3} {:>6.3}", "ALL", o.gold, o.system, o.correct, o.precision(), o.recall(), o.f1())?;
        writeln!(out, "explicit recall {:.3} ({} of {} explicit rows)", score.explicit.recall(), score.explicit.correct, score.explicit.gold)?;
        writeln!(out, "furniture violations: {}", score.furniture_violations.len())?;
        if let Some((recall, precision)) = score.entities {
            writeln!(out, "entities: recall (required) {recall:.3}, precision {precision:.3}")?;
        }
        for m in &score.missed {
            writeln!(out, "missed\t{}\t{} {} {}\t[{}] {}", m.0, m.1, m.2, m.3, m.4, m.5)?;
        }
        for w in &score.wrong {
            writeln!(out, "wrong\t{}\t{} {} {}\t{}", w.0, w.1, w.2, w.3, w.4)?;
        }
        for f in &score.furniture_violations {
            writeln!(out, "furniture\t{}\t{} {} {}", f.0, f.1, f.2, f.3)?;
        }
        for e in &score.entities_missed {
            writeln!(out, "entity missed\t{}\t{}", e.0, e.1)?;
        }
        for e in &score.entities_unexpected {
            writeln!(out, "entity unexpected\t{}\t{}", e.0, e.1)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn explain(store: &Path, iris: khabar::store::vocab::Iris, subject: &str, relation: &str, object: &str) -> Result<ExitCode> {
    let relation = khabar::relations::Relation::parse(relation).with_context(|| format!("unknown relation `{relation}`"))?;
    let graph = khabar::store::GraphStore::open_read_only(store, iris)?;
    let mentions = khabar::store::explain::mentions(&graph, subject, relation, object)?;
    if mentions.is_empty() {
        println!("no mention of {subject} {relation} {object} in {}", store.display());
        return Ok(ExitCode::from(1));
    }
    let mut out = BufWriter::new(std::io::stdout().lock());
    for m in &mentions {
        writeln!(out, "{} {} {}  [{}]", m.subject, relation, m.object, m.document)?;
        writeln!(out, "  sentence   {}", m.sentence)?;
        writeln!(out, "  offsets    sentence {}..{}, subject {}..{}, object {}..{}, cue {}..{} ({})", m.sentence_start, m.sentence_end, m.subject_start, m.subject_end, m.object_start, m.object_end, m.cue_start, m.cue_end, m.cue)?;
        writeln!(out, "  rule       {}{}", m.rule, if m.derived { " (derived, not stated)" } else { "" })?;
        writeln!(out, "  modality   {}   confidence {}{}", m.modality, m.confidence, m.date.as_deref().map(|d| format!("   date {d}")).unwrap_or_default())?;
        if let Some(role) = &m.role {
            writeln!(out, "  role       {role}")?;
        }
    }
    writeln!(out, "{} mention(s)", mentions.len())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn report(store: &Path, iris: khabar::store::vocab::Iris, entity: Option<String>, pair: Option<Vec<String>>, since: Option<String>, format: ReportFormat, output: Option<PathBuf>) -> Result<ExitCode> {
    use khabar::report::{self, Format, model};
    let graph = khabar::store::GraphStore::open_read_only(store, iris)?;
    let corpus = model::Corpus::load(&graph)?;
    let (rendered, json) = match (entity, pair) {
        (Some(e), _) => {
            let p = model::profile(&corpus, &e).with_context(|| format!("no entity `{e}` with relations in the store"))?;
            (report::profile_report(&corpus, &p), serde_json::to_value(&p)?)
        }
        (_, Some(pair)) => {
            let d = model::dossier(&corpus, &pair[0], &pair[1]).with_context(|| format!("`{}` or `{}` has no relations in the store", pair[0], pair[1]))?;
            (report::dossier_report(&corpus, &d), serde_json::to_value(&d)?)
        }
        (None, None) => {
            let o = model::overview(&corpus, since.as_deref());
            (report::overview_report(&o), serde_json::to_value(&o)?)
        }
    };
    let format = match format {
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Html => Format::Html,
        ReportFormat::Json => Format::Json,
    };
    match output {
        Some(path) => {
            for p in report::write(&rendered, &json, format, &path).with_context(|| format!("cannot write {}", path.display()))? {
                eprintln!("wrote {}", p.display());
            }
        }
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            match format {
                Format::Markdown => out.write_all(report::markdown::render(&rendered, false).as_bytes())?,
                Format::Html => out.write_all(&report::html::render(&rendered))?,
                Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?,
            }
            out.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
