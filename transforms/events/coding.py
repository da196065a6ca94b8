"""Who did what to whom, when: events coded from triggers, actor mentions and dates.

For every trigger (triggers.py) the sentence's participants — named actors, state
institutions, demonyms, places and generic agents (actors/mentions.py) — are joined to it and
given roles by position, as Arabic news builds its sentences:
- source: for a verb, the first participant after it (VSO: «وقع النظام السوري …»), else the
  nearest before it (SVO: «تركيا … أرسلت»); for a verbal noun, the participant right after it
  (the genitive: «زيارة حفتر إلى دمشق»);
- an object noun whose light verb came earlier («وقع النظام السوري … مذكرة تفاهم») is read
  from that verb;
- target: after the trigger, the first participant introduced by the trigger's preposition
  (إلى, مع, ضد, على, ب, ل …) or, for a direct object, the first one after the source, else
  the next one introduced by a preposition of direction; «بين X و Y» gives both;
- participants joined by و (coordination) share a role: one event per source × target; a
  symmetric event (a meeting, an agreement) between coordinated subjects pairs them;
- a generic agent (الحكومة, الجيش) or an unknown actor takes the country of the nearest demonym
  or state after it in the sentence, else the article's most named country (CODEBOOK); a group
  headed by someone («وفدا ليبيا برئاسة …») takes its head's code;
- a clause without a subject or target takes the previous event's (Arabic drops them);
- a place stands for its country as a target;
- the date is the sentence's date expression nearest the trigger (dates.py), else the report's
  date with precision `unknown`;
- modality: denied (نفى … before the trigger), negated (لم, لن …), background («منذ 2015»,
  سابقا), conditional, future (سـ, يعتزم, من المقرر …), else asserted.
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize_str
from transforms.events.dates import find_dates
from transforms.events.triggers import find_triggers, modality_words

# prepositions as separate words (normalised) and as proclitics
SEPARATE_PREPOSITIONS = [normalize_str(w) for w in ("إلى", "على", "مع", "ضد", "في", "عن", "من", "بين", "لدى", "نحو", "تجاه", "حول")]
# words a preposition may reach across to its participant: «إلى العاصمة السورية», «إلى جانب قوات حفتر»
PLACE_WORDS = [normalize_str(w) for w in ("العاصمة", "مدينة", "بلدة", "قرية", "محافظة", "منطقة", "ولاية", "إقليم", "مخيم", "جانب")]
MAX_SOURCE_BEFORE = 12  # tokens between a subject and its verb (SVO)
MAX_TARGET_AFTER = 15
# ties between candidates for a role go to the longer span, then the more specific code
ROLE_ORDER = ["event_row", "rank", "last_token_right", "code", "group"]
ROLE_DESCENDING = [False, False, True, True, False]
MAX_FALLBACK_TARGET_AFTER = 8
FALLBACK_PREPOSITIONS = [normalize_str(w) for w in ("على", "ضد", "إلى", "مع", "في")] + ["ب", "ل"]
MAX_DATE_DISTANCE = 90  # characters between a trigger and the date expression that dates it
MAX_COORDINATION_GAP = 5  # tokens from one coordinated participant to the next «و…»
MAX_LIGHT_VERB_GAP = 25  # tokens from a light verb (وقع, شن …) to its object noun
MAX_BETWEEN_GAP = 6  # tokens from «بين X و Y» to the symmetric trigger it belongs to
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
    """Every actor-like span of a sentence with its token range, code, clitic and preceding word."""
    named = entities.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.coalesce("cameo_code", pl.when(pl.col("mention_kind") == "place").then(pl.col("country_code"))),
        country="country_code", role=pl.lit(None, pl.String), kind="mention_kind",
    )
    refs = references.select(
        "article_id", "sentence_index", "start", "end", "actor_id", "clitic",
        code=pl.when(pl.col("reference_kind") == "agent").then(None).otherwise(
            pl.coalesce("cameo_code", "country_code")
        ),
        country="country_code", role="role_code", kind="reference_kind",
    )
    spans = pl.concat([named, refs])
    first = tokens.select("article_id", pl.col("start"), pl.col("token_index").alias("first_token"))
    last = tokens.select("article_id", pl.col("end"), pl.col("token_index").alias("last_token"))
    words = tokens.select("article_id", "sentence_index", "token_index", "norm")
    # the preposition that introduces a participant: a clitic (بدمشق) or one of the two words
    # before it («إلى العاصمة السورية دمشق»)
    marked = (
        spans.join(first, on=["article_id", "start"]).join(last, on=["article_id", "end"])
        .with_row_index("span_row")
    )
    lookback = (
        marked.select("span_row", "article_id", "sentence_index", "first_token")
        .join(words, on=["article_id", "sentence_index"])
        .filter((pl.col("token_index") < pl.col("first_token")) & (pl.col("token_index") >= pl.col("first_token") - 2))
        .with_columns(between=pl.col("norm").shift(-1).over("span_row"))
        # two words back only across a place word: «إلى العاصمة السورية», not «في مواجهة قوات حفتر»
        .filter(
            pl.col("norm").is_in(SEPARATE_PREPOSITIONS)
            & ((pl.col("token_index") == pl.col("first_token") - 1) | pl.col("between").is_in(PLACE_WORDS))
        )
        .sort("span_row", "token_index", descending=[False, True])
        .unique("span_row", keep="first", maintain_order=True)
        .select("span_row", word_preposition="norm")
    )
    frame = (
        marked.join(lookback, on="span_row", how="left")
        .with_columns(
            preposition=pl.coalesce(
                pl.when(pl.col("clitic").str.contains("[بلك]")).then(pl.col("clitic").str.extract("([بلك])", 1)),
                "word_preposition",
            ),
        )
        .drop("word_preposition", "span_row")
    )
    frame = _fill_agent_countries(frame).filter(pl.col("code").is_not_null()).sort(
        ["article_id", "first_token", "last_token", "code"], descending=[False, False, True, False]
    )
    return _headed_by(frame, words)


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
    parts = coordination_groups(sentence_participants).with_row_index("part_row")
    pairs = triggers.join(parts, on=["article_id", "sentence_index"]).with_columns(
        after=pl.col("first_token_right") - pl.col("anchor_last"),
        before=pl.col("anchor_first") - pl.col("last_token_right"),
    )
    unmarked = pl.col("preposition").is_null()
    noun = pl.col("source_role") == "genitive"
    candidates = [
        # «قيام روسيا بإرسال …»: a verbal noun with ب after its agent
        pairs.filter(noun & pl.col("clitic").str.contains("ب") & pl.col("before").is_between(1, 2) & unmarked)
        .with_columns(rank=pl.col("before") - 10),
        # a verbal noun's agent follows it, bare or with ل: «زيارة حفتر», «زيارة أخرى لرئيس المخابرات»
        pairs.filter(noun & pl.col("after").is_between(1, 6) & (unmarked | (pl.col("preposition") == "ل")))
        .with_columns(rank=pl.col("after")),
        # a subject right before the verb: «أن وزير الخارجية السوري وليد المعلم استقبل»
        pairs.filter(~noun & pl.col("before").is_between(1, 2) & unmarked).with_columns(rank=pl.col("before") + 100),
        # VSO: «وقع النظام السوري»
        pairs.filter(~noun & pl.col("after").is_between(1, 3) & unmarked).with_columns(rank=pl.col("after") + 200),
        # SVO further back, but not past the previous trigger
        pairs.filter(
            ~noun & pl.col("before").is_between(3, MAX_SOURCE_BEFORE) & unmarked
            & (pl.col("first_token_right") > pl.col("previous_end"))
        ).with_columns(rank=pl.col("before") + 300),
    ]
    source = (
        pl.concat(candidates)
        .sort(ROLE_ORDER, descending=ROLE_DESCENDING)
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", source_group="group", source_part="part_row")
    )
    # target
    with_source = pairs.join(source, on="event_row", how="left")
    by_preposition = with_source.filter(
        (pl.col("after") >= 1) & (pl.col("after") <= MAX_TARGET_AFTER)
        & pl.col("target_marker").is_not_null() & ~pl.col("target_marker").is_in(["object", "none"])
        & (pl.col("preposition") == pl.col("target_marker"))
        & (pl.col("group") != pl.col("source_group").fill_null(-1))
    )
    by_object = with_source.filter(
        (pl.col("target_marker") == "object") & (pl.col("after") >= 1) & (pl.col("after") <= MAX_TARGET_AFTER)
        & unmarked & (pl.col("group") != pl.col("source_group").fill_null(-1))
    )
    # failing the trigger's own preposition, the next actor after it introduced by another
    # preposition of direction («غارة … على مواقع للحوثيين») — never من/عن, which name sources
    by_any = with_source.filter(
        (pl.col("after") >= 1) & (pl.col("after") <= MAX_FALLBACK_TARGET_AFTER)
        & pl.col("preposition").is_in(FALLBACK_PREPOSITIONS)
        & (pl.col("group") != pl.col("source_group").fill_null(-1))
    )
    target = (
        pl.concat([
            by_preposition.with_columns(rank=pl.col("after")),
            by_object.with_columns(rank=pl.col("after")),
            by_any.with_columns(rank=pl.col("after") + 100),
        ])
        .sort(ROLE_ORDER, descending=ROLE_DESCENDING)
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", target_group="group")
    )
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
    members = parts.select("group", "part_row", "actor_id", "code")
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
    events = _inherit_missing_roles(events)
    events = _with_dates(events, sentence_frame, tokens, articles)
    events = _with_modality(events, tokens)
    return _finish(events, tokens)


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
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & (pl.col("source_role") == "subject")
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
        .with_columns(anchor_first=pl.coalesce("verb", "first_token"), anchor_last=pl.coalesce("verb", "last_token"))
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


def _with_dates(events: pl.DataFrame, sentence_frame: pl.DataFrame, tokens: pl.DataFrame, articles: pl.DataFrame) -> pl.DataFrame:
    dates = find_dates(sentence_frame, articles)
    trigger_pos = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("start").alias("t_start"))
    sentence_start = sentence_frame.select("article_id", "sentence_index", pl.col("start").alias("s_start"))
    located = events.join(trigger_pos, on=["article_id", "first_token"]).join(sentence_start, on=["article_id", "sentence_index"])
    nearest = (
        located.select("event_row", "article_id", "sentence_index", rel=pl.col("t_start") - pl.col("s_start")).unique()
        .join(dates, on=["article_id", "sentence_index"])
        .with_columns(distance=(pl.col("position") - pl.col("rel")).abs())
        .filter(pl.col("distance") <= MAX_DATE_DISTANCE)
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


def _with_modality(events: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    words = modality_words()
    context = (
        events.select("event_row", "article_id", "sentence_index", "first_token").unique()
        .join(tokens.select("article_id", "sentence_index", "token_index", "norm"), on=["article_id", "sentence_index"])
        .filter(pl.col("token_index") < pl.col("first_token"))
        .with_columns(distance=pl.col("first_token") - pl.col("token_index"),
                      bare=pl.col("norm").str.replace("^[وف]", ""))
        .join(words, left_on="bare", right_on="norm")
        .filter((pl.col("scope") == "sentence") | (pl.col("distance") <= 3))
        # «قد» before a present-tense verb is «may»; before a past one («وقد انعكس») it asserts
        .join(tokens.select("article_id", (pl.col("token_index") - 1).alias("token_index"), pl.col("norm").alias("next_word")),
              on=["article_id", "token_index"], how="left")
        .filter((pl.col("bare") != "قد") | pl.col("next_word").str.contains("^[يتن]"))
        # «لا يزال», «ما زال» mean «still»: nothing is negated
        .filter(~(pl.col("bare").is_in(["لا", "ما"]) & pl.col("next_word").is_in(["يزال", "تزال", "زال", "زالت", "يزالون"])))
        .group_by("event_row")
        .agg(pl.col("modality"))
    )
    found = events.join(context, on="event_row", how="left").with_columns(pl.col("modality").fill_null([]))
    has = lambda m: pl.col("modality").list.contains(m)  # noqa: E731
    return found.with_columns(
        modality=pl.when(has("denied")).then(pl.lit("denied"))
        .when(has("negated")).then(pl.lit("negated"))
        .when(pl.col("since").fill_null(False) | has("background")).then(pl.lit("background"))
        .when(has("conditional")).then(pl.lit("conditional"))
        .when(pl.col("clitic").str.contains("س") | has("future") | has("intent")).then(pl.lit("future"))
        .otherwise(pl.lit("asserted"))
    )


def _finish(events: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    first = tokens.select("article_id", pl.col("token_index").alias("first_token"), pl.col("start").alias("trigger_start"))
    last = tokens.select("article_id", pl.col("token_index").alias("last_token"), pl.col("end").alias("trigger_end"))
    text = tokens.select("article_id", "token_index", "surface")
    surfaces = (
        events.select("article_id", "first_token", "last_token").unique()
        .with_columns(token_index=pl.int_ranges("first_token", pl.col("last_token") + 1)).explode("token_index")
        .join(text, on=["article_id", "token_index"]).sort("article_id", "first_token", "token_index")
        .group_by("article_id", "first_token", "last_token", maintain_order=True)
        .agg(trigger=pl.col("surface").str.join(" "))
    )
    return (
        events.join(first, on=["article_id", "first_token"]).join(last, on=["article_id", "last_token"])
        .join(surfaces, on=["article_id", "first_token", "last_token"])
        .rename({"symmetric": "is_symmetric"})
        .select(list(EVENT_SCHEMA))
        .cast(EVENT_SCHEMA)
        .unique(maintain_order=True)
        .sort("article_id", "trigger_start", "source_code", "target_code", nulls_last=True)
    )
