"""Marsad: Arabic news in, structured facts with evidence out."""

__version__ = "0.1.0"

# Before anything imports spaCy: its command line loads on first use only (see spacy_cli).
from . import spacy_cli as _spacy_cli  # noqa: E402

_spacy_cli.install()
