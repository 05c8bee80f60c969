//! Arms-trade relations implied within one phrase: a state that acquires a system its phrase names as
//! another state's make buys it from that state ("العراق يبرم صفقة لشراء منظومة إم-سام الكورية الجنوبية" →
//! Iraq buysWeaponsFrom South Korea).

use super::{Modality, Relation, RelationMention};
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, EntityType};

/// `buysWeaponsFrom` for an `acquiresWeapon` whose very mention of the system carries its maker
/// state ("the Korean KM-SAM"): one maker only (a co-developed system has no single supplier), a
/// purchase stated, reported or planned (not one merely considered), and no supplier named in the
/// sentence already.
pub fn suppliers_from_makers(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let kind = |e: usize| entities.entity(&layer.gazetteer, e).kind;
    let mut out: Vec<RelationMention> = Vec::new();
    let acquisitions = mentions.iter().filter(|m| m.relation == Relation::AcquiresWeapon && !m.derived && matches!(m.modality, Modality::Asserted | Modality::Reported | Modality::Planned));
    for acquired in acquisitions.filter(|m| kind(m.subject) == EntityType::Country) {
        let supplied = mentions.iter().chain(&out).any(|m| m.relation == Relation::BuysWeaponsFrom && m.sentence == acquired.sentence && m.subject == acquired.subject);
        let mut makers: Vec<&RelationMention> = mentions
            .iter()
            .filter(|m| m.relation == Relation::Manufactures && m.sentence == acquired.sentence && m.object == acquired.object && m.object_span == acquired.object_span)
            .filter(|m| m.modality != Modality::Negated && kind(m.subject) == EntityType::Country)
            .collect();
        makers.dedup_by_key(|m| m.subject);
        let [made] = makers[..] else { continue };
        if supplied || made.subject == acquired.subject {
            continue;
        }
        out.push(RelationMention {
            relation: Relation::BuysWeaponsFrom,
            object: made.subject,
            object_span: made.subject_span,
            rule: format!("maker-supplies:{}", acquired.rule),
            confidence: acquired.confidence.min(made.confidence) * 0.85,
            ..acquired.clone()
        });
    }
    out
}
