#!/usr/bin/env bash
# Scores the quote stage against the gold annotations in ../shared/gold:
# builds the eval runner in release, runs normalize → entities → quotes over the seed and the
# dev articles (texts pulled from ../shared/corpus by id), and prints score_quotes.py's figures.
#
# usage: scripts/eval_quotes.sh [--verbose] [--no-entities]
#   --verbose      list every miss, spurious quote and wrong speaker
#   --no-entities  run the quote stage with an empty entity layer
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${ISNAD_SHARED:-../shared}
VERBOSE=""
RUNNER_ARGS=()
for a in "$@"; do
  case "$a" in
    --verbose) VERBOSE="--verbose" ;;
    --no-entities) RUNNER_ARGS+=(--no-entities) ;;
    *) echo "unknown argument: $a" >&2; exit 2 ;;
  esac
done
OUT=${ISNAD_EVAL_OUT:-$(mktemp -d)}
mkdir -p "$OUT"
cargo build --release -q -p isnad-quotes --example eval_pred
RUNNER=${CARGO_TARGET_DIR:-target}/release/examples/eval_pred
python3 scripts/eval_quotes_inputs.py "$SHARED" "$OUT/seed-in.jsonl" "$OUT/dev-in.jsonl"
"$RUNNER" "${RUNNER_ARGS[@]}" "$OUT/seed-in.jsonl" > "$OUT/seed-pred.jsonl"
"$RUNNER" "${RUNNER_ARGS[@]}" "$OUT/dev-in.jsonl" > "$OUT/dev-pred.jsonl"
echo "== seed ($SHARED/gold/seed-nato-iraq-k24.json)"
python3 "$SHARED/gold/score_quotes.py" "$SHARED/gold/seed-nato-iraq-k24.json" "$OUT/seed-pred.jsonl" $VERBOSE
echo "== dev ($SHARED/gold/quotes-dev.jsonl)"
python3 "$SHARED/gold/score_quotes.py" "$SHARED/gold/quotes-dev.jsonl" "$OUT/dev-pred.jsonl" $VERBOSE
echo "predictions in $OUT"
