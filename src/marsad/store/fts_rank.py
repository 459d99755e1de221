"""Relevance on SQLite's FTS5 at a cost bounded by the window ranked, not by how common the query's words are.

FTS5's bm25 computes each phrase's IDF by reading the phrase's whole posting list (every article
holding the word, across the store): 7 ms for a word in half of 100,000 articles, ten times that at
a million, whatever the window ranked. So bm25 sees only the query's *selective* terms, those in at
most `DF_LIMIT` articles (a capped count tells, reading at most that many postings); *common* terms
only narrow the match. A word in that many articles weighs little in bm25 anyway (its IDF is
log((N - n + 0.5) / (n + 0.5)): none at all once it is in half of them). A store where every term
is selective (any term at up to `DF_LIMIT` articles) ranks exactly as before, by bm25 of the whole
query over the newest `query.RANK_WINDOW` matches. Otherwise:

- the window is the newest `RANK_WINDOW` matches of the whole query (facets included), walked
  from the index's newest end without scoring;
- with selective terms, each is scored by bm25 of the selective terms alone over the window's key
  span (facet and common phrases would add their IDFs' reads and nothing to the score: facets sit
  in a column of weight 0), and the window's hits are ordered by it;
- with none, hits with more of the query's words in their title come first, then the newest.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import query, search

if TYPE_CHECKING:
    from .sqlite import SQLiteStore

# A term in more articles than this is common: bm25 would read that many postings (two phrases,
# ~60 ns each) for its IDF; at 50,000 that is about 6 ms, and it is in half of a 100,000-article store.
DF_LIMIT = 50000
# bm25 weights of the FTS columns (title, body, stems, facets), as in `search.FIELD_WEIGHTS`;
# facet tokens narrow a search and do not rank it.
BM25_WEIGHTS = (*search.FIELD_WEIGHTS, 0.0)


def top(store: SQLiteStore, match: query.Match, *, offset: int, limit: int) -> list[tuple[int, float]]:
    """(sort key, score) of the page, best first; the score is -bm25 (higher is better) or, with no
    selective term, the number of the query's words in the title."""
    selective = [term for term in match.terms if is_selective(store, term)]
    if len(selective) == len(match.terms):
        return _ranked_window(store, match, offset=offset, limit=limit)
    window = _window(store, match)
    if not window:
        return []
    if selective:
        scores = _bm25_in_span(store, selective, low=window[-1], high=window[0])
        ranked = sorted(window, key=lambda key: (-scores.get(key, 0.0), key % query.PK_SPAN))
        return [(key, scores.get(key, 0.0)) for key in ranked[offset : offset + limit]]
    titled = _title_counts(store, match.terms, low=window[-1], high=window[0])
    ranked = sorted(window, key=lambda key: (-titled.get(key, 0), -key))
    return [(key, float(titled.get(key, 0))) for key in ranked[offset : offset + limit]]


def is_selective(store: SQLiteStore, term: search.Term) -> bool:
    """Whether at most `DF_LIMIT` articles hold the term (its stem, which every form of it indexes)."""
    row = store.conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?)", (_stem_phrase(term), DF_LIMIT + 1)
    ).fetchone()
    return row[0] <= DF_LIMIT


def _ranked_window(store: SQLiteStore, match: query.Match, *, offset: int, limit: int) -> list[tuple[int, float]]:
    # bm25 outside the subquery that keeps the newest window, so only the window is scored.
    sql = (
        "SELECT key, score FROM (SELECT rowid AS key, -bm25(articles_fts, ?, ?, ?, ?) AS score FROM articles_fts"
        " WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ?)"
        " ORDER BY score DESC, key % ? LIMIT ? OFFSET ?"
    )
    params = [*BM25_WEIGHTS, fts_expression(match), match.low, match.high, query.rank_window(store), query.PK_SPAN, limit, offset]
    return [(row[0], row[1]) for row in store.conn.execute(sql, params)]


def newest(store: SQLiteStore, match: query.Match, *, limit: int, offset: int = 0) -> list[int]:
    """The sort keys of the newest matches, newest first: FTS5 walks the match from the index's
    newest end and stops after `offset + limit` (no score: no IDF read)."""
    sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid DESC LIMIT ? OFFSET ?"
    params = (fts_expression(match, ranked=False), match.low, match.high, limit, offset)
    return [row[0] for row in store.conn.execute(sql, params)]


def _window(store: SQLiteStore, match: query.Match) -> list[int]:
    """The sort keys of the newest `RANK_WINDOW` matches, newest first."""
    return newest(store, match, limit=query.rank_window(store))


def _bm25_in_span(store: SQLiteStore, terms: list[search.Term], *, low: int, high: int) -> dict[int, float]:
    """-bm25 of the query made of `terms` alone, for each article in the key span that they match."""
    expression = " AND ".join(_ranked_term(term) for term in terms)
    sql = "SELECT rowid, -bm25(articles_fts, ?, ?, ?, ?) FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
    return {row[0]: row[1] for row in store.conn.execute(sql, (*BM25_WEIGHTS, expression, low, high))}


def _title_counts(store: SQLiteStore, terms: list[search.Term], *, low: int, high: int) -> dict[int, int]:
    """How many of `terms` (as written) each article in the key span has in its title; absent: none."""
    counts: dict[int, int] = {}
    sql = "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?"
    for term in terms:
        for (key,) in store.conn.execute(sql, (f'title : "{term.word}"', low, high)):
            counts[key] = counts.get(key, 0) + 1
    return counts


def fts_expression(match: query.Match, *, ranked: bool = True) -> str:
    """An FTS5 MATCH expression: every term, either as written (title, body) or by its stem, and a token of each facet group.

    Unranked, a term is its stem alone: the stems column holds the stem of every title and body
    word, so it matches the same articles, and FTS5 walks one posting list instead of two.
    """
    parts = [_ranked_term(term) if ranked else _stem_phrase(term) for term in match.terms]
    parts += ["(" + " OR ".join(f'facets : "{token}"' for token in group) + ")" for group in match.groups]
    return " AND ".join(parts)


def _ranked_term(term: search.Term) -> str:
    return f'({{title body}} : "{term.word}" OR stems : "{term.stem}")'


def _stem_phrase(term: search.Term) -> str:
    return f'stems : "{term.stem}"'

