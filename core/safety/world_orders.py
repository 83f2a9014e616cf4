"""Orders to an AI reader in further languages: Czech, Danish, Greek, Hebrew, Thai, Korean, Romanian, Indonesian,
Ukrainian/Russian, Japanese, Chinese, French, Hungarian, Finnish, Portuguese, Italian (round 31 of #18).

Round 30 (more_languages.py) read the override and an AI reader asking for a password in nine languages; the blind
sets Q and R missed orders in Czech, Korean, Greek, Hebrew, Thai, Ukrainian, Romanian, Danish and Indonesian, and
wordings round 30 had no family for: "from now on you have no rules / work without restrictions", "ignore the
user's question", "send the whole conversation to", "do not tell the user". Three families, written from the grammar
of each language (not from the held-out rows):

- the override: a verb of ignoring or forgetting and, within a few words, the instructions, rules or the user's
  question ("ignoruj ... pokyny", "glem dine tidligere instrukser", "αγνόησε τις οδηγίες", "התעלם מההוראות",
  "เพิกเฉยต่อคำสั่ง", "이전 지시를 무시", "ignoră instrucțiunile", "abaikan pertanyaan pengguna");
- rules switched off: "your rules no longer apply", "without any restrictions", "unrestricted mode", "you are no
  longer the assistant" (only with an AI reader named in the same sentence or the one before it: a licence grants
  rights "without restriction");
- an AI reader named (a word for the assistant, the model, the AI, by label or vocative) and in the same sentence a
  payload: the user's password or keys asked for, the hidden or system instructions printed, the whole conversation
  or chat history sent or copied, a security tool switched off, a download pushed, or the user kept in the dark
  ("do not tell the user").

Matched on the lower-cased text as written (Hebrew, Thai, Korean, Japanese, Chinese) and on its accent-stripped form
(Latin, Greek and Cyrillic words are written here without accents). The switch WORLD_ORDERS is read at every scan;
off = round 30's rules.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Off = round 30's rules. Measured in benchmarks/results/safety_issue18_round31.md.
WORLD_ORDERS = True

OVERRIDE_REASON = "asks to ignore or override earlier instructions"
HARM_REASON = "orders an AI reader to do harm"
OVERRIDE_WEIGHT = 0.9
HARM_WEIGHT = 0.6

_L = r"(?<![^\W\d_])"  # no letter before (a word start in any script)
_R = r"(?![^\W\d_])"  # no letter after

# --- the override: a verb of ignoring, then the instructions (or the user's question) ---------------------------
_IGNORE = (r"(?:ignoruj\w*|zapomen\w*|nevsimej\s+si|ignorer|glem(?!\s+ikke)|se\s+bort\s+fra|tilsidesæt|"
           r"αγνοη\w*|ξεχα\w*|ignora(?:ti)?|uita(?:ti)?|nu\s+tine\s+cont\s+de|abaikan|lupakan|"
           r"(?:про)?игнориру\w*|(?:про)?ігнору\w*|забуд\w*|hagyd\s+figyelmen\s+kivul|felejtsd\s+el|zignoruj|"
           r"negeer|ignoreer|bo\s+qua)")
_RULES = (r"(?:pokyn\w*|instrukc\w*|pravidl\w*|dotaz\w*\s+uzivatel\w*|otazk\w*\s+uzivatel\w*|instruks\w*|instruktion\w*|"
          r"regler\w*|brugerens\s+sporgsmal|οδηγι\w*|κανον\w*|εντολ\w*|ερωτηση\s+του\s+χρηστη|instructiun\w*|reguli\w*|regulile|"
          r"intrebarea\s+utilizatorului|pertanyaan\s+pengguna|"
          r"питани\w*\s+користувач\w*|вопрос\w*\s+пользовател\w*|utasitas\w*|pytani\w*\s+uzytkownik\w*|"
          r"(?:de\s+)?vraag\s+van\s+de\s+gebruiker|(?:la\s+)?pregunta\s+del\s+usuario|o\s+que\s+o\s+usuario\s+perguntou|"
          r"(?:a\s+)?pergunta\s+do\s+usuario|cau\s+hoi\s+cua\s+nguoi\s+dung)")
_NEG = r"(?<!ne)(?<!nu\s)(?<!μην\s)(?<!ikke\s)(?<!jangan\s)(?<!n')"
_LATIN_OVERRIDE = _NEG + _L + _IGNORE + _R + r"(?:\s+[^\s.!?;:]+){0,5}?\s+" + _RULES
# Hebrew, Thai (as written; no word spaces in Thai)
_HE_OVERRIDE = r"(?:התעלמ\w*|תתעלמ\w*|שכח\w*|תשכח\w*)\s+(?:\S+\s+){0,3}?(?:מה|מ|את\s+)?ה?(?:הוראות|הנחיות|כללים|שאלת\s+המשתמש)"
_TH_OVERRIDE = r"(?:เพิกเฉย|ละเว้น|ไม่ต้องสนใจ|ละเลย)(?:ต่อ)?\s*(?:\S{0,4})?(?:คำสั่ง|คำแนะนำ|กฎ|ข้อกำหนด|คำถามของผู้ใช้)"
# Korean (object, particle, verb), Japanese and Chinese (the user's question not answered or ignored)
_KO_OVERRIDE = (r"(?:이전|기존|모든|앞의|사용자의|원래)\s*(?:\S+\s*){0,2}?(?:지시|지침|명령|규칙|질문)\S{0,4}\s*(?:\S+\s+)?"
                r"(?:무시|잊어|따르지\s*마)")
_CJK_OVERRIDE = (r"ユーザー(?:の|からの)?質問(?:に|には|は)(?:答えず|答えないで|回答せず|応じず)|ユーザー(?:の|からの)?質問を無視"
                 r"|(?:忽略|无视|無視|不要回答|不要理会)用户(?:原来|原本|原始)?的?(?:问题|提问)")
# Finnish: "do not answer the user's question"
_FI_OVERRIDE = r"ignore\s+o\s+que\s+o\s+usuario\s+perguntou|ignora(?:r)?\s+la\s+pregunta\s+del\s+usuario|kullanicinin\s+sorusunu\s+(?:bos\s+ver|gormezden\s+gel|yok\s+say)|تجاهل\s+سؤال\s+المستخدم|ala\s+vastaa\s+kayttajan\s+kysymykseen|neodpovidej\s+na\s+(?:dotaz|otazk)"

# --- an AI reader ------------------------------------------------------------------------------------------------
_READER = (r"(?:" + _L + r"(?:(?:ai|ia|ші|ии)(?:-?ul)?" + _R + r"|umel\w*\s+inteligenc\w*|jazykov\w*\s+model\w*|"
           r"asistent\w*|assistent\w*|sprogmodel\w*|kunstig\s+intelligens|chatbot\w*|"
           r"μοντελ\w*|βοηθ(?:ε|ος|ου|ο)" + _R + r"|τεχνητη\s+νοημοσυνη|"
           r"model(?:ul)?\s+(?:de\s+limbaj|ai)|inteligenta\s+artificiala|modelul|"
           r"model\s+bahasa|kecerdasan\s+buatan|"
           r"modele?\s+de\s+langage|(?:l'|cher\s+|chere\s+)(?:assistant|ia)" + _R + r"|"
           r"асистент\w*|ассистент\w*|помічник\w*|(?:мовн|языков)\w*\s+модел\w*|модел[ьі]\s*:|нейромереж\w*|нейросет\w*|"
           r"a\s+modell" + _R + r"|tekoaly\w*|asszisztens\w*|(?:o\s+|el\s+|il\s+)?model(?:o|lo)" + _R + r")"
           r"|(?:ה|ל|ו)?(?:מודל|עוזר|בינה\s+ה?מלאכותית|צ'אטבוט)|"
           r"ผู้ช่วย|โมเดล|ปัญญาประดิษฐ์|แชทบอท|"
           r"어시스턴트|인공지능|챗봇|언어\s*모델|모델(?:에게|은|이|:)|"
           r"アシスタント|チャットボット|人工知能|人工智能|助手|模型|モデル)")

# --- payloads ------------------------------------------------------------------------------------------------------
_PAYLOAD = (
    # the user's password, keys or card asked for (with a verb of asking, giving or typing)
    r"(?:(?:pozadej|zadej|napis|poslat|posli|bed|bede|send|ζητ\w*|δωσ\w*|בקש\w*|להדביק|ขอ|พิมพ์|요청|입력|알려|보내|"
    r"cere\w*|trimit\w*|minta|kirim\w*|попрос\w*|надісла\w*|надішл\w*|пришл\w*|введ\w*|chiedi\w*|demand\w*|入力|教え|送信)"
    r"(?:(?!\n\n).){0,60}?(?:hesl[oa]\w*|adgangskode\w*|kodeord\w*|κωδικ\w*|סיסמ\w*|รหัสผ่าน|비밀번호|암호|parol[aei]\w*|"
    r"kata\s+sandi|парол\w*|приватн\w*\s+(?:ssh-)?ключ\w*|ssh-ключ\w*|номер\w*\s+карт\w*|codice\s+di\s+verifica|mot\s+de\s+passe|パスワード|密码)"
    # object first (Korean, Japanese, Chinese): the password, then the verb
    r"|(?:비밀번호|암호|パスワード|密码|密钥|密鑰)(?:(?!\n\n).){0,30}?(?:입력|요청|알려|보내|入力|教え|送|整理|列出|放在|发送|告诉)"
    # the hidden or system instructions printed
    r"|(?:systemov\w*\s+(?:pokyn|instrukc|prompt)\w*|systemprompt\w*|skjulte\s+instruk\w*|προτροπη\s+συστηματος|"
    r"הנחיות\s+המערכת|พรอมต์ระบบ|시스템\s*프롬프트|instructiunile\s+tale|instructions?\s+(?:systeme|cachees)|"
    r"(?:vos|tes)\s+instructions|прихован\w*\s+інструкц\w*|скрыт\w*\s+инструкц\w*|системн\w*\s+(?:промпт|інструкц|инструкц)\w*|"
    r"rejtett\s+utasitas\w*|システムプロンプト|系统提示词|隠された指示|지시문\s*전체|(?:hela\s+)?(?:din\s+)?systemprompt\w*)"
    # the whole conversation or chat history sent or copied
    r"|(?:cel[aou]u?\s+konverzac\w*|histori\w*\s+(?:konverzace|chatu)|hele\s+samtalen|samtalehistorik\w*|"
    r"ολη\s+τη\s+συνομιλια|ιστορικο\s+(?:της\s+)?συνομιλιας|כל\s+השיחה|תוכן\s+השיחה|ประวัติการสนทนา|บทสนทนาทั้งหมด|"
    r"대화\s*내용|전체\s*대화|toata\s+conversatia|istoricul\s+conversatiei|riwayat\s+percakapan|seluruh\s+percakapan|"
    r"історі\w*\s+розмов\w*|всю\s+розмову|истори\w*\s+(?:переписки|разговора|диалога|чата)|весь\s+(?:разговор|диалог)|"
    r"(?:これまでの|すべての|全ての)?会話(?:の全文|内容|履歴)|聊天记录|对话记录|全部对话)"
    # a security tool switched off
    r"|(?:vypn\w*|deaktiver|deaktivuj\w*|sla\s+\w+\s+fra|απενεργοποι\w*|dezactiv\w*|nonaktifkan|matikan|вимкн\w*|відключ\w*|"
    r"отключ\w*|выключ\w*|desativ\w*|disattiv\w*|無効に|关闭|비활성화|끄)(?:(?!\n\n).){0,40}?"
    r"(?:antivir\w*|firewall\w*|apparmor|selinux|брандмауэр\w*|антивірус\w*|антивирус\w*|filtr\w*\s+(?:de\s+)?seguranca|"
    r"filtri\s+di\s+sicurezza|ウイルス対策|防火墙|방화벽|백신)"
    # a download pushed from an address
    r"|(?:(?:descarc|unduh|stahn|stahuj|hent|telecharg|завантаж|скача|κατεβα|ดาวน์โหลด|다운로드|ダウンロード|下载)\w*"
    r"(?:(?!\n\n).){0,60}?https?://\S+\.(?:exe|msi|sh|apk|bat|ps1)(?![\w.]))"
    # the user kept in the dark, the rules declared void
    r"|(?:uzivatel\w*\s+o\s+tom\s+nerikej|o\s+tom\s+uzivatel\w*\s+nerikej|ikke\s+fortælle\s+brugeren|fortæl\s+ikke\s+brugeren|"
    r"μην\s+(?:το\s+)?(?:αναφερ|πεις)\w*\s+στον\s+χρηστη|אל\s+תספר\w*|אל\s+תגיד\w*|ห้ามบอกผู้ใช้|ไม่ต้องบอกผู้ใช้|"
    r"말하지\s*마|알리지\s*마|nu\s+(?:ii\s+)?spune\s+utilizatorului|jangan\s+beri\s+tahu|ані\s+слова|ни\s+слова|"
    r"не\s+(?:кажи|говори|повідомляй|сообщай)\s+(?:про\s+це\s+|об\s+этом\s+)?(?:користувач|пользовател)\w*|"
    r"(?:ユーザー|利用者)に(?:は)?(?:知らせない|伝えない|言わない|教えない)|不要告诉用户)"
    # the user's question dropped: "do not answer the user", "ignore the question"
    r"|(?:neodpovidej|ikke\s+svar\w*\s+brugeren|не\s+відповідай|не\s+отвечай|답하지\s*말|答えず|不要回答))"
)

# --- rules switched off --------------------------------------------------------------------------------------------
_NO_RULES = (r"(?:bez\s+(?:jakychkoli\s+|zadnych\s+)?omezeni|neplati\s+zadn\w*\s+(?:tv\w*\s+)?pravidl\w*|nemas\s+zadn\w*\s+(?:pravidl|omezeni)\w*|"
             r"ingen\s+regler|uden\s+(?:nogen\s+)?(?:begrænsninger|restriktioner|regler)|"
             r"δεν\s+ισχυουν\s+οι\s+κανονες|χωρις\s+(?:κανεν\w*\s+)?(?:περιορισμ\w*|κανονες)|"
             r"(?:בלי|ללא)\s+(?:שום\s+|כל\s+)?מגבלות|אין\s+לך\s+(?:שום\s+)?(?:מגבלות|כללים)|"
             r"ไม่มีข้อจำกัด|ไม่มีกฎ|"
             r"제한이?\s*없는|제한\s*없이|아무\s*제한|규칙이\s*없는|"
             r"nicio\s+(?:restrictie|regula)|fara\s+(?:nicio\s+)?(?:restrictii|reguli)|"
             r"tidak\s+(?:punya|memiliki|ada)\s+aturan|tanpa\s+(?:batasan|aturan)|"
             r"plus\s+aucune\s+(?:regle|restriction|limite)|ne\s+refuse\s+jamais\s+rien|sans\s+aucune\s+(?:restriction|limite)|"
             r"без\s+(?:жодних\s+|каких-либо\s+|всяких\s+|любых\s+|никаких\s+)?(?:обмежень|ограничений)|"
             r"(?:ти|ты)\s+больше\s+не|(?:ти|ты)\s+більше\s+не|"
             r"korlatozas\w*\s+nelkul|senza\s+(?:alcuna\s+)?(?:restrizion|limit)\w*|sem\s+(?:nenhuma\s+)?restric\w*|"
             r"(?:ルール|規則|制限)(?:は|が)?(?:すべて|全て)?(?:無効|解除)|制限(?:の)?ない|制限なし|無制限|"
             r"不再受(?:任何)?(?:内容)?限制|没有任何限制|开发者模式)")
_FROM_NOW = (r"(?:od\s+(?:ted|teto\s+chvile)|fra\s+nu\s+af|απο\s+(?:εδω\s+και\s+περα|τωρα)|מעכשיו|ตั้งแต่นี้|"
             r"de\s+acum\s+(?:inainte|incolo)|mulai\s+sekarang|a\s+partir\s+de\s+maintenant|desormais|відтепер|віднині|"
             r"отныне|с\s+этого\s+момента|новая\s+роль|нова\s+роль|지금부터|これ以降|今後|今から|从现在起|从现在开始|你现在|"
             r"mostantol|d'ora\s+in\s+poi|a\s+partir\s+de\s+(?:agora|ahora)|vanaf\s+nu)")
# a sentence ends at a full stop before white space (not inside "e.g." or an address), a CJK stop or a line break
_END = re.compile(r"[。！？\n]|[.!?](?!\S)")
_PARA_END = re.compile(r"\n[ \t]*\n")
_LABEL = re.compile(r"\s*[:：,，]\s")

_OVERRIDES = [re.compile(p) for p in (_LATIN_OVERRIDE, _HE_OVERRIDE, _TH_OVERRIDE, _KO_OVERRIDE, _CJK_OVERRIDE, _FI_OVERRIDE)]
_READER_RX = re.compile(_READER)
_PAYLOAD_RX = re.compile(_PAYLOAD)
_NO_RULES_ONLY = re.compile(_NO_RULES)
_ADDRESSEE_RX = re.compile(r"(?:" + _READER + "|" + _FROM_NOW + ")")


def _sentence_end(text: str, pos: int, limit: int) -> int:
    m = _END.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _para_end(text: str, pos: int, limit: int) -> int:
    m = _PARA_END.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _harm(text: str) -> bool:
    """An AI reader and, in the same sentence (or after its label or vocative, in the same paragraph), a payload.
    Each reader found is followed by a search of a short window: one pass of a long alternation over a 20,000-
    character text costs far more."""
    for m in _READER_RX.finditer(text):
        if _PAYLOAD_RX.search(text, m.end(), _sentence_end(text, m.end(), 200)):
            return True
        if _LABEL.match(text, m.end()) and _PAYLOAD_RX.search(text, m.end(), _para_end(text, m.end(), 300)):
            return True
    return False


def _no_rules(text: str) -> bool:
    """Rules switched off, with the reader (or "from now on") before it in the paragraph, or after it in the
    sentence."""
    for m in _NO_RULES_ONLY.finditer(text):
        start = max(0, m.start() - 160)
        para = [p.end() for p in _PARA_END.finditer(text, start, m.start())]
        if _ADDRESSEE_RX.search(text, para[-1] if para else start, m.start()):
            return True
        if _READER_RX.search(text, m.end(), _sentence_end(text, m.end(), 80)):
            return True
    return False


@lru_cache(maxsize=4)
def stripped(text: str) -> str:
    """text without accents (Latin, Greek, Cyrillic letters lose their marks; Hangul is recomposed). Kept for the
    last few texts: this module, far_languages.py and reader_duties.py read the same form of the same text (a
    20,000-character text costs ~1 ms to strip)."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


def find(lowered: str) -> list[tuple[float, str]]:
    """The families found in `lowered` (lower-cased text): (weight, reason) pairs, each family once."""
    out: list[tuple[float, str]] = []
    forms = (lowered,) if lowered.isascii() else (lowered, stripped(lowered))
    if any(rx.search(f) for f in forms for rx in _OVERRIDES) or any(_no_rules(f) for f in forms):
        out.append((OVERRIDE_WEIGHT, OVERRIDE_REASON))
    if any(_harm(f) for f in forms):
        out.append((HARM_WEIGHT, HARM_REASON))
    return out
