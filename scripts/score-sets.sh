#!/usr/bin/env bash
# Scores the sample corpus and every blind set with one or two khabar engines, printing only each set's
# summary lines (the `ALL` row and the furniture count), so that held-out sets can be scored without
# showing their misses. Usage, from the repository root:
#   scripts/score-sets.sh [KHABAR [DATA]] [-- OLD_KHABAR OLD_DATA]
# KHABAR defaults to target/release/khabar and DATA to data; with "-- OLD_KHABAR OLD_DATA" each set is
# scored by both engines, the old one first (e.g. a session's start binary and `git archive` of its data).
set -euo pipefail
new=${1:-target/release/khabar}
new_data=${2:-data}
old=""
old_data=""
if [ "${3:-}" = "--" ]; then
    old=${4:?the old engine}
    old_data=${5:?the data directory of the old engine}
fi

score() { # engine data gold articles
    "$1" eval --data "$2" --gold "$3" "$4" 2>/dev/null | grep -E '^(ALL|furniture violations)' | tr '\n' ' '
}

row() { # name gold articles
    if [ -n "$old" ]; then
        printf '%-8s old %s\n' "$1" "$(score "$old" "$old_data" "$2" "$3")"
    fi
    printf '%-8s new %s\n' "$1" "$(score "$new" "$new_data" "$2" "$3")"
}

[ -d ../shared/gold ] && row sample ../shared/gold/seeds data/articles
# (blind sets in their numeric order: blind, blind2, blind3, …)
for dir in tests/blind/ $(ls -d tests/blind[0-9]*/ | sort -V); do
    set_name=$(basename "$dir")
    # (a set still being written has no merged gold yet)
    [ -d "$dir/articles" ] && [ -f "$dir/$set_name-triples.tsv" ] || continue
    row "$set_name" "$dir/$set_name" "$dir/articles"
done
