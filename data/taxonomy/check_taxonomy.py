#!/usr/bin/env python3
"""Checks data/taxonomy/categories.json and open_eligibility.csv.

Run from anywhere: python3 data/taxonomy/check_taxonomy.py [path/to/open_eligibility_2.0.csv]
The optional argument is the source CSV (shared/data/taxonomy/open_eligibility_2.0.csv);
when given, ids, parents, names and order are compared with it.
Exit status 0 when everything holds, 1 otherwise.
"""
import csv
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SLUGS = ["food", "health", "mental-health", "substance-use", "legal", "immigration",
         "housing", "shelter", "warming-cooling", "hotline", "know-your-rights",
         "mutual-aid", "seniors", "family", "learning", "work", "money", "goods", "transit"]
LANGS = ["en", "es", "pl", "zh", "ar"]
CASED = {"en", "es", "pl"}           # languages with letter case
ACRONYM = re.compile(r"^[A-Z0-9][A-Z0-9/-]*$")
errors = []


def err(msg):
    errors.append(msg)


def nonempty_str(x):
    return isinstance(x, str) and x.strip() == x and x != ""


cats = json.loads((HERE / "categories.json").read_text(encoding="utf-8"))
if not isinstance(cats, list):
    err("categories.json is not an array")
    cats = []
if [c.get("slug") for c in cats] != SLUGS:
    err(f"slugs/order differ: {[c.get('slug') for c in cats]}")

oe_from_json = {}
for c in cats:
    s = c.get("slug")
    if set(c) != {"slug", "icon", "names", "descriptions", "synonyms", "open_eligibility"}:
        err(f"{s}: keys {sorted(c)}")
    if not (isinstance(c.get("icon"), str) and re.fullmatch(r"[a-z]+", c["icon"])):
        err(f"{s}: icon {c.get('icon')!r} is not one short ASCII word")
    for field in ("names", "descriptions", "synonyms"):
        v = c.get(field, {})
        if not isinstance(v, dict) or list(v) != LANGS:
            err(f"{s}: {field} languages {list(v) if isinstance(v, dict) else v!r} != {LANGS}")
            continue
        for lang in LANGS:
            x = v[lang]
            if field == "synonyms":
                if not isinstance(x, list) or not all(nonempty_str(w) for w in x):
                    err(f"{s}: synonyms.{lang} must be a list of non-empty trimmed strings")
                    continue
                if not 5 <= len(x) <= 15:
                    err(f"{s}: synonyms.{lang} has {len(x)} entries (want 5-15)")
                if len(set(w.casefold() for w in x)) != len(x):
                    dup = sorted({w for w in x if [y.casefold() for y in x].count(w.casefold()) > 1})
                    err(f"{s}: synonyms.{lang} duplicates {dup}")
                if lang in CASED:
                    for w in x:
                        bad = [t for t in re.split(r"[\s]+", w) if t != t.lower() and not ACRONYM.match(t)]
                        if bad:
                            err(f"{s}: synonyms.{lang} {w!r} not lower case ({bad})")
            else:
                if not nonempty_str(x):
                    err(f"{s}: {field}.{lang} empty or untrimmed")
                elif field == "descriptions" and len(x) > 70:
                    err(f"{s}: descriptions.{lang} is {len(x)} characters (> 70): {x}")
    for i in c.get("open_eligibility", []):
        if i in oe_from_json:
            err(f"OE {i} mapped to both {oe_from_json[i]} and {s}")
        oe_from_json[i] = s

# open_eligibility.csv
csv_path = HERE / "open_eligibility.csv"
raw = csv_path.read_bytes()
try:
    text = raw.decode("utf-8")
except UnicodeDecodeError as e:
    err(f"open_eligibility.csv not UTF-8: {e}")
    text = raw.decode("utf-8", "replace")
if text.startswith("\ufeff"):
    err("open_eligibility.csv has a BOM")
rows = list(csv.reader(text.splitlines(keepends=True), strict=True))
if rows[0] != ["id", "parent_id", "category", "name_en", "name_es"]:
    err(f"header {rows[0]}")
body = rows[1:]
if len(body) != 290:
    err(f"{len(body)} data rows, want 290")
ids = [r[0] for r in body]
if len(set(ids)) != len(ids):
    err("duplicate ids in CSV")
idset = set(ids)
for r in body:
    if len(r) != 5:
        err(f"row {r} has {len(r)} fields")
        continue
    i, p, cat, en, es = r
    if cat not in SLUGS:
        err(f"{i}: unknown category {cat}")
    if oe_from_json.get(i) != cat:
        err(f"{i}: CSV category {cat} vs categories.json {oe_from_json.get(i)}")
    if p and p not in idset:
        err(f"{i}: parent {p} not in CSV")
    if (p == "") != ("-" not in i):
        err(f"{i}: parent_id {p!r} inconsistent with top level")
    for name, val in (("name_en", en), ("name_es", es)):
        if not nonempty_str(val):
            err(f"{i}: {name} empty or untrimmed")
if set(oe_from_json) != idset:
    err(f"ids in categories.json but not CSV: {sorted(set(oe_from_json) - idset)}; "
        f"in CSV but not categories.json: {sorted(idset - set(oe_from_json))}")
# same English name -> same Spanish name
seen = {}
for r in body:
    if r[3] in seen and seen[r[3]] != r[4]:
        err(f"{r[3]!r} translated both {seen[r[3]]!r} and {r[4]!r}")
    seen.setdefault(r[3], r[4])

if len(sys.argv) > 1:
    src = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
    want = [(s["taxonomy_id"].strip(), s["parent_id"].strip(), s["name"].strip()) for s in src]
    got = [(r[0], r[1], r[3]) for r in body]
    if want != got:
        diff = [(a, b) for a, b in zip(want, got) if a != b][:5]
        err(f"CSV differs from source (id, parent, name or order): {diff} (len {len(want)} vs {len(got)})")

if errors:
    print("\n".join(errors))
    print(f"FAILED: {len(errors)} problem(s)")
    sys.exit(1)
counts = {c["slug"]: len(c["open_eligibility"]) for c in cats}
print(f"OK: {len(cats)} categories, {len(body)} OE terms, {len(seen)} distinct English names")
print(" ".join(f"{k}={v}" for k, v in counts.items()))
