"""Extraction for a batch of articles: sentences, tokens, actor mentions, events, quotes.

One entry point so that the Dagster asset, the benchmarks and the evaluation run the same
code on the same frames.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from transforms.actors import lexicon
from transforms.actors.matching import candidate_stems
from transforms.actors.mentions import find_mentions
from transforms.events.coding import find_events, role_pairs
from transforms.events.participants import participants
from transforms.events.quotes import find_quotes
from transforms.segmentation import sentences, tokens


@dataclass
class Extraction:
    sentences: pl.DataFrame  # article_id, sentence_index, start, end, sentence_text
    tokens: pl.DataFrame
    entity_mentions: pl.DataFrame
    actor_references: pl.DataFrame
    event_mentions: pl.DataFrame
    quotes: pl.DataFrame


def extract(articles: pl.DataFrame, keep_event_features: bool = False) -> Extraction:
    """`articles`: article_id, text, published_at. With `keep_event_features`, the event mentions
    also carry the features their event_score was summed from (for training it)."""
    # (each step called from here: benchmarks/stages.py profiles the steps `extract` calls)
    sentence_frame = sentences(articles)
    token_frame = tokens(sentence_frame)
    stems = candidate_stems(token_frame)
    mentions = find_mentions(token_frame, stems, articles, lexicon.load())
    parts = participants(token_frame, mentions.entities, mentions.references)
    events = find_events(articles, sentence_frame, token_frame, stems, parts, keep_event_features)
    quotes = find_quotes(sentence_frame, token_frame, parts)
    return Extraction(sentence_frame, token_frame, mentions.entities, mentions.references, events, quotes)


def role_candidates(articles: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame] | None:
    """(triggers, pairs, tokens) of the articles, as the event coder sees them before it
    chooses sources and targets (coding.role_pairs; for training role_choice.py); None
    without triggers."""
    sentence_frame = sentences(articles)
    token_frame = tokens(sentence_frame)
    stems = candidate_stems(token_frame)
    mentions = find_mentions(token_frame, stems, articles, lexicon.load())
    found = role_pairs(articles, sentence_frame, token_frame, stems, participants(token_frame, mentions.entities, mentions.references))
    return None if found is None else (found[0], found[2], token_frame)
