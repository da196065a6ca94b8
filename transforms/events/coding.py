"""Who did what to whom, when: events coded from triggers, actor mentions and dates.

For every trigger (triggers.py) the sentence's participants — named actors, state
institutions, demonyms, places and generic agents (actors/mentions.py) — are joined to it and
given roles by position, as Arabic news builds its sentences:
- the places of a dateline («دبي، الإمارات العربية المتحدة (CNN)--») take no role;
- source: for a verb, the first participant after it (VSO: «وقع النظام السوري …»), else the
  nearest before it (SVO: «تركيا … أرسلت») — but a subject before a comma, a relative pronoun
  or a verb with و comes after VSO, and a feminine verb's subject is not a man («وطردت
  السفير»); for a verbal noun, the participant right after it (the genitive: «زيارة حفتر
  إلى دمشق»; a place with ل is where to, a demonym further on qualifies another noun);
- passives: the doer after «من قبل», «على يد» is the source («اعتقل ناشطون من قبل الأمن»); an
  impersonal passive («اغتيل», «تم اعتقال») has no other source; a noun whose genitive is
  its patient («اعتقال الناشط») takes its agent only from before it; whoever «تعرض» a trigger
  («تعرضت دمشق لقصف») is its target;
- an object noun whose light verb came earlier («وقع النظام السوري … مذكرة تفاهم», «أجرى
  الوزير محادثات») is read from that verb;
- target: after the trigger, the first participant introduced by the trigger's preposition
  (إلى, مع, ضد, على, ب, ل …) or, for a direct object, the first one after the source, else the
  genitive of a noun the preposition introduces («رحبت … بقيام الولايات المتحدة»), else the
  next one introduced by a preposition of direction; «بين X و Y» gives both; never the
  source under another name;
- participants joined by و (coordination) share a role: one event per source × target; a
  symmetric event (a meeting, an agreement) between coordinated subjects pairs them;
- a generic agent (الحكومة, الجيش) or an unknown actor takes the country of the nearest demonym
  or state after it in the sentence, else the article's most named country (CODEBOOK); a group
  headed by someone («وفدا ليبيا برئاسة …») takes its head's code;
- a clause without a subject or target takes the previous event's (Arabic drops them);
- a place stands for its country as a target;
- «هاجم» with a person as attacker or attacked is criticism (111), not force;
- the date is the sentence's date expression nearest the trigger (dates.py) that no trigger of
  another root and no «أن / إن» separates from it, else the report's date with precision
  `unknown`;
- modality: denied (نفى … before the trigger), negated (لم, لن …), background («منذ 2015»,
  سابقا, present-tense control «يسيطر عليها»), conditional, future (سـ, يعتزم, من المقرر
  before it; المرتقب, المزمع after it; what an appeal or demand calls for; a date after the
  report), else asserted.
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize_str
from transforms.events.dates import WEEKDAYS, find_dates
from transforms.events.triggers import find_triggers, modality_words

# prepositions as separate words (normalised) and as proclitics
SEPARATE_PREPOSITIONS = [normalize_str(w) for w in ("إلى", "على", "مع", "ضد", "في", "عن", "من", "بين", "لدى", "نحو", "تجاه", "حول")]
# words a preposition may reach across to its participant: «إلى العاصمة السورية», «إلى جانب قوات حفتر»
PLACE_WORDS = [normalize_str(w) for w in ("العاصمة", "مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ولاية", "إقليم", "مخيم", "جانب")]
# singular masculine heads of actor phrases (normalised, without ال): «وطردت السفير» — the
# ambassador is the object of the feminine verb, not its subject
MASCULINE_HEADS = [normalize_str(w) for w in (
    "رئيس", "وزير", "سفير", "جيش", "نظام", "ملك", "أمير", "مبعوث", "مندوب", "متحدث", "قائد", "مدير", "زعيم",
    "مجلس", "برلمان", "حزب", "نائب", "ولي", "عاهل", "مسؤول", "ناطق", "قاضي", "مدعي", "أمين", "تحالف",
)]
DAY_WORDS = [*WEEKDAYS, "امس", "اليوم", "غدا"]
RELATIVES = [normalize_str(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")]
AGENT = "agent"  # the `preposition` of a passive's doer: «من قبل X», «على يد X»
MAX_DATELINE = 8  # tokens from a sentence's first place to the dash that ends its dateline
MAX_SOURCE_BEFORE = 12  # tokens between a subject and its verb (SVO)
MAX_TARGET_AFTER = 15
# ties between candidates for a role go to the longer span, then the more specific code
ROLE_ORDER = ["event_row", "rank", "last_token_right", "code", "group"]
ROLE_DESCENDING = [False, False, True, True, False]
MAX_FALLBACK_TARGET_AFTER = 8
MAX_AGENT_AFTER = 6  # tokens from a trigger to «من قبل» / «على يد» and its doer
MAX_GENITIVE_AFTER = 6  # tokens from a verbal noun to its agent: «زيارة أخرى لرئيس المخابرات»
MAX_UNDERGONE_GAP = 6  # tokens from «تعرضت» to the trigger it introduces
UNDERGO = "^[وف]?(تعرض|تعرضت|تعرضا|تعرضتا|تعرضوا|يتعرض|تتعرض|يتعرضان|تتعرضان|يتعرضون)$"
AGAINST = normalize_str("ضد")
FALLBACK_PREPOSITIONS = [normalize_str(w) for w in ("على", "ضد", "إلى", "مع", "في")] + ["ب", "ل"]
MAX_DATE_DISTANCE = 90  # characters between a trigger and the date expression that dates it
# «أن / إن …» opens a reported clause: a date on one side does not date a trigger on the other
COMPLEMENTIZERS = [normalize_str(w) for w in ("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم")]
MAX_COORDINATION_GAP = 5  # tokens from one coordinated participant to the next «و…»
MAX_LIGHT_VERB_GAP = 25  # tokens from a light verb (وقع, شن …) to its object noun
MAX_BETWEEN_GAP = 6  # tokens from «بين X و Y» to the symmetric trigger it belongs to
MAX_CALL_GAP = 10  # tokens from an appeal or demand (دعا, طالب) to the act it calls for
# verbs whose event is named by their object noun (normalised, without و/ف)
LIGHT_VERBS = [
    normalize_str(w)
    for lemma in (
        "وقع وقعت وقعا وقعتا وقعوا يوقع توقع يوقعان توقعان يوقعون",
        "أبرم أبرمت أبرما أبرموا يبرم تبرم",
        "شن شنت شنا شنوا يشن تشن يشنون",
        "أجرى أجرت أجريا أجروا يجري تجري",
        "عقد عقدت عقدا عقدوا يعقد تعقد يعقدان",
        "فرض فرضت فرضا فرضوا يفرض تفرض",
        "قدم قدمت قدما قدموا يقدم تقدم",
        "أرسل أرسلت أرسلا أرسلوا يرسل ترسل",
    )
    for w in lemma.split()
]
VERBAL_ATTACK_LEMMA, CRITICISM = "هاجم", "111"
# present-tense control («المناطق التي يسيطر عليها الأكراد») describes who holds a place: a
# standing situation, coded as background
STANDING_CODE = "192"
MODALITY_ORDER = ["denied", "negated", "background", "conditional", "future", "asserted"]

EVENT_SCHEMA = {
    "article_id": pl.String,
    "sentence_index": pl.Int32,
    "trigger_start": pl.Int64,
    "trigger_end": pl.Int64,
    "trigger": pl.String,
    "cameo_code": pl.String,
    "is_symmetric": pl.Boolean,
    "source_actor_id": pl.String,
    "source_code": pl.String,
    "target_actor_id": pl.String,
    "target_code": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_expression": pl.String,
    "modality": pl.String,
}


def participants(tokens: pl.DataFrame, entities: pl.DataFrame, references: pl.DataFrame) -> pl.DataFrame:
    """Every actor-like span of a sentence with its token range, code, clitic and the
    preposition that introduces it (`preposition`; AGENT for «من قبل», «على يد»), or that
    introduces the noun it depends on (`via`: «بقيام الولايات المتحدة», «على مواقع الحوثيين»)."""
    named = entities.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.coalesce("cameo_code", pl.when(pl.col("mention_kind") == "place").then(pl.col("country_code"))),
        country="country_code", role=pl.lit(None, pl.String), kind="mention_kind",
        is_place=pl.col("entity_type") == "LOC", is_person=pl.col("entity_type") == "PER",
    )
    refs = references.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.when(pl.col("reference_kind") == "agent").then(None).otherwise(
            pl.coalesce("cameo_code", "country_code")
        ),
        country="country_code", role="role_code", kind="reference_kind", is_place=pl.lit(False), is_person=pl.lit(False),
    )
    spans = pl.concat([named, refs])
    first = tokens.select("article_id", pl.col("start"), pl.col("token_index").alias("first_token"))
    last = tokens.select("article_id", pl.col("end"), pl.col("token_index").alias("last_token"))
    marked = spans.join(first, on=["article_id", "start"]).join(last, on=["article_id", "end"])
    frame = _outside_datelines(_with_prepositions(_with_gender(marked, tokens), tokens), tokens)
    frame = _fill_agent_countries(frame).filter(pl.col("code").is_not_null()).sort(
        ["article_id", "first_token", "last_token", "code"], descending=[False, False, True, False]
    )
    return _headed_by(frame, tokens.select("article_id", "sentence_index", "token_index", "norm"))


def _with_gender(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`masculine`: a singular masculine head — a man named (not «الوزيرة …»), or «الرئيس»,
    «الجيش», «السفير» … (MASCULINE_HEADS) — which cannot be the subject of a feminine verb."""
    head = tokens.select("article_id", first_token="token_index", head=pl.col("norm").str.replace("^[وفبلك]?(ال|ل)?", ""))
    return spans.join(head, on=["article_id", "first_token"], how="left").with_columns(
        masculine=(pl.col("is_person") & ~pl.col("head").str.ends_with("ه")) | pl.col("head").is_in(MASCULINE_HEADS)
    ).drop("head")


def _with_prepositions(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`preposition`: a clitic (بدمشق), the word before (مع تركيا), two words back across a
    place word («إلى العاصمة السورية دمشق», not «في مواجهة قوات حفتر»), or AGENT after «من
    قبل», «على يد/أيدي», «بيد» (the doer of a passive). `via`: the preposition of the noun
    the span is the genitive of: a clitic on the word before («رحبت … بقيام الولايات
    المتحدة») or a separate word two back («هجوم على مواقع الحوثيين»)."""
    words = tokens.select("article_id", "sentence_index", "token_index", "norm")
    for back in (1, 2):
        spans = spans.join(
            words.select("article_id", "sentence_index", pl.col("token_index") + back, pl.col("norm").alias(f"w{back}")),
            left_on=["article_id", "sentence_index", "first_token"],
            right_on=["article_id", "sentence_index", "token_index"],
            how="left",
        )
    w1, w2 = pl.col("w1").fill_null(""), pl.col("w2").fill_null("")
    agent = ((w2 == "من") & (w1 == "قبل")) | ((w2 == "علي") & w1.is_in(["يد", "ايدي"])) | w1.is_in(["بيد", "بايدي"])
    word = (
        pl.when(w1.is_in(SEPARATE_PREPOSITIONS)).then(w1)
        .when(w2.is_in(SEPARATE_PREPOSITIONS) & w1.is_in(PLACE_WORDS)).then(w2)
    )
    noun_clitic = pl.when(~w1.is_in(SEPARATE_PREPOSITIONS) & (w1.str.len_chars() >= 4)).then(w1.str.extract("^([بل])", 1))
    return spans.with_columns(
        preposition=pl.when(agent).then(pl.lit(AGENT))
        .otherwise(pl.coalesce(pl.col("clitic").str.extract("([بلك])", 1), word)),
        via=pl.coalesce(noun_clitic, pl.when(w2.is_in(SEPARATE_PREPOSITIONS)).then(w2)),
    ).rename({"w1": "previous_word"}).drop("w2")


def _outside_datelines(spans: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop the places of a dateline: «دبي، الإمارات العربية المتحدة (CNN)-- رحبت البحرين …» —
    a sentence that opens with a place and has a dash within its first words."""
    keys = ["article_id", "sentence_index"]
    opening = tokens.group_by(keys).agg(sentence_first=pl.col("token_index").min())
    dash = (
        tokens.join(opening, on=keys)
        .filter(
            (pl.col("token_index") - pl.col("sentence_first")).is_between(1, MAX_DATELINE)
            & pl.col("gap_before").str.contains("[-–—]")
        )
        .group_by(keys).agg(dash=pl.col("token_index").min())
    )
    dated = (
        spans.filter("is_place").join(opening, on=keys)
        .filter(pl.col("first_token") == pl.col("sentence_first"))
        .select(keys).unique()
        .join(dash, on=keys)
    )
    inside = spans.join(dated, on=keys, how="left").filter(pl.col("last_token") < pl.col("dash"))
    return spans.join(inside.select("article_id", "first_token", "last_token"), on=["article_id", "first_token", "last_token"], how="anti")


def _headed_by(parts: pl.DataFrame, words: pl.DataFrame) -> pl.DataFrame:
    """«وفدا ليبيا برئاسة عبد الرحمن الأحيرش»: a group headed by an actor takes that actor's code."""
    heads = words.filter(pl.col("norm").str.contains("^(برياسه|بقياده|يتراسه|يقوده|تقوده|تتراسه)$"))
    leader = (
        parts.select("article_id", "sentence_index", "first_token", "last_token", "actor_id", "code")
        .join(heads.select("article_id", "sentence_index", head="token_index"), on=["article_id", "sentence_index"])
        .filter((pl.col("first_token") > pl.col("head")) & (pl.col("first_token") - pl.col("head") <= 2))
        .sort("article_id", "head", "first_token")
        .unique(["article_id", "head"], keep="first", maintain_order=True)
        .select("article_id", "sentence_index", "head", lead_actor="actor_id", lead_code="code")
    )
    led = (
        parts.with_row_index("part_index")
        .join(leader, on=["article_id", "sentence_index"])
        .filter((pl.col("head") > pl.col("last_token")) & (pl.col("head") - pl.col("last_token") <= 2))
        .select("part_index", "lead_actor", "lead_code")
    )
    return (
        parts.with_row_index("part_index")
        .join(led, on="part_index", how="left")
        # only a bare country gains from its leader's code («وفدا ليبيا» → LBYGOV)
        .with_columns(lead=pl.col("lead_code").is_not_null() & (pl.col("code").str.len_chars() == 3))
        .with_columns(
            actor_id=pl.when("lead").then(pl.col("lead_actor")).otherwise(pl.col("actor_id")),
            code=pl.when("lead").then(pl.col("lead_code")).otherwise(pl.col("code")),
        )
        .drop("lead")
        .drop("part_index", "lead_actor", "lead_code")
    )


def _fill_agent_countries(frame: pl.DataFrame) -> pl.DataFrame:
    """An actor without a country of its own — a generic agent (الحكومة, الناشطين), or a person,
    group or place the dictionary does not know — takes the country of the nearest state or
    demonym after it in the sentence (within a few words: «الحكومة الموازية في الشرق الليبي»),
    else the article's most named country (CODEBOOK: generic agents, places as targets)."""
    countries = frame.filter(pl.col("country").is_not_null() & pl.col("role").is_null())
    article_country = (
        countries.group_by("article_id", "country").len()
        .sort(["article_id", "len", "country"], descending=[False, True, False])
        .unique("article_id", keep="first", maintain_order=True)
        .select("article_id", article_country="country")
    )
    needs_country = (pl.col("kind") == "agent") | pl.col("code").is_null()
    agents = frame.filter(needs_country).with_row_index("agent_row")
    nearest = (
        agents.select("agent_row", "article_id", "sentence_index", "last_token")
        .join(countries.select("article_id", "sentence_index", pl.col("first_token").alias("c_first"), "country"),
              on=["article_id", "sentence_index"])
        .filter((pl.col("c_first") > pl.col("last_token")) & (pl.col("c_first") - pl.col("last_token") <= 6))
        .sort("agent_row", "c_first")
        .unique("agent_row", keep="first", maintain_order=True)
        .select("agent_row", near_country="country")
    )
    agents = (
        agents.join(nearest, on="agent_row", how="left")
        .join(article_country, on="article_id", how="left")
        .with_columns(country=pl.coalesce("country", "near_country", "article_country"))
        .with_columns(code=pl.col("country") + pl.col("role").fill_null(""))
        .drop("agent_row", "near_country", "article_country")
    )
    return pl.concat([frame.filter(~needs_country), agents])


def coordination_groups(parts: pl.DataFrame) -> pl.DataFrame:
    """`group`: participants chained by و within a few words («النظام السوري، والحكومة …»)."""
    prev_last = pl.col("last_token").shift(1).over("article_id", "sentence_index")
    joined = (
        pl.col("clitic").fill_null("").str.starts_with("و")
        & ((pl.col("first_token") - prev_last) <= MAX_COORDINATION_GAP)
    ).fill_null(False)
    return parts.with_columns(group=(~joined).cum_sum().over("article_id"))


def find_events(articles: pl.DataFrame, sentence_frame: pl.DataFrame, tokens: pl.DataFrame, stems: pl.DataFrame,
                sentence_participants: pl.DataFrame) -> pl.DataFrame:
    """One row per (trigger, source, target) (EVENT_SCHEMA); `sentence_participants` from participants()."""
    triggers = find_triggers(tokens, stems).with_row_index("event_row")
    if triggers.is_empty():
        return pl.DataFrame(schema=EVENT_SCHEMA)
    triggers = _anchor_light_verbs(triggers, tokens)
    triggers = _clause_openings(_undergone(triggers, tokens), tokens)
    marks = _punctuation_marks(tokens)
    parts = (
        coordination_groups(sentence_participants).with_row_index("part_row")
        .join(marks.select("article_id", last_token="token_index", part_marks="marks"), on=["article_id", "last_token"], how="left")
    )
    pairs = triggers.join(parts, on=["article_id", "sentence_index"]).with_columns(
        after=pl.col("first_token_right") - pl.col("anchor_last"),
        before=pl.col("anchor_first") - pl.col("last_token_right"),
    )
    source = _best(_source_candidates(pairs)).select(
        "event_row", source_group="group", source_part="part_row", chosen_source_code="code"
    )
    target = _best(_target_candidates(pairs.join(source, on="event_row", how="left"))).select(
        "event_row", target_group="group"
    )
    source = source.drop("chosen_source_code")
    # a symmetric event with «بين X و Y» anywhere in its sentence: X and Y («التوتر بين أنقرة ودمشق … مواجهات»)
    between = (
        pairs.filter(
            pl.col("symmetric") & (pl.col("preposition") == normalize_str("بين"))
            & ((pl.col("after").abs() <= MAX_BETWEEN_GAP) | (pl.col("before").abs() <= MAX_BETWEEN_GAP))
        )
        .sort("event_row", "first_token_right")
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", between_group="group", between_part="part_row")
    )
    source = (
        triggers.select("event_row").join(source, on="event_row", how="left").join(between, on="event_row", how="left")
        .with_columns(
            source_group=pl.coalesce("between_group", "source_group"),
            source_part=pl.coalesce("between_part", "source_part"),
        )
        .filter(pl.col("source_group").is_not_null())
        .drop("between_group", "between_part")
    )
    target = target.join(between, on="event_row", how="anti")
    members = parts.select("group", "part_row", "actor_id", "code", "is_person")
    events = (
        triggers.join(source, on="event_row", how="left")
        .join(target, on="event_row", how="left")
        .join(parts.select("article_id", *[pl.col(c).alias(f"source_{c}") for c in members.columns]),
              on=["article_id", "source_group"], how="left")
        .join(parts.select("article_id", *[pl.col(c).alias(f"target_{c}") for c in members.columns]),
              on=["article_id", "target_group"], how="left")
    )
    # a symmetric event with coordinated subjects and no target pairs the subjects
    symmetric = events.filter(pl.col("symmetric") & pl.col("target_group").is_null() & pl.col("source_part").is_not_null())
    lead = symmetric.filter(pl.col("source_part_row") == pl.col("source_part")).select(
        "event_row", lead_actor="source_actor_id", lead_code="source_code")
    paired = (
        symmetric.filter(pl.col("source_part_row") != pl.col("source_part")).join(lead, on="event_row")
        .with_columns(target_actor_id="source_actor_id", target_code="source_code",
                      source_actor_id="lead_actor", source_code="lead_code")
        .drop("lead_actor", "lead_code")
    )
    events = pl.concat([
        events.join(paired.select("event_row").unique(), on="event_row", how="anti"),
        paired,
    ], how="diagonal_relaxed")
    # an event needs an actor; one whose source and target are the same is dropped only after
    # its roles have served as context for the next clause (_inherit_missing_roles)
    events = events.filter(pl.col("source_code").is_not_null() | pl.col("target_code").is_not_null())
    events = _inherit_missing_roles(_verbal_attacks(events))
    events = _with_dates(events, sentence_frame, tokens, articles, triggers)
    events = _with_modality(events, tokens, triggers)
    return _finish(events, tokens, articles)


def _verbal_attacks(events: pl.DataFrame) -> pl.DataFrame:
    """«هاجم أردوغان نتنياهو»: a person named as the attacker or the attacked makes هاجم an
    attack in words — criticism (111), not military force (190)."""
    in_words = (pl.col("lemma") == VERBAL_ATTACK_LEMMA) & (
        pl.col("source_is_person").fill_null(False) | pl.col("target_is_person").fill_null(False)
    )
    return events.with_columns(cameo_code=pl.when(in_words).then(pl.lit(CRITICISM)).otherwise(pl.col("cameo_code")))


def _best(candidates: pl.DataFrame) -> pl.DataFrame:
    """The best-ranked candidate of each event (ties: ROLE_ORDER)."""
    return candidates.sort(ROLE_ORDER, descending=ROLE_DESCENDING).unique("event_row", keep="first", maintain_order=True)


def _source_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """Who does it, ranked (lower is better). A passive's doer («من قبل», «على يد») comes first;
    an impersonal passive («اغتيل», «تم اعتقال») has no other source; a noun whose genitive is
    its patient («اعتقال الناشط») takes its agent only from before it; the agent of one that
    is undergone («تعرضت دمشق لقصف إسرائيلي») follows it."""
    unmarked = pl.col("preposition").is_null()
    genitive = pl.col("source_role") == "genitive"
    patient_noun = (pl.col("source_role") == "none") & pl.col("form_kind").is_in(["verbal_noun", "phrase"])
    subject = (pl.col("source_role") == "subject") | patient_noun
    no_subject_before = pl.col("undergone_verb").is_not_null()
    # a demonym alone qualifies the noun before it: the trigger («غارات جوية روسية»), or, further
    # on, another noun («قصف موقع عسكري سوري»: the site is Syrian, the bombing is not)
    loose_adjective = (pl.col("kind") == "nisba") & (pl.col("after") > 2)
    # after a verb that reads as active, «من قبل» makes it passive only right after the verb's
    # first participant («اعتقل ناشطون من قبل الأمن»), not in «استنكرت الحكومة التعنت من قبل …»
    active_verb = (pl.col("source_role") == "subject") & pl.col("form_kind").str.starts_with("verb")
    first_after = pl.col("first_token_right").filter(pl.col("after") >= 1).min().over("event_row")
    first_end = pl.col("last_token_right").filter(pl.col("first_token_right") == first_after).max().over("event_row")
    right_after_first = (pl.col("first_token_right") == first_after) | (pl.col("first_token_right") - 3 == first_end)
    return pl.concat([
        pairs.filter((pl.col("preposition") == AGENT) & pl.col("after").is_between(1, MAX_AGENT_AFTER)
                     & (~active_verb | right_after_first))
        .with_columns(rank=pl.col("after") - 100),
        # «قيام روسيا بإرسال …»: a verbal noun with ب after its agent
        pairs.filter(genitive & pl.col("clitic").str.contains("ب") & pl.col("before").is_between(1, 2) & unmarked
                     & ~no_subject_before)
        .with_columns(rank=pl.col("before") - 10),
        # a verbal noun's agent follows it, bare or with ل: «زيارة حفتر», «زيارة أخرى لرئيس المخابرات»
        # (a place with ل is where to: «زيارة للسعودية»)
        pairs.filter(genitive & pl.col("after").is_between(1, MAX_GENITIVE_AFTER)
                     & (unmarked | ((pl.col("preposition") == "ل") & ~pl.col("is_place"))) & ~loose_adjective)
        .with_columns(rank=pl.col("after")),
        # a subject right before the verb: «أن وزير الخارجية السوري وليد المعلم استقبل»; after
        # VSO when a comma, a relative pronoun or a conjunction opens the verb's clause («… إدلب،
        # إذ دعت أنقرة», «سجن الخواجة الذي ترفض سلطات البحرين», «… والولايات المتحدة، وطردت»)
        pairs.filter(subject & pl.col("before").is_between(1, 2) & unmarked & ~no_subject_before)
        .with_columns(rank=pl.col("before") + pl.when(
            pl.col("opens_clause") | (pl.col("anchor_marks") != pl.col("part_marks"))).then(250).otherwise(100)),
        # VSO: «وقع النظام السوري»; a feminine verb's subject is not a man («وطردت السفير»)
        pairs.filter((pl.col("source_role") == "subject") & pl.col("after").is_between(1, 3) & unmarked
                     & ~no_subject_before & ~(pl.col("feminine") & pl.col("masculine")))
        .with_columns(rank=pl.col("after") + 200),
        # SVO further back, but not past the previous trigger
        pairs.filter(
            subject & pl.col("before").is_between(3, MAX_SOURCE_BEFORE) & unmarked & ~no_subject_before
            & (pl.col("first_token_right") > pl.col("previous_end"))
        ).with_columns(rank=pl.col("before") + 300),
    ])


def _target_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """To whom, ranked. `pairs` carries the chosen `source_group` and `chosen_source_code`."""
    after = pl.col("after")
    marker = pl.col("target_marker")
    prepositional = marker.is_not_null() & ~marker.is_in(["object", "none"])
    undergone = pl.col("undergone_verb")
    candidates = pl.concat([
        # «تعرضت دمشق لقصف»: whoever undergoes it, between the verb and the trigger or before the verb
        pairs.filter(undergone.is_not_null() & (pl.col("last_token_right") < pl.col("anchor_first"))
                     & ((pl.col("first_token_right") > undergone) | (undergone - pl.col("last_token_right")).is_between(1, 2)))
        .with_columns(rank=(pl.col("first_token_right") - undergone).abs() - 100),
        # the trigger's own preposition: «زيارة إلى دمشق», «هجوم على مواقع»
        pairs.filter(after.is_between(1, MAX_TARGET_AFTER) & prepositional & (pl.col("preposition") == marker))
        .with_columns(rank=after),
        # a direct object: «اعتقلت السلطات الناشط»
        pairs.filter((marker == "object") & after.is_between(1, MAX_TARGET_AFTER) & pl.col("preposition").is_null())
        .with_columns(rank=after),
        # the genitive of a noun the trigger's preposition introduces: «رحبت … بقيام الولايات المتحدة»
        pairs.filter(after.is_between(2, MAX_TARGET_AFTER) & prepositional & (pl.col("via") == marker)
                     & pl.col("preposition").is_null())
        .with_columns(rank=after + 50),
        # failing the trigger's own preposition, the next actor after it introduced by another
        # preposition of direction («غارة … على مواقع للحوثيين») — never من/عن, which name
        # sources; ضد («against») reaches as far as the trigger's own preposition
        pairs.filter(
            pl.col("preposition").is_in(FALLBACK_PREPOSITIONS)
            & after.is_between(1, pl.when(pl.col("preposition") == AGAINST).then(MAX_TARGET_AFTER).otherwise(MAX_FALLBACK_TARGET_AFTER))
        )
        .with_columns(rank=after + 100),
    ])
    # nor the source again under another name («العاهل السعودي الملك سلمان»)
    return candidates.filter(
        (pl.col("group") != pl.col("source_group").fill_null(-1)) & pl.col("code").ne_missing(pl.col("chosen_source_code"))
    )


def _punctuation_marks(tokens: pl.DataFrame) -> pl.DataFrame:
    """`marks`: how many tokens of the article so far follow punctuation — equal at two tokens
    when no punctuation stands between them. Commas around a day («أعلن الجيش، الجمعة، قصف»)
    do not count."""
    day = pl.col("norm").str.replace("^[وفبل]", "").is_in(DAY_WORDS)
    near_day = day | day.shift(1).over("article_id").fill_null(False)
    marked = (pl.col("gap_before") != "") & ~near_day
    return tokens.select("article_id", "token_index", marks=marked.cast(pl.Int32).cum_sum().over("article_id"))


def _clause_openings(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`anchor_marks` (see _punctuation_marks) and `opens_clause`: the trigger opens a clause of
    its own — a verb with و/ف («وطردت»; not a coordinated noun «والغاز»), or after a relative
    pronoun."""
    marks = _punctuation_marks(tokens).select("article_id", anchor_first="token_index", anchor_marks="marks")
    previous = tokens.select("article_id", (pl.col("token_index") + 1).alias("anchor_first"), previous_word="norm")
    return (
        triggers.join(marks, on=["article_id", "anchor_first"], how="left")
        .join(previous, on=["article_id", "anchor_first"], how="left")
        .with_columns(
            opens_clause=(
                (pl.col("clitic").str.contains("^[وف]") & pl.col("form_kind").str.starts_with("verb")
                 & (pl.col("anchor_first") == pl.col("first_token")))
                | pl.col("previous_word").is_in(RELATIVES)
            ).fill_null(False)
        )
        .drop("previous_word")
    )


def _undergone(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`undergone_verb`: the token of «تعرض / يتعرض …» a few words before a trigger — «تعرضت
    مواقع للنظام لقصف إسرائيلي»: who undergoes it is the target, not the source."""
    keys = ["article_id", "sentence_index"]
    verbs = tokens.filter(pl.col("norm").str.contains(UNDERGO)).select(*keys, undergone_verb="token_index")
    found = (
        triggers.select("event_row", *keys, "first_token").join(verbs, on=keys)
        .filter((pl.col("first_token") - pl.col("undergone_verb")).is_between(1, MAX_UNDERGONE_GAP))
        .sort("event_row", "undergone_verb", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "undergone_verb")
    )
    return triggers.join(found, on="event_row", how="left")


def _anchor_light_verbs(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Roles are sought around `anchor_first`/`anchor_last`: the trigger itself, or — for an
    object noun («مذكرة تفاهم», «هجوما») whose light verb came earlier with the subject between
    («وقع النظام السوري … الأحد مذكرة تفاهم») — that verb. `previous_end` is the previous
    trigger's last token in the sentence, which bounds a subject found before this one."""
    keys = ["article_id", "sentence_index"]
    triggers = triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        previous_end=pl.col("last_token").shift(1).over(keys).fill_null(-1)
    )
    first_words = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("norm").alias("first_word"))
    verbs = tokens.filter(  # «وقع» itself starts with و: try the word with and without it
        pl.col("norm").is_in(LIGHT_VERBS) | pl.col("norm").str.replace("^[وف]", "").is_in(LIGHT_VERBS)
    ).select(
        *keys, verb="token_index"
    )
    anchors = (
        triggers.join(first_words, on=["article_id", "first_token"])
        # an object noun («مذكرة تفاهم», «مساعدات»), not a phrase that starts with its own verb («تشن هجوما»)
        .filter(
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & pl.col("source_role").is_in(["subject", "genitive"])
            & pl.col("first_word").str.contains("^([وفبل]?ال|.+(ه|ات|ا)$)")
        )
        .join(verbs, on=keys)
        .filter(
            (pl.col("verb") < pl.col("first_token"))
            & (pl.col("first_token") - pl.col("verb") <= MAX_LIGHT_VERB_GAP)
            & (pl.col("verb") > pl.col("previous_end"))
        )
        .sort("event_row", "verb", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "verb")
    )
    return (
        triggers.join(anchors, on="event_row", how="left")
        .with_columns(
            anchor_first=pl.coalesce("verb", "first_token"),
            anchor_last=pl.coalesce("verb", "last_token"),
            # the light verb's subject is the noun's agent: «أجرى الوزير محادثات», «بومبيو الذي أجرى زيارة»
            source_role=pl.when(pl.col("verb").is_not_null()).then(pl.lit("subject")).otherwise(pl.col("source_role")),
        )
        .drop("verb")
    )


def _inherit_missing_roles(events: pl.DataFrame) -> pl.DataFrame:
    """Arabic drops repeated subjects and objects: «وتدعم تركيا … وقد أرسلت جنودا» (Turkey sent),
    «زيارة حفتر إلى دمشق، تلتها زيارة أخرى لرئيس المخابرات» (to Damascus too). A trigger without
    a source takes the previous event's source in the sentence; without a target, the target
    of the previous event of the same quad class (helping, sending aid: «للمساهمة إلى جانب
    قوات حفتر … قيام روسيا بإرسال مقاتلين»)."""
    ordered = events.sort("article_id", "sentence_index", "first_token")
    keys = ["article_id", "sentence_index"]
    root = pl.col("cameo_code").str.slice(0, 2).cast(pl.Int32)
    # CAMEO quad class: 1 verbal cooperation (01–05), 2 material cooperation (06–09),
    # 3 verbal conflict (10–14), 4 material conflict (15–20)
    quad = pl.when(root <= 5).then(1).when(root <= 9).then(2).when(root <= 14).then(3).otherwise(4)
    return ordered.with_columns(
        source_actor_id=pl.coalesce("source_actor_id", pl.col("source_actor_id").forward_fill().over(keys)),
        source_code=pl.coalesce("source_code", pl.col("source_code").forward_fill().over(keys)),
    ).with_columns(
        target_actor_id=pl.coalesce("target_actor_id", pl.col("target_actor_id").forward_fill().over([*keys, quad])),
        target_code=pl.coalesce("target_code", pl.col("target_code").forward_fill().over([*keys, quad])),
    ).filter(
        (pl.col("source_actor_id") != pl.col("target_actor_id")).fill_null(True)
        & (pl.col("source_code") != pl.col("target_code")).fill_null(True)
    )


def _with_dates(events: pl.DataFrame, sentence_frame: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame,
                triggers: pl.DataFrame) -> pl.DataFrame:
    """The nearest date expression within MAX_DATE_DISTANCE characters, unless a trigger of
    another root or a «أن / إن» stands between: «اتهمت سوريا إسرائيل بشن هجوم الاثنين» dates the attack,
    «أفاد مصدر الأربعاء أن السفير اجتمع …» dates the report, not the meeting."""
    keys = ["article_id", "sentence_index"]
    dates = find_dates(sentence_frame, articles).with_row_index("date_row")
    sentence_start = sentence_frame.select(*keys, s_start="start")
    position = tokens.join(sentence_start, on=keys).select(
        "article_id", "token_index", "norm", rel=pl.col("start") - pl.col("s_start")
    )
    located = events.select("event_row", *keys, "first_token", "cameo_code").unique().join(
        position.select("article_id", first_token="token_index", rel="rel"), on=["article_id", "first_token"]
    )
    near = (
        located.join(dates, on=keys)
        .with_columns(distance=(pl.col("position") - pl.col("rel")).abs())
        .filter(pl.col("distance") <= MAX_DATE_DISTANCE)
    )
    root = pl.col("cameo_code").str.slice(0, 2)
    blockers = pl.concat([
        triggers.select(*keys, token_index="first_token", blocker_root=root),
        tokens.filter(pl.col("norm").is_in(COMPLEMENTIZERS)).select(*keys, "token_index", blocker_root=pl.lit("")),
    ]).join(position.select("article_id", "token_index", blocker="rel"), on=["article_id", "token_index"])
    blocked = (
        near.select("event_row", "date_row", *keys, "rel", "position", root=root)
        .join(blockers.select(*keys, "blocker", "blocker_root"), on=keys)
        # a trigger of the same root is another word for the same event («حق النقض "الفيتو"»)
        .filter(
            (pl.col("blocker") != pl.col("rel")) & (pl.col("blocker_root") != pl.col("root"))
            & (pl.col("blocker") > pl.min_horizontal("rel", "position"))
            & (pl.col("blocker") < pl.max_horizontal("rel", "position"))
        )
        .select("event_row", "date_row")
    )
    nearest = (
        near.join(blocked, on=["event_row", "date_row"], how="anti")
        .sort("event_row", "distance")
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", "event_date", "date_precision", date_expression="expression", since="since")
    )
    report = articles.select("article_id", report_date=pl.col("published_at").dt.date())
    return (
        events.join(nearest, on="event_row", how="left")
        .join(report, on="article_id", how="left")
        .with_columns(
            date_precision=pl.when(pl.col("event_date").is_null()).then(pl.lit("unknown")).otherwise(pl.col("date_precision")),
            event_date=pl.coalesce("event_date", "report_date"),
        )
    )


def _with_modality(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    words = modality_words()
    keys = ["article_id", "sentence_index"]
    distance = (
        pl.when(pl.col("token_index") < pl.col("first_token")).then(pl.col("first_token") - pl.col("token_index"))
        .otherwise(pl.col("token_index") - pl.col("last_token"))
    )
    context = (
        events.select("event_row", *keys, "first_token", "last_token").unique()
        .join(tokens.select(*keys, "token_index", "norm"), on=keys)
        .filter((pl.col("token_index") < pl.col("first_token")) | (pl.col("token_index") > pl.col("last_token")))
        .with_columns(distance=distance, is_after=pl.col("token_index") > pl.col("last_token"),
                      bare=pl.col("norm").str.replace("^[وف]", ""))
        .join(words, left_on="bare", right_on="norm")
        .filter(
            (pl.col("is_after") == (pl.col("scope") == "after"))
            & ((pl.col("scope") == "sentence") | (pl.col("distance") <= 3))
        )
        # «قد» before a present-tense verb is «may»; before a past one («وقد انعكس») it asserts
        .join(tokens.select("article_id", (pl.col("token_index") - 1).alias("token_index"), pl.col("norm").alias("next_word")),
              on=["article_id", "token_index"], how="left")
        .filter((pl.col("bare") != "قد") | pl.col("next_word").str.contains("^[يتن]"))
        # «لا يزال», «ما زال» mean «still»: nothing is negated
        .filter(~(pl.col("bare").is_in(["لا", "ما"]) & pl.col("next_word").is_in(["يزال", "تزال", "زال", "زالت", "يزالون"])))
        .group_by("event_row")
        .agg(pl.col("modality"))
    )
    found = (
        events.join(context, on="event_row", how="left")
        .join(_called_for(events, tokens, triggers), on="event_row", how="left")
        .with_columns(pl.col("modality").fill_null([]), called_for=pl.col("called_for").fill_null(False))
    )
    has = lambda m: pl.col("modality").list.contains(m)  # noqa: E731
    return found.with_columns(
        modality=pl.when(has("denied")).then(pl.lit("denied"))
        .when(has("negated")).then(pl.lit("negated"))
        # a date after the report's is the future, whatever else the sentence suggests
        .when(pl.col("event_date") > pl.col("report_date")).then(pl.lit("future"))
        .when(pl.col("since").fill_null(False) | has("background")
              | ((pl.col("cameo_code") == STANDING_CODE) & (pl.col("form_kind") == "verb_present"))).then(pl.lit("background"))
        .when(has("conditional")).then(pl.lit("conditional"))
        .when(pl.col("clitic").str.contains("س") | has("future") | has("intent") | pl.col("called_for")).then(pl.lit("future"))
        .otherwise(pl.lit("asserted"))
    )


def _called_for(events: pl.DataFrame, tokens: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """`called_for`: the event is what an appeal or demand earlier in the sentence asks for —
    «دعا … الناخبين إلى مقاطعة الانتخابات», «طالبت … بإطلاق سراح»: introduced by إلى or بـ
    within a few words of a trigger of root 02 (appeal) or 10 (demand)."""
    keys = ["article_id", "sentence_index"]
    calls = triggers.filter(pl.col("cameo_code").str.slice(0, 2).is_in(["02", "10"])).select(*keys, call_end="last_token")
    previous = tokens.select("article_id", (pl.col("token_index") + 1).alias("first_token"), pl.col("norm").alias("previous_word"))
    return (
        events.select("event_row", *keys, "first_token", "clitic").unique("event_row")
        .join(previous, on=["article_id", "first_token"], how="left")
        .filter(pl.col("clitic").str.contains("ب") | (pl.col("previous_word") == normalize_str("إلى")))
        .join(calls, on=keys)
        .filter((pl.col("first_token") - pl.col("call_end")).is_between(1, MAX_CALL_GAP))
        .select("event_row", called_for=pl.lit(True))
        .unique()
    )


def _finish(events: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    first = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("start").alias("trigger_start"))
    last = tokens.select("article_id", pl.col("token_index").alias("last_token"), pl.col("end").alias("trigger_end"))
    # the trigger as written, cut from the article: «شن #هجمات» keeps its hashtag
    as_written = pl.col("text").str.slice(pl.col("trigger_start"), pl.col("trigger_end") - pl.col("trigger_start"))
    return (
        events.join(first, on=["article_id", "first_token"]).join(last, on=["article_id", "last_token"])
        .join(articles.select("article_id", "text"), on="article_id")
        .with_columns(trigger=as_written)
        .rename({"symmetric": "is_symmetric"})
        .select(list(EVENT_SCHEMA))
        .cast(EVENT_SCHEMA)
        .unique(maintain_order=True)
        .sort("article_id", "trigger_start", "source_code", "target_code", nulls_last=True)
    )
