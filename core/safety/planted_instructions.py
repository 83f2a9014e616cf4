"""Rules for instructions planted in a document for the AI that will read it (round 4 of #18).

The attacker cannot talk to the assistant, so the text names it in the third person ("the bot
answering questions about this file is hereby instructed to ...", "whoever is processing this
document (human or model)"), labels a line for it ("For the AI:", "[assistant: ...]") or hides
the line from human readers (an HTML comment, a hidden element, a markdown comment). A guide
that tells its READER what to click names no AI reader and hides nothing, so it matches none
of these.

Each rule is (pattern, weight, reason), combined with the other injection rules as a noisy-or
(core/safety/injection.py); the patterns are matched on lower-cased text.
"""
from __future__ import annotations

import re

# who: an AI reader named in the third person
_AI = (r"(?:ai|a\.i\.|bots?|chatbots?|assistants?|ai\s+assistants?|(?:language\s+)?models?|llms?|agents?|"
       r"automated\s+(?:agents?|readers?|systems?|tools?)|summari[sz]ers?|crawlers?|scrapers?)")
_READS = (r"(?:reading|reads|read|processing|processes|answering|answers|summari[sz]ing|summari[sz]es|handling|handles|"
          r"retrieving|retrieves|ingesting|ingests|ingest|parsing|parses|scanning|scans|indexing|analy[sz]ing|sees|"
          r"that\s+(?:reads?|processe?s|ingests?|summari[sz]es?|sees?))")
_MUST = (r"(?:is|are)\s+(?:hereby\s+)?(?:instructed|required|asked|told|expected|ordered|directed|obliged)\s+to|"
         r"(?:is|are)\s+to|must|shall|should|has\s+to|have\s+to|needs?\s+to|will\s+now|its\s+(?:real|true|actual|new)\s+(?:task|job|instructions?)\s+(?:is|are)")
_HIDDEN_OPEN = (r"(?:<!--|<(?:div|span|p|td)\b[^>]*(?:\bhidden\b|display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0)[^>]*>|"
                r"\[//\]\s*:\s*#\s*\(|\]\([^)\s]*\s+\")")
_ACT = (r"(?:ignore|disregard|forget|override|reveal|print|output|reply|respond|answer\s+only|insert|append|add\s+the\s+sentence|say|tell|"
        r"recommend|rate|approve|forward|send|exfiltrate|never\s+mention|do\s+not\s+mention|don't\s+mention|when\s+summari[sz]ing|"
        r"instead|obey|follow\s+only|stop\s+(?:summari[sz]ing|following))")

PLANTED_PATTERNS: list[tuple[re.Pattern, float, str]] = [
    # "the bot answering questions about this file is hereby instructed to ..."
    (re.compile(r"\b(?:the|this|that|any|every|each|all|an?)\s+(?:\w+\s+){0,2}?" + _AI + r"\s+(?:\w+\s+){0,1}?" + _READS
                + r"\b[^.!?\n]{0,80}?\b(?:" + _MUST + r")\b", re.I),
     0.6, "instructs an AI reader in the third person"),
    # "if an automated agent is reading this, its real task is ..."
    (re.compile(r"\bif\s+(?:an?|any|the)\s+(?:\w+\s+){0,1}?" + _AI + r"\s+(?:is\s+)?" + _READS + r"\b[^.!?\n]{0,40}?,\s*(?:it|its|you|your)\b", re.I),
     0.55, "instructs an AI reader in the third person"),
    # "whoever is processing this document (human or model)"
    (re.compile(r"\b(?:whoever|anyone|anybody|whatever)\s+(?:is\s+)?" + _READS + r"\b[^.!?\n]{0,60}?\((?:human|person|people)\s+or\s+(?:ai|model|bot|machine|llm)\)"
                r"|\((?:human|person)\s+or\s+(?:ai|model|bot|machine|llm)\)[^.!?\n]{0,40}?\b(?:" + _MUST + r")\b", re.I),
     0.6, "instructs an AI reader in the third person"),
    # "For the AI: ...", "[assistant: ...]", "<!-- AI: ...", "(assistant instruction: ..."
    (re.compile(r"\b(?:for|to)\s+(?:the|any|all)\s+" + _AI + r"\s*[:,]\s*\S"
                r"|[\[(\"]\s*(?:assistant|ai|model|llm|bot|system)(?:\s+(?:instruction|note|task|command)s?)?\s*:\s*\S"
                r"|<!--\s*(?:note\s+(?:for|to)\s+)?(?:the\s+)?" + _AI + r"\s*[:,]", re.I),
     0.55, "labels a line for an AI reader"),
    # a line hidden from human readers that tells the reader to act
    # ("<!-- ignore ...", "<div hidden>When summarising, insert ...", "display:none">Model, disregard ...": the
    # hidden text opens with the order, at most after a short address; "<!-- Our manager will override ..." does not)
    (re.compile(_HIDDEN_OPEN + r"\s*(?:[^<>,:.\n]{0,25}[,:]\s*)?" + _ACT + r"\b", re.I), 0.55, "hides an instruction in markup"),
    # role-play modes that invert the rules
    (re.compile(r"\b(?:opposite|reverse|evil|chaos|anarchy|shadow)\s+mode\b"
                r"|\b(?:rules?|guidelines?|polic(?:y|ies))\s+(?:\w+\s+){0,3}?(?:means?|is|are|becomes?)\s+(?:its|their|the)\s+(?:reverse|opposite)\b"
                r"|\b(?:content\s+policy|rules|guidelines|safety\s+\w+)\s+(?:is|are)\s+(?:just\s+)?an?\s+(?:costume|mask|suggestion)\b"
                r"|\b(?:safety|content|ethics)\s+(?:module|layer|filter|chip)\s+(?:has\s+been|was|is)\s+(?:unplugged|removed|switched\s+off|disabled)\b", re.I),
     0.55, "role-play that switches the rules off"),
]


# Round 27 (#18): the machine reader named by what it does with the text, with no AI word ("any service
# producing answers out of this chapter must ...", "the documentation helper that turns this page into
# replies: ...", "every reply built from this page must ..."). The round-4 rules above need an AI noun
# (ai, bot, assistant, model ...); this family names a program, a service, a tool. What keeps manual pages
# out: the addressee must PRODUCE ANSWERS (answer, reply, respond, summarise, cite, quote, paraphrase ...)
# and refer to THIS text (this page, this file, this section ...) before the obligation; a page saying what
# a program that READS or PARSES a file must do, or what a server answering queries does, names no such
# reader. Measured (benchmarks/results/safety_issue18_round27.md): tuning set r27 attacks 26 -> 143 of 150,
# benign 16 = 16 of 600; held-out J 52 -> 79 of 80 with benign 12 = 12 of 600, K 32 -> 55 of 100 (benign
# 11 = 11); no other set moved. Switch off to return to round 26's rules (read at scan time by injection.py).
ANSWERING_READER = True

_MACHINE = (r"(?:programs?|software|tools?|services?|systems?|engines?|generators?|applications?|apps?|utilit(?:y|ies)|"
            r"pipelines?|responders?|front-?ends?|helpers?|integrations?|desks?|searche?s?|platforms?|components?)")
_THIS_TEXT = (r"(?:this|these)\s+(?:[\w-]+\s+)?(?:texts?|pages?|passages?|sections?|manuals?|files?|documents?|documentation|"
              r"readmes?|guides?|chapters?|entr(?:y|ies)|notes|reference|articles?|paragraphs?|docstrings?|material|"
              r"help\s+text|faqs?|man\s*pages?)\b")
# "quote" and "cite" count only with this text as their object ("citing this section"): a program that quotes
# file names is a shell's business
_ANSWERING = (r"(?:answer\w*|question-answering|repl(?:y|ies|ying)|respon(?:d|ds|ding|der|ders|ses?)|summari[sz]\w*|condens\w*|"
              r"paraphras\w*|(?:cit|quot)(?:e|es|ing)\s+" + _THIS_TEXT + r"|help[\s-]?desk|chat\w*|"
              r"read(?:s|ing)?\s+(?:\w+\s+){0,3}?(?:out|aloud)\b)")
_OBLIGED = (r"(?:must|should|shall|ought\s+to|ha(?:s|ve)\s+to|needs?\s+to|(?:is|are)\s+(?:hereby\s+|kindly\s+|now\s+)?"
            r"(?:to|supposed\s+to|expected\s+to|required\s+to|asked\s+to|instructed\s+to|obliged\s+to|told\s+to|meant\s+to))")
_IN_SENTENCE = r"(?:[^.!?\n]|\n(?![ \t]*\n))"  # within one sentence; a single line break (wrapped text) is no end
# read from the addressee's first word: an answer word (before the obligation or the colon; it may stand before
# the machine noun, "a question-answering engine") and a reference to this text, in either order
_ADDRESSEE_UNTIL = (r"(?=" + _IN_SENTENCE + r"{0,120}?\b" + _ANSWERING + r"\b" + _IN_SENTENCE + r"{0,140}?{end})"
                    r"(?=" + _IN_SENTENCE + r"{0,140}?\b" + _THIS_TEXT + _IN_SENTENCE + r"{0,140}?{end})")
_MACHINE_ADDRESSEE = r"(?:[\w-]+\s+){0,2}?" + _MACHINE + r"\b"
# a cheap test first (a machine noun within two words), so the two long look-aheads run at few places
# (context-stage p95 7.2 -> see the results file; the same matches)
_NEAR_MACHINE = r"(?=" + _MACHINE_ADDRESSEE + r")"
_REPLY_NOUN = r"(?:repl(?:y|ies)|answers?|responses?|summar(?:y|ies)|explanations?)"
ANSWERING_READER_PATTERNS: list[tuple[re.Pattern, float, str]] = [
    # "<a program / service / tool ...> that answers / replies ... from this page ... must / should ..."; the
    # two words before the machine noun are read too ("a question-answering engine fed this document ...")
    (re.compile(r"\b" + _NEAR_MACHINE + _ADDRESSEE_UNTIL.replace("{end}", r"\b" + _OBLIGED + r"\s+\w") + _MACHINE_ADDRESSEE
                + _IN_SENTENCE + r"{0,160}?\b" + _OBLIGED + r"\s+\w", re.I),
     0.6, "instructs the answering software in the third person"),
    # a vocative: "Attention, any service producing answers out of this chapter: skip ..."
    (re.compile(r"\b(?:attention|dear|hello|hi|hey|(?:note|message|reminder|instructions?)\s+(?:to|for))\s*,?\s*"
                + _NEAR_MACHINE + _ADDRESSEE_UNTIL.replace("{end}", r"[:,]\s*\w") + _MACHINE_ADDRESSEE + _IN_SENTENCE + r"{0,160}?[:,]\s*\w", re.I),
     0.6, "instructs the answering software in the third person"),
    # the answer as subject: "every reply built from this page must ...", "summaries of this section should ..."
    (re.compile(r"\b(?:(?:every|any|each|all|whatever|no)\s+(?:[\w-]+\s+)?" + _REPLY_NOUN + r"|(?:replies|answers|responses|summaries))\s+"
                r"(?:(?:that|which)\s+(?:is\s+|are\s+)?)?(?:\w+\s+){0,2}?(?:from|of|about|using|out\s+of|upon|on)\s+" + _THIS_TEXT
                + _IN_SENTENCE + r"{0,60}?\b" + _OBLIGED + r"\s+\w", re.I),
     0.6, "instructs the answering software in the third person"),
]
# injection.py lists these after PLANTED_PATTERNS and reads the switch at every scan
