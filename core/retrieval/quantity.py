"""Quantity questions: "how many / how much / how long / how old / what percentage" want a number.

    asks_for_quantity("How many senators per state?")       # True
    asks_for_quantity("How do I limit how many files it holds?")  # False: it asks for a way
    states_quantity("Each State shall have two Senators.")  # True

If the sentence an extractive answer would quote states no quantity at all (no digit, no
number word), it is not the answer to such a question, however close its words are: the
documents were searched and the number was not where the best passage is. For "how many X",
the quote must also name X: "one supreme Court" is a number, but not a number of justices.

A question can also ask for a measure by its noun: "What is the salary of the President?",
"What is the maximum size of a tar archive?", "Which port does it use by default?", "How big
...". Its answer is a quantity too, and the best quote must state one (#13, eleventh round).
"""
from __future__ import annotations

import re

_ASKS = re.compile(r"\b(how\s+(many|much|long|old)|what\s+(percentage|percent|share|fraction|proportion)|"
                   r"what\s+(number|amount)\s+of)\b", re.IGNORECASE)
_NUMBER_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                 "eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter|third|twice|thrice|"
                 "once|single|double|triple|none|percent|daily|weekly|monthly|yearly|annually|hourly")
# a digit inside a name is not a quantity: "~/.ssh/id_ed25519", "ZIP64", "UTF-8", "SHA-256" (#13 round 11:
# "What is the recommended RSA key size?" was answered by a list of key file names). OFF, with
# abstention.MEASURE_CHECK and for the same measured reason (see there): any digit counts.
NAME_DIGITS_ARE_NOT_QUANTITIES = False
_STATES = re.compile(rf"(?<![\w/])(?<![A-Za-z]-)\d|\b({_NUMBER_WORDS})\b", re.IGNORECASE)
_STATES_ANY_DIGIT = re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.IGNORECASE)
# #13 round 24c: a period in words is a quantity: "Members chosen every second Year" answers "How long is a
# Representative's term?" (it was refused once round 24b dropped the President's "... four Years" beside it).
# False = off
PERIODS = True
_TIME_UNITS = r"(?:second|minute|hour|day|week|month|year|decade|century|centurie)s?"
_PERIOD = re.compile(r"\bevery\s+(?:(?:other|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|"
                     rf"twelfth)\s+)?{_TIME_UNITS}\b", re.IGNORECASE)


_COUNTED = re.compile(r"\bhow\s+many\s+([a-z][\w-]*)", re.IGNORECASE)
# "how many kinds of X" counts X: "Git-jump can generate four types of interesting lists" answers
# "How many kinds of lists can git-jump produce?", which round 10 refused (no quantity of "kinds").
# #13 round 11 (extractive+kinds): dev prose 0.787 -> 0.809 alone, sample and long unchanged. False = round 10
COUNT_THROUGH_KINDS = True
_COUNTED_KINDS = re.compile(r"\bhow\s+many\s+(?:(?:kinds?|types?|sorts?|forms?|categories|category|varieties|variety"
                            r"|classes|class|flavou?rs?)\s+of\s+)?([a-z][\w-]*)", re.IGNORECASE)


_WH = re.compile(r"\b(how|what|which|when|where|who|whom|whose|why)\b", re.IGNORECASE)

# nouns whose value is a quantity, at most three words after the wh-word's "the" ("What is the
# recommended RSA key size ...?"; not across "of", "for" ...: "What is the name of the port?"),
# one without it ("Which file size ...?");
# "option", "flag" ... after one make it a name ("Which port option ...?" asks for an option). Years and "how often" are left out: "every
# second Year" answers them in words no number pattern covers.
MEASURE_NOUNS = ("size|salary|wage|pay|price|cost|fee|length|duration|port|age|limit|capacity|speed|timeout|"
                 "width|height|weight|depth")
_MEASURE = re.compile(
    r"\bhow\s+(big|large|fast|far|wide|tall|high|deep|heavy)\b|"
    r"(what|which)(\s+is|\s+are|'s)?(\s+the(\s+(?!(of|for|in|on|to|by|with|from|does|do|is|are)\b)[\w-]+){0,3}?"
    rf"|\s+[\w-]+)?\s+({MEASURE_NOUNS})s?\b"
    r"(?!\s+(option|flag|setting|argument|command|variable|parameter|name|field|keyword|format|unit|type)s?\b)|"
    r"(what|which)(\s+is|\s+are|'s)?\s+the\s+(maximum|minimum|largest|smallest)\b", re.IGNORECASE)


def asks_for_quantity(question: str) -> bool:
    """The question's own wh-word is the quantity phrase: "How do I limit how many files it
    holds?" asks for a way, not a number ("how many" is inside what it asks about)."""
    first = _WH.search(question)
    return bool(first and _ASKS.match(question, first.start()))


def asks_for_measure(question: str) -> bool:
    """The question's own wh-word asks for a measure named by its noun ("What is the maximum
    upload size?", "Which port ...?", "How big ...?"); how-many questions are `asks_for_quantity`."""
    first = _WH.search(question)
    return bool(first and _MEASURE.match(question, first.start())) and not asks_for_quantity(question)


# session 38: a how-many question counts the head of its noun phrase, not its first word: "How many CPU threads does
# gzip use?" counts threads (a quote about "the percentage of CPU used ... zero" named "CPU" and passed). False = off
COUNTED_HEAD = False
# what ends the counted noun phrase: a verb of the question, a preposition, a wh-word, an article
_PHRASE_ENDS = frozenset(("do does did is are was were be been can could will would should shall may might must has have "
                          "had of for in on to by with from per at that which who whom whose when where before after "
                          "if a an the it its there than as or and").split())


def counted_thing(question: str) -> str | None:
    """What a how-many question counts: "How many justices sit ..." -> "justices"; "How many
    kinds of lists ..." -> "lists"; with COUNTED_HEAD, "How many CPU threads does ..." -> "threads"."""
    m = (_COUNTED_KINDS if COUNT_THROUGH_KINDS else _COUNTED).search(question)
    if not m:
        return None
    if not COUNTED_HEAD:
        return m.group(1).lower()
    # the head is the phrase's first plural ("CPU threads", "open files"); a phrase without one counts its first word
    # ("How many people live ...": "live" is a verb, and a verb looks like any other word here)
    phrase = [m.group(1).lower()]
    for word in re.findall(r"[A-Za-z][\w'-]*", question[m.end():])[:2]:  # at most three words
        if word.lower() in _PHRASE_ENDS or _plural(phrase[-1]):
            break
        phrase.append(word.lower())
    return next((w for w in phrase if _plural(w)), phrase[0])


def _plural(word: str) -> bool:
    return (word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3) or word in _PLURALS


_PLURALS = frozenset("people children men women data criteria media feet teeth mice geese".split())


def mentions_thing(thing: str, text: str) -> bool:
    """Whether `text` names the counted thing, tolerant of number and suffix ("levels" / "level",
    "dimensions" / "384-dimensional"): a word sharing all but its last 3 letters (at least 4)."""
    stem = thing[: max(4, len(thing) - 3)]
    return any(w.startswith(stem) for w in re.findall(r"[a-z][\w-]*", text.lower().replace("-", " ")))


def states_quantity(text: str) -> bool:
    return bool((_STATES if NAME_DIGITS_ARE_NOT_QUANTITIES else _STATES_ANY_DIGIT).search(text)) \
        or bool(PERIODS and _PERIOD.search(text))
