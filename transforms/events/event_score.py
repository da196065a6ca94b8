"""How likely a coded trigger is an event of its coded type: a linear model over the mention.

About a third of what the trigger rules code is no event of the coded type (five hand-judged
samples, benchmarks/event_sample): generic, standing or habitual statements («وتتهم إسرائيل إيران
كذلك», «مناطق يسيطر عليها»), acts only planned or alleged but coded as done, nouns in lists. The
words that give them away are spread over many wordings, so rather than one more rule per
wording, a logistic regression scores each mention from sparse features: the trigger's lemma,
form and code, the modality, the two words on either side, whether it has a source, a target and
a date. benchmarks/train_event_score.py fits it on hand-judged mentions
(benchmarks/event_training) and writes lexicon/events/event_score.json: the weights, the bias,
and the cross-validated precision and recall at a few cut-offs. The score ranks, it does not
decide: at cut-offs that keep nearly every real event it removes few false ones, so nothing is
dropped or uncounted by it; an analyst picks a cut-off from the table in the notes.

Scoring is a join of the mentions' features with the weight table and a sum per mention; a
feature the training never saw weighs nothing.
"""

from __future__ import annotations

import polars as pl

from transforms.events.linear_model import load, probabilities
from transforms.events.triggers import EVENTS_DIR
from transforms.segmentation import at_token

MODEL = EVENTS_DIR / "event_score.json"
CONTEXT = 2  # words on either side of the trigger, by their distance, within its sentence
KEYS = ["article_id", "sentence_index", "first_token", "last_token"]


def actor_kind(code: str) -> pl.Expr:
    """none, a bare country (3 letters), or the role after the country (GOV, MIL, REB …)."""
    column = pl.col(code)
    return (pl.when(column.is_null()).then(pl.lit("none"))
            .when(column.str.len_chars() <= 3).then(pl.lit("country"))
            .otherwise(column.str.slice(3, 3)))


def mention_features(events: pl.DataFrame, tokens: pl.DataFrame, row: str) -> pl.DataFrame:
    """`row`, feature: one row per feature of each mention. `events` holds the column `row`
    (one value per mention) and the coder's working columns (KEYS, lemma, form_kind, clitic, cameo_code, modality,
    date_precision, source_code, target_code)."""
    own = events.select(
        row,
        features=pl.concat_list(
            pl.format("lemma={}", pl.col("lemma")),
            pl.format("form={}", pl.col("form_kind")),
            pl.format("code={}", pl.col("cameo_code")),
            pl.format("root={}", pl.col("cameo_code").str.slice(0, 2)),
            pl.format("lemma_form={}_{}", pl.col("lemma"), pl.col("form_kind")),
            pl.format("clitic={}", pl.col("clitic").fill_null("")),
            pl.format("modality={}", pl.col("modality")),
            pl.format("date={}", pl.col("date_precision")),
            pl.format("source={}", actor_kind("source_code")),
            pl.format("target={}", actor_kind("target_code")),
            pl.format("words={}", (pl.col("last_token") - pl.col("first_token") + 1).clip(1, 3)),
            pl.format("sentence={}", pl.col("sentence_index").clip(0, 4)),
        ),
    ).explode("features")
    # the words around the trigger, by their distance («L1=» the word just before it)
    offsets = pl.DataFrame({"offset": list(range(-CONTEXT, CONTEXT + 1))}, schema={"offset": pl.Int32})
    around = (
        events.select(row, *KEYS).join(offsets, how="cross")
        .with_columns(token_index=pl.when(pl.col("offset") <= 0).then(pl.col("first_token") + pl.col("offset"))
                      .otherwise(pl.col("last_token") + pl.col("offset")).cast(pl.Int32))
        .pipe(at_token, tokens, "token_index", how="inner", token_sentence="sentence_index", norm="norm", gap_before="gap_before")
        .filter(pl.col("token_sentence") == pl.col("sentence_index"))
        .select(row, features=pl.concat_list(
            # offset 0 is the trigger's own first word, as written («وتتهم», «لاستهداف»)
            pl.when(pl.col("offset") == 0).then(pl.format("trigger={}", pl.col("norm")))
            .otherwise(pl.format("{}{}={}", pl.when(pl.col("offset") < 0).then(pl.lit("L")).otherwise(pl.lit("R")),
                                 pl.col("offset").abs(), pl.col("norm"))),
            # punctuation between a word and the one before it (a quotation, a list, a title)
            pl.format("gap{}={}", pl.col("offset"), pl.col("gap_before").str.slice(0, 1)),
        ))
        .explode("features")
    )
    return pl.concat([own, around]).rename({"features": "feature"}).filter(pl.col("feature").is_not_null()).unique()


def with_event_score(events: pl.DataFrame, tokens: pl.DataFrame, keep_features: bool = False) -> pl.DataFrame:
    """`events` with event_score (0–1); with `keep_features`, also event_features (the list the
    score was summed from, for training)."""
    weights, bias, _ = load(MODEL)
    rows = events.with_row_index("_mention")
    features = mention_features(rows, tokens, "_mention")
    scores = probabilities(features, "_mention", weights, bias)
    if keep_features:
        scores = scores.join(features.group_by("_mention").agg(event_features="feature"), on="_mention", how="left")
    return (
        rows.join(scores, on="_mention", how="left", maintain_order="left")
        # (a mention without features cannot be: every mention has its lemma)
        .rename({"probability": "event_score"})
        .drop("_mention")
    )
