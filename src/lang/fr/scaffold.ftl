# Ce que `init` et `new` écrivent dans un nouveau livre, en français.
# Chaque message existe aussi dans en/scaffold.ftl.

## book.toml et words.txt

init-first-report = premier-projet
init-default-author = Votre nom
init-default-title = Dossier technique — { $author }
init-toml-referential = Les compétences à prouver (le référentiel RNCP intégré s'il n'est pas indiqué).
init-toml-build-dir = La construction reste sous target/ (ignoré par git).
init-toml-watch = `mdbook serve` reconstruit le livre quand un rapport change.
init-toml-before-links = S'exécuter avant le préprocesseur `links` de mdBook pour que `{"{{"}#include{"}}"}`
init-toml-before-links-2 = fonctionne dans les rapports (chemins relatifs au rapport).
init-toml-jury = Une page pour que le jury évalue le dossier sur papier, une ligne par compétence
init-toml-jury-2 = (ses liens mènent au livre publié : le workflow Pages définit `site-url`).
init-words = Les mots propres à vos projets (noms, outils internes), un par ligne.

## Les chapitres rédigés

init-summary = Sommaire
init-introduction = Introduction
init-introduction-guidance = Qui vous êtes, la formation, les projets dont ce dossier technique est tiré, et comment le lire.
init-conclusion = Conclusion
init-conclusion-guidance = Ce que vous savez faire maintenant et ne saviez pas faire avant, ce qu'il vous reste à apprendre, et la suite.
init-part-technical-file = Dossier technique
init-part-evidence = Preuves
init-reports = Rapports de projet
init-reports-text = Un chapitre par projet validé suit, chacun avec les compétences qu'il atteste.
init-block = Bloc { $number } — { $title }
init-skill-guidance = Ce que vous avez fait pour cette compétence, dans quels projets, ce que vous avez appris et ce qui reste ; puis les preuves.
init-skill-evidence = Preuves dans les rapports : { $directive }.
init-next = ensuite : écrivez reports/{ $report }.md, puis `mdbook serve --open` pour prévisualiser, et `mdbook-technical-file check` avant de rendre le dossier

## L'en-tête d'un nouveau rapport (`new`)

new-date = le jour où le projet a été validé
new-team = projet de groupe : ["Votre nom", "Coéquipier", ...]
new-role = projet de groupe : ce que vous avez fait vous-même
new-skills = compétences que tout le rapport atteste, p. ex. ["C1.2"]
new-draft = décommentez pour laisser le rapport hors du livre
new-marker = Terminez le paragraphe qui prouve une compétence par un marqueur comme { $marker } (identifiants ou noms courts ; `mdbook-technical-file coverage` les liste).
