//! Dates written in the text: "08 أكتوبر 2022", "السبت 20 أبريل 2024", "تشرين الأول / أكتوبر 2021",
//! "۱۸ دی ماه ۱۴۰۰" (Persian solar, converted to Gregorian), "October 8, 2022", "2022-10-08", and
//! relative ones ("last May", "أيار / مايو الماضي", "سال گذشته") resolved against the publication date.
//!
//! A month name alone is never a date: "رجب" is a name, "آب" is water, "مهر" a seal. A month needs a
//! day or a year next to it, or a word such as "last" / "الماضي" / "گذشته".

use std::path::Path;

use chrono::{Datelike, Days, NaiveDate};

use super::token::{Token, TokenKind};
use crate::data::{DataError, RowProblem, lexicon_rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Calendar {
    Gregorian,
    Persian,
}

/// A date as precise as the text states it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl PartialDate {
    /// ISO 8601 form at the stated precision: `2022`, `2022-05`, `2022-10-08`.
    pub fn iso(&self) -> String {
        match self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    pub fn year(&self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => *y,
            PartialDate::Day(d) => d.year(),
        }
    }
}

/// A date found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte span in the original text.
    pub start: usize,
    pub end: usize,
    /// The resolved date; `None` for a relative date with no reference ("last May" in an undated page).
    pub value: Option<PartialDate>,
    /// The date is relative to the publication date ("last May").
    pub relative: bool,
}

#[derive(Debug, Clone)]
struct MonthForm {
    keys: Vec<String>,
    calendar: Calendar,
    month: u32,
}

/// Month names of every language, longest first (so "تشرين الأول" wins over a shorter form).
#[derive(Debug, Default, Clone)]
pub struct Months {
    forms: Vec<MonthForm>,
}

/// Words that make a month or year relative ("last", "الماضي", "گذشته"), per language.
const LAST: &[&str] = &["last", "past", "previous", "الماضي", "الماضيه", "المنصرم", "المنصرمه", "السابق", "گذشته", "پيش", "قبل"];
const YEAR_WORDS: &[&str] = &["year", "عام", "العام", "السنه", "سنه", "سال", "امسال"];
const MONTH_WORDS: &[&str] = &["month", "الشهر", "شهر", "ماه"];

impl Months {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<Months, DataError> {
        let mut forms = Vec::new();
        for (_, row) in lexicon_rows(lexicon_dir, "months.tsv", &["calendar", "month", "forms"], problems)? {
            let calendar = match row.get("calendar") {
                "gregorian" => Calendar::Gregorian,
                "persian" => Calendar::Persian,
                other => {
                    problems.push(row.problem(format!("unknown calendar `{other}` (gregorian, persian)")));
                    continue;
                }
            };
            let Some(month) = row.get("month").parse::<u32>().ok().filter(|m| (1..=12).contains(m)) else {
                problems.push(row.problem("month must be a number from 1 to 12"));
                continue;
            };
            for form in row.list("forms") {
                forms.push(MonthForm { keys: phrase_keys(form), calendar, month });
            }
        }
        Ok(Months::from_forms(forms))
    }

    fn from_forms(mut forms: Vec<MonthForm>) -> Months {
        forms.retain(|f| !f.keys.is_empty());
        forms.sort_by(|a, b| b.keys.len().cmp(&a.keys.len()));
        Months { forms }
    }

    /// The month named at `tokens[i..]`, with the number of tokens it takes.
    fn at(&self, tokens: &[Token], i: usize) -> Option<(Calendar, u32, usize)> {
        self.forms.iter().find_map(|f| {
            let fits = f.keys.iter().enumerate().all(|(k, key)| tokens.get(i + k).is_some_and(|t| month_key_eq(&t.key, key)));
            fits.then_some((f.calendar, f.month, f.keys.len()))
        })
    }

    /// Every date in `tokens` (one sentence or paragraph), relative ones resolved against `reference`.
    pub fn find(&self, tokens: &[Token], reference: Option<NaiveDate>) -> Vec<DateMention> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < tokens.len() {
            if let Some((mention, next)) = self.date_at(tokens, i, reference) {
                out.push(mention);
                i = next;
            } else {
                i += 1;
            }
        }
        out
    }

    fn date_at(&self, tokens: &[Token], i: usize, reference: Option<NaiveDate>) -> Option<(DateMention, usize)> {
        let mention = |start: usize, end: usize, value: Option<PartialDate>, relative: bool| {
            DateMention { start: tokens[start].start, end: tokens[end - 1].end, value, relative }
        };
        // three numbers: ISO with hyphens ("2022-10-08"; a Persian solar year written the same way,
        // "1402-11-09"), or with slashes, day first as the region's sites write it ("7/5/2025" is 7 May)
        // or a Persian solar year first ("1403/08/19")
        if let (Some(a), Some(b), Some(c)) = (number(tokens, i), number(tokens, i + 2), number(tokens, i + 4)) {
            let separated = |sep: &str| is_punct(tokens, i + 1, sep) && is_punct(tokens, i + 3, sep);
            let date = match (a, c) {
                (1300..=1499, _) if separated("-") => persian_to_gregorian(a as i32, b, c),
                (1000..=2999, _) if separated("-") => NaiveDate::from_ymd_opt(a as i32, b, c),
                (1300..=1499, 1..=31) if separated("/") => persian_to_gregorian(a as i32, b, c),
                (1..=31, 1900..=2099) if separated("/") => NaiveDate::from_ymd_opt(c as i32, b, a),
                _ => None,
            };
            if let Some(date) = date {
                return Some((mention(i, i + 5, Some(PartialDate::Day(date)), false), i + 5));
            }
        }
        // …or dots, which the tokenizer keeps in one number ("17.06.2023")
        if let Some(t) = tokens.get(i).filter(|t| t.kind == TokenKind::Number) {
            let parts: Vec<u32> = t.key.split('.').filter_map(|p| p.parse().ok()).collect();
            if let [d, m, y @ 1900..=2099] = parts[..] {
                if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                    return Some((mention(i, i + 1, Some(PartialDate::Day(date)), false), i + 1));
                }
            }
        }
        // day month [year]
        if let Some(day) = number(tokens, i).filter(|d| (1..=31).contains(d)) {
            if let Some((calendar, month, after)) = self.month_group(tokens, i + 1) {
                let (year, end) = year_after(tokens, after);
                if let Some(year) = year {
                    let value = to_gregorian(calendar, year, month, day).map(PartialDate::Day);
                    return Some((mention(i, end, value, false), end));
                }
            }
        }
        // "last May" / "May last" / "May 2021" / "October 8, 2022"
        if let Some((calendar, month, after)) = self.month_group(tokens, i) {
            if let Some(day) = number(tokens, after).filter(|d| (1..=31).contains(d)) {
                let comma = usize::from(is_punct(tokens, after + 1, ","));
                let (year, end) = year_after(tokens, after + 1 + comma);
                if let Some(year) = year {
                    let value = to_gregorian(calendar, year, month, day).map(PartialDate::Day);
                    return Some((mention(i, end, value, false), end));
                }
            }
            let (year, end) = year_after(tokens, after);
            if let Some(year) = year {
                let value = month_of(calendar, year, month);
                return Some((mention(i, end, value, false), end));
            }
            if tokens.get(after).is_some_and(|t| LAST.contains(&t.key.as_str())) {
                let value = reference.and_then(|r| last_month(calendar, month, r));
                return Some((mention(i, after + 1, value, true), after + 1));
            }
            if i > 0 && LAST.contains(&tokens[i - 1].key.as_str()) && tokens[i - 1].key == "last" {
                let value = reference.and_then(|r| last_month(calendar, month, r));
                return Some((mention(i - 1, after, value, true), after));
            }
        }
        // "last year" / "العام الماضي" / "سال گذشته"; "last month" / "الشهر الماضي" / "ماه گذشته"
        let word = tokens[i].key.as_str();
        let next_is_last = tokens.get(i + 1).is_some_and(|t| LAST.contains(&t.key.as_str()));
        let prev_is_last = i > 0 && matches!(tokens[i - 1].key.as_str(), "last" | "past");
        if (next_is_last || prev_is_last) && (YEAR_WORDS.contains(&word) || MONTH_WORDS.contains(&word)) {
            let (start, end) = if next_is_last { (i, i + 2) } else { (i - 1, i + 1) };
            let value = reference.and_then(|r| {
                if YEAR_WORDS.contains(&word) {
                    Some(PartialDate::Year(r.year() - 1))
                } else {
                    let prev = r.with_day(1)?.checked_sub_days(Days::new(1))?;
                    Some(PartialDate::Month(prev.year(), prev.month()))
                }
            });
            return Some((mention(start, end, value, true), end));
        }
        // a year on its own after "in"/"في عام"/"در سال": 2020
        if let Some(y) = number(tokens, i).filter(|y| (1900..2100).contains(y)) {
            let after_year_word = i > 0 && (YEAR_WORDS.contains(&tokens[i - 1].key.as_str()) || matches!(tokens[i - 1].key.as_str(), "in" | "since" | "في" | "منذ" | "در" | "از"));
            if after_year_word {
                return Some((mention(i, i + 1, Some(PartialDate::Year(y as i32)), false), i + 1));
            }
        }
        None
    }

    /// A month name, optionally followed by its twin in the other naming ("أيار / مايو") and by the
    /// Persian word "ماه"; returns (calendar, month, index after the group).
    fn month_group(&self, tokens: &[Token], i: usize) -> Option<(Calendar, u32, usize)> {
        let (calendar, month, len) = self.at(tokens, i)?;
        let mut after = i + len;
        if is_punct(tokens, after, "/") || is_punct(tokens, after, "-") {
            if let Some((c2, m2, len2)) = self.at(tokens, after + 1) {
                if c2 == calendar && m2 == month {
                    after += 1 + len2;
                }
            }
        }
        if tokens.get(after).is_some_and(|t| t.key == "ماه") {
            after += 1;
        }
        Some((calendar, month, after))
    }
}

/// Month keys compare by folded form; Persian writes "ماه" after the month, handled by the caller.
fn month_key_eq(token: &str, key: &str) -> bool {
    token == key || (token.starts_with('ف') || token.starts_with('و') || token.starts_with('ب')) && &token[2..] == key
}

fn phrase_keys(phrase: &str) -> Vec<String> {
    super::token::tokenize(phrase, 0).into_iter().filter(|t| t.kind != TokenKind::Punct).map(|t| t.key).collect()
}

fn number(tokens: &[Token], i: usize) -> Option<u32> {
    tokens.get(i).filter(|t| t.kind == TokenKind::Number).and_then(|t| t.key.parse().ok())
}

fn is_punct(tokens: &[Token], i: usize, key: &str) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == TokenKind::Punct && t.key == key)
}

/// A four-digit year at `i` (after an optional "سال"/"عام"), and the index after it.
fn year_after(tokens: &[Token], i: usize) -> (Option<u32>, usize) {
    let skip = usize::from(tokens.get(i).is_some_and(|t| YEAR_WORDS.contains(&t.key.as_str()) || t.key == ","));
    match number(tokens, i + skip).filter(|y| (1200..2200).contains(y)) {
        Some(y) => (Some(y), i + skip + 1),
        None => (None, i),
    }
}

fn to_gregorian(calendar: Calendar, year: u32, month: u32, day: u32) -> Option<NaiveDate> {
    match calendar {
        Calendar::Gregorian => NaiveDate::from_ymd_opt(year as i32, month, day),
        Calendar::Persian => persian_to_gregorian(year as i32, month, day),
    }
}

fn month_of(calendar: Calendar, year: u32, month: u32) -> Option<PartialDate> {
    match calendar {
        Calendar::Gregorian => Some(PartialDate::Month(year as i32, month)),
        // a Persian month straddles two Gregorian ones: take the month of its 15th day
        Calendar::Persian => persian_to_gregorian(year as i32, month, 15).map(|d| PartialDate::Month(d.year(), d.month())),
    }
}

/// The last `month` strictly before the reference month ("last May" said in October 2022 is May 2022;
/// said in May 2022 it is May 2021).
fn last_month(calendar: Calendar, month: u32, reference: NaiveDate) -> Option<PartialDate> {
    if calendar == Calendar::Persian {
        return None;
    }
    let year = if month < reference.month() { reference.year() } else { reference.year() - 1 };
    Some(PartialDate::Month(year, month))
}

/// Converts a Persian solar (Jalali) date to Gregorian, by the 33-year-cycle break table of the
/// Borkowski / jalaali algorithm.
pub fn persian_to_gregorian(jy: i32, jm: u32, jd: u32) -> Option<NaiveDate> {
    const BREAKS: [i32; 20] = [
        -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178,
    ];
    if !(1..=12).contains(&jm) || !(1..=31).contains(&jd) || jy < BREAKS[0] || jy >= BREAKS[19] || (jm > 6 && jd > 30) {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm_break in &BREAKS[1..] {
        jump = jm_break - jp;
        if jy < jm_break {
            break;
        }
        leap_j += jump / 33 * 8 + (jump % 33) / 4;
        jp = jm_break;
    }
    let n = jy - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_j - leap_g;
    let nowruz = NaiveDate::from_ymd_opt(gy, 3, march as u32)?;
    let jm = jm as i32;
    let offset = (jm - 1) * 31 - jm / 7 * (jm - 7) + jd as i32 - 1;
    nowruz.checked_add_days(Days::new(offset as u64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn months() -> Months {
        let mut forms = Vec::new();
        let mut add = |calendar, month, names: &[&str]| {
            for n in names {
                forms.push(MonthForm { keys: phrase_keys(n), calendar, month });
            }
        };
        add(Calendar::Gregorian, 10, &["أكتوبر", "تشرين الأول", "October", "Oct", "اکتبر"]);
        add(Calendar::Gregorian, 4, &["أبريل", "نيسان", "April"]);
        add(Calendar::Gregorian, 5, &["مايو", "أيار", "May"]);
        add(Calendar::Gregorian, 8, &["آب", "أغسطس"]);
        add(Calendar::Gregorian, 3, &["مارس"]);
        add(Calendar::Persian, 10, &["دی"]);
        add(Calendar::Persian, 7, &["مهر"]);
        Months::from_forms(forms)
    }

    fn dates(text: &str, reference: Option<NaiveDate>) -> Vec<(String, Option<String>)> {
        let tokens = tokenize(text, 0);
        months()
            .find(&tokens, reference)
            .into_iter()
            .map(|d| (text[d.start..d.end].to_string(), d.value.map(|v| v.iso())))
            .collect()
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn arabic_dates_with_weekday_and_digits() {
        assert_eq!(dates("حول العالم 08 أكتوبر 2022 0", None), [("08 أكتوبر 2022".into(), Some("2022-10-08".into()))]);
        assert_eq!(dates("السبت 20 أبريل 2024", None), [("20 أبريل 2024".into(), Some("2024-04-20".into()))]);
        assert_eq!(dates("في نوفمبر ٢٠١٩ و ٢٠ أبريل ٢٠٢٤", None), [("٢٠ أبريل ٢٠٢٤".into(), Some("2024-04-20".into()))]);
    }

    #[test]
    fn levantine_and_egyptian_month_pairs() {
        assert_eq!(
            dates("ثم في تشرين الأول / أكتوبر 2021، ورد أن", None),
            [("تشرين الأول / أكتوبر 2021".into(), Some("2021-10".into()))]
        );
    }

    #[test]
    fn persian_solar_date_is_converted() {
        assert_eq!(dates("در ۱۸ دی ماه ۱۴۰۰ دعوت کرد", None), [("۱۸ دی ماه ۱۴۰۰".into(), Some("2022-01-08".into()))]);
        assert_eq!(persian_to_gregorian(1400, 1, 1), ymd(2021, 3, 21));
        assert_eq!(persian_to_gregorian(1403, 1, 1), ymd(2024, 3, 20));
        assert_eq!(persian_to_gregorian(1402, 12, 29), ymd(2024, 3, 19));
    }

    #[test]
    fn relative_dates_resolve_against_the_publication_date() {
        let pub_date = ymd(2022, 10, 8);
        assert_eq!(dates("في أيار / مايو الماضي وسط", pub_date), [("أيار / مايو الماضي".into(), Some("2022-05".into()))]);
        assert_eq!(dates("visited Azerbaijan last May.", pub_date), [("last May".into(), Some("2022-05".into()))]);
        assert_eq!(dates("در ۱۸ دی ماه سال گذشته", pub_date), [("سال گذشته".into(), Some("2021".into()))]);
        assert_eq!(dates("في أكتوبر الماضي", ymd(2023, 10, 1)), [("أكتوبر الماضي".into(), Some("2022-10".into()))]);
        // kept as stated when the page gives no date
        assert_eq!(dates("في مارس الماضي", None), [("مارس الماضي".into(), None)]);
    }

    #[test]
    fn month_words_that_are_ordinary_words_need_a_number() {
        assert!(dates("رجب طيب أردوغان", None).is_empty());
        assert!(dates("آب و مهر", None).is_empty());
        assert_eq!(dates("۱۵ مهر ۱۴۰۱", None), [("۱۵ مهر ۱۴۰۱".into(), Some("2022-10-07".into()))]);
    }

    #[test]
    fn english_and_iso_dates() {
        assert_eq!(dates("October 8, 2022", None), [("October 8, 2022".into(), Some("2022-10-08".into()))]);
        assert_eq!(dates("on 2024-04-20.", None), [("2024-04-20".into(), Some("2024-04-20".into()))]);
        assert_eq!(dates("in 2020 the war", None), [("2020".into(), Some("2020".into()))]);
    }

    #[test]
    fn numeric_dates_day_first_or_persian_year_first() {
        assert_eq!(dates("7/5/2025", None), [("7/5/2025".into(), Some("2025-05-07".into()))]);
        assert_eq!(dates("17.06.2023 | 14:05 GMT", None)[0], ("17.06.2023".into(), Some("2023-06-17".into())));
        assert_eq!(dates("1402-11-09", None), [("1402-11-09".into(), Some("2024-01-29".into()))]);
        assert_eq!(dates("۱۴۰۳/۰۸/۱۹", None), [("۱۴۰۳/۰۸/۱۹".into(), Some("2024-11-09".into()))]);
        assert!(dates("3/4/5 ratio", None).iter().all(|(_, v)| v.is_none()));
    }
}
