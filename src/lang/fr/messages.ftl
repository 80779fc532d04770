# Ce que l'outil dit à l'étudiant dans un terminal, l'aperçu et l'éditeur,
# en français. Chaque message existe aussi dans en/messages.ftl.
# Les codes (`spelling`, `missing-sections`) ne sont pas traduits.

## La ligne de fin de chaque construction

build-reports-skills = { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
}, { $covered }/{ $total } compétences ({ $blocks })
build-gaps = lacunes : { $gaps }
build-pages = ~{ $pages } pages
build-spelling-pending = orthographe de { $files ->
    [one] { $files } fichier
   *[other] { $files } fichiers
} en cours de vérification
build-errors = { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}
build-warnings = { $warnings ->
    [one] { $warnings } avertissement
   *[other] { $warnings } avertissements
}

## Vérifications de chaque rapport

report-name = les noms de fichier des rapports sont des mots en minuscules joints par `-`, comme le `project-name.md` de la consigne ; `{ $stem }.md` ne l'est pas
report-name-help = renommez-le `{ $name }.md`
missing-sections = { $count ->
    [one] section attendue manquante
   *[other] sections attendues manquantes
} : { $sections }
missing-sections-help = ajoutez un titre pour chacune, par exemple `## { $first }`
no-skill = ce rapport n'atteste aucune compétence
no-skill-help = ajoutez `{"{{"}#skill ID{"}}"}` à la fin du paragraphe qui prouve une compétence
single-evidence = { $skill } ({ $slug }) n'est attestée que par ce rapport
single-evidence-help = une compétence convainc davantage avec les preuves de deux projets
thin-evidence = ce marqueur est dans une section de { $words } mots, trop mince pour attester une compétence
thin-evidence-help = décrivez ce que vous avez fait et pourquoi en au moins { $minimum } mots
missing-role = un projet de groupe (avec une `team`) doit dire ce que vous avez fait
missing-role-help = ajoutez `role = "..."` à l'en-tête
missing-alt = l'image `{ $image }` n'a pas de texte de remplacement
missing-alt-help = dites ce qu'elle montre entre les crochets : `![Ce qu'elle montre](…)`

## Vérifications du livre entier

jury-grid-relative-links = la grille du jury ne renvoie qu'aux preuves de ce livre : `[output.html] site-url` n'est pas défini, donc une grille imprimée ne peut pas mener aux sections publiées
jury-grid-relative-links-partial = la grille du jury ne renvoie qu'aux preuves de ce livre : `site-url = "{ $url }"` n'est pas une adresse complète, donc une grille imprimée ne peut pas mener aux sections publiées
jury-grid-relative-links-help = indiquez dans `site-url`, sous `[output.html]`, l'adresse du livre publié, par exemple "https://<utilisateur>.github.io/<dépôt>/"
coverage = la couverture est de { $covered }/{ $total } ({ $percent } %), sous `min-coverage = { $min }`
block-coverage = la couverture du bloc { $block } est de { $covered }/{ $total } ({ $percent } %), sous le minimum { $min }
coverage-help = apportez des preuves pour les lacunes : { $gaps }
page-budget = le dossier technique rédigé fait ~{ $pages } pages ({ $words } mots), { $side ->
    [below] en dessous des
   *[above] au-dessus des
} { $min } à { $max } pages demandées
page-budget-help = environ { $words } mots et { $lines } lignes de code remplissent une page A4 ; `pdf` compte les pages réelles. Par chapitre : { $chapters }
page-budget-chapter = { $path } ~{ $pages } ({ $words ->
    [one] { $words } mot
   *[other] { $words } mots
}, { $printed ->
    [one] { $printed } page imprimée
   *[other] { $printed } pages imprimées
})

## Marqueurs, compétences, liens et encodages

did-you-mean = vouliez-vous dire { $option } ?
encoding-utf16 = le fichier est en UTF-16 ({ $order ->
    [big] gros-boutiste
   *[little] petit-boutiste
}) ; il a été converti, mais mdBook et la plupart des outils attendent de l'UTF-8
encoding-utf16-help = enregistrez le fichier en UTF-8
encoding-invalid = le fichier n'est pas de l'UTF-8 valide ; les octets illisibles sont affichés comme �
encoding-invalid-help = enregistrez le fichier en UTF-8 (il est probablement en Windows-1252 ou en Latin-1)
unknown-skill = compétence inconnue `{ $skill }`
unknown-skill-help = utilisez un identifiant comme `C1.3` ou un nom court comme `observability` ; `mdbook-technical-file coverage` les liste
unclosed-marker = `{ $open }` n'est pas fermé dans ce paragraphe
unclosed-marker-help = fermez-le par `{"}}"}`, par exemple `{"{{"}#skill C1.3{"}}"}`
interrupted-marker = `{ $open }` est interrompu par une mise en forme ou du HTML avant son `{"}}"}`
interrupted-marker-help = écrivez les identifiants en texte simple, par exemple `{"{{"}#skill C1.3{"}}"}`
empty-marker = `{ $marker }` ne nomme aucune compétence
empty-marker-help = écrivez l'identifiant de la compétence, par exemple `{ $marker }`
marker-in-html = `{ $marker }` à l'intérieur de HTML brut ou d'une description d'image n'est pas lu
marker-in-html-help = déplacez-le dans le texte Markdown de la section
broken-link-page = lien vers `{ $path }`, qui n'est pas une page du livre
broken-link-heading = lien vers le titre `#{ $anchor }`, qui n'existe pas

## En-tête (front matter)

unterminated-front-matter = l'en-tête ouvert par `{ $fence }` n'est jamais fermé
unterminated-front-matter-help = ajoutez une ligne `{ $fence }` après la dernière clé, ou supprimez la première ligne si ce n'est pas un en-tête
malformed-front-matter = en-tête { $language } invalide : { $error }
unknown-front-matter-key = clé d'en-tête inconnue `{ $key }` ; elle est ignorée
unknown-front-matter-key-help = clés connues : { $keys }
front-matter-type = `{ $key }` doit être { $expected ->
    [string] une chaîne
    [boolean] true ou false
    [date] une date comme 2025-11-14
    [names] une liste de noms
   *[skill-ids] une liste d'identifiants de compétences
}, trouvé { $found ->
    [string] une chaîne
    [integer] un entier
    [float] un nombre décimal
    [boolean] un booléen
    [date] une date
    [list] une liste
    [table] une table
   *[nothing] rien
}
front-matter-type-help = écrivez-la comme `{ $key } = { $example }`
front-matter-item-type = chaque élément de `{ $key }` doit être une chaîne, trouvé { $found ->
    [string] une chaîne
    [integer] un entier
    [float] un nombre décimal
    [boolean] un booléen
    [date] une date
    [list] une liste
    [table] une table
   *[nothing] rien
}
front-matter-date = `date` doit être un jour écrit AAAA-MM-JJ, trouvé `{ $written }`
front-matter-date-help = écrivez le jour de la validation, par exemple `date = 2025-11-14`
unsupported-report-language = `lang = "{ $tag }"` n'est pas une langue prise en charge par l'outil ; ce rapport n'a pas de vérification orthographique
unsupported-language-help = prises en charge : { $supported }

## book.toml et les dossiers du livre

invalid-config = `{ $key }` doit être { $expected ->
    [markdown-path] un chemin qui se termine par `.md`
    [order] "date" ou "name"
    [boolean] true ou false
    [share] une part entre 0 et 1, comme 0.9
    [shares] une part entre 0 et 1, ou une table de parts par identifiant de bloc
    [pages] deux nombres de pages comme [8, 10], ou false
    [page-counts] deux nombres de pages comme [8, 10]
    [positive] un nombre positif
    [keywords] une liste de mots comme ["devops", "cloud"]
    [english] "american", "british", "canadian" ou "australian"
    [show-diagnostics] "preview", "always" ou "never"
    [table] une table de `cover`, `contents`, `school` et `date`
    [date] une date comme "2026-06-15"
   *[string] une chaîne
} ; la valeur par défaut est utilisée
unknown-config-key = clé inconnue `{ $key }` ; elle est ignorée
report-name-unicode = ce nom de fichier n'est pas de l'Unicode valide, le fichier est donc ignoré
report-name-unicode-help = renommez-le avec des lettres simples, des chiffres et des `-`
reports-folder-file = `{ $folder }` est un fichier, mais le dossier des rapports doit être un dossier de fichiers Markdown
reports-folder-file-help = indiquez `reports = "..."` dans [preprocessor.technical-file], le dossier de vos rapports
reports-folder-missing = le dossier des rapports `{ $folder }` n'existe pas, le livre n'a donc aucun rapport
reports-folder-missing-help = créez un premier rapport avec `mdbook-technical-file new <nom-du-projet>`
reports-folder-unreadable = le dossier des rapports `{ $folder }` ne peut pas être lu : { $error }
word-list-unreadable = la liste de mots ne peut pas être lue : { $error } ; l'orthographe est vérifiée sans elle
word-list-unreadable-help = vérifiez `dictionary` dans [preprocessor.technical-file], relatif à la racine du livre

## Fichiers qu'un rapport intègre ou inclut

large-asset = `{ $file }` pèse { $size } Mo ; chaque affichage de la page le télécharge
large-asset-help = compressez l'image (par exemple PNG → WebP) ou réduisez sa taille
asset-reference-link = un lien de style référence vers un fichier local ne peut pas être intégré
asset-reference-link-help = écrivez-le en ligne : `({ $file })`
too-large-asset = `{ $file }` pèse { $size } Mo, trop pour être intégré à la page
too-large-asset-help = publiez-le ailleurs et faites-y un lien, ou rendez-le plus petit que 10 Mo
asset-outside-book = `{ $file }` mène hors du dossier du livre, vers `{ $real }` : il n'est pas lu
asset-outside-book-help = placez le fichier à côté des rapports, par exemple dans `reports/img/` (un lien symbolique doit aussi pointer dans le livre)
missing-asset = `{ $file }` ne peut pas être lu : { $why }
missing-asset-help = vérifiez le chemin : il est lu depuis `{ $path }`
include-not-run = mdBook exécute son préprocesseur `links` avant cet outil, donc cette inclusion est affichée telle quelle
include-not-run-help = ajoutez `before = ["links"]` à [preprocessor.technical-file] dans book.toml (ou lancez `mdbook-technical-file install`)
include-absolute = un chemin absolu n'est jamais publié : l'inclusion n'est pas lue
include-absolute-help = écrivez le chemin relatif au rapport, vers un fichier du dossier du livre
include-path-space = mdBook ne peut pas inclure ce fichier : le chemin du dossier du livre contient une espace ou un deux-points
include-path-space-help = déplacez le livre dans un dossier dont le chemin n'a ni espace ni deux-points
include-outside-book = `{ $include }` mène hors du dossier du livre, vers `{ $real }` : l'inclusion n'est pas lue
include-outside-book-help = placez le fichier dans le dossier du livre (un lien symbolique doit aussi pointer dedans)
include-unreadable = `{ $include }` ne peut pas être inclus : { $why }
include-unreadable-help = vérifiez le chemin : il est relatif au rapport
include-unchecked = `{ $include }` n'a pas été vérifié, il n'est donc pas inclus
include-unchecked-help = construisez le livre avec mdBook ou la commande `build` de cet outil

## Le serveur de langage : survols, actions de code, code lens

lsp-help = aide : { $help }
lsp-hover-gap = Pas encore attestée : une lacune du dossier technique.
lsp-hover-evidenced-in = Attestée dans :
lsp-hover-no-date = pas de date de validation
lsp-hover-validated = validé le { $date }
lsp-replace-with = Remplacer par `{ $option }`
lsp-add-sections = Ajouter les sections manquantes
lsp-add-to-dictionary = Ajouter `{ $word }` au dictionnaire ({ $dictionary })
lsp-lens = atteste { $count ->
    [0] encore aucune compétence
   *[other] { $skills }
} · livre { $covered }/{ $total } compétences
lsp-lens-chapter = { $words ->
    [one] { $words } mot
   *[other] { $words } mots
}, ~{ $pages } pages ({ $printed ->
    [one] { $printed } imprimée
   *[other] { $printed } imprimées
}) sur les ~{ $total } du dossier{ $budget ->
    [set] {" "}({ $min } à { $max } demandées)
   *[unset] {""}
}
unsupported-chapter-language = `<!-- lang: { $tag } -->` n’est pas une langue prise en charge par l’outil ; ce chapitre n’a pas de vérification orthographique
missing-chapter = SUMMARY.md liste `{ $path }`, qui n’existe pas : le chapitre est laissé de côté
missing-chapter-help = écrivez le fichier, ou faites du chapitre un brouillon assumé : `- [{ $name }]()`

## Ce que dit `pdf` à la fin

# Between two clauses of a line.
clause-separator = {"\u202F; "}

pdf-summary = { $pdf } : dossier technique de { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
} ({ $side ->
    [below] en dessous des { $min } à { $max } pages demandées
    [above] au-dessus des { $min } à { $max } pages demandées
    [within] dans les { $min } à { $max } pages demandées
   *[unset] pas de nombre de pages demandé
} ; estimation ~{ $estimate }), { $total ->
    [one] { $total } page
   *[other] { $total } pages
} en tout
pdf-chapter = { $title } : { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
pdf-chapter-unknown = { $title } : sa première page n'est pas dans le PDF
pdf-links-found = liens vers { $places ->
    [one] { $places } endroit
   *[other] { $places } endroits
} du document, tous trouvés
pdf-links-nowhere = avertissement : { $broken } de ses liens vers { $places ->
    [one] { $places } endroit
   *[other] { $places } endroits
} ne mènent nulle part ({ $anchors })
pdf-no-outline = avertissement : le PDF n'a pas de signets ; un Chromium de 2024 ou plus récent les fait à partir des titres
pdf-not-a4 = avertissement : les pages font { $width } × { $height } pt, pas A4 (595 × 842 pt)
pdf-jury = { $pdf } : grille du jury, { $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
}
pdf-jury-links = liens vers { $sections ->
    [one] { $sections } section
   *[other] { $sections } sections
} des rapports à { $url }
pdf-jury-links-local = liens vers les preuves du livre construit seulement (indiquez dans `site-url`, sous `[output.html]`, l'adresse publiée pour des liens qui fonctionnent depuis le papier)
