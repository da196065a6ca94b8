"""The baseline: a straightforward per-article Python implementation of rasd's dictionary
extraction, to compare the Polars code against.

For every article, sentence by sentence: camel-tools' `simple_word_tokenize`, each token
normalised (`normalize_str`, camel-tools' rules), its clitic stems tried in a Python dict of
the same aliases the Polars matcher joins against (`lexicon.load().aliases`: names, capitals,
demonyms, agents, titles, places; `trigger_lexicon()`: event triggers, with the future سـ),
the rest of a multi-word alias compared token by token, and overlaps resolved as
`resolve_overlaps` does (longest, then kind, then fewer clitics). It stops at dictionary
matches: the mention rules, event roles, dates and quotes that the Polars extraction does on
top are not done here, so the comparison favours the baseline.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

import polars as pl
from camel_tools.tokenizers.word import simple_word_tokenize

from transforms.actors import lexicon
from transforms.actors.matching import CLITIC_FORMS, KIND_PRIORITY
from transforms.arabic import normalize_str
from transforms.events.triggers import FUTURE_FORM, trigger_lexicon

_SENTENCES = re.compile(r"(?<=[.!?؟؛])\s+|[\r\n]+")
_FUTURE_PREFIX = re.compile(r"^[وف]?س[يتنا]")
_CLITICS = [(re.compile(pattern), already_bare) for pattern, already_bare in CLITIC_FORMS]
_FUTURE = [(re.compile(pattern), already_bare) for pattern, already_bare in FUTURE_FORM]


@dataclass(frozen=True)
class Alias:
    alias_id: int
    kind: str
    actor_id: str | None
    code: str | None  # the alias's role code, or the trigger's CAMEO code
    rest: tuple[str, ...]  # the tokens after the first


@dataclass(frozen=True)
class Match:
    sentence: int
    first: int
    last: int
    clitic: str
    alias: Alias
    surface: str


def _definite(token: str) -> bool:
    return token.startswith("ال") and len(token) >= 4


def _bare(token: str) -> str:
    return token[2:] if _definite(token) else token


def _index(aliases: pl.DataFrame) -> dict[tuple[str, bool], list[Alias]]:
    index: dict[tuple[str, bool], list[Alias]] = defaultdict(list)
    for row in aliases.iter_rows(named=True):
        alias = Alias(row["alias_id"], row["kind"], row["actor_id"], row["role_code"], tuple(row["tokens"][1:]))
        index[(row["first_bare"], row["first_definite"])].append(alias)
    return index


def _stems(norm: str, forms, unstripped: bool = True):
    """(stem, definite, clitic) for one normalised token, as candidate_stems makes them."""
    if unstripped:
        yield _bare(norm), _definite(norm), ""
    for pattern, already_bare in forms:
        found = pattern.match(norm)
        if found:
            rest = found.group(2)
            yield (rest, True, found.group(1)) if already_bare else (_bare(rest), _definite(rest), found.group(1))


def _resolve(matches: list[Match]) -> list[Match]:
    """Keep a match only if it is the best one on every token it covers."""
    def rank(m: Match):
        return (-(m.last - m.first + 1), KIND_PRIORITY.get(m.alias.kind, 9), len(m.clitic), m.first, m.alias.alias_id)

    best: dict[tuple[int, int], Match] = {}
    for match in matches:
        for position in range(match.first, match.last + 1):
            key = (match.sentence, position)
            if key not in best or rank(match) < rank(best[key]):
                best[key] = match
    return [m for m in dict.fromkeys(best.values()) if all(best[(m.sentence, p)] is m for p in range(m.first, m.last + 1))]


class PerArticle:
    """Built once (the dictionaries as Python dicts), then `extract(text)` per article."""

    def __init__(self) -> None:
        self.actors = _index(lexicon.load().aliases)
        self.triggers = _index(trigger_lexicon()[0])

    def _find(self, index, sentence: int, tokens: list[str], norms: list[str], future: bool) -> list[Match]:
        found = []
        for i, norm in enumerate(norms):
            stems = list(_stems(norm, _CLITICS))
            if future and _FUTURE_PREFIX.match(norm):
                stems += _stems(norm, _FUTURE, unstripped=False)
            seen = set()
            for stem, definite, clitic in stems:
                if (stem, definite) in seen:
                    continue
                seen.add((stem, definite))
                for alias in index.get((stem, definite), ()):
                    end = i + len(alias.rest)
                    if tuple(norms[i + 1 : end + 1]) == alias.rest:
                        found.append(Match(sentence, i, end, clitic, alias, " ".join(tokens[i : end + 1])))
        return _resolve(found)

    def extract(self, text: str) -> tuple[list[Match], list[Match]]:
        """(actor dictionary matches, trigger matches) of one article."""
        actors, triggers = [], []
        for number, sentence in enumerate(s for s in _SENTENCES.split(text) if s.strip()):
            tokens = simple_word_tokenize(sentence)
            norms = [normalize_str(token) for token in tokens]
            actors += self._find(self.actors, number, tokens, norms, future=False)
            triggers += self._find(self.triggers, number, tokens, norms, future=True)
        return actors, triggers

