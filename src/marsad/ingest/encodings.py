"""Bytes to text: BOMs, declared charsets, charset-normalizer, and Arabic-aware sanity checks."""

from __future__ import annotations

import codecs
import logging
import unicodedata

import charset_normalizer

from .errors import IngestError, Messages

LOGGER = logging.getLogger(__name__)

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# The single-byte Arabic code pages, both of which decode much Arabic text "successfully".
ARABIC_SINGLE_BYTE = ("windows-1256", "iso-8859-6")
# charset-normalizer's names -> the labels we report.
_LABELS = {"utf_8": "utf-8", "cp1256": "windows-1256", "iso8859_6": "iso-8859-6", "ascii": "utf-8"}
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Only this much is inspected by charset-normalizer; the winner is then checked on the whole input.
_SNIFF_BYTES = 256 * 1024
# Per non-ASCII character: above this a decoding reads as Arabic; below the other, as noise.
MIN_ARABIC_SCORE = 0.6
MIN_PLAUSIBLE_SCORE = -1.0
# How much better than the declared charset another reading must score to override it.
DECLARED_MARGIN = 0.3
# Share of Arabic, ASCII and whitespace characters a BOM-less UTF-16 decoding needs to be believed.
MIN_UTF16_PLAIN = 0.97


def label(encoding: str) -> str:
    """Our label for a codec name: 'cp1256' -> 'windows-1256', 'utf_8' -> 'utf-8'."""
    name = codecs.lookup(encoding).name
    return _LABELS.get(name.replace("-", "_"), name)


def strip_bom(data: bytes) -> tuple[bytes, str | None]:
    """Split off a byte-order mark; returns (rest, codec) where codec is None without a BOM."""
    for bom, codec in BOMS:
        if data.startswith(bom):
            return data[len(bom) :], codec
    return data, None


def decode(data: bytes, *, source: str, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding label). A BOM is dropped, nothing else is changed.

    Order: BOM, strict UTF-8, the `declared` charset (HTML meta, XML prolog) if it decodes cleanly,
    then charset-normalizer's candidates and the Arabic code pages ranked by how Arabic they read.
    """
    if not data:
        raise IngestError(source, Messages.EMPTY)
    rest, bom_codec = strip_bom(data)
    if bom_codec is not None:
        codec = bom_codec.removesuffix("-sig")
        try:
            return rest.decode(codec), "utf-8-sig" if bom_codec == "utf-8-sig" else label(codec)
        except UnicodeDecodeError as error:
            raise IngestError(source, Messages.UNKNOWN_ENCODING) from error
    if b"\x00" in data:
        unmarked = _bomless_utf16(data)
        if unmarked is None:
            raise IngestError(source, Messages.BINARY)
        return unmarked
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        _check_controls(text, source)
        return text, "utf-8"
    if declared:
        text = _try_declared(data, declared, source)
        if text is not None:
            return text, label(declared)
    text, encoding = _detect(data, source)
    _check_controls(text, source)
    return text, encoding


def _bomless_utf16(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without a BOM, accepted only when it decodes to Arabic or Latin text, not noise."""
    for codec in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        plain = sum(1 for char in text if ("\u0600" <= char <= "\u06ff") or (" " <= char < "\x7f") or char in _ALLOWED_CONTROLS or char in "\u00ab\u00bb")
        if text and plain >= MIN_UTF16_PLAIN * len(text):
            return text, codec
    return None


def _try_declared(data: bytes, declared: str, source: str) -> str | None:
    try:
        codecs.lookup(declared)
    except LookupError:
        LOGGER.info("%s: unknown declared encoding %r, detecting instead", source, declared)
        return None
    try:
        text = data.decode(declared)
    except UnicodeDecodeError:
        return None
    # Single-byte pages decode anything: a page declaring Latin-1 (or the other Arabic page) but
    # written in Arabic would come out as mojibake, so a clearly better Arabic reading wins.
    best_other = max((arabic_score(other) for other in _arabic_decodings(data, besides=label(declared))), default=0.0)
    if best_other >= MIN_ARABIC_SCORE and best_other > arabic_score(text) + DECLARED_MARGIN:
        return None
    return text


def _arabic_decodings(data: bytes, *, besides: str) -> list[str]:
    decoded = []
    for encoding in ARABIC_SINGLE_BYTE:
        if encoding == besides:
            continue
        try:
            decoded.append(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    return decoded


def _detect(data: bytes, source: str) -> tuple[str, str]:
    best = charset_normalizer.from_bytes(data[:_SNIFF_BYTES]).best()
    detected = label(best.encoding) if best is not None else None
    scored: list[tuple[float, str, str]] = []
    for encoding in dict.fromkeys([*ARABIC_SINGLE_BYTE, *([detected] if detected else [])]):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((arabic_score(text), text, encoding))
    arabic = [item for item in scored if item[0] >= MIN_ARABIC_SCORE]
    if arabic:
        # charset-normalizer often calls Arabic code pages wrong (they overlap); the text decides.
        score, text, encoding = max(arabic, key=lambda item: item[0])
        LOGGER.debug("%s: detected %s (Arabic score %.2f)", source, encoding, score)
        return text, encoding
    for score, text, encoding in scored:
        if encoding == detected and score > MIN_PLAUSIBLE_SCORE:
            return text, encoding
    raise IngestError(source, Messages.UNKNOWN_ENCODING)


def arabic_score(text: str) -> float:
    """How plausibly `text` is Arabic (or plain) prose, per non-ASCII character; higher is better.

    Rewards Arabic letters; penalizes Latin accented letters and symbols mixed into Arabic words
    (Windows-1256 read as ISO-8859-6 or the reverse), harakat that follow no letter, and controls.
    """
    non_ascii = 0
    score = 0.0
    previous = " "
    for char in text:
        if char < "\x80":
            if char.isalpha() and _is_arabic_letter(previous):  # "Cafى": Latin and Arabic in one word
                score -= 2.0
            previous = char
            continue
        non_ascii += 1
        code = ord(char)
        if 0x0621 <= code <= 0x064A or code in (0x0671, 0x067E, 0x0686, 0x06A4, 0x06AF, 0x06CC):
            score += -2.0 if previous.isascii() and previous.isalpha() else 1.0
        elif 0x064B <= code <= 0x0652:  # harakat: only plausible right after a letter
            score += 0.5 if _is_arabic_letter(previous) else -2.0
        elif 0x0660 <= code <= 0x0669 or code in (0x060C, 0x061B, 0x061F, 0x0640, 0x00AB, 0x00BB):
            score += 0.5
        elif unicodedata.category(char).startswith("L"):
            score -= 2.0 if _is_arabic_letter(previous) else 0.5
        elif unicodedata.category(char) in ("Cc", "Co", "Cn"):
            score -= 3.0
        previous = char
    return score / non_ascii if non_ascii else 0.0


def _is_arabic_letter(char: str) -> bool:
    return "\u0621" <= char <= "\u064a"


def _check_controls(text: str, source: str) -> None:
    sample = text[:_SNIFF_BYTES]
    controls = sum(1 for char in sample if char < " " and char not in _ALLOWED_CONTROLS)
    if controls > max(2, len(sample) // 100):
        raise IngestError(source, Messages.BINARY)
