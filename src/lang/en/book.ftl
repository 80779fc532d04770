# The words of the generated pages and boxes, in English.
# Every message here exists in fr/book.ftl too (a test checks it).
# Fluent trims the spaces around a value: the code adds the spaces that
# join a message to what is before or after it.

## Numbers and dates

decimal-separator = .
percent = { $value } %
# A validation day in a sentence; English books keep the ISO form.
date = { $iso }

## Titles the book uses when book.toml does not name them

appendix-title = Skill coverage
part-title = Project reports
# The heading of the printed file's table of contents (`pdf`).
contents-title = Contents

## The appendix's head

book-problems-title = Problems in the book's sources
book-problems-note = (this box is not part of the technical file):
figures-covered = { $covered } of { $total } skills
figures-reports = are evidenced by { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
} ({ $percent }).
figures-drafts = { $drafts ->
    [one] { $drafts } draft report is left out.
   *[other] { $drafts } draft reports are left out.
}
figures-no-gap = Every skill has evidence.
figures-gaps = ⚠ Gaps:
blocks-block = Block
blocks-evidenced = Evidenced
blocks-gaps = Gaps

## A report's header box, its related reports and its problems box

header-validated = Validated
header-individual = Individual project
header-group = Group project
header-team = team: { $names }
header-role = My role
header-spelling-pending = Spelling and grammar are being checked in the background; the results show at your next save.
header-no-skill = No skill is claimed in this report yet.
header-skills-evidenced = Skills evidenced here
header-whole-report = the whole report
related-title = Related reports
related-also = also evidences { $skills }
report-problems-title = technical-file found { $count ->
    [one] { $count } problem
   *[other] { $count } problems
} in this file
report-problems-note = (this box is not part of the report; fix the problems and it goes away).
severity-error = error:
severity-warning = warning:

## The appendix's skill entries and checklist

skills-title = Skills and their evidence
skills-gap = Gap: no report evidences { $skill } yet.
skills-gap-how = Add { $marker } to the section of a report that proves it, or list { $skill } in a report's front matter { $key }.
skills-evidence-from = Evidence from { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}:
skills-whole-report = claimed for the whole report
# A few words of a report, quoted.
quoted = “{ $text }”
checklist-title = Report checklist
checklist-expected = Each report is expected to have these sections: { $sections }.
checklist-no-report = No report yet.
checklist-report = Report
checklist-date = Date
checklist-sections = Sections
checklist-missing = Missing
checklist-skills = Skills

## The appendix's matrix

matrix-title = Matrix
matrix-compact-how = With { $reports } reports, a row per report would not be readable: each block's table counts, per skill, the reports and sections that evidence it. Each skill's entry below lists its evidence, and { $command } gives every cell. { $gap } is a gap.
matrix-how = Rows are reports in book order, columns are skills. { $section } links to a section that evidences the skill, { $whole } marks a claim for the whole report, and an empty cell means no evidence. The last row counts the reports per skill; { $gap } is a gap.
matrix-no-report = No report yet: add Markdown files to the reports folder.
matrix-report = Report
matrix-mark-section = { $skill } evidenced in { $report } › { $section }
matrix-mark-whole = { $skill } claimed by the whole report { $report }
matrix-per-skill = Reports per skill
matrix-skill = Skill
matrix-wording = Wording
matrix-reports = Reports
matrix-sections = Sections

## Hand-written chapters and badges

chapter-no-evidence = no evidence yet
chapter-gap = No report evidences { $skill } yet.
chapter-see-appendix = See { $appendix }.
chapter-appendix-link = the coverage appendix
badge-unknown = unknown skill: see the build's diagnostics

## The jury grid

jury-title = Jury grid
jury-intro = For each skill, tick one box and comment. Each piece of evidence links to the report section that proves it in this book.
jury-intro-published = For each skill, tick one box and comment. Each piece of evidence links to the report section that proves it in the published book, { $url }.
jury-gaps = ⚠ marks a skill no report evidences ({ $gaps }).
jury-candidate = Candidate
jury-member = Jury member
jury-date = Date
jury-skill = Skill
jury-evidence = Evidence
jury-acquired = Acquired
jury-partly = Partly
jury-not-yet = Not yet
jury-comment = Comment
jury-no-evidence = ⚠ No evidence

## The progression chart and its data

chart-title = Progression
chart-date-key = date = YYYY-MM-DD
chart-no-date = ⚠ No report has a validation date yet, so there is no progression to draw. Add { $key } to the reports' front matter.
chart-undated-note = { $count ->
    [one] ⚠ { $count } report has no validation date and is shown after the dashed line, in book order: { $reports }. Add { $key } to their front matter to place them in time.
   *[other] ⚠ { $count } reports have no validation date and are shown after the dashed line, in book order: { $reports }. Add { $key } to their front matter to place them in time.
}
chart-drafts = { $drafts ->
    [one] { $drafts } draft report is not counted.
   *[other] { $drafts } draft reports are not counted.
}
chart-data-title = The chart's data, report by report
chart-data-number = #
chart-data-validated = Validated
chart-data-report = Report
chart-data-adds = Skills it adds
chart-data-left-out = { $count ->
    [one] { $count } report that adds no new skill is not listed.
   *[other] { $count } reports that add no new skill are not listed.
}
chart-svg-title = Skills evidenced per block over time
chart-caption-numbered = Skills evidenced per block, by the reports' validation dates. Each numbered circle is a report, in date order; each mark is a block gaining skills.
chart-caption = Skills evidenced per block, by the reports' validation dates; each mark is a block gaining skills.
chart-desc-block = { $block } { $covered } of { $total }
chart-desc = { $dated ->
    [one] { $dated } dated report
   *[other] { $dated } dated reports
} from { $first } to { $last }{ $undated ->
    [0] {""}
   *[other] , and { $undated } undated
}. Skills evidenced at the end: { $blocks }.
chart-series-title = { $block } — { $title }: { $covered } of { $total } skills
chart-mark-title = { $block }: { $covered } of { $total } after report { $number } ({ $when }), { $report }: { $skills }
chart-no-new-skill = no new skill
chart-adds = adds { $skills }
chart-undated = undated
chart-month = { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
} { $year }
