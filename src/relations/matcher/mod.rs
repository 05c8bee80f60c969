//! Applies relation patterns to the sentences of a document.
//!
//! A sentence is first turned into items (`items`): words, and entities, a person's office folded into
//! the person's item so that the adjective inside an office is not taken for an actor of its own. It is
//! read as written and in further readings (`readings`): without its asides, with a dropped subject.
//!
//! Rules are then matched item by item with backtracking; gaps try the shortest skip first, so the
//! nearest fitting entity fills a slot. A slot takes a list of entities joined by commas and "and".

mod asides;
mod items;
mod readings;

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use super::pattern::{CueForms, Element, FormFilter, Rule, Slot, SlotRole};
use items::{Item, ItemKind, after_time_preposition, build_items, is_comma, word_at};
use asides::{aside_ranges, without_asides};
use readings::{with_accused_subject, with_class_examples, with_coordinated_subject, with_dropped_subject, with_joined_verb_subject, with_object_clitic, with_participle_subject, with_person_clitic, with_relative_subject};
use super::{Modality, Relation, RelationLayer, RelationMention, TextSpan};
use crate::entities::affixes::prefix_variants;
use crate::entities::recognize::EntityLayer;
use crate::entities::phrases::PhraseList;
use crate::entities::{DocEntities, EntityType, Form};
use crate::text::lang::Lang;
use crate::text::TextDoc;
use crate::text::token::Token;

/// Prepositions (folded): an entity right after one is inside a prepositional phrase ("در جنگ با
/// روسیه", "with Russia"), so it is never the subject of a clause unless a rule puts the preposition
/// there itself, and it does not stand in the way of a nearer subject.
pub(super) const PREPOSITIONS: &[&str] = &[
    "با", "به", "از", "در", "بر", "براي", "عليه", "ميان", "مع", "من", "في", "الي", "علي", "عن", "ب", "ل", "ضد", "لدي", "بين", "with", "from", "to", "in",
    "on", "at", "by", "against", "for", "into", "between", "among",
    // what a dispute is over: "بر سر اوستیای جنوبی", "over Karabakh", "حول سد النهضة"
    "سر", "over", "حول", "بشان",
    // the last word of "besides"/"like" phrases: "الجزایر در کنار روسیه از چین … سلاح می‌خرد" (Algeria,
    // besides Russia, buys from China), "إلى جانب روسيا", "على غرار مصر", "به جز ترکیه"
    "كنار", "جز", "جانب", "غرار", "خلاف", "besides", "alongside", "unlike", "like", "than", "except", "مانند", "مثل", "همچون", "همانند",
    // a maker after "made": "ارتش پاکستان پهپادهای ساخت ترکیه را خریده است" (Turkey is no buyer)
    "ساخت",
];

fn is_possessive(ctx: &Ctx, i: usize) -> bool {
    let Some(item) = ctx.items.get(i) else { return false };
    ctx.doc.tokens.get(item.tokens.end.saturating_sub(1)).is_some_and(|t| t.key.ends_with("'s") || t.key.ends_with("’s"))
}

/// English nouns of people a participle after a possessive describes ("the PKK's jailed founder").
const PEOPLE_NOUNS: &[&str] = &["founder", "founders", "leader", "leaders", "chief", "head", "commander", "commanders", "member", "members", "nationals", "citizens", "journalists", "soldiers", "officers", "officials", "activists", "dissidents", "figures", "fighters", "militants", "staff"];

/// Whether the cue at items `i..end` is an English past participle between a possessive and a noun of
/// people, which it describes: "the group's jailed founder" is no arrest by the group.
fn attributive_participle(ctx: &Ctx, i: usize, end: usize) -> bool {
    ctx.lang == Lang::En
        && i > 0
        && end == i + 1
        && is_possessive(ctx, i - 1)
        && word_at(&ctx.items, i).is_some_and(|w| w.ends_with("ed"))
        // (the noun may open an item of its own: "jailed [founder, Abdullah Ocalan,]")
        && ctx.items.get(end).is_some_and(|it| PEOPLE_NOUNS.contains(&ctx.doc.tokens[it.tokens.start].key.as_str()))
}

/// "Between" (folded): a list after it is the pair the sentence relates ("the agreement between
/// Turkey and Kazakhstan covers joint exercises").
const BETWEEN: &[&str] = &["بين", "ميان", "مابين", "between", "among"];

/// Relative pronouns (folded): "from Azerbaijan, which buys …" makes Azerbaijan a subject again.
const RELATIVES: &[&str] = &["which", "who", "that", "كه", "التي", "الذي", "الذين", "اللذين"];

/// Whether item `i` is an entity inside a prepositional phrase. An English possessive is not ("in
/// response to Armenia's attack": Armenia attacks), nor an entity that a relative clause follows.
fn after_preposition(ctx: &Ctx, i: usize) -> bool {
    let word = |j: usize| word_at(&ctx.items, j).unwrap_or("");
    if i >= ctx.items.len() {
        return false;
    }
    let possessive = is_possessive(ctx, i);
    let relative = RELATIVES.contains(&word(i + 1)) || (word(i + 1) == "," && RELATIVES.contains(&word(i + 2)));
    // (a Persian possessor of the noun after the preposition is inside it too: "با اطلاع [سازمان سیا]",
    // "با کمک روسیه"; so is an Arabic one after a preposition of time: "وبعد سقوط [بشار الأسد]، زار …")
    let possessor = match ctx.lang {
        Lang::Fa => i > 1 && PERSIAN_ADVERBIAL_NOUNS.contains(&word(i - 1)) && PREPOSITIONS.contains(&word(i - 2)),
        Lang::Ar => after_time_preposition(&ctx.items, i),
        Lang::En => false,
    };
    i > 0 && !possessive && !relative && (possessor || PREPOSITIONS.contains(&word(before_article(ctx, i))))
}

/// Persian nouns (folded) of an adverbial "preposition + noun + possessor": "با اطلاع X" (with X's knowledge),
/// "با کمک X", "به درخواست X".
const PERSIAN_ADVERBIAL_NOUNS: &[&str] = &["اطلاع", "كمك", "حمايت", "حضور", "دعوت", "ميانجيگري", "درخواست", "دستور", "نظارت", "هماهنگي", "پشتيباني", "موافقت", "اجازه"];

/// Whether item `i` is an entity whose mentions all name entities of `kind`.
fn names_only(ctx: &Ctx, i: usize, kind: EntityType) -> bool {
    matches!(ctx.items.get(i).map(|it| &it.kind), Some(ItemKind::Entity { mentions }) if mentions.iter().all(|&m| ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind == kind))
}

/// Whether item `i` names the country of a city just before it ("در شهر کازان روسیه", "in Kazan, Russia"): it
/// places the city, like the preposition before it, and is no party.
fn country_of_city_before(ctx: &Ctx, i: usize) -> bool {
    let mentions_at = |k: usize| match ctx.items.get(k).map(|it| &it.kind) {
        Some(ItemKind::Entity { mentions }) => mentions.as_slice(),
        _ => &[],
    };
    let entity = |m: &usize| ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[*m].entity);
    let city = if word_at(&ctx.items, i.wrapping_sub(1)).is_some_and(is_comma) { i.wrapping_sub(2) } else { i.wrapping_sub(1) };
    let in_city = |country: &str| mentions_at(city).iter().map(entity).any(|e| e.kind == EntityType::City && e.country.as_deref() == Some(country));
    mentions_at(i).iter().map(entity).any(|c| c.kind == EntityType::Country && in_city(&c.id))
}

/// The item before `i`, past an English article ("at the International Court of Justice accusing Israel",
/// "between the US and Iran"), except before a compound's head, which modifies the noun after it ("against
/// the Iran-backed Houthis").
fn before_article(ctx: &Ctx, i: usize) -> usize {
    if i > 1 && word_at(&ctx.items, i - 1) == Some("the") && !is_compound_head(ctx, i) {
        i - 2
    } else {
        i.wrapping_sub(1)
    }
}

/// Second halves of English compounds that make their first half a body's leader ("the Russian-led CSTO").
const LED: &[&str] = &["led", "dominated", "controlled", "run", "headed"];

/// Words that join the members of a list ("Israel and the United States").
const LIST_JOINERS: &[&str] = &[",", "و", "and", "&", "the"];

/// Adverbs of sequence after a list's "and" (folded): "with Pezeshkian and then with Khamenei", "با
/// پزشکیان و سپس با خامنه‌ای", "مع السيسي ثم مع مدبولي".
const SEQUENCE_ADVERBS: &[&str] = &["then", "later", "also", "subsequently", "سپس", "بعد", "همچنین", "نيز", "ثم", "بعدها", "كذلك", "ايضا"];

struct Ctx<'a> {
    doc: &'a TextDoc,
    entities: &'a DocEntities,
    layer: &'a EntityLayer,
    relations: &'a RelationLayer,
    lang: Lang,
    items: Vec<Item>,
    /// Items that begin another clause ("but", "اما"): strict gaps and guards stop there.
    boundaries: Vec<bool>,
    /// The asides of the sentence as written (none in further readings): a gap that starts inside one
    /// does not leave it ("مصر، که … با ادیس‌آبابا اختلاف دارد، به متحد تازه سومالی تبدیل شد" is Egypt's).
    asides: Vec<Range<usize>>,
    /// Per cue class, its match at each item: computed once per sentence, when first needed.
    cues: RefCell<HashMap<usize, Rc<Vec<Option<(usize, bool)>>>>>,
}

impl Ctx<'_> {
    fn cue_matches(&self, id: usize, forms: &CueForms) -> Rc<Vec<Option<(usize, bool)>>> {
        if let Some(m) = self.cues.borrow().get(&id) {
            return m.clone();
        }
        let matches = Rc::new((0..self.items.len()).map(|i| match_cue(self, forms, i)).collect::<Vec<_>>());
        self.cues.borrow_mut().insert(id, matches.clone());
        matches
    }

    /// Whether every obligatory cue of the rule occurs somewhere in the sentence.
    fn may_match(&self, rule: &Rule) -> bool {
        rule.elements.iter().all(|e| match e {
            Element::Cue { id, forms, optional: false, .. } => self.cue_matches(*id, forms).iter().any(Option::is_some),
            _ => true,
        })
    }
}

/// An entity bound to a slot, with the span it was named by.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bound {
    entity: usize,
    start: usize,
    end: usize,
    coreference: bool,
    adjective: bool,
    /// Named by its armed force ("the Emirati navy").
    military: bool,
}

#[derive(Debug, Clone, Default)]
struct Bindings {
    subjects: Vec<Bound>,
    objects: Vec<Bound>,
    pairs: Vec<Bound>,
    /// Token span of the relation's cue: the first obligatory `@class` cue, else the first
    /// obligatory word ("با" in "X با Y هیچ همکاری نظامی ندارد" is no cue to negate).
    cue: Option<Range<usize>>,
    cue_literal: bool,
    negative_prefix: bool,
    gap_words: usize,
    /// The item right after the last cue matched: a slot there follows a cue.
    after_cue: Option<usize>,
}

pub fn extract(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, relations: &RelationLayer) -> Vec<RelationMention> {
    let mut out = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let paragraph = &doc.paragraphs[sentence.paragraph];
        if paragraph.furniture {
            continue;
        }
        let Some(lang) = paragraph.lang.or(doc.body_lang()) else { continue };
        let items = build_items(doc, entities, layer, &relations.time, lang, s, sentence.tokens.clone());
        if !items.iter().any(|i| matches!(i.kind, ItemKind::Entity { .. })) {
            continue;
        }
        // the sentence as written, then without its asides ("أرمينيا، التي تعد حليفة لموسكو، تشتري …"
        // is also read "أرمينيا تشتري …"): what the aside says is found in the first reading
        let without_asides = without_asides(doc, relations, lang, &items);
        // …and an Arabic sentence that opens with its verb and drops the subject ("والتقى خلال الزيارة
        // نظيره …") once more with the previous sentence's first actor before it
        let dropped_subject = with_dropped_subject(doc, entities, layer, lang, s, &items);
        // …and a participle clause with the sentence's subject ("Kazakhstan …, buying drones from China", "…، متهما إسرائيل")
        let participle_subject = with_participle_subject(doc, relations, lang, &items);
        // …and a Persian clause joined by "و" that opens with its object ("… و واشنگتن را … متهم کرد")
        let coordinated_subject = with_coordinated_subject(lang, &items);
        // …and an Arabic clause joined by "و" with its verb and no subject ("… واشترت طائرات من باكستان"), read
        // without the asides where it can be, whose names are no part of the subject ("Minsk, Moscow's closest ally, … and
        // now hosts …"), else as written
        let joined_verb_subject = without_asides.as_deref().and_then(|w| with_joined_verb_subject(doc, entities, relations, lang, w)).or_else(|| with_joined_verb_subject(doc, entities, relations, lang, &items));
        // …and an Arabic state's pronoun on a verb or preposition read as the state ("زودتها" "زودت الجزائر")
        let object_clitic = with_object_clitic(entities, layer, relations, lang, &items);
        // …and an Arabic man's pronoun on a verb read as the person named last ("والتقاه" "التقى عون")
        let person_clitic = with_person_clitic(entities, layer, relations, lang, &items);
        // …and an English relative clause with the names before it as its subject ("Turkey, whose relations …")
        let relative_subject = with_relative_subject(lang, &items);
        // …and a class noun replaced by the examples named after it ("armed groups such as Hezbollah")
        let class_examples = with_class_examples(lang, &items);
        // …and a Persian charge in a clause read with the accused as its subject ("X را متهم کرد که …")
        let accused_subject = with_accused_subject(lang, &items);
        let mut found_here: Vec<RelationMention> = Vec::new();
        for (second, items) in std::iter::once(items).chain(without_asides).chain(dropped_subject).chain(participle_subject).chain(coordinated_subject).chain(joined_verb_subject).chain(object_clitic).chain(person_clitic).chain(relative_subject).chain(class_examples).chain(accused_subject).enumerate().map(|(n, it)| (n > 0, it)) {
            // (for whoever writes rules: each reading of the sentence as the rules see it, on stderr)
            if std::env::var_os("KHABAR_DEBUG_ITEMS").is_some() {
                let show: Vec<String> = items.iter().map(|it| match &it.kind { ItemKind::Word { key, .. } => key.clone(), ItemKind::Entity { .. } => format!("[{}]", doc.tokens[it.tokens.clone()].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ")) }).collect();
                eprintln!("{}: {}", if second { "reading" } else { "items" }, show.join(" "));
            }
            let boundaries = items.iter().map(|it| relations.modality.is_boundary(lang, &doc.tokens, it.tokens.start)).collect();
            let asides = if second { Vec::new() } else { aside_ranges(doc, relations, lang, &items) };
            let ctx = Ctx { doc, entities, layer, relations, lang, items, boundaries, asides, cues: RefCell::new(HashMap::new()) };
            let mut reading = Vec::new();
            for rule in relations.rules.rules.iter().filter(|r| r.lang == lang && ctx.may_match(r)) {
                for start in 0..ctx.items.len() {
                    let mut found = None;
                    match_elements(&ctx, rule, 0, start, Bindings::default(), &mut found);
                    if let Some(b) = found {
                        emit(&ctx, relations, rule, s, b, &mut reading);
                    }
                }
            }
            // (the second reading adds only what the first did not find)
            let known = |m: &RelationMention| found_here.iter().any(|f| f.relation == m.relation && f.subject == m.subject && f.object == m.object);
            let added: Vec<RelationMention> = reading.into_iter().filter(|m| !second || !known(m)).collect();
            found_here.extend(added);
        }
        // relations named in a sentence that calls them tense are no cooperation ("وتدهورت علاقات تركيا مع إسرائيل",
        // "تتسم علاقات دوشنبه بكابل بالتوتر")
        let pair = |m: &RelationMention| (m.subject.min(m.object), m.subject.max(m.object));
        let tense: Vec<(usize, usize)> = found_here.iter().filter(|m| m.relation == Relation::HasTensionsWith && m.modality != Modality::Negated).map(pair).collect();
        found_here.retain(|m| m.relation != Relation::CooperatesWith || !tense.contains(&pair(m)));
        // (…and states agreeing on a step the sentence names as military cooperate militarily, not in general: "اتفقت تركيا
        // وجورجيا وأذربيجان على التعاون في إنشاء قوات عسكرية")
        let military: Vec<(usize, usize)> = found_here.iter().filter(|m| m.relation == Relation::CooperatesMilitarilyWith && m.modality != Modality::Negated).map(pair).collect();
        found_here.retain(|m| !(m.relation == Relation::CooperatesWith && m.rule.starts_with("agreed-") && military.contains(&pair(m))));
        out.extend(found_here);
    }
    out
}

/// Depth-first match of `rule.elements[e..]` from item `i`; the first complete match is kept.
fn match_elements(ctx: &Ctx, rule: &Rule, e: usize, i: usize, b: Bindings, found: &mut Option<Bindings>) {
    if found.is_some() {
        return;
    }
    let Some(element) = rule.elements.get(e) else {
        // a match that relates nothing the relation allows is no match: keep looking
        if relates_something(ctx, rule, &b) {
            *found = Some(b);
        }
        return;
    };
    match element {
        Element::Gap { max: n, strict } => {
            // a slot right before the gap takes the nearest entity: the gap may not skip another
            // one that slot would accept ("after Aliyev's trip, Fidan met Bayramov": Fidan met)
            let previous_slot = e.checked_sub(1).and_then(|p| match &rule.elements[p] {
                Element::Slot(s) => Some(s),
                _ => None,
            });
            let mut j = i;
            // (a gap right after a slot bound inside an aside, unless a cue of the rule inside the aside led
            // there: "the delegation, which also included Defence Minister X, … visit Amman")
            let cue_in = |r: &Range<usize>| b.after_cue.is_some_and(|c| r.start < c && c <= i);
            let aside_end = previous_slot.and_then(|_| ctx.asides.iter().find(|r| r.start < i && i < r.end && !cue_in(r))).map(|r| r.end - 1);
            // …nor does one from outside end inside a Persian relative clause that opens with a subject of its own:
            // "ایران، که آمریکا آن را … متهم کرده است، …" is no accusation of Iran's
            // (with or without a comma before "که": "ایران که آمریکا آن را …")
            let own_subject = |k: usize| word_at(&ctx.items, k) == Some("كه") && items::entity_at(&ctx.items, k + 1);
            let relative_head = previous_slot.filter(|_| ctx.lang == Lang::Fa).and_then(|_| (i..ctx.items.len()).find(|&k| own_subject(k)));
            for skipped in 0..=*n {
                if aside_end.is_some_and(|e| j >= e) || relative_head.is_some_and(|k| j > k) {
                    return;
                }
                match_elements(ctx, rule, e + 1, j, Bindings { gap_words: b.gap_words + skipped, ..b.clone() }, found);
                if found.is_some() || j >= ctx.items.len() || is_clause_break(&ctx.items[j]) {
                    return;
                }
                if previous_slot.is_some_and(|s| !after_preposition(ctx, j) && !accepts(ctx, s, &ctx.items[j]).is_empty() && !country_of_city_before(ctx, j)) {
                    return;
                }
                if *strict && (ctx.boundaries[j] || takes_unbound(ctx, rule, &b, &ctx.items[j])) {
                    return;
                }
                j += 1;
            }
        }
        Element::Cue { id, forms, optional, literal, .. } => {
            if let Some((end, negative)) = ctx.cue_matches(*id, forms).get(i).copied().flatten().filter(|&(end, _)| !attributive_participle(ctx, i, end)) {
                let mut nb = b.clone();
                if !optional && (nb.cue.is_none() || nb.cue_literal && !literal) {
                    nb.cue = Some(ctx.items[i].tokens.start..ctx.items[end - 1].tokens.end);
                    nb.cue_literal = *literal;
                }
                // a Persian verb negates the statement whichever cue it is ("از اسرائیل پهپاد نخرید")
                nb.negative_prefix |= negative;
                nb.after_cue = Some(end);
                match_elements(ctx, rule, e + 1, end, nb, found);
            }
            if *optional {
                match_elements(ctx, rule, e + 1, i, b, found);
            }
        }
        Element::NoEntityWithin(n) => {
            let mut ahead = (i..ctx.items.len()).take(*n).take_while(|&j| !is_clause_break(&ctx.items[j]) && !ctx.boundaries[j]);
            if !ahead.any(|j| takes_unbound(ctx, rule, &b, &ctx.items[j])) {
                match_elements(ctx, rule, e + 1, i, b, found);
            }
        }
        Element::Entity { types, state, optional } => {
            let fits = matches!(ctx.items.get(i).map(|it| &it.kind), Some(ItemKind::Entity { mentions })
                if mentions.iter().any(|&m| types.contains(&ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind)
                    || *state && state_of(ctx, m).is_some()));
            if fits {
                match_elements(ctx, rule, e + 1, i + 1, b.clone(), found);
            }
            if *optional {
                match_elements(ctx, rule, e + 1, i, b, found);
            }
        }
        Element::Slot(slot) => {
            // a state's possessive before a body the slot takes is that body's ("produced by Iran's Qods Aviation
            // Industries", "bought from Turkey's Baykar"): the body fills the slot
            let possessive_of_body = ctx.lang == Lang::En && slot.types.contains(&EntityType::Organization) && is_possessive(ctx, i)
                && names_only(ctx, i, EntityType::Country) && names_only(ctx, i + 1, EntityType::Organization);
            let i = if possessive_of_body { i + 1 } else { i };
            let cue_before = b.after_cue == Some(i);
            // a subject, or the list that is the subject of a plural clause, is not inside a
            // prepositional phrase ("درباره روابط ترکیه و آذربایجان گفتگو کردند")
            let pair_ok = slot.role == SlotRole::Pair && i > 0 && matches!(&ctx.items[before_article(ctx, i)].kind, ItemKind::Word { key, .. } if BETWEEN.contains(&key.as_str()));
            if slot.role != SlotRole::Object && !cue_before && !pair_ok && after_preposition(ctx, i) {
                return;
            }
            // …nor a person after "of": "the son of Khalifa Haftar, …, met …" is the son's act
            let of_person = i > 0 && word_at(&ctx.items, i - 1) == Some("of") && names_only(ctx, i, EntityType::Person);
            if slot.role == SlotRole::Subject && !cue_before && of_person {
                return;
            }
            if let Some((end, bound)) = match_slot(ctx, rule, slot, i, cue_before) {
                if (slot.role == SlotRole::Pair || slot.form == FormFilter::List) && bound.len() < 2 {
                    return;
                }
                if slot.form == FormFilter::Counterpart && !(i..end).any(|j| has_counterpart(ctx, &ctx.items[j])) {
                    return;
                }
                // a name that is the first half of a compound modifies what follows ("the U.N.-recognized
                // GNA"): it is an argument only where the rule goes on with the compound ("Iran - @backed");
                // an adjective is one anyway ("Turkish-made drones sent to Azerbaijan"), but not the leader of a
                // body as an object ("accused the Russian-led CSTO": the CSTO is accused)
                let led = slot.role == SlotRole::Object && word_at(&ctx.items, end + 1).is_some_and(|w| LED.contains(&w));
                let name = matches!(&ctx.items[end - 1].kind, ItemKind::Entity { mentions } if mentions.iter().all(|&m| ctx.entities.mentions[m].form == Form::Name || led));
                if name && is_compound_head(ctx, end - 1) && !matches!(rule.elements.get(e + 1), Some(Element::Cue { .. })) {
                    return;
                }
                let mut nb = b.clone();
                match slot.role {
                    SlotRole::Subject => nb.subjects = bound,
                    SlotRole::Object => nb.objects = bound,
                    SlotRole::Pair => nb.pairs = bound,
                }
                match_elements(ctx, rule, e + 1, end, nb, found);
            }
        }
    }
}

/// Whether a slot of the rule would take an entity of `item` that is not bound yet.
fn takes_unbound(ctx: &Ctx, rule: &Rule, b: &Bindings, item: &Item) -> bool {
    let bound = |e: usize| b.subjects.iter().chain(&b.objects).chain(&b.pairs).any(|x| x.entity == e);
    rule.elements.iter().any(|e| match e {
        Element::Slot(slot) => accepts(ctx, slot, item).iter().any(|x| !bound(x.entity)),
        _ => false,
    })
}

/// Whether the bindings give at least one pair of distinct entities of the relation's types.
fn relates_something(ctx: &Ctx, rule: &Rule, b: &Bindings) -> bool {
    let info = rule.relation.info();
    let kind = |e: usize| ctx.entities.entity(&ctx.layer.gazetteer, e).kind;
    let fits = |s: &Bound, o: &Bound| s.entity != o.entity && info.subjects.contains(&kind(s.entity)) && info.objects.contains(&kind(o.entity));
    if b.pairs.is_empty() {
        b.subjects.iter().any(|s| b.objects.iter().any(|o| fits(s, o)))
    } else {
        b.pairs.iter().enumerate().any(|(x, p)| b.pairs[x + 1..].iter().any(|q| fits(p, q) || fits(q, p)))
    }
}

fn is_clause_break(item: &Item) -> bool {
    // brackets are no break: "زار غانتس باكو في يونيو (حزيران) حيث التقى …"
    matches!(&item.kind, ItemKind::Word { key, punct: true, .. } if matches!(key.as_str(), ";" | ":"))
}

/// Matches the longest of the cue forms at item `i`: returns the item after it and whether the
/// first word carried a Persian negative prefix.
fn match_cue(ctx: &Ctx, forms: &CueForms, i: usize) -> Option<(usize, bool)> {
    let mut best: Option<(usize, bool)> = None;
    if let Some(Item { kind: ItemKind::Entity { mentions }, tokens }) = ctx.items.get(i) {
        return event_as_cue(ctx, forms, mentions, tokens.clone()).then_some((i + 1, false));
    }
    let Some(Item { kind: ItemKind::Word { key, stems, .. }, .. }) = ctx.items.get(i) else { return None };
    let candidates = std::iter::once(key).chain(stems).flat_map(|k| forms.candidates(k));
    'forms: for form in candidates {
        if best.is_some_and(|(end, _)| end >= i + form.len()) {
            continue;
        }
        let mut negative = false;
        for (k, word) in form.iter().enumerate() {
            let Some(Item { kind: ItemKind::Word { key, stems, .. }, .. }) = ctx.items.get(i + k) else { continue 'forms };
            let prefix = match word.matches(key) {
                Some(p) => p,
                None if k == 0 => match stems.iter().find_map(|s| word.matches(s)) {
                    Some(p) => p,
                    None => continue 'forms,
                },
                None => continue 'forms,
            };
            if k == 0 && ctx.lang == Lang::Fa && (prefix == "ن" || prefix == "نمي") {
                negative = true;
            }
        }
        best = Some((i + form.len(), negative));
    }
    best
}

/// A named event whose name holds a one-word cue stands for that cue: "signed the Strategic Mutual
/// Defence Agreement", "وقعتا إعلان شوشا".
fn event_as_cue(ctx: &Ctx, forms: &CueForms, mentions: &[usize], tokens: Range<usize>) -> bool {
    let event = mentions.iter().any(|&m| ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind == EntityType::Event);
    event
        && ctx.doc.tokens[tokens].iter().any(|t| {
            prefix_variants(ctx.lang, &t.key).iter().any(|v| forms.candidates(&v.key).any(|f| f.len() == 1 && f[0].matches(&v.key).is_some()))
        })
}

/// The entities an item offers to a slot.
fn accepts(ctx: &Ctx, slot: &Slot, item: &Item) -> Vec<Bound> {
    let ItemKind::Entity { mentions } = &item.kind else { return Vec::new() };
    let gazetteer = &ctx.layer.gazetteer;
    let (start, end) = (ctx.doc.tokens[item.tokens.start].start, ctx.doc.tokens[item.tokens.end - 1].end);
    let mut out = Vec::new();
    for &m in mentions {
        let mention = &ctx.entities.mentions[m];
        match slot.form {
            FormFilter::Adjective if mention.form != Form::Adjective => continue,
            FormFilter::Name if mention.form == Form::Adjective => continue,
            FormFilter::Reference if mention.form != Form::Coreference => continue,
            _ => {}
        }
        let entity = ctx.entities.entity(gazetteer, mention.entity);
        if !slot.outlets && entity.is_source() || slot.companies_only && entity.kind == EntityType::Organization && !entity.is_company() {
            continue;
        }
        // a ministry or army acting for its state is the state ("the Azerbaijani foreign ministry
        // accused Iran": Azerbaijan accuses Iran), even where the slot also takes organisations;
        // so is an official, unless the relation is personal (meetsWith, visits)
        let acting = entity.kind == EntityType::Organization || entity.kind == EntityType::Person && slot.officials_as_state;
        let acts_for_state = acting && slot.state && slot.types.contains(&EntityType::Country);
        // a place attacked is its country's ("Iranian missile strikes on Erbil": Iran and Iraq)
        let place = matches!(entity.kind, EntityType::City | EntityType::Region) && slot.places_as_state && !slot.types.contains(&entity.kind);
        let of_place = place.then(|| state_of(ctx, m).or_else(|| gazetteer.country_of(entity))).flatten();
        let energy_company = slot.energy_companies_as_state && entity.kind == EntityType::Organization && entity.role.as_deref().is_some_and(|r| r.contains("energy company") || r.contains("oil company") || r.contains("gas company"));
        let of_place = of_place.or_else(|| energy_company.then(|| gazetteer.country_of(entity)).flatten());
        let resolved = match (acts_for_state.then(|| state_of(ctx, m)).flatten().or(of_place), slot.types.contains(&entity.kind)) {
            (Some(state), _) => Some(state),
            (None, true) => Some(mention.entity),
            (None, false) if slot.state && slot.types.contains(&EntityType::Country) => state_of(ctx, m),
            _ => None,
        };
        if let Some(e) = resolved {
            if !out.iter().any(|b: &Bound| b.entity == e) {
                let military = entity.is_armed_force() && e != mention.entity;
                out.push(Bound { entity: e, start, end, coreference: mention.form == Form::Coreference, adjective: mention.form == Form::Adjective, military });
            }
        }
    }
    out
}

/// The state a mention stands for: a capital's country, a ministry's or army's state, an official's
/// state (by the office stated in this document, else the gazetteer's knowledge).
fn state_of(ctx: &Ctx, m: usize) -> Option<usize> {
    let gazetteer = &ctx.layer.gazetteer;
    let mention = &ctx.entities.mentions[m];
    let entity = ctx.entities.entity(gazetteer, mention.entity);
    let by_id = |id: &Option<String>| id.as_deref().and_then(|id| gazetteer.index_of(id));
    match entity.kind {
        EntityType::City => by_id(&entity.stands_for),
        // (a coalition a state leads fights for it: "A Saudi-led coalition intervened in Yemen")
        EntityType::Organization if entity.acts_for_state() || entity.is_led_coalition() => by_id(&entity.country),
        EntityType::Organization => None,
        EntityType::Person => {
            let stated = ctx.entities.offices.iter().find(|o| o.person == m || ctx.entities.mentions[o.person].entity == mention.entity);
            // (an office in a body that acts for itself speaks for that body: the Prime Minister of the
            // Kurdistan Regional Government, the commander of the SDF; a state company's head speaks for
            // the state)
            let acts_for = |e: usize| {
                let body = ctx.entities.entity(gazetteer, e);
                body.kind == EntityType::Country || body.acts_for_itself()
            };
            let office_state = stated.map(|o| o.of_entity).filter(|&e| acts_for(e));
            office_state.or_else(|| by_id(&entity.country))
        }
        _ => None,
    }
}

/// Whether a person of the item is introduced there as someone's counterpart ("ونظيره الأرميني Y").
fn has_counterpart(ctx: &Ctx, item: &Item) -> bool {
    let ItemKind::Entity { mentions } = &item.kind else { return false };
    ctx.entities.offices.iter().any(|o| o.role == "Counterpart" && mentions.contains(&o.person) && item.tokens.contains(&o.tokens.start))
}

/// Whether the entity at `i` is the first half of a hyphenated compound ("Iran-backed").
fn is_compound_head(ctx: &Ctx, i: usize) -> bool {
    let punct = |j: usize, p: &str| matches!(ctx.items.get(j).map(|it| &it.kind), Some(ItemKind::Word { key, punct: true, .. }) if key == p);
    // (an abbreviation's last dot comes between: "U.N.-recognized")
    punct(i + 1, "-") || punct(i + 1, ".") && punct(i + 2, "-")
}

/// An Arabic body noun with the list's "و" glued to it, before the name it belongs to: "السعودية وبحرية
/// جيش التحرير الصيني" lists the Chinese navy.
fn joined_body(ctx: &Ctx, k: usize) -> bool {
    ctx.lang == Lang::Ar
        && word_at(&ctx.items, k).and_then(|w| w.strip_prefix('و')).is_some_and(|rest| JOINED_BODIES.contains(&rest))
        && matches!(ctx.items.get(k + 1).map(|it| &it.kind), Some(ItemKind::Entity { .. }))
}

/// Arabic nouns of a state's body or a company (folded, without the article): "بحرية", "قوات", "جيش", "شركة".
const JOINED_BODIES: &[&str] = &["بحريه", "قوات", "جيش", "وزاره", "حكومه", "رياسه", "اجهزه", "سلاح", "شركه", "مجموعه", "موسسه"];

/// Persian nouns of a body or a company (folded), which a list's next member may carry after "و".
const PERSIAN_BODIES: &[&str] = &["نيروهاي", "ارتش", "شركت", "گروه", "دولت", "وزارت"];

/// Whether an item is a plural back-reference ("both countries", "الجانبان"): several entities, all by coreference.
fn is_plural_reference(ctx: &Ctx, item: &Item) -> bool {
    matches!(&item.kind, ItemKind::Entity { mentions } if mentions.len() > 1 && mentions.iter().all(|&m| ctx.entities.mentions[m].form == Form::Coreference))
}

fn is_joiner(item: &Item) -> bool {
    matches!(&item.kind, ItemKind::Word { key, .. } if LIST_JOINERS.contains(&key.as_str()))
}

/// The item after a weapon noun that starts at item `k` ("missiles", "air-defence system"), else `k`.
fn after_weapon_noun(ctx: &Ctx, k: usize) -> usize {
    item_after(ctx, k, |start, end| ctx.layer.weapon_noun_at(ctx.lang, &ctx.doc.tokens, start, end))
}

/// The item after a phrase of `phrases` that starts at item `k`, else `k`.
fn after_phrase(ctx: &Ctx, phrases: &PhraseList, k: usize) -> usize {
    item_after(ctx, k, |start, end| phrases.at(ctx.lang, &ctx.doc.tokens, start, end))
}

/// The item after the words that `phrase_end(first token, sentence end)` finds at item `k`, if they end
/// where an item starts (quotes between them aside: "۱۴ فروند «سوخو-۳۴»"); else `k`.
fn item_after(ctx: &Ctx, k: usize, phrase_end: impl Fn(usize, usize) -> Option<usize>) -> usize {
    let Some(item) = ctx.items.get(k).filter(|it| matches!(it.kind, ItemKind::Word { .. })) else { return k };
    let sentence_end = ctx.items.last().map_or(item.tokens.end, |it| it.tokens.end);
    let Some(end) = phrase_end(item.tokens.start, sentence_end) else { return k };
    let next = ctx.items[k..].iter().position(|it| it.tokens.start >= end).map(|n| k + n);
    let quotes_only = |n: usize| ctx.doc.tokens[end..ctx.items[n].tokens.start].iter().all(Token::is_quote);
    next.filter(|&n| quotes_only(n)).unwrap_or(k)
}

/// Whether item `k` is the preposition after an envoy's office ("سفیر هند در", "ambassador in").
fn is_envoys_post(ctx: &Ctx, k: usize) -> bool {
    let Some("در" | "في" | "لدي" | "in" | "to") = word_at(&ctx.items, k) else { return false };
    let at = ctx.items[k].tokens.start;
    ctx.entities.offices.iter().any(|o| {
        let end = o.of_mention.map_or(o.tokens.end, |m| o.tokens.end.max(ctx.entities.mentions[m].tokens.end));
        end == at && matches!(o.role.as_str(), "Ambassador" | "Envoy")
    })
}

/// Whether item `k` is only a state's adjective ("French").
fn is_nationality(ctx: &Ctx, k: usize) -> bool {
    // (or an English possessive of a state or maker: "…, India's home-grown Akash system and …", "along with
    // Nurol Makina's Ejder Yalçın")
    let possessive = ctx.lang == Lang::En && is_possessive(ctx, k);
    let maker = |kind: EntityType| kind == EntityType::Country || possessive && kind == EntityType::Organization;
    matches!(&ctx.items[k].kind, ItemKind::Entity { mentions } if mentions.iter().all(|&m| (ctx.entities.mentions[m].form == Form::Adjective || possessive) && maker(ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind)))
}

/// A slot takes a whole list of entities or nothing: "Aliyev, Hasanov and Guliyev" is never split
/// into a subject and an object. `cue_before`: the slot follows the rule's cue directly. Returns (item
/// after, entities).
fn match_slot(ctx: &Ctx, rule: &Rule, slot: &Slot, i: usize, cue_before: bool) -> Option<(usize, Vec<Bound>)> {
    let item = ctx.items.get(i)?;
    // a person's possessive is no object: "talks with Shamkhani's successor, Ali Akbar Ahmadian"
    if slot.role == SlotRole::Object && is_possessive(ctx, i) && matches!(&item.kind, ItemKind::Entity { mentions } if mentions.iter().all(|&m| ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind == EntityType::Person)) {
        return None;
    }
    // a place one leaves is not the one visited ("يتوجه عبد العاطي من أسمرة إلى جيبوتي", "flew from Ankara to Baku"),
    // nor an envoy's post ("میزبان رودرا گوراو شرست، سفیر هند در تهران", "X, India's ambassador in Tehran"),
    // unless the rule's own cue ends in "from" ("after returning from Moscow": he was there)
    let left_or_posted = |p: usize| matches!(word_at(&ctx.items, p), Some("من" | "from")) && !cue_before || is_envoys_post(ctx, p);
    if rule.relation == Relation::Visits && slot.role == SlotRole::Object && i > 0 && left_or_posted(i - 1) {
        return None;
    }
    // …nor are "the two sides" a place: "زار إسرائيل، والتقى … غالانت، حيث بحث الجانبان …"
    let back_reference = is_plural_reference(ctx, item);
    if rule.relation == Relation::Visits && slot.role == SlotRole::Object && back_reference {
        return None;
    }
    let first = accepts(ctx, slot, item);
    if first.is_empty() {
        return None;
    }
    if slot.form == FormFilter::Last {
        return Some((i + 1, first));
    }
    // not from the middle of a list (commas alone make none: "اوکراین، بلاروس را …")
    let mut k = i;
    while k > 0 && is_joiner(&ctx.items[k - 1]) {
        k -= 1;
    }
    let and = ctx.items[k..i].iter().any(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key != "," && key != "the"));
    // …unless an apposition follows it, which is about the last member alone: "بين إسرائيل وتركيا،
    // الحليف الوثيق لأذربيجان"
    let appositive = matches!(ctx.items.get(i + 1).map(|it| &it.kind), Some(ItemKind::Word { key, .. }) if key == ",");
    // …and in English ", and" after a single name joins clauses ("… against the Iran-backed Houthis, and Riyadh
    // has accused Tehran …"), as the list below reads it
    let comma = ctx.items[k..i].iter().any(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key == ","));
    let single = k >= 2 && !is_joiner(&ctx.items[k - 2]) && !matches!(ctx.items[k - 2].kind, ItemKind::Entity { .. });
    let clauses = ctx.lang == Lang::En && comma && single;
    // (a plural back-reference after "and" opens its own clause: "… hosted his Qatari counterpart, …, and the two
    // ministers signed a letter of intent")
    if and && !appositive && !clauses && !back_reference && !is_compound_head(ctx, i) && k > 0 && !accepts(ctx, slot, &ctx.items[k - 1]).is_empty() {
        return None;
    }
    let mut bound = first;
    let mut end = i + 1;
    // (members, item after them) when the list last ended on a member
    let mut ends: Vec<(usize, usize)> = vec![(bound.len(), end)];
    let mut and_seen = false;
    // systems may carry their class noun, a count and their maker's adjective: "Javelin missiles and the
    // French Mistral system", "صواريخ جافلين الأمريكية ومنظومة ميسترال" (`arms` reads the makers from the
    // mentions), except in a rule that binds the maker ("American Javelin and [French] Mistral" are not
    // both American, nor "جنگنده‌های آمریکایی «اف-۱۶» و تانک‌های «آبرامز»" surely both)
    let weapons = slot.types == [EntityType::WeaponSystem];
    // (a rule binds the maker where it makes something of an adjective: "the Uzbek army fields …" binds a user)
    let makers = weapons && !(rule.relation == Relation::Manufactures && rule.elements.iter().any(|e| matches!(e, Element::Slot(s) if s.form == FormFilter::Adjective)));
    loop {
        // joiners: ",", "و", "and" (at least one), then the next member
        let mut from = end;
        if makers && ctx.lang != Lang::En && from + 1 < ctx.items.len() && is_nationality(ctx, from) {
            from += 1;
        }
        // (a noun with "و" glued to it opens the next member: "«سو-30» ومنظومات الدفاع الجوي «إس-400»")
        if weapons && !(ctx.lang != Lang::En && word_at(&ctx.items, from).is_some_and(|w| w.starts_with('و'))) {
            from = after_weapon_noun(ctx, from);
            // (a known system may also carry a noun too vague to introduce one: "S-300 systems and T-90 tanks")
            if ctx.lang == Lang::En && matches!(word_at(&ctx.items, from), Some("system" | "systems")) {
                from += 1;
            }
        }
        let mut k = from;
        while k < ctx.items.len() && (is_joiner(&ctx.items[k]) || joined_body(ctx, k)) {
            k += 1;
        }
        // (a counterpart with its pronoun: "Abdelatty and his German counterpart held talks")
        let counterpart_pronoun = |k: usize| matches!(word_at(&ctx.items, k), Some("his" | "her")) && ctx.items.get(k + 1).is_some_and(|it| has_counterpart(ctx, it));
        if k > from && counterpart_pronoun(k) {
            k += 1;
        }
        // systems are also listed "as well as", "به همراه", and counted: "14 Su-57s and 14 Su-34s"
        if makers {
            k = after_phrase(ctx, &ctx.relations.weapon_joiners, k);
            while k < ctx.items.len() && is_joiner(&ctx.items[k]) {
                k += 1;
            }
        }
        // the first member's preposition said again, with "also" in Persian: "هم به اتیوپی و هم به سومالی",
        // "with Egypt and with Jordan", "مع مصر ومع الأردن"
        // (after "و"/"and" only: "پس از جنگ با هند، با چین" is two phrases)
        // (Arabic "ثم" alone joins like "and then": "بزشكيان ثم خامنئي")
        // (also after a comma: "التقى لوكورنو رئيس الحكومة نواف سلام، ثم قائد الجيش العماد رودولف هيكل")
        if ctx.lang == Lang::Ar && word_at(&ctx.items, k) == Some("ثم") && ctx.items[from..k].iter().all(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key == ",")) {
            k += 1;
        }
        if (from..k).any(|j| matches!(word_at(&ctx.items, j), Some("و" | "and" | "ثم"))) {
            if word_at(&ctx.items, k).is_some_and(|w| SEQUENCE_ADVERBS.contains(&w)) {
                k += 1;
            }
            if ctx.lang == Lang::Fa && word_at(&ctx.items, k) == Some("هم") {
                k += 1;
            }
            // (a Persian body noun before the next name: "روسیه و نیروهای گروه واگنر", "ترکیه و شرکت بایکار")
            if ctx.lang == Lang::Fa && word_at(&ctx.items, k).is_some_and(|w| PERSIAN_BODIES.contains(&w)) && matches!(ctx.items.get(k + 1).map(|it| &it.kind), Some(ItemKind::Entity { .. })) {
                k += 1;
            }
            let preposition = i.checked_sub(1).and_then(|p| word_at(&ctx.items, p)).filter(|w| PREPOSITIONS.contains(w));
            if preposition.is_some() && word_at(&ctx.items, k) == preposition {
                k += 1;
            }
        }
        let joined = k;
        // (a count or a class noun may carry the list's "و": "سو-57 و14 مقاتلة سو-34", "بمقاتلات «سو-30»
        // ومنظومات الدفاع الجوي «إس-400»")
        let glued_and = |k: usize| ctx.lang != Lang::En && word_at(&ctx.items, k).is_some_and(|w| w.starts_with('و')) && (after_phrase(ctx, &ctx.relations.weapon_counts, k) > k || after_weapon_noun(ctx, k) > k);
        let counted_and = makers && k == from && glued_and(k);
        // (…also after a comma: "مقاتلات «ميغ-29» الروسية، ومروحيات «كا-52»")
        let comma_glued_and = makers && k > from && glued_and(k);
        if (k > from || counted_and) && makers {
            k = after_phrase(ctx, &ctx.relations.weapon_counts, k);
        }
        if k > from && makers && ctx.lang == Lang::En && k + 1 < ctx.items.len() && is_nationality(ctx, k) {
            k += 1;
            // (and the words of home make after it: "India's home-grown Akash"; or the "-made" of an adjective,
            // "French-made CAESAR", whose hyphen the phrase keys leave out)
            let hyphen = usize::from(word_at(&ctx.items, k) == Some("-"));
            let home = after_phrase(ctx, &ctx.relations.weapon_home, k + hyphen);
            if home > k + hyphen {
                k = home;
            }
        }
        if (k > from || counted_and) && makers {
            let noun = k;
            k = after_weapon_noun(ctx, k);
            // (and its type after it: "إضافة إلى مقاتلتين من طراز «إف/إيه-18»")
            if k > noun {
                k = after_phrase(ctx, &ctx.relations.weapon_type, k);
            }
            // (Arabic and Persian put the maker's adjective after the class noun: "و پهپادهای ایرانی «مهاجر-۶»")
            if ctx.lang != Lang::En && k + 1 < ctx.items.len() && is_nationality(ctx, k) {
                k += 1;
            }
        }
        // a member whose apposition closed with its comma needs no further joiner ("X، office، Y و Z")
        let closed = ctx.items[end - 1].tokens.end > ctx.items[end - 1].tokens.start && ctx.doc.tokens[ctx.items[end - 1].tokens.end - 1].key == "," && matches!(ctx.items[end - 1].kind, ItemKind::Entity { .. });
        if (k == from && !closed) || k >= ctx.items.len() {
            break;
        }
        // a list is of one kind: "پاشینیان، آذربایجان را …" is a person and then a state; and a
        // possessive after a comma starts a new phrase: "Israel and Turkey, Azerbaijan's close ally"
        // (but "Turkey and Azerbaijan's joint drills" is one list)
        // (a "و" glued to a count or class noun is a joiner too: "«إس-300» و«بانتسير» ودبابات «تي-90»")
        let only_commas = !counted_and && !comma_glued_and && ctx.items[from..joined].iter().all(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key == ","));
        if only_commas && is_possessive(ctx, k) {
            break;
        }
        // "and" closes a list: "آمریکا و بریتانیا، تهران را …" is a list and then the object
        if only_commas && and_seen {
            break;
        }
        // in English ", and" after a single member joins clauses, not a list ("to visit Greece, and the
        // two countries …"); after two members it is a serial comma ("Turkey, Georgia, and
        // Azerbaijan"). Persian and Arabic put "، و" between members with appositions ("گولر، وزیر
        // دفاع ترکیه، و چیکوانی").
        let comma = ctx.items[from..joined].iter().any(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key == ","));
        let and = counted_and || comma_glued_and || ctx.items[from..joined].iter().any(|it| matches!(&it.kind, ItemKind::Word { key, .. } if key != "," && key != "the"));
        // (after a member with an apposition the comma closes it: "Aliyev, Azerbaijan's president, and …")
        // (…or a name set off after its office: "his Azerbaijani counterpart, Jeyhun Bayramov, and Pakistan's …")
        let set_off = |j: usize| ctx.items[j].tokens.clone().any(|t| ctx.doc.tokens[t].key == ",") || j == i && i > 0 && word_at(&ctx.items, i - 1) == Some(",");
        let apposition = matches!(&ctx.items[end - 1].kind, ItemKind::Entity { mentions } if mentions.iter().all(|&m| ctx.entities.mentions[m].tokens.end < ctx.items[end - 1].tokens.end) || set_off(end - 1));
        if ctx.lang == Lang::En && comma && and && ends.len() < 2 && !apposition {
            break;
        }
        // a member that is the first half of a compound is no member: "between Israel and the
        // Iran-backed Hezbollah"
        if is_compound_head(ctx, k) {
            break;
        }
        // a plural back-reference ("both countries") is not a member of a list of names (a surname,
        // "و چیکوانی", is)
        if is_plural_reference(ctx, &ctx.items[k]) {
            break;
        }
        // people are listed with people, and states with states and bodies ("آمریکا و اتحادیه اروپا")
        // (by what the items name, not what they stand for: "زاخارووا، سخنگوی وزارت خارجه روسیه، واشنگتن و
        // اتحادیه اروپا را …" is a spokeswoman and then two states, though she speaks for Russia)
        let names_person = |it: &Item| matches!(&it.kind, ItemKind::Entity { mentions } if mentions.iter().any(|&m| ctx.entities.entity(&ctx.layer.gazetteer, ctx.entities.mentions[m].entity).kind == EntityType::Person));
        if names_person(&ctx.items[k]) != names_person(&ctx.items[i]) {
            break;
        }
        let person = |b: &Bound| ctx.entities.entity(&ctx.layer.gazetteer, b.entity).kind == EntityType::Person;
        let next: Vec<Bound> = accepts(ctx, slot, &ctx.items[k]).into_iter().filter(|n| person(n) == person(&bound[0])).collect();
        if next.is_empty() {
            break;
        }
        and_seen |= and;
        for n in next {
            if !bound.iter().any(|b| b.entity == n.entity) {
                bound.push(n);
            }
        }
        end = k + 1;
        ends.push((bound.len(), end));
    }
    // commas alone make no list: "اوکراین، بلاروس را … متهم کرد" is a subject and an object
    if !and_seen {
        let (n, e) = ends[0];
        bound.truncate(n);
        end = e;
    }
    Some((end, bound))
}

fn emit(ctx: &Ctx, relations: &RelationLayer, rule: &Rule, s: usize, b: Bindings, out: &mut Vec<RelationMention>) {
    let Some(cue) = b.cue.clone() else { return };
    let doc = ctx.doc;
    let sentence = doc.sentences[s].tokens.clone();
    let cues_end = b.after_cue.and_then(|i| ctx.items.get(i.checked_sub(1)?)).map_or(cue.end, |it| it.tokens.end.max(cue.end));
    let stated = if rule.attribute { Modality::Asserted } else { relations.modality.detect(ctx.lang, &doc.tokens, sentence, cue.clone(), cues_end, b.negative_prefix) };
    // a phrasing that implies a modality ("considered buying") holds unless the clause says more; one that
    // states a done fact holds against a plan's or a purpose's cue inside it ("became the first … to visit",
    // "قراردادی برای خرید … امضا کرد")
    let modality = match rule.modality {
        Some(Modality::Asserted) if matches!(stated, Modality::Planned | Modality::Considered) => Modality::Asserted,
        Some(m) => m.max(stated),
        None => stated,
    };
    let cue_span = TextSpan { start: doc.tokens[cue.start].start, end: doc.tokens[cue.end - 1].end };
    let pairs: Vec<(Bound, Bound)> = if b.pairs.is_empty() {
        b.subjects.iter().flat_map(|s| b.objects.iter().map(move |o| (*s, *o))).collect()
    } else {
        // a list of a directed relation is reciprocal ("تتبادل إيران وإسرائيل الاتهامات"): both ways
        let p = &b.pairs;
        let both = !rule.relation.symmetric();
        (0..p.len()).flat_map(|x| (x + 1..p.len()).flat_map(move |y| std::iter::once((p[x], p[y])).chain(both.then_some((p[y], p[x]))))).collect()
    };
    let info = rule.relation.info();
    // the states that make a system named in the sentence: a state buys no arms from another when the
    // sentence's system is its own ("أعلنت فرنسا توقيع عقد مع مصر لتوريد 30 مقاتلة رافال": France sells)
    let gazetteer = &ctx.layer.gazetteer;
    let makers: Vec<usize> = if rule.relation == Relation::BuysWeaponsFrom {
        ctx.entities.mentions.iter().filter(|m| m.sentence == s && !m.furniture).map(|m| ctx.entities.entity(gazetteer, m.entity)).filter(|e| e.kind == EntityType::WeaponSystem).filter_map(|e| gazetteer.country_of(e)).collect()
    } else {
        Vec::new()
    };
    for (subject, object) in pairs {
        if subject.entity == object.entity {
            continue;
        }
        let kind = |e: usize| ctx.entities.entity(&ctx.layer.gazetteer, e).kind;
        // (a maker state bound as the buyer from a state sells to it; from a company, it is no buyer at all:
        // "a major buyer of American weapons, agreed to buy MQ-9B drones from General Atomics")
        let maker_buys = makers.contains(&subject.entity) && !makers.contains(&object.entity);
        if maker_buys && kind(object.entity) != EntityType::Country {
            continue;
        }
        let (subject, object) = if maker_buys { (object, subject) } else { (subject, object) };
        if !info.subjects.contains(&kind(subject.entity)) || !info.objects.contains(&kind(object.entity)) {
            continue;
        }
        // "Jordanian F-16 jets", "Turkey's S-400": another state's system, so the state named with it is its user
        let maker = gazetteer.country_of(ctx.entities.entity(gazetteer, object.entity));
        let relation = match rule.relation {
            _ if rule.user_if_foreign && maker.is_some_and(|m| m != subject.entity) => Relation::UsesWeapon,
            // a state's armed force that cooperates cooperates militarily
            Relation::CooperatesWith if subject.military || object.military => Relation::CooperatesMilitarilyWith,
            r => r,
        };
        let mut confidence = rule.confidence * modality.weight() * (1.0 - 0.02 * b.gap_words as f64);
        if subject.coreference || object.coreference {
            confidence *= 0.85;
        }
        out.push(RelationMention {
            relation,
            subject: subject.entity,
            object: object.entity,
            sentence: s,
            subject_span: TextSpan { start: subject.start, end: subject.end },
            object_span: TextSpan { start: object.start, end: object.end },
            cue_span,
            rule: rule.id.clone(),
            modality,
            confidence: confidence.clamp(0.05, 0.99),
            derived: false,
            role: None,
            quantities: Vec::new(),
        });
    }
}
