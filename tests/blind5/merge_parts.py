#!/usr/bin/env python3
"""Merges tests/blind5/parts/<lang>/*.tsv into blind5-{triples,entities,documents}.tsv (entities unified on
labels, or a label that is another row's alias; never on a shared acronym)."""
import csv, io, os, unicodedata, re, sys
os.chdir(os.path.dirname(os.path.abspath(__file__)))
parts = ['f-ar', 'f-fa', 'f-en']
def rows(path):
    lines = [l for l in open(path, encoding='utf-8') if not l.startswith('#') and l.strip()]
    return list(csv.DictReader(io.StringIO(''.join(lines)), delimiter='\t'))
def key(s):
    s = unicodedata.normalize('NFKD', s).encode('ascii', 'ignore').decode().lower()
    return re.sub(r'[^a-z0-9]+', ' ', s).strip()
# entities
merged = {}   # key -> row
alias_of = {}
label_of = {}
order = []
problems = []
for p in parts:
    for r in rows(f'parts/{p}/entities.tsv'):
        names = [r['label']] + [a for a in (r.get('aliases') or '').split('|') if a and a != '-']
        # unify on labels, or when one row's label is the other's alias (not on shared acronyms:
        # "KAI" is Korea Aerospace Industries and Kazakhstan Aviation Industry)
        lk = key(r['label'])
        k = label_of.get(lk) or alias_of.get(lk) or next((label_of[key(a)] for a in names[1:] if key(a) in label_of), None)
        docs = [d.strip() for d in (r.get('documents') or '').split(',') if d.strip()]
        if (r.get('required') or 'yes').strip() != 'yes':
            docs = [d if d.endswith('?') else d + '?' for d in docs]
        if k is None:
            k = key(r['label'])
            merged[k] = {'label': r['label'], 'type': r['type'], 'aliases': [], 'documents': []}
            order.append(k)
        m = merged[k]
        if m['type'] != r['type']:
            problems.append(f"type conflict {m['label']}: {m['type']} vs {r['type']} ({p})")
        for n in names:
            if n != m['label'] and n not in m['aliases']:
                m['aliases'].append(n)
            alias_of.setdefault(key(n), k)
        label_of[key(m['label'])] = k
        for d in docs:
            if d not in m['documents']:
                m['documents'].append(d)
with open('blind5-entities.tsv', 'w', encoding='utf-8') as f:
    f.write('# Gold entities for blind5, merged from the three language parts (tests/blind5/parts/).\n')
    f.write('# label: canonical English label. aliases: other English spellings that also count (| separated).\n')
    f.write('# documents: the documents whose article body mentions the entity; "doc?" = finding it there is optional.\n')
    f.write('# required: yes = a good extractor must find it in the documents not marked "?".\n')
    f.write('label\ttype\taliases\tdocuments\trequired\n')
    for k in order:
        m = merged[k]
        req = 'yes' if any(not d.endswith('?') for d in m['documents']) else 'optional'
        f.write(f"{m['label']}\t{m['type']}\t{'|'.join(m['aliases'])}\t{','.join(m['documents'])}\t{req}\n")
# triples and documents: concatenation with comments kept
for name, head in [('triples', '# Gold relation triples for blind5 (tests/blind5/articles), merged from three parts written blind to khabar\n# (see tests/blind5/README.md). Comment lines (# negated:, # note:) follow their document\'s rows.\n'),
                   ('documents', '# Gold document facts for blind5, merged from the three language parts.\n')]:
    out = [head]
    header = None
    for p in parts:
        for l in open(f'parts/{p}/{name}.tsv', encoding='utf-8'):
            if not l.strip():
                continue
            if l.startswith('#'):
                if header is not None:   # comments after the header belong to rows
                    out.append(l if l.endswith('\n') else l + '\n')
                continue
            if header is None:
                header = l; out.append(l if l.endswith('\n') else l+'\n'); continue
            if l.split('\t')[0] == l.split('\t')[0] and l.startswith('document\t'):
                continue
            out.append(l if l.endswith('\n') else l + '\n')
        # reset "after header" for comments of next part: keep them too
    open(f'blind5-{name}.tsv', 'w', encoding='utf-8').write(''.join(out))
print('\n'.join(problems) or 'no type conflicts')
