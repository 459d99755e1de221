"""Choose the place each name denotes, using the other places of the article as context."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable

from ..arabic.clitics import CONJUNCTIONS
from ..document import Place
from .anchored import anchored_places
from .capitals import capital_phrases, capitals
from .gazetteer import Entry, Gazetteer, load_gazetteer
from .matcher import ADMIN_WORDS, SETTLEMENT_WORDS, Match, Words, after_place_word, find_names, find_triggered, prefix_candidates, words_from_text

CONTEXT_BONUS = 3.0  # the candidate's country is named elsewhere in the article
STATED_BONUS = 6.0  # a nationality adjective right after the name names its country
DOUBT_FACTOR = 0.85
SAME_PLACE_DEGREES = 1.0
SMALL_PENALTY = 1.0
# Below this base score (log10 population + fame: a city under ~200,000 people) a place needs
# its country named elsewhere in the article.
UNCORROBORATED_FLOOR = 5.8
FAMOUS = 8.0  # capitals and metropolises
COMMON_FAMOUS = 8.0  # a city this prominent is meant even when its name is also a word (الرياض)
PLACE_WORDS = SETTLEMENT_WORDS | ADMIN_WORDS  # a name that starts with one says it is a place
# Words that introduce a place: a name after them is not a person's.
LOCATIVES = frozenset("في الي من مدينه بلده قريه ولايه محافظه منطقه عاصمه العاصمه".split())
# Words that head an organisation or a medium: a place right after them is part of a name
# (جامعة القاهرة, صحيفة لوموند, منتخب مصر), which the guide does not count.
ORG_HEADS = frozenset(
    "جامعه صحيفه جريده مجله قناه اذاعه تلفزيون نادي منتخب بنك مصرف شركه وكاله رئاسه".split()
    # a club's staff and fans: "مدرب مارسيليا", "لاعب برشلونة", "جماهير ليفربول"
    + "مدرب لاعب لاعبو لاعبي مهاجم مدافع حارس جماهير مشجعو مشجعي".split()
)


# Country and capital names that are far more often ordinary words: "مبلغ مالي" (financial),
# "البنين" (sons), "كابل الكهرباء" (cable). They count only where the text introduces a place:
# "في مالي", "جمهورية مالي", "شمال مالي", "العاصمة الأفغانية كابل", or as the first word of a
# line or sentence ("مالي تعلن ...").
COUNTRY_HOMOGRAPHS = frozenset({"\u0645\u0627\u0644\u064a", "\u0628\u0646\u064a\u0646", "\u0643\u0627\u0628\u0644"})  # مالي بنين كابل
COUNTRY_INTRODUCERS = frozenset("في الي دوله جمهوريه حكومه رئيس شمال جنوب شرق غرب وسط العاصمه مدينه".split())


def _word_or_after_conjunction(word: str, forms: frozenset[str]) -> bool:
    """`word` is one of `forms`, bare or behind "و" / "ف" ("وفاز", "ففي")."""
    return word in forms or (word[:1] in CONJUNCTIONS and word[1:] in forms)


def _introduced_as_country(match: Match, words: Words) -> bool:
    i = match.first_word
    if i > 0 and words.spaced(i):
        previous = words.norms[i - 1]
        nisba = previous.startswith("\u0627\u0644") and previous.endswith(("\u064a\u0647", "\u064a"))  # "الأفغانية كابل"
        if nisba or _word_or_after_conjunction(previous, COUNTRY_INTRODUCERS):
            return True
    if i == 0 or not words.spaced(i) or words.norms[i] != match.key:  # "مالي تعلن", "بمالي", "والنيجر ومالي"
        return True
    following = words.norms[match.last_word + 1] if match.last_word + 1 < len(words.norms) and words.spaced(match.last_word + 1) else ""
    if following.startswith("\u0627\u0644") and not following.endswith(("\u064a\u0647", "\u064a")):
        return False  # a noun in construct: "من كابل الكهرباء"
    return words.norms[i - 1] == "\u0645\u0646"  # "عاد الجنود من مالي"


# Words after which a seat of power is where something happens ("في البيت الأبيض", "زار الكرملين").
SEAT_LOCATIVES = frozenset(
    "في الي من داخل امام قرب خارج حول مقر زار يزور زاره زيارته زياره وصل يصل وصلت غادر يغادر دخل يدخل استقبل".split()
)
# A name several countries share, read as this one where the article names none of them.
DEFAULT_READING = {"\u0627\u0644\u0645\u0645\u0644\u0643\u0647": "SA"}  # المملكه
DEFAULT_BONUS = 0.1


def _seat_as_actor(match: Match, words: Words, gazetteer: Gazetteer) -> bool:
    """"أعلن البيت الأبيض", "المتحدث باسم الكرملين": a seat of power that speaks or acts is its
    government, no place mention (GUIDE: a place only where the place itself is meant). It is a
    place after a locative or a visit word, or with an attached "ب" ("بالبيت الأبيض": in it)."""
    top = gazetteer.candidates(match.key or "")[:1]
    if not top or "seat" not in top[0].flags.split():
        return False
    i = match.first_word
    own = words.norms[i]
    if own != (match.key or "").split(" ")[0] and own.lstrip("\u0648\u0641").startswith("\u0628"):
        return False
    if i > 0 and _word_or_after_conjunction(words.norms[i - 1], SEAT_LOCATIVES):
        return False
    return True


def _starts_with_place_word(key: str) -> bool:
    """"محافظة الأنبار", "منطقة عسير": the name itself says it is a place; not "منطقة شمالي"
    (a direction said as an indefinite adjective)."""
    head, _, rest = key.partition(" ")
    return head in PLACE_WORDS and bool(rest) and (rest.startswith("\u0627\u0644") or not rest.endswith("\u064a"))


# Newspapers named after a place, cited in quote marks: "لـ«الشرق الأوسط»", "تنشره "الرياض"".
QUOTED_TITLES = frozenset({"\u0627\u0644\u0634\u0631\u0642 \u0627\u0644\u0627\u0648\u0633\u0637",
                           "\u0627\u0644\u0631\u064a\u0627\u0636", "\u0627\u0644\u062e\u0644\u064a\u062c"})  # الشرق الاوسط الرياض الخليج
QUOTES = "\"«»“”"


def _quoted_title(match: Match, words: Words) -> bool:
    """A newspaper's title in quote marks, not the place it is named after."""
    if match.key not in QUOTED_TITLES:
        return False
    text = words.text
    before = text[match.start - 1] if match.start > 0 else ""
    after = text[match.end] if match.end < len(text) else ""
    return before in QUOTES and after in QUOTES


def _score(entry: Entry, context: Counter) -> float:
    score = entry.prior
    votes = context.get(entry.cc, 0) if entry.cc else 0
    if votes > 0 and "triggered" in entry.flags:
        # Among small towns of one name, the article's countries decide.
        score += CONTEXT_BONUS
    elif votes > 0:
        # The more the article is about the candidate's country, the more it counts: a passing
        # mention of the US does not turn الإسكندرية into Alexandria, Virginia; a Lebanese
        # article does turn طرابلس into Tripoli, Lebanon. A small town gains little either way.
        share = votes / max(sum(v for v in context.values() if v > 0), 1)
        score += CONTEXT_BONUS * min(1.0, 2.0 * share) * min(1.0, max(0.0, entry.prior - 4.8))
    if "small" in entry.flags:
        score -= SMALL_PENALTY
    return score


def _curated(entry: Entry) -> bool:
    """A hand-curated place (no GeoNames id); not a district placed at its governorate."""
    return entry.geonames_id is None and "district" not in entry.flags


def _needs_context(entry: Entry, key: str, gazetteer: Gazetteer) -> bool:
    """Small towns, names that are also ordinary words, and ambiguous curated names are only
    taken when their country is named elsewhere in the article; famous cities stand alone."""
    if entry.kind == "country":
        return False
    if "ctx" in entry.flags or "small" in entry.flags or entry.prior < UNCORROBORATED_FLOOR:
        return True
    return key in gazetteer.common and entry.prior < COMMON_FAMOUS


def _standalone(key: str, gazetteer: Gazetteer) -> bool:
    """A country, a capital, a famous city or a curated place: its name is not an adjective
    even after a definite noun (العاصمة القطرية الدوحة)."""
    top = gazetteer.candidates(key)[:1]
    return any(entry.kind == "country" or _curated(entry) or "capital" in entry.flags
               or entry.prior >= FAMOUS for entry in top)


def _trusted(key: str, gazetteer: Gazetteer) -> bool:
    """Countries, capitals and hand-curated places are never taken for a person's name."""
    return any(entry.kind == "country" or _curated(entry) or entry.prior >= FAMOUS
               for entry in gazetteer.candidates(key)[:1])


def _confidence(entry: Entry, key: str, gazetteer: Gazetteer, margin: float | None) -> float:
    """A heuristic in (0, 1) from the kind of evidence: curated places, countries and famous
    cities are near certain; mid-size cities likely; places taken only because their country is
    in the article less so; towns from the small-town tier least. A homonym scoring close behind
    (`margin` small) halves it at worst; a name that is also an ordinary word lowers it."""
    if entry.kind == "country" or _curated(entry) or entry.prior >= FAMOUS:
        value = 0.95
    elif "triggered" in entry.flags:
        value = 0.6
    elif _needs_context(entry, key, gazetteer):
        value = 0.7
    else:
        value = 0.85
    if margin is not None:
        value *= 1.0 - 0.5 * math.exp(-max(margin, 0.0))
    if key in gazetteer.common:
        value *= DOUBT_FACTOR
    return round(value, 3)


# Words that start like the article but are no noun (normalized): "إلى", "إلا", relative pronouns.
FUNCTION_WORDS_IN_AL = frozenset("الي الا الذي التي الذين اللذين اللتين اللواتي اللاتي الان".split())


def _is_adjective_use(match: Match, words: Words, gazetteer: Gazetteer) -> bool:
    """A one-word definite name right after a definite noun qualifies that noun: no place
    mention ("الخارجية السعودية", "الدول الغربية", "الأسلحة الجديدة"). Nisba-shaped names
    (-ية/-ي) always; others unless they stand alone (country, capital, famous or curated place:
    "العاصمة القطرية الدوحة"). A proclitic on the name ("والحسكة") means coordination instead."""
    key = match.key or ""
    if match.first_word != match.last_word or match.first_word == 0:
        return False
    if not key.startswith("\u0627\u0644"):  # ALEF LAM
        return False
    nisba = key.endswith(("\u064a\u0647", "\u064a"))  # -IYYA / -I
    if not nisba and _standalone(key, gazetteer):
        return False
    i = match.first_word
    if words.norms[i] != key or not words.spaced(i):
        return False
    previous = words.norms[i - 1]
    if _word_or_after_conjunction(previous, FUNCTION_WORDS_IN_AL):
        return False  # "إلى الدمام": a preposition, no definite noun
    return any(form.startswith("\u0627\u0644") for _, form in prefix_candidates(previous))


def _attached_in(match: Match, words: Words) -> bool:
    """The name carries the preposition "ب" (after an optional "و"/"ف"): "بالدمام", "وبحلب"."""
    own = words.norms[match.first_word]
    name = (match.key or "").split(" ")[0]
    if own == name:
        return False
    rest = own[1:] if own[:1] in CONJUNCTIONS else own
    return rest[:1] == "\u0628" and rest[1:] in (name, name[1:])


def _masculine_nationality(word: str, gazetteer: Gazetteer) -> bool:
    """"الهولندي ممفيس ديباي", "الإسباني بدرو": a definite masculine nationality adjective
    before a name introduces a person; a city takes the feminine ("العاصمة الأفغانية كابل")."""
    return word.startswith("\u0627\u0644") and word.endswith("\u064a") and word in gazetteer.adjectives


def _person_like(match: Match, words: Words, gazetteer: Gazetteer, place_ends: frozenset[int] = frozenset()) -> bool:
    """"بشار الأسد", "هالي جاكسون": a one-word name that is itself a person-name token, or
    stands beside one, is a person unless a locative word (في، مدينة...) introduces it."""
    if match.first_word != match.last_word:
        return False
    i = match.first_word
    norms = words.norms
    if i > 0 and norms[i - 1] in LOCATIVES and words.joined(i):
        return False
    # "تلمسان وأدرار وبشار": listed with "و" right after a place name, it is one of the list.
    listed = i - 1 in place_ends and norms[i][:1] == CONJUNCTIONS[0] and norms[i] != match.key and words.spaced(i)
    if match.key in gazetteer.persons and not listed:
        return True
    # "عبدالعزيز بالدمام": "in" fused to the name ends the person's name before it.
    before = (i > 0 and (norms[i - 1] in gazetteer.persons or _masculine_nationality(norms[i - 1], gazetteer))
              and words.joined(i) and not _attached_in(match, words) and not listed)
    after = i + 1 < len(norms) and norms[i + 1] in gazetteer.persons and words.joined(i + 1)
    return before or after


# Verbs whose subject or object in sports news is a club named after its city: "فاز العين",
# "يستضيف برشلونة", "هزم ليون".
SPORTS_VERBS = frozenset(
    "فاز يفوز تغلب يتغلب هزم يهزم تعادل يتعادل خسر يخسر واجه يواجه يستضيف استضاف يلاقي لاقى يلتقي التقى".split()
)


def _club_use(match: Match, words: Words, gazetteer: Gazetteer) -> bool:
    """A city named as a sports club: "العين الإماراتي", "برشلونة الإسباني" (a club is masculine,
    a city feminine: "طرابلس اللبنانية"), or right after a sports verb ("فاز العين على الوحدة")."""
    top = gazetteer.candidates(match.key or "")[:1]
    if not top or top[0].kind != "city":
        return False
    following = match.last_word + 1
    if following < len(words.norms) and words.spaced(following):
        norm = words.norms[following]
        adjective = norm[2:] if norm.startswith("\u0627\u0644") else ""
        if adjective.endswith("\u064a") and adjective in gazetteer.adjectives:
            return True
    i = match.first_word
    if i > 0 and words.spaced(i):
        return _word_or_after_conjunction(words.norms[i - 1], SPORTS_VERBS)
    return False


# A stock index is named after its exchange and city: "مؤشر بورصة شنغهاي", "مؤشر سوق دبي".
INDEX_HEADS = frozenset("مؤشر مؤشرات ومؤشر".split())
MARKET_WORDS = frozenset("بورصه سوق".split())


# Facilities named after the city they serve: "مطار الكويت الدولي" is at Kuwait City.
PORT_WORDS = frozenset(p + w for w in ("مطار", "ميناء") for p in ("", "و", "ب", "ل", "وب", "ول"))


def _after_port_word(match: Match, words: Words) -> bool:
    i = match.first_word
    return i > 0 and words.norms[i - 1] in PORT_WORDS and words.spaced(i)


def _after_org_head(match: Match, words: Words) -> bool:
    i = match.first_word
    if not (i > 0 and words.norms[i] == (match.key or "").split(" ")[0] and words.joined(i)):
        return False
    previous = words.norms[i - 1]
    if previous in ORG_HEADS or previous in INDEX_HEADS:
        return True
    return previous in MARKET_WORDS and i > 1 and words.norms[i - 2] in INDEX_HEADS and words.joined(i - 1)


def resolve(words: Words, *, gazetteer: Gazetteer | None = None,
            skip: Iterable[tuple[int, int]] = (), organisations: Iterable[tuple[int, int]] = ()) -> list[Place]:
    """Places mentioned in the text of `words` (see `matcher.words_from_text`), in text order.

    `skip`: half-open character ranges (boilerplate) where nothing counts; `organisations`:
    organisation-name ranges, where a place strictly inside is part of the name.
    """
    gazetteer = gazetteer or load_gazetteer()
    skip = list(skip)
    organisations = list(organisations)
    matches = []
    found = find_names(words, gazetteer)
    found = sorted(found + find_triggered(words, gazetteer, found), key=lambda m: m.start)
    place_ends = frozenset(match.last_word for match in found if match.key is not None)
    for match in found:
        if match.key is None or any(s <= match.start and match.end <= e for s, e in skip):
            continue
        if any(s <= match.start and match.end <= e and e - s > match.end - match.start for s, e in organisations):
            continue
        if words.norms[match.first_word] in gazetteer.adjectives and match.first_word == match.last_word:
            continue
        if _is_adjective_use(match, words, gazetteer) or _after_org_head(match, words) or _club_use(match, words, gazetteer):
            continue
        if _person_like(match, words, gazetteer, place_ends) and not _trusted(match.key, gazetteer):
            continue
        if match.key in COUNTRY_HOMOGRAPHS and not _introduced_as_country(match, words):
            continue
        if _seat_as_actor(match, words, gazetteer) or _quoted_title(match, words):
            continue
        matches.append(match)
    if not matches:
        return capital_phrases(words, gazetteer, [])
    # "مدينة X", "محافظة X": the text itself says X is a place; no need for its country elsewhere.
    introduced = {match.key for match in matches
                  if after_place_word(words, match.first_word) or _starts_with_place_word(match.key)}
    # "X السورية", "X الفرنسية": a nationality adjective right after the name gives its country.
    stated: dict[str, str] = {}
    for match in matches:
        following = match.last_word + 1
        if following < len(words) and words.spaced(following):
            cc = gazetteer.adjectives.get(words.norms[following])
            if cc:
                stated.setdefault(match.key, cc)

    # Pass 1: each distinct name's best candidate without context; countries and confident
    # picks vote for their country.
    votes: dict[str, tuple[str, int]] = {}
    for match in matches:
        candidates = gazetteer.candidates(match.key)
        if match.key in votes or not candidates:
            continue
        top = candidates[0]
        if match.key in DEFAULT_READING:
            continue  # read below, from the other names' votes
        if top.cc and not _needs_context(top, match.key, gazetteer):
            votes[match.key] = (top.cc, 2 if top.kind == "country" else 1)
        elif top.cc and match.key in introduced and len({c.cc for c in candidates}) == 1:
            votes[match.key] = (top.cc, 1)  # "محافظة الأنبار": one country's unit, said to be a place
    context: Counter = Counter()
    for cc, weight in votes.values():
        context[cc] += weight
    # "المملكة": the kingdom the article names, else the default; it then votes like a country.
    for key in sorted({match.key for match in matches if match.key in DEFAULT_READING}):
        chosen = _choose(key, gazetteer, context, None)
        if chosen is not None and chosen[1].cc:
            votes[key] = (chosen[1].cc, 2)
            context[chosen[1].cc] += 2

    # Pass 2: rank with context; a name is resolved once per article, then every mention is kept.
    resolved: dict[str, tuple[float, Entry] | None] = {}
    places: list[Place] = []
    for match in matches:
        if match.key not in resolved:
            resolved[match.key] = _choose(match.key, gazetteer, context, votes.get(match.key),
                                          introduced=match.key in introduced, stated=stated.get(match.key))
        chosen = resolved[match.key]
        if chosen is None:
            continue
        confidence, entry = chosen
        if entry.kind == "country" and _after_port_word(match, words):
            entry = capitals(gazetteer).get(entry.cc or "", entry)  # "مطار تونس": Tunis, not Tunisia
        places.append(Place(start=match.start, end=match.end, name=entry.name, country_code=entry.cc,
                            lat=entry.lat, lon=entry.lon, geonames_id=entry.geonames_id, kind=entry.kind,
                            confidence=confidence))
    extra = anchored_places(words, places, skip=skip) + capital_phrases(words, gazetteer, places)
    return sorted(places + extra, key=lambda place: place.start) if extra else places


def _same_place(a: Entry, b: Entry) -> bool:
    """Two records of one place (a city and its governorate, a continent twice)."""
    return a.cc == b.cc and abs(a.lat - b.lat) < SAME_PLACE_DEGREES and abs(a.lon - b.lon) < SAME_PLACE_DEGREES


def _choose(key: str, gazetteer: Gazetteer, context: Counter, own_vote: tuple[str, int] | None, *,
            introduced: bool = False, stated: str | None = None) -> tuple[float, Entry] | None:
    others = Counter(context)
    if own_vote is not None:
        others[own_vote[0]] -= own_vote[1]
    default = DEFAULT_READING.get(key)
    scored = sorted(((_score(c, others) + (STATED_BONUS if stated and c.cc == stated else 0.0)
                      + (DEFAULT_BONUS if default and c.cc == default else 0.0), i, c)
                     for i, c in enumerate(gazetteer.candidates(key))),
                    key=lambda item: (-item[0], item[1]))
    if stated and not any(entry.cc == stated for _, _, entry in scored) and not _standalone(key, gazetteer):
        return None  # "مدينة بالو الإندونيسية" and no Indonesian Palu known: not Palo, Texas
    for rank, (score, _, entry) in enumerate(scored):
        in_article = entry.cc is not None and (entry.cc == stated or others.get(entry.cc, 0) > 0)
        # A town from the small-town tier must also be in a country the article names: the
        # settlement word says "a place", not which of the world's Tripps.
        # "قضاء الكرمة" in an article about Iraq is not a Syrian town of that name: a place word
        # vouches for a name only in a country the article names, or where it names none.
        uncontested = not any(v > 0 for v in others.values())
        corroborated = in_article or (introduced and "triggered" not in entry.flags and uncontested)
        if not corroborated and (_needs_context(entry, key, gazetteer) or "triggered" in entry.flags):
            continue
        rivals = [s for j, (s, _, other) in enumerate(scored) if j != rank and not _same_place(other, entry)]
        return _confidence(entry, key, gazetteer, score - rivals[0] if rivals else None), entry
    return None


def places_in_text(text: str, *, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Convenience for plain strings (no spaCy): words split on the text itself."""
    return resolve(words_from_text(text), gazetteer=gazetteer)
