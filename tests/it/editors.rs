//! A real editor as the language server's client: Neovim from Debian,
//! headless, running `tests/editors/nvim.lua` on a copy of the example book
//! with mistakes put in. Needs `nvim` 0.7+ on PATH; without it the test
//! says so and passes, unless `TECHNICAL_FILE_REQUIRE_NVIM` is set (CI sets
//! it).

use crate::support::{copy_book, repo_root};
use std::path::Path;
use std::process::Command;

fn nvim_available() -> bool {
    let available = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !available {
        assert!(
            std::env::var_os("TECHNICAL_FILE_REQUIRE_NVIM").is_none(),
            "Neovim is required: apt-get install neovim"
        );
        eprintln!("skipped: no nvim on PATH (apt-get install neovim)");
    }
    available
}

/// Runs `tests/editors/nvim.lua` on `report` of the book at `root` (with
/// `insert` put after its heading `after`); what Neovim saw, a line each.
fn neovim_on(root: &Path, report: &str, after: &str, insert: &str) -> String {
    let report = root.join(report);
    let text =
        std::fs::read_to_string(&report)
            .unwrap()
            .replacen(after, &format!("{after}{insert}"), 1);
    std::fs::write(&report, text).unwrap();
    let out = root.join("nvim-results.txt");
    let status = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!(
            "luafile {}",
            repo_root().join("tests/editors/nvim.lua").display()
        ))
        .env("TF_BIN", env!("CARGO_BIN_EXE_mdbook-technical-file"))
        .env("TF_ROOT", root)
        .env("TF_FILE", &report)
        .env("TF_OUT", &out)
        .env("TF_CHAPTER", root.join("book/conclusion.md"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read_to_string(&out).unwrap()
}

#[test]
fn neovim_shows_diagnostics_completes_hovers_and_applies_a_fix() {
    if !nvim_available() {
        return;
    }
    let book = copy_book(&repo_root());
    let root = std::fs::canonicalize(book.path()).unwrap();
    let seen = neovim_on(
        &root,
        "reports/terraform-aws-landing-zone.md",
        "## Constraints\n",
        "\nLe réseau 🚀 was recieved {{#skill observabilty}}.\n\nNext: {{#skill }}\n",
    );
    let lines: Vec<&str> = seen.lines().collect();
    assert!(!lines.iter().any(|l| l.starts_with("error=")), "{seen}");
    // Line 17 (0-based). The server speaks UTF-16 columns (`🚀` is two
    // units, `é` one); Neovim shows byte columns: 20 is right after
    // "Le réseau 🚀 was " (é 2 bytes, 🚀 4), so the conversion held.
    assert!(
        lines.contains(&"diagnostic=spelling:17:20:possible spelling mistake: `recieved`"),
        "{seen}"
    );
    assert!(
        lines.contains(&"diagnostic=unknown-skill:17:38:unknown skill `observabilty`"),
        "{seen}"
    );
    assert!(lines.contains(&"completion=36"), "{seen}");
    assert!(lines.contains(&"first=C1.1"), "{seen}");
    assert!(
        lines.iter().any(|l| l.starts_with("hover=**C2.1 — ")),
        "{seen}"
    );
    assert!(
        lines.contains(&"action=Replace with `observability`"),
        "{seen}"
    );
    assert!(lines.contains(&"applied=true"), "{seen}");
    assert!(lines.contains(&"unknown_after=0"), "{seen}");
    // The conclusion's share of the page budget, as `check` counts it.
    assert!(
        lines.iter().any(|l| l.starts_with("chapter_lens=")
            && l.ends_with(" pages (1 printed) of the file's ~10.0 (8–10 asked)")),
        "{seen}"
    );
}

/// The same editor on a report of the French example book: French rules
/// (a missing accent, not English noise), and the diagnostics, hover and
/// code action in French.
#[test]
fn neovim_on_a_french_report_speaks_french() {
    if !nvim_available() {
        return;
    }
    let book = copy_book(&repo_root().join("examples/fr"));
    let root = std::fs::canonicalize(book.path()).unwrap();
    let seen = neovim_on(
        &root,
        "reports/plateforme-kubernetes-argo-cd.md",
        "## Contraintes\n",
        "\nLes pannes étaient frequentes {{#skill observabilty}}.\n\nEnsuite : {{#skill }}\n",
    );
    let lines: Vec<&str> = seen.lines().collect();
    assert!(!lines.iter().any(|l| l.starts_with("error=")), "{seen}");
    let diagnostics: Vec<&&str> = lines
        .iter()
        .filter(|l| l.starts_with("diagnostic="))
        .collect();
    assert!(
        lines.iter().any(|l| l.starts_with("diagnostic=spelling:")
            && l.ends_with(":faute d’orthographe possible\u{a0}: `frequentes`")),
        "{seen}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("diagnostic=unknown-skill:")
                && l.ends_with(":compétence inconnue `observabilty`")),
        "{seen}"
    );
    // Only what the test put in: the report itself is clean French.
    assert!(diagnostics.len() <= 3, "{diagnostics:?}");
    assert!(
        lines.iter().any(|l| l.starts_with("hover=**C2.1 — ")),
        "{seen}"
    );
    assert!(
        lines.contains(&"action=Remplacer par `observability`"),
        "{seen}"
    );
    assert!(lines.contains(&"applied=true"), "{seen}");
    assert!(lines.contains(&"unknown_after=0"), "{seen}");
    assert!(
        lines.iter().any(|l| l.starts_with("chapter_lens=")
            && l.contains(" mots, ~")
            && l.ends_with(" imprimée) sur les ~10,0 du dossier (8 à 10 demandées)")),
        "{seen}"
    );
}
