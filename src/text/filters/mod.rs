//! Token filters of the analysis chain, one per file.

mod persian_affix_join;

pub use persian_affix_join::PersianAffixJoin;
