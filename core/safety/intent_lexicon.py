"""Injection intents in many languages: a hand-written lexicon of concepts and the pairs that make an attack.

Why: the n-gram classifier's recall on non-English attacks rested on "non-English looks unlike the benign
training data" (round 8: retrained with benign non-English documentation it kept the 2 % document target
but lost 9 of held-out G's 58 attacks, nearly all non-English). Attacks in any language name a few
intents with a few words: drop earlier instructions, show the hidden setup text, become a persona without
limits. Each intent is a pair of concepts in one sentence
(an override verb and the assistant's instructions; a show verb and its setup text), so one word alone
("ignore", "Regeln", "configuration") never counts, and a harmless pair ("forget the old recycling rules")
counts only as support unless the rules are the assistant's (your / deine / tes / je ..., given to you,
or an assistant, model or chatbot named in the sentence).

Languages: English, German, French, Spanish, Italian, Portuguese, Dutch (the ones the filter claims) and
Swedish, Danish, Polish, Russian, Chinese and Japanese. Matching: the text's base form (NFKC, no
format characters, accents stripped, case folded: core/safety/normalize.py steps 1-4); Latin, Cyrillic and
Greek words by word boundaries, a trailing "*" for any ending; Chinese and Japanese entries, written
without spaces, as substrings (those scripts do not separate words). Written from knowledge of the
languages, checked on the training templates and the round-8 gettext catalogs only (never a held-out set).
"""
from __future__ import annotations

import re
from functools import lru_cache

from core.safety.normalize import _base

# --- concepts (entries are written without accents; "*" = any ending; spaces = one or more spaces) --------
OVERRIDE = [  # drop / ignore / set aside
    "ignor*", "disregard*", "forget*", "override", "overrid*", "bypass*", "set aside", "stop following", "stop obeying",
    "no longer follow", "pay no attention to", "skip",
    "vergiss", "vergessen sie", "vergesst", "missacht*", "ubergeh*",
    "nicht mehr befolg*", "hor auf", "horen sie auf", "beachte* nicht",
    "oubli*", "passe outre", "passer outre", "passez outre", "ne tiens pas compte", "ne tenez pas compte",
    "fais abstraction", "faites abstraction", "arrete de suivre", "arretez de suivre",
    "olvid*", "pasa por alto", "pasar por alto", "pase por alto", "haz caso omiso", "no hagas caso",
    "deja de seguir", "deje de seguir",
    "dimentic*", "scavalc*", "non badare", "non tenere conto",
    "smetti di seguire",
    "esquec*", "esqueca", "desconsider*", "passe por cima", "passar por cima", "pare de seguir", "para de seguir",
    "negeer", "negeren", "vergeet", "vergeten", "sla over", "overslaan", "stop met het volgen",
    "houd je niet", "hou je niet",
    "glom", "strunta i", "ignorera", "glem", "ignorer", "zignoruj", "zapomnij", "pomin",
    "игнорируй", "игнорировать", "забудь", "забудьте",
    "忽略", "忽视", "无视", "忘记", "無視", "忘れ",
]
RULES = [  # what the assistant was told
    "instruction*", "rules", "guideline*", "directive*", "polic*", "restriction*", "guardrail*",
    "safeguard*", "programming", "filters", "filter", "constraints", "orders", "commands",
    "anweisung*", "regeln", "regel", "richtlinie*", "vorgabe*", "einschrankung*", "vorschrift*", "befehle",
    "filterung", "programmierung",
    "consigne*", "regles", "regle", "restriction*", "filtre*", "limite*",
    "instruccion*", "reglas", "regla", "normas", "directric*", "indicacion*", "restriccion*", "filtro*",
    "limites", "ordenes",
    "istruzion*", "regole", "regola", "indicazion*", "direttiv*", "restrizion*", "filtri", "filtro", "limiti",
    "linee guida",
    "instruc*", "regras", "diretriz*", "orientac*", "restric*", "filtros",
    "instructie*", "regels", "richtlijn*", "aanwijzing*", "beperking*", "filters",
    "grenzen",
    "instruktion*", "regler", "riktlinjer", "begransningar", "retningslinjer", "begraensninger",
    "instrukcj*", "zasad*", "regul*", "ograniczen*",
    "инструкци*", "правил*", "ограничени*",
    "指令", "指示", "规则", "规定", "限制", "命令", "ルール", "制限",
]
YOURS = [  # the rules are the assistant's: a second-person possessive right before the rules noun
    "your", "yours", "dein*", "ihre*", "eure*", "ton", "ta", "tes", "votre", "vos", "tus", "tu", "sus", "su", "vuestr*",
    "tuo", "tua", "tuoi", "tue", "sue", "suoi", "teu", "teus", "tuas", "suas", "seus", "je", "jouw", "uw",
    "dina", "ditt", "din", "dine", "twoj*", "swoj*", "твои", "ваши", "свои", "你的", "您的", "你", "您", "あなたの",
]
GIVEN = [  # ... or given to someone earlier (the rules an assistant received)
    "given", "received", "loaded", "told", "set up with",
    "bekommen", "erhalten", "mitgegeben", "gegeben", "vorgegeben", "geladen",
    "recu", "recues", "donnees", "charge*", "fixees",
    "recibiste", "recibio", "te dio", "recibidas", "dieron", "cargad*", "pusieron",
    "ricevut*", "ti hanno dato", "ti e stato dato", "caricat*", "messo", "messi",
    "recebeste", "recebeu", "te deu", "recebid*", "deram", "carregad*", "puseram",
    "kreeg", "kregen", "gekregen", "meegekregen", "gegeven", "geladen",
    "fick", "fik", "otrzymal*", "получил*", "给你的", "收到",
]
YOU = [  # the one who was given them (beside a GIVEN verb: "the rules you were given", "die du bekommen hast")
    "you", "du", "dir", "dich", "tu", "te", "t'", "toi", "vous", "ti", "voce", "lhe", "je", "jij", "u",
    "dig", "ty", "ciebie", "ci", "тебе", "ты", "вам", "你", "您",
]
INFORMAL_YOU = [  # someone addressed informally, as people address a chatbot (documentation says "Sie", "vous", "usted", "u")
    "du", "dir", "dich", "dein", "deine", "deinen", "deiner", "tu", "t'", "toi", "ton", "tes", "ti", "tus", "contigo", "tuo", "tuoi",
    "teu", "teus", "tuas", "jij", "jou", "jouw", "jezelf", "je",
]
# "te" is the informal object pronoun in French, Spanish, Italian and Portuguese, and Dutch for "to"
_TE = re.compile(r"(?<![^\W_])te(?![^\W_])")
_DUTCH = re.compile(r"(?<![^\W_])(?:het|een|niet|van|voor|zijn|wordt|naar|deze|dat|ook|kan|moet|wordt|worden)(?![^\W_])")
PRIOR = [  # earlier
    "previous", "prior", "earlier", "above", "preceding", "initial", "original", "former",
    "vorherig*", "bisherig*", "obig*", "vorhin", "fruher*", "vorigen", "ursprunglich*",
    "precedent*", "anterieur*", "ci-dessus", "d'avant", "initial*",
    "anterior*", "previ*", "de antes", "inicial*",
    "precedent*", "di prima", "iniziali", "iniziale", "originali",
    "anterior*", "de antes", "acima", "iniciais",
    "eerder*", "vorige", "hierboven", "van daarnet", "oorspronkelijk*",
    "tidigare", "tidligere", "poprzedni*", "предыдущ*", "прежн*", "之前", "以前", "先前", "以前の", "前の",
]
ASSISTANT = [  # the assistant, named
    "ai", "assistant", "chatbot*", "bot", "language model", "llm", "ai model",
    "ki", "ki-assistent*", "kiassistent*", "assistent*", "sprachmodell*", "ki-modell",
    "ia", "l'ia", "assistante", "modele de langage", "modele d'ia",
    "asistente", "modelo de lenguaje", "modelo de ia",
    "assistente", "modello linguistico", "modello di ia",
    "modelo de linguagem",
    "taalmodel*", "ai-assistent*", "ai-model",
    "sprakmodell", "sprogmodel", "asystent*", "ассистент*", "нейросеть",
    "助手", "人工智能", "アシスタント",
]
MODEL = [  # "model" is also a washing machine's: it names the assistant only when someone is addressed
    "model", "models", "modell", "modelle", "modele", "modeles", "modelo", "modelos", "modello", "modelli", "модель", "模型", "モデル",
]
MAKERS = [  # whoever set the assistant up
    "developer*", "creator*", "maker*", "owner*",
    "entwickler*", "hersteller*", "macher*", "schopfer*",
    "createur*", "createurs", "concepteur*", "developpeur*",
    "creador*", "desarrollador*",
    "creator*", "creatori", "sviluppator*",
    "criador*", "desenvolvedor*",
    "makers", "ontwikkelaar*",
    "utvecklare", "udviklere", "tworc*", "разработчик*", "создател*", "开发者", "开发人员", "開発者",
]
SHOW = [  # show, print, repeat, disclose
    "show", "print", "reveal", "output", "repeat", "display", "disclose", "leak", "dump", "paste", "copy", "write out",
    "recite", "quote", "tell me",
    "zeig*", "gib", "geben sie", "ausgeb*", "verrat*", "wiederhol*", "kopier*", "schreib*", "nenn*", "offenleg*",
    "affich*", "montr*", "revel*", "recopi*", "repet*", "donne*", "ecri*", "divulg*",
    "muestr*", "mostrar", "revel*", "repit*", "copia", "copie", "escrib*", "dame", "dime", "imprim*",
    "mostr*", "rivel*", "ripet*", "copia", "trascriv*", "stampa", "dammi", "dimmi", "riporta",
    "mostr*", "revel*", "repet*", "copi*", "transcrev*", "diga-me", "de-me", "diz-me", "escrev*", "imprim*",
    "toon", "tonen", "laat zien", "geef", "herhaal", "kopieer", "schrijf", "schrijft", "print",
    "visa", "vis", "pokaz*", "wypisz", "покажи", "выведи", "напиши", "повтори", "显示", "输出", "告诉我", "打印", "表示", "教えて",
]
SETUP = [  # the hidden setup text
    "system prompt", "systemprompt", "system message", "initial prompt", "hidden prompt",
    "starting instructions", "initial instructions", "hidden instructions", "pre-prompt",
    "systemanweisung*", "anfangsanweisung*", "versteckte* anweisung*",
    "systemnachricht",
    "prompt systeme", "prompt du systeme", "prompt de systeme", "instructions initiales",
    "instructions cachees", "message systeme",
    "prompt de sistema", "prompt del sistema", "instrucciones iniciales", "instrucciones ocultas",
    "mensaje de sistema", "configuracion oculta",
    "prompt di sistema", "istruzioni iniziali", "istruzioni nascoste", "messaggio di sistema",
    "prompt do sistema", "prompt de sistema", "instrucoes iniciais", "instrucoes ocultas",
    "mensagem de sistema",
    "systeemprompt", "systeembericht", "startinstructies", "verborgen instructies",
    "systemprompt", "prompt systemowy", "системный промпт", "системные инструкции", "系统提示", "系统指令", "システムプロンプト",
]
NOW = [  # a new role from here on
    "from now on", "you are now", "you're now", "from here on", "starting now",
    "ab sofort", "ab jetzt", "von nun an", "du bist jetzt", "du bist nun", "sie sind jetzt",
    "a partir de maintenant", "desormais", "dorenavant", "tu es maintenant",
    "a partir de ahora", "de aqui en adelante", "desde ahora", "ahora eres", "desde ya",
    "da ora in poi", "d'ora in poi", "da adesso", "ora sei", "d'ora in avanti",
    "a partir de agora", "daqui em diante", "agora es", "agora voce e", "de agora em diante",
    "vanaf nu", "je bent nu", "u bent nu",
    "fran och med nu", "nu ar du", "fra nu af", "nu er du", "od teraz", "teraz jestes", "отныне", "теперь ты",
    "从现在开始", "现在你是", "今から", "これから",
]
NO_LIMITS = [  # without rules, limits or filters
    "no rules", "no limits", "no restrictions", "no filter*", "without any rules", "without restrictions", "without limits",
    "without any filter*", "unrestricted", "unfiltered", "uncensored", "no safety filter*",
    "ohne regeln", "ohne einschrankung*", "ohne filter", "ohne grenzen", "ohne sicherheitsfilter",
    "keine regeln", "keine grenzen", "keine filter", "ungefiltert*", "uneingeschrankt*", "ohne zensur",
    "sans regle*", "sans aucune regle", "sans restriction*", "sans aucune restriction", "sans filtre*", "sans limite*",
    "sans aucun filtrage", "sans aucune limite", "sans censure", "non filtre",
    "sin reglas", "sin ninguna regla", "sin restricciones", "sin filtro*", "sin limites", "sin ningun filtro",
    "sin censura",
    "senza regole", "senza alcuna regola", "senza restrizioni", "senza filtri", "senza limiti", "senza alcun filtro",
    "senza censura",
    "sem regras", "sem restricoes", "sem filtro*", "sem limites", "sem qualquer filtro",
    "sem censura",
    "zonder regels", "zonder beperkingen", "zonder filter*", "zonder grenzen",
    "zonder censuur",
    "utan regler", "utan begransningar", "utan filter", "uden regler", "uden begraensninger", "uden filtre",
    "bez zasad", "bez ograniczen", "bez filtrow", "без правил", "без ограничений", "без фильтров",
    "没有任何限制", "不受限制", "没有限制", "无限制", "制限なし", "制限のない",
]
READS = [  # the AI as the reader of this text ("systems that summarise this page", "whoever generates the answer")
    "reading this", "reads this", "summari*", "processing this", "processes this",
    "liest", "zusammenfass*", "verarbeitet",
    "lit ceci", "qui lit", "resum*", "traite",
    "lea esto", "que lea", "resuman", "resume", "procesa",
    "legga", "riassum*", "elabora",
    "leia", "resumem", "processa",
    "leest", "samenvat*", "verwerkt",
]

CONCEPTS = {name: globals()[name] for name in ("OVERRIDE", "RULES", "YOURS", "YOU", "INFORMAL_YOU", "GIVEN", "PRIOR", "ASSISTANT", "MODEL", "MAKERS",
                                                 "SHOW", "SETUP", "NOW", "NO_LIMITS", "READS")}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")

# weights of the intents (noisy-or within a sentence; a text counts its strongest sentence). Alone a
# sentence flags (0.5) only when an intent is aimed at the assistant; a bare pair is support for the
# classifier.
OVERRIDE_THEIRS = 0.6      # drop the assistant's instructions (yours / given to you / an assistant or its makers named)
OVERRIDE_PRIOR = 0.35      # drop the previous / earlier instructions, nobody's named: support
OVERRIDE_BARE = 0.25       # drop some instructions ("forget the old recycling rules"): support only
REVEAL_SETUP = 0.6         # show the system prompt / setup text
PERSONA_NO_LIMITS = 0.55   # from now on ... without rules, or an assistant / model without rules
NO_LIMITS_BARE = 0.25
READER_ORDERED = 0.35      # the AI reading this text is given an order


def _entry_pattern(entry: str) -> str:
    if _CJK.search(entry):
        return re.escape(entry)
    words = []
    for w in _base(entry).split():
        star = w.endswith("*")
        w = re.escape(w.rstrip("*"))
        words.append(w + (r"[^\W_]*" if star else ""))
    # "ai" after an apostrophe is French "j'ai", "n'ai" (I have), not the AI
    lead = r"(?<![^\W_])(?<!')" if entry == "ai" else r"(?<![^\W_])"
    return lead + r"[\s-]+".join(words) + r"(?![^\W_])"


@lru_cache(maxsize=1)
def _compiled() -> dict[str, re.Pattern]:
    return {name: re.compile("|".join(sorted({_entry_pattern(e) for e in entries}, key=len, reverse=True)))
            for name, entries in CONCEPTS.items()}


_SENTENCE_END = re.compile(r"(?<=[.!?;。！？])\s*|\n+|\s+\d\)\s+")
NEAR = 60  # characters between the two words of a pair


def _spans(text: str) -> dict[str, list[tuple[int, int]]]:
    return {name: [m.span() for m in rx.finditer(text)] for name, rx in _compiled().items()}


def _near(a: list[tuple[int, int]], b: list[tuple[int, int]], within: int = NEAR) -> bool:
    return any(abs(x0 - y0) <= within for x0, _ in a for y0, _ in b)


def _before(a: list[tuple[int, int]], b: list[tuple[int, int]], within: int = 14) -> bool:
    """an `a` word ends right before a `b` word (a possessive before the rules noun)"""
    return any(0 <= y0 - x1 <= within for _, x1 in a for y0, _ in b)


def sentence_intents(sentence: str) -> list[tuple[str, float]]:
    """The intents one sentence (already in base form) expresses, with their weights."""
    s = _spans(sentence)
    if s["MODEL"] and (s["YOU"] or s["YOURS"] or s["NOW"]):
        s["ASSISTANT"] = s["ASSISTANT"] + s["MODEL"]
    out = []
    if s["OVERRIDE"] and s["RULES"] and _near(s["OVERRIDE"], s["RULES"]):
        theirs = (_before(s["YOURS"], s["RULES"]) or (s["GIVEN"] and _near(s["YOU"], s["GIVEN"], 30))
                  or s["ASSISTANT"] or s["MAKERS"])
        prior = s["PRIOR"] and _near(s["PRIOR"], s["RULES"], 30)
        out.append(("override", OVERRIDE_THEIRS if theirs else OVERRIDE_PRIOR if prior else OVERRIDE_BARE))
    if s["SETUP"] and (s["SHOW"] or s["OVERRIDE"]):
        out.append(("reveal setup", REVEAL_SETUP))
    if s["NO_LIMITS"]:
        out.append(("no limits", PERSONA_NO_LIMITS if (s["NOW"] or s["ASSISTANT"] or s["MAKERS"]) else NO_LIMITS_BARE))
    if s["ASSISTANT"] and s["READS"] and (s["OVERRIDE"] or s["SHOW"] or s["NOW"] or s["NO_LIMITS"] or s["RULES"]):
        out.append(("orders the AI reading this", READER_ORDERED))
    return out


INFORMAL_GATE = True  # the informal-address reading of speaks_of_instructions (round 11, candidate 3)
TRIGGERS = ("OVERRIDE", "SETUP", "NO_LIMITS", "READS")  # every intent needs one of these
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1)
def _trigger_keys() -> frozenset[str]:
    """The longest word of every trigger entry, cut to four letters: a sentence holding none of them
    (a word cut the same way) cannot express an intent and is not read further."""
    keys = set()
    for name in TRIGGERS:
        for e in CONCEPTS[name]:
            if not _CJK.search(e):
                words = _WORD.findall(_base(e).replace("*", ""))
                keys.add(max(words, key=len)[:4])
    return frozenset(keys)


def score(text: str) -> tuple[float, list[str]]:
    """(score, intents) of the text: the noisy-or of each sentence's intents, the strongest sentence counts.
    Only sentences holding the first word of a trigger entry are matched against the concepts (a
    20,000-character document is mostly skipped by one word split and set look-ups)."""
    base = _base(text)
    keys = _trigger_keys()
    cjk = bool(_CJK.search(base))
    best, names = 0.0, []
    for sentence in _SENTENCE_END.split(base):
        if len(sentence) < 8 or not (cjk or any(w[:4] in keys for w in _WORD.findall(sentence))):
            continue
        found = sentence_intents(sentence)
        keep = 1.0
        for _, w in found:
            keep *= 1.0 - w
        if found and 1.0 - keep > best:
            best, names = 1.0 - keep, [n for n, _ in found]
    return round(best, 4), names


def speaks_of_instructions(text: str) -> bool:
    """The sentence names an assistant, a prompt or the assistant's makers, addresses someone informally
    (du / tu / te / ti / jij: how people write to a chatbot, where documentation says Sie / vous / usted / u), speaks to
    someone (you / your) about rules or a model, or expresses an intent stronger than a bare pair ("forget
    the old rules" alone is not enough). Used to pick which non-English sentences the round-10 n-gram
    model still reads (injection.py)."""
    base = _base(text)
    s = _spans(base)
    if s["ASSISTANT"] or s["SETUP"] or s["MAKERS"]:
        return True
    if (s["RULES"] or s["MODEL"]) and (s["YOU"] or s["YOURS"]):
        return True
    if INFORMAL_GATE and (s["INFORMAL_YOU"] or (_TE.search(base) and not _DUTCH.search(base))):
        return True
    return any(w > OVERRIDE_BARE for _, w in sentence_intents(base))
