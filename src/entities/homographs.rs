//! Names that two gazetteer entities share in one language ("عمان": Oman and Amman), decided by what
//! else the document names: the candidate whose state the article talks about otherwise (its other
//! names, adjective, capital, people, bodies) wins, the first listed on a tie.

use std::collections::HashMap;
use std::path::Path;

use super::gazetteer::Gazetteer;
use super::index::NameIndex;
use super::{DocEntities, Entity, EntityType};
use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::text::lang::Lang;
use crate::text::TextDoc;

#[derive(Default)]
pub struct Homographs {
    /// Every shared form, under the number of its candidate list.
    index: NameIndex,
    /// Candidates (gazetteer entities) of each form, the default first.
    candidates: Vec<Vec<usize>>,
}

impl Homographs {
    /// `homographs.tsv` of each language: a form and the gazetteer ids that share it.
    pub fn load(lexicon: &Path, gazetteer: &Gazetteer, problems: &mut Vec<RowProblem>) -> Result<Homographs, DataError> {
        let mut out = Homographs::default();
        for (lang, row) in lexicon_rows(lexicon, "homographs.tsv", &["form", "ids"], problems)? {
            let ids: Option<Vec<usize>> = row.list("ids").iter().map(|id| gazetteer.index_of(id)).collect();
            match ids {
                Some(ids) if ids.len() > 1 => {
                    let names = HashMap::from([(lang, vec![row.get("form").to_string()])]);
                    out.index.add_entity(out.candidates.len(), &Entity::named(String::new(), EntityType::City, String::new(), names));
                    out.candidates.push(ids);
                }
                _ => problems.push(row.problem("`ids` must name two or more gazetteer ids")),
            }
        }
        Ok(out)
    }

    /// Gives each mention made by a shared form the candidate the document supports.
    pub fn resolve(&self, doc: &TextDoc, gazetteer: &Gazetteer, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        if self.candidates.is_empty() {
            return;
        }
        // (mention, candidate list) of every shared form the document uses
        let mut shared: Vec<(usize, usize)> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            for m in self.index.find(&doc.text, lang_of(s), &doc.tokens, sentence.tokens.clone()) {
                let list = &self.candidates[m.entity];
                if let Some(i) = out.mentions.iter().position(|x| x.tokens == m.tokens && list.contains(&x.entity)) {
                    shared.push((i, m.entity));
                }
            }
        }
        if shared.is_empty() {
            return;
        }
        // the state each mention speaks of: a state itself, or the state a city, person or body belongs to
        let state_of = |e: usize| -> Option<usize> {
            let entity = gazetteer.entities.get(e)?;
            match entity.kind {
                EntityType::Country => Some(e),
                _ => entity.stands_for.as_deref().or(entity.country.as_deref()).and_then(|id| gazetteer.index_of(id)),
            }
        };
        let others: Vec<usize> = out.mentions.iter().enumerate().filter(|(i, m)| !m.furniture && !shared.iter().any(|(s, _)| s == i)).filter_map(|(_, m)| state_of(m.entity)).collect();
        for (mention, list) in shared {
            let support = |c: usize| state_of(c).map_or(0, |st| others.iter().filter(|&&o| o == st).count());
            let candidates = &self.candidates[list];
            // (the first listed wins a tie: max_by_key keeps the last maximum, so go from the end)
            if let Some(&best) = candidates.iter().rev().max_by_key(|&&c| support(c)) {
                out.mentions[mention].entity = best;
            }
        }
    }
}
