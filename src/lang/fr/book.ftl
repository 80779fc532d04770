# Les mots des pages et encadrés générés, en français.
# Chaque message existe aussi dans en/book.ftl (un test le vérifie).
# Typographie : espace insécable (U+00A0) avant « : » et à l'intérieur des
# guillemets, espace fine insécable (U+202F) avant ; ! ? et %.
# Fluent retire les espaces autour d'une valeur : le code ajoute ceux qui
# joignent un message à ce qui l'entoure.

## Nombres et dates

decimal-separator = ,
percent = { $value } %
date = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }

## Titres utilisés quand book.toml n'en donne pas

appendix-title = Couverture des compétences
part-title = Rapports de projet
# The heading of the printed file's table of contents (`pdf`).
contents-title = Sommaire

## L'en-tête de l'annexe

book-problems-title = Problèmes dans les sources du livre
book-problems-note = (cet encadré ne fait pas partie du dossier technique) :
figures-covered = { $covered } compétences sur { $total }
figures-reports = { $covered ->
    [one] est attestée
   *[other] sont attestées
} par { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
} ({ $percent }).
figures-drafts = { $drafts ->
    [one] { $drafts } brouillon est laissé de côté.
   *[other] { $drafts } brouillons sont laissés de côté.
}
figures-no-gap = Chaque compétence est attestée.
figures-gaps = ⚠ Lacunes :
blocks-block = Bloc
blocks-evidenced = Attestées
blocks-gaps = Lacunes

## L'en-tête d'un rapport, ses rapports liés et l'encadré des problèmes

header-validated = Validé le
header-individual = Projet individuel
header-group = Projet de groupe
header-team = équipe : { $names }
header-role = Mon rôle
header-spelling-pending = L'orthographe et la grammaire sont en cours de vérification ; les résultats s'affichent à votre prochain enregistrement.
header-no-skill = Ce rapport n'atteste encore aucune compétence.
header-skills-evidenced = Compétences attestées ici
header-whole-report = le rapport entier
related-title = Rapports liés
related-also = atteste aussi { $skills }
report-problems-title = technical-file a trouvé { $count ->
    [one] { $count } problème
   *[other] { $count } problèmes
} dans ce fichier
report-problems-note = (cet encadré ne fait pas partie du rapport ; corrigez les problèmes et il disparaît).
severity-error = erreur :
severity-warning = avertissement :

## Les compétences de l'annexe et la liste de contrôle

skills-title = Les compétences et leurs preuves
skills-gap = Lacune : aucun rapport n'atteste encore { $skill }.
skills-gap-how = Ajoutez { $marker } à la section d'un rapport qui la prouve, ou indiquez { $skill } dans la clé { $key } de l'en-tête d'un rapport.
skills-evidence-from = Preuves tirées de { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
} :
skills-whole-report = revendiquée pour l'ensemble du rapport
quoted = « { $text } »
checklist-title = Liste de contrôle des rapports
checklist-expected = Chaque rapport doit comporter ces sections : { $sections }.
checklist-no-report = Aucun rapport pour l'instant.
checklist-report = Rapport
checklist-date = Date
checklist-sections = Sections
checklist-missing = Manquantes
checklist-skills = Compétences

## La matrice de l'annexe

matrix-title = Matrice
matrix-compact-how = Avec { $reports } rapports, une ligne par rapport ne serait pas lisible : le tableau de chaque bloc compte, par compétence, les rapports et les sections qui l'attestent. L'entrée de chaque compétence, plus bas, en liste les preuves, et { $command } donne chaque cellule. { $gap } signale une lacune.
matrix-how = Les lignes sont les rapports dans l'ordre du livre, les colonnes les compétences. { $section } mène à une section qui atteste la compétence, { $whole } signale une revendication pour l'ensemble du rapport, et une cellule vide l'absence de preuve. La dernière ligne compte les rapports par compétence ; { $gap } signale une lacune.
matrix-no-report = Aucun rapport pour l'instant : ajoutez des fichiers Markdown au dossier des rapports.
matrix-report = Rapport
matrix-mark-section = { $skill } attestée dans { $report } › { $section }
matrix-mark-whole = { $skill } revendiquée par l'ensemble du rapport { $report }
matrix-per-skill = Rapports par compétence
matrix-skill = Compétence
matrix-wording = Intitulé
matrix-reports = Rapports
matrix-sections = Sections

## Chapitres rédigés et badges

chapter-no-evidence = pas encore de preuve
chapter-gap = Aucun rapport n'atteste encore { $skill }.
chapter-see-appendix = Voir { $appendix }.
chapter-appendix-link = l'annexe de couverture
badge-unknown = compétence inconnue : voir les diagnostics de la construction

## La grille du jury

jury-title = Grille du jury
jury-intro = Pour chaque compétence, cochez une case et commentez. Chaque preuve mène à la section du rapport qui l'établit, dans ce livre.
jury-intro-published = Pour chaque compétence, cochez une case et commentez. Chaque preuve mène à la section du rapport qui l'établit, dans le livre publié : { $url }.
jury-gaps = ⚠ signale une compétence qu'aucun rapport n'atteste ({ $gaps }).
jury-candidate = Candidat ou candidate
jury-member = Membre du jury
jury-date = Date
jury-skill = Compétence
jury-evidence = Preuves
jury-acquired = Acquise
jury-partly = En partie
jury-not-yet = Pas encore
jury-comment = Commentaire
jury-no-evidence = ⚠ Aucune preuve

## Le graphique de progression et ses données

chart-title = Progression
chart-date-key = date = AAAA-MM-JJ
chart-no-date = ⚠ Aucun rapport n'a encore de date de validation : il n'y a pas de progression à tracer. Ajoutez { $key } à l'en-tête des rapports.
chart-undated-note = { $count ->
    [one] ⚠ { $count } rapport n'a pas de date de validation et figure après la ligne pointillée, dans l'ordre du livre : { $reports }. Ajoutez { $key } à son en-tête pour le placer dans le temps.
   *[other] ⚠ { $count } rapports n'ont pas de date de validation et figurent après la ligne pointillée, dans l'ordre du livre : { $reports }. Ajoutez { $key } à leur en-tête pour les placer dans le temps.
}
chart-drafts = { $drafts ->
    [one] { $drafts } brouillon n'est pas compté.
   *[other] { $drafts } brouillons ne sont pas comptés.
}
chart-data-title = Les données du graphique, rapport par rapport
chart-data-number = N°
chart-data-validated = Validé le
chart-data-report = Rapport
chart-data-adds = Compétences ajoutées
chart-data-left-out = { $count ->
    [one] { $count } rapport qui n'ajoute aucune compétence n'est pas listé.
   *[other] { $count } rapports qui n'ajoutent aucune compétence ne sont pas listés.
}
chart-svg-title = Compétences attestées par bloc au fil du temps
chart-caption-numbered = Compétences attestées par bloc, selon les dates de validation des rapports. Chaque cercle numéroté est un rapport, dans l'ordre des dates ; chaque marque est un bloc qui gagne des compétences.
chart-caption = Compétences attestées par bloc, selon les dates de validation des rapports ; chaque marque est un bloc qui gagne des compétences.
chart-desc-block = { $block } { $covered } sur { $total }
chart-desc = { $dated ->
    [one] { $dated } rapport daté
   *[other] { $dated } rapports datés
} du { $first } au { $last }{ $undated ->
    [0] {""}
    [one] , et { $undated } non daté
   *[other] , et { $undated } non datés
}. Compétences attestées à la fin : { $blocks }.
chart-series-title = { $block } — { $title } : { $covered } compétences sur { $total }
chart-mark-title = { $block } : { $covered } sur { $total } après le rapport { $number } ({ $when }), { $report } : { $skills }
chart-no-new-skill = aucune nouvelle compétence
chart-adds = ajoute { $skills }
chart-undated = non daté
chart-month = { $month ->
    [1] janv.
    [2] févr.
    [3] mars
    [4] avr.
    [5] mai
    [6] juin
    [7] juil.
    [8] août
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] déc.
} { $year }
