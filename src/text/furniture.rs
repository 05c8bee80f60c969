//! Page furniture: the parts of a scraped page that are not the article (site headers, share and
//! comment boxes, navigation, related-article teasers). Nothing is extracted from them.
//!
//! Detection works by phrase lists per language (`data/lexicon/<lang>/furniture.tsv`) and by
//! structure: lines without letters, short lines above the headline, and runs of teasers that end
//! with an ellipsis.

use std::path::Path;

use super::normalize::fold;
use super::segment::Span;
use crate::data::{DataError, RowProblem, lexicon_rows};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A paragraph containing the phrase is furniture.
    Line,
    /// The paragraph and the short paragraph after it.
    LineAndNext,
    /// The paragraph and the headline-like paragraphs after it (teaser links under "Read more").
    LineAndTeasers,
    /// The paragraph and everything after it.
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    Anywhere,
    Start,
    End,
    Exact,
}

#[derive(Debug, Clone)]
struct Rule {
    kind: Kind,
    anchor: Anchor,
    key: String,
}

impl Rule {
    /// Anchored phrases ignore punctuation at the anchored edge: "=مقالات ذات صلة" also catches
    /// "مقالات ذات صلة:".
    fn matches(&self, paragraph_key: &str) -> bool {
        let punctuation_only = !self.key.chars().any(char::is_alphanumeric);
        match self.anchor {
            Anchor::Anywhere => paragraph_key.contains(&self.key),
            Anchor::Start if punctuation_only => paragraph_key.starts_with(&self.key),
            Anchor::Start => paragraph_key.trim_start_matches(is_edge_punct).starts_with(&self.key),
            Anchor::End => paragraph_key.trim_end_matches(is_edge_punct).ends_with(&self.key),
            Anchor::Exact => paragraph_key.trim_matches(is_edge_punct) == self.key,
        }
    }
}

/// The furniture rules of all languages (a page's furniture is often in another language than its
/// article: "Connect with us" above an Arabic article).
#[derive(Debug, Default, Clone)]
pub struct FurnitureRules {
    rules: Vec<Rule>,
}

/// A paragraph is "short" (a header line, an editor's name) below this many words.
const SHORT_WORDS: usize = 4;
/// The paragraph after a `line+next` header is taken when it is at most this many characters long.
const SHORT_NEXT_CHARS: usize = 40;

fn is_edge_punct(c: char) -> bool {
    c.is_whitespace() || (!c.is_alphanumeric() && c != '%')
}

/// Folds a paragraph for phrase matching: the matching key with whitespace collapsed.
fn paragraph_key(text: &str) -> String {
    fold(text).split_whitespace().collect::<Vec<_>>().join(" ")
}

impl FurnitureRules {
    pub fn load(lexicon_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<FurnitureRules, DataError> {
        let mut rules = Vec::new();
        for (_, row) in lexicon_rows(lexicon_dir, "furniture.tsv", &["kind", "phrase"], problems)? {
            let kind = match row.get("kind") {
                "line" => Kind::Line,
                "line+next" => Kind::LineAndNext,
                "line+teasers" => Kind::LineAndTeasers,
                "tail" => Kind::Tail,
                other => {
                    problems.push(row.problem(format!("unknown furniture kind `{other}` (line, line+next, line+teasers, tail)")));
                    continue;
                }
            };
            let phrase = row.get("phrase");
            let (anchor, phrase) = if let Some(p) = phrase.strip_prefix('=') {
                (Anchor::Exact, p)
            } else if let Some(p) = phrase.strip_prefix('^').and_then(|p| p.strip_suffix('$')).filter(|p| !p.is_empty()) {
                (Anchor::Exact, p)
            } else if let Some(p) = phrase.strip_prefix('^') {
                (Anchor::Start, p)
            } else if let Some(p) = phrase.strip_suffix('$') {
                (Anchor::End, p)
            } else {
                (Anchor::Anywhere, phrase)
            };
            let key = paragraph_key(phrase);
            let trimmed = match anchor {
                Anchor::Anywhere => key.as_str(),
                Anchor::Start => key.trim_start_matches(is_edge_punct),
                Anchor::End => key.trim_end_matches(is_edge_punct),
                Anchor::Exact => key.trim_matches(is_edge_punct),
            };
            // a phrase of punctuation only ("^©") is matched as written
            let key = if trimmed.is_empty() { key.clone() } else { trimmed.to_string() };
            if key.is_empty() {
                problems.push(row.problem("empty furniture phrase"));
                continue;
            }
            rules.push(Rule { kind, anchor, key });
        }
        Ok(FurnitureRules { rules })
    }

    /// For each paragraph, whether it is furniture.
    pub fn classify(&self, text: &str, paragraphs: &[Span]) -> Vec<bool> {
        let keys: Vec<String> = paragraphs.iter().map(|p| paragraph_key(p.of(text))).collect();
        let mut furniture = vec![false; paragraphs.len()];
        let mut i = 0;
        while i < paragraphs.len() {
            let key = &keys[i];
            if !key.chars().any(char::is_alphabetic) {
                furniture[i] = true; // counters, comment counts, page numbers
            }
            // a teaser heading is a heading, not a sentence ("More from The National", not "More from
            // the interview is expected next week.")
            match self.rules.iter().find(|r| r.matches(key) && (r.kind != Kind::LineAndTeasers || is_heading(key))).map(|r| r.kind) {
                Some(Kind::Tail) => {
                    furniture[i..].iter_mut().for_each(|f| *f = true);
                    break;
                }
                Some(Kind::LineAndNext) => {
                    furniture[i] = true;
                    if i + 1 < paragraphs.len() && keys[i + 1].chars().count() <= SHORT_NEXT_CHARS {
                        furniture[i + 1] = true;
                        i += 1;
                    }
                }
                Some(Kind::Line) => furniture[i] = true,
                Some(Kind::LineAndTeasers) => {
                    furniture[i] = true;
                    while i + 1 < paragraphs.len() && is_headline_like(&keys[i + 1]) {
                        furniture[i + 1] = true;
                        i += 1;
                    }
                }
                None => {}
            }
            i += 1;
        }
        mark_teaser_runs(&keys, &mut furniture);
        mark_trailing_teasers(&keys, &mut furniture);
        furniture
    }
}

/// Headline-like paragraphs after the article's last sentence are teasers of other articles where
/// furniture stands between ("TAGS: …", then titles) or where they come two or more together.
fn mark_trailing_teasers(keys: &[String], furniture: &mut [bool]) {
    let prose = |i: usize| !furniture[i] && !is_headline_like(&keys[i]) && word_count(&keys[i]) > TEASER_WORDS / 2;
    let Some(last) = (0..keys.len()).rev().find(|&i| prose(i)) else { return };
    let tail: Vec<usize> = (last + 1..keys.len()).filter(|&i| !furniture[i] && is_headline_like(&keys[i])).collect();
    let furniture_between = |i: usize| (last + 1..i).any(|j| furniture[j]);
    let marked: Vec<usize> = tail.iter().copied().filter(|&i| tail.len() >= 2 || furniture_between(i)).collect();
    for i in marked {
        furniture[i] = true;
    }
}

/// A teaser headline: a short paragraph without a closing full stop (inside a closing quotation
/// mark too: a headline may end on a quoted name, «جاده توسعه», a quotation ends «….»); a title cut
/// off with an ellipsis is one too ("وزیر خارجه در دیدار با همتای عمانی: امنیت منطقه...").
fn is_headline_like(key: &str) -> bool {
    let words = word_count(key);
    let end = key.trim_end().trim_end_matches(['"', '”', '»', '\'', '’']);
    let quoted = end.len() < key.trim_end().len();
    let closed = end.ends_with(['.', '!', '?', '؟', '۔', ':']) && !ends_with_ellipsis(end);
    words > 0 && words <= TEASER_WORDS && !closed && !(quoted && end.ends_with(','))
}

/// A heading over teasers: short, no closing full stop ("Read more:", "More from The National").
fn is_heading(key: &str) -> bool {
    let words = word_count(key);
    words > 0 && words <= TEASER_WORDS && !key.trim_end().ends_with(['.', '!', '?', '؟', '۔'])
}

/// A teaser headline has at most this many words.
const TEASER_WORDS: usize = 20;

fn word_count(key: &str) -> usize {
    key.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()
}

fn ends_with_ellipsis(key: &str) -> bool {
    key.ends_with("...") || key.ends_with('…')
}

/// Related-article teasers come in runs of truncated paragraphs ("…", "..."); one truncated
/// paragraph alone is left to the article (a quotation may trail off).
fn mark_teaser_runs(keys: &[String], furniture: &mut [bool]) {
    let truncated: Vec<usize> = (0..keys.len()).filter(|&i| ends_with_ellipsis(&keys[i])).collect();
    for (n, &i) in truncated.iter().enumerate() {
        let near = |j: Option<&usize>| j.is_some_and(|&j| j.abs_diff(i) <= 2);
        if near(truncated.get(n + 1)) || (n > 0 && near(truncated.get(n - 1))) {
            furniture[i] = true;
        }
    }
}

/// The headline: the first paragraph that is not furniture and has at least a few words. Short lines
/// above it (site name, section, editor) are header furniture, and so are site menus anywhere.
pub fn find_title(text: &str, paragraphs: &[Span], furniture: &mut [bool]) -> Option<usize> {
    // (a site's menu, "Home | News | Politics | …", has words enough but is no headline)
    let menu = |p: &str| p.matches(['|', '•']).count() >= 2;
    for (i, p) in paragraphs.iter().enumerate() {
        furniture[i] |= menu(p.of(text));
    }
    let title = (0..paragraphs.len())
        .find(|&i| !furniture[i] && word_count(&paragraph_key(paragraphs[i].of(text))) >= SHORT_WORDS)?;
    furniture[..title].iter_mut().for_each(|f| *f = true);
    Some(title)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::segment::paragraphs;

    fn rules(lines: &[(&str, &str)]) -> FurnitureRules {
        let rules = lines
            .iter()
            .map(|(kind, phrase)| {
                let kind = match *kind {
                    "line" => Kind::Line,
                    "line+next" => Kind::LineAndNext,
                    "line+teasers" => Kind::LineAndTeasers,
                    _ => Kind::Tail,
                };
                Rule { kind, anchor: Anchor::Anywhere, key: paragraph_key(phrase) }
            })
            .collect();
        FurnitureRules { rules }
    }

    #[test]
    fn header_with_editor_name_share_box_and_related_tail() {
        let text = "رئيس مجلسى الإدارة والتحرير\nعبدالرحيم علي\nالعنوان الرئيسي للمقال هنا اليوم\nنص المقال الأول.\nشاركنا الخبر\n213\nمقالات ذات صلة\nتيزر أول...\n";
        let r = rules(&[("line+next", "رئيس مجلسى الإدارة والتحرير"), ("line", "شاركنا الخبر"), ("tail", "مقالات ذات صلة")]);
        let p = paragraphs(text);
        let mut f = r.classify(text, &p);
        assert_eq!(f, [true, true, false, false, true, true, true, true]);
        assert_eq!(find_title(text, &p, &mut f), Some(2));
    }

    #[test]
    fn a_site_menu_is_no_headline() {
        let text = "الجزيرة نت\nالرئيسية | أخبار | سياسة | اقتصاد | رياضة\nعمان تعلن اتفاقا لوقف إطلاق النار في اليمن\nنص المقال.\n";
        let p = paragraphs(text);
        let mut f = rules(&[]).classify(text, &p);
        assert_eq!(find_title(text, &p, &mut f), Some(2));
        assert_eq!(f[..2], [true, true]);
    }

    #[test]
    fn teasers_under_read_more_but_not_the_article_after_them() {
        let text = "نص المقال الأول هنا وهو طويل بما يكفي.\nاقرأ أيضا\nأردوغان يصل الدوحة في المحطة الثانية من جولته\nوقال الوزير إن المحادثات ستستمر الأسبوع المقبل.\n";
        let f = rules(&[("line+teasers", "اقرأ أيضا")]).classify(text, &paragraphs(text));
        assert_eq!(f, [false, true, true, false]);
    }

    #[test]
    fn a_teaser_heading_may_end_with_a_colon_but_is_no_sentence() {
        let r = rules(&[("line+teasers", "More from")]);
        let text = "Body of the article, which ends here.\nMore from:\nErdogan visits Baku\n";
        assert_eq!(r.classify(text, &paragraphs(text)), [false, true, true]);
        let text = "More from the interview is expected next week.\nErdogan visits Baku\n";
        assert_eq!(r.classify(text, &paragraphs(text)), [false, false]);
    }

    #[test]
    fn a_teaser_cut_off_with_an_ellipsis_is_a_teaser() {
        let text = "بیشتر بخوانید\n- سیل در شمال کشور ده‌ها خانه را ویران کرد\n- وزیر خارجه در دیدار با همتای عمانی: امنیت منطقه...\nمتن مقاله ادامه دارد و این جمله با نقطه تمام می‌شود.\n";
        let f = rules(&[("line+teasers", "بیشتر بخوانید")]).classify(text, &paragraphs(text));
        assert_eq!(f, [true, true, true, false]);
    }

    #[test]
    fn a_teaser_may_end_on_a_quoted_name_a_quotation_may_not() {
        let text = "بیشتر بخوانید\nدیدار السودانی با اردوغان در آنکارا؛ توافق بر سر «جاده توسعه»\n«ما به این توافق پایبندیم.»\n";
        let f = rules(&[("line+teasers", "بیشتر بخوانید")]).classify(text, &paragraphs(text));
        assert_eq!(f, [true, true, false]);
    }

    #[test]
    fn headlines_after_the_last_sentence_are_teasers_in_runs_or_after_furniture() {
        let body = "Officials dismissed reports that the cruise missile had been offered to Armenia, saying the subject was not on the table at all.";
        let text = format!("{body}\nTAGS: Armenia, India\nSri Lanka, India sign defence MoU during visit\n");
        let f = rules(&[("line", "^TAGS:")]).classify(&text, &paragraphs(&text));
        assert_eq!(f, [false, true, true]);
        let text = format!("{body}\nPhilippines takes delivery of coastal missile battery\nVietnam eyes Indian air defence system\n");
        assert_eq!(rules(&[]).classify(&text, &paragraphs(&text)), [false, true, true]);
        // (one short line closing the article is left to it)
        let text = format!("{body}\nThe talks resume in Baku on Monday\n");
        assert_eq!(rules(&[]).classify(&text, &paragraphs(&text)), [false, false]);
    }

    #[test]
    fn teaser_runs_are_furniture_but_a_lone_ellipsis_is_not() {
        let text = "قال الوزير إن الأمر...\nنص\nاخر الاخبار\nدعت نرجس محمدي إلى...\nاخر الاخبار\nوعد ولي العهد...\n";
        let f = rules(&[]).classify(text, &paragraphs(text));
        assert_eq!(f, [false, false, false, true, false, true]);
    }

    #[test]
    fn short_lines_above_the_headline_are_header_furniture() {
        let text = "بوابة العرب\nجار السوء.. أنقرة تشعل الصراع بين أرمينيا وأذربيجان\n";
        let p = paragraphs(text);
        let mut f = rules(&[]).classify(text, &p);
        assert_eq!(find_title(text, &p, &mut f), Some(1));
        assert_eq!(f, [true, false]);
    }
}
