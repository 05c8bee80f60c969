//! Folding of text into matching keys.
//!
//! A key is what two spellings of one word have in common: "أذربيجان" and "اذربیجان", "گفت‌وگو" and
//! "گفتوگو", "Türkiye" and "turkiye". Keys are for comparison only: what khabar displays or stores is
//! always the original text, reached through the token offsets.
//!
//! Folding is done by per-script normalisers registered in one table ([`SCRIPT_FOLDERS`]), in the way
//! charabia registers its normalisers: a character is handed to the first folder whose script claims it.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One script's folding rules: what a character of this script becomes in a key.
struct ScriptFolder {
    claims: fn(char) -> bool,
    fold: fn(char, &mut String),
}

/// The per-script folding table; a character no folder claims is kept as it is.
const SCRIPT_FOLDERS: &[ScriptFolder] = &[
    ScriptFolder { claims: is_arabic_script, fold: fold_arabic_script },
    ScriptFolder { claims: is_latin_or_ascii, fold: fold_latin },
    ScriptFolder { claims: is_digit_like, fold: fold_digit },
];

pub const ZWNJ: char = '\u{200C}';
pub const ZWJ: char = '\u{200D}';
pub const TATWEEL: char = '\u{0640}';

pub fn is_arabic_script(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08FF}'
        | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && !is_digit_like(c)
}

fn is_latin_or_ascii(c: char) -> bool {
    c.is_ascii() || matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}')
}

/// Arabic-Indic (٠–٩) and Persian (۰–۹) digits.
pub fn is_digit_like(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// The ASCII value of an ASCII, Arabic-Indic or Persian digit.
pub fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        '\u{06F0}'..='\u{06F9}' => Some(c as u32 - 0x06F0),
        _ => None,
    }
}

fn fold_digit(c: char, out: &mut String) {
    if let Some(d) = digit_value(c) {
        out.push(char::from_digit(d, 10).expect("a digit"));
    }
}

fn fold_arabic_script(c: char, out: &mut String) {
    let folded = match c {
        // alef forms
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => 'ا',
        // yeh forms (Arabic yeh, Persian yeh, alef maksura, yeh with hamza)
        'ى' | 'ی' | 'ې' | 'ۍ' | 'ئ' | 'ے' => 'ي',
        // kaf forms
        'ک' | 'ڪ' => 'ك',
        // teh marbuta and heh forms
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => 'ه',
        'ؤ' => 'و',
        // hamza alone, tatweel, diacritics (harakat, superscript alef) and Quranic marks vanish
        'ء' | TATWEEL => return,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' => return,
        // Arabic punctuation folds to its Latin twin, so one punctuation test serves all scripts
        '،' => ',',
        '؛' => ';',
        '؟' => '?',
        '٪' => '%',
        '۔' => '.',
        _ => c,
    };
    out.push(folded);
}

fn fold_latin(c: char, out: &mut String) {
    match c {
        'ı' | 'İ' => out.push('i'),
        _ => out.extend(c.to_lowercase()),
    }
}

/// Folds `text` into its matching key: NFKC (Arabic presentation forms become letters), then each
/// character through its script's folder; combining marks, ZWNJ and ZWJ are dropped.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.nfkc().collect::<String>().nfd() {
        if c == ZWNJ || c == ZWJ || c == '\u{200F}' || c == '\u{200E}' || is_combining_mark(c) {
            continue;
        }
        match SCRIPT_FOLDERS.iter().find(|f| (f.claims)(c)) {
            Some(folder) => (folder.fold)(c, &mut out),
            None => out.push(c),
        }
    }
    out
}

/// Quotation marks of the three languages, which never belong to a word.
pub fn is_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '«' | '»' | '“' | '”' | '„' | '‘' | '’' | '‹' | '›' | '`' | '´')
}

#[cfg(test)]
mod tests {
    use super::fold;

    #[test]
    fn arabic_alef_yeh_kaf_teh_marbuta_fold() {
        assert_eq!(fold("أذربيجان"), fold("اذربیجان"));
        assert_eq!(fold("إسرائيل"), fold("اسرائیل"));
        assert_eq!(fold("الكيان"), fold("الکیان"));
        assert_eq!(fold("القبة"), fold("القبه"));
        assert_eq!(fold("مستشفى"), fold("مستشفي"));
    }

    #[test]
    fn diacritics_and_tatweel_vanish() {
        assert_eq!(fold("عُمَان"), fold("عمان"));
        assert_eq!(fold("العـــربية"), fold("العربية"));
        assert_eq!(fold("حسنوف"), "حسنوف");
    }

    #[test]
    fn zwnj_present_or_absent_gives_one_key() {
        assert_eq!(fold("می‌کند"), fold("میکند"));
        assert_eq!(fold("گفت‌وگو"), fold("گفتوگو"));
        assert_eq!(fold("آذربایجانی‌ها"), fold("آذربایجانیها"));
    }

    #[test]
    fn persian_and_arabic_indic_digits_become_ascii() {
        assert_eq!(fold("۱۴۰۰"), "1400");
        assert_eq!(fold("٢٠١٩"), "2019");
        assert_eq!(fold("۴.۵"), "4.5");
    }

    #[test]
    fn latin_lowercases_and_strips_accents() {
        assert_eq!(fold("Türkiye"), "turkiye");
        assert_eq!(fold("İsmail Günaydın"), "ismail gunaydin");
        assert_eq!(fold("Erdoğan"), "erdogan");
    }

    #[test]
    fn presentation_forms_fold_to_letters() {
        // "ﻻ" (lam-alef ligature) is NFKC-equivalent to "لا"
        assert_eq!(fold("ﻻ"), "لا");
    }
}
