//! Counts of the steps whose cost could grow faster than the book (matrix
//! building, anchor uniqueness, related reports, link checking, marker
//! look-ups). A test compares the counts at 1,000 and 5,000 reports to
//! prove they stay linear, without timing anything. Counting happens only
//! with the `test-support` feature (a relaxed atomic add per step);
//! without it `add` compiles to nothing.

#[cfg(feature = "test-support")]
use std::sync::atomic::{AtomicU64, Ordering};

/// A step that is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A claim put into the coverage matrix.
    MatrixClaim,
    /// A look-up of one cell of the matrix.
    MatrixCell,
    /// A candidate id tried while making heading ids unique.
    IdProbe,
    /// A candidate report looked at for "related reports".
    RelatedCandidate,
    /// A link between reports checked.
    LinkCheck,
    /// A marker looked at while computing a heading's text.
    HeadingMarker,
}

#[cfg(feature = "test-support")]
pub const STEPS: [Step; 6] = [
    Step::MatrixClaim,
    Step::MatrixCell,
    Step::IdProbe,
    Step::RelatedCandidate,
    Step::LinkCheck,
    Step::HeadingMarker,
];

#[cfg(feature = "test-support")]
static COUNTS: [AtomicU64; 6] = [const { AtomicU64::new(0) }; 6];

/// Counts `n` more of `step`.
#[inline(always)]
pub fn add(step: Step, n: u64) {
    #[cfg(feature = "test-support")]
    COUNTS[step as usize].fetch_add(n, Ordering::Relaxed);
    #[cfg(not(feature = "test-support"))]
    let _ = (step, n);
}

/// The counts so far, in the order of `STEPS`.
#[cfg(feature = "test-support")]
pub fn counts() -> [u64; 6] {
    std::array::from_fn(|i| COUNTS[i].load(Ordering::Relaxed))
}
