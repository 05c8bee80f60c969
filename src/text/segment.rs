//! Paragraphs and sentences.
//!
//! Scraped pages separate paragraphs (and headlines, which have no full stop) by newlines, so every
//! non-blank line is a paragraph. Inside a paragraph a sentence ends at `. ! ? ؟ ۔ …` followed by
//! a space (or a closing quote and a space) or the end; "4.5", "Modern.az" and English abbreviations
//! ("Mr.", "U.S.", "Gen.") do not end one.

/// A span of the original text, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Every non-blank line of `text`, without its surrounding whitespace.
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_start = line.len() - line.trim_start().len();
        let body = line.trim();
        if !body.is_empty() && body.chars().any(|c| !c.is_whitespace() && !is_invisible(c)) {
            let start = line_start + trimmed_start;
            out.push(Span { start, end: start + body.len() });
        }
        line_start += line.len();
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}'..='\u{200F}' | '\u{FEFF}' | '\u{00A0}')
}

const ENDERS: &[char] = &['.', '!', '?', '؟', '۔', '…'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', '›'];
/// English abbreviations that end with a dot but not a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "gov", "sen", "rep",
    "st", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "approx", "est", "fig",
];

/// The sentences of one paragraph, as spans of the original text.
pub fn sentences(text: &str, paragraph: Span) -> Vec<Span> {
    let body = paragraph.of(text);
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (_, c) = chars[i];
        if ENDERS.contains(&c) {
            // a run of enders ("?!", "...") and closing quotes belongs to the sentence it ends
            let mut j = i + 1;
            while j < chars.len() && (ENDERS.contains(&chars[j].1) || CLOSERS.contains(&chars[j].1)) {
                j += 1;
            }
            let at_end = j == chars.len();
            let before_space = !at_end && chars[j].1.is_whitespace();
            if (at_end || before_space) && !(c == '.' && is_abbreviation(body, chars[i].0)) {
                let end = if at_end { body.len() } else { chars[j].0 };
                push_trimmed(&mut out, body, paragraph.start, start, end);
                start = end;
            }
            i = j;
            continue;
        }
        i += 1;
    }
    push_trimmed(&mut out, body, paragraph.start, start, body.len());
    out
}

fn push_trimmed(out: &mut Vec<Span>, body: &str, base: usize, start: usize, end: usize) {
    let piece = &body[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if trimmed.chars().any(|c| c.is_alphanumeric()) {
        out.push(Span { start: base + start + lead, end: base + start + lead + trimmed.len() });
    }
}

/// Whether the dot at `dot` closes an abbreviation ("Gen.", "U.S.") rather than a sentence.
fn is_abbreviation(body: &str, dot: usize) -> bool {
    let word: String = body[..dot].chars().rev().take_while(|c| c.is_alphanumeric() || *c == '.').collect();
    let word: String = word.chars().rev().collect();
    let last = word.rsplit('.').next().unwrap_or("");
    if last.chars().count() == 1 && last.chars().all(|c| c.is_ascii_uppercase()) {
        return true; // an initial: "U.S.", "J. Smith"
    }
    ABBREVIATIONS.contains(&last.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        paragraphs(text).into_iter().flat_map(|p| sentences(text, p)).map(|s| s.of(text)).collect()
    }

    #[test]
    fn headline_without_full_stop_is_its_own_sentence() {
        let text = "آذربایجان روابط نظامی خود را تقویت می کند\n\nسفر وزیر به باکو. او گفت.";
        assert_eq!(split(text), ["آذربایجان روابط نظامی خود را تقویت می کند", "سفر وزیر به باکو.", "او گفت."]);
    }

    #[test]
    fn arabic_question_mark_and_quotes() {
        let text = "لماذا تعزز “تل ابيب ” علاقاتها؟ وقال “المونيتور” إنه واضح.";
        assert_eq!(split(text), ["لماذا تعزز “تل ابيب ” علاقاتها؟", "وقال “المونيتور” إنه واضح."]);
    }

    #[test]
    fn decimals_domains_and_abbreviations_do_not_split() {
        let text = "Trade reached 4.5 billion dollars, Modern.az said. Gen. Smith met U.S. officials. Done";
        assert_eq!(split(text), ["Trade reached 4.5 billion dollars, Modern.az said.", "Gen. Smith met U.S. officials.", "Done"]);
    }

    #[test]
    fn persian_digits_with_dot_and_ellipsis() {
        let text = "حجم تجارت ۴.۵ میلیارد دلار بود... سپس افزایش یافت";
        assert_eq!(split(text), ["حجم تجارت ۴.۵ میلیارد دلار بود...", "سپس افزایش یافت"]);
    }

    #[test]
    fn spans_point_into_original_text_with_crlf() {
        let text = "first line\r\n  second. third\r\n";
        let s: Vec<&str> = split(text);
        assert_eq!(s, ["first line", "second.", "third"]);
    }
}
