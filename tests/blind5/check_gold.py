#!/usr/bin/env python3
"""Sanity checks for the blind5 gold files.

usage: python3 tests/blind5/check_gold.py  (from anywhere)

Checks that
  * every non-comment row of blind5-triples/entities/documents.tsv has as many columns as its header;
  * every predicate is one of the 23 relation types of spec/ONTOLOGY.md;
  * every subject, object and alt label (both sides of "Subject>Object") is a label or alias in blind5-entities.tsv;
  * level is E or I; documents named in the three files exist as articles/<document>.txt;
  * no document has the same (normalised) triple twice, and no furniture mention is a triple argument there.
Exit status 1 on any error.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RELATIONS = [
    "buysWeaponsFrom", "acquiresWeapon", "usesWeapon", "manufactures", "coDevelops",
    "cooperatesMilitarilyWith", "sharesIntelligenceWith", "holdsExerciseWith", "alliedWith", "supports",
    "inConflictWith", "hasTensionsWith", "accuses", "meetsWith", "visits", "officialOf",
    "signsAgreementWith", "hasDiplomaticRelationsWith", "normalizesRelationsWith", "cooperatesWith",
    "importsEnergyFrom", "tradesWith", "arrests",
]
SYMMETRIC = {
    "cooperatesMilitarilyWith", "sharesIntelligenceWith", "holdsExerciseWith", "alliedWith",
    "inConflictWith", "hasTensionsWith", "meetsWith", "signsAgreementWith",
    "hasDiplomaticRelationsWith", "normalizesRelationsWith", "cooperatesWith", "tradesWith",
}


def key(label):
    s = unicodedata.normalize("NFKD", label or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def read(name):
    """header list and [(line number, fields)] of a TSV whose comment lines start with '#'."""
    header, rows = None, []
    with open(os.path.join(HERE, name), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = line.split("\t")
            if header is None:
                header = fields
            else:
                rows.append((n, fields))
    return header, rows


def main():
    errors = []
    err = lambda msg: errors.append(msg)

    # cross-check the relation list against the spec when it is reachable
    spec = os.path.join(HERE, "..", "..", "..", "shared", "spec", "ONTOLOGY.md")
    if os.path.exists(spec):
        text = open(spec, encoding="utf-8").read()
        found = re.findall(r"^\| ([a-zA-Z]+) \| [A-Z]", text, re.M)
        if sorted(found) != sorted(RELATIONS):
            err(f"relation list differs from ONTOLOGY.md: {sorted(set(found) ^ set(RELATIONS))}")
    assert len(RELATIONS) == 23

    articles = {os.path.splitext(n)[0] for n in os.listdir(os.path.join(HERE, "articles")) if n.endswith(".txt")}
    tables = {}
    for name in ("blind5-triples.tsv", "blind5-entities.tsv", "blind5-documents.tsv"):
        header, rows = read(name)
        tables[name] = (header, rows)
        for n, fields in rows:
            if len(fields) != len(header):
                err(f"{name}:{n}: {len(fields)} columns, header has {len(header)}")
        # keep only well-formed rows for the checks below (the column error is already reported)
        rows = [(n, f) for n, f in rows if len(f) == len(header)]
        tables[name] = (header, rows)

    # entities
    eh, erows = tables["blind5-entities.tsv"]
    known, labels = {}, set()
    for n, f in erows:
        r = dict(zip(eh, f))
        if key(r["label"]) in labels:
            err(f"blind5-entities.tsv:{n}: duplicate label {r['label']}")
        labels.add(key(r["label"]))
        for a in [r["label"]] + [a for a in r.get("aliases", "").split("|") if a.strip()]:
            k = key(a)
            if k in known and known[k] != key(r["label"]):
                err(f"blind5-entities.tsv:{n}: alias {a!r} also names {known[k]!r}")
            known[k] = key(r["label"])
        if r.get("required") not in ("yes", "optional"):
            err(f"blind5-entities.tsv:{n}: required must be yes/optional")
        for d in r.get("documents", "").split(","):
            d = d.strip().rstrip("?")
            if d and d != "-" and d not in articles:
                err(f"blind5-entities.tsv:{n}: unknown document {d}")

    # documents
    dh, drows = tables["blind5-documents.tsv"]
    furniture, docs = {}, set()
    for n, f in drows:
        r = dict(zip(dh, f))
        docs.add(r["document"])
        if r["document"] not in articles:
            err(f"blind5-documents.tsv:{n}: no article {r['document']}.txt")
        if r["language"] not in ("ar", "fa", "en"):
            err(f"blind5-documents.tsv:{n}: language {r['language']}")
        if r["date"] != "-" and not re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]):
            err(f"blind5-documents.tsv:{n}: date {r['date']}")
        furniture[r["document"]] = {key(x) for x in r["furniture"].split("|") if x != "-"}
    if docs != articles:
        err(f"documents.tsv vs articles/: {sorted(docs ^ articles)}")

    # triples
    th, trows = tables["blind5-triples.tsv"]
    seen = {}
    counts = {"E": 0, "I": 0}
    for n, f in trows:
        r = dict(zip(th, f))
        where = f"blind5-triples.tsv:{n}"
        if r["document"] not in articles:
            err(f"{where}: unknown document {r['document']}")
        if r["predicate"] not in RELATIONS:
            err(f"{where}: predicate {r['predicate']!r} is not one of the 23 relations")
        if r["level"] not in ("E", "I"):
            err(f"{where}: level {r['level']!r}")
        else:
            counts[r["level"]] += 1
        args = [r["subject"], r["object"]]
        if r.get("alt"):
            args += [a for a in r["alt"].split(">") if a]
        for a in args:
            if key(a) not in known:
                err(f"{where}: label {a!r} is not in blind5-entities.tsv")
        s, o = known.get(key(r["subject"]), key(r["subject"])), known.get(key(r["object"]), key(r["object"]))
        if s == o:
            err(f"{where}: subject equals object")
        for a in (s, o):
            if a in furniture.get(r["document"], set()):
                err(f"{where}: {a!r} is furniture in {r['document']}")
        t = (s, r["predicate"], o)
        if r["predicate"] in SYMMETRIC and s > o:
            t = (o, r["predicate"], s)
        if (r["document"], t) in seen:
            err(f"{where}: duplicate of line {seen[(r['document'], t)]}")
        seen[(r["document"], t)] = n

    for e in errors:
        print("ERROR", e)
    per_doc = {}
    for (d, _), _n in seen.items():
        per_doc[d] = per_doc.get(d, 0) + 1
    print(f"articles: {len(articles)}; triples: {len(trows)} (E {counts['E']}, I {counts['I']}); "
          f"entities: {len(erows)}; errors: {len(errors)}")
    print("triples per document: " + ", ".join(f"{d} {per_doc.get(d, 0)}" for d in sorted(articles)))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
