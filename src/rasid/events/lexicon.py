"""The event lexicons: triggers by ACLED sub-type, casualty words, modality cues. Loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rasid import resources
from rasid.text.matcher import PhraseMatcher
from rasid.text.normalize import norm
from rasid.time import lexicon as time_lx


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    sub_event_type: str
    weapon: str | None
    strength: str  # strong | weak | cue


@lru_cache(maxsize=1)
def trigger_matcher() -> PhraseMatcher[TriggerEntry]:
    # a day told as an aside may stand inside a phrase: "أطلقوا النار، مساء الجمعة، على"
    days = frozenset(time_lx.calendar().weekdays) | time_lx.YESTERDAY | time_lx.TODAY
    matcher: PhraseMatcher[TriggerEntry] = PhraseMatcher(
        enclitics=True, insertions=days | time_lx.PREFIXES | time_lx.PAST, anchors=days
    )
    owner: dict[str, TriggerEntry] = {}
    with open(resources.path("event_triggers.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.strip() or line.startswith("#"):
                continue
            sub, weapon, strength, forms = line.rstrip("\n").split("\t")
            entry = TriggerEntry(sub, weapon or None, strength)
            for form in forms.split("|"):
                key = norm(form.strip())
                if key and key not in owner:  # the first row that lists a form owns it
                    owner[key] = entry
    # "نفذوا اعتصاما", "إن انفجارا وقع": the accusative of an indefinite noun, unless listed otherwise
    for key, entry in list(owner.items()):
        plain = " " not in key and not key.startswith("ال") and not key.endswith(_NO_ACCUSATIVE)
        if plain and key not in _ADVERBIAL:
            owner.setdefault(key + "ا", entry)
    for key, entry in owner.items():
        matcher.add(key, entry)
    return matcher


_NO_ACCUSATIVE = ("ا", "ه", "ي", "ين", "ات", "ون", "ان")
# The accusative is another use of the word: "احتجاجا على" (in protest at), "تقدما" (progress),
# "فجرا" (at dawn), "اعتراضا على" (objecting to), "سلبا" (negatively), "قرارا صادرا" (issued),
# "ضبطا للنفس" (restraint), "تظاهرا ب" (feigning)
_ADVERBIAL = frozenset(
    norm(w) for w in ("احتجاج", "احتج", "تقدم", "فجر", "اعتراض", "سلب", "صادر", "ضبط", "تظاهر")
)


def _words(text: str) -> frozenset[str]:
    return frozenset(norm(w) for w in text.split())


# Casualty words (matching forms through the clitic view).
KILLED_NOUNS = _words(
    "مقتل مصرع استشهاد وفاه سقوط حصيله مقتلهم مقتله مقتلها ضحيته ضحيتها ضحيتهم القضاء تصفيه"
)
# Killing words that need "على" next: "القضاء على 12 إرهابيا" (not "القضاء العراقي").
KILLED_WITH_ALA = _words("القضاء")
# Words that kill only people: "القضاء على 3 خلايا", "تصفية 3 شركات" count no dead.
KILLED_PEOPLE_ONLY = _words("القضاء تصفيه")
KILLED_COUNTED = _words("قتيل قتيلا قتلي القتلي شهيد شهيدا شهداء الشهداء ضحيه ضحايا جثه جثث")
KILLED_VERBS = _words(
    "قتل قتلت قتلوا قتلا قتلتا يقتل استشهد استشهدوا استشهدت لقي لقوا لقيت توفي توفوا اودي اوقع اوقعت"
    " اعدم اعدمت اعدموا"  # "أعدم التنظيم 23 شخصا"
)
# Words of fighting between two sides ("تجدد القتال", "ومواجهات مع"): a battle, whoever the sides are.
FIGHTING_WORDS = _words(
    "قتال القتال مواجهات المواجهات مواجهه اشتباكات الاشتباكات اشتباك معارك المعارك اقتتال"
)
INJURED_NOUNS = _words("اصابه اصابات جرح جروح بجروح")
INJURED_COUNTED = _words("جريح جريحا جرحي الجرحي مصاب مصابا مصابين المصابين")
INJURED_VERBS = _words("اصيب اصيبت اصيبوا اصيبا جرح جرحت جرحوا يصاب اصاب اصابت اصابوا")
# The active verb counts people only: "فأصاب ثلاثة آخرين", not "أصابت القذائف 3 منازل".
INJURED_PEOPLE_ONLY = _words("اصاب اصابت اصابوا")
OTHERS = _words("اخرين اخرون اخر اخري اخريات")
# Words after which a number counts a subset of the total ("14 killed, among them 4 children").
SUBSET_WORDS = _words("بينهم بينهن منهم منهن ضمنهم معظمهم اغلبهم غالبيتهم بينها منها")
# Units that make a number something other than a count of people.
PERCENT_AFTER_FI = _words("المئه المائه")  # "24 في المئة": a share, not a count
UNIT_WORDS = _words(
    """عام عاما اعوام سنه سنوات سنين شهر اشهر شهور يوم ايام يوما اسبوع اسابيع ساعه ساعات دقيقه دقائق
    كلم كيلومتر كيلومترا كم متر مترا امتار ميل دولار دولارا مليون مليار بالمئه بالمائه
    طلعه طلعات غاره غارات صاروخ صواريخ صاروخا قذيفه قذائف عبوه عبوات هجوم هجمات هجوما طن اطنان
    لواء كتيبه مركبه مركبات اليه اليات اسير اسري معتقل معتقلا معتقلين موقوف موقوفا"""
)
PERSON_NOUNS = _words(
    """شخص شخصا اشخاص مدني مدنيا مدنيين مدنيون جندي جنديا جنود عسكري عسكريا عسكريين عسكريون عنصر عنصرا
    عناصر مسلح مسلحا مسلحين مسلحون مقاتل مقاتلا مقاتلين مقاتلون موظف موظفا موظفين عاملين العاملين طفل طفلا اطفال امراه نساء رجل رجلا رجال
    مواطن مواطنا مواطنين مواطنون ضابط ضابطا ضباط شرطي شرطيا شرطيين افراد فردا فرد سائق السائق طالب
    طلاب فلسطيني فلسطينيا فلسطينيين فلسطينيون اسرائيلي اسرائيليا اسرائيليين متظاهر متظاهرا متظاهرين
    محتج محتجا محتجين ارهابي ارهابيا ارهابيين ارهابيون داعشي داعشيا داعشيين متمرد متمردا متمردين
    حوثي حوثيا حوثيين صحفي صحفيا صحفيين مسعف مسعفا مسعفين عامل عاملا عمال لاجئ لاجئا لاجئين
    مسلحي مقاتلي قيادي قياديا قياديين تكفيري تكفيريا تكفيريين عنصري"""
)
_SINGLE_PERSON = (
    "شخص جندي عسكري عنصر مسلح مقاتل طفل رجل مواطن ضابط شرطي سائق طالب صحفي مسعف عامل لاجئ مدني شاب فتي"
)
# With the accusative "جنديا" ("قتل جنديا", "أن جنديا قتل").
SINGLE_PERSON_NOUNS = _words(_SINGLE_PERSON + " امراه سيده فتاه طفله شابه") | _words(
    " ".join(w + "ا" for w in _SINGLE_PERSON.split())
)
# Titles of one named person: "مقتل الملا فضل الله", "لقي القيادي الحوثي أبو تراب مصرعه"
ONE_PERSON_TITLES = _words(
    "القيادي قيادي القائد قائد الزعيم زعيم الملا الشيخ الامير امير الرئيس رئيس المتحدث الناطق العميد"
    " العقيد اللواء المقدم الرائد النقيب الملازم الضابط الوالي المحافظ القاضي الامام الناشط الناشطه"
    " الصحفي الصحفيه الشاب الشابه الطفل الطفله المواطن المواطنه المسؤول الجنرال المدعو"
)
CIVILIAN_NOUNS = _words(
    """مدني مدنيا مدنيين مدنيون طفل طفلا اطفال امراه نساء مواطن مواطنا مواطنين مواطنون سكان السكان
    اهالي الاهالي عائله عائلات طالب طلاب صحفي صحفيا صحفيين مسعف مسعفين عامل عمال لاجئ لاجئين شخص شخصا
    اشخاص صحفيه طالبه طفله فتاه فتيات مواطنه سائح سائحا سائحه سياح ناشط ناشطا ناشطه ناشطين رهينه رهائن مدنيه سائق سائقها سائقه
    دبلوماسيا دبلوماسيين الدبلوماسيين ابنته ابنتها ابنه ابنها زوجته زوجها"""
)
# Zero casualties: "دون وقوع إصابات", "لم يسفر عن ضحايا", "لم تخلف خسائر".
NO_CASUALTY_WORDS = _words("اصابات ضحايا خسائر اصابه قتلي جرحي")
NO_CASUALTY_LEADS = _words("دون بدون لم لا عدم")

# Modality: a trigger in their scope reports no event that happened.
_THREAT_VERBS = "هدد هددت يهدد تهدد توعد توعدت يتوعد تتوعد"
# "يهدد بالقتل", "مهددين بقتلهم", "تهديدا بقتلهم": a threat to kill is no toll
THREAT_WORDS = _words(_THREAT_VERBS + " هددوا يهددون توعدوا مهددا مهددين مهدده تهديد تهديدا تهديدات")
NEGATION = _words("نفي نفت ينفي تنفي نفوا نافيا نافيه ينفون")
MODALITY = _words(
    _THREAT_VERBS
    + """ حذر حذرت يحذر تحذر تحذير سوف قد يعتزم تعتزم ينوي
    تنوي يخطط تخطط يخططون خطط خطه مخطط يمكن ربما محتمل احتمال المحتمل اذا لو حال يريد تريد يسعي تسعي
    مستعد مستعده استعداد تستعد يستعد ستشن سيشن سيتم لمنع دعا دعت يدعو تدعو طالب طالبت يطالب تطالب
    عزم يعتزمون المقرر مقرر اتهم اتهمت يتهم تتهم اتهام اتهامات باتهام محاوله بمحاوله لتنفيذ تمهيدا
    تهدف يهدف بهدف لمواجهه تسليم تزويد امداد بيع صفقه منظومه منظومات منصات شراء مضاده محكمه
    المحكمه محاكمه الاستئناف قضاه القاضي ذكري الذكري يخلد تخلد يحيي احياء احيائهم لوقف
    تهديد تهديدات التهديدات تلويح التلويح ستمنع سيمنع ستحظر سيحظر"""
)
# Right after a trigger: "مظاهرات مزمعة", "الهجوم المرتقب" (planned, expected).
PLANNED_AFTER = _words(
    "مزمع مزمعه المزمع المزمعه مرتقب مرتقبه المرتقب المرتقبه المقرر المقرره المحتمل المحتمله"
)
# Words that make a weak chemical-weapons mention an incident: an attack or a use.
CHEMICAL_USE = _words("هجوم الهجوم هجوما قصف استخدام استخدم استخدمت باستخدام استهدف استهدفت ضربه القي القت")
# A quoted name right after one of these is a name ("مجموعة «أوقفوا الحرب»"), not a report.
NAMING_WORDS = _words(
    "مجموعه حمله حركه منظمه جمعيه عمليه شعار وسم هاشتاق عنوان بعنوان اسم باسم تحالف ائتلاف "
    "اغنيه فيلم كتاب روايه مسلسل برنامج لقب قصيده"
)
# Neighbours that give a trigger word another sense: "رئيس تحرير", "ميدان التحرير", "هيئة تحرير الشام",
# "قناة المسيرة", "مذكرة توقيف" before it; "اشتباك كلامي", "هجوم لاذع" after it.
OTHER_SENSE_BEFORE = _words("رئيس ميدان ساحه هيئه قناه مذكره مذكرات منظمه حركه جبهه")
# "أسقط ... طائرة": a plane shot down is a missile attack on it, a drone shot down a disrupted weapon.
DOWNING_WORDS = _words("اسقط اسقطت اسقطوا اسقاط")
MANNED_AIRCRAFT = _words("طائره طائرات مقاتله مقاتلات مروحيه مروحيات")
UNMANNED_WORDS = _words("مسيره مسيرات طيار")
PROJECTILE_WORDS = _words("صاروخ صاروخا صاروخين صواريخ قذيفه قذائف براميل برميل قنبله قنابل")
# What a disruption verb (اعترض، أسقط، تصدى، فكك، أبطل) stops: a weapon, an aircraft, a bomb or a hostile target.
STOPPED_OBJECTS = (
    PROJECTILE_WORDS
    | MANNED_AIRCRAFT
    | UNMANNED_WORDS
    | _words("درون باليستي باليستيا")
    | _words("عبوه عبوات لغم الغام متفجرات ناسفه مفخخه مفخخات حزام احزمه اسلحه ذخائر هدف هدفا اهداف جسم جسما")
    | _words("قنبلتين عبوتين لغمين طائرتين طائرته طائرتها متفجره ناسفتين مفخختين مفخخ صواريخها باليستيه")
    | _words("مقذوف مقذوفا مقذوفات بالستي بالستيا بالستيه")
)
AIRCRAFT_NOUNS = _words("طائره الطائره طائرات الطائرات")  # "الطائرة الإيرانية المسيرة": a drone
MARCH_WORDS = _words("مسيره المسيره مسيرات المسيرات")
CYBER_WORDS = _words("الكتروني الكترونيه سيبراني سيبرانيه")  # "هجوم إلكتروني استهدف": a verb of that attack
# What an event answered or what a protest was against opens another event's words: a day or toll after
# them is that one's ("ردا على هجوم ... الخميس", "احتجاجا على غارة أسفرت عن مقتل 5").
CAUSE_LEADS = _words("اثر عقب اعقاب ردا")
PROTESTED_LEADS = _words("احتجاجا واحتجاجا تنديدا وتنديدا")
AIR_DEFENCE = _words("الدفاع الدفاعات دفاع دفاعات")  # "قوات الدفاع الجوي" (not "وزارة الدفاع")
AIR_WORDS = _words("الجوي الجويه جوي جويه")
OTHER_SENSE_AFTER = _words(
    "كلامي كلاميه لفظي لفظيه لاذع لاذعا اعلامي اعلاميه سيبراني سيبرانيه الكتروني الكترونيه"
)
FUTURE_PREFIXED = ("سي", "ست", "سن")  # "سيشن", "ستقصف": future tense
# Aggregates: "نحو خمسين هجوما منذ مطلع العام".
AGGREGATE_WORDS = _words("منذ مطلع خلال طوال")
SINCE_WORDS = _words("منذ")
SINCE_THEN = _words("مذاك منذئذ")  # "since then": a toll since some earlier day
THEN_WORDS = _words("ذلك ذاك")  # "منذ ذلك الحين"
PERIOD_START_WORDS = _words("مطلع بدء بدايه بداية انطلاق اندلاع")
PERIOD_UNITS = _words("الايام الاسابيع الاشهر الشهور الاعوام السنوات")
PERIOD_PAST = _words("الماضيه الاخيره المنصرمه")
