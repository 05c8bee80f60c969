//! Arms-trade relations implied within one phrase: a state that acquires a system its phrase names as
//! another state's make buys it from that state ("العراق يبرم صفقة لشراء منظومة إم-سام الكورية الجنوبية" →
//! Iraq buysWeaponsFrom South Korea); a maker named right before its product makes it ("Rafael's SPYDER").

use super::{Modality, Relation, RelationMention, TextSpan};
use crate::entities::index::name_keys;
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, EntityType, Mention};
use crate::text::TextDoc;
use crate::text::token::TokenKind;

/// A mention of `relation` the text states itself (not inferred) as fact, report or plan, not as a mere option:
/// what the inferences here build on.
fn firm(m: &RelationMention, relation: Relation) -> bool {
    m.relation == relation && !m.derived && matches!(m.modality, Modality::Asserted | Modality::Reported | Modality::Planned)
}

/// The most bytes after an acquisition's system where its stated supplier may stand.
const SUPPLIER_REACH: usize = 80;

/// Confidence of a maker named right before its product, and the rule's name.
const MAKER_BEFORE_PRODUCT: f64 = 0.8;
const MAKER_BEFORE_PRODUCT_RULE: &str = "maker-before-product";

/// `manufactures` for a company named right before a system the gazetteer gives it as maker:
/// "Rafael's SPYDER", "Baykar Bayraktar TB2", "«إلبيت» «هرمس»", or inside the system's own name ("Airbus
/// C295", "Lockheed Martin F-35"). The company could stand there as a seller or user only by naming its
/// product, so the sentence states the make.
pub fn makers_before_products(layer: &EntityLayer, doc: &TextDoc, entities: &DocEntities) -> Vec<RelationMention> {
    let mut out: Vec<RelationMention> = Vec::new();
    let mentions = &entities.mentions;
    let mut add = |maker: usize, maker_span: TextSpan, product: &Mention| {
        if !out.iter().any(|r| r.sentence == product.sentence && r.subject == maker && r.object == product.entity) {
            out.push(made_by(maker, maker_span, product));
        }
    };
    for (product, maker) in mentions.iter().zip(mentions.iter().skip(1)).map(|(a, b)| (b, a)) {
        if product.furniture || maker.sentence != product.sentence || maker.tokens.end != product.tokens.start {
            continue;
        }
        let (company, system) = (entities.entity(&layer.gazetteer, maker.entity), entities.entity(&layer.gazetteer, product.entity));
        if company.kind != EntityType::Organization || system.kind != EntityType::WeaponSystem || system.maker.as_deref() != Some(company.id.as_str()) {
            continue;
        }
        add(maker.entity, TextSpan { start: maker.start, end: maker.end }, product);
    }
    for product in mentions.iter().filter(|m| !m.furniture) {
        let system = entities.entity(&layer.gazetteer, product.entity);
        let Some(maker) = system.maker.as_deref().and_then(|id| layer.gazetteer.index_of(id)).filter(|_| system.kind == EntityType::WeaponSystem) else { continue };
        let words: Vec<&str> = doc.tokens[product.tokens.clone()].iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.key.as_str()).collect();
        let names = layer.gazetteer.entities[maker].names.values().flatten().map(|n| name_keys(n));
        if let Some(name) = names.filter(|k| !k.is_empty() && k.len() < words.len() && words.starts_with(&k.iter().map(String::as_str).collect::<Vec<_>>())).max_by_key(Vec::len) {
            // (the maker's words are the mention's first tokens but for punctuation)
            let last = doc.tokens[product.tokens.clone()].iter().filter(|t| t.kind != TokenKind::Punct).nth(name.len() - 1).map_or(product.end, |t| t.end);
            add(maker, TextSpan { start: product.start, end: last }, product);
        }
    }
    out
}

fn made_by(maker: usize, maker_span: TextSpan, product: &Mention) -> RelationMention {
    RelationMention {
        relation: Relation::Manufactures,
        subject: maker,
        object: product.entity,
        sentence: product.sentence,
        subject_span: maker_span,
        object_span: TextSpan { start: product.start, end: product.end },
        cue_span: TextSpan { start: maker_span.start, end: product.end },
        rule: MAKER_BEFORE_PRODUCT_RULE.to_string(),
        modality: Modality::Asserted,
        confidence: MAKER_BEFORE_PRODUCT,
        derived: false,
        role: None,
        quantities: Vec::new(),
    }
}

/// `manufactures` for a company a state buys from and a system of its make (the gazetteer's maker) named in
/// the same sentence: "سلّمتها شركة «بايكار» طائرات «بيرقدار تي بي 2»" → Baykar makes the TB2, as analysts read
/// a supplier delivering its own product. An inference from knowledge, at lower confidence; not where the
/// sentence states the make already.
pub fn makers_of_supplied_products(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let entity = |e: usize| entities.entity(&layer.gazetteer, e);
    let mut out: Vec<RelationMention> = Vec::new();
    let purchases = mentions.iter().filter(|m| firm(m, Relation::BuysWeaponsFrom) && entity(m.object).kind == EntityType::Organization);
    for bought in purchases {
        let company = entity(bought.object);
        for product in systems_in(layer, entities, bought.sentence).filter(|p| entity(p.entity).maker.as_deref() == Some(company.id.as_str())) {
            let stated = |m: &RelationMention| m.relation == Relation::Manufactures && m.sentence == bought.sentence && m.subject == bought.object && m.object == product.entity;
            if mentions.iter().chain(&out).any(stated) {
                continue;
            }
            out.push(RelationMention {
                relation: Relation::Manufactures,
                subject: bought.object,
                object: product.entity,
                subject_span: bought.object_span,
                object_span: TextSpan { start: product.start, end: product.end },
                rule: format!("supplier-maker:{}", bought.rule),
                modality: Modality::Asserted,
                confidence: bought.confidence * 0.7,
                ..bought.clone()
            });
        }
    }
    out
}

/// `acquiresWeapon` for the one system a sentence names beside a state's purchase: "سلّمت سيول القوات المسلحة
/// الإماراتية أولى بطاريات منظومة الدفاع الجوي الكورية متوسطة المدى «تشيونغونغ-2»" → the UAE acquires
/// Cheongung-II. Not where the sentence names several systems, or states an acquisition of the buyer already.
pub fn acquired_in_purchases(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let entity = |e: usize| entities.entity(&layer.gazetteer, e);
    let mut out: Vec<RelationMention> = Vec::new();
    let purchases = mentions.iter().filter(|m| firm(m, Relation::BuysWeaponsFrom) && entity(m.subject).kind == EntityType::Country);
    for bought in purchases {
        let mut systems = systems_in(layer, entities, bought.sentence);
        let Some(system) = systems.next() else { continue };
        if systems.any(|p| p.entity != system.entity) {
            continue;
        }
        let stated = |m: &RelationMention| m.relation == Relation::AcquiresWeapon && m.sentence == bought.sentence && m.subject == bought.subject;
        if mentions.iter().chain(&out).any(stated) {
            continue;
        }
        out.push(RelationMention {
            relation: Relation::AcquiresWeapon,
            object: system.entity,
            object_span: TextSpan { start: system.start, end: system.end },
            rule: format!("system-of-purchase:{}", bought.rule),
            confidence: bought.confidence * 0.7,
            ..bought.clone()
        });
    }
    out
}

/// `buysWeaponsFrom` for an `acquiresWeapon` whose very mention of the system carries its maker
/// state ("the Korean KM-SAM"): one maker only (a co-developed system has no single supplier), a
/// purchase stated, reported or planned (not one merely considered), and no supplier named in the
/// sentence already.
pub fn suppliers_from_makers(doc: &TextDoc, layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let kind = |e: usize| entities.entity(&layer.gazetteer, e).kind;
    let mut out: Vec<RelationMention> = Vec::new();
    let acquisitions = mentions.iter().filter(|m| firm(m, Relation::AcquiresWeapon));
    for acquired in acquisitions.filter(|m| kind(m.subject) == EntityType::Country) {
        // (a supplier that is another system's maker adjective does not count: "bought American Javelin
        // missiles and the French Mistral system")
        let other_make = |m: &RelationMention| mentions.iter().any(|x| x.relation == Relation::Manufactures && x.sentence == m.sentence && x.subject_span == m.object_span && x.object != acquired.object);
        // (a supplier stated with this acquisition — from its cue to just after the system, no comma between — not one of
        // another clause: "ارتش ازبکستان که عمدتاً به تسلیحات روسی مجهز است، … پهپادهای بیرقدار ساخت ترکیه … را نیز به
        // خدمت گرفته" buys from Turkey too)
        let lo = acquired.cue_span.start.min(acquired.object_span.start);
        let hi = acquired.cue_span.end.max(acquired.object_span.end) + SUPPLIER_REACH;
        let near = |m: &RelationMention| m.object_span.start >= lo && m.object_span.end <= hi && !doc.text[acquired.object_span.end.min(m.object_span.start)..m.object_span.start.max(acquired.object_span.end)].contains([',', '،']);
        let supplied = mentions.iter().chain(&out).any(|m| m.relation == Relation::BuysWeaponsFrom && m.sentence == acquired.sentence && m.subject == acquired.subject && !other_make(m) && near(m));
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

/// `buysWeaponsFrom` the state of a company a state buys from, or of the company the sentence names as
/// maker of a system it acquires ("bought Hermes drones from Elbit Systems", "received SpyX drones produced
/// by the Israeli company BlueBird"): the company sells with its state's licence, and analysts count the
/// sale for that state. Not for a company of the buyer's own state, an armed group or an international
/// body, nor where the sentence names that supplier state already.
pub fn states_of_suppliers(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let entity = |e: usize| entities.entity(&layer.gazetteer, e);
    let company_state = |e: usize| company_state(layer, entities, e);
    let bought_from = mentions.iter().filter(|m| m.relation == Relation::BuysWeaponsFrom && !m.derived).map(|m| (m, m.object));
    let acquired_from_maker = mentions.iter().filter(|m| firm(m, Relation::AcquiresWeapon) && entity(m.subject).kind == EntityType::Country).flat_map(|acquired| {
        // (a maker the sentence states, "produced by the Israeli company BlueBird"; not one read off the
        // system's name, "Airbus C295", which says nothing of where it is sold from)
        let stated = |m: &&RelationMention| m.rule != MAKER_BEFORE_PRODUCT_RULE;
        let mut makers: Vec<usize> = mentions.iter().filter(|m| m.relation == Relation::Manufactures && m.sentence == acquired.sentence && m.object == acquired.object && m.modality != Modality::Negated && company_state(m.subject).is_some()).filter(stated).map(|m| m.subject).collect();
        makers.dedup();
        (makers.len() == 1).then(|| (acquired, makers[0]))
    });
    let mut out: Vec<RelationMention> = Vec::new();
    for (statement, company) in bought_from.chain(acquired_from_maker) {
        let Some(state) = company_state(company).filter(|&st| st != statement.subject) else { continue };
        let named = |m: &RelationMention| m.relation == Relation::BuysWeaponsFrom && m.sentence == statement.sentence && m.subject == statement.subject && m.object == state;
        if mentions.iter().chain(&out).any(named) {
            continue;
        }
        out.push(RelationMention {
            relation: Relation::BuysWeaponsFrom,
            object: state,
            rule: format!("supplier-state:{}", statement.rule),
            confidence: statement.confidence * 0.85,
            ..statement.clone()
        });
    }
    out
}


/// The gazetteer's state of an entity (a system's maker state, a company's seat).
fn home_state(layer: &EntityLayer, entities: &DocEntities, e: usize) -> Option<usize> {
    layer.gazetteer.country_of(entities.entity(&layer.gazetteer, e))
}

/// The state of a company (an organisation that acts neither for itself nor for a state), from the gazetteer.
fn company_state(layer: &EntityLayer, entities: &DocEntities, e: usize) -> Option<usize> {
    entities.entity(&layer.gazetteer, e).is_company().then(|| home_state(layer, entities, e)).flatten()
}

/// The weapon systems a sentence names in its text (not in page furniture).
fn systems_in<'a>(layer: &'a EntityLayer, entities: &'a DocEntities, sentence: usize) -> impl Iterator<Item = &'a Mention> + 'a {
    entities.mentions.iter().filter(move |p| p.sentence == sentence && !p.furniture && entities.entity(&layer.gazetteer, p.entity).kind == EntityType::WeaponSystem)
}

/// The most bytes between a company's name and the nationality that goes with it ("شركة «بايكار» التركية",
/// "the Turkish company Baykar", "صنایع هوافضای ترکیه").
const NATIONALITY_REACH: usize = 24;

/// `manufactures` for the state of a maker company whose nationality the sentence states next to its name:
/// "الذي تصنعه شركة «بايكار» التركية" → Turkey manufactures Akıncı too, as analysts count it. Not where the
/// sentence only names the company ("من إنتاج شركة بي إم سي").
pub fn states_of_makers(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let mut out: Vec<RelationMention> = Vec::new();
    let made = mentions.iter().filter(|m| m.relation == Relation::Manufactures && !m.derived && m.modality != Modality::Negated);
    for m in made {
        let Some(state) = company_state(layer, entities, m.subject) else { continue };
        let near = |x: &&Mention| x.entity == state && x.sentence == m.sentence && x.start < m.subject_span.end + NATIONALITY_REACH && m.subject_span.start < x.end + NATIONALITY_REACH;
        let stated = |r: &RelationMention| r.relation == Relation::Manufactures && r.sentence == m.sentence && r.subject == state && r.object == m.object;
        if !entities.mentions.iter().any(|x| near(&x)) || mentions.iter().chain(&out).any(stated) {
            continue;
        }
        out.push(RelationMention { subject: state, rule: format!("maker-state:{}", m.rule), confidence: m.confidence * 0.85, ..m.clone() });
    }
    out
}

/// `buysWeaponsFrom` the maker state the gazetteer knows for a system a state acquires, where the
/// sentence names no supplier (other than another system's maker) and no maker: "Iraq received 24 T-50IQ jets" → Iraq buysWeaponsFrom South
/// Korea. An inference from knowledge, at lower confidence; not for a system its buyer makes itself.
pub fn suppliers_from_known_makers(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let entity = |e: usize| entities.entity(&layer.gazetteer, e);
    let mut out: Vec<RelationMention> = Vec::new();
    let acquisitions = mentions.iter().filter(|m| firm(m, Relation::AcquiresWeapon) && entity(m.subject).kind == EntityType::Country);
    for acquired in acquisitions {
        let Some(maker) = home_state(layer, entities, acquired.object) else { continue };
        // (a supplier stated for another system of the sentence, whose maker it is, is not this one's: "TB2 drones
        // from Turkey and Mohajer-6 drones that it bought from Iran")
        let for_other_system = |m: &RelationMention| {
            mentions.iter().any(|a| firm(a, Relation::AcquiresWeapon) && a.sentence == acquired.sentence && a.subject == acquired.subject && a.object != acquired.object && home_state(layer, entities, a.object) == Some(m.object))
        };
        let stated = |m: &RelationMention| m.sentence == acquired.sentence && (m.relation == Relation::BuysWeaponsFrom && m.subject == acquired.subject && !for_other_system(m) || m.relation == Relation::Manufactures && m.object == acquired.object);
        if maker == acquired.subject || mentions.iter().chain(&out).any(stated) {
            continue;
        }
        out.push(RelationMention {
            relation: Relation::BuysWeaponsFrom,
            object: maker,
            rule: format!("known-maker:{}", acquired.rule),
            confidence: acquired.confidence * 0.6,
            ..acquired.clone()
        });
    }
    out
}

/// `acquiresWeapon` for a system a state uses or deploys that another state makes (the gazetteer's
/// maker): "the Uzbek army fields Cobra II vehicles" → Uzbekistan acquired them. An inference from
/// knowledge, at lower confidence; not where the sentence states the acquisition already.
pub fn acquired_from_use(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let entity = |e: usize| entities.entity(&layer.gazetteer, e);
    let mut out: Vec<RelationMention> = Vec::new();
    let uses = mentions.iter().filter(|m| m.relation == Relation::UsesWeapon && !m.derived && matches!(m.modality, Modality::Asserted | Modality::Reported) && entity(m.subject).kind == EntityType::Country);
    for used in uses {
        let Some(maker) = home_state(layer, entities, used.object) else { continue };
        let stated = |m: &RelationMention| m.relation == Relation::AcquiresWeapon && m.subject == used.subject && m.object == used.object;
        if maker == used.subject || mentions.iter().chain(&out).any(stated) {
            continue;
        }
        out.push(RelationMention { relation: Relation::AcquiresWeapon, rule: format!("used-foreign:{}", used.rule), confidence: used.confidence * 0.6, ..used.clone() });
    }
    out
}
