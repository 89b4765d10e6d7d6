#!/usr/bin/env bash
# Tags the ANERcorp CAMeL-Lab test split with the committed model and scores it with the
# reference scorer (per type and micro P/R/F1, CoNLL exact span and type).
# usage: crates/isnad-entities/scripts/eval_ner.sh [GOLD] (default: ../shared test split)
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
shared="${ISNAD_SHARED:-$root/../shared}"
gold="${1:-$shared/data/anercorp/ANERCorp_CamelLab_test.txt}"
pred="$(mktemp /tmp/isnad-ner-pred.XXXXXX)"
trap 'rm -f "$pred"' EXIT
cd "$root"
cargo run --quiet --release -p isnad-entities --bin isnad-ner-conll -- "$gold" > "$pred"
python3 "$shared/data/anercorp/conll_f1.py" "$gold" "$pred"
