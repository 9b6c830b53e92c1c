#!/usr/bin/python3
"""Validate the entity lexicon (data/lexicon/*.json).

Usage: scripts/check_lexicon.py [--strict] [--quiet] [PATH...]
       scripts/check_lexicon.py --self-test

PATH is a lexicon file or a directory of them (default: data/lexicon, not
recursing into src/). Every problem is printed as FILE:LINE: message on stderr;
the exit code is 0 when the lexicon is clean, 1 when it has errors (or, with
--strict, warnings), 2 on usage errors. A per-file summary goes to stdout.

Checks: valid JSON with an "entities" list; known fields only; every type one
of the schema types; non-empty string labels; no label used twice; no alias,
label or demonym claimed by two entities unless listed in "shared_aliases" of
one of them; every part_of and based_in target is a label in the lexicon, and
part_of has no cycles; case_sensitive names one of the entity's own names;
wikidata ids well-formed and unique; aliases that are ordinary English words
must be case-sensitive.
"""
import argparse
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPES = {"Country", "Bloc", "Agency", "Company", "Institute", "Person", "Technology",
         "Sector", "Policy", "Goal", "Product", "Place"}
FIELDS = {"label", "type", "aliases", "demonyms", "wikidata", "part_of", "based_in",
          "case_sensitive", "shared_aliases", "iso", "note"}
LIST_FIELDS = ("aliases", "demonyms", "part_of", "case_sensitive", "shared_aliases")
BASED_IN_TYPES = {"Country", "Place", "Bloc"}
# Ordinary words that also name entities ("Apple", "Meta", "MOST", "Turkey").
# Matching them without case would flood the graph with false positives.
COMMON_WORDS = set("""
a an and are as at be by can do for go has he i if in is it me my no of on or
our so the to up us we all any arm art aria amazon apple bard bear bold box bus
cap chad core cross edge fair fold gem gemini grok guinea
hope jersey key lens lie line link map mark meta mint most mars nest
next now oracle orange palantir pilot pixel plan post quad ray safe
scale sec shell snap sky smart spark square state stripe sun target
turkey unity vision wing word zoom doe ice ai ace act mac pan per sun
stability reliance moonshot mistral coherent cohere quanta perplexity cadence ford
canon pentagon spectrum dumping robotic resilience innovation growth research industry
standards jobs employment education finance banking honor harmony threads windows
""".split())
SHORT_CAPS = re.compile(r"^[A-Z]{2,3}$")


class Checker:
    def __init__(self):
        self.errors = 0
        self.warnings = 0
        self.entities = []  # (file, line, entity)

    def error(self, where, msg):
        self.errors += 1
        print("%s: error: %s" % (where, msg), file=sys.stderr)

    def warn(self, where, msg):
        self.warnings += 1
        print("%s: warning: %s" % (where, msg), file=sys.stderr)

    def load(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            self.error(path, "cannot read: %s" % e)
            return 0
        try:
            doc = json.loads(text)
        except json.JSONDecodeError as e:
            self.error("%s:%d:%d" % (path, e.lineno, e.colno), "invalid JSON: %s" % e.msg)
            return 0
        if not isinstance(doc, dict) or not isinstance(doc.get("entities"), list):
            self.error(path, 'top level must be an object with an "entities" list')
            return 0
        lines = self._entity_lines(text, len(doc["entities"]))
        for i, ent in enumerate(doc["entities"]):
            where = "%s:%d" % (path, lines[i])
            if self._check_shape(where, ent):
                self.entities.append((where, ent))
        return len(doc["entities"])

    @staticmethod
    def _entity_lines(text, count):
        """Best-effort line of each entity: the line of its '"label"' key."""
        found = [text.count("\n", 0, m.start()) + 1 for m in re.finditer(r'"label"\s*:', text)]
        return found + [1] * (count - len(found)) if len(found) < count else found

    def _check_shape(self, where, ent):
        if not isinstance(ent, dict):
            self.error(where, "entity must be an object")
            return False
        ok = True
        for k in ent:
            if k not in FIELDS:
                self.error(where, "unknown field %r" % k)
        label = ent.get("label")
        if not isinstance(label, str) or not label.strip() or label != label.strip():
            self.error(where, "label must be a non-empty string without surrounding spaces")
            ok = False
        if ent.get("type") not in TYPES:
            self.error(where, "type %r is not one of %s" % (ent.get("type"), ", ".join(sorted(TYPES))))
            ok = False
        for k in LIST_FIELDS:
            v = ent.get(k, [])
            if not isinstance(v, list) or not all(isinstance(x, str) and x.strip() for x in v):
                self.error(where, "%s must be a list of non-empty strings" % k)
                ok = False
        if "based_in" in ent and not isinstance(ent["based_in"], str):
            self.error(where, "based_in must be a string (a country or place label)")
            ok = False
        wd = ent.get("wikidata")
        if wd is not None and not (isinstance(wd, str) and re.fullmatch(r"Q[1-9][0-9]*", wd)):
            self.error(where, "wikidata must look like Q123, got %r" % wd)
        if ok and ent.get("demonyms") and ent["type"] not in ("Country", "Bloc", "Place"):
            self.warn(where, "demonyms on a %s" % ent["type"])
        return ok

    def cross_check(self):
        by_label = {}
        for where, ent in self.entities:
            key = ent["label"].casefold()
            if key in by_label:
                self.error(where, "label %r already used at %s" % (ent["label"], by_label[key][0]))
            else:
                by_label[key] = (where, ent)

        names = {}  # casefolded name -> list of (where, entity, kind)
        for where, ent in self.entities:
            own = set()
            for kind, values in (("label", [ent["label"]]), ("alias", ent.get("aliases", [])),
                                 ("demonym", ent.get("demonyms", []))):
                for v in values:
                    key = v.casefold()
                    if kind == "alias" and (key in own or key == ent["label"].casefold()):
                        # A case variant is only useful when matched exactly ("DoT", "DOT").
                        if v not in ent.get("case_sensitive", []):
                            self.warn(where, "alias %r repeats another name of %r" % (v, ent["label"]))
                        continue
                    own.add(key)
                    names.setdefault(key, []).append((where, ent, kind, v))
        for key, claims in sorted(names.items()):
            owners = {id(c[1]) for c in claims}
            if len(owners) < 2:
                continue
            shared = any(c[3] in c[1].get("shared_aliases", []) or
                         key in {s.casefold() for s in c[1].get("shared_aliases", [])} for c in claims)
            if shared:
                continue
            first = claims[0]
            for where, ent, kind, v in claims[1:]:
                if ent is first[1]:
                    continue
                # Two exact-case names that differ in case do not collide ("DoT" vs "DOT").
                if (v != first[3] and v in ent.get("case_sensitive", []) and
                        first[3] in first[1].get("case_sensitive", [])):
                    continue
                self.error(where, "%s %r of %s %r is also %s of %s %r (%s); list it in shared_aliases if deliberate"
                           % (kind, v, ent["type"], ent["label"], first[2], first[1]["type"],
                              first[1]["label"], first[0]))

        # The extractor also indexes "X" for an alias "the X"; that form must not
        # belong to another entity either.
        for where, ent in self.entities:
            for a in ent.get("aliases", []):
                if a.lower().startswith("the ") and len(a.split()) > 1:
                    for w2, other, _, v in names.get(a[4:].casefold(), []):
                        if other is not ent:
                            self.error(where, "alias %r of %r also reads as %r of %s %r (%s)"
                                       % (a, ent["label"], v, other["type"], other["label"], w2))
                            break

        wikidata = {}
        for where, ent in self.entities:
            wd = ent.get("wikidata")
            if wd:
                if wd in wikidata:
                    self.error(where, "wikidata %s already used by %r" % (wd, wikidata[wd]))
                wikidata[wd] = ent["label"]
            for target in ent.get("part_of", []):
                t = by_label.get(target.casefold())
                if not t:
                    self.error(where, "part_of target %r of %r is not a label in the lexicon" % (target, ent["label"]))
                elif t[1]["label"] != target:
                    self.warn(where, "part_of target %r differs in case from label %r" % (target, t[1]["label"]))
            if "based_in" in ent:
                t = by_label.get(ent["based_in"].casefold())
                if not t:
                    self.error(where, "based_in target %r of %r is not a label in the lexicon" % (ent["based_in"], ent["label"]))
                elif t[1]["type"] not in BASED_IN_TYPES:
                    self.error(where, "based_in target %r is a %s, not a Country, Place or Bloc" % (ent["based_in"], t[1]["type"]))
            own = {ent["label"]} | set(ent.get("aliases", [])) | set(ent.get("demonyms", []))
            for cs in ent.get("case_sensitive", []):
                if cs not in own:
                    self.error(where, "case_sensitive %r is not a name of %r" % (cs, ent["label"]))
            for s in ent.get("shared_aliases", []):
                if s not in own:
                    self.error(where, "shared_aliases %r is not a name of %r" % (s, ent["label"]))
            cs = set(ent.get("case_sensitive", []))
            for n in own:
                if n.casefold() in COMMON_WORDS and n not in cs:
                    self.error(where, "%r is an ordinary word; add it to case_sensitive of %r" % (n, ent["label"]))
                elif re.search(r"^[^\w]|[^\w.)]$", n):
                    self.warn(where, "name %r of %r starts or ends with punctuation a tokenizer may drop" % (n, ent["label"]))
                elif SHORT_CAPS.match(n) and n not in cs:
                    self.warn(where, "short all-caps name %r of %r is not in case_sensitive" % (n, ent["label"]))
        self._check_cycles(by_label)

    def _check_cycles(self, by_label):
        state = {}

        def visit(key, stack):
            if state.get(key) == 2:
                return
            if state.get(key) == 1:
                where = by_label[key][0]
                self.error(where, "part_of cycle: %s" % " -> ".join(stack + [by_label[key][1]["label"]]))
                return
            state[key] = 1
            ent = by_label[key][1]
            for t in ent.get("part_of", []):
                if t.casefold() in by_label:
                    visit(t.casefold(), stack + [ent["label"]])
            state[key] = 2

        for key in by_label:
            visit(key, [])


def lexicon_files(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out.extend(sorted(glob.glob(os.path.join(p, "*.json"))))
        else:
            out.append(p)
    return out


# Each bad lexicon must produce the message fragment next to it; run with
# --self-test so a test suite can prove the checks fire, not only that the
# shipped lexicon passes them.
SELF_TEST_CASES = [
    ('{"entities": [\n{"label": "A", "type": "Country"}\n', "invalid JSON"),
    ('{"things": []}', 'an "entities" list'),
    ('{"entities": [{"label": "A", "type": "Gadget"}]}', "is not one of"),
    ('{"entities": [{"label": "", "type": "Country"}]}', "non-empty string"),
    ('{"entities": [{"label": "A", "type": "Country", "colour": 1}]}', "unknown field"),
    ('{"entities": [{"label": "A", "type": "Country"}, {"label": "a", "type": "Place"}]}', "already used"),
    ('{"entities": [{"label": "A", "type": "Country", "aliases": ["Zed"]}, '
     '{"label": "B", "type": "Company", "aliases": ["zed"]}]}', "also alias"),
    ('{"entities": [{"label": "A", "type": "Company", "based_in": "Nowhere"}]}', "based_in target"),
    ('{"entities": [{"label": "A", "type": "Technology", "part_of": ["Q"]}]}', "part_of target"),
    ('{"entities": [{"label": "A", "type": "Technology", "part_of": ["B"]}, '
     '{"label": "B", "type": "Technology", "part_of": ["A"]}]}', "part_of cycle"),
    ('{"entities": [{"label": "A", "type": "Company", "case_sensitive": ["X"]}]}', "is not a name of"),
    ('{"entities": [{"label": "A", "type": "Company", "wikidata": "X1"}]}', "wikidata must"),
    ('{"entities": [{"label": "Apple Inc.", "type": "Company", "aliases": ["Apple"]}]}', "ordinary word"),
    ('{"entities": [{"label": "A", "type": "Agency", "aliases": ["the Board"]}, '
     '{"label": "Board", "type": "Agency"}]}', "also reads as"),
]


def self_test():
    import contextlib
    import io
    import tempfile
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, (text, expect) in enumerate(SELF_TEST_CASES):
            path = os.path.join(tmp, "case%d.json" % i)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            c = Checker()
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                c.load(path)
                c.cross_check()
            if c.errors == 0 or expect not in err.getvalue():
                failures += 1
                print("self-test case %d: expected an error with %r, got %r" % (i, expect, err.getvalue()),
                      file=sys.stderr)
        good = os.path.join(tmp, "good.json")
        with open(good, "w", encoding="utf-8") as f:
            f.write('{"entities": [{"label": "China", "type": "Country", "aliases": ["PRC"], '
                    '"case_sensitive": ["PRC"]}, {"label": "Huawei", "type": "Company", "based_in": "China"}]}')
        c = Checker()
        c.load(good)
        c.cross_check()
        if c.errors or c.warnings:
            failures += 1
            print("self-test: a clean lexicon was rejected", file=sys.stderr)
    print("self-test: %d of %d cases passed" % (len(SELF_TEST_CASES) + 1 - failures, len(SELF_TEST_CASES) + 1))
    return 1 if failures else 0


def main():
    if sys.argv[1:] == ["--self-test"]:
        return self_test()
    ap = argparse.ArgumentParser(description="Validate the entity lexicon.")
    ap.add_argument("paths", nargs="*", default=[os.path.join(ROOT, "data", "lexicon")])
    ap.add_argument("--strict", action="store_true", help="treat warnings as errors")
    ap.add_argument("--quiet", action="store_true", help="no summary on stdout")
    args = ap.parse_args()
    files = lexicon_files(args.paths)
    if not files:
        print("check_lexicon: no lexicon files in %s" % " ".join(args.paths), file=sys.stderr)
        return 1
    c = Checker()
    counts = []
    for f in files:
        counts.append((f, c.load(f)))
    c.cross_check()
    if not args.quiet:
        by_type = {}
        for _, ent in c.entities:
            by_type[ent["type"]] = by_type.get(ent["type"], 0) + 1
        for f, n in counts:
            print("%-60s %6d" % (os.path.relpath(f), n))
        print("%-60s %6d" % ("total", sum(n for _, n in counts)))
        print("by type: " + ", ".join("%s %d" % kv for kv in sorted(by_type.items())))
        print("aliases: %d, errors: %d, warnings: %d" % (
            sum(len(e.get("aliases", [])) for _, e in c.entities), c.errors, c.warnings))
    if c.errors or (args.strict and c.warnings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
