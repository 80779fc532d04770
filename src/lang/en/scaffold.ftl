# What `init` and `new` write into a new book, in English.
# Every message here exists in fr/scaffold.ftl too.

## book.toml and words.txt

init-first-report = first-project
init-default-author = Your Name
init-default-title = Technical file — { $author }
init-toml-referential = The skills to prove (the embedded RNCP referential if unset).
init-toml-build-dir = Build output stays under target/ (ignored by git).
init-toml-watch = `mdbook serve` rebuilds when a report changes.
init-toml-before-links = Run before mdBook's `links` preprocessor so that `{"{{"}#include{"}}"}` works in
init-toml-before-links-2 = reports (paths relative to the report).
init-toml-jury = A page for the jury to evaluate the file on paper, one row per skill (its
init-toml-jury-2 = links lead to the published book: the Pages workflow sets `site-url`).
init-words = Your project's own words (names, internal tools), one per line.

## The hand-written chapters

init-summary = Summary
init-introduction = Introduction
init-introduction-guidance = Who you are, the training, the projects this technical file draws on, and how to read it.
init-conclusion = Conclusion
init-conclusion-guidance = What you can do now that you could not before, what is left to learn, and what comes next.
init-part-technical-file = Technical file
init-part-evidence = Evidence
init-reports = Project reports
init-reports-text = One chapter per validated project follows, each with the skills it evidences.
init-block = Block { $number } — { $title }
init-skill-guidance = What you did for this skill, in which projects, what you learned and what is left; then the evidence.
init-skill-evidence = Evidence in the reports: { $directive }.
init-next = next: write reports/{ $report }.md, then `mdbook serve --open` to preview and `mdbook-technical-file check` before handing in

## A new report's front matter (`new`)

new-date = the day the project was validated
new-team = group project: ["Your Name", "Teammate", ...]
new-role = group project: what you did yourself
new-skills = skills the whole report evidences, e.g. ["C1.2"]
new-draft = uncomment to leave the report out of the book
new-marker = End the paragraph that proves a skill with a marker such as { $marker } (ids or slugs; `mdbook-technical-file coverage` lists them).
