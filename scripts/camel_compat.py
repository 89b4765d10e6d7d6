#!/usr/bin/env python3
"""Checks that `isnad-normalize`'s camel profile gives, article for article, exactly what
CAMeL Tools 1.6 gives for

    normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
        dediac_ar(normalize_unicode(text)))))

on every `content` of the SaudiNewsNet corpus (read at run time from ../shared/corpus or
$ISNAD_CORPUS; nothing is copied). Prints the number of identical articles, the first
differences, and both throughputs over the whole corpus as one string.

Needs camel_tools importable: `pip install camel-tools`, or, without its heavy
dependencies, `pip install --no-deps camel-tools==1.6.0 emoji` (only camel_tools.utils is used).

    python3 scripts/camel_compat.py [--no-timing] [FILE.jsonl ...]
"""
import glob
import json
import os
import subprocess
import sys
import time
import unicodedata

from camel_tools.utils.dediac import dediac_ar
from camel_tools.utils.normalize import (normalize_alef_ar, normalize_alef_maksura_ar,
                                         normalize_teh_marbuta_ar, normalize_unicode)


def camel_chain(text):
    return normalize_teh_marbuta_ar(normalize_alef_maksura_ar(normalize_alef_ar(
        dediac_ar(normalize_unicode(text)))))


def first_difference(a, b):
    i = next((k for k, (x, y) in enumerate(zip(a, b)) if x != y), min(len(a), len(b)))
    return i, a[max(0, i - 20):i + 20], b[max(0, i - 20):i + 20]


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    timing = '--no-timing' not in sys.argv
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    corpus = os.environ.get('ISNAD_CORPUS', os.path.join(root, '..', 'shared', 'corpus'))
    files = args or sorted(glob.glob(os.path.join(corpus, '*.jsonl')))
    if not files:
        sys.exit(f'no corpus files in {corpus}')

    # $ISNAD_NORMALIZE_JSONL: an already built example binary (skips the build).
    example = os.environ.get('ISNAD_NORMALIZE_JSONL')
    if not example:
        subprocess.run(['cargo', 'build', '--release', '--quiet', '-p', 'isnad-normalize',
                        '--example', 'normalize_jsonl'], cwd=root, check=True)
        example = os.path.join(root, 'target', 'release', 'examples', 'normalize_jsonl')
    ours = subprocess.run([example, '--profile', 'camel', *files], check=True,
                          capture_output=True, text=True).stdout.splitlines()

    texts = []
    for path in files:
        with open(path, encoding='utf-8') as f:
            texts.extend(json.loads(line).get('content') for line in f)
    if len(ours) != len(texts):
        sys.exit(f'{len(ours)} outputs for {len(texts)} articles')

    identical, shown = 0, 0
    for k, (text, mine) in enumerate(zip(texts, ours)):
        expected = None if text is None else camel_chain(text)
        if json.loads(mine) == expected:
            identical += 1
        elif shown < 5:
            shown += 1
            print(f'article {k} differs at', first_difference(expected, json.loads(mine)))
    print(f'identical: {identical} / {len(texts)} articles '
          f'(Python {sys.version.split()[0]}, unicodedata {unicodedata.unidata_version})')

    if timing:
        whole = '\n'.join(t for t in texts if t is not None)
        size = len(whole.encode('utf-8')) / 1e6
        start = time.perf_counter()
        camel_chain(whole)
        seconds = time.perf_counter() - start
        print(f'CAMeL Tools, whole corpus as one string: {size:.1f} MB in {seconds:.2f} s '
              f'= {size / seconds:.1f} MB/s')
        result = subprocess.run([example, '--profile', 'camel', '--time-whole', *files],
                                check=True, capture_output=True, text=True)
        print('isnad camel profile, same string:', result.stderr.strip())
    return 0 if identical == len(texts) else 1


if __name__ == '__main__':
    sys.exit(main())
