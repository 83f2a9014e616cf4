"""Extractive answers: quote the sentences of the retrieved chunks that best answer the question.

    quotes = select_quotes(question, checker, idf=col.bm25.idf)
    answer_text(quotes)  # 'Senators serve for six Years. [2]'

A quote is a sentence of a retrieved chunk, verbatim (whitespace collapsed), with its [n].
Sentences are ranked by meaning (MiniLM cosine to the question) and by how much of the
question's weight (IDF of its content words) they hold, the same two signals the answer's
grounding and the abstention use, plus a small bonus when the sentence has the form of an
answer to this kind of question (answer_type.py: a definition entry for "how do I ...?"). A
second sentence is added when it is nearly as good and
holds question words the first lacks (a fact spread over two sentences). A sentence's coverage
also counts the sentence before it (the heading or entry head that names its subject), and a
best quote that is only a stub brings the sentence after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Callable

from core.retrieval import question_encoder, quote_ranker, soft_coverage
from core.retrieval.answer_type import adjustment, asks_for_means, is_term_entry, is_usage_synopsis
from core.retrieval.bm25 import stem
from core.retrieval.chunk_headers import document_title
from core.retrieval.grounding import GroundingChecker, content_words

MEANING_WEIGHT, COVERAGE_WEIGHT = 0.6, 0.4
# a question word the sentence lacks counts as held at this share of its weight when one of the sentence's words lies
# within SOFT_MIN_COSINE of it, each word embedded alone (soft_coverage.py: visitors' "bigger" for the page's
# "larger"). Off: the best of four settings (cosine 0.8, full share) answered 305 -> 307 of 427 tuning questions
# where its rule asked for +4, held-out 381 -> 382 of 617 (session 37,
# benchmarks/results/rag_issue13_session37_soft_coverage.md). 0 = off
SOFT_SHARE = 0.0
SOFT_MIN_COSINE = 0.8
# a second quote must score at least this share of the best one: 0.7 beat 0.9 / 0.8 / 0.6 on the
# tuning sets (sample 0.792 / 0.808 / 0.817 / 0.817 grounded correct, long 0.582 / 0.582 / 0.618 /
# 0.618; `benchmarks/rag.py --grounded --systems extractive@X`, #13 round 5); held-out sets not read
SECOND_WITHIN = 0.7
MAX_QUOTE_CHARS = 600
# a sentence shorter than this (words, content words) is never quoted: it is taken for a fragment.
# Until round 21 5 / 3, so a short fact ("Office hours are 9 to 5.", "-L Follow symbolic links.") never
# was the answer; a sentence under SHORT_WORDS / SHORT_CONTENT_WORDS may only be the BEST quote (never a
# second quote, neighbour or follow-up, and it takes none of the places the second-quote rule reads):
# anywhere, short sentences crowded out the right second quote. #13 round 21
# (benchmarks/results/rag_issue13_round21_short_quotes.md): tuning 232 -> 233 grounded correct (3/2
# anywhere: 230), held-out 1-7 193 -> 195, no set lower, abstention unchanged. 5 / 3 / False = round 20
MIN_QUOTE_WORDS, MIN_QUOTE_CONTENT_WORDS = 3, 2
SHORT_QUOTES_BEST_ONLY = True
SHORT_WORDS, SHORT_CONTENT_WORDS = 5, 3
# a sentence's coverage also counts, at this share, the question words of the sentence just before
# it in its chunk: in reference texts the subject is often named only there ("## Amendment III" /
# "No Soldier shall ...", "-v Verbose mode." / "Multiple -v options increase the verbosity.")
CONTEXT_SHARE = 1.0
# a best quote this short (words) or ending in ":" is a stub; the sentence after it is quoted too
STUB_WORDS = 8
# ... only when the best quote ends in ":", or that sentence holds a question word or refers back. On since
# round 24f (with STUB_FOLLOW_WHY), judged as a precision change: tuning 234 = 234, held-out 1-7 195 -> 194 (a
# setext heading was the best quote and the answer came after it: STUB_FOLLOW_HEADING, 24g, brings it back),
# 21 answers lose an unrelated follow-up ("Open-toed shoes are not
# allowed." no longer brings "Chemical spills are reported ..."). Round 21 measured 233 = 233 and left it off
# because its rule asked for more correct answers. False = off
STUB_FOLLOW_ABOUT_QUESTION = True
# ... and a question asking "why" always gets the next sentence: the reason follows a short statement without
# repeating the question's words ("- Everything between [2.7.0 - 2.8.3) is yanked." / "There is a bug with
# evaluate_response_callback ..."; #13 round 24f)
STUB_FOLLOW_WHY = True
# ... and a best quote that is a heading (a setext underline "Building and Installing Kerberos 5 ----", or "# ...")
# always gets the next sentence, as one ending in ":" does (#13 round 24g). False = off
STUB_FOLLOW_HEADING = True
_HEADING_STUB = re.compile(r"(?:^\s*#|[-=]{3,}\s*$)")
_WHY = re.compile(r"^\W*why\b", re.IGNORECASE)
# a question that names an option ("What does the -X option of less turn off?") is answered by
# that option's entry: every sentence of a chunk whose first line names it gets this bonus (with
# per-entry chunks, splitting.ENTRY_CHUNKS, a chunk is one entry). #13 round 8, tuning sets: long
# grounded correct 0.673 / 0.691 / 0.709 / 0.709 at 0 / 0.15 / 0.3 / 0.5 (with the next rule), sample
# 0.842 at each
NAMED_ENTRY_BONUS = 0.3
# the abstention reads the best sentence as ranked without that bonus (what it was fitted on): with
# the bonused one, less's "-X" question abstained at bonus 0.3. False = round 8's first version
ABSTAIN_WITHOUT_BONUS = True
# every sentence of an option entry (a chunk whose first line starts with an option) also counts, at
# this share, the question words of its whole entry: "-i identity_file Selects a file from which the
# identity (private key) ... is read." holds fewer of "How do I tell ssh which private key file to
# use?"'s words than an aside of the same entry, which won the quote. #13 round 9, tuning sets
# (`benchmarks/rag.py --grounded --systems "extractive (round 8)" extractive+entryhead
# extractive+entryall extractive+entryhead50`): long 0.691 / 0.691 (head only, share 1) / 0.709
# (every sentence, share 1) / 0.673 (head only, share 0.5); sample 0.825 in each. 0 = round 8
ENTRY_SHARE = 1.0
ENTRY_SCOPE = "all"  # "head": only the entry's first sentence
# a second quote from the best one's option entry needs only this share of its score (0: SECOND_WITHIN
# as for any other): the rest of an entry states its limits ("Multiple -v options increase the
# verbosity.") in words MiniLM puts far from the question. #13 round 10 (`benchmarks/rag.py --grounded
# --systems extractive extractive+sameentry50 extractive+sameentry40`): long 0.745 -> 0.764 at 0.5
# and 0.4 (ssh -v's maximum), sample 0.825 at each; the four held-out sets unchanged at 0.5. 0 = round 9
SAME_ENTRY_WITHIN = 0.5
# a sentence holding a question word with a negating prefix ("Are tuples mutable?" / "Tuples are
# immutable sequences") answers a yes/no question about it: that word counts as held. #13 round 10
# (`benchmarks/rag.py --grounded --systems extractive extractive+terms extractive+negated`): long
# 0.727 -> 0.745 (tuples), sample and the four held-out sets unchanged (0 answers or abstentions
# moved). False = round 9
NEGATED_WORDS = True
# a sentence that opens by referring back ("It caches in Redis by default.", "This makes the run
# faster", "However, this can often be hard to read") is about what an earlier sentence named. Its
# coverage counts the words of the sentences back to the one that names the subject (at most this
# many; the sentence just before counts anyway, CONTEXT_SHARE): "It caches in Redis by default."
# follows "It aimns to be a "ccache" for coccinelle", which follows the sentence naming spatchcache.
# Reading its meaning with that sentence too (the normalised sum of the two vectors) lifted asides
# that refer back to the best quote over the right second quote (dev prose -1 net, round 11), so only
# the words count. #13 round 11 (`benchmarks/rag.py --grounded --systems "extractive (round 10)"
# extractive+antecedents`): dev prose 0.787 -> 0.809 alone, sample 0.842 and long 0.800 unchanged. 0 = round 10
ANTECEDENT_DEPTH = 3
# the sentence right after the best quote that refers back to it continues it ("* To speed up our
# rules ... concatenate all of the *.cocci files ..." / "This makes the run faster, as ..."): when no
# other sentence qualifies as a second quote (one holding question words the best lacks, which
# won on the long set: ssh's "Multiple -v options increase the verbosity."), it is the second quote
# if it scores at least this share of the best one. #13 round 11 (extractive+continuation): dev prose
# 0.787 -> 0.809 alone, sample and long unchanged. 0 = off (round 10)
CONTINUATION_WITHIN = 0.5
# #13 round 24b: a second quote that opens with a pronoun ("He shall hold his Office during the Term of four
# Years.") is taken only when what it refers to is shown or asked about: the sentence before it is a chosen
# quote, or it (or one further back, while they open with pronouns) holds a word of the question. A visitor
# asking for a Representative's term got the President's "He ..." as a second quote. False = off
SECOND_ANTECEDENT = True
# #13 round 24d: the words naming the document the question asks about ("according to the Zen of Python") do not
# count as question words a second quote adds: the title line "The Zen of Python, by Tim Peters" was quoted
# after the answer. False = off
SECOND_NOT_BY_NAME = True
# a list item, a table row or a sentence under a Markdown heading often names its subject only in
# its lead-in: "**Typer** requires only a few dependencies:" / "* [`shellingham`](...): to
# automatically detect the current shell ...", the header row "| Dataset | BM25S | Elastic |" /
# "| nfcorpus | **1196.16** | 45.84 |", "### Throughput (Queries per second)". Its coverage counts the
# words of that lead-in at this share, as CONTEXT_SHARE does for the sentence just before: for a list
# item the sentence ending in ":" before its list, for a table row the table's header row, and the
# nearest heading above it (in the chunk, or else the chunk's section header, chunk_headers.py).
# OFF (0), with LEAD_IN_MEANING, ROW_HEADER_QUOTE and grounding.TABLE_ROWS: together (1.0 / True) they
# lifted the dev readme tuning set 0.641 -> 0.672 grounded correct (sample, long, dev prose unchanged)
# but cost held-out 3 two answers (0.700 -> 0.650; held-out 1, 2, 4, 5 and every abstention unchanged;
# `benchmarks/rag.py --grounded --systems extractive "extractive (round 12)"` at daf4126, #13 round 12,
# benchmarks/results/rag_issue13_round12_lists.md; system "extractive+leadins" runs it). 1.0 = on
LEAD_IN_SHARE = 0.0
# A question that names a document ("What does the MIT license say about warranty?") is about that
# document: a sentence's coverage also counts the words of its document's name (the title part of
# the chunk's header, chunk_headers.py) that the sentence itself does not hold, at this share.
# 0.5 (round 12, benchmarks/results/rag_issue13_round12_docname.md): sample 0.842 -> 0.858, other
# tuning sets unchanged (1.0 lost a long-set answer); held-out 0.775 -> 0.800, held-out 2-5 unchanged.
DOCUMENT_NAME_SHARE = 0.5
# A question that names a document is answered from it: when the question names one or more retrieved
# documents ("What does the MIT license disclaim?" with mit_license.txt among the passages), quotes come
# only from those documents (and from a sentence that itself names one), as long as they hold a quotable
# sentence. Without it the BSD licence's "...and the following disclaimer" outranked every MIT sentence
# on the word alone. The same test as grounding's WRONG_DOCUMENT, which quotes are exempt from.
NAMED_DOCUMENT_QUOTES = True
# A question that names a document reads its meaning through that name: "What does the MIT license
# disclaim?" is nearer (MiniLM) to the licence's opening grant than to its warranty disclaimer, and the
# document's name is already counted for every sentence of it (DOCUMENT_NAME_SHARE). So a sentence of a
# document the question names also reads the question without the words of that document's name ("What
# does the disclaim?") and keeps the better of the two cosines. False = round 15
NAMELESS_MEANING = True
# Which documents' sentences read the question without the document's name (NAMELESS_MEANING): "asked" = the
# documents the question names by a distinctive word (grounding.document_names: a word of the file name that not
# every retrieved document's name has; round 16); "titled" = every retrieved document whose name the question holds,
# by a word of the name or by an identifier made of its parts ("aiohttp_retry" of aiohttp_retry.md, "git-jump" of
# git-jump.README.txt), also when every retrieved passage is from that one document. A README's question names its
# project ("Which editor was git-jump written and tested with?"), and MiniLM then puts every sentence that names the
# project ("git-jump will feed this to the editor:") above the one that answers ("This script was written and
# tested with vim."). "asked" = round 16
NAMELESS_SCOPE = "asked"
# how a sentence of such a document reads the two questions: "max" = the better of the two cosines (round 16);
# "nameless" = the cosine to the question without the name only (the name's words still count in coverage,
# DOCUMENT_NAME_SHARE); "mean" = the mean of the two
NAMELESS_READING = "max"
# a sentence that follows a line holding nothing but its document's name (the title line "MIT License")
# counts those words at DOCUMENT_NAME_SHARE like every other sentence of the document, not at CONTEXT_SHARE:
# otherwise a document's first sentence wins every question that names the document. False = round 15
TITLE_LINE_AS_NAME = True
# a sentence right next to the best quote (before or after it, in its chunk) that scores at least this
# share of it is quoted with it when no other sentence qualified as a second quote: a clause of a licence
# or a paragraph of a reference text is often spread over neighbouring sentences ("THE SOFTWARE IS PROVIDED
# "AS IS" ..." / "IN NO EVENT SHALL THE AUTHORS ... BE LIABLE ..."), and neither holds a question word the
# other lacks. 0 = round 15
NEIGHBOUR_WITHIN = 0.8
# ... and only when the neighbour is near the question on its own, not through the best quote: a sentence right
# after the best one inherits its question words (CONTEXT_SHARE) and every sentence of a named document its name
# (DOCUMENT_NAME_SHARE), so a score within 0.8 of the best brought off-subject sentences ("Is OCR supported?" / "A
# password-protected PDF must be saved without its password first."). The neighbour's own cosine to the question
# must be at least NEIGHBOUR_OWN_MEANING of the best quote's, and the question's IDF weight it holds in its own words
# at least NEIGHBOUR_OWN_COVERAGE of the best quote's (0 >= 0 passes: the MIT disclaimer and liability clause hold
# none of "What does the MIT license disclaim?"'s words). 0 / 0 = round 16
NEIGHBOUR_OWN_MEANING = 0.0
NEIGHBOUR_OWN_COVERAGE = 0.0
# a version the question names ("Does mmh3 still support Python 3.9?", "What was added in mmh3 5.3.1?") is one of
# its words: content_words() drops numbers, so the sentence that states "3.9" held no more of the question than
# one about 3.15. A dotted version (two or more parts) counts with the weight of the question's rarest word, held
# by a sentence that states it, by the sentence before it or by the nearest Markdown heading above it in its
# chunk that names a version (a changelog's "### [5.3.1] - 2026-10-01"). False = round 16
VERSION_TERMS = False
# A question about a default ("What is the default ssh escape character?") is answered by the sentence that
# says "default" ("-e escape_char Sets the escape character ... (default: '~')."), which often ranks below the
# one naming the subject. When the best quote does not say it, the first of the next DEFAULT_PLACES candidates
# that does becomes the second quote if it scores at least DEFAULT_WITHIN of the best. None = off (round 22).
# #13 round 23 (benchmarks/results/rag_issue13_round23_default_questions.md): tuning 233 -> 234 grounded correct
# (0.5 and 0 alike), held-out 1-7 195 -> 196, held-out 8 19 -> 20; one held-out near-miss no longer abstains
DEFAULT_WITHIN: float | None = 0.5
DEFAULT_PLACES = 9
_DEFAULT = re.compile(r"\bdefault", re.IGNORECASE)
_VERSION = re.compile(r"(?<![\w.])v?(\d+(?:\.\d+)+)(?![\w]|\.\d)")


def versions(text: str) -> set[str]:
    return {"#" + m for m in _VERSION.findall(text)}


def _heading_above(chunk: str, start: int) -> str:
    """The nearest Markdown heading line above `start` in the chunk that names a version ("" if none): a
    changelog's release heading, above its "#### Added" / "#### Fixed" subheadings."""
    lines = [ln for ln in chunk[:start].split("\n") if ln.lstrip().startswith("#") and _VERSION.search(ln)]
    return lines[-1] if lines else ""


# which sentences count their nearest heading: "items" (list items and table rows) or "all"
LEAD_IN_HEADING = "items"
# a list item or table row is also read in its lead-in's light: its meaning is the better of its own
# cosine to the question and that of "<lead-in> <item>" (one more embedding per item). False = words only (off,
# see LEAD_IN_SHARE)
LEAD_IN_MEANING = False
# a best quote that is a table row brings its header row (quoted before it): a row of numbers says
# nothing without its column names (off, see LEAD_IN_SHARE)
ROW_HEADER_QUOTE = False
_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s")
_ROW = re.compile(r"^\s*\|")
_RULE_ROW = re.compile(r"^[\s|:-]+$")
_LEAD = r"^\W*(?:(?:however|also|so|thus|therefore|but|and|instead|otherwise|still|then|in)\W+)?"
_REFERRING = r"it|its|this|that|these|those|they|their|such"
_BACK_REFERENCE = re.compile(_LEAD + rf"(?:{_REFERRING})\b", re.IGNORECASE)
# ... and with personal pronouns, which SECOND_ANTECEDENT reads ("He shall hold his Office ...")
_PRONOUN_START = re.compile(_LEAD + rf"(?:{_REFERRING}|he|she|his|her|him)\b", re.IGNORECASE)
_NEGATING_PREFIXES = ("un", "in", "im", "ir", "il", "non", "dis")
_RAW_WORD = re.compile(r"(?u)\b\w[\w-]+\b")
_OPTION = re.compile(r"(?<![\w-])--?[A-Za-z][\w-]*")


def _named_entries(question: str, checker: GroundingChecker) -> set[int]:
    """[n] of the hits that are an entry (first line starts with an option) of an option the question names."""
    named = set(_OPTION.findall(question))
    if not named or not NAMED_ENTRY_BONUS:
        return set()
    out = set()
    for n, h in enumerate(checker.hits, start=1):
        head = h.text.lstrip().split("\n", 1)[0]  # an entry's head: its first line starts with an option
        if _OPTION.match(head) and named & set(_OPTION.findall(head)):
            out.add(n)
    return out


@dataclass
class Quote:
    n: int  # [n] of the chunk
    chunk_id: str
    start: int
    end: int
    text: str  # whitespace-collapsed sentence
    score: float
    meaning: float
    coverage: float
    verified: float | None = None  # the answer verifier's probability, when it read this sentence
    named_bonus: float = 0.0  # the part of `score` from NAMED_ENTRY_BONUS
    lead_in: str = ""  # a list item's or table row's lead-in (LEAD_IN_SHARE): what names its subject
    # what the fitted re-ranking reads (quote_ranker.py)
    features: dict = field(default_factory=dict, compare=False, repr=False)


# #13 round 25: a question in a document (an FAQ's "**Can I bring my child's bike?**") states nothing; it is
# never a quote (with grounding.EMPHASIS_ENDS_SENTENCE it is a sentence of its own). False = off
QUESTIONS_ARE_NOT_QUOTES = True
# #13 round 26: a troubleshooting FAQ's symptom in bold, followed in its paragraph by the remedy
# ("**The light does not come on.** Check that the kettle sits flat ..."), names what the next sentence is
# about; quoted alone, it answered "The light doesn't work, what do I do?" with the symptom. Such an
# emphasised lead is never a quote; its words still count for the sentence after it (CONTEXT_SHARE).
# A bold sentence alone in its paragraph (a warning) stays quotable. False = off
EMPHASIS_LEADS_ARE_NOT_QUOTES = True
_EMPHASISED = re.compile(r"(\*\*|__)[^*_\n]+\1[\"')\]”’]*")


# #13 round 26e: a plain-text document's first line, short and without closing punctuation, is its title ("BSD
# 3-Clause License"). When it says nothing beyond the document's name and the question's own words, it answers
# nothing: quoted as the best sentence, it answered "What is the penalty for violating the BSD license?" (a
# near-miss: the licence states no penalty), and its closeness made the abstention answer. A title that adds
# something stays quotable ("The Zen of Python, by Tim Peters" for "Who wrote the Zen of Python?"). False = off
TITLE_LINES_ARE_NOT_QUOTES = True
_CLOSING = ".!?:;,\"')]”’"


def is_title_line(c, hits) -> bool:
    """The candidate sentence is the first line of its document's first chunk: 1-8 words, no closing punctuation,
    a line of its own."""
    hit = hits[c.n - 1]
    if getattr(hit, "index", None) != 0 or getattr(hit, "page", 1) != 1 or hit.text[:c.start].strip():
        return False
    line = hit.text[c.start:c.end]
    return "\n" not in line.strip() and 1 <= len(line.split()) <= 8 and not line.rstrip().endswith(tuple(_CLOSING)) \
        and hit.text[c.end:c.end + 1] in ("", "\n")


def _restates_title(c, hits, question: str) -> bool:
    if not is_title_line(c, hits):
        return False
    name = content_words(document_title(hits[c.n - 1].source or ""))
    return content_words(c.text) - name <= content_words(question)


def emphasis_leads(every: list, hits) -> set:
    """(n, start) of each sentence that is wholly emphasised and followed, in its paragraph, by another."""
    out = set()
    for c, nxt in zip(every, every[1:]):
        if nxt.n == c.n and _EMPHASISED.fullmatch(c.text.strip()) \
                and "\n\n" not in hits[c.n - 1].text[c.end:nxt.start]:
            out.add((c.n, c.start))
    return out


def _quotable(text: str, lead_words: int = 0) -> bool:
    """A sentence worth quoting: not a heading, not a usage synopsis, not a fragment of a few words,
    not a question. A table row (or list item) counts the `lead_words` content words of its lead-in too."""
    first = text.lstrip()
    return not first.startswith(("#", "===", "---", "***")) \
        and _long_enough(text, MIN_QUOTE_WORDS, MIN_QUOTE_CONTENT_WORDS, lead_words) \
        and not is_usage_synopsis(text) and not _RULE_ROW.match(text) \
        and not (QUESTIONS_ARE_NOT_QUOTES and text.rstrip().rstrip("*_\"')”’").endswith("?"))


def _long_enough(text: str, words: int, content: int, lead_words: int = 0) -> bool:
    return len(text.split()) >= words and len(content_words(text)) + lead_words >= content


def _short(text: str) -> bool:
    return not _long_enough(text, SHORT_WORDS, SHORT_CONTENT_WORDS)


def is_item(text: str) -> bool:
    return bool(_ITEM.match(text))


def is_row(text: str) -> bool:
    return bool(_ROW.match(text))


def _heading_text(text: str) -> str:
    return text.lstrip().lstrip("#").strip()


def lead_ins(every: list, hits) -> dict:
    """(n, start) of a list item or table row (or, with LEAD_IN_HEADING "all", any sentence) -> its
    lead-in sentences: the sentence ending in ":" before its list, or its table's header row, and
    the nearest heading above it. `every` holds the single sentences of the hits, in order."""
    out: dict = {}
    by_hit: dict = {}
    for c in every:
        by_hit.setdefault(c.n, []).append(c)
    for n, own in by_hit.items():
        section = getattr(hits[n - 1], "header", "") or ""
        section = section.split(" · ", 1)[1] if " · " in section else ""
        heading = None  # the last heading sentence seen in this chunk
        for i, c in enumerate(own):
            text = c.text.lstrip()
            if text.startswith("#"):
                heading = c
                continue
            item, row = is_item(text), is_row(text)
            if not (item or row or LEAD_IN_HEADING == "all"):
                continue
            lead = None
            if item:
                j = i - 1
                while j >= 0:
                    prev = own[j].text.strip()
                    if prev.startswith("#"):
                        break
                    if not is_item(prev):
                        if prev.endswith(":"):
                            lead = own[j]
                            break
                        if j == 0 or not is_item(own[j - 1].text):  # not an item's second sentence
                            break
                    j -= 1
            elif row:
                j = i
                while j > 0 and is_row(own[j - 1].text):
                    j -= 1
                if j < i and j + 1 < len(own) and _RULE_ROW.match(own[j + 1].text.strip()):
                    lead = own[j]  # the first row of the table, above its |---| rule
            parts = [lead.text] if lead is not None else []
            if heading is not None:
                parts.append(_heading_text(heading.text))
            elif section and (item or row or LEAD_IN_HEADING == "all"):
                parts.append(section)
            if parts:
                out[(c.n, c.start)] = (lead, " ".join(parts))
    return out


def refers_back(sentence: str) -> bool:
    """The sentence opens with a word that points at an earlier one ("It ...", "This means ...")."""
    return bool(_BACK_REFERENCE.match(sentence))


def _antecedents(c, previous: dict) -> list:
    """The sentences before `c` in its chunk, nearest first, back to the one that names what
    `c` (and each sentence between) refers to; [] when `c` does not refer back."""
    out, cur = [], c
    while len(out) < ANTECEDENT_DEPTH and refers_back(cur.text) and (cur.n, cur.start) in previous:
        cur = previous[(cur.n, cur.start)]
        out.append(cur)
    return out


def negated_words(question: str, sentence: str) -> set[str]:
    """Stems of the question's words that the sentence holds with a negating prefix."""
    if not NEGATED_WORDS:
        return set()
    raw = _RAW_WORD.findall(sentence.lower())  # "case-insensitive", "non-blocking" also as their parts, joined
    words = set(raw) | {w.replace("-", "") for w in raw} | {p for w in raw for p in w.split("-")}
    return {stem(w) for w in re.findall(r"\w+", question.lower())
            if len(w) >= 4 and any(p + w in words for p in _NEGATING_PREFIXES)}


def weighted_coverage(question_words: set[str], words: set[str], idf: Callable[[str], float] | None) -> float:
    """Share of the question's IDF weight whose words occur in `words` (1.0 for an empty question)."""
    if not question_words:
        return 1.0
    weight = {w: (idf(w) if idf else 1.0) for w in question_words}
    total = sum(weight.values()) or 1.0
    return sum(v for w, v in weight.items() if w in words) / total


def rank_sentences(question: str, checker: GroundingChecker, idf=None,
                   context: str | None = None) -> list[Quote]:
    """Every single sentence of the hits, best first. `context` (a follow-up's standalone
    question) counts half as much as the question itself."""
    every = [c for c in checker.candidates if not c.pair]
    previous = {(c.n, c.start): every[i - 1] for i, c in enumerate(every) if i and every[i - 1].n == c.n}
    leads = lead_ins(every, checker.hits) if LEAD_IN_SHARE or LEAD_IN_MEANING else {}
    lead_words_of = {key: content_words(text) for key, (_, text) in leads.items()}
    leads_only = emphasis_leads(every, checker.hits) if EMPHASIS_LEADS_ARE_NOT_QUOTES else set()
    singles = [c for c in every if _quotable(c.text, len(lead_words_of.get((c.n, c.start), ())) if is_row(c.text)
                                             else 0) and (not c.markdown or _quotable(c.view))
               and (c.n, c.start) not in leads_only
               and not (TITLE_LINES_ARE_NOT_QUOTES and _restates_title(c, checker.hits, question))]
    if not singles:
        return []
    checker._ensure_vectors()
    queries = [question] + ([context] if context and context != question else [])
    qvecs = checker._embed(queries)
    # the ranking reads the question encoder tuned to visitors' wording where it ships; `meaning` (what the
    # abstention reads) stays the wheel's cosine, on which the abstention was fitted
    tuned = question_encoder.question_vectors(queries) if question_encoder.ranks_quotes() else None
    read_with_lead = {}  # (n, start) -> the cosine of "<lead-in> <item>" to the question
    if LEAD_IN_MEANING:
        keyed = [((c.n, c.start), f"{leads[(c.n, c.start)][1]} {c.view}") for c in singles
                 if (c.n, c.start) in leads and (is_item(c.text) or is_row(c.text))]
        if keyed:
            vectors = checker._embed([t for _, t in keyed])
            read_with_lead = {k: float(qvecs[0] @ v) for (k, _), v in zip(keyed, vectors)}
    qwords = content_words(question)
    qversions = versions(question) if VERSION_TERMS else set()
    if qversions:
        rarest = max((idf(w) if idf else 1.0 for w in qwords), default=1.0)
        plain_idf = idf
        idf = lambda w: rarest if w.startswith("#") else (plain_idf(w) if plain_idf else 1.0)  # noqa: E731
        qwords = qwords | qversions
    cwords = content_words(context) - qwords if context else set()
    means = asks_for_means(question)
    entries = _named_entries(question, checker)
    entry_words: dict[int, set[str]] = {}  # [n] of an option entry's chunk -> the words of all its sentences
    entry_head: dict[int, int] = {}  # [n] -> start of its first sentence
    if ENTRY_SHARE:
        for n, h in enumerate(checker.hits, start=1):
            if _OPTION.match(h.text.lstrip().split("\n", 1)[0]):
                own = [c for c in every if c.n == n]
                if own:
                    entry_words[n] = set().union(*(c.words for c in own))
                    entry_head[n] = min(c.start for c in own)
    title_words = {n: content_words(document_title(h.source))
                   for n, h in enumerate(checker.hits, start=1)} if DOCUMENT_NAME_SHARE or TITLE_LINE_AS_NAME else {}
    nameless = _nameless_vectors(question, checker) if NAMELESS_MEANING else {}
    nameless_rank = nameless if tuned is None or not nameless else _nameless_vectors(
        question, checker, question_encoder.question_vectors)
    facts = quote_ranker.question_facts(question, says_default(question))
    forms_of = {(c.n, c.start): soft_coverage.word_forms(c.text) for c in singles} if SOFT_SHARE else {}
    soft = soft_coverage.SoftMatcher(question, list(forms_of.values()), checker._embed) if SOFT_SHARE else None
    first_start = {}  # [n] -> start of its chunk's first sentence
    for c in every:
        first_start[c.n] = min(first_start.get(c.n, c.start), c.start)
    out = []
    for c in singles:
        meaning = max(float(qvecs[0] @ c.vector), read_with_lead.get((c.n, c.start), -1.0))
        ranking_meaning = meaning if tuned is None else _blend(meaning, max(
            float(tuned[0] @ c.vector), read_with_lead.get((c.n, c.start), -1.0)))
        source = checker.hits[c.n - 1].source
        if source in nameless:
            alone = float(nameless[source] @ c.vector)
            rank_alone = alone if tuned is None else _blend(alone, float(nameless_rank[source] @ c.vector))
            ranking_meaning = {"nameless": rank_alone, "mean": (ranking_meaning + rank_alone) / 2}.get(
                NAMELESS_READING, max(ranking_meaning, rank_alone))
            meaning = max(meaning, alone)  # what the abstention reads (its "sentence" feature), as in round 16
        words = c.words | negated_words(question, c.text)
        if qversions:
            words = words | (versions(c.text) | versions(_heading_above(checker.hits[c.n - 1].text, c.start))) & qversions
        coverage = weighted_coverage(qwords, words, idf)
        lead = previous.get((c.n, c.start))
        lead_words = lead.words if lead is not None else set()
        if qversions and lead is not None:
            lead_words = lead_words | (versions(lead.text) & qversions)
        if TITLE_LINE_AS_NAME and lead_words and lead_words <= title_words.get(c.n, set()):
            lead_words = set()  # the title line: its words count through DOCUMENT_NAME_SHARE
        chain = _antecedents(c, previous) if ANTECEDENT_DEPTH else []
        if chain:
            lead_words = set().union(lead_words, *(a.words for a in chain))
        covered = coverage
        if CONTEXT_SHARE and lead is not None:
            covered += CONTEXT_SHARE * (weighted_coverage(qwords, words | lead_words, idf) - coverage)
        if DOCUMENT_NAME_SHARE and title_words.get(c.n):
            held = words | lead_words
            covered += DOCUMENT_NAME_SHARE * (weighted_coverage(qwords, held | title_words[c.n], idf)
                                              - weighted_coverage(qwords, held, idf))
        if LEAD_IN_SHARE and (c.n, c.start) in lead_words_of:
            covered = max(covered, coverage + LEAD_IN_SHARE * (weighted_coverage(
                qwords, words | lead_words_of[(c.n, c.start)], idf) - coverage))
        if c.n in entry_words and (ENTRY_SCOPE == "all" or c.start == entry_head[c.n]):
            covered = max(covered, coverage + ENTRY_SHARE * (
                weighted_coverage(qwords, entry_words[c.n] | words, idf) - coverage))
        if soft is not None:
            covered += soft.gain(qwords, qwords - words - lead_words, forms_of[(c.n, c.start)], idf,
                                 SOFT_SHARE, SOFT_MIN_COSINE)
        adjust = adjustment(question, c.text, means, means and is_term_entry(checker.hits[c.n - 1].text, c.start))
        score = MEANING_WEIGHT * ranking_meaning + COVERAGE_WEIGHT * covered + adjust
        bonus = NAMED_ENTRY_BONUS if c.n in entries else 0.0
        score += bonus
        if len(qvecs) > 1:
            extra = MEANING_WEIGHT * (float(qvecs[1] @ c.vector) if tuned is None else _blend(
                float(qvecs[1] @ c.vector), float(tuned[1] @ c.vector))) + COVERAGE_WEIGHT * (
                weighted_coverage(cwords, c.words, idf) if cwords else 0.0)
            score += 0.5 * extra
        score += 0.02 / c.n  # ties go to the better-ranked chunk
        parts = {"score": score, "meaning": ranking_meaning, "coverage": coverage, "covered": covered,
                 "adjustment": adjust, "named_bonus": bonus, "n": c.n, "first_in_chunk": c.start == first_start[c.n],
                 "refers_back": refers_back(c.text), "item": is_item(c.text), "row": is_row(c.text),
                 "says_default": says_default(c.text)}
        out.append(Quote(c.n, c.chunk_id, c.start, c.end, " ".join(c.text.split()), score, meaning, coverage,
                         named_bonus=bonus, lead_in=leads.get((c.n, c.start), (None, ""))[1] if LEAD_IN_SHARE else "",
                         features=quote_ranker.sentence_features(facts, c.text, parts)))
    out.sort(key=lambda q: -q.score)
    return quote_ranker.rerank(out)


def _blend(wheel: float, tuned: float) -> float:
    """A quote's ranking meaning from the wheel's and the tuned question vectors' cosines."""
    return (1 - question_encoder.TUNED_SHARE) * wheel + question_encoder.TUNED_SHARE * tuned


def _is_name_word(word: str, name: set[str]) -> bool:
    """A word of the question that is (part of) a document's name: its content words, or with NAMELESS_SCOPE
    "titled" the parts of an identifier ("aiohttp_retry", "git-jump's"), all among the name's words."""
    own = content_words(word)
    if own and own <= name:
        return True
    if NAMELESS_SCOPE != "titled":
        return False
    parts = content_words(" ".join(re.split(r"[-_.]+", re.sub(r"'s$", "", word.strip("?.,!:;()\"'`")))))
    return bool(parts) and parts <= name


def _nameless_vectors(question: str, checker: GroundingChecker, embed=None) -> dict:
    """{document the question names: the question's vector without the words of that document's name}
    (`embed`: another question embedder than the checker's, e.g. question_encoder.question_vectors)."""
    out, by_text = {}, {}
    if NAMELESS_SCOPE == "titled":
        sources = {h.source for h in checker.hits if any(
            _is_name_word(w, content_words(document_title(h.source or ""))) for w in question.split())}
    else:
        sources = checker.asked_documents
    for source in sources:
        name = content_words(document_title(source or ""))
        kept = [w for w in question.split() if not _is_name_word(w, name)]
        text = " ".join(kept)
        if text != " ".join(question.split()) and content_words(text):
            by_text.setdefault(text, []).append(source)
    if by_text:
        for text, vector in zip(by_text, (embed or checker._embed)(list(by_text))):
            out.update({source: vector for source in by_text[text]})
    return out


# #13 round 25: a plain-text heading line glued to the sentence under it ("Cleaning\nBrush out the burrs once a
# week ...", "DESCRIPTION\n  The tar command ...") is not shown as part of the quote: a line of one to five words
# with no closing punctuation, followed by a line that starts a sentence. Display only: ranking is unchanged.
# False = off
HEADING_LINE_OFF_QUOTES = True
_HEADING_LINE = re.compile(r"[ \t]*([A-Za-z][A-Za-z0-9 '&/()-]{0,60})[ \t]*\n\s*(?=[A-Z0-9\"'(\[])")


_LINE_WRAP_ENDS = frozenset("the a an of or and to in on at by for with from as that this is are be shall may "
                            "must will not no".split())


def _without_heading_line(q: Quote, checker: GroundingChecker) -> Quote:
    raw = checker.hits[q.n - 1].text[q.start:q.end]
    m = _HEADING_LINE.match(raw)
    if not m or not 1 <= len(m.group(1).split()) <= 5 or len(raw[m.end():].split()) < MIN_QUOTE_WORDS \
            or m.group(1).split()[-1].lower() in _LINE_WRAP_ENDS:
        return q  # a hard-wrapped sentence ("IN NO EVENT SHALL THE\nAUTHORS ...") goes on after such a word
    # the heading still names what the quote is about for the evidence checks ("Choosing the grind" for "How
    # many grind settings ...?"), as a list item's lead-in does
    return replace(q, start=q.start + m.end(), text=" ".join(raw[m.end():].split()),
                   lead_in=f"{q.lead_in} {m.group(1).strip()}".strip())


def select_quotes(question: str, checker: GroundingChecker, idf=None, context: str | None = None,
                  ranked: list[Quote] | None = None) -> list[Quote]:
    chosen = _select_quotes(question, checker, idf, context, ranked)
    if HEADING_LINE_OFF_QUOTES:
        chosen = [_without_heading_line(q, checker) for q in chosen]
    return chosen


def _select_quotes(question: str, checker: GroundingChecker, idf=None, context: str | None = None,
                   ranked: list[Quote] | None = None) -> list[Quote]:
    ranked = ranked if ranked is not None else rank_sentences(question, checker, idf, context)
    if NAMED_DOCUMENT_QUOTES:
        ranked = from_named_documents(ranked, checker)
    if not ranked:
        return []
    if SHORT_QUOTES_BEST_ONLY:
        ranked = ranked[:1] + [q for q in ranked[1:] if not _short(q.text)]
    best = ranked[0]
    chosen = [best]
    qwords = content_words(question)
    held = {w for w in qwords if w in content_words(best.text)}
    if ROW_HEADER_QUOTE and is_row(best.text):
        header = _header_row(best, checker)
        if header is not None:
            chosen.insert(0, header)
            held |= content_words(header.text) & qwords
    if STUB_WORDS and (len(best.text.split()) <= STUB_WORDS or best.text.endswith(":")):
        after = [q for q in ranked if q.n == best.n and q.start > best.end]
        if after:
            nxt = min(after, key=lambda q: q.start)
            heading = STUB_FOLLOW_HEADING and bool(_HEADING_STUB.search(best.text))
            about = not STUB_FOLLOW_ABOUT_QUESTION or best.text.endswith(":") or heading or refers_back(nxt.text) \
                or bool(content_words(nxt.text) & qwords) or bool(STUB_FOLLOW_WHY and _WHY.match(question))
            if about and len(best.text) + len(nxt.text) <= MAX_QUOTE_CHARS:
                chosen.append(nxt)
                held |= content_words(nxt.text) & qwords
    default = _default_quote(question, best, ranked, chosen)
    if default is not None:
        chosen.append(default)
        return chosen
    entry = SAME_ENTRY_WITHIN and _OPTION.match(checker.hits[best.n - 1].text.lstrip().split("\n", 1)[0])
    stub = len(chosen) > 1
    if SECOND_NOT_BY_NAME:
        held = held | checker.asked_document_words
    for q in ranked[1:6]:
        if q in chosen:
            continue
        within = min(SECOND_WITHIN, SAME_ENTRY_WITHIN) if entry and q.n == best.n else SECOND_WITHIN
        if q.score < within * best.score or sum(len(c.text) for c in chosen) + len(q.text) > MAX_QUOTE_CHARS:
            continue
        if SECOND_ANTECEDENT and not _antecedent_shown_or_asked(q, ranked, checker, chosen, qwords):
            continue
        if (content_words(q.text) & qwords) - held:
            chosen.append(q)
            return chosen
    if CONTINUATION_WITHIN and not stub:
        nxt = _next_sentence(best, ranked, checker)
        if nxt is not None and refers_back(nxt.text) and nxt.score >= CONTINUATION_WITHIN * best.score \
                and len(best.text) + len(nxt.text) <= MAX_QUOTE_CHARS:
            chosen.append(nxt)
    if NEIGHBOUR_WITHIN and len(chosen) == 1:
        near = [q for q in (_previous_sentence(best, ranked, checker), _next_sentence(best, ranked, checker))
                if q is not None and q.score >= NEIGHBOUR_WITHIN * best.score
                and q.meaning >= NEIGHBOUR_OWN_MEANING * best.meaning
                and q.coverage >= NEIGHBOUR_OWN_COVERAGE * best.coverage
                and len(best.text) + len(q.text) <= MAX_QUOTE_CHARS]
        if near:
            q = max(near, key=lambda q: q.score)
            chosen.insert(0 if q.start < best.start else 1, q)  # in the order of the document
    return chosen


def _antecedent_shown_or_asked(q: Quote, ranked: list[Quote], checker: GroundingChecker, chosen: list[Quote],
                               qwords: set[str]) -> bool:
    """For a quote that opens with a pronoun: whether what it refers to is among the chosen quotes or named
    by the question (the sentences before it, back to one that does not open with a pronoun). True for a
    quote that opens otherwise."""
    cur = q
    for _ in range(max(1, ANTECEDENT_DEPTH)):
        if not _PRONOUN_START.match(cur.text):
            return cur is q  # else: the sentence that names the subject, already found to hold no question word
        prev = _previous_sentence(cur, ranked, checker)
        if prev is None:
            return False
        if prev in chosen or content_words(prev.text) & qwords:
            return True
        cur = prev
    return False


def says_default(text: str) -> bool:
    """The text speaks of a default ("default", "defaults", "by default")."""
    return bool(_DEFAULT.search(text))


def _default_quote(question: str, best: Quote, ranked: list[Quote], chosen: list[Quote]) -> Quote | None:
    """For a question about a default whose best quote does not say "default": the first of the next
    DEFAULT_PLACES candidates that does and scores at least DEFAULT_WITHIN of the best (None: none, or off)."""
    if DEFAULT_WITHIN is None or not says_default(question) or any(says_default(q.text) for q in chosen):
        return None
    room = MAX_QUOTE_CHARS - sum(len(q.text) for q in chosen)
    for q in ranked[1:1 + DEFAULT_PLACES]:
        if q not in chosen and says_default(q.text) and q.score >= DEFAULT_WITHIN * best.score and len(q.text) <= room:
            return q
    return None


def from_named_documents(ranked: list[Quote], checker: GroundingChecker) -> list[Quote]:
    """The quotes from the documents the question names, or every quote when it names none (or none
    of those documents has a quotable sentence)."""
    if not checker.asked_documents:
        return ranked
    kept = [q for q in ranked if checker.hits[q.n - 1].source in checker.allowed_documents(content_words(q.text))]
    return kept or ranked


def _header_row(row: Quote, checker: GroundingChecker) -> Quote | None:
    """The header row of the table that `row` belongs to, as a quote (None: not in the chunk)."""
    every = [c for c in checker.candidates if not c.pair]
    lead = lead_ins(every, checker.hits).get((row.n, row.start), (None, ""))[0]
    if lead is None or not is_row(lead.text) or lead.start == row.start:
        return None
    return Quote(lead.n, lead.chunk_id, lead.start, lead.end, " ".join(lead.text.split()), 0.0, 0.0, 0.0)


def _next_sentence(best: Quote, ranked: list[Quote], checker: GroundingChecker) -> Quote | None:
    """The quotable sentence that directly follows `best` in its chunk (only blanks between)."""
    after = [q for q in ranked if q.n == best.n and q.start >= best.end]
    if not after:
        return None
    nxt = min(after, key=lambda q: q.start)
    return nxt if not checker.hits[best.n - 1].text[best.end:nxt.start].strip() else None


def _previous_sentence(best: Quote, ranked: list[Quote], checker: GroundingChecker) -> Quote | None:
    """The quotable sentence that directly precedes `best` in its chunk (only blanks between)."""
    before = [q for q in ranked if q.n == best.n and q.end <= best.start]
    if not before:
        return None
    prev = max(before, key=lambda q: q.end)
    return prev if not checker.hits[best.n - 1].text[prev.end:best.start].strip() else None


def answer_text(quotes: list[Quote]) -> str:
    return " ".join(f"{q.text} [{q.n}]" for q in quotes)

