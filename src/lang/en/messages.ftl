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

## Checks of each report

report-name = report file names should be lower-case words joined by `-`, like the brief's `project-name.md`; `{ $stem }.md` is not
report-name-help = rename it `{ $name }.md`
missing-sections = missing expected { $count ->
    [one] section
   *[other] sections
}: { $sections }
missing-sections-help = add a heading for each, e.g. `## { $first }`
no-skill = this report claims no skill
no-skill-help = add `{"{{"}#skill ID{"}}"}` at the end of the paragraph that proves a skill
single-evidence = { $skill } ({ $slug }) is evidenced by this report only
single-evidence-help = a skill is more convincing with evidence from two projects
thin-evidence = this marker sits in a section of { $words } words, too thin to evidence a skill
thin-evidence-help = describe what you did and why in at least { $minimum } words
missing-role = a group project (with a `team`) should say what you did
missing-role-help = add `role = "..."` to the front matter
missing-alt = the image `{ $image }` has no alternative text
missing-alt-help = say what it shows between the brackets: `![What it shows](…)`

## Checks of the whole book

jury-grid-relative-links = the jury grid links to the evidence inside this book only: `[output.html] site-url` is not set, so a printed grid cannot lead to the hosted sections
jury-grid-relative-links-partial = the jury grid links to the evidence inside this book only: `site-url = "{ $url }"` is not a full address, so a printed grid cannot lead to the hosted sections
jury-grid-relative-links-help = set `site-url` under `[output.html]` to the published book's address, e.g. "https://<user>.github.io/<repository>/"
coverage = coverage is { $covered }/{ $total } ({ $percent } %), below `min-coverage = { $min }`
block-coverage = block { $block } coverage is { $covered }/{ $total } ({ $percent } %), below the minimum { $min }
coverage-help = evidence the gaps: { $gaps }
page-budget = the hand-written technical file is ~{ $pages } pages ({ $words } words), { $side ->
    [below] below
   *[above] above
} the { $min }–{ $max } pages asked for
page-budget-help = about { $words } words and { $lines } code lines fill an A4 page; `pdf` counts real pages. By chapter: { $chapters }
page-budget-chapter = { $path } ~{ $pages } ({ $words ->
    [one] { $words } word
   *[other] { $words } words
}, { $printed ->
    [one] { $printed } page
   *[other] { $printed } pages
} printed)

## Markers, skills, links and encodings

did-you-mean = did you mean { $option }?
encoding-utf16 = the file is UTF-16 ({ $order ->
    [big] big endian
   *[little] little endian
}); it was converted, but mdBook and most tools expect UTF-8
encoding-utf16-help = save the file as UTF-8
encoding-invalid = the file is not valid UTF-8; unreadable bytes are shown as �
encoding-invalid-help = save the file as UTF-8 (it is probably Windows-1252 or Latin-1)
unknown-skill = unknown skill `{ $skill }`
unknown-skill-help = use a skill id like `C1.3` or a slug like `observability`; `mdbook-technical-file coverage` lists them
unclosed-marker = `{ $open }` is not closed in this paragraph
unclosed-marker-help = close it with `{"}}"}`, e.g. `{"{{"}#skill C1.3{"}}"}`
interrupted-marker = `{ $open }` is interrupted by formatting or HTML before its `{"}}"}`
interrupted-marker-help = write the ids as plain text, e.g. `{"{{"}#skill C1.3{"}}"}`
empty-marker = `{ $marker }` names no skill
empty-marker-help = write the skill id, e.g. `{ $marker }`
marker-in-html = `{ $marker }` inside raw HTML or an image description is not read
marker-in-html-help = move it into the Markdown text of the section
broken-link-page = link to `{ $path }`, which is not a page of the book
broken-link-heading = link to the heading `#{ $anchor }`, which does not exist

## Front matter

unterminated-front-matter = front matter opened with `{ $fence }` is never closed
unterminated-front-matter-help = add a line `{ $fence }` after the last key, or remove the first line if it is not front matter
malformed-front-matter = invalid { $language } front matter: { $error }
unknown-front-matter-key = unknown front matter key `{ $key }`; it is ignored
unknown-front-matter-key-help = known keys: { $keys }
front-matter-type = `{ $key }` must be { $expected ->
    [string] a string
    [boolean] true or false
    [date] a date like 2025-11-14
    [names] a list of names
   *[skill-ids] a list of skill ids
}, found { $found ->
    [string] a string
    [integer] an integer
    [float] a float
    [boolean] a boolean
    [date] a date
    [list] a list
    [table] a table
   *[nothing] nothing
}
front-matter-type-help = write it like `{ $key } = { $example }`
front-matter-item-type = every item of `{ $key }` must be a string, found { $found ->
    [string] a string
    [integer] an integer
    [float] a float
    [boolean] a boolean
    [date] a date
    [list] a list
    [table] a table
   *[nothing] nothing
}
front-matter-date = `date` must be a day written YYYY-MM-DD, found `{ $written }`
front-matter-date-help = write the validation day, e.g. `date = 2025-11-14`
unsupported-report-language = `lang = "{ $tag }"` is not a language the tool supports; this report gets no spelling
unsupported-language-help = supported: { $supported }

## book.toml and the book's folders

invalid-config = `{ $key }` must be { $expected ->
    [markdown-path] a path ending in `.md`
    [order] "date" or "name"
    [boolean] true or false
    [share] a share between 0 and 1, like 0.9
    [shares] a share between 0 and 1, or a table of them by block id
    [pages] two page counts like [8, 10], or false
    [page-counts] two page counts like [8, 10]
    [positive] a positive number
    [keywords] a list of words like ["devops", "cloud"]
    [english] "american", "british", "canadian" or "australian"
    [show-diagnostics] "preview", "always" or "never"
    [table] a table of `cover`, `contents`, `school` and `date`
    [date] a date like "2026-06-15"
   *[string] a string
}; the default is used
unknown-config-key = unknown key `{ $key }`; it is ignored
report-name-unicode = this file name is not valid Unicode, so the file is skipped
report-name-unicode-help = rename it with plain letters, digits and `-`
reports-folder-file = `{ $folder }` is a file, but the reports folder must be a folder of Markdown files
reports-folder-file-help = set `reports = "..."` in [preprocessor.technical-file] to the folder of your reports
reports-folder-missing = the reports folder `{ $folder }` does not exist, so the book has no report
reports-folder-missing-help = create a first report with `mdbook-technical-file new <project-name>`
reports-folder-unreadable = the reports folder `{ $folder }` cannot be read: { $error }
word-list-unreadable = the word list cannot be read: { $error }; spelling is checked without it
word-list-unreadable-help = check `dictionary` in [preprocessor.technical-file], relative to the book root

## Files a report embeds or includes

large-asset = `{ $file }` is { $size } MB; every page view downloads it
large-asset-help = compress the image (e.g. PNG → WebP) or reduce its size
asset-reference-link = a reference-style link to a local file cannot be embedded
asset-reference-link-help = write it inline: `({ $file })`
too-large-asset = `{ $file }` is { $size } MB, too large to embed in the page
too-large-asset-help = publish it elsewhere and link to it, or make it smaller than 10 MB
asset-outside-book = `{ $file }` leads outside the book folder, to `{ $real }`: it is not read
asset-outside-book-help = move the file next to the reports, e.g. into `reports/img/` (a symbolic link must point inside the book too)
missing-asset = `{ $file }` cannot be read: { $why }
missing-asset-help = check the path: it is read from `{ $path }`
include-not-run = mdBook runs its `links` preprocessor before this tool, so this include is printed as text
include-not-run-help = add `before = ["links"]` to [preprocessor.technical-file] in book.toml (or run `mdbook-technical-file install`)
include-absolute = an absolute path is never published: the include is not read
include-absolute-help = write the path relative to the report, to a file inside the book folder
include-path-space = mdBook cannot include this file: the path of the book folder contains a space or a colon
include-path-space-help = move the book to a folder whose path has no spaces or colons
include-outside-book = `{ $include }` leads outside the book folder, to `{ $real }`: the include is not read
include-outside-book-help = move the file into the book folder (a symbolic link must point inside it too)
include-unreadable = `{ $include }` cannot be included: { $why }
include-unreadable-help = check the path: it is relative to the report
include-unchecked = `{ $include }` was not checked, so it is not included
include-unchecked-help = build the book with mdBook or this tool's `build`

## The language server: hovers, code actions, code lens

lsp-help = help: { $help }
lsp-hover-gap = Not evidenced yet: a gap of the technical file.
lsp-hover-evidenced-in = Evidenced in:
lsp-hover-no-date = no validation date
lsp-hover-validated = validated { $date }
lsp-replace-with = Replace with `{ $option }`
lsp-add-sections = Add the missing sections
lsp-add-to-dictionary = Add `{ $word }` to the dictionary ({ $dictionary })
lsp-lens = evidences { $count ->
    [0] no skill yet
   *[other] { $skills }
} · book { $covered }/{ $total } skills
lsp-lens-chapter = { $words ->
    [one] { $words } word
   *[other] { $words } words
}, ~{ $pages } pages ({ $printed } printed) of the file's ~{ $total }{ $budget ->
    [set] {" "}({ $min }–{ $max } asked)
   *[unset] {""}
}
unsupported-chapter-language = `<!-- lang: { $tag } -->` is not a language the tool supports; this chapter gets no spelling
missing-chapter = SUMMARY.md lists `{ $path }`, which does not exist: the chapter is left out
missing-chapter-help = write the file, or make the chapter a draft on purpose: `- [{ $name }]()`

## What `pdf` says at the end

# Between two clauses of a line.
clause-separator = {"; "}

pdf-summary = { $pdf }: technical file { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $side ->
    [below] below the { $min }–{ $max } pages asked for
    [above] above the { $min }–{ $max } pages asked for
    [within] within the { $min }–{ $max } pages asked for
   *[unset] no page budget
}; estimate ~{ $estimate }), { $total ->
    [one] { $total } page
   *[other] { $total } pages
} in total
pdf-chapter = { $title }: { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
pdf-chapter-unknown = { $title }: its first page is not in the PDF
pdf-links-found = links to { $places ->
    [one] { $places } place
   *[other] { $places } places
} inside it, all found
pdf-links-nowhere = warning: links to { $broken } of its { $places ->
    [one] { $places } place
   *[other] { $places } places
} lead nowhere ({ $anchors })
pdf-no-outline = warning: the PDF has no outline (bookmarks); a Chromium from 2024 or later makes one from the headings
pdf-not-a4 = warning: pages are { $width } × { $height } pt, not A4 (595 × 842 pt)
pdf-jury = { $pdf }: jury grid, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
pdf-jury-links = links to { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
} of the reports at { $url }
pdf-jury-links-local = links to the evidence in the built book only (set `site-url` under `[output.html]` to the published address for links that work from paper)
