"""Country mentions of an article as topic features: where a story happens tells Middle East news
from the rest of the world better than any outlet's vocabulary does.

The lexicon (normalized place name or nationality adjective -> ISO country code) is compiled from
the places gazetteer at training time and stored inside the topic model, so inference never loads
the gazetteer. Features count countries and regions (Arab world, its non-Arab neighbours, the rest)
in the body and the title, the region named first, and the Arab share of all mentions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Arab League members and Israel: the "middle East" of the ANT outlets' sections.
ARAB_WORLD = frozenset("AE BH DJ DZ EG IL IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE".split())
NEIGHBOURS = frozenset({"IR", "TR"})  # filed under either section, depending on the outlet
PREFIX = "g"  # every place feature starts with it; word features never do ("w:", "s:", "l:", "b:")
ARTICLE = "\u0627\u0644"  # ALEF LAM
SHARE_BINS = 4
MIN_CITY_PRIOR = 5.0  # cities of about 100,000 people and more (gazetteer prior = log10 population + fame)


def region(code: str) -> str:
    """"A" (Arab world), "N" (Iran, Turkey) or "W" (the rest of the world)."""
    return "A" if code in ARAB_WORLD else "N" if code in NEIGHBOURS else "W"


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    names: dict[str, str] = field(default_factory=dict)  # normalized word -> country code
    pairs: dict[str, dict[str, str]] = field(default_factory=dict)  # first stem -> {second stem: code}

    def code(self, word: str, stem: str, previous: str | None) -> str:
        """Country code of a word ("" if none): a two-word name ending at it wins over the word alone."""
        if previous is not None:
            code = self.pairs.get(previous, {}).get(stem)
            if code:
                return code
        names = self.names
        return names.get(word) or names.get(stem) or names.get(ARTICLE + stem) or ""

    def to_arrays(self) -> dict[str, np.ndarray]:
        pairs = [(first, second, code) for first, table in self.pairs.items() for second, code in table.items()]
        return {
            "place_names": np.array(list(self.names), dtype=str),
            "place_codes": np.array(list(self.names.values()), dtype=str),
            "place_pairs": np.array([first + " " + second for first, second, _ in pairs], dtype=str),
            "place_pair_codes": np.array([code for _, _, code in pairs], dtype=str),
        }

    @classmethod
    def from_arrays(cls, data) -> "PlaceLexicon":
        if "place_names" not in data:
            return cls()
        pairs: dict[str, dict[str, str]] = {}
        for key, code in zip(data["place_pairs"].tolist(), data["place_pair_codes"].tolist()):
            first, _, second = key.partition(" ")
            pairs.setdefault(first, {})[second] = code
        return cls(names=dict(zip(data["place_names"].tolist(), data["place_codes"].tolist())), pairs=pairs)


def place_features(body: list[str], title: list[str]) -> list[str]:
    """Feature strings (with repetitions) of the country codes named in the body and in the title."""
    features = []
    for code in body:
        features.append("gc:" + code)
        features.append("gr:" + region(code))
    for code in title:
        features.append("gtc:" + code)
        features.append("gtr:" + region(code))
    if body:
        features.append("gf:" + region(body[0]))
    mentions = body or title
    if mentions:
        arab = sum(code in ARAB_WORLD for code in mentions)
        features.append(f"gs:{round(SHARE_BINS * arab / len(mentions))}")
    else:
        features.append("gs:none")
    return features


def build_lexicon(gazetteer, *, stem, min_city_prior: float = MIN_CITY_PRIOR) -> PlaceLexicon:
    """Countries, regions and large cities of `gazetteer` (a `marsad.places.gazetteer.Gazetteer`)
    and its nationality adjectives; names that are also ordinary words, or only count with their
    country nearby, are left out. `stem(word)` gives the clitic-stripped stem the analyzer uses."""
    names: dict[str, str] = {}
    pairs: dict[str, dict[str, str]] = {}
    for key, ids in gazetteer.names.items():
        entry = gazetteer.entries[ids[0]]
        if not entry.cc or key in gazetteer.common or entry.kind not in ("country", "region", "city"):
            continue
        if entry.kind != "country" and (entry.prior < min_city_prior or {"ctx", "small", "triggered"} & set(entry.flags.split(","))):
            continue
        words = key.split(" ")
        if len(words) == 1:
            names[key] = entry.cc
        elif len(words) == 2:
            pairs.setdefault(stem(words[0]), {})[stem(words[1])] = entry.cc
    for adjective, code in gazetteer.adjectives.items():
        if code and adjective not in gazetteer.common:
            names.setdefault(adjective, code)
    return PlaceLexicon(names=names, pairs=pairs)
