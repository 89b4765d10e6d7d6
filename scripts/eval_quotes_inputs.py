#!/usr/bin/env python3
"""Writes the texts of gold-annotated articles as JSON lines {"id", "text"} for eval_pred.

usage: eval_quotes_inputs.py SHARED OUT_SEED OUT_DEV
The seed text comes from SHARED/seed, dev texts from SHARED/corpus by the ids of
SHARED/gold/quotes-dev.jsonl (read at run time, written only to temporary files).
"""
import glob
import json
import os
import sys

shared, out_seed, out_dev = sys.argv[1:4]
seed = json.load(open(os.path.join(shared, "gold/seed-nato-iraq-k24.json"), encoding="utf-8"))
with open(os.path.join(shared, seed["file"]), encoding="utf-8") as f:
    text = f.read()
with open(out_seed, "w", encoding="utf-8") as f:
    f.write(json.dumps({"id": seed["id"], "text": text}, ensure_ascii=False) + "\n")

wanted = [json.loads(l)["id"] for l in open(os.path.join(shared, "gold/quotes-dev.jsonl"), encoding="utf-8") if l.strip()]
found = {}
for path in sorted(glob.glob(os.path.join(shared, "corpus/*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        for line in f:
            # cheap filter before parsing: ids are plain strings in the line
            if not any(i in line[:200] for i in wanted if i not in found):
                continue
            r = json.loads(line)
            if r.get("id") in wanted:
                found[r["id"]] = r["content"]
    if len(found) == len(wanted):
        break
missing = [i for i in wanted if i not in found]
if missing:
    sys.exit(f"ids not found in corpus: {missing}")
with open(out_dev, "w", encoding="utf-8") as f:
    for i in wanted:
        f.write(json.dumps({"id": i, "text": found[i]}, ensure_ascii=False) + "\n")
