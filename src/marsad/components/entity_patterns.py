"""Known-name stage: well-known people and organisations the NER model missed, from a name list.

spaCy's `EntityRuler` does the matching, with its phrase matcher over normalized forms (token
patterns with `IN` sets cost several milliseconds an article); it never overwrites the model's
entities, only fills gaps ("جبهة النصرة", "نظام الأسد" in texts unlike the training data).
A name's first word is also matched behind a proclitic ("والنصرة", "بحزب الله"); a one-word
name only behind a conjunction, since "بحماس" is far more often "with enthusiasm" than "by Hamas".
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.pipeline import EntityRuler

from ..arabic.clitics import ARTICLE, LAM_LAM
from ..arabic.normalize import normalize

PROCLITICS = ("", "\u0648", "\u0641", "\u0628", "\u0644", "\u0643", "\u0648\u0628", "\u0648\u0644", "\u0641\u0628", "\u0641\u0644")  # و ف ب ل ك وب ول فب فل
CONJUNCTIONS = ("", "\u0648", "\u0641")  # و ف


@lru_cache(maxsize=1)
def name_patterns() -> tuple[dict, ...]:
    data = resources.files("marsad.resources").joinpath("lexicons/entities.tsv").read_text("utf-8")
    patterns = []
    for line in data.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        label, name = line.split("\t")
        first, *rest = normalize(name).split()
        for form in sorted(_with_proclitics(first, PROCLITICS if rest else CONJUNCTIONS)):
            patterns.append({"label": label, "pattern": " ".join((form, *rest))})
    return tuple(patterns)


def _with_proclitics(word: str, proclitics: tuple[str, ...]) -> set[str]:
    forms = {clitic + word for clitic in proclitics}
    if proclitics is PROCLITICS and word.startswith(ARTICLE):  # li- + al- contracts: "للنصرة"
        forms |= {LAM_LAM + word[2:], "\u0648" + LAM_LAM + word[2:]}
    return forms


@Language.factory(
    "marsad_entity_patterns",
    requires=["doc.ents", "token.norm"],
    assigns=["doc.ents"],
)
def make_entity_patterns(nlp: Language, name: str) -> EntityRuler:
    ruler = EntityRuler(nlp, name=name, overwrite_ents=False, phrase_matcher_attr="NORM")
    # The patterns need only the tokenizer's norms: without this the ruler runs the stages
    # added before it over its 650 patterns (0.02 s of start-up).
    with nlp.select_pipes(disable=nlp.pipe_names):
        ruler.add_patterns(list(name_patterns()))
    return ruler
