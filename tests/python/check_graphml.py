"""Loads a khabar GraphML export with networkx and checks that the given labels are nodes."""
import sys

import networkx as nx

path, labels = sys.argv[1], sys.argv[2:]
g = nx.read_graphml(path)
found = {d.get("label") for _, d in g.nodes(data=True)}
missing = [l for l in labels if l not in found]
if missing:
    sys.exit(f"missing node labels: {missing}; have {sorted(x for x in found if x)[:30]}")
for _, d in g.nodes(data=True):
    assert isinstance(d.get("x"), float) and isinstance(d.get("y"), float), d
    assert isinstance(d.get("degree"), int), d
for _, _, d in g.edges(data=True):
    assert d.get("weight", 0) > 0, d
    assert d.get("relation"), d
print("ok", g.number_of_nodes(), g.number_of_edges())
