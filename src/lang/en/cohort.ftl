# The words of the cohort dashboard (`cohort`), in English.
# Every message here exists in fr/cohort.ftl too (a test checks it).
# `language` in the cohort file chooses the dashboard's language.

cohort-title = { $name } — cohort dashboard
cohort-lead = As of { $today }: { $students ->
    [one] { $students } student
   *[other] { $students } students
}, { $with-data } with data{ $failed ->
    [0] {""}
   *[other] , { $failed } whose data could not be read
}; referential: { $referential }.
cohort-progression = Progression

## Needs attention

cohort-attention = Needs attention
cohort-attention-none = No student needs attention.
# After the student's name.
cohort-attention-reasons = : { $reasons }.
cohort-reason-data = their data { $reason }
cohort-reason-skills = { $covered } of { $total } skills evidenced, { $min } expected{ $by ->
    [none] {""}
   *[other] {" "}by { $by }
}
cohort-reason-undated = no dated report
cohort-reason-silent = no report for { $days } days (the last is of { $last })
cohort-reason-pages = ~{ $pages } pages, outside { $min }–{ $max }
cohort-reason-errors = `check` finds { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}

## Why a student's data cannot be used (after "data")

cohort-problem-unreachable = cannot be read: { $why }
cohort-problem-not-json = is not JSON: { $why }
cohort-problem-schema = has schema { $found }, this tool reads schema { $schema }
cohort-problem-title = uses another referential: «{ $found }», not «{ $expected }»
cohort-problem-skills = uses another referential: its skills are { $found }, not { $expected }
cohort-problem-invalid = is not a coverage document: { $why }
cohort-data-problem = Data { $reason }
cohort-source-problem = { $source } { $reason }

## Skills across the cohort

cohort-skills = Skills across the cohort
cohort-skills-lead = The share of the { $students } students with data who evidence each skill; below { $thin } it is marked thin.
cohort-col-block = Block
cohort-col-skill = Skill
cohort-col-students = Students
cohort-col-share = Share
cohort-block-all = all { $count } skills
cohort-thin = ⚠ thin

## Students × skills

cohort-grid = Students × skills
cohort-grid-lead = Each cell is the number of reports evidencing the skill, linked to its entry in the student's book, or ⚠ gap.
cohort-gap = ⚠ gap
cohort-cell-title = { $skill }: { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}
# Read by screen readers after the number.
cohort-cell-hidden = { $reports ->
    [one] report
   *[other] reports
} for { $skill }

## Students

cohort-students = Students
cohort-col-student = Student
cohort-col-book = Book
cohort-col-skills = Skills
cohort-col-gaps = Gaps
cohort-col-reports = Reports
cohort-col-last-report = Last report
cohort-col-pages = Pages
cohort-col-errors = Errors
cohort-col-warnings = Warnings
cohort-col-jury-grid = Jury grid
cohort-untitled = (untitled)
cohort-reports = { $reports } ({ $groups } group)
cohort-none-dated = none dated
cohort-pages = ~{ $pages }{ $budget ->
    [set] {" "}of { $min }–{ $max }
   *[unset] {""}
}
cohort-jury-grid = jury grid
cohort-none = none

## The progression chart

cohort-chart-empty = No dated report yet: nothing to chart.
cohort-chart-title = Skills evidenced per block, on average per student, by month
cohort-chart-caption = Skills evidenced per block, on average over the students with data, by the end of each month (reports by their validation dates).
cohort-chart-point = { $block } in { $month }: { $mean } of { $total } skills on average
cohort-chart-description = { $months } months from { $first } to { $last }. Skills evidenced on average at the end: { $blocks }.
cohort-chart-block-end = { $block } { $mean } of { $total }
cohort-chart-figures = The chart's figures
cohort-chart-month = Month
cohort-chart-block = { $block } (of { $total })

## The command's closing line

cohort-summary = cohort of { $students ->
    [one] { $students } student
   *[other] { $students } students
}, { $with-data } with data, { $failed } failed; dashboard written to { $path }
