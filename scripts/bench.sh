#!/usr/bin/env bash
# Times the isnad CLI on the SaudiNewsNet corpus in ../shared/corpus and prints MB/s
# (MB = 10^6 bytes of article text). The corpus is read at run time and never copied into
# the repository; the scratch files live in a temporary folder that is removed at exit.
#
#   scripts/bench.sh            # all measurements
#   scripts/bench.sh normalize  # only those whose name contains "normalize"
set -euo pipefail
cd "$(dirname "$0")/.."
corpus_dir=${ISNAD_CORPUS:-../shared/corpus}
filter=${1:-}
[ -d "$corpus_dir" ] || { echo "no corpus at $corpus_dir (set ISNAD_CORPUS)" >&2; exit 2; }

cargo build --release --quiet
bin=target/release/isnad
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat "$corpus_dir"/*.jsonl > "$tmp/corpus.jsonl"
# All article texts as one document, and the number of text bytes the batches analyse.
python3 - "$tmp/corpus.jsonl" "$tmp/corpus.txt" > "$tmp/text_bytes" <<'PY'
import json, sys
total = 0
with open(sys.argv[1], encoding="utf-8") as f, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in f:
        text = json.loads(line)["content"]
        out.write(text + "\n")
        total += len(text.encode("utf-8"))
print(total)
PY
text_bytes=$(cat "$tmp/text_bytes")
articles=$(wc -l < "$tmp/corpus.jsonl")
echo "corpus: $articles articles, $text_bytes bytes of text ($(nproc) cores)"

# Runs a command (its output discarded) and prints its MB/s over $2 bytes; best of 3.
measure() {
  local name=$1 bytes=$2; shift 2
  [[ -z "$filter" || "$name" == *"$filter"* ]] || return 0
  local best=""
  for _ in 1 2 3; do
    local start end secs
    start=$(date +%s.%N)
    "$@" > /dev/null || [ $? -eq 1 ]  # exit 1 = some batch lines failed: still timed
    end=$(date +%s.%N)
    secs=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || (( $(echo "$secs < $best" | bc -l) )); then best=$secs; fi
  done
  printf '%-34s %8.2f s %9.1f MB/s\n' "$name" "$best" "$(echo "$bytes / $best / 1000000" | bc -l)"
}

file_bytes=$(stat -c %s "$tmp/corpus.txt")
measure "normalize --profile search (1 doc)" "$file_bytes" "$bin" normalize --profile search "$tmp/corpus.txt"
measure "normalize --profile camel (1 doc)" "$file_bytes" "$bin" normalize --profile camel "$tmp/corpus.txt"
measure "batch default pipeline, 1 thread" "$text_bytes" "$bin" batch --input "$tmp/corpus.jsonl" --threads 1
measure "batch default pipeline, 2 threads" "$text_bytes" "$bin" batch --input "$tmp/corpus.jsonl" --threads 2
