//! The mdBook side: reading the book's files, running the pipeline on
//! mdBook's book, and the preprocessor protocol.

pub mod assemble;
pub mod confine;
pub mod editor;
pub mod engine;
pub mod load;
pub mod preprocessor;
