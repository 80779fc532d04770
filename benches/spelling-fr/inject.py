#!/usr/bin/env python3
"""Builds the trees of the French spelling and grammar benchmark.

    python3 benches/spelling-fr/inject.py [--out /tmp/spelling-bench-fr]

The same as benches/spelling/inject.py (whose code it runs), once per half
of split.tsv: OUT/dev/ and OUT/held-out/, each with clean/, dirty/ and
expected.json. Deterministic; nothing random, no network.
"""

import argparse
import csv
import importlib.util
import shutil
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def english_inject():
    spec = importlib.util.spec_from_file_location("inject_en", HERE.parent / "spelling" / "inject.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def halves():
    with open(HERE / "split.tsv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    out = {}
    for row in rows:
        out.setdefault(row["half"], []).append(row["file"])
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", default="/tmp/spelling-bench-fr")
    args = parser.parse_args()
    inject = english_inject()
    errors = inject.read_errors(HERE / "errors.tsv")
    for half, files in sorted(halves().items()):
        with tempfile.TemporaryDirectory() as tmp:
            corpus = Path(tmp) / "corpus"
            corpus.mkdir()
            for name in files:
                shutil.copyfile(HERE / "corpus" / name, corpus / name)
            table = Path(tmp) / "errors.tsv"
            with open(table, "w", encoding="utf-8", newline="") as f:
                f.write("\t".join(inject.COLUMNS) + "\n")
                for row in errors:
                    if row["file"] in files:
                        f.write("\t".join(str(row[c]) for c in inject.COLUMNS) + "\n")
            inject.CORPUS = corpus
            # This half's files are the whole of its tree (the English
            # script checks every corpus file against its own split).
            inject.read_split = (lambda h, names: (lambda path=None: {n: h for n in names}))(half, files)
            inject.read_errors = (lambda read, t: (lambda path=None: read(t)))(english_inject().read_errors, table)
            print(f"{half}: ", end="")
            inject.build(Path(args.out) / half)


if __name__ == "__main__":
    main()
