//! English learner rules as data: the mistakes learners of English, often
//! French speakers, make and that harper misses or flags without a fix.
//! Each entry is one rule with its own examples (run as tests by
//! `spelling::learner`). Every rule was tried on the development half of
//! the spelling benchmark's correct prose (`benches/spelling/`).

use crate::lang::learner::PhraseRule;

/// Modals and auxiliaries that take a bare verb.
const MODALS_TO: &[&str] = &["must", "should", "can", "could", "might"];

/// The English learner rules.
pub const RULES: &[PhraseRule] = &[
    PhraseRule {
        words: &[&["depending", "depends", "depend", "depended"], &["of"]],
        flag: (0, 1),
        message: "the preposition after `depend` is `on`",
        fixes: &["{0} on"],
        mistakes: &[(
            "It runs depending of the event.",
            "depending of",
            "depending on",
        )],
        correct: &["It runs depending on the event; instead of it, use this."],
    },
    PhraseRule {
        words: &[&["responsible"], &["of"]],
        flag: (0, 1),
        message: "one is responsible `for` something",
        fixes: &["responsible for"],
        mistakes: &[(
            "Jenkins is responsible of building images.",
            "responsible of",
            "responsible for",
        )],
        correct: &["Jenkins is responsible for building images."],
    },
    PhraseRule {
        words: &[&["consists", "consist", "consisted"], &["in"]],
        flag: (0, 1),
        message: "a whole consists `of` its parts",
        fixes: &["{0} of"],
        mistakes: &[(
            "The ecosystem consists in multiple components.",
            "consists in",
            "consists of",
        )],
        correct: &["The ecosystem consists of multiple components."],
    },
    PhraseRule {
        words: &[MODALS_TO, &["to"]],
        flag: (0, 1),
        message: "no `to` after `{0}`",
        fixes: &["{0}"],
        mistakes: &[("Each chart must to be installed.", "must to", "must")],
        correct: &["Each chart must be installed; it has to be."],
    },
    PhraseRule {
        words: &[&["in"], &["the"], &["other"], &["hand"]],
        flag: (0, 3),
        message: "the phrase is `on the other hand`",
        fixes: &["on the other hand"],
        mistakes: &[(
            "In the other hand, it fails.",
            "In the other hand",
            "On the other hand",
        )],
        correct: &["On the other hand, it fails."],
    },
    PhraseRule {
        words: &[&["similar"], &["with"]],
        flag: (0, 1),
        message: "the preposition after `similar` is `to`",
        fixes: &["similar to"],
        mistakes: &[("It is similar with Helm.", "similar with", "similar to")],
        correct: &["It is similar to Helm."],
    },
    PhraseRule {
        words: &[&["interested"], &["by"]],
        flag: (0, 1),
        message: "one is interested `in` something",
        fixes: &["interested in"],
        mistakes: &[(
            "If you are interested by it",
            "interested by",
            "interested in",
        )],
        correct: &["If you are interested in it"],
    },
    PhraseRule {
        words: &[&["loosing"]],
        flag: (0, 0),
        message: "`loosing` means making looser; `losing` is the verb of `lose`",
        fixes: &["losing"],
        mistakes: &[("without loosing your data", "loosing", "losing")],
        correct: &["without losing your data"],
    },
    PhraseRule {
        words: &[
            &["data", "packet", "message", "information"],
            &["lose", "loose"],
        ],
        flag: (1, 1),
        message: "the noun is `loss`",
        fixes: &["loss"],
        mistakes: &[("to avoid data lose", "lose", "loss")],
        correct: &["to avoid data loss; you may lose data"],
    },
    PhraseRule {
        words: &[&["it's", "it’s"], &["own"]],
        flag: (0, 0),
        message: "the possessive is `its`",
        fixes: &["its"],
        mistakes: &[("It has a release of it's own.", "it's", "its")],
        correct: &["It has a release of its own."],
    },
    PhraseRule {
        words: &[
            &["of", "to", "on", "with", "from", "for"],
            &["it's", "it’s"],
        ],
        flag: (1, 1),
        message: "the possessive is `its`",
        fixes: &["its"],
        mistakes: &[("It depends on it's creation.", "it's", "its")],
        correct: &["It depends on its creation, and it's fine."],
    },
    PhraseRule {
        words: &[
            &["its"],
            &[
                "not",
                "necessary",
                "possible",
                "important",
                "recommended",
                "been",
            ],
        ],
        flag: (0, 0),
        message: "`its` is possessive; here it is `it is`",
        fixes: &["it's"],
        mistakes: &[("Note that its not optional.", "its", "it's")],
        correct: &["Its name is not optional."],
    },
    PhraseRule {
        words: &[
            &[
                "will", "can", "would", "should", "could", "may", "must", "and",
            ],
            &["than"],
        ],
        flag: (1, 1),
        message: "`than` compares; for what comes next, `then`",
        fixes: &["then"],
        mistakes: &[("OpenTofu will than create it.", "than", "then")],
        correct: &["OpenTofu will then create it; it is faster than Terraform."],
    },
    PhraseRule {
        words: &[
            &["you're", "youre"],
            &[
                "own",
                "code",
                "pipeline",
                "cluster",
                "application",
                "app",
                "project",
                "team",
                "data",
                "repository",
                "configuration",
                "config",
                "chart",
                "service",
                "account",
                "environment",
            ],
        ],
        flag: (0, 0),
        message: "`you're` means `you are`; the possessive is `your`",
        fixes: &["your"],
        mistakes: &[("Check you're code first.", "you're", "your")],
        correct: &["Check your code first; you're done."],
    },
    PhraseRule {
        words: &[
            &["your"],
            &[
                "familiar", "sure", "able", "welcome", "ready", "aware", "going", "not",
            ],
        ],
        flag: (0, 0),
        message: "`your` is possessive; here it is `you are`",
        fixes: &["you're", "you are"],
        mistakes: &[("If your familiar with Go, read on.", "your", "you're")],
        correct: &["Your existing cluster keeps its own configuration."],
    },
    PhraseRule {
        words: &[&["a"], &["feedback", "advice"]],
        flag: (0, 1),
        message: "`{1}` is uncountable: no `a`",
        fixes: &["any {1}", "some {1}"],
        mistakes: &[("Give us a feedback.", "a feedback", "any feedback")],
        correct: &["Give us feedback or some advice."],
    },
    PhraseRule {
        words: &[
            &["too"],
            &[
                "be",
                "either",
                "make",
                "use",
                "run",
                "get",
                "create",
                "install",
                "deploy",
                "configure",
                "build",
                "keep",
            ],
        ],
        flag: (0, 0),
        message: "`too` means `also` or excess; before a verb, `to`",
        fixes: &["to"],
        mistakes: &[("Expect this doc too either change.", "too", "to")],
        correct: &["It is too big to fit, so it is split into two."],
    },
];
