"""Named-entity recognition: a linear-chain CRF over clitic-aware, cluster and gazetteer features."""

from .tagger import Tagger

__all__ = ["Tagger"]
