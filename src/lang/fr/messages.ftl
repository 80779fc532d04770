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
