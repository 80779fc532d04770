# Les mots du tableau de bord de la promotion (`cohort`), en français.
# Chaque message d'ici existe aussi dans en/cohort.ftl (un test le vérifie).
# `language` dans le fichier de la promotion choisit la langue du tableau.

cohort-title = { $name } — tableau de bord de la promotion
cohort-lead = Au { $today } : { $students ->
    [one] { $students } apprenant
   *[other] { $students } apprenants
}, { $with-data } avec des données{ $failed ->
    [0] {""}
   *[other] , { $failed } dont les données n'ont pu être lues
} ; référentiel : { $referential }.
cohort-progression = Progression

## À suivre

cohort-attention = À suivre
cohort-attention-none = Aucun apprenant n'est à suivre.
# Après le nom de l'apprenant.
cohort-attention-reasons =  : { $reasons }.
cohort-reason-data = ses données { $reason }
cohort-reason-skills = { $covered } compétences sur { $total } prouvées, { $min } attendues{ $by ->
    [none] {""}
   *[other] {" "}au { $by }
}
cohort-reason-undated = aucun rapport daté
cohort-reason-silent = aucun rapport depuis { $days } jours (le dernier est du { $last })
cohort-reason-pages = ~{ $pages } pages, hors de { $min } à { $max }
cohort-reason-errors = `check` trouve { $errors ->
    [one] { $errors } erreur
   *[other] { $errors } erreurs
}

## Pourquoi les données d'un apprenant ne peuvent servir (après « données »)

cohort-problem-unreachable = illisibles : { $why }
cohort-problem-not-json = qui ne sont pas du JSON : { $why }
cohort-problem-schema = au schéma { $found }, cet outil lit le schéma { $schema }
cohort-problem-title = d'un autre référentiel : « { $found } », pas « { $expected } »
cohort-problem-skills = d'un autre référentiel : ses compétences sont { $found }, pas { $expected }
cohort-problem-invalid = qui ne sont pas un document de couverture : { $why }
cohort-data-problem = Données { $reason }
cohort-source-problem = { $source } : données { $reason }

## Les compétences dans la promotion

cohort-skills = Les compétences dans la promotion
cohort-skills-lead = La part des { $students } apprenants avec des données qui prouvent chaque compétence ; sous { $thin }, elle est marquée faible.
cohort-col-block = Bloc
cohort-col-skill = Compétence
cohort-col-students = Apprenants
cohort-col-share = Part
cohort-block-all = les { $count } compétences
cohort-thin = ⚠ faible

## Apprenants × compétences

cohort-grid = Apprenants × compétences
cohort-grid-lead = Chaque case donne le nombre de rapports qui prouvent la compétence, avec un lien vers son entrée dans le livre de l'apprenant, ou ⚠ lacune.
cohort-gap = ⚠ lacune
cohort-cell-title = { $skill } : { $reports ->
    [one] { $reports } rapport
   *[other] { $reports } rapports
}
# Lu par les lecteurs d'écran après le nombre.
cohort-cell-hidden = { $reports ->
    [one] rapport
   *[other] rapports
} pour { $skill }

## Apprenants

cohort-students = Apprenants
cohort-col-student = Apprenant
cohort-col-book = Livre
cohort-col-skills = Compétences
cohort-col-gaps = Lacunes
cohort-col-reports = Rapports
cohort-col-last-report = Dernier rapport
cohort-col-pages = Pages
cohort-col-errors = Erreurs
cohort-col-warnings = Avertissements
cohort-col-jury-grid = Grille du jury
cohort-untitled = (sans titre)
cohort-reports = { $reports } ({ $groups } en groupe)
cohort-none-dated = aucun daté
cohort-pages = ~{ $pages }{ $budget ->
    [set] {" "}sur { $min } à { $max }
   *[unset] {""}
}
cohort-jury-grid = grille du jury
cohort-none = aucune

## Le graphique de progression

cohort-chart-empty = Aucun rapport daté pour l'instant : rien à tracer.
cohort-chart-title = Compétences prouvées par bloc, en moyenne par apprenant, par mois
cohort-chart-caption = Compétences prouvées par bloc, en moyenne sur les apprenants avec des données, à la fin de chaque mois (les rapports à leur date de validation).
cohort-chart-point = { $block } en { $month } : { $mean } compétences sur { $total } en moyenne
cohort-chart-description = { $months } mois, de { $first } à { $last }. Compétences prouvées en moyenne à la fin : { $blocks }.
cohort-chart-block-end = { $block } { $mean } sur { $total }
cohort-chart-figures = Les chiffres du graphique
cohort-chart-month = Mois
cohort-chart-block = { $block } (sur { $total })

## La dernière ligne de la commande

cohort-summary = promotion de { $students ->
    [one] { $students } apprenant
   *[other] { $students } apprenants
}, { $with-data } avec des données, { $failed } en échec ; tableau de bord écrit dans { $path }
