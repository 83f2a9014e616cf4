"""Quantity questions: "how many / how much / how long / how old / what percentage" want a number.

    asks_for_quantity("How many senators per state?")       # True
    states_quantity("Each State shall have two Senators.")  # True

If the sentence an extractive answer would quote states no quantity at all (no digit, no
number word), it is not the answer to such a question, however close its words are: the
documents were searched and the number was not where the best passage is.
"""
from __future__ import annotations

import re

_ASKS = re.compile(r"\b(how\s+(many|much|long|old)|what\s+(percentage|percent|share|fraction|proportion)|"
                   r"what\s+(number|amount)\s+of)\b", re.IGNORECASE)
_NUMBER_WORDS = ("zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                 "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
                 "eighty|ninety|hundred|thousand|million|billion|dozen|half|quarter|third|twice|thrice|"
                 "once|single|double|triple|none|percent|daily|weekly|monthly|yearly|annually|hourly")
_STATES = re.compile(rf"\d|\b({_NUMBER_WORDS})\b", re.IGNORECASE)


def asks_for_quantity(question: str) -> bool:
    return bool(_ASKS.search(question))


def states_quantity(text: str) -> bool:
    return bool(_STATES.search(text))
