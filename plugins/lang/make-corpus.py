#!/usr/bin/env python3
"""Builds the lang stage's training corpus and its held-out test set from
the openly licensed sources listed in data/sources.tsv (language, role,
format, GitHub repository, commit, path, licence).

    make-corpus.py [--mirror DIR] [--shared DIR] [--offline] [--test-only] OUT

Each source file is read, in this order, from
  DIR/OWNER+NAME/repo (a git directory: `git show COMMIT:PATH`, or HEAD),
  DIR/OWNER+NAME/PATH or DIR/OWNER/NAME/PATH (a checkout),
  https://raw.githubusercontent.com/OWNER/NAME/COMMIT/PATH (unless --offline);
repository "shared" means the project's ../shared folder (--shared),
"local" this folder (plugins/lang: small CC0 extracts kept in the project).
LANG may name a script variant (sr-Latn, zh-Hant): a model keeps each in a
lane of its own and reports the language (sr, zh).

Writes
  OUT/train/LANG.txt    one sentence (or paragraph) per line
  OUT/train/LANG.words  WORD<TAB>COUNT lines (word frequency lists)
  OUT/test.tsv          LANG<TAB>SET<TAB>SENTENCE, one sentence per line
  OUT/manifest.tsv      what each source gave (lines kept)
Training lines that also occur in the test set (compared case-folded, with
white space collapsed) are dropped, so the test set stays held out.  The
Serbian and Croatian word lists are cleaned of each other's yat forms
(separate_yat).  A test LANG may be a|b: either answer is right (Bosnian
text, which the shipped model has no lane for, is right as hr, sr or bs).
Python 3 standard library only.
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
import urllib.request
from collections import defaultdict

SPACE = re.compile(r"\s+")
HERE = os.path.dirname(os.path.abspath(__file__))

# Serbian Cyrillic to Latin (the official one-to-one correspondence).
SR_LATIN = dict(zip(
    "абвгдђежзијклљмнњопрстћуфхцчџшАБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ",
    ["a", "b", "v", "g", "d", "đ", "e", "ž", "z", "i", "j", "k", "l", "lj",
     "m", "n", "nj", "o", "p", "r", "s", "t", "ć", "u", "f", "h", "c", "č",
     "dž", "š",
     "A", "B", "V", "G", "D", "Đ", "E", "Ž", "Z", "I", "J", "K", "L", "Lj",
     "M", "N", "Nj", "O", "P", "R", "S", "T", "Ć", "U", "F", "H", "C", "Č",
     "Dž", "Š"]))
# and back: digraphs first
SR_CYRILLIC = sorted(((v, k) for k, v in SR_LATIN.items()),
                     key=lambda p: -len(p[0]))
TAG = re.compile(r"<[^>]+>")
UDHR_BLOCK = re.compile(r"<(p|li)>(.*?)</\1>", re.S)


def to_cyrillic(s):
    out, i = [], 0
    while i < len(s):
        for lat, cyr in SR_CYRILLIC:
            if s.startswith(lat, i):
                out.append(cyr)
                i += len(lat)
                break
        else:
            out.append(s[i])
            i += 1
    return "".join(out)


def to_latin(s):
    return "".join(SR_LATIN.get(c, c) for c in s)


def clean(line):
    return SPACE.sub(" ", line).strip()


def key(line):
    return clean(line).casefold()


def read_source(repo, commit, path, args):
    if repo in ("shared", "local"):
        base = args.shared if repo == "shared" else HERE
        with open(os.path.join(base, path), "rb") as f:
            return f.read()
    owner_name = repo.replace("/", "+")
    if args.mirror:
        gitdir = os.path.join(args.mirror, owner_name, "repo")
        if os.path.isdir(gitdir):
            for rev in (commit, "HEAD"):
                r = subprocess.run(["git", "--git-dir", gitdir, "show",
                                    f"{rev}:{path}"], capture_output=True)
                if r.returncode == 0:
                    return r.stdout
        for base in (os.path.join(args.mirror, owner_name),
                     os.path.join(args.mirror, *repo.split("/"))):
            p = os.path.join(base, path)
            if os.path.isfile(p):
                with open(p, "rb") as f:
                    return f.read()
    if args.offline:
        raise FileNotFoundError(f"{repo}:{path} (not under --mirror, --offline)")
    url = f"https://raw.githubusercontent.com/{repo}/{commit}/{path}"
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


CYRILLIC = re.compile("[\u0400-\u04ff]")


def parse(fmt, data):
    """Yields text lines, or (word, count) pairs for 'words'.  FORMAT@Latn
    and FORMAT@Cyrl keep the items without or with Cyrillic letters;
    FORMAT>sr-latn and FORMAT>sr-cyrl transliterate Serbian into the other
    script."""
    fmt, _, script = fmt.partition(">")
    fmt, _, keep = fmt.partition("@")
    convert = {"": None, "sr-latn": to_latin, "sr-cyrl": to_cyrillic}[script]
    for item in parse_format(fmt, data.decode("utf-8", errors="replace")):
        text = item[0] if isinstance(item, tuple) else item
        if keep and (CYRILLIC.search(text) is not None) != (keep == "Cyrl"):
            continue
        if convert:
            item = (convert(item[0]), item[1]) if isinstance(item, tuple) else convert(item)
        yield item


def parse_format(fmt, text):
    if fmt == "conllu":
        for line in text.splitlines():
            if line.startswith("# text = "):
                yield line[9:]
    elif fmt == "lines":
        yield from text.splitlines()
    elif fmt == "sib":
        for i, line in enumerate(text.splitlines()):
            fields = line.split("\t")
            if i > 0 and len(fields) >= 3:
                yield fields[2]
    elif fmt == "udhr":
        for m in UDHR_BLOCK.finditer(text):
            yield html.unescape(TAG.sub("", m.group(2)))
    elif fmt == "xquad":
        for article in json.loads(text)["data"]:
            for para in article["paragraphs"]:
                yield para["context"]
                for qa in para["qas"]:
                    yield qa["question"]
    elif fmt == "words":
        for line in text.splitlines():
            fields = line.split()
            if len(fields) == 2 and fields[1].isdigit():
                yield fields[0], int(fields[1])
    else:
        raise ValueError(f"unknown format '{fmt}'")


YAT = re.compile("ije|je")


def separate_yat(ekavian, ijekavian, threshold=2):
    """Drops from each word list the other standard's form of a yat word.

    Subtitles labelled Serbian hold many ijekavian words (lijepo, vrijeme)
    and those labelled Croatian ekavian ones (lepo, vreme), which blurs the
    one difference between the two standards every sentence shows.  A pair
    (ijekavian, ekavian) -- the ekavian form has "e" where the other has
    "ije" or "je" -- counts as a yat pair when each form is at least
    @threshold times as frequent as the other in its own standard's list;
    the Serbian list then loses the ijekavian form, the Croatian list the
    ekavian one.  Returns the number of pairs."""
    pairs = []
    for word in set(ekavian) | set(ijekavian):
        for m in YAT.finditer(word):
            ek = word[:m.start()] + "e" + word[m.end():]
            if (ijekavian.get(word, 0) > threshold * ijekavian.get(ek, 0)
                    and ekavian.get(ek, 0) > threshold * ekavian.get(word, 0)):
                pairs.append((word, ek))
    for ije, ek in pairs:
        ekavian.pop(ije, None)
        ijekavian.pop(ek, None)
    return len(pairs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out")
    ap.add_argument("--sources", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "data", "sources.tsv"))
    ap.add_argument("--mirror", help="folder of repository copies")
    ap.add_argument("--shared", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared"))
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--test-only", action="store_true",
                    help="read the test sources only: write OUT/test.tsv")
    args = ap.parse_args()

    train = defaultdict(list)
    words = defaultdict(dict)
    test = []
    manifest = []
    with open(args.sources, encoding="utf-8") as f:
        rows = [l.rstrip("\n").split("\t") for l in f
                if l.strip() and not l.startswith("#")]
    for n, row in enumerate(rows, 1):
        if len(row) != 7:
            sys.exit(f"{args.sources}:{n}: expected 7 tab-separated fields "
                     "(lang role format repo commit path licence)")
        lang, role, fmt, repo, commit, path, _licence = row
        if args.test_only and role == "train":
            continue
        try:
            data = read_source(repo, commit, path, args)
        except (OSError, ValueError) as e:
            sys.exit(f"make-corpus: cannot read {repo}:{path}: {e}")
        kept = 0
        for item in parse(fmt, data):
            if fmt.startswith("words"):
                w, c = item
                words[lang][w] = words[lang].get(w, 0) + c
                kept += 1
                continue
            s = clean(item)
            if not s:
                continue
            if role == "train":
                train[lang].append(s)
            else:
                test.append((lang, role[5:], s))
            kept += 1
        manifest.append((lang, role, repo, path, str(kept)))

    if "sr-Latn" in words and "hr" in words:
        n = separate_yat(words["sr-Latn"], words["hr"])
        print(f"make-corpus: {n} yat pairs separated between the sr-Latn "
              "and hr word lists")
    held_out = {key(s) for _, _, s in test}
    os.makedirs(os.path.join(args.out, "train"), exist_ok=True)
    for lang, lines in sorted(train.items()):
        seen = set()
        with open(os.path.join(args.out, "train", lang + ".txt"), "w",
                  encoding="utf-8") as f:
            for s in lines:
                k = key(s)
                if k in held_out or k in seen:
                    continue
                seen.add(k)
                f.write(s + "\n")
    for lang, counts in sorted(words.items()):
        with open(os.path.join(args.out, "train", lang + ".words"), "w",
                  encoding="utf-8") as f:
            for w, c in sorted(counts.items(), key=lambda x: -x[1]):
                f.write(f"{w}\t{c}\n")
    with open(os.path.join(args.out, "test.tsv"), "w", encoding="utf-8") as f:
        for lang, name, s in test:
            f.write(f"{lang}\t{name}\t{s}\n")
    with open(os.path.join(args.out, "manifest.tsv"), "w",
              encoding="utf-8") as f:
        for row in manifest:
            f.write("\t".join(row) + "\n")
    print(f"make-corpus: {sum(len(v) for v in train.values())} training lines "
          f"in {len(train)} languages, {len(words)} word lists, "
          f"{len(test)} test sentences -> {args.out}")


if __name__ == "__main__":
    main()
