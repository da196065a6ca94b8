"""Quotes: who said what, with offsets (raw.quotes).

A speech verb (transforms/lexicon/events/speech_verbs.txt) is attributed to a speaker among
the sentence's actors: the first after it (VSO: «وقال المعلم إن …»), else the nearest before
it (SVO); «نقل/نقلت … عن X قوله» gives X. The quoted text is a «…» or "…" opening within a
few words after the verb, else what follows إن / أن / بأن up to the end of the sentence.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from transforms.actors.lexicon import read_word_list
from transforms.arabic import normalize_str
from transforms.events.triggers import EVENTS_DIR

QUOTE_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "verb": pl.String,
    "verb_start": pl.Int64,
    "speaker_actor_id": pl.String,
    "speaker_code": pl.String,
    "quote_start": pl.Int64,
    "quote_end": pl.Int64,
    "quote_text": pl.String,
}
_REPORTING = {normalize_str(w) for w in ("نقل", "نقلت")}
_THAT = [normalize_str(w) for w in ("إن", "أن", "بأن", "انه", "أنه", "إنه", "بأنه", "انها", "أنها", "إنها", "بأنها")]
# a quotation that opens soon after the verb (not a quoted name further on: «مرتزقة "فاغنر"»)
_QUOTED = r"^[^«\"“]{0,40}[«\"“]([^»\"”]{3,})[»\"”]"


@cache
def speech_verbs() -> list[str]:
    return read_word_list(EVENTS_DIR / "speech_verbs.txt")


def find_quotes(sentence_frame: pl.DataFrame, tokens: pl.DataFrame, parts: pl.DataFrame) -> pl.DataFrame:
    """`parts`: the sentence participants of events.participants.participants()."""
    keys = ["article_id", "sentence_index"]
    verbs = (
        tokens.with_columns(bare=pl.col("norm").str.replace("^[وف]", ""))
        .filter(pl.col("bare").is_in(speech_verbs()) | pl.col("norm").is_in(speech_verbs()))
        .select(*keys, verb_token="token_index", verb="surface", verb_start="start", verb_end="end",
                reporting=pl.col("bare").is_in(list(_REPORTING)))
        .with_row_index("quote_row")
    )
    pairs = verbs.join(parts.select(*keys, "first_token", "last_token", "actor_id", "code", "preposition"), on=keys)
    speaker = (
        pl.concat([
            pairs.filter(pl.col("reporting") & (pl.col("preposition") == normalize_str("عن"))
                         & (pl.col("first_token") > pl.col("verb_token")))
            .with_columns(rank=pl.col("first_token") - pl.col("verb_token")),
            pairs.filter(~pl.col("reporting") & pl.col("preposition").is_null()
                         & (pl.col("first_token") - pl.col("verb_token")).is_between(1, 4))
            .with_columns(rank=pl.col("first_token") - pl.col("verb_token") + 100),
            pairs.filter(~pl.col("reporting") & pl.col("preposition").is_null()
                         & (pl.col("verb_token") - pl.col("last_token")).is_between(1, 6))
            .with_columns(rank=pl.col("verb_token") - pl.col("last_token") + 200),
        ])
        # ties on one span (GBR and GBRGOV from «الحكومة البريطانية»): the longer span, the more
        # specific code, a named actor — never the order rows happen to come in
        .sort(
            ["quote_row", "rank", "last_token", pl.col("code").str.len_chars(), pl.col("actor_id").is_null(), "code", "actor_id"],
            descending=[False, False, True, True, False, False, False], maintain_order=True,
        )
        .unique("quote_row", keep="first", maintain_order=True)
        .select("quote_row", speaker_actor_id="actor_id", speaker_code="code")
    )
    that = (
        verbs.join(tokens.select(*keys, "token_index", "norm", that_start="start"), on=keys)
        .filter((pl.col("token_index") > pl.col("verb_token")) & pl.col("norm").is_in(_THAT))
        .sort("quote_row", "token_index")
        .unique("quote_row", keep="first", maintain_order=True)
        .select("quote_row", "that_start")
    )
    sentences = sentence_frame.select(*keys, s_start="start", s_end="end", sentence_text="sentence_text")
    found = (
        verbs.join(speaker, on="quote_row", how="left")
        .join(that, on="quote_row", how="left")
        .join(sentences, on=keys)
        .with_columns(after=pl.col("sentence_text").str.slice(pl.col("verb_end") - pl.col("s_start")))
        .with_columns(quoted=pl.col("after").str.extract(_QUOTED, 1))
    )
    # offsets of the quoted text inside the article: after the verb, at the quotation's place
    before_quote = pl.col("after").str.split(pl.col("quoted")).list.first().str.len_chars()
    return (
        found.with_columns(
            quote_start=pl.when(pl.col("quoted").is_not_null())
            .then(pl.col("verb_end") + before_quote)
            .otherwise(pl.col("that_start")),
        )
        .with_columns(
            quote_end=pl.when(pl.col("quoted").is_not_null())
            .then(pl.col("quote_start") + pl.col("quoted").str.len_chars())
            .otherwise(pl.col("s_end")),
        )
        .filter(pl.col("quote_start").is_not_null() & (pl.col("speaker_code").is_not_null()))
        .with_columns(
            quote_text=pl.col("sentence_text").str.slice(
                pl.col("quote_start") - pl.col("s_start"), pl.col("quote_end") - pl.col("quote_start")
            )
        )
        .select(list(QUOTE_SCHEMA))
        .cast(QUOTE_SCHEMA)
        .sort("article_id", "verb_start")
    )
