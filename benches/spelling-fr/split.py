#!/usr/bin/env python3
"""Splits the corpus into a development half and a held-out half, once, by
a seeded shuffle of the documents (errors follow their document).

    python3 benches/spelling-fr/split.py > benches/spelling-fr/split.tsv

Rules are written looking at the development half only; the held-out half
is the measurement. split.tsv was written before any French rule.
"""

import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2020

docs = sorted(p.name for p in (HERE / "corpus").glob("*.md"))
random.Random(SEED).shuffle(docs)
half = len(docs) // 2
print("file\thalf")
for i, name in enumerate(sorted(docs, key=lambda d: (docs.index(d) >= half, d))):
    print(f"{name}\t{'dev' if docs.index(name) < half else 'held-out'}")
