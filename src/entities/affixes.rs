//! Clitics and suffixes that attach to names: Arabic proclitics (و ف ب ل ك ال and their
//! combinations: "وبأذربيجان", "للجيش"), Persian suffixes ("آذربایجانی‌ها", "ترکیه‌ای"), the English
//! possessive ("Israel's") and plural demonyms ("Israelis").
//!
//! All work on folded keys (see `text::normalize`). A variant is only a candidate: the matcher keeps
//! it only when the rest is a known name and the whole word is not (so "واشنطن" stays Washington and
//! "لبنان" stays Lebanon).

use crate::text::lang::Lang;

/// Arabic proclitic sequences, longest first. `ال` after `ل` loses its alef ("للجيش" = ل + الجيش).
const AR_PROCLITICS: &[&str] = &[
    "وبال", "وكال", "فبال", "وال", "فال", "بال", "كال", "ولل", "فلل", "لل", "وب", "وك", "ول", "فب", "فل", "فك", "و", "ف", "ب", "ل", "ك", "ال",
];
/// Persian suffixes that follow a name (plural, ezafe/adjective, possessive), longest first.
/// "ساخت" makes a maker's adjective of a state's name ("ترکیه‌ساخت", Turkish-made).
/// (and the plural copula: "سه خریدار بزرگ نفت روسیه‌اند")
const FA_SUFFIXES: &[&str] = &["هايي", "هاي", "ها", "يي", "اي", "ي", "اش", "شان", "ساخت", "اند"];
/// Arabic suffixes a name takes (pronoun enclitics on nouns are rare on names; the nisba endings are
/// generated from adjectives instead).
const AR_SUFFIXES: &[&str] = &["ها", "هم"];

/// What stripping did, for ranking candidates: exact keys beat stripped ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub key: String,
    pub stripped: bool,
    /// A suffix that turns a name into an adjective (Persian "ی"/"ای": "ترکیه‌ای" = Turkish).
    pub adjectival: bool,
    /// The proclitics removed, without the article: "وب" for "وبأذربيجان", "ل" for "للجيش".
    pub proclitic: String,
}

fn variant(key: &str, stripped: bool, adjectival: bool) -> Variant {
    Variant { key: key.to_string(), stripped, adjectival, proclitic: String::new() }
}

/// The proclitic letters of a stripped prefix, without the article ("وال" → "و", "لل" → "ل").
fn proclitic_letters(prefix: &str) -> String {
    if let Some(p) = prefix.strip_suffix("لل") {
        format!("{p}ل")
    } else {
        prefix.strip_suffix("ال").unwrap_or(prefix).to_string()
    }
}

fn is_latin(key: &str) -> bool {
    key.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
}

/// Keys a word may stand for once proclitics are removed; the word itself first.
pub fn prefix_variants(lang: Lang, key: &str) -> Vec<Variant> {
    let mut out = vec![variant(key, false, false)];
    if is_latin(key) || lang == Lang::En {
        return out;
    }
    if lang == Lang::Ar {
        for p in AR_PROCLITICS {
            let Some(rest) = key.strip_prefix(p).filter(|r| r.chars().count() >= 2) else { continue };
            let proclitic = proclitic_letters(p);
            out.push(Variant { proclitic: proclitic.clone(), ..variant(rest, true, false) });
            if p.ends_with("لل") {
                out.push(Variant { proclitic, ..variant(&format!("ال{rest}"), true, false) });
            }
        }
    }
    dedup(out)
}

/// Keys a word may stand for once suffixes are removed; the word itself first.
pub fn suffix_variants(lang: Lang, key: &str) -> Vec<Variant> {
    let mut out = vec![variant(key, false, false)];
    if is_latin(key) {
        for suffix in ["'s", "’s", "'", "’"] {
            if let Some(rest) = key.strip_suffix(suffix) {
                out.push(variant(rest, true, false));
            }
        }
        // a model's plural: "F-16s", "Su-34s"
        if let Some(rest) = key.strip_suffix('s').filter(|r| r.ends_with(|c: char| c.is_ascii_digit())) {
            out.push(variant(rest, true, false));
        }
        if let Some(rest) = key.strip_suffix('s').filter(|r| r.len() > 3) {
            out.push(variant(rest, true, true)); // "Israelis", "Azeris": only adjectives accept it
        }
        return out;
    }
    let suffixes = if lang == Lang::Fa { FA_SUFFIXES } else { AR_SUFFIXES };
    for s in suffixes {
        if let Some(rest) = key.strip_suffix(s).filter(|r| r.chars().count() >= 3) {
            out.push(variant(rest, true, matches!(*s, "ي" | "اي" | "يي" | "ساخت")));
        }
    }
    dedup(out)
}

fn dedup(v: Vec<Variant>) -> Vec<Variant> {
    let mut out: Vec<Variant> = Vec::with_capacity(v.len());
    for x in v {
        if !out.iter().any(|o| o.key == x.key) {
            out.push(x);
        }
    }
    out
}

/// The inflected forms of an Arabic nisba adjective given in the masculine singular ("إسرائيلي"):
/// feminine, sound plurals and dual ("إسرائيلية", "إسرائيليون", "إسرائيليين", "إسرائيليات",
/// "إسرائيليان"). Keys, folded. A form that does not end in yeh (an irregular plural) is kept alone.
pub fn arabic_nisba_forms(base_key: &str) -> Vec<String> {
    let mut forms = vec![base_key.to_string()];
    if base_key.ends_with('ي') {
        for ending in ["ه", "ون", "ين", "ات", "ان", "يه"] {
            forms.push(format!("{base_key}{ending}"));
        }
    }
    forms
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::normalize::fold;

    fn keys(v: Vec<Variant>) -> Vec<String> {
        v.into_iter().map(|v| v.key).collect()
    }

    #[test]
    fn arabic_proclitic_combinations() {
        let v = keys(prefix_variants(Lang::Ar, &fold("وبأذربيجان")));
        assert!(v.contains(&fold("أذربيجان")), "{v:?}");
        let v = keys(prefix_variants(Lang::Ar, &fold("للجيش")));
        assert!(v.contains(&fold("الجيش")), "{v:?}");
        let v = keys(prefix_variants(Lang::Ar, &fold("والإسرائيلية")));
        assert!(v.contains(&fold("الإسرائيلية")) && v.contains(&fold("إسرائيلية")), "{v:?}");
        // the whole word always comes first: "واشنطن" is tried as itself before "اشنطن"
        assert_eq!(prefix_variants(Lang::Ar, &fold("واشنطن"))[0].key, fold("واشنطن"));
    }

    #[test]
    fn persian_suffixes() {
        let v = suffix_variants(Lang::Fa, &fold("آذربایجانی‌ها"));
        assert!(v.iter().any(|x| x.key == fold("آذربایجانی")), "{v:?}");
        let v = suffix_variants(Lang::Fa, &fold("ترکیه‌ای"));
        assert!(v.iter().any(|x| x.key == fold("ترکیه") && x.adjectival), "{v:?}");
        // "ترکیه‌ساخت" (Turkish-made) is the maker's adjective
        let v = suffix_variants(Lang::Fa, &fold("ترکیه‌ساخت"));
        assert!(v.iter().any(|x| x.key == fold("ترکیه") && x.adjectival), "{v:?}");
    }

    #[test]
    fn english_possessive_and_plural() {
        assert!(keys(suffix_variants(Lang::En, "israel's")).contains(&"israel".to_string()));
        assert!(keys(suffix_variants(Lang::En, "israelis")).contains(&"israeli".to_string()));
    }

    #[test]
    fn nisba_inflections() {
        let forms = arabic_nisba_forms(&fold("تركي"));
        assert!(forms.contains(&fold("تركية")));
        assert!(forms.contains(&fold("تركيين")));
        assert_eq!(arabic_nisba_forms(&fold("أتراك")), [fold("أتراك")]);
    }
}
