"""Loads khabar's exports with two independent readers and checks they agree with the CSV files.

usage: check_exports.py EXPORTS_DIR
GraphML is read by networkx and igraph; GEXF (which igraph cannot read) by networkx. Prints "ok".
"""
import csv
import os
import sys

import igraph as ig
import networkx as nx

exports = sys.argv[1]
nodes = list(csv.DictReader(open(os.path.join(exports, "nodes.csv"), encoding="utf-8")))
edges = list(csv.DictReader(open(os.path.join(exports, "edges.csv"), encoding="utf-8")))
pairs = {(e["Source"], e["Target"]) for e in edges}

g = nx.read_graphml(os.path.join(exports, "graph.graphml"))
assert g.number_of_nodes() == len(nodes), (g.number_of_nodes(), len(nodes))
assert g.number_of_edges() == len(pairs), (g.number_of_edges(), len(pairs))
for _, d in g.nodes(data=True):
    assert isinstance(d["label"], str) and isinstance(d["type"], str), d
    assert isinstance(d["degree"], int) and isinstance(d["mentions"], int), d
    assert isinstance(d["x"], float) and isinstance(d["y"], float) and isinstance(d["size"], float), d
    if "latitude" in d:
        assert isinstance(d["latitude"], float), d
for _, _, d in g.edges(data=True):
    assert isinstance(d["weight"], float) and d["weight"] > 0, d
    assert isinstance(d["confidence"], float) and 0 <= d["confidence"] <= 1, d
    assert isinstance(d["symmetric"], bool) and isinstance(d["derived"], bool), d
az_il = g.get_edge_data("azerbaijan", "israel")
assert az_il and "buysWeaponsFrom" in az_il["relations"].split(";"), az_il

h = ig.Graph.Read_GraphML(os.path.join(exports, "graph.graphml"))
assert (h.vcount(), h.ecount()) == (g.number_of_nodes(), g.number_of_edges()), (h.vcount(), h.ecount())
ids = h.vs["id"]
az, il = ids.index("azerbaijan"), ids.index("israel")
assert h.get_eid(az, il, error=False) >= 0

x = nx.read_gexf(os.path.join(exports, "graph.gexf"))
assert x.number_of_nodes() == len(nodes), (x.number_of_nodes(), len(nodes))
directed = [e for e in edges if e["Type"] == "Directed"]
undirected = [e for e in edges if e["Type"] == "Undirected"]
# symmetric relations are "mutual" edges: networkx reads them in both directions
assert x.number_of_edges() == len(directed) + 2 * len(undirected), (x.number_of_edges(), len(directed), len(undirected))
kinds = {d.get("relation") for _, _, d in x.edges("azerbaijan", data=True)}
assert "buysWeaponsFrom" in kinds, kinds
print("ok", len(nodes), len(edges))
