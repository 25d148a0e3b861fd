#!/usr/bin/env python3
"""Ranking fidelity of GET /search against the exact ranking.

For each query of a file: the service's top 20, and the top 20 of the same score computed in SQL over *every* match
(field bonus + ts_rank_cd over the full vector, ties by recency then id; see SearchRepository). Prints the overlap
per query and on average, and checks the headline-over-standfirst-over-body rule on the service's answer.
Usage: PORT=18091 DB=newsroom_bench python3 bench/overlap.py bench/queries/mixed.txt  (the service must be running)
"""
import json
import os
import subprocess
import sys
import urllib.parse
import urllib.request

port = os.environ.get("PORT", "18091")
db = os.environ.get("DB", "newsroom_bench")
EXACT = """
SELECT a.id, (SELECT count(*) FROM article m WHERE m.status = 'published' AND m.published_at <= now()
                AND m.search_vector @@ websearch_to_tsquery('newsroom_english', :'q'))
  FROM article a, websearch_to_tsquery('newsroom_english', :'q') q
 WHERE a.status = 'published' AND a.published_at <= now() AND a.search_vector @@ q
 ORDER BY (CASE WHEN ts_filter(a.search_head, '{a}') @@ q THEN 2 WHEN a.search_head @@ q THEN 1 ELSE 0 END)
          + ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', a.search_vector, q, 33) DESC, a.published_at DESC, a.id DESC
 LIMIT 20;
"""

total, counted = 0.0, 0
print(f"{'query':<24} {'matches':>8} {'overlap':>8}  headline rule")
for line in open(sys.argv[1], encoding="utf-8"):
    q = line.rstrip("\n")
    if not q:
        continue
    url = f"http://127.0.0.1:{port}/api/v1/search?pageSize=20&language=en&q=" + urllib.parse.quote(q, safe="")
    body = json.load(urllib.request.urlopen(url))
    ours = [item["id"] for item in body["items"]]
    scores = [item["score"] for item in body["items"]]
    out = subprocess.run(["runuser", "-u", "postgres", "--", "psql", "-X", "-At", "-F", "\t", "-d", db, "-v", f"q={q}"],
                         input=EXACT, capture_output=True, text=True, check=True).stdout.split()
    exact = out[0::2]
    matches = int(out[1]) if len(out) > 1 else 0
    ordered = all(scores[i] >= scores[i + 1] for i in range(len(scores) - 1))
    if matches:
        overlap = len(set(ours) & set(exact)) / min(20, matches)
        total += overlap
        counted += 1
        print(f"{q:<24} {matches:>8} {overlap:>8.0%}  {'holds' if ordered else 'BROKEN'}")
    else:
        print(f"{q:<24} {matches:>8} {'-':>8}  suggestion: {body.get('suggestion')}")
print(f"{'mean overlap':<24} {'':>8} {total / counted:>8.1%}  over {counted} queries with matches")
