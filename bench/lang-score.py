#!/usr/bin/env python3
"""Scores language predictions against a test set, the same way for every
system (bench/bench-lang.sh).

    lang-score.py TEST.tsv NAME=PREDICTIONS [NAME=PREDICTIONS ...]

TEST.tsv: LANG<TAB>SET<TAB>SENTENCE (plugins/lang/make-corpus.py); LANG
may list several right answers ("hr|sr|bs" for Bosnian), and a SET ending
in ".xx" names the language of the text (xx) when LANG is not it.
PREDICTIONS: one code per line, in the order of TEST.tsv ("und" counts as
wrong).  Prints, per system, the accuracy by length band (characters), the
languages below 99% (40+ characters), and the confusion tables of the
close languages, then one line per system that a script can read.
"""
import re
import sys
from collections import Counter, defaultdict

BANDS = (("< 20", 0, 20), ("20-40", 20, 40), (">= 40", 40, 10 ** 9))
GROUPS = ("es,pt,ca,gl", "da,no,sv", "cs,sk", "sr,hr,bs", "id,ms", "ru,uk,bg")
CYRILLIC = re.compile("[\u0400-\u04ff]")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line:
                continue
            fields = line.split("\t", 2)
            if len(fields) != 3:
                sys.exit(f"{path}:{n}: expected LANG<TAB>SET<TAB>SENTENCE")
            accept, name, text = fields
            truth = name.rsplit(".", 1)[1] if "." in name else accept
            rows.append((set(accept.split("|")), truth, name, text))
    return rows


def report(name, rows, pred):
    print(f"\n== {name}")
    print(f"{'band':<8} {'sentences':>9} {'right':>9} {'accuracy':>9}")
    summary = []
    for band, lo, hi in BANDS:
        sel = [i for i, r in enumerate(rows) if lo <= len(r[3]) < hi]
        right = sum(1 for i in sel if pred[i] in rows[i][0])
        acc = 100.0 * right / len(sel) if sel else 0.0
        print(f"{band:<8} {len(sel):>9} {right:>9} {acc:>8.2f}%")
        summary.append(f"{band.replace(' ', '')}={acc:.2f}")
    per = defaultdict(lambda: [0, 0, Counter()])
    for i, (accept, truth, _, text) in enumerate(rows):
        if len(text) < 40:
            continue
        p = per[truth]
        p[0] += 1
        if pred[i] in accept:
            p[1] += 1
        else:
            p[2][pred[i]] += 1
    low = [(100.0 * r / n, lang, c) for lang, (n, r, c) in per.items() if r < 0.99 * n]
    if low:
        print("languages below 99% on 40+ characters:",
              "; ".join(f"{lang} {acc:.1f}% ({', '.join(f'{k}:{v}' for k, v in c.most_common(3))})"
                        for acc, lang, c in sorted(low)))
    for group in GROUPS:
        langs = group.split(",")
        print(f"\nconfusion {group}: rows the text's language, columns the answer"
              f" (20+ characters{', Latin script' if 'sr' in langs else ''})")
        print(f"{'':<6}" + "".join(f"{l:>7}" for l in langs) + f"{'other':>7}{'right%':>8}")
        for lang in langs:
            sel = [i for i, r in enumerate(rows)
                   if r[1] == lang and len(r[3]) >= 20
                   and not ("sr" in langs and CYRILLIC.search(r[3]))]
            if not sel:
                continue
            cnt = Counter(pred[i] if pred[i] in langs else "other" for i in sel)
            right = sum(1 for i in sel if pred[i] in rows[i][0])
            print(f"{lang:<6}" + "".join(f"{cnt[l]:>7}" for l in langs)
                  + f"{cnt['other']:>7}{100.0 * right / len(sel):>8.2f}")
    return " ".join(summary)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rows = load(sys.argv[1])
    lines = []
    for arg in sys.argv[2:]:
        name, _, path = arg.partition("=")
        with open(path, encoding="utf-8") as f:
            pred = [l.split("\t")[0].strip() for l in f.read().split("\n")]
        pred = pred[:len(rows)]
        if len(pred) != len(rows):
            sys.exit(f"{path}: {len(pred)} predictions for {len(rows)} sentences")
        lines.append(f"score {name}: {report(name, rows, pred)}")
    print()
    print("\n".join(lines))


if __name__ == "__main__":
    main()
