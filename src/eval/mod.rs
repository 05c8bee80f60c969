//! Measuring extraction: pattern test cases (`khabar test-patterns`) and scoring against gold
//! annotations (`khabar eval`).

pub mod cases;
pub mod gold;
