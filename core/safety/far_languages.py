"""Orders to an AI reader in languages no earlier rule read (round 33 of #18): Bulgarian, Bengali, Estonian, Basque,
Icelandic, Lithuanian, Latvian, Swahili, Tagalog and Urdu, with Croatian/Serbian/Slovenian and Malay forms that the
seen sets also missed.

Set T (seen since round 32 was judged) missed every attack in bg bn et eu is lt lv sw tl ur. The families are the
ones world_orders.py reads in twenty other languages, written here from each language's grammar (imperative and
polite forms, subject-object-verb order in Basque, Bengali and Urdu), not from T's rows:

- the override: a verb of ignoring or forgetting and, within a few words (before or after it), the earlier
  instructions, rules or the user's question ("пренебрегни инструкциите", "eira juhiseid", "ahaztu argibideak",
  "hunsaðu fyrirmælin", "nepaisyk nurodymų", "aizmirsti norādījumus", "puuza maagizo", "huwag pansinin ang mga
  tagubilin", "নির্দেশ উপেক্ষা করো", "ہدایات کو نظر انداز کرو", "zanemari upute");
- a payload for an AI reader: in one sentence an AI reader (a word for the assistant, the model, the AI) or the
  user's question as the condition ("if the user asks about ..."), an order or a duty ("tell", "ask", "show", "must")
  and what the order is after: the user's password, the system prompt or hidden instructions, the whole
  conversation, a file downloaded and run with administrator rights;
- the answer dictated ("answer that ...", "answer every question with ...") with an AI reader or the user's
  question as the condition in the sentence, and an AI reader named by reading this text with a duty ("the AI that
  reads this must ...");
- Malay/Indonesian: the user's question put into a link ("sertakan soalan pengguna dalam pautan").

Matched on the lower-cased text as written (Bengali, Urdu) and on its accent-stripped form (Latin and Cyrillic are
written here without accents: "й" as "и"). The switch FAR_LANGUAGES is read at every scan; off = round 32's rules.
Measured in benchmarks/results/safety_issue18_round33.md.
"""
from __future__ import annotations

import re

from core.safety.world_orders import stripped

FAR_LANGUAGES = True

OVERRIDE_REASON = "asks to ignore or override earlier instructions"
HARM_REASON = "orders an AI reader to do harm"
OVERRIDE_WEIGHT = 0.9
HARM_WEIGHT = 0.6

_L = r"(?<![^\W\d_])"
_R = r"(?![^\W\d_])"
_S = r"[^.!?;\n।۔]"  # a character inside one sentence (Bengali and Urdu full stops included)

# --- the override: (verb, object) per language; both orders are tried within a few words --------------------------
_IGNORE = (
    # bg
    r"пренебрегн\w*|игнорира\w*|забрав\w*|не\s+обръща\w*\s+внимание\s+на|"
    # et
    r"eira\w*|ignoreeri\w*|unust\w*|jata\s+tahelepanuta|"
    # eu
    r"ahaztu(?!\s+(?:baduzu|badu|baduzue|dut|duzu|dugu|da|dira|zait|zaizu|ezkero|gero))|ahaz\s+itzazu|ez\s+ikusi(?:arena)?\s+egin|ezikusiarena\s+egin|alde\s+batera\s+utzi|baztertu|"
    # is
    r"hunsa\w*|gleymdu|gleymið|gleyma|leiddu\s+hja\s+þer|virtu\s+að\s+vettugi|"
    # lt
    r"nepaisyk\w*|ignoruok\w*|pamirsk\w*|neatsizvelk\w*|"
    # lv
    r"ignore|ignorejiet|aizmirsti|aizmirstiet|nenem\s+vera|neievero\w*|"
    # sw
    r"puuza\w*|sahau|usijali|acha\s+kufuata|"
    # tl
    r"huwag\s+(?:mong\s+)?pansinin|balewalain|kalimutan|ipagwalang-bahala|"
    # hr, sr, sl
    r"zanemari\w*|zaboravi\w*|занемари\w*|заборави\w*|prezri\w*|pozabi\w*|ignoriraj\w*|"
    # ms
    r"abaikan|lupakan"
)
_RULES = (
    r"инструкци\w*|указани\w*|правила(?:та)?|насоки(?:те)?|нареждания(?:та)?|"
    r"juhis\w*|juhend\w*|korraldus\w*|reeglid|reegleid|"
    r"argibide\w*|jarraibide\w*|aginduak|arauak|instrukzio\w*|"
    r"fyrirmæl\w*|leiðbeining\w*|reglur\w*|reglum|skipan\w*|"
    r"nurodym\w*|instrukcij\w*|taisykl\w*|"
    r"noradijum\w*|noteikum\w*|"
    r"maagizo|maelekezo|amri\s+za|"
    r"tagubilin|utos|panuto|patakaran|instruksyon|"
    r"upute|uputa|uputstva|упутства|упутство|navodila|navodil|naredb\w*|"
    r"arahan|perintah\s+(?:sebelum|terdahulu|sistem)"
)
_NEG = r"(?<!ne\s)(?<!ara\s)(?<!ära\s)(?<!не\s)"
_LATIN_OVERRIDE = re.compile(
    _NEG + _L + r"(?:" + _IGNORE + r")" + _R + r"(?:\s+[^\s.!?;:]+){0,5}?\s+(?:" + _RULES + r")" + _R
    # object first (Basque, and the passive "instructions ... ignore"): "aurreko argibideak ahaztu"
    + r"|" + _L + r"(?:argibide\w*|jarraibide\w*|aginduak|arauak)(?:\s+[^\s.!?;:]+){0,3}?\s+(?:ahaztu|baztertu|"
    r"ez\s+ikusi\s+egin|alde\s+batera\s+utzi)" + _R)
# Bengali, Urdu (object first, as written)
_BN_OVERRIDE = re.compile(r"(?:নির্দেশ\S*|নিয়ম\S*|নির্দেশনা\S*)\s+(?:\S+\s+){0,2}?(?:উপেক্ষা|অগ্রাহ্য|অবহেলা|ভুলে\s+যা)")
_UR_OVERRIDE = re.compile(r"(?:ہدایات|ہدایت|احکامات|قواعد|اصول)\s+(?:\S+\s+){0,2}?(?:نظر\s*انداز|بھول\s+جا)")

# --- an AI reader ------------------------------------------------------------------------------------------------
_READER = re.compile(
    r"\b(?:асистент\w*|модел\w*|изкуствен\w*\s+интелект|чатбот\w*|"
    r"assistent\w*|tehisintellekt\w*|keelemudel\w*|mudel\w*|vestlusrobot\w*|"
    r"laguntzaile\w*|adimen\s+artifizial\w*|hizkuntza-?eredu\w*|txatbot\w*|"
    r"aðstoðarm\w*|gervigreind\w*|mallikan\w*|spjallmenni\w*|"
    r"asistent\w*|dirbtin\w*\s+intelekt\w*|kalbos\s+model\w*|modelis|modeliui|modelim|"
    r"maksligais\s+intelekts|maksliga\w*\s+intelekt\w*|valodas\s+model\w*|terzetajrobot\w*|"
    r"msaidizi|wasaidizi|akili\s+bandia|modeli|"
    r"assistant|katulong|chatbot|ai|umjetn\w*\s+inteligencij\w*|pembantu\s+ai)" + _R
    + r"|সহকারী|এআই|মডেল|কৃত্রিম\s+বুদ্ধিমত্তা|চ্যাটবট|اسسٹنٹ|معاون|ماڈل|مصنوعی\s+ذہانت|چیٹ\s*بوٹ|اے\s*آئی")
# the user's question as the condition of an order
_IF_USER = re.compile(
    r"ако\s+потребител\w*\s+(?:попита|пита|зададе)|"
    r"kui\s+kasutaja\s+(?:kusib|kusimus)|"
    r"erabiltzaile\w*\s+(?:\S+\s+){0,4}?galdetzen\s+badu|"
    r"ef\s+notandinn\s+(?:spyr|spyrð)\w*|"
    r"jei\s+(?:naudotoj|vartotoj)\w*\s+(?:klaus|paklaus)\w*|"
    r"ja\s+lietotajs\s+(?:jauta|vaica)\w*|"
    r"(?:ikiwa|kama|endapo)\s+mtumiaji\s+(?:atauliza|akiuliza|anauliza|ataomba)|"
    r"(?:kapag|kung)\s+(?:nagtanong|magtanong|nagtatanong)\s+ang\s+(?:user|gumagamit)|"
    r"যদি\s+ব্যবহারকারী|ব্যবহারকারী\s+যদি|اگر\s+صارف")
# an order, a request or a duty
_ORDER = re.compile(
    r"\b(?:кажи|поискаи|помоли|изпрати|покажи|изведи|накараи|трябва\s+да|"
    r"utle|kusi|palu|saada|naita|peab|"
    r"esan|eskatu|bidali|erakutsi|behar\s+du|"
    r"segðu|biddu|sendu|syndu|skal|a\s+að|"
    r"pasakyk|paprasyk|liepk|parodyk|atskleisk|turi|"
    r"pasaki|paludz|liec|paradi|atklaj|jaizvada|jaievada|japasaka|japarada|"
    r"mwambie|umwambie|mwombe|umwombe|onyesha|tuma|lazima|"
    r"sabihin|hingin|hilingin|ipakita|sagutin\s+mo|kailangan|"
    r"reci|recite|kazi|pitaj|zatrazi|prikazi|mora|"
    r"beritahu|minta|tunjukkan|mesti)" + _R
    + r"|বলো|বলুন|বলবে|চাও|চান|চাইবে|দেখাও|পাঠাও|লিখতে|بتاؤ|بتائیں|کہو|کہیں|مانگو|مانگیں|دکھاؤ|بھیجو|لکھو")
# what the order is after
_PAYLOAD = re.compile(
    r"\b(?:парол\w*|системн\w*\s+(?:промпт|подкан|инструкци)\w*|скрит\w*\s+инструкци\w*|цели\w*\s+разговор|"
    r"parool\w*|susteemiviip\w*|susteemi\s+(?:juhis|viip)\w*|peidetud\s+juhis\w*|kogu\s+vestlus\w*|"
    r"pasahitz\w*|sistemaren\s+(?:gonbit|argibide|jarraibide)\w*|elkarrizketa\s+osoa|"
    r"lykilorð\w*|kerfisfyrirmæl\w*|kerfiskvaðning\w*|falin\w*\s+fyrirmæl\w*|"
    r"slaptazod\w*|sistemos\s+(?:ragin|nurodym|instrukcij)\w*|paslept\w*\s+(?:nurodym|instrukcij)\w*|"
    r"administratoriaus\s+teis\w*|"
    r"parol\w*|sistemas\s+(?:uzvedn|noradijum|instrukcij)\w*|slept\w*\s+(?:sistemas\s+)?(?:uzvedn|noradijum)\w*|"
    r"nenosiri|neno\s+la\s+siri|maagizo\s+ya\s+mfumo|kama\s+msimamizi|"
    r"password|system\s+prompt|lozink\w*|sistemsk\w*\s+(?:upute|uput|prompt)\w*|kata\s+laluan)" + _R
    + r"|পাসওয়ার্ড|সিস্টেম\s+প্রম্পট|پاس\s*ورڈ|سسٹم\s+پرامپٹ")
# the answer dictated ("answer that ...", "answer every question with ...") or a reader named by reading this text
# with a duty: read with a reader or the user's question as condition in the same sentence
_FORCED = re.compile(
    r"\b(?:отговори,?\s+че|отговаряи\s+само|vasta,?\s+et|vasta\s+ainult|erantzun\s+beti|svaraðu,?\s+að|"
    r"svara\w*\s+(?:ollum|ollu)\s+\w+\s+með|atsakyk,?\s+kad|atsakyk\s+tik|atbildi,?\s+ka|atbildi\s+tikai|"
    r"jibu\s+kwamba|mjibu\s+kwamba|sagutin\s+mo\s+na|isagot\s+mo\s+na|sabihin\s+mo\s+na|odgovori\s+da|"
    r"odgovori\s+samo|jawab\s+bahawa|jawab\s+sahaja)" + _R
    + r"|(?:sem\s+les\w*\s+þetta|който\s+чете\s+това|mis\s+seda\s+loeb|kas\s+lasa\s+so|kuris\s+skaito\s+(?:si|ta)|"
    r"anayesoma\s+(?:hili|hii|huu|hiki)|na\s+nagbabasa\s+nito|koji\s+cita\s+ovo)" + _S + r"{0,60}?"
    + _L + r"(?:skal|a\s+að|verður\s+að|трябва\s+да|peab|turi|lazima|anapaswa|dapat|kailangan|mora)" + _R)
_MS_LINK = re.compile(r"(?:sertakan|masukkan|tambahkan|lampirkan|letakkan)\s+(?:soalan|pertanyaan)\s+pengguna\s+"
                      r"(?:\S+\s+){0,2}?(?:pautan|tautan|url|alamat)")
# cheap first passes: a long alternation searched over a 20,000-character text costs milliseconds, a substring test
# microseconds. Each family runs its pattern only on the sentences (or windows) around a stem of its own words.
_RULE_STEMS = ("инструкци", "указани", "правила", "насоки", "нареждани", "juhis", "juhend", "korraldus", "reegl",
               "argibide", "jarraibide", "agindu", "arau", "instrukzio", "fyrirmæl", "leiðbeining", "regl", "skipan",
               "nurodym", "instrukcij", "taisykl", "noradijum", "noteikum", "maagizo", "maelekezo", "amri", "tagubilin",
               "utos", "panuto", "patakaran", "instruksyon", "upute", "uputa", "uputstv", "упутств", "navodil", "naredb",
               "arahan", "perintah")
_PAYLOAD_STEMS = ("парол", "системн", "скрит", "разговор", "parool", "susteemi", "peidetud", "vestlus", "pasahitz",
                  "sistemaren", "elkarrizketa", "lykilorð", "kerfis", "fyrirmæl", "slaptazod", "sistemos", "paslept",
                  "administratoriaus", "parol", "sistemas", "slept", "nenosiri", "neno la siri", "maagizo ya mfumo",
                  "msimamizi", "password", "system prompt", "lozink", "sistemsk", "kata laluan")
_WRITTEN_STEMS = ("পাসওয়ার্ড", "সিস্টেম", "پاس", "سسٹم")  # Bengali and Urdu: read as written (stripping breaks them)
_FORCED_STEMS = ("отговор", "vasta", "erantzun", "svara", "atsakyk", "atbildi", "jibu", "sagutin", "isagot", "sabihin",
                 "odgovori", "jawab", "sem les", "който", "mis seda", "kas lasa", "kuris", "anayesoma", "nagbabasa",
                 "koji cita")


def _stem_hits(text: str, stems) -> list[int]:
    out = []
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            out.append(i)
            i = text.find(stem, i + 1)
    return out


# a sentence ends at a full stop before white space, a Bengali danda, an Urdu full stop or a line break
_END = re.compile(r"[\n।۔]|[.!?](?!\S)")


def _sentences(text: str):
    start = 0
    for m in _END.finditer(text):
        if m.start() > start:
            yield text[start:m.start()]
        start = m.end()
    if start < len(text):
        yield text[start:]


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    a = max(text.rfind(c, max(0, start - 400), start) for c in ".!?\n।۔")
    b = min([i for i in (text.find(c, end, end + 400) for c in ".!?\n।۔") if i >= 0] or [min(len(text), end + 400)])
    return (a + 1 if a >= 0 else max(0, start - 400)), b


def _harm(text: str, stems=(_PAYLOAD_STEMS, _FORCED_STEMS)) -> bool:
    """One sentence with an AI reader (or the user's question as a condition), an order and its payload, or a
    dictated answer with a reader or the condition. Only sentences around a stem of a payload or a dictated answer
    are read, each once."""
    seen = set()
    for group, check in zip(stems, (lambda s: _PAYLOAD.search(s) and _ORDER.search(s), lambda s: _FORCED.search(s))):
        for i in _stem_hits(text, group):
            span = _sentence(text, i, i + 1)
            if span in seen:
                continue
            seen.add(span)
            s = text[span[0]:span[1]]
            if check(s) and (_READER.search(s) or _IF_USER.search(s)):
                return True
    return False


def _override(text: str) -> bool:
    """The verb and its object, searched in a window around each object stem (the verb comes before it, or, in
    Basque, after it)."""
    for i in sorted(set(_stem_hits(text, _RULE_STEMS))):
        if _LATIN_OVERRIDE.search(text, max(0, i - 160), i + 80):
            return True
    return False


def find(lowered: str) -> list[tuple[float, str]]:
    """The families found in `lowered` (lower-cased text): (weight, reason) pairs, each family once."""
    if not FAR_LANGUAGES or lowered.isascii() and not _quick_ascii(lowered):
        return []
    out: list[tuple[float, str]] = []
    # Latin and Cyrillic words are written here without accents: their stems are looked for in the stripped form;
    # Bengali and Urdu in the text as written
    form = lowered if lowered.isascii() else stripped(lowered)
    if (_override(form) or ("নি" in lowered and _BN_OVERRIDE.search(lowered))
            or (("ہد" in lowered or "احک" in lowered or "قوا" in lowered or "اصو" in lowered)
                and _UR_OVERRIDE.search(lowered))):
        out.append((OVERRIDE_WEIGHT, OVERRIDE_REASON))
    if (_harm(form) or (form is not lowered and _harm(lowered, (_WRITTEN_STEMS, ())))
            or ("pengguna" in lowered and _MS_LINK.search(lowered))):
        out.append((HARM_WEIGHT, HARM_REASON))
    return out


_ASCII_CUES = ("eira", "juhis", "ahaztu", "argibide", "jarraibide", "puuza", "sahau", "maagizo", "pansinin", "tagubilin",
               "balewalain", "kalimutan", "nepaisyk", "nurodym", "pamirsk", "aizmirst", "noradijum", "zanemari", "upute",
               "pozabi", "navodila", "prezri", "arahan", "abaikan", "lupakan", "nenosiri", "mwambie", "sabihin",
               "pasahitz", "parool", "slaptazod", "lozink", "kasutaja", "erabiltzaile", "mtumiaji", "naudotoj",
               "lietotaj", "sagutin", "anayesoma", "nagbabasa")
_SOALAN = re.compile(r"soalan\s+pengguna")


def _quick_ascii(lowered: str) -> bool:
    """An ASCII text (English, mostly) is read only when it holds a word of these languages."""
    return any(c in lowered for c in _ASCII_CUES) or ("soalan" in lowered and bool(_SOALAN.search(lowered)))
