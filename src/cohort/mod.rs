//! The school's view: a dashboard over a cohort's technical files, made
//! from the coverage document each student's book publishes
//! (`render::published`). Pure: the cohort file (`file`) and each
//! student's bytes (`data`) come in as text, the figures (`model`) go out
//! as a page (`page`, with its chart, `chart`), CSV and JSON (`export`).
//! Reading files and fetching addresses is the edge's (`cli::cohort`).

pub mod chart;
pub mod data;
pub mod export;
pub mod file;
pub mod model;
pub mod page;
