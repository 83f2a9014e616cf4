"""One matching form of a text, shared by every scanner; never shown or stored.

People write past filters with look-alike letters (Cyrillic "nаked", Greek "νυde"),
full-width or math letters ("ｎｕｄｅ", "𝐧𝐮𝐝𝐞"), accents ("nüdë"), invisible characters
("na\u200bked"), letters split by spaces, dots, hyphens or underscores ("a n u d e",
"n.u.d.e", "nu-de") and digits for letters ("n4k3d"). `normalize()` undoes all of that:

1. NFKC (full-width, styled and compatibility letters to plain ones);
2. format characters (zero-width, bidi controls, soft hyphen) removed, control
   characters turned into spaces;
3. accents stripped (NFD, combining marks dropped), then NFC again;
4. case folded ("Straße" -> "strasse");
5. look-alike letters folded to Latin ones with Unicode's confusables table
   (confusables.txt, shipped by the `confusable-homoglyphs` package): only in words that
   mix scripts or that fold wholly to Latin, so ordinary Russian or Greek text stays as is;
6. leetspeak inside words ("n4k3d" -> "naked"; "3 eggs" stays);
7. letters repeated 3+ times collapsed ("naaaked" -> "naked");
8. single letters split by spaces or symbols joined ("n.u.d.e", "n*u*d*e", "n/u/d/e",
   "n|u|d|e", "n • u • d • e", emoji between letters -> "nude"; "a n u d e" -> "anude"), leet
   digits inside such a run read as letters ("n.u.d.3" -> "nude"; this step runs before 6),
   and hyphens/dots/underscores inside a word removed
   ("nu-de" -> "nude"); see `variants()` for the spelling with the leading one-letter word,
   and for partly split words ("n a c k te", "doors n i j d e n": the run joined with the
   rest of its word, one side at a time). "+" reads "t" between letters ("n@ck+e").

The scanners keep the original text for what they show and store; this form is only
matched against. Word lists are passed through the same function, so they are written
without accents ("decapite" matches "décapité").
"""
from __future__ import annotations

import itertools
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "€": "e",
                       "!": "i", "*": "u", "+": "t"})
# a word holding at least one letter and some leet characters ("f*ck", "sh!t", "n4k3d", "n@ck+e")
# ("!", "*" and "+" only between letters: "hello!", "*bold*" and "C++" keep them)
_LEET_CHAR = r"(?:[\w@$€]|(?<=[\w@$€])[!*+](?=[\w@$€]))"
_LEET_WORD = re.compile(r"(?<![\w@$€!*+])(?=" + _LEET_CHAR + r"*[^\W\d_])(?=" + _LEET_CHAR + r"*[013457@$€!*+])"
                        + _LEET_CHAR + r"+")
_REPEAT = re.compile(r"([^\W\d_])\1{2,}")
# >= 3 single letters or leet digits, each followed by a separator: a space, or one to three
# symbols with a space on either side ("n u d e", "n.u.d.e", "n*u*d*e", "n/u/d/e", "n|u|d|e",
# "n • u • d • e", "n..u..d..e", emoji between letters "n🔥a💦k🍆e✨d", leet mixed in "n.u.d.3",
# "p*0*r*n"); a run must hold a letter (so "1 2 3" and "3.5.1" stay as written)
_SPLIT_SEP = r"(?:\s?(?:[^\w\s,;:!?()\[\]{}\"']|_){1,3}\s?|\s)"  # punctuation of prose ends a run
_SPLIT_LETTERS = re.compile(r"(?<![^\W_])(?:[^\W_]" + _SPLIT_SEP + r"){2,}[^\W_](?![^\W_])")
_SPLIT_DROP = re.compile(r"[\W_]+")
# a hyphen, dot, underscore or star between letters inside one word: "nu-de", "be-head-ed"
_INNER_JOIN = re.compile(r"(?<=[^\W\d_])[\-_.*](?=[^\W\d_])")
# a split run with the rest of its word written whole beside it: "n a c k te", "c o r t a rse"
# (up to four letters after the run), "doors n i j d e n" (the word before it); one side at a time
_RUN = r"((?:[^\W_]" + _SPLIT_SEP + r"){2,}[^\W_])"
_PART_SEP = r"(?:\s|[^\w\s,;:!?()\[\]{}\"'])"  # a space or the run's own symbol: "n/a/c/k/te"
_SPLIT_PART = (re.compile(r"(?<![^\W_])" + _RUN + _PART_SEP + r"([^\W\d_]{2,4})(?![^\W_])"),
               re.compile(r"(?<![^\W_])([^\W\d_]{2,})" + _PART_SEP + _RUN + r"(?![^\W_])"))
MAX_SPELLINGS = 8  # look-alike words with several readings: at most this many spellings each


@lru_cache(maxsize=1)
def _confusables() -> dict[str, tuple[str, ...]]:
    """Non-ASCII character -> the ASCII letters it can be mistaken for (lower case)."""
    import confusable_homoglyphs

    data = json.loads((Path(confusable_homoglyphs.__file__).parent / "confusables.json").read_text(encoding="utf-8"))
    table: dict[str, tuple[str, ...]] = {}
    for char, glyphs in data.items():
        if len(char) != 1 or char.isascii():
            continue
        letters = []
        for g in glyphs:
            c = g["c"].casefold()
            if len(c) == 1 and "a" <= c <= "z" and c not in letters:
                letters.append(c)
        if letters:
            table[char] = tuple(letters)
    return table


def _readings(char: str) -> tuple[str, ...]:
    """Latin readings of one character: its confusable look-alikes, then its transliteration
    (Greek "ν" looks like "v" but reads "n"; a filter must consider both)."""
    out = list(_confusables().get(char, ()))
    if not char.isascii():
        from anyascii import anyascii

        t = anyascii(char).casefold()
        if len(t) == 1 and "a" <= t <= "z" and t not in out:
            out.append(t)
    return tuple(out)


def _fold_word(word: str) -> list[str]:
    """Latin spellings of a word with look-alike letters; [word] when there is nothing to fold.
    A word is folded when it mixes ASCII letters with look-alikes, or when every letter has
    a Latin look-alike ("ѕех"); plain Cyrillic or Greek words stay as they are."""
    if word.isascii():
        return [word]
    options = []
    foldable = True
    mixed = any(ch.isascii() and ch.isalpha() for ch in word)
    for ch in word:
        if ch.isascii() or not ch.isalpha():
            options.append((ch,))
            continue
        r = _readings(ch) if ch in _confusables() else ()
        if not r:
            foldable = False
            options.append((ch,))
        else:
            options.append(r)
    if not (mixed or foldable):
        return [word]
    return ["".join(p) for p in itertools.islice(itertools.product(*options), MAX_SPELLINGS)]


def _drop(text: str, category: str) -> str:
    """text without the characters of one Unicode category. Only the distinct non-ASCII
    characters are looked up (no ASCII character is Cf or Mn), so a long text costs one
    str.translate, not a Python call per character."""
    gone = {ord(ch): None for ch in set(text) if not ch.isascii() and unicodedata.category(ch) == category}
    return text.translate(gone) if gone else text


def _base(text: str) -> str:
    """Steps 1-4: NFKC, no format/control characters, no accents, case folded."""
    if text.isascii():  # NFKC, NFD and the Cf/Mn categories leave ASCII unchanged
        return _CONTROL.sub(" ", text).casefold()
    text = _drop(unicodedata.normalize("NFKC", text), "Cf")
    text = _CONTROL.sub(" ", text)
    text = _drop(unicodedata.normalize("NFD", text), "Mn")
    return unicodedata.normalize("NFC", text).casefold()


# a whitespace-delimited word holding a leet character; anchored at word starts so that the
# search stays linear however long a word is
_LEET_CANDIDATE = re.compile(r"(?<!\S)\S*?[013457@$€!*+]\S*")


def _deleet(text: str) -> str:
    """Leetspeak undone, word by word: only words that hold a leet character are looked at
    (_LEET_WORD never crosses whitespace, so this gives the same result as running it on
    the whole text, at a fraction of the cost on long ordinary text)."""
    def word(m: re.Match) -> str:
        return _LEET_WORD.sub(lambda w: w.group(0).translate(_LEET), m.group(0))
    return _LEET_CANDIDATE.sub(word, text)


def _join(text: str, drop_lead: bool) -> str:
    """Step 8, split letters. drop_lead: keep a leading one-letter word ("a", "i") apart."""
    def run(m: re.Match) -> str:
        letters = _SPLIT_DROP.sub("", m.group(0))
        if letters.isdigit():
            return m.group(0)  # numbers, versions, dates: not split letters
        letters = letters.translate(_LEET) if not letters.isalpha() else letters
        if drop_lead and letters[0] in "ai" and len(letters) > 3:
            return letters[0] + " " + letters[1:]
        return letters
    return _SPLIT_LETTERS.sub(run, text)


def _join_part(text: str, side: int) -> str:
    """Split runs joined with the word written whole after (side 0) or before (side 1) them."""
    def run(m: re.Match) -> str:
        parts = [g if g.isalpha() else _SPLIT_DROP.sub("", g) for g in m.groups()]
        if any(p.isdigit() for p in parts):
            return m.group(0)
        return "".join(p.translate(_LEET) if not p.isalpha() else p for p in parts)
    return _SPLIT_PART[side].sub(run, text)


# a whitespace-delimited word holding a non-ASCII character (linear: anchored at word starts)
_NON_ASCII_WORD = re.compile(r"(?<!\S)\S*?[^\x00-\x7f]\S*")


def _join_foreign(m: re.Match) -> str:
    """A split run holding a non-ASCII letter, joined before look-alikes are folded, so that
    the joined word is folded as one ("d ε c α p ι τ α τ ε d" -> "decapitated")."""
    run = m.group(0)
    if run.isascii():
        return run
    letters = _SPLIT_DROP.sub("", run)
    # a leading one-letter word ("a", "i") is kept apart, as in variants()' second reading
    return letters[0] + " " + letters[1:] if letters[0] in "ai" and len(letters) > 4 else letters


def _spellings(text: str) -> list[str]:
    """Steps 1-5: the base form, once per reading of its look-alike words (ASCII words have
    one reading, so only words with a non-ASCII character are looked at)."""
    base = _base(text)
    if base.isascii():
        return [base]
    base = _SPLIT_LETTERS.sub(_join_foreign, base)
    folded = {w: _fold_word(w) for w in set(_NON_ASCII_WORD.findall(base))}
    n = max((len(v) for v in folded.values()), default=1)

    def spelling(k: int):
        return lambda m: (lambda sp: sp[min(k, len(sp) - 1)])(folded[m.group(0)])
    return [_NON_ASCII_WORD.sub(spelling(k), base) for k in range(n)]


def iter_variants(text: str, collapse: bool = True):
    """variants(), one form at a time (a caller that reads only the first forms of a long
    text does not pay for the others)."""
    seen = set()
    for s in _spellings(text):
        # letters repeated 3+ times collapsed ("naaaked"), and as written ("xxx" is a word)
        for t in dict.fromkeys((_REPEAT.sub(r"\1", s), s) if collapse else (s,)):
            for drop_lead in (False, True):
                # split letters are joined before leetspeak is undone, so that a leet digit inside
                # a split word is read with it ("n.u.d.3" -> "nude", "5 3 x" -> "sex")
                joined = _join(t, drop_lead)
                forms = [_deleet(joined)]
                if joined != t and not drop_lead:  # a split run: also the partly split reading
                    forms += [_deleet(_join_part(t, side)) for side in (0, 1)]
                for form in forms:
                    if collapse:
                        form = _REPEAT.sub(r"\1", form)
                    # "nu-de" -> "nude"; the form with the hyphen ("torn-apart") stays for phrases
                    for f in (_INNER_JOIN.sub("", form), form):
                        if f not in seen:
                            seen.add(f)
                            yield f


def variants(text: str, collapse: bool = True) -> list[str]:
    """The matching forms of text, the main one first (see the module docstring).

    More than one when the text has split letters after a one-letter word ("a n u d e":
    "anude" and "a nude") or look-alike letters with several Latin readings ("νυde":
    "vude", "nude", ...). Word rules match any of them; classifiers read the first.
    collapse=False keeps repeated letters (word lists: "xxx").
    """
    return list(iter_variants(text, collapse))


def normalize(text: str, collapse: bool = True) -> str:
    """The main matching form of text (= variants(text)[0], without building the others)."""
    s = _spellings(text)[0]
    if collapse:
        s = _REPEAT.sub(r"\1", s)
    s = _deleet(_join(s, False))
    if collapse:
        s = _REPEAT.sub(r"\1", s)
    return _INNER_JOIN.sub("", s)
