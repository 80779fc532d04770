#!/usr/bin/env python3
"""Proposes the injected errors of errors.tsv, once, by a seeded draw.

    python3 benches/spelling-fr/make_errors.py > benches/spelling-fr/errors.tsv

Each kind of error French writers make is a rewrite of a fragment of a
correct line of the corpus (a missing accent, `à` → `a`, `est` → `et`, a
participle for an infinitive, a missing plural...). The script lists every
prose line where a rewrite applies, then draws, with a fixed seed, lines for
each kind (at most one error per line). It was run once, before any rule
was written; errors.tsv is its output, kept in the repository and checked by
inject.py. Needs hunspell with fr_FR to make sure that a word without its
accent is not itself a French word.
"""

import random
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
SEED = 20
W = r"[A-Za-zÀ-ÿœŒ]"


def strip_accents(word):
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def hunspell_known(words):
    out = subprocess.run(["hunspell", "-a", "-i", "utf-8", "-d", "fr_FR"], input="".join("^" + w + "\n" for w in words),
                         capture_output=True, text=True).stdout.split("\n")[1:]
    known, answers = {}, [a for a in out if a != ""]
    # one answer per word (words have no spaces)
    for w, a in zip(words, answers):
        known[w] = a[:1] in ("*", "+", "-")
    return known


def prose_lines():
    for path in sorted(CORPUS.glob("*.md")):
        fence = False
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if line.lstrip().startswith(("```", "~~~")):
                fence = not fence
                continue
            if fence or line.startswith(("|", "    ", "<", "#")) or "`" in line or "http" in line or "](" in line:
                continue
            if len(line.split()) < 6:
                continue
            yield path.name, n, line


# kind -> (category, regex with one group `w` = the wrong-to-be, function giving the wrong text)
def rules():
    return [
        ("accent", re.compile(r"(?<![\w'’])(?P<w>" + W + r"*[éèêàçùôî]" + W + r"*)(?![\w'’-])"), strip_accents),
        ("a-à", re.compile(r"(?<![\w'’])(?P<w>à) (?:la|le|l'|l’|un|une|partir|travers|chaque|des|mesure|cette|ce|plusieurs|gérer|utiliser|faire)\b"), lambda w: "a"),
        ("et-est", re.compile(r"\b(?:qui|[Cc]e|[Ii]l|[Ee]lle|[Ll]e \w+|[Cc]ela) (?P<w>est)\b"), lambda w: "et"),
        ("ou-où", re.compile(r"(?<![\w'’])(?P<w>où)\b"), lambda w: "ou"),
        ("son-sont", re.compile(r"\b(?:qui|[Ii]ls|[Ee]lles|\w+s) (?P<w>sont)\b"), lambda w: "son"),
        ("c'est-s'est", re.compile(r"(?<![\w])(?P<w>[Cc]['’]est) (?!-)"), lambda w: w.replace("c", "s").replace("C", "S")),
        ("ce-se", re.compile(r"\b(?P<w>ce) (?:qui|que|qu['’])"), lambda w: "se"),
        ("on-ont", re.compile(r"\b(?:[Ii]ls|[Ee]lles|qui|\w+s) (?P<w>ont)\b"), lambda w: "on"),
        ("participle", re.compile(r"\b(?:a|ont|avons|avez|est|sont|été|être|avoir) (?P<w>" + W + r"+é)\b"), lambda w: w[:-1] + "er"),
        ("infinitive", re.compile(r"\b(?:pour|de|à|sans|peut|peuvent|doit|doivent|faut|permet|permettent) (?P<w>" + W + r"{3,}er)\b"), lambda w: w[:-2] + "é"),
        ("agreement", re.compile(r"\b(?:sont|étaient|seront|sont toujours|sont plus|sont très) (?P<w>" + W + r"{3,}(?:és|ées|ues|us|ents|entes|ables|ibles|els|elles))\b"), lambda w: w[:-1]),
        ("plural", re.compile(r"\b(?:[Ll]es|[Dd]es|[Cc]es|[Pp]lusieurs|[Dd]ifférents|[Dd]ifférentes|[Nn]ombreux|[Nn]ombreuses) (?P<w>" + W + r"{4,}[^sxz\W])s\b"), None),
        ("leur-leurs", re.compile(r"\b(?P<w>[Ll]eurs) " + W + r"+s\b"), lambda w: w[:-1]),
        ("quel-quelle", re.compile(r"\b(?P<w>[Qq]uelle)s? "), lambda w: w[:-2]),
        ("doubled-word", re.compile(r"(?<![\w'’])(?P<w>(?:de|la|le|les|des|et|est|un|une|pour|dans)) (?=\w)"), lambda w: w + " " + w),
    ]


def main():
    rng = random.Random(SEED)
    candidates = {}
    accent_words = set()
    lines = list(prose_lines())
    for name, n, line in lines:
        for kind, rx, make in rules():
            for m in rx.finditer(line):
                w = m.group("w")
                if kind == "plural":
                    start, end = m.start("w"), m.end("w") + 1
                    right = line[start:end]
                    wrong = right[:-1]
                else:
                    start, end = m.start("w"), m.end("w")
                    right = w
                    wrong = make(w)
                if wrong == right:
                    continue
                if kind == "accent":
                    accent_words.add(wrong)
                candidates.setdefault(kind, []).append((name, n, line, start, end, right, wrong))
    known = hunspell_known(sorted(accent_words))
    candidates["accent"] = [c for c in candidates["accent"] if not known.get(c[6], True)]
    per_kind = {"accent": 30, "a-à": 10, "et-est": 6, "ou-où": 6, "son-sont": 6, "c'est-s'est": 6, "ce-se": 5, "on-ont": 5,
                "participle": 8, "infinitive": 8, "agreement": 8, "plural": 10, "leur-leurs": 4, "quel-quelle": 3, "doubled-word": 8}
    used, rows = set(), []
    for kind, want in per_kind.items():
        pool = candidates.get(kind, [])
        rng.shuffle(pool)
        got = 0
        for name, n, line, start, end, right, wrong in pool:
            if got == want or (name, n) in used:
                continue
            # the fragment: a few words around, occurring once on the line
            a = max(0, line.rfind(" ", 0, max(0, start - 25)) + 1)
            b = line.find(" ", end + 20)
            b = len(line) if b == -1 else b
            before = line[a:b]
            if line.count(before) != 1:
                continue
            after = before[: start - a] + wrong + before[end - a:]
            used.add((name, n))
            got += 1
            rows.append((kind, name, n, wrong, right, before, after))
        print(f"{kind}: {got} of {want} ({len(pool)} candidates)", file=sys.stderr)
    print("\t".join(["id", "category", "file", "line", "wrong", "right", "sentence_before", "sentence_after"]))
    for i, (kind, name, n, wrong, right, before, after) in enumerate(rows, 1):
        print("\t".join([f"F{i:03}", kind, name, str(n), wrong, right, before, after]))


if __name__ == "__main__":
    main()
