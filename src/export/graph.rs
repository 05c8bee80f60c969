//! The graph as the exporters and reports see it: entities and aggregated edges read from the
//! store's view, in a petgraph graph, filtered to the view a user asks for.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use petgraph::graph::{NodeIndex, UnGraph};

use crate::relations::Relation;
use crate::store::vocab::{DCTERMS, GEO, WIKIDATA};
use crate::store::query::{solutions, value};
use crate::store::{GraphStore, StoreError};

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Node {
    pub id: String,
    pub label: String,
    pub kind: String,
    /// Labels in Arabic and Persian, where known.
    pub label_ar: String,
    pub label_fa: String,
    pub wikidata: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// Number of relation mentions the entity takes part in.
    pub mentions: usize,
    pub degree: usize,
}

/// One relation between two entities, all its mentions folded in.
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub source: String,
    pub target: String,
    pub relation: Relation,
    pub mentions: usize,
    pub documents: usize,
    pub publishers: usize,
    pub first: Option<String>,
    pub last: Option<String>,
    pub confidence: f64,
    pub derived: bool,
    pub evidence: String,
    /// Dates of the edge's mentions (for GEXF spells and timelines), sorted, distinct.
    pub dates: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Graph {
    /// Sorted by id.
    pub nodes: Vec<Node>,
    /// Sorted by (source, relation, target).
    pub edges: Vec<Edge>,
    /// The country of every city and region the store names (id → id).
    pub city_country: BTreeMap<String, String>,
}

/// Which part of the graph to export.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub relations: Vec<Relation>,
    pub types: Vec<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub min_confidence: Option<f64>,
    pub min_mentions: Option<usize>,
    /// Entity ids or labels: keep their neighbourhood up to `depth` steps.
    pub around: Vec<String>,
    pub depth: usize,
    /// Keep roll-ups derived from officials' offices (default: yes).
    pub exclude_derived: bool,
}

impl Graph {
    /// Reads the view of the store (run `khabar build` first).
    pub fn from_store(store: &GraphStore) -> Result<Graph, StoreError> {
        let iris = store.iris();
        let kh = iris.ontology();
        let edge_rows = solutions(
            store,
            &format!(
                "PREFIX kh: <{kh}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
                 SELECT ?s ?p ?o ?mentions ?documents ?publishers ?first ?last ?confidence ?derived ?evidence WHERE {{
                   ?e a kh:Edge ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; kh:mentionCount ?mentions ;
                      kh:documentCount ?documents ; kh:publisherCount ?publishers ; kh:confidence ?confidence ;
                      kh:derived ?derived ; kh:evidence ?evidence .
                   OPTIONAL {{ ?e kh:firstDate ?first }} OPTIONAL {{ ?e kh:lastDate ?last }}
                 }}"
            ),
        )?;
        let date_rows = solutions(
            store,
            &format!(
                "PREFIX kh: <{kh}> PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> PREFIX dct: <{DCTERMS}>
                 SELECT DISTINCT ?s ?p ?o ?date WHERE {{ GRAPH ?g {{ ?m a kh:Mention ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ; dct:date ?date ; kh:modality ?mod . FILTER(?mod != \"negated\") }} }}"
            ),
        )?;
        let mut dates: HashMap<(String, String, String), BTreeSet<String>> = HashMap::new();
        for r in &date_rows {
            let (mut s, p, mut o) = (value(r.get("s")), value(r.get("p")), value(r.get("o")));
            if iris.local_name(&p).and_then(Relation::parse).is_some_and(Relation::symmetric) && s > o {
                std::mem::swap(&mut s, &mut o);
            }
            dates.entry((s, p, o)).or_default().insert(value(r.get("date")));
        }
        let mut edges = Vec::new();
        for r in &edge_rows {
            let (s, p, o) = (value(r.get("s")), value(r.get("p")), value(r.get("o")));
            let (Some(source), Some(target), Some(relation)) = (iris.entity_id(&s), iris.entity_id(&o), iris.local_name(&p).and_then(Relation::parse)) else { continue };
            let num = |v: &str| value(r.get(v)).parse::<usize>().unwrap_or(0);
            let opt = |v: &str| Some(value(r.get(v))).filter(|s| !s.is_empty());
            edges.push(Edge {
                source,
                target,
                relation,
                mentions: num("mentions"),
                documents: num("documents"),
                publishers: num("publishers"),
                first: opt("first"),
                last: opt("last"),
                confidence: value(r.get("confidence")).parse().unwrap_or(0.0),
                derived: value(r.get("derived")) == "true",
                evidence: value(r.get("evidence")),
                dates: dates.remove(&(s, p, o)).map(|d| d.into_iter().collect()).unwrap_or_default(),
            });
        }
        edges.sort_by(|a, b| (&a.source, a.relation.name(), &a.target).cmp(&(&b.source, b.relation.name(), &b.target)));

        let node_rows = solutions(
            store,
            &format!(
                "PREFIX kh: <{kh}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX geo: <{GEO}> PREFIX owl: <http://www.w3.org/2002/07/owl#>
                 SELECT ?e ?type ?label ?lang ?lat ?long ?same WHERE {{
                   ?e a ?type ; rdfs:label ?label . BIND(LANG(?label) AS ?lang)
                   FILTER(STRSTARTS(STR(?type), \"{kh}\"))
                   OPTIONAL {{ ?e geo:lat ?lat ; geo:long ?long }} OPTIONAL {{ ?e owl:sameAs ?same }}
                 }}"
            ),
        )?;
        let mut nodes: BTreeMap<String, Node> = BTreeMap::new();
        for r in &node_rows {
            let Some(id) = iris.entity_id(&value(r.get("e"))) else { continue };
            let node = nodes.entry(id.clone()).or_insert_with(|| Node {
                id: id.clone(),
                label: String::new(),
                kind: iris.local_name(&value(r.get("type"))).unwrap_or("").to_string(),
                label_ar: String::new(),
                label_fa: String::new(),
                wikidata: value(r.get("same")).strip_prefix(WIKIDATA).unwrap_or("").to_string(),
                lat: value(r.get("lat")).parse().ok(),
                lon: value(r.get("long")).parse().ok(),
                mentions: 0,
                degree: 0,
            });
            let label = value(r.get("label"));
            match value(r.get("lang")).as_str() {
                "en" => node.label = label,
                "ar" => node.label_ar = label,
                "fa" => node.label_fa = label,
                _ => {}
            }
        }
        let places = solutions(
            store,
            &format!("PREFIX kh: <{kh}> SELECT ?e ?c WHERE {{ ?e kh:country ?c . {{ ?e a kh:City }} UNION {{ ?e a kh:Region }} }}"),
        )?;
        let city_country = places.iter().filter_map(|r| Some((iris.entity_id(&value(r.get("e")))?, iris.entity_id(&value(r.get("c")))?))).collect();
        let mut graph = Graph { nodes: nodes.into_values().collect(), edges, city_country };
        graph.nodes.retain(|n| !n.label.is_empty());
        graph.recount();
        Ok(graph)
    }

    /// Recomputes degrees and mention counts, and drops nodes without edges.
    fn recount(&mut self) {
        let mut neighbours: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        let mut mentions: HashMap<&str, usize> = HashMap::new();
        for e in &self.edges {
            neighbours.entry(&e.source).or_default().insert(&e.target);
            neighbours.entry(&e.target).or_default().insert(&e.source);
            *mentions.entry(&e.source).or_default() += e.mentions;
            *mentions.entry(&e.target).or_default() += e.mentions;
        }
        let degree: HashMap<String, usize> = neighbours.iter().map(|(k, v)| (k.to_string(), v.len())).collect();
        let mentions: HashMap<String, usize> = mentions.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        for n in &mut self.nodes {
            n.degree = degree.get(&n.id).copied().unwrap_or(0);
            n.mentions = mentions.get(&n.id).copied().unwrap_or(0);
        }
        self.nodes.retain(|n| n.degree > 0);
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.binary_search_by(|n| n.id.as_str().cmp(id)).ok().map(|i| &self.nodes[i])
    }

    /// Finds an entity by id or by label in any language (case-insensitive).
    pub fn find(&self, name: &str) -> Option<&Node> {
        let key = crate::text::normalize::fold(name);
        self.node(name).or_else(|| {
            self.nodes.iter().find(|n| [&n.label, &n.label_ar, &n.label_fa].iter().any(|l| !l.is_empty() && crate::text::normalize::fold(l) == key))
        })
    }

    /// The undirected petgraph of the graph (one edge per related pair), for layout and neighbourhoods.
    pub fn topology(&self) -> (UnGraph<usize, ()>, HashMap<&str, NodeIndex>) {
        let mut g = UnGraph::new_undirected();
        let mut index = HashMap::new();
        for (i, n) in self.nodes.iter().enumerate() {
            index.insert(n.id.as_str(), g.add_node(i));
        }
        let mut seen = BTreeSet::new();
        for e in &self.edges {
            let (a, b) = if e.source < e.target { (&e.source, &e.target) } else { (&e.target, &e.source) };
            if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
                if seen.insert((a.clone(), b.clone())) {
                    g.add_edge(x, y, ());
                }
            }
        }
        (g, index)
    }

    /// The part of the graph a filter keeps.
    pub fn filtered(&self, f: &Filter) -> Graph {
        let type_ok = |id: &str| f.types.is_empty() || self.node(id).is_some_and(|n| f.types.iter().any(|t| t.eq_ignore_ascii_case(&n.kind)));
        let mut edges: Vec<Edge> = self
            .edges
            .iter()
            .filter(|e| f.relations.is_empty() || f.relations.contains(&e.relation))
            .filter(|e| !(f.exclude_derived && e.derived))
            .filter(|e| f.min_confidence.is_none_or(|c| e.confidence >= c))
            .filter(|e| f.min_mentions.is_none_or(|m| e.mentions >= m))
            .filter(|e| f.since.as_ref().is_none_or(|s| e.last.as_ref().is_some_and(|l| l >= s)))
            .filter(|e| f.until.as_ref().is_none_or(|u| e.first.as_ref().is_some_and(|d| d.as_str() <= u.as_str() || d.starts_with(u.as_str()))))
            .filter(|e| type_ok(&e.source) && type_ok(&e.target))
            .cloned()
            .collect();
        if !f.around.is_empty() {
            let centres: Vec<String> = f.around.iter().filter_map(|a| self.find(a).map(|n| n.id.clone())).collect();
            let mut adjacency: HashMap<&str, Vec<&str>> = HashMap::new();
            for e in &edges {
                adjacency.entry(&e.source).or_default().push(&e.target);
                adjacency.entry(&e.target).or_default().push(&e.source);
            }
            let mut keep: BTreeSet<String> = centres.iter().cloned().collect();
            let mut queue: VecDeque<(String, usize)> = centres.into_iter().map(|c| (c, 0)).collect();
            while let Some((id, d)) = queue.pop_front() {
                if d >= f.depth.max(1) {
                    continue;
                }
                for &n in adjacency.get(id.as_str()).into_iter().flatten() {
                    if keep.insert(n.to_string()) {
                        queue.push_back((n.to_string(), d + 1));
                    }
                }
            }
            edges.retain(|e| keep.contains(&e.source) && keep.contains(&e.target));
        }
        let mut g = Graph { nodes: self.nodes.clone(), edges, city_country: self.city_country.clone() };
        g.recount();
        g
    }
}
