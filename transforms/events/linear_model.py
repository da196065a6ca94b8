"""Logistic models stored as reviewable JSON and scored in Polars: a join of each row's sparse
features (strings such as «lemma=زار») with the weight table and a sum per row. A feature the
training never saw weighs nothing. The event score (event_score.py) and the learned choice of a
trigger's source (role_choice.py) are such models; benchmarks/train_*.py fit them on hand-judged rows."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import polars as pl


@cache
def load(path: Path) -> tuple[pl.DataFrame, float, dict]:
    """(feature → weight, bias, the model's other fields) from a model file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights = pl.DataFrame(
        {"feature": list(data["weights"]), "weight": list(data["weights"].values())},
        schema={"feature": pl.String, "weight": pl.Float64},
    )
    return weights, float(data["bias"]), data


def probabilities(features: pl.DataFrame, row: str, weights: pl.DataFrame, bias: float) -> pl.DataFrame:
    """`row`, probability (0–1): the logistic of each row's summed weights; `features` holds
    `row`, feature (one row per feature, no duplicates). Rows without a feature are absent."""
    total = features.join(weights, on="feature", how="left").group_by(row).agg(pl.col("weight").fill_null(0.0).sum())
    # (rounded: a sum in another order differs in the last bits, and a batch must not change it)
    return total.select(row, probability=(1 / (1 + (-(pl.col("weight") + bias)).exp())).round(4))
