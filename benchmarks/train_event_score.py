"""Fit the event score (transforms/events/event_score.py) on hand-judged event mentions.

    .venv/bin/python -m benchmarks.train_event_score [--shared ../shared] [--dry-run]

The judged rows are benchmarks/event_training/labels.tsv (mentions drawn for training, judged
for type only) and the precision samples benchmarks/event_sample/sample*.tsv; `type_ok` is the
label. Each row is found again in today's extraction of its ANT article (same trigger, CAMEO
root and modality; the same source and target where there are several), and its features are
the ones the coder computes now; a row whose mention is no longer extracted so is left out, as
its judgement was of something the coder no longer says. Every judged sample is read, the
current one too: a model fitted after a sample was judged is measured only by a new draw, which
leaves out the articles of all of them (sample_events --exclude-articles-of). A logistic regression (scikit-learn,
L2) is cross-validated with folds by article, then fitted on every row. Writes
transforms/lexicon/events/event_score.json (unless --dry-run) with, for each cut-off, the
cross-validated precision of the mentions scored at or above it and the share of the
judged-right mentions kept — the table in benchmarks/event_training/README.md.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import polars as pl
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold

from benchmarks.machine import commit
from benchmarks.sample_events import REPO, ant_articles
from transforms.events.event_score import MODEL
from transforms.extraction import extract

LABELS = sorted([REPO / "benchmarks" / "event_training" / "labels.tsv",
                 *(REPO / "benchmarks" / "event_sample").glob("sample*.tsv")])
MIN_COUNT = 2  # a feature seen in fewer judged mentions is not learned
C = 0.25  # inverse L2 strength, picked by the cross-validation below (--dry-run prints the others)
FOLDS = 5
CUTOFFS = (0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


KEYS = ["article_id", "sentence_index", "trigger", "root", "modality"]


def judged_rows() -> pl.DataFrame:
    """article_id, sentence_index, trigger, root, modality, source_code, target_code, label
    (type_ok) of every judged row."""
    frames = [
        pl.read_csv(path, separator="\t", infer_schema=False)
        .select("article_id", "sentence_index", "trigger", "modality", "source_code", "target_code",
                root=pl.col("cameo_code").str.slice(0, 2), label=pl.col("type_ok").cast(pl.Int8))
        for path in LABELS
    ]
    return pl.concat(frames).with_columns(pl.col("sentence_index").cast(pl.Int32)).unique(
        [*KEYS, "source_code", "target_code"], keep="first", maintain_order=True)


def matched(shared: Path, rows: pl.DataFrame) -> pl.DataFrame:
    """The judged rows with the features of the mention they are today (article_id, label, event_features)."""
    articles = ant_articles(shared).filter(pl.col("article_id").is_in(rows["article_id"].unique().to_list()))
    mentions = extract(articles, keep_event_features=True).event_mentions.with_columns(
        root=pl.col("cameo_code").str.slice(0, 2))
    return (
        rows.join(mentions.select(*KEYS, "source_code", "target_code", "event_features"), on=KEYS, how="inner",
                  suffix="_now")
        # the same actors where the row gives them (the training rows); the first mention otherwise
        .with_columns(same=pl.col("source_code").eq_missing(pl.col("source_code_now"))
                      & pl.col("target_code").eq_missing(pl.col("target_code_now")))
        .sort("same", descending=True)
        .unique([*KEYS, "source_code", "target_code"], keep="first")
        .sort("article_id", "sentence_index", "trigger")
    )


def design(features: list[list[str]], vocabulary: dict[str, int]) -> csr_matrix:
    indptr, indices = [0], []
    for row in features:
        indices.extend(sorted({vocabulary[f] for f in row if f in vocabulary}))
        indptr.append(len(indices))
    return csr_matrix((np.ones(len(indices)), indices, indptr), shape=(len(features), len(vocabulary)))


def vocabulary_of(features: list[list[str]]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for row in features:
        for feature in set(row):
            counts[feature] = counts.get(feature, 0) + 1
    return {f: i for i, f in enumerate(sorted(f for f, n in counts.items() if n >= MIN_COUNT))}


def cross_validated(features: list[list[str]], labels: np.ndarray, groups: np.ndarray, c: float) -> np.ndarray:
    scores = np.zeros(len(labels))
    for train, test in GroupKFold(n_splits=FOLDS).split(features, labels, groups):
        vocabulary = vocabulary_of([features[i] for i in train])
        fit = LogisticRegression(C=c, max_iter=2000).fit(design([features[i] for i in train], vocabulary), labels[train])
        scores[test] = fit.predict_proba(design([features[i] for i in test], vocabulary))[:, 1]
    return scores


def at_cutoff(scores: np.ndarray, labels: np.ndarray, cutoff: float) -> dict:
    kept = scores >= cutoff
    return {
        "cutoff": cutoff,
        "share_kept": round(float(kept.mean()), 3),
        "precision": round(float(labels[kept].mean()), 3),
        "right_kept": round(float(kept[labels == 1].mean()), 3),
        "wrong_removed": round(float((~kept)[labels == 0].mean()), 3),
    }


def cutoff_table(figures: dict) -> str:
    """The cross-validated figures as the table of benchmarks/event_training/README.md."""
    lines = [f"All {figures['rows']:,} judged rows: precision {figures['precision_of_all']:.2f}; AUC {figures['auc']:.2f}.", "",
             "| `event_score` ≥ | mentions kept | precision | real events kept | wrong removed |",
             "|---|---|---|---|---|"]
    lines += [f"| {c['cutoff']} | {c['share_kept']:.0%} | {c['precision']:.2f} | {c['right_kept']:.0%} | {c['wrong_removed']:.0%} |"
              for c in figures["cutoffs"]]
    return "\n".join(lines)


def training_arguments(doc: str) -> argparse.Namespace:
    """--shared and --dry-run, the options of the training scripts (`doc`: the script's docstring)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--dry-run", action="store_true", help="print the figures, do not write the model")
    return parser.parse_args()


def main() -> None:
    args = training_arguments(__doc__)
    rows = judged_rows()
    data = matched(args.shared, rows)
    features, labels = data["event_features"].to_list(), data["label"].to_numpy()
    groups = data["article_id"].to_numpy()
    print(f"{rows.height} judged rows, {data.height} found in today's extraction ({int(labels.sum())} right)")
    for c in (0.1, 0.25, 0.5, 1.0):
        print(f"C={c}: AUC {roc_auc_score(labels, cross_validated(features, labels, groups, c)):.3f}")
    scores = cross_validated(features, labels, groups, C)
    figures = {"rows": len(labels), "precision_of_all": round(float(labels.mean()), 3),
               "auc": round(float(roc_auc_score(labels, scores)), 3),
               "cutoffs": [at_cutoff(scores, labels, cutoff) for cutoff in CUTOFFS]}
    vocabulary = vocabulary_of(features)
    fit = LogisticRegression(C=C, max_iter=2000).fit(design(features, vocabulary), labels)
    weights = {f: round(float(w), 4) for f, w in zip(vocabulary, fit.coef_[0], strict=True) if abs(w) >= 1e-4}
    model = {
        "trained_on": f"{data.height} hand-judged ANT middleEast mentions ({', '.join(p.name for p in LABELS)}), "
                      f"features of commit {commit()}",
        "c": C, "min_count": MIN_COUNT,
        "cross_validated": figures,
        "bias": round(float(fit.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
    }
    print(f"chosen C={C}: {len(weights)} weights; cross-validated, for the notes:\n{cutoff_table(figures)}")
    if not args.dry_run:
        MODEL.write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"-> {MODEL}")


if __name__ == "__main__":
    main()
