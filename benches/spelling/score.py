#!/usr/bin/env python3
"""Scores spelling and grammar checkers on the trees made by inject.py.

    python3 benches/spelling/inject.py
    python3 benches/spelling/score.py --ours-bin target/release/mdbook-technical-file

Every available checker runs on OUT/clean and OUT/dirty (OUT defaults to
/tmp/spelling-bench). For each injected error of OUT/expected.json:

- caught: a finding of the dirty tree on the error's line whose span overlaps
  the `wrong` text (a finding that the clean tree also has on that line, same
  rule and same flagged text, does not count: it was there before);
- right suggestion: one of the suggestions of a caught finding is `right`
  (case-insensitively), or applying it to the finding's span gives the clean
  line back.

False alarms are measured as findings per 1,000 words on the clean tree, the
words being those of the prose (fenced code, inline code and URLs left out).

Checkers: ours (`mdbook-technical-file check --format json` on a generated
book), typos, codespell, cspell and hunspell (en_US), whichever are installed.
A checker that is not installed is skipped and said so. Nothing is installed
and nothing goes to the network.
"""

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TOOLS = ["ours", "typos", "codespell", "cspell", "hunspell"]


# --------------------------------------------------------------------------
# Findings


class Finding:
    """One finding of one checker.

    file: the document's name; line: 1-based; column: 1-based character
    column of the flagged text (None when the tool does not say); end: the
    column just past it when known; text: the flagged text when known; rule:
    what the tool calls it; suggestions: the replacements it proposes."""

    __slots__ = ("file", "line", "column", "end", "text", "rule", "suggestions", "label")

    def __init__(self, file, line, column, end, text, rule, suggestions, label=None):
        self.file, self.line, self.column, self.end = file, line, column, end
        self.text, self.rule, self.suggestions = text, rule, list(suggestions)
        self.label = label or (text if text else rule)

    def signature(self):
        """What the finding is, independent of where on the line it is."""
        return (self.file, self.line, self.rule, (self.text or "").lower())

    def span(self):
        start = self.column if self.column is not None else 1
        end = self.end if self.end is not None else start + 1
        return start, max(end, start + 1)


# --------------------------------------------------------------------------
# Prose


FENCE = re.compile(r"^\s*(`{3,}|~{3,})")


def prose_mask(text):
    """The text with everything that is not prose blanked out, characters
    kept in place: fenced code blocks, inline code, URLs, link targets and
    HTML tags become spaces. Line and column numbers stay valid."""
    out = []
    fence = None
    for line in text.split("\n"):
        m = FENCE.match(line)
        if m:
            if fence is None:
                fence = m.group(1)
                out.append("")
                continue
            if line.strip().startswith(fence) and line.strip().strip(fence[0]) == "":
                fence = None
                out.append("")
                continue
        if fence is not None:
            out.append("")
            continue
        blank = lambda m: " " * len(m.group(0))
        line = re.sub(r"`[^`]*`", blank, line)
        line = re.sub(r"\]\([^)]*\)", lambda m: "]" + " " * (len(m.group(0)) - 1), line)
        line = re.sub(r"<https?://[^>]*>|https?://\S+", blank, line)
        line = re.sub(r"<[^>]+>", blank, line)
        out.append(line)
    return "\n".join(out)


WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def prose_words(text):
    return len(WORD.findall(prose_mask(text)))


# --------------------------------------------------------------------------
# Checkers


def run(cmd, cwd=None, env=None, ok=(0, 1)):
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    if proc.returncode not in ok:
        raise RuntimeError(f"{' '.join(map(str, cmd))} exited {proc.returncode}: {proc.stderr.strip()[:2000]}")
    return proc.stdout


def backticked(s):
    return re.findall(r"`([^`]+)`", s or "")


def ours_available(args):
    return Path(args.ours_bin).is_file() and os.access(args.ours_bin, os.X_OK)


def ours(tree, work, args):
    """mdbook-technical-file check --format json on a book whose chapters are
    the documents of the tree."""
    book = work / f"book-{tree.name}"
    if book.exists():
        shutil.rmtree(book)
    (book / "book").mkdir(parents=True)
    (book / "reports").mkdir()
    (book / "book.toml").write_text(
        '[book]\ntitle = "spelling benchmark"\nsrc = "book"\n\n'
        '[preprocessor.technical-file]\nbefore = ["links"]\npages = false\n',
        encoding="utf-8",
    )
    docs = sorted(p.name for p in tree.glob("*.md"))
    summary = ["# Summary", ""] + [f"- [{name[:-3]}]({name})" for name in docs]
    (book / "book" / "SUMMARY.md").write_text("\n".join(summary) + "\n", encoding="utf-8")
    for name in docs:
        shutil.copyfile(tree / name, book / "book" / name)
    env = dict(os.environ)
    cache = tempfile.mkdtemp(prefix="cache-", dir=work)  # a fresh cache: every run lints everything
    env["MDBOOK_TECHNICAL_FILE_CACHE"] = cache
    env["NO_COLOR"] = "1"
    out = run([str(Path(args.ours_bin).resolve()), "check", "--format", "json", str(book)], env=env)
    shutil.rmtree(cache, ignore_errors=True)
    data = json.loads(out)
    lines = {name: (tree / name).read_text(encoding="utf-8").split("\n") for name in docs}
    findings = []
    for d in data.get("diagnostics", []):
        if d.get("code") not in ("spelling", "grammar"):
            continue
        name = Path(d.get("file") or "").name
        if name not in lines or not d.get("line"):
            continue
        line, column = d["line"], d.get("column")
        message = d.get("message") or ""
        # suggestions: a future `suggestions` list, else the backticked words
        # after "did you mean" in the human text
        if isinstance(d.get("suggestions"), list):
            suggestions = [str(s) for s in d["suggestions"]]
        else:
            text = d.get("suggestion") or ""
            at = text.find("did you mean")
            suggestions = backticked(text[at:]) if at >= 0 else []
        flagged = None
        end = d.get("end_column")
        quoted = backticked(message)
        src = lines[name][line - 1] if line - 1 < len(lines[name]) else ""
        if column and quoted:
            q = quoted[0]
            if src[column - 1:column - 1 + len(q)].lower() == q.lower():
                flagged = q
                end = end or column + len(q)
        if d["code"] == "spelling":
            label = f"spelling: {flagged or (quoted[0] if quoted else message)}"
        else:
            label = f"grammar: {message}"
        findings.append(Finding(name, line, column, end, flagged, d["code"] + ":" + message, suggestions, label))
    return findings


def typos_available(args):
    return shutil.which("typos") is not None


def typos(tree, work, args):
    out = run(["typos", "--format", "json", "."], cwd=tree, ok=(0, 2))
    findings = []
    cache = {}
    for raw in out.splitlines():
        try:
            d = json.loads(raw)
        except json.JSONDecodeError:
            continue
        if d.get("type") != "typo":
            continue
        name = Path(d["path"]).name
        if name not in cache:
            cache[name] = (tree / name).read_text(encoding="utf-8").split("\n")
        src = cache[name][d["line_num"] - 1].encode("utf-8")
        column = len(src[: d["byte_offset"]].decode("utf-8", "replace")) + 1
        word = d["typo"]
        findings.append(Finding(name, d["line_num"], column, column + len(word), word, "typo", d.get("corrections") or [], f"typo: {word}"))
    return findings


def codespell_available(args):
    return shutil.which("codespell") is not None


def codespell(tree, work, args):
    out = run(["codespell", "."], cwd=tree, ok=(0, 1, 65))
    findings = []
    seen = collections.Counter()
    cache = {}
    for raw in out.splitlines():
        m = re.match(r"^(.*?):(\d+): (.+?) ==> (.+)$", raw)
        if not m:
            continue
        name, line, word, fixes = Path(m.group(1)).name, int(m.group(2)), m.group(3), m.group(4)
        fixes = fixes.split(" | ")[0]
        suggestions = [s.strip() for s in fixes.split(",") if s.strip()]
        if name not in cache:
            cache[name] = (tree / name).read_text(encoding="utf-8").split("\n")
        src = cache[name][line - 1]
        # codespell gives no column: the k-th report of a word on a line is
        # its k-th occurrence there
        k = seen[(name, line, word.lower())]
        seen[(name, line, word.lower())] += 1
        hits = [h.start() for h in re.finditer(r"(?<![\w])" + re.escape(word) + r"(?![\w])", src, re.I)]
        column = hits[k] + 1 if k < len(hits) else None
        end = column + len(word) if column else None
        findings.append(Finding(name, line, column, end, word, "codespell", suggestions, f"codespell: {word}"))
    return findings


def cspell_command():
    if shutil.which("cspell"):
        return ["cspell"]
    if shutil.which("npx"):
        probe = subprocess.run(["npx", "--no-install", "cspell", "--version"], capture_output=True, text=True)
        if probe.returncode == 0:
            return ["npx", "--no-install", "cspell"]
    return None


def cspell_available(args):
    return cspell_command() is not None


def cspell(tree, work, args):
    cmd = cspell_command() + [
        "lint", "--no-progress", "--no-summary", "--show-suggestions", "--no-color",
        "--no-must-find-files", "--no-gitignore", "*.md",
    ]
    out = run(cmd, cwd=tree)
    findings = []
    for raw in out.splitlines():
        m = re.match(r"^(.*?):(\d+):(\d+) - (.*?) \((.*?)\)(?:\s+Suggestions: \[(.*)\])?", raw)
        if not m:
            continue
        name, line, column, rule, word = Path(m.group(1)).name, int(m.group(2)), int(m.group(3)), m.group(4), m.group(5)
        suggestions = [s.strip().rstrip("*") for s in (m.group(6) or "").split(",") if s.strip()]
        findings.append(Finding(name, line, column, column + len(word), word, rule, suggestions, f"cspell: {word}"))
    return findings


def hunspell_available(args):
    if shutil.which("hunspell") is None:
        return False
    probe = subprocess.run(["hunspell", "-D"], capture_output=True, text=True, input="")
    return "en_US" in probe.stdout + probe.stderr


def hunspell(tree, work, args):
    """hunspell -a (ispell pipe mode) on the prose of each document, code
    blanked out, each line sent with a leading `^` so that it is never read
    as a command."""
    def one(path):
        lines = prose_mask(path.read_text(encoding="utf-8")).split("\n")
        payload = "".join("^" + line + "\n" for line in lines)
        out = subprocess.run(["hunspell", "-a", "-i", "utf-8", "-d", "en_US"], input=payload,
                             capture_output=True, text=True).stdout
        return path, out

    findings = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        outputs = list(pool.map(one, sorted(tree.glob("*.md"))))
    for path, out in outputs:
        answers = out.split("\n")[1:]  # the banner
        line = 1
        for a in answers:
            if a == "":
                line += 1
                continue
            m = re.match(r"^& (\S+) \d+ (\d+): (.*)$", a) or re.match(r"^# (\S+) (\d+)$", a)
            if not m:
                continue
            word, offset = m.group(1), int(m.group(2))
            suggestions = [s.strip() for s in m.group(3).split(",")] if m.re.pattern.startswith("^&") else []
            # offset counts the leading `^`: it is the word's 1-based column
            findings.append(Finding(path.name, line, offset, offset + len(word), word, "hunspell", suggestions, f"hunspell: {word}"))
    return findings


CHECKERS = {
    "ours": (ours_available, ours),
    "typos": (typos_available, typos),
    "codespell": (codespell_available, codespell),
    "cspell": (cspell_available, cspell),
    "hunspell": (hunspell_available, hunspell),
}


# --------------------------------------------------------------------------
# Scoring


def new_findings(dirty, clean):
    """The dirty tree's findings that the clean tree does not have on the
    same line (same rule, same flagged text), counted as a multiset."""
    before = collections.Counter(f.signature() for f in clean)
    kept = []
    for f in dirty:
        s = f.signature()
        if before[s] > 0:
            before[s] -= 1
            continue
        kept.append(f)
    return kept


TOKEN = re.compile(r"[\w'’-]+")


def repaired(error, finding, suggestion):
    """Whether putting the suggestion in place of the finding's span gives
    the clean line back. When the tool does not say where its span ends
    (a grammar rule that suggests `an` for `a example`), the span is taken to
    be the next one, two or three words from its column."""
    if finding.column is None:
        return False
    line = error["dirty_line"]
    start = finding.column - 1
    ends = set()
    if finding.end is not None:
        ends.add(finding.end - 1)
    for k, m in enumerate(TOKEN.finditer(line, start)):
        if k == 3:
            break
        ends.add(m.end())
    clean = error["clean_line"].lower()
    return any((line[:start] + suggestion + line[end:]).lower() == clean for end in ends if end >= start)


def score(expected, clean, dirty):
    fresh = new_findings(dirty, clean)
    by_line = collections.defaultdict(list)
    for f in fresh:
        by_line[(f.file, f.line)].append(f)
    results = {}
    for e in expected:
        caught, right = False, False
        for f in by_line.get((e["file"], e["line"]), []):
            start, end = f.span()
            if start < e["end_column"] and e["column"] < end:
                caught = True
                for s in f.suggestions:
                    if s.lower() == e["right"].lower() or repaired(e, f, s):
                        right = True
        results[e["id"]] = (caught, right)
    return results


def pct(n, d):
    return f"{100.0 * n / d:.1f}" if d else "–"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", default="/tmp/spelling-bench", help="the folder written by inject.py")
    parser.add_argument("--ours-bin", default=str(ROOT / "target/release/mdbook-technical-file"))
    parser.add_argument("--tools", default=",".join(TOOLS), help="comma-separated subset of " + ",".join(TOOLS))
    parser.add_argument("--top", type=int, default=15, help="false alarms listed per tool (0: none)")
    parser.add_argument("--missed", action="store_true", help="list the errors each tool misses")
    parser.add_argument("--json", help="also write the raw results to this file")
    args = parser.parse_args()

    bench = Path(args.bench)
    clean_dir, dirty_dir = bench / "clean", bench / "dirty"
    if not (bench / "expected.json").is_file():
        sys.exit(f"{bench}/expected.json is missing: run benches/spelling/inject.py first")
    expected = json.loads((bench / "expected.json").read_text(encoding="utf-8"))
    docs = sorted(clean_dir.glob("*.md"))
    words = sum(prose_words(p.read_text(encoding="utf-8")) for p in docs)
    categories = sorted({e["category"] for e in expected})
    work = Path(tempfile.mkdtemp(prefix="score-", dir=bench))

    rows, skipped, raw = [], [], {}
    for name in [t.strip() for t in args.tools.split(",") if t.strip()]:
        if name not in CHECKERS:
            sys.exit(f"unknown tool {name}; known: {', '.join(TOOLS)}")
        available, check = CHECKERS[name]
        if not available(args):
            skipped.append(name)
            continue
        t0 = time.monotonic()
        try:
            clean = check(clean_dir, work, args)
            dirty = check(dirty_dir, work, args)
        except (RuntimeError, json.JSONDecodeError, OSError) as err:
            print(f"{name}: failed: {err}", file=sys.stderr)
            skipped.append(f"{name} (failed)")
            continue
        seconds = time.monotonic() - t0
        results = score(expected, clean, dirty)
        rows.append((name, clean, dirty, results, seconds))
        raw[name] = {
            "seconds": round(seconds, 2),
            "clean_findings": len(clean),
            "errors": {k: {"caught": c, "right_suggestion": r} for k, (c, r) in results.items()},
        }

    shutil.rmtree(work, ignore_errors=True)
    n = len(expected)
    print(f"Corpus: {len(docs)} documents, {words:,} words of prose; {n} injected errors in {len(categories)} categories.\n")
    print("| tool | errors caught at the right line (%) | right suggestion (%) | findings per 1,000 words on clean | time (s, both trees) |")
    print("|---|---:|---:|---:|---:|")
    for name, clean, dirty, results, seconds in rows:
        caught = sum(c for c, _ in results.values())
        right = sum(r for _, r in results.values())
        print(f"| {name} | {pct(caught, n)} | {pct(right, n)} | {1000.0 * len(clean) / words:.2f} | {seconds:.1f} |")
    print()
    if rows:
        print("Recall by category (% of the category's errors caught):\n")
        print("| category | errors | " + " | ".join(r[0] for r in rows) + " |")
        print("|---|---:|" + "---:|" * len(rows))
        for cat in categories:
            ids = [e["id"] for e in expected if e["category"] == cat]
            cells = [pct(sum(r[3][i][0] for i in ids), len(ids)) for r in rows]
            print(f"| {cat} | {len(ids)} | " + " | ".join(cells) + " |")
        print()
    if skipped:
        print("Not run (not installed, or failed): " + ", ".join(skipped) + "\n")
    if args.top:
        for name, clean, _, _, _ in rows:
            top = collections.Counter(f.label for f in clean).most_common(args.top)
            print(f"Most frequent findings of {name} on the clean text ({len(clean)} in all):\n")
            for label, count in top:
                print(f"- {count} × {label}")
            print()
    if args.missed:
        for name, _, _, results, _ in rows:
            print(f"Missed by {name}:\n")
            for e in expected:
                if not results[e["id"]][0]:
                    print(f"- {e['id']} {e['category']}: `{e['wrong']}` → `{e['right']}` ({e['file']}:{e['line']})")
            print()
    if args.json:
        Path(args.json).write_text(json.dumps({"words": words, "documents": len(docs), "tools": raw}, indent=1) + "\n")


if __name__ == "__main__":
    main()
