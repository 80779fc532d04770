//! The ids of the model that the referential and the Markdown scan do not
//! define (`SkillId`, `BlockId` and `SectionId` are the referential's,
//! `HeadingId` the scan's, `ClaimId` a report's).

use crate::text::index::IdVec;
use crate::text::source::SourceFile;

crate::text::index::typed_index!(pub ReportId, "A published report, in book order.");

/// The reports' texts, by report: what their pages are made of. They are
/// kept apart from the model so that making the pages can take them (each
/// page is spliced in its text's own buffer) while the model lives on.
pub type Texts = IdVec<ReportId, SourceFile>;
