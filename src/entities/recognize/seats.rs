//! A state's ruling body named by its seat: "the military junta in Bamako", "السلطات في دمشق",
//! "مقامات در کابل" stand for the state as its capital does. The body's words join the capital's
//! mention, so a rule's slot takes the whole phrase ("accused the junta in Bamako of …").
//! The bodies are in `data/lexicon/<lang>/ruling-bodies.tsv`.

use super::EntityLayer;
use crate::entities::{DocEntities, EntityType};
use crate::text::lang::Lang;
use crate::text::TextDoc;

/// Words linking a body to its seat ("in", "في", "در"), folded.
const SEAT_LINKS: &[&str] = &["in", "في", "در"];

impl EntityLayer {
    pub(super) fn extend_to_ruling_bodies(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        for i in 0..out.mentions.len() {
            let m = &out.mentions[i];
            let seat = matches!(out.entity(&self.gazetteer, m.entity).kind, EntityType::City | EntityType::Country);
            let Some(link) = m.tokens.start.checked_sub(1) else { continue };
            if !seat || m.furniture || !SEAT_LINKS.contains(&doc.tokens[link].key.as_str()) {
                continue;
            }
            let first = doc.sentences[m.sentence].tokens.start;
            let window = first.max(link.saturating_sub(4))..link;
            let body = self.ruling_bodies.find(lang_of(m.sentence), &doc.tokens, window).into_iter().find(|b| b.end == link);
            let Some(body) = body.filter(|b| b.clone().all(|t| Self::mention_at(out, t).is_none())) else { continue };
            let m = &mut out.mentions[i];
            m.tokens.start = body.start;
            m.start = doc.tokens[body.start].start;
        }
    }
}
