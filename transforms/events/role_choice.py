"""Which participant is a trigger's source: the rules of roles.py, and where they find no one,
a learned choice among all of the sentence's participants.

The rules of roles.py rank the candidates they reach (a verb's subject after it, a verbal
noun's genitive, a passive's doer …). On 1,200 hand-judged mentions
(benchmarks/event_training/roles.tsv) they left the source empty for many triggers whose
sentence names it — subjects of light verbs they do not know («يخوض الحوثيون معارك»), subjects
beyond their reach. So each (trigger, participant) pair is scored by a logistic model
(linear_model.py) over sparse features: which rule reaches it and whether it is the rules'
pick, its side and distance, its order among the participants on that side, its preposition
against the trigger's own, the trigger's form and lemma, the participant's kind and clitic,
the word before it, and the clause marks between them. Where the rules choose no one, the
best-scored participant becomes the source if its probability reaches the model's threshold —
never the one the rules would make the target. benchmarks/train_role_choice.py fits it and
picks the threshold by cross-validation (lexicon/events/role_choice.json, with its figures).

Letting the model also overrule the rules' picks chose more judged sources right in
cross-validation, but lost mentions the rules are written for (passives, patient nouns) and
many judged-right rows of the precision samples; a learned target choice did no better than the
rules. Both stay with the rules. (A learned target only where the rules give none was tried too:
cross-validated, 16 more of 1,165 judged target codes right end to end, but on the precision
samples' rows it filled about as many targets wrong as right and broke 13 judged-right rows.)
"""

from __future__ import annotations

import polars as pl

from transforms.events.clauses import is_verb
from transforms.events.event_score import actor_kind
from transforms.events.linear_model import load, probabilities
from transforms.events.roles import is_circumstantial, source_ranks, target_ranks
from transforms.events.triggers import EVENTS_DIR

MODEL = EVENTS_DIR / "role_choice.json"
DISTANCES = [0, 1, 2, 3, 5, 8, 12]  # bins of the tokens between a trigger and a participant
DISTANCE_LABELS = ["0", "1", "2", "3", "4-5", "6-8", "9-12", "13+"]
MAX_ORDER = 4  # the first, second, third participant on a side, then "further"
# the source rules of roles.py by their ranks (lower is better), each under its upper bound
RULE_FAMILIES = [(-60, "passive_doer"), (-20, "agent_of_patient_noun"), (0, "genitive_with_b"), (50, "genitive"),
                 (150, "subject_before"), (240, "subject_after"), (300, "subject_before_clause")]
LAST_FAMILY = "subject_far_before"


def _rule_family() -> pl.Expr:
    family = pl.when(pl.col("rule_rank").is_null()).then(pl.lit("none"))
    for bound, name in RULE_FAMILIES:
        family = family.when(pl.col("rule_rank") < bound).then(pl.lit(name))
    return family.otherwise(pl.lit(LAST_FAMILY))


def _distance_bin(distance: pl.Expr) -> pl.Expr:
    label = pl.lit(DISTANCE_LABELS[-1])
    for bound, name in reversed(list(zip(DISTANCES, DISTANCE_LABELS, strict=False))):
        label = pl.when(distance <= bound).then(pl.lit(name)).otherwise(label)
    return label


def pair_features(pool: pl.DataFrame, row: str) -> pl.DataFrame:
    """`row`, feature: the features of each (trigger, participant) pair of `pool`
    (source_pool, with the column `row`)."""
    after, before = pl.col("after"), pl.col("before")
    side = pl.when(after >= 1).then(pl.lit("after")).when(before >= 1).then(pl.lit("before")).otherwise(pl.lit("on"))
    distance = pl.when(after >= 1).then(after).when(before >= 1).then(before).otherwise(0)
    # a participant's order on its side of the trigger: 1 is the nearest
    order = pl.when(pl.col("side") == "before").then(pl.col("first_token_right").rank("dense", descending=True)) \
        .otherwise(pl.col("first_token_right").rank("dense")).over("event_row", "side").clip(1, MAX_ORDER)
    preposition = pl.col("preposition").fill_null("bare")

    def feature(name: str, *values: pl.Expr) -> pl.Expr:
        return pl.format(name + "=" + "_".join("{}" for _ in values), *[v.cast(pl.String).fill_null("") for v in values])

    located = pool.with_columns(side=side, distance=distance).with_columns(order=order)
    return located.select(row, feature=pl.concat_list(
        feature("rule", _rule_family()),
        feature("rule_pick", pl.col("rule_pick")),
        feature("side", pl.col("side"), _distance_bin(pl.col("distance"))),
        feature("order", pl.col("side"), pl.col("order")),
        feature("preposition", pl.col("side"), preposition),
        feature("form_preposition", pl.col("form_kind"), pl.col("side"), preposition),
        feature("subject_side", pl.col("source_role"), pl.col("side"), pl.col("order")),
        feature("kind", pl.col("kind"), pl.col("side")),
        feature("actor", actor_kind("code")),
        feature("own_preposition", (pl.col("preposition") == pl.col("target_marker")).fill_null(False)),
        feature("via_own_preposition", (pl.col("via") == pl.col("target_marker")).fill_null(False)),
        feature("marker", pl.col("target_marker"), preposition),
        feature("across_clause", pl.col("across_clause")),
        feature("place", pl.col("is_place"), pl.col("kind")),
        feature("person", pl.col("is_person").fill_null(False)),
        feature("generic_place", pl.col("generic_place").fill_null(False)),
        feature("denier", pl.col("denier")),
        feature("sponsor", pl.col("sponsor_of_other")),
        feature("antecedent", pl.col("antecedent")),
        feature("word_before", pl.col("side"), pl.col("previous_word")),
        feature("word_after", pl.col("next_word")),
        feature("past_next_trigger", (pl.col("first_token_right") > pl.col("next_trigger")).fill_null(False)),
        feature("before_previous_trigger", (pl.col("first_token_right") <= pl.col("previous_end")).fill_null(False)),
        feature("feminine_verb_man", pl.col("feminine") & pl.col("masculine").fill_null(False)),
        feature("statement_object", pl.col("statement_object"), pl.col("side")),
        feature("undergone", pl.col("undergone_verb").is_not_null(), pl.col("side")),
        feature("suffixed_agent", pl.col("suffixed_agent"), pl.col("side")),
        feature("purpose_noun", pl.col("purpose_noun"), pl.col("side")),
        feature("prepositions_between", pl.col("preps_between").clip(0, 2)),
        feature("coordinated", pl.col("head_preposition").is_not_null()),
        feature("lemma_side", pl.col("lemma"), pl.col("side")),
        feature("trigger_clitic", pl.col("clitic").fill_null(""), pl.col("side")),
        feature("participant_clitic", pl.col("clitic_right").fill_null("")),
    )).explode("feature").unique()


def scored_pairs(pool: pl.DataFrame, weights: pl.DataFrame | None = None, bias: float = 0.0) -> pl.DataFrame:
    """`pool` with `probability`: how likely each participant is the trigger's source (the stored
    model, or the given weights and bias while training)."""
    if weights is None:
        weights, bias, _ = load(MODEL)
    rows = pool.with_row_index("_pair")
    return rows.join(probabilities(pair_features(rows, "_pair"), "_pair", weights, bias), on="_pair",
                     how="left", maintain_order="left").drop("_pair")


def chosen(scored: pl.DataFrame, threshold: float) -> pl.DataFrame:
    """The rules' choice of each trigger; for a trigger the rules give no one, the best-scored
    participant if it reaches `threshold` (ties: the better rule rank, then the first) — but not
    the one the rules make its target (`target_by_rules`): when they leave the source empty on
    purpose, the participant at hand is what the act is done to («توقيف عبد المنعم أبو الفتوح»,
    «اتهام الحكومة السورية باستخدام الغاز»)."""
    by_rules = scored.filter("rule_choice")
    learned = (
        scored.join(by_rules.select("event_row"), on="event_row", how="anti")
        .filter((pl.col("probability") >= threshold) & ~pl.col("target_by_rules"))
        .sort("event_row", "probability", "rule_rank", "part_row", descending=[False, True, False, False], nulls_last=True)
        .unique("event_row", keep="first", maintain_order=True)
    )
    return pl.concat([by_rules, learned])


def _sources_by_rules(pairs: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    # none for what a threat or intent announces (`own_act`: it inherits the threat's source,
    # clauses.py), not a mediator or backer of another act (`sponsor_of_other`: coding.py),
    # and not an object in the accusative («اعتقلت تونسيا», participants._with_case)
    # (nor a plural demonym in «ـيين» right after a verb: «طالب الليبيين», nor the accused,
    # prisoners or persons alone: participants._with_case)
    usable = ~pl.col("own_act") & ~pl.col("sponsor_of_other") & ~(pl.col("accusative") & ~_doer_adjective()) & ~(
        pl.col("oblique_plural") & is_verb() & (pl.col("after") == 1)) & ~pl.col("captive")
    return source_ranks(pairs.filter(usable), triggers)


def _doer_adjective() -> pl.Expr:
    """A demonym right after a noun trigger is the adjective that names its doer, in the
    accusative too: «إن قصفا إسرائيليا استهدف» (an Israeli strike), a source and not a target —
    a demonym only: a people word in the accusative after a noun is what it is done to («دهس جنودا»)."""
    return ~is_verb() & (pl.col("after") == 1) & (pl.col("kind") == "nisba")


def _with_targets_by_rules(pool: pl.DataFrame, pairs: pl.DataFrame) -> pl.DataFrame:
    """`pool` with `target_by_rules`: the participants the rules would make the trigger's target
    if it had no source."""
    pairs = pairs.join(pool.select("event_row").unique(), on="event_row", how="semi")
    no_source = pairs.with_columns(source_group=pl.lit(None, pairs.schema["group"]), chosen_source_code=pl.lit(None, pl.String))
    targets = target_ranks(_targets_possible(no_source)).filter("rule_pick").select("event_row", "group", target_by_rules=pl.lit(True)).unique()
    return (pool.join(targets, on=["event_row", "group"], how="left", maintain_order="left")
            .with_columns(pl.col("target_by_rules").fill_null(False)))


def source_pool(pairs: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """Each trigger's possible sources with their rule ranks (roles.source_ranks) and
    `target_by_rules` (for training the model on every judged trigger)."""
    return _with_targets_by_rules(_sources_by_rules(pairs, triggers), pairs)


def choose_sources(pairs: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """The source of each trigger that has one: the chosen pair's columns, with `probability`
    (null where the rules chose) and `learned` (whether the model did)."""
    pool = _sources_by_rules(pairs, triggers)
    # (only the triggers the rules give no source are scored, and of those only the ones with a
    # target: a learned source makes no event on its own, coding.py)
    by_rules = pool.filter("rule_choice")
    # (nor a circumstantial participle, whose subject the rules find before the clause or not at all)
    undecided = _with_targets_by_rules(pool.join(by_rules.select("event_row"), on="event_row", how="anti"), pairs).filter(
        pl.col("target_by_rules").any().over("event_row") & ~is_circumstantial())
    return chosen(pl.concat([by_rules, scored_pairs(undecided)], how="diagonal_relaxed"),
                  load(MODEL)[2]["threshold"]).with_columns(learned=~pl.col("rule_choice"))


def choose_targets(pairs: pl.DataFrame, sources: pl.DataFrame) -> pl.DataFrame:
    """The target of each trigger that has one, given its chosen `sources`: the rules' choice
    (roles.target_ranks). A model like the source's, trained on the same judged rows, chose no
    better than the rules (benchmarks/train_role_choice.py), so none is used."""
    chosen_source = sources.select("event_row", source_group="group", chosen_source_code="code")
    return target_ranks(_targets_possible(pairs).join(chosen_source, on="event_row", how="left")).filter("rule_choice")


def _targets_possible(pairs: pl.DataFrame) -> pl.DataFrame:
    return pairs.filter(~(pl.col("accusative") & _doer_adjective()))
