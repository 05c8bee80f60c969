"""Queries khabar's SPARQL endpoint with SPARQLWrapper (GET and POST, JSON and XML results)."""
import sys

from SPARQLWrapper import JSON, POST, XML, SPARQLWrapper

url = sys.argv[1]
query = """PREFIX kh: <https://w3id.org/khabar/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?buyer ?seller WHERE { ?b kh:buysWeaponsFrom ?s . ?b rdfs:label ?buyer . ?s rdfs:label ?seller .
  FILTER(LANG(?buyer) = "en" && LANG(?seller) = "en") }"""
s = SPARQLWrapper(url)
s.setQuery(query)
s.setReturnFormat(JSON)
rows = s.query().convert()["results"]["bindings"]
pairs = {(r["buyer"]["value"], r["seller"]["value"]) for r in rows}
assert ("Azerbaijan", "Israel") in pairs, pairs
s.setMethod(POST)
s.setReturnFormat(XML)
doc = s.query().convert()
assert doc.getElementsByTagName("result"), doc.toxml()[:500]
s = SPARQLWrapper(url)
s.setQuery("ASK { ?s ?p ?o }")
s.setReturnFormat(JSON)
assert s.query().convert()["boolean"] is True
print("ok", len(pairs))
