#!/usr/bin/env python3
"""The gold files of the blind sets (tests/blind2 … tests/blind5): check them, or merge a set's language parts.

usage: python3 tests/gold_sets.py check tests/<set>
       python3 tests/gold_sets.py merge tests/<set>

`check` verifies that
  * every non-comment row of <set>-triples/entities/documents.tsv has as many columns as its header;
  * every predicate is one of the 23 relation types of spec/ONTOLOGY.md;
  * every subject, object and alt label (both sides of "Subject>Object") is a label or alias in <set>-entities.tsv;
  * level is E or I; documents named in the three files exist as articles/<document>.txt;
  * no document has the same (normalised) triple twice, and no furniture mention is a triple argument there.
It exits with status 1 on any error.
"""
import os
import re
import sys
import unicodedata

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


def read(path):
    """header list and [(line number, fields)] of a TSV whose comment lines start with '#'."""
    header, rows = None, []
    with open(path, encoding="utf-8") as f:
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


def check(here):
    """Checks the merged gold files of the set in directory `here`; returns the exit status."""
    name_of = os.path.basename(os.path.normpath(here))
    errors = []
    err = lambda msg: errors.append(msg)

    # cross-check the relation list against the spec when it is reachable
    spec = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "spec", "ONTOLOGY.md")
    if os.path.exists(spec):
        text = open(spec, encoding="utf-8").read()
        found = re.findall(r"^\| ([a-zA-Z]+) \| [A-Z]", text, re.M)
        if sorted(found) != sorted(RELATIONS):
            err(f"relation list differs from ONTOLOGY.md: {sorted(set(found) ^ set(RELATIONS))}")
    assert len(RELATIONS) == 23

    articles = {os.path.splitext(n)[0] for n in os.listdir(os.path.join(here, "articles")) if n.endswith(".txt")}
    tables = {}
    for name in (f"{name_of}-triples.tsv", f"{name_of}-entities.tsv", f"{name_of}-documents.tsv"):
        header, rows = read(os.path.join(here, name))
        tables[name] = (header, rows)
        for n, fields in rows:
            if len(fields) != len(header):
                err(f"{name}:{n}: {len(fields)} columns, header has {len(header)}")
        # keep only well-formed rows for the checks below (the column error is already reported)
        rows = [(n, f) for n, f in rows if len(f) == len(header)]
        tables[name] = (header, rows)

    # entities
    eh, erows = tables[f"{name_of}-entities.tsv"]
    known, labels = {}, set()
    for n, f in erows:
        r = dict(zip(eh, f))
        if key(r["label"]) in labels:
            err(f"{name_of}-entities.tsv:{n}: duplicate label {r['label']}")
        labels.add(key(r["label"]))
        for a in [r["label"]] + [a for a in r.get("aliases", "").split("|") if a.strip()]:
            k = key(a)
            if k in known and known[k] != key(r["label"]):
                err(f"{name_of}-entities.tsv:{n}: alias {a!r} also names {known[k]!r}")
            known[k] = key(r["label"])
        if r.get("required") not in ("yes", "optional"):
            err(f"{name_of}-entities.tsv:{n}: required must be yes/optional")
        for d in r.get("documents", "").split(","):
            d = d.strip().rstrip("?")
            if d and d != "-" and d not in articles:
                err(f"{name_of}-entities.tsv:{n}: unknown document {d}")

    # documents
    dh, drows = tables[f"{name_of}-documents.tsv"]
    furniture, docs = {}, set()
    for n, f in drows:
        r = dict(zip(dh, f))
        docs.add(r["document"])
        if r["document"] not in articles:
            err(f"{name_of}-documents.tsv:{n}: no article {r['document']}.txt")
        if r["language"] not in ("ar", "fa", "en"):
            err(f"{name_of}-documents.tsv:{n}: language {r['language']}")
        if r["date"] != "-" and not re.fullmatch(r"\d{4}-\d\d-\d\d", r["date"]):
            err(f"{name_of}-documents.tsv:{n}: date {r['date']}")
        furniture[r["document"]] = {key(x) for x in r["furniture"].split("|") if x != "-"}
    if docs != articles:
        err(f"documents.tsv vs articles/: {sorted(docs ^ articles)}")

    # triples
    th, trows = tables[f"{name_of}-triples.tsv"]
    seen = {}
    counts = {"E": 0, "I": 0}
    for n, f in trows:
        r = dict(zip(th, f))
        where = f"{name_of}-triples.tsv:{n}"
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
                err(f"{where}: label {a!r} is not in {name_of}-entities.tsv")
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

def merge(here):
    """Merges `here`/parts/<part>/{triples,entities,documents}.tsv (parts in the order ar, fa, en) into the
    set's three gold files. Entities are unified on labels, or when one row's label is another's alias,
    never on a shared acronym ("KAI" is Korea Aerospace Industries and Kazakhstan Aviation Industry)."""
    name_of = os.path.basename(os.path.normpath(here))
    order_of = {"ar": 0, "fa": 1, "en": 2}
    parts = sorted(os.listdir(os.path.join(here, "parts")), key=lambda p: order_of.get(p.rsplit("-", 1)[-1], 3))

    def rows(path):
        header, out = read(path)
        return [dict(zip(header, f)) for _, f in out]

    merged, alias_of, label_of, order, problems = {}, {}, {}, [], []
    for p in parts:
        for r in rows(os.path.join(here, "parts", p, "entities.tsv")):
            names = [r["label"]] + [a for a in (r.get("aliases") or "").split("|") if a and a != "-"]
            lk = key(r["label"])
            k = label_of.get(lk) or alias_of.get(lk) or next((label_of[key(a)] for a in names[1:] if key(a) in label_of), None)
            docs = [d.strip() for d in (r.get("documents") or "").split(",") if d.strip()]
            if (r.get("required") or "yes").strip() != "yes":
                docs = [d if d.endswith("?") else d + "?" for d in docs]
            if k is None:
                k = lk
                merged[k] = {"label": r["label"], "type": r["type"], "aliases": [], "documents": []}
                order.append(k)
            m = merged[k]
            if m["type"] != r["type"]:
                problems.append(f"type conflict {m['label']}: {m['type']} vs {r['type']} ({p})")
            for n in names:
                if n != m["label"] and n not in m["aliases"]:
                    m["aliases"].append(n)
                alias_of.setdefault(key(n), k)
            label_of[key(m["label"])] = k
            for d in docs:
                if d not in m["documents"]:
                    m["documents"].append(d)
    with open(os.path.join(here, f"{name_of}-entities.tsv"), "w", encoding="utf-8") as f:
        f.write(f"# Gold entities for {name_of}, merged from the three language parts (tests/{name_of}/parts/).\n")
        f.write("# label: canonical English label. aliases: other English spellings that also count (| separated).\n")
        f.write('# documents: the documents whose article body mentions the entity; "doc?" = finding it there is optional.\n')
        f.write('# required: yes = a good extractor must find it in the documents not marked "?".\n')
        f.write("label\ttype\taliases\tdocuments\trequired\n")
        for k in order:
            m = merged[k]
            req = "yes" if any(not d.endswith("?") for d in m["documents"]) else "optional"
            f.write(f"{m['label']}\t{m['type']}\t{'|'.join(m['aliases'])}\t{','.join(m['documents'])}\t{req}\n")
    # triples and documents: the parts one after another, with the comments that follow each header
    heads = {
        "triples": f"# Gold relation triples for {name_of} (tests/{name_of}/articles), merged from three parts written blind to khabar\n"
        f"# (see tests/{name_of}/README.md). Comment lines (# negated:, # note:) follow their document's rows.\n",
        "documents": f"# Gold document facts for {name_of}, merged from the three language parts.\n",
    }
    for name, head in heads.items():
        out, header = [head], None
        for p in parts:
            for line in open(os.path.join(here, "parts", p, f"{name}.tsv"), encoding="utf-8"):
                line = line if line.endswith("\n") else line + "\n"
                if not line.strip() or line.startswith("#") and header is None:
                    continue
                if line.startswith("#"):
                    out.append(line)
                elif header is None:
                    header = line
                    out.append(line)
                elif not line.startswith("document\t"):
                    out.append(line)
        with open(os.path.join(here, f"{name_of}-{name}.tsv"), "w", encoding="utf-8") as f:
            f.write("".join(out))
    print("\n".join(problems) or "no type conflicts")
    return 0


if __name__ == "__main__":
    commands = {"check": check, "merge": merge}
    if len(sys.argv) != 3 or sys.argv[1] not in commands:
        sys.exit("usage: python3 tests/gold_sets.py check|merge tests/<set>")
    sys.exit(commands[sys.argv[1]](sys.argv[2]))
