//! The relation pattern language (`data/patterns/<lang>.patterns`).
//!
//! ```text
//! # a comment
//! @buy   = يشتري | تشتري | اشترت | شراء | *شتري
//! @arms  = أسلحة | السلاح | معدات عسكرية
//! buysWeaponsFrom: S:State @buy ~2 @arms ~3 من O:State        ; conf=0.9
//! ```
//!
//! A class line `@name = form | form …` names a set of cue phrases. A form is one or more words; a
//! word may begin or end with `*` (any letters there: `*شتري` is "يشتري", "تشتري", "نشتري"). Words are
//! compared by their folded keys, and an Arabic word may carry the proclitics و ف ب ل ك ال. A name is
//! defined once per language (its files share classes); `@name += form …` adds forms for the rules
//! below, so that widening a class other rules read is a deliberate act, not a clash of names.
//!
//! A rule line `relation: element element … [; option …]` has these elements, matched in order
//! within one sentence:
//! - `S:Types` the subject, `O:Types` the object: an entity, or a list of them ("Turkey, Georgia and
//!   Azerbaijan"), each of which gets the relation. `Types` is `|`-separated: `Country`, `Person`,
//!   `Organization`, `WeaponSystem`, `City`, `Region`, `Event`, or `State` (a country, also named by its
//!   capital, ministry or army; where the ontology allows organisations on that side, also a company
//!   or bloc, except as a buyer of arms), `Actor` (State, Organization or Person), `Place` (Country, City or
//!   Region), `Company` (an organisation that is neither a state's body nor a bloc or armed group), `Any`.
//!   In a slot of `State`, an official stands for his state unless the relation is personal or the slot
//!   names `Person` too (`O:State|Organization|Person`: "Iran backed Assad" keeps Assad).
//!   Add `/adj` to accept only adjectives ("Turkish", "الإسرائيلية"), `/name` only names,
//!   `/counterpart` only a list one of whose people is introduced as the other's counterpart
//!   ("التقى X ونظيره Y": they met each other, not a third party), `/last` the last member of a list alone
//!   ("… وجبهة البوليساريو المدعومة من الجزائر"), `/list` a list of two or more ("developed by the United
//!   Kingdom, Italy and Japan": several makers are partners), `/ref` a back-reference only ("متهمة إياه": it).
//! - `A:Types` a list of two or more entities, every pair of which gets the relation; a directed
//!   relation both ways (for reciprocal phrasings: "Iran and Israel traded accusations").
//! - `E:Types` an entity of those types that is no argument of the relation ("bought `E:WeaponSystem`
//!   from Russia": the weapon must be there, the relation is between the states).
//! - `@class` one phrase of a class; `word` a literal word; either followed by `?` is optional.
//! - `~N` up to N words of any kind (not across `;` or `:`), never past a nearer entity the slot
//!   before it would take; `~N!` (strict) skips no entity any slot of the rule would take, other than
//!   one already bound, and no clause boundary ("but", "اما": `boundary` rows of the modality
//!   lexicon): for broad rules whose cue may stand far from the arguments.
//! - `!~N` a guard: none of the next N words (within the clause) is an entity a slot of the rule
//!   would take, other than one already bound. It consumes nothing.
//!
//! Options: `conf=0.9` (the rule's confidence, default 0.8), `modality=considered` (what the
//! phrasing itself implies; `modality=asserted`: a done fact, which a plan's or a purpose's cue inside
//! it does not make a plan, "became the first minister to visit", "signed a contract to buy"),
//! `attribute=true` (the phrasing describes a thing, "Russian-made S-300", so a denial elsewhere in the
//! clause does not touch it), `user-if-foreign=true` (a maker adjective or possessive that may name the
//! user: "Jordanian F-16 jets" is `usesWeapon` where the gazetteer gives the system another maker state),
//! `id=name` (shown in evidence; default `LANG:LINE`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::Modality;
use super::ontology::Relation;
use crate::data::{DataError, RowProblem};
use crate::entities::EntityType;
use crate::text::lang::Lang;
use crate::text::normalize::fold;
use crate::text::token::tokenize;

/// One word of a cue form, with its wildcards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CueWord {
    pub key: String,
    /// `*` before: any letters may precede (verb prefixes).
    pub open_start: bool,
    /// `*` after: any letters may follow (endings, pronoun suffixes).
    pub open_end: bool,
}

impl CueWord {
    /// Whether `token` (a folded key) is this word; returns the letters before the stem when the
    /// start is open (so a Persian negative prefix can be seen).
    pub fn matches<'t>(&self, token: &'t str) -> Option<&'t str> {
        match (self.open_start, self.open_end) {
            (false, false) => (token == self.key).then_some(""),
            (false, true) => token.starts_with(&self.key).then_some(""),
            (true, false) => token.strip_suffix(self.key.as_str()),
            (true, true) => token.find(&self.key).map(|i| &token[..i]),
        }
    }
}

pub type CueForm = Vec<CueWord>;

/// The forms of a cue class, indexed by the key of their first word so that a word is only compared
/// with the forms that can start with it (wildcard-initial forms are compared with every word).
#[derive(Debug, Clone, PartialEq)]
pub struct CueForms {
    pub forms: Vec<CueForm>,
    exact: HashMap<String, Vec<usize>>,
    open: Vec<usize>,
}

impl CueForms {
    pub fn new(forms: Vec<CueForm>) -> CueForms {
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut open = Vec::new();
        for (i, f) in forms.iter().enumerate() {
            match f.first() {
                Some(w) if !w.open_start && !w.open_end => exact.entry(w.key.clone()).or_default().push(i),
                _ => open.push(i),
            }
        }
        CueForms { forms, exact, open }
    }

    /// The forms whose first word may be `key`.
    pub fn candidates<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a CueForm> {
        self.exact.get(key).into_iter().flatten().chain(&self.open).map(|&i| &self.forms[i])
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlotRole {
    Subject,
    Object,
    /// Both: a list whose every pair is related.
    Pair,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormFilter {
    Any,
    Adjective,
    Name,
    /// A list one of whose people is introduced as the other's counterpart ("X ونظيره Y").
    Counterpart,
    /// The last member of a list alone, which an Arabic participle after it agrees with: "بين المغرب وجبهة
    /// البوليساريو المدعومة من الجزائر" (only the Polisario is backed).
    Last,
    /// A list of two or more: makers of one system named together are partners ("developed by the United
    /// Kingdom, Italy and Japan"), one maker alone is not.
    List,
    /// A back-reference only, a pronoun or "the country": "… مع المغرب … متهمة إياه" (it, Morocco).
    Reference,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Slot {
    pub role: SlotRole,
    pub types: Vec<EntityType>,
    /// Countries may be named by their capital, ministries, armies or officials.
    pub state: bool,
    /// An official in this slot is their state even where the slot also takes people: the
    /// relation is not personal ("Putin and Aliyev signed a declaration": Russia and Azerbaijan),
    /// and the rule did not name `Person` itself ("S:State … O:State|Person": Iran backed Assad).
    pub officials_as_state: bool,
    /// A city or region stands for its country: strikes on Erbil are a conflict with Iraq.
    pub places_as_state: bool,
    /// An energy company stands for its state: "SOCAR began delivering LNG cargoes to Pakistan" is Pakistan's
    /// import from Azerbaijan (the gold sets count a company's deliveries for its state, as its arms sales).
    pub energy_companies_as_state: bool,
    /// The organisations it takes are companies only (`Company`).
    pub companies_only: bool,
    /// A source (a news outlet, a research institute) may fill it: only the object of `accuses`,
    /// `arrests` and `supports` ("Iran accused BBC Persian of …", "the Kremlin-funded Sputnik"); elsewhere
    /// a source named in an aside ("X، به گزارش ایرنا، …", "according to SIPRI") is no party.
    pub outlets: bool,
    pub form: FormFilter,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Element {
    Slot(Slot),
    /// `id` numbers the class across all pattern files, so matches can be computed once per sentence.
    /// `literal`: a word written in the rule rather than a `@class` (mostly a preposition: "با", "from").
    Cue { class: String, id: usize, forms: Arc<CueForms>, optional: bool, literal: bool },
    /// Up to `max` words; a `strict` gap also skips no entity that a slot of the rule would take,
    /// other than one already bound.
    Gap { max: usize, strict: bool },
    /// `!~N`: none of the next N words is an entity a slot of the rule would take, other than one
    /// already bound ("همکاری نظامی آمریکا و اسرائیل": the cue has arguments of its own).
    NoEntityWithin(usize),
    /// An entity of these types that takes no part in the relation; `state`: a capital, ministry or
    /// official stands for its country, as in a slot.
    Entity { types: Vec<EntityType>, state: bool, optional: bool },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub id: String,
    pub relation: Relation,
    pub lang: Lang,
    pub elements: Vec<Element>,
    pub confidence: f64,
    pub modality: Option<Modality>,
    /// The phrasing describes a thing rather than reports an event ("Russian-made S-300"): the
    /// clause's negation or attribution does not apply to it.
    pub attribute: bool,
    /// `user-if-foreign=true` on a maker-adjective or possessive phrasing ("Jordanian F-16 jets", "جنگنده
    /// F-16 اردن"): where the gazetteer gives the system another maker state, the state named is its user
    /// (`usesWeapon`).
    pub user_if_foreign: bool,
}

impl Rule {
    /// The ids of the cue classes the rule cannot match without.
    pub fn required_cues(&self) -> impl Iterator<Item = usize> + '_ {
        self.elements.iter().filter_map(|e| match e {
            Element::Cue { id, optional: false, .. } => Some(*id),
            _ => None,
        })
    }
}

/// All rules of all languages.
#[derive(Debug, Default, Clone)]
pub struct RuleSet {
    pub rules: Vec<Rule>,
    /// How many cue classes the rules use (ids are below this).
    pub classes: usize,
    /// Per language, the cue classes that are some rule's first obligatory cue (see `opens_rule`).
    openers: HashMap<Lang, Vec<Arc<CueForms>>>,
}

pub fn cue_form(phrase: &str) -> CueForm {
    phrase
        .split_whitespace()
        .flat_map(|word| {
            let open_start = word.starts_with('*');
            let open_end = word.ends_with('*');
            let bare = word.trim_matches('*');
            // a word such as "حيتس-3" is several tokens; wildcards stay on the outer ones
            let keys: Vec<String> = tokenize(bare, 0).into_iter().map(|t| t.key).collect();
            let n = keys.len();
            keys.into_iter()
                .enumerate()
                .map(move |(i, key)| CueWord { key, open_start: open_start && i == 0, open_end: open_end && i + 1 == n })
                .collect::<Vec<_>>()
        })
        .collect()
}

impl RuleSet {
    /// Loads `<lang>.patterns` and then the language's further files `<lang>.<part>.patterns` (in name
    /// order), which see the classes of the files before them.
    pub fn load(dir: &Path, problems: &mut Vec<RowProblem>) -> Result<RuleSet, DataError> {
        let mut set = RuleSet::default();
        let names: Vec<String> = match std::fs::read_dir(dir) {
            Ok(entries) => entries.filter_map(|e| e.ok()?.file_name().into_string().ok()).collect(),
            Err(_) => Vec::new(),
        };
        for lang in Lang::ALL {
            let main = format!("{}.patterns", lang.code());
            let prefix = format!("{}.", lang.code());
            let mut parts: Vec<&String> = names.iter().filter(|n| n.starts_with(&prefix) && n.ends_with(".patterns") && **n != main).collect();
            parts.sort();
            let files = names.iter().filter(|n| **n == main).chain(parts);
            let mut scope = Scope::default();
            for name in files {
                let path = dir.join(name);
                let text = std::fs::read_to_string(&path).map_err(|source| DataError::Io { path: path.clone(), source })?;
                let id_prefix = name.trim_end_matches(".patterns");
                let rules = parse_in(&path, id_prefix, lang, &text, problems, &mut scope, &mut set.classes);
                set.rules.extend(rules);
            }
        }
        set.openers = openers(&set.rules);
        Ok(set)
    }

    /// Whether a word is the first obligatory cue of a rule of the language (mostly a verb: "اشترت",
    /// "التقى", "thanked"): such a word after "و"/"and" may open a clause of its own.
    pub fn opens_rule(&self, lang: Lang, key: &str) -> bool {
        self.openers.get(&lang).into_iter().flatten().any(|forms| forms.candidates(key).any(|f| f.len() == 1 && f[0].matches(key).is_some()))
    }
}

/// Per language, the distinct cue classes that open rules (their first obligatory cue).
fn openers(rules: &[Rule]) -> HashMap<Lang, Vec<Arc<CueForms>>> {
    let mut seen = HashSet::new();
    let mut out: HashMap<Lang, Vec<Arc<CueForms>>> = HashMap::new();
    for r in rules {
        let first = r.elements.iter().find_map(|e| match e {
            Element::Cue { id, forms, optional: false, .. } => Some((*id, forms)),
            _ => None,
        });
        if let Some((_, forms)) = first.filter(|(id, _)| seen.insert(*id)) {
            out.entry(r.lang).or_default().push(forms.clone());
        }
    }
    out
}

/// Parses one pattern file; bad lines are reported and skipped.
pub fn parse(path: &Path, lang: Lang, text: &str, problems: &mut Vec<RowProblem>) -> Vec<Rule> {
    parse_in(path, lang.code(), lang, text, problems, &mut Scope::default(), &mut 0)
}

/// A class of cue phrases with its id.
#[derive(Debug, Clone)]
struct Class {
    id: usize,
    forms: Arc<CueForms>,
}

/// The classes a language's files have defined so far.
#[derive(Debug, Default)]
struct Scope {
    defined: HashMap<String, ClassDef>,
    classes: HashMap<String, Class>,
}

/// A class's forms, and where it was first defined (`file:line`), for the report of a second definition.
#[derive(Debug)]
struct ClassDef {
    origin: String,
    forms: Vec<CueForm>,
}

/// Parses one pattern file into `scope`, numbering new cue classes from `next_id`; rules get the id
/// `<id_prefix>:<line>` unless they name one.
fn parse_in(path: &Path, id_prefix: &str, lang: Lang, text: &str, problems: &mut Vec<RowProblem>, scope: &mut Scope, next_id: &mut usize) -> Vec<Rule> {
    let Scope { defined, classes } = scope;
    let file = path.file_name().map_or_else(|| path.display().to_string(), |f| f.to_string_lossy().into_owned());
    let mut rules = Vec::new();
    let problem = |line: usize, message: String| RowProblem { path: PathBuf::from(path), line, message };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(def) = line.strip_prefix('@') {
            let Some((name, forms)) = def.split_once('=') else {
                problems.push(problem(line_no, "a class line is `@name = form | form …`".into()));
                continue;
            };
            let (name, extends) = match name.trim().strip_suffix('+') {
                Some(name) => (name.trim(), true),
                None => (name.trim(), false),
            };
            // a class holds words only: another class or a slot inside it would be read as words that never occur
            if let Some(w) = forms.split_whitespace().find(|w| w.starts_with('@') || w.contains(':') && w.chars().next().is_some_and(char::is_uppercase)) {
                problems.push(problem(line_no, format!("class @{} holds `{w}`: a class lists words, not classes or slots (write them in the rule)", name.trim())));
                continue;
            }
            let forms: Vec<CueForm> = forms.split('|').map(str::trim).filter(|f| !f.is_empty()).map(cue_form).filter(|f| !f.is_empty()).collect();
            if forms.is_empty() {
                problems.push(problem(line_no, format!("class @{name} has no forms")));
                continue;
            }
            match (defined.get_mut(name), extends) {
                (Some(first), false) => {
                    problems.push(problem(line_no, format!("class @{name} is already defined at {}: extend it with `@{name} += …` or choose another name", first.origin)));
                    continue;
                }
                (None, true) => {
                    problems.push(problem(line_no, format!("`@{name} += …` extends a class, but @{name} is not defined above")));
                    continue;
                }
                (None, false) => {
                    defined.insert(name.to_string(), ClassDef { origin: format!("{file}:{line_no}"), forms });
                }
                (Some(class), true) => class.forms.extend(forms),
            }
            classes.remove(&format!("@{name}")); // an extended class gets a new id
            continue;
        }
        match parse_rule(lang, line, defined, classes, next_id) {
            Ok(mut rule) => {
                if rule.id.is_empty() {
                    rule.id = format!("{id_prefix}:{line_no}");
                }
                rules.push(rule);
            }
            Err(message) => problems.push(problem(line_no, message)),
        }
    }
    rules
}

/// The entity types of a slot spec, whether it takes states, companies only, and its form filter.
struct TypeSpec {
    types: Vec<EntityType>,
    state: bool,
    /// `Person` is named beside `State`: a person in the slot is himself, not his state ("Iran backed Assad").
    persons: bool,
    companies_only: bool,
    form: FormFilter,
}

fn parse_types(spec: &str) -> Result<TypeSpec, String> {
    let (types, form) = match spec.split_once('/') {
        Some((t, "adj")) => (t, FormFilter::Adjective),
        Some((t, "name")) => (t, FormFilter::Name),
        Some((t, "counterpart")) => (t, FormFilter::Counterpart),
        Some((t, "last")) => (t, FormFilter::Last),
        Some((t, "list")) => (t, FormFilter::List),
        Some((t, "ref")) => (t, FormFilter::Reference),
        Some((_, other)) => return Err(format!("unknown form filter `/{other}` (adj, name, counterpart, last, list, ref)")),
        None => (spec, FormFilter::Any),
    };
    let mut out = Vec::new();
    let mut state = false;
    let mut company = false;
    for t in types.split('|') {
        match t {
            "Company" => {
                company = true;
                out.push(EntityType::Organization);
            }
            "State" => {
                state = true;
                out.push(EntityType::Country);
            }
            "Actor" => {
                state = true;
                out.extend([EntityType::Country, EntityType::Organization, EntityType::Person]);
            }
            "Place" => out.extend([EntityType::Country, EntityType::City, EntityType::Region]),
            "Any" => out.extend(EntityType::ALL),
            other => out.push(EntityType::parse(other).ok_or_else(|| format!("unknown entity type `{other}`"))?),
        }
    }
    out.sort();
    out.dedup();
    // (a spec that also names organisations in general takes them all)
    let companies_only = company && !types.split('|').any(|t| matches!(t, "Organization" | "Actor" | "Any"));
    let persons = types.split('|').any(|t| t == "Person");
    Ok(TypeSpec { types: out, state, persons, companies_only, form })
}

fn parse_rule(lang: Lang, line: &str, defined: &HashMap<String, ClassDef>, classes: &mut HashMap<String, Class>, next_id: &mut usize) -> Result<Rule, String> {
    let mut class = |name: String, forms: Vec<CueForm>| {
        classes
            .entry(name)
            .or_insert_with(|| {
                *next_id += 1;
                Class { id: *next_id - 1, forms: Arc::new(CueForms::new(forms)) }
            })
            .clone()
    };
    let (head, options) = match line.split_once(';') {
        Some((h, o)) => (h, o),
        None => (line, ""),
    };
    let (relation, body) = head.split_once(':').ok_or("a rule is `relation: elements … [; options]`")?;
    let relation = Relation::parse(relation.trim()).ok_or_else(|| format!("unknown relation `{}`", relation.trim()))?;
    let mut elements = Vec::new();
    for token in body.split_whitespace() {
        let element = if let Some(n) = token.strip_prefix("!~") {
            Element::NoEntityWithin(n.parse().map_err(|_| format!("`{token}`: a guard is !~N with N a number"))?)
        } else if let Some(n) = token.strip_prefix('~') {
            let (n, strict) = n.strip_suffix('!').map_or((n, false), |n| (n, true));
            Element::Gap { max: n.parse().map_err(|_| format!("`{token}`: a gap is ~N or ~N! with N a number"))?, strict }
        } else if let Some(spec) = token.strip_prefix("E:") {
            let optional = spec.ends_with('?');
            let TypeSpec { types, state, .. } = parse_types(spec.trim_end_matches('?'))?;
            Element::Entity { types, state, optional }
        } else if let Some((role, spec)) = token.split_once(':').filter(|(r, _)| matches!(*r, "S" | "O" | "A")) {
            let TypeSpec { mut types, state, persons, companies_only, form } = parse_types(spec)?;
            let role = match role {
                "S" => SlotRole::Subject,
                "O" => SlotRole::Object,
                _ => SlotRole::Pair,
            };
            // a bare `State` also takes the companies and blocs the ontology allows on that side
            // ("LIG Nex1 signed a contract with Iraq"); ministries and armies still stand for their state
            let info = relation.info();
            // (not a company as buyer: "Roketsan signed a contract with Indonesia to supply missiles")
            let takes_orgs = match role {
                SlotRole::Subject => info.subjects.contains(&EntityType::Organization) && relation != Relation::BuysWeaponsFrom,
                SlotRole::Object => info.objects.contains(&EntityType::Organization),
                SlotRole::Pair => info.subjects.contains(&EntityType::Organization) && info.objects.contains(&EntityType::Organization),
            };
            if state && takes_orgs && spec.split('/').next() == Some("State") {
                types.push(EntityType::Organization);
                types.sort();
            }
            let outlets = role == SlotRole::Object && matches!(relation, Relation::Accuses | Relation::Arrests | Relation::Supports);
            Element::Slot(Slot { role, types, state, officials_as_state: state && !relation.is_personal() && !persons, places_as_state: state && relation == Relation::InConflictWith, energy_companies_as_state: state && relation == Relation::ImportsEnergyFrom, companies_only, outlets, form })
        } else {
            let optional = token.ends_with('?') && token.len() > 1;
            let word = token.trim_end_matches('?');
            if let Some(name) = word.strip_prefix('@') {
                let forms = &defined.get(name).ok_or_else(|| format!("unknown class @{name} (define it above the rule)"))?.forms;
                let c = class(format!("@{name}"), forms.clone());
                Element::Cue { class: name.to_string(), id: c.id, forms: c.forms, optional, literal: false }
            } else {
                let form = cue_form(word);
                if form.is_empty() {
                    return Err(format!("`{token}` is not a word"));
                }
                let c = class(word.to_string(), vec![form]);
                Element::Cue { class: fold(word), id: c.id, forms: c.forms, optional, literal: true }
            }
        };
        elements.push(element);
    }
    let slots: Vec<SlotRole> = elements.iter().filter_map(|e| if let Element::Slot(s) = e { Some(s.role) } else { None }).collect();
    let valid = matches!(slots.as_slice(), [SlotRole::Pair]) || slots.len() == 2 && slots.contains(&SlotRole::Subject) && slots.contains(&SlotRole::Object);
    if !valid {
        return Err("a rule needs one S and one O slot, or one A slot".into());
    }
    if !elements.iter().any(|e| matches!(e, Element::Cue { optional: false, .. })) {
        return Err("a rule needs at least one cue that is not optional".into());
    }
    let mut rule = Rule { id: String::new(), relation, lang, elements, confidence: 0.8, modality: None, attribute: false, user_if_foreign: false };
    for option in options.split_whitespace() {
        let (key, value) = option.split_once('=').ok_or_else(|| format!("option `{option}` is not key=value"))?;
        match key {
            "conf" => {
                rule.confidence = value.parse().ok().filter(|c| (0.0..=1.0).contains(c)).ok_or_else(|| format!("conf `{value}` is not in [0, 1]"))?
            }
            "modality" => rule.modality = Some(Modality::parse(value).ok_or_else(|| format!("unknown modality `{value}`"))?),
            "id" => rule.id = value.to_string(),
            "attribute" => rule.attribute = value.parse().map_err(|_| format!("attribute `{value}` is not true or false"))?,
            "user-if-foreign" => rule.user_if_foreign = value.parse().map_err(|_| format!("user-if-foreign `{value}` is not true or false"))?,
            other => return Err(format!("unknown option `{other}` (conf, modality, attribute, user-if-foreign, id)")),
        }
    }
    Ok(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Vec<Rule>, Vec<String>) {
        let mut problems = Vec::new();
        let rules = parse(Path::new("ar.patterns"), Lang::Ar, text, &mut problems);
        (rules, problems.iter().map(|p| p.to_string()).collect())
    }

    #[test]
    fn classes_rules_and_options() {
        let (rules, problems) = parse_ok("@buy = يشتري | *شتري | شراء*\nbuysWeaponsFrom: S:State @buy ~2 أسلحة? من O:State ; conf=0.9 id=buy-from\n");
        assert!(problems.is_empty(), "{problems:?}");
        let r = &rules[0];
        assert_eq!(r.relation, Relation::BuysWeaponsFrom);
        assert_eq!(r.id, "buy-from");
        assert_eq!(r.confidence, 0.9);
        assert_eq!(r.elements.len(), 6);
        let Element::Cue { forms, .. } = &r.elements[1] else { panic!() };
        let forms: &Vec<CueForm> = &forms.forms;
        assert_eq!(forms[1][0].matches(&fold("تشتري")), Some("ت"));
        assert_eq!(forms[2][0].matches(&fold("شراءها")), Some(""));
    }

    #[test]
    fn an_entity_element_is_no_slot() {
        let (rules, problems) = parse_ok("@buy = اشترت\nbuysWeaponsFrom: S:State @buy E:WeaponSystem من O:State\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(matches!(&rules[0].elements[2], Element::Entity { types, optional: false, .. } if types == &[EntityType::WeaponSystem]));
    }

    #[test]
    fn a_slot_may_take_the_last_member_of_a_list_alone() {
        let (rules, problems) = parse_ok("@backed = المدعومة\nsupports: O:Organization/last @backed من S:State\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert!(matches!(&rules[0].elements[0], Element::Slot(s) if s.form == FormFilter::Last));
        let (_, problems) = parse_ok("@backed = المدعومة\nsupports: O:Organization/first @backed من S:State\n");
        assert_eq!(problems, ["ar.patterns:2: unknown form filter `/first` (adj, name, counterpart, last, list, ref)"]);
        let (rules, _) = parse_ok("@dev = developed\ncoDevelops: O:WeaponSystem @dev by S:State/list\n");
        assert!(matches!(&rules[0].elements[3], Element::Slot(s) if s.form == FormFilter::List));
    }

    #[test]
    fn a_company_slot_takes_organisations_that_are_companies() {
        let (rules, problems) = parse_ok("@made = تنتجها\nmanufactures: O:WeaponSystem @made S:Company\nmanufactures: O:WeaponSystem @made S:Company|Organization\n");
        assert!(problems.is_empty(), "{problems:?}");
        let only = |r: &Rule| match &r.elements[2] {
            Element::Slot(s) => (s.types.clone(), s.companies_only),
            _ => panic!(),
        };
        assert_eq!(only(&rules[0]), (vec![EntityType::Organization], true));
        assert_eq!(only(&rules[1]), (vec![EntityType::Organization], false));
    }

    #[test]
    fn a_class_holds_words_only() {
        let (_, problems) = parse_ok("@from-state = from @the? E:State\n");
        assert_eq!(problems, ["ar.patterns:1: class @from-state holds `@the?`: a class lists words, not classes or slots (write them in the rule)"]);
    }

    #[test]
    fn a_class_is_defined_once_and_extended_explicitly() {
        let text = "@buy = اشترت\nbuysWeaponsFrom: S:State @buy من O:State\n@buy = شراء\n@buy += تشتري\n@sell += باعت\nbuysWeaponsFrom: S:State @buy من O:State\n";
        let (rules, problems) = parse_ok(text);
        assert_eq!(problems, [
            "ar.patterns:3: class @buy is already defined at ar.patterns:1: extend it with `@buy += …` or choose another name",
            "ar.patterns:5: `@sell += …` extends a class, but @sell is not defined above",
        ]);
        let forms = |r: &Rule| match &r.elements[1] {
            Element::Cue { forms, .. } => forms.forms.len(),
            _ => panic!(),
        };
        // the rule above the extension reads one form, the rule below it two (the redefinition was skipped)
        assert_eq!((forms(&rules[0]), forms(&rules[1])), (1, 2));
    }

    #[test]
    fn strict_gaps_and_guards() {
        let (rules, problems) = parse_ok("@coop = تعاون\ncooperatesWith: A:State ~12! @coop !~3 ~2\n");
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(rules[0].elements[1], Element::Gap { max: 12, strict: true });
        assert_eq!(rules[0].elements[3], Element::NoEntityWithin(3));
        assert_eq!(rules[0].elements[4], Element::Gap { max: 2, strict: false });
        let (_, problems) = parse_ok("@coop = تعاون\ncooperatesWith: A:State ~x! @coop !~\n");
        assert_eq!(problems, ["ar.patterns:2: `~x!`: a gap is ~N or ~N! with N a number"]);
    }

    #[test]
    fn a_language_may_have_several_files_which_share_its_classes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("ar.patterns"), "@coop = تعاون\ncooperatesWith: S:State @coop مع O:State\n").unwrap();
        std::fs::write(dir.path().join("ar.broad.patterns"), "# a part\ncooperatesWith: A:State ~12! @coop\n").unwrap();
        std::fs::write(dir.path().join("fa.broad.patterns"), "cooperatesWith: A:State ~12! @coop\n").unwrap();
        let mut problems = Vec::new();
        let set = RuleSet::load(dir.path(), &mut problems).unwrap();
        let ids: Vec<&str> = set.rules.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["ar:2", "ar.broad:2"]);
        // a part sees the classes of the main file of its language only
        assert_eq!(problems.iter().map(|p| p.to_string()).collect::<Vec<_>>().len(), 1);
        assert!(problems[0].to_string().contains("unknown class @coop"), "{problems:?}");
        // one class, one id, across the files
        let cue_ids: Vec<usize> = set.rules.iter().flat_map(|r| r.required_cues().collect::<Vec<_>>()).collect();
        assert_eq!(cue_ids[0], cue_ids[2]);
    }

    #[test]
    fn errors_name_the_line() {
        let (rules, problems) = parse_ok("\nfoo: S:State @x O:State\nbuysWeaponsFrom: S:State شراء\nbuysWeaponsFrom: A:State S:State شراء\nmeetsWith: S:Banana لقاء O:State\n");
        assert!(rules.is_empty());
        assert_eq!(problems, [
            "ar.patterns:2: unknown relation `foo`",
            "ar.patterns:3: a rule needs one S and one O slot, or one A slot",
            "ar.patterns:4: a rule needs one S and one O slot, or one A slot",
            "ar.patterns:5: unknown entity type `Banana`",
        ]);
    }
}
