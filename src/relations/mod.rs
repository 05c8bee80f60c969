//! Relations: the ontology's 23 types, the pattern language and its matcher, modality, and the
//! roll-ups derived from what officials did.

pub mod arms;
pub mod derive;
pub mod matcher;
pub mod modality;
pub mod ontology;
pub mod pattern;
pub mod quantity;

use std::path::Path;

use serde::Serialize;

use crate::data::{DataError, RowProblem};
pub use modality::Modality;
use modality::ModalityLexicon;
pub use ontology::Relation;
use pattern::RuleSet;
pub use quantity::Quantity;
use crate::entities::phrases::PhraseList;

/// A byte span of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
}

/// One statement of a relation in one sentence: the unit of evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RelationMention {
    pub relation: Relation,
    /// Entity indices in the document's entity table.
    pub subject: usize,
    pub object: usize,
    pub sentence: usize,
    pub subject_span: TextSpan,
    pub object_span: TextSpan,
    pub cue_span: TextSpan,
    /// The rule that fired (`ar:12`, or `office` for offices, `derived:…` for roll-ups).
    pub rule: String,
    pub modality: Modality,
    pub confidence: f64,
    /// A roll-up from what officials did, not stated by the text.
    pub derived: bool,
    /// For `officialOf`: the office ("Defence Minister").
    pub role: Option<String>,
    pub quantities: Vec<Quantity>,
}

/// The relation layer's knowledge: patterns and modality cues of every language.
pub struct RelationLayer {
    pub rules: RuleSet,
    pub modality: ModalityLexicon,
    /// Time phrases and the heads of asides the matcher reads past.
    pub time: PhraseList,
    pub asides: PhraseList,
    /// Inside lists of weapon systems: joiners ("as well as"), counts ("14 units of"), words of home
    /// make after a maker ("India's home-grown Akash") and of type after a class noun ("مقاتلتين من طراز …").
    pub weapon_joiners: PhraseList,
    pub weapon_counts: PhraseList,
    pub weapon_home: PhraseList,
    pub weapon_type: PhraseList,
    /// Words that open a participle clause of the sentence's subject (Arabic "متهما").
    pub participles: PhraseList,
    /// Words saying that someone travelled with another ("accompanied", "رافق", "همراهی").
    pub companions: PhraseList,
}

impl RelationLayer {
    pub fn load(data_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<RelationLayer, DataError> {
        Ok(RelationLayer {
            rules: RuleSet::load(&data_dir.join("patterns"), problems)?,
            modality: ModalityLexicon::load(&data_dir.join("lexicon"), problems)?,
            time: PhraseList::load(&data_dir.join("lexicon"), "time-phrases.tsv", problems)?,
            asides: PhraseList::load(&data_dir.join("lexicon"), "asides.tsv", problems)?,
            weapon_joiners: PhraseList::load_kind(&data_dir.join("lexicon"), "weapon-lists.tsv", Some("joiner"), problems)?,
            weapon_counts: PhraseList::load_kind(&data_dir.join("lexicon"), "weapon-lists.tsv", Some("count"), problems)?,
            weapon_home: PhraseList::load_kind(&data_dir.join("lexicon"), "weapon-lists.tsv", Some("home"), problems)?,
            weapon_type: PhraseList::load_kind(&data_dir.join("lexicon"), "weapon-lists.tsv", Some("type"), problems)?,
            participles: PhraseList::load(&data_dir.join("lexicon"), "participles.tsv", problems)?,
            companions: PhraseList::load(&data_dir.join("lexicon"), "companions.tsv", problems)?,
        })
    }
}
