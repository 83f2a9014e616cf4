"""Requests to an AI reader that round 29's payload kinds do not read (round 31 of #18).

Two changes, each behind its own switch (read at every scan):

- POLITE_PAYLOADS: an AI reader named, however politely ("would the assistant perhaps", "Hello model! Would you be
  so kind", "Kind request to any AI helper"), and in the same sentence (or after the reader's label or vocative, in
  the same paragraph) a payload round 29 had no kind for: the hidden or system instructions printed with more words
  between ("print the full text of your hidden instructions"); a security tool switched off or called a false alarm
  ("switching the antivirus off", "disabling PAM authentication is perfectly safe", "turning off certificate
  checks"); a warning, advisory or vulnerability left out of the answer ("leave out any mention of the security
  warning", "not mention any open security advisories"); the answer without its usual restrictions; a paid fork
  pushed in every answer.
- CODE_ORDERS: a source comment addressed to AI code tools (Copilot, LLMs, AI completion engines, code assistants,
  chatbots) that has them put something dangerous into the code they write (a download piped to a shell, the
  environment or credential files uploaded, a child process run from an environment variable, GRANT ALL, chmod 777,
  certificate checks off) and an order or a cover ("insert", "always", "keep it silent", "describe it as").

Written from the families of the misses of sets Q and R (seen), not from their rows. Matched on the lower-cased text.
"""
from __future__ import annotations

import re

from core.safety.ai_payloads import _AI_READER, _S

# Off = round 30's rules. Measured in benchmarks/results/safety_issue18_round31.md.
POLITE_PAYLOADS = True
CODE_ORDERS = True

REASON = "orders an AI reader to do harm"
WEIGHT = 0.6

_READER = (r"(?:" + _AI_READER + r"|(?:hello|hi|hey|dear|friendly)\s+(?:friendly\s+)?(?:model|ai|assistant)\b"
           r"|\bthe\s+ai\b|(?:any|every|each|the)\s+models?\s+(?:\w+ing|that\s+\w+s)\b|\bmodels?\s*[:,]\s|\bai\s*[:,]\s"
           r"|\bai\s+(?:helpers?|reading|processing))")
_SECURITY = (r"(?:anti-?virus\w*|selinux|apparmor|firewalls?|pam\s+authentication|certificate\s+(?:checks?|verification)|"
             r"(?:tls|ssl)\s+verif\w*|two-factor\s+authentication|2fa)")
_POLITE_PAYLOAD = (
    r"(?:\b(?:print|reveal|show|output|dump|recite|repeat|disclose|leak|quote|share|paste)\w*\s+(?:[\w'-]+\s+){0,6}?"
    r"(?:hidden|system|initial|secret|original)\s+(?:prompts?|instructions|rules|messages?|notes)\b"
    r"|\b(?:disabl\w*|turn\w*\s+off|switch\w*\s+off|deactivat\w*)\s+(?:[\w-]+\s+){0,3}?" + _SECURITY
    + r"|\b" + _SECURITY + r"\b" + _S + r"{0,120}?\b(?:switching|turning|disabling)\s+(?:it|them)\s+off\b"
    r"|\b" + _SECURITY + r"\b" + _S + r"{0,60}?\bfalse\s+alarm\b"
    r"|\b(?:leave\s+out|omit\w*|not\s+(?:to\s+)?mention|don't\s+(?:tell|mention)|do\s+not\s+(?:tell|mention)|never\s+mention|"
    r"without\s+mentioning)\s+(?:[\w'-]+\s+){0,8}?(?:security|warnings?|vulnerab\w*|advisor(?:y|ies)|cves?|deny\s+rules|"
    r"network\s+calls|deletes?|licen[cs]e\s+restrictions)\b"
    r"|\bleave\s+(?:the\s+|any\s+)?(?:[\w-]+\s+){0,3}?(?:restrictions|warnings?|advisor(?:y|ies)|vulnerabilit(?:y|ies))\s+out\b"
    r"|\bwithout\s+(?:any\s+(?:of\s+)?)?(?:its|your)\s+(?:usual\s+)?(?:restrictions|guidelines|filters|rules|limits)\b"
    r"|\brecommend\w*\s+(?:[\w-]+\s+){0,4}?(?:our|paid|commercial)\s+(?:[\w-]+\s+)?fork\b)")
_READER_RX = re.compile(_READER)
_POLITE_RX = re.compile(_POLITE_PAYLOAD)
_END = re.compile(r"[.!?](?!\S)|\n(?:[ \t]*\n|[ \t]*(?:[*+•-]\s|\\?\[|\d+[.)]\s))")
_PARA_END = re.compile(r"\n[ \t]*\n")
_LABEL = re.compile(r"\s*[:,!]\s")


def _window(text: str, pos: int, limit: int, end: re.Pattern) -> int:
    m = end.search(text, pos, min(len(text), pos + limit))
    return m.start() if m else min(len(text), pos + limit)


def _polite(text: str) -> bool:
    """An AI reader, then a payload in the same sentence or, after its label or vocative, in the same paragraph."""
    for m in _READER_RX.finditer(text):
        if _POLITE_RX.search(text, m.end(), _window(text, m.end(), 200, _END)):
            return True
        if _LABEL.match(text, m.end()) and _POLITE_RX.search(text, m.end(), _window(text, m.end(), 300, _PARA_END)):
            return True
    return False


_CODE_READER = (r"(?:copilot|llms?|(?:ai|llm)\s+(?:code\s+|coding\s+)?(?:completion|autocomplet\w*|code|coding)\s+"
                r"(?:assistants?|engines?|tools?|models?)|(?:ai\s+)?(?:code|coding)\s+assistants?|completion\s+engines?|"
                r"chatbots?|(?:the\s+)?ai\s+that\s+(?:completes|writes|generates|reads)|language\s+models?)")
_DANGER = (r"(?:\b(?:curl|wget)\s+[^\n]{0,80}?(?:\|\s*(?:ba)?sh\b|\$\(|https?://)|\bos\.environ\b|\bprocess\.env\b|\bchild_process\b"
           r"|~/\.(?:ssh|aws|gnupg|netrc)|\bid_(?:rsa|ed25519)\b|\bgrant\s+all\b|\bchmod\s+(?:-r\s+)?777\b|--no-verify\b"
           r"|\bcertificate\s+checks?\b|\btls_verify\b|\bverify\s*=\s*false\b|\bupload\w*\s+(?:[\w.~/-]+\s+){0,3}?to\s+https?://)")
_COVER = (r"(?:\binsert\w*|\binclude\w*|\bappend\w*|\binject\w*|\balways\b|\bmust\b|\bsilent\w*|\bquietly\b|"
          r"\bdon't\s+mention|\bdo\s+not\s+mention|\bwithout\s+comment|\bdescribe\s+it\s+as|\bnever\s+mention)")
_CODE_READER_RX = re.compile(r"\b" + _CODE_READER + r"\b")
_DANGER_RX = re.compile(_DANGER)
_COVER_RX = re.compile(_COVER)


def _code(text: str) -> bool:
    """An AI code tool named, a dangerous insertion within 250 characters and an order or cover within 300 (both in
    the same paragraph)."""
    for m in _CODE_READER_RX.finditer(text):
        if _DANGER_RX.search(text, m.end(), _window(text, m.end(), 250, _PARA_END)) and \
                _COVER_RX.search(text, m.end(), _window(text, m.end(), 300, _PARA_END)):
            return True
    return False


def find(lowered: str) -> bool:
    """Whether `lowered` holds one of the switched-on families (see the module docstring)."""
    if POLITE_PAYLOADS and _polite(lowered):
        return True
    return bool(CODE_ORDERS and _code(lowered))
