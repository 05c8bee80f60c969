//! The 23 relation types of the ontology (`spec/ONTOLOGY.md`): direction, symmetry, argument types,
//! CAMEO root and Goldstein weight, and their labels in the three languages.

use std::fmt;

use serde::Serialize;

use crate::entities::EntityType;
use crate::entities::EntityType::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Relation {
    BuysWeaponsFrom,
    AcquiresWeapon,
    UsesWeapon,
    Manufactures,
    CoDevelops,
    CooperatesMilitarilyWith,
    SharesIntelligenceWith,
    HoldsExerciseWith,
    AlliedWith,
    Supports,
    InConflictWith,
    HasTensionsWith,
    Accuses,
    MeetsWith,
    Visits,
    OfficialOf,
    SignsAgreementWith,
    HasDiplomaticRelationsWith,
    NormalizesRelationsWith,
    CooperatesWith,
    ImportsEnergyFrom,
    TradesWith,
    Arrests,
}

/// Whether a relation is cooperative or conflictual, for colours and balances.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    Cooperation,
    Conflict,
    Neutral,
}

/// Everything the ontology says of one relation type.
pub struct RelationInfo {
    pub relation: Relation,
    pub name: &'static str,
    pub symmetric: bool,
    pub subjects: &'static [EntityType],
    pub objects: &'static [EntityType],
    /// CAMEO root code ("06"), empty where the ontology gives none.
    pub cameo: &'static str,
    /// Goldstein (1992) weight of the CAMEO root's typical event, from −10 (war) to +10.
    pub goldstein: f64,
    pub label_en: &'static str,
    pub label_ar: &'static str,
    pub label_fa: &'static str,
    pub definition: &'static str,
}

const STATE_ORG: &[EntityType] = &[Country, Organization];
const STATE: &[EntityType] = &[Country];
const ACTOR: &[EntityType] = &[Country, Organization, Person];
const WEAPON: &[EntityType] = &[WeaponSystem];
const PLACE: &[EntityType] = &[Country, City, Region];

macro_rules! info {
    ($r:ident, $name:literal, $sym:literal, $s:expr, $o:expr, $cameo:literal, $g:literal, $en:literal, $ar:literal, $fa:literal, $def:literal) => {
        RelationInfo {
            relation: Relation::$r,
            name: $name,
            symmetric: $sym,
            subjects: $s,
            objects: $o,
            cameo: $cameo,
            goldstein: $g,
            label_en: $en,
            label_ar: $ar,
            label_fa: $fa,
            definition: $def,
        }
    };
}

pub static RELATIONS: [RelationInfo; 23] = [
    info!(BuysWeaponsFrom, "buysWeaponsFrom", false, STATE_ORG, STATE_ORG, "06", 6.0, "buys weapons from", "يشتري أسلحة من", "سلاح می‌خرد از",
        "buys, receives or imports arms or military equipment from; the inverse of supplies or exports arms to"),
    info!(AcquiresWeapon, "acquiresWeapon", false, STATE_ORG, WEAPON, "06", 6.0, "acquires weapon", "يقتني سلاح", "تسلیحات تهیه می‌کند",
        "buys, orders, receives or considers buying a named system"),
    info!(UsesWeapon, "usesWeapon", false, STATE_ORG, WEAPON, "19", -10.0, "uses weapon", "يستخدم سلاح", "از سلاح استفاده می‌کند",
        "uses or deploys a named system"),
    info!(Manufactures, "manufactures", false, STATE_ORG, WEAPON, "", 0.0, "manufactures", "يصنع", "می‌سازد",
        "makes the system"),
    info!(CoDevelops, "coDevelops", false, STATE_ORG, WEAPON, "06", 6.0, "co-develops", "يشارك في تطوير", "در ساخت مشارکت دارد",
        "takes part in a joint development or production programme of the system"),
    info!(CooperatesMilitarilyWith, "cooperatesMilitarilyWith", true, STATE, STATE, "06", 6.0, "cooperates militarily with", "يتعاون عسكريا مع", "همکاری نظامی دارد با",
        "military, security, defence-industrial or military-technical cooperation or relations"),
    info!(SharesIntelligenceWith, "sharesIntelligenceWith", true, STATE, STATE, "06", 6.0, "shares intelligence with", "يتبادل المعلومات الاستخبارية مع", "همکاری اطلاعاتی دارد با",
        "intelligence cooperation or consultations"),
    info!(HoldsExerciseWith, "holdsExerciseWith", true, STATE, STATE, "06", 6.0, "holds exercises with", "يجري مناورات مع", "رزمایش برگزار می‌کند با",
        "joint military exercises or drills"),
    info!(AlliedWith, "alliedWith", true, STATE, STATE, "05", 3.5, "allied with", "حليف", "متحد",
        "called allies, alliance, brotherly alliance"),
    info!(Supports, "supports", false, ACTOR, ACTOR, "05", 5.0, "supports", "يدعم", "حمایت می‌کند از",
        "backs politically, militarily or financially"),
    info!(InConflictWith, "inConflictWith", true, STATE, STATE, "19", -10.0, "in conflict with", "في صراع مع", "در جنگ با",
        "war, armed clashes, attack, military intervention"),
    info!(HasTensionsWith, "hasTensionsWith", true, STATE, STATE, "13", -4.4, "has tensions with", "توتر مع", "تنش با",
        "tension, hostility, perceived threat"),
    info!(Accuses, "accuses", false, ACTOR, ACTOR, "11", -2.0, "accuses", "يتهم", "متهم می‌کند",
        "accuses, blames"),
    info!(MeetsWith, "meetsWith", true, ACTOR, ACTOR, "04", 1.0, "meets with", "يلتقي", "دیدار می‌کند با",
        "meets or holds talks with, also a planned meeting"),
    info!(Visits, "visits", false, &[Person, Organization], PLACE, "04", 1.9, "visits", "يزور", "سفر می‌کند به",
        "travels to"),
    info!(OfficialOf, "officialOf", false, &[Person], STATE_ORG, "", 0.0, "official of", "مسؤول في", "مقام",
        "holds an office in (the office is the mention's role)"),
    info!(SignsAgreementWith, "signsAgreementWith", true, ACTOR, ACTOR, "05", 8.0, "signs agreement with", "يوقع اتفاقية مع", "توافق امضا می‌کند با",
        "signs, concludes or ratifies an agreement, protocol or memorandum"),
    info!(HasDiplomaticRelationsWith, "hasDiplomaticRelationsWith", true, STATE, STATE, "05", 7.0, "has diplomatic relations with", "علاقات دبلوماسية مع", "روابط دیپلماتیک با",
        "establishes diplomatic relations, opens an embassy"),
    info!(NormalizesRelationsWith, "normalizesRelationsWith", true, STATE, STATE, "05", 7.0, "normalizes relations with", "يطبع العلاقات مع", "عادی‌سازی روابط با",
        "normalises or restores relations"),
    info!(CooperatesWith, "cooperatesWith", true, ACTOR, ACTOR, "06", 6.0, "cooperates with", "يتعاون مع", "همکاری دارد با",
        "general (political, economic, energy, strategic) cooperation or relations"),
    info!(ImportsEnergyFrom, "importsEnergyFrom", false, STATE, STATE, "06", 6.4, "imports energy from", "يستورد الطاقة من", "انرژی وارد می‌کند از",
        "imports oil, gas or fuel from"),
    info!(TradesWith, "tradesWith", true, STATE, STATE, "06", 6.4, "trades with", "يتاجر مع", "تجارت دارد با",
        "trade, trade volume"),
    info!(Arrests, "arrests", false, STATE_ORG, &[Person, Organization], "17", -5.0, "arrests", "يعتقل", "دستگیر می‌کند",
        "arrests or detains"),
];

impl Relation {
    pub fn info(self) -> &'static RelationInfo {
        RELATIONS.iter().find(|r| r.relation == self).expect("every relation has its row")
    }

    pub fn name(self) -> &'static str {
        self.info().name
    }

    pub fn symmetric(self) -> bool {
        self.info().symmetric
    }

    pub fn parse(name: &str) -> Option<Relation> {
        RELATIONS.iter().find(|r| r.name.eq_ignore_ascii_case(name)).map(|r| r.relation)
    }

    pub fn all() -> impl Iterator<Item = Relation> {
        RELATIONS.iter().map(|r| r.relation)
    }

    pub fn family(self) -> Family {
        let g = self.info().goldstein;
        if g > 0.0 {
            Family::Cooperation
        } else if g < 0.0 {
            Family::Conflict
        } else {
            Family::Neutral
        }
    }

    /// Relations whose subject is a person acting for a state ("Gantz visits Baku"); the state-level
    /// relation is derived from the person's office.
    pub fn is_personal(self) -> bool {
        matches!(self, Relation::MeetsWith | Relation::Visits | Relation::OfficialOf)
    }
}

impl fmt::Display for Relation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_matches_the_ontology() {
        assert_eq!(Relation::all().count(), 23);
        let symmetric: Vec<&str> = RELATIONS.iter().filter(|r| r.symmetric).map(|r| r.name).collect();
        assert_eq!(symmetric.len(), 12);
        assert_eq!(Relation::parse("buysWeaponsFrom"), Some(Relation::BuysWeaponsFrom));
        assert!(!Relation::BuysWeaponsFrom.symmetric());
        assert!(Relation::MeetsWith.symmetric());
        for r in &RELATIONS {
            assert_eq!(r.relation.info().name, r.name);
        }
    }
}
