//! References back to what the article named before: surnames of people named in full, "the two
//! countries", "بلاده" (the speaker's state).

use std::collections::HashMap;

use super::EntityLayer;
use crate::entities::coref::Target;
use crate::entities::index::NameIndex;
use crate::entities::{DocEntities, Entity, EntityType, Form, Mention};
use crate::text::lang::Lang;
use crate::text::normalize::fold;
use crate::text::token::{Token, TokenKind};
use crate::text::TextDoc;

/// Prepositions (folded) whose object a single country's back-reference may be: "از این کشور", "from the country", "مع هذا البلد".
const OBJECT_PREPOSITIONS: &[&str] = &["از", "به", "با", "من", "مع", "الي", "from", "with", "to"];
/// How many sentences back a group of exactly as many states as "the two/three countries" counts
/// may stand.
const RECENT_SENTENCES: usize = 2;

/// English words after which a state is no sentence's subject: "arms from China", "dominated by American …".
const SUBJECTLESS_BEFORE: &[&str] = &["from", "with", "to", "of", "by", "for", "in", "on", "at", "against", "between", "than", "into", "over", "about", "toward", "towards", "via"];

/// The participles after a maker's adjective: "French-made", "Turkish-built".
const MADE: &[&str] = &["made", "built", "designed", "developed", "produced", "manufactured"];

/// The gazetteer roles of bodies that "the group", "الحزب", "این گروه" refer back to.
const GROUP_ROLES: &[&str] = &["armed group", "political party", "political alliance"];

/// Words that name a delegation's head after them: "برئاسة", "led by", "به ریاست".
const LED_BY: &[&str] = &["برئاسة", "بقيادة", "يترأسه", "يرأسه", "يقوده", "led by", "headed by", "به ریاست", "به سرپرستی"];
/// The most tokens (a title's) between "led by" and the head's name.
const DELEGATION_HEAD_REACH: usize = 5;

impl EntityLayer {
    /// Later mentions of a discovered person by surname ("ولی اف" after "کریم ولی اف").
    pub(super) fn find_short_names(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        // the people of this document: named in full somewhere, known or discovered
        let mut people: Vec<usize> = out.mentions.iter().map(|m| m.entity).filter(|&e| out.entity(&self.gazetteer, e).kind == EntityType::Person).collect();
        people.sort_unstable();
        people.dedup();
        // surname → the people who bear it; a surname two of them share names neither
        let mut surnames: HashMap<(Lang, String), Vec<usize>> = HashMap::new();
        for &p in &people {
            for (lang, names) in &out.entity(&self.gazetteer, p).names {
                for n in names.iter().filter(|n| n.split_whitespace().count() > 1) {
                    // (a Chinese or Korean family name comes first: "Zhang" after "Zhang Baoqun")
                    let first = n.split_whitespace().next().filter(|f| self.roles.is_family_first(*lang, f));
                    for surname in n.split_whitespace().last().into_iter().chain(first).filter(|s| long_enough_surname(s)) {
                        let owners = surnames.entry((*lang, surname.to_string())).or_default();
                        if !owners.contains(&p) {
                            owners.push(p);
                        }
                    }
                }
            }
        }
        // …and as this document spells it ("چیکوانی" where the gazetteer has "ایراکلی چیکووانی")
        for m in out.mentions.iter().filter(|m| m.form == Form::Name && m.tokens.len() > 1 && people.binary_search(&m.entity).is_ok()) {
            let last = &doc.tokens[m.tokens.end - 1];
            let surface = &doc.text[last.start..last.end];
            if long_enough_surname(surface) && last.kind == TokenKind::Word {
                let owners = surnames.entry((lang_of(m.sentence), surface.to_string())).or_default();
                if !owners.contains(&m.entity) {
                    owners.push(m.entity);
                }
            }
        }
        // a surname two of them share names the one named in full last before it ("Saddam Haftar held
        // talks … Haftar was also received by …", though Khalifa Haftar is named elsewhere); the index
        // holds each surname once, under the number of its owner list
        let mut index = NameIndex::default();
        let mut owner_lists: Vec<Vec<usize>> = Vec::new();
        let mut surname_keys: Vec<String> = Vec::new();
        // (in a fixed order: on a tie the index keeps the first name it was given, and runs must agree)
        let mut surnames: Vec<((Lang, String), Vec<usize>)> = surnames.into_iter().collect();
        surnames.sort_by(|a, b| a.0.cmp(&b.0));
        for ((lang, surname), owners) in surnames {
            surname_keys.push(fold(&surname));
            let mut names = HashMap::new();
            names.insert(lang, vec![surname]);
            index.add_entity(owner_lists.len(), &Entity::named(String::new(), EntityType::Person, String::new(), names));
            owner_lists.push(owners);
        }
        let full_mentions: Vec<(usize, usize)> = out.mentions.iter().filter(|m| m.form == Form::Name && m.tokens.len() > 1).map(|m| (m.entity, m.tokens.start)).collect();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let furniture = doc.paragraphs[sentence.paragraph].furniture;
            for m in index.find(&doc.text, lang_of(s), &doc.tokens, sentence.tokens.clone()) {
                let owners = &owner_lists[m.entity];
                let owner = match owners[..] {
                    [one] => Some(one),
                    _ => full_mentions.iter().filter(|(e, at)| owners.contains(e) && *at < m.tokens.start).max_by_key(|(_, at)| *at).map(|(e, _)| *e),
                };
                // (a three-letter Latin surname only where it is capitalised: "Dar held talks", not "dar")
                let surface = &doc.text[doc.tokens[m.tokens.start].start..doc.tokens[m.tokens.end - 1].end];
                let capitalised = surface.chars().count() > 3 || surface.chars().next().is_some_and(|c| !c.is_ascii_lowercase());
                // a surname that is also a nisba ("السوداني": al-Sudani, or Sudanese) is the person where no
                // definite noun stands before it for it to describe ("استقبل أردوغان السوداني", not "الجيش السوداني")
                // (Arabic only: Persian adjectives follow their noun with no article to tell them, "ایرانی")
                let nisba = out.mentions.iter().position(|x| x.tokens == m.tokens && x.form == Form::Adjective).filter(|_| lang_of(s) == Lang::Ar);
                let described = m.tokens.start > sentence.tokens.start && {
                    let before = &doc.tokens[m.tokens.start - 1];
                    before.kind == TokenKind::Word && before.key.starts_with("ال") && Self::mention_at(out, m.tokens.start - 1).is_none()
                };
                let free = m.tokens.clone().all(|t| Self::mention_at(out, t).is_none()) || nisba.is_some() && !described;
                // (a surname takes no article of its own: "السلام" is peace, not Nawaf Salam)
                let word = doc.tokens[m.tokens.start].key.strip_prefix(m.proclitic.as_str()).unwrap_or(&doc.tokens[m.tokens.start].key);
                let with_article = lang_of(s) == Lang::Ar && word.starts_with("ال") && !surname_keys[m.entity].starts_with("ال");
                if let Some(owner) = owner.filter(|_| capitalised && free && !with_article) {
                    let mut mention = self.mention(doc, owner, m.tokens, Form::Coreference, s, furniture);
                    mention.proclitic = m.proclitic.clone();
                    // (in place: offices hold mention indices)
                    match nisba {
                        Some(adjective) => out.mentions[adjective] = mention,
                        None => out.mentions.push(mention),
                    }
                }
            }
        }
    }

    /// "both countries" and the like become mentions of the countries last named before them.
    pub(super) fn resolve_back_references(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        let mut added = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if doc.paragraphs[sentence.paragraph].furniture {
                continue;
            }
            for r in self.coref.find(lang_of(s), &doc.tokens, sentence.tokens.clone()) {
                if r.tokens.clone().any(|t| Self::mention_at(out, t).is_some()) {
                    continue;
                }
                if r.target == Target::Companies {
                    for company in self.last_companies(out, s, r.tokens.start, r.count) {
                        added.push(Mention { proclitic: r.proclitic.clone(), ..self.mention(doc, company, r.tokens.clone(), Form::Coreference, s, false) });
                    }
                    continue;
                }
                if r.target != Target::Named {
                    let state = match r.target {
                        Target::Speaker => self.speakers_state(doc, out, s, r.tokens.start),
                        // "our country" in the narrative: the speaker's, else the language's default
                        // ("وزیر امور خارجه کشورمان" in a Persian agency's report is Iran's)
                        Target::Ours => self.speakers_state(doc, out, s, r.tokens.start).or_else(|| r.default.as_deref().and_then(|id| self.gazetteer.index_of(id))),
                        Target::Weapon => self.last_weapon(doc, out, lang_of(s), s, r.tokens.clone()),
                        Target::Delegation => self.delegation_head(doc, out, r.tokens.clone()),
                        Target::Group => self.last_group(doc, out, s, r.tokens.clone()),
                        _ => self.main_kingdom(out, r.tokens.start),
                    };
                    if let Some(state) = state {
                        added.push(Mention { proclitic: r.proclitic.clone(), ..self.mention(doc, state, r.tokens.clone(), Form::Coreference, s, false) });
                    }
                    continue;
                }
                // "it" is the state its sentence is about, else the one the sentence before was about: "Serbia …
                // has spread its procurement … It took delivery of …"
                if r.count == 1 && !r.people && doc.tokens[r.tokens.clone()].iter().all(|t| t.key == "it") {
                    let subject = self.sentence_subject(doc, out, s, r.tokens.start).or_else(|| s.checked_sub(1).and_then(|p| self.sentence_subject(doc, out, p, doc.sentences[p].tokens.end)));
                    if let Some(state) = subject {
                        added.push(self.mention(doc, state, r.tokens.clone(), Form::Coreference, s, false));
                    }
                    continue;
                }
                // "الرئيسان أردوغان وعلييف", "the two leaders, Erdogan and Aliyev": the names follow
                let mut next = r.tokens.end;
                // (an adjective may stand between: "بين الحليفين الخليجيين، الرياض وأبوظبي")
                let is_comma = |t: usize| matches!(doc.tokens.get(t).map(|t| t.key.as_str()), Some("," | "،"));
                let adjective = Self::mention_at(out, next).is_none() && is_comma(next + 1);
                if adjective {
                    next += 1;
                }
                while next < sentence.tokens.end && is_comma(next) {
                    next += 1;
                }
                // (a state may be named by its capital: "the two capitals, Riyadh and Abu Dhabi")
                let named = |m: usize| {
                    let e = out.entity(&self.gazetteer, out.mentions[m].entity);
                    match e.kind {
                        EntityType::Person if r.people => Some(out.mentions[m].entity),
                        _ if r.people => None,
                        EntityType::Country => Some(out.mentions[m].entity),
                        EntityType::City => e.stands_for.as_deref().and_then(|id| self.gazetteer.index_of(id)),
                        _ => None,
                    }
                };
                if let Some(first) = Self::mention_at(out, next).filter(|&m| named(m).is_some()) {
                    // the names follow right after it and the rules read them; after an adjective or a comma
                    // they are what it stands for: the list of names that follows, of the phrase's size
                    if next > r.tokens.end {
                        let mut listed = vec![first];
                        let mut k = out.mentions[first].tokens.end;
                        while listed.len() < r.count && k < sentence.tokens.end {
                            while k < sentence.tokens.end && (is_comma(k) || matches!(doc.tokens[k].key.as_str(), "و" | "and")) {
                                k += 1;
                            }
                            match Self::mention_at(out, k).filter(|&m| named(m).is_some()) {
                                Some(m) => {
                                    listed.push(m);
                                    k = out.mentions[m].tokens.end;
                                }
                                None => break,
                            }
                        }
                        if listed.len() == r.count {
                            for m in listed {
                                let entity = named(m).unwrap_or(out.mentions[m].entity);
                                added.push(Mention { proclitic: r.proclitic.clone(), ..self.mention(doc, entity, r.tokens.clone(), Form::Coreference, s, false) });
                            }
                        }
                    }
                    continue;
                }
                // the states (or people) it stands for: in the same sentence the nearest ones; else the
                // most talked-about so far, the nearer on a tie ("the two countries" after a paragraph
                // that named others in passing still means the article's pair)
                // (a person's surname alone counts for "the latter": "استقبل الأمير … العماد هيكل، كما التقى الأخير …")
                let surname = |m: &Mention| r.people && out.entity(&self.gazetteer, m.entity).kind == EntityType::Person;
                // (…and, for states, a pronoun in its sentence that names an official: "وی همچنین با مرداف … گفت‌وگو کرد و دو
                // طرف …")
                let official = |m: &Mention| !r.people && r.count > 1 && m.sentence == s && out.entity(&self.gazetteer, m.entity).kind == EntityType::Person;
                let mut before: Vec<&Mention> = out.mentions.iter().filter(|m| !m.furniture && (m.form != Form::Coreference || surname(m) || official(m)) && m.tokens.end <= r.tokens.start).collect();
                before.sort_by_key(|m| m.tokens.start);
                // (entity, mentions so far, last position, in this sentence)
                let mut candidates: Vec<(usize, usize, usize, bool)> = Vec::new();
                // (this sentence's mentions with what they count for, in order)
                let mut here_mentions: Vec<(&Mention, usize)> = Vec::new();
                let capital_state = |e: &Entity| e.stands_for.as_deref().and_then(|id| self.gazetteer.index_of(id));
                for m in &before {
                    let e = out.entity(&self.gazetteer, m.entity);
                    // "أنقرة ويريفان … البلدين": capitals count for their states in a pair
                    let country = match e.kind {
                        EntityType::Person if r.people => Some(m.entity),
                        _ if r.people => None,
                        EntityType::Country if r.capitals => None,
                        EntityType::Country => Some(m.entity),
                        EntityType::City if r.count > 1 => capital_state(e),
                        // (and a known office-holder for his state: "وصل الرئيس الروسي فلاديمير بوتين … إلى طشقند بعد
                        // زيارتيه إلى الصين وبيلاروسيا … وفدي البلدين" means Russia and Uzbekistan)
                        EntityType::Person if r.count > 1 && m.form == Form::Coreference => self.person_state(out, m.entity),
                        EntityType::Person if r.count > 1 && e.role.is_some() => self.gazetteer.country_of(e),
                        _ => None,
                    };
                    let Some(c) = country else { continue };
                    if m.sentence == s {
                        here_mentions.push((m, c));
                    }
                    match candidates.iter_mut().find(|x| x.0 == c) {
                        Some(x) => {
                            x.1 += 1;
                            x.2 = m.tokens.start;
                            x.3 |= m.sentence == s;
                        }
                        None => candidates.push((c, 1, m.tokens.start, m.sentence == s)),
                    }
                }
                // (…and, for states, the capitals the sentence names after the phrase when it names too few before:
                // "همکاری‌های نظامی دو کشور … و آنکارا آماده است تجربیات خود را در اختیار تاشکند قرار دهد")
                if !r.people && r.count > 1 && candidates.iter().filter(|x| x.3).count() < r.count {
                    for m in out.mentions.iter().filter(|m| m.sentence == s && !m.furniture && m.form != Form::Coreference && m.tokens.start >= r.tokens.end) {
                        let e = out.entity(&self.gazetteer, m.entity);
                        // (capitals only: a country named later is often a third party, "… دو کشور در لیبی")
                        let state = (e.kind == EntityType::City).then(|| capital_state(e)).flatten();
                        if let Some(c) = state {
                            match candidates.iter_mut().find(|x| x.0 == c) {
                                Some(x) => x.3 = true,
                                None => candidates.push((c, 1, m.tokens.start, true)),
                            }
                        }
                    }
                }
                // (one country as a preposition's object is no state of its own clause: "اسپانیا نیز … گاز خود را از این کشور
                // وارد می‌کند" is Algeria, named before, not Spain)
                if !r.people && r.count == 1 && r.tokens.start > 0 && OBJECT_PREPOSITIONS.contains(&doc.tokens[r.tokens.start - 1].key.as_str()) {
                    let clause_mate = |at: usize| !doc.tokens[at..r.tokens.start].iter().any(|t| matches!(t.key.as_str(), "," | "،" | ";" | "؛" | ":"));
                    // (the nearest state before it, its clause's subject or topic)
                    let own = here_mentions.last().filter(|(m, _)| clause_mate(m.tokens.end)).map(|&(_, c)| c);
                    if candidates.iter().any(|x| Some(x.0) != own) {
                        candidates.retain(|x| Some(x.0) != own);
                    }
                }
                let here = candidates.iter().filter(|x| x.3).count();
                // …or a recent sentence that named just that many ("the MoU of Turkey, Azerbaijan and
                // Georgia … the three countries"); one country by its name, not by an adjective ("Azerbaijan
                // is a major buyer of Israeli arms. The country …")
                let group = (s.saturating_sub(RECENT_SENTENCES)..s).rev().find_map(|p| {
                    let mut named: Vec<usize> = before.iter().filter(|m| m.sentence == p && (r.count > 1 || m.form != Form::Adjective)).filter_map(|m| candidates.iter().find(|x| x.0 == m.entity).map(|x| x.0)).collect();
                    named.dedup();
                    named.sort_unstable();
                    named.dedup();
                    (named.len() == r.count).then_some(named)
                });
                // (in the sentence, a list of just that many names is the pair: "أنقرة وتل أبيب قد أجرتا … في العاصمة
                // الأذربيجانية باكو … في الأجواء السورية، وسط توتر متصاعد بين البلدين" means Ankara and Tel Aviv)
                let joined = |a: &Mention, b: &Mention| b.tokens.start == a.tokens.end && b.proclitic.starts_with('و') || b.tokens.start > a.tokens.end && (a.tokens.end..b.tokens.start).all(|t| matches!(doc.tokens[t].key.as_str(), "," | "،" | "و" | "and"));
                let mut listed: Option<Vec<usize>> = None;
                if !r.people && r.count > 1 {
                    let mut run: Vec<usize> = Vec::new();
                    for (k, &(m, c)) in here_mentions.iter().enumerate() {
                        if k == 0 || !joined(here_mentions[k - 1].0, m) {
                            run.clear();
                        }
                        run.push(c);
                        run.dedup();
                        let next_joined = here_mentions.get(k + 1).is_some_and(|n| joined(m, n.0));
                        if run.len() == r.count && !next_joined {
                            listed = Some(run.clone());
                        }
                    }
                }
                let countries: Vec<usize> = if let Some(listed) = listed {
                    listed
                } else if here >= r.count {
                    candidates.retain(|x| x.3);
                    candidates.sort_by_key(|x| std::cmp::Reverse(x.2));
                    candidates.iter().take(r.count).map(|x| x.0).collect()
                } else if let Some(group) = group.filter(|_| here == 0) {
                    group
                } else {
                    candidates.sort_by_key(|x| (std::cmp::Reverse(x.3), std::cmp::Reverse(x.1), std::cmp::Reverse(x.2)));
                    let mut chosen: Vec<usize> = candidates.iter().take(r.count).map(|x| x.0).collect();
                    // (two officials are mostly two states' own: "Shmyhal met his Turkish counterpart Güler and SSB chief
                    // Görgün. The two ministers signed …" means Shmyhal and Güler)
                    if r.people && chosen.len() == 2 {
                        let state = |e: usize| self.person_state(out, e);
                        if state(chosen[0]).is_some() && state(chosen[0]) == state(chosen[1]) {
                            if let Some(other) = candidates.iter().map(|x| x.0).find(|&e| e != chosen[0] && state(e).is_some() && state(e) != state(chosen[0])) {
                                chosen[1] = other;
                            }
                        }
                    }
                    chosen
                };
                if countries.len() == r.count {
                    for c in countries {
                        added.push(Mention { proclitic: r.proclitic.clone(), ..self.mention(doc, c, r.tokens.clone(), Form::Coreference, s, false) });
                    }
                }
            }
        }
        out.mentions.extend(added);
    }

    /// The state a person serves: of the office the document states (a body's state for an office in a body), else the
    /// gazetteer's for an office-holder it knows.
    fn person_state(&self, out: &DocEntities, e: usize) -> Option<usize> {
        let stated = out.offices.iter().find(|o| out.mentions[o.person].entity == e).map(|o| o.of_entity);
        let of = |x: usize| {
            let body = out.entity(&self.gazetteer, x);
            if body.kind == EntityType::Country { Some(x) } else { self.gazetteer.country_of(body) }
        };
        let known = out.entity(&self.gazetteer, e);
        stated.and_then(of).or_else(|| known.role.is_some().then(|| self.gazetteer.country_of(known)).flatten())
    }

    /// The weapon system a phrase like "the system" points back at: the nearest one named before it in
    /// its sentence, else of those named in the two sentences before and the article's main one, the one
    /// named most so far (the nearer on a tie: "همین سامانه" is the article's system, not one named in
    /// passing).
    /// None where a name follows the phrase ("المسيّرات الانتحارية «هاروب»", "the drones Bayraktar"):
    /// that introduces a system, it does not refer back.
    fn last_weapon(&self, doc: &TextDoc, out: &DocEntities, lang: Lang, s: usize, tokens: std::ops::Range<usize>) -> Option<usize> {
        // (of the phrase's kind, where both are known: "المسيرات الروسية" are no air-defence system named before)
        let kind = self.weapons.kind_in(lang, &doc.tokens, tokens.clone());
        let fits = |e: usize| kind.zip(out.entity(&self.gazetteer, e).role.as_deref()).is_none_or(|(k, role)| weapon_kind_fits(k, role));
        let is_weapon = |e: usize| out.entity(&self.gazetteer, e).kind == EntityType::WeaponSystem && fits(e);
        let named_after = out.mentions.iter().any(|m| m.sentence == s && m.tokens.start >= tokens.end && m.tokens.start <= tokens.end + 2 && is_weapon(m.entity));
        let quoted = doc.tokens.get(tokens.end).is_some_and(Token::is_quote);
        if named_after || quoted {
            return None;
        }
        let before: Vec<&Mention> = out.mentions.iter().filter(|m| m.tokens.end <= tokens.start && !m.furniture && m.form != Form::Coreference && is_weapon(m.entity)).collect();
        if let Some(here) = before.iter().filter(|m| m.sentence == s).max_by_key(|m| m.tokens.start) {
            return Some(here.entity);
        }
        let count = |e: usize| before.iter().filter(|m| m.entity == e).count();
        let recent = before.iter().filter(|m| m.sentence + RECENT_SENTENCES >= s);
        let main = before.iter().max_by_key(|m| (count(m.entity), m.tokens.start));
        recent.chain(main).max_by_key(|m| (count(m.entity), m.tokens.start)).map(|m| m.entity)
    }

    /// The mentions by name (not by back-reference) before `token`, in sentence `s` or the two before it, outside page furniture.
    fn recent_names(out: &DocEntities, s: usize, token: usize) -> impl Iterator<Item = &Mention> {
        out.mentions.iter().filter(move |m| m.tokens.end <= token && m.sentence + RECENT_SENTENCES >= s && !m.furniture && m.form != Form::Coreference)
    }

    /// The last `count` companies named before `token`, in this or the two sentences before (all of them, or none).
    fn last_companies(&self, out: &DocEntities, s: usize, token: usize, count: usize) -> Vec<usize> {
        let mut before: Vec<&Mention> = Self::recent_names(out, s, token).collect();
        before.sort_by_key(|m| std::cmp::Reverse(m.tokens.start));
        let mut companies: Vec<usize> = Vec::new();
        for m in before {
            if out.entity(&self.gazetteer, m.entity).is_company() && !companies.contains(&m.entity) {
                companies.push(m.entity);
            }
        }
        companies.truncate(count);
        if companies.len() == count { companies } else { Vec::new() }
    }

    /// The armed group, party or movement named last before `tokens`, in this or the two sentences before; none
    /// where a name follows the phrase ("الحزب الديمقراطي الكردستاني", "the group Jaish al-Adl"), which
    /// introduces it.
    fn last_group(&self, doc: &TextDoc, out: &DocEntities, s: usize, tokens: std::ops::Range<usize>) -> Option<usize> {
        let is_group = |e: usize| out.entity(&self.gazetteer, e).role.as_deref().is_some_and(|r| GROUP_ROLES.contains(&r));
        let quote = |t: usize| doc.tokens.get(t).is_some_and(Token::is_quote);
        if out.mentions.iter().any(|m| m.sentence == s && (m.tokens.start == tokens.end || m.tokens.start == tokens.end + 1 && quote(tokens.end))) {
            return None;
        }
        Self::recent_names(out, s, tokens.start).filter(|m| is_group(m.entity)).max_by_key(|m| m.tokens.start).map(|m| m.entity)
    }

    /// The person named last as a delegation's head before `tokens` ("وفد … برئاسة وزير الاستثمار خالد
    /// الفالح", "a delegation led by …"): at most a title's words after "led by". None where a head follows
    /// the phrase ("الوفد السعودي برئاسة …"): that introduces the delegation.
    fn delegation_head(&self, doc: &TextDoc, out: &DocEntities, tokens: std::ops::Range<usize>) -> Option<usize> {
        let forms: Vec<Vec<String>> = LED_BY.iter().map(|f| f.split(' ').map(crate::text::normalize::fold).collect()).collect();
        let led_by = |t: usize| forms.iter().any(|form| form.iter().enumerate().all(|(k, w)| doc.tokens.get(t + k).is_some_and(|x| x.key == *w)));
        if (tokens.end..tokens.end + 3).any(led_by) {
            return None;
        }
        let is_person = |e: usize| out.entity(&self.gazetteer, e).kind == EntityType::Person;
        out.mentions
            .iter()
            .filter(|m| m.tokens.end <= tokens.start && !m.furniture && m.form != Form::Coreference && is_person(m.entity))
            .filter(|m| (m.tokens.start.saturating_sub(DELEGATION_HEAD_REACH)..m.tokens.start).any(led_by))
            .max_by_key(|m| m.tokens.start)
            .map(|m| m.entity)
    }

    /// The kingdom named most before `token` (a state with "مملكة"/"Kingdom" in one of its names).
    fn main_kingdom(&self, out: &DocEntities, token: usize) -> Option<usize> {
        let kingdom = |e: usize| out.entity(&self.gazetteer, e).names.values().flatten().any(|n| n.contains("مملكة") || n.contains("Kingdom"));
        self.most_named_state(out, token, &kingdom)
    }

    /// The state an English sentence is about: the first named before `token` that is no preposition's object, by its
    /// name, its capital or a body acting for it ("The Emirati air force flies …"); not a maker's adjective.
    fn sentence_subject(&self, doc: &TextDoc, out: &DocEntities, s: usize, token: usize) -> Option<usize> {
        let mut here: Vec<&Mention> = out.mentions.iter().filter(|m| m.sentence == s && m.tokens.end <= token && !m.furniture && m.form != Form::Coreference).collect();
        here.sort_by_key(|m| m.tokens.start);
        here.into_iter().find_map(|m| {
            let after_preposition = m.tokens.start > 0 && SUBJECTLESS_BEFORE.contains(&doc.tokens[m.tokens.start - 1].key.as_str());
            let maker_adjective = m.form == Form::Adjective && doc.tokens.get(m.tokens.end).is_some_and(|t| t.key == "-" && t.glued) && doc.tokens.get(m.tokens.end + 1).is_some_and(|t| MADE.contains(&t.key.as_str()));
            if after_preposition || maker_adjective {
                return None;
            }
            let e = out.entity(&self.gazetteer, m.entity);
            match e.kind {
                EntityType::Country => Some(m.entity),
                EntityType::City => e.stands_for.as_deref().and_then(|id| self.gazetteer.index_of(id)),
                EntityType::Organization if e.acts_for_state() => self.gazetteer.country_of(e),
                _ => None,
            }
        })
    }

    /// The state (of those `fits` accepts) named most before `token`, by its name, adjective or capital
    /// ("الرياض"); the first named on a tie.
    fn most_named_state(&self, out: &DocEntities, token: usize, fits: &dyn Fn(usize) -> bool) -> Option<usize> {
        let mut counts: Vec<(usize, usize)> = Vec::new();
        for m in out.mentions.iter().filter(|m| m.tokens.end <= token && !m.furniture && m.form != Form::Coreference) {
            let e = out.entity(&self.gazetteer, m.entity);
            let state = match e.kind {
                EntityType::Country => Some(m.entity),
                EntityType::City => e.stands_for.as_deref().and_then(|id| self.gazetteer.index_of(id)),
                _ => None,
            };
            if let Some(state) = state.filter(|&st| fits(st)) {
                match counts.iter_mut().find(|c| c.0 == state) {
                    Some(c) => c.1 += 1,
                    None => counts.push((state, 1)),
                }
            }
        }
        counts.into_iter().rev().max_by_key(|c| c.1).map(|c| c.0)
    }

    /// The state of whoever speaks at `token` in sentence `s`: the state, official or state body named last
    /// before it, or, inside a quotation that opens the sentence, the speaker named after it ("“We will
    /// continue to support Armenia,” French President Emmanuel Macron said").
    pub(super) fn speakers_state(&self, doc: &TextDoc, out: &DocEntities, s: usize, token: usize) -> Option<usize> {
        let state_of = |i: usize, m: &Mention| {
            let e = out.entity(&self.gazetteer, m.entity);
            let by_id = |id: &Option<String>| id.as_deref().and_then(|id| self.gazetteer.index_of(id));
            match e.kind {
                EntityType::Country => Some(m.entity),
                EntityType::Person => out.offices.iter().find(|o| o.person == i || out.mentions[o.person].entity == m.entity).map(|o| o.of_entity).filter(|&st| out.entity(&self.gazetteer, st).kind == EntityType::Country).or_else(|| e.role.as_ref().and_then(|_| by_id(&e.country))),
                EntityType::Organization if e.acts_for_state() => by_id(&e.country),
                EntityType::City => by_id(&e.stands_for),
                _ => None,
            }
        };
        let mut here: Vec<(usize, &Mention)> = out.mentions.iter().enumerate().filter(|(_, m)| m.sentence == s && m.form != Form::Coreference).collect();
        here.sort_by_key(|(_, m)| m.tokens.start);
        // (a man's country is a person's: "أشاد فاديفول … بالتعاون مع قطر والولايات المتحدة، مؤكداً أن بلاده …" is
        // Germany's, not the state named last)
        let his = doc.tokens.get(token).is_some_and(|t| t.key.ends_with('ه') && !t.key.ends_with("ها") || t.key == "his");
        let person = |m: &Mention| out.entity(&self.gazetteer, m.entity).kind == EntityType::Person;
        let before = his
            .then(|| here.iter().rev().filter(|(_, m)| m.tokens.end <= token && person(m)).find_map(|&(i, m)| state_of(i, m)))
            .flatten()
            .or_else(|| here.iter().rev().filter(|(_, m)| m.tokens.end <= token).find_map(|&(i, m)| state_of(i, m)));
        let sentence = &doc.sentences[s].tokens;
        let opens_quoted = doc.tokens.get(sentence.start).is_some_and(|t| t.is_quote());
        before.or_else(|| {
            let close = (token..sentence.end).find(|&t| doc.tokens[t].is_quote()).filter(|_| opens_quoted)?;
            here.iter().filter(|(_, m)| m.tokens.start > close).find_map(|&(i, m)| state_of(i, m))
        })
    }
}

/// Whether a surname is long enough to stand for its bearer alone: four letters, or three Latin ones
/// ("Dar" for Ishaq Dar); shorter words, and three-letter Arabic or Persian ones, are too often words.
fn long_enough_surname(surname: &str) -> bool {
    let letters = surname.chars().count();
    letters >= 4 || letters == 3 && surname.chars().all(|c| c.is_ascii_alphabetic())
}

/// Whether a weapon noun's kind (`weapon-nouns.tsv`: drone, aircraft, helicopter, air-defence, missile, ship,
/// armour, artillery…) may name a system of the gazetteer's role ("combat drone", "air defence system").
fn weapon_kind_fits(kind: &str, role: &str) -> bool {
    let role = role.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| role.contains(w));
    match kind {
        "drone" => any(&["drone", "loitering", "uav"]),
        "aircraft" => any(&["aircraft", "fighter", "bomber", "trainer", "drone", "loitering", "airborne", "tanker", "jet"]),
        "helicopter" => any(&["helicopter"]),
        "air-defence" => any(&["air defence", "air-defence", "missile", "manpads", "radar", "interceptor"]),
        "missile" => any(&["missile", "rocket", "munition", "manpads", "air defence", "bomb", "torpedo", "interceptor"]),
        "ship" => any(&["frigate", "corvette", "submarine", "destroyer", "carrier", "ship", "vessel", "boat", "cruiser", "patrol"]),
        "armour" => any(&["tank", "armoured", "armored", "vehicle", "carrier"]),
        "artillery" => any(&["artillery", "howitzer", "rocket", "gun", "mortar", "launcher"]),
        _ => true,
    }
}
