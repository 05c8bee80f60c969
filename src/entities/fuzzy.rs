//! Comparing names across transliterations: "Zakr Hasanov" (from Arabic script) and "Zakir Hasanov"
//! differ in their vowels, which Arabic script does not write. Two names are close when their
//! consonant skeletons are a couple of edits apart.

/// The consonants of a lowercase ASCII key, with q/k, j/c, w/v/f and p/b merged (Arabic script
/// writes "p" as ب and "v" as ف: "Panagiotopoulos" comes back as "Banayutubulus").
pub fn skeleton(key: &str) -> String {
    key.chars()
        .filter(|c| !"aeiouy ".contains(*c))
        .map(|c| match c {
            'q' => 'k',
            'j' => 'c',
            'w' | 'f' => 'v',
            'p' => 'b',
            c => c,
        })
        .collect()
}

/// Levenshtein distance in characters.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j + 1] + 1).min(cur[j] + 1).min(prev[j] + usize::from(ca != *cb)));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether two skeletons name the same thing: at most two edits, and at most a quarter of the length.
pub fn close(a: &str, b: &str) -> bool {
    // (more than two letters apart in length is more than two edits)
    if a.chars().count().abs_diff(b.chars().count()) > 2 {
        return false;
    }
    // a name that only adds letters at its end is another name ("Bayraktaroğlu" is not "Bayraktar")
    let extended = a != b && (a.starts_with(b) || b.starts_with(a));
    let d = edit_distance(a, b);
    !extended && d <= 2 && d <= b.chars().count() / 4
}

/// A name's skeleton, and its last word's: two people's names are close when both are ("Mahmoud
/// Rahimi" is not "Mahmoud Freihat", though the whole skeletons are two edits apart).
#[derive(Debug, Clone)]
pub struct NameSkeleton {
    whole: String,
    last: String,
    /// The last two words as one: a surname the other script writes in two words ("بردی‌محمداف" comes
    /// back as "Baradi Mahamadaf" for "Berdimuhamedow").
    last_two: String,
}

impl NameSkeleton {
    /// From a lowercase key with spaces between words; a patronym ("bin Hamed") is left out, as the
    /// news often does ("Fayyad bin Hamed al-Ruwaili" is "Fayyadh al-Ruwaili").
    pub fn new(key: &str) -> NameSkeleton {
        let words: Vec<&str> = key.split(' ').collect();
        let mut kept = Vec::new();
        let mut i = 0;
        while i < words.len() {
            if PATRONYMS.contains(&words[i]) && i > 0 && i + 2 < words.len() {
                i += 2;
                continue;
            }
            kept.push(words[i]);
            i += 1;
        }
        let key = kept.join(" ");
        let last_two = kept[kept.len().saturating_sub(2)..].concat();
        NameSkeleton { whole: skeleton(&key), last: skeleton(kept.last().copied().unwrap_or_default()), last_two: skeleton(&last_two) }
    }

    pub fn close(&self, other: &NameSkeleton) -> bool {
        // (a short surname, of four consonants or fewer, must match exactly: "Fahmi" is not "Vahidi", "Shanawi"
        // not "Shabana", "Khaldi" not "Khalifa", though one edit apart)
        let near = |a: &str, b: &str| edit_distance(a, b) <= a.chars().count().min(b.chars().count()).saturating_sub(1) / 4;
        // (and they begin alike: a script writes a name's first consonant one way, so "Abdullah al-Khaldi" is
        // not "Asadullah Khalid", though two edits apart)
        let same_start = self.whole.chars().next() == other.whole.chars().next();
        same_start && close(&self.whole, &other.whole) && (near(&self.last, &other.last) || near(&self.last_two, &other.last) || near(&self.last, &other.last_two))
    }
}

/// Words that introduce a patronym inside a name.
const PATRONYMS: &[&str] = &["bin", "ibn", "bint", "ben"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transliterations_of_one_name_are_close() {
        assert!(close(&skeleton("zakr hasanov"), &skeleton("zakir hasanov")));
        assert!(close(&skeleton("karim valiyev"), &skeleton("kerim veliyev")));
        assert!(!close(&skeleton("selcuk bayraktaroglu"), &skeleton("selcuk bayraktar")));
        assert!(!close(&skeleton("ilham aliyev"), &skeleton("elchin guliyev")));
        assert!(close(&skeleton("nikus banayutubulus"), &skeleton("nikos panagiotopoulos")));
        assert!(close(&skeleton("fladimir butin"), &skeleton("vladimir putin")));
    }

    #[test]
    fn names_are_close_when_their_surnames_are() {
        let name = NameSkeleton::new;
        assert!(name("zakr hasanov").close(&name("zakir hasanov")));
        assert!(name("nikus banayutubulus").close(&name("nikos panagiotopoulos")));
        assert!(!name("mahmoud rahimi").close(&name("mahmoud freihat")));
        assert!(name("fayyad bin hamed al ruwaili").close(&name("fayyadh al ruwaili")));
        assert!(!name("khalid bin salman").close(&name("khalid bin bandar")));
        assert!(name("gurbanghli baradi mahamadaf").close(&name("gurbanguly berdimuhamedow")));
        assert!(!name("ahmed fahmy").close(&name("ahmad vahidi")));
        assert!(!name("mohammed al shanaui").close(&name("mohammed shabana")));
        assert!(!name("abdullah al khaldi").close(&name("asadullah khalid")));
        assert!(!name("abdullah al khaldi").close(&name("abdullah bin rashid al khalifa")));
    }
}
