#!/usr/bin/env python3
"""AidDirectory sample-data curation: a one-off developer tool.

Reads the raw public files in shared/data and writes the curated sample set:

    data/services/<source-key>.ndjson     one listing per line, sorted by id
    data/sources.json                     provenance of every listing source
    data/places/community_areas.geojson   the 77 community areas, slimmed
    data/places/zip_codes.csv             Chicago ZIPs with a point and community area

Usage, from the repository root:

    python3 data/curate/curate.py [path-to-shared-data]     (default: ../shared/data)

Standard library only. The output is deterministic: a rerun gives byte-identical files.
The site and the tests read only the curated files, never this script or the raw data.
Nothing here invents facts: a field the source does not state is null (or [] / false).
"""

import csv
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict, defaultdict

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT_SERVICES = os.path.join(REPO, "data", "services")
OUT_PLACES = os.path.join(REPO, "data", "places")
OUT_SOURCES = os.path.join(REPO, "data", "sources.json")

# Chicago bounding box: every listing point must fall inside it.
LON_MIN, LON_MAX, LAT_MIN, LAT_MAX = -87.95, -87.5, 41.6, 42.05

CATEGORIES = {
    "food", "health", "mental-health", "substance-use", "legal", "immigration", "housing",
    "shelter", "warming-cooling", "hotline", "know-your-rights", "mutual-aid", "seniors",
    "family", "learning", "work", "money", "goods", "transit",
}
DAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = dict(zip(DAYS, ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays",
                            "Saturdays", "Sundays"]))
FIELDS = [
    "id", "source", "organization", "name", "description", "eligibility", "categories", "languages", "cost",
    "documents", "asks_immigration_status", "access", "delivery", "wheelchair",
    "legal_provider", "status", "status_reason", "location", "phones", "url", "email",
    "hours_text", "schedules", "service_areas", "source_record",
]

WARMING_NOTE = ("Also a DFSS warming center in winter (sites open as weather requires; "
                "call 311 to confirm)")
COOLING_NOTE = "Also a cooling center in summer"


# ---------------------------------------------------------------------------------------
# Report: every row read, emitted, merged or skipped is counted here and printed at the end
# ---------------------------------------------------------------------------------------

class Report:
    def __init__(self):
        self.order = []
        self.counts = {}
        self.lines = defaultdict(list)

    def _c(self, source):
        if source not in self.counts:
            self.order.append(source)
            self.counts[source] = Counter()
        return self.counts[source]

    def count(self, source, what, n=1):
        self._c(source)[what] += n

    def skip(self, source, reason, detail):
        self.count(source, "skipped: " + reason)
        self.lines[source].append(f"skipped ({reason}): {detail}")

    def note(self, source, msg):
        self._c(source)
        self.lines[source].append(msg)

    def print(self, emitted):
        print("AidDirectory curation report")
        print("=" * 28)
        for source in self.order:
            c = self.counts[source]
            head = f"\n[{source}]"
            if "read" in c:
                head += f" read {c['read']}"
            if source in emitted:
                head += f", emitted {emitted[source]}"
            print(head)
            for what in sorted(k for k in c if k != "read"):
                print(f"  {what}: {c[what]}")
            for line in self.lines[source]:
                print(f"  - {line}")


REPORT = Report()


# ---------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------

def clean(s):
    """Trim, collapse whitespace (including newlines), NFC; empty -> None."""
    if s is None:
        return None
    s = unicodedata.normalize("NFC", str(s))
    s = re.sub(r"\s+", " ", s).strip()
    return s or None


def slug(*parts):
    s = " ".join(p for p in parts if p)
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    s = s.lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def sentence(s):
    """Capitalise the first letter and end with a full stop."""
    s = clean(s)
    if not s:
        return None
    s = s[0].upper() + s[1:]
    return s if s[-1] in ".!?" else s + "."


def join_sentences(*parts):
    out = [sentence(p) for p in parts if clean(p)]
    return " ".join(out) or None


STREET_ABBR = {
    "ST": "St", "AVE": "Ave", "AV": "Ave", "BLVD": "Blvd", "RD": "Rd", "DR": "Dr", "PL": "Pl",
    "CT": "Ct", "PKWY": "Pkwy", "PWY": "Pkwy", "HWY": "Hwy", "STE": "Ste", "JR": "Jr",
    "TER": "Ter", "LN": "Ln", "SQ": "Sq",
}


def _cap_word(w):
    """Capitalise one upper-case word, keeping hyphen/apostrophe parts (O'Hare, Mc...)."""
    def cap(part):
        if not part:
            return part
        if part.startswith("MC") and len(part) > 3:
            return "Mc" + part[2].upper() + part[3:].lower()
        return part[0].upper() + part[1:].lower()
    w = "-".join(cap(p) for p in w.split("-"))
    return "'".join(p if i == 0 else (p[:1].upper() + p[1:]) for i, p in enumerate(w.split("'")))


def address_title(s):
    """Title-case an ALL-CAPS street address: '555 W HARRISON ST' -> '555 W Harrison St'."""
    s = clean(s)
    if not s:
        return None
    out = []
    for w in s.split(" "):
        bare = w.strip(".,")
        if bare in STREET_ABBR:
            out.append(w.replace(bare, STREET_ABBR[bare]))
        elif re.fullmatch(r"\d+(ST|ND|RD|TH)", bare):
            out.append(w.lower())
        elif re.search(r"\d", w) or len(bare) == 1:
            out.append(w)
        elif not re.search(r"[AEIOUY]", bare):   # ADH, MC: codes, keep as written
            out.append(w)
        else:
            out.append(_cap_word(w))
    s = " ".join(out)
    return re.sub(r"\b(St|Ave|Blvd|Rd|Dr)( \1)+$", r"\1", s)   # '63rd St St' -> '63rd St'


DIRS = {"NORTH": "N", "SOUTH": "S", "EAST": "E", "WEST": "W"}
STREET_TYPES = {
    "ST", "STREET", "AVE", "AVENUE", "AV", "BLVD", "BOULEVARD", "RD", "ROAD", "DR", "DRIVE",
    "PL", "PLACE", "PKWY", "PARKWAY", "PWY", "CT", "COURT", "HWY", "HIGHWAY", "TER", "LN",
}


def addr_key(addr):
    """Normalised street address for matching the same place across files:
    '4314 S. Cottage Grove Ave' and '4314 S Cottage Grove' -> '4314 S COTTAGE GROVE'."""
    a = (addr or "").upper().split(",")[0]
    a = re.sub(r"\b(SUITE|STE|ROOM|FLOOR|FL|BLDG)\b.*$", "", a)
    a = re.sub(r"[.#]", " ", a)
    toks = a.split()
    if len(toks) > 1 and toks[1] in DIRS:
        toks[1] = DIRS[toks[1]]
    while len(toks) > 3 and toks[-1] in STREET_TYPES:
        toks.pop()
    return " ".join(toks)


def name_key(s, drop=()):
    s = (s or "").lower()
    for d in drop:
        s = s.replace(d, " ")
    return " ".join(re.sub(r"[^a-z0-9]+", " ", s).split())


# ---------------------------------------------------------------------------------------
# Coordinates, phones, organizations
# ---------------------------------------------------------------------------------------

def point(lat, lon):
    """-> ((lat, lon) rounded to 6 decimals, None) or (None, reason)."""
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return None, "no coordinates"
    if not (LAT_MIN <= lat <= LAT_MAX and LON_MIN <= lon <= LON_MAX):
        return None, f"point outside the Chicago box ({lat}, {lon})"
    return (round(lat, 6), round(lon, 6)), None


def geom_point(geom):
    if not geom or geom.get("type") != "Point":
        return None, "no coordinates"
    lon, lat = geom["coordinates"][:2]
    return point(lat, lon)


def location(name, address_1, postal_code, pt, visibility="exact", address_2=None,
             city="Chicago", state="IL"):
    if visibility == "hidden":
        # A hidden place (e.g. a domestic-violence shelter) ships with no name, address or point at
        # all: the site could not leak what the file does not hold. Residents are told to call.
        name = address_1 = address_2 = postal_code = None
        pt = (None, None)
    return OrderedDict([
        ("name", clean(name)), ("address_1", clean(address_1)), ("address_2", clean(address_2)),
        ("city", clean(city) or "Chicago"), ("state_province", clean(state) or "IL"),
        ("postal_code", clean(postal_code)),
        ("latitude", pt[0]), ("longitude", pt[1]), ("visibility", visibility),
    ])


EXT_RE = re.compile(r"\s*(?:ext\.?|extension|x)\s*([0-9][0-9 ,]*)$", re.I)


def parse_phone(raw, ext=None, description=None):
    """One number -> (phone dict, None) or (None, problem) or (None, None) when empty.
    Punctuation and dashes are stripped; 10 digits -> +1..., 11 digits starting 1 -> +...;
    anything else is dropped (and reported by the caller)."""
    s = clean(raw)
    if not s:
        return None, None
    m = EXT_RE.search(s)
    if m:
        ext = ext or m.group(1).strip(" ,")
        s = s[:m.start()]
    digits = re.sub(r"\D", "", s)
    if len(digits) == 10:
        number = "+1" + digits
    elif len(digits) == 11 and digits[0] == "1":
        number = "+" + digits
    else:
        return None, f"{clean(raw)!r} has {len(digits)} digits"
    return OrderedDict([("number", number), ("extension", clean(ext)),
                        ("description", clean(description))]), None


def phones(source, context, entries):
    """entries: iterable of (raw, extension, description). A raw value holding several
    numbers separated by newlines or ';' gives several phones. Bad numbers are reported."""
    out, seen = [], set()
    for raw, ext, desc in entries:
        for part in re.split(r"[\n;]", raw or ""):
            p, problem = parse_phone(part, ext, desc)
            if problem:
                REPORT.count(source, "phones dropped")
                REPORT.note(source, f"phone dropped for {context}: {problem}")
            if p and (p["number"], p["extension"]) not in seen:
                seen.add((p["number"], p["extension"]))
                out.append(p)
    return out


# Canonical organizations. The same organization in several files gets the same id:
# ids are "org-" + slug of the canonical name unless a short id is listed here.
ORG_SHORT_IDS = {
    "Chicago Department of Public Health": "org-cdph",
    "Chicago Department of Family and Support Services": "org-dfss",
    "Chicago Public Library": "org-cpl",
    "Chicago Police Department": "org-cpd",
    "City Colleges of Chicago": "org-city-colleges",
    "Chicago Department of Cultural Affairs and Special Events": "org-dcase",
    "City of Chicago": "org-city-of-chicago",
    "Illinois Coalition for Immigrant and Refugee Rights (ICIRR)": "org-icirr",
    "National Immigrant Justice Center (NIJC)": "org-nijc",
    "The Resurrection Project (TRP)": "org-trp",
    "Legal Aid Chicago": "org-legal-aid-chicago",
    "Law Office of the Cook County Public Defender": "org-cook-county-public-defender",
    "Organized Communities Against Deportations (OCAD)": "org-ocad",
    "Coalition for a Better Chinese American Community (CBCAC)": "org-cbcac",
}
# Spellings in the sources -> canonical name (documented in data/SOURCES.md).
ORG_ALIASES = {
    "LAF": "Legal Aid Chicago",   # LAF renamed itself Legal Aid Chicago in 2018; same office
    "Y M C A of Metropolitan Chicago": "YMCA of Metropolitan Chicago",
}
_ORG_NAMES = {}
_ORG_VARIANTS = set()


def org(name, url=None):
    name = clean(name)
    if not name:
        return None
    m = re.match(r"^(.*?)\s+d/?b/?a\s+(.*)$", name, re.I)   # 'X dba Y' -> Y, the public name
    if m:
        name = clean(m.group(2))
    name = ORG_ALIASES.get(name, name)
    oid = ORG_SHORT_IDS.get(name) or "org-" + slug(name)
    first = _ORG_NAMES.setdefault(oid, name)
    if first != name:           # same slug, other spelling ('Inc.' vs ', Inc.'): one organization
        if (oid, name) not in _ORG_VARIANTS:
            _ORG_VARIANTS.add((oid, name))
            REPORT.note("organizations", f"{name!r} spelled as {first!r} ({oid})")
        name = first
    return OrderedDict([("id", oid), ("name", name), ("url", url)])


ORG_CDPH = "Chicago Department of Public Health"
ORG_DFSS = "Chicago Department of Family and Support Services"


# ---------------------------------------------------------------------------------------
# Hours parsing: parse only what is certain; otherwise the caller keeps hours_text and []
# ---------------------------------------------------------------------------------------

_DAY = (r"(?:monday|mon|mo|m|tuesday|tues|tue|tu|wednesday|wed|we|w|thursday|thurs|thur|thu|th"
        r"|friday|fri|fr|f|saturday|sat|sa|sunday|sun|su)\.?(?![a-z])")
_DAYSPEC = (rf"{_DAY}(?:\s*(?:-|to|through)\s*{_DAY})?"
            rf"(?:\s*(?:,|&|and|/)\s*{_DAY}(?:\s*(?:-|to|through)\s*{_DAY})?)*")
_TIME = r"(?:noon|midnight|\d{1,2}(?::\d{2})?(?:\s*(?:a\.?\s?m\.?|p\.?\s?m\.?|a|p)(?![a-z]))?)"
SEGMENT_RE = re.compile(
    rf"(?P<days>{_DAYSPEC})[\s:,.]*(?:(?P<closed>closed)|(?P<open>{_TIME})\s*(?:-|to)\s*(?P<close>{_TIME}))")
SEP_RE = re.compile(r"[\s;,.]*")
DAY_TOKEN_RE = re.compile(_DAY)
DAY_PREFIX = [("mo", "MO"), ("m", "MO"), ("tu", "TU"), ("we", "WE"), ("w", "WE"), ("th", "TH"),
              ("fr", "FR"), ("f", "FR"), ("sa", "SA"), ("su", "SU")]


def day_code(tok):
    tok = tok.strip(". ").lower()
    for prefix, code in DAY_PREFIX:
        if tok.startswith(prefix):
            return code
    raise ValueError(tok)


def expand_days(spec):
    """'mon, tues, thurs & fri' -> [MO, TU, TH, FR]; 'm-th' -> [MO, TU, WE, TH]."""
    out = []
    for item in re.split(r"\s*(?:,|&|\band\b|/)\s*", spec.strip()):
        ends = [day_code(t) for t in re.split(r"\s*(?:-|\bto\b|\bthrough\b)\s*", item)]
        if len(ends) == 1:
            out.append(ends[0])
        else:
            a, b = DAYS.index(ends[0]), DAYS.index(ends[1])
            if b < a:
                raise ValueError(spec)
            out.extend(DAYS[a:b + 1])
    return out


def to_hhmm(tok, mode, role):
    """Time token -> 'HH:MM' or None when not certain.
    modes: 'ampm' (a.m./p.m. required), '24h' ('09:00'), 'library' (CPL's bare hours:
    opening 9-11 = a.m., 12/Noon = noon, 1-6 = p.m.; closing 1-9 = p.m.)."""
    t = tok.strip().lower().replace(" ", "")
    if t == "noon":
        return "12:00"
    if t == "midnight":
        return "00:00"
    m = re.fullmatch(r"(\d{1,2})(?::(\d{2}))?(a\.?m?\.?|p\.?m?\.?)?", t)
    if not m:
        return None
    h, mi, suffix = int(m.group(1)), int(m.group(2) or 0), m.group(3)
    if mi > 59:
        return None
    if suffix:
        if not 1 <= h <= 12:
            return None
        h = (h % 12) + (12 if suffix.startswith("p") else 0)
    elif mode == "24h":
        if m.group(2) is None or h > 23:
            return None
    elif mode == "library":
        if m.group(2) is not None:
            return None
        if role == "open":
            h = {9: 9, 10: 10, 11: 11, 12: 12, 1: 13, 2: 14, 3: 15, 4: 16, 5: 17, 6: 18}.get(h)
        else:
            h = {12: 12, 1: 13, 2: 14, 3: 15, 4: 16, 5: 17, 6: 18, 7: 19, 8: 20, 9: 21}.get(h)
        if h is None:
            return None
    else:
        return None
    return f"{h:02d}:{mi:02d}"


def schedule(day, opens, closes):
    if closes == "23:59":            # '11:59 PM' means until midnight
        closes = "00:00"
    return OrderedDict([("byday", day), ("opens_at", opens), ("closes_at", closes)])


def sort_schedules(items):
    return sorted(items, key=lambda s: (DAYS.index(s["byday"]), s["opens_at"]))


def all_day_every_day():
    """24-hour convention: opens_at 00:00 and closes_at 00:00 means open all day."""
    return [schedule(d, "00:00", "00:00") for d in DAYS]


def parse_hours(text, mode="ampm"):
    """Free-text weekly hours -> list of schedules, or None if any part is uncertain.
    The whole text must be consumed by 'days: open-close' / 'days: closed' segments;
    a day named twice, a closing time before the opening time, or any leftover words
    make the result None."""
    if not text:
        return None
    s = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    s = re.sub(r"\s+", " ", s).strip()
    if re.fullmatch(r"(24 hours,? (every day|daily|7 days a week)|24/7)", s):
        return all_day_every_day()
    pos, out, seen = 0, [], set()
    while True:
        pos = SEP_RE.match(s, pos).end()
        if pos >= len(s):
            break
        m = SEGMENT_RE.match(s, pos)
        if not m:
            return None
        try:
            days = expand_days(m.group("days"))
        except ValueError:
            return None
        if seen.intersection(days) or len(set(days)) != len(days):
            return None
        seen.update(days)
        if not m.group("closed"):
            o = to_hhmm(m.group("open"), mode, "open")
            c = to_hhmm(m.group("close"), mode, "close")
            if o is None or c is None or not (c > o or c in ("00:00", "23:59")):
                return None
            out.extend(schedule(d, o, c) for d in days)
        pos = m.end()
    return sort_schedules(out) if seen else None


def parse_day_fields(props):
    """Warming/cooling centers: monday_open/monday_close ... ('10:00AM', 'CLOSED')."""
    out = []
    for code, day in zip(DAYS, ["monday", "tuesday", "wednesday", "thursday", "friday",
                                "saturday", "sunday"]):
        o, c = clean(props.get(day + "_open")), clean(props.get(day + "_close"))
        if o is None and c is None:
            return None
        if (o or "").upper() == "CLOSED" and (c or "").upper() == "CLOSED":
            continue
        ho, hc = to_hhmm(o or "", "ampm", "open"), to_hhmm(c or "", "ampm", "close")
        if ho is None or hc is None:
            return None
        if hc == "23:59":
            hc = "00:00"
        if not (hc > ho or hc == "00:00"):
            return None
        out.append(schedule(code, ho, hc))
    return out


def hours(text, mode="ampm"):
    """-> (hours_text, schedules); schedules is [] when the text is not parsed with certainty."""
    text = clean(text)
    parsed = parse_hours(text, mode)
    return text, (parsed if parsed is not None else [])


def selftest():
    def days_of(items):
        return [(s["byday"], s["opens_at"], s["closes_at"]) for s in items]

    assert expand_days("Mon, Tues, Thurs & Fri") == ["MO", "TU", "TH", "FR"]
    assert expand_days("m-th") == ["MO", "TU", "WE", "TH"]
    assert expand_days("Sat/Sun") == ["SA", "SU"]
    assert to_hhmm("8:00 a.m.", "ampm", "open") == "08:00"
    assert to_hhmm("4:30 p.m", "ampm", "close") == "16:30"
    assert to_hhmm("12:00AM", "ampm", "open") == "00:00"
    assert to_hhmm("12pm", "ampm", "open") == "12:00"
    assert to_hhmm("1p", "ampm", "open") == "13:00"
    assert to_hhmm("10", "ampm", "open") is None
    assert to_hhmm("10", "library", "open") == "10:00"
    assert to_hhmm("6", "library", "close") == "18:00"
    assert to_hhmm("Noon", "library", "open") == "12:00"
    assert to_hhmm("09:00", "24h", "open") == "09:00"
    cdph = parse_hours("Mon, Tues, Thurs & Fri: 8:00 a.m. - 4:30 p.m.; Wed: 10:30 a.m. - 7:00 p.m.")
    assert days_of(cdph) == [("MO", "08:00", "16:30"), ("TU", "08:00", "16:30"),
                             ("WE", "10:30", "19:00"), ("TH", "08:00", "16:30"),
                             ("FR", "08:00", "16:30")], cdph
    assert len(parse_hours("Mon, Wed & Fri :8:00 a.m. - 4:00 p.m.; Tues & Thurs: 9:00 a.m. - 5:00 p.m.")) == 5
    assert days_of(parse_hours("Mon - Fri: 8:30 a.m. \u2013 2:00 p.m."))[4] == ("FR", "08:30", "14:00")
    lib = parse_hours("Mon. & Wed., Noon-8; Tues. & Thurs., 10-6; Fri. & Sat., 9-5; Sun., Closed",
                      "library")
    assert days_of(lib) == [("MO", "12:00", "20:00"), ("TU", "10:00", "18:00"),
                            ("WE", "12:00", "20:00"), ("TH", "10:00", "18:00"),
                            ("FR", "09:00", "17:00"), ("SA", "09:00", "17:00")], lib
    assert days_of(parse_hours("Mon. - Thurs., 9-8; Fri. & Sat., 9-5; Sun., 1-5", "library"))[-1] == \
        ("SU", "13:00", "17:00")
    assert len(parse_hours("Mon. & Wed., Noon-8; Tues. & Thurs., 10-6; Fri. & Sat., 9-5, Sun., 1-5",
                           "library")) == 7
    assert parse_hours("Closed for building improvements", "library") is None
    assert parse_hours("Mon. & Wed., 10-6", "ampm") is None          # bare hours need library mode
    imm = parse_hours("Tue-Fri 09:00-17:00; Sat 09:00-14:00", "24h")
    assert days_of(imm) == [(d, "09:00", "17:00") for d in ["TU", "WE", "TH", "FR"]] + \
        [("SA", "09:00", "14:00")]
    assert days_of(parse_hours("24 hours, every day", "24h")) == [(d, "00:00", "00:00") for d in DAYS]
    assert len(parse_hours("Mon - Fri 8:30 a.m. to 4:30 p.m. Sat - Sun 9:00 a.m. to 4:00 p.m")) == 7
    assert days_of(parse_hours("M-F 7 am - 10 pm; SA 7 am -5 pm; SU CLOSED"))[-1] == ("SA", "07:00", "17:00")
    assert days_of(parse_hours("Tues/Thurs: 1pm-3pm, Sat: 9:30am-12pm")) == \
        [("TU", "13:00", "15:00"), ("TH", "13:00", "15:00"), ("SA", "09:30", "12:00")]
    assert parse_hours("through Aug 31st are Mon: 9am-5:30pm") is None
    assert parse_hours("Mon: 9am-5pm; Mon: 6pm-8pm") is None           # a day twice: unsure
    assert parse_hours("Mon: 5pm-9am") is None                          # backwards: unsure
    assert parse_hours("weekly (online)") is None
    police = {f"{d}_{k}": "CLOSED" for d in ["monday", "tuesday", "wednesday", "thursday", "friday"]
              for k in ("open", "close")}
    police.update(saturday_open="12:00AM", saturday_close="11:59PM",
                  sunday_open="12:00AM", sunday_close="11:59PM")
    assert days_of(parse_day_fields(police)) == [("SA", "00:00", "00:00"), ("SU", "00:00", "00:00")]
    assert parse_phone("773-768-0373 ext. 1180, 1181, 1182")[0]["extension"] == "1180, 1181, 1182"
    assert parse_phone("(312) 747-0639")[0]["number"] == "+13127470639"
    assert parse_phone("+1-855-435-7693")[0]["number"] == "+18554357693"
    assert parse_phone("312-743-743-0596")[0] is None
    assert parse_phone("311")[0] is None
    assert addr_key("4314 S. Cottage Grove Ave") == addr_key("4314 S Cottage Grove") == "4314 S COTTAGE GROVE"
    assert addr_key("49 East 95th Street") == addr_key("49 E 95Th St") == "49 E 95TH"
    assert address_title("830 E 63RD ST ST") == "830 E 63rd St"
    assert address_title("10150 S AVENUE J AVE") == "10150 S Avenue J Ave"
    assert slug("O'Hare") == "ohare"


# ---------------------------------------------------------------------------------------
# Listing construction (shared by all sources)
# ---------------------------------------------------------------------------------------

def make_listing(lid, source, organization, name, categories, loc, source_record, *,
                 description=None, languages=None, cost=None, access=None, delivery=False,
                 status="active", status_reason=None, phone_list=(), url=None,
                 hours_text=None, schedules=(), legal_provider=None, eligibility=None,
                 service_areas=()):
    values = {
        "id": lid, "source": source, "organization": organization, "name": clean(name),
        "description": clean(description), "eligibility": clean(eligibility), "categories": list(categories),
        "languages": languages, "cost": cost, "documents": None,
        "asks_immigration_status": None, "access": access, "delivery": delivery,
        "wheelchair": None, "legal_provider": legal_provider, "status": status,
        "status_reason": clean(status_reason), "location": loc, "phones": list(phone_list),
        "url": url, "email": None, "hours_text": clean(hours_text),
        "schedules": list(schedules), "service_areas": list(service_areas),
        "source_record": clean(source_record),
    }
    return OrderedDict((k, values[k]) for k in FIELDS)


def add_category(listing, cat, source):
    """Add a category, keeping at most 3: a merged listing drops its least specific (last)
    own category to make room, and the report says so."""
    cats = listing["categories"]
    if cat in cats:
        return
    if len(cats) >= 3:
        REPORT.note(source, f"{listing['id']}: category '{cats[-1]}' dropped to make room "
                            f"for '{cat}' (max 3)")
        cats = cats[:2]
    listing["categories"] = cats + [cat]


def append_description(listing, text):
    listing["description"] = join_sentences(listing["description"], text)


def append_record(listing, text):
    listing["source_record"] = f"{listing['source_record']}; {text}"


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_features(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["features"]


# ---------------------------------------------------------------------------------------
# Sources
# ---------------------------------------------------------------------------------------

WIC_FLAGS = [("wic", "WIC"), ("public_health_nursing", "public health nursing"),
             ("family_case_management", "family case management"),
             ("healthy_start_program", "Healthy Start"),
             ("healthy_families_program", "Healthy Families")]


def cdph_clinics(raw, fname, source, prefix, categories, kind):
    """CDPH clinic roster (kcki-hnch views): WIC and STI clinics."""
    out = []
    for feat in read_features(os.path.join(raw, "services", fname)):
        p = feat["properties"]
        REPORT.count(source, "read")
        site = clean(p["site_name"])
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, site)
            continue
        key = f"{int(p['site_number']):04d}" if clean(p.get("site_number")) else \
            slug(site, p["street_address"].split(",")[0])
        record = (f"site_number={p['site_number']}" if clean(p.get("site_number")) else
                  f"site_name={site}; street_address={clean(p['street_address'])}")
        loc_name = re.sub(r"\bNHC\b", "Neighborhood Health Center", site)
        if kind == "wic":
            name = loc_name if "WIC" in loc_name else \
                re.sub(r"( Clinic)?$", " WIC Clinic", loc_name, count=1)
            flags = [label for field, label in WIC_FLAGS[1:] if (p.get(field) or "").upper() == "Y"]
            desc = join_sentences(
                "WIC clinic (Special Supplemental Nutrition Program for Women, Infants, and "
                "Children) listed by the Chicago Department of Public Health",
                ("Also recorded at this site: " + ", ".join(flags)) if flags else None)
        else:
            name = loc_name
            desc = join_sentences("Sexually transmitted infection (STI) specialty clinic of the "
                                  "Chicago Department of Public Health")
        addr = clean(p["street_address"])
        addr_1, _, addr_2 = addr.partition(", ")
        text, sched = hours(p.get("hours_of_operation"))
        if text and not sched:
            REPORT.note(source, f"hours not parsed for {site}: {text!r}")
        out.append(make_listing(
            f"{prefix}-{key}", source, org(ORG_CDPH), name, categories,
            location(loc_name, addr_1, p.get("zip"), pt, address_2=addr_2 or None,
                     city=p.get("city"), state=p.get("state")),
            record, description=desc, cost="free",
            phone_list=phones(source, site, [(p.get(f"phone_{i}"), None, None) for i in range(1, 6)]),
            hours_text=text, schedules=sched))
    return out


def cdph_mental_health(raw):
    source = "cdph-mental-health"
    out = []
    for i, r in enumerate(read_csv(os.path.join(raw, "services", "cdph_mental_health_centers_2026.csv")), 1):
        REPORT.count(source, "read")
        pt, why = point(r["lat"], r["lon"])
        if not pt:
            REPORT.skip(source, why, r["name"])
            continue
        name = f"{clean(r['name'])} Mental Health Center"
        out.append(make_listing(
            f"mhc-{slug(r['name'])}", source, org(ORG_CDPH), name, ["mental-health"],
            location(name, r["address"], None, pt), f"name={clean(r['name'])}",
            description=join_sentences("City-run mental health center of the Chicago Department "
                                       "of Public Health", r["note"]),
            cost="free"))
    return out


PRIMARY_CARE_ORGS = [   # facility-name prefix -> organization (see data/SOURCES.md)
    (r"ACCESS\b", "ACCESS Community Health Network"),
    (r"Near North\b", "Near North Health Service Corporation"),
    (r"Erie Family Health Center", "Erie Family Health Center"),
    (r"Esperanza Health Center", "Esperanza Health Centers"),
    (r"Lawndale Christian Health Center", "Lawndale Christian Health Center"),
    (r"PrimeCare\b", "PrimeCare"),
    (r"Aunt Martha's", "Aunt Martha's"),
    (r"UIC\b", "UIC Mile Square Health Center"),
    (r"Heartland Health Centers?\b", "Heartland Health Centers"),
    (r"Heartland Health Outreach", "Heartland Health Outreach"),
    (r"PCC\b", "PCC Community Wellness Center"),
    (r"Friend Family Health Center", "Friend Family Health Center"),
    (r"CommunityHealth\b", "CommunityHealth"),
    (r"Cook County\b", "Cook County Health"),
    (r"Chicago Family Health Center", "Chicago Family Health Center"),
    (r"Alivio Medical Center", "Alivio Medical Center"),
    (r"Mercy Family Health Center", "Mercy Family Health Center"),
    (r"Howard Brown Health Center", "Howard Brown Health Center"),
    (r"Circle Family Health ?care Network", "Circle Family Healthcare Network"),   # re.I
    (r"University of Chicago", "University of Chicago"),
    (r"Port Ministries", "Port Ministries"),
]
PC_TYPES = {"fqhc": "Federally qualified health center (FQHC)", "look-alike": "FQHC look-alike",
            "neither": None}


def primary_care(raw):
    source = "primary-care"
    out = []
    rows = read_csv(os.path.join(raw, "services", "primary_care_community_health_centers.csv"))
    for i, r in enumerate(rows, 1):
        REPORT.count(source, "read")
        facility = re.sub(r"\s*-\s*-\s*|\s+-\s*|\s*-\s+", " - ", clean(r["Facility"]))
        pt, why = point(r["Latitude"], r["Longitude"])
        if not pt:
            REPORT.skip(source, "bad geocode" if "outside" in why else why,
                        f"row {i} {facility}, {clean(r['Address'])} {r['ZIP']}: {why}")
            continue
        notes = clean(r["FQHC, Look-alike, or Neither; Special Notes"]) or ""
        # Split hours out of the notes: after a 'Days/Hours' marker, or a ';' part that
        # starts with a day name.
        hours_text, body = None, notes
        m = re.search(r"[,;]?\s*days\s*/\s*hours\b", notes, re.I)
        if m:
            hours_text, body = notes[m.start():].lstrip(",; "), notes[:m.start()]
            parse_text = re.sub(r"^days\s*/\s*hours\s*", "", hours_text, flags=re.I)
        else:
            parts = [x.strip() for x in notes.split(";")]
            hp = [x for x in parts if DAY_TOKEN_RE.match(x.lower()) and re.search(r"\d", x)]
            if hp:
                hours_text = "; ".join(hp)
                body = "; ".join(x for x in parts if x not in hp)
            parse_text = hours_text
        sched = (parse_hours(parse_text) or []) if hours_text else []
        if hours_text and not sched:
            REPORT.note(source, f"hours not parsed for row {i} {facility}: {hours_text!r}")
        parts = [x.strip() for x in body.split(";") if x.strip()]
        first, _, rest = (parts[0] if parts else "").partition(",")   # 'FQHC, urgent care center'
        items = [x.strip() for x in [first, rest] + parts[1:] if x.strip()]
        kind = PC_TYPES.get(items[0].lower(), items[0]) if items else None
        desc = join_sentences("Primary care community health center", kind, *items[1:])
        cost = "free" if re.search(r"free clinic", notes, re.I) or \
            re.search(r"\bfree\b.*\bclinic\b", facility, re.I) else None
        org_name = next((o for pat, o in PRIMARY_CARE_ORGS if re.match(pat, facility, re.I)), None)
        if not org_name:
            rush = re.search(r"operated by (Rush University)", notes)
            org_name = rush.group(1) if rush else facility
        out.append(make_listing(
            f"chc-{slug(facility, r['Address'])}", source, org(org_name), facility, ["health"],
            location(facility, r["Address"], r["ZIP"], pt), f"row {i}",
            description=desc, cost=cost,
            access="walk_in" if re.search(r"\bwalk-in\b", facility, re.I) else None,
            phone_list=phones(source, f"row {i} {facility}", [(r["Phone"], None, None)]),
            hours_text=hours_text, schedules=sched))
    return out


def city_sites(raw, fname, source, prefix, name_field, name_fn, org_name, categories,
               desc_fn, cost="free"):
    """Small City rosters with the same shape: community service, senior, workforce centers."""
    out = []
    for feat in read_features(os.path.join(raw, "services", fname)):
        p = feat["properties"]
        REPORT.count(source, "read")
        site = clean(p[name_field])
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, site)
            continue
        if clean(p.get("location_address")) and \
                addr_key(p["location_address"]) != addr_key(p["address"]):
            REPORT.note(source, f"{site}: address {clean(p['address'])!r} but location_address "
                                f"{clean(p['location_address'])!r}; kept 'address' and the point")
        name = name_fn(site, p)
        text, sched = hours(p.get("hours_of_operation"))
        if text and not sched:
            REPORT.note(source, f"hours not parsed for {site}: {text!r}")
        addr_1, _, addr_2 = clean(p["address"]).partition(", ")
        out.append(make_listing(
            f"{prefix}-{slug(site)}", source, org(org_name), name, categories,
            location(name, addr_1, p.get("zip"), pt, address_2=addr_2 or None,
                     city=p.get("city"), state=p.get("state")),
            f"{name_field}={site}", description=desc_fn(site, p), cost=cost,
            phone_list=phones(source, site, [(p.get("phone"), None, None)]),
            hours_text=text, schedules=sched))
    return out


def community_service_centers(raw):
    return city_sites(
        raw, "community_service_centers.geojson", "community-service-centers", "csc", "site",
        lambda s, p: re.sub(r"\bCenter$", "Community Service Center", s), ORG_DFSS,
        ["money", "housing", "food"],
        lambda s, p: "Community service center of the Chicago Department of Family and "
                     "Support Services (DFSS).")


def senior_centers(raw):
    return city_sites(
        raw, "senior_centers.geojson", "senior-centers", "senior", "site_name",
        lambda s, p: f"{s} {clean(p['program'])}", ORG_DFSS, ["seniors"],
        lambda s, p: f"{clean(p['program'])} of the Chicago Department of Family and Support "
                     f"Services (DFSS).")


def workforce_centers(raw):
    return city_sites(
        raw, "workforce_centers.geojson", "workforce-centers", "workforce", "site_name",
        lambda s, p: s, "City of Chicago", ["work"],
        lambda s, p: "Workforce center listed by the City of Chicago.", cost=None)


def library_name(n):
    n = n.replace("Washtington", "Washington")          # source typo
    m = re.fullmatch(r"(\w+), ((?!Jr\.|Sr\.)[\w. ]+)", n)  # 'Daley, Richard J.' -> 'Richard J. Daley'
    if m:
        n = f"{m.group(2)} {m.group(1)}"
    return n if "Library" in n else f"{n} Library"


def libraries(raw):
    source = "libraries"
    out = []
    for feat in read_features(os.path.join(raw, "services", "libraries.geojson")):
        p = feat["properties"]
        REPORT.count(source, "read")
        site = clean(p["name_"])
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, site)
            continue
        url = clean((p.get("website") or {}).get("url"))
        m = re.search(r"/locations/(\d+)/?$", url or "")
        lid = f"cpl-{int(m.group(1)):04d}" if m else f"cpl-{slug(site)}"
        text, sched = hours(p.get("hours_of_operation"), "library")
        status, reason = "active", None
        if text and re.search(r"\bclosed\b", text, re.I) and not sched and \
                re.match(r"(temporarily )?closed", text, re.I):
            status, reason = "temporarily_closed", text
            REPORT.note(source, f"{site}: temporarily_closed ({text!r})")
        elif text and not sched:
            REPORT.note(source, f"hours not parsed for {site}: {text!r}")
        name = library_name(site)
        out.append(make_listing(
            lid, source, org("Chicago Public Library"), name, ["learning"],
            location(name, p["address"], p.get("zip"), pt, city=p.get("city"), state=p.get("state")),
            f"name_={site}", description="Chicago Public Library location; free public library.",
            cost="free", status=status, status_reason=reason, url=url,
            phone_list=phones(source, site, [(p.get("phone"), None, None)]),
            hours_text=text, schedules=sched))
    return out


class PlaceIndex:
    """Find the listing for the same place: by normalised address, then by normalised name
    within the same kind of site, then by phone (libraries that moved and were renamed)."""

    def __init__(self):
        self.by_addr, self.by_name, self.by_phone = {}, {}, {}

    def add(self, kind, listing, name):
        self.by_addr.setdefault((kind, addr_key(listing["location"]["address_1"])), listing)
        self.by_name.setdefault((kind, name_key(name, NAME_DROP[kind])), listing)
        for ph in listing["phones"]:
            self.by_phone.setdefault((kind, ph["number"]), listing)

    def find(self, kind, address, name, phone_numbers):
        hit = self.by_addr.get((kind, addr_key(address)))
        if hit is not None:
            return hit, "address"
        hit = self.by_name.get((kind, name_key(name, NAME_DROP[kind])))
        if hit is not None:
            return hit, "name"
        for num in phone_numbers:
            hit = self.by_phone.get((kind, num))
            if hit is not None:
                return hit, "phone"
        return None, None


NAME_DROP = {
    "library": ("regional", "library center", "library", "popular", " at "),
    "csc": ("community service center", "center"),
    "senior": ("regional senior center", "satellite senior center", "satellite", "regional"),
    "police": (),
    "college": (),
}
SITE_KINDS = {"Library": "library", "Community Service Center": "csc",
              "Regional Senior Center": "senior", "Satellite Senior Center": "senior",
              "Police Station": "police", "Chicago Community College": "college"}


def warming_and_cooling(raw, libs, cscs, seniors):
    """Warming centers, then cooling centers. A site already listed (library, community
    service center, senior center, or a warming center for the cooling file) is merged into
    that listing: one listing per place. Park District spray features are not refuges."""
    index = PlaceIndex()
    for kind, items in (("library", libs), ("csc", cscs), ("senior", seniors)):
        for lst in items:
            source_name = lst["source_record"].split("=", 1)[1]   # 'name_=Albany Park' etc.
            index.add(kind, lst, source_name)
    matched = defaultdict(list)

    def merge(source, kind, props, note, record):
        site = clean(props["site_name"])
        ph, _ = parse_phone(props.get("phone"))
        nums = [ph["number"]] if ph else []
        hit, how = index.find(kind, props["address"], site, nums)
        if hit is None:
            return False
        matched[hit["id"]].append(source)
        if how != "address":
            REPORT.note(source, f"{kind} '{site}' ({clean(props['address'])}) matched "
                                f"{hit['id']} '{hit['name']}' ({hit['location']['address_1']}) "
                                f"by {how}")
        REPORT.count(source, f"merged into an existing listing ({kind})")
        add_category(hit, "warming-cooling", source)
        append_description(hit, note)
        append_record(hit, record)
        return True

    warming = []
    source = "warming-centers"
    for feat in read_features(os.path.join(raw, "services", "warming_centers.geojson")):
        p = feat["properties"]
        REPORT.count(source, "read")
        site, kind = clean(p["site_name"]), SITE_KINDS[p["site_type"]]
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, site)
            continue
        note = WARMING_NOTE
        extra = clean(p.get("additional_notes"))
        if extra and extra.lower() == "seniors only at this location":
            note = WARMING_NOTE.replace("in winter", "in winter for seniors only")
            extra = None
        if merge(source, kind, p, join_sentences(note, extra),
                 f"warming_centers: site_name={site}"):
            continue
        if kind != "police":
            raise AssertionError(f"unmatched warming center {site} ({kind})")
        name = f"Chicago Police {site} Station"
        sched = parse_day_fields(p) or []
        lst = make_listing(
            f"warming-{slug(site)}", source, org("Chicago Police Department"), name,
            ["warming-cooling"],
            location(name, p["address"], p.get("zip"), pt, city=p.get("city"), state=p.get("state")),
            f"site_name={site}",
            description=join_sentences(
                "Chicago Police Department district station listed by DFSS as a warming center"
                + (" on " + " and ".join(DAY_NAMES[x["byday"]] for x in sched) if sched else "")
                + "; warming centers open as weather requires: call 311 to confirm", extra),
            cost="free", phone_list=phones(source, site, [(p.get("phone"), None, None)]),
            hours_text=p.get("hours_of_operation"), schedules=sched)
        index.add("police", lst, site)
        warming.append(lst)

    cooling = []
    source = "cooling-centers"
    for feat in read_features(os.path.join(raw, "services", "cooling_centers.geojson")):
        p = feat["properties"]
        REPORT.count(source, "read")
        site = clean(p["site_name"])
        if p["site_type"] == "Park District Spray Feature":
            REPORT.count(source, "skipped: Park District spray feature (not a refuge)")
            continue
        kind = SITE_KINDS[p["site_type"]]
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, site)
            continue
        if merge(source, kind, p, COOLING_NOTE, f"cooling_centers: site_name={site}"):
            continue
        if kind != "college":
            raise AssertionError(f"unmatched cooling center {site} ({kind})")
        text, sched = hours(p.get("hours_of_operation"))
        if text and not sched:
            REPORT.note(source, f"hours not parsed for {site}: {text!r}")
        cooling.append(make_listing(
            f"cooling-{slug(site)}", source, org("City Colleges of Chicago"), site,
            ["warming-cooling"],
            location(site, p["address"], p.get("zip"), pt, city=p.get("city"), state=p.get("state")),
            f"site_name={site}",
            description="City Colleges of Chicago campus listed by DFSS as a cooling center in "
                        "summer; cooling centers open as weather requires: call 311 to confirm.",
            cost="free", phone_list=phones(source, site, [(p.get("phone"), None, None)]),
            hours_text=text, schedules=sched))

    twice = {k: v for k, v in matched.items() if v.count("warming-centers") > 1 or
             v.count("cooling-centers") > 1}
    if twice:
        raise AssertionError(f"two rows of one file merged into the same listing: {twice}")
    return warming, cooling


# DFSS delegate agencies -------------------------------------------------------------------

DFSS_DIVISIONS = {"Human Services Delivery", "Homeless Services", "Domestic Violence",
                  "Senior Services", "Workforce Services"}
DFSS_CHILDREN_KEEP = {"Early Learning for Immigrant Families"}
DFSS_NOT_RESIDENT_FACING = {"Plan to End Homelessness", "System Coordinator",
                            "Technical Assistance and Training"}
DFSS_MODEL_FIX = {   # typos and duplicate names of one program model in the source
    "Specialized Servcies:  Clinical Services": "Clinical Services",
    "Homeless Prevention": "Homelessness Prevention",
    "Homeless Youth Overnight Shelter: Low-Threshold": "Low Threshold Youth Overnight Shelter",
    "Homeless Youth Engagement: Youth Drop-In Centers": "Youth Drop-In Center",
}
DFSS_CATEGORIES = {
    # Human Services Delivery
    "Emergency Food Assistance for At-Risk Population": ["food"],
    "Digital Literacy Program": ["learning"],
    "Legal Services": ["legal"],
    "Public Benefits Outreach and Enrollment": ["money"],
    "Tax Preparation Assistance": ["money"],
    # Homeless Services
    "Basic Street Outreach": ["shelter"],
    "Clinical Services": ["mental-health", "shelter"],
    "Community Hospitality Center (Drop-In Centers)": ["shelter"],
    "Emergency Shelter": ["shelter"],
    "FUSE-Families": ["housing"],
    "Homelessness Prevention": ["housing", "money"],
    "Interim Housing": ["shelter"],
    "Interim Housing-Youth": ["shelter"],
    "Low Threshold Youth Overnight Shelter": ["shelter"],
    "Mobile Outreach Human Services": ["shelter"],
    "Outreach and Engagement": ["shelter"],
    "Outreach and Engagement Coordinator": ["shelter"],
    "Permanent Housing with Short-term Supports": ["housing"],
    "Permanent Supportive Housing": ["housing"],
    "Project Based Transitional Housing": ["housing"],
    "Rapid Re-housing Program": ["housing"],
    "Safe Havens Program": ["shelter"],
    "Scattered Site Transitional": ["housing"],
    "Shelter Plus Care": ["housing"],
    "Specialized Outreach and Engagement Services": ["shelter"],
    "Specialized Services: SSI/SSDI": ["money"],
    "Youth Drop-In Center": ["shelter"],
    "Youth Outreach Program": ["shelter"],
    "Youth-Intentional Permanent Supportive Housing": ["housing"],
    # Domestic Violence
    "Chicago Children\u2019s Advocacy Center": ["family", "mental-health"],
    "Counseling and Case Management Services": ["mental-health"],
    "Court House Domestic Violence": ["legal"],
    "Family Violence Prevention Initiative": ["family"],
    "Legal Advocacy and Case Management": ["legal"],
    "Legal Services for Victims of Domestic Violence": ["legal"],
    "Resource and Information Management": ["legal"],
    "Supervised Visitation and Safe Exchange": ["family"],
    # Senior Services (service first, then the audience)
    "Caregiver Services": ["family", "seniors"],
    "Chore Services": ["seniors"],
    "Comprehensive Fitness": ["health", "seniors"],
    "Congregate Dining": ["food", "seniors"],
    "Health and Wellness Promotion": ["health", "seniors"],
    "Home Delivered Meals": ["food", "seniors"],
    "Housing Relocation Counseling for At-Risk Seniors": ["housing", "seniors"],
    "Intensive Case Advocacy and Support For At-Risk Seniors": ["seniors"],
    "Older Relatives Raising Children": ["family", "seniors"],
    "Satellite Senior Centers": ["seniors"],
    "Senior Community Service Employment Program (SCSEP)": ["work", "seniors"],
    # Workforce Services
    "Community Re-Entry Support Centers": ["work"],
    "Employment Preparation and Placement Program": ["work"],
    "Industry-Specific Training and Placement Program": ["work", "learning"],
    "Neighborhood Clean-up": ["work"],
    "Transitional Jobs Program": ["work"],
    # Children Services (only this one)
    "Early Learning for Immigrant Families": ["immigration", "family"],
}
DFSS_SENIOR_LEGAL = "Legal Services"   # same model name in two divisions: add 'seniors'
# Homeless Services models whose sites are where people sleep or live: 'approximate'.
DFSS_RESIDENTIAL = {
    "Emergency Shelter", "Interim Housing", "Interim Housing-Youth",
    "Low Threshold Youth Overnight Shelter", "Safe Havens Program",
    "Permanent Supportive Housing", "Youth-Intentional Permanent Supportive Housing",
    "Shelter Plus Care", "Project Based Transitional Housing", "Scattered Site Transitional",
    "Permanent Housing with Short-term Supports",
}
DFSS_SHELTER_LIKE = {"Emergency Shelter", "Interim Housing", "Interim Housing-Youth",
                     "Low Threshold Youth Overnight Shelter", "Safe Havens Program",
                     "Project Based Transitional Housing", "Scattered Site Transitional"}
DV_WORDS = re.compile(r"\b(DV|domestic|abused|battered)\b", re.I)
# Programs an agency runs at host sites (colleges, community service centers...): the site
# name alone would read like the host's own listing.
DFSS_HOSTED = {"Public Benefits Outreach and Enrollment", "Tax Preparation Assistance",
               "Digital Literacy Program"}
GENERIC_SITE_WORDS = {"services", "service", "program", "programs", "support", "supportive",
                      "homeless", "prg", "i", "ii", "iii", "iv", "v", "vi", "vii", "xv", "the"}


def dfss_visibility(division, model, agency, sites, dv_agencies):
    if division == "Domestic Violence":
        return "hidden", "Domestic Violence division"
    if division == "Homeless Services" and model in DFSS_RESIDENTIAL:
        if model in DFSS_SHELTER_LIKE and (
                agency in dv_agencies or DV_WORDS.search(" ".join([agency] + sites))):
            return "hidden", "shelter/interim housing of an agency DFSS funds for domestic-violence services"
        return "approximate", None
    return "exact", None


def dfss_name(sites, agency, model, models_here):
    """The site name when it names this one service; otherwise 'Agency – Program model'
    (several site names, a generic or agency-only site name, or the agency runs several
    program models at this address under one site name)."""
    words = lambda s: set(re.findall(r"[a-z0-9]+", s.lower()))
    if model in DFSS_HOSTED and len(sites) == 1:        # 'Tax Preparation Assistance at Truman College'
        return f"{model} at {sites[0]}"
    if len(sites) == 1 and models_here == 1:
        w = words(sites[0])
        if name_key(sites[0]) != name_key(agency) and \
                not w <= (GENERIC_SITE_WORDS | words(model) | words(agency)):
            return sites[0]
    if name_key(model) == name_key(agency):
        return agency
    return f"{agency} \u2013 {model}"


def dfss(raw, seniors_by_addr):
    source = "dfss"
    rows = read_csv(os.path.join(raw, "services", "dfss_delegate_agencies.csv"))
    dv_agencies = {org(r["Agency"])["name"] for r in rows if r["Division"] == "Domestic Violence"}
    groups = OrderedDict()
    for i, r in enumerate(rows, 1):
        REPORT.count(source, "read")
        division, model_raw = r["Division"], clean(r["Program Model"])
        if division not in DFSS_DIVISIONS and model_raw not in DFSS_CHILDREN_KEEP:
            REPORT.count(source, f"excluded by scope: {division}")
            continue
        model = DFSS_MODEL_FIX.get(r["Program Model"], model_raw)
        if model in DFSS_NOT_RESIDENT_FACING:
            REPORT.skip(source, "not a resident-facing service",
                        f"row {i} {clean(r['Agency'])}: {model}")
            continue
        if model not in DFSS_CATEGORIES:
            raise AssertionError(f"unmapped DFSS program model {model!r}")
        pt, why = point(r["Latitude"], r["Longitude"])
        if not pt:
            REPORT.skip(source, why, f"row {i} {clean(r['Agency'])} / {model} / "
                                     f"{clean(r['Site Name'])} / {clean(r['Address'])}")
            continue
        agency = org(r["Agency"])
        key = (agency["id"], model, addr_key(r["Address"]))
        if key in groups:
            REPORT.count(source, "merged: same agency, program model and site")
        groups.setdefault(key, []).append((i, r, pt, agency, division))
    models_at = Counter((oid, akey) for (oid, model, akey) in groups)
    out = []
    for (oid, model, akey), members in groups.items():
        i0, r0, pt, agency, division = members[0]
        rows_n = [m[0] for m in members]
        sites = list(OrderedDict.fromkeys(clean(m[1]["Site Name"]) for m in members))
        if model == "Satellite Senior Centers" and akey in seniors_by_addr:
            hit = seniors_by_addr[akey]
            hit["organization"] = agency
            append_description(hit, f"Operated by {agency['name']} under DFSS's Satellite Senior "
                                    f"Centers program (DFSS delegate-agency list)")
            append_record(hit, f"dfss_delegate_agencies: row {', '.join(map(str, rows_n))}")
            REPORT.count(source, "merged into a senior-centers listing")
            continue
        categories = list(DFSS_CATEGORIES[model])
        if model == DFSS_SENIOR_LEGAL and division == "Senior Services":
            categories = ["legal", "seniors"]
        visibility, why_hidden = dfss_visibility(division, model, agency["name"], sites, dv_agencies)
        if visibility == "hidden" and division != "Domestic Violence":
            REPORT.note(source, f"hidden ({why_hidden}): {agency['name']} / {model} / {', '.join(sites)}")
        line2 = clean(r0["Address Line 2"])
        addr_2, other_addr = line2, None
        if line2 and re.match(r"\d+\s+[NSEW]\.?\s+\w", line2):   # a second street address
            addr_2, other_addr = None, line2
        elif line2:
            addr_2 = address_title(line2)
        name = dfss_name(sites, agency["name"], model, models_at[(oid, akey)])
        extra = [x for x in sites if x != name and name_key(x) != name_key(agency["name"])]
        if visibility != "exact":
            # A shelter's site name can be looked up elsewhere to find the building: for a place shown
            # only approximately (or not at all) the listing is named for the agency and programme.
            name = agency["name"] if name_key(model) == name_key(agency["name"]) else f"{agency['name']} \u2013 {model}"
            extra = []
        desc = join_sentences(
            f"{model}: a {division} program funded by the City of Chicago Department of Family "
            f"and Support Services (DFSS), provided by {agency['name']}",
            f"Program or site names in the source: {'; '.join(extra)}" if extra else None,
            f"The source also gives the address {other_addr}" if other_addr else None)
        entries = []
        for n, r, _, _, _ in members:
            ext = clean(r["Phone Extension"])
            ext = re.sub(r"^[xX]", "", ext) if ext else None
            if ext and len(re.sub(r"\D", "", ext)) == 10:     # a second number in the ext column
                entries.append((ext, None, None))
                REPORT.note(source, f"row {n}: extension column holds a phone number ({ext}); "
                                    f"kept as a second phone")
                ext = None
            if clean(r["Phone Number"]) == "0":
                REPORT.count(source, "phones dropped")
                REPORT.note(source, f"phone dropped for row {n}: '0'")
                continue
            entries.append((r["Phone Number"], ext, None))
        lid = f"dfss-{slug(agency['name'])}-{slug(model)}-{slug(akey)}"
        out.append(make_listing(
            lid, source, agency, name, categories,
            location(sites[0] if len(sites) == 1 else None, address_title(r0["Address"]),
                     r0["ZIP"], pt, visibility, address_2=addr_2, city=r0["City"], state=r0["State"]),
            f"row {', '.join(map(str, rows_n))}", description=desc,
            delivery=model == "Home Delivered Meals",
            legal_provider=None,
            phone_list=phones(source, f"row {i0} {agency['name']}", entries)))
    return out


# Farmers markets, substance use, immigrant rights -----------------------------------------

def farmers_markets(raw):
    source = "farmers-markets"
    out, seen = [], {}
    for i, r in enumerate(read_csv(os.path.join(raw, "services", "farmers_markets_2025.csv")), 1):
        REPORT.count(source, "read")
        raw_name = clean(r["Market Name"])
        name = clean(re.sub(r"\s*\*|\s*\(L\)", "", raw_name))
        pt, why = point(r["Latitude"], r["Longitude"])
        if not pt:
            REPORT.skip(source, why, f"row {i} {raw_name}")
            continue
        key = name_key(name)
        if key in seen:
            prev_pt, prev_i = seen[key]
            near = abs(prev_pt[0] - pt[0]) < 0.0015 and abs(prev_pt[1] - pt[1]) < 0.002
            if near:
                REPORT.skip(source, "duplicate market", f"row {i} {raw_name} ({clean(r['Address'])}) "
                                                        f"= row {prev_i}")
                continue
            raise AssertionError(f"two markets named {name} far apart")
        seen[key] = (pt, i)
        parts = [p.strip() for p in r["Address"].split(",")]
        while parts and parts[-1] in ("IL", "Chicago"):
            parts.pop()
        street_i = next(k for k, p in enumerate(parts) if re.match(r"\d", p))
        place = ", ".join(parts[:street_i]) or None
        dcase = r["DCASE"].upper() == "TRUE"
        out.append(make_listing(
            f"market-{slug(name)}", source,
            # The source names no organizer for the other markets: the market stands as its own organization.
            org("Chicago Department of Cultural Affairs and Special Events") if dcase else org(name),
            name, ["food"], location(place or name, ", ".join(parts[street_i:]), None, pt),
            f"row {i}",
            description=join_sentences("Farmers market on the 2025 season list",
                                       "Run by the City's Department of Cultural Affairs and "
                                       "Special Events (DCASE)" if dcase else None,
                                       "Markets are seasonal and weekly; days and hours are not "
                                       "in the source")))
    return out


def substance_use(raw):
    source = "substance-use-providers"
    out = []
    feats = read_features(os.path.join(raw, "services", "substance_abuse_treatment_providers.geojson"))
    for i, feat in enumerate(feats, 1):
        p = feat["properties"]
        REPORT.count(source, "read")
        name = clean(p["treatment_center"])
        pt, why = geom_point(feat.get("geometry"))
        if not pt:
            REPORT.skip(source, why, name)
            continue
        pay = clean(p.get("payment_method")) or ""
        pay_l = pay.lower()
        if "no fee" in pay_l:
            cost = "free"
        elif "sliding scale" in pay_l:
            cost = "sliding_scale"
        elif re.search(r"client fee|self[- ]pay|third party|3rd party", pay_l):
            cost = "fee"
        else:
            cost = None
        pop = clean(p.get("population_served")) or ""
        languages = None
        if re.search(r"spanish", pop, re.I):
            languages = ["en", "es"]
        elif re.search(r"polish", pop, re.I):
            languages = ["en", "pl"]
        modes = clean(re.sub(r"\s*,\s*", ", ", p.get("service_modalities") or ""))
        out.append(make_listing(
            f"sud-{slug(name, p['physical_address_address'])}", source, org(name), name,
            ["substance-use"],
            location(name, p["physical_address_address"], p.get("physical_address_zip"), pt,
                     address_2=p.get("suite_floor_number"), city=p.get("physical_address_city"),
                     state="IL" if (p.get("physical_address_state") or "").upper() in ("IL", "ILLINOIS")
                     else p.get("physical_address_state")),
            f"feature {i} (treatment_center={name})",
            description=join_sentences("Licensed substance use treatment provider (CDPH list)",
                                       f"Services: {modes}" if modes else None,
                                       f"Payment: {pay}" if pay else None),
            eligibility=f"Population served: {pop}" if pop else None,
            languages=languages, cost=cost,
            phone_list=phones(source, name, [(p.get("phone_number"), None, None)])))
    return out


IMMIGRANT_KIND = {"hotline": "hotline", "legal": "legal", "know-your-rights": "know-your-rights",
                  "benefits": "money", "housing": "housing", "training": "know-your-rights",
                  "translation": "immigration"}
IMMIGRANT_COST = {"free": "free", "free or sliding scale": "sliding_scale",
                  "free for low-income residents": "free"}
KNOWN_GEOCODES = {   # public building locations given in the curation brief
    ("224 S MICHIGAN", "60604"): (41.878770, -87.624750),
    ("120 S LASALLE", "60603"): (41.880180, -87.632370),
}
IMMIGRATION_WORDS = re.compile(r"immigra|deport|detention|asylum|daca", re.I)


def immigrant_rights(raw):
    source = "immigrant-rights"
    out = []
    for i, r in enumerate(read_csv(os.path.join(raw, "services", "immigrant_rights_contacts_2025.csv")), 1):
        REPORT.count(source, "read")
        name, org_name = clean(r["name"]), clean(r["organization"])
        kinds = [k.strip() for k in r["kind"].split(";") if k.strip()]
        cats = [IMMIGRANT_KIND[k] for k in kinds]
        if "legal" in cats and IMMIGRATION_WORDS.search(f"{name} {org_name}"):
            cats.insert(cats.index("legal"), "immigration")   # immigration-specific legal help
        cats = list(OrderedDict.fromkeys(cats))
        if len(cats) > 3:
            REPORT.note(source, f"row {i} {name}: categories {cats} capped to {cats[:3]}")
            cats = cats[:3]
        loc = None
        if clean(r["address"]):
            parts = [p.strip() for p in r["address"].split(",")]
            street, unit = parts[0], (parts[1] if len(parts) == 4 else None)
            zip_m = re.search(r"\b(\d{5})\b", parts[-1])
            pt = KNOWN_GEOCODES.get((addr_key(street).replace("LA SALLE", "LASALLE"),
                                     zip_m.group(1) if zip_m else None))
            if not pt:
                REPORT.skip(source, "address without a known geocode", f"row {i} {name}")
                continue
            pt, _ = point(*pt)
            loc = location(org_name, street, zip_m.group(1), pt, address_2=unit)
        cost_raw = clean(r["cost"])
        cost = IMMIGRANT_COST[cost_raw.lower()] if cost_raw else None
        hours_text = clean(r["hours"])
        sched = parse_hours(re.sub(r"\s*\((phone|call or text)\)$", "", hours_text or ""), "24h") or []
        if hours_text and not sched:
            REPORT.note(source, f"hours not parsed for row {i} {name}: {hours_text!r}")
        langs = [x.strip() for x in r["languages"].split(";") if x.strip()] or None
        desc = join_sentences(r["description"],
                              f"Cost: {cost_raw}" if cost_raw and cost_raw.lower() not in ("free",) else None)
        short = re.search(r"\(([A-Z]{2,})\)", org_name)
        out.append(make_listing(
            f"imm-{slug(short.group(1) if short else org_name, name)}", source, org(org_name),
            name, cats, loc, r["sources"], description=desc, languages=langs, cost=cost,
            phone_list=phones(source, f"row {i} {name}",
                              [(r["phone"], None, clean(r["phone_mnemonic"]))]),
            hours_text=hours_text, schedules=sched,
            # Only where the source says where it serves ("Statewide line ...").
            service_areas=[OrderedDict([("name", "Illinois"), ("description", None),
                                        ("community_areas", []), ("postal_codes", [])])]
            if re.match(r"statewide", r["description"] or "", re.I) else []))
    return out


# ---------------------------------------------------------------------------------------
# Places: community areas and ZIP codes
# ---------------------------------------------------------------------------------------

CA_NAME_EXCEPTIONS = {76: "O'Hare", 59: "McKinley Park"}
CA_ALT_NAMES = {   # widely used alternative names only
    2: ["West Rogers Park"],
    6: ["Lakeview"],
    18: ["Mont Clare"],
    30: ["La Villita", "Little Village"],
    31: ["Pilsen"],
    32: ["The Loop"],
    33: ["South Loop"],
    34: ["Chinatown"],
    61: ["Back of the Yards"],
    69: ["Grand Crossing"],
}


def round_ring(ring, nd=5):
    out = []
    for x, y in ring:
        pt = [round(x, nd), round(y, nd)]
        if not out or out[-1] != pt:
            out.append(pt)
    if out[0] != out[-1]:
        out.append(out[0])
    return out


def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_multipolygon(x, y, mp):
    for poly in mp:
        if point_in_ring(x, y, poly[0]) and not any(point_in_ring(x, y, h) for h in poly[1:]):
            return True
    return False


def bbox(mp):
    xs = [p[0] for poly in mp for ring in poly for p in ring]
    ys = [p[1] for poly in mp for ring in poly for p in ring]
    return min(xs), min(ys), max(xs), max(ys)


def ring_area_centroid(ring):
    a = cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
        f = x0 * y1 - x1 * y0
        a += f
        cx += (x0 + x1) * f
        cy += (y0 + y1) * f
    a /= 2
    return abs(a), (cx / (6 * a), cy / (6 * a))


def community_areas(raw):
    source = "places: community areas"
    feats = read_features(os.path.join(raw, "boundaries", "community_areas.geojson"))
    out = []
    for f in feats:
        REPORT.count(source, "read")
        p = f["properties"]
        n = int(p["area_numbe"])
        assert p["area_numbe"] == p["area_num_1"]
        name = CA_NAME_EXCEPTIONS.get(n) or " ".join(_cap_word(w) for w in p["community"].split())
        geom = f["geometry"]
        assert geom["type"] == "MultiPolygon"
        coords = [[round_ring(ring) for ring in poly] for poly in geom["coordinates"]]
        assert all(len(ring) >= 4 for poly in coords for ring in poly)
        out.append(OrderedDict([
            ("type", "Feature"),
            ("properties", OrderedDict([("number", n), ("name", name), ("slug", slug(name)),
                                        ("alt_names", CA_ALT_NAMES.get(n, []))])),
            ("geometry", OrderedDict([("type", "MultiPolygon"), ("coordinates", coords)])),
        ]))
    out.sort(key=lambda f: f["properties"]["number"])
    assert [f["properties"]["number"] for f in out] == list(range(1, 78))
    assert len({f["properties"]["slug"] for f in out}) == 77
    return out


# Where place names come from; written to sources.json after the listing sources (no listing cites them).
PLACE_SOURCES = OrderedDict([
    ("places-neighborhoods", dict(
        title="Boundaries - Neighborhoods",
        publisher="City of Chicago",
        dataset="bbvz-uum9",
        portal="City of Chicago Data Portal",
        as_of="2018-01-01",
        terms="City of Chicago Data Portal Terms of Use",
        attribution="Contains data from the City of Chicago Data Portal (data.cityofchicago.org), provided as "
                    "is; the City of Chicago does not endorse AidDirectory.",
        notes="The City's 98 approximate, unofficial neighbourhoods (2012 boundaries, portal data set last "
              "updated 2018; as_of gives the year only), copied from haowens/CTA neighborhoods.geojson at "
              "commit 3204347f6067a55360409840387e40c61a4a69da. Only the names are used, as other names of "
              "the community areas they overlap (places/neighborhoods.csv).")),
    ("places-other-names", dict(
        title="Names residents use for their neighbourhoods, in their languages",
        publisher="AidDirectory team",
        dataset=None,
        portal=None,
        as_of="2026-11-30",
        terms=None,
        attribution=None,
        notes="places/other_names.csv: written by the team, each row with its reason. Team transliterations "
              "and translations need review by a native speaker.")),
])


# The City's 98 neighbourhoods become other names of the community areas they lie in. Overlap is
# measured by sampling a regular grid of about 600 points over each neighbourhood's bounding box:
# a neighbourhood means every area holding more than NEIGHBOURHOOD_SHARE of its points, and at
# least the area holding most of them. A name that is already an area's official name keeps
# meaning that area only ("Englewood" spans West Englewood too, but names area 68).
NEIGHBOURHOOD_SHARE = 0.20
NEIGHBOURHOOD_SPLIT = {"Sauganash,Forest Glen": ["Sauganash", "Forest Glen"],
                       "Little Italy, UIC": ["Little Italy", "UIC"],
                       "Millenium Park": ["Millennium Park"],  # sic in the City's file
                       "Mckinley Park": ["McKinley Park"]}


def place_key(s):
    """Folded form of a place name, as the search folds it (case, accents, punctuation)."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"\w+", s))


def csv_field(v):
    v = str(v)
    return '"' + v.replace('"', '""') + '"' if any(c in v for c in ',"\n') else v


def neighbourhood_shares(raw, areas):
    """[(published name, [(share, area number), ...] most first)] for each City neighbourhood."""
    feats = read_features(os.path.join(raw, "boundaries", "neighborhoods.geojson"))
    boxes = [(a["properties"]["number"], bbox(a["geometry"]["coordinates"]), a["geometry"]["coordinates"])
             for a in areas]
    out = []
    for f in feats:
        REPORT.count("places: neighbourhoods", "read")
        mp = f["geometry"]["coordinates"]
        x0, y0, x1, y1 = bbox(mp)
        step = ((x1 - x0) * (y1 - y0) / 600) ** 0.5
        counts, total = Counter(), 0
        for j in range(int((y1 - y0) / step) + 1):
            y = y0 + (j + 0.5) * step
            for i in range(int((x1 - x0) / step) + 1):
                x = x0 + (i + 0.5) * step
                if x > x1 or y > y1 or not point_in_multipolygon(x, y, mp):
                    continue
                total += 1
                for n, (bx0, by0, bx1, by1), coords in boxes:
                    if bx0 <= x <= bx1 and by0 <= y <= by1 and point_in_multipolygon(x, y, coords):
                        counts[n] += 1
                        break
        assert total > 50, f["properties"]["pri_neigh"]
        shares = sorted(((round(c / total, 3), n) for n, c in counts.items()), key=lambda t: (-t[0], t[1]))
        out.append((f["properties"]["pri_neigh"], shares))
    out.sort(key=lambda t: t[0])
    assert len(out) == 98
    return out


def other_names(areas, neighbourhoods):
    """Adds the team's names (places/other_names.csv) and the City's neighbourhood names to each
    area's alt_names, after the curated ones; returns the rows of places/neighborhoods.csv."""
    official = {place_key(a["properties"]["name"]): a["properties"]["number"] for a in areas}
    by_number = {a["properties"]["number"]: a["properties"] for a in areas}

    def add(number, name):
        names = by_number[number]["alt_names"]
        if place_key(name) not in official and all(place_key(n) != place_key(name) for n in names):
            names.append(name)

    for a in areas:
        a["properties"]["alt_names"] = list(a["properties"]["alt_names"])
    for r in read_csv(os.path.join(OUT_PLACES, "other_names.csv")):
        REPORT.count("places: other names", "read")
        assert r["name"] and r["language"] and r["source"], r
        for n in r["community_areas"].split(";"):
            add(int(n), r["name"])
    rows = []
    for published, shares in neighbourhoods:
        means = [n for share, n in shares if share > NEIGHBOURHOOD_SHARE] or [shares[0][1]]
        names = NEIGHBOURHOOD_SPLIT.get(published, [published])
        same = [official[place_key(n)] for n in names if place_key(n) in official]
        note = (f"same name as community area {same[0]}, which it keeps meaning" if same
                else "spans several community areas: means each" if len(means) > 1 else "")
        rows.append([published, " / ".join(names), ";".join(str(n) for n in means),
                     ";".join(f"{n}:{share:.3f}" for share, n in shares), note])
    # Within an area, the neighbourhoods lying most in it come first.
    placed = sorted(((share, n, name) for published, shares in neighbourhoods
                     for name in NEIGHBOURHOOD_SPLIT.get(published, [published])
                     for share, n in shares
                     if share > NEIGHBOURHOOD_SHARE or n == shares[0][1]),
                    key=lambda t: (t[1], -t[0], t[2]))
    for share, n, name in placed:
        add(n, name)
    return rows


def zip_codes(raw, areas):
    source = "places: zip codes"
    zfeats = read_features(os.path.join(raw, "boundaries", "zip_codes.geojson"))
    by_zip = defaultdict(list)
    for f in zfeats:
        by_zip[f["properties"]["zip"]].extend(f["geometry"]["coordinates"])
    zcta = {r["zip"]: r for r in read_csv(os.path.join(raw, "boundaries", "illinois_zcta_centroids_2021.csv"))}
    area_boxes = [(a["properties"]["number"], bbox(a["geometry"]["coordinates"]),
                   a["geometry"]["coordinates"]) for a in areas]

    def area_of(lon, lat):
        for n, (x0, y0, x1, y1), mp in area_boxes:
            if x0 <= lon <= x1 and y0 <= lat <= y1 and point_in_multipolygon(lon, lat, mp):
                return n
        return None

    rows = []
    for z in sorted(by_zip):
        REPORT.count(source, "read")
        if z in zcta:
            lat, lon = float(zcta[z]["latitude"]), float(zcta[z]["longitude"])
        else:
            polys = by_zip[z]
            largest = max(polys, key=lambda poly: ring_area_centroid(poly[0])[0])
            lon, lat = ring_area_centroid(largest[0])[1]
            REPORT.note(source, f"{z}: no ZCTA point; used the area-weighted centroid of its "
                                f"largest City polygon ({lat:.6f}, {lon:.6f})")
        n = area_of(lon, lat)
        if n is None:
            REPORT.note(source, f"{z}: point ({lat:.6f}, {lon:.6f}) is in no community area "
                                f"(outside city limits); community_area left empty")
        rows.append([z, f"{lat:.6f}", f"{lon:.6f}", "" if n is None else str(n)])
    return rows, by_zip


# ---------------------------------------------------------------------------------------
# Source metadata (data/sources.json)
# ---------------------------------------------------------------------------------------

CITY_TERMS = "City of Chicago Data Portal Terms of Use"
CITY_ATTRIBUTION = ("Contains data from the City of Chicago Data Portal (data.cityofchicago.org), "
                    "provided as is; the City of Chicago does not endorse AidDirectory.")
SOURCES = OrderedDict([
    ("cdph-wic", dict(
        title="CDPH WIC Clinic Locations",
        publisher="City of Chicago, Chicago Department of Public Health",
        dataset="a7k7-a5bg", portal="City of Chicago Data Portal", as_of="2016-06-01",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="The portal marks the roster 'current as of June 2016' (rows last edited "
              "2017-08-03); copy saved 2023-04-07. Stale: confirm hours and phones.")),
    ("cdph-sti", dict(
        title="CDPH STI Specialty Clinic Locations",
        publisher="City of Chicago, Chicago Department of Public Health",
        dataset="ie4n-kauq", portal="City of Chicago Data Portal", as_of="2016-06-01",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Same June 2016 CDPH clinic roster as WIC (view of kcki-hnch); copy saved "
              "2023-04-08. Stale: confirm hours and phones.")),
    ("cdph-mental-health", dict(
        title="CDPH Mental Health Centers",
        publisher="Chicago Department of Public Health (web page), compiled by Chicago-Civic-Data",
        dataset=None, portal=None, as_of="2026-09-21",
        terms="CC BY 4.0 (Chicago-Civic-Data); the underlying City information is under the "
              "City of Chicago Data Portal Terms of Use",
        attribution="Chicago-Civic-Data, Connor Ulrich Blandford, CC BY 4.0",
        notes="CDPH 'Mental Health Centers' page as accessed 2026-09-21; no phones or hours in "
              "the source. Coordinates from the 2016 CDPH roster or the U.S. Census geocoder.")),
    ("primary-care", dict(
        title="Public Health Services - Chicago Primary Care Community Health Centers",
        publisher="City of Chicago, Chicago Department of Public Health",
        dataset="cjg8-dbka", portal="City of Chicago Data Portal", as_of="2014-04-22",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Rows last updated 2014-04-22. Stale: many centers have changed since.")),
    ("community-service-centers", dict(
        title="Community Service Centers",
        publisher="City of Chicago, Department of Family and Support Services",
        dataset="bspy-6mw8", portal="City of Chicago Data Portal", as_of="2016-01-01",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Data set published 2016 (day and month unknown; 2016-01-01 stands for '2016'); "
              "copy saved 2023-04-07. Hours may be out of date.")),
    ("senior-centers", dict(
        title="Senior Centers",
        publisher="City of Chicago, Department of Family and Support Services",
        dataset="qhfc-4cw2", portal="City of Chicago Data Portal", as_of="2011-01-01",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="The portal's time period reads 'current as of 2011' (2011-01-01 stands for "
              "'2011'; rows edited 2019-03-07); copy saved 2023-04-07.")),
    ("warming-centers", dict(
        title="Warming Centers",
        publisher="City of Chicago, Department of Family and Support Services",
        dataset="h243-v2q5", portal="City of Chicago Data Portal", as_of="2023-04-07",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Seasonal: sites open as weather requires; call 311 to confirm. as_of is the date "
              "the copy was saved (the source gives no other date); some library addresses in it "
              "predate branch moves, so the roster itself is older.")),
    ("cooling-centers", dict(
        title="Cooling Centers",
        publisher="City of Chicago, Department of Family and Support Services",
        dataset="msrk-w9ih", portal="City of Chicago Data Portal", as_of="2023-04-08",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Seasonal: open as weather requires; call 311 to confirm. as_of is the date the "
              "copy was saved (data set first published 2012). Park District spray features "
              "were left out.")),
    ("workforce-centers", dict(
        title="Workforce Centers",
        publisher="City of Chicago",
        dataset="cs4s-nsna", portal="City of Chicago Data Portal", as_of="2011-08-21",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Rows last updated 2011-08-21: treat as historical.")),
    ("libraries", dict(
        title="Libraries - Locations, Contact Information, and Usual Hours of Operation",
        publisher="City of Chicago, Chicago Public Library",
        dataset="x8fc-8rcq", portal="City of Chicago Data Portal", as_of="2023-04-07",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="as_of is the date the copy was saved (the source gives no other date). Some "
              "branches were closed for building improvements at the time.")),
    ("dfss", dict(
        title="Family and Support Services Delegate Agencies",
        publisher="City of Chicago, Department of Family and Support Services",
        dataset="jmw7-ijg5", portal="City of Chicago Data Portal", as_of="2020-04-01",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="Portal copy downloaded by 2020-04-01 (data set first published 2015). Funded "
              "programs change every grant cycle: confirm before relying on a listing.")),
    ("farmers-markets", dict(
        title="Farmers Markets (2025 season)",
        publisher="Compiled list in mustafansiddiqi/chicago_urban_food_infrastructure "
                  "(original publisher not stated; DCASE markets flagged)",
        dataset=None, portal=None, as_of="2025-07-21",
        terms="No licence stated; market names and addresses are public facts",
        attribution="Farmers market list from mustafansiddiqi/chicago_urban_food_infrastructure (2025).",
        notes="2025 season list (file last changed 2025-07-21). No days or hours. The '(L)' "
              "suffix on some names is unexplained and was removed from the names.")),
    ("immigrant-rights", dict(
        title="Immigrant-rights contacts (compiled by AidDirectory)",
        publisher="AidDirectory, compiled from public web pages and news reports",
        dataset=None, portal=None, as_of="2025-11-01",
        terms="Facts (names, phones, hours) copied as published; descriptions written for "
              "AidDirectory",
        attribution="Compiled by AidDirectory from the public pages named in each listing.",
        notes="Latest dated source is November 2025 (2025-11-01 stands for 'November 2025'); "
              "pages range 2011-2025 and were read 2026-11-23. NOT VERIFIED: verify every "
              "number and hour before publication.")),
    ("substance-use-providers", dict(
        title="Public Health Services - Licensed Substance Abuse Treatment Providers",
        publisher="City of Chicago, Chicago Department of Public Health",
        dataset="232q-2cqr", portal="City of Chicago Data Portal", as_of="2023-04-07",
        terms=CITY_TERMS, attribution=CITY_ATTRIBUTION,
        notes="as_of is the date the copy was saved: the roster itself is an old licensing "
              "list (early 2010s, exact date unknown). No hours.")),
])


# ---------------------------------------------------------------------------------------
# Output and validation
# ---------------------------------------------------------------------------------------

def write_text(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def dumps(obj):
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


E164 = re.compile(r"^\+1\d{10}$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def validate_listing(l):
    assert list(l) == FIELDS, l["id"]
    assert l["source"] in SOURCES, l["id"]
    assert 1 <= len(l["categories"]) <= 3 and len(set(l["categories"])) == len(l["categories"]), l["id"]
    assert set(l["categories"]) <= CATEGORIES, (l["id"], l["categories"])
    assert l["name"], l["id"]
    assert l["cost"] in (None, "free", "sliding_scale", "fee"), l["id"]
    assert l["status"] in ("active", "temporarily_closed", "closed"), l["id"]
    assert l["access"] in (None, "walk_in", "appointment", "both"), l["id"]
    assert l["languages"] is None or all(re.fullmatch(r"[a-z]{2}", x) for x in l["languages"])
    loc = l["location"]
    if loc is not None and loc["visibility"] == "hidden":
        assert loc["latitude"] is None and loc["address_1"] is None and loc["name"] is None, l["id"]
    elif loc is not None:
        assert LAT_MIN <= loc["latitude"] <= LAT_MAX and LON_MIN <= loc["longitude"] <= LON_MAX, l["id"]
        assert loc["visibility"] in ("exact", "approximate"), l["id"]
        assert loc["address_1"], l["id"]
    for p in l["phones"]:
        assert E164.match(p["number"]), (l["id"], p)
    for s in l["schedules"]:
        assert s["byday"] in DAYS and HHMM.match(s["opens_at"]) and HHMM.match(s["closes_at"]), l["id"]
    assert l["source_record"], l["id"]


def check_zip_codes(listings, zip_polys):
    """Report (do not fix) listings whose ZIP disagrees with the ZIP polygon of their point."""
    boxes = {z: (bbox(mp), mp) for z, mp in zip_polys.items()}
    for l in listings:
        loc = l["location"]
        if not loc or not loc["postal_code"]:
            continue
        x, y = loc["longitude"], loc["latitude"]
        found = [z for z, ((x0, y0, x1, y1), mp) in sorted(boxes.items())
                 if x0 <= x <= x1 and y0 <= y <= y1 and point_in_multipolygon(x, y, mp)]
        if found and loc["postal_code"] not in found:
            REPORT.count(l["source"], "ZIP differs from the point's ZIP area (kept, unverified)")
            REPORT.note(l["source"], f"{l['id']}: ZIP {loc['postal_code']} but point lies in "
                                     f"{'/'.join(found)}")


def main(argv):
    selftest()
    raw = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(REPO, "..", "shared", "data"))
    if not os.path.isdir(os.path.join(raw, "services")):
        sys.exit(f"no services/ folder under {raw}")

    libs = libraries(raw)
    cscs = community_service_centers(raw)
    seniors = senior_centers(raw)
    warming, cooling = warming_and_cooling(raw, libs, cscs, seniors)
    by_source = OrderedDict([
        ("cdph-wic", cdph_clinics(raw, "cdph_wic_clinics.geojson", "cdph-wic", "wic",
                                  ["health", "family"], "wic")),
        ("cdph-sti", cdph_clinics(raw, "cdph_sti_clinics.geojson", "cdph-sti", "sti",
                                  ["health"], "sti")),
        ("cdph-mental-health", cdph_mental_health(raw)),
        ("primary-care", primary_care(raw)),
        ("community-service-centers", cscs),
        ("senior-centers", seniors),
        ("warming-centers", warming),
        ("cooling-centers", cooling),
        ("workforce-centers", workforce_centers(raw)),
        ("libraries", libs),
        ("dfss", dfss(raw, {addr_key(s["location"]["address_1"]): s for s in seniors})),
        ("farmers-markets", farmers_markets(raw)),
        ("immigrant-rights", immigrant_rights(raw)),
        ("substance-use-providers", substance_use(raw)),
    ])
    assert list(by_source) == list(SOURCES)

    areas = community_areas(raw)
    neighbourhood_rows = other_names(areas, neighbourhood_shares(raw, areas))
    zip_rows, zip_polys = zip_codes(raw, areas)
    all_listings = [l for items in by_source.values() for l in items]
    check_zip_codes(all_listings, zip_polys)

    ids = Counter(l["id"] for l in all_listings)
    dup = [i for i, n in ids.items() if n > 1]
    assert not dup, f"duplicate ids: {dup}"
    emitted = {}
    for source, items in by_source.items():
        for l in items:
            validate_listing(l)
        items = sorted(items, key=lambda l: l["id"])
        write_text(os.path.join(OUT_SERVICES, f"{source}.ndjson"),
                   "".join(dumps(l) + "\n" for l in items))
        emitted[source] = len(items)

    write_text(OUT_SOURCES, json.dumps(
        OrderedDict((k, OrderedDict([(f, v[f]) for f in ("title", "publisher", "dataset", "portal",
                                                          "as_of", "terms", "attribution", "notes")]))
                    for k, v in [*SOURCES.items(), *PLACE_SOURCES.items()]), ensure_ascii=False, indent=2) + "\n")
    write_text(os.path.join(OUT_PLACES, "community_areas.geojson"),
               dumps(OrderedDict([("type", "FeatureCollection"), ("features", areas)])) + "\n")
    write_text(os.path.join(OUT_PLACES, "zip_codes.csv"),
               "zip,latitude,longitude,community_area\n" + "".join(",".join(r) + "\n" for r in zip_rows))
    write_text(os.path.join(OUT_PLACES, "neighborhoods.csv"),
               "name,names,community_areas,shares,note\n"
               + "".join(",".join(csv_field(v) for v in r) + "\n" for r in neighbourhood_rows))
    emitted["places: community areas"] = len(areas)
    emitted["places: neighbourhoods"] = len(neighbourhood_rows)
    emitted["places: zip codes"] = len(zip_rows)

    REPORT.print(emitted)
    used_orgs = {l["organization"]["id"] for l in all_listings if l["organization"]}
    print(f"\nTotal listings: {len(all_listings)} in {len(by_source)} files; "
          f"{len(used_orgs)} organizations")


if __name__ == "__main__":
    main(sys.argv)
