//! Further readings of a sentence, matched after the sentence as written; each adds only relations
//! the first reading did not find: an Arabic sentence with a dropped subject read with the previous
//! sentence's actor, an English or Arabic participle clause, an Arabic clause joined by "و" and a Persian
//! coordinated clause read with their sentence's subject (the reading without asides is in `asides`).

use super::PREPOSITIONS;
use super::items::{Item, ItemKind, after_time_preposition, entity_at, is_comma, word_at, word_item};
use crate::entities::recognize::EntityLayer;
use crate::entities::{DocEntities, EntityType, Form, Mention};
use crate::relations::RelationLayer;
use crate::text::lang::Lang;
use crate::text::TextDoc;

/// Arabic words for "his/her counterpart" (folded), whose pronoun points at the subject.
const COUNTERPARTS: &[&str] = &["نظيره", "نظيرته", "نظيرها", "نظيرتها"];

/// An Arabic sentence that opens with a verb with its conjunction ("وأكد", "فوقعت") and no subject after
/// it, or a Persian one whose names all stand after prepositions, read with the first actor (a person or a
/// state) of the previous sentence as its subject: "زار غولر باكو. والتقى خلال الزيارة نظيره الأذربيجاني"
/// (Güler met his counterpart). `None` for other sentences.
pub(super) fn with_dropped_subject(doc: &TextDoc, entities: &DocEntities, layer: &EntityLayer, lang: Lang, s: usize, items: &[Item]) -> Option<Vec<Item>> {
    if s == 0 {
        return None;
    }
    // an actor: a person, a state, or a body that acts for one
    let actor = |m: usize| {
        let e = entities.entity(&layer.gazetteer, entities.mentions[m].entity);
        matches!(e.kind, EntityType::Person | EntityType::Country) || e.acts_for_state()
    };
    let dropped = match lang {
        Lang::Ar => {
            // (also after "كما"/"كذلك", "also", which take the verb's conjunction: "كما اشترت طائرات هاروب")
            let also = usize::from(matches!(word_at(items, 0), Some("كما" | "كذلك")));
            let items = &items[also..];
            let opens_with_verb = matches!(items.first().map(|it| &it.kind), Some(ItemKind::Word { key, punct: false, .. }) if also == 1 && key.chars().count() > 2 || (key.starts_with('و') || key.starts_with('ف')) && key.chars().count() > 3);
            // (a name or a definite noun right after the verb is its subject: "وأجرى الوفد مباحثات")
            // ("نظيره X", "his counterpart X", is the object: its pronoun is the dropped subject)
            let counterpart = |it: &Item| entities.mentions.iter().any(|m| m.tokens.start > it.tokens.start && m.tokens.start < it.tokens.end) && COUNTERPARTS.iter().any(|c| doc.tokens[it.tokens.start].key.ends_with(c));
            // (…unless a verb of meeting has no other party: "والتقى رئيس الوزراء العراقي محمد شياع السوداني"
            // after "وصل فيدان إلى بغداد" is Fidan's meeting)
            let actors = items.iter().filter(|it| matches!(&it.kind, ItemKind::Entity { mentions } if mentions.iter().any(|&m| actor(m)))).count();
            let meeting_verb = matches!(items.first().map(|it| &it.kind), Some(ItemKind::Word { key, .. }) if MEETING_VERBS.contains(&key.chars().skip(1 - also).collect::<String>().as_str()));
            let subject_follows = match items.get(1).map(|it| (&it.kind, it)) {
                Some((ItemKind::Entity { .. }, it)) => !counterpart(it) && !(meeting_verb && actors == 1),
                Some((ItemKind::Word { key, .. }, _)) => key.starts_with("ال") || key.starts_with("وال"),
                None => true,
            };
            opens_with_verb && !subject_follows
        }
        // a Persian sentence whose every name stands after a preposition has its subject in the verb:
        // "… وارد مسکو شد. همچنین با سرگئی لاوروف دیدار کرد"
        Lang::Fa => {
            let first = items.iter().position(|it| matches!(it.kind, ItemKind::Entity { .. }));
            let after_preposition = |k: usize| word_at(items, k - 1).is_some_and(|w| PREPOSITIONS.contains(&w));
            // (…or, after "همچنین"/"سپس", whose every actor does: "همچنین پهپادهای هاروپ را از اسرائیل خریده است")
            let actor_at = |k: usize| matches!(&items[k].kind, ItemKind::Entity { mentions } if mentions.iter().any(|&m| actor(m)));
            let opener = matches!(word_at(items, 0), Some("همچنين" | "سپس"));
            first.is_some_and(|j| j > 0 && (0..items.len()).filter(|&k| entity_at(items, k)).all(|k| after_preposition(k) || opener && !actor_at(k)))
        }
        Lang::En => false,
    };
    if !dropped {
        return None;
    }
    // (a person named there first, else a state: "زار وزير الدفاع التركي يشار غولر باكو" is Güler's visit)
    let person = |m: &&Mention| entities.entity(&layer.gazetteer, m.entity).kind == EntityType::Person;
    let before: Vec<(usize, &Mention)> = entities.mentions.iter().enumerate().filter(|&(i, m)| m.sentence == s - 1 && !m.furniture && m.form != Form::Coreference && actor(i)).collect();
    let topic = before.iter().min_by_key(|(_, m)| (!person(m), m.tokens.start))?.0;
    let virtual_subject = Item { kind: ItemKind::Entity { mentions: vec![topic] }, tokens: items[0].tokens.clone() };
    Some(std::iter::once(virtual_subject).chain(items.iter().cloned()).collect())
}

/// Arabic verbs of meeting (folded, after their "و"/"ف"): with no other party named, the one after them is
/// whom the previous sentence's actor met.
const MEETING_VERBS: &[&str] = &["التقي", "استقبل", "اجتمع", "قابل", "التقت", "استقبلت", "اجتمعت", "قابلت", "يلتقي", "تلتقي", "يستقبل", "تستقبل", "يجتمع", "تجتمع", "يقابل", "تقابل", "سيلتقي", "ستلتقي", "سيستقبل", "ستستقبل"];

/// Persian clauses joined by "و" read with the sentence's subject, each a reading of its own: a clause whose
/// object (marked by "را") comes first ("زاخارووا … گفت این پایگاه دفاعی است و واشنگتن و اتحادیه اروپا را به … متهم
/// کرد" is also read "زاخارووا واشنگتن و اتحادیه اروپا را به … متهم کرد"), the second of "both … and" predicates
/// ("باکو که هم … است و هم … را تأمین می‌کند") and the predicate after "و همزمان"; the subject may follow an
/// attribution ("به گفته …،"). Empty for other sentences.
pub(super) fn with_coordinated_subject(lang: Lang, items: &[Item]) -> Vec<Vec<Item>> {
    if lang != Lang::Fa {
        return Vec::new();
    }
    let word = |i: usize| word_at(items, i);
    let entity_at = |i: usize| entity_at(items, i);
    // the subject opens the sentence, or follows an attribution ("به گفته کارشناسان، ایران …")
    let attribution = word(0) == Some("به") && matches!(word(1), Some("گفته" | "گزارش" | "نوشته"));
    let subject = if attribution { (2..items.len().min(8)).find(|&j| word(j - 1).is_some_and(is_comma)) } else { Some(0) };
    let Some(subject) = subject.filter(|&s| entity_at(s)) else { return Vec::new() };
    let with_subject = |from: usize| std::iter::once(items[subject].clone()).chain(items[from..].iter().cloned()).collect::<Vec<Item>>();
    let mut readings = Vec::new();
    // "both … and" predicates of the subject: "باکو که هم متحد راهبردی آنکارا است و هم بخش بزرگی از نفت …
    // اسرائیل را تأمین می‌کند" is also read "باکو بخش بزرگی از نفت … اسرائیل را تأمین می‌کند"
    let both = subject + if word(subject + 1) == Some("كه") { 2 } else { 1 };
    if word(both) == Some("هم") {
        if let Some(second) = (both + 2..items.len()).find(|&j| word(j - 1) == Some("و") && word(j) == Some("هم")) {
            readings.push(with_subject(second + 1));
        }
    }
    // a second predicate after "و" and an adverb of sequence ("قطر … میانجی بوده و همزمان بزرگ‌ترین پایگاه … آمریکا را
    // در خاک خود جای داده است"), with no subject of its own
    if let Some(second) = (subject + 2..items.len()).find(|&j| word(j - 1) == Some("و") && matches!(word(j), Some("همزمان" | "همچنين" | "سپس" | "هماكنون" | "اكنون" | "اينك")) && !entity_at(j + 1)) {
        readings.push(with_subject(second + 1));
    }
    // the object list after "و" ends at "را": entities joined by "و" or commas
    let object_list_to_ra = |start: usize| {
        let mut k = start;
        while k < items.len() && (entity_at(k) || matches!(word(k), Some("و" | "," | "،"))) && k < start + 7 {
            k += 1;
        }
        word(k) == Some("را") && entity_at(k - 1)
    };
    // (not a later member of a list: "واشنگتن و اتحادیه اروپا را")
    if let Some(clause) = (subject + 3..items.len()).find(|&j| word(j - 1) == Some("و") && !entity_at(j - 2) && entity_at(j) && object_list_to_ra(j)) {
        readings.push(with_subject(clause));
    }
    readings
}

/// The subject of an Arabic sentence: the verb's subject after it, or the sentence's first name ("في
/// المقابل، حذر فيدان …"), not a name after a preposition.
fn arabic_subject(items: &[Item]) -> Option<usize> {
    // (after an opening phrase that names nothing, up to its comma: "وفي مسعى لتنويع شراكاتها الدفاعية، وقّعت يريفان …")
    let opening = (0..items.len().min(8)).take_while(|&i| !entity_at(items, i)).find(|&i| word_at(items, i).is_some_and(is_comma)).map_or(0, |c| c + 1);
    (opening..items.len().min(opening + 6)).find(|&i| entity_at(items, i) && !(i > 0 && word_at(items, i - 1).is_some_and(|w| PREPOSITIONS.contains(&w))) && !after_time_preposition(items, i))
}

/// A clause joined by "و"/"ف"/"and" whose verb opens a rule and is followed by no subject of its own, read
/// with the sentence's subject: "وقعت تركيا اتفاقا مع قطر واشترت طائرات مسيرة من باكستان" is also read
/// "تركيا واشترت طائرات مسيرة من باكستان", "Damascus would not allow … and thanked Amman for its support"
/// "Damascus thanked Amman for its support". `None` for other sentences.
pub(super) fn with_joined_verb_subject(doc: &TextDoc, entities: &DocEntities, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    let subject = match lang {
        Lang::Ar => arabic_subject(items)?,
        // (also after an opening phrase up to its comma: "In Beijing, Muizzu and Xi raised ties … and signed …")
        Lang::En => (0..2).find(|&i| entity_at(items, i) && (i == 0 || word_at(items, 0) == Some("the"))).or_else(|| {
            let opening = word_at(items, 0).is_some_and(|w| PREPOSITIONS.contains(&w));
            let comma = (1..items.len().min(8)).find(|&i| word_at(items, i).is_some_and(is_comma))?;
            Some(comma + 1).filter(|&i| opening && entity_at(items, i))
        })?,
        // (a Persian sentence opens with its subject: "آنکارا با ادیس‌آبابا روابط نزدیکی دارد و هم به اتیوپی
        // و هم به سومالی پهپاد فروخته است")
        // (…after a connective: "با این حال ارتش ترکمنستان … را از روسیه خریده است و …")
        Lang::Fa => {
            let opener = PERSIAN_OPENERS.iter().find(|o| o.split(' ').enumerate().all(|(k, w)| word_at(items, k) == Some(w))).map_or(0, |o| o.split(' ').count());
            Some(opener).filter(|&i| entity_at(items, i))?
        }
    };
    let counterpart = |it: &Item| entities.mentions.iter().any(|m| m.tokens.start > it.tokens.start && m.tokens.start < it.tokens.end) && COUNTERPARTS.iter().any(|c| doc.tokens[it.tokens.start].key.ends_with(c));
    // (an Arabic verb with "خلالها" after a comma is a clause about the event before it, whose subject is the
    // sentence's: "وصل العباسي إلى الرياض في زيارة، بحث خلالها مع نظيره …")
    let during = |i: usize| lang == Lang::Ar && i > 0 && word_at(items, i - 1).is_some_and(is_comma) && word_at(items, i + 1).is_some_and(|w| DURING_IT.contains(&w));
    let verb = |i: usize| match lang {
        // (…or after "كما", "as also", or "ثم", "then": "وقّعت يريفان عقداً مع باريس …، كما تسلّمت أنظمة دفاع جوي من الهند")
        Lang::Ar => matches!(&items[i].kind, ItemKind::Word { key, punct: false, .. } if key.chars().count() > 3 && key.strip_prefix('و').or_else(|| key.strip_prefix('ف')).is_some_and(|rest| relations.rules.opens_rule(lang, rest)) || (during(i) || i > 0 && matches!(word_at(items, i - 1), Some("كما" | "ثم"))) && relations.rules.opens_rule(lang, key)),
        // (an adverb may stand between: "allowed Russian troops to use its territory and now hosts …")
        // (…and an auxiliary, and "but": "relies largely on US-made equipment …, but has also bought T-90 tanks from Russia")
        Lang::En => {
            let mut k = i;
            while k > 0 && word_at(items, k - 1).is_some_and(|w| CLAUSE_ADVERBS.contains(&w) || ENGLISH_AUXILIARIES.contains(&w)) && i - k < 3 {
                k -= 1;
            }
            let joined = k > 0 && matches!(word_at(items, k - 1), Some("and" | "but"));
            joined && matches!(&items[i].kind, ItemKind::Word { key, punct: false, .. } if english_verb_form(key) && relations.rules.opens_rule(lang, key))
        }
        // (Persian puts the verb last: a clause after "و" that follows a verb — "… روابط نزدیکی دارد و …", not
        // "سیاست‌های آمریکا و حمایت از اسرائیل" — and does not open with a name of its own)
        // (after a comma only a plain verb, not a word that merely ends like one: "تسلیحات خود، از جمله …")
        Lang::Fa => {
            let strong = |w: &str| w.starts_with("مي") || w.ends_with("ند") || w.ends_with("ست") || w.ends_with("كرد") || w.ends_with("شد") || PARTICIPLE_ENDINGS.iter().any(|e| w.ends_with(e));
            let joined = match word_at(items, i.saturating_sub(1)) {
                Some("و") => word_at(items, i.saturating_sub(2)).is_some_and(persian_verb_form),
                Some("," | "،") => word_at(items, i.saturating_sub(2)).is_some_and(strong),
                _ => false,
            };
            i > 1 && joined && matches!(&items[i].kind, ItemKind::Word { punct: false, .. })
        }
    };
    // (an Arabic verb's subject follows it; "والتقى نظيره …" has the counterpart as object)
    // (…nor does a meeting verb whose one party follows it: "وقد زار الشرع أنقرة والتقى الرئيس أردوغان")
    let meeting_verb = |i: usize| word_at(items, i).is_some_and(|w| MEETING_VERBS.contains(&w.chars().skip(1).collect::<String>().as_str()));
    let lone_party = |i: usize| !(i + 2 + usize::from(during(i))..items.len()).take_while(|&k| !word_at(items, k).is_some_and(is_comma)).any(|k| entity_at(items, k));
    let meets = |i: usize| meeting_verb(i) || during(i) && word_at(items, i).is_some_and(|w| MEETING_VERBS.contains(&w));
    let no_subject_after = |i: usize| match items.get(i + 1 + usize::from(during(i))) {
        Some(it) if lang == Lang::Ar && matches!(it.kind, ItemKind::Entity { .. }) => counterpart(it) || meets(i) && lone_party(i),
        _ => true,
    };
    let clause = (subject + 2..items.len()).find(|&i| verb(i) && no_subject_after(i))?;
    // (a semicolon between starts another sentence, whose own first name is the subject: "مسکو و الجزیره …
    // ارتقا دادند؛ عبدالمجید تبون … به مسکو سفر کرد و پس از دیدار با ولادیمیر پوتین …")
    let subject = match (subject + 1..clause).rev().find(|&i| matches!(word_at(items, i), Some(";" | "؛"))) {
        Some(semicolon) if entity_at(items, semicolon + 1) && semicolon + 1 < clause => semicolon + 1,
        Some(_) => return None,
        None => subject,
    };
    // (not after a relative pronoun, whose clause it may go on: "انتقدت إيران أذربيجان التي تشتري أسلحة
    // إسرائيلية وتعمق علاقاتها العسكرية مع تل أبيب", "Iran criticised Azerbaijan, which buys … and deepens …")
    if (subject + 1..clause).any(|i| word_at(items, i).is_some_and(|w| RELATIVES.contains(&w))) {
        return None;
    }
    // (in English, after a verb of saying the reported clause's own subject is the verb's: "Armenia said
    // Azerbaijan fired Israeli missiles … and bought more drones from Israel" is Azerbaijan's purchase)
    let mut subject = subject;
    if lang == Lang::En {
        if let Some(reporting) = (subject + 1..clause).rev().find(|&i| word_at(items, i).is_some_and(|w| REPORTING_VERBS.contains(&w))) {
            // (not a verb whose object follows it: "accused Armenia of …", "told Iran that …")
            let takes_object = word_at(items, reporting).is_some_and(|w| OBJECT_REPORTING_VERBS.contains(&w));
            let reported = reporting + 1 + usize::from(word_at(items, reporting + 1) == Some("that"));
            if takes_object || reported >= clause || !entity_at(items, reported) {
                return None;
            }
            subject = reported;
        }
    }
    // (a list is the subject whole: "Muizzu and Xi … and signed 20 agreements")
    let mut last = subject;
    while last + 2 < clause && word_at(items, last + 1).is_some_and(|w| matches!(w, "and" | "," | "و")) && entity_at(items, last + 2) {
        last += 2;
    }
    // ("خلالها" itself is left out: "العباسي بحث مع نظيره …")
    let rest = std::iter::once(&items[clause]).chain(&items[clause + 1 + usize::from(during(clause))..]);
    Some(items[subject..=last].iter().cloned().chain(rest.cloned()).collect())
}

/// Persian connectives that may open a sentence before its subject (folded).
const PERSIAN_OPENERS: &[&str] = &["با اين حال", "با اين همه", "در عين حال", "در همين حال", "از سوي ديگر", "همچنين", "اما", "ولي"];

/// English auxiliaries between a clause's "and" or "but" and its verb.
const ENGLISH_AUXILIARIES: &[&str] = &["has", "have", "had", "will", "would", "is", "was", "has since", "did"];

/// English adverbs between a clause's "and" and its verb.
const CLAUSE_ADVERBS: &[&str] = &["now", "also", "later", "then", "since", "still", "already", "recently"];

/// "During it" (folded), after a verb that is about the visit or meeting named before.
const DURING_IT: &[&str] = &["خلالها", "خلاله", "خلالهما"];

/// Whether an English word has the form of a finite verb ("signed", "buys", "bought"), not of a noun that
/// opens a rule ("and missile attacks on Abu Dhabi").
fn english_verb_form(key: &str) -> bool {
    key.ends_with("ed") || key.ends_with('s') && !key.ends_with("ss") && !key.ends_with("ics") || IRREGULAR_PAST.contains(&key)
}

/// Whether a Persian word (folded) has the form of a finite verb's last word: "دارد", "کرد", "شدند", "است", or
/// of a past participle that ends a clause before "و" ("… به حالت تعلیق درآورده و روابطش با مسکو …").
fn persian_verb_form(key: &str) -> bool {
    key.ends_with('د') || key.ends_with("ست") || key.ends_with("اند") || PARTICIPLE_ENDINGS.iter().any(|e| key.ends_with(e))
}

/// Past participles of the light verbs that end Persian compound verbs (folded).
const PARTICIPLE_ENDINGS: &[&str] = &["كرده", "شده", "داده", "اورده", "گرفته", "داشته", "نموده", "گرديده", "رسانده"];

/// English irregular past forms of verbs that rules open with.
const IRREGULAR_PAST: &[&str] = &["bought", "sold", "met", "held", "sent", "took", "gave", "made", "built", "won", "led", "fought", "struck", "shot", "hit", "brought", "sought", "began", "kept", "paid", "spent", "undertook", "withdrew", "drew", "flew", "overtook", "threw", "broke", "stood"];

/// English verbs that introduce a reported clause.
const REPORTING_VERBS: &[&str] = &["said", "says", "say", "claimed", "claims", "stated", "states", "told", "tells", "added", "adds", "warned", "warns", "reported", "reports", "announced", "announces", "insisted", "argued", "noted", "believes", "believe", "alleged", "alleges", "accused", "accuses", "confirmed", "confirms", "denied", "denies", "suggested", "indicated", "acknowledged", "that"];

/// English verbs of saying whose object, not a reported clause, follows them.
const OBJECT_REPORTING_VERBS: &[&str] = &["told", "tells", "warned", "warns", "accused", "accuses"];

/// Arabic nouns of a body before its name (folded): "شركة «بايكار»", "مجموعة «إيدج»".
const BODY_NOUNS: &[&str] = &["شركه", "مجموعه", "موسسه", "هييه", "وزاره"];

/// Relative pronouns (Arabic folded).
const RELATIVES: &[&str] = &["كه", "الذي", "التي", "اللذين", "اللتين", "اللذان", "اللتان", "الذين", "اللواتي", "اللاتي", "which", "who", "whose", "that"];

/// Arabic prepositions that take a state's pronoun ("ضدها", "إليها", "معها").
const CLITIC_PREPOSITIONS: &[&str] = &["ضد", "الي", "علي", "مع", "من", "ل", "عن"];

/// An Arabic verb or preposition whose object is a state's pronoun ("ـها": states are feminine), read with
/// that state named: "تعتمد الجزائر … على روسيا، التي زودتها … بمقاتلات «سو-30»" is also read "روسيا
/// زودت الجزائر … بمقاتلات «سو-30»", "… وتقديم شكوى ضدها" "… شكوى ضد طهران". The state is the nearest one
/// named before in the sentence that is not the verb's subject (a relative pronoun's antecedent is). The
/// verb's subject, when it has none after it, is the relative's antecedent or the sentence's subject.
/// `None` for other sentences.
pub(super) fn with_object_clitic(entities: &DocEntities, layer: &EntityLayer, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    if lang != Lang::Ar {
        return None;
    }
    let state = |it: &Item| match &it.kind {
        ItemKind::Entity { mentions } => mentions.iter().copied().find(|&m| {
            let e = entities.entity(&layer.gazetteer, entities.mentions[m].entity);
            e.kind == EntityType::Country || e.kind == EntityType::City && e.stands_for.is_some()
        }),
        _ => None,
    };
    let relative_after = |j: usize| (j + 1..(j + 3).min(items.len())).any(|k| word_at(items, k).is_some_and(|w| RELATIVES.contains(&w)));
    for i in 1..items.len() {
        let Some(stem) = word_at(items, i).and_then(|w| w.strip_suffix("ها")).filter(|st| st.chars().count() >= 2) else { continue };
        let stem = stem.strip_prefix('و').filter(|st| st.chars().count() >= 2).unwrap_or(stem);
        let preposition = CLITIC_PREPOSITIONS.contains(&stem);
        // (a verb whose subject is a state: feminine perfect "زودت", "باعت", not a noun with its possessor,
        // "علاقاتها", "دعمها")
        let verb = stem.ends_with('ت') && !stem.ends_with("ات") && relations.rules.opens_rule(lang, stem);
        if !preposition && !verb {
            continue;
        }
        // the pronoun's state, and the verb's subject when it is a relative's antecedent
        let relative_subject = (0..i).rev().take(3).find(|&j| entity_at(items, j) && relative_after(j));
        // (a maker's adjective before the relative is no antecedent: in "مسيّرات «بيرقدار» التركية التي تسلّمتها"
        // the drones are, and the pronoun is theirs, not a state's)
        let adjective = |j: usize| matches!(&items[j].kind, ItemKind::Entity { mentions } if mentions.iter().all(|&m| entities.mentions[m].form == Form::Adjective));
        if relative_subject.is_some_and(adjective) {
            continue;
        }
        // (…nor any maker's adjective: "قرغيزستان من أبرز مشتري المسيّرات التركية، إذ سلّمتها …" points at Kyrgyzstan)
        let Some(antecedent) = (0..i).rev().filter(|&j| Some(j) != relative_subject && !adjective(j)).find_map(|j| state(&items[j]).map(|m| (j, m))) else { continue };
        // the verb's subject after it, perhaps after the noun of a body: "سلّمتها شركة «بايكار» …"
        let body_noun = word_at(items, i + 1).is_some_and(|w| BODY_NOUNS.contains(&w)) && entity_at(items, i + 2);
        let subject_after = entity_at(items, i + 1) || body_noun;
        let object = Item { kind: ItemKind::Entity { mentions: vec![antecedent.1] }, tokens: items[i].tokens.clone() };
        let word = word_item(lang, stem.to_string(), false, items[i].tokens.clone());
        let mut reading: Vec<Item> = Vec::new();
        if preposition {
            reading.extend(items[..i].iter().cloned());
        } else if !subject_after {
            // (a verb without a subject after it: the relative's antecedent, else the sentence's subject)
            let Some(subject) = relative_subject.or_else(|| arabic_subject(items)).filter(|&j| j != antecedent.0) else { continue };
            reading.push(items[subject].clone());
        }
        reading.push(word);
        // (a subject after the verb comes before its object: "زودتها روسيا بـ…" is "زودت روسيا الجزائر بـ…")
        let rest = if !preposition && subject_after {
            let end = i + 2 + usize::from(body_noun);
            reading.extend(items[i + 1..end].iter().cloned());
            end
        } else {
            i + 1
        };
        reading.push(object);
        reading.extend(items[rest..].iter().cloned());
        return Some(reading);
    }
    None
}

/// An Arabic verb joined by "و" with a man's pronoun as its object ("ـه"), read with the person named last
/// before it: "زار ماكرون بيروت بعد أيام من انتخاب عون، والتقاه في قصر بعبدا" is also read "ماكرون التقى عون في
/// قصر بعبدا". The verb must open a rule, its subject is the sentence's. `None` for other sentences.
pub(super) fn with_person_clitic(entities: &DocEntities, layer: &EntityLayer, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    if lang != Lang::Ar {
        return None;
    }
    let person = |it: &Item| match &it.kind {
        ItemKind::Entity { mentions } => mentions.iter().copied().find(|&m| entities.entity(&layer.gazetteer, entities.mentions[m].entity).kind == EntityType::Person),
        _ => None,
    };
    for i in 2..items.len() {
        // (folded: "التقاه" is "التقى" and "ه"; a ta marbuta, folded to "ه" too, ends nouns, which open no rule)
        let Some(stem) = word_at(items, i).and_then(|w| w.strip_prefix('و')).and_then(|w| w.strip_suffix('ه')).filter(|st| st.chars().count() >= 3) else { continue };
        let Some(verb) = [stem.to_string(), stem.strip_suffix('ا').map(|st| format!("{st}ي")).unwrap_or_default()].into_iter().find(|v| !v.is_empty() && relations.rules.opens_rule(Lang::Ar, v)) else { continue };
        let subject = arabic_subject(items)?;
        let Some(object) = (subject + 1..i).rev().find_map(|j| person(&items[j])) else { continue };
        let word = word_item(Lang::Ar, verb, false, items[i].tokens.clone());
        let object = Item { kind: ItemKind::Entity { mentions: vec![object] }, tokens: items[i].tokens.clone() };
        return Some(std::iter::once(items[subject].clone()).chain([word, object]).chain(items[i + 1..].iter().cloned()).collect());
    }
    None
}

/// Relative openers whose clause is about the names before them (folded): "Turkey, whose relations with
/// Israel have soured, …", "Pakistan and Turkey, both of which backed Baku, …", "تركيا، التي أجرت مناورات مع
/// أذربيجان، …", "ایران که از حوثی‌ها حمایت می‌کند، …". (English "which"/"who" clauses the rules read
/// themselves.)
const RELATIVE_OPENERS: &[(Lang, &[&str])] = &[
    (Lang::En, &["whose"]),
    (Lang::En, &["both", "of", "which"]),
    (Lang::En, &["all", "of", "which"]),
    (Lang::En, &["each", "of", "which"]),
    (Lang::En, &["both", "of", "whom"]),
    (Lang::Ar, &["التي"]),
    (Lang::Ar, &["الذي"]),
    (Lang::Ar, &["اللتين"]),
    (Lang::Ar, &["اللتان"]),
    (Lang::Ar, &["اللذين"]),
    (Lang::Ar, &["اللذان"]),
    (Lang::Fa, &["كه"]),
];

/// A relative clause after a list of names, read with the names as its subject: "Turkey, whose relations
/// with Israel have badly soured, …" is also read "Turkey relations with Israel have badly soured". English
/// and Arabic set the clause off with a comma; Persian "که" follows the name. `None` for other sentences.
pub(super) fn with_relative_subject(lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    let opener_at = |i: usize| phrase_at(RELATIVE_OPENERS, lang, items, i, false);
    let comma = |i: usize| word_at(items, i).is_some_and(is_comma);
    // (the comma's place: the opener itself in Persian, which needs none, and may follow the object marker:
    // "مصر تاکنون ایران را، که از حوثی‌ها حمایت می‌کند، …")
    let persian_name = |i: usize| (1..=3).filter(|&d| d <= i).map(|d| i - d).find(|&n| entity_at(items, n) && (n + 1..i).all(|j| matches!(word_at(items, j), Some("را") | Some(",") | Some("،"))));
    let set_off = |i: usize| if lang == Lang::Fa { opener_at(i).is_some() && persian_name(i).is_some() } else { comma(i) && entity_at(items, i - 1) && opener_at(i + 1).is_some() };
    let at = (1..items.len()).find(|&i| set_off(i))?;
    let len = if lang == Lang::Fa { opener_at(at)? - 1 } else { opener_at(at + 1)? };
    let name = if lang == Lang::Fa { persian_name(at)? } else { at - 1 };
    // the names before it, with the rest of their list ("Pakistan and Turkey")
    let mut subject = name;
    while subject >= 2 && matches!(word_at(items, subject - 1), Some(",") | Some("and") | Some("و") | Some("،")) && entity_at(items, subject - 2) {
        subject -= 2;
    }
    let start = at + 1 + len;
    // (not a clause with a subject of its own, whose object the names are: "ایران، که آمریکا آن را … متهم
    // کرده است", "تركيا، التي تتهمها سوريا …")
    let own_subject = match lang {
        Lang::Fa => entity_at(items, start),
        Lang::Ar => word_at(items, start).is_some_and(|w| w.ends_with('ه') || w.ends_with("ها")) && entity_at(items, start + 1),
        Lang::En => false,
    };
    if own_subject {
        return None;
    }
    let end = (start..items.len()).find(|&j| comma(j)).unwrap_or(items.len());
    Some(items[subject..=name].iter().chain(&items[start..end]).cloned().collect())
}

/// Words that may lead an English sentence's subject (folded): "the", honorifics, and the officials of
/// states ("the foreign ministers of").
const SUBJECT_LEAD: &[&str] = &["the", ",", "mr", "ms", "mrs", "dr", "foreign", "defence", "defense", "energy", "ministers", "leaders", "presidents", "heads", "chiefs", "officials", "delegations", "representatives", "envoys", "of", "state", "government"];

/// Words in -ing that open no participle clause of the subject's ("according to", "including").
const NOT_PARTICIPLES: &[&str] = &["according", "including", "during", "following", "regarding", "concerning", "notwithstanding", "pending", "excluding", "amounting", "bring", "thing", "nothing", "something", "everything", "morning", "evening", "meeting", "building", "spring", "king", "beijing", "wing"];

/// A participle clause after a comma, read with the subject of the sentence: "Kazakhstan has diversified
/// its suppliers, buying Wing Loong drones from China" is also read "Kazakhstan buying Wing Loong drones
/// from China", "حذر فيدان من …، متهما إسرائيل بـ…" also "فيدان متهما إسرائيل بـ…". English participles end
/// in -ing; Arabic ones are listed in `participles.tsv`. `None` for other sentences.
pub(super) fn with_participle_subject(doc: &TextDoc, relations: &RelationLayer, lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    let (subject, participle): (usize, Box<dyn Fn(usize) -> bool>) = match lang {
        Lang::En => (
            // (after "the", or the comma a time phrase read past leaves: "In June, Bangladesh, Pakistan and
            // China held …, agreeing to cooperate")
            // (or after the officials of the states: "The foreign ministers of Türkiye, Azerbaijan and Pakistan …")
            (0..7).find(|&i| entity_at(items, i) && (0..i).all(|j| word_at(items, j).is_some_and(|w| SUBJECT_LEAD.contains(&w))) && (i < 3 || word_at(items, i - 1) == Some("of")))?,
            // ("meeting" is a noun, unless "with" follows: "…, meeting separately with Witkoff and Araghchi")
            Box::new(|i: usize| matches!(items.get(i).map(|it| &it.kind), Some(ItemKind::Word { key, punct: false, .. }) if key.ends_with("ing") && key.len() > 5 && (!NOT_PARTICIPLES.contains(&key.as_str()) || key == "meeting" && (i + 1..i + 3).any(|j| word_at(items, j) == Some("with"))))),
        ),
        Lang::Ar => (
            arabic_subject(items)?,
            // (or "كما" and a verb: "…، كما تشارك بانتظام في مناورات «النجم الساطع» التي تنظمها مع الولايات المتحدة")
            // (…or "إذ" and a verb: "وتسعى أبوظبي إلى تنويع مصادر تسليحها، إذ تعاقدت على شراء 80 مقاتلة «رافال»")
            Box::new(|i: usize| items.get(i).is_some_and(|it| matches!(it.kind, ItemKind::Word { .. }) && relations.participles.at(lang, &doc.tokens, it.tokens.start, it.tokens.end).is_some()) || matches!(word_at(items, i), Some("كما" | "اذ")) && matches!(items.get(i + 1).map(|it| &it.kind), Some(ItemKind::Word { punct: false, .. }))),
        ),
        Lang::Fa => return None,
    };
    // the subject with the rest of its list ("Bangladesh, Pakistan and China")
    let mut subject_end = subject + 1;
    while matches!(word_at(items, subject_end), Some(",") | Some("and") | Some("و") | Some("،")) && entity_at(items, subject_end + 1) {
        subject_end += 2;
    }
    // (an Arabic participle with its object needs no comma: "أعلنت الجزائر قطعها متهمة المغرب بـ…")
    let opens = |i: usize| matches!(&items[i - 1].kind, ItemKind::Word { key, .. } if is_comma(key)) || lang == Lang::Ar && !entity_at(items, i - 1) && entity_at(items, i + 1);
    let mut clause = (subject_end + 1..items.len()).find(|&i| opens(i) && participle(i))?;
    // ("إذ" opens a clause of the subject's only with no name between them and none right after its verb: not "وتعد روسيا
    // من أكبر موردي السلاح إلى مصر، إذ تسلمت القاهرة …", nor "قالت روسيا إن الجزائر، إذ وقعت …")
    if word_at(items, clause) == Some("اذ") && ((subject_end..clause).any(|k| entity_at(items, k)) || entity_at(items, clause + 2)) {
        return None;
    }
    clause += usize::from(matches!(word_at(items, clause), Some("كما" | "اذ")));
    Some(items[subject..subject_end].iter().chain(&items[clause..]).cloned().collect())
}

/// The length in items of the first phrase of `table` in `lang` that starts at item `i`; with `waw`, its first
/// word may carry a "و" ("ومنها", "ومن بين").
fn phrase_at(table: &[(Lang, &[&str])], lang: Lang, items: &[Item], i: usize, waw: bool) -> Option<usize> {
    let word_is = |k: usize, w: &str, first: bool| word_at(items, i + k).is_some_and(|x| x == w || waw && first && x.strip_prefix('و') == Some(w));
    table.iter().filter(|(l, _)| *l == lang).find(|(_, p)| p.iter().enumerate().all(|(k, w)| word_is(k, w, k == 0))).map(|(_, p)| p.len())
}

/// Words that introduce examples of a class just named ("armed groups such as Hezbollah", "دول منها
/// أوكرانيا", "کشورهایی از جمله اوکراین"), folded.
const EXAMPLE_CUES: &[(Lang, &[&str])] = &[
    (Lang::En, &["including"]),
    (Lang::En, &["such", "as"]),
    (Lang::En, &["like"]),
    (Lang::En, &["notably"]),
    (Lang::En, &["among", "them"]),
    (Lang::En, &["especially"]),
    (Lang::En, &["particularly"]),
    (Lang::En, &["in", "particular"]),
    (Lang::Ar, &["منها"]),
    (Lang::Ar, &["من", "بينها"]),
    (Lang::Ar, &["منهم"]),
    (Lang::Ar, &["من", "بينهم"]),
    (Lang::Ar, &["مثل"]),
    (Lang::Ar, &["بما", "فيها"]),
    (Lang::Ar, &["بما", "فيهم"]),
    (Lang::Ar, &["بما", "في", "ذلك"]),
    (Lang::Ar, &["لا", "سيما"]),
    (Lang::Ar, &["خاصه"]),
    (Lang::Ar, &["خصوصا"]),
    (Lang::Ar, &["ابرزها"]),
    (Lang::Ar, &["علي", "راسها"]),
    (Lang::Ar, &["في", "مقدمتها"]),
    (Lang::Fa, &["از", "جمله"]),
    (Lang::Fa, &["مانند"]),
    (Lang::Fa, &["مثل"]),
    (Lang::Fa, &["بهويژه"]),
    (Lang::Fa, &["به", "ويژه"]),
    (Lang::Fa, &["بويژه"]),
    (Lang::Fa, &["بخصوص"]),
    (Lang::Fa, &["خصوصا"]),
    (Lang::Fa, &["نظير"]),
    (Lang::Fa, &["همچون"]),
];

/// Plural nouns of a class of actors whose examples may follow (folded; Arabic without proclitics).
const CLASS_NOUNS: &[&str] = &[
    "groups", "militias", "proxies", "factions", "movements", "organisations", "organizations", "allies", "partners", "countries", "states", "nations", "neighbours", "neighbors", "forces", "fighters", "customers", "buyers", "clients", "powers", "governments", "militants", "armies", "members", "capitals", "operators", "users",
    // (and classes of arms: "Indian-made platforms, including the Akash …")
    "platforms", "systems", "weapons", "arms", "equipment", "hardware", "aircraft", "drones", "missiles", "jets", "helicopters", "vehicles", "warships",
    "الجماعات", "جماعات", "الفصايل", "فصايل", "الميليشيات", "ميليشيات", "المليشيات", "مليشيات", "وكلايها", "وكلاها", "وكلا", "الوكلا", "حلفايها", "حلفاها", "حلفا", "الحلفا", "الدول", "دول", "دولا", "البلدان", "بلدان", "الحركات", "التنظيمات", "القوي", "الجيوش", "شركايها", "الشركا", "شركا", "الزباين", "الحكومات", "العواصم", "عواصم", "الاطراف", "اطراف",
    "الانظمه", "انظمه", "المنظومات", "منظومات", "الاسلحه", "اسلحه", "المعدات", "معدات", "الطايرات", "طايرات", "المسيرات", "مسيرات", "المقاتلات", "مقاتلات",
    "گروهها", "گروههاي", "گروههايي", "كشورها", "كشورهاي", "كشورهايي", "شبهنظاميان", "نيروهاي", "نيروهايي", "متحدان", "متحدانش", "شركاي", "شركايش", "دولتهاي", "دولتهايي", "قدرتهاي", "جنبشهاي", "سازمانهاي", "گروهكهاي", "خريداران", "مشتريان", "همسايگان",
    "سامانهها", "سامانههاي", "تسليحات", "تجهيزات", "جنگندهها", "جنگندههاي", "پهپادها", "پهپادهاي",
];

/// Words before a class noun that go with it when its examples stand in for it ("several countries", "its
/// proxy groups", "عدة دول"), folded.
const CLASS_MODIFIERS: &[&str] = &["its", "their", "his", "her", "the", "a", "number", "of", "several", "many", "some", "various", "other", "few", "proxy", "armed", "allied", "militant", "affiliated", "regional", "foreign", "friendly", "neighbouring", "neighboring", "western", "arab", "gulf", "european", "african", "asian", "major", "key", "main", "more", "than", "dozen", "عده", "بعض"];

/// How many words may stand between a class noun and the cue of its examples ("armed groups in the region
/// such as", "الفصائل المسلحة مثل", "کشورهای مختلفی از جمله").
const CLASS_REACH: usize = 4;

/// The sentence with a class noun replaced by the examples that follow it: "Israel accuses Iran of
/// supporting its proxy groups, including Hezbollah and the Houthis" is also read "Israel accuses Iran of
/// supporting Hezbollah and the Houthis", "باعت تركيا الطائرات إلى عدة دول منها أوكرانيا" also "باعت تركيا
/// الطائرات إلى أوكرانيا". A proclitic on the first word left out stays ("لعدة دول منها" → "ل"). `None` if
/// the sentence names no examples of a class.
pub(super) fn with_class_examples(lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    let cue_at = |i: usize| phrase_at(EXAMPLE_CUES, lang, items, i, true);
    let stem_in = |i: usize, list: &[&str]| match items.get(i).map(|it| &it.kind) {
        Some(ItemKind::Word { key, punct: false, stems }) => std::iter::once(key).chain(stems).find(|k| list.contains(&k.as_str())).cloned(),
        _ => None,
    };
    let mut out: Vec<Item> = Vec::new();
    let mut copied = 0;
    let mut i = 1;
    while i < items.len() {
        // (the first example may come with its article: "including the Akash …")
        let Some(len) = cue_at(i).filter(|&len| entity_at(items, i + len) || word_at(items, i + len) == Some("the") && entity_at(items, i + len + 1)) else {
            i += 1;
            continue;
        };
        // the class noun before the cue (and a comma), with no name between
        let before = if word_at(items, i - 1).is_some_and(is_comma) { i - 1 } else { i };
        let noun = (before.saturating_sub(CLASS_REACH)..before).rev().take_while(|&k| k >= copied && !entity_at(items, k) && !word_at(items, k).is_some_and(is_comma)).find(|&k| stem_in(k, CLASS_NOUNS).is_some());
        let Some(mut start) = noun else {
            i += len;
            continue;
        };
        while start > copied && stem_in(start - 1, CLASS_MODIFIERS).is_some() {
            start -= 1;
        }
        out.extend(items[copied..start].iter().cloned());
        // (the proclitic of the first word left out: "لعدة" → "ل")
        if let (Some(ItemKind::Word { key, .. }), Some(stem)) = (items.get(start).map(|it| &it.kind), stem_in(start, CLASS_MODIFIERS).or_else(|| stem_in(start, CLASS_NOUNS))) {
            if let Some(proclitic) = key.strip_suffix(stem.as_str()).filter(|p| !p.is_empty()) {
                out.push(word_item(lang, proclitic.to_string(), false, items[start].tokens.clone()));
            }
        }
        copied = i + len;
        i = copied;
    }
    if copied == 0 {
        return None;
    }
    out.extend(items[copied..].iter().cloned());
    Some(out)
}

/// An accusation whose charge is a clause ("آمریکا جمهوری اسلامی را متهم کرد که درآمد نفت را صرف حمایت از
/// حزب‌الله می‌کند", "اتهمت واشنطن طهران بأنها تسلح الحوثيين"), the clause read with the accused as its subject
/// ("جمهوری اسلامی درآمد نفت را صرف حمایت از حزب‌الله می‌کند", "طهران تسلح الحوثيين"), and an English charge
/// after "of" ("accused Tehran of having supplied Russia with missiles"). `None` for other sentences.
pub(super) fn with_accused_subject(lang: Lang, items: &[Item]) -> Option<Vec<Item>> {
    // (the accused, the first item left out, and the clause's first item)
    let (accused, charge) = match lang {
        Lang::Fa => {
            let light_verb = |i: usize| word_at(items, i).is_some_and(|w| w.starts_with("كرد") || w.starts_with("ميكن") || w.starts_with("كن") || w.starts_with("نمود"));
            let at = (2..items.len()).find(|&i| word_at(items, i) == Some("متهم") && word_at(items, i - 1) == Some("را") && entity_at(items, i - 2) && light_verb(i + 1) && word_at(items, i + 2) == Some("كه"))?;
            (at - 2, at + 3)
        }
        Lang::Ar => {
            let accuses = |i: usize| word_at(items, i).is_some_and(|w| ACCUSING_AR.iter().any(|a| w == *a || w.strip_prefix('و') == Some(*a)));
            let at = (2..items.len()).find(|&i| word_at(items, i).is_some_and(|w| THAT_IT_AR.contains(&w)) && entity_at(items, i - 1) && (0..i - 1).any(accuses))?;
            (at - 1, at + 1)
        }
        // ("accused Tehran of having supplied Russia with missiles" → "Tehran supplied Russia with missiles")
        Lang::En => {
            let accuses = |i: usize| word_at(items, i).is_some_and(|w| ACCUSING_EN.contains(&w));
            let at = (2..items.len()).find(|&i| word_at(items, i) == Some("of") && entity_at(items, i - 1) && (0..i - 1).rev().take(8).any(accuses))?;
            (at - 1, at + 1 + usize::from(word_at(items, at + 1) == Some("having")))
        }
    };
    // the accused with the rest of their list ("ایران و روسیه را")
    let mut first = accused;
    while first >= 2 && matches!(word_at(items, first - 1), Some("و" | "," | "،")) && entity_at(items, first - 2) {
        first -= 2;
    }
    Some(items[first..=accused].iter().chain(&items[charge..]).cloned().collect())
}

/// Verbs of accusing (folded; Arabic without "و"), and the Arabic "that it/he/they" after the accused.
const ACCUSING_EN: &[&str] = &["accused", "accuses", "accuse", "accusing", "suspected", "suspects", "charged", "charges", "blamed"];
const ACCUSING_AR: &[&str] = &["اتهم", "اتهمت", "يتهم", "تتهم", "اتهموا", "يتهمون"];
const THAT_IT_AR: &[&str] = &["بانها", "بانه", "بانهم", "بانهما"];
