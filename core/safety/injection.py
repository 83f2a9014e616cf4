"""Prompt injection / jailbreak: weighted heuristics plus embedding similarity.

Heuristics are patterns of the attack families (override of earlier instructions, system
prompt extraction, persona jailbreaks, fake chat turns and special tokens, claimed
authority, instructions aimed at an AI inside a document). Each has a weight; weights
combine as a noisy-or, so one strong signal or several weak ones flag a text.

Benign talk *about* injection ("how do I defend against 'ignore previous instructions'?")
is the classic false positive. Two things keep it clean: a trigger inside quotation marks
counts only a little when the text also asks a meta question (what is / explain / defend
/ detect / test / research ...), and the embedding check compares each sentence with
known attacks AND with benign look-alikes (curated/attacks*.txt): a sentence must be
clearly closer to an attack.
"""
from __future__ import annotations

import re
from itertools import islice

import numpy as np

from core.safety import (
    ai_duties,
    ai_payloads,
    answer_orders,
    carrier_orders,
    doc_keys,
    far_languages,
    intent_lexicon,
    link_exfil,
    more_languages,
    passage_model,
    planted_instructions,
    reader_duties,
    reader_requests,
    reader_roles,
    world_orders,
)
from core.safety import text as textutil
from core.safety.ai_payloads import AI_PAYLOAD_PATTERNS, ML_AI_PAYLOAD_PATTERNS
from core.safety.answer_orders import ANSWER_ORDER_PATTERNS
from core.safety.documentation import OPTION_SENTENCE_CAP, a_list, among_sentences, fragment, option_sentence, reader_possessions
from core.safety.language_guess import reads_as_english
from core.safety.normalize import iter_variants
from core.safety.planted_instructions import ANSWERING_READER_PATTERNS, PLANTED_PATTERNS
from core.safety.similarity import ExampleSet
from core.safety.verdict import ScanScore

# Round 11 (docs/safety.md), measured and switched OFF: with the n-gram model retrained on non-English
# documentation, held-out G and I lost 4 and 5 attacks. INTENT_LEXICON: the multilingual intent lexicon
# (intent_lexicon.py) counts beside the rules. ROUND10_GATE: non-English sentences that speak of
# instructions, rules, prompts or an assistant, or address someone informally, are also read by the
# round-10 n-gram model (curated/injection_classifier_round10.npz, if present; the larger probability
# counts). To try the round-11 configuration: copy curated/injection_classifier.npz to
# curated/injection_classifier_round10.npz, run `python -m core.safety.training.train --only injection-ngram`,
# and set both to True.
INTENT_LEXICON = False
ROUND10_GATE = False
# Round 29b (benchmarks/results/safety_issue18_round29_languages.md): sentences that do not read as English and hold
# a letter of a further language's script (_WORLD_LETTER) are also read by a second n-gram model trained with orders to an AI reader in 23 further
# languages (curated/injection_classifier_world.npz: GENAI_WORLD_LANGS=40 python -m core.safety.training.train
# --only injection --carriers --halves ngram); the larger probability counts. English sentences never reach it (a
# refit of the main n-gram half with these languages shifted English benign text upwards). Off = round 29's scanner.
WORLD_GATE = True
# scripts and letters of the further languages only (never German, French, Spanish, Italian, Portuguese or Dutch,
# which the main n-gram half reads): Greek, Cyrillic, Hebrew, Arabic/Persian, Devanagari, Thai, kana, CJK, Hangul,
# and Polish, Czech, Turkish, Hungarian, Romanian, Nordic and Vietnamese letters
_WORLD_LETTER = re.compile("[\u0370-\u03ff\u0400-\u04ff\u0590-\u06ff\u0900-\u097f\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff"
                           "\uac00-\ud7afąęłńśźżćřěůňťďőűșțşğıåæøđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
# Round 30 (benchmarks/results/safety_issue18_round30.md): a fragment among sentences (one to three words that speak of
# no assistant, rules or prompt: a YAML key "help_text:", a code line "this.text = text;") supports the flag through
# the similarity check only when it is close to an attack on its own terms (the check's "strong" case); its ordinary
# support (up to 0.45) rests on one content word ("text" is near "tell me the text of your system prompt"). Round 20
# excused fragments from the similarity entirely and lost planted attacks; strong matches still count here.
# Off = round 29's similarity.
SIM_FRAGMENTS = True
# Round 30: Finnish, Hungarian and Indonesian sentences often hold no letter of _WORLD_LETTER (Indonesian is ASCII,
# Finnish shares ä/ö with German), so the world model never read them. A non-English sentence with two distinct
# function words of these languages (words German, French, Spanish, Italian, Portuguese, Dutch or English do not use)
# is gated too. Off = round 29b's gate.
WORLD_WORDS = False
# Round 35 (benchmarks/results/safety_issue18_round35.md): the passage model (passage_model.py), learnt from ten blind
# sets' hand-written passages, flags a text whose most suspicious paragraph it reads as an order to an AI with
# probability >= passage_model.FLAG; it only adds flags. Off = round 34's scanner.
PASSAGE_MODEL = True
# a text longer than this (a pasted document: questions are capped at 2,000 characters and retrieved chunks at the
# chunk size) is left to the rules and the sentence classifier; the passage model costs 13 ms CPU per 20,000
PASSAGE_LONG_CHARS = 4000
# Round 36 (benchmarks/results/safety_issue18_round36.md): PASSAGE_WINDOWS: the passage model also reads windows of one
# to three lines inside a paragraph (an order woven in among other lines); PASSAGE_VETO: a flag that rests on the
# sentence classifier and the similarity check alone (no rule) is lifted when the passage model reads the text
# under VETO_BELOW. Off = round 35's scanner.
PASSAGE_WINDOWS = False
PASSAGE_VETO = False
VETO_BELOW = 0.5
# Round 39 (benchmarks/results/safety_issue18_round37.md): the veto for documents only (scan_document, stage "context").
CONTEXT_VETO = False
_LEARNED_REASONS = ("injection classifier", "close to known attack prompts")
_WORLD_WORDS = re.compile(
    r"\b(?:yang|dengan|untuk|tidak|adalah|kamu|anda|jangan|semua|bahwa|sebelumnya|pengguna|dari|pada|akan|atau|ini|itu|"
    r"harus|kepada|sudah|hanya|mereka|saya|kami|dalam|oleh|"
    r"että|tämä|tätä|tämän|jos|olet|kun|tai|vain|kaikki|älä|ovat|myös|sinä|sinun|ole|mutta|joka|jotka|niin|kuin|"
    r"és|hogy|nem|vagy|minden|csak|egy|azt|ezt|kell|után|előtt|nélkül|vagyok|vagy|amely|amikor|ahogy|mert|nincs|"
    r"mint|ezért|pedig)\b", re.I)


def _world_words(seg: str) -> bool:
    return len({w.lower() for w in _WORLD_WORDS.findall(seg)}) >= 2


MAX_SEGMENTS = 48
WHOLE_TEXT_CHARS = 600  # shorter texts are also classified as a whole
LONG_TEXT_CHARS = 2000  # longer texts get the rules' normalised reading segment by segment
# classifier probability -> score: below FLOOR nothing, at FLAG exactly the flag line 0.5
CLASSIFIER_FLOOR, CLASSIFIER_FLAG = 0.5, 0.8  # round 3: chosen on sets A, B, C and the READMEs (never D), n-gram + embedding mean

_W = r"(?:[\w'-]+\s+)"  # one word and its space
_PREV = r"(?:previous|prior|above|earlier|preceding|initial|original|former|old|existing|current|original|system|default|given)"
_RULES = (r"(?:instructions?|directions?|directives?|rules|guidelines|prompts?|constraints|commands|orders|"
          r"programming|polic(?:y|ies)|restrictions|filters?|persona|training|guardrails|safeguards|"
          r"(?:safety|content)\s+(?:rules|filters?|policy|guidelines|checks?))")
_EXTRACT = r"(?:reveal|show|print|output|repeat|tell|display|share|leak|give|quote|dump|write\s+out|recite|summari[sz]e|paste)"
_SECRET_PROMPT = (r"(?:system\s+(?:prompt|message|instructions?)|initial\s+(?:prompt|instructions?)|"
                  r"(?:hidden|secret|confidential|original|internal)\s+(?:\w+\s+)?(?:prompt|instructions?|configuration|rules|text|directives)|"
                  r"pre-?prompt|prelude|(?:your|the)\s+instructions|(?:your|the)\s+(?:full\s+)?(?:prompt|configuration)|"
                  r"previous\s+instructions)")

# the setup text a user cannot see, named without the words "prompt" or "instructions"
_HIDDEN_SETUP = (r"(?:(?:loaded|put|given|fed|written)\s+(?:in)?to\s+you\s+before|before\s+(?:i|we|the\s+user)\s+(?:started|began)\s+(?:typing|writing|chatting)|"
                 r"(?:define|shape|govern|control|determine)s?\s+how\s+you\s+(?:behave|act|respond|answer|work)|"
                 r"(?:the\s+)?(?:user|users|i|we)\s+(?:normally\s+|usually\s+)?(?:can(?:no|')t|cannot|do(?:n't|\s+not)|never)\s+see|"
                 r"(?:who|that)\s+(?:deployed|configured|set\s+up|built|programmed)\s+you\s+(?:told|tell|asked|instructed)\s+you|"
                 r"(?:deployed|configured|set\s+up|programmed)\s+you[^.?!\n]{0,30}\btold\s+you\s+to\b)")
# the text that set the assistant up, named by what it did ("the message that configured you")
_SETUP_TEXT = (r"(?:message|text|words|prompt|setup|instructions?|note|briefing)\s+(?:that|which)\s+(?:configured|set\s+up|"
               r"programmed|primed|initiali[sz]ed|briefed)\s+you\b")

_TURN = r"(?:system|assistant|developer)[ \t]*(?:message|prompt|instruction)?[ \t]*:"
# a rules word that is the first half of a technical noun ("override the default policy directory")
_NOT_TECHNICAL = (r"(?![\w-]*\s+(?:director(?:y|ies)|dirs?|files?|folders?|paths?|options?|flags?|variables?|tables?|modules?|"
                  r"engines?|editors?|servers?|lists?|names?|keys?|settings?|templates?|formats?|syntax|lines?|outputs?|history)\b)")

# (pattern, weight, reason)
PATTERNS: list[tuple[re.Pattern, float, str]] = [
    # a verb right after "/" is a command name ("/drop commands", jshell): not an order
    (re.compile(r"(?<!/)\b(?:ignore|disregard|forget|skip|override|bypass|drop|discard|set\s+aside|abandon|neglect)\s+"
                + _W + r"{0,3}?" + r"(?:" + _PREV + r"\s+)?" + _W + r"{0,2}?" + _RULES + r"\b" + _NOT_TECHNICAL, re.I),
     0.9, "asks to ignore or override earlier instructions"),
    # ... but "forget everything you know about risotto" is an idiom about a topic
    (re.compile(r"\b(?:ignore|disregard|forget)\s+(?:everything|all|anything)"
                r"(?!\s+(?:you|we)\s+(?:know|knew|learned|learnt|thought\s+you\s+knew)\s+about\s+"
                r"(?!(?:your|the|these|those|my|our|any|all)?\s*(?:instructions|rules|prompts?|guidelines|system|training|"
                r"programming|restrictions|polic(?:y|ies)|filters|safety|limits|ai|assistant)))"
                r"\s+(?:you|that|before|above|i|prior|previously|written|said|else)", re.I),
     0.85, "asks to forget everything said before"),
    (re.compile(r"\b(?:ignore|disregard|forget)\s+(?:the\s+|all\s+(?:of\s+)?(?:the\s+)?)?(?:above|previous|preceding|prior)\s*(?:and|[.,;:!])", re.I),
     0.8, "asks to ignore the text above"),
    (re.compile(r"(?<!never\s)(?<!not\s)(?<!don't\s)\b(?:tell|give|reveal|show|share)\s+(?:me\s+)?(?:the|your)\s+(?:\w+\s+)?(?:password|credentials|api\s+key|secret\s+key)\b", re.I),
     0.6, "asks for a secret the assistant holds"),
    (re.compile(r"\b" + _RULES + r"\s+(?:\w+\s+){0,4}?(?:no\s+longer\s+(?:apply|count|matter)|(?:do\s+not|don't|doesn't)\s+(?:apply|count|matter)(?:\s+anymore)?|(?:are|is|have\s+been|has\s+been)\s+(?:now\s+)?(?:void|lifted|disabled|off|suspended|cancelled|canceled|outdated|"
                r"switched\s+off|turned\s+off|deactivated|withdrawn|revoked|expired))", re.I),
     0.85, "declares the rules void"),
    (re.compile(r"\b" + _EXTRACT + r"\s+(?:me\s+)?" + _W + r"{0,4}?" + _SECRET_PROMPT, re.I), 0.85, "asks for the system prompt"),
    (re.compile(r"\b(?:what\s+(?:are|were|is|was)\s+your\s+(?:\w+\s+)?(?:instructions|system\s+prompt|initial\s+prompt|rules\s+exactly))"
                r"|\bwhat\s+did\s+(?:the\s+)?(?:developers?|creators?|openai|admin\w*)\s+tell\s+you\b", re.I),
     0.75, "asks what the hidden instructions are"),
    (re.compile(r"\b(?:print|repeat|output|show|write|copy)\s+(?:out\s+)?(?:everything|all|the\s+(?:text|words|lines))\s+(?:written\s+)?(?:above|before)", re.I),
     0.8, "asks to repeat the text above"),
    (re.compile(r"\b(?:beginning|start)\s+of\s+(?:this|the|our)\s+(?:chat|conversation|session)\b", re.I), 0.5,
     "asks about the start of the conversation"),
    # "dan" is Dutch for than/then: the persona is "DAN" in capitals (_DAN_CAPS) or "dan" where a
    # role is handed over ("you are now dan", "act as dan", "dan mode")
    (re.compile(r"\b(?:you\s+are|you're|you\s+will\s+be|act\s+as|acting\s+as|respond\s+as|answer\s+as|reply\s+as|"
                r"pretend\s+to\s+be|stay|remain|become|play)\s+(?:now\s+)?(?:in\s+character\s+as\s+)?dan\b|"
                r"\bdan\s+(?:mode|prompt|jailbreak|persona|enabled|activated)\b|\bdo\s+anything\s+now\b|"
                r"\bjailbr(?:eak|oken)\s+mode\b|\bjailbroken\b", re.I), 0.6, "known jailbreak persona"),
    (re.compile(r"\b(?:developer|maintenance|god|debug|unrestricted|unfiltered|admin)\s+mode\b", re.I), 0.45, "asks for a special mode"),
    (re.compile(r"\b(?:no|without|zero|free\s+of|any)\s+(?:\w+\s+)?(?:restrictions|rules|limits|limitations|filters|censorship|content\s+polic(?:y|ies)|"
                r"ethical\s+guidelines|ethics|morals|guidelines|safety\s+(?:training|rules|guidelines))\b", re.I), 0.45, "asks for no restrictions"),
    (re.compile(r"\b(?:unfiltered|unrestricted|uncensored|amoral|unethical|evil\s+(?:twin|bot|ai|assistant|version))\b", re.I), 0.45, "jailbreak persona"),
    (re.compile(r"\b(?:never|don't|do\s+not|won't)\s+(?:refuse|say\s+(?:you\s+)?can(?:no|')t|decline)\b|\bnever\s+refuses\b", re.I), 0.45, "forbids refusals"),
    (re.compile(r"\byou\s+are\s+(?:now|no\s+longer)\b|\bfrom\s+now\s+on,?\s+(?:you|respond|act|answer)|\bstop\s+being\s+an?\s+(?:ai|assistant|language\s+model)", re.I),
     0.35, "redefines the assistant"),
    (re.compile(r"\b(?:act|respond|pretend|behave)\s+(?:as|like)\s+(?:my\s+)?(?:late|deceased|dead)\s+(?:grand\w+)", re.I), 0.8, "grandma exploit"),
    # a turn label opens a line and says something, or follows a finished sentence or a blank line;
    # "... the printing\nsystem:" (a sentence wrapped before its last word) is not a turn
    (re.compile(r"(?im)^[ \t]*(?:#{1,4}[ \t]*)?" + _TURN + r"[ \t]*\S|(?:\A|[.!?:;)\]>\"'*`][ \t]*\n|\n[ \t]*\n)\s*(?:#{1,4}[ \t]*)?"
                + _TURN + r"|^\s*###\s*(?:instruction|system)", re.I),
     0.7, "fake system/assistant turn"),
    (re.compile(r"<\|(?:im_start|im_end|system|assistant|user|endoftext)\|>|\[/?INST\]|<</?SYS>>|</?(?:system|user|assistant)>|<\|?eot_id\|?>", re.I),
     0.85, "chat-template control tokens"),
    (re.compile(r"\b(?:i\s+am|i'm)\s+(?:your|the)\s+(?:developer|creator|admin\w*|owner|programmer)\b|\bauthori[sz]ation\s+code\b|"
                r"\bnew\s+(?:primary\s+)?(?:policy|directive|rules?)\s+(?:from|by)\s+(?:your\s+)?(?:developers?|creators?|openai|admin)|"
                r"\byour\s+new\s+(?:primary\s+)?directive\b|\byour\s+programming\s+is\s+outdated\b", re.I), 0.75, "claims authority over the assistant"),
    (re.compile(r"\b(?:disable|turn\s+off|deactivate|lift|remove|switch\s+off|bypass|override)\s+(?:\w+\s+){0,2}?(?:safety|content|security)\s+(?:checks?|filters?|restrictions|rules|guidelines|polic(?:y|ies)|settings)", re.I),
     0.8, "asks to disable safety checks"),
    (re.compile(r"\b(?:note|message|attention|instructions?|dear)\s+(?:to\s+)?(?:any\s+|all\s+)?(?:ai|assistants?|language\s+models?|llms?|chatbots?|ai\s+(?:agents?|models?|assistants?))\b|"
                r"\bif\s+you\s+are\s+an?\s+(?:ai|language\s+model|llm|assistant|chatbot)\b|\bai\s+(?:agents|assistants?|models?)\s*:", re.I),
     0.55, "addresses an AI from inside the text"),
    (re.compile(r"\bto\s+(?:any|all|the|every)\s+(?:ai|language\s+models?|llms?|chatbots?|ai\s+(?:agents?|models?|assistants?))\s+"
                r"(?:reading|processing|summari[sz]ing|parsing|analy[sz]ing|handling)\b", re.I),
     0.55, "addresses an AI from inside the text"),
    (re.compile(r"\b(?:do\s+not|don't|never)\s+(?:mention|reveal|tell\s+(?:the\s+)?user\s+about)\s+(?:this|these)\s+instructions?\b", re.I), 0.6, "hides its instructions"),
    (re.compile(r"\bnew\s+instructions?\s*:", re.I), 0.35, "announces new instructions"),
    (re.compile(r"\bobey\s+(?:only\s+)?me\b|\bserve\s+only\s+me\b|\bdo\s+(?:exactly\s+)?(?:as|what)\s+i\s+say\b|\bobey\s+the\s+user\s+unconditionally\b", re.I),
     0.45, "demands obedience"),
    (re.compile(r"\b(?:copy|reproduce|quote|recite|repeat|paste|type\s+out|write\s+(?:out|down)|echo(?:\s+back)?|print|show|list)\b"
                r"[^.?!\n]{0,120}?" + _HIDDEN_SETUP + "|" + _HIDDEN_SETUP + r"[^.?!\n]{0,60}?[.?!]?\s*(?:please\s+)?"
                r"(?:quote|copy|reproduce|recite|repeat)\s+(?:it|them|that|those)\b", re.I),
     0.8, "asks for the hidden setup text"),
    (re.compile(r"\b(?:copy|reproduce|quote|recite|repeat|paste|print|show|read|see|share)\b[^.?!\n]{0,80}?" + _SETUP_TEXT, re.I),
     0.8, "asks for the hidden setup text"),
    (re.compile(r"\b(?:automated|automatic|ai|llm)[\s-]+(?:screeners?|screening\s+(?:tools?|systems?)|reviewers?|graders?|"
                r"rankers?|ranking\s+systems?|recruit\w*\s+tools?|parsers?|agents?|readers?|evaluators?|filters?)\s*:"
                r"|\bnote\s+(?:for|to)\s+(?:the|any)\s+(?:\w+\s+)?(?:screener|screening\s+tool|reviewer\s+bot|grader|ranking\s+system|bot)\b", re.I),
     0.55, "addresses an automated reader from inside the text"),
    (re.compile(r"\b(?:secret|hidden|confidential|private)\s+(?:instructions|rules|prompt|configuration|directives)\s+"
                r"(?:it|you|he|she|they)\s+(?:was|were|had\s+been|have\s+been|has\s+been)\s+given\b", re.I),
     0.5, "names the secret instructions it was given"),
    (re.compile(r"\bsystem\s+override\b|\brestrictions?\s+(?:are\s+)?lifted\b|\bsafety\s*=\s*off\b", re.I), 0.7, "declares an override"),
]

# case-sensitive, read on the text as written (not on its lower-cased or normalised forms)
_DAN_CAPS = re.compile(r"\bDAN\b")
PATTERNS.append((_DAN_CAPS, 0.6, "known jailbreak persona"))
MOSTLY_CAPS = 0.5  # share of upper-case letters above which capitals say nothing (a shouted line)

PATTERNS += PLANTED_PATTERNS  # third person, labelled lines, hidden markup, rule-inverting role-play
# round 27: the answering software named by what it does, no AI word; counted while
# planted_instructions.ANSWERING_READER is on (read at every scan)
PATTERNS += ANSWERING_READER_PATTERNS
_ANSWERING_READER_RX = frozenset(rx for rx, _, _ in ANSWERING_READER_PATTERNS)
# round 28: orders about the answer built from this text (second person, "will", link titles, table cells);
# counted while answer_orders.ANSWER_ORDERS is on (read at every scan)
PATTERNS += ANSWER_ORDER_PATTERNS
_ANSWER_ORDERS_RX = frozenset(rx for rx, _, _ in ANSWER_ORDER_PATTERNS)
# round 29: an AI reader named with a harmful payload (credentials, the conversation in a link, a pushed download,
# the other sources discredited, a false alarm or all-clear); counted while ai_payloads.AI_PAYLOADS is on
PATTERNS += AI_PAYLOAD_PATTERNS


# The same families in German, French, Spanish, Italian, Portuguese and Dutch, matched on the
# normalised text (no accents, case folded; core/safety/normalize.py).
_ML_RULES = (r"(?:anweisungen|regeln|richtlinien|vorgaben|systemprompt|instructions|consignes|regles|directives|"
             r"instrucciones|reglas|directrices|indicaciones|istruzioni|regole|linee guida|instrucoes|regras|diretrizes|"
             r"instructies|regels|richtlijnen|prompt (?:de |di |do )?(?:sistema|systeme))")
ML_PATTERNS: list[tuple[re.Pattern, float, str]] = [
    (re.compile(r"\b(?:ignorier\w*|vergiss|vergessen sie|missachte\w*|ignore|ignorez|oublie|oubliez|ignora|olvida|olvide|"
                r"ignor[ae]|dimentica|esqueca|esqueça|desconsidere|negeer|vergeet)\b(?:\s+\S+){0,5}?\s+" + _ML_RULES, re.I),
     0.9, "asks to ignore or override earlier instructions (other language)"),
    (re.compile(r"\b(?:zeig|gib|affiche|montre|donne|muestra|muestrame|dame|mostra|mostrami|rivela|dammi|mostre|me de|laat|geef)\b"
                r"(?:\s+\S+){0,4}?\s+(?:systemprompt|prompt (?:de |di |do )?(?:sistema|systeme)|systeemprompt|versteckten anweisungen|"
                r"instructions cachees|instrucciones ocultas|istruzioni nascoste|instrucoes ocultas|verborgen instructies)", re.I),
     0.85, "asks for the system prompt (other language)"),
    (re.compile(r"\b(?:ab jetzt|ab sofort|a partir de maintenant|desormais|a partir de ahora|da ora in poi|da adesso|"
                r"a partir de agora|vanaf nu)\b.{0,60}?\b(?:keine regeln|ohne einschrankungen|plus de regles|sans (?:aucune )?restriction|"
                r"no tienes reglas|sin (?:restricciones|filtros|limites)|non hai piu (?:regole|limiti)|senza (?:alcun )?(?:filtro|limiti|restrizioni)|"
                r"nao tem regras|sem restricoes|geen regels|zonder beperkingen|gelten (?:deine regeln )?nicht mehr|ne s'appliquent plus|"
                r"ya no se aplican|non valgono piu|nao valem mais|gelden niet meer)", re.I),
     0.85, "declares the rules void (other language)"),
    (re.compile(r"\b(?:deine regeln gelten nicht mehr|tes regles ne s'appliquent plus|tus reglas ya no se aplican|"
                r"le tue regole non valgono piu|suas regras nao valem mais|je regels gelden niet meer|"
                r"(?:ki|ia|ai) (?:ohne|sans|sin|senza|sem|zonder) (?:einschrankungen|limites|limiti|grenzen|regeln|regles|reglas|regole|regras|regels))\b", re.I),
     0.8, "declares the rules void (other language)"),
]

# "Pretend you have no rules" in the six other languages (the English "no restrictions" rule; round 7's
# reverted 6a81c74): with the classifier it flags, alone it stays under the line
ML_PATTERNS.append((re.compile(
    r"\b(?:doe alsof|tu so,? als|tun sie so,? als|fais comme si|faites comme si|haz como si|haga como si|"
    r"fai finta|fate finta|finge que|faz de conta que)\b"
    r"(?:\s+\S+){0,4}?\s+(?:geen|keine?n?|pas|plus|aucune?s?|ninguna|ningun|no|sin|nessuna|nessun|non|senza|nenhuma|nao|sem|zonder)\s+"
    r"(?:\S+\s+){0,2}?(?:regels?|regeln|regles?|reglas?|regole|regola|regras?|beperkingen|grenzen|einschrankungen|limites?|limiti|"
    r"restricciones|restrizioni|restricoes|filter|filters|filtres|filtros|filtri)\b", re.I),
    0.45, "asks for no restrictions (other language)"))

# An AI addressed from inside a document, in the six other languages (the English rules: "note to
# any AI", "AI assistant:", "to the AI reading this"): a note or a label for it, or it named as the
# reader of this text. Matched on the normalised text (accents gone, "KI-Assistent" also "kiassistent").
_ML_AI = (r"(?:(?:ai|ki|ia)[\s-]?(?:assistent(?:en|in)?|assistant|assistente|asistente|agent(?:e|en)?|modell?)"
          r"|(?:assistent(?:en)?|assistant|asistente|assistente|modelo|modello|modele|sprachmodell|taalmodel|chatbot)"
          r"(?:\s+(?:de|di|d'|van)?\s*(?:ia|ki|ai|linguagem|lenguaje|linguaggio|langage))?"
          r"|(?:ki|ia|ai)\b)")
ML_PATTERNS += [
    (re.compile(r"\b(?:hinweis|nachricht|notiz|anweisung(?:en)?|note|message|nota|mensaje|messaggio|mensagem|opmerking|"
                r"bericht|notitie|instructies?|instructions?|istruzioni|instrucoes|instrucciones)\s+"
                r"(?:an|fur|pour|para|per|a|aan|voor)\s+(?:(?:den|die|das|jede[nr]?|el|la|lo|il|o|a|de|het|elke|iedere|chaque|"
                r"tout|cada|ogni|qualquer|qualsiasi)\s+|l'\s?|all'\s?|ao\s+|al\s+)?" + _ML_AI, re.I),
     0.55, "addresses an AI from inside the text (other language)"),
    (re.compile(r"(?:^|[\n.!?>|\[(])\s*(?:(?:der|die|la|el|il|o|de|het)\s+|l')?(?:(?:ai|ki|ia)[\s-]?(?:assistent(?:en|in)?|assistant|assistente|asistente)"
                r"|(?:assistent|assistant|asistente|assistente)\s+(?:de\s+|di\s+)?(?:ia|ki|ai))\s*:\s*\S", re.I),
     0.55, "addresses an AI from inside the text (other language)"),
    # "to / for the model that processes this" (an, für, pour, para, per, voor ...)
    (re.compile(r"\b(?:an|a|al|ao|aan|alla?|all'|fur|pour|para|per|voor)\s*(?:(?:die|den|das|dem|la|le|el|il|lo|o|de|het)\s+|l'\s?)?" + _ML_AI
                + r"\s*,?\s+(?:die|der|das|qui|que|che|dat)\s+(?:\w+\s+){0,2}?(?:liest|lit|lee|le|legge|leest|resume|resumen|riassume|"
                r"samenvat|zusammenfasst|verarbeitet|traite|procesa|elabora|verwerkt|processa|analysiert|analyse|analiza|analizza|"
                r"analisa|analyseert)\b", re.I),
     0.55, "addresses an AI from inside the text (other language)"),
]

# A question about attacks, defences, research, tests: the text talks ABOUT injection.
_META = re.compile(
    r"\b(?:what\s+(?:is|are|does)\s+(?:a\s+|an\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:injection|jailbreak\w*|attacks?|guardrails?|red[- ]team\w*|'[^']+'|\"[^\"]+\")|explain|how\s+(?:do|can|should|to)\s+(?:i|we|you)?\s*(?:defend|detect|prevent|protect|mitigate|stop|block|test|handle)|"
    r"defen[cs]es?|defend|detect\w*|prevent\w*|mitigat\w*|research\w*|paper|thesis|article|blog|quiz|unit\s+tests?|"
    r"red\s+team\w*|history\s+of|is\s+\w+\s+a\s+real|example\s+of|attacks?)\b", re.I)
_QUOTED = re.compile(r"'[^'\n]{3,200}'|\"[^\"\n]{3,200}\"|“[^”\n]{3,200}”|`[^`\n]{3,200}`")
QUOTED_META_WEIGHT = 0.25
META_SIMILARITY = 0.4  # the rules' discount for a text about attacks, applied to the similarity check too
# a quote followed by who spoke it ("'Forget everything I told you,' she whispered"): dialogue in a story
_SPOKEN = re.compile(r"\s*,?\s*(?:[a-z]+\s+){1,3}?(?:said|says|whispered|shouted|cried|asked|replied|"
                     r"muttered|yelled|screamed|snapped|added|answered)\b", re.I)
# an instruction someone gave the user, reported by the user ("my doctor told me to ignore the earlier dosage
# instructions"): the user is its addressee, not the assistant
_TOLD_ME = re.compile(r"\b(?:told|asked|advised|instructed|wants|wanted|said\s+to|ha\s+detto\s+di|me\s+dijo\s+que|m'a\s+dit\s+d)\s+"
                      r"(?:(?:me|us)\s+to\s+)?$", re.I)
REPORTED_WEIGHT = 0.25
# "Forget the old rules for recycling: ...", "Vergeet de oude regels: vanaf nu ...": a document
# retiring house rules for its reader. An override counts in full when it names what an assistant
# is given (instructions, prompt, programming ...) or carries a cue that it addresses one (your,
# all, previous, system ... in seven languages); "the old rules" with none of these counts a little.
_GENERIC_RULES = re.compile(r"\b(?:rules|guidelines|polic(?:y|ies)|directions?|orders|restrictions|constraints|regeln|richtlinien|"
                            r"vorgaben|consignes|regles|directives|reglas|directrices|indicaciones|regole|linee guida|regras|"
                            r"diretrizes|regels|richtlijnen)\b")
_ASSISTANT_NOUNS = re.compile(r"\b(?:instructions?|directives?|prompts?|programming|training|guardrails|safeguards|filters?|persona|"
                              r"commands|anweisungen|systemprompt|instrucciones|istruzioni|instrucoes|instructies|sistema|systeme)\b")
_ADDRESSES_ASSISTANT = re.compile(
    r"\b(?:your|yours|you|all|every|previous|prior|above|earlier|preceding|initial|original|system|default|given|safety|content|"
    r"ai|assistant|model|bot|developers?|creators?|openai|dein\w*|eure?\w*|alle[mns]?|bisherig\w*|vorherig\w*|obig\w*|"
    r"tes|ton|ta|tous|toutes|tu|vos|votre|precedent\w*|anterior\w*|tus|todas|todos|previas|tue|tuoi|tua|tutte|tutti|"
    r"suas|seus|tuas|teus|je|jouw|uw|eerdere|vorige|systeem|ia|ki|makers|"
    r"me|us|answer|respond|reply|tell|say|output|act|pretend)\b")
HOUSE_RULES_WEIGHT = 0.35


def _house_rules(text: str, m: re.Match) -> bool:
    """An override match that retires generic rules and addresses no assistant (see above)."""
    span = m.group(0).lower()
    if not _GENERIC_RULES.search(span) or _ASSISTANT_NOUNS.search(span):
        return False
    tail = re.match(r"[^.:;!?\n]{0,40}", text[m.end():]).group(0).lower()
    return not _ADDRESSES_ASSISTANT.search(span + " " + tail)


# "Forget the old instructions on the packaging", "Vergeet de oude instructies op de verpakking": the
# instructions are printed on a product or in its manual, for the reader, not given to an assistant
_PRINTED_ON = re.compile(
    r"\s*(?:on|in|inside|op|in|auf|sur|dans|en|sulla|sul|nella|nel|na|no|nos|nas)\s+"
    r"(?:the|de|het|der|die|dem|den|la|le|les|el|il|lo|a|o|os|as|l'\s?)?\s*"
    r"(?:packag\w*|packet|box|label|bag|can|jar|bottle|tin|carton|wrapper|manual|leaflet|back|"
    r"verpakking|doos|pak|zak|etiket|fles|blik|verpackung|packung|schachtel|dose|etikett|flasche|karton|tute|t\u00fcte|"
    r"emballage|paquet|bo[i\u00ee]te|[e\u00e9]tiquette|sachet|bouteille|notice|envase|paquete|caja|bolsa|bote|lata|"
    r"confezione|scatola|etichetta|pacco|busta|barattolo|embalagem|pacote|caixa|r[o\u00f3]tulo|saco)\b", re.I)


def _printed_instructions(text: str, m: re.Match) -> bool:
    """An override whose instructions are those on a product or in its manual (see above)."""
    return bool(_PRINTED_ON.match(text, m.end())) and not _ADDRESSES_ASSISTANT.search(
        re.sub(r"\b(?:instructions?|instructies|anweisungen|instrucciones|istruzioni|instrucoes)\b", "", m.group(0).lower()))
_REPORTING = re.compile(r"\b(?:says?|said|saying|reads|writes|wrote|such\s+as|like|e\.g\.|for\s+example|phrases?|words|"
                        r"called|known\s+as|containing|contains)\W*$", re.I)


# A user's question about the app ("Where can I see the prompt that was sent to the model?", "What does
# the chain-of-thought prompt mode do?"): one question, asked in the first person or about what a
# feature does, that never addresses the assistant (no "you") and gives it no second order. The
# classifier and the similarity both read "prompt ... sent to the model" as extraction, each under the
# line, and their noisy-or crossed it; for such a question each must be confident alone (their max).
# The rules count as ever. Tuned on tests/data/safety_prompt_questions.jsonl, never on a held-out set.
_HELP_QUESTION = re.compile(
    r"(?:where|how|when|which\s+[a-z]+)\s+(?:can|do|does|should|could|would|is|are|will)\s+(?:i|we|one|my|the|a|an|this)\b"
    r"|what\s+does\s+(?:the|this|a|an)\s+[^?]{1,60}?\b(?:do|mean|change|control)\s*\?"
    r"|(?:is\s+there\s+a\s+way|can\s+i|could\s+i)\b", re.I)
_ONE_QUESTION = re.compile(r"[^?!.\n]*(?:\.[a-z0-9][^?!.\n]*)*\?\s*", re.I)  # "README.md" is no sentence end
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves|u|ur|thou|thee)\b", re.I)
HELP_QUESTION_CHARS = 200


def _help_question(text: str) -> bool:
    """A single short question from the user about the app, addressed to no assistant (see above)."""
    text = text.strip()
    if len(text) > HELP_QUESTION_CHARS or _SECOND_PERSON.search(text):
        return False
    return bool(_HELP_QUESTION.match(text)) and bool(_ONE_QUESTION.fullmatch(text))


def _without_mentions(text: str) -> str:
    """text with quoted phrases that are mentions, not requests, blanked for the classifiers:
    every quote in a question about attacks, and a quote after a reporting cue ('a document
    that says "ignore your instructions"'), as the rules read them."""
    if _META.search(text):
        return _QUOTED.sub('"..."', text)
    return _QUOTED.sub(lambda m: '"..."' if _REPORTING.search(text, max(0, m.start() - 40), m.start())
                       or _SPOKEN.match(text, m.end()) else m.group(0), text)


ML_PATTERNS += ML_AI_PAYLOAD_PATTERNS  # round 29, the other languages (switch ai_payloads.AI_PAYLOADS)
_AI_PAYLOADS_RX = frozenset(rx for rx, _, _ in AI_PAYLOAD_PATTERNS + ML_AI_PAYLOAD_PATTERNS)
# round 30: the override and an AI reader with a payload in Polish, Swedish, Finnish, Hungarian, Indonesian, Japanese
# and Chinese (more_languages.py); counted while more_languages.MORE_LANGUAGES is on
ML_PATTERNS += more_languages.PATTERNS
_MORE_LANGUAGES_RX = frozenset(rx for rx, _, _ in more_languages.PATTERNS)

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_LOWERED: dict[re.Pattern, re.Pattern] = {}


def _meta_outside(text: str, m: re.Match, fast: bool) -> bool:
    """Round 28: whether a word of a text about attacks stands outside the matched order. An order to the answering
    software ("When you explain this page, tell the reader ...") may itself hold "explain"; that word is part of
    the order, not a sign that the text is about attacks."""
    rx = _lower(_META) if fast else _META
    return bool(rx.search(text, 0, m.start()) or rx.search(text, m.end()))


def _lower(rx: re.Pattern) -> re.Pattern:
    """A case-sensitive copy of a case-insensitive pattern, for lower-cased text: its
    letters lower-cased (escapes such as \\S or \\W kept as they are)."""
    low = _LOWERED.get(rx)
    if low is None:
        source = re.sub(r"\\.|[A-Z]", lambda m: m.group(0) if m.group(0)[0] == "\\" else m.group(0).lower(), rx.pattern)
        low = _LOWERED[rx] = re.compile(source, rx.flags & ~re.I)
    return low


def _ascii(text: str) -> str:
    return _NON_ASCII.sub("", text)


def _module_findings(lowered: str, reasons: list[str]):
    """(weight, reason) from the rule modules of rounds 30-34, in order: orders in further languages
    (world_orders.py), the question set aside and secrets harvested (carrier_orders.py), polite requests and orders in
    code comments (reader_requests.py), links that carry the user's data (link_exfil.py), orders in ten further
    languages (far_languages.py), third-person, persona and conditional orders (reader_roles.py) and duties laid on
    an AI reader in the main European languages (reader_duties.py), and an English duty laid on an AI towards the user
    or the answer (ai_duties.py). Lazy, so a module whose
    reason is already given is not run."""
    if world_orders.WORLD_ORDERS:
        yield from world_orders.find(lowered)
    yield from carrier_orders.find(lowered)
    if reader_requests.REASON not in reasons and reader_requests.find(lowered):
        yield reader_requests.WEIGHT, reader_requests.REASON
    if link_exfil.LINK_EXFIL and link_exfil.REASON not in reasons and link_exfil.carries_user_data(lowered):
        yield link_exfil.WEIGHT, link_exfil.REASON
    # round 33: orders in ten further languages (far_languages.py); third-person, persona and conditional orders
    # in English (reader_roles.py), duties laid on a reader in other languages (reader_duties.py); each module reads
    # its own switches
    yield from far_languages.find(lowered)
    if reader_roles.REASON not in reasons:
        yield from reader_roles.find(lowered)
    if reader_duties.REASON not in reasons:
        yield from reader_duties.find(lowered)
    # round 34: an English duty laid on an AI towards the user or the answer, wherever it stands (ai_duties.py)
    if ai_duties.REASON not in reasons:
        yield from ai_duties.find(lowered)


class InjectionScanner:
    name = "injection"

    def __init__(self, embeddings: str = "static", classifier: bool = True):
        self.embeddings = embeddings
        self.examples = ExampleSet("attacks.txt", "attacks_contrast.txt")
        self.classifier = None
        self.round10 = None
        self.world = None
        self.paraphrase = None  # the embedding half of the classifier (needs embeddings)
        self.passages = None
        if classifier:
            self.passages = passage_model.load_passage_model()
            from core.safety.injection_classifier import load_injection_classifier

            self.classifier = load_injection_classifier()
            from core.safety.injection_classifier import ROUND10_FILE

            self.round10 = load_injection_classifier(ROUND10_FILE) if ROUND10_GATE and ROUND10_FILE.exists() else None
            from core.safety.injection_classifier import WORLD_FILE

            self.world = load_injection_classifier(WORLD_FILE) if WORLD_FILE.exists() else None
            if embeddings != "off":
                from core.safety.embedding_classifier import load_shared_embedding_classifier

                self.paraphrase = load_shared_embedding_classifier()

    def heuristics(self, text: str) -> tuple[float, list[str]]:
        """Rules on the text as written and on its normalised forms (leetspeak, split
        letters, look-alike letters undone); the strongest reading counts.

        A long text (a retrieved document) is read once as written with every rule, and
        only its segments that normalising changes are read again in their matching forms:
        the same rules for a fraction of the cost (each pass over 20,000 characters costs
        tens of milliseconds)."""
        if len(text) <= LONG_TEXT_CHARS:
            return self._strongest(text, PATTERNS)
        best = self._heuristics(text, PATTERNS + ML_PATTERNS)
        changed = []
        for seg in textutil.segments(text):
            forms = list(islice(iter_variants(seg), 2))
            # the rules are written in Latin letters: a segment whose matching forms differ from
            # it only outside ASCII (Cyrillic "й" -> "и") reads the same to them
            if any(_ascii(f) != _ascii(seg.casefold()) for f in forms):
                changed.append((seg, forms))
        if sum(len(seg) for seg, _ in changed) > len(text) // 2:
            # mostly changed (junk, a look-alike-laden paste): the whole text's forms are cheaper
            return max(best, self._strongest(text, ()), key=lambda r: r[0])
        for seg, forms in changed:
            best = max(best, self._strongest(seg, (), forms), key=lambda r: r[0])
        return best

    def _strongest(self, text: str, as_written, forms=None) -> tuple[float, list[str]]:
        best = self._heuristics(text, as_written) if as_written else (0.0, [])
        for form in forms if forms is not None else islice(iter_variants(text), 2):
            cand = self._heuristics(form, PATTERNS + ML_PATTERNS)
            if cand[0] > best[0]:
                best = cand
        return best

    def _heuristics(self, text: str, patterns) -> tuple[float, list[str]]:
        # the text is lower-cased once and matched by case-sensitive copies of the patterns:
        # the same matches (their letters are ASCII; the text went through NFKC) at a third of
        # the cost of re.IGNORECASE, more on non-ASCII text
        written = text
        letters = [c for c in text if c.isalpha()]
        shouted = sum(c.isupper() for c in letters) > MOSTLY_CAPS * len(letters)
        lowered = text.lower()
        fast = len(lowered) == len(text)
        if fast:
            text = lowered
        meta = bool(_lower(_META).search(text) if fast else _META.search(text))
        reporting = _lower(_REPORTING) if fast else _REPORTING
        # a quoted phrase is a mention, not a request, in a question about attacks or
        # after a reporting cue ('a document that says "ignore your instructions"')
        spoken = _lower(_SPOKEN) if fast else _SPOKEN
        quoted = [m.span() for m in _QUOTED.finditer(text)
                  if meta or reporting.search(text, max(0, m.start() - 40), m.start()) or spoken.match(text, m.end())]
        told_me = _lower(_TOLD_ME) if fast else _TOLD_ME
        keep = 1.0
        reasons = []
        answering_reader = planted_instructions.ANSWERING_READER
        answer_orders_on = answer_orders.ANSWER_ORDERS
        ai_payloads_on = ai_payloads.AI_PAYLOADS
        more_languages_on = more_languages.MORE_LANGUAGES
        for rx, weight, why in patterns:
            if why.replace(" (other language)", "") in reasons:
                continue  # one family counts once, whatever language matched it
            if not answering_reader and rx in _ANSWERING_READER_RX:
                continue
            if not answer_orders_on and rx in _ANSWER_ORDERS_RX:
                continue
            if not ai_payloads_on and rx in _AI_PAYLOADS_RX:
                continue
            if not more_languages_on and rx in _MORE_LANGUAGES_RX:
                continue
            if rx is _DAN_CAPS:  # capitals carry the meaning: the text as written, unless all shouted
                found = () if shouted else rx.finditer(written)
            else:
                found = (_lower(rx) if fast else rx).finditer(text)
            for m in found:
                inside_quote = any(a <= m.start() and m.end() <= b for a, b in quoted)
                # round 28: an order about the answer whose only "about attacks" word is its own ("When you explain
                # this page, ...") is no mention; the meta discount needs such a word outside it
                own_meta = rx in _ANSWER_ORDERS_RX and meta and not _meta_outside(text, m, fast)
                if own_meta and inside_quote:
                    inside_quote = any(a <= m.start() and m.end() <= b for a, b in quoted
                                       if reporting.search(text, max(0, a - 40), a) or spoken.match(text, b))
                w = min(weight, QUOTED_META_WEIGHT) if inside_quote else weight
                if told_me.search(text, max(0, m.start() - 30), m.start()) and "your" not in m.group(0):
                    w = min(w, REPORTED_WEIGHT)  # reported to the assistant, addressed to the user
                if why.startswith("asks to ignore or override earlier instructions") and (
                        _house_rules(text, m) or _printed_instructions(text, m)):
                    w = min(w, HOUSE_RULES_WEIGHT)
                if meta and not inside_quote and not own_meta:
                    w *= 0.4  # a question about attacks that also uses attack words
                keep *= 1.0 - w
                reasons.append(why.replace(" (other language)", ""))
                break  # each family counts once
        # rounds 30-32: rule modules with their own weight, reason and switch (_module_findings); a reason counts once
        for w, why in _module_findings(lowered, reasons):
            if why not in reasons:
                keep *= 1.0 - w * (0.4 if meta else 1.0)  # a text about attacks: the rules' discount
                reasons.append(why)
        return 1.0 - keep, reasons

    def scan_document(self, text: str) -> ScanScore:
        """A document's reading (a retrieved chunk, an ingested file: the "context" stage)."""
        return self.scan(text, document=True)

    def scan(self, text: str, document: bool = False) -> ScanScore:
        """The text's injection score and reasons. The passage model's veto (lifting a flag only the learned readers
        gave) is on with PASSAGE_VETO, and for a `document` also with CONTEXT_VETO (round 39): the passage model learnt
        orders planted in documents, so it may overrule the sentence classifier there, but not on a message typed to
        the assistant (round 36: it lifted correct flags on those)."""
        veto = PASSAGE_VETO or (document and CONTEXT_VETO)
        if not text.strip():
            return ScanScore(0.0, [])
        plain = textutil.clean(text)
        score, reasons = self.heuristics(plain)
        if INTENT_LEXICON and score < 0.9:
            lex, intents = intent_lexicon.score(_without_mentions(plain))
            if _META.search(plain):
                lex *= 0.4  # a question about attacks that also uses attack words (as the rules)
            if lex > 0.0:
                score = 1.0 - (1.0 - score) * (1.0 - lex)
                reasons += [f"intent in any language: {', '.join(intents)} {lex:.2f}"]
        if carrier_orders.DECODED_ORDERS and score < 0.9:
            # round 32: an order the reader is told to decode (ROT13, base64, reversed; carrier_orders.py): the decoded
            # span is read by the same rules
            for form in carrier_orders.decoded(plain):
                if self.heuristics(form)[0] >= 0.5:
                    w = carrier_orders.DECODED_WEIGHT * (0.4 if _META.search(plain) else 1.0)
                    score = 1.0 - (1.0 - score) * (1.0 - w)
                    reasons.append(carrier_orders.DECODED_REASON)
                    break
        rules = score
        alone = 0.0  # a help question's classifier and similarity: the strongest of them, not their noisy-or
        help_question = _help_question(plain)
        if self.classifier is not None and score < 0.9:
            clf = self._classify(plain)
            if clf >= 0.5:
                reasons.append(f"injection classifier {clf:.2f}")
            alone = clf
            score = 1.0 - (1.0 - score) * (1.0 - clf)
        if self.embeddings != "off" and score < 0.9:
            # quoted attack phrases inside a question about attacks are not the request
            probe = _without_mentions(textutil.unwrap(plain))
            segs = textutil.pick_segments(textutil.segments(probe), MAX_SEGMENTS)
            emb = self._similarity(segs)
            if _META.search(plain):
                emb *= META_SIMILARITY  # a text about attacks reads like one to a bag of token vectors
            if emb >= 0.5:
                reasons.append(f"close to known attack prompts {emb:.2f}")
            alone = max(alone, emb)
            score = 1.0 - (1.0 - score) * (1.0 - emb)
        if help_question:
            score = 1.0 - (1.0 - rules) * (1.0 - alone)
        if PASSAGE_MODEL and self.passages is not None and len(plain) <= PASSAGE_LONG_CHARS:
            learned_only = veto and score >= 0.5 and rules < 0.5 and all(
                r.startswith(_LEARNED_REASONS) for r in reasons)
            if score < 0.5 or learned_only:
                p = self.passages.reading(_without_mentions(plain), windows=PASSAGE_WINDOWS)
                if p >= passage_model.FLAG:  # 0.9 -> the flag line, 1.0 -> 1.0
                    score = max(score, 0.5 + 0.5 * (p - passage_model.FLAG) / (1.0 - passage_model.FLAG))
                    reasons.append(f"passage model {p:.2f}")
                elif score >= 0.5 and p < VETO_BELOW:  # two learned readers disagree and no rule speaks
                    score = rules
                    reasons = [f"sentence classifier overruled by the passage model ({p:.2f})"]
        return ScanScore(round(min(score, 1.0), 4), sorted(set(reasons), key=reasons.index))

    def _classify(self, plain: str) -> float:
        """The classifier's attack probability for the most suspicious sentence or line
        (and for the whole text when it is short), mapped so that only a confident
        classifier flags on its own: documents are long, and one shaky sentence of many
        must not flag a whole benign document."""
        probe = _without_mentions(textutil.unwrap(plain))
        segs = textutil.pick_segments(textutil.segments(probe), MAX_SEGMENTS)
        n = len(segs)
        if len(probe) <= WHOLE_TEXT_CHARS or a_list(segs):  # a list of key names is read whole (documentation.py)
            segs = segs + [probe]
        p = self.classifier.attack_probs(segs)
        english = np.array([reads_as_english(s) for s in segs], dtype=bool)
        if ROUND10_GATE and self.round10 is not None and len(p):
            gated = [i for i, s in enumerate(segs) if not english[i] and intent_lexicon.speaks_of_instructions(s)]
            if gated:
                p = p.copy()
                p[gated] = np.maximum(p[gated], self.round10.attack_probs([segs[i] for i in gated]))
        if WORLD_GATE and self.world is not None and len(p):
            gated = [i for i, s in enumerate(segs) if not english[i] and (
                (not s.isascii() and _WORLD_LETTER.search(s)) or (WORLD_WORDS and _world_words(s)))]
            if gated:
                p = p.copy()
                p[gated] = np.maximum(p[gated], self.world.attack_probs([segs[i] for i in gated]))
        if self.paraphrase is not None and len(p):
            # the n-gram model (spelling, seven languages) and the embedding model (paraphrase),
            # averaged per sentence: each alone is over-confident on texts unlike its training
            # data. The embeddings are English MiniLM's: on other languages the n-grams decide.
            p = np.where(english, (p + self.paraphrase.probs(segs)) / 2.0, p)
        # a sentence about a command-line option that speaks of no assistant (documentation.py)
        p = np.where([option_sentence(s) for s in segs], np.minimum(p, OPTION_SENTENCE_CAP), p)
        # round 33: a run of documentation keys with short values (doc_keys.py)
        p = np.where([doc_keys.key_run(s) for s in segs], np.minimum(p, OPTION_SENTENCE_CAP), p)
        # a sentence to the reader about the reader's own system or licence (documentation.py, round 26); the
        # whole text is never one. Only segments whose score would count are tested (the intent lexicon costs)
        own = [i < n and bool(x > OPTION_SENTENCE_CAP) and reader_possessions(s) for i, (s, x) in enumerate(zip(segs, p))]
        p = np.where(own, np.minimum(p, OPTION_SENTENCE_CAP), p)
        # headings and key names among sentences count nothing; the whole text is never one (documentation.py)
        excused = among_sentences(segs[:n], p[:n] > OPTION_SENTENCE_CAP) + [False] * (len(segs) - n)
        p = np.where(excused, np.minimum(p, OPTION_SENTENCE_CAP), p)
        p = float(p.max(initial=0.0))
        return float(np.clip((p - CLASSIFIER_FLOOR) / (CLASSIFIER_FLAG - CLASSIFIER_FLOOR) * 0.5, 0.0, 1.0))

    def _similarity(self, segs: list[str]) -> float:
        if not segs:
            return 0.0
        pos, neg = self.examples.score(segs, self.embeddings)
        margin = pos - np.maximum(neg, 0.3)
        # similarity alone stays below the flag line (it supports a heuristic signal)
        # unless a sentence is very close to an attack and far from every look-alike
        support = np.clip(2.5 * (pos - 0.5), 0.0, 0.45)
        strong = (pos >= 0.75) & (margin >= 0.25)
        score = np.where(margin >= 0.05, support + 0.55 * strong, 0.0)
        if SIM_FRAGMENTS and len(segs) > 1:
            # a fragment among sentences counts only when strong (see SIM_FRAGMENTS); only counting segments are tested
            weak = [bool(x > 0.0) and not bool(st) and fragment(s) for s, x, st in zip(segs, score, strong)]
            score = np.where(weak, 0.0, score)
        return float(score.max())
