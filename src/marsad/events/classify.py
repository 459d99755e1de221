"""Sentence-level event detectors (does this sentence report an ASSAULT / a PROTEST?).

A linear model per PLOVER type over word/stem features plus trigger-lexicon and modality features,
trained on the OEDA Arabic gold standard (training/events/train.py) and stored as a small .npz;
inference is numpy only. `extract_events` uses them to drop trigger matches of those types in
sentences the detector rejects ("الصواريخ البدائية التي يستخدمها": weapons talk, not an attack).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..arabic.clitics import CONJUNCTIONS
from ..arabic.normalize import normalize
from ..caches import WORD_TYPES
from ..dates import find_dates
from ..topics.features import analyze
from .triggers import Modalities, find_triggers
from .lexicon import RESOURCES, load_cues, token_forms

MODEL_FILE = Path(__file__).resolve().parent.parent / "resources" / "events" / "sentence_classifier.npz"
# OEDA/PLOVER type -> our trigger type
PLOVER_TO_TYPE = {"ASSAULT": "ATTACK", "PROTEST": "PROTEST"}
TYPE_TO_PLOVER = {value: key for key, value in PLOVER_TO_TYPE.items()}
TOKEN_RE = re.compile(r"\w+|[^\w\s]", re.UNICODE)
NUMBER_RE = re.compile(r"[0-9\u0660-\u0669]")
# Crowd sizes ("آلاف", "مئات", "300") and casualty words, on normalized text.
CROWD_RE = re.compile(r"(?:^|\s)\W*[وف]?(?:ال)?(?:الاف|الوف|مئات|عشرات|حشود|جموع|[0-9]+|مئه|الف|ملايين)(?=\s|$)")
CASUALTY_RE = re.compile(r"قتلي|قتيل|مقتل|جرحي|جريح|اسفر|اصابه|مصرع|اصيب|لقي|حتف|جثث|جثه")
FRAMES_FILE = RESOURCES / "frames.tsv"
# A frame feature is repeated so that it outweighs any single word in the tf-idf vector
# (nested CV, PROTEST: once 0.35, three times 0.52).
FRAME_WEIGHT = 3


# Verbs are matched on the word itself or after a conjunction ("واحتشد") only: the other clitic
# splits make nouns of them ("التجمع" is a gathering, not "they gathered").
VERB_KINDS = frozenset({"protest_action", "assault_action", "speech_opening"})


@lru_cache(maxsize=WORD_TYPES)
def _verb_forms(word: str) -> tuple[str, ...]:
    form = normalize(word)
    return (form, form[1:]) if len(form) > 3 and form[0] in CONJUNCTIONS else (form,)


@lru_cache(maxsize=WORD_TYPES)
def _frame_kinds(word: str) -> frozenset[str]:
    """The frames.tsv kinds a word matches (the word's forms and the kinds are fixed: once per word)."""
    forms, verb_forms = token_forms(word), _verb_forms(word)
    return frozenset(kind for kind, cue in load_cues(str(FRAMES_FILE)).items() if cue.matches(verb_forms if kind in VERB_KINDS else forms))


def frame_features(words: Sequence[str], has_number: bool) -> list[str]:
    """"x:frame:PROTEST" / "x:frame:ASSAULT" when the sentence has the parts of such a report (frames.tsv)."""
    present: set[str] = set()
    for word in words:
        if word[:1].isalpha():
            present.update(_frame_kinds(word))
    first = next((word for word in words if word[:1].isalpha()), None)
    speech_opening = first is not None and load_cues(str(FRAMES_FILE))["speech_opening"].matches(_verb_forms(first))
    frames = []
    if {"protest_action", "protester"} <= present and not speech_opening and (has_number or present & {"crowd", "time"}):
        frames.append("PROTEST")
    if "assault_action" in present and (has_number or present & {"count", "time"}):
        frames.append("ASSAULT")
    return [f"x:frame:{name}" for name in frames for _ in range(FRAME_WEIGHT)]


def sentence_features(text: str, words: Sequence[str] | None = None, *, has_date: bool | None = None) -> list[str]:
    """Feature strings of one sentence: lexical features, trigger types/forms, their modality.

    `has_date`: whether the sentence holds a date mention, when the caller knows it already (the
    pipeline's dates stage found them); else `find_dates` looks.
    """
    words = list(words) if words is not None else TOKEN_RE.findall(text)
    features = analyze(text)
    norm = normalize(text)
    context = []
    has_number = bool(NUMBER_RE.search(text))
    features.extend(frame_features(words, has_number))
    if has_number:
        context.append("number")
    if CROWD_RE.search(norm):
        context.append("crowd")
    if CASUALTY_RE.search(norm):
        context.append("casualty")
    if has_date if has_date is not None else find_dates(text):
        context.append("date")
    features.extend("x:" + name for name in context)
    modalities: Modalities | None = None
    for match in find_triggers(words):
        modalities = modalities or Modalities(words)
        features.append("t:" + match.type)
        features.append("t:" + match.type + ":" + modalities(match))
        if match.start <= 2:
            features.append("t:" + match.type + ":initial")
        features.extend("t:" + match.type + ":" + name for name in context)
        # Neighbours of the trigger: "المتظاهرون" after "طالب" is not the same as after "تجمع".
        for offset in (-2, -1, 1, 2):
            k = (match.start + offset) if offset < 0 else (match.end - 1 + offset)
            if 0 <= k < len(words) and words[k][:1].isalpha():
                features.append(f"n:{offset}:" + token_forms(words[k])[-1])
    first = next((w for w in words if w[:1].isalpha()), None)
    if first is not None:
        features.append("f:" + token_forms(first)[-1])
    return features


@dataclass(slots=True)
class LinearDetector:
    index: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray  # (n_features,)
    bias: float
    threshold: float

    def score(self, features: Sequence[str]) -> float:
        counts = Counter(features)
        ids, values = [], []
        for feature, count in counts.items():
            i = self.index.get(feature)
            if i is not None:
                ids.append(i)
                values.append(1.0 + math.log(count))
        if not ids:
            return self.bias
        ids_array = np.array(ids)
        x = np.array(values, dtype=np.float32) * self.idf[ids_array]
        x /= np.linalg.norm(x)
        return float(x @ self.weights[ids_array] + self.bias)

    def detect(self, features: Sequence[str]) -> bool:
        return self.score(features) >= self.threshold


@lru_cache(maxsize=2)
def load_detectors(path: str | None = None) -> dict[str, LinearDetector]:
    """PLOVER type -> detector; empty when the model file is absent."""
    file = Path(path) if path else MODEL_FILE
    if not file.exists():
        return {}
    detectors = {}
    with np.load(file, allow_pickle=False) as data:
        for plover in data["types"].tolist():
            vocab = data[f"{plover}_vocab"].tolist()
            detectors[plover] = LinearDetector(
                index={feature: i for i, feature in enumerate(vocab)},
                idf=data[f"{plover}_idf"].astype(np.float32),
                weights=data[f"{plover}_weights"].astype(np.float32),
                bias=float(data[f"{plover}_bias"]),
                threshold=float(data[f"{plover}_threshold"]),
            )
    return detectors


def detect_sentence(text: str, detectors: dict[str, LinearDetector] | None = None) -> dict[str, bool]:
    """PLOVER type -> does this sentence report such an event (ASSAULT, PROTEST)?"""
    detectors = load_detectors() if detectors is None else detectors
    features = sentence_features(text)
    return {plover: detector.detect(features) for plover, detector in detectors.items()}
