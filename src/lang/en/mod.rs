//! English data: the learner rules (see `../learner.rs` for their shape).

pub mod learner;
