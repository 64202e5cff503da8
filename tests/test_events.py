"""Event extraction end to end on sentences written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from rasid.model import Article, Event
from rasid.pipeline import default_pipeline

PUB = dt.date(2024, 3, 14)  # a Thursday


def events_of(text: str, published: dt.date | None = PUB) -> list[Event]:
    return default_pipeline().extract(Article(id="t", text=text, published=published))


def only(text: str, published: dt.date | None = PUB) -> Event:
    events = events_of(text, published)
    assert len(events) == 1, [(e.sub_event_type, e.location and e.location.name) for e in events]
    return events[0]


@pytest.mark.parametrize(
    ("text", "sub_event_type", "weapon"),
    [
        ("شنت طائرات حربية غارات جوية على مدينة الرقة اليوم.", "Air/drone strike", "aircraft"),
        ("استهدفت غارة بطائرة مسيرة سيارة في مدينة مأرب أمس.", "Air/drone strike", "drone"),
        ("قصفت طائرة من دون طيار سيارة في مدينة مأرب أمس.", "Air/drone strike", "drone"),
        ("سقطت ثلاث قذائف هاون على حي في مدينة حلب أمس.", "Shelling/artillery/missile attack", "mortar"),
        ("سقطت صواريخ كاتيوشا قرب مطار بغداد فجر اليوم.", "Shelling/artillery/missile attack", "rocket"),
        (
            "انفجرت عبوة ناسفة بدورية للشرطة في مدينة كركوك صباح اليوم.",
            "Remote explosive/landmine/IED",
            "ied",
        ),
        ("انفجر لغم أرضي بسيارة مدنية في مدينة تعز أمس.", "Remote explosive/landmine/IED", "landmine"),
        ("فجر انتحاري حزاما ناسفا في سوق بمدينة الموصل أمس.", "Suicide bomb", "suicide_vest"),
        ("ألقى مجهولون قنبلة يدوية على منزل في مدينة البصرة أمس.", "Grenade", "grenade"),
        # the firing verb a few words before "الرصاص على"
        ("أطلق مسلحون مجهولون الرصاص على سيارة مدنية في مدينة تعز أمس.", "Attack", "firearm"),
        ("أطلقت القوات النار على المتظاهرين في مدينة غزة أمس.", "Protest with intervention", None),
        ("اندلعت اشتباكات بين الجيش ومسلحين في مدينة درعا أمس.", "Armed clash", "firearm"),
        ("اغتال مسلحون مجهولون ناشطا في مدينة البصرة أمس.", "Attack", "firearm"),
        ("خطف مسلحون طبيبا في مدينة الموصل أمس.", "Abduction/forced disappearance", None),
        ("تظاهر مئات الطلاب في مدينة الموصل اليوم احتجاجا على البطالة.", "Peaceful protest", None),
        ("اعتقلت الشرطة قياديا في تنظيم داعش في مدينة الموصل أمس.", "Arrests", None),
        ("اعترضت الدفاعات الجوية صاروخا باليستيا فوق مدينة جازان اليوم.", "Disrupted weapons use", "missile"),
        ("عثرت قوات الأمن على عبوة ناسفة قرب مدرسة في مدينة كركوك أمس.", "Disrupted weapons use", "ied"),
        # ground taken back
        (
            "تمكنت القوات الحكومية، الأحد، من استرداد مناطق واسعة في مديرية رازح بمحافظة صعدة.",
            "Government regains territory",
            None,
        ),
        ("استعادت القوات الحكومية بلدة البوكمال من تنظيم داعش أمس.", "Government regains territory", None),
        # evacuation and surrender deals
        (
            "وبدأ مقاتلو المعارضة، الأحد، الانسحاب من جيب في منطقة القلمون الشرقي، بموجب اتفاق استسلام مع الحكومة.",
            "Agreement",
            None,
        ),
        (
            "توصلت قوات النظام السوري والمعارضة، الخميس، إلى اتفاق يقضي بمغادرة المقاتلين من محافظة القنيطرة.",
            "Agreement",
            None,
        ),
        (
            "غادرت الدفعة الأولى من مقاتلي المعارضة مدينة دوما، الأحد، في إطار اتفاق توصلت إليه روسيا مع جيش الإسلام.",
            "Agreement",
            None,
        ),
    ],
)
def test_sub_event_types(text: str, sub_event_type: str, weapon: str | None) -> None:
    event = only(text)
    assert event.sub_event_type == sub_event_type
    assert event.weapon == weapon


def test_rocket_report_with_zero_casualties_and_evidence_spans() -> None:
    text = "وسقط صاروخان في بغداد فجر الخميس، دون وقوع إصابات."
    event = only(text)
    assert event.date == PUB
    assert event.location is not None and event.location.name == "Baghdad"
    assert (event.fatalities, event.injured) == (0, 0)
    assert event.evidence is not None and event.evidence.text == text
    for span in event.spans.values():
        assert text[span.start : span.end] == span.text
    assert event.spans["date"].text == "فجر الخميس"
    assert event.notes and event.notes.startswith("On 14 March 2024")


@pytest.mark.parametrize(
    ("text", "killed", "injured"),
    [
        ("قتل 14 شخصا وأصيب 30 آخرون في قصف على مدينة حمص أمس.", 14, 30),
        ("أسفر قصف على مدينة حمص أمس عن سقوط قتيلين وإصابة خمسة أشخاص.", 2, 5),
        ("قتل ثلاثة وعشرون مدنيا بينهم سبعة أطفال في غارات على مدينة إدلب أمس.", 23, None),
        ("قتل جنديان في انفجار عبوة ناسفة بمدينة الموصل أمس.", 2, None),
        ("أدى انفجار عبوة ناسفة في مدينة الموصل أمس إلى مقتل جندي.", 1, None),
        ("ذكرت الشرطة أن جنديا قتل حين انفجر لغم أرضي بآليته قرب مدينة الموصل أمس.", 1, None),
        # one named person, after a title
        ("أعلنت الوزارة مقتل الملا فضل الله في غارة جوية في ولاية كونار أمس.", 1, None),
        ("لقي القيادي الحوثي أبو تراب مصرعه في غارة جوية في مديرية باقم أمس.", 1, None),
        # A number across a comma counts something else ("مليون مغرد"), not the victims.
        ("انفجرت عبوة ناسفة في مدينة الموصل أمس، وكتب نحو مليون مستخدم يترحمون على الضحايا.", None, None),
    ],
)
def test_casualty_phrases(text: str, killed: int | None, injured: int | None) -> None:
    event = only(text)
    assert (event.fatalities, event.injured) == (killed, injured)


@pytest.mark.parametrize(
    "text",
    [
        "هدد الجيش بقصف مدينة الرقة.",
        "نفت وزارة الدفاع شن غارات على مدينة إدلب أمس.",
        # the weak word in the relative clause of the word the modal took back
        "اتهمت سوريا إسرائيل بالمسؤولية عن الغارة التي استهدفت مطارا عسكريا قرب مدينة حمص أمس.",
        "اتهمت سوريا إسرائيل بالمسؤولية عن الغارة، والتي استهدفت مطارا عسكريا قرب مدينة حمص أمس.",
        "قد يشن التحالف غارات على مدينة الحديدة.",
        "توعدت الجماعة بتنفيذ هجمات انتحارية في بغداد.",
        "دعا المجلس إلى وقف القصف على مدينة حلب.",
        "ومنذ مطلع العام، استهدف نحو خمسين هجوما مصالح أجنبية في بغداد.",
        "افتتح في الرياض اليوم معرض للكتاب بمشاركة ألف دار نشر.",
        "ستقصف الطائرات مواقع في مدينة الرقة.",
        "تنظم نقابات العمال مظاهرات مزمعة في مدينة عمان يوم الأحد.",
        "أطلق ناشطون وسم #تفجير_سوق_الموصل للتضامن مع أهالي المدينة أمس.",
        "نظمت مجموعة «أوقفوا القصف» لقاء في مدينة بيروت أمس.",
        "فرضت الحكومة عقوبات على شركات تدعم برنامج الأسلحة الكيميائية في مدينة دمشق أمس.",
        "قتل 300 شخص في غارات على مدينة إدلب في الأيام العشرة الماضية.",
        "تواصل القوات معركة تحرير مدينة الحديدة وسط تعزيزات كبيرة اليوم.",
        "التقى رئيس تحرير الصحيفة وفدا في مدينة الموصل أمس.",
        "وقع اشتباك كلامي بين نائبين في مدينة بغداد أمس.",
        "التقى وفد من منظمة التحرير الفلسطينية مسؤولين في مدينة رام الله أمس.",
        "أعلنت أنقرة أن عملية «غصن الزيتون» في مدينة عفرين تسير وفق الخطة اليوم.",
        # a disruption verb that stops no weapon
        "اعترضت روسيا على مشروع القرار في مجلس الأمن في نيويورك أمس.",
        "صوت البرلمان على إسقاط عضوية النائب في بغداد أمس.",
        "وأدت عاصفة لاقتلاع أشجار، وإسقاط أعمدة كهرباء، وهبوط طائرات، وتوقف قطارات في العاصمة نيودلهي، الأحد.",
        # a law annulled, a food store found, restraint urged, a thief shot
        "أبطل البرلمان قانون الانتخابات في مدينة بغداد أمس.",
        "عثر الجيش على مخزن للمواد الغذائية في مدينة الموصل أمس.",
        "دعت الحكومة إلى ضبط النفس وعدم استخدام الأسلحة في مدينة عدن أمس.",
        "أطلقت الشرطة الرصاص على لص في مدينة البصرة أمس.",
        # words in another sense: a cyber attack, a song
        "انتقد الوزير روسيا بسبب هجوم إلكتروني استهدف وزارته في برلين أمس.",
        'قال المصدر إن أغنية "الرجل الصاروخ" كانت موضع حوار بين الزعيمين في سنغافورة أمس.',
        "أحبط حرس الحدود أمس محاولة تسلل 40 مهاجرا قرب مدينة الرمثا.",  # migrants, not fighters
        "استولى مسلحون مجهولون أمس على سيارة إسعاف في مدينة درنة.",  # property, not ground
    ],
)
def test_not_events(text: str) -> None:
    assert events_of(text) == []


def test_one_event_per_town_day_and_sub_type() -> None:
    text = (
        "سقط صاروخ على حي المنصور في بغداد فجر الخميس. "
        "وسقط صاروخ آخر في حي الكرادة ببغداد في الوقت نفسه. "
        "وفي أربيل سقط صاروخ ثالث فجر الخميس."
    )
    events = events_of(text)
    assert sorted(e.location.name for e in events if e.location) == ["Baghdad", "Erbil"]


def test_background_event_with_explicit_date() -> None:
    text = (
        "قصفت طائرات حربية مدينة الرقة اليوم. وكانت غارات مماثلة قد استهدفت المدينة في 3 كانون الثاني/يناير."
    )
    events = sorted(events_of(text), key=lambda e: e.date or dt.date.min)
    assert [e.date for e in events] == [dt.date(2024, 1, 3), PUB]
    assert [e.background for e in events] == [True, False]


def test_without_publication_date_relative_dates_stay_unresolved() -> None:
    event = only("سقطت قذائف هاون على مدينة حلب أمس.", published=None)
    assert event.date is None


def test_protest_met_with_deadly_force() -> None:
    event = only("قتل ثلاثة متظاهرين برصاص قوات الأمن خلال تظاهرة في مدينة الناصرية اليوم.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1 is not None and event.actor1.inter == 6


def test_interaction_of_state_air_strike_on_rebels() -> None:
    event = only("شنت طائرات الجيش السوري غارات على مواقع هيئة تحرير الشام في مدينة إدلب اليوم.")
    assert event.interaction == "12"


def test_a_verb_that_starts_like_the_future_tense_is_no_future() -> None:
    event = only("سيطر الجيش العراقي على بلدة القائم اليوم بعد معارك عنيفة.")
    assert event.event_type == "Battles"


def test_a_toll_beside_an_arrest_belongs_to_the_clash() -> None:
    events = events_of(
        "قتل خمسة مسلحين في تبادل لإطلاق النار مع الشرطة التي داهمت مخبأهم لاعتقالهم في مدينة الموصل أمس."
    )
    by_type = {e.sub_event_type: e for e in events}
    assert by_type["Armed clash"].fatalities == 5
    assert "Arrests" not in by_type or by_type["Arrests"].fatalities is None


def _interaction(event: Event) -> int:
    codes = sorted(a.inter for a in (event.actor1, event.actor2) if a is not None)
    return codes[0] * 10 + (codes[1] if len(codes) > 1 else 0)


def test_a_roadside_bomb_that_hits_soldiers_has_an_unknown_perpetrator() -> None:
    event = only("قتل جنديان من الجيش العراقي بانفجار عبوة ناسفة استهدفت دوريتهما في مدينة الموصل أمس.")
    assert event.actor2 is not None and event.actor2.inter == 1
    assert event.actor1 is not None and event.actor1.name == "Unidentified armed group"
    assert _interaction(event) == 13


def test_the_group_that_claimed_the_attack_is_its_perpetrator() -> None:
    text = (
        "قتل خمسة من عناصر الشرطة بتفجير انتحاري استهدف حاجزا في مدينة الرمادي أمس. "
        "وأعلن تنظيم داعش مسؤوليته عن التفجير في بيان."
    )
    event = only(text)
    assert event.sub_event_type == "Suicide bomb"
    assert event.actor1 is not None and event.actor1.name == "Islamic State"
    assert _interaction(event) == 12


def test_strikes_of_a_state_hit_the_group_the_article_is_about() -> None:
    text = (
        "شن طيران التحالف غارات جوية على مواقع في مدينة صعدة صباح اليوم. "
        "وكان الحوثيون قد صعدوا هجماتهم على الحدود، فيما يسيطر الحوثيون على المحافظة."
    )
    strikes = [e for e in events_of(text) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1
    assert strikes[0].actor2 is not None and strikes[0].actor2.name == "Houthis (Ansar Allah)"


def test_gunmen_attacking_civilians_is_violence_against_civilians() -> None:
    event = only("هاجم مسلحون مجهولون حافلة ركاب مدنيين قرب مدينة كركوك أمس ما أدى إلى مقتل ثلاثة أشخاص.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.weapon == "firearm" and event.fatalities == 3
    assert event.actor2 is not None and event.actor2.inter == 7


def test_the_attack_that_a_later_sentence_names_is_the_same_suicide_bombing() -> None:
    text = (
        "فجر انتحاري حزاما ناسفا في سوق بمدينة الرمادي صباح اليوم ما أسفر عن مقتل سبعة أشخاص. "
        "وأدى الهجوم في الرمادي اليوم إلى مقتل سبعة أشخاص وإصابة عشرين."
    )
    events = events_of(text)
    assert [e.sub_event_type for e in events] == ["Suicide bomb"]
    assert events[0].injured == 20


def test_a_missile_strike_is_placed_where_it_landed_not_where_it_was_launched() -> None:
    event = only(
        "أطلقت القوات الإيرانية صواريخ من مدينة الأهواز على مواقع في مدينة البوكمال السورية فجر اليوم."
    )
    assert event.location is not None and event.location.name != "Ahvaz"


def test_a_while_clause_tells_of_its_own_place() -> None:
    events = events_of(
        "شنت طائرات التحالف غارات على مواقع قرب مدينة صعدة أمس، فيما سقطت قذائف أطلقت من الجانب اليمني "
        "في مناطق غير مأهولة بمنطقة نجران."
    )
    places = {e.sub_event_type: e.location and e.location.name for e in events}
    assert places == {"Air/drone strike": "Sa'dah", "Shelling/artillery/missile attack": "Najran Region"}


@pytest.mark.parametrize(
    "text",
    [
        "قتل مدنيان بالرصاص في حي بمدينة كركوك أمس.",
        "قتل ثلاثة أشخاص في إطلاق نار داخل سوق بمدينة كركوك أمس.",
    ],
)
def test_shot_dead_is_a_shooting(text: str) -> None:
    event = only(text)
    assert (event.sub_event_type, event.weapon) == ("Attack", "firearm")


def test_police_shot_dead_by_unnamed_gunmen_fought_an_unidentified_group() -> None:
    event = only("لقي شرطيان مصرعهما بالرصاص في مدينة كركوك أمس.")
    assert event.sub_event_type == "Armed clash"
    assert (event.actor1.name, event.actor2.name) == ("Unidentified armed group", "Police Forces of Iraq")
    assert event.fatalities == 2


def test_an_event_placed_only_in_a_country_is_kept_only_with_victims() -> None:
    assert events_of("شنت طائرات التحالف غارات جوية على اليمن أمس، بحسب بيان للقيادة.") == []
    assert events_of("نفذت القوات الأمريكية ضربات جوية في سوريا أمس ضد مواقع لتنظيم داعش.") == []
    event = only("قتل خمسة مدنيين في غارة جوية في سوريا أمس.")
    assert (event.location.name, event.fatalities) == ("Syria", 5)


def test_the_authorities_that_told_of_an_attack_did_not_commit_it() -> None:
    event = only("أعلنت السلطات الكندية، الجمعة، مقتل 4 أشخاص على الأقل في حادث إطلاق نار في مدينة تورونتو.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "37")


def test_a_nationality_that_describes_a_quarter_names_no_state() -> None:
    event = only("قتل شخصان وأصيب 13 آخرون في هجوم مسلح بالحي اليوناني في مدينة تورونتو الأحد.")
    assert (event.actor1.name, event.actor2.name) == ("Unidentified armed group", "Civilians (Canada)")


def test_a_country_after_a_number_counts_its_people() -> None:
    event = only("قتل 38 سائحا أجنبيا، من بينهم 30 بريطانيا، في هجوم مسلح قرب مدينة سوسة أمس.")
    assert event.interaction == "37"


def test_a_town_of_the_country_the_article_names_by_its_nisba_is_placed() -> None:
    text = (
        "أعلن سلاح الجو الإسرائيلي عن تنفيذ غارات على مواقع تابعة لحماس في غزة مساء الثلاثاء. "
        "وطالبت الحكومة الفلسطينية بتدخل دولي، فيما دعت الولايات المتحدة إلى اجتماع لمجلس الأمن بشأن "
        "الهجمات الفلسطينية على إسرائيل."
    )
    assert [e.location.name for e in events_of(text) if e.sub_event_type == "Air/drone strike"] == ["Gaza"]


@pytest.mark.parametrize(
    "text",
    [
        "تظاهر الآلاف أمس في البصرة والموصل وكركوك وأربيل احتجاجا على البطالة.",
        'تظاهر الآلاف أمس في مدن البصرة "جنوب" والموصل "شمال" وكركوك وأربيل احتجاجا على البطالة.',
    ],
)
def test_each_town_a_protest_list_names_has_its_protest(text: str) -> None:
    assert [e.location.name for e in events_of(text)] == ["Basrah", "Mosul", "Kirkuk", "Erbil"]


def test_a_protest_list_of_a_week_is_not_spread_over_its_towns() -> None:
    text = "وخلال الأسبوع الماضي تظاهر الآلاف في البصرة والموصل وكركوك وأربيل احتجاجا على البطالة."
    assert len(events_of(text)) <= 1


def test_a_missile_that_warplanes_destroyed_is_no_missile_attack() -> None:
    text = "دمرت طائرات التحالف، الخميس، صاروخا كانت ميليشيات الحوثي تستعد لإطلاقه في مديرية سحار."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    for second in ("، وأطلق الحوثيون صواريخ على مدينة جازان.", "، فيما سقطت صواريخ حوثية على مدينة جازان."):
        text = "دمرت مقاتلات التحالف آليات للحوثيين في مدينة صعدة أمس" + second
        assert sorted(e.sub_event_type for e in events_of(text)) == [
            "Air/drone strike",
            "Shelling/artillery/missile attack",
        ], second


def test_the_sides_of_a_while_clause_are_its_own() -> None:
    text = "قصفت القوات السورية مواقع في مدينة إدلب أمس، في حين أطلق مسلحون قذائف على مدينة حلب."
    by_place = {e.location.name: (e.actor1.name, e.actor2) for e in events_of(text)}
    assert by_place == {
        "Idlib": ("Military Forces of Syria", None),
        "Aleppo": ("Unidentified Armed Group (Syria)", None),
    }
    text = "قصفت القوات السورية مدينة حلب أمس، فيما قصفت مدينة إدلب."  # no side named: the first part's
    assert {e.actor1.name for e in events_of(text)} == {"Military Forces of Syria"}


def test_the_toll_of_a_while_clause_with_its_own_event_is_its_own() -> None:
    text = "قصفت القوات السورية مدينة حلب أمس، بينما قتل مدنيان في غارة على مدينة إدلب."
    assert {e.location.name: e.fatalities for e in events_of(text)} == {"Aleppo": None, "Idlib": 2}
    text = "قصفت الطائرات بلدة سراقب أمس، فيما قتل خمسة مدنيين."  # no event word: the first part's toll
    assert only(text).fatalities == 5


def test_a_ceasefire_named_without_the_article_is_no_shooting() -> None:
    from rasid.events.stage import EventStage
    from rasid.pipeline import Pipeline

    text = "أعلنت قوات النظام وفصائل المعارضة وقفا لإطلاق النار في مدينة إدلب أمس."
    doc = EventStage(use_classifier=False)(
        Pipeline(exclude=("events",))(Article(id="t", text=text, published=PUB))
    )
    assert [e.sub_event_type for e in doc.events] == ["Agreement"]


@pytest.mark.parametrize(
    "text",
    [
        "قتل رجل زوجته بطلق ناري في خلاف عائلي في مدينة الزرقاء أمس.",
        "أصيب طفل بعيار ناري طائش خلال حفل زفاف في مدينة الزرقاء أمس.",
    ],
)
def test_a_shot_in_a_family_quarrel_or_a_wedding_is_no_event(text: str) -> None:
    assert events_of(text) == []


def test_a_state_announcing_its_own_executions_is_still_no_attack() -> None:
    assert events_of("أعلنت السلطات الإيرانية إعدام 3 معارضين في مدينة الأهواز أمس.") == []


def test_a_year_before_a_country_counts_no_people() -> None:
    event = only("وبحسب تقرير 2019 مصر تواجه تحديات. وقتل جنديان في هجوم على مدينة العريش أمس.")
    assert (event.sub_event_type, event.interaction) == ("Armed clash", "13")


def test_protesters_named_as_an_object_are_no_protest() -> None:
    assert events_of("طالبت منظمات حقوقية بوقف استخدام الرصاص الحي ضد المتظاهرين في مدينة غزة.") == []
    assert events_of("بدأ الوزير زيارة إلى مدينة لندن احتجاجا على قرار الحكومة.") == []


def test_a_patron_named_in_a_modifier_takes_no_part() -> None:
    event = only("اندلعت اشتباكات عنيفة بين الجيش اليمني وميليشيات الحوثي الموالية لإيران في مدينة تعز أمس.")
    names = {a.name for a in (event.actor1, event.actor2) if a is not None}
    assert not any("Iran" in n for n in names)
    assert _interaction(event) == 12
    # The next conjunct after the patron is a party again.
    clash = only("اندلعت اشتباكات عنيفة بين الفصائل الموالية لتركيا وقوات سوريا الديمقراطية في ريف منبج أمس.")
    assert "Syrian Democratic Forces" in {a.name for a in (clash.actor1, clash.actor2) if a is not None}


def test_two_forces_of_one_state_are_one_side() -> None:
    event = only("اعتقلت قوات الأمن والجيش المصري خمسة مطلوبين في مدينة العريش أمس.")
    assert event.sub_event_type == "Arrests"
    assert not (event.actor1 and event.actor2 and event.actor1.inter == event.actor2.inter == 1)


def test_force_against_protesters_named_elsewhere_in_the_article() -> None:
    text = (
        "قالت الشرطة الأردنية إنها ستمنع أي تجمع غير مرخص. "
        "وأصيب عشرة متظاهرين بالرصاص خلال مظاهرة في مدينة إربد اليوم. "
        "وأكدت الشرطة الأردنية أنها فتحت تحقيقا."
    )
    protests = [e for e in events_of(text) if e.event_type == "Protests"]
    assert len(protests) == 1 and protests[0].sub_event_type == "Excessive force against protesters"
    assert protests[0].actor2 is not None and protests[0].actor2.inter == 1


def test_tear_gas_canisters_are_no_bombs() -> None:
    event = only("أطلقت الشرطة قنابل الغاز المسيل للدموع على المتظاهرين في مدينة عمان اليوم.")
    assert event.sub_event_type == "Protest with intervention"
    assert event.actor2 is not None and event.actor2.name == "Police Forces of Jordan"


def test_protesters_met_with_force_or_arrests_take_the_protest_sub_types() -> None:
    shot = only("أطلقت الشرطة الرصاص على المحتجين في مدينة الناصرية أمس فقتلت ثلاثة منهم.")
    assert (shot.sub_event_type, shot.fatalities) == ("Excessive force against protesters", 3)
    dispersed = only("فرقت قوات الأمن المتظاهرين في مدينة البصرة أمس واعتقلت عشرين منهم.")
    assert dispersed.sub_event_type == "Protest with intervention"


def test_a_state_that_sets_off_a_charge_itself_is_its_perpetrator() -> None:
    event = only("فجر الجيش الإسرائيلي عبوة ناسفة في منزل أسير فلسطيني في مدينة جنين فجر اليوم.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Israel"


def test_a_denied_responsibility_is_no_claim() -> None:
    text = "قتل ثلاثة مدنيين في انفجار عبوة ناسفة في مدينة العريش أمس. ونفى تنظيم داعش أي مسؤولية عن التفجير."
    assert only(text).actor1 is not None and only(text).actor1.name == "Unidentified armed group"


def test_rival_governments_of_one_state_are_two_sides() -> None:
    event = only("اندلعت اشتباكات عنيفة بين قوات حفتر وقوات حكومة الوفاق في جنوب طرابلس أمس.")
    assert event.actor1 is not None and event.actor2 is not None


def test_a_battle_the_same_day_is_not_folded_into_an_air_strike() -> None:
    text = (
        "شنت طائرات التحالف غارات جوية على مدينة مأرب أمس. "
        "وفي اليوم نفسه هاجم مسلحون حوثيون مواقع للجيش اليمني في مأرب وقتل أربعة جنود."
    )
    assert sorted(e.sub_event_type for e in events_of(text)) == ["Air/drone strike", "Armed clash"]


def test_the_source_of_a_report_takes_no_part() -> None:
    event = only("قالت مصادر في الحكومة الأمريكية إن طائرات حربية قصفت مدينة دير الزور أمس.")
    assert not any(a is not None and "United States" in a.name for a in (event.actor1, event.actor2))


def test_ground_taken_after_battles_is_a_change_of_territory() -> None:
    event = only("استعادت القوات الحكومية السيطرة على بلدة القريتين بعد معارك عنيفة مع تنظيم داعش أمس.")
    assert event.sub_event_type == "Government regains territory"


def test_a_soldier_killed_by_a_mine_is_its_victim() -> None:
    event = only("وذكرت تقارير تركية أن جنديا قتل في إقليم ماردين حينما انفجر لغم أرضي في عربة عسكرية أمس.")
    assert event.actor2 is not None and event.actor2.inter == 1
    assert event.actor1 is not None and event.actor1.inter == 3


def test_shooting_is_an_attack_on_civilians_a_clash_with_armed_men_and_force_at_a_protest() -> None:
    on_civilians = only("قتل مدنيان برصاص قناص في حي بمدينة تعز صباح اليوم.")
    assert (on_civilians.sub_event_type, on_civilians.weapon) == ("Attack", "firearm")
    on_police = only("أطلق مسلحون النار على دورية للشرطة في مدينة العريش أمس ما أدى إلى مقتل شرطيين.")
    assert on_police.sub_event_type == "Armed clash"
    at_protest = only("قتل ثلاثة متظاهرين برصاص قوات الأمن خلال مظاهرة في مدينة البصرة اليوم.")
    assert at_protest.sub_event_type == "Excessive force against protesters"
    assert events_of("طالبت منظمات حقوقية لوقف استخدام الرصاص الحي في مدينة غزة اليوم.") == []


def test_the_other_side_is_looked_for_past_forces_of_the_same_state() -> None:
    event = only(
        "أعلنت وزارة الداخلية المصرية أن خمسة عناصر من حركة حسم قتلوا في تبادل إطلاق نار مع قوات الأمن "
        "في محافظة القليوبية شمال القاهرة أمس."
    )
    assert {event.actor1.name, event.actor2.name} == {"Police Forces of Egypt", "Hasm Movement"}


def test_the_place_in_the_triggers_clause_before_a_town_in_another_clause() -> None:
    event = only(
        "أطلقت القوات الإسرائيلية الرصاص الحي على المتظاهرين على حدود قطاع غزة، "
        "تزامنا مع افتتاح السفارة الأمريكية في القدس، اليوم."
    )
    assert event.location is not None and event.location.name != "Jerusalem"


def test_the_victims_of_a_gas_attack_are_civilians_unless_named() -> None:
    event = only("قتل 30 شخصا في هجوم كيميائي على بلدة اللطامنة في ريف حماة أمس.")
    assert event.sub_event_type == "Chemical weapon"
    assert event.actor2 is not None and event.actor2.inter == 7


def test_an_air_strike_on_the_day_of_a_protest_stays_its_own_event() -> None:
    text = (
        "تظاهر آلاف الفلسطينيين قرب الحدود في قطاع غزة اليوم. "
        "وشنت طائرات إسرائيلية غارات على قطاع غزة اليوم أدت إلى مقتل ثلاثة مدنيين."
    )
    subs = sorted(e.sub_event_type for e in events_of(text))
    assert "Air/drone strike" in subs and any(
        s in subs for s in ("Peaceful protest", "Excessive force against protesters")
    )


def test_where_a_source_is_based_is_no_event_place() -> None:
    events = events_of(
        "قال المرصد السوري لحقوق الإنسان ومقره بريطانيا إن ثلاثة مدنيين قتلوا في غارة جوية على ريف إدلب أمس."
    )
    assert events and all(e.location is not None and e.location.country == "SY" for e in events)


def test_the_day_a_period_began_does_not_date_the_next_sentence() -> None:
    text = (
        "تتواصل الاحتجاجات في قطاع غزة منذ انطلاقها في 30 آذار/مارس. "
        "وقتل فلسطينيان برصاص الجيش الإسرائيلي قرب السياج في قطاع غزة."
    )
    events = [e for e in events_of(text, dt.date(2018, 5, 14)) if e.fatalities == 2]
    assert events and all(e.date != dt.date(2018, 3, 30) for e in events)


@pytest.mark.parametrize(
    ("text", "place", "days_before"),
    [
        (  # the day things happened, not the day they were told
            "قتل خمسة أشخاص في انفجار سيارة مفخخة في مدينة الموصل أول أمس، بحسب ما أفادت مصادر أمنية أمس. "
            "وأصيب ثلاثة جنود في انفجار عبوة ناسفة في مدينة تكريت.",
            "Tikrit",
            2,
        ),
        (  # the event's own day, even right after a speech verb
            "في أعقاب اجتماع عقد الأحد، أعلن الجيش أمس مقتل خمسة مسلحين في اشتباكات في درنة. "
            "وقتل جندي في انفجار لغم في سرت.",
            "Sirte",
            1,
        ),
        (  # the event's day (Sunday), not that of another thing named (Saturday)
            "تجددت الغارات الجوية على مدينة دوما، الأحد، رغم الهدنة التي أعلنت السبت. "
            "وقتل عشرة مدنيين في غارة جوية على بلدة حرستا.",
            "Harasta",
            4,
        ),
    ],
)
def test_the_next_sentence_takes_the_day_of_the_event_before_it(
    text: str, place: str, days_before: int
) -> None:
    by_place = {e.location.name: e.date for e in events_of(text) if e.location is not None}
    assert by_place.get(place) == PUB - dt.timedelta(days=days_before)


def test_a_command_named_after_its_area_is_no_event_place() -> None:
    events = events_of("أعلنت قيادة عمليات بغداد مقتل سبعة مسلحين في اشتباكات في مدينة الفلوجة أمس.")
    assert events and all(e.location is not None and e.location.name != "Baghdad" for e in events)


def test_a_group_fighting_beside_the_army_regains_ground_for_the_government() -> None:
    event = only("تمكنت قوات الجيش اليمني والمقاومة الشعبية من السيطرة على مديرية حيس في محافظة الحديدة أمس.")
    assert event.sub_event_type == "Government regains territory"


def test_an_intercepted_missile_is_disrupted_weapons_use_only() -> None:
    event = only(
        "أطلقت الميليشيات صاروخا باليستيا باتجاه مدينة جازان اعترضته الدفاعات الجوية السعودية اليوم."
    )
    assert (event.sub_event_type, event.weapon) == ("Disrupted weapons use", "missile")
    shot_down = events_of("قصفت المدفعية مواقع في مدينة إدلب وأسقطت طائرة مسيرة اليوم.")
    assert sorted((e.sub_event_type, e.weapon) for e in shot_down) == [
        ("Disrupted weapons use", "drone"),
        ("Shelling/artillery/missile attack", "artillery"),
    ]


def test_the_base_jets_took_off_from_is_no_event_place() -> None:
    event = only("شنت مقاتلات تركية أقلعت من قاعدة ديار بكر غارات على مواقع في جبال قنديل شمال العراق أمس.")
    assert event.location is not None and event.location.country == "IQ"


def test_a_named_base_in_a_province_is_where_the_jets_took_off() -> None:
    event = only(
        "وشنت مقاتلات تركية انطلقت من قاعدة إنجرليك في ولاية أضنة غارات فجر الجمعة على مواقع لداعش في ريف حلب."
    )
    assert (event.location.country, event.actor1.inter) == ("SY", 8)


def test_a_struck_weapons_depot_is_the_target_of_the_strike() -> None:
    event = only("شنت طائرات التحالف غارة استهدفت مستودع أسلحة للميليشيات في مدينة صعدة اليوم.")
    assert event.sub_event_type == "Air/drone strike"
    assert (
        only("عثرت القوات الأمنية على مخزن أسلحة في مدينة الموصل اليوم.").sub_event_type
        == "Disrupted weapons use"
    )


def test_ground_taken_by_a_militia_allied_to_the_state_is_regained_for_the_government() -> None:
    event = only("سيطرت المقاومة الشعبية على مديرية حيس في محافظة الحديدة أمس بعد طرد الحوثيين منها.")
    assert event.sub_event_type == "Government regains territory"


def test_unattributed_air_strikes_are_flown_by_the_air_force_of_that_war() -> None:
    # Yemen: the coalition flies; the Houthis the sentence names are what was hit.
    yemen = only("استهدفت غارات جوية مكثفة مواقع الحوثيين في مديرية باقم بمحافظة صعدة أمس.")
    assert yemen.actor1 is not None and yemen.actor1.name == "Saudi-led coalition"
    assert yemen.interaction == "28"
    # A government's ground force beside the strikes is not the one that flew them.
    ground = only("قال الجيش اليمني إن غارات جوية دمرت آليات للحوثيين في مديرية حرض أمس.")
    assert ground.interaction == "28"
    # Syria: the government's air force, not the rebels the sentence names.
    syria = only(
        "قصف الطيران المروحي بالبراميل المتفجرة مواقع الفصائل المعارضة في مدينة سراقب بريف إدلب أمس."
    )
    assert syria.actor1 is not None and syria.actor1.inter == 1


def test_a_district_placed_by_a_bearing_from_the_capital_is_the_events_place() -> None:
    event = only("قتل ثلاثة حوثيين في اشتباكات مع المقاومة في مديرية أرحب شمال العاصمة اليمنية صنعاء أمس.")
    assert event.location is not None and event.location.name == "Arhab"
    # "في العاصمة التركية أنقرة" is where it happened, not a state that acts
    defused = only("أبطل خبراء متفجرات مفعول عبوة ناسفة قرب مقر حزب في العاصمة التركية أنقرة أمس.")
    assert defused.sub_event_type == "Disrupted weapons use"
    assert defused.location is not None and defused.location.name == "Ankara"


@pytest.mark.parametrize(
    "text",
    [
        "شنت طائرات حربية مجهولة غارات على مواقع قوات النظام في ريف مدينة حمص أمس.",
        "قصفت طائرات حربية مطارا عسكريا قرب مدينة حمص أمس، قتل فيها 14 عنصرا من قوات النظام.",
        "سقط العشرات من القوات السورية بين قتيل وجريح في غارات جوية على مدينة حمص أمس.",
    ],
)
def test_the_air_force_of_that_war_does_not_strike_its_own_forces(text: str) -> None:
    event = only(text)
    assert event.actor1 is None or "Syria" not in event.actor1.name
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Syria"


def test_a_gas_attack_is_the_accused_state_against_civilians() -> None:
    event = only(
        "قال ناشطون إن هجوما بغاز الكلور استهدف مدينة سراقب أمس وأدى إلى مقتل 12 شخصا، "
        "واتهمت الحكومة الفرنسية القوات السورية بشنه."
    )
    assert event.sub_event_type == "Chemical weapon"
    assert event.interaction == "17"


def test_people_arrested_are_civilians_unless_their_group_is_named() -> None:
    event = only("اعتقلت الشرطة الألمانية رجلا في مدينة كولونيا أمس.")
    assert event.sub_event_type == "Arrests" and event.interaction == "17"
    members = only("اعتقلت الشرطة العراقية ثلاثة من عناصر تنظيم داعش في مدينة كركوك أمس.")
    assert members.interaction == "12"


def test_a_state_force_in_a_battle_fights_someone() -> None:
    event = only("خاضت قوات الجيش اليمني معارك عنيفة في مديرية الظاهر أمس.")
    assert event.event_type == "Battles"
    assert event.interaction == "13"  # against an unnamed group


def test_forces_that_stopped_an_attacker_are_not_its_perpetrator() -> None:
    event = only(
        "أطلقت الشرطة النار على المهاجم بعد أن طعن شخصين بسكين في محطة القطارات بمدينة أمستردام أمس."
    )
    assert event.sub_event_type == "Attack"
    assert event.interaction == "37"
    told = only("قالت الشرطة إن انتحاريين فجرا نفسيهما في كنيسة بمدينة سورابايا أمس ما أدى إلى مقتل شخصين.")
    assert told.interaction == "37"


def test_a_count_of_the_wounded_before_a_bombing_is_no_count_of_bombings() -> None:
    event = only("قتل اثنان من الجنود وأصيب 24 في تفجير انتحاري في ولاية أغري خلال ليل أمس.")
    assert event.sub_event_type == "Suicide bomb" and event.injured == 24
    assert events_of("نفذ التنظيم نحو خمسين هجوما في ولاية أغري منذ مطلع العام.") == []


def test_an_interception_is_the_defender_against_the_side_that_fired() -> None:
    syria = only(
        "قالت وكالة الأنباء الرسمية إن الدفاعات الجوية السورية تصدت لصاروخين إسرائيليين "
        "ودمرتهما في منطقة الكسوة بريف دمشق أمس."
    )
    assert syria.sub_event_type == "Disrupted weapons use"
    assert syria.interaction == "18"  # Syria at home against Israel's missiles
    saudi = only(
        "أعلن الجيش أن الدفاع الجوي السعودي اعترض صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان أمس."
    )
    assert saudi.interaction == "12"


def test_police_that_only_told_of_a_bombing_are_not_its_target() -> None:
    told = only(
        "قالت الشرطة الأفغانية إن تفجيرا انتحاريا نفذته حركة طالبان قتل ستة مدنيين في مدينة قندهار أمس."
    )
    assert told.actor1 is not None and told.actor1.name == "Taliban"
    assert told.interaction == "27"


def test_two_reports_of_one_toll_are_one_incident() -> None:
    text = (
        "تصاعد العنف في تركيا مع وقوع عملية انتحارية استهدفت مركزا للدرك وأوقعت قتيلين و24 جريحا. "
        "وقال مكتب الحاكم إن اثنين من الجنود قتلا وأصيب 24 في تفجير انتحاري في ولاية أغري أمس."
    )
    bombings = [e for e in events_of(text) if e.sub_event_type == "Suicide bomb"]
    assert len(bombings) == 1
    assert (bombings[0].fatalities, bombings[0].injured) == (2, 24)
    assert bombings[0].date == PUB - dt.timedelta(days=1)  # the day the second report gives


def test_what_follows_a_trigger_ending_with_its_preposition_is_the_target() -> None:
    text = (
        "أطلق جنود الاحتلال النار على الشخصين يوم الاثنين، عندما قتلت القوات الإسرائيلية 59 فلسطينيا في غزة."
    )
    event = only(text)
    assert (event.actor1.name, event.actor2.inter) == ("Military Forces of Israel", 7)


def test_the_owner_of_what_fire_is_aimed_at_is_the_target_not_the_shooter() -> None:
    event = only("أطلق مسلحون مجهولون النار على سيارة للجيش في مدينة الرمادي أمس.")
    assert (event.sub_event_type, event.actor1.inter, event.actor2.name) == (
        "Armed clash",
        3,
        "Military Forces of Iraq",
    )


def test_a_gunman_who_shoots_at_a_bus_attacks_civilians_and_wounds_whom_he_hit() -> None:
    event = only("أطلق مسلح النار على حافلة فقتل اثنين وأصاب ثلاثة آخرين في مدينة الخليل أمس.")
    assert (event.sub_event_type, event.actor2.inter, event.fatalities, event.injured) == ("Attack", 7, 2, 3)


def test_houses_hit_are_not_people_wounded() -> None:
    event = only("وأصابت القذائف 3 منازل في مدينة الرمادي أمس.")
    assert event.injured is None


def test_a_lam_group_after_the_target_place_still_flew_the_strike() -> None:
    event = only("قتل خمسة مدنيين في غارات على إدلب للطيران الروسي أمس.")
    assert event.actor1.name == "Military Forces of Russia"


def test_the_militia_a_crowd_marched_against_is_not_the_side_that_shot() -> None:
    event = only("تظاهر المئات ضد ميليشيا عصائب أهل الحق في مدينة البصرة الجمعة وقتل أحد المحتجين.")
    assert event.actor2 is None or event.actor2.name != "Asaib Ahl al-Haq"


def test_a_bomb_on_a_bus_of_conscripts_hits_the_police_not_a_journalist() -> None:
    # "تصريح صحفي" is a press statement; "مجندي الأمن المركزي" are police conscripts
    text = (
        "قال مصدر أمني في تصريح صحفي إن عبوة ناسفة انفجرت لدى مرور حافلة تقل مجندي الأمن المركزي "
        "قرب مدينة العريش أمس، ما أسفر عن إصابة 12 منهم."
    )
    event = only(text)
    assert (event.actor2.name, event.interaction, event.injured) == ("Police Forces of Egypt", "13", 12)


def test_one_allys_air_strike_is_not_on_the_other_ally() -> None:
    text = (
        "شنت المقاتلات الحربية الروسية، السبت، غارات جوية على بلدة في ريف إدلب، مما أدى إلى مقتل عدد من "
        "المدنيين، وتأتي الغارات في خضم تصعيد لقوات النظام."
    )
    event = only(text)
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Russia", "Civilians (Syria)")


@pytest.mark.parametrize(
    ("text", "interaction"),
    [
        ("أعلن وزير الداخلية أمس اعتقال المتورطين بالتفجير الذي استهدف سوقا في مدينة بعقوبة.", "13"),
        ("ألقت الشرطة القبض على خمسة عناصر من خلية إرهابية في مدينة البصرة أمس.", "13"),
        ("اعتقلت الشرطة 20 شابا في مدينة البصرة أمس.", "17"),
    ],
)
def test_those_held_for_a_bombing_or_a_cell_are_militants(text: str, interaction: str) -> None:
    arrests = [e for e in events_of(text) if e.sub_event_type == "Arrests"]
    assert [e.interaction for e in arrests] == [interaction]


def test_the_owner_of_a_convoy_or_patrol_hit_is_the_target() -> None:
    strike = only("استهدفت طائرة مسيرة تركية رتلا عسكريا لداعش قرب مدينة الباب أمس.")
    assert (strike.actor1.name, strike.actor2.name) == ("Military Forces of Turkey", "Islamic State")
    bomb = only("انفجرت عبوة بدورية عسكرية لقوات سوريا الديمقراطية قرب مدينة الرقة أمس.")
    assert (bomb.actor1.inter, bomb.actor2.name) == (3, "Syrian Democratic Forces")


def test_the_yemeni_army_named_alone_may_be_hit_by_the_saudi_artillery() -> None:
    event = only("قصفت المدفعية السعودية مواقع للجيش اليمني واللجان الشعبية في مديرية رازح أمس.")
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Yemen"


def test_an_ally_named_among_the_dead_stays_the_target() -> None:
    dead = "شنت طائرات حربية روسية غارات على موقع قرب مدينة الميادين أمس، ما أدى إلى مقتل خمسة من عناصر قوات النظام."
    struck = "قصفت طائرات روسية عن طريق الخطأ موقعا لقوات النظام قرب مدينة الميادين أمس فقتلت خمسة جنود."
    for text in (dead, struck):
        event = only(text)
        assert event.actor2 is not None and event.actor2.name == "Military Forces of Syria", text


def test_a_foiled_attack_and_a_far_missile_stay_disruptions() -> None:
    far = "اعترضت منظومة الدفاعات الجوية التابعة لقوات التحالف العربي، مساء الجمعة، صاروخا باليستيا في سماء مدينة المخا."
    assert [e.sub_event_type for e in events_of(far) if e.sub_event_type == "Disrupted weapons use"] == [
        "Disrupted weapons use"
    ]
    aside = "أسقط الجيش اليمني، وفقا لبيان رسمي، طائرة مسيرة في مديرية حيس أمس."
    assert [e.sub_event_type for e in events_of(aside)] == ["Disrupted weapons use"]
    projectile = "أعلن التحالف اعتراض مقذوف أطلقه الحوثيون باتجاه مدينة جازان أمس."
    assert [e.sub_event_type for e in events_of(projectile)] == ["Disrupted weapons use"]
    foiled = "أحبط الجيش هجوما بزورق مفخخ قبالة سواحل ميدي في محافظة حجة أمس."
    assert "Disrupted weapons use" in [e.sub_event_type for e in events_of(foiled)]


def test_a_disruption_verb_reads_its_weapon_past_the_commas_of_a_date() -> None:
    event = only("أسقطت قوات الجيش اليمني، السبت، طائرة مسيرة تابعة للحوثيين في مديرية حيس.")
    assert (event.sub_event_type, event.interaction) == ("Disrupted weapons use", "12")


def test_a_bare_attack_word_in_a_town_places_the_countrywide_strike_of_that_day() -> None:
    text = (
        "دعت الولايات المتحدة إلى تحقيق شامل في الهجوم الذي ضرب مدينة صعدة اليمنية، الخميس. "
        "وقال المتحدث باسم التحالف إن الضربات الجوية التي نفذها التحالف في اليمن، الخميس، كانت ضد هدف مشروع."
    )
    event = only(text)
    assert (event.sub_event_type, event.location.name, event.actor1.name) == (
        "Air/drone strike",
        "Sa'dah",
        "Saudi-led coalition",
    )


def test_a_countrywide_strike_stays_apart_when_the_day_has_another_town_or_another_kind() -> None:
    two_towns = (
        "قتل عشرة أشخاص في سلسلة من الغارات الجوية شنتها طائرات التحالف، الخميس، في اليمن. "
        "وقتل خمسة حوثيين في غارة على مدينة صعدة الخميس. "
        "واستهدف هجوم مدينة زنجبار الخميس."
    )
    by_place = {e.location.name: e.sub_event_type for e in events_of(two_towns)}
    assert by_place.get("Zinjibar") == "Attack"  # not folded into the air strikes of that day
    for other in (
        "وتبنى تنظيم القاعدة الهجوم على مدينة زنجبار الخميس.",  # another side's attack
        "واندلعت مواجهات بين قبائل في مدينة مأرب الخميس.",  # another kind of event
    ):
        text = "قتل عشرة أشخاص في غارات جوية شنتها طائرات التحالف، الخميس، في اليمن. " + other
        assert "Yemen" in [e.location.name for e in events_of(text)], other


def test_a_suicide_bombing_among_protesters_is_the_bombing() -> None:
    text = "قتل 19 شخصا وأصيب 57 آخرون، الثلاثاء، عندما فجر انتحاري نفسه وسط محتجين في إقليم ننكرهار."
    event = only(text)
    assert (event.sub_event_type, event.fatalities, event.injured) == ("Suicide bomb", 19, 57)
    riot = "ألقى متظاهرون قنابل حارقة وعبوات ناسفة على السياج خلال مواجهات مع الجيش شرق مدينة غزة أمس."
    assert "Remote explosive/landmine/IED" not in [e.sub_event_type for e in events_of(riot)]


def test_what_follows_a_plural_verb_is_its_object() -> None:
    # "هاجموا": the plural says its subject came first, so the police after it were attacked
    event = only(
        "وقال مصدر أمني إن مسلحي التنظيم المتشدد هاجموا قوات الشرطة الاتحادية في قرية قرب طوز خورماتو أمس."
    )
    assert (event.actor1.inter, event.actor2.name) == (3, "Police Forces of Iraq")


def test_a_group_after_the_object_of_a_plural_verb_owns_the_object() -> None:
    text = "وأكد المرصد أن مقاتلين من تنظيم داعش هاجموا الأربعاء رتلا لقوات النظام قرب مدينة الميادين."
    event = only(text)
    assert (event.actor1.name, event.actor2.name) == ("Islamic State", "Military Forces of Syria")


def test_an_armed_group_that_shot_protesters_is_the_second_side() -> None:
    event = only("وقتل أحد المحتجين، الجمعة، برصاص ميليشيات عصائب أهل الحق في مدينة البصرة.")
    assert (event.sub_event_type, event.actor1.inter, event.actor2.name) == (
        "Excessive force against protesters",
        6,
        "Asaib Ahl al-Haq",
    )


def test_a_word_of_an_armed_groups_name_counts_no_civilians() -> None:
    # "العمال" (workers) in the name of the PKK: the soldiers it shot at make it a clash
    event = only("أطلق مقاتلو حزب العمال الكردستاني النار على جنود في ولاية هكاري أمس فقتلوا اثنين منهم.")
    assert (event.sub_event_type, event.interaction) == ("Armed clash", "12")


def test_fire_opened_by_a_group_named_after_its_men_is_a_clash_with_the_police() -> None:
    # "من السبت" three words before the gunmen does not make them victims; "فتح ... النار" with its subject
    text = (
        "قال مكتب المحافظ إنه في وقت متأخر من السبت فتح مسلحون من حزب العمال الكردستاني النار على مركبة "
        "للشرطة في بلدة مديات."
    )
    event = only(text)
    assert (event.sub_event_type, event.actor1.inter, event.actor2.name) == (
        "Armed clash",
        2,
        "Police Forces of Turkey",
    )


def test_people_who_clash_with_the_forces_are_protesters_or_rioters_not_an_armed_side() -> None:
    text = "قتل 17 فلسطينيا وجرح 1400 آخرون في مواجهات مع القوات الإسرائيلية على حدود قطاع غزة أمس."
    event = only(text)
    assert (event.sub_event_type, event.interaction, event.fatalities) == (
        "Excessive force against protesters",
        "68",
        17,
    )
    event = only("اندلعت مواجهات بين شبان فلسطينيين والجيش الإسرائيلي في مدينة الخليل أمس.")
    assert (event.sub_event_type, event.interaction) == ("Violent demonstration", "58")
    # a soldier killed in them, or battles ("المعارك"), are no protest
    for text in (
        "قتل جندي إسرائيلي أمس في المواجهات على حدود قطاع غزة بعد مقتل 149 فلسطينيا.",
        "قتل 17 مدنيا أمس في معارك بين قوات النظام وتنظيم داعش في مخيم اليرموك.",
    ):
        assert all(e.event_type != "Protests" for e in events_of(text)), text


@pytest.mark.parametrize(
    ("text", "sub_event_type"),
    [
        # a protest against a shooting or a killing is a peaceful protest
        ("تظاهر المئات في مدينة البصرة أمس احتجاجا على اغتيال الناشط.", "Peaceful protest"),
        ("خرج العشرات في مظاهرة في مدينة صيدا أمس تنديدا بإطلاق النار على صياد.", "Peaceful protest"),
        # two states' forces, or the police and wanted men, are armed sides
        ("قتل 3 مدنيين في اشتباكات بين الجيش الهندي والجيش الباكستاني في إقليم كشمير أمس.", "Armed clash"),
        ("قتل 3 مدنيين في اشتباكات بين الشرطة ومطلوبين في مدينة بعلبك أمس.", "Armed clash"),
    ],
)
def test_protests_against_violence_and_clashes_of_armed_sides_keep_their_types(
    text: str, sub_event_type: str
) -> None:
    assert only(text).sub_event_type == sub_event_type


def test_missiles_that_were_intercepted_and_hit_no_one_are_the_interception() -> None:
    text = (
        "أطلق الحوثيون صاروخين باليستيين باتجاه الرياض مساء الأحد. "
        "وتمكن الدفاع الجوي السعودي من اعتراض الصاروخين فوق الرياض مساء الأحد."
    )
    event = only(text)
    assert (event.sub_event_type, event.interaction) == ("Disrupted weapons use", "12")
    assert (event.actor2.name, event.weapon) == ("Houthis (Ansar Allah)", "missile")
    # a missile that hit people stays a strike beside the one stopped
    text = (
        "أطلق الحوثيون صاروخا على مدينة جازان الأحد مما أدى إلى إصابة 3 مدنيين. "
        "واعترضت الدفاعات الجوية صاروخا آخر فوق مدينة جازان الأحد."
    )
    assert sorted(e.sub_event_type for e in events_of(text)) == [
        "Disrupted weapons use",
        "Shelling/artillery/missile attack",
    ]


def test_a_mountain_named_like_a_town_is_not_that_town() -> None:
    event = only("تمكنت قوات الجيش اليمني من تحرير جبل الحديدة وأجزاء من قرية لبان بمديرية ناطع أمس.")
    assert event.location.name == "Natea"
    # unless only a country or a place of another clause is there
    assert only("قتل 5 جنود في هجوم في جبل سنجار أمس في العراق.").location.name == "Sinjar"
    text = "قتل 5 جنود في هجوم في وادي حضرموت أمس، وقال مسؤول في مدينة عدن إن المهاجمين فروا."
    assert only(text).location.name != "Aden"


def test_a_dated_report_with_only_the_country_is_the_one_town_report_of_that_day() -> None:
    text = (
        "أطلق الحرس الثوري الإيراني صواريخ باليستية على أهداف في سوريا الاثنين. "
        "وقال الحرس إن الصواريخ أصابت مواقع في مدينة البوكمال الاثنين."
    )
    assert [e.location.name for e in events_of(text)] == ["Albu Kamal"]
    # with two towns struck that day, the country-wide report is kept apart from both
    text = (
        "قتل ثمانية أشخاص في غارات شنها طيران التحالف في اليمن الاثنين. واستهدفت الغارات مدينة صعدة الاثنين. "
        "كما استهدفت غارات مدينة الحديدة الاثنين."
    )
    assert sorted(e.location.name for e in events_of(text)) == ["Al Hudaydah", "Sa'dah", "Yemen"]


@pytest.mark.parametrize(
    "text",
    [
        # a country-wide report of another day
        "قتل 20 جنديا في هجوم في سوريا. وقتل 4 مدنيين في غارة جوية على مدينة إدلب في 3 يناير الماضي.",
        # another toll (none is a toll too)
        "انفجرت عبوة ناسفة في مدينة كركوك الاثنين دون إصابات. وفي حادث آخر، انفجرت عبوة في العراق الاثنين وقتلت 4 جنود.",
        # another side named
        "قتل 3 مدنيين في غارة جوية روسية على مدينة إدلب الاثنين. "
        "وقتل ستة من عناصر داعش في غارات لطائرات التحالف الدولي على مواقعهم في سوريا الاثنين.",
        # a bomb defused is no interception of the rockets fired that day
        "فككت القوات الأمنية عبوة ناسفة في مدينة الفلوجة أمس. "
        "وأطلق مسلحون مجهولون صواريخ كاتيوشا على مدينة الفلوجة أمس دون إصابات.",
        # a missile that struck something stays a strike beside the one stopped
        "أطلق الحوثيون صاروخا على مدينة جازان أمس وأصاب محطة كهرباء. "
        "واعترضت الدفاعات الجوية صاروخا آخر فوق مدينة جازان أمس.",
        # missiles fired beside an air strike by the same side are a strike of their own
        "قصفت قوات النظام مدينة كفرنبل بصواريخ أرض أرض أمس. وشنت طائرات النظام غارات على مدينة كفرنبل أمس.",
    ],
)
def test_two_incidents_of_one_place_or_country_stay_two_events(text: str) -> None:
    assert len(events_of(text)) == 2


def test_a_bare_attack_word_placed_only_in_the_country_speaks_of_the_incident_reported_there() -> None:
    text = (
        "تعرضت قاعدة التيفور الجوية في محافظة حمص لضربة جوية الاثنين الماضي. "
        "وقال مسؤولون في سوريا إن الهجوم أسفر عن مقتل 14 شخصا بينهم 7 إيرانيين."
    )
    event = only(text)
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", 14)


def test_named_strikers_other_tolls_and_causes_stay_apart() -> None:
    # the state's own planes named as striker keep striking, though its forces were killed too
    text = "شنت طائرات النظام غارات على مدينة إدلب أمس ردا على مقتل 5 من قوات النظام."
    assert only(text).actor1.name == "Military Forces of Syria"
    assert only("قتل الجيش السوري عشرة مسلحين في غارات جوية على مدينة إدلب أمس.").actor1.inter == 1
    # a country-wide toll does not swallow a town report with a toll of its own
    text = (
        "قتل 20 شخصا في غارات للتحالف في اليمن. "
        "وقالت المصادر إن غارة استهدفت سوقا في مدينة صعدة يوم الاثنين وقتلت 5."
    )
    assert sorted(e.fatalities for e in events_of(text)) == [5, 20]
    # fighting given as the cause of the shelling is no clash of this report
    text = "قصفت المدفعية الإسرائيلية مواقع في مدينة رفح أمس ردا على مواجهات مع الجيش."
    assert [e.sub_event_type for e in events_of(text)] == ["Shelling/artillery/missile attack"]
    # "مسلحين معارضين" in Syria are the opposition factions
    text = "بدأت أمس عملية إجلاء مسلحين معارضين ومدنيين من مدينة الرستن في محافظة حمص بموجب اتفاق مع روسيا."
    assert only(text).actor1.name == "Syrian opposition factions"


def test_a_report_with_only_the_country_sums_up_the_one_with_the_town_and_day() -> None:
    text = (
        "قتل قيادي حوثي بارز في اليمن في ضربة جوية للتحالف. "
        "وقالت المصادر إن الغارة استهدفت سيارته في مدينة الحديدة يوم الاثنين."
    )
    event = only(text)
    assert (event.location.name, event.date, event.fatalities) == ("Al Hudaydah", dt.date(2024, 3, 11), 1)


def test_states_named_in_their_relations_are_no_event_place() -> None:
    truce = only(
        "هدد الحزب بقطع الهدنة مع أنقرة إثر الضربات الجوية التي شنها الجيش التركي أمس على معسكرات في شمال العراق."
    )
    assert truce.location is not None and truce.location.country == "IQ"
    crisis = events_of("أثار الهجوم بغاز الأعصاب على الجاسوس أمس أزمة حادة بين لندن وموسكو.")
    assert all(e.location is None or e.location.name not in ("London", "Moscow") for e in crisis)


def test_a_drone_called_musayyara_is_no_march() -> None:
    events = events_of(
        "تعرضت القاعدة الجوية لضربة جوية أمس بعد شهرين من انطلاق الطائرة الإيرانية المسيرة منها قرب مدينة حمص."
    )
    assert "Protests" not in {e.event_type for e in events}


def test_a_toll_since_then_is_no_single_event() -> None:
    assert events_of("وقتل ما لا يقل عن 150 فلسطينيا برصاص الجنود الإسرائيليين قرب حدود غزة مذاك.") == []
    assert events_of("وقتل 150 شخصا في قصف على مدينة حلب منذ ذلك الحين.") == []


def test_what_warplanes_destroy_they_struck_from_the_air() -> None:
    event = only("دمرت مقاتلات التحالف الثلاثاء آليات عسكرية للحوثيين في مديرية باقم.")
    assert (event.sub_event_type, event.weapon) == ("Air/drone strike", "aircraft")
    ground = only("دمرت القوات الحكومية آليات عسكرية للحوثيين في مديرية باقم أمس.")
    assert ground.sub_event_type != "Air/drone strike"


def test_a_place_named_by_another_attack_is_not_this_events_place() -> None:
    events = events_of(
        "أطلق الحرس الثوري صواريخ على مواقع في مدينة البوكمال السورية أمس ردا على هجوم الأحواز."
    )
    strikes = [e for e in events if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location.name for e in strikes if e.location] == ["Albu Kamal"]


def test_forces_that_are_most_of_the_dead_are_the_target() -> None:
    event = only(
        "ونفذ انتحاري العملية في مسجد بمنطقة عسير أمس مرتديا حزاما ناسفا مما أسفر عن مقتل 15 شخصا، ضمنهم 12 من رجال الأمن."
    )
    assert event.interaction == "13"
    few = only("قتل 20 شخصا بينهم 2 من رجال الأمن في تفجير انتحاري استهدف سوقا في مدينة مايدوغوري أمس.")
    assert few.actor2 is not None and few.actor2.inter == 7


def test_two_reports_of_one_death_toll_without_the_wounded_are_one_incident() -> None:
    text = (
        "قتل 23 شخصا على الأقل وأصيب 40 آخرون في غارات جوية على حفل زفاف في محافظة حجة أمس. "
        "وقالت هيئات الإسعاف إن 23 شخصا لقوا مصرعهم في غارات جوية على حفل زفاف شمال غرب اليمن أمس."
    )
    strikes = [e for e in events_of(text) if e.sub_event_type == "Air/drone strike"]
    assert len(strikes) == 1 and strikes[0].fatalities == 23
    # a small toll alone does not make two incidents one
    small = events_of(
        "قتل شخصان في غارة جوية على مدينة صعدة أمس. وقتل شخصان آخران في غارة جوية على مدينة حجة أمس."
    )
    assert len([e for e in small if e.sub_event_type == "Air/drone strike"]) == 2


def test_people_killed_in_a_battle_are_not_one_of_its_sides() -> None:
    event = only("قتل ستة أشخاص في اشتباكات بين قوات الأمن ومسلحين في مدينة ديار بكر أمس.")
    assert event.event_type == "Battles"
    assert all(a is None or a.inter != 7 for a in (event.actor1, event.actor2))
    assert event.interaction == "13"


def test_the_task_force_is_the_coalition() -> None:
    event = only(
        "وقال بيان لقوة المهام المشتركة إن خمس غارات قرب مدينة الرمادي أمس دمرت وحدات تابعة لتنظيم داعش."
    )
    assert event.interaction == "28"


def test_the_base_jets_took_off_from_is_not_where_they_struck() -> None:
    event = only(
        "قال مكتب رئيس الوزراء إن ثلاث مقاتلات أقلعت من قاعدة في ديار بكر صباح اليوم "
        "وقصفت مقرين لمتشددي داعش في سوريا مما أدى إلى مقتل 12 منهم قبل أن تعود إلى قاعدتها."
    )
    assert event.location is not None and event.location.country == "SY"


def test_an_attack_on_a_civilian_place_is_violence_against_civilians() -> None:
    event = only("قتل شخص في هجوم استهدف حافلة ركاب إيرانية في مدينة فان شرق تركيا أمس.")
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")


def test_a_gas_attack_with_no_one_named_is_the_states() -> None:
    event = only("قتل 12 شخصا في هجوم بغاز الكلور على مدينة سراقب أمس.")
    assert event.sub_event_type == "Chemical weapon"
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Syria"
    assert event.interaction == "17"


def test_a_death_given_as_the_cause_is_not_the_strikes_toll() -> None:
    event = only(
        "شنت المقاتلات الإسرائيلية غارات على مدينة غزة مساء الجمعة إثر مقتل جندي إسرائيلي قرب الحدود."
    )
    assert event.sub_event_type == "Air/drone strike" and event.fatalities is None


def test_hashtags_read_as_words_and_a_tag_reports_nothing() -> None:
    event = only("تقدمت قوات #الجيش_اليمني في جبهة #باقم شمال محافظة #صعدة بعد معارك عنيفة مع الحوثيين أمس.")
    assert event.location is not None and event.location.name == "Baqim"  # the front, not a group "جبهة باقم"
    assert events_of("أطلق ناشطون وسم #قصف_حلب للتضامن مع أهالي المدينة أمس.") == []
    assert events_of("دعا ناشطون عبر وسم #القصف إلى التظاهر في حلب أمس.") == []
    # a one-word tag in running text is a word of the sentence
    event = only("أصيب ثلاثة مدنيين أمس بانفجار #لغم زرعه مسلحون في قرية قرب مدينة تعز.")
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.injured == 3


def test_the_armed_party_a_strike_targeted_is_its_target() -> None:
    event = only("قتل 9 أشخاص في قصف صاروخي استهدف مقر الحزب الديمقراطي الكردستاني الإيراني في أربيل أمس.")
    assert event.actor2 is not None and event.actor2.inter == 2 and event.actor2.name.startswith("KDPI")


def test_abducted_foreigners_are_civilians_not_their_state() -> None:
    event = only("خطف مسلحون صحفية فرنسية في مدينة صنعاء أمس.")
    assert event.interaction == "37"


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("تمكنت قوات الأمن من القضاء على 12 إرهابيا في اشتباكات بمدينة العريش أمس.", 12),
        ("قامت القوات بتصفية خمسة مسلحين في اشتباكات بمدينة العريش أمس.", 5),
        ("اندلعت اشتباكات عنيفة في مدينة العريش أمس، وفتح القضاء 3 تحقيقات.", None),
    ],
)
def test_killing_by_elimination(text: str, killed: int | None) -> None:
    assert only(text).fatalities == killed


def test_a_patron_is_not_the_place() -> None:
    event = only("وقتل أحد المحتجين الجمعة برصاص ميليشيا موالية لإيران في البصرة.")
    assert event.location is not None and event.location.name == "Basrah"


def test_a_crowd_that_clashes_with_police_riots() -> None:
    event = only("اشتبك مشجعون مع قوات الأمن في محيط الملعب بمدينة القاهرة أمس.")
    assert (event.sub_event_type, event.interaction) == ("Violent demonstration", "15")


def test_an_attack_and_its_weapon_in_one_sentence_are_one_event() -> None:
    event = only('قتل 20 شخصا في هجوم "بالسلاح الكيميائي" على بلدة دوما في السابع من آذار.')
    assert event.sub_event_type == "Chemical weapon"
    event = only("أصيب شخصان في محاولة اغتيال بغاز الأعصاب في مدينة سالزبوري البريطانية أمس.")
    assert event.sub_event_type == "Attack"  # a poisoning of persons, as ACLED codes it
    # the bombing that "targeted the security men" is that bombing, not a battle beside it
    event = only("دان المجلس التفجير الإجرامي الذي وقع في مسجد للشرطة في مدينة أبها أمس واستهدف رجال الأمن.")
    assert event.event_type == "Explosions/Remote violence"
    assert event.actor2 is not None and event.actor2.inter == 1


def test_a_record_of_many_attacks_claims_none() -> None:
    text = (
        "قتل انتحاري 8 أشخاص في مدينة كابول الاثنين. ولم تعلن أي جهة مسؤوليتها عن الهجوم. "
        "وأعلن تنظيم داعش مسؤوليته عن الكثير من الهجمات في المدينة."
    )
    event = only(text)
    assert event.actor1 is None or event.actor1.name != "Islamic State"
    claimed = only("قتل انتحاري 8 أشخاص في مدينة كابول الاثنين. وأعلن تنظيم داعش مسؤوليته عن الهجوم.")
    assert claimed.actor1 is not None and claimed.actor1.name == "Islamic State"


def test_a_coalition_and_its_members_are_one_side() -> None:
    text = (
        "اعترض الدفاع الجوي السعودي صاروخا باليستيا أطلقته ميليشيا الحوثي باتجاه مدينة جازان السبت، "
        "حسبما أعلن المتحدث باسم قوات التحالف العربي."
    )
    event = only(text)
    assert event.sub_event_type == "Disrupted weapons use"
    assert {event.actor1.name, event.actor2.name} == {
        "Military Forces of Saudi Arabia",
        "Houthis (Ansar Allah)",
    }
    text = "اعترض الدفاع الجوي السعودي صاروخا باتجاه مدينة جازان السبت، حسبما أعلن المتحدث باسم قوات التحالف العربي."
    assert only(text).interaction == "10"  # not the Saudi forces against the coalition they lead


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("سيطر الجيش السوري على بلدات شمال شرقي مدينة درعا قرب الحدود مع الأردن أمس.", "Jordan"),
        ("قالت مصادر إن القوات المشتركة اليمنية وبإسناد من التحالف سيطرت على مدينة حيس أمس.", "coalition"),
    ],
)
def test_borders_and_backers_are_no_side(text: str, absent: str) -> None:
    event = only(text)
    assert event.actor1 is not None and event.actor1.inter == 1
    assert all(absent not in a.name for a in (event.actor1, event.actor2) if a is not None)


def test_an_intercepted_missile_is_one_disruption() -> None:
    text = (
        "وأوضح المتحدث أن الصاروخ كان باتجاه مدينة جازان وأطلق لاستهداف المناطق المدنية، "
        "وقد تمكنت قوات الدفاع الجوي السعودي من اعتراضه أمس."
    )
    event = only(text)
    assert (event.sub_event_type, event.weapon) == ("Disrupted weapons use", "missile")
    text = "اعترضت قوات الدفاع الجوي السعودي صاروخا باتجاه مدينة جازان أمس من دون أن ينتج عن ذلك أي إصابات."
    assert (only(text).fatalities, only(text).injured) == (0, 0)


def test_a_poisoning_is_an_attack_with_a_chemical() -> None:
    event = only(
        "عثر على العميل السابق وابنته فاقدي الوعي إثر تعرضهما للتسمم بغاز الأعصاب في مدينة سالزبري أمس."
    )
    assert (event.sub_event_type, event.weapon, event.interaction) == ("Attack", "chemical", "37")


def test_an_age_is_no_toll_and_a_month_after_fi_is_a_date() -> None:
    event = only("اغتال مسلحون الناشط محمد علي (45 عاما) في مدينة البصرة في مارس.")
    assert event.fatalities != 45
    assert (event.date, event.time_precision) == (dt.date(2024, 3, 1), 3)


def test_a_downed_plane_is_a_missile_attack_a_downed_drone_a_disruption() -> None:
    event = only("أسقط الدفاع الجوي السوري طائرة استطلاع روسية قبالة مدينة اللاذقية أمس.")
    assert (event.sub_event_type, event.weapon, event.interaction) == (
        "Shelling/artillery/missile attack",
        "missile",
        "18",
    )
    assert (
        only("أسقطت الدفاعات الجوية طائرة مسيرة فوق مدينة حماة أمس.").sub_event_type
        == "Disrupted weapons use"
    )
    event = only("وجاء ذلك بعد إسقاط إسرائيل لطائرة سورية فوق مرتفعات الجولان أمس.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Israel"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Syria"


def test_missiles_from_yemen_are_intercepted_where_they_were_heading() -> None:
    event = only("وتمكن الدفاع الجوي السعودي من اعتراض صاروخين أطلقا من اليمن باتجاه الرياض مساء الأحد.")
    assert event.location is not None and event.location.name == "Riyadh"
    assert event.interaction == "12"  # the Saudi forces against the Houthis, who fire from Yemen


def test_a_pluperfect_date_is_background_for_the_next_sentences() -> None:
    text = (
        "قال قائد الجيش إن القوات ستواصل القتال في مدينة درنة. "
        "وكان قد أعلن مطلع شهر يناير الماضي بدء العملية العسكرية. "
        "وأعقب كلمته تجدد الاشتباكات في المحور الجنوبي لمدينة درنة بين الجيش ومسلحين."
    )
    event = only(text)
    assert (event.sub_event_type, event.date) == ("Armed clash", PUB)  # not the 1 January of the aside


def test_expelling_diplomats_takes_no_ground() -> None:
    assert events_of("أعلنت موسكو أمس طرد 23 دبلوماسيا بريطانيا من العاصمة الروسية.") == []


def test_where_the_attack_happened_and_who_is_only_a_seat() -> None:
    text = (
        "التقى أعضاء مجلس الأمن، الاثنين، في جلسة طارئة في نيويورك، لمناقشة الهجوم الكيماوي "
        "الذي وقع، السبت، في مدينة دوما السورية وأوقع عشرات القتلى."
    )
    event = only(text)
    assert event.location is not None and event.location.name == "Duma"
    assert event.interaction == "17"  # no one named: in Syria, the state's forces
    text = "وأفاد المرصد، ومقره في المملكة المتحدة، أن مقاتلي داعش هاجموا مخيما في محافظة السويداء أمس."
    assert all("Kingdom" not in a.name for a in (only(text).actor1, only(text).actor2) if a is not None)


def test_gas_with_no_one_named_outside_syria_is_not_the_state() -> None:
    event = only("أصيب 12 شخصا في هجوم بغاز سام على سوق في مدينة مومباي أمس.")
    assert event.actor1 is None or event.actor1.inter != 1


def test_the_attackers_are_the_group_the_sentence_named() -> None:
    text = (
        "أفادت وزارة الدفاع أن عناصر تنظيم داعش هاجمت قطعات عسكرية غربي مدينة الفلوجة أمس، "
        "وتصدى الجنود للمهاجمين وتمكنوا من قتل 25 منهم."
    )
    event = only(text)
    assert {event.actor1.name, event.actor2.name} >= {"Islamic State"} and event.interaction == "12"


def test_state_forces_made_up_by_rules_are_named_like_the_dictionary() -> None:
    event = only("هاجم مسلحون من تنظيم داعش نقطة تفتيش في مدينة شيكاغو الأمريكية أمس.")
    assert "Military Forces of the United States" in {a.name for a in (event.actor1, event.actor2) if a}


def test_a_front_named_after_a_place_is_where_the_fighting_was() -> None:
    event = only("تقدمت قوات الجيش اليمني في جبهة باقم شمال محافظة صعدة بعد معارك عنيفة مع الحوثيين أمس.")
    assert event.location is not None and event.location.name == "Baqim"


@pytest.mark.parametrize(
    "text",
    [
        "أفادت مصادر محلية باختطاف فرنسي في مدينة صنعاء أمس.",  # the adjective names the victim
        "اختطف مسلحون رجل أعمال في مدينة بنغازي أمس.",  # abduction victims are civilians by definition
    ],
)
def test_abduction_victims(text: str) -> None:
    assert only(text).interaction == "37"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the drone, not the missile, was intercepted: both events stay
            "أطلق الحوثيون صاروخا على مدينة مأرب أمس فقتل 3 مدنيين، كما أرسلوا طائرة مسيرة نحو جازان "
            "وتمكنت الدفاعات السعودية من اعتراضها.",
            {"Shelling/artillery/missile attack", "Disrupted weapons use"},
        ),
        ("دخلت القوات الموالية للنظام حلب أمس بعد معارك عنيفة.", {"Armed clash"}),
        ("هاجم مسلحون مجهولون حافلة تقل مشجعين في مدينة بورسعيد أمس.", {"Attack"}),
        (
            "أعدم مسلحو داعش 5 مدنيين وفجروا سيارة مفخخة في مدينة الرمادي أمس.",
            {"Attack", "Remote explosive/landmine/IED"},
        ),
        (
            "أسقطت الدفاعات الجوية السورية صاروخين أطلقتهما طائرات إسرائيلية فوق مدينة حمص أمس.",
            {"Disrupted weapons use"},
        ),
        ("أسقطت الطائرات براميل متفجرة على مدينة داريا أمس.", {"Air/drone strike"}),
        ("تعرض الناشط الإعلامي لهجوم مسلح في مدينة إدلب أمس وأصيب بجروح.", {"Attack"}),
        ("استعادت البورصة المصرية خسائرها في القاهرة أمس.", set()),
    ],
)
def test_rules_stay_within_their_reach(text: str, expected: set[str]) -> None:
    assert {e.sub_event_type for e in events_of(text)} == expected


def test_happened_and_patron_places_stay_local() -> None:
    text = "أسفر هجوم انتحاري في مدينة كركوك وقع صباح اليوم عن مقتل 5 أشخاص، وفق ما أعلنت الشرطة في بغداد."
    assert only(text).location.name == "Kirkuk"
    assert only("دخلت القوات الموالية للنظام حلب أمس بعد معارك عنيفة.").location.name == "Aleppo"


@pytest.mark.parametrize(
    "text",
    [
        "تمكنت قوات الأمن من القضاء على 3 خلايا إرهابية خلال اشتباكات بمدينة العريش أمس.",
        "اندلعت اشتباكات في مدينة العريش أمس بعد أن قررت الحكومة تصفية 3 شركات خاسرة.",
    ],
)
def test_eliminating_things_kills_no_one(text: str) -> None:
    assert only(text).fatalities is None


def test_on_the_ground_the_coalition_side_is_the_home_forces() -> None:
    text = (
        "أعلن التحالف مساء الاثنين وصول القوات الموالية للحكومة إلى جنوب مدينة الحديدة "
        "إثر معارك ضارية خاضتها مع الحوثيين."
    )
    event = only(text)
    assert event.event_type == "Battles" and event.interaction == "12"
    assert only("شنت مقاتلات التحالف غارات على مواقع الحوثيين في مدينة صعدة أمس.").interaction == "28"


def test_an_unclaimed_attack_gets_no_usual_suspect() -> None:
    text = (
        "قالت حركة الشباب إنها ستواصل القتال. وأعلنت حركة الشباب مسؤوليتها عن هجمات سابقة. "
        "وقتل 14 شخصا بتفجير سيارة مفخخة أمام فندق في مدينة مقديشو الخميس، ولم تتبن أي جهة التفجير."
    )
    event = only(text)
    assert event.actor1 is not None and event.actor1.name != "Al Shabaab"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("تم إسقاط الطائرة الحربية السورية فوق مدينة إدلب أمس.", "Shelling/artillery/missile attack"),
        ("أعلن الجيش إسقاط الطائرة الإيرانية المسيرة فوق مدينة البصرة أمس.", "Disrupted weapons use"),
        (
            "أسقطت الطائرات الحربية السورية طائرة استطلاع تركية فوق مدينة إدلب أمس.",
            "Shelling/artillery/missile attack",
        ),
        (
            "أسقطت الدفاعات الجوية طائرة استطلاع إسرائيلية من دون طيار فوق مدينة النبطية أمس.",
            "Disrupted weapons use",
        ),
        ("اندلعت اشتباكات في مدينة درنة أمس، وقال الجيش إنه يحظى بدعم الجماهير.", "Armed clash"),
    ],
)
def test_downings_and_crowds_read_the_right_words(text: str, expected: str) -> None:
    assert only(text).sub_event_type == expected


def test_court_executions_and_unknown_gunmen() -> None:
    assert events_of("أعدمت السلطات 3 مدانين بتهريب المخدرات في مدينة الرياض اليوم.") == []
    text = (
        "هاجم مسلحون مجهولون نقطة تفتيش للجيش في مدينة سامراء أمس، "
        "بعد يوم من إعلان تنظيم داعش مسؤوليته عن هجمات في المنطقة."
    )
    event = next(e for e in events_of(text) if e.sub_event_type == "Armed clash")
    assert event.interaction == "13"  # the gunmen stay unknown


@pytest.mark.parametrize(
    ("text", "killed"),
    [
        ("تمكنت قوات الأمن من القضاء على 12 من مسلحي داعش في اشتباكات بمدينة العريش أمس.", 12),
        ("تمكنت قوات الأمن من القضاء على 4 قياديين في اشتباكات بمدينة العريش أمس.", 4),
    ],
)
def test_killing_people_by_elimination(text: str, killed: int) -> None:
    assert only(text).fatalities == killed


def test_protesters_who_clash_riot() -> None:
    event = only("اشتبك المحتجون مع قوات الأمن في مدينة البصرة أمس.")
    assert (event.sub_event_type, event.interaction) == ("Violent demonstration", "15")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foiled infiltration by an armed group is a battle, not a disrupted weapon
        ("أحبط الجيش اليمني أمس محاولة تسلل لمسلحي الحوثي في مديرية نهم.", ("Armed clash", "Nihm")),
        # suppressing a protest is an intervention
        ("قمعت قوات الأمن أمس تظاهرة للمزارعين في مدينة أصفهان.", ("Protest with intervention", "Isfahan")),
        ("قتل رجل وأصيب اثنان في هجوم طعن بمدينة ليون أمس.", ("Attack", "Lyon")),
        # ground seized, with words between the verb and its object
        ("استولت القوات الحكومية يوم الثلاثاء على بلدة سقبا.", ("Government regains territory", "Saqba")),
        ("اندلعت مواجهات أمس على جبهة نهم بين الجيش والحوثيين.", ("Armed clash", "Nihm")),
    ],
)
def test_infiltrations_suppressions_stabbings_seizures_fronts(text: str, expected: tuple) -> None:
    event = only(text)
    assert (event.sub_event_type, event.location.name) == expected


def test_where_ministers_met_is_not_where_strikes_hit() -> None:
    text = "ناقش وزراء الخارجية خلال اجتماع لهم في لوكسمبورغ أمس الضربات الأخيرة."
    assert all(e.location.name != "Luxembourg" for e in events_of(text))
    text = (
        "وقال المتحدث في مؤتمر صحافي عقده مساء أمس في العاصمة السعودية الرياض إن طائرات التحالف "
        "شنت غارات على مواقع الحوثيين في مدينة صعدة اليمنية."
    )
    assert [e.location.name for e in events_of(text) if e.location] == ["Sa'dah"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a capital after "العاصمة" is where the missile was stopped, not a state acting
        (
            "اعترضت الدفاعات الجوية أمس صاروخا باليستيا فوق العاصمة الرياض.",
            ("Disrupted weapons use", "Riyadh"),
        ),
        ("تصدت القوات السعودية أمس لصاروخ باليستي فوق مدينة جازان.", ("Disrupted weapons use", "Jizan")),
        ("تصدت القوات الحكومية أمس لهجوم شنه مسلحو داعش على مدينة بيجي.", ("Armed clash", "Bayji")),
        ("أدان الوزير الهجوم الكيمياوي على مدينة دوما أمس.", ("Chemical weapon", "Duma")),
        (
            "أعلن جيش الإسلام أنه توصل إلى اتفاق مع روسيا أمس في الغوطة الشرقية.",
            ("Agreement", "Eastern Ghouta"),
        ),
        ("رصاصة قناص أصابت طفلة قرب منزلها في مدينة تعز أمس.", ("Attack", "Taiz")),
        # a meeting that was hit keeps its place
        (
            "استهدفت غارة جوية اجتماعا لقادة الفصائل في مدينة إدلب أمس وقتل عشرة منهم.",
            ("Air/drone strike", "Idlib"),
        ),
        ("وفي يوم الثلاثاء استولت على بلدة سقبا قوات النظام.", ("Government regains territory", "Saqba")),
        ("سقط صاروخ بالعاصمة الرياض أمس وأصيب شخصان.", ("Shelling/artillery/missile attack", "Riyadh")),
        # one road between two towns is one event
        ("اندلعت اشتباكات على الطريق بين حمص وحماة أمس.", ("Armed clash", "Homs")),
        # what is protested against is not what happened to the protest
        (
            "تظاهر آلاف في بغداد أمس احتجاجا على قمع المتظاهرين في البصرة العام الماضي.",
            ("Peaceful protest", "Baghdad"),
        ),
        ("أطلق مجهولون النار على سيارة مدنية في مدينة درعا أمس فقتل سائقها.", ("Attack", "Dar'a")),
    ],
)
def test_sub_type_and_place_of_one_sentence(text: str, expected: tuple) -> None:
    event = only(text)
    assert (event.sub_event_type, event.location.name) == expected


def test_riot_police_do_not_make_a_protest_violent_and_shots_at_police_are_a_clash() -> None:
    event = only("قمعت قوات مكافحة الشغب أمس تظاهرة للمزارعين في مدينة أصفهان.")
    assert event.sub_event_type == "Protest with intervention"
    event = only("أطلق مسلح مجهول النار على أفراد من الشرطة في مدينة كركوك أمس.")
    assert (event.sub_event_type, event.weapon) == ("Armed clash", "firearm")


def test_a_pair_of_towns_is_two_events_and_a_long_list_one_only_after_a_plural_place_word() -> None:
    events = events_of("سقطت عشرات القذائف أمس على بلدتي الفوعة وكفريا ما أدى إلى مقتل خمسة أشخاص.")
    assert [(e.location.name, e.fatalities) for e in events] == [("Al-Fu'ah", 5), ("Kafriya", None)]
    events = events_of("قصفت قوات النظام أمس بلدات مسرابا وجسرين وكفربطنا وحمورية وسقبا.")
    assert [e.location.name for e in events] == ["Mesraba", "Jisreen", "Kafr Batna", "Hamouriyah", "Saqba"]
    assert len(events_of("قصفت قوات النظام أمس مسرابا وجسرين وكفربطنا وحمورية وسقبا.")) == 1


def test_places_one_sentence_lists_stay_apart_after_a_lead_takes_one_of_them() -> None:
    text = (
        "قتل عشرات المسلحين الحوثيين في غارات جوية شنتها طائرات التحالف أمس على الساحل الغربي لليمن.\n"
        "وتركزت الغارات في مديريات المنصورية وبيت الفقيه وزبيد والتحيتا."
    )
    places = sorted(e.location.name for e in events_of(text))
    assert places == ["Al Manşūrīyah", "Bayt al Faqih", "Tuhayta", "Zabid"]


def test_a_merged_report_keeps_the_day_its_own_sentence_gives() -> None:
    text = (
        "اشتبك الجيش مع مسلحي داعش في حي القدم جنوب دمشق أمس.\n"
        "مقتل 17 مدنيا في قصف على مخيم اليرموك\n"
        "وجاءت المعارك بعد مقتل 17 مدنيا الثلاثاء في قصف لقوات النظام على مخيم اليرموك."
    )
    shelling = [e for e in events_of(text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [(e.date, e.fatalities) for e in shelling] == [(dt.date(2024, 3, 12), 17)]


def test_an_appeal_is_no_stabbing() -> None:
    assert events_of("بدأت عملية الطعن في نتائج الانتخابات أمام المحكمة في بغداد أمس.") == []


def test_the_town_points_back_at_the_town_last_named() -> None:
    text = "قصفت الطائرات الحربية مدينة عفرين أمس. وسقطت قذائف هاون على أطراف المدينة الشمالية."
    shelling = [e for e in events_of(text) if e.sub_event_type == "Shelling/artillery/missile attack"]
    assert [e.location.name for e in shelling] == ["`Afrin"]


def test_a_nerve_agent_on_a_few_people_is_an_attack_and_gas_in_war_a_chemical_weapon() -> None:
    event = only("تعرض العميل السابق وابنته لهجوم بغاز الأعصاب في مدينة سالزبري أمس.")
    assert (event.sub_event_type, event.weapon) == ("Attack", "chemical")
    event = only("قتل 40 شخصا في هجوم بغاز الأعصاب على مدينة دوما أمس.")
    assert event.sub_event_type == "Chemical weapon"


def test_an_attempted_infiltration_that_was_foiled_is_a_clash() -> None:
    event = only("تمكن الجيش أمس من إحباط محاولة ميليشيات الحوثي التسلل إلى مواقعه في مديرية نهم.")
    assert (event.sub_event_type, event.location.name) == ("Armed clash", "Nihm")


def test_those_arrested_are_the_second_side_and_a_syrian_ansar_al_din_is_not_the_sahel_one() -> None:
    event = only("اعتقل خمسة شبان أمس في مدينة البصرة.")
    assert (event.sub_event_type, event.actor1.name, event.interaction) == (
        "Arrests",
        "Police Forces of Iraq",
        "17",
    )
    text = "اشتبكت قوات النظام مع مقاتلي جبهة أنصار الدين قرب مدينة حلب أمس."
    assert only(text).actor2.name == "Jabhat Ansar al-Din"


def test_a_weak_word_with_only_a_country_names_no_incident() -> None:
    assert events_of("قالت الوزارة إن الهجوم على اليمن أمس كان ردا على الاعتداءات.") == []
    assert (
        only("قتل أربعة أشخاص في غارات جوية شنتها مقاتلات على سوريا أمس.").sub_event_type
        == "Air/drone strike"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("دمرت طائرات التحالف أمس عربة صواريخ بالستية للحوثيين في مديرية سحار.", ["Air/drone strike"]),
        ("استهدفت غارة أمس منصة صواريخ للحوثيين في مديرية سحار.", ["Air/drone strike"]),
    ],
)
def test_a_launcher_that_was_hit_is_no_launch(text: str, expected: list) -> None:
    assert [e.sub_event_type for e in events_of(text)] == expected


def test_a_field_advance_is_ground_and_zinjibar_is_in_yemen() -> None:
    event = only("أحرز الجيش الوطني أمس تقدما ميدانيا في مديرية نهم عقب هجوم على مواقع الحوثيين.")
    assert (event.sub_event_type, event.location.name) == ("Government regains territory", "Nihm")
    text = "سيطرت المقاومة الشعبية أمس على مدينة زنجبار في محافظة أبين بعد معارك مع الحوثيين."
    assert only(text).location.country == "YE"


def test_a_toll_since_then_is_cut_off_from_the_day_of_the_next_clause() -> None:
    text = (
        "وقتل ما لا يقل عن 149 فلسطينيا في غارات إسرائيلية على قطاع غزة مذاك، "
        "في حين قتل جندي إسرائيلي الثلاثاء في اشتباك قرب خان يونس."
    )
    assert [(e.sub_event_type, e.fatalities) for e in events_of(text)] == [("Armed clash", 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a launcher that fires keeps its rockets
        (
            "قصفت راجمة صواريخ تابعة للنظام بلدة كفرنبل أمس.",
            [("Shelling/artillery/missile attack", "rocket")],
        ),
        # guns named beside the verb: planes flying over do not make it an air strike
        (
            "قصفت مدفعية الجيش مواقع الحوثيين في مديرية حرض أمس في حين حلقت طائرات التحالف فوق المنطقة.",
            [("Shelling/artillery/missile attack", "artillery")],
        ),
        ("فشل الحوثيون في تحقيق أي تقدم ميداني في مديرية نهم أمس.", []),
        # "منذ صباح اليوم" is one day's toll
        (
            "قتل 12 مدنيا في قصف على مدينة دوما منذ صباح اليوم، بينما قصفت الطائرات بلدة عربين أمس.",
            [("Shelling/artillery/missile attack", None), ("Air/drone strike", "aircraft")],
        ),
        # "مذاك" closing its clause, and "وفي حين"
        (
            "قتل 149 فلسطينيا في غارات إسرائيلية على قطاع غزة مذاك وفي حين قتل جندي الثلاثاء في اشتباك قرب خان يونس.",
            [("Armed clash", "firearm")],
        ),
    ],
)
def test_third_review_cases(text: str, expected: list) -> None:
    assert [(e.sub_event_type, e.weapon) for e in events_of(text)] == expected


def test_the_village_does_not_point_back_at_a_city_and_an_armed_group_held_is_the_second_side() -> None:
    assert events_of("زار الوزير مدينة حمص أمس. وقال إن الهجوم على القرية الأحد كان إرهابيا.") == []
    text = "قصفت الطائرات الحربية مدينة عفرين أمس. وسقطت قذائف هاون على الأحياء الشمالية للمدينة."
    assert [e.location.name for e in events_of(text)] == ["`Afrin", "`Afrin"]
    event = only("ألقي القبض على ثلاثة مسلحين من داعش في مدينة كركوك أمس.")
    assert (event.actor1.name, event.actor2.name) == ("Police Forces of Iraq", "Islamic State")
    event = only("سيطر الحوثيون على مدينة دمت أمس واعتقلوا 15 شخصا من سكانها.".replace("سيطر", "دخل"))
    assert (event.actor1.name, event.interaction) == ("Houthis (Ansar Allah)", "27")


def test_a_new_wa_fi_phrase_adds_a_place_unless_it_brings_its_own_event() -> None:
    text = "شنت مقاتلات التحالف أمس غارات على مواقع الحوثيين في مديرية الجراحي، وفي مديرية حيس جنوب الحديدة."
    assert [e.location.name for e in events_of(text)] == ["Al Jarrāḩī", "Ḩays"]
    text = "قصفت الطائرات مدينة حلب أمس، وفي إدلب اندلعت اشتباكات بين الفصائل."
    assert sorted((e.sub_event_type, e.location.name) for e in events_of(text)) == [
        ("Air/drone strike", "Aleppo"),
        ("Armed clash", "Idlib"),
    ]


@pytest.mark.parametrize(
    ("text", "side", "name"),
    [  # fired "from Yemeni land": the Houthis
        (
            "اعترضت قوات الدفاع الجوي السعودي صاروخا باليستيا أطلق من الأراضي اليمنية باتجاه مدينة جازان مساء أمس.",
            "actor2",
            "Houthis (Ansar Allah)",
        ),  # the coalition intercepting over Saudi land: the Saudi air defence (inter 1)
        (
            "اعترضت قوات التحالف صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة نجران مساء أمس.",
            "actor1",
            "Military Forces of Saudi Arabia",
        ),
    ],
)
def test_missiles_at_saudi_arabia_are_the_houthis_against_saudi_forces(
    text: str, side: str, name: str
) -> None:
    event = only(text)
    assert event.sub_event_type == "Disrupted weapons use"
    assert getattr(event, side) is not None and getattr(event, side).name == name
    assert event.interaction == "12"


def test_barrel_bombs_are_dropped_from_the_air() -> None:
    text = "ألقى الطيران المروحي براميل متفجرة على بلدة داعل بريف درعا صباح أمس."
    event = only(text)
    assert (event.sub_event_type, event.weapon) == ("Air/drone strike", "aircraft")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Syria"


def test_a_group_fighting_an_unnamed_side_fights_the_foe_the_article_names() -> None:
    text = (
        "اندلعت اشتباكات عنيفة في مدينة الضالع صباح أمس قتل فيها ثمانية من مسلحي الحوثي. "
        "وكانت المقاومة الشعبية قد أعلنت أمس الأول أنها صدت هجوما للحوثيين، "
        "وقالت المقاومة الشعبية إنها تتقدم في المحافظة."
    )
    clash = next(e for e in events_of(text) if e.sub_event_type == "Armed clash")
    names = {a.name for a in (clash.actor1, clash.actor2) if a is not None}
    assert names == {"Houthis (Ansar Allah)", "Popular Resistance"}


def test_an_unclaimed_bombing_is_laid_on_a_group_only_if_the_article_keeps_naming_it() -> None:
    text = (
        "قتل ثلاثة مدنيين بانفجار عبوة ناسفة في سوق بمدينة كركوك صباح أمس. "
        "وكان تنظيم داعش قد سيطر على مناطق قريبة قبل سنوات، ثم طرد تنظيم داعش منها."
    )
    event = only(text)
    assert event.actor1 is not None and event.actor1.name == "Unidentified armed group"
    text += " ويقول مسؤولون إن خلايا تنظيم داعش ما زالت تنشط في المنطقة."
    event = only(text)
    assert event.actor1 is not None and event.actor1.name == "Islamic State"


def test_people_of_the_land_named_by_their_nationality_alone_are_civilians() -> None:
    event = only("قتل فلسطيني برصاص الجيش الإسرائيلي في بلدة بيت أمر قرب الخليل أمس.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "78")
    event = only("أطلق جنود إسرائيليون النار على فلسطينيين اثنين في البلدة القديمة من الخليل أمس.")
    assert event.actor1 is not None and event.actor1.name == "Military Forces of Israel"
    assert event.interaction == "78"  # those shot at are no Palestinian force
    # Americans wounded in Kandahar are troops, not the people of the land
    text = (
        "أعلن متحدث باسم القوات الأمريكية أن اثنين أمريكيين أصيبا في هجوم بإطلاق النار في مقاطعة قندهار أمس."
    )
    assert only(text).sub_event_type == "Armed clash"


def test_an_attack_hits_civilians_and_a_capital_named_as_its_place_is_not_the_state() -> None:
    event = only("نفذ مهاجم عملية طعن في مدينة باريس أمس أسفرت عن قتيل وأربعة جرحى، وتبنى تنظيم داعش الهجوم.")
    assert (event.fatalities, event.injured) == (1, 4)  # "أسفرت عن قتيل": one killed
    assert event.actor1 is not None and event.actor1.name == "Islamic State"
    assert event.actor2 is not None and event.actor2.name == "Civilians (France)"


def test_a_single_casualty_noun_after_a_count_of_the_other_kind_is_one() -> None:
    event = only("وقع انفجار في سوق ببغداد أمس أسفر عن 5 قتلى وجريح.")
    assert (event.fatalities, event.injured) == (5, 1)
    event = only("وقع انفجار في سوق ببغداد أمس أسفر عن سقوط 12 قتيلا وجريحا.")
    assert event.fatalities == 12  # "12 قتيلا وجريحا" counts both together, not one wounded


def test_a_lead_naming_only_the_country_is_the_incident_its_town_report_tells() -> None:
    text = (
        "دعت السلطات الإيرانية السبت مواطنيها إلى عدم السفر برا إلى تركيا بعد هجوم استهدف حافلة إيرانية خلف "
        "قتيلا في شرق تركيا. وكان مسلحون استهدفوا الجمعة حافلة ركاب إيرانية بين الحدود الإيرانية ومدينة فان "
        "ما أدى إلى مقتل السائق."
    )
    events = events_of(text, dt.date(2015, 8, 9))
    assert len(events) == 1
    assert events[0].location is not None and events[0].location.name == "Van"
    assert events[0].date == dt.date(2015, 8, 7)  # Friday's attack, not Saturday's advice
    assert events[0].interaction == "37"


def test_the_police_that_report_an_attack_are_not_its_target() -> None:
    for text in (
        "قتل سبعة تلاميذ طعنا وجرح 12 آخرون في هجوم بسكين خارج مدرسة في مدينة كركوك أمس، "
        "وقالت الشرطة إنها تلاحق المهاجم.",
        "هاجم مسلح بسكين تلاميذ خارج مدرسة في مدينة كركوك أمس، بحسب ما أفادت الشرطة العراقية.",
    ):
        event = only(text)
        assert event.sub_event_type == "Attack"
        assert event.actor2 is not None and event.actor2.name == "Civilians (Iraq)"


def test_an_armed_group_attacking_a_named_town_tells_an_incident_without_a_day() -> None:
    event = only("وشن الحوثيون هجوما على مواقع الجيش في مديرية نهم.")
    assert (event.sub_event_type, event.interaction) == ("Armed clash", "12")
    assert event.location is not None and event.location.name == "Nihm"
    assert event.date == PUB and event.time_precision == 2  # no day given: the report's week
    # a known attack named after the word, and an armed group with only a country, are no new incident
    assert events_of("ولم تعلن جماعة بوكو حرام مسؤوليتها عن هجوم دابشي.") == []
    assert events_of("وشن الحوثيون هجمات على السعودية.") == []


def test_a_militia_named_after_a_city_is_no_place() -> None:
    text = "واندلعت اشتباكات بين قوات النظام و«لواء القدس الفلسطيني» والكتائب الإسلامية في محيط قرية نقارين بريف حلب أمس."
    event = only(text)
    assert event.location is not None and event.location.country == "SY"  # not Jerusalem
    # the militia fights beside the army, so the other side is the Islamic battalions
    assert {a.name for a in (event.actor1, event.actor2) if a is not None} == {
        "Military Forces of Syria",
        "Unidentified armed group",
    }


def test_soldiers_named_by_a_dual_and_their_nationality_are_the_forces_hit() -> None:
    text = "قتل جنديان تركيان وجرح أربعة آخرون مساء السبت إثر تفجير سيارة ملغومة لدى مرور قافلة عسكرية في محافظة ديار بكر."
    event = only(text)
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Turkey"
    assert event.interaction == "13"


def test_those_evacuated_under_an_agreement_are_no_party_to_it() -> None:
    text = (
        "وانتهت أمس عملية إجلاء مقاتلي فيلق الرحمن ومدنيين من القطاع الجنوبي بالغوطة الشرقية. "
        "وكان فيلق الرحمن قد توصل إلى اتفاق مع الجانب الروسي، بحسب ما أعلنت وزارة الدفاع الروسية."
    )
    agreement = next(e for e in events_of(text) if e.sub_event_type == "Agreement")
    assert all(a is None or a.inter != 7 for a in (agreement.actor1, agreement.actor2))


def test_a_suicide_bomber_in_the_accusative_makes_a_suicide_bombing() -> None:
    text = (
        "قالت الشرطة الصومالية إن انتحاريا شن هجوما كبيرا بسيارة مفخخة على مبنى حكومي في العاصمة مقديشو أمس."
    )
    assert only(text).sub_event_type == "Suicide bomb"


def test_review_forces_named_as_the_object_of_an_attack_stay_its_target() -> None:
    text = "نفذ مهاجم عملية دهس استهدفت جنودا فرنسيين في مدينة باريس أمس ما أدى إلى إصابة ستة جنود."
    event = only(text)
    assert event.actor2 is not None and event.actor2.name == "Military Forces of France"


def test_review_a_nationality_that_kills_is_no_victim() -> None:
    event = only("قتل عراقي ثلاثة من عناصر الشرطة بإطلاق النار عليهم في كركوك أمس.")
    assert event.sub_event_type == "Armed clash"
    assert all(a is None or a.inter != 7 for a in (event.actor1, event.actor2))
    # a number that is an age is no object: the Palestinian was killed
    for text in (
        "قتل فلسطيني 19 عاما برصاص قوات الاحتلال في مدينة نابلس أمس.",
        "أصيب فلسطيني 20 عاما برصاص قوات الاحتلال في مدينة نابلس أمس.",
    ):
        assert only(text).interaction == "78"


def test_review_a_group_executing_soldiers_is_an_attack_not_a_judicial_execution() -> None:
    event = only("أعدم تنظيم داعش خمسة جنود عراقيين في مدينة الموصل أمس.")
    assert event.sub_event_type == "Attack"
    assert event.actor1 is not None and event.actor1.name == "Islamic State"
    assert event.actor2 is not None and event.actor2.name == "Military Forces of Iraq"
    assert events_of("أعدمت السلطات السعودية ثلاثة مدانين في مدينة الرياض أمس.") == []
    # the state executing members of a group is still a judicial execution
    assert events_of("أعدمت السلطات العراقية 21 مدانا من عناصر تنظيم داعش في سجن الناصرية أمس.") == []


def test_review_one_wounded_after_a_dual_and_tolls_of_other_kinds_stay_apart() -> None:
    assert only("أسفر الانفجار في سوق ببغداد أمس عن قتيلين وجريح.").injured == 1
    text = "قتل شخص في غارة جوية في اليمن أمس. وفي مدينة تعز، قتل مدني برصاص قناص حوثي أمس."
    assert {e.sub_event_type for e in events_of(text)} == {"Air/drone strike", "Attack"}


def test_review_a_group_and_a_town_without_a_day_are_no_incident_in_history_or_in_words() -> None:
    assert events_of("ويعد هجوم تنظيم داعش على مدينة الموصل عام 2014 الأكبر في تاريخه.") == []
    assert events_of("وهاجم الحوثيون في بيان لهم من صنعاء قرار مجلس الأمن.") == []


def test_review_the_unnamed_foe_of_a_group_is_no_un_that_speaks() -> None:
    text = (
        "اندلعت اشتباكات عنيفة في مدينة الضالع صباح أمس قتل فيها ثمانية من مسلحي الحوثي. "
        "وقال مسؤول في الأمم المتحدة إن الأمم المتحدة تتابع الوضع."
    )
    clash = next(e for e in events_of(text) if e.sub_event_type == "Armed clash")
    assert clash.actor2 is not None
    assert all(a is None or a.name != "United Nations" for a in (clash.actor1, clash.actor2))


def test_a_decimal_time_in_arabic_digits_is_no_year() -> None:
    event = only("وشن الحوثيون هجوما على مواقع الجيش في مديرية نهم عند الساعة ٤.٣٠ فجرا.")
    assert event.location is not None and event.location.name == "Nihm"
    assert events_of("ويعد هجوم تنظيم داعش على مدينة الموصل عام ٢٠١٤ الأكبر في تاريخه.") == []


def test_an_incident_of_another_year_with_no_day_is_not_dated_today() -> None:
    assert (
        events_of("وكانت نيروبي شهدت في 1998 هجوما داميا للقاعدة استهدف السفارة الأميركية وأوقع 224 قتيلا.")
        == []
    )
    # a year after "منذ" and a count are no date of the incident
    assert len(events_of("قتل خمسة مدنيين في غارة جوية على مدينة إدلب، في أسوأ هجوم منذ 2019.")) == 1
    assert len(events_of("هاجم نحو 2000 مسلح من تنظيم داعش مدينة الرمادي.")) == 1


def test_ramming_and_shooting_phrases() -> None:
    event = only("نفذ مسلح هجوم دهس على مارة قرب مدينة جنين أمس ما أدى إلى إصابة ثلاثة.")
    assert (event.sub_event_type, event.injured) == ("Attack", 3)
    assert events_of("أصيب ثلاثة أشخاص في حادث دهس بشاحنة في مدينة عمان أمس.") == []  # a road accident
    event = only("وكان مسلحون مجهولون أطلقوا الرصاص على سيارة مدنية في مدينة تعز أمس.")
    assert (event.sub_event_type, event.weapon) == ("Attack", "firearm")


def test_review3_soldiers_who_respond_are_not_those_hit_and_field_executions_are_attacks() -> None:
    event = only("وقع هجوم بسكين وأطلق جنود الاحتلال النار على المنفذ في الخليل أمس.")
    assert event.actor2 is not None and event.actor2.inter == 7
    event = only("أعدمت قوات الأمن العراقية ميدانيا ثلاثة من عناصر داعش في الموصل أمس.")
    assert event.sub_event_type == "Attack"
    event = only("جرح عراقي ثلاثة من عناصر الشرطة بإطلاق النار عليهم في كركوك أمس.")
    assert all(a is None or a.inter != 7 for a in (event.actor1, event.actor2))
    event = only("قتل خمسة مدنيين في غارة جوية على مدينة إدلب أمس، في أسوأ هجوم منذ عام 2019.")
    assert event.date == PUB - dt.timedelta(days=1)


def test_a_hedged_nationality_of_the_missiles_names_the_state_that_fired() -> None:
    text = "قالت وكالة الأنباء السورية إن صواريخ، يرجح أنها أمريكية، استهدفت مطارا عسكريا قرب مدينة حمص فجر اليوم."
    event = only(text)
    assert event.actor1 is not None and event.actor1.name == "Military Forces of the United States"


def test_forces_named_first_and_counted_among_the_dead_are_what_a_bomb_hit() -> None:
    text = (
        "طالت يد الغدر أمس مصلين في مسجد تابع لقوات الطوارئ في مدينة أبها، ونفذ انتحاري العملية مرتديا "
        "حزاما ناسفا مما أسفر عن مقتل 15 شخصا، ضمنهم 12 من رجال الأمن."
    )
    event = only(text)
    assert event.sub_event_type == "Suicide bomb"
    assert event.interaction == "13"


def test_the_joint_resistance_of_the_west_coast_is_the_state_side() -> None:
    event = only("اندلعت أمس مواجهات عنيفة بين المقاومة اليمنية المشتركة والحوثيين في مديرية التحيتا.")
    assert (event.sub_event_type, event.actor1.name, event.interaction) == (
        "Armed clash",
        "Military Forces of Yemen (Joint Forces)",
        "12",
    )


def test_the_coalition_strikes_the_foe_of_the_ground_forces_it_backs() -> None:
    text = (
        "قتل ثلاثون مسلحا من ميليشيات الحوثي أمس في غارات لمقاتلات التحالف العربي ومواجهات مع قوات "
        "المقاومة اليمنية المشتركة في مديرية التحيتا."
    )
    strike = next(e for e in events_of(text) if e.sub_event_type == "Air/drone strike")
    assert (strike.actor2.name, strike.interaction) == ("Houthis (Ansar Allah)", "28")


def test_a_coalition_strike_beside_the_popular_resistance_hits_their_foe() -> None:
    text = (
        "قتل عشرون مسلحا حوثيا أمس في غارات لطيران التحالف العربي ومواجهات مع المقاومة الشعبية في مديرية نهم."
    )
    strike = next(e for e in events_of(text) if e.sub_event_type == "Air/drone strike")
    assert (strike.actor2.name, strike.interaction) == ("Houthis (Ansar Allah)", "28")


def test_fighting_named_beside_air_strikes_is_a_clash_of_its_own() -> None:
    text = (
        "قتل عشرون مسلحا حوثيا أمس في غارات لطيران التحالف العربي ومواجهات مع المقاومة الشعبية في مديرية نهم."
    )
    events = sorted(events_of(text), key=lambda e: e.sub_event_type)
    # the toll told once for both is counted once
    assert [(e.sub_event_type, e.fatalities) for e in events] == [
        ("Air/drone strike", 20),
        ("Armed clash", None),
    ]
    text = "شن طيران التحالف أمس غارات على مدينة صعدة، في ظل استمرار المواجهات مع الحوثيين منذ أشهر."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    text = (
        "قتل عشرون مسلحا حوثيا أمس في غارات لطيران التحالف ومواجهات مع قوات الجيش أسفرت عن مقتل 4 جنود "
        "في مديرية نهم."
    )
    tolls = sorted((e.sub_event_type, e.fatalities) for e in events_of(text))
    assert tolls == [("Air/drone strike", 20), ("Armed clash", 4)]  # the fighting's own toll
    text = (
        "شن طيران التحالف غارات على مدينة صعدة أمس، فيما قتل 5 جنود سعوديين في مواجهات مع الحوثيين في جيزان."
    )
    clash = next(e for e in events_of(text) if e.sub_event_type == "Armed clash")
    assert clash.location.name == "Jizan"
    text = "قتل 16 فلسطينيا أمس في مواجهات مع الجيش الإسرائيلي على حدود قطاع غزة."
    assert "Armed clash" not in [e.sub_event_type for e in events_of(text)]
    # beside shelling too, the fighting that went with it
    text = "تزامن القصف المدفعي للحوثيين على قرى المنطقة مع مواجهات شهدتها جبهة مريس في الضالع أمس."
    assert sorted(e.sub_event_type for e in events_of(text)) == [
        "Armed clash",
        "Shelling/artillery/missile attack",
    ]


def test_a_call_for_an_agreement_is_none() -> None:
    assert events_of("دعت الأمم المتحدة الأحد إلى اتفاق بين الطرفين في مدينة الحديدة.") == []


def test_an_attack_word_with_no_armed_side_named_is_an_attack() -> None:
    event = only("وقع الهجوم أمس في مدينة سالزبري البريطانية.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "37")
    event = only("هاجم مسلحو داعش أمس مواقع الجيش العراقي في قضاء الحويجة.")
    assert event.sub_event_type == "Armed clash"


def test_an_umbrella_and_its_member_faction_are_one_side() -> None:
    text = "بدأت أمس عملية إجلاء مقاتلين من جيش الإسلام من مدينة دوما آخر جيب تحت سيطرة الفصائل المعارضة."
    event = only(text)
    assert (event.sub_event_type, event.actor1.name, event.actor2) == ("Agreement", "Jaish al-Islam", None)


@pytest.mark.parametrize(
    "text, sides",
    [
        (
            "اندلع اقتتال أمس بين جيش الإسلام وفيلق الرحمن في بلدة عربين.",
            {"Jaish al-Islam", "Faylaq al-Rahman"},
        ),
        (
            "اندلعت أمس اشتباكات بين قوات الحزام الأمني وقوات الحكومة الشرعية في مدينة عدن.",
            {"Security Belt Forces", "Military Forces of Yemen (Hadi government)"},
        ),
        (
            "اندلعت أمس اشتباكات بين قوات البيشمركة والجيش العراقي قرب مدينة كركوك.",
            {
                "Military Forces of Iraq (Kurdistan Regional Government - Peshmerga)",
                "Military Forces of Iraq",
            },
        ),
    ],
)
def test_allies_named_against_each_other_fight(text: str, sides: set[str]) -> None:
    event = only(text)
    assert {event.actor1.name, event.actor2.name} == sides


def test_an_arrest_for_ordinary_crime_is_none() -> None:
    assert events_of("أوقفت قوى الأمن أمس في ضواحي بيروت ثلاثة أشخاص لتنفيذهم عمليات ابتزاز.") == []
    event = only("أوقفت قوى الأمن أمس في ضواحي بيروت ثلاثة أشخاص يشتبه في انتمائهم إلى خلية إرهابية.")
    assert event.sub_event_type == "Arrests"
    event = only("اعتقلت الشرطة العسكرية الروسية أمس عناصر من قوات النظام في بلدة ببيلا أثناء سرقتهم منازل.")
    assert event.sub_event_type == "Arrests"
    event = only("اعتقلت ميليشيا الحوثي أمس في مدينة صنعاء 20 مدنيا بتهمة السرقة.")
    assert (event.sub_event_type, event.interaction) == ("Arrests", "27")


def test_a_month_named_before_dates_no_later_sentence() -> None:
    text = "زار الوزير حي القدم في فبراير الماضي.\nوقتل ثلاثة جنود في كمين في حي القدم جنوب دمشق."
    ambush = only(text)
    assert (ambush.sub_event_type, ambush.date, ambush.time_precision) == ("Armed clash", PUB, 2)


def test_meanwhile_a_strike_is_at_the_place_just_reported() -> None:
    text = (
        "قتل سبعة حوثيين أمس في معارك عنيفة في جبهة ميدي بمحافظة حجة.\n"
        "في الأثناء، نفذت مقاتلات التحالف العربي أربع غارات جوية على تعزيزات الميليشيات."
    )
    strike = next(e for e in events_of(text) if e.sub_event_type == "Air/drone strike")
    assert (strike.location.name, strike.date) == ("Mīdī", PUB - dt.timedelta(days=1))
    text = (
        "قتل سبعة حوثيين أمس في معارك عنيفة في جبهة ميدي بمحافظة حجة.\n"
        "في غضون ذلك، اعتقلت الشرطة التركية 20 شخصا يشتبه بانتمائهم إلى داعش."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Armed clash"]  # not a Turkish arrest in Yemen


def test_renewed_fighting_with_no_side_named_is_a_clash() -> None:
    event = only("تجدد القتال أمس في بلدة عربين.")
    assert (event.sub_event_type, event.actor1, event.actor2) == ("Armed clash", None, None)


def test_allies_set_against_each_other_by_sides() -> None:
    event = only("اندلعت أمس اشتباكات بين جيش الإسلام من جهة وفيلق الرحمن من جهة أخرى في بلدة عربين.")
    assert {event.actor1.name, event.actor2.name} == {"Jaish al-Islam", "Faylaq al-Rahman"}


def test_fighting_near_two_districts_named_apart_is_two_events() -> None:
    text = (
        "دارت أمس معارك عنيفة بين الجيش والحوثيين غرب مديرية المصلوب.\n"
        "كما دارت أمس اشتباكات بين الجيش والحوثيين شرق مديرية المتون."
    )
    assert [e.location.name for e in events_of(text)] == ["Al Maşlūb", "Al Matūn"]


def test_rioters_alone_are_the_only_side_of_a_riot() -> None:
    text = (
        "انتشرت قوات الأمن العراقية في شوارع مدينة البصرة، وقالت قوات الأمن إن الوضع تحت السيطرة.\n"
        "واقتحم المحتجون أمس مبنى المحافظة في مدينة البصرة وأضرموا النار فيه."
    )
    riot = next(e for e in events_of(text) if e.sub_event_type == "Violent demonstration")
    assert (riot.actor2, riot.interaction) == (None, "50")


def test_the_group_that_claimed_a_suicide_bombing_carried_it_out() -> None:
    event = only("قتل 32 شخصا أمس في تفجير انتحاري في بلدة سروج تبناه تنظيم داعش.")
    assert (event.sub_event_type, event.actor1.name, event.interaction) == (
        "Suicide bomb",
        "Islamic State",
        "27",
    )


def test_dozens_killed_is_no_figure() -> None:
    event = only("قتل العشرات من مسلحي الحوثي أمس في غارات لطيران التحالف على مديرية نهم.")
    assert (event.sub_event_type, event.fatalities) == ("Air/drone strike", None)
    event = only("قتل 12 مسلحا وجرح العشرات أمس في غارات لطيران التحالف على مديرية نهم.")
    assert (event.fatalities, event.injured) == (12, None)
    event = only("قتل العشرات أمس في غارات على مدينة إدلب، وأكد الدفاع المدني مقتل 14 شخصا.")
    assert event.fatalities == 14  # the figure, not the vague count nearer the strikes
    event = only("قتل مئات المدنيين أمس في غارات على مدينة إدلب بينهم 40 طفلا.")
    assert event.fatalities == 40  # the one figure the report gives
    assert only("جرح عدة أشخاص أمس في انفجار عبوة ناسفة في مدينة الموصل.").injured is None


def test_a_threat_to_kill_is_no_toll_and_those_executed_are_killed() -> None:
    event = only("اختطف مسلحون أمس عشرة أشخاص في مدينة الموصل مهددين بقتلهم.")
    assert (event.sub_event_type, event.fatalities) == ("Abduction/forced disappearance", None)
    text = "أعدم تنظيم داعش أمس 23 شخصا في قضاء الفلوجة، ويحتجز نحو 100 ألف نسمة ويهدد بالقتل كل من يحاول الخروج."
    assert only(text).fatalities == 23
    assert events_of("أعدمت السلطات أمس ثلاثة مدانين في سجن مدينة الناصرية.") == []  # a court's execution


def test_the_police_that_tell_of_an_attack_are_no_side_of_it() -> None:
    for source in ("بحسب الشرطة", "وفقا للشرطة", "نقلا عن الشرطة"):
        event = only(f"قتل 12 مصليا أمس في هجوم استهدف مسجدا في مدينة كانو، {source}.")
        assert (event.sub_event_type, event.actor1.name, event.interaction) == (
            "Attack",
            "Unidentified armed group",
            "37",
        )


def test_a_dated_attack_placed_only_in_the_country_is_the_bombing_told_in_its_province() -> None:
    text = (
        "قتل 20 مصليا أمس في هجوم استهدف مسجدا شمالي نيجيريا. "
        "وقال متحدث باسم حكومة ولاية بورنو إن تفجيرا وقع أمس أثناء صلاة الظهر."
    )
    event = only(text)
    assert (event.sub_event_type, event.location.name, event.fatalities) == (
        "Remote explosive/landmine/IED",
        "Borno State",
        20,
    )


def test_worshippers_who_fled_a_bomb_did_not_plant_it() -> None:
    text = "قال الناطق باسم الشرطة إن تفجيرا وقع أمس في مسجد بمدينة كانو، وبينما فر المصلون وقع تفجير آخر."
    event = only(text)
    assert (event.actor1.name, event.actor2.name) == ("Unidentified armed group", "Civilians (Nigeria)")


def test_a_tear_gas_canister_is_no_bomb() -> None:
    text = "أصيب شاب فلسطيني أمس بعبوة غاز مسيل للدموع أطلقها الجيش الإسرائيلي في خان يونس."
    assert all(e.sub_event_type != "Remote explosive/landmine/IED" for e in events_of(text))
    text = "أصيب متظاهر فلسطيني أمس بعبوة غاز مسيل للدموع أطلقها الجيش الإسرائيلي خلال مظاهرة في خان يونس."
    assert [e.sub_event_type for e in events_of(text)] == ["Protest with intervention"]


def test_air_defence_that_only_saw_a_missile_stopped_nothing() -> None:
    text = "رصدت قوات الدفاع الجوي السعودي أمس صاروخا باليستيا أطلقه الحوثيون سقط في صحراء قرب مدينة نجران."
    event = only(text)
    assert (event.sub_event_type, event.actor1.name) == (
        "Shelling/artillery/missile attack",
        "Houthis (Ansar Allah)",
    )
    text = "اعترضت قوات الدفاع الجوي السعودي أمس صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة نجران."
    assert only(text).sub_event_type == "Disrupted weapons use"


def test_the_dateline_names_no_side() -> None:
    event = only("دبي، الإمارات العربية المتحدة (CNN) -- قتل جنديان في اشتباكات اندلعت أمس في مدينة درنة.")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Libya", "Unidentified armed group")


def test_what_a_strike_answered_has_its_own_day() -> None:
    text = (
        "وقصفت طائرات أمريكية مواقع للجيش السوري السبت ردا على هجوم كيميائي اتهمت قوات النظام بشنه في "
        "السابع من نيسان على المدنيين في مدينة دوما."
    )
    chemical = next(e for e in events_of(text) if e.sub_event_type == "Chemical weapon")
    assert (chemical.date, chemical.location.name) == (dt.date(2023, 4, 7), "Duma")


def test_a_capital_near_which_something_happened_is_a_place_not_a_state() -> None:
    text = "قتل خمسة أشخاص أمس في إطلاق نار استهدف مقر صحيفة في مدينة أنابوليس قرب واشنطن."
    event = only(text)
    assert (event.sub_event_type, event.actor2.name) == ("Attack", "Civilians (United States)")
    assert event.actor1 is None or "United States" not in event.actor1.name


def test_clashes_with_no_side_named_at_a_protest_are_that_protest() -> None:
    text = (
        "تظاهر آلاف الفلسطينيين أمس قرب السياج الحدودي شرق مدينة غزة وأطلق الجنود الإسرائيليون النار عليهم. "
        "وقالت وزارة الصحة إن فلسطينيين اثنين قتلا في الاشتباكات أمس شرق مدينة غزة."
    )
    assert [(e.sub_event_type, e.fatalities) for e in events_of(text)] == [
        ("Excessive force against protesters", 2)
    ]


def test_missiles_intercepted_on_their_way_to_a_town_were_stopped_there() -> None:
    text = (
        "اعترضت قوات الدفاع الجوي التابعة للتحالف العربي لدعم الشرعية أمس صاروخين باليستيين أطلقا من قبل "
        "ميليشيات الحوثي الإيرانية في اليمن باتجاه الأراضي السعودية. "
        "وأوضح المتحدث أن الصاروخين كانا باتجاه مدينة نجران."
    )
    event = only(text)
    assert (event.sub_event_type, event.location.name, event.actor2.name) == (
        "Disrupted weapons use",
        "Najran",
        "Houthis (Ansar Allah)",
    )


def test_a_missile_fired_from_one_country_at_another_is_told_of_where_it_was_aimed() -> None:
    text = "اعترض الدفاع الجوي السعودي أمس صاروخا أطلقه الحوثيون من اليمن باتجاه الأراضي السعودية، وأصابت شظاياه 3 مدنيين."
    event = only(text)
    assert (event.sub_event_type, event.location.name, event.actor2.name, event.injured) == (
        "Disrupted weapons use",
        "Saudi Arabia",
        "Houthis (Ansar Allah)",
        3,
    )


def test_a_news_agency_named_by_its_country_is_no_side() -> None:
    text = 'وحسب وكالة الأنباء السعودية، أوضح المتحدث أن "صاروخين سقطا أمس في مدينة جازان وأصابا 4 مدنيين".'
    event = only(text)
    assert event.actor1 is None or "Saudi Arabia" not in event.actor1.name


def test_shells_used_in_an_attack_on_soldiers_are_its_arms() -> None:
    text = (
        "شن مسلحون من تنظيم داعش أمس هجوما على تجمع لقوات الجيش العراقي في منطقة البغدادي استخدموا خلاله "
        "أسلحة متوسطة وقذائف، ما أدى إلى مقتل جنديين."
    )
    event = only(text)
    assert (event.sub_event_type, event.interaction, event.fatalities) == ("Armed clash", "12", 2)


def test_what_the_review_found_the_new_rules_must_not_do() -> None:
    # a spokesman's own forces that set off a bomb did it
    event = only("قال الناطق باسم الجيش إن قواته فجرت أمس عبوة ناسفة في مدينة الرمادي.")
    assert event.actor1.name == "Military Forces of Iraq"
    # an answer to a question is no other event
    event = only("قال الجيش ردا على سؤال إن قواته قصفت أمس مواقع في بلدة الباب.")
    assert event.actor1.name == "Military Forces of Syria"
    # a speaker before a colon is no dateline
    event = only("قال الجيش الإسرائيلي: قصفنا أمس مواقع لحماس في خان يونس.")
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Israel", "Hamas")
    # a missile seen and then dealt with was stopped
    event = only("رصد الدفاع الجوي أمس صاروخا باليستيا باتجاه مدينة جازان وتم التعامل معه.")
    assert (event.sub_event_type, event.location.name) == ("Disrupted weapons use", "Jizan")


def test_a_salvo_fired_later_that_day_is_not_the_missile_intercepted_over_the_country() -> None:
    text = (
        "اعترضت قوات الدفاع الجوي السعودي أمس صاروخا باليستيا أطلقه الحوثيون باتجاه الأراضي السعودية. "
        "وفي وقت لاحق أمس أطلق الحوثيون صاروخين على مدينة جازان."
    )
    assert [(e.sub_event_type, e.location.name) for e in events_of(text)] == [
        ("Shelling/artillery/missile attack", "Jizan")
    ]


def test_clashes_with_no_side_named_at_a_protest_make_it_violent() -> None:
    text = "تظاهر آلاف السودانيين أمس في مدينة الخرطوم، واندلعت اشتباكات عنيفة أمس في الخرطوم."
    assert [e.sub_event_type for e in events_of(text)] == ["Violent demonstration"]


def test_an_indefinite_noun_in_the_accusative_is_still_its_event_word() -> None:
    assert only("نفذ مئات المعلمين أمس اعتصاما أمام مبنى المحافظة في مدينة البصرة.").sub_event_type == (
        "Peaceful protest"
    )
    text = "قال المتحدث إن انفجارا وقع أمس قرب سوق شعبي في مدينة كركوك وأسفر عن مقتل 4 مدنيين."
    assert only(text).sub_event_type == "Remote explosive/landmine/IED"
    text = "وتظاهر العشرات أمس في مدينة البصرة احتجاجا على انقطاع الكهرباء."
    assert [e.sub_event_type for e in events_of(text)] == ["Peaceful protest"]  # not "احتجاجا" alone


def test_the_killing_a_sit_in_protested_is_an_event_of_its_own_day() -> None:
    text = (
        "اعتصم مئات الأشخاص أمس في مدينة اللاذقية احتجاجا على قتل مسلح ضابطا بإطلاق النار عليه ليل "
        "الأحد الماضي في مدينة اللاذقية."
    )
    events = {e.sub_event_type: e for e in events_of(text)}
    assert set(events) == {"Peaceful protest", "Attack"}
    assert (events["Peaceful protest"].date, events["Attack"].date) == (
        dt.date(2024, 3, 13),
        dt.date(2024, 3, 10),
    )


def test_the_day_after_a_cause_word_is_the_cause_s() -> None:
    text = "اعتصم مئات الموظفين في مدينة البصرة عقب فصل زملائهم يوم الأحد الماضي."
    event = only(text)
    assert (event.date, event.time_precision) == (PUB, 2)  # today's news, not Sunday's


def test_a_country_after_in_is_no_nationality_of_the_attack() -> None:
    event = only("لقي 30 مدنيا مصرعهم أمس في هجوم في مالي.")
    assert (event.actor1.name, event.interaction) == ("Unidentified armed group", "37")


def test_the_neighbour_across_the_border_is_not_where_it_happened() -> None:
    text = "قتل أكثر من 30 مدنيا أمس في هجوم شمال شرقي مالي على الحدود مع النيجر."
    assert only(text).location.name == "Mali"
    # with no other place named, the report still stands (placed at the only country it gives)
    text = "قتل 5 أشخاص أمس في هجوم في بلدة صغيرة قرب الحدود مع النيجر."
    assert only(text).fatalities == 5


def test_the_place_in_the_relative_clause_of_the_attack_is_its_place() -> None:
    text = (
        "أدانت رابطة العلماء بمكة المكرمة العمل الإرهابي الذي استهدف أمس مجموعة من رجال الأمن بمنطقة عسير، "
        "وأسفر عن مقتل 5 منهم."
    )
    assert only(text).location.name == "Asir Region"


def test_a_town_then_where_it_lies_is_one_place() -> None:
    text = "وسيطرت القوات التركية أمس على بلدة جنديرس، غربي عفرين."
    assert [e.location.name for e in events_of(text)] == ["Jindayris"]  # not Afrin too


def test_two_groups_of_dead_joined_by_and_add_up() -> None:
    text = "أسفر تفجير انتحاري استهدف مسجدا في مدينة أبها أمس عن مقتل 10 جنود و3 من العاملين في الموقع."
    assert only(text).fatalities == 13
    text = "قتل 4 مدنيين وأصيب 3 آخرون أمس في انفجار في مدينة درنة."
    assert (only(text).fatalities, only(text).injured) == (4, 3)  # another verb, another count


def test_the_state_that_condemns_an_attack_took_no_part_in_it() -> None:
    text = "أدانت الجزائر أمس بشدة عملية احتجاز الرهائن التي نفذها مسلحون بفندق في مدينة سيفاري وسط مالي."
    event = only(text)
    assert "Algeria" not in f"{event.actor1 and event.actor1.name} {event.actor2 and event.actor2.name}"


def test_forces_that_tighten_their_control_over_a_place_regain_it() -> None:
    text = (
        "أحكمت ألوية العمالقة العاملة ضمن القوات الحكومية، بدعم من التحالف، سيطرتها الكاملة على منطقة كيلو 10 "
        "بالحديدة أمس بعد معارك عنيفة مع الحوثيين."
    )
    assert only(text).sub_event_type == "Government regains territory"
    assert events_of("وأكدت الحكومة أمس استمرار سيطرتها على المناطق المحررة.") == []


def test_what_the_second_review_found_the_new_rules_must_not_do() -> None:
    # "فجرا" is at dawn
    assert events_of("وصل الوزير إلى مدينة بغداد الساعة الثالثة فجرا أمس.") == []
    # the relative clause ends at its comma
    text = "قتل 3 جنود أمس في مدينة الموصل في الهجوم الذي استهدف دورية، وفق ما قال مسؤول من بغداد."
    assert only(text).location.name == "Mosul"
    # where a town lies does not end the list of towns
    text = "سقطت قذائف أمس على بلدات جنديرس، غربي عفرين، وراجو وبلبل."
    assert len(events_of(text)) == 3
    # a bomb used in another part of the sentence is an event of its own
    text = "اعتقلت القوات أمس مطلوبين في بغداد، فيما استخدم مسلحون عبوة ناسفة ضد دورية في الموصل."
    assert {e.sub_event_type for e in events_of(text)} == {"Arrests", "Remote explosive/landmine/IED"}
    # the toll of what was protested is not the protest's
    text = "تظاهر المئات أمس في مدينة إدلب احتجاجا على غارة جوية أسفرت عن مقتل 5 مدنيين."
    events = {e.sub_event_type: e for e in events_of(text)}
    assert (events["Peaceful protest"].fatalities, events["Air/drone strike"].fatalities) == (None, 5)


def test_the_side_accused_of_the_deed_did_it() -> None:
    text = "واتهمت دمشق وموسكو وطهران أمس إسرائيل بشن ضربة جوية استهدفت مطار التيفور في محافظة حمص."
    event = only(text)
    assert (event.actor1.name, event.actor2.name) == ("Military Forces of Israel", "Military Forces of Syria")
    text = (
        "هدد الجيش الكوري الجنوبي أمس بالرد على كوريا الشمالية، بعد اتهامه بيونغيانغ بزرع ألغام أرضية في "
        "المنطقة المنزوعة السلاح أدت إلى إصابة جنديين."
    )
    event = only(text)
    assert (event.actor1.name, event.actor2.name) == (
        "Military Forces of North Korea",
        "Military Forces of South Korea",
    )
    assert event.location.name == "North Korea"  # the accused capital is a state here, not Pyongyang


def test_skirmishes_and_fires_at_a_protest_make_it_violent() -> None:
    text = "وفي مدينة معان، أضرم المتظاهرون النار في إطارات السيارات أمس ووقعت مناوشات مع الشرطة."
    assert only(text).sub_event_type == "Violent demonstration"
    text = "واضطرت الشرطة لتفريق متظاهرين أمس في مدينة ملبورن بعد وقوع صدامات."
    assert only(text).sub_event_type == "Violent demonstration"


def test_an_attack_that_hit_the_forces_is_a_clash_with_them() -> None:
    event = only("قتل ضابط وجندي إسرائيليان أمس في عملية دهس بسيارة نفذها فلسطيني شمالي الضفة الغربية.")
    assert (event.sub_event_type, event.interaction) == ("Armed clash", "38")
    event = only("أصيب شرطيان أمس في هجوم طعن نفذه مسلح في مدينة باريس.")
    assert (event.sub_event_type, event.interaction, event.injured) == ("Armed clash", "13", 2)
    event = only("قتل 3 مدنيين أمس في هجوم بسكين في مدينة باريس، بحسب الشرطة.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "37")  # the police only told of it


def test_what_the_third_review_found_the_new_rules_must_not_do() -> None:
    # "اتهام X لـY": X accuses, Y is accused, X takes no part
    event = only("وجاء اتهام واشنطن لموسكو أمس بعد ساعات من غارة جوية على مستشفى في مدينة إدلب.")
    assert (event.actor1.name, event.actor2) == ("Military Forces of Russia", None)
    # a man who set himself on fire, a war of words, a fire set before: the protest stays peaceful
    for text in (
        "تظاهر المئات أمس في مدينة صفاقس، وأضرم شاب النار في نفسه احتجاجا على البطالة.",
        "تظاهر عمال الشركة أمس في مدينة السويس بعد أن أضرم مجهولون النار في مخزن الشركة الأسبوع الماضي.",
        "اعتصم موظفون أمس أمام الوزارة في عمان وسط مناوشات كلامية مع موظفي الوزارة.",
    ):
        assert only(text).sub_event_type == "Peaceful protest", text
    # a retired soldier is a civilian; soldiers executed by a group stay victims of an attack
    event = only("قتل جندي متقاعد أمس في هجوم بسكين داخل منزله في مدينة الإسماعيلية.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "37")
    event = only("أعدمت جماعة مسلحة أمس شرطيا في مدينة سرت.")
    assert event.sub_event_type == "Attack"


def test_unnamed_militants_in_news_of_one_named_group_are_that_group() -> None:
    text = (
        "قال المرصد إن تنظيم داعش سيطر أمس على بلدة في ريف حمص الشرقي، في أكبر تقدم لتنظيم داعش منذ أشهر. "
        "وأضاف أن المسلحين هاجموا أمس حاجزا للجيش قرب مدينة تدمر وقتلوا 5 جنود."
    )
    clash = next(e for e in events_of(text) if e.location.name == "Tadmur")
    assert {clash.actor1.name, clash.actor2.name} == {"Islamic State", "Military Forces of Syria"}
    text = (
        "قال المرصد إن تنظيم داعش سيطر أمس على بلدة في ريف حمص الشرقي، في أكبر تقدم لتنظيم داعش منذ أشهر. "
        "وأضاف أن المسلحين الموالين للنظام هاجموا أمس حاجزا قرب مدينة تدمر وقتلوا 5 أشخاص."
    )
    assert all(
        "Islamic State" not in (e.actor1 and e.actor1.name)
        for e in events_of(text)
        if e.location.name == "Tadmur"
    )


def test_states_listed_as_one_subject_act_together() -> None:
    # "the US, France and Britain struck": one side; the bases struck are Syria's forces
    event = only("شنت الولايات المتحدة وفرنسا وبريطانيا أمس ضربات استهدفت قواعد عسكرية في مدينة حمص.")
    assert event.actor1.name == "Military Forces of the United States"
    assert (event.actor2.name, event.interaction) == ("Military Forces of Syria", "18")
    # "clashes between X and Y", and X and Y who fought each other, stay two sides
    event = only("اندلعت أمس اشتباكات بين الجيش السوري وتنظيم داعش في مدينة دير الزور.")
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Syria", "Islamic State"}
    event = only("اشتبك الجيش اليمني والحوثيون أمس في مديرية نهم.")
    assert {event.actor1.name, event.actor2.name} == {"Military Forces of Yemen", "Houthis (Ansar Allah)"}


def test_military_sites_struck_from_abroad_are_the_forces_of_the_land() -> None:
    event = only("قصفت طائرات إسرائيلية أمس مواقع عسكرية قرب مدينة حمص.")
    assert (event.actor2.name, event.interaction) == ("Military Forces of Syria", "18")
    event = only("قصفت طائرات إسرائيلية أمس مواقع عسكرية إيرانية قرب مدينة حمص.")
    assert (event.actor2.name, event.interaction) == ("Military Forces of Iran", "88")
    event = only("قصفت طائرات إسرائيلية أمس مزرعة قرب مدينة حمص.")
    assert event.actor2 is None


def test_the_coalition_targets_from_the_air() -> None:
    event = only("استهدف التحالف العربي فجر أمس مواقع للحوثيين في مدينة صعدة.")
    assert (event.sub_event_type, event.weapon, event.interaction) == ("Air/drone strike", "aircraft", "28")
    # an offensive the coalition launched is fought on the ground
    assert all(
        e.sub_event_type != "Air/drone strike"
        for e in events_of(
            "وأطلق التحالف في 13 آذار/مارس الماضي هجوما على ساحل البحر الأحمر باتجاه مدينة الحديدة."
        )
    )


def test_a_memory_recalled_is_no_ground_regained() -> None:
    text = (
        "استعادت الولايات المتحدة، أمس، ذكرى مرور 17 عاما على أسوأ هجوم إرهابي داخل أراضيها قتل فيه نحو "
        "ثلاثة آلاف شخص في نيويورك."
    )
    assert all(e.event_type != "Battles" for e in events_of(text))
    assert only("استعادت القوات العراقية، أمس، السيطرة على بلدة بيجي.").sub_event_type == (
        "Government regains territory"
    )


def test_bombs_that_carry_a_poison_are_a_chemical_attack() -> None:
    for text in (
        "قال ناشطون إن قنابل مليئة بمواد كيميائية سامة ضربت مدينة دوما أمس.",
        "قصفت قوات النظام أمس بلدة سراقب بقذائف تحمل غازات سامة.",
    ):
        event = only(text)
        assert (event.sub_event_type, event.weapon) == ("Chemical weapon", "chemical"), text
    # tear gas is no chemical weapon; a poison named beside other strikes is not theirs
    assert only("ألقت قوات الأمن أمس قنابل الغاز المسيل للدموع على المحتجين في مدينة البصرة.").event_type == (
        "Protests"
    )
    events = events_of(
        "ودون ذكر للضربات الجوية في دمشق أو الهجوم الكيماوي في دوما، قال البابا أمس إن السلام ممكن."
    )
    assert {(e.sub_event_type, e.location.name) for e in events} >= {("Air/drone strike", "Damascus")}


def test_a_blast_at_works_is_an_accident() -> None:
    for text in (
        "أصيب 12 شخصا بجروح إثر انفجار ضخم وقع مساء أمس في مصنع للأدوية قرب مطار القاهرة.",
        "قتل شخصان في انفجار عرضي وقع أمس في سوق مدينة كركوك.",
    ):
        assert events_of(text) == [], text
    # a bomb by a factory, or a blast at an arms depot, stay explosions
    assert only("قتل 5 أشخاص في انفجار سيارة مفخخة أمس قرب مصنع في مدينة كركوك.").weapon == "car_bomb"
    assert only("قتل 3 جنود في انفجار هز مستودع أسلحة للجيش أمس في مدينة حماة.").fatalities == 3


def test_who_holds_a_place_is_no_event() -> None:
    text = "قال مدير مكتب الصحة في محافظة صعدة الذي سيطر عليه الحوثيون إن 40 قتيلا سقطوا أمس في غارة للتحالف."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    text = "قال العميد إن المواقع التي تم تحريرها أمس تطل على بلدة باقم وتحاصر الحوثيين."
    assert [e.event_type for e in events_of(text)] == ["Battles"]  # a day of its own: the taking
    text = "قال العميد إن المواقع التي تم تحريرها تطل على بلدة باقم وتحاصر الحوثيين."
    assert events_of(text) == []
    # the forces that took a town did something
    text = "قال أردوغان أمس إن القوات التركية التي سيطرت أمس على بلدة جنديرس تتقدم نحو عفرين."
    assert [e.event_type for e in events_of(text)] == ["Battles"]


def test_where_the_attack_happened_places_the_event_just_told() -> None:
    text = (
        "قتل ضابط وجندي إسرائيليان أمس في عملية دهس بسيارة نفذها فلسطيني شمالي الضفة الغربية المحتلة. "
        "ووقع الهجوم بالقرب من بلدة عرابة غربي مدينة جنين."
    )
    event = only(text)
    assert (event.location.name, event.fatalities) == ("‘Arrābah", 2)
    assert event.spans["location"].text == "بالقرب من بلدة عرابة"
    # an arrest is no attack that happened somewhere
    text = "اعتقلت قوات الأمن 3 أشخاص أمس في محافظة إدلب. ووقع الهجوم قرب بلدة سراقب."
    assert [e.location.name for e in events_of(text) if e.sub_event_type == "Arrests"] == [
        "Idlib Governorate"
    ]
    # a town already named stays
    text = "قتل 5 أشخاص في انفجار سيارة مفخخة في مدينة كركوك أمس. ووقع الانفجار في سوق بلدة داقوق."
    assert only(text).location.name == "Kirkuk"


def test_the_same_kind_told_again_as_striking_a_town_places_the_event() -> None:
    text = (
        "قتل 13 شخصا وأصيب 45 آخرون في تفجير انتحاري مزدوج في شمال العراق مساء الخميس. "
        "واستهدف الانتحاريان مسبحا مكتظا في مدينة طوزخورماتو."
    )
    event = only(text)
    assert (event.location.name, event.fatalities, event.injured) == ("Tuz Khurmatu", 13, 45)
    # the countryside of a town, then a village of it
    text = (
        "شنت الطائرات الحربية غارات على ريف إدلب الجنوبي أمس، ما أسفر عن مقتل خمسة مدنيين. "
        "واستهدفت الغارات منزلا في قرية كفرنبل."
    )
    event = only(text)
    assert (event.location.name, event.location.geo_precision, event.fatalities) == ("Kafranbel", 1, 5)
    # two places named again: one event in each
    text = (
        "شنت مقاتلات التحالف غارات على محافظة الجوف أمس. "
        "واستهدفت الغارات مواقع للحوثيين في مديريتي المصلوب والمتون."
    )
    assert [e.location.name for e in events_of(text)] == ["Al Maşlūb", "Al Matūn"]


def test_who_tells_as_the_police_said_is_no_side() -> None:
    event = only("قتل شخصان في هجوم بالرصاص على مقهى في مدينة أولم أمس، حسبما أفادت الشرطة.")
    assert (event.actor1.name, event.interaction) == ("Unidentified armed group", "37")


def test_positions_wrested_from_a_group_are_ground_regained() -> None:
    event = only(
        "انتزعت قوات الجيش اليمني أمس مواقع استراتيجية جديدة من قبضة ميليشيات الحوثي شمالي محافظة الجوف."
    )
    assert (event.sub_event_type, event.interaction) == ("Government regains territory", "12")
    assert events_of("انتزع المنتخب المصري أمس الفوز من نظيره التونسي في مدينة القاهرة.") == []


def test_the_united_nations_strikes_no_one() -> None:
    text = "وقال مكتب الأمم المتحدة لتنسيق الشؤون الإنسانية إن غارات جوية أصابت أمس مستشفى في مدينة الحديدة."
    event = only(text)
    assert (event.actor1.name, event.actor2) == ("Saudi-led coalition", None)
    # its convoys and offices may be hit
    event = only("انفجرت عبوة ناسفة أمس بمقر الأمم المتحدة في مدينة غاو.")
    assert event.actor2.name == "United Nations"


def test_an_official_who_told_of_a_bombing_is_no_side() -> None:
    event = only("وكان مسؤول بالشرطة الأفغانية قد أعلن أن تفجيرا انتحاريا استهدف أمس حسينية في مدينة كابول.")
    assert event.interaction == "37"  # no police side: the worshippers were hit
    # "كما أعلن الجيش" (also announced): the army still acts
    event = only("كما أعلن الجيش العراقي أمس سيطرته على بلدة القائم.")
    assert event.actor1.name == "Military Forces of Iraq"
    # an official killed belongs to the side hit
    event = only("قتل مسؤول في حركة حماس أمس في غارة إسرائيلية على مدينة رفح.")
    assert event.actor2.name == "Hamas"


def test_a_bomb_at_a_mosque_or_market_hits_civilians() -> None:
    for text in (
        "فجر انتحاري نفسه أمس داخل مسجد في مدينة كابول.",
        "انفجرت عبوة ناسفة أمس في سوق شعبي بمدينة بعقوبة.",
    ):
        assert only(text).interaction == "37", text
    assert only("انفجرت عبوة ناسفة أمس قرب دورية للجيش في مدينة بعقوبة.").interaction == "13"


def test_a_controlled_detonation_is_a_bomb_defused() -> None:
    # a town under someone's control is no controlled detonation
    event = only("انفجرت سيارة مفخخة أمس في بلدة تحت السيطرة التركية شمال مدينة حلب ما أدى إلى مقتل 5 أشخاص.")
    assert (event.sub_event_type, event.fatalities) == ("Remote explosive/landmine/IED", 5)
    event = only("فجرت القوات الأمنية أمس عبوة ناسفة تحت السيطرة في منطقة الطارمية.")
    assert (event.sub_event_type, event.weapon, event.actor1.name) == (
        "Disrupted weapons use",
        "ied",
        "Police Forces of Iraq",
    )
    assert only("انفجرت عبوة ناسفة أمس في منطقة الطارمية.").sub_event_type == "Remote explosive/landmine/IED"


def test_yemeni_districts_of_the_fronts_are_places() -> None:
    for text, place in (
        ("قصفت طائرات التحالف أمس مواقع للحوثيين في مديرية حيران بمحافظة حجة.", "Hayran"),
        ("اندلعت أمس اشتباكات بين الجيش والحوثيين في مديرية الملاجم بمحافظة البيضاء.", "Al Malajim"),
        ("قتل 3 مدنيين أمس بقذيفة أطلقها الحوثيون على مديرية الوازعية غربي تعز.", "Al Wazi'iyah"),
    ):
        event = only(text)
        assert (event.location.name, event.location.geo_precision) == (place, 2), text


def test_the_shelling_that_carried_the_gas_is_the_gas_attack() -> None:
    event = only("قصفت قوات النظام مدينة دوما أمس بغاز الكلور.")
    assert (event.sub_event_type, event.weapon) == ("Chemical weapon", "chemical")
    # shelling with guns, then gas with another verb: two events
    text = "قصفت قوات النظام أمس بلدة اللطامنة بالمدفعية وهاجمت بغاز الكلور بلدة كفرزيتا."
    assert {e.sub_event_type for e in events_of(text)} == {
        "Shelling/artillery/missile attack",
        "Chemical weapon",
    }
    # a blast at a gas pipeline is sabotage, no works accident
    assert (
        only("وقع انفجار أمس في خط أنابيب الغاز في مدينة العريش.").event_type == "Explosions/Remote violence"
    )
    # a blast at a metro station is no works accident
    event = only("قتل 12 شخصا أمس في انفجار وقع في محطة مترو بمدينة بروكسل.")
    assert event.event_type == "Explosions/Remote violence"


def test_a_launch_from_inside_a_province_is_placed_where_it_fell() -> None:
    text = (
        "أطلق الحوثيون أمس صاروخا باليستيا من قبل عناصرهم من داخل الأراضي اليمنية (شمال محافظة عمران)، وسقط "
        "الصاروخ في منطقة خالية قرب مدينة نجران."
    )
    assert [e.location.name for e in events_of(text)] == ["Najran"]


def test_an_incident_of_last_year_is_no_event_of_its_day() -> None:
    for text in (
        "وكانت الطفلة السادسة التي اختطفت وقتلت في مدينة لاهور العام الماضي.",
        "قتل 5 أشخاص في هجوم على مدينة لاهور قبل عامين.",
    ):
        assert events_of(text) == [], text
    # a day of its own, or a month of last year, still dates it
    assert only("قتل 5 أشخاص أمس في هجوم على مدينة لاهور هو الأعنف منذ العام الماضي.").date == dt.date(
        2024, 3, 13
    )
    event = only("قتل 5 أشخاص في هجوم على مدينة لاهور في مارس من العام الماضي.")
    assert (event.date, event.time_precision) == (dt.date(2023, 3, 1), 3)


def test_the_battle_where_ground_changed_hands_is_that_change() -> None:
    text = (
        "سيطرت القوات الحكومية أمس على مواقع جديدة في مديرية ناطع بمحافظة البيضاء بعد طرد الحوثيين منها. "
        "وقال مصدر عسكري إن 30 من الحوثيين قتلوا أمس في معارك مع القوات الحكومية في مديرية ناطع."
    )
    event = only(text)
    assert (event.sub_event_type, event.fatalities) == ("Government regains territory", 30)
    # fighting between sides not named may be another fight
    text = (
        "سيطرت القوات الحكومية أمس على مواقع جديدة في مديرية ناطع بمحافظة البيضاء بعد طرد الحوثيين منها. "
        "وقال المرصد إن اشتباكات عنيفة دارت أمس قرب مديرية ناطع."
    )
    assert {e.sub_event_type for e in events_of(text)} == {"Government regains territory", "Armed clash"}


def test_what_the_news_came_after_is_an_earlier_deed() -> None:
    # "وجاء ذلك بعد أن": an earlier deed whose day is not told
    text = (
        "قصفت طائرات إسرائيلية أمس مواقع قرب مدينة اللاذقية. "
        "وجاء ذلك بعد أن أسقط الدفاع الجوي السوري بطريق الخطأ طائرة روسية فوق مدينة اللاذقية."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    # "بعد يومين من": two days before the news
    event = only("ويأتي الهجوم بعد ثلاثة أيام من تفجير سيارة مفخخة في مدينة مقديشو أسفر عن مقتل 14 شخصا.")
    assert (event.date, event.time_precision, event.fatalities) == (dt.date(2024, 3, 11), 1, 14)


def test_a_man_killed_by_a_missile_the_group_fired() -> None:
    event = only("وكان رجل قد قتل عندما سقط صاروخ أطلقه الحوثيون على مدينة جازان أمس.")
    assert (event.actor1.name, event.actor2.name, event.fatalities) == (
        "Houthis (Ansar Allah)",
        "Civilians (Saudi Arabia)",
        1,
    )
    # the man who set off the bomb is no victim
    event = only("أكد مسؤولون أن رجلا فجر عبوة ناسفة أمس بالقرب من السفارة في مدينة بكين.")
    assert event.actor2 is None
    event = only("انفجرت عبوة ناسفة زرعها مسلحون أمس في سوق مدينة بعقوبة.")
    assert event.actor1.inter == 3 and event.actor2.name == "Civilians (Iraq)"


def test_the_attack_a_strike_answered_is_an_event_of_its_own() -> None:
    text = (
        "شنت قوات النظام أمس غارات على بلدة كفرنبل ردا على هجوم نفذته هيئة تحرير الشام أمس على بلدة الفوعة."
    )
    assert sorted((e.sub_event_type, e.location.name) for e in events_of(text)) == [
        ("Air/drone strike", "Kafranbel"),
        ("Armed clash", "Al-Fu'ah"),
    ]
    # in one part, the attack word tells of the strike
    text = "قتل 5 مدنيين أمس في هجوم بطائرة مسيرة على سوق في مدينة مأرب."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]


def test_the_base_the_warplanes_came_from_is_no_place_of_the_strike() -> None:
    text = (
        "شنت مقاتلات روسية أمس غارات على بلدة بصر الحرير في ريف درعا الشرقي. "
        "وأشار المرصد إلى أن المقاتلات المستخدمة أمس لشن الغارات أتت من قاعدة حميميم الواقعة في شمال غرب سوريا."
    )
    assert {e.location.name for e in events_of(text)} == {"Busra al-Harir"}


def test_a_deed_referred_to_without_its_day_is_no_new_event() -> None:
    for text in (
        "بدأ المحققون التحقيق في الهجوم الكيميائي المزعوم على مدينة دوما.",
        "بحث الرئيسان الرد على الهجوم الكيميائي في مدينة دوما.",
    ):
        assert events_of(text) == [], text
    # a day of its own keeps it
    text = "بدأ المحققون أمس التحقيق في الهجوم الكيميائي الذي استهدف مدينة دوما في 7 مارس."
    assert [e.sub_event_type for e in events_of(text)] == ["Chemical weapon"]


def test_where_the_incident_was_said_to_happen_is_its_place() -> None:
    text = (
        "وأدى الحادث، الذي وقع في مدينة أولم أمس، إلى أضرار مادية فقط، ولم يصب أحد في الهجوم، حسبما أفادت "
        "النيابة العامة في شتوتغارت."
    )
    assert only(text).location.name == "Ulm"
    # a like incident that happened elsewhere, told after the deed, is not its place
    text = "وأعادت حادثة الخطف في بلدة دابشي أمس إلى الأذهان حادثة مماثلة وقعت في بلدة شيبوك."
    assert {e.location.name for e in events_of(text)} == {"Dapchi"}


def test_extremists_in_news_of_a_named_jihadist_group_are_its_men() -> None:
    event = only("قتل 3 متطرفين وأحد عناصر الأمن أمس خلال التصدي لعملية لتنظيم داعش بضواحي مدينة واغادوغو.")
    assert {event.actor1.name, event.actor2.name} == {"Islamic State", "Police Forces of Burkina Faso"}


def test_the_side_blamed_for_an_attack_did_it() -> None:
    event = only(
        "تلقي الحكومة باللوم على مسلحين في الهجوم الذي استهدف أمس سوقا في مدينة بعقوبة وأدى إلى مقتل 5 أشخاص."
    )
    assert (event.sub_event_type, event.interaction, event.fatalities) == ("Attack", "37", 5)


def test_a_family_or_honour_killing_is_ordinary_crime() -> None:
    for text in (
        "ضرب رجل شقيقته بالساطور وقتلها أمس في مدينة غزة على خلفية قضية شرف.",
        "طعن رجل زوجته بسكين أمس في مدينة عمان إثر خلاف عائلي.",
    ):
        assert events_of(text) == [], text
    assert only("طعن مهاجم ثلاثة مارة بسكين أمس في مدينة القدس.").sub_event_type == "Attack"


def test_review_cases_of_the_reference_year_blame_and_part_rules() -> None:
    # "حول" around a town and a reply that is a deed of its own stay events
    assert only("دارت حول مدينة مأرب اشتباكات عنيفة أمس أسفرت عن مقتل 12.").fatalities == 12
    text = "وفي الرد على الهجوم، قصفت المدفعية التركية أمس مواقع في بلدة تل رفعت ما أدى إلى مقتل 4."
    assert only(text).location.name == "Tall Rif`at"
    # a period since last year, or a thing built two years ago, does not date the deed
    assert only("قتل 4 مدنيين في قصف على مدينة تعز التي يحاصرها الحوثيون منذ العام الماضي.").fatalities == 4
    assert only("قتل ثلاثة جنود أمس في هجوم على قاعدة أنشئت قبل عامين في الرمادي.").fatalities == 3
    # blame laid on a third party gives way to the agent the sentence names
    text = "ألقى مسؤول باللوم على الحكومة في الانفلات الأمني بعد هجوم شنته طالبان أمس في كابول قتل 7 مدنيين."
    assert only(text).actor1.name == "Taliban"
    # strikes in the "while" part keep their place; the ground attack of the first part stays
    text = "شن الجيش أمس هجوما على بلدة كفرنبل في حين دمرت مقاتلات روسية أمس آليات للمعارضة في بلدة معرة النعمان."
    assert sorted((e.sub_event_type, e.location.name) for e in events_of(text)) == [
        ("Air/drone strike", "Ma‘arrat an Nu‘mān"),
        ("Armed clash", "Kafranbel"),
    ]
    # the toll of the deed the news came after is that deed's
    event = only("وتأتي الغارات أمس بعد أيام من مقتل 3 جنود في هجوم للمعارضة على مدينة إدلب.")
    assert event.fatalities is None


def test_a_strike_threatened_is_no_strike() -> None:
    text = (
        "كشفت صور أمس عن إخلاء البحرية الروسية قاعدة طرطوس، وسط تصاعد تهديدات الولايات المتحدة بشن ضربة ردا "
        "على تقارير عن هجوم كيماوي على مدينة دوما السبت الماضي."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Chemical weapon"]


def test_a_police_chief_who_told_of_a_bombing_is_no_side() -> None:
    event = only("وأكد مدير الشرطة أن هجوما انتحاريا استهدف أمس مبنى حكوميا في مدينة كركوك.")
    assert (event.actor1.name, event.actor2) == ("Unidentified armed group", None)


def test_a_deed_of_weeks_before_without_a_place_is_not_put_at_the_articles_place() -> None:
    text = (
        "قصفت الطائرات التركية أمس مواقع لحزب العمال الكردستاني قرب مدينة فان. "
        "وكان البرلمان قد ناقش الأمر. وقال مسؤول إن الحكومة ستواصل العملية. "
        "وفي الأول من شباط/فبراير قتل انفجار 32 ناشطا."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]


def test_the_person_stabbed_is_named_before_the_knife() -> None:
    event = only("طعن فلسطيني شرطيا إسرائيليا بسكين أمس في مدينة القدس.")
    assert (event.sub_event_type, event.actor1.name, event.actor2.name) == (
        "Armed clash",
        "Unidentified armed group",
        "Police Forces of Israel",
    )
    assert only("طعن رجل مسنة بسكين أمس في مدينة باريس.").interaction == "37"


def test_a_street_named_after_a_far_city_is_a_street() -> None:
    text = (
        "هز انفجار ضخم العاصمة الصومالية مقديشو أمس. "
        "وقتل 14 شخصا أمس في انفجار سيارة مفخخة بالقرب من فندق على طريق مكة المكرمة."
    )
    assert {e.location.name for e in events_of(text)} == {"Mogadishu"}


def test_an_accord_named_after_a_city_is_not_a_place_of_the_article() -> None:
    text = (
        "ألقى محتجون الحجارة والقنابل الحارقة أمس على الشرطة، بينما كان النواب يقرون إجراءات التقشف "
        "المنصوص عليها في اتفاق بروكسل."
    )
    assert [e.location for e in events_of(text)] == []
    text = "ألقى محتجون الحجارة على الشرطة أمس في أثينا احتجاجا على إجراءات اتفاق بروكسل."
    assert [e.location.name for e in events_of(text)] == ["Athens"]


def test_a_crowd_of_people_that_clashed_with_the_police_rioted() -> None:
    # (the party that held the meeting is no armed side)
    text = "اشتبك عشرات الشبان مع الشرطة الخميس في مدينة البصرة عندما حاولوا اقتحام اجتماع نظمه حزب الأمة."
    event = only(text)
    assert (event.sub_event_type, event.interaction) == ("Violent demonstration", "15")
    # a crowd of fighters is no crowd of people
    event = only("اشتبك عشرات المسلحين مع الشرطة الخميس في مدينة البصرة.")
    assert event.sub_event_type == "Armed clash"


def test_an_event_in_a_part_of_a_country_is_placed_there_and_kept_like_one_in_the_country() -> None:
    event = only("قتل خمسة مدنيين أمس في غارة جوية على قرية في شرق سوريا.")
    assert event.location.name == "Eastern Syria" and event.location.lon > 39.5
    assert event.location.geo_precision == 3
    # no victims and no more than a part of a country: a statement more often than an incident
    assert events_of("وتتواصل الاشتباكات في شرق سوريا منذ أشهر بحسب التقارير.") == []


def test_the_attack_is_the_kind_of_attack_named_just_before() -> None:
    text = (
        "دعت دول إلى اجتماع لمناقشة تقارير عن هجوم بالأسلحة الكيماوية في سوريا. "
        "وقال الدفاع المدني إن 40 شخصا قتلوا في الهجوم الذي وقع مساء الثلاثاء في مدينة دوما."
    )
    event = only(text)
    assert (event.sub_event_type, event.weapon, event.fatalities) == ("Chemical weapon", "chemical", 40)
    # a blast heard names no kind of attack
    text = (
        "هاجم مسلحون الثلاثاء مقر شركة النفط في مدينة طرابلس وقتلوا حارسين. وقال موظف إنه سمع دوي انفجار. "
        "وأعلنت الحكومة في طرابلس أن المسؤول عن الهجوم هو تنظيم داعش."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Armed clash"]


def test_a_strike_on_marchers_is_a_strike_and_the_march_a_protest() -> None:
    text = "قصفت طائرة إسرائيلية من دون طيار الجمعة مشاركين في المسيرة السلمية شرق مدينة غزة."
    subs = sorted(e.sub_event_type for e in events_of(text))
    assert subs == ["Air/drone strike", "Peaceful protest"]
    # stones and gas at a protest stay what happened to the protest
    text = "رشق المتظاهرون الشرطة بالحجارة الجمعة في مدينة البصرة وأطلقت الشرطة قنابل الغاز عليهم."
    assert [e.sub_event_type for e in events_of(text)] == ["Violent demonstration"]


def test_why_a_strike_told_before_was_done_is_no_new_strike() -> None:
    text = (
        "قصفت طائرات إسرائيلية موقعا في مدينة رفح السبت. "
        "وقال البيان إن الغارة تأتي ردا على محاولات تخريب السياج في قطاع غزة خلال الاحتجاجات."
    )
    assert [(e.sub_event_type, e.location.name) for e in events_of(text)] == [("Air/drone strike", "Rafah")]
    # protests told for the first time with their cause are protests
    event = only("شارك مزارعون الجمعة في مظاهرات جاءت بسبب تراجع الأسعار في مدينة ليون.")
    assert event.sub_event_type == "Peaceful protest"


def test_a_bombing_that_tried_to_kill_someone_is_the_bombing() -> None:
    text = "قتل شرطي وأصيب 4 آخرون الخميس في انفجار استهدف موكب مدير أمن مدينة الإسكندرية الذي نجا من محاولة الاغتيال."
    event = only(text)
    assert (event.sub_event_type, event.fatalities, event.injured) == ("Remote explosive/landmine/IED", 1, 4)
    event = only("اغتال مسلحون مجهولون ضابطا بإطلاق النار عليه في مدينة عدن الخميس.")
    assert event.sub_event_type == "Attack"


def test_the_kind_of_attack_named_before_gives_way_to_a_new_attack_told() -> None:
    text = (
        "انفجرت سيارة مفخخة الخميس في مدينة الباب. ودارت اشتباكات عنيفة الخميس في مدينة إدلب. "
        "وكان الهجوم الذي شنه مسلحون على حاجز للجيش في مدينة حماة الخميس قد أسفر عن مقتل جنديين."
    )
    hama = next(e for e in events_of(text) if e.location.name == "Hamah")
    assert hama.sub_event_type != "Remote explosive/landmine/IED"


def test_the_dead_of_a_strike_on_marchers_are_the_strike_s() -> None:
    text = "قصفت طائرة مسيرة الخميس مشاركين في مسيرة احتجاجية في مدينة تعز، ما أسفر عن مقتل ثلاثة متظاهرين."
    by_sub = {e.sub_event_type: e for e in events_of(text)}
    assert by_sub["Air/drone strike"].fatalities == 3
    assert "Excessive force against protesters" not in by_sub
    assert by_sub["Peaceful protest"].fatalities is None


def test_an_attack_years_before_the_news_is_no_event_of_its_day() -> None:
    text = (
        "أعيد افتتاح المركز التجاري في نيروبي أمس بعد مرور نحو عامين على هجوم لحركة الشباب قتل فيه 67 شخصا."
    )
    assert events_of(text) == []
    # hours after a warning: the attack is of its day
    event = only("قتل 5 أشخاص أمس في هجوم على مركز تجاري في نيروبي بعد مرور ساعات على تحذيرات أمنية.")
    assert (event.sub_event_type, event.fatalities) == ("Attack", 5)


def test_an_evacuation_deal_is_an_agreement() -> None:
    event = only("توصلت سوريا وروسيا إلى صفقة إجلاء مع جماعة جيش الإسلام في مدينة دوما الأربعاء.")
    assert (event.sub_event_type, event.interaction) == ("Agreement", "28")


def test_an_offensive_launched_on_a_named_day_is_an_event() -> None:
    text = "وبدأت تركيا في 20 كانون الثاني/يناير، بدعم من فصائل سورية موالية لها، هجوما على منطقة عفرين."
    event = only(text)
    assert (event.sub_event_type, event.date) == ("Armed clash", dt.date(2024, 1, 20))
    # no day named: a campaign, not an incident of a day
    assert events_of("وبدأت تركيا بدعم من فصائل سورية موالية لها هجوما على منطقة عفرين.") == []


def test_an_assassination_attempt_survived_by_a_bomb_is_the_bombing_and_a_plan_is_none() -> None:
    event = only("نجا محافظ عدن الخميس من محاولة اغتيال بعبوة ناسفة استهدفت موكبه في مدينة عدن.")
    assert (event.sub_event_type, event.weapon) == ("Remote explosive/landmine/IED", "ied")
    assert events_of("قال مسؤول إن الحوثيين يخططون لمحاولة اغتيال بعبوة ناسفة في مدينة عدن.") == []


def test_an_attack_told_again_without_its_day_is_the_dated_one() -> None:
    text = (
        "أثار الهجوم الكيميائي على دوما غضبا دوليا.\n"
        "وكان 40 شخصا قد قتلوا في هجوم بغاز الكلور على مدينة دوما مساء السبت."
    )
    chemical = [e for e in events_of(text) if e.sub_event_type == "Chemical weapon"]
    assert [(e.date, e.fatalities) for e in chemical] == [(dt.date(2024, 3, 9), 40)]
    # dated on two days, the undated mention could be either: it stays apart
    text = (
        "أثار الهجوم الكيميائي على دوما غضبا دوليا.\n"
        "وقتل 40 شخصا في هجوم بغاز الكلور على مدينة دوما مساء السبت.\n"
        "وقتل 12 آخرون في هجوم بغاز الكلور على مدينة دوما الاثنين."
    )
    chemical = [e for e in events_of(text) if e.sub_event_type == "Chemical weapon"]
    assert sorted(e.date for e in chemical) == [dt.date(2024, 3, 9), dt.date(2024, 3, 11), PUB]


def test_the_fighting_where_ground_was_taken_that_day_is_the_taking_whoever_attacked() -> None:
    text = (
        "شن الحوثيون هجوما على مواقع الجيش اليمني في مديرية ناطع بمحافظة البيضاء الأربعاء، وقتل 30 منهم "
        "في المعارك. وتمكنت قوات الشرعية الأربعاء من تحرير مواقع استراتيجية للحوثيين في مديرية ناطع."
    )
    events = events_of(text)
    assert [(e.sub_event_type, e.date) for e in events] == [
        ("Government regains territory", dt.date(2024, 3, 13))
    ]
    # fighting with another enemy there that day is a battle of its own
    text = (
        "اندلعت اشتباكات بين مسلحي تنظيم القاعدة وقوات الجيش اليمني في مديرية ناطع الأربعاء. وتمكنت "
        "قوات الشرعية الأربعاء من تحرير مواقع استراتيجية للحوثيين في مديرية ناطع."
    )
    assert sorted(e.sub_event_type for e in events_of(text)) == [
        "Armed clash",
        "Government regains territory",
    ]


def test_a_deed_counted_back_from_the_one_just_told_takes_that_day() -> None:
    text = (
        "قتل شخصان في انفجار عبوة ناسفة في مدينة الرمادي الأحد. وجاء الانفجار بعد ثلاثة أيام من مقتل 14 "
        "شخصا على الأقل في تفجير انتحاري في مدينة الفلوجة."
    )
    assert [(e.location.name, e.date) for e in events_of(text)] == [
        ("Ramadi", dt.date(2024, 3, 10)),
        ("Al Fallujah", dt.date(2024, 3, 7)),
    ]
    # the sentence that counts back needs no place of its own: the town just named
    text = (
        "هز انفجار ضخم مدينة الرمادي الأحد، مما أسفر عن مقتل 3 أشخاص. وجاء الانفجار بعد ثلاثة أيام من "
        "مقتل 14 شخصا على الأقل في انفجار سيارة مفخخة قرب أحد الفنادق."
    )
    assert [(e.date, e.fatalities) for e in events_of(text)] == [
        (dt.date(2024, 3, 10), 3),
        (dt.date(2024, 3, 7), 14),
    ]


def test_ground_to_be_taken_is_an_aim_not_a_taking() -> None:
    assert events_of("أطلقت القوات حملة عسكرية لاستعادة السيطرة على مدينة الرقة أمس.") == []
    event = only("شن الجيش هجوما لتحرير مدينة الحديدة أمس.")
    assert event.sub_event_type == "Armed clash"
    assert only("حررت القوات مدينة الحديدة أمس.").sub_event_type == "Government regains territory"


def test_a_place_taken_before_the_news_is_recalled_not_taken_that_day() -> None:
    assert events_of("هبطت أمس في مطار عدن الدولي أول طائرة تحمل مساعدات بعد تحريره من الميليشيات.") == []
    assert events_of("رست سفينة مساعدات أمس في ميناء الحديدة منذ استعادتها من المتمردين.") == []
    # dated, the taking is told as such (in the background)
    text = "هبطت أمس في مطار عدن الدولي أول طائرة تحمل مساعدات عقب تحريره الأسبوع الماضي من الميليشيات."
    assert [(e.event_type, e.time_precision) for e in events_of(text)] == [("Battles", 2)]
    # the pronoun is who took it, and the taking is told
    event = only("قتل خمسة جنود أمس بعد سيطرتهم على بلدة الحسينية.")
    assert event.event_type == "Battles"


def test_diplomats_of_a_country_are_its_civilians_not_its_forces() -> None:
    event = only("قتل السفير الأميركي و3 دبلوماسيين أميركيين آخرين في الهجوم على القنصلية في بنغازي أمس.")
    assert (event.sub_event_type, event.actor2.name) == ("Attack", "Civilians (United States)")
    event = only("قتل 3 جنود أميركيين في هجوم في بغداد أمس.")
    assert event.actor1.name == "Military Forces of the United States"


def test_a_province_told_again_without_its_day_is_the_dated_report() -> None:
    text = (
        "أعلن البنتاغون مقتل جندي أميركي بانفجار عبوة ناسفة في ولاية هلمند.\n"
        "وكان الجندي يشارك في دورية في ولاية هلمند الأحد حين انفجرت عبوة ناسفة قربه."
    )
    assert [(e.location.name, e.date) for e in events_of(text)] == [("Helmand", dt.date(2024, 3, 10))]


def test_a_missile_destroyed_in_the_air_hit_nothing() -> None:
    text = (
        "اعترضت الدفاعات الجوية السعودية أمس صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان.\n"
        "وقال المتحدث إن الصاروخ كان باتجاه جازان وتم تدمير الصاروخ دون وقوع إصابات."
    )
    assert [e.sub_event_type for e in events_of(text)] == ["Disrupted weapons use"]


def test_a_missile_intercepted_on_its_way_from_a_place_is_not_stopped_there() -> None:
    event = only(
        "اعترضت الدفاعات الجوية السعودية أمس صاروخا باليستيا من داخل الأراضي اليمنية (صعدة) "
        "باتجاه مدينة نجران."
    )
    assert (event.sub_event_type, event.location.name) == ("Disrupted weapons use", "Najran")


def test_strikes_counted_over_the_last_hours_are_that_days_event() -> None:
    text = "نفذت طائرات التحالف أكثر من 12 غارة خلال الساعات الماضية على مواقع الحوثيين في مديرية باقم."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    # a count over a longer period stays an aggregate
    text = "نفذت طائرات التحالف أكثر من 120 غارة خلال الأشهر الماضية على مواقع الحوثيين في مديرية باقم."
    assert events_of(text) == []


def test_two_attacks_and_the_verbal_noun_of_attacking_are_attack_words() -> None:
    event = only("قامت مجموعة من مسلحي طالبان بمهاجمة مركز للشرطة في مدينة غزني أمس، فقتلت 5 من رجال الشرطة.")
    assert (event.sub_event_type, event.fatalities) == ("Armed clash", 5)
    event = only("أسفر هجومان لحركة طالبان في ولاية بادغيس أمس عن مقتل 14 جنديا.")
    assert (event.sub_event_type, event.actor1.name) == ("Armed clash", "Taliban")


def test_a_bomb_that_went_off_in_its_makers_hands_is_disrupted_weapons_use() -> None:
    event = only("قتل 7 من عناصر داعش بانفجار عجلة أثناء محاولتهم تفخيخها في قضاء الرطبة أمس.")
    assert (event.sub_event_type, event.interaction) == ("Disrupted weapons use", "20")
    event = only("قتل جنديان بانفجار عبوة ناسفة أثناء مرور دورية في مدينة الموصل أمس.")
    assert event.sub_event_type == "Remote explosive/landmine/IED"


def test_a_report_from_one_part_of_a_country_sums_up_no_town_in_another() -> None:
    text = (
        "فجرت القوات العراقية أمس عبوات ناسفة تحت السيطرة في مدينة كركوك.\n"
        "وقتل 7 من عناصر داعش أمس بانفجار عجلة أثناء محاولتهم تفخيخها غربي العراق."
    )
    places = sorted((e.sub_event_type, e.location.name) for e in events_of(text))
    assert places == [("Disrupted weapons use", "Kirkuk"), ("Disrupted weapons use", "Western Iraq")]


def test_taking_the_site_just_told_is_no_new_taking() -> None:
    text = (
        "تمكنت قوات الجيش أمس من تحرير قرية المشابيح في مديرية الظاهر بمحافظة صعدة.\n"
        "وقال المتحدث إن بتحرير الموقع يتمكن الجيش من قطع خط إمداد الميليشيات القادمة من جبال مران."
    )
    events = events_of(text)
    assert [e.sub_event_type for e in events] == ["Government regains territory"]


def test_explosives_found_a_few_words_after_the_finding_are_a_weapons_seizure() -> None:
    event = only(
        "عثر الجيش اليمني على كمية من مادة المتفجرات كانت بحوزة الميليشيات بمحافظة صعدة، "
        "وذلك إثر عملية عسكرية نفذها على مواقع الحوثيين ليل الاثنين."
    )
    assert event.sub_event_type == "Disrupted weapons use"


def test_review_negatives_of_the_new_rules() -> None:
    # a missile that fell on a house hit something: it stays an attack beside the interception
    text = (
        "اعترضت الدفاعات الجوية السعودية أمس صاروخا باليستيا أطلقه الحوثيون باتجاه مدينة جازان، "
        "وسقط الصاروخ على منزل في جازان."
    )
    assert sorted(e.sub_event_type for e in events_of(text)) == [
        "Disrupted weapons use",
        "Shelling/artillery/missile attack",
    ]
    # an ambassador who speaks is no victim
    event = only("قال السفير الروسي إن الغارات الروسية قتلت 20 مسلحا في مدينة إدلب يوم الأحد.")
    assert event.actor2.inter != 7
    # "وجاء الهجوم بعد": the attack just told, not a new one; the deed counted back keeps its own day
    text = (
        "قتل 3 جنود يوم الأحد في هجوم على حاجز في القصرين. وجاء الهجوم بعد ثلاثة أيام من مقتل 14 مدنيا "
        "في انفجار في القصرين."
    )
    assert sorted((e.sub_event_type, e.date) for e in events_of(text)) == [
        ("Armed clash", dt.date(2024, 3, 10)),
        ("Remote explosive/landmine/IED", dt.date(2024, 3, 7)),
    ]
    # a bomb gone off in unnamed hands: the unidentified group that planted it
    event = only("قتل 3 أشخاص بانفجار عبوة ناسفة أثناء زرعها في مدينة كركوك أمس.")
    assert event.interaction == "30"
    # what fighting led to is ground taken, not an aim
    event = only("أدت الاشتباكات يوم الأحد لسيطرة قوات سوريا الديمقراطية على بلدة الباغوز.")
    assert event.sub_event_type == "Non-state actor overtakes territory"


def test_where_the_attack_was_carried_out_places_the_one_just_told() -> None:
    text = (
        "أعلن مكتب حاكم إقليم أغري أمس أن اثنين من قوات الأمن قتلا في تفجير انتحاري في الإقليم.\n"
        "وقال مكتب الحاكم إن الهجوم نفذ بجرار مفخخ على موقع لقوات الأمن في منطقة دوجو بايزيد."
    )
    assert [e.location.name for e in events_of(text)] == ["Dogubayazit"]


def test_a_campaign_of_strikes_begun_on_a_named_day_is_an_event() -> None:
    text = (
        "وبدأت تركيا حملة ضربات جوية على حزب العمال الكردستاني في شمال العراق في 24 فبراير الماضي "
        "فيما وصفه رئيس الوزراء بأنه معركة ضد الإرهاب."
    )
    events = events_of(text)
    assert [(e.sub_event_type, e.date) for e in events] == [("Air/drone strike", dt.date(2024, 2, 24))]


def test_the_victims_of_a_while_clause_are_its_own() -> None:
    text = (
        "وقتل ما لا يقل عن 149 فلسطينيا برصاص الجنود الإسرائيليين مذاك، في حين قتل جندي إسرائيلي الجمعة "
        "في المواجهات قرب الحدود مع قطاع غزة."
    )
    event = only(text)
    assert (event.sub_event_type, event.date) == ("Armed clash", dt.date(2024, 3, 8))


def test_a_man_and_his_daughter_attacked_are_civilians() -> None:
    event = only("هاجم مسلحون رجلا وابنته في مدينة الموصل الأحد.")
    assert (event.sub_event_type, event.interaction) == ("Attack", "37")


def test_since_when_an_ongoing_protest_began_does_not_date_this_days_protest() -> None:
    text = (
        "احتشد آلاف الفلسطينيين قرب حدود قطاع غزة الاثنين، في اليوم قبل الأخير من الاحتجاجات المستمرة "
        "منذ 6 أسابيع، وأطلق الجيش الإسرائيلي الغاز المسيل للدموع على المحتجين."
    )
    assert [e.date for e in events_of(text)] == [dt.date(2024, 3, 11)]


def test_a_deed_weeks_before_after_marur_is_dated_back() -> None:
    text = (
        "أعادت السلطات فتح السوق بعد مرور أسبوع على انفجار سيارة مفخخة فيه أودى بحياة 12 شخصا في مدينة الحلة."
    )
    assert [(e.date, e.fatalities) for e in events_of(text)] == [(dt.date(2024, 3, 7), 12)]


def test_a_span_of_past_weeks_dates_no_later_sentence() -> None:
    ev = only(
        "نفذ الجيش عمليات عسكرية خلال الأسبوعين الماضيين في المحافظة. "
        "من جانبه، واصل طيران التحالف مساندته للجيش بتنفيذ عدة غارات على مدينة حرض."
    )
    assert ev.sub_event_type == "Air/drone strike"
    assert (ev.date, ev.time_precision) == (PUB, 2)  # not two weeks before the news


@pytest.mark.parametrize(
    "words", ["تبادلا لإطلاق النار", "تبادلاً لاطلاق النار", "تبادل لإطلاق الرصاص", "تبادل إطلاق الرصاص"]
)
def test_an_exchange_of_fire_in_its_other_forms_is_a_clash(words: str) -> None:
    ev = only(
        f"قال مسؤول محلي إن {words} وقع ليل الاثنين بين مسلحين في بلدة قرب مدينة الموصل أدى إلى مقتل 4 أشخاص."
    )
    assert (ev.sub_event_type, ev.date, ev.fatalities) == ("Armed clash", dt.date(2024, 3, 11), 4)


def test_the_area_after_a_comma_says_where_the_town_lies() -> None:
    ev = only(
        "استهدفت قوات النظام، ليل الاثنين، مدينة قلعة المضيق، شمال غربي حماة وسط البلاد بأكثر من مئة صاروخ."
    )
    assert ev.location.name.startswith("Qal") and ev.location.geo_precision == 1


def test_the_armed_side_right_after_targeted_is_who_fired() -> None:
    ev = only("استهدفت فصائل المعارضة بالمدفعية الثقيلة أمس تجمعات القوات الحكومية في مدينة السقيلبية.")
    assert ev.sub_event_type == "Shelling/artillery/missile attack"
    assert (ev.actor1.name, ev.actor2.name) == ("Syrian opposition factions", "Military Forces of Syria")
    # with no target after it, the side named after the verb is the one hit
    ev = only("قتل ثلاثة جنود في هجوم استهدف القوات الحكومية أمس في مدينة السقيلبية.")
    assert "Military Forces of Syria" in (ev.actor1.name, ev.actor2.name if ev.actor2 else None)


def test_one_young_man_or_woman_killed_is_one_dead() -> None:
    event = only(
        "قتلت سيدة جراء قصف ببرميلين متفجرين من الطيران المروحي على مبنى في حي الميسر بمدينة حلب أمس."
    )
    assert event.fatalities == 1
    event = only("قتل شاب برصاص الشرطة أمس خلال مواجهات في مدينة البصرة.")
    assert event.fatalities == 1


def test_the_nisba_of_a_protest_names_the_crowd_not_a_state_that_acted() -> None:
    text = "قتل ثلاثة برصاص الجيش الإسرائيلي مساء الجمعة خلال الاحتجاجات الفلسطينية قرب الحدود بين قطاع غزة وإسرائيل."
    event = only(text)
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor1.name, event.actor2.name) == ("Protesters (Palestine)", "Military Forces of Israel")


def test_one_national_killed_after_the_verb_is_one_dead() -> None:
    event = only("وقتل فلسطيني أمس من جراء إصابته بشظايا قذيفة مدفعية إسرائيلية شرق مدينة رفح.")
    assert event.fatalities == 1
    # a nisba before the verb is the adjective of a noun: no toll, and no event of 1965
    assert events_of("وكان الجاسوس إيلي كوهين جاسوس إسرائيلي أعدم في دمشق عام 1965.") == []


def test_a_launch_site_or_a_destroyed_car_bomb_is_what_the_strike_hit() -> None:
    text = "قصفت مقاتلات التحالف أمس موقع إطلاق قذائف الهاون التابع للمتمردين في مديرية صرواح."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    text = "أعلنت وزارة الدفاع أمس تدمير سيارة مفخخة بقصف لطيران التحالف في مدينة الرمادي."
    assert [e.sub_event_type for e in events_of(text)] == ["Air/drone strike"]
    # an explosion that destroyed a shop is the explosion
    text = "دمر انفجار ضخم متجرا أمس في مدينة الرمادي وقتل ثلاثة أشخاص."
    assert [e.sub_event_type for e in events_of(text)] == ["Remote explosive/landmine/IED"]


def test_a_deed_told_as_days_before_another_takes_its_own_day() -> None:
    # published Sunday 26 July: yesterday is the 25th, the earlier bombing six days before it
    text = "فجر انتحاري نفسه أمس عند حاجز للشرطة في مدينة داماتورو، بعد ستة أيام من تفجير انتحاري في سوق المدينة."
    dates = sorted(str(e.date) for e in events_of(text, dt.date(2015, 7, 26)))
    assert dates == ["2015-07-19", "2015-07-25"]
    # "بعد أيام من" counts no days: the deed before is left undated
    text = "فجر انتحاري نفسه أمس عند حاجز للشرطة في مدينة داماتورو، بعد أيام من تفجير انتحاري في سوق المدينة."
    assert [str(e.date) for e in events_of(text, dt.date(2015, 7, 26))] == ["2015-07-25"]


def test_a_deed_told_with_the_day_after_it_was_the_day_before() -> None:
    # published Monday 16 July 2018: the base was overrun on Saturday, the attack came the day before
    text = "واجتاح المتشددون مساء السبت قاعدة عسكرية في مدينة داماتورو، غداة هجوم آخر استهدف جنودا في مدينة مايدوغوري."
    assert [(str(e.date), e.location.name) for e in events_of(text, dt.date(2018, 7, 16))] == [
        ("2018-07-13", "Maiduguri")
    ]


def test_a_town_joined_by_bi_after_a_place_is_where_that_place_lies() -> None:
    event = only(
        "لقي 7 مسلحين حوثيين مصرعهم الأربعاء في معارك عنيفة اندلعت في جبهة ميدي بحجة شمال غرب اليمن."
    )
    assert (event.location.name, event.location.geo_precision) == ("Mīdī", 2)
    event = only("اندلعت اشتباكات عنيفة أمس بين رجال القبيلة في منطقة الخانق برداع ومسلحين حوثيين.")
    assert event.location.name == "Al Khāniq"
    # the name itself may begin with the letter
    assert only("قتل 3 مدنيين في انفجار عبوة ناسفة في بغداد أمس.").location.name == "Baghdad"


def test_stopping_a_thing_arrests_no_one() -> None:
    assert events_of("أوقفت القوات العراقية أمس تحركات مسلحي داعش قرب الفلوجة.") == []
    assert only("أوقفت الشرطة الجزائرية أمس ثلاثة أشخاص في مدينة وهران.").sub_event_type == "Arrests"
    # a halt word after the people held is no object of the verb
    assert only("أوقفت الشرطة العراقية خمسة مسلحين بعد الهجوم في الموصل أمس.").sub_event_type == "Arrests"
    # what a crowd stopped is told of the crowd
    event = only("واقتحم مئات المحتجين أمس مطار النجف وأوقفوا حركة الملاحة الجوية.")
    assert event.event_type == "Protests"


def test_people_arrested_while_they_were_demonstrating_are_a_protest_with_intervention() -> None:
    event = only("اعتقلت الشرطة أمس عشرات الطلاب كانوا يتظاهرون أمام وزارة التعليم في تايبيه.")
    assert (event.sub_event_type, event.interaction) == ("Protest with intervention", "16")


def test_an_air_defence_camp_is_a_target_not_an_interception() -> None:
    events = events_of("شنت طائرات التحالف غارات على معسكر الدفاع الجوي في مدينة المخا أمس.")
    assert [e.sub_event_type for e in events] == ["Air/drone strike"]
    event = only("اعترضت الدفاعات الجوية السعودية صاروخا باليستيا فوق مدينة جازان أمس.")
    assert event.sub_event_type == "Disrupted weapons use"


def test_a_march_forbidden_before_it_was_held_is_no_event() -> None:
    assert events_of("قالت السلطات التركية أمس إنها ستمنع المتظاهرين من تنظيم مسيرة في إسطنبول.") == []
    assert events_of("رفضت الشرطة أمس طلب المعارضة تنظيم مسيرة في إسطنبول.") == []
    assert only("نظم المئات مسيرة في إسطنبول أمس.").sub_event_type == "Peaceful protest"


def test_seizing_the_state_is_a_figure_of_speech() -> None:
    assert events_of("قال الرئيس إن الحوثيين قاموا باختطاف الدولة ومؤسساتها في صنعاء أمس.") == []
    event = only("اختطف مسلحون أمس ثلاثة موظفين في مدينة صنعاء.")
    assert event.sub_event_type == "Abduction/forced disappearance"
    event = only("اختطفت الدولة الإسلامية عشرين مدنيا في مدينة الموصل أمس.")
    assert (event.sub_event_type, event.actor1.name) == ("Abduction/forced disappearance", "Islamic State")


def test_arson_of_a_building_is_property_destruction() -> None:
    event = only("أضرم مجهولون النار في مسجد بمدينة أولم الألمانية أمس.")
    assert (event.sub_event_type, event.weapon) == ("Looting/property destruction", "fire")
    # a crowd's fire is the crowd's riot
    event = only("أضرم المحتجون النار في الإطارات وأغلقوا الطرق في البصرة أمس.")
    assert event.sub_event_type == "Violent demonstration"


def test_a_quarter_said_to_lie_in_a_far_town_is_that_towns_quarter() -> None:
    # "الروضة" is also a town near Sanaa, 250 km from Taiz
    event = only("قتل أربعة مدنيين أمس في قصف الحوثيين على حي الروضة في مدينة تعز.")
    assert (event.location.name, event.fatalities) == ("Taiz", 4)


def test_strikes_in_several_unnamed_provinces_take_no_place_from_before() -> None:
    text = "سيطرت قوات الجيش على مدينة عدن أمس. وكثفت طائرات التحالف غاراتها أمس على مواقع الحوثيين في عدة محافظات."
    assert [e.sub_event_type for e in events_of(text)] == ["Government regains territory"]
    # teachers from many provinces protested at one place
    text = "اعتصم مئات المعلمين أمس أمام البرلمان في طهران، وشارك في الاعتصام معلمون من معظم المحافظات."
    assert [e.location.name for e in events_of(text)] == ["Tehran"]


def test_also_shelled_with_no_subject_after_air_strikes_is_the_aircraft_again() -> None:
    text = (
        "شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء أمس. "
        "كما قصفت معسكرا للحرس الجمهوري في مدينة ذمار."
    )
    dhamar = next(e for e in events_of(text) if e.location.name == "Dhamar")
    assert (dhamar.sub_event_type, dhamar.actor1.name) == ("Air/drone strike", "Saudi-led coalition")
    # with its own subject, the shelling is that subject's
    text = (
        "شنت طائرات التحالف غارات على مواقع الحوثيين في صنعاء أمس. "
        "كما قصفت المدفعية السعودية مواقع في مدينة صعدة."
    )
    saada = next(e for e in events_of(text) if e.location.name == "Sa'dah")
    assert saada.sub_event_type == "Shelling/artillery/missile attack"


def test_strikes_backing_a_ground_force_are_flown_by_the_aircrafts_owner() -> None:
    event = only("تقدمت القوات العراقية أمس مدعومة بغارات مكثفة من طيران التحالف الدولي في مدينة الرمادي.")
    assert (event.sub_event_type, event.actor1.inter) == ("Air/drone strike", 8)


@pytest.mark.parametrize(
    ("text", "sub_event_type", "interaction", "killed"),
    [
        ("قتل مسلحون ثلاثة مدنيين في مدينة تعز أمس.", "Attack", "37", 3),
        ("لقي ثلاثة مدنيين مصرعهم على يد مسلحين في مدينة تعز أمس.", "Attack", "37", 3),
        ("المسلحون قتلوا خمسة أشخاص وأصابوا آخرين في مدينة تعز أمس.", "Attack", "37", 5),
        ("قتل تنظيم داعش ثلاثة رعاة قرب مدينة كركوك أمس.", "Attack", "27", 3),
        ("قتلت القوات الإسرائيلية شابا فلسطينيا في مدينة جنين أمس.", "Attack", "78", 1),  # one, the object
        # an armed party's killing of armed men is a clash
        ("لقي قيادي حوثي مصرعه على يد قوات الجيش اليمني في مديرية نهم أمس.", "Armed clash", "12", 1),
    ],
)
def test_a_killing_by_a_named_armed_party_is_an_event(
    text: str, sub_event_type: str, interaction: str, killed: int
) -> None:
    event = only(text)
    assert (event.sub_event_type, event.interaction, event.fatalities) == (
        sub_event_type,
        interaction,
        killed,
    )


@pytest.mark.parametrize(
    "text",
    [
        "قتل جنديان إسرائيليان في مدينة جنين أمس.",  # the killed, no killer
        "الجنود الذين قتلوا في مدينة جنين أمس كانوا في دورية.",
        "وصل أمس عشرة مقاتلين مدربين على أيدي خبراء أجانب إلى مدينة تعز.",  # trained, not killed
        "أعيدت أمس جثث عشرين عاملا قتلوا عام 2015 على يد مسلحين قرب مدينة سرت.",  # another year
        "قتل شرطي وأصيب ثلاثة مدنيين في مدينة درعا أمس.",  # the killed and the wounded
        "قتل شرطيان ومدنيان في مدينة درعا أمس.",
    ],
)
def test_killing_words_without_a_killer_or_of_another_year_make_no_event(text: str) -> None:
    assert events_of(text) == []


def test_a_killing_told_with_the_strike_is_the_strike() -> None:
    event = only("قتل ثلاثة مدنيين في غارة جوية على مدينة تعز أمس.")
    assert event.sub_event_type == "Air/drone strike" and event.fatalities == 3
    # "قتلى" is no killing verb: the second part of the sentence is still a place of its own
    text = "قصفت الطائرات الحربية مدينة حلب أمس، وفي إدلب سقط خمسة قتلى."
    assert {e.location.name for e in events_of(text)} == {"Aleppo", "Idlib"}


def test_the_day_of_a_call_for_an_inquiry_is_not_the_deeds() -> None:
    text = "دعت الحكومة البريطانية، الأحد، إلى تحقيق عاجل في تقارير عن هجوم كيماوي في مدينة دوما."
    assert events_of(text) == []
    # "تحقيق تقدم" achieves progress: no inquiry
    event = only(
        "أعلن الجيش اليمني، الأربعاء، عن تحقيق تقدم ميداني في مديرية كتاف بمحافظة صعدة بعد معارك مع الحوثيين."
    )
    assert event.sub_event_type == "Government regains territory"


def test_ground_sought_to_achieve_progress_is_not_taken() -> None:
    text = "دخلت القوات العراقية جامعة الأنبار أمس واستغلت تقهقر المسلحين لتحقيق التقدم باتجاه حي التأميم في مدينة الرمادي."
    assert "Government regains territory" not in {e.sub_event_type for e in events_of(text)}
    assert "Non-state actor overtakes territory" not in {e.sub_event_type for e in events_of(text)}


def test_a_states_police_act_at_home_not_where_the_article_was_before() -> None:
    text = (
        "احتفل آلاف المشجعين في موسكو أمس بفوز المنتخب الفرنسي. وأطلقت الشرطة الفرنسية أمس الغاز المسيل "
        "للدموع وفرقت حشودا في شارع الشانزليزيه بعد اشتباكات مع مجموعة من المشجعين."
    )
    event = only(text)
    assert event.location is not None and event.location.country == "FR" and event.interaction == "15"


def test_drug_arrests_and_model_numbers_are_no_conflict_events() -> None:
    assert events_of("اعتقلت الشرطة أمس ثلاثة أشخاص في مدينة مكة بحوزتهم حبوب كبتاجون.") == []
    text = "قتل جميع ركاب البوينغ 777 عندما انفجرت الطائرة في الجو فوق مدينة دونيتسك أمس."
    assert all(e.fatalities != 777 for e in events_of(text))


def test_people_killed_in_clashes_with_no_side_named_faced_the_forces_of_the_article() -> None:
    text = (
        "قتل 12 فلسطينيا الجمعة في اشتباكات على حدود قطاع غزة، وأصيب أكثر من 500 آخرين. "
        "وقال الجيش الإسرائيلي إن آلاف الفلسطينيين اقتربوا من السياج. وأضاف الجيش الإسرائيلي أن جنوده ردوا."
    )
    event = only(text, dt.date(2018, 5, 12))
    assert event.sub_event_type == "Excessive force against protesters"
    assert (event.actor1.name, event.actor2.name) == ("Protesters (Palestine)", "Military Forces of Israel")
    assert (event.fatalities, event.injured) == (12, 500)
    # with no toll, a resident who heard the clashes is no side of them
    text = "وقال أحد السكان إنه سمع أصوات اشتباكات بأسلحة ثقيلة فجر الجمعة في مدينة رأس لانوف."
    assert only(text, dt.date(2018, 5, 12)).sub_event_type == "Armed clash"


def test_a_day_told_as_an_aside_inside_the_trigger_phrase() -> None:
    event = only("أطلق مسلحون النار، مساء الجمعة، على دورية للشرطة في مدينة العريش.", dt.date(2018, 3, 24))
    assert (event.sub_event_type, str(event.date)) == ("Armed clash", "2018-03-23")


def test_people_found_are_no_arms_found() -> None:
    text = "أعلن المحافظ أنه تم العثور على شرطيين قتلا برصاص مجهولين أمس في مدينة الموصل."
    assert "Disrupted weapons use" not in [e.sub_event_type for e in events_of(text)]
    text = "وعثر أمس على الضابط السابق فاقدا للوعي في مدينة الموصل."
    assert events_of(text) == []
    text = "عثرت على سلاح ناري وذخيرة أمس في منزل بمدينة الموصل."
    assert [e.sub_event_type for e in events_of(text)] == ["Disrupted weapons use"]


def test_one_of_the_police_fired_on_was_wounded() -> None:
    text = "أطلق مسلح النار أمس على أربعة شرطيين أمام ثكنتهم في مدينة بوردو فأصاب واحدا منهم بجروح."
    event = only(text, dt.date(2018, 3, 24))
    assert (event.sub_event_type, event.injured) == ("Armed clash", 1)
    assert only("قتل مسلحون شخصا واحدا وأصابوا اثنين آخرين أمس في مدينة بوردو.").fatalities == 1


def test_the_party_an_agreement_was_made_with_is_its_other_side() -> None:
    text = (
        "أعلن جيش الإسلام الاثنين أنه توصل إلى اتفاق مع روسيا، الداعم الرئيسي للحكومة السورية، "
        "على إجلاء المقاتلين من مدينة دوما."
    )
    event = only(text, dt.date(2018, 3, 13))
    assert event.sub_event_type == "Agreement"
    assert (event.actor1.name, event.actor2.name, event.interaction) == (
        "Jaish al-Islam",
        "Military Forces of Russia",
        "28",
    )


def test_review_cases_of_asides_found_arms_monday_and_clashes_between_people() -> None:
    pub = dt.date(2020, 3, 6)
    # "فجر اليوم نفسه" is a time, not "فجر ... نفسه" (blew himself up)
    text = "اندلعت اشتباكات بين الجيش ومسلحين في سيناء يوم الخميس، وانسحب المسلحون فجر اليوم نفسه."
    assert [e.sub_event_type for e in events_of(text, pub)] == ["Armed clash"]
    # arms found: machine guns and rifles
    text = "تمكنت قوات الأمن العراقية يوم الخميس من العثور على رشاشات وبنادق في منزل بقضاء الحويجة في كركوك."
    assert [e.sub_event_type for e in events_of(text, pub)] == ["Disrupted weapons use"]
    # "الاثنين" is Monday: the dual after it still counts two
    assert only("قتل الاثنين جنديان عراقيان في هجوم شنه مسلحون على نقطة تفتيش في كركوك.", pub).fatalities == 2
    # a clash between two families is no force against protesters, whatever police the article names
    text = (
        "قتل ثلاثة من الأهالي وأصيب خمسة آخرون في اشتباكات بين عائلتين في قرية بمحافظة سوهاج يوم الخميس. "
        "وقالت الشرطة المصرية إن التحقيق بدأ. وأضافت الشرطة المصرية أنها اعتقلت عشرة."
    )
    assert [e.sub_event_type for e in events_of(text, pub)] == ["Armed clash"]
