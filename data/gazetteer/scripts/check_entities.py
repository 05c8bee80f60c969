#!/usr/bin/env python3
"""Check khabar's gazetteer files (data/gazetteer/*.tsv) without building khabar.

Usage: python3 data/gazetteer/scripts/check_entities.py [GAZETTEER_DIR]

Errors (exit status 1): a row whose column count differs from the header, a header missing `id`, `type` or
`label`, an id that is not a lowercase ASCII slug or is used twice (across ALL files), an unknown type, an empty
`|` item or a value with spaces around it, Latin letters or diacritics in `ar`/`fa`, Persian letters in `ar`,
a non-numeric lat/lon, a malformed wikidata id or date, a `maker`/`stands_for` naming no id.
A `country` naming no id is an error when countries.tsv exists, otherwise it is listed as a warning.
Warnings: one folded name or adjective given to several entities (khabar then cannot tell them apart).
"""
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

TYPES = {"Country", "Person", "Organization", "WeaponSystem", "City", "Region", "Event"}
MULTI = ("en", "ar", "fa", "adj_en", "adj_ar", "adj_fa")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
QID = re.compile(r"^Q[1-9]\d*$")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")
ARABIC_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u06D6-\u06ED]")
PERSIAN_ONLY = re.compile("[\u067E\u0686\u0698\u06AF\u06A9\u06CC]")  # پ چ ژ گ ک ی


def fold(text: str) -> str:
    """A rough copy of src/text/normalize.rs: enough to spot names that collide."""
    out = []
    for c in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text)):
        if c in "\u200c\u200d\u200e\u200f\u0640ء" or unicodedata.combining(c):
            continue
        c = {"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ی": "ي", "ئ": "ي", "ک": "ك",
             "ة": "ه", "ۀ": "ه", "ؤ": "و", "ı": "i", "İ": "i"}.get(c, c)
        if "\u06F0" <= c <= "\u06F9":
            c = str(ord(c) - 0x06F0)
        elif "\u0660" <= c <= "\u0669":
            c = str(ord(c) - 0x0660)
        out.append(c.lower())
    return " ".join("".join(out).replace("-", " ").replace(".", " ").split())


def main() -> int:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    files = sorted(root.glob("*.tsv"))
    errors, warnings = [], []
    ids = {}
    rows = []  # (file, line, record)
    for path in files:
        header = None
        for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                for need in ("id", "type", "label"):
                    if need not in header:
                        errors.append(f"{path.name}:{n}: header lacks `{need}`")
                continue
            where = f"{path.name}:{n}"
            if len(cells) != len(header):
                errors.append(f"{where}: {len(cells)} columns, header has {len(header)}")
                continue
            rec = dict(zip(header, cells))
            for col, v in rec.items():
                if v != v.strip():
                    errors.append(f"{where}: `{col}` has spaces around its value")
                if col in MULTI and v:
                    for item in v.split("|"):
                        if not item:
                            errors.append(f"{where}: `{col}` has an empty `|` item")
                        elif item != item.strip():
                            errors.append(f"{where}: `{col}` item `{item}` has spaces around it")
            i = rec.get("id", "")
            if not SLUG.match(i):
                errors.append(f"{where}: id `{i}` is not a lowercase ASCII slug")
            if i in ids:
                errors.append(f"{where}: duplicate id `{i}` (first in {ids[i]})")
            ids[i] = where
            if rec.get("type") not in TYPES:
                errors.append(f"{where}: unknown type `{rec.get('type')}`")
            if not rec.get("label"):
                errors.append(f"{where}: empty label")
            for col in ("ar", "fa", "adj_ar", "adj_fa"):
                v = rec.get(col, "")
                if LATIN.search(v):
                    errors.append(f"{where}: Latin letters in `{col}`: {v}")
                if ARABIC_DIACRITICS.search(v):
                    errors.append(f"{where}: diacritics in `{col}`")
                if col in ("ar", "adj_ar") and PERSIAN_ONLY.search(v):
                    errors.append(f"{where}: Persian letters in `{col}`: {v}")
            for col in ("lat", "lon"):
                v = rec.get(col, "")
                if v:
                    try:
                        float(v)
                    except ValueError:
                        errors.append(f"{where}: `{col}` is not a number: `{v}`")
            wd = rec.get("wikidata", "")
            if wd and not QID.match(wd):
                errors.append(f"{where}: malformed wikidata id `{wd}`")
            for col in ("since", "until"):
                v = rec.get(col, "")
                if v and not DATE.match(v):
                    errors.append(f"{where}: `{col}` is not YYYY[-MM[-DD]]: `{v}`")
            rows.append((where, rec))

    have_countries = (root / "countries.tsv").exists()
    missing_countries = defaultdict(list)
    for where, rec in rows:
        for col in ("maker", "stands_for"):
            v = rec.get(col, "")
            if v and v not in ids:
                errors.append(f"{where}: `{col}` names unknown id `{v}`")
        v = rec.get("country", "")
        if v and v not in ids:
            missing_countries[v].append(where)
    for cid, wheres in sorted(missing_countries.items()):
        msg = f"`country` names unknown id `{cid}` ({len(wheres)} rows, e.g. {wheres[0]})"
        (errors if have_countries else warnings).append(msg)

    owners = defaultdict(set)
    for where, rec in rows:
        for col in ("label", "en", "ar", "fa", "adj_en", "adj_ar", "adj_fa"):
            for name in filter(None, rec.get(col, "").split("|")):
                owners[fold(name)].add(rec["id"])
    for key, who in sorted(owners.items()):
        if len(who) > 1:
            warnings.append(f"name `{key}` given to several entities: {', '.join(sorted(who))}")

    counts = defaultdict(int)
    for where, rec in rows:
        counts[where.split(":")[0]] += 1
    for f in sorted(counts):
        print(f"{f}: {counts[f]} rows")
    if not have_countries:
        print("note: countries.tsv not found; unknown country ids are listed as warnings")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(rows)} rows, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
