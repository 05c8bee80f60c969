//! Quantities stated with a relation: shares ("60٪", "69%"), amounts ("4.5 مليار دولار", "$2 billion")
//! and periods ("2015-2019", "في أعوام 2016-2020").

use serde::{Deserialize, Serialize};

use crate::text::token::{Token, TokenKind};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Quantity {
    /// A percentage.
    Share { percent: f64, text: String },
    /// An amount of money, in units (4.5 billion = 4.5e9).
    Amount { value: f64, currency: String, text: String },
    /// A span of years.
    Period { from: i32, to: i32, text: String },
}

/// Words for scales and currencies, folded ("مليار", "میلیارد", "billion").
const SCALES: &[(&str, f64)] = &[
    ("الف", 1e3), ("هزار", 1e3), ("thousand", 1e3),
    ("مليون", 1e6), ("ميليون", 1e6), ("million", 1e6),
    ("مليار", 1e9), ("ميليارد", 1e9), ("billion", 1e9), ("bn", 1e9),
];
const CURRENCIES: &[(&str, &str)] = &[
    ("دولار", "USD"), ("دلار", "USD"), ("dollar", "USD"), ("dollars", "USD"), ("$", "USD"), ("usd", "USD"),
    ("يورو", "EUR"), ("euro", "EUR"), ("euros", "EUR"), ("€", "EUR"),
];

fn number(t: &Token) -> Option<f64> {
    (t.kind == TokenKind::Number).then(|| t.key.replace(',', "").parse().ok()).flatten()
}

/// The quantities stated in `tokens` (one sentence), with their surface text.
pub fn find(text: &str, tokens: &[Token]) -> Vec<Quantity> {
    let surface = |a: usize, b: usize| text[tokens[a].start..tokens[b].end].to_string();
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let Some(value) = number(&tokens[i]) else {
            i += 1;
            continue;
        };
        let next = |k: usize| tokens.get(i + k).map(|t| t.key.as_str());
        if next(1) == Some("%") || next(1) == Some("درصد") || next(1) == Some("percent") {
            out.push(Quantity::Share { percent: value, text: surface(i, i + 1) });
            i += 2;
            continue;
        }
        if let (Some("-"), Some(to)) = (next(1), tokens.get(i + 2).and_then(number)) {
            if (1900.0..2100.0).contains(&value) && (1900.0..2100.0).contains(&to) && to > value {
                out.push(Quantity::Period { from: value as i32, to: to as i32, text: surface(i, i + 2) });
                i += 3;
                continue;
            }
        }
        let dollar_before = i > 0 && tokens[i - 1].key == "$";
        let mut k = 1;
        let mut amount = value;
        if let Some((_, scale)) = next(k).and_then(|w| SCALES.iter().find(|(s, _)| *s == w)) {
            amount *= scale;
            k += 1;
        }
        let currency = next(k).and_then(|w| CURRENCIES.iter().find(|(c, _)| *c == w)).map(|(_, c)| *c);
        match (currency, dollar_before) {
            (Some(c), _) => {
                out.push(Quantity::Amount { value: amount, currency: c.into(), text: surface(i, i + k) });
                i += k + 1;
            }
            (None, true) => {
                out.push(Quantity::Amount { value: amount, currency: "USD".into(), text: surface(i - 1, i + k - 1) });
                i += k;
            }
            _ => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::token::tokenize;

    fn q(text: &str) -> Vec<Quantity> {
        find(text, &tokenize(text, 0))
    }

    #[test]
    fn shares_amounts_and_periods_in_three_languages() {
        assert_eq!(q("حوالى 60٪ من واردات الدفاع في أعوام 2015-2019"), [
            Quantity::Share { percent: 60.0, text: "60٪".into() },
            Quantity::Period { from: 2015, to: 2019, text: "2015-2019".into() },
        ]);
        assert_eq!(q("نحو ٤.٥ مليار دولار"), [Quantity::Amount { value: 4.5e9, currency: "USD".into(), text: "٤.٥ مليار دولار".into() }]);
        assert_eq!(q("حجم تجارت ۴.۵ میلیارد دلار"), [Quantity::Amount { value: 4.5e9, currency: "USD".into(), text: "۴.۵ میلیارد دلار".into() }]);
        assert_eq!(q("worth $2 billion"), [Quantity::Amount { value: 2e9, currency: "USD".into(), text: "$2 billion".into() }]);
        assert!(q("بعد 30 عاما").is_empty());
    }
}
