"""The event stage: triggers → events with date, place, actors, weapon, casualties, note.

Sentence by sentence: each trigger becomes a candidate event whose arguments come from the same
sentence, falling back to the discourse (the previous sentences) and the article's main place.
Candidates then merge per (date, town, sub-type), as the guidelines define an event.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass

from rasid.actors import lexicon, nationality, resolve_inter
from rasid.actors.match import PRESS_NOUNS, VEHICLE_WORDS, names_a_front
from rasid.doc import Doc
from rasid.events import lexicon as lx
from rasid.events.casualties import CasualtyFinder, Count
from rasid.events.classifier import load_classifier
from rasid.events.trigger_stage import sentence_hits
from rasid.events.triggers import (
    HANDS,
    INFILTRATION,
    TERRITORY,
    Trigger,
    doc_clauses,
    find_triggers,
    names_event,
)
from rasid.model import (
    SUB_TO_TYPE,
    Actor,
    ActorMention,
    DateMention,
    Event,
    Location,
    PlaceMention,
    Span,
)
from rasid.notes import note
from rasid.places import container, default_gazetteer
from rasid.places.gazetteer import distance_km, in_part
from rasid.places.resolve import FEATURES_FOR_TYPE, NAMED_FEATURE_WORDS, TYPE_CUES
from rasid.text import Sentence, Token, norm

_CONTEXT_SENTENCES = 2  # how far back a sentence's missing date or place may come from
_LEAD_SENTENCES = 2  # the lead may leave the place to the headline and the next sentence
_SAME_AREA_KM = 30  # a town and the area around it
_BACKGROUND_DAYS = 2
_UNDATED_MENTION_DAYS = 7  # a day not told again, within the week
_NEEDS_CONTEXT = {"Strategic developments"}
# a country, or a part of one ("جنوب سوريا"): a place no better than the country, only more exact
_COUNTRY_FEATURES = {"PCLI", "PCL", "PCLD", "PCLS", "PCLF", "COUNTRY", "PART"}
_VICTIM_LEADS = lx._words(
    "مقتل مصرع استشهاد اصابه جرح قتل اصيب استهدف استهدفت لاستهداف لقي لقيت لقوا لقيا استشهد استشهدت"
)
_VICTIM_PREPOSITIONS = lx._words("من ضد علي بحق")  # "ثلاثة من عناصر", "على مواقع الحوثيين" (two words back)
_MIN_PERPETRATOR_MENTIONS = 2
_MIN_BLAME_MENTIONS = 3  # an unclaimed attack is laid on a group only if the article keeps naming it
_PEACEFUL = "Peaceful protest"
_PLANTED = frozenset(("Remote explosive/landmine/IED", "Suicide bomb", "Grenade"))  # never a state's
_EXPLOSIONS = "Explosions/Remote violence"
_REMOTE_STRIKES = frozenset(("Air/drone strike", "Shelling/artillery/missile attack"))
_MIN_STATE_MENTIONS = 3
_PREPOSITIONS = frozenset(
    "في من الي علي عن مع قرب بين عند نحو داخل خارج حول و باتجاه اتجاه تجاه صوب فوق قباله".split()
)
_TWO_SIDED = {"Battles", "Riots", "Strategic developments", "Protests"}
_WEAK_ACTOR_LABELS = {"ACTOR_METONYM", "ACTOR_DEMONYM", "ACTOR_ORG"}
_TARGET_NOUNS = lx._words(
    "موقع موقعا مواقع مقر مقرا مقرات منزل منزلا منازل تجمع تجمعات اهداف هدف هدفا قاعده مركز مركزا مراكز ارتال"
    " رتل رتلا"
)
_AGENT_LEADS = lx._words(
    "برصاص بنيران بقصف يد قبل شنها شنته شنتها نفذها نفذه نفذته نفذتها تبنته تبنتها"
    " اطلقه اطلقها اطلقته اطلقتها اطلقوه اطلقوها زرعها زرعه زرعته زرعتها زرعوها فجرها فجره فجرته"
)  # "صاروخ أطلقه الحوثيون", "عبوة زرعها مسلحون"


@dataclass(slots=True)
class _Context:
    date: DateMention | None = None
    date_sentence: int = -10
    place: PlaceMention | None = None
    place_sentence: int = -10
    claim: tuple[ActorMention | None] | None = None  # the group that claimed the attack, once found
    kind: Trigger | None = None  # the last attack named by its weapon ("هجوم بالأسلحة الكيماوية")
    kind_sentence: int = -10


# where gas is a weapon of the war (ACLED "Chemical weapon"); elsewhere a poisoning attacks the people hit
_CHEMICAL_WARS = frozenset(("SY", "IQ", "YE", "LY", "AF", "SO", "SD", "SS", "NG", "ML", "PS", "UA"))
# "the town" words, each with the features of the places it can point back at (a village: no seat)
_THE_TOWN = {
    **dict.fromkeys(lx._words("المدينه"), FEATURES_FOR_TYPE["town"]),
    **dict.fromkeys(lx._words("البلده القريه"), ("PPL", "PPLX")),
    **dict.fromkeys(lx._words("المخيم"), FEATURES_FOR_TYPE["camp"]),
}


# attacks a later "الهجوم" refers back to by their kind (named by a weapon, not "دوي انفجار")
_NAMED_KINDS = frozenset(("Chemical weapon", "Suicide bomb", "Remote explosive/landmine/IED"))


def _take_kind(doc: Doc, s: Sentence, trig: Trigger, triggers: list[Trigger], ctx: _Context) -> None:
    """ "تقارير عن هجوم بالأسلحة الكيماوية ... 49 قتيلا في الهجوم الذي وقع في دوما": "the attack" of a
    sentence that names no weapon is the kind of attack named just before."""
    if (
        ctx.kind is None
        or s.i - ctx.kind_sentence > _CONTEXT_SENTENCES
        or trig.strong
        or trig.sub_event_type != "Armed clash"
        or any(t.sub_event_type != "Armed clash" for t in triggers)
        or not _trigger_has(doc, trig, _DEFINITE_ATTACK)
        or _words_after(doc, trig.tok_end, 3, _NEW_ATTACK_WORDS)  # "الهجوم الذي شنه مسلحون على حاجز"
    ):
        return
    trig.sub_event_type, trig.weapon = ctx.kind.sub_event_type, ctx.kind.weapon


_ALSO = frozenset(("كما", "وكما"))


def _strikes_again(doc: Doc, s: Sentence, trig: Trigger, candidates: list[Event]) -> Event | None:
    """ "شنت طائرات التحالف غارات على صنعاء. كما قصفت معسكرا في ذمار": "also shelled", with no subject,
    right after air strikes told in the sentence before, is the same aircraft striking again (the trigger
    becomes an air strike; the air strike it follows is returned)."""
    if (
        trig.sub_event_type != "Shelling/artillery/missile attack"
        or trig.weapon is not None
        or not candidates
    ):
        return None
    if doc.tokens[s.tok_start].norm not in _ALSO or trig.tok_start != s.tok_start + 1:
        return None
    last = candidates[-1]
    if last.sub_event_type != "Air/drone strike" or last.evidence is None:
        return None
    if _told_in(doc, last) != s.i - 1:
        return None
    trig.sub_event_type, trig.weapon = last.sub_event_type, last.weapon
    return last


def _told_in(doc: Doc, ev: Event) -> int:
    """The index of the sentence the event's evidence quotes (-10 without evidence)."""
    if ev.evidence is None:
        return -10
    return next((x.i for x in doc.sentences if x.start <= ev.evidence.start < x.end), -10)


def _struck_by(event: Event, striker: Event) -> None:
    """The strike's side is the one that struck before; a side the sentence named is what was hit."""
    if striker.actor1 is None or (event.actor1 is not None and _same_side(event.actor1, striker.actor1)):
        return
    if (event.actor1 is not None and event.actor2 is not None) or (
        event.actor2 is not None and _same_side(event.actor2, striker.actor1)
    ):
        return  # both sides named, or the striker already the second: the sentence's own reading stands
    if event.actor1 is not None:
        event.actor2 = event.actor1
        if "actor1" in event.spans:
            event.spans["actor2"] = event.spans.pop("actor1")
    event.actor1 = striker.actor1
    event.spans.pop("actor1", None)
    if "actor1" in striker.spans:
        event.spans["actor1"] = striker.spans["actor1"]


def _anaphoric_place(doc: Doc, s: Sentence, trig: Trigger, ctx: _Context) -> bool:
    """ "على أطراف المدينة الشمالية": "the town" of a sentence with a strong trigger points back at the
    town last named (a village or a camp only at a village or a camp)."""
    if not trig.strong or ctx.place is None or s.i - ctx.place_sentence > _CONTEXT_SENTENCES:
        return False
    feature = ctx.place.feature
    return any(
        feature in _THE_TOWN[f]
        for t in doc.tokens[s.tok_start : s.tok_end]
        for f in t.forms
        if f in _THE_TOWN
    )


def _nearest(mentions: list, trigger: Trigger) -> object | None:
    """The mention closest to the trigger, preferring one after it at equal distance."""
    if not mentions:
        return None

    def distance(m) -> tuple[int, int]:
        if m.tok_start >= trigger.tok_end:
            return m.tok_start - trigger.tok_end, 0
        return trigger.tok_start - m.tok_end, 1

    return min(mentions, key=distance)


def _located(places: list[PlaceMention]) -> list[PlaceMention]:
    return [p for p in places if p.location is not None and p.location.lat is not None]


_LAUNCH_WORDS = lx._words(
    "اطلق اطلقت اطلقوا اطلقا اطلقتا اطلاق انطلق انطلقت انطلقوا انطلقا قادمه قادما اقلعت اقلع اقلعوا اقلاعها"
    " اتت اتي اتوا جاءت"  # "المقاتلات أتت من قاعدة حميميم"
    " اعتراض اعترض اعترضت اعترضوا"  # "اعتراض صاروخ باليستي من داخل الأراضي اليمنية (صعدة)"
)


_BASE_WORDS = lx._words("قاعده قاعدتها قاعدته مطار جويه العسكريه في")
# between "من" and the place a launch came from: "من داخل الأراضي اليمنية (شمال محافظة عمران)"
_ORIGIN_GAP = _BASE_WORDS | lx._words(
    "داخل الاراضي اراضي اليمنيه السوريه اللبنانيه العراقيه ( شمال جنوب شرق غرب شمالي جنوبي شرقي غربي محافظه"
    " مدينه منطقه ولايه اقليم"
)
_BASE_NAMED = lx._words("قاعده مطار")  # the word after them is the base's own name


def _is_origin(doc: Doc, p: PlaceMention) -> bool:
    """ "أطلقت الصواريخ من مدينة X", "أقلعت من قاعدة في X": the place a launch came from is not where
    the event happened."""
    k = p.tok_start - 1
    while (
        k >= 0
        and p.tok_start - k <= 6
        and (
            not _ORIGIN_GAP.isdisjoint(doc.tokens[k].forms)
            or (k > 0 and not _BASE_NAMED.isdisjoint(doc.tokens[k - 1].forms))  # "قاعدة إنجرليك"
        )
    ):
        k -= 1  # "من قاعدة (جوية) في X", "من داخل الأراضي اليمنية (شمال محافظة X)"
    if k < 0 or doc.tokens[k].norm != "من":
        return False
    # "إطلاق صاروخ باليستي من قبل الميليشيا الحوثية، من داخل الأراضي اليمنية من محافظة عمران"
    return any(f in _LAUNCH_WORDS for t in doc.tokens[max(0, k - 14) : k] for f in t.forms)


_CLAUSE_BREAKS = frozenset(("،", ",", "؛", ";", ":"))


def _in_clause(doc: Doc, places: list[PlaceMention], trigger: Trigger) -> list[PlaceMention]:
    """The places between the commas around the trigger ("على حدود غزة، تزامنا مع ... في القدس")."""
    tokens = doc.tokens
    s = doc.sentence_of(trigger.tok_start)
    lo = trigger.tok_start
    while lo > s.tok_start and tokens[lo - 1].norm not in _CLAUSE_BREAKS:
        lo -= 1
    hi = trigger.tok_end
    while hi < s.tok_end and tokens[hi].norm not in _CLAUSE_BREAKS:
        hi += 1
    return [p for p in places if lo <= p.tok_start < hi]


_CAUSE_OR_PROTESTED = lx.CAUSE_LEADS | lx.PROTESTED_LEADS


def _cause_start(doc: Doc, trigger: Trigger) -> int:
    """Where "احتجاجا على", "تنديدا ب", "إثر", "عقب" or "ردا على" opens the cause of the trigger's event
    ("اعتصم الآلاف احتجاجا على قتل عقيد ليل السادس من آب"): a day or toll from there on is the cause's.
    The end of the sentence when none does."""
    s = doc.sentence_of(trigger.tok_start)
    return next(
        (
            k
            for k in range(trigger.tok_end, s.tok_end)
            if not _CAUSE_OR_PROTESTED.isdisjoint(doc.tokens[k].forms)
        ),
        s.tok_end,
    )


def _clause_of(doc: Doc, trigger: Trigger) -> Sentence:
    """The trigger's part of its sentence, cut before "فيما", "بينما", "في حين" (the sentence if uncut)."""
    s = doc.sentence_of(min(trigger.tok_start, len(doc.tokens) - 1))
    return next((p for p in doc_clauses(doc, s) if p.tok_start <= trigger.tok_start < p.tok_end), s)


def _in_contrast_clause(doc: Doc, mentions: list, trigger: Trigger) -> list:
    """The mentions of the trigger's part of the sentence."""
    part = _clause_of(doc, trigger)
    return [m for m in mentions if part.tok_start <= m.tok_start < part.tok_end]


def _named_after(doc: Doc, p: PlaceMention) -> bool:
    """ "جبل الحديدة", "شارع بغداد": a feature word before the name the match does not include."""
    return p.tok_start > 0 and not NAMED_FEATURE_WORDS.isdisjoint(doc.tokens[p.tok_start - 1].forms)


_AIMED_TYPES = frozenset(("Shelling/artillery/missile attack", "Disrupted weapons use"))
_TOWARD_WORDS = lx._words("باتجاه اتجاه نحو صوب")


def _aimed_at(doc: Doc, located: list[PlaceMention], trigger: Trigger) -> list[PlaceMention]:
    """ "صاروخين أطلقا من قبل الحوثيين في اليمن باتجاه الأراضي السعودية": missiles are told of where
    they were fired at, soon after the trigger or its launch word (a country only when no town or area
    is named)."""
    if trigger.sub_event_type not in _AIMED_TYPES:
        return []
    aimed = [
        p
        for p in located
        if p.tok_start >= trigger.tok_end
        and _words_before(doc, p.tok_start, 2, _TOWARD_WORDS)
        and (p.tok_start <= trigger.tok_end + 12 or _words_before(doc, p.tok_start, 10, _LAUNCH_WORDS))
    ]
    if all(_is_country(p) for p in aimed) and not all(_is_country(p) for p in located):
        return []
    return aimed


def _across_border(doc: Doc, p: PlaceMention) -> bool:
    k = p.tok_start
    return k >= 2 and doc.tokens[k - 1].norm == "مع" and not _BORDER_WORDS.isdisjoint(doc.tokens[k - 2].forms)


def _choose_place(doc: Doc, places: list[PlaceMention], trigger: Trigger) -> PlaceMention | None:
    """The located place nearest the trigger, a town or area before a country, a target before the
    place a launch came from."""
    located = _located(places)
    if not located:
        return None
    located = [p for p in located if not _is_origin(doc, p)] or located
    # "قرب الحدود مع النيجر": the neighbour across the border is not where it happened
    located = [p for p in located if not (_is_country(p) and _across_border(doc, p))] or located
    # "تحرير جبل الحديدة وأجزاء من مديرية ناطع": a mountain named like a town is not that town, when
    # its clause names another town or area (not only a country: "في جبل سنجار ... في العراق")
    named_after = [p for p in located if _named_after(doc, p)]
    if any(
        not _named_after(doc, o) and not _is_country(o)
        for p in named_after
        for o in _in_clause(doc, located, Trigger("", None, True, p.tok_start, p.tok_end))
    ):
        located = [p for p in located if p not in named_after]
    located = [p for p in located if not _names_other_event(doc, p, trigger)]
    # "مدينة قلعة المضيق، شمال غربي حماة": the area after the comma says where the town lies, and so
    # does a town or province joined by "ب" ("جبهة ميدي بحجة", "منطقة الخانق برداع")
    located = [
        p for p in located if not _locates_the_last(doc, p, located) and not _holds_the_last(doc, p, located)
    ] or located
    # "حي الروضة في مدينة تعز": a neighbourhood said to lie in a town far from it is another of that name
    located = [p for p in located if not _quarter_elsewhere(doc, p, located)] or located
    if not located:
        return None
    # "... قرب حدود جازان، فيما سقطت قذائف في منطقة نجران": a "while" clause tells of its own place
    located = _in_contrast_clause(doc, located, trigger) or located
    located = _aimed_at(doc, located, trigger) or located
    # "الهجوم الذي وقع، السبت، في مدينة دوما": what follows "happened" says where.
    happened = _happened_after(doc, trigger)
    if happened is not None and any(p.tok_start > happened for p in located):
        located = [p for p in located if p.tok_start > happened]
    elif (verb := _relative_verb(doc, trigger)) is not None:
        # "العمل الإرهابي الذي استهدف ... بمنطقة عسير": the place the relative clause's verb gives
        clause = _in_clause(doc, located, Trigger("", None, True, verb, verb + 1))
        located = [p for p in clause if p.tok_start > verb] or located
    else:
        # "وأدى الحادث، الذي وقع في مدينة أولم ...، حسبما أفادت النيابة العامة في شتوتغارت": where it was
        # said to happen, before the deed word (not "الخطف في دابشي ... حادثة مماثلة وقعت في شيبوك")
        located = [
            p for p in located if p.tok_end <= trigger.tok_start and _said_to_happen_at(doc, p)
        ] or located
    # The places between the commas around the trigger first ("على حدود غزة، تزامنا مع ... في القدس"),
    # unless that clause names only a country.
    clause = _in_clause(doc, located, trigger)
    if any(not _is_country(p) for p in clause):
        located = clause
    pool = [p for p in located if not _is_country(p)] or located
    best = min(p.location.geo_precision or 3 for p in pool)
    return _nearest([p for p in pool if (p.location.geo_precision or 3) == best], trigger)


def _locates_the_last(doc: Doc, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """An area near a town ("شمال غربي حماة") set off by a comma right after another town or area."""
    if p.location is None or p.location.geo_precision != 2 or p.tok_start < 2:
        return False
    if doc.tokens[p.tok_start - 1].norm not in ("،", ","):
        return False
    return any(
        q.tok_end == p.tok_start - 1 and not _is_country(q) and (q.location.geo_precision or 3) <= 2
        for q in places
        if q.location is not None
    )


def _holds_the_last(doc: Doc, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """ "في جبهة ميدي بحجة": a place joined by "ب" right after another, within 150 km of it, is where
    that one lies."""
    return any(
        not _is_country(q) and _lies_in(doc, q, places, via_fi=False) is p and _km_apart(q, p) <= 150
        for q in places
        if q.location is not None and q.location.lat is not None
    )


def _lies_in(doc: Doc, p: PlaceMention, places: list[PlaceMention], via_fi: bool) -> PlaceMention | None:
    """The located place named right after `p` as where it lies: joined by the clitic "ب" ("جبهة ميدي
    بحجة", "بمحافظة صعدة"; not "بغداد", nor the word "بلدة"), or by "في" too when `via_fi`."""
    k = p.tok_end
    if via_fi and k < len(doc.tokens) and doc.tokens[k].norm == "في":
        k += 1
    for q in places:
        if q.tok_start != k or q.location is None or q.location.lat is None:
            continue
        tok = doc.tokens[k]
        bi = tok.text.startswith("ب") and (q.start > tok.start or tok.norm[1:] in TYPE_CUES)
        return q if k > p.tok_end or bi else None
    return None


def _km_apart(a: PlaceMention, b: PlaceMention) -> float:
    assert a.location is not None and b.location is not None
    return distance_km(a.location.lat, a.location.lon, b.location.lat, b.location.lon)


_SOME_BEFORE = lx._words("عده مختلف كافه جميع معظم بعض")
_SOME_AFTER = lx._words("عده متفرقه مختلفه عديده")


def _many_places(doc: Doc, trig: Trigger) -> bool:
    """ "غارات على مواقع الحوثيين في عدة محافظات", "في مناطق متفرقة": the deed's clause says it was in
    several places it does not name (no place of a sentence before is its place)."""
    part = _clause_of(doc, trig)
    tokens = doc.tokens
    for k in range(part.tok_start, part.tok_end):
        if _PLURAL_PLACES.isdisjoint(tokens[k].forms):
            continue
        if k > part.tok_start and not _SOME_BEFORE.isdisjoint(tokens[k - 1].forms):
            j = k - 1  # "عدة محافظات"
        elif k + 1 < part.tok_end and not _SOME_AFTER.isdisjoint(tokens[k + 1].forms):
            j = k  # "مناطق متفرقة"
        else:
            continue
        # in them ("في عدة محافظات", "بمناطق متفرقة"), not from them ("معلمون من معظم المحافظات")
        within = tokens[j].norm.startswith("ب") and tokens[j].norm[1:] in _PLURAL_PLACES | _SOME_BEFORE
        if within or (j > part.tok_start and tokens[j - 1].norm in _IN_WORDS):  # (not "بعض" itself)
            return True
    return False


_IN_WORDS = frozenset(("في", "علي", "عبر"))


_QUARTER_WORDS = lx._words("حي الحي")


def _quarter_elsewhere(doc: Doc, p: PlaceMention, places: list[PlaceMention]) -> bool:
    """ "حي X في Y", "حي X بY": the quarter X, resolved more than 50 km from the town Y."""
    if (
        _QUARTER_WORDS.isdisjoint(doc.tokens[p.tok_start].forms)
        or p.location is None
        or p.location.lat is None
    ):
        return False
    town = _lies_in(doc, p, places, via_fi=True)
    return town is not None and not _is_country(town) and _km_apart(p, town) > 50


_EVENT_NOUNS = lx._words(
    "هجوم الهجوم هجمات تفجير التفجير تفجيرات انفجار الانفجار مجزره اعتداء الاعتداء اعتداءات"
)


_HAPPENED = frozenset(("وقع", "وقعت", "حدث", "حدثت", "جري", "جرت"))
_CARRIED_OUT = frozenset(("نفذ", "نفذت"))
_STRUCK = lx._words("استهدف استهدفت ضرب ضربت طال طالت هز هزت")  # "العمل الذي استهدف ... بعسير"
_RELATIVE = frozenset(("الذي", "التي"))
_ON_IT = frozenset(("عليه", "عليها", "عليهما", "عليهم"))


def _said_to_happen_at(doc: Doc, p: PlaceMention) -> bool:
    """ "وقع في مدينة أولم", "الذي حدث في X": the place right after "happened in"."""
    k = p.tok_start
    return k >= 2 and doc.tokens[k - 1].norm in ("في", "قرب") and doc.tokens[k - 2].norm in _HAPPENED


def _relative_verb(doc: Doc, trigger: Trigger) -> int | None:
    """The trigger is the verb of a relative clause ("الذي استهدف"), or an attack word is followed by one
    ("العمل الإرهابي الذي استهدف"): the token of that verb, else None."""
    if trigger.tok_start > 0 and doc.tokens[trigger.tok_start - 1].norm in _RELATIVE:
        return trigger.tok_start
    s = doc.sentence_of(trigger.tok_start)
    for k in range(trigger.tok_end, min(trigger.tok_end + 4, s.tok_end - 1)):
        if doc.tokens[k].norm in _RELATIVE:
            return k + 1 if not _STRUCK.isdisjoint(doc.tokens[k + 1].forms) else None
    return None


def _who_holds(doc: Doc, trigger: Trigger, date_m: DateMention | None) -> bool:
    """A relative clause that tells who holds the place before it ("صعدة التي سيطر عليها الحوثيون"), with
    no day of its own (not "الحي الذي سيطر عليه التنظيم الشهر الماضي")."""
    k = trigger.tok_start
    lead = doc.tokens[max(0, k - 2) : k]
    if not any(t.norm in _RELATIVE for t in lead):
        return False
    # "سيطر عليه", "تم تحريرها": the place before the clause is its object
    held = doc.tokens[trigger.tok_end - 1 : trigger.tok_end + 1]
    object_after = len(held) > 1 and held[1].norm in ("علي", "على")  # "أحكمت سيطرتها على": its own object
    if not any(t.norm in _ON_IT for t in held) and (object_after or not held[0].norm.endswith(("ها", "هم"))):
        return False  # "القوات التي سيطرت على البلدة": the forces that took it, an event
    if date_m is None or date_m.tok_start < k or date_m.tok_start - trigger.tok_end > 6:
        return True
    gap = doc.tokens[trigger.tok_end : date_m.tok_start]  # the day must be the clause's own
    return any(t.norm in ("ان", "،", ",") for t in gap)


def _placed_there(
    doc: Doc,
    s: Sentence,
    triggers: list[Trigger],
    places: list[PlaceMention],
    candidates: list[Event],
) -> bool:
    """ "ووقع الهجوم بالقرب من بلدة عرابة غربي مدينة جنين", "واستهدفت الغارات منزلا في قرية كفرنبل": a
    sentence that opens with "happened" or "struck" and a definite event word (a generic one, or the
    last event's own kind) only says where the event just told took place. The last event, from the two
    sentences before and placed no closer than a region, moves to that place (same country, within 250
    km); so does one placed near a town, to a town within 60 km. True when it did."""
    head = doc.tokens[s.tok_start : s.tok_start + 2]
    if len(triggers) != 1 or not candidates or len(head) < 2:
        return False
    trig = triggers[0]
    last = candidates[-1]
    if trig.strong and (trig.sub_event_type != last.sub_event_type or _country_only(last)):
        return False  # "غارات في اليمن ... واستهدفت الغارات مدينة صعدة": a country's day may span towns
    tokens = doc.tokens
    opener = head[0].norm.removeprefix("و") in _HAPPENED or not _STRUCK.isdisjoint(head[0].forms)
    opens = opener and trig.tok_start == s.tok_start + 1
    # "وقال الحاكم إن الهجوم نفذ بجرار مفخخ في منطقة دوجو بايزيد": the deed, then "was carried out"
    told_after = trig.tok_end < s.tok_end and tokens[trig.tok_end].norm in _HAPPENED | _CARRIED_OUT
    if not (opens or told_after) or not tokens[trig.tok_start].norm.startswith("ال"):
        return False
    said = SUB_TO_TYPE[trig.sub_event_type]  # "الهجوم" is any violent event; "الانفجار" an explosion
    if last.event_type not in _VIOLENT_TYPES or (
        said != last.event_type and trig.sub_event_type != "Armed clash"
    ):
        return False
    place = _choose_place(doc, places, trig)
    if place is None or place.location is None or last.location is None or last.evidence is None:
        return False
    if trig.strong and any(p is not place and not _is_country(p) for p in _located(places)):
        return False  # "واستهدفت الغارات مديريتي المصلوب والمتون": the sentence's own events, one per place
    if _told_in(doc, last) < s.i - _CONTEXT_SENTENCES:
        return False
    old, new = last.location, place.location
    # "إقليم أغري": a province named by its capital's name, a region all the same
    province = _named_province(doc, last.spans.get("location"))
    area = (old.geo_precision or 3) >= 3 or (province and old.admin1 is not None and old.admin1 == new.admin1)
    near_town = old.geo_precision == 2 and new.geo_precision == 1  # "ريف إدلب الجنوبي" -> "قرية كفرنبل"
    if not (area or near_town) or old.country != new.country or (new.geo_precision or 3) >= 3:
        return False
    if None in (old.lat, old.lon, new.lat, new.lon):
        return False
    if distance_km(old.lat, old.lon, new.lat, new.lon) > (250 if area else 60):
        return False
    last.location = _event_location(new)
    last.spans["location"] = place.span
    return True


# what a sentence says of a deed told elsewhere: its investigation, the reports of it, the reply to it
_REFERENCE_LEADS = lx._words("تحقيق التحقيق تحقيقا تقارير تقرير التقارير بشان حول الرد رد ردود ادعاءات مزاعم")
_OBJECT_PREPOSITIONS = frozenset(("في", "علي", "عن", "ل", "من"))
_INQUIRY = lx._words("تحقيق التحقيق تحقيقا")


def _named_province(doc: Doc, span: Span | None) -> bool:
    """The place quoted by `span` is named with a province word ("إقليم أغري", "بمحافظة صعدة")."""
    place = next((p for p in doc.places if span is not None and p.start == span.start), None)
    return place is not None and any(
        TYPE_CUES.get(f) == "province" for t in doc.tokens[place.tok_start : place.tok_end] for f in t.forms
    )


def _referred_to(doc: Doc, trig: Trigger) -> bool:
    """The deed word is the object of an investigation, report, reply or claim ("التحقيق في الهجوم",
    "تقارير عن هجوم", "الرد على الهجوم"; not "دارت حول المدينة اشتباكات", nor a verb after "الرد"),
    or, named with the article, the subject of "comes" ("الغارة تأتي ردا على ..."): why a deed already
    told was done (not "مظاهرات جاءت بسبب تراجع الأسعار": protests told here for the first time)."""
    if (
        trig.tok_end < len(doc.tokens)
        and not _COMES.isdisjoint(doc.tokens[trig.tok_end].forms)
        and doc.tokens[trig.tok_start].norm.startswith("ال")
    ):
        return True
    before = doc.tokens[trig.tok_start - 1] if trig.tok_start > 0 else None
    if (
        before is not None
        and not _COMES.isdisjoint(before.forms)
        and doc.tokens[trig.tok_start].norm.startswith("ال")
    ):
        return True  # "وجاء الهجوم بعد ثلاثة أيام من": the attack just told, and when it came
    if (
        trig.sub_event_type in TERRITORY
        and trig.tok_end < len(doc.tokens)
        and doc.tokens[trig.tok_end].norm in _THE_SITE
    ):
        return True  # "بتحرير الموقع، يتمكن الجيش من ...": the site whose taking was just told
    k = trig.tok_start - 1
    if k >= 0 and not _EVENT_NOUNS.isdisjoint(doc.tokens[k].forms):
        k -= 1  # "تقارير عن هجوم بالغاز"
    after_preposition = k >= 0 and doc.tokens[k].norm in _OBJECT_PREPOSITIONS
    if after_preposition:
        k -= 1
    # (an inquiry is "في" the deed: "تحقيق تقدم" achieves progress)
    return (
        k >= 0
        and not _REFERENCE_LEADS.isdisjoint(doc.tokens[k].forms)
        and (after_preposition or _INQUIRY.isdisjoint(doc.tokens[k].forms))
    )


_COMES = lx._words("جاء جاءت يأتي ياتي تأتي تاتي")
_THE_SITE = lx._words("الموقع المواقع المنطقه المدينه البلده القريه المديريه الجبل الجبال التله")


_UNIT_DAYS = {"يوم": 1, "ايام": 1, "يومين": 2, "اسبوع": 7, "اسابيع": 7, "اسبوعين": 14, "ساعه": 0, "ساعات": 0}
_UNIT_DAYS |= {"ساعتين": 0, "ليله": 1, "ليلتين": 2}


def _comes_after(doc: Doc, s: Sentence) -> tuple[int, int | None]:
    """ "وجاء ذلك بعد أن ...", "وجاءت تعليقاته بعد يومين من هجوم": the token of "بعد" in a sentence that
    tells what the news followed (the sentence's end when it does not), and how many days before the
    news that was, when the sentence says ("بعد يومين": 2; "بعد أن": unknown)."""
    head = doc.tokens[s.tok_start : min(s.tok_end, s.tok_start + 5)]
    if not head or _COMES.isdisjoint(head[0].forms):
        return s.tok_end, None
    k = next((t.i for t in head[1:] if t.norm == "بعد"), None)
    if k is None:
        return s.tok_end, None
    counted = _count_of_days(doc, k + 1, s.tok_end, _UNIT_DAYS)
    return k, counted[0] if counted else None  # (None: "بعد أيام", "بعد أن": some time before)


def _count_of_days(doc: Doc, at: int, end: int, units: dict[str, int]) -> tuple[int, int] | None:
    """A count of time from token `at` on, before token `end` ("ستة أيام", "يومين", "أسبوع", "عامين"): (its
    days by `units`, 0 for hours; the token of its unit). None for no count ("أيام", "أن")."""
    number = next((m for m in doc.numbers if m.tok_start == at and m.kind != "dual"), None)
    unit_at, n = (number.tok_end, number.value) if number is not None else (at, 1)
    unit = doc.tokens[unit_at].norm if unit_at < end else ""
    if unit not in units or (unit == "ايام" and number is None):
        return None
    return n * units[unit], unit_at


def _happened_after(doc: Doc, trigger: Trigger) -> int | None:
    """ "الهجوم الذي وقع": the token of "happened" in the trigger's relative clause, else None."""
    s = doc.sentence_of(trigger.tok_start)
    for k in range(trigger.tok_end, min(trigger.tok_end + 4, s.tok_end - 1)):
        if doc.tokens[k].norm in _RELATIVE:
            return k + 1 if doc.tokens[k + 1].norm in _HAPPENED else None
    return None


def _names_other_event(doc: Doc, p: PlaceMention, trigger: Trigger) -> bool:
    """ "ردا على هجوم الأحواز": a place in the genitive of another event's noun names that event."""
    k = p.tok_start - 1
    if (
        k < 0
        or trigger.tok_start <= k < trigger.tok_end
        or doc.tokens[p.tok_start].norm.startswith(("ب", "ل"))
    ):
        return False  # "هجوم بمدينة مانشستر" tells where that attack was, which may be this one
    return doc.tokens[p.tok_start].norm.startswith("ال") and any(
        f in _EVENT_NOUNS for f in doc.tokens[k].forms
    )


def _is_country(p: PlaceMention) -> bool:
    return (p.feature or "") in _COUNTRY_FEATURES


def _where(loc: Location) -> tuple:
    return loc.name, loc.country, loc.lat, loc.lon


def _dateline_end(doc: Doc) -> int:
    """Token index after a dateline ("دبي، الإمارات (CNN)--", "بغداد - رويترز:"), else 0."""
    head = doc.tokens[:12]
    for k, tok in enumerate(head):
        if tok.norm in (".", "؟", "!"):
            break
        closes_outlet = tok.norm == ")" and k >= 2 and head[k - 1].text.isascii()
        if closes_outlet or (tok.norm in ("-", "--", ":") and 0 < k <= 4):
            while k + 1 < len(head) and head[k + 1].norm in ("-", "--", ":"):
                k += 1
            return k + 1
    return 0


# Words before a capital or country that make it the state, not a place: relations ("بين لندن وموسكو",
# "الهدنة مع أنقرة"), addressing ("حث لندن"), and a government's doings ("رد فعل لندن", "تحقيقات لندن").
_ACCUSE_VERBS = lx._words("اتهم اتهمت اتهموا يتهم تتهم")
_ACCUSE_NOUNS = lx._words("اتهام اتهامه اتهامها اتهامهم باتهام")
_STATE_ROLE_LEADS = (
    lx._words("بين مع وبين حث حثت دعا دعت طالب طالبت حمل حملت فعل موقف تحقيقات اتهامات مطالبه ضغوط")
    | _ACCUSE_VERBS
    | _ACCUSE_NOUNS
)


def _acting_state(doc: Doc, place: PlaceMention) -> bool:
    """ "وتشن واشنطن ضربات": a capital or country named as the one who acts, or a party to relations
    between states, is an actor, not a place; so is the next state joined to it ("اتهمت سوريا وروسيا",
    "بين لندن وموسكو")."""

    def in_state_role(k: int) -> bool:
        return _subject_at(doc, k) or _words_before(doc, k, 1, _STATE_ROLE_LEADS)

    metonyms = [m for m in doc.actors if m.label == "ACTOR_METONYM"]
    if not any((m.tok_start, m.tok_end) == (place.tok_start, place.tok_end) for m in metonyms):
        return False
    k = place.tok_start
    if in_state_role(k):
        return True
    # the second of a pair: the state or place right before it is in that role
    return doc.tokens[k].norm.startswith("و") and any(
        o.tok_end == k and in_state_role(o.tok_start) for o in [*metonyms, *doc.places]
    )


def _is_subject(doc: Doc, m: ActorMention) -> bool:
    """The mention follows a verb and no preposition ("قصفت واشنطن", "وتشن واشنطن")."""
    return _subject_at(doc, m.tok_start)


def _subject_at(doc: Doc, k: int) -> bool:
    if k == 0 or doc.tokens[k].norm.startswith(("ب", "ل", "في")):
        return False
    before = doc.tokens[k - 1]
    # "فوق العاصمة الرياض", "في العاصمة التركية أنقرة": a name after its place noun is in apposition
    capital_nisba = (  # "العاصمة التركية أنقرة"
        k >= 2
        and doc.tokens[k - 2].norm in ("العاصمه", "عاصمه")
        and before.norm.startswith("ال")
        and before.norm.endswith("يه")
    )
    return (
        before.is_word
        and before.norm not in _PREPOSITIONS
        and _PLACE_NOUNS.isdisjoint(before.forms)
        and not capital_nisba
    )


_PLACE_NOUNS = frozenset(TYPE_CUES) | lx._words("العاصمة عاصمة الأراضي أراضي الأجواء أجواء المياه")
_SEAT_WORDS = lx._words("مقره مقرها ومقره ومقرها مقرهم ومقرهم")
_COMMAND_WORDS = lx._words("قياده غرفه")


_START_WORDS = lx.SINCE_WORDS | lx.PERIOD_START_WORDS | lx._words("انطلقت انطلق بدات بدا بدأت اندلعت")


def _words_after(doc: Doc, k: int, n: int, words: frozenset[str]) -> bool:
    """Some reading of the n tokens from token k on is one of `words`."""
    return any(not words.isdisjoint(t.forms) for t in doc.tokens[k : k + n])


def _words_before(doc: Doc, k: int, n: int, words: frozenset[str]) -> bool:
    """Some reading of the n tokens before token k is one of `words`."""
    for t in doc.tokens[max(0, k - n) : k]:  # noqa: SIM110 (no generator: called very often)
        if not words.isdisjoint(t.forms):
            return True
    return False


_WAS = lx._words("كان كانت كانوا")


def _pluperfect(doc: Doc, s: Sentence) -> bool:
    """ "وكان قد أعلن", "وكانت القوات قد سيطرت": the sentence looks back from the story's own time."""
    head = doc.tokens[s.tok_start : s.tok_start + 6]
    return bool(head) and not _WAS.isdisjoint(head[0].forms) and any(t.norm == "قد" for t in head[1:])


def _ongoing_since(doc: Doc, d: DateMention) -> bool:
    """ "الاحتجاجات المستمرة منذ 6 أسابيع": when something ongoing began, not the day of this event."""
    return doc.tokens[d.tok_start].norm == "منذ" and _words_before(doc, d.tok_start, 1, _ONGOING_WORDS)


_ONGOING_WORDS = lx._words("المستمره مستمره المتواصله متواصله الجاريه جاريه المستمر مستمر المتواصل متواصل")


def _period_start(doc: Doc, d: DateMention) -> bool:
    """ "منذ بدء المسيرات في 30 آذار": the day a period began dates none of the next sentences' events;
    nor does a span of days ("خلال الأسبوعين الماضيين")."""
    return _words_before(doc, d.tok_start, 3, _START_WORDS) or (
        (d.precision or 3) >= 2 and _words_before(doc, d.tok_start, 1, _DURING)
    )


_DURING = lx._words("خلال طيله طوال مدي")


_HELD = lx._words("عقده عقدها عقدته عقد عقدت عقدوا")
_MEETING_WORDS = lx._words("اجتماع اجتماعا اجتماعات مؤتمر مؤتمرا محادثات مفاوضات لقاء")


def _meeting_place(doc: Doc, place: PlaceMention, hit_tokens: set[int]) -> bool:
    """ "خلال اجتماع لوزراء الخارجية في لوكسمبورغ": where people met is not where a strike hit, unless
    the meeting was what was hit ("استهدفت غارة اجتماعا لقادة الفصائل في إدلب")."""
    k = place.tok_start
    meeting = next(
        (j for j in range(k - 1, max(-1, k - 6), -1) if not _MEETING_WORDS.isdisjoint(doc.tokens[j].forms)),
        None,
    )
    held = next(
        (j for j in range(k - 1, max(-1, k - 8), -1) if not _HELD.isdisjoint(doc.tokens[j].forms)), None
    )
    if meeting is None and held is not None and held > 0:  # "في مؤتمر صحافي عقده مساء الاثنين في الرياض"
        meeting = next(
            (
                j
                for j in range(held - 1, max(-1, held - 3), -1)
                if not _MEETING_WORDS.isdisjoint(doc.tokens[j].forms)
            ),
            None,
        )
    return meeting is not None and not any(j in hit_tokens for j in range(max(0, meeting - 4), meeting))


def _seat_of(doc: Doc, place: PlaceMention) -> bool:
    """ "المرصد السوري ومقره بريطانيا": where a source is based is not where anything happened;
    "قيادة عمليات بغداد": a command named after its area tells where it sits, not where it fought."""
    if _words_before(doc, place.tok_start, 2, _SEAT_WORDS):
        return True
    before = doc.tokens[max(0, place.tok_start - 2) : place.tok_start]
    return len(before) == 2 and not _COMMAND_WORDS.isdisjoint(before[0].forms) and "عمليات" in before[1].forms


_STREET_WORDS = lx._words("شارع طريق جادة")
_ACCORD_WORDS = lx._words("اتفاق اتفاقيه اتفاقات تفاهمات تفاهم مسار معاهده بروتوكول")


def _accord_named_after(doc: Doc, place: PlaceMention) -> bool:
    """ "إجراءات التقشف المنصوص عليها في اتفاق بروكسل", "مسار جنيف": an accord named after a city is
    not where anything in the article took place."""
    return _words_before(doc, place.tok_start, 1, _ACCORD_WORDS)


def _street_named_after(doc: Doc, place: PlaceMention) -> bool:
    """ "فندق على طريق مكة المكرمة" in Mogadishu: a street named after a city of another country than
    every other place the article names is a street, not that city."""
    if place.location is None or not _words_before(doc, place.tok_start, 1, _STREET_WORDS):
        return False
    countries = {
        p.location.country
        for p in doc.places
        if p is not place and p.location is not None and p.location.country
    }
    return bool(countries) and place.location.country not in countries


def _inside_name(doc: Doc, place: PlaceMention) -> bool:
    """A place inside an organisation's name ("قيادة عمليات بغداد") is not where things happened."""
    for m in doc.actors:
        if m.label in _WEAK_ACTOR_LABELS:
            continue
        if m.start <= place.start and place.end <= m.end and (m.start, m.end) != (place.start, place.end):
            return True
    return any(
        e.label == "ORG"
        and e.start <= place.start
        and place.end <= e.end
        and e.end - e.start > place.end - place.start
        and not names_a_front(doc.tokens, e, [place])
        for e in doc.entities
    )


def _main_place(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The place the article is about: the first specific place of its first sentences."""
    for s in doc.sentences[:3]:
        located = [p for p in _located(doc.in_sentence(places, s)) if p.feature not in _COUNTRY_FEATURES]
        if located:
            return located[0]
    return None


class EventStage:
    name = "events"

    def __init__(self, use_classifier: bool = True) -> None:
        self.classifier = load_classifier() if use_classifier else None

    def __call__(self, doc: Doc) -> Doc:
        if doc.trigger_hits is None:  # (a Doc that did not go through the trigger stage)
            doc.trigger_hits = sentence_hits(doc)
        tokens = doc.tokens
        dates = [d for d in doc.dates if d.precision in (1, 2, 3)]
        date_tokens = {k for d in doc.dates for k in range(d.tok_start, d.tok_end)}
        counted = {k for n in doc.numbers for k in range(n.tok_start, n.tok_end)}
        finder = CasualtyFinder(tokens, doc.numbers, date_tokens)
        dateline = _dateline_end(doc)
        hit_tokens = {k for hits in doc.trigger_hits for m in hits for k in range(m.tok_start, m.tok_end)}
        doc_places = [
            p
            for p in doc.places
            if p.tok_start >= dateline
            and not _inside_name(doc, p)
            and not _acting_state(doc, p)
            and not _seat_of(doc, p)
            and not _meeting_place(doc, p, hit_tokens)
            and not _patron_place(doc, p)
            and not _street_named_after(doc, p)
            and not _accord_named_after(doc, p)
        ]
        main_place = _main_place(doc, doc_places)
        ctx = _Context()
        candidates: list[Event] = []
        generic: set[int] = set()  # events from weak triggers ("الهجوم", "استهدف")
        bare: set[int] = set()  # of them, those from an attack word ("الهجوم الذي ضرب المدينة")
        listed: dict[int, int] = {}  # events of the places one sentence lists -> that list
        dates_of, places_of, actors_of = (doc.by_sentence(ms) for ms in (dates, doc_places, doc.actors))
        for s in doc.sentences:
            s_dates, s_places = dates_of[s.i], places_of[s.i]
            s_actors = [  # "دبي، الإمارات (CNN) --": the dateline's places are no states that act
                m for m in actors_of[s.i] if m.tok_start >= dateline or m.label != "ACTOR_METONYM"
            ]
            if doc.trigger_sentences is not None and s.i not in doc.trigger_sentences:
                matches = []  # the trigger stage's rules, a superset of these, left the sentence no trigger
            else:
                matches = doc.trigger_hits[s.i]
            # Casualty figures matter only where a trigger may make an event.
            counts = finder.find(s.tok_start, s.tok_end) if matches else []
            has_casualties = any(c.value > 0 for c in counts)
            triggers = (
                find_triggers(tokens, s, matches, counted, has_casualties, date_tokens, doc_clauses(doc, s))
                if matches
                else []
            )
            made = len(candidates)
            if _placed_there(doc, s, triggers, s_places, candidates):
                triggers = []  # "ووقع الهجوم قرب بلدة عرابة": where the event just told took place
            for trig in triggers:
                _take_kind(doc, s, trig, triggers, ctx)
                striker = _strikes_again(doc, s, trig, candidates)
                event = self._event(doc, s, trig, s_dates, s_places, s_actors, counts, ctx, main_place)
                if event is None:
                    continue
                if striker is not None:
                    _struck_by(event, striker)
                if (
                    self.classifier is not None
                    and not self.classifier.keep(doc, s, trig, event)
                    and not _offensive_launched_on(doc, s, trig, event)
                ):
                    continue
                candidates.append(event)
                if not trig.strong:
                    generic.add(id(event))
                    if _trigger_has(doc, trig, _BARE_ATTACK_WORDS):
                        bare.add(id(event))
                # "قذائف على بلدتي الفوعة وكفريا": one event in each town the sentence lists
                for other in _coordinated(doc, s_places, event, hit_tokens):
                    twin = _at_place(event, other)
                    candidates.append(twin)
                    listed[id(twin)] = listed[id(event)] = id(event)
                    if not trig.strong:
                        generic.add(id(twin))
            kinds = [t for t in triggers if t.sub_event_type in _NAMED_KINDS and (t.strong or t.weapon)]
            if kinds:
                ctx.kind, ctx.kind_sentence = kinds[-1], s.i
            elif any(t.strong for t in triggers):
                ctx.kind = None  # another deed told since: "the attack" may be that one
            anchors = [d for d in s_dates if not _period_start(doc, d)]
            # the day the sentence's event took place; else not a day something was told ("قتل 30 ...
            # أول أمس، بحسب ما أفادت مصادر أمس")
            used = candidates[-1].spans.get("date") if len(candidates) > made else None
            anchors = (
                [d for d in anchors if used is not None and d.start == used.start]
                or [d for d in anchors if not _words_before(doc, d.tok_start, 5, _SPEECH_VERBS)]
                or anchors
            )
            # "وكان قد أعلن مطلع أبريل ...": a past told as background dates no later sentence
            if anchors and not _pluperfect(doc, s):
                ctx.date, ctx.date_sentence = anchors[-1], s.i
            if triggers or _located(s_places):
                last = candidates[-1].spans.get("location") if candidates else None
                place = next((p for p in s_places if last and p.start == last.start), None)
                place = place or _choose_place(doc, s_places, Trigger("", None, True, s.tok_end, s.tok_end))
                if place is not None:
                    ctx.place, ctx.place_sentence = place, s.i
        events = _merge(_fold_undated(_fold_generic(candidates, generic, bare)), listed)
        events = _merge_protests(_fold_intercepted(doc, events))
        events = _fold_battles_into_ground(events)
        # An event placed only in a country is no more than optional (GUIDELINES: a town, district,
        # province or border area): it is kept when it reports victims, the rest are mostly reactions
        # and statements (the fold above has already given a town to those a later report placed).
        countries = {_where(p.location) for p in doc.places if _is_country(p) and p.location}
        doc.events = [
            e
            for e in events
            if e.location is None or _where(e.location) not in countries or e.fatalities or e.injured
        ]
        for e in doc.events:
            e.article_id = doc.article.id
            e.notes = note(e)
        return doc

    def _event(
        self,
        doc: Doc,
        s: Sentence,
        trig: Trigger,
        s_dates: list[DateMention],
        s_places: list[PlaceMention],
        s_actors: list[ActorMention],
        counts: list[Count],
        ctx: _Context,
        main_place: PlaceMention | None,
    ) -> Event | None:
        published = doc.article.published
        event_type = SUB_TO_TYPE[trig.sub_event_type]
        after, days_before = _comes_after(doc, s)
        elapsed = _elapsed_since(doc, s, trig)  # "عقب مرور أسبوعين على إسقاط طائرة": two weeks back
        if elapsed is not None and elapsed[1] < _YEAR:
            after, days_before = elapsed
        cause = _cause_start(doc, trig)
        if trig.tok_start < after:  # "تأتي الغارات بعد أيام من مقتل 3 جنود": that toll is the earlier deed's
            cause = min(cause, after)
        clause_dates = _in_contrast_clause(doc, s_dates, trig) or s_dates
        if elapsed is not None and trig.tok_start > elapsed[0]:
            # "هاجم مسلحون الحاجز أمس، بعد ستة أيام من تفجير ...": the day before "بعد" is the later deed's
            clause_dates = [d for d in clause_dates if d.tok_start > elapsed[0]]
        date_m = _nearest(
            [d for d in clause_dates if d.tok_start < cause and not _ongoing_since(doc, d)],
            trig,
        )
        place_m = _choose_place(doc, s_places, trig)
        if place_m is None and _anaphoric_place(doc, s, trig, ctx):
            place_m = ctx.place  # "على أطراف المدينة": the town just named
        own_place = place_m is not None
        # "جاء الانفجار بعد ثلاثة أيام من مقتل 14": the sentence gives the earlier deed's day by counting back
        own_date = date_m is not None or (trig.tok_start > after and days_before is not None)
        has_casualties = any(c.value > 0 for c in counts)
        # How much the sentence itself says decides whether a trigger reports an event.
        if (
            not trig.strong
            and not (has_casualties and (own_date or own_place))
            and not (own_date and own_place)
            and not _group_at_place(doc, s, trig, place_m, s_places, s_actors)
        ):
            return None
        victims = _killed_by(doc, s, trig, s_actors) if trig.killing else None
        if trig.killing and (victims is None or _killed_years_ago(doc, s, trig)):
            return None  # "قتل ثلاثة جنود", "الذين قتلوا في الهجوم": the killed, not who killed them
        if trig.sub_event_type in TERRITORY and not trig.strong and not _armed_named(s_actors):
            return None  # "استعادت البورصة خسائرها", "تقدمت الشركة": ground is taken by armed forces
        if trig.sub_event_type in TERRITORY and _who_holds(doc, trig, date_m):
            return None  # "محافظة صعدة التي يسيطر عليها الحوثيون": who holds a place, no event
        if _trigger_has(doc, trig, _SEIZE_WORDS) and not _seized_place(doc, trig, s_places):
            return None  # "استولى المسلحون على سيارة": property, not ground
        if (
            trig.sub_event_type == "Armed clash"
            and _trigger_has(doc, trig, INFILTRATION)
            and not _armed_named([m for m in s_actors if m.actor is not None and m.actor.inter in (2, 3, 4)])
        ):
            return None  # "أحبط حرس الحدود محاولة تسلل مهاجرين": the infiltrators must be an armed group
        if (
            event_type in _NEEDS_CONTEXT
            and not trig.strong
            and not (own_date and own_place and _armed_named(s_actors, metonyms=True))
        ):
            return None
        # "في الأثناء، نفذت مقاتلات التحالف غارات": meanwhile, at the place and day just reported (not
        # "في غضون ذلك، اعتقلت الشرطة التركية": another country's forces act elsewhere)
        meanwhile = (
            trig.strong
            and _starts_with(doc, s, _MEANWHILE)
            and ctx.place is not None
            and ctx.place.location is not None
            and s.i - ctx.place_sentence <= _CONTEXT_SENTENCES
            and all(m.kind != "state" or m.country in (None, ctx.place.location.country) for m in s_actors)
        )
        if not own_place and not (own_date and (has_casualties or s.i < _LEAD_SENTENCES)) and not meanwhile:
            return None
        if own_place and _is_country(place_m) and not has_casualties and not (own_date and trig.strong):
            return None  # only a country: a specific word, a date or victims are needed ("الهجوم على اليمن")
        if _referred_to(doc, trig):
            # "التحقيق في الهجوم", "تقارير حول هجوم": a deed referred to, on the day told after it ("دعت،
            # الأحد، إلى تحقيق في هجوم": that day is the call's)
            if date_m is not None and date_m.tok_end <= trig.tok_start:
                date_m = next(
                    (
                        d
                        for d in clause_dates
                        if trig.tok_end <= d.tok_start < cause and not _ongoing_since(doc, d)
                    ),
                    None,
                )
            if date_m is None:
                return None
        if date_m is None and _other_year(doc, s):
            return None  # "شهدت في 1998 هجوما": an incident of another year, its day unknown
        if elapsed is not None and elapsed[1] >= _YEAR:
            return None  # "أعيد افتتاح المركز أمس بعد مرور عامين على هجوم": a deed of years before
        shifted = None
        if date_m is None and trig.tok_start > after:
            if days_before is None:
                return None  # "وجاء ذلك بعد أن أسقط الدفاع الجوي طائرة": an earlier deed, its day untold
            main = [d for d in s_dates if d.tok_start < after and d.precision == 1]  # the later deed's day
            told = main[-1] if main else None
            if told is None and s.i - ctx.date_sentence <= _CONTEXT_SENTENCES and _day_or_week(ctx.date):
                told = ctx.date
            base = told.date if told is not None else published
            # "وجاءت تعليقاته بعد يومين من تقارير عن هجوم": two days before the news
            try:
                shifted = base - dt.timedelta(days=days_before) if base is not None else None
            except OverflowError:  # a publication date near year 1
                shifted = None
        if (
            date_m is None
            and shifted is None
            and s.i - ctx.date_sentence <= _CONTEXT_SENTENCES
            and _day_or_week(ctx.date)
        ):
            date_m = ctx.date  # (a month named before dates nothing after it: "في مارس الماضي")
        many_places = place_m is None and _many_places(doc, trig)
        if (
            place_m is None
            and ctx.place is not None
            and s.i - ctx.place_sentence <= _CONTEXT_SENTENCES
            and not many_places
        ):
            place_m = ctx.place
        old_news = (
            date_m is not None
            and date_m.date is not None
            and published is not None
            and (published - date_m.date).days > _BACKGROUND_DAYS + 5
        )
        if place_m is None and not old_news and not many_places:
            place_m = main_place  # (not for a deed of weeks before: "في نهاية يوليو أدى انفجار" has no place)
        if place_m is None or place_m.location is None:
            return None
        if not own_place:
            place_m = _police_at_home(s_actors, place_m)
        if shifted is not None and date_m is None:
            date, precision = shifted, 2 if days_before >= 7 else 1
        else:
            date, precision = (
                (date_m.date, date_m.precision) if date_m else (published, 2 if published else None)
            )
        if date is not None and published is not None and date > published:
            return None  # announced for the future: not an event that happened
        location = _event_location(place_m.location)
        country = location.country
        # "قصفت القوات السورية إدلب، في حين أطلق مسلحون قذائف على حلب": the sides of a "while" clause are
        # its own (one that names none shares the first part's: "قصفت القوات حلب، فيما قصفت إدلب")
        clause_actors = _in_contrast_clause(doc, s_actors, trig) or s_actors
        actor1, actor2, a1_m, a2_m = _actors(doc, s, trig, clause_actors, country)
        actor1, actor2 = (
            _named_instead(doc, s, a, b, country) for a, b in ((actor1, actor2), (actor2, actor1))
        )
        if trig.sub_event_type == "Remote explosive/landmine/IED" and _industrial_blast(
            doc, s, trig, s_actors
        ):
            return None  # "انفجار في مخازن شركة للصناعات الكيميائية": an accident, no attack
        if trig.sub_event_type == "Arrests" and _ordinary_crime(doc, s, s_actors):
            return None  # "أوقفت قوى الأمن ثلاثة أشخاص لتنفيذهم عمليات ابتزاز"
        if (
            trig.sub_event_type == "Attack"
            and trig.weapon in ("firearm", "knife")
            and _ordinary_crime(doc, s, s_actors)
        ):
            return None  # "أطلقت الشرطة الرصاص على لص", "طعن زوجته إثر خلاف عائلي"
        if (
            trig.sub_event_type == "Attack"
            and _trigger_has(doc, trig, _EXECUTION_WORDS)
            and any(a is not None and a.inter == 1 for a in (actor1, actor2))
            and not (actor1 is not None and actor1.inter in (2, 3, 4))
            and not _forms_in_sentence(doc, s, _FIELD_WORDS)  # "أعدمت ... ميدانيا": no court, an attack
        ):  # ("أعدم تنظيم داعش خمسة جنود": a group that executes soldiers attacks them)
            return None  # "أعدمت السلطات 3 مدانين": a judicial execution, which ACLED does not code
        if (
            trig.sub_event_type == "Attack"
            and actor1 is not None
            and actor1.name.startswith("Government of")
            and a1_m is not None
            and _words_before(doc, a1_m.tok_start, 1, _SPEECH_VERBS)
        ):  # "أعلنت السلطات الصينية مقتل 7 أطفال في هجوم": the authorities told of it
            actor1, a1_m = None, None
        if (
            trig.sub_event_type == "Shelling/artillery/missile attack"
            and a1_m is not None
            and _air_defence(doc, a1_m)
        ):
            # "رصدت قوات الدفاع الجوي صاروخا أطلقه الحوثيون": air defence watches missiles, others fire them
            actor1, a1_m, actor2, a2_m = actor2, a2_m, None, None
        if event_type == "Battles":  # the coalition flies; on the ground its side is the forces it backs
            ground = [_ground_force(doc, s, a, country) for a in (actor1, actor2)]
            if not (ground[0] and ground[1] and _same_side(ground[0], ground[1])):
                actor1, actor2 = ground
            if (
                trig.sub_event_type == "Armed clash"
                and not trig.strong
                and actor1 is not None
                and actor1.name in _COALITION_MEMBERS
                and not _words_before(doc, trig.tok_start, 8, _LAUNCHED)
            ):  # "استهدف التحالف مواقع للحوثيين": from the air (not "أطلق التحالف هجوما": an offensive)
                trig.sub_event_type, event_type, trig.weapon = "Air/drone strike", _EXPLOSIONS, "aircraft"
        if trig.sub_event_type == "Government regains territory" and actor1 is not None and actor1.inter != 1:
            # A group fighting beside the state's forces ("قوات الجيش والمقاومة الشعبية") regains for it.
            with_state = any(
                m.actor is not None and m.actor.inter == 1 and (actor2 is None or m.actor.name != actor2.name)
                for m in s_actors
                if m.label not in _WEAK_ACTOR_LABELS
            )
            state_ally = a1_m is not None and a1_m.kind == "progov"  # "المقاومة الشعبية" in Yemen
            if not with_state and not state_ally:
                trig.sub_event_type = "Non-state actor overtakes territory"
        weapon = trig.weapon
        if weapon == "rocket" and actor1 is not None and actor1.inter in (1, 8):
            weapon = "missile"
        foreign_actor = actor1 is not None and actor1.inter == 8
        if trig.sub_event_type == "Shelling/artillery/missile attack" and weapon is None and foreign_actor:
            trig.sub_event_type, weapon = "Air/drone strike", "aircraft"
        if _crowd_clash(doc, s, trig, actor1, actor2):  # a crowd that clashed with the forces rioted
            trig.sub_event_type, event_type = "Violent demonstration", "Riots"
            force = next((a for a in (actor1, actor2) if a is not None and a.inter in (1, 8)), None)
            actor1, actor2 = Actor(f"Rioters ({_country_name(country)})", None, 5), force
        if event_type == "Protests" or trig.sub_event_type in ("Violent demonstration",):
            # an armed group named as the agent, not as what the crowd marched against ("ضد ميليشيا")
            armed = actor1 is not None and actor1.inter in (2, 3, 4)
            shooter = actor1 if armed and a1_m is not None and not _is_victim(doc, a1_m) else None
            actor1, actor2 = _protest_actors(actor1, actor2, trig.sub_event_type, country, shooter)
            if actor2 is None and trig.sub_event_type not in ("Peaceful protest", "Violent demonstration"):
                actor2 = _article_force(doc, country)  # "بالرصاص": the forces the article names
        if (
            trig.sub_event_type == "Attack"
            and (trig.weapon == "firearm" or trig.killing)
            and actor2 is not None
            and actor2.inter in (1, 2, 3, 4, 8)
            and not _civilian_victims(doc, s, country)
            and all(a is None or a.inter != 7 for a in (actor1, actor2))
        ):  # "أطلق مسلحون النار على دورية للشرطة", "قتل الجيش قياديا حوثيا": armed men's killing is a clash
            trig.sub_event_type, event_type = "Armed clash", "Battles"
        # (the victims of a "while" clause are its own: "قتل 149 فلسطينيا مذاك، في حين قتل جندي في المواجهات")
        if trig.sub_event_type == "Armed clash" and _one_sided_attack(
            doc, _clause_of(doc, trig), trig, actor1, actor2, country
        ):
            trig.sub_event_type, event_type = "Attack", "Violence against civilians"
            if actor1 is not None and actor1.inter == 7:
                actor1, actor2 = actor2, actor1
        force = next((a for a in (actor1, actor2) if a is not None and a.inter in (1, 8)), None)
        if (
            trig.sub_event_type in ("Armed clash", "Attack")
            and _trigger_has(doc, trig, _CONFRONTATION_WORDS)
            and (force is not None or all(a is None or a.inter == 7 for a in (actor1, actor2)))
            and not any(m.actor is not None and m.actor.inter in (2, 3, 4) for m in s_actors)
            and _civilian_victims(doc, s, country)
            and _people_side(doc, s)  # not "مطلوبين", "مهربين": wanted men and smugglers are armed
            and len({_state_of(m.actor) for m in s_actors if m.actor is not None and m.actor.inter in (1, 8)})
            < 2
            and not _soldiers_killed(doc, s)  # "في حين قتل جندي إسرائيلي ... في المواجهات"
            and (
                force is not None
                or (  # no side named: "قتل 12 فلسطينيا في مواجهات", the dead tell the people's side
                    has_casualties
                    and not _between_people(doc, s, trig)  # not "اشتباكات بين عائلتين"
                    and ((force := _article_force(doc, country)) is not None or _protest_article(doc))
                )
            )
        ):  # "قتل 17 فلسطينيا في مواجهات مع القوات الإسرائيلية": people, not an armed group, faced the forces
            # (with no side named, the forces the article names, or unnamed forces in a protest article)
            if has_casualties:
                trig.sub_event_type, event_type = "Excessive force against protesters", "Protests"
            else:
                trig.sub_event_type, event_type = "Violent demonstration", "Riots"
            actor1, actor2 = _protest_actors(force, None, trig.sub_event_type, country)
        if (
            trig.sub_event_type == "Attack"
            and trig.weapon == "firearm"
            and actor1 is not None
            and actor1.inter in (1, 8)
            and _protest_article(doc)
        ):  # forces shooting at civilians in an article about protests: force against the protest
            trig.sub_event_type, event_type = "Excessive force against protesters", "Protests"
            actor1, actor2 = _protest_actors(actor1, actor2, trig.sub_event_type, country)
        if weapon is None and trig.sub_event_type in _GUN_SUBTYPES and _forms_in_sentence(doc, s, _GUN_WORDS):
            weapon = "firearm"  # "مسلحون", "برصاص الجيش"
        killed = injured = None
        if trig.sub_event_type not in _NO_CASUALTY_SUBTYPES:  # a toll beside an arrest is another event's
            # "قتل 20 في غارات ومواجهات": a toll told before both is the strikes'; one after the fighting,
            # the fighting's ("ومواجهات مع الجيش أسفرت عن مقتل 4 جنود")
            own = [c for c in counts if c.tok_start >= trig.tok_end] if trig.shares_toll else counts
            # "شنت غارات على غزة إثر مقتل جندي": not the toll of what it answered or protested
            own = [c for c in _own_part_counts(doc, s, trig, own) if c.tok_start <= cause]
            killed = _figure(own, "killed", trig)
            injured = _figure(own, "injured", trig)
            if killed is None and victims is not None and victims >= 0:
                # "قتلت القوات شابا فلسطينيا": one person, the object of the killing verb
                killed = 1 if not lx.SINGLE_PERSON_NOUNS.isdisjoint(doc.tokens[victims].forms) else None
        one_sided = event_type in (_EXPLOSIONS, "Violence against civilians")
        civilians = Actor(f"Civilians ({_country_name(country)})", None, 7)
        if one_sided and (killed or injured) and _civilian_victims(doc, s, country):
            if actor1 is not None and actor1.inter == 7:
                actor1 = None
            armed_hit_state = (  # "عملية انتحارية نفذتها طالبان واستهدفت الشرطة": the forces are the target
                actor2 is not None
                and actor2.inter in (1, 8)
                and actor1 is not None
                and actor1.inter in (2, 3, 4)
                and a2_m is not None
                and _words_before(doc, a2_m.tok_start, 2, _TARGETING_WORDS)
            )
            forces_hit = _forces_among_victims(doc, s, country, killed)
            targeted = _targeted_party(doc, s, trig, country) if event_type == _EXPLOSIONS else None
            if targeted is not None and (actor1 is None or not _same_side(actor1, targeted)):
                actor2 = targeted  # "قصف استهدف مقر الحزب X": the party whose base was hit, not the dead
            elif forces_hit is not None and (actor1 is None or not _same_side(actor1, forces_hit)):
                actor2 = forces_hit  # "15 شخصا، ضمنهم 12 من رجال الأمن": the forces were the target
            elif forces_hit is not None and trig.sub_event_type in _PLANTED:
                actor1, actor2 = None, forces_hit  # the forces named first are those the bomb killed
            elif (actor2 is None or actor2.inter != 7) and not armed_hit_state:
                actor2 = civilians  # the victims, as ACLED codes them
        elif actor2 is None and one_sided and _civilian_victims(doc, s, country):
            actor2 = civilians
        elif actor2 is None and trig.sub_event_type in _PLANTED and _civilian_site(doc, s, trig):
            actor2 = civilians  # "تفجير انتحاري استهدف مسجدا", "عبوة ناسفة في سوق": the people there
        elif (
            actor2 is None
            and trig.sub_event_type in _CIVILIANS_BY_DEFINITION
            and (actor1 is None or actor1.inter != 7)
        ):
            actor2 = civilians  # abduction and sexual violence are violence against civilians by definition
        if (
            actor2 is None
            and trig.sub_event_type in _REMOTE_STRIKES
            and actor1 is not None
            and actor1.inter == 8
            and country is not None
            and (owner := _military_target(doc, s, trig, country)) is not None
            and _country_name(owner) not in actor1.name
        ):  # "ضربات استهدفت مواقع عسكرية حكومية في دير الزور": the forces of the land struck
            actor2 = Actor(_military_of(owner), None, 1 if owner == country else 8)
        no_state_perpetrator = False
        if (
            trig.sub_event_type in _ATTACKS_ON_PEOPLE
            and actor1 is not None
            and actor1.inter in (1, 8)
            and actor2 is not None
            and actor2.inter == 7
            and _forms_in_sentence(doc, s, _ATTACKER_WORDS)
        ):  # "أطلقت الشرطة النار على المهاجم": the forces stopped the attacker, who is the perpetrator
            actor1, no_state_perpetrator = None, True
        if trig.downed_plane:
            actor1, actor2 = _downing_sides(doc, s, country, actor1, actor2)
        if trig.own_bomb:  # the group whose bomb went off is the one side
            group = [a for a in (actor1, actor2) if a is not None and a.inter in (2, 3, 4)]
            actor1, actor2 = (group[0] if group else Actor("Unidentified armed group", None, 3)), None
        elif trig.sub_event_type == "Disrupted weapons use":
            actor1, actor2 = _interception_sides(actor1, actor2, country)
            if actor1 is not None and actor1.name == "Saudi-led coalition" and country == "SA":
                actor1 = Actor(_military_of(country), None, 1)  # over its own land, the Saudi air defence
            if actor2 is None:
                actor2 = _launcher(doc, s)  # "صاروخين أطلقا من اليمن", "من الأراضي اليمنية"
            if actor2 is None and actor1 is not None:
                actor2 = _weapon_nationality(doc, s, trig, actor1, country)  # "صاروخين إسرائيليين"
        if trig.sub_event_type == "Chemical weapon" and (
            _forms_in_sentence(doc, s, _POISONING_WORDS) or country not in _CHEMICAL_WARS
        ):
            # "تسميم العميل السابق بغاز الأعصاب", a nerve agent in Salisbury or Kuala Lumpur: poisoning
            # people is an attack on them (ACLED), not a gas attack of a war
            trig.sub_event_type, event_type, weapon = "Attack", "Violence against civilians", "chemical"
            if actor1 is not None and (actor1.inter in (1, 7) or actor1 == actor2):
                actor1 = None  # the home state named here accuses or investigates
            actor2 = civilians
        if trig.sub_event_type == "Chemical weapon":
            named = [
                resolve_inter(m, country) for m in s_actors if m.actor is not None and not _is_patron(doc, m)
            ]
            national = _nationality_agent(doc, trig, s)  # "هجوم سوري بالغاز"
            if national is not None:
                named.append(resolve_inter(national, country))
            actor1 = _chemical_sides([a for a in (actor1, actor2) if a is not None] + named)
            # no one named: the state that has used gas in that war
            if actor1 is None and country in _GAS_USERS:
                actor1 = _GAS_USERS[country]
            actor2 = civilians
        if trig.sub_event_type == "Agreement":  # between armed parties: those evacuated take no part
            sides = [a for a in (actor1, actor2) if a is not None and a.inter != 7]
            actor1, actor2 = [*sides, None, None][:2]
            partner = _agreed_with(doc, trig, s_actors)  # "توصل إلى اتفاق مع روسيا": the other party
            if partner is not None and actor1 is not None and partner.actor.name != actor1.name:
                actor2 = resolve_inter(partner, country)
            if actor1 is not None and actor2 is None:
                actor2 = _article_adversary(doc, country, actor1)  # the side it agreed with
        if trig.sub_event_type == "Arrests":
            actor1, actor2 = _arrest_sides(doc, s, trig, a1_m, actor1, actor2, country, civilians)
        if event_type == "Battles" and any(a is not None and a.inter == 7 for a in (actor1, actor2)):
            # people killed in a battle are not one of its sides ("مقتل ستة أشخاص في اشتباكات بين ...")
            sides = [(a, m) for a, m in ((actor1, a1_m), (actor2, a2_m)) if a is not None and a.inter != 7]
            (actor1, a1_m), (actor2, a2_m) = [*sides, (None, None), (None, None)][:2]
        if event_type == "Battles" and actor1 is not None and actor2 is None and actor1.inter in (2, 3, 4):
            # the other side is the one the article fights most, else the state's forces
            actor2 = _article_adversary(doc, country, actor1) or Actor(_military_of(country), None, 1)
        elif event_type == "Battles" and actor1 is not None and actor2 is None and actor1.inter in (1, 8):
            # a battle has two sides: the group the article fights most, else an unnamed one
            actor2 = _article_adversary(doc, country, actor1) or Actor("Unidentified armed group", None, 3)
        elif event_type == "Battles" and actor1 is None and actor2 is not None and actor2.inter in (1, 8):
            # "لقي شرطيان مصرعهما بالرصاص": the forces fired on, by the group the article fights or an unnamed one
            actor1 = _article_adversary(doc, country, actor2) or Actor("Unidentified armed group", None, 3)
        acted = (  # "فجر الجيش عبوة": the state's forces as subject or agent, not soldiers counted
            a1_m is not None
            and not _is_victim(doc, a1_m)
            and not _counted_people(doc, a1_m)
            and (_is_subject(doc, a1_m) or _is_agent(doc, a1_m))
            and not _words_before(doc, a1_m.tok_start, 1, _SPEECH_VERBS)  # "قالت الشرطة إن ...": a source
        )
        if (
            trig.sub_event_type in _PLANTED
            and a1_m is not None
            and _words_before(doc, a1_m.tok_start, 1, _SPOKESMAN_OF)
            and not _forms_in_sentence(doc, s, _OWN_FORCES)
        ):  # "قال الناطق باسم الشرطة إن تفجيرا وقع" (not "إن قواته فجرت عبوة"): the service told of it
            actor1, a1_m = None, None
        if (
            trig.sub_event_type in _PLANTED
            and actor1 is not None
            and (actor1.inter == 7 or (actor1.inter in (1, 8) and not acted))
        ):
            # State forces and civilians are what a bomb hits; a group beside them planted it (unless
            # the state is the one that set it off: "فجر الجيش عبوة ناسفة في منزل"; civilians who act,
            # "فر المصلون", still only fled it).
            if actor2 is None or actor2.inter == actor1.inter:
                actor1, actor2 = None, actor1
            elif actor2.inter in (2, 3, 4):
                actor1, actor2 = actor2, actor1
            elif actor2.inter == 7:  # the bomb hit civilians: the forces named only told of it
                actor1, no_state_perpetrator = None, True
        if ctx.claim is None:  # looked for once per article
            ctx.claim = (_claim_mention(doc),)
        # "ولم تتبن أي جهة التفجير": neither whoever claimed other attacks nor the usual suspect did this
        unclaimed = one_sided and _unclaimed(doc, s)
        claimant = (
            resolve_inter(ctx.claim[0], country) if ctx.claim[0] is not None and not unclaimed else None
        )
        unknown_agent = actor1 is None or actor1.name.startswith("Unidentified")
        if (
            one_sided
            and claimant is not None
            and unknown_agent
            and (actor2 is None or actor2.name != claimant.name)
        ):
            actor1 = claimant  # "وأعلن تنظيم داعش مسؤوليته"
        elif (
            one_sided
            and claimant is not None
            and unknown_agent
            and actor2 is not None
            and actor2.name == claimant.name
        ):
            # the group that claimed it is no target: it acted, against the forces or people named
            victims = [
                resolve_inter(m, country)
                for m in s_actors
                if m.actor is not None and m.actor.inter in (1, 7, 8)
            ]
            by_definition = civilians if trig.sub_event_type in _CIVILIANS_BY_DEFINITION else None
            actor1, actor2 = claimant, victims[0] if victims else by_definition
        # "المتطرفين", "المسلحين" in an article about one named group: that group
        first = a1_m is not None and _anaphoric_group(doc, a1_m, actor1)
        second = not first and a2_m is not None and _anaphoric_group(doc, a2_m, actor2)
        group = _only_named_group(doc, country) if (first or second) and not unclaimed else None
        if group is not None and group not in (actor1, actor2):
            if first:
                actor1 = group
            else:
                actor2 = group
        if actor1 is None and one_sided and not unclaimed:
            # a state the article keeps naming may have shelled; bombs and knives are not laid on it
            states = not no_state_perpetrator and trig.sub_event_type in _REMOTE_STRIKES
            actor1 = _article_perpetrator(doc, country, actor2, states=states)
        if actor1 is None and one_sided and trig.sub_event_type != "Air/drone strike":
            actor1 = Actor("Unidentified armed group", None, 3)
        if trig.sub_event_type == "Air/drone strike" and weapon != "drone":
            actor1, actor2 = _air_sides(doc, s_actors, country, actor1, actor2)
        if (
            trig.sub_event_type == "Attack"
            and actor2 is not None
            and actor2.inter in (1, 8)
            and (actor1 is None or actor1.inter != 7)
        ):
            retired = a2_m is not None and _words_after(doc, a2_m.tok_end, 2, _RETIRED)  # "جندي متقاعد"
            if retired or (
                not _hit_after(doc, s, trig, actor2, country)
                and not (a2_m is not None and _is_victim(doc, a2_m) and not _is_agent(doc, a2_m))
                and not (a2_m is not None and _stabbed(doc, trig, a2_m))
            ):
                actor2 = civilians  # an attack is on civilians: the police named beside it told of it
            elif not _trigger_has(doc, trig, _EXECUTION_WORDS):
                # "أصيب شرطيان في هجوم طعن": an attack on the forces is fought with them (ACLED: a clash)
                trig.sub_event_type, event_type, one_sided = "Armed clash", "Battles", False
        if one_sided and actor1 and actor2 and actor1.inter == 7 and actor2.inter != 7:
            actor1, actor2 = actor2, actor1  # the people hit are the second side
        if actor1 and actor2 and _same_side(actor1, actor2, camps=False):
            actor2 = None  # the police and the army of one state are one side (allies may fight)
        if (
            event_type == _EXPLOSIONS
            and actor1
            and actor2
            and _state_allies(actor1, actor2)
            and not (  # named as hit: among the dead, or the owner of the site struck ("موقعا لقوات النظام")
                a2_m is not None
                and (
                    _is_victim(doc, a2_m)
                    or _struck(doc, a2_m)
                    or _words_before(doc, a2_m.tok_start, 2, _TARGET_NOUNS)
                )
            )
            and not _hit_after(doc, s, trig, actor2, country)
            and not trig.downed_plane  # "أسقط الدفاع الجوي السوري طائرة روسية": by mistake, still the other
        ):
            # "غارات روسية ... تصعيد لقوات النظام": one ally's strike is not on the other
            actor2, a2_m = (civilians if _civilian_victims(doc, s, country) else None), None
        if actor1 and actor2 and actor1.inter == actor2.inter == 3 and actor2.name.startswith("Unidentified"):
            actor2 = None  # two unnamed groups are one unknown perpetrator
        if (
            (trig.sub_event_type in _REMOTE_STRIKES or trig.sub_event_type == "Disrupted weapons use")
            and actor2 is None
            and actor1 is not None
            and actor1.inter in (1, 8)
        ):
            actor2 = _article_opponent(doc, country, actor1)  # "غارات التحالف" on the article's rebels
        evidence = Span.of(doc.text, s.start, s.end)
        spans = {
            "event_type": Span.of(
                doc.text, doc.tokens[trig.tok_start].start, doc.tokens[trig.tok_end - 1].end
            )
        }
        if date_m is not None:
            spans["date"] = date_m.span
        elif shifted is not None:  # "بعد ثلاثة أيام من": the words that count the days back
            last = doc.tokens[min(after + 2, s.tok_end - 1)]
            spans["date"] = Span.of(doc.text, doc.tokens[after].start, last.end)
        spans["location"] = place_m.span
        for key, m in (("actor1", a1_m), ("actor2", a2_m)):
            if m is not None:
                spans[key] = m.span
        for key, what in (("fatalities", "killed"), ("injured", "injured")):
            c = _first(counts, what)
            if c is not None:
                spans[key] = Span.of(doc.text, doc.tokens[c.tok_start].start, doc.tokens[c.tok_end - 1].end)
        confidence = 0.5 + 0.15 * own_date + 0.15 * own_place + 0.1 * trig.strong + 0.05 * has_casualties
        background = bool(date and published and (published - date).days > _BACKGROUND_DAYS)
        return Event(
            event_type=SUB_TO_TYPE[trig.sub_event_type],
            sub_event_type=trig.sub_event_type,
            date=date,
            time_precision=precision if date else None,
            location=location,
            actor1=actor1,
            actor2=actor2,
            weapon=weapon,
            fatalities=killed,
            injured=injured,
            background=background,
            evidence=evidence,
            spans=spans,
            confidence=round(min(confidence, 0.95), 2),
        )


_LIST_FEATURES = frozenset(("PCLI", "ADM1", "REGION", "BORDER"))
_PLURAL_PLACE_WORDS = frozenset(norm(w) for w in "مديريات محافظات بلدات قرى مدن أحياء مناطق مخيمات".split())
_PLURAL_PLACES = _PLURAL_PLACE_WORDS | lx._words("المحافظات المناطق المدن المديريات جبهات الجبهات انحاء")


_COMPASS = lx._words("شمال شمالي جنوب جنوبي شرق شرقي غرب غربي")


def _coordinated(
    doc: Doc, places: list[PlaceMention], event: Event, hit_tokens: set[int]
) -> list[PlaceMention]:
    """Other places the sentence gives the event: the second of a pair ("بلدتي الفوعة وكفريا"), and each
    place a new "وفي" phrase adds before another trigger ("قصفت ... في مديرية الجراحي، وفي مديريتي زبيد
    والتحيتا"). A long plain list ("مسرابا وجسرين وكفربطنا وحمورية ...") sums up a region's day."""
    span = event.spans.get("location")
    first = next((p for p in places if span is not None and p.start == span.start), None)
    if first is None or first.feature in _LIST_FEATURES:
        return []
    if any(t.norm == "بين" for t in doc.tokens[max(0, first.tok_start - 3) : first.tok_start]):
        return []  # "الطريق بين حمص وحماة": one road between two towns
    groups: list[list[PlaceMention]] = [[first]]
    last = first
    for p in sorted(places, key=lambda p: p.tok_start):
        if p.tok_start < last.tok_end or p.location is None:
            continue
        if p.feature in _LIST_FEATURES or p.location.country != first.location.country:
            break
        gap = doc.tokens[last.tok_end : p.tok_start]
        joined = doc.tokens[p.tok_start].norm.startswith("و") and p.text[:1] != "و"
        if _aside(gap):  # "كانبيرا (جنوب) وبيرث": where the town lies, in brackets or quotes
            gap = []
        if gap and not _COMPASS.isdisjoint(doc.tokens[p.tok_start].forms):
            last = p  # "بلدة جنديرس، غربي عفرين": where the town lies, not another town
            continue
        if all(t.norm in ("،", ",") for t in gap) and (joined or gap):
            groups[-1].append(p)  # "X وY", "X، Y"
        elif any(
            t.norm == "وفي" for t in doc.tokens[max(last.tok_end, p.tok_start - 2) : p.tok_start]
        ) and not any(k in hit_tokens for k in range(last.tok_end, min(p.tok_end + 5, len(doc.tokens)))):
            groups.append([p])  # "... وفي Y": a new place of the same event (not "وفي Y اندلعت ...")
        else:
            break
        last = p
    cues = [t.norm for t in doc.tokens[max(0, first.tok_start - 1) : first.tok_start + 1]]
    plural = any(w in _PLURAL_PLACE_WORDS or (w[:1] in "وب" and w[1:] in _PLURAL_PLACE_WORDS) for w in cues)
    # each town's crowd that day is its own event, however many (not a habit, a period or one shooting)
    crowds = event.sub_event_type in _CROWD_LISTS and event.time_precision == 1 and not event.fatalities
    return [
        p
        for k, group in enumerate(groups)
        if len(group) <= 2
        or (k == 0 and (plural or crowds))  # "مديريات المنصورية وبيت الفقيه وزبيد والتحيتا"
        for p in group
        if p is not first
    ]


_CROWD_LISTS = ("Peaceful protest", "Protest with intervention", "Violent demonstration")
_QUOTES = frozenset('"()«»“”')
_SIDES = _COMPASS | lx._words("وسط")


def _aside(gap: list[Token]) -> bool:
    """'"جنوب"', "(غرب)": a direction in quotes or brackets between two listed towns."""
    return (
        len(gap) >= 2
        and any(t.norm in _QUOTES for t in gap)
        and all(t.norm in _QUOTES or not _SIDES.isdisjoint(t.forms) for t in gap)
    )


def _at_place(event: Event, place: PlaceMention) -> Event:
    """The same event at another listed place; the toll stays with the first (never counted twice)."""
    assert place.location is not None
    twin = copy.copy(event)
    twin.location = _event_location(place.location)
    twin.spans = {**event.spans, "location": place.span}
    for key in ("fatalities", "injured"):
        twin.spans.pop(key, None)
    twin.fatalities = twin.injured = None
    return twin


def _event_location(loc: Location) -> Location:
    """Neighbourhoods are coded at their town (one event per town and day)."""
    parent = container(loc)
    return parent if parent is not None else loc


def _first(counts: list[Count], what: str) -> Count | None:
    return next((c for c in counts if c.kind == what), None)


_NO_CASUALTY_SUBTYPES = frozenset(
    (
        "Arrests",
        "Agreement",
        "Change to group/activity",
        "Headquarters or base established",
        "Non-violent transfer of territory",
        "Peaceful protest",  # (a toll beside one is another event's: the strike on the marchers)
    )
)


def _own_part_counts(doc: Doc, s: Sentence, trig: Trigger, counts: list[Count]) -> list[Count]:
    """ "قصفت القوات حلب، بينما قتل مدنيان في غارة على إدلب": a "while" part with an event word of its
    own keeps its toll (one without tells the toll of the first: "قصفت الطائرات البلدة، فيما قتل 5")."""
    hits = doc.trigger_hits[s.i] if doc.trigger_hits is not None else []
    others = [
        part
        for part in doc_clauses(doc, s)
        if not part.tok_start <= trig.tok_start < part.tok_end
        and any(part.tok_start <= h.tok_start < part.tok_end and names_event(h.value) for h in hits)
    ]
    return [c for c in counts if not any(p.tok_start <= c.tok_start < p.tok_end for p in others)]


def _figure(counts: list[Count], what: str, trig: Trigger) -> int | None:
    """The figure for this event: the count stated closest to its trigger."""
    found = [c for c in counts if c.kind == what]
    exact = [c for c in found if not c.vague]
    if not exact:  # "مقتل العشرات": no figure, unless a part is counted ("بينهم 7 أطفال")
        floors = [c.floor for c in found if c.floor]
        return max(floors) if floors else None
    found = exact
    return min(
        found, key=lambda c: min(abs(c.tok_start - trig.tok_end), abs(trig.tok_start - c.tok_end))
    ).value


def _military_of(iso2: str | None) -> str:
    """ "Military Forces of the United States", as the actor dictionary names a state's forces."""
    name, the = lexicon().country_name(iso2)
    return f"Military Forces of {the}{name or 'unknown'}"


def _country_name(iso2: str | None) -> str:
    return lexicon().country_name(iso2)[0] or "unknown"


def _civilian_victims(doc: Doc, s: Sentence, country: str | None) -> bool:
    """Civilians among the people the sentence counts ("مدنيين", "أطفال", "قتل فلسطيني" in Palestine;
    not a word of an armed group's name, "حزب العمال الكردستاني", nor a "تصريح صحفي")."""
    mentions = doc.in_sentence(doc.actors, s)
    if any(m.actor is not None and m.actor.inter == 7 for m in mentions):
        return True
    named = {k for m in mentions for k in range(m.tok_start, m.tok_end)}
    if any(
        f in lx.CIVILIAN_NOUNS
        for k in range(s.tok_start, s.tok_end)
        if k not in named and (k == 0 or PRESS_NOUNS.isdisjoint(doc.tokens[k - 1].forms))
        for f in doc.tokens[k].forms
    ):
        return True
    if any(  # "وكان رجل قد قتل": a man killed (not "رجلا فجر عبوة", the bomber; nor "رجل أمن")
        _PERSON_WORDS.intersection(doc.tokens[k].forms)
        and k not in named
        and (k + 1 >= s.tok_end or _SECURITY_AFTER.isdisjoint(doc.tokens[k + 1].forms))
        and any(
            _KILLING_WORDS.intersection(t.forms)
            for t in doc.tokens[max(s.tok_start, k - 2) : k + 3]
            if t.i != k
        )
        for k in range(s.tok_start, s.tok_end)
    ):
        return True
    return any(_nationals_hit(doc, k, country) for k in range(s.tok_start + 1, s.tok_end))


_PERSON_WORDS = lx._words("رجل رجلا رجلان رجلين امراه امراتان")
_SECURITY_AFTER = lx._words("امن الامن شرطه الشرطه مرور المرور")


def _nationals_hit(doc: Doc, k: int, country: str | None) -> bool:
    """ "قتل فلسطيني", "على فلسطينيين اثنين": people of the land named by their nationality alone, hit
    (Americans wounded in Kandahar are troops)."""
    if country is None or nationality(doc.tokens[k]) != country:
        return False
    before = doc.tokens[k - 1]
    if before.norm in _KILLED_VERBS:  # "قتل فلسطيني برصاص": passive, unless an object follows
        number = next((n for n in doc.numbers if n.tok_start == k + 1), None)  # ("قتل عراقي ثلاثة من الشرطة")
        if number is None:
            return True
        unit = doc.tokens[number.tok_end] if number.tok_end < len(doc.tokens) else None
        return unit is not None and not _AGE_WORDS.isdisjoint(unit.forms)  # "قتل فلسطيني 19 عاما": his age
    return (
        before.norm in _NATIONALS_LEADS
        or not lx.CIVILIAN_NOUNS.isdisjoint(before.forms)
        or any(n.tok_end == k and n.kind != "dual" for n in doc.numbers)  # "جنديان تركيان" are soldiers
    )


_KILLED_VERBS = lx._words("قتل جرح")  # active or passive in unvowelled text
_AGE_WORDS = lx._words("عاما عام سنه سنوات اعوام")
_OBJECT_LEADS = lx._words("علي ضد بحق")
_NATIONALS_LEADS = _OBJECT_LEADS | lx._words("مقتل مصرع استشهاد اصابه استهدف استهدفت اصيب استشهد")


_GUN_SUBTYPES = frozenset(
    ("Attack", "Armed clash", "Violent demonstration", "Excessive force against protesters", "Mob violence")
)
_GUN_WORDS = lx._words(
    "مسلحون مسلحين مسلح رصاص الرصاص برصاص بالرصاص رصاصه النار النيران رشاش رشاشات قناص قناصه"
)


def _forms_in_sentence(doc: Doc, s: Sentence, words: frozenset[str]) -> bool:
    return any(not words.isdisjoint(t.forms) for t in doc.tokens[s.tok_start : s.tok_end])


_ATTACK_WORDS = lx._words("هجوم هجوما الهجوم هاجم هاجمت هاجموا استهدف استهدفت استهدفوا")
_BARE_ATTACK_WORDS = _ATTACK_WORDS | lx._words("ضرب ضربت")
_DEFINITE_ATTACK = lx._words("الهجوم")
_NEW_ATTACK_WORDS = _AGENT_LEADS | lx._words("على شنه")  # its own agent or target: "الهجوم الذي شنه ... على"


def _targeted_party(doc: Doc, s: Sentence, trig: Trigger, country: str | None) -> Actor | None:
    """An armed party right after a targeting word, after the trigger ("استهدف مقر الحزب X")."""
    for m in doc.in_sentence(doc.actors, s):
        if m.actor is None or m.actor.inter not in (2, 3, 4) or m.tok_start < trig.tok_end:
            continue
        k = m.tok_start
        if k > 0 and _TARGET_NOUNS.intersection(doc.tokens[k - 1].forms):
            k -= 1  # "مقر", "مواقع"
        if _words_before(doc, k, 1, _TARGETING_WORDS):
            return resolve_inter(m, country)
    return None


_MILITARY_SITES = _TARGET_NOUNS | lx._words("قواعد مطار مطارا مطارات معسكر معسكرا معسكرات ثكنه ثكنات")
_MILITARY_ADJECTIVES = lx._words("عسكري عسكريه عسكريا حكومي حكوميه للجيش للنظام للقوات")


def _military_target(doc: Doc, s: Sentence, trig: Trigger, country: str) -> str | None:
    """ "استهدفت مواقع عسكرية حكومية", "قصف قاعدة عسكرية": the country whose forces own what was hit, the
    land's ("مواقع عسكرية إيرانية": the nationality's); None when no military site was hit."""
    end = min(s.tok_end, trig.tok_end + 6)
    for k in range(trig.tok_start, end):
        if not _MILITARY_SITES.intersection(doc.tokens[k].forms):
            continue
        after = doc.tokens[k + 1 : min(s.tok_end, k + 4)]
        if not any(_MILITARY_ADJECTIVES.intersection(t.forms) for t in after[:2]):
            continue
        return next((iso2 for t in after if (iso2 := nationality(t))), country)
    return None


def _civilian_site(doc: Doc, s: Sentence, trig: Trigger) -> bool:
    """A bomb at a mosque, market, school, hospital or wedding, in the next words: aimed at the people there."""
    end = min(s.tok_end, trig.tok_end + 6)
    return any(_CIVILIAN_TARGETS.intersection(t.forms) for t in doc.tokens[trig.tok_end : end])


def _forces_among_victims(doc: Doc, s: Sentence, country: str | None, killed: int | None) -> Actor | None:
    """State forces who are most of the dead ("15 شخصا، ضمنهم 12 من رجال الأمن", "قتل جنديان")."""
    ending_at = {n.tok_end: n for n in doc.numbers}
    starting_at = {n.tok_start: n for n in doc.numbers}
    for m in doc.in_sentence(doc.actors, s):
        if m.actor is None or m.actor.inter not in (1, 8) or m.label in _WEAK_ACTOR_LABELS:
            continue
        k = m.tok_start
        count = ending_at.get(k - 1) if k >= 2 and "من" in doc.tokens[k - 1].forms else None
        if count is None and _counted_people(doc, m):
            count = starting_at.get(k) or ending_at.get(k)
        if count is not None and (not killed or 2 * count.value >= killed):
            return resolve_inter(m, country)
    return None


# clashes and confrontations, which people may have with the forces (not "معارك", "قتال": battles)
_CONFRONTATION_WORDS = lx.FIGHTING_WORDS - lx._words("قتال القتال معارك المعارك اقتتال") | lx._words(
    "اشتبك اشتبكت اشتبكوا"
)
_SOLDIER_NOUNS = lx._words(
    "جندي جنديا جنديان جنديين جنود الجنود شرطي شرطيا شرطيان ضابط ضابطا ضباط عسكري عسكريا عسكريين"
)
_KILLING_WORDS = lx.KILLED_VERBS | lx.KILLED_NOUNS | lx.INJURED_VERBS | lx.INJURED_NOUNS


_PEOPLE_WORDS = lx._words(
    "شبان الشبان شباب محتجين المحتجين محتجون متظاهرين المتظاهرين متظاهرون اهالي الاهالي سكان السكان "
    "مواطنين المواطنين طلاب الطلاب"
)


def _people_side(doc: Doc, s: Sentence) -> bool:
    """ "مواجهات بين شبان والجيش", "قتل 17 فلسطينيا في مواجهات": people, named by a word for them or by
    their nationality alone, are a side."""
    return _forms_in_sentence(doc, s, _PEOPLE_WORDS) or any(
        m.label == "ACTOR_DEMONYM" and m.actor is not None and m.actor.inter == 7
        for m in doc.in_sentence(doc.actors, s)
    )


def _between_people(doc: Doc, s: Sentence, trig: Trigger) -> bool:
    """ "اشتباكات بين عائلتين", "مواجهات بين مشجعي فريقين": the clash names its two sides, and they are
    no forces (not "مواجهات على الحدود بين إسرائيل وقطاع غزة": places)."""
    starts = {p.tok_start for p in doc.in_sentence(doc.places, s)}
    return any(
        doc.tokens[k].norm == "بين" and k + 1 not in starts
        for k in range(trig.tok_end, min(s.tok_end - 1, trig.tok_end + 4))
    )


def _soldiers_killed(doc: Doc, s: Sentence) -> bool:
    """ "قتل جندي إسرائيلي", "مقتل ثلاثة جنود": soldiers or policemen among the dead or wounded."""
    return any(
        not _SOLDIER_NOUNS.isdisjoint(doc.tokens[k].forms) and _words_before(doc, k, 3, _KILLING_WORDS)
        for k in range(s.tok_start, s.tok_end)
    )


def _counted_people(doc: Doc, m: ActorMention) -> bool:
    """ "أن جنديا قتل": a mention that is only a count of soldiers or people names victims."""
    words = [t for t in doc.tokens[m.tok_start : m.tok_end] if t.is_word]
    return bool(words) and all(not lx.PERSON_NOUNS.isdisjoint(t.forms) for t in words)


def _protest_article(doc: Doc) -> bool:
    """Some sentence of the article reports a protest (a strong protest word)."""
    return any(
        m.value.sub_event_type == _PEACEFUL and m.value.strength == "strong"
        for hits in doc.trigger_hits or ()
        for m in hits
    )


def _same_side(a: Actor, b: Actor, camps: bool = True) -> bool:
    """One actor, two forces of one state (the police and the army of Egypt), a coalition and the
    forces of a state that leads or fights in it (the coalition in Yemen and the Saudi air defence), or
    one camp (the Syrian opposition and Jaish al-Islam; the Syrian army and the NDF)."""
    if a.name == b.name or (a.inter == b.inter == 1 and _state_of(a) == _state_of(b)):
        return True
    if camps and _camp_of(a) is not None and _camp_of(a) == _camp_of(b):
        return True
    if _jihadist_named_and_generic(a, b) or _jihadist_named_and_generic(b, a):
        return True  # "قتل 3 متطرفين ... خلال التصدي لعملية لتنظيم داعش": the extremists are its men
    return _allied(a, b) or _allied(b, a)


_JIHADIST_GROUPS = (
    "Islamic State",
    "Al Qaeda",
    "AQAP",
    "AQIM",
    "Hayat Tahrir al-Sham",
    "Al Shabaab",
    "JNIM",
    "Boko Haram",
)


def _jihadist_named_and_generic(named: Actor, generic: Actor) -> bool:
    return generic.name.startswith("Unidentified Islamist militants") and named.name.startswith(
        _JIHADIST_GROUPS
    )


# Groups that fight in one camp: its head (a state's forces by country, or an umbrella) -> members.
_CAMPS = {
    "Syrian opposition factions": (
        "Free Syrian Army",
        "Syrian National Army",
        "Jaish al-Islam",
        "Faylaq al-Rahman",
        "Ahrar al-Sham",
    ),
    "Syria": ("NDF: National Defence Forces", "Liwa al-Quds"),
    "Yemen": ("Popular Resistance", "Security Belt Forces", "Elite Forces (Yemen)"),
    "Iraq": ("Popular Mobilization Forces", "Tribal Mobilization Forces"),
}


def _camp_of(actor: Actor) -> str | None:
    if actor.name in _CAMPS:
        return actor.name
    if actor.inter == 1 and " of " in actor.name:
        state = _state_of(actor)
        if "Kurdistan" in state:
            return None  # the Peshmerga are no part of Baghdad's camp
        state = state.split(" (")[0]
        return state if state in _CAMPS else None
    return next((head for head, members in _CAMPS.items() if actor.name in members), None)


# Coalitions and the states whose forces fight in them (the home forces they back included).
_COALITION_MEMBERS = {
    "Saudi-led coalition": ("Saudi Arabia", "United Arab Emirates", "Bahrain", "Yemen"),
    "Global Coalition against Daesh": ("United States", "United Kingdom", "France", "Iraq"),
}


# Militias a coalition backs on the ground.
_COALITION_ALLIES = {
    "Saudi-led coalition": _CAMPS["Yemen"],
    "Global Coalition against Daesh": ("Syrian Democratic Forces",),
}


# States whose forces fight one war on one side.
_STATE_ALLIANCES = (
    frozenset(("Russia", "Syria", "Iran")),
    frozenset(_COALITION_MEMBERS["Saudi-led coalition"]) | {"Saudi-led coalition"},
)


def _state_allies(a: Actor, b: Actor) -> bool:
    """The forces of two allied states (or a coalition and a state in it) in the war they fight; Yemen's
    only as its named government forces ("الجيش اليمني" alone may be the army that sided with the Houthis)."""
    states = [
        x.name if x.name in _COALITION_MEMBERS else _state_of(x).split(" (")[0].removeprefix("the ")
        for x in (a, b)
        if x.inter in (1, 8)
        and (" of " in x.name or x.name in _COALITION_MEMBERS)
        and (not x.name.endswith("of Yemen") or x.name in _COALITION_MEMBERS)
    ]
    if len(states) < 2 or states[0] == states[1]:
        return False
    return any(states[0] in group and states[1] in group for group in _STATE_ALLIANCES)


def _allied(coalition: Actor, member: Actor) -> bool:
    states = _COALITION_MEMBERS.get(coalition.name, ())
    if member.name in _COALITION_ALLIES.get(coalition.name, ()):
        return True
    return (
        member.inter in (1, 8)
        and " of " in member.name
        and _state_of(member).removeprefix("the ").startswith(states)
    )


def _state_of(actor: Actor) -> str:
    """ "Police Forces of Egypt" -> "Egypt"; rival governments keep their bracket ("Libya (GNA)")."""
    return actor.name.split(" of ", 1)[-1]


def _one_sided_attack(
    doc: Doc, s: Sentence, trig: Trigger, actor1: Actor | None, actor2: Actor | None, country: str | None
) -> bool:
    """ "هاجم مسلحون حافلة ركاب": an attack word whose victims are civilians, with no armed second side,
    is violence against civilians, not a battle."""
    if trig.strong and not _trigger_has(doc, trig, _ATTACK_WORDS):
        return False  # "اشتباكات", "معارك": two armed sides by definition
    after = doc.tokens[trig.tok_end : min(trig.tok_end + 3, s.tok_end)]
    if any(f in _CIVILIAN_TARGETS for t in after for f in t.forms):
        return True  # "هجوم استهدف حافلة", "هجوم على مسجد": a civilian place was the target
    armed = [a for a in (actor1, actor2) if a is not None and a.inter in (1, 2, 3, 4, 8)]
    if len(armed) == 2:
        return False
    victims_civilian = any(a is not None and a.inter == 7 for a in (actor1, actor2))
    if victims_civilian or _civilian_victims(doc, s, country):
        return True
    # "وقع الهجوم", "عملية استهدفت": nobody armed named; fighting ("تجدد القتال") has two sides unnamed
    return not armed and not _trigger_has(doc, trig, lx.FIGHTING_WORDS)


# civilian places: an attack on them is on the people there ("هجوم على مسجد", "عبوة ناسفة في سوق")
_CIVILIAN_TARGETS = lx._words(
    "حافله حافلات الحافله باص سوق سوقا السوق اسواق مسجد مسجدا المسجد مساجد حسينيه الحسينيه كنيسه الكنيسه"
    " مدرسه المدرسه مدارس مستشفي المستشفي جامعه الجامعه فندق فندقا مطعم مطعما المطعم مقهي المقهي حفل حفلا"
    " الحفل عرس زفاف ملعب الملعب مصلين"
)


def _is_victim(doc: Doc, m: ActorMention) -> bool:
    if _subject_of_targeting(doc, m):
        return False
    return _words_before(doc, m.tok_start, 3, _VICTIM_LEADS) or _words_before(
        doc, m.tok_start, 2, _VICTIM_PREPOSITIONS
    )


_TARGET_VERBS = lx._words("استهدف استهدفت استهدفوا")


def _subject_of_targeting(doc: Doc, m: ActorMention) -> bool:
    """ "استهدفت فصائل المعارضة بالمدفعية تجمعات القوات": an armed side right after the verb, with the
    target named after it, is who fired (verb, subject, object), not who was hit."""
    if m.actor is None or m.actor.inter not in (1, 2, 3, 4, 8):
        return False
    if not _words_before(doc, m.tok_start, 1, _TARGET_VERBS):
        return False
    return _words_after(doc, m.tok_end, 4, _TARGET_NOUNS)


_LOYAL_WORDS = lx._words(
    "الموالي الموالين الموالون المواليه المدعوم المدعومه المدعومين المقرب المقربه موال مواليه موالين موالون "
    "مدعوم مدعومه مدعومين"
)
# "بإسناد من التحالف", "مدعومة بغطاء جوي": the backers of a side take no part of their own.
_PATRON_LEADS = _LOYAL_WORDS | lx._words("التابع التابعه التابعين باسناد بدعم بمسانده بغطاء مسنوده")
_BORDER_WORDS = lx._words("حدود الحدود حدودها حدوده الحدوديه")


def _is_patron(doc: Doc, m: ActorMention) -> bool:
    """ "ميليشيات الحوثي الموالية لإيران", "المدعومة من تركيا": the patron named in a modifier takes no part."""
    if doc.tokens[m.tok_start].norm.startswith("و"):
        return False  # "الموالية لتركيا وقوات سوريا الديمقراطية": the next conjunct is a party again
    return _words_before(doc, m.tok_start, 2, _PATRON_LEADS)


def _patron_place(doc: Doc, p: PlaceMention) -> bool:
    """ "الموالية لإيران", "المدعومة من تركيا": a patron is not where anything happened ("القوات الموالية
    للنظام حلب" still is Aleppo, and so is "التابعة لمحافظة إدلب")."""
    k = p.tok_start
    if k >= 2 and doc.tokens[k - 1].norm == "من":
        return _words_before(doc, k - 1, 1, _LOYAL_WORDS)
    return doc.tokens[k].norm.startswith("ل") and _words_before(doc, k, 1, _LOYAL_WORDS)


_CROWD_WORDS = lx._words("جماهير الجماهير مشجعين المشجعين مشجعون المشجعون")
_PARTY = lx._words("حزب الحزب")
_MANY = lx._words("عشرات مئات الاف الالاف")
_COUNTED_PEOPLE = lx._words("شبان الشبان مواطنين المواطنين الاهالي اهالي السكان سكان طلاب الطلاب")


def _crowd_at_trigger(doc: Doc, s: Sentence, trig: Trigger) -> bool:
    """A crowd word that is a side of the clash: its subject ("اشتبك مشجعون") or what it was with
    ("اشتباكات مع مجموعة من الجماهير"), not a word elsewhere in the sentence."""
    lo, hi = max(s.tok_start, trig.tok_start - 2), min(s.tok_end, trig.tok_end + 5)
    return any(
        not _CROWD_WORDS.isdisjoint(doc.tokens[k].forms) or _many_people(doc, k)
        for k in range(lo, hi)
        if k not in range(trig.tok_start, trig.tok_end)
    )


def _many_people(doc: Doc, k: int) -> bool:
    """ "عشرات اليونانيين", "مئات الشبان": a crowd of people (not of fighters: "عشرات المسلحين")."""
    if k + 1 >= len(doc.tokens) or _MANY.isdisjoint(doc.tokens[k].forms):
        return False
    people = doc.tokens[k + 1]
    plural_nisba = nationality(people) is not None and people.norm.endswith(("يين", "يون"))
    return plural_nisba or not _COUNTED_PEOPLE.isdisjoint(people.forms)


def _crowd_clash(doc: Doc, s: Sentence, trig: Trigger, actor1: Actor | None, actor2: Actor | None) -> bool:
    """ "اشتباكات مع مجموعة من الجماهير": a crowd fighting the forces riots (when no armed men are named:
    "هاجم مسلحون حافلة تقل مشجعين" is an attack on them)."""
    if trig.sub_event_type != "Armed clash" or not _crowd_at_trigger(doc, s, trig):
        return False
    sides = [a for a in (actor1, actor2) if a is not None]
    if not sides:
        return False
    armed = any(
        m.actor is not None
        and m.actor.inter in (2, 3, 4)
        and _PARTY.isdisjoint(doc.tokens[m.tok_start].forms)
        for m in doc.in_sentence(doc.actors, s)
    )  # ("اجتماع نظمه حزب سيريزا": a party that met is no armed side)
    return not armed and all(a.inter in (1, 7, 8) or a.name.startswith("Unidentified") for a in sides)


def _ground_force(doc: Doc, s: Sentence, actor: Actor | None, country: str | None) -> Actor | None:
    """ "أعلن التحالف وصول القوات الموالية للحكومة ... إثر معارك": the fight on the ground is the named
    home forces' (or their allied militia's), not the coalition that announced or backed it."""
    if actor is None or actor.name not in _COALITION_MEMBERS:
        return actor
    for m in doc.in_sentence(doc.actors, s):
        if m.actor is None or m.label in _WEAK_ACTOR_LABELS or m.kind not in ("state", "progov"):
            continue
        home = resolve_inter(m, country)
        if m.kind == "progov" or (home.inter == 1 and _allied(actor, home)):
            return home
    return actor


_EXECUTION_WORDS = lx._words("اعدم اعدمت اعدموا اعدام يعدم تعدم")


def _armed_mention(m: ActorMention) -> bool:
    """A force or group named as such (not a country's name or a nationality)."""
    return m.actor is not None and m.actor.inter != 7 and m.label not in _WEAK_ACTOR_LABELS


def _ordinary_crime(doc: Doc, s: Sentence, mentions: list[ActorMention]) -> bool:
    """A crime word, no political word, one force named and no armed group: policing, not conflict
    (not "اعتقلت الشرطة العسكرية الروسية عناصر من قوات النظام أثناء سرقة منازل", nor a militia's arrests)."""
    armed = [m for m in mentions if _armed_mention(m)]
    return (
        _forms_in_sentence(doc, s, _CRIME_WORDS)
        and not _forms_in_sentence(doc, s, _POLITICAL_WORDS)
        and len({m.actor.name for m in armed}) < 2
        and not any(m.actor.inter in (2, 3, 4) for m in armed)
    )


_BLAST_WORDS = lx._words("انفجار انفجارا الانفجار انفجارات انفجر انفجرت دوي")
_INDUSTRIAL_SITES = lx._words(
    "مصنع مصانع معمل معامل مصفاه خزان خزانات صهريج اسطوانه صناعات الصناعات للصناعات صناعي صناعيه الصناعيه"
)
_ACCIDENTAL = lx._words("عرضي عرضيا العرضي")
_ARMS_WORDS = lx._words("اسلحه الاسلحه ذخيره ذخائر الذخيره صواريخ متفجرات عسكري عسكريه")


def _industrial_blast(doc: Doc, s: Sentence, trig: Trigger, mentions: list[ActorMention]) -> bool:
    """A bare blast ("انفجار", no bomb named) at a factory, refinery or tank, with no armed side named and
    no arms there, or one called accidental: an accident ("انفجار في معمل صناعي أدى إلى نشوب حريق"), which
    ACLED does not code (a pipeline or a store blown up may be sabotage: those stay)."""
    if not all(_BLAST_WORDS.intersection(t.forms) for t in doc.tokens[trig.tok_start : trig.tok_end]):
        return False
    if _words_after(doc, trig.tok_end - 1, 2, _ACCIDENTAL):
        return True  # "انفجار عرضي"
    if any(_armed_mention(m) for m in mentions) or _forms_in_sentence(doc, s, _ARMS_WORDS | _POLITICAL_WORDS):
        return False
    return _forms_in_sentence(doc, s, _INDUSTRIAL_SITES)


_CRIME_WORDS = lx._words(
    "ابتزاز عصابه عصابات الاتجار تجاره مخدرات المخدرات سرقه سرقات سطو احتيال رشوه رشاوي اغتصاب بقتل جنائيه"
    " لص لصا لصوص اللص اللصوص خلاف خلافات شجار مشاجره عائلي عائليه ثار طائش طائشه زفاف عرس شرف الشرف"
    " كبتاجون الكبتاجون حشيش الحشيش هيروين الهيروين كوكايين الكوكايين امفيتامين مسكرات خمور"
)
_POLITICAL_WORDS = lx._words(
    "ارهاب ارهابي ارهابيه ارهابيين الارهاب متطرف متطرفين التطرف تنظيم داعش خليه مسلح مسلحين "
    "متظاهرين المتظاهرين محتجين ناشط ناشطين معارض معارضين صحفي صحفيين اعتداء هجوم تفجير عبوه متفجرات"
)
_FIELD_WORDS = lx._words("ميداني ميدانيا ميدانيه")


_VICTIM_WORDS = lx.SINGLE_PERSON_NOUNS | lx.CIVILIAN_NOUNS | _PERSON_WORDS
_KILLED_WITH_OBJECT = lx._words("قتلته قتلتها قتلتهم قتلوه قتلوها قتلوهم قتلها قتلهم")


def _killed_by(doc: Doc, s: Sentence, trig: Trigger, s_actors: list[ActorMention]) -> int | None:
    """Whether an armed party the sentence names is the killer: right after the verb and before its
    victims ("قتل مسلحون ثلاثة مدنيين", "قتلته قوات الاحتلال"), just before it with the victims after
    ("المهاجمون قتلوا خمسة أشخاص"), or after "على أيدي" ("لقوا مصرعهم على أيدي مسلحين"). Not "قتل جنديان
    في الهجوم", "الجنود الذين قتلوا في الهجوم", "قتل شرطي وأصيب ثلاثة مدنيين": the killed. The token where
    the victims are named (-1 when they are told elsewhere), or None."""
    tokens = doc.tokens
    armed = [
        m
        for m in s_actors
        if m.actor is not None and m.actor.inter in (1, 2, 3, 4, 8) and m.label not in _WEAK_ACTOR_LABELS
    ]
    if _trigger_has(doc, trig, HANDS):  # (not "المدربة على أيدي خبراء": trained, not killed)
        killed = any(
            not _KILLING_WORDS.isdisjoint(t.stems)
            for t in tokens[max(s.tok_start, trig.tok_start - 4) : trig.tok_start]
        )
        return -1 if killed and any(trig.tok_end <= m.tok_start <= trig.tok_end + 1 for m in armed) else None
    starts = {m.tok_start for m in s_actors} | {n.tok_start for n in doc.numbers}

    def victims_at(k: int) -> bool:  # the verb's object right at k (not a clause or a co-victim after "و")
        if k >= s.tok_end:
            return False
        tok = tokens[k]
        if tok.norm.startswith("و") and tok.norm[1:] in tok.forms:
            return False
        return k in starts or not _VICTIM_WORDS.isdisjoint(tok.forms)

    with_object = not _KILLED_WITH_OBJECT.isdisjoint(tokens[trig.tok_end - 1].forms)  # "قتلته"
    for m in armed:
        if m.tok_start == trig.tok_end and with_object:
            return -1
        if m.tok_start == trig.tok_end and victims_at(m.tok_end):
            return m.tok_end
        if (
            trig.tok_start - 2 <= m.tok_end <= trig.tok_start
            and m.tok_start >= s.tok_start
            and not (m.tok_start > 0 and tokens[m.tok_start - 1].is_digit)  # "25 حوثيا قتلوا": the killed
            and victims_at(trig.tok_end)
        ):
            return trig.tok_end
    return None


def _killed_years_ago(doc: Doc, s: Sentence, trig: Trigger) -> bool:
    """ "جثث 20 قبطيا قتلوا عام 2015 على يد التنظيم": a year beside the killing words is another."""
    published = doc.article.published
    near = _years(doc, max(s.tok_start, trig.tok_start - 3), min(s.tok_end, trig.tok_end + 3))
    return published is not None and any(y != published.year for y in near)


def _police_at_home(s_actors: list[ActorMention], place: PlaceMention) -> PlaceMention:
    """ "فرقت الشرطة الفرنسية حشودا في شارع ...": a state's police act at home, not at the place an
    earlier sentence named abroad (the World Cup final in Moscow); their country, quoted by their name.
    (Not a place of the article's: the rule that keeps country-only events with victims alone, for the
    statements placed at a country the article names, leaves this deed of the police in place.)"""
    for m in s_actors:
        if (
            m.country
            and m.actor is not None
            and m.actor.name.startswith("Police Forces of")
            and place.location is not None
            and place.location.country != m.country
        ):
            location = default_gazetteer().country(m.country)
            if location is not None:
                return PlaceMention(
                    m.start, m.end, m.tok_start, m.tok_end, "STATE", m.text, location=location, feature="PCLI"
                )
    return place


def _trigger_has(doc: Doc, trig: Trigger, words: frozenset[str]) -> bool:
    return any(not words.isdisjoint(t.forms) for t in doc.tokens[trig.tok_start : trig.tok_end])


_UNKNOWN_WORDS = lx._words("مجهول مجهولون مجهولين مجهوله المجهول المجهولين")


def _named_instead(
    doc: Doc, s: Sentence, actor: Actor | None, other: Actor | None, country: str | None
) -> Actor | None:
    """ "عناصر تنظيم داعش هاجمت ... وتصدى الجيش للمهاجمين": the attackers are the group the sentence names
    (unless it calls them unknown: "مسلحون مجهولون"). Keeping to the trigger's clause lost more than it won
    on the actor labels (906 vs 914 of 1,876)."""
    if (
        actor is None
        or not actor.name.startswith("Unidentified")
        or _forms_in_sentence(doc, s, _UNKNOWN_WORDS)
    ):
        return actor
    for m in doc.in_sentence(doc.actors, s):
        if m.actor is None or m.actor.inter not in (2, 3, 4) or m.label != "ACTOR" or m.score < 1.0:
            continue  # a named group from the dictionary, not "مسلحين" or a guessed organisation
        if _is_patron(doc, m) or _is_source(doc, m):
            continue
        named = resolve_inter(m, country)
        if other is None or not _same_side(named, other):
            return named
    return actor


_SEIZE_WORDS = lx._words("استولت استولى استولوا")


def _seized_place(doc: Doc, trig: Trigger, places: list[PlaceMention]) -> bool:
    """ "استولت القوات يوم الأحد على بلدة سقبا": a place follows the first "على" after the verb."""
    end = min(trig.tok_end + 8, len(doc.tokens))
    on = next((k for k in range(trig.tok_start, end) if doc.tokens[k].norm == "علي"), None)
    return on is not None and any(p.tok_start == on + 1 and p.location is not None for p in places)


def _years(doc: Doc, start: int, end: int) -> list[int]:
    """Years tokens start..end date something to ("عام 2014", "في 1998"; not "منذ 2019", "2000 مسلح",
    "٤.٣٠")."""
    tokens = doc.tokens
    return [
        int(t.text)
        for k, t in enumerate(tokens[start:end], start)
        if len(t.text) == 4
        and t.text.isdecimal()
        and 1900 <= int(t.text) <= 2100
        and k > start
        and not _YEAR_LEADS.isdisjoint(tokens[k - 1].forms)
        and all(tokens[j].norm != "منذ" for j in range(max(start, k - 2), k))  # "منذ عام 2019"
    ]


_YEAR_LEADS = lx._words("عام العام سنه السنه في خلال")


def _other_year(doc: Doc, s: Sentence) -> bool:
    """A year other than the report's: "شهدت نيروبي في 1998 هجوما", "خطفت في لاهور العام الماضي" or "قبل
    عامين" is no incident of its day."""
    published = doc.article.published
    if published is not None and any(y != published.year for y in _years(doc, s.tok_start, s.tok_end)):
        return True
    tokens = doc.tokens
    return any(
        (
            (tokens[k].norm in _YEAR_WORDS and tokens[k + 1].norm in _LAST_WORDS)
            or (tokens[k].norm == "قبل" and tokens[k + 1].norm in _YEARS_AGO)
        )
        # not "يحاصرها الحوثيون منذ العام الماضي" (a period), nor "قاعدة أنشئت قبل عامين" (another thing's)
        and all(t.norm not in ("منذ", "الذي", "التي") for t in tokens[max(s.tok_start, k - 3) : k])
        for k in range(s.tok_start, s.tok_end - 1)
    )


def _elapsed_since(doc: Doc, s: Sentence, trig: Trigger) -> tuple[int, int] | None:
    """ "عقب مرور أسبوعين على إسقاط طائرة", "بعد مرور نحو عامين على هجوم", "بعد ستة أيام من تفجير", "غداة
    هجوم": (the token of "مرور", "بعد" or "غداة", how many days before the news the deed after it was),
    when the words count days, weeks or years."""
    tokens = doc.tokens
    for k in range(max(s.tok_start, trig.tok_start - 6), trig.tok_start):
        if tokens[k].norm == "غداه" and k == trig.tok_start - 1:
            return k, 1  # "غداة هجوم انتحاري": the day before
        if tokens[k].norm == "بعد" and tokens[trig.tok_start - 1].norm in ("من", "علي"):
            # "بعد ستة أيام من تفجير": the count of days, and nothing else, between "بعد" and "من"
            counted = _count_of_days(doc, k + 1, trig.tok_start - 1, _UNIT_DAYS)
            if counted and counted[0] and counted[1] == trig.tok_start - 2:
                return k, counted[0]
        if tokens[k].norm != "مرور":
            continue
        at = k + 2 if k + 1 < s.tok_end and tokens[k + 1].norm == "نحو" else k + 1
        counted = _count_of_days(doc, at, s.tok_end, _ELAPSED_UNITS)
        if not counted or not counted[0]:
            return None  # "مرور ساعات", "مرور أيام": no count of days
        return k, counted[0]
    return None


_YEAR_WORDS = frozenset(("العام", "عام", "السنه"))
_LAST_WORDS = frozenset(("الماضي", "المنصرم", "الفائت", "الماضيه", "المنصرمه", "الفائته"))
_YEARS_AGO = frozenset(("عام", "عاما", "عامين", "اعوام", "سنه", "سنتين", "سنوات"))
_YEAR = 365
_YEAR_DAYS = {w: 2 * _YEAR if w in ("عامين", "سنتين") else _YEAR for w in _YEARS_AGO}
_ELAPSED_UNITS = _UNIT_DAYS | _YEAR_DAYS


def _group_at_place(
    doc: Doc,
    s: Sentence,
    trig: Trigger,
    place: PlaceMention | None,
    s_places: list[PlaceMention],
    mentions: list[ActorMention],
) -> bool:
    """ "هاجم مسلحو المقاومة الشعبية في منطقة الراهدة": a weak word with an armed group and a place of
    its own (a town, not a country) tells an incident even without a day. Not a known attack named
    right after the word ("هجوم دابشي"), one of another year ("عام 2014"), nor words that attack
    ("هاجم ... في بيان ... قرار"). An attack condemned is still told ("أدانت ... الهجوم على مأرب")."""
    if place is None or place not in s_places or _is_country(place) or place.tok_start == trig.tok_end:
        return False
    if doc.in_sentence(doc.dates, s) or _years(doc, s.tok_start, s.tok_end):
        return False  # a date it cannot use (a year, a period) tells history
    after = doc.tokens[trig.tok_end : min(trig.tok_end + 5, s.tok_end)]
    if any(f in _VERBAL_TARGETS for t in after for f in t.forms):
        return False
    return any(
        m.actor is not None and m.actor.inter in (2, 3, 4) and m.label not in _WEAK_ACTOR_LABELS
        for m in mentions
    )


_VERBAL_TARGETS = lx._words("بيان بيانها بيانه بيانات تصريح تصريحات قرار القرار خطاب كلمه")


def _armed_named(mentions: list[ActorMention], metonyms: bool = False) -> bool:
    """An armed party among the mentions (a state named by its capital too, if `metonyms`)."""
    return any(
        m.actor is not None
        and m.actor.inter in (1, 2, 3, 4, 8)
        and (metonyms or m.label not in _WEAK_ACTOR_LABELS)
        for m in mentions
    )


def _border_of(doc: Doc, m: ActorMention) -> bool:
    """ "شمالي الحدود مع الأردن": a state named for its border is a place, not a party."""
    return m.label == "ACTOR_METONYM" and _words_before(doc, m.tok_start, 2, _BORDER_WORDS)


# not "المتحدث باسم": that is the actor's own voice
_SOURCE_LEADS = lx._words(
    "مصادر مصدر محققو محققي بحسب وبحسب حسب وحسب وفق وفقا ووفقا طبقا نقلا الأنباء صحيفة التلفزيون"
    " تلفزيون الإذاعة إذاعة"
)


_SPOKESMAN_OF = lx._words("باسم")

_AS_WHAT = frozenset(("حسبما", "وحسبما", "بحسبما"))
_AS_WHAT_AFTER = {"ما": lx._words("بحسب حسب"), "لما": lx._words("وفقا ووفقا طبقا تبعا")}  # "بحسب ما أفادت"
_RETIRED = lx._words("متقاعد متقاعدا المتقاعد متقاعدين سابق سابقا السابق")
_CONDEMNERS = lx._words("ادان ادانت دانت شجب شجبت استنكر استنكرت ندد نددت")  # not "دان": "ودان"
_SPOKESMEN = lx._words("الناطق الناطقة المتحدث المتحدثة ناطق متحدث")
_OFFICIALS = _SPOKESMEN | lx._words("مسؤول مسؤولون مسؤولين المسؤول قائد رئيس مدير")
_OWN_FORCES = lx._words("قواته قواتها عناصره عناصرها وحداته وحداتها جنوده جنودها رجاله")


def _air_defence(doc: Doc, m: ActorMention) -> bool:
    """ "قوات الدفاع الجوي", "الدفاع الجوي للتحالف": the side named is the one whose air defence it is."""
    return any(
        not lx.AIR_DEFENCE.isdisjoint(doc.tokens[k].forms)
        and not lx.AIR_WORDS.isdisjoint(doc.tokens[k + 1].forms)
        for k in range(max(0, m.tok_start - 3), min(m.tok_end, len(doc.tokens) - 1))
    )


def _is_source(doc: Doc, m: ActorMention) -> bool:
    """ "مصادر بالحكومة الأمريكية", "محققو الأمم المتحدة", "مصادر في الجيش", "بحسب الشرطة", "نقلا عن
    الجيش", "وكالة الأنباء السعودية": who tells of the event takes no part in it ("قالت مصادر إن
    القوات ..." names the forces as the side that acted)."""
    k = m.tok_start
    if k >= 2 and doc.tokens[k - 1].norm in ("في", "من", "داخل", "عن"):
        k -= 1
    if (
        k >= 3
        and _words_before(doc, k, 1, _SPOKESMAN_OF)
        and not _SPOKESMEN.isdisjoint(doc.tokens[k - 2].forms)
    ):
        k -= 2  # "بحسب الناطق باسم الجيش"
    if k >= 2 and _words_before(doc, k, 1, _SPEECH_VERBS):
        lead = doc.tokens[k - 2].norm  # (not "كما أعلن الجيش": "also", the army still acts)
        if lead in _AS_WHAT or (
            lead in _AS_WHAT_AFTER and _words_before(doc, k - 2, 1, _AS_WHAT_AFTER[lead])
        ):
            return True  # "حسبما أفادت الشرطة", "وفقا لما ذكرته الشرطة"
    if not _OFFICIALS.isdisjoint(doc.tokens[m.tok_start].forms) and _words_before(
        doc, m.tok_start, 1, _SPEECH_VERBS
    ):
        return True  # "وأكد قائد الشرطة أن الهجوم ...": the chief told of it
    if _words_before(doc, k, 1, _OFFICIALS) and (
        _words_before(doc, k - 1, 3, _SPEECH_VERBS) or _words_after(doc, m.tok_end, 4, _SPEECH_VERBS)
    ):
        return True  # "وكان مسؤول بالشرطة قد أعلن أن تفجيرا ...", "قال مسؤول في الجيش إن ..."
    # "أدانت الجزائر عملية احتجاز الرهائن": who condemns an attack took no part in it
    return _words_before(doc, k, 1, _SOURCE_LEADS) or _words_before(doc, m.tok_start, 1, _CONDEMNERS)


def _hit_after(doc: Doc, s: Sentence, trig: Trigger, actor: Actor, country: str | None) -> bool:
    """ "عملية دهس استهدفت جنودا فرنسيين", "طعن ضد جنود": forces that are the object of the attack (right
    after it, after a targeting word, or counted) were what it hit (not forces named anywhere after it)."""
    mentions = doc.in_sentence(doc.actors, s)
    covered = {k for a in mentions for k in range(a.tok_start, a.tok_end)}
    covered |= {k for n in doc.numbers for k in range(n.tok_start, n.tok_end)}
    return any(
        trig.tok_end <= m.tok_start <= trig.tok_end + 6
        and m.actor is not None
        and resolve_inter(m, country).name == actor.name
        and (
            m.tok_start == trig.tok_end
            or _words_before(doc, m.tok_start, 2, _TARGETING_WORDS)
            or (  # "أعدم تنظيم داعش خمسة جنود": only the attacker and a count stand between
                not lx.PERSON_NOUNS.isdisjoint(doc.tokens[m.tok_start].forms)
                and all(k in covered for k in range(trig.tok_end, m.tok_start))
            )
        )
        and not _is_agent(doc, m)  # "على يد الشرطة": at the hands of the police
        for m in mentions
    )


def _is_agent(doc: Doc, m: ActorMention) -> bool:
    return _words_before(doc, m.tok_start, 2, _AGENT_LEADS)


def _nationality_agent(doc: Doc, trig: Trigger, s: Sentence) -> ActorMention | None:
    """ "غارات روسية", "قصف إسرائيلي": a nationality adjective on the trigger names the state that acted.

    Not for seizing people ("خطف فرنسي" is a French victim), nor past a person noun ("خطفوا صحفية فرنسية"),
    nor for a crowd ("الاحتجاجات الفلسطينية": Palestinians protested, no state acted).
    """
    if trig.sub_event_type in _SEIZED_PEOPLE or SUB_TO_TYPE[trig.sub_event_type] in ("Protests", "Riots"):
        return None
    for k in range(trig.tok_end - 1, min(trig.tok_end + 2, s.tok_end)):
        if k > trig.tok_end and (
            _is_person_noun(doc.tokens[k - 1])
            or not _NAMED_BY_NISBA.isdisjoint(doc.tokens[k - 1].forms)
            or doc.tokens[k - 1].norm in _PREPOSITIONS  # "هجوم في مالي": the country, no adjective
        ):
            break  # "خطفوا صحفية فرنسية", "الهجوم بالحي اليوناني": the nisba tells of the noun before it
        iso2 = nationality(doc.tokens[k])
        if iso2 and doc.tokens[k - 1].norm in _OBJECT_LEADS:
            return None  # "أطلق النار على فلسطينيين": those shot at
        if iso2:
            return _nationality_mention(doc, k, iso2)
    # "صواريخ، يرجح أنها أمريكية": the state a hedge names
    for k in range(trig.tok_end + 2, min(trig.tok_end + 6, s.tok_end)):
        if doc.tokens[k - 1].norm in _HEDGE_THAT and not _HEDGES.isdisjoint(doc.tokens[k - 2].forms):
            iso2 = nationality(doc.tokens[k])
            if iso2:
                return _nationality_mention(doc, k, iso2)
    return None


def _nationality_mention(doc: Doc, k: int, iso2: str) -> ActorMention:
    tok = doc.tokens[k]
    return ActorMention(tok.start, tok.end, k, k + 1, "ACTOR_NATIONALITY", tok.text, 0.6, None, iso2, "state")


_HEDGES = lx._words("يرجح يعتقد يشتبه يبدو رجح ترجح")
# places and communities a nationality adjective describes ("الحي اليوناني", "السفارة الأمريكية")
_NAMED_BY_NISBA = lx._words(
    "حي الحي منطقه المنطقه مدينه المدينه قريه القريه بلده البلده مخيم المخيم الجاليه السفاره القنصليه الحدود"
)
_HEDGE_THAT = frozenset(("انها", "انه", "انهم", "انهما"))


# "تسميم العميل بغاز الأعصاب", "اغتيال ... بغاز الأعصاب": people poisoned, not a gas attack.
_POISONING_WORDS = lx._words("اغتيال تسميم بتسميم تسممه تسممها تسمم")


_SEIZED_PEOPLE = ("Abduction/forced disappearance", "Arrests", "Sexual violence")
_CIVILIANS_BY_DEFINITION = ("Abduction/forced disappearance", "Sexual violence", "Attack")


def _is_person_noun(tok: Token) -> bool:
    return any(
        f in lx.PERSON_NOUNS or f in lx.CIVILIAN_NOUNS or f.removesuffix("ه") in lx.PERSON_NOUNS
        for f in tok.forms
    )


def _lam_agent(doc: Doc, trig: Trigger, m: ActorMention) -> bool:
    """ "قصف مدفعي عنيف لقوات النظام": an actor after ل close behind a trigger noun is its agent (not
    the owner of what a trigger ending with its preposition aims at: "النار على مركبة للشرطة")."""
    gap = doc.tokens[trig.tok_end : m.tok_start]
    if len(gap) > 2 or not doc.tokens[m.tok_start].norm.startswith("ل"):
        return False
    if doc.tokens[trig.tok_end - 1].norm in _PREPOSITIONS:
        return False
    if _vehicle_owner(doc, m):
        return False  # "عبوة بدورية عسكرية لقوات سوريا الديمقراطية": the patrol's owner was hit
    if _plural_verb(doc.tokens[trig.tok_end - 1]):
        return False  # "هاجموا رتلا لقوات النظام": the convoy the verb's object, the forces its owner
    return not any(f in _TARGET_NOUNS for t in gap for f in t.forms)


def _actors(
    doc: Doc, s: Sentence, trig: Trigger, mentions: list[ActorMention], country: str | None
) -> tuple[Actor | None, Actor | None, ActorMention | None, ActorMention | None]:
    """Perpetrator and target: agents and pre-trigger subjects first, victims and objects second."""
    mentions = [
        m
        for m in mentions
        if not _is_patron(doc, m)
        and not _is_source(doc, m)
        and not _border_of(doc, m)
        and not _words_before(doc, m.tok_start, 2, _SEAT_WORDS)  # "المرصد ... ومقره في المملكة المتحدة"
    ]
    national = _nationality_agent(doc, trig, s)
    if national is not None:
        mentions = [national, *mentions]
    accused, accuser = _accused(doc, trig, mentions)
    mentions = [m for m in mentions if m is not accuser]
    if not mentions:
        return None, None, None, None
    mentions = sorted(mentions, key=lambda m: m.label in _WEAK_ACTOR_LABELS)  # stable: keeps text order
    agents = [
        m
        for m in mentions
        if m is national
        or m is accused
        or _is_agent(doc, m)
        or _is_genitive_agent(doc, trig, m)
        or _lam_agent(doc, trig, m)
    ]
    victims = [m for m in mentions if m not in agents and (_is_victim(doc, m) or _stabbed(doc, trig, m))]
    others = [m for m in mentions if m not in agents and m not in victims]
    before = [m for m in others if m.tok_end <= trig.tok_start]
    after = [m for m in others if m.tok_start >= trig.tok_end]
    # The subject comes before the trigger; what follows it is the target.
    # Among them, a subject (right after a verb: "استأنف طيران التحالف ... قصفه") before the nearest.
    subjects = [m for m in before if _is_subject(doc, m) and m.label not in _WEAK_ACTOR_LABELS]
    # the United Nations reports and mediates; it is hit at times, it never strikes or fights
    violent = SUB_TO_TYPE[trig.sub_event_type] in _VIOLENT_TYPES
    a1_m = next(
        (m for m in agents + subjects[:1] + before[::-1] if not (violent and _non_combatant(m))), None
    )
    # a second agent ("أطلقا من قبل الحوثيين" after "اعترضت قوات الدفاع الجوي") comes last
    rest = [  # (the United Nations named before the deed told of it)
        m
        for m in after + victims + before + agents
        if m is not a1_m and not (violent and _non_combatant(m) and m.tok_end <= trig.tok_start)
    ]
    acting = [  # "بدورية عسكرية لقوات ...": it was hit
        m for m in rest if not _vehicle_owner(doc, m) and not (violent and _non_combatant(m))
    ]
    if a1_m is None and acting and SUB_TO_TYPE[trig.sub_event_type] in _TWO_SIDED:
        a1_m = acting[0]  # "اشتباكات بين X و Y"
        rest = [m for m in rest if m is not a1_m]
    # "شنت الولايات المتحدة وفرنسا وبريطانيا ضربات": the states listed as its subject act together
    two_way = trig.sub_event_type == "Armed clash" and _trigger_has(doc, trig, _MUTUAL_WORDS)
    allies = (
        _listed_with(doc, a1_m, mentions)
        if a1_m is not None and a1_m.tok_end <= trig.tok_start and not two_way
        else []
    )
    if allies:
        a1_m = allies[0]
        rest = [m for m in rest if m not in allies]
    actor1 = resolve_inter(a1_m, country) if a1_m else None
    a2_m = None
    actor2 = None
    for m in rest:
        candidate = resolve_inter(m, country)
        if trig.sub_event_type == "Disrupted weapons use" and candidate.inter == 7:
            continue  # the people a weapon was aimed at take no part in stopping it
        # "اقتتال بين X وY": a side the text sets against the first is the second even when both fight in
        # one camp
        opposed = _between_pair(doc, a1_m, m)
        if actor1 is None or (
            candidate.name != actor1.name and (opposed or not _same_side(candidate, actor1))
        ):
            a2_m, actor2 = m, candidate
            break
    return actor1, actor2, a1_m, a2_m


def _stabbed(doc: Doc, trig: Trigger, m: ActorMention) -> bool:
    """ "طعن فلسطيني شرطيا إسرائيليا بسكين": a person in the accusative right before the weapon ("بسكين")
    is the one it struck (not "هاجم مسلحون بسكاكين المارة": those named in the nominative wield it)."""
    if m.tok_end != trig.tok_start or not doc.tokens[trig.tok_start].norm.startswith("ب"):
        return False
    first = doc.tokens[m.tok_start]
    return first.norm.endswith("ا") and _is_person_noun(first)


def _accused(
    doc: Doc, trig: Trigger, mentions: list[ActorMention]
) -> tuple[ActorMention | None, ActorMention | None]:
    """ "اتهمت سوريا وروسيا إسرائيل بشن الهجوم", "بعد اتهامه بيونغيانغ بزرع ألغام": the side accused of
    the deed is its perpetrator; those who accuse with a verb may be its target, one named before "ل"
    ("اتهام واشنطن لموسكو") only speaks. Returns (accused, accuser to leave out)."""
    s = doc.sentence_of(trig.tok_start)
    for k in range(max(s.tok_start, trig.tok_start - 15), trig.tok_start - 2):
        # "تلقي ماي باللوم على روسيا في الهجوم": the side blamed
        if doc.tokens[k].norm in ("باللوم", "اللوم") and doc.tokens[k + 1].norm == "علي":
            blamed = next((m for m in mentions if m.tok_start == k + 2), None)
            # about this deed ("باللوم على روسيا في الهجوم"), and no agent the sentence names ("شنته طالبان")
            about = (
                blamed is not None
                and trig.tok_start - blamed.tok_end <= 2
                and doc.tokens[trig.tok_start - 1].norm in ("في", "عن")
            )
            if about and not any(_is_agent(doc, m) for m in mentions):
                blamer = next((m for m in mentions if m.tok_end <= k and k - m.tok_end <= 2), None)
                return blamed, blamer
    for k in range(max(s.tok_start, trig.tok_start - 15), trig.tok_start):
        forms = doc.tokens[k].forms
        verb, noun = not _ACCUSE_VERBS.isdisjoint(forms), not _ACCUSE_NOUNS.isdisjoint(forms)
        if not (verb or noun):
            continue
        after = sorted((m for m in mentions if k < m.tok_start < trig.tok_start), key=lambda m: m.tok_start)
        if not after or after[0].tok_start - k > 3:
            return None, None
        if noun:  # "اتهامه بيونغيانغ": after the pronoun form, the name is the accused
            if doc.tokens[k].norm.endswith(("ه", "ها", "هم")):
                return after[0], None
            # "اتهام واشنطن لموسكو": the accuser, then the accused after "ل"
            nxt = after[1] if len(after) > 1 else None
            ok = (
                nxt is not None
                and nxt.tok_start == after[0].tok_end
                and doc.tokens[nxt.tok_start].norm[:1] == "ل"
            )
            return (nxt, after[0]) if ok else (None, None)
        rest = after[1:]  # the accusers: the subject and those joined to it ("دمشق وموسكو وطهران")
        while rest and doc.tokens[rest[0].tok_start].norm.startswith("و"):
            rest = rest[1:]
        return (rest[0] if rest and rest[0].tok_start - k <= 12 else None), None
    return None, None


def _vehicle_owner(doc: Doc, m: ActorMention) -> bool:
    """ "بدورية عسكرية لقوات سوريا الديمقراطية": the owner of a patrol or convoy named after it."""
    lead = doc.tokens[max(0, m.tok_start - 2) : m.tok_start]
    return doc.tokens[m.tok_start].norm.startswith("ل") and any(
        not VEHICLE_WORDS.isdisjoint(t.forms) for t in lead
    )


# fighting each other: "الجيش والحوثيون اشتبكوا", "يتبادلون القصف"
_MUTUAL_WORDS = lx.FIGHTING_WORDS | lx._words(
    "اشتبك اشتبكت اشتبكوا اشتبكا يشتبكون تبادل تبادلوا يتبادلون تبادلا اقتتل اقتتلوا تقاتل تقاتلوا يتقاتلون"
)


def _listed_with(doc: Doc, m: ActorMention, mentions: list[ActorMention]) -> list[ActorMention]:
    """The mentions one list joins to `m` by "و" or a comma ("الولايات المتحدة وفرنسا وبريطانيا"), in text
    order; none when `m` stands alone or the list follows "بين" (two sides, not one)."""
    ordered = sorted(mentions, key=lambda x: x.tok_start)
    k = ordered.index(m)

    def joined(a: ActorMention, b: ActorMention) -> bool:
        gap = doc.tokens[a.tok_end : b.tok_start]
        if not gap:
            return doc.tokens[b.tok_start].norm.startswith("و")
        return len(gap) == 1 and gap[0].norm in ("و", "،", ",")

    first = last = k
    while first > 0 and joined(ordered[first - 1], ordered[first]):
        first -= 1
    while last + 1 < len(ordered) and joined(ordered[last], ordered[last + 1]):
        last += 1
    chain = ordered[first : last + 1]
    start = chain[0].tok_start
    if len(chain) < 2 or (start > 0 and doc.tokens[start - 1].norm in ("بين", "وبين")):
        return []
    return chain


def _between_pair(doc: Doc, first: ActorMention | None, m: ActorMention) -> bool:
    """ "اقتتال بين جيش الإسلام وفيلق الرحمن": the two sides named after "بين"."""
    if first is None or first.tok_start == 0 or doc.tokens[first.tok_start - 1].norm not in ("بين", "وبين"):
        return False
    gap = doc.tokens[first.tok_end : m.tok_start]  # "بين X من جهة وY من جهة أخرى"
    return (
        len(gap) <= 3
        and all(t.norm in _SIDE_WORDS for t in gap)
        and doc.tokens[m.tok_start].norm.startswith("و")
    )


_SIDE_WORDS = frozenset(("من", "جهه", "ناحيه", "جانب", "،", ","))


def _non_combatant(m: ActorMention) -> bool:
    """The United Nations as an organisation (not its peacekeepers) reports, counts and mediates: it
    strikes and fights no one ("قال مكتب الأمم المتحدة إن غارات ..."), though its convoys may be hit."""
    return m.actor is not None and m.actor.name == "United Nations"


def _actor_counts(doc: Doc, country: str | None, inters: tuple[int, ...]) -> dict[str, tuple[int, Actor]]:
    """Named actors of the article with these inter codes: name -> (mentions, actor)."""
    counts: dict[str, tuple[int, Actor]] = {}
    for m in doc.actors:
        if (
            m.label in _WEAK_ACTOR_LABELS
            or m.actor is None
            or m.actor.inter not in inters
            or _non_combatant(m)
        ):
            continue
        actor = resolve_inter(m, country)
        n, _ = counts.get(actor.name, (0, actor))
        counts[actor.name] = (n + 1, actor)
    return counts


def _anaphoric_group(doc: Doc, m: ActorMention, actor: Actor | None) -> bool:
    """A definite unnamed group ("المتطرفين", "المسلحين", "عناصر التنظيم") that points back to one named."""
    return (
        actor is not None
        and actor.name.startswith("Unidentified")
        and actor.inter in (2, 3)
        and doc.tokens[m.tok_start].norm.startswith(("ال", "عناصر"))
        and not _words_after(doc, m.tok_end, 1, _ALLEGIANCE)  # "المسلحين الموالين للنظام": another camp
    )


_ALLEGIANCE = lx._words(
    "الموالين الموالية الموالي الموالون التابعين التابعة التابع المدعومين المدعومة المعارضين"
)


def _only_named_group(doc: Doc, country: str | None) -> Actor | None:
    """The one armed group (inter 2 or 3) the article names, twice or more, and no other."""
    named = [
        c for name, c in _actor_counts(doc, country, (2, 3)).items() if not name.startswith("Unidentified")
    ]
    return named[0][1] if len(named) == 1 and named[0][0] >= _MIN_PERPETRATOR_MENTIONS else None


def _article_perpetrator(
    doc: Doc, country: str | None, target: Actor | None, states: bool = True
) -> Actor | None:
    """The armed actor the article talks about most, as the likely perpetrator of an unattributed attack.

    Armed groups come first; a state's forces only when no group is named and the article keeps
    returning to them.
    """
    counts = _actor_counts(doc, country, (1, 2, 3, 8))
    if target is not None:
        counts.pop(target.name, None)
    groups = [c for c in counts.values() if c[1].inter in (2, 3) and c[0] >= _MIN_BLAME_MENTIONS]
    forces = [c for c in counts.values() if c[1].inter in (1, 8) and c[0] >= _MIN_STATE_MENTIONS]
    pool = groups or (forces if states else [])
    return max(pool, key=lambda c: c[0])[1] if pool else None


_CLAIM_WORDS = lx._words(
    "مسؤوليته مسؤوليتها المسؤوليه مسؤوليه تبني تبنت تبنى يتبني تتبن يتبن تتبني تبناه تبنته تبناها تبنتها تبنا"
)
_CLAIM_WINDOW = 6


_SUSPECTS_WINDOW = 10
_SUSPECT_WORDS = lx._words(
    "متورطين المتورطين بتورطهم لتورطهم تورطهم خليه الخليه ارهابيه الارهابيه ارهابيين الارهابيين ارهابيا عنصرا"
)


def _arrest_sides(
    doc: Doc,
    s: Sentence,
    trig: Trigger,
    a1_m: ActorMention | None,
    actor1: Actor | None,
    actor2: Actor | None,
    country: str | None,
    civilians: Actor,
) -> tuple[Actor | None, Actor | None]:
    """Who arrested whom: the state's forces hold civilians unless the text names their group; those held
    ("واعتقلت نحو 20 شابا", "ألقي القبض على ثلاثة مسلحين من داعش") are the second side, and the arresting
    force is the party just named, else the one the article names most, else the state's police."""
    if actor1 is not None and actor1.inter in (1, 8):
        return actor1, actor2 if actor2 is not None else civilians
    held_group = (
        actor1 is not None
        and actor1.inter in (2, 3, 4)
        and a1_m is not None
        and a1_m.tok_start > trig.tok_start
    )
    if not (actor1 is None or actor1.inter == 7 or (held_group and actor2 is None)):
        return actor1, actor2
    held = actor1 if actor1 is not None else actor2
    force = (
        _recent_force(doc, s, trig, country)
        or _article_force(doc, country)
        or Actor(f"Police Forces of {_country_name(country)}", None, 1)
    )
    if held is not None and held.inter != 1:
        return force, held
    # "اعتقال المتورطين بالتفجير", "القبض على 116 عنصرا ... خلية إرهابية": militants, not civilians
    after = doc.tokens[trig.tok_end : min(s.tok_end, trig.tok_end + _SUSPECTS_WINDOW)]
    militants = any(not _SUSPECT_WORDS.isdisjoint(t.forms) for t in after)
    return force, Actor("Unidentified armed group", None, 3) if militants else civilians


def _recent_force(doc: Doc, s: Sentence, trig: Trigger, country: str | None) -> Actor | None:
    """The armed party named last before the trigger in its sentence, or the state or foreign force
    named last in the two sentences before."""
    recent = [
        m
        for m in doc.actors
        if m.tok_end <= trig.tok_start
        and m.actor is not None
        and m.label not in _WEAK_ACTOR_LABELS
        and (
            (m.tok_start >= s.tok_start and m.actor.inter in (1, 2, 3, 8))
            or (doc.sentence_of(m.tok_start).i >= s.i - 2 and m.actor.inter in (1, 8))
        )
    ]
    return resolve_inter(recent[-1], country) if recent else None


def _article_force(doc: Doc, country: str | None) -> Actor | None:
    """The state or foreign force the article names most (twice or more)."""
    named = [c for c in _actor_counts(doc, country, (1, 8)).values() if c[0] >= _MIN_PERPETRATOR_MENTIONS]
    return max(named, key=lambda c: c[0])[1] if named else None


_DENIALS = lx.NEGATION | lx._words("لم عدم دون بدون")


def _denied(doc: Doc, k: int) -> bool:
    """ "نفى التنظيم أي مسؤولية", "لم تعلن أي جهة مسؤوليتها": no claim."""
    return _words_before(doc, k, _CLAIM_WINDOW, _DENIALS)


_MANY_WORDS = lx._words("الكثير العديد معظم غالبيه اغلب كثير")


def _many_claimed(doc: Doc, k: int) -> bool:
    """ "أعلن داعش مسؤوليته عن الكثير من الهجمات": a record of many attacks claims none in particular."""
    return any(f in _MANY_WORDS for t in doc.tokens[k + 1 : k + 4] for f in t.forms)


def _unclaimed(doc: Doc, s: Sentence) -> bool:
    """ "ولم تتبن أي جهة الهجوم": the sentence says no one claimed it; the article's usual suspect is not named."""
    return any(
        t.is_word and not _CLAIM_WORDS.isdisjoint(t.forms) and _denied(doc, t.i)
        for t in doc.tokens[s.tok_start : s.tok_end]
    )


def _claim_mention(doc: Doc) -> ActorMention | None:
    """The armed group that claimed the article's attack ("أعلن تنظيم داعش مسؤوليته", "تبنت حركة ...")."""
    claims = [
        t.i
        for t in doc.tokens
        if t.is_word
        and not _CLAIM_WORDS.isdisjoint(t.forms)
        and not _denied(doc, t.i)
        and not _many_claimed(doc, t.i)
    ]
    if not claims:
        return None
    near = [
        (m.actor.name.startswith("Unidentified"), min(abs(m.tok_start - k) for k in claims), m.tok_start, m)
        for m in doc.actors
        if m.label not in _WEAK_ACTOR_LABELS and m.actor is not None and m.actor.inter in (2, 3, 4)
    ]
    near = [x for x in near if x[1] <= _CLAIM_WINDOW]
    # a named group before the bomber who carried it out ("تفجير انتحاري ... تبناه تنظيم داعش")
    return min(near, key=lambda x: x[:3])[3] if near else None


def _article_opponent(doc: Doc, country: str | None, actor1: Actor) -> Actor | None:
    """The armed group the article names most (twice or more), as the side a state's strikes hit."""
    named = [
        c
        for name, c in _actor_counts(doc, country, (2, 3, 4)).items()
        if name != actor1.name and not name.startswith("Unidentified") and c[0] >= _MIN_PERPETRATOR_MENTIONS
    ]
    if len(named) != 1:
        return None  # none, or several: the text does not say which one was hit
    return named[0][1]


def _article_adversary(doc: Doc, country: str | None, actor1: Actor) -> Actor | None:
    """The armed side the article names most (twice or more, and more than any other) that is not on
    the side of actor1: who a group fought when the sentence names only the group (a state's forces
    fight a group, not another state the article names; a group fights no UN that speaks, nor a coalition)."""
    counts = [
        c
        for name, c in _actor_counts(
            doc, country, (2, 3, 4) if actor1.inter in (1, 8) else (1, 2, 3, 4, 8)
        ).items()
        if name != actor1.name
        and not name.startswith(("Unidentified", "United Nations", "UN", "MINUSMA"))
        and name not in _COALITION_MEMBERS  # they strike from the air; the ground foe is the forces they back
        and name != "Coalition forces"
        and not _same_side(c[1], actor1)
    ]
    counts.sort(key=lambda c: -c[0])
    if (
        not counts
        or counts[0][0] < _MIN_PERPETRATOR_MENTIONS
        or (len(counts) > 1 and counts[1][0] == counts[0][0])
    ):
        return None
    return counts[0][1]


# Who flies in a country's war when a report does not say whose aircraft struck: what an ACLED coder
# knows of these wars (the coalition in Yemen, Israel over Gaza, the government's air force in Syria).
_AIR_OPERATORS = {
    "YE": Actor("Saudi-led coalition", None, 8),
    "PS": Actor("Military Forces of Israel", None, 8),
    "SY": Actor("Military Forces of Syria", None, 1),
}


_ATTACKS_ON_PEOPLE = frozenset(("Attack", "Suicide bomb", "Remote explosive/landmine/IED", "Grenade"))
_ATTACKER_WORDS = lx._words(
    "مهاجم المهاجم مهاجمين المهاجمين منفذ المنفذ منفذي مشتبه المشتبه انتحاري الانتحاري انتحاريان انتحاريين"
)


def _downing_sides(
    doc: Doc, s: Sentence, country: str | None, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None]:
    """ "إسقاط إسرائيل لطائرة سورية": the owner of the downed plane is the target, the other state shot."""
    named = [
        m for m in doc.in_sentence(doc.actors, s) if m.actor is not None and m.actor.inter in (1, 2, 3, 8)
    ]
    plane = next((m for m in named if not lx.MANNED_AIRCRAFT.isdisjoint(doc.tokens[m.tok_start].forms)), None)
    if plane is None:
        return actor1, actor2
    target = resolve_inter(plane, country)
    shooter = next((resolve_inter(m, country) for m in named if m is not plane), None)
    if shooter is not None and _same_side(shooter, target):
        shooter = None
    return shooter, target


# Whose gas attacks a report of a chemical attack in that country most likely tells of, when it names no one.
_GAS_USERS = {"SY": Actor("Military Forces of Syria", None, 1)}


# Who fires missiles and drones from a country at its neighbours, when a report names only the launch
# site: what an ACLED coder knows of that war (the Houthis fire from Yemen).
_LAUNCHERS = {"YE": Actor("Houthis (Ansar Allah)", None, 2)}


_TERRITORY_NOUNS = lx._words("الاراضي اراضي الاقليم")


def _launcher(doc: Doc, s: Sentence) -> Actor | None:
    for p in doc.in_sentence(doc.places, s):
        if p.location is not None and p.location.country in _LAUNCHERS and _is_origin(doc, p):
            return _LAUNCHERS[p.location.country]
    tokens = doc.tokens
    for k in range(s.tok_start + 1, s.tok_end - 1):  # "أطلقت من الأراضي اليمنية"
        if tokens[k - 1].norm == "من" and not _TERRITORY_NOUNS.isdisjoint(tokens[k].forms):
            iso2 = nationality(tokens[k + 1])
            if iso2 in _LAUNCHERS:
                return _LAUNCHERS[iso2]
    return None


def _interception_sides(
    actor1: Actor | None, actor2: Actor | None, country: str | None
) -> tuple[Actor | None, Actor | None]:
    """An interception: the forces that stopped the weapon (the home state's unless the text names a
    force) against the side that fired it; the civilians it was aimed at take no part."""
    pair = [a for a in (actor1, actor2) if a is not None and a.inter != 7]
    # the state's own air defence before a coalition it serves in ("الدفاع الجوي السعودي")
    force = next((a for a in pair if a.inter == 1), None) or next((a for a in pair if a.inter == 8), None)
    shooter = next((a for a in pair if a is not force), None)
    if force is None and country:
        force = Actor(_military_of(country), None, 1)
    return force, shooter


_LAUNCHED = lx._words("اطلق اطلقت اطلقوا اطلاق بدء بدا بدات")  # an offensive launched or begun
_OFFENSIVE_WORDS = lx._words("هجوم هجوما عمليه حمله")
_CAMPAIGN = lx._words("حمله")


def _offensive_launched_on(doc: Doc, s: Sentence, trig: Trigger, event: Event) -> bool:
    """ "بدأت تركيا في 20 كانون الثاني هجوما على منطقة عفرين": an offensive launched on a day the
    sentence names is an event (the start of the fighting), whatever the filter makes of its words."""
    return (
        event.time_precision == 1
        and _own_date(event)
        # "حملة ضربات جوية": a campaign of strikes is launched as an offensive is
        and (_trigger_has(doc, trig, _OFFENSIVE_WORDS) or _words_before(doc, trig.tok_start, 1, _CAMPAIGN))
        and _words_before(doc, trig.tok_start, min(16, trig.tok_start - s.tok_start), _LAUNCHED)
    )


_TARGETING_WORDS = lx._words("استهدف استهدفت استهدفا يستهدف تستهدف مستهدفا مستهدفه على ضد")


def _weapon_nationality(
    doc: Doc, s: Sentence, trig: Trigger, actor1: Actor, country: str | None
) -> Actor | None:
    """The state whose nationality an intercepted weapon carries ("تصدت لصاروخين إسرائيليين"), not one
    that describes a party named ("أطلقتها ميليشيات الحوثي الإيرانية")."""
    named = {k for m in doc.in_sentence(doc.actors, s) for k in range(m.tok_start + 1, m.tok_end)}
    for k in range(trig.tok_end, s.tok_end):
        if k in named:
            continue
        iso2 = nationality(doc.tokens[k])
        if iso2 and _country_name(iso2) not in actor1.name:
            return Actor(_military_of(iso2), None, 1 if iso2 == country else 8)
    return None


_SPEECH_VERBS = lx._words("قال قالت اعلن اعلنت ذكر ذكرت افاد افادت اكد اكدت اوضح اوضحت صرح صرحت")


def _chemical_sides(pair: list[Actor]) -> Actor | None:
    """Who used the gas: the state's forces the sentence names (they are the ones accused), else a
    named group; foreign governments in such sentences accuse or respond and take no part."""
    return next((a for a in pair if a.inter == 1), None) or next(
        (a for a in pair if a.inter in (2, 3, 4) and not a.name.startswith("Unidentified")), None
    )


def _air_sides(
    doc: Doc,
    mentions: list[ActorMention],
    country: str | None,
    actor1: Actor | None,
    actor2: Actor | None,
) -> tuple[Actor | None, Actor | None]:
    """Warplanes are flown by states and coalitions: a group the sentence names is what they hit.

    The striking side is a state or foreign force the sentence names (foreign first: "الجيش اليمني"
    beside "غارات التحالف" is the ground force), else the one the article names most, else the air
    force known to fly in that country's war.
    """
    named = [m for m in mentions if m.actor is not None and m.label not in _WEAK_ACTOR_LABELS]
    # "تقدمت القوات العراقية مدعومة بغارات من طيران التحالف": the aircraft's owner struck, not the
    # ground force the sentence is about
    flier = next((m for m in named if m.actor.inter == 8 and _flies(doc, m)), None)
    if flier is not None and actor1 is not None and actor1.inter == 1 and actor1.name != flier.actor.name:
        striker = resolve_inter(flier, country)
        return striker, (actor2 if actor2 is not None and not _same_side(actor2, striker) else None)
    if (
        actor1 is not None
        and actor1.inter in (1, 8)
        and not (country in _AIR_OPERATORS and actor1.inter == 1)
    ):
        return actor1, actor2
    hit = [m for m in named if m.actor.inter in (1, 8) and _struck(doc, m)]
    hit_forces = [resolve_inter(m, country) for m in hit]
    forces = [
        resolve_inter(m, country)
        for m in named
        if not _is_source(doc, m) and m not in hit and not _non_combatant(m)
    ]
    known = _AIR_OPERATORS.get(country or "")
    # where a foreign air force flies the war, the home state's ground forces are not the striker
    air_inters = (8,) if known is not None and known.inter == 8 else (1, 8)
    forces = sorted((a for a in forces if a.inter in air_inters), key=lambda a: a.inter != 8)
    force = _article_force(doc, country)
    if force is not None and force.inter not in air_inters:
        force = None
    striker = (forces[0] if forces else None) or force or known
    # a state named as striker ("طائرات النظام", not the generic "طائرات حربية") keeps striking
    state_named = any(
        m.country is not None and m.actor.inter in (1, 8)
        for m in named
        if m not in hit and not _is_source(doc, m)
    )
    if (
        not state_named
        and striker is not None
        and any(_state_of(f) == _state_of(striker) for f in hit_forces)
    ):
        return None, hit_forces[0]  # "غارات استهدفت مواقع لقوات النظام": not the regime's own planes
    if striker is None:
        return actor1, actor2
    groups = sorted(
        (
            resolve_inter(m, country)
            for m in mentions
            if m.actor is not None
            and m.actor.inter in (2, 3, 4)
            and m.kind != "progov"
            and m.label not in _WEAK_ACTOR_LABELS
        ),
        key=lambda a: a.inter != 2,
    )  # the enemy the sentence names: rebels before militias; the state's allies are not hit
    if groups:
        hit = groups[0]
    elif actor1 is not None and actor1.inter not in (1, 8):
        hit = actor1  # the group the rules took for the striker was the target
    else:
        hit = actor2
    if hit is not None and (hit.name == striker.name or (hit.inter in (1, 8) and _same_side(hit, striker))):
        hit = None
    return striker, hit


_FLYING = lx.AIRCRAFT_NOUNS | lx._words("طيران الطيران مقاتلات المقاتلات غارات الغارات سلاح")


def _flies(doc: Doc, m: ActorMention) -> bool:
    """The mention names whose aircraft they are: "طيران التحالف", "بغارات من مقاتلات التحالف"."""
    return not _FLYING.isdisjoint(doc.tokens[m.tok_start].forms) or (
        m.tok_start > 0 and not _FLYING.isdisjoint(doc.tokens[m.tok_start - 1].forms)
    )


# not "من" alone, nor "استهدفت" or "قتل" (their subject follows them: "استهدفت قوات النظام أحياء")
_STRUCK_LEADS = (
    (_VICTIM_LEADS - lx._words("استهدف استهدفت قتل"))
    | (_VICTIM_PREPOSITIONS - lx._words("من"))
    | lx._words("مواقع مقرات تجمعات ارتال رتل")
)
_SOME_WORDS = lx._words("العشرات عشرات المئات مئات عدد العديد")


def _struck(doc: Doc, m: ActorMention) -> bool:
    """ "قتل فيها 14 عنصرا من قوات النظام", "العشرات من القوات السورية", "على مواقع قوات النظام": the
    forces named among the dead or as the target."""
    k = m.tok_start
    if any(n.tok_end == k for n in doc.numbers):
        return True  # "14 عنصرا من قوات النظام" named as one
    if k >= 2 and doc.tokens[k - 1].norm == "من":
        before = doc.tokens[k - 2]
        counted = any(n.tok_end in (k - 1, k - 2) for n in doc.numbers)  # "14 من", "14 عنصرا من"
        if counted or _is_person_noun(before) or not _SOME_WORDS.isdisjoint(before.forms):
            return True
    return _words_before(doc, k, 2, _STRUCK_LEADS) and not _is_agent(doc, m)


def _is_genitive_agent(doc: Doc, trig: Trigger, m: ActorMention) -> bool:
    """ "غارات التحالف", "قصف قوات النظام": the actor right after a trigger noun is its agent (not after
    a trigger that ends with its preposition, "النار على الشخصين", nor after a verb whose plural says
    that its subject came first)."""
    return (
        m.tok_start == trig.tok_end
        and not doc.tokens[m.tok_start].norm.startswith(("ل", "ب", "و"))
        and doc.tokens[trig.tok_end - 1].norm not in _PREPOSITIONS
        and not _plural_verb(doc.tokens[trig.tok_end - 1])  # "المسلحون هاجموا قوات الشرطة": its object
    )


def _plural_verb(tok: Token) -> bool:
    """ "هاجموا", "استهدفوا": a verb whose plural says that its subject came before it."""
    return tok.norm.endswith("وا") and len(tok.norm) > 4


def _agreed_with(doc: Doc, trig: Trigger, mentions: list[ActorMention]) -> ActorMention | None:
    """The party named right after "مع" that follows the agreement's words ("اتفاق مع روسيا")."""
    for k in range(trig.tok_end, min(trig.tok_end + 2, len(doc.tokens))):
        if doc.tokens[k].norm == "مع":
            return next((m for m in mentions if m.tok_start == k + 1 and m.actor is not None), None)
    return None


def _protest_actors(
    actor1: Actor | None, actor2: Actor | None, sub: str, country: str | None, shooter: Actor | None = None
) -> tuple[Actor | None, Actor | None]:
    inter = 5 if sub in ("Violent demonstration", "Mob violence") else 6
    label = "Rioters" if inter == 5 else "Protesters"
    crowd = Actor(f"{label} ({_country_name(country)})", None, inter)
    force = next((a for a in (actor1, actor2) if a is not None and a.inter in (1, 8)), None)
    if force is None and sub == "Excessive force against protesters":
        force = shooter  # "برصاص ميليشيات عصائب أهل الحق": the armed group that shot is the other side
    if sub == "Peaceful protest":
        return crowd, None
    return crowd, force


_SAME_TOLL_DAYS = 2
_SAME_TOLL_MIN_DEAD = 5


def _same_toll(a: Event, b: Event) -> bool:
    """Two reports in one article of the same kind of incident, in one country within two days, with
    the same killed and wounded (five or more killed where a report gives no wounded), are one incident
    ("عملية انتحارية أوقعت قتيلين و24 جريحا" in the lead,
    "قتل اثنان وأصيب 24 في تفجير انتحاري في أغري" further down)."""
    if a.fatalities is None or a.fatalities != b.fatalities or a.location is None or b.location is None:
        return False
    if a.injured is not None and b.injured is not None:
        if a.injured != b.injured or a.fatalities + a.injured < 2:
            return False
    elif a.fatalities < _SAME_TOLL_MIN_DEAD and not (
        a.fatalities and a.sub_event_type == b.sub_event_type and (_country_only(a) or _country_only(b))
    ):  # a small toll alone is too common to tell incidents apart, unless one report of the same kind names
        return False  # only the country ("هجوم خلف قتيلا في شرق تركيا" in the lead, the town below)
    if a.location.country != b.location.country or a.date is None or b.date is None:
        return False
    return abs((a.date - b.date).days) <= _SAME_TOLL_DAYS


def _country_only(e: Event) -> bool:
    return e.location is not None and e.location.admin1 is None and e.location.geo_precision == 3


def _same_place(a: Location | None, b: Location | None) -> bool:
    """One town, or a town and the area around it (a region or "near X" within 30 km)."""
    if a is None or b is None:
        return a is b
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return a.name == b.name
    km = distance_km(a.lat, a.lon, b.lat, b.lon)
    vague = max(a.geo_precision or 1, b.geo_precision or 1) > 1
    if a.name != b.name and a.geo_precision == b.geo_precision == 2:
        return km < 1  # two districts or fronts named apart ("غرب مديرية المصلوب", "بمديرية المتون")
    return km < 1 or (vague and km < _SAME_AREA_KM)


_PROTEST_SEVERITY = (
    "Peaceful protest",
    "Protest with intervention",
    "Violent demonstration",
    "Excessive force against protesters",
)


def _merge_protests(events: list[Event]) -> list[Event]:
    """One demonstration per day and place: its clashes, shootings and riots are that demonstration."""
    protests = [e for e in events if e.sub_event_type in _PROTEST_SEVERITY]
    if not protests:
        return events
    kept: list[Event] = []
    for ev in events:
        host = next(
            (
                p
                for p in protests
                if p is not ev
                and p.date == ev.date
                and _same_place(p.location, ev.location)
                and (ev.sub_event_type in _PROTEST_SEVERITY or _involves_crowd(ev))
            ),
            None,
        )
        if host is None or (ev in protests and protests.index(ev) < protests.index(host)):
            kept.append(ev)
            continue
        sub = ev.sub_event_type if ev.sub_event_type in _PROTEST_SEVERITY else host.sub_event_type
        if (ev.fatalities or 0) > 0 and host.sub_event_type == "Peaceful protest":
            sub = "Excessive force against protesters"
        elif _unnamed_clash(ev):
            sub = "Violent demonstration"  # "تظاهر الآلاف ... واندلعت اشتباكات": the crowd fought
        if _PROTEST_SEVERITY.index(sub) > _PROTEST_SEVERITY.index(host.sub_event_type):
            host.sub_event_type = sub
            host.event_type = SUB_TO_TYPE[sub]
        _fill_gaps(host, ev, ("fatalities", "injured", "actor2", "weapon"))
    return kept


def _involves_crowd(ev: Event) -> bool:
    """A clash, shooting or arrest among the crowd, or "الاشتباكات" with no side named (an air strike
    or a bomb that day is its own event)."""
    if ev.event_type == _EXPLOSIONS:
        return False
    return _unnamed_clash(ev) or any(a is not None and a.inter in (5, 6, 7) for a in (ev.actor1, ev.actor2))


def _unnamed_clash(ev: Event) -> bool:
    return ev.sub_event_type == "Armed clash" and ev.actor1 is None and ev.actor2 is None


_FOLDED_TYPES = frozenset(("Violence against civilians", "Explosions/Remote violence"))  # a battle is its own


def _fold_generic(candidates: list[Event], generic: set[int], bare: set[int]) -> list[Event]:
    """ "الهجوم" or "الانفجار" after "تفجير انتحاري" names the same incident: a weak-trigger battle,
    attack or explosion on the day and at the place of a specific explosion the article reports is that
    explosion, not another event."""
    specific = [e for e in candidates if id(e) not in generic and e.event_type == _EXPLOSIONS]
    explosions = [e for e in candidates if e.event_type == _EXPLOSIONS]
    kept: list[Event] = []
    folded: set[int] = set()
    for ev in candidates:
        twin = None
        # "مقتل العشرات في هجوم بالسلاح الكيميائي", "بالتفجير الذي ... واستهدف رجال الأمن"
        if ev.sub_event_type in ("Attack", "Armed clash") and id(ev) in generic:
            twin = next((e for e in explosions if _same_report(e, ev)), None)
        if twin is None and id(ev) in generic and ev.event_type in _FOLDED_TYPES:
            twin = next(
                (
                    e
                    for e in specific
                    if e.sub_event_type != ev.sub_event_type
                    and e.date is not None
                    and ((e.date == ev.date and _same_place(e.location, ev.location)) or _same_toll(e, ev))
                ),
                None,
            )
        if twin is None and id(ev) in generic and ev.event_type in _VIOLENT_TYPES and _country_only(ev):
            # "واتهمت سوريا إسرائيل بشن الهجوم الأخير": a bare attack word placed only in a country
            # speaks of the incident the article reports there that day (the very day, if it names
            # one: "قتل 24 في هجوم استهدف مسجدا شمالي نيجيريا اليوم"), unless it gives another toll
            days = 0 if _own_date(ev) else _BACKGROUND_DAYS
            twin = next(
                (
                    e
                    for e in candidates
                    if (
                        id(e) not in generic or (e is not ev and not _country_only(e) and id(e) not in folded)
                    )
                    and e.event_type in _VIOLENT_TYPES
                    and e.location is not None
                    and e.location.country == ev.location.country
                    and e.date is not None
                    and ev.date is not None
                    and abs((e.date - ev.date).days) <= days
                    and not _other_toll(e, ev)
                    and not (days == 0 and _other_sides(e, ev))  # told that day by one side, another's
                ),
                None,
            )
        if (
            twin is None
            and _bare_attack(ev, bare)
            and ev.location is not None
            and not _country_only(ev)
            and _one_town_that_day(candidates, ev)
        ):
            # "الهجوم الذي ضرب مدينة صعدة" and "الضربات الجوية التي نفذها التحالف في اليمن" that day: the
            # strike the country-wide report names, at the town the bare attack word gives
            twin = next(
                (
                    e
                    for e in candidates
                    if id(e) not in generic
                    and e.event_type in _VIOLENT_TYPES
                    and _country_only(e)
                    and e.location.country == ev.location.country
                    and e.date is not None
                    and e.date == ev.date
                    and not _other_group(ev.actor1, e.actor1)  # "وتبنى تنظيم القاعدة الهجوم على ..."
                ),
                None,
            )
            if twin is not None:
                twin.location = ev.location  # the place only: the sides are the specific report's
                if "location" in ev.spans:
                    twin.spans["location"] = ev.spans["location"]
                folded.add(id(ev))
                continue
        if twin is None:
            kept.append(ev)
            continue
        folded.add(id(ev))
        _fill_gaps(twin, ev, ("fatalities", "injured", "actor1", "actor2"))
    return kept


def _fold_battles_into_ground(events: list[Event]) -> list[Event]:
    """ "سيطرت القوات على مواقع في مديرية ناطع" and "30 قتيلا في معارك مع القوات الحكومية بمديرية ناطع":
    the fighting on the day and at the place where ground changed hands is that change (ACLED codes the
    battle as the territory event); its toll and sides fill the territory event's gaps."""
    ground = [e for e in events if e.sub_event_type in TERRITORY and e.date is not None]
    kept: list[Event] = []
    for ev in events:
        twin = None
        if ev.sub_event_type == "Armed clash" and ev.date is not None:
            twin = next(
                (
                    g
                    for g in ground
                    if g.date == ev.date
                    and _same_place(g.location, ev.location)
                    and _shares_side(g, ev)
                    and not _side_of_its_own(ev, g)
                    and not _other_toll(g, ev)
                ),
                None,
            )
        if twin is None:
            kept.append(ev)
            continue
        _fill_gaps(twin, ev, ("fatalities", "injured", "weapon", "actor1", "actor2"))
    return kept


def _shares_side(a: Event, b: Event) -> bool:
    """Both name at least one side, and one of them is the same (a battle between unnamed sides near a
    town taken that day may be another fight)."""
    sides = [x.name for x in (a.actor1, a.actor2) if x is not None and not x.name.startswith("Unidentified")]
    return any(x is not None and _one_name(x.name, y) for x in (b.actor1, b.actor2) for y in sides)


def _side_of_its_own(ev: Event, other: Event) -> bool:
    """`ev` names a side that is none of `other`'s ("اشتباكات بين مناصري تيار المستقبل وآخرين": not
    the army's taking of the town), in whichever order each lists its sides."""
    sides = [x for x in (other.actor1, other.actor2) if x is not None]
    return any(
        _named_in_text(x) and not any(_one_name(x.name, y.name) or _same_side(x, y) for y in sides)
        for x in (ev.actor1, ev.actor2)
        if x is not None
    )


def _one_name(x: str, y: str) -> bool:
    """ "Military Forces of Yemen" and "Military Forces of Yemen (Hadi government)": one side, once
    named in full (not two rival governments, each with its bracket)."""
    return x == y or x.startswith(y + " (") or y.startswith(x + " (")


def _bare_attack(ev: Event, bare: set[int]) -> bool:
    """ "الهجوم الذي ضرب المدينة": an attack word (`bare`: the ids of such events) with no weapon or toll
    of its own (not "مواجهات بين قبائل", "وقع انفجار", "برصاص قناص")."""
    return (
        id(ev) in bare
        and ev.event_type in _VIOLENT_TYPES
        and ev.weapon is None
        and ev.fatalities is None
        and ev.injured is None
    )


def _other_group(a: Actor | None, b: Actor | None) -> bool:
    """`a` is an armed group the text names, and not `b`'s side."""
    return (
        a is not None and a.inter in (2, 3, 4) and _named_in_text(a) and (b is None or not _same_side(a, b))
    )


def _one_town_that_day(candidates: list[Event], ev: Event) -> bool:
    """No violent report names another place below the country for the day and country of `ev`."""
    if ev.location is None:
        return False
    return all(
        e.location.name == ev.location.name
        for e in candidates
        if e.event_type in _VIOLENT_TYPES
        and e.date == ev.date
        and e.location is not None
        and e.location.country == ev.location.country
        and not _country_only(e)
    )


_VIOLENT_TYPES = frozenset(("Battles", "Explosions/Remote violence", "Violence against civilians"))


def _fold_intercepted(doc: Doc, events: list[Event]) -> list[Event]:
    """ "أطلق الحوثيون صواريخ باتجاه الرياض ... وتمكن الدفاع الجوي من اعتراضها": missiles that were
    intercepted and hit no one are the interception, not a strike of their own."""
    stopped = [e for e in events if e.sub_event_type == "Disrupted weapons use" and e.date and e.location]
    kept: list[Event] = []
    for ev in events:
        twin = None
        if (
            ev.sub_event_type == "Shelling/artillery/missile attack"
            and ev.weapon in (None, "missile", "rocket")
            and (ev.actor1 is None or ev.actor1.inter in (2, 3, 4))  # a state's missiles at a base hit
            and not ev.fatalities
            and not ev.injured
            and not _told_hit(doc, ev)  # "وأصاب محطة كهرباء": it struck something
            and ev.date is not None
            and ev.location is not None
        ):
            twin = next(
                (
                    d
                    for d in stopped
                    if d.weapon in ("missile", "rocket")  # not a bomb defused or a drone downed
                    and (
                        _near(d.location, ev.location)
                        or (
                            _country_only(d)
                            and d.location.country == ev.location.country
                            and d.date == ev.date
                            and _headed_for(doc, ev)
                        )
                    )
                    and abs((d.date - ev.date).days) <= 1
                ),
                None,
            )
        if twin is None:
            kept.append(ev)
            continue
        if _country_only(twin) and not _country_only(ev):
            # "اعترضت الدفاعات صاروخين باتجاه الأراضي السعودية ... كانا باتجاه مدينة نجران": the town
            _take(twin, ev, "location")
        fired_by = ev.actor1
        if (
            twin.actor2 is None
            and fired_by is not None
            and not (twin.actor1 and _same_side(fired_by, twin.actor1))
        ):
            twin.actor2 = fired_by  # the side whose missiles were stopped
            if "actor1" in ev.spans:
                twin.spans["actor2"] = ev.spans["actor1"]
    return kept


_HIT_WORDS = lx._words(
    "اصاب اصابت اصابه سقط سقطت سقوط الحق الحقت اضرار اضرارا دمر دمرت تدمير حريق حرائق انفجر انفجرت"
)


def _told_hit(doc: Doc, ev: Event) -> bool:
    """The report's sentence says the missile struck (hit, fell, damaged, burned)."""
    if ev.evidence is None:
        return False
    s = next((s for s in doc.sentences if s.start <= ev.evidence.start < s.end), None)
    if s is None:
        return False
    # (not "تم تدمير الصاروخ": the missile itself was destroyed, in the air)
    return any(
        _words_after(doc, k, 1, _HIT_WORDS) and not _projectile_destroyed(doc, k, s)
        for k in range(s.tok_start, s.tok_end)
    )


def _projectile_destroyed(doc: Doc, k: int, s: Sentence) -> bool:
    """Token k destroys the projectile named right after it ("تدمير الصاروخ")."""
    return (
        _words_after(doc, k, 1, _DESTROY_WORDS)
        and k + 1 < s.tok_end
        and _words_after(doc, k + 1, 1, lx.PROJECTILE_WORDS)
    )


_DESTROY_WORDS = lx._words("دمر دمرت تدمير")


def _headed_for(doc: Doc, ev: Event) -> bool:
    """ "كان الصاروخان باتجاه مدينة نجران": the place of the report is where the missiles were headed."""
    span = ev.spans.get("location")
    k = next((p.tok_start for p in doc.places if span is not None and p.start == span.start), None)
    return k is not None and _words_before(doc, k, 3, _TOWARD_WORDS)


def _near(a: Location, b: Location, km: float = 50) -> bool:
    if a.lat is None or b.lat is None or a.lon is None or b.lon is None:
        return a.name == b.name
    return distance_km(a.lat, a.lon, b.lat, b.lon) <= km


def _same_report(a: Event, b: Event) -> bool:
    """Two events from one sentence, on one day at one place."""
    return a.evidence == b.evidence and a.date == b.date and a.location == b.location


def _fill_gaps(twin: Event, ev: Event, fields: tuple[str, ...]) -> None:
    """Fields `twin` lacks and another report of the same incident (`ev`) gives, with their spans."""
    for field in fields:
        value = getattr(ev, field)
        if getattr(twin, field) is not None or value is None:
            continue
        other = twin.actor2 if field == "actor1" else twin.actor1 if field == "actor2" else None
        if other is not None and _same_side(other, value):
            continue  # the other report named the same side again
        setattr(twin, field, value)
        if field in ev.spans:
            twin.spans[field] = ev.spans[field]


_MEANWHILE = tuple(
    " ".join(norm(w) for w in phrase.split())
    for phrase in ("في الأثناء", "في هذه الأثناء", "في غضون ذلك", "بالتزامن مع ذلك")
    for phrase in (phrase, "و" + phrase)
)


def _starts_with(doc: Doc, s: Sentence, phrases: tuple[str, ...]) -> bool:
    """The sentence opens with one of the phrases (normalised words)."""
    head = " ".join(t.norm for t in doc.tokens[s.tok_start : s.tok_start + 4])
    return head.startswith(phrases)


def _day_or_week(d: DateMention | None) -> bool:
    return d is not None and (d.precision or 3) < 3


def _day_key(e: Event) -> tuple:
    return (e.sub_event_type, e.date, e.location.country if e.location else None)


def _towns_by_day(candidates: list[Event]) -> dict[tuple, set[str]]:
    """(sub-type, day, country) -> the places named below the country for it."""
    towns: dict[tuple, set[str]] = {}
    for e in candidates:
        if e.location is not None and not _country_only(e):
            towns.setdefault(_day_key(e), set()).add(e.location.name)
    return towns


def _vague_summary(vague: Event, other: Event, towns: dict[tuple, set[str]]) -> bool:
    """ "قتل قيادي حوثي في اليمن في ضربة جوية": a report with only the country and no day of its own
    sums up the report of that country that names the town and the day; one with the day, the report
    of the one town of that country named for it that day (`towns`: see _towns_by_day)."""
    return (
        _country_only(vague)
        and (not _own_date(vague) or (vague.date == other.date and len(towns.get(_day_key(vague), ())) == 1))
        and other.location is not None
        and other.location.country == vague.location.country
        # "غربي العراق" sums up no report from Kirkuk: a part of a country, only its own towns
        and (
            vague.location.geonameid is not None  # a country ("Western Sahara" too), not a part of one
            or in_part(vague.location.name, vague.location.country, other.location.lat, other.location.lon)
            is not False
        )
        and not _other_toll(vague, other)
        and not _other_sides(vague, other)
    )


def _other_toll(a: Event, b: Event) -> bool:
    return a.fatalities is not None and b.fatalities is not None and a.fatalities != b.fatalities


def _other_sides(a: Event, b: Event) -> bool:
    """Both texts name who acted, and not the same side ("غارة روسية" and "غارات التحالف الدولي"; the
    IRGC and Iran's forces are one)."""
    x, y = a.actor1, b.actor1
    if not (_named_in_text(x) and _named_in_text(y)):
        return False
    return not _same_side(x, y) and _state_of(x).split(" (")[0] != _state_of(y).split(" (")[0]


def _named_in_text(a: Actor | None) -> bool:
    return a is not None and a.name_ar is not None and not a.name.startswith("Unidentified")


def _fold_undated(events: list[Event]) -> list[Event]:
    """ "التحقيق في الهجوم الكيميائي على دوما" with no day of its own, in an article that dates one
    attack of that kind on Douma within the week: that attack, told again (its date is the publication
    day or the last one named, not the attack's). Left alone when the article dates such attacks on two
    days. `events`: the reports before merging, each with the sentence it comes from."""
    kept: list[Event] = []
    for ev in events:
        dated = [e for e in events if e is not ev and _own_date(e) and _undated_mention(e, ev)]
        if _own_date(ev) or not dated or len({e.date for e in dated}) > 1:
            kept.append(ev)
            continue
        _fill_gaps(dated[0], ev, ("weapon", "fatalities", "injured", "actor1", "actor2"))
    return kept


def _undated_mention(dated: Event, ev: Event) -> bool:
    return (
        dated.sub_event_type == ev.sub_event_type
        and dated.date is not None
        and ev.date is not None
        and abs((dated.date - ev.date).days) <= _UNDATED_MENTION_DAYS
        and dated.location is not None
        and ev.location is not None
        and not _country_only(dated)
        and dated.location.name == ev.location.name
        and not _other_toll(dated, ev)
        and not _other_sides(dated, ev)
    )


def _own_date(ev: Event) -> bool:
    """The event's date is written in its own sentence (not inherited from the context)."""
    span, evidence = ev.spans.get("date"), ev.evidence
    return span is not None and evidence is not None and evidence.start <= span.start < evidence.end


def _take(twin: Event, ev: Event, key: str) -> None:
    """The merged event takes the report's value of one field, with the span that quotes it."""
    setattr(twin, key, getattr(ev, key))
    twin.spans.pop(key, None)
    if key in ev.spans:
        twin.spans[key] = ev.spans[key]


def _merge(candidates: list[Event], listed: dict[int, int]) -> list[Event]:
    """One event per (date, town, sub-type): later mentions fill the first one's gaps. The places one
    sentence lists (`listed`: event id -> list) stay apart, however near one another they are."""
    merged: list[Event] = []
    lists: dict[int, set[int]] = {}  # merged event id -> the lists whose places it holds
    towns = _towns_by_day(candidates)
    for ev in candidates:
        twin = next(
            (
                m
                for m in merged
                if m.sub_event_type == ev.sub_event_type
                and listed.get(id(ev)) not in lists.get(id(m), ())
                and (
                    (m.date == ev.date and _same_place(m.location, ev.location))
                    or _same_toll(m, ev)
                    or _vague_summary(m, ev, towns)
                    or _vague_summary(ev, m, towns)
                )
            ),
            None,
        )
        if twin is None:
            merged.append(ev)
            twin = ev
        if id(ev) in listed:
            lists.setdefault(id(twin), set()).add(listed[id(ev)])
        if twin is ev:
            continue
        more_precise = (ev.time_precision or 3) < (twin.time_precision or 3)
        as_precise_and_own = (
            ev.time_precision == twin.time_precision and _own_date(ev) and not _own_date(twin)
        )
        if ev.date and (more_precise or as_precise_and_own):
            # keep the most precise day, and a day the report's own sentence gives over one it inherits
            twin.date, twin.time_precision = ev.date, ev.time_precision
            if "date" in ev.spans:
                twin.spans["date"] = ev.spans["date"]
        if (
            ev.location
            and twin.location
            and (ev.location.geo_precision or 3) < (twin.location.geo_precision or 3)
            and (
                _same_place(twin.location, ev.location)
                or ((twin.location.geo_precision or 3) == 3 and twin.location.country == ev.location.country)
            )
        ):  # the most precise place of one area, or a town of the country or province first named
            if _country_only(twin):
                # the report that names the town tells who took part and when; a country-wide mention
                # ("بعد هجوم خلف قتيلا في شرق تركيا") seldom does
                if ev.actor1 is not None:
                    if twin.actor2 is not None and _same_side(twin.actor2, ev.actor1):
                        twin.actor2 = None  # the lead's second side was the town report's first
                    _take(twin, ev, "actor1")
                    if ev.actor2 is not None:
                        _take(twin, ev, "actor2")
                if ev.date and _own_date(ev):
                    twin.time_precision = ev.time_precision
                    _take(twin, ev, "date")
            _take(twin, ev, "location")
        _fill_gaps(twin, ev, ("weapon", "fatalities", "injured", "actor1", "actor2"))
        twin.confidence = max(twin.confidence, ev.confidence)
    return merged
