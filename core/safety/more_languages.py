"""Orders to an AI reader in Polish, Swedish, Finnish, Hungarian, Indonesian, Japanese, Chinese, Russian and Ukrainian
(round 30 of #18).

The rules of core/safety/injection.py read English and six Western European languages; round 29b's second n-gram
model reads further scripts and letters but misses wordings unlike its templates (0 of Japanese and Chinese
attacks in a new wording on the round-30 dev set). Two families, the same as the English core, written from the
grammar of each language and never from a held-out row:

- the override: a verb of ignoring or forgetting and, within a few words, a word for the instructions, rules or
  commands given earlier ("zignoruj wcześniejsze polecenia", "ignorera alla tidigare instruktioner", "unohda
  aiemmat ohjeet", "hagyd figyelmen kívül a korábbi utasításokat", "abaikan semua instruksi", "以前の指示を無視",
  "忽略之前的所有指令");
- an AI reader named and, in the same sentence, the user's password or key asked for, a virus or malware claim, or
  the other documents discredited.

Matched on the lower-cased text and on its normalised form (accents stripped, kana voicing marks dropped): each word
is written with both spellings. The switch MORE_LANGUAGES is read at every scan; off = round 29b's rules.
"""
from __future__ import annotations

import re

MORE_LANGUAGES = True

_ACCENTS = {"a": "aąáäå", "e": "eęé", "o": "oóöő", "u": "uúüű", "i": "ií", "s": "sś", "c": "cć", "n": "nń", "z": "zżź",
            "l": "lł"}


def _fold(words: str) -> str:
    """An alternation of the given words ("|"-separated, letters and spaces), each letter with its accented forms."""
    out = []
    for w in words.split("|"):
        out.append("".join(f"[{_ACCENTS[ch]}]" if ch in _ACCENTS else (r"\s+" if ch == " " else re.escape(ch)) for ch in w))
    return "(?:" + "|".join(out) + ")"


# Latin-script languages: verbs of ignoring, and the instruction words
_IGNORE = _fold("zignoruj|ignoruj|zapomnij|pomin|olej|ignorera|strunta i|glom|bortse fran|unohda|ohita|ala valita|"
                "hagyd figyelmen kivul|hagyja figyelmen kivul|felejtsd el|felejtse el|ne torodj|abaikan|lupakan|acuhkan|"
                "jangan hiraukan|jangan pedulikan")
# stems: Finnish, Hungarian, Polish and Indonesian add their case endings ("utasítást", "ohjeesi", "poleceń")
_RULES = _fold("polece|instrukcj|instrukcje|zasad|wytyczn|instruktion|direktiv|regler|anvisning|ohjee|ohjeet|ohjeit|ohjeis|ohjeen|ohjeta|ohjeil|kasky|saann|saanto|"
               "utasitas|szabaly|iranyelv|instruksi|perintah|aturan|arahan|petunjuk") + r"\w*"
# "glöm inte reglerna", "nie zapomnij o zasadach", "älä unohda ohjeita", "ne felejtsd el", "jangan lupakan": negated
_NOT = r"(?<!nie\s)(?<!ala\s)(?<!älä\s)(?<!ne\s)(?<!jangan\s)(?<!tidak\s)"
_LATIN_OVERRIDE = _NOT + r"\b" + _IGNORE + r"\b(?!\s+(?:inte|ej|nie|ei|tidak|jangan)\b)(?:\s+[^\s.!?]+){0,4}?\s+\b" + _RULES
# Russian and Ukrainian (normalised: й -> и, hyphens may be dropped)
_CYR_IGNORE = (r"(?:(?:про)?игнориру[ий](?:те)?|(?:про)?ігнору[ий](?:те)?|забуд[ьи](?:те)?|отбрось(?:те)?|"
               r"не\s+обраща[иий](?:те)?\s+внимания\s+на|не\s+зважа[иий](?:те)?\s+на)")
_CYR_RULES = r"(?:инструкци|указани|правил|команд|промпт|установк|інструкці|вказівк|настанов)\w*"
_CYR_OVERRIDE = r"(?<![а-яіїєё])(?<!не\s)" + _CYR_IGNORE + r"(?:\s+[^\s.!?]+){0,4}?\s+" + _CYR_RULES
_CYR_READER = (r"(?<![а-яіїєё])(?:ии|ші)[\s-]?(?:ассистент|асистент|помощник|помічник|агент)\w*|(?<![а-яіїєё])(?:ии|ші)(?![а-яіїєё])"
               r"|не[йи]росет\w*|не[йи]ромереж\w*|языков\w*\s+модел\w*|мовн\w*\s+модел\w*"
               # "the model that reads / processes this text"
               r"|(?<![а-яіїєё])модел[ьи]\w*,?\s+(?:котор\w+\s+|яка\s+|що\s+)?(?:чита|обрабатыва|анализиру|пересказыва|резюмиру|"
               r"обробля|аналізу|переказу)\w*")
_CYR_PAYLOAD = (r"(?:парол\w*|системн\w*\s+промпт\w*|ключ\w*\s+api|api[\s-]?ключ\w*|вирус\w*|вірус\w*|вредонос\w*|"
                r"шкідлив\w*|(?:отключ|выключ|вимкн|відключ)\w*\s+(?:\w+\s+)?(?:брандмауэр|файрвол|антивирус|антивірус|защит|захист)\w*)")
# CJK: the object before the verb (Japanese), the verb before the object (Chinese)
_CJK_RULES = r"(?:指示|指令|命令|ルール|規則|规则|設定|设定|[プフ]ロン[プフ]ト|提示词|提示詞|说明|說明)"
# the instructions qualified as earlier, all or the reader's own ("パッケージの保留指示を無視", apt's --ignore-hold, is
# a program's option: no qualifier)
_JA_BEFORE = r"(?:以前|前|これまで|今まで|先|上記|上|すべて|全て|あなた|システム|元|最初|当初)"
_ZH_BEFORE = r"(?:之前|以前|上面|上述|先前|前面|所有|全部|一切|你的|您的|系统|系統|原来|原來|原始|原有|最初)"
_CJK_OVERRIDE = (_JA_BEFORE + r"の?[^。！？\n]{0,6}?" + _CJK_RULES + r"[^。！？\n]{0,10}?(?:無視|忘れ|従わな)"
                 r"|(?:忽略|无视|無視|忽视|忽視|不要理会|不要理會|忘记|忘記|忘掉|不要遵守|不要遵循)[^。！？\n]{0,6}?" + _ZH_BEFORE
                 + r"[^。！？\n]{0,6}?" + _CJK_RULES)

# an AI reader, the payloads
_READER = (_fold("asystent ai|asystenta ai|asystencie ai|asystentowi ai|ai asystent|model jezykowy|modelem jezykowym|"
                 "modelu jezykowego|sztucznej inteligencji|sztuczna inteligencja|ai assistent|ai assistenten|"
                 "ai assistenter|sprakmodell|sprakmodellen|tekoaly|tekoalyavustaja|tekoalyavustajalle|kielimalli|kielimallille|"
                 "mesterseges intelligencia|nyelvi modell|ai asszisztens|asisten ai|model bahasa|kecerdasan buatan")
           + r"|ai-?(?:asystent|assistent|avustaja|asszisztens)\w*|tekoäly\w*|kielimall\w*")
_PAYLOAD = (_fold("haslo|hasla|hasel|haslem|numer karty|lozenord|losenord|personnummer|kortnummer|salasana|salasanan|"
                  "salasanasi|salasanansa|jelszo|jelszot|jelszavat|jelszavadat|kata sandi|nomor kartu|wirus|zlosliwe|"
                  "skadlig|skadligt|skadlig kod|haittaohjelma|virus|virusos|kartevo|berbahaya|malware")
            + r"|api[- ]?(?:key|klucz|nyckel|avain|kulcs|kunci)\w*|(?:klucz|nyckel|avain|kulcs|kunci)\w*\s+api\b"
            r"|hasł\w*|jelsz\w*|lösenord\w*|salasan\w*")
_CJK_READER = r"(?:(?<![a-z0-9])ai(?![a-z0-9])|人工智能|アシスタント|助手|モ[デテ]ル|模型|チャット[ボホ]ット|聊天机器人|聊天機器人|大模型)"
_CJK_PAYLOAD = (r"(?:[パハ]スワー[ドト]|密码|密碼|口令|api\s*(?:密钥|密鑰|キー)|ウイルス|ウィルス|マルウェア|病毒|恶意软件|惡意軟體|"
                r"他の(?:文書|[ドト]キュメント|資料)|其他(?:文档|文件|資料|资料)|唯一の正しい|唯一正确|唯一正確)")
_SENT = r"(?:[^.!?。！？\n]|[.!?](?=\S))"

PATTERNS: list[tuple[re.Pattern, float, str]] = [
    (re.compile(r"(?:" + _LATIN_OVERRIDE + "|" + _CJK_OVERRIDE + "|" + _CYR_OVERRIDE + ")", re.I),
     0.9, "asks to ignore or override earlier instructions (other language)"),
    (re.compile(r"(?:\b(?:" + _READER + r")\w*(?=" + _SENT + r"{0,160}?(?:" + _PAYLOAD + r"))"
                r"|" + _CJK_READER + r"(?=(?:[^.。！？\n]|\.(?=\S)){0,80}?" + _CJK_PAYLOAD + r")"
                r"|(?:" + _CYR_READER + r")(?=" + _SENT + r"{0,160}?" + _CYR_PAYLOAD + r"))", re.I),
     0.6, "orders an AI reader to do harm (other language)"),
]
