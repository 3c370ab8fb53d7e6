#!/bin/sh
# Mutation-test one module of the crate against its own test files (cargo-mutants).
#
#   scripts/mutants-module.sh MODULE [CARGO-MUTANTS ARGS...]
#
# MODULE is a row of scripts/mutants-modules.txt (`validate` mutates src/validate.rs and
# src/validate/**), or one file below it (`validate/replay` mutates src/validate/replay.rs
# only, against the validate row's tests). Further arguments go to `cargo mutants` (e.g.
# `-j 2`, or `--list` to see the mutants without running them).
#
# The run uses a copy of .cargo/mutants.toml whose `additional_cargo_args` is
# `--lib --test <name> ...` for the module's test files, and writes its results to
# target/mutants/<MODULE>/mutants.out (caught.txt, missed.txt, timeout.txt, unviable.txt).
# A mutant missed here may be killed by another module's tests: run
# scripts/mutants-recheck.sh afterwards to re-run the survivors against the whole suite.
#
# Property tests run PROPTEST_CASES cases each (default 16 here).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
table="$root/scripts/mutants-modules.txt"
config="$root/.cargo/mutants.toml"

if [ $# -lt 1 ] || [ "$1" = "-h" ] || [ "$1" = "--help" ]; then
    sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
    echo
    echo "Modules: $(grep -v '^#' "$table" | awk 'NF {printf "%s ", $1}')"
    exit 2
fi
module=$1
shift
top=${module%%/*}

tests=$(awk -v m="$top" '!/^#/ && $1 == m { for (i = 2; i <= NF; i++) print $i }' "$table")
if [ -z "$tests" ]; then
    echo "mutants-module: no row for \`$top\` in $table" >&2
    exit 2
fi

# The files to mutate.
if [ "$module" = "bin" ]; then
    set -- -f 'src/bin/**' "$@"
else
    [ -f "$root/src/$module.rs" ] || {
        echo "mutants-module: no src/$module.rs" >&2
        exit 2
    }
    set -- -f "src/$module.rs" -f "src/$module/**" "$@"
fi

# The copy of the configuration, with the module's test files.
args='"--lib"'
for t in $tests; do
    [ -f "$root/tests/$t.rs" ] || [ -f "$root/tests/$t/main.rs" ] || {
        echo "mutants-module: $table names $t, which is neither tests/$t.rs nor tests/$t/main.rs" >&2
        exit 2
    }
    args="$args, \"--test\", \"$t\""
done
out="$root/target/mutants/$(echo "$module" | tr / -)"
mkdir -p "$out"
grep -v '^additional_cargo_args' "$config" >"$out/mutants.toml"
echo "additional_cargo_args = [$args]" >>"$out/mutants.toml"

cd "$root"
export PROPTEST_CASES="${PROPTEST_CASES:-16}"
echo "mutants-module: $module against --lib$(printf ' --test %s' $tests); results in ${out#"$root"/}/mutants.out" >&2
exec cargo mutants --config "$out/mutants.toml" --output "$out" "$@"
