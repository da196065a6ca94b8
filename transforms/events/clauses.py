"""Each trigger in its sentence: the clause marks its roles are read from (roles.py).

- no event from a trigger in the genitive of a body's or a list's noun («منظمة حظر الأسلحة
  الكيميائية», «دول الحصار», «فريق بحث»): it is part of a name;
- an object noun whose light verb came earlier («وقع النظام السوري … مذكرة تفاهم», «أجرى
  الوزير محادثات», «نفذت الطائرات غارات», «بشن هجوم») is read from that verb;
- the object of a statement about someone else's act («أدانت تركيا استهداف المدنيين») and the
  act a threat or an intent announces (the speaker's own) are marked;
- «تعرض» a few words before a trigger («تعرضت دمشق لقصف») is noted: who undergoes it is its target;
- running counts of punctuation, separate prepositions and bare «أن / إن» tell whether a trigger
  and a participant share a clause; a verb with و/ف or after a relative pronoun opens a clause
  of its own; a verb right after a noun trigger («غارات روسية استهدفت») describes that noun.
with_proclitics gives a word list with its proclitics, for matching tokens as they are.
"""

from __future__ import annotations

from functools import cache

import polars as pl

from transforms.arabic import normalize_str
from transforms.events.dates import WEEKDAYS
from transforms.events.participants import CLAUSE_OPENERS, PRONOUN_SUBJECTS, SEPARATE_PREPOSITIONS
from transforms.segmentation import at_token


def with_proclitics(words: list[str], proclitics: tuple[str, ...]) -> list[str]:
    """The words as they are and with each proclitic (or run of proclitics) before them:
    matching a token against this list costs less than stripping every token first."""
    return sorted({w for word in words for w in (word, *(p + word for p in proclitics))})


DAY_WORDS = [*WEEKDAYS, "امس", "اليوم", "غدا"]
RELATIVES = [normalize_str(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي")]
# the relative pronouns a verb right after them agrees with when they are its subject (triggers.verb_agreement)
SUBJECT_RELATIVES = {normalize_str("الذي"): "masculine", normalize_str("التي"): "feminine", normalize_str("الذين"): "plural"}
# a definite plural in «ـون» is nominative: right after the verb, it is the verb's own subject
# («الفهداوي، الذي طالب المحتجون برحيله»)
NOMINATIVE_PLURAL = "^[وف]?ال.{2,}ون$"
# nouns of time before a relative pronoun make a conjunction of it, whose verb has a subject of its
# own: «في الوقت الذي دعا تحالف سائرون», «في اليوم الذي وقعت فيه»
TIME_ANTECEDENTS = [normalize_str(w) for w in ("الوقت", "الحين", "اليوم", "اللحظة", "الساعة", "الأسبوع", "الشهر", "العام", "السنة", "المرة", "الفترة")]
MAX_UNDERGONE_GAP = 6  # tokens from «تعرضت» to the trigger it introduces
UNDERGO = ("^[وف]?(تعرض|تعرضت|تعرضا|تعرضتا|تعرضوا|يتعرض|تتعرض|يتعرضان|تتعرضان|يتعرضون"
           "|يخضع|تخضع|يخضعان|تخضعان|يخضعون|خضع|خضعت|خاضع|خاضعة|خاضعين|خاضعون|الخاضع|الخاضعة|الخاضعين)$")
# verbs of meeting with a reaction, whose subject is what the reaction is aimed at: «واجه خاشقجي
# اتهامات», «قوبل بن سلمان بترحيب رسمي», «وقوبلت برفض شديد من مصر والسودان», «تلقى دعما» — for
# statements, demands and help (roots below STATEMENT_ROOT_LIMIT), not force («واجهت الشرطة
# المتظاهرين بالرصاص»: the police shot)
REACTION = ("^[وف]?(واجه|واجهت|واجها|واجهتا|واجهوا|يواجه|تواجه|يواجهان|تواجهان|يواجهون"
            "|قوبل|قوبلت|قوبلا|قوبلوا|لاقى|لاقت|لاقوا|يلاقي|تلاقي"
            "|تلقى|تلقت|تلقوا|يتلقى|تتلقى|حظي|حظيت|يحظى|تحظى)$")
STATEMENT_ROOT_LIMIT = 14
# the reaction follows its verb and the verb's subject, with no preposition between: not «لا تواجه
# صعوبة في إجراء محادثات», «التحديات التي تواجه الأردن والأعباء المترتبة على استقبالهم»
MAX_REACTION_GAP = 4
# nor past a word of time or cause, whose noun is another act: «قد تواجه إيران عقوبات بعد انسحاب الولايات المتحدة»
REACTION_STOPS = [normalize_str(w) for w in ("بعد", "قبل", "بسبب", "جراء", "إثر", "عقب")]
# «تحت» right before the trigger: «تحت حصار النظام», «تحت القصف» — undergone too
UNDER = normalize_str("تحت")
# casualty verbs, passive or intransitive («قتل 28 مدنيا في غارة», «أصيب فلسطيني برصاص الجيش»):
# whoever they name was hit by the act that follows (normalised, with و/ف)
CASUALTY = "^[وف]?(قتل|قتلت|قتلا|قتلوا|اصيب|اصيبت|اصيبا|اصيبوا|استشهد|استشهدت|استشهدوا|جرح|جرحت|جرحوا|لقي|لقيت|لقوا)$"
# definite words after a casualty verb that are not its subject: «قتل العشرات من …» (as days are)
DEFINITE_COUNTS = [normalize_str(w) for w in ("العشرات", "المئات", "الآلاف", "العديد")]
# what introduces the act a casualty verb names: «في غارة», «برصاص», «جراء قصف», «إثر هجوم»
CASUALTY_CAUSES = [normalize_str(w) for w in ("في", "جراء", "إثر", "اثر", "خلال", "بسبب", "نتيجة", "بعد")]
CASUALTY_ROOT = 18  # CAMEO roots from here on (assault, fight, mass violence) can have casualties
# except after a word of time or plan, where the date and the doer belong to the verb after it:
# «قبل أن يلتقي», «بعد أن قصفت», «من المقرر أن يبدأ … الأحد»
TIME_OR_PLAN = [normalize_str(w) for w in (
    "قبل", "بعد", "المقرر", "مقرر", "المفترض", "المتوقع", "المنتظر", "يتوقع", "يفترض", "يجب", "ينبغي", "يمكن", "منذ",
)]
# nouns in construct (no ال) whose genitive names a body, a group or a place, not an event:
# «منظمة حظر الأسلحة الكيميائية», «دول الحصار», «فريق بحث», «مركز استهداف تمويل الإرهاب»
NAME_HEADS = [normalize_str(w) for w in (
    "منظمة", "منظمات", "مركز", "مراكز", "هيئة", "هيئات", "لجنة", "لجان", "فريق", "فرق", "دول", "دولتي", "وحدة", "وحدات",
    "جهاز", "أجهزة", "مكتب", "مؤسسة", "جمعية", "اتحاد", "قوات", "قوة", "كتيبة", "كتائب", "ألوية", "لواء", "غرفة",
    "إدارة", "مديرية", "برنامج", "صندوق", "معركة", "بعثة", "بعثات", "معاهدة",  # «معاهدة حظر الأسلحة الكيماوية»
    # places and rules of fighting, not fighting: «جبهات القتال», «أرض المعركة», «قواعد الاشتباك»,
    # «مناطق سيطرة»; and «مكافحة الشغب» (riot police)
    "جبهة", "جبهات", "ساحة", "ساحات", "أرض", "خطوط", "قواعد", "منطقة", "مناطق", "مكافحة",
    # «قصفت طائرات حربية نقطة لقاء» (a meeting point), «مكان الاجتماع»
    "نقطة", "مكان",
)]
MAX_LIGHT_VERB_GAP = 25  # tokens from a light verb (وقع, شن …) to its object noun
MAX_CALL_GAP = 10  # tokens from an appeal or demand (دعا, طالب) to the act it calls for
MEETING_ROOT = "04"  # «للقاء», «لبحث», «لزيارة»: nouns of purpose whose genitive is who is met (_purpose_nouns)
ON = normalize_str("على")
RESPONSE = [normalize_str(w) for w in ("ردا", "للرد", "والرد")]  # «ردا على», «للرد على» (_responses)
MAX_MEETING_PURPOSE_GAP = 4  # tokens from a meeting noun to the noun of purpose that says what it is for
MAX_NEXT_VERB_GAP = 5  # tokens from a noun trigger to the verb that goes on its clause («غارات روسية استهدفت»)
# CAMEO roots of statements about someone else's act (appeal, praise, demand, criticism,
# rejection): their object noun is not done by the speaker — unlike an announcement, an intent or
# a threat, whose act is the speaker's own («توعد أردوغان … بشن عملية عسكرية»)
STATEMENT_ROOTS = ["02", "05", "10", "11", "12"]
OWN_ACT_ROOTS = ["03", "13"]  # intent, threat: «توعد أردوغان المسلحين بشن عملية» — Erdogan's operation
MAX_STATEMENT_OBJECT_GAP = 4  # tokens from the statement's verb to its object noun
# verbs whose event is named by their object noun (normalised, without و/ف), each row one lemma's
# forms, its first form the lemma (light_verb_objects.tsv names its verbs by it)
LIGHT_VERB_ROWS = (
    "وقع وقعت وقعا وقعتا وقعوا يوقع توقع يوقعان توقعان يوقعون",
    "أبرم أبرمت أبرما أبرموا يبرم تبرم تبرمان يبرمون",  # not «يبرمان»: «ليبرمان» (Lieberman) is ل + it
    "شن شنت شنا شنوا يشن تشن يشنون يشنان تشنان",  # «ستشنان هجوما مشتركا»
    "أجرى أجرت أجريا أجروا يجري تجري يجريان تجريان يجرون",
    "عقد عقدت عقدا عقدوا يعقد تعقد يعقدان تعقدان يعقدون",
    "فرض فرضت فرضا فرضوا يفرض تفرض يفرضان تفرضان يفرضون",
    "قدم قدمت قدما قدموا يقدم ستقدم",  # «تقدم» only with سـ: alone mostly the noun, an advance («مع تقدم قوات الجيش»)
    "أرسل أرسلت أرسلا أرسلوا يرسل ترسل يرسلان ترسلان يرسلون",
    "نفذ نفذت نفذا نفذوا ينفذ تنفذ ينفذون",  # «نفذت الطائرات الروسية غارات»
    "أطلق أطلقت أطلقا أطلقتا أطلقوا يطلق تطلق يطلقون",  # «أطلق الجيش عملية عسكرية», not «أطلق عليها» (named)
)
LAUNCH, LIKELY = normalize_str("أطلق"), normalize_str("الأرجح")
LIGHT_VERBS = [normalize_str(w) for row in LIGHT_VERB_ROWS for w in row.split()]
# verbs whose event their object noun names only in light_verb_objects.tsv: «قطعت السعودية … العلاقات»,
# «أطلق مسلحون النار» (the nouns of triggers_*.tsv are not anchored on them)
OBJECT_VERB_ROWS = (
    "قطع قطعت قطعوا يقطع تقطع",  # not «قطعا»: also the adverb, «ترفض قطعا»
    "نشر نشرت نشروا ينشر تنشر",
    "استدعى استدعت استدعوا يستدعي تستدعي",
    "سحب سحبت سحبوا يسحب تسحب",
    "أغلق أغلقت أغلقوا يغلق تغلق",
    "أصدر أصدرت أصدروا يصدر تصدر",
    "فتح فتحت فتحوا يفتح تفتح",
)
OBJECT_VERBS = [normalize_str(w) for row in OBJECT_VERB_ROWS for w in row.split()]
# «وقع» itself starts with و: the word is tried with and without it; «بشن هجوم», «لشن», «ستشن»
LIGHT_VERB_PROCLITICS = ("و", "ف", "ب", "ل", "وب", "ول", "فب", "فل", "س", "وس", "فس")
# tokens from a light verb to an object noun that is a trigger only as its object
# (light_verb_objects.tsv): its subject, a date, a place between — «فرضت وزارة الخزانة الأميركية،
# الأربعاء، عقوبات», «وقعت مصر وجنوب السودان مذكرة»
MAX_OBJECT_GAP = 7


def with_clause_context(triggers: pl.DataFrame, tokens: pl.DataFrame, marks: pl.DataFrame) -> pl.DataFrame:
    """The triggers with what their roles are read from: the light verb they are anchored on
    (_anchor_light_verbs), whether they are a statement's object or the speaker's own act
    (_statement_objects), the «تعرض» before them (_undergone), «ردا على» (_responses), the clause they open
    (_clause_openings; `marks` from punctuation_marks) and whether a verb describes the noun
    before it (_verbs_describing_nouns)."""
    triggers = _statement_objects(_anchor_light_verbs(triggers, tokens))
    triggers = _responses(_purpose_nouns(_suffixed_agents(_undergone(triggers, tokens), tokens)), tokens)
    # (the pronouns that point back settle `relative_subject` before a verb is read as describing a noun)
    return _verbs_describing_nouns(_resumptive_objects(_clause_openings(triggers, tokens, marks), tokens))


# a pronoun on the trigger (a verbal noun in ة with its pronoun, _suffixed_agents: «بزيارتها») or on
# the preposition right after it (normalised): «المناطق التي يسيطر عليها»
PREPOSITION_WITH_PRONOUN = [p + suffix for p in ("علي", "الي", "ب", "ل", "في", "ضد", "مع", "بحق") for suffix in ("ه", "ها", "هم", "هما")]
# words right before which a noun is no light verb's object (_anchor_light_verbs): «فيه» of a
# relative clause («نشرت فيه قوات النظام جسرا»), not «عليها» («وفرضت عليها عقوبات»: the target)
NOT_BEFORE_OBJECTS = SEPARATE_PREPOSITIONS + [p for p in PREPOSITION_WITH_PRONOUN if p.startswith("في")] + CLAUSE_OPENERS
MAX_RELATIVE_GAP = 3  # tokens from the relative pronoun to the trigger («برلين التي يقوم بزيارتها»)


def _resumptive_objects(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`antecedent_end`: in a relative clause whose trigger carries a pronoun that points back —
    «برلين التي يقوم بزيارتها», «المدينة التي قصفها الجيش», «المناطق التي يسيطر عليها» — the
    last token of the noun before the relative pronoun: what the act is done to (its target),
    not its doer."""
    keys = ["article_id", "sentence_index"]
    before_preposition = tokens.filter(pl.col("norm").is_in(PREPOSITION_WITH_PRONOUN)).select(
        "article_id", last_token=pl.col("token_index") - 1, with_pronoun=pl.lit(True))
    relatives = tokens.filter(pl.col("norm").is_in(RELATIVES)).select(*keys, relative="token_index")
    found = (
        triggers.select("event_row", *keys, "first_token", "last_token", "suffixed_agent")
        .join(before_preposition, on=["article_id", "last_token"], how="left")
        .filter(pl.col("suffixed_agent") | pl.col("with_pronoun").fill_null(False))
        .join(relatives, on=keys)
        .filter((pl.col("first_token") - pl.col("relative")).is_between(1, MAX_RELATIVE_GAP))
        .sort("event_row", "relative", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", antecedent_end=pl.col("relative") - 1)
    )
    # (a verb with such a pronoun has a subject of its own: «الذي دعا إليه مجلس الأمن»)
    return triggers.join(found, on="event_row", how="left").with_columns(
        relative_subject=pl.col("relative_subject") & pl.col("antecedent_end").is_null())


def purpose_lam() -> pl.Expr:
    """The ل of purpose on a trigger: before an indefinite verbal noun or a present verb («للقاء»,
    «لبحث», «ليلتقي»), not the preposition before a definite noun («للاشتباكات»)."""
    return (pl.col("clitic").fill_null("").str.contains("^[وف]?ل$") & ~pl.col("definite")
            & pl.col("form_kind").is_in(["verbal_noun", "phrase", "verb_present"]))


def _purpose_nouns(triggers: pl.DataFrame) -> pl.DataFrame:
    """`purpose_noun`: a verbal noun of meeting or talks (04) with the ل of purpose after
    the clause it serves — «توجهت الوزيرة إلى موسكو للقاء نظيرها الروسي», «لبحث»: its doer is
    that clause's subject, and the genitive after it is whom it meets, not its agent. Not what
    is undergone, nor the object of an appeal («دعا لزيارة»). Right after a meeting named by a
    noun it is dropped: it says what that meeting is for."""
    keys = ["article_id", "sentence_index"]
    purpose = ((pl.col("form_kind") == "verbal_noun") & purpose_lam() & pl.col("cameo_code").str.starts_with(MEETING_ROOT)
               & pl.col("undergone_verb").is_null() & ~pl.col("statement_object")).fill_null(False)
    # right after a meeting named by a noun it says what the meeting is for — «عقدت الجامعة العربية
    # اجتماعا طارئا لبحث الأوضاع»: one event, the meeting
    previous = lambda column: pl.col(column).shift(1).over(keys)  # noqa: E731
    meeting_before = (previous("cameo_code").str.starts_with(MEETING_ROOT) & previous("form_kind").is_in(["verbal_noun", "phrase"])
                      & ((pl.col("first_token") - previous("last_token")) <= MAX_MEETING_PURPOSE_GAP)).fill_null(False)
    return triggers.sort(*keys, "first_token").filter(~(purpose & meeting_before)).with_columns(purpose_noun=purpose)


def _responses(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`responded_to`: the act right after «ردا على», «للرد على», which the other side did: it
    takes no role from before it, neither by position nor by inheritance (roles.inherit_missing_roles)."""
    return (
        at_token(triggers, tokens, pl.col("first_token") - 1, before_1="norm")
        .pipe(at_token, tokens, pl.col("first_token") - 2, before_2="norm")
        .with_columns(responded_to=((pl.col("before_1") == ON) & pl.col("before_2").is_in(RESPONSE)).fill_null(False))
        .drop("before_1", "before_2")
    )


def _suffixed_agents(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`suffixed_agent`: a verbal noun in ة whose agent is a possessive pronoun («بعد زيارته مقر
    القنصلية», «مشاركتهم في»): the noun after it is what is acted on, not its agent. Not the
    object of a light verb near it, whose agent is the verb's subject («وقطعت اليمن وليبيا علاقاتها
    مع قطر»); further on the pronoun is its own («أجرى … مقابلة مع خاشقجي قبل ثلاثة أيام من زيارته»)."""
    return at_token(triggers, tokens, "last_token", last_norm="norm").with_columns(
        suffixed_agent=((pl.col("first_token") == pl.col("last_token")) & (pl.col("form_kind") == "verbal_noun")
                        & ((pl.col("first_token") - pl.col("anchor_first") == 0) | (pl.col("first_token") - pl.col("anchor_first") > MAX_OBJECT_GAP))
                        & pl.col("last_norm").str.contains("ت(ه|ها|هم|هما)$")).fill_null(False)
    ).drop("last_norm")


def outside_names(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Drop a trigger that is the genitive of a body's or a list's noun in construct (no ال):
    a name or a description, not an event — «منظمة حظر الأسلحة الكيميائية», «دول الحصار»,
    «فريق بحث», «مركز استهداف تمويل الإرهاب», «لجنة التحقيق»; and one written in a hashtag,
    a label: «وسم "#إطلاق_نار_في_حي_الخزامي"», «#السعوديه_تطرد_السفير_الكندي»."""
    hashtag = tokens.filter(pl.col("gap_before").str.contains("[#_]")).select("article_id", first_token="token_index")
    triggers = triggers.join(hashtag, on=["article_id", "first_token"], how="anti")
    heads = tokens.filter(pl.col("norm").is_in(with_proclitics(NAME_HEADS, ("و", "ف", "ب", "ل"))))
    # (a genitive is a noun: a verb after the head starts a clause of its own, «ثلاث مناطق وسيطرت على معظمها»)
    # (nor a noun of purpose: «بعثة لتقصي الحقائق» is a mission to find them, no name)
    in_names = triggers.filter(~pl.col("form_kind").is_in(["verb_past", "verb_present", "verb_passive"])
                               & ~pl.col("clitic").fill_null("").str.contains("ل")).join(
        heads.select("article_id", first_token=pl.col("token_index") + 1), on=["article_id", "first_token"], how="semi")
    return triggers.join(in_names.select("event_row"), on="event_row", how="anti")


def _anchor_light_verbs(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """Roles are sought around `anchor_first`/`anchor_last`: the trigger itself, or — for an
    object noun («مذكرة تفاهم», «هجوما») whose light verb came earlier with the subject between
    («وقع النظام السوري … الأحد مذكرة تفاهم») — that verb. An object noun of
    light_verb_objects.tsv is dropped unless its verb is found. `previous_end` is the previous
    trigger's last token in the sentence, which bounds a subject found before this one."""
    keys = ["article_id", "sentence_index"]
    # («أطلق عليها اسم …», «وأطلقوا عليها مسيرة العودة»: named, no act — but its object may be fire,
    # «أطلقوا عليهم الرصاص», and «ستطلق على الأرجح» is likely to launch)
    naming = (pl.col("verb_lemma") == LAUNCH) & (
        pl.col("next_word").str.contains("^علي(ه|ها|هم|هما)$") | ((pl.col("next_word") == "علي") & (pl.col("word_after") != LIKELY))
    ).fill_null(False)
    verbs = (tokens.join(light_verb_lemmas(), on="norm").pipe(at_token, tokens, pl.col("token_index") + 1, next_word="norm")
             .pipe(at_token, tokens, pl.col("token_index") + 2, word_after="norm")
             .select(*keys, "light", naming=naming, verb="token_index", verb_lemma="verb_lemma"))

    def nearest_verb(frame: pl.DataFrame, max_gap: int, light_only: bool) -> pl.DataFrame:
        """event_row, verb, verb_lemma: the nearest light verb (or object verb, unless
        `light_only`) before each trigger of `frame`, after the previous trigger and at most
        `max_gap` tokens before it."""
        return (
            # (a verb that names anchors no noun; an object noun of it, «عليهم الرصاص», is still its object)
            frame.join(verbs.filter(pl.col("light") & ~pl.col("naming")) if light_only else verbs, on=keys)
            .filter((pl.col("verb") < pl.col("first_token")) & (pl.col("verb") > pl.col("previous_end")))
            .sort("event_row", "verb", descending=[False, True])
            .unique("event_row", keep="first", maintain_order=True)
            .filter(pl.col("first_token") - pl.col("verb") <= max_gap)
        )

    is_object = pl.col("light_verbs").is_not_null()
    # a noun that is a trigger only as the object of one of its light verbs («فرضت إدارة ترامب
    # عقوبات على طهران»), and of the nearest one; not after a preposition («على العقوبات», «فيه»),
    # nor as the subject of a clause «أن» opens («ونشرت وكالة الأنباء أن قوات التحالف …»)
    # (a form of two rows — «قوات» sent, 074, or deployed, 154 — is the row of its verb; of two
    # forms from one word, the longer: «حظرا على التجول», not «حظرا»)
    objects = (
        nearest_verb(_with_previous_end(triggers).filter(is_object), MAX_OBJECT_GAP, light_only=False)
        .filter(pl.col("light_verbs").list.contains(pl.col("verb_lemma")))
        .pipe(at_token, tokens, pl.col("first_token") - 1, previous_word="norm")
        .filter(~pl.col("previous_word").is_in(NOT_BEFORE_OBJECTS).fill_null(False))
        .sort(pl.col("last_token") - pl.col("first_token"), "event_row", descending=[True, False])
        .unique(["article_id", "first_token"], keep="first", maintain_order=True)
        .select("event_row", "verb")
    )
    triggers = _with_previous_end(triggers.filter(~is_object | pl.col("event_row").is_in(objects["event_row"].implode())))
    anchors = (
        at_token(triggers.filter(~is_object), tokens, "first_token", how="inner", first_word="norm")
        # an object noun («مذكرة تفاهم», «مساعدات»), not a phrase that starts with its own verb («تشن هجوما»)
        .filter(
            pl.col("form_kind").is_in(["verbal_noun", "phrase"]) & pl.col("source_role").is_in(["subject", "genitive"])
            & pl.col("first_word").str.contains("^([وفبل]?ال|.+(ه|ات|ا)$)")
        )
        .pipe(nearest_verb, MAX_LIGHT_VERB_GAP, light_only=True)
        # («أطلق» reaches only its own object: «أطلقت الأمم المتحدة نداء لوقف … الهجمات» is no attack of hers)
        .filter((pl.col("verb_lemma") != LAUNCH) | (pl.col("first_token") - pl.col("verb") <= MAX_OBJECT_GAP))
        .select("event_row", "verb")
    )
    return (
        triggers.join(pl.concat([anchors, objects]), on="event_row", how="left")
        .with_columns(
            anchor_first=pl.coalesce("verb", "first_token"),
            anchor_last=pl.coalesce("verb", "last_token"),
            # the light verb's subject is the noun's agent: «أجرى الوزير محادثات», «بومبيو الذي أجرى زيارة»
            source_role=pl.when(pl.col("verb").is_not_null()).then(pl.lit("subject")).otherwise(pl.col("source_role")),
        )
        .drop("verb")
    )


def _with_previous_end(triggers: pl.DataFrame) -> pl.DataFrame:
    """`previous_end`: the last token of the sentence's previous trigger (-1 for its first); of
    the trigger before the span for two candidates of one span (two rows of an object noun)."""
    keys = ["article_id", "sentence_index"]
    return triggers.sort(*keys, "first_token").with_columns(previous_end=pl.col("last_token").shift(1).over(keys)).with_columns(
        previous_end=pl.col("previous_end").first().over(*keys, "first_token").fill_null(-1))


@cache
def light_verb_lemmas() -> pl.DataFrame:
    """norm (a verb's form, with its proclitics), verb_lemma (its row's first form), light (a row
    of LIGHT_VERB_ROWS, not only OBJECT_VERB_ROWS), present (a present form: «تفرض», «ويعقد»)."""
    rows = [(row, True) for row in LIGHT_VERB_ROWS] + [(row, False) for row in OBJECT_VERB_ROWS]
    forms = [(written, normalize_str(row.split()[0]), light, form[0] in "يت") for row, light in rows
             for form in (normalize_str(w) for w in row.split()) for written in with_proclitics([form], LIGHT_VERB_PROCLITICS)]
    return pl.DataFrame(forms, schema={"norm": pl.String, "verb_lemma": pl.String, "light": pl.Boolean, "present": pl.Boolean},
                        orient="row").unique("norm", keep="first", maintain_order=True)


def _statement_objects(triggers: pl.DataFrame) -> pl.DataFrame:
    """`statement_object`: a noun that is the object of the verb of appeal, praise, demand,
    criticism or rejection just before it (STATEMENT_ROOTS) — «أدانت تركيا استهداف المدنيين»,
    «رحبت الإمارات بالاتفاق», «دعت الأمم المتحدة إلى وقف القصف»: whoever condemns, welcomes
    or calls for it is not its doer. `previous_row`: the previous trigger of the sentence."""
    # plain shifts over the ordered triggers, kept within the sentence
    same = lambda n: (pl.col("sentence_index").shift(n) == pl.col("sentence_index")) & (  # noqa: E731
        pl.col("article_id").shift(n) == pl.col("article_id"))
    previous = lambda column: pl.when(same(1)).then(pl.col(column).shift(1))  # noqa: E731
    return triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        previous_row=previous("event_row"),
        next_trigger=pl.when(same(-1)).then(pl.col("first_token").shift(-1)),
        statement_object=(
            # a bare past form right after the statement and its subject is a noun: «أدانت فرنسا قصف …»
            (pl.col("form_kind").is_in(["verbal_noun", "phrase"])
             | ((pl.col("form_kind") == "verb_past") & (pl.col("clitic").fill_null("") == "")))
            # (after a statement verb or noun: «أدانت تركيا استهداف», «باتهام أردوغان بذبح السوريين»)
            & (is_verb(previous("form_kind")) | (previous("form_kind") == "verbal_noun"))
            & previous("cameo_code").str.slice(0, 2).is_in(STATEMENT_ROOTS)
            & ((pl.col("first_token") - previous("last_token")) <= MAX_STATEMENT_OBJECT_GAP)
        ).fill_null(False),
        # what a threat or an intent announces with ب is the speaker's own act: no source of its
        # own, it inherits the threat's (roles.inherit_missing_roles)
        own_act=(
            previous("cameo_code").str.slice(0, 2).is_in(OWN_ACT_ROOTS) & pl.col("form_kind").is_in(["verbal_noun", "phrase"])
            & ((pl.col("first_token") - previous("last_token")) <= MAX_CALL_GAP)
        ).fill_null(False),
    )


def _undergone(triggers: pl.DataFrame, tokens: pl.DataFrame) -> pl.DataFrame:
    """`undergone_verb`: the token of «تعرض / يتعرض …» or «يخضع / خاضعة …» a few words before a
    trigger, or «تحت» right before it — «تعرضت مواقع للنظام لقصف إسرائيلي», «تخضعان لحصار القوات
    الحكومية», «تحت حصار النظام»: who undergoes it is the target, not the source; so is who meets
    with a reaction (REACTION: «واجه خاشقجي اتهامات», «قوبل بن سلمان بترحيب»). So is who a
    `casualty_verb` names before an assault that a preposition introduces: «قتل فلسطيني
    برصاص الجيش الإسرائيلي», «أصيب 20 آخرون جراء قصف», «وقتل الاثنين 60 فلسطينيا برصاص» — but
    not one followed by a definite word other than a day or a count, its subject («قتل الجيش 5
    مسلحين في غارة»), nor before a clash, whose dead were among those who fought («قتل 30
    مسلحا في مواجهات مع …»)."""
    keys = ["article_id", "sentence_index"]
    casualty = pl.col("norm").str.contains(CASUALTY)
    # (with و only: «فتحت» is a verb, not ف + «تحت»)
    under = pl.col("norm").str.replace("^و", "") == UNDER
    reaction = pl.col("norm").str.contains(REACTION)
    words = tokens.filter(pl.col("norm").str.contains(UNDERGO) | casualty | under | reaction)
    # (a day or a definite count is no subject: «وقتل الاثنين 60 فلسطينيا», «قتل العشرات من …»)
    subject_after = pl.col("next_norm").str.starts_with("ال") & ~pl.col("next_norm").is_in([*DAY_WORDS, *DEFINITE_COUNTS])
    verbs = at_token(words, tokens, pl.col("token_index") + 1, next_norm="norm").filter(
        ~casualty | ~subject_after.fill_null(False)
    ).select(*keys, undergone_verb="token_index", casualty_verb=casualty, under=under, reaction=reaction)
    root = pl.col("cameo_code").str.slice(0, 2).cast(pl.Int32)
    # (ب as the trigger's clitic, or written into its form: «برصاص»)
    caused = (
        at_token(triggers, tokens, pl.col("first_token") - 1, previous_word="norm")
        .pipe(at_token, tokens, "first_token", first_word="norm")
        .select("event_row", *keys, "first_token", object_form=reads_as_object(),
                statement=root < STATEMENT_ROOT_LIMIT,
                caused=(root >= CASUALTY_ROOT) & ~pl.col("symmetric")
                & (pl.col("first_word").str.starts_with("ب") | pl.col("previous_word").is_in(CASUALTY_CAUSES)).fill_null(False))
    )
    gap = pl.col("first_token") - pl.col("undergone_verb")
    found = (
        caused.join(verbs, on=keys)
        .filter(gap.is_between(1, pl.when("under").then(1).otherwise(MAX_UNDERGONE_GAP))
                & (~pl.col("casualty_verb") | pl.col("caused"))
                # (a reaction: a noun of statement, demand or help, the verb's object)
                & (~pl.col("reaction") | (pl.col("statement") & pl.col("object_form") & (gap <= MAX_REACTION_GAP))))
    )
    # (not across a preposition, a word of time or cause, or another trigger)
    stops = pl.concat([
        tokens.filter(pl.col("norm").is_in(SEPARATE_PREPOSITIONS + REACTION_STOPS)).select(*keys, stop="token_index"),
        triggers.select(*keys, stop="first_token"),
    ])
    crossed = (
        found.filter("reaction").join(stops, on=keys)
        .filter(pl.col("stop").is_between(pl.col("undergone_verb"), pl.col("first_token"), closed="none"))
        .select("event_row", "undergone_verb").unique()
    )
    found = (
        found.join(crossed, on=["event_row", "undergone_verb"], how="anti")
        .sort("event_row", "undergone_verb", descending=[False, True])
        .unique("event_row", keep="first", maintain_order=True)
        .select("event_row", casualty_verb=pl.when("casualty_verb").then("undergone_verb"),
                undergone_verb=pl.when(~pl.col("casualty_verb")).then("undergone_verb"))
    )
    return triggers.join(found, on="event_row", how="left")


def punctuation_marks(tokens: pl.DataFrame) -> pl.DataFrame:
    """Running counts over the article, equal at two tokens when none stands between them:
    `marks`, tokens that follow punctuation (commas around a day, «أعلن الجيش، الجمعة، قصف», do
    not count); `preps`, separate prepositions; `clauses`, a bare «أن / إن / بأن / لأن» that
    opens a reported clause with its own subject («قال المرصد إن الطائرات قصفت») — not one with
    a pronoun («أعلن الجيش أنه قصف»: the same doer), nor «قبل أن», «من المقرر أن» (TIME_OR_PLAN)."""
    day = pl.col("norm").is_in(with_proclitics(DAY_WORDS, ("و", "ف", "ب", "ل")))  # (no day word starts with one)
    # (a token_index above 0: the previous row is the previous word of the same article)
    near_day = day | (day.shift(1) & (pl.col("token_index") > 0)).fill_null(False)
    marked = (pl.col("gap_before") != "") & ~near_day
    # (a plain shift: at an article's first token the previous word is another article's last)
    previous = pl.col("norm").shift(1).fill_null("")
    opens = pl.col("norm").is_in(CLAUSE_OPENERS) & ~previous.is_in(with_proclitics(TIME_OR_PLAN, ("و", "ف")))
    # counts run over the whole frame (ordered by article and token): only differences and
    # equalities within an article are used
    return tokens.select(
        "article_id", "token_index",
        marks=marked.cast(pl.Int32).cum_sum(),
        preps=pl.col("norm").is_in(SEPARATE_PREPOSITIONS).cast(pl.Int32).cum_sum(),
        clauses=opens.cast(pl.Int32).cum_sum(),
    )


def _clause_openings(triggers: pl.DataFrame, tokens: pl.DataFrame, marks: pl.DataFrame) -> pl.DataFrame:
    """`anchor_marks`, `anchor_clauses`, `anchor_preps` (at the anchor's first token; see
    punctuation_marks), `opens_clause`: the trigger opens a clause of its own — a verb with
    و/ف («وطردت»; not a coordinated noun «والغاز»), or after a relative pronoun — and
    `pronoun_subject`: a verb whose subject is the pronoun on the particle right before it («أنها
    طالبت المملكة»), so that the actor after it is its object, not its subject; and
    `relative_subject`: a verb right after a relative pronoun it agrees with, which is then its
    subject — the noun before the pronoun does the act («قوات الجيش الإسرائيلي، الذي اعتقل عددا
    من الفلسطينيين»), what follows is acted on. (One it does not agree with has a subject of its
    own after it: «الخواجة الذي ترفض سلطات البحرين زيارته».)"""
    return (
        at_token(triggers, marks, "anchor_first", anchor_marks="marks", anchor_clauses="clauses", anchor_preps="preps")
        .pipe(at_token, tokens, pl.col("anchor_first") - 1, previous_word="norm")
        .pipe(at_token, tokens, pl.col("anchor_first") - 2, antecedent_word="norm")
        .pipe(at_token, tokens, pl.col("last_token") + 1, next_word="norm")
        .with_columns(
            opens_clause=(
                (pl.col("clitic").str.contains("^[وف]") & is_verb()
                 & (pl.col("anchor_first") == pl.col("first_token")))
                | pl.col("previous_word").is_in(RELATIVES)
            ).fill_null(False),
            pronoun_subject=(is_verb() & (pl.col("anchor_first") == pl.col("first_token"))
                             & pl.col("previous_word").is_in(PRONOUN_SUBJECTS)).fill_null(False),
            relative_subject=((pl.col("anchor_first") == pl.col("first_token"))
                              & (pl.col("previous_word").replace_strict(SUBJECT_RELATIVES, default=None) == pl.col("verb_agreement"))
                              & ~pl.col("antecedent_word").is_in(TIME_ANTECEDENTS)
                              & ~pl.col("next_word").str.contains(NOMINATIVE_PLURAL)).fill_null(False),
        )
        .drop("previous_word", "antecedent_word", "next_word")
    )


def _verbs_describing_nouns(triggers: pl.DataFrame) -> pl.DataFrame:
    """`describes_noun`: a verb without و/ف right after a noun trigger of the same quad class,
    with no punctuation between — «هجوما صاروخيا استهدف مواقع قوات النظام», «غارات روسية
    استهدفت بلدة حرستا»: the noun is its subject, so what follows the verb is its object, and
    its doer is the noun's (inherited, roles.inherit_missing_roles). So does a verb whose relative
    pronoun stands for such a noun, a comma between or not: «القصف الصاروخي، الذي استهدف مقر الحزب»,
    «الرصاص الإسرائيلي الذي استهدف المتظاهرين»."""
    same = (pl.col("sentence_index").shift(1) == pl.col("sentence_index")) & (
        pl.col("article_id").shift(1) == pl.col("article_id"))
    previous = lambda column: pl.when(same).then(pl.col(column).shift(1))  # noqa: E731
    return triggers.sort("article_id", "sentence_index", "first_token").with_columns(
        describes_noun=(
            is_verb() & (pl.col("clitic").fill_null("") == "")
            & previous("form_kind").is_in(["verbal_noun", "phrase"])
            & (quad_class(pl.col("cameo_code")) == quad_class(previous("cameo_code")))
            # (a noun read from its light verb, «شن، مساء الأربعاء، هجوما», is measured from the verb)
            & ((previous("anchor_marks") == pl.col("anchor_marks")) | (previous("anchor_first") != previous("first_token"))
               | pl.col("relative_subject"))
            & (pl.col("first_token") - previous("last_token")).is_between(1, MAX_NEXT_VERB_GAP)
        ).fill_null(False)
    )


def quad_class(code: pl.Expr) -> pl.Expr:
    """CAMEO quad class: 1 verbal cooperation (01–05), 2 material cooperation (06–09), 3 verbal
    conflict (10–14), 4 material conflict (15–20)."""
    root = code.str.slice(0, 2).cast(pl.Int32)
    return pl.when(root <= 5).then(1).when(root <= 9).then(2).when(root <= 14).then(3).otherwise(4)


def reads_as_object() -> pl.Expr:
    """A trigger that can be a verb's object: a noun; a verb form with ب or ل, which a verb does not
    take («برفض»); a bare past form, which is also its noun («لاقت رفضا فوريا»: «رفضا» is the dual
    verb's spelling too) — not a present verb, nor a verb joined by و/ف («واجه الجيش المسلحين وطالب …»)."""
    clitic = pl.col("clitic").fill_null("")
    return ~is_verb() | clitic.str.contains("[بل]") | ((pl.col("form_kind") == "verb_past") & (clitic == ""))


def is_verb(form_kind: pl.Expr | None = None) -> pl.Expr:
    """A finite verb (verb_past, verb_present, verb_passive), not a verbal noun (verbal_noun:
    the two share the prefix «verb»)."""
    return (pl.col("form_kind") if form_kind is None else form_kind).str.starts_with("verb_")
