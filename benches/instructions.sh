#!/usr/bin/env bash
# The regression guard of the preprocessor's speed: instruction counts
# (callgrind counts instructions, not seconds, so a busy machine cannot
# fool it) of the release binary and of the pass-through baseline on the
# same 1,000-report book, their ratio checked against
# benches/instructions.toml. Run from the repository root after
# `cargo build --release` and `cargo bench --bench preprocessor --no-run`.
set -euo pipefail
target=${CARGO_TARGET_DIR:-target}
ours=$(realpath "$target/release/mdbook-technical-file")
bench=""
for candidate in "$target"/release/deps/preprocessor-*; do
    # The newest bench executable (not its .d dependency file).
    if [ -x "$candidate" ] && [ "${candidate%.d}" = "$candidate" ] &&
        { [ -z "$bench" ] || [ "$candidate" -nt "$bench" ]; }; then
        bench=$candidate
    fi
done
[ -n "$bench" ] || { echo "error: no bench executable; run cargo bench --bench preprocessor --no-run" >&2; exit 2; }
bench=$(realpath "$bench")
# Absolute: the JSON mdBook sends names the book root, and the counts run inside it.
book=$(realpath -m "$target/instructions-book")
rm -rf "$book"
"$bench" --generate 1000 "$book" 2>/dev/null
count() {
    # count DIR PROGRAM ARGS...: instructions of PROGRAM < DIR/input.json
    local dir=$1
    shift
    (cd "$dir" && MDBOOK_TECHNICAL_FILE_CACHE="$PWD/no-cache" valgrind --tool=callgrind \
        --callgrind-out-file=/dev/null "$@" <input.json 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p')
}
mine=$(count "$book/technical-file" "$ours")
base=$(count "$book/plain" "$bench" --passthrough)
python3 - "$mine" "$base" benches/instructions.toml <<'PY'
import sys, tomllib
mine, base, path = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
with open(path, "rb") as f:
    committed = tomllib.load(f)
ratio = mine / base
limit = committed["ratio"] * (1 + committed["tolerance"])
print(f"instructions on 1,000 reports: ours {mine:,}, pass-through {base:,}, ratio {ratio:.3f} "
      f"(committed {committed['ratio']}, fails above {limit:.3f})")
if ratio < 1:
    print("error: the preprocessor did less work than the pass-through: it cannot have read "
          "the book (is the book root in the input JSON the folder it runs in?)")
    sys.exit(1)
if ratio > limit:
    print(f"error: the preprocessor got slower: {ratio:.3f}x the pass-through, over {limit:.3f}x; "
          "find the change (git bisect run) or, if the cost is wanted, raise ratio in "
          f"{path} and say why in BENCHMARKS.md")
    sys.exit(1)
PY
