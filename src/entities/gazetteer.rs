//! The gazetteer: every entity khabar knows, loaded from `data/gazetteer/*.tsv` (format in
//! `data/README.md`).

use std::collections::HashMap;
use std::path::Path;

use super::{Entity, EntityType};
use crate::data::{DataError, RowProblem, read_table, tsv_files};
use crate::text::lang::Lang;

#[derive(Debug, Default, Clone)]
pub struct Gazetteer {
    pub entities: Vec<Entity>,
    by_id: HashMap<String, usize>,
}

impl Gazetteer {
    pub fn load(dir: &Path, problems: &mut Vec<RowProblem>) -> Result<Gazetteer, DataError> {
        let mut gazetteer = Gazetteer::default();
        for path in tsv_files(dir)? {
            let table = read_table(&path, &["id", "type", "label"])?;
            problems.extend(table.problems);
            for row in table.rows {
                let Some(kind) = EntityType::parse(row.get("type")) else {
                    problems.push(row.problem(format!("unknown type `{}`", row.get("type"))));
                    continue;
                };
                let id = row.get("id").to_string();
                if gazetteer.by_id.contains_key(&id) {
                    problems.push(row.problem(format!("duplicate id `{id}`")));
                    continue;
                }
                let coordinate = |col: &str| -> Result<Option<f64>, RowProblem> {
                    match row.get(col) {
                        "" => Ok(None),
                        v => v.parse().map(Some).map_err(|_| row.problem(format!("`{col}` is not a number: `{v}`"))),
                    }
                };
                let (lat, lon) = match (coordinate("lat"), coordinate("lon")) {
                    (Ok(lat), Ok(lon)) => (lat, lon),
                    (Err(p), _) | (_, Err(p)) => {
                        problems.push(p);
                        continue;
                    }
                };
                let mut names = HashMap::new();
                let mut adjectives = HashMap::new();
                for lang in Lang::ALL {
                    let mut list: Vec<String> = row.list(lang.code()).into_iter().map(String::from).collect();
                    if lang == Lang::En {
                        list.insert(0, row.get("label").to_string());
                    }
                    list.dedup();
                    names.insert(lang, list);
                    adjectives.insert(lang, row.list(&format!("adj_{}", lang.code())).into_iter().map(String::from).collect());
                }
                let text = |col: &str| Some(row.get(col).to_string()).filter(|s| !s.is_empty());
                gazetteer.by_id.insert(id.clone(), gazetteer.entities.len());
                gazetteer.entities.push(Entity {
                    id,
                    kind,
                    label: row.get("label").to_string(),
                    names,
                    adjectives,
                    wikidata: text("wikidata"),
                    lat,
                    lon,
                    country: text("country"),
                    stands_for: text("stands_for"),
                    maker: text("maker"),
                    variant_of: text("variant_of"),
                    role: text("role"),
                    since: text("since"),
                    until: text("until"),
                    // sides separated by "|", allies on one side joined by "+": "united-states+united-kingdom|iraq"
                    belligerents: row.list("belligerents").into_iter().map(|side| side.split('+').map(|id| id.trim().to_string()).collect()).collect(),
                    discovered: false,
                });
            }
        }
        // references to other entities must resolve
        for e in &gazetteer.entities {
            let belligerents = e.belligerents.iter().flatten().map(|b| ("belligerents", Some(b)));
            let links = [("country", e.country.as_ref()), ("stands_for", e.stands_for.as_ref()), ("maker", e.maker.as_ref()), ("variant_of", e.variant_of.as_ref())];
            for (col, value) in links.into_iter().chain(belligerents) {
                if let Some(v) = value.filter(|v| !gazetteer.by_id.contains_key(*v)) {
                    problems.push(RowProblem {
                        path: dir.into(),
                        line: 0,
                        message: format!("entity `{}`: `{col}` names unknown id `{v}`", e.id),
                    });
                }
            }
        }
        inherit_from_families(&mut gazetteer);
        display_without_disambiguators(&mut gazetteer.entities);
        Ok(gazetteer)
    }

    pub fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The index of an entity's `country` (a city's or company's state, a system's maker state, a person's state).
    pub fn country_of(&self, entity: &Entity) -> Option<usize> {
        entity.country.as_deref().and_then(|id| self.index_of(id))
    }

    pub fn len(&self) -> usize {
        self.entities.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }
}

/// A system's or an event's label shows the name the news uses, without the bracketed disambiguator a
/// gazetteer row may carry ("Fattah (missile)" shows as "Fattah"), where no other entity shows that name.
/// The bracketed form stays a name; the bare one does not become one ("Fattah" is also in "Abdel Fattah").
/// A variant left without maker or maker state has its family's ("F-16 Block 70" is Lockheed Martin's).
fn inherit_from_families(gazetteer: &mut Gazetteer) {
    for i in 0..gazetteer.entities.len() {
        let Some(family) = gazetteer.entities[i].variant_of.as_deref().and_then(|id| gazetteer.by_id.get(id).copied()) else { continue };
        let (maker, country) = (gazetteer.entities[family].maker.clone(), gazetteer.entities[family].country.clone());
        let e = &mut gazetteer.entities[i];
        e.maker = e.maker.take().or(maker);
        e.country = e.country.take().or(country);
    }
}

fn display_without_disambiguators(entities: &mut [Entity]) {
    let bare = |label: &str| label.strip_suffix(')').and_then(|l| l.rsplit_once(" (")).map(|(name, _)| name.to_string());
    let mut shown: HashMap<String, usize> = HashMap::new();
    for e in entities.iter() {
        *shown.entry(bare(&e.label).unwrap_or_else(|| e.label.clone()).to_lowercase()).or_default() += 1;
    }
    for e in entities.iter_mut().filter(|e| matches!(e.kind, EntityType::WeaponSystem | EntityType::Event)) {
        if let Some(name) = bare(&e.label).filter(|n| shown.get(&n.to_lowercase()) == Some(&1)) {
            e.label = name;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_unique_system_or_event_shows_without_its_disambiguator() {
        let entity = |id: &str, kind, label: &str| Entity::named(id.into(), kind, label.into(), HashMap::new());
        let mut entities = vec![
            entity("fattah", EntityType::WeaponSystem, "Fattah (missile)"),
            entity("karrar-drone", EntityType::WeaponSystem, "Karrar (drone)"),
            entity("karrar-tank", EntityType::WeaponSystem, "Karrar (tank)"),
            entity("tyre", EntityType::City, "Tyre (Lebanon)"),
        ];
        display_without_disambiguators(&mut entities);
        let labels: Vec<&str> = entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Fattah", "Karrar (drone)", "Karrar (tank)", "Tyre (Lebanon)"]);
    }

    #[test]
    fn a_variant_without_maker_takes_its_familys() {
        let dir = std::env::temp_dir().join(format!("khabar-gazetteer-variants-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let rows = "id\ttype\tlabel\tcountry\tmaker\tvariant_of\n\
            united-states\tCountry\tUnited States\t\t\t\n\
            turkey\tCountry\tTurkey\t\t\t\n\
            lockheed-martin\tOrganization\tLockheed Martin\tunited-states\t\t\n\
            tai\tOrganization\tTurkish Aerospace\tturkey\t\t\n\
            f-16\tWeaponSystem\tF-16 Fighting Falcon\tunited-states\tlockheed-martin\t\n\
            f-16-block-70\tWeaponSystem\tF-16 Block 70\t\t\tf-16\n\
            f-16-ozgur\tWeaponSystem\tF-16 Özgür\tturkey\ttai\tf-16\n";
        std::fs::write(dir.join("rows.tsv"), rows).unwrap();
        let mut problems = Vec::new();
        let g = Gazetteer::load(&dir, &mut problems).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let block70 = g.get("f-16-block-70").unwrap();
        assert_eq!((block70.maker.as_deref(), block70.country.as_deref(), block70.variant_of.as_deref()), (Some("lockheed-martin"), Some("united-states"), Some("f-16")));
        let ozgur = g.get("f-16-ozgur").unwrap();
        assert_eq!((ozgur.maker.as_deref(), ozgur.country.as_deref()), (Some("tai"), Some("turkey")), "a variant's own maker stays");
    }

    #[test]
    fn a_wars_sides_keep_allies_together() {
        let dir = std::env::temp_dir().join(format!("khabar-gazetteer-wars-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let rows = "id\ttype\tlabel\tbelligerents\n\
            united-states\tCountry\tUnited States\t\n\
            united-kingdom\tCountry\tUnited Kingdom\t\n\
            iraq\tCountry\tIraq\t\n\
            iraq-war\tEvent\tIraq War\tunited-states+united-kingdom|iraq\n\
            gulf-war\tEvent\tGulf War\tiraq|kuwiat\n";
        std::fs::write(dir.join("rows.tsv"), rows).unwrap();
        let mut problems = Vec::new();
        let g = Gazetteer::load(&dir, &mut problems).unwrap();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(g.get("iraq-war").unwrap().belligerents, [vec!["united-states", "united-kingdom"], vec!["iraq"]]);
        assert_eq!(problems.len(), 1, "an unknown id on a side is reported: {problems:?}");
        assert!(problems[0].message.contains("`kuwiat`"));
    }
}
