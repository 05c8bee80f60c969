//! Relations that come from offices rather than patterns: `officialOf` for every office the text
//! states, and the state-level roll-ups of personal relations ("Gantz, Israel's defence minister,
//! met Aliyev, Azerbaijan's president" → Israel meetsWith Azerbaijan), marked as derived.

use std::collections::HashMap;

use super::{Modality, Relation, RelationMention, TextSpan};
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, EntityType};

/// Confidence of an office stated next to the name, and of one known only from the gazetteer.
const STATED_OFFICE: f64 = 0.9;
const KNOWN_OFFICE: f64 = 0.75;

/// `officialOf` mentions for the offices of a document.
pub fn offices(entities: &DocEntities) -> Vec<RelationMention> {
    entities
        .offices
        .iter()
        .map(|o| {
            let person = &entities.mentions[o.person];
            let of_span = o.of_mention.map(|m| &entities.mentions[m]).map_or(TextSpan { start: o.start, end: o.end }, |m| TextSpan { start: m.start, end: m.end });
            RelationMention {
                relation: Relation::OfficialOf,
                subject: person.entity,
                object: o.of_entity,
                sentence: o.sentence,
                subject_span: TextSpan { start: person.start, end: person.end },
                object_span: of_span,
                cue_span: TextSpan { start: o.start, end: o.end },
                rule: if o.from_gazetteer { "office+gazetteer".into() } else { "office".into() },
                modality: Modality::Asserted,
                confidence: if o.from_gazetteer { KNOWN_OFFICE } else { STATED_OFFICE },
                derived: false,
                role: Some(o.role.clone()),
                quantities: Vec::new(),
            }
        })
        .collect()
}

/// State-level `meetsWith` derived from people's meetings and visits, through their offices.
pub fn roll_ups(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let gazetteer = &layer.gazetteer;
    let kind = |e: usize| entities.entity(gazetteer, e).kind;
    let mut state_of: HashMap<usize, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| m.relation == Relation::OfficialOf) {
        if kind(m.object) == EntityType::Country {
            state_of.entry(m.subject).or_insert(m.object);
        }
    }
    let country_of_place = |e: usize| -> Option<usize> {
        let entity = entities.entity(gazetteer, e);
        match entity.kind {
            EntityType::Country => Some(e),
            EntityType::City | EntityType::Region => entity.country.as_deref().and_then(|id| gazetteer.index_of(id)),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| !m.derived && m.modality != Modality::Negated) {
        let pair = match m.relation {
            Relation::MeetsWith if kind(m.subject) == EntityType::Person || kind(m.object) == EntityType::Person => {
                let side = |e: usize| if kind(e) == EntityType::Person { state_of.get(&e).copied() } else if kind(e) == EntityType::Country { Some(e) } else { None };
                side(m.subject).zip(side(m.object))
            }
            Relation::Visits if kind(m.subject) == EntityType::Person => state_of.get(&m.subject).copied().zip(country_of_place(m.object)),
            _ => None,
        };
        if let Some((a, b)) = pair.filter(|(a, b)| a != b) {
            out.push(RelationMention {
                relation: Relation::MeetsWith,
                subject: a,
                object: b,
                rule: format!("derived:{}", m.relation),
                derived: true,
                confidence: m.confidence * 0.9,
                role: None,
                ..m.clone()
            });
        }
    }
    out
}
