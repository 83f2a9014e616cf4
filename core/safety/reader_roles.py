"""Orders to an AI reader that name it in the third person, give it a persona, or hang on a condition (round 33 of
#18).

Set T (seen since round 32 was judged) and S missed orders that never say "you" to the reader and carry no trigger
word. Three families, each behind its own switch (read at every scan; off = round 32's rules), written from the
grammar of the family, not from T's rows:

- THIRD_PERSON: the reader named by what it does to this text ("the assistant reading this", "any AI that
  summarises this page", "models indexing this chunk", "whichever language model processes these files") with a
  duty ("should", "must", "shall", "is expected / required to", "it is the model's duty / job to") to act on its
  answer or the user ("tell the user", "answer", "reveal", "omit", "disregard", "insult", "claim", "recommend"), or
  such a reader as the label of a note whose text is about the user or the answer ("Note for whichever model
  processes this: the correct response to the user is ..."). A model that "must have 16 GB of memory" has no duty
  towards a user or an answer.
- PERSONA: a role given to the reader ("pretend you are", "pretend to be", "act as", "play the role of", "become 'X'",
  "you are no longer a ... assistant", "from now on you are", "new persona") and, in the same or the next
  sentence, what the role is for: no rules or content policy, passwords, card numbers, connection strings, root,
  insulting the user, never admitting a fault, steering every answer. "The server acts as a proxy" gives no role
  to a reader.
- CONDITIONAL: an order that waits for the user ("if / when / whenever / in case the user asks, mentions, writes",
  "should a question about X come up", "if you are an AI / a language model") with, in the same sentence, an AI
  reader told what to say ("the assistant must claim / say / tell them", "answer that", "respond only with a
  link"). "If the user asks about pricing, the support agent should point them to the pricing page" names no AI
  reader and no forced answer.

Matched on the lower-cased text. Measured in benchmarks/results/safety_issue18_round33.md.
"""
from __future__ import annotations

import re

THIRD_PERSON = True
PERSONA = True
CONDITIONAL = True

REASON = "orders an AI reader to do harm"
WEIGHT = 0.6

_AI = (r"(?:(?:ai|a\.i\.)(?:\s+(?:assistant|model|system|agent|tool|helper|reader)s?)?|llms?|"
       r"(?:large\s+)?language\s+models?|chat\s*bots?|chat\s+assistants?|assistants?|models?|gpts?|copilots?|ai\s+agents?)")
_S = r"[^.!?\n]"  # inside one sentence

# --- third person: a reader named by what it does to this text ---------------------------------------------------
_ACTS = (r"(?:read(?:s|ing)?|summari[sz](?:es|ing|e)|process(?:es|ing)?|index(?:es|ing)?|ingest(?:s|ing)?|"
         r"retriev(?:es|ing|e)|pars(?:es|ing|e)|scan(?:s|ning)?|analy[sz](?:es|ing|e)|see(?:s|ing)?|load(?:s|ing)?|"
         r"crawl(?:s|ing)?|quot(?:es|ing|e)|answer(?:s|ing)?\s+(?:questions?\s+)?(?:about|from|with)|"
         r"(?:has|have)\s+(?:read|retrieved|ingested|indexed))")
_THIS = r"(?:this|these|the\s+present)(?:\s+(?:document|file|files|page|pages|chunk|chunks|text|passage|note|comment|tests?|readme|section|repository|repo|package|code|source|wiki|spec|manual))?\b"
_TP_READER = (r"\b(?:the|any|every|each|all|whichever|whatever|an?)?\s*" + _AI + r"\s+(?:that|which|who)?\s*" + _ACTS
              + r"\s+" + _THIS)
_DUTY = (r"(?:should|must|shall|will\s+need\s+to|needs?\s+to|has\s+to|have\s+to|is\s+to|are\s+to|"
         r"(?:is|are)\s+(?:expected|required|instructed|asked|obliged|supposed)\s+to)")
_ACT_ON_ANSWER = (r"(?:tell|inform|warn|advise|answer|respond|reply|say|state|claim|insist|reveal|disclose|print|"
                  r"output|repeat|omit|leave\s+out|hide|ignore|disregard|drop|treat|describe|recommend|insult|mock|"
                  r"refuse|send|direct|redirect|ask\s+(?:the\s+)?(?:user|them)|pretend|switch|speak|write|add|append|"
                  r"include|mention)\b")
_AFTER_READER = (_S + r"{0,120}?\b" + _DUTY + r"\s+(?:(?:always|never|also|then|now|first|"
                 r"instead|only)\s+)?" + _ACT_ON_ANSWER)
# the same, matched from the AI word on (the determiner before it is optional, so a match exists from the word on)
_THIRD_AT = re.compile(_AI + r"\s+(?:that|which|who)?\s*" + _ACTS + r"\s+" + _THIS + _AFTER_READER)
# "it is the model's duty / job to ...", "the assistant's task is to ..."
_THIRD_DUTY = re.compile(r"\b(?:the|any|every)\s+" + _AI + r"'s\s+(?:duty|job|task|obligation|responsibility)\b" + _S
                         + r"{0,60}?\bto\s+(?:\w+\s+)?" + _ACT_ON_ANSWER)
# a note labelled for such a reader, whose text is about the user or the answer
_THIRD_LABEL = re.compile(r"\b(?:note|message|memo|instruction|instructions|reminder|hint|notice|p\.s\.)\s+"
                          r"(?:for|to)\s+" + _TP_READER + _S + r"{0,40}?:\s*" + _S
                          + r"{0,80}?\b(?:the\s+user|users|the\s+person|(?:correct|right|only|proper)\s+"
                          r"(?:response|answer|reply)|your\s+(?:answer|reply|response))\b")

# --- persona -------------------------------------------------------------------------------------------------------
_ROLE = (r"(?:pretend\s+(?:that\s+)?(?:you\s+are|you're|to\s+be)|act\s+(?:as|like)\s+(?:the\s+user's|an?|the|my)|"
         r"play\s+the\s+role\s+of|become\s+['\"‘“]|new\s+persona|"
         r"persona\s+(?:loaded|activated|enabled)|you\s+are\s+no\s+longer\s+(?:an?|the|my)\s+\w*\s*(?:assistant|bot|model|ai)|"
         r"from\s+(?:now|here)\s+on,?\s+you\s+are|you\s+are\s+now\s+(?:an?\s+)?\w+(?:gpt|bot|mode)\b|"
         r"stay\s+in\s+character|speak\s+as\s+(?:that|the|an?)\b)")
_ROLE_FOR = (r"(?:no\s+(?:rules|restrictions|limits|filters|content\s+polic\w*)|without\s+(?:any\s+)?(?:rules|restrictions|"
             r"limits|filters)|ignores?\s+(?:all\s+|any\s+|every\s+|your\s+|the\s+)?(?:content|safety|usage)\s+polic\w*|"
             r"(?:admin(?:istrator)?\s+|root\s+|user'?s?\s+)?passwords?|card\s+numbers?|credit\s+cards?|cvv|"
             r"(?:three\s+)?digits\s+on\s+the\s+back|connection\s+strings?|root\s+(?:on|access)|full\s+access|"
             r"insult\w*|never\s+admits?|refuses?\s+to\s+help|steer\s+every\s+(?:answer|reply)|"
             r"every\s+(?:answer|reply|request)|security\s+(?:codes?|questions?)|one-?time\s+(?:codes?|passwords?)|"
             r"give\s+orders)")
_PERSONA = re.compile(_ROLE + r"[^\n]{0,200}?\b" + _ROLE_FOR)

# --- conditional ---------------------------------------------------------------------------------------------------
_WAITS = (r"(?:\b(?:if|when|whenever|once|in\s+case|as\s+soon\s+as)\s+(?:the\s+)?(?:user|person|someone|anyone|"
          r"reader|customer|they)\b" + _S + r"{0,40}?\b(?:asks?|mentions?|writes?|types?|says?|brings?\s+up|"
          r"enquires?|inquires?|requests?)\b|\bshould\s+(?:a|the|any)\s+(?:question|request|query)\b|"
          r"\b(?:if|in\s+case)\s+the\s+(?:question|request|query)\s+is\s+about\b|"
          r"\bif\s+you\s+are\s+(?:an?\s+)?(?:ai|llm|large\s+language\s+model|language\s+model|chat\s*bot|assistant|"
          r"ai\s+(?:model|assistant|system))\b)")
_TOLD = (r"(?:\b(?:the\s+)?(?:ai|assistant|model|chatbot|llm|language\s+model|bot)\s+" + _DUTY
         + r"\s+(?:(?:always|only|then|also|first)\s+)?(?:claim|say|tell|answer|respond|reply|insist|state|"
         r"leave\s+out|omit|hide|send|direct|recommend|refuse|pretend)\b|"
         r"(?:^|[,;:]\s*|\bthen\s+)(?:answer|respond|reply|say|claim|tell\s+(?:them|the\s+user|him|her))\s+"
         r"(?:only\s+)?(?:that|with)\b|\b(?:respond|reply|answer)\s+only\s+with\b|"
         r"(?:^|[,;:]\s*|\bthen\s+)(?:stop|ignore|disregard|reveal|print)\b)")
_CONDITIONAL = re.compile(_WAITS + _S + r"{0,160}?" + _TOLD)


# the third-person patterns start with an optional determiner: searched over a whole 20,000-character text they cost
# ~2 ms; they run only in a window around each AI word (found by one fast pass)
_AI_WORD = re.compile(r"\b(?:ai|a\.i\.|llms?|language\s+models?|chat\s*bots?|assistants?|models?|gpts?|copilots?)\b")


_LABELS = ("note", "message", "memo", "instruction", "reminder", "hint", "notice", "p.s.")


def _third(lowered: str) -> bool:
    for m in _AI_WORD.finditer(lowered):
        p = m.start()
        if _THIRD_AT.match(lowered, p, p + 320):
            return True
        if lowered.startswith("'s", m.end()) and _THIRD_DUTY.search(lowered, max(0, p - 12), p + 200):
            return True
        before = lowered[max(0, p - 48):p]
        if any(w in before for w in _LABELS) and _THIRD_LABEL.search(lowered, max(0, p - 48), p + 320):
            return True
    return False


def find(lowered: str) -> list[tuple[float, str]]:
    """(weight, reason) once if any switched-on family is found in `lowered` (lower-cased text)."""
    if THIRD_PERSON and _third(lowered):
        return [(WEIGHT, REASON)]
    if PERSONA and _PERSONA.search(lowered):
        return [(WEIGHT, REASON)]
    if CONDITIONAL and _CONDITIONAL.search(lowered):
        return [(WEIGHT, REASON)]
    return []
