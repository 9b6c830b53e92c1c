#!/usr/bin/env python3
"""Writes a deterministic synthetic technology-policy graph as N-Triples.

    bench/gen_graph.py TRIPLES OUT.nt

Entities (countries, agencies, firms, technologies, policies) with types,
labels in two languages, aliases, dates and a skewed (Zipf-like) web of
relations between them, so the dictionary and the indexes see the mix real
graphs have: hub nodes, many distinct IRIs, literals of several kinds.
The same TRIPLES always gives the same file.
"""
import random
import sys

PRED = "urn:kg:pred:"
ENT = "urn:kg:entity:"
TYPE = "urn:kg:type:"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
LABEL = "<http://www.w3.org/2000/01/rdf-schema#label>"
ALT = "<http://www.w3.org/2004/02/skos/core#altLabel>"
XSD = "http://www.w3.org/2001/XMLSchema#"

TYPES = ["Country", "Agency", "Company", "Technology", "Policy", "Person", "Document"]
RELATIONS = ["funds", "regulates", "restricts", "owns", "based_in", "part_of", "mentions",
             "invests_in", "partners_with", "sanctions", "develops", "revokes", "amends",
             "cites", "exports_to", "imports_from", "leads", "member_of", "competes_with",
             "acquires"]
SYLLABLES = ["qua", "tum", "semi", "con", "duc", "tor", "ai", "bio", "nano", "cy", "ber",
             "lith", "o", "gra", "phy", "ro", "bot", "ics", "net", "work", "chip", "sat"]


def name(rng, i):
    parts = [rng.choice(SYLLABLES) for _ in range(2 + i % 3)]
    return "".join(parts).capitalize() + " " + str(i)


def main():
    total = int(sys.argv[1])
    out = open(sys.argv[2], "w", encoding="utf-8", buffering=1 << 20)
    rng = random.Random(20260101)
    entities = max(1000, total // 12)
    written = 0
    lines = []

    def emit(line):
        nonlocal written
        lines.append(line)
        written += 1
        if len(lines) >= 100000:
            out.write("".join(lines))
            lines.clear()

    # Per entity: type, label, German label, alias, sometimes a date.
    for i in range(entities):
        if written >= total:
            break
        e = "<%se%d>" % (ENT, i)
        t = TYPES[i % len(TYPES)]
        label = name(rng, i)
        emit("%s %s <%s%s> .\n" % (e, RDF_TYPE, TYPE, t))
        emit('%s %s "%s" .\n' % (e, LABEL, label))
        emit('%s %s "%s"@de .\n' % (e, LABEL, label.upper()))
        emit('%s %s "%s" .\n' % (e, ALT, label.lower().replace(" ", "-")))
        if i % 3 == 0:
            emit('%s <%sdate> "%04d-%02d-%02d"^^<%sdate> .\n'
                 % (e, PRED, 1990 + i % 35, 1 + i % 12, 1 + i % 28, XSD))
    # Relations: every subject in turn, objects skewed towards hubs; each round
    # gives a subject a different predicate, so no triple repeats.
    k = 0
    while written < total:
        s, rnd = k % entities, k // entities
        k += 1
        o = min(int(rng.paretovariate(1.1)) - 1, entities - 1)
        o = (o * 7919 + s % 13) % entities if rng.random() < 0.5 else o
        p = RELATIONS[(rnd + s) % len(RELATIONS)]
        if rng.random() < 0.05:
            emit('<%se%d> <%samount_%d> "%d"^^<%sinteger> .\n'
                 % (ENT, s, PRED, rnd, rng.randrange(10**9), XSD))
        else:
            emit("<%se%d> <%s%s> <%se%d> .\n" % (ENT, s, PRED, p, ENT, o))
    out.write("".join(lines))
    out.close()


if __name__ == "__main__":
    main()
