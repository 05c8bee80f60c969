//! Relations that come from offices and meetings rather than patterns: `officialOf` for every office
//! the text states, visits implied by a meeting abroad ("Sisi met Xi in Beijing"), and the state-level
//! roll-ups of personal relations ("Gantz, Israel's defence minister, met Aliyev, Azerbaijan's
//! president" → Israel meetsWith Azerbaijan), marked as derived; and no visit of a person to their own
//! state.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use super::{Modality, Relation, RelationMention, TextSpan};
use crate::entities::recognize::EntityLayer;
use crate::entities::phrases::PhraseList;
use crate::entities::{DocEntities, EntityType, Mention};
use crate::text::TextDoc;

/// Confidence of an office stated next to the name, and of one known only from the gazetteer.
const STATED_OFFICE: f64 = 0.9;
const KNOWN_OFFICE: f64 = 0.75;

/// `officialOf` mentions for the offices of a document.
pub fn offices(entities: &DocEntities) -> Vec<RelationMention> {
    entities
        .offices
        .iter()
        .map(|o| {
            let person = &entities.mentions[o.person];
            let of_span = o.of_mention.map(|m| &entities.mentions[m]).map_or(TextSpan { start: o.start, end: o.end }, |m| TextSpan { start: m.start, end: m.end });
            RelationMention {
                relation: Relation::OfficialOf,
                subject: person.entity,
                object: o.of_entity,
                sentence: o.sentence,
                subject_span: TextSpan { start: person.start, end: person.end },
                object_span: of_span,
                cue_span: TextSpan { start: o.start, end: o.end },
                rule: if o.from_gazetteer { "office+gazetteer".into() } else { "office".into() },
                modality: Modality::Asserted,
                confidence: if o.from_gazetteer { KNOWN_OFFICE } else { STATED_OFFICE },
                derived: false,
                role: Some(o.role.clone()),
                quantities: Vec::new(),
            }
        })
        .collect()
}

/// Confidence of an office known only from the gazetteer, the text naming the person without it.
const UNSTATED_OFFICE: f64 = 0.6;

/// How long after leaving an office a person named in the news is still named as its holder (about
/// four years: "the Egyptian Hegazy" for a 2021 agreement, in 2024).
const FORMER_OFFICE_DAYS: u64 = 4 * 365;

/// `officialOf` for a known office-holder the text names without an office ("Putin said …"), when
/// no office of theirs is stated in the document and they held it at the document's date (if known)
/// or left it a few years before.
pub fn known_offices(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention], date: Option<NaiveDate>) -> Vec<RelationMention> {
    let gazetteer = &layer.gazetteer;
    let parse = |d: &Option<String>| d.as_deref().and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok().or_else(|| NaiveDate::parse_from_str(&format!("{d}-01"), "%Y-%m-%d").ok()));
    let mut out: Vec<RelationMention> = Vec::new();
    for m in entities.mentions.iter().filter(|m| !m.furniture) {
        let person = entities.entity(gazetteer, m.entity);
        let (Some(role), Some(state)) = (person.role.as_ref(), gazetteer.country_of(person)) else { continue };
        if person.kind != EntityType::Person || entities.entity(gazetteer, state).kind != EntityType::Country || layer.is_profession(role) {
            continue;
        }
        // an office in a non-state body is an office of that body ("Commander-in-Chief of the SDF")
        let of = layer.body_of_office(role).unwrap_or(state);
        // (a recent former holder is still named for that office: "Assad", nine months after his fall)
        let in_office = date.is_none_or(|d| parse(&person.since).is_none_or(|s| s <= d) && parse(&person.until).is_none_or(|u| d <= u + chrono::Days::new(FORMER_OFFICE_DAYS)));
        let stated = mentions.iter().any(|r| r.relation == Relation::OfficialOf && r.subject == m.entity);
        if !in_office || stated || out.iter().any(|r| r.subject == m.entity) {
            continue;
        }
        out.push(RelationMention {
            relation: Relation::OfficialOf,
            subject: m.entity,
            object: of,
            sentence: m.sentence,
            subject_span: TextSpan { start: m.start, end: m.end },
            object_span: TextSpan { start: m.start, end: m.end },
            cue_span: TextSpan { start: m.start, end: m.end },
            rule: "office-known".into(),
            modality: Modality::Asserted,
            confidence: UNSTATED_OFFICE,
            derived: false,
            role: Some(role.clone()),
            quantities: Vec::new(),
        });
    }
    out
}

/// Confidence of a conflict stated by naming a war ("the 44-day war", "جنگ اوکراین").
const NAMED_WAR: f64 = 0.7;

/// `inConflictWith` between the belligerents of a war the text names (the gazetteer's
/// `belligerents` column): "Armenia's defeat in the 44-day war", "Russia's invasion of Ukraine".
/// Once per sentence and pair.
pub fn named_wars(layer: &EntityLayer, entities: &DocEntities) -> Vec<RelationMention> {
    let gazetteer = &layer.gazetteer;
    let mut out: Vec<RelationMention> = Vec::new();
    for m in entities.mentions.iter().filter(|m| !m.furniture) {
        let war = entities.entity(gazetteer, m.entity);
        let sides: Vec<Vec<usize>> = war.belligerents.iter().map(|side| side.iter().filter_map(|id| gazetteer.index_of(id)).collect()).collect();
        // (pairs across sides only: allies fought together)
        let pairs = sides.iter().enumerate().flat_map(|(x, side)| sides[x + 1..].iter().flat_map(move |other| side.iter().flat_map(move |&a| other.iter().map(move |&b| (a, b)))));
        for (a, b) in pairs {
            if out.iter().any(|r| r.sentence == m.sentence && r.subject == a && r.object == b) {
                continue;
            }
            let span = TextSpan { start: m.start, end: m.end };
            out.push(RelationMention {
                relation: Relation::InConflictWith,
                subject: a,
                object: b,
                sentence: m.sentence,
                subject_span: span,
                object_span: span,
                cue_span: span,
                rule: format!("named-war:{}", war.id),
                modality: Modality::Asserted,
                confidence: NAMED_WAR,
                derived: false,
                role: None,
                quantities: Vec::new(),
            });
        }
    }
    out
}

/// How many words may stand between a meeting and its place ("met Aliyev on Tuesday in Baku",
/// "signed a declaration on allied interaction in Moscow").
const PLACE_REACH: usize = 6;
/// How far after a meeting the sentence's one city may stand ("met Tamim on the sidelines of the COP28 summit in Dubai").
const ONLY_CITY_REACH: usize = 10;

/// Words (folded) before a place that say where something happens.
const LOCATIVES: &[&str] = &["in", "at", "في", "فى", "در"];
/// Offices whose holders live where they meet people: they do not visit there.
const RESIDENT_ROLES: &[&str] = &["Ambassador", "Chargé d'Affaires"];

/// Words for "the capital" before its name (folded).
const CAPITAL_WORDS: &[&str] = &["العاصمه", "capital", "پايتخت"];
/// Verbs (folded) that make a city the host of a meeting.
const HOSTS: &[&str] = &["hosted", "hosts", "host", "hosting", "استضافت", "استضاف", "تستضيف", "يستضيف", "احتضنت", "احتضن", "تحتضن", "يحتضن", "ميزبان"];

/// Cue words of a reception (lower-case, as written), and of a call, which is none.
const RECEIVED: &[&str] = &["receiv", "welcom", "hosted", "hosting", "استقبل", "استقباله", "يستقبل", "تستقبل", "پذیرفت", "استقبال کرد", "میزبان"];
const PHONE: &[&str] = &["phone", "call", "هاتف", "اتصال", "تلفن", "تماس"];
/// Words of a passive reception, whose host follows ("received by", "من قبل", "توسط").
const PASSIVE_BY: &[&str] = &[" by", "من قبل", "من طرف", "توسط", "از سوی"];

/// Words that say the guests of a meeting met apart ("separately", "كل على حدة", "جداگانه"), folded.
const SEPARATELY: &[&str] = &["separately", "individually", "respectively", "حده", "منفصله", "منفرده", "جداگانه", "جدا"];

/// People who sign an agreement together meet; so do the guests of one meeting; a meeting held in a city abroad is a visit there,
/// and a guest received by a host of another state, no place named, came to the host's state:
/// "Sisi met Xi in Beijing" (Sisi visits Beijing, Xi is at home). Both are stated by the sentence,
/// with its modality.
pub fn meeting_places(doc: &TextDoc, layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let gazetteer = &layer.gazetteer;
    let entity = |e: usize| entities.entity(gazetteer, e);
    let stated = stated_states(layer, entities, mentions);
    let state_of = |p: usize| person_state(layer, entities, &stated, p);
    // the people behind a mention's spans: an agreement signed by officials is stored between their
    // states, with the officials' spans
    let person_at = |span: TextSpan| entities.mentions.iter().find(|p| p.start >= span.start && p.end <= span.end && entity(p.entity).kind == EntityType::Person).map(|p| p.entity);
    let mut out = Vec::new();
    // people who sign together meet ("Putin and Aliyev signed a declaration in Moscow")
    for m in mentions.iter().filter(|m| m.relation == Relation::SignsAgreementWith && !m.derived && m.modality != Modality::Negated) {
        let (Some(a), Some(b)) = (person_at(m.subject_span), person_at(m.object_span)) else { continue };
        let met = |x: &RelationMention| x.relation == Relation::MeetsWith && x.sentence == m.sentence && (x.subject == a && x.object == b || x.subject == b && x.object == a);
        if a != b && !mentions.iter().chain(&out).any(met) {
            out.push(RelationMention { relation: Relation::MeetsWith, subject: a, object: b, rule: format!("co-signing:{}", m.rule), confidence: m.confidence * 0.8, role: None, ..m.clone() });
        }
    }
    // the guests of one meeting, of two states, meet each other ("Afwerki hosted El-Sisi and Hassan
    // Sheikh Mohamud for talks"), unless the sentence says they met separately
    let apart = |s: usize| doc.tokens[doc.sentences[s].tokens.clone()].iter().any(|t| SEPARATELY.contains(&t.key.as_str()));
    let plain: Vec<&RelationMention> = mentions.iter().filter(|m| m.relation == Relation::MeetsWith && !m.derived && m.modality != Modality::Negated).collect();
    // (two guests: the leaders of a summit a host meets, "با رهبران قزاقستان، قرقیزستان، تاجیکستان …", are no pairs of
    // talks the article reports)
    let guests = |a: &RelationMention| plain.iter().filter(|x| x.sentence == a.sentence && x.rule == a.rule && x.cue_span == a.cue_span && x.subject == a.subject).count();
    for (i, a) in plain.iter().enumerate() {
        for b in &plain[i + 1..] {
            let one_meeting = a.sentence == b.sentence && a.rule == b.rule && a.cue_span == b.cue_span && a.subject == b.subject && a.object != b.object && guests(a) == 2;
            // (guests of two states: a visitor who meets a president and his minister met them, they did
            // not meet each other)
            let state = |e: usize| if entity(e).kind == EntityType::Person { state_of(e) } else { Some(e) };
            let same_kind = entity(a.object).kind == entity(b.object).kind && state(a.object).zip(state(b.object)).is_some_and(|(x, y)| x != y);
            let met = |x: &RelationMention| x.relation == Relation::MeetsWith && x.sentence == a.sentence && (x.subject == a.object && x.object == b.object || x.subject == b.object && x.object == a.object);
            if one_meeting && same_kind && !apart(a.sentence) && !mentions.iter().chain(&out).any(met) {
                out.push(RelationMention { subject: a.object, object: b.object, subject_span: a.object_span, object_span: b.object_span, rule: format!("co-guests:{}", a.rule), confidence: a.confidence.min(b.confidence) * 0.8, role: None, ..(*a).clone() });
            }
        }
    }
    // a city set in the sentence by "in"/"في"/"در" or "بـ", or the host of the meeting ("Muscat hosted talks
    // that brought together …", "استضافت مسقط محادثات جمعت …")
    // (a host verb with its object pronoun counts too, "احتضنتها العاصمة تونس", and a locative or host before
    // "the capital": "in the capital, Tunis")
    let hosts = |t: Option<&crate::text::token::Token>| t.is_some_and(|t| HOSTS.iter().any(|h| t.key == *h || t.key.strip_suffix("ها").or_else(|| t.key.strip_suffix('ه')) == Some(h)));
    let capital_word = |t: usize| CAPITAL_WORDS.contains(&doc.tokens[t].key.as_str());
    let before = |c: &Mention| c.tokens.start.checked_sub(1).map(|t| if t > 0 && (capital_word(t) || doc.tokens[t].key == "the") { t - 1 } else { t });
    let located = |c: &Mention| before(c).is_some_and(|t| LOCATIVES.contains(&doc.tokens[t].key.as_str()) || hosts(doc.tokens.get(t))) || c.proclitic.ends_with('ب') || hosts(doc.tokens.get(c.tokens.end));
    let seat_state = |e: usize| (entity(e).kind == EntityType::Organization).then(|| entity(e).stands_for.as_deref().and_then(|id| gazetteer.index_of(id))).flatten().filter(|&st| entity(st).kind == EntityType::Country);
    let meetings: Vec<RelationMention> = mentions.iter().chain(&out).filter(|m| m.relation == Relation::MeetsWith && !m.derived && m.modality != Modality::Negated).cloned().collect();
    for m in &meetings {
        // the place: a city right after the meeting (cue and both people), after "in"/"في"/"در" or
        // "بـ", with no comma between ("… الاتفاق الذي أبرمته الرياض وطهران في بكين" is another event)
        // …or right after the cue, before the partner: "held talks in Tehran on Sunday with his counterpart"
        let after = m.cue_span.end.max(m.subject_span.end).max(m.object_span.end);
        let sentence = &doc.tokens[doc.sentences[m.sentence].tokens.clone()];
        // (the words between a point and a mention, and whether a comma is among them; "،" folds to ",")
        let gap = |from: usize, c: &Mention| sentence.iter().filter(|t| t.start >= from && t.end <= c.start).fold((0, false), |(n, comma), t| (n + 1, comma || t.key == ","));
        let place_from = |after: usize, reach: usize| {
            entities.mentions.iter().filter(|c| c.sentence == m.sentence && c.start >= after && !c.furniture).find(|c| {
                // (or a seat of government that stands for its state: "met Trump at the White House")
                let city = entity(c.entity).kind == EntityType::City || seat_state(c.entity).is_some();
                let (words, comma) = gap(after, c);
                // (nor another entity between: "… أبرمته الرياض وطهران في بكين" is their event)
                let other = entities.mentions.iter().any(|o| o.sentence == m.sentence && o.start >= after && o.end <= c.start);
                city && !comma && !other && words <= reach && located(c)
            })
        };
        let before_partner = m.cue_span.end <= m.object_span.start && m.subject_span.end <= m.cue_span.start;
        // …or the sentence's one city, set in it by a locative: "the summit in Asmara brought together …", "met … on the
        // sidelines of the COP28 summit in Dubai" (after the meeting, close and with no comma: one farther on is another
        // clause's, "… دیدار کرد و دو وزیر درباره برگزاری دور تازه گفت‌وگو … در نیکوزیا …")
        let near_after = |c: &Mention| {
            let (words, comma) = gap(after, c);
            !comma && words <= ONLY_CITY_REACH
        };
        let only_city = || {
            let cities: Vec<&Mention> = entities.mentions.iter().filter(|c| c.sentence == m.sentence && !c.furniture && entity(c.entity).kind == EntityType::City).collect();
            match cities[..] {
                [one] if located(one) && (one.start < after || near_after(one)) => Some(one),
                _ => None,
            }
        };
        let place = place_from(after, PLACE_REACH + 1).or_else(|| before_partner.then(|| place_from(m.cue_span.end, 3)).flatten().filter(|c| c.end <= m.object_span.start)).or_else(only_city);
        let Some(place) = place else {
            // no place named: a guest received by a host of another state came to the host's state
            // ("Trump, receiving the crown prince …", "استقبل السيسي الرئيس القبرصي"), not a phone call
            let cue = doc.text[m.cue_span.start..m.cue_span.end].to_lowercase();
            // (the call may follow the verb: "received a phone call from …")
            let to_partner = doc.text[m.cue_span.start..m.cue_span.end.max(m.subject_span.start).max(m.object_span.start)].to_lowercase();
            let received = RECEIVED.iter().any(|w| cue.contains(w)) && !PHONE.iter().any(|w| to_partner.contains(w)) && !m.rule.starts_with("co-");
            // the host: the one before an active verb ("X received Y"), after a passive one ("Y was received
            // by X"), the nearer after a verb that opens the clause ("استقبل X Y") or the first before a final
            // one ("X Y را به حضور پذیرفت")
            let after_cue = doc.text[m.cue_span.end..].chars().take(6).collect::<String>().to_lowercase();
            // (…or later, before the party it introduces: "was received later in the day by President Pezeshkian")
            let later_party = m.subject_span.start.max(m.object_span.start);
            let up_to_party = (later_party > m.cue_span.end).then(|| format!(" {}", doc.text[m.cue_span.end..later_party].to_lowercase())).unwrap_or_default();
            let passive = PASSIVE_BY.iter().any(|w| cue.contains(w) || after_cue.starts_with(w) || up_to_party.contains(&format!("{w} ")));
            let parties = if m.subject_span.start <= m.object_span.start { [(m.subject, m.subject_span), (m.object, m.object_span)] } else { [(m.object, m.object_span), (m.subject, m.subject_span)] };
            let ((first, first_span), (second, _)) = (parties[0], parties[1]);
            let straddle = first_span.end <= m.cue_span.start && m.cue_span.end <= parties[1].1.start;
            // (…or right before the second party, both before the verb: "میرزا از سوی علی‌اف به حضور پذیرفته شد")
            let by_second = first_span.end <= parties[1].1.start && {
                let between = doc.text[first_span.end..parties[1].1.start].trim_end().to_lowercase();
                PASSIVE_BY.iter().any(|w| between.ends_with(w.trim()))
            };
            let (host, guest) = if straddle && passive || by_second { (second, first) } else { (first, second) };
            if let Some(home) = received.then(|| state_of(host)).flatten().filter(|&h| entity(guest).kind == EntityType::Person && state_of(guest).is_some_and(|g| g != h)) {
                out.push(RelationMention {
                    relation: Relation::Visits,
                    subject: guest,
                    object: home,
                    subject_span: m.object_span,
                    object_span: m.subject_span,
                    rule: format!("received-by-host:{}", m.rule),
                    confidence: m.confidence * 0.7,
                    role: None,
                    ..m.clone()
                });
            }
            continue;
        };
        let target = seat_state(place.entity).unwrap_or(place.entity);
        let Some(country) = place_country(layer, entities, target) else { continue };
        for (person, span) in [(m.subject, m.subject_span), (m.object, m.object_span)] {
            // (an ambassador meets where he is posted: "در دیدار با الکسی ددوف، سفیر روسیه در تهران" is no visit)
            let resident = mentions.iter().any(|o| o.relation == Relation::OfficialOf && o.subject == person && o.role.as_deref().is_some_and(|r| RESIDENT_ROLES.contains(&r)));
            if entity(person).kind != EntityType::Person || resident || state_of(person).is_none_or(|st| st == country) {
                continue;
            }
            out.push(RelationMention {
                relation: Relation::Visits,
                subject: person,
                object: target,
                subject_span: span,
                object_span: TextSpan { start: place.start, end: place.end },
                rule: format!("meeting-place:{}", m.rule),
                confidence: m.confidence * 0.8,
                role: None,
                ..m.clone()
            });
        }
    }
    out
}

/// Visits of the people who accompanied a visitor: a sentence that says someone travelled with another
/// ("Belousov, who accompanied Putin on the visit", "ورافق مودي في الزيارة وزير الخارجية جايشانكار") names a visitor
/// and companions of his state; each companion made the visitor's first visit up to that sentence (the one the article is about) too. Not the
/// hosts (another state's people), and not where the companion's visit there is stated already.
pub fn companions_visits(doc: &TextDoc, layer: &EntityLayer, companions: &PhraseList, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let stated = stated_states(layer, entities, mentions);
    let state = |p: usize| person_state(layer, entities, &stated, p);
    let person = |e: usize| entities.entity(&layer.gazetteer, e).kind == EntityType::Person;
    let visits: Vec<&RelationMention> = mentions.iter().filter(|m| m.relation == Relation::Visits && m.modality != Modality::Negated && person(m.subject)).collect();
    let mut out: Vec<RelationMention> = Vec::new();
    for (s, sentence) in doc.sentences.iter().enumerate() {
        let Some(lang) = doc.paragraphs[sentence.paragraph].lang.or(doc.body_lang()) else { continue };
        if companions.find(lang, &doc.tokens, sentence.tokens.clone()).is_empty() {
            continue;
        }
        let mut people: Vec<usize> = entities.mentions.iter().filter(|m| m.sentence == s && !m.furniture && person(m.entity)).map(|m| m.entity).collect();
        people.sort_unstable();
        people.dedup();
        for &visitor in &people {
            // (the visit the article is about: the visitor's first up to this sentence)
            let Some(visit) = visits.iter().filter(|v| v.subject == visitor && v.sentence <= s).min_by_key(|v| v.sentence) else { continue };
            for &companion in people.iter().filter(|&&p| p != visitor && state(p).is_some() && state(p) == state(visitor)) {
                let known = |m: &RelationMention| m.relation == Relation::Visits && m.subject == companion && m.object == visit.object;
                if mentions.iter().chain(&out).any(known) {
                    continue;
                }
                let Some(at) = entities.mentions.iter().find(|m| m.sentence == s && m.entity == companion) else { continue };
                let span = TextSpan { start: at.start, end: at.end };
                out.push(RelationMention { subject: companion, sentence: s, subject_span: span, cue_span: span, rule: format!("companion:{}", visit.rule), confidence: visit.confidence * 0.6, derived: false, role: None, ..(*visit).clone() });
            }
        }
    }
    out
}

/// A person's state: an office stated in the document (`stated`), else the gazetteer's for an
/// office-holder.
fn person_state(layer: &EntityLayer, entities: &DocEntities, stated: &HashMap<usize, usize>, p: usize) -> Option<usize> {
    let person = entities.entity(&layer.gazetteer, p);
    stated.get(&p).copied().or_else(|| person.role.as_ref().and_then(|_| person.country.as_deref()).and_then(|id| layer.gazetteer.index_of(id)))
}

/// The country a place is in (a country is its own): a city's or region's `country`, else the state it
/// stands for.
fn place_country(layer: &EntityLayer, entities: &DocEntities, e: usize) -> Option<usize> {
    let place = entities.entity(&layer.gazetteer, e);
    let by_id = |id: &Option<String>| id.as_deref().and_then(|id| layer.gazetteer.index_of(id));
    match place.kind {
        EntityType::Country => Some(e),
        EntityType::City | EntityType::Region => by_id(&place.country).or_else(|| by_id(&place.stands_for)),
        _ => None,
    }
}

/// The state of each person whose office the document states (`officialOf` a country; the first one).
fn stated_states(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> HashMap<usize, usize> {
    let mut states = HashMap::new();
    for m in mentions.iter().filter(|m| m.relation == Relation::OfficialOf) {
        if entities.entity(&layer.gazetteer, m.object).kind == EntityType::Country {
            states.entry(m.subject).or_insert(m.object);
        }
    }
    states
}

/// State-level `meetsWith` derived from people's meetings and visits, through their offices, added to
/// `mentions`. A meeting of states that a sentence states only through the people it names meeting — the
/// states named by the officials' own phrases ("Turkish President Erdoğan") or by one plural back-reference
/// ("Aliyev hosted Erdoğan and Sharif, … the first summit of the leaders of the three countries") — is that
/// roll-up too, so it becomes derived ("talks between Washington and Tehran that brought together Witkoff
/// and Araghchi" name the states themselves: stated).
pub fn roll_ups(layer: &EntityLayer, entities: &DocEntities, mentions: &mut Vec<RelationMention>) {
    let out = rolled_up(layer, entities, mentions);
    let kind = |e: usize| entities.entity(&layer.gazetteer, e).kind;
    let pair = |m: &RelationMention| (m.sentence, m.subject.min(m.object), m.subject.max(m.object));
    let spans = |m: &RelationMention| if m.subject_span.start <= m.object_span.start { (m.subject_span, m.object_span) } else { (m.object_span, m.subject_span) };
    let rolled: HashSet<(usize, usize, usize)> = out.iter().map(pair).collect();
    let people: HashSet<(usize, (TextSpan, TextSpan))> = mentions
        .iter()
        .filter(|m| m.relation == Relation::MeetsWith && !m.derived && kind(m.subject) == EntityType::Person && kind(m.object) == EntityType::Person)
        .map(|m| (m.sentence, spans(m)))
        .collect();
    for m in mentions.iter_mut() {
        let states = m.relation == Relation::MeetsWith && !m.derived && kind(m.subject) == EntityType::Country && kind(m.object) == EntityType::Country;
        // (the states named only by the officials' own phrases, "Turkish President Erdoğan", or by one
        // plural back-reference, "the leaders of the three countries")
        let through_people = m.subject_span == m.object_span || people.contains(&(m.sentence, spans(m)));
        if states && through_people && rolled.contains(&pair(m)) {
            m.derived = true;
        }
    }
    mentions.extend(out);
    // a person meeting a state named as such ("met his Qatari counterpart" with no name, "Oman's foreign minister
    // held talks with Rubio") is a meeting of their states, which the roll-up above keeps; the mixed pair itself is
    // no relation the ontology has
    let person = |e: usize| kind(e) == EntityType::Person;
    let country = |e: usize| kind(e) == EntityType::Country;
    mentions.retain(|m| !(m.relation == Relation::MeetsWith && !m.derived && (person(m.subject) && country(m.object) || country(m.subject) && person(m.object))));
}

fn rolled_up(layer: &EntityLayer, entities: &DocEntities, mentions: &[RelationMention]) -> Vec<RelationMention> {
    let gazetteer = &layer.gazetteer;
    let kind = |e: usize| entities.entity(gazetteer, e).kind;
    let state_of = stated_states(layer, entities, mentions);
    let country_of_place = |e: usize| -> Option<usize> {
        let entity = entities.entity(gazetteer, e);
        match entity.kind {
            EntityType::Country => Some(e),
            EntityType::City | EntityType::Region => gazetteer.country_of(entity),
            _ => None,
        }
    };
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| !m.derived && m.modality != Modality::Negated) {
        let pair = match m.relation {
            Relation::MeetsWith if kind(m.subject) == EntityType::Person || kind(m.object) == EntityType::Person => {
                let side = |e: usize| if kind(e) == EntityType::Person { state_of.get(&e).copied() } else if kind(e) == EntityType::Country { Some(e) } else { None };
                side(m.subject).zip(side(m.object))
            }
            // (a visit known only from a meeting held there may be to a neutral venue: no host)
            Relation::Visits if kind(m.subject) == EntityType::Person && !m.rule.starts_with("meeting-place:") => state_of.get(&m.subject).copied().zip(country_of_place(m.object)),
            _ => None,
        };
        if let Some((a, b)) = pair.filter(|(a, b)| a != b) {
            out.push(RelationMention {
                relation: Relation::MeetsWith,
                subject: a,
                object: b,
                rule: format!("derived:{}", m.relation),
                derived: true,
                confidence: m.confidence * 0.9,
                role: None,
                ..m.clone()
            });
        }
    }
    out
}

/// Visits of people to their own state are no visits ("Araghchi visits Iran" from a sentence about his
/// talks abroad), and meetings of two officials of one state are no meetings between states (a meeting
/// "attended by Fidan and his Syrian counterpart al-Shaibani, and Kalın and his counterpart al-Salama"
/// has Fidan meet al-Shaibani, not Kalın): dropped, whatever rule found them.
pub fn drop_home_visits(layer: &EntityLayer, entities: &DocEntities, mentions: &mut Vec<RelationMention>) {
    let stated = stated_states(layer, entities, mentions);
    let person = |e: usize| entities.entity(&layer.gazetteer, e).kind == EntityType::Person;
    let state = |e: usize| person_state(layer, entities, &stated, e);
    mentions.retain(|m| {
        let home = m.relation == Relation::Visits && person(m.subject) && state(m.subject).is_some_and(|s| place_country(layer, entities, m.object) == Some(s));
        let compatriots = m.relation == Relation::MeetsWith && person(m.subject) && person(m.object) && state(m.subject).is_some_and(|s| state(m.object) == Some(s));
        !home && !compatriots
    });
}
