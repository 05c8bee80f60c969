//! The entity layer's pass over one document: gazetteer names, offices and the people they
//! introduce (`offices`), weapon systems and companies named by their noun (`introduced`),
//! back-references (`backrefs`), and ruling bodies named by their seat (`seats`).

mod backrefs;
mod introduced;
mod offices;
mod seats;

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use super::affixes::prefix_variants;
use super::coref::CorefLexicon;
use super::gazetteer::Gazetteer;
use super::homographs::Homographs;
use super::index::NameIndex;
use super::roles::{OfficeKind, RoleLexicon};
use super::translit::Transliterator;
use super::phrases::PhraseList;
use super::fuzzy::NameSkeleton;
use super::{DocEntities, Entity, EntityType, Form, Mention};
use crate::data::{DataError, RowProblem, lexicon_rows};
use crate::text::lang::Lang;
use crate::text::normalize::fold;
use crate::text::token::{Token, TokenKind};
use crate::text::TextDoc;

/// How far (in tokens) after an office its state or body may be named ("رئيس ستاد کل ارتش جمهوری آذربایجان").
const OFFICE_REACH: usize = 7;
/// Words between an office and its holder's name that are no part of either (folded).
const OFFICE_MODIFIERS: &[&str] = &["السابق", "انذاك", "حينذاك", "حينها", "وقتها", "وقتذاك", "وقت", "السابقه", "الاسبق", "سابق", "بالوكاله", "المكلف", "الاول", "الثاني", "الجديد", "الجديده", "پيشين", "former", "then", "acting", "outgoing", "new", "executive", "senior", "first", "interim", "caretaker", "leftist", "populist", "conservative", "nationalist", "reformist", "hardline", "elected"];
/// The most tokens of a title before a name ("lt . col .", "رئيس هيئة الأركان العامة").
const TITLE_MAX_TOKENS: usize = 6;
/// The most words an unknown name introduced by an office may have.
const NAME_MAX_WORDS: usize = 4;

pub struct EntityLayer {
    pub gazetteer: Gazetteer,
    /// (entity, consonant skeleton of its English label) of every person the gazetteer knows.
    person_skeletons: Vec<(usize, NameSkeleton)>,
    index: NameIndex,
    homographs: Homographs,
    roles: RoleLexicon,
    coref: CorefLexicon,
    translit: Transliterator,
    /// Weapon nouns with their kinds (`ship` nouns precede an English ship's name: "the corvette Hetman Ivan Mazepa").
    weapons: PhraseList,
    /// Words of type between a weapon noun and its name ("من طراز", "از نوع").
    weapon_type: PhraseList,
    companies: PhraseList,
    ruling_bodies: PhraseList,
}

impl EntityLayer {
    pub fn load(data_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<EntityLayer, DataError> {
        let gazetteer = Gazetteer::load(&data_dir.join("gazetteer"), problems)?;
        let lexicon = data_dir.join("lexicon");
        let person_skeletons = gazetteer
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityType::Person)
            .map(|(i, e)| (i, NameSkeleton::new(&crate::eval::gold::key(&e.label))))
            .collect();
        let mut index = NameIndex::build(&gazetteer);
        for (lang, row) in lexicon_rows(&lexicon, "ambiguous-names.tsv", &["id", "forms"], problems)? {
            let Some(entity) = gazetteer.index_of(row.get("id")) else {
                problems.push(row.problem(format!("unknown gazetteer id `{}`", row.get("id"))));
                continue;
            };
            let place = matches!(gazetteer.entities[entity].kind, EntityType::Country | EntityType::City | EntityType::Region);
            for form in row.list("forms") {
                index.add_ambiguous(entity, form, lang, place);
            }
        }
        Ok(EntityLayer {
            person_skeletons,
            index,
            homographs: Homographs::load(&lexicon, &gazetteer, problems)?,
            roles: RoleLexicon::load(&lexicon, problems)?,
            coref: CorefLexicon::load(&lexicon, problems)?,
            translit: Transliterator::load(&lexicon.join("translit.tsv"), problems)?,
            weapons: PhraseList::load(&lexicon, "weapon-nouns.tsv", problems)?,
            weapon_type: PhraseList::load_kind(&lexicon, "weapon-lists.tsv", Some("type"), problems)?,
            companies: PhraseList::load(&lexicon, "company-nouns.tsv", problems)?,
            ruling_bodies: PhraseList::load(&lexicon, "ruling-bodies.tsv", problems)?,
            gazetteer,
        })
    }

    /// The non-state organisation an English office names ("Commander-in-Chief of the SDF": the SDF),
    /// if any: an office in it is an office of that body, not of the holder's state.
    pub fn body_of_office(&self, role: &str) -> Option<usize> {
        let tokens = crate::text::token::tokenize(role, 0);
        self.index.find(role, Lang::En, &tokens, 0..tokens.len()).into_iter().map(|m| m.entity).find(|&e| {
            let entity = &self.gazetteer.entities[e];
            entity.kind == EntityType::Organization && !entity.acts_for_state()
        })
    }

    /// Whether a role names a profession rather than an office (roles.tsv, office kind `no`).
    pub fn is_profession(&self, role: &str) -> bool {
        self.roles.is_profession(role)
    }

    /// The start of a title or rank that ends right before `at` ("Maj. Gen." before "Mohammad Bagheri",
    /// "President" before "Aliyev"; not a profession, "host", nor "his counterpart", which is someone
    /// else's), looking back no further than `floor`. Offices with their state are
    /// attached by the recognizer; a bare title still belongs to the name it precedes.
    pub fn title_before(&self, lang: Lang, tokens: &[Token], at: usize, floor: usize) -> Option<usize> {
        // (the range goes one token past, so that a rank's last full stop is read: "Gen." before a name)
        let end = (at + 1).min(tokens.len());
        (floor.max(at.saturating_sub(TITLE_MAX_TOKENS))..at).find(|&s| self.roles.find(lang, tokens, s..end).first().is_some_and(|r| r.tokens == (s..at) && r.office != OfficeKind::None && r.role != "Counterpart"))
    }

    /// The part of a weapon system's name that is a weapon noun of the lexicon, if the name has one
    /// besides its own words: "Shaurya [missile]", "[زیردریایی] آگوستا". Rules read it as the cue it is.
    pub fn weapon_noun_in_name(&self, lang: Lang, tokens: &[Token], name: Range<usize>) -> Option<Range<usize>> {
        if lang == Lang::En {
            (name.start + 1..name.end).find(|&k| self.weapons.at(lang, tokens, k, name.end) == Some(name.end)).map(|k| k..name.end)
        } else {
            self.weapons.at(lang, tokens, name.start, name.end).filter(|&end| end < name.end).map(|end| name.start..end)
        }
    }

    /// The end of a company noun of the lexicon starting at token `at` ("company", "defence firm"), if any.
    pub fn company_noun_at(&self, lang: Lang, tokens: &[Token], at: usize, end: usize) -> Option<usize> {
        self.companies.at(lang, tokens, at, end)
    }

    /// The end of a weapon noun of the lexicon starting at token `at` ("missiles", "air-defence system"), if any.
    pub fn weapon_noun_at(&self, lang: Lang, tokens: &[Token], at: usize, end: usize) -> Option<usize> {
        self.weapons.at(lang, tokens, at, end)
    }

    /// The gazetteer entity one of whose names is exactly `name`, if any.
    pub fn named(&self, name: &str) -> Option<usize> {
        self.index.named(name)
    }

    pub fn entity<'a>(&'a self, doc: &'a DocEntities, index: usize) -> &'a Entity {
        doc.entity(&self.gazetteer, index)
    }

    pub fn recognize(&self, doc: &TextDoc) -> DocEntities {
        let mut out = DocEntities::default();
        let lang_of = |s: usize| doc.paragraphs[doc.sentences[s].paragraph].lang.or(doc.body_lang()).unwrap_or(Lang::En);
        for (s, sentence) in doc.sentences.iter().enumerate() {
            let furniture = doc.paragraphs[sentence.paragraph].furniture;
            for m in self.index.find(&doc.text, lang_of(s), &doc.tokens, sentence.tokens.clone()) {
                if self.another_first_name(doc, lang_of(s), sentence.tokens.start, m.entity, &m.tokens) {
                    continue;
                }
                let mut mention = self.mention(doc, m.entity, m.tokens, m.form, s, furniture);
                mention.proclitic = m.proclitic;
                mention.ambiguous = m.ambiguous;
                out.mentions.push(mention);
            }
        }
        // (a weapon's name that is also a word counts before a weapon noun: "Patriot systems", "Javelin missiles")
        let weapon_noun_after = |m: &Mention| self.weapon_noun_at(lang_of(m.sentence), &doc.tokens, m.tokens.end, doc.tokens.len()).is_some();
        drop_unconfirmed_names(doc, &self.gazetteer, &mut out, &weapon_noun_after);
        self.homographs.resolve(doc, &self.gazetteer, &mut out, &lang_of);
        drop_foreign_abbreviations(doc, &mut out);
        nisba_names_as_adjectives(doc, &self.gazetteer, &mut out, &lang_of);
        capitals_after_capital(doc, &self.gazetteer, &mut out, &lang_of);
        family_names(doc, &self.gazetteer, &mut out);
        self.find_acronym_names(doc, &mut out, &lang_of);
        self.find_weapons(doc, &mut out, &lang_of);
        self.find_companies(doc, &mut out, &lang_of);
        let mut discovered_names: HashMap<String, usize> = HashMap::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if doc.paragraphs[sentence.paragraph].furniture {
                continue;
            }
            let lang = lang_of(s);
            for role in self.roles.find(lang, &doc.tokens, sentence.tokens.clone()) {
                self.attach_office(doc, &mut out, &mut discovered_names, lang, s, &role);
            }
            self.people_after_cues(doc, &mut out, &mut discovered_names, lang, s);
        }
        self.find_short_names(doc, &mut out, &lang_of);
        self.resolve_back_references(doc, &mut out, &lang_of);
        self.extend_to_ruling_bodies(doc, &mut out, &lang_of);
        sort_mentions(&mut out);
        out
    }

    /// A known person's bare surname after a capitalised word that is no title: someone else of that
    /// name ("Yevgeny Belousov" is not Andrei Belousov). English only, where capitals show names.
    fn another_first_name(&self, doc: &TextDoc, lang: Lang, sentence_start: usize, entity: usize, tokens: &Range<usize>) -> bool {
        if lang != Lang::En || tokens.len() != 1 || tokens.start <= sentence_start || self.gazetteer.entities.get(entity).is_none_or(|e| e.kind != EntityType::Person) {
            return false;
        }
        let before = &doc.tokens[tokens.start - 1];
        let capitalised = before.kind == TokenKind::Word && doc.text[before.start..].chars().next().is_some_and(char::is_uppercase);
        capitalised && !self.roles.is_stopword(lang, &before.key) && !self.roles.is_common(lang, &before.key) && self.roles.find(lang, &doc.tokens, tokens.start - 1..tokens.start).is_empty()
    }

    fn mention(&self, doc: &TextDoc, entity: usize, tokens: Range<usize>, form: Form, sentence: usize, furniture: bool) -> Mention {
        let (start, end) = (doc.tokens[tokens.start].start, doc.tokens[tokens.end - 1].end);
        Mention { entity, tokens, start, end, form, sentence, furniture, proclitic: String::new(), ambiguous: false }
    }

    fn mention_at(out: &DocEntities, token: usize) -> Option<usize> {
        out.mentions.iter().position(|m| m.tokens.contains(&token))
    }

    fn kind_of(&self, out: &DocEntities, mention: usize) -> EntityType {
        out.entity(&self.gazetteer, out.mentions[mention].entity).kind
    }

}


/// A name that is also a common word ("مالي", financial) counts only where the document names its entity
/// otherwise too: by another name, an adjective, or its capital ("باماكو"); or where quotes mark it as a
/// name ("سامانه «حصار»").
fn drop_unconfirmed_names(doc: &TextDoc, gazetteer: &Gazetteer, out: &mut DocEntities, weapon_noun_after: &dyn Fn(&Mention) -> bool) {
    // a capital that is also a weekday ("دوشنبه", Dushanbe and Monday) reads as a day after "روز"/"on", or before a date
    // or "گذشته", whatever the paragraph's language ("روز دوشنبه" in a line taken for Arabic confirms no Dushanbe)
    let as_day = |m: &Mention| {
        let before = m.tokens.start.checked_sub(1).map(|t| doc.tokens[t].key.as_str());
        let after = doc.tokens.get(m.tokens.end);
        before.is_some_and(|k| DAY_WORDS.contains(&k)) || after.is_some_and(|t| t.kind == TokenKind::Number || DAY_WORDS.contains(&t.key.as_str()))
    };
    let day_read = |m: &Mention| gazetteer.entities.get(m.entity).is_some_and(|e| WEEKDAY_CAPITALS.contains(&e.id.as_str())) && as_day(m);
    let confirmed: Vec<usize> = out
        .mentions
        .iter()
        .filter(|m| !m.ambiguous && !day_read(m))
        .flat_map(|m| {
            let capital_of = gazetteer.entities.get(m.entity).and_then(|e| e.stands_for.as_deref()).and_then(|id| gazetteer.index_of(id));
            [Some(m.entity), capital_of]
        })
        .flatten()
        .collect();
    let quote = |t: Option<&crate::text::token::Token>| t.is_some_and(crate::text::token::Token::is_quote);
    let quoted = |m: &Mention| m.tokens.start > 0 && quote(doc.tokens.get(m.tokens.start - 1)) && quote(doc.tokens.get(m.tokens.end));
    // (…and counts where its state is named, unless it reads as a day)
    let state_named = |e: usize| gazetteer.entities.get(e).and_then(|x| x.stands_for.as_deref()).and_then(|id| gazetteer.index_of(id)).is_some_and(|st| confirmed.contains(&st));
    // a state in a list of states ("مالي والنيجر وبوركينا فاسو", "الجزائر ومالي")
    let country = |m: &Mention| gazetteer.entities.get(m.entity).is_some_and(|e| e.kind == EntityType::Country);
    let joiner = |t: usize| doc.tokens.get(t).is_some_and(|t| matches!(t.key.as_str(), "," | "،" | "و" | "and"));
    let next_to = |a: &Mention, b: &Mention| b.tokens.start == a.tokens.end && b.proclitic.starts_with('و') || b.tokens.start == a.tokens.end + 1 && joiner(a.tokens.end);
    let states: Vec<Mention> = out.mentions.iter().filter(|m| !m.ambiguous && country(m)).cloned().collect();
    let listed = |m: &Mention| country(m) && states.iter().any(|o| next_to(m, o) || next_to(o, m));
    // …and no word that is a verb's noun before its light verb ("را ترک کرد", left)
    let as_verb = |m: &Mention| doc.tokens.get(m.tokens.end).is_some_and(|t| LIGHT_VERBS.contains(&t.key.as_str()));
    let weapon = |m: &Mention| gazetteer.entities.get(m.entity).is_some_and(|e| e.kind == EntityType::WeaponSystem);
    let with_weapon_noun = |m: &Mention| weapon(m) && weapon_noun_after(m);
    // (one mention before a weapon noun names the system for the whole document: "Patriot batteries … the Patriot")
    let named_as_weapon: Vec<usize> = out.mentions.iter().filter(|m| m.ambiguous && with_weapon_noun(m)).map(|m| m.entity).collect();
    out.mentions.retain(|m| !day_read(m) && (!m.ambiguous || !as_verb(m) && (confirmed.contains(&m.entity) || named_as_weapon.contains(&m.entity) || quoted(m) || listed(m) || state_named(m.entity) && !as_day(m))));
}

/// Persian light verbs (folded) that make the word before them part of a compound verb ("ترک کرد", left).
const LIGHT_VERBS: &[&str] = &["كرد", "كند", "كنند", "كردند", "كرده", "كردن", "نمود", "نمايد", "نمودند", "شد", "شده", "شود", "شوند", "مي", "نكرد", "نكند"];

/// Capitals (gazetteer ids) whose name is also a weekday: "دوشنبه" is Dushanbe and Monday.
const WEEKDAY_CAPITALS: &[&str] = &["dushanbe"];

/// Words around a weekday (folded): "روز دوشنبه", "دوشنبه گذشته", "on Monday".
const DAY_WORDS: &[&str] = &["روز", "صبح", "عصر", "شب", "بامداد", "ظهر", "شامگاه", "گذشته", "اينده", "اخير", "يوم", "on", "last", "next"];

/// An Arabic state named like its feminine nisba ("السعودية") after a definite noun is that noun's
/// adjective: "الكهرباء السعودية" is Saudi electricity, not the kingdom.
fn nisba_names_as_adjectives(doc: &TextDoc, gazetteer: &Gazetteer, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
    let tokens = &doc.tokens;
    let covered = |t: usize| out.mentions.iter().any(|m| m.tokens.contains(&t));
    let adjectives: Vec<usize> = (0..out.mentions.len())
        .filter(|&i| {
            let m = &out.mentions[i];
            if m.form != Form::Name || m.tokens.len() != 1 || m.tokens.start == 0 || !m.proclitic.is_empty() || lang_of(m.sentence) != Lang::Ar {
                return false;
            }
            let entity = out.entity(gazetteer, m.entity);
            let stem = tokens[m.tokens.start].key.strip_prefix("ال").and_then(|k| k.strip_suffix('ه'));
            let nisba = entity.kind == EntityType::Country && stem.is_some_and(|stem| entity.adjectives.get(&Lang::Ar).is_some_and(|adjs| adjs.iter().any(|a| fold(a) == stem)));
            let before = &tokens[m.tokens.start - 1];
            nisba && before.kind == TokenKind::Word && before.key.starts_with("ال") && !covered(m.tokens.start - 1)
        })
        .collect();
    for i in adjectives {
        out.mentions[i].form = Form::Adjective;
    }
}

/// A person's name goes on with a family name after "آل" the gazetteer's form leaves out: "سید شهاب بن طارق
/// آل سعید", "تميم بن حمد آل ثاني".
fn family_names(doc: &TextDoc, gazetteer: &Gazetteer, out: &mut DocEntities) {
    let tokens = &doc.tokens;
    let starts: Vec<usize> = out.mentions.iter().map(|m| m.tokens.start).collect();
    for m in out.mentions.iter_mut().filter(|m| m.entity < gazetteer.len() && gazetteer.entities[m.entity].kind == EntityType::Person) {
        let end = m.tokens.end;
        let family = tokens.get(end).is_some_and(|t| t.key == "ال" && t.kind == TokenKind::Word) && tokens.get(end + 1).is_some_and(|t| t.kind == TokenKind::Word && !t.key.is_ascii());
        let sentence_end = doc.sentences[m.sentence].tokens.end;
        if family && end + 1 < sentence_end && !starts.iter().any(|&s| s == end || s == end + 1) {
            m.tokens.end = end + 2;
            m.end = tokens[end + 1].end;
        }
    }
}

/// A state named with "the capital" is its capital: "العاصمة تونس" is Tunis, "العاصمة الروسية" Moscow, "the
/// Russian capital" Moscow, "پایتخت روسیه" Moscow.
fn capitals_after_capital(doc: &TextDoc, gazetteer: &Gazetteer, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
    let tokens = &doc.tokens;
    let capital_of = |state: usize| {
        let id = &gazetteer.entities.get(state)?.id;
        gazetteer.entities.iter().position(|e| e.kind == EntityType::City && e.stands_for.as_deref() == Some(id.as_str()))
    };
    for m in out.mentions.iter_mut().filter(|m| m.entity < gazetteer.len() && gazetteer.entities[m.entity].kind == EntityType::Country) {
        let before = m.tokens.start.checked_sub(1).map(|t| &tokens[t]);
        let after = tokens.get(m.tokens.end);
        let with_capital = match lang_of(m.sentence) {
            Lang::Ar => before.is_some_and(|t| prefix_variants(Lang::Ar, &t.key).iter().any(|v| v.key == "العاصمه")),
            Lang::Fa => m.form == Form::Name && before.is_some_and(|t| t.key == "پايتخت"),
            Lang::En => m.form == Form::Adjective && after.is_some_and(|t| t.key == "capital"),
        };
        if let Some(city) = with_capital.then(|| capital_of(m.entity)).flatten() {
            m.entity = city;
            // a Persian mention takes the word "capital" in, so that rules see one place: "به [پایتخت قرقیزستان] سفر"
            // (Arabic and English rules name "العاصمة", "capital" themselves)
            if lang_of(m.sentence) == Lang::Fa {
                m.tokens.start -= 1;
                m.start = tokens[m.tokens.start].start;
            }
        }
    }
}

/// An abbreviation in brackets names what stands right before it: "Kazakhstan Aviation Industry (KAI)"
/// is not Korea Aerospace Industries, "Israel Aerospace Industries (IAI)" is IAI. A bracketed name
/// whose entity does not end just before the bracket is dropped.
fn drop_foreign_abbreviations(doc: &TextDoc, out: &mut DocEntities) {
    let tokens = &doc.tokens;
    let keep: Vec<bool> = out
        .mentions
        .iter()
        .map(|m| {
            let bracketed = m.tokens.start >= 2 && tokens[m.tokens.start - 1].key == "(" && tokens.get(m.tokens.end).is_some_and(|t| t.key == ")");
            let acronym = m.tokens.len() == 1 && doc.text[m.start..m.end].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if !bracketed || !acronym {
                return true;
            }
            let before = m.tokens.start - 2;
            // the name before the bracket: the same entity, or no name at all (a lone acronym)
            let named_before = out.mentions.iter().any(|o| o.tokens.end == before + 1 && o.entity == m.entity);
            let capitalised = tokens[before].kind == TokenKind::Word && doc.text[tokens[before].start..].chars().next().is_some_and(char::is_uppercase);
            named_before || !capitalised
        })
        .collect();
    let mut i = 0;
    out.mentions.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}


/// Puts mentions in text order, keeping the offices pointing at the same mentions.
fn sort_mentions(out: &mut DocEntities) {
    let mut order: Vec<usize> = (0..out.mentions.len()).collect();
    order.sort_by_key(|&m| (out.mentions[m].tokens.start, out.mentions[m].entity));
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut old: Vec<Option<Mention>> = std::mem::take(&mut out.mentions).into_iter().map(Some).collect();
    out.mentions = order.iter().map(|&m| old[m].take().expect("each mention once")).collect();
    for office in &mut out.offices {
        office.person = new_index[office.person];
        office.of_mention = office.of_mention.map(|m| new_index[m]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::TextLayer;

    /// The repository's knowledge, as a user has it.
    fn layers() -> (TextLayer, EntityLayer) {
        let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        let mut problems = Vec::new();
        (TextLayer::load(&data, &mut problems).unwrap(), EntityLayer::load(&data, &mut problems).unwrap())
    }

    /// (person label, office, state label) of the offices found in `text`.
    fn offices(text: &str) -> Vec<(String, String, String)> {
        let (t, e) = layers();
        let doc = t.analyze(text.to_string());
        let found = e.recognize(&doc);
        found
            .offices
            .iter()
            .map(|o| (e.entity(&found, found.mentions[o.person].entity).label.clone(), o.role.clone(), e.entity(&found, o.of_entity).label.clone()))
            .collect()
    }

    #[test]
    fn an_unknown_arabic_name_after_an_office_becomes_a_person_of_that_state() {
        let found = offices("قال وزير الدفاع الإسرائيلي داني هارئيل إن الزيارة كانت ناجحة ومهمة للبلدين.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("Defence Minister", "Israel"));
        assert!(found[0].0.starts_with("Dan"), "transliterated: {found:?}");
    }

    #[test]
    fn an_office_modifier_of_time_is_no_part_of_the_name() {
        let found = offices("خلال زيارة الرئيس البرازيلي آنذاك جايير بولسونارو إلى الرياض.");
        assert_eq!(found, [("Jair Bolsonaro".to_string(), "President".to_string(), "Brazil".to_string())]);
    }

    #[test]
    fn two_english_offices_joined_by_and_are_one_person_s() {
        let found = offices("Saudi Crown Prince and Prime Minister Mohammed bin Salman arrived in Cairo.");
        assert!(found.iter().any(|(p, r, _)| p == "Mohammed bin Salman" && r == "Crown Prince"), "{found:?}");
    }

    #[test]
    fn a_persian_name_in_guillemets_before_its_office() {
        let found = offices("«آرمان نوری‌زاده» معاون اول وزیر دفاع جمهوری آذربایجان با هیاتی دیدار کرد.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].1.as_str(), found[0].2.as_str()), ("First Deputy Defence Minister", "Azerbaijan"));
    }

    #[test]
    fn an_office_between_commas_belongs_to_the_name_before_it() {
        let found = offices("ذاکر حسن‌اف، وزیر دفاع آذربایجان، یاشار گولر و ایراکلی چیکووانی یادداشتی امضا کردند.");
        assert!(found.iter().any(|(p, _, st)| p == "Zakir Hasanov" && st == "Azerbaijan"), "{found:?}");
        assert!(!found.iter().any(|(p, _, _)| p == "Yaşar Güler"), "{found:?}");
        let found = offices("Ilham Aliyev, the president of Azerbaijan, Recep Tayyip Erdogan and others met in Baku.");
        assert_eq!(found, [("Ilham Aliyev".to_string(), "President".to_string(), "Azerbaijan".to_string())]);
        let found = offices("Hakan Fidan, Turkey's foreign minister, held talks in Ankara.");
        assert_eq!(found, [("Hakan Fidan".to_string(), "Foreign Minister".to_string(), "Turkey".to_string())]);
    }

    #[test]
    fn an_english_office_of_a_named_body_then_the_name() {
        let found = offices("The director-general of Israel's Defense Ministry, Dan Harel, met officials in Athens.");
        assert_eq!(found, [("Dan Harel".to_string(), "Director-General".to_string(), "Israel".to_string())]);
    }

    #[test]
    fn an_english_name_after_an_adjective_and_office() {
        let found = offices("Israeli Defence Minister Dan Harel arrived in Baku on Monday for talks with officials there.");
        assert_eq!(found, [("Dan Harel".to_string(), "Defence Minister".to_string(), "Israel".to_string())]);
    }

    #[test]
    fn ordinary_words_after_an_office_are_no_name() {
        assert!(offices("وأعلن الرئيس التركي استعداد بلاده لدعم أذربيجان في مواجهة أي هجوم.").is_empty());
        assert!(offices("The defence minister said on Monday that the talks went well for both sides.").is_empty());
        // (nor a verb of two or more, nor a superlative opening a description)
        assert!(offices("العاهل الأردني والرئيس المصري يوقعان إعلان الشراكة في عمان.").is_empty());
        assert!(offices("لا يتضمن البرنامج أي تنقل للرئيس الفرنسي إلى مدينة العيون، كبرى حواضر الصحراء.").is_empty());
        // (nor a past verb of two, "اتفقا", after a counterpart)
        let found = offices("أجرى وزير الخارجية الإيراني عباس عراقجي اتصالا هاتفيا بنظيره التركي، اتفقا خلاله على عقد لقاء ثنائي.");
        assert!(found.iter().all(|(p, _, _)| !p.contains("Khalalh")), "{found:?}");
        // (nor what follows an office counted by a number)
        assert!(offices("در این دیدار دو وزیر یادداشت تفاهمی برای همکاری امضا کردند.").is_empty());
    }

    #[test]
    fn a_persian_name_before_its_office_and_a_comma() {
        let found = offices("«محسن پاک‌نژاد» وزیر نفت ایران، «آلپ‌ارسلان بایراکتار» وزیر انرژی ترکیه و دیگران حضور داشتند.");
        assert!(found.iter().any(|(p, _, st)| p.contains("Paknejad") && st == "Iran"), "{found:?}");
        assert!(!found.iter().any(|(p, _, st)| p.contains("Bayraktar") && st == "Iran"), "{found:?}");
    }

    /// The labels a back-reference in the last sentence of `text` stands for.
    fn referents(text: &str) -> Vec<String> {
        let (t, e) = layers();
        let doc = t.analyze(text.to_string());
        let found = e.recognize(&doc);
        let last = doc.sentences.len() - 1;
        let mut labels: Vec<String> = found.mentions.iter().filter(|m| m.form == Form::Coreference && m.sentence == last).map(|m| e.entity(&found, m.entity).label.clone()).collect();
        labels.sort();
        labels
    }

    #[test]
    fn the_two_or_three_countries() {
        // a group of just that many, named a sentence or two before
        assert_eq!(referents("Turkey, Azerbaijan and Georgia signed a memorandum in Baku. Armenia protested against the deal. The three countries will hold joint drills."), ["Azerbaijan", "Georgia", "Turkey"]);
        // else the most talked-about, not the last named in passing
        assert_eq!(referents("Iran and Israel have fought a shadow war. Iran blames Israel for the killing. Israel buys arms from the United States, Germany and Italy. The two countries trade accusations."), ["Iran", "Israel"]);
    }

    #[test]
    fn the_system_is_the_weapon_named_before_it() {
        assert_eq!(referents("Turkey unveiled the Anka drone in 2023. Kazakhstan will build the drones under licence."), ["Anka"]);
        assert_eq!(referents("أعلنت كوريا الجنوبية عن منظومة إم-سام الجديدة. واشترت الإمارات والسعودية نسخا من هذه المنظومة."), ["KM-SAM"]);
        // the article's system, not one named in passing just before
        assert_eq!(
            referents("عراق سامانه «ام-سام» را از کره جنوبی خرید. سامانه «ام-سام» برد متوسط دارد. عراق خرید سامانه «اس-۴۰۰» را نیز بررسی کرده بود. کره جنوبی پیش‌تر همین سامانه را به امارات فروخته است."),
            ["KM-SAM"]
        );
        // a noun that introduces a name refers to nothing
        assert!(referents("Turkey unveiled the Anka drone in 2023. Qatar has bought the drones Bayraktar TB2 and Akinci.").is_empty());
    }

    #[test]
    fn an_office_after_and_is_not_the_previous_name_s() {
        let found = offices("وحضر المراسم وزير الدفاع السعودي الأمير خالد بن سلمان، وقائد الجيش الباكستاني وآخرون.");
        assert!(!found.iter().any(|(p, _, st)| p == "Khalid bin Salman" && st == "Pakistan"), "{found:?}");
    }

    #[test]
    fn holders_of_the_same_office_in_a_list_of_states() {
        let found = offices("وحضر القمة رؤساء طاجيكستان إمام علي رحمن، وقرغيزستان صدر جباروف، وأوزبكستان شوكت ميرضيائيف.");
        let states: Vec<&str> = found.iter().map(|(_, _, st)| st.as_str()).collect();
        assert_eq!(states, ["Tajikistan", "Kyrgyzstan", "Uzbekistan"], "{found:?}");
        let found = offices("Turkish Foreign Minister Hakan Fidan and Azerbaijan's Jeyhun Bayramov met in Baku.");
        assert!(found.iter().any(|(p, _, st)| p == "Jeyhun Bayramov" && st == "Azerbaijan"), "{found:?}");
    }

    #[test]
    fn a_bracketed_abbreviation_names_what_precedes_it() {
        let (t, e) = layers();
        let labels = |text: &str| {
            let found = e.recognize(&t.analyze(text.to_string()));
            found.mentions.iter().map(|m| e.entity(&found, m.entity).label.clone()).collect::<Vec<_>>()
        };
        assert!(!labels("The plant was set up with Kazakhstan Aviation Industry (KAI) in Astana.").iter().any(|l| l.contains("Korea")));
        assert!(labels("Israel Aerospace Industries (IAI) makes the Barak MX.").iter().filter(|l| l.as_str() == "Israel Aerospace Industries").count() >= 1);
    }

    #[test]
    fn an_english_name_with_a_particle() {
        let found = offices("Iraqi Deputy Foreign Minister Hisham al-Alawi visited Tehran on Sunday.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("Alawi"), "{found:?}");
    }

    #[test]
    fn a_given_name_makes_common_words_a_name() {
        let found = offices("قال وزير الدفاع المصري محمد زكي إن المحادثات كانت ناجحة.");
        assert_eq!(found, [("Mohamed Zaki".to_string(), "Defence Minister".to_string(), "Egypt".to_string())]);
    }

    /// (label, type) of the entities discovered in `text`.
    fn discovered(text: &str) -> Vec<(String, EntityType)> {
        let (t, e) = layers();
        let found = e.recognize(&t.analyze(text.to_string()));
        found.discovered.iter().map(|d| (d.label.clone(), d.kind)).collect()
    }

    #[test]
    fn unknown_weapon_systems_named_next_to_a_weapon_noun() {
        let en = discovered("Greece has ordered 36 XYZ-9 rocket artillery systems from Israel and will test them this year, officials said.");
        assert_eq!(en, [("XYZ-9".to_string(), EntityType::WeaponSystem)]);
        let ar = discovered("أعلنت مصر أنها تسلمت منظومة فالكيرا الإسرائيلية للدفاع الجوي في إطار صفقة كبيرة الأسبوع الماضي.");
        assert_eq!(ar.len(), 1, "{ar:?}");
        let fa = discovered("ارمنستان سامانه «زِرِه» را از هند خریداری کرد و در رزمایش به کار گرفت.");
        assert_eq!(fa.len(), 1, "{fa:?}");
        // ordinary words after or before the noun are no system
        assert!(discovered("Military drones and new missiles were shown at the parade in the capital on Sunday.").is_empty());
        assert!(discovered("استخدم الجيش طائرات مسيرة هجومية إسرائيلية الصنع في الحرب الأخيرة على الحدود.").is_empty());
        // a drone "without pilot" introduces no pilot; a quoted phrase of three plain words is a quotation
        assert!(discovered("أسقط الجيش طائرة استطلاع مسلحة دون طيار اخترقت المجال الجوي الوطني.").is_empty());
        assert!(discovered("وأكدت الوزارة أن الطائرة «نفذت مناورة هجومية» قبل إسقاطها.").is_empty());
        assert!(discovered("ولفت خبير إلى أن المنظومة الكورية \"أثبتت موثوقيتها\" بعد أن اشترتها الإمارات.").is_empty());
        // a noun in construct with a common noun is no system: "سفينة دورية | أعالي البحار"
        assert!(discovered("تسلّمت البحرية المغربية سفينة دورية أعالي البحار الشهر الماضي.").is_empty());
    }

    #[test]
    fn an_unknown_name_ends_where_common_words_begin() {
        let people = discovered("وعقد الرئيس المصري عبد الفتاح السيسي ونظيره الإريتري تسفاي قبرهيوت محادثات مغلقة في أسمرة.");
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].0.split(' ').count(), 2, "{people:?}");
        // nor does it run into an accusative ("وفدا أمريكيا")
        let people = discovered("استقبل اللواء سعيد الحربي وفدا أمريكيا.");
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].0.split(' ').count(), 2, "{people:?}");
        // nor is a verb with "و" after an unnamed office a name ("… قائد الجيش الباكستاني ويؤكد حرص مصر …")
        assert!(discovered("السيسي يستقبل قائد الجيش الباكستاني ويؤكد حرص مصر على التعاون.").is_empty());
    }

    #[test]
    fn an_arabic_name_counts_its_words_past_particles_and_portfolios() {
        // "بن" and "عبد" join the word after them: the whole name is found, not a shorter known one
        let people = discovered("وحضر المراسم قائد القوات البحرية الفريق الركن محمد بن عبد الرحمن الغريبي، وغيره.");
        assert_eq!(people.len(), 1, "{people:?}");
        assert!(people[0].0.ends_with("Al-garibi"), "{people:?}");
        // a portfolio after the state is the office's, not the name's
        let people = discovered("وحضرت وزيرة الدولة الإسبانية للدفاع أمبارو فالكارسي، ورئيس الشركة.");
        assert_eq!(people.len(), 1, "{people:?}");
        assert_eq!(people[0].0.split(' ').count(), 2, "{people:?}");
    }

    #[test]
    fn a_name_that_is_a_common_word_needs_the_document_to_name_its_entity_otherwise() {
        let ids = |text: &str| {
            let (text_layer, layer) = layers();
            let found = layer.recognize(&text_layer.analyze(text.to_string()));
            found.mentions.iter().map(|m| layer.entity(&found, m.entity).id.clone()).collect::<Vec<_>>()
        };
        assert!(ids("أسقطت الجزائر طائرة مسيرة تابعة لمالي، واستدعت باماكو سفيرها.").contains(&"mali".to_string()));
        assert!(!ids("قدمت الجزائر دعما مالي كبيرا للمغرب.").contains(&"mali".to_string()));
        // quotes mark a name
        assert!(ids("تعتزم تركيا نشر منظومة «حصار» للدفاع الجوي.").contains(&"hisar".to_string()));
        assert!(!ids("فرض الجيش حصار على المدينة.").contains(&"hisar".to_string()));
        // a capital that is also a weekday: where its state is named, unless it reads as a day
        assert!(ids("رحمان و پزشکیان در دوشنبه دیدار کردند. تاجیکستان میزبان این نشست بود.").contains(&"dushanbe".to_string()));
        assert!(!ids("پزشکیان روز دوشنبه به تاجیکستان سفر کرد.").contains(&"dushanbe".to_string()));
    }

    #[test]
    fn an_abbreviated_rank_introduces_a_name_that_keeps_its_letters() {
        // "Gen." with its full stop is a rank; "Bayraktaroğlu" is not the gazetteer's Selçuk Bayraktar
        assert_eq!(discovered("Land Forces Commander Gen. Ömer Karaağaçlıoğlu met the delegation."), [("Ömer Karaağaçlıoğlu".to_string(), EntityType::Person)]);
        assert_eq!(discovered("Brig. Gen. Mahmoud Rahimi met Iraqi officials."), [("Mahmoud Rahimi".to_string(), EntityType::Person)]);
    }

    #[test]
    fn an_english_name_with_a_hyphenated_part() {
        assert_eq!(discovered("Kuwaiti Emir Sheikh Nasser Al-Sabah visited Baghdad on Monday."), [("Nasser Al-Sabah".to_string(), EntityType::Person)]);
    }

    #[test]
    fn an_english_organisation_introduced_with_its_acronym() {
        let (text_layer, layer) = layers();
        let text = "The boat was built by China Shipbuilding and Offshore International Company (CSOC). Kazakhstan Aviation Industry (KAI) will build drones; KAI said so.";
        let found = layer.recognize(&text_layer.analyze(text.to_string()));
        let labels: Vec<&str> = found.discovered.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(labels, ["China Shipbuilding and Offshore International Company", "Kazakhstan Aviation Industry"]);
        // the acronym names the discovered body, not the gazetteer's Korea Aerospace Industries
        let kai = found.mentions.iter().filter(|m| &text[m.start..m.end] == "KAI").map(|m| layer.entity(&found, m.entity).label.clone()).collect::<Vec<_>>();
        assert_eq!(kai, ["Kazakhstan Aviation Industry"]);
        // an agreement with an acronym is no body
        assert!(layer.recognize(&text_layer.analyze("They signed the Comprehensive Economic Partnership Agreement (CEPA).".to_string())).discovered.is_empty());
    }

    #[test]
    fn unknown_companies_named_after_a_company_noun_with_their_state() {
        let company = |text: &str| {
            let (text_layer, layer) = layers();
            let found = layer.recognize(&text_layer.analyze(text.to_string()));
            found.discovered.iter().map(|d| (d.kind, d.country.clone())).collect::<Vec<_>>()
        };
        let turkish = [(EntityType::Organization, Some("turkey".to_string()))];
        assert_eq!(company("Jordan signed a contract with the Turkish defence firm Nurol Teknoloji."), turkish);
        assert_eq!(company("وقعت شركة «ستار ديفنس» التركية عقدا مع الأردن."), turkish);
        assert_eq!(company("شرکت «پارس ارتباط» ایرانی با تاجیکستان قرارداد امضا کرد."), [(EntityType::Organization, Some("iran".to_string()))]);
        // no name after the noun: "the company said", "شركات الصناعات الدفاعية"
        assert!(company("The company said it would deliver the vehicles next year.").is_empty());
        assert!(company("وقعت شركات الصناعات الدفاعية التركية عقودا جديدة.").is_empty());
    }

    #[test]
    fn a_surname_alone_later_is_the_same_person() {
        let (t, e) = layers();
        let doc = t.analyze("Israeli Defence Minister Dan Harel arrived in Baku on Monday for talks.\n\nHarel later met officials of the border service, his office said.".to_string());
        let found = e.recognize(&doc);
        let harel: Vec<&Mention> = found.mentions.iter().filter(|m| e.entity(&found, m.entity).label == "Dan Harel").collect();
        assert_eq!(harel.len(), 2, "{:?}", found.mentions);
        assert_eq!(&doc.text[harel[1].start..harel[1].end], "Harel");
    }

    #[test]
    fn a_first_name_alone_is_not_a_person() {
        assert!(offices("قال وزير الخارجية محمد إن المحادثات مستمرة مع الجانب الآخر.").is_empty());
    }
}
