//! Entities: the gazetteer, recognition of its names in text (with Arabic clitics and Persian
//! suffixes), people introduced by their office, and within-document coreference.

pub mod affixes;
pub mod coref;
pub mod fuzzy;
pub mod gazetteer;
pub mod homographs;
pub mod index;
pub mod recognize;
pub mod roles;
pub mod translit;
pub mod phrases;

use std::collections::HashMap;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

use crate::text::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    Country,
    Person,
    Organization,
    WeaponSystem,
    City,
    Region,
    Event,
}

impl EntityType {
    pub const ALL: [EntityType; 7] = [
        EntityType::Country,
        EntityType::Person,
        EntityType::Organization,
        EntityType::WeaponSystem,
        EntityType::City,
        EntityType::Region,
        EntityType::Event,
    ];

    pub fn name(self) -> &'static str {
        match self {
            EntityType::Country => "Country",
            EntityType::Person => "Person",
            EntityType::Organization => "Organization",
            EntityType::WeaponSystem => "WeaponSystem",
            EntityType::City => "City",
            EntityType::Region => "Region",
            EntityType::Event => "Event",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        EntityType::ALL.into_iter().find(|t| t.name().eq_ignore_ascii_case(s))
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A real thing: one canonical id, an English label, names in every language it is known in.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    pub id: String,
    pub kind: EntityType,
    pub label: String,
    /// Names per language; the first Arabic/Persian name is the label shown in that language, the
    /// first English name is `label`.
    pub names: HashMap<Lang, Vec<String>>,
    pub adjectives: HashMap<Lang, Vec<String>>,
    pub wikidata: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub country: Option<String>,
    pub stands_for: Option<String>,
    pub maker: Option<String>,
    /// For a system's variant ("F-16 Block 70"): the id of its family ("f-16").
    pub variant_of: Option<String>,
    pub role: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    /// For a war or armed clash (an Event): the sides that fought it, each the ids of its states (allies on one
    /// side fought together, not each other).
    pub belligerents: Vec<Vec<String>>,
    /// Found in the text (a person introduced by an office), not in the gazetteer.
    pub discovered: bool,
}

impl Entity {
    /// An entity known only by its names (no coordinates, links or offices yet).
    pub fn named(id: String, kind: EntityType, label: String, names: HashMap<Lang, Vec<String>>) -> Entity {
        Entity {
            id,
            kind,
            label,
            names,
            adjectives: HashMap::new(),
            wikidata: None,
            lat: None,
            lon: None,
            country: None,
            stands_for: None,
            maker: None,
            variant_of: None,
            role: None,
            since: None,
            until: None,
            belligerents: Vec::new(),
            discovered: false,
        }
    }

    /// The label in `lang`, if the entity has one there.
    pub fn label_in(&self, lang: Lang) -> Option<&str> {
        self.names.get(&lang).and_then(|n| n.first()).map(String::as_str)
    }

    /// Aliases: every name other than the per-language labels.
    pub fn aliases(&self) -> impl Iterator<Item = (Lang, &str)> {
        Lang::ALL.into_iter().flat_map(move |lang| {
            self.names.get(&lang).into_iter().flat_map(move |names| names.iter().skip(1).map(move |n| (lang, n.as_str())))
        })
    }

    /// A body that acts for its state: a ministry, the armed forces, a government agency, a parliament
    /// (not a company or a movement of that country, nor a region's own government: the Kurdistan
    /// Regional Government acts for itself).
    pub fn acts_for_state(&self) -> bool {
        self.kind == EntityType::Organization
            && self.role.as_deref().is_some_and(|r| {
                !r.contains("regional") && ["ministry", "armed forces", "government", "intelligence", "border", "agency", "parliament", "general staff", "police", "security council", "junta", "military command", "coast guard", "gendarmerie", "security service", "head of state"].iter().any(|k| r.contains(k))
            })
    }

    /// An intelligence agency: it acts for its state, but its chiefs are its own officials.
    pub fn is_intelligence_agency(&self) -> bool {
        self.kind == EntityType::Organization && self.role.as_deref().is_some_and(|r| r.contains("intelligence"))
    }

    /// A military coalition that its `country` leads ("the Saudi-led coalition"): what it does in a war, it
    /// does for that state (its spokesman is still the coalition's official, which offices decide).
    pub fn is_led_coalition(&self) -> bool {
        self.kind == EntityType::Organization && self.role.as_deref() == Some("military coalition") && self.country.is_some()
    }

    /// A political actor in its own right, whose officials speak for it rather than for a state: a
    /// region's government, an armed group or movement, a party, an international body or bloc.
    pub fn acts_for_itself(&self) -> bool {
        const ACTORS: &[&str] = &["regional government", "armed group", "movement", "militia", "party", "international organization", "alliance", "bloc", "collective head of state"];
        const BODIES_OF: &[&str] = &["UN ", "EU ", "NATO "];
        self.kind == EntityType::Organization && self.role.as_deref().is_some_and(|r| ACTORS.iter().any(|k| r.contains(k)) || BODIES_OF.iter().any(|b| r.starts_with(b)))
    }

    /// A company: an organisation that acts neither for a state (a ministry, an army) nor for itself (a bloc, an
    /// armed group), and is no source the news cites.
    pub fn is_company(&self) -> bool {
        self.kind == EntityType::Organization && !self.acts_for_state() && !self.acts_for_itself() && !self.is_source()
    }

    /// A state's armed force (an army, a service branch, a general staff): what it does with another
    /// state is military ("the UAE navy deepened cooperation with France").
    pub fn is_armed_force(&self) -> bool {
        self.kind == EntityType::Organization && self.role.as_deref().is_some_and(|r| r.contains("armed forces") || r.contains("general staff"))
    }

    /// A source the news cites rather than a party to what it reports: an outlet, a research institute,
    /// a think tank, a rights group, a social network.
    pub fn is_source(&self) -> bool {
        self.is_news_outlet() || self.role.as_deref().is_some_and(|r| ["research institute", "think tank", "rights group", "social media"].iter().any(|k| r.contains(k)))
    }

    pub fn is_news_outlet(&self) -> bool {
        self.role.as_deref().is_some_and(|r| r.contains("outlet") || r.contains("agency") && r.contains("news"))
    }
}

/// How a mention names its entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    /// By a name or alias: "أذربيجان", "Baku".
    Name,
    /// By an adjective or demonym: "الإسرائيلية", "Turkish", "ترکیه‌ای".
    Adjective,
    /// By a short or descriptive reference resolved within the document: "غانتس", "البلدين".
    Coreference,
}

/// A mention of an entity in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// Index into the document's entity table ([`DocEntities::entities`]).
    pub entity: usize,
    /// Token range in [`crate::text::TextDoc::tokens`].
    pub tokens: Range<usize>,
    /// Byte offsets in the original text.
    pub start: usize,
    pub end: usize,
    pub form: Form,
    pub sentence: usize,
    pub furniture: bool,
    /// Arabic proclitic letters on the first token ("و" of "وأذربيجان", "ل" of "لباكو").
    pub proclitic: String,
    /// By a name that is also a common word ("مالي"): kept only if the document names the entity otherwise.
    pub ambiguous: bool,
}

/// A person's office as stated in the text: "وزير الدفاع الإسرائيلي يوآف جالانت".
#[derive(Debug, Clone, PartialEq)]
pub struct Office {
    /// The person's mention index.
    pub person: usize,
    /// The mention of the state or body the office belongs to, when the text names it.
    pub of_mention: Option<usize>,
    /// The entity (document table index) of the state or body.
    pub of_entity: usize,
    /// The office in English ("Defence Minister").
    pub role: String,
    /// Byte span and token range of the role phrase.
    pub start: usize,
    pub end: usize,
    pub tokens: Range<usize>,
    /// Where the role phrase starts with the English words that modify it ("then-Prime Minister",
    /// "former defence minister"); `tokens.start` where there are none.
    pub modifiers_start: usize,
    /// Proclitic letters on the role's first word ("و" of "ووزير الدفاع").
    pub proclitic: String,
    pub sentence: usize,
    /// The state was not in the text but taken from the gazetteer's knowledge of the person.
    pub from_gazetteer: bool,
}

/// What the entity layer found in one document. Entity indices below the gazetteer's length are
/// gazetteer entities; the ones above are people discovered in this document.
#[derive(Debug, Clone, Default)]
pub struct DocEntities {
    pub discovered: Vec<Entity>,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    pub offices: Vec<Office>,
}

impl DocEntities {
    pub fn entity<'a>(&'a self, gazetteer: &'a gazetteer::Gazetteer, index: usize) -> &'a Entity {
        match index.checked_sub(gazetteer.len()) {
            Some(i) => &self.discovered[i],
            None => &gazetteer.entities[index],
        }
    }
}

/// A slug for ids: lowercase ASCII letters and digits joined by `-`.
pub fn slug(label: &str) -> String {
    let folded = crate::text::normalize::fold(label);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::slug;

    #[test]
    fn slugs_are_ascii() {
        assert_eq!(slug("Recep Tayyip Erdoğan"), "recep-tayyip-erdogan");
        assert_eq!(slug("İsmail Günaydın"), "ismail-gunaydin");
        assert_eq!(slug("Arrow 3"), "arrow-3");
    }
}
