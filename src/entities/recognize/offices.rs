//! Offices and the people they introduce: "وزير الدفاع الإسرائيلي بيني غانتس", "Ilham Aliyev, the
//! president of Azerbaijan", "«کریم ولی‌اف» معاون اول وزیر دفاع"; unknown names next to an office
//! become people of their own.

use std::collections::HashMap;

use super::{EntityLayer, NAME_MAX_WORDS, OFFICE_MODIFIERS, OFFICE_REACH};

/// Arabic superlatives (folded) that open a description, never a name ("كبرى حواضر الصحراء").
const ARABIC_SUPERLATIVES: &[&str] = &["كبري", "اكبر", "ابرز", "اهم", "اقدم", "احدث", "اكثر"];
/// Numbers that count the holders of an office ("دو وزیر", "the two ministers").
const COUNTING_WORDS: &[&str] = &["دو", "سه", "چهار", "هر", "two", "three", "both", "اثنان", "ثلاثة"];
/// Persian ordinals (folded) that stand between a name and its office ("… نخستین رئیس‌جمهوری قبرس").
const PERSIAN_ORDINALS: &[&str] = &["نخستين", "اولين", "دومين", "سومين", "اخرين", "واپسين"];
/// Words before the place an envoy is posted to (folded): "ambassador to", "المبعوث إلى", "سفیر … در".
const POSTED_TO: &[&str] = &["to", "in", "الي", "لدي", "في", "در"];

/// Arabic words inside a name that introduce the father's name (folded): "خالد بن سلمان", "حننا ولد سيدي".
const ARABIC_NAME_PARTICLES: &[&str] = &["بن", "بنت", "ابن", "ولد", "ابو"];

/// Whether token `i` modifies an office before it: "former", "acting", or the hyphen that joins two
/// modifiers ("then-acting foreign minister").
fn is_modifier(tokens: &[Token], i: usize) -> bool {
    let modifier = |j: usize| OFFICE_MODIFIERS.contains(&tokens[j].key.as_str());
    modifier(i) || tokens[i].key == "-" && i > 0 && modifier(i - 1)
}

/// Lower-case words inside a name in English (folded): "al-Alyawi", "bin Salman", "ul-Haq".
const NAME_PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "bint", "abu", "ul", "ud", "de", "van", "von", "der"];
use crate::entities::affixes::prefix_variants;
use crate::entities::fuzzy::NameSkeleton;
use crate::entities::coref::Target;
use crate::entities::roles::{OfficeKind, RoleMatch};
use crate::entities::{DocEntities, Entity, EntityType, Form, Office, slug};
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind};
use crate::text::TextDoc;

impl EntityLayer {
    /// Links an office to its holder and to the state or body it belongs to.
    pub(super) fn attach_office(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize, role: &RoleMatch) {
        let sentence = doc.sentences[s].tokens.clone();
        let tokens = &doc.tokens;
        // the state or body: after the office, past words of office titles ("وزير الدفاع الإسرائيلي",
        // "رئیس ستاد کل ارتش جمهوری آذربایجان"), or in English just before it ("Israeli defence minister")
        let mut of_mention = None;
        // (an envoy's post is no state of the office: "ambassador to Washington", "المبعوث إلى اليمن")
        // ("في" before a government is no post: "وزير الداخلية في حكومة طالبان")
        let in_government = |j: usize| lang == Lang::Ar && tokens[j].key == "في" && tokens.get(j + 1).is_some_and(|t| self.roles.is_office_filler(lang, &t.key));
        let posted = tokens.get(role.tokens.end).is_some_and(|t| POSTED_TO.contains(&t.key.as_str())) && !in_government(role.tokens.end);
        let mut j = role.tokens.end + usize::from(posted);
        while j < sentence.end && j < role.tokens.end + OFFICE_REACH {
            if let Some(m) = Self::mention_at(out, j) {
                if !posted && matches!(self.kind_of(out, m), EntityType::Country | EntityType::Organization | EntityType::City) {
                    of_mention = Some(m);
                }
                break;
            }
            // "our country" as the office's state is the narrator's: "وزیر امور خارجه کشورمان"
            if let Some(state) = self.our_country_at(doc, lang, j, sentence.end) {
                out.mentions.push(self.mention(doc, state.0, state.1, Form::Coreference, s, false));
                of_mention = Some(out.mentions.len() - 1);
                break;
            }
            // "his counterpart" starts someone else's office: "استقبل وزير الخارجية نظيره الإيراني …"
            let counterpart = self.roles.find(lang, tokens, j..j + 1).first().is_some_and(|r| r.role == "Counterpart");
            // (a quotation mark around the body is no end: "قائد «الجيش الوطني الليبي» المشير خليفة حفتر")
            if tokens[j].is_quote() {
                j += 1;
                continue;
            }
            if tokens[j].kind == TokenKind::Punct || counterpart || !(self.roles.is_office_filler(lang, &tokens[j].key) || in_government(j)) {
                break;
            }
            j += 1;
        }
        // English puts the state or body before: "Turkish president …", "SOCAR president Rovshan
        // Najaf", "China's executive deputy foreign minister"
        let mut modifiers_start = role.tokens.start;
        while lang == Lang::En && modifiers_start > sentence.start && is_modifier(tokens, modifiers_start - 1) {
            modifiers_start -= 1;
        }
        if of_mention.is_none() && lang == Lang::En && modifiers_start > sentence.start {
            of_mention = Self::mention_at(out, modifiers_start - 1).filter(|&m| matches!(self.kind_of(out, m), EntityType::Country | EntityType::Organization));
        }
        let mut after_complement = of_mention.map_or(role.tokens.end, |m| out.mentions[m].tokens.end.max(role.tokens.end));
        // …but the post belongs to the phrase: "the Lebanese ambassador to Washington, …", "المبعوث الخاص
        // إلى اليمن هانس غروندبرغ"
        // (past words of the title: "المبعوث الأممي الخاص إلى اليمن")
        let mut k = after_complement;
        while k < sentence.end && k < after_complement + 3 && !POSTED_TO.contains(&tokens[k].key.as_str()) && tokens[k].kind == TokenKind::Word && self.roles.is_office_filler(lang, &tokens[k].key) {
            k += 1;
        }
        if k < sentence.end && POSTED_TO.contains(&tokens[k].key.as_str()) {
            let place = Self::mention_at(out, k + 1).filter(|&m| out.mentions[m].tokens.start == k + 1 && matches!(self.kind_of(out, m), EntityType::Country | EntityType::City | EntityType::Region));
            if let Some(place) = place {
                after_complement = out.mentions[place].tokens.end;
            }
        }
        // English names the body after "of" in capitalised words, then the holder after a comma:
        // "the director-general of Israel's Defense Ministry, Amir Baram", "the head of the Atomic
        // Energy Organization, Mohammad Eslami"
        if lang == Lang::En && tokens.get(after_complement).is_some_and(|t| t.key == "of") || of_mention.is_some_and(|m| lang == Lang::En && out.mentions[m].tokens.end == after_complement && tokens[after_complement - 1].key.ends_with("'s")) {
            let capitalised = |j: usize| tokens[j].kind == TokenKind::Word && doc.text[tokens[j].start..].chars().next().is_some_and(char::is_uppercase);
            let mut j = after_complement;
            let mut body = None;
            while j < sentence.end.min(after_complement + 7) && tokens[j].key != "," {
                match Self::mention_at(out, j) {
                    Some(m) if matches!(self.kind_of(out, m), EntityType::Country | EntityType::Organization) => {
                        body.get_or_insert(m);
                        j = out.mentions[m].tokens.end;
                    }
                    Some(_) => break,
                    // (also the words of office titles: "the chief of staff of Saudi Arabia's armed forces, Gen. …")
                    None if capitalised(j) || matches!(tokens[j].key.as_str(), "of" | "the") || self.roles.is_office_filler(lang, &tokens[j].key) => j += 1,
                    None => break,
                }
            }
            if tokens.get(j).is_some_and(|t| t.key == ",") && j > after_complement {
                of_mention = of_mention.or(body);
                after_complement = j;
            }
        }
        // an office between commas after a name is that name's apposition, whoever follows
        // ("ذاکر حسن‌اف، وزیر دفاع آذربایجان، یاشار گولر و …", "Aliyev, Azerbaijan's president, and …")
        let comma = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.key == ",");
        // the phrase starts at "the", or at an English possessive state ("…, Turkey's foreign minister, …")
        let before_office = of_mention.map(|m| out.mentions[m].tokens.clone()).filter(|t| t.end == modifiers_start).map_or(modifiers_start, |t| t.start);
        // …and at "the" and modifiers before it ("Ma Zhaoxu, China's executive deputy foreign minister, …")
        let mut office_start = before_office;
        // (or "a": "Simon Karam, a former Lebanese ambassador to Washington, …")
        while office_start > sentence.start && (matches!(tokens[office_start - 1].key.as_str(), "the" | "a" | "an") || lang == Lang::En && is_modifier(tokens, office_start - 1)) {
            office_start -= 1;
        }
        let apposition = (office_start > sentence.start + 1 && comma(office_start - 1) && comma(after_complement))
            .then(|| Self::mention_at(out, office_start - 2))
            .flatten()
            .filter(|&m| self.is_person(out, m) && !out.offices.iter().any(|o| o.person == m && o.sentence == s));
        // Persian puts the name first: "«محسن پاک‌نژاد» وزیر نفت ایران، «آلپ‌ارسلان بایراکتار» …"
        let persian_order = (lang == Lang::Fa && comma(after_complement) && office_start > sentence.start && !comma(office_start - 1))
            .then(|| self.person_before(doc, out, names, lang, s, office_start))
            .flatten()
            .filter(|&m| !out.offices.iter().any(|o| o.person == m && o.sentence == s));
        // an office counted by a number names several people, none of them after it: "دو وزیر | یادداشت تفاهمی
        // … امضا کردند", "the two ministers | signed"
        let counted = office_start > sentence.start && COUNTING_WORDS.contains(&tokens[office_start - 1].key.as_str());
        // (nor does a bare head without its body: in "رئیس | شورای ریاستی این کشور" what follows is the body's name)
        let bodiless_head = role.office == OfficeKind::HeadOfBody && of_mention.is_none();
        let person = apposition
            .or(persian_order)
            .or_else(|| (!counted && !bodiless_head).then(|| self.person_after(doc, out, names, lang, s, after_complement, of_mention.is_some())).flatten())
            // an office joined by "و" starts the next member of a list: "… خالد بن سلمان، وقائد الجيش
            // الباكستاني …" is not Khalid's office
            // (and in Arabic "his counterpart" is never the one named right before it: "عراقجي نظيره التركي";
            // Persian names him there: "با «سرگئی لاوروف» همتای روس خود")
            .or_else(|| (!role.proclitic.contains('و') && !(lang == Lang::Ar && role.role == "Counterpart")).then(|| self.person_before(doc, out, names, lang, s, office_start)).flatten())
            // (not someone the gazetteer knows as another state's: in "استقبل السلطان هيثم بن طارق الوزير البريطاني" the
            // British minister is the sultan's guest)
            .filter(|&p| {
                let state = of_mention.map(|m| self.office_body(out, m, role)).filter(|&st| out.entity(&self.gazetteer, st).kind == EntityType::Country);
                let known = self.gazetteer.country_of(out.entity(&self.gazetteer, out.mentions[p].entity));
                !matches!((state, known), (Some(st), Some(k)) if st != k)
            });
        let Some(person) = person else {
            self.refer_back(doc, out, s, role, of_mention);
            return;
        };
        match role.office {
            OfficeKind::None => return, // the role introduced the person, but is no office
            OfficeKind::Stated | OfficeKind::HeadOfBody if of_mention.is_none() => return,
            _ => {}
        }
        let (of_entity, from_gazetteer) = match of_mention {
            Some(m) => (self.office_body(out, m, role), false),
            None => {
                let holder = out.entity(&self.gazetteer, out.mentions[person].entity);
                // (a non-state body the holder's known office names is his, before his nationality: "the group's
                // jailed founder, Abdullah Ocalan" is the PKK's, not Turkey's)
                let body = holder.role.as_deref().and_then(|r| self.body_of_office(r));
                let by_id = |id: Option<&str>| id.and_then(|id| self.gazetteer.index_of(id));
                let known = by_id(role.org.as_deref()).or(body).or_else(|| by_id(holder.country.as_deref()));
                match known {
                    Some(e) => (e, true),
                    None => return,
                }
            }
        };
        if out.mentions[person].entity == of_entity {
            return;
        }
        out.offices.push(Office {
            person,
            of_mention,
            of_entity,
            role: role.role.clone(),
            start: tokens[role.tokens.start].start,
            end: tokens[role.tokens.end - 1].end,
            tokens: role.tokens.clone(),
            modifiers_start,
            proclitic: role.proclitic.clone(),
            sentence: s,
            from_gazetteer,
        });
        if of_mention.is_some_and(|m| self.kind_of(out, m) == EntityType::Country) {
            self.counterparts_after(doc, out, names, lang, s, person);
        }
    }

    /// After "office of X, name" the list may go on with other states' holders of the same office:
    /// "رؤساء طاجيكستان إمام علي رحمن، وقرغيزستان صدر جباروف"، "وزير الخارجية التركي هاكان فيدان
    /// والأذربيجاني جيهون بيراموف", "Turkey's Hakan Fidan and Azerbaijan's Jeyhun Bayramov".
    pub(super) fn counterparts_after(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize, mut person: usize) {
        let sentence = doc.sentences[s].tokens.clone();
        let tokens = &doc.tokens;
        loop {
            let mut j = out.mentions[person].tokens.end;
            let mut joined = false;
            while j < sentence.end && matches!(tokens[j].key.as_str(), "," | "و" | "and") {
                joined = true;
                j += 1;
            }
            let Some(state) = Self::mention_at(out, j).filter(|&m| self.kind_of(out, m) == EntityType::Country && out.mentions[m].tokens.start == j) else { return };
            if !joined && !out.mentions[state].proclitic.contains('و') {
                return;
            }
            let mut k = out.mentions[state].tokens.end;
            if k < sentence.end && tokens[k].key == "," {
                k += 1;
            }
            let next = match Self::mention_at(out, k) {
                Some(m) if self.is_person(out, m) && out.mentions[m].tokens.start == k => Some(m),
                Some(_) => None,
                None => self.discover(doc, out, names, lang, s, k, true),
            };
            let Some(next) = next else { return };
            if out.offices.iter().any(|o| o.person == next && o.sentence == s) {
                return;
            }
            let m = &out.mentions[state];
            out.offices.push(Office {
                person: next,
                of_mention: Some(state),
                of_entity: m.entity,
                role: "Counterpart".into(),
                start: m.start,
                end: m.end,
                tokens: m.tokens.clone(),
                modifiers_start: m.tokens.start,
                proclitic: m.proclitic.clone(),
                sentence: s,
                from_gazetteer: false,
            });
            person = next;
        }
    }

    /// An office named without a name ("الوزير", "the minister", "وزیر دفاع اسرائیل") refers to the
    /// last person the article gave that office (of the same state, when one is named).
    pub(super) fn refer_back(&self, doc: &TextDoc, out: &mut DocEntities, s: usize, role: &RoleMatch, of_mention: Option<usize>) {
        if role.role == "Counterpart" {
            self.unnamed_counterpart(doc, out, s, role, of_mention);
            return;
        }
        // only a definite office refers back: "the minister", "the visiting Turkish minister", "الوزير"
        let first = &doc.tokens[role.tokens.start];
        let lang = doc.paragraphs[doc.sentences[s].paragraph].lang.or(doc.body_lang()).unwrap_or(Lang::En);
        let definite = match lang {
            Lang::En => {
                // past the state's adjective (or its army: "the Pakistani army chief") and "visiting"
                let mut j = of_mention.map(|m| &out.mentions[m].tokens).filter(|t| t.start < role.tokens.start && t.end >= role.tokens.start).map_or(role.tokens.start, |t| t.start);
                while j > 0 && matches!(doc.tokens[j - 1].key.as_str(), "visiting" | "former") {
                    j -= 1;
                }
                j > 0 && doc.tokens[j - 1].key == "the"
            }
            // Arabic: the article on the office, or on its last word ("ولي العهد", "رئيس الوزراء"), or a state
            // named right after it (an idafa with a name is definite: "وزير خارجية تركيا")
            Lang::Ar => {
                let last = &doc.tokens[role.tokens.end - 1];
                let of_name = of_mention.is_some_and(|m| out.mentions[m].tokens.start == role.tokens.end && out.mentions[m].form == Form::Name);
                prefix_variants(Lang::Ar, &first.key).iter().any(|v| v.key != first.key && first.key.contains("ال")) || first.key.starts_with("ال") || role.tokens.len() > 1 && last.key.starts_with("ال") || of_name
            }
            // Persian has no article: an office with its state and no name is that state's holder ("وزیر دفاع
            // ایران گفت", "وزیر امور خارجه کشورمان"); not a bare one ("رئیس جمهور")
            Lang::Fa => of_mention.is_some(),
        };
        if !definite {
            return;
        }
        let state = of_mention.map(|m| self.office_body(out, m, role));
        // the holder the article introduced with this office (or a minister's or commander's office for
        // bare "the minister"); else a person it named whom the gazetteer knows in this office of that state
        let earlier = out.offices.iter().rev().find(|o| o.sentence < s && office_fits(&role.role, &o.role) && state.is_none_or(|st| o.of_entity == st)).map(|o| out.mentions[o.person].entity);
        let named = || {
            let state = self.gazetteer.entities.get(state?)?;
            out.mentions.iter().rev().filter(|m| m.sentence < s && m.form == Form::Name && !m.furniture).map(|m| m.entity).find(|&p| {
                let person = out.entity(&self.gazetteer, p);
                let fits = role.role == "Official" || person.role.as_deref().and_then(|r| self.roles.canonical(r)).is_some_and(|r| office_fits(&role.role, &r));
                person.kind == EntityType::Person && person.country.as_deref() == Some(state.id.as_str()) && fits
            })
        };
        let Some(person) = earlier.or_else(named) else { return };
        // (the mention spans the state named with it: "الوزير التركي", "the Pakistani army chief")
        let start = of_mention.map_or(role.tokens.start, |m| out.mentions[m].tokens.start.min(role.tokens.start));
        let end = of_mention.map_or(role.tokens.end, |m| out.mentions[m].tokens.end.max(role.tokens.end));
        let mut mention = self.mention(doc, person, start..end, Form::Coreference, s, false);
        mention.proclitic = role.proclitic.clone();
        out.mentions.push(mention);
    }

    /// "His Turkish counterpart" with no name: the person of that state the article names (anywhere) who
    /// holds the same office as the one whose counterpart it is, or its only person of that state.
    fn unnamed_counterpart(&self, doc: &TextDoc, out: &mut DocEntities, s: usize, role: &RoleMatch, of_mention: Option<usize>) {
        let Some(state) = of_mention.map(|m| self.office_body(out, m, role)) else { return };
        // (not where the name follows a word or two later: "با همتای گرجستانی خود «ایراکلی کوباخیدزه»")
        let end = of_mention.map_or(role.tokens.end, |m| out.mentions[m].tokens.end.max(role.tokens.end));
        if out.mentions.iter().any(|m| m.sentence == s && m.tokens.start >= end && m.tokens.start <= end + 3 && self.is_person_entity(out, m.entity)) {
            return;
        }
        let role_of = |p: usize| self.gazetteer.entities.get(p).and_then(|e| e.role.as_deref()).and_then(|r| self.roles.canonical(r));
        let country_of = |p: usize| self.gazetteer.entities.get(p).and_then(|e| e.country.as_deref()).and_then(|id| self.gazetteer.index_of(id));
        // the office of the one whose counterpart it is: stated in this sentence before, else the gazetteer's
        // for the person named last before it
        let own = out.offices.iter().rev().find(|o| o.sentence == s && o.tokens.end <= role.tokens.start).map(|o| o.role.clone()).or_else(|| {
            let before = out.mentions.iter().filter(|m| m.sentence == s && m.tokens.end <= role.tokens.start && self.is_person_entity(out, m.entity)).max_by_key(|m| m.tokens.start)?;
            role_of(before.entity)
        });
        let mut people: Vec<usize> = out.mentions.iter().filter(|m| m.form == Form::Name && !m.furniture && self.is_person_entity(out, m.entity)).map(|m| m.entity).filter(|&p| country_of(p) == Some(state)).collect();
        people.sort_unstable();
        people.dedup();
        let same_office: Vec<usize> = people.iter().copied().filter(|&p| own.as_deref().zip(role_of(p)).is_some_and(|(a, b)| office_fits(a, &b) || office_fits(&b, a))).collect();
        let person = match (&same_office[..], &people[..]) {
            ([one], _) | ([], [one]) => *one,
            _ => return,
        };
        let start = of_mention.map_or(role.tokens.start, |m| out.mentions[m].tokens.start.min(role.tokens.start));
        let mut mention = self.mention(doc, person, start..end, Form::Coreference, s, false);
        mention.proclitic = role.proclitic.clone();
        out.mentions.push(mention);
    }

    fn is_person_entity(&self, out: &DocEntities, e: usize) -> bool {
        out.entity(&self.gazetteer, e).kind == EntityType::Person
    }

    /// The state or body an office belongs to, from the mention the text names it by: a state's city,
    /// ministry or army stands for the state (a company is itself).
    fn office_body(&self, out: &DocEntities, m: usize, role: &RoleMatch) -> usize {
        let e = out.entity(&self.gazetteer, out.mentions[m].entity);
        // (the bare head of an intelligence agency is its own official: "MIT chief Hakan Fidan")
        let own_head = role.office == OfficeKind::HeadOfBody && e.is_intelligence_agency();
        let state = e.stands_for.as_ref().or(e.country.as_ref().filter(|_| e.acts_for_state() && role.org.is_none() && !own_head));
        state.and_then(|id| self.gazetteer.index_of(id)).unwrap_or(out.mentions[m].entity)
    }

    /// The narrator's state an "our country" phrase starting at token `at` names by default ("کشورمان"
    /// in a Persian report: Iran), with the phrase's tokens.
    fn our_country_at(&self, doc: &TextDoc, lang: Lang, at: usize, end: usize) -> Option<(usize, std::ops::Range<usize>)> {
        let r = self.coref.find(lang, &doc.tokens, at..end).into_iter().next().filter(|r| r.tokens.start == at && r.target == Target::Ours)?;
        Some((self.gazetteer.index_of(r.default.as_deref()?)?, r.tokens))
    }

    pub(super) fn is_person(&self, out: &DocEntities, m: usize) -> bool {
        self.kind_of(out, m) == EntityType::Person
    }

    /// The person an office introduces after it (`stated`: the office named its state).
    /// Whether a word may stand inside an office phrase ("of", "the", "cabinet", "transitional").
    pub fn is_office_word(&self, lang: Lang, key: &str) -> bool {
        self.roles.is_office_filler(lang, key)
    }

    /// Whether the token may stand between an office and the name it introduces: punctuation, "former", or a
    /// one-word title ("الفريق", "الشيخ"), not "his counterpart", who is someone else.
    pub fn is_name_lead_in(&self, lang: Lang, tokens: &[Token], j: usize) -> bool {
        let t = &tokens[j];
        (t.kind == TokenKind::Punct && matches!(t.key.as_str(), "," | "(") || t.is_quote())
            || OFFICE_MODIFIERS.contains(&t.key.as_str())
            || self.roles.find(lang, tokens, j..j + 1).first().is_some_and(|r| r.tokens.len() == 1 && r.role != "Counterpart")
    }

    /// An Arabic field of an office, with its preposition: "للدفاع", "لشؤون", "للشؤون".
    fn is_portfolio(&self, key: &str) -> bool {
        (key.starts_with("لل") || key.starts_with("لشو")) && self.roles.is_common(Lang::Ar, key)
    }

    pub(super) fn person_after(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize, from: usize, stated: bool) -> Option<usize> {
        let end = doc.sentences[s].tokens.end;
        let mut j = from;
        // an English portfolio of two fields goes on past the office's form: "Minister of Water | and
        // Irrigation Raed Abu al-Saud", "Minister of Foreign Affairs | and Expatriates Ayman Safadi"
        if lang == Lang::En && from >= 2 && doc.tokens[from.saturating_sub(3)..from].iter().any(|t| t.key == "of") && doc.tokens.get(j).is_some_and(|t| t.key == "and") {
            let field = |i: usize| i < end && doc.tokens[i].is_word() && self.roles.is_common(lang, &doc.tokens[i].key) && doc.text[doc.tokens[i].start..].starts_with(char::is_uppercase);
            let fields = (j + 1..(j + 3).min(end)).take_while(|&i| field(i)).count();
            if fields > 0 && Self::mention_at(out, j + 1).is_none() {
                j += 1 + fields;
            }
        }
        // titles, "former" and punctuation between office and name: "، الكولونيل إلتشين غولييف",
        // "وزير الدفاع الإسرائيلي السابق بيني غانتس", "«"
        loop {
            if j >= end {
                return None;
            }
            // (and an Arabic portfolio after the state: "وزيرة الدولة الإسبانية | للدفاع أمبارو فالكارسي", "وزير الدولة
            // السعودي | للشؤون الخارجية عادل الجبير")
            let portfolio = lang == Lang::Ar && self.is_portfolio(&doc.tokens[j].key);
            if portfolio {
                j += 1;
                while j < end && doc.tokens[j].key.starts_with("ال") && self.roles.is_common(lang, &doc.tokens[j].key) {
                    j += 1;
                }
                continue;
            }
            let skip = self.is_name_lead_in(lang, &doc.tokens, j);
            // …or an abbreviated rank with its full stops: "…, Maj. Gen. Mohammad Bagheri"
            let rank = self.roles.find(lang, &doc.tokens, j..(j + 5).min(end)).into_iter().next().filter(|r| {
                let dots = doc.tokens[r.tokens.clone()].iter().filter(|t| t.key == "." && t.glued).count();
                r.tokens.start == j && dots > 0 && r.tokens.len() - dots <= 2 && r.role != "Counterpart"
            });
            // …or a rank of several words: "اللواء الركن", "العميد الركن الطيار"
            let long_rank = self.roles.find(lang, &doc.tokens, j..(j + 4).min(end)).into_iter().next().filter(|r| r.tokens.start == j && r.tokens.len() > 1 && r.office == OfficeKind::Stated && r.role != "Counterpart");
            if let Some(rank) = rank.or(long_rank) {
                j = rank.tokens.end;
                continue;
            }
            // …or, in Arabic, a second office of the same person, stated with no state of its own: "ولي العهد
            // السعودي رئيس مجلس الوزراء الأمير محمد بن سلمان" (not "… الإيراني رئيس الوزراء العراقي …")
            let second_office = (lang == Lang::Ar && stated).then(|| self.roles.find(lang, &doc.tokens, j..(j + 6).min(end)).into_iter().next()).flatten().filter(|r| {
                r.tokens.start == j && r.tokens.len() > 1 && r.office == OfficeKind::Office && r.role != "Counterpart" && Self::mention_at(out, r.tokens.end).is_none_or(|m| self.is_person(out, m))
            });
            if let Some(office) = second_office {
                j = office.tokens.end;
                continue;
            }
            // …and, in English, one joined by "and": "Saudi Crown Prince and Prime Minister Mohammed bin Salman",
            // "Qatar's Prime Minister and Foreign Minister Mohammed bin Abdulrahman" (not "… and Egyptian Foreign Minister …")
            let joined_office = (lang == Lang::En && stated && doc.tokens[j].key == "and").then(|| self.roles.find(lang, &doc.tokens, j + 1..(j + 5).min(end)).into_iter().next()).flatten().filter(|r| {
                r.tokens.start == j + 1 && r.office == OfficeKind::Office && r.role != "Counterpart" && Self::mention_at(out, r.tokens.end).is_some_and(|m| self.is_person(out, m))
            });
            if let Some(office) = joined_office {
                j = office.tokens.end;
                continue;
            }
            if !skip {
                break;
            }
            j += 1;
        }
        if let Some(m) = Self::mention_at(out, j) {
            return self.is_person(out, m).then_some(m);
        }
        // a first name the gazetteer's form leaves out: "محمد شهباز شريف" is Shehbaz Sharif
        if self.roles.is_given_name(lang, &doc.tokens[j].key) {
            if let Some(m) = Self::mention_at(out, j + 1).filter(|&m| self.is_person(out, m) && out.mentions[m].tokens.start == j + 1) {
                return Some(m);
            }
        }
        self.discover(doc, out, names, lang, s, j, true)
    }

    pub(super) fn person_before(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize, role_start: usize) -> Option<usize> {
        let start = doc.sentences[s].tokens.start;
        let mut j = role_start;
        while j > start && doc.tokens[j - 1].kind == TokenKind::Punct && matches!(doc.tokens[j - 1].key.as_str(), "," | "»" | "\"" | "”" | ")" | "’") {
            j -= 1;
        }
        // (an ordinal of the office stands between: "نیکوس خریستودولیدیس نخستین رئیس‌جمهوری قبرس است که …")
        if lang == Lang::Fa && j == role_start && j > start + 1 && PERSIAN_ORDINALS.contains(&doc.tokens[j - 1].key.as_str()) {
            j -= 1;
        }
        if j == start {
            return None;
        }
        if let Some(m) = Self::mention_at(out, j - 1) {
            return self.is_person(out, m).then_some(m);
        }
        // a name straight before an office is Persian word order; elsewhere it needs a comma
        if lang == Lang::Fa || j < role_start {
            return self.discover(doc, out, names, lang, s, j, false);
        }
        None
    }

    /// An unknown name next to an office: up to four words that are not function words, entities or
    /// offices (guillemets, where Persian uses them, delimit it exactly). A single word is not a name:
    /// "محمد" names many people.
    pub(super) fn discover(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize, at: usize, forward: bool) -> Option<usize> {
        let sentence = doc.sentences[s].tokens.clone();
        let tokens = &doc.tokens;
        let is_name_word = |t: &Token| {
            t.is_word()
                && !self.roles.is_stopword(lang, &t.key)
                && (lang != Lang::En || doc.text[t.start..].chars().next().is_some_and(char::is_uppercase))
        };
        let mut range = at..at;
        // (a hyphenated word counts once, by its last part: "Ali Al-Salem Al-Sabah" has three words)
        let hyphen_after = |i: usize| tokens.get(i + 1).is_some_and(|h| h.key == "-" && h.glued) && tokens.get(i + 2).is_some_and(|n| n.glued && n.is_word());
        // (…and an Arabic particle or "عبد" with the word after it: "محمد بن عبد الرحمن الغريبي" has three)
        let joined = |i: usize| lang == Lang::Ar && (ARABIC_NAME_PARTICLES.contains(&tokens[i].key.as_str()) || tokens[i].key == "عبد");
        let words = |r: &std::ops::Range<usize>| r.clone().filter(|&i| tokens[i].is_word() && !hyphen_after(i) && !joined(i)).count();
        if forward {
            while range.end < sentence.end && words(&range) < NAME_MAX_WORDS && Self::mention_at(out, range.end).is_none() {
                // after two words of a name, a common word that is no given name (nor an Arabic family
                // name with the article) starts the sentence's next part: "أسياس أفورقي | محادثات"
                let t = &tokens[range.end];
                // (so does an Arabic word in the accusative, "وفدا أمريكيا": names take no tanween alef)
                let accusative = lang == Lang::Ar && t.key.ends_with('ا') && !t.key.starts_with("ال") && t.key.chars().count() > 3;
                // (but a word after "بن" or "ولد" is a father's name: "حننا ولد سيدي")
                let after_particle = lang == Lang::Ar && ARABIC_NAME_PARTICLES.contains(&tokens[range.end - 1].key.as_str());
                let next_part = lang != Lang::En && words(&range) >= 2 && !after_particle && (self.roles.is_common(lang, &t.key) || accusative) && !self.roles.is_given_name(lang, &t.key) && !(lang == Lang::Ar && t.key.starts_with("ال"));
                if next_part {
                    break;
                }
                if is_name_word(&tokens[range.end]) {
                    range.end += 1;
                    continue;
                }
                // a capitalised word that is also a title, inside a name: "Abdul Amir al-Shammari"
                let capital = |t: &Token| lang == Lang::En && t.is_word() && doc.text[t.start..].chars().next().is_some_and(char::is_uppercase);
                let inside = !range.is_empty() && capital(&tokens[range.end]) && self.roles.is_office_filler(lang, &tokens[range.end].key);
                if inside && tokens.get(range.end + 1).is_some_and(|n| capital(n) || NAME_PARTICLES.contains(&n.key.as_str())) {
                    range.end += 1;
                    continue;
                }
                // a hyphenated part: "Nasser Al-Sabah", "Abdullah Al-Yahya"
                let glued_hyphen = lang == Lang::En && !range.is_empty() && tokens[range.end].key == "-" && tokens[range.end].glued;
                if glued_hyphen && tokens.get(range.end + 1).is_some_and(|n| n.glued && capital(n)) && range.end + 1 < sentence.end && Self::mention_at(out, range.end + 1).is_none() {
                    range.end += 2;
                    continue;
                }
                // lower-case particles inside a name: "Abbas Jabr al-Alyawi", "Khalid bin Salman"
                if lang == Lang::En && !range.is_empty() && NAME_PARTICLES.contains(&tokens[range.end].key.as_str()) {
                    let hyphen = tokens.get(range.end + 1).is_some_and(|h| h.key == "-" && h.glued);
                    let next = range.end + 1 + usize::from(hyphen);
                    if next < sentence.end && is_name_word(&tokens[next]) && Self::mention_at(out, next).is_none() {
                        range.end = next + 1;
                        continue;
                    }
                }
                break;
            }
        } else {
            // (counting words as forward does: "محمد بن مبارك بن فاضل المزروعي، وزير …" has four)
            while range.start > sentence.start && words(&range) < NAME_MAX_WORDS && is_name_word(&tokens[range.start - 1]) && Self::mention_at(out, range.start - 1).is_none() {
                // a Persian name of two or three words (four are too many, below) goes back no further than a
                // common word that is no given name: "میزبان | رودرا گوراو شرست، سفیر هند", "میزبان | نیکوس خریستودولیدیس"
                let key = &tokens[range.start - 1].key;
                if lang == Lang::Fa && range.len() >= 2 && self.roles.is_common(lang, key) && !self.roles.is_given_name(lang, key) {
                    break;
                }
                range.start -= 1;
            }
        }
        // a name in guillemets is exactly what they enclose
        let quoted = range.start > sentence.start && tokens[range.start - 1].key == "«" && tokens.get(range.end).is_some_and(|t| t.key == "»");
        if range.len() < 2 || (lang == Lang::Fa && !quoted && range.len() > 3) {
            return None;
        }
        // ordinary words after an office are not a name ("الرئيس التركي يعلن دعمه"); guillemets are
        // evidence enough
        let given_name = self.roles.is_given_name(lang, &tokens[range.start].key);
        if !quoted && !given_name && tokens[range.clone()].iter().all(|t| self.roles.is_common(lang, &t.key)) {
            return None;
        }
        // (nor is a common word with "و" the start of one: "يستقبل قائد الجيش الباكستاني | ويؤكد حرص مصر")
        let first = &tokens[range.start].key;
        if lang == Lang::Ar && !quoted && !given_name && first.starts_with('و') && self.roles.is_common(lang, first) {
            return None;
        }
        // (nor a verb of two or more, "الرئيس الفرنسي | يوقعان إعلان الشراكة", nor a superlative that opens a
        // description, "مدينة العيون، | كبرى حواضر الصحراء")
        let dual_or_plural_verb = first.starts_with(['ي', 'ت']) && (first.ends_with("ان") || first.ends_with("ون")) && first.chars().count() >= 5;
        if lang == Lang::Ar && !quoted && !given_name && (dual_or_plural_verb || ARABIC_SUPERLATIVES.contains(&first.as_str())) {
            return None;
        }
        let surface = &doc.text[tokens[range.start].start..tokens[range.end - 1].end];
        let key: String = tokens[range.clone()].iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
        let label = self.translit.to_latin(lang, surface);
        // a known person under a spelling the gazetteer lacks: "زاكر حسنوف" is Zakir Hasanov
        let sk = NameSkeleton::new(&crate::eval::gold::key(&label));
        // (…or under another language's form: the Persian "اسعد حسن الشیبانی" is the Arabic "أسعد حسن الشيباني")
        let person = |e: &usize| self.gazetteer.entities.get(*e).is_some_and(|p| p.kind == EntityType::Person);
        let known = self.index.named(surface).filter(person).or_else(|| self.person_skeletons.iter().find(|(_, p)| sk.close(p)).map(|(i, _)| *i));
        let entity = match names.get(&key).copied().or(known) {
            Some(e) => e,
            None => {
                let e = self.gazetteer.len() + out.discovered.len();
                let mut entity_names = HashMap::new();
                entity_names.insert(Lang::En, vec![label.clone()]);
                entity_names.insert(lang, vec![surface.to_string()]);
                let id = format!("person-{}", slug(&label));
                out.discovered.push(Entity { discovered: true, ..Entity::named(id, EntityType::Person, label, entity_names) });
                names.insert(key, e);
                e
            }
        };
        out.mentions.push(self.mention(doc, entity, range, Form::Name, s, false));
        Some(out.mentions.len() - 1)
    }
}

impl EntityLayer {
    /// English names of people the gazetteer lacks, after a word that only people follow (`name-cues.txt`:
    /// "the Emirati Interior Ministry said it had arrested Olimpi Toirovich, Mahmoud Jalalov and Azizbek
    /// Kamilovich"): each capitalised name of the list, two words or more, a title before it aside.
    pub(super) fn people_after_cues(&self, doc: &TextDoc, out: &mut DocEntities, names: &mut HashMap<String, usize>, lang: Lang, s: usize) {
        if lang != Lang::En {
            return;
        }
        let sentence = doc.sentences[s].tokens.clone();
        let tokens = &doc.tokens;
        for cue in sentence.clone().filter(|&t| self.roles.is_name_cue(lang, &tokens[t].key)) {
            let mut at = cue + 1;
            loop {
                // (a title or rank before the name: "Captain Navtej Singh Gill", "Commander …")
                while at < sentence.end && self.roles.is_office_filler(lang, &tokens[at].key) && Self::mention_at(out, at).is_none() {
                    at += 1;
                }
                if at >= sentence.end || Self::mention_at(out, at).is_some() || self.discover(doc, out, names, lang, s, at, true).is_none() {
                    break;
                }
                let end = out.mentions.last().map_or(at, |m| m.tokens.end);
                // the list goes on after "," or "and" (and an age between commas: "Olimpi Toirovich, 28, Mahmoud …")
                let joiner = |t: usize| tokens.get(t).is_some_and(|t| matches!(t.key.as_str(), "," | "and") || t.kind == TokenKind::Number);
                at = end;
                while at < sentence.end && joiner(at) {
                    at += 1;
                }
                if at == end {
                    break;
                }
            }
        }
    }
}

/// Whether an office phrase without a name may refer to someone introduced with `earlier`: the same
/// office, or a bare "minister"/"commander" for a minister's or commander's office ("الوزير التركي"
/// after "وزير الخارجية التركي هاكان فيدان"), not the prime minister's or a deputy's.
fn office_fits(role: &str, earlier: &str) -> bool {
    // ("the Algerian military official" is whichever office-holder of that state the article named last)
    role == earlier
        || role == "Official"
        || role == "Minister" && earlier.ends_with(" Minister") && !earlier.starts_with("Prime") && !earlier.starts_with("Deputy") && !earlier.starts_with("First")
        || role == "Commander" && (earlier.split(' ').any(|w| w == "Commander") || earlier.starts_with("Chief of"))
}
