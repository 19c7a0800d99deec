#!/usr/bin/env python3
"""Builds the lemma stage's data from open sources:

  exceptions.tsv  FORM<TAB>TAG<TAB>LEMMA, FORM in lower case:
                  - TAG a Penn Treebank XPOS: the most frequent lemma of the
                    (form, XPOS) pair in UD English-EWT train (CC BY-SA 4.0),
                    kept when it is not what the stage would write anyway (the
                    lower-case form; the form itself for singular proper
                    nouns), and always for the tags of the suffix rules;
                  - TAG LC: the most frequent lemma of a proper noun
                    (NNP, NNPS) written in lower case ("al" -> "al",
                    "chicago" -> "Chicago"), which the stage would otherwise
                    capitalise when the names know it;
                  - TAG N, V, J or R: WordNet 3.0's irregular forms (noun.exc,
                    verb.exc, adj.exc, adv.exc) for nouns, verbs, adjectives
                    and adverbs the treebank lacks.
  bases.tsv       WORD<TAB>CLASSES: every one-word lemma of WordNet 3.0 with
                  its classes (n noun, v verb, a adjective, r adverb), which
                  the suffix rules check their guesses against.

usage: make-lemma-data.py EWT_TRAIN.conllu WORDNET_DIR OUT_DIR
"""
import collections, os, sys

train, wn, out = sys.argv[1:4]
PROPER = ("NNP", "NNPS")
# the tags the stage's suffix rules work on: their pairs are all kept, so
# that "regards" (NNS) stays "regards" as EWT has it
RULED = ("NNS", "VBZ", "VBD", "VBN", "VBG", "JJR", "JJS", "RBR", "RBS")

pairs = collections.defaultdict(collections.Counter)
lower_proper = collections.defaultdict(collections.Counter)
for line in open(train, encoding="utf-8"):
    cols = line.rstrip("\n").split("\t")
    if len(cols) != 10 or not cols[0].isdigit() or cols[2] == "_":
        continue
    form, lemma, xpos = cols[1], cols[2], cols[4]
    pairs[(form.lower(), xpos)][(lemma, form)] += 1
    if xpos in PROPER and form == form.lower() and form != form.upper():
        lower_proper[form][lemma] += 1

rows = {}
for (low, xpos), counts in pairs.items():
    lemmas = collections.Counter()
    for (lemma, form), n in counts.items():
        lemmas[lemma] += n
    lemma = max(sorted(lemmas), key=lambda l: lemmas[l])
    if xpos in PROPER:
        if lemma.lower() == low and xpos != "NNPS":
            continue               # the form itself, whatever its case
    elif lemma == low and xpos not in RULED:
        continue
    if "\t" in low or "\t" in lemma or " " in low:
        continue
    rows[(low, xpos)] = lemma

for low, lemmas in lower_proper.items():
    if "\t" not in low and " " not in low:
        rows[(low, "LC")] = max(sorted(lemmas), key=lambda l: lemmas[l])

classes = {"noun": "N", "verb": "V", "adj": "J", "adv": "R"}
for pos, tag in classes.items():
    for line in open(os.path.join(wn, pos + ".exc"), encoding="latin-1"):
        parts = line.split()
        if len(parts) >= 2 and "_" not in parts[0] and "_" not in parts[1]:
            rows.setdefault((parts[0], tag), parts[1])

with open(os.path.join(out, "exceptions.tsv"), "w", encoding="utf-8") as f:
    f.write("# Lemmas the lemma stage's rules would not find: see make-lemma-data.py\n"
            "# (UD English-EWT train, CC BY-SA 4.0; WordNet 3.0, WordNet licence).\n")
    for (low, tag), lemma in sorted(rows.items()):
        f.write("%s\t%s\t%s\n" % (low, tag, lemma))

bases = collections.defaultdict(set)
for pos, c in (("noun", "n"), ("verb", "v"), ("adj", "a"), ("adv", "r")):
    for line in open(os.path.join(wn, "index." + pos), encoding="latin-1"):
        if line.startswith(" "):
            continue
        w = line.split(" ", 1)[0]
        if "_" not in w:
            bases[w].add(c)
with open(os.path.join(out, "bases.tsv"), "w", encoding="utf-8") as f:
    f.write("# WordNet 3.0 one-word lemmas and their classes: see make-lemma-data.py.\n")
    for w in sorted(bases):
        f.write("%s\t%s\n" % (w, "".join(c for c in "nvar" if c in bases[w])))
