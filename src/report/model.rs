//! What reports say, computed from the store: every mention with its document, publisher, date and
//! sentence, grouped into a country profile, a pair dossier or a corpus overview. The renderers
//! (Markdown, HTML, JSON) only lay this out.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::export::graph::{Graph, Node};
use crate::relations::Relation;
use crate::relations::ontology::Family;
use crate::store::vocab::{DCTERMS, PROV};
use crate::store::query::{solutions, value};
use crate::store::{GraphStore, StoreError};

/// One statement, with its source.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Statement {
    pub relation: Relation,
    pub subject: String,
    pub subject_label: String,
    pub object: String,
    pub object_label: String,
    pub document: String,
    pub publisher: String,
    pub date: Option<String>,
    pub lang: String,
    pub sentence: String,
    pub modality: String,
    pub derived: bool,
    pub confidence: f64,
    pub role: Option<String>,
}

impl Statement {
    /// The relation in English words: "Azerbaijan buys weapons from Israel".
    pub fn gloss(&self) -> String {
        format!("{} {} {}", self.subject_label, self.relation.info().label_en, self.object_label)
    }

    pub fn involves(&self, id: &str) -> bool {
        self.subject == id || self.object == id
    }
}

/// Everything the reports draw on.
pub struct Corpus {
    pub graph: Graph,
    /// Asserted and negated statements (negated ones are shown as such, never counted as ties).
    pub statements: Vec<Statement>,
    pub documents: Vec<DocumentInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentInfo {
    pub id: String,
    pub title: String,
    pub lang: String,
    pub publisher: String,
    pub date: Option<String>,
}

impl Corpus {
    pub fn load(store: &GraphStore) -> Result<Corpus, StoreError> {
        let graph = Graph::from_store(store)?;
        let iris = store.iris();
        let kh = iris.ontology();
        let prefixes = format!(
            "PREFIX kh: <{kh}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX dct: <{DCTERMS}> PREFIX prov: <{PROV}>"
        );
        let docs = solutions(
            store,
            &format!(
                "{prefixes} SELECT ?id ?title ?lang ?date ?publisher WHERE {{ GRAPH ?g {{ ?d a kh:Document ; dct:identifier ?id .
                   OPTIONAL {{ ?d dct:title ?title }} OPTIONAL {{ ?d dct:language ?lang }} OPTIONAL {{ ?d dct:date ?date }}
                   OPTIONAL {{ ?d dct:publisher ?p . OPTIONAL {{ ?p rdfs:label ?pl . FILTER(LANG(?pl) = \"en\") }} }}
                   BIND(COALESCE(?pl, ?p) AS ?publisher) }} }} ORDER BY ?id"
            ),
        )?;
        let documents: Vec<DocumentInfo> = docs
            .iter()
            .map(|r| DocumentInfo {
                id: value(r.get("id")),
                title: value(r.get("title")),
                lang: value(r.get("lang")),
                publisher: value(r.get("publisher")),
                date: Some(value(r.get("date"))).filter(|d| !d.is_empty()),
            })
            .collect();
        let rows = solutions(
            store,
            &format!(
                "{prefixes} SELECT ?s ?p ?o ?id ?date ?lang ?sentence ?modality ?derived ?confidence ?role WHERE {{ GRAPH ?g {{
                   ?m a kh:Mention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kh:sentence ?sentence ; kh:modality ?modality ;
                      kh:derived ?derived ; kh:confidence ?confidence ; prov:wasDerivedFrom ?d ; kh:sentenceStart ?start .
                   ?d dct:identifier ?id .
                   OPTIONAL {{ ?m dct:date ?date }} OPTIONAL {{ ?m dct:language ?lang }} OPTIONAL {{ ?m kh:role ?role }} }} }}
                 ORDER BY ?id ?start ?p"
            ),
        )?;
        let label = |id: &str| graph.node(id).map(|n| n.label.clone()).unwrap_or_else(|| id.to_string());
        let mut statements = Vec::new();
        for r in &rows {
            let (Some(subject), Some(object), Some(relation)) =
                (iris.entity_id(&value(r.get("s"))), iris.entity_id(&value(r.get("o"))), iris.local_name(&value(r.get("p"))).and_then(Relation::parse))
            else {
                continue;
            };
            let document = value(r.get("id"));
            let publisher = documents.iter().find(|d| d.id == document).map(|d| d.publisher.clone()).unwrap_or_default();
            statements.push(Statement {
                relation,
                subject_label: label(&subject),
                object_label: label(&object),
                subject,
                object,
                document,
                publisher,
                date: Some(value(r.get("date"))).filter(|d| !d.is_empty()),
                lang: value(r.get("lang")),
                sentence: value(r.get("sentence")),
                modality: value(r.get("modality")),
                derived: value(r.get("derived")) == "true",
                confidence: value(r.get("confidence")).parse().unwrap_or(0.0),
                role: Some(value(r.get("role"))).filter(|r| !r.is_empty()),
            });
        }
        Ok(Corpus { graph, statements, documents })
    }

    fn asserted(&self) -> impl Iterator<Item = &Statement> {
        self.statements.iter().filter(|s| s.modality != "negated")
    }
}

/// A ranked counterpart: another entity and the statements that tie it to the subject of a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tie {
    pub id: String,
    pub label: String,
    pub relations: Vec<Relation>,
    pub mentions: usize,
    pub documents: usize,
    pub publishers: Vec<String>,
    /// What else the statements name (weapon systems for a supplier, offices for an official).
    pub details: Vec<String>,
    pub first: Option<String>,
    pub last: Option<String>,
    /// The most confident sentence.
    pub quote: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Section {
    pub title: String,
    pub ties: Vec<Tie>,
}

/// Cooperation minus conflict in one period, weighted by Goldstein values.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Balance {
    pub period: String,
    pub cooperation: f64,
    pub conflict: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Profile {
    pub entity: Node,
    pub sections: Vec<Section>,
    pub balance: Vec<Balance>,
    /// Mentions per relation per year, for the timeline chart.
    pub timeline: BTreeMap<String, BTreeMap<Relation, usize>>,
    pub documents: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dossier {
    pub a: Node,
    pub b: Node,
    /// Every statement between the two (and between their officials and the other), by date.
    pub statements: Vec<Statement>,
    pub timeline: BTreeMap<String, BTreeMap<Relation, usize>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overview {
    pub documents: Vec<DocumentInfo>,
    pub by_language: BTreeMap<String, usize>,
    pub by_publisher: BTreeMap<String, usize>,
    pub top_entities: Vec<(String, String, usize)>,
    pub top_relations: Vec<(Relation, usize)>,
    pub strongest_pairs: Vec<(String, String, usize, Vec<Relation>)>,
    pub since: Option<String>,
    /// Statements dated on or after `since`.
    pub new: Vec<Statement>,
}

fn tie_of(corpus: &Corpus, other: &str, statements: &[&Statement], details: Vec<String>) -> Tie {
    let mut relations: Vec<Relation> = statements.iter().map(|s| s.relation).collect();
    relations.sort();
    relations.dedup();
    let documents: BTreeSet<&str> = statements.iter().map(|s| s.document.as_str()).collect();
    let publishers: BTreeSet<String> = statements.iter().map(|s| s.publisher.clone()).filter(|p| !p.is_empty()).collect();
    let dates: Vec<&String> = statements.iter().filter_map(|s| s.date.as_ref()).collect();
    let best = statements.iter().max_by(|a, b| (!a.derived, a.confidence).partial_cmp(&(!b.derived, b.confidence)).unwrap_or(std::cmp::Ordering::Equal));
    Tie {
        id: other.to_string(),
        label: corpus.graph.node(other).map(|n| n.label.clone()).unwrap_or_else(|| other.to_string()),
        relations,
        mentions: statements.len(),
        documents: documents.len(),
        publishers: publishers.into_iter().collect(),
        details,
        first: dates.iter().min().map(|d| d.to_string()),
        last: dates.iter().max().map(|d| d.to_string()),
        quote: best.map(|s| s.sentence.clone()).unwrap_or_default(),
    }
}

/// Ties of `entity` through `relations`, grouped by counterpart, most mentioned first.
fn ties(corpus: &Corpus, entity: &str, relations: &[Relation], direction: Direction, details: impl Fn(&str) -> Vec<String>) -> Vec<Tie> {
    let mut by_other: BTreeMap<String, Vec<&Statement>> = BTreeMap::new();
    for s in corpus.asserted().filter(|s| relations.contains(&s.relation)) {
        let other = match direction {
            Direction::Out if s.subject == entity => &s.object,
            Direction::In if s.object == entity => &s.subject,
            Direction::Both if s.subject == entity => &s.object,
            Direction::Both if s.object == entity => &s.subject,
            _ => continue,
        };
        by_other.entry(other.clone()).or_default().push(s);
    }
    let mut out: Vec<Tie> = by_other.iter().map(|(other, st)| tie_of(corpus, other, st, details(other))).collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(b.documents.cmp(&a.documents)).then(a.label.cmp(&b.label)));
    out
}

#[derive(Clone, Copy)]
enum Direction {
    Out,
    In,
    Both,
}

fn year_of(date: &Option<String>) -> String {
    date.as_deref().and_then(|d| d.get(..4)).unwrap_or("undated").to_string()
}

fn timeline<'a>(statements: impl Iterator<Item = &'a Statement>) -> BTreeMap<String, BTreeMap<Relation, usize>> {
    let mut t: BTreeMap<String, BTreeMap<Relation, usize>> = BTreeMap::new();
    for s in statements {
        *t.entry(year_of(&s.date)).or_default().entry(s.relation).or_default() += 1;
    }
    t
}

pub fn profile(corpus: &Corpus, name: &str) -> Option<Profile> {
    let entity = corpus.graph.find(name)?.clone();
    let id = entity.id.as_str();
    use Relation::*;
    // the systems a state acquired from a supplier: acquired by it and made by the supplier
    let systems_from = |supplier: &str| -> Vec<String> {
        let acquired: BTreeSet<&str> = corpus.asserted().filter(|s| s.relation == AcquiresWeapon && s.subject == id).map(|s| s.object.as_str()).collect();
        let made: BTreeSet<&str> = corpus.asserted().filter(|s| s.relation == Manufactures && s.subject == supplier).map(|s| s.object.as_str()).collect();
        acquired.intersection(&made).map(|w| corpus.graph.node(w).map_or(w.to_string(), |n| n.label.clone())).collect()
    };
    let roles_of = |person: &str| -> Vec<String> {
        let r: BTreeSet<String> = corpus.asserted().filter(|s| s.relation == OfficialOf && s.subject == person && s.object == id).filter_map(|s| s.role.clone()).collect();
        r.into_iter().collect()
    };
    let none = |_: &str| Vec::new();
    // officials of this state: visits they made go out, visits to it or its cities come in
    let officials: BTreeSet<String> = corpus.asserted().filter(|s| s.relation == OfficialOf && s.object == id).map(|s| s.subject.clone()).collect();
    let places: BTreeSet<String> = corpus.graph.nodes.iter().filter(|n| n.id == id).map(|n| n.id.clone()).collect();
    let visits_in: Vec<Tie> = {
        let mut by: BTreeMap<String, Vec<&Statement>> = BTreeMap::new();
        for s in corpus.asserted().filter(|s| s.relation == Visits && (places.contains(&s.object) || city_of(corpus, &s.object) == Some(id))) {
            by.entry(s.subject.clone()).or_default().push(s);
        }
        by.iter().map(|(o, st)| tie_of(corpus, o, st, vec![st[0].object_label.clone()])).collect()
    };
    let visits_out: Vec<Tie> = {
        let mut by: BTreeMap<String, Vec<&Statement>> = BTreeMap::new();
        for s in corpus.asserted().filter(|s| s.relation == Visits && officials.contains(&s.subject)) {
            by.entry(s.object.clone()).or_default().push(s);
        }
        by.iter().map(|(o, st)| tie_of(corpus, o, st, vec![st[0].subject_label.clone()])).collect()
    };
    let sections = vec![
        Section { title: "Arms suppliers".into(), ties: ties(corpus, id, &[BuysWeaponsFrom], Direction::Out, systems_from) },
        Section { title: "Arms customers".into(), ties: ties(corpus, id, &[BuysWeaponsFrom], Direction::In, none) },
        Section { title: "Weapon systems".into(), ties: ties(corpus, id, &[AcquiresWeapon, UsesWeapon, CoDevelops, Manufactures], Direction::Out, none) },
        Section {
            title: "Military partners".into(),
            ties: ties(corpus, id, &[CooperatesMilitarilyWith, SharesIntelligenceWith, AlliedWith], Direction::Both, none),
        },
        Section { title: "Exercises and agreements".into(), ties: ties(corpus, id, &[HoldsExerciseWith, SignsAgreementWith], Direction::Both, none) },
        Section {
            title: "Political, economic and diplomatic ties".into(),
            ties: ties(corpus, id, &[CooperatesWith, HasDiplomaticRelationsWith, NormalizesRelationsWith, TradesWith, ImportsEnergyFrom, Supports], Direction::Both, none),
        },
        Section { title: "Conflicts and tensions".into(), ties: ties(corpus, id, &[InConflictWith, HasTensionsWith, Accuses], Direction::Both, none) },
        Section { title: "Officials in the news".into(), ties: ties(corpus, id, &[OfficialOf], Direction::In, roles_of) },
        Section { title: "Visits to it".into(), ties: visits_in },
        Section { title: "Visits by its officials".into(), ties: visits_out },
    ];
    let involved: Vec<&Statement> = corpus.asserted().filter(|s| s.involves(id) && !s.derived).collect();
    let mut balance: BTreeMap<String, Balance> = BTreeMap::new();
    for s in &involved {
        let period = year_of(&s.date);
        let b = balance.entry(period.clone()).or_insert(Balance { period, cooperation: 0.0, conflict: 0.0 });
        let g = s.relation.info().goldstein;
        match s.relation.family() {
            Family::Cooperation => b.cooperation += g,
            Family::Conflict => b.conflict += g,
            Family::Neutral => {}
        }
    }
    let documents = involved.iter().map(|s| s.document.as_str()).collect::<BTreeSet<_>>().len();
    Some(Profile { entity, sections, balance: balance.into_values().collect(), timeline: timeline(involved.iter().copied()), documents })
}

/// The country a city or region lies in.
fn city_of<'a>(corpus: &'a Corpus, id: &str) -> Option<&'a str> {
    corpus.graph.city_country.get(id).map(String::as_str)
}

pub fn dossier(corpus: &Corpus, a: &str, b: &str) -> Option<Dossier> {
    let a = corpus.graph.find(a)?.clone();
    let b = corpus.graph.find(b)?.clone();
    // officials of each side count for their side
    let side = |id: &str| -> BTreeSet<String> {
        let mut s: BTreeSet<String> = corpus.asserted().filter(|st| st.relation == Relation::OfficialOf && st.object == id).map(|st| st.subject.clone()).collect();
        s.insert(id.to_string());
        s.extend(corpus.graph.city_country.iter().filter(|(_, c)| c.as_str() == id).map(|(city, _)| city.clone()));
        s
    };
    let (sa, sb) = (side(&a.id), side(&b.id));
    let mut statements: Vec<Statement> = corpus
        .statements
        .iter()
        .filter(|s| s.relation != Relation::OfficialOf)
        .filter(|s| (sa.contains(&s.subject) && sb.contains(&s.object)) || (sb.contains(&s.subject) && sa.contains(&s.object)))
        .cloned()
        .collect();
    statements.sort_by(|x, y| (x.date.clone().unwrap_or_default(), &x.document, x.relation).cmp(&(y.date.clone().unwrap_or_default(), &y.document, y.relation)));
    let t = timeline(statements.iter().filter(|s| s.modality != "negated" && !s.derived));
    Some(Dossier { a, b, statements, timeline: t })
}

pub fn overview(corpus: &Corpus, since: Option<&str>) -> Overview {
    let mut by_language = BTreeMap::new();
    let mut by_publisher = BTreeMap::new();
    for d in &corpus.documents {
        *by_language.entry(if d.lang.is_empty() { "?".to_string() } else { d.lang.clone() }).or_insert(0) += 1;
        *by_publisher.entry(if d.publisher.is_empty() { "(not stated)".to_string() } else { d.publisher.clone() }).or_insert(0) += 1;
    }
    let mut top_entities: Vec<(String, String, usize)> = corpus.graph.nodes.iter().map(|n| (n.id.clone(), n.label.clone(), n.mentions)).collect();
    top_entities.sort_by(|x, y| y.2.cmp(&x.2).then(x.1.cmp(&y.1)));
    top_entities.truncate(15);
    let mut rel: BTreeMap<Relation, usize> = BTreeMap::new();
    let mut pairs: BTreeMap<(String, String), (usize, BTreeSet<Relation>)> = BTreeMap::new();
    for s in corpus.asserted().filter(|s| !s.derived) {
        *rel.entry(s.relation).or_default() += 1;
        if s.relation != Relation::OfficialOf {
            let key = if s.subject_label <= s.object_label { (s.subject_label.clone(), s.object_label.clone()) } else { (s.object_label.clone(), s.subject_label.clone()) };
            let e = pairs.entry(key).or_default();
            e.0 += 1;
            e.1.insert(s.relation);
        }
    }
    let mut top_relations: Vec<(Relation, usize)> = rel.into_iter().collect();
    top_relations.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
    let mut strongest_pairs: Vec<(String, String, usize, Vec<Relation>)> = pairs.into_iter().map(|((a, b), (n, r))| (a, b, n, r.into_iter().collect())).collect();
    strongest_pairs.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    strongest_pairs.truncate(15);
    let new = match since {
        Some(since) => corpus.asserted().filter(|s| !s.derived && s.date.as_deref().is_some_and(|d| d >= since)).cloned().collect(),
        None => Vec::new(),
    };
    Overview { documents: corpus.documents.clone(), by_language, by_publisher, top_entities, top_relations, strongest_pairs, since: since.map(String::from), new }
}
