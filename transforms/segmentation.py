"""Sentences and tokens with character offsets into the original text, as Polars frames.

Offsets are code-point indices into `raw.articles.text` (Python string indices), so that
`text[start:end] == surface` for every sentence and token.

How, without a Python loop per token: a masked copy of the text is made in which every
boundary character is replaced by one separator character — a length-preserving rewrite —
then split; the running sum of piece lengths gives each piece's offset.
- Sentences end at . ! ? ؟ ؛ followed by whitespace, and at line breaks. The Arabic comma
  «،» is not a sentence end: news sentences chain clauses with it; it stays visible to the
  event coder through each token's `gap_before` (which holds no format characters: bidi marks,
  zero-width spaces).
- Tokens are maximal runs of letters, combining marks (diacritics) and digits, so clitics
  stay on their word (وحفتر) and punctuation (quotes, brackets, commas) falls between tokens.
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize

_SENTENCE_END = r"([.!?؟؛])\s"
_NOT_TOKEN = r"[^\p{L}\p{M}\p{N}]"
_EDGE_SPACE = r"^\s+"


def _pieces(frame: pl.DataFrame, column: str, masked: pl.Expr, separator: str, keys: list[str]) -> pl.DataFrame:
    """Split `column` where `masked` holds `separator`; one row per piece with its offset."""
    return (
        frame.select(*keys, pl.col(column), masked.str.split(separator).alias("_piece"))
        .with_columns(pl.col("_piece").list.eval(pl.element().str.len_chars() + 1).alias("_step"))
        .with_columns(
            (pl.col("_step").list.eval(pl.element().cum_sum()) - pl.col("_step")).alias("_offset"),
        )
        .drop("_step")
        .explode("_piece", "_offset")
    )


def sentences(articles: pl.DataFrame) -> pl.DataFrame:
    """article_id, sentence_index, start, end, sentence_text (trimmed, non-empty sentences), and
    sentence_norm: the same text normalised (for search; offsets refer to sentence_text)."""
    masked = pl.col("text").str.replace_all(_SENTENCE_END, "$1\n").str.replace_all(r"\r", "\n")
    pieces = _pieces(articles, "text", masked, "\n", ["article_id"])
    lead = pl.col("_piece").str.extract(r"^(\s*)", 1).str.len_chars()
    stripped = pl.col("_piece").str.strip_chars()
    return (
        pieces.with_columns(start=(pl.col("_offset") + lead).cast(pl.Int64), sentence_text=stripped)
        .filter(pl.col("sentence_text").str.contains(r"[\p{L}\p{N}]"))
        .with_columns(end=pl.col("start") + pl.col("sentence_text").str.len_chars())
        .with_columns(sentence_index=pl.int_range(pl.len()).over("article_id").cast(pl.Int32))
        .select("article_id", "sentence_index", "start", "end", "sentence_text", sentence_norm=normalize(pl.col("sentence_text")))
    )


def tokens(sentence_frame: pl.DataFrame) -> pl.DataFrame:
    """One row per token: article_id, sentence_index, token_index (within the article),
    start, end (into the article text), surface, norm (normalised), gap_before (the
    punctuation between the previous token of the sentence and this one, without spaces and
    format characters)."""
    masked = pl.col("sentence_text").str.replace_all(_NOT_TOKEN, " ")
    pieces = _pieces(sentence_frame, "sentence_text", masked, " ", ["article_id", "sentence_index", "start"])
    frame = (
        pieces.filter(pl.col("_piece") != "")
        .with_columns(
            local_start=pl.col("_offset").cast(pl.Int64),
            local_end=(pl.col("_offset") + pl.col("_piece").str.len_chars()).cast(pl.Int64),
        )
        .with_columns(
            prev_end=pl.col("local_end").shift(1, fill_value=0).over("article_id", "sentence_index"),
        )
        .with_columns(
            gap_before=pl.col("sentence_text").str.slice(pl.col("prev_end"), pl.col("local_start") - pl.col("prev_end")),
            start=pl.col("start") + pl.col("local_start"),
            end=pl.col("start") + pl.col("local_end"),
        )
    )
    return frame.select(
        "article_id",
        "sentence_index",
        pl.int_range(pl.len()).over("article_id").cast(pl.Int32).alias("token_index"),
        "start",
        "end",
        pl.col("_piece").alias("surface"),
        normalize(pl.col("_piece")).alias("norm"),
        # (without format characters: a right-to-left mark between two words, «ميليشيا \u200fالحوثي»,
        # separates them no more than the space does)
        pl.col("gap_before").str.replace_all(r"\p{Cf}", "").str.strip_chars(),
    )


def at_token(frame: pl.DataFrame, tokens: pl.DataFrame, position: str | pl.Expr, how: str = "left", **columns: str) -> pl.DataFrame:
    """`frame` with `columns` (new name = token column) of the token of its article at `position`
    (a token_index: a column name or expression of `frame`), null where the article has no such
    token — or, with how="inner", the row dropped. The same as a join on article_id and
    token_index, in `frame`'s row order, but by row number: `tokens` is a whole frame from
    `tokens()`, each article's tokens together and in order."""
    position = pl.col(position) if isinstance(position, str) else position
    articles = (
        tokens.select("article_id", "token_index", _row=pl.int_range(pl.len(), dtype=pl.Int64))
        .filter(pl.col("token_index") == 0)
        .select("article_id", "_row", _count=pl.col("_row").shift(-1, fill_value=tokens.height) - pl.col("_row"))
    )
    rows = (
        frame.join(articles, on="article_id", how="left", maintain_order="left")
        .select(pl.when((position >= 0) & (position < pl.col("_count"))).then(pl.col("_row") + position))
        .to_series()
    )
    found = frame.with_columns(tokens[column].gather(rows).alias(name) for name, column in columns.items())
    return found.filter(rows.is_not_null()) if how == "inner" else found
