"""Event triggers in a sentence: lexicon matches, filtered for modality, aggregates and cues."""

from __future__ import annotations

import dataclasses
import itertools
from dataclasses import dataclass

from rasid.doc import Doc
from rasid.events import lexicon as lx
from rasid.events.lexicon import TriggerEntry
from rasid.model import SUB_TO_TYPE
from rasid.text import Sentence, Token
from rasid.text.matcher import Match
from rasid.text.normalize import normalize

_MODALITY_WINDOW = 6
_SAME_STRETCH = 8  # tokens between two triggers of one incident
_PROTEST = "Peaceful protest"
_CLASH = "Armed clash"
TERRITORY = frozenset(("Government regains territory", "Non-state actor overtakes territory"))
_SHELLING = "Shelling/artillery/missile attack"
_AIR = "Air/drone strike"
_DISRUPTED = "Disrupted weapons use"
_SUICIDE = "Suicide bomb"
_IED = "Remote explosive/landmine/IED"
_EXPLOSIONS = "Explosions/Remote violence"
_CHEMICAL = "Chemical weapon"
_INTERVENTION_CUES = lx._words("تفريق فرقت فرقوا لتفريق مسيل للدموع الغاز قنابل الغاز اعتقلت")
# Verbs of suppression count only right before the protest they act on ("قمعت الشرطة تظاهرة"),
# not "احتجاجا على قمع المتظاهرين العام الماضي" or "بفض النزاعات".
_SUPPRESS_WORDS = lx._words("قمع قمعت قمعوا تقمع لقمع فض فضت فضوا تفض لفض")
_PROTESTING_FOR = lx._words("علي احتجاجا ضد")
_ONGOING = frozenset(("استمرار", "تواصل", "ظل"))
_VIOLENT_PROTEST_CUES = lx._words(
    "مواجهات اشتباكات اشتبك اشتبكوا اشتبكت شغب الحجاره حجاره رشق احرقوا اضرموا اضرم مناوشات المناوشات صدامات"
    " الصدامات"
)
_ANTI = lx._words("مكافحه لمكافحه")
# Disruption verbs with other senses: objecting, toppling or dropping, dismantling a cell.
_OTHER_SENSES = lx._words("اعترض اعترضت اعترضوا اعتراض اسقط اسقطت اسقطوا اسقاط تفكيك فكك فككت")
_CLAUSE_ENDS = frozenset((".", "؛", ";", ":"))
_ASIDE_WORDS = frozenset(("وفقا", "وفق", "ووفقا", "وذلك", "وفي", "وهو", "وهي"))  # "، وفقا لبيان،": no clause
# Weapon words that a disruption verb ("اعترضت صاروخا") takes as object.
_OBJECT_PRONOUNS = ("ته", "تها", "ها", "هما", "هم")  # اعترضته، أسقطتها، تم اعتراضها
INFILTRATION = lx._words("تسلل التسلل للتسلل")  # "أحبط الجيش محاولة تسلل": a foiled infiltration is a clash
_CONFRONT = lx._words("تصدت تصدي تصدوا التصدي")
_ATTEMPT = lx._words("محاوله محاولات بمحاوله لمحاوله")
_ASSASSINATION = lx._words("اغتيال اغتال اغتالت اغتيل اغتيلت")
_SURVIVED = lx._words("نجا نجت نجوا ينجو نجاه")  # "نجا من محاولة اغتيال": the attempt was made
_POINTED_BACK = 25  # tokens between a weapon and the "اعتراضه" that points back at it
_NOUNS_WITH_OBJECT = lx._words("اعتراضه اسقاطه تفكيكه تدميره")  # "من اعتراضه": a masdar with "its"
_WEAPON_OBJECTS = {_SHELLING, _AIR, _IED, _SUICIDE}
_FIRING_VERBS = lx._words("اطلق اطلقت اطلقوا اطلقا")
_THEN = lx._words("ثم")
_SHOOTING = lx._words("اطلاق")  # "إطلاق نار": a shooting, unless another word names the event
_CAUSE_WORDS = lx.CAUSE_LEADS | lx._words("بعد")
# The words of the weak Attack row of killing, as written (not "قتلى", "قتلاها", which the
# matcher's enclitic readings take for "قتل"): the verb with its object pronoun too ("قتلته").
HANDS = lx._words("يد ايدي ايادي")
_KILLING = HANDS | lx._words(
    "قتل قتلت قتلوا يقتل تقتل يقتلون يقتلان قتلته قتلتها قتلتهم قتلوه قتلوها قتلوهم قتلها قتلهم"
)
_RELATIVES = frozenset(("التي", "الذي", "اللتين", "اللذين", "الذين", "اللاتي", "اللواتي"))


def _relative_at(tokens: list[Token], k: int) -> bool:
    """ "التي", "، والتي": a relative pronoun opens the clause at k."""
    if k < len(tokens) and not tokens[k].is_word:
        k += 1  # a comma before it
    return k < len(tokens) and tokens[k].norm.removeprefix("و") in _RELATIVES


@dataclass(slots=True)
class Trigger:
    sub_event_type: str
    weapon: str | None
    strong: bool
    tok_start: int
    tok_end: int
    downed_plane: bool = False  # "أسقط ... طائرة": a missile fired at a plane, whose owner is the target
    shares_toll: bool = False  # "قتل 20 في غارات ومواجهات": the toll is told once, with the strikes
    own_bomb: bool = False  # "انفجار عبوة أثناء زرعها": it went off in the hands of those who planted it
    killing: bool = False  # a bare killing word ("قتل مسلحون"): an event only with its killer named

    @property
    def event_type(self) -> str:
        return SUB_TO_TYPE[self.sub_event_type]


def _clause_end(tokens: list[Token], k: int) -> bool:
    """A full stop or semicolon, or a comma before "و" that starts a clause (not the commas around
    "، السبت،" or "، وفقا لبيان،")."""
    if tokens[k].norm in _CLAUSE_ENDS:
        return True
    nxt = tokens[k + 1].norm if k + 1 < len(tokens) else ""
    return tokens[k].norm in ("،", ",") and nxt.startswith("و") and nxt not in _ASIDE_WORDS


def _destroyed_weapon(tokens: list[Token], verb: Trigger, t: Trigger) -> bool:
    """A missile word the destroying verb's clause goes on to (no firing verb, no "فيما", "ثم" between):
    its object."""
    if t.sub_event_type != _SHELLING or not 0 <= t.tok_start - verb.tok_end <= 12:
        return False
    return not any(
        _clause_end(tokens, k)
        or _opens_contrast(tokens, k)
        or not _FIRING_VERBS.isdisjoint(tokens[k].forms)
        or not _THEN.isdisjoint(tokens[k].forms)
        for k in range(verb.tok_end, t.tok_start)
    )


def _stops_a_weapon(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """A weapon the disruption verb acts on: a pronoun pointing back ("اعترضته"), a weapon word in its
    clause after it, or one earlier in its sentence ("7 صواريخ اعترضتها")."""
    last = tokens[t.tok_end - 1]
    if last.norm.endswith(_OBJECT_PRONOUNS) or not _NOUNS_WITH_OBJECT.isdisjoint(last.forms):
        return True
    for k in range(t.tok_end, min(sentence.tok_end, t.tok_end + 14)):
        if _clause_end(tokens, k):
            break
        if not lx.STOPPED_OBJECTS.isdisjoint(tokens[k].forms):
            return True
    # before it, anywhere in the sentence: "صاروخ باليستي أطلقه الحوثيون ... واعترضته الدفاعات"
    return any(
        not lx.STOPPED_OBJECTS.isdisjoint(tokens[k].forms) for k in range(sentence.tok_start, t.tok_start)
    )


def _downs_aircraft(tokens: list[Token], sentence: Sentence) -> bool:
    """A plane or helicopter shot down (ACLED: a missile attack); a downed drone is a disrupted weapon.

    The plane must be what was downed: not the subject right after the verb ("أسقطت الطائرات براميل",
    "أسقطت الطائرات الحربية السورية طائرة تركية" downs the second), nor the launcher of the projectile
    that was ("أسقطت الدفاعات صاروخين أطلقتهما طائرات").
    """
    for k in range(sentence.tok_start, sentence.tok_end):
        if lx.DOWNING_WORDS.isdisjoint(tokens[k].forms):
            continue
        end = min(k + 8, sentence.tok_end)  # "أسقط الدفاع الجوي السوري بطريق الخطأ طائرة"
        for j in range(k + 1, end):
            if _clause_end(tokens, j):
                break  # "وإسقاط أعمدة كهرباء، وهبوط طائرات": another clause
            if _forms_in(tokens, j, j + 1, lx.PROJECTILE_WORDS):
                break  # a missile or shell came first: that is what was downed
            if not _forms_in(tokens, j, j + 1, lx.MANNED_AIRCRAFT):
                continue
            if _subject_aircraft(tokens, k, j):
                continue
            return not _forms_in(tokens, j + 1, min(j + 7, sentence.tok_end), lx.UNMANNED_WORDS)
    return False


def _subject_aircraft(tokens: list[Token], verb: int, j: int) -> bool:
    """ "أسقطت الطائرات ...": a definite aircraft right after the verb "أسقط" (not the masdar) did it."""
    return j == verb + 1 and tokens[j].norm.startswith("ال") and not tokens[verb].norm.endswith("اسقاط")


def _aircraft_dropped(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """ "أسقطت الطائرات براميل متفجرة": aircraft that drop bombs or barrels strike from the air."""
    k = t.tok_end
    if not _forms_in(tokens, t.tok_start, t.tok_end, lx.DOWNING_WORDS) or k >= sentence.tok_end:
        return False
    if not (_forms_in(tokens, k, k + 1, lx.MANNED_AIRCRAFT) and _subject_aircraft(tokens, k - 1, k)):
        return False
    return _forms_in(tokens, k + 1, min(k + 4, sentence.tok_end), lx.PROJECTILE_WORDS)


def _forms_in(tokens: list[Token], start: int, end: int, words: frozenset[str]) -> bool:
    return any(not words.isdisjoint(tokens[k].forms) for k in range(start, end))


def _suppressed(tokens: list[Token], start: int, triggers: list[Trigger]) -> bool:
    """A suppression verb within a few words before a protest word, not itself what is protested."""
    for t in triggers:
        if t.sub_event_type != _PROTEST:
            continue
        for k in range(max(start, t.tok_start - 6), t.tok_start):
            if not _SUPPRESS_WORDS.isdisjoint(tokens[k].forms) and (
                k == start or _PROTESTING_FOR.isdisjoint(tokens[k - 1].forms)
            ):
                return True
    return False


_LAUNCHER_NOUNS = lx._words("عربه عربات منصه منصات مخزن مخازن مستودع مستودعات ورشه ورش")
_SITE_NOUNS = _LAUNCHER_NOUNS | lx._words("موقع مواقع نقطه نقاط")
_LAUNCHING = lx._words("اطلاق")
_DESTROYING = lx._words("تدمير")  # the noun: "دمر انفجار متجرا" is the explosion that destroyed


def _what_was_hit(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """A missile word right after a launcher or store noun ("منصة صواريخ", "موقع إطلاق قذائف المورتر")
    names a thing, and so does a bomb right after a word of destroying ("تدمير سيارة مفخخة"): what
    was hit, not a launch or a bombing."""
    k = t.tok_start - 1
    if k < sentence.tok_start or t.sub_event_type not in (_SHELLING, _IED):
        return False
    if t.sub_event_type == _IED:
        return not _DESTROYING.isdisjoint(tokens[k].forms)
    if not _LAUNCHER_NOUNS.isdisjoint(tokens[k].forms):
        return True
    return (
        k > sentence.tok_start
        and not _LAUNCHING.isdisjoint(tokens[k].forms)
        and not _SITE_NOUNS.isdisjoint(tokens[k - 1].forms)
    )


def _violent_cue(tokens: list[Token], start: int, end: int) -> bool:
    """Stones, fires, clashes in the sentence; not the riot police ("قوات مكافحة الشغب"), a man who set
    himself on fire ("أضرم النار في نفسه"), a war of words ("مناوشات كلامية") or a fire set before
    ("بعد أن أضرم مجهولون النار")."""
    return any(
        not _VIOLENT_PROTEST_CUES.isdisjoint(tokens[k].forms)
        and not (k > start and not _ANTI.isdisjoint(tokens[k - 1].forms))
        and not any(not _NOT_RIOT_AFTER.isdisjoint(t.forms) for t in tokens[k + 1 : min(end, k + 6)])
        and not (k - 2 >= start and tokens[k - 2].norm in ("بعد", "قبل") and tokens[k - 1].norm == "ان")
        for k in range(start, end)
    )


_NOT_RIOT_AFTER = lx._words("نفسه نفسها انفسهم كلاميه لفظيه")


def _in_modal_scope(
    tokens: list[Token], sentence: Sentence, i: int, exact: bool = True, attempt: bool = False
) -> bool:
    """A negation, threat, plan, call or future tense governs the trigger at token i (with `attempt`,
    "محاولة" does not: "إحباط محاولة الحوثيين التسلل" reports the attempt that was fought off)."""
    first = tokens[i].norm
    if not exact and first.startswith(lx.FUTURE_PREFIXED) and first[1:] in tokens[i].forms:
        return True  # "سيقصف" matched as "يقصف"; "سيطر" itself is matched whole
    for k in range(max(sentence.tok_start, i - _MODALITY_WINDOW), i):
        tok = tokens[k]
        if tok.norm in ("،", ",", ".", "؛") or (attempt and not _ATTEMPT.isdisjoint(tok.forms)):
            continue
        if (
            not _ATTEMPT.isdisjoint(tok.forms)
            and _forms_in(tokens, k + 1, k + 2, _ASSASSINATION)
            and _forms_in(tokens, max(sentence.tok_start, k - 6), k, _SURVIVED)
        ):
            continue  # "نجا من محاولة اغتيال بعبوة ناسفة": the attempt was made, with that bomb
        if any(f in lx.NEGATION or f in lx.MODALITY for f in tok.forms):
            if tok.norm == "قد" and k + 1 < len(tokens) and not tokens[k + 1].norm.startswith("ي"):
                continue  # "قد تعرضت": past perfect, not a possibility
            return True
    return False


def _planned(tokens: list[Token], sentence: Sentence, end: int) -> bool:
    """ "مظاهرات مزمعة": the word right after the trigger says it has yet to happen."""
    return any(
        f in lx.PLANNED_AFTER for k in range(end, min(end + 2, sentence.tok_end)) for f in tokens[k].forms
    )


def _forbidden(tokens: list[Token], sentence: Sentence, start: int) -> bool:
    """ "منعت المعارضين من تنظيم مسيرة", "رفضت ... تنظيم مسيرة": the holding of it was forbidden."""
    if start - 1 <= sentence.tok_start or _HOLDING.isdisjoint(tokens[start - 1].forms):
        return False
    return _forms_in(tokens, max(sentence.tok_start, start - 6), start - 1, _FORBIDDING)


_HOLDING = lx._words("تنظيم اقامه تسيير")
_FORBIDDING = lx._words(
    "منع منعت منعوا تمنع يمنع حظر حظرت تحظر يحظر رفض رفضت ترفض يرفض"
)  # (the future forms, "ستمنع", are modality words)


_APPEAL = lx._words("الطعن طعن")
_COURT_WORDS = lx._words("نتائج الحكم حكم قرار المحكمه محكمه القضاء دعوي")


def _other_sense(tokens: list[Token], sentence: Sentence, m, date_tokens: set[int]) -> bool:
    """The word means something else here: "فجر الخميس" (dawn: part of a date), "رئيس تحرير",
    "اشتباك كلامي"."""
    if m.tok_start in date_tokens or m.tok_end - 1 in date_tokens:
        return True  # (a day told as an aside inside the phrase is no word of it: "النار، الجمعة، على")
    if m.tok_start > sentence.tok_start and not lx.OTHER_SENSE_BEFORE.isdisjoint(
        tokens[m.tok_start - 1].forms
    ):
        return True
    if not lx.MARCH_WORDS.isdisjoint(tokens[m.tok_start].forms) and any(
        not lx.AIRCRAFT_NOUNS.isdisjoint(t.forms)
        for t in tokens[max(sentence.tok_start, m.tok_start - 2) : m.tok_start]
    ):
        return True  # "الطائرة الإيرانية المسيرة": a drone, not a march
    if m.tok_start > sentence.tok_start and not lx.CYBER_WORDS.isdisjoint(tokens[m.tok_start - 1].forms):
        return True  # "هجوم إلكتروني استهدف وزارته": the verb tells of that attack
    if not _APPEAL.isdisjoint(tokens[m.tok_end - 1].forms) and any(
        not _COURT_WORDS.isdisjoint(t.forms) for t in tokens[m.tok_end : min(sentence.tok_end, m.tok_end + 6)]
    ):
        return True  # "الطعن في نتائج الانتخابات أمام المحكمة": an appeal, not a stabbing
    if _only_detected(tokens, sentence, m):
        return True
    if (
        m.value.sub_event_type == "Abduction/forced disappearance"
        and m.tok_end < sentence.tok_end
        and not _ABSTRACT_HOSTAGES.isdisjoint(tokens[m.tok_end].forms)
        and not (m.tok_end + 1 < sentence.tok_end and tokens[m.tok_end + 1].norm == "الاسلاميه")
    ):  # ("اختطفت الدولة الإسلامية عشرين مدنيا": the group, the verb's subject)
        return True  # "اختطاف الدولة ومؤسساتها": a figure of speech, no one was seized
    if (
        m.tok_start > sentence.tok_start
        and not _AIR_DEFENCE.isdisjoint(tokens[m.tok_start].forms)
        and not _UNIT_SITES.isdisjoint(tokens[m.tok_start - 1].forms)
    ):
        return True  # "غارات على معسكر الدفاع الجوي": the unit's camp, a target, not an interception
    if m.value.sub_event_type in TERRITORY and any(
        not _RECALLED.isdisjoint(t.forms) for t in tokens[m.tok_end : min(sentence.tok_end, m.tok_end + 7)]
    ):
        return True  # "استعادت الولايات المتحدة، الثلاثاء، ذكرى الهجوم": a memory recalled, no ground
    return m.tok_end < sentence.tok_end and not lx.OTHER_SENSE_AFTER.isdisjoint(tokens[m.tok_end].forms)


_CHEMICAL_AGENTS = lx._words(
    "كيميائيه كيماويه كيمياويه كيميائي كيماوي كيمياوي الكيميائيه الكيماويه سامه السامه الكلور السارين"
)
_CARRYING = lx._words(
    "مليئه محمله محملا تحمل يحمل تحتوي يحتوي محشوه معبأه مملوءه مواد ماده بمواد بماده غاز غازات بغاز بغازات"
)
_RECALLED = lx._words("ذكري ذكريات الذكري الذكريات ذكراه ذكراها انفاسه انفاسها توازنه توازنها عافيته ثقته")
_DETECTED = lx._words("رصد رصدت رصدوا رصدتها")
_AIR_DEFENCE = lx._words("الدفاع الدفاعات")
_ABSTRACT_HOSTAGES = lx._words(
    "الدوله دوله المؤسسات مؤسسات القرار الوطن الثوره الشرعيه البلد البلاد الحوار المبادره العمليه السياسيه"
)
_UNIT_SITES = lx._words("معسكر معسكرات قاعده مقر مقرات لواء كتيبه مواقع موقع مخازن مخزن قياده")
_STOPPED = lx._words(
    "اعترض اعترضت اعترضوا اعتراض تصدت تصدى تصدوا التصدي اسقط اسقطت اسقاط دمرت دمر تدمير التعامل تعاملت"
    " تعامل احبط احبطت احباط"
)


def _only_detected(tokens: list[Token], sentence: Sentence, m) -> bool:
    """ "رصدت قوات الدفاع الجوي صاروخا سقط في الصحراء": air defence that only saw the missile stopped
    nothing; the missile is the event."""
    if lx.AIR_DEFENCE.isdisjoint(tokens[m.tok_start].forms):
        return False
    words = [tokens[k].stems for k in range(sentence.tok_start, sentence.tok_end)]  # "اعتراضه", "برصد"
    return any(not _DETECTED.isdisjoint(f) for f in words) and all(_STOPPED.isdisjoint(f) for f in words)


_DEPOT_WORDS = frozenset(lx._words("مستودع مستودعات مخزن مخازن مخبا مخابئ"))


def _is_depot(tokens: list[Token], t: Trigger) -> bool:
    return not _DEPOT_WORDS.isdisjoint(tokens[t.tok_start].forms)


_CAMPAIGN_HEADS = frozenset(("معركه", "عمليه", "حمله"))


def _campaign_name(tokens: list[Token], sentence: Sentence, start: int, end: int) -> bool:
    """ "معركة تحرير الحديدة", "عملية «غصن الزيتون»", "معركة الساحل": a campaign's name, not one day's
    fighting (the plural "معارك عنيفة في ..." reports fighting)."""
    if end - start != 1 or not _CAMPAIGN_HEADS.intersection(tokens[start].forms) or end >= sentence.tok_end:
        return False
    nxt = tokens[end]
    return nxt.norm == '"' or nxt.norm.startswith("ال") or "تحرير" in nxt.forms


def _in_quoted_name(tokens: list[Token], sentence: Sentence, i: int) -> bool:
    """ "مجموعة «أوقفوا الحرب»", "عملية «عاصفة الحزم»": the trigger is part of a quoted name."""
    for k in range(i - 1, max(sentence.tok_start, i - 4) - 1, -1):
        if tokens[k].norm == '"':
            return k > sentence.tok_start and not lx.NAMING_WORDS.isdisjoint(tokens[k - 1].forms)
    return False


def _is_aggregate(tokens: list[Token], sentence: Sentence, m_start: int, counted: set[int]) -> bool:
    """ "نحو خمسين هجوما منذ مطلع العام": a count of many attacks over a period is no event.

    The number counts the trigger when it stands right before it ("خمسين هجوما", "عشرات من الهجمات");
    "وأصيب 24 في تفجير" counts the wounded of one bombing.
    """
    before = m_start - 1
    if before > sentence.tok_start and "من" in tokens[before].forms:
        before -= 1
    if not (before >= sentence.tok_start and before in counted):
        return False
    # "12 غارة خلال الساعات الماضية": a day's strikes, counted, are that day's event
    return any(
        not lx.AGGREGATE_WORDS.isdisjoint(tokens[k].forms)
        and not (tokens[k].norm == "خلال" and _forms_in(tokens, k + 1, min(k + 4, sentence.tok_end), _HOURS))
        for k in range(sentence.tok_start, sentence.tok_end)
    )


_HOURS = lx._words("الساعات ساعات الساعه ساعه ساعتين الساعتين اليوم الليله ليله")


_USED = lx._words("استخدم استخدمت استخدموا استخدمو مستخدمين مستخدما مستخدمة واستخدم واستخدمت واستخدموا")


def _arms_used(tokens: list[Token], raw: list, r) -> bool:
    """A weapon word up to seven words after "استخدم", with an event word of another kind before it."""
    entry, start, _ = r
    if entry.weapon is None or not any(
        not _USED.isdisjoint(t.forms) for t in tokens[max(0, start - 7) : start]
    ):
        return False
    return any(  # an attack or a battle told just before (not an arrest in another clause)
        o[1] < start
        and SUB_TO_TYPE[o[0].sub_event_type] in _ARMED_TYPES
        and SUB_TO_TYPE[o[0].sub_event_type] != SUB_TO_TYPE[entry.sub_event_type]
        and not any(_opens_contrast(tokens, k) for k in range(o[1], start))
        for o in raw
    )


_ARMED_TYPES = frozenset(("Battles", "Violence against civilians", "Explosions/Remote violence"))


_FAILED = lx._words("فشل فشلت فشلوا عجز عجزت عجزوا اخفق اخفقت اخفقوا")


def _failed(tokens: list[Token], sentence: Sentence, start: int) -> bool:
    return any(not _FAILED.isdisjoint(t.forms) for t in tokens[max(sentence.tok_start, start - 5) : start])


_QUESTIONS = lx._words("سؤال سؤالا اسئله تساؤل تساؤلات استفسار استفسارات")
_CONTRAST_STARTS = frozenset(("في", "وفي", "بينما", "فيما", "وبينما", "وفيما", "ردا", "وردا"))


_PURPOSE_LAM = ("ل", "ول", "فل")  # "لتحرير": in order to (no word of taking ground begins with ل)
_TO_ACHIEVE = frozenset(("لتحقيق", "ولتحقيق"))
_RESULT_VERBS = lx._words("ادت ادي افضت افضي اسفرت اسفر قادت قاد انتهت انتهي")
_HALT_VERBS = lx._words("اوقف اوقفت اوقفوا")
_DETAINED = lx._words(
    "اشخاص شخص شخصا شخصين مسلحين مسلحا عناصر عنصرا مشتبه المشتبه متهمين المتهمين مطلوبين المطلوبين"
    " رجل رجلا امراه شاب شابا شبان مواطنين مواطنا"
)
_HALTED = lx._words(
    "تحركات تحرك تقدم زحف اطلاق العمل عمل القتال المعارك العمليات عمليات الهجوم ضخ تصدير الدعم دعم"
    " المساعدات التمويل تمويل المفاوضات المحادثات الرحلات رحلات الملاحه الحركه حركه تنفيذ بث البث"
)


def _halted(tokens: list[Token], sentence: Sentence, start: int, end: int, counted: set[int]) -> bool:
    """ "أوقفت القوات أمس تحركات المسلحين", "أوقفت الحكومة الدعم": "أوقف" stops a thing, it arrests
    no one (the thing is its object, within six words and before any people: not "أوقفت الشرطة خمسة
    مسلحين بعد الهجوم", "أوقفت أشخاصا بتهمة دعم الإرهاب")."""
    if _HALT_VERBS.isdisjoint(tokens[start].forms):
        return False
    for k in range(end, min(sentence.tok_end, end + 6)):
        if k in counted or not _DETAINED.isdisjoint(tokens[k].forms):
            return False
        if tokens[k].norm in _HALTED:
            return True
    return False


_TIME_BEFORE = lx._words("بعد منذ عقب اثر غداه")
_PLACE_PRONOUNS = ("ه", "ها", "هم", "هما")  # as written: a word ending in taa marbuta ("ة") has none


def _taken_before(
    tokens: list[Token], sentence: Sentence, start: int, end: int, date_tokens: set[int]
) -> bool:
    """ "هبطت طائرة في مطار عدن بعد تحريره", "منذ استعادتها": the taking of a place the pronoun names,
    after a time word, recalls a deed told before (the sentence's day is the later news's). Not
    "بعد سيطرته على المدينة" (the pronoun is who took it), nor "عقب تحريره الأسبوع الماضي" (dated)."""
    return (
        end == start + 1
        and start > sentence.tok_start
        and not _TIME_BEFORE.isdisjoint(tokens[start - 1].forms)
        and normalize(tokens[start].text, taa_marbuta=False).text.endswith(_PLACE_PRONOUNS)
        and not (end < sentence.tok_end and tokens[end].norm == "علي")  # "على" as matched
        and date_tokens.isdisjoint(range(end, end + 3))
    )


def _opens_contrast(tokens: list[Token], k: int) -> bool:
    """Token k starts "في حين", "بينما", "فيما" (or their "و" forms), or "ردا على": what the deed
    answered is another event, with its own day, place and sides."""
    word = tokens[k].norm
    if word not in _CONTRAST_STARTS:
        return False
    if word in ("في", "وفي"):
        return k + 1 < len(tokens) and tokens[k + 1].norm == "حين"
    if word in ("ردا", "وردا"):  # not "ردا على سؤال": an answer inside reported speech
        return (
            k + 1 < len(tokens)
            and tokens[k + 1].norm == "علي"
            and (k + 2 >= len(tokens) or _QUESTIONS.isdisjoint(tokens[k + 2].forms))
        )
    return True


def contrast_clauses(tokens: list[Token], sentence: Sentence) -> list[Sentence]:
    """The sentence cut before "في حين", "بينما", "فيما" (each part a Sentence over its tokens)."""
    cuts = [sentence.tok_start]
    for k in range(sentence.tok_start + 1, sentence.tok_end - 1):
        if _opens_contrast(tokens, k):
            cuts.append(k)
    cuts.append(sentence.tok_end)
    return [
        dataclasses.replace(sentence, tok_start=a, tok_end=b) for a, b in itertools.pairwise(cuts) if b > a
    ]


def doc_clauses(doc: Doc, sentence: Sentence) -> list[Sentence]:
    """contrast_clauses of a sentence of the Doc, cut once and kept on it."""
    parts = doc.clauses.get(sentence.i)
    if parts is None:
        parts = doc.clauses[sentence.i] = contrast_clauses(doc.tokens, sentence)
    return parts


def _is_cumulative(tokens: list[Token], sentence: Sentence, date_tokens: set[int]) -> bool:
    """ "منذ 18 شباط", "في الأيام التسعة الماضية": a toll or campaign over a period is no single event.

    A sentence that also names the day of one incident ("منذ تموز، آخرها في 9 آب") is not cumulative.
    """
    since_dates: set[int] = set()
    cumulative = False
    for k in range(sentence.tok_start, sentence.tok_end):
        if not lx.SINCE_THEN.isdisjoint(tokens[k].forms):
            cumulative = True
        if k + 1 < sentence.tok_end and not lx.SINCE_WORDS.isdisjoint(tokens[k].forms):
            nxt = tokens[k + 1]
            if not lx.THEN_WORDS.isdisjoint(nxt.forms):
                cumulative = True
            elif any(t.norm == "اليوم" for t in tokens[k + 1 : min(k + 4, sentence.tok_end)]):
                pass  # "منذ صباح اليوم": one day's toll
            elif k + 1 in date_tokens:
                cumulative = True
                j = k + 1
                while j in date_tokens:
                    since_dates.add(j)
                    j += 1
            elif not lx.PERIOD_START_WORDS.isdisjoint(nxt.forms):
                cumulative = True
        if not lx.PERIOD_UNITS.isdisjoint(tokens[k].forms):  # "في الأيام التسعة الماضية"
            end = min(k + 3, sentence.tok_end)
            if any(f in lx.PERIOD_PAST for t in tokens[k + 1 : end] for f in t.forms):
                cumulative = True
                since_dates.update(range(k, end))  # the period itself names no incident's day
    if not cumulative:
        return False
    other_dates = [
        k for k in range(sentence.tok_start, sentence.tok_end) if k in date_tokens and k not in since_dates
    ]
    return not other_dates


_WHILE = lx._words("اثناء خلال لدي عند")
_RIGGING = lx._words(
    "تفخيخ تفخيخها تفخيخه زرع زرعها زرعه زرعهم تجهيز تجهيزها تجهيزه اعداد اعدادها صنع صناعه تركيب تركيبها"
)


def _while_rigging(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """ "مقتل 7 من عناصر داعش بانفجار عجلة أثناء محاولتهم تفخيخها", "انفجرت العبوة أثناء زرعها": a bomb that
    went off in its makers' hands (ACLED: disrupted weapons use), no attack."""
    end = min(sentence.tok_end, t.tok_end + 6)
    for k in range(t.tok_end, end):
        if not _WHILE.isdisjoint(tokens[k].forms):
            return _forms_in(tokens, k + 1, min(end + 1, k + 3, len(tokens)), _RIGGING)
    return False


_FINDING = lx._words("عثر عثرت عثروا العثور")
_FOUND = _FINDING | lx._words("ضبط ضبطت ضبطوا صادرت صادر مصادره")
_ARMS = lx._words(
    "المتفجره متفجره متفجرات المتفجرات اسلحه الاسلحه سلاح السلاح ذخائر الذخائر ذخيره عبوه عبوات العبوات لغم"
    " الغام الالغام صاروخ صواريخ الصواريخ قذيفه قذائف القذائف قنبله قنابل القنابل ناسفه الناسفه مفخخه مفخخات"
    " بنادق البنادق رشاشات الرشاشات مسدسات المسدسات عتاد العتاد اعتده"
)


def _arms_found(tokens: list[Token], sentence: Sentence, entry: TriggerEntry, start: int, end: int) -> bool:
    """ "عثر الجيش على كمية من مادة التي إن تي المتفجرة": what was found, a few words on, is arms."""
    return _weak_find(entry, tokens, start, end, _FOUND) and _arms_after(tokens, sentence, end)


def _people_found(tokens: list[Token], sentence: Sentence, entry: TriggerEntry, start: int, end: int) -> bool:
    """ "تم العثور على شرطيين مقتولين", "عثر على سكريبال فاقدا الوعي": what was found is no arms."""
    return _weak_find(entry, tokens, start, end, _FINDING) and not _arms_after(tokens, sentence, end)


def _weak_find(entry: TriggerEntry, tokens: list[Token], start: int, end: int, verbs: frozenset[str]) -> bool:
    return (
        entry.sub_event_type == _DISRUPTED
        and entry.strength == "weak"
        and _forms_in(tokens, start, end, verbs)
    )


def _arms_after(tokens: list[Token], sentence: Sentence, end: int) -> bool:
    words = [t for t in tokens[end : sentence.tok_end] if t.is_word][:12]
    return any(not _ARMS.isdisjoint(t.forms) for t in words)


def _controlled(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """ "تفجير عبوات ناسفة تحت السيطرة": a controlled detonation (not "في بلدة تحت السيطرة التركية", a
    town someone holds)."""
    end = min(sentence.tok_end - 1, t.tok_end + 4)
    for k in range(t.tok_end, end):
        if tokens[k].norm == "تحت" and tokens[k + 1].norm == "السيطره":
            after = tokens[k + 2].norm if k + 2 < sentence.tok_end else ""
            return not after.startswith("ال")
        if tokens[k].norm in ("في", "ب", "داخل", "قرب"):
            return False  # a place follows: whose control it is under, not how the bomb went off
    return False


def _carries_poison(tokens: list[Token], sentence: Sentence, t: Trigger) -> bool:
    """ "قنابل كيميائية", "براميل محملة بغاز الكلور", "قذائف تحمل غازات سامة" (not "الضربات أو الهجوم
    الكيماوي": the poison must follow the weapon itself)."""
    for k in range(t.tok_end, min(sentence.tok_end, t.tok_end + 5)):
        if not _CHEMICAL_AGENTS.isdisjoint(tokens[k].forms):
            return True
        if _CARRYING.isdisjoint(tokens[k].forms):
            return False
    return False


def _is_killing(entry: TriggerEntry) -> bool:
    """The lexicon row of bare killing words ("قتل", "على أيدي")."""
    return entry.sub_event_type == "Attack" and entry.weapon is None and entry.strength == "weak"


def is_hit(tokens: list[Token], m: Match[TriggerEntry]) -> bool:
    """A lexicon match that is the word it stands for: not "أربعة قتلى", which the matcher's enclitic
    reading takes for the killing verb "قتل"."""
    return not _is_killing(m.value) or _forms_in(tokens, m.tok_start, m.tok_end, _KILLING)


def names_event(entry: TriggerEntry) -> bool:
    """A word that names an event of its own: not a cue, nor a killing verb, which tells a toll as much."""
    return entry.strength != "cue" and not _is_killing(entry)


def _part(cuts: list[int], k: int) -> int:
    """Which part of the sentence (cut at the token indices `cuts`) token k lies in."""
    return sum(1 for start in cuts if start <= k)


def find_triggers(
    tokens: list[Token],
    sentence: Sentence,
    matches: list,
    counted: set[int],
    has_casualties: bool,
    date_tokens: set[int],
    periods: bool = True,
    clauses: list[Sentence] | None = None,
) -> list[Trigger]:
    """The event triggers of one sentence, after modality, aggregate and cue rules. `matches`: the
    sentence's lexicon hits (rasid.events.trigger_stage.sentence_hits).

    With periods=False (before the dates are known) the check for tolls over a period is skipped, so
    that the result holds every trigger the full call can return. `clauses`: the sentence's
    contrast_clauses, when already cut.
    """
    if all(m.value.strength == "cue" for m in matches):
        return []
    if periods and _is_cumulative(tokens, sentence, date_tokens):
        return []
    # "قتل 149 فلسطينيا مذاك، في حين قتل جندي الجمعة": the toll since then is no event of that Friday
    if not periods:
        clauses = []
    elif clauses is None:
        clauses = contrast_clauses(tokens, sentence)
    if len(clauses) > 1:
        cumulative = [c for c in clauses if _is_cumulative(tokens, c, date_tokens)]
        matches = [m for m in matches if not any(c.tok_start <= m.tok_start < c.tok_end for c in cumulative)]
    # the parts of a sentence cut by "في حين/بينما/فيما/ردا على": each tells its own events; an aircraft
    # named before "ردا على" still flies what follows ("ضربات ردا على الهجمات، حينما قصفت")
    cuts = [c.tok_start for c in clauses] or [sentence.tok_start]
    while_cuts = [k for k in cuts if tokens[k].norm not in ("ردا", "وردا")]

    raw: list[tuple[TriggerEntry, int, int]] = []
    cues: list[tuple[TriggerEntry, int, int]] = []
    unsaid: list[int] = []  # ends of strong words a modal or a plan takes back
    for m in matches:
        entry: TriggerEntry = m.value
        if entry.strength == "cue":
            cues.append((entry, m.tok_start, m.tok_end))
            continue
        attempt = _forms_in(tokens, m.tok_start, m.tok_end, INFILTRATION)
        if (
            _in_modal_scope(tokens, sentence, m.tok_start, m.exact, attempt)
            or _planned(tokens, sentence, m.tok_end)
            or _forbidden(tokens, sentence, m.tok_start)
        ):
            if entry.strength == "strong":
                unsaid.append(m.tok_end)
            continue
        if _in_quoted_name(tokens, sentence, m.tok_start):
            continue
        if _campaign_name(tokens, sentence, m.tok_start, m.tok_end) or _other_sense(
            tokens, sentence, m, date_tokens
        ):
            continue
        if entry.sub_event_type == _CHEMICAL and entry.strength == "weak":
            outside = [*range(sentence.tok_start, m.tok_start), *range(m.tok_end, sentence.tok_end)]
            if not any(f in lx.CHEMICAL_USE for k in outside for f in tokens[k].forms):
                continue  # "برنامج الأسلحة الكيميائية": weapons, not their use
        if _is_aggregate(tokens, sentence, m.tok_start, counted):
            continue
        if _people_found(tokens, sentence, entry, m.tok_start, m.tok_end):
            continue
        if (
            entry.sub_event_type in TERRITORY
            and (
                tokens[m.tok_start].norm.startswith(_PURPOSE_LAM)
                or (m.tok_start > 0 and tokens[m.tok_start - 1].norm in _TO_ACHIEVE)  # "لتحقيق التقدم"
            )
            and not _forms_in(tokens, max(sentence.tok_start, m.tok_start - 4), m.tok_start, _RESULT_VERBS)
        ):  # "حملة لاستعادة السيطرة على الرقة", "هجوما لتحرير المدينة": the aim, not ground taken (not
            continue  # "أدت الاشتباكات لسيطرة قسد على البلدة": what the fighting led to)
        if (
            entry.sub_event_type == "Arrests"
            and _halted(tokens, sentence, m.tok_start, m.tok_end, counted)
            and not any(SUB_TO_TYPE[o.value.sub_event_type] == "Protests" for o in matches)
        ):  # (not "اقتحم المحتجون المطار وأوقفوا حركة الملاحة": what the crowd did)
            continue
        # (only once the dates are known: the call without them keeps a superset of the triggers)
        if (
            periods
            and entry.sub_event_type in TERRITORY
            and _taken_before(tokens, sentence, m.tok_start, m.tok_end, date_tokens)
        ):
            continue
        raw.append((entry, m.tok_start, m.tok_end))
    # "اتهمت إسرائيل بالمسؤولية عن الغارة التي استهدفت ...": a weak word in the relative clause of the
    # strong one a modal took back says nothing more
    raw = [
        r
        for r in raw
        if r[0].strength == "strong"
        or not any(0 < r[1] - end <= 3 and _relative_at(tokens, end) for end in unsaid)
    ]
    # "فشل الحوثيون في تحقيق أي تقدم ميداني": ground not taken
    raw = [r for r in raw if not (r[0].sub_event_type in TERRITORY and _failed(tokens, sentence, r[1]))]
    # "انفجار استهدف موكب مدير الأمن الذي نجا من محاولة الاغتيال", "محاولة اغتيال بعبوة ناسفة": the
    # bombing is how the killing was tried, and the event
    aims = [
        r for r in raw if r[0].sub_event_type == "Attack" and _forms_in(tokens, r[1], r[2], _ASSASSINATION)
    ]
    bombing = {r[1] for r in raw if r[0].sub_event_type in (_IED, _SUICIDE, "Grenade")} if aims else set()
    if bombing:
        raw = [r for r in raw if r not in aims]
    # "شنوا هجوما استهدف تجمعا للجيش استخدموا خلاله قذائف": the arms used in an attack told before
    raw = [r for r in raw if not _arms_used(tokens, raw, r)]
    # "قتل مسلحون ثلاثة مدنيين": a killing is the event only when no other word names it (not "قتل ...
    # في غارة")
    killings = [r for r in raw if _is_killing(r[0])]
    if killings:  # ("قتل ثلاثة على أيدي مسلحين": the words that name the killer)
        by_hands = [r for r in killings if _forms_in(tokens, r[1], r[2], HANDS)]
        raw = [r for r in raw if r not in killings] or by_hands or killings
    if not raw:
        return []
    # "وأسقطت طائرة مسيرة": a drone that was shot down says nothing about how the rest was fired.
    downed = [(s, t) for e, s, t in raw if e.sub_event_type == _DISRUPTED and e.strength == "strong"]
    downed_weapon = next((c[0].weapon for c in cues if any(0 <= c[1] - t <= 3 for _, t in downed)), None)
    cues = [c for c in cues if not any(0 <= c[1] - t <= 3 for _, t in downed)]
    air_cue = next((c for c in cues if c[0].weapon == "aircraft"), None)
    if air_cue is None:  # "ضربات" beside a generic "قصفت" says the shelling came from the air
        air_cue = next((r for r in raw if r[0].sub_event_type == _AIR and r[0].strength == "weak"), None)
    drone_cue = next((c for c in cues if c[0].weapon == "drone"), None)
    triggers = [
        Trigger(
            e.sub_event_type,
            e.weapon,
            e.strength == "strong" or s in bombing or _arms_found(tokens, sentence, e, s, t),
            s,
            t,
            killing=_is_killing(e),
        )
        for e, s, t in raw
    ]
    # "دمرت الطائرات عربة صواريخ", "غارة على منصة صواريخ": a launcher or a store is what was hit
    hitting = air_cue or drone_cue or any(t.sub_event_type in (_AIR, _DISRUPTED) for t in triggers)
    if hitting:  # aircraft or a disruption verb hit it ("قصفت راجمة صواريخ" fired, it was not hit)
        triggers = [t for t in triggers if not _what_was_hit(tokens, sentence, t)] or triggers

    ground_at = [
        t.tok_start
        for t in triggers
        if t.sub_event_type == _SHELLING and t.weapon in ("artillery", "mortar", "rocket")
    ]
    # "في غارات للتحالف ومواجهات مع المقاومة": fighting beside named strikes is fighting on the ground
    air_named = any(t.sub_event_type == _AIR and t.strong for t in triggers)
    destroyers: list[Trigger] = []
    for t in triggers:
        # Generic shelling or attack words with an aircraft/drone cue are air strikes (unless guns are
        # named beside it: "قصفت مدفعية الجيش ... في حين حلقت طائرات التحالف").
        ground = any(abs(k - t.tok_start) <= 3 for k in ground_at)
        # (an aircraft named in another part of the sentence flies another event)
        cued = any(
            c is not None and _part(while_cuts, c[1]) == _part(while_cuts, t.tok_start)
            for c in (air_cue, drone_cue)
        )
        if (t.sub_event_type == _SHELLING and t.weapon is None and cued and not ground) or (
            t.sub_event_type == _CLASH and not t.strong and cued and not air_named
        ):
            t.sub_event_type, t.weapon = _AIR, "drone" if drone_cue else "aircraft"
        elif t.sub_event_type == _AIR and t.weapon == "aircraft" and drone_cue:
            t.weapon = "drone"
        elif (
            t.sub_event_type == _DISRUPTED
            and not t.strong
            and any(c[0].weapon in ("aircraft", "drone") and 0 <= c[1] - t.tok_end <= 1 for c in cues)
        ):  # "دمرت مقاتلات التحالف آليات": what warplanes destroy, they struck from the air
            t.sub_event_type, t.strong = _AIR, True
            t.weapon = "drone" if drone_cue else "aircraft"
            destroyers.append(t)
    # "دمرت طائرات التحالف، الخميس، صاروخا كانت الميليشيات تستعد لإطلاقه": the missile was what they hit
    triggers = [t for t in triggers if not any(_destroyed_weapon(tokens, d, t) for d in destroyers)]

    # "قتل ثلاثة في إطلاق نار": a shooting. Not "إطلاق النار الذي وقع" (the one already told of), nor
    # beside another event's word, which it only says how was fought ("هجوم بإطلاق النار").
    others = any(not (t.sub_event_type == "Attack" and t.weapon == "firearm") for t in triggers)
    triggers = [
        t
        for t in triggers
        if t.strong
        or t.sub_event_type != "Attack"
        or not _forms_in(tokens, t.tok_start, t.tok_end, _SHOOTING)
        or not (others or tokens[t.tok_end - 1].norm.startswith("ال"))
    ]
    # "أطلق مسلحون مجهولون الرصاص على": the firing verb a few words before its object, when nothing
    # more specific is said ("وقع هجوم بسكين وأطلق الجنود النار على المنفذ": the soldiers responded)
    if not any(t.strong for t in triggers):
        for t in triggers:
            if t.sub_event_type == "Attack" and t.weapon == "firearm":
                window = range(max(sentence.tok_start, t.tok_start - 3), t.tok_start)
                t.strong = any(not _FIRING_VERBS.isdisjoint(tokens[k].forms) for k in window)
    # A disruption verb takes the weapon that follows it: "اعترضت صاروخا" is no missile attack.
    # "غارة استهدفت مستودع أسلحة": a depot that was struck is the target, the strike is the event.
    if any(t.sub_event_type in _WEAPON_OBJECTS for t in triggers):
        triggers = [t for t in triggers if not (t.sub_event_type == _DISRUPTED and _is_depot(tokens, t))]
    infiltrations = [
        t
        for t in triggers
        if t.sub_event_type == _CLASH and _forms_in(tokens, t.tok_start, t.tok_end, INFILTRATION)
    ]
    triggers = [
        t
        for t in triggers
        if not (
            t.sub_event_type == _DISRUPTED and any(0 <= i.tok_start - t.tok_end <= 8 for i in infiltrations)
        )
    ]
    disrupted = [t for t in triggers if t.sub_event_type == _DISRUPTED and t.strong]
    plane_downed = bool(disrupted) and _downs_aircraft(tokens, sentence)
    for d in disrupted:
        d.weapon = d.weapon or downed_weapon
        if plane_downed:  # "إسقاط إسرائيل لطائرة سورية": a missile fired at a plane
            d.sub_event_type, d.weapon, d.downed_plane = _SHELLING, "missile", True
        elif _aircraft_dropped(tokens, sentence, d):  # "أسقطت الطائرات براميل": dropped, from the air
            d.sub_event_type, d.weapon = _AIR, "aircraft"
    disrupted = [d for d in disrupted if d.sub_event_type == _DISRUPTED]
    if disrupted:
        for d in disrupted:
            # "اعترضت صاروخا", and "الصاروخ كان باتجاه ينبع ... وتمكنت الدفاعات من اعتراضه" (the pronoun
            # points back at the nearest weapon before it, within the sentence's next few clauses)
            last = tokens[d.tok_end - 1]
            back = last.norm.endswith(_OBJECT_PRONOUNS) or not _NOUNS_WITH_OBJECT.isdisjoint(last.forms)
            earlier = [
                t for t in triggers if t.sub_event_type in _WEAPON_OBJECTS and t.tok_end <= d.tok_start
            ]
            nearest = max(earlier, key=lambda t: t.tok_end) if back and earlier else None
            if nearest is not None and any(
                nearest.tok_end <= c[1] < d.tok_start for c in cues if c[0].weapon
            ):
                nearest = None  # "صاروخا ... كما أرسلوا طائرة مسيرة ... من اعتراضها": the drone was stopped
            for t in triggers:
                after = 0 <= t.tok_start - d.tok_end <= 8
                before = t is nearest and d.tok_start - t.tok_end <= _POINTED_BACK
                if t.sub_event_type in _WEAPON_OBJECTS and (after or before):
                    d.weapon = d.weapon or t.weapon
                    t.sub_event_type = ""
        triggers = [t for t in triggers if t.sub_event_type]
        # "تصدت القوات لصاروخ" stopped a weapon; "تصدت القوات لهجوم" fought off an attack (a clash), and
        # "اعترضت روسيا على القرار", "إسقاط أعمدة كهرباء", "إسقاط عضوية النائب" stopped no weapon at all
        triggers = [
            t
            for t in triggers
            if not (
                t.sub_event_type == _DISRUPTED
                and t.weapon is None
                and t.tok_end - t.tok_start == 1
                and (
                    _forms_in(tokens, t.tok_start, t.tok_end, _CONFRONT)
                    or (
                        _forms_in(tokens, t.tok_start, t.tok_end, _OTHER_SENSES)
                        and not _stops_a_weapon(tokens, sentence, t)
                    )
                )
            )
        ]

    # "تفجير عبوات ناسفة تحت السيطرة": bombs the forces blew up safely were defused, not set off at anyone
    for t in triggers:
        if t.sub_event_type != _IED:
            continue
        controlled = _controlled(tokens, sentence, t)
        if controlled or _while_rigging(tokens, sentence, t):
            t.own_bomb = not controlled
            t.sub_event_type, t.weapon, t.strong = _DISRUPTED, t.weapon or "ied", True
    # "قنابل مليئة بمواد كيميائية سامة ضربت دوما": bombs that carry a poison are a chemical attack
    poisoned = [
        t
        for t in triggers
        if t.sub_event_type in (_IED, _SHELLING, _AIR) and _carries_poison(tokens, sentence, t)
    ]
    for t in poisoned:
        t.sub_event_type, t.weapon = _CHEMICAL, "chemical"
    # "قصفت القوات البلدة بقذائف تحمل غازات سامة", "قصفت دوما بغاز الكلور": the shelling word just
    # before tells how the gas came
    gas = [
        t
        for t in triggers
        if t in poisoned or (t.sub_event_type == _CHEMICAL and tokens[t.tok_start].norm.startswith("ب"))
    ]
    # (not "قصفت اللطامنة بالمدفعية وهاجمت بغاز الكلور كفرزيتا": another weapon or deed between them)
    triggers = [
        x
        for x in triggers
        if not (
            x.sub_event_type in (_IED, _SHELLING, _AIR)
            and x.weapon is None
            and any(
                0 <= t.tok_start - x.tok_end <= 6
                and not any(x.tok_end <= o.tok_start < t.tok_start for o in triggers if o is not t)
                and not any(x.tok_end <= c[1] < t.tok_start for c in cues)
                for t in gas
            )
        )
    ]
    subs = {t.sub_event_type for t in triggers if t.strong}
    # A suicide attack absorbs the car bomb or explosion that carried it.
    if _SUICIDE in subs:
        weapon = next((t.weapon for t in triggers if t.weapon in ("car_bomb", "suicide_vest")), None)
        for t in triggers:
            if t.sub_event_type == _SUICIDE:
                t.weapon = t.weapon or weapon
        triggers = [t for t in triggers if t.sub_event_type != _IED]
    # A suicide or car bombing among protesters is the bombing ("فجر انتحاري نفسه وسط محتجين"):
    # protesters named only are its victims (bombs they threw stay part of the riot).
    bombed = any(t.sub_event_type == _SUICIDE or t.weapon == "car_bomb" for t in triggers if t.strong)
    # shelling or a strike from the air, named: never absorbed into a protest, and it keeps the toll
    remote_named = any(t.sub_event_type in (_AIR, _SHELLING) and t.strong for t in triggers)
    if bombed:
        triggers = [t for t in triggers if t.sub_event_type != _PROTEST or t.strong]
    # Protests take their sub-type from what happened to them.
    if any(t.sub_event_type == _PROTEST for t in triggers):  # a strong word, or protesters named
        start, end = sentence.tok_start, sentence.tok_end
        # "اعتصموا احتجاجا على قتل العقيد بإطلاق النار عليه": what was protested is an event of its own
        first = min(t.tok_start for t in triggers if t.sub_event_type == _PROTEST)
        cause = next(
            (k for k in range(first, end) if not lx.PROTESTED_LEADS.isdisjoint(tokens[k].forms)), None
        )
        if cause is not None:
            end, has_casualties = cause, False
        if remote_named:
            has_casualties = False  # "قصفت طائرة مسيرة مشاركين في مسيرة ... مقتل ثلاثة": the strike's dead
        if bombed:
            sub = _PROTEST
        elif _violent_cue(tokens, start, end):
            sub = "Violent demonstration"
        elif has_casualties:
            sub = "Excessive force against protesters"
        elif _forms_in(tokens, start, end, _INTERVENTION_CUES) or _suppressed(tokens, start, triggers):
            sub = "Protest with intervention"
        else:
            sub = _PROTEST
        # Fighting, bombs and arrests at a protest are what happened to it (not shelling or a strike
        # from the air: "قصفت طائرة من دون طيار مشاركين في المسيرة" is the strike).
        absorbed = [
            t
            for t in triggers
            if (
                t.event_type in ("Battles", "Riots", _EXPLOSIONS) or t.sub_event_type in ("Arrests", "Attack")
            )
            and not (bombed and (t.sub_event_type == _SUICIDE or t.weapon == "car_bomb"))
            and not (t.strong and t.sub_event_type in (_AIR, _SHELLING))
            and t.tok_start < end
        ]
        protest_at = [t.tok_start for t in triggers if t.sub_event_type == _PROTEST]
        if sub == _PROTEST and any(
            t.sub_event_type == "Attack" and t.weapon == "firearm" and t.strong and 0 <= k - t.tok_end <= 1
            for t in absorbed
            for k in protest_at
        ):  # "أطلقت القوات النار على المتظاهرين", no one hit (not "احتجاجا على إطلاق النار على صياد")
            sub = "Protest with intervention"
        triggers = [t for t in triggers if t not in absorbed]
        for t in triggers:
            if t.sub_event_type == _PROTEST:
                t.sub_event_type = sub
                t.weapon = "firearm" if sub == "Excessive force against protesters" else None
                # "فرقت قوات الأمن المتظاهرين": the sentence tells what happened to the protesters
                t.strong = t.strong or sub != _PROTEST or any(a.strong for a in absorbed)
        subs = {t.sub_event_type for t in triggers if t.strong}
    # Ground taken after battles is one event, coded as the change of territory ("تحرير ... بعد معارك").
    territory = next((t.sub_event_type for t in triggers if t.sub_event_type in TERRITORY), None)
    if territory is not None and any(t.sub_event_type == _CLASH for t in triggers):
        for t in triggers:
            if t.sub_event_type == _CLASH:
                t.sub_event_type, t.weapon = territory, None
        subs = {t.sub_event_type for t in triggers if t.strong}
    # "في غارات للتحالف ومواجهات مع المقاومة": fighting joined to air strikes or shelling is its own
    # event (not "في ظل استمرار المواجهات"), and the toll the sentence gives once stays with the strikes.
    for t in triggers:
        if t.sub_event_type == _CLASH and not t.strong and remote_named and t.tok_end < sentence.tok_end:
            word = tokens[t.tok_start].norm
            before = tokens[t.tok_start - 1].norm if t.tok_start > sentence.tok_start else ""
            fighting = not lx.FIGHTING_WORDS.isdisjoint(tokens[t.tok_start].forms)
            ongoing = before in _ONGOING  # "في ظل استمرار المواجهات": a state of war, no incident
            # "قصفت المدفعية ... ردا على مواجهات": the fighting is the cause told, not this report's
            cause = any(
                not _CAUSE_WORDS.isdisjoint(tokens[k].forms)
                for k in range(max(sentence.tok_start, t.tok_start - 3), t.tok_start)
            )
            # "ومواجهات مع المقاومة", "تزامن القصف مع مواجهات شهدتها جبهة مريس"
            joined = tokens[t.tok_end].norm in ("مع", "بين") or before in ("مع", "ومع")
            t.strong = fighting and not ongoing and not cause and joined
            # "غارات ومواجهات", "تزامنت الغارات مع مواجهات": one toll for both may be told before them
            t.shares_toll = t.strong and (word.startswith("و") or before in ("مع", "ومع"))
    subs = {t.sub_event_type for t in triggers if t.strong}
    # Weak words ("هجوم", "انفجار", "ضربات") give way to any specific trigger of their part of the sentence
    # ("شن الجيش هجوما ... في حين دمرت مقاتلات التحالف آليات": the ground attack stays).
    if subs:
        strong_parts = {_part(cuts, t.tok_start) for t in triggers if t.strong}
        triggers = [t for t in triggers if t.strong or _part(cuts, t.tok_start) not in strong_parts]
    # One trigger per sub-type and stretch of the sentence, with the most specific weapon seen;
    # triggers far apart may report incidents in different places ("64 in A … 11 in B").
    merged: list[Trigger] = []
    for t in triggers:
        kept = next(
            (
                m
                for m in merged
                if m.sub_event_type == t.sub_event_type
                and t.tok_start - m.tok_end <= _SAME_STRETCH
                and _part(cuts, m.tok_start) == _part(cuts, t.tok_start)
            ),
            None,
        )
        if kept is None:
            merged.append(t)
            continue
        if kept.weapon is None or (kept.weapon == "rocket" and t.weapon == "missile"):
            kept.weapon = t.weapon or kept.weapon
        kept.strong = kept.strong or t.strong
    return merged
