"""Fit the learned choice of a trigger's source (transforms/events/role_choice.py) on hand-judged roles.

    .venv/bin/python -m benchmarks.train_role_choice [--shared ../shared] [--dry-run]

The judged rows are benchmarks/event_training/roles.tsv: event mentions judged right in type,
with the words of the sentence that name the true source and target (`source_text`,
`target_text`; empty when the sentence names none) and the codes a careful coder would give
(`source_gold`, `target_gold`). Each row's trigger is found again in today's extraction of its
ANT article (by `trigger_start`), and every participant the coder could choose as its source
(role_choice.source_pool) is labelled 1 when its span overlaps the judged words.

A logistic regression (scikit-learn, L2) is cross-validated with folds by article. Two figures
are printed for each setting, on mentions no fold's model saw:
- the choice: the rules' pick (roles.py) where they make one, else the best-scored participant
  if its probability reaches the threshold; right when it overlaps the judged words, or when
  nothing is chosen and no participant does;
- end to end: the articles of the held-out fold are extracted with the fold's model, and the
  source codes the coder then gives the judged trigger (after inheritance from the sentence's
  previous event) are compared with `source_gold` and `target_gold`.
The C with the most right choices and the threshold with the most source codes right end to
end are kept, and the model is fitted on every row; writes
transforms/lexicon/events/role_choice.json (unless --dry-run).
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import numpy as np
import polars as pl
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from benchmarks.machine import commit
from benchmarks.sample_events import REPO, ant_articles
from benchmarks.train_event_score import design, training_arguments, vocabulary_of
from transforms.events import role_choice
from transforms.extraction import extract, role_candidates

ROLES = REPO / "benchmarks" / "event_training" / "roles.tsv"
C_VALUES = (0.3, 1.0)  # inverse L2 strengths tried
THRESHOLDS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6)
NEVER = 2.0  # a threshold no probability reaches: the rules alone
FOLDS = 5
MIN_COUNT = 2  # a feature seen in fewer pairs is not learned (vocabulary_of)


def judged_roles() -> pl.DataFrame:
    return pl.read_csv(ROLES, separator="\t", infer_schema=False).with_columns(
        pl.col("trigger_start").cast(pl.Int64), pl.col("sentence_index").cast(pl.Int32))


def _nearest(text: str, words: str | None, position: int) -> int | None:
    """Where `words` occur in `text` nearest to `position` (None when absent or empty)."""
    if not words:
        return None
    found, at = None, text.find(words)
    while at >= 0:
        if found is None or abs(at - position) < abs(found - position):
            found = at
        at = text.find(words, at + 1)
    return found


def labelled_pool(articles: pl.DataFrame, rows: pl.DataFrame) -> tuple[pl.DataFrame, int]:
    """(the source pool of the judged triggers, `label` 1 where the participant overlaps the
    judged source words; the number of judged rows found as triggers)."""
    triggers, pairs, tokens = role_candidates(articles)
    starts = tokens.select("article_id", first_token="token_index", trigger_start="start")
    judged = rows.join(triggers.join(starts, on=["article_id", "first_token"]).select("event_row", "article_id", "trigger_start"),
                       on=["article_id", "trigger_start"]).join(articles.select("article_id", "text"), on="article_id")
    at = [_nearest(text, words, start) for text, words, start in judged.select("text", "source_text", "trigger_start").iter_rows()]
    judged = judged.with_columns(g0=pl.Series(at, dtype=pl.Int64)).with_columns(g1=pl.col("g0") + pl.col("source_text").str.len_chars())
    pool = (
        role_choice.source_pool(pairs, triggers).join(judged.select("event_row", "g0", "g1"), on="event_row")
        .with_columns(label=((pl.col("start") < pl.col("g1")) & (pl.col("end") > pl.col("g0"))).fill_null(False).cast(pl.Int8))
        .drop("g0", "g1")
        .sort("event_row", "part_row")
    )
    return pool, judged.height


def right_choices(pool: pl.DataFrame, picked: pl.DataFrame, events: int) -> int:
    """Judged mentions whose choice is right: the picked participant's group holds a labelled
    one, or nothing is picked and no participant is labelled (`events`: all judged mentions;
    those without any participant are right by the second rule)."""
    per_event = pool.group_by("event_row").agg(gold_groups=pl.col("group").filter(pl.col("label") == 1), any_gold=pl.col("label").max())
    decided = per_event.join(picked.select("event_row", pick="group"), on="event_row", how="left").with_columns(
        right=pl.when(pl.col("pick").is_null()).then(pl.col("any_gold") == 0).otherwise(pl.col("gold_groups").list.contains(pl.col("pick"))))
    return events - pool["event_row"].n_unique() + int(decided["right"].sum())


def _features(pool: pl.DataFrame) -> list[list[str]]:
    rows = pool.with_row_index("_pair")
    return role_choice.pair_features(rows, "_pair").group_by("_pair").agg("feature").sort("_pair")["feature"].to_list()


def _fitted(features: list[list[str]], labels: np.ndarray, c: float) -> dict:
    vocabulary = vocabulary_of(features)
    fit = LogisticRegression(C=c, max_iter=3000).fit(design(features, vocabulary), labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocabulary, fit.coef_[0], strict=True) if abs(w) >= 1e-4}
    return {"c": c, "min_count": MIN_COUNT, "bias": round(float(fit.intercept_[0]), 4), "weights": dict(sorted(weights.items()))}


def _weights(model: dict) -> pl.DataFrame:
    return pl.DataFrame({"feature": list(model["weights"]), "weight": list(model["weights"].values())},
                        schema={"feature": pl.String, "weight": pl.Float64})


def end_to_end(articles: pl.DataFrame, rows: pl.DataFrame, model: dict) -> dict:
    """Source and target codes the coder gives the judged triggers of `articles` with `model`
    that match the judged codes (any of a trigger's rows; both empty is a match)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "role_choice.json"
        path.write_text(json.dumps(model), encoding="utf-8")
        stored, role_choice.MODEL = role_choice.MODEL, path
        try:
            events = extract(articles).event_mentions
        finally:
            role_choice.MODEL = stored
    found = rows.join(events.select("article_id", "trigger_start", "source_code", "target_code"),
                      on=["article_id", "trigger_start"], how="left", suffix="_now")
    per_row = found.group_by("article_id", "trigger_start").agg(
        source=pl.col("source_code_now").eq_missing(pl.col("source_gold")).any(),
        target=pl.col("target_code_now").eq_missing(pl.col("target_gold")).any(),
        both=(pl.col("source_code_now").eq_missing(pl.col("source_gold"))
              & pl.col("target_code_now").eq_missing(pl.col("target_gold"))).any())
    return {k: int(per_row[k].sum()) for k in ("source", "target", "both")}


def main() -> None:
    args = training_arguments(__doc__)
    rows = judged_roles()
    articles = ant_articles(args.shared).filter(pl.col("article_id").is_in(rows["article_id"].unique().to_list()))
    pool, events = labelled_pool(articles, rows)
    print(f"{rows.height} judged mentions, {events} found in today's extraction")
    features, labels, groups = _features(pool), pool["label"].to_numpy(), pool["article_id"].to_numpy()
    folds = list(GroupKFold(n_splits=FOLDS).split(features, labels, groups))
    settings = {}
    for c in C_VALUES:
        probability, models = np.zeros(len(labels)), []
        for train, test in folds:
            models.append(_fitted([features[i] for i in train], labels[train], c))
            held_out = pool[test].drop("label")
            probability[test] = role_choice.scored_pairs(held_out, _weights(models[-1]), models[-1]["bias"])["probability"].to_numpy()
        scored = pool.with_columns(probability=pl.Series(probability))
        for threshold in (NEVER, *THRESHOLDS):
            settings[(c, threshold)] = (right_choices(pool, role_choice.chosen(scored, threshold), events), models)
    for (c, threshold), (right, _) in sorted(settings.items()):
        print(f"C={c} threshold={threshold}: {right} of {events} right choices")
    c = max(C_VALUES, key=lambda c_: max(right for (c__, _), (right, _) in settings.items() if c__ == c_))
    models = settings[(c, NEVER)][1]
    # end to end, fold by fold, for each threshold of the better C (NEVER: the rules alone)
    totals = {}
    for threshold in (NEVER, *THRESHOLDS):
        totals[threshold] = {"source": 0, "target": 0, "both": 0}
        for (_, test), model in zip(folds, models, strict=True):
            test_articles = pool[test]["article_id"].unique().to_list()
            figures = end_to_end(articles.filter(pl.col("article_id").is_in(test_articles)),
                                 rows.filter(pl.col("article_id").is_in(test_articles)), {**model, "threshold": threshold})
            for key, value in figures.items():
                totals[threshold][key] += value
        print(f"C={c} threshold={threshold}: end to end {totals[threshold]}")
    # the threshold with the most source codes right end to end (ties: the higher, fewer filled)
    threshold = max(THRESHOLDS, key=lambda t: (totals[t]["source"], t))
    right, rules = settings[(c, threshold)][0], settings[(c, NEVER)][0]
    totals = {"learned": totals[threshold], "rules": totals[NEVER]}
    model = {
        "trained_on": f"{events} hand-judged ANT middleEast mentions ({ROLES.name}), features of commit {commit()}",
        **_fitted(features, labels, c), "threshold": threshold,
        "cross_validated": {"judged_mentions": events, "right_choices": right, "rules_right_choices": rules,
                            "end_to_end_right": totals["learned"], "rules_end_to_end_right": totals["rules"]},
    }
    print(f"kept C={c}, threshold {threshold}: {right} right choices against the rules' {rules}; "
          f"end to end (codes as judged; judged mentions found in their fold's articles): learned {totals['learned']}, "
          f"rules {totals['rules']}; {len(model['weights'])} weights")
    if not args.dry_run:
        role_choice.MODEL.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"-> {role_choice.MODEL}")


if __name__ == "__main__":
    main()
