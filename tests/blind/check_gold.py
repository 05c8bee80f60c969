#!/usr/bin/env python3
"""Sanity checks of the blind gold files (run from the repo root or from tests/blind).

Every TSV row has the header's column count; every predicate is one of the 23 relation names of
shared/spec/ONTOLOGY.md; every subject/object/alt label is an entity label or alias in blind-entities.tsv;
no two entities share a label/alias key; the entities of each triple list that document; no triple uses a
furniture mention of its document; every document has an article file and a documents row.
"""
import os
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
RELATIONS = """buysWeaponsFrom acquiresWeapon usesWeapon manufactures coDevelops cooperatesMilitarilyWith
sharesIntelligenceWith holdsExerciseWith alliedWith supports inConflictWith hasTensionsWith accuses meetsWith
visits officialOf signsAgreementWith hasDiplomaticRelationsWith normalizesRelationsWith cooperatesWith
importsEnergyFrom tradesWith arrests""".split()
assert len(RELATIONS) == 23


def key(label):  # the same normalisation as shared/tools/score.py
    s = unicodedata.normalize("NFKD", label or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    s = s.replace("ı", "i").lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def table(name):
    path = os.path.join(HERE, name)
    lines = [l.rstrip("\n") for l in open(path, encoding="utf-8") if not l.startswith("#") and l.strip()]
    header = lines[0].split("\t")
    rows, errors = [], []
    for n, line in enumerate(lines[1:], 2):
        cells = line.split("\t")
        if len(cells) != len(header):
            errors.append(f"{name}: data row {n}: {len(cells)} columns, header has {len(header)}: {line[:80]}")
        rows.append(dict(zip(header, cells)))
    return header, rows, errors


errors = []
_, triples, e = table("blind-triples.tsv"); errors += e
_, entities, e = table("blind-entities.tsv"); errors += e
_, documents, e = table("blind-documents.tsv"); errors += e

canon, ent_docs, types = {}, {}, {}
for r in entities:
    c = key(r["label"])
    types[c] = r["type"]
    for name in [r["label"]] + [a for a in r["aliases"].split("|") if a.strip()]:
        k = key(name)
        if k in canon and canon[k] != c:
            errors.append(f"entities: '{name}' names both {canon[k]!r} and {c!r}")
        canon[k] = c
    ent_docs[c] = {d.strip().rstrip("?") for d in r["documents"].split(",") if d.strip() not in ("", "-")}

docs = {r["document"]: r for r in documents}
furniture = {d: {key(x) for x in r["furniture"].split("|")} for d, r in docs.items() if r["furniture"] != "-"}
articles = {os.path.splitext(f)[0] for f in os.listdir(os.path.join(HERE, "articles"))}
if set(docs) != articles:
    errors.append(f"documents rows {sorted(docs)} != article files {sorted(articles)}")

seen = set()
for n, r in enumerate(triples, 2):
    d, s, p, o = r["document"], r["subject"], r["predicate"], r["object"]
    where = f"triples row {n} ({d} {s} {p} {o})"
    if d not in docs:
        errors.append(f"{where}: unknown document")
    if p not in RELATIONS:
        errors.append(f"{where}: predicate not one of the 23 relations")
    if r["level"] not in ("E", "I"):
        errors.append(f"{where}: level must be E or I")
    labels = [s, o]
    if r["alt"]:
        a_s, _, a_o = r["alt"].rpartition(">")
        labels += [x for x in (a_s, a_o) if x]
    for label in labels:
        c = canon.get(key(label))
        if c is None:
            errors.append(f"{where}: '{label}' is not an entity label or alias")
        elif d not in ent_docs[c]:
            errors.append(f"{where}: entity '{label}' does not list document {d}")
        if key(label) in furniture.get(d, set()):
            errors.append(f"{where}: '{label}' is furniture in {d}")
    sym = p in ("cooperatesMilitarilyWith", "sharesIntelligenceWith", "holdsExerciseWith", "alliedWith",
                "inConflictWith", "hasTensionsWith", "meetsWith", "signsAgreementWith",
                "hasDiplomaticRelationsWith", "normalizesRelationsWith", "cooperatesWith", "tradesWith")
    t = (d, *sorted((canon.get(key(s)), canon.get(key(o))))) if sym else (d, canon.get(key(s)), canon.get(key(o)))
    if (t, p) in seen:
        errors.append(f"{where}: duplicate row")
    seen.add((t, p))

for e in errors:
    print("ERROR", e)
lv = {"E": 0, "I": 0}
for r in triples:
    lv[r["level"]] = lv.get(r["level"], 0) + 1
print(f"{len(docs)} documents, {len(triples)} triples (E {lv['E']}, I {lv['I']}), {len(entities)} entities; "
      f"{len(errors)} errors")
sys.exit(1 if errors else 0)
