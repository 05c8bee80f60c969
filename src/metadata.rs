//! Document metadata: headline, publisher, the outlets it cites, and the publication date.
//!
//! The publisher is what the page's own metadata says (JSONL `source`, HTML `og:site_name`), else an
//! outlet named on a byline line at the head of the page ("كوردستريت || وكالات", "البوابة نيوز"), else
//! the outlet after a publisher formula opening the first paragraph ("به گزارش آران نیوز"). Cited
//! outlets are the other news outlets named in the article body ("به نقل از فارس", "وقال المونيتور").
//! The date is the page's metadata, else the first full date above the article body.

use std::path::Path;

use chrono::NaiveDate;

use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::entities::index::name_keys;
use crate::entities::recognize::EntityLayer;
use crate::entities::DocEntities;
use crate::text::dates::{Months, PartialDate};
use crate::text::TextDoc;

/// Words of a byline line beside the outlet's name ("وكالات", "خاص", "||").
#[derive(Debug, Default, Clone)]
pub struct Attribution {
    publisher_formulas: Vec<Vec<String>>,
}

impl Attribution {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<Attribution, DataError> {
        let mut a = Attribution::default();
        for (_, row) in lexicon_rows(lexicon_dir, "attribution.tsv", &["kind", "forms"], problems)?.iter().filter(|(_, r)| r.get("kind") == "publisher") {
            a.publisher_formulas.extend(row.list("forms").into_iter().map(name_keys).filter(|k| !k.is_empty()));
        }
        Ok(a)
    }
}

#[derive(Debug, Clone, Default)]
pub struct DocumentMeta {
    pub title: Option<String>,
    /// The publisher: an entity index when it is a known outlet, and its name as given.
    pub publisher: Option<(Option<usize>, String)>,
    /// Cited outlets (entity indices), in order of first mention.
    pub cites: Vec<usize>,
    pub date: Option<NaiveDate>,
}

/// A byline line names its outlet in a few words.
const BYLINE_WORDS: usize = 6;
/// How many paragraphs of the body may open with a publisher formula ("به گزارش …").
const LEAD_PARAGRAPHS: usize = 3;

/// The most words of a line of publication and update times, which is long for a head line.
const DATELINE_WORDS: usize = 12;

pub fn describe(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, attribution: &Attribution, months: &Months, given_publisher: Option<&str>, given_date: Option<&str>) -> DocumentMeta {
    let gazetteer = &layer.gazetteer;
    let is_outlet = |e: usize| entities.entity(gazetteer, e).is_news_outlet();
    let title = doc.title.map(|p| doc.paragraphs[p].span.of(&doc.text).trim().to_string());
    let words = |p: usize| doc.tokens[doc.paragraphs[p].tokens.clone()].iter().filter(|t| t.is_word()).count();
    // the head of the page: everything before the first body paragraph after the headline
    let body_start = (doc.title.map_or(0, |t| t + 1)..doc.paragraphs.len()).find(|&p| !doc.paragraphs[p].furniture && words(p) >= 8).unwrap_or(doc.paragraphs.len());
    let mentions_in = |p: usize| entities.mentions.iter().filter(move |m| doc.sentences[m.sentence].paragraph == p);

    let mut publisher = given_publisher.filter(|p| !p.trim().is_empty()).map(|name| {
        let entity = layer.named(name);
        (entity, name.trim().to_string())
    });
    if publisher.is_none() {
        publisher = (0..body_start)
            .filter(|&p| Some(p) != doc.title)
            .filter(|&p| words(p) <= BYLINE_WORDS)
            .find_map(|p| mentions_in(p).find(|m| is_outlet(m.entity)))
            .map(|m| (Some(m.entity), entities.entity(gazetteer, m.entity).label.clone()));
    }
    if publisher.is_none() {
        // "به گزارش آران نیوز ..." opening one of the first paragraphs (Persian agencies put a lead
        // paragraph before it)
        let first_paragraphs = (body_start..doc.paragraphs.len()).filter(|&p| !doc.paragraphs[p].furniture).take(LEAD_PARAGRAPHS);
        publisher = first_paragraphs.into_iter().find_map(|p| {
            let p = &doc.paragraphs[p];
            let tokens = &doc.tokens[p.tokens.clone()];
            attribution.publisher_formulas.iter().find_map(|formula| {
                let opens = formula.len() < tokens.len() && formula.iter().zip(tokens).all(|(k, t)| *k == t.key);
                let after = p.tokens.start + formula.len();
                opens.then(|| entities.mentions.iter().find(|m| m.tokens.start == after && is_outlet(m.entity))).flatten()
            })
        })
        .map(|m| (Some(m.entity), entities.entity(gazetteer, m.entity).label.clone()));
    }
    let publisher_entity = publisher.as_ref().and_then(|(e, _)| *e);
    let mut cites = Vec::new();
    for m in entities.mentions.iter().filter(|m| !m.furniture && doc.sentences[m.sentence].paragraph >= body_start.min(doc.title.map_or(0, |t| t + 1))) {
        if is_outlet(m.entity) && Some(m.entity) != publisher_entity && !cites.contains(&m.entity) && doc.sentences[m.sentence].paragraph >= body_start {
            cites.push(m.entity);
        }
    }
    // the date line of the head; a standfirst may come before it ("PMO calls meeting …", then "3 December
    // 2025, 8:52 pm"), so short lines just after the first long one count too, and that long one if it is
    // a dateline of published and updated times ("نشر في: 16 يناير ,2025: 01:47 م GST آخر تحديث: …")
    let dateline = (body_start < doc.paragraphs.len() && words(body_start) <= DATELINE_WORDS).then_some(body_start);
    let after_standfirst = (body_start + 1..doc.paragraphs.len()).take(LEAD_PARAGRAPHS).filter(|&p| words(p) <= BYLINE_WORDS);
    let date = given_date.and_then(parse_iso_prefix).or_else(|| {
        (0..body_start.min(doc.paragraphs.len())).chain(dateline).chain(after_standfirst).find_map(|p| {
            let tokens = &doc.tokens[doc.paragraphs[p].tokens.clone()];
            months.find(tokens, None).into_iter().find_map(|d| match d.value {
                Some(PartialDate::Day(day)) => Some(day),
                _ => None,
            })
        })
    });
    DocumentMeta { title, publisher, cites, date }
}

/// "2022-10-08", "2022-10-08T10:00:00Z" → the date.
pub fn parse_iso_prefix(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()
}
