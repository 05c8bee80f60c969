//! The whole extraction of one article: text layer → entities → relations → a self-contained
//! [`Extraction`] record, which the store, the exporters and `khabar extract` all consume.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::data::{DataError, RowProblem};
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, Entity};
use crate::input::Article;
use crate::metadata::{self, Attribution};
use crate::relations::{RelationLayer, RelationMention, arms, derive, matcher, quantity};
use crate::text::dates::PartialDate;
use crate::text::lang::{Detected, Lang};
use crate::text::TextLayer;

/// Everything khabar knows, loaded once from the data directory.
pub struct Knowledge {
    pub text: TextLayer,
    pub entities: EntityLayer,
    pub relations: RelationLayer,
    pub attribution: Attribution,
    /// Malformed rows met while loading (reported, skipped).
    pub problems: Vec<RowProblem>,
    /// Identifies this khabar version with this knowledge: documents extracted with another
    /// fingerprint are extracted again by `build` even when their text did not change.
    pub fingerprint: String,
}

/// SHA-256 of khabar's version and of every knowledge file (gazetteer, lexicons, patterns).
fn fingerprint(data_dir: &Path) -> String {
    fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, files);
            } else {
                files.push(p);
            }
        }
    }
    let mut files = Vec::new();
    for sub in ["gazetteer", "lexicon", "patterns"] {
        walk(&data_dir.join(sub), &mut files);
    }
    files.sort();
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION").as_bytes());
    for f in files {
        h.update(f.strip_prefix(data_dir).unwrap_or(&f).to_string_lossy().as_bytes());
        h.update(std::fs::read(&f).unwrap_or_default());
    }
    h.finalize().iter().take(16).map(|b| format!("{b:02x}")).collect()
}

impl Knowledge {
    pub fn load(data_dir: &Path) -> Result<Knowledge, DataError> {
        let mut problems = Vec::new();
        let text = TextLayer::load(data_dir, &mut problems)?;
        let entities = EntityLayer::load(data_dir, &mut problems)?;
        let relations = RelationLayer::load(data_dir, &mut problems)?;
        let attribution = Attribution::load(&data_dir.join("lexicon"), &mut problems)?;
        Ok(Knowledge { text, entities, relations, attribution, problems, fingerprint: fingerprint(data_dir) })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct DocumentRecord {
    pub id: String,
    pub path: String,
    /// SHA-256 of the analysed text (hex), which names the document's graph.
    pub hash: String,
    /// The [`Knowledge::fingerprint`] of the extraction.
    pub extractor: String,
    pub lang: Option<Lang>,
    /// Why the document gave nothing, when its language is not supported.
    pub lang_note: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    pub publisher_id: Option<String>,
    pub cites: Vec<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub paragraphs: usize,
    pub furniture: usize,
    pub sentences: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EntityRecord {
    pub id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub label: String,
    /// Label per language met ("ar", "fa", "en").
    pub labels: BTreeMap<String, String>,
    /// (language, alias) pairs.
    pub aliases: Vec<(String, String)>,
    pub wikidata: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    /// A weapon system's maker and, for a variant, its family (ids).
    #[serde(default)]
    pub maker: Option<String>,
    #[serde(default)]
    pub variant_of: Option<String>,
    pub role: Option<String>,
    pub discovered: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct MentionRecord {
    pub entity: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub form: String,
    pub sentence: usize,
    pub furniture: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct RelationRecord {
    pub relation: String,
    pub subject: String,
    pub object: String,
    pub subject_label: String,
    pub object_label: String,
    pub sentence: usize,
    pub sentence_text: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    pub subject_start: usize,
    pub subject_end: usize,
    pub object_start: usize,
    pub object_end: usize,
    pub cue_start: usize,
    pub cue_end: usize,
    pub cue: String,
    pub rule: String,
    pub modality: String,
    pub confidence: f64,
    pub derived: bool,
    pub role: Option<String>,
    pub quantities: Vec<quantity::Quantity>,
    /// When the sentence dates the relation ("in 2020", "last May"), else the document's date.
    pub date: Option<String>,
    /// The date as the sentence states it ("أيار / مايو الماضي"), kept when it could not be resolved
    /// (a relative date in an undated page) and shown with the resolved one otherwise.
    pub date_text: Option<String>,
    pub lang: Option<Lang>,
}

/// What one article gave.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Extraction {
    pub document: DocumentRecord,
    pub entities: Vec<EntityRecord>,
    pub mentions: Vec<MentionRecord>,
    pub relations: Vec<RelationRecord>,
}

pub fn content_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn entity_record(e: &Entity) -> EntityRecord {
    let labels = Lang::ALL.iter().filter_map(|&l| e.label_in(l).map(|n| (l.code().to_string(), n.to_string()))).collect();
    EntityRecord {
        id: e.id.clone(),
        kind: e.kind.name().to_string(),
        label: e.label.clone(),
        labels,
        aliases: e.aliases().map(|(l, a)| (l.code().to_string(), a.to_string())).collect(),
        wikidata: e.wikidata.clone(),
        lat: e.lat,
        lon: e.lon,
        country: e.country.clone(),
        maker: e.maker.clone(),
        variant_of: e.variant_of.clone(),
        role: e.role.clone(),
        discovered: e.discovered,
    }
}

/// Runs the whole pipeline on one article.
pub fn process(k: &Knowledge, article: &Article) -> Extraction {
    let doc = k.text.analyze(article.text.clone());
    let lang = doc.body_lang();
    let entities = match lang {
        Some(_) => k.entities.recognize(&doc),
        None => DocEntities::default(),
    };
    let meta = metadata::describe(&doc, &entities, &k.entities, &k.attribution, &k.text.months, article.publisher.as_deref(), article.published.as_deref());
    let mut relations: Vec<RelationMention> = Vec::new();
    if lang.is_some() {
        relations.extend(derive::offices(&entities));
        relations.extend(matcher::extract(&doc, &entities, &k.entities, &k.relations));
        relations.extend(arms::makers_before_products(&k.entities, &doc, &entities));
        let purchased = arms::acquired_in_purchases(&k.entities, &entities, &relations);
        relations.extend(purchased);
        let acquired = arms::acquired_from_use(&k.entities, &entities, &relations);
        relations.extend(acquired);
        let supplies = arms::suppliers_from_makers(&doc, &k.entities, &entities, &relations);
        relations.extend(supplies);
        let maker_states = arms::states_of_makers(&k.entities, &entities, &relations);
        relations.extend(maker_states);
        let supplier_states = arms::states_of_suppliers(&k.entities, &entities, &relations);
        relations.extend(supplier_states);
        let known_suppliers = arms::suppliers_from_known_makers(&k.entities, &entities, &relations);
        relations.extend(known_suppliers);
        let supplied_makes = arms::makers_of_supplied_products(&k.entities, &entities, &relations);
        relations.extend(supplied_makes);
        let visits = derive::meeting_places(&doc, &k.entities, &entities, &relations);
        relations.extend(visits);
        let known = derive::known_offices(&k.entities, &entities, &relations, meta.date);
        relations.extend(known);
        let companions = derive::companions_visits(&doc, &k.entities, &k.relations.companions, &entities, &relations);
        relations.extend(companions);
        relations.extend(derive::named_wars(&k.entities, &entities));
        derive::drop_home_visits(&k.entities, &entities, &mut relations);
        derive::roll_ups(&k.entities, &entities, &mut relations);
    }
    let gazetteer = &k.entities.gazetteer;
    let entity = |i: usize| entities.entity(gazetteer, i);
    let mut used: Vec<usize> = Vec::new();
    let mut use_entity = |i: usize| {
        if !used.contains(&i) {
            used.push(i);
        }
    };
    entities.mentions.iter().filter(|m| !m.furniture).for_each(|m| use_entity(m.entity));
    relations.iter().for_each(|r| {
        use_entity(r.subject);
        use_entity(r.object);
    });
    if let Some((Some(p), _)) = &meta.publisher {
        use_entity(*p);
    }
    meta.cites.iter().for_each(|&c| use_entity(c));

    let text = &doc.text;
    let mention_records = entities
        .mentions
        .iter()
        .map(|m| MentionRecord {
            entity: entity(m.entity).id.clone(),
            start: m.start,
            end: m.end,
            text: text[m.start..m.end].to_string(),
            form: format!("{:?}", m.form).to_lowercase(),
            sentence: m.sentence,
            furniture: m.furniture,
        })
        .collect();
    let mut seen = HashSet::new();
    let relation_records = relations
        .iter()
        .filter(|r| seen.insert((r.relation, r.subject, r.object, r.sentence, r.derived, r.cue_span)))
        .map(|r| {
            let sentence = &doc.sentences[r.sentence];
            let tokens = &doc.tokens[sentence.tokens.clone()];
            let stated = k.text.months.find(tokens, meta.date).into_iter().next();
            let stated_date = stated.as_ref().and_then(|d| d.value).map(|d| d.iso());
            let date_text = stated.map(|d| text[d.start..d.end].to_string());
            RelationRecord {
                relation: r.relation.name().to_string(),
                subject: entity(r.subject).id.clone(),
                object: entity(r.object).id.clone(),
                subject_label: entity(r.subject).label.clone(),
                object_label: entity(r.object).label.clone(),
                sentence: r.sentence,
                sentence_text: doc.sentence_text(sentence).to_string(),
                sentence_start: sentence.span.start,
                sentence_end: sentence.span.end,
                subject_start: r.subject_span.start,
                subject_end: r.subject_span.end,
                object_start: r.object_span.start,
                object_end: r.object_span.end,
                cue_start: r.cue_span.start,
                cue_end: r.cue_span.end,
                cue: text[r.cue_span.start..r.cue_span.end].to_string(),
                rule: r.rule.clone(),
                modality: r.modality.name().to_string(),
                confidence: (r.confidence * 1000.0).round() / 1000.0,
                derived: r.derived,
                role: r.role.clone(),
                quantities: quantity::find(text, tokens),
                date: stated_date.or_else(|| meta.date.map(|d| PartialDate::Day(d).iso())),
                date_text,
                lang,
            }
        })
        .collect();
    let lang_note = match &doc.lang {
        Detected::Supported(_) => None,
        Detected::Unsupported(name) => Some(format!("unsupported language: {name}")),
        Detected::Unknown => Some("no language could be identified".into()),
    };
    let document = DocumentRecord {
        id: article.id.clone(),
        path: article.path.display().to_string(),
        hash: content_hash(text),
        extractor: k.fingerprint.clone(),
        lang,
        lang_note,
        title: meta.title.clone(),
        publisher: meta.publisher.as_ref().map(|(_, name)| name.clone()),
        publisher_id: meta.publisher.as_ref().and_then(|(e, _)| e.map(|e| entity(e).id.clone())),
        cites: meta.cites.iter().map(|&c| entity(c).id.clone()).collect(),
        date: meta.date.map(|d| d.format("%Y-%m-%d").to_string()),
        url: article.url.clone(),
        paragraphs: doc.paragraphs.len(),
        furniture: doc.furniture_count(),
        sentences: doc.sentences.len(),
    };
    Extraction {
        document,
        entities: used.into_iter().map(|i| entity_record(entity(i))).collect(),
        mentions: mention_records,
        relations: relation_records,
    }
}
