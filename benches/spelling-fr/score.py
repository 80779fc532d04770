#!/usr/bin/env python3
"""Scores French spelling and grammar checkers on both halves made by inject.py.

    python3 benches/spelling-fr/inject.py
    python3 benches/spelling-fr/score.py --ours-bin target/release/mdbook-technical-file

The English score.py's measures and code (caught at the right line, right
suggestion, findings per 1,000 words of prose on the clean tree), with
French checkers: ours (a book with `[book] language = "fr"`), hunspell with
fr_FR, grammalecte-cli and cspell with @cspell/dict-fr-fr, whichever are
installed. One table for the development half, one for the held-out half.
Options as the English score.py's (--tools, --top, --missed, --json; --bench
is the folder of both halves, /tmp/spelling-bench-fr by default).
"""

import concurrent.futures
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("score_en", HERE.parent / "spelling" / "score.py")
en = importlib.util.module_from_spec(spec)
spec.loader.exec_module(en)

en.WORD = re.compile(r"[A-Za-zÀ-ÿœŒ][A-Za-zÀ-ÿœŒ'’-]*")
en.TOKEN = re.compile(r"[\w'’-]+")
en.TOOLS = ["ours", "hunspell", "grammalecte", "cspell"]
english_ours = en.ours


def ours(tree, work, args):
    """The English runner on a book whose book.toml says `language = "fr"`;
    suggestions are the backticked words of the French suggestion."""
    real_write = Path.write_text

    def write_text(self, data, *a, **k):
        if self.name == "book.toml":
            data = data.replace('[book]\n', '[book]\nlanguage = "fr"\n', 1)
        return real_write(self, data, *a, **k)

    real_run = en.run

    def run(cmd, *a, **k):
        # the English reader finds suggestions after "did you mean"
        out = real_run(cmd, *a, **k).replace("vouliez-vous dire", "did you mean")
        data = json.loads(out)
        for d in data.get("diagnostics", []):
            if not d.get("suggestions"):
                d.pop("suggestions", None)  # then the "did you mean" text is read
        return json.dumps(data)

    Path.write_text, en.run = write_text, run
    try:
        findings = english_ours(tree, work, args)
    finally:
        Path.write_text, en.run = real_write, real_run
    return findings




def hunspell_available(args):
    if shutil.which("hunspell") is None:
        return False
    probe = subprocess.run(["hunspell", "-D"], capture_output=True, text=True, input="")
    return "fr_FR" in probe.stdout + probe.stderr


def hunspell(tree, work, args):
    real = subprocess.run

    def run_fr(cmd, *a, **k):
        if cmd[:1] == ["hunspell"]:
            cmd = [c if c != "en_US" else "fr_FR" for c in cmd]
        return real(cmd, *a, **k)

    subprocess.run = run_fr
    try:
        return en.hunspell(tree, work, args)
    finally:
        subprocess.run = real


def grammalecte_available(args):
    return shutil.which("grammalecte-cli") is not None


def grammalecte(tree, work, args):
    """grammalecte-cli -f FILE -j on the prose of each document (one
    paragraph per line, so iParagraph is the line)."""
    def one(path):
        masked = work / f"gl-{tree.name}-{path.name}"
        masked.write_text(en.prose_mask(path.read_text(encoding="utf-8")), encoding="utf-8")
        out = subprocess.run(["grammalecte-cli", "-f", str(masked), "-j"], capture_output=True, text=True).stdout
        return path, json.loads(out)

    findings = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        outputs = list(pool.map(one, sorted(tree.glob("*.md"))))
    for path, data in outputs:
        lines = path.read_text(encoding="utf-8").split("\n")
        for para in data.get("data", []):
            line = para["iParagraph"]
            src = lines[line - 1] if line - 1 < len(lines) else ""
            for e in para.get("lGrammarErrors", []):
                text = src[e["nStart"]:e["nEnd"]]
                findings.append(en.Finding(path.name, line, e["nStart"] + 1, e["nEnd"] + 1, text, e["sRuleId"],
                                           e.get("aSuggestions") or [], f"grammalecte: {e['sRuleId']}"))
            for e in para.get("lSpellingErrors", []):
                findings.append(en.Finding(path.name, line, e["nStart"] + 1, e["nEnd"] + 1, e["sValue"], "spelling",
                                           [], f"grammalecte spelling: {e['sValue']}"))
    return findings


def cspell_available(args):
    root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout.strip() if shutil.which("npm") else ""
    return en.cspell_command() is not None and (Path(root) / "@cspell/dict-fr-fr/cspell-ext.json").is_file()


def cspell(tree, work, args):
    root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True).stdout.strip()
    config = tree / "cspell.json"
    config.write_text(json.dumps({"version": "0.2", "language": "fr",
                                  "import": [str(Path(root) / "@cspell/dict-fr-fr/cspell-ext.json")]}))
    try:
        return en.cspell(tree, work, args)
    finally:
        config.unlink()


en.CHECKERS = {
    "ours": (en.ours_available, ours),
    "hunspell": (hunspell_available, hunspell),
    "grammalecte": (grammalecte_available, grammalecte),
    "cspell": (cspell_available, cspell),
}


def main():
    argv = sys.argv[1:]
    bench = "/tmp/spelling-bench-fr"
    if "--bench" in argv:
        i = argv.index("--bench")
        bench = argv[i + 1]
        del argv[i:i + 2]
    if "--ours-bin" not in argv:
        argv += ["--ours-bin", str(HERE.parents[1] / "target/release/mdbook-technical-file")]
    for half in ("dev", "held-out"):
        print(f"## {half}\n")
        extra = []
        if "--json" in argv:
            i = argv.index("--json")
            extra = ["--json", f"{argv[i + 1]}.{half}.json"]
            rest = argv[:i] + argv[i + 2:]
        else:
            rest = argv
        sys.argv = ["score.py", "--bench", f"{bench}/{half}"] + rest + extra
        en.main()


if __name__ == "__main__":
    main()
