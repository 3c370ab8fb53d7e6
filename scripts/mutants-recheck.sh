#!/bin/sh
# Re-run the mutants that survived per-module runs against the whole suite (cargo-mutants).
#
#   scripts/mutants-recheck.sh [RESULTS-DIR...] [-- CARGO-MUTANTS ARGS...]
#
# RESULTS-DIR is a directory holding a mutants.out (default: every target/mutants/*/ written
# by scripts/mutants-module.sh, and ./mutants.out). The mutants listed in their missed.txt and
# timeout.txt are run again, by exact name, with the repository's .cargo/mutants.toml (unit
# and every integration test); the results go to target/mutants/recheck/mutants.out. What is
# still missed there is a gap in the tests. Arguments after `--` go to `cargo mutants`.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

dirs=""
while [ $# -gt 0 ] && [ "$1" != "--" ]; do
    dirs="$dirs $1"
    shift
done
[ "${1:-}" = "--" ] && shift
if [ -z "$dirs" ]; then
    for d in target/mutants/*/ .; do
        case "$d" in target/mutants/recheck/) continue ;; esac
        [ -d "$d/mutants.out" ] && dirs="$dirs $d"
    done
fi

survivors=$(mktemp)
trap 'rm -f "$survivors"' EXIT
for d in $dirs; do
    for f in missed.txt timeout.txt; do
        [ -f "$d/mutants.out/$f" ] && cat "$d/mutants.out/$f"
    done
done | sort -u >"$survivors"

n=$(grep -c . "$survivors" || true)
if [ "$n" -eq 0 ]; then
    echo "mutants-recheck: no survivors in${dirs:- (no results found)}" >&2
    exit 0
fi
echo "mutants-recheck: $n survivors from$dirs, against the whole suite" >&2

# One exact-name filter per survivor (regex metacharacters escaped), and its file, after the
# arguments given.
while IFS= read -r name; do
    re=$(printf '%s' "$name" | sed 's/[][\\.+*?(){}|^$]/\\&/g')
    set -- "$@" --re "^$re\$"
done <"$survivors"
for file in $(cut -d: -f1 "$survivors" | sort -u); do
    set -- "$@" -f "$file"
done

export PROPTEST_CASES="${PROPTEST_CASES:-16}"
mkdir -p target/mutants/recheck
exec cargo mutants --output target/mutants/recheck "$@"
