//! The text layer: language, paragraphs, sentences, tokens, furniture and dates of one article.
//! The original text is never altered; everything here points into it by byte offsets.

pub mod dates;
pub mod filters;
pub mod furniture;
pub mod lang;
pub mod normalize;
pub mod segment;
pub mod token;

use std::ops::Range;
use std::path::Path;

use crate::data::{DataError, RowProblem};
use dates::Months;
use furniture::FurnitureRules;
use lang::{Detected, Lang};
use segment::Span;
use token::{Analyzer, Token};

/// One paragraph (line) of the article.
#[derive(Debug, Clone)]
pub struct Paragraph {
    pub span: Span,
    pub furniture: bool,
    /// The paragraph's own language where it can be told (a page may mix languages).
    pub lang: Option<Lang>,
    /// The paragraph's tokens, as a range of [`TextDoc::tokens`].
    pub tokens: Range<usize>,
}

/// One sentence, inside one paragraph.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
    pub tokens: Range<usize>,
}

/// An article analysed by the text layer.
#[derive(Debug, Clone)]
pub struct TextDoc {
    pub text: String,
    /// The language of the article body.
    pub lang: Detected,
    pub paragraphs: Vec<Paragraph>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Token>,
    /// Index of the headline paragraph.
    pub title: Option<usize>,
}

impl TextDoc {
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        s.span.of(&self.text)
    }

    pub fn furniture_count(&self) -> usize {
        self.paragraphs.iter().filter(|p| p.furniture).count()
    }

    /// The supported language of the body, if any.
    pub fn body_lang(&self) -> Option<Lang> {
        match self.lang {
            Detected::Supported(l) => Some(l),
            _ => None,
        }
    }
}

/// The loaded text-layer knowledge: furniture phrases and month names of every language.
pub struct TextLayer {
    pub furniture: FurnitureRules,
    pub months: Months,
    analyzers: [Analyzer; 3],
}

impl TextLayer {
    pub fn load(data_dir: &Path, problems: &mut Vec<RowProblem>) -> Result<TextLayer, DataError> {
        let lexicon = data_dir.join("lexicon");
        Ok(TextLayer {
            furniture: FurnitureRules::load(&lexicon, problems)?,
            months: Months::load(&lexicon, problems)?,
            analyzers: [analyzer(Lang::Ar), analyzer(Lang::Fa), analyzer(Lang::En)],
        })
    }

    pub fn analyzer(&self, lang: Lang) -> &Analyzer {
        &self.analyzers[Lang::ALL.iter().position(|l| *l == lang).expect("a language")]
    }

    pub fn analyze(&self, text: String) -> TextDoc {
        let spans = segment::paragraphs(&text);
        let mut furniture = self.furniture.classify(&text, &spans);
        let title = furniture::find_title(&text, &spans, &mut furniture);
        let body: String = spans.iter().zip(&furniture).filter(|(_, f)| !**f).map(|(s, _)| s.of(&text)).collect::<Vec<_>>().join("\n");
        let doc_lang = lang::detect(&body);
        let mut paragraphs = Vec::with_capacity(spans.len());
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        for (i, span) in spans.iter().enumerate() {
            let para_lang = match lang::detect(span.of(&text)) {
                Detected::Supported(l) => Some(l),
                Detected::Unknown => None,
                Detected::Unsupported(_) => None,
            };
            // a short line is too little evidence against the page's language
            let use_lang = match (para_lang, &doc_lang) {
                (Some(l), _) if span.end - span.start > 80 => l,
                (_, Detected::Supported(l)) => *l,
                (Some(l), _) => l,
                _ => Lang::En,
            };
            let analyzer = self.analyzer(use_lang);
            let first_token = tokens.len();
            for s in segment::sentences(&text, *span) {
                let start = tokens.len();
                tokens.extend(analyzer.tokens(&text, s.start, s.end));
                sentences.push(Sentence { span: s, paragraph: i, tokens: start..tokens.len() });
            }
            paragraphs.push(Paragraph { span: *span, furniture: furniture[i], lang: para_lang, tokens: first_token..tokens.len() });
        }
        TextDoc { text, lang: doc_lang, paragraphs, sentences, tokens, title }
    }
}

fn analyzer(lang: Lang) -> Analyzer {
    match lang {
        Lang::Fa => Analyzer::builder().filter(filters::PersianAffixJoin).build(),
        Lang::Ar | Lang::En => Analyzer::builder().build(),
    }
}
