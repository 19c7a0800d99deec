"""Runs the default chain over a JSON Lines corpus with nlpipe.Pipeline.pipe()
and prints "docs=N secs=S" (processing only: the models are loaded first),
for bench/bench-python.sh.  usage: python-pipe.py CORPUS.jsonl JOBS [touch]"""
import json
import sys
import time

import nlpipe

corpus, jobs = sys.argv[1], int(sys.argv[2])
touch = len(sys.argv) > 3 and sys.argv[3] == "touch"
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
nlp = nlpipe.Pipeline()
t0 = time.perf_counter()
n = 0
for doc in nlp.pipe(texts, jobs=jobs):
    if touch:
        doc.entities
    n += 1
secs = time.perf_counter() - t0
print("docs=%d secs=%.3f" % (n, secs))
