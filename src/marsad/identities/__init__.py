"""Identities across articles: one key per real speaker or entity, whatever the spelling.

`keys` folds a name into its identity key (a leaf: the store uses it at ingest); `article` picks
each quote's and entity's identity within one analysis; `resolve` answers a name query and lists
speakers through the store.
"""

from .article import ArticleIdentities, Occurrence, article_identities
from .keys import identity_key, surname

__all__ = ["ArticleIdentities", "Occurrence", "article_identities", "identity_key", "surname"]
