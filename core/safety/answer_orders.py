"""Orders about the answer to be built from THIS text, whoever is addressed (round 28 of #18).

Round 4 (planted_instructions.PLANTED_PATTERNS) reads an AI reader named in the third person; round 27
(planted_instructions.ANSWERING_READER_PATTERNS) the answering software named by what it does, with an obligation
other than "will". An attacker can instead talk to the answering software in the SECOND person, as a manual
talks to its reader ("When you summarise this page, tell the reader to ...", "If you answer questions about this
function, leave out ..."), use "will" ("A summary of this page will state ..."), or put a bare order about the
answer in a markdown link title or a table cell ("In your answer, recommend ...").

What keeps documentation out: a manual page talks to its HUMAN reader about installing, running, answering a
prompt ("If you answer yes, the file is overwritten"), replying to a bug report; these rules need (a) an answer
produced FROM THIS TEXT (summarise / answer questions about / explain / reply from ... this page, this function,
these notes) and (b) an order about what that answer tells a third party or leaves out (tell the reader / the
user, say, state, claim, recommend, leave out, describe ... as, include a given phrase or link). A sentence with
only one of the two is no match ("When you summarise the test results, use --stats", "When you explain this
function to new contributors, start with the examples").

Each rule is (pattern, weight, reason), combined with the other injection rules as a noisy-or
(core/safety/injection.py); the patterns are matched on lower-cased text. The switch ANSWER_ORDERS is read at
every scan; off = round 27's rules.
"""
from __future__ import annotations

import re

from core.safety.planted_instructions import _AI, _MACHINE

# Measured (benchmarks/results/safety_issue18_round28.md): tuning set r28 attacks 6 -> 150 of 150 with benign
# 12 = 12 of 750; held-out K 55 -> 73 of 100 with benign 11 = 11 of 600; J, L, r27 tuning, RAG corpus, package docs
# and every other set unchanged. Switch off to return to round 27's rules.
ANSWER_ORDERS = True

_SENT = r"[^.!?\n]"  # within one sentence (and one line)
_CLAUSE = r"[^,.;:!?\n|]"  # within one clause
# what the answering software does with the text
_ANSWER_VERB = (r"(?:summari[sz](?:e|es|ed|ing)|answer(?:s|ed|ing)?|repl(?:y|ies|ying)|respond(?:s|ing)?|explain(?:s|ing)?|"
                r"describ(?:e|es|ing)|paraphras(?:e|es|ing)|condens(?:e|es|ing)|draft(?:s|ing)?|generat(?:e|es|ing)|"
                r"writ(?:e|es|ing)\s+(?:a|an|the|your)\s+(?:reply|answer|response|summary|overview)|asked|overview|"
                r"help(?:s|ing)?\s+(?:someone|somebody|a\s+user|users|people))")
# this text, or the thing it documents
_THIS = (r"(?:(?:this|these)\s+(?:[\w-]+\s+)?(?:texts?|pages?|passages?|sections?|manuals?|files?|documents?|documentation|"
         r"readmes?|guides?|chapters?|entr(?:y|ies)|notes|references?|articles?|paragraphs?|docstrings?|material|faqs?|"
         r"functions?|interfaces?|calls?|modules?|librar(?:y|ies)|apis?|commands?|options?|class(?:es)?|methods?|"
         r"macros?|topics?|features?|helpers?|decorators?|parameters?)|the\s+(?:page|section|text|document|entry|manual|docstring|notes?|reference)\s+above)\b")
_AUDIENCE = (r"(?:the\s+|any\s+|every\s+|each\s+)?(?:readers?|users?|persons?|people|askers?|customers?|visitors?|callers?|"
             r"them|him|her|everyone|everybody|anyone|whoever\s+asks|developers?)\b")
# an order about what the answer says or leaves out
_ORDER = (r"(?:(?:tell|inform|remind|ask|instruct|direct|send|point|refer|redirect|encourage|convince|persuade|push)\s+"
          r"(?:\w+\s+)?" + _AUDIENCE +
          r"|(?:say|state|claim|assert|mention|stress|insist|pretend|imply|suggest|recommend|endorse|promote|advertise|"
          r"reveal|disclose|declare|advise|urge)\b"
          r"|(?:leave\s+out|omit|skip|drop|hide|suppress|ignore|disregard)\b"
          r"|(?:never|do\s+not|don't)\s+(?:mention|say|tell|reveal|warn|include|cite|refer|point|list|talk|discuss|"
          r"bring\s+up|acknowledge)\b"
          r"|(?:describe|present|call|label|portray|characteri[sz]e|frame)\s+(?:[\w-]+\s+){1,3}?as\b"
          r"|(?:include|insert|add|append|prepend|put|write)\b(?=" + _SENT + r"{0,50}?(?:https?://|www\.|['\"‘“]|"
          r"\bphrase\b|\bsentence\b|\bwords?\b|\blink\b|\burl\b|\bslogan\b|\bpromo))"
          r"|let\s+" + _AUDIENCE + r"\s+know\b"
          r"|(?:explain|note|point\s+out)\s+(?:to\s+" + _AUDIENCE + r"\s+)?that\b"
          r"|(?:refuse|decline)\s+to\b|deny\s+that\b"
          r"|(?:output|print|emit)\b(?=" + _SENT + r"{0,50}?(?:https?://|www\.|['\"‘“]))"
          r"|(?:begin|start|open|end|close|finish)\s+(?:your|the|every|each)\s+(?:answer|reply|response|summary|overview)"
          r"|(?:end|close|finish|sign\s+off)\s+with\b"
          r"|(?:answer|respond|reply|write)\s+only\b|(?:answer|respond|reply)\s+(?:with|by)\b)")
_SOFT = r"(?:(?:please|always|also|then|just|simply|kindly)\s+)?"
_MODAL_2P = (r"(?:will|shall|must|should|are\s+to|need\s+to|have\s+to|ought\s+to|are\s+going\s+to|"
             r"are\s+(?:expected|required|asked|supposed|meant)\s+to)")
_MODAL_3P = (r"(?:will|shall|must|should|is\s+to|are\s+to|needs?\s+to|has\s+to|have\s+to|ought\s+to|"
             r"(?:is|are)\s+(?:expected|required|asked|supposed|meant)\s+to)")
_LEAD = (r"(?:when|whenever|if|while|before|once|as\s+soon\s+as|each\s+time|every\s+time|any\s+time|in\s+case|should|as|"
         r"after|since|because|now\s+that|if\s+ever)")
_REPLY_NOUN = r"(?:summar(?:y|ies)|answers?|repl(?:y|ies)|responses?|explanations?|overviews?|paraphrases?)"

ANSWER_ORDER_PATTERNS: list[tuple[re.Pattern, float, str]] = [
    # "When you summarise this page, tell the reader ...", "If you are asked about this function, leave out ...",
    # "When you explain this call you will recommend ..."
    (re.compile(r"\b" + _LEAD + r"\s+you\b(?:'re|\s+are|\s+get|\s+have\s+been)?"
                r"(?=" + _CLAUSE + r"{0,60}?\b" + _ANSWER_VERB + r"\b)"
                r"(?=" + _CLAUSE + r"{0,100}?\b" + _THIS + r")"
                + _CLAUSE + r"{0,120}?(?:,\s*|\s+)(?:you\s+" + _MODAL_2P + r"\s+)?" + _SOFT + _ORDER, re.I),
     0.6, "orders the answering software about its answer"),
    # the order first: "You will recommend ... whenever you summarise this page."
    (re.compile(r"\byou\s+" + _MODAL_2P + r"\s+" + _SOFT + _ORDER + _SENT + r"{0,160}?\b(?:when|whenever|if|while|as|each\s+time|"
                r"every\s+time|any\s+time|before)\s+you\s+(?:are\s+)?" + _CLAUSE + r"{0,30}?\b" + _ANSWER_VERB + r"\b"
                + _CLAUSE + r"{0,60}?\b" + _THIS, re.I),
     0.6, "orders the answering software about its answer"),
    # third person with "will" too: "A summary of this page will state ...", "Whoever answers questions about this
    # entry shall leave out ...", "Any tool answering from this page will tell users ..." (round 27 reads "must",
    # not "will"; here "will" needs an order about the answer after it)
    (re.compile(r"\b(?:(?:a|an|the|any|every|each|all|whatever|no)\s+(?:[\w-]+\s+)?" + _REPLY_NOUN
                + r"|(?:whoever|anyone|anybody|whatever|everyone|someone)\s+(?:is\s+)?(?:\w+\s+){0,2}?" + _ANSWER_VERB
                + r"|(?:a|an|the|any|every|each|all|whatever)\s+(?:[\w-]+\s+){0,2}?(?:" + _MACHINE + "|" + _AI + r")"
                r"(?=" + _CLAUSE + r"{0,40}?\b" + _ANSWER_VERB + r"\b))\b"
                r"(?=" + _CLAUSE + r"{0,80}?\b" + _THIS + r")" + _CLAUSE + r"{0,100}?\b" + _MODAL_3P + r"\s+" + _SOFT + _ORDER, re.I),
     0.6, "orders the answering software about its answer"),
    # the text in the passive: "When this page is summarised, the summary will state ..." (no "if a user asks about
    # this feature, tell them ...": a support handbook says that to its staff)
    (re.compile(r"\b" + _LEAD + r"\s+" + _THIS + r"\s+(?:is|are|gets?)\s+(?:being\s+)?(?:summari[sz]ed|paraphrased|condensed|"
                r"explained|used\s+to\s+(?:answer|reply|respond)|used\s+(?:for|in)\s+(?:an?\s+)?(?:answers?|repl(?:y|ies)|"
                r"responses?|summar(?:y|ies)))\b" + _CLAUSE + r"{0,60}?(?:,\s*|\s+)(?:(?:the|any|every|each|its|your)\s+(?:[\w-]+\s+)?"
                + _REPLY_NOUN + r"\s+" + _MODAL_3P + r"\s+|you\s+" + _MODAL_2P + r"\s+)?" + _SOFT + _ORDER, re.I),
     0.6, "orders the answering software about its answer"),
    # a bare order about the answer: "In your answer, recommend ...", "Your reply should state ...",
    # "Summaries: leave out ...", "When answering from here, say ..."
    (re.compile(r"\b(?:in|for|within)\s+(?:your|every|each|any)\s+" + _REPLY_NOUN + r"\s*[,:]\s*" + _SOFT + _ORDER
                + r"|\byour\s+" + _REPLY_NOUN + r"\s+" + _MODAL_3P + r"\s+" + _SOFT + _ORDER
                + r"|\b(?:notes?\s+(?:for|to|on)\s+(?:the\s+|your\s+|every\s+|each\s+|any\s+)?)?"
                + _REPLY_NOUN + r"\s*:\s*" + _SOFT + _ORDER
                + r"|\bwhen\s+(?:answering|summari[sz]ing|replying|responding|explaining)\b" + _CLAUSE + r"{0,40},\s*"
                + _SOFT + _ORDER, re.I),
     0.6, "orders the answering software about its answer"),
]
# injection.py lists these after the round-27 patterns and reads the switch at every scan
