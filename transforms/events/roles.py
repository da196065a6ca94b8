"""Who did it to whom: each trigger's source and target among the sentence's participants,
chosen by position, as Arabic news builds its sentences (clause marks from clauses.py):
- source: for a verb, the first participant after it (VSO: «وقع النظام السوري …»), else the
  nearest before it (SVO: «تركيا … أرسلت») — but a subject before a comma, a relative pronoun
  or a verb with و comes after VSO, and a feminine verb's subject is not a man («وطردت
  السفير»); for a verbal noun, the participant right after it (the genitive: «زيارة حفتر
  إلى دمشق»; a place with ل is where to, a demonym further on qualifies another noun, the
  owner of a noun a preposition introduces is not the agent: «غارات على مواقع للمعارضة»);
- never across a bare «أن / إن» that opens a reported clause («قال المرصد إن القوات قصفت»),
  nor past the next trigger; a town or region does not act; a verb right after a noun trigger
  has that noun as its subject («غارات روسية استهدفت بلدة حرستا»), and the noun takes the
  verb's object as its target;
- the object of an appeal, praise, demand, criticism or rejection («أدانت تركيا استهداف
  المدنيين», «رحبت الإمارات بالغارات الأمريكية») is not done by the speaker;
- passives: the doer after «من قبل», «على يد» is the source («اعتقل ناشطون من قبل الأمن», «من
  قبل مقاتلات روسية»); an impersonal passive («اغتيل», «تم اعتقال») has no other source; a
  noun whose genitive is its patient («اعتقال الناشط») takes its agent only from before it
  (never one with the patient's code: «… اغتيال رفيق الحريري» after «رئاسة الوزراء»),
  unless an agent and an object both follow it («باستهداف قوات النظام الغوطة», «حصار إسرائيل
  على القطاع»), or it is undergone, when its genitive is the agent («تحت حصار النظام»); whoever
  «تعرض» a trigger («تعرضت دمشق لقصف», «تخضع لحصار») is its target;
- target: after the trigger, the first participant introduced by the trigger's preposition
  (إلى, مع, ضد, على, ب, ل …) or, for a direct object, the first one after the source, else the
  genitive of a noun the preposition introduces («رحبت … بقيام الولايات المتحدة»), else the
  next one introduced by a preposition of direction; never the source under another name, nor
  who denies it («… لكن الجيش الروسي نفى»);
- a noun of purpose («… إلى موسكو للقاء نظيرها», clauses._purpose_nouns) is done by the
  clause's subject and acts on its genitive; «بحق», «تجاه», «حيال» reach a target as far as «ضد»;
- a clause without a subject or target takes the previous event's (Arabic drops them).
"""

from __future__ import annotations

import polars as pl

from transforms.arabic import normalize_str
from transforms.events.clauses import CASUALTY_ROOT, MAX_NEXT_VERB_GAP, is_verb, quad_class, reads_as_object
from transforms.events.modality import CONTROL
from transforms.events.participants import AGENT, DIRECTIONS, FROM_HOLDER, GENERIC_PLACES

MAX_SOURCE_BEFORE = 12  # tokens between a subject and its verb (SVO)
MAX_TARGET_AFTER = 15
MAX_DIRECTION_AFTER = 20  # tokens from a launch to where it goes (DIRECTIONS): the launch site may stand between
# ties between candidates for a role go to the longer span, then the more specific code
ROLE_ORDER = ["event_row", "rank", "last_token_right", "code", "group"]
ROLE_DESCENDING = [False, False, True, True, False]
# words after which a state or capital names a place, not an actor (normalised)
WHERE_WORDS = [normalize_str(w) for w in (
    "جنوب", "شمال", "شرق", "غرب", "وسط", "جنوبي", "شمالي", "شرقي", "غربي", "ريف", "ضواحي", "أطراف", "مدينة", "بلدة",
    "قرية", "محافظة", "منطقة", "مناطق", "داخل", "خارج", "قرب", "بالقرب", "أنحاء")]
MAX_FALLBACK_TARGET_AFTER = 8
MATERIAL_CONFLICT = 15  # CAMEO roots from here on: a common place noun may be their target
THREAT = 13
STATE_ID = r"^[A-Z]{3}$"  # the actor id of a state is its code
PLACE_RANK = 300  # a place or demonym reached by no preposition: behind every actor a rule reaches
GENERIC_PLACE_RANK = 500  # behind every actor reached by any rule
FALLBACK_RANK = 100  # targets reached by another preposition than the trigger's rank from here
MAX_AGENT_AFTER = 6  # tokens from a trigger to «من قبل» / «على يد» and its doer
ACCUSE = "اتهم"  # lemma of the accusation triggers (objective_genitive)
VISIT = "زار"  # lemma of the visit verbs: a place after them is visited, it does not visit
VISIT_NOUN = "زيارة"  # lemma of the visit nouns: a place as their genitive is visited (objective_genitive)
# a word with the ل of an object after a patient noun's agent (normalised): «اعتقال الشرطة لأحد …», «للناشط»
LAM_OBJECT = r"^ل..."
LAM_NOT_OBJECT = [normalize_str(w) for w in ("لكن", "لكنه", "لكنها", "لذلك", "لدى", "لقد", "لأن", "لأنه", "لمدة", "لاسيما", "لعدة", "لأول", "لليوم", "للمرة",
                                            "للعام", "للسنة", "للشهر", "للأسبوع", "لأكثر", "لسنوات", "لأشهر", "لأيام", "لفترة")]
# tokens from a patient noun's agent to its object: «حصار إسرائيل على القطاع» (not «لطرد المجموعات
# المتطرفة المرتبطة بتنظيم القاعدة»: what is driven out is named with what it belongs to)
MAX_OBJECT_AFTER_AGENT = 2
# (or further, within MAX_GENITIVE_AFTER of the noun, after a word that counts or picks out: «اعتقال
# الجيش الليبي أحد أبرز الإرهابيين»)
PARTITIVES = [normalize_str(w) for w in ("أحد", "إحدى", "بعض", "أبرز", "كبار", "عشرات", "مئات", "آلاف")]
# things acted on, indefinite, right after a patient noun's agent: its object though no actor
# («استهداف ميليشيات الحوثي الإيرانية سيارة إسعاف», «قصف قوات النظام مواقع في درعا»): the
# common place nouns and the vehicles and gatherings that attacks hit (normalised)
BARE_OBJECTS = [w for w in GENERIC_PLACES if not w.startswith("ال")] + [normalize_str(w) for w in (
    "سيارة", "سيارات", "حافلة", "سفينة", "سفن", "ناقلة", "ناقلات", "قافلة", "مركبة", "مركبات", "آليات", "دورية",
    "موكب", "تجمعات", "تجمع", "مسيرة", "مسيرات", "مظاهرة", "نقطة", "نقاط")]
MAX_PATIENT_AFTER = 2  # tokens from a patient noun to its genitive: «محاصرة فلول ميليشيات الحوثي»
MAX_GENITIVE_AFTER = 6  # tokens from a verbal noun to its agent: «زيارة أخرى لرئيس المخابرات»
# lemmas whose undiacritised past verb is spelt as its verbal noun (فعل / فَعْل): «رفض», «قصف»
NOUN_LIKE_VERBS = ["بحث", "حجب", "حشد", "حظر", "حكم", "حمل", "خرق", "خطف", "دعم", "ذبح", "رشق", "رفض", "رفع", "سحب",
                   "شجب", "شكر", "ضرب", "طرد", "طعن", "فرض", "قصف", "قطع", "قمع", "نشر", "هدم", "وعد"]
IN = normalize_str("في")
TOWARDS = normalize_str("إلى")
# where a use of force (CAMEO roots from clauses.CASUALTY_ROOT on) goes (participants.DIRECTIONS:
# «باتجاه», «صوب») stands for its own «على» / «إلى»: «إطلاق صاروخ … باتجاه أراضي المملكة»,
# «أطلقوا النار صوب المتظاهرين»
DIRECTED_MARKERS = [TOWARDS, normalize_str("على")]
# the prepositions whose و-joined members may still be a noun's agent: «للولايات المتحدة وبريطانيا»,
# «بين المتظاهرين … والقوات الإسرائيلية», «وتأييد من الكويت، ومصر»
FROM = normalize_str("من")
CIRCUMSTANTIAL_LEMMAS = [normalize_str(w) for w in ("دعا", "ناشد")]  # «داعيا», «مناشدا» (not «مضربين عن الطعام»)
MAX_REACTOR_AFTER = 3  # tokens from a reaction met with to «من» and who reacts («برفض شديد من مصر»)
CIRCUMSTANTIAL_RANK = 101  # the band of a subject before its verb (RULE_FAMILIES in role_choice.py: below 150)
OPEN_HEADS = ["ل", normalize_str("بين"), FROM]
# prepositions whose noun's genitive is that noun's owner, not a verbal noun's agent
OWNER_VIAS = [normalize_str(w) for w in ("على", "إلى", "ضد", "في", "مع", "عن", "من", "نحو", "تجاه")]
FALLBACK_PREPOSITIONS = [normalize_str(w) for w in ("على", "ضد", "إلى", "مع", "في", "بحق", "تجاه", "حيال", "لصالح")] + ["ب", "ل"]
# prepositions that name whom the act is against or towards: they reach as far as the trigger's own
# («أصدرت المحكمة أمس حكما غيابيا بالسجن … بحق الناشط»)
AGAINST_PREPOSITIONS = [normalize_str(w) for w in ("ضد", "بحق", "تجاه", "حيال")]


def source_ranks(pairs: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """Each trigger's possible sources (`pairs`: every (trigger, participant) of a sentence), but
    not the speaker of a statement about it (_speakers), with `rule_rank`, the best rank
    of the rules that reach it (_source_candidates; null when none does), `rule_pick`, whether
    it belongs to the rules' best candidate (its coordination group), and `rule_choice`, whether
    it is that candidate (role_choice.py chooses among them)."""
    pairs = pairs.filter(~_patient_under_another_name())
    candidates = _source_candidates(pairs)
    speakers = _speakers(candidates, triggers)
    return _with_ranks(pairs.join(speakers, on=["event_row", "group"], how="anti"),
                       candidates.join(speakers, on=["event_row", "group"], how="anti"))


def _patient_role() -> pl.Expr:
    """A noun trigger listed with no source of its own (source_role none): «اعتقال», «حصار»."""
    return (pl.col("source_role") == "none") & pl.col("form_kind").is_in(["verbal_noun", "phrase"])


def _patient_noun() -> pl.Expr:
    """A verbal noun whose genitive is its patient: «اعتقال الناشط», «حصار قطر» — unless what it
    names is undergone, when its genitive is the agent: «تخضعان لحصار القوات الحكومية», «تحت
    حصار النظام» (_genitive_agent)."""
    return _patient_role() & pl.col("undergone_verb").is_null()


def _genitive_agent() -> pl.Expr:
    """A verbal noun whose genitive is its agent: «زيارة حفتر», and a patient noun undergone."""
    return (pl.col("source_role") == "genitive") | (
        _patient_role() & pl.col("undergone_verb").is_not_null() & (pl.col("after") <= MAX_PATIENT_AFTER))


def _patient_under_another_name() -> pl.Expr:
    """A participant before a patient noun with the code of the genitive right after it: who is
    arrested or killed is not who does it («تداول النشطاء السعوديون … خبر اعتقال الناشطة», a
    Saudi activist too; «تولى رئاسة الوزراء … في أعقاب اغتيال رفيق الحريري»). (When an object
    follows, that genitive is the agent, «اعتقال البحرين لنبيل رجب», and the doer is not sought
    before the noun anyway.)"""
    patient = _patient_noun() & (pl.col("after") == 1) & pl.col("preposition").is_null() & (pl.col("kind") != "nisba")
    patient_code = pl.col("code").filter(patient).first().over("event_row")
    return (_patient_noun() & (pl.col("before") >= 1) & pl.col("code").eq_missing(patient_code)).fill_null(False)


def target_ranks(pairs: pl.DataFrame) -> pl.DataFrame:
    """Each trigger's possible targets, as source_ranks: never its source under any name
    (`pairs` carries the chosen `source_group` and `chosen_source_code`)."""
    return _with_ranks(pairs.filter(_not_the_source()), _target_candidates(pairs))


def _not_the_source() -> pl.Expr:
    """A target is not the source under another name («العاهل السعودي الملك سلمان»): another group
    and another code — unless the trigger's own preposition introduces it, which names a second
    party of the same code: «تشاور الرئيس التونسي مع رئيس الوزراء» (TUNGOV with TUNGOV, second_party)."""
    return (pl.col("group") != pl.col("source_group").fill_null(-1)) & (
        pl.col("code").ne_missing(pl.col("chosen_source_code")) | second_party("preposition", "code", "actor_id"))


def second_party(preposition: str, code: str, actor: str) -> pl.Expr:
    """Whether a target of the source's own code is a second party: a known actor (a person, a
    body), which the trigger's own preposition introduces, and whose code names a role (a bare
    state acting on itself is one actor named twice: «سيطر العراق على …»). A source pair keeps
    it only when the source is a known actor too: «خبراء عسكريين … للمساهمة إلى جانب قوات حفتر»
    are not Haftar's forces' second party."""
    return ((pl.col(preposition) == pl.col("target_marker")) & (pl.col(code).str.len_chars() > 3)
            & pl.col(actor).is_not_null()).fill_null(False)


def _with_ranks(pool: pl.DataFrame, candidates: pl.DataFrame) -> pl.DataFrame:
    ranks = candidates.group_by("event_row", "part_row").agg(rule_rank=pl.col("rank").min())
    pick = _best(candidates).select("event_row", pick_group="group", pick_part="part_row")
    return (
        pool.join(ranks, on=["event_row", "part_row"], how="left", maintain_order="left")
        .join(pick, on="event_row", how="left", maintain_order="left")
        .with_columns(rule_pick=(pl.col("group") == pl.col("pick_group")).fill_null(False),
                      rule_choice=(pl.col("part_row") == pl.col("pick_part")).fill_null(False))
        .drop("pick_group", "pick_part")
    )


def _best(candidates: pl.DataFrame) -> pl.DataFrame:
    """The best-ranked candidate of each event (ties: ROLE_ORDER)."""
    return candidates.sort(
        [*ROLE_ORDER, pl.col("actor_id").is_null(), "actor_id", "first_token"],
        descending=[*ROLE_DESCENDING, False, False, False],
        maintain_order=True,
    ).unique("event_row", keep="first", maintain_order=True)


def _source_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """Who does it, ranked (lower is better). A passive's doer («من قبل», «على يد») comes first;
    an impersonal passive («اغتيل», «تم اعتقال») has no other source; a noun whose genitive is
    its patient («اعتقال الناشط») takes its agent only from before it; the agent of one that
    is undergone («تعرضت دمشق لقصف إسرائيلي») follows it."""
    unmarked = pl.col("preposition").is_null()
    genitive = _genitive_agent()
    patient_noun = _patient_noun()
    # (a noun of purpose, «… إلى موسكو للقاء نظيرها», is done by the subject of the clause before
    # it; after a trigger, «سيزور الوزير طهران للقاء …», it inherits that trigger's source instead)
    subject = (pl.col("source_role") == "subject") | patient_noun | (pl.col("purpose_noun") & (pl.col("previous_end") < 0))
    no_subject_before = pl.coalesce("undergone_verb", "casualty_verb").is_not_null()
    # a demonym alone qualifies the noun before it: the trigger («غارات جوية روسية»), or, further
    # on, another noun («قصف موقع عسكري سوري»: the site is Syrian, the bombing is not)
    loose_adjective = (pl.col("kind") == "nisba") & (pl.col("after") > 2)
    # after a verb that reads as active, «من قبل» makes it passive only right after the verb's
    # first participant («اعتقل ناشطون من قبل الأمن»), not in «استنكرت الحكومة التعنت من قبل …»
    active_verb = (pl.col("source_role") == "subject") & is_verb()
    first_after = pl.col("first_token_right").filter(pl.col("after") >= 1).min().over("event_row")
    first_end = pl.col("last_token_right").filter(pl.col("first_token_right") == first_after).max().over("event_row")
    right_after_first = (pl.col("first_token_right") == first_after) | (pl.col("first_token_right") - 3 == first_end)
    # (a verbal noun with ل keeps its genitive agent: «تقدير بلاده لدعوة العاهل السعودي»; a verb
    # with ل is one of purpose, «ليزور»)
    nominal = (pl.col("clitic").fill_null("").str.contains("ب")
               | (pl.col("clitic").fill_null("").str.contains("ل") & pl.col("form_kind").is_in(["phrase", "participle"])))
    # not across a reported clause; and a town or region («بلدة حرستا», «اجتاحت إدلب») is acted on,
    # it does not act (a state's name or capital may: «دمشق»; a region the dictionary names is
    # no state when its code is another's: Idlib is SYR, Gaza is GZS itself)
    region = pl.col("is_place") & (pl.col("kind").is_in(["place", "unknown"]) | (
        (pl.col("kind") == "name") & pl.col("actor_id").ne_missing(pl.col("code"))))
    # a relative pronoun the verb agrees with stands for the doer when the noun before it is an
    # actor («الدول الغربية التي وعدت الأردن»; an act, «الرصاص الإسرائيلي الذي استهدف», is
    # clauses.describes_noun); after another noun the verb may still have a subject of its own
    # («التحقيق الذي تعهد الجيش السعودي بإجرائه»)
    relative_doer_before = pl.col("relative_subject") & pl.col("before").is_between(1, 2).any().over("event_row")
    # a past verb that reads as its verbal noun too, whose genitive is its agent: «رفض واشنطن
    # للتفاوض», «قصف إسرائيل لموقع» (not «دعا», whose noun is «دعوة», nor «هدد», «تهديد»)
    reads_as_noun = (pl.col("form_kind") == "verb_past") & pl.col("lemma").is_in(NOUN_LIKE_VERBS)
    # a circumstantial participle of appeal («حذر لافروف من محاولات تقسيم سوريا، داعيا الولايات المتحدة
    # إلى …», «مناشدا») is the act of its sentence's subject: the first actor before it with no
    # preposition before it, across a reported clause too («أكد العاهل الأردني … أن الأوطان …، داعيا»;
    # «يذكر أن الرئيس الفرنسي … يدافع عن الاتفاق، داعيا»; at the cost of «وتابع قائلا إن إيران تدعم
    # الحوثيين، داعيا», whose speaker is a pronoun); the noun after it is its object
    circumstantial = is_circumstantial()
    own_clitic = (pl.col("after") == 1) & pl.col("clitic").fill_null("").str.ends_with(pl.col("via").fill_null("-"))
    # (a circumstantial participle after a reported clause is still the speaker's: «قال أردوغان إن
    # تركيا تعاني من هجمات، داعيا الشعب التركي»)
    pairs = pairs.filter((~pl.col("across_clause") | circumstantial) & ~region)
    # nor a capital or state named as where something is: «في الكسوة جنوب دمشق», «في ريف دمشق»
    pairs = pairs.filter(~pl.col("previous_word").is_in(WHERE_WORDS).fill_null(False))
    # the antecedent of a relative clause's object pronoun is acted on, under any of its names
    # («العاصمة الألمانية، برلين التي يقوم بزيارتها»: Germany is visited)
    pairs = pairs.filter(~pl.col("antecedent") & pl.col("code").ne_missing(pl.col("antecedent_code")).fill_null(True))
    return pl.concat([
        _agent_of_patient_noun(pairs, patient_noun, unmarked),
        pairs.filter((pl.col("preposition") == AGENT) & pl.col("after").is_between(1, MAX_AGENT_AFTER)
                     & (~active_verb | right_after_first))
        .with_columns(rank=pl.col("after") - 100),
        # who reacts, after «من», when the reaction is met with: «وقوبلت برفض شديد من مصر والسودان» (a noun,
        # with no punctuation and no trigger between: not «اتهامات بشأن أموال تلقاها من الحكومة الليبية»)
        pairs.filter(pl.col("undergone_verb").is_not_null() & (pl.col("preposition") == FROM) & reads_as_object()
                     & pl.col("after").is_between(1, MAX_REACTOR_AFTER) & (pl.col("part_marks") == pl.col("anchor_marks"))
                     & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True))
        .with_columns(rank=pl.col("after") - 100),
        # «قيام روسيا بإرسال …»: a verbal noun with ب after its agent
        pairs.filter(genitive & pl.col("clitic").str.contains("ب") & pl.col("before").is_between(1, 2) & unmarked
                     & ~no_subject_before)
        .with_columns(rank=pl.col("before") - 10),
        # a verbal noun's agent follows it, bare or with ل: «زيارة حفتر», «زيارة أخرى لرئيس المخابرات»
        # (a place with ل is where to: «زيارة للسعودية»), but not the owner of a noun a preposition
        # introduces («غارات على مواقع للمعارضة», «هجوم على مواقع الحوثيين»: the positions are theirs)
        # nor past the next trigger («غارات استهدفت مواقع المعارضة»: the sites are the object)
        # (the preposition two words back governs a noun after the trigger, not the trigger itself: «مع غارات روسية»)
        # nor with ل past a separate preposition («خلال زيارة إلى المديرية العامة لقوات الدرك»: the visited),
        # nor the accused of an accusation («اتهام الحكومة السورية باستخدام …») or the place a visit
        # goes to («بزيارة دولة الإمارات»: objective_genitive)
        # (nor a member joined by و to a participant a preposition introduces, «لهجوم ضد قوات النظام
        # والقوات الإيرانية»: the Iranian forces are attacked too — but not after OPEN_HEADS)
        # (or the trigger's own last word: «قصف إسرائيلي», «قصف الطيران الروسي», a trigger with its
        # doer's demonym; not a bare agent word, «إرسال قوات»)
        pairs.filter(genitive & ~pl.col("suffixed_agent") & ~pl.col("purpose_noun")
                     & pl.col("head_preposition").is_null().or_(pl.col("head_preposition").is_in(OPEN_HEADS))
                     & pl.col("after").is_between(1, MAX_GENITIVE_AFTER).or_(
                         _on_trigger_last_word() & pl.col("kind").is_in(["nisba", "composed"]))
                     & ~objective_genitive()
                     & ~(pl.col("via").is_in(OWNER_VIAS) & (pl.col("after") > 2)).fill_null(False)
                     & ~_destination_after_lam()
                     & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True)
                     & (unmarked | ((pl.col("preposition") == "ل") & ~pl.col("is_place") & (pl.col("preps_between") <= 0)))
                     & ~loose_adjective)
        .with_columns(rank=pl.col("after")),
        # a subject right before the verb: «أن وزير الخارجية السوري وليد المعلم استقبل»; after
        # VSO when a comma, a relative pronoun or a conjunction opens the verb's clause («… إدلب،
        # إذ دعت أنقرة», «سجن الخواجة الذي ترفض سلطات البحرين», «… والولايات المتحدة، وطردت»)
        # — but a relative pronoun the verb agrees with is its subject, and the noun before it
        # the doer, comma or preposition or not («حراسة من قوات الجيش الإسرائيلي، الذي اعتقل عددا
        # من الفلسطينيين»), but not a place «في» names; the verb then has no subject after it (VSO below)
        pairs.filter(subject & pl.col("before").is_between(1, 2) & ~no_subject_before & ~circumstantial
                     & (unmarked | (pl.col("relative_subject") & (pl.col("preposition") != IN))))
        .with_columns(rank=pl.col("before") + pl.when(
            ~pl.col("relative_subject") & (pl.col("opens_clause") | (pl.col("anchor_marks") != pl.col("part_marks"))))
            .then(250).otherwise(100)),
        # VSO: «وقع النظام السوري»; a feminine verb's subject is not a man («وطردت السفير»), a
        # masculine verb's not a state of feminine name («ودعا روسيا», participants._with_gender); a
        # noun with ب/ل («طالبت … بإطلاق سراح التميمي») or a statement's object («أدانت فرنسا قصف
        # المستشفيات») has no subject after it, only its object
        # (or starts on the trigger's last word: «قصفت المقاتلات الروسية», a trigger with its subject)
        # (nor a member joined by و to a participant a preposition introduces: «على نشطاء ومعارضين»)
        # (nor a place after a visit verb, which is where the visit went: «بومبيو، الذي زار السعودية»)
        # (nor the object of a verb whose subject is a pronoun before it: «أنها طالبت المملكة»; a verb
        # in the plural carries its subject, and before a named subject Arabic writes the singular:
        # «وطالبوا الحكومة بالتراجع» — the government is asked)
        # (nor the genitive of a noun the trigger's own preposition introduces: «التحقيق مع الإعلامي
        # المصري», «إلقاء القبض على عناصر الخلية» — inside the trigger's object, never its subject; but the
        # preposition may be the trigger's own clitic, «لدعوات النقابات»: then the trigger is the noun)
        pairs.filter((pl.col("source_role") == "subject") & ~pl.col("suffixed_agent") & pl.col("head_preposition").is_null()
                     & ~circumstantial
                     & ~(pl.col("is_place") & (pl.col("lemma") == VISIT) & is_verb())
                     & pl.col("after").is_between(1, 3).or_(_on_trigger_last_word() & ~_object_on_trigger_last_word()) & unmarked
                     & ~no_subject_before & ~(pl.col("feminine") & pl.col("masculine"))
                     & ~((pl.col("verb_agreement") == "masculine") & pl.col("feminine_place") & ~reads_as_noun).fill_null(False)
                     & pl.col("verb_agreement").ne_missing("plural")
                     & ~nominal & ~pl.col("statement_object")
                     & ~pl.col("describes_noun") & ~pl.col("pronoun_subject") & ~relative_doer_before
                     & (pl.col("via").ne_missing(pl.col("target_marker")) | own_clitic)
                     & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True))
        .with_columns(rank=pl.col("after") + 200),
        # SVO further back, but not past the previous trigger
        pairs.filter(
            subject & pl.col("before").is_between(3, MAX_SOURCE_BEFORE) & unmarked & ~no_subject_before
            & (pl.col("first_token_right") > pl.col("previous_end")) & ~circumstantial
        ).with_columns(rank=pl.col("before") + 300),
        pairs.filter(circumstantial & (pl.col("before") >= 1) & unmarked)
        .with_columns(rank=pl.col("first_token_right") - pl.col("first_token_right").min().over("event_row")
                      + CIRCUMSTANTIAL_RANK),
    ])


def is_circumstantial() -> pl.Expr:
    """A circumstantial participle of appeal («…، داعيا X إلى …», «مناشدا»): its subject is its
    sentence's, never a noun after it (_source_candidates), nor one a model picks (role_choice.py)."""
    return (pl.col("form_kind") == "participle") & pl.col("lemma").is_in(CIRCUMSTANTIAL_LEMMAS)


def _on_trigger_last_word() -> pl.Expr:
    """A participant that starts on a multi-word trigger's last word: «قصفت المقاتلات الروسية»,
    «قصف إسرائيلي» (a trigger form with its doer)."""
    return (pl.col("after") == 0) & (pl.col("last_token") > pl.col("first_token"))


def _object_on_trigger_last_word() -> pl.Expr:
    """A participant on a multi-word trigger's last word that is the trigger's object, not its
    doer: after a noun whose agent is no genitive («طرد السفير الكندي», «استدعاء السفير السعودي»,
    «تفريق المتظاهرين الفلسطينيين», and the bare «لتفريق المتظاهرين», whom the doer is not), or
    after a verb it cannot be the subject of — a man after a feminine verb («طردت السفير الكندي»),
    a plural in «ـين» («فرقت المتظاهرين الفلسطينيين»). Not «قصفت المقاتلات الروسية», «دخول القوات
    التركية»: there the word is the doer."""
    return (_on_trigger_last_word() & pl.col("kind").is_in(["nisba", "composed", "agent"]) & (pl.col("target_marker") == "object")
            & (((pl.col("form_kind") == "phrase") & (pl.col("source_role") == "subject"))
               | (is_verb() & ((pl.col("feminine") & pl.col("masculine")) | pl.col("oblique_plural"))))).fill_null(False)


def _destination_after_lam() -> pl.Expr:
    """ل before a place stands for إلى after a trigger whose preposition is إلى: «زيارة … للعاصمة
    التركية», «لمدينة درنة» — where to, not who (the genitive of «للعاصمة» is no visitor)."""
    return ((pl.col("target_marker") == TOWARDS) & (pl.col("via") == "ل")
            & (pl.col("is_place") | (pl.col("kind") == "nisba"))).fill_null(False)


def objective_genitive() -> pl.Expr:
    """A verbal noun's genitive that is acted on, not its agent:
    - an accusation's followed by ب is the accused: «اتهام الحكومة السورية باستخدام الأسلحة»,
      «اتهامات إسرائيل بارتكاب جرائم» — the charge follows with ب;
    - a visit's that is a place, with no destination named after it, is the place visited: «أن
      أقوم بزيارة دولة الإمارات», «يعتزم زيارة بيونغ يانغ» (not «زيارة السعودية إلى واشنطن», nor
      across a comma: «وعقب تلك الزيارة، صرحت طهران»)."""
    genitive = (pl.col("form_kind") == "verbal_noun") & pl.col("after").is_between(1, 2) & pl.col("preposition").is_null()
    accused = (pl.col("lemma") == ACCUSE) & pl.col("next_word").str.starts_with("ب")
    visited = ((pl.col("lemma") == VISIT_NOUN) & pl.col("is_place") & (pl.col("kind") != "nisba")
               & ~pl.col("suffixed_agent") & ~pl.col("destination_after") & (pl.col("part_marks") == pl.col("anchor_marks")))
    return (genitive & (accused | visited)).fill_null(False)


def with_destinations(pairs: pl.DataFrame) -> pl.DataFrame:
    """`destination_after`: the trigger names where to («إلى», or ل before a place) after its
    genitive — «زيارة السعودية إلى واشنطن», not «عاد … إلى الدوحة عقب زيارة الكويت». Computed once
    on all of an event's pairs (coding.role_pairs), before either role's candidates leave some out
    (objective_genitive reads it)."""
    destination = ((pl.col("preposition") == TOWARDS) | _destination_after_lam()).fill_null(False) & (pl.col("after") >= 2)
    return pairs.with_columns(destination_after=destination.any().over("event_row"))


def _agent_of_patient_noun(pairs: pl.DataFrame, patient_noun: pl.Expr, unmarked: pl.Expr) -> pl.DataFrame:
    """«باستهداف قوات النظام الغوطة», «اعتقال الشرطة الناشطين», «استهداف النظام للمدنيين»: a
    noun whose genitive is usually its patient, followed by two participants (the second bare,
    with ل or with the noun's own preposition: «حصار إسرائيل على القطاع», and near the first:
    MAX_OBJECT_AFTER_AGENT, PARTITIVES), takes the first — an actor that can act (a state, its
    government, forces or police, an armed group, an international body) — as its agent, and
    the second as its object (towns and regions never act: _source_candidates has left them
    out). A state named as a place is the agent only with
    its object right after it («اعتقال البحرين لنبيل رجب»), not in «بعد حصار قطر قطعت السعودية
    …». Not a title before a name («اعتقال الصحفي أحمد …»), nor coordinated participants
    («اعتقال الناشط والصحفي»)."""
    can_act = pl.col("code").str.contains("^(IGO|[A-Z]{3}$)|(GOV|MIL|COP|SPY|REB|UAF)$")
    # the agent bare, its object bare, with ل («اعتقال السلطات البحرينية للناشط») or with the
    # noun's own preposition («حصار إسرائيل على القطاع»)
    own = (pl.col("preposition") == pl.col("target_marker")).fill_null(False)
    bare = (
        pairs.filter(patient_noun & (unmarked | (pl.col("preposition") == "ل") | own) & pl.col("after").is_between(1, MAX_GENITIVE_AFTER)
                     & (pl.col("kind") != "nisba") & ((pl.col("preps_between") == 0) | own))
        .sort("event_row", "first_token_right")
        .with_columns(
            next_first=pl.col("first_token_right").shift(-1).over("event_row"),
            next_group=pl.col("group").shift(-1).over("event_row"),
            next_is_person=pl.col("is_person").shift(-1).over("event_row"),
            next_own=own.shift(-1).over("event_row"),
        )
        .unique("event_row", keep="first", maintain_order=True)
    )
    # («توقيف الشرطة لأحد أتباع الفرقة»: an object with ل that names no known actor; or a bare
    # thing acted on: «استهداف ميليشيات الحوثي الإيرانية سيارة إسعاف»)
    unnamed_object = ((pl.col("next_word").str.contains(LAM_OBJECT) & ~pl.col("next_word").is_in(LAM_NOT_OBJECT))
                      | pl.col("object_word").is_in(BARE_OBJECTS))
    # (a state's object right after it: «إعدام السعودية رجل الدين», «حصار إسرائيل على القطاع»)
    object_next = (pl.col("next_first") == pl.col("last_token_right") + 1) | (
        (pl.col("next_first") == pl.col("last_token_right") + 2) & pl.col("next_own"))
    return bare.filter(
        unmarked & (((pl.col("next_first").is_between(pl.col("last_token_right") + 1, pl.col("last_token_right") + MAX_OBJECT_AFTER_AGENT)
                      | pl.col("next_word").is_in(PARTITIVES)) & (pl.col("next_group") != pl.col("group")))
                    | unnamed_object.fill_null(False))
        & (pl.col("after") <= 2)
        & can_act
        & (~pl.col("is_place") | unnamed_object | object_next).fill_null(False)
        & ~((pl.col("kind") == "agent") & pl.col("next_is_person") & (pl.col("next_first") == pl.col("last_token_right") + 1)).fill_null(False)
    ).drop("next_first", "next_group", "next_is_person", "next_own").with_columns(rank=pl.col("after") - 50)


def _speakers(candidates: pl.DataFrame, triggers: pl.DataFrame) -> pl.DataFrame:
    """event_row, group: the source candidates of a statement's object (clauses._statement_objects)
    that are the statement's own source: «أدانت تركيا استهداف المدنيين» — Turkey did not target
    them; «رحبت الإمارات بالغارات الأمريكية» — the Americans struck. The accused or the one called
    on stays: «اتهمت سوريا إسرائيل بشن هجوم» (Israel attacked)."""
    spoken = triggers.filter("statement_object").select("event_row", "previous_row")
    speaker = _best(candidates.join(spoken.select(event_row="previous_row"), on="event_row")).select(
        previous_row="event_row", speaker_group="group")
    return (
        candidates.select("event_row", "group").join(spoken, on="event_row").join(speaker, on="previous_row")
        .filter(pl.col("group") == pl.col("speaker_group"))
        .select("event_row", "group")
        .unique()
    )


def _target_candidates(pairs: pl.DataFrame) -> pl.DataFrame:
    """To whom, ranked. `pairs` carries the chosen `source_group` and `chosen_source_code`."""
    after = pl.col("after")
    marker = pl.col("target_marker")
    prepositional = marker.is_not_null() & ~marker.is_in(["object", "none"])
    undergone = pl.coalesce("undergone_verb", "casualty_verb")
    root = pl.col("cameo_code").str.slice(0, 2).cast(pl.Int32)
    from_trigger = pl.col("first_token_right") - pl.col("last_token")  # from the trigger itself, not its light verb
    # a demonym right after another: «الهجوم الثلاثي الأمريكي البريطاني الفرنسي» (the doers, one by one)
    demonym_chain = ((pl.col("kind").shift(1).over("event_row", order_by="first_token_right") == "nisba") & (
        pl.col("first_token_right") - pl.col("last_token_right").shift(1).over("event_row", order_by="first_token_right") == 1
    )).fill_null(False)
    # (lazy, so that the rules' filters run side by side)
    pairs = pairs.lazy().filter(~pl.col("across_clause") & ~pl.col("denier"))
    candidates = pl.concat([
        # «برلين التي يقوم بزيارتها», «المدينة التي قصفها الجيش»: the antecedent of the pronoun
        pairs.filter("antecedent").with_columns(rank=pl.lit(-200, dtype=pl.Int32)),
        # «تعرضت دمشق لقصف», «قتل فلسطيني برصاص …»: whoever undergoes it, between the verb and the
        # trigger or before the verb
        pairs.filter(undergone.is_not_null() & (pl.col("last_token_right") < pl.col("anchor_first"))
                     & ((pl.col("first_token_right") > undergone) | (undergone - pl.col("last_token_right")).is_between(1, 2)))
        .with_columns(rank=(pl.col("first_token_right") - undergone).abs() - 100),
        # the trigger's own preposition: «زيارة إلى دمشق», «هجوم على مواقع» (or a direction for it,
        # which may come after where from: «إطلاق صاروخ باليستي من قبل الميليشيا … من داخل الأراضي
        # اليمنية (محافظة صعدة) باتجاه أراضي المملكة», but not past the next trigger: «بغارات جوية في
        # قطاع غزة ردا على إطلاق صواريخ … باتجاه إسرائيل»)
        pairs.filter((after.is_between(1, MAX_TARGET_AFTER) & prepositional & (pl.col("preposition") == marker))
                     | (after.is_between(1, MAX_DIRECTION_AFTER) & pl.col("preposition").is_in(DIRECTIONS)
                        & marker.is_in(DIRECTED_MARKERS) & (root >= CASUALTY_ROOT)
                        & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True)))
        .with_columns(rank=after),
        # the object of a verbal noun whose agent is its pronoun, «بعد زيارته مقر القنصلية السعودية»,
        # or of a noun of purpose, «للقاء نظيرها الروسي» (clauses._purpose_nouns)
        pairs.filter((pl.col("suffixed_agent") | pl.col("purpose_noun")) & after.is_between(1, 3) & pl.col("preposition").is_null())
        .with_columns(rank=after),
        # whom a place is taken from, before the place itself: «استعادت دمشق السيطرة على المعبر من
        # أيدي المعارضة المسلحة», «السيطرة على مدينة تدمر من أيدي تنظيم الدولة»
        pairs.filter((pl.col("cameo_code") == CONTROL) & (pl.col("preposition") == FROM_HOLDER)
                     & after.is_between(1, MAX_TARGET_AFTER))
        .with_columns(rank=after - MAX_TARGET_AFTER),
        # the accused of an accusation noun, the place of a visit: «اتهام الحكومة السورية باستخدام
        # الأسلحة», «بزيارة دولة الإمارات»
        pairs.filter(objective_genitive()).with_columns(rank=after),
        # a direct object: «اعتقلت السلطات الناشط»; the genitive of a patient noun whose own
        # preposition is another: «حصار قطر» (as «الحصار على قطر»); or the object the trigger
        # ends on, «طرد السفير الكندي», unless it is the source's own («استدعاء السفير السعودي في
        # كندا للتشاور», by Riyadh: recalled, not acted on)
        pairs.filter((marker == "object") & after.is_between(1, MAX_TARGET_AFTER) & pl.col("preposition").is_null()
                     | (_object_on_trigger_last_word()
                        & pl.col("code").str.slice(0, 3).ne_missing(pl.col("chosen_source_code").str.slice(0, 3))))
        .with_columns(rank=after),
        # (behind the noun's own preposition: «حصار إسرائيل على القطاع»)
        pairs.filter(_patient_noun() & (pl.col("form_kind") == "verbal_noun") & prepositional
                     & after.is_between(1, MAX_PATIENT_AFTER) & pl.col("preposition").is_null()
                     & (pl.col("kind") != "nisba"))
        .with_columns(rank=after + MAX_TARGET_AFTER),
        # the genitive of a noun the trigger's preposition introduces: «رحبت … بقيام الولايات المتحدة»,
        # or a place after ل where the preposition is إلى (_destination_after_lam)
        pairs.filter(after.is_between(2, MAX_TARGET_AFTER) & prepositional & pl.col("preposition").is_null()
                     & ((pl.col("via") == marker) | _destination_after_lam()))
        .with_columns(rank=after + 50),
        # failing the trigger's own preposition, the next actor after it introduced by another
        # preposition of direction («غارة … على مواقع للحوثيين») — never من/عن, which name
        # sources; ضد, بحق, تجاه («against», «towards») reach as far as the trigger's own preposition
        # (counted from the trigger itself, not from the light verb it is anchored on: «شنت
        # الولايات المتحدة وبريطانيا وفرنسا فجر السبت عملية عسكرية على مواقع تابعة للنظام»)
        pairs.filter(
            pl.col("preposition").is_in(FALLBACK_PREPOSITIONS) & (after >= 1)
            & from_trigger.is_between(
                1, pl.when(pl.col("preposition").is_in(AGAINST_PREPOSITIONS)).then(MAX_TARGET_AFTER)
                .otherwise(MAX_FALLBACK_TARGET_AFTER))
        )
        .with_columns(rank=after + FALLBACK_RANK),
        # last, a strike or threat by a named actor whose place alone is named, with no preposition
        # of its own (CODEBOOK: the place's country): «السيطرة على معظم مداخل مدينة درنة الليبية»,
        # «اقتحم محتجون عشية الجمعة، مطار النجف الدولي»; or a demonym further on that qualifies
        # what was struck: «الغارات الجوية على أهداف عسكرية سورية». Not:
        # - a state or its capital, which stand for the state: «التحالف، الذي تقوده السعودية، غارات»;
        # - a span the actor lexicon does not know, which may be adjectives: «في المدينة الساحلية
        #   الاستراتيجية»;
        # - the trigger's own demonym, or one in a chain of them: «شنت مقاتلات حربية سورية»,
        #   «الهجوم الثلاثي الأمريكي البريطاني الفرنسي»;
        # - a place past the next trigger, which may be that one's: «دمر التحالف طائرة بدون طيار،
        #   كانت تحاول استهداف مطار أبها».
        pairs.filter(
            ((pl.col("is_place") & pl.col("kind").is_in(["name", "place"]) & ~pl.col("actor_id").fill_null("").str.contains(STATE_ID))
             | ((pl.col("kind") == "nisba") & (from_trigger >= 3) & (pl.col("part_marks") == pl.col("anchor_marks"))
                & ~demonym_chain))
            & pl.col("preposition").is_null() & from_trigger.is_between(1, MAX_FALLBACK_TARGET_AFTER)
            & (pl.col("first_token_right") < pl.col("next_trigger")).fill_null(True)
            & ((root >= MATERIAL_CONFLICT) | (root == THREAT)) & pl.col("source_group").is_not_null()
        )
        .with_columns(rank=after + PLACE_RANK),
    ])
    # a place named by a common noun (participants._generic_places) is the target of material
    # conflict only (CODEBOOK: the place of an attack, siege or occupation is its country), and
    # only when no actor is reached: «استهدفت 3 مواقع مرتبطة ببرنامج النظام السوري»
    generic = pl.col("generic_place").fill_null(False)
    candidates = candidates.filter(~generic | (root >= MATERIAL_CONFLICT)).with_columns(
        rank=pl.when(generic).then(pl.col("rank") + GENERIC_PLACE_RANK).otherwise(pl.col("rank")))
    # nor the source again under another name
    return candidates.filter(_not_the_source()).collect()


def coordinated_verbs(events: pl.DataFrame) -> pl.DataFrame:
    """`coordinated_verb`: a verb with و and no role of its own after another trigger of its
    sentence, whose subject it shares: «ووقعت مصر اتفاقية مع السعودية
    وتعهدت بتنفيذها» (its own subject is out of reach, the agreement between). It is kept to
    inherit the last subject stated (inherit_missing_roles) and dropped if it gets none. Not a passive
    («وحوكم عدد من رجال الشرطة، وأدين بعضهم»), nor a past form spelt as its verbal noun
    («وقمع حرية التعبير»; «وحكمت» is a verb)."""
    return events.with_columns(
        coordinated_verb=(
            pl.col("form_kind").is_in(["verb_past", "verb_present"]) & pl.col("clitic").fill_null("").str.starts_with("و")
            & ~((pl.col("verb_agreement") == "masculine") & (pl.col("form_kind") == "verb_past")
                & pl.col("lemma").is_in(NOUN_LIKE_VERBS)).fill_null(False)
            & pl.col("previous_row").is_not_null() & pl.col("source_code").is_null() & pl.col("target_code").is_null()
        ).fill_null(False)
    )


def inherit_missing_roles(events: pl.DataFrame) -> pl.DataFrame:
    """Arabic drops repeated subjects and objects: «وتدعم تركيا … وقد أرسلت جنودا» (Turkey sent),
    «زيارة حفتر إلى دمشق، تلتها زيارة أخرى لرئيس المخابرات» (to Damascus too). A trigger without
    a source takes the previous event's source in the sentence; without a target, the target
    of the previous event of the same quad class (helping, sending aid: «للمساهمة إلى جانب
    قوات حفتر … قيام روسيا بإرسال مقاتلين»). Not the act responded to (clauses._responses):
    «أطلقت الدول الثلاث 105 صواريخ ردا على هجوم كيماوي للنظام السوري» — the other side did it,
    to someone else."""
    # rows of one trigger (one per source × target) in a fixed order, whatever the batch
    ordered = events.sort(
        "article_id", "sentence_index", "first_token", "source_code", "target_code", "source_actor_id", "target_actor_id",
        nulls_last=True, maintain_order=True,
    )
    keys = ["article_id", "sentence_index"]
    quad = quad_class(pl.col("cameo_code"))
    ordered = _target_of_next_verb(ordered, quad)

    def previous(role: str, over: list) -> pl.Expr:
        # the last (actor, code) pair stated before, taken whole: a composed actor has a code
        # and no actor id, and must not borrow another actor's id; a place named by a common
        # noun («في المدينة», participants._generic_places) belongs to its own clause
        pair = pl.struct(actor=f"{role}_actor_id", code=f"{role}_code")
        # (nor the roles of an act responded to, which the other side did: «ردا على هجوم كيماوي للنظام
        # السوري واستهدفت ثلاث منشآت»)
        stated = (pl.col(f"{role}_code").is_not_null() & ~pl.col(f"{role}_generic_place").fill_null(False)
                  & ~pl.col("responded_to"))
        return pl.when(stated).then(pair).forward_fill().over(over)

    # (a statement's object has no inherited source: «أدانت تركيا استهداف المدنيين»,
    # clauses._statement_objects)
    # (nor a circumstantial participle, whose subject is its sentence's, not the previous clause's:
    # «وتابع قائلا إن إيران تدعم الحوثيين، داعيا المجتمع الدولي»)
    missing_source = (pl.col("source_code").is_null() & ~pl.col("statement_object") & ~pl.col("responded_to")
                      & ~is_circumstantial())
    missing_target = pl.col("target_code").is_null() & ~pl.col("responded_to")
    return ordered.with_columns(
        inherited_source=pl.when(missing_source).then(previous("source", keys)),
        inherited_target=pl.when(missing_target).then(previous("target", [*keys, quad])),
    ).with_columns(
        source_actor_id=pl.when(missing_source).then(pl.col("inherited_source").struct.field("actor")).otherwise("source_actor_id"),
        source_code=pl.when(missing_source).then(pl.col("inherited_source").struct.field("code")).otherwise("source_code"),
        target_actor_id=pl.when(missing_target).then(pl.col("inherited_target").struct.field("actor")).otherwise("target_actor_id"),
        target_code=pl.when(missing_target).then(pl.col("inherited_target").struct.field("code")).otherwise("target_code"),
    ).drop("inherited_source", "inherited_target").filter(
        (pl.col("source_actor_id") != pl.col("target_actor_id")).fill_null(True)
        & ((pl.col("source_code") != pl.col("target_code")).fill_null(True)
           | (second_party("target_preposition", "target_code", "target_actor_id") & pl.col("source_actor_id").is_not_null()))
    )


def _target_of_next_verb(events: pl.DataFrame, quad: pl.Expr) -> pl.DataFrame:
    """A noun without a target whose clause goes on (no punctuation between) with a verb of the
    same quad class that has no subject of its own, or the noun's — «غارات جوية روسية استهدفت
    مدينة حرستا», «هجوم انتحاري طال مسجدا» — takes that verb's target: what the raids hit."""
    # plain shifts over the ordered events, kept within the sentence
    same = (pl.col("sentence_index").shift(-1) == pl.col("sentence_index")) & (
        pl.col("article_id").shift(-1) == pl.col("article_id"))
    nxt = lambda column: pl.when(same).then(pl.col(column).shift(-1))  # noqa: E731
    per_event = (
        events.with_columns(quad=quad)
        .unique("event_row", keep="first", maintain_order=True)
        .with_columns(
            next_first=nxt("first_token"), next_kind=nxt("form_kind"), next_quad=nxt("quad"), next_marks=nxt("anchor_marks"),
            next_source=nxt("source_code"), next_target_actor=nxt("target_actor_id"), next_target_code=nxt("target_code"),
        )
        .filter(
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & is_verb(pl.col("next_kind"))
            & (pl.col("next_quad") == pl.col("quad"))
            & ((pl.col("next_marks") == pl.col("anchor_marks")) | (pl.col("anchor_first") != pl.col("first_token")))
            & (pl.col("next_source").is_null() | (pl.col("next_source") == pl.col("source_code")))
            & (pl.col("next_first") - pl.col("last_token")).is_between(1, MAX_NEXT_VERB_GAP)
        )
        .select("event_row", "next_target_actor", "next_target_code")
    )
    # the verb's object replaces no target, or only a place reached by a later «في» («غارة …
    # استهدفت عناصر حركة الشباب في جنوب الصومال»: the fighters, not Somalia)
    replace = pl.col("next_target_code").is_not_null() & (
        pl.col("target_code").is_null()
        | ((pl.col("target_rank").fill_null(0) >= FALLBACK_RANK) & (pl.col("target_preposition") == IN)).fill_null(False))
    return (
        events.join(per_event, on="event_row", how="left", maintain_order="left")
        .with_columns(
            target_actor_id=pl.when(replace).then(pl.col("next_target_actor")).otherwise(pl.col("target_actor_id")),
            target_code=pl.when(replace).then(pl.col("next_target_code")).otherwise(pl.col("target_code")),
        )
        .drop("next_target_actor", "next_target_code")
    )
