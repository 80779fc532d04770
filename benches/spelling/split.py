#!/usr/bin/env python3
"""Chooses, once, which documents of corpus/ are the development half and
which the held-out half of the spelling and grammar benchmark.

    python3 benches/spelling/split.py          # prints split.tsv
    python3 benches/spelling/split.py --write  # writes it

A seeded shuffle (SEED below) of the sorted document names: the first half
is `dev`, the rest `held-out`; each learner error of errors.tsv belongs to the
half of its document, so the held-out prose is unseen for false alarms too.
Rules are written looking only at the `dev` half (`inject.py --half dev`);
both halves are reported. split.tsv is committed: documents added later are
appended to it by hand with their half (the cert-manager tutorials, added
after the split, are all held out), so rerunning this script on a grown
corpus is not how the split changes.
"""

import argparse
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 22


def split(names):
    names = sorted(names)
    random.Random(SEED).shuffle(names)
    half = (len(names) + 1) // 2
    return {name: ("dev" if i < half else "held-out") for i, name in enumerate(names)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="write split.tsv")
    args = parser.parse_args()
    halves = split(p.name for p in (HERE / "corpus").glob("*.md"))
    text = "file\thalf\n" + "".join(f"{n}\t{h}\n" for n, h in sorted(halves.items()))
    if args.write:
        (HERE / "split.tsv").write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
