"""Students' coverage documents for benches/cohort/run.sh.

students.py EXAMPLE.json DIR N: writes DIR/files/sNNNN.json and
DIR/sites/sNNNN/coverage.json, N students made from the example book's
real document: each keeps its structure, with its own report counts per
skill (gaps included) and report dates (seeded, deterministic).

students.py --cohort DIR N files|http PORT: prints a cohort file of the
first N students, read from the files or from http://127.0.0.1:PORT.
"""
import copy
import json
import random
import sys


def students(example, out, n):
    import os
    base = json.load(open(example))
    os.makedirs(f"{out}/files", exist_ok=True)
    rng = random.Random(2026)
    for i in range(n):
        doc = copy.deepcopy(base)
        doc["title"] = f"Technical file of student {i}"
        for skill in doc["skills"]:
            skill["reports"] = rng.choice([0, 0, 1, 1, 2, 3])
            skill["state"] = "evidenced" if skill["reports"] else "gap"
        for report in doc["reports"]:
            report["date"] = f"2026-{rng.randint(1, 11):02d}-{rng.randint(1, 28):02d}"
        doc["page_estimate"] = round(rng.uniform(5, 13), 1)
        text = json.dumps(doc)
        open(f"{out}/files/s{i:04d}.json", "w").write(text)
        os.makedirs(f"{out}/sites/s{i:04d}", exist_ok=True)
        open(f"{out}/sites/s{i:04d}/coverage.json", "w").write(text)


def cohort(out, n, source, port):
    print('name = "Benchmark cohort"')
    for i in range(n):
        print(f'[[student]]\nname = "Student {i}"')
        if source == "files":
            print(f'path = "{out}/files/s{i:04d}.json"')
        else:
            print(f'site = "http://127.0.0.1:{port}/s{i:04d}/"')


if sys.argv[1] == "--cohort":
    cohort(sys.argv[2], int(sys.argv[3]), sys.argv[4], sys.argv[5])
else:
    students(sys.argv[1], sys.argv[2], int(sys.argv[3]))
