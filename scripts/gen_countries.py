#!/usr/bin/python3
"""Generate data/lexicon/countries.json from Debian's iso-codes and a hand-written overlay.

Usage: scripts/gen_countries.py [--iso FILE] [--overlay FILE] [--out FILE]

The ISO 3166-1 list gives every country and territory with its short, common and
official names; data/lexicon/src/country_overlay.json adds what analysts actually
write (demonyms, capital-city metonyms, "U.S.", "the PRC") and types dependent
territories as Place. The output is deterministic so it diffs cleanly.
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
DEFAULT_OVERLAY = os.path.join(ROOT, "data", "lexicon", "src", "country_overlay.json")
DEFAULT_OUT = os.path.join(ROOT, "data", "lexicon", "countries.json")

# Alpha-3 codes that are English words, common abbreviations or well-known
# acronyms in technology policy (DJI the drone maker, IOT, TLS, DMA the Digital
# Markets Act, NGA, ATF, ETH, ...). Matching them as countries would produce
# false positives, especially in all-caps headlines ("U.S. CAN ...").
ALPHA3_BLOCKLIST = set("""
AND ARE ARM ATA ATF ATG BEN BES BLM BRA CAF CAN CHE CIV COD COG COL COM CPV CUB
CUW DJI DMA DOM ERI ESP EST ETH FIN FRA FRO GAB GEO GIN GUM GUY HMD HUN IND IOT
IRL ISL ITA JAM KEN KIR LAO LBR LIE MAC MAF MAR MDA MLI MLT MNE MOZ MUS NER NGA
NIC NIU NOR OMN PAN PER PLW POL PRT PSE REU SEN SGS SHN SJM SLE SOM SPM STP SUR
SWE SXM TCA TGO TKL TLS TON TUN TUR UMI VAT VIR WLF ATF BMU CYM FLK GGY IMN JEY
MHL MNP NFK PCN PYF SGS TCD TKM VCT VGB WSM ZMB ABW AIA ALA ASM ATA BVT CCK CXR
ESH GLP GRL GUF IOT MSR MTQ MYT NCL SPM TWN HKG MAC PRI NPL
""".split())

# Words that make an alias useless or harmful when matched case-insensitively.
CASE_SENSITIVE_NAMES = {"Turkey", "Chad", "Guinea", "Jersey", "Georgia"}


def clean_name(name):
    """Drops ISO's inverted forms ("Korea, Republic of") and parenthetical notes."""
    if ", " in name:
        return None
    name = re.sub(r"\s*\([^)]*\)", "", name).strip()
    return name or None


def add_unique(items, value, seen):
    key = value.casefold()
    if value and key not in seen:
        seen.add(key)
        items.append(value)


def build(iso_path, overlay_path):
    with open(iso_path, encoding="utf-8") as f:
        iso = json.load(f)["3166-1"]
    with open(overlay_path, encoding="utf-8") as f:
        overlay = json.load(f)
    extra = overlay["countries"]
    territories = {k: v for k, v in overlay["territories"].items() if not k.startswith("_")}

    labels = {}
    for rec in iso:
        code = rec["alpha_2"]
        ov = extra.get(code, {})
        labels[code] = ov.get("label") or rec.get("common_name") or clean_name(rec["name"]) or rec["name"]

    entities = []
    for rec in sorted(iso, key=lambda r: labels[r["alpha_2"]]):
        code = rec["alpha_2"]
        ov = extra.get(code, {})
        label = labels[code]
        drop = {d.casefold() for d in ov.get("drop", [])}
        seen = {label.casefold()}
        aliases = []
        names = [rec["name"], rec.get("common_name"), rec.get("official_name")]
        for n in names:
            if not n or n.casefold() in drop:
                continue
            c = clean_name(n)
            if c and c.casefold() not in drop:
                add_unique(aliases, c, seen)
                if not c.startswith("the ") and re.match(r"(Republic|Kingdom|State|Federal|Commonwealth|United|Islamic|Democratic|People's|Socialist|Plurinational|Bolivarian|Principality|Grand|Sultanate|Federated|Independent)\b", c):
                    add_unique(aliases, "the " + c, seen)
        for a in ov.get("aliases", []):
            if a.casefold() not in drop:
                add_unique(aliases, a, seen)

        is_territory = code in territories
        etype = ov.get("type") or ("Place" if is_territory else "Country")
        case_sensitive = list(ov.get("case_sensitive", []))
        a3 = rec["alpha_3"]
        if etype == "Country" and a3 not in ALPHA3_BLOCKLIST:
            add_unique(aliases, a3, seen)
            if a3 not in case_sensitive:
                case_sensitive.append(a3)
        for n in [label] + aliases:
            if n in CASE_SENSITIVE_NAMES and n not in case_sensitive:
                case_sensitive.append(n)

        demonyms = list(ov.get("demonyms", []))
        if etype == "Country":
            # Analysts name governments as often as states; the plain country
            # already resolves, these catch the longer spans first.
            forms = [label + " government"]
            if label.startswith(("United ", "Netherlands", "Philippines", "Czech Republic", "Dominican Republic", "Democratic Republic", "Republic of", "Holy See")):
                forms.append("government of the " + label)
            else:
                forms.append("government of " + label)
            if demonyms and re.fullmatch(r"[A-Z][a-z]+( [A-Z][a-z]+)?", demonyms[0]):
                forms.append(demonyms[0] + " government")
            for form in forms:
                add_unique(aliases, form, seen)

        ent = {"label": label, "type": etype}
        if aliases:
            ent["aliases"] = aliases
        if demonyms:
            ent["demonyms"] = demonyms
        if ov.get("wikidata"):
            ent["wikidata"] = ov["wikidata"]
        part_of = ov.get("part_of")
        if part_of is None and is_territory and territories[code]:
            part_of = [labels[territories[code]]]
        if part_of:
            ent["part_of"] = part_of
        if case_sensitive:
            ent["case_sensitive"] = case_sensitive
        if ov.get("shared_aliases"):
            ent["shared_aliases"] = ov["shared_aliases"]
        ent["iso"] = code
        entities.append(ent)
    # Former states still named in older news (Reuters 1987): not in ISO 3166-1.
    for ent in overlay.get("historical", []):
        entities.append(dict(ent))
    return entities


def write(entities, out_path):
    """One entity per line: small diffs, still plain JSON."""
    lines = [json.dumps(e, ensure_ascii=False) for e in entities]
    with open(out_path, "w", encoding="utf-8") as f:
        f.write('{"entities": [\n' + ",\n".join(lines) + "\n]}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--iso", default=DEFAULT_ISO)
    ap.add_argument("--overlay", default=DEFAULT_OVERLAY)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    try:
        entities = build(args.iso, args.overlay)
    except (OSError, ValueError, KeyError) as e:
        print("gen_countries: %s" % e, file=sys.stderr)
        return 1
    write(entities, args.out)
    print("gen_countries: %d entities -> %s" % (len(entities), args.out), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
