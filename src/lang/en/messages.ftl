# What the tool says to the student in a terminal, the preview and the
# editor, in English. Every message here exists in fr/messages.ftl too.
# The codes (`spelling`, `missing-sections`) are not translated.

## The line at the end of every build

build-reports-skills = { $reports ->
    [one] { $reports } report
   *[other] { $reports } reports
}, { $covered }/{ $total } skills ({ $blocks })
build-gaps = gaps: { $gaps }
build-pages = ~{ $pages } pages
build-spelling-pending = spelling of { $files ->
    [one] { $files } file
   *[other] { $files } files
} checking in the background
build-errors = { $errors ->
    [one] { $errors } error
   *[other] { $errors } errors
}
build-warnings = { $warnings ->
    [one] { $warnings } warning
   *[other] { $warnings } warnings
}
