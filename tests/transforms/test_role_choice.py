"""The learned choice of a trigger's source (transforms/events/role_choice.py): it fills a source
the rules leave empty, its stored model fits the features the coder makes today, and it was kept
because it beat the rules on held-out judged mentions."""

import json
from datetime import datetime

import polars as pl

from transforms.events import role_choice
from transforms.extraction import extract, role_candidates

# «يخوض … معارك»: no rule of roles.py reaches the subject of this light verb; the model does
SENTENCE = "ويخوض الحوثيون معارك في مواجهة القوات الموالية للحكومة عند المدخل الجنوبي للمدينة."


def _articles(text: str) -> pl.DataFrame:
    return pl.DataFrame({"article_id": ["a"], "text": [text], "published_at": [datetime(2018, 6, 14)]})


def _model() -> dict:
    return json.loads(role_choice.MODEL.read_text(encoding="utf-8"))


def test_the_model_fills_a_source_the_rules_leave_empty():
    triggers, pairs, _ = role_candidates(_articles(SENTENCE))
    scored = role_choice.scored_pairs(role_choice.source_pool(pairs, triggers))
    battles = triggers.filter(pl.col("lemma") == "عرك")["event_row"].to_list()  # «معارك»
    assert role_choice.chosen(scored, threshold=2.0).filter(pl.col("event_row").is_in(battles)).is_empty()
    learned = role_choice.chosen(scored, _model()["threshold"]).filter(pl.col("event_row").is_in(battles))
    assert learned["code"].to_list() == ["YEMREB"]
    events = extract(_articles(SENTENCE)).event_mentions.filter(pl.col("trigger") == "معارك")
    assert events["source_code"].to_list() == ["YEMREB"]


def test_the_stored_weights_are_features_the_coder_still_makes():
    """A feature family renamed in role_choice.py without retraining would silently weigh nothing."""
    triggers, pairs, _ = role_candidates(_articles(SENTENCE))
    pool = role_choice.source_pool(pairs, triggers).with_row_index("_pair")
    made = {f.split("=", 1)[0] for f in role_choice.pair_features(pool, "_pair")["feature"]}
    stored = {f.split("=", 1)[0] for f in _model()["weights"]}
    assert stored <= made, stored - made


def test_the_model_was_kept_because_it_beat_the_rules():
    figures = _model()["cross_validated"]
    assert figures["right_choices"] > figures["rules_right_choices"]
    assert figures["end_to_end_right"]["source"] > figures["rules_end_to_end_right"]["source"]
    assert figures["end_to_end_right"]["both"] >= figures["rules_end_to_end_right"]["both"]
