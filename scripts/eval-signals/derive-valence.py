#!/usr/bin/env python3
"""Derives word valences from the MIT-licensed VADER sentence sets (human mean ratings, -4..4).

Each word's valence is the shrunk mean deviation of the ratings of the sentences it occurs in
(sum(score - mean) / (n + K)), scaled to the hand-written lexicon's range. vader-tweets is held out
so the tweets row of the evaluation stays out-of-sample; nothing from the airline file is used.
Usage: scripts/eval-signals/derive-valence.py ../shared/data > src/Escalation.Core/Resources/Signals/valence-derived.txt
"""
import collections, json, re, sys

data = sys.argv[1]
SETS = ["vader-amazonreviewsnippets", "vader-moviereviewsnippets", "vader-nyteditorialsnippets"]
K, MIN_N, MIN_ABS, SCALE = 8, 5, 0.8, 1.6
STOP = set("""a an the and or of to in on at for with by from as is are was were be been being it its this that these those
i you he she we they me him her us them my your his our their what which who whom whose when where why how all any both each
few more most other some such only own same so than too very can will just should now then there here also into about over
after before between through during out up down off again further once do does did doing have has had having would could
am amp quot gt lt nbsp film movie story""".split())
tok = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
rows = []
for s in SETS:
    with open(f"{data}/{s}.jsonl", encoding="utf-8") as f:
        rows += [json.loads(l) for l in f if l.strip()]
mean = sum(r["score"] for r in rows) / len(rows)
acc, cnt = collections.defaultdict(float), collections.Counter()
for r in rows:
    for w in set(tok.findall(r["text"].lower())):
        acc[w] += r["score"] - mean
        cnt[w] += 1
print("# Word valences derived from the VADER sentence ratings (Hutto & Gilbert 2014, MIT; see NOTICE)")
print("# by scripts/eval-signals/derive-valence.py; hand-written valence.txt entries take precedence.")
for w in sorted(acc):
    if cnt[w] < MIN_N or w in STOP or w.isdigit():
        continue
    v = acc[w] / (cnt[w] + K) * SCALE
    if abs(v) >= MIN_ABS:
        print(f"{w} {max(-3.5, min(3.5, v)):.2f}")
