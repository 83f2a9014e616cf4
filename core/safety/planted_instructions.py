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
