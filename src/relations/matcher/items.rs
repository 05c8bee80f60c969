//! A sentence as the matcher sees it: items, either words or entities (a mention, or several
//! mentions that share one span, as "both countries" does). A person's office is folded into the
//! person's item ("وزير الدفاع الإسرائيلي بيني غانتس"), with a bracketed abbreviation after it; a
//! company's nationality adjective joins the company; a proclitic on an entity ("وأذربيجان") becomes
//! a word item before it; time phrases and quotation marks are left out.

use std::ops::Range;

use crate::entities::affixes::prefix_variants;
use crate::entities::phrases::PhraseList;
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, EntityType, Form};
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind};
use crate::text::TextDoc;

#[derive(Debug, Clone)]
pub(super) enum ItemKind {
    /// `stems`: the key without Arabic proclitics, computed once per word (see `prefix_variants`).
    Word { key: String, punct: bool, stems: Vec<String> },
    Entity { mentions: Vec<usize> },
}

pub(super) fn word_item(lang: Lang, key: String, punct: bool, tokens: Range<usize>) -> Item {
    let mut stems: Vec<String> = if punct { Vec::new() } else { prefix_variants(lang, &key).into_iter().skip(1).map(|v| v.key).collect() };
    if lang == Lang::Ar && !punct {
        stems.extend(future_stems(&key));
    }
    Item { kind: ItemKind::Word { key, punct, stems }, tokens }
}

/// An Arabic imperfect verb without its future prefix "سـ" (and a conjunction before it): "ستسلم" is
/// "تسلم", "وسيزور" is "يزور". Only cue words get it; names keep their letters ("سوريا").
fn future_stems(key: &str) -> Vec<String> {
    let rest = key.strip_prefix("وس").or_else(|| key.strip_prefix("فس")).or_else(|| key.strip_prefix('س'));
    rest.filter(|r| r.chars().count() >= 3 && r.starts_with(['ي', 'ت', 'ن', 'ا'])).map(|r| vec![r.to_string()]).unwrap_or_default()
}

#[derive(Debug, Clone)]
pub(super) struct Item {
    pub(super) kind: ItemKind,
    /// Token span in the document.
    pub(super) tokens: Range<usize>,
}

/// Arabic prepositions of time (folded) whose noun's possessor is no subject: "بعد سقوط الأسد", "منذ وصول …".
const ARABIC_TIME_PREPOSITIONS: &[&str] = &["بعد", "قبل", "منذ", "عقب", "اثر", "خلال", "اثناء"];

/// Whether the entity at `i` is the possessor of a noun after an Arabic preposition of time ("وبعد سقوط [بشار
/// الأسد]، زار …"): part of that phrase, not the clause's subject.
pub(super) fn after_time_preposition(items: &[Item], i: usize) -> bool {
    let time_preposition = |j: usize| match items.get(j).map(|it| &it.kind) {
        Some(ItemKind::Word { key, stems, punct: false }) => std::iter::once(key).chain(stems).any(|w| ARABIC_TIME_PREPOSITIONS.contains(&w.as_str())),
        _ => false,
    };
    i > 1 && matches!(items[i - 1].kind, ItemKind::Word { punct: false, .. }) && time_preposition(i - 2)
}

/// The key of the item at `i`, if it is a word.
pub(super) fn word_at(items: &[Item], i: usize) -> Option<&str> {
    match items.get(i).map(|it| &it.kind) {
        Some(ItemKind::Word { key, .. }) => Some(key.as_str()),
        _ => None,
    }
}

/// Whether the item at `i` is an entity.
pub(super) fn entity_at(items: &[Item], i: usize) -> bool {
    matches!(items.get(i).map(|it| &it.kind), Some(ItemKind::Entity { .. }))
}

/// How many tokens besides the person, the office and its state an office phrase may hold
/// ("«کریم ولی اف» معاون اول وزیر دفاع و رئیس ستاد کل ارتش جمهوری آذربایجان").
const OFFICE_SLACK: usize = 8;

const ENGLISH_POSSESSIVES: &[&str] = &["his", "her", "its", "their"];

/// English honorifics before a name, as written ("MS" is no honorific).
const ENGLISH_HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr"];

/// A company's nationality adjective: right after its name in Arabic and Persian ("شركة «روكيتسان» التركية",
/// "شرکت آسلسان ترکیه‌ای"), before a company noun before it in English ("the American company Raytheon",
/// "the Turkish defence firm Baykar"), if any.
fn nationality_of_company(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, lang: Lang, in_sentence: &[usize], m: usize) -> Option<usize> {
    let company = entities.entity(&layer.gazetteer, entities.mentions[m].entity);
    if company.kind != EntityType::Organization || company.acts_for_state() || company.is_news_outlet() {
        return None;
    }
    let nationality = |a: usize, at: usize| {
        let adj = &entities.mentions[a];
        (if lang == Lang::En { adj.tokens.end } else { adj.tokens.start }) == at && adj.form == Form::Adjective && entities.entity(&layer.gazetteer, adj.entity).kind == EntityType::Country
    };
    let start = entities.mentions[m].tokens.start;
    if lang == Lang::En {
        // the state an armed group or movement belongs to, as a possessive: "Lebanon's Hezbollah", "Yemen's
        // Houthi rebels" (the group is the party, not the state)
        let possessive = |a: usize| {
            let state = &entities.mentions[a];
            state.tokens.end == start && doc.tokens[state.tokens.end - 1].key.ends_with("'s") && entities.entity(&layer.gazetteer, state.entity).kind == EntityType::Country
        };
        // (a company keeps its state: "Israel's Rafael" names the maker's state too)
        if let Some(a) = in_sentence.iter().copied().find(|&a| possessive(a)).filter(|_| company.acts_for_itself()) {
            return Some(a);
        }
        let noun = (start.saturating_sub(4)..start).find(|&s| layer.company_noun_at(lang, &doc.tokens, s, start) == Some(start))?;
        return in_sentence.iter().copied().find(|&a| nationality(a, noun));
    }
    let mut next = entities.mentions[m].tokens.end;
    if doc.tokens.get(next).is_some_and(Token::is_quote) {
        next += 1;
    }
    // (Persian names a group's own state right after it, as a noun: "حوثی‌های یمن" is Yemen's Houthis, the
    // group the party, as in "Lebanon's Hezbollah")
    let own_state = |a: usize| {
        let state = &entities.mentions[a];
        lang == Lang::Fa && company.acts_for_itself() && state.tokens.start == next && state.form == Form::Name && company.country.as_deref() == Some(entities.entity(&layer.gazetteer, state.entity).id.as_str())
    };
    in_sentence.iter().copied().find(|&a| nationality(a, next) || own_state(a))
}

/// Where an Arabic or Persian company's phrase starts: at the company noun before its quoted name ("شركة «نافانتيا»",
/// "شرکت «آسلسان»"), which the rules then read as part of the name, as they do where the gazetteer lists the
/// noun with it. A noun with a proclitic ("وشركة", "لشركة") is left out, its proclitic being the item's.
fn company_noun_before(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, lang: Lang, floor: usize, m: usize) -> usize {
    let mention = &entities.mentions[m];
    let start = mention.tokens.start;
    let company = entities.entity(&layer.gazetteer, mention.entity);
    if lang == Lang::En || company.kind != EntityType::Organization || company.acts_for_state() || company.is_news_outlet() {
        return start;
    }
    if start <= floor || !doc.tokens[start - 1].is_quote() {
        return start;
    }
    let plain = |s: usize| !doc.tokens[s].key.starts_with(['و', 'ل', 'ب', 'ف', 'ك']);
    (floor.max(start.saturating_sub(4))..start - 1).find(|&s| plain(s) && layer.company_noun_at(lang, &doc.tokens, s, start - 1) == Some(start - 1)).unwrap_or(start)
}

/// The end of a short bracket right after `at` ("(LNA)", "(J-10C)") that names nothing but `named`, if any.
fn bracket_after(doc: &TextDoc, entities: &DocEntities, in_sentence: &[usize], at: usize, end: usize, named: &[usize]) -> Option<usize> {
    if at >= end || doc.tokens[at].key != "(" {
        return None;
    }
    let close = (at + 1..end.min(at + 6)).find(|&t| doc.tokens[t].key == ")")?;
    let inside = |m: &usize| entities.mentions[*m].tokens.start > at && entities.mentions[*m].tokens.end <= close;
    in_sentence.iter().filter(|m| inside(m)).all(|&m| named.contains(&entities.mentions[m].entity)).then_some(close + 1)
}

pub(super) fn build_items(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, time: &PhraseList, lang: Lang, s: usize, tokens: Range<usize>) -> Vec<Item> {
    // spans covered by entities: a person's office joins the person's span
    let mut spans: Vec<(Range<usize>, Vec<usize>, String)> = Vec::new();
    let in_sentence: Vec<usize> = (0..entities.mentions.len()).filter(|&m| entities.mentions[m].sentence == s && !entities.mentions[m].furniture).collect();
    let mut hidden = vec![false; entities.mentions.len()];
    let mut extended: Vec<Option<Range<usize>>> = vec![None; entities.mentions.len()];
    let mut office_proclitic: Vec<Option<String>> = vec![None; entities.mentions.len()];
    for office in entities.offices.iter().filter(|o| o.sentence == s) {
        let person = &entities.mentions[office.person];
        let mut span = person.tokens.start.min(office.tokens.start)..person.tokens.end.max(office.tokens.end);
        if let Some(m) = office.of_mention {
            let of = &entities.mentions[m];
            span = span.start.min(of.tokens.start)..span.end.max(of.tokens.end);
        }
        // "his Eritrean counterpart Isaias Afwerki": the pronoun is the phrase's, so that "Sisi and his
        // counterpart X" stays a list
        let pronoun = office.role == "Counterpart" && span.start > tokens.start && ENGLISH_POSSESSIVES.contains(&doc.tokens[span.start - 1].key.as_str());
        span.start -= usize::from(pronoun);
        // (and so are its modifiers, as the entity layer found them: "met then-Prime Minister Naftali Bennett",
        // "former defence minister X")
        let modifiers = if span.start == office.tokens.start && office.modifiers_start >= tokens.start { office.tokens.start - office.modifiers_start } else { 0 };
        span.start -= modifiers;
        // (the person's other titles and offices between them are parts too: "نظيره الكويتي، النائب الأول لرئيس
        // مجلس الوزراء وزير الدفاع وزير الداخلية الشيخ فهد …")
        let mut titled = person.tokens.start;
        while titled > office.tokens.end {
            match layer.title_before(lang, &doc.tokens, titled, office.tokens.end) {
                Some(t) => titled = t,
                None if layer.is_name_lead_in(lang, &doc.tokens, titled - 1) => titled -= 1,
                None => break,
            }
        }
        let parts = person.tokens.len() + office.tokens.len() + office.of_mention.map_or(0, |m| entities.mentions[m].tokens.len()) + usize::from(pronoun) + modifiers + (person.tokens.start - titled);
        // between them only punctuation, titles and office words (the entity layer checked them)
        if span.len() > parts + OFFICE_SLACK {
            continue; // office and person too far apart to be one phrase
        }
        // a bracketed abbreviation of what the phrase names belongs to it: "Saddam Haftar, the commander of
        // … the Libyan National Army (LNA), held talks …"
        let named: Vec<usize> = std::iter::once(person.entity).chain(office.of_mention.map(|m| entities.mentions[m].entity)).collect();
        if let Some(end) = bracket_after(doc, entities, &in_sentence, span.end, tokens.end, &named) {
            span.end = end;
        }
        for &m in &in_sentence {
            if m != office.person && entities.mentions[m].tokens.start >= span.start && entities.mentions[m].tokens.end <= span.end {
                hidden[m] = true;
            }
        }
        // an apposition after the name ends at its comma, which belongs to it: "Hakan Fidan, Turkey's
        // foreign minister, held talks …" (the subject is followed by its verb)
        let comma_before = person.tokens.end < tokens.end && doc.tokens[person.tokens.end].key == ",";
        // (past the words of the body the office names after its state: "…, chairman of the Kyrgyz | cabinet of ministers,")
        let mut body_end = span.end;
        while comma_before && body_end < tokens.end && doc.tokens[body_end].kind == TokenKind::Word && layer.is_office_word(lang, &doc.tokens[body_end].key) {
            body_end += 1;
        }
        if comma_before && office.tokens.start > person.tokens.start && body_end < tokens.end && doc.tokens[body_end].key == "," {
            span.end = body_end + 1;
        }
        // …and so does a name set off after its office: "Turkey's foreign minister, Hakan Fidan, said …"
        // (a rank may stand between that comma and the name: "…'s armed forces, Gen. Fayyad al-Ruwaili, held …")
        let set_off = person.tokens.start > span.start && (office.tokens.end..person.tokens.start).any(|t| doc.tokens[t].key == ",");
        if set_off && office.tokens.start < person.tokens.start && span.end == person.tokens.end && span.end < tokens.end && doc.tokens[span.end].key == "," {
            span.end += 1;
        }
        let ext = extended[office.person].get_or_insert(span.clone());
        *ext = ext.start.min(span.start)..ext.end.max(span.end);
        if ext.start == office.tokens.start {
            office_proclitic[office.person] = Some(office.proclitic.clone());
        }
    }
    // "Kazakhstan Aviation Industry (KAI) signed …": the bracket is the name's; so is the nationality
    // adjective after a company's name ("شركة روكيتسان التركية": Roketsan, not Turkey, is the party), and a
    // possessive state before a group ("Lebanon's Hezbollah")
    for &m in &in_sentence {
        let mention = &entities.mentions[m];
        if hidden[m] {
            continue;
        }
        // bare titles or ranks before a person (and before the office they were introduced by) are the
        // person's: "his Iranian counterpart, Maj. Gen. Mohammad Bagheri", "ولي العهد رئيس مجلس الوزراء
        // الأمير سلمان", "Crown Prince and Prime Minister Salman" (no other entity inside them)
        if entities.entity(&layer.gazetteer, mention.entity).kind == EntityType::Person {
            let free = |s: usize| !in_sentence.iter().any(|&o| o != m && entities.mentions[o].tokens.start < mention.tokens.start && entities.mentions[o].tokens.end > s);
            let span = extended[m].clone().unwrap_or(mention.tokens.clone());
            let mut start = span.start;
            loop {
                // (and so are honorifics: "Mr Witkoff and Mr Araghchi spoke face to face", "Dr. Larijani")
                let honorific = |k: usize| lang == Lang::En && ENGLISH_HONORIFICS.contains(&&doc.text[doc.tokens[k].start..doc.tokens[k].end]);
                let dot = start > tokens.start + 1 && doc.tokens[start - 1].key == "." && doc.tokens[start - 1].glued;
                if let Some(s) = layer.title_before(lang, &doc.tokens, start, tokens.start).filter(|&s| free(s)) {
                    start = s;
                } else if start > tokens.start && honorific(start - 1) {
                    start -= 1;
                } else if dot && honorific(start - 2) {
                    start -= 2;
                } else if let Some(s) = (lang == Lang::En && start > tokens.start + 1 && doc.tokens[start - 1].key == "and" && start < mention.tokens.start)
                    .then(|| layer.title_before(lang, &doc.tokens, start - 1, tokens.start).filter(|&s| free(s)))
                    .flatten()
                {
                    start = s;
                } else {
                    break;
                }
            }
            // (and so is a state's possessive before titles the loop joined: "and Pakistan's Deputy Prime Minister
            // and Foreign Minister Ishaq Dar", whose office names no state of its own)
            if start < span.start && lang == Lang::En && start > tokens.start {
                let possessive = in_sentence.iter().copied().find(|&o| entities.mentions[o].tokens.end == start && doc.tokens[start - 1].key.ends_with("'s") && entities.entity(&layer.gazetteer, entities.mentions[o].entity).kind == EntityType::Country);
                if let Some(o) = possessive {
                    hidden[o] = true;
                    start = entities.mentions[o].tokens.start;
                }
            }
            if start < span.start {
                extended[m] = Some(start..span.end);
                continue;
            }
        }
        if extended[m].is_some() {
            continue;
        }
        let noun = company_noun_before(doc, entities, layer, lang, tokens.start, m);
        if let Some(adjective) = nationality_of_company(doc, entities, layer, lang, &in_sentence, m) {
            hidden[adjective] = true;
            let a = &entities.mentions[adjective].tokens;
            extended[m] = Some(noun.min(a.start)..mention.tokens.end.max(a.end));
            continue;
        }
        if noun < mention.tokens.start {
            extended[m] = Some(noun..mention.tokens.end);
            continue;
        }
        // a weapon noun inside a system's name stays a word the rules see: "bought Shaurya missiles"
        // (Arabic rules take "منظومة إس 400" whole)
        if lang != Lang::Ar && entities.entity(&layer.gazetteer, mention.entity).kind == EntityType::WeaponSystem {
            if let Some(noun) = layer.weapon_noun_in_name(lang, &doc.tokens, mention.tokens.clone()) {
                extended[m] = Some(if noun.start == mention.tokens.start { noun.end..mention.tokens.end } else { mention.tokens.start..noun.start });
                continue;
            }
        }
        // (past the closing quotation mark of a quoted name: "«شرکت صنایع نظامی عربستان» (سامی)")
        let quoted = mention.tokens.end < tokens.end && doc.tokens[mention.tokens.end].is_quote();
        if let Some(end) = bracket_after(doc, entities, &in_sentence, mention.tokens.end + usize::from(quoted), tokens.end, &[mention.entity]) {
            for &inner in &in_sentence {
                if entities.mentions[inner].tokens.start >= mention.tokens.end && entities.mentions[inner].tokens.end <= end {
                    hidden[inner] = true;
                }
            }
            extended[m] = Some(mention.tokens.start..end);
        }
    }
    for &m in &in_sentence {
        if hidden[m] {
            continue;
        }
        let mention = &entities.mentions[m];
        let span = extended[m].clone().unwrap_or(mention.tokens.clone());
        let proclitic = match &office_proclitic[m] {
            Some(p) => p.clone(),
            None if span.start == mention.tokens.start => mention.proclitic.clone(),
            None => String::new(),
        };
        match spans.iter_mut().find(|(sp, _, _)| *sp == span) {
            Some((_, ms, _)) => ms.push(m),
            None => spans.push((span, vec![m], proclitic)),
        }
    }
    spans.sort_by_key(|(sp, _, _)| (sp.start, std::cmp::Reverse(sp.end)));
    // one thing named twice in a row is one item: "«كاراكال H225M»", "إف-16 (F-16)" without the brackets
    let same = |a: &[usize], b: &[usize]| a.iter().any(|&x| b.iter().any(|&y| entities.mentions[x].entity == entities.mentions[y].entity));
    let mut k = 1;
    while k < spans.len() {
        if spans[k].0.start == spans[k - 1].0.end && same(&spans[k - 1].1, &spans[k].1) {
            let (next, mentions, _) = spans.remove(k);
            spans[k - 1].0.end = next.end;
            spans[k - 1].1.extend(mentions);
        } else {
            k += 1;
        }
    }
    // (a time phrase between commas takes them along: "اشترت أذربيجان، الثلاثاء، طائرات")
    let comma = |t: usize| tokens.contains(&t) && is_comma(&doc.tokens[t].key);
    let times: Vec<Range<usize>> = time
        .find(lang, &doc.tokens, tokens.clone())
        .into_iter()
        .filter(|p| !spans.iter().any(|(sp, _, _)| sp.start < p.end && p.start < sp.end))
        .map(|p| if p.start > 0 && comma(p.start - 1) && comma(p.end) { p.start - 1..p.end + 1 } else { p })
        .collect();
    let mut items = Vec::new();
    let mut t = tokens.start;
    let mut next_span = 0;
    while t < tokens.end {
        while next_span < spans.len() && spans[next_span].0.start < t {
            next_span += 1; // overlapped by an earlier span
        }
        if next_span < spans.len() && spans[next_span].0.start == t {
            let (span, mentions, proclitic) = spans[next_span].clone();
            // the proclitic's letters live in the entity's first token, which they point at
            for c in proclitic.chars() {
                items.push(word_item(lang, c.to_string(), false, span.start..span.start + 1));
            }
            t = span.end.min(tokens.end);
            items.push(Item { kind: ItemKind::Entity { mentions }, tokens: span });
            next_span += 1;
            continue;
        }
        // time phrases carry no relation: "has in recent years bought", "أعلنت أذربيجان يوم الاثنين أنها"
        if let Some(phrase) = times.iter().find(|p| p.start == t) {
            t = phrase.end;
            continue;
        }
        // nor does "each of" before a list that is a subject: "وكانت كل من الأردن وتركيا والعراق قد أعلنت دعمها"
        // (but "وكل من" sets a list against one state: "بين أنقرة وكل من أثينا والقاهرة")
        let each_of = lang == Lang::Ar && doc.tokens[t].key == "كل" && doc.tokens.get(t + 1).is_some_and(|n| n.key == "من") && spans.get(next_span).is_some_and(|(sp, _, _)| sp.start == t + 2);
        if each_of && !(t > tokens.start && doc.tokens[t - 1].key == "بين") {
            t += 2;
            continue;
        }
        // nor does "فيه" of "at a time when" between a verb and its subject: "في وقت تعتمد فيه القاهرة على واردات الغاز"
        let at_a_time = items.len() >= 2 && matches!(&items[items.len() - 2].kind, ItemKind::Word { key, .. } if key == "وقت" || key == "الوقت") && matches!(items.last().map(|it| &it.kind), Some(ItemKind::Word { punct: false, .. }));
        if lang == Lang::Ar && at_a_time && matches!(doc.tokens[t].key.as_str(), "فيه" | "فيها") && spans.get(next_span).is_some_and(|(sp, _, _)| sp.start == t + 1) {
            t += 1;
            continue;
        }
        // nor does an age between commas after a name: "Olimpi Toirovich, 28, Mahmoud Jalalov, 28, and …"
        let after_entity = items.last().is_some_and(|it: &Item| matches!(it.kind, ItemKind::Entity { .. }));
        if after_entity && comma(t) && doc.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Number) && comma(t + 2) {
            t += 2;
            continue;
        }
        let token = &doc.tokens[t];
        // quotation marks carry nothing a rule needs and would break lists: “إسرائيل” وأذربيجان
        let quote = token.is_quote();
        if !quote {
            items.push(word_item(lang, token.key.clone(), token.kind == TokenKind::Punct, t..t + 1));
        }
        t += 1;
    }
    // a headline ends without a full stop; rules that end on one ("… treaty.") still reach its end
    let last = tokens.end.checked_sub(1).filter(|&l| l >= tokens.start);
    if let Some(l) = last.filter(|&l| doc.tokens[l].kind != TokenKind::Punct) {
        items.push(word_item(lang, ".".to_string(), true, l..l + 1));
    }
    items
}

pub(super) fn is_comma(key: &str) -> bool {
    key == "," || key == "،"
}
