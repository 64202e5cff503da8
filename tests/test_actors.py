"""Actor stage: dictionary matches, clitics, nationality patterns, inter codes by event country."""

from __future__ import annotations

import pytest

from rasid.actors import find_actors, lexicon, nationality, resolve_inter
from rasid.actors.stage import ActorStage
from rasid.doc import Doc
from rasid.model import Actor, ActorMention, Article, Location, Mention, PlaceMention, interaction_code
from rasid.text.stage import TextStage

TEXT_STAGE = TextStage()


def doc_of(text: str) -> Doc:
    return TEXT_STAGE(Doc(Article("t", text)))


def actors(text: str, event_country: str | None = None) -> list[tuple[str, str, int]]:
    """(quoted text, resolved English name, inter) of every actor mention in `text`."""
    doc = doc_of(text)
    out = []
    for m in find_actors(doc.text, doc.tokens, doc.entities):
        assert m.text == text[m.start : m.end]
        a = resolve_inter(m, event_country)
        out.append((m.text, a.name, a.inter))
    return out


def one(text: str, event_country: str | None = None) -> tuple[str, str, int]:
    found = actors(text, event_country)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "quoted", "name", "inter"),
    [
        ("أعلن تنظيم داعش مسؤوليته عن الهجوم", "تنظيم داعش", "Islamic State", 2),
        ("تبنى تنظيم الدولة الإسلامية التفجير", "تنظيم الدولة الإسلامية", "Islamic State", 2),
        ("هاجمت ولاية سيناء كمينا", "ولاية سيناء", "Islamic State (Sinai Province)", 2),
        ("سيطرت هيئة تحرير الشام على البلدة", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", 2),
        (
            "نفذ تنظيم القاعدة في جزيرة العرب الهجوم",
            "تنظيم القاعدة في جزيرة العرب",
            "AQAP: Al Qaeda in the Arabian Peninsula",
            2,
        ),
        ("هاجمت حركة الشباب قاعدة", "حركة الشباب", "Al Shabaab", 2),
        ("أطلقت جماعة الحوثي صاروخا", "جماعة الحوثي", "Houthis (Ansar Allah)", 2),
        ("قالت جماعة أنصار الله إن", "جماعة أنصار الله", "Houthis (Ansar Allah)", 2),
        ("هاجمت ميليشيا الحوثي الانقلابية مواقع", "ميليشيا الحوثي الانقلابية", "Houthis (Ansar Allah)", 2),
        ("انتشرت قوات الحشد الشعبي في المنطقة", "قوات الحشد الشعبي", "Popular Mobilization Forces", 3),
        ("تبنت كتائب حزب الله الهجوم", "كتائب حزب الله", "Kataib Hezbollah", 3),
        ("هددت عصائب أهل الحق", "عصائب أهل الحق", "Asaib Ahl al-Haq", 3),
        ("قصف حزب الله موقعا", "حزب الله", "Hezbollah", 3),
        ("سيطرت قوات سوريا الديمقراطية على القرية", "قوات سوريا الديمقراطية", "Syrian Democratic Forces", 2),
        ("هاجمت قسد حاجزا", "قسد", "Syrian Democratic Forces", 2),
        (
            "اشتبكت وحدات حماية الشعب الكردية مع",
            "وحدات حماية الشعب الكردية",
            "YPG: People's Protection Units",
            2,
        ),
        (
            "قتل عنصران من حزب العمال الكردستاني",
            "عنصران من حزب العمال الكردستاني",
            "PKK: Kurdistan Workers Party",
            2,
        ),
        ("استعادت فصائل المعارضة القرية", "فصائل المعارضة", "Syrian opposition factions", 2),
        ("قصف جيش الإسلام الأحياء", "جيش الإسلام", "Jaish al-Islam", 2),
        ("اشتبك فيلق الرحمن مع", "فيلق الرحمن", "Faylaq al-Rahman", 2),
        ("هاجم الجيش السوري الحر مواقع", "الجيش السوري الحر", "Free Syrian Army", 2),
        ("سيطر الجيش الوطني السوري على", "الجيش الوطني السوري", "Syrian National Army", 2),
        ("أطلقت سرايا القدس صواريخ", "سرايا القدس", "Palestinian Islamic Jihad", 2),
        ("أطلقت كتائب القسام صواريخ", "كتائب القسام", "Hamas", 2),
        ("هاجمت حركة طالبان نقطة تفتيش", "حركة طالبان", "Taliban", 2),
        (
            "سيطرت قوات المجلس الانتقالي الجنوبي على",
            "قوات المجلس الانتقالي الجنوبي",
            "Southern Transitional Council",
            3,
        ),
        ("انتشرت قوات الحزام الأمني", "قوات الحزام الأمني", "Security Belt Forces", 3),
        ("هاجم مستوطنون منازل", "مستوطنون", "Settlers (Israel)", 4),
        ("أعلنت جبهة البوليساريو", "جبهة البوليساريو", "Polisario Front", 2),
    ],
)
def test_actor_families(sentence: str, quoted: str, name: str, inter: int) -> None:
    assert one(sentence, "IQ") == (quoted, name, inter)


@pytest.mark.parametrize(
    ("sentence", "quoted", "name"),
    [
        ("ضربات على الإرهاب وداعش", "وداعش", "Islamic State"),
        ("غارات على مواقع بالحوثيين", "بالحوثيين", "Houthis (Ansar Allah)"),
        ("سلم المطلوب نفسه للقوات العراقية", "للقوات العراقية", "Military Forces of Iraq"),
        ("وقال إن كتائبَ حزبِ الله", "كتائبَ حزبِ الله", "Kataib Hezbollah"),  # diacritics kept in the quote
        ('أعلن تنظيم "داعش" مسؤوليته', 'تنظيم "داعش"', "Islamic State"),
        ("وأكدت حركة المقاومة الإسلامية (حماس) أن", "حركة المقاومة الإسلامية (حماس)", "Hamas"),
        ("وهاجم عناصر تنظيم داعش", "عناصر تنظيم داعش", "Islamic State"),
    ],
)
def test_clitics_quotes_and_members(sentence: str, quoted: str, name: str) -> None:
    text, got_name, _ = one(sentence, "IQ")
    assert (text, got_name) == (quoted, name)


@pytest.mark.parametrize(
    ("sentence", "quoted", "country"),
    [
        ("قصفت مقاتلات إسرائيلية الموقع", "مقاتلات إسرائيلية", "IL"),
        ("تقدم الجيش اليمني نحو المدينة", "الجيش اليمني", "YE"),
        ("قصفت القوات التركية القرية", "القوات التركية", "TR"),
        ("قصف الطيران الحربي الروسي البلدة", "الطيران الحربي الروسي", "RU"),
        ("نفذت طائرة مسيرة أمريكية الغارة", "طائرة مسيرة أمريكية", "US"),
        ("نفذت طائرة مسيرة أميركية الغارة", "طائرة مسيرة أميركية", "US"),
        ("قتل جنديان إسرائيليان", "جنديان إسرائيليان", "IL"),
        ("قالت حكومة كوريا الشمالية", "حكومة كوريا الشمالية", "KP"),
        ("أطلقت قوات الاحتلال النار", "قوات الاحتلال", "IL"),
        ("قصف الحرس الثوري الإيراني مواقع", "الحرس الثوري الإيراني", "IR"),
    ],
)
def test_nationality_patterns(sentence: str, quoted: str, country: str) -> None:
    doc = doc_of(sentence)
    (m,) = find_actors(doc.text, doc.tokens)
    assert (m.text, m.kind, m.country) == (quoted, "state", country)
    assert resolve_inter(m, country).inter == 1
    assert resolve_inter(m, "SY" if country != "SY" else "IQ").inter == 8


def test_nationality_adjectives() -> None:
    assert nationality("العراقي") == "IQ"
    assert nationality("الأمريكية") == "US"
    assert nationality("الأميركيين") == "US"
    assert nationality("إسرائيلية") == "IL"
    assert nationality("السعودي") == "SA"
    assert nationality("الكبير") is None
    # countries beyond the region, in the news all the same
    assert nationality("البوروندي") == "BI"
    assert nationality("الكونغولية") == "CD"
    assert nationality("الفلبيني") == "PH"
    assert actors("أعلن الجيش البوروندي الحصيلة أمس", "BI") == [
        ("الجيش البوروندي", "Military Forces of Burundi", 1)
    ]


def test_noun_without_nationality_is_not_an_actor() -> None:
    # "قوات" and "طائرة" need a nationality; "طائرة مسيرة" alone is a weapon, not an actor.
    assert actors("أسقطت طائرة مسيرة فوق المدينة", "IQ") == []
    assert actors("وصلت قوات إلى المدينة", "IQ") == []


@pytest.mark.parametrize(
    ("sentence", "event_country", "name", "inter"),
    [
        ("اشتبك الجيش مع المسلحين", "IQ", "Military Forces of Iraq", 1),
        ("فرقت الشرطة المحتجين", "EG", "Police Forces of Egypt", 1),
        ("قصفت القوات الحكومية البلدة", "SY", "Military Forces of Syria", 1),
        ("قصف الطيران الحربي البلدة", "YE", "Military Forces of Yemen", 1),
        ("قصف الطيران الحربي البلدة", None, "Military Forces", 1),
        # Palestine has no army: the army in Gaza is Israel's, abroad
        ("قصف الجيش مواقع حماس", "PS", "Military Forces of Israel", 8),
    ],
)
def test_generic_state_forces_take_the_event_country(
    sentence: str, event_country: str | None, name: str, inter: int
) -> None:
    doc = doc_of(sentence)
    m = find_actors(doc.text, doc.tokens)[0]
    assert m.kind == "state" and m.country is None
    assert resolve_inter(m, event_country) == Actor(name, m.text, inter)


def test_state_forces_home_and_abroad() -> None:
    doc = doc_of("قصفت القوات الأمريكية مواقع كتائب حزب الله")
    us, kh = find_actors(doc.text, doc.tokens)
    assert resolve_inter(us, "US").inter == 1
    abroad = resolve_inter(us, "IQ")
    assert (abroad.name, abroad.inter) == ("Military Forces of the United States", 8)
    assert interaction_code(abroad, resolve_inter(kh, "IQ")) == "38"
    # Israeli forces in the Palestinian territories are foreign forces (ACLED: 8).
    (idf,) = find_actors(*_text_tokens("اقتحم جيش الاحتلال المخيم"))
    assert resolve_inter(idf, "PS").inter == 8
    assert resolve_inter(idf, "IL").inter == 1


def _text_tokens(text: str):
    doc = doc_of(text)
    return doc.text, doc.tokens


@pytest.mark.parametrize(
    ("sentence", "country", "code"),
    [
        ("اشتبك الجيش العراقي مع عناصر داعش", "IQ", "12"),
        ("قصف طيران التحالف العربي مواقع الحوثيين", "YE", "28"),
        ("فرقت قوات الأمن المتظاهرين", "IQ", "16"),
        ("قتل مسلحون مجهولون مدنيين", "IQ", "37"),
        ("هاجم مستوطنون مواطنين", "PS", "47"),
        ("اشتبكت العشائر مع قوات الأمن", "IQ", "14"),
        ("هاجم مثيري الشغب الشرطة", "TN", "15"),
    ],
)
def test_interaction_codes(sentence: str, country: str, code: str) -> None:
    text, tokens = _text_tokens(sentence)
    a1, a2 = (resolve_inter(m, country) for m in find_actors(text, tokens))
    assert interaction_code(a1, a2) == code


def test_coalition_and_peacekeepers_depend_on_the_event_country() -> None:
    text, tokens = _text_tokens("أغارت طائرات التحالف على المدينة")
    (m,) = find_actors(text, tokens)
    assert resolve_inter(m, "YE") == Actor("Saudi-led coalition", "طائرات التحالف", 8)
    assert resolve_inter(m, "IQ").name == "Global Coalition against Daesh"
    text, tokens = _text_tokens("تعرضت قوات حفظ السلام لهجوم")
    (m,) = find_actors(text, tokens)
    assert resolve_inter(m, "ML") == Actor("MINUSMA", "قوات حفظ السلام", 8)
    assert resolve_inter(m, "LB").name == "UNIFIL"


def test_civilians_protesters_unidentified_named_by_country() -> None:
    found = actors("قتل مسلحون مجهولون ثلاثة مدنيين واعتقل متظاهرين", "LY")
    assert found == [
        ("مسلحون مجهولون", "Unidentified Armed Group (Libya)", 3),
        ("مدنيين", "Civilians (Libya)", 7),
        ("متظاهرين", "Protesters (Libya)", 6),
    ]
    assert one("أصيب مدنيون سوريون", "TR") == ("مدنيون سوريون", "Civilians (Syria)", 7)


def test_al_qaeda_is_not_an_air_base() -> None:
    assert [a[1] for a in actors("سقطت صواريخ على القاعدة الجوية", "IQ")] == []
    assert one("هاجم تنظيم القاعدة القاعدة الجوية", "YE")[1] == "Al Qaeda"


def test_metonyms_are_flagged_with_a_lower_score() -> None:
    text, tokens = _text_tokens("قصفت روسيا مواقع المعارضة وقالت واشنطن")
    found = find_actors(text, tokens)
    metonyms = [(m.text, m.country) for m in found if m.label == "ACTOR_METONYM"]
    assert metonyms == [("روسيا", "RU"), ("واشنطن", "US")]
    assert all(m.score < 1 for m in found if m.label == "ACTOR_METONYM")


def test_a_name_another_group_bears_where_the_event_is_resolves_there() -> None:
    # the Palestinian Popular Resistance Committees at home; in Yemen the pro-government resistance
    assert one("هجوم للجان المقاومة الشعبية", "PS")[1:] == ("Popular Resistance Committees", 2)
    assert one("هجوم للجان المقاومة الشعبية", "YE")[1:] == ("Popular Resistance", 3)
    assert one("قالت إن المعارضة السورية هاجمت", "YE")[1:] == ("Syrian opposition factions", 2)


def test_patrols_and_convoys_are_the_forces_they_belong_to() -> None:
    assert one("انفجرت عبوة أمام دورية عسكرية", "ML")[1:] == ("Military Forces of Mali", 1)
    assert one("استهدف انفجار رتلا عسكريا تركيا", "SY")[1:] == ("Military Forces of Turkey", 8)
    assert one("أصيب مجندو الأمن المركزي", "EG")[1:] == ("Police Forces of Egypt", 1)


def test_a_generic_word_or_nationality_after_a_named_group_describes_it() -> None:
    assert [a[1] for a in actors("هاجمت مجموعة من رجال طالبان المسلحين حافلة", "PK")] == ["Taliban"]
    assert [a[1] for a in actors("أعلن عناصر طالبان الباكستانيون مسؤوليتهم", "PK")] == ["Taliban"]
    assert [a[2] for a in actors("وكان عناصر بوكوحرام المسلحون قد هاجموا القرية", "NG")] == [2]
    # not after a generic word: "قوات الأمن العراقية" and "المسلحين" stay two
    assert len(actors("اشتبكت قوات الأمن مع المسلحين", "IQ")) == 2


def test_a_generic_word_the_group_name_follows_is_that_group() -> None:
    assert [a[1] for a in actors("أطلق المتمردون الحوثيون صاروخا على جازان", "SA")] == [
        "Houthis (Ansar Allah)"
    ]
    assert [a[1] for a in actors("هاجم المسلحون الحوثيون مواقع الجيش", "YE")] == [
        "Houthis (Ansar Allah)",
        "Military Forces of Yemen",
    ]


def test_a_capital_after_its_capital_word_and_nisba_is_a_place_not_the_state() -> None:
    text, tokens = _text_tokens("انفجرت عبوة في العاصمة الصينية بكين وقالت بكين إنها تحقق")
    found = [(m.text, m.label) for m in find_actors(text, tokens)]
    assert found == [("بكين", "ACTOR_METONYM")]  # the second, the state that speaks


def test_a_nationality_after_officials_or_sources_is_no_people_hit() -> None:
    text, tokens = _text_tokens("أكد مسؤولون صينيون ومصادر عراقية مقتل فلسطينيين")
    assert [m.text for m in find_actors(text, tokens)] == ["فلسطينيين"]


def test_unknown_org_entity_falls_back_on_its_head_word() -> None:
    text = "تبنت كتائب الفجر الجديد الهجوم وأعلن تنظيم أنصار الفرقان مسؤوليته"
    doc = doc_of(text)

    def org(words: str) -> Mention:
        start = text.index(words)
        toks = [t for t in doc.tokens if start <= t.start < start + len(words)]
        return Mention(start, start + len(words), toks[0].i, toks[-1].i + 1, "ORG", words)

    doc.entities = [org("كتائب الفجر الجديد"), org("تنظيم أنصار الفرقان"), org("الهجوم")]
    found = find_actors(doc.text, doc.tokens, doc.entities)
    assert [(m.text, m.label, m.kind, m.actor.inter) for m in found] == [
        ("كتائب الفجر الجديد", "ACTOR_ORG", "militia", 3),
        ("تنظيم أنصار الفرقان", "ACTOR_ORG", "rebel", 2),
    ]


def test_org_entity_inside_a_dictionary_match_is_not_duplicated() -> None:
    text = "قصف حزب الله الموقع"
    doc = doc_of(text)
    doc.entities = [Mention(4, 12, 1, 3, "ORG", "حزب الله")]
    found = find_actors(doc.text, doc.tokens, doc.entities)
    assert [(m.text, m.label) for m in found] == [("حزب الله", "ACTOR")]


def test_stage_resolves_against_the_article_country() -> None:
    text = "قصف الجيش مواقع الحوثيين في صعدة"
    doc = doc_of(text)
    start = text.index("صعدة")
    doc.places = [
        PlaceMention(start, start + 4, 5, 6, "LOC", "صعدة", location=Location("Saada", "صعدة", "YE"))
    ]
    doc = ActorStage()(doc)
    assert [(m.text, m.actor.name, m.actor.inter) for m in doc.actors] == [
        ("الجيش", "Military Forces of Yemen", 1),
        ("الحوثيين", "Houthis (Ansar Allah)", 2),
    ]
    assert all(isinstance(m, ActorMention) for m in doc.actors)
    # the generic army keeps country None, so the event stage can resolve it per event
    assert doc.actors[0].country is None


def test_plain_actor_mention_from_another_stage_resolves_by_kind() -> None:
    m = ActorMention(0, 4, 0, 1, "ACTOR", "جنود", actor=Actor("Military Forces of Iran", "جنود", 1))
    m.kind, m.country = "state", "IR"
    assert resolve_inter(m, "SY").inter == 8


def test_dictionary_loads_and_covers_every_kind() -> None:
    lex = lexicon()
    kinds = {e.kind for e in lex.entries.values()}
    assert kinds == {
        "state",
        "rebel",
        "militia",
        "progov",
        "identity",
        "rioters",
        "protesters",
        "civilians",
        "external",
    }
    assert all(1 <= e.inter <= 8 for e in lex.entries.values())


def _org(doc: Doc, first: int, last: int) -> Mention:
    toks = doc.tokens
    start, end = toks[first].start, toks[last].end
    return Mention(start, end, first, last + 1, "ORG", doc.text[start:end], 0.9)


def test_organisation_entities_become_actors_only_with_an_armed_head_word() -> None:
    doc = TextStage()(Doc(Article(id="o", text="هاجمت وكتائب الفجر ومنظمة الإغاثة الدولية المدينة.")))
    found = find_actors(doc.text, doc.tokens, [_org(doc, 1, 2), _org(doc, 3, 5)])
    orgs = [m for m in found if m.label == "ACTOR_ORG"]
    assert [m.text for m in orgs] == ["كتائب الفجر"]  # the conjunction is not part of the name
    assert orgs[0].actor is not None and orgs[0].actor.inter == 3
    assert doc.text[orgs[0].start : orgs[0].end] == orgs[0].text


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وهاجمت قوات المخلوع صالح مواقع الجيش.", "Houthis (Ansar Allah)"),  # its allies then
        ("وتقدمت قوات سوريا الديموقراطية في مدينة الرقة.", "Syrian Democratic Forces"),
        ("واشتبكت قوات حماية الشعب الكردية مع مسلحين.", "YPG: People's Protection Units"),
    ],
)
def test_spelling_variants_and_allies_of_known_actors(sentence: str, name: str) -> None:
    assert name in [a[1] for a in actors(sentence)]


def test_a_capital_named_as_a_place_is_not_its_state() -> None:
    assert [a[1] for a in actors("وقع انفجار في مدينة باريس وفي مدينة دمشق أمس.")] == []
    assert "Military Forces of Syria" in [a[1] for a in actors("واتهمت دمشق المعارضة بالهجوم.")]


@pytest.mark.parametrize(
    "sentence",
    ["اعتقلت القوات الفلسطينية ناشطا", "اعتقلت القوات الحكومية ناشطا", "اعتقل جهاز المخابرات ناشطا"],
)
def test_forces_named_with_a_nationality_or_as_the_governments_own_stay_that_states(sentence: str) -> None:
    doc = doc_of(sentence)
    m = find_actors(doc.text, doc.tokens)[0]
    assert resolve_inter(m, "PS").name == "Military Forces of Palestine"


def test_a_named_group_joined_by_and_stays_a_second_side() -> None:
    assert [a[1] for a in actors("اندلعت اشتباكات بين مسلحين والحوثيين", "YE")] == [
        "Unidentified Armed Group (Yemen)",
        "Houthis (Ansar Allah)",
    ]


def test_a_weapon_fired_with_is_not_the_army() -> None:
    # "المدفعية" alone names the army's artillery; "بالمدفعية" is only what the factions fired
    assert [a[1] for a in actors("قصفت فصائل المعارضة بالمدفعية الثقيلة مواقع في ريف حماة.", "SY")] == [
        "Syrian opposition factions"
    ]
    assert [a[1] for a in actors("قصفت المدفعية السورية مواقع في ريف حماة.", "SY")] == [
        "Military Forces of Syria"
    ]


def test_a_newspaper_named_after_a_state_capital_is_no_actor() -> None:
    from rasid.actors.match import find_actors
    from rasid.text import normalize, tokenize

    text = "وقال سكان محليون ل«الرياض» إن اشتباكات جرت بين المقاومة والحوثيين"
    found = [(m.text, m.country) for m in find_actors(text, tokenize(normalize(text)))]
    assert ("الرياض", "SA") not in found and ("والحوثيين", "YE") in found
