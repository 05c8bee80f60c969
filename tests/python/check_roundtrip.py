"""Loads khabar's RDF dumps back into Oxigraph (pyoxigraph) and rdflib and compares quad counts.

usage: check_roundtrip.py ALL_QUADS VIEW_TRIPLES dump.nq dump.trig dump.ttl dump.jsonld
N-Quads and TriG hold every graph (ALL_QUADS); Turtle and JSON-LD hold the view (VIEW_TRIPLES).
"""
import sys

import pyoxigraph as ox
import rdflib

total, view = int(sys.argv[1]), int(sys.argv[2])
nq, trig, ttl, jsonld = sys.argv[3:7]
for path, fmt, expected in [(nq, ox.RdfFormat.N_QUADS, total), (trig, ox.RdfFormat.TRIG, total), (ttl, ox.RdfFormat.TURTLE, view), (jsonld, ox.RdfFormat.JSON_LD, view)]:
    store = ox.Store()
    store.load(path=path, format=fmt)
    assert len(store) == expected, (path, len(store), expected)
for path, fmt, expected in [(nq, "nquads", total), (trig, "trig", total)]:
    ds = rdflib.Dataset()
    ds.parse(path, format=fmt)
    n = sum(1 for _ in ds.quads((None, None, None, None)))
    assert n == expected, (path, n, expected)
for path, fmt, expected in [(ttl, "turtle", view), (jsonld, "json-ld", view)]:
    g = rdflib.Graph()
    g.parse(path, format=fmt)
    assert len(g) == expected, (path, len(g), expected)
print("ok", total, view)
