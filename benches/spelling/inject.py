#!/usr/bin/env python3
"""Builds the two trees of the spelling and grammar benchmark.

    python3 benches/spelling/inject.py [--half dev|held-out|all] [--out /tmp/spelling-bench]

--half picks the documents (and so the errors) of one half of split.tsv:
`dev`, the half rules are written looking at; `held-out`, the half that
measures them; `all` (the default), both.

- OUT/clean/  the corpus documents, byte for byte;
- OUT/dirty/  the same documents, each with its errors of errors.tsv injected
  (one error per line at most, so line numbers stay the same in both trees);
- OUT/expected.json  one entry per injected error: file, line, the 1-based
  character columns [column, end_column) of `wrong` in the dirty line,
  wrong, right and category.

An error is injected by replacing `sentence_before` (a fragment of the clean
line, which must occur exactly once in it) with `sentence_after`. The script
checks that every row is consistent: `sentence_after` with `wrong` replaced
by `right` gives `sentence_before` back. Deterministic: same input, same
output; nothing random, no network.
"""

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
ERRORS = HERE / "errors.tsv"
SPLIT = HERE / "split.tsv"
HALVES = ("dev", "held-out")
COLUMNS = ["id", "category", "file", "line", "wrong", "right", "sentence_before", "sentence_after"]


def read_errors(path=ERRORS):
    """The rows of errors.tsv as dicts (line as an int)."""
    with open(path, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        if reader.fieldnames != COLUMNS:
            sys.exit(f"{path}: expected the columns {COLUMNS}, found {reader.fieldnames}")
        rows = []
        for row in reader:
            row["line"] = int(row["line"])
            rows.append(row)
    return rows


def read_split(path=SPLIT):
    """document name -> its half, from split.tsv (written once by split.py)."""
    halves = {}
    for line in path.read_text(encoding="utf-8").splitlines()[1:]:
        name, half = line.split("\t")
        if half not in HALVES:
            sys.exit(f"{path}: {name}: unknown half {half!r}; known: {', '.join(HALVES)}")
        halves[name] = half
    return halves


def locate(row):
    """Where `wrong` sits inside `sentence_after` (0-based start), checked
    against `sentence_before`: the occurrence whose replacement by `right`
    gives the clean fragment back."""
    after, before = row["sentence_after"], row["sentence_before"]
    wrong, right = row["wrong"], row["right"]
    start = after.find(wrong)
    while start != -1:
        if after[:start] + right + after[start + len(wrong):] == before:
            return start
        start = after.find(wrong, start + 1)
    raise ValueError(f"{row['id']}: replacing `{wrong}` by `{right}` in sentence_after never gives sentence_before")


def build(out, half="all"):
    halves = read_split()
    every = sorted(p.name for p in CORPUS.glob("*.md"))
    for name in every:
        if name not in halves:
            sys.exit(f"{name}: not in {SPLIT.name}; give it a half there")
    files = [n for n in every if half == "all" or halves[n] == half]
    rows = [r for r in read_errors() if r["file"] not in every or r["file"] in files]
    by_file = {}
    seen = set()
    for row in rows:
        if row["file"] not in files:
            sys.exit(f"{row['id']}: no corpus file {row['file']}")
        key = (row["file"], row["line"])
        if key in seen:
            sys.exit(f"{row['id']}: a second error on {row['file']}:{row['line']}")
        seen.add(key)
        by_file.setdefault(row["file"], []).append(row)

    out = Path(out)
    for sub in ("clean", "dirty"):
        if (out / sub).exists():
            shutil.rmtree(out / sub)
        (out / sub).mkdir(parents=True)

    expected = []
    for name in files:
        text = (CORPUS / name).read_text(encoding="utf-8")
        (out / "clean" / name).write_text(text, encoding="utf-8")
        lines = text.split("\n")
        for row in by_file.get(name, []):
            i = row["line"] - 1
            if i >= len(lines):
                sys.exit(f"{row['id']}: {name} has no line {row['line']}")
            line = lines[i]
            before, after = row["sentence_before"], row["sentence_after"]
            if line.count(before) != 1:
                sys.exit(f"{row['id']}: sentence_before occurs {line.count(before)} times in {name}:{row['line']}")
            at = line.index(before)
            offset = locate(row)
            lines[i] = line[:at] + after + line[at + len(before):]
            column = at + offset + 1
            expected.append({
                "id": row["id"],
                "category": row["category"],
                "file": name,
                "line": row["line"],
                "column": column,
                "end_column": column + len(row["wrong"]),
                "wrong": row["wrong"],
                "right": row["right"],
                "clean_line": line,
                "dirty_line": lines[i],
            })
        (out / "dirty" / name).write_text("\n".join(lines), encoding="utf-8")

    expected.sort(key=lambda e: e["id"])
    (out / "expected.json").write_text(json.dumps(expected, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    categories = {}
    for e in expected:
        categories[e["category"]] = categories.get(e["category"], 0) + 1
    print(f"{len(files)} documents ({half}), {len(expected)} errors injected into {out}/dirty")
    for cat, n in sorted(categories.items()):
        print(f"  {cat}: {n}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="/tmp/spelling-bench", help="output folder (default /tmp/spelling-bench)")
    parser.add_argument("--half", default="all", choices=HALVES + ("all",), help="which half of split.tsv (default all)")
    args = parser.parse_args()
    build(args.out, args.half)


if __name__ == "__main__":
    main()
