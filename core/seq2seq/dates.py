"""Date-normalisation data: English dates as people write them -> ISO 8601 (2021-03-03).

Two families of surface forms, fixed before any training run:

TRAINED_FORMS are the only ones training ever generates. HELDOUT_FORMS are never
generated in training; they recombine the same words in arrangements, casings and
prefixes the model has not seen, and measure whether it learned the task rather than the
templates. The dates themselves are split too: `heldout_dates()` (a fixed seeded sample)
never appears in training in any form, so every evaluation date is new to the model.

Numeric day-first / month-first forms (03/04/2021) are out of scope: they are ambiguous
(3 April or March 4?), so only year-first numeric forms are used.
"""
from __future__ import annotations

import calendar
import datetime as dt
import random
from collections.abc import Callable, Iterator

FIRST_YEAR, LAST_YEAR = 1900, 2099
MONTHS = list(calendar.month_name)[1:]
WEEKDAYS = list(calendar.day_name)  # Monday first, as date.weekday()
N_HELDOUT_DATES = 2000
HELDOUT_SEED = 20_261_130  # the evaluation dates; training excludes them


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _case(word: str, rng: random.Random) -> str:
    """Trained casings: lower, Title, UPPER."""
    return rng.choice([word.lower(), word.title(), word.upper()])


def _month(d: dt.date, rng: random.Random) -> str:
    name = MONTHS[d.month - 1]
    form = rng.random()
    if form < 0.5:
        word = name
    elif form < 0.85:
        word = name[:3]
    else:
        word = name[:3] + "."  # "Mar."
    return _case(word, rng) if word[-1] != "." else _case(word[:-1], rng) + "."


def _weekday(d: dt.date, rng: random.Random, p: float = 0.35) -> str:
    """An optional (correct) weekday prefix: "Wednesday, ", "Wed ", "wed, " ..."""
    if rng.random() >= p:
        return ""
    name = WEEKDAYS[d.weekday()]
    word = _case(name if rng.random() < 0.6 else name[:3], rng)
    return word + rng.choice([", ", " "])


def _day(d: dt.date, rng: random.Random) -> str:
    """A day number: 3, 03 or 3rd."""
    r = rng.random()
    return ordinal(d.day) if r < 0.3 else (f"{d.day:02d}" if r < 0.45 else str(d.day))


# ---------------------------------------------------------------- trained surface forms
def day_month_year(d, rng):  # 3 March 2021 · Wed, 03 mar. 2021 · 3rd MARCH, 2021
    comma = rng.choice(["", ","])
    return f"{_weekday(d, rng)}{_day(d, rng)} {_month(d, rng)}{comma} {d.year}"


def the_day_of_month(d, rng):  # the 3rd of March 2021 · Wednesday, the 3rd of mar, 2021
    the = rng.choice(["the", "The", "THE"])
    of = "OF" if the == "THE" else "of"
    comma = rng.choice(["", ","])
    return f"{_weekday(d, rng)}{the} {ordinal(d.day)} {of} {_month(d, rng)}{comma} {d.year}"


def month_day_year(d, rng):  # March 3, 2021 · mar 3rd 2021 · Wednesday, March 03, 2021
    comma = rng.choice([",", ",", ""])
    return f"{_weekday(d, rng)}{_month(d, rng)} {_day(d, rng)}{comma} {d.year}"


def year_first_numeric(d, rng):  # 2021-03-03 · 2021/03/03 · 2021/3/3
    sep = rng.choice(["-", "/"])
    if rng.random() < 0.7:
        return f"{d.year}{sep}{d.month:02d}{sep}{d.day:02d}"
    return f"{d.year}{sep}{d.month}{sep}{d.day}"


TRAINED_FORMS: dict[str, Callable[[dt.date, random.Random], str]] = {
    "day month year": day_month_year,
    "the Nth of month": the_day_of_month,
    "month day, year": month_day_year,
    "year-first numeric": year_first_numeric,
}


# ---------------------------------------------------------------- held-out surface forms
def month_the_nth(d, rng):  # March the 3rd, 2021: "the Nth" moved after the month
    return f"{_month(d, rng)} the {ordinal(d.day)}, {d.year}"


def mixed_case(d, rng):  # mArCh 3, 2021 / 3 sEPtemBER 2021: per-letter random case
    def scramble(w):
        return "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in w)
    name = MONTHS[d.month - 1]
    word = scramble(name if rng.random() < 0.5 else name[:3])
    if rng.random() < 0.5:
        return f"{word} {d.day}, {d.year}"
    return f"{d.day} {word} {d.year}"


def weekday_numeric(d, rng):  # Wednesday 2021-03-03: weekday prefixes were only on word forms
    name = WEEKDAYS[d.weekday()]
    word = _case(name if rng.random() < 0.5 else name[:3], rng)
    return f"{word}{rng.choice([', ', ' '])}{d.year}-{d.month:02d}-{d.day:02d}"


def ordinal_day_month_no_the(d, rng):  # 3rd of March 2021: "of" without "the"
    return f"{ordinal(d.day)} of {_month(d, rng)} {d.year}"


HELDOUT_FORMS: dict[str, Callable[[dt.date, random.Random], str]] = {
    "Month the Nth, year": month_the_nth,
    "mixed-case month": mixed_case,
    "weekday + numeric": weekday_numeric,
    "Nth of Month (no 'the')": ordinal_day_month_no_the,
}


# ---------------------------------------------------------------- dates and examples
def iso(d: dt.date) -> str:
    return d.isoformat()


def is_real_date(text: str) -> bool:
    """Whether `text` is an ISO date that exists (the model copies digits; it never learned calendars)."""
    try:
        return dt.date.fromisoformat(text).isoformat() == text
    except ValueError:
        return False


def _ordinal_range() -> tuple[int, int]:
    return dt.date(FIRST_YEAR, 1, 1).toordinal(), dt.date(LAST_YEAR, 12, 31).toordinal()


def random_date(rng: random.Random) -> dt.date:
    lo, hi = _ordinal_range()
    return dt.date.fromordinal(rng.randint(lo, hi))


def heldout_dates(n: int = N_HELDOUT_DATES) -> list[dt.date]:
    """The evaluation dates: a fixed seeded sample that training never generates."""
    rng = random.Random(HELDOUT_SEED)
    seen: dict[dt.date, None] = {}
    while len(seen) < n:
        seen[random_date(rng)] = None
    return list(seen)


def training_examples(seed: int, exclude: set[dt.date]) -> Iterator[tuple[str, str]]:
    """An endless stream of (surface form, ISO) pairs in the trained forms only."""
    rng = random.Random(seed)
    forms = list(TRAINED_FORMS.values())
    while True:
        d = random_date(rng)
        if d in exclude:
            continue
        yield rng.choice(forms)(d, rng), iso(d)


def eval_set(forms: dict[str, Callable], seed: int, dates: list[dt.date] | None = None) -> list[tuple[str, str, str]]:
    """(form name, surface text, ISO) for every held-out date, each in one form (round robin)."""
    rng = random.Random(seed)
    dates = heldout_dates() if dates is None else dates
    names = list(forms)
    return [(names[i % len(names)], forms[names[i % len(names)]](d, rng), iso(d)) for i, d in enumerate(dates)]
