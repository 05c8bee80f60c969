//! Names the gazetteer lacks, introduced by a noun of their kind: weapon systems ("SPYDER air
//! defense system", "منظومة سبايدر", "سامانه «آکاش»") and companies ("Turkish defence firm ASFAT",
//! "شركة «ستار ديفنس» التركية", "شرکت «پارس» ایرانی"). English puts a weapon's name before its noun
//! and a company's after it; Arabic and Persian put both after.

use std::collections::HashMap;
use std::ops::Range;

use super::EntityLayer;
use crate::entities::{DocEntities, Entity, EntityType, Form, slug};
use crate::text::lang::Lang;
use crate::text::token::{Token, TokenKind};
use crate::text::TextDoc;

/// The most words a name introduced by a noun may have ("Spike NLOS", "JF-17C Block III").
const NAME_MAX_WORDS: usize = 4;
/// Number words that open a Persian compound adjective (folded): "دو" + "موتور" + "ه" is "twin-engined".
const FA_NUMBER_PREFIXES: &[&str] = &["دو", "سه", "چهار", "پنج", "شش", "هشت", "چند", "تك"];

/// Words inside an organisation's name before its acronym ("Karachi Shipyard and Engineering Works").
const ACRONYM_JOINERS: &[&str] = &["of", "and", "&", "for", "the"];

/// Last words of names with an acronym that are no organisation (an agreement, a programme, a summit).
const NOT_BODIES: &[&str] = &["agreement", "treaty", "partnership", "programme", "program", "initiative", "exercise", "exercises", "summit", "corridor", "pact", "declaration", "plan", "strategy", "report", "system", "systems", "missile", "vehicle", "vehicles", "aircraft"];

/// What a noun introduces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Introduced {
    Weapon,
    Company,
}

impl EntityLayer {
    pub(super) fn find_weapons(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        self.find_introduced(doc, out, lang_of, Introduced::Weapon);
    }

    pub(super) fn find_companies(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        self.find_introduced(doc, out, lang_of, Introduced::Company);
    }

    /// English organisations the gazetteer lacks, introduced with their acronym in brackets: "China
    /// Shipbuilding & Offshore International Co (CSOC)", "Karachi Shipyard and Engineering Works (KSEW)". The
    /// acronym then names it in the rest of the article, before any namesake in the gazetteer ("Kazakhstan
    /// Aviation Industry (KAI)" is not Korea Aerospace Industries there).
    pub(super) fn find_acronym_names(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang) {
        let tokens = &doc.tokens;
        let surface = |t: &Token| &doc.text[t.start..t.end];
        let mut found: Vec<(String, usize, usize)> = Vec::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if lang_of(s) != Lang::En || doc.paragraphs[sentence.paragraph].furniture {
                continue;
            }
            for open in sentence.tokens.clone().filter(|&t| tokens[t].key == "(" && t + 2 < sentence.tokens.end && tokens[t + 2].key == ")") {
                let acronym = surface(&tokens[open + 1]);
                let letters = acronym.chars().count();
                if !(2..=6).contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) || Self::mention_at(out, open - 1).is_some() {
                    continue;
                }
                // the capitalised words before the bracket, with "of", "and", "&", "for" inside
                // (a place's name may open it: "China Shipbuilding …", "Kazakhstan Aviation Industry")
                let mut start = open;
                while start > sentence.tokens.start && open - start < 8 {
                    let t = &tokens[start - 1];
                    if let Some(m) = Self::mention_at(out, start - 1) {
                        let place = matches!(out.entity(&self.gazetteer, out.mentions[m].entity).kind, EntityType::Country | EntityType::City);
                        if !place || out.mentions[m].tokens.start != start - 1 || out.mentions[m].form != Form::Name {
                            break;
                        }
                    }
                    let capital = t.kind == TokenKind::Word && surface(t).chars().next().is_some_and(char::is_uppercase);
                    if !(capital || ACRONYM_JOINERS.contains(&t.key.as_str())) {
                        break;
                    }
                    start -= 1;
                }
                while start < open && ACRONYM_JOINERS.contains(&tokens[start].key.as_str()) {
                    start += 1;
                }
                let words: Vec<&Token> = tokens[start..open].iter().filter(|t| !ACRONYM_JOINERS.contains(&t.key.as_str())).collect();
                let initial = |t: &&Token| surface(t).chars().next().map(|c| c.to_ascii_uppercase());
                let not_a_body = words.last().is_some_and(|t| NOT_BODIES.contains(&t.key.as_str()));
                if words.len() < 2 || words.first().and_then(initial) != acronym.chars().next() || not_a_body || self.roles.is_stopword(Lang::En, &tokens[start].key) {
                    continue;
                }
                let label = doc.text[tokens[start].start..tokens[open - 1].end].to_string();
                out.mentions.retain(|m| m.tokens.end <= start || m.tokens.start >= open);
                let mut names = HashMap::new();
                names.insert(Lang::En, vec![label.clone(), acronym.to_string()]);
                let entity = Entity { discovered: true, role: Some("organisation".into()), ..Entity::named(format!("org-{}", slug(&label)), EntityType::Organization, label, names) };
                out.discovered.push(entity);
                let e = self.gazetteer.len() + out.discovered.len() - 1;
                out.mentions.push(self.mention(doc, e, start..open, Form::Name, s, false));
                found.push((acronym.to_string(), e, open + 1));
            }
        }
        // the acronym alone, anywhere in the article, is the organisation it was defined for
        for (acronym, e, defined_at) in found {
            for (s, sentence) in doc.sentences.iter().enumerate() {
                for t in sentence.tokens.clone().filter(|&t| t != defined_at && surface(&tokens[t]) == acronym) {
                    out.mentions.retain(|m| !(m.tokens == (t..t + 1)));
                    let furniture = doc.paragraphs[sentence.paragraph].furniture;
                    out.mentions.push(self.mention(doc, e, t..t + 1, Form::Name, s, furniture));
                }
            }
        }
    }

    fn find_introduced(&self, doc: &TextDoc, out: &mut DocEntities, lang_of: &dyn Fn(usize) -> Lang, what: Introduced) {
        let tokens = &doc.tokens;
        let nouns = match what {
            Introduced::Weapon => &self.weapons,
            Introduced::Company => &self.companies,
        };
        let mut known: HashMap<String, usize> = HashMap::new();
        for (s, sentence) in doc.sentences.iter().enumerate() {
            if doc.paragraphs[sentence.paragraph].furniture {
                continue;
            }
            let lang = lang_of(s);
            for noun in nouns.find(lang, tokens, sentence.tokens.clone()) {
                if noun.clone().any(|t| Self::mention_at(out, t).is_some()) {
                    continue;
                }
                let found = match (what, lang) {
                    // (a ship's own name follows its noun: "the corvette Hetman Ivan Mazepa", "aircraft carrier INS Vikrant")
                    (Introduced::Weapon, Lang::En) => self.capitalised_before(doc, out, sentence.tokens.start, noun.start).or_else(|| {
                        let ship = self.weapons.kind_at(lang, tokens, noun.start, noun.end) == Some((noun.end, "ship"));
                        ship.then(|| self.capitalised_after(doc, out, sentence.tokens.end, noun.end)).flatten()
                    }).map(|r| (r, false)),
                    (Introduced::Company, Lang::En) => self.capitalised_after(doc, out, sentence.tokens.end, noun.end).map(|r| (r, false)),
                    // (words of type may stand between: "طائرات مسيرة من طراز «سباي إكس»", "پهپادهای از نوع …")
                    _ => {
                        let mut start = match what {
                            Introduced::Weapon => self.weapon_type.at(lang, tokens, noun.end, sentence.tokens.end).unwrap_or(noun.end),
                            Introduced::Company => noun.end,
                        };
                        // (so may the maker's adjective before a quoted name: "منظومة الليزر الصينية «الصياد الصامت»")
                        if what == Introduced::Weapon {
                            let adjective = Self::mention_at(out, start).filter(|&m| out.mentions[m].form == Form::Adjective && out.entity(&self.gazetteer, out.mentions[m].entity).kind == EntityType::Country);
                            let quote_after = |m: usize| tokens.get(out.mentions[m].tokens.end).is_some_and(Token::is_quote);
                            if let Some(m) = adjective.filter(|&m| quote_after(m)) {
                                start = out.mentions[m].tokens.end;
                            }
                        }
                        self.name_after(doc, out, lang, sentence.tokens.end, start)
                    }
                };
                let Some((range, quoted)) = found else { continue };
                // (a known system's block or version after its name is no system of its own: "F-16 Block 50 fighters")
                let after_system = range.start > 0 && Self::mention_at(out, range.start - 1).is_some_and(|m| out.entity(&self.gazetteer, out.mentions[m].entity).kind == EntityType::WeaponSystem);
                if what == Introduced::Weapon && after_system {
                    continue;
                }
                let words: Vec<&Token> = tokens[range.clone()].iter().filter(|t| t.kind != TokenKind::Punct).collect();
                // a name needs a word that is not common ("Military drones" is no system), unless quoted
                let distinctive = |t: &&Token| t.kind == TokenKind::Number || !self.roles.is_common(lang, &t.key) || doc.text[t.start..t.end].chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
                if words.is_empty() || words.iter().all(|t| t.kind == TokenKind::Number) || !quoted && !words.iter().any(distinctive) {
                    continue;
                }
                let surface = doc.text[tokens[range.start].start..tokens[range.end - 1].end].to_string();
                let key: String = words.iter().map(|t| t.key.as_str()).collect::<Vec<_>>().join(" ");
                let country = match what {
                    Introduced::Company => self.nationality_next_to(doc, out, lang, &noun, &range),
                    Introduced::Weapon => None,
                };
                // (a known name the quotes kept apart from its noun: "شركة "ليوناردو" الإيطالية" is Leonardo, whose
                // gazetteer name is "شركة ليوناردو")
                let noun_surface = &doc.text[tokens[noun.start].start..tokens[noun.end - 1].end];
                let named = |phrase: &str| self.index.named(phrase);
                let bare: Vec<&str> = words.iter().map(|t| &doc.text[t.start..t.end]).collect();
                let bare = bare.join(" ");
                // (the noun may carry the list's "و": "وشركة "ليوناردو"")
                let noun_bare = noun_surface.strip_prefix('و').filter(|_| lang != Lang::En).unwrap_or(noun_surface);
                if let Some(e) = named(&format!("{noun_surface} {bare}")).or_else(|| named(&format!("{noun_bare} {bare}"))).or_else(|| named(&bare)) {
                    out.mentions.push(self.mention(doc, e, range, Form::Name, s, false));
                    continue;
                }
                let entity = *known.entry(key).or_insert_with(|| {
                    let label = self.translit.to_latin(lang, &surface);
                    let mut names = HashMap::new();
                    names.insert(Lang::En, vec![label.clone()]);
                    names.insert(lang, vec![surface.clone()]);
                    let entity = match what {
                        Introduced::Weapon => Entity::named(format!("weapon-{}", slug(&label)), EntityType::WeaponSystem, label, names),
                        Introduced::Company => Entity {
                            country: country.map(|c| out.entity(&self.gazetteer, c).id.clone()),
                            role: Some("company".into()),
                            ..Entity::named(format!("org-{}", slug(&label)), EntityType::Organization, label, names)
                        },
                    };
                    out.discovered.push(Entity { discovered: true, ..entity });
                    self.gazetteer.len() + out.discovered.len() - 1
                });
                let mention = self.mention(doc, entity, range, Form::Name, s, false);
                out.mentions.push(mention);
            }
        }
    }

    /// English: the capitalised words (or numbers, glued hyphens) right before `end`, up to the
    /// sentence start: "SPYDER air defense system", "36 PULS systems" (the count is no part of it).
    fn capitalised_before(&self, doc: &TextDoc, out: &DocEntities, sentence_start: usize, end: usize) -> Option<Range<usize>> {
        let tokens = &doc.tokens;
        let words = |r: &Range<usize>| tokens[r.clone()].iter().filter(|t| t.kind != TokenKind::Punct).count();
        // (a wheel formula before the noun describes the vehicle, not its name: "the Al-Wahsh 4x4 armored vehicle")
        let wheels = |t: &Token| t.key.split_once('x').is_some_and(|(a, b)| !a.is_empty() && !b.is_empty() && a.chars().chain(b.chars()).all(|c| c.is_ascii_digit()));
        let mut end = end;
        if end > sentence_start && wheels(&tokens[end - 1]) {
            end -= 1;
        }
        let mut range = end..end;
        while range.start > sentence_start && words(&range) < NAME_MAX_WORDS {
            let t = &tokens[range.start - 1];
            let hyphen = t.kind == TokenKind::Punct && t.key == "-" && t.glued;
            if !(hyphen || self.capitalised(doc, t) && t.kind != TokenKind::Punct) || Self::mention_at(out, range.start - 1).is_some() || self.roles.is_stopword(Lang::En, &t.key) {
                break;
            }
            range.start -= 1;
        }
        Some(trim(tokens, range)).filter(|r| !r.is_empty())
    }

    /// English: the capitalised words right after `start`: "defence firm ASFAT", "the company
    /// Nurol Makina" (not "the company said").
    fn capitalised_after(&self, doc: &TextDoc, out: &DocEntities, sentence_end: usize, start: usize) -> Option<Range<usize>> {
        let tokens = &doc.tokens;
        let mut range = start..start;
        while range.end < sentence_end && range.len() < NAME_MAX_WORDS {
            let t = &tokens[range.end];
            let hyphen = t.kind == TokenKind::Punct && t.key == "-" && t.glued && !range.is_empty();
            if !(hyphen || self.capitalised(doc, t) && t.kind != TokenKind::Punct) || Self::mention_at(out, range.end).is_some() || self.roles.is_stopword(Lang::En, &t.key) {
                break;
            }
            range.end += 1;
        }
        Some(trim(tokens, range)).filter(|r| !r.is_empty())
    }

    fn capitalised(&self, doc: &TextDoc, t: &Token) -> bool {
        doc.text[t.start..].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
    }

    /// Arabic and Persian: a quoted name right after `start`, or up to four name-like words there (no
    /// adjective, common word or next noun of a kind); whether the name was quoted.
    fn name_after(&self, doc: &TextDoc, out: &DocEntities, lang: Lang, sentence_end: usize, start: usize) -> Option<(Range<usize>, bool)> {
        let tokens = &doc.tokens;
        let free = |t: usize| Self::mention_at(out, t).is_none();
        let quoted = tokens.get(start).is_some_and(Token::is_quote);
        if quoted {
            let mut range = start + 1..start + 1;
            while range.end < sentence_end && range.len() < NAME_MAX_WORDS + 1 && tokens[range.end].kind != TokenKind::Punct && free(range.end) {
                range.end += 1;
            }
            let closed = tokens.get(range.end).is_some_and(|t| t.kind == TokenKind::Punct);
            // (three words or more without a number are a quotation, not a name: "الطائرة «نفذت مناورة
            // هجومية»"; names are short or numbered: «القبة الحديدية», «بيرقدار تي بي 2»)
            let words: Vec<&Token> = tokens[range.clone()].iter().filter(|t| t.kind != TokenKind::Punct).collect();
            if words.len() > 2 && !words.iter().any(|t| t.kind == TokenKind::Number) {
                return None;
            }
            // (…and so are two words opening with a common verb of the feminine past: "المنظومة الكورية «أثبتت
            // موثوقيتها»", "«نفذت مهمتها»")
            let verb = |t: &Token| lang == Lang::Ar && t.key.chars().count() >= 4 && t.key.ends_with('ت') && self.roles.is_common(lang, &t.key);
            if words.len() == 2 && verb(words[0]) {
                return None;
            }
            return closed.then(|| (trim(tokens, range), true)).filter(|(r, _)| !r.is_empty());
        }
        let mut range = start..start;
        let mut words = 0;
        while range.end < sentence_end && words < NAME_MAX_WORDS {
            let t = &tokens[range.end];
            // adjectives are no names: Arabic nisba endings and the article ("هجومية", "المشمولة"),
            // Persian -ی ("خودکششی"); nor is the next noun of a kind
            let adjective = match lang {
                Lang::Ar => t.key.starts_with("ال") || ["يه", "يون", "يين", "يات"].iter().any(|e| t.key.ends_with(e)),
                // (…and compounds of a number and a noun: "دوموتوره", "چندلوله", "چهارپره"; and comparatives written
                // with ZWNJ: "پیشرفته‌تر")
                Lang::Fa => {
                    let comparative = doc.text[t.start..t.end].ends_with("\u{200C}تر") || doc.text[t.start..t.end].ends_with("\u{200C}ترین");
                    comparative || t.key.ends_with('ي') || t.key.ends_with('ه') && t.key.chars().count() >= 5 && FA_NUMBER_PREFIXES.iter().any(|p| t.key.starts_with(p))
                }
                Lang::En => false,
            };
            if !self.weapons.find(lang, tokens, range.end..range.end + 1).is_empty() || !self.companies.find(lang, tokens, range.end..range.end + 1).is_empty() {
                break;
            }
            words += usize::from(t.kind != TokenKind::Punct);
            let name_like = t.kind == TokenKind::Number
                || t.key.is_ascii() && t.is_word()
                || t.is_word() && !adjective && !self.roles.is_common(lang, &t.key) && !self.roles.is_stopword(lang, &t.key);
            let hyphen = t.kind == TokenKind::Punct && t.key == "-" && t.glued && !range.is_empty();
            if !(name_like || hyphen) || !free(range.end) {
                break;
            }
            range.end += 1;
        }
        // (an Arabic noun in construct with a common noun after it is no name: "سفينة دورية | أعالي البحار")
        // (not an adjective after the name: "منظومة فالكيرا | الإسرائيلية")
        let adjective = |t: &Token| ["يه", "ي", "يون", "يين", "يات"].iter().any(|e| t.key.ends_with(e));
        let construct = lang == Lang::Ar && range.len() == 1 && free(range.end) && tokens.get(range.end).is_some_and(|t| t.key.starts_with("ال") && !adjective(t) && self.roles.is_common(lang, &t.key));
        if construct {
            return None;
        }
        Some((trim(tokens, range), false)).filter(|(r, _)| !r.is_empty())
    }

    /// The state whose nationality adjective stands next to a company's noun and name: before the
    /// noun in English ("Turkish defence firm"), after the name in Arabic and Persian ("شركة X
    /// التركية"), or between noun and name ("الشركة التركية X" is not read as a name).
    fn nationality_next_to(&self, doc: &TextDoc, out: &DocEntities, lang: Lang, noun: &Range<usize>, name: &Range<usize>) -> Option<usize> {
        let country_at = |t: usize| {
            Self::mention_at(out, t).filter(|&m| out.mentions[m].form == Form::Adjective).map(|m| out.mentions[m].entity).filter(|&e| out.entity(&self.gazetteer, e).kind == EntityType::Country)
        };
        match lang {
            // "Turkish firm", "Turkish defence firm", "Turkey's state-owned defence firm"
            Lang::En => (noun.start.saturating_sub(3)..noun.start).rev().find_map(country_at),
            _ => {
                let after = name.end + usize::from(doc.tokens.get(name.end).is_some_and(Token::is_quote));
                country_at(after)
            }
        }
    }
}

/// A name span without punctuation at its end, nor counts and punctuation at its start ("36 PULS").
fn trim(tokens: &[Token], mut range: Range<usize>) -> Range<usize> {
    while !range.is_empty() && tokens[range.end - 1].kind == TokenKind::Punct {
        range.end -= 1;
    }
    while !range.is_empty() && matches!(tokens[range.start].kind, TokenKind::Number | TokenKind::Punct) {
        range.start += 1;
    }
    range
}
