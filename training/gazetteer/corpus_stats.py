"""Which gazetteer names are also ordinary Arabic words or person names, measured on news text.

A place name hardly inflects and hardly alternates with/without the article: حلب, دمشق, الحسكة
stay as they are, while كان (Cannes) has كانت, الغربية (Gharbia) has غربية, صور (Tyre) has
الصور. A name whose corpus forms show such alternations is "common": the resolver then wants
its country named elsewhere in the article. Person-name tokens come from the NER training data
(ANERcorp, Wojood) where they are tagged PERS far more often than LOC/GPE.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1] / "src"))

from marsad.arabic.normalize import normalize  # noqa: E402

WORD = re.compile(r"[\w\u0640\u064B-\u065F\u0670]+")
PROCLITICS = ("", "و", "ف", "ب", "ل", "ك", "وب", "ول", "فب", "فل", "وك")
# No bare "ه": after normalization it is also the teh marbuta of another word (حلب / حلبة).
SUFFIXES = ("ت", "وا", "ون", "ين", "ها", "هم", "ات", "نا", "كم", "تها", "ته", "تين", "ان")
MIN_COUNT = 20  # below this, no evidence either way: the name is left alone
COMMON_RATIO = 0.25
RARE_TOGGLED_COUNT = 50
DEFINITE_TOGGLE_RATIO = 2.0


# Words that introduce a place name ("مدينة دوما", "ريف حلب", "شمال الرقة"), with proclitics.
PLACE_TRIGGERS = frozenset(
    prefix + word
    for word in ("مدينه بلده قريه محافظه العاصمه ولايه منطقه ريف شمال جنوب شرق غرب شمالي جنوبي "
                 "شرقي غربي مدينتي بلدتي قريتي مخيم حي ضاحيه اقليم قضاء ناحيه بالقرب قرب").split()
    for prefix in ("", "و", "ب", "ف", "وب", "ل", "ول")
)


def scan(paths: Iterable[Path], *, exclude_ids: set[str] = frozenset(), limit: int | None = None) -> tuple[Counter, Counter]:
    """(word counts, counts of words right after a PLACE_TRIGGER) over JSONL.gz news files."""
    counts: Counter = Counter()
    after_trigger: Counter = Counter()
    seen = 0
    for path in paths:
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                if record.get("id") in exclude_ids:
                    continue
                words = WORD.findall(normalize(f"{record.get('title') or ''}\n{record.get('text') or ''}"))
                counts.update(words)
                after_trigger.update(b for a, b in zip(words, words[1:]) if a in PLACE_TRIGGERS)
                seen += 1
                if limit and seen >= limit:
                    return counts, after_trigger
    return counts, after_trigger


def placeness(counts: Counter, after_trigger: Counter, key: str) -> float | None:
    """Share of a word's occurrences right after a place trigger; None without evidence."""
    n = with_proclitics(counts, key)
    return after_trigger.get(key, 0) / n if n >= PLACENESS_MIN_COUNT else None


PLACENESS_MIN_COUNT = 60


def with_proclitics(counts: Counter, form: str) -> int:
    total = 0
    for p in PROCLITICS:
        total += counts.get(p + form, 0)
        if p.endswith("ل") and form.startswith("ال"):
            total += counts.get(p + form[1:], 0)  # لل contraction
    return total


def _toggled(form: str) -> str:
    return form[2:] if form.startswith("ال") else "ال" + form


def _inflected(counts: Counter, form: str) -> int:
    stems = [form]
    if form.endswith("ه"):
        stems.append(form[:-1] + "ت")  # teh marbuta before a suffix
    if form.endswith("ا"):
        stems.append(form[:-1])
    total = 0
    for stem in stems:
        for suffix in SUFFIXES:
            total += with_proclitics(counts, stem + suffix)
    if not form.endswith(("ا", "ه", "ي")):
        total += with_proclitics(counts, form + "ا")  # accusative tanween: خبرا، طرازا
    if form.endswith("ه"):
        for suffix in ("ات", "تان", "تين"):  # feminine plural and dual: الثورة -> الثورات
            total += with_proclitics(counts, form[:-1] + suffix)
    return total


def is_clitic_word(counts: Counter, key: str) -> bool:
    """لأول, بأنه, وأن: a proclitic on a frequent word, not a name (لبنان: بنان is rare)."""
    return " " not in key and key[0] in "وفبلك" and len(key) > 2 and counts.get(key[1:], 0) >= 3 * max(with_proclitics(counts, key), MIN_COUNT)


def toggle_ratio(counts: Counter, key: str) -> float:
    return with_proclitics(counts, _toggled(key)) / max(with_proclitics(counts, key), 1)


def is_common(counts: Counter, key: str) -> bool:
    """True when the corpus shows `key` behaving like an ordinary word."""
    if " " in key:
        return False
    n = with_proclitics(counts, key)
    if is_clitic_word(counts, key):
        return True
    toggled = with_proclitics(counts, _toggled(key))
    inflected = _inflected(counts, key)
    if n < MIN_COUNT:
        # A rare form is safe unless its other forms are frequent (الغربيه rare, غربيه frequent).
        return toggled >= RARE_TOGGLED_COUNT or inflected >= RARE_TOGGLED_COUNT
    if key.startswith("ال"):
        # Without its article a name is often another word (الرقة / رقة): weaker evidence.
        return inflected / n >= COMMON_RATIO or toggled / n >= DEFINITE_TOGGLE_RATIO
    return (toggled + inflected) / n >= COMMON_RATIO


def person_tokens(conll_paths: Iterable[Path]) -> set[str]:
    """Normalized tokens tagged PERS at least twice and more than thrice as often as LOC/GPE."""
    pers: Counter = Counter()
    loc: Counter = Counter()
    for path in conll_paths:
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            parts = line.split("\t") if "\t" in line else line.split()
            if len(parts) < 2:
                continue
            token, tag = normalize(parts[0]), parts[-1]
            if tag.endswith("PERS"):
                pers[token] += 1
            elif tag.endswith(("LOC", "GPE")):
                loc[token] += 1
    return {t for t, c in pers.items() if c >= 2 and c > 3 * loc.get(t, 0) and len(t) > 2}


def news_person_tokens(persons: set[str], counts: Counter) -> set[str]:
    """Keep person tokens that the news actually uses, and drop those that are mostly function
    words once normalized (على -> علي)."""
    return {t for t in persons if PERSON_MIN_COUNT <= counts.get(t, 0) < PERSON_MAX_COUNT} if counts else persons


PERSON_MIN_COUNT = 20
PERSON_MAX_COUNT = 3000
