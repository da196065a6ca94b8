"""The event trigger lexicon (transforms/lexicon/events/) and finding triggers in tokens.

Triggers are matched by the same clitic-aware join as actor names (actors/matching.py), with
one more prefix: the future marker سـ on a present-tense verb (سيزور → يزور, marked future).
The object nouns of light_verb_objects.tsv («عقوبات», «اتفاقية») are candidates only: they are
kept where nothing else is a trigger, and only as their light verb's object
(clauses._anchor_light_verbs).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import polars as pl

from transforms.actors.lexicon import ALIAS_SCHEMA, build_aliases, indefinite_demonyms, read_table, read_word_list
from transforms.actors.matching import candidate_stems, find_aliases, resolve_overlaps
from transforms.arabic import normalize
from transforms.segmentation import at_token

EVENTS_DIR = Path(__file__).resolve().parent.parent / "lexicon" / "events"
# a damma (U+064F) within the first letters of a verb, after و/ف (diacritics count as letters here)
PASSIVE_MARK = r"^[وف]?[^\s]{0,3}\x{064F}"
# سـ + a present-tense prefix (ي ت ن أ): سيزور, وستعقد — the event is announced, not done
FUTURE_FORM = ((r"^([وف]?س)([يتنا].{2,})$", False),)


@cache
def trigger_lexicon() -> tuple[pl.DataFrame, pl.DataFrame]:
    """(aliases for the matcher, trigger attributes by alias_id). An object noun's attributes
    hold `light_verbs`, the normalised lemmas of the verbs it must be the object of (null for
    every other trigger)."""
    files = sorted(EVENTS_DIR.glob("triggers_*.tsv"))  # one file per group of CAMEO roots
    objects = read_table(EVENTS_DIR / "light_verb_objects.tsv").with_columns(
        form_kind=pl.lit("verbal_noun"), source_role=pl.lit("subject"),
        light_verbs=normalize(pl.col("light_verbs")).str.split(" "),
    )
    triggers = pl.concat([read_table(path) for path in files] + [objects], how="diagonal").filter(
        pl.col("form_ar").is_not_null() & pl.col("cameo_code").is_not_null()
    )
    aliases = build_aliases(
        [
            triggers.select(
                actor_id=pl.lit(None, pl.String),
                kind=pl.lit("trigger"),
                entity_type=pl.lit(None, pl.String),
                country_code=pl.lit(None, pl.String),
                role_code=pl.col("cameo_code"),  # keeps one alias per (form, code)
                agent_kind=pl.lit(None, pl.String),
                alias=pl.col("form_ar"),
            ).cast(ALIAS_SCHEMA)
        ]
    )
    # a multi-word form never equals lemma + ت: in «شنت مقاتلات» the subject is inside the trigger
    form = normalize(pl.col("form_ar"))
    attributes = aliases.select("alias_id", "alias", cameo_code="role_code").join(
        triggers.select(
            alias="form_ar", cameo_code="cameo_code", lemma="lemma_ar", form_kind="form_kind",
            source_role="source_role", symmetric=pl.col("symmetric") == "yes", light_verbs="light_verbs",
            # a 3rd person feminine verb (طردت, تدعم) needs a feminine or plural subject
            feminine=((pl.col("form_kind") == "verb_past") & (form == normalize(pl.col("lemma_ar")) + "ت"))
            | ((pl.col("form_kind") == "verb_present") & form.str.starts_with("ت")),
            verb_agreement=verb_agreement(form.str.extract(r"^(\S+)"), normalize(pl.col("lemma_ar"))),
            # prepositions normalised as the participants' preceding words are (إلى → الي)
            target_marker=pl.when(pl.col("target_marker").is_in(["object", "none"]))
            .then(pl.col("target_marker"))
            .otherwise(normalize(pl.col("target_marker"))),
        ).unique(["alias", "cameo_code"], keep="first", maintain_order=True),
        on=["alias", "cameo_code"],
        how="left",
    )
    # the ل before an indefinite verbal noun is the ل of purpose («للقاء», «لبحث»), before a definite
    # one a mere preposition («للاشتباكات»): modality.py, clauses._purpose_nouns
    attributes = attributes.with_columns(definite=pl.col("alias").str.starts_with("ال"))
    return aliases, attributes.drop("alias")


def verb_agreement(word: pl.Expr, lemma: pl.Expr) -> pl.Expr:
    """Whom a verb form (its first `word`, normalised) agrees with — "masculine", "feminine"
    (singular) or "plural" — to tell whether a relative pronoun right before it is its subject
    (clauses._clause_openings): «الجيش، الذي اعتقل», «الشرطة التي تحقق», «الذين طالبوا»; a plural
    carries its subject, so the noun after it is its object (roles._source_candidates). Null
    for duals, weak verbs whose form differs from the lemma (استولت), and anything else."""
    past, present = pl.col("form_kind") == "verb_past", pl.col("form_kind") == "verb_present"
    singular_present = present & ~word.str.ends_with("ان")
    return (pl.when(~(past | present)).then(None)
            # (not a singular whose root ends so: «تتعاون», «يتعاون» are «تعاون» with its prefix)
            .when(word.str.ends_with("وا") | (present & word.str.ends_with("ون") & (word.str.slice(1) != lemma))).then(pl.lit("plural"))
            .when((past & (word == lemma + "ت")) | (singular_present & word.str.starts_with("ت"))).then(pl.lit("feminine"))
            .when((past & (word == lemma)) | (singular_present & word.str.starts_with("ي"))).then(pl.lit("masculine")))


@cache
def standing_lemmas() -> list[str]:
    """Lemmas whose undated present tense states a standing situation (standing_verbs.txt)."""
    return read_word_list(EVENTS_DIR / "standing_verbs.txt")


@cache
def modality_words() -> pl.DataFrame:
    """form (normalised), modality, scope — from modality.tsv."""
    frame = read_table(EVENTS_DIR / "modality.tsv")
    return frame.select(
        norm=normalize(pl.col("form_ar")),
        modality="modality",
        scope="scope",
    ).unique(["norm", "scope"], keep="first", maintain_order=True)


def find_triggers(tokens: pl.DataFrame, stems: pl.DataFrame) -> pl.DataFrame:
    """article_id, sentence_index, first_token, last_token, clitic, cameo_code and the trigger's
    attributes. `stems`: the batch's candidate_stems, to which the future forms are added."""
    aliases, attributes = trigger_lexicon()
    future = candidate_stems(tokens.filter(pl.col("norm").str.contains("^[وف]?س[يتنا]")), FUTURE_FORM, unstripped=False)
    matches = find_aliases(tokens, aliases, pl.concat([stems, future]))
    is_object = pl.col("alias_id").is_in(attributes.filter(pl.col("light_verbs").is_not_null())["alias_id"].implode())
    standard = resolve_overlaps(matches.filter(~is_object))
    # (object nouns are not resolved among themselves: a form of two rows keeps the row of its verb)
    matches = pl.concat([standard, _direct_objects(matches.filter(is_object), standard)])
    found = matches.select("article_id", "sentence_index", "first_token", "last_token", "clitic", "alias_id").join(
        attributes, on="alias_id"
    )
    return _marked_passives(_nouns_after_lam(found, tokens), tokens)


def _direct_objects(objects: pl.DataFrame, standard: pl.DataFrame) -> pl.DataFrame:
    """The object nouns (light_verb_objects.tsv) that may be a verb's direct object: with no
    proclitic («وقعت مصر اتفاقية», not «بالاتفاقية», «والعقوبات»), and where no other trigger
    stands («توقيع الاتفاقية»: the longer trigger). Their verb: clauses._anchor_light_verbs."""
    keys = ["article_id", "sentence_index"]
    overlapped = objects.join(standard.select(*keys, other_first="first_token", other_last="last_token"), on=keys).filter(
        (pl.col("other_first") <= pl.col("last_token")) & (pl.col("other_last") >= pl.col("first_token")))
    return objects.filter(pl.col("clitic").fill_null("") == "").join(
        overlapped, on=["article_id", "first_token", "alias_id"], how="anti")


def _nouns_after_lam(found: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A past verb's spelling after ل is its verbal noun («لبحث», «لطرد», «لقمع»: to discuss, to
    expel, to crush): ل is never a past verb's proclitic, and undiacritised the two are one
    spelling, which the lexicon lists once, as the verb. A transitive verb's noun names its
    object after it, as «اعتقال» does: «عملياته لطرد المجموعات المتطرفة» — the groups are
    driven out, the doer stands before (roles._patient_role); but a demonym right after it is
    the doer («التعرض لقصف أميركي»)."""
    after_lam = (pl.col("form_kind") == "verb_past") & pl.col("clitic").fill_null("").str.contains("ل")
    patient = after_lam & (pl.col("target_marker") == "object") & ~pl.col("next_norm").is_in(indefinite_demonyms()).fill_null(False)
    return at_token(found, tokens, pl.col("last_token") + 1, next_norm="norm").with_columns(
        form_kind=pl.when(after_lam).then(pl.lit("verbal_noun")).otherwise("form_kind"),
        source_role=pl.when(patient).then(pl.lit("none")).otherwise("source_role"),
    ).drop("next_norm")


def _marked_passives(found: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """A past verb written with a damma on its first letters is a passive: «طُرد», «اعتُقل»,
    «أُعدم», «وقُصف» (the damma is the only mark of it; undiacritised, the active and passive are
    one spelling). Like the lexicon's passives, it has no subject; what follows it is its object."""
    marked = (pl.col("form_kind") == "verb_past") & pl.col("surface").str.contains(PASSIVE_MARK)
    return at_token(found, tokens, "first_token", surface="surface").with_columns(
        form_kind=pl.when(marked).then(pl.lit("verb_passive")).otherwise("form_kind"),
        source_role=pl.when(marked).then(pl.lit("none")).otherwise("source_role"),
        target_marker=pl.when(marked).then(pl.lit("object")).otherwise("target_marker"),
    ).drop("surface")
